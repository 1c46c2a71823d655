"""The registry plugins register rule sets with, and the rule sets it resolves to.

Hook implementations receive a :class:`RuleSetRegistry` (see
:func:`~safeguarding_rules.hookspecs.sgr_register_rule_sets`); once every plugin has run,
:meth:`RuleSetRegistry.resolve` returns the :class:`RuleSets`, each rule set looked up by
name. The plugin manager that drives this is :mod:`safeguarding_rules.plugins`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from .._errors import SafeguardingRulesError
from .._suggest import did_you_mean
from ..rules import AliasRegistry, LocalRuleSet, RuleSet, RuleSetDefinitionError, VocabularyError
from . import DISABLED_PLUGINS_ENV

__all__ = ["RuleSetConflictError", "RuleSetRegistry", "RuleSets", "UnknownRuleSetError"]


class RuleSetConflictError(SafeguardingRulesError, ValueError):
    """Two plugins claim the same rule-set name."""


class UnknownRuleSetError(SafeguardingRulesError, LookupError):
    """No rule set is registered under the name asked for."""


@attrs.define
class RuleSetRegistry:
    """Collects rule sets from plugins during :func:`~safeguarding_rules.load_rule_sets`.

    Plugins call :meth:`add` and :meth:`extend`; the registry remembers which plugin
    registered what, so that conflicts can name both sides.
    """

    _national: dict[str, tuple[RuleSet, str]] = attrs.Factory(dict)
    _local: dict[str, tuple[LocalRuleSet, str]] = attrs.Factory(dict)
    _current_plugin: str = "<unknown>"

    def add(self, rule_set: RuleSet) -> None:
        """Register a complete rule set.

        :raises RuleSetConflictError: if its name is already registered.
        """
        if not isinstance(rule_set, RuleSet):
            raise TypeError(f"registry.add expects a RuleSet, got {rule_set!r}")
        self._check_free(rule_set.name)
        self._national[rule_set.name] = (rule_set, self._current_plugin)

    def extend(self, local: LocalRuleSet) -> None:
        """Register a local rule set, resolved against its parent once all plugins have run.

        :raises RuleSetConflictError: if its name is already registered.
        """
        if not isinstance(local, LocalRuleSet):
            raise TypeError(f"registry.extend expects a LocalRuleSet, got {local!r}")
        self._check_free(local.name)
        self._local[local.name] = (local, self._current_plugin)

    def _check_free(self, name: str) -> None:
        owner = self._owner(name)
        if owner is not None:
            raise RuleSetConflictError(
                f"rule set {name!r} is registered by both {owner!r} and "
                f"{self._current_plugin!r}; disable one with {DISABLED_PLUGINS_ENV}"
            )

    def _owner(self, name: str) -> str | None:
        for table in (self._national, self._local):
            if name in table:
                return table[name][1]
        return None

    def resolve(self) -> RuleSets:
        """Resolve local rule sets against their parents (in any order of registration).

        :raises RuleSetDefinitionError: for an unknown parent, a cycle, or a bad override.
        """
        resolved: dict[str, RuleSet] = {name: rs for name, (rs, _) in self._national.items()}
        plugins = {name: plugin for name, (_, plugin) in {**self._national, **self._local}.items()}
        pending = dict(self._local)
        while pending:
            ready = [name for name, (local, _) in pending.items() if local.extends in resolved]
            if not ready:
                name, (local, plugin) = next(iter(pending.items()))
                raise RuleSetDefinitionError(
                    f"local rule set {name!r} (plugin {plugin!r}) extends {local.extends!r}: "
                    + _missing_parent(local.extends, set(resolved), set(pending) - {name})
                )
            for name in ready:
                local, _ = pending.pop(name)
                resolved[name] = local.resolve(resolved[local.extends])
        return RuleSets(resolved, plugins)


def _missing_parent(wanted: str, loaded: set[str], pending: set[str]) -> str:
    """Say why ``wanted`` is not a rule set to extend, and which ones are."""
    if wanted in pending:
        return "a cycle: rule sets extend each other"
    names = sorted(loaded | pending)
    return f"no such rule set{did_you_mean(wanted, names)}; loaded rule sets: {', '.join(names)}"


@attrs.frozen
class RuleSets(Mapping[str, RuleSet]):
    """The loaded rule sets, by name, with the plugin that registered each."""

    _by_name: Mapping[str, RuleSet]
    _plugins: Mapping[str, str]

    def __getitem__(self, name: str) -> RuleSet:
        try:
            return self._by_name[name]
        except KeyError:
            known = ", ".join(sorted(self._by_name)) or "none"
            raise UnknownRuleSetError(
                f"unknown rule set {name!r}{did_you_mean(name, self._by_name)}; "
                f"installed rule sets: {known}"
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._by_name))

    def __len__(self) -> int:
        return len(self._by_name)

    def plugin_of(self, name: str) -> str:
        """Return the name of the plugin that registered rule set ``name``."""
        self[name]
        return self._plugins[name]

    def lineage(self, name: str) -> tuple[str, ...]:
        """Return ``name``, the rule set it extends, the one that extends, and so on."""
        names = [self[name].name]
        while (parent := self._by_name[names[-1]].extends) in self._by_name and parent:
            names.append(parent)
        return tuple(names)

    def with_aliases(self, aliases: AliasRegistry) -> RuleSets:
        """Return these rule sets, each reading files with the spellings registered for it.

        :raises VocabularyError: for spellings registered for a rule set that is not loaded,
            or contradicting another spelling in a rule set they apply to.
        """
        for group in aliases.aliases:
            if group.rule_set is not None and group.rule_set not in self._by_name:
                known = ", ".join(sorted(self._by_name))
                raise VocabularyError(
                    f"plugin {group.plugin!r} registers spellings for rule set "
                    f"{group.rule_set!r}, which is not loaded; loaded rule sets: {known}"
                )
        if not aliases.aliases:
            return self
        by_name = {}
        for name, rule_set in self._by_name.items():
            try:
                vocabulary = aliases.vocabulary_for(self.lineage(name))
            except VocabularyError as error:
                raise VocabularyError(f"rule set {name!r}: {error}") from None
            changed = vocabulary is not rule_set.vocabulary
            by_name[name] = attrs.evolve(rule_set, vocabulary=vocabulary) if changed else rule_set
        return RuleSets(by_name, self._plugins)
