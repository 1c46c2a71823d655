"""The plugin system's name and hook-implementation marker: a leaf that imports no other part.

As in tox (``tox.plugin``: ``NAME`` and the ``impl`` marker), the name and the marker live
apart from the hook specifications (:mod:`safeguarding_rules.hookspecs`) and the plugin
manager (:mod:`safeguarding_rules.plugins`), so that neither has to import the other to
name the project, and a rule set's module (built-in or a plugin's) needs only this and
:mod:`safeguarding_rules.plugin.registry` to register itself. The registry the hooks
receive is in :mod:`safeguarding_rules.plugin.registry`.
"""

from __future__ import annotations

import pluggy

__all__ = ["DISABLED_PLUGINS_ENV", "DISABLE_AUTOLOAD_ENV", "NAME", "hookimpl"]

#: The one name used for the hook markers, the plugin manager and the entry-point group.
NAME = "safeguarding_rules"

#: Marks a plugin function as an implementation of a hook in :mod:`safeguarding_rules.hookspecs`.
hookimpl = pluggy.HookimplMarker(NAME)

#: When set (to anything non-empty), plugins installed through entry points are not loaded.
DISABLE_AUTOLOAD_ENV = "SAFEGUARDING_RULES_DISABLE_PLUGIN_AUTOLOAD"
#: Comma-separated plugin names (entry-point or built-in module names) to block.
DISABLED_PLUGINS_ENV = "SAFEGUARDING_RULES_DISABLED_PLUGINS"
