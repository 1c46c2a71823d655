"""The package's layering, kept true: imports flow one way, and nothing imports in a cycle.

docs/architecture.md describes the layers. This test reads every module's source (no
import is executed), collects the modules of this package each one imports, and fails on
an import from a higher layer, on any import cycle between modules, and on an import of
this package hidden inside a function (the usual way to paper over a cycle). Imports
under ``if TYPE_CHECKING:`` count like any other: a cycle that only type checkers see is
still a cycle (``hookspecs`` and ``plugins`` had one until issue 25). The one exception
is a deliberate function-local import listed in ``LAZY``, which its module may mirror
under ``TYPE_CHECKING`` so that type checkers see the names it loads.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = "safeguarding_rules"
SRC = Path(__file__).resolve().parent.parent / "src" / PACKAGE

#: Each top-level part of the package and its layer: a module may import only from its own
#: layer or below. The package root (the public API) sits above everything but the testing
#: kit and the command line, which use only the public API and the layers below.
LAYERS: dict[str, float] = {
    "_errors": 0,
    "_validators": 0,
    "_dates": 0,
    "_lazy": 0,
    "_columnar": 0,
    "_explain": 0,
    "_suggest": 0,
    "calendar": 1,
    "rules": 2,
    "plugin": 3,
    "hookspecs": 3,
    "rulefile": 3,
    "plugins": 3,
    "rulesets": 4,
    "records": 5,
    "reports": 6,
    "engines": 6,
    "": 6.5,  # the package root, safeguarding_rules/__init__.py
    "testing": 7,
    "scaffold": 7,
    "strategies": 7,
    "cli": 8,
    "__main__": 9,
}

#: Function-local imports of this package that are deliberate, with the reason.
LAZY = {
    # The pytest-facing contract needs pytest; the check_* functions must import without it.
    ("safeguarding_rules.testing", "safeguarding_rules.testing.contract"),
    # check_due_dates needs Hypothesis; the conformance checks must import without it.
    ("safeguarding_rules.testing", "safeguarding_rules.testing.due_dates"),
    # Hypothesis runs this hook while it is itself being imported, perhaps because the
    # strategies are: the strategies are imported when first drawn from (Hypothesis' pattern).
    ("safeguarding_rules.testing.hypothesis_hook", "safeguarding_rules.testing.strategies"),
}


def _module_name(path: Path) -> str:
    parts = [PACKAGE, *path.relative_to(SRC).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def _layer(module: str) -> float:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    assert top in LAYERS, f"{module}: add its package to LAYERS and to docs/architecture.md"
    return LAYERS[top]


def _resolve(module: str, node: ast.ImportFrom | ast.Import) -> Iterator[str]:
    """Yield the modules of this package that ``node`` in ``module`` imports."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == PACKAGE or alias.name.startswith(PACKAGE + "."):
                yield alias.name
        return
    if node.level:
        is_package = MODULES[module].name == "__init__.py"
        base = module.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target != PACKAGE and not target.startswith(PACKAGE + "."):
        return
    for alias in node.names:
        submodule = f"{target}.{alias.name}"
        yield submodule if submodule in MODULES else target


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str, source: str | None = None) -> Iterator[tuple[str, int, bool]]:
    """Yield ``(imported module, line, inside a function)`` for every import in ``module``.

    Imports under ``if TYPE_CHECKING:`` are yielded as the module-level imports they sit
    among. ``source`` stands in for the module's file (to test the reader itself).
    """
    tree = ast.parse(MODULES[module].read_text("utf-8") if source is None else source)

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in _resolve(module, child):
                    yield target, child.lineno, in_function
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            yield from walk(child, nested)

    yield from walk(tree, False)


def _edges(module: str, source: str | None = None) -> list[str]:
    """The modules ``module`` imports at module level, TYPE_CHECKING included, less LAZY."""
    return sorted(
        {
            target
            for target, _, lazy in _imports(module, source)
            if not lazy and (module, target) not in LAZY
        }
        - {module}
    )


GRAPH = {module: _edges(module) for module in MODULES}


def test_every_module_belongs_to_a_layer() -> None:
    for module in MODULES:
        _layer(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_flow_down_the_layers(module: str) -> None:
    upward = [
        f"line {line}: {target}"
        for target, line, _ in _imports(module)
        if _layer(target) > _layer(module)
    ]
    assert not upward, f"{module} imports from a higher layer: {upward}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_function_local_imports_of_the_package(module: str) -> None:
    hidden = [
        f"line {line}: {target}"
        for target, line, lazy in _imports(module)
        if lazy and (module, target) not in LAZY
    ]
    assert not hidden, f"{module} imports inside a function (a hidden cycle?): {hidden}"


def _cycles() -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in GRAPH.get(module, ()):
            if state.get(target) == 1:
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    return found


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    GRAPH["safeguarding_rules.calendar.divisions"].append("safeguarding_rules.calendar")
    try:
        assert any("safeguarding_rules.calendar.divisions" in cycle for cycle in _cycles())
    finally:
        GRAPH["safeguarding_rules.calendar.divisions"].remove("safeguarding_rules.calendar")


def test_imports_for_type_checkers_only_count() -> None:
    # The circle issue 25 removed: hookspecs imported plugins for an annotation, under
    # TYPE_CHECKING, while plugins imported hookspecs. Read with today's reader, that
    # source is an edge of the graph, and the two modules form a cycle.
    old_hookspecs = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "import pluggy\n"
        "if TYPE_CHECKING:\n"
        "    from .plugins import RuleSetRegistry\n"
        "    from .rules import AliasRegistry\n"
    )
    edges = _edges("safeguarding_rules.hookspecs", old_hookspecs)
    assert edges == ["safeguarding_rules.plugins", "safeguarding_rules.rules"]
    saved = GRAPH["safeguarding_rules.hookspecs"]
    GRAPH["safeguarding_rules.hookspecs"] = edges
    try:
        assert "safeguarding_rules.plugins" in GRAPH["safeguarding_rules.hookspecs"]
        assert ["safeguarding_rules.hookspecs", "safeguarding_rules.plugins"] in [
            sorted(set(cycle)) for cycle in _cycles()
        ]
    finally:
        GRAPH["safeguarding_rules.hookspecs"] = saved
    # Today the name and marker are a leaf, and neither the spec module nor any rule set
    # imports the plugin manager.
    assert GRAPH["safeguarding_rules.plugin"] == []
    assert "safeguarding_rules.plugins" not in GRAPH["safeguarding_rules.hookspecs"]
    for module in MODULES:
        if module.startswith("safeguarding_rules.rulesets"):
            assert "safeguarding_rules.plugins" not in GRAPH[module], module


def test_relative_imports_resolve_to_real_modules() -> None:
    """Every import of the package names a module that exists (the resolver is right)."""
    for module in MODULES:
        for target, line, _ in _imports(module):
            assert target in MODULES, f"{module} line {line}: {target} is not a module"


def test_the_testing_kit_imports_without_pytest() -> None:
    """Its check_* functions are for use outside pytest, so pytest must not be needed."""
    code = (
        "import sys; sys.modules['pytest'] = None\n"
        "import safeguarding_rules.testing as t\n"
        "t.check_sources(t.check_loads('england'))\n"
        "try:\n    t.RuleSetContract\nexcept ImportError:\n    print('contract needs pytest')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "contract needs pytest"
