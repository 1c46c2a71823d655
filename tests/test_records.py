"""The conference-records reader: every problem named with file, row, column and value."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from safeguarding_rules import calendar_for
from safeguarding_rules.records import InputErrors, read_conference_records

CAL = calendar_for("england-and-wales")
HEADER = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date,reason_for_delay\n"
)


def write(tmp_path: Path, body: str, name: str = "records.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body if name.endswith(".csv") else body, encoding="utf-8")
    return path


def problems(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(InputErrors) as info:
        read_conference_records(write(tmp_path, body), CAL)
    return [str(p) for p in info.value.problems]


def test_reads_iso_and_uk_dates(tmp_path: Path) -> None:
    records = read_conference_records(
        write(tmp_path, "A,C1,initial,08/01/2015,2014-12-15,,\nB,C1,Initial,2015-01-08,15/12/2014,,\n"),
        CAL,
    )  # fmt: skip
    assert len(records) == 2
    assert records.conference_date.astype(dt.date).tolist() == [dt.date(2015, 1, 8)] * 2
    assert records.conference_type.tolist() == ["initial", "initial"]
    assert records.rows.tolist() == [2, 3]


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        {"child_id": "A", "conference_id": "C1", "conference_type": "initial",
         "conference_date": "2015-01-08", "strategy_discussion_date": "2014-12-15"},
        {"child_id": "B", "conference_id": "R1", "conference_type": "review",
         "conference_date": "2015-04-01", "previous_conference_date": "2015-01-08"},
    ]  # fmt: skip
    path = write(tmp_path, "\n".join(map(json.dumps, lines)) + "\n", "records.jsonl")
    records = read_conference_records(path, CAL)
    assert records.child_id.tolist() == ["A", "B"]
    assert np.isnat(records.previous_conference_date[0])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("A,C1,initial,2015-01-08,2015-01-09,,\n", "row 2, column 'conference_date': the conference is before its strategy discussion (value '2015-01-08')"),
        ("A,C1,initial,2015-01-08,2014-12-15,,\nA,C1,initial,2015-01-08,2014-12-15,,\n", "row 3, column 'child_id': this child is already listed in conference 'C1' (value 'A')"),
        ("A,C1,initiall,2015-01-08,2014-12-15,,\n", "row 2, column 'conference_type': expected one of: initial, review, transfer_in, pre_birth (value 'initiall')"),
        ("A,C1,initial,2015-01-08,2014-12-15,,\nB,C1,initial,2015-01-09,2014-12-15,,\n", "row 3, column 'conference_date': conference 'C1' has a different conference_date from its row 2"),
        ("A,C1,initial,2005-01-08,2004-12-15,,\n", "row 2, column 'conference_date': outside the england-and-wales calendar's coverage (2006-01-01 to 2030-12-31) (value '2005-01-08')"),
        ("A,C1,initial,2015-02-30,2014-12-15,,\n", "row 2, column 'conference_date'"),
        ("A,C1,initial,12/31/2014,2014-12-15,,\n", "row 2, column 'conference_date': '12/31/2014' is not a real date"),
        ("A,C1,initial,2015-01-08,,,\n", "row 2, column 'strategy_discussion_date': an initial conference needs the strategy discussion date"),
        (",C1,initial,2015-01-08,2014-12-15,,\n", "row 2, column 'child_id': a value is required"),
        ("A,R1,review,2015-01-08,,2015-01-09,\n", "row 2, column 'previous_conference_date': the previous conference is not before this one"),
        ("A,R1,review,,,2015-01-01,\n", "row 2, column 'conference_date': a value is required"),
    ],
)  # fmt: skip
def test_each_check_names_file_row_column_and_value(
    tmp_path: Path, body: str, expected: str
) -> None:
    found = problems(tmp_path, body)
    assert any(expected in p for p in found), found
    assert all(p.startswith(str(tmp_path / "records.csv")) for p in found)


def test_all_problems_are_listed_not_only_the_first(tmp_path: Path) -> None:
    found = problems(tmp_path, "A,C1,bad,2015-01-08,2014-12-15,,\n,C2,initial,x,2014-12-15,,\n")
    assert len(found) == 3


def test_skip_invalid_drops_only_bad_rows_and_whole_inconsistent_conferences(
    tmp_path: Path,
) -> None:
    body = (
        "A,C1,initial,2015-01-08,2014-12-15,,\n"
        "B,C2,initial,2015-01-08,2014-12-15,,\n"
        "C,C2,initial,2015-01-09,2014-12-15,,\n"  # C2's rows disagree: both skipped
        "D,C3,initial,2015-13-01,2014-12-15,,\n"
    )
    records = read_conference_records(write(tmp_path, body), CAL, skip_invalid=True)
    assert records.child_id.tolist() == ["A"]
    assert records.skipped_rows == 3
    assert len(records.problems) == 2


def test_missing_required_columns(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("child_id,conference_date\nA,2015-01-08\n", encoding="utf-8")
    with pytest.raises(InputErrors, match="column 'conference_id': required column is missing"):
        read_conference_records(path, CAL)


def test_ragged_rows_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputErrors, match="row 2: 9 values for 7 header columns"):
        read_conference_records(write(tmp_path, "A,C1,initial,2015-01-08,2014-12-15,,,x,y\n"), CAL)


def test_initial_conference_not_yet_held_is_allowed(tmp_path: Path) -> None:
    records = read_conference_records(write(tmp_path, "A,C1,initial,,2014-12-15,,\n"), CAL)
    assert np.isnat(records.conference_date[0])


def test_conference_types_as_exports_spell_them(tmp_path: Path) -> None:
    body = (
        "A,C1,Initial CP Conference,2015-01-08,2014-12-15,,\n"
        "B,C2,ICPC,2015-01-08,2014-12-15,,\n"
        "A,R1,Review CPC,2015-04-01,,2015-01-08,\n"
        "B,P1,Pre-birth,2015-04-01,2015-03-20,,\n"
    )
    records = read_conference_records(write(tmp_path, body), CAL)
    assert records.conference_type.tolist() == ["initial", "initial", "review", "pre_birth"]


@pytest.mark.parametrize(
    "kind", ["initialise", "Initial Child Protection Case Conference X", "CPPM"]
)
def test_a_conference_type_the_vocabulary_does_not_know_is_a_problem(
    tmp_path: Path, kind: str
) -> None:
    found = problems(tmp_path, f"A,C1,{kind},2015-01-08,2014-12-15,,\n")
    assert any("column 'conference_type': expected one of" in p and kind in p for p in found)


def test_a_long_unknown_previous_type_is_not_cut_down_to_a_known_one(tmp_path: Path) -> None:
    # Read before the vocabulary as the first 7 characters, "initialise" was taken as "initial".
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,previous_conference_date,"
        "previous_conference_type\n"
        "A,R1,review,2015-04-01,2015-01-08,initialise\n"
        "B,R2,review,2015-04-01,2015-01-08,Initial CP Conference\n",
        encoding="utf-8",
    )
    records = read_conference_records(path, CAL, skip_invalid=True)
    assert [(p.row, p.column, p.value) for p in records.problems] == [
        (2, "previous_conference_type", "initialise")
    ]
    assert records.previous_conference_type.tolist() == ["initial"]
