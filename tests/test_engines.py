"""The working-day kernel as a Polars expression and DuckDB functions (optional extras)."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import calendar_for
from safeguarding_rules.engines import calendar_table

D = dt.date
# (division, start, n, expected, source): golden cases also in test_calendar_golden.py.
GOLDEN = [
    ("england-and-wales", D(2014, 12, 15), 15, D(2015, 1, 8), "issue #2 worked example"),
    ("england-and-wales", D(2023, 4, 26), 15, D(2023, 5, 19), "peers.md s2, ICPC-style row"),
    ("england-and-wales", D(2024, 3, 29), -1, D(2024, 3, 28), "peers.md s2, Easter 2024"),
    ("scotland", D(2024, 3, 28), 1, D(2024, 4, 1), "GOV.UK scotland 2024"),
    ("northern-ireland", D(2024, 3, 15), 1, D(2024, 3, 19), "GOV.UK northern-ireland 2024"),
]


def test_calendar_table_counts_like_the_calendar() -> None:
    table = calendar_table("england-and-wales")
    cal = calendar_for("england-and-wales")
    cum = dict(zip(table["day"].to_pylist(), table["cum"].to_pylist(), strict=True))
    assert table["day"][0].as_py() == cal.first
    assert table["day"][-1].as_py() == cal.last
    for _, start, _n, expected, _ in GOLDEN[:3]:
        assert cum[expected] - cum[start] == cal.working_days_between(start, expected)
        assert table["working"][(expected - cal.first).days].as_py() is True


def test_polars_expressions_match_the_golden_cases() -> None:
    pl = pytest.importorskip("polars")
    from safeguarding_rules.engines.polars import add_working_days, working_days_between

    for division, start, n, expected, source in GOLDEN:
        frame = pl.DataFrame({"start": [start, None], "n": [n, n]})
        result = frame.select(
            due=add_working_days("start", n, division),
            due_per_row=add_working_days(pl.col("start"), "n", division),
        )
        assert result["due"].to_list() == [expected, None], source
        assert result["due_per_row"].to_list() == [expected, None], source
        counted = pl.DataFrame({"a": [start], "b": [expected]}).select(
            w=working_days_between("a", "b", division)
        )
        cal = calendar_for(division)
        assert counted["w"].to_list() == [cal.working_days_between(start, expected)], source


def test_polars_refuses_dates_outside_coverage_naming_them() -> None:
    pl = pytest.importorskip("polars")
    from safeguarding_rules.engines.polars import working_days_between

    frame = pl.DataFrame({"a": [D(2040, 1, 2)], "b": [D(2040, 1, 9)]}).lazy()
    with pytest.raises(pl.exceptions.ComputeError, match=r"2040-01-(02|09) is outside"):
        frame.select(working_days_between("a", "b")).collect()


def test_duckdb_functions_match_the_golden_cases() -> None:
    duckdb = pytest.importorskip("duckdb")
    from safeguarding_rules.engines.duckdb import register

    connection = register(duckdb.connect())
    for division, start, n, expected, source in GOLDEN:
        row = connection.execute(
            "SELECT add_working_days($start, $n, $division), "
            "working_days_between($start, $expected, $division), "
            "add_working_days(NULL, $n, $division)",
            {"start": start, "n": n, "division": division, "expected": expected},
        ).fetchone()
        between = calendar_for(division).working_days_between(start, expected)
        assert row == (expected, between, None), source


def test_duckdb_refuses_dates_outside_coverage_naming_them() -> None:
    duckdb = pytest.importorskip("duckdb")
    from safeguarding_rules.engines.duckdb import register

    connection = register(duckdb.connect())
    with pytest.raises(duckdb.Error, match=r"2040-01-(02|09) is outside"):
        connection.execute(
            "SELECT working_days_between(DATE '2040-01-02', DATE '2040-01-09', 'england')"
        ).fetchall()
