from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from safeguarding_rules.cli import main

HEADER = "conference_id,agency,mode,direct_contact,conference_type,conference_date,fii\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str, name: str = "attendance.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_quoracy_json_per_conference(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "C1,childrens_social_care,in_person,yes,initial,2024-03-01,no\n"
        + "C1,police,in_person,yes,initial,01/03/2024,no\n"
        + "C1,health_visitor,remote,yes,,,\n"
        + "C1,gp,report_only,yes,,,\n"
        + "C2,childrens_social_care,in_person,yes,review,2024-03-04,no\n"
        + "C2,police,in_person,yes,,,\n"
        + "C2,school_nurse,in_person,yes,,,\n",
    )
    code, out, err = run("quoracy", path, "--ruleset", "england", "--format", "json")
    assert code == 0, err
    results = {r["conference_id"]: r for r in json.loads(out)}
    assert results["C1"]["quorate"] is False
    assert results["C1"]["reconvene_due"] == "2024-03-15"
    assert {d["agency"] for d in results["C1"]["not_counted"]} == {"health_visitor", "gp"}
    assert all(d["reason"] for d in results["C1"]["not_counted"])
    assert results["C2"]["quorate"] is True
    assert {d["agency"] for d in results["C2"]["counted"]} == {
        "childrens_social_care",
        "police",
        "school_nurse",
    }
    for result in results.values():
        assert result["rule"]
        assert result["source"]


def test_quoracy_jsonl_input(tmp_path: Path) -> None:
    rows = [
        {"conference_id": "X", "agency": "childrens_social_care", "mode": "in_person",
         "direct_contact": "yes"},
        {"conference_id": "X", "agency": "police", "mode": "remote", "direct_contact": "yes"},
        {"conference_id": "X", "agency": "gp", "mode": "remote", "direct_contact": True},
    ]  # fmt: skip
    path = write(tmp_path, "\n".join(json.dumps(r) for r in rows) + "\n", "attendance.jsonl")
    code, out, _ = run("quoracy", path, "-r", "england", "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["quorate"] is False


def test_bad_rows_are_all_reported_with_file_row_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "C1,police,teleport,maybe,initial,2024-03-01,no\n"
        + ",gp,in_person,yes,initial,2024-03-01,no\n"
        + "C2,police,in_person,yes,initial,2024-03-01,no\n"
        + "C2,gp,in_person,yes,review,2024-03-01,no\n",
    )
    code, out, err = run("quoracy", path, "-r", "england")
    assert code == 1
    assert out == ""
    assert f"{path}, row 2, column 'mode': expected one of" in err
    assert "(value 'teleport')" in err
    assert f"{path}, row 2, column 'direct_contact': expected yes or no (value 'maybe')" in err
    assert f"{path}, row 3, column 'conference_id': a value is required" in err
    assert "column 'conference_type': conference 'C2' has different values" in err
    assert "4 problem(s)" in err


def test_skip_invalid_reports_what_was_skipped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "C1,police,teleport,yes,,,\n"
        + "C1,childrens_social_care,in_person,yes,,,\n"
        + "C2,childrens_social_care,in_person,yes,,,\n",
    )
    code, out, err = run("quoracy", path, "-r", "wales", "--skip-invalid", "--format", "json")
    assert code == 0
    assert [r["conference_id"] for r in json.loads(out)] == ["C2"]
    assert "Skipped 1 problem(s)" in err
    assert "row 2, column 'mode'" in err


def test_missing_columns_and_files(tmp_path: Path) -> None:
    path = write(tmp_path, "conference_id,agency\nC1,police\n")
    code, _, err = run("quoracy", path, "-r", "england")
    assert code == 1
    assert "column 'mode': required column is missing" in err
    code, _, err = run("quoracy", str(tmp_path / "nope.csv"), "-r", "england")
    assert code != 0
    assert "nope.csv" in err
