"""The calendars against the official GOV.UK lists, 2012 to 2028.

``tests/data/govuk-bank-holidays-2012-2028.json`` is the GOV.UK bank-holidays feed
(https://www.gov.uk/bank-holidays.json, Open Government Licence v3.0) as cached in
``govuk-bank-holidays`` 0.19 (ministryofjustice/govuk-bank-holidays). It is test data only:
the library never reads it, and never goes to the network.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import holidays
import pytest

from safeguarding_rules import COVERAGE_END, COVERAGE_START, calendar_for

DATA = Path(__file__).parent / "data" / "govuk-bank-holidays-2012-2028.json"
FIRST, LAST = dt.date(2012, 1, 1), dt.date(2028, 12, 31)

# Every known difference between our calendars and that GOV.UK list, with its reason.
KNOWN_DIFFERENCES = {
    "scotland": {
        # Proclaimed in February 2026 (privycouncil.independent.gov.uk), after the list
        # cached in govuk-bank-holidays 0.19 was taken.
        dt.date(2026, 6, 15): "Scotland's participation in the FIFA World Cup",
    },
}


def govuk_dates(division: str) -> set[dt.date]:
    events = json.loads(DATA.read_text(encoding="utf-8"))[division]["events"]
    return {dt.date.fromisoformat(event["date"]) for event in events}


def our_bank_holidays(division: str) -> set[dt.date]:
    cal = calendar_for(division)
    return {
        day.day
        for day in cal.non_working_days(FIRST - dt.timedelta(days=1), LAST)
        if day.kind == "bank_holiday"
    }


@pytest.mark.parametrize("division", ["england-and-wales", "scotland", "northern-ireland"])
def test_matches_govuk_list_exactly_apart_from_known_differences(division: str) -> None:
    ours = our_bank_holidays(division)
    official = govuk_dates(division)
    known = set(KNOWN_DIFFERENCES.get(division, {}))
    assert official - ours == set(), "GOV.UK lists a bank holiday we treat as a working day"
    assert ours - official == known


def test_england_and_wales_has_the_140_govuk_weekday_holidays() -> None:
    # peers.md s2: 140 E&W weekday bank holidays 2012-2028 in the GOV.UK feed.
    assert len(our_bank_holidays("england-and-wales")) == 140


def test_every_govuk_holiday_falls_on_a_weekday() -> None:
    # The feed lists observed (substitute) days only, so every entry is a weekday; our
    # bank-holiday kind is also weekday-only (weekend holidays are reported as weekends).
    for division in ("england-and-wales", "scotland", "northern-ireland"):
        assert all(day.weekday() < 5 for day in govuk_dates(division))


def test_holidays_wls_subdivision_equals_eng_over_the_whole_coverage() -> None:
    years = range(COVERAGE_START.year, COVERAGE_END.year + 1)
    eng = holidays.country_holidays("GB", subdiv="ENG", years=years)
    wls = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert set(eng) == set(wls)
