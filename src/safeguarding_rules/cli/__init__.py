"""The ``safeguarding-rules`` command: one small module per command group.

Errors go to standard error with exit status 1 (2 for usage errors), never as a traceback.
Output contains only what the user asked for: dates, counts and rule metadata. The
commands only parse options and print: reading is done by :mod:`safeguarding_rules.records`,
computing and rendering by :mod:`safeguarding_rules.reports`.
"""

from __future__ import annotations

import click

from ._common import Group
from .calendar import calendar
from .quoracy import quoracy_command
from .report import due_command, report_command
from .rules import deadlines_command, rules_command, rulesets_command
from .scaffold import new_plugin_command

__all__ = ["main"]


@click.group(cls=Group)
@click.version_option(package_name="safeguarding-rules")
def main() -> None:
    """UK child-protection procedures as tested, explainable code."""


for _command in (
    calendar,
    rulesets_command,
    rules_command,
    deadlines_command,
    quoracy_command,
    report_command,
    due_command,
    new_plugin_command,
):
    main.add_command(_command)
