"""The vectorised paths give the scalar answers, element by element."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import (
    DIVISIONS,
    Counting,
    Deadline,
    add_months,
    calendar_for,
    load_rule_sets,
)
from safeguarding_rules._columnar import day_span
from safeguarding_rules.rules.bulk import _by_day, _due_dates, add_months_array, due_dates

RULE_SETS = load_rule_sets()
DAYS = st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2028, 12, 31))


@given(st.sampled_from(sorted(DIVISIONS)), st.lists(DAYS, min_size=1, max_size=30),
       st.integers(-300, 300))  # fmt: skip
def test_calendar_arrays_match_scalars(division: str, days: list[dt.date], n: int) -> None:
    cal = calendar_for(division)
    array = np.array(days, dtype="datetime64[D]")
    assert cal.is_working_day_array(array).tolist() == [cal.is_working_day(d) for d in days]
    added = cal.add_working_days_array(array, n).astype(dt.date).tolist()
    assert added == [cal.add_working_days(d, n) for d in days]
    ends = array[::-1]
    assert cal.working_days_between_array(array, ends).tolist() == [
        cal.working_days_between(a, b) for a, b in zip(days, days[::-1], strict=True)
    ]


@given(st.lists(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
                min_size=1, max_size=30), st.integers(-30, 30))  # fmt: skip
def test_add_months_array_matches_scalar(days: list[dt.date], months: int) -> None:
    result = add_months_array(np.array(days, dtype="datetime64[D]"), months)
    assert result.astype(dt.date).tolist() == [add_months(d, months) for d in days]


ALL = [(name, rule_id) for name, rs in RULE_SETS.items() for rule_id in rs.rule_ids]


@given(st.sampled_from(ALL), st.lists(DAYS, min_size=1, max_size=20), st.sampled_from(Counting))
def test_bulk_due_dates_match_deadline_compute(
    case: tuple[str, str], days: list[dt.date], counting: Counting
) -> None:
    name, rule_id = case
    rule_set = RULE_SETS[name]
    cal = calendar_for(rule_set.division)
    due, used = due_dates(
        rule_set, rule_id, np.array(days, dtype="datetime64[D]"), cal, counting=counting
    )
    versions = rule_set.versions(rule_id)
    for day, got, index in zip(days, due.tolist(), used.tolist(), strict=True):
        try:
            rule = rule_set.rule(rule_id, on=day)
        except LookupError:
            assert index == -1
            assert got is None
            continue
        assert versions[index] == rule
        expected = Deadline.compute(rule, day, cal, rule_set=name, counting=counting).due
        assert got == expected


@given(
    st.sampled_from(ALL),
    DAYS,
    st.lists(st.one_of(st.none(), st.integers(0, 12)), min_size=1, max_size=80),
    st.sampled_from(Counting),
)
def test_due_dates_by_day_match_row_by_row(
    case: tuple[str, str], low: dt.date, offsets: list[int | None], counting: Counting
) -> None:
    """Many rows over few days (looked up per day) give the row-by-row answers, NaT too."""
    name, rule_id = case
    rule_set = RULE_SETS[name]
    cal = calendar_for(rule_set.division)
    days = np.array(
        [None if o is None else low + dt.timedelta(days=o) for o in offsets],
        dtype="datetime64[D]",
    )
    due, used = due_dates(rule_set, rule_id, days, cal, counting=counting)
    row_due, row_used = _due_dates(rule_set, rule_id, days, cal, None, counting)
    assert used.tolist() == row_used.tolist()
    assert due.astype(str).tolist() == row_due.astype(str).tolist()


def test_a_long_column_over_few_days_is_worked_out_per_day() -> None:
    rule_set = RULE_SETS["england"]
    days = np.array(["2024-12-23", "2024-12-24", None] * 40, dtype="datetime64[D]")
    assert (
        _by_day(
            rule_set, "icpc", days, calendar_for("england-and-wales"), Counting.EVENT_DAY_IS_DAY_0
        )
        is not None
    )
    due, _ = due_dates(rule_set, "icpc", days, calendar_for("england-and-wales"))
    # 15 working days, skipping Christmas Day, Boxing Day and New Year's Day.
    assert due[:3].astype(str).tolist() == ["2025-01-16", "2025-01-17", "NaT"]


@given(DAYS, st.lists(st.one_of(st.none(), st.integers(0, 40)), max_size=120))
def test_day_span_places_each_row_on_its_day(low: dt.date, offsets: list[int | None]) -> None:
    days = np.array(
        [None if o is None else low + dt.timedelta(days=o) for o in offsets],
        dtype="datetime64[D]",
    )
    found = day_span(days)
    given = [o for o in offsets if o is not None]
    if found is None:  # only where the span is not much shorter than the column
        assert not given or 2 * (max(given) - min(given) + 1) >= len(offsets)
        return
    span, places = found
    assert span.tolist() == [low + dt.timedelta(days=o) for o in range(min(given), max(given) + 1)]
    assert [None if p < 0 else span[p].astype(dt.date) for p in places.tolist()] == [
        None if o is None else low + dt.timedelta(days=o) for o in offsets
    ]
