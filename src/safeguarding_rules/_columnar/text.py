"""Arrow text columns: raw bytes, trimming, packing short values into integers, joining.

The raw bytes serve scans that numpy does faster than an Arrow kernel per value.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["holds_byte", "joined", "packed", "text_bytes", "trimmed"]


def text_bytes(column: pa.Array) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]:
    """Return a text column's value offsets (from 0) and its UTF-8 bytes, without copying.

    Only this slice of the column's buffers is seen: value ``i`` is
    ``data[offsets[i]:offsets[i + 1]]``.
    """
    buffers = column.buffers()
    width = np.int64 if pa.types.is_large_string(column.type) else np.int32
    if buffers[1] is None:
        return np.zeros(len(column) + 1, dtype=np.int64), np.zeros(0, dtype=np.uint8)
    every = np.frombuffer(buffers[1], dtype=width)
    offsets = every[column.offset : column.offset + len(column) + 1].astype(np.int64)
    start, end = int(offsets[0]), int(offsets[-1])
    data = np.zeros(0, np.uint8) if buffers[2] is None else np.frombuffer(buffers[2], np.uint8)
    return offsets - start, data[start:end]


def trimmed(column: pa.Array) -> pa.Array:
    """``column`` with white space trimmed from each value (Arrow's ``utf8_trim_whitespace``).

    Most columns have none to trim, and a look at each value's first and last byte says so
    faster than trimming: only a byte up to space (ASCII white space and controls) or
    beyond ASCII (where Unicode spaces are) can begin or end white space, so the column is
    trimmed only if some value begins or ends with one.
    """
    offsets, data = text_bytes(column)
    if not len(data):
        return column
    # An empty value's "first byte" is the next value's and its "last" the one before's,
    # which at worst trims a column that did not need it: the answer is the same.
    for at in (offsets[:-1], offsets[1:] - 1):
        ends = np.take(data, at, mode="clip")
        if bool(((ends - np.uint8(0x21)) >= np.uint8(0x80 - 0x21)).any()):  # <= 0x20, >= 0x80
            return pc.utf8_trim_whitespace(column)
    return column


def packed(column: pa.Array) -> npt.NDArray[np.uint64] | None:
    """Each value's UTF-8 bytes as one integer, if every value is 1 to 8 bytes without NUL.

    Zero bytes pad the shorter values, so two values share an integer only if they are
    equal; the bytes are read big-endian, so the integers order as the text does (by UTF-8
    bytes, the same as by code point).
    """
    if not len(column) or column.null_count or not pa.types.is_string(column.type):
        return None
    offsets, data = text_bytes(column)
    lengths = np.diff(offsets)
    if int(lengths.max()) > 8 or int(lengths.min()) < 1:
        return None
    if not data.all():
        return None  # a NUL byte would be mistaken for padding
    if int(lengths.min()) == 8:  # all eight bytes: the text is the integers, big-endian
        big_endian = np.ascontiguousarray(data).view(np.dtype(">u8"))
        return big_endian.astype(np.uint64)
    keys = np.zeros(len(lengths), dtype=np.uint64)
    last = len(data) - 1
    for at in range(8):  # one byte of every value at a time: memory of a column, not eight
        byte = data[np.minimum(offsets[:-1] + at, last)].astype(np.uint64)
        byte[lengths <= at] = 0
        keys |= byte << np.uint64(8 * (7 - at))
    return keys


def joined(*pieces: pa.Array | str) -> pa.Array:
    """Return each row's pieces (text columns and literal text) joined into one text."""
    columns = [
        piece if isinstance(piece, str) or pa.types.is_string(piece.type)
        else pc.cast(piece, pa.string())
        for piece in pieces
    ]  # fmt: skip
    return pc.binary_join_element_wise(*columns, "")


def holds_byte(column: pa.Array, byte: bytes) -> bool:
    """Whether any value holds ``byte`` (one scan of the column's text bytes).

    Only the first and last offsets are read (not every value's, as :func:`text_bytes`
    does), and the bytes are searched by the C library's ``memchr`` without a copy.
    """
    buffers = column.buffers()
    if not len(column) or buffers[2] is None:
        return False
    width = np.int64 if pa.types.is_large_string(column.type) else np.int32
    offsets = np.frombuffer(buffers[1], dtype=width)
    start, end = int(offsets[column.offset]), int(offsets[column.offset + len(column)])
    return memoryview(buffers[2])[start:end].tobytes().find(byte) >= 0
