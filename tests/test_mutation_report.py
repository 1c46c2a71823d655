"""Report indicators no test pinned until a mutation run showed it (scripts/mutation.py).

One small file of conferences, each row's verdict worked out by hand beside it from
England's rules (Working Together 2013, in force from 15 April 2013 to 25 March 2015): an
initial conference within 15 working days of the strategy discussion, the first review
within 3 months of it, later reviews within 6 months, the first core group within 10
working days. Mon 15 Dec 2014 + 15 working days is Thu 8 Jan 2015 (25 and 26 December and
1 January are bank holidays): the 10th working day after the discussion is Wed 31 December,
the 11th Fri 2 January, the 20th Thu 15 January and the 21st Fri 16 January. The summary
is checked whole, so a changed count, band, period or order shows. docs/security.md lists
the mutants judged equivalent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from safeguarding_rules import (
    Counting,
    CountingUnit,
    Period,
    ReportingPolicy,
    calendar_for,
    get_rule_set,
    to_data,
)
from safeguarding_rules.records import read_conference_records
from safeguarding_rules.reports import ComplianceReport, build_report

ENGLAND = get_rule_set("england")
HEAD = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date,previous_conference_type,core_group_date,reason_for_delay\n"
)
ROWS = (
    # Initial conferences, all from a strategy discussion on Mon 15 Dec 2014 (due 8 Jan).
    "A,I1,initial,2015-01-08,2014-12-15,,,2015-01-22,\n"  # 15th working day: on time
    "B,I2,initial,2015-01-09,2014-12-15,,,2015-01-26,Parents cannot attend\n"  # 16th: late by 1
    "C,I2,initial,2015-01-09,2014-12-15,,,2015-01-23,Parents cannot attend\n"  # B's sibling
    "D,I3,initial,2014-12-31,2014-12-15,,,,\n"  # 10th: on time, band 0-10
    "E,I4,initial,,2014-12-15,,,,\n"  # not held yet: pending
    "F,I5,initial,2015-01-02,2014-12-15,,,,\n"  # 11th: on time, band 11-15
    "G,I6,initial,2015-01-15,2014-12-15,,,,Chair unavailable\n"  # 20th: late by 5
    "H,I7,initial,2015-01-16,2014-12-15,,,,\n"  # 21st: late by 6, band 21+
    "J,I8,initial,2030-12-31,2030-12-20,,,,\n"  # due past 2030: not computable
    "Q,I9,initial,2006-02-01,2006-01-16,,,,\n"  # before any edition of the rule: not assessed
    # Reviews.
    "K,R1,review,2015-03-08,,2014-12-08,initial,,\n"  # first review due 8 Mar: on time
    "L,R2,review,2015-03-09,,2014-12-08,initial,,\n"  # due 8 Mar: late
    "M,R2,review,2015-03-09,,2014-12-10,initial,,\n"  # due 10 Mar: on time (R2 is late)
    "N,R3,review,2015-06-08,,2014-12-08,review,,\n"  # later review due 8 Jun: on time
    "D,R4,review,2015-03-31,,2014-12-31,,,\n"  # previous is D's I3 in the file: due 31 Mar
    "P,R5,review,2015-04-01,,,,,\n"  # no previous conference: not assessed
)


def report(
    tmp_path: Path, counting: Counting = Counting.EVENT_DAY_IS_DAY_0, **policy: Any
) -> ComplianceReport:
    path = tmp_path / "conferences.csv"
    path.write_text(HEAD + ROWS, encoding="utf-8")
    rule_set = attrs.evolve(ENGLAND, reporting=ReportingPolicy(**policy)) if policy else ENGLAND
    records = read_conference_records(path, calendar_for("england"))
    return build_report(records, rule_set, counting=counting)


def ratio(on_time: int, total: int, percent: float | None) -> dict[str, Any]:
    return {"on_time": on_time, "total": total, "percent": percent}


def test_initial_conferences_by_child_by_conference_band_period_and_lateness(
    tmp_path: Path,
) -> None:
    summary = to_data(report(tmp_path))
    late = {
        "strategy_discussion_date": "2014-12-15",
        "due_date": "2015-01-08",
    }
    assert summary["initial_conference_timeliness"] == {
        "assessed": True,
        "rule": "icpc",
        # A, D, F on time; B, C (one conference), G, H late.
        "by_child": ratio(3, 7, 42.9),
        "by_conference": ratio(3, 6, 50.0),
        "max_working_days": 21,
        "bands": {"0-10": 1, "11-15": 2, "16-20": 2, "21+": 1},
        "by_period": [
            # Financial-year quarters: 31 December 2014 is in Q3 of 2014-15, January in Q4.
            {
                "period": "2014-15 Q3",
                "by_child": ratio(1, 1, 100.0),
                "by_conference": ratio(1, 1, 100.0),
            },
            {
                "period": "2014-15 Q4",
                "by_child": ratio(2, 6, 33.3),
                "by_conference": ratio(2, 5, 40.0),
            },
        ],
        # By conference date: I2 on 9 January (2 children), I6 on the 15th, I7 on the 16th.
        "late_conferences": [
            {
                "conference_id": "I2",
                "child_ids": ["B", "C"],
                "conference_date": "2015-01-09",
                **late,
                "children": 2,
                "working_days": 16,
                "working_days_late": 1,
                "reason_for_delay": "Parents cannot attend",
                "reason_accepted": True,
            },
            {
                "conference_id": "I6",
                "child_ids": ["G"],
                "conference_date": "2015-01-15",
                **late,
                "children": 1,
                "working_days": 20,
                "working_days_late": 5,
                "reason_for_delay": "Chair unavailable",
                "reason_accepted": True,
            },
            {
                "conference_id": "I7",
                "child_ids": ["H"],
                "conference_date": "2015-01-16",
                **late,
                "children": 1,
                "working_days": 21,
                "working_days_late": 6,
                "reason_for_delay": None,
                "reason_accepted": None,
            },
        ],
        "pending": 1,
        # I4: 15 working days from Mon 15 Dec 2014, past Christmas, Boxing Day and New Year.
        "pending_conferences": [
            {
                "conference_id": "I4",
                "child_ids": ["E"],
                "strategy_discussion_date": "2014-12-15",
                "due_date": "2015-01-08",
            }
        ],
        "not_assessed": 2,  # I8 (not computable) and I9 (no edition in force)
        "not_computable": 1,
        "not_computable_conferences": [
            {"conference_id": "I8", "child_ids": ["J"], "strategy_discussion_date": "2030-12-20"}
        ],
        "target": None,
        "headline": "by_child",
    }


def test_reviews_are_on_time_by_child_and_late_by_conference_if_any_child_is(
    tmp_path: Path,
) -> None:
    # K, M, N and D on time, L late (so R2 is late); P has no previous conference.
    reviews = to_data(report(tmp_path))["review_timeliness"]
    assert reviews == {
        "assessed": True,
        "by_child": ratio(4, 5, 80.0),
        "by_conference": ratio(3, 4, 75.0),
        "not_assessed": {
            "rows": 1,
            "why": "no previous_conference_date, or its type is neither in the file nor given "
            "in previous_conference_type, or no edition of the rule covers it",
        },
        "by_period": [
            {"period": "2014-15 Q4", "by_child": ratio(3, 4, 75.0)},
            {"period": "2015-16 Q1", "by_child": ratio(1, 1, 100.0)},
        ],
        # R2 is late for L alone (M, counted from a later conference, is on time).
        "late_reviews": [
            {
                "conference_id": "R2",
                "child_ids": ["L"],
                "conference_date": "2015-03-09",
                "previous_conference_date": "2014-12-08",
                "due_date": "2015-03-08",
                "days_late": 1,
                "rule": "first_review",
            }
        ],
    }


def test_core_groups_and_the_rules_used(tmp_path: Path) -> None:
    # First core group within 10 working days of the initial conference: A's (8 Jan) is
    # due 22 January, held then; B's and C's (9 Jan) due 23 January: C's on the 23rd, B's
    # on the 26th, late.
    summary = to_data(report(tmp_path))
    assert summary["core_group_timeliness"] == {"assessed": True, "by_child": ratio(2, 3, 66.7)}
    used = [(u["rule"], u["edition"], u["rows"]) for u in summary["rules_used"]]
    # icpc for the 8 rows from 2014 (not I8, past the coverage, nor I9, before 2006-04-01).
    assert used == [("icpc", "wt2013", 8), ("first_review", "wt2013", 4),
                    ("subsequent_review", "wt2013", 1)]  # fmt: skip
    assert summary["records"] == {
        "rows": 16,
        "children": 15,
        "conferences": 14,
        "skipped_rows": 0,
        "problems": [],
    }


def test_each_row_carries_its_due_date_status_and_count(tmp_path: Path) -> None:
    rows = [
        (r["child_id"], r["conference_id"], r["due_date"], r["rule"], r["status"],
         r["working_days"], r["working_days_late"])
        for r in report(tmp_path).rows()
    ]  # fmt: skip
    assert rows == [
        ("A", "I1", "2015-01-08", "icpc", "on_time", "15", "0"),
        ("B", "I2", "2015-01-08", "icpc", "late", "16", "1"),
        ("C", "I2", "2015-01-08", "icpc", "late", "16", "1"),
        ("D", "I3", "2015-01-08", "icpc", "on_time", "10", "0"),
        ("E", "I4", "2015-01-08", "icpc", "pending", "", ""),
        ("F", "I5", "2015-01-08", "icpc", "on_time", "11", "0"),
        ("G", "I6", "2015-01-08", "icpc", "late", "20", "5"),
        ("H", "I7", "2015-01-08", "icpc", "late", "21", "6"),
        # Past the calendar's coverage: its rule applies, its due date is not computable.
        ("J", "I8", "", "icpc", "not_computable", "", ""),
        ("Q", "I9", "", "", "not_assessed", "", ""),
        ("K", "R1", "2015-03-08", "first_review", "on_time", "", ""),
        ("L", "R2", "2015-03-08", "first_review", "late", "", ""),
        ("M", "R2", "2015-03-10", "first_review", "on_time", "", ""),
        ("N", "R3", "2015-06-08", "subsequent_review", "on_time", "", ""),
        ("D", "R4", "2015-03-31", "first_review", "on_time", "", ""),
        ("P", "R5", "", "", "not_assessed", "", ""),
    ]


@pytest.mark.parametrize(
    ("target", "unit", "meets"),
    [
        (0.5, CountingUnit.CONFERENCE, True),  # 3 of 6 conferences: exactly 50%
        (0.51, CountingUnit.CONFERENCE, False),
        (0.42, CountingUnit.CHILD, True),  # 3 of 7 children: 42.9%
        (0.43, CountingUnit.CHILD, False),
    ],
)
def test_the_headline_is_measured_against_the_target(
    tmp_path: Path, target: float, unit: CountingUnit, meets: bool
) -> None:
    initial = to_data(report(tmp_path, target=target, headline_unit=unit))[
        "initial_conference_timeliness"
    ]
    assert (initial["headline"], initial["target"]) == (f"by_{unit.value}", target)
    assert initial["meets_target"] is meets


def test_a_rejected_reason_for_delay_is_not_accepted_whatever_its_case(tmp_path: Path) -> None:
    summary = to_data(report(tmp_path, rejected_delay_reasons={"PARENTS cannot attend"}))
    accepted = [
        (late["conference_id"], late["reason_accepted"])
        for late in summary["initial_conference_timeliness"]["late_conferences"]
    ]
    assert accepted == [("I2", False), ("I6", True), ("I7", None)]
    assert "meets_target" not in summary["initial_conference_timeliness"]  # no target set


def test_counts_are_whole_numbers_in_the_json(tmp_path: Path) -> None:
    # "working_days": 16, not 16.0, for the programs that read the JSON report.
    initial = to_data(report(tmp_path))["initial_conference_timeliness"]
    for late in initial["late_conferences"]:
        for key in ("children", "working_days", "working_days_late"):
            assert type(late[key]) is int, key
    assert type(initial["max_working_days"]) is int


def test_counting_the_discussion_as_day_1_brings_every_due_date_a_day_forward(
    tmp_path: Path,
) -> None:
    # The 15th working day counting 15 December as day 1 is Wed 7 January: I1 (8 January)
    # is now late by 1; F's I5 (2 January) and D's I3 (31 December) are still on time.
    built = report(tmp_path, counting=Counting.EVENT_DAY_IS_DAY_1)
    initial = to_data(built)["initial_conference_timeliness"]
    assert initial["by_child"] == ratio(2, 7, 28.6)
    assert [late["conference_id"] for late in initial["late_conferences"]] == [
        "I1",
        "I2",
        "I6",
        "I7",
    ]
    assert {
        row["due_date"]
        for row in built.rows()
        if row["rule"] == "icpc" and row["status"] != "not_computable"
    } == {"2015-01-07"}
    assert to_data(built)["counting"] == "day1"


def test_review_and_core_group_due_dates_follow_the_counting_convention(tmp_path: Path) -> None:
    # Counting the event as day 1 brings each review's due date a day forward: K's and L's
    # to 7 March, N's to 7 June and D's to 30 March, all now late; only M (due 9 March, held
    # that day) is on time. The core groups are due on the 9th working day after the
    # conference: A's 21 January, B's and C's 22 January, all late.
    summary = to_data(report(tmp_path, counting=Counting.EVENT_DAY_IS_DAY_1))
    assert summary["review_timeliness"]["by_child"] == ratio(1, 5, 20.0)
    assert summary["core_group_timeliness"]["by_child"] == ratio(0, 3, 0.0)


def test_indicators_without_their_records_say_why(tmp_path: Path) -> None:
    path = tmp_path / "initial.csv"
    path.write_text(HEAD + ROWS.splitlines(keepends=True)[3], encoding="utf-8")  # D: no core group
    summary = to_data(build_report(read_conference_records(path, calendar_for("england")), ENGLAND))
    assert summary["review_timeliness"] == {
        "assessed": False,
        "why": "no review conferences in the records",
    }
    assert summary["core_group_timeliness"] == {
        "assessed": False,
        "why": "no core_group_date given for initial conferences",
    }


def test_report_deadlines_count_what_was_done_on_or_before_the_due_date(tmp_path: Path) -> None:
    # Bracknell Forest (Berkshire LSCB handout): reports shared with parents 48 hours before
    # an initial conference and 5 working days before a review. Thu 8 Jan 2015 - 48 hours is
    # Tue 6 January; Fri 9 January's is due Wed 7 January; Mon 9 Mar 2015 - 5 working days
    # is Mon 2 March.
    path = tmp_path / "actions.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
        "previous_conference_date,previous_conference_type,report_to_parents_initial_date,"
        "report_to_parents_review_date\n"
        "A,I1,initial,2015-01-08,2014-12-15,,,2015-01-06,\n"  # on the due date: on time
        "B,I2,initial,2015-01-09,2014-12-15,,,2015-01-08,\n"  # a day after it: late
        "C,I3,initial,2015-01-12,2014-12-15,,,,\n"  # not recorded
        "D,I4,initial,,2014-12-15,,,,\n"  # not held: does not apply
        "K,R1,review,2015-03-09,,2014-12-08,initial,,2015-03-02\n"  # on time
        "L,R2,review,2015-03-09,,2014-12-08,initial,,2015-03-03\n",  # late
        encoding="utf-8",
    )
    bracknell = get_rule_set("bracknell-forest")
    actions = ("report_to_parents_initial", "report_to_parents_review")
    records = read_conference_records(path, bracknell.calendar(), action_rules=actions)
    assert to_data(build_report(records, bracknell))["report_deadlines"] == [
        {
            "rule": "report_to_parents_initial",
            "title": "Reports shared with parents (initial conference)",
            "by_child": ratio(1, 2, 50.0),
            "not_recorded": 1,
            "unconfirmed": False,
        },
        {
            "rule": "report_to_parents_review",
            "title": "Reports shared with parents (review conference)",
            "by_child": ratio(1, 2, 50.0),
            "not_recorded": 0,
            "unconfirmed": False,
        },
    ]


def test_rows_under_a_rule_s_first_edition_are_assessed(tmp_path: Path) -> None:
    # Working Together 2006 (in force from 1 April 2006) is the first edition of each rule.
    # Mon 11 Feb 2008 + 15 working days = Mon 3 March (no bank holiday between); the first
    # core group 10 working days after that is Mon 17 March (Easter 2008 is 21-24 March);
    # the first review 3 months after 3 March is 3 June: all held on their due dates.
    path = tmp_path / "2008.csv"
    path.write_text(
        HEAD
        + "S,I1,initial,2008-03-03,2008-02-11,,,2008-03-17,\n"
        + "S,R1,review,2008-06-03,,2008-03-03,initial,,\n",
        encoding="utf-8",
    )
    built = build_report(read_conference_records(path, calendar_for("england")), ENGLAND)
    summary = to_data(built)
    assert summary["initial_conference_timeliness"]["by_child"] == ratio(1, 1, 100.0)
    assert summary["initial_conference_timeliness"]["not_assessed"] == 0
    assert summary["core_group_timeliness"]["by_child"] == ratio(1, 1, 100.0)
    assert summary["review_timeliness"]["by_child"] == ratio(1, 1, 100.0)
    assert [(row["rule"], row["edition"], row["status"]) for row in built.rows()] == [
        ("icpc", "wt2006", "on_time"),
        ("first_review", "wt2006", "on_time"),
    ]


def test_a_previous_conference_s_type_is_taken_from_the_file_when_not_given(
    tmp_path: Path,
) -> None:
    # No first reviews here. T's previous conference is given as a review: due 6 months on,
    # 8 June 2015. V's previous conference (R0, 8 December 2014) is in the file, a review:
    # so V's R3 is a later review too, due 8 June. U's previous conference is neither in the
    # file nor typed, and R0 has none: neither is assessed.
    path = tmp_path / "reviews.csv"
    path.write_text(
        HEAD
        + "T,R1,review,2015-06-08,,2014-12-08,review,,\n"
        + "U,R2,review,2015-06-09,,2014-12-09,,,\n"
        + "V,R0,review,2014-12-08,,,,,\n"
        + "V,R3,review,2015-06-08,,2014-12-08,,,\n",
        encoding="utf-8",
    )
    built = build_report(read_conference_records(path, calendar_for("england")), ENGLAND)
    reviews = to_data(built)["review_timeliness"]
    assert (reviews["by_child"], reviews["not_assessed"]["rows"]) == (ratio(2, 2, 100.0), 2)
    assert [(row["conference_id"], row["rule"], row["status"]) for row in built.rows()] == [
        ("R1", "subsequent_review", "on_time"),
        ("R2", "", "not_assessed"),
        ("R0", "", "not_assessed"),
        ("R3", "subsequent_review", "on_time"),
    ]


def test_reviews_are_counted_by_the_period_asked_for(tmp_path: Path) -> None:
    # The reviews above by financial year: K, L, M and D in 2014-15 (L late), N in 2015-16.
    path = tmp_path / "conferences.csv"
    path.write_text(HEAD + ROWS, encoding="utf-8")
    records = read_conference_records(path, calendar_for("england"))
    built = build_report(records, ENGLAND, period=Period.YEAR)
    assert to_data(built)["review_timeliness"]["by_period"] == [
        {"period": "2014-15", "by_child": ratio(3, 4, 75.0)},
        {"period": "2015-16", "by_child": ratio(1, 1, 100.0)},
    ]
