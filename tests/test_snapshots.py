"""Committed holiday snapshots (python-holidays' snapshots/ practice).

A failure here means the holiday data changed, usually through a ``holidays`` upgrade.
Regenerate with ``python scripts/generate_snapshots.py`` and review the diff line by line.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from safeguarding_rules import DIVISIONS, calendar_for

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "generate_snapshots", ROOT / "scripts" / "generate_snapshots.py"
)
assert spec is not None
assert spec.loader is not None
generate_snapshots = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate_snapshots)


@pytest.mark.parametrize("division", sorted(DIVISIONS))
def test_snapshot_is_current(division: str) -> None:
    committed = json.loads((ROOT / "tests" / "snapshots" / f"{division}.json").read_text("utf-8"))
    assert generate_snapshots.snapshot(division) == committed


def test_coverage_starts_on_a_non_working_day() -> None:
    # The snapshot (like non_working_days) excludes the first covered date; this keeps that safe.
    cal = calendar_for("england-and-wales")
    assert cal.first == dt.date(2006, 1, 1)
    assert cal.first.weekday() == 6
