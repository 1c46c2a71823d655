"""Deadlines for whole columns of events at once, with numpy.

The same rules, editions and conventions as :meth:`Deadline.compute`, applied to arrays of
``datetime64[D]`` dates; the test suite checks that both agree element by element.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from .._columnar import day_span
from ..calendar import WorkingDayCalendar
from .model import Counting, Direction, Rule, Unit
from .rule_set import RuleSet

__all__ = ["NOT_COMPUTABLE", "add_months_array", "due_dates", "in_force"]

#: The version index :func:`due_dates` gives a row whose due date falls outside the
#: calendar's coverage: the rule applies, but no due date can be computed.
NOT_COMPUTABLE = -2

Dates = npt.NDArray[np.datetime64]


def add_months_array(days: Dates, months: int) -> Dates:
    """:func:`add_months` for an array: same day of the month, clamped at month end."""
    values = days.astype("datetime64[D]")
    month_start = values.astype("datetime64[M]")
    day_of_month = (values - month_start.astype("datetime64[D]")).astype(np.int64)
    target = month_start + np.timedelta64(months, "M")
    last_day = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")
    candidate = target.astype("datetime64[D]") + day_of_month.astype("timedelta64[D]")
    clamped: Dates = np.minimum(candidate, last_day)
    return clamped


def _apply(rule: Rule, start: Dates, calendar: WorkingDayCalendar, counting: Counting) -> Dates:
    convention = rule.counting or counting
    sign = 1 if rule.direction is Direction.AFTER else -1
    day1 = convention is Counting.EVENT_DAY_IS_DAY_1 and sign > 0
    if rule.unit is Unit.WORKING_DAYS:
        n = sign * rule.n - (1 if day1 and rule.n > 0 else 0)
        if day1 and n == 0:
            steps = np.where(calendar.is_working_day_array(start), 0, 1).astype(np.int64)
            return calendar.add_working_days_array(start, steps, beyond="nat")
        return calendar.add_working_days_array(start, n, beyond="nat")
    shift = np.timedelta64(1 if day1 else 0, "D")
    if rule.unit is Unit.CALENDAR_DAYS:
        return start + np.timedelta64(sign * rule.n, "D") - shift
    if rule.unit is Unit.WEEKS:
        return start + np.timedelta64(7 * sign * rule.n, "D") - shift
    if rule.unit is Unit.MONTHS:
        return add_months_array(start, sign * rule.n) - shift
    days = math.ceil(rule.n / 24)
    return start + np.timedelta64(sign * days, "D")


def due_dates(
    rule_set: RuleSet,
    rule_id: str,
    start: Dates,
    calendar: WorkingDayCalendar,
    *,
    anchor: Dates | None = None,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
) -> tuple[Dates, npt.NDArray[np.int64]]:
    """Due dates of ``rule_id`` for each start date, choosing each row's edition by ``anchor``.

    :param anchor: the dates that choose the edition (``start`` if not given).
    :returns: the due dates (NaT where no version of the rule was in force on the anchor,
        or where the due date falls outside the calendar's coverage), and for each row the
        index into ``rule_set.versions(rule_id)`` used (-1 for none; :data:`NOT_COMPUTABLE`
        where a version applies but its due date is outside the coverage).
    """
    if anchor is None:
        by_day = _by_day(rule_set, rule_id, start, calendar, counting)
        if by_day is not None:
            return by_day
    return _due_dates(rule_set, rule_id, start, calendar, anchor, counting)


def in_force(rule_set: RuleSet, rule_id: str, anchor: Dates) -> npt.NDArray[np.int64]:
    """Return the version of ``rule_id`` in force each day (an index into its versions).

    -1 where none is (or the day is not given); a later version wins where editions
    overlap. The edition of a row :func:`due_dates` marks :data:`NOT_COMPUTABLE`.
    """
    used = np.full(anchor.shape, -1, dtype=np.int64)
    for index, rule in enumerate(rule_set.versions(rule_id)):
        edition = rule.edition
        mask = anchor >= np.datetime64(edition.effective_from, "D")  # NaT compares False
        if edition.effective_to is not None:
            mask &= anchor <= np.datetime64(edition.effective_to, "D")
        used[mask] = index
    return used


def _by_day(
    rule_set: RuleSet,
    rule_id: str,
    start: Dates,
    calendar: WorkingDayCalendar,
    counting: Counting,
) -> tuple[Dates, npt.NDArray[np.int64]] | None:
    """:func:`due_dates` worked out once per day of the dates' span, then looked up per row.

    A national file has millions of rows but a few thousand distinct days, and a due date
    depends on the day alone, so this is the same answer for a fraction of the arithmetic.
    ``None`` where the span is not much shorter than the column, or leaves the calendar's
    coverage (the row-by-row path then names the first date outside it, as it always has).
    """
    found = day_span(start)
    if found is None:
        return None
    days, places = found
    if days[0] < np.datetime64(calendar.first, "D") or days[-1] > np.datetime64(calendar.last, "D"):
        return None
    day_due, day_used = _due_dates(rule_set, rule_id, days, calendar, days, counting)
    given = places >= 0
    due: Dates = np.where(given, day_due[places], np.datetime64("NaT", "D"))
    used: npt.NDArray[np.int64] = np.where(given, day_used[places], -1)
    return due, used


def _due_dates(
    rule_set: RuleSet,
    rule_id: str,
    start: Dates,
    calendar: WorkingDayCalendar,
    anchor: Dates | None,
    counting: Counting,
) -> tuple[Dates, npt.NDArray[np.int64]]:
    """:func:`due_dates`, row by row."""
    anchor = start if anchor is None else anchor
    versions = rule_set.versions(rule_id)
    due = np.full(start.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    used = in_force(rule_set, rule_id, anchor)
    used[np.isnat(start)] = -1
    # Editions that count alike (most do) share one pass of the arithmetic.
    alike: dict[tuple[object, ...], list[int]] = {}
    for index, rule in enumerate(versions):
        alike.setdefault((rule.unit, rule.n, rule.direction, rule.counting), []).append(index)
    for indices in alike.values():
        mask = np.isin(used, indices)
        if mask.any():
            due[mask] = _apply(versions[indices[0]], start[mask], calendar, counting)
    first, last = np.datetime64(calendar.first, "D"), np.datetime64(calendar.last, "D")
    beyond = (used >= 0) & (np.isnat(due) | (due < first) | (due > last))
    due[beyond] = np.datetime64("NaT")
    used[beyond] = NOT_COMPUTABLE
    return due, used
