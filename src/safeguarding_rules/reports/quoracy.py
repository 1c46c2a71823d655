"""Quorum decisions for every conference of an attendance file, one bad conference at a time.

A conference whose chair is recorded as proceeding while inquorate where the rule set does
not allow it cannot be decided. That is a problem with that conference's rows, located by
file and row like any other input problem; it must not stop the other conferences being
decided. The chair's reason is free text and may hold personal data, so it is never quoted.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import ConferenceAttendance, InputProblem
from ..rules import QuorumError, QuorumResult, RuleSet

__all__ = ["evaluate_attendance"]


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
