"""The Arrow text helpers give what Arrow's own kernels give."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules._columnar import holds_byte, trimmed

#: Text heavy in what trimming looks at: ASCII and Unicode spaces, controls, non-ASCII.
TEXT = st.text(st.sampled_from(" \t\r\n\x0b\x0c\x1c\x85\u00a0\u2003\u3000aZ0,é\u0175\U0001f600"))


@given(st.lists(TEXT, max_size=30), st.integers(0, 3), st.integers(0, 3))
def test_trimmed_is_arrows_trim(values: list[str], before: int, after: int) -> None:
    whole = pa.array([" x "] * before + values + ["y "] * after, pa.string())
    column = whole.slice(before, len(values))  # a slice: offsets not starting at 0
    assert trimmed(column).to_pylist() == pc.utf8_trim_whitespace(column).to_pylist()


def test_a_column_with_nothing_to_trim_is_not_copied() -> None:
    column = pa.array(["C0000001", "", "2024-01-02"], pa.string())
    assert trimmed(column) is column


@given(st.lists(TEXT, max_size=30), st.integers(0, 3), st.integers(0, 3), st.sampled_from("\n\r,"))
def test_holds_byte_looks_only_at_the_slice(
    values: list[str], before: int, after: int, byte: str
) -> None:
    whole = pa.array(["a\n\r,"] * before + values + ["\n\r,"] * after, pa.string())
    column = whole.slice(before, len(values))
    assert holds_byte(column, byte.encode()) is any(byte in value for value in values)
