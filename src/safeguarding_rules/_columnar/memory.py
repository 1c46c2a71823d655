"""Give memory that a national file's passing arrays used back to the operating system.

Reading a file in blocks makes many short-lived numpy arrays of a few megabytes each. The C
library's allocator keeps the memory they free for reuse, so a process that has read a
national file holds a few hundred megabytes it no longer uses, on top of what it needs
next. On Linux with glibc, ``malloc_trim`` hands that memory back, as dask.distributed
does for its workers; elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable

import pyarrow as pa

__all__ = ["release_memory", "trim_heap"]


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim  # glibc only (not musl)
    except (OSError, AttributeError):
        return None
    return trim


def trim_heap() -> bool:
    """Return the C library heap's freed memory to the operating system, where it can.

    :returns: whether the allocator could be asked (glibc on Linux).
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def release_memory() -> None:
    """Give freed memory back to the operating system: Arrow's pool, then malloc's heap."""
    pa.default_memory_pool().release_unused()
    trim_heap()
