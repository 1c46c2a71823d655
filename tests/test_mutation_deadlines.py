"""Deadline behaviour no test pinned until a mutation run showed it (scripts/mutation.py).

Golden dates are counted by hand from the GOV.UK England and Wales bank holiday lists (the
holidays are named beside each case) and the rule's source; explanations are checked for
the facts they must state (the convention, the count, the direction, the calendar), not
for their wording. docs/security.md lists the mutants judged equivalent.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import (
    CalendarRangeError,
    CaseEvents,
    Confidence,
    Counting,
    Deadline,
    DeadlineSet,
    Direction,
    Edition,
    LocalOverlay,
    Rule,
    StartEvent,
    StrategyDiscussion,
    Unit,
    calendar_for,
    get_rule_set,
)
from safeguarding_rules.reports.i18n import translator
from safeguarding_rules.rules.deadlines import NotComputable, near_unconfirmed

D = dt.date
CAL = calendar_for("england-and-wales")
ENGLAND = get_rule_set("england")
EDITION = Edition(id="test", title="Test procedures", effective_from=D(2006, 1, 1))
DAY1 = Counting.EVENT_DAY_IS_DAY_1
CY = translator("cy")


@pytest.fixture(scope="module")
def rule(rule: Callable[..., Rule]) -> Callable[..., Rule]:
    """The shared test-rule factory, with this module's defaults."""
    return functools.partial(
        rule,
        id="test_rule",
        title="Test rule",
        start_event=StartEvent.CONFERENCE,
        edition=EDITION,
        source="test source",
    )


def compute(made: Rule, start: dt.date, **options: object) -> Deadline:
    return Deadline.compute(made, start, CAL, rule_set="test", **options)  # type: ignore[arg-type]


def icpc(day: dt.date, **options: object) -> Deadline:
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=day, initiated_enquiry=True)])
    (found,) = [d for d in ENGLAND.deadlines(events, **options) if d.rule.id == "icpc"]  # type: ignore[arg-type]
    return found


# -- counting conventions ---------------------------------------------------------------------


def test_the_icpc_explanation_states_the_convention_and_the_count() -> None:
    # Issue #2's worked example: Mon 15 Dec 2014 + 15 working days = Thu 8 Jan 2015 (25, 26
    # December and 1 January skipped). Counting the discussion as day 1 makes it the 14th
    # working day after: Wed 7 January 2015.
    day0, day1 = icpc(D(2014, 12, 15)), icpc(D(2014, 12, 15), counting=DAY1)
    assert (day0.due, day1.due) == (D(2015, 1, 8), D(2015, 1, 7))
    assert "day 0 and is not counted" in day0.explain()
    assert "15th working day after it" in day0.explain()
    assert "counts as day 1" not in day0.explain()
    assert "counts as day 1" in day1.explain()
    assert "14th working day after it" in day1.explain()
    assert "working day before" not in day0.explain() + day1.explain()


def test_a_rule_counted_before_the_event_says_so_under_either_convention(
    rule: Callable[..., Rule],
) -> None:
    # 3 working days before Thu 8 Jan 2015: Wed 7, Tue 6, Mon 5 January (no holidays).
    before = rule(n=3, direction=Direction.BEFORE)
    for counting in Counting:
        deadline = compute(before, D(2015, 1, 8), counting=counting)
        assert deadline.due == D(2015, 1, 5)
        assert "3rd working day before the event" in deadline.explain()
        assert "counts as day 1" not in deadline.explain()


def test_one_working_day_counted_from_day_1_is_the_event_day_itself(
    rule: Callable[..., Rule],
) -> None:
    # England's referral decision: within one working day of the referral (WT 2018 ch.1).
    # With the referral as day 1 a Monday referral is decided that Monday; one made on
    # Saturday 3 Jan 2015 rolls forward to Monday 5 January, as pandas' CustomBusinessDay(0)
    # does.
    one = rule(n=1, start_event=StartEvent.REFERRAL)
    assert compute(one, D(2015, 1, 5), counting=DAY1).due == D(2015, 1, 5)
    assert compute(one, D(2015, 1, 3), counting=DAY1).due == D(2015, 1, 5)
    assert compute(one, D(2015, 1, 5)).due == D(2015, 1, 6)


def test_calendar_unit_explanations_state_the_convention(rule: Callable[..., Rule]) -> None:
    # First review: 3 months after the initial conference (WT 2018 ch.1). From Mon 15 Dec
    # 2014: Sun 15 March 2015 counting it as day 0, Sat 14 March as day 1.
    events = CaseEvents(initial_conference=D(2014, 12, 15))
    (day0,) = [d for d in ENGLAND.deadlines(events) if d.rule.id == "first_review"]
    (day1,) = [d for d in ENGLAND.deadlines(events, counting=DAY1) if d.rule.id == "first_review"]
    assert (day0.due, day1.due) == (D(2015, 3, 15), D(2015, 3, 14))
    assert "The event day is day 0." in day0.explain()
    assert "counts as day 1" not in day0.explain()
    assert "The event day counts as day 1, so the due date is one day earlier" in day1.explain()
    # Ten calendar days before Thu 8 Jan 2015 is Mon 29 December, whatever the convention.
    before = compute(
        rule(n=10, unit=Unit.CALENDAR_DAYS, direction=Direction.BEFORE), D(2015, 1, 8),
        counting=DAY1,
    )  # fmt: skip
    assert before.due == D(2014, 12, 29)
    assert "Calendar calendar days: weekends and bank holidays count." in before.explain()
    assert "The event day is day 0." in before.explain()


@given(st.integers(min_value=1, max_value=24 * 30))
def test_hours_become_the_fewest_whole_days_that_cover_them(
    rule: Callable[..., Rule], hours: int
) -> None:
    deadline = compute(rule(n=hours, unit=Unit.HOURS), D(2015, 1, 5))
    days = (deadline.due - deadline.start).days
    assert (days - 1) * 24 < hours <= days * 24
    assert f"{hours} hours are elapsed time" in deadline.explain()
    assert f"taken as {days} calendar day(s) after" in deadline.explain()
    before = compute(rule(n=hours, unit=Unit.HOURS, direction=Direction.BEFORE), D(2015, 1, 5))
    assert before.start - before.due == deadline.due - deadline.start
    assert f"taken as {days} calendar day(s) before" in before.explain()


def test_the_explanation_moves_a_due_date_only_when_it_is_not_a_working_day(
    rule: Callable[..., Rule],
) -> None:
    on_working_day = icpc(D(2014, 12, 15))
    assert on_working_day.due_is_working_day
    assert "not a working day" not in on_working_day.explain()
    # 72 hours after Thu 1 Jan 2015 is Sunday 4 January: the hours run through it.
    hours = compute(rule(n=72, unit=Unit.HOURS), D(2015, 1, 1))
    assert hours.due == D(2015, 1, 4)
    assert "The due date is not a working day (weekend); the hours run" in hours.explain()
    months = compute(rule(n=3, unit=Unit.MONTHS), D(2014, 12, 15))
    assert months.due == D(2015, 3, 15)  # a Sunday
    assert "The due date is not a working day (weekend); it is not moved" in months.explain()
    assert "the last working day before it is the practical deadline" in months.explain()


def test_the_explanation_names_the_overlay_only_when_one_is_used(rule: Callable[..., Rule]) -> None:
    overlay = LocalOverlay(name="Rota", closures={D(2014, 12, 29): "closed"})
    local = Deadline.compute(rule(), D(2014, 12, 15), CAL.with_overlay(overlay), rule_set="t")
    assert local.due == D(2015, 1, 9)  # one day later than 8 January: Mon 29 Dec closed
    assert "england-and-wales calendar with the local overlay 'Rota'" in local.explain()
    assert "overlay" not in icpc(D(2014, 12, 15)).explain()
    assert "after it in the england-and-wales calendar (weekends" in icpc(D(2014, 12, 15)).explain()


def test_a_rule_s_note_is_shown(rule: Callable[..., Rule]) -> None:
    noted = compute(rule(notes="Check the local procedure."), D(2015, 1, 5))
    assert "Note: Check the local procedure." in noted.explain().splitlines()


def test_each_flag_has_a_line_of_its_own(rule: Callable[..., Rule]) -> None:
    deadline = compute(rule(confidence=Confidence.UNCONFIRMED, unconfirmed_reason="x"),
                       D(2029, 1, 8))  # fmt: skip
    lines = deadline.explain().splitlines()
    assert lines[0].startswith("UNCONFIRMED: ")
    assert any(line.startswith("PROVISIONAL: ") for line in lines)
    assert f"Test rule: due Monday 29 January 2029 ({deadline.due.isoformat()})." in lines


# -- edition boundaries whose dates are UNCONFIRMED --------------------------------------------

OLD = Edition(
    id="old",
    title="Old",
    effective_from=D(2010, 1, 1),
    effective_to=D(2014, 12, 31),
    dates_confidence=Confidence.C1,
)
NEW = Edition(id="new", title="New", effective_from=D(2015, 1, 1), dates_source="by season")


def test_an_anchor_within_the_margin_of_an_unconfirmed_start_is_uncertain(
    rule: Callable[..., Rule],
) -> None:
    # BOUNDARY_MARGIN is 92 days: 1 Jan 2015 + 92 days is Fri 3 April 2015.
    old, new = rule(edition=OLD), rule(edition=NEW)
    for versions in ([old], [new], [old, new]):
        assert near_unconfirmed(D(2015, 4, 3), versions, [OLD, NEW])
        assert not near_unconfirmed(D(2015, 4, 4), versions, [OLD, NEW])
        assert near_unconfirmed(D(2014, 10, 1), versions, [OLD, NEW])  # 92 days before
        assert not near_unconfirmed(D(2014, 9, 30), versions, [OLD, NEW])
    # The old edition's own start, 1 Jan 2010, is confirmed.
    assert not near_unconfirmed(D(2010, 1, 2), [old], [OLD, NEW])


def test_an_uncertain_edition_is_explained_with_its_anchor_margin_and_edition(
    rule: Callable[..., Rule],
) -> None:
    deadline = compute(rule(edition=NEW), D(2015, 2, 1))
    (flag,) = [line for line in deadline.explain().splitlines() if "edition boundary" in line]
    assert flag.startswith("UNCONFIRMED edition boundary: 2015-02-01 is within 92 days of ")
    assert "New" in flag


def test_the_explanation_names_the_rule_set_and_the_start() -> None:
    deadline = icpc(D(2014, 12, 15))
    text = deadline.explain()
    assert f"Rule 'icpc' of rule set 'england': {deadline.rule.wording}." in text
    assert f"Source: {deadline.rule.source}. Confidence: C2." in text
    assert f"Edition: {deadline.rule.edition.describe()}." in text
    assert f"Counted from {deadline.rule.start_event.description}: Monday 15 December" in text
    assert ": Monday 15 December 2014." in text
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=D(2030, 12, 20))])
    (missing,) = ENGLAND.deadlines(events).not_computable
    assert "Rule 'icpc' of rule set 'england': " in missing.explain()
    assert ": Friday 20 December 2030." in missing.explain()


def test_a_caller_may_say_the_edition_is_uncertain(rule: Callable[..., Rule]) -> None:
    far = D(2012, 6, 1)
    assert compute(rule(edition=OLD), far, edition_uncertain=True).edition_uncertain
    assert "UNCONFIRMED edition boundary" in compute(rule(edition=OLD), far,
                                                     edition_uncertain=True).explain()  # fmt: skip
    assert not compute(rule(edition=NEW), D(2015, 2, 1), edition_uncertain=False).unconfirmed
    assert compute(rule(edition=NEW), D(2015, 2, 1)).edition_uncertain


# -- what cannot be computed, and the set of a case's deadlines ------------------------------


def test_a_deadline_past_the_coverage_is_listed_with_its_rule_set_and_reason() -> None:
    # 15 working days after Fri 20 Dec 2030 run past 31 December 2030, the last covered day.
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=D(2030, 12, 20))])
    found = ENGLAND.deadlines(events)
    assert not found.complete
    (missing,) = found.not_computable
    assert (missing.rule.id, missing.rule_set, missing.start) == (
        "icpc",
        "england",
        D(2030, 12, 20),
    )
    lines = missing.explain().splitlines()
    assert lines[0] == f"{missing.rule.title}: NOT COMPUTABLE."
    assert lines[-1].startswith("Why: ")
    assert "2030-12-31" in lines[-1]


def test_deadline_sets_compare_hash_and_show_what_could_not_be_computed() -> None:
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=D(2030, 12, 20))])
    partial = ENGLAND.deadlines(events)
    complete = DeadlineSet(tuple(partial))
    assert tuple(partial) == tuple(complete) == ()
    assert partial != complete
    assert not partial != ENGLAND.deadlines(events)  # noqa: SIM202 - testing __ne__
    assert len({partial, ENGLAND.deadlines(events), complete}) == 2
    assert "not_computable=(NotComputable(" in repr(partial)
    one = ENGLAND.deadlines(CaseEvents(initial_conference=D(2014, 12, 15)))
    assert one == tuple(one)
    assert one != (*one, one[0])


# -- whole explanations ------------------------------------------------------------------------
# Each text is what the explanation must say, line for line, for a synthetic rule whose
# wording, source and edition are the test's own: the dates are counted by hand from the
# GOV.UK England and Wales bank holiday list; the sentences are the documented conventions.

HEADER = (
    "Rule 'test_rule' of rule set 'test': {wording}.\n"
    "Source: test source. Confidence: C2.\n"
    "Edition: Test procedures (in force 2006-01-01 to current; dates UNCONFIRMED).\n"
)
CHRISTMAS_2014 = (
    "  2014-12-25 Thursday  Christmas Day\n"
    "  2014-12-26 Friday    Boxing Day\n"
    "  2014-12-27 Saturday  weekend\n"
    "  2014-12-28 Sunday    weekend\n"
)
ROTA = LocalOverlay(name="Rota", closures={D(2014, 12, 29): "closed"})


def test_fifteen_working_days_counted_from_day_0_explain_every_step(
    rule: Callable[..., Rule],
) -> None:
    # Mon 15 Dec 2014 + 15 working days: 16-19 (4), 22-24 (7), 29-31 (10), 2 Jan (11),
    # 5-8 Jan (15) = Thu 8 January 2015; the weekends, 25 and 26 December and 1 January
    # are skipped.
    assert compute(rule(), D(2014, 12, 15)).explain() == (
        "Test rule: due Thursday 8 January 2015 (2015-01-08).\n"
        + HEADER.format(wording="within 15 working days of the conference")
        + "Counted from the conference: Monday 15 December 2014.\n"
        "The event day is day 0 and is not counted; the due date is the 15th working day "
        "after it in the england-and-wales calendar (weekends and bank holidays skipped).\n"
        "Skipped 9 non-working day(s):\n"
        "  2014-12-20 Saturday  weekend\n"
        "  2014-12-21 Sunday    weekend\n"
        + CHRISTMAS_2014
        + "  2015-01-01 Thursday  New Year's Day\n"
        "  2015-01-03 Saturday  weekend\n"
        "  2015-01-04 Sunday    weekend"
    )


def test_counting_the_event_as_day_1_explains_the_one_day_shorter_count(
    rule: Callable[..., Rule],
) -> None:
    # With Mon 15 Dec 2014 as day 1, the 15th working day is the 14th after it: Wed 7 Jan.
    text = compute(rule(), D(2014, 12, 15), counting=DAY1).explain().splitlines()
    assert text[0] == "Test rule: due Wednesday 7 January 2015 (2015-01-07)."
    assert text[5] == (
        "The event day counts as day 1 (convention day1), so the due date is the 14th "
        "working day after it in the england-and-wales calendar."
    )
    assert text[6] == "Skipped 9 non-working day(s):"


def test_a_count_before_the_event_explains_that_the_event_day_is_not_counted(
    rule: Callable[..., Rule],
) -> None:
    # 3 working days before Thu 8 Jan 2015: Wed 7, Tue 6, Mon 5 January.
    assert compute(rule(n=3, direction=Direction.BEFORE), D(2015, 1, 8)).explain() == (
        "Test rule: due Monday 5 January 2015 (2015-01-05).\n"
        + HEADER.format(wording="at least 3 working days before the conference")
        + "Counted from the conference: Thursday 8 January 2015.\n"
        "The due date is the 3rd working day before the event in the england-and-wales "
        "calendar; the event day itself is not counted."
    )


def test_hours_explain_the_days_they_are_taken_as_and_run_through_a_weekend(
    rule: Callable[..., Rule],
) -> None:
    # 72 hours after Thu 1 Jan 2015 are 3 calendar days: Sunday 4 January, not moved.
    assert compute(rule(n=72, unit=Unit.HOURS), D(2015, 1, 1)).explain() == (
        "Test rule: due Sunday 4 January 2015 (2015-01-04).\n"
        + HEADER.format(wording="within 72 hours of the conference")
        + "Counted from the conference: Thursday 1 January 2015.\n"
        "72 hours are elapsed time (nights, weekends and bank holidays count). With no time "
        "of day recorded they are taken as 3 calendar day(s) after the event's date, at the "
        "same time of day, which is lenient by less than a day.\n"
        "The due date is not a working day (weekend); the hours run through it, so it is "
        "not moved."
    )
    # 30 hours before Thu 8 Jan 2015 round up to 2 calendar days: Tuesday 6 January.
    before = compute(rule(n=30, unit=Unit.HOURS, direction=Direction.BEFORE), D(2015, 1, 8))
    assert before.explain().splitlines()[0] == "Test rule: due Tuesday 6 January 2015 (2015-01-06)."
    assert before.explain().splitlines()[5:] == [
        "30 hours are elapsed time (nights, weekends and bank holidays count). With no time "
        "of day recorded they are taken as 2 calendar day(s) before the event's date, at the "
        "same time of day, which is lenient by less than a day."
    ]


def test_months_from_day_1_explain_the_clamp_the_convention_the_weekend_and_the_note(
    rule: Callable[..., Rule],
) -> None:
    # Mon 15 Dec 2014 + 3 months = Sun 15 March 2015; counting the event as day 1 makes it
    # one day earlier, Saturday 14 March: not a working day, not moved.
    made = rule(n=3, unit=Unit.MONTHS, notes="Check the local procedure.")
    assert compute(made, D(2014, 12, 15), counting=DAY1).explain().splitlines()[5:] == [
        "Calendar months: the same day of the month, clamped to the month's last day when "
        "the month is shorter (31 January + 1 month = 28 or 29 February). The event day "
        "counts as day 1, so the due date is one day earlier than counting it as day 0.",
        "The due date is not a working day (weekend); it is not moved, so the last working "
        "day before it is the practical deadline.",
        "Note: Check the local procedure.",
    ]


def test_weeks_and_calendar_days_explain_that_every_day_counts(rule: Callable[..., Rule]) -> None:
    # Mon 5 Jan 2015 + 2 weeks = Mon 19 January.
    weeks = compute(rule(n=2, unit=Unit.WEEKS), D(2015, 1, 5)).explain().splitlines()
    assert weeks[0] == "Test rule: due Monday 19 January 2015 (2015-01-19)."
    assert weeks[5:] == [
        "Calendar weeks: weekends and bank holidays count. The event day is day 0."
    ]
    # Mon 15 Dec 2014 + 10 calendar days = Thursday 25 December, Christmas Day; an overlay
    # changes no calendar-day count.
    local = CAL.with_overlay(ROTA)
    days = Deadline.compute(rule(n=10, unit=Unit.CALENDAR_DAYS), D(2014, 12, 15), local,
                            rule_set="test").explain().splitlines()  # fmt: skip
    assert days[0] == "Test rule: due Thursday 25 December 2014 (2014-12-25)."
    assert days[5:] == [
        "Calendar calendar days: weekends and bank holidays count. The event day is day 0.",
        "The due date is not a working day (Christmas Day); it is not moved, so the last "
        "working day before it is the practical deadline.",
    ]


def test_a_count_on_an_overlay_names_it_and_the_day_it_closes(rule: Callable[..., Rule]) -> None:
    # Wed 24 Dec 2014 + 2 working days with Mon 29 December closed by the overlay: 25, 26
    # (bank holidays), 27, 28 (weekend), 29 (closed) skipped: Tue 30 is day 1, Wed 31 day 2.
    deadline = Deadline.compute(rule(n=2), D(2014, 12, 24), CAL.with_overlay(ROTA), rule_set="test")
    assert deadline.explain().splitlines()[5:] == [
        "The event day is day 0 and is not counted; the due date is the 2nd working day after "
        "it in the england-and-wales calendar with the local overlay 'Rota' (weekends, bank "
        "holidays and the overlay's closures skipped).",
        "Skipped 5 non-working day(s):",
        *CHRISTMAS_2014.rstrip("\n").split("\n"),
        "  2014-12-29 Monday    closed (local overlay 'Rota')",
    ]


def test_unconfirmed_and_provisional_deadlines_say_so_in_full(rule: Callable[..., Rule]) -> None:
    # Sun 1 Feb 2015 + 2 working days = Tue 3 February; 1 February is 31 days after the
    # UNCONFIRMED start of edition New (1 January 2015), within the 92-day margin.
    made = rule(n=2, edition=NEW, confidence=Confidence.UNCONFIRMED, unconfirmed_reason="x")
    assert compute(made, D(2015, 2, 1)).explain().splitlines()[:3] == [
        "UNCONFIRMED: this rule's value and source could not be confirmed from an available "
        "source; check it before relying on this date.",
        "UNCONFIRMED edition boundary: 2015-02-01 is within 92 days of a start or end date of "
        "New, and those dates are UNCONFIRMED; another edition may have applied.",
        "Test rule: due Tuesday 3 February 2015 (2015-02-03).",
    ]
    # Mon 8 Jan 2029 + 2 working days = Wed 10 January 2029, in a year not yet announced.
    assert compute(rule(n=2), D(2029, 1, 8)).explain().splitlines()[-1] == (
        "PROVISIONAL: the count reaches 2029 or later, where one-off bank holidays may yet be "
        "announced."
    )


def test_a_count_past_the_coverage_explains_the_rule_and_why_there_is_no_date(
    rule: Callable[..., Rule],
) -> None:
    # 15 working days after Fri 20 Dec 2030 run past 31 December 2030, the last covered day.
    with pytest.raises(CalendarRangeError) as raised:
        compute(rule(), D(2030, 12, 20))
    missing = NotComputable.from_error(
        rule(), raised.value, rule_set="test", start=D(2030, 12, 20), anchor=D(2030, 12, 20)
    )
    why = (
        "counting 15 working days from 2030-12-20 goes past the end of the england-and-wales "
        "calendar's coverage (2006-01-01 to 2030-12-31)"
    )
    assert missing.explain() == (
        "Test rule: NOT COMPUTABLE.\n"
        + HEADER.format(wording="within 15 working days of the conference")
        + f"Counted from the conference: Friday 20 December 2030.\nWhy: {why}."
    )
    assert missing.summary == (
        f"Test rule: not computable from 2030-12-20 under rule 'test_rule', edition test: {why}"
    )


def test_one_working_day_from_a_weekend_event_counted_as_day_1_is_the_next_working_day(
    rule: Callable[..., Rule],
) -> None:
    # A referral on Sat 3 Jan 2015, counted as day 1, is decided on Mon 5 January: the 1st
    # working day after it (Sunday skipped). One made on Mon 5 January is decided that day.
    one = rule(n=1, start_event=StartEvent.REFERRAL)
    weekend = compute(one, D(2015, 1, 3), counting=DAY1).explain().splitlines()
    assert weekend[0] == "Test rule: due Monday 5 January 2015 (2015-01-05)."
    assert weekend[5] == (
        "The event day counts as day 1 (convention day1), so the due date is the 1st working "
        "day after it in the england-and-wales calendar."
    )
    monday = compute(one, D(2015, 1, 5), counting=DAY1).explain().splitlines()
    assert monday[5] == (
        "The event day counts as day 1 (convention day1), so the due date is the 0th working "
        "day after it in the england-and-wales calendar."
    )


def test_welsh_explanations_translate_the_day_s_reason_and_the_rule_s_title(
    rule: Callable[..., Rule],
) -> None:
    # The reason a due date is not a working day, and a rule's title, are data the Welsh
    # catalogue translates: "penwythnos" (weekend), "Dydd Nadolig" (Christmas Day), and
    # England's icpc title.
    hours = compute(rule(n=72, unit=Unit.HOURS), D(2015, 1, 1))
    assert "Nid yw'r dyddiad dyledus yn ddiwrnod gwaith (penwythnos);" in CY.explain(
        hours.explanation()
    )
    days = compute(rule(n=10, unit=Unit.CALENDAR_DAYS), D(2014, 12, 15))
    assert "(Dydd Nadolig);" in CY.explain(days.explanation()).splitlines()[-1]
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=D(2030, 12, 20))])
    (missing,) = ENGLAND.deadlines(events).not_computable
    assert CY.explain(missing.explanation()).splitlines()[0] == (
        "Cynhadledd amddiffyn plant gychwynnol: DIM MODD EI GYFRIFO (NOT COMPUTABLE)."
    )


def test_a_count_on_an_overlay_says_so_in_welsh_too(rule: Callable[..., Rule]) -> None:
    """Issue 30 item 12: a closure skipped is not left out of what the sentence says."""
    from safeguarding_rules._explain import render
    from safeguarding_rules.reports.i18n import translator

    deadline = Deadline.compute(rule(n=2), D(2014, 12, 24), CAL.with_overlay(ROTA), rule_set="test")
    welsh = render(deadline.explanation(), translator("cy")).splitlines()[5]
    assert welsh.endswith("(gan hepgor penwythnosau, gwyliau banc a dyddiau cau'r troshaen leol).")
    national = Deadline.compute(rule(n=2), D(2014, 12, 24), CAL, rule_set="test")
    assert national.explain().splitlines()[5].endswith("(weekends and bank holidays skipped).")
