"""Missing-episode records: one row per episode of a child missing from home or care.

Columns (CSV with a header, or JSON lines):

``episode_id`` (required, unique in the file), ``child_id`` (required), ``returned_at``
(required: when the child returned, or in Wales was found), ``interview_offered_at``
(when a return interview was offered), ``interview_at`` (when it was held),
``interview_declined`` (``yes``/``no``: the child declined the interview offered).

``returned_at``, ``interview_offered_at`` and ``interview_at`` take a date (ISO
``YYYY-MM-DD`` or UK ``DD/MM/YYYY``) or a date and time (``YYYY-MM-DDTHH:MM``,
``YYYY-MM-DD HH:MM`` or ``DD/MM/YYYY HH:MM``, seconds optional), in UK local time. With both
times recorded the 72 hours are measured exactly; otherwise by dates, and the episode is
flagged (see :mod:`safeguarding_rules.rules.families`). Every problem names the file, row,
column and value.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs

from .._dates import parse_date
from ..calendar import WorkingDayCalendar
from ..rules import MissingEpisodeEvents
from ._checked import in_coverage, not_before, read_checked
from .rows import FieldReader, InputProblem, Row

__all__ = [
    "MISSING_COLUMNS",
    "MissingEpisode",
    "MissingEpisodeRecords",
    "Moment",
    "read_missing_episodes",
]  # fmt: skip

#: Every column the reader knows, required ones first.
MISSING_COLUMNS = (
    "episode_id",
    "child_id",
    "returned_at",
    "interview_offered_at",
    "interview_at",
    "interview_declined",
)
_REQUIRED = MISSING_COLUMNS[:3]
_TIME = re.compile(r"^(?P<date>\S+)[T ](?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?$")


@attrs.frozen
class Moment:
    """A recorded date, with its time of day when one was recorded (UK local time)."""

    date: dt.date
    time: dt.datetime | None = None


def parse_moment(text: str) -> Moment:
    """Parse a date, or a date and time, as the module docstring lists.

    :raises ValueError: naming the text.
    """
    match = _TIME.match(text.strip())
    if not match:
        return Moment(parse_date(text))
    day = parse_date(match["date"])
    try:
        clock = dt.time(int(match["h"]), int(match["m"]), int(match["s"] or 0))
    except ValueError:
        raise ValueError(f"{text!r} has no such time of day") from None
    return Moment(day, dt.datetime.combine(day, clock))


@attrs.frozen(kw_only=True)
class MissingEpisode:
    """One missing episode, as read."""

    row: int
    episode_id: str
    child_id: str
    returned: Moment
    offered: Moment | None = None
    interview: Moment | None = None
    declined: bool = False

    @property
    def events(self) -> MissingEpisodeEvents:
        """The event the return-interview rule counts from."""
        return MissingEpisodeEvents(returned=self.returned.date)


@attrs.frozen(kw_only=True)
class MissingEpisodeRecords:
    """The episodes of one file, and the problems found in it."""

    file: str
    episodes: tuple[MissingEpisode, ...]
    problems: tuple[InputProblem, ...] = ()
    skipped_rows: int = 0

    def __len__(self) -> int:
        return len(self.episodes)


def read_missing_episodes(
    path: str | Path, calendar: WorkingDayCalendar, *, skip_invalid: bool = False
) -> MissingEpisodeRecords:
    """Read and check a missing-episode records file.

    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    found, problems, skipped = read_checked(
        path,
        _REQUIRED,
        lambda row: _read(row, calendar),
        "episode_id",
        lambda episode: episode.episode_id,
        skip_invalid=skip_invalid,
    )
    return MissingEpisodeRecords(
        file=str(path), episodes=tuple(found), problems=tuple(problems), skipped_rows=skipped
    )


def _moment(
    fields: FieldReader, calendar: WorkingDayCalendar, column: str, *, required: bool
) -> Moment | None:
    text = fields.text(column, required=required)
    if text is None:
        return None
    try:
        moment = parse_moment(text)
    except ValueError as error:
        fields.problems.append(
            fields.row.problem(
                column,
                f"not a date (YYYY-MM-DD, DD/MM/YYYY) or date and time (YYYY-MM-DDTHH:MM): {error}",
                text,
            )
        )
        return None
    return moment if in_coverage(fields, calendar, column, moment.date) else None


def _read(
    row: Row, calendar: WorkingDayCalendar
) -> tuple[MissingEpisode | None, list[InputProblem]]:
    fields = FieldReader(row)
    episode_id = fields.text("episode_id")
    child_id = fields.text("child_id")
    returned = _moment(fields, calendar, "returned_at", required=True)
    offered = _moment(fields, calendar, "interview_offered_at", required=False)
    interview = _moment(fields, calendar, "interview_at", required=False)
    declined = fields.yes_no("interview_declined", required=False)
    start = returned.date if returned else None
    for column, moment in (("interview_offered_at", offered), ("interview_at", interview)):
        not_before(fields, column, moment.date if moment else None, start, "the child returned")
        if moment and returned and moment.time and returned.time and moment.time < returned.time:
            fields.problems.append(
                row.problem(column, "before the child returned", row.fields.get(column))
            )
    if declined and interview is not None:
        fields.problems.append(
            row.problem(
                "interview_declined",
                "the interview is recorded as declined and as held",
                row.fields.get("interview_declined"),
            )
        )
    if fields.problems or episode_id is None or child_id is None or returned is None:
        return None, fields.problems
    return (
        MissingEpisode(
            row=row.number,
            episode_id=episode_id,
            child_id=child_id,
            returned=returned,
            offered=offered,
            interview=interview,
            declined=bool(declined),
        ),
        [],
    )
