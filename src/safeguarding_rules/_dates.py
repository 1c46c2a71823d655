"""Calendar arithmetic that needs no holiday data: months, weeks, and parsing dates.

These functions are pure and never read the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["add_months", "add_weeks", "parse_date"]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date or a UK ``DD/MM/YYYY`` date.

    Case-management exports often use the UK form; ``MM/DD/YYYY`` is never guessed.

    :raises ValueError: naming the text, when it is neither form or is not a real date.
    """
    value = text.strip()
    try:
        if _ISO.match(value):
            return dt.date.fromisoformat(value)
        match = _UK.match(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({error})") from None
    raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD or DD/MM/YYYY")


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day of the month ``months`` calendar months later (earlier if negative).

    When the target month is shorter, the result is clamped to its last day:
    31 January + 1 month is 28 February (29 in a leap year). No source in the
    rules catalogue defines month arithmetic, so this choice is stated wherever it is used.
    """
    _require_int(months, "months")
    total = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(total, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def add_weeks(day: dt.date, weeks: int) -> dt.date:
    """Return the date ``weeks`` calendar weeks (7 days each) after ``day``."""
    _require_int(weeks, "weeks")
    return day + dt.timedelta(weeks=weeks)


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: dt.date) -> str:
    """``Monday 15 December 2014``: the form used in explanations."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%B %Y}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``15th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _require_int(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {value!r}")
