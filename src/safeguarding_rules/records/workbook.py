"""Reading workbook sheets as text columns, with fastexcel (Rust calamine, Arrow output).

Why fastexcel: it reads ``.xlsx``, ``.xlsm``, ``.xls`` and ``.ods`` with the Rust
`calamine <https://github.com/tafia/calamine>`_ library, hands each sheet over as Arrow
columns (the form the conference checker works on) without a Python object per cell, and
is maintained. openpyxl, the usual choice, builds a Python object per cell and is an order
of magnitude slower on a large council's workbook.

Every cell is read as text: a number-formatted id ``11641472.0`` becomes ``11641472``, a
date cell ``2023-04-03``, and text is kept as typed (``03/04/2023``), so one column may mix
Excel dates and ``DD/MM/YYYY`` text. Non-breaking spaces become spaces, and values are
stripped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import fastexcel
import pyarrow as pa
import pyarrow.compute as pc

from .rows import InputErrors, InputProblem
from .source import OLE2 as _OLE2
from .source import starts_like_workbook

__all__ = [
    "ExcelReader",
    "as_dates",
    "as_ids",
    "header_row",
    "is_workbook",
    "open_workbook",
    "read_sheet",
    "starts_like_workbook",
]

_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
#: Excel serial numbers read as dates: 1 January 1950 to 31 December 2099.
_SERIALS = (18264, 73050)

#: How many rows to search for the heading row (titles and notes may sit above it).
HEADER_SEARCH_ROWS = 20

#: An open workbook.
ExcelReader = fastexcel.ExcelReader


def _problem(file: str, message: str) -> InputErrors:
    return InputErrors([InputProblem(file, 0, None, None, message)])


def _is_encrypted(path: Path) -> bool:
    """Tell an encrypted workbook: an OLE2 container holding an ``EncryptionInfo`` stream."""
    with path.open("rb") as handle:
        if handle.read(8) != _OLE2:
            return False
        tail = b""
        while chunk := handle.read(1 << 20):
            if _ENCRYPTED in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTED) :]
    return False


def is_workbook(path: str | Path) -> bool:
    """Whether the file starts like a workbook: a zip (``.xlsx``, ``.ods``) or OLE2 (``.xls``)."""
    try:
        with Path(path).open("rb") as handle:
            start = handle.read(8)
    except OSError:
        return False
    return starts_like_workbook(start)


def open_workbook(path: str | Path) -> fastexcel.ExcelReader:
    """Open a workbook, or raise :class:`InputErrors` saying plainly why it cannot be read."""
    file, source = str(path), Path(path)
    try:
        encrypted = _is_encrypted(source)
    except OSError as error:
        raise _problem(file, f"cannot read: {error.strerror or error}") from None
    if encrypted:
        raise _problem(
            file,
            "the workbook is password-protected (encrypted); save an unprotected copy "
            "(File > Info > Protect Workbook > Encrypt with Password, and clear it) and "
            "read that",
        )
    try:
        return fastexcel.read_excel(source)
    except fastexcel.FastExcelError as error:
        reason = str(error).splitlines()[0]
        if "password" in reason.lower():
            raise _problem(
                file, "the workbook is password-protected; save an unprotected copy"
            ) from None
        raise _problem(file, f"not a readable workbook ({reason})") from None


def read_sheet(
    workbook: fastexcel.ExcelReader, name: str, *, header_row: int | None
) -> dict[str, pa.Array]:
    """Return the sheet's columns as stripped text, by heading (or by position without one)."""
    sheet = workbook.load_sheet(
        name,
        header_row=header_row,
        dtypes="string",
        n_rows=HEADER_SEARCH_ROWS if header_row is None else None,
    )
    batch = sheet.to_arrow()
    columns: dict[str, pa.Array] = {}
    for heading, column in zip(batch.schema.names, batch.columns, strict=True):
        text = pc.fill_null(pc.cast(column, pa.string()), "")
        text = pc.utf8_trim_whitespace(pc.replace_substring(text, "\u00a0", " "))
        columns[heading] = text
    return columns


def header_row(
    workbook: fastexcel.ExcelReader, name: str, score: Callable[[Sequence[str]], int]
) -> tuple[int, int]:
    """Find the 0-based row among the first few whose cells ``score`` best, and that score."""
    top = read_sheet(workbook, name, header_row=None)
    rows = list(zip(*(column.to_pylist() for column in top.values()), strict=True))
    scored = [(score(row), index) for index, row in enumerate(rows)]
    best, index = max(scored, default=(0, 0), key=lambda item: (item[0], -item[1]))
    return index, best


def as_ids(column: pa.Array) -> pa.Array:
    """Ids stored as numbers come back as ``11641472.0``: drop the ``.0``."""
    return pc.replace_substring_regex(column, r"^(\d+)\.0+$", r"\1")


def as_dates(column: pa.Array) -> pa.Array:
    """Excel date cells (``2023-04-03 00:00:00``) and serial numbers as ISO dates.

    Text such as ``03/04/2023`` is left for the checker, which reads ISO and UK dates and
    names anything else.
    """
    text = pc.replace_substring_regex(
        column, r"^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}:\d{2}.*$", r"\1"
    )
    serial = pc.match_substring_regex(text, r"^\d{5}(\.0+)?$")
    if not pc.any(serial).as_py():
        return text
    numbers = pc.cast(
        pc.if_else(serial, pc.replace_substring_regex(text, r"\.0+$", ""), "0"), pa.int64()
    )
    in_range = pc.and_(
        serial, pc.and_(pc.greater_equal(numbers, _SERIALS[0]), pc.less_equal(numbers, _SERIALS[1]))
    )
    # Excel's day 0 is 30 December 1899 (its 1900 leap-year bug is before any serial here).
    days = pc.cast(pc.add(numbers, -25569), pa.int32())
    as_text = pc.cast(pc.cast(days, pa.date32()), pa.string())
    return pc.if_else(in_range, as_text, text)
