"""The command group class: the library's errors as clean messages (imports nothing heavy)."""

from __future__ import annotations

from typing import Any

import click

from .. import reports
from .._errors import SafeguardingRulesError

__all__ = ["Group"]


class Group(click.Group):
    """A group that turns the library's own errors into clean messages on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (SafeguardingRulesError, ValueError, TypeError) as error:
            # InputErrors is a SafeguardingRulesError: its message lists every problem.
            raise click.ClickException(reports.printable(str(error))) from None
