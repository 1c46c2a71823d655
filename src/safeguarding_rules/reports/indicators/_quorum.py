"""Each conference of an attendance file decided under the rule set's quorum rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...records import ConferenceAttendance, ConferenceRecords
from ...rules import QuorumResult, RuleSet

__all__ = ["decide_quorums"]


def decide_quorums(
    records: ConferenceRecords, rule_set: RuleSet, attendance: Sequence[ConferenceAttendance]
) -> list[tuple[dt.date | None, QuorumResult, ConferenceAttendance]]:
    """Decide each conference's quorum, dated by the attendance file or else the records."""
    dates = dict(
        zip(
            records.conference_id.tolist(),
            records.conference_date.astype(str).tolist(),
            strict=True,
        )
    )
    results = []
    for conference in attendance:
        day = conference.conference_date
        if day is None and dates.get(conference.conference_id, "NaT") != "NaT":
            day = dt.date.fromisoformat(dates[conference.conference_id])
        result = rule_set.evaluate_quorum(
            conference.attendances,
            conference_id=conference.conference_id,
            conference_type=conference.conference_type,
            conference_date=day,
            fii=conference.fii,
            chair_reason=conference.chair_reason,
        )
        results.append((day, result, conference))
    return results
