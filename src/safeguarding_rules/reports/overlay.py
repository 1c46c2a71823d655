"""Which calendar an output counted working days on, said the same way in every output.

Every report and worklist names its calendar: the division, whether the rule set's local
overlay of closures was applied (``use_overlay``, off by default), and the closures that
fell in the period covered, so that a reader can see exactly where a closure moved a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .._explain import N_, Explanation, Quoted, line, phrase
from ..calendar import WorkingDayCalendar
from ..rules import RuleSet
from .i18n import translator

__all__ = ["calendar_explanation", "calendar_summary", "describe_calendar"]


def calendar_summary(
    rule_set: RuleSet,
    calendar: WorkingDayCalendar,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> dict[str, Any]:
    """Plain data naming the calendar, its overlay and the closures from ``first`` to ``last``.

    Keys: ``division``; ``overlay`` (the overlay's name, or ``None`` when not applied);
    ``overlay_source``; ``overlay_available`` (the rule set's overlay when it was *not*
    applied, else ``None``); ``closures`` (``{"date", "reason"}`` for each closure counted
    from ``first`` to ``last`` inclusive).
    """
    overlay = calendar.overlay
    closures = []
    if overlay is not None and first is not None and last is not None:
        closures = [
            {"date": day.isoformat(), "reason": reason}
            for day, reason in overlay.closures
            if first <= day <= last
        ]
    available = rule_set.overlay if overlay is None else None
    return {
        "division": calendar.division.name,
        "overlay": overlay.name if overlay else None,
        "overlay_source": overlay.source if overlay else None,
        "overlay_available": available.name if available else None,
        "closures": closures,
    }


def describe_calendar(data: Mapping[str, Any], *, language: str = "en") -> str:
    """One sentence (or two) saying what :func:`calendar_summary` found, in ``language``."""
    return translator(language).explain(calendar_explanation(data))


def calendar_explanation(data: Mapping[str, Any]) -> Explanation:
    """:func:`describe_calendar` as a line to render in any language."""
    division = data["division"]
    if data["overlay"] is None:
        if data["overlay_available"]:
            return (line(phrase(
                N_("Working days: the {division} calendar, weekends and bank holidays only; the "
                   "rule set's local overlay {overlay} was not applied (use --use-overlay, or "
                   "use_overlay=True, to count its closures)."),
                division=division, overlay=Quoted(data["overlay_available"]),
            )),)  # fmt: skip
        return (line(phrase(
            N_("Working days: the {division} calendar, weekends and bank holidays only (the "
               "rule set has no local overlay)."),
            division=division,
        )),)  # fmt: skip
    overlay = phrase(
        N_("Working days: the {division} calendar with the local overlay {overlay} ({source}): "
           "its closures are not working days.")
        if data["overlay_source"]
        else N_("Working days: the {division} calendar with the local overlay {overlay}: its "
                "closures are not working days."),
        division=division, overlay=Quoted(data["overlay"]), source=data["overlay_source"] or "",
    )  # fmt: skip
    closures = data["closures"]
    listed = (
        phrase(
            N_("{n} closure day(s) in the period: {closures}."),
            n=len(closures),
            closures=", ".join(f"{c['date']} {c['reason']}" for c in closures),
        )
        if closures
        else phrase(N_("No closure day falls in the period."))
    )
    return (line(overlay, listed),)
