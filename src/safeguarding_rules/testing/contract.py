"""The pytest face of the conformance suite: inherit :class:`RuleSetContract`."""

from __future__ import annotations

from typing import ClassVar

import pytest

from .. import RuleSet
from . import (
    ConformanceError,
    check_deadlines,
    check_editions,
    check_evidence,
    check_families,
    check_loads,
    check_quorum,
    check_sources,
    check_vocabulary,
    example_events,
)

__all__ = ["RuleSetContract"]


class RuleSetContract:
    """Inherit in a pytest class and set :attr:`rule_set_name` to run every check."""

    #: The registered name of the rule set under test.
    rule_set_name: ClassVar[str]

    @pytest.fixture(scope="class")
    @classmethod
    def rule_set(cls) -> RuleSet:
        """Load the rule set under test the way users load it."""
        return check_loads(cls.rule_set_name)

    def test_every_rule_has_a_source_and_a_confidence_tag(self, rule_set: RuleSet) -> None:
        """See :func:`check_sources`."""
        check_sources(rule_set)

    def test_every_rule_quotes_its_evidence_or_says_what_is_missing(
        self, rule_set: RuleSet
    ) -> None:
        """See :func:`check_evidence`."""
        check_evidence(rule_set)

    def test_editions_neither_overlap_nor_leave_gaps(self, rule_set: RuleSet) -> None:
        """See :func:`check_editions`."""
        check_editions(rule_set)

    def test_deadlines_fall_on_the_right_side_and_explain_themselves(
        self, rule_set: RuleSet
    ) -> None:
        """See :func:`check_deadlines`."""
        check_deadlines(rule_set)

    def test_adult_and_missing_rules_hold_their_invariants(self, rule_set: RuleSet) -> None:
        """See :func:`check_families`."""
        check_families(rule_set)

    def test_adding_an_attendee_never_breaks_a_quorum(self, rule_set: RuleSet) -> None:
        """See :func:`check_quorum`."""
        check_quorum(rule_set)

    def test_every_spelling_stands_for_one_known_code(self, rule_set: RuleSet) -> None:
        """See :func:`check_vocabulary`."""
        check_vocabulary(rule_set)

    def test_an_example_case_has_deadlines(self, rule_set: RuleSet) -> None:
        """A case with a strategy discussion and an initial conference yields deadlines."""
        if not rule_set.deadlines(example_events(rule_set)):
            raise ConformanceError(
                f"rule set {rule_set.name!r}: no deadline follows from a strategy discussion "
                "and an initial conference"
            )
