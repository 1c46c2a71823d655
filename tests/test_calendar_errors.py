"""Refusals: dates outside coverage, wrong types, unknown divisions and sources."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import (
    COVERAGE_END,
    COVERAGE_START,
    PROVISIONAL_FROM,
    CalendarRangeError,
    UnknownDivisionError,
    UnsupportedHolidaySourceError,
    calendar_for,
)

CAL = calendar_for("england-and-wales")
BEFORE = COVERAGE_START - dt.timedelta(days=1)
AFTER = COVERAGE_END + dt.timedelta(days=1)


@pytest.mark.parametrize("day", [BEFORE, AFTER, dt.date(1999, 12, 31), dt.date(2040, 1, 1)])
def test_dates_outside_coverage_are_refused_with_date_and_range(day: dt.date) -> None:
    with pytest.raises(CalendarRangeError) as info:
        CAL.is_working_day(day)
    message = str(info.value)
    assert day.isoformat() in message
    assert COVERAGE_START.isoformat() in message
    assert COVERAGE_END.isoformat() in message
    assert info.value.day == day
    assert (info.value.first, info.value.last) == (COVERAGE_START, COVERAGE_END)


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.add_working_days(BEFORE, 1),
        lambda: CAL.add_working_days(AFTER, -1),
        lambda: CAL.working_days_between(BEFORE, dt.date(2020, 1, 1)),
        lambda: CAL.working_days_between(dt.date(2020, 1, 1), AFTER),
        lambda: CAL.non_working_days(dt.date(2020, 1, 1), AFTER),
        lambda: CAL.is_provisional(AFTER),
    ],
)
def test_every_query_checks_its_dates(call: object) -> None:
    with pytest.raises(CalendarRangeError):
        call()  # type: ignore[operator]


def test_result_past_the_end_is_refused_not_truncated() -> None:
    with pytest.raises(CalendarRangeError, match="past the end"):
        CAL.add_working_days(dt.date(2030, 12, 20), 15)
    with pytest.raises(CalendarRangeError, match="past the start"):
        CAL.add_working_days(dt.date(2006, 1, 10), -15)


def test_last_working_day_of_coverage_is_reachable() -> None:
    last_working = CAL.roll_backward(COVERAGE_END)
    start = CAL.add_working_days(last_working, -15)
    assert CAL.add_working_days(start, 15) == last_working
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(start, 16)


@pytest.mark.parametrize("bad", [dt.datetime(2020, 1, 1, 9, 0), "2020-01-01", 20200101, None])
def test_non_dates_are_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        CAL.is_working_day(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.0, True, "3", None])
def test_n_must_be_an_int(bad: object) -> None:
    with pytest.raises(TypeError, match="n must be an int"):
        CAL.add_working_days(dt.date(2020, 1, 1), bad)  # type: ignore[arg-type]


def test_unknown_division_names_value_and_choices() -> None:
    with pytest.raises(UnknownDivisionError, match=r"'mars'.*england-and-wales"):
        calendar_for("mars")


@pytest.mark.parametrize("alias", ["England", " WALES ", "gb-eng", "eng", "ni", "iom", "GG"])
def test_aliases_resolve(alias: str) -> None:
    assert calendar_for(alias).division.name in {
        "england-and-wales",
        "northern-ireland",
        "isle-of-man",
        "guernsey",
    }


def test_unknown_source() -> None:
    with pytest.raises(UnsupportedHolidaySourceError, match="'nope'"):
        calendar_for("england", source="nope")


@pytest.mark.parametrize("division", ["scotland", "guernsey", "jersey", "isle-of-man"])
def test_workalendar_refuses_divisions_it_cannot_serve(division: str) -> None:
    with pytest.raises(UnsupportedHolidaySourceError, match=division):
        calendar_for(division, source="workalendar")


def test_provisional_boundary() -> None:
    assert not CAL.is_provisional(PROVISIONAL_FROM - dt.timedelta(days=1))
    assert CAL.is_provisional(PROVISIONAL_FROM)
    near = CAL.count(dt.date(2028, 12, 20), 15)
    assert near.provisional
    assert "PROVISIONAL" in near.explain()
    assert not CAL.count(dt.date(2028, 11, 1), 15).provisional


def test_non_working_days_rejects_reversed_interval() -> None:
    with pytest.raises(ValueError, match="before start"):
        CAL.non_working_days(dt.date(2020, 2, 1), dt.date(2020, 1, 1))
