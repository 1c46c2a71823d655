"""Time the command line's start-up: wall and CPU time of quick commands, each a fresh process.

    python benchmarks/bench_startup.py [--runs 5] [--src OTHER/src]

Runs ``--help``, ``rules --ruleset england``, ``calendar between`` and a 100-row ``report``
(the first 100 lines of the shipped sample) ``--runs`` times each, after one warm-up run,
and prints the median wall time and the median CPU time (user + system, which a busy
machine inflates less than wall time). Byte-code caching is on, as for an installed
package, whatever ``PYTHONDONTWRITEBYTECODE`` says. ``--src`` puts another copy of the
package first on the path (e.g. an older commit's ``src``, from ``git archive``) to compare.
``tests/test_startup.py`` checks which modules each command loads; this script only times.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path


def commands(sample: Path) -> dict[str, list[str]]:
    """The commands timed, by label."""
    return {
        "--help": ["--help"],
        "report --help": ["report", "--help"],
        "rules --ruleset england": ["rules", "--ruleset", "england"],
        "calendar between": ["calendar", "between", "2024-01-02", "2024-03-01", "-d", "england"],
        "report (100 rows)": ["report", str(sample)],
    }


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Return the wall and CPU (user + system) seconds of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", type=Path, help="another copy of the package's src folder")
    args = parser.parse_args(argv)

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    data = resources.files("safeguarding_rules").joinpath("data", "sample_conferences.csv")
    lines = data.read_text("utf-8").splitlines(keepends=True)[:100]
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample_100.csv"
        sample.write_text("".join(lines), "utf-8")
        print(f"load average {os.getloadavg()[0]:.2f}; {args.runs} runs each, medians")
        print(f"{'command':<26} {'wall':>7} {'cpu':>7}")
        for label, arguments in commands(sample).items():
            full = [sys.executable, "-m", "safeguarding_rules", *arguments]
            run_once(full, env)  # warm-up: writes byte code, fills the page cache
            times = [run_once(full, env) for _ in range(args.runs)]
            wall = statistics.median(t[0] for t in times)
            cpu = statistics.median(t[1] for t in times)
            print(f"{label:<26} {wall:>6.2f}s {cpu:>6.2f}s")
        print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
