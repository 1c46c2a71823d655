"""Council exports read through a TOML column mapping, and the shared loose heading matching."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safeguarding_rules import calendar_for
from safeguarding_rules.records import (
    InputErrors,
    match_headings,
    read_mapped_records,
    read_mapping,
)
from safeguarding_rules.testing.returns import write_annex_a

CALENDAR = calendar_for("england-and-wales")

MAPPING = """
# A Liquidlogic-style export
[columns]
child_id = "Person ID"
conference_id = "Meeting ID"
conference_type = "Meeting Type"
conference_date = "Meeting Date"
strategy_discussion_date = ["Strategy Discussion Date", "Strategy Meeting Date"]

[values.conference_type]
initial = ["Initial Child Protection Conference", "ICPC"]
review = ["Review Child Protection Conference", "RCPC"]
"""

EXPORT = (
    "Person ID,Meeting ID,Meeting Type,Meeting Date,Strategy Meeting Date,Worker\n"
    "P1,M1,Initial Child Protection Conference,24/04/2023,03/04/2023,A\n"
    "P2,M1,ICPC,24/04/2023,03/04/2023,A\n"
    "P3,M2,RCPC,20/07/2023,,B\n"
)


@pytest.fixture
def mapping(tmp_path: Path) -> Path:
    path = tmp_path / "lcs.toml"
    path.write_text(MAPPING, encoding="utf-8")
    return path


def test_headings_differing_in_case_spacing_and_punctuation_match_exactly() -> None:
    fields = {"d": ("Date of Initial Child Protection Conference",)}
    found = ["Date of initial\u00a0child-protection  conference?"]
    assert match_headings(found, fields) == {"d": found[0]}


def test_match_headings_exact_then_close_never_a_guess() -> None:
    fields = {"a": ("Child Unique ID",), "b": ("Date of latest review conference",)}
    assert match_headings(["CHILD UNIQUE ID ", "Date of the latest review conference"], fields) == {
        "a": "CHILD UNIQUE ID ",
        "b": "Date of the latest review conference",
    }
    # Two headings equally close: neither is taken.
    assert match_headings(["Date of latest review conferenceX", "Date of latest review conferenceY"],
                          {"b": fields["b"]}) == {}  # fmt: skip
    assert match_headings(["Something else"], fields) == {}


def test_csv_export(tmp_path: Path, mapping: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    records = read_mapped_records(export, read_mapping(mapping), CALENDAR)
    assert records.conference_type.tolist() == ["initial", "initial", "review"]
    assert records.conference_date.astype(str).tolist() == ["2023-04-24"] * 2 + ["2023-07-20"]
    assert records.rows.tolist() == [2, 3, 4]


def test_workbook_export(tmp_path: Path, mapping: Path) -> None:
    export = tmp_path / "export.xlsx"
    headings = ("Person ID", "Meeting ID", "Meeting Type", "Meeting Date", "Strategy Meeting Date")
    rows = [[101.0, 7.0, "ICPC", dt.date(2023, 4, 24), dt.date(2023, 4, 3)]]
    write_annex_a(export, {"Meetings": (headings, rows)}, title=None)
    records = read_mapped_records(export, read_mapping(mapping), CALENDAR)
    assert records.child_id.tolist() == ["101"]
    assert records.conference_id.tolist() == ["7"]
    assert records.strategy_discussion_date.astype(str).tolist() == ["2023-04-03"]


def test_problems_name_their_heading(tmp_path: Path, mapping: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT.replace("RCPC", "Case note"), encoding="utf-8")
    with pytest.raises(InputErrors, match=r"row 4, column 'Meeting Type' \(conference_type\): "
                       r"expected one of"):  # fmt: skip
        read_mapped_records(export, read_mapping(mapping), CALENDAR)


def test_missing_heading(tmp_path: Path, mapping: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Person ID,Meeting ID\nP1,M1\n", encoding="utf-8")
    with pytest.raises(InputErrors, match="no heading matches 'Meeting Type', 'Meeting Date'"):
        read_mapped_records(export, read_mapping(mapping), CALENDAR)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[columns\n", "not valid TOML"),
        ("[colums]\n", "unknown table"),
        ('[columns]\nchild = "X"\n', "'child' is not one of our fields"),
        ('[columns]\nchild_id = "X"\n', "must name: conference_id"),
    ],
)
def test_bad_mapping(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputErrors, match=message):
        read_mapping(path)


def test_types_the_mapping_does_not_list_are_read_through_the_vocabulary(
    tmp_path: Path, mapping: Path
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT.replace("P2,M1,ICPC", "P2,M1,Initial CP Conference"))
    records = read_mapped_records(export, read_mapping(mapping), CALENDAR)
    assert records.conference_type.tolist() == ["initial", "initial", "review"]
