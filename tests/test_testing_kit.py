"""The conformance kit fails, naming the rule and the case, on rule sets that break it."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from safeguarding_rules import (
    Edition,
    QuorumResult,
    Rule,
    RuleSet,
    load_rule_sets,
)
from safeguarding_rules.testing import (
    ConformanceError,
    check_deadlines,
    check_editions,
    check_loads,
    check_quorum,
    check_sources,
)

EDITION = Edition(id="e2020", title="Broken procedures 2020", effective_from=dt.date(2020, 1, 1))


@pytest.fixture(scope="module")
def rule(rule: Callable[..., Rule]) -> Callable[..., Rule]:
    """The shared test-rule factory, with this module's defaults."""
    return functools.partial(rule, edition=EDITION, source="Broken procedures 2020, s1")


def rule_set(*rules: Rule) -> RuleSet:
    return RuleSet(name="broken", title="Broken", division="england", rules=rules)


def test_a_rule_without_a_source_fails_naming_it(rule: Callable[..., Rule]) -> None:
    with pytest.raises(ConformanceError, match="rule 'icpc' \\(edition 'e2020'\\): no source"):
        check_sources(rule_set(rule(source="  ")))


def test_overlapping_editions_fail_naming_them(rule: Callable[..., Rule]) -> None:
    broken = rule_set(rule())
    later = Edition(id="e2021", title="2021", effective_from=dt.date(2021, 1, 1))
    # RuleSet refuses overlaps when built; force one in to prove the check sees it too.
    object.__setattr__(broken, "rules", (rule(), rule(edition=later)))
    with pytest.raises(
        ConformanceError, match=r"editions 'e2020' and 'e2021' of rule 'icpc' overlap"
    ):
        check_editions(broken)


def test_a_gap_between_editions_fails(rule: Callable[..., Rule]) -> None:
    broken = rule_set(rule())
    early = attrs.evolve(EDITION, effective_to=dt.date(2020, 6, 30))
    late = Edition(id="e2021", title="2021", effective_from=dt.date(2021, 1, 1))
    object.__setattr__(broken, "rules", (rule(edition=early), rule(edition=late)))
    with pytest.raises(
        ConformanceError,
        match=r"rule 'icpc' has a gap between editions 'e2020' \(to 2020-06-30\) and 'e2021' \(from 2021-01-01\)",
    ):
        check_editions(broken)


def test_a_zero_day_rule_fails_with_the_case(rule: Callable[..., Rule]) -> None:
    # Rule refuses n=0 when built; force one in to prove the check sees it too.
    with attrs.validators.disabled():
        zero = rule(n=0)
    with pytest.raises(
        ConformanceError,
        match=r"rule 'icpc' \(edition 'e2020'\), event on 2020-01-01, counting day0: due 2020-01-01",
    ):
        check_deadlines(rule_set(zero))


@attrs.frozen(kw_only=True)
class PerverseRuleSet(RuleSet):
    """Quorate only while fewer than three people attend: adding one can break a quorum."""

    def evaluate_quorum(self, attendances: Any, **options: Any) -> QuorumResult:
        present = list(attendances)
        result = load_rule_sets()["england"].evaluate_quorum(present, **options)
        return attrs.evolve(result, quorate=len(present) < 3)


def test_a_quorum_that_adding_an_attendee_breaks_fails() -> None:
    england = load_rule_sets()["england"]
    perverse = PerverseRuleSet(
        name="perverse", title="Perverse", division="england", rules=(), quorum=england.quorum
    )
    with pytest.raises(ConformanceError, match=r"quorate with .* but inquorate after adding"):
        check_quorum(perverse)


def test_a_rule_set_that_does_not_load_fails() -> None:
    with pytest.raises(ConformanceError, match="rule set 'atlantis' does not load"):
        check_loads("atlantis")


def test_the_builtins_pass_each_check() -> None:
    for each in load_rule_sets().values():
        check_sources(each)
        check_editions(each)
        check_quorum(each, count=30)
