"""Hypothesis properties of working-day arithmetic, for every division."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Literal

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from safeguarding_rules import DIVISIONS, LocalOverlay, WorkingDayCalendar, add_months, calendar_for

# Keep clear of the coverage edges by more than the largest n drawn (400 working days is
# under two years), so that every count stays inside the calendar.
SAFE_FIRST = dt.date(2008, 1, 1)
SAFE_LAST = dt.date(2028, 12, 31)

calendars = st.sampled_from(sorted(DIVISIONS)).map(calendar_for)
days = st.dates(min_value=SAFE_FIRST, max_value=SAFE_LAST)
steps = st.integers(min_value=-400, max_value=400)
positive = st.integers(min_value=1, max_value=400)


@given(calendars, days, steps.filter(bool))
def test_result_is_a_working_day(cal: WorkingDayCalendar, day: dt.date, n: int) -> None:
    assert cal.is_working_day(cal.add_working_days(day, n))


@given(calendars, days, steps)
def test_result_is_on_the_right_side(cal: WorkingDayCalendar, day: dt.date, n: int) -> None:
    result = cal.add_working_days(day, n)
    assert (result > day) if n > 0 else (result < day) if n < 0 else (result == day)


@given(calendars, days, positive, positive, st.booleans())
def test_additive_for_steps_of_one_sign(
    cal: WorkingDayCalendar, day: dt.date, a: int, b: int, backwards: bool
) -> None:
    sign = -1 if backwards else 1
    a, b = sign * (a // 2 + 1), sign * (b // 2 + 1)
    assert cal.add_working_days(cal.add_working_days(day, a), b) == cal.add_working_days(day, a + b)


@given(calendars, days, steps)
def test_between_inverts_add(cal: WorkingDayCalendar, day: dt.date, n: int) -> None:
    # For n < 0 the start must itself be a working day: the count is over (result, day].
    assume(n >= 0 or cal.is_working_day(day))
    assert cal.working_days_between(day, cal.add_working_days(day, n)) == n


@given(calendars, days, steps, steps)
def test_strictly_monotone_in_n(cal: WorkingDayCalendar, day: dt.date, m: int, n: int) -> None:
    assume(m != n)
    low, high = sorted((m, n))
    assert cal.add_working_days(day, low) < cal.add_working_days(day, high)


@given(calendars, days, days)
def test_between_is_antisymmetric(cal: WorkingDayCalendar, a: dt.date, b: dt.date) -> None:
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)


@given(calendars, days, days)
def test_working_and_non_working_days_partition_the_interval(
    cal: WorkingDayCalendar, a: dt.date, b: dt.date
) -> None:
    low, high = sorted((a, b))
    assert (
        cal.working_days_between(low, high) + len(cal.non_working_days(low, high))
        == (high - low).days
    )


@given(calendars, days)
def test_next_previous_and_rolls(cal: WorkingDayCalendar, day: dt.date) -> None:
    after, before = cal.next_working_day(day), cal.previous_working_day(day)
    assert cal.working_days_between(day, after) == 1
    assert before < day < after
    assert all(not cal.is_working_day(day + dt.timedelta(d)) for d in range(1, (after - day).days))
    if cal.is_working_day(day):
        assert cal.roll_forward(day) == cal.roll_backward(day) == day
    else:
        assert (cal.roll_forward(day), cal.roll_backward(day)) == (after, before)


@given(calendars, days, steps)
def test_count_explains_exactly_the_days_between(
    cal: WorkingDayCalendar, day: dt.date, n: int
) -> None:
    counted = cal.count(day, n)
    low, high = sorted((day, counted.result))
    assert all(low < skipped.day < high for skipped in counted.skipped)
    if n == 0:
        assert counted.skipped == ()
    else:
        # Days strictly between, less the |n| - 1 working days strictly between.
        assert len(counted.skipped) == (high - low).days - 1 - (abs(n) - 1)
    assert f"{counted.result.day} {counted.result:%B %Y}" in counted.explain()


# -- agreement with numpy, given the same holidays ---------------------------------------------


@functools.cache
def numpy_holidays(name: str) -> np.ndarray:
    cal = calendar_for(name)
    weekday_holidays = [
        d.day for d in cal.non_working_days(cal.first, cal.last) if d.kind != "weekend"
    ]
    return np.array(weekday_holidays, dtype="datetime64[D]")


@given(calendars, days, steps.filter(bool))
def test_agrees_with_numpy_busday_offset(cal: WorkingDayCalendar, day: dt.date, n: int) -> None:
    # numpy rolls a non-working start first: "backward" for n > 0, "forward" for n < 0
    # reproduces "strictly after / strictly before" (peers.md s2 equivalences).
    roll: Literal["backward", "forward"] = "backward" if n > 0 else "forward"
    expected = np.busday_offset(day, n, roll=roll, holidays=numpy_holidays(cal.division.name))
    assert cal.add_working_days(day, n) == expected.astype(dt.date)


@given(calendars, days, days)
def test_agrees_with_numpy_busday_count(cal: WorkingDayCalendar, a: dt.date, b: dt.date) -> None:
    # numpy counts [a, b); we count (a, b]. Shift both ends by one day. Never rely on numpy's
    # reversed ranges (their behaviour changed in numpy 1.25): compare only a <= b.
    low, high = sorted((a, b))
    one = dt.timedelta(days=1)
    expected = np.busday_count(low + one, high + one, holidays=numpy_holidays(cal.division.name))
    assert cal.working_days_between(low, high) == int(expected)


# -- overlays ----------------------------------------------------------------------------------

closure_sets = st.lists(days, max_size=20, unique=True)


@given(closure_sets, days, positive)
def test_closures_never_make_a_deadline_earlier(
    closed: list[dt.date], day: dt.date, n: int
) -> None:
    national = calendar_for("england-and-wales")
    overlay = LocalOverlay(name="property", closures={d: "closure" for d in closed})
    local = national.with_overlay(overlay)
    result = local.add_working_days(day, n)
    assert result >= national.add_working_days(day, n)
    assert result not in closed
    assert local.working_days_between(day, result) == n


# -- months ------------------------------------------------------------------------------------


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.integers(min_value=-240, max_value=240),
)
def test_add_months_lands_in_the_right_month_clamped(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or (result.day < day.day and (result + dt.timedelta(1)).day == 1)
