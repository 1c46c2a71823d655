"""Work made ahead on other threads, for pipelines over a national file.

Arrow's kernels and numpy's loops run without holding Python's lock, so while one item (a
block of a CSV file, a chunk of a JSON report) is used, the next ones can be made on the
second core. Only a fixed few items are made ahead, so memory stays bounded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

__all__ = ["ahead", "both", "mapped_ahead"]

_T = TypeVar("_T")
_R = TypeVar("_R")
_S = TypeVar("_S")


def ahead(items: Iterable[_T]) -> Iterator[_T]:
    """Yield from ``items``, making the next one on a second thread meanwhile.

    The items and their order are those of ``items``; an error raised making one reaches
    the caller when it asks for that item, as if made here. ``items`` is advanced on one
    thread at a time, so it needs no locking of its own.
    """
    source = iter(items)
    done = object()
    with ThreadPoolExecutor(1, thread_name_prefix="ahead") as pool:
        pending = pool.submit(next, source, done)
        while (item := pending.result()) is not done:
            pending = pool.submit(next, source, done)
            yield item  # type: ignore[misc]


def mapped_ahead(
    function: Callable[[_T], _R], items: Iterable[_T], *, workers: int = 2
) -> Iterator[_R]:
    """Yield ``function(item)`` for each item, in order, with up to ``workers`` made ahead.

    Each result is made on one of ``workers`` threads while the caller uses the ones
    before it, so the caller's work (writing a chunk) and the making of the next ones
    (encoding them) share both cores. At most ``workers`` results wait at a time.
    """
    with ThreadPoolExecutor(workers, thread_name_prefix="ahead") as pool:
        pending: deque[Future[_R]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def both(first: Callable[[], _R], second: Callable[[], _S]) -> tuple[_R, _S]:
    """Return ``(first(), second())``, ``second`` made on another thread meanwhile.

    For two independent pieces of work each long enough to fill a core (two sorts of a
    national file's ids, say); an error in either reaches the caller.
    """
    with ThreadPoolExecutor(1, thread_name_prefix="both") as pool:
        later = pool.submit(second)
        return first(), later.result()
