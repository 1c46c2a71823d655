"""Long lists in a report (every late conference of a national file), kept as columns.

A national file has hundreds of thousands of late conferences. As Python dictionaries
they would take about a kilobyte each; :class:`RowTable` keeps them as Arrow columns
(under a hundred bytes each) and makes a row's dictionary only when it is asked for. It
behaves as a read-only list of dictionaries; :func:`~.serialise.to_data` turns it into a
real list, and the JSON writer (:func:`~.serialise.json_chunks`) streams it in chunks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

import pyarrow as pa

__all__ = ["RowTable"]

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
