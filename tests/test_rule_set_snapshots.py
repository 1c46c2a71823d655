"""Every built-in rule set is what its committed snapshot says, field for field.

A failure means a rule, edition, quorum or finding changed. If the change is meant (a
corrected rule, with its CHANGELOG entry), regenerate with
``python scripts/generate_rule_set_snapshots.py`` and review the diff; if it is not (a
refactor of how rule sets are built), the refactor changed a rule.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "generate_rule_set_snapshots", ROOT / "scripts" / "generate_rule_set_snapshots.py"
)
assert spec is not None
assert spec.loader is not None
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)

BUILT_IN = generate.built_in()


def test_every_built_in_rule_set_has_a_snapshot() -> None:
    committed = sorted(path.stem for path in generate.SNAPSHOTS.glob("*.json"))
    assert committed == sorted(BUILT_IN)


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_rule_set_is_its_snapshot(name: str) -> None:
    committed = json.loads((generate.SNAPSHOTS / f"{name}.json").read_text("utf-8"))
    built = generate.snapshot(BUILT_IN[name])
    assert built["rule_set"] == committed["rule_set"]
    assert [(r["rule"], r["edition"]) for r in built["rules"]] == [
        (r["rule"], r["edition"]) for r in committed["rules"]
    ]
    for rule, expected in zip(built["rules"], committed["rules"], strict=True):
        assert rule == expected, (rule["rule"], rule["edition"])
    assert built == committed
