"""``rulesets``, ``rules`` and ``deadlines``: what the rule sets say, and what follows."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import click

from .. import reports
from ..reports.i18n import N_, translator
from ..rules import (
    CaseEvents,
    Conference,
    ConferenceType,
    Confidence,
    Counting,
    Evidence,
    RuleSet,
    StrategyDiscussion,
    compute_deadlines,
    unconfirmed_items,
)
from ._common import (
    FORMAT_OPTION,
    LANGUAGE_OPTION,
    OVERLAY_OPTION,
    RULES_OPTION,
    chosen_rule_set,
    date_callback,
    echo,
    load_with_files,
    rule_set_options,
)

__all__ = ["deadlines_command", "rules_command", "rulesets_command"]


@click.command("rulesets")
@RULES_OPTION
@FORMAT_OPTION
def rulesets_command(rule_files: tuple[str, ...], output_format: str) -> None:
    """List the installed rule sets (built-in, from plugins and --rules files) with editions."""
    loaded = load_with_files(rule_files)
    entries = []
    for name, rule_set in loaded.items():
        data = reports.to_data(rule_set)
        entries.append({**data, "plugin": loaded.plugin_of(name)})
    if output_format == "json":
        echo(json.dumps(entries, indent=2))
        return
    for entry, rule_set in zip(entries, loaded.values(), strict=True):
        extends = f", extends {entry['extends']}" if entry["extends"] else ""
        echo(f"{entry['name']}: {entry['title']}")
        echo(
            f"    calendar {entry['division']}{extends}; plugin {entry['plugin']}; "
            f"covers events from {entry['covers_from']}"
        )
        for edition in rule_set.editions:
            echo(f"    - {edition.id}: {edition.describe()}")


@click.command("rules")
@click.option(
    "--ruleset",
    "-r",
    "rule_set_name",
    default=None,
    help="Rule set name (optional with --unconfirmed, or with --rules: the file's).",
)
@RULES_OPTION
@click.option(
    "--unconfirmed",
    is_flag=True,
    help="List only what is UNCONFIRMED (rules, edition dates, quorum) and what is missing to "
    "confirm it; every installed rule set unless --ruleset is given.",
)
@FORMAT_OPTION
def rules_command(
    rule_set_name: str | None, rule_files: tuple[str, ...], unconfirmed: bool, output_format: str
) -> None:
    """Print a rule set's catalogue: every rule version with its edition, citation and evidence."""
    loaded = load_with_files(rule_files)
    if unconfirmed:
        names = [rule_set_name] if rule_set_name else list(loaded)
        found = {name: unconfirmed_items(loaded[name]) for name in names}
        if output_format == "json":
            every = [item for items in found.values() for item in items]
            echo(json.dumps(reports.to_data(every), indent=2))
            return
        for name, items in found.items():
            echo(f"{name}: {len(items)} UNCONFIRMED item(s)")
            echo("".join(f"  - {item.describe()}\n" for item in items), nl=False)
        return
    rule_set = loaded[
        chosen_rule_set(
            loaded,
            rule_set_name,
            rule_files,
            None,
            "give --ruleset NAME, --rules FILE, or --unconfirmed to list every rule set's gaps",
        )
    ]
    ordered = [rule for rule_id in rule_set.rule_ids for rule in rule_set.versions(rule_id)]
    if output_format == "json":
        echo(json.dumps(reports.to_data(ordered), indent=2))
        return
    echo(f"{rule_set.title} [{rule_set.name}]")
    if rule_set.enquiry:
        echo(f"Enquiries: {rule_set.enquiry}")
    echo("\nEditions:")
    for edition in rule_set.editions:
        echo(f"  {edition.id}: {edition.describe()}")
        _provenance(edition.evidence, edition.dates_confidence, edition.dates_source, "    ")
    for rule in ordered:
        flag = "  [UNCONFIRMED]" if rule.confidence is Confidence.UNCONFIRMED else ""
        echo(f"\n{rule.id} ({rule.edition.id}): {rule.title}{flag}")
        echo(f"    {rule.wording}")
        echo(f"    edition: {rule.edition.describe()}")
        echo(f"    source: {rule.source} [{rule.confidence.value}]")
        _provenance(rule.evidence, rule.confidence, rule.unconfirmed_reason, "    ")
        if rule.notes:
            echo(f"    note: {rule.notes}")
    for gap in rule_set.not_encoded:
        until = f" (events before {gap.before.isoformat()})" if gap.before else ""
        echo(f"\n{gap.rule_id}: {gap.title}: NOT ENCODED{until}")
        echo(f"    {gap.statement}")
        echo(f"    source: {gap.source} [{gap.confidence.value}]")


def _provenance(
    evidence: tuple[Evidence, ...], confidence: Confidence, missing: str, indent: str
) -> None:
    for item in evidence:
        echo(f"{indent}evidence: {item.describe()}")
    if confidence is Confidence.UNCONFIRMED:
        echo(f"{indent}UNCONFIRMED, missing: {missing}")


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
        command = click.option(f"--{flag}", metavar="DATE", callback=date_callback, help=help_text)(
            command
        )
    return command


@click.command("deadlines")
@rule_set_options(default=None)
@click.option(
    "--strategy-discussion",
    "strategy_discussions",
    multiple=True,
    metavar="DATE",
    callback=date_callback,
    help="A strategy discussion (repeatable).",
)
@click.option(
    "--initiating",
    metavar="DATE",
    callback=date_callback,
    help="Which strategy discussion initiated the enquiries (needed if several were held).",
)
@click.option("--conference", metavar="DATE", callback=date_callback, help="A conference date.")
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
@OVERLAY_OPTION
@FORMAT_OPTION
@LANGUAGE_OPTION
def deadlines_command(
    rule_set: RuleSet,
    strategy_discussions: tuple[dt.date, ...],
    initiating: dt.date | None,
    conference: dt.date | None,
    conference_type: str,
    counting: str,
    use_overlay: bool,
    output_format: str,
    language: str,
    **event_dates: dt.date | None,
) -> None:
    """Print every deadline that follows from the events given, soonest first.

    An initial --conference also counts as the initial conference (first review, core
    group); a review --conference also counts as the previous review. --language cy writes
    the explanations in Welsh (JSON is never translated).
    """
    discussions = {day: StrategyDiscussion(date=day) for day in strategy_discussions}
    if initiating is not None:
        discussions[initiating] = StrategyDiscussion(date=initiating, initiated_enquiry=True)
    known = {name: value for name, value in event_dates.items() if value is not None}
    held = None
    if conference is not None:
        # An initial conference also counts as the initial conference, a review as the
        # previous review: CaseEvents gives `conference` that meaning, here as in Python.
        held = Conference(type=ConferenceType(conference_type), date=conference)
    events = CaseEvents(strategy_discussions=discussions.values(), conference=held, **known)
    found = compute_deadlines(
        rule_set, events, counting=Counting(counting), use_overlay=use_overlay
    )
    if output_format == "json":
        echo(json.dumps(reports.to_data(found), indent=2))
        return
    t = translator(language)
    if not found and found.complete:
        echo(t.gettext(N_("No deadlines follow from the events given.")))
    for explained in [*found, *found.not_computable]:
        echo(t.explain(explained.explanation()))
        echo("")
