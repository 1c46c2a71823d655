"""Reading a large CSV file in blocks with Arrow, every column as text, on two cores.

Only one block's text is held at a time, so memory does not grow with the file's text, and
the next block is parsed on the second core while this one is used. What the values mean
(dates, codes, which column may hold a line break) is the caller's: this module only
reads, retries where Arrow loses its place, and says which rows it could not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.csv as pacsv

from .text import trimmed
from .threads import ahead

__all__ = ["BLOCK_SIZE", "CsvNotUtf8", "CsvUnreadable", "RaggedRow", "line_end", "scan_csv"]

_T = TypeVar("_T")
#: Arrow reads a CSV file in blocks of this many bytes; a row must fit in one block.
BLOCK_SIZE = 1 << 23


@attrs.frozen
class RaggedRow:
    """A row Arrow could not read: it has more or fewer values than the header."""

    #: Its 1-based row number in the file (the header is row 1).
    row: int
    #: How many values it has.
    values: int
    #: How many the header has.
    expected: int
    #: How many lines of the file it ran over (more than one: a quote left open swallowed
    #: the lines after it).
    lines: int = 1


class CsvNotUtf8(Exception):
    """The file is not UTF-8 text; ``row`` and ``column`` say where, when Arrow said."""

    def __init__(self, row: int | None = None, column: str | None = None) -> None:
        super().__init__(row, column)
        self.row, self.column = row, column


class CsvUnreadable(Exception):
    """Arrow cannot read the file as CSV (the message is Arrow's)."""


def line_end(path: Path) -> bytes:
    """Return the byte that ends the file's lines: LF (also for CRLF), or CR (old Mac)."""
    with path.open("rb") as handle:
        start = handle.read(1 << 16)
    return b"\r" if b"\r" in start and b"\n" not in start else b"\n"


def scan_csv(
    path: Path,
    names: list[str],
    each: Callable[[dict[str, pa.Array], npt.NDArray[np.int64]], _T],
    progress: Callable[[int], object] | None = None,
) -> tuple[list[_T], npt.NDArray[np.int64], list[RaggedRow]]:
    """Read a CSV file (with a header row) in blocks, calling ``each`` on every block.

    ``each(columns, positions)`` gets a block's columns (named ``names``, each stripped text)
    and each record's position among the file's records (0, 1, ...); it may be called again
    from the start if the file has to be read again. The returned ``numbers`` turn positions
    into row numbers. Rows with more or fewer values than the header are left out and
    returned. ``progress`` is called after each block with the number of rows read so far.

    A value longer than a block makes Arrow read again with larger blocks; a quoted value
    holding a line break that crosses the end of a block makes it lose its place, and the
    file is then read again with quote-aware splitting (slower, so not the default).

    :raises CsvNotUtf8: if the text is not UTF-8.
    :raises CsvUnreadable: if Arrow cannot read it for another reason.
    """
    size = path.stat().st_size
    block_size = BLOCK_SIZE
    spanning = False  # whether quoted values may hold line breaks (a slower split into blocks)
    shown = 0  # rows reported to ``progress`` (a count that never goes back on a retry)
    ragged: list[RaggedRow] = []

    def invalid(row: pacsv.InvalidRow) -> str:
        number = int(row.number) if row.number is not None else 0
        text = (row.text or "").rstrip("\r\n")
        lines = 1 + text.count("\n") + text.replace("\r\n", "\n").count("\r")
        ragged.append(RaggedRow(number, int(row.actual_columns), int(row.expected_columns), lines))
        return "skip"

    while True:
        ragged.clear()
        results: list[_T] = []
        read = 0
        try:
            reader = pacsv.open_csv(
                path,
                read_options=pacsv.ReadOptions(
                    use_threads=False,
                    column_names=names,
                    skip_rows=1,
                    encoding="utf-8",
                    block_size=block_size,
                ),
                parse_options=pacsv.ParseOptions(
                    ignore_empty_lines=False,
                    invalid_row_handler=invalid,
                    newlines_in_values=spanning,
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types=dict.fromkeys(names, pa.string()),
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
            for batch in ahead(reader):  # the next block is parsed meanwhile
                positions = np.arange(read, read + batch.num_rows, dtype=np.int64)
                read += batch.num_rows
                columns = {name: trimmed(batch.column(i)) for i, name in enumerate(names)}
                results.append(each(columns, positions))
                if progress is not None and read + len(ragged) > shown:
                    shown = read + len(ragged)
                    progress(shown)
            break
        except pa.ArrowInvalid as error:
            message = str(error)
            if ("straddl" in message or "larger than block" in message) and block_size <= size:
                block_size *= 8  # a value (or the header) longer than a block
                continue
            if "out of sync" in message and not spanning:
                spanning = True  # a quoted value holding a line break crosses a block's end
                continue
            if "invalid UTF8" in message:
                where = re.search(r"column #(\d+): Row #(\d+)", message)
                if where is None:
                    raise CsvNotUtf8 from None
                column = names[int(where[1])] if int(where[1]) < len(names) else None
                raise CsvNotUtf8(int(where[2]), column) from None
            raise CsvUnreadable(message) from None
    numbers = np.arange(2, read + len(ragged) + 2, dtype=np.int64)
    if ragged:
        keep_rows = np.ones(len(numbers), dtype=bool)
        at = np.array([row.row for row in ragged], dtype=np.int64) - 2
        keep_rows[at[(at >= 0) & (at < len(keep_rows))]] = False
        numbers = numbers[keep_rows]
    return results, numbers, list(ragged)
