"""The ``safeguarding-rules`` command: one small module per command group.

Errors go to standard error with exit status 1 (2 for usage errors), never as a traceback.
Output contains only what the user asked for: dates, counts and rule metadata. The
commands only parse options and print: reading is done by :mod:`safeguarding_rules.records`,
computing and rendering by :mod:`safeguarding_rules.reports`.

Each command's module is imported only when that command runs (or its own ``--help`` is
asked for), so ``safeguarding-rules --help`` answers without loading numpy, pyarrow or the
holiday data.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import click

from ._group import Group

__all__ = ["main"]

#: Each command: the module that defines it, and the function's name there.
COMMANDS: dict[str, tuple[str, str]] = {
    "calendar": ("calendar", "calendar"),
    "deadlines": ("rules", "deadlines_command"),
    "due": ("report", "due_command"),
    "new-plugin": ("scaffold", "new_plugin_command"),
    "quoracy": ("quoracy", "quoracy_command"),
    "report": ("report", "report_command"),
    "rules": ("rules", "rules_command"),
    "rulesets": ("rules", "rulesets_command"),
}


def _summary(module: str, function: str) -> str:
    """Return the first paragraph of a command's docstring, read without importing it."""
    tree = ast.parse((Path(__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return inspect.cleandoc(ast.get_docstring(node) or "").split("\n\n")[0]
    return ""


class _LazyGroup(Group):
    """The top-level group: commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f".{module}", __name__), name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        limit = formatter.width - 6 - max(map(len, COMMANDS))
        rows = []
        for name in self.list_commands(ctx):
            module, function = COMMANDS[name]
            stand_in = click.Command(name, help=_summary(module, function))
            rows.append((name, stand_in.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup)
@click.version_option(package_name="safeguarding-rules")
def main() -> None:
    """UK child-protection procedures as tested, explainable code."""
