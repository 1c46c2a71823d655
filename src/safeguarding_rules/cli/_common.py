"""What every command shares: date arguments, JSON or text output, clean errors, progress."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import click

# The package root's lazy exports: the plugins, and with them the rule sets, are imported
# only by commands that use a rule set (`calendar` uses none, and starts without them).
import safeguarding_rules

from .. import reports
from .._dates import parse_date
from ..reports.i18n import LANGUAGES
from ._group import Group

if TYPE_CHECKING:
    from ..plugins import RuleSets

__all__ = [
    "FORMAT_OPTION",
    "LANGUAGE_OPTION",
    "OUTPUT_OPTION",
    "OVERLAY_OPTION",
    "REPORT_LANGUAGE_OPTION",
    "RULES_OPTION",
    "STRICT_OPTION",
    "Group",
    "chosen_rule_set",
    "date_callback",
    "deliver",
    "echo",
    "emit",
    "progress",
    "row_count",
    "rule_set_options",
    "warn",
    "warn_unrecognised",
]


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


def within_coverage(calendar: Any, day: Any, option: str) -> None:
    """Refuse a date option outside the calendar's coverage, naming the option.

    Deep in a worklist the same refusal would name no option ("day 2035-01-01 is outside
    ..."), and the file would have been read for nothing.
    """
    try:
        calendar.is_working_day(day)
    except safeguarding_rules.CalendarRangeError as error:
        raise click.BadParameter(str(error), param_hint=f"'{option}'") from None


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    r"""Print ``text`` with its control characters shown as escapes: how every command prints.

    Rule files, records and plugins are other people's text: a title holding a
    clear-screen or set-title escape, or a bidirectional override, is shown as
    ``\x1b[2J`` or ``\u202e``, never passed to the terminal (:func:`~.reports.printable`).
    """
    click.echo(reports.printable(text), err=err, nl=nl)


def emit(output_format: str, data: Any, text: str) -> None:
    """Print ``data`` as indented JSON (through :func:`to_data`) or ``text``."""
    echo(json.dumps(reports.to_data(data), indent=2) if output_format == "json" else text)


def deliver(
    text: str | Iterable[bytes],
    output: str | None,
    *,
    inputs: Sequence[str | None] = (),
    for_people: bool,
) -> None:
    """Write ``text`` to the ``--output`` file (atomically, never over an input) or stdout.

    ``text`` may be a string, or UTF-8 pieces (a long JSON document, written as made).
    Text for people has control characters from the data escaped wherever it goes; any
    other format is escaped only when it is shown on a terminal.

    The inputs it will not write over are ``inputs`` and every file the running command
    was given (each of its arguments and options that names a file: records, attendance,
    mapping, adults, missing, rule files), so no command can forget one.
    """
    protected = [*inputs, *given_files()]
    if not isinstance(text, str):
        pieces = _ending_in_newline(text)
        if output and output != "-":
            reports.write_file(output, pieces, inputs=protected)
            echo(f"wrote {output}", err=True)
        elif sys.stdout.isatty():
            for piece in pieces:
                echo(piece.decode("utf-8"), nl=False)
        else:
            sys.stdout.flush()
            for piece in pieces:
                sys.stdout.buffer.write(piece)
            sys.stdout.buffer.flush()
        return
    if for_people:
        text = reports.printable(text)
    if output and output != "-":
        reports.write_file(output, text if text.endswith("\n") else text + "\n", inputs=protected)
        echo(f"wrote {output}", err=True)
        return
    if not for_people and sys.stdout.isatty():
        text = reports.printable(text)
    click.echo(text, nl=not text.endswith("\n"))


def given_files() -> list[str]:
    """Every file the running command was given, but its ``--output``: its path parameters.

    A parameter names a file when its type is :class:`click.Path`; repeated options (such
    as ``--rules``) give each of theirs. Outside a command, none.
    """
    context = click.get_current_context(silent=True)
    found: list[str] = []
    while context is not None:
        for parameter in context.command.params:
            if not isinstance(parameter.type, click.Path) or parameter.name == "output":
                continue
            value = context.params.get(parameter.name or "")
            values = value if isinstance(value, tuple | list) else (value,)
            found += [str(item) for item in values if item is not None]
        context = context.parent
    return found


#: ``--language en|cy`` for text and HTML (machine formats are never translated).
LANGUAGE_OPTION = click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of text and HTML output (cy: Welsh). JSON and CSV are not translated.",
)

#: ``report --language``: Welsh is the whole unit's report, as with ``--unit``.
REPORT_LANGUAGE_OPTION = click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help=(
        "Language of the report (cy: Welsh). Welsh writes the whole unit's report, as "
        "--unit does: text, HTML or JSON (its keys not translated), not CSV."
    ),
)


def _ending_in_newline(pieces: Iterable[bytes]) -> Iterator[bytes]:
    last = b""
    for piece in pieces:
        if piece:
            last = piece
            yield piece
    if not last.endswith(b"\n"):
        yield b"\n"


#: ``--format text|json``, text by default.
FORMAT_OPTION = click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text"
)


#: ``--output/-o FILE``: written atomically, never over an input; ``-`` is standard output.
OUTPUT_OPTION = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write to this file (atomically; never over an input file). '-': standard output.",
)


def warn(message: str) -> None:
    """Print ``message`` on standard error, with control characters from the data escaped."""
    echo(message, err=True)


def progress(message: str) -> None:
    """Say what a long run is doing, on a terminal only (never into redirected output)."""
    if sys.stderr.isatty():
        click.echo(f"... {message}", err=True)


def row_count(rows: int) -> None:
    """Show a running count of rows read, on one terminal line (nothing when redirected).

    The line ends in a carriage return, so the next message is written over it.
    """
    if sys.stderr.isatty():
        click.echo(f"... read {rows:,} rows\r", err=True, nl=False)


#: ``--rules FILE`` (repeatable): load TOML rule files besides the installed rule sets.
RULES_OPTION = click.option(
    "--rules",
    "rule_files",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="A TOML rule file of local rules to load (repeatable); its rule set is used unless "
    "--ruleset names another. See docs/rulefiles.md.",
)

#: ``--use-overlay/--no-overlay``: the one switch for a rule set's local closures.
OVERLAY_OPTION = click.option(
    "--use-overlay/--no-overlay",
    default=False,
    show_default=True,
    help="Count the rule set's local closures (its overlay) as non-working days. Off by "
    "default: national indicators count only weekends and bank holidays. Every output "
    "names the overlay used.",
)


def load_with_files(rule_files: Sequence[str]) -> RuleSets:
    """Load the installed rule sets and the given rule files.

    Warn about what in a file the conformance kit would refuse: a C1 or C2 rule, edition or
    quorum that quotes no evidence (``check_evidence``). The file still loads: its rules
    are the council's to state, and the warning says what the kit will ask for.
    """
    loaded = safeguarding_rules.load_rule_sets(rule_files=rule_files)
    for name in loaded:
        path = loaded.plugin_of(name)
        if path in rule_files:
            for problem in safeguarding_rules.evidence_problems(loaded[name]):
                warn(
                    f"{path}: warning: {problem}; the conformance kit (check_evidence) would "
                    "refuse it: quote the passage in an evidence table, or mark it UNCONFIRMED "
                    "with an unconfirmed_reason"
                )
    return loaded


def chosen_rule_set(
    loaded: RuleSets,
    rule_set_name: str | None,
    rule_files: Sequence[str],
    default: str | None,
    missing: str = "give --ruleset NAME, or --rules FILE",
) -> str:
    """Return the rule set a command uses: ``--ruleset``, else the last ``--rules`` file's.

    :raises click.UsageError: with ``missing`` when there is neither and no ``default``.
    """
    name = rule_set_name
    if name is None and rule_files:
        name = next(n for n in loaded if loaded.plugin_of(n) == rule_files[-1])
    name = name or default
    if name is None:
        raise click.UsageError(missing)
    return name


def rule_set_options(
    *, default: str | None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Add ``--ruleset`` and ``--rules`` to a command, which receives the chosen ``rule_set``.

    The rule set is the one ``--ruleset`` names; without it, the last ``--rules`` file's;
    without either, ``default`` (a usage error when there is none).
    """

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(command)
        def with_rule_set(
            *args: Any, rule_set_name: str | None, rule_files: Sequence[str], **kwargs: Any
        ) -> None:
            loaded = load_with_files(rule_files)
            name = chosen_rule_set(loaded, rule_set_name, rule_files, default)
            command(*args, rule_set=loaded[name], **kwargs)

        decorated = RULES_OPTION(with_rule_set)
        return click.option(
            "--ruleset",
            "-r",
            "rule_set_name",
            default=None,
            help="Rule set name (see 'safeguarding-rules rulesets')"
            + (f"; default: the --rules file's, else {default!r}." if default else "."),
        )(decorated)

    return decorate


#: ``--strict``: refuse agency names the vocabulary does not recognise.
STRICT_OPTION = click.option(
    "--strict",
    is_flag=True,
    help="Refuse agency names the vocabulary does not recognise (an error naming file, row "
    "and value) instead of counting each as its own agency.",
)


def warn_unrecognised(names: Sequence[str]) -> None:
    """Say on stderr which agency names were not recognised, and what was done with them."""
    if names:
        warn(
            f"{len(names)} agency name(s) not recognised: {', '.join(map(repr, names))}; each "
            "counted as its own agency (see the vocabulary; --strict refuses them)."
        )
