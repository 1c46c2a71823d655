"""Shared test set-up: Hypothesis profiles, and the one factory for test rules."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from safeguarding_rules import Confidence, Edition, Rule, StartEvent, Unit

# Hypothesis profiles (attrs' pattern): CI is derandomised so a red build can be replayed.
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


# -- one factory for test rules --------------------------------------------------------------

#: The edition a test rule belongs to unless the test gives another.
TEST_EDITION = Edition(id="test", title="Test procedures", effective_from=dt.date(2006, 1, 1))


def make_rule(**changes: Any) -> Rule:
    """Return a valid rule for a test, with ``changes`` to any of its fields.

    Unless changed: ``icpc``, 15 working days from the strategy discussion that initiated
    the enquiries, in :data:`TEST_EDITION`, C2, source ``"test"``.
    """
    fields: dict[str, Any] = {
        "id": "icpc",
        "title": "ICPC",
        "n": 15,
        "unit": Unit.WORKING_DAYS,
        "start_event": StartEvent.STRATEGY_DISCUSSION_INITIATING,
        "edition": TEST_EDITION,
        "source": "test",
        "confidence": Confidence.C2,
    }
    return Rule(**{**fields, **changes})


@pytest.fixture(scope="session")
def rule() -> Callable[..., Rule]:
    """The test-rule factory, ``rule(**changes)`` (see :func:`make_rule`).

    A test module whose rules share other defaults narrows it with a fixture of the same
    name: ``functools.partial(rule, edition=EDITION, source=...)``. Session-scoped, so that
    Hypothesis tests may use it.
    """
    return make_rule
