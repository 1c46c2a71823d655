"""Deadline behaviour no test pinned until a mutation run showed it (scripts/mutation.py).

Golden dates are counted by hand from the GOV.UK England and Wales bank holiday lists (the
holidays are named beside each case) and the rule's source; explanations are checked for
the facts they must state (the convention, the count, the direction, the calendar), not
for their wording. docs/security.md lists the mutants judged equivalent.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import (
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
from safeguarding_rules.rules.deadlines import near_unconfirmed

D = dt.date
CAL = calendar_for("england-and-wales")
ENGLAND = get_rule_set("england")
EDITION = Edition(id="test", title="Test procedures", effective_from=D(2006, 1, 1))
DAY1 = Counting.EVENT_DAY_IS_DAY_1


def rule(**changes: object) -> Rule:
    fields: dict[str, object] = {
        "id": "test_rule",
        "title": "Test rule",
        "n": 15,
        "unit": Unit.WORKING_DAYS,
        "start_event": StartEvent.CONFERENCE,
        "edition": EDITION,
        "source": "test source",
        "confidence": Confidence.C2,
    }
    fields.update(changes)
    return Rule(**fields)  # type: ignore[arg-type]


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


def test_a_rule_counted_before_the_event_says_so_under_either_convention() -> None:
    # 3 working days before Thu 8 Jan 2015: Wed 7, Tue 6, Mon 5 January (no holidays).
    before = rule(n=3, direction=Direction.BEFORE)
    for counting in Counting:
        deadline = compute(before, D(2015, 1, 8), counting=counting)
        assert deadline.due == D(2015, 1, 5)
        assert "3rd working day before the event" in deadline.explain()
        assert "counts as day 1" not in deadline.explain()


def test_one_working_day_counted_from_day_1_is_the_event_day_itself() -> None:
    # England's referral decision: within one working day of the referral (WT 2018 ch.1).
    # With the referral as day 1 a Monday referral is decided that Monday; one made on
    # Saturday 3 Jan 2015 rolls forward to Monday 5 January, as pandas' CustomBusinessDay(0)
    # does.
    one = rule(n=1, start_event=StartEvent.REFERRAL)
    assert compute(one, D(2015, 1, 5), counting=DAY1).due == D(2015, 1, 5)
    assert compute(one, D(2015, 1, 3), counting=DAY1).due == D(2015, 1, 5)
    assert compute(one, D(2015, 1, 5)).due == D(2015, 1, 6)


def test_calendar_unit_explanations_state_the_convention() -> None:
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
def test_hours_become_the_fewest_whole_days_that_cover_them(hours: int) -> None:
    deadline = compute(rule(n=hours, unit=Unit.HOURS), D(2015, 1, 5))
    days = (deadline.due - deadline.start).days
    assert (days - 1) * 24 < hours <= days * 24
    assert f"{hours} hours are elapsed time" in deadline.explain()
    assert f"taken as {days} calendar day(s) after" in deadline.explain()
    before = compute(rule(n=hours, unit=Unit.HOURS, direction=Direction.BEFORE), D(2015, 1, 5))
    assert before.start - before.due == deadline.due - deadline.start
    assert f"taken as {days} calendar day(s) before" in before.explain()


def test_the_explanation_moves_a_due_date_only_when_it_is_not_a_working_day() -> None:
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


def test_the_explanation_names_the_overlay_only_when_one_is_used() -> None:
    overlay = LocalOverlay(name="Rota", closures={D(2014, 12, 29): "closed"})
    local = Deadline.compute(rule(), D(2014, 12, 15), CAL.with_overlay(overlay), rule_set="t")
    assert local.due == D(2015, 1, 9)  # one day later than 8 January: Mon 29 Dec closed
    assert "england-and-wales calendar with the local overlay 'Rota'" in local.explain()
    assert "overlay" not in icpc(D(2014, 12, 15)).explain()
    assert "after it in the england-and-wales calendar (weekends" in icpc(D(2014, 12, 15)).explain()


def test_a_rule_s_note_is_shown() -> None:
    noted = compute(rule(notes="Check the local procedure."), D(2015, 1, 5))
    assert "Note: Check the local procedure." in noted.explain().splitlines()


def test_each_flag_has_a_line_of_its_own() -> None:
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


def test_an_anchor_within_the_margin_of_an_unconfirmed_start_is_uncertain() -> None:
    # BOUNDARY_MARGIN is 92 days: 1 Jan 2015 + 92 days is Fri 3 April 2015.
    old, new = rule(edition=OLD), rule(edition=NEW)
    for versions in ([old], [new], [old, new]):
        assert near_unconfirmed(D(2015, 4, 3), versions, [OLD, NEW])
        assert not near_unconfirmed(D(2015, 4, 4), versions, [OLD, NEW])
        assert near_unconfirmed(D(2014, 10, 1), versions, [OLD, NEW])  # 92 days before
        assert not near_unconfirmed(D(2014, 9, 30), versions, [OLD, NEW])
    # The old edition's own start, 1 Jan 2010, is confirmed.
    assert not near_unconfirmed(D(2010, 1, 2), [old], [OLD, NEW])


def test_an_uncertain_edition_is_explained_with_its_anchor_margin_and_edition() -> None:
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


def test_a_caller_may_say_the_edition_is_uncertain() -> None:
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
