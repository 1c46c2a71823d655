"""Late conferences are written the same whether by columns (Arrow) or row by row."""

from __future__ import annotations

import html
from typing import Any

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules.reports.indicators.initial import (
    _late_line_rows,
    _late_lines,
    _late_table,
    _late_table_rows,
)
from safeguarding_rules.reports.output import html_text, printable
from safeguarding_rules.reports.table import RowTable, html_escaped
from safeguarding_rules.reports.writer import writer

W = writer("en")

TEXT = st.text(st.sampled_from("K0 &<>\"'é\x1b\n"), max_size=8)
LATE = st.lists(
    st.fixed_dictionaries(
        {
            "conference_id": TEXT,
            "child_ids": st.lists(TEXT, min_size=1, max_size=3),
            "conference_date": st.just("2024-02-29") | TEXT,
            "due_date": st.just("2024-02-20") | TEXT,
            "children": st.integers(1, 12),
            "working_days": st.integers(0, 400),
            "working_days_late": st.integers(0, 400),
            "reason_for_delay": st.none() | TEXT,
            "reason_accepted": st.none() | st.booleans(),
        }
    ),
    min_size=1,
    max_size=25,
)
TYPES = {
    "conference_id": pa.string(),
    "child_ids": pa.list_(pa.string()),
    "conference_date": pa.string(),
    "due_date": pa.string(),
    "children": pa.int64(),
    "working_days": pa.int64(),
    "working_days_late": pa.int64(),
    "reason_for_delay": pa.string(),
    "reason_accepted": pa.bool_(),
}


def table(rows: list[dict[str, Any]]) -> RowTable:
    return RowTable({name: pa.array([r[name] for r in rows], kind) for name, kind in TYPES.items()})


@given(LATE, st.booleans())
def test_late_conferences_read_the_same_by_columns_and_by_rows(
    rows: list[dict[str, Any]], known: bool
) -> None:
    late = table(rows)
    assert _late_lines(late, W, known=known) == _late_line_rows(late, W, known=known)
    assert _late_table(late, W, known=known) == _late_table_rows(late, W, known=known)


@given(st.lists(st.text(max_size=10), max_size=20))
def test_html_escaped_is_html_text(values: list[str]) -> None:
    assert html_escaped(pa.array(values, pa.string())).to_pylist() == [html_text(v) for v in values]


@given(st.lists(st.text(st.sampled_from("a<&\x1b\u202e\u2066\u200f\u061c\x85"), max_size=6)))
def test_html_escaped_is_html_escape_after_printable(values: list[str]) -> None:
    escaped = html_escaped(pa.array(values, pa.string())).to_pylist()
    assert escaped == [html.escape(printable(v)) for v in values]
    assert not [c for text in escaped for c in text if c in "\x1b\u202e\u2066\u200f\u061c\x85"]
