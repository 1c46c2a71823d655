"""Reporting periods: a label per date (``2014-15 Q3``, ``2014 H1``) and counts per label."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .._columnar import day_span
from ..rules import Period

__all__ = ["by_period", "period_codes", "period_labels"]

Dates = npt.NDArray[np.datetime64]


def period_labels(days: Dates, period: Period, year_start_month: int) -> npt.NDArray[np.str_]:
    """Label each date with its reporting period, e.g. ``"2014-15 Q3"`` or ``"2014 H1"``.

    A year starting in April (the financial year) is labelled ``2014-15``; a year starting
    in January is labelled ``2014``.
    """
    codes, labels = period_codes(days, period, year_start_month)
    return labels[codes]


def period_codes(
    days: Dates, period: Period, year_start_month: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.str_]]:
    """Return a small integer per date, counting months from the earliest, and their labels.

    Labelling each distinct month once (not each date) keeps this one pass over the dates.
    """
    found = day_span(days)
    if found is None:
        months = days.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
    else:  # a month per day of the span, looked up per row
        each_day, places = found
        months = each_day.astype("datetime64[M]").astype(np.int64)[places]
    if not len(months):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype="<U12")
    low = int(months.min())
    every_month = np.arange(low, int(months.max()) + 1, dtype=np.int64)
    return months - low, _month_labels(every_month, period, year_start_month)


def by_period(
    codes: npt.NDArray[np.int64],
    labels: npt.NDArray[np.str_],
    counts: dict[str, npt.NDArray[np.bool_]],
) -> dict[str, dict[str, int]]:
    """Count each mask's rows per period label, in label order (months sharing a label add up).

    :param codes: a month code per row, as from :func:`period_codes`, for the rows counted.
    """
    totals = {
        name: np.bincount(codes, weights=mask, minlength=len(labels)).astype(np.int64)
        for name, mask in counts.items()
    }
    found: dict[str, dict[str, int]] = {}
    present = np.bincount(codes, minlength=len(labels)) > 0
    for index in np.flatnonzero(present).tolist():
        into = found.setdefault(str(labels[index]), dict.fromkeys(counts, 0))
        for name, per_month in totals.items():
            into[name] += int(per_month[index])
    return dict(sorted(found.items()))


def _month_labels(
    months: npt.NDArray[np.int64], period: Period, year_start_month: int
) -> npt.NDArray[np.str_]:
    shifted = months - (year_start_month - 1)
    year = shifted // 12 + 1970
    month_of_year = shifted % 12
    if year_start_month == 1:
        year_label = year.astype(str)
    else:
        year_label = np.char.add(
            np.char.add(year.astype(str), "-"), np.char.zfill(((year + 1) % 100).astype(str), 2)
        )
    if period is Period.YEAR:
        return year_label
    if period is Period.HALF_YEAR:
        part = np.char.add(" H", (month_of_year // 6 + 1).astype(str))
    else:
        part = np.char.add(" Q", (month_of_year // 3 + 1).astype(str))
    labelled: npt.NDArray[np.str_] = np.char.add(year_label, part)
    return labelled
