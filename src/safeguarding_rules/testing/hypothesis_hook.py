"""Registers ``st.from_type`` strategies for the models: the ``hypothesis`` entry point.

Hypothesis imports this module, and calls :func:`_hypothesis_setup_hook`, while Hypothesis
itself is being imported. That may be *because* :mod:`safeguarding_rules.strategies` is
being imported (it imports Hypothesis), so this module must not import the strategies when
it loads: each registered strategy is :func:`~hypothesis.strategies.deferred` and imports
:mod:`.strategies` the first time a value is drawn, once every import has finished. This is
the pattern Hypothesis' documentation gives for its entry point ("Registering strategies
via setuptools entry points").
"""

from __future__ import annotations

from types import ModuleType

from hypothesis import strategies as st

from .. import Attendance, CaseEvents, Child, Conference, Family, StrategyDiscussion

__all__: list[str] = []


def _strategies() -> ModuleType:
    # Deliberately function-local (see the module docstring and tests/test_architecture.py).
    from . import strategies

    return strategies


def _hypothesis_setup_hook() -> None:
    """Register the model strategies with ``st.from_type``, resolved when first drawn."""
    st.register_type_strategy(Child, st.deferred(lambda: _strategies().children()))
    st.register_type_strategy(Family, st.deferred(lambda: _strategies().families()))
    st.register_type_strategy(
        StrategyDiscussion, st.deferred(lambda: _strategies().strategy_discussions())
    )
    st.register_type_strategy(Conference, st.deferred(lambda: _strategies().conferences()))
    st.register_type_strategy(Attendance, st.deferred(lambda: _strategies().attendances()))
    st.register_type_strategy(CaseEvents, st.deferred(lambda: _strategies().case_events()))
