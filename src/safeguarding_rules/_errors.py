"""The exceptions this library raises on purpose.

Every exception derives from :class:`SafeguardingRulesError`, so a caller can catch the
library's own refusals without catching programming errors.
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "CalendarRangeError",
    "OverlayError",
    "SafeguardingRulesError",
    "UnknownDivisionError",
    "UnsupportedHolidaySourceError",
]


class SafeguardingRulesError(Exception):
    """Base class of every error raised by safeguarding_rules on purpose."""


class CalendarRangeError(SafeguardingRulesError, ValueError):
    """A date, or a result, lies outside the range where holiday data is known.

    Attributes:
        day: the date that was refused (an input, or a result that would fall outside).
        first: the first date the calendar covers.
        last: the last date the calendar covers.
    """

    def __init__(self, message: str, *, day: dt.date, first: dt.date, last: dt.date) -> None:
        super().__init__(message)
        self.day = day
        self.first = first
        self.last = last

    def __reduce__(self) -> tuple[object, ...]:
        # Pickle with the keyword-only attributes (Celery and multiprocessing pickle errors).
        return (_range_error, (str(self), self.day, self.first, self.last))


def _range_error(message: str, day: dt.date, first: dt.date, last: dt.date) -> CalendarRangeError:
    return CalendarRangeError(message, day=day, first=first, last=last)


class UnknownDivisionError(SafeguardingRulesError, LookupError):
    """No calendar division is known by the name given."""


class UnsupportedHolidaySourceError(SafeguardingRulesError, LookupError):
    """The holiday source asked for cannot serve the division asked for."""


class OverlayError(SafeguardingRulesError, ValueError):
    """A local overlay of closures and extra working days is inconsistent."""
