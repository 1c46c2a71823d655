"""``working_days_between`` and ``add_working_days`` as DuckDB SQL functions.

Needs the ``duckdb`` extra (``pip install 'safeguarding-rules[duckdb]'``)::

    import duckdb

    from safeguarding_rules.engines.duckdb import register

    con = register(duckdb.connect())
    con.sql(
        "SELECT working_days_between(strategy_discussion_date, conference_date, "
        "'england-and-wales') AS wait, "
        "add_working_days(strategy_discussion_date, 15, 'england-and-wales') AS due "
        "FROM 'conferences.csv'"
    )

The functions are SQL macros over the library's own working-day index
(:func:`~safeguarding_rules.engines.calendar_table`, one for every division, loaded into
the connection as a temporary table), so DuckDB plans them as hash joins and runs them at
the speed of its own joins, with no Python call per batch. They give the library's answers
(the test suite compares them with the calendar date by date) and its coverage checks: a
date outside the coverage, or a count that runs past it, is an error naming it, with the
calendar's own message. Nulls give null, whichever argument is null.
"""

from __future__ import annotations

import duckdb

from ..calendar import COVERAGE_END, COVERAGE_START, DIVISIONS
from . import calendar_table

__all__ = ["MACROS", "TABLES", "register"]

#: The temporary tables :func:`register` creates: every covered day of every division
#: (``division``, ``day``, ``cum``: working days from the start of coverage up to and
#: including ``day``; ``before``: those strictly before it), and every working day by its
#: number ``k`` from 0.
TABLES = ("sgr_calendar", "sgr_working_day")

#: The SQL macros :func:`register` creates; the first two are the public functions.
MACROS = (
    "working_days_between",
    "add_working_days",
    "sgr_between",
    "sgr_add",
    "sgr_division",
    "sgr_outside",
)


def _text(value: str) -> str:
    """Return ``value`` as an SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def _macros() -> list[str]:
    """Return the SQL that defines the macros, with every division's names and the coverage.

    The messages are the calendar's own (``tests/test_engines.py`` compares them): a name is
    quoted as Python's ``repr`` quotes one without quotes or backslashes in it.
    """
    names = ", ".join(
        f"{_text(alias)}: {_text(division.name)}"
        for division in DIVISIONS.values()
        for alias in (division.name, *division.aliases)
    )
    unknown = _text(
        f"; known divisions: {', '.join(DIVISIONS)} "
        "('england' and 'wales' are aliases of 'england-and-wales')"
    )
    # What str.strip() strips, as division_for() strips it.
    spaces = _text("".join(c for c in map(chr, range(0x3001)) if c.isspace()))
    first, last = COVERAGE_START.isoformat(), COVERAGE_END.isoformat()
    coverage = f"calendar''s coverage ({first} to {last})"
    # Any |n| past this leaves the coverage: clamping it keeps DuckDB's arithmetic from
    # overflowing, and the message still names the n given.
    limit = (COVERAGE_END - COVERAGE_START).days + 1
    steps = f"least(greatest(n, -{limit}), {limit})"
    cum = (
        "(SELECT c.cum FROM temp.sgr_calendar c "
        "WHERE c.division = sgr_division(division_name) AND c.day = {day})"
    )
    return [
        f"""CREATE OR REPLACE TEMP MACRO sgr_division(division_name) AS (
            CASE WHEN division_name IS NULL THEN NULL
            ELSE coalesce(MAP {{{names}}}[lower(trim(division_name, {spaces}))],
                error('unknown calendar division ''' || division_name || '''' || {unknown}))
            END)""",
        f"""CREATE OR REPLACE TEMP MACRO sgr_outside(what, day, division_name) AS (
            CASE WHEN day IS NULL OR division_name IS NULL THEN NULL
            ELSE error(what || ' ' || CAST(day AS VARCHAR) || ' is outside the '
                || sgr_division(division_name) || ' {coverage}; '
                || 'bank holidays are not known there')
            END)""",
        f"""CREATE OR REPLACE TEMP MACRO sgr_between(start_date, end_date, division_name) AS (
            coalesce({cum.format(day="end_date")}, sgr_outside('end', end_date, division_name))
            - coalesce({cum.format(day="start_date")},
                sgr_outside('start', start_date, division_name)))""",
        f"""CREATE OR REPLACE TEMP MACRO sgr_add(start_date, n, division_name) AS (
            CASE WHEN start_date IS NULL OR n IS NULL OR division_name IS NULL THEN NULL
            WHEN start_date < DATE '{first}' OR start_date > DATE '{last}'
                THEN sgr_outside('day', start_date, division_name)
            WHEN n <> trunc(n) THEN error('n must be an int, got ' || n)
            WHEN n = 0 THEN CASE WHEN sgr_division(division_name) IS NULL THEN NULL
                ELSE start_date END
            ELSE coalesce(
                (SELECT w.day FROM temp.sgr_calendar c JOIN temp.sgr_working_day w
                 ON w.division = c.division
                 AND w.k = CASE WHEN n > 0 THEN c.cum + {steps} - 1 ELSE c.before + {steps} END
                 WHERE c.division = sgr_division(division_name) AND c.day = start_date),
                error('counting ' || n || ' working days from ' || CAST(start_date AS VARCHAR)
                    || ' goes past the ' || CASE WHEN n > 0 THEN 'end' ELSE 'start' END
                    || ' of the ' || sgr_division(division_name) || ' {coverage}'))
            END)""",
        # Dates and timestamps alike, as the calendar takes them: by their date.
        """CREATE OR REPLACE TEMP MACRO working_days_between(start_date, end_date, division_name)
            AS (sgr_between(CAST(start_date AS DATE), CAST(end_date AS DATE), division_name))""",
        """CREATE OR REPLACE TEMP MACRO add_working_days(start_date, n, division_name)
            AS (sgr_add(CAST(start_date AS DATE), n, division_name))""",
    ]


def register(connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Add the SQL functions ``working_days_between`` and ``add_working_days``.

    ``working_days_between(start, end, division)`` counts the working days ``d`` with
    ``start < d <= end``; ``add_working_days(day, n, division)`` is the ``n``-th working day
    strictly after ``day`` (before it if ``n < 0``; ``day`` itself when ``n = 0``).
    ``division`` is any name :func:`~safeguarding_rules.calendar_for` accepts, and may differ
    from row to row.

    They are temporary macros over two temporary tables (:data:`TABLES`), created on
    ``connection`` (which is returned): they last as long as the connection, and calling
    this again replaces them.
    """
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE sgr_calendar "
        "(division VARCHAR, day DATE, cum INTEGER, before INTEGER)"
    )
    for name in DIVISIONS:
        connection.register("_sgr_calendar_table", calendar_table(name))
        try:
            connection.execute(
                "INSERT INTO temp.sgr_calendar SELECT $name, day, cum, "
                "cum - CAST(working AS INTEGER) FROM _sgr_calendar_table",
                {"name": name},
            )
        finally:
            connection.unregister("_sgr_calendar_table")
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE sgr_working_day AS "
        "SELECT division, cum - 1 AS k, day FROM temp.sgr_calendar WHERE cum > before"
    )
    for statement in _macros():
        connection.execute(statement)
    return connection
