"""Time the compliance report end to end on a national-scale file.

    python benchmarks/bench_report.py [--rows 1000000] [--keep FILE]

Generates about a decade of English initial conferences (2014-2024): one row per child per
conference, sibling groups of 1 to 4, waits of 5 to 25 working days. Then runs
``safeguarding-rules report FILE --format json`` in-process and reports the wall time of
each stage and the peak resident memory.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from safeguarding_rules import calendar_for, get_rule_set, to_data
from safeguarding_rules.records import read_conference_records
from safeguarding_rules.reports import build_report, render_json


def generate(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    cal = calendar_for("england-and-wales")
    first = dt.date(2014, 4, 1)
    span = (dt.date(2024, 3, 1) - first).days
    written = conference = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["child_id", "conference_id", "conference_type", "conference_date",
                         "strategy_discussion_date", "reason_for_delay"])  # fmt: skip
        while written < rows:
            conference += 1
            sd = cal.roll_forward(first + dt.timedelta(days=rng.randrange(span)))
            held = cal.add_working_days(sd, rng.randint(5, 25)).isoformat()
            sd_text = sd.isoformat()
            for _ in range(min(rng.randint(1, 4), rows - written)):
                writer.writerow(
                    [f"C{written:07d}", f"K{conference:07d}", "initial", held, sd_text, ""]
                )
                written += 1


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2014)
    parser.add_argument("--keep", type=Path, help="Keep the generated file here.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "conferences.csv"
        started = time.perf_counter()
        generate(path, args.rows, args.seed)
        print(f"generated {args.rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - started:.1f} s (not part of the timing)")  # fmt: skip
        rule_set = get_rule_set("england")
        calendar = calendar_for(rule_set.division)
        t0 = time.perf_counter()
        records = read_conference_records(path, calendar)
        t1 = time.perf_counter()
        report = build_report(records, rule_set)
        t2 = time.perf_counter()
        text = render_json(report)
        t3 = time.perf_counter()
    icpc = to_data(report)["initial_conference_timeliness"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"read and check: {t1 - t0:6.2f} s")
    print(f"indicators:     {t2 - t1:6.2f} s")
    print(f"render json:    {t3 - t2:6.2f} s ({len(text) / 1e3:.0f} kB)")
    print(f"end to end:     {t3 - t0:6.2f} s for {len(records):,} rows")
    print(f"peak resident memory: {peak_mb:.0f} MB")
    by_child, by_conference = icpc["by_child"]["percent"], icpc["by_conference"]["percent"]
    print(f"by child {by_child}%, by conference {by_conference}%, ")
    print(f"longest {icpc['max_working_days']} working days")


if __name__ == "__main__":
    main()
