"""Hypothesis strategies for the models: see :mod:`safeguarding_rules.testing.strategies`.

Kept at this name, which the ``hypothesis`` extra has always installed.
"""

from __future__ import annotations

from .testing.strategies import (
    _hypothesis_setup_hook,
    agency_names,
    attendances,
    case_events,
    children,
    conferences,
    dates,
    families,
    strategy_discussions,
    working_days,
)

__all__ = [
    "agency_names",
    "attendances",
    "case_events",
    "children",
    "conferences",
    "dates",
    "families",
    "strategy_discussions",
    "working_days",
]

# Hypothesis' entry point names this module's hook.
_hypothesis_setup_hook = _hypothesis_setup_hook
