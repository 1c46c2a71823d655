"""Attendance matched to the conference records by conference id (report --attendance).

A conference whose type or date in the attendance file is not the records' is a problem
(file, row, field, both values) that refuses the run unless --skip-invalid, and is named in
the report and not counted; one the records do not hold is counted and named.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from safeguarding_rules import get_rule_set
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_attendance, read_records
from safeguarding_rules.reports import build_report, render_text

RECORDS = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
    "0001134,IC1,initial,2025-01-16,2024-12-20\n"
    "0001135,IC1,initial,2025-01-16,2024-12-20\n"
    "0003001,IC5,initial,,2025-03-20\n"
)
HEADER = "conference_id,conference_type,conference_date,agency,mode,direct_contact\n"
# IC1 as a review a year later: three agencies in person, quorate if it were counted.
NOT_AS_RECORDED = HEADER + "".join(
    f"IC1,review,2026-03-16,{agency},in_person,yes\n"
    for agency in ("childrens_social_care", "Police", "Health visitor")
)
# IC9 is in no records; IC5 is undated in the records (the attendance file dates it).
NOT_IN_RECORDS = (
    HEADER
    + "IC1,initial,2025-01-16,childrens_social_care,in_person,yes\n"
    + "IC1,initial,2025-01-16,Police,apologies,yes\n"
    + "IC5,initial,2025-04-09,childrens_social_care,in_person,yes\n"
    + "IC9,initial,2025-01-16,Police,in_person,yes\n"
)


def files(tmp_path: Path, attendance: str) -> tuple[str, str]:
    records, present = tmp_path / "conf.csv", tmp_path / "att.csv"
    records.write_text(RECORDS, encoding="utf-8")
    present.write_text(attendance, encoding="utf-8")
    return str(records), str(present)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_conference_not_as_recorded_refuses_the_run_naming_both_values(tmp_path: Path) -> None:
    records, attendance = files(tmp_path, NOT_AS_RECORDED)
    code, out, err = run("report", records, "--attendance", attendance)
    assert code != 0
    assert out == ""
    assert (
        f"{attendance}, row 2, column 'conference_type': conference 'IC1' has conference_type "
        f"'review' here but 'initial' in the records ({records}, row 2)"
    ) in err
    assert f"{attendance}, row 2, column 'conference_date'" in err
    assert "'2026-03-16' here but '2025-01-16' in the records" in err


def test_skipped_it_is_not_counted_and_the_report_names_it(tmp_path: Path) -> None:
    records, attendance = files(tmp_path, NOT_AS_RECORDED)
    code, out, err = run("report", records, "--attendance", attendance, "--skip-invalid")
    assert code == 0, err
    assert "skipped: " in err
    assert "quorate: n/a (none)" in out
    assert (
        "1 conference(s) of the attendance file not counted: they disagree with the records" in out
    )
    assert "IC1: conference_type review in the attendance file, initial in the records" in out
    assert (
        "IC1: conference_date 2026-03-16 in the attendance file, 2025-01-16 in the records" in out
    )
    assert "2025-26 Q4" not in out
    # No conference left to count: said in words, not a heading over nothing.
    assert "  agency participation: no conference counted\n" in out
    code, out, _ = run("report", records, "--attendance", attendance, "--skip-invalid",
                       "--format", "json")  # fmt: skip
    quoracy = json.loads(out)["quoracy"]
    assert quoracy["conferences"]["total"] == 0
    assert quoracy["not_as_recorded"] == [
        {"conference_id": "IC1", "field": "conference_type", "attendance": "review",
         "records": "initial"},
        {"conference_id": "IC1", "field": "conference_date", "attendance": "2026-03-16",
         "records": "2025-01-16"},
    ]  # fmt: skip
    assert json.loads(out)["participation"] == []
    code, out, _ = run("report", records, "--attendance", attendance, "--skip-invalid",
                       "--format", "html")  # fmt: skip
    assert (
        "<li>IC1: conference_type review in the attendance file, initial in the records</li>" in out
    )
    assert "agency participation: no conference counted" in out
    assert "<th>agency</th>" not in out
    assert "<svg" not in out.split("Quoracy", 1)[1].split("<h2", 1)[0]  # no empty chart
    code, out, _ = run("report", records, "--attendance", attendance, "--skip-invalid",
                       "--language", "cy")  # fmt: skip
    assert "IC1: conference_type review yn y ffeil bresenoldeb, initial yn y cofnodion" in out


def test_a_conference_not_in_the_records_is_counted_and_named(tmp_path: Path) -> None:
    records, attendance = files(tmp_path, NOT_IN_RECORDS)
    code, out, err = run("report", records, "--attendance", attendance)
    assert code == 0, err
    line = (
        "1 conference(s) of the attendance file not in the records, counted from the "
        "attendance file alone: IC9"
    )
    assert line in out
    assert "not in the records: 'IC9'" in err
    assert "quorate: 0.0% (0 of 3)" in out
    code, out, _ = run("report", records, "--attendance", attendance, "--format", "json")
    data = json.loads(out)
    assert data["quoracy"]["not_in_records"] == ["IC9"]
    assert "not_as_recorded" not in data["quoracy"]  # IC5: dated in one file only
    police = next(p for p in data["participation"] if p["agency"] == "police")
    assert police["took_part"]["total"] == 2
    code, out, _ = run("report", records, "--attendance", attendance, "--format", "html")
    assert f"<p>{line}</p>" in out
    code, out, _ = run("report", records, "--attendance", attendance, "--language", "cy")
    assert "nad ydynt yn y cofnodion" in out
    assert "(IC9)" in out


def test_without_a_records_file_the_attendance_is_not_matched(tmp_path: Path) -> None:
    _, attendance = files(tmp_path, NOT_AS_RECORDED)
    code, out, err = run("report", "--attendance", attendance, "--format", "json")
    assert code == 0, err
    quoracy = json.loads(out)["quoracy"]
    assert quoracy["conferences"] == {"on_time": 1, "total": 1, "percent": 100.0}
    assert "not_in_records" not in quoracy
    assert "not_as_recorded" not in quoracy


def test_the_sample_attendance_matches_the_sample_records() -> None:
    code, out, err = run("report", "--format", "json")
    assert code == 0, err
    quoracy = json.loads(out)["quoracy"]
    assert quoracy["conferences"]["total"] > 0
    assert "not_in_records" not in quoracy
    assert "not_as_recorded" not in quoracy


def test_the_library_report_leaves_out_a_conference_not_as_recorded(tmp_path: Path) -> None:
    records, attendance = files(tmp_path, NOT_AS_RECORDED)
    england = get_rule_set("england")
    conferences, _ = read_attendance(attendance)
    report = build_report(read_records(records, england), england, attendance=conferences)
    assert report.indicators["quoracy"].conferences.total == 0
    assert [d.field for d in report.indicators["quoracy"].not_as_recorded] == [
        "conference_type",
        "conference_date",
    ]
    unmatched = build_report(
        read_records(records, england), england, attendance=conferences, match_attendance=False
    )
    assert unmatched.indicators["quoracy"].conferences.total == 1
    assert "not counted" not in render_text(unmatched)
