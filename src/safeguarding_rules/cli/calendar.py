"""``safeguarding-rules calendar``: working-day arithmetic from the command line."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

import click

from .. import reports
from .._dates import parse_date
from ..calendar import (
    COVERAGE_END,
    COVERAGE_START,
    DIVISIONS,
    PROVISIONAL_FROM,
    LocalOverlay,
    WorkingDayCalendar,
    calendar_for,
)
from ..reports.i18n import translator
from ._common import LANGUAGE_OPTION, Group, date_callback, echo, emit

__all__ = ["calendar"]


def _calendar_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add the calendar options to ``command``, which receives the built calendar as ``cal``."""

    @functools.wraps(command)
    def with_calendar(
        *args: Any,
        division: str,
        closures: Sequence[str],
        extra_working_days: Sequence[dt.date],
        source: str,
        **kwargs: Any,
    ) -> None:
        cal = _make_calendar(division, closures, extra_working_days, source)
        command(*args, cal=cal, **kwargs)

    options = [
        click.option(
            "--division",
            "-d",
            default="england-and-wales",
            show_default=True,
            help="Calendar division: " + ", ".join(DIVISIONS) + " (or an alias such as 'wales').",
        ),
        click.option(
            "--closure",
            "closures",
            multiple=True,
            metavar="DATE[=REASON]",
            help="A local closure day (repeatable). Off unless given; named in the output.",
        ),
        click.option(
            "--extra-working-day",
            "extra_working_days",
            multiple=True,
            metavar="DATE",
            callback=date_callback,
            help="A day that counts as a working day whatever else it is (repeatable).",
        ),
        click.option(
            "--source",
            type=click.Choice(["holidays", "workalendar"]),
            default="holidays",
            show_default=True,
            help="Where bank holidays come from. workalendar misses 2023-05-08.",
        ),
        click.option(
            "--format",
            "output_format",
            type=click.Choice(["text", "json"]),
            default="text",
            show_default=True,
        ),
    ]
    decorated: Callable[..., None] = with_calendar
    for option in reversed(options):
        decorated = option(decorated)
    return decorated


def _make_calendar(
    division: str,
    closures: Sequence[str],
    extra_working_days: Sequence[dt.date],
    source: str,
) -> WorkingDayCalendar:
    overlay = None
    if closures or extra_working_days:
        parsed: dict[dt.date, str] = {}
        for item in closures:
            text, _, reason = item.partition("=")
            try:
                day = parse_date(text)
            except ValueError as error:
                raise click.BadParameter(str(error), param_hint="'--closure'") from None
            parsed[day] = reason.strip() or "local closure"
        overlay = LocalOverlay(
            name="command-line overlay", closures=parsed, working_days=extra_working_days
        )
    return calendar_for(division, overlay=overlay, source=source)


@click.group(cls=Group)
def calendar() -> None:
    """Working-day arithmetic for a UK division or Crown dependency."""


@calendar.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("start", metavar="START", callback=date_callback)
@click.argument("n", type=int)
@_calendar_options
@LANGUAGE_OPTION
def calendar_add(
    start: dt.date, n: int, cal: WorkingDayCalendar, output_format: str, language: str
) -> None:
    """Print the N-th working day after START (before it if N is negative).

    START is day 0 and is never counted. The non-working days skipped are listed (in Welsh
    with --language cy; JSON is never translated).
    """
    counted = cal.count(start, n)
    data = {**reports.to_data(counted), "source": cal.source}
    explained = translator(language).explain(counted.explanation())
    emit(output_format, data, f"{counted.result.isoformat()}\n{explained}")


@calendar.command("between", context_settings={"ignore_unknown_options": True})
@click.argument("start", metavar="START", callback=date_callback)
@click.argument("end", metavar="END", callback=date_callback)
@_calendar_options
def calendar_between(
    start: dt.date, end: dt.date, cal: WorkingDayCalendar, output_format: str
) -> None:
    """Count the working days after START up to and including END.

    Negative when END is before START.
    """
    count = cal.working_days_between(start, end)
    low, high = sorted((start, end))
    skipped = cal.non_working_days(low, high)
    overlay = cal.overlay.name if cal.overlay else None
    provisional = high >= PROVISIONAL_FROM
    payload = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "working_days": count,
        "division": cal.division.name,
        "source": cal.source,
        "overlay": overlay,
        "provisional": provisional,
        "non_working_days": list(skipped),
    }
    lines = [
        str(count),
        f"Working days d with {start.isoformat()} < d <= {end.isoformat()} in the "
        f"{cal.division.name} calendar"
        + (f" with the local overlay {overlay!r}." if overlay else ".")
        if start <= end
        else f"Negative: {end.isoformat()} is before {start.isoformat()}; "
        f"{-count} working day(s) d with {end.isoformat()} < d <= {start.isoformat()}.",
        f"{len(skipped)} non-working day(s) in that interval:",
        *(f"  {day}" for day in skipped),
    ]
    if provisional:
        lines.append(f"PROVISIONAL: reaches {PROVISIONAL_FROM.isoformat()} or later.")
    emit(output_format, payload, "\n".join(lines))


@calendar.command("divisions")
def calendar_divisions() -> None:
    """List the calendar divisions, their aliases and what their data is checked against."""
    echo(
        f"Coverage of every division: {COVERAGE_START.isoformat()} to {COVERAGE_END.isoformat()};"
        f" provisional from {PROVISIONAL_FROM.isoformat()}."
    )
    for division in DIVISIONS.values():
        echo(f"{division.name} ({division.code}): {division.title}")
        if division.aliases:
            echo(f"    aliases: {', '.join(division.aliases)}")
        echo(f"    checked against: {division.verified_against}")
