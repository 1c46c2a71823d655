"""Where a calendar's bank holidays come from.

A holiday source is a function ``(division, years) -> {date: name}``. Two exist:

``"holidays"`` (the default, a required dependency)
    python-holidays, always called with the division's explicit subdivision and British
    English names (``language="en_GB"``, whatever the locale). Bare ``"GB"`` returns only
    the days common to the whole UK (no Easter Monday, no August holiday in England) and is
    never used.

    Importing python-holidays imports every country it knows (about a third of a second),
    so its answers for every division over the coverage are also shipped as a snapshot,
    ``data/holidays_snapshot.json``, written by ``scripts/generate_holidays_snapshot.py``
    with the version of python-holidays that wrote it. The snapshot is served only while
    that exact version is installed (read from the package metadata, without importing
    it); with any other version python-holidays is called as before. The library stays
    the source of the data: the snapshot is a cache keyed by its version, and a test
    checks that it equals python-holidays' own answers for every division.

``"workalendar"`` (optional extra ``safeguarding-rules[workalendar]``)
    Offered only to reproduce answers of systems built on workalendar. It is unmaintained
    (last release 17.0.0, January 2023) and **misses the 8 May 2023 coronation bank holiday**
    in England and Wales and in Northern Ireland. Its Scotland class does not model the
    regular Scottish bank holidays, so it is refused for Scotland, as for the Crown
    dependencies it does not cover.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import json
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any

from .._errors import UnsupportedHolidaySourceError
from .divisions import Division, EnglandAndWales, NorthernIreland

__all__ = ["HOLIDAY_SOURCES", "HolidaySource", "holidays_source", "workalendar_source"]

#: ``(division, years) -> {date: name}`` for every bank holiday in those years.
HolidaySource = Callable[[type[Division], Iterable[int]], Mapping[dt.date, str]]

#: The language of the holiday names asked of python-holidays (never the locale's).
HOLIDAYS_LANGUAGE = "en_GB"
#: python-holidays' answers for every division over the coverage, with its version.
SNAPSHOT = ("data", "holidays_snapshot.json")


def holidays_source(division: type[Division], years: Iterable[int]) -> Mapping[dt.date, str]:
    """Bank holidays of ``division`` from python-holidays, by date, with their names.

    Served from the shipped snapshot of python-holidays' answers when the installed
    python-holidays is the version that wrote it and the years are within it; otherwise
    from python-holidays itself. Either way the answer is the same.
    """
    wanted = sorted(set(years))
    snapshot = _snapshot()
    if (
        snapshot is not None
        and snapshot["holidays_version"] == _installed_holidays_version()
        and snapshot["language"] == HOLIDAYS_LANGUAGE
        and division.name in snapshot["divisions"]
        and set(wanted) <= set(range(snapshot["years"][0], snapshot["years"][1] + 1))
    ):
        chosen = set(wanted)
        return {
            day: name
            for text, name in snapshot["divisions"][division.name].items()
            if (day := dt.date.fromisoformat(text)).year in chosen
        }
    return live_holidays(division, wanted)


def live_holidays(division: type[Division], years: Iterable[int]) -> Mapping[dt.date, str]:
    """Bank holidays of ``division`` asked of python-holidays itself, in date order."""
    import holidays

    table = holidays.country_holidays(
        division.holidays_country,
        subdiv=division.holidays_subdiv,
        years=list(years),
        language=HOLIDAYS_LANGUAGE,
    )
    return dict(sorted(table.items()))


def _installed_holidays_version() -> str | None:
    try:
        return importlib.metadata.version("holidays")
    except importlib.metadata.PackageNotFoundError:
        return None


@functools.cache
def _snapshot() -> dict[str, Any] | None:
    """Return the shipped snapshot of python-holidays' answers (``None`` if it is missing)."""
    try:
        text = resources.files("safeguarding_rules").joinpath(*SNAPSHOT).read_text("utf-8")
    except FileNotFoundError:
        return None
    data: dict[str, Any] = json.loads(text)
    return data


_WORKALENDAR_CLASSES = {
    EnglandAndWales.name: "UnitedKingdom",
    NorthernIreland.name: "UnitedKingdomNorthernIreland",
}


def workalendar_source(division: type[Division], years: Iterable[int]) -> Mapping[dt.date, str]:
    """Bank holidays of ``division`` from workalendar (England and Wales, Northern Ireland).

    :raises UnsupportedHolidaySourceError: for other divisions, or if workalendar is missing.
    """
    class_name = _WORKALENDAR_CLASSES.get(division.name)
    if class_name is None:
        raise UnsupportedHolidaySourceError(
            f"the workalendar holiday source cannot serve {division.name!r}; it serves only "
            f"{', '.join(_WORKALENDAR_CLASSES)}. Use the default 'holidays' source."
        )
    try:
        import workalendar.europe
    except ImportError:
        raise UnsupportedHolidaySourceError(
            "the workalendar holiday source needs the optional extra: "
            "pip install 'safeguarding-rules[workalendar]'"
        ) from None
    calendar = getattr(workalendar.europe, class_name)()
    return {day: str(name) for year in years for day, name in calendar.holidays(year)}


#: Holiday sources by name.
HOLIDAY_SOURCES: Mapping[str, HolidaySource] = {
    "holidays": holidays_source,
    "workalendar": workalendar_source,
}
