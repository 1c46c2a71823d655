"""A rule's n is bounded per unit, so that no count overflows Python's dates (issue 27 item 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from safeguarding_rules import (
    CalendarRangeError,
    Counting,
    Deadline,
    Direction,
    Rule,
    RuleSetDefinitionError,
    Unit,
    calendar_for,
)
from safeguarding_rules.calendar import COVERAGE_END, COVERAGE_START
from safeguarding_rules.rules.model import MAX_N

CAL = calendar_for("england")


@pytest.mark.parametrize("unit", list(Unit))
def test_the_library_refuses_an_n_past_the_bound_with_a_clear_error(
    unit: Unit, rule: Callable[..., Rule]
) -> None:
    assert rule(n=MAX_N[unit], unit=unit).n == MAX_N[unit]
    words = unit.value.replace("_", " ")
    for n in (MAX_N[unit] + 1, 3_000_000, 10**12):
        with pytest.raises(RuleSetDefinitionError) as caught:
            rule(n=n, unit=unit)
        assert str(caught.value) == (
            f"rule 'icpc': n must be at most {MAX_N[unit]:,} {words} (about ten years, far "
            f"beyond any procedure), got {n}"
        )


def test_the_bounds_are_ten_years_and_far_beyond_every_encoded_rule() -> None:
    from safeguarding_rules import get_rule_sets

    years = {unit: n * {Unit.WORKING_DAYS: 7 / 5, Unit.WEEKS: 7, Unit.MONTHS: 30.44,
                        Unit.HOURS: 1 / 24}.get(unit, 1) / 365.25
             for unit, n in MAX_N.items()}  # fmt: skip
    assert all(9.9 <= y <= 10.1 for y in years.values()), years
    longest = max(r.n / MAX_N[r.unit] for rs in get_rule_sets().values() for r in rs.rules)
    assert longest <= 0.05  # no procedure comes near: 26 weeks of 520 is the closest


@settings(max_examples=300, deadline=None)
# Found by CI: a count that starts inside the coverage and runs past its end names the start.
@example(unit=Unit.WORKING_DAYS, fraction=1.0, direction=Direction.AFTER,
         counting=Counting.EVENT_DAY_IS_DAY_0, start=dt.date(2021, 1, 1))  # fmt: skip
@example(unit=Unit.WORKING_DAYS, fraction=1.0, direction=Direction.BEFORE,
         counting=Counting.EVENT_DAY_IS_DAY_1, start=dt.date(2015, 1, 1))  # fmt: skip
@given(
    unit=st.sampled_from(list(Unit)),
    fraction=st.floats(0, 1),
    direction=st.sampled_from(list(Direction)),
    counting=st.sampled_from(list(Counting)),
    start=st.dates(),
)
def test_every_bounded_count_gives_a_date_or_says_it_is_outside_the_coverage(
    rule: Callable[..., Rule],
    unit: Unit,
    fraction: float,
    direction: Direction,
    counting: Counting,
    start: dt.date,
) -> None:
    n = max(1, round(fraction * MAX_N[unit]))
    bounded = rule(n=n, unit=unit, direction=direction)
    refused: CalendarRangeError | None = None
    try:
        deadline = Deadline.compute(bounded, start, CAL, rule_set="local", counting=counting)
    except CalendarRangeError as error:
        refused = error
    if refused is not None and not COVERAGE_START <= refused.day <= COVERAGE_END:
        return  # the start, or a result, outside the coverage: refused, never guessed
    if refused is not None:
        # A working-day count from a start inside the coverage names that start, and is
        # refused only when the coverage really has too few working days left for it.
        assert unit is Unit.WORKING_DAYS
        assert refused.day == start
        assert "goes past the" in str(refused)
        room = (
            CAL.working_days_between(start, COVERAGE_END)
            if direction is Direction.AFTER
            else CAL.working_days_between(COVERAGE_START, start)
        )
        assert room <= n  # (one day of slack for the day-1 counting convention)
    else:
        assert COVERAGE_START <= deadline.start <= COVERAGE_END
        assert COVERAGE_START <= deadline.due <= COVERAGE_END


@pytest.mark.parametrize("unit", list(Unit))
def test_the_largest_n_from_either_end_of_the_coverage_or_of_time(
    unit: Unit, rule: Callable[..., Rule]
) -> None:
    after, before = (rule(n=MAX_N[unit], unit=unit, direction=d) for d in Direction)
    for largest, start in ((after, COVERAGE_START), (before, COVERAGE_END)):  # ten years: inside
        due = Deadline.compute(largest, start, CAL, rule_set="local").due
        assert 3_600 <= abs((due - start).days) <= 3_800
    for largest, start in ((before, COVERAGE_START), (after, COVERAGE_END)):
        with pytest.raises(CalendarRangeError, match="calendar's coverage"):
            Deadline.compute(largest, start, CAL, rule_set="local")
    for largest in (after, before):
        for start in (dt.date.min, dt.date.max):  # refused as outside, before any arithmetic
            with pytest.raises(CalendarRangeError, match=f"day {start.isoformat()} is outside"):
                Deadline.compute(largest, start, CAL, rule_set="local")
