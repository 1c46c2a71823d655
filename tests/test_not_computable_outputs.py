"""A due date past the calendar's coverage is listed as not computable, never fatal (issue 19).

Before, one such row stopped the whole ``report`` and ``due`` run with an error. The worklist
names each such action's conference and children in every output, and one the rule set has no
rule for (Scotland has no 'icpc') is listed as not assessed: nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from safeguarding_rules import calendar_for, get_rule_set, to_data
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_conference_records
from safeguarding_rules.reports import build_report, due_actions

RECORDS = """child_id,conference_id,conference_type,conference_date,strategy_discussion_date,core_group_date
C1,K1,initial,2030-11-20,2030-11-01,
C2,K2,initial,,2030-12-20,
"""


def _file(tmp_path: Path, text: str = RECORDS) -> Path:
    path = tmp_path / "records.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_array_counts_past_the_coverage_give_nat_only_where_asked() -> None:
    cal = calendar_for("england")
    days = np.array(["2030-11-01", "2030-12-20"], dtype="datetime64[D]")
    due = cal.add_working_days_array(days, 15, beyond="nat")
    assert due[0] == np.datetime64("2030-11-22")
    assert np.isnat(due[1])


def test_the_worklist_lists_what_it_cannot_date(tmp_path: Path) -> None:
    england = get_rule_set("england")
    records = read_conference_records(_file(tmp_path), calendar_for("england"))
    worklist = due_actions(records, england, as_of=dt.date(2030, 12, 22), within=None)
    assert [a.deadline.rule.id for a in worklist] == ["first_core_group"]
    assert sorted(item.rule.id for item in worklist.not_computable) == ["first_review", "icpc"]
    assert all("coverage" in item.reason for item in worklist.not_computable)


def test_due_names_them_in_text_and_on_stderr_for_json(tmp_path: Path) -> None:
    path = str(_file(tmp_path))
    text = CliRunner().invoke(main, ["due", path, "--as-of", "2030-12-22", "--within", "999"])
    assert text.exit_code == 0, text.output
    assert text.output.count("NOT COMPUTABLE") == 2
    runner = CliRunner()
    as_json = runner.invoke(
        main, ["due", path, "--as-of", "2030-12-22", "--within", "999", "--format", "json"]
    )
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert len(data["actions"]) == 1
    assert [(item["rule"], item["conference_id"], item["children"]) for item in
            data["not_computable"]] == [("first_review", "K1", ["C1"]), ("icpc", "K2", ["C2"])]  # fmt: skip
    assert "2 action(s) have no computable due date" in as_json.stderr


def test_the_report_assesses_the_rest_and_counts_the_row_it_cannot_date(tmp_path: Path) -> None:
    england = get_rule_set("england")
    records = read_conference_records(_file(tmp_path), calendar_for("england"))
    icpc = to_data(build_report(records, england))["initial_conference_timeliness"]
    assert icpc["not_computable"] == 1
    assert icpc["by_child"] == {"on_time": 1, "total": 1, "percent": 100.0}
    result = CliRunner().invoke(main, ["report", str(_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "NOT COMPUTABLE: 1 child(ren)" in result.output


#: The tester's file: one initial conference not yet held whose due date is past 2030, one
#: held on 2030-12-23 (its core group and review past 2030 too), one long past.
EDGE = """child_id,conference_id,conference_type,conference_date,strategy_discussion_date,previous_conference_date,core_group_date
0008001,IC20,initial,,2030-12-20,,
0008002,IC21,initial,2030-12-23,2030-12-02,,
0008003,IC22,initial,2025-01-21,2024-12-31,,
"""


def _edge(tmp_path: Path) -> str:
    return str(_file(tmp_path, EDGE))


def test_due_text_names_each_undated_action_and_counts_it_in_the_header(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["due", _edge(tmp_path), "--as-of", "2030-12-24"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "2 action(s) due by 2031-01-21 (as of 2030-12-24), rule set 'england'; "
        "3 not computable, listed below."
    )
    undated = [line for line in lines if "NOT COMPUTABLE" in line]
    assert [line.split(": not computable")[0] for line in undated] == [
        "  NOT COMPUTABLE Initial child protection conference: conference IC20 (children: 0008001)",
        "  NOT COMPUTABLE First core group meeting: conference IC21 (children: 0008002)",
        "  NOT COMPUTABLE First review child protection conference: conference IC21 "
        "(children: 0008002)",
    ]
    assert "None" not in result.stdout
    assert "nan" not in result.stdout


def test_due_json_carries_the_undated_actions_and_matches_its_schema(tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator

    from safeguarding_rules.reports import json_schema

    result = CliRunner().invoke(
        main, ["due", _edge(tmp_path), "--as-of", "2030-12-24", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    Draft202012Validator(json_schema("worklist")).validate(data)
    assert len(data["actions"]) == 2
    assert [(i["rule"], i["conference_id"], i["children"], i["start"]) for i in
            data["not_computable"]] == [
        ("icpc", "IC20", ["0008001"], "2030-12-20"),
        ("first_core_group", "IC21", ["0008002"], "2030-12-23"),
        ("first_review", "IC21", ["0008002"], "2030-12-23"),
    ]  # fmt: skip
    assert all("coverage" in item["reason"] for item in data["not_computable"])
    assert data["not_assessed"] == []


def test_due_ics_names_and_counts_on_stderr_what_it_cannot_hold(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["due", _edge(tmp_path), "--as-of", "2030-12-24", "--format", "ics"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("BEGIN:VEVENT") == 2
    assert (
        "3 action(s) have no computable due date (not in the iCalendar file: an event needs "
        "a date):" in result.stderr
    )
    for conference, child in (("IC20", "0008001"), ("IC21", "0008002")):
        assert f"conference {conference} (children: {child})" in result.stderr


def test_due_in_welsh_lists_the_undated_actions_in_its_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["due", _edge(tmp_path), "--as-of", "2030-12-24", "--language", "cy"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith("; dim modd eu cyfrifo: 3, wedi'u rhestru isod.")
    assert sum("DIM MODD EI GYFRIFO" in line for line in lines) == 3
    assert "cynhadledd IC20 (plant: 0008001): dim modd ei gyfrifo o 2030-12-20" in result.stdout


def test_the_report_names_the_children_it_cannot_date(tmp_path: Path) -> None:
    path = str(_file(tmp_path))
    text = CliRunner().invoke(main, ["report", path])
    assert text.exit_code == 0, text.output
    lines = text.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "NOT COMPUTABLE: 1 child(ren)" in line)
    assert lines[at + 1] == "    conference K2 (children: C2), strategy discussion 2030-12-20"
    page = CliRunner().invoke(main, ["report", path, "--format", "html"])
    assert page.exit_code == 0, page.output
    assert "NOT COMPUTABLE: 1 child(ren)" in page.stdout
    assert "<li>conference K2 (children: C2), strategy discussion 2030-12-20</li>" in page.stdout
    welsh = CliRunner().invoke(main, ["report", path, "--language", "cy"])
    assert welsh.exit_code == 0, welsh.output
    assert "cynhadledd K2 (plant: C2), trafodaeth strategaeth" in welsh.stdout
    england = get_rule_set("england")
    records = read_conference_records(_file(tmp_path), calendar_for("england"))
    icpc = to_data(build_report(records, england))["initial_conference_timeliness"]
    assert icpc["not_computable_conferences"] == [
        {"conference_id": "K2", "child_ids": ["C2"], "strategy_discussion_date": "2030-12-20"}
    ]


#: An initial conference never held (strategy discussion 2025-03-20), and one held in 2012
#: with no core group recorded, before Scotland's first core group rule (2014).
UNHELD = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "core_group_date\n"
    "0003001,IC5,initial,,2025-03-20,\n"
    "0004001,IC7,initial,2012-06-04,2012-05-21,\n"
)


def test_england_lists_the_initial_conference_never_held(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["due", str(_file(tmp_path, UNHELD)), "--as-of", "2025-05-01"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "  2025-04-10 OVERDUE Initial child protection conference: conference IC5 "
        "(children: 0003001)" in result.stdout
    )


def test_scotland_says_why_it_does_not_list_the_initial_conference_never_held(
    tmp_path: Path,
) -> None:
    """Scotland counts its initial conference from the notification of concern and has no
    'icpc' rule: the conference is named as not assessed, never dropped silently."""
    path = _file(tmp_path, UNHELD)
    scotland = get_rule_set("scotland")
    records = read_conference_records(path, calendar_for("scotland"))
    worklist = due_actions(records, scotland, as_of=dt.date(2025, 5, 1), within=None)
    assert [(i.rule_id, i.conference_id, i.children, i.rule_in_rule_set, i.reason)
            for i in worklist.not_assessed] == [
        ("first_core_group", "IC7", ("0004001",), True,
         "no edition of rule 'first_core_group' covers 2012-06-04"),
        ("icpc", "IC5", ("0003001",), False, "the rule set has no rule 'icpc'"),
    ]  # fmt: skip
    due = ["due", str(path), "--ruleset", "scotland", "--as-of", "2025-05-01"]
    result = CliRunner().invoke(main, due)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith("rule set 'scotland'; 2 not assessed, listed below.")
    assert (
        "  NOT ASSESSED Initial child protection conference: conference IC5 (children: "
        "0003001): not assessed: the rule set has no rule 'icpc'" in lines
    )
    as_json = CliRunner().invoke(main, [*due, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert [(i["rule"], i["conference_id"], i["children"]) for i in data["not_assessed"]] == [
        ("first_core_group", "IC7", ["0004001"]),
        ("icpc", "IC5", ["0003001"]),
    ]
    assert "2 action(s) not assessed:" in as_json.stderr


def test_the_report_names_the_children_whose_conference_is_not_yet_held(tmp_path: Path) -> None:
    # IC5: strategy discussion Thu 20 Mar 2025, 15 working days on: Thu 10 Apr (no holiday);
    # K2 (in RECORDS): its due date is past the calendar's coverage.
    for text, name, expected in (
        (UNHELD, "unheld.csv",
         "    conference IC5 (children: 0003001), strategy discussion 2025-03-20, due 2025-04-10"),
        (RECORDS, "records.csv",
         "    conference K2 (children: C2), strategy discussion 2030-12-20, due date not "
         "computable"),
    ):  # fmt: skip
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["report", str(path)])
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        at = lines.index("  not yet held: 1 child(ren)")
        assert lines[at + 1] == expected
        page = CliRunner().invoke(main, ["report", str(path), "--format", "html"])
        assert f"<li>{expected.strip()}</li>" in page.stdout
    icpc = json.loads(
        CliRunner()
        .invoke(main, ["report", str(tmp_path / "unheld.csv"), "--format", "json"])
        .stdout
    )["initial_conference_timeliness"]
    assert icpc["pending_conferences"] == [
        {
            "conference_id": "IC5",
            "child_ids": ["0003001"],
            "strategy_discussion_date": "2025-03-20",
            "due_date": "2025-04-10",
        }
    ]
