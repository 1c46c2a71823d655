"""Time the Welsh catalogue's in-memory compile and the whole unit's report on the sample year.

    pip install -e .
    python benchmarks/bench_unit.py

Reports the cost of compiling the shipped ``cy`` catalogue (``read_po`` then ``write_mo``,
paid once per process; cached afterwards), of a cached look-up, and of building and
rendering the unit report (80 adult enquiries, 90 missing episodes) in Welsh. Times are the
best of five runs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from importlib import resources

from safeguarding_rules import calendar_for, get_rule_set
from safeguarding_rules.records import read_adult_enquiries, read_missing_episodes
from safeguarding_rules.reports.i18n import translator
from safeguarding_rules.reports.unit import build_unit_report
from safeguarding_rules.reports.unit_render import render_unit_text


def best(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    def compile_cy() -> None:
        translator.cache_clear()
        translator("cy")

    print(f"compile the cy catalogue: {best(compile_cy) * 1000:.1f} ms")
    print(f"cached look-up:           {best(lambda: translator('cy')) * 1e6:.1f} us")
    data = resources.files("safeguarding_rules") / "data"
    calendar = calendar_for("wales")
    rule_set = get_rule_set("conwy")
    with resources.as_file(data / "sample_adult_enquiries.csv") as adults_path, \
            resources.as_file(data / "sample_missing_episodes.csv") as missing_path:  # fmt: skip

        def report() -> str:
            adults = read_adult_enquiries(adults_path, calendar)
            missing = read_missing_episodes(missing_path, calendar)
            unit = build_unit_report(
                rule_set, as_of=dt.date(2025, 3, 31), adults=adults, missing=missing
            )
            return render_unit_text(unit, language="cy")

        print(f"read, build, render (cy): {best(report) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
