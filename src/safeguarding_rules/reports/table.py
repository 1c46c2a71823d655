"""Long lists in a report (every late conference of a national file), kept as columns.

A national file has hundreds of thousands of late conferences. As Python dictionaries
they would take about a kilobyte each; :class:`RowTable` keeps them as Arrow columns
(under a hundred bytes each) and makes a row's dictionary only when it is asked for. It
behaves as a read-only list of dictionaries; :func:`~.serialise.to_data` turns it into a
real list, and the JSON writer (:func:`~.serialise.json_chunks`) streams it in chunks,
each chunk encoded column by column with Arrow (:meth:`RowTable.json_rows`) instead of
making a dictionary per row.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

import orjson
import pyarrow as pa
import pyarrow.compute as pc

from .._ahead import mapped_ahead
from ..records.arrow_text import text_bytes
from .output import FORMULA_TRIGGERS, CsvWriter

__all__ = ["RowTable", "csv_pieces"]

#: Rows made into dictionaries at a time, when iterating or writing JSON.
CHUNK = 20_000


class RowTable(Sequence[dict[str, Any]]):
    """A read-only list of rows, each a ``dict`` of plain values, stored as Arrow columns.

    Column order is key order. Equal to any sequence holding the same rows, so it can be
    compared with a list.
    """

    __slots__ = ("_table",)

    def __init__(self, columns: Mapping[str, pa.Array]) -> None:
        self._table = pa.table(dict(columns))

    def __len__(self) -> int:
        return int(self._table.num_rows)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            rows: list[dict[str, Any]] = self._table.slice(start, stop - start).to_pylist()
            return rows
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("RowTable index out of range")
        row: dict[str, Any] = self._table.slice(position, 1).to_pylist()[0]
        return row

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for chunk in self.row_chunks():
            yield from chunk

    def row_chunks(self, size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
        """Yield the rows as lists of at most ``size`` dictionaries."""
        for start in range(0, len(self), size):
            yield self[start : start + size]

    def json_rows(self, size: int = CHUNK) -> Iterator[bytes]:
        """Yield the rows as JSON objects, each piece the inside of a JSON array (no ``[]``).

        The bytes are those orjson writes for the same dictionaries (a test checks this).
        Each chunk is built column by column with Arrow's string kernels; a chunk holding
        text that JSON must escape (a quote, a backslash or a control character), or a column of
        another type, is encoded by orjson from its dictionaries instead.
        """
        chunks = (self._table.slice(start, size) for start in range(0, len(self), size))
        # The next chunks are encoded on both cores while this one is written.
        yield from mapped_ahead(_json_chunk, chunks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowTable):
            return bool(self._table.equals(other._table))
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return len(other) == len(self) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<RowTable: {len(self)} rows of {', '.join(self._table.column_names)}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (RowTable, ({name: self._table[name] for name in self._table.column_names},))


def _json_chunk(chunk: pa.Table) -> bytes:
    """Return a chunk of rows as comma-separated JSON objects: by Arrow, else by orjson."""
    return _encoded(chunk) or orjson.dumps(chunk.to_pylist())[1:-1]


def _needs_escape(column: pa.Array) -> bool:
    """Whether any value holds text JSON must escape: a quote, a backslash or a control code.

    One scan of the bytes of this slice of the column (no regular expression per value).
    """
    _, data = text_bytes(column)
    return bool(((data < 0x20) | (data == ord('"')) | (data == ord("\\"))).any())


def _encoded(chunk: pa.Table) -> bytes | None:
    """Return a chunk of rows as comma-separated JSON objects (``None``: Arrow cannot).

    Each row is one element-wise join of literal text (keys, quotes, ``null``) and the
    columns' values as text; every row ends in ``},``, so the rows' text is one run of bytes.
    """
    pieces: list[Any] = []
    literal = "{"
    for name in chunk.column_names:
        column = chunk[name].combine_chunks()
        kind, nulls = column.type, column.null_count
        literal += orjson.dumps(name).decode() + ":"
        if pa.types.is_null(kind) or nulls == len(column):
            literal += "null,"
            continue
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            if _needs_escape(column):
                return None
            if not nulls:
                pieces += [literal + '"', column]
                literal = '",'
                continue
            text = pc.binary_join_element_wise('"', column, '"', "")
        elif pa.types.is_integer(kind):
            text = pc.cast(column, pa.string())
        elif pa.types.is_boolean(kind):
            text = pc.if_else(column, "true", "false")
        else:
            return None
        pieces += [literal, pc.fill_null(text, "null") if nulls else text]
        literal = ","
    pieces.append(literal.removesuffix(",") + "},")
    rows = pc.binary_join_element_wise(*pieces, "")
    _, data = text_bytes(rows)
    return data[:-1].tobytes()  # no last comma


#: A cell a spreadsheet would run as a formula (see :func:`~.output.neutralise_cell`).
_FORMULA = "^[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(FORMULA_TRIGGERS)) + "]"


def csv_pieces(fields: Sequence[str], chunks: Iterable[Sequence[pa.Array]]) -> Iterator[bytes]:
    """Yield CSV (UTF-8): a header of ``fields``, then each chunk of Arrow text columns.

    The same bytes as :func:`~.output.csv_text` (a test checks), with formula cells
    neutralised a column at a time by Arrow instead of one cell at a time in Python.
    """
    buffer = io.StringIO()
    writer = CsvWriter(buffer)
    writer.writerow(fields)
    yield buffer.getvalue().encode("utf-8")
    for chunk in chunks:
        buffer.seek(0)
        buffer.truncate()
        columns = [
            pc.if_else(
                pc.match_substring_regex(column, _FORMULA),
                pc.binary_join_element_wise("'", column, ""),
                column,
            ).to_pylist()
            for column in chunk
        ]
        writer.writerows_as_they_are(zip(*columns, strict=True))
        yield buffer.getvalue().encode("utf-8")
