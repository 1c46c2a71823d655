from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_report_on_the_shipped_sample_is_the_main_job() -> None:
    code, out, err = run("report")
    assert code == 0, err
    assert "78.3% (94 of 120)" in out
    assert "86.7% (52 of 60)" in out
    assert "19 working days" in out
    assert "synthetic sample year" in out


def test_report_json_has_the_promised_shape() -> None:
    code, out, _ = run("report", "--format", "json")
    assert code == 0
    data = json.loads(out)
    icpc = data["initial_conference_timeliness"]
    assert icpc["by_child"] == {"on_time": 94, "total": 120, "percent": 78.3}
    assert icpc["by_conference"] == {"on_time": 52, "total": 60, "percent": 86.7}
    assert icpc["max_working_days"] == 19
    assert {"review_timeliness", "core_group_timeliness", "quoracy", "participation"} <= set(data)


def test_report_csv_one_row_per_child_per_conference() -> None:
    code, out, _ = run("report", "--format", "csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith(
        "row,child_id,conference_id,conference_type,conference_date,due_date"
    )
    assert len(lines) == 1 + 274  # every row of the shipped sample


def test_report_html_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, _, err = run("report", "--format", "html", "--output", str(target))
    assert code == 0
    assert f"wrote {target}" in err
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert page.count("<svg") == 4  # initial by period, bands, reviews by period, quoracy


def test_half_years_and_calendar_years() -> None:
    code, out, _ = run("report", "--format", "json", "--period", "half_year", "--calendar-years")
    assert code == 0
    periods = [p["period"] for p in json.loads(out)["initial_conference_timeliness"]["by_period"]]
    assert periods == ["2024 H1", "2024 H2", "2025 H1"]


def test_bad_input_lists_every_problem_and_stops(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "A,C1,initial,2015-01-08,2015-01-12\n"
        "B,C2,annual,2015-01-08,2014-12-15\n",
        encoding="utf-8",
    )
    code, out, err = run("report", str(path))
    assert code == 1
    assert out == ""
    assert "2 problem(s)" in err
    assert (
        "row 2, column 'conference_date': the conference is before its strategy discussion" in err
    )
    assert "row 3, column 'conference_type'" in err
    code, out, err = run("report", str(path), "--skip-invalid", "--format", "json")
    assert code == 0
    assert json.loads(out)["records"]["skipped_rows"] == 2
    assert "Skipped 2 row(s)" in err


@pytest.mark.parametrize("ruleset", ["wales", "guernsey"])
def test_other_rule_sets(tmp_path: Path, ruleset: str) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "A,C1,initial,2016-01-08,2015-12-14\n",
        encoding="utf-8",
    )
    code, out, _ = run("report", str(path), "--ruleset", ruleset, "--format", "json")
    assert code == 0
    assert json.loads(out)["initial_conference_timeliness"]["by_child"]["total"] == 1
