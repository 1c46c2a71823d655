"""Quorum decisions for every conference of an attendance file, one bad conference at a time.

A conference whose chair is recorded as proceeding while inquorate where the rule set does
not allow it cannot be decided. That is a problem with that conference's rows, located by
file and row like any other input problem; it must not stop the other conferences being
decided. The chair's reason is free text and may hold personal data, so it is never quoted.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import ConferenceAttendance, InputProblem, LoadedRecords
from ..records.attendance import match_records
from ..rules import QuorumError, QuorumResult, RuleSet

__all__ = ["evaluate_attendance", "not_as_recorded"]


def not_as_recorded(
    loaded: LoadedRecords, conferences: Sequence[ConferenceAttendance], *, file: str
) -> list[InputProblem]:
    """Return a problem for each attendance conference whose type or date is not as recorded.

    Each names the attendance ``file``, the conference's first row, the field and both
    values, and where the records hold the conference. The report leaves such a conference
    out of its quoracy and participation and names it; a command refuses the run unless
    asked to skip invalid input. Nothing is matched where the records do not say which
    children were seen together at one conference (a census, an Annex A).
    """
    if not loaded.conferences_known:
        return []
    found = match_records(conferences, loaded.records).disagreements
    return [d.problem(file, loaded.records.file) for d in found]


def evaluate_attendance(
    rule_set: RuleSet,
    conferences: Sequence[ConferenceAttendance],
    *,
    file: str,
    use_overlay: bool = False,
) -> tuple[list[tuple[ConferenceAttendance, QuorumResult]], list[InputProblem]]:
    """Decide each conference's quorum under ``rule_set``.

    :param file: the attendance file's name, for the problems.
    :param use_overlay: apply the rule set's local closures (reconvene deadlines).
    :returns: each conference that could be decided with its result, in order; and a
        problem for each that could not, naming its first row and the ``chair_reason``
        column.
    :raises QuorumError: if ``rule_set`` has no quorum rule at all.
    """
    if rule_set.quorum is None:
        rule_set.evaluate_quorum(())  # raises, saying why
    decided: list[tuple[ConferenceAttendance, QuorumResult]] = []
    problems: list[InputProblem] = []
    for conference in conferences:
        try:
            result = rule_set.evaluate_quorum(
                conference.attendances,
                conference_id=conference.conference_id,
                conference_type=conference.conference_type,
                conference_date=conference.conference_date,
                fii=conference.fii,
                chair_reason=conference.chair_reason,
                use_overlay=use_overlay,
            )
        except QuorumError as error:
            rows = ", ".join(str(row) for row in conference.rows)
            plural = "s" if len(conference.rows) > 1 else ""
            problems.append(
                InputProblem(
                    file,
                    conference.rows[0] if conference.rows else 0,
                    "chair_reason",
                    None,
                    f"{error} (row{plural} {rows})",
                )
            )
            continue
        decided.append((conference, result))
    return decided, problems
