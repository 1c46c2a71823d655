"""Broken conference-records files: every row lost is named and counted (issue 16)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules import calendar_for
from safeguarding_rules.cli import main
from safeguarding_rules.records import InputErrors, read_conference_records

CAL = calendar_for("england-and-wales")
HEADER = "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,reason_for_delay\n"
ROW = "{child},{conference},initial,2015-01-08,2014-12-15,{reason}\n"


def row(child: str, reason: str = "") -> str:
    return ROW.format(child=child, conference="K" + child, reason=reason)


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "records.csv"
    path.write_bytes((HEADER + text).encode(encoding))
    return path


def refused(path: Path) -> list[str]:
    with pytest.raises(InputErrors) as info:
        read_conference_records(path, CAL)
    return [str(p) for p in info.value.problems]


def test_an_unclosed_quote_is_named_not_swallowing_rows(tmp_path: Path) -> None:
    path = write(tmp_path, row("A", '"chair ill') + row("B") + row("C"))
    (found,) = refused(path)
    assert "row 2, column 'reason_for_delay'" in found
    assert 'closing quote (") missing' in found
    assert "value 'chair ill'" in found
    records = read_conference_records(path, CAL, skip_invalid=True)
    assert len(records) == 0
    assert records.skipped_rows == 1


def test_rows_after_a_closed_runaway_quote_are_still_read(tmp_path: Path) -> None:
    path = write(tmp_path, row("A", '"chair ill') + row("B") + row("C", 'x"') + row("D"))
    records = read_conference_records(path, CAL, skip_invalid=True)
    assert records.child_id.tolist() == ["D"]
    assert [p.row for p in records.problems] == [2]
    assert records.rows.tolist() == [3]


def test_a_quoted_line_break_in_free_text_is_kept(tmp_path: Path) -> None:
    records = read_conference_records(
        write(tmp_path, row("A", '"chair ill\nagain"') + row("B")), CAL
    )
    assert records.reason_for_delay.tolist() == ["chair ill\nagain", ""]
    assert records.problems == ()


def test_a_line_break_in_an_id_is_refused(tmp_path: Path) -> None:
    found = refused(write(tmp_path, '"A\nB",K1,initial,2015-01-08,2014-12-15,\n'))
    assert any("row 2, column 'child_id'" in p and "2 lines" in p for p in found), found


def test_ragged_rows_are_counted_and_listed_when_skipped(tmp_path: Path) -> None:
    body = row("A").replace("\n", ",extra\n") + "B,KB,initial\n" + row("C")
    path = write(tmp_path, body)
    records = read_conference_records(path, CAL, skip_invalid=True)
    assert records.child_id.tolist() == ["C"]
    assert records.rows.tolist() == [4]
    assert records.skipped_rows == 2
    assert [str(p).split(": ", 1)[1] for p in records.problems] == [
        "7 values for 6 header columns",
        "3 values for 6 header columns",
    ]
    result = CliRunner().invoke(main, ["report", str(path), "--format", "json", "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert "Skipped 2 row(s) with 2 problem(s)" in result.stderr
    summary = json.loads(result.stdout)
    assert summary["records"]["skipped_rows"] == 2
    text = CliRunner().invoke(main, ["report", str(path), "--skip-invalid"]).stdout
    assert "2 rows skipped" in text


def test_a_value_longer_than_arrows_block_is_read(tmp_path: Path) -> None:
    long_reason = "x" * 3_500_000
    records = read_conference_records(write(tmp_path, row("A", long_reason) + row("B")), CAL)
    assert records.child_id.tolist() == ["A", "B"]
    assert len(records.reason_for_delay[0]) == len(long_reason)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_says_what_to_do(tmp_path: Path, encoding: str) -> None:
    text = "\ufeff" + HEADER + row("A") if encoding == "utf-16-le" else HEADER + row("A")
    path = tmp_path / "records.csv"
    path.write_bytes(text.encode(encoding))
    (found,) = refused(path)
    assert found.startswith(f"{path}, row 1: this file is UTF-16 text, not UTF-8")
    assert "CSV UTF-8" in found


def test_latin1_names_the_row_and_column(tmp_path: Path) -> None:
    (found,) = refused(write(tmp_path, row("A") + row("B", "café shut"), "latin-1"))
    assert "row 3, column 'reason_for_delay': not UTF-8 text" in found
    assert "CSV UTF-8" in found


def test_latin1_far_into_a_file_names_the_row(tmp_path: Path) -> None:
    body = "".join(row(f"A{i}") for i in range(5000)) + row("B", "café shut")
    (found,) = refused(write(tmp_path, body, "latin-1"))
    assert "row 5002, column 'reason_for_delay': not UTF-8 text" in found


def test_a_workbook_given_as_csv_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
    (found,) = refused(path)
    assert "an Excel workbook (.xlsx)" in found
    assert "CSV UTF-8" in found
    result = CliRunner().invoke(main, ["report", str(path)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
