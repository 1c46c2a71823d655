"""The library's working-day kernel inside the engines analysts already use.

Each module needs its optional extra and imports it on first use:

- :mod:`safeguarding_rules.engines.polars` (``pip install 'safeguarding-rules[polars]'``):
  ``working_days_between`` and ``add_working_days`` as Polars expressions.
- :mod:`safeguarding_rules.engines.duckdb` (``pip install 'safeguarding-rules[duckdb]'``):
  the same as DuckDB SQL functions, registered on a connection.

Both call the calendar's own vectorised methods
(:meth:`~safeguarding_rules.WorkingDayCalendar.working_days_between_array` and
:meth:`~safeguarding_rules.WorkingDayCalendar.add_working_days_array`) on each batch of
rows, so they give the library's answers, bank holidays and coverage checks: a date outside
the calendar's coverage is an error naming it, never a silent guess. Missing dates (nulls)
give null. :func:`calendar_table` gives the calendar as an Arrow table, for engines that
join on a working-day index instead (Spark, Dask, any SQL engine).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from ..calendar import WorkingDayCalendar, calendar_for

__all__ = ["add_working_days_arrow", "calendar_table", "working_days_between_arrow"]


def calendar_table(division: str = "england-and-wales") -> pa.Table:
    """Return one row per covered day: ``day`` (date), ``working`` (bool), ``cum`` (int32).

    ``cum`` counts the working days from the start of coverage up to and including ``day``,
    so the working days ``d`` with ``start < d <= end`` number ``cum[end] - cum[start]``, and
    the ``n``-th working day after ``start`` is the first day whose ``cum`` is
    ``cum[start] + n``. Days outside the table are outside the calendar's coverage.
    """
    calendar = calendar_for(division)
    first = np.datetime64(calendar.first, "D")
    days = np.arange(first, np.datetime64(calendar.last, "D") + 1)
    working = calendar.is_working_day_array(days)
    cum = np.cumsum(working)
    return pa.table(
        {
            "day": pa.array(days, pa.date32()),
            "working": pa.array(working),
            "cum": pa.array(cum.astype(np.int32)),
        }
    )


def _array(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _days(values: pa.Array) -> tuple[npt.NDArray[np.datetime64], npt.NDArray[np.bool_]]:
    """Arrow dates to numpy days, and where they are present (not null)."""
    values = _array(values)
    present = np.asarray(values.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    days = pc.cast(values.cast(pa.date32()), pa.int32()).fill_null(0)
    return np.asarray(days.to_numpy(zero_copy_only=False)).astype("datetime64[D]"), present


def working_days_between_arrow(
    start: pa.Array, end: pa.Array, calendar: WorkingDayCalendar
) -> pa.Array:
    """Count working days ``d`` with ``start < d <= end``, element by element (null in, null out).

    :raises CalendarRangeError: naming the first date outside the calendar's coverage.
    """
    start_days, start_present = _days(start)
    end_days, end_present = _days(end)
    present = start_present & end_present
    counts = np.zeros(len(present), dtype=np.int64)
    counts[present] = calendar.working_days_between_array(start_days[present], end_days[present])
    return pa.array(counts, mask=~present)


def add_working_days_arrow(
    day: pa.Array, n: int | pa.Array, calendar: WorkingDayCalendar
) -> pa.Array:
    """Return the ``n``-th working day after ``day`` (before it if ``n < 0``), element-wise.

    :raises CalendarRangeError: naming the first date, or result, outside the coverage.
    """
    days, present = _days(day)
    steps: npt.NDArray[np.int64] | int
    if isinstance(n, pa.Array | pa.ChunkedArray):
        n = _array(n)
        steps = np.asarray(pc.fill_null(n, 0).to_numpy(zero_copy_only=False))
        present &= np.asarray(n.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        steps = steps[present].astype(np.int64)
    else:
        steps = int(n)
    result = np.full(len(present), np.datetime64("NaT"), dtype="datetime64[D]")
    result[present] = calendar.add_working_days_array(days[present], steps)
    return pa.array(result, pa.date32(), mask=~present)
