"""With a local overlay, the report counts every row exactly as the overlay's calendar does."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding_rules import calendar_for, load_rule_sets
from safeguarding_rules.records import read_conference_records
from safeguarding_rules.reports import build_report

CONWY = load_rule_sets()["conwy"]
WALES = calendar_for("wales")
LOCAL = CONWY.calendar(use_overlay=True)
# Around every Christmas from 2008 to 2029, where the closures are.
STARTS = st.builds(
    lambda year, offset: dt.date(year, 11, 20) + dt.timedelta(days=offset),
    st.integers(2008, 2029),
    st.integers(0, 70),
)
CASES = st.lists(st.tuples(STARTS, st.integers(1, 25)), min_size=1, max_size=25)
HEADER = "child_id,family_id,conference_id,conference_type,conference_date,strategy_discussion_date"


@settings(max_examples=60)
@given(CASES)
def test_every_row_is_counted_on_the_overlay_calendar(cases: list[tuple[dt.date, int]]) -> None:
    rows = [(f"C{i}", sd, WALES.add_working_days(sd, lag)) for i, (sd, lag) in enumerate(cases)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.csv"
        lines = [f"{cid},F{cid},{cid},initial,{held},{sd}" for cid, sd, held in rows]
        path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
        records = read_conference_records(path, WALES)
    report = build_report(records, CONWY, use_overlay=True)
    for row, (_, sd, held) in zip(report.rows(), rows, strict=True):
        due = LOCAL.add_working_days(sd, 15)
        assert row["due_date"] == due.isoformat()
        assert row["status"] == ("on_time" if held <= due else "late")
        assert row["working_days"] == str(LOCAL.working_days_between(sd, held))
        assert row["overlay"] == "Conwy Christmas closure"
