"""The plugin manager factory, the registry of rule sets, and the per-process cache.

There is no module-level plugin manager: :func:`get_plugin_manager` builds a fresh one
each time, and :func:`load_rule_sets` uses one to collect and resolve every rule set.

Loading once per process
    :func:`get_rule_set` and :func:`get_rule_sets` load the installed rule sets the first
    time they are called and then return the same objects, from any thread, at the cost of
    a dictionary look-up. The environment variables below and the installed entry points are
    read at that first load only: changing them later has no effect until
    :func:`reload_rule_sets` is called. :func:`load_rule_sets` always loads afresh and never
    touches the cache.

Environment variables
    ``SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD``: when set (to anything non-empty), plugins
    installed through entry points are not loaded; only the built-in rule sets are. Useful
    for tests and audits that must not depend on what else is installed.

    ``SAFEGUARDING_RULES_DISABLED_PLUGINS``: comma-separated plugin names (entry-point names,
    or built-in module names such as ``safeguarding_rules.rulesets.england``) to block.
"""

from __future__ import annotations

import difflib
import importlib
import os
import threading
from collections.abc import Iterable, Iterator, Mapping

import attrs
import pluggy

from . import hookspecs
from ._errors import SafeguardingRulesError
from .rulefile import load_rule_file
from .rules import AliasRegistry, LocalRuleSet, RuleSet, RuleSetDefinitionError, VocabularyError

__all__ = [
    "BUILTIN_PLUGINS",
    "RuleSetConflictError",
    "RuleSetRegistry",
    "RuleSets",
    "UnknownRuleSetError",
    "get_plugin_manager",
    "get_rule_set",
    "get_rule_sets",
    "hookimpl",
    "load_rule_sets",
    "reload_rule_sets",
]

#: Marks a plugin function as an implementation of a hook in :mod:`safeguarding_rules.hookspecs`.
hookimpl = pluggy.HookimplMarker(hookspecs.PROJECT)

#: The built-in plugins, registered like any other plugin.
BUILTIN_PLUGINS = (
    "safeguarding_rules.rulesets.england",
    "safeguarding_rules.rulesets.wales",
    "safeguarding_rules.rulesets.scotland",
    "safeguarding_rules.rulesets.northern_ireland",
    "safeguarding_rules.rulesets.guernsey",
    "safeguarding_rules.rulesets.isle_of_man",
)

DISABLE_AUTOLOAD_ENV = "SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD"
DISABLED_PLUGINS_ENV = "SAFEGUARDING_RULES_DISABLED_PLUGINS"


class RuleSetConflictError(SafeguardingRulesError, ValueError):
    """Two plugins claim the same rule-set name."""


class UnknownRuleSetError(SafeguardingRulesError, LookupError):
    """No rule set is registered under the name asked for."""


def get_plugin_manager(*, load_entrypoints: bool = True) -> pluggy.PluginManager:
    """Build a plugin manager with the hook specs, the built-ins and (optionally) entry points.

    :param load_entrypoints: load plugins from the ``safeguarding_rules`` entry-point group,
        unless ``SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD`` is set.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in filter(
        None, (n.strip() for n in os.environ.get(DISABLED_PLUGINS_ENV, "").split(","))
    ):
        pm.set_blocked(name)
    for module_name in BUILTIN_PLUGINS:
        if not pm.is_blocked(module_name):
            pm.register(importlib.import_module(module_name), name=module_name)
    if load_entrypoints and not os.environ.get(DISABLE_AUTOLOAD_ENV):
        pm.load_setuptools_entrypoints(hookspecs.PROJECT)
    pm.check_pending()
    return pm


@attrs.define
class RuleSetRegistry:
    """Collects rule sets from plugins during :func:`load_rule_sets`.

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
    if wanted.strip() in names:
        hint = f" (did you mean {wanted.strip()!r}, without the spaces?)"
    else:
        close = difflib.get_close_matches(wanted.strip().lower(), names, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"no such rule set{hint}; loaded rule sets: {', '.join(names)}"


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
                f"unknown rule set {name!r}; installed rule sets: {known}"
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


def _call_each(caller: pluggy.HookCaller, registry: RuleSetRegistry | AliasRegistry) -> None:
    """Call a hook's implementations one by one, telling ``registry`` whose turn it is.

    In pluggy's order (trylast built-ins last), so that the registry can name the plugin
    responsible for any conflict. As pluggy does, pass only the arguments each
    implementation asks for.
    """
    arguments = {"registry": registry}
    for impl in reversed(caller.get_hookimpls()):
        registry._current_plugin = impl.plugin_name
        impl.function(*(arguments[name] for name in impl.argnames))
    registry._current_plugin = "<unknown>"


def load_rule_sets(
    pm: pluggy.PluginManager | None = None,
    *,
    rule_files: Iterable[str | os.PathLike[str]] = (),
) -> RuleSets:
    """Collect every rule set from the plugins and resolve local ones against their parents.

    Then collect the plugins' spellings (:func:`~safeguarding_rules.hookspecs.sgr_register_aliases`)
    and give each rule set the vocabulary it reads files by.

    :param pm: a plugin manager; by default a fresh one from :func:`get_plugin_manager`.
    :param rule_files: TOML rule files (see :mod:`safeguarding_rules.rulefile`) to load as
        well, each registered as if by a plugin named after its path.
    :raises RuleFileError: for a rule file that cannot be read or is invalid.
    :raises VocabularyError: for spellings that name a rule set not loaded, or contradict
        each other.
    """
    pm = pm or get_plugin_manager()
    registry = RuleSetRegistry()
    _call_each(pm.hook.sgr_register_rule_sets, registry)
    for path in rule_files:
        registry._current_plugin = os.fspath(path)
        registry.extend(load_rule_file(path))
    registry._current_plugin = "<unknown>"
    aliases = AliasRegistry()
    _call_each(pm.hook.sgr_register_aliases, aliases)
    return registry.resolve().with_aliases(aliases)


_loaded: RuleSets | None = None
#: Held while the cache is filled; re-entrant only to report a plugin that asks for rule sets.
_load_lock = threading.RLock()
_loading = False


def get_rule_sets() -> RuleSets:
    """Return the installed rule sets, loaded once per process (thread-safe).

    The first call loads them as :func:`load_rule_sets` does; later calls return the same
    :class:`RuleSets`. Environment variables and entry points are read at that first load;
    call :func:`reload_rule_sets` to read them again.
    """
    found = _loaded
    if found is None:
        found = _fill_cache(reload=False)
    return found


def get_rule_set(name: str) -> RuleSet:
    """Return the installed rule set called ``name``, from the per-process cache.

    See :func:`get_rule_sets`; the first call in a process loads every rule set.

    :raises UnknownRuleSetError: naming the value and the installed rule sets.
    """
    return get_rule_sets()[name]


def reload_rule_sets() -> RuleSets:
    """Load the installed rule sets afresh, replace the cached ones, and return them.

    Reads the environment variables and entry points again. Objects already handed out
    stay valid; later calls of :func:`get_rule_set` return the new ones.
    """
    return _fill_cache(reload=True)


def _fill_cache(*, reload: bool) -> RuleSets:
    global _loaded, _loading
    with _load_lock:
        if _loading:
            raise RuleSetDefinitionError(
                "a plugin asked for the installed rule sets while they were being loaded; "
                "a hook must not call get_rule_set, get_rule_sets or reload_rule_sets"
            )
        if _loaded is None or reload:
            _loading = True
            try:
                _loaded = load_rule_sets()
            finally:
                _loading = False
        return _loaded
