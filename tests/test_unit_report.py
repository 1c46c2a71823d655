"""The whole unit's report: adult enquiries and return interviews beside the children's.

Expected figures are counted by hand from the rows below (England-and-Wales bank holidays:
early May bank holiday Monday 6 May 2024; Good Friday and Easter Monday 29 March and 1 April).
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules import calendar_for, get_rule_set, to_data
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_adult_enquiries, read_missing_episodes
from safeguarding_rules.reports import render_ics
from safeguarding_rules.reports.unit import (
    build_adult_section,
    build_missing_section,
    build_unit_report,
)
from safeguarding_rules.reports.unit_render import render_unit_html, render_unit_text
from safeguarding_rules.reports.unit_worklist import case_due_actions, render_worklist_text

CAL = calendar_for("england-and-wales")
ADULTS = """enquiry_id,adult_id,report_received_date,enquiry_concluded_date,strategy_required,strategy_date
E1,A1,2024-03-28,2024-04-10,,
E2,A1,2024-03-28,2024-04-11,,
E3,A2,2024-06-03,,,
E4,A3,2024-06-26,,,
E5,A4,2024-05-01,2024-05-08,yes,2024-05-20
"""
MISSING = """episode_id,child_id,returned_at,interview_at,interview_declined
P1,C1,2024-03-29T18:00,2024-04-01T19:00,
P2,C1,2024-03-29T18:00,2024-04-01T19:01,
P3,C2,2024-03-29,2024-04-01,
P4,C2,2024-04-02,,yes
P5,C3,2024-04-10,,
P6,C3,2024-04-29,,
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    adults, missing = tmp_path / "adults.csv", tmp_path / "missing.csv"
    adults.write_text(ADULTS, encoding="utf-8")
    missing.write_text(MISSING, encoding="utf-8")
    return adults, missing


def test_wales_adult_enquiries_by_enquiry_and_by_adult(files: tuple[Path, Path]) -> None:
    section = build_adult_section(
        read_adult_enquiries(files[0], CAL), get_rule_set("wales"), as_of=dt.date(2024, 6, 30)
    ).summary
    enquiries = section["enquiries"]
    # E1 7 WD on time; E2 8 WD, 1 late; E5 4 WD (6 May skipped) on time.
    assert enquiries["by_enquiry"] == {"on_time": 2, "total": 3, "percent": 66.7}
    assert enquiries["by_adult"] == {"on_time": 1, "total": 2, "percent": 50.0}  # A1 no, A4 yes
    assert enquiries["bands"] == {"0-7": 2, "8-14": 1, "15-21": 0, "22+": 0}
    assert [(r["enquiry_id"], r["working_days_late"]) for r in enquiries["late"]] == [("E2", 1)]
    # E3: due Wed 12 Jun 2024, open on 30 June; E4 due 5 July, not yet.
    assert [(r["enquiry_id"], r["due"]) for r in enquiries["open_overdue"]] == [
        ("E3", "2024-06-12")
    ]
    # E5's strategy meeting: due Fri 17 May (7 WD from 8 May), held 20 May: late.
    assert section["strategy"]["by_enquiry"] == {"on_time": 0, "total": 1, "percent": 0.0}
    assert section["strategy"]["overdue"] == 0  # E1, E2 needed none
    assert {u["rule"] for u in section["rules_used"]} == {"adult_enquiry", "adult_strategy"}
    assert section["not_encoded"] == []


def test_england_shows_elapsed_days_but_no_bands_of_lateness(files: tuple[Path, Path]) -> None:
    section = build_adult_section(
        read_adult_enquiries(files[0], CAL), get_rule_set("england"), as_of=dt.date(2024, 6, 30)
    ).summary
    enquiries = section["enquiries"]
    assert not enquiries["assessed"]
    assert enquiries["by_enquiry"]["total"] == 0
    assert enquiries["late"] == []
    assert enquiries["open_overdue"] == []
    assert enquiries["bands_basis"] is None
    assert enquiries["max_working_days"] == 8
    (gap,) = section["not_encoded"]
    assert gap["rule"] == "adult_enquiry"
    assert "no national timescale" in gap["statement"]
    assert gap["items"] == 5
    text = render_unit_text(build_unit_report(
        get_rule_set("england"), as_of=dt.date(2024, 6, 30),
        adults=read_adult_enquiries(files[0], CAL)))  # fmt: skip
    assert "Not assessed against a timescale" in text
    assert "England sets no national timescale for s42 enquiries" in text


def test_return_interviews_by_episode_and_by_child(files: tuple[Path, Path]) -> None:
    section = build_missing_section(
        read_missing_episodes(files[1], CAL), get_rule_set("england"), as_of=dt.date(2024, 4, 30)
    ).summary
    ri = section["return_interviews"]
    # P1 exactly at the due moment (1 Apr 19:00 BST): on time. P2 one minute later: late.
    assert ri["outcomes"] == {
        "on_time": 2, "late": 1, "declined": 1, "not_held": 1, "still_due": 1, "no_rule": 0
    }  # fmt: skip
    assert ri["by_episode"] == {"on_time": 2, "total": 4, "percent": 50.0}
    assert ri["by_child"] == {"on_time": 1, "total": 3, "percent": 33.3}
    assert ri["date_only"] == 4
    assert ri["bands"] == {"0-1": 0, "2": 0, "3": 3, "4+": 0}
    late = {r["episode_id"]: r for r in ri["late"]}
    assert late["P2"]["due"] == "2024-04-01T19:00+01:00"
    assert late["P5"]["outcome"] == "not_held"
    assert late["P5"]["due"] == "2024-04-13"


def test_scotland_says_no_return_interview_timescale(files: tuple[Path, Path]) -> None:
    section = build_missing_section(
        read_missing_episodes(files[1], CAL), get_rule_set("scotland"), as_of=dt.date(2024, 4, 30)
    ).summary
    assert section["return_interviews"]["outcomes"]["no_rule"] == 6
    assert "no timescale was found" in section["not_encoded"][0]["statement"]


def test_worklist_and_icalendar_include_adult_and_missing_due_dates(
    files: tuple[Path, Path],
) -> None:
    rule_set = get_rule_set("wales")
    adults = read_adult_enquiries(files[0], CAL)
    missing = read_missing_episodes(files[1], CAL)
    actions = case_due_actions(
        rule_set, as_of=dt.date(2024, 4, 30), adults=adults, missing=missing, within=None
    )
    listed = [
        (a.case_id, a.deadline.rule.id, a.deadline.due.isoformat(), a.overdue) for a in actions
    ]
    assert ("P5", "return_interview", "2024-04-13", True) in listed
    assert ("P6", "return_interview", "2024-05-02", False) in listed
    assert ("E3", "adult_enquiry", "2024-06-12", False) in listed
    assert not any(case in {"P1", "P2", "P3", "P4", "E1", "E2", "E5"} for case, *_ in listed)
    ics = render_ics(actions, as_of=dt.date(2024, 4, 30))
    assert "DTSTART;VALUE=DATE:20240612" in ics
    assert "Adult: A2" in ics
    assert "elapsed hours" in ics
    data = to_data(actions)
    assert {"kind", "case_id", "person", "overdue", "due"} <= set(data[0])
    welsh = render_worklist_text(
        actions, rule_set="wales", as_of=dt.date(2024, 4, 30),
        horizon=dt.date(2024, 5, 28), language="cy",
    )  # fmt: skip
    assert "13 Ebrill 2024 HWYR Cyfweliad dychwelyd adref: cyfnod ar goll P5" in welsh


def test_unit_report_serialises_every_section(files: tuple[Path, Path]) -> None:
    report = build_unit_report(
        get_rule_set("wales"),
        as_of=dt.date(2024, 6, 30),
        adults=read_adult_enquiries(files[0], CAL),
        missing=read_missing_episodes(files[1], CAL),
    )
    data = json.loads(json.dumps(to_data(report)))
    assert data["as_of"] == "2024-06-30"
    assert data["children"] is None
    assert data["adults"]["enquiries"]["by_enquiry"]["on_time"] == 2
    assert data["missing"]["return_interviews"]["outcomes"]["on_time"] == 2
    page = render_unit_html(report, language="cy")
    assert page.startswith('<!DOCTYPE html><html lang="cy">')
    assert "<script" not in page


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_conwy_whole_unit_report_in_welsh() -> None:
    code, out, err = run("report", "--ruleset", "conwy", "--language", "cy")
    assert code == 0, err
    for expected in (
        "Adroddiad yr uned ddiogelu: Conwy (extends Wales) (set reolau conwy), ar 29 Mawrth 2025",
        "Plant: cynadleddau amddiffyn plant",
        "Cynadleddau cychwynnol o fewn yr amserlen",
        "fesul plentyn:    78.3% (94 o 120)",
        "fesul cynhadledd: 86.7% (52 o 60)",
        "Oedolion sy'n wynebu risg: ymholiadau diogelu",
        "Plant sydd ar goll o'r cartref neu o ofal: cyfweliadau dychwelyd adref",
        "adult_enquiry (wsp2019)",
        "return_interview (wsp2019)",
    ):
        assert expected in out
    assert "Initial child protection conference" not in out


def test_unit_report_options(tmp_path: Path, files: tuple[Path, Path]) -> None:
    code, out, err = run(
        "report", "--ruleset", "wales", "--unit", "--format", "json",
        "--as-of", "2024-06-30", "--adults", str(files[0]), "--missing", str(files[1]),
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["adults"]["enquiries"]["by_enquiry"]["total"] == 3
    code, out, err = run("report", "--unit", "--format", "csv")
    assert code != 0
    assert "text, html or json" in err + out
    assert "Traceback" not in err + out


def test_due_lists_adult_and_missing_actions_in_welsh(files: tuple[Path, Path]) -> None:
    sample = resources.files("safeguarding_rules") / "data" / "sample_conferences.csv"
    with resources.as_file(sample) as conferences:
        code, out, err = run(
            "due", str(conferences), "--as-of", "2024-04-30", "--ruleset", "wales",
            "--adults", str(files[0]), "--missing", str(files[1]), "--language", "cy",
        )  # fmt: skip
    assert code == 0, err
    assert "cam gweithredu yn ddyledus erbyn 28 Mai 2024" in out
    assert "HWYR Cyfweliad dychwelyd adref: cyfnod ar goll P5 (plentyn C3)" in out


def test_an_interview_in_the_repeated_hour_is_compared_in_elapsed_time(tmp_path: Path) -> None:
    # Returned Thu 24 Oct 2024 02:15 BST (01:15 UTC): due 72 h later, Sun 27 Oct 01:15 UTC,
    # which is 01:15 GMT, in the hour the clocks repeat. An interview at 01:30 on the first
    # pass of that hour (BST, 00:30 UTC) is on time, though its wall clock reads later.
    path = tmp_path / "m.csv"
    path.write_text(
        "episode_id,child_id,returned_at,interview_at\nP1,C1,2024-10-24T02:15,2024-10-27T01:30\n",
        encoding="utf-8",
    )
    section = build_missing_section(
        read_missing_episodes(path, CAL), get_rule_set("england"), as_of=dt.date(2024, 11, 1)
    ).summary
    assert section["return_interviews"]["outcomes"]["on_time"] == 1
