"""Plugin machinery: a fresh manager per test and fake entry points (pluggy's own practice)."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import types
from collections.abc import Callable

import pluggy
import pytest

from safeguarding_rules import (
    BUILTIN_PLUGINS,
    Confidence,
    Edition,
    LocalRuleSet,
    Rule,
    RuleSet,
    RuleSetConflictError,
    RuleSetDefinitionError,
    RuleSetRegistry,
    StartEvent,
    Unit,
    UnknownRuleSetError,
    get_plugin_manager,
    hookimpl,
    load_rule_sets,
)

LOCAL_EDITION = Edition(
    id="local2020", title="Local procedures 2020", effective_from=dt.date(2020, 1, 1)
)


def local_rule(rule_id: str, n: int = 10) -> Rule:
    return Rule(
        id=rule_id,
        title=f"Local {rule_id}",
        n=n,
        unit=Unit.WORKING_DAYS,
        start_event=StartEvent.STRATEGY_DISCUSSION_INITIATING,
        edition=LOCAL_EDITION,
        source="a test",
        confidence=Confidence.C2,
    )


def plugin(name: str, register: Callable[[RuleSetRegistry], None]) -> types.ModuleType:
    module = types.ModuleType(name)

    @hookimpl
    def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
        register(registry)

    module.sgr_register_rule_sets = sgr_register_rule_sets  # type: ignore[attr-defined]
    return module


class FakeEntryPoint:
    group = "safeguarding_rules"

    def __init__(self, name: str, module: types.ModuleType) -> None:
        self.name = name
        self._module = module

    def load(self) -> types.ModuleType:
        return self._module


class FakeDistribution:
    def __init__(self, *entry_points: FakeEntryPoint) -> None:
        self.entry_points = list(entry_points)
        self.metadata = {"name": "fake-dist"}


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Pretend that distributions with these entry points are installed."""

    def installer(**modules: types.ModuleType) -> None:
        dist = FakeDistribution(*(FakeEntryPoint(n, m) for n, m in modules.items()))
        monkeypatch.setattr(importlib.metadata, "distributions", lambda: iter([dist]))

    monkeypatch.delenv("SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("SAFEGUARDING_RULES_DISABLED_PLUGINS", raising=False)
    return installer


@pytest.fixture
def pm(install: Callable[..., None]) -> pluggy.PluginManager:
    install()
    return get_plugin_manager()


def test_builtins_are_registered_as_ordinary_plugins(pm: pluggy.PluginManager) -> None:
    assert [pm.get_name(p) for p in pm.get_plugins()].count(BUILTIN_PLUGINS[0]) == 1
    for name in BUILTIN_PLUGINS:
        assert pm.has_plugin(name)
    assert set(load_rule_sets(pm)) == {
        "england",
        "wales",
        "scotland",
        "northern-ireland",
        "guernsey",
        "isle-of-man",
    }


def test_entry_point_plugin_adds_a_local_rule_set(install: Callable[..., None]) -> None:
    local = LocalRuleSet(
        name="testshire",
        title="Testshire",
        extends="england",
        replace=[local_rule("icpc", n=10)],
        add=[local_rule("local_extra", n=3)],
    )
    install(testshire=plugin("testshire", lambda registry: registry.extend(local)))
    loaded = load_rule_sets(get_plugin_manager())
    testshire = loaded["testshire"]
    assert loaded.plugin_of("testshire") == "testshire"
    assert testshire.extends == "england"
    assert testshire.division == "england-and-wales"
    # The replacement applies from its own edition (1 Jan 2020); history before it is kept,
    # and the national version in force then is cut short.
    versions = testshire.versions("icpc")
    assert [(r.edition.id, r.n) for r in versions] == [
        ("wt2006", 15),
        ("wt2010", 15),
        ("wt2013", 15),
        ("wt2015", 15),
        ("wt2018", 15),
        ("local2020", 10),
    ]
    assert versions[4].edition.effective_to == dt.date(2019, 12, 31)
    assert testshire.rule("icpc", on=dt.date(2019, 12, 31)).n == 15
    assert testshire.rule("icpc", on=dt.date(2024, 1, 2)).n == 10
    assert "first_review" in testshire.rule_ids  # inherited, not copied by hand
    assert "local_extra" in testshire.rule_ids
    assert loaded["england"].versions("icpc")[0].n == 15  # the parent is untouched


def test_overriding_an_unknown_rule_is_a_load_error(install: Callable[..., None]) -> None:
    local = LocalRuleSet(name="typo", title="Typo", extends="england", replace=[local_rule("ipcc")])
    install(typo=plugin("typo", lambda registry: registry.extend(local)))
    with pytest.raises(
        RuleSetDefinitionError,
        match=r"replaces 'ipcc' \(did you mean 'icpc'\?\), which 'england' does not have",
    ):
        load_rule_sets(get_plugin_manager())


def test_adding_an_existing_rule_is_a_load_error(install: Callable[..., None]) -> None:
    local = LocalRuleSet(name="dup", title="Dup", extends="england", add=[local_rule("icpc")])
    install(dup=plugin("dup", lambda registry: registry.extend(local)))
    with pytest.raises(RuleSetDefinitionError, match="already has; use replace="):
        load_rule_sets(get_plugin_manager())


def test_two_plugins_claiming_one_name_is_an_error_naming_both(
    install: Callable[..., None],
) -> None:
    def claim(registry: RuleSetRegistry) -> None:
        registry.extend(LocalRuleSet(name="shared", title="Shared", extends="wales"))

    install(first=plugin("first", claim), second=plugin("second", claim))
    with pytest.raises(RuleSetConflictError, match="'shared' is registered by both") as info:
        load_rule_sets(get_plugin_manager())
    assert "'first'" in str(info.value)
    assert "'second'" in str(info.value)


def test_a_plugin_cannot_take_a_builtin_name(install: Callable[..., None]) -> None:
    england = load_rule_sets(get_plugin_manager(load_entrypoints=False))["england"]
    install(impostor=plugin("impostor", lambda registry: registry.add(england)))
    with pytest.raises(RuleSetConflictError, match=r"'england'.*impostor"):
        load_rule_sets(get_plugin_manager())


def test_extending_an_unknown_rule_set(install: Callable[..., None]) -> None:
    local = LocalRuleSet(name="orphan", title="Orphan", extends="atlantis")
    install(orphan=plugin("orphan", lambda registry: registry.extend(local)))
    with pytest.raises(RuleSetDefinitionError, match="extends 'atlantis': no such rule set"):
        load_rule_sets(get_plugin_manager())


def test_a_cycle_of_local_rule_sets(install: Callable[..., None]) -> None:
    def both(registry: RuleSetRegistry) -> None:
        registry.extend(LocalRuleSet(name="a", title="A", extends="b"))
        registry.extend(LocalRuleSet(name="b", title="B", extends="a"))

    install(cyclic=plugin("cyclic", both))
    with pytest.raises(RuleSetDefinitionError, match="a cycle"):
        load_rule_sets(get_plugin_manager())


def test_local_rule_sets_can_extend_local_rule_sets(install: Callable[..., None]) -> None:
    def chain(registry: RuleSetRegistry) -> None:
        # Registered child first: resolution does not depend on order.
        registry.extend(LocalRuleSet(name="town", title="Town", extends="county"))
        registry.extend(
            LocalRuleSet(
                name="county", title="County", extends="wales", add=[local_rule("county_rule")]
            )
        )

    install(chain=plugin("chain", chain))
    loaded = load_rule_sets(get_plugin_manager())
    assert "county_rule" in loaded["town"].rule_ids
    assert loaded["town"].extends == "county"


def test_autoload_can_be_disabled(
    install: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    local = LocalRuleSet(name="testshire", title="Testshire", extends="england")
    install(testshire=plugin("testshire", lambda registry: registry.extend(local)))
    monkeypatch.setenv("SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert "testshire" not in load_rule_sets(get_plugin_manager())
    monkeypatch.delenv("SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD")
    assert "testshire" not in load_rule_sets(get_plugin_manager(load_entrypoints=False))
    assert "testshire" in load_rule_sets(get_plugin_manager())


def test_plugins_can_be_blocked_by_name(
    install: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    local = LocalRuleSet(name="testshire", title="Testshire", extends="england")
    install(testshire=plugin("testshire", lambda registry: registry.extend(local)))
    monkeypatch.setenv(
        "SAFEGUARDING_RULES_DISABLED_PLUGINS", "testshire, safeguarding_rules.rulesets.scotland"
    )
    loaded = load_rule_sets(get_plugin_manager())
    assert "testshire" not in loaded
    assert "scotland" not in loaded
    assert "england" in loaded


def test_unknown_rule_set_names_the_installed_ones(pm: pluggy.PluginManager) -> None:
    with pytest.raises(UnknownRuleSetError, match=r"'narnia'.*england"):
        load_rule_sets(pm)["narnia"]


def test_registry_rejects_wrong_types() -> None:
    registry = RuleSetRegistry()
    with pytest.raises(TypeError, match="RuleSet"):
        registry.add("england")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="LocalRuleSet"):
        registry.extend(RuleSet(name="x", title="X", division="england", rules=[]))  # type: ignore[arg-type]


def test_a_hook_implementation_without_arguments_is_called(install: Callable[..., None]) -> None:
    module = types.ModuleType("quiet")
    calls = []

    @hookimpl
    def sgr_register_rule_sets() -> None:
        calls.append(1)

    module.sgr_register_rule_sets = sgr_register_rule_sets  # type: ignore[attr-defined]
    install(quiet=module)
    load_rule_sets(get_plugin_manager())
    assert calls == [1]


def test_a_misspelt_hook_is_refused(install: Callable[..., None]) -> None:
    module = types.ModuleType("misspelt")

    @hookimpl
    def sgr_register_rulesets(registry: RuleSetRegistry) -> None:  # missing underscore
        raise AssertionError("never called")

    module.sgr_register_rulesets = sgr_register_rulesets  # type: ignore[attr-defined]
    install(misspelt=module)
    with pytest.raises(pluggy.PluginValidationError, match="unknown hook"):
        get_plugin_manager()
