"""Real files, round 2 (issue 26): every child named, nothing silently lost, no false alarms.

The files are synthetic, written by the generators in ``safeguarding_rules.testing.returns``
in the shapes of the public samples a new user tried: the DfE validator's census fixtures
(ids with leading zeros or slashes, conferences either side of the census year) and
Social Finance's Annex A sample (ids stored as numbers, plans with no review yet, no core
group column anywhere).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from safeguarding_rules import get_rule_set, to_data
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_records
from safeguarding_rules.reports import build_report, render_html, render_text
from safeguarding_rules.testing.returns import (
    LIST_5_HEADINGS,
    LIST_7_HEADINGS,
    CensusChild,
    Episode,
    Section47,
    write_annex_a,
    write_cin_census,
)

D = dt.date
ENGLAND = get_rule_set("england")
REFERENCE = D(2024, 3, 31)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def census(tmp_path: Path, children: list[CensusChild]) -> Path:
    path = tmp_path / "census.xml"
    write_cin_census(path, children, reference_date=REFERENCE)
    return path


def child(child_id: str, *enquiries: Section47) -> CensusChild:
    return CensusChild(child_id=child_id, episodes=[Episode(section47s=list(enquiries))])


#: Mon 5 Jun 2023: the 15th working day after is Mon 26 Jun; Fri 30 Jun is 4 days late.
LATE = Section47(start=D(2023, 6, 5), icpc=D(2023, 6, 30))
ON_TIME = Section47(start=D(2023, 6, 5), icpc=D(2023, 6, 20))


def report_data(path: Path) -> dict[str, Any]:
    found: dict[str, Any] = to_data(build_report(read_records(path, ENGLAND), ENGLAND))
    return found


# -- 1. every late child named by the id the council wrote ------------------------------------


def test_a_census_names_each_late_child_by_the_id_as_written(tmp_path: Path) -> None:
    path = census(
        tmp_path, [child("0011641472", LATE), child("000123/A", LATE), child("7", ON_TIME)]
    )
    data = report_data(path)
    late = data["initial_conference_timeliness"]["late_conferences"]
    assert [row["child_ids"] for row in late] == [["0011641472"], ["000123/A"]]
    assert late[0]["conference_id"] == "Child[1]/CINdetails[1]/Section47[1]"
    text = run("report", str(path))
    assert "child 0011641472 (Child[1]/CINdetails[1]/Section47[1]) on 2023-06-30" in text
    assert "child 000123/A (Child[2]/CINdetails[1]/Section47[1])" in text
    page = run("report", str(path), "--format", "html")
    assert "<td>0011641472</td><td>Child[1]/CINdetails[1]/Section47[1]</td>" in page


def test_the_worklist_names_a_census_child_not_its_place(tmp_path: Path) -> None:
    pending = Section47(start=D(2024, 3, 18))
    path = census(tmp_path, [child("000123/A", pending)])
    text = run("due", str(path), "--as-of", "2024-03-20")
    assert "child 000123/A (Child[1]/CINdetails[1]/Section47[1])" in text
    (action,) = json.loads(run("due", str(path), "--as-of", "2024-03-20", "--format", "json"))
    assert (action["children"], action["conference_known"]) == (["000123/A"], False)


def test_a_conference_names_its_children(tmp_path: Path) -> None:
    path = tmp_path / "conferences.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "007,K1,initial,2023-06-30,2023-06-05\n"
        "C/2,K1,initial,2023-06-30,2023-06-05\n",
        encoding="utf-8",
    )
    report = build_report(read_records(path, ENGLAND), ENGLAND)
    assert "K1 on 2023-06-30: 2 child(ren) (007, C/2), 19 working days, 4 working day(s) late" in (
        render_text(report)
    )
    assert "<td>K1</td><td>007, C/2</td>" in render_html(report)
    due = run("due", str(path), "--as-of", "2023-07-01", "--within", "120")
    assert "conference K1 (children: 007, C/2)" in due


def test_an_annex_a_id_stored_as_a_number_is_named_as_written(tmp_path: Path) -> None:
    path = tmp_path / "annex_a.xlsx"
    rows = [
        [11641472.0, "a) Male", D(2023, 6, 5), "b) No", D(2023, 6, 30), "a) Yes", "Team"],
        ["0011641473", "a) Male", D(2023, 6, 5), "b) No", D(2023, 6, 30), "a) Yes", "Team"],
    ]
    write_annex_a(path, {"List 5": (LIST_5_HEADINGS, rows)})
    text = run("report", str(path))
    assert "child 11641472 (List 5 row 3)" in text
    assert "child 0011641473 (List 5 row 4)" in text
    assert "11641472.0" not in text


# -- 3. a census's headline is its year --------------------------------------------------------


def test_a_census_headline_counts_its_year_and_lists_the_rest(tmp_path: Path) -> None:
    before = Section47(start=D(2023, 3, 1), icpc=D(2023, 3, 20))  # 2022-23: on time
    after = Section47(start=D(2024, 3, 25), icpc=D(2024, 4, 10))  # after the ReferenceDate
    path = census(tmp_path, [child("A", LATE), child("B", before), child("C", after)])
    icpc = report_data(path)["initial_conference_timeliness"]
    assert icpc["by_child"] == {"on_time": 0, "total": 1, "percent": 0.0}
    assert icpc["headline_period"]["first"] == "2023-04-01"
    assert icpc["headline_period"]["last"] == "2024-03-31"
    assert [p["period"] for p in icpc["by_period"]] == ["2022-23 Q4", "2023-24 Q1", "2024-25 Q1"]
    outside = {row["child_id"]: row for row in icpc["outside_headline_period"]}
    assert set(outside) == {"B", "C"}
    assert "before the period the headline counts (2023-04-01)" in outside["B"]["why"]
    assert "after the return's ReferenceDate (2024-03-31)" in outside["C"]["why"]
    text = run("report", str(path))
    assert "headline: conferences held 2023-04-01 to 2024-03-31" in text
    assert "outside the headline's period (2):" in text


def test_a_csv_headline_counts_every_date(tmp_path: Path) -> None:
    path = tmp_path / "conferences.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "A,K1,initial,2023-03-20,2023-03-01\n"
        "B,K2,initial,2024-04-10,2024-03-25\n",
        encoding="utf-8",
    )
    icpc = report_data(path)["initial_conference_timeliness"]
    assert icpc["by_child"]["total"] == 2
    assert "headline_period" not in icpc
    assert "outside_headline_period" not in icpc


# -- 7. no alarm for an event a format does not record ----------------------------------------


def test_annex_a_records_no_core_groups_so_none_is_due_or_judged(tmp_path: Path) -> None:
    path = tmp_path / "annex_a.xlsx"
    rows = [["C1", "a) Male", D(2023, 6, 5), "b) No", D(2023, 6, 20), "a) Yes", "Team"]]
    write_annex_a(path, {"List 5": (LIST_5_HEADINGS, rows)})
    core = report_data(path)["core_group_timeliness"]
    assert core == {
        "assessed": False,
        "why": "not recorded in this format: an Ofsted Annex A workbook has no core group date",
    }
    due = run("due", str(path), "--as-of", "2023-09-01")
    assert "core group" not in due.lower()


def test_a_csv_without_core_group_dates_records_none_but_one_with_them_does(
    tmp_path: Path,
) -> None:
    head = "child_id,conference_id,conference_type,conference_date,strategy_discussion_date"
    without = tmp_path / "without.csv"
    without.write_text(f"{head}\nA,K1,initial,2023-06-20,2023-06-05\n", encoding="utf-8")
    with_column = tmp_path / "with.csv"
    with_column.write_text(
        f"{head},core_group_date\nA,K1,initial,2023-06-20,2023-06-05,\n", encoding="utf-8"
    )
    assert "not recorded" in report_data(without)["core_group_timeliness"]["why"]
    assert "First core group" not in run("due", str(without), "--as-of", "2023-09-01")
    assert "OVERDUE First core group" in run("due", str(with_column), "--as-of", "2023-09-01")


# -- 8. no Python in what people read ---------------------------------------------------------

PYTHON = re.compile(r"\bNone\b|\bnan\b|by_child|by_conference|\blate by\b")


@pytest.mark.parametrize("output_format", ["text", "html"])
def test_no_python_leaks_into_what_people_read(tmp_path: Path, output_format: str) -> None:
    nothing_held = census(tmp_path, [child("A", Section47(start=D(2024, 3, 25)))])
    workbook = tmp_path / "annex_a.xlsx"
    rows = [["C1", "a) Male", D(2023, 6, 5), "b) No", D(2023, 6, 30), "a) Yes", "Team"]]
    write_annex_a(workbook, {"List 5": (LIST_5_HEADINGS, rows), "List 7": (LIST_7_HEADINGS, [])})
    for args in (
        [str(nothing_held)],
        [str(workbook)],
        [],
        ["--ruleset", "conwy"],
    ):
        out = run("report", *args, "--format", output_format)
        assert not PYTHON.search(out), (args, PYTHON.search(out))


def test_a_target_has_its_own_line(tmp_path: Path) -> None:
    out = run("report", "--ruleset", "conwy")
    assert "target:        90% on time by child (the headline figure)" in out
    assert not re.search(r"by conference: .*target", out)


def test_the_bands_chart_counts_in_whole_numbers() -> None:
    from safeguarding_rules.reports.writer import writer

    svg = writer().bar_chart(
        "bands", ["0-10", "21+"], [("n", "#000", [1.0, 0.0])], maximum=1.0, unit=""
    )
    ticks = re.findall(r'<text x="2" y="[\d.]+">([^<]*)</text>', svg)
    assert ticks == ["0", "1", "2"]


# -- 9. a review that cannot be judged is not judged -------------------------------------------


def test_a_review_after_a_conference_before_the_first_edition_is_not_assessed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "conferences.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
        "previous_conference_date,previous_conference_type\n"
        # England's first edition (Working Together 2006) is in force from 1 April 2006.
        "A,R1,review,2006-09-01,,2006-02-01,initial\n"
        "B,R2,review,2006-09-01,,2006-04-03,initial\n",
        encoding="utf-8",
    )
    report = build_report(read_records(path, ENGLAND), ENGLAND)
    reviews = to_data(report)["review_timeliness"]
    assert reviews["by_child"] == {"on_time": 0, "total": 1, "percent": 0.0}  # B: late
    assert reviews["not_assessed"]["rows"] == 1  # A: no edition covers 1 February 2006
    statuses = {row["child_id"]: row["status"] for row in report.rows()}
    assert statuses == {"A": "not_assessed", "B": "late"}
