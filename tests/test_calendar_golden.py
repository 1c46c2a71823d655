"""Golden dates, each with its source named (dateutil's test_easter style)."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import calendar_for

D = dt.date
GB_DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")


# -- working-day arithmetic -------------------------------------------------------------------

# (division, start, n, expected, source)
ADD_CASES = [
    # Issue #2 worked example: strategy discussion Mon 15 Dec 2014; 25, 26 Dec and 1 Jan skipped.
    ("england-and-wales", D(2014, 12, 15), 15, D(2015, 1, 8), "issue #2 worked example"),
    # peers.md section 2: S + 15 WD from 2023-04-26 is 2023-05-19 with holidays and numpy;
    # workalendar says 2023-05-18 because it misses the coronation bank holiday (2023-05-08).
    ("england-and-wales", D(2023, 4, 26), 15, D(2023, 5, 19), "peers.md s2, ICPC-style row"),
    # peers.md section 2, Easter 2024: adding 1 from Thu 28 Mar, Good Friday, Saturday or
    # Easter Monday gives Tue 2 Apr in every library checked.
    ("england-and-wales", D(2024, 3, 28), 1, D(2024, 4, 2), "peers.md s2, Easter 2024"),
    ("england-and-wales", D(2024, 3, 29), 1, D(2024, 4, 2), "peers.md s2, Easter 2024"),
    ("england-and-wales", D(2024, 3, 30), 1, D(2024, 4, 2), "peers.md s2, Easter 2024"),
    ("england-and-wales", D(2024, 4, 1), 1, D(2024, 4, 2), "peers.md s2, Easter 2024"),
    # ... and subtracting 1 from Good Friday, Saturday or Easter Monday gives Thu 28 Mar.
    ("england-and-wales", D(2024, 3, 29), -1, D(2024, 3, 28), "peers.md s2, Easter 2024"),
    ("england-and-wales", D(2024, 3, 30), -1, D(2024, 3, 28), "peers.md s2, Easter 2024"),
    ("england-and-wales", D(2024, 4, 1), -1, D(2024, 3, 28), "peers.md s2, Easter 2024"),
    # Scotland has no Easter Monday (GOV.UK scotland list 2024): Easter Monday is day 1.
    ("scotland", D(2024, 3, 28), 1, D(2024, 4, 1), "GOV.UK scotland 2024"),
    # Scotland 2023: 2 and 3 January are both holidays (New Year's Day and 2nd January
    # substitutes, GOV.UK scotland 2023); England only has 2 January off.
    ("scotland", D(2022, 12, 30), 1, D(2023, 1, 4), "GOV.UK scotland 2023"),
    ("england-and-wales", D(2022, 12, 30), 1, D(2023, 1, 3), "GOV.UK england-and-wales 2023"),
    # Northern Ireland 2024: St Patrick's Day substitute Mon 18 Mar (GOV.UK northern-ireland).
    ("northern-ireland", D(2024, 3, 15), 1, D(2024, 3, 19), "GOV.UK northern-ireland 2024"),
    ("england-and-wales", D(2024, 3, 15), 1, D(2024, 3, 18), "GOV.UK england-and-wales 2024"),
    # 2022: the spring holiday moved to Thu 2 Jun, Platinum Jubilee Fri 3 Jun (GOV.UK).
    ("england-and-wales", D(2022, 6, 1), 1, D(2022, 6, 6), "GOV.UK 2022 jubilee"),
    ("scotland", D(2022, 6, 1), 1, D(2022, 6, 6), "GOV.UK 2022 jubilee"),
    ("northern-ireland", D(2022, 6, 1), 1, D(2022, 6, 6), "GOV.UK 2022 jubilee"),
    # 2012: spring holiday moved to Mon 4 Jun, Diamond Jubilee Tue 5 Jun (GOV.UK 2012).
    ("england-and-wales", D(2012, 6, 1), 1, D(2012, 6, 6), "GOV.UK 2012 jubilee"),
    # 2011 royal wedding, Fri 29 Apr, in the week after Easter (rules-catalogue s8.3, C2).
    ("england-and-wales", D(2011, 4, 21), 1, D(2011, 4, 26), "rules-catalogue s8.3"),
    ("england-and-wales", D(2011, 4, 28), 1, D(2011, 5, 3), "rules-catalogue s8.3"),
    # Guernsey and Jersey: Liberation Day, Tue 9 May 2023, after the coronation Mon 8 May.
    ("guernsey", D(2023, 5, 5), 1, D(2023, 5, 10), "python-holidays Guernsey; gov.gg"),
    ("jersey", D(2023, 5, 5), 1, D(2023, 5, 10), "python-holidays Jersey; gov.je"),
    ("england-and-wales", D(2023, 5, 5), 1, D(2023, 5, 9), "GOV.UK england-and-wales 2023"),
]


@pytest.mark.parametrize(("division", "start", "n", "expected", "source"), ADD_CASES)
def test_add_working_days_golden(
    division: str, start: dt.date, n: int, expected: dt.date, source: str
) -> None:
    assert calendar_for(division).add_working_days(start, n) == expected, source


@pytest.mark.parametrize(("division", "start", "n", "expected", "source"), ADD_CASES)
def test_between_inverts_golden(
    division: str, start: dt.date, n: int, expected: dt.date, source: str
) -> None:
    cal = calendar_for(division)
    if cal.is_working_day(start) or n > 0:
        assert cal.working_days_between(start, expected) == n, source


def test_between_uses_workalendar_interval_convention() -> None:
    # peers.md s2: get_working_days_delta(Thu 28 Mar, Wed 3 Apr 2024) == 2, interval (a, b].
    cal = calendar_for("england-and-wales")
    assert cal.working_days_between(D(2024, 3, 28), D(2024, 4, 3)) == 2
    assert cal.working_days_between(D(2024, 4, 3), D(2024, 3, 28)) == -2
    assert cal.working_days_between(D(2024, 3, 28), D(2024, 3, 28)) == 0


def test_worked_example_skips_exactly_the_named_bank_holidays() -> None:
    counted = calendar_for("england").count(D(2014, 12, 15), 15)
    holidays = [day.day for day in counted.skipped if day.kind == "bank_holiday"]
    assert holidays == [D(2014, 12, 25), D(2014, 12, 26), D(2015, 1, 1)]
    assert all(day.kind == "weekend" for day in counted.skipped if day.day not in holidays)
    assert len(counted.skipped) == 9  # 3 bank holidays + 3 weekends
    assert counted.result == D(2015, 1, 8)
    assert not counted.provisional


# -- one-off and division-specific days ------------------------------------------------------

# (divisions, date, source): a weekday that is not a working day in every division listed.
NON_WORKING = [
    (GB_DIVISIONS, D(2011, 4, 29), "royal wedding; rules-catalogue s8.3 (C2)"),
    (GB_DIVISIONS, D(2012, 6, 4), "spring holiday moved; GOV.UK 2012 (C1)"),
    (GB_DIVISIONS, D(2012, 6, 5), "Diamond Jubilee; GOV.UK 2012 (C1)"),
    (GB_DIVISIONS, D(2020, 5, 8), "early May holiday moved to VE Day; GOV.UK 2020 (C1)"),
    (GB_DIVISIONS, D(2022, 6, 2), "spring holiday moved; GOV.UK 2022 (C1)"),
    (GB_DIVISIONS, D(2022, 6, 3), "Platinum Jubilee; GOV.UK 2022 (C1)"),
    (GB_DIVISIONS, D(2022, 9, 19), "state funeral of Queen Elizabeth II; GOV.UK 2022 (C1)"),
    (GB_DIVISIONS, D(2023, 5, 8), "coronation of King Charles III; GOV.UK 2023 (C1)"),
    (("scotland",), D(2025, 1, 2), "2nd January; GOV.UK scotland 2025"),
    (("scotland",), D(2020, 11, 30), "St Andrew's Day; GOV.UK scotland 2020"),
    (("scotland",), D(2025, 12, 1), "St Andrew's Day substitute; GOV.UK scotland 2025"),
    (("scotland",), D(2024, 8, 5), "first Monday of August; GOV.UK scotland 2024"),
    (("scotland",), D(2026, 6, 15), "World Cup bank holiday; proclamation February 2026"),
    (("northern-ireland",), D(2025, 3, 17), "St Patrick's Day; GOV.UK northern-ireland 2025"),
    (("northern-ireland",), D(2024, 7, 12), "Battle of the Boyne; GOV.UK northern-ireland 2024"),
    (("northern-ireland",), D(2020, 7, 13), "Boyne substitute; GOV.UK northern-ireland 2020"),
    (("guernsey",), D(2024, 5, 9), "Liberation Day; python-holidays Guernsey"),
    (("guernsey",), D(2010, 5, 10), "Liberation Day moved in 2010; python-holidays Guernsey"),
    (("jersey",), D(2024, 5, 9), "Liberation Day; python-holidays Jersey"),
    (("isle-of-man",), D(2023, 7, 5), "Tynwald Day; python-holidays Isle of Man"),
    (("isle-of-man",), D(2023, 6, 2), "TT Bank Holiday; python-holidays Isle of Man"),
]

# (divisions, date, source): a weekday that IS a working day, often a holiday's usual date
# in a year when it moved, or another division's holiday.
WORKING = [
    (GB_DIVISIONS, D(2012, 5, 28), "last Monday of May 2012: holiday moved to 4 Jun (GOV.UK)"),
    (GB_DIVISIONS, D(2020, 5, 4), "first Monday of May 2020: holiday moved to 8 May (GOV.UK)"),
    (GB_DIVISIONS, D(2022, 5, 30), "last Monday of May 2022: holiday moved to 2 Jun (GOV.UK)"),
    (("scotland",), D(2024, 4, 1), "no Easter Monday in Scotland (GOV.UK scotland 2024)"),
    (("scotland",), D(2024, 8, 26), "no late-August holiday in Scotland (GOV.UK scotland)"),
    (("england-and-wales",), D(2025, 1, 2), "2 January is Scottish only (GOV.UK)"),
    (("england-and-wales",), D(2024, 8, 5), "first Monday of August is Scottish only (GOV.UK)"),
    (("england-and-wales",), D(2025, 3, 17), "St Patrick's Day is NI only (GOV.UK)"),
    (("england-and-wales",), D(2024, 7, 12), "12 July is NI only (GOV.UK)"),
    (("england-and-wales",), D(2026, 6, 15), "World Cup holiday is Scottish only"),
    (("england-and-wales",), D(2024, 5, 9), "Liberation Day is Channel Islands only"),
]


@pytest.mark.parametrize(("divisions", "day", "source"), NON_WORKING)
def test_non_working_golden(divisions: tuple[str, ...], day: dt.date, source: str) -> None:
    for division in divisions:
        cal = calendar_for(division)
        assert not cal.is_working_day(day), f"{division} {day}: {source}"
        found = cal.non_working_day(day)
        assert found is not None
        assert found.kind == "bank_holiday", f"{division} {day}: {source}"


@pytest.mark.parametrize(("divisions", "day", "source"), WORKING)
def test_working_golden(divisions: tuple[str, ...], day: dt.date, source: str) -> None:
    for division in divisions:
        cal = calendar_for(division)
        assert cal.is_working_day(day), f"{division} {day}: {source}"
        assert cal.non_working_day(day) is None


# rules-catalogue s8.3: E&W bank holidays 2006-2011, computed from the standard rules and
# cross-checked against a published code list for 2010-2011 (C2). Not in the GOV.UK feed.
CATALOGUE_2006_2011 = {
    2006: ["01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
    2007: ["01-01", "04-06", "04-09", "05-07", "05-28", "08-27", "12-25", "12-26"],
    2008: ["01-01", "03-21", "03-24", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2009: ["01-01", "04-10", "04-13", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2010: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2011: ["01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"],
}


@pytest.mark.parametrize("year", sorted(CATALOGUE_2006_2011))
def test_england_and_wales_2006_2011_match_catalogue(year: int) -> None:
    cal = calendar_for("england-and-wales")
    expected = [dt.date.fromisoformat(f"{year}-{md}") for md in CATALOGUE_2006_2011[year]]
    found = [
        day.day
        for day in cal.non_working_days(
            D(year - 1, 12, 31) if year > 2006 else D(2006, 1, 1), D(year, 12, 31)
        )
        if day.kind == "bank_holiday"
    ]
    assert found == expected


def test_wales_and_england_are_one_calendar() -> None:
    assert calendar_for("wales") is calendar_for("england") is calendar_for("england-and-wales")
