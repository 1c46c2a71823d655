"""``quoracy``: whether each conference in an attendance file was quorate, and why."""

from __future__ import annotations

import json

import click

from ..records import InputErrors, read_attendance
from ..reports import evaluate_attendance, to_data
from ..reports.i18n import N_, translator
from ..rules import RuleSet, unrecognised_names
from ._common import (
    FORMAT_OPTION,
    LANGUAGE_OPTION,
    OVERLAY_OPTION,
    STRICT_OPTION,
    echo,
    rule_set_options,
    warn,
    warn_unrecognised,
)

__all__ = ["quoracy_command"]


@click.command("quoracy")
@click.argument(
    "attendance_file", metavar="ATTENDANCE.csv", type=click.Path(dir_okay=False, allow_dash=True)
)
@rule_set_options(default=None)
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Carry on past bad rows (their conferences are skipped and counted in the output).",
)
@OVERLAY_OPTION
@STRICT_OPTION
@FORMAT_OPTION
@LANGUAGE_OPTION
def quoracy_command(
    attendance_file: str,
    rule_set: RuleSet,
    skip_invalid: bool,
    use_overlay: bool,
    strict: bool,
    output_format: str,
    language: str,
) -> None:
    """Decide, for each conference in an attendance file, whether it was quorate.

    One row per attendee per conference, with columns conference_id, agency, mode
    (in_person, remote, report_only, apologies, absent) and direct_contact (yes/no); optional
    active_interest, conference_type, conference_date, fii and chair_reason. Agencies, modes,
    answers and types may be spelt as exports spell them (CSC, Thames Valley Police,
    Attended, a) Yes, Review CPC): see the vocabulary. An agency name it does not recognise
    is counted as its own agency and named on stderr, or refused with --strict.
    """
    conferences, problems = read_attendance(
        attendance_file, skip_invalid=skip_invalid, vocabulary=rule_set.vocabulary, strict=strict
    )
    decided, undecided = evaluate_attendance(
        rule_set, conferences, file=attendance_file, use_overlay=use_overlay
    )
    problems += undecided
    if undecided and not skip_invalid:
        raise InputErrors(undecided)
    results = [result for _, result in decided]
    if problems:
        warn(f"Skipped {len(problems)} problem(s); their conferences are not evaluated:")
        for problem in problems:
            warn(f"  {problem}")
    warn_unrecognised(
        unrecognised_names(
            (name for result in results for name in result.unrecognised), rule_set.vocabulary
        )
    )
    if output_format == "json":
        echo(json.dumps(to_data(results), indent=2))
        return
    t = translator(language)
    resting = sum(result.depends_on_unrecognised for result in results)
    headline = (
        N_("{quorate} of {n} conference(s) quorate under {rule_set} ({resting} only because of "
           "unrecognised agency names).")
        if resting
        else N_("{quorate} of {n} conference(s) quorate under {rule_set}.")
    )  # fmt: skip
    lines = [
        t.gettext(headline).format(
            quorate=sum(result.quorate for result in results),
            n=len(results),
            rule_set=repr(rule_set.name),
            resting=resting,
        ),
        "",
    ]
    for result in results:
        lines += [t.explain(result.explanation()), ""]
    echo("\n".join(lines))
