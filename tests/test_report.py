"""Indicators: by child and by conference, periods, targets, reviews, quoracy."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import Period, ReportingPolicy, calendar_for, load_rule_sets, to_data
from safeguarding_rules._columnar import iso_text as _iso_array
from safeguarding_rules._columnar import order_by_day_then_id as _by_day_then_id
from safeguarding_rules.records import read_attendance, read_conference_records
from safeguarding_rules.reports import build_report, period_labels, render_html, render_text

RULE_SETS = load_rule_sets()
DATA = resources.files("safeguarding_rules") / "data"


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    england = RULE_SETS["england"]
    with resources.as_file(DATA / "sample_conferences.csv") as path:
        records = read_conference_records(path, calendar_for("england"))
    with resources.as_file(DATA / "sample_attendance.csv") as path:
        attendance, _ = read_attendance(path)
    found: dict[str, Any] = to_data(build_report(records, england, attendance=attendance))
    return found


def test_sample_reproduces_conwys_arithmetic(sample: dict[str, Any]) -> None:
    # Seed 000: 94 of 120 children (78.3%) but 52 of 60 conferences (86.7%); 8 late
    # conferences held 26 children; the longest wait was 19 working days.
    icpc = sample["initial_conference_timeliness"]
    assert icpc["by_child"] == {"on_time": 94, "total": 120, "percent": 78.3}
    assert icpc["by_conference"] == {"on_time": 52, "total": 60, "percent": 86.7}
    assert icpc["max_working_days"] == 19
    assert len(icpc["late_conferences"]) == 8
    assert sum(late["children"] for late in icpc["late_conferences"]) == 26
    assert sum(icpc["bands"].values()) == 60
    assert icpc["bands"]["16-20"] == 8
    assert all(16 <= late["working_days"] <= 19 for late in icpc["late_conferences"])


def test_periods_add_up(sample: dict[str, Any]) -> None:
    icpc = sample["initial_conference_timeliness"]
    assert [p["period"] for p in icpc["by_period"]] == [
        "2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4",
    ]  # fmt: skip
    assert sum(p["by_child"]["total"] for p in icpc["by_period"]) == 120
    assert sum(p["by_conference"]["on_time"] for p in icpc["by_period"]) == 52


def test_reviews_are_matched_to_their_previous_conference(sample: dict[str, Any]) -> None:
    reviews = sample["review_timeliness"]
    assert reviews["assessed"]
    assert reviews["not_assessed"]["rows"] == 0
    assert reviews["by_child"]["total"] > 0
    used = {(u["rule"], u["edition"]) for u in sample["rules_used"]}
    assert ("first_review", "wt2023") in used
    assert ("subsequent_review", "wt2023") in used


def test_quoracy_and_participation(sample: dict[str, Any]) -> None:
    quoracy = sample["quoracy"]
    assert quoracy["conferences"]["total"] == sample["records"]["conferences"]
    assert (
        sum(p["quorate"]["total"] for p in quoracy["by_period"]) == quoracy["conferences"]["total"]
    )
    agencies = {p["agency"]: p for p in sample["participation"]}
    assert agencies["childrens_social_care"]["took_part"]["percent"] == 100.0


@pytest.mark.parametrize(
    ("period", "start", "expected"),
    [
        (Period.QUARTER, 4, ["2014-15 Q1", "2014-15 Q3", "2014-15 Q4", "2015-16 Q1"]),
        (Period.HALF_YEAR, 4, ["2014-15 H1", "2014-15 H2", "2014-15 H2", "2015-16 H1"]),
        (Period.YEAR, 4, ["2014-15", "2014-15", "2014-15", "2015-16"]),
        (Period.QUARTER, 1, ["2014 Q2", "2014 Q4", "2015 Q1", "2015 Q2"]),
    ],
)
def test_period_labels(period: Period, start: int, expected: list[str]) -> None:
    days = np.array(["2014-04-01", "2014-12-31", "2015-03-31", "2015-04-01"], dtype="datetime64[D]")
    assert period_labels(days, period, start).tolist() == expected


@pytest.mark.parametrize("period", list(Period))
def test_period_labels_of_many_rows_over_few_days_match_each_day(period: Period) -> None:
    # Looked up per day of the span (many rows, few days), labelled as each day alone is.
    days = np.array(["2015-03-31", "2015-04-01", "2014-12-31", "2015-04-01"] * 200, "datetime64[D]")
    assert period_labels(days, period, 4).tolist() == [
        period_labels(days[i : i + 1], period, 4)[0] for i in range(len(days))
    ]


def test_iso_text_of_many_rows_over_few_days_is_arrows() -> None:
    days = np.array(["2024-02-29", None, "2024-03-01", "2024-02-28"] * 50, "datetime64[D]")
    cast = pc.cast(pa.array(days, pa.date32()), pa.string())
    assert _iso_array(days).to_pylist() == cast.to_pylist()
    assert _iso_array(days).to_pylist()[:2] == ["2024-02-29", None]


def test_target_and_rejected_reasons(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,reason_for_delay\n"
        "A,C1,initial,2015-01-08,2014-12-15,\n"  # the 15th working day: on time
        "B,C2,initial,2015-01-09,2014-12-15,Parents cannot attend\n"  # one day late
        "C,C2,initial,2015-01-09,2014-12-15,Parents cannot attend\n",
        encoding="utf-8",
    )  # fmt: skip
    wales = attrs.evolve(
        RULE_SETS["wales"],
        reporting=ReportingPolicy(target=0.9, rejected_delay_reasons={"parents cannot attend"}),
    )
    summary = to_data(build_report(read_conference_records(path, calendar_for("wales")), wales))
    icpc = summary["initial_conference_timeliness"]
    assert icpc["by_child"]["percent"] == 33.3
    assert icpc["by_conference"]["percent"] == 50.0
    assert icpc["meets_target"] is False
    (late,) = icpc["late_conferences"]
    assert late["children"] == 2
    assert late["working_days_late"] == 1
    assert late["reason_accepted"] is False
    assert "icpc" in summary["unconfirmed_rules"]  # AWCPP 2008 values are beliefs
    (gap,) = [u for u in summary["unconfirmed_items"] if u["rule"] == "icpc"]
    assert gap["edition"] == "awcpp2008"
    assert "not read" in gap["missing"]


def test_rule_set_without_icpc_says_so(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "A,C1,initial,2015-01-08,2014-12-15\n",
        encoding="utf-8",
    )
    records = read_conference_records(path, calendar_for("scotland"))
    summary = to_data(build_report(records, RULE_SETS["scotland"]))
    assert summary["initial_conference_timeliness"]["assessed"] is False
    assert "no 'icpc' rule" in summary["initial_conference_timeliness"]["why"]


def test_csv_rows_carry_due_date_and_status(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "A,C1,initial,2015-01-09,2014-12-15\n",
        encoding="utf-8",
    )
    report = build_report(
        read_conference_records(path, calendar_for("england")), RULE_SETS["england"]
    )
    (row,) = list(report.rows())
    assert row["due_date"] == "2015-01-08"
    assert row["status"] == "late"
    assert row["working_days"] == "16"
    assert row["working_days_late"] == "1"
    assert row["edition"] == "wt2013"
    assert dt.date.fromisoformat(row["conference_date"]) == dt.date(2015, 1, 9)


@given(
    st.lists(
        st.tuples(
            st.dates(dt.date(2020, 1, 1), dt.date(2020, 1, 20)), st.text("AKé019", max_size=10)
        ),
        max_size=40,
        unique_by=lambda row: row[1],
    )
)
def test_late_conferences_are_ordered_as_arrow_orders_day_then_id(
    rows: list[tuple[dt.date, str]],
) -> None:
    days = np.array([day for day, _ in rows], dtype="datetime64[D]")
    ids = pa.array([conference for _, conference in rows], pa.string())
    table = pa.table({"day": pa.array(days, pa.date32()), "id": ids})
    expected = pc.sort_indices(table, [("day", "ascending"), ("id", "ascending")])
    assert _by_day_then_id(days, ids).tolist() == expected.to_pylist()


def test_participation_counts_remote_attendance_that_the_quorum_does_not(tmp_path: Path) -> None:
    """Taking part remotely is taking part; England's quorum still counts only the room."""
    conferences, attendance_file = tmp_path / "conferences.csv", tmp_path / "attendance.csv"
    written = {
        conferences: "child_id,conference_id,conference_type,conference_date,"
        "strategy_discussion_date\nA,K1,initial,2025-01-16,2024-12-20\n"
        "B,K2,initial,2025-05-06,2025-04-10\n",
        attendance_file: "conference_id,agency,mode,direct_contact\n"
        "K1,childrens_social_care,in_person,yes\nK1,police,remote,yes\n"
        "K1,gp,report_only,yes\nK2,childrens_social_care,in_person,yes\n"
        "K2,police,remote,yes\nK2,gp,in_person,yes\n",
    }
    for path, content in written.items():
        path.write_text(content, encoding="utf-8")
    attendance, _ = read_attendance(attendance_file)
    england = RULE_SETS["england"]
    records = read_conference_records(conferences, calendar_for("england"))
    report = build_report(records, england, attendance=attendance)
    data = to_data(report)
    agencies = {p["agency"]: p for p in data["participation"]}
    assert agencies["police"]["took_part"] == {"on_time": 2, "total": 2, "percent": 100.0}
    assert agencies["police"]["remote"] == 2
    # A written report is not taking part.
    assert agencies["gp"]["took_part"] == {"on_time": 1, "total": 2, "percent": 50.0}
    assert agencies["gp"]["remote"] == 0
    # The quorum rule is unchanged: police on the phone does not make K1 or K2 quorate.
    assert data["quoracy"]["conferences"]["on_time"] == 0
    text = render_text(report)
    assert "Police: 100.0% (2 of 2), 2 of them remotely (conferences where" in text
    assert "GP: 50.0% (1 of 2) (conferences where" in text
    welsh = render_text(report, language="cy")
    assert "(2 o 2), 2 ohonynt o bell (" in welsh
    assert "<th>of them remotely</th>" in render_html(report)
