"""The compliance report side by side with the SQL and dataframe code an analyst would write.

    python benchmarks/bench_side_by_side.py [--rows 100000 1000000 3000000] [--repeat 3]
                                            [--shuffle] [--formats csv html text]

For each size, generates the initial conferences of ``bench_report.py`` and runs, each in a
fresh process (so wall time includes start-up and peak memory is that process's alone;
the report's JSON is read for its figures after its clock stops; byte-code caching is on,
as for an installed package; every tool is first run once, untimed, on a 100-row file, so
that the cache is written and the libraries are in the file-system cache for all alike):

- ``safeguarding-rules report FILE --format json -o out.json`` (every check, the full JSON);
- DuckDB SQL joining the library's working-day index table (``engines.calendar_table``):
  the heavier query (row positions, case-insensitive types), the minimal one an analyst
  would write first, and the minimal one made to name every late conference and its
  children in a JSON file, as the report does (``duckdb-named``);
- Polars ``read_csv`` with the library's ``working_days_between`` / ``add_working_days``
  expressions (needs the ``polars`` extra).

It prints the median wall time and peak resident memory of each, and checks that all three
give the same headline figures: initial conferences on time by child and by conference,
the DfE bands and the longest wait. ``--formats csv html text`` also times the report
written in those formats (its figures are checked from the JSON run).

The file lists conferences in date order with their ids in sequence, as an export usually
does; ``--shuffle`` puts its rows in random order instead (the ids then arrive in no order,
the costliest case for numbering them).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_report import generate

Figures = list[int]

DUCKDB_QUERY = """
WITH records AS (
    SELECT row_number() OVER () AS position, *
    FROM read_csv($path, header = true, all_varchar = true)
),
initial AS (
    SELECT r.conference_id, r.position,
           done.cum - start.cum AS waited,
           CAST(r.conference_date AS DATE) <= due.day AS on_time
    FROM records r
    JOIN calendar start ON start.day = CAST(r.strategy_discussion_date AS DATE)
    JOIN calendar done ON done.day = CAST(r.conference_date AS DATE)
    JOIN calendar due ON due.cum = start.cum + 15 AND due.working
    WHERE lower(r.conference_type) = 'initial'
),
conferences AS (
    SELECT arg_min(waited, position) AS waited, arg_min(on_time, position) AS on_time
    FROM initial GROUP BY conference_id
)
SELECT (SELECT count(*) FILTER (WHERE on_time) FROM initial),
       (SELECT count(*) FROM initial),
       count(*) FILTER (WHERE on_time), count(*),
       count(*) FILTER (WHERE waited <= 10),
       count(*) FILTER (WHERE waited BETWEEN 11 AND 15),
       count(*) FILTER (WHERE waited BETWEEN 16 AND 20),
       count(*) FILTER (WHERE waited >= 21),
       (SELECT max(waited) FROM initial)
FROM conferences
"""


#: The file as DuckDB reads it (types detected), each initial conference's row joined to the
#: calendar table's running working-day count at its strategy discussion, its conference and
#: its due date (15 working days on).
INITIAL_JOINS = """FROM read_csv($path) c
JOIN calendar start ON start.day = c.strategy_discussion_date
JOIN calendar done ON done.day = c.conference_date
JOIN calendar due ON due.cum = start.cum + 15 AND due.working
WHERE c.conference_type = 'initial'"""

#: The SQL an analyst would write first for the same headline: the file as DuckDB reads it
#: (types detected), joined to the calendar table's running working-day count; a conference
#: is on time when all its children are, and waited as long as its longest. No row checks.
DUCKDB_MINIMAL_QUERY = f"""
WITH initial AS (
    SELECT c.conference_id,
           done.cum - start.cum AS waited,
           c.conference_date <= due.day AS on_time
    {INITIAL_JOINS.replace(chr(10), chr(10) + "    ")}
),
conferences AS (
    SELECT max(waited) AS waited, bool_and(on_time) AS on_time
    FROM initial GROUP BY conference_id
)
SELECT (SELECT count(*) FILTER (WHERE on_time) FROM initial),
       (SELECT count(*) FROM initial),
       count(*) FILTER (WHERE on_time), count(*),
       count(*) FILTER (WHERE waited <= 10),
       count(*) FILTER (WHERE waited BETWEEN 11 AND 15),
       count(*) FILTER (WHERE waited BETWEEN 16 AND 20),
       count(*) FILTER (WHERE waited >= 21),
       (SELECT max(waited) FROM initial)
FROM conferences
"""


#: The minimal SQL made to say what the report says of each late conference: its id, its
#: children's ids, its dates and how late it was, written as a JSON file, as an analyst who
#: must name every late child would add to the minimal query. The file is read once.
DUCKDB_NAMED_QUERIES = (
    f"""
CREATE TEMP TABLE initial AS
SELECT c.conference_id, c.child_id, c.conference_date, c.strategy_discussion_date,
       c.reason_for_delay, due.day AS due_date,
       done.cum - start.cum AS waited,
       done.cum - due.cum AS late_by,
       c.conference_date <= due.day AS on_time
{INITIAL_JOINS}
""",
    """
COPY (
    SELECT conference_id, list(child_id) AS child_ids,
           min(conference_date) AS conference_date,
           min(strategy_discussion_date) AS strategy_discussion_date,
           min(due_date) AS due_date, count(*) AS children,
           max(waited) AS working_days, max(late_by) AS working_days_late,
           any_value(reason_for_delay) AS reason_for_delay
    FROM initial WHERE NOT on_time
    GROUP BY conference_id ORDER BY conference_date, conference_id
) TO '{out}' (FORMAT json, ARRAY true)
""",
    DUCKDB_MINIMAL_QUERY.replace(
        DUCKDB_MINIMAL_QUERY[: DUCKDB_MINIMAL_QUERY.index("conferences AS")], "WITH "
    ),
)


REPORT = ["safeguarding-rules", "report", "{path}", "--format", "json", "-o", "{out}"]


def report_figures(out: Path) -> Figures:
    """The headline figures from the report's JSON (read after the timed run)."""
    icpc = json.loads(out.read_text(encoding="utf-8"))["initial_conference_timeliness"]
    return [
        icpc["by_child"]["on_time"],
        icpc["by_child"]["total"],
        icpc["by_conference"]["on_time"],
        icpc["by_conference"]["total"],
        *icpc["bands"].values(),
        icpc["max_working_days"],
    ]


def run_report(path: Path) -> Figures:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        command = [part.format(path=path, out=out) for part in REPORT]
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        return report_figures(out)


def duckdb_with_calendar() -> Any:
    """A DuckDB connection holding the library's working-day index table as ``calendar``."""
    import duckdb

    from safeguarding_rules.engines import calendar_table

    connection = duckdb.connect()
    connection.register("calendar_arrow", calendar_table("england-and-wales"))
    connection.execute("CREATE TABLE calendar AS SELECT * FROM calendar_arrow")
    return connection


def run_duckdb(path: Path, query: str = DUCKDB_QUERY) -> Figures:
    connection = duckdb_with_calendar()
    row = connection.execute(query, {"path": str(path)}).fetchone()
    assert row is not None
    return [int(value) for value in row]


def run_duckdb_minimal(path: Path) -> Figures:
    return run_duckdb(path, DUCKDB_MINIMAL_QUERY)


def run_duckdb_named(path: Path) -> Figures:
    connection = duckdb_with_calendar()
    create, copy, figures = DUCKDB_NAMED_QUERIES
    connection.execute(create, {"path": str(path)})
    with tempfile.TemporaryDirectory() as folder:
        connection.execute(copy.format(out=Path(folder) / "late.json"))
    row = connection.execute(figures).fetchone()
    assert row is not None
    return [int(value) for value in row]


def run_polars(path: Path) -> Figures:
    import polars as pl

    from safeguarding_rules.engines.polars import add_working_days, working_days_between

    dates = {"conference_date": pl.Date, "strategy_discussion_date": pl.Date}
    initial = (
        pl.scan_csv(path, schema_overrides=dates)
        .with_row_index("position")
        .filter(pl.col("conference_type").str.to_lowercase() == "initial")
        .with_columns(
            waited=working_days_between("strategy_discussion_date", "conference_date"),
            on_time=pl.col("conference_date") <= add_working_days("strategy_discussion_date", 15),
        )
        .collect()
    )
    firsts = initial.group_by("conference_id").agg(pl.col("waited", "on_time").first())
    waited = firsts["waited"]
    return [
        int(initial["on_time"].sum()),
        initial.height,
        int(firsts["on_time"].sum()),
        firsts.height,
        int((waited <= 10).sum()),
        int(waited.is_between(11, 15).sum()),
        int(waited.is_between(16, 20).sum()),
        int((waited >= 21).sum()),
        int(initial["waited"].max()),  # type: ignore[arg-type]
    ]


TOOLS = {
    "report": run_report,
    "duckdb": run_duckdb,
    "duckdb-minimal": run_duckdb_minimal,
    "duckdb-named": run_duckdb_named,
    "polars": run_polars,
}


#: Byte-code caching on, as for an installed package (DuckDB's and Polars' Python code is
#: compiled when they are installed), whatever ``PYTHONDONTWRITEBYTECODE`` says here.
BYTECODE_ON = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(tool: str, path: Path) -> tuple[float, float, Figures]:
    """Run one tool in a fresh process: wall seconds, peak resident MB, figures.

    The report is run as the command itself, and its JSON is read for the figures after
    the clock stops; DuckDB and Polars run in a Python process that prints their figures.
    """
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        if tool == "report":
            command = [part.format(path=path, out=out) for part in REPORT]
        elif tool.startswith("report-"):  # another output format: timed, figures not read
            output_format = tool.removeprefix("report-")
            command = [
                part.format(path=path, out=out.with_suffix(f".{output_format}")) for part in REPORT
            ]
            command[command.index("json")] = output_format
        else:
            command = [sys.executable, __file__, "--one", tool, str(path)]
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=BYTECODE_ON
        )
        assert child.stdout is not None
        output = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        if status != 0:
            raise SystemExit(f"{tool} failed on {path}")
        if tool == "report":
            figures = report_figures(out)
        else:
            figures = json.loads(output)["figures"] if output.strip() else []
    return wall, usage.ru_maxrss / 1024, figures


def shuffle(path: Path, seed: int) -> None:
    """Put the file's rows (not its header) in random order."""
    with path.open(encoding="utf-8") as handle:
        header, *rows = handle.readlines()
    random.Random(seed).shuffle(rows)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header)
        handle.writelines(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000, 3_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=list(TOOLS))
    parser.add_argument("--shuffle", action="store_true", help="rows in random order")
    parser.add_argument(
        "--formats",
        nargs="+",
        default=[],
        choices=["csv", "html", "text"],
        help="also time the report written in these formats (figures checked from JSON)",
    )
    parser.add_argument("--one", nargs=2, metavar=("TOOL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps({"figures": TOOLS[args.one[0]](Path(args.one[1]))}))
        return
    tools = [*args.tools, *(f"report-{name}" for name in args.formats)]
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm-up.csv"
        generate(warm, 100, 2014)
        for tool in tools:
            measure(tool, warm)
        for rows in args.rows:
            path = Path(folder) / f"conferences-{rows}.csv"
            generate(path, rows, 2014)
            if args.shuffle:
                shuffle(path, 2014)
            answers = {}
            for tool in tools:
                runs = [measure(tool, path) for _ in range(args.repeat)]
                if tool in TOOLS:
                    answers[tool] = runs[0][2]
                results.append(
                    {
                        "rows": rows,
                        "tool": tool,
                        "wall": statistics.median(run[0] for run in runs),
                        "peak": statistics.median(run[1] for run in runs),
                    }
                )
            if len({json.dumps(figures) for figures in answers.values()}) != 1:
                raise SystemExit(f"the tools disagree at {rows:,} rows: {answers}")
            print(f"{rows:,} rows: all tools agree: {answers[args.tools[0]]}", file=sys.stderr)
    print(
        f"| rows | tool | wall, median of {args.repeat} | peak memory | wall vs DuckDB "
        "| memory vs DuckDB |"
    )
    print("|---|---|---|---|---|---|")
    duck = {r["rows"]: r for r in results if r["tool"] == "duckdb"}
    for r in results:
        base = duck.get(r["rows"])
        wall = f"{r['wall'] / base['wall']:.1f}x" if base else ""
        peak = f"{r['peak'] / base['peak']:.1f}x" if base else ""
        print(
            f"| {r['rows']:,} | {r['tool']} | {r['wall']:.2f} s | {r['peak']:.0f} MB "
            f"| {wall} | {peak} |"
        )


if __name__ == "__main__":
    main()
