"""Working-day calendars: the bottom layer, which knows nothing of rules or records.

* :mod:`.divisions`: the UK's bank-holiday divisions and the Crown dependencies, and the
  coverage over which their holidays are known.
* :mod:`.sources`: where holiday data comes from (python-holidays; workalendar optionally).
* :mod:`.working_days`: :class:`WorkingDayCalendar` (scalar and array arithmetic),
  :class:`LocalOverlay` and :func:`calendar_for`.
"""

from __future__ import annotations

from .divisions import (
    COVERAGE_END,
    COVERAGE_START,
    DIVISIONS,
    PROVISIONAL_FROM,
    Division,
    division_for,
)
from .sources import HOLIDAY_SOURCES, HolidaySource
from .working_days import (
    LocalOverlay,
    NonWorkingDay,
    WorkingDayCalendar,
    WorkingDayCount,
    calendar_for,
    skipped_lines,
)

__all__ = [
    "COVERAGE_END",
    "COVERAGE_START",
    "DIVISIONS",
    "HOLIDAY_SOURCES",
    "PROVISIONAL_FROM",
    "Division",
    "HolidaySource",
    "LocalOverlay",
    "NonWorkingDay",
    "WorkingDayCalendar",
    "WorkingDayCount",
    "calendar_for",
    "division_for",
    "skipped_lines",
]
