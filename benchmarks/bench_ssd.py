"""Time the SSD reader on a large council's tables, beside DuckDB reading the same tables.

    python benchmarks/bench_ssd.py [--rows 1000000] [--keep DIR]

Writes ``--rows`` rows of ``ssd_initial_cp_conference`` (siblings in pairs at one meeting)
with one ``ssd_s47_enquiry`` row each, and empty plan and review tables, into an SQLite
database, a folder of CSV extracts and a throwaway PostgreSQL server (Debian's postgresql
package; safeguarding_rules.testing.ssd.temporary_postgresql). Then, each in a fresh
process, it times:

* ``read_ssd`` from SQLite, from PostgreSQL and from the CSV folder: every table read,
  every value checked, the conference records built;
* DuckDB reading the same rows joined to their enquiries into Arrow, through its sqlite and
  postgres scanners where those extensions were installed beforehand (``INSTALL sqlite``
  and ``INSTALL postgres`` once, where there is network: the benchmark never downloads
  anything, and says so where one is missing), and through its own CSV reader on the
  extract;

and prints wall time, CPU time and peak resident memory, with each reader's ratio to
DuckDB on the same source (DuckDB only joins and converts; the reader also checks). Needs
the ``bench`` dependency group. Run it on a quiet machine: the timings of a busy one are
not worth reading.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from safeguarding_rules.testing.ssd import (
    COLUMNS,
    temporary_postgresql,
    write_ssd_csv,
    write_ssd_postgresql,
)

SCHEMA = "bench_ssd"
QUERY = (
    "SELECT i.icpc_icpc_id, i.icpc_person_id, i.icpc_icpc_meeting_id, i.icpc_icpc_date, "
    "i.icpc_icpc_target_date, s.s47e_s47_start_date "
    "FROM {icpc} i LEFT JOIN {s47} s ON s.s47e_s47_enquiry_id = i.icpc_s47_enquiry_id"
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _ids(prefix: str, numbers: np.ndarray) -> pa.Array:
    text = pc.utf8_lpad(pc.cast(pa.array(numbers), pa.string()), 8, "0")
    return pc.binary_join_element_wise(prefix, text, "")


def tables(rows: int, seed: int = 29) -> dict[str, pa.Table]:
    """The benchmark's tables: ``rows`` initial conferences and their enquiries."""
    rng = np.random.default_rng(seed)
    number = np.arange(rows)
    pair = number // 2  # siblings two by two: one meeting, one strategy discussion
    start_day = np.datetime64("2020-01-06") + rng.integers(0, 1500, rows // 2 + 1)[pair]
    start = start_day.astype("datetime64[us]") + np.timedelta64(9, "h")
    held = (start_day + rng.integers(3, 40, rows // 2 + 1)[pair]).astype("datetime64[us]")
    target = (start_day + 21).astype("datetime64[us]")
    s47_ids, people = _ids("S", number), _ids("", number)
    empty = pa.nulls(rows, pa.string())

    def table(name: str, values: dict[str, Any]) -> pa.Table:
        names = [column for column, _ in COLUMNS[name]]
        columns = {
            column: values.get(column, empty if rows else pa.array([], pa.string()))
            for column in names
        }
        return pa.table(columns)

    def nothing(name: str) -> pa.Table:
        fields = [
            (c, pa.timestamp("us") if kind == "timestamp" else pa.string())
            for c, kind in COLUMNS[name]
        ]
        return pa.schema(fields).empty_table()

    icpc = table(
        "ssd_initial_cp_conference",
        {
            "icpc_icpc_id": _ids("IC", number),
            "icpc_icpc_meeting_id": _ids("M", pair),
            "icpc_s47_enquiry_id": s47_ids,
            "icpc_person_id": people,
            "icpc_icpc_transfer_in": pa.array(np.full(rows, "N")),
            "icpc_icpc_target_date": pa.array(target),
            "icpc_icpc_date": pa.array(held),
            "icpc_icpc_outcome_cp_flag": pa.array(np.full(rows, "N")),
        },
    ).cast(nothing("ssd_initial_cp_conference").schema)
    s47 = table(
        "ssd_s47_enquiry",
        {
            "s47e_s47_enquiry_id": s47_ids,
            "s47e_person_id": people,
            "s47e_s47_start_date": pa.array(start),
        },
    ).cast(nothing("ssd_s47_enquiry").schema)
    return {
        "ssd_s47_enquiry": s47,
        "ssd_initial_cp_conference": icpc,
        "ssd_cp_plans": nothing("ssd_cp_plans"),
        "ssd_cp_reviews": nothing("ssd_cp_reviews"),
    }


def write_sqlite(path: Path, found: dict[str, pa.Table]) -> None:
    """Write the tables into SQLite (dates as text, as SQLite keeps them)."""
    import adbc_driver_sqlite.dbapi as dbapi

    with dbapi.connect(str(path)) as connection, connection.cursor() as cursor:
        for name, table in found.items():
            columns = [
                pc.strftime(column, "%Y-%m-%d %H:%M:%S")
                if pa.types.is_timestamp(column.type)
                else column
                for column in table.columns
            ]
            text = pa.table(columns, names=table.column_names)
            cursor.adbc_ingest(name, text, mode="create")
        connection.commit()


def stage(kind: str, location: str) -> dict[str, Any]:
    """Run one measurement in this process (imports first: their cost is the baseline's)."""
    import duckdb

    from safeguarding_rules import calendar_for
    from safeguarding_rules.records.ssd import read_ssd

    calendar = calendar_for("england")
    start, cpu = time.perf_counter(), _cpu_s()
    result: dict[str, Any] = {}
    if kind == "baseline":
        pass
    elif kind.startswith("reader-"):
        schema = SCHEMA if kind == "reader-postgresql" else None
        found = read_ssd(location, calendar, schema=schema)
        result["rows"] = len(found.records)
    else:
        # Never download: an extension is loaded only if it was installed beforehand.
        connection = duckdb.connect(
            config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
        )
        if kind == "duckdb-csv":
            icpc = f"read_csv('{location}/ssd_initial_cp_conference.csv', all_varchar=true)"
            s47 = f"read_csv('{location}/ssd_s47_enquiry.csv', all_varchar=true)"
        else:
            extension = "sqlite" if kind == "duckdb-sqlite" else "postgres"
            try:
                connection.execute(f"LOAD {extension}")
            except duckdb.Error as error:
                return {
                    "unavailable": f"DuckDB's {extension} extension is not installed (run "
                    f"INSTALL {extension} once where there is network): "
                    + " ".join(str(error).split())[:200]
                }
            if extension == "sqlite":
                connection.execute(f"ATTACH '{location}' AS db (TYPE sqlite, READ_ONLY)")
                icpc, s47 = "db.ssd_initial_cp_conference", "db.ssd_s47_enquiry"
            else:
                connection.execute(f"ATTACH '{location}' AS db (TYPE postgres, READ_ONLY)")
                icpc = f"db.{SCHEMA}.ssd_initial_cp_conference"
                s47 = f"db.{SCHEMA}.ssd_s47_enquiry"
        table: pa.Table = connection.execute(QUERY.format(icpc=icpc, s47=s47)).to_arrow_table()
        result["rows"] = table.num_rows
    result.update(
        seconds=round(time.perf_counter() - start, 3),
        cpu_seconds=round(_cpu_s() - cpu, 3),
        peak_mb=round(_peak_mb(), 1),
    )
    return result


def _run(kind: str, location: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--stage", kind, "--location", location],
        check=True,
        capture_output=True,
        text=True,
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--location", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.location)))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-ssd-"))
    folder.mkdir(parents=True, exist_ok=True)
    found = tables(args.rows)
    database = folder / "ssd.db"
    database.unlink(missing_ok=True)
    write_sqlite(database, found)
    write_ssd_csv(folder / "csv", found)
    results: dict[str, dict[str, Any]] = {}
    with temporary_postgresql() as url:
        write_ssd_postgresql(url, found, schema=SCHEMA)
        del found
        plan = [
            ("baseline", ""),
            ("reader-sqlite", f"sqlite:///{database}"),
            ("duckdb-sqlite", str(database)),
            ("reader-postgresql", url),
            ("duckdb-postgresql", url),
            ("reader-csv", str(folder / "csv")),
            ("duckdb-csv", str(folder / "csv")),
        ]
        for kind, location in plan:
            results[kind] = _run(kind, location)
    print(f"{args.rows:,} ssd_initial_cp_conference rows (and their enquiries)")
    print(f"{'':22} {'seconds':>8} {'cpu s':>8} {'peak MB':>8}  ratio to DuckDB")
    for kind, result in results.items():
        if "unavailable" in result:
            print(f"{kind:22} unavailable: {result['unavailable']}")
            continue
        ratio = ""
        if kind.startswith("reader-"):
            other = results.get("duckdb-" + kind.split("-", 1)[1], {})
            if other.get("seconds"):
                ratio = (
                    f"time x{result['seconds'] / other['seconds']:.2f}, "
                    f"memory x{result['peak_mb'] / other['peak_mb']:.2f}"
                )
        print(
            f"{kind:22} {result['seconds']:8.2f} {result['cpu_seconds']:8.2f} "
            f"{result['peak_mb']:8.0f}  {ratio}"
        )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
