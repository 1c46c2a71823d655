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
    Plan,
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
    worklist = json.loads(run("due", str(path), "--as-of", "2024-03-20", "--format", "json"))
    (action,) = worklist["actions"]
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
    assert (
        "K1 on 2023-06-30 (due 2023-06-26): 2 child(ren) (007, C/2), 19 working days, 4 working "
        "day(s) late" in render_text(report)
    )
    assert "<td>K1</td><td>007, C/2</td><td>2023-06-30</td><td>2023-06-26</td>" in (
        render_html(report)
    )
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


def test_an_action_a_format_cannot_record_is_not_counted_as_missing(tmp_path: Path) -> None:
    """Scotland's actions after a conference: a census has no dates for them, so no alarm."""
    scotland = get_rule_set("scotland")
    path = census(tmp_path, [child("C1", ON_TIME), child("C2", LATE)])
    items = to_data(build_report(read_records(path, scotland), scotland))["report_deadlines"]
    why = "not recorded in this format: a DfE CIN census return has no date for this action"
    assert {item["rule"] for item in items} == {
        "conference_notice",
        "record_circulated",
        "plan_circulated",
    }
    for item in items:
        assert (item["not_recorded"], item["by_child"]["total"], item["why"]) == (0, 0, why)
    text = run("report", str(path), "--ruleset", "scotland")
    assert f"Record of the CPPM circulated: {why}" in text
    assert "not recorded: 2" not in text
    page = run("report", str(path), "--ruleset", "scotland", "--format", "html")
    assert f"<td>{why}</td>" in page
    welsh = run("report", str(path), "--ruleset", "scotland", "--language", "cy")
    assert "nid oes dyddiad ar gyfer y cam hwn mewn ffurflen cyfrifiad" in welsh
    assert "has no date for this action" not in welsh


def test_a_csv_without_an_action_column_records_none_but_one_with_it_does(
    tmp_path: Path,
) -> None:
    scotland = get_rule_set("scotland")
    head = "child_id,conference_id,conference_type,conference_date,strategy_discussion_date"
    without = tmp_path / "without.csv"
    without.write_text(f"{head}\nA,K1,initial,2023-06-20,2023-06-05\n", encoding="utf-8")
    with_column = tmp_path / "with.csv"
    with_column.write_text(
        f"{head},record_circulated_date\nA,K1,initial,2023-06-20,2023-06-05,\n",
        encoding="utf-8",
    )
    found = {
        path.name: {
            item["rule"]: item
            for item in to_data(build_report(read_records(path, scotland), scotland))[
                "report_deadlines"
            ]
        }
        for path in (without, with_column)
    }
    missing = "not recorded in this file: it has no date column for this action"
    assert found["without.csv"]["record_circulated"]["why"] == missing
    assert found["without.csv"]["record_circulated"]["not_recorded"] == 0
    # The column is there but empty: the date was not recorded, which is worth saying.
    assert "why" not in found["with.csv"]["record_circulated"]
    assert found["with.csv"]["record_circulated"]["not_recorded"] == 1
    assert found["with.csv"]["plan_circulated"]["why"] == missing


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
    page = run("report", "--ruleset", "conwy", "--format", "html")
    assert "Target: 90% on time by child (the headline figure). NOT met." in page
    page = run("report", "--ruleset", "conwy", "--format", "html", "--language", "cy")
    assert "Targed: 90% ar amser fesul plentyn (y prif ffigur)." in page


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


# -- 2. conferences a census records outside a Section47 --------------------------------------


def test_conferences_outside_any_section47_are_counted_and_said_why_not_timed(
    tmp_path: Path,
) -> None:
    """Shaped like the DfE validator's fake_CIN_data.xml: ICPCs at CINdetails level only."""
    children = [
        CensusChild(child_id=f"{n:010d}", episodes=[Episode(icpc=D(2023, 6, n))])
        for n in range(1, 6)
    ]
    both = CensusChild(
        child_id="0000000099",
        episodes=[Episode(section47s=[ON_TIME], icpc=D(2023, 6, 21))],
    )
    path = census(tmp_path, [*children, both])
    data = report_data(path)
    c4 = data["dfe_c4"]
    outside = c4["without_section47"]
    assert (outside["count"], outside["in_year"]) == (6, 6)
    assert "no S47 start to count working days from" in outside["why"]
    assert [row["also_in_section47"] for row in outside["rows"]] == [False] * 5 + [True]
    assert c4["icpc"] == 1  # only the Section47 conference
    icpc = data["initial_conference_timeliness"]
    assert icpc["by_child"]["total"] == 1
    assert icpc["not_counted_outside_section47"] == 6
    text = run("report", str(path))
    assert "initial conferences outside any section 47 enquiry: 6 (6 in the year)" in text
    assert "not counted: 6 initial conference(s) recorded outside any section 47" in text
    assert "DfE rule 2884" in text
    page = run("report", str(path), "--format", "html")
    assert "Initial conferences outside any section 47 enquiry" in page
    # Each row says yes or no: an empty cell read as "not known" (a tester's doubt).
    cells = re.findall(r"<td>(yes|no|)</td></tr>", page)
    assert sorted(cells) == ["no"] * 5 + ["yes"]


# -- 4. a malformed recorded target never drops a good conference -----------------------------


def test_a_malformed_recorded_target_is_reported_and_the_conference_kept(tmp_path: Path) -> None:
    bad = Section47(start=D(2023, 6, 5), target="23/06/2022", icpc=D(2023, 6, 30))
    path = census(tmp_path, [child("0011641472", bad)])
    data = report_data(path)  # no InputErrors: the target is never used
    assert data["initial_conference_timeliness"]["by_child"]["total"] == 1
    targets = data["recorded_targets"]
    assert targets["unreadable"] == [
        {
            "child_id": "0011641472",
            "location": "Child[1]/CINdetails[1]/Section47[1]",
            "value": "23/06/2022",
        }
    ]
    assert targets["checked"] == 0
    assert "'23/06/2022'" in run("report", str(path))


# -- 5. a census's reviews judged from the plan's start, then from the review before ----------


def test_census_reviews_run_from_the_plans_start(tmp_path: Path) -> None:
    """The DfE fixture's shape: plan 17 Feb 2022, conferences in 2022, review 15 Feb 2023."""
    plan = Plan(start=D(2022, 2, 17), reviews=[D(2022, 5, 16), D(2022, 11, 20), D(2023, 2, 15)])
    path = tmp_path / "census.xml"
    write_cin_census(
        path,
        [CensusChild(child_id="A1", episodes=[Episode(referral=D(2022, 1, 10), plans=[plan])])],
        reference_date=D(2023, 3, 31),
    )
    reviews = report_data(path)["review_timeliness"]
    # 16 May (due 17 May): on time; 20 Nov (due 16 Nov): late; 15 Feb 2023 (due 20 May): on
    # time. All three in the census year (1 April 2022 to 31 March 2023).
    assert reviews["by_child"] == {"on_time": 2, "total": 3, "percent": 66.7}
    assert reviews["not_assessed"]["rows"] == 0
    assert [p["period"] for p in reviews["by_period"]] == ["2022-23 Q1", "2022-23 Q3", "2022-23 Q4"]


# -- 6. a plan with no review yet has its first review due -----------------------------------


def test_a_plan_with_no_review_yet_has_its_first_review_due(tmp_path: Path) -> None:
    """Shaped like the liia-tools Annex A sample: List 7 plans from 8 Feb 2021, no review."""
    path = tmp_path / "annex_a.xlsx"
    list_7 = [
        [5358472.0, D(2021, 2, 8), None, None, "Team"],
        [14953858.0, D(2021, 2, 8), None, None, "Team"],
        [777.0, D(2021, 2, 8), None, D(2021, 2, 9), "Team"],  # ended: nothing due
    ]
    list_5 = [  # an ICPC that resulted in no plan: no review is due after it
        [888.0, "a) Male", D(2021, 1, 11), "b) No", D(2021, 2, 1), "b) No", "Team"],
    ]
    write_annex_a(path, {"List 5": (LIST_5_HEADINGS, list_5), "List 7": (LIST_7_HEADINGS, list_7)})
    out = run("due", str(path), "--as-of", "2021-02-10", "--within", "120")
    lines = [line for line in out.splitlines() if "review" in line.lower()]
    assert len(lines) == 2
    assert "2021-05-08 First review child protection conference: child 5358472" in lines[0]
    assert "child 14953858 (sheet 'List 7', row 4)" in lines[1]  # (a title row, then headings)
    assert "777" not in out
    assert "888" not in out.split("First review")[-1]


def test_a_census_plan_begun_before_the_year_with_no_review_has_one_due(tmp_path: Path) -> None:
    plan = Plan(start=D(2024, 3, 1))
    path = census(tmp_path, [CensusChild(child_id="007", episodes=[Episode(plans=[plan])])])
    out = run("due", str(path), "--as-of", "2024-03-20", "--within", "90")
    assert "2024-06-01 First review child protection conference: child 007" in out


def test_a_refusal_names_the_child_by_the_id_as_written(tmp_path: Path) -> None:
    from safeguarding_rules.records import InputErrors

    bad = Section47(start="2023-13-45", icpc=D(2023, 6, 30))
    path = census(tmp_path, [child("7", ON_TIME), child("000123/A", bad)])
    with pytest.raises(InputErrors) as raised:
        read_records(path, ENGLAND)
    assert "Child[2] (LAchildID 000123/A)/CINdetails[1]/Section47[1]/S47ActualStartDate" in str(
        raised.value
    )


# -- what people read: a date beside the figure that would otherwise puzzle ------------------


def test_a_conference_held_on_a_weekend_after_its_due_date_shows_the_due_date(
    tmp_path: Path,
) -> None:
    # A discussion on Fri 2 Jun 2023: the 15th working day after is Fri 23 Jun. A conference
    # on Sat 24 Jun is late by no working day, which reads as a contradiction without the
    # due date beside it.
    path = census(
        tmp_path, [child("000123/A", Section47(start=D(2023, 6, 2), icpc=D(2023, 6, 24)))]
    )
    text = render_text(build_report(read_records(path, ENGLAND), ENGLAND))
    assert (
        "child 000123/A (Child[1]/CINdetails[1]/Section47[1]) on 2023-06-24 (due 2023-06-23): "
        in (text)
    )
    assert "15 working days, 0 working day(s) late" in text


def test_a_recorded_target_on_a_weekend_beside_the_due_date_says_so(tmp_path: Path) -> None:
    # Due Fri 23 Jun 2023; the council recorded Sun 25 Jun: no working day between them.
    s47 = Section47(start=D(2023, 6, 2), target=D(2023, 6, 25), icpc=D(2023, 6, 20))
    text = render_text(
        build_report(read_records(census(tmp_path, [child("C1", s47)]), ENGLAND), ENGLAND)
    )
    assert (
        "recorded 2023-06-25, due 2023-06-23 (on a weekend or bank holiday just after it)" in text
    )
    assert "+0 working days" not in text
    # Sun 25 Jun before a Monday due date counts as a working day earlier.
    s47 = Section47(start=D(2023, 6, 5), target=D(2023, 6, 25), icpc=D(2023, 6, 20))
    text = render_text(
        build_report(read_records(census(tmp_path, [child("C1", s47)]), ENGLAND), ENGLAND)
    )
    assert "recorded 2023-06-25, due 2023-06-26 (-1 working days)" in text


def test_why_a_figure_is_not_judged_is_said_in_welsh(tmp_path: Path) -> None:
    path = census(tmp_path, [child("C1", LATE)])
    text = run("report", str(path), "--language", "cy")
    assert "heb ei gofnodi yn y fformat hwn" in text  # no core group date in a census
    assert "nid oes cyswllt teulu yn y ffeil" in text  # no family link
    assert "not recorded in this format" not in text
    assert "the file has no family link" not in text
    assert "Tabl C4 y DfE, blwyddyn y cyfrifiad 1 Ebrill 2023 hyd at 31 Mawrth 2024" in text
    assert "(yn Saesneg): anhysbys" not in text  # translated, so not labelled as English


def test_a_chart_leaves_out_a_series_with_no_values(tmp_path: Path) -> None:
    # By conference is not known for a census: no empty bars, no legend entry for it.
    page = render_html(
        build_report(read_records(census(tmp_path, [child("C1", LATE)]), ENGLAND), ENGLAND)
    )
    assert ">by child</text>" in page
    assert ">by conference</text>" not in page


def test_a_conference_before_its_s47_start_is_said_to_be_left_out_of_timeliness(
    tmp_path: Path,
) -> None:
    # C4 counts it in the total with no duration; the timeliness figure must say it is not in.
    early = Section47(start=D(2023, 6, 5), icpc=D(2023, 6, 1))
    path = census(tmp_path, [child("C1", early, ON_TIME)])
    report = build_report(read_records(path, ENGLAND), ENGLAND)
    text = render_text(report)
    assert "by child:      100.0% (1 of 1)" in text
    assert "not counted: 1 initial conference(s) recorded before their S47 start" in text
    assert "recorded before their S47 start" in render_html(report)
    data = to_data(report)
    assert data["initial_conference_timeliness"]["not_counted_before_s47_start"] == 1
    assert data["dfe_c4"]["icpc"] == 2
