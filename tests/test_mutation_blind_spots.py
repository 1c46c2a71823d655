"""Wrong answers no test noticed: each case here kills mutants that survived a mutation run.

See scripts/mutation.py and the mutation probe of 2026-11-30: the first day of calendar
coverage, the array functions' range errors, an overlay closure on the first covered day,
the wording of explanations, a chair who did *not* proceed, and the reporting policy's
bounds.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from safeguarding_rules import (
    CalendarRangeError,
    LocalOverlay,
    ReportingPolicy,
    calendar_for,
    get_rule_set,
)
from safeguarding_rules.rules import Attendance, AttendanceMode

CAL = calendar_for("england-and-wales")
FIRST = dt.date(2006, 1, 1)  # a Sunday; Monday 2 January 2006 was the New Year bank holiday
LAST = dt.date(2030, 12, 31)


def days(*values: dt.date) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]")


def test_the_first_day_of_coverage() -> None:
    assert CAL.first == FIRST
    assert not CAL.is_working_day(FIRST)
    assert not CAL.is_working_day(dt.date(2006, 1, 2))
    assert CAL.next_working_day(FIRST) == dt.date(2006, 1, 3)
    assert CAL.roll_forward(FIRST) == dt.date(2006, 1, 3)
    assert CAL.add_working_days(FIRST, 1) == dt.date(2006, 1, 3)
    assert CAL.working_days_between(FIRST, dt.date(2006, 1, 3)) == 1
    assert CAL.add_working_days(FIRST, 0) == FIRST
    with pytest.raises(CalendarRangeError):
        CAL.previous_working_day(FIRST)
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(dt.date(2006, 1, 3), -1)


def test_the_array_functions_agree_with_the_scalar_ones_at_the_first_day() -> None:
    assert CAL.is_working_day_array(days(FIRST, dt.date(2006, 1, 3))).tolist() == [False, True]
    assert CAL.add_working_days_array(days(FIRST), 1).tolist() == [dt.date(2006, 1, 3)]
    assert CAL.add_working_days_array(days(FIRST), 0).tolist() == [FIRST]
    assert CAL.working_days_between_array(days(FIRST), days(dt.date(2006, 1, 4))).tolist() == [2]


@pytest.mark.parametrize("outside", [dt.date(2005, 12, 31), dt.date(2031, 1, 1)])
def test_the_array_functions_refuse_dates_outside_the_coverage(outside: dt.date) -> None:
    with pytest.raises(CalendarRangeError, match=outside.isoformat()):
        CAL.is_working_day_array(days(dt.date(2015, 1, 5), outside))
    with pytest.raises(CalendarRangeError, match=outside.isoformat()):
        CAL.add_working_days_array(days(outside), 1)
    with pytest.raises(CalendarRangeError, match=outside.isoformat()):
        CAL.working_days_between_array(days(dt.date(2015, 1, 5)), days(outside))
    with pytest.raises(CalendarRangeError, match=outside.isoformat()):
        CAL.working_days_between_array(days(outside), days(dt.date(2015, 1, 5)))


def test_counting_past_either_end_of_the_coverage_is_refused_by_the_array_function() -> None:
    with pytest.raises(CalendarRangeError, match="goes past"):
        CAL.add_working_days_array(days(dt.date(2006, 1, 3)), -1)
    with pytest.raises(CalendarRangeError, match="goes past"):
        CAL.add_working_days_array(days(LAST), 1)


def test_an_overlay_closure_on_the_first_covered_working_day() -> None:
    overlay = LocalOverlay(name="New Year closure", closures={dt.date(2006, 1, 3): "closed"})
    cal = calendar_for("england-and-wales", overlay=overlay)
    assert not cal.is_working_day(dt.date(2006, 1, 3))
    assert cal.next_working_day(FIRST) == dt.date(2006, 1, 4)
    assert cal.is_working_day_array(days(dt.date(2006, 1, 3))).tolist() == [False]
    assert cal.add_working_days_array(days(FIRST), 1).tolist() == [dt.date(2006, 1, 4)]


def test_explanations_say_before_or_after() -> None:
    after = CAL.count(dt.date(2014, 12, 15), 15).explain()
    before = CAL.count(dt.date(2015, 1, 8), -15).explain()
    assert "15th working day after Monday 15 December 2014" in after
    assert "15th working day before Thursday 8 January 2015" in before
    assert "is day 0 and is not counted" in before


def test_an_inquorate_conference_where_the_chair_did_not_proceed() -> None:
    england = get_rule_set("england")
    alone = [Attendance(agency="police", mode=AttendanceMode.IN_PERSON, direct_contact=True)]
    result = england.evaluate_quorum(alone, conference_id="C1")
    assert not result.quorate
    assert result.chair_reason is None
    assert result.proceeded_inquorate is False
    quorate = england.evaluate_quorum(
        [
            Attendance(agency=agency, mode=AttendanceMode.IN_PERSON, direct_contact=True)
            for agency in ("childrens_social_care", "police", "health_visitor")
        ],
        chair_reason="recorded anyway",
    )
    assert quorate.quorate
    assert quorate.proceeded_inquorate is False


@pytest.mark.parametrize("month", [1, 12])
def test_the_reporting_year_may_start_in_any_month(month: int) -> None:
    assert ReportingPolicy(year_start_month=month).year_start_month == month


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_outside_1_to_12_is_refused(month: int) -> None:
    with pytest.raises(ValueError, match="year_start_month"):
        ReportingPolicy(year_start_month=month)


@pytest.mark.parametrize("target", [0.0, 1.0])
def test_a_target_from_0_to_1_is_accepted(target: float) -> None:
    assert ReportingPolicy(target=target).target == target


@pytest.mark.parametrize("target", [-0.01, 1.01])
def test_a_target_outside_0_to_1_is_refused(target: float) -> None:
    with pytest.raises(ValueError, match="target"):
        ReportingPolicy(target=target)


def test_range_errors_name_which_date_is_outside() -> None:
    inside, before, after = dt.date(2015, 1, 5), dt.date(2005, 12, 31), dt.date(2031, 1, 1)
    with pytest.raises(CalendarRangeError, match=r"^day 2031-01-01 is outside"):
        CAL.is_working_day(after)
    for method in (CAL.working_days_between, CAL.non_working_days):
        with pytest.raises(CalendarRangeError, match=r"^end 2031-01-01 is outside"):
            method(inside, after)
        with pytest.raises(CalendarRangeError, match=r"^start 2005-12-31 is outside"):
            method(before, inside)
    with pytest.raises(CalendarRangeError, match=r"^end 2031-01-01 is outside"):
        CAL.working_days_between_array(days(inside), days(after))
    with pytest.raises(CalendarRangeError, match=r"^start 2005-12-31 is outside"):
        CAL.working_days_between_array(days(before), days(inside))
    with pytest.raises(CalendarRangeError, match="goes past the end of"):
        CAL.add_working_days(LAST, 1)
    with pytest.raises(CalendarRangeError, match="goes past the start of"):
        CAL.add_working_days(dt.date(2006, 1, 3), -1)


def test_overlay_closures_on_the_first_and_last_covered_days() -> None:
    overlay = LocalOverlay(name="edges", closures={FIRST: "closed", LAST: "closed"})
    cal = calendar_for("england-and-wales", overlay=overlay)
    assert not cal.is_working_day(LAST)
    assert cal.non_working_day(FIRST) is not None
    assert calendar_for("england-and-wales").is_working_day(LAST)  # a Tuesday, no holiday


@pytest.mark.parametrize("outside", [dt.date(2005, 12, 31), dt.date(2031, 1, 1)])
def test_an_overlay_closure_outside_the_coverage_is_refused_with_its_date(
    outside: dt.date,
) -> None:
    overlay = LocalOverlay(name="too far", closures={outside: "closed"})
    with pytest.raises(CalendarRangeError) as info:
        calendar_for("england-and-wales", overlay=overlay)
    assert (info.value.day, info.value.first, info.value.last) == (outside, FIRST, LAST)
