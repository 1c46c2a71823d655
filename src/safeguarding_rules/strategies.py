"""Hypothesis strategies for the models: see :mod:`safeguarding_rules.testing.strategies`.

Kept at this name, which the ``hypothesis`` extra has always installed. Hypothesis' entry
point names :mod:`safeguarding_rules.testing.hypothesis_hook`, which does not import this
module, so importing it first (before Hypothesis) works.
"""

from __future__ import annotations

from .testing.strategies import (
    accepted_start_dates,
    agency_names,
    attendances,
    case_events,
    children,
    conferences,
    dates,
    families,
    start_dates,
    strategy_discussions,
    working_days,
)

__all__ = [
    "accepted_start_dates",
    "agency_names",
    "attendances",
    "case_events",
    "children",
    "conferences",
    "dates",
    "families",
    "start_dates",
    "strategy_discussions",
    "working_days",
]
