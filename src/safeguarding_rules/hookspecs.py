"""Hook specifications: the contract between safeguarding_rules and its plugins.

A plugin is a module (or object) with functions marked ``@hookimpl`` (from the package
root, or :mod:`safeguarding_rules.plugin`) whose names match the specs below, registered
through the ``safeguarding_rules`` entry-point group::

    [project.entry-points.safeguarding_rules]
    conwy = "safeguarding_rules_conwy.hooks"

Hook arguments may be added in later versions but are never removed or renamed; a plugin
that does not ask for a new argument keeps working.
"""

from __future__ import annotations

import pluggy

from .plugin import NAME
from .plugin.registry import RuleSetRegistry
from .rules import AliasRegistry

__all__ = ["PROJECT", "hookspec", "sgr_register_aliases", "sgr_register_rule_sets"]

#: The one name used for the hook markers, the plugin manager and the entry-point group
#: (:data:`safeguarding_rules.plugin.NAME`).
PROJECT = NAME

#: Marks a function below as a hook specification.
hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register rule sets: national ones with ``registry.add``, local ones with ``registry.extend``.

    Called once each time rule sets are loaded. Register everything the plugin provides;
    conflicts (two plugins claiming one name, a local rule set replacing a rule its parent
    does not have) are reported as errors naming the plugins, once every plugin has run.

    Built-in rule sets register with ``@hookimpl(trylast=True)``.

    :param registry: collects :class:`~safeguarding_rules.RuleSet` and
        :class:`~safeguarding_rules.LocalRuleSet` objects, remembering which plugin added each.
    :returns: nothing; register through ``registry``.

    .. versionadded:: 0.1
    """


@hookspec
def sgr_register_aliases(registry: AliasRegistry) -> None:
    """Register spellings of agencies and coded values: a council's own team names.

    Called once each time rule sets are loaded, after every rule set is registered. Call
    ``registry.add_aliases(code, spellings, source=..., rule_set=...)`` for each group of
    spellings; ``kind`` is ``"agency"`` unless given (``"attendance_mode"``, ``"yes_no"`` or
    ``"conference_type"``). Spellings registered with ``rule_set="conwy"`` apply to that rule
    set and to every rule set extending it; with no ``rule_set``, to every rule set.

    A spelling must stand for a known canonical code, and must not already stand for
    another code in a rule set it applies to (matching ignores case, accents, spacing,
    punctuation and apostrophes); either is an error naming the plugin, raised when rule sets
    are loaded. :func:`safeguarding_rules.testing.check_vocabulary` checks a loaded rule set's
    spellings the same way.

    The Wales rule set registers the Welsh names of agencies this way, with
    ``@hookimpl(trylast=True)``.

    :param registry: collects :class:`~safeguarding_rules.Aliases`, remembering which plugin
        added each.
    :returns: nothing; register through ``registry``.

    .. versionadded:: 0.1
    """
