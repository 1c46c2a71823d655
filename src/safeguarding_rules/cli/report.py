"""``report`` and ``due``: indicators and the worklist from a council's records."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import attrs
import click

from .. import records as readers
from .. import reports
from ..reports.overlay import calendar_summary, describe_calendar
from ..rules import Counting, Period, RuleSet
from ._common import (
    OUTPUT_OPTION,
    OVERLAY_OPTION,
    REPORT_LANGUAGE_OPTION,
    STRICT_OPTION,
    date_callback,
    deliver,
    progress,
    row_count,
    rule_set_options,
    warn,
    warn_unrecognised,
    within_coverage,
)
from .unit import LANGUAGE_OPTION, load_unit_inputs, render_unit, unit_options

__all__ = ["due_command", "report_command"]

#: How reports name the sample year shipped with the package.
SAMPLE_NAME = "synthetic sample year (fictional council, no real personal data)"


def _load_records(
    records_file: str | None,
    rule_set: RuleSet,
    skip_invalid: bool,
    input_format: str | None = None,
    mapping_file: str | None = None,
    db_schema: str | None = None,
    password_env: str | None = None,
) -> readers.LoadedRecords:
    if records_file is None:
        sample = resources.files("safeguarding_rules") / "data" / "sample_conferences.csv"
        with resources.as_file(sample) as path:
            loaded = readers.read_records(path, rule_set)
        return attrs.evolve(loaded, records=attrs.evolve(loaded.records, file=SAMPLE_NAME))
    progress(f"reading {readers.shown(records_file)}")  # a database's password never shown
    loaded = readers.read_records(
        records_file,
        rule_set,
        input_format=readers.InputFormat(input_format) if input_format else None,
        mapping=readers.read_mapping(mapping_file) if mapping_file else None,
        skip_invalid=skip_invalid,
        progress=row_count,
        db_schema=db_schema,
        password_env=password_env,
    )
    records = loaded.records
    progress(f"read {len(records) + records.skipped_rows:,} rows")
    if records.problems:
        warn(f"Skipped {records.skipped_rows} row(s) with {len(records.problems)} problem(s):")
        for problem in records.problems:
            warn(f"  {problem}")
    return loaded


#: ``--input-format`` and ``--mapping``, shared by ``report`` and ``due``.
_INPUT_OPTIONS = (
    click.option(
        "--input-format",
        type=click.Choice([f.value for f in readers.InputFormat]),
        help="What FILE is (default: recognised from its content): our CSV or JSON lines, a "
        "DfE CIN census (XML), an Ofsted Annex A workbook, an export read through --mapping, "
        "or the Standard Safeguarding Dataset (a database URL or a folder of ssd_*.csv).",
    ),
    click.option(
        "--mapping",
        "mapping_file",
        type=click.Path(dir_okay=False),
        help="TOML file mapping our fields to a council export's headings (docs/formats).",
    ),
    click.option(
        "--db-schema",
        metavar="NAME",
        help="The database schema holding the Standard Safeguarding Dataset's tables (FILE a "
        "database URL; default: the database's own).",
    ),
    click.option(
        "--password-env",
        metavar="VARIABLE",
        help="The environment variable holding the database's password (never shown). "
        "PostgreSQL also reads PGPASSWORD and ~/.pgpass itself.",
    ),
)


def _input_options(command: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_INPUT_OPTIONS):
        command = option(command)
    return command


@click.command("report")
@click.argument(
    "records_file",
    metavar="[FILE]",
    required=False,
    type=click.Path(allow_dash=True),
)
@rule_set_options(default="england")
@click.option(
    "--attendance",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Attendance file (quoracy).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv", "html"]),
    default="text",
    show_default=True,
)
@OUTPUT_OPTION
@click.option(
    "--period",
    type=click.Choice([p.value for p in Period]),
    help="Reporting period (default: the rule set's, else quarters).",
)
@click.option(
    "--calendar-years", is_flag=True, help="Periods of calendar years instead of April-March."
)
@click.option(
    "--counting", type=click.Choice([c.value for c in Counting]), default="day0", show_default=True
)
@click.option("--skip-invalid", is_flag=True, help="Carry on past bad rows, reporting them.")
@OVERLAY_OPTION
@STRICT_OPTION
@_input_options
@click.option(
    "--unit",
    is_flag=True,
    help="The whole unit's report: children, adult enquiries and return interviews.",
)
@unit_options
@REPORT_LANGUAGE_OPTION
def report_command(
    records_file: str | None,
    rule_set: RuleSet,
    attendance: str | None,
    output_format: str,
    output: str | None,
    period: str | None,
    calendar_years: bool,
    counting: str,
    skip_invalid: bool,
    use_overlay: bool,
    strict: bool,
    input_format: str | None,
    mapping_file: str | None,
    db_schema: str | None,
    password_env: str | None,
    unit: bool,
    adults_file: str | None,
    missing_file: str | None,
    as_of: dt.date | None,
    language: str,
) -> None:
    """Compliance and performance indicators from conference records.

    FILE has one row per child per conference (CSV or .jsonl; see docs/report.md), or is a
    DfE CIN census return, an Ofsted Annex A workbook, or a council export read through
    --mapping (docs/formats). With no FILE, runs on a synthetic sample year shipped with
    the package, with its attendance. With --unit, --adults, --missing or --language cy: the
    whole unit's report (with no FILE, the sample unit year: children, adult enquiries and
    missing episodes).
    """
    if as_of is not None:
        within_coverage(rule_set.calendar(use_overlay=use_overlay), as_of, "--as-of")
    loaded = _load_records(
        records_file, rule_set, skip_invalid, input_format, mapping_file, db_schema, password_env
    )
    records = loaded.records
    conferences: list[readers.ConferenceAttendance] = []
    if attendance is not None:
        if attendance == records_file == readers.STDIN:
            raise click.BadParameter("only one input can be standard input ('-')")
        progress(f"reading {attendance}")
        conferences, problems = readers.read_attendance(
            attendance, skip_invalid=skip_invalid, vocabulary=rule_set.vocabulary, strict=strict
        )
        decided, undecided = reports.evaluate_attendance(
            rule_set, conferences, file=attendance, use_overlay=use_overlay
        )
        conferences = [conference for conference, _ in decided]
        # No FILE: the sample records are not the attendance file's conferences.
        disagree: list[readers.InputProblem] = []
        if records_file is not None:
            disagree = reports.not_as_recorded(loaded, conferences, file=attendance)
        if (undecided or disagree) and not skip_invalid:
            raise readers.InputErrors([*undecided, *disagree])
        for problem in [*problems, *undecided, *disagree]:
            warn(f"  skipped: {problem}")
    elif records_file is None:
        sample = resources.files("safeguarding_rules") / "data" / "sample_attendance.csv"
        with resources.as_file(sample) as path:
            conferences, _ = readers.read_attendance(path, vocabulary=rule_set.vocabulary)
    progress(f"computing indicators over {len(records):,} rows")
    report = reports.build_report(
        loaded,
        rule_set,
        attendance=conferences,
        match_attendance=records_file is not None or attendance is None,
        period=Period(period) if period else None,
        year_start_month=1 if calendar_years else None,
        counting=Counting(counting),
        use_overlay=use_overlay,
    )
    quoracy = report.indicators.get("quoracy")
    if quoracy is not None:
        warn_unrecognised(quoracy.unrecognised_agencies)
        if quoracy.not_in_records:
            warn(
                f"{len(quoracy.not_in_records)} conference(s) of the attendance file not in the "
                f"records: {', '.join(map(repr, quoracy.not_in_records))}; each counted for "
                "quoracy from the attendance file alone."
            )
    if unit or adults_file or missing_file or language != "en":
        inputs = load_unit_inputs(
            rule_set,
            adults_file,
            missing_file,
            samples=records_file is None and not (adults_file or missing_file),
            skip_invalid=skip_invalid,
            language=language,
        )
        deliver(
            render_unit(rule_set, report, records, inputs, as_of=as_of,
                        output_format=output_format, language=language),
            output,
            inputs=[records_file, attendance, mapping_file, adults_file, missing_file],
            for_people=output_format == "text",
        )  # fmt: skip
        return
    renderers: dict[str, Callable[[reports.ComplianceReport], str | Iterator[bytes]]] = {
        "text": reports.render_text,
        "json": reports.json_chunks,
        "csv": reports.render_csv_chunks,
        "html": reports.render_html,
    }
    progress(f"writing {output_format}")
    deliver(
        renderers[output_format](report),
        output,
        inputs=[records_file, attendance, mapping_file, adults_file, missing_file],
        for_people=output_format == "text",
    )


def _say_undated(worklist: reports.Worklist[Any], output_format: str) -> None:
    """Name, on stderr, the actions the worklist cannot date (an iCalendar file has none)."""
    where = " (not in the iCalendar file: an event needs a date)" if output_format == "ics" else ""
    if worklist.not_computable:
        warn(f"{len(worklist.not_computable)} action(s) have no computable due date{where}:")
        for item in worklist.not_computable:
            warn(f"  {item.summary}")
    if worklist.not_assessed:
        warn(f"{len(worklist.not_assessed)} action(s) not assessed{where}:")
        for assessed in worklist.not_assessed:
            warn(f"  {assessed.summary}")


@click.command("due")
@click.argument("records_file", metavar="FILE", type=click.Path(allow_dash=True))
@click.option("--as-of", "as_of", required=True, metavar="DATE", callback=date_callback)
@click.option(
    "--within",
    type=click.IntRange(min=0),
    default=28,
    show_default=True,
    help="Calendar days ahead to list.",
)
@rule_set_options(default="england")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "ics"]), default="text"
)
@OUTPUT_OPTION
@OVERLAY_OPTION
@_input_options
@functools.partial(unit_options, as_of=False)
@LANGUAGE_OPTION
def due_command(
    records_file: str,
    as_of: dt.date,
    within: int,
    rule_set: RuleSet,
    output_format: str,
    output: str | None,
    use_overlay: bool,
    input_format: str | None,
    mapping_file: str | None,
    db_schema: str | None,
    password_env: str | None,
    adults_file: str | None,
    missing_file: str | None,
    language: str,
) -> None:
    """List actions due or overdue as of a date, soonest first.

    Initial conferences not yet held, report deadlines, next reviews and first core groups;
    with --adults and --missing, adult enquiries, strategy meetings and plan reviews, and
    return interviews too. FILE may be any input ``report`` reads.
    """
    within_coverage(rule_set.calendar(use_overlay=use_overlay), as_of, "--as-of")
    loaded = _load_records(
        records_file, rule_set, skip_invalid=False, input_format=input_format,
        mapping_file=mapping_file, db_schema=db_schema, password_env=password_env,
    )  # fmt: skip
    worklist = reports.due_actions(
        loaded.records, rule_set, as_of=as_of, within=within, use_overlay=use_overlay
    )
    actions: list[reports.DueAction | reports.CaseDueAction] = list(worklist)
    if adults_file or missing_file:
        inputs = load_unit_inputs(
            rule_set, adults_file, missing_file, samples=False, skip_invalid=False,
            language=language,
        )  # fmt: skip
        actions += reports.case_due_actions(
            rule_set, as_of=as_of, adults=inputs.adults, missing=inputs.missing, within=within
        )
        actions.sort(key=lambda a: a.deadline.due)
    every = reports.Worklist(actions, worklist.not_computable, worklist.not_assessed)
    if output_format == "text" and (language != "en" or adults_file or missing_file):
        horizon = reports.due_horizon(as_of, within) or dt.date.max
        calendar = calendar_summary(
            rule_set, rule_set.calendar(use_overlay=use_overlay), as_of, horizon
        )
        text = reports.render_worklist_text(
            every, rule_set=rule_set.name, as_of=as_of, horizon=horizon, language=language
        )
        text += "\n" + describe_calendar(calendar, language=language)
    elif output_format == "ics":
        text = reports.render_ics(actions, as_of=as_of, language=language)
    elif output_format == "json":
        text = json.dumps(reports.to_data(every), indent=2)
    else:
        limit = reports.due_horizon(as_of, within)
        calendar = calendar_summary(
            rule_set, rule_set.calendar(use_overlay=use_overlay), as_of, limit or dt.date.max
        )
        by = f"by {limit.isoformat()}" if limit else "at any date"
        note, undated = reports.undated_text(every)
        lines = [f"{len(actions)} action(s) due {by} "
                 f"(as of {as_of.isoformat()}), rule set {rule_set.name!r}"
                 f"{f'; {note}' if note else ''}.",
                 describe_calendar(calendar)]  # fmt: skip
        for action in actions:
            flag = "OVERDUE " if action.overdue else ""
            marks = reports.worklist_marks(action.deadline)
            lines.append(f"  {action.deadline.due.isoformat()} {flag}{action.summary}{marks}")
        text = "\n".join(lines + undated)
    if output_format != "text":
        _say_undated(every, output_format)
    sources = [records_file, mapping_file, adults_file, missing_file]
    deliver(text, output, inputs=sources, for_people=output_format == "text")
