"""Mistakes in a rule set are refused with a message that says how to put them right."""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from safeguarding_rules import (
    Confidence,
    Edition,
    FieldError,
    LocalRuleSet,
    QuorumRule,
    Rule,
    RuleSetDefinitionError,
    RuleSetRegistry,
    get_plugin_manager,
    get_rule_set,
    hookimpl,
    load_rule_sets,
)

EDITION = Edition(id="local2024", title="Local 2024", effective_from=dt.date(2024, 4, 1))


@pytest.fixture(scope="module")
def rule(rule: Callable[..., Rule]) -> Callable[..., Rule]:
    """The shared test-rule factory, with this module's defaults."""
    return functools.partial(
        rule,
        title="Initial conference",
        edition=EDITION,
        source="Local procedures 4.2",
        confidence=Confidence.C1,
    )


def quorum(**changes: Any) -> QuorumRule:
    fields: dict[str, Any] = {"title": "CSC + 2", "source": "s", "confidence": Confidence.C2}
    return QuorumRule(**{**fields, **changes})


@pytest.mark.parametrize("n", [0, -3])
def test_a_count_below_one_is_refused(rule: Callable[..., Rule], n: int) -> None:
    with pytest.raises(FieldError, match=rf"^rule 'icpc': n must be at least 1, got {n}$"):
        rule(n=n)


def test_a_count_that_is_not_a_whole_number_is_refused(rule: Callable[..., Rule]) -> None:
    with pytest.raises(FieldError, match=r"n must be a whole number, got True"):
        rule(n=True)


def test_every_built_in_and_plugin_rule_counts_at_least_one() -> None:
    # What the existing rules need: no timescale of 0 units anywhere.
    for rule_set in load_rule_sets().values():
        assert min(r.n for r in rule_set.rules) >= 1, rule_set.name


def test_a_quorum_agency_that_is_not_known_suggests_one() -> None:
    with pytest.raises(
        FieldError,
        match=r"^quorum rule 'CSC \+ 2': required names unknown agency 'childrens_socail_care' \(did you mean "
        r"'childrens_social_care'\?\); .* Known agencies: childrens_social_care, police,",
    ):
        quorum(required={"childrens_socail_care"}, min_other=2)


def test_a_quorum_agency_may_be_any_spelling_the_vocabulary_knows() -> None:
    # The example: "csc" for children's social care, as exports write it.
    rule = quorum(
        required={"csc"},
        min_other=2,
        fii_requires="Paediatrics",
        groupings={"Health Visitor": "health"},
    )
    assert rule.required == {"childrens_social_care"}
    assert rule.groupings == (("health_visitor", "health"),)


def test_a_misspelt_agency_is_matched_by_spelling() -> None:
    misspelt = r"fii_requires names unknown agency 'paediatrican' \(did you mean 'paediatrician'"
    with pytest.raises(FieldError, match=misspelt):
        quorum(required={"childrens_social_care"}, fii_requires="paediatrican")
    with pytest.raises(FieldError, match=r"groupings names unknown agency 'helth_visitor'"):
        quorum(min_total=3, groupings={"helth_visitor": "health"})


def test_a_grouping_may_be_required() -> None:
    rule = quorum(required={"health"}, groupings={"gp": "health"})
    assert rule.required == {"health"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"min_other": -1}, r"min_other must be a whole number, 0 or more, got -1"),
        ({"min_total": 2.5}, r"min_total must be a whole number, 0 or more, got 2.5"),
        (
            {"min_total": 3, "chair_may_proceed_with": 0},
            r"chair_may_proceed_with must be at least 1 when given, got 0",
        ),
        ({}, r"required is empty and min_other and min_total are 0: every conference"),
        ({"min_total": 3, "counting_modes": set()}, r"counting_modes is empty"),
    ],
)
def test_quorum_counts_must_mean_something(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(FieldError, match=message):
        quorum(**changes)


def _load_with(local: LocalRuleSet) -> None:
    @hookimpl
    def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
        registry.extend(local)

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(types.SimpleNamespace(sgr_register_rule_sets=sgr_register_rule_sets), name="p")
    load_rule_sets(pm)


def test_extends_with_a_trailing_space_says_so() -> None:
    with pytest.raises(
        RuleSetDefinitionError,
        match=r"extends 'wales ': no such rule set \(did you mean 'wales', without the spaces\?\);"
        r" loaded rule sets: england, guernsey, isle-of-man, northern-ireland, scotland, wales$",
    ):
        _load_with(LocalRuleSet(name="x", title="X", extends="wales "))


def test_extends_misspelt_suggests_and_lists_the_loaded_rule_sets() -> None:
    with pytest.raises(
        RuleSetDefinitionError,
        match=r"local rule set 'x' \(plugin 'p'\) extends 'walse': no such rule set \(did you "
        r"mean 'wales'\?\); loaded rule sets: england, ",
    ):
        _load_with(LocalRuleSet(name="x", title="X", extends="walse"))


def test_a_local_rule_that_replaces_nothing_in_force_is_reported(rule: Callable[..., Rule]) -> None:
    england = get_rule_set("england")
    # England's initial assessment ended with Working Together 2013: replacing it from 2015
    # would replace nothing and leave a gap.
    (last,) = [r for r in england.versions("initial_assessment")][-1:]
    assert last.edition.effective_to is not None
    later = attrs.evolve(EDITION, effective_from=last.edition.effective_to + dt.timedelta(days=400))
    local = LocalRuleSet(
        name="x",
        title="X",
        extends="england",
        replace=[rule(id="initial_assessment", edition=later)],
    )
    with pytest.raises(
        RuleSetDefinitionError,
        match=r"local rule set 'x' replaces 'initial_assessment' over .* \(edition 'local2024'\), "
        r"but no version of it is in force in 'england' then, so it replaces nothing; 'england' "
        r"has 'initial_assessment' in force: wt2006 .*Use add= for a rule the parent does not "
        r"have, or correct the edition's dates",
    ):
        local.resolve(england)
