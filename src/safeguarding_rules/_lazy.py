"""Re-exports loaded on first use (PEP 562), so that importing a package stays cheap.

The package root and :mod:`safeguarding_rules.reports` re-export names from modules that
need numpy, pyarrow or the holiday data; with these, ``safeguarding-rules --help`` and the
quick commands load none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: Mapping[str, tuple[str, ...]]
) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that imports each name from its module on first use.

    :param package: the package's ``__name__`` (relative module names resolve against it).
    :param namespace: the package's ``globals()``: each name is kept there once loaded.
    :param exports: for each module (relative, e.g. ``".report"``), the names it exports.
    """
    module_of = {name: module for module, names in exports.items() for name in names}

    def load(name: str) -> Any:
        if name not in module_of:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module_of[name], package), name)
        namespace[name] = value
        return value

    return load
