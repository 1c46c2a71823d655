"""Check a system's own due-date function against a rule set: a differential test for QA.

:func:`check_due_dates` draws event dates the rule set accepts, calls the function under
test on each, and compares its answer with this library's. On the first disagreement
Hypothesis shrinks the case to the simplest one it can find, in a confirmed edition when
the disagreement shows there, and the ``AssertionError`` shows that case, both dates, the
rule, its edition, this library's explanation, and the likely bug when the wrong date is
what a known mistake gives (the event day counted as day 1, bank holidays ignored, calendar
days counted for working days, a due date moved off a weekend).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from .. import (
    CalendarRangeError,
    Confidence,
    Counting,
    Deadline,
    Direction,
    LocalOverlay,
    Rule,
    RuleSet,
    Unit,
    WorkingDayCalendar,
    calendar_for,
)
from ..rules import BOUNDARY_MARGIN
from .strategies import _rule_set, accepted_range

__all__ = ["check_due_dates"]


def check_due_dates(
    func: Callable[[dt.date], dt.date],
    *,
    rule_set: RuleSet | str,
    rule: str,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
    max_examples: int = 300,
) -> None:
    """Compare ``func(start_date) -> due_date`` with ``rule`` of ``rule_set``; raise if they differ.

    Event dates are drawn only where the rule set computes the rule (its editions, its
    first covered date, and counts that stay inside the calendar's coverage), narrowed to
    ``min_value``..``max_value``; the edition is the one in force on the event date. A
    disagreement shrinks towards a date well inside a confirmed edition (neither the rule
    nor the edition's dates UNCONFIRMED, and away from any edition boundary) whenever it
    shows there too. The run is derandomised, so a failure repeats, and uses no example
    database.

    :param func: the function under test: an event date in, a due date out.
    :param rule_set: a rule set, or the name of an installed one.
    :param rule: the rule id, e.g. ``"icpc"``.
    :param counting: the day-0 / day-1 convention this library should apply.
    :param use_overlay: count on the rule set's local overlay of closures.
    :param max_examples: how many event dates to try before shrinking.
    :raises AssertionError: at the first disagreement, after shrinking, naming the event
        date, both due dates, the likely bug if the date matches a known mistake, the rule,
        its edition, and this library's ``explain()``.
    """
    resolved = _rule_set(rule_set)
    calendar = resolved.calendar(use_overlay=use_overlay)
    low, high = accepted_range(
        resolved, rule, counting=counting, use_overlay=use_overlay,
        min_value=min_value, max_value=max_value,
    )  # fmt: skip
    spans = _confirmed_first(resolved, rule, low, high)

    @settings(max_examples=max_examples, derandomize=True, database=None, deadline=None)
    @given(st.sampled_from(spans).flatmap(lambda span: st.dates(*span)))
    def compare(start: dt.date) -> None:
        ours = Deadline.compute(
            resolved.rule(rule, on=start),
            start,
            calendar,
            rule_set=resolved.name,
            counting=counting,
        )
        theirs = func(start)
        if type(theirs) is not dt.date or theirs != ours.due:
            raise AssertionError(_disagreement(func, start, theirs, ours, calendar))

    compare()


def _confirmed_first(
    rule_set: RuleSet, rule: str, low: dt.date, high: dt.date
) -> list[tuple[dt.date, dt.date]]:
    """Spans of event dates that cover ``low``..``high``, those to shrink towards first.

    First, newest first, the inside of each version whose value and edition dates are
    confirmed, a boundary margin away from its edges (where another edition may apply);
    then every version's whole span, so that every accepted date can still be drawn.
    """
    margin = BOUNDARY_MARGIN + dt.timedelta(days=1)
    preferred, every = [], []
    for version in reversed(rule_set.versions(rule)):
        edition = version.edition
        first, last = max(low, edition.effective_from), min(high, edition.effective_to or high)
        if first > last:
            continue
        every.append((first, last))
        confirmed = Confidence.UNCONFIRMED not in (version.confidence, edition.dates_confidence)
        if confirmed and first + margin <= last - margin:
            preferred.append((first + margin, last - margin))
    return preferred + every


@functools.lru_cache(maxsize=8)
def _without_bank_holidays(division: str) -> WorkingDayCalendar:
    """``division``'s calendar with every bank holiday a working day: weekends only."""
    calendar = calendar_for(division)
    holidays = [
        day.day
        for day in calendar.non_working_days(calendar.first, calendar.last, include_start=True)
        if day.kind == "bank_holiday"
    ]
    overlay = LocalOverlay(name="bank holidays ignored", working_days=holidays)
    return calendar.with_overlay(overlay)


def _mistakes(
    rule: Rule, start: dt.date, calendar: WorkingDayCalendar, counting: Counting, due: dt.date
) -> list[tuple[str, Callable[[], dt.date]]]:
    """Known mistakes for ``rule`` from ``start``: what each says, and the date it gives."""

    def under(other: WorkingDayCalendar, convention: Counting = counting) -> Callable[[], dt.date]:
        return lambda: Deadline.compute(rule, start, other, rule_set="", counting=convention).due

    sign = 1 if rule.direction is Direction.AFTER else -1
    other = (
        ("counting the event day as day 1", Counting.EVENT_DAY_IS_DAY_1)
        if counting is Counting.EVENT_DAY_IS_DAY_0
        else ("counting the event day as day 0", Counting.EVENT_DAY_IS_DAY_0)
    )
    found: list[tuple[str, Callable[[], dt.date]]] = [
        (other[0], under(calendar, other[1])),
    ]
    if rule.unit is Unit.WORKING_DAYS:
        found += [
            (
                "ignoring bank holidays (counting weekdays)",
                under(_without_bank_holidays(calendar.division.name)),
            ),
            (
                "counting calendar days, not working days",
                lambda: start + dt.timedelta(days=sign * rule.n),
            ),
        ]
        if calendar.overlay is not None:
            found.append(
                ("ignoring the local overlay's closures", under(calendar.with_overlay(None)))
            )
    else:
        found += [
            (
                "moving a due date on a weekend or bank holiday to the next working day",
                lambda: calendar.roll_forward(due),
            ),
            (
                f"counting working days, not {rule.unit.value.replace('_', ' ')}",
                lambda: calendar.add_working_days(start, sign * rule.n),
            ),
        ]
    return found


def _likely(
    rule: Rule, start: dt.date, calendar: WorkingDayCalendar, counting: Counting, due: dt.date,
    theirs: dt.date,
) -> list[str]:  # fmt: skip
    """Return the known mistakes that give ``theirs``, where it differs from ``due``."""
    matching = []
    for said, compute in _mistakes(rule, start, calendar, counting, due):
        try:
            if compute() == theirs:
                matching.append(said)
        except CalendarRangeError:
            continue
    return matching


def _disagreement(
    func: Callable[[dt.date], dt.date],
    start: dt.date,
    theirs: object,
    ours: Deadline,
    calendar: WorkingDayCalendar,
) -> str:
    rule, edition = ours.rule, ours.rule.edition
    name = getattr(func, "__qualname__", repr(func))
    got = theirs.isoformat() if isinstance(theirs, dt.date) else repr(theirs)
    likely: list[str] = []
    if type(theirs) is dt.date:
        difference = f" ({(theirs - ours.due).days:+d} calendar day(s))"
        likely = _likely(rule, start, calendar, ours.counting, ours.due, theirs)
    else:
        difference = " (not a datetime.date)"
    return "\n".join(
        [
            f"{name} disagrees with rule set {ours.rule_set!r}, rule {rule.id!r}:",
            f"  event date:  {start.isoformat()} ({start:%A})",
            f"  {name} gave: {got}{difference}",
            f"  expected:    {ours.due.isoformat()} ({ours.due:%A})",
            *(f"  likely bug:  {said}, which gives {got}" for said in likely),
            f"  rule:        {rule.id!r} {rule.title}: {rule.wording}",
            f"  edition:     {edition.id}: {edition.describe()}",
            f"  counting:    {ours.counting.value}; confidence {rule.confidence.value}",
            "Explanation of the expected date:",
            *(f"  {line}" for line in ours.explain().splitlines()),
        ]
    )
