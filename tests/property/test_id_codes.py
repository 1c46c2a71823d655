"""Ids are numbered the same whether packed into integers or hashed by Arrow."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules._columnar import first_of_each, grouped, is_first
from safeguarding_rules._columnar import number_ids as _codes
from safeguarding_rules._columnar import packed as _packed

IDS = st.text(st.sampled_from("AKC019-\x00ŷé/"), max_size=10)


@given(st.lists(IDS, max_size=60), st.integers(0, 5))
def test_codes_are_dictionary_encodes_numbers(ids: list[str], start: int) -> None:
    column = pa.array(["x"] * start + ids, pa.string()).slice(start)  # an offset slice too
    hashed = pc.dictionary_encode(column).indices.to_numpy(zero_copy_only=False)
    assert _codes(column).tolist() == np.asarray(hashed, dtype=np.int64).tolist()


def test_short_ids_are_packed_and_others_hashed() -> None:
    assert _packed(pa.array(["C0000001", "K1", "ŷ"])) is not None
    assert _packed(pa.array(["C00000001"])) is None  # 9 bytes
    assert _packed(pa.array(["A\x00"])) is None
    assert _packed(pa.array(["", "A"])) is None


@given(st.lists(IDS, max_size=60))
def test_unordered_codes_number_the_same_values_alike(ids: list[str]) -> None:
    codes = _codes(pa.array(ids, pa.string()), ordered=False).tolist()
    assert len(set(codes)) == len(set(ids))
    pairs = list(zip(codes, ids, strict=True))
    assert all((a == b) == (x == y) for a, x in pairs for b, y in pairs)


@given(st.lists(IDS, max_size=60))
def test_unordered_short_ids_are_numbered_in_text_order(ids: list[str]) -> None:
    column = pa.array(ids, pa.string())
    codes = _codes(column, ordered=False).tolist()
    if _packed(column) is None:
        return  # hashed: numbered by first appearance instead
    ranks = {value: rank for rank, value in enumerate(sorted(set(ids)))}
    assert codes == [ranks[value] for value in ids]


def test_packed_ids_order_as_their_text() -> None:
    ids = ["C1", "C0000002", "B", "C0000010", "é", "C"]
    keys = _packed(pa.array(ids, pa.string()))
    assert keys is not None
    assert np.argsort(keys, kind="stable").tolist() == sorted(
        range(len(ids)), key=lambda i: ids[i].encode()
    )


@given(
    st.lists(st.tuples(st.integers(-1, 6), IDS), max_size=40),
    st.lists(st.integers(0, 6), unique=True, max_size=7),
)
def test_grouped_lists_each_wanted_codes_values_in_row_order(
    rows: list[tuple[int, str]], wanted: list[int]
) -> None:
    codes = np.array([code for code, _ in rows], dtype=np.int64)
    values = pa.array([value for _, value in rows], pa.string())
    found = grouped(values, codes, np.array(wanted, dtype=np.int64)).to_pylist()
    assert found == [[value for code, value in rows if code == w] for w in wanted]
    among = np.array([i % 3 != 1 for i in range(len(rows))], dtype=bool)  # only some rows
    found = grouped(values, codes, np.array(wanted, dtype=np.int64), among=among).to_pylist()
    assert found == [
        [value for i, (code, value) in enumerate(rows) if code == w and among[i]] for w in wanted
    ]


@given(
    st.lists(st.tuples(st.integers(-1, 6), IDS), max_size=40),
    st.lists(st.integers(0, 6), unique=True, max_size=7),
    st.permutations(range(-1, 7)),
)
def test_grouped_rows_listed_together_take_the_path_with_no_sort(
    rows: list[tuple[int, str]], wanted: list[int], run_order: list[int]
) -> None:
    # Each code's rows together (in any order of codes), as a file lists a conference's
    # children one after another: the runs are laid out by arithmetic, with no sort.
    rows = sorted(rows, key=lambda row: run_order.index(row[0]))
    codes = np.array([code for code, _ in rows], dtype=np.int64)
    values = pa.array([value for _, value in rows], pa.string())
    found = grouped(values, codes, np.array(wanted, dtype=np.int64)).to_pylist()
    assert found == [[value for code, value in rows if code == w] for w in wanted]


@given(st.lists(st.integers(0, 6), max_size=40), st.booleans())
def test_is_first_marks_each_codes_first_row(codes: list[int], renumber: bool) -> None:
    if renumber:  # numbered by first appearance, as number_ids numbers them: the one-pass path
        seen: dict[int, int] = {}
        codes = [seen.setdefault(code, len(seen)) for code in codes]
    array = np.array(codes, dtype=np.int64)
    expected = [codes.index(code) == i for i, code in enumerate(codes)]
    assert is_first(array).tolist() == expected
    assert first_of_each(array).tolist() == [i for i, first in enumerate(expected) if first]
