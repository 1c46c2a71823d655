"""The ``safeguarding-rules`` command.

Errors go to standard error with exit status 1 (2 for usage errors), never as a traceback.
Output contains only what the user asked for: dates, counts and rule metadata.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

import click

from ._calendar import LocalOverlay, NonWorkingDay, WorkingDayCalendar, calendar_for
from ._case import CaseEvents, Conference, StrategyDiscussion
from ._dates import parse_date
from ._deadlines import Deadline, compute_deadlines
from ._divisions import COVERAGE_END, COVERAGE_START, DIVISIONS, PROVISIONAL_FROM
from ._errors import SafeguardingRulesError
from ._input import ConferenceAttendance, InputErrors, read_attendance
from ._plugins import load_rule_sets
from ._quoracy import AgencyDecision
from ._records import ConferenceRecords, read_conference_records
from ._render import render_csv, render_html, render_json, render_text
from ._report import build_report
from ._reporting import Period
from ._rules import ConferenceType, Confidence, Counting, Rule, RuleSet, StartEvent
from ._worklist import due_actions, render_ics

__all__ = ["main"]


def _date_callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Parse a date option or argument given as ``YYYY-MM-DD`` or ``DD/MM/YYYY``."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(_date_callback(ctx, param, item) for item in value)
    try:
        return parse_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from None


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
            callback=_date_callback,
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


def _day_json(day: NonWorkingDay) -> dict[str, str]:
    return {"date": day.day.isoformat(), "reason": day.reason, "kind": day.kind}


def _emit(output_format: str, payload: dict[str, Any], text: str) -> None:
    if output_format == "json":
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(text)


class _Group(click.Group):
    """A group that turns the library's own errors into clean messages on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputErrors as error:
            raise click.ClickException(str(error)) from None
        except (SafeguardingRulesError, ValueError, TypeError) as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Group)
@click.version_option(package_name="safeguarding-rules")
def main() -> None:
    """UK child-protection procedures as tested, explainable code."""


@main.group(cls=_Group)
def calendar() -> None:
    """Working-day arithmetic for a UK division or Crown dependency."""


@calendar.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("start", metavar="START", callback=_date_callback)
@click.argument("n", type=int)
@_calendar_options
def calendar_add(start: dt.date, n: int, cal: WorkingDayCalendar, output_format: str) -> None:
    """Print the N-th working day after START (before it if N is negative).

    START is day 0 and is never counted. The non-working days skipped are listed.
    """
    counted = cal.count(start, n)
    payload = {
        "start": start.isoformat(),
        "n": n,
        "result": counted.result.isoformat(),
        "division": counted.division,
        "source": cal.source,
        "overlay": counted.overlay,
        "provisional": counted.provisional,
        "skipped": [_day_json(day) for day in counted.skipped],
        "explanation": counted.explain(),
    }
    _emit(output_format, payload, f"{counted.result.isoformat()}\n{counted.explain()}")


@calendar.command("between", context_settings={"ignore_unknown_options": True})
@click.argument("start", metavar="START", callback=_date_callback)
@click.argument("end", metavar="END", callback=_date_callback)
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
        "non_working_days": [_day_json(day) for day in skipped],
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
    _emit(output_format, payload, "\n".join(lines))


@calendar.command("divisions")
def calendar_divisions() -> None:
    """List the calendar divisions, their aliases and what their data is checked against."""
    click.echo(
        f"Coverage of every division: {COVERAGE_START.isoformat()} to {COVERAGE_END.isoformat()};"
        f" provisional from {PROVISIONAL_FROM.isoformat()}."
    )
    for division in DIVISIONS.values():
        click.echo(f"{division.name} ({division.code}): {division.title}")
        if division.aliases:
            click.echo(f"    aliases: {', '.join(division.aliases)}")
        click.echo(f"    checked against: {division.verified_against}")


def _rule_json(rule: Rule) -> dict[str, Any]:
    edition = rule.edition
    return {
        "rule": rule.id,
        "title": rule.title,
        "n": rule.n,
        "unit": rule.unit.value,
        "direction": rule.direction.value,
        "start_event": rule.start_event.value,
        "wording": rule.wording,
        "conference_types": sorted(t.value for t in rule.conference_types),
        "edition": edition.id,
        "edition_title": edition.title,
        "effective_from": edition.effective_from.isoformat(),
        "effective_to": edition.effective_to.isoformat() if edition.effective_to else None,
        "edition_dates_confidence": edition.dates_confidence.value,
        "source": rule.source,
        "confidence": rule.confidence.value,
        "counting": rule.counting.value if rule.counting else None,
        "notes": rule.notes,
    }


@main.command("rulesets")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def rulesets_command(output_format: str) -> None:
    """List the installed rule sets (built-in and from plugins) with their editions."""
    loaded = load_rule_sets()
    entries = [
        {
            "name": name,
            "title": rule_set.title,
            "division": rule_set.division,
            "extends": rule_set.extends,
            "plugin": loaded.plugin_of(name),
            "covers_from": rule_set.first_covered.isoformat(),
            "editions": [
                {
                    "id": e.id,
                    "title": e.title,
                    "effective_from": e.effective_from.isoformat(),
                    "effective_to": e.effective_to.isoformat() if e.effective_to else None,
                    "dates_confidence": e.dates_confidence.value,
                }
                for e in rule_set.editions
            ],
        }
        for name, rule_set in loaded.items()
    ]
    if output_format == "json":
        click.echo(json.dumps(entries, indent=2))
        return
    for entry, rule_set in zip(entries, loaded.values(), strict=True):
        extends = f", extends {entry['extends']}" if entry["extends"] else ""
        click.echo(f"{entry['name']}: {entry['title']}")
        click.echo(
            f"    calendar {entry['division']}{extends}; plugin {entry['plugin']}; "
            f"covers events from {entry['covers_from']}"
        )
        for edition in rule_set.editions:
            click.echo(f"    - {edition.id}: {edition.describe()}")


@main.command("rules")
@click.option("--ruleset", "-r", "rule_set_name", required=True, help="Rule set name.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def rules_command(rule_set_name: str, output_format: str) -> None:
    """Print a rule set's catalogue: every rule version with its edition and citation."""
    rule_set = load_rule_sets()[rule_set_name]
    ordered = [rule for rule_id in rule_set.rule_ids for rule in rule_set.versions(rule_id)]
    if output_format == "json":
        click.echo(json.dumps([_rule_json(rule) for rule in ordered], indent=2))
        return
    click.echo(f"{rule_set.title} [{rule_set.name}]")
    if rule_set.enquiry:
        click.echo(f"Enquiries: {rule_set.enquiry}")
    for rule in ordered:
        flag = "  [UNCONFIRMED]" if rule.confidence is Confidence.UNCONFIRMED else ""
        click.echo(f"\n{rule.id} ({rule.edition.id}): {rule.title}{flag}")
        click.echo(f"    {rule.wording}")
        click.echo(f"    edition: {rule.edition.describe()}")
        click.echo(f"    source: {rule.source} [{rule.confidence.value}]")
        if rule.notes:
            click.echo(f"    note: {rule.notes}")


_EVENT_OPTIONS: tuple[tuple[str, str], ...] = (
    ("referral", "Receipt of the referral."),
    ("enquiry-start", "Start of the statutory enquiries (s47, s35, s46)."),
    ("core-assessment-start", "Start of a core assessment."),
    ("concern-notified", "Notification of a child protection concern (Scotland)."),
    ("transfer-notified", "Notification of a transfer-in."),
    ("initial-conference", "Date of the initial conference, once held."),
    ("previous-review", "Date of the most recent review conference."),
    ("previous-core-group", "Date of the most recent core group meeting."),
    ("became-looked-after", "Day the child became looked after."),
    ("first-lac-review", "Date of the first looked-after review."),
    ("previous-lac-review", "Date of the most recent later looked-after review."),
    ("application-issued", "Issue of a care or supervision application."),
)


def _event_options(command: Callable[..., None]) -> Callable[..., None]:
    for flag, help_text in reversed(_EVENT_OPTIONS):
        command = click.option(
            f"--{flag}", metavar="DATE", callback=_date_callback, help=help_text
        )(command)
    return command


@main.command("deadlines")
@click.option("--ruleset", "-r", "rule_set_name", required=True, help="Rule set name.")
@click.option(
    "--strategy-discussion",
    "strategy_discussions",
    multiple=True,
    metavar="DATE",
    callback=_date_callback,
    help="A strategy discussion (repeatable).",
)
@click.option(
    "--initiating",
    metavar="DATE",
    callback=_date_callback,
    help="Which strategy discussion initiated the enquiries (needed if several were held).",
)
@click.option("--conference", metavar="DATE", callback=_date_callback, help="A conference date.")
@click.option(
    "--conference-type",
    type=click.Choice([t.value for t in ConferenceType]),
    default="initial",
    show_default=True,
    help="Type of the --conference.",
)
@_event_options
@click.option(
    "--counting",
    type=click.Choice([c.value for c in Counting]),
    default=Counting.EVENT_DAY_IS_DAY_0.value,
    show_default=True,
    help="day0: the event day is not counted. day1: it counts as the first day.",
)
@click.option("--use-overlay", is_flag=True, help="Apply the rule set's local closures.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def deadlines_command(
    rule_set_name: str,
    strategy_discussions: tuple[dt.date, ...],
    initiating: dt.date | None,
    conference: dt.date | None,
    conference_type: str,
    counting: str,
    use_overlay: bool,
    output_format: str,
    **event_dates: dt.date | None,
) -> None:
    """Print every deadline that follows from the events given, soonest first.

    An initial --conference also counts as the initial conference (first review, core
    group); a review --conference also counts as the previous review.
    """
    rule_set = load_rule_sets()[rule_set_name]
    discussions = {day: StrategyDiscussion(date=day) for day in strategy_discussions}
    if initiating is not None:
        discussions[initiating] = StrategyDiscussion(date=initiating, initiated_enquiry=True)
    known = {name: value for name, value in event_dates.items() if value is not None}
    held = None
    if conference is not None:
        held = Conference(type=ConferenceType(conference_type), date=conference)
        if held.type is ConferenceType.INITIAL:
            known.setdefault("initial_conference", conference)
        elif held.type is ConferenceType.REVIEW:
            known.setdefault("previous_review", conference)
    events = CaseEvents(strategy_discussions=discussions.values(), conference=held, **known)
    found = compute_deadlines(
        rule_set, events, counting=Counting(counting), use_overlay=use_overlay
    )
    if output_format == "json":
        click.echo(json.dumps([_deadline_json(d) for d in found], indent=2))
        return
    if not found:
        click.echo("No deadlines follow from the events given.")
    for deadline in found:
        click.echo(deadline.explain())
        click.echo("")


def _deadline_json(deadline: Deadline) -> dict[str, Any]:
    rule = deadline.rule
    return {
        **_rule_json(rule),
        "due": deadline.due.isoformat(),
        "rule_set": deadline.rule_set,
        "start": deadline.start.isoformat(),
        "anchor": deadline.anchor.isoformat(),
        "counting": deadline.counting.value,
        "division": deadline.division,
        "overlay": deadline.overlay,
        "skipped": [_day_json(day) for day in deadline.skipped],
        "due_is_working_day": deadline.due_is_working_day,
        "provisional": deadline.provisional,
        "unconfirmed": deadline.unconfirmed,
        "edition_uncertain": deadline.edition_uncertain,
        "explanation": deadline.explain(),
    }


def _decision_json(decision: AgencyDecision) -> dict[str, Any]:
    return {
        "agency": decision.attendance.agency,
        "grouping": decision.grouping,
        "mode": decision.attendance.mode.value,
        "reason": decision.reason,
    }


@main.command("quoracy")
@click.argument("attendance_file", metavar="ATTENDANCE.csv", type=click.Path(dir_okay=False))
@click.option("--ruleset", "-r", "rule_set_name", required=True, help="Rule set name.")
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Carry on past bad rows (their conferences are skipped and counted in the output).",
)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def quoracy_command(
    attendance_file: str, rule_set_name: str, skip_invalid: bool, output_format: str
) -> None:
    """Decide, for each conference in an attendance file, whether it was quorate.

    One row per attendee per conference, with columns conference_id, agency, mode
    (in_person, remote, report_only, apologies, absent) and direct_contact (yes/no); optional
    active_interest, conference_type, conference_date, fii and chair_reason.
    """
    rule_set = load_rule_sets()[rule_set_name]
    conferences, problems = read_attendance(attendance_file, skip_invalid=skip_invalid)
    results = [
        rule_set.evaluate_quorum(
            conference.attendances,
            conference_id=conference.conference_id,
            conference_type=conference.conference_type,
            conference_date=conference.conference_date,
            fii=conference.fii,
            chair_reason=conference.chair_reason,
        )
        for conference in conferences
    ]
    if problems:
        click.echo(
            f"Skipped {len(problems)} problem(s); their conferences are not evaluated:", err=True
        )
        for problem in problems:
            click.echo(f"  {problem}", err=True)
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "conference_id": result.conference_id,
                        "quorate": result.quorate,
                        "counted": [_decision_json(d) for d in result.counted],
                        "not_counted": [_decision_json(d) for d in result.not_counted],
                        "groupings": list(result.groupings),
                        "shortfalls": list(result.shortfalls),
                        "chair_may_proceed": result.chair_may_proceed,
                        "proceeded_inquorate": result.proceeded_inquorate,
                        "chair_reason": result.chair_reason,
                        "reconvene_due": (
                            result.reconvene_due.isoformat() if result.reconvene_due else None
                        ),
                        "rule": result.rule.title,
                        "rule_set": result.rule_set,
                        "source": result.rule.source,
                        "confidence": result.rule.confidence.value,
                    }
                    for result in results
                ],
                indent=2,
            )
        )
        return
    quorate = sum(result.quorate for result in results)
    click.echo(f"{quorate} of {len(results)} conference(s) quorate under {rule_set.name!r}.\n")
    for result in results:
        click.echo(result.explain())
        click.echo("")


def _progress(message: str) -> None:
    """Say what a long run is doing, on a terminal only (never into redirected output)."""
    if sys.stderr.isatty():
        click.echo(f"... {message}", err=True)


def _load_records(
    records_file: str | None, rule_set: RuleSet, skip_invalid: bool
) -> tuple[ConferenceRecords, str]:
    action_rules = [
        rule_id
        for rule_id in rule_set.rule_ids
        if rule_set.versions(rule_id)[-1].start_event is StartEvent.CONFERENCE
    ]
    calendar = calendar_for(rule_set.division)
    if records_file is None:
        sample = resources.files("safeguarding_rules") / "data" / "sample_conferences.csv"
        with resources.as_file(sample) as path:
            records = read_conference_records(path, calendar, action_rules=action_rules)
        return records, "synthetic sample year (fictional council, no real personal data)"
    _progress(f"reading {records_file}")
    records = read_conference_records(
        records_file, calendar, action_rules=action_rules, skip_invalid=skip_invalid
    )
    if records.problems:
        click.echo(
            f"Skipped {records.skipped_rows} row(s) with {len(records.problems)} problem(s):",
            err=True,
        )
        for problem in records.problems:
            click.echo(f"  {problem}", err=True)
    return records, records_file


@main.command("report")
@click.argument("records_file", metavar="[FILE]", required=False, type=click.Path(dir_okay=False))
@click.option("--ruleset", "-r", "rule_set_name", default="england", show_default=True)
@click.option("--attendance", type=click.Path(dir_okay=False), help="Attendance file (quoracy).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv", "html"]),
    default="text",
    show_default=True,
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
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
def report_command(
    records_file: str | None,
    rule_set_name: str,
    attendance: str | None,
    output_format: str,
    output: str | None,
    period: str | None,
    calendar_years: bool,
    counting: str,
    skip_invalid: bool,
) -> None:
    """Compliance and performance indicators from conference records.

    FILE has one row per child per conference (CSV or .jsonl); see docs/report.md. With no
    FILE, runs on a synthetic sample year shipped with the package, with its attendance.
    """
    rule_set = load_rule_sets()[rule_set_name]
    records, source_name = _load_records(records_file, rule_set, skip_invalid)
    conferences: list[ConferenceAttendance] = []
    if attendance is not None:
        _progress(f"reading {attendance}")
        conferences, problems = read_attendance(attendance, skip_invalid=skip_invalid)
        for problem in problems:
            click.echo(f"  skipped: {problem}", err=True)
    elif records_file is None:
        sample = resources.files("safeguarding_rules") / "data" / "sample_attendance.csv"
        with resources.as_file(sample) as path:
            conferences, _ = read_attendance(path)
    _progress(f"computing indicators over {len(records):,} rows")
    report = build_report(
        records,
        rule_set,
        attendance=conferences,
        period=Period(period) if period else None,
        year_start_month=1 if calendar_years else None,
        counting=Counting(counting),
        source_name=source_name,
    )
    renderers = {
        "text": render_text,
        "json": render_json,
        "csv": render_csv,
        "html": render_html,
    }
    _progress(f"writing {output_format}")
    text = renderers[output_format](report)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text)


@main.command("due")
@click.argument("records_file", metavar="FILE", type=click.Path(dir_okay=False))
@click.option("--as-of", "as_of", required=True, metavar="DATE", callback=_date_callback)
@click.option("--within", type=int, default=28, show_default=True, help="Days ahead to list.")
@click.option("--ruleset", "-r", "rule_set_name", default="england", show_default=True)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "ics"]), default="text"
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
def due_command(
    records_file: str,
    as_of: dt.date,
    within: int,
    rule_set_name: str,
    output_format: str,
    output: str | None,
) -> None:
    """List actions due or overdue as of a date, soonest first.

    Initial conferences not yet held, report deadlines, next reviews and first core groups.
    """
    rule_set = load_rule_sets()[rule_set_name]
    records, _ = _load_records(records_file, rule_set, skip_invalid=False)
    actions = due_actions(records, rule_set, as_of=as_of, within=within)
    if output_format == "ics":
        text = render_ics(actions, as_of=as_of)
    elif output_format == "json":
        text = json.dumps(
            [
                {
                    **_deadline_json(action.deadline),
                    "conference_id": action.conference_id,
                    "children": list(action.children),
                    "overdue": action.overdue,
                }
                for action in actions
            ],
            indent=2,
        )
    else:
        lines = [f"{len(actions)} action(s) due by {as_of + dt.timedelta(days=within)} "
                 f"(as of {as_of.isoformat()}), rule set {rule_set.name!r}:"]  # fmt: skip
        for action in actions:
            flag = "OVERDUE " if action.overdue else ""
            unconfirmed = " [UNCONFIRMED]" if action.deadline.unconfirmed else ""
            lines.append(f"  {action.deadline.due.isoformat()} {flag}{action.summary}{unconfirmed}")
        text = "\n".join(lines)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=output_format != "ics")
