"""pytest fixtures for QA suites that check their own due dates against this library.

Registered through the ``pytest11`` entry point, so they are available in any test once
``safeguarding-rules`` is installed; every name starts with ``sgr_``. Choose the rule set
with the ``sgr_rule_set`` ini option (``england`` by default), by overriding the
``sgr_rule_set_name`` fixture, or by parametrizing it::

    @pytest.mark.parametrize("sgr_rule_set_name", ["england", "wales"])
    def test_icpc(sgr_rule_set, sgr_calendar): ...
"""

from __future__ import annotations

import pytest

from .. import RuleSet, WorkingDayCalendar, get_rule_set

__all__ = ["pytest_addoption", "sgr_calendar", "sgr_rule_set", "sgr_rule_set_name"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the ``sgr_rule_set`` ini option."""
    parser.addini(
        "sgr_rule_set",
        "name of the rule set the sgr_rule_set fixture loads (default: england)",
        default="england",
    )


@pytest.fixture
def sgr_rule_set_name(request: pytest.FixtureRequest) -> str:
    """Return the name of the rule set under test: the ``sgr_rule_set`` ini option."""
    name = request.config.getini("sgr_rule_set")
    assert isinstance(name, str)
    return name


@pytest.fixture
def sgr_rule_set(sgr_rule_set_name: str) -> RuleSet:
    """Return the installed rule set called ``sgr_rule_set_name`` (cached per process)."""
    return get_rule_set(sgr_rule_set_name)


@pytest.fixture
def sgr_calendar(sgr_rule_set: RuleSet) -> WorkingDayCalendar:
    """Return the working-day calendar of ``sgr_rule_set`` (no local overlay)."""
    return sgr_rule_set.calendar()
