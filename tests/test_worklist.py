"""The due-date worklist and its iCalendar output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from click.testing import CliRunner

import hostile_inputs as hostile
from safeguarding_rules import calendar_for, load_rule_sets
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_conference_records, read_records
from safeguarding_rules.reports import due_actions, render_ics, render_worklist_text

D = dt.date
RECORDS = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date,core_group_date,plan_end_date\n"
    "A,P1,initial,,2025-03-03,,,\n"  # initial conference not yet held
    "B,I1,initial,2025-01-08,2024-12-16,,,\n"  # held; no core group recorded; review due
    "C,I1,initial,2025-01-08,2024-12-16,,,\n"
    "D,I2,initial,2024-12-02,2024-11-18,,2024-12-10,\n"
    "D,R1,review,2025-03-03,,2024-12-02,,\n"  # D's latest is a review: next in 6 months
    "E,I3,initial,2024-12-02,2024-11-18,,2024-12-10,\n"
    "E,R2,review,2025-03-03,,2024-12-02,,2025-03-03\n"  # E's plan ended at the review
)


def actions(
    tmp_path: Path, as_of: dt.date, within: int | None = 28
) -> list[tuple[str, str, str, bool]]:
    path = tmp_path / "records.csv"
    path.write_text(RECORDS, encoding="utf-8")
    england = load_rule_sets()["england"]
    records = read_conference_records(path, calendar_for("england"))
    return [
        (a.deadline.due.isoformat(), a.deadline.rule.id, a.conference_id, a.overdue)
        for a in due_actions(records, england, as_of=as_of, within=within)
    ]


def test_worklist_lists_what_is_due_soonest_first(tmp_path: Path) -> None:
    found = actions(tmp_path, D(2025, 3, 10), within=None)
    assert found == [
        ("2025-01-22", "first_core_group", "I1", True),  # 10 WD after 8 Jan 2025
        ("2025-03-24", "icpc", "P1", False),  # 15 WD after Mon 3 Mar 2025
        ("2025-04-08", "first_review", "I1", False),  # 3 months after 8 Jan 2025
        ("2025-09-03", "subsequent_review", "R1", False),  # 6 months after 3 Mar 2025
    ]


def test_no_review_is_due_after_a_plan_ends(tmp_path: Path) -> None:
    found = actions(tmp_path, D(2025, 3, 10), within=None)
    assert ("2025-09-03", "subsequent_review", "R2", False) not in found
    # Before the plan ended, E's review was due like D's.
    earlier = actions(tmp_path, D(2025, 3, 2), within=None)
    assert ("2025-03-02", "first_review", "I3", False) in earlier


def test_within_limits_the_horizon_inclusively(tmp_path: Path) -> None:
    # The ICPC is due on 24 March: 14 days after 10 March includes it, 13 days does not.
    found = actions(tmp_path, D(2025, 3, 10), within=14)
    assert [rule for _, rule, _, _ in found] == ["first_core_group", "icpc"]
    found = actions(tmp_path, D(2025, 3, 10), within=13)
    assert [rule for _, rule, _, _ in found] == ["first_core_group"]


def test_ics_is_valid_and_deterministic(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(RECORDS, encoding="utf-8")
    target = tmp_path / "team.ics"
    args = ["due", str(path), "--as-of", "2025-03-10", "--within", "60", "--format", "ics"]
    result = CliRunner().invoke(main, [*args, "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    raw = target.read_bytes().decode("utf-8")
    calendar = icalendar.Calendar.from_ical(raw)
    events = [c for c in calendar.walk("VEVENT")]
    assert [e.decoded("DTSTART") for e in events] == [D(2025, 1, 22), D(2025, 3, 24), D(2025, 4, 8)]
    assert str(events[0]["SUMMARY"]).startswith("OVERDUE: First core group meeting")
    again = CliRunner().invoke(main, args)
    assert again.stdout == raw.replace("\r\n", "\n")  # deterministic: no clock
    assert raw.endswith("\r\n")
    assert "\n" not in raw.replace("\r\n", "")  # RFC 5545 line ends
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))


def test_render_ics_of_nothing_is_an_empty_calendar() -> None:
    text = render_ics([], as_of=D(2025, 1, 1))
    assert icalendar.Calendar.from_ical(text).walk("VEVENT") == []


def test_an_earlier_plan_ending_does_not_end_a_later_one(tmp_path: Path) -> None:
    """F's first initial conference led to no plan (it ended there); a second one did."""
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
        "plan_end_date\n"
        "F,I8,initial,2024-06-03,2024-05-13,2024-06-03\n"
        "F,I9,initial,2025-01-08,2024-12-16,\n",
        encoding="utf-8",
    )
    records = read_conference_records(path, calendar_for("england"))
    found = due_actions(records, load_rule_sets()["england"], as_of=D(2025, 3, 10), within=None)
    # No core_group_date column: core groups are not recorded, so none is due.
    assert [(a.deadline.rule.id, a.conference_id) for a in found] == [("first_review", "I9")]


def _census_child(child_id: str, parts: str) -> str:
    ids = f"<ChildIdentifiers><LAchildID>{child_id}</LAchildID></ChildIdentifiers>"
    return f"<Child>{ids}<CINdetails>{parts}</CINdetails></Child>\n"


def _plan(start: str, *reviews: str) -> str:
    listed = "".join(f"<CPPreviewDate>{r}</CPPreviewDate>" for r in reviews)
    return (
        f"<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate>"
        f"<Reviews>{listed}</Reviews></ChildProtectionPlans>"
    )


def _reviews(path: Path, as_of: dt.date) -> list[tuple[str, str, str]]:
    england = load_rule_sets()["england"]
    records = read_records(path, england).records
    return [
        (a.children[0], a.deadline.rule.id, a.deadline.start.isoformat())
        for a in due_actions(records, england, as_of=as_of, within=None)
        if a.deadline.rule.id.endswith("_review")
    ]


def test_a_plans_next_review_counts_only_from_reviews_held_by_as_of(tmp_path: Path) -> None:
    """A census's review recorded after --as-of is not yet held: nothing counts from it."""
    s47 = (
        "<Section47><S47ActualStartDate>2024-12-20</S47ActualStartDate>"
        "<DateOfInitialCPC>2025-01-15</DateOfInitialCPC>"
        "<ICPCnotRequired>false</ICPCnotRequired></Section47>"
    )
    path = tmp_path / "census.xml"
    path.write_text(
        hostile.census(
            [
                # The tester's case: the initial conference and the plan in the file.
                _census_child("A", s47 + _plan("2025-01-15", "2025-04-16")),
                # The plan's start conference not in the file: its start, then its reviews.
                _census_child("B", _plan("2025-01-15", "2025-04-16")),
                _census_child("C", _plan("2024-10-01", "2025-01-10", "2025-04-16")),
            ],
            reference="2025-03-31",
        ),
        encoding="utf-8",
    )
    assert sorted(_reviews(path, D(2025, 3, 31))) == [
        ("A", "first_review", "2025-01-15"),
        ("B", "first_review", "2025-01-15"),
        ("C", "subsequent_review", "2025-01-10"),
    ]
    assert sorted(_reviews(path, D(2025, 4, 20))) == [
        ("A", "subsequent_review", "2025-04-16"),
        ("B", "subsequent_review", "2025-04-16"),
        ("C", "subsequent_review", "2025-04-16"),
    ]


def test_an_annex_a_plans_only_review_after_as_of_leaves_its_reviews_not_known(
    tmp_path: Path,
) -> None:
    """List 7 gives only the latest review. Held after --as-of, it says nothing of the reviews
    held by then (a first one in February would not be in the file): the plan's review is
    listed as not assessed, saying why, never counted from the plan's start as a guess."""
    rows = [["Child Unique ID", "Child Protection Plan Start Date",
             "Date of latest review conference", "Child Protection Plan End Date"],
            ["A", "2025-01-15", "2025-04-16", ""]]  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "a.xlsx", {"List 7": hostile.rows_xml(rows)})
    assert _reviews(path, D(2025, 3, 31)) == []
    england = load_rule_sets()["england"]
    records = read_records(path, england).records
    (unknown,) = due_actions(records, england, as_of=D(2025, 3, 31), within=None).not_assessed
    assert (unknown.rule_id, unknown.children, unknown.start) == (
        "first_review", ("A",), D(2025, 1, 15),
    )  # fmt: skip
    assert unknown.reason == (
        "the file gives only the plan's latest review (2025-04-16), held after this day, so "
        "the reviews held by this day are not known"
    )
    text = CliRunner().invoke(main, ["due", str(path), "--as-of", "2025-03-31"]).stdout
    assert "not assessed: the file gives only the plan's latest review (2025-04-16)" in text
    # After it, the next review counts from it.
    assert _reviews(path, D(2025, 4, 20)) == [("A", "subsequent_review", "2025-04-16")]


#: Counted from 14 Dec 2029 over 2029 and 2030, whose one-off bank holidays may yet be
#: announced: a PROVISIONAL due date (Wed 9 Jan 2030).
PROVISIONAL = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
    "Y1,IC1,initial,,2029-12-14\n"
)


def _due(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "prov.csv"
    path.write_text(PROVISIONAL, encoding="utf-8")
    result = CliRunner().invoke(main, ["due", str(path), "--as-of", "2029-12-20", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_provisional_due_date_is_flagged_in_the_text_worklist(tmp_path: Path) -> None:
    english = _due(tmp_path).splitlines()
    assert english[-1] == (
        "  2030-01-09 Initial child protection conference: conference IC1 (children: Y1) "
        "[PROVISIONAL]"
    )
    welsh = _due(tmp_path, "--language", "cy")
    assert (
        "  9 Ionawr 2030 Cynhadledd amddiffyn plant gychwynnol: cynhadledd IC1 (plant: Y1) "
        "[PROVISIONAL (dros dro)]\n"
    ) in welsh
    # The whole-unit worklist (due --adults/--missing) renders through the same function.
    england = load_rule_sets()["england"]
    records = read_conference_records(tmp_path / "prov.csv", calendar_for("england"))
    found = due_actions(records, england, as_of=D(2029, 12, 20))
    text = render_worklist_text(
        found, rule_set="england", as_of=D(2029, 12, 20), horizon=D(2030, 1, 17)
    )
    assert text.splitlines()[-1].endswith("(children: Y1) [PROVISIONAL]")
    # A due date before 2029 is settled: no mark.
    settled = CliRunner().invoke(main, ["due", str(_records(tmp_path)), "--as-of", "2025-03-10"])
    assert "PROVISIONAL" not in settled.stdout


def _records(tmp_path: Path) -> Path:
    path = tmp_path / "records.csv"
    path.write_text(RECORDS, encoding="utf-8")
    return path


def test_a_provisional_due_date_is_flagged_in_the_ics_event(tmp_path: Path) -> None:
    for language, flag, note in [
        ("en", "[PROVISIONAL due date]", "PROVISIONAL: the count reaches 2029 or later"),
        ("cy", "[dyddiad dyledus PROVISIONAL (dros dro)]", "PROVISIONAL (dros dro): mae'r"),
    ]:
        raw = _due(tmp_path, "--format", "ics", "--language", language)
        (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        assert str(event["SUMMARY"]).endswith(flag)
        assert note in str(event["DESCRIPTION"]).splitlines()[-1]
    settled = CliRunner().invoke(
        main, ["due", str(_records(tmp_path)), "--as-of", "2025-03-10", "--format", "ics"]
    )
    assert "PROVISIONAL" not in settled.stdout
