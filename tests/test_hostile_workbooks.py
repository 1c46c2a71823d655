"""Hostile and broken workbooks (issue 27, items 1, 3, 4, 7, 11 and 13): refused or named.

The files are written byte for byte by ``tests/hostile_inputs.py``; the zip bombs are
built here, in a temporary folder, from one deflate block written many times over.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import hostile_inputs as hostile
from safeguarding_rules import calendar_for
from safeguarding_rules.records import InputErrors, read_annex_a, read_mapped_records, read_mapping
from safeguarding_rules.records import workbook as wb

CALENDAR = calendar_for("england-and-wales")
HEADINGS = "".join(
    hostile.cell(f"{letter}1", heading)
    for letter, heading in zip(
        "ABCD", ["Person ID", "Meeting ID", "Meeting Type", "Meeting Date"], strict=True
    )
)
MAPPING = """
[columns]
child_id = "Person ID"
conference_id = "Meeting ID"
conference_type = "Meeting Type"
conference_date = "Meeting Date"
"""


def refused(path: Path) -> list[str]:
    with pytest.raises(InputErrors) as raised:
        read_annex_a(path, CALENDAR)
    return [str(problem) for problem in raised.value.problems]


def run_isolated(path: Path) -> subprocess.CompletedProcess[str]:
    """Read a workbook in a child process with 2 GB of address space at most."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from safeguarding_rules import calendar_for\n"
        "from safeguarding_rules.records import InputErrors, read_annex_a\n"
        "try:\n"
        "    read_annex_a(sys.argv[1], calendar_for('england-and-wales'))\n"
        "except InputErrors as error:\n"
        "    print(error)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )


# -- 1. cells at A1 and XFD1048576 -------------------------------------------------------------


def test_a_sheet_spanning_the_whole_grid_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = hostile.far_cells_workbook(tmp_path / "far.xlsx")
    assert path.stat().st_size < 5_000
    done = run_isolated(path)
    assert done.returncode == 0, done.stderr[-2000:]  # not SIGABRT (-6)
    assert "sheet 'List 5' has cells across A1:XFD1048576" in done.stdout
    assert "1,048,576 rows by 16,384 columns: 17,179,869,184 cells" in done.stdout
    assert f"more than the {wb.MAX_CELLS:,} a sheet may span here" in done.stdout


@pytest.mark.parametrize(
    ("cells", "span"),
    [
        # Cells with no reference follow the one before, as calamine places them (an
        # empty cell places the next one, though it holds nothing itself).
        ('<row r="1"><c><v>1</v></c></row><row r="20000"><c r="ZZ20000"/>'
         + "<c><v>1</v></c>" * 600 + '</row><row r="20000"></row>',
         "A1:AXB20000 (20,000 rows by 1,302 columns"),
        # A namespace prefix, single quotes and an attribute before the reference.
        ('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="9000">'
         "<x:c s='1' r='ZZZ9000'><x:v>1</x:v></x:c></x:row>", "A1:ZZZ9000"),
    ],
)  # fmt: skip
def test_every_way_of_placing_a_cell_counts(tmp_path: Path, cells: str, span: str) -> None:
    body = cells
    if "<x:" in cells:
        body = (
            f'<?xml version="1.0"?><x:worksheet xmlns:x="{hostile.MAIN}"><x:sheetData>{cells}'
            "</x:sheetData></x:worksheet>"
        )
    path = hostile.write_xlsx(tmp_path / "placed.xlsx", {"List 5": body})
    (found,) = refused(path)
    assert f"has cells across {span}" in found


def test_a_sheet_within_the_limit_is_read_and_only_real_cells_count(tmp_path: Path) -> None:
    body = hostile.rows_xml([list(hostile.LIST_5), *hostile.list_5_rows(2)])
    # Empty cells far away (formatting only) hold nothing calamine keeps: not counted.
    body += '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    path = hostile.write_xlsx(tmp_path / "ok.xlsx", {"List 5": body})
    records = read_annex_a(path, CALENDAR)
    assert records.child_id.tolist() == ["C1", "C2"]


def test_the_limit_is_rows_times_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wb, "MAX_CELLS", 15)
    body = hostile.rows_xml([list(hostile.LIST_5), *hostile.list_5_rows(2)])  # 3 by 5
    path = hostile.write_xlsx(tmp_path / "ok.xlsx", {"List 5": body})
    assert len(read_annex_a(path, CALENDAR)) == 2
    more = hostile.rows_xml([list(hostile.LIST_5), *hostile.list_5_rows(3)])  # 4 by 5
    path = hostile.write_xlsx(tmp_path / "over.xlsx", {"List 5": more})
    (found,) = refused(path)
    assert "A1:E4 (4 rows by 5 columns: 20 cells), more than the 15" in found


def test_an_ods_whose_repeated_cells_span_the_grid_is_refused(tmp_path: Path) -> None:
    path = hostile.ods_repeated_bomb(tmp_path / "repeated.ods")
    assert path.stat().st_size < 2_000
    (found,) = refused(path)
    assert "sheet 'List 5' has cells across A1:XFD1048576" in found


def test_an_ods_with_blank_rows_above_names_the_sheets_own_rows(tmp_path: Path) -> None:
    blank = '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
    rows = [
        hostile.ods_text_row(hostile.LIST_5),
        hostile.ods_text_row(["C9", "2023-06-05", "Maybe", "", ""]),
    ]
    path = hostile.ods_workbook(tmp_path / "blank.ods", blank + "".join(rows))
    (found,) = refused(path)
    assert "sheet 'List 5', row 5 (Child Unique ID C9), column 'Was an Initial Child" in found


def test_a_binary_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    (found,) = refused(path)
    assert "a binary workbook (.xlsb)" in found
    assert "save it as an Excel Workbook (.xlsx)" in found


# -- 3. formulas saved without their value -----------------------------------------------------


def test_a_formula_with_no_saved_value_is_named_never_taken_as_empty(tmp_path: Path) -> None:
    path = hostile.formula_workbook(tmp_path / "formulas.xlsx")
    found = refused(path)
    assert found[0] == (
        f"{path}, sheet 'List 5', row 4, column 'Date of Initial Child Protection Conference' "
        "(cell D4): a formula saved without its value (the program that wrote the file did "
        "not calculate it), so the value is unknown, not empty: open the file in Excel or "
        "LibreOffice and save it, or type the value (value '=B3+25')"
    )
    # Row 5 holds nothing but formulas: no reader sees it, yet each cell is named.
    assert [p.split(" (cell ")[1][:2] for p in found[1:]] == ["A5", "B5", "C5", "D5", "E5"]
    assert "value \"='Sheet 2'!A1\"" in found[1]
    records = read_annex_a(path, CALENDAR, skip_invalid=True)
    assert records.child_id.tolist() == ["C1"]  # C2's conference is not listed as pending
    assert records.skipped_rows == 2
    assert len(records.problems) == 6


def test_formulas_saved_with_their_values_are_read(tmp_path: Path) -> None:
    path = hostile.formula_workbook(tmp_path / "cached.xlsx", cached=True)
    records = read_annex_a(path, CALENDAR)
    assert records.child_id.tolist() == ["C1", "C2", "C3"]
    assert records.conference_date.astype(str).tolist() == ["2023-06-21", "2023-06-30"] * 1 + [
        "2023-06-30"
    ]


def test_shared_and_array_formulas_and_empty_results(tmp_path: Path) -> None:
    body = hostile.rows_xml([list(hostile.LIST_5), *hostile.list_5_rows(1)])
    body += (
        '<row r="3">' + hostile.cell("A3", "C2") + hostile.cell("B3", "2023-06-05")
        + hostile.cell("C3", "No") + '<c r="D3"><f t="shared" ref="D3:D4" si="0">B3+16</f></c>'
        + hostile.cell("E3", "Yes") + '</row><row r="4">' + hostile.cell("A4", "C3")
        + hostile.cell("B4", "2023-06-05") + hostile.cell("C4", "No")
        + '<c r="D4"><f t="shared" si="0"/></c>' + hostile.cell("E4", "Yes")
        + '</row><row r="5">' + hostile.cell("A5", "C4") + hostile.cell("B5", "2023-06-05")
        + hostile.cell("C5", "Yes") + '<c r="D5" t="str"><f>IF(C5="Yes","",B5)</f><v></v></c>'
        + '<c r="E5" t="e"><f t="array" ref="E5">NA()</f><v>#N/A</v></c></row>'
        + '<row r="6"><c r="F6"><f>1+1</f></c></row>'  # a column no field reads
    )  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "shared.xlsx", {"List 5": body})
    found = refused(path)
    assert len(found) == 2, found
    assert "(cell D3)" in found[0]
    assert "(value '=B3+16')" in found[0]
    assert "(cell D4)" in found[1]
    assert "(value '=B3+16 (shared from D3)')" in found[1]


def test_a_formula_in_list_7_and_in_a_mapped_export(tmp_path: Path) -> None:
    list_7 = hostile.rows_xml([["Child Unique ID", "Child Protection Plan Start Date",
                                "Date of latest review conference"], ["C1", "2023-06-21", "2023-09-01"]])  # fmt: skip
    list_7 += '<row r="3">' + hostile.cell("A3", "C2") + hostile.cell("B3", "2023-06-21")
    list_7 += hostile.cell("C3", None, formula="B3+90") + "</row>"
    path = hostile.write_xlsx(tmp_path / "list7.xlsx", {"List 7": list_7})
    (found,) = refused(path)
    assert "sheet 'List 7', row 3, column 'Date of latest review conference' (cell C3)" in found
    export = (
        f'<row r="1">{HEADINGS}</row><row r="2">'
        + "".join(
            hostile.cell(f"{c}2", v) for c, v in zip("ABC", ["P1", "M1", "ICPC"], strict=True)
        )
        + hostile.cell("D2", None, formula="TODAY()")
        + "</row>"
    )
    path = hostile.mapped_workbook(tmp_path / "export.xlsx", export)
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(path, read_mapping(mapping), CALENDAR)
    (problem,) = raised.value.problems
    assert str(problem).startswith(
        f"{path}, sheet 'Conferences', row 2, column 'Meeting Date' (cell D2): a formula saved"
    )
    records = read_mapped_records(path, read_mapping(mapping), CALENDAR, skip_invalid=True)
    assert (len(records), records.skipped_rows) == (0, 1)


# -- 4. zip bombs ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["string", "cells"])
def test_a_zip_bomb_is_refused_before_anything_inflates_it(tmp_path: Path, kind: str) -> None:
    path = hostile.zip_bomb(tmp_path / f"bomb-{kind}.xlsx", 64, kind=kind)
    assert path.stat().st_size < 300_000  # 64 MiB inside
    done = run_isolated(path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"inflates more than {wb.MAX_RATIO} times" in done.stdout
    assert "it looks like a zip bomb; nothing was read" in done.stdout


def test_a_zip_whose_directory_lies_about_a_size_is_refused(tmp_path: Path) -> None:
    path = hostile.lying_workbook(tmp_path / "lying.xlsx")
    with zipfile.ZipFile(path) as archive:  # the directory says 200 bytes
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 200
    (found,) = refused(path)
    assert "sheet 'List 5' (part 'xl/worksheets/sheet1.xml'): this part of the workbook" in found
    assert (
        "though the zip's directory declares 200: the file is damaged or built to mislead" in found
    )


def test_a_damaged_zip_member_is_refused(tmp_path: Path) -> None:
    path = hostile.lying_workbook(tmp_path / "damaged.xlsx")
    data = bytearray(path.read_bytes())
    start = data.index(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    data[start + 5 : start + 60] = bytes(55)  # inside the deflate stream
    path.write_bytes(bytes(data))
    (found,) = refused(path)
    assert "this part of the workbook is damaged" in found


def test_the_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wb, "RATIO_FLOOR", 0)
    monkeypatch.setattr(wb, "MAX_RATIO", 10_000)
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", 2, kind="cells")
    monkeypatch.setattr(wb, "MAX_PART_BYTES", 1 << 20)
    (found,) = refused(path)
    assert "sheet 'List 5' (part 'xl/worksheets/sheet1.xml')" in found
    assert f"inflates to more than {1 << 20:,} bytes, the most read" in found
    monkeypatch.setattr(wb, "MAX_TOTAL_BYTES", 1 << 20)
    (found,) = refused(path)
    assert f"takes the workbook past {1 << 20:,} bytes uncompressed" in found


def test_a_real_workbook_compresses_well_within_the_ratio(tmp_path: Path) -> None:
    rows = [[f"C{i}", "2023-06-05", "b) No", "2023-06-21", "a) Yes"] for i in range(20_000)]
    path = hostile.write_xlsx(
        tmp_path / "big.xlsx", {"List 5": hostile.rows_xml([list(hostile.LIST_5), *rows])}
    )
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size > wb.RATIO_FLOOR
    assert info.file_size / info.compress_size < wb.MAX_RATIO / 3
    assert len(read_annex_a(path, CALENDAR)) == 20_000


# -- 7. two sheets that are both List 5 ----------------------------------------------------


@pytest.mark.parametrize("names", [("List 5a", "List 5b"), ("list5", "List 5")])
def test_two_sheets_named_as_list_5_are_refused_naming_both(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    path = hostile.two_list_5_workbook(tmp_path / "two.xlsx", names)
    (found,) = refused(path)
    assert found == (
        f"{path}, sheets {names[0]!r}, {names[1]!r}: 2 sheets' names say they are List 5: "
        "keep one (rename or delete the others), so that none is read in place of another"
    )


def test_two_unnamed_sheets_with_list_5_headings_are_refused(tmp_path: Path) -> None:
    path = hostile.two_list_5_workbook(tmp_path / "two.xlsx", ("Sheet1", "Sheet2"))
    (found,) = refused(path)
    assert "sheets 'Sheet1', 'Sheet2': 2 sheets' headings say they are List 5" in found


# -- 11. blank rows above the headings -------------------------------------------------------


def test_problems_name_the_sheets_own_row_under_blank_rows(tmp_path: Path) -> None:
    path = hostile.blank_rows_workbook(tmp_path / "blank.xlsx", first_row=5)
    (found,) = refused(path)
    assert "sheet 'List 5', row 7 (Child Unique ID " in found
    assert "), column 'Date of Initial Child Protection Conference'" in found
    records = read_annex_a(path, CALENDAR, skip_invalid=True)
    assert records.conference_id.tolist() == ["List 5 row 6"]


def test_missing_headings_name_the_sheets_own_row(tmp_path: Path) -> None:
    body = hostile.rows_xml([["Child Unique ID", "Gender"], ["C1", "F"]], first_row=4)
    path = hostile.write_xlsx(tmp_path / "short.xlsx", {"List 5": body})
    (found,) = refused(path)
    assert found.startswith(
        f"{path}, sheet 'List 5', row 4: sheet 'List 5' (List 5) has no heading"
    )


def test_a_mapped_export_under_blank_rows_names_the_sheets_own_row(tmp_path: Path) -> None:
    export = hostile.rows_xml(
        [
            ["Person ID", "Meeting ID", "Meeting Type", "Meeting Date"],
            ["P1", "M1", "ICPC", "32/01/2024"],
        ],
        first_row=3,
    )
    path = hostile.mapped_workbook(tmp_path / "export.xlsx", export)
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(path, read_mapping(mapping), CALENDAR)
    assert "row 4, sheet 'Conferences', column 'Meeting Date'" in str(raised.value)


# -- 13. a mapping file of the wrong shapes --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("columns = 5\n", "[columns] must be a table"),
        ('values = "x"\n' + MAPPING, "[values] must be a table"),
        (MAPPING + "[values]\nconference_type = 3\n", "[values.conference_type] must be a table"),
        (MAPPING + "[values.conference_type]\ninitial = {a = 1}\n",
         "[values.conference_type] 'initial': expected a value or a list of values"),
        (MAPPING + "[values.conference_type]\ninitial = [true]\n",
         "[values.conference_type] 'initial': expected a value or a list"),
        ("[columns]\nchild_id = 7\n", "[columns] 'child_id': expected a heading or a list"),
        ("[columns]\nchild_id = []\n", "[columns] 'child_id': expected a heading or a list"),
        ("[columns]\nchild_id = [1]\n", "[columns] 'child_id': expected a heading or a list"),
        ("[columns]\nchild_id = {a = 1}\n", "[columns] 'child_id': expected a heading or a list"),
        ('workbook = "Sheet1"\n' + MAPPING, "[workbook] must be a table"),
        (MAPPING + "[workbook]\nsheet = 1\n", "[workbook] 'sheet': expected a sheet's name"),
        (MAPPING + "[workbook]\nsheets = 'A'\n", "[workbook] knows only 'sheet', not sheets"),
    ],
)  # fmt: skip
def test_a_mapping_of_the_wrong_shape_names_its_table_and_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_mapping(path)
    (problem,) = raised.value.problems
    assert str(problem) == f"{path}, row 0: mapping file: {message}" or message in str(problem)
    assert str(problem).startswith(f"{path}, row 0: mapping file: ")


def test_a_mapping_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_bytes(MAPPING.replace("Person ID", "Person \xe9").encode("latin-1"))
    with pytest.raises(InputErrors, match="mapping file: not UTF-8 text"):
        read_mapping(path)


def test_numbers_as_codes_are_read_as_their_text(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(MAPPING + "[values.conference_type]\ninitial = [1, 'ICPC']\n", encoding="utf-8")
    assert read_mapping(path).values == {"conference_type": {"1": "initial", "icpc": "initial"}}


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_title_row_under_blank_rows_is_passed_over(tmp_path: Path, kind: str) -> None:
    """fastexcel counts a heading row from the sheet's top, blank rows included."""
    rows = [
        ["Annex A: List 5"],
        list(hostile.LIST_5),
        ["C1", "2023-06-05", "No", "31/02/2023", "Yes"],
    ]
    if kind == "xlsx":
        path = hostile.write_xlsx(
            tmp_path / "t.xlsx", {"List 5": hostile.rows_xml(rows, first_row=4)}
        )
    else:
        blank = (
            '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
        )
        path = hostile.ods_workbook(
            tmp_path / "t.ods", blank + "".join(hostile.ods_text_row(row) for row in rows)
        )
    (found,) = refused(path)
    assert (
        "sheet 'List 5', row 6 (Child Unique ID C1), column 'Date of Initial Child Protection "
        "Conference'" in found
    )
