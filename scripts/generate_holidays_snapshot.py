"""Regenerate src/safeguarding_rules/data/holidays_snapshot.json from python-holidays.

The snapshot is python-holidays' own answer for every division over the coverage, with
the version that gave it, so that the command line need not import python-holidays (which
imports every country it knows) to learn the UK's bank holidays. It is served only while
that exact version is installed. Run this after bumping the ``holidays`` pin (the test
``tests/test_holidays_snapshot.py`` fails until you do), and review the diff with
``scripts/generate_snapshots.py``'s.

    python scripts/generate_holidays_snapshot.py
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
from typing import Any

from safeguarding_rules.calendar import COVERAGE_END, COVERAGE_START, DIVISIONS
from safeguarding_rules.calendar.sources import HOLIDAYS_LANGUAGE, SNAPSHOT, live_holidays

PATH = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules" / Path(*SNAPSHOT)


def snapshot() -> dict[str, Any]:
    """Every division's bank holidays over the coverage, as python-holidays gives them."""
    years = range(COVERAGE_START.year, COVERAGE_END.year + 1)
    return {
        "generator": "scripts/generate_holidays_snapshot.py",
        "holidays_version": importlib.metadata.version("holidays"),
        "language": HOLIDAYS_LANGUAGE,
        "years": [years[0], years[-1]],
        "divisions": {
            name: {day.isoformat(): text for day, text in live_holidays(division, years).items()}
            for name, division in DIVISIONS.items()
        },
    }


def main() -> None:
    PATH.write_text(json.dumps(snapshot(), indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {PATH}")


if __name__ == "__main__":
    main()
