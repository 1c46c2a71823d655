"""The whole unit's report and worklist: the options ``report`` and ``due`` share for it.

``--adults FILE`` and ``--missing FILE`` add adult-enquiry and missing-episode records;
``--unit`` asks for the whole unit's report (with no FILE: the shipped synthetic unit
year); ``--language cy`` writes text and HTML in Welsh (and implies ``--unit`` for
``report``). The work is done in :mod:`safeguarding_rules.reports.unit`; this module only
reads files and prints, loading the unit's readers and renderers only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import records as readers
from .. import reports
from ..calendar import calendar_for
from ..reports.i18n import translator
from ..rules import RuleSet

if TYPE_CHECKING:
    from ..records import AdultEnquiryRecords, ConferenceRecords, MissingEpisodeRecords
    from ..reports import ComplianceReport
from ._common import LANGUAGE_OPTION, date_callback, echo

__all__ = ["LANGUAGE_OPTION", "UnitInputs", "load_unit_inputs", "render_unit", "unit_options"]

F = TypeVar("F", bound=Callable[..., Any])


def unit_options(command: F, *, as_of: bool = True) -> F:
    """Add ``--adults``, ``--missing`` and (unless ``as_of=False``) ``--as-of``."""
    options = [
        click.option(
            "--adults",
            "adults_file",
            type=click.Path(dir_okay=False),
            help="Adult-at-risk enquiry records (one row per enquiry).",
        ),
        click.option(
            "--missing",
            "missing_file",
            type=click.Path(dir_okay=False),
            help="Missing-episode records (one row per episode; return interviews).",
        ),
    ]
    if as_of:
        options.append(
            click.option(
                "--as-of",
                "as_of",
                metavar="DATE",
                callback=date_callback,
                help="The day to measure open items against (default: the latest date in "
                "the records).",
            )
        )
    for option in reversed(options):
        command = option(command)
    return command


@contextmanager
def _sample(name: str) -> Iterator[Path]:
    with resources.as_file(resources.files("safeguarding_rules") / "data" / name) as path:
        yield path


class UnitInputs:
    """The adult and missing records read for one run."""

    def __init__(
        self, adults: AdultEnquiryRecords | None, missing: MissingEpisodeRecords | None
    ) -> None:
        self.adults = adults
        self.missing = missing


def load_unit_inputs(
    rule_set: RuleSet,
    adults_file: str | None,
    missing_file: str | None,
    *,
    samples: bool,
    skip_invalid: bool,
    language: str,
) -> UnitInputs:
    """Read the files given (or, with ``samples``, the shipped sample unit year)."""
    calendar = calendar_for(rule_set.division)
    t = translator(language)
    adults = missing = None
    if adults_file or samples:
        with _sample("sample_adult_enquiries.csv") as path:
            adults = readers.read_adult_enquiries(
                adults_file or path, calendar, skip_invalid=skip_invalid
            )
    if missing_file or samples:
        with _sample("sample_missing_episodes.csv") as path:
            missing = readers.read_missing_episodes(
                missing_file or path, calendar, skip_invalid=skip_invalid
            )
    for records in (adults, missing):
        if records is not None and records.problems:
            echo(
                t.gettext("Skipped {rows} row(s) of {file} with {n} problem(s):").format(
                    rows=records.skipped_rows, file=records.file, n=len(records.problems)
                ),
                err=True,
            )
            for problem in records.problems:
                echo(f"  {problem}", err=True)
    return UnitInputs(adults, missing)


def _latest(conferences: ConferenceRecords | None, inputs: UnitInputs) -> dt.date | None:
    days: list[dt.date] = []
    if conferences is not None and len(conferences):
        for column in (conferences.conference_date, conferences.strategy_discussion_date):
            present = column[~(column != column)]  # NaT is not equal to itself
            if present.size:
                days.append(present.max().astype(dt.date))
    for enquiry in inputs.adults.enquiries if inputs.adults else ():
        days += [d for d in (enquiry.report_received, enquiry.enquiry_concluded) if d]
    for episode in inputs.missing.episodes if inputs.missing else ():
        days.append(episode.interview.date if episode.interview else episode.returned.date)
    return max(days, default=None)


def render_unit(
    rule_set: RuleSet,
    children: ComplianceReport | None,
    conferences: ConferenceRecords | None,
    inputs: UnitInputs,
    *,
    as_of: dt.date | None,
    output_format: str,
    language: str,
) -> str:
    """Build the unit report and render it (``text``, ``html`` or ``json``)."""
    day = as_of or _latest(conferences, inputs)
    if day is None:
        raise click.ClickException(translator(language).gettext("No records to report on."))
    report = reports.build_unit_report(
        rule_set, as_of=day, children=children, adults=inputs.adults, missing=inputs.missing
    )
    if output_format == "html":
        return reports.render_unit_html(report, language=language)
    if output_format == "text":
        return reports.render_unit_text(report, language=language)
    if output_format == "json":
        return b"".join(reports.json_chunks(report)).decode("utf-8")
    raise click.UsageError(
        translator(language)
        .gettext("The whole unit's report is written as text, html or json, not {format}.")
        .format(format=output_format)
    )
