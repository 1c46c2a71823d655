"""Regenerate tests/snapshots/rule-sets/<name>.json: every built-in rule set as plain data.

Each file holds ``to_data()`` of the rule set (editions, findings), of each of its rule
versions in order, of its quorum and of its reporting policy. tests/test_rule_set_snapshots.py
fails when a rule set built by the code differs from its committed file, so that a refactor
of how rule sets are built (the shared builders in ``rulesets/_groups.py``) is shown to
change nothing, and a deliberate change of a rule shows up as a reviewed diff.

    python scripts/generate_rule_set_snapshots.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from safeguarding_rules import RuleSet, get_plugin_manager, load_rule_sets, to_data

SNAPSHOTS = Path(__file__).resolve().parent.parent / "tests" / "snapshots" / "rule-sets"


def built_in() -> dict[str, RuleSet]:
    """The national rule sets shipped with the package (no installed plugins)."""
    return dict(load_rule_sets(get_plugin_manager(load_entrypoints=False)))


def snapshot(rule_set: RuleSet) -> dict[str, Any]:
    """Everything the rule set holds, as the one converter writes it."""
    data: dict[str, Any] = {
        "rule_set": to_data(rule_set),
        "rules": [to_data(rule) for rule in rule_set.rules],
        "quorum": to_data(rule_set.quorum),
        "reporting": to_data(rule_set.reporting),
        "enquiry": rule_set.enquiry,
        "notes": rule_set.notes,
    }
    read_back: dict[str, Any] = json.loads(json.dumps(data))  # tuples as lists, as in a file
    return read_back


def main() -> None:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for name, rule_set in built_in().items():
        path = SNAPSHOTS / f"{name}.json"
        path.write_text(
            json.dumps(snapshot(rule_set), indent=1, ensure_ascii=False) + "\n", "utf-8"
        )
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
