"""Hook specifications: the contract between safeguarding_rules and its plugins.

A plugin is a module (or object) with functions marked ``@hookimpl`` whose names match the
specs below, registered through the ``safeguarding_rules`` entry-point group::

    [project.entry-points.safeguarding_rules]
    conwy = "safeguarding_rules_conwy.hooks"

Hook arguments may be added in later versions but are never removed or renamed; a plugin
that does not ask for a new argument keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .plugins import RuleSetRegistry

__all__ = ["PROJECT", "hookspec", "sgr_register_rule_sets"]

#: The one name used for the hook markers, the plugin manager and the entry-point group.
PROJECT = "safeguarding_rules"

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
