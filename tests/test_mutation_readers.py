"""The readers' blind spots that mutation testing found (issue 27): every field checked whole.

Each test here was written against a surviving mutant of ``records/cin_census.py``,
``records/annex_a.py``, ``records/workbook.py`` or ``records/mapping.py`` (see
``docs/security.md``, "Mutation scores"): a problem compared field by field, not by a
part of its message; a record's every column; the edges of each date comparison.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import fastexcel
import numpy as np
import pyarrow as pa
import pytest
from lxml import etree

import hostile_inputs as hostile
from safeguarding_rules import calendar_for
from safeguarding_rules.records import InputErrors, InputProblem, read_annex_a, read_cin_census
from safeguarding_rules.records import workbook as wb
from safeguarding_rules.records.source import OLE2

CALENDAR = calendar_for("england-and-wales")

# -- the census -------------------------------------------------------------------------


def _element(name: str, value: str | None) -> str:
    return "" if value is None else f"<{name}>{value}</{name}>"


def s47(start: str | None, *, held: str | None = None, target: str | None = None,
        flag: str | None = "false") -> str:  # fmt: skip
    """One Section47 element (``None`` leaves an element out)."""
    return (
        "<Section47>" + _element("S47ActualStartDate", start)
        + _element("InitialCPCtarget", target) + _element("DateOfInitialCPC", held)
        + _element("ICPCnotRequired", flag) + "</Section47>"
    )  # fmt: skip


def plan(start: str | None, *reviews: str, end: str | None = None) -> str:
    """One ChildProtectionPlans element."""
    listed = "".join(f"<CPPreviewDate>{r}</CPPreviewDate>" for r in reviews)
    return (
        "<ChildProtectionPlans>" + _element("CPPstartDate", start) + _element("CPPendDate", end)
        + (f"<Reviews>{listed}</Reviews>" if reviews else "") + "</ChildProtectionPlans>"
    )  # fmt: skip


def child(child_id: str | None, *parts: str) -> str:
    """One Child with one CINdetails holding ``parts``."""
    ids = "<ChildIdentifiers>" + _element("LAchildID", child_id) + "</ChildIdentifiers>"
    return f"<Child>{ids}<CINdetails>{''.join(parts)}</CINdetails></Child>\n"


def write(tmp_path: Path, *children: str, reference: str = "2024-03-31") -> Path:
    path = tmp_path / "census.xml"
    path.write_text(hostile.census(children, reference=reference), encoding="utf-8")
    return path


def problem(path: Path, where: str, message: str, value: str | None = None) -> InputProblem:
    return InputProblem(str(path), 0, where.rsplit("/", 1)[-1], value, message, location=where)


COVERAGE = "outside the england-and-wales calendar's coverage (2006-01-01 to 2030-12-31)"


def test_every_problem_of_the_census_whole(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        child("A", s47(None, held="2023-13-01"), s47("2023-06-05", flag=None)),
        child("B", s47("2023-06-05", flag="maybe"), s47("2005-12-31"), s47("2031-01-01")),
        child("C", plan(None, "2023-14-01", "2031-01-01", end="junk")),
        child(None, plan("2023-06-21", "2023-09-01")),
        child("D", s47("2006-01-01", held="2030-12-31", flag="1")),
    )
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    ids = {1: "A", 2: "B", 3: "C"}  # each child named by the id as written (issue 26)

    def at(n: int, rest: str) -> str:
        return f"Child[{n}] (LAchildID {ids[n]})/CINdetails[1]/{rest}"

    assert list(read.records.problems) == [
        problem(path, at(1, "Section47[1]/S47ActualStartDate"), "a date is required here"),
        problem(path, at(1, "Section47[1]/DateOfInitialCPC"),
                "expected a date in the form YYYY-MM-DD", "2023-13-01"),
        problem(path, at(1, "Section47[2]/ICPCnotRequired"), "a value is required here"),
        problem(path, at(2, "Section47[1]/ICPCnotRequired"),
                "expected true or false (or 1 or 0)", "maybe"),
        problem(path, at(2, "Section47[2]/S47ActualStartDate"), COVERAGE, "2005-12-31"),
        problem(path, at(2, "Section47[3]/S47ActualStartDate"), COVERAGE, "2031-01-01"),
        problem(path, at(3, "ChildProtectionPlans[1]/CPPstartDate"), "a date is required here"),
        problem(path, at(3, "ChildProtectionPlans[1]/CPPendDate"),
                "expected a date in the form YYYY-MM-DD", "junk"),
        problem(path, at(3, "ChildProtectionPlans[1]/Reviews/CPPreviewDate[1]"),
                "expected a date in the form YYYY-MM-DD", "2023-14-01"),
        problem(path, at(3, "ChildProtectionPlans[1]/Reviews/CPPreviewDate[2]"),
                COVERAGE, "2031-01-01"),
        problem(path, "Child[4]/ChildIdentifiers/LAchildID", "a child id is required here"),
    ]  # fmt: skip
    # Five enquiries, one plan and one plan of a child with no id are left out.
    assert read.records.skipped_rows == 7
    # The edges of the calendar's coverage are in it.
    assert read.records.child_id.tolist() == ["D"]
    assert read.records.conference_date.astype(str).tolist() == ["2030-12-31"]
    assert read.census.icpc_not_required.tolist() == [True]  # "1", though held
    assert read.census.icpc_not_required.dtype == np.bool_


def test_every_column_of_the_records_whole(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        # Held the day it started (0 working days: kept, not a data problem); its plan
        # began that day and ended: the end is the initial conference's plan end.
        child(
            "A",
            s47("2023-06-05", held="2023-06-05"),
            plan("2023-06-05", "2023-10-02", "2023-09-01", end="2024-01-10"),
        ),
        # Held with no plan from it: no review is due from it.
        child("B", s47("2023-06-05", held="2023-06-21", flag="0")),
        # Held, and the plan that began that day is still open.
        child("C", s47("2023-06-05", held="2023-06-21"), plan("2023-06-21")),
        # Not yet held, not required: no record; required: pending.
        child("D", s47("2023-06-05", flag="true"), s47("2023-07-03", flag="false")),
        # A plan from the first day of the census year: its first review follows it.
        child("E", plan("2023-04-01", "2023-06-20")),
        # A plan from the day before: its first review follows it too (issue 26 item 5: a
        # return lists a plan's reviews, earlier years' too).
        child("F", plan("2023-03-31", "2023-06-20")),
        # Held before it started: counted by the DfE, no record here.
        child("G", s47("2023-06-05", held="2023-06-02")),
    )
    read = read_cin_census(path, CALENDAR)
    records = read.records
    base = "Child[{}]/CINdetails[1]/"
    assert records.conference_id.tolist() == [
        base.format(1) + "Section47[1]",
        base.format(1) + "ChildProtectionPlans[1]/Reviews/CPPreviewDate[2]",
        base.format(1) + "ChildProtectionPlans[1]/Reviews/CPPreviewDate[1]",
        base.format(2) + "Section47[1]",
        base.format(3) + "Section47[1]",
        base.format(4) + "Section47[2]",
        base.format(5) + "ChildProtectionPlans[1]/Reviews/CPPreviewDate[1]",
        base.format(6) + "ChildProtectionPlans[1]/Reviews/CPPreviewDate[1]",
    ]
    assert records.child_id.tolist() == ["A", "A", "A", "B", "C", "D", "E", "F"]
    assert records.conference_type.tolist() == ["initial", "review", "review", "initial",
                                                "initial", "initial", "review", "review"]  # fmt: skip
    dates = {
        "conference_date": ["2023-06-05", "2023-09-01", "2023-10-02", "2023-06-21",
                            "2023-06-21", "NaT", "2023-06-20", "2023-06-20"],
        "strategy_discussion_date": ["2023-06-05", "NaT", "NaT", "2023-06-05", "2023-06-05",
                                     "2023-07-03", "NaT", "NaT"],
        "plan_end_date": ["2024-01-10", "2024-01-10", "2024-01-10", "2023-06-21", "NaT", "NaT",
                          "NaT", "NaT"],
        "previous_conference_date": ["NaT", "2023-06-05", "2023-09-01", "NaT", "NaT", "NaT",
                                     "2023-04-01", "2023-03-31"],
    }  # fmt: skip
    for name, expected in dates.items():
        assert getattr(records, name).astype(str).tolist() == expected, name
    assert records.previous_conference_type.tolist()[1:3] == ["initial", "review"]
    assert records.previous_conference_type.tolist()[6:] == ["initial", "initial"]
    census = read.census
    assert census.file == str(path)
    assert census.children == 7
    assert census.child_id.tolist() == ["A", "B", "C", "D", "D", "G"]
    assert census.child_id.dtype == object
    assert census.location.dtype == object
    assert census.location.tolist()[3] == base.format(4) + "Section47[1]"
    assert census.icpc_not_required.tolist() == [False, False, False, True, False, False]
    assert census.recorded_target.astype(str).tolist() == ["NaT"] * 6
    assert census.icpc_date.astype(str).tolist() == [
        "2023-06-05", "2023-06-21", "2023-06-21", "NaT", "NaT", "2023-06-02"
    ]  # fmt: skip
    assert census.icpc_date.dtype == np.dtype("datetime64[D]")
    assert census.recorded_target.dtype == np.dtype("datetime64[D]")


def test_a_recorded_target_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, child("A", s47("2023-06-05", held="2023-06-21", target="2023-06-26")))
    census = read_cin_census(path, CALENDAR).census
    assert census.recorded_target.astype(str).tolist() == ["2023-06-26"]
    assert census.s47_start.astype(str).tolist() == ["2023-06-05"]


def test_a_review_before_its_plan_is_named_by_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, child("A", plan("2023-06-05", "2023-06-01")))
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    (found,) = raised.value.problems
    assert (found.file, found.row, found.column, found.location) == (
        str(path),
        0,
        "previous_conference_date",
        "Child[1] (LAchildID A)/CINdetails[1]/ChildProtectionPlans[1]/Reviews/CPPreviewDate[1]",
    )


@pytest.mark.parametrize(
    ("reference", "start"),
    [
        ("2024-03-31", "2023-04-01"),
        ("2024-02-29", "2023-03-01"),  # no 29 February a year earlier: from 1 March
        ("2025-02-28", "2024-02-29"),
        ("2023-12-31", "2023-01-01"),
    ],
)
def test_the_census_year(tmp_path: Path, reference: str, start: str) -> None:
    path = write(tmp_path, child("A", s47("2023-06-05")), reference=reference)
    census = read_cin_census(path, CALENDAR).census
    assert (census.year_start.isoformat(), census.reference_date.isoformat()) == (start, reference)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/03/2024", "expected the census reference date in the form YYYY-MM-DD"),
        ("", "expected the census reference date in the form YYYY-MM-DD"),
    ],
)
def test_a_bad_reference_date_whole(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, child("A", s47("2023-06-05")), reference=text)
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    assert raised.value.problems == (
        InputProblem(str(path), 0, "ReferenceDate", text, message,
                     location="Message/Header/CollectionDetails/ReferenceDate"),
    )  # fmt: skip


def test_a_stray_reference_date_whole(tmp_path: Path) -> None:
    path = write(tmp_path, child("A", s47("2023-06-05", held="2023-06-21"),
                                 "<ReferenceDate> 2025-03-31 </ReferenceDate>"))  # fmt: skip
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    assert raised.value.problems == (
        InputProblem(
            str(path), 0, "ReferenceDate", "2025-03-31",
            "a ReferenceDate here is not read: only "
            "Message/Header/CollectionDetails/ReferenceDate (2024-03-31) gives the census year",
            location="Child[1]/CINdetails/ReferenceDate",
        ),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<Message><Header><CollectionDetails><ReferenceDate>2024-03-31</ReferenceDate>"
         "</CollectionDetails></Header><Children/></Message>", "no Children/Child elements"),
        ("<Message><Children><Child/></Children></Message>",
         "no Header/CollectionDetails/ReferenceDate before the first Child: the census year "
         "cannot be known"),
        ("<Message/>", "no Header/CollectionDetails/ReferenceDate"),
        ("<Report/>", "the root element is <Report>, expected <Message> with Children/Child"),
        ("<Message><Header></Message>",
         "not well-formed XML (Opening and ending tag mismatch: Header line 1 and Message, "
         "line 1, column 28 (census.xml, line 1))"),
    ],
)  # fmt: skip
def test_not_a_census_whole(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "census.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    assert raised.value.problems == (
        InputProblem(str(path), 0, None, None, f"not a DfE CIN census return: {message}"),
    )


def test_a_doctype_and_an_unreadable_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "census.xml"
    # An external DTD that does not exist: loaded, it would be a parse error instead.
    path.write_text('<!DOCTYPE Message SYSTEM "missing.dtd"><Message/>', encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    assert raised.value.problems == (
        InputProblem(
            str(path), 0, None, None,
            "the XML declares a DOCTYPE; a CIN census has none, and a DOCTYPE can hide entity "
            "expansion, so the file is refused",
        ),
    )  # fmt: skip
    with pytest.raises(InputErrors) as raised:
        read_cin_census(tmp_path / "absent.xml", CALENDAR)
    assert raised.value.problems == (
        InputProblem(str(tmp_path / "absent.xml"), 0, None, None,
                     "cannot read: No such file or directory"),
    )  # fmt: skip


#: Enough children that the first look at the file (its root) does not parse this far.
MANY = [child(f"C{i}", s47("2023-06-05", held="2023-06-21")) for i in range(400)]


def test_elements_nested_beyond_the_parsers_limit_are_refused(tmp_path: Path) -> None:
    deep = "<Junk>" * 300 + "</Junk>" * 300
    path = write(tmp_path, *MANY, deep)
    assert path.stat().st_size > 100_000
    with pytest.raises(InputErrors, match="Excessive depth in document: 256"):
        read_cin_census(path, CALENDAR)


def test_xml_broken_far_into_the_file_whole(tmp_path: Path) -> None:
    path = write(tmp_path, *MANY, "<Child><Oops></Child>")
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    (found,) = raised.value.problems
    assert (found.file, found.row, found.location) == (str(path), 0, None)
    assert found.message.startswith("not a DfE CIN census return: not well-formed XML (")


def test_a_doctype_is_refused_before_its_dtd_is_read(tmp_path: Path) -> None:
    (tmp_path / "bad.dtd").write_text("<!ELEMENT garbage ( ", encoding="utf-8")
    path = tmp_path / "census.xml"
    path.write_text('<!DOCTYPE Message SYSTEM "bad.dtd"><Message/>', encoding="utf-8")
    with pytest.raises(InputErrors, match="the XML declares a DOCTYPE"):
        read_cin_census(path, CALENDAR)


def test_elements_not_read_are_dropped_as_they_end(tmp_path: Path) -> None:
    from safeguarding_rules.records.cin_census import _elements

    text = hostile.census([child("A", s47("2023-06-05"))]).replace(
        "<Children>", "<Children><LAchildID>x</LAchildID><Junk><Section47/></Junk>"
    )
    path = tmp_path / "census.xml"
    path.write_text(text, encoding="utf-8")
    for element in _elements(path, str(path)):
        if element.tag == "Child":
            assert element.getprevious() is None  # the stray elements before it are gone
            assert element.find("CINdetails/Section47/S47ActualStartDate") is not None


def test_comments_and_processing_instructions_are_not_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        child("A<!-- a note -->1", s47("2023-06<?pi x?>-05", held="2023-06-21")),
    )
    read = read_cin_census(path, CALENDAR)
    assert read.records.child_id.tolist() == ["A1"]
    assert read.records.strategy_discussion_date.astype(str).tolist() == ["2023-06-05"]


def test_plans_a_child_has_each_counted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        # A bad plan, then a good one whose review is read; a held conference whose only
        # plan is bad has no plan after it.
        child("A", s47("2023-06-05", held="2023-06-21"), plan("2023-06-21", end="junk"),
              plan("2023-07-01", "2023-09-01")),
        # No id: both plans are left out.
        child(None, plan("2023-06-21"), plan("2023-07-01")),
        # An empty review date, and a malformed recorded target: the target is reported by
        # the audit of recorded targets as unreadable, and the enquiry kept (issue 26 item 4).
        child("B", s47("2023-06-05", target="26/06/2023"), plan("2023-07-01", "")),
    )  # fmt: skip
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    assert read.records.skipped_rows == 4
    assert read.records.conference_id.tolist() == [
        "Child[1]/CINdetails[1]/Section47[1]",
        "Child[1]/CINdetails[1]/ChildProtectionPlans[2]/Reviews/CPPreviewDate[1]",
        "Child[3]/CINdetails[1]/Section47[1]",
    ]
    assert read.records.plan_end_date.astype(str).tolist() == ["2023-06-21", "NaT", "NaT"]
    c = "Child[3] (LAchildID B)/CINdetails[1]/"
    assert [(p.location, p.value) for p in read.records.problems][-1:] == [
        (c + "ChildProtectionPlans[1]/Reviews/CPPreviewDate[1]", ""),
    ]
    assert read.census.recorded_target_unreadable.tolist()[-1] == "26/06/2023"


def test_a_census_of_plans_only(tmp_path: Path) -> None:
    path = write(tmp_path, child("A", plan("2023-06-21", "2023-09-01")))
    read = read_cin_census(path, CALENDAR, action_rules=["icpc_report"])
    census = read.census
    assert len(census) == 0
    assert census.icpc_not_required.dtype == np.bool_
    assert census.child_id.dtype == object
    assert census.location.dtype == object
    assert list(read.records.action_dates) == ["icpc_report"]
    assert read.records.file == str(path)


def test_a_child_in_the_header_is_not_a_child(tmp_path: Path) -> None:
    text = hostile.census([child("A", s47("2023-06-05", held="2023-06-21"))]).replace(
        "</CollectionDetails>", "</CollectionDetails>" + child("X", s47("2023-06-05"))
    )
    path = tmp_path / "census.xml"
    path.write_text(text, encoding="utf-8")
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    assert [p.location for p in read.records.problems] == ["Message/Header/Child"]
    assert read.records.child_id.tolist() == ["A"]


def test_two_misplaced_reference_dates_and_no_right_one(tmp_path: Path) -> None:
    path = tmp_path / "census.xml"
    path.write_text(
        "<Message><Header><ReferenceDate>2024-03-31</ReferenceDate></Header><Children>"
        "<ReferenceDate/></Children></Message>",
        encoding="utf-8",
    )
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    assert raised.value.problems[0].message == (
        "not a DfE CIN census return: no Header/CollectionDetails/ReferenceDate (found only at "
        "Message/Header/ReferenceDate, Message/Children/ReferenceDate)"
    )


def test_an_empty_stray_reference_date(tmp_path: Path) -> None:
    path = write(tmp_path, child("A", s47("2023-06-05", held="2023-06-21"), "<ReferenceDate/>"))
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    (found,) = read.records.problems
    assert (found.file, found.row, found.column, found.value) == (str(path), 0, "ReferenceDate", "")


def test_a_child_in_a_child_is_placed_by_the_outer_ones_number(tmp_path: Path) -> None:
    inner = "<Child><ReferenceDate>2025-03-31</ReferenceDate></Child>"
    path = write(tmp_path, child("A", s47("2023-06-05", held="2023-06-21")), child("B", inner))
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    assert [p.location for p in read.records.problems] == [
        "Child[2]/CINdetails/Child/ReferenceDate",
        "Child[2]/CINdetails/Child",
    ]


def test_a_reference_date_under_children_is_named_from_the_root(tmp_path: Path) -> None:
    text = hostile.census([child("A", s47("2023-06-05", held="2023-06-21"))]).replace(
        "</Children>", "<ReferenceDate>2025-03-31</ReferenceDate></Children>"
    )
    path = tmp_path / "census.xml"
    path.write_text(text, encoding="utf-8")
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    assert [p.location for p in read.records.problems] == ["Message/Children/ReferenceDate"]
    assert read.census.year_start == dt.date(2023, 4, 1)


# -- workbooks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "column", "name"),
    [(0, 0, "A1"), (0, 25, "Z1"), (0, 26, "AA1"), (4, 701, "ZZ5"), (0, 702, "AAA1"),
     (1_048_575, 16_383, "XFD1048576")],
)  # fmt: skip
def test_cell_names(row: int, column: int, name: str) -> None:
    assert wb.cell_name(row, column) == name
    letters = name.rstrip("0123456789").encode()
    assert wb._column_number(letters) == column
    assert wb._column_number(letters.lower()) == column


def refused_by(path: Path) -> InputProblem:
    with pytest.raises(InputErrors) as raised:
        read_annex_a(path, CALENDAR)
    (found,) = raised.value.problems
    return found


def test_a_span_too_wide_whole(tmp_path: Path) -> None:
    path = hostile.far_cells_workbook(tmp_path / "far.xlsx")
    assert refused_by(path) == InputProblem(
        str(path), 0, None, None,
        "sheet 'List 5' has cells across A1:XFD1048576 (1,048,576 rows by 16,384 columns: "
        "17,179,869,184 cells), more than the 10,000,000 a sheet may span here; delete what "
        "lies far from the data (select the empty rows and columns after it, and Delete "
        "them), or save the sheet as CSV UTF-8 and read that",
        location="sheet 'List 5'",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("cells", "span"),
    [
        # The rectangle is from the first used cell, not from A1.
        ('<row r="3"><c r="C3"><v>1</v></c></row><row r="7"><c r="F7"><v>1</v></c></row>',
         "C3:F7 (5 rows by 4 columns: 20 cells)"),
        ('<row r="7"><c r="F7"><v>1</v></c></row><row r="3"><c r="C3"><v>1</v></c></row>',
         "C3:F7 (5 rows by 4 columns: 20 cells)"),
        ('<row r="2"><c r="E2"><v>1</v></c><c r="B2"><v>1</v></c></row><row r="9">'
         '<c r="D9"><v>1</v></c></row>', "B2:E9 (8 rows by 4 columns: 32 cells)"),
    ],
)  # fmt: skip
def test_the_span_is_the_rectangle_of_used_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cells: str, span: str
) -> None:
    monkeypatch.setattr(wb, "MAX_CELLS", 19)
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"List 5": cells})
    assert f"has cells across {span}, more than the 19 a sheet" in refused_by(path).message
    walked = cells.replace('<c r="', '<c  r="')  # not the common form: the slow pass
    path = hostile.write_xlsx(tmp_path / "s.xlsx", {"List 5": walked})
    assert f"has cells across {span}, more than the 19 a sheet" in refused_by(path).message


def test_a_span_just_within_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wb, "MAX_CELLS", 20)
    cells = '<row r="3"><c r="C3"><v>1</v></c></row><row r="7"><c r="F7"><v>1</v></c></row>'
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"List 5": cells})
    assert "has no heading for" in refused_by(path).message  # read, past the check


def test_the_slow_pass_places_cells_as_calamine_does(tmp_path: Path) -> None:
    cells = (
        '<row r="2"><c><v>1</v></c><c/><c></c><c><v>1</v></c></row>'  # A2, (B2), (C2), D2
        '<row/>'  # an empty row still moves on: row 4 next
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>'  # A4
        '<row r="9" spans="1:3"><c r="C9" t="str"><f>A1</f><v></v></c>'  # C9: an empty text
        '<c><v> </v></c></row>'  # D9 holds nothing
    )  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"S": cells})
    scan = wb.open_workbook(path).scan("S")
    assert (scan.first_row, scan.first_column) == (1, 0)
    extent = wb._Extent(sheet="S", file="f")
    walk = wb._Walk(extent)
    walk.piece(hostile.sheet_xml(cells))
    assert (extent.top, extent.bottom, extent.left, extent.right) == (1, 8, 0, 3)
    assert (walk.row, walk.column) == (9, 0)


@pytest.mark.parametrize(
    ("cells", "first"),
    [
        ('<row r="3"><c r="B3"><v>1</v></c></row>', (2, 1)),
        ('<row r="3"><c r="B3"/><c r="C3"><v>1</v></c></row><row r="4"><c r="D4"><v>1</v></c></row>',
         (2, 2)),
        ('<row r="3"><c r="B3"></c><c r="C4"><v>1</v></c></row>', (3, 2)),
        ('<row r="3"><c r="B3"><v></v></c><c r="C4"><v>1</v></c></row>', (3, 2)),
        ('<row r="3"><c r="B3"><v/></c><c r="C4"><v>1</v></c></row>', (3, 2)),
        ('<row r="3"><c r="B3"><f>1+1</f></c><c r="C4"><v>1</v></c></row>', (3, 2)),
        ('<row r="3"><c r="B3" t="str"><f>""</f><v></v></c><c r="C4"><v>1</v></c></row>', (2, 1)),
        ('<row r="3"><c r="B3"><f>1+1</f><v>2</v></c><c r="C4"><v>1</v></c></row>', (2, 1)),
    ],
)  # fmt: skip
def test_the_first_row_and_column_read_are_calamines(
    tmp_path: Path, cells: str, first: tuple[int, int]
) -> None:
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"S": cells})
    scan = wb.open_workbook(path).scan("S")
    assert (scan.first_row, scan.first_column) == first
    # What calamine reads first is that cell: its value (or the row of the next).
    sheet = fastexcel.read_excel(path).load_sheet("S", header_row=None, dtypes="string")
    assert sheet.to_arrow().column(0).to_pylist()[0] is not None or first[1] > 0


def test_formulas_whole(tmp_path: Path) -> None:
    long = "+".join(["A1"] * 40)
    cells = (
        '<row r="1"><c r="A1"><f>B1&amp;"&lt;x&gt;"</f></c>'
        f'<c r="B1"><f>{long}</f></c>'
        '<c r="C1"><f t="shared" si="3"/></c>'  # a shared formula whose first cell is missing
        '<c r="D1"><f t="shared" ref="D1:D2" si="1">B1+16</f><v>17</v></c></row>'
        '<row r="2"><c r="D2"><f t="shared" si="1"/></c></row>'
    )  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"S": cells})
    assert wb.open_workbook(path).scan("S").formulas == {
        (0, 0): 'B1&"<x>"',
        (0, 1): long,
        (0, 2): "a shared formula",
        (1, 3): "B1+16 (shared from D1)",
    }
    problem = wb.formula_problem("f.xlsx", 1, "sheet 'S', row 1", "H", "B1", long)
    assert problem == InputProblem(
        "f.xlsx", 1, "H", "=" + long[:97] + "...",
        "a formula saved without its value (the program that wrote the file did not "
        "calculate it), so the value is unknown, not empty: open the file in Excel or "
        "LibreOffice and save it, or type the value",
        location="sheet 'S', row 1, column 'H' (cell B1)",
    )  # fmt: skip
    assert wb.formula_problem("f", 1, "p", "H", "B1", "x" * 100).value == "=" + "x" * 100


def test_formulas_in_only_the_data_rows_and_read_columns(tmp_path: Path) -> None:
    cells = (
        '<row r="2"><c r="B2" t="inlineStr"><is><t>Title</t></is></c></row>'
        '<row r="3"><c r="B3" t="inlineStr"><is><t>One</t></is></c>'
        '<c r="C3" t="inlineStr"><is><t>Two</t></is></c><c r="D3"><f>1</f></c></row>'
        '<row r="4"><c r="A4"><f>1</f></c><c r="B4"><f>2</f></c><c r="C4"><f>3</f></c>'
        '<c r="D4"><f>4</f></c></row>'
    )  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"S": cells})
    workbook = wb.open_workbook(path)
    assert wb.formulas_in(workbook, "S", 1, ["One", "Two"], ["Two", "One"]) == {
        0: [("One", "B4", "2"), ("Two", "C4", "3")]
    }
    assert wb.formulas_in(workbook, "S", 1, ["One", "Two"], ["Two"]) == {0: [("Two", "C4", "3")]}
    assert wb.formulas_in(workbook, "S", 0, ["One", "Two"], ["One", "Two"]) == {
        1: [("One", "B4", "2"), ("Two", "C4", "3")]
    }


@pytest.mark.parametrize("n_rows", [0, 1])
def test_a_cell_too_long_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_rows: int
) -> None:
    monkeypatch.setattr(wb, "MAX_CELL_XML", 100)
    monkeypatch.setattr(wb, "_READ", 64)
    text = "x" * 300
    cells = '<row r="1">' + hostile.cell("A1", text) + "</row>" * (1 + n_rows)
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"List 5": cells})
    assert refused_by(path) == InputProblem(
        str(path), 0, None, None,
        "sheet 'List 5' has a cell of more than 100 bytes of XML (Excel allows 32,767 "
        "characters in a cell)",
        location="sheet 'List 5'",
    )  # fmt: skip


def test_pieces_end_where_a_cell_or_a_row_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wb, "_READ", 16)
    xml = b'<row r="1"><c r="A1"><v>1</v></c><x:c r="B1"><v>2</v></x:c></row><row r="2"></row>'
    pieces = list(wb._pieces(io.BytesIO(xml), lambda: InputErrors([])))
    assert b"".join(pieces) == xml
    assert all(p.startswith((b"<row", b"<c ", b"<x:c")) for p in pieces[1:])
    assert pieces[0].startswith(b'<row r="1">')


def test_a_sheet_that_cannot_be_read_whole(tmp_path: Path) -> None:
    path = hostile.write_xlsx(
        tmp_path / "w.xlsx", {"List 5": '<row r="1"><c r="A1" t="s"><v>7</v></c></row>'}
    )
    found = refused_by(path)
    assert (found.file, found.row, found.location) == (str(path), 0, "sheet 'List 5'")
    assert found.message.startswith("sheet 'List 5' cannot be read (")


def test_a_zip_bomb_whole(tmp_path: Path) -> None:
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", 4, kind="string")
    found = refused_by(path)
    assert (found.file, found.row, found.column, found.value) == (str(path), 0, None, None)
    assert found.location == "part 'xl/sharedStrings.xml'"
    assert found.message.startswith(
        "this part of the workbook inflates more than 100 times (2,097,152 bytes from "
    )
    assert found.message.endswith(
        " so far), which no real workbook does: it looks like a zip bomb; nothing was read"
    )


def test_the_ratio_floor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", 1, kind="string")
    monkeypatch.setattr(wb, "RATIO_FLOOR", 2 << 20)  # the 1 MiB string is below it
    assert "has no heading for" in refused_by(path).message  # read, past the check
    monkeypatch.setattr(wb, "RATIO_FLOOR", 1 << 20)
    assert "looks like a zip bomb" in refused_by(path).message


def test_the_size_limits_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wb, "MAX_RATIO", 10_000)
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", 2, kind="cells")
    monkeypatch.setattr(wb, "MAX_PART_BYTES", 1 << 20)
    assert refused_by(path).message == (
        "this part of the workbook inflates to more than 1,048,576 bytes, the most read; "
        "nothing was read"
    )
    monkeypatch.setattr(wb, "MAX_PART_BYTES", 1 << 30)
    monkeypatch.setattr(wb, "MAX_TOTAL_BYTES", (1 << 20) + 2000)
    found = refused_by(path)
    assert found.message.startswith(
        "this part of the workbook takes the workbook past 1,050,576 bytes uncompressed (the "
        "parts before it: "
    )
    assert found.message.endswith("), the most read; nothing was read")
    assert found.location == "sheet 'List 5' (part 'xl/worksheets/sheet1.xml')"


def test_a_lying_directory_whole(tmp_path: Path) -> None:
    path = hostile.lying_workbook(tmp_path / "lying.xlsx")
    found = refused_by(path)
    assert found.location == "sheet 'List 5' (part 'xl/worksheets/sheet1.xml')"
    assert found.message.startswith("this part of the workbook inflates to ")
    assert found.message.endswith(
        " bytes, though the zip's directory declares 200: the file is damaged or built to "
        "mislead; nothing was read"
    )


def _zip_of(path: Path, member: str, data: bytes, compression: int) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        archive.writestr(member, data)
    return path


def test_other_members_whole(tmp_path: Path) -> None:
    path = _zip_of(tmp_path / "b.xlsx", "x.xml", b"x" * 100, compression=zipfile.ZIP_BZIP2)
    assert refused_by(path) == InputProblem(
        str(path), 0, None, None,
        "this part of the workbook is compressed by method 12, which workbooks do not use; "
        "nothing was read",
        location="part 'x.xml'",
    )  # fmt: skip
    path = _zip_of(tmp_path / "s.xlsx", "x.xml", b"x" * 100, compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 1  # flag bit 0 in the directory: encrypted
    path.write_bytes(bytes(data))
    assert refused_by(path).message == ("this part of the workbook is encrypted; nothing was read")


def test_damaged_members_whole(tmp_path: Path) -> None:
    path = _zip_of(tmp_path / "d.xlsx", "x.xml", b"<x/>" * 1000, compression=zipfile.ZIP_DEFLATED)
    data = bytearray(path.read_bytes())
    data[0:4] = b"PK\x00\x00"  # the local header's signature
    path.write_bytes(bytes(data))
    assert refused_by(path).message == (
        "this part of the workbook is damaged (no local header where the zip's directory "
        "says); nothing was read"
    )
    path = _zip_of(
        tmp_path / "t.xlsx", "x.xml", bytes(range(256)) * 400, compression=zipfile.ZIP_DEFLATED
    )
    whole = path.read_bytes()
    central = whole.index(b"PK\x01\x02")
    # The compressed data cut short, the directory kept (and pointed at its new place).
    cut = whole[: central - 500]
    directory = bytearray(whole[central:])
    tail = directory.index(b"PK\x05\x06")
    directory[tail + 16 : tail + 20] = len(cut).to_bytes(4, "little")
    path.write_bytes(cut + bytes(directory))
    found = refused_by(path).message
    assert found in (
        "this part of the workbook is damaged (its data ends before its compressed stream "
        "does); nothing was read",
    ) or found.startswith("this part of the workbook is damaged (Error ")


def test_a_stored_member_that_lies_about_its_size(tmp_path: Path) -> None:
    path = _zip_of(tmp_path / "s.xlsx", "x.xml", b"x" * 100, compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 24 : central + 28] = (50).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert refused_by(path).message == (
        "this part of the workbook inflates to 100 bytes, though the zip's directory declares "
        "50: the file is damaged or built to mislead; nothing was read"
    )


def test_a_workbook_whose_parts_are_elsewhere(tmp_path: Path) -> None:
    body = hostile.rows_xml([list(hostile.LIST_5), *hostile.list_5_rows(1)])
    parts = hostile._package(["List 5"], shared_strings=False)
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"xl/workbook.xml", b"book/main.xml")
    book = parts.pop("xl/workbook.xml")
    links = parts.pop("xl/_rels/workbook.xml.rels").replace(
        b"worksheets/sheet1.xml", b"/sheets/one.xml"
    )
    parts["book/main.xml"] = book
    parts["book/_rels/main.xml.rels"] = links
    parts["sheets/one.xml"] = hostile.sheet_xml(body)
    path = tmp_path / "moved.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with zipfile.ZipFile(path) as archive:
        assert wb._sheet_parts(archive) == {"List 5": "sheets/one.xml"}
    assert wb._target("xl", "worksheets/../sheets/a.xml") == "xl/sheets/a.xml"
    assert wb._target("xl", "/a/b.xml") == "a/b.xml"


def test_a_workbook_without_its_relationships(tmp_path: Path) -> None:
    path = tmp_path / "bare.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("_rels/.rels", b"not xml <")
    with zipfile.ZipFile(path) as archive:
        assert wb._sheet_parts(archive) == {}
        assert wb._read_part(archive, "absent.xml") is None
        assert wb._read_part(archive, "xl/workbook.xml", 4) == b"<wor"
        assert not wb._is_ods(archive)
    assert wb._parse(None) is None
    assert wb._parse(b"<a") is None


def test_is_workbook(tmp_path: Path) -> None:
    assert not wb.is_workbook(tmp_path / "absent.xlsx")
    assert not wb.is_workbook(tmp_path)
    text = tmp_path / "a.csv"
    text.write_text("a,b\n", encoding="utf-8")
    assert not wb.is_workbook(text)
    assert wb.is_workbook(hostile.blank_rows_workbook(tmp_path / "b.xlsx"))


def test_an_encrypted_workbook_is_found_across_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = "EncryptionInfo".encode("utf-16-le")
    path = tmp_path / "locked.xls"
    # The marker straddles the first 1 MiB read.
    path.write_bytes(OLE2 + bytes((1 << 20) - 8 - 10) + marker + bytes(100))
    assert wb._is_encrypted(path)
    path.write_bytes(OLE2 + bytes(100))
    assert not wb._is_encrypted(path)
    path.write_bytes(b"PK\x03\x04" + marker)
    assert not wb._is_encrypted(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45026", "2023-04-10"), ("45026.0", "2023-04-10"), ("18264", "1950-01-01"),
        ("18263", "18263"), ("73050", "2099-12-31"), ("73051", "73051"),
        ("2023-04-03 00:00:00", "2023-04-03"), ("2023-04-03T12:00:00", "2023-04-03"),
        ("03/04/2023", "03/04/2023"), ("450260", "450260"),
    ],
)  # fmt: skip
def test_excel_dates(text: str, expected: str) -> None:
    assert wb.as_dates(pa.array([text, "45026"])).to_pylist()[0] == expected
    assert wb.as_dates(pa.array([text])).to_pylist() == [expected]


def test_ids_stored_as_numbers() -> None:
    assert wb.as_ids(pa.array(["11641472.0", "7.00", "7.5", "A1.0", "12"])).to_pylist() == [
        "11641472", "7", "7.5", "A1.0", "12"
    ]  # fmt: skip


def test_an_ods_sheet_scanned_whole(tmp_path: Path) -> None:
    table = (
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell/>'
        '<table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell>'
        '<table:table-cell table:formula="of:=[.A1]+1"/>'
        '<table:table-cell table:formula="of:=2" office:value-type="float" office:value="2"/>'
        '<table:covered-table-cell><text:p> </text:p></table:covered-table-cell>'
        '<table:table-cell table:number-columns-repeated="2"><text:p>b</text:p>'
        "</table:table-cell></table:table-row>"
    )  # fmt: skip
    path = hostile.ods_workbook(tmp_path / "s.ods", table, name="S")
    scans = wb._scan_ods(path, "content.xml", str(path))
    assert scans == {"S": wb.SheetScan(first_row=2, first_column=1, formulas={(2, 2): "=[.A1]+1"})}
    workbook = wb.open_workbook(path)
    first = workbook.reader.load_sheet("S", header_row=None, dtypes="string").to_arrow()
    assert first.column(0).to_pylist() == ["a"]  # calamine's first row and column too
    assert workbook.scan("S") == scans["S"]
    assert workbook.scan("absent") == wb.SheetScan()


def test_a_repeat_that_is_not_a_count_is_one() -> None:
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    cell = etree.Element(f"{{{table}}}table-cell")
    assert wb._repeat(cell, "columns") == 1
    for given, count in (("x", 1), ("-3", 1), ("0", 1), ("1", 1), ("7", 7)):
        cell.set(f"{{{table}}}number-columns-repeated", given)
        assert wb._repeat(cell, "columns") == count
        assert wb._repeat(cell, "rows") == 1


def test_an_ods_span_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wb, "MAX_CELLS", 11)
    table = (
        '<table:table-row table:number-rows-repeated="4"><table:table-cell '
        'table:number-columns-repeated="3" office:value-type="float" office:value="1"/>'
        "</table:table-row>"
    )
    path = hostile.ods_workbook(tmp_path / "s.ods", table, name="S")
    with pytest.raises(InputErrors, match=r"has cells across A1:C4 \(4 rows by 3 columns: 12"):
        wb.open_workbook(path)
    monkeypatch.setattr(wb, "MAX_CELLS", 12)
    assert wb.open_workbook(path).scan("S").first_row == 0


# -- column mappings -----------------------------------------------------------------------

from safeguarding_rules.records import (  # noqa: E402
    match_headings,
    read_mapped_records,
    read_mapping,
)
from safeguarding_rules.records.mapping import CLOSE_ENOUGH, ColumnMapping  # noqa: E402

MAPPING = """
[columns]
child_id = "Person ID"
conference_id = "Meeting ID"
conference_type = "Meeting Type"
conference_date = ["Held", "Meeting Date"]
strategy_discussion_date = "Strategy Date"
"""


def mapping_file(tmp_path: Path, text: str = MAPPING) -> Path:
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[columns\n", None),
        ("[colums]\n[other]\n", "unknown table(s): colums, other"),
        ('[columns]\nchild = "X"\n', "[columns] 'child' is not one of our fields (child_id, "
         "conference_id, conference_type, conference_date, strategy_discussion_date, "
         "previous_conference_date, core_group_date, plan_end_date, previous_conference_type, "
         "family_id, reason_for_delay)"),
        ('[columns]\nchild_id = "X"\n', "[columns] must name: conference_id, conference_type, "
         "conference_date"),
        ('[columns]\nchild_id = "  "\n', "[columns] 'child_id': expected a heading or a list of "
         "headings"),
        (MAPPING + "[values.family_id]\nx = 'y'\n",
         "[values.family_id] is for a field [columns] does not map"),
        ("columns = 5\n", "[columns] must be a table (a [columns] heading and keys)"),
        (MAPPING + "[values]\nconference_type = 3\n",
         "[values.conference_type] must be a table (a [values.conference_type] heading and keys)"),
        (MAPPING + "[values.conference_type]\ninitial = 1.5\n",
         "[values.conference_type] 'initial': expected a value or a list of values"),
        (MAPPING + "[workbook]\nsheet = 'A'\nsheets = 'B'\nrange = 'C'\n",
         "[workbook] knows only 'sheet', not range, sheets"),
        (MAPPING + "[workbook]\nsheet = ['A']\n", "[workbook] 'sheet': expected a sheet's name"),
    ],
)  # fmt: skip
def test_every_mapping_problem_whole(tmp_path: Path, text: str, message: str | None) -> None:
    path = mapping_file(tmp_path, text)
    with pytest.raises(InputErrors) as raised:
        read_mapping(path)
    (found,) = raised.value.problems
    if message is None:
        assert found.message.startswith("mapping file: not valid TOML (")
        message = found.message.removeprefix("mapping file: ")
    assert found == InputProblem(str(path), 0, None, None, f"mapping file: {message}")


def test_a_mapping_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InputErrors) as raised:
        read_mapping(tmp_path / "absent.toml")
    assert raised.value.problems == (
        InputProblem(str(tmp_path / "absent.toml"), 0, None, None,
                     "mapping file: cannot read: No such file or directory"),
    )  # fmt: skip
    path = tmp_path / "m.toml"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(InputErrors) as raised:
        read_mapping(path)
    assert raised.value.problems == (
        InputProblem(str(path), 0, None, None, "mapping file: not UTF-8 text: save it as UTF-8"),
    )


def test_a_mapping_read_whole(tmp_path: Path) -> None:
    text = MAPPING + "[values.conference_type]\ninitial = ['ICPC', 7]\nreview = 'R C P C'\n"
    text += "[workbook]\nsheet = 'Meetings'\n"
    path = mapping_file(tmp_path, text)
    assert read_mapping(path) == ColumnMapping(
        source=str(path),
        columns={
            "child_id": ("Person ID",),
            "conference_id": ("Meeting ID",),
            "conference_type": ("Meeting Type",),
            "conference_date": ("Held", "Meeting Date"),
            "strategy_discussion_date": ("Strategy Date",),
        },
        values={"conference_type": {"icpc": "initial", "7": "initial", "r c p c": "review"}},
        sheet="Meetings",
    )
    no_sheet = read_mapping(mapping_file(tmp_path, MAPPING))
    assert (no_sheet.sheet, no_sheet.values) == (None, {})


EXPORT = (
    "Person ID,Meeting ID,Meeting Type,Meeting Date,Strategy Date,Worker\n"
    "P1,M1,ICPC,24/04/2023,03/04/2023,A\n"
    "P2,M1,ICPC,24/04/2023,03/04/2023,A\n"
    "P3,M2,Something,20/07/2023,,B\n"
)


def test_a_mapped_csv_whole(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    mapping = read_mapping(
        mapping_file(tmp_path, MAPPING + "[values.conference_type]\ninitial = 'ICPC'\n")
    )
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(export, mapping, CALENDAR)
    (found,) = raised.value.problems
    assert (found.file, found.row, found.column, found.value) == (
        str(export),
        4,
        "conference_type",
        "Something",
    )
    assert found.location == "row 4, column 'Meeting Type' (conference_type)"
    records = read_mapped_records(export, mapping, CALENDAR, skip_invalid=True)
    assert records.child_id.tolist() == ["P1", "P2"]
    assert records.rows.tolist() == [2, 3]
    assert records.conference_type.tolist() == ["initial", "initial"]
    assert records.problems[0].location == "row 4, column 'Meeting Type' (conference_type)"


def test_a_mapped_csv_with_bad_rows(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT.replace("P2,M1,ICPC,24/04/2023,03/04/2023,A\n", "P2,M1\n"), "utf-8")
    mapping = read_mapping(mapping_file(tmp_path))
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(export, mapping, CALENDAR)
    assert [p.row for p in raised.value.problems] == [3]


def test_a_missing_heading_whole(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Person ID,Meeting ID,Worker\nP1,M1,A\n", encoding="utf-8")
    source = mapping_file(tmp_path)
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(export, read_mapping(source), CALENDAR)
    assert raised.value.problems == (
        InputProblem(
            str(export), 1, None, None,
            "no heading matches 'Meeting Type', 'Held' (mapped from conference_type, "
            f"conference_date in {source}); headings found: 'Person ID', 'Meeting ID', 'Worker'",
        ),
    )  # fmt: skip


def test_a_mapped_workbook_whole(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Person ID", "Meeting ID", "Meeting Type", "Meeting Date", "Strategy Date"],
        [101.0, 7.0, "ICPC", "45040", "45019"],
        ["P2", "M2", "ICPC", "32/04/2023", "45019"],
    ]
    body = hostile.rows_xml(rows, first_row=2)
    path = hostile.write_xlsx(tmp_path / "e.xlsx", {"Other": '<row r="1"></row>', "Meetings": body})
    mapping = read_mapping(mapping_file(tmp_path, MAPPING + "[workbook]\nsheet = 'Meetings'\n"))
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(path, mapping, CALENDAR)
    (found,) = raised.value.problems
    assert (found.row, found.column, found.value) == (4, "conference_date", "32/04/2023")
    assert found.location == "row 4, sheet 'Meetings', column 'Meeting Date' (conference_date)"
    records = read_mapped_records(path, mapping, CALENDAR, skip_invalid=True)
    assert records.child_id.tolist() == ["101"]
    assert records.conference_id.tolist() == ["7"]
    assert records.rows.tolist() == [3]
    assert records.conference_date.astype(str).tolist() == ["2023-04-24"]
    assert records.strategy_discussion_date.astype(str).tolist() == ["2023-04-03"]
    missing = read_mapping(mapping_file(tmp_path, MAPPING + "[workbook]\nsheet = 'Absent'\n"))
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(path, missing, CALENDAR)
    assert raised.value.problems == (
        InputProblem(str(path), 0, None, "Absent", "no such sheet (sheets: 'Other', 'Meetings')"),
    )
    first = read_mapping(mapping_file(tmp_path))  # no [workbook]: the first sheet
    with pytest.raises(InputErrors, match="sheet 'Other', no heading matches 'Person ID'"):
        read_mapped_records(path, first, CALENDAR)


def test_a_formula_row_past_the_last_row_read(tmp_path: Path) -> None:
    rows = [["Person ID", "Meeting ID", "Meeting Type", "Meeting Date", "Strategy Date"],
            ["P1", "M1", "ICPC", "45040", "45019"], ["P2", "M2", "ICPC", "45040", "45019"]]  # fmt: skip
    body = hostile.rows_xml(rows) + '<row r="5"><c r="A5"><f>"P"&amp;5</f></c></row>'
    body = body.replace(hostile.cell("D2", "45040"), '<c r="D2"><f>TODAY()</f></c>')
    assert "TODAY()" in body
    path = hostile.write_xlsx(tmp_path / "e.xlsx", {"Meetings": body})
    mapping = read_mapping(mapping_file(tmp_path))
    records = read_mapped_records(path, mapping, CALENDAR, skip_invalid=True)
    assert records.child_id.tolist() == ["P2"]
    assert records.rows.tolist() == [3]
    assert records.skipped_rows == 2
    assert [(p.row, p.location) for p in records.problems] == [
        (2, "sheet 'Meetings', row 2, column 'Meeting Date' (cell D2)"),
        (5, "sheet 'Meetings', row 5, column 'Person ID' (cell A5)"),
    ]


def test_a_workbook_with_no_sheets(tmp_path: Path) -> None:
    parts = hostile._package([], shared_strings=False)
    path = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(path, read_mapping(mapping_file(tmp_path)), CALENDAR)
    assert raised.value.problems == (
        InputProblem(str(path), 0, None, None, "the workbook has no sheets"),
    )


def test_the_close_enough_edge() -> None:
    known = {"f": ("abcdefghijklmnopqrst",)}
    assert CLOSE_ENOUGH == 0.85
    # 17 of 20 letters in common: a ratio of exactly 0.85, close enough.
    assert match_headings(["abcdefghijklmnopqxyz"], known) == {"f": "abcdefghijklmnopqxyz"}
    # 16 of 20: 0.8, not.
    assert match_headings(["abcdefghijklmnopwxyz"], known) == {}


def test_a_heading_serves_one_field() -> None:
    fields = {"a": ("Date",), "b": ("Date",), "c": ("Meeting Date",)}
    assert match_headings(["Date", "Meeting Date"], fields) == {"a": "Date", "c": "Meeting Date"}
    close = {"a": ("Meeting Dates",), "b": ("Meeting Dates",)}
    assert match_headings(["Meeting Date"], close) == {"a": "Meeting Date"}
    assert match_headings(["", "Meeting Date"], close) == {"a": "Meeting Date"}


def test_codes_are_translated_loosely_and_others_kept() -> None:
    from safeguarding_rules.records.mapping import _translate

    column = pa.array(["ICPC", "Icpc ", "Other", None, "RCPC"])
    assert _translate(column, {"icpc": "initial", "rcpc": "review"}).to_pylist() == [
        "initial", "initial", "Other", None, "review"
    ]  # fmt: skip


# -- Annex A --------------------------------------------------------------------------------

LIST_7 = ["Child Unique ID", "Child Protection Plan Start Date", "Date of latest review conference",
          "Child Protection Plan End Date"]  # fmt: skip


def test_sheets_by_name_and_by_headings_whole(tmp_path: Path) -> None:
    # "List 51a" is not List 5; an unnamed sheet with exactly the required headings is.
    required = ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date",
                "Date of Initial Child Protection Conference"]  # fmt: skip
    path = hostile.write_xlsx(
        tmp_path / "a.xlsx",
        {
            "List 51a": hostile.rows_xml([["x"]]),
            "Enquiries": hostile.rows_xml([required, ["C1", "2023-06-05", "2023-06-21"]]),
        },
    )
    assert read_annex_a(path, CALENDAR).child_id.tolist() == ["C1"]
    both = hostile.write_xlsx(
        tmp_path / "b.xlsx",
        {
            name: hostile.rows_xml([required, ["C1", "2023-06-05", "2023-06-21"]])
            for name in ("A", "B")
        },
    )
    assert refused_by(both) == InputProblem(
        str(both), 0, None, None,
        "2 sheets' headings say they are List 5: keep one (rename or delete the others), so that "
        "none is read in place of another",
        location="sheets 'A', 'B'",
    )  # fmt: skip


def test_a_list_7_by_name_beside_one_by_headings(tmp_path: Path) -> None:
    rows = [LIST_7, ["C1", "2023-06-21", "31/02/2024", ""]]
    path = hostile.write_xlsx(
        tmp_path / "a.xlsx", {"List 7": hostile.rows_xml(rows), "Copy": hostile.rows_xml(rows)}
    )
    with pytest.raises(InputErrors) as raised:
        read_annex_a(path, CALENDAR)
    found = raised.value.problems[0]
    assert (found.row, found.column, found.location) == (
        2,
        "conference_date",
        "sheet 'List 7', row 2 (Child Unique ID C1), column 'Date of latest review conference'",
    )
    assert found.file == str(path)


def test_not_an_annex_a_whole(tmp_path: Path) -> None:
    path = hostile.write_xlsx(
        tmp_path / "a.xlsx", {"Budget": hostile.rows_xml([["x"]]), "Notes": "<row/>"}
    )
    assert refused_by(path) == InputProblem(
        str(path), 0, None, None,
        "not an Ofsted Annex A workbook: no sheet 'List 5' or 'List 7' with the expected "
        "headings (sheets: 'Budget', 'Notes')",
    )  # fmt: skip


def test_missing_headings_whole_and_the_other_list_still_read(tmp_path: Path) -> None:
    path = hostile.write_xlsx(
        tmp_path / "a.xlsx",
        {
            "List 5": hostile.rows_xml([["Child Unique ID", "Gender"], ["C1", "F"]], first_row=3),
            "List 7": hostile.rows_xml([LIST_7, ["C2", "2023-06-21", "31/02/2024", ""]]),
        },
    )
    with pytest.raises(InputErrors) as raised:
        read_annex_a(path, CALENDAR)
    first, second, _ = raised.value.problems
    assert first == InputProblem(
        str(path), 3, None, None,
        "sheet 'List 5' (List 5) has no heading for: 'Strategy discussion initiating Section 47 "
        "Enquiry Start Date'; 'Date of Initial Child Protection Conference'. Headings found: "
        "'Child Unique ID', 'Gender'",
        location="sheet 'List 5', row 3",
    )  # fmt: skip
    # List 7 is read too.
    assert second.location == (
        "sheet 'List 7', row 2 (Child Unique ID C2), column 'Date of latest review conference'"
    )


def test_formulas_in_both_lists_are_each_counted(tmp_path: Path) -> None:
    list_5 = hostile.rows_xml([list(hostile.LIST_5), *hostile.list_5_rows(1)])
    list_5 += '<row r="3">' + hostile.cell("A3", None, formula="X1") + "</row>"
    list_7 = hostile.rows_xml([LIST_7, ["C1", "2023-06-21", "2023-09-01", ""]])
    list_7 += '<row r="3">' + hostile.cell("A3", "C2") + hostile.cell("B3", "2023-06-21")
    list_7 += hostile.cell("C3", "2023-09-01") + hostile.cell("D3", None, formula="C3+1") + "</row>"
    path = hostile.write_xlsx(tmp_path / "a.xlsx", {"List 5": list_5, "List 7": list_7})
    records = read_annex_a(path, CALENDAR, skip_invalid=True, action_rules=["icpc_report"])
    assert records.skipped_rows == 2
    assert [(p.row, p.location) for p in records.problems] == [
        (3, "sheet 'List 5', row 3, column 'Child Unique ID' (cell A3)"),
        (3, "sheet 'List 7', row 3, column 'Child Protection Plan End Date' (cell D3)"),
    ]
    assert records.child_id.tolist() == ["C1", "C1"]
    assert list(records.action_dates) == ["icpc_report"]


def test_ids_typed_as_text_with_a_fraction(tmp_path: Path) -> None:
    rows = [list(hostile.LIST_5), ["7.0", "2023-06-05", "No", "2023-06-21", "Yes"]]
    path = hostile.write_xlsx(tmp_path / "a.xlsx", {"List 5": hostile.rows_xml(rows)})
    assert read_annex_a(path, CALENDAR).child_id.tolist() == ["7"]


def test_unanswered_questions(tmp_path: Path) -> None:
    rows = [list(hostile.LIST_5),
            ["C1", "2023-06-05", "c) Unknown", "", ""],  # pending: no answer given
            ["C2", "2023-06-05", "No", "2023-06-21", "not known"]]  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "a.xlsx", {"List 5": hostile.rows_xml(rows)})
    records = read_annex_a(path, CALENDAR)
    assert records.child_id.tolist() == ["C1", "C2"]
    assert records.plan_end_date.astype(str).tolist() == ["NaT", "NaT"]


def test_exact_headings_are_taken_before_close_ones() -> None:
    # "Meeting Date" is a's only close heading, but b's exact one: b has it.
    fields = {"a": ("Meeting Dates",), "b": ("Meeting Date",)}
    assert match_headings(["Meeting Date"], fields) == {"b": "Meeting Date"}
    # A field already matched, then one matched only closely; a tie, then one matched.
    assert match_headings(["Date", "Meeting Date"], {"a": ("Date",), "b": ("Meeting Dates",)}) == {
        "a": "Date", "b": "Meeting Date"
    }  # fmt: skip
    tie = {"a": ("Date of latest review conference",), "b": ("Meeting Dates",)}
    headings = ["Date of latest review conferenceX", "Date of latest review conferenceY",
                "Meeting Date"]  # fmt: skip
    assert match_headings(headings, tie) == {"b": "Meeting Date"}
    # A field with no close heading, then one with a close one.
    none_close = {"a": ("Nothing like it",), "b": ("Meeting Dates",)}
    assert match_headings(["Meeting Date"], none_close) == {"b": "Meeting Date"}


def test_action_date_columns_and_a_custom_vocabulary(tmp_path: Path) -> None:
    from safeguarding_rules.rules import VOCABULARY
    from safeguarding_rules.rules.vocabulary import Aliases

    export = tmp_path / "export.csv"
    export.write_text(
        "Person ID,Meeting ID,Meeting Type,Held,Strategy Date,Report Date\n"
        "P1,M1,Case Conf,24/04/2023,03/04/2023,20/04/2023\n",
        encoding="utf-8",
    )
    mapping = read_mapping(mapping_file(tmp_path, MAPPING + 'icpc_report_date = "Report Date"\n'))
    assert mapping.columns["icpc_report_date"] == ("Report Date",)
    spelling = Aliases(kind="conference_type", code="initial", spellings=("Case Conf",),
                       source="a test")  # fmt: skip
    records = read_mapped_records(
        export, mapping, CALENDAR, action_rules=["icpc_report"],
        vocabulary=VOCABULARY.extended([spelling]),
    )  # fmt: skip
    assert records.conference_type.tolist() == ["initial"]
    assert records.action_dates["icpc_report"].astype(str).tolist() == ["2023-04-20"]


def test_a_missing_conference_id_heading_is_named_by_the_mapping(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Person ID,Meeting Type,Held\nP1,ICPC,24/04/2023\n", encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(export, read_mapping(mapping_file(tmp_path)), CALENDAR)
    (found,) = raised.value.problems
    assert found.message.startswith("no heading matches 'Meeting ID' (mapped from conference_id")


def test_a_csv_export_with_a_byte_order_mark_names_its_own_heading(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(("\ufeff" + EXPORT.replace("P3,M2,Something", ",M2,RCPC")).encode())
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(export, read_mapping(mapping_file(tmp_path)), CALENDAR)
    assert [p.location for p in raised.value.problems] == ["row 4, column 'Person ID' (child_id)"]


def test_a_line_break_in_an_export_column_that_is_one_of_ours(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        '"A\nB",M1,ICPC,24/04/2023,03/04/2023\nC,M2,ICPC,24/04/2023,03/04/2023\n',
        encoding="utf-8",
    )
    ours = mapping_file(tmp_path, MAPPING.replace('"Person ID"', '"child_id"')
                        .replace('"Meeting ID"', '"conference_id"')
                        .replace('"Meeting Type"', '"conference_type"')
                        .replace('["Held", "Meeting Date"]', '"conference_date"')
                        .replace('"Strategy Date"', '"strategy_discussion_date"'))  # fmt: skip
    with pytest.raises(InputErrors) as raised:
        read_mapped_records(export, read_mapping(ours), CALENDAR)
    (found,) = raised.value.problems
    assert (found.file, found.row, found.column) == (str(export), 2, "child_id")


def test_a_mapped_sheet_with_a_title_row_and_a_formula_just_after(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Conferences held"],
        ["Person ID", "Meeting ID", "Meeting Type", "Meeting Date", "Strategy Date"],
        ["P1", "M1", "ICPC", "45040", "45019"],
    ]
    body = hostile.rows_xml(rows, first_row=2) + '<row r="5"><c r="A5"><f>1</f></c></row>'
    path = hostile.write_xlsx(tmp_path / "e.xlsx", {"Meetings": body})
    records = read_mapped_records(path, read_mapping(mapping_file(tmp_path)), CALENDAR,
                                  skip_invalid=True)  # fmt: skip
    assert records.child_id.tolist() == ["P1"]
    assert records.rows.tolist() == [4]
    assert [(p.row, p.location) for p in records.problems] == [
        (5, "sheet 'Meetings', row 5, column 'Person ID' (cell A5)")
    ]


# -- workbooks, the second run's survivors ---------------------------------------------------


def _plain(piece: bytes) -> wb._Extent:
    extent = wb._Extent(sheet="S", file="f")
    wb._plain_piece(piece, extent)
    return extent


def test_the_fast_pass_takes_what_excel_and_openpyxl_write() -> None:
    piece = (
        b'<row r="2"><c r="B2" s="1"/><c r="C2" s=\'1\'/></row>'  # formatted blanks
        b'<row r="3" spans="1:4"><c r="A3" t="inlineStr"><is><t>x</t></is></c>'
        b'<c r="B3" t="s"><v>0</v></c><c r="C3"><f>A1+1</f><v>2</v></c>'
        b'<c r="D3"><f t="shared" ref="D3:D4" si="0">B3</f><v>0</v></c></row>'
        b'<row r="4"><c r="D4"><f t="shared" si="0"/><v>0</v></c></row>'
    )
    extent = _plain(piece)
    assert (extent.top, extent.bottom, extent.left, extent.right) == (2, 3, 0, 3)
    assert extent.formulas == {}
    # A blank written with single quotes alone; a formula saved with its value first.
    extent = _plain(b'<row r="1"><c r="A1" s=\'1\'/></row><row r="2"><c r="B2"><v>1</v></c></row>')
    assert (extent.top, extent.left) == (1, 1)
    extent = _plain(b'<c r="A1"><f>1</f><v>1</v></c>')
    assert (extent.top, extent.left) == (0, 0)


@pytest.mark.parametrize(
    "piece",
    [
        b'<x:c r="A1"><x:v>1</x:v></x:c>',
        b'<c r="A1" s="1"></c><c r="B1"><v>1</v></c>',
        b"<c r='A1' s='1'></c>",
        b'<c r="A1"><v></v></c>',
        b'<c r="A1"><v/></c>',
        b'<c r="A1"><f>B1</f></c>',
        b'<c r="A1"><v>1</v></c><c r="B1"><f>A1</f></c>',
        b'<c r="A1"><f>B1</f></c><c r="B1"><v>1</v></c>',
        b'<c r="A1" s=\'1\'></c><c r="B1"><v>1</v></c>',
        b'<c r="A1"><v>1</v></c><c><v>2</v></c>',
        b'<c s="1" r="A1"><v>1</v></c>',
    ],
)
def test_the_fast_pass_hands_the_rest_to_the_slow_one(piece: bytes) -> None:
    with pytest.raises(wb._NotPlain):
        _plain(piece)


def test_the_slow_pass_whole(tmp_path: Path) -> None:
    cells = (
        '<row r="1"><c r="A1" s="1"/><c r="E1" s=\'1\'/></row>'  # blanks, left out
        '<row r="2"><c s="1" r="B2"><v>1</v></c></row>'  # not the common form
        "<row/>"  # row 3, empty
        '<row><c r="B4"><f>X1</f></c></row>'  # row 4: a formula, no value
        '<row r="6"><c r="B6"><v>1</v></c></row>'
    )
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"S": cells})
    assert wb.open_workbook(path).scan("S") == wb.SheetScan(
        first_row=1, first_column=1, formulas={(3, 1): "X1"}
    )


def test_a_sheet_that_is_not_well_formed_is_left_to_calamine(tmp_path: Path) -> None:
    path = hostile.write_xlsx(
        tmp_path / "w.xlsx", {"List 5": '<row r="1"><c s="1" r="A1"><v>1</v></row>'}
    )
    found = refused_by(path)
    assert found.message.startswith("sheet 'List 5' cannot be read (")


def test_a_span_too_wide_found_by_the_slow_pass_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wb, "MAX_CELLS", 4)
    cells = '<row r="1"><c s="1" r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>1</v></c></row>'
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"Wide": cells})
    workbook = wb.open_workbook(path)
    with pytest.raises(InputErrors) as raised:
        workbook.scan("Wide")
    assert raised.value.problems == (
        InputProblem(
            str(path), 0, None, None,
            "sheet 'Wide' has cells across A1:B3 (3 rows by 2 columns: 6 cells), more than the "
            "4 a sheet may span here; delete what lies far from the data (select the empty rows "
            "and columns after it, and Delete them), or save the sheet as CSV UTF-8 and read "
            "that",
            location="sheet 'Wide'",
        ),
    )  # fmt: skip


def test_a_cell_too_long_for_the_slow_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wb, "MAX_CELL_XML", 300)
    monkeypatch.setattr(wb, "_READ", 64)
    cells = '<row r="1"><c s="1" r="A1"><v>1</v></c></row><row r="2">' + hostile.cell(
        "A2", "x" * 600
    )
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"S": cells + "</row>"})
    with pytest.raises(InputErrors, match="has a cell of more than 300 bytes"):
        wb.open_workbook(path).scan("S")


def test_pieces_at_the_edge_of_the_cell_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wb, "_READ", 50)
    monkeypatch.setattr(wb, "MAX_CELL_XML", 100)
    data = b"x" * 100 + b"<c>y</c>" + b"z" * 42
    pieces = list(wb._pieces(io.BytesIO(data), lambda: InputErrors([])))
    assert pieces == [b"x" * 100, b"<c>y</c>" + b"z" * 42]
    many = b"".join(b'<c r="A%d"><v>1</v></c>' % i for i in range(1, 40))
    assert b"".join(wb._pieces(io.BytesIO(many), lambda: InputErrors([]))) == many


def test_a_formula_in_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    cells = b'<row r="1"><c r="A1"><f>"\xff"</f></c><c r="B1"><v>1</v></c></row>'
    path = hostile.write_xlsx(
        tmp_path / "w.xlsx",
        {
            "S": hostile.sheet_xml("").replace(
                b"<sheetData></sheetData>", b"<sheetData>" + cells + b"</sheetData>"
            )
        },
    )
    assert wb._scan_xlsx(path, "xl/worksheets/sheet1.xml", "S", "f").formulas == {
        (0, 0): '"\ufffd"'
    }


def test_a_formula_of_101_characters_is_shortened() -> None:
    assert wb.formula_problem("f", 1, "p", "H", "A1", "x" * 101).value == "=" + "x" * 97 + "..."


def test_header_row_takes_the_first_of_equals(tmp_path: Path) -> None:
    rows = [["a", "b"], ["a", "b"], ["c", "d"]]
    path = hostile.write_xlsx(tmp_path / "w.xlsx", {"S": hostile.rows_xml(rows), "E": ""})
    workbook = wb.open_workbook(path)
    assert wb.header_row(workbook, "S", lambda row: 1) == (0, 1)
    assert wb.header_row(workbook, "S", lambda row: int(row[0] == "c")) == (2, 1)
    assert wb.header_row(workbook, "E", lambda row: 1) == (0, 0)


def test_values_are_read_as_text_as_written(tmp_path: Path) -> None:
    headings: list[object] = ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date",
                "Date of Initial Child Protection Conference"]  # fmt: skip
    numbers: list[list[object]] = [headings, [1234567890123.0, "2023-06-05", "2023-06-21"],
                                   [7.0, "2023-06-05", "2023-06-21"]]  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "n.xlsx", {"List 5": hostile.rows_xml(numbers)})
    assert read_annex_a(path, CALENDAR).child_id.tolist() == ["1234567890123", "7"]
    spaces: list[list[object]] = [headings, ["C\u00a01 ", "2023-06-05", "2023-06-21"]]
    path = hostile.write_xlsx(tmp_path / "s.xlsx", {"List 5": hostile.rows_xml(spaces)})
    assert read_annex_a(path, CALENDAR).child_id.tolist() == ["C 1"]


def test_a_fastexcel_error_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile.blank_rows_workbook(tmp_path / "w.xlsx")

    def refuse(*args: object, **kwargs: object) -> None:
        raise fastexcel.CalamineError("Workbook is Password protected\nsecond line")

    monkeypatch.setattr(fastexcel, "read_excel", refuse)
    assert refused_by(path) == InputProblem(
        str(path), 0, None, None, "the workbook is password-protected; save an unprotected copy"
    )

    def broken(*args: object, **kwargs: object) -> None:
        raise fastexcel.CalamineError("no such thing")

    monkeypatch.setattr(fastexcel, "read_excel", broken)
    assert refused_by(path) == InputProblem(
        str(path), 0, None, None, "not a readable workbook (no such thing)"
    )


def test_a_sheet_fastexcel_cannot_load_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = hostile.blank_rows_workbook(tmp_path / "w.xlsx")
    workbook = wb.open_workbook(path)

    def broken(*args: object, **kwargs: object) -> None:
        raise fastexcel.CalamineError("bad cell\nmore")

    monkeypatch.setattr(workbook, "reader", type("R", (), {"load_sheet": staticmethod(broken)})())
    with pytest.raises(InputErrors) as raised:
        workbook.load("List 5", header_row=0)
    assert raised.value.problems == (
        InputProblem(str(path), 0, None, None, "sheet 'List 5' cannot be read (bad cell)",
                     location="sheet 'List 5'"),
    )  # fmt: skip


def test_an_encrypted_or_absent_workbook_whole(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = hostile.blank_rows_workbook(tmp_path / "plain.xlsx")
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        ooxml.OOXMLFile(source).encrypt("secret", target)
    assert refused_by(locked) == InputProblem(
        str(locked), 0, None, None,
        "the workbook is password-protected (encrypted); save an unprotected copy (File > "
        "Info > Protect Workbook > Encrypt with Password, and clear it) and read that",
    )  # fmt: skip
    absent = tmp_path / "absent.xlsx"
    assert refused_by(absent) == InputProblem(
        str(absent), 0, None, None, "cannot read: No such file or directory"
    )


def test_a_binary_workbook_and_a_damaged_directory_whole(tmp_path: Path) -> None:
    path = _zip_of(tmp_path / "b.xlsb", "xl/workbook.bin", b"\x83\x01\x00", zipfile.ZIP_STORED)
    assert refused_by(path) == InputProblem(
        str(path), 0, None, None,
        "a binary workbook (.xlsb), whose cells cannot be checked before they are read: save "
        "it as an Excel Workbook (.xlsx) and read that",
    )  # fmt: skip
    data = bytearray(hostile.blank_rows_workbook(tmp_path / "d.xlsx").read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 3] = 0  # the directory's first entry no longer starts as one
    path = tmp_path / "d.xlsx"
    path.write_bytes(bytes(data))
    assert refused_by(path) == InputProblem(
        str(path),
        0,
        None,
        None,
        "not a readable workbook (a damaged zip: Bad magic number for central directory)",
    )


def test_every_part_counts_towards_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = hostile.blank_rows_workbook(tmp_path / "w.xlsx")
    with zipfile.ZipFile(path) as archive:
        total = sum(member.file_size for member in archive.infolist())
    monkeypatch.setattr(wb, "MAX_TOTAL_BYTES", total)
    assert "not a real date" in refused_by(path).message  # read: exactly at the limit
    monkeypatch.setattr(wb, "MAX_TOTAL_BYTES", total - 1)
    assert "takes the workbook past" in refused_by(path).message


def test_a_stored_part_past_the_limits_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = hostile._package(["List 5"], shared_strings=False)
    rows = [list(hostile.LIST_5), ["C1", "2023-06-05", "No", "31/02/2023", "Yes"]]
    parts["xl/worksheets/sheet1.xml"] = hostile.sheet_xml(hostile.rows_xml(rows))
    path = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with zipfile.ZipFile(path) as archive:
        sizes = [member.file_size for member in archive.infolist()]
    biggest = max(sizes)
    monkeypatch.setattr(wb, "MAX_PART_BYTES", biggest)
    assert "not a real date" in refused_by(path).message  # exactly at the limit: read
    monkeypatch.setattr(wb, "MAX_PART_BYTES", biggest - 1)
    found = refused_by(path)
    assert found.message == (
        f"this part of the workbook inflates to more than {biggest - 1:,} bytes, the most read; "
        "nothing was read"
    )
    monkeypatch.setattr(wb, "MAX_PART_BYTES", 1 << 30)
    monkeypatch.setattr(wb, "MAX_TOTAL_BYTES", sum(sizes) - 1)
    before = sum(sizes) - sizes[-1]
    assert refused_by(path).message == (
        f"this part of the workbook takes the workbook past {sum(sizes) - 1:,} bytes "
        f"uncompressed (the parts before it: {before:,}), the most read; nothing was read"
    )
    # A ratio of 1 is not more than 1.
    monkeypatch.setattr(wb, "MAX_TOTAL_BYTES", 4 << 30)
    monkeypatch.setattr(wb, "MAX_RATIO", 1)
    monkeypatch.setattr(wb, "RATIO_FLOOR", 0)
    assert "not a real date" in refused_by(path).message


def test_a_part_with_an_extra_field_and_small_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = hostile._package(["List 5"], shared_strings=False)
    rows: list[list[object]] = [list(hostile.LIST_5), *hostile.list_5_rows(6000)]
    parts["xl/worksheets/sheet1.xml"] = hostile.sheet_xml(hostile.rows_xml(rows))
    path = tmp_path / "extra.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.extra = b"\xca\xfe\x04\x00abcd"  # an extra field in the local header
            archive.writestr(info, data)
    monkeypatch.setattr(wb, "_READ", 4096)  # many reads of the compressed data
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > wb.RATIO_FLOOR
    assert len(read_annex_a(path, CALENDAR)) == 6000


def test_a_workbook_listing_a_sheet_it_does_not_hold(tmp_path: Path) -> None:
    parts = hostile._package(["Meetings", "Gone"], shared_strings=False)
    rows = [["Person ID", "Meeting ID", "Meeting Type", "Meeting Date", "Strategy Date"],
            ["P1", "M1", "ICPC", "45040", "45019"]]  # fmt: skip
    parts["xl/worksheets/sheet1.xml"] = hostile.sheet_xml(hostile.rows_xml(rows))
    path = tmp_path / "gone.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    workbook = wb.open_workbook(path)
    assert workbook.scan("Gone") == wb.SheetScan()
    assert len(read_mapped_records(path, read_mapping(mapping_file(tmp_path)), CALENDAR)) == 1


def test_a_package_link_that_is_not_the_workbooks(tmp_path: Path) -> None:
    parts = hostile._package(["List 5"], shared_strings=False)
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"/officeDocument", b"/thumbnail")
    parts["xl/worksheets/sheet1.xml"] = hostile.sheet_xml(hostile.rows_xml([["x"]], first_row=4))
    path = tmp_path / "w.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with zipfile.ZipFile(path) as archive:
        assert wb._sheet_parts(archive) == {"List 5": "xl/worksheets/sheet1.xml"}


def test_an_ods_refusal_and_blank_text_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = (
        "<table:table-row><table:table-cell><text:p> </text:p><text:p> </text:p>"
        "</table:table-cell></table:table-row>" + hostile.ods_text_row(["a", "b"])
    )
    path = hostile.ods_workbook(tmp_path / "s.ods", table, name="S")
    assert wb.open_workbook(path).scan("S") == wb.SheetScan(first_row=1, first_column=0)
    monkeypatch.setattr(wb, "MAX_CELLS", 1)
    with pytest.raises(InputErrors) as raised:
        wb.open_workbook(path)
    (found,) = raised.value.problems
    assert (found.file, found.location) == (str(path), "sheet 'S'")


# -- Annex A, the second run's survivors -------------------------------------------------------


def test_list_5_rows_with_a_part_missing_are_named_not_passed_over(tmp_path: Path) -> None:
    rows = [list(hostile.LIST_5),
            ["C1", "", "", "", ""],  # an id alone
            ["", "", "No", "2023-06-21", "Yes"],  # a held date alone
            ["C3", "2023-06-05", "No", "2023-06-21", "Perhaps"],  # a bad answer
            ["C4", "2023-06-05", "No", "31/02/2023", "Yes"],  # a bad date
            ["C5", "2023-06-05", "No", "2023-06-21", "Yes"]]  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "a.xlsx", {"List 5": hostile.rows_xml(rows)})
    records = read_annex_a(path, CALENDAR, skip_invalid=True)
    assert records.child_id.tolist() == ["C5"]
    problems = {(p.row, p.column): p for p in records.problems}
    assert (2, "strategy_discussion_date") in problems
    assert (3, "child_id") in problems
    assert problems[4, "resulted_in_plan"] == InputProblem(
        str(path), 4, "resulted_in_plan", "Perhaps", "expected Yes or No (or a) Yes, b) No)",
        location="sheet 'List 5', row 4 (Child Unique ID C3), column 'Did the Initial Child "
        "Protection Conference Result in a Child Protection Plan'",
    )  # fmt: skip
    assert problems[5, "conference_date"].file == str(path)


def test_list_7_read_whole(tmp_path: Path) -> None:
    from safeguarding_rules.testing.returns import LIST_7_HEADINGS, write_annex_a

    path = tmp_path / "a.xlsx"
    write_annex_a(
        path,
        {
            "List 7": (
                LIST_7_HEADINGS,
                [
                    ["7.0", dt.date(2023, 4, 24), None, None, "T"],  # no review yet
                    [8.0, dt.date(2023, 4, 24), dt.date(2023, 7, 20), dt.date(2024, 1, 10), "T"],
                    ["9.0", dt.date(2023, 4, 24), dt.date(2023, 7, 21), None, "T"],
                ],
            )
        },
    )
    records = read_annex_a(path, CALENDAR)
    assert records.child_id.tolist() == ["8", "9"]
    assert records.plan_end_date.astype(str).tolist() == ["2024-01-10", "NaT"]
    assert records.conference_id.tolist() == ["List 7 row 4", "List 7 row 5"]


# -- the census's plans, conferences outside a Section47 and recorded targets (issue 26) ----


def test_conferences_recorded_outside_a_section47_whole(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        # Held at CINdetails level only; and beside a Section47 holding one too.
        child("A", "<DateOfInitialCPC>2023-06-21</DateOfInitialCPC>"),
        child("B", s47("2023-06-05", held="2023-06-20"),
              "<DateOfInitialCPC>2023-06-21</DateOfInitialCPC>"),
        # A Section47 with no conference beside one at CINdetails level.
        child("C", s47("2023-06-05", flag="true"), "<DateOfInitialCPC>2023-07-03</DateOfInitialCPC>"),
        # Malformed, and no child id: neither counted.
        child("D", "<DateOfInitialCPC>21/06/2023</DateOfInitialCPC>"),
        child(None, "<DateOfInitialCPC>2023-06-21</DateOfInitialCPC>"),
    )  # fmt: skip
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    census = read.census
    assert census.episode_icpc_child_id.tolist() == ["A", "B", "C"]
    assert census.episode_icpc_child_id.dtype == object
    assert census.episode_icpc_location.tolist() == [
        f"Child[{i}]/CINdetails[1]/DateOfInitialCPC" for i in (1, 2, 3)
    ]
    assert census.episode_icpc_location.dtype == object
    assert census.episode_icpc_date.astype(str).tolist() == [
        "2023-06-21",
        "2023-06-21",
        "2023-07-03",
    ]
    assert census.episode_icpc_also_in_section47.tolist() == [False, True, False]
    assert census.episode_icpc_also_in_section47.dtype == np.bool_
    assert [(p.location, p.value) for p in read.records.problems] == [
        ("Child[4] (LAchildID D)/CINdetails[1]/DateOfInitialCPC", "21/06/2023"),
        ("Child[5]/ChildIdentifiers/LAchildID", None),
    ]


def test_plans_whole(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        child("A", plan("2023-04-01", "2023-09-01", "2023-06-20", end="2024-01-10")),
        child("B", plan("2022-12-01")),
    )
    plans = read_cin_census(path, CALENDAR).records.plans
    assert plans is not None
    assert plans.child_id.tolist() == ["A", "B"]
    assert plans.location.tolist() == [
        f"Child[{i}]/CINdetails[1]/ChildProtectionPlans[1]" for i in (1, 2)
    ]
    assert plans.start.astype(str).tolist() == ["2023-04-01", "2022-12-01"]
    assert plans.end.astype(str).tolist() == ["2024-01-10", "NaT"]
    assert plans.latest_review.astype(str).tolist() == ["2023-09-01", "NaT"]


@pytest.mark.parametrize(
    ("target", "read_as", "unreadable"),
    [
        (None, "NaT", ""),
        ("2006-01-01", "2006-01-01", ""),
        ("2030-12-31", "2030-12-31", ""),
        ("2005-12-31", "NaT", "2005-12-31"),
        ("2031-01-01", "NaT", "2031-01-01"),
        (" 26/06/2023 ", "NaT", "26/06/2023"),
    ],
)
def test_a_recorded_target_whole(
    tmp_path: Path, target: str | None, read_as: str, unreadable: str
) -> None:
    path = write(tmp_path, child("A", s47("2023-06-05", held="2023-06-21", target=target)))
    census = read_cin_census(path, CALENDAR).census
    assert census.recorded_target.astype(str).tolist() == [read_as]
    assert census.recorded_target_unreadable.tolist() == [unreadable]
    assert census.recorded_target_unreadable.dtype == object


def test_annex_a_plans_are_those_whose_dates_can_be_read(tmp_path: Path) -> None:
    rows = [LIST_7,
            ["C1", "2023-06-21", "2023-09-01", ""],
            ["", "2023-06-21", "2023-09-01", ""],  # no id
            ["C3", "31/02/2023", "2023-09-01", ""],  # a start that is not a date
            ["C4", "2023-06-21", "2023-09-01", "32/01/2024"],  # an end that is not a date
            ["C5", "2023-06-21", "31/09/2023", ""]]  # a review that is not a date  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "a.xlsx", {"List 7": hostile.rows_xml(rows)})
    plans = read_annex_a(path, CALENDAR, skip_invalid=True).plans
    assert plans is not None
    assert plans.child_id.tolist() == ["C1"]


def test_a_bad_answer_on_a_row_with_no_id_names_no_child(tmp_path: Path) -> None:
    rows = [list(hostile.LIST_5), ["", "2023-06-05", "Perhaps", "2023-06-21", "Yes"]]
    path = hostile.write_xlsx(tmp_path / "a.xlsx", {"List 5": hostile.rows_xml(rows)})
    records = read_annex_a(path, CALENDAR, skip_invalid=True)
    answer = next(p for p in records.problems if p.column == "unnecessary")
    assert answer.location == (
        "sheet 'List 5', row 2, column 'Was an Initial Child Protection Conference deemed "
        "unnecessary?'"
    )
