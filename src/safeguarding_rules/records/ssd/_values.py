"""Values as the SSD's databases type them, read into ids, days and yes/no flags.

A database gives typed columns: ids as text, integers or decimals (Mosaic's are
``numeric(9)``), dates as ``datetime``/``timestamp`` (with a time of day, perhaps a time
zone), flags as ``nchar(1)`` ``Y``/``N`` or a form's answer text, sometimes a ``bit``.
A CSV extract gives text. Each reader here takes either and says which values it cannot
read: nothing is guessed, nothing is dropped without a word.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from ..._columnar import trimmed

__all__ = ["FLAG_NO", "FLAG_UNKNOWN", "FLAG_UNSET", "FLAG_YES", "days", "flags", "ids"]

Dates = npt.NDArray[np.datetime64]

#: Flag codes: yes, no, empty (not recorded), and a value that is neither yes nor no.
FLAG_YES, FLAG_NO, FLAG_UNSET, FLAG_UNKNOWN = 1, 0, -1, -2
_YES = ("y", "yes", "true", "t", "1")
_NO = ("n", "no", "false", "f", "0")
#: Where a time zone is given, the day is the day in England and Wales.
LOCAL_ZONE = "Europe/London"

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + "$"
_UK = r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
_DATE_FORMS = "YYYY-MM-DD or DD/MM/YYYY, optionally with a time"


def _plain(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if isinstance(column.type, pa.ExtensionType) or isinstance(column, pa.ExtensionArray):
        column = column.storage  # PostgreSQL numeric through ADBC: text storage
    if pa.types.is_dictionary(column.type):
        column = column.dictionary_decode()
    return column


def ids(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Ids as text exactly as written (white space trimmed); empty and NULL as null.

    Integers and decimals without a fraction become their digits (``123``), so an id typed
    ``int`` in one system and ``nvarchar`` in another reads the same. Leading zeros in
    text are kept.
    """
    column = _plain(column)
    if pa.types.is_floating(column.type):
        whole = pc.equal(pc.floor(column), column)
        if pc.all(pc.or_kleene(whole, pc.is_null(column))).as_py():
            column = pc.cast(column, pa.int64())
    if pa.types.is_decimal(column.type) and column.type.scale > 0:
        whole = pc.equal(pc.floor(column), column)
        if pc.all(pc.or_kleene(whole, pc.is_null(column))).as_py():
            column = pc.cast(column, pa.decimal128(38, 0))
    if pa.types.is_large_string(column.type) or not pa.types.is_string(column.type):
        column = pc.cast(column, pa.string())
    column = trimmed(column)
    return pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)


def days(column: pa.Array | pa.ChunkedArray) -> tuple[Dates, npt.NDArray[np.bool_], pa.Array]:
    """Dates as days: timestamps (the day, in England for a zoned one), dates, or text.

    :returns: the days (NaT where empty or unreadable), where a value could not be read as
        a date, and the values as text (for messages about those).
    """
    column = _plain(column)
    n = len(column)
    kind = column.type
    if pa.types.is_timestamp(kind):
        if kind.tz is not None:
            column = pc.local_timestamp(pc.cast(column, pa.timestamp(kind.unit, LOCAL_ZONE)))
        day = pc.cast(pc.floor_temporal(column, unit="day"), pa.date32())
        return _from_date32(day), np.zeros(n, dtype=bool), pc.cast(column, pa.string())
    if pa.types.is_date(kind):
        return _from_date32(pc.cast(column, pa.date32())), np.zeros(n, dtype=bool), column
    if not pa.types.is_string(kind):
        text = pc.cast(column, pa.string())
        present = ~np.asarray(pc.is_null(text).to_numpy(zero_copy_only=False))
        return np.full(n, np.datetime64("NaT"), "datetime64[D]"), present, text
    return _from_text(trimmed(column))


def _from_date32(column: pa.Array) -> Dates:
    values = pc.cast(column, pa.int32()).to_numpy(zero_copy_only=False)
    result = np.full(len(column), np.datetime64("NaT"), dtype="datetime64[D]")
    valid = ~np.asarray(pc.is_null(column).to_numpy(zero_copy_only=False))
    result[valid] = np.asarray(values)[valid].astype("int64").astype("datetime64[D]")
    return result


def _from_text(column: pa.Array) -> tuple[Dates, npt.NDArray[np.bool_], pa.Array]:
    n = len(column)
    try:  # the common case, ISO text with or without a time: one cast
        stamps = pc.cast(pc.if_else(pc.equal(column, ""), None, column), pa.timestamp("us"))
        day = pc.cast(pc.floor_temporal(stamps, unit="day"), pa.date32())
        return _from_date32(day), np.zeros(n, dtype=bool), column
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass  # some value is UK-style, zoned, or not a date: each form matched below
    result = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    empty = np.asarray(
        pc.or_kleene(pc.is_null(column), pc.equal(column, "")).to_numpy(zero_copy_only=False),
        dtype=bool,
    )
    bad = ~empty
    for pattern, order in ((_ISO, (0, 1, 2)), (_UK, (2, 1, 0))):
        found = pc.fill_null(pc.match_substring_regex(column, pattern), False)
        at = np.flatnonzero(np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool))
        if not len(at):
            continue
        parts = pc.extract_regex(column.take(pa.array(at)), _named(pattern))
        fields = [
            np.asarray(pc.cast(parts.field(f"g{i}"), pa.int64()).to_numpy(zero_copy_only=False))
            for i in range(3)
        ]
        year, month, day = (fields[i] for i in order)
        month_start = ((year - 1970) * 12 + (month - 1)).astype("datetime64[M]")
        candidate = month_start.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
        valid = (
            (month >= 1) & (month <= 12) & (day >= 1)
            & (candidate.astype("datetime64[M]") == month_start)
        )  # fmt: skip
        result[at[valid]] = candidate[valid]
        bad[at[valid]] = False
    return result, bad, column


def _named(pattern: str) -> str:
    """Name the first three groups of ``pattern`` ``g0``, ``g1``, ``g2``."""
    out, count, i = [], 0, 0
    while i < len(pattern):
        if pattern[i] == "(" and pattern[i + 1 : i + 3] != "?:" and count < 3:
            out.append(f"(?P<g{count}>")
            count += 1
        else:
            out.append(pattern[i])
        i += 1
    return "".join(out)


def describe_date_problem(text: str) -> str:
    """Say why ``text`` is not a date we read."""
    for pattern in (_ISO, _UK):
        if re.match(pattern, text):
            return f"{text!r} is not a real date"
    return f"expected a date ({_DATE_FORMS})"


def flags(column: pa.Array | pa.ChunkedArray) -> tuple[npt.NDArray[np.int8], pa.Array]:
    """Yes/no flags: ``Y``/``N``, ``Yes``/``No``, true/false, 1/0 (any case), or a bit.

    :returns: each value's code (:data:`FLAG_YES`, :data:`FLAG_NO`, :data:`FLAG_UNSET`
        where empty, :data:`FLAG_UNKNOWN` where it is something else), and the values as
        text (for messages).
    """
    column = _plain(column)
    n = len(column)
    if pa.types.is_boolean(column.type):
        values = np.asarray(column.to_numpy(zero_copy_only=False))
        codes = np.full(n, FLAG_UNSET, dtype=np.int8)
        valid = ~np.asarray(pc.is_null(column).to_numpy(zero_copy_only=False))
        codes[valid] = np.where(values[valid].astype(bool), FLAG_YES, FLAG_NO)
        return codes, pc.cast(column, pa.string())
    text = trimmed(pc.cast(column, pa.string()))
    lower = pc.utf8_lower(text)
    codes = np.full(n, FLAG_UNKNOWN, dtype=np.int8)
    for words, code in ((_YES, FLAG_YES), (_NO, FLAG_NO), (("",), FLAG_UNSET)):
        hit = pc.fill_null(pc.is_in(lower, value_set=pa.array(words)), False)
        codes[np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)] = code
    codes[np.asarray(pc.is_null(text).to_numpy(zero_copy_only=False), dtype=bool)] = FLAG_UNSET
    return codes, text
