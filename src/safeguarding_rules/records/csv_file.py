"""CSV and JSON-lines files read as canonical text columns, every unreadable row a problem.

The file-level concerns of our CSV schema and of councils' CSV exports: refusing a
workbook or UTF-16 file with what to do instead, the header, text that is not UTF-8, rows
with too many or too few values, and quotes left open that swallow the rows after them.
The block reading itself is :func:`safeguarding_rules._columnar.scan_csv`; what the values
mean is :mod:`.conferences`'.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TypeVar

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from .._columnar import CsvNotUtf8, CsvUnreadable, RaggedRow, holds_byte, line_end, scan_csv
from .problems import InputErrors, InputProblem
from .rows import read_table
from .source import InputSource

__all__ = [
    "SAVE_AS",
    "Table",
    "csv_header",
    "load_csv",
    "load_jsonl",
    "read_csv_blocks",
    "renumber",
]

Table = dict[str, pa.Array]
_T = TypeVar("_T")

#: The first bytes of files that are not text: what they are, and what to do instead.
SIGNATURES = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip file, not a CSV file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls), not a CSV file"),
    (b"\xff\xfe", "UTF-16 text, not UTF-8"),
    (b"\xfe\xff", "UTF-16 text, not UTF-8"),
)
SAVE_AS = "save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)' and read that file"


def _sniff(path: Path, file: str) -> None:
    """Refuse a workbook or UTF-16 file before reading it as CSV, saying what to do."""
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as error:
        problem = InputProblem(file, 0, None, None, f"cannot read: {error.strerror}")
        raise InputErrors([problem]) from None
    for signature, what in SIGNATURES:
        if start.startswith(signature):
            problem = InputProblem(file, 1, None, None, f"this file is {what}: {SAVE_AS}")
            raise InputErrors([problem])


def _not_utf8(
    path: Path, file: str, row: int | None = None, column: str | None = None
) -> InputErrors:
    """Name the first row that is not UTF-8 text (found by scanning, unless Arrow said)."""
    if row is None:
        row = 1
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    row = number
                    fields = next(csv.reader([line.decode("utf-8", "replace")]), [])
                    if number > 1:
                        header = next(csv.reader([_header_line(path)]), [])
                        at = [i for i, field in enumerate(fields) if "\ufffd" in field]
                        if at and at[0] < len(header):
                            column = header[at[0]].strip().lower()
                    break
    message = (
        "not UTF-8 text (perhaps Windows-1252 or Latin-1, as older Excel saves CSV): " + SAVE_AS
    )
    return InputErrors([InputProblem(file, row, column, None, message)])


def _header_line(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.readline().decode("utf-8-sig", "replace")


def csv_header(path: Path, file: str) -> list[str]:
    """Read a CSV file's header (our column names: stripped, lower case), refusing non-CSV."""
    _sniff(path, file)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except OSError as error:
        problem = InputProblem(file, 0, None, None, f"cannot read: {error.strerror}")
        raise InputErrors([problem]) from None
    except UnicodeDecodeError:
        raise _not_utf8(path, file) from None
    names = [h.strip().lower() for h in header]
    if len(set(names)) != len(names):
        raise InputErrors([InputProblem(file, 1, None, None, "a column name is repeated")])
    return names


def renumber(
    problems: Iterable[InputProblem], numbers: npt.NDArray[np.int64]
) -> list[InputProblem]:
    """Rewrite problems found by record position to name the row number instead."""
    return [attrs.evolve(problem, row=int(numbers[problem.row])) for problem in problems]


def read_csv_blocks(
    path: Path,
    file: str,
    names: list[str],
    each: Callable[[Table, npt.NDArray[np.int64], list[InputProblem]], _T],
    *,
    structured: Collection[str] = (),
    progress: Callable[[int], object] | None = None,
) -> tuple[list[_T], npt.NDArray[np.int64], list[InputProblem]]:
    """Read a CSV file in blocks (see :func:`~safeguarding_rules._columnar.scan_csv`).

    ``each(table, positions, problems)`` gets each block's columns, each record's position
    among the file's records, and the problems found in that block by position (rows whose
    value ran over lines, which are left out of ``table``); the returned ``numbers`` turn
    positions into row numbers. Rows with too many or too few values are returned as
    problems by row number.

    :param structured: columns that are never free text, so that a line break in one means
        the row was misread (as does one in a column whose name ends ``_date``).
    """
    end = line_end(path)

    def block(table: Table, positions: npt.NDArray[np.int64]) -> _T:
        split_problems: list[InputProblem] = []
        if any(holds_byte(column, end) for column in table.values()):
            # Some value holds a line break: drop rows that swallowed others.
            split, split_problems = _line_breaks(table, positions, file, structured)
            if split.any():
                keep = pa.array(~split)
                table = {name: column.filter(keep) for name, column in table.items()}
                positions = positions[~split]
        return each(table, positions, split_problems)

    try:
        results, numbers, ragged = scan_csv(path, names, block, progress)
    except CsvNotUtf8 as error:
        raise _not_utf8(path, file, error.row, error.column) from None
    except CsvUnreadable as error:
        problem = InputProblem(file, 0, None, None, f"not a readable CSV file: {error}")
        raise InputErrors([problem]) from None
    problems = [_ragged(file, row) for row in ragged]
    return results, numbers, problems


def _ragged(file: str, row: RaggedRow) -> InputProblem:
    """Name a row Arrow could not read; where a quote left open ran on, every row it took."""
    counted = f"{row.values} values for {row.expected} header columns"
    if row.lines == 1:
        return InputProblem(file, row.row, None, None, counted)
    message = (
        f'a quote (") opened in this row is not closed: it runs over {row.lines} lines of the '
        f"file, taking in the {row.lines - 1} row(s) after it, none of which was read "
        f"({counted})"
    )
    return InputProblem(file, row.row, None, None, message, rows_lost=row.lines)


def load_csv(
    path: Path, file: str, *, structured: Collection[str] = ()
) -> tuple[Table, npt.NDArray[np.int64], list[InputProblem]]:
    """Read every column of a CSV file as text with Arrow, keeping each record's row number.

    :param structured: as for :func:`read_csv_blocks`.
    """
    names = csv_header(path, file)
    parts, numbers, problems = read_csv_blocks(
        path, file, names, lambda table, at, found: (table, at, found), structured=structured
    )
    positions = np.concatenate([at for _, at, _ in parts]) if parts else np.zeros(0, np.int64)
    table = {
        name: pa.concat_arrays([part[name] for part, _, _ in parts])
        if parts
        else pa.array([], pa.string())
        for name in names
    }
    problems += renumber([problem for _, _, found in parts for problem in found], numbers)
    return table, numbers[positions], problems


def load_jsonl(
    source: InputSource, file: str
) -> tuple[Table, npt.NDArray[np.int64], list[InputProblem]]:
    """Read a JSON-lines file as text columns, keeping each record's line number."""
    read = read_table(source)
    rows = read.rows
    names = list(dict.fromkeys(name for row in rows for name in row.fields))
    columns = {
        name: pa.array([row.fields.get(name, "") for row in rows], type=pa.string())
        for name in names
    }
    return columns, np.array([row.number for row in rows], dtype=np.int64), list(read.problems)


def _matches(column: pa.Array, pattern: str) -> npt.NDArray[np.bool_]:
    return np.asarray(pc.match_substring_regex(column, pattern).to_numpy(zero_copy_only=False))


def _texts(column: pa.Array, positions: npt.NDArray[np.int64]) -> list[str]:
    return [str(value) for value in column.take(pa.array(positions)).to_pylist()]


def _line_breaks(
    table: Table, rows: npt.NDArray[np.int64], file: str, structured: Collection[str]
) -> tuple[npt.NDArray[np.bool_], list[InputProblem]]:
    """Find values that run over lines: an unclosed quote swallows the rows after it.

    A free-text value may hold a line break; one that holds what looks like whole rows
    (as many commas as the header has, after a line break) is a quote left open.
    """
    bad = np.zeros(len(rows), dtype=bool)
    problems = []
    looks_like_row = r"[\r\n][^\r\n]*" + ",[^\r\n]*" * max(len(table) - 1, 1)
    for name, column in table.items():
        if not any(pc.any(pc.match_substring(column, end)).as_py() for end in "\r\n"):
            continue
        pattern = r"[\r\n]" if name in structured or name.endswith("_date") else looks_like_row
        where = np.flatnonzero(_matches(column, pattern))
        for position, text in zip(where.tolist(), _texts(column, where), strict=True):
            lines = text.splitlines()
            problems.append(
                InputProblem(
                    file, int(rows[position]), name, lines[0][:40] if lines else "",
                    f"this value runs over {len(lines)} lines of the file, taking in the "
                    f'rows after it: is a closing quote (") missing? This row and the '
                    f"{len(lines) - 1} line(s) after it were not read",
                )
            )  # fmt: skip
        bad[where] = True
    return bad, problems
