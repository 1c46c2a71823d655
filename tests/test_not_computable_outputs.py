"""A due date past the calendar's coverage is listed as not computable, never fatal (issue 19).

Before, one such row stopped the whole ``report`` and ``due`` run with an error.
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


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "late.csv"
    path.write_text(RECORDS, encoding="utf-8")
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
    assert len(json.loads(as_json.stdout)) == 1
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
