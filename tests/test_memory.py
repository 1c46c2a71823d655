"""Freed memory is handed back to the operating system where the C library allows it."""

from __future__ import annotations

import ctypes
import sys

from safeguarding_rules._columnar import trim_heap


def test_trim_heap_asks_glibc_on_linux_and_is_harmless_elsewhere() -> None:
    trimmed = trim_heap()
    assert trimmed is (sys.platform.startswith("linux") and _has_malloc_trim())
    assert trim_heap() is trimmed  # repeatable


def _has_malloc_trim() -> bool:
    return hasattr(ctypes.CDLL(None), "malloc_trim")
