"""The plugin manager factory, rule-set loading, and the per-process cache.

The project's name and the ``hookimpl`` marker are in :mod:`safeguarding_rules.plugin`, the
registry hooks receive in :mod:`safeguarding_rules.plugin.registry` (both re-exported here),
and the hook specifications in :mod:`safeguarding_rules.hookspecs`.

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

import importlib
import os
import threading
from collections.abc import Iterable

import pluggy

from . import hookspecs
from .plugin import DISABLE_AUTOLOAD_ENV, DISABLED_PLUGINS_ENV, NAME, hookimpl
from .plugin.registry import RuleSetConflictError, RuleSetRegistry, RuleSets, UnknownRuleSetError
from .rulefile import load_rule_file
from .rules import AliasRegistry, RuleSet, RuleSetDefinitionError

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLED_PLUGINS_ENV",
    "DISABLE_AUTOLOAD_ENV",
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

#: The built-in plugins, registered like any other plugin.
BUILTIN_PLUGINS = (
    "safeguarding_rules.rulesets.england",
    "safeguarding_rules.rulesets.wales",
    "safeguarding_rules.rulesets.scotland",
    "safeguarding_rules.rulesets.northern_ireland",
    "safeguarding_rules.rulesets.guernsey",
    "safeguarding_rules.rulesets.isle_of_man",
)


def get_plugin_manager(*, load_entrypoints: bool = True) -> pluggy.PluginManager:
    """Build a plugin manager with the hook specs, the built-ins and (optionally) entry points.

    :param load_entrypoints: load plugins from the ``safeguarding_rules`` entry-point group,
        unless ``SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD`` is set.
    """
    pm = pluggy.PluginManager(NAME)
    pm.add_hookspecs(hookspecs)
    for name in filter(
        None, (n.strip() for n in os.environ.get(DISABLED_PLUGINS_ENV, "").split(","))
    ):
        pm.set_blocked(name)
    for module_name in BUILTIN_PLUGINS:
        if not pm.is_blocked(module_name):
            pm.register(importlib.import_module(module_name), name=module_name)
    if load_entrypoints and not os.environ.get(DISABLE_AUTOLOAD_ENV):
        pm.load_setuptools_entrypoints(NAME)
    pm.check_pending()
    return pm


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
