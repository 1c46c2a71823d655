"""The command group class: the library's errors as clean messages (imports nothing heavy)."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from .. import reports
from .._errors import SafeguardingRulesError

__all__ = ["Group"]


class Group(click.Group):
    """A group that turns the library's own errors into clean messages on stderr.

    Standard output is flushed before the command returns, so that a full disk or a
    closed device (``> /dev/full``) is a one-line error too, not a traceback when Python
    flushes it on the way out.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            if ctx.parent is None:
                sys.stdout.flush()
            return result
        except (SafeguardingRulesError, ValueError, TypeError) as error:
            # InputErrors is a SafeguardingRulesError: its message lists every problem.
            raise click.ClickException(reports.printable(str(error))) from None
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise  # a closed pipe (| head): click ends quietly
            why = error.strerror or str(error)
            if error.filename is not None:
                raise click.ClickException(
                    reports.printable(f"cannot use {error.filename}: {why}")
                ) from None
            _stop_writing_stdout()
            raise click.ClickException(f"cannot write the output: {why}") from None


def _stop_writing_stdout() -> None:
    """Point standard output at the null device, so that no later flush fails again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no file descriptor (a test's captured stream)
        pass
