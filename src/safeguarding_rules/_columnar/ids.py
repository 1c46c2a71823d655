"""Ids in national files: numbered, grouped and ordered fast.

A national file has millions of rows whose ids (``C0000123``, ``K2014-07``) repeat: rows
of one conference, conferences of one child. Most councils' ids are at most 8 bytes, and
such ids are packed into one 64-bit integer each (:func:`~.text.packed`) and sorted as
integers, several times faster than hashing or sorting the text; any other id goes
through Arrow's own kernels. Both paths give the same answers (property tests check).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from .days import date_array
from .text import packed

__all__ = ["first_of_each", "grouped", "is_first", "number_ids", "order_by_day_then_id"]

Dates = npt.NDArray[np.datetime64]


def number_ids(column: pa.Array, *, ordered: bool = True) -> npt.NDArray[np.int64]:
    """Return a small integer per distinct value (``ordered``: in order of first appearance).

    A run of equal ids (the children of one conference, listed together) is sorted once,
    and a file already in id order (as exports often are) sorts in one pass. Any column
    whose values are not all 1 to 8 bytes is hashed by Arrow's ``dictionary_encode``. Both
    give the same numbers; ``ordered=False`` numbers the values in the text's order.
    """
    keys = packed(column)
    if keys is None:
        encoded = pc.dictionary_encode(column)
        return np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    # Each intermediate is let go as soon as it is used: on a national file each is tens
    # of megabytes, and the child and conference ids are numbered at the same time.
    starts = np.empty(len(keys), dtype=bool)
    starts[0] = True
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    heads = keys[starts]
    del keys
    order = np.argsort(heads, kind="stable")
    ranked = heads[order]
    del heads
    new = np.empty(len(ranked), dtype=bool)
    new[0] = True
    np.not_equal(ranked[1:], ranked[:-1], out=new[1:])
    del ranked
    head_codes = np.empty(len(order), dtype=np.int64)
    head_codes[order] = np.cumsum(new) - 1
    if ordered:  # renumber by each value's first appearance (the stable sort keeps it first)
        first = order[new]  # where each value first appears, in value order
        appears = np.zeros(len(order), dtype=bool)
        appears[first] = True
        head_codes = (np.cumsum(appears) - 1)[first][head_codes]  # rank by that, no sort
    codes: npt.NDArray[np.int64] = head_codes[np.cumsum(starts) - 1]
    return codes


def is_first(codes: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Return whether each row is the first of its code (codes are 0 or more).

    Codes numbered in order of first appearance (as :func:`number_ids` numbers them) take
    one pass: a row is the first of its code exactly where the running maximum rises, and
    when it rises once per code the answer is complete. Other codes are found by scatter.
    """
    first = np.zeros(len(codes), dtype=bool)
    if not len(codes):
        return first
    running = np.maximum.accumulate(codes)
    first[0] = True
    np.greater(running[1:], running[:-1], out=first[1:])
    if np.count_nonzero(first) == int(running[-1]) + 1:  # every code's first row found
        return first
    at = np.full(int(running[-1]) + 1, len(codes), dtype=np.int64)
    np.minimum.at(at, codes, np.arange(len(codes), dtype=np.int64))
    first[:] = False
    first[at[at < len(codes)]] = True
    return first


def first_of_each(codes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Return the position of each code's first row, in row order (see :func:`is_first`)."""
    return np.flatnonzero(is_first(codes))


def order_by_day_then_id(days: Dates, ids: pa.Array) -> npt.NDArray[np.int64]:
    """Return the order of rows by day, then id (text by UTF-8 bytes, as Arrow orders it).

    Ids of up to 8 bytes are sorted as integers, then the days stably (by radix where the
    days span under 65,536): several times faster than Arrow's sort on two keys, and the
    same order. Other ids are sorted by Arrow.
    """
    keys = packed(ids)
    if keys is None or np.isnat(days).any():
        table = pa.table({"day": date_array(days), "id": ids})
        order = pc.sort_indices(table, [("day", "ascending"), ("id", "ascending")])
        return np.asarray(order.to_numpy(zero_copy_only=False), dtype=np.int64)
    by_id = np.argsort(keys, kind="stable")
    day = days.astype(np.int64)[by_id]
    day -= day.min()
    if int(day.max()) < 1 << 16:  # a two-byte key, which numpy sorts by radix
        day = day.astype(np.uint16)
    by_day: npt.NDArray[np.int64] = by_id[np.argsort(day, kind="stable")]
    return by_day


def grouped(
    values: pa.Array,
    codes: npt.NDArray[np.int64],
    wanted: npt.NDArray[np.int64],
    among: npt.NDArray[np.bool_] | None = None,
) -> pa.Array:
    """Return, for each code in ``wanted`` (in that order), the values of its rows, as a list.

    :param values: one value per row (text).
    :param codes: each row's group code; rows of a code not in ``wanted`` (or negative) are
        left out.
    :param wanted: distinct codes, in the order of the lists returned.
    :param among: where given, only these rows may be listed (a mask): the rest of a
        national file is then never looked at.
    :returns: an Arrow list array, one list per wanted code, its values in row order.
    """
    if not len(wanted):
        return pa.array([], pa.list_(values.type))
    rows = np.flatnonzero(codes >= 0 if among is None else among)
    row_codes = codes[rows]
    place = np.full(int(max(row_codes.max(initial=0), wanted.max())) + 1, -1, dtype=np.int64)
    place[wanted] = np.arange(len(wanted), dtype=np.int64)
    ranks = np.where(row_codes >= 0, place[np.maximum(row_codes, 0)], -1)
    del row_codes
    listed = ranks >= 0
    rows, ranks = rows[listed], ranks[listed]
    counts = np.bincount(ranks, minlength=len(wanted))
    rows = rows[_by_group(ranks, counts)]  # by group, each in row order
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets), values.take(pa.array(rows)))


def _by_group(ranks: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Return the order that puts rows (given in row order) by group, each in row order.

    Where each group's rows come together (a conference's children listed one after
    another, as files list them), the order is made by arithmetic on the runs, with no
    sort; otherwise by a stable sort.
    """
    if not len(ranks):
        return np.zeros(0, dtype=np.int64)
    run_starts = np.flatnonzero(np.concatenate(([True], ranks[1:] != ranks[:-1])))
    if len(run_starts) != np.count_nonzero(counts):  # a group in more than one run
        return np.argsort(ranks, kind="stable")
    # Each group is one run: lay the runs out in group order.
    start_of = np.zeros(len(counts), dtype=np.int64)
    start_of[ranks[run_starts]] = run_starts
    present = counts > 0
    starts, lengths = start_of[present], counts[present]
    offsets = np.cumsum(lengths) - lengths
    order: npt.NDArray[np.int64] = np.repeat(starts - offsets, lengths) + np.arange(
        len(ranks), dtype=np.int64
    )
    return order
