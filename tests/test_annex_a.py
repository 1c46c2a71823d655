"""The Ofsted Annex A reader: List 5 and List 7 as real workbooks have them.

Workbooks are written with openpyxl from Ofsted's published headings (see
safeguarding_rules.testing.returns), with the awkward cells found in the field: a title
row above the headings, ids stored as numbers (``11641472.0``), a column mixing Excel
dates and ``DD/MM/YYYY`` text, ``a) Yes``/``b) No`` answers, headings with non-breaking
spaces and drifted wording.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safeguarding_rules import calendar_for, get_rule_set, to_data
from safeguarding_rules.records import InputErrors, read_annex_a
from safeguarding_rules.reports import build_report
from safeguarding_rules.testing.returns import LIST_5_HEADINGS, LIST_7_HEADINGS, write_annex_a

D = dt.date
CALENDAR = calendar_for("england-and-wales")
ENGLAND = get_rule_set("england")

# Drifted headings: non-breaking spaces, other case, no question mark, "Initial CP".
DRIFTED_5 = (
    "Child\u00a0Unique ID",
    "Gender",
    "Strategy discussion initiating section 47 enquiry start date",
    "Was an Initial Child Protection Conference deemed unnecessary",
    "Date of initial child protection conference ",
    "Did the ICPC Result in a Child Protection Plan",
    "Allocated Team",
)
LIST_5: list[list[object]] = [
    # id as a float; Excel dates. Mon 3 Apr -> Mon 24 Apr 2023: 13 working days, on time.
    [11641472.0, "a) Male", D(2023, 4, 3), "b) No", D(2023, 4, 24), "a) Yes", "Team 1"],
    # UK text dates in the same columns. Mon 5 Jun -> Fri 30 Jun: 19 working days, late.
    ["ABC-2", "b) Female", "05/06/2023", "No", "30/06/2023", "b) No", "Team 1"],
    # Deemed unnecessary: no conference.
    [3.0, "b) Female", D(2023, 7, 3), "a) Yes", None, None, "Team 2"],
    # Not yet held.
    [4, "b) Female", D(2024, 3, 25), "b) No", None, None, "Team 2"],
    # A blank row, as exports end.
    [None, None, None, None, None, None, None],
]
LIST_7: list[list[object]] = [
    # Plan from 24 Apr 2023, latest review 20 Jul 2023, still open.
    [11641472.0, D(2023, 4, 24), D(2023, 7, 20), None, "Team 1"],
    # No review yet.
    ["X9", D(2024, 3, 1), None, None, "Team 3"],
]


def _workbook(tmp_path: Path, list5_headings: tuple[str, ...] = LIST_5_HEADINGS) -> Path:
    path = tmp_path / "annex_a.xlsx"
    write_annex_a(
        path,
        {
            "List 1": (("Child Unique ID", "Date of Contact"), [["1", D(2023, 4, 3)]]),
            "List 5": (list5_headings, LIST_5),
            "List 7": (LIST_7_HEADINGS, LIST_7),
        },
    )
    return path


@pytest.mark.parametrize("headings", [LIST_5_HEADINGS, DRIFTED_5])
def test_list_5_and_list_7(tmp_path: Path, headings: tuple[str, ...]) -> None:
    records = read_annex_a(_workbook(tmp_path, headings), CALENDAR)
    assert records.child_id.tolist() == ["11641472", "ABC-2", "4", "11641472"]
    assert records.conference_type.tolist() == ["initial", "initial", "initial", "review"]
    assert records.conference_date.astype(str).tolist() == [
        "2023-04-24", "2023-06-30", "NaT", "2023-07-20"
    ]  # fmt: skip
    # "b) No" to a plan: no review is due from that conference.
    assert records.plan_end_date.astype(str).tolist() == ["NaT", "2023-06-30", "NaT", "NaT"]
    summary = to_data(build_report(records, ENGLAND))
    assert summary["initial_conference_timeliness"]["by_child"] == {
        "on_time": 1, "total": 2, "percent": 50.0
    }  # fmt: skip
    assert summary["initial_conference_timeliness"]["pending"] == 1


@pytest.mark.parametrize(
    ("start", "answer", "message"),
    [
        (D(2023, 4, 3), "Perhaps", "column 'Was an Initial Child Protection Conference deemed "
         "unnecessary?': expected Yes or No"),
        ("31/02/2023", "No", "column 'Strategy discussion initiating Section 47 Enquiry Start "
         "Date': '31/02/2023' is not a real date"),
    ],
)  # fmt: skip
def test_a_bad_cell_names_the_sheet_row_and_heading(
    tmp_path: Path, start: object, answer: str, message: str
) -> None:
    path = tmp_path / "bad.xlsx"
    write_annex_a(path, {"List 5": (LIST_5_HEADINGS, [["7", "a) Male", start, answer, None]])})
    with pytest.raises(InputErrors) as raised:
        read_annex_a(path, CALENDAR)
    # The child is named by the id as written (issue 26 item 1).
    assert f"sheet 'List 5', row 3 (Child Unique ID 7), {message}" in str(raised.value)


def test_not_an_annex_a(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    write_annex_a(path, {"Budget": (("Cost centre", "Amount"), [["A1", 3.0]])})
    with pytest.raises(InputErrors, match=r"not an Ofsted Annex A workbook.*'Budget'"):
        read_annex_a(path, CALENDAR)


def test_list_5_without_its_headings_says_which(tmp_path: Path) -> None:
    path = tmp_path / "short.xlsx"
    write_annex_a(path, {"List 5": (("Child Unique ID", "Gender"), [["1", "a) Male"]])})
    with pytest.raises(InputErrors, match=r"List 5.*no heading for.*Strategy discussion"):
        read_annex_a(path, CALENDAR)


def test_password_protected(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = _workbook(tmp_path)
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        ooxml.OOXMLFile(source).encrypt("secret", target)
    with pytest.raises(InputErrors, match="password-protected"):
        read_annex_a(locked, CALENDAR)


def test_not_a_workbook_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(InputErrors, match="not a readable workbook"):
        read_annex_a(path, CALENDAR)


def test_problems_are_listed_down_the_sheet(tmp_path: Path) -> None:
    # A coded answer the reader cannot read (row 4) and a date the checks refuse (row 3) are
    # found in two passes; a person reads them down the sheet, row 3 first.
    path = tmp_path / "bad.xlsx"
    rows: list[list[object]] = [
        ["7", "a) Male", "31/02/2023", "b) No", None],
        ["8", "a) Male", D(2023, 6, 5), "Maybe", None],
    ]
    write_annex_a(path, {"List 5": (LIST_5_HEADINGS, rows)})
    with pytest.raises(InputErrors) as raised:
        read_annex_a(path, CALENDAR)
    rows_named = [p.row for p in raised.value.problems]
    assert rows_named == sorted(rows_named)
    assert set(rows_named) == {3, 4}
