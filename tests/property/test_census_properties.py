"""dfe_c4 and recorded_targets on random synthetic censuses, against an independent count.

The reference below shares no code with the library: it walks the XML with the standard
library, counts working days day by day (weekday, and not an England bank holiday from
python-holidays), and takes quartiles with :func:`statistics.quantiles` ("inclusive" is
Hyndman and Fan type 7, numpy's "linear").
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding_rules import calendar_for, get_rule_set, to_data
from safeguarding_rules.records import read_records
from safeguarding_rules.reports import build_report
from safeguarding_rules.testing.returns import (
    CensusChild,
    Episode,
    Section47,
    random_census,
    write_cin_census,
)

CALENDAR = calendar_for("england-and-wales")
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2022, 2026))
REFERENCE = dt.date(2024, 3, 31)
YEAR_START = dt.date(2023, 4, 1)


def _working_days(start: dt.date, end: dt.date) -> int:
    days = (start + dt.timedelta(days=k) for k in range(1, (end - start).days + 1))
    return sum(day.weekday() < 5 and day not in BANK_HOLIDAYS for day in days)


def _reference(path: Path) -> dict[str, Any]:
    enquiries = []
    for child in ET.parse(path).getroot().iter("Child"):
        child_id = child.findtext("ChildIdentifiers/LAchildID")
        for s47 in child.iter("Section47"):
            start = dt.date.fromisoformat(s47.findtext("S47ActualStartDate") or "")
            icpc = s47.findtext("DateOfInitialCPC")
            enquiries.append((child_id, start, dt.date.fromisoformat(icpc) if icpc else None))
    started = [e for e in enquiries if YEAR_START <= e[1] <= REFERENCE]
    held = [e for e in enquiries if e[2] is not None and YEAR_START <= e[2] <= REFERENCE]
    timed = sorted(_working_days(e[1], e[2]) for e in held if e[2] is not None and e[2] >= e[1])
    bands = {
        "0-10": sum(d <= 10 for d in timed),
        "11-15": sum(11 <= d <= 15 for d in timed),
        "16-20": sum(16 <= d <= 20 for d in timed),
        "21+": sum(d >= 21 for d in timed),
    }
    quartiles = statistics.quantiles(timed, n=4, method="inclusive") if len(timed) > 1 else None
    return {
        "section47": len(started),
        "section47_children": len({e[0] for e in started}),
        "icpc": len(held),
        "icpc_children": len({e[0] for e in held}),
        "bands": bands,
        "quartiles": quartiles,
        "before_start": len(held) - len(timed),
    }


@settings(max_examples=25)
@given(seed=st.integers(0, 2**32 - 1), children=st.integers(1, 60))
def test_dfe_c4_matches_an_independent_count(seed: int, children: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "census.xml"
        write_cin_census(
            path, random_census(random.Random(seed), children), reference_date=REFERENCE
        )
        expected = _reference(path)
        c4 = _census_report(path, skip_invalid=True)["dfe_c4"]
    for key in ("section47", "section47_children", "icpc", "icpc_children", "bands"):
        assert c4[key] == expected[key], key
    assert len(c4["data_quality"]) == expected["before_start"]
    assert sum(c4["bands"].values()) + len(c4["data_quality"]) == c4["icpc"]
    if expected["quartiles"] is not None:
        p25, median, p75 = expected["quartiles"]
        assert (c4["p25"], c4["median"], c4["p75"]) == pytest.approx((p25, median, p75))


def _census_report(path: Path, *, skip_invalid: bool = False) -> dict[str, Any]:
    """The report's data on a census file, as the command line builds it."""
    read = read_records(path, CALENDAR, skip_invalid=skip_invalid)
    found: dict[str, Any] = to_data(build_report(read, get_rule_set("england")))
    return found


def _nth_working_day(start: dt.date, n: int, *, bank_holidays: bool = True) -> dt.date:
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        counted += day.weekday() < 5 and not (bank_holidays and day in BANK_HOLIDAYS)
    return day


#: Each wrong formula, computed here day by day, and the cause the report should name.
FORMULAS: dict[str, Callable[[dt.date], dt.date]] = {
    "counted the S47 start as day 1": lambda s: _nth_working_day(s, 14),
    "skipped weekends but not bank holidays": lambda s: _nth_working_day(
        s, 15, bank_holidays=False
    ),
    "counted 15 calendar days": lambda s: s + dt.timedelta(days=15),
}


@settings(max_examples=60)
@given(
    start=st.dates(dt.date(2022, 4, 1), dt.date(2024, 3, 1)).filter(lambda d: d.weekday() < 5),
    cause=st.sampled_from(sorted(FORMULAS)),
)
def test_a_target_from_a_wrong_formula_is_named_as_such(start: dt.date, cause: str) -> None:
    recorded = FORMULAS[cause](start)
    due = _nth_working_day(start, 15)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "census.xml"
        child = CensusChild(
            child_id="P1",
            episodes=[Episode(section47s=[Section47(start=start, target=recorded)])],
        )
        write_cin_census(path, [child], reference_date=REFERENCE)
        found = _census_report(path)["recorded_targets"]
    if recorded == due:  # no bank holiday in the window: the formula happens to be right
        assert found["differing"] == 0
        return
    (row,) = found["rows"]
    assert row["computed"] == due.isoformat()
    assert cause in row["likely_causes"]
