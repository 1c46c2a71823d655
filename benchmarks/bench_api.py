"""Time what a web request pays: get_rule_set, RuleSet.deadlines, and a cold start in threads.

    pip install -e .
    python benchmarks/bench_api.py [--calls 2000] [--threads 32]

Reports the per-call cost of ``get_rule_set("england")`` (cached after the first call),
of ``load_rule_sets()`` (a fresh load, what every call cost before the cache), and of
``RuleSet.deadlines`` on a case with three deadlines; then starts ``--threads`` threads at
once on an empty cache and counts how many times the rule sets were loaded and the
calendar built (each should be once). Times are the best of three runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import threading
import time
from collections.abc import Callable, Sequence

from safeguarding_rules import (
    CaseEvents,
    StrategyDiscussion,
    WorkingDayCalendar,
    get_rule_set,
    load_rule_sets,
)
from safeguarding_rules import plugins as _plugins
from safeguarding_rules.calendar import working_days as _calendar


def per_call(calls: int, work: Callable[[], object]) -> float:
    """Return the best of three runs of ``calls`` calls of ``work``, per call, in microseconds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(calls):
            work()
        best = min(best, time.perf_counter() - start)
    return best / calls * 1e6


def cold_start(threads: int) -> tuple[int, int, float]:
    """Empty the caches, start ``threads`` threads at once; count loads and builds."""
    loads: list[int] = []
    builds: list[int] = []
    real_load = _plugins.load_rule_sets
    real_build = WorkingDayCalendar._build.__func__  # type: ignore[attr-defined]

    def counted_load() -> _plugins.RuleSets:
        loads.append(1)
        return real_load()

    def counted_build(cls: type[WorkingDayCalendar], /, *args: object, **kwargs: object) -> object:
        builds.append(1)
        return real_build(cls, *args, **kwargs)

    _plugins._loaded = None
    _calendar._calendars.clear()
    _plugins.load_rule_sets = counted_load  # type: ignore[assignment]
    WorkingDayCalendar._build = classmethod(counted_build)  # type: ignore[assignment,method-assign]
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=dt.date(2019, 3, 1))])
    barrier = threading.Barrier(threads)

    def request() -> None:
        barrier.wait()
        get_rule_set("england").deadlines(events)

    workers = [threading.Thread(target=request) for _ in range(threads)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start
    _plugins.load_rule_sets = real_load
    WorkingDayCalendar._build = classmethod(real_build)  # type: ignore[assignment,method-assign]
    return len(loads), len(builds), elapsed


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2_000)
    parser.add_argument("--threads", type=int, default=32)
    args = parser.parse_args(argv)

    loads, builds, elapsed = cold_start(args.threads)
    print(
        f"cold start, {args.threads} threads: rule sets loaded {loads} time(s), calendar built "
        f"{builds} time(s), {elapsed * 1e3:.0f} ms"
    )
    england = get_rule_set("england")
    events = CaseEvents(
        strategy_discussions=[StrategyDiscussion(date=dt.date(2014, 12, 15))],
        initial_conference=dt.date(2015, 1, 8),
    )
    assert len(england.deadlines(events)) == 3
    fresh_calls = max(args.calls // 50, 10)
    timings = {
        "get_rule_set('england')": per_call(args.calls, lambda: get_rule_set("england")),
        "load_rule_sets()": per_call(fresh_calls, load_rule_sets),
        "RuleSet.deadlines (3)": per_call(args.calls, lambda: england.deadlines(events)),
    }
    for name, micros in timings.items():
        print(f"{name + ':':<26}{micros:10.2f} µs per call")


if __name__ == "__main__":
    main()
