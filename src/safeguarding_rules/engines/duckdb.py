"""``working_days_between`` and ``add_working_days`` as DuckDB SQL functions.

Needs the ``duckdb`` extra (``pip install 'safeguarding-rules[duckdb]'``)::

    import duckdb
from duckdb.func import FunctionNullHandling, PythonUDFType
    from safeguarding_rules.engines.duckdb import register

    con = duckdb.connect()
    register(con)
    con.sql(
        "SELECT working_days_between(strategy_discussion_date, conference_date, "
        "'england-and-wales') AS wait, "
        "add_working_days(strategy_discussion_date, 15, 'england-and-wales') AS due "
        "FROM 'conferences.csv'"
    )

The functions are vectorised (Arrow batches through the library's kernel), so a SQL user
gets the library's bank holidays and coverage checks instead of a hand-typed holiday table:
a date outside the coverage is an error naming it. Nulls give null.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from duckdb.func import FunctionNullHandling, PythonUDFType

from ..calendar import WorkingDayCalendar, calendar_for
from . import add_working_days_arrow, working_days_between_arrow

__all__ = ["register"]


def _calendar(division: pa.Array) -> WorkingDayCalendar:
    names = pc.unique(division.drop_null()).to_pylist()
    if len(names) > 1:
        raise ValueError(f"one division per query, not {', '.join(map(repr, names))}")
    return calendar_for(names[0] if names else "england-and-wales")


def _between(start: pa.Array, end: pa.Array, division: pa.Array) -> pa.Array:
    return working_days_between_arrow(start, end, _calendar(division))


def _add(day: pa.Array, n: pa.Array, division: pa.Array) -> pa.Array:
    return add_working_days_arrow(day, pc.cast(n, pa.int64()), _calendar(division))


def register(connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Add the SQL functions ``working_days_between`` and ``add_working_days``.

    ``working_days_between(start, end, division)`` and ``add_working_days(day, n,
    division)`` are added to ``connection``, which is returned.

    For a join on the working-day index instead, register
    :func:`~safeguarding_rules.engines.calendar_table` (``connection.register(name, table)``).
    """
    arrow, special = PythonUDFType.ARROW, FunctionNullHandling.SPECIAL
    connection.create_function(
        "working_days_between", _between, ["DATE", "DATE", "VARCHAR"], "BIGINT",
        type=arrow, null_handling=special,
    )  # fmt: skip
    connection.create_function(
        "add_working_days", _add, ["DATE", "BIGINT", "VARCHAR"], "DATE",
        type=arrow, null_handling=special,
    )  # fmt: skip
    return connection
