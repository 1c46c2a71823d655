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

**Checked before calamine reads anything.** calamine trusts the file: it allocates a cell
for every position between a sheet's first and last cell (a 5 KB file with cells at A1 and
XFD1048576 asks for 549 GB and aborts the process), and it inflates a zip member to
whatever length its data runs, whatever size the zip's directory declares. So
:func:`open_workbook` first inflates every member of the zip itself, streamed and discarded,
and refuses one that inflates to more than :data:`MAX_PART_BYTES`, more than
:data:`MAX_RATIO` times its compressed size, or to a size other than the one declared; and
before a sheet is read, its XML is streamed once (:meth:`Workbook.scan`) to find the cells
it really holds, refusing a sheet that spans more than :data:`MAX_CELLS` cells, and to
find the formulas saved without a value (a program that writes formulas without
calculating them leaves the cell empty for every reader: such a cell is named, never
taken as empty). ``docs/security.md`` gives each limit and why.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import attrs
import fastexcel
import pyarrow as pa
import pyarrow.compute as pc
from lxml import etree

from .rows import InputErrors, InputProblem
from .source import OLE2 as _OLE2
from .source import starts_like_workbook

__all__ = [
    "MAX_CELLS",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "SheetScan",
    "Workbook",
    "as_dates",
    "as_ids",
    "cell_name",
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

#: The most cells a sheet may span (its rows times its columns, from its first used cell to
#: its last): calamine holds every position of that rectangle, at about 70 bytes each. Ten
#: million is about 0.7 GB, and several times a large real sheet (every section 47 enquiry
#: in England for a year, 201,000 in 2019-20, by 15 columns is 3 million).
MAX_CELLS = 10_000_000
#: The most bytes one member of a workbook's zip may inflate to (1 GiB). A sheet of
#: :data:`MAX_CELLS` cells is about 350 MB of XML.
MAX_PART_BYTES = 1 << 30
#: The most bytes all the members together may inflate to (4 GiB).
MAX_TOTAL_BYTES = 4 << 30
#: The most a member may inflate to per compressed byte. Real sheets and shared strings
#: compress 5 to 40 times (a sheet of one repeated value, 17; rows of styled blanks, 29;
#: shared strings of four repeated answers, 40); deflate's most is about 1,030.
MAX_RATIO = 100
#: Members that inflate to less than this (1 MiB) are exempt from :data:`MAX_RATIO`: a
#: small file may compress well, and cannot hurt.
RATIO_FLOOR = 1 << 20
#: The most XML one cell may take (16 MiB): Excel allows 32,767 characters in a cell.
MAX_CELL_XML = 16 << 20

_READ = 1 << 20  # bytes read from the zip at a time
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _problem(file: str, message: str, location: str | None = None) -> InputErrors:
    return InputErrors([InputProblem(file, 0, None, None, message, location=location)])


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


def cell_name(row: int, column: int) -> str:
    """Return the A1 name of a cell from its 0-based row and column: ``(0, 27)`` is ``AB1``."""
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _column_number(letters: bytes) -> int:
    """``b"A"`` -> 0, ``b"AB"`` -> 27 (letters of either case)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number - 1


@attrs.frozen(kw_only=True)
class SheetScan:
    """What a sheet's XML holds, found before the sheet is read."""

    #: The 0-based sheet row and column of the first cell read: the reader's first row is
    #: the sheet's row ``first_row + 1`` (rows above it are blank).
    first_row: int = 0
    first_column: int = 0
    #: Formulas saved with no value, by 0-based sheet (row, column): the formula's text.
    formulas: Mapping[tuple[int, int], str] = attrs.field(factory=dict)


@attrs.define(eq=False)
class Workbook:
    """An open workbook: fastexcel's reader, with each sheet checked before it is read."""

    #: The file, as named to the reader.
    file: str
    #: fastexcel's reader.
    reader: fastexcel.ExcelReader
    #: The file.
    _path: Path
    #: Sheet name -> the zip member holding it (``.xlsx``, ``.xlsm``).
    _parts: Mapping[str, str]
    #: Each sheet checked so far (an ``.ods`` has every sheet checked when opened).
    _scans: dict[str, SheetScan] = attrs.field(factory=dict)

    @property
    def sheet_names(self) -> list[str]:
        """The sheets, in the workbook's order."""
        return list(self.reader.sheet_names)

    def scan(self, sheet: str) -> SheetScan:
        """Check a sheet's cells before it is read (once; later calls are free).

        :raises InputErrors: naming the file, the sheet and the limit, for a sheet that
            spans more than :data:`MAX_CELLS` cells.
        """
        if sheet not in self._scans:
            part = self._parts.get(sheet)
            found = SheetScan() if part is None else _scan_xlsx(self._path, part, sheet, self.file)
            self._scans[sheet] = found
        return self._scans[sheet]

    def load(self, sheet: str, **options: Any) -> pa.RecordBatch:
        """Read a sheet as text columns (after :meth:`scan`); ``options`` are fastexcel's."""
        self.scan(sheet)
        try:
            return self.reader.load_sheet(sheet, dtypes="string", **options).to_arrow()
        except fastexcel.FastExcelError as error:
            reason = str(error).splitlines()[0]
            raise _problem(
                self.file, f"sheet {sheet!r} cannot be read ({reason})", f"sheet {sheet!r}"
            ) from None


def open_workbook(path: str | Path) -> Workbook:
    """Open a workbook, or raise :class:`InputErrors` saying plainly why it cannot be read.

    A zip workbook (``.xlsx``, ``.xlsm``, ``.ods``) is inflated once first, every member
    streamed and discarded, and refused past :data:`MAX_PART_BYTES`,
    :data:`MAX_TOTAL_BYTES` or :data:`MAX_RATIO`, or if a member's size is not the one
    its directory declares.
    """
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
    parts: dict[str, str] = {}
    scans: dict[str, SheetScan] = {}
    if zipfile.is_zipfile(source):
        parts, ods = _check_package(source, file)
        if ods:  # calamine reads every sheet of an .ods when it opens it
            scans = _scan_ods(source, "content.xml", file)
    try:
        reader = fastexcel.read_excel(source)
    except fastexcel.FastExcelError as error:
        reason = str(error).splitlines()[0]
        if "password" in reason.lower():
            raise _problem(
                file, "the workbook is password-protected; save an unprotected copy"
            ) from None
        raise _problem(file, f"not a readable workbook ({reason})") from None
    return Workbook(file=file, reader=reader, path=source, parts=parts, scans=scans)


def read_sheet(workbook: Workbook, name: str, *, header_row: int | None) -> dict[str, pa.Array]:
    """Return the sheet's columns as stripped text, by heading (or by position without one).

    :param header_row: the heading row, counted from the first row read (as
        :func:`header_row` finds it); ``None`` reads the first few rows, by position.

    The columns come in the sheet's order, the first being the sheet's column
    ``workbook.scan(name).first_column``. (fastexcel counts a heading row from the top of
    the sheet, blank rows included, but the rows it reads without one from the first row
    that is not blank: the heading row is given to it from the top.)
    """
    if header_row is None:
        batch = workbook.load(name, header_row=None, n_rows=HEADER_SEARCH_ROWS)
    else:
        batch = workbook.load(name, header_row=workbook.scan(name).first_row + header_row)
    columns: dict[str, pa.Array] = {}
    for heading, column in zip(batch.schema.names, batch.columns, strict=True):
        text = pc.fill_null(pc.cast(column, pa.string()), "")
        text = pc.utf8_trim_whitespace(pc.replace_substring(text, "\u00a0", " "))
        columns[heading] = text
    return columns


def header_row(
    workbook: Workbook, name: str, score: Callable[[Sequence[str]], int]
) -> tuple[int, int]:
    """Find the 0-based row among the first few whose cells ``score`` best, and that score.

    The row counts from the first row read (``workbook.scan(name).first_row``).
    """
    top = read_sheet(workbook, name, header_row=None)
    rows = list(zip(*(column.to_pylist() for column in top.values()), strict=True))
    scored = [(score(row), index) for index, row in enumerate(rows)]
    best, index = max(scored, default=(0, 0), key=lambda item: (item[0], -item[1]))
    return index, best


def formulas_in(
    workbook: Workbook, sheet: str, header: int, headings: Sequence[str], used: Iterable[str]
) -> dict[int, list[tuple[str, str, str]]]:
    """Find the data rows holding a formula saved with no value, in a column that is read.

    :param header: the heading row, as :func:`header_row` counts it.
    :param headings: the sheet's headings, in its order (as :func:`read_sheet` gives them).
    :param used: the headings whose values are read.
    :returns: 0-based data row (the row after the headings is 0) -> (heading, cell name,
        formula) for each such cell in it.
    """
    scan = workbook.scan(sheet)
    wanted = set(used)
    first_data = scan.first_row + header + 1
    found: dict[int, list[tuple[str, str, str]]] = {}
    for (row, column), formula in sorted(scan.formulas.items()):
        index = column - scan.first_column
        if row < first_data or not 0 <= index < len(headings):
            continue
        if headings[index] in wanted:
            found.setdefault(row - first_data, []).append(
                (headings[index], cell_name(row, column), formula)
            )
    return found


def formula_problem(
    file: str, row: int, place: str, heading: str, cell: str, formula: str
) -> InputProblem:
    """Return the problem for a formula saved with no value (unknown, not empty)."""
    shown = formula if len(formula) <= 100 else formula[:97] + "..."
    return InputProblem(
        file, row, heading, f"={shown}",
        "a formula saved without its value (the program that wrote the file did not "
        "calculate it), so the value is unknown, not empty: open the file in Excel or "
        "LibreOffice and save it, or type the value",
        location=f"{place}, column {heading!r} (cell {cell})",
    )  # fmt: skip


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


# -- the zip, inflated once before anything reads it ---------------------------------------


def _check_package(path: Path, file: str) -> tuple[dict[str, str], bool]:
    """Inflate every member (streamed, discarded) within the limits; map sheets to members.

    :returns: sheet name -> member, and whether it is an OpenDocument spreadsheet.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            ods = _is_ods(archive)
            parts = {} if ods else _sheet_parts(archive)
            if any(member.filename.lower().endswith("workbook.bin") for member in members):
                raise _problem(
                    file,
                    "a binary workbook (.xlsb), whose cells cannot be checked before they are "
                    "read: save it as an Excel Workbook (.xlsx) and read that",
                )
            sheet_of = {part: sheet for sheet, part in parts.items()}
            total = 0
            with path.open("rb") as raw:
                for member in members:
                    what = f"part {member.filename!r}"
                    if member.filename in sheet_of:
                        what = f"sheet {sheet_of[member.filename]!r} ({what})"
                    total += _inflate(raw, member, total, what, file)
    except InputErrors:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise _problem(file, f"not a readable workbook (a damaged zip: {error})") from None
    return parts, ods


def _inflate(raw: IO[bytes], member: zipfile.ZipInfo, before: int, what: str, file: str) -> int:
    """Inflate one member to the true end of its data, as a reader would; return its size.

    The data is inflated from where its local header says it starts until the deflate
    stream itself ends, whatever sizes the zip's directory declares.
    """

    def refuse(why: str) -> InputErrors:
        return _problem(file, f"this part of the workbook {why}; nothing was read", what)

    if member.flag_bits & 0x1:
        raise refuse("is encrypted")
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise refuse(f"is compressed by method {member.compress_type}, which workbooks do not use")
    raw.seek(member.header_offset)
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise refuse("is damaged (no local header where the zip's directory says)")
    name_length, extra_length = struct.unpack("<2H", header[26:30])
    raw.seek(member.header_offset + 30 + name_length + extra_length)
    limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - before)
    size = used = 0
    if member.compress_type == zipfile.ZIP_STORED:
        size = used = member.compress_size
    else:
        inflate = zlib.decompressobj(-15)
        pending = b""
        while not inflate.eof:
            if not pending:
                pending = raw.read(_READ)
                if not pending:
                    raise refuse("is damaged (its data ends before its compressed stream does)")
                used += len(pending)
            try:
                size += len(inflate.decompress(pending, _READ))
            except zlib.error as error:
                raise refuse(f"is damaged ({error})") from None
            pending = inflate.unconsumed_tail
            consumed = used - len(pending) - len(inflate.unused_data)
            _within(size, consumed, limit, before, refuse)
        used -= len(inflate.unused_data)
    _within(size, used, limit, before, refuse)
    if size != member.file_size:
        raise refuse(
            f"inflates to {size:,} bytes, though the zip's directory declares "
            f"{member.file_size:,}: the file is damaged or built to mislead"
        )
    return size


def _within(
    size: int, used: int, limit: int, before: int, refuse: Callable[[str], InputErrors]
) -> None:
    if size > RATIO_FLOOR and size > MAX_RATIO * used:
        raise refuse(
            f"inflates more than {MAX_RATIO} times ({size:,} bytes from {used:,} so far), "
            "which no real workbook does: it looks like a zip bomb"
        )
    if size > limit:
        if limit < MAX_PART_BYTES:
            raise refuse(
                f"takes the workbook past {MAX_TOTAL_BYTES:,} bytes uncompressed "
                f"(the parts before it: {before:,}), the most read"
            )
        raise refuse(f"inflates to more than {MAX_PART_BYTES:,} bytes, the most read")


def _read_part(archive: zipfile.ZipFile, name: str, limit: int = 16 << 20) -> bytes | None:
    """Return a small member's bytes (zipfile stops at its declared size), None if absent."""
    try:
        with archive.open(name) as handle:
            return handle.read(limit)
    except KeyError:
        return None


def _is_ods(archive: zipfile.ZipFile) -> bool:
    """Whether the zip is an OpenDocument spreadsheet (all of whose sheets are in content.xml)."""
    return b"opendocument.spreadsheet" in (_read_part(archive, "mimetype", 100) or b"")


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's member, from the workbook part's relationships (``.xlsx``, ``.xlsm``).

    Only the small parts that name them are read, each at most 16 MiB.
    """
    names = set(archive.namelist())
    package = _parse(_read_part(archive, "_rels/.rels"))
    book = "xl/workbook.xml"
    if package is not None:
        for link in package.iter(f"{_RELATIONSHIPS}Relationship"):
            if link.get("Type") == _OFFICE_DOCUMENT:
                book = _target("", link.get("Target") or "")
    folder = posixpath.dirname(book)
    workbook = _parse(_read_part(archive, book))
    links = _parse(
        _read_part(archive, posixpath.join(folder, "_rels", posixpath.basename(book) + ".rels"))
    )
    if workbook is None or links is None:
        return {}
    targets = {
        link.get("Id"): _target(folder, link.get("Target") or "")
        for link in links.iter(f"{_RELATIONSHIPS}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        part = targets.get(sheet.get(_ID))
        if sheet.get("name") is not None and part in names:
            parts[str(sheet.get("name"))] = str(part)
    return parts


def _target(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(folder, target))


def _parse(data: bytes | None) -> Any:
    if data is None:
        return None
    try:
        return etree.fromstring(data, _SAFE_XML)
    except etree.XMLSyntaxError:
        return None


# -- a sheet's XML, streamed once before calamine reads it ---------------------------------

#: Where a cell or a row starts (with any namespace prefix).
_TOKEN_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:c|row)[\s/>]")
#: A cell's or a row's start or end tag: (end slash, name, attributes with any closing ``/``).
_TOKEN = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(c|row)\b([^>]*)>")
_CELL_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?c\s*>")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row|f|v|is)[\s/>]")
#: A cell with nothing in it, ``<c r="B2" s="1"/>`` or ``<c r="B2"></c>``.
_NOTHING = re.compile(rb"<c [^>]*(?:/>|></c>)")
#: A cell's start, and one whose reference is written first in the common form.
_ANY_CELL = re.compile(rb"<c[\s/>]")
_PLAIN_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})[0-9]{1,7}"')
_PLAIN_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,3})([0-9]{1,7})["']""")
_ROW_REF = re.compile(rb"""\br\s*=\s*["']([0-9]{1,7})["']""")
_TYPE = re.compile(rb"""\bt\s*=\s*["']([A-Za-z]+)["']""")
_FORMULA = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?f\b([^>]*?)(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?f\s*>)", re.S
)
_VALUE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(v|is)\b[^>]*?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?\1\s*>)", re.S
)
_SHARED_INDEX = re.compile(rb"""\bsi\s*=\s*["']([0-9]+)["']""")


class _NotPlain(Exception):
    """A piece of XML the fast pass does not handle (no cell reference, a prefix...)."""


@attrs.define
class _Extent:
    """The rectangle of cells found so far, and the formulas saved without a value."""

    sheet: str
    file: str
    top: int = -1
    bottom: int = -1
    left: int = -1
    right: int = -1
    formulas: dict[tuple[int, int], str] = attrs.field(factory=dict)
    shared: dict[bytes, str] = attrs.field(factory=dict)

    def add(self, rows: Iterable[int], columns: Iterable[int]) -> None:
        """Take in cells at these rows and columns (0-based); refuse past :data:`MAX_CELLS`."""
        low_row, high_row = min(rows, default=-1), max(rows, default=-1)
        low_column, high_column = min(columns, default=-1), max(columns, default=-1)
        if high_row < 0 or high_column < 0:
            return
        self.top = low_row if self.top < 0 else min(self.top, low_row)
        self.left = low_column if self.left < 0 else min(self.left, low_column)
        self.bottom = max(self.bottom, high_row)
        self.right = max(self.right, high_column)
        height, width = self.bottom - self.top + 1, self.right - self.left + 1
        if height * width > MAX_CELLS:
            span = f"{cell_name(self.top, self.left)}:{cell_name(self.bottom, self.right)}"
            raise _problem(
                self.file,
                f"sheet {self.sheet!r} has cells across {span} ({height:,} rows by {width:,} "
                f"columns: {height * width:,} cells), more than the {MAX_CELLS:,} a sheet may "
                "span here; delete what lies far from the data (select the empty rows and "
                "columns after it, and Delete them), or save the sheet as CSV UTF-8 and read "
                "that",
                f"sheet {self.sheet!r}",
            )

    def formula(self, row: int, column: int, cell: bytes) -> None:
        """Note the formula in ``cell`` (its whole XML) if it was saved without a value."""
        found = _FORMULA.search(cell)
        if found is None:
            return
        attributes, text = found.group(1), found.group(2) or b""
        index = _SHARED_INDEX.search(attributes)
        formula = html.unescape(text.decode("utf-8", "replace")).strip()
        if index is not None and formula:
            self.shared[index.group(1)] = f"{formula} (shared from {cell_name(row, column)})"
        elif index is not None:
            formula = self.shared.get(index.group(1), "a shared formula")
        if not _has_value(cell):
            self.formulas[row, column] = formula


def _has_value(cell: bytes) -> bool:
    """Whether a cell's XML holds a value calamine reads (a formula's cached result)."""
    kind = _TYPE.search(cell[: cell.find(b">")])
    for found in _VALUE.finditer(cell):
        if found.group(1) == b"is" or (found.group(2) or b"").strip():
            return True
        if kind is not None and kind.group(1) == b"str":
            return True  # a formula whose result is the empty string
    return False


def _pieces(stream: IO[bytes], limit: Callable[[], InputErrors]) -> Iterator[bytes]:
    """Yield the member's XML in pieces that each end where a cell or a row starts."""
    rest = b""
    while True:
        data = stream.read(_READ)
        if not data:
            if rest:
                yield rest
            return
        buffer = rest + data
        cut = len(buffer)
        while (cut := buffer.rfind(b"<", 0, cut)) > 0:
            if _TOKEN_START.match(buffer, cut):
                break
        if cut <= 0:
            if len(buffer) > MAX_CELL_XML:
                raise limit()
            rest = buffer
            continue
        yield buffer[:cut]
        rest = buffer[cut:]


def _scan_xlsx(path: Path, part: str, sheet: str, file: str) -> SheetScan:
    """Find a worksheet's cells and its formulas saved without a value, streamed.

    Where every cell is ``<c r="..."`` (what Excel and most writers write) the positions
    are read by a regular expression; otherwise the cells are walked in order, placed as
    calamine places them (a cell without a reference follows the one before it).
    """

    def too_long() -> InputErrors:
        return _problem(
            file,
            f"sheet {sheet!r} has a cell of more than {MAX_CELL_XML:,} bytes of XML "
            "(Excel allows 32,767 characters in a cell)",
            f"sheet {sheet!r}",
        )

    with zipfile.ZipFile(path) as archive:
        extent = _Extent(sheet=sheet, file=file)
        try:
            with archive.open(part) as stream:
                for piece in _pieces(stream, too_long):
                    _plain_piece(piece, extent)
        except _NotPlain:
            extent = _Extent(sheet=sheet, file=file)
            with archive.open(part) as stream:
                walk = _Walk(extent)
                for piece in _pieces(stream, too_long):
                    walk.piece(piece)
    return SheetScan(
        first_row=max(extent.top, 0), first_column=max(extent.left, 0), formulas=extent.formulas
    )


def _plain_piece(piece: bytes, extent: _Extent) -> None:
    """Take in a piece whose every cell is ``<c r="A1" ...>``: the fast pass.

    Cells with nothing in them (``<c r="B2" s="1"/>``, as Excel writes a formatted blank)
    are left out, since calamine keeps nothing for them.

    :raises _NotPlain: for anything else (a cell with no reference or with the reference
        not first, a namespace prefix, an empty value, a formula saved without its value),
        which the slow pass takes instead, so that the first row and column read are
        exactly calamine's.
    """
    if (
        _PREFIXED.search(piece)
        or b'"></c>' in piece
        or b"'></c>" in piece
        or b"<v></v>" in piece
        or b"<v/>" in piece
    ):
        raise _NotPlain
    if b"<f" in piece:  # formulas saved with their values are read as values
        for found in re.finditer(rb"<f[\s/>]", piece):
            start = piece.rfind(b"<c ", 0, found.start())
            if not _has_value(piece[start : piece.find(b"</c>", found.end())]):
                raise _NotPlain  # one saved without: the slow pass names it
    if b'"/>' in piece or b"'/>" in piece:  # perhaps a cell with nothing in it
        piece = _NOTHING.sub(b"", piece)
    columns = _PLAIN_COLUMN.findall(piece)
    if len(columns) != len(_ANY_CELL.findall(piece)):
        raise _NotPlain  # a cell whose reference is not written first, or not at all
    rows = set(_PLAIN_ROW.findall(piece))
    extent.add([int(row) - 1 for row in rows], [_column_number(c) for c in set(columns)])


@attrs.define
class _Walk:
    """The slow pass: cells in order, placed as calamine places them."""

    extent: _Extent
    row: int = 0
    column: int = 0

    def piece(self, piece: bytes) -> None:
        """Take in a piece of the sheet's XML (pieces end where a cell or a row starts)."""
        rows: list[int] = []
        columns: list[int] = []
        for token in _TOKEN.finditer(piece):
            closing, name, attributes = token.groups()
            empty = attributes.endswith(b"/")  # calamine reads <x/> as <x></x>
            if name == b"row":
                if not closing and (found := _ROW_REF.search(attributes)):
                    self.row = int(found.group(1)) - 1
                if closing or empty:
                    self.row, self.column = self.row + 1, 0
                continue
            if closing:
                continue
            if found := _CELL_REF.search(attributes):
                self.row, self.column = int(found.group(2)) - 1, _column_number(found.group(1))
            if not empty:
                end = _CELL_END.search(piece, token.end())
                cell = piece[token.start() : end.start() if end else len(piece)]
                if _has_value(cell):  # an empty cell holds nothing calamine keeps
                    rows.append(self.row)
                    columns.append(self.column)
                if b"f" in cell and _FORMULA.search(cell):
                    self.extent.formula(self.row, self.column, cell)
            self.column += 1
        self.extent.add(rows, columns)


# -- OpenDocument: every sheet in content.xml ------------------------------------------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _scan_ods(path: Path, part: str, file: str) -> dict[str, SheetScan]:
    """Every sheet's cells, with repeated rows and columns counted as calamine expands them."""
    scans: dict[str, SheetScan] = {}
    cells = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        extent: _Extent | None = None
        row = column = 0
        events = etree.iterparse(
            stream, events=("start", "end"), resolve_entities=False, no_network=True,
            load_dtd=False, tag=(f"{_TABLE}table", f"{_TABLE}table-row", *cells),
        )  # fmt: skip
        try:
            for event, element in events:
                tag = element.tag
                if tag == f"{_TABLE}table":
                    if event == "start":
                        extent = _Extent(sheet=str(element.get(f"{_TABLE}name")), file=file)
                        row = 0
                    elif extent is not None:
                        scans[extent.sheet] = SheetScan(
                            first_row=max(extent.top, 0),
                            first_column=max(extent.left, 0),
                            formulas=extent.formulas,
                        )
                        element.clear()
                    continue
                if event == "start" or extent is None:
                    continue
                if tag == f"{_TABLE}table-row":
                    row += _repeat(element, "rows")
                    column = 0
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
                    continue
                wide = _repeat(element, "columns")
                formula = element.get(f"{_TABLE}formula")
                typed = element.get(f"{_OFFICE}value-type") is not None
                if typed or formula or "".join(element.itertext()).strip():
                    parent = element.getparent()
                    tall = _repeat(parent, "rows") if parent is not None else 1
                    extent.add([row, row + tall - 1], [column, column + wide - 1])
                    if formula and not typed:
                        extent.formulas[row, column] = formula.removeprefix("of:")
                column += wide
                element.clear()
        except etree.XMLSyntaxError:
            pass  # calamine says what is wrong with it
    return scans


def _repeat(element: Any, what: str) -> int:
    try:
        return max(int(element.get(f"{_TABLE}number-{what}-repeated") or 1), 1)
    except ValueError:
        return 1
