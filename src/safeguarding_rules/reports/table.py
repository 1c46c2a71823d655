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

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .._columnar import joined, mapped_ahead, text_bytes
from .output import FORMULA_TRIGGERS, CsvWriter, printable

__all__ = ["RowTable", "csv_pieces", "html_escaped"]

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

    def column(self, name: str) -> pa.Array:
        """Return one column as an Arrow array (for renderers that work a column at a time)."""
        return self._table[name].combine_chunks()

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
        elif pa.types.is_list(kind) and pa.types.is_string(kind.value_type):
            items = column.flatten()
            if items.null_count or _needs_escape(items):
                return None
            inside = pc.binary_join(column, '","')
            text = pc.if_else(
                pc.equal(pc.list_value_length(column), 0),
                "[]",
                pc.binary_join_element_wise('["', inside, '"]', ""),
            )
        else:
            return None
        pieces += [literal, pc.fill_null(text, "null") if nulls else text]
        literal = ","
    pieces.append(literal.removesuffix(",") + "},")
    _, data = text_bytes(joined(*pieces))
    return data[:-1].tobytes()  # no last comma


#: The first bytes of a cell a spreadsheet would run as a formula (see
#: :func:`~.output.neutralise_cell`); each trigger is a single ASCII character.
_TRIGGERS = np.zeros(256, dtype=bool)
_TRIGGERS[[ord(trigger) for trigger in FORMULA_TRIGGERS]] = True


def csv_pieces(fields: Sequence[str], chunks: Iterable[Sequence[pa.Array]]) -> Iterator[bytes]:
    """Yield CSV (UTF-8): a header of ``fields``, then each chunk of Arrow columns.

    Columns are text, or dates and whole numbers (written as ISO dates and digits; null is
    an empty cell).

    The same bytes as :func:`~.output.csv_text` (a test checks), with formula cells
    neutralised a column at a time by Arrow instead of one cell at a time in Python, and
    the chunks written on both cores.
    """
    buffer = io.StringIO()
    CsvWriter(buffer).writerow(fields)
    yield buffer.getvalue().encode("utf-8")
    yield from mapped_ahead(_csv_chunk, chunks)


def _csv_chunk(chunk: Sequence[pa.Array]) -> bytes:
    """Return a chunk of text columns as CSV lines, formula cells neutralised."""
    columns = [_neutralised(column) for column in chunk]
    lines = _csv_lines(columns)
    if lines is not None:
        return lines
    buffer = io.StringIO()
    rows = zip(*(column.to_pylist() for column in columns), strict=True)
    CsvWriter(buffer).writerows_as_they_are(rows)
    return buffer.getvalue().encode("utf-8")


def _neutralised(column: pa.Array) -> pa.Array:
    """Prefix ``'`` to each cell a spreadsheet would run as a formula, a column at a time.

    Every trigger is one ASCII byte, so a cell's first byte says whether it begins with one
    (a UTF-8 character beyond ASCII never begins with such a byte); most columns have none
    and are returned as they are. Dates, and whole numbers none of which is negative,
    cannot begin with one and are returned as they are, for the CSV writer to format.
    """
    kind = column.type
    if pa.types.is_date(kind):
        return column
    if pa.types.is_integer(kind):
        if not pc.any(pc.less(column, 0)).as_py():
            return column
        column = pc.cast(column, pa.string())
    elif not pa.types.is_string(kind):
        column = pc.cast(column, pa.string())
    offsets, data = text_bytes(column)
    if not len(data):
        return column
    starts = np.take(data, offsets[:-1], mode="clip")
    formula = _TRIGGERS[starts] & (np.diff(offsets) > 0)
    if not formula.any():
        return column
    return pc.if_else(pa.array(formula), pc.binary_join_element_wise("'", column, ""), column)


def _csv_lines(columns: Sequence[pa.Array]) -> bytes | None:
    """Return a chunk of text columns as CSV lines, if no cell needs quoting (else ``None``).

    Python's ``csv`` quotes a cell only if it holds a comma, a quote or a line end, and
    Arrow's CSV writer, told to quote nothing, refuses exactly those cells; so where it
    succeeds it writes the same bytes, several times faster.
    """
    if not columns or not len(columns[0]):
        return None
    table = pa.table({str(i): column for i, column in enumerate(columns)})
    sink = pa.BufferOutputStream()
    options = pacsv.WriteOptions(
        include_header=False, eol="\r\n", quoting_style="none", batch_size=len(table)
    )
    try:
        pacsv.write_csv(table, sink, options)
    except pa.ArrowInvalid:  # a cell to quote: Python's csv writes this chunk
        return None
    return bytes(sink.getvalue())


#: What :func:`html.escape` replaces (with ``quote=True``), ampersand first.
_HTML_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


#: The characters :func:`~.output.printable` shows as escapes, in RE2's syntax (Arrow's).
_CONTROLS = (
    r"[\x{0}-\x{8}\x{b}-\x{1f}\x{7f}-\x{9f}\x{61c}\x{200e}\x{200f}\x{2028}\x{2029}"
    r"\x{202a}-\x{202e}\x{2066}-\x{2069}]"
)


def html_escaped(column: pa.Array) -> pa.Array:
    """Return text (or numbers, as text) as :func:`~.output.html_text` returns it, by Arrow.

    Control and bidirectional formatting characters are shown as escapes (``\u202e``), as
    :func:`~.output.printable` shows them (value by value, only when a value holds one);
    then each replacement :func:`html.escape` makes is made, skipped after one scan of the
    bytes when no value holds its character.
    """
    text = column if pa.types.is_string(column.type) else pc.cast(column, pa.string())
    if pc.any(pc.match_substring_regex(text, _CONTROLS)).as_py():
        text = pa.array(
            [None if value is None else printable(value) for value in text.to_pylist()],
            pa.string(),
        )
    for char, entity in _HTML_ENTITIES:
        if bool((text_bytes(text)[1] == ord(char)).any()):
            text = pc.replace_substring(text, char, entity)
    return text
