"""A quote left open in a CSV file: the row it opens in is named, every row it took is counted."""

from __future__ import annotations

from pathlib import Path

from safeguarding_rules import calendar_for
from safeguarding_rules.records import read_conference_records

HEADER = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "reason_for_delay,family_id,core_group_date,plan_end_date,previous_conference_date,"
    "previous_conference_type\n"
)


def test_a_quote_open_to_the_end_of_the_file_counts_every_row_it_took(tmp_path: Path) -> None:
    """Issue 27 item 8: the quote opens in a middle column of row 3 and is never closed."""
    path = tmp_path / "records.csv"
    path.write_text(
        HEADER
        + "C0,K0,initial,2024-01-20,2024-01-02,,F0,,,,\n"
        + 'C1,K1,initial,2024-01-20,2024-01-02,"chair ill,F1,,,,\n'
        + "".join(f"C{i},K{i},initial,2024-01-20,2024-01-02,,F{i},,,,\n" for i in range(2, 5)),
        encoding="utf-8",
    )
    records = read_conference_records(path, calendar_for("england"), skip_invalid=True)
    assert records.child_id.tolist() == ["C0"]
    assert records.skipped_rows == 4  # row 3 and the three rows it swallowed
    (problem,) = records.problems
    assert problem.row == 3
    assert problem.rows_lost == 4
    assert 'a quote (") opened in this row is not closed' in problem.message
    assert "taking in the 3 row(s) after it, none of which was read" in problem.message
