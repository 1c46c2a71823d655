"""Attendance files: one row per attendee per conference, grouped by conference."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from pathlib import Path

import attrs
import numpy as np
import pyarrow as pa

from ..rules import VOCABULARY, Attendance, AttendanceMode, ConferenceType, Vocabulary, normalise
from .conferences import KINDS, ConferenceRecords
from .rows import FieldReader, InputErrors, InputProblem, Row, read_table, required_columns

__all__ = [
    "ATTENDANCE_COLUMNS",
    "AttendanceMatch",
    "ConferenceAttendance",
    "RecordsDisagreement",
    "match_records",
    "read_attendance",
]


@attrs.frozen(kw_only=True)
class ConferenceAttendance:
    """The attendance records of one conference, as read from a file."""

    #: The conference id from the file.
    conference_id: str
    #: The attendance records.
    attendances: tuple[Attendance, ...]
    #: The conference type, if given.
    conference_type: ConferenceType | None
    #: The conference date, if given.
    conference_date: dt.date | None
    #: Whether the case concerns fabricated or induced illness.
    fii: bool
    #: The chair's recorded reason for proceeding while inquorate, if any.
    chair_reason: str | None
    #: Row numbers the records came from.
    rows: tuple[int, ...]


ATTENDANCE_COLUMNS = ("conference_id", "agency", "mode", "direct_contact")
_CONFERENCE_LEVEL = ("conference_type", "conference_date", "fii", "chair_reason")
#: Columns of free text, never echoed in a problem's message.
_FREE_TEXT = frozenset({"chair_reason"})


def read_attendance(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
    strict: bool = False,
) -> tuple[list[ConferenceAttendance], list[InputProblem]]:
    """Read an attendance file: one row per attendee per conference.

    Columns: ``conference_id``, ``agency``, ``mode`` (``in_person``, ``remote``,
    ``report_only``, ``apologies``, ``absent``), ``direct_contact`` (yes/no); optional
    ``active_interest`` (yes/no), ``conference_type``, ``conference_date``, ``fii`` (yes/no)
    and ``chair_reason``. Conference-level columns must agree across a conference's rows.

    Modes, yes/no answers and conference types may be written in any spelling
    ``vocabulary`` lists (``Attended``, ``Dial-in``, ``a) Yes``, ``Review CPC``); anything
    else is a problem. Agency names are kept as written, and read through the vocabulary
    when a quorum is decided: a name it does not recognise counts as an agency of its own
    and is reported, unless ``strict``.

    :param path: the file, or ``-`` for standard input.
    :param skip_invalid: return the valid conferences and the problems, instead of raising.
        A conference with any bad row is skipped whole (its quorum cannot be decided), and
        so is a row that cannot be read (too many or too few values, bytes that are not
        UTF-8, a line that is not JSON): every such row is named in a problem.
    :param vocabulary: the spellings to read by (a loaded rule set's ``vocabulary`` has
        its plugins' spellings too).
    :param strict: make every agency name the vocabulary does not recognise a problem,
        naming the file, row and value.
    :returns: the conferences in file order, and the problems found (empty unless
        ``skip_invalid``).
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    read = read_table(path, multiline=_FREE_TEXT)
    rows = read.rows
    problems = required_columns(rows, ATTENDANCE_COLUMNS, read.file, header=read.columns)
    if problems:
        raise InputErrors(problems)
    problems = list(read.problems)
    grouped: dict[str, list[tuple[Row, Attendance | None, dict[str, object]]]] = {}
    for row in rows:
        fields = FieldReader(row)
        conference_id = fields.text("conference_id")
        agency = fields.text("agency")
        if agency is not None and not normalise(agency):
            fields.problems.append(row.problem("agency", "has no letters or digits", agency))
            agency = None
        elif agency is not None and strict and vocabulary.agency(agency) is None:
            fields.problems.append(
                row.problem(
                    "agency",
                    f"agency name not recognised (--strict){vocabulary.agencies.suggest(agency)}: "
                    "use an agency id or a spelling the vocabulary lists, or add it as an alias "
                    "in a plugin",
                    agency,
                )
            )
        mode = fields.choice("mode", AttendanceMode, vocabulary.attendance_modes)
        answers = vocabulary.yes_no
        direct = fields.yes_no("direct_contact", codes=answers)
        interest = fields.yes_no("active_interest", required=False, codes=answers)
        level: dict[str, object] = {
            "conference_type": fields.choice(
                "conference_type", ConferenceType, vocabulary.conference_types, required=False
            ),
            "conference_date": fields.date("conference_date", required=False),
            "fii": fields.yes_no("fii", required=False, codes=answers),
            "chair_reason": fields.text("chair_reason", required=False),
        }
        problems += fields.problems
        if conference_id is None:
            continue
        record = None
        if agency is not None and mode is not None and direct is not None:
            record = Attendance(
                agency=agency, mode=mode, direct_contact=direct, active_interest=interest
            )
        grouped.setdefault(conference_id, []).append((row, record, level))
    conferences = []
    rows_with_problems = {problem.row for problem in problems}
    for conference_id, entries in grouped.items():
        conference_problems = _agree(conference_id, entries)
        problems += conference_problems
        if conference_problems or any(row.number in rows_with_problems for row, _, _ in entries):
            continue
        level = _merged(entries)
        conferences.append(
            ConferenceAttendance(
                conference_id=conference_id,
                attendances=tuple(record for _, record, _ in entries if record is not None),
                conference_type=level["conference_type"],  # type: ignore[arg-type]
                conference_date=level["conference_date"],  # type: ignore[arg-type]
                fii=bool(level["fii"]),
                chair_reason=level["chair_reason"],  # type: ignore[arg-type]
                rows=tuple(row.number for row, _, _ in entries),
            )
        )
    if problems and not skip_invalid:
        raise InputErrors(sorted(problems, key=lambda p: (p.row, p.column or "")))
    return conferences, problems


def _agree(
    conference_id: str, entries: Sequence[tuple[Row, Attendance | None, dict[str, object]]]
) -> list[InputProblem]:
    """Problems where a conference-level column differs between a conference's rows."""
    found = []
    for column in _CONFERENCE_LEVEL:
        values = {level[column] for _, _, level in entries if level[column] is not None}
        if len(values) > 1:
            given = [r for r, _, level in entries if level[column] is not None]
            if column in _FREE_TEXT:  # may hold personal data: name the rows, not the text
                where = ", ".join(str(r.number) for r in given)
                message = (
                    f"conference {conference_id!r} has {len(values)} different {column} "
                    f"values in its rows ({where}); give the same text in each row"
                )
            else:
                listed = ", ".join(
                    sorted(str(v.value if isinstance(v, enum.Enum) else v) for v in values)
                )
                message = f"conference {conference_id!r} has different values in its rows: {listed}"
            found.append(given[0].problem(column, message))
    return found


def _merged(
    entries: Sequence[tuple[Row, Attendance | None, dict[str, object]]],
) -> dict[str, object]:
    merged: dict[str, object] = dict.fromkeys(_CONFERENCE_LEVEL)
    for _, _, level in entries:
        for column, value in level.items():
            if value is not None:
                merged[column] = value
    return merged


@attrs.frozen(kw_only=True)
class RecordsDisagreement:
    """An attendance file conference whose type or date is not the records' for that id."""

    #: The conference id, in both files.
    conference_id: str
    #: ``conference_type`` or ``conference_date``.
    field: str
    #: The value in the attendance file.
    attendance: str
    #: The value in the records.
    records: str
    #: The conference's first row in the attendance file.
    row: int
    #: The conference's first row in the records file.
    records_row: int

    def problem(self, file: str, records_file: str) -> InputProblem:
        """Return the disagreement as a problem in the attendance ``file``, with both values."""
        return InputProblem(
            file,
            self.row,
            self.field,
            self.attendance,
            f"conference {self.conference_id!r} has {self.field} {self.attendance!r} here but "
            f"{self.records!r} in the records ({records_file}, row {self.records_row}); "
            "its attendance is not counted",
        )


@attrs.frozen(kw_only=True)
class AttendanceMatch:
    """An attendance file's conferences matched to the conference records by id."""

    #: Conferences whose type or date disagrees with the records, one per field.
    disagreements: tuple[RecordsDisagreement, ...] = ()
    #: Ids of the attendance file's conferences the records do not hold.
    not_in_records: tuple[str, ...] = ()

    @property
    def disagreeing_ids(self) -> frozenset[str]:
        """The conferences that disagree with the records (not to be counted)."""
        return frozenset(d.conference_id for d in self.disagreements)


def match_records(
    conferences: Sequence[ConferenceAttendance], records: ConferenceRecords
) -> AttendanceMatch:
    """Match each attendance conference to the records by conference id.

    A type or date given in both files must be the same (a value given in one file only
    is no disagreement: the attendance file may date a conference the records leave
    undated, and the records may date one the attendance file does not). A conference the
    records do not hold is named in ``not_in_records``.
    """
    if not conferences:
        return AttendanceMatch()
    # Only each conference's first row is looked at: a national file has millions of rows,
    # and its ids are made Python strings for those rows alone.
    first = records.first_of_conference()
    ids = records.text["conference_id"].take(pa.array(first, pa.int64())).to_pylist()
    at = dict(zip(ids, first.tolist(), strict=True))
    kinds = records.kind
    days = records.conference_date
    typed = {t.value for t in ConferenceType}
    disagreements = []
    missing = []
    for conference in conferences:
        where = at.get(conference.conference_id)
        if where is None:
            missing.append(conference.conference_id)
            continue
        given: list[tuple[str, str | None, str | None]] = []
        if conference.conference_type is not None:
            kind = KINDS[kinds[where]]
            known = kind if kind in typed else None
            given.append(("conference_type", conference.conference_type.value, known))
        if conference.conference_date is not None:
            day = days[where]
            recorded = None if np.isnat(day) else str(day)
            given.append(("conference_date", conference.conference_date.isoformat(), recorded))
        disagreements += [
            RecordsDisagreement(
                conference_id=conference.conference_id,
                field=field,
                attendance=theirs,
                records=ours,
                row=conference.rows[0] if conference.rows else 0,
                records_row=int(records.rows[where]),
            )
            for field, theirs, ours in given
            if theirs is not None and ours is not None and theirs != ours
        ]
    return AttendanceMatch(disagreements=tuple(disagreements), not_in_records=tuple(missing))
