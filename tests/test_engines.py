"""The working-day kernel as a Polars expression and DuckDB functions (optional extras)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from safeguarding_rules import CalendarRangeError, UnknownDivisionError, calendar_for
from safeguarding_rules.calendar import DIVISIONS
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


# -- DuckDB: SQL macros over the calendar table (issue 30 item 6) ---------------------------


def _duckdb_connection() -> Any:
    duckdb = pytest.importorskip("duckdb")
    from safeguarding_rules.engines.duckdb import register

    return register(duckdb.connect())


def _cases(division: str) -> list[tuple[dt.date, dt.date, int]]:
    """Every covered day as a start, with an end and an n that stay inside the coverage."""
    cal = calendar_for(division)
    span = (cal.last - cal.first).days
    rows = []
    for index in range(span + 1):
        start = cal.first + dt.timedelta(days=index)
        end = cal.first + dt.timedelta(days=min(max(index + (index * 7919) % 81 - 40, 0), span))
        n = (index * 104729) % 61 - 30  # -30 to 30, 0 included
        try:
            cal.add_working_days(start, n)
        except CalendarRangeError:
            n = -n  # near an end of the coverage: count the other way
        rows.append((start, end, n))
    return rows


@pytest.mark.parametrize("division", sorted(DIVISIONS))
def test_duckdb_macros_agree_with_the_calendar_row_by_row(division: str) -> None:
    connection = _duckdb_connection()
    cal = calendar_for(division)
    rows = _cases(division)
    columns = list(zip(*rows, strict=True))
    connection.register(
        "t",
        pa.table(
            {
                "i": range(len(rows)),
                "a": pa.array(columns[0], pa.date32()),
                "b": pa.array(columns[1], pa.date32()),
                "n": pa.array(columns[2], pa.int64()),
            }
        ),
    )
    found = connection.execute(
        "SELECT working_days_between(a, b, $d), add_working_days(a, n, $d) FROM t ORDER BY i",
        {"d": division},
    ).fetchall()
    assert found == [
        (cal.working_days_between(a, b), cal.add_working_days(a, n)) for a, b, n in rows
    ]
    # A constant n as well, up to where 15 working days run past the end of the coverage.
    last = cal.add_working_days(cal.last, -15)
    fifteen = connection.execute(
        "SELECT add_working_days(a, 15, $d) FROM t WHERE a <= $last ORDER BY i",
        {"d": division, "last": last},
    ).fetchall()
    assert fifteen == [(cal.add_working_days(a, 15),) for a, _, _ in rows if a <= last]


def test_duckdb_divisions_may_differ_row_by_row_and_are_named_as_the_calendar_names_them() -> None:
    connection = _duckdb_connection()
    names = ["England", " wales ", "SCOTLAND", "ni", "gg", "jey", "iom", "england-and-wales"]
    start, end = D(2024, 3, 1), D(2024, 7, 31)
    found = connection.execute(
        "SELECT working_days_between($a, $b, d), add_working_days($a, 60, d) "
        "FROM unnest($names) AS t(d)",
        {"a": start, "b": end, "names": names},
    ).fetchall()
    expected = [
        (
            calendar_for(name).working_days_between(start, end),
            calendar_for(name).add_working_days(start, 60),
        )
        for name in names
    ]
    assert found == expected
    assert len(set(found)) > 1  # the divisions' bank holidays differ


def _python_error(call: Callable[[], object]) -> str:
    with pytest.raises((CalendarRangeError, UnknownDivisionError, TypeError)) as caught:
        call()
    return str(caught.value)


OUTSIDE = [D(2005, 12, 31), D(2031, 1, 1), D(1, 1, 1), D(9999, 12, 31)]


@pytest.mark.parametrize("day", OUTSIDE)
def test_duckdb_refuses_dates_outside_coverage_with_the_calendars_message(day: dt.date) -> None:
    duckdb = pytest.importorskip("duckdb")
    connection = _duckdb_connection()
    cal = calendar_for("scotland")
    inside = D(2020, 1, 6)
    cases = [
        (
            "working_days_between($day, $inside, 'sct')",
            lambda: cal.working_days_between(day, inside),
        ),
        (
            "working_days_between($inside, $day, 'sct')",
            lambda: cal.working_days_between(inside, day),
        ),
        ("add_working_days($day, 3, 'sct')", lambda: cal.add_working_days(day, 3)),
        ("add_working_days($day, 0, 'sct')", lambda: cal.add_working_days(day, 0)),
        ("add_working_days($day, -3, 'sct')", lambda: cal.add_working_days(day, -3)),
    ]
    for sql, call in cases:
        message = _python_error(call)
        arguments = {"day": day, "inside": inside} if "$inside" in sql else {"day": day}
        with pytest.raises(duckdb.InvalidInputException) as caught:
            connection.execute(f"SELECT {sql}", arguments).fetchall()
        assert str(caught.value) == f"Invalid Input Error: {message}", sql


@pytest.mark.parametrize(
    ("day", "n"),
    [
        (D(2030, 12, 20), 15),
        (D(2030, 12, 31), 1),
        (D(2006, 1, 3), -1),
        (D(2006, 1, 10), -30),
        (D(2018, 6, 1), 10**15),
        (D(2018, 6, 1), -(2**62)),
        (D(2018, 6, 1), 9_000),
    ],
)
def test_duckdb_refuses_counts_past_the_coverage_with_the_calendars_message(
    day: dt.date, n: int
) -> None:
    duckdb = pytest.importorskip("duckdb")
    connection = _duckdb_connection()
    message = _python_error(lambda: calendar_for("england").add_working_days(day, n))
    for sql in ("add_working_days($day, $n, 'england')", "add_working_days(a, n, 'england')"):
        with pytest.raises(duckdb.InvalidInputException) as caught:
            connection.execute(
                f"SELECT {sql} FROM (SELECT $day AS a, $n AS n)", {"day": day, "n": n}
            ).fetchall()
        assert str(caught.value) == f"Invalid Input Error: {message}"


def test_duckdb_names_an_unknown_division_and_a_fractional_n_as_the_calendar_does() -> None:
    duckdb = pytest.importorskip("duckdb")
    connection = _duckdb_connection()
    for name in ("walse", "Mars"):
        message = _python_error(functools.partial(calendar_for, name))
        for sql in (
            "working_days_between(DATE '2020-01-01', DATE '2020-02-01', $d)",
            "add_working_days(DATE '2020-01-01', 5, $d)",
            "add_working_days(DATE '2020-01-01', 0, $d)",
        ):
            with pytest.raises(duckdb.InvalidInputException) as caught:
                connection.execute(f"SELECT {sql}", {"d": name}).fetchall()
            assert str(caught.value) == f"Invalid Input Error: {message}"
    message = _python_error(lambda: calendar_for("england").add_working_days(D(2020, 1, 1), 1.5))  # type: ignore[arg-type]
    with pytest.raises(duckdb.InvalidInputException) as caught:
        connection.execute("SELECT add_working_days(DATE '2020-01-01', 1.5, 'england')").fetchall()
    assert str(caught.value) == f"Invalid Input Error: {message}"


def test_duckdb_null_in_gives_null_out_and_timestamps_count_by_their_date() -> None:
    connection = _duckdb_connection()
    row = connection.execute(
        "SELECT working_days_between(NULL, DATE '2020-01-01', 'england'), "
        "working_days_between(DATE '2020-01-01', NULL, 'england'), "
        "working_days_between(DATE '2020-01-01', DATE '2020-02-01', NULL), "
        "add_working_days(NULL, 3, 'england'), add_working_days(DATE '2020-01-01', NULL, 'england'), "
        "add_working_days(DATE '2020-01-01', 3, NULL), add_working_days(DATE '2020-01-01', 0, NULL), "
        "add_working_days(DATE '2040-01-01', NULL, 'england'), "
        "working_days_between(TIMESTAMP '2014-12-15 23:59', TIMESTAMP '2015-01-08 00:01', 'england'), "
        "add_working_days(TIMESTAMP '2014-12-15 09:30', 15, 'england'), "
        "add_working_days(DATE '2014-12-20', 0, 'england')"
    ).fetchone()
    assert row == (
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        15,
        D(2015, 1, 8),
        D(2014, 12, 20),
    )


def test_duckdb_register_twice_replaces_and_names_what_it_made() -> None:
    from safeguarding_rules.engines.duckdb import MACROS, TABLES, register

    connection = register(_duckdb_connection())
    tables = {
        row[0] for row in connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    }
    functions = {
        row[0]
        for row in connection.execute(
            "SELECT function_name FROM duckdb_functions() WHERE function_type = 'macro' "
            "AND schema_name = 'main' AND database_name = 'temp'"
        ).fetchall()
    }
    assert set(TABLES) <= tables
    assert set(MACROS) <= functions
    assert connection.execute(
        "SELECT count(*) FROM temp.sgr_calendar WHERE division = 'england-and-wales'"
    ).fetchone() == (calendar_table("england-and-wales").num_rows,)


@pytest.mark.parametrize(("day", "n"), [(D(2030, 12, 20), 15), (D(2006, 1, 10), -30)])
def test_the_array_kernel_refuses_counts_past_the_coverage_as_the_calendar_does(
    day: dt.date, n: int
) -> None:
    cal = calendar_for("england")
    message = _python_error(lambda: cal.add_working_days(day, n))
    with pytest.raises(CalendarRangeError) as caught:
        cal.add_working_days_array(np.array([day], dtype="datetime64[D]"), n)
    assert str(caught.value) == message


def test_the_native_polars_translation_on_the_engines_page_agrees_on_every_covered_day() -> None:
    """Issue 30 item 4: the page's native_between and native_add, over the whole coverage."""
    pl = pytest.importorskip("polars")
    import re
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "engines.md").read_text("utf-8")
    namespace: dict[str, Any] = {}
    for block in re.findall(r"```python\n(.*?)\n```", page, flags=re.S)[:2]:
        exec(compile(block, "<engines.md>", "exec"), namespace)
    cal = calendar_for("england-and-wales")
    days = pl.date_range(cal.first, cal.last, eager=True)
    frame = pl.DataFrame({"start": days, "end": days.shuffle(seed=4)})
    for n in (-20, -1, 0, 1, 20):
        inside = frame.filter(
            pl.col("start").is_between(
                cal.add_working_days(cal.first, max(-n, 0) + 1),
                cal.add_working_days(cal.last, -max(n, 0) - 1),
            )
        )
        compared = inside.select(
            native=namespace["native_between"]("start", "end"),
            ours=namespace["working_days_between"]("start", "end"),
            native_due=namespace["native_add"]("start", n),
            our_due=namespace["add_working_days"]("start", n),
        )
        assert compared["native"].to_list() == compared["ours"].to_list()
        assert compared["native_due"].to_list() == compared["our_due"].to_list()
