"""``working_days_between`` and ``add_working_days`` as Polars expressions.

Needs the ``polars`` extra (``pip install 'safeguarding-rules[polars]'``)::

    import polars as pl

    from safeguarding_rules.engines.polars import add_working_days, working_days_between

    df.with_columns(
        wait=working_days_between("strategy_discussion_date", "conference_date"),
        due=add_working_days("strategy_discussion_date", 15),
    )

Each batch of rows goes through the library's own vectorised kernel, so the answers, bank
holidays and coverage checks are the library's: a date outside the calendar's coverage
raises, naming it. Nulls give null. Works in lazy and streaming queries.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import polars as pl

from .._errors import CalendarRangeError
from ..calendar import calendar_for
from . import add_working_days_arrow, working_days_between_arrow

__all__ = ["add_working_days", "working_days_between"]


def _checked(kernel: Callable[[pl.Series], pl.Series]) -> Callable[[pl.Series], pl.Series]:
    """Raise a date outside the coverage as Polars' own ``ComputeError``, naming the date."""

    @functools.wraps(kernel)
    def run(values: pl.Series) -> pl.Series:
        try:
            return kernel(values)
        except CalendarRangeError as error:
            raise pl.exceptions.ComputeError(str(error)) from None

    return run


def _expr(value: str | pl.Expr) -> pl.Expr:
    return pl.col(value) if isinstance(value, str) else value


def working_days_between(
    start: str | pl.Expr, end: str | pl.Expr, division: str = "england-and-wales"
) -> pl.Expr:
    """Count the working days ``d`` with ``start < d <= end`` (negative if ``end < start``).

    :param start: a column name or a Polars date expression; ``end`` likewise.
    :param division: any name :func:`~safeguarding_rules.calendar_for` accepts.
    """
    calendar = calendar_for(division)

    def count(pair: pl.Series) -> pl.Series:
        frame = pair.struct.unnest()
        start, end = (frame.to_series(i).to_arrow() for i in range(2))
        return pl.Series(working_days_between_arrow(start, end, calendar))

    both = pl.struct(_expr(start).alias("start"), _expr(end).alias("end"))
    return both.map_batches(_checked(count), return_dtype=pl.Int64)


def add_working_days(
    day: str | pl.Expr, n: int | str | pl.Expr, division: str = "england-and-wales"
) -> pl.Expr:
    """Return the ``n``-th working day strictly after ``day`` (before, if ``n < 0``).

    ``day`` is day 0 and never counts; ``n == 0`` returns ``day`` unchanged.

    :param n: a whole number, or a column name or integer expression per row.
    """
    calendar = calendar_for(division)
    if isinstance(n, int):
        steps = n

        def shift(days: pl.Series) -> pl.Series:
            return pl.Series(add_working_days_arrow(days.to_arrow(), steps, calendar))

        return _expr(day).map_batches(_checked(shift), return_dtype=pl.Date)

    def shift_each(pair: pl.Series) -> pl.Series:
        frame = pair.struct.unnest()
        days, counts = (frame.to_series(i).to_arrow() for i in range(2))
        return pl.Series(add_working_days_arrow(days, counts, calendar))

    both = pl.struct(_expr(day).alias("day"), _expr(n).alias("n"))
    return both.map_batches(_checked(shift_each), return_dtype=pl.Date)
