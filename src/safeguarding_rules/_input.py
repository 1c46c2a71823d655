"""Reading records from CSV and JSON-lines files, with errors that name file, row and column.

Nothing is dropped silently: every problem becomes an :class:`InputProblem`, and a reader
either returns every record or raises :class:`InputErrors` listing all problems (not only
the first). Callers that want to carry on past bad rows use ``skip_invalid=True`` and get
the problems back alongside the records.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._dates import parse_date
from ._errors import SafeguardingRulesError
from ._quoracy import Attendance, AttendanceMode
from ._rules import ConferenceType

__all__ = [
    "ConferenceAttendance",
    "InputErrors",
    "InputProblem",
    "read_attendance",
    "read_rows",
]

E = TypeVar("E", bound=enum.Enum)


@attrs.frozen
class InputProblem:
    """One problem in an input file."""

    #: The file.
    file: str
    #: The 1-based row number, counting the header as row 1 in a CSV file (as a spreadsheet
    #: shows it), or the line number in a JSON-lines file.
    row: int
    #: The column or field, if the problem is in one.
    column: str | None
    #: The offending value, if any.
    value: str | None
    #: What is wrong.
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}"
        if self.column:
            where += f", column {self.column!r}"
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{where}: {self.message}{value}"


class InputErrors(SafeguardingRulesError, ValueError):
    """One or more problems in an input file; ``problems`` lists them all."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems = tuple(problems)
        listed = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the input:\n{listed}")


@attrs.frozen
class Row:
    """One input row: its fields (stripped strings), and where it came from."""

    file: str
    number: int
    fields: Mapping[str, str]

    def problem(self, column: str | None, message: str, value: str | None = None) -> InputProblem:
        """Return an :class:`InputProblem` at this row."""
        return InputProblem(self.file, self.number, column, value, message)


def read_rows(path: str | Path) -> Iterator[Row]:
    """Yield the rows of a CSV file (with a header row) or a JSON-lines file (``.jsonl``).

    Field names are lower-cased and stripped; values are stripped strings (empty when
    missing). JSON values that are not strings are converted with ``str``.

    :raises InputErrors: for a file that cannot be read or a line that is not a JSON object.
    """
    file = Path(path)
    name = str(path)
    try:
        handle = file.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        problem = InputProblem(name, 0, None, None, f"cannot read: {error.strerror}")
        raise InputErrors([problem]) from None
    with handle:
        if file.suffix.lower() in {".jsonl", ".ndjson"}:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputErrors(
                        [InputProblem(name, number, None, None, f"not valid JSON: {error.msg}")]
                    ) from None
                if not isinstance(record, dict):
                    raise InputErrors([InputProblem(name, number, None, None, "not a JSON object")])
                yield Row(name, number, _clean(record))
        else:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None:
                return
            for number, record in enumerate(reader, start=2):
                if None in record:
                    raise InputErrors(
                        [InputProblem(name, number, None, None, "more values than header columns")]
                    )
                yield Row(name, number, _clean(record))


def _clean(record: Mapping[str, Any]) -> dict[str, str]:
    return {
        str(key).strip().lower(): "" if value is None else str(value).strip()
        for key, value in record.items()
    }


def required_columns(rows: Sequence[Row], columns: Sequence[str], file: str) -> list[InputProblem]:
    """Problems for columns missing from the whole file."""
    if not rows:
        return []
    present = set(rows[0].fields)
    return [
        InputProblem(file, 1, column, None, "required column is missing")
        for column in columns
        if column not in present
    ]


class FieldReader:
    """Parses one row's fields, collecting problems instead of stopping at the first."""

    def __init__(self, row: Row) -> None:
        self.row = row
        self.problems: list[InputProblem] = []

    def text(self, column: str, *, required: bool = True) -> str | None:
        """Return the stripped text of ``column``; a problem if required and empty."""
        value = self.row.fields.get(column, "")
        if not value:
            if required:
                self.problems.append(self.row.problem(column, "a value is required"))
            return None
        return value

    def date(self, column: str, *, required: bool = True) -> dt.date | None:
        """Return a date given in ISO or UK form."""
        value = self.text(column, required=required)
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError:
            self.problems.append(
                self.row.problem(column, "not a date in the form YYYY-MM-DD or DD/MM/YYYY", value)
            )
            return None

    def yes_no(self, column: str, *, required: bool = True) -> bool | None:
        """Return ``yes``/``no`` (also ``y``/``n``, ``true``/``false``, ``1``/``0``)."""
        value = self.text(column, required=required)
        if value is None:
            return None
        parsed = _YES_NO.get(value.lower())
        if parsed is None:
            self.problems.append(self.row.problem(column, "expected yes or no", value))
        return parsed

    def choice(self, column: str, kind: type[E], *, required: bool = True) -> E | None:
        """Return one of an enum's values."""
        value = self.text(column, required=required)
        if value is None:
            return None
        try:
            return kind(value.lower())
        except ValueError:
            allowed = ", ".join(str(member.value) for member in kind)
            self.problems.append(self.row.problem(column, f"expected one of: {allowed}", value))
            return None


_YES_NO = {
    "yes": True,
    "y": True,
    "true": True,
    "1": True,
    "no": False,
    "n": False,
    "false": False,
    "0": False,
}


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


def read_attendance(
    path: str | Path, *, skip_invalid: bool = False
) -> tuple[list[ConferenceAttendance], list[InputProblem]]:
    """Read an attendance file: one row per attendee per conference.

    Columns: ``conference_id``, ``agency``, ``mode`` (``in_person``, ``remote``,
    ``report_only``, ``apologies``, ``absent``), ``direct_contact`` (yes/no); optional
    ``active_interest`` (yes/no), ``conference_type``, ``conference_date``, ``fii`` (yes/no)
    and ``chair_reason``. Conference-level columns must agree across a conference's rows.

    :param skip_invalid: return the valid conferences and the problems, instead of raising.
        A conference with any bad row is skipped whole (its quorum cannot be decided).
    :returns: the conferences in file order, and the problems found (empty unless
        ``skip_invalid``).
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    rows = list(read_rows(path))
    problems = required_columns(rows, ATTENDANCE_COLUMNS, str(path))
    if problems:
        raise InputErrors(problems)
    grouped: dict[str, list[tuple[Row, Attendance | None, dict[str, object]]]] = {}
    for row in rows:
        fields = FieldReader(row)
        conference_id = fields.text("conference_id")
        agency = fields.text("agency")
        mode = fields.choice("mode", AttendanceMode)
        direct = fields.yes_no("direct_contact")
        interest = fields.yes_no("active_interest", required=False)
        level: dict[str, object] = {
            "conference_type": fields.choice("conference_type", ConferenceType, required=False),
            "conference_date": fields.date("conference_date", required=False),
            "fii": fields.yes_no("fii", required=False),
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
            row = next(r for r, _, level in entries if level[column] is not None)
            listed = ", ".join(
                sorted(str(v.value if isinstance(v, enum.Enum) else v) for v in values)
            )
            found.append(
                row.problem(
                    column,
                    f"conference {conference_id!r} has different values in its rows: {listed}",
                )
            )
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
