"""Plugins' spellings: registered through the hook, checked at load and by the test kit."""

from __future__ import annotations

import types
from typing import Any

import attrs
import pytest

from safeguarding_rules import (
    VOCABULARY,
    AliasRegistry,
    Attendance,
    AttendanceMode,
    QuorumResult,
    RuleSet,
    RuleSetRegistry,
    VocabularyError,
    get_plugin_manager,
    hookimpl,
    load_rule_sets,
)
from safeguarding_rules.testing import ConformanceError, check_vocabulary

TEAM = "Family Safeguarding Team"


def loaded_with(*aliases: Any, name: str = "testshire") -> Any:
    """Load the built-ins, a 'testshire' local rule set, and a plugin adding ``aliases``."""

    @hookimpl
    def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
        england = load_rule_sets(get_plugin_manager(load_entrypoints=False))["england"]
        registry.add(attrs.evolve(england, name="testshire", title="Testshire"))

    @hookimpl
    def sgr_register_aliases(registry: AliasRegistry) -> None:
        for code, spellings, scope in aliases:
            registry.add_aliases(code, spellings, source="test", rule_set=scope)

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(
        types.SimpleNamespace(
            sgr_register_rule_sets=sgr_register_rule_sets,
            sgr_register_aliases=sgr_register_aliases,
        ),
        name=name,
    )
    return load_rule_sets(pm)


def took_part(agency: str) -> Attendance:
    return Attendance(agency=agency, mode=AttendanceMode.IN_PERSON, direct_contact=True)


def test_a_plugins_spellings_apply_to_its_rule_set_only() -> None:
    loaded = loaded_with(("childrens_social_care", [TEAM], "testshire"))
    present = [took_part(TEAM), took_part("Police"), took_part("School")]
    assert loaded["testshire"].evaluate_quorum(present).quorate
    assert loaded["england"].evaluate_quorum(present).unrecognised == (TEAM,)
    assert loaded["england"].vocabulary is VOCABULARY
    check_vocabulary(loaded["testshire"])


def test_spellings_for_every_rule_set_apply_everywhere() -> None:
    loaded = loaded_with(("police", ["Neighbourhood policing team"], None))
    assert {rs.vocabulary.agency("neighbourhood policing team") for rs in loaded.values()} == {
        "police"
    }


def test_a_spelling_for_an_unknown_agency_is_refused_naming_the_plugin() -> None:
    with pytest.raises(VocabularyError, match=r"plugin 'testshire' .*'early_help'.*not a known"):
        loaded_with(("early_help", ["Early Help"], "testshire"))


def test_a_spelling_taken_by_another_agency_is_refused_naming_both() -> None:
    with pytest.raises(VocabularyError, match=r"rule set 'testshire'.*'GP'.*'gp'.*'police'"):
        loaded_with(("police", ["GP"], "testshire"))


def test_spellings_for_a_rule_set_that_is_not_loaded_are_refused() -> None:
    with pytest.raises(VocabularyError, match=r"rule set 'atlantis', which is not loaded"):
        loaded_with(("police", ["Atlantis Police"], "atlantis"))


@attrs.frozen(kw_only=True)
class DeafRuleSet(RuleSet):
    """Reads agency names with the built-in vocabulary, ignoring its plugins' spellings."""

    def evaluate_quorum(self, attendances: Any, **options: Any) -> QuorumResult:
        fields = {f.name: getattr(self, f.name) for f in attrs.fields(RuleSet) if f.init}
        plain = RuleSet(**{**fields, "vocabulary": VOCABULARY})
        return plain.evaluate_quorum(attendances, **options)


def test_the_kit_fails_a_rule_set_whose_decisions_ignore_its_spellings() -> None:
    testshire = loaded_with(("childrens_social_care", [TEAM], "testshire"))["testshire"]
    deaf = DeafRuleSet(
        **{f.name: getattr(testshire, f.name) for f in attrs.fields(RuleSet) if f.init}
    )
    with pytest.raises(ConformanceError, match=r"rule set 'testshire': .* is decided differently"):
        check_vocabulary(deaf)


def test_the_builtins_pass_the_vocabulary_check() -> None:
    for rule_set in load_rule_sets().values():
        check_vocabulary(rule_set, count=30)
