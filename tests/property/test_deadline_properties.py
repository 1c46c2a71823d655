"""Properties every deadline of every built-in rule set satisfies."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import (
    CaseEvents,
    Counting,
    Deadline,
    Direction,
    Rule,
    StartEvent,
    StrategyDiscussion,
    Unit,
    calendar_for,
    load_rule_sets,
)

RULE_SETS = load_rule_sets()
ALL_RULES = [(rs, rule) for rs in RULE_SETS.values() for rule in rs.rules]


@st.composite
def rule_and_start(draw: st.DrawFn) -> tuple[str, Rule, dt.date]:
    rule_set, rule = draw(st.sampled_from(ALL_RULES))
    first = max(rule.edition.effective_from, dt.date(2006, 6, 1))
    last = min(rule.edition.effective_to or dt.date(2029, 12, 31), dt.date(2029, 12, 31))
    return rule_set.name, rule, draw(st.dates(min_value=first, max_value=last))


@given(rule_and_start(), st.sampled_from(Counting))
def test_deadline_is_on_the_right_side_and_explains_itself(
    case: tuple[str, Rule, dt.date], counting: Counting
) -> None:
    rule_set, rule, start = case
    calendar = calendar_for(RULE_SETS[rule_set].division)
    deadline = Deadline.compute(rule, start, calendar, rule_set=rule_set, counting=counting)
    if rule.direction is Direction.BEFORE:
        assert deadline.due < start
    elif rule.n > 1 or deadline.counting is Counting.EVENT_DAY_IS_DAY_0:
        assert deadline.due > start
    if rule.unit is Unit.WORKING_DAYS:
        assert deadline.due_is_working_day
        # "the Nth working day after/before it" states the count made, whatever the
        # convention and whether the event day is a working day.
        (nth, direction) = re.findall(
            r"the (\d+)(?:st|nd|rd|th) working day (after|before)", deadline.explain()
        )[0]
        assert direction == rule.direction.value
        day = dt.timedelta(days=1)
        assert int(nth) == (
            calendar.working_days_between(start, deadline.due)  # start < d <= due
            if rule.direction is Direction.AFTER
            else calendar.working_days_between(deadline.due - day, start - day)  # due <= d < start
        )
    text = deadline.explain()
    assert rule.source in text
    assert rule.edition.title in text
    assert deadline.due.isoformat() in text
    # An UNCONFIRMED rule or edition says so first (sources may mention it anywhere).
    assert text.startswith("UNCONFIRMED") == deadline.unconfirmed


@given(rule_and_start())
def test_day1_is_never_later_than_day0(case: tuple[str, Rule, dt.date]) -> None:
    rule_set, rule, start = case
    calendar = calendar_for(RULE_SETS[rule_set].division)
    day0 = Deadline.compute(rule, start, calendar, rule_set=rule_set)
    day1 = Deadline.compute(
        rule, start, calendar, rule_set=rule_set, counting=Counting.EVENT_DAY_IS_DAY_1
    )
    assert day1.due <= day0.due
    if rule.counting is None and rule.direction is Direction.AFTER and rule.n > 0:
        if rule.unit is Unit.WORKING_DAYS and calendar.is_working_day(start):
            assert calendar.working_days_between(day1.due, day0.due) == 1
        elif rule.unit is not Unit.WORKING_DAYS:
            assert (day0.due - day1.due).days == 1


#: (rule set, first day, last day) of every icpc version counted from the last discussion.
LAST_SD_SPANS = [
    (rs.name, rule.edition.effective_from, rule.edition.effective_to or dt.date(2029, 11, 30))
    for rs in RULE_SETS.values()
    for rule in rs.rules
    if rule.id == "icpc" and rule.start_event is StartEvent.STRATEGY_DISCUSSION_LAST
]


@st.composite
def discussions_under_a_last_rule(draw: st.DrawFn) -> tuple[str, list[dt.date], int | None]:
    name, first, last = draw(st.sampled_from(LAST_SD_SPANS))
    first = max(first, dt.date(2006, 6, 1))
    opening = draw(st.dates(min_value=first, max_value=last))
    later = draw(
        st.lists(
            st.integers(min_value=1, max_value=40).map(lambda n: opening + dt.timedelta(days=n)),
            max_size=3,
            unique=True,
        )
    )
    days = [opening, *later]
    marked = draw(st.none() | st.integers(min_value=0, max_value=len(days) - 1))
    return name, days, marked


@given(discussions_under_a_last_rule())
def test_a_last_discussion_rule_counts_from_the_latest_whatever_is_marked(
    case: tuple[str, list[dt.date], int | None],
) -> None:
    # Wales Safeguarding Procedures s.3 pt 2 p4, WT 2006-2013, the Isle of Man: the count
    # starts at the latest discussion held, whichever initiated the enquiries.
    name, days, marked = case
    rule_set = RULE_SETS[name]
    events = CaseEvents(
        strategy_discussions=[
            StrategyDiscussion(date=day, initiated_enquiry=i == marked)
            for i, day in enumerate(days)
        ]
    )
    (deadline,) = (d for d in rule_set.deadlines(events) if d.rule.id == "icpc")
    assert deadline.rule.start_event is StartEvent.STRATEGY_DISCUSSION_LAST
    assert deadline.start == max(days)
    calendar = rule_set.calendar()
    assert deadline.due == calendar.add_working_days(max(days), deadline.rule.n)
