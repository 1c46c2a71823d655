"""The due-date worklist and its iCalendar output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from click.testing import CliRunner

from safeguarding_rules import calendar_for, load_rule_sets
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_conference_records
from safeguarding_rules.reports import due_actions, render_ics

D = dt.date
RECORDS = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date,core_group_date,plan_end_date\n"
    "A,P1,initial,,2025-03-03,,,\n"  # initial conference not yet held
    "B,I1,initial,2025-01-08,2024-12-16,,,\n"  # held; no core group recorded; review due
    "C,I1,initial,2025-01-08,2024-12-16,,,\n"
    "D,I2,initial,2024-12-02,2024-11-18,,2024-12-10,\n"
    "D,R1,review,2025-03-03,,2024-12-02,,\n"  # D's latest is a review: next in 6 months
    "E,I3,initial,2024-12-02,2024-11-18,,2024-12-10,\n"
    "E,R2,review,2025-03-03,,2024-12-02,,2025-03-03\n"  # E's plan ended at the review
)


def actions(
    tmp_path: Path, as_of: dt.date, within: int | None = 28
) -> list[tuple[str, str, str, bool]]:
    path = tmp_path / "records.csv"
    path.write_text(RECORDS, encoding="utf-8")
    england = load_rule_sets()["england"]
    records = read_conference_records(path, calendar_for("england"))
    return [
        (a.deadline.due.isoformat(), a.deadline.rule.id, a.conference_id, a.overdue)
        for a in due_actions(records, england, as_of=as_of, within=within)
    ]


def test_worklist_lists_what_is_due_soonest_first(tmp_path: Path) -> None:
    found = actions(tmp_path, D(2025, 3, 10), within=None)
    assert found == [
        ("2025-01-22", "first_core_group", "I1", True),  # 10 WD after 8 Jan 2025
        ("2025-03-24", "icpc", "P1", False),  # 15 WD after Mon 3 Mar 2025
        ("2025-04-08", "first_review", "I1", False),  # 3 months after 8 Jan 2025
        ("2025-09-03", "subsequent_review", "R1", False),  # 6 months after 3 Mar 2025
    ]


def test_no_review_is_due_after_a_plan_ends(tmp_path: Path) -> None:
    found = actions(tmp_path, D(2025, 3, 10), within=None)
    assert ("2025-09-03", "subsequent_review", "R2", False) not in found
    # Before the plan ended, E's review was due like D's.
    earlier = actions(tmp_path, D(2025, 3, 2), within=None)
    assert ("2025-03-02", "first_review", "I3", False) in earlier


def test_within_limits_the_horizon_inclusively(tmp_path: Path) -> None:
    # The ICPC is due on 24 March: 14 days after 10 March includes it, 13 days does not.
    found = actions(tmp_path, D(2025, 3, 10), within=14)
    assert [rule for _, rule, _, _ in found] == ["first_core_group", "icpc"]
    found = actions(tmp_path, D(2025, 3, 10), within=13)
    assert [rule for _, rule, _, _ in found] == ["first_core_group"]


def test_ics_is_valid_and_deterministic(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(RECORDS, encoding="utf-8")
    target = tmp_path / "team.ics"
    args = ["due", str(path), "--as-of", "2025-03-10", "--within", "60", "--format", "ics"]
    result = CliRunner().invoke(main, [*args, "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    raw = target.read_bytes().decode("utf-8")
    calendar = icalendar.Calendar.from_ical(raw)
    events = [c for c in calendar.walk("VEVENT")]
    assert [e.decoded("DTSTART") for e in events] == [D(2025, 1, 22), D(2025, 3, 24), D(2025, 4, 8)]
    assert str(events[0]["SUMMARY"]).startswith("OVERDUE: First core group meeting")
    again = CliRunner().invoke(main, args)
    assert again.stdout == raw.replace("\r\n", "\n")  # deterministic: no clock
    assert raw.endswith("\r\n")
    assert "\n" not in raw.replace("\r\n", "")  # RFC 5545 line ends
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))


def test_render_ics_of_nothing_is_an_empty_calendar() -> None:
    text = render_ics([], as_of=D(2025, 1, 1))
    assert icalendar.Calendar.from_ical(text).walk("VEVENT") == []


def test_an_earlier_plan_ending_does_not_end_a_later_one(tmp_path: Path) -> None:
    """F's first initial conference led to no plan (it ended there); a second one did."""
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
        "plan_end_date\n"
        "F,I8,initial,2024-06-03,2024-05-13,2024-06-03\n"
        "F,I9,initial,2025-01-08,2024-12-16,\n",
        encoding="utf-8",
    )
    records = read_conference_records(path, calendar_for("england"))
    found = due_actions(records, load_rule_sets()["england"], as_of=D(2025, 3, 10), within=None)
    # No core_group_date column: core groups are not recorded, so none is due.
    assert [(a.deadline.rule.id, a.conference_id) for a in found] == [("first_review", "I9")]
