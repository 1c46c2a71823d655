"""``new-plugin``: write a ready local rule-set plugin to start from."""

from __future__ import annotations

import pathlib
import shlex

import click

from ..scaffold import new_plugin

__all__ = ["new_plugin_command"]


@click.command("new-plugin")
@click.argument("name")
@click.option(
    "--extends", required=True, help="The rule set it extends (see 'safeguarding-rules rulesets')."
)
@click.option("--title", help="The council's name as written (default: NAME in title case).")
@click.option(
    "--directory",
    type=click.Path(file_okay=False, path_type=pathlib.Path),
    default=pathlib.Path("."),
    show_default=True,
    help="Where to write the safeguarding-rules-NAME folder (never overwritten).",
)
def new_plugin_command(name: str, extends: str, title: str | None, directory: pathlib.Path) -> None:
    """Write a ready plugin package for the local rule set NAME.

    It holds a pyproject.toml with the entry point, a hooks module that registers a TOML
    rule file, the rule file (changing nothing yet), a README stating the sources and how
    days are counted, and a test module that runs the conformance kit. It installs and
    passes its tests unchanged.
    """
    target = new_plugin(name, extends=extends, directory=directory, title=title)
    click.echo(f"wrote {target}")
    # The test extra brings pytest, which a fresh environment does not have.
    package = shlex.quote(f"{target}[test]")
    click.echo(f"next: pip install -e {package} && python -m pytest {shlex.quote(str(target))}")
