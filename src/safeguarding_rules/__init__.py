"""UK child-protection procedures as tested, explainable code.

Start with :func:`calendar_for`, which returns the working-day calendar of a UK division or
Crown dependency::

    >>> import datetime as dt
    >>> from safeguarding_rules import calendar_for
    >>> cal = calendar_for("england-and-wales")
    >>> cal.add_working_days(dt.date(2014, 12, 15), 15)
    datetime.date(2015, 1, 8)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._calendar import (
    LocalOverlay,
    NonWorkingDay,
    WorkingDayCalendar,
    WorkingDayCount,
    calendar_for,
)
from ._dates import add_months, add_weeks, parse_date
from ._divisions import (
    COVERAGE_END,
    COVERAGE_START,
    DIVISIONS,
    PROVISIONAL_FROM,
    Division,
    division_for,
)
from ._errors import (
    CalendarRangeError,
    OverlayError,
    SafeguardingRulesError,
    UnknownDivisionError,
    UnsupportedHolidaySourceError,
)

try:
    __version__ = version("safeguarding-rules")
except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
    __version__ = "0.0.0"

__all__ = [
    "COVERAGE_END",
    "COVERAGE_START",
    "DIVISIONS",
    "PROVISIONAL_FROM",
    "CalendarRangeError",
    "Division",
    "LocalOverlay",
    "NonWorkingDay",
    "OverlayError",
    "SafeguardingRulesError",
    "UnknownDivisionError",
    "UnsupportedHolidaySourceError",
    "WorkingDayCalendar",
    "WorkingDayCount",
    "__version__",
    "add_months",
    "add_weeks",
    "calendar_for",
    "division_for",
    "parse_date",
]
