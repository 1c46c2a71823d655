"""Adult-enquiry and missing-episode readers: every problem names file, row, column, value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safeguarding_rules import calendar_for
from safeguarding_rules.records import (
    InputErrors,
    read_adult_enquiries,
    read_missing_episodes,
)
from safeguarding_rules.records.missing import parse_moment

CAL = calendar_for("wales")
ADULT_HEADER = "enquiry_id,adult_id,report_received_date,enquiry_concluded_date,strategy_date\n"
MISSING_HEADER = (
    "episode_id,child_id,returned_at,interview_offered_at,interview_at,interview_declined\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_adult_enquiries_read_with_uk_and_iso_dates(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.csv", ADULT_HEADER + "E1,A1,28/03/2024,2024-04-10,\nE2,A1,2024-04-02,,\n"
    )
    records = read_adult_enquiries(path, CAL)
    assert [e.enquiry_id for e in records.enquiries] == ["E1", "E2"]
    assert records.enquiries[0].report_received == dt.date(2024, 3, 28)
    assert records.enquiries[1].enquiry_concluded is None


def test_adult_problems_name_file_row_column_and_value(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.csv",
        ADULT_HEADER
        + "E1,A1,2024-13-01,,\n"  # not a real date
        + "E2,,2024-04-02,,\n"  # no adult
        + "E3,A3,2024-04-02,2024-04-01,\n"  # concluded before the report
        + "E4,A4,2005-12-30,,\n"  # outside coverage
        + "E1,A5,2024-04-02,,\n",  # fine on its own, but E1 is not repeated: first was bad
    )
    with pytest.raises(InputErrors) as caught:
        read_adult_enquiries(path, CAL)
    found = {(p.row, p.column, p.value) for p in caught.value.problems}
    assert (2, "report_received_date", "2024-13-01") in found
    assert (3, "adult_id", None) in found
    assert (4, "enquiry_concluded_date", "2024-04-01") in found
    assert (5, "report_received_date", "2005-12-30") in found
    assert all(p.file == str(path) for p in caught.value.problems)
    assert "a.csv, row 4, column 'enquiry_concluded_date'" in str(caught.value)


def test_adult_duplicates_and_skip_invalid_are_counted(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", ADULT_HEADER + "E1,A1,2024-04-02,,\nE1,A2,2024-04-03,,\n")
    records = read_adult_enquiries(path, CAL, skip_invalid=True)
    assert len(records) == 1
    assert records.skipped_rows == 1
    (problem,) = records.problems
    assert (problem.row, problem.column, problem.value) == (3, "enquiry_id", "E1")
    assert "already listed at row 2" in problem.message


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "enquiry_id,adult_id\nE1,A1\n")
    with pytest.raises(InputErrors, match="report_received_date"):
        read_adult_enquiries(path, CAL)


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("2024-03-29", dt.date(2024, 3, 29), None),
        ("29/03/2024", dt.date(2024, 3, 29), None),
        ("2024-03-29T18:00", dt.date(2024, 3, 29), dt.datetime(2024, 3, 29, 18, 0)),
        ("2024-03-29 18:00:30", dt.date(2024, 3, 29), dt.datetime(2024, 3, 29, 18, 0, 30)),
        ("29/03/2024 07:05", dt.date(2024, 3, 29), dt.datetime(2024, 3, 29, 7, 5)),
    ],
)
def test_moments_take_a_date_or_a_date_and_time(
    text: str, day: dt.date, time: dt.datetime | None
) -> None:
    moment = parse_moment(text)
    assert (moment.date, moment.time) == (day, time)


def test_missing_problems_name_file_row_column_and_value(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "m.jsonl",
        '{"episode_id": "P1", "child_id": "C1", "returned_at": "2024-03-29T25:00"}\n'
        '{"episode_id": "P2", "child_id": "C1", "returned_at": "2024-03-29T18:00",'
        ' "interview_at": "2024-03-29T17:00"}\n'
        '{"episode_id": "P3", "child_id": "C2", "returned_at": "2024-03-29",'
        ' "interview_at": "2024-03-30", "interview_declined": "yes"}\n'
        '{"episode_id": "P4", "child_id": "C2", "returned_at": "2024-03-29",'
        ' "interview_declined": "perhaps"}\n',
    )
    with pytest.raises(InputErrors) as caught:
        read_missing_episodes(path, CAL)
    found = {(p.row, p.column, p.value) for p in caught.value.problems}
    assert found == {
        (1, "returned_at", "2024-03-29T25:00"),
        (2, "interview_at", "2024-03-29T17:00"),
        (3, "interview_declined", "yes"),
        (4, "interview_declined", "perhaps"),
    }


def test_missing_episodes_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "m.csv",
        MISSING_HEADER + "P1,C1,2024-03-29T18:00,2024-03-30T10:00,2024-04-01T19:00,\n"
        "P2,C1,2024-03-29,,,yes\n",
    )
    records = read_missing_episodes(path, CAL)
    first, second = records.episodes
    assert first.returned.time == dt.datetime(2024, 3, 29, 18, 0)
    assert first.interview is not None
    assert first.interview.time == dt.datetime(2024, 4, 1, 19, 0)
    assert second.declined
    assert second.returned.time is None


def test_the_shipped_unit_sample_is_what_its_script_generates() -> None:
    import csv
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "generate_unit_sample", root / "scripts" / "generate_unit_sample.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    data = root / "src" / "safeguarding_rules" / "data"
    for name, rows in (
        ("sample_adult_enquiries.csv", script.adult_rows()),
        ("sample_missing_episodes.csv", script.missing_rows()),
    ):
        with (data / name).open(encoding="utf-8", newline="") as handle:
            assert list(csv.DictReader(handle)) == rows, name
    # And the sample reads cleanly under every England-and-Wales rule set's calendar.
    assert len(read_adult_enquiries(data / "sample_adult_enquiries.csv", CAL)) == 80
    assert len(read_missing_episodes(data / "sample_missing_episodes.csv", CAL)) == 90
