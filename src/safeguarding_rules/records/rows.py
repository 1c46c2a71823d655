"""Reading rows from CSV and JSON-lines files, with errors that name file, row and column.

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

from .._dates import parse_date
from .._errors import SafeguardingRulesError
from ..rules import VOCABULARY, CodeList

__all__ = ["FieldReader", "InputErrors", "InputProblem", "Row", "read_rows", "required_columns"]

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
    #: Where it is, for a file without plain rows: an XML element path
    #: (``Child[412]/CINdetails[1]/Section47[2]/DateOfInitialCPC``) or a sheet, row and
    #: heading. Named instead of the row and column when given.
    location: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}"
        if self.location:
            where = f"{self.file}, {self.location}"
        elif self.column:
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

    def yes_no(
        self, column: str, *, required: bool = True, codes: CodeList = VOCABULARY.yes_no
    ) -> bool | None:
        """Return a yes/no answer, in any spelling ``codes`` lists (``y``, ``1``, ``a) Yes``).

        ``NA`` and ``N/A`` are problems, never "no".
        """
        value = self.text(column, required=required)
        if value is None:
            return None
        code = codes.lookup(value)
        if code is None:
            self.problems.append(self.row.problem(column, "expected yes or no", value))
            return None
        return code == "yes"

    def choice(
        self, column: str, kind: type[E], codes: CodeList, *, required: bool = True
    ) -> E | None:
        """Return one of an enum's values, from any spelling ``codes`` lists for it."""
        value = self.text(column, required=required)
        if value is None:
            return None
        code = codes.lookup(value)
        if code is None:
            allowed = ", ".join(str(member.value) for member in kind)
            self.problems.append(
                self.row.problem(
                    column,
                    f"expected one of: {allowed} (or a spelling the vocabulary lists)",
                    value,
                )
            )
            return None
        return kind(code)
