"""Columns of days: work that depends on the day alone, done once per day of their span."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["date_array", "day_span", "iso_text"]

Dates = npt.NDArray[np.datetime64]


def day_span(days: Dates) -> tuple[Dates, npt.NDArray[np.int64]] | None:
    """Every day from the first to the last of ``days``, and each row's place among them.

    A national column has millions of rows but a few thousand distinct days: whatever
    depends on the day alone is worked out once per day of the span and looked up per row
    (``answers[places]``). NaT rows are at place -1. ``None`` where the span is not much
    shorter than the column (or all are NaT): work row by row instead.
    """
    given = ~np.isnat(days)
    if not given.any():
        return None
    low, high = days[given].min(), days[given].max()
    span = int((high - low).astype(np.int64)) + 1
    if 2 * span >= len(days):
        return None
    places: npt.NDArray[np.int64] = np.where(given, (days - low).astype(np.int64), -1)
    return low + np.arange(span, dtype=np.int64).astype("timedelta64[D]"), places


def date_array(days: Dates) -> pa.Array:
    """Days as an Arrow ``date32`` array (null where NaT)."""
    return pa.array(days.astype("datetime64[D]"), pa.date32())


def iso_text(days: Dates) -> pa.Array:
    """Days as an Arrow array of ``YYYY-MM-DD`` text (null where NaT)."""
    found = day_span(days)
    if found is None:
        return pc.cast(date_array(days), pa.string())
    span, places = found  # each day of the span written once, then looked up per row
    return pc.cast(date_array(span), pa.string()).take(pa.array(places, mask=places < 0))
