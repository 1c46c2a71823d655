"""What every command shares: date arguments, JSON or text output, clean errors, progress."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .._dates import parse_date
from .._errors import SafeguardingRulesError
from ..records import InputErrors
from ..reports import to_data

__all__ = ["FORMAT_OPTION", "Group", "date_callback", "emit", "progress"]


def date_callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Parse a date option or argument given as ``YYYY-MM-DD`` or ``DD/MM/YYYY``."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(date_callback(ctx, param, item) for item in value)
    try:
        return parse_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from None


def emit(output_format: str, data: Any, text: str) -> None:
    """Print ``data`` as indented JSON (through :func:`to_data`) or ``text``."""
    if output_format == "json":
        click.echo(json.dumps(to_data(data), indent=2))
    else:
        click.echo(text)


class Group(click.Group):
    """A group that turns the library's own errors into clean messages on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputErrors as error:
            raise click.ClickException(str(error)) from None
        except (SafeguardingRulesError, ValueError, TypeError) as error:
            raise click.ClickException(str(error)) from None


#: ``--format text|json``, text by default.
FORMAT_OPTION = click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text"
)


def progress(message: str) -> None:
    """Say what a long run is doing, on a terminal only (never into redirected output)."""
    if sys.stderr.isatty():
        click.echo(f"... {message}", err=True)
