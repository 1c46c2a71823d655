"""Regenerate tests/snapshots/<division>.json from the calendars.

Run after bumping the ``holidays`` pin, then review the diff: every changed line is a bank
holiday that moved, appeared or was renamed, and each must be explained in CHANGELOG.md.
Run ``scripts/generate_holidays_snapshot.py`` too, for the package's own copy of the data.

    python scripts/generate_snapshots.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from safeguarding_rules import DIVISIONS, calendar_for

SNAPSHOTS = Path(__file__).resolve().parent.parent / "tests" / "snapshots"


def snapshot(division: str) -> dict[str, Any]:
    """The bank holidays falling on weekdays, by date, over the whole coverage.

    ``non_working_days`` excludes its start date; the coverage starts on a Sunday
    (1 January 2006), so nothing is lost.
    """
    cal = calendar_for(division)
    holidays = {
        day.day.isoformat(): day.reason
        for day in cal.non_working_days(cal.first, cal.last)
        if day.kind == "bank_holiday"
    }
    return {
        "division": cal.division.name,
        "coverage": [cal.first.isoformat(), cal.last.isoformat()],
        "weekday_bank_holidays": holidays,
    }


def main() -> None:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for name in DIVISIONS:
        path = SNAPSHOTS / f"{name}.json"
        path.write_text(json.dumps(snapshot(name), indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
