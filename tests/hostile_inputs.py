"""Hostile and broken input files (issue 27), written byte for byte from the formats' specs.

Every file is synthetic and small on disk; the zip bombs are built at test time in a
temporary folder, from one deflate block written many times over (a block that ends in a
full flush refers to nothing before it, so copies of it make a valid stream).

The tests load this module by path. Run it as a script to write every file into a folder,
to probe or measure the tool by hand (``--issue-sizes`` writes the bombs at the sizes the
issue measured: a 2 MB and a 2.8 MB workbook)::

    python tests/hostile_inputs.py /tmp/hostile [--issue-sizes]

The workbooks are the smallest a reader accepts: ``[Content_Types].xml``, the package and
workbook relationships, ``xl/workbook.xml`` and one ``xl/worksheets/sheetN.xml`` per sheet
(ECMA-376 Part 1, 18.2 and 18.3), with ``sharedStrings.xml`` when asked for. The census
files follow the DfE's CIN census structure (see ``safeguarding_rules.testing.returns``).
"""

from __future__ import annotations

import argparse
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

#: Ofsted's List 5 headings, the first three of which the reader needs.
LIST_5 = (
    "Child Unique ID",
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Was an Initial Child Protection Conference deemed unnecessary?",
    "Date of Initial Child Protection Conference",
    "Did the Initial Child Protection Conference Result in a Child Protection Plan",
)


def column_letters(index: int) -> str:
    """``0`` -> ``A``, ``25`` -> ``Z``, ``26`` -> ``AA``, ``16383`` -> ``XFD``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(ref: str, value: object = None, *, formula: str | None = None) -> str:
    """One ``<c>``: text inline, a number as ``<v>``, a formula with or without its value."""
    inner = f"<f>{_escape(formula)}</f>" if formula is not None else ""
    if value is None:
        return f'<c r="{ref}">{inner}</c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}">{inner}<v>{value}</v></c>'
    if formula is not None:
        return f'<c r="{ref}" t="str">{inner}<v>{_escape(str(value))}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{_escape(str(value))}</t></is></c>'


def rows_xml(rows: Iterable[Sequence[object]], *, first_row: int = 1) -> str:
    """``<row>`` elements for rows of values (``None`` leaves a cell out), from ``first_row``."""
    out = []
    for number, values in enumerate(rows, start=first_row):
        cells = "".join(
            cell(f"{column_letters(i)}{number}", value)
            for i, value in enumerate(values)
            if value is not None
        )
        out.append(f'<row r="{number}">{cells}</row>')
    return "".join(out)


def sheet_xml(body: str, *, dimension: str | None = None) -> bytes:
    """A worksheet part holding ``body`` (``<row>`` elements) in its ``sheetData``."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{declared}'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode()


def _package(names: Sequence[str], shared_strings: bool) -> dict[str, bytes]:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
        for i in range(1, len(names) + 1)
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>'
    )
    sheets = "".join(
        f'<sheet name="{_escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(names) + 1)
    )
    if shared_strings:
        links += (
            f'<Relationship Id="rId{len(names) + 1}" Type="{DOC_RELS}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    return {
        "[Content_Types].xml": types.encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
            f'xmlns:r="{DOC_RELS}"><sheets>{sheets}</sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">{links}'
            "</Relationships>"
        ).encode(),
    }


def write_xlsx(path: Path, sheets: Mapping[str, bytes | str]) -> Path:
    """Write a workbook whose sheets hold the given ``<row>`` text or whole worksheet parts."""
    parts = _package(list(sheets), shared_strings=False)
    for i, body in enumerate(sheets.values(), start=1):
        data = body.encode() if isinstance(body, str) else body
        parts[f"xl/worksheets/sheet{i}.xml"] = (
            data if data.startswith(b"<?xml") else sheet_xml(data.decode())
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def list_5_rows(n: int = 2) -> list[list[object]]:
    """``n`` List 5 rows, each a held conference: ids ``C1``, ``C2``..."""
    return [[f"C{i}", "2023-06-05", "No", "2023-06-21", "Yes"] for i in range(1, n + 1)]


# -- workbooks (items 1, 3, 4, 7, 11) ------------------------------------------------------


def far_cells_workbook(path: Path) -> Path:
    """Item 1: a List 5 with one cell at A1 and another at XFD1048576 (the last cell)."""
    body = rows_xml([list(LIST_5), *list_5_rows()]) + (
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    return write_xlsx(path, {"List 5": body})


def formula_workbook(path: Path, *, cached: bool = False) -> Path:
    """Item 3: List 5 rows whose held date is a formula (``=B3+25``), with no saved value.

    Row 3 is an ordinary row; row 4's conference date is a formula; row 5 is all formulas.
    With ``cached``, every formula carries the value a spreadsheet saved with it.
    """
    date = "2023-06-30" if cached else None
    body = rows_xml([list(LIST_5), ["C1", "2023-06-05", "No", "2023-06-21", "Yes"]])
    body += (
        '<row r="4">'
        + cell("A4", "C2")
        + cell("B4", "2023-06-05")
        + cell("C4", "No")
        + cell("D4", date, formula="B3+25")
        + cell("E4", "Yes")
        + '</row><row r="5">'
        + "".join(
            cell(f"{letter}5", value if cached else None, formula=f"'Sheet 2'!{letter}1")
            for letter, value in zip(
                "ABCDE", ["C3", "2023-06-05", "No", "2023-06-30", "Yes"], strict=False
            )
        )
        + "</row>"
    )
    return write_xlsx(path, {"List 5": body})


def two_list_5_workbook(path: Path, names: tuple[str, str] = ("List 5a", "List 5b")) -> Path:
    """Item 7: two sheets whose names both say List 5, each with List 5's headings."""
    first = rows_xml([list(LIST_5), *list_5_rows(2)])
    second = rows_xml([list(LIST_5), *list_5_rows(3)])
    return write_xlsx(path, {names[0]: first, names[1]: second})


def blank_rows_workbook(path: Path, *, first_row: int = 5) -> Path:
    """Item 11: a List 5 whose headings are on row ``first_row``, rows above it blank."""
    bad = ["C9", "2023-06-05", "No", "31/02/2023", "Yes"]
    body = rows_xml([list(LIST_5), *list_5_rows(1), bad], first_row=first_row)
    return write_xlsx(path, {"List 5": body})


def mapped_workbook(path: Path, rows: str) -> Path:
    """A council export sheet (for a column mapping) holding the given ``<row>`` text."""
    return write_xlsx(path, {"Conferences": rows})


def _deflate_bomb(
    head: bytes, unit: bytes, copies: int, tail: bytes
) -> tuple[list[bytes], int, int]:
    """Raw deflate of ``head + unit * copies + tail``, as pieces (the unit's block repeated).

    :returns: the pieces (the unit's block appears ``copies`` times, the same object), the
        CRC-32 and the length of the uncompressed data.
    """
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = squeeze.compress(head) + squeeze.flush(zlib.Z_FULL_FLUSH)
    block = squeeze.compress(unit) + squeeze.flush(zlib.Z_FULL_FLUSH)
    last = squeeze.compress(tail) + squeeze.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    return [first, *([block] * copies), last], crc, len(head) + len(unit) * copies + len(tail)


def _write_zip(path: Path, members: Sequence[tuple[str, Sequence[bytes], int, int, int]]) -> Path:
    """Write a zip by hand: each member as (name, raw pieces, CRC, size, method).

    The sizes written are the ones given, true or not (a lying directory is a test case).
    """
    central = []
    with path.open("wb") as out:
        for name, pieces, crc, size, method in members:
            raw = sum(len(piece) for piece in pieces)
            offset = out.tell()
            encoded = name.encode()
            out.write(
                struct.pack(
                    "<4s2B4HL2L2H",
                    b"PK\x03\x04",
                    20,
                    0,
                    0,
                    method,
                    0,
                    0x21,
                    crc,
                    raw,
                    size,
                    len(encoded),
                    0,
                )
                + encoded
            )
            for piece in pieces:
                out.write(piece)
            central.append(
                struct.pack(
                    "<4s4B4HL2L5H2L",
                    b"PK\x01\x02",
                    20,
                    0,
                    20,
                    0,
                    0,
                    method,
                    0,
                    0x21,
                    crc,
                    raw,
                    size,
                    len(encoded),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + encoded
            )
        start = out.tell()
        for record in central:
            out.write(record)
        out.write(
            struct.pack(
                "<4s4H2LH",
                b"PK\x05\x06",
                0,
                0,
                len(central),
                len(central),
                out.tell() - start,
                start,
                0,
            )
        )
    return path


def _member(name: str, data: bytes) -> tuple[str, Sequence[bytes], int, int, int]:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = squeeze.compress(data) + squeeze.flush()
    return name, [raw], zlib.crc32(data), len(data), zipfile.ZIP_DEFLATED


def zip_bomb(path: Path, megabytes: int, *, kind: str = "cells", lie: bool = False) -> Path:
    """Item 4: a workbook whose one sheet (or shared string) inflates to ``megabytes`` MiB.

    ``kind="cells"``: a List 5 sheet of rows of numbers with no cell references (as a
    writer may leave them out), the 2.8 MB bomb's shape; ``kind="string"``: one shared
    string of ``megabytes`` MiB of ``A``, the 2 MB bomb's. Deflate at its best packs about
    1,000 bytes into one, so each is about ``megabytes`` KB on disk. With ``lie``, the zip's
    directory says the member holds 200 bytes.
    """
    names = ["List 5"]
    parts = _package(names, shared_strings=kind == "string")
    members = [_member(name, data) for name, data in parts.items()]
    unit_size = 1 << 20
    if kind == "string":
        sheet = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
        members.append(_member("xl/worksheets/sheet1.xml", sheet))
        head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>'.encode()
        unit, tail, name = b"A" * unit_size, b"</t></si></sst>", "xl/sharedStrings.xml"
    else:
        row = b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>"
        head = sheet_xml("").split(b"<sheetData>")[0] + b"<sheetData>"
        unit = row * (unit_size // len(row))
        tail, name = b"</sheetData></worksheet>", "xl/worksheets/sheet1.xml"
    pieces, crc, size = _deflate_bomb(head, unit, megabytes * unit_size // len(unit), tail)
    members.append((name, pieces, crc, 200 if lie else size, zipfile.ZIP_DEFLATED))
    return _write_zip(path, members)


def lying_workbook(path: Path) -> Path:
    """Item 4: a List 5 whose zip directory says its sheet holds 200 bytes (it holds more)."""
    rows: list[Sequence[object]] = [LIST_5, *list_5_rows(20)]
    parts = _package(["List 5"], shared_strings=False)
    members = [_member(name, data) for name, data in parts.items()]
    name, pieces, crc, _, method = _member("xl/worksheets/sheet1.xml", sheet_xml(rows_xml(rows)))
    members.append((name, pieces, crc, 200, method))
    return _write_zip(path, members)


def ods_workbook(path: Path, table: str, name: str = "List 5") -> Path:
    """An OpenDocument spreadsheet holding one table's ``<table:table-row>`` text."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{name}">{table}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def ods_text_row(values: Sequence[str], repeat: int = 1) -> str:
    """One ODS row of text cells, repeated ``repeat`` times."""
    cells = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{_escape(v)}</text:p>'
        "</table:table-cell>"
        for v in values
    )
    return f'<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>'


def ods_repeated_bomb(path: Path, rows: int = 1_048_575, columns: int = 16_384) -> Path:
    """Item 1 in ODS: one row, a number repeated across ``columns``, repeated ``rows`` times."""
    table = ods_text_row(LIST_5) + (
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
        f'table:number-columns-repeated="{columns}" office:value-type="float" office:value="1">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    return ods_workbook(path, table)


# -- census files (items 2, 13, 14, 15) ---------------------------------------------------

CENSUS_HEAD = (
    '<?xml version="1.0" encoding="{encoding}"?>\n<Message><Header><CollectionDetails>'
    "<Collection>CIN</Collection><Year>2024</Year><ReferenceDate>{reference}</ReferenceDate>"
    "</CollectionDetails></Header>\n<Children>\n"
)
CENSUS_TAIL = "</Children></Message>\n"


def census_child(child_id: str, *, extra: str = "") -> str:
    """A child with one section 47 enquiry and its initial conference (held on time)."""
    return (
        f"<Child><ChildIdentifiers><LAchildID>{child_id}</LAchildID></ChildIdentifiers>"
        "<CINdetails><CINreferralDate>2023-06-01</CINreferralDate><Section47>"
        "<S47ActualStartDate>2023-06-05</S47ActualStartDate>"
        "<DateOfInitialCPC>2023-06-21</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>"
        f"</Section47>{extra}</CINdetails></Child>\n"
    )


def census(
    children: Iterable[str], *, reference: str = "2024-03-31", encoding: str = "UTF-8"
) -> str:
    """A census document holding ``children`` (each a ``<Child>`` text)."""
    return (
        CENSUS_HEAD.format(encoding=encoding, reference=reference) + "".join(children) + CENSUS_TAIL
    )


def nested_reference_date_census(path: Path) -> Path:
    """Item 2: four children, the third holding a ``ReferenceDate`` of its own."""
    children = [census_child(f"C{i}") for i in range(1, 5)]
    children[2] = census_child("C3", extra="<ReferenceDate>2025-03-31</ReferenceDate>")
    path.write_text(census(children), encoding="utf-8")
    return path


def utf16_census(path: Path, *, bom: bool = True, big_endian: bool = False, bits: int = 16) -> Path:
    """Item 14: a census saved as UTF-16 or UTF-32 (with or without its byte order mark)."""
    codec = f"utf-{bits}-" + ("be" if big_endian else "le")
    text = census([census_child("C1")], encoding=f"UTF-{bits}")
    path.write_bytes(("\ufeff" if bom else "").encode(codec) + text.encode(codec))
    return path


def _lines(head: str, line: str, count: int, tail: str) -> Iterator[str]:
    yield head
    block = line * 10_000
    for _ in range(count // 10_000):
        yield block
    yield line * (count % 10_000)
    yield tail


def empty_children_census(path: Path, count: int = 2_000_000) -> Path:
    """Item 15: ``count`` empty ``<Child/>`` elements (the issue's file: 2 million, 16 MB)."""
    with path.open("w", encoding="utf-8") as out:
        head = census([census_child("C0")]).removesuffix(CENSUS_TAIL)
        out.writelines(_lines(head, "<Child/>\n", count, CENSUS_TAIL))
    return path


def junk_census(
    path: Path, count: int = 2_000_000, *, where: str = "Children", junk: str = "<Junk>x</Junk>\n"
) -> Path:
    """Item 15: ``count`` elements the census does not have, beside the children.

    ``where`` is ``Children`` (siblings of the children), ``Message`` (after the children,
    under the root) or ``Child`` (inside one child).
    """
    with path.open("w", encoding="utf-8") as out:
        if where == "Child":
            head = census([]).removesuffix(CENSUS_TAIL) + census_child("C1").replace("</Child>", "")
            out.writelines(_lines(head, junk, count, "</Child>" + CENSUS_TAIL))
        elif where == "Message":
            head = census([census_child("C1")]).removesuffix("</Message>\n")
            out.writelines(_lines(head, junk, count, "</Message>\n"))
        else:
            head = census([census_child("C1")]).removesuffix(CENSUS_TAIL)
            out.writelines(_lines(head, junk, count, CENSUS_TAIL))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--issue-sizes",
        action="store_true",
        help="bombs as big as the issue's: a 2 MB and a 2.8 MB workbook",
    )
    options = parser.parse_args()
    folder: Path = options.folder
    folder.mkdir(parents=True, exist_ok=True)
    far_cells_workbook(folder / "far-cells.xlsx")
    formula_workbook(folder / "formulas.xlsx")
    two_list_5_workbook(folder / "two-list-5.xlsx")
    blank_rows_workbook(folder / "blank-rows.xlsx")
    ods_repeated_bomb(folder / "repeated.ods")
    big = options.issue_sizes
    zip_bomb(folder / "bomb-string.xlsx", 2048 if big else 64, kind="string")
    zip_bomb(folder / "bomb-cells.xlsx", 650 if big else 64, kind="cells")
    zip_bomb(folder / "bomb-lying.xlsx", 300 if big else 64, kind="string", lie=True)
    nested_reference_date_census(folder / "nested-reference-date.xml")
    utf16_census(folder / "utf16-census.xml")
    empty_children_census(folder / "empty-children.xml", 2_000_000 if big else 20_000)
    junk_census(folder / "junk-siblings.xml", 2_000_000 if big else 20_000)
    for path in sorted(folder.iterdir()):
        print(f"{path.stat().st_size:>12,} {path}")


if __name__ == "__main__":
    main()
