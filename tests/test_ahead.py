"""Work made ahead on a second thread comes back in order, errors included."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules._columnar import ahead, mapped_ahead


@given(st.lists(st.integers()), st.integers(1, 4))
def test_items_and_order_are_kept(items: list[int], workers: int) -> None:
    assert list(ahead(iter(items))) == items
    assert list(mapped_ahead(lambda x: 2 * x, items, workers=workers)) == [2 * x for x in items]


def test_an_error_reaches_the_caller_at_its_item() -> None:
    def blocks() -> Iterator[int]:
        yield 1
        raise ValueError("block 2 is unreadable")

    read = ahead(blocks())
    assert next(read) == 1
    with pytest.raises(ValueError, match="block 2"):
        next(read)

    def half(x: int) -> float:
        if x == 3:
            raise ZeroDivisionError("chunk 3")
        return x / 2

    made = mapped_ahead(half, [1, 2, 3, 4])
    assert [next(made), next(made)] == [0.5, 1.0]
    with pytest.raises(ZeroDivisionError, match="chunk 3"):
        next(made)


def test_the_next_item_is_made_on_another_thread() -> None:
    threads = []

    def blocks() -> Iterator[int]:
        for i in range(3):
            threads.append(threading.get_ident())
            yield i

    assert list(ahead(blocks())) == [0, 1, 2]
    assert threading.get_ident() not in threads
