"""Work one item ahead on a second thread, for pipelines over a national file.

Arrow's kernels and numpy's loops run without holding Python's lock, so while one item (a
block of a CSV file, a chunk of a JSON report) is used, the next can be made on the
second core. One item at most is made ahead, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = ["ahead"]

_T = TypeVar("_T")


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
