"""Where a calendar's bank holidays come from.

A holiday source is a function ``(division, years) -> {date: name}``. Two exist:

``"holidays"`` (the default, a required dependency)
    python-holidays, always called with the division's explicit subdivision. Bare ``"GB"``
    returns only the days common to the whole UK (no Easter Monday, no August holiday in
    England) and is never used.

``"workalendar"`` (optional extra ``safeguarding-rules[workalendar]``)
    Offered only to reproduce answers of systems built on workalendar. It is unmaintained
    (last release 17.0.0, January 2023) and **misses the 8 May 2023 coronation bank holiday**
    in England and Wales and in Northern Ireland. Its Scotland class does not model the
    regular Scottish bank holidays, so it is refused for Scotland, as for the Crown
    dependencies it does not cover.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

import holidays

from .._errors import UnsupportedHolidaySourceError
from .divisions import Division, EnglandAndWales, NorthernIreland

__all__ = ["HOLIDAY_SOURCES", "HolidaySource", "holidays_source", "workalendar_source"]

#: ``(division, years) -> {date: name}`` for every bank holiday in those years.
HolidaySource = Callable[[type[Division], Iterable[int]], Mapping[dt.date, str]]


def holidays_source(division: type[Division], years: Iterable[int]) -> Mapping[dt.date, str]:
    """Bank holidays of ``division`` from python-holidays, by date, with their names."""
    table = holidays.country_holidays(
        division.holidays_country, subdiv=division.holidays_subdiv, years=list(years)
    )
    return dict(table.items())


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
