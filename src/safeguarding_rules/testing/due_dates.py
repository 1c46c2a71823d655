"""Check a system's own due-date function against a rule set: a differential test for QA.

:func:`check_due_dates` draws event dates the rule set accepts, calls the function under
test on each, and compares its answer with this library's. On the first disagreement
Hypothesis shrinks the case to the simplest one it can find, and the ``AssertionError``
shows that case, both dates, the rule, its edition and this library's explanation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import given, settings

from .. import Counting, Deadline, RuleSet
from .strategies import _rule_set, start_dates

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
    ``min_value``..``max_value``; the edition is the one in force on the event date. The run
    is derandomised, so a failure repeats, and uses no example database.

    :param func: the function under test: an event date in, a due date out.
    :param rule_set: a rule set, or the name of an installed one.
    :param rule: the rule id, e.g. ``"icpc"``.
    :param counting: the day-0 / day-1 convention this library should apply.
    :param use_overlay: count on the rule set's local overlay of closures.
    :param max_examples: how many event dates to try before shrinking.
    :raises AssertionError: at the first disagreement, after shrinking, naming the event
        date, both due dates, the rule, its edition, and this library's ``explain()``.
    """
    resolved = _rule_set(rule_set)
    calendar = resolved.calendar(use_overlay=use_overlay)

    @settings(max_examples=max_examples, derandomize=True, database=None, deadline=None)
    @given(
        start_dates(
            resolved,
            rule,
            counting=counting,
            use_overlay=use_overlay,
            min_value=min_value,
            max_value=max_value,
        )
    )
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
            raise AssertionError(_disagreement(func, start, theirs, ours))

    compare()


def _disagreement(
    func: Callable[[dt.date], dt.date], start: dt.date, theirs: object, ours: Deadline
) -> str:
    rule, edition = ours.rule, ours.rule.edition
    name = getattr(func, "__qualname__", repr(func))
    got = theirs.isoformat() if isinstance(theirs, dt.date) else repr(theirs)
    if type(theirs) is dt.date:
        difference = f" ({(theirs - ours.due).days:+d} calendar day(s))"
    else:
        difference = " (not a datetime.date)"
    return "\n".join(
        [
            f"{name} disagrees with rule set {ours.rule_set!r}, rule {rule.id!r}:",
            f"  event date:  {start.isoformat()} ({start:%A})",
            f"  {name} gave: {got}{difference}",
            f"  expected:    {ours.due.isoformat()} ({ours.due:%A})",
            f"  rule:        {rule.id!r} {rule.title}: {rule.wording}",
            f"  edition:     {edition.id}: {edition.describe()}",
            f"  counting:    {ours.counting.value}; confidence {rule.confidence.value}",
            "Explanation of the expected date:",
            *(f"  {line}" for line in ours.explain().splitlines()),
        ]
    )
