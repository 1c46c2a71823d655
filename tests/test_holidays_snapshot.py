"""The shipped snapshot of python-holidays' answers: equal to them, and used only when it may be.

``holidays_source`` serves bank holidays from ``data/holidays_snapshot.json`` only while
the installed python-holidays is the version that wrote it; otherwise it asks
python-holidays. A python-holidays upgrade that changes any answer fails here until the
snapshot is regenerated with ``scripts/generate_holidays_snapshot.py``.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping

import pytest

from safeguarding_rules import COVERAGE_END, COVERAGE_START, DIVISIONS, Division, calendar_for
from safeguarding_rules.calendar import sources

YEARS = range(COVERAGE_START.year, COVERAGE_END.year + 1)


def test_the_snapshot_was_written_by_the_installed_python_holidays() -> None:
    snapshot = sources._snapshot()
    assert snapshot is not None
    assert snapshot["holidays_version"] == importlib.metadata.version("holidays"), (
        "python-holidays changed: run scripts/generate_holidays_snapshot.py and review the diff"
    )
    assert snapshot["years"] == [YEARS[0], YEARS[-1]]
    assert sorted(snapshot["divisions"]) == sorted(DIVISIONS)


@pytest.mark.parametrize("name", sorted(DIVISIONS))
def test_the_snapshot_equals_python_holidays_for_every_division(name: str) -> None:
    division = DIVISIONS[name]
    live = sources.live_holidays(division, YEARS)
    assert len(live) > 200
    assert sources.holidays_source(division, YEARS) == live
    some = [2006, 2014, 2023, 2030]
    assert sources.holidays_source(division, some) == sources.live_holidays(division, some)


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    asked: list[list[int]] = []

    def live(division: type[Division], years: Iterable[int]) -> Mapping[dt.date, str]:
        asked.append(list(years))
        return {dt.date(2014, 12, 25): "from python-holidays"}

    monkeypatch.setattr(sources, "live_holidays", live)
    return asked


def test_a_matching_version_is_served_from_the_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _spy(monkeypatch)
    found = sources.holidays_source(DIVISIONS["england-and-wales"], [2014])
    assert found[dt.date(2014, 12, 25)] == "Christmas Day"
    assert asked == []


def test_another_version_of_python_holidays_is_asked_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _spy(monkeypatch)
    monkeypatch.setattr(sources, "_installed_holidays_version", lambda: "0.1")
    found = sources.holidays_source(DIVISIONS["england-and-wales"], [2014])
    assert found == {dt.date(2014, 12, 25): "from python-holidays"}
    assert asked == [[2014]]


def test_years_beyond_the_snapshot_are_asked_of_python_holidays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _spy(monkeypatch)
    sources.holidays_source(DIVISIONS["scotland"], [2030, 2031])
    assert asked == [[2030, 2031]]


def test_a_missing_snapshot_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _spy(monkeypatch)
    monkeypatch.setattr(sources, "_snapshot", lambda: None)
    sources.holidays_source(DIVISIONS["jersey"], [2014])
    assert asked == [[2014]]


def test_names_are_british_english_whatever_the_locale() -> None:
    # python-holidays reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG unless told a language.
    probe = (
        "import datetime as dt, sys\n"
        "from safeguarding_rules import DIVISIONS\n"
        "from safeguarding_rules.calendar.sources import live_holidays\n"
        "print(live_holidays(DIVISIONS['england-and-wales'], [2014])[dt.date(2014, 12, 25)])\n"
    )
    env = {**os.environ, "LANGUAGE": "th", "LC_ALL": "th_TH.UTF-8", "LANG": "th_TH.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "Christmas Day"


def test_a_calendar_from_the_snapshot_imports_no_python_holidays() -> None:
    probe = (
        "import sys, datetime as dt\n"
        "from safeguarding_rules import calendar_for\n"
        "assert calendar_for('england').add_working_days(dt.date(2014, 12, 15), 15) "
        "== dt.date(2015, 1, 8)\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
    assert calendar_for("england").add_working_days(dt.date(2014, 12, 15), 15) == dt.date(
        2015, 1, 8
    )
