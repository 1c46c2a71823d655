"""The shipped strategies: what they draw, and their errors at draw time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding_rules import (
    Attendance,
    CaseEvents,
    Child,
    Conference,
    Family,
    calendar_for,
    load_rule_sets,
)
from safeguarding_rules import strategies as sgr

ENGLAND = calendar_for("england-and-wales")


@given(sgr.working_days(ENGLAND, min_value=dt.date(2014, 12, 20), max_value=dt.date(2015, 1, 5)))
def test_working_days_are_working_days_in_range(day: dt.date) -> None:
    assert ENGLAND.is_working_day(day)
    assert dt.date(2014, 12, 20) <= day <= dt.date(2015, 1, 5)
    assert day not in (dt.date(2014, 12, 25), dt.date(2014, 12, 26), dt.date(2015, 1, 1))


@given(sgr.families(min_size=2, max_size=5))
def test_families_are_sibling_groups(family: Family) -> None:
    assert 2 <= len(family.children) <= 5
    assert len({child.id for child in family.children}) == len(family.children)
    assert all(child.family_id == family.id for child in family.children)


@given(sgr.case_events(dates=sgr.dates(max_value=dt.date(2029, 6, 30))))
def test_case_events_yield_deadlines(events: CaseEvents) -> None:
    assert events.initiating_strategy_discussion() is not None
    england = load_rule_sets()["england"]
    if events.strategy_discussions[0].date >= england.first_covered:
        assert any(d.rule.id == "icpc" for d in england.deadlines(events))


@given(st.from_type(Child), st.from_type(Conference), st.from_type(Attendance))
def test_from_type_is_registered(
    child: Child, conference: Conference, attendance: Attendance
) -> None:
    assert child.id.startswith("C")
    assert conference.children
    assert attendance.agency


@pytest.mark.parametrize(
    ("strategy", "message"),
    [
        (
            sgr.dates(min_value=dt.date(2020, 1, 2), max_value=dt.date(2020, 1, 1)),
            "after max_value",
        ),
        (sgr.dates(min_value=dt.date(1999, 1, 1)), "outside the calendars' coverage"),
        (
            sgr.working_days(
                ENGLAND, min_value=dt.date(2022, 12, 24), max_value=dt.date(2022, 12, 27)
            ),
            "no working day",
        ),
        (
            sgr.working_days("england", min_value=dt.date(2022, 1, 4)),  # type: ignore[arg-type]
            "must be a WorkingDayCalendar",
        ),
        (sgr.families(min_size=3, max_size=2), "min_size <= max_size"),
    ],
)
def test_impossible_arguments_fail_at_draw_time(
    strategy: st.SearchStrategy[object], message: str
) -> None:
    # Building the strategy did not raise; drawing from it does.
    @given(strategy)
    def draw(_: object) -> None:
        raise AssertionError("nothing should be drawn")

    with pytest.raises(InvalidArgument, match=message):
        draw()
