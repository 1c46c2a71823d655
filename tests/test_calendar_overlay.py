"""Local overlays: off by default, documented precedence, always named in results."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import (
    DIVISIONS,
    CalendarRangeError,
    LocalOverlay,
    OverlayError,
    calendar_for,
)

D = dt.date
CHRISTMAS_2014 = LocalOverlay(
    name="Example Christmas closure",
    closures={D(2014, 12, 29): "Christmas closure", D(2014, 12, 30): "Christmas closure"},
)


def test_overlay_is_off_by_default() -> None:
    cal = calendar_for("england-and-wales")
    assert cal.overlay is None
    assert cal.is_working_day(D(2014, 12, 29))


def test_closures_stop_the_clock_and_are_named() -> None:
    cal = calendar_for("england-and-wales", overlay=CHRISTMAS_2014)
    assert not cal.is_working_day(D(2014, 12, 29))
    counted = cal.count(D(2014, 12, 15), 15)
    # Two more days skipped than the national calendar's 2015-01-08.
    assert counted.result == D(2015, 1, 12)
    assert counted.overlay == "Example Christmas closure"
    assert "Example Christmas closure" in counted.explain()
    closures = [day for day in counted.skipped if day.kind == "local_closure"]
    assert [day.day for day in closures] == [D(2014, 12, 29), D(2014, 12, 30)]
    assert all("Example Christmas closure" in day.reason for day in closures)
    assert "Example Christmas closure" in repr(cal)


def test_extra_working_day_beats_weekend_and_bank_holiday() -> None:
    overlay = LocalOverlay(name="duty rota", working_days={D(2014, 12, 27), D(2014, 12, 25)})
    cal = calendar_for("england", overlay=overlay)
    assert cal.is_working_day(D(2014, 12, 27))
    assert cal.is_working_day(D(2014, 12, 25))
    assert cal.add_working_days(D(2014, 12, 24), 1) == D(2014, 12, 25)


def test_a_date_both_closed_and_working_is_refused() -> None:
    with pytest.raises(OverlayError, match="2014-12-29 both as a closure and as an extra"):
        LocalOverlay(
            name="confused",
            closures={D(2014, 12, 29): "closure"},
            working_days={D(2014, 12, 29)},
        )


def test_closure_needs_a_reason() -> None:
    with pytest.raises(OverlayError, match="non-empty reason"):
        LocalOverlay(name="x", closures={D(2014, 12, 29): " "})


def test_overlay_needs_a_name() -> None:
    with pytest.raises(ValueError, match="name"):
        LocalOverlay(name="")


def test_overlay_dates_must_be_dates() -> None:
    with pytest.raises(TypeError, match="closure date"):
        LocalOverlay(name="x", closures={dt.datetime(2014, 12, 29, 9): "closure"})  # type: ignore[arg-type]


def test_overlay_outside_coverage_is_refused() -> None:
    overlay = LocalOverlay(name="old", closures={D(2001, 12, 27): "closure"})
    with pytest.raises(CalendarRangeError, match="2001-12-27"):
        calendar_for("england", overlay=overlay)


def test_with_overlay_round_trip_and_caching() -> None:
    national = calendar_for("england")
    local = national.with_overlay(CHRISTMAS_2014)
    assert local.overlay == CHRISTMAS_2014
    assert local.with_overlay(None) is national
    assert calendar_for("england", overlay=CHRISTMAS_2014) is local


def test_overlay_accepts_pairs_and_is_hashable() -> None:
    a = LocalOverlay(name="a", closures=[(D(2014, 12, 30), "x"), (D(2014, 12, 29), "x")])
    b = LocalOverlay(name="a", closures={D(2014, 12, 29): "x", D(2014, 12, 30): "x"})
    assert a == b
    assert hash(a) == hash(b)


@pytest.mark.parametrize("division", sorted(DIVISIONS))
def test_christmas_closure_is_every_working_day_from_27_to_31_december(division: str) -> None:
    # Read from the bank holidays without building a calendar; checked against the calendar.
    overlay = LocalOverlay.between_christmas_and_new_year(
        name="closure", division=division, reason="closed", source="test"
    )
    cal = calendar_for(division)
    expected = [
        D(year, 12, number)
        for year in range(cal.first.year, cal.last.year + 1)
        for number in range(27, 32)
        if cal.is_working_day(D(year, 12, number))
    ]
    assert [day for day, _ in overlay.closures] == expected
    assert {reason for _, reason in overlay.closures} == {"closed"}


def test_christmas_closure_leaves_bank_holidays_their_own_reason() -> None:
    overlay = LocalOverlay.between_christmas_and_new_year(
        name="closure", division="england", reason="closed", source="test"
    )
    closed = dict(overlay.closures)
    # 2015-12-28 is the substitute day for Boxing Day (a Saturday) in England and Wales.
    assert D(2015, 12, 28) not in closed
    assert [day for day in closed if day.year == 2015] == [
        D(2015, 12, 29),
        D(2015, 12, 30),
        D(2015, 12, 31),
    ]
