"""``report`` and ``due`` on a CIN census, an Annex A workbook and a mapped export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main
from safeguarding_rules.records import InputFormat, detect_format
from safeguarding_rules.testing.returns import (
    LIST_5_HEADINGS,
    CensusChild,
    Episode,
    Plan,
    Section47,
    write_annex_a,
    write_cin_census,
)

D = dt.date


@pytest.fixture
def census(tmp_path: Path) -> Path:
    path = tmp_path / "return.xml"  # the extension is not what decides
    children = [
        CensusChild(child_id="C1", episodes=[Episode(
            section47s=[Section47(start=D(2023, 6, 5), target=D(2023, 6, 20), icpc=D(2023, 6, 30))],
            plans=[Plan(start=D(2023, 6, 30), reviews=[D(2023, 9, 25)])],
        )]),
        CensusChild(child_id="C2", episodes=[Episode(section47s=[Section47(start=D(2024, 3, 25))])]),
    ]  # fmt: skip
    write_cin_census(path, children, reference_date=D(2024, 3, 31))
    return path


def test_report_json_on_a_census(census: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(census), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["input_format"] == "cin-census"
    assert summary["dfe_c4"]["section47"] == 2
    assert summary["dfe_c4"]["bands"]["16-20"] == 1
    assert summary["recorded_targets"]["differing"] == 1
    assert summary["recorded_targets"]["rows"][0]["likely_causes"] == ["counted 15 calendar days"]
    assert summary["initial_conference_timeliness"]["by_conference"]["percent"] is None


@pytest.mark.parametrize("output_format", ["text", "html", "csv"])
def test_every_output_on_a_census(census: Path, output_format: str) -> None:
    result = CliRunner().invoke(main, ["report", str(census), "--format", output_format])
    assert result.exit_code == 0, result.output
    if output_format == "text":
        assert "DfE table C4" in result.output
        assert "no family link" in result.output
        assert "counted 15 calendar days" in result.output
    if output_format == "html":
        assert "DfE table C4" in result.output
        assert "Percentiles: UNCONFIRMED" in result.output


def test_due_on_a_census(census: Path) -> None:
    result = CliRunner().invoke(main, ["due", str(census), "--as-of", "2024-03-28"])
    assert result.exit_code == 0, result.output
    assert "Child[2]/CINdetails[1]/Section47[1]" in result.output


def test_report_on_an_annex_a(tmp_path: Path) -> None:
    path = tmp_path / "annex.xlsx"
    rows = [[1.0, "a) Male", D(2023, 4, 3), "b) No", D(2023, 4, 24), "a) Yes", "T"]]
    write_annex_a(path, {"List 5": (LIST_5_HEADINGS, rows)})
    result = CliRunner().invoke(main, ["report", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["input_format"] == "annex-a"
    assert summary["initial_conference_timeliness"]["by_child"]["on_time"] == 1


def test_report_on_a_mapped_export(tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        '[columns]\nchild_id = "Person"\nconference_id = "Meeting"\n'
        'conference_type = "Type"\nconference_date = "Date"\n'
        'strategy_discussion_date = "Strategy"\n[values.conference_type]\ninitial = "ICPC"\n',
        encoding="utf-8",
    )
    export = tmp_path / "export.csv"
    export.write_text("Person,Meeting,Type,Date,Strategy\nP1,M1,ICPC,24/04/2023,03/04/2023\n")
    result = CliRunner().invoke(
        main, ["report", str(export), "--mapping", str(mapping), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["initial_conference_timeliness"]["by_conference"] == {
        "on_time": 1, "total": 1, "percent": 100.0
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "arguments", "message"),
    [
        ("a.xml", "<Report/>", [], "not a DfE CIN census return"),
        ("b.xml", "<Message><Children>", [], "not well-formed XML"),
        ("c.csv", "child_id\n", ["--input-format", "cin-census"], "not a DfE CIN census"),
        ("d.xlsx", "not a workbook", ["--input-format", "annex-a"], "not a readable workbook"),
    ],
)
def test_bad_input_exits_1_without_a_traceback(
    tmp_path: Path, name: str, content: str, arguments: list[str], message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(path), *arguments])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_1960s_census_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "sample.xml"
    child = CensusChild(child_id="DfEX0000001", episodes=[Episode(
        referral=D(1970, 10, 6),
        section47s=[Section47(start=D(1970, 6, 2), target=D(1970, 6, 23), icpc=D(1970, 6, 17))],
    )])  # fmt: skip
    write_cin_census(path, [child], reference_date=D(2022, 3, 31))
    result = CliRunner().invoke(main, ["report", str(path)])
    assert result.exit_code == 1
    assert "outside the england-and-wales calendar's coverage" in result.output
    assert "/CINdetails[1]/Section47[1]/S47ActualStartDate" in result.output


def test_the_content_decides_not_the_name(tmp_path: Path, census: Path) -> None:
    renamed = tmp_path / "census_export.txt"
    renamed.write_bytes(census.read_bytes())
    assert detect_format(renamed) is InputFormat.CIN_CENSUS
    workbook = tmp_path / "annex.csv"
    write_annex_a(workbook, {"List 5": (LIST_5_HEADINGS, [])})
    assert detect_format(workbook) is InputFormat.ANNEX_A
    result = CliRunner().invoke(main, ["report", str(workbook), "--input-format", "csv"])
    assert result.exit_code == 1
    assert "this is a workbook, not a CSV or JSON-lines file" in result.output
