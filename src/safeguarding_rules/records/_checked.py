"""Shared row-by-row reading for the small record files (adult enquiries, missing episodes).

Each file has one row per item with a unique id; a row with any problem is left out,
counted and listed (``skip_invalid``), or the reader raises listing every problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from ..calendar import WorkingDayCalendar
from .rows import FieldReader, InputErrors, InputProblem, Row, read_rows, required_columns

__all__ = ["in_coverage", "not_before", "read_checked"]

T = TypeVar("T")


def read_checked(
    path: str | Path,
    required: Sequence[str],
    read_one: Callable[[Row], tuple[T | None, list[InputProblem]]],
    id_column: str,
    id_of: Callable[[T], str],
    *,
    skip_invalid: bool,
) -> tuple[list[T], list[InputProblem], int]:
    """Read every row with ``read_one``; return the items, the problems and rows skipped.

    :raises InputErrors: for missing required columns, and for any problem unless
        ``skip_invalid``.
    """
    file = str(path)
    rows = [row for row in read_rows(path) if any(row.fields.values())]
    missing = required_columns(rows, required, file)
    if missing:
        raise InputErrors(missing)
    problems: list[InputProblem] = []
    found: list[T] = []
    seen: dict[str, int] = {}
    skipped = 0
    for row in rows:
        item, row_problems = read_one(row)
        key = None if item is None else id_of(item)
        if key is not None and key in seen:
            message = f"this id is already listed at row {seen[key]}"
            row_problems.append(row.problem(id_column, message, key))
        if row_problems or item is None or key is None:
            problems += row_problems
            skipped += 1
            continue
        seen[key] = row.number
        found.append(item)
    if problems and not skip_invalid:
        raise InputErrors(problems)
    return found, problems, skipped


def in_coverage(
    fields: FieldReader, calendar: WorkingDayCalendar, column: str, day: dt.date | None
) -> dt.date | None:
    """Return ``day``, or record a problem (and return ``None``) if it is outside coverage."""
    if day is not None and not calendar.first <= day <= calendar.last:
        fields.problems.append(
            fields.row.problem(
                column,
                f"outside the {calendar.division.name} calendar's coverage "
                f"({calendar.first.isoformat()} to {calendar.last.isoformat()})",
                fields.row.fields.get(column),
            )
        )
        return None
    return day


def not_before(
    fields: FieldReader, column: str, day: dt.date | None, start: dt.date | None, what: str
) -> None:
    """Record a problem if ``day`` (in ``column``) is before ``start``."""
    if day is not None and start is not None and day < start:
        fields.problems.append(
            fields.row.problem(column, f"before {what}", fields.row.fields.get(column))
        )
