"""The engines' working-day functions agree with the calendar, date by date."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding_rules import calendar_for

CAL = calendar_for("england-and-wales")


@functools.cache
def _duckdb() -> Any:
    duckdb = pytest.importorskip("duckdb")
    from safeguarding_rules.engines.duckdb import register

    return register(duckdb.connect())


DAYS = st.dates(min_value=dt.date(2006, 2, 1), max_value=dt.date(2030, 11, 30))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(DAYS, DAYS, st.integers(-15, 15)), min_size=1, max_size=30))
def test_polars_agrees_with_the_calendar(rows: list[tuple[dt.date, dt.date, int]]) -> None:
    pl = pytest.importorskip("polars")
    from safeguarding_rules.engines.polars import add_working_days, working_days_between

    frame = pl.DataFrame(rows, schema=["a", "b", "n"], orient="row")
    result = frame.select(w=working_days_between("a", "b"), due=add_working_days("a", "n"))
    assert result["w"].to_list() == [CAL.working_days_between(a, b) for a, b, _ in rows]
    assert result["due"].to_list() == [CAL.add_working_days(a, n) for a, _, n in rows]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(DAYS, DAYS, st.integers(-15, 15)), min_size=1, max_size=30))
def test_duckdb_agrees_with_the_calendar(rows: list[tuple[dt.date, dt.date, int]]) -> None:
    connection = _duckdb()
    connection.execute("CREATE OR REPLACE TEMP TABLE t (a DATE, b DATE, n BIGINT)")
    connection.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    found = connection.execute(
        "SELECT working_days_between(a, b, 'england-and-wales'), "
        "add_working_days(a, n, 'england-and-wales') FROM t ORDER BY rowid"
    ).fetchall()
    assert found == [
        (CAL.working_days_between(a, b), CAL.add_working_days(a, n)) for a, b, n in rows
    ]
