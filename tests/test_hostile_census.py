"""Hostile and broken CIN census files (issue 27, items 2, 13, 14 and 15).

The files are written by ``tests/hostile_inputs.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import hostile_inputs as hostile
from safeguarding_rules import calendar_for, get_rule_set
from safeguarding_rules.cli import main
from safeguarding_rules.records import (
    InputErrors,
    InputFormat,
    detect_format,
    read_cin_census,
    read_records,
)
from safeguarding_rules.records.problems import LISTED_PROBLEMS, ProblemList
from safeguarding_rules.records.rows import InputProblem
from safeguarding_rules.reports import build_report, to_data

CALENDAR = calendar_for("england-and-wales")
ENGLAND = get_rule_set("england")


# -- 2. a ReferenceDate anywhere but the header ---------------------------------------------


def test_a_reference_date_inside_a_child_is_a_problem_not_a_restart(tmp_path: Path) -> None:
    path = hostile.nested_reference_date_census(tmp_path / "nested.xml")
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    (problem,) = raised.value.problems
    assert str(problem) == (
        f"{path}, Child[3]/CINdetails/ReferenceDate: a ReferenceDate here is not read: only "
        "Message/Header/CollectionDetails/ReferenceDate (2024-03-31) gives the census year "
        "(value '2025-03-31')"
    )
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    assert read.census.reference_date.isoformat() == "2024-03-31"
    assert read.census.children == 4
    assert read.census.location.tolist() == [
        f"Child[{i}]/CINdetails[1]/Section47[1]" for i in range(1, 5)
    ]
    assert read.records.child_id.tolist() == ["C1", "C2", "C3", "C4"]
    report = to_data(build_report(read_records(path, CALENDAR, skip_invalid=True), ENGLAND))
    assert report["dfe_c4"]["section47"] == 4
    assert report["records"]["rows"] == 4


def test_a_second_reference_date_in_the_header_is_named(tmp_path: Path) -> None:
    text = hostile.census([hostile.census_child("C1")]).replace(
        "</CollectionDetails>", "<ReferenceDate>2023-03-31</ReferenceDate></CollectionDetails>"
    )
    path = tmp_path / "two.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    (problem,) = raised.value.problems
    assert problem.location == "Message/Header/CollectionDetails/ReferenceDate"
    assert problem.value == "2023-03-31"
    assert "(2024-03-31) gives the census year" in problem.message


def test_a_reference_date_elsewhere_in_the_header_is_not_the_census_year(tmp_path: Path) -> None:
    misplaced = "<Message><Header><ReferenceDate>2024-03-31</ReferenceDate></Header><Children>"
    path = tmp_path / "misplaced.xml"
    path.write_text(misplaced + hostile.census_child("C1") + hostile.CENSUS_TAIL, "utf-8")
    with pytest.raises(InputErrors, match="ReferenceDate before the first Child"):
        read_cin_census(path, CALENDAR)
    path.write_text(misplaced + "</Children></Message>", "utf-8")
    with pytest.raises(
        InputErrors,
        match=r"no Header/CollectionDetails/ReferenceDate \(found only at "
        r"Message/Header/ReferenceDate\)",
    ):
        read_cin_census(path, CALENDAR)


def test_a_stray_reference_date_before_the_real_one_is_listed(tmp_path: Path) -> None:
    text = hostile.census([hostile.census_child("C1")]).replace(
        "<Header>", "<Header><ReferenceDate>1999-03-31</ReferenceDate>"
    )
    path = tmp_path / "stray.xml"
    path.write_text(text, encoding="utf-8")
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    (problem,) = read.records.problems
    assert (problem.location, problem.value) == ("Message/Header/ReferenceDate", "1999-03-31")
    assert problem.message.endswith(
        "only Message/Header/CollectionDetails/ReferenceDate gives the census year"
    )
    assert read.census.reference_date.isoformat() == "2024-03-31"


def test_a_child_outside_children_is_named_not_read(tmp_path: Path) -> None:
    text = hostile.census([hostile.census_child("C1")]).replace(
        "</Header>", "</Header>" + hostile.census_child("X9")
    )
    path = tmp_path / "outside.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    (problem,) = raised.value.problems
    assert str(problem) == (
        f"{path}, Message/Child: a Child outside Message/Children is not read (the census has "
        "its children there only)"
    )
    nested = hostile.census([hostile.census_child("C1", extra=hostile.census_child("X9"))])
    path.write_text(nested, encoding="utf-8")
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    (problem,) = read.records.problems
    assert problem.location == "Child[1]/CINdetails/Child"
    assert "a Child outside Message/Children is not read" in problem.message
    assert read.records.child_id.tolist() == ["C1"]
    assert read.census.children == 1


# -- 13. a reference date no calendar places ------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2005-12-31", "2031-01-01"])
def test_a_reference_date_outside_the_calendar_is_refused_by_name(tmp_path: Path, day: str) -> None:
    path = tmp_path / "early.xml"
    path.write_text(hostile.census([hostile.census_child("C1")], reference=day), "utf-8")
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    (problem,) = raised.value.problems
    assert str(problem) == (
        f"{path}, Message/Header/CollectionDetails/ReferenceDate: the census reference date "
        "is outside the england-and-wales calendar's coverage (2006-01-01 to 2030-12-31), "
        f"so the census year cannot be placed (value '{day}')"
    )


@pytest.mark.parametrize("day", ["2006-01-01", "2030-12-31"])
def test_reference_dates_at_the_edges_of_the_calendar_are_read(tmp_path: Path, day: str) -> None:
    path = tmp_path / "edge.xml"
    path.write_text(
        hostile.census([], reference=day).replace("<Children>\n", "<Children>\n<Child/>"), "utf-8"
    )
    read = read_cin_census(path, CALENDAR, skip_invalid=True)
    assert read.census.reference_date.isoformat() == day


def test_the_command_names_the_reference_date(tmp_path: Path) -> None:
    path = tmp_path / "early.xml"
    path.write_text(hostile.census([hostile.census_child("C1")], reference="0001-01-01"), "utf-8")
    result = CliRunner().invoke(main, ["report", str(path)])
    assert result.exit_code == 1
    assert "ReferenceDate: the census reference date is outside" in result.stderr
    assert "year 0 is out of range" not in result.stderr


# -- 14. a census in UTF-16 ------------------------------------------------------------------


@pytest.mark.parametrize("bits", [16, 32])  # lxml alone refused UTF-32 with a mark
@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("big_endian", [False, True])
def test_a_utf16_or_utf32_census_is_read_as_a_census(
    tmp_path: Path, bom: bool, big_endian: bool, bits: int
) -> None:
    path = hostile.utf16_census(tmp_path / "census.xml", bom=bom, big_endian=big_endian, bits=bits)
    assert detect_format(path) is InputFormat.CIN_CENSUS
    result = CliRunner().invoke(main, ["report", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["dfe_c4"]["section47"] == 1


@pytest.mark.parametrize(
    ("start", "codec"),
    [
        (b"\xef\xbb\xbf  <Message>", "utf-8"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"", "utf-32-be"),
        (b"", "utf-32-le"),
        (b"", "cp500"),
    ],
)
def test_xml_is_recognised_in_any_encoding_its_start_shows(
    tmp_path: Path, start: bytes, codec: str
) -> None:
    path = tmp_path / "census.xml"
    text = '<?xml version="1.0"?><Message/>'
    path.write_bytes(start + (b"" if start.startswith(b"\xef") else text.encode(codec)))
    assert detect_format(path) is InputFormat.CIN_CENSUS


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "cp500"])
def test_a_csv_in_another_encoding_is_still_a_csv(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "records.csv"
    path.write_bytes("child_id,conference_id\nA,<1>\n".encode(codec))
    assert detect_format(path) is InputFormat.CSV


# -- 15. millions of empty children or junk elements -----------------------------------------


def test_empty_children_list_the_first_problems_and_count_the_rest(tmp_path: Path) -> None:
    path = hostile.empty_children_census(tmp_path / "empty.xml", 2_500)
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    problems = raised.value.problems
    assert len(problems) == LISTED_PROBLEMS + 1
    assert problems[0].location == "Child[2]/ChildIdentifiers/LAchildID"
    assert (
        problems[LISTED_PROBLEMS - 1].location
        == f"Child[{LISTED_PROBLEMS + 1}]/ChildIdentifiers/LAchildID"
    )
    assert str(problems[-1]) == (
        f"{path}, after the first problems: 1,500 more problem(s) like those above, not "
        "listed one by one (the first 1,000 are): 1,500 x 'a child id is required here'"
    )
    result = CliRunner().invoke(main, ["report", str(path)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == LISTED_PROBLEMS + 2


def test_the_problem_list_counts_kinds_beyond_ten() -> None:
    found = ProblemList("f.xml", limit=1)
    for kind in range(13):
        for _ in range(kind + 1):
            found.append(InputProblem("f.xml", 0, None, None, f"kind {kind}"))
    assert len(found) == sum(range(1, 14))
    *kept, summary = found.listed()
    assert [p.message for p in kept] == ["kind 0"]
    assert summary.message == (
        "90 more problem(s) like those above, not listed one by one (the first 1 are): "
        + "; ".join(f"{k + 1} x 'kind {k}'" for k in range(12, 2, -1))
        + "; 5 of 2 other kinds"
    )
    few = ProblemList("f.xml")
    few.append(InputProblem("f.xml", 0, None, None, "one"))
    assert [p.message for p in few.listed()] == ["one"]


MEASURE = """
import resource, sys
from safeguarding_rules import calendar_for
from safeguarding_rules.records import InputErrors, read_cin_census
try:
    read_cin_census(sys.argv[1], calendar_for("england-and-wales"))
except InputErrors:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kb(path: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


@pytest.mark.parametrize("where", ["Children", "Message", "Child", "empty", "read"])
def test_memory_grows_with_the_records_not_with_junk(tmp_path: Path, where: str) -> None:
    small, big = tmp_path / "small.xml", tmp_path / "big.xml"
    if where == "empty":
        hostile.empty_children_census(small, 1_000)
        hostile.empty_children_census(big, 300_000)
    elif where == "read":  # elements the reader uses, but outside any child
        hostile.junk_census(small, 1_000, junk="<LAchildID>x</LAchildID>\n")
        hostile.junk_census(big, 300_000, junk="<LAchildID>x</LAchildID>\n")
    else:
        hostile.junk_census(small, 1_000, where=where)
        hostile.junk_census(big, 300_000, where=where)
    # 300,000 elements kept would take well over 30 MB (about 250 MB per 2 million).
    assert _peak_kb(big) - _peak_kb(small) < 15_000


def test_junk_does_not_change_what_is_read(tmp_path: Path) -> None:
    for where in ("Children", "Message", "Child"):
        path = hostile.junk_census(tmp_path / f"{where}.xml", 50, where=where)
        read = read_cin_census(path, CALENDAR)
        assert read.records.child_id.tolist() == ["C1"]
        assert read.census.location.tolist() == ["Child[1]/CINdetails[1]/Section47[1]"]
    # Elements the reader uses, outside any child, are dropped with what holds them.
    text = hostile.census([hostile.census_child("C1")]).replace(
        "<Children>", "<Children><ChildIdentifiers><LAchildID>X</LAchildID></ChildIdentifiers>"
    )
    path = tmp_path / "stray.xml"
    path.write_text(text, encoding="utf-8")
    assert read_cin_census(path, CALENDAR).records.child_id.tolist() == ["C1"]
