"""Time explanations: ``Deadline.explain()`` in English and the same lines in Welsh.

    pip install -e .
    python benchmarks/bench_explain.py [--deadlines 2000]

Computes the Wales ``icpc`` deadline from ``--deadlines`` different start dates (2016
onwards), then reports per deadline: building the structured lines
(``Deadline.explanation()``), ``explain()`` on first use (each rule's source lines and each
skipped day's line are built once, then reused) and on later use, and the Welsh rendering
through the catalogue. Times are the best of three runs, except the first use.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable, Sequence

from safeguarding_rules import Deadline, calendar_for, get_rule_set
from safeguarding_rules.reports.i18n import translator


def per_item(items: Sequence[Deadline], work: Callable[[Deadline], object], runs: int) -> float:
    """Return the best of ``runs`` passes of ``work`` over ``items``, per item, in microseconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for item in items:
            work(item)
        best = min(best, time.perf_counter() - start)
    return best / len(items) * 1e6


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deadlines", type=int, default=2000)
    count = parser.parse_args().deadlines
    rule_set, calendar = get_rule_set("wales"), calendar_for("wales")
    deadlines = []
    for day in range(count):
        start = dt.date(2016, 1, 4) + dt.timedelta(days=day % 4000)
        rule = next(r for r in rule_set.versions("icpc") if r.edition.in_force_on(start))
        deadlines.append(Deadline.compute(rule, start, calendar, rule_set="wales"))
    welsh = translator("cy")
    print(f"{count} deadlines (Wales icpc), per deadline:")
    print(f"  explain(), first use:   {per_item(deadlines, Deadline.explain, 1):7.1f} us")
    print(f"  explain(), later:       {per_item(deadlines, Deadline.explain, 3):7.1f} us")
    print(f"  explanation() (build): {per_item(deadlines, Deadline.explanation, 3):7.1f} us")
    cy = per_item(deadlines, lambda d: welsh.explain(d.explanation()), 3)
    print(f"  in Welsh:               {cy:7.1f} us")


if __name__ == "__main__":
    main()
