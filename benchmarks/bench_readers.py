"""Time the CIN census and Annex A readers on a large council's files, with peak memory.

    python benchmarks/bench_readers.py [--children 20000] [--rows 50000] [--keep DIR]

Writes a synthetic census of ``--children`` children (safeguarding_rules.testing.returns)
and an Annex A workbook with ``--rows`` rows in List 5 (needs openpyxl, in the ``bench``
group), then reads each in a fresh process and reports the wall time of the read and of
the report, the CPU time of the read (the wall time on a busy machine is longer), and the
process's peak resident memory, beside an import-only baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from safeguarding_rules import calendar_for, get_rule_set
from safeguarding_rules.records import InputFormat, LoadedRecords, read_annex_a, read_cin_census
from safeguarding_rules.reports import build_report
from safeguarding_rules.testing.returns import (
    LIST_5_HEADINGS,
    random_census,
    write_annex_a,
    write_cin_census,
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stage(kind: str, path: Path) -> dict[str, float]:
    england = get_rule_set("england")
    calendar = calendar_for("england-and-wales")
    start, cpu = time.perf_counter(), _cpu_s()
    if kind == "baseline":
        return {"read_s": 0.0, "read_cpu_s": 0.0, "report_s": 0.0, "peak_mb": _peak_mb()}
    if kind == "census":
        read = read_cin_census(path, calendar)
        loaded = LoadedRecords(
            records=read.records, input_format=InputFormat.CIN_CENSUS, census=read.census
        )
    else:
        loaded = LoadedRecords(
            records=read_annex_a(path, calendar), input_format=InputFormat.ANNEX_A
        )
    records = loaded.records
    read_s, read_cpu_s = time.perf_counter() - start, _cpu_s() - cpu
    build_report(loaded, england)
    return {
        "read_s": read_s,
        "read_cpu_s": read_cpu_s,
        "report_s": time.perf_counter() - start - read_s,
        "rows": float(len(records)),
        "peak_mb": _peak_mb(),
    }


def _list_5_rows(rows: int, rng: random.Random) -> list[list[object]]:
    first = dt.date(2023, 4, 1)
    found: list[list[object]] = []
    for number in range(rows):
        start = first + dt.timedelta(days=rng.randrange(330))
        held = start + dt.timedelta(days=rng.randrange(5, 35))
        text = rng.random() < 0.3  # some dates typed as text, as in the field
        found.append([
            float(10_000_000 + number), "b) Female",
            start.strftime("%d/%m/%Y") if text else start,
            "b) No", held.strftime("%d/%m/%Y") if text else held, "a) Yes", "Team",
        ])  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="Write the files here and keep them.")
    parser.add_argument(
        "--stage", choices=["baseline", "census", "annex-a"], help=argparse.SUPPRESS
    )
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.stage:
        print(json.dumps(stage(options.stage, options.file)))
        return
    folder = options.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    census, workbook = folder / "census.xml", folder / "annex_a.xlsx"
    start = time.perf_counter()
    write_cin_census(census, random_census(random.Random(1), options.children))
    rows = _list_5_rows(options.rows, random.Random(2))
    write_annex_a(workbook, {"List 5": (LIST_5_HEADINGS, rows)})
    took = time.perf_counter() - start
    print(f"wrote {census.stat().st_size / 1e6:.1f} MB census, "
          f"{workbook.stat().st_size / 1e6:.1f} MB workbook in {took:.1f} s")  # fmt: skip
    for kind, path in (("baseline", census), ("census", census), ("annex-a", workbook)):
        done = subprocess.run(
            [sys.executable, __file__, "--stage", kind, "--file", str(path)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        figures = json.loads(done.stdout)
        print(f"{kind:9} read {figures['read_s']:6.2f} s (CPU {figures['read_cpu_s']:5.2f} s)  "
              f"report {figures['report_s']:6.2f} s  "
              f"rows {int(figures.get('rows', 0)):7,}  "
              f"peak RSS {figures['peak_mb']:6.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
