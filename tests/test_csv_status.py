"""Every row of the CSV output has a status docs/report.md names; none is blank.

Rows no indicator judges (a rule set with no rule for their conference type, transfer-in
and pre-birth conferences, which no rule times) are ``not_assessed``, as the text report
says of them; rows whose rule applies but whose due date is past the calendar's coverage
are ``not_computable``, with their rule and edition, as the text report says NOT COMPUTABLE.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

from click.testing import CliRunner

from safeguarding_rules.cli import main
from safeguarding_rules.testing.ssd import synthetic_ssd, write_ssd_sqlite

#: The statuses docs/report.md allows.
STATUSES = {"on_time", "late", "pending", "not_assessed", "not_computable"}
CONFERENCES = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date\n"
    "A,I1,initial,2025-01-16,2024-12-20,\n"
    "B,I2,initial,,2025-03-03,\n"
    "C,T1,transfer_in,2025-01-16,,\n"
    "D,P1,pre_birth,2025-01-16,2024-12-20,\n"
    "A,R1,review,2025-04-16,,2025-01-16\n"
)


def _statuses(*arguments: str) -> dict[str, str]:
    result = CliRunner().invoke(main, ["report", *arguments, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows
    assert {row["status"] for row in rows} <= STATUSES, rows
    return {row["conference_id"]: row["status"] for row in rows}


def test_rows_no_rule_times_are_not_assessed(tmp_path: Path) -> None:
    path = tmp_path / "conferences.csv"
    path.write_text(CONFERENCES, encoding="utf-8")
    assert _statuses(str(path)) == {
        "I1": "late", "I2": "pending", "T1": "not_assessed", "P1": "not_assessed",
        "R1": "on_time",
    }  # fmt: skip
    # Scotland has no rule for initial conferences: the text says "not assessed".
    assert _statuses(str(path), "--ruleset", "scotland") == {
        "I1": "not_assessed", "I2": "not_assessed", "T1": "not_assessed",
        "P1": "not_assessed", "R1": "on_time",
    }  # fmt: skip


def test_the_ssds_transfer_in_conferences_are_not_assessed(tmp_path: Path) -> None:
    ssd = synthetic_ssd(random.Random(7), 20)
    write_ssd_sqlite(tmp_path / "ssd.db", ssd.tables)
    assert ssd.expected.transfer_in_held  # the file has what the test is for
    _statuses(f"sqlite:///{tmp_path / 'ssd.db'}")


#: An initial conference not yet held whose due date is past the calendar's coverage (IC20),
#: and a first review whose due date (3 months after 2030-10-01) is past it too (RC1).
PAST_COVERAGE = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date\n"
    "0008001,IC20,initial,,2030-12-20,\n"
    "0008003,IC22,initial,2025-01-21,2024-12-31,\n"
    "X2,IC0,initial,2030-10-01,2030-09-20,\n"
    "X2,RC1,review,2030-12-30,,2030-10-01\n"
)


def _rows(*arguments: str) -> dict[str, dict[str, str]]:
    result = CliRunner().invoke(main, ["report", *arguments, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {row["status"] for row in rows} <= STATUSES, rows
    return {row["conference_id"]: row for row in rows}


def test_rows_past_the_coverage_are_not_computable_with_their_rule(tmp_path: Path) -> None:
    path = tmp_path / "conferences.csv"
    path.write_text(PAST_COVERAGE, encoding="utf-8")
    rows = _rows(str(path))
    assert {name: rows[name]["status"] for name in ("IC20", "IC22", "IC0")} == {
        "IC20": "not_computable", "IC22": "on_time", "IC0": "on_time",
    }  # fmt: skip
    # Its rule and edition, as the text's "Rules applied" names them; no due date.
    assert (rows["IC20"]["rule"], rows["IC20"]["edition"], rows["IC20"]["due_date"]) == (
        "icpc",
        "wt2023",
        "",
    )


def test_a_review_past_the_coverage_is_named_not_computable(tmp_path: Path) -> None:

    path = tmp_path / "conferences.csv"
    path.write_text(PAST_COVERAGE, encoding="utf-8")
    row = _rows(str(path))["RC1"]
    assert (row["status"], row["rule"], row["edition"], row["due_date"]) == (
        "not_computable",
        "first_review",
        "wt2023",
        "",
    )
    result = CliRunner().invoke(main, ["report", str(path)])
    assert result.exit_code == 0, result.output
    reviews = result.output.split("Review conferences within timescale")[1]
    assert "no previous_conference_date" not in reviews
    assert (
        "NOT COMPUTABLE: 1 review(s) whose due date is past the calendar's coverage; not "
        "counted as on time or late"
    ) in reviews
    assert "conference RC1 (children: X2) on 2030-12-30, from the conference on 2030-10-01" in (
        reviews
    )
    result = CliRunner().invoke(main, ["report", str(path), "--format", "json"])
    section = json.loads(result.output)["review_timeliness"]
    assert section["not_assessed"]["rows"] == 0
    assert section["not_computable"] == 1
    assert section["not_computable_conferences"] == [
        {
            "conference_id": "RC1",
            "child_ids": ["X2"],
            "conference_date": "2030-12-30",
            "previous_conference_date": "2030-10-01",
        }
    ]
    page = CliRunner().invoke(main, ["report", str(path), "--format", "html"]).output
    assert "NOT COMPUTABLE: 1 review(s)" in page
