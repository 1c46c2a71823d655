"""A report's long lists (:class:`RowTable`) read and write exactly as the lists they replace."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import Any

import orjson
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules.reports import csv_text, json_chunks, to_data
from safeguarding_rules.reports.table import RowTable, _csv_lines, _encoded, csv_pieces

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "id": TEXT,
            "reason": st.none() | TEXT,
            "children": st.integers(-(2**63), 2**63 - 1),
            "accepted": st.none() | st.booleans(),
            "child_ids": st.lists(TEXT, max_size=3),
        }
    ),
    max_size=40,
)
TYPES = {
    "id": pa.string(),
    "reason": pa.string(),
    "children": pa.int64(),
    "accepted": pa.bool_(),
    "child_ids": pa.list_(pa.string()),
}


def ordered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with their keys in column order (as a JSON writer keeps them)."""
    return [{name: row[name] for name in TYPES} for row in rows]


def table(rows: list[dict[str, Any]]) -> RowTable:
    return RowTable(
        {name: pa.array([row[name] for row in rows], kind) for name, kind in TYPES.items()}
    )


@given(ROWS, st.integers(1, 7))
def test_json_rows_are_the_bytes_orjson_writes_for_the_dictionaries(
    rows: list[dict[str, Any]], size: int
) -> None:
    written = b"[" + b",".join(table(rows).json_rows(size)) + b"]"
    assert written == orjson.dumps(ordered(rows))


@given(ROWS)
def test_a_row_table_is_the_list_it_stands_for(rows: list[dict[str, Any]]) -> None:
    rows = ordered(rows)
    found = table(rows)
    assert found == rows
    assert list(found) == rows
    assert len(found) == len(rows)
    assert found[-1:] == rows[-1:]
    if rows:
        assert found[0] == rows[0]
        assert found[-1] == rows[-1]
    assert to_data({"late": found}) == {"late": rows}
    assert json.loads(b"".join(json_chunks({"late": found, "n": len(rows)}))) == {
        "late": rows,
        "n": len(rows),
    }
    assert pickle.loads(pickle.dumps(found)) == rows


def test_plain_text_is_written_by_arrow_and_text_to_escape_by_orjson() -> None:
    plain = table(
        [{"id": "K1 Llŷr", "reason": None, "children": 2, "accepted": True, "child_ids": ["C1"]}]
    )
    quoted = table(
        [{"id": 'K"1', "reason": "a\nb", "children": 2, "accepted": None, "child_ids": []}]
    )
    listed = table(
        [{"id": "K1", "reason": None, "children": 2, "accepted": None, "child_ids": ['C"1']}]
    )
    assert (
        _encoded(plain._table)
        == '{"id":"K1 Llŷr","reason":null,"children":2,"accepted":true,"child_ids":["C1"]}'.encode()
    )
    assert _encoded(quoted._table) is None
    assert _encoded(listed._table) is None  # a list item to escape: orjson writes it
    assert (
        b"".join(quoted.json_rows())
        == b'{"id":"K\\"1","reason":"a\\nb","children":2,"accepted":null,"child_ids":[]}'
    )


CELLS = st.text(st.sampled_from("=+-@\t\r\n\x00\"',;a1 ŷ"), max_size=6)


@given(st.lists(st.tuples(CELLS, CELLS), max_size=30), st.integers(1, 7))
def test_csv_from_columns_is_the_csv_written_cell_by_cell(
    rows: list[tuple[str, str]], size: int
) -> None:
    fields = ("=id", "reason")
    columns = [pa.array([row[i] for row in rows], pa.string()) for i in range(2)]
    chunks = [
        [column.slice(start, size) for column in columns] for start in range(0, len(rows), size)
    ]
    written = b"".join(csv_pieces(fields, chunks)).decode("utf-8")
    assert written == csv_text(fields, [dict(zip(fields, row, strict=True)) for row in rows])


def test_csv_chunks_without_cells_to_quote_are_joined_by_arrow() -> None:
    columns = [pa.array(["=1+2", "K2", ""]), pa.array(["a b", "ŷ", "x"])]
    assert _csv_lines(columns) is not None  # no comma, quote or line end: Arrow's path
    assert _csv_lines([pa.array(["a,b"])]) is None  # a cell to quote: Python's csv
    written = b"".join(csv_pieces(("id", "reason"), [columns])).decode("utf-8")
    assert written == "id,reason\r\n'=1+2,a b\r\nK2,ŷ\r\n,x\r\n"


@given(
    st.lists(
        st.tuples(
            st.none() | st.integers(-3, 10**6),
            st.none() | st.dates(),
            CELLS,
        ),
        max_size=30,
    ),
    st.integers(1, 7),
)
def test_csv_from_numbers_and_dates_is_their_text_written_cell_by_cell(
    rows: list[tuple[int | None, dt.date | None, str]], size: int
) -> None:
    fields = ("days", "due", "reason")
    columns = [
        pa.array([row[0] for row in rows], pa.int32()),
        pa.array([row[1] for row in rows], pa.date32()),
        pa.array([row[2] for row in rows], pa.string()),
    ]
    chunks = [
        [column.slice(start, size) for column in columns] for start in range(0, len(rows), size)
    ]
    written = b"".join(csv_pieces(fields, chunks)).decode("utf-8")
    as_text = [["" if cell is None else str(cell) for cell in row] for row in rows]
    assert written == csv_text(fields, [dict(zip(fields, row, strict=True)) for row in as_text])
