"""Calendar behaviour no test pinned until a mutation run showed it (scripts/mutation.py).

Each case states a behaviour of the working-day calendar with a golden value worked out by
hand from the GOV.UK England and Wales bank holiday lists (named beside it), or an
agreement between two ways of computing the same thing. docs/security.md lists the
mutants judged equivalent.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from safeguarding_rules import (
    CalendarRangeError,
    LocalOverlay,
    UnsupportedHolidaySourceError,
    calendar_for,
)
from safeguarding_rules.calendar import working_days as module

D = dt.date
CAL = calendar_for("england-and-wales")
FIRST, LAST = D(2006, 1, 1), D(2030, 12, 31)  # a Sunday; a Tuesday


def days(*values: dt.date) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]")


# -- the Christmas closure pattern (rules catalogue s8.4) ---------------------------------


@pytest.fixture(scope="module")
def christmas() -> LocalOverlay:
    return LocalOverlay.between_christmas_and_new_year(
        name="Test Christmas closure",
        division="wales",  # an alias of england-and-wales
        reason="office closed",
        source="example, UNCONFIRMED",
    )


def test_the_christmas_closure_closes_only_the_working_days_from_27_to_31_december(
    christmas: LocalOverlay,
) -> None:
    closed = {day for day, _ in christmas.closures}
    by_year = {year: sorted(d.day for d in closed if d.year == year) for year in range(2006, 2031)}
    # 2006: Christmas Mon 25, Boxing Day Tue 26; Sat 30 and Sun 31 left to the weekend.
    assert by_year[2006] == [27, 28, 29]
    # 2014: Sat 27 and Sun 28 left out; Mon 29 to Wed 31 closed.
    assert by_year[2014] == [29, 30, 31]
    # 2020: Boxing Day fell on a Saturday, so Mon 28 December was the substitute bank
    # holiday (GOV.UK england-and-wales 2020): it keeps its own reason, not the closure's.
    assert by_year[2020] == [29, 30, 31]
    # 2030, the last covered year: Fri 27, Mon 30 and Tue 31 December.
    assert by_year[2030] == [27, 30, 31]
    assert all(by_year[year] for year in range(2006, 2031))
    assert all(d.month == 12 and 27 <= d.day <= 31 for d in closed)
    assert {reason for _, reason in christmas.closures} == {"office closed"}
    assert (christmas.name, christmas.source) == ("Test Christmas closure", "example, UNCONFIRMED")
    assert christmas.working_days == frozenset()


def test_the_christmas_closure_stops_the_clock(christmas: LocalOverlay) -> None:
    cal = calendar_for("england-and-wales", overlay=christmas)
    # Issue #2's worked example (15 Dec 2014 + 15 working days = Thu 8 Jan 2015) loses the
    # three closed days, Mon 29 to Wed 31 December: Tue 13 January 2015.
    assert cal.add_working_days(D(2014, 12, 15), 15) == D(2015, 1, 13)
    closure = cal.non_working_day(D(2014, 12, 29))
    assert closure is not None
    assert closure.kind == "local_closure"
    assert "office closed" in closure.reason
    assert "Test Christmas closure" in closure.reason
    substitute = cal.non_working_day(D(2020, 12, 28))
    assert substitute is not None
    assert substitute.kind == "bank_holiday"


# -- scalar methods --------------------------------------------------------------------------


def test_previous_working_day_and_roll_backward() -> None:
    # Thu 1 Jan 2015 was New Year's Day (GOV.UK england-and-wales 2015).
    assert CAL.previous_working_day(D(2015, 1, 5)) == D(2015, 1, 2)
    assert CAL.previous_working_day(D(2015, 1, 2)) == D(2014, 12, 31)
    assert CAL.roll_backward(D(2015, 1, 4)) == D(2015, 1, 2)
    assert CAL.roll_backward(D(2015, 1, 2)) == D(2015, 1, 2)


def test_non_working_day_names_the_day_asked_about() -> None:
    found = CAL.non_working_day(D(2015, 1, 1))
    assert found is not None
    assert (found.day, found.kind) == (D(2015, 1, 1), "bank_holiday")
    assert CAL.non_working_day(D(2015, 1, 2)) is None


def test_a_count_names_its_division_and_overlay() -> None:
    counted = calendar_for("wales").count(D(2014, 12, 15), 15)
    assert (counted.division, counted.overlay) == ("england-and-wales", None)
    assert "england-and-wales calendar." in counted.explain()
    assert "overlay" not in counted.explain()
    overlay = LocalOverlay(name="Rota", closures={D(2014, 12, 29): "closed"})
    local = calendar_for("wales", overlay=overlay).count(D(2014, 12, 15), 15)
    assert local.overlay == "Rota"
    assert "with the local overlay 'Rota'" in local.explain()


def test_a_count_is_provisional_from_the_first_day_of_2029() -> None:
    # 1 Jan 2029 is where one-off bank holidays may still be announced (PROVISIONAL_FROM).
    assert CAL.count(D(2029, 1, 1), -1).provisional
    assert CAL.count(D(2029, 1, 1), 0).provisional
    assert not CAL.count(D(2028, 12, 1), 5).provisional
    assert (
        "PROVISIONAL: the count reaches 2029-01-01 or later"
        in CAL.count(D(2029, 1, 1), -1).explain()
    )
    assert "PROVISIONAL" not in CAL.count(D(2028, 12, 1), 5).explain()


def test_an_explanation_counts_the_days_it_skipped() -> None:
    # 15 Dec 2014 + 15 skips Sat/Sun 20-21, Christmas and Boxing Day (Thu 25, Fri 26),
    # Sat/Sun 27-28, New Year's Day (Thu 1 Jan) and Sat/Sun 3-4 January: nine days.
    text = CAL.count(D(2014, 12, 15), 15).explain()
    assert "Skipped 9 non-working day(s)" in text
    assert "2014-12-25" in text
    assert "2015-01-01" in text
    plain = CAL.count(D(2015, 1, 5), 2).explain()  # Mon 5 to Wed 7 January 2015
    assert "Skipped" not in plain
    assert "No non-working days were skipped." in plain.splitlines()
    assert plain.splitlines()[1].startswith("Monday 5 January 2015 is day 0 and is not counted")


def test_range_errors_end_with_the_coverage_and_name_the_day() -> None:
    with pytest.raises(CalendarRangeError, match=r"\(2006-01-01 to 2030-12-31\)$") as info:
        CAL.add_working_days(LAST, 1)
    assert info.value.day == LAST


def test_repr_names_the_division_source_and_any_overlay() -> None:
    assert repr(CAL) == "<WorkingDayCalendar england-and-wales source='holidays'>"
    overlay = LocalOverlay(name="Rota", closures={D(2014, 12, 29): "closed"})
    assert repr(CAL.with_overlay(overlay)).endswith("source='holidays', overlay='Rota'>")


# -- the array methods agree with the scalar ones ------------------------------------------


@pytest.mark.parametrize("opened", [FIRST, D(2006, 1, 2)])
def test_the_array_functions_agree_on_days_an_overlay_opens_at_the_start(opened: dt.date) -> None:
    # Sun 1 Jan 2006 and Mon 2 Jan 2006 (New Year substitute) are not working days unless an
    # overlay opens them.
    cal = calendar_for("england", overlay=LocalOverlay(name="open", working_days={opened}))
    january = [FIRST + dt.timedelta(days=i) for i in range(10)]
    assert cal.is_working_day_array(days(*january)).tolist() == [
        cal.is_working_day(d) for d in january
    ]
    assert cal.is_working_day(opened)
    assert cal.add_working_days_array(days(*january), 1).tolist() == [
        cal.add_working_days(d, 1) for d in january
    ]


def test_the_array_functions_read_nanosecond_dates_as_pandas_gives_them() -> None:
    wanted = [D(2014, 12, 24), D(2014, 12, 25), D(2015, 1, 5)]
    as_ns = np.array(wanted, dtype="datetime64[ns]")
    assert CAL.is_working_day_array(as_ns).tolist() == [True, False, True]
    assert CAL.add_working_days_array(as_ns, 1).tolist() == [
        D(2014, 12, 29), D(2014, 12, 29), D(2015, 1, 6)
    ]  # fmt: skip
    # 24 Dec 2014 to 5 Jan 2015: 29, 30, 31 December, 2 and 5 January.
    assert CAL.working_days_between_array(as_ns, as_ns[::-1]).tolist() == [5, 0, -5]


def test_the_array_functions_reach_the_last_covered_day() -> None:
    assert CAL.add_working_days_array(days(D(2030, 12, 30)), 1).tolist() == [LAST]
    assert CAL.add_working_days_array(days(D(2030, 12, 20)), 5).tolist() == [LAST]


def test_a_range_error_from_the_array_function_names_the_day() -> None:
    with pytest.raises(CalendarRangeError, match="2030-12-31") as info:
        CAL.add_working_days_array(days(D(2015, 1, 5), LAST), 1)
    assert info.value.day == LAST
    with pytest.raises(CalendarRangeError, match=r"^day 2031-01-01 is outside") as info:
        CAL.is_working_day_array(days(D(2015, 1, 5), D(2031, 1, 1)))
    assert info.value.day == D(2031, 1, 1)
    assert str(info.value).endswith("bank holidays are not known there")
    with pytest.raises(ValueError, match=r"^day at position 1 is missing \(NaT\)"):
        CAL.is_working_day_array(np.array(["2015-01-05", "NaT"], dtype="datetime64[D]"))


def test_counts_past_the_coverage_give_nat_only_for_those_rows() -> None:
    monday = D(2015, 1, 5)
    steps = np.array([1, 10_000, -10_000, -1, 2, 0])
    found = CAL.add_working_days_array(
        days(LAST, monday, monday, D(2006, 1, 3), monday, monday), steps, beyond="nat"
    )
    assert np.isnat(found[:4]).all()
    assert found[4:].tolist() == [D(2015, 1, 7), monday]


# -- a calendar built with an overlay -------------------------------------------------------
# National calendars are built once, when the suite imports; these build fresh ones, from an
# empty cache (a mutation tester runs the whole suite once first, which fills it).


@pytest.fixture
def cold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "_calendars", {})


def test_a_calendar_built_with_an_overlay_keeps_weekends_and_bank_holidays(cold: None) -> None:
    overlay = LocalOverlay(name="one closure", closures={D(2020, 12, 29): "closed"})
    cal = calendar_for("england-and-wales", overlay=overlay)
    found = {d.day: (d.kind, d.reason) for d in cal.non_working_days(D(2020, 12, 24), LAST)[:6]}
    # GOV.UK england-and-wales 2020: Christmas Fri 25, Boxing Day Sat 26 with its substitute
    # on Mon 28 December.
    assert found == {
        D(2020, 12, 25): ("bank_holiday", "Christmas Day"),
        D(2020, 12, 26): ("weekend", "weekend; Boxing Day"),
        D(2020, 12, 27): ("weekend", "weekend"),
        D(2020, 12, 28): ("bank_holiday", "Boxing Day (observed)"),
        D(2020, 12, 29): ("local_closure", "closed (local overlay 'one closure')"),
        D(2021, 1, 1): ("bank_holiday", "New Year's Day"),
    }
    national = calendar_for("england-and-wales")
    sample = [D(2020, 1, 1) + dt.timedelta(days=i) for i in range(366)]
    assert [cal.is_working_day(d) for d in sample if d != D(2020, 12, 29)] == [
        national.is_working_day(d) for d in sample if d != D(2020, 12, 29)
    ]
    backwards = cal.add_working_days_array(days(*sample[10:]), -3).astype(dt.date).tolist()
    assert backwards == [cal.add_working_days(d, -3) for d in sample[10:]]


def test_an_overlay_calendar_refuses_the_day_after_the_coverage(cold: None) -> None:
    cal = calendar_for("england", overlay=LocalOverlay(name="x", closures={LAST: "closed"}))
    with pytest.raises(CalendarRangeError, match="2031-01-01"):
        cal.is_working_day_array(days(D(2031, 1, 1)))


def test_data_version_changes_exactly_when_a_day_changes_status(cold: None) -> None:
    national = calendar_for("england")
    assert len(national.data_version) == len("sha256:") + 16
    assert national.data_version.startswith("sha256:")
    int(national.data_version.removeprefix("sha256:"), 16)
    # Mon 5 Jan 2015 is a working day already: an overlay listing it changes nothing.
    same = calendar_for("england", overlay=LocalOverlay(name="a", working_days={D(2015, 1, 5)}))
    assert same.data_version == national.data_version
    closed = calendar_for("england", overlay=LocalOverlay(name="b", closures={D(2015, 1, 5): "x"}))
    assert closed.data_version != national.data_version


def test_an_overlay_outside_the_coverage_is_refused_naming_the_overlay(cold: None) -> None:
    overlay = LocalOverlay(name="too far", closures={D(2031, 1, 2): "closed"})
    with pytest.raises(CalendarRangeError, match="overlay 'too far' lists 2031-01-02"):
        calendar_for("england-and-wales", overlay=overlay)


def test_with_overlay_keeps_the_holiday_source() -> None:
    pytest.importorskip("workalendar")
    other = calendar_for("england", source="workalendar")
    overlay = LocalOverlay(name="Rota", closures={D(2014, 12, 29): "closed"})
    assert other.with_overlay(overlay).source == "workalendar"


def test_errors_say_which_argument_is_wrong_and_why_dates_outside_are_refused() -> None:
    with pytest.raises(TypeError, match=r"^day must be a datetime.date"):
        CAL.is_working_day("2015-01-05")  # type: ignore[arg-type]
    with pytest.raises(CalendarRangeError, match=r"bank holidays are not known there$"):
        CAL.is_working_day(D(2031, 1, 1))
    with pytest.raises(
        UnsupportedHolidaySourceError, match=r"known sources: holidays, workalendar$"
    ):
        calendar_for("england", source="almanac")


# -- building and caching calendars ---------------------------------------------------------


def test_a_calendar_built_from_cold_caches_covers_every_year(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warm = calendar_for("scotland")
    monkeypatch.setattr(module, "_calendars", {})
    monkeypatch.setattr(module, "_holidays", {})
    cold = calendar_for("scotland")
    assert cold is not warm
    assert cold.data_version == warm.data_version
    # GOV.UK scotland: 2 January is a bank holiday in the first and last covered years.
    assert not cold.is_working_day(D(2006, 1, 2))
    assert not cold.is_working_day(D(2030, 1, 2))
    assert not cold.is_working_day(D(2030, 12, 26))  # Boxing Day, a Thursday
    assert calendar_for("scotland") is cold  # built once, then shared


def test_the_calendar_cache_keeps_at_most_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "_calendars", {})
    monkeypatch.setattr(module, "_MAX_CALENDARS", 2)
    for number in range(1, 4):
        calendar_for("england", overlay=LocalOverlay(name=f"o{number}", working_days={FIRST}))
    assert [key[1].name for key in module._calendars if key[1]] == ["o2", "o3"]  # the oldest went


def test_calendar_months_and_weeks() -> None:
    # The documented clamping: 31 January 2015 + 1 month = 28 February 2015.
    assert CAL.add_months(D(2015, 1, 31), 1) == D(2015, 2, 28)
    assert CAL.add_months(D(2016, 1, 31), 1) == D(2016, 2, 29)
    assert CAL.add_weeks(D(2014, 12, 22), 2) == D(2015, 1, 5)  # holidays count
