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
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from .._dates import parse_date
from ..rules import VOCABULARY, CodeList
from .problems import InputErrors, InputProblem
from .source import InputSource, open_input

__all__ = [
    "FieldReader",
    "InputErrors",
    "InputProblem",
    "Row",
    "RowsRead",
    "read_rows",
    "read_table",
    "required_columns",
]

E = TypeVar("E", bound=enum.Enum)


@attrs.frozen
class Row:
    """One input row: its fields (stripped strings), and where it came from."""

    file: str
    number: int
    fields: Mapping[str, str]

    def problem(self, column: str | None, message: str, value: str | None = None) -> InputProblem:
        """Return an :class:`InputProblem` at this row."""
        return InputProblem(self.file, self.number, column, value, message)


@attrs.frozen(kw_only=True)
class RowsRead:
    """Every row of a file that could be read, and a problem for every one that could not.

    A row with a problem is still in ``rows`` when its fields could be read at all (a row
    with too few or too many values, or bytes that are not UTF-8), so that a reader can
    drop the conference it belongs to; a line that is not JSON is only in ``problems``.
    """

    #: The file's name as problems give it.
    file: str
    #: The header's column names (CSV), or every key seen (JSON lines), in order.
    columns: tuple[str, ...]
    #: The rows, in file order.
    rows: tuple[Row, ...]
    #: The problems, in file order.
    problems: tuple[InputProblem, ...]


#: Signatures of files that are not text, with what to do instead.
_NOT_TEXT = (
    (b"PK\x03\x04", "it is a workbook (.xlsx) or another zip file, not CSV text: "
     "save it from the spreadsheet as 'CSV UTF-8'"),
    (b"\xd0\xcf\x11\xe0", "it is an old Excel workbook (.xls), not CSV text: "
     "save it from the spreadsheet as 'CSV UTF-8'"),
    (b"\xff\xfe", "it is UTF-16 text: save it as UTF-8 ('CSV UTF-8' in Excel)"),
    (b"\xfe\xff", "it is UTF-16 text: save it as UTF-8 ('CSV UTF-8' in Excel)"),
)  # fmt: skip
_NOT_UTF8 = "bytes that are not UTF-8 text: save the file as UTF-8 ('CSV UTF-8' in Excel)"


def _decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark); bad bytes become lone surrogates."""
    for signature, why in _NOT_TEXT:
        if data.startswith(signature):
            raise InputErrors([InputProblem(name, 0, None, None, f"cannot read: {why}")])
    if b"\x00" in data[:4096] and data[:4096].count(b"\x00") * 4 >= len(data[:4096]):
        raise InputErrors([InputProblem(name, 0, None, None, f"cannot read: {_NOT_TEXT[2][1]}")])
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="surrogateescape")


def _has_bad_bytes(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)


def _fix(text: str) -> str:
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def read_table(path: str | Path | InputSource, *, multiline: Iterable[str] = ()) -> RowsRead:
    """Read every row of a CSV file (with a header row) or a JSON-lines file.

    ``multiline`` names the columns of free text whose values may hold line breaks (unless
    they hold what look like rows); a line break in any other column is a problem, since it
    means a quote was left open. ``path`` may be ``-`` for standard input (see
    :func:`.source.open_input`). Field names are lower-cased and stripped; values are
    stripped strings (empty when missing); JSON values that are not strings are converted
    with ``str``. Every row that cannot be read
    whole is a problem naming its row; reading goes on past it. Rows are numbered as a
    spreadsheet shows them: the header is row 1 and a blank line is a row.

    :raises InputErrors: only for a file that cannot be read at all (missing, a folder, a
        workbook, UTF-16 text, or a header naming a column twice).
    """
    source = path if isinstance(path, InputSource) else open_input(path)
    name = source.name
    try:
        text = _decode(source.read_bytes(), name)
    except OSError as error:
        problem = InputProblem(name, 0, None, None, f"cannot read: {error.strerror or error}")
        raise InputErrors([problem]) from None
    if source.json_lines:
        return _read_json_lines(text, name)
    return _read_csv(text, name, frozenset(multiline))


def _read_json_lines(text: str, name: str) -> RowsRead:
    rows: list[Row] = []
    problems: list[InputProblem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if _has_bad_bytes(line):
            problems.append(InputProblem(name, number, None, None, _NOT_UTF8))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(InputProblem(name, number, None, None, f"not valid JSON: {error.msg}"))
            continue
        except RecursionError:
            problems.append(InputProblem(name, number, None, None, "JSON nested too deeply"))
            continue
        if not isinstance(record, dict):
            problems.append(InputProblem(name, number, None, None, "not a JSON object"))
            continue
        rows.append(Row(name, number, _clean(record)))
    columns = tuple(dict.fromkeys(key for row in rows for key in row.fields))
    return RowsRead(file=name, columns=columns, rows=tuple(rows), problems=tuple(problems))


def _read_csv(text: str, name: str, multiline: frozenset[str]) -> RowsRead:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    problems: list[InputProblem] = []
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InputErrors(
            [InputProblem(name, 1, None, None, f"not readable as CSV: {error}")]
        ) from None
    if header is None:
        return RowsRead(file=name, columns=(), rows=(), problems=())
    columns = tuple(_fix(column).strip().lower() for column in header)
    if reader.line_num > 1 or any("\n" in column or "\r" in column for column in columns):
        raise InputErrors(
            [
                InputProblem(
                    name, 1, None, None,
                    f"the header runs over {reader.line_num} lines: a quote in it is probably "
                    "not closed",
                )
            ]
        )  # fmt: skip
    if len(set(columns)) != len(columns):
        raise InputErrors([InputProblem(name, 1, None, None, "a column name is repeated")])
    number = 1
    line = reader.line_num
    while True:
        try:
            values = next(reader, None)
        except csv.Error as error:
            problems.append(
                InputProblem(name, number + 1, None, None, f"not readable as CSV: {error}")
            )
            break
        if values is None:
            break
        number += 1
        first_line, line = line + 1, reader.line_num
        if not values:
            continue  # a blank line: a row with nothing in it
        row = Row(name, number, _clean(dict(zip(columns, (_fix(v) for v in values), strict=False))))
        if len(values) != len(columns):
            problems.append(
                row.problem(None, f"{len(values)} values for {len(columns)} header columns")
            )
        if any(_has_bad_bytes(value) for value in values):
            problems.append(row.problem(None, _NOT_UTF8))
        if line > first_line and any(
            ("\n" in value or "\r" in value)
            and (column not in multiline or _swallows_rows(value, len(columns)))
            for column, value in zip(columns, values, strict=False)
        ):
            problems.append(
                row.problem(
                    None,
                    f"a quoted value runs from line {first_line} to line {line} where no line "
                    "break is expected: a closing quote is probably missing, so the rows it "
                    "holds are not read",
                )
            )
        rows.append(row)
    return RowsRead(file=name, columns=columns, rows=tuple(rows), problems=tuple(problems))


def _swallows_rows(value: str, columns: int) -> bool:
    """Whether a value holds a line with as many commas as a row of the file has."""
    return columns > 1 and any(part.count(",") >= columns - 1 for part in value.splitlines()[1:])


def read_rows(path: str | Path | InputSource) -> Iterator[Row]:
    """Yield the rows of a CSV file (with a header row) or a JSON-lines file (``.jsonl``).

    See :func:`read_table`, which also returns the problems instead of raising.

    :raises InputErrors: listing every problem in the file, if there is any.
    """
    read = read_table(path)
    if read.problems:
        raise InputErrors(read.problems)
    yield from read.rows


def _clean(record: Mapping[str, Any]) -> dict[str, str]:
    return {
        str(key).strip().lower(): "" if value is None else str(value).strip()
        for key, value in record.items()
    }


def required_columns(
    rows: Sequence[Row], columns: Sequence[str], file: str, *, header: Sequence[str] = ()
) -> list[InputProblem]:
    """Problems for columns missing from the whole file.

    :param header: the file's column names, if known (a CSV file with no rows has them).
    """
    if not rows and not header:
        return []
    present = set(header) | (set(rows[0].fields) if rows else set())
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
