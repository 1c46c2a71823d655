"""Write the shipped JSON Schemas from their one definition in safeguarding_rules.reports.schemas.

    python scripts/generate_schemas.py

tests/test_schemas.py fails when a committed schema differs from what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from safeguarding_rules.reports.schemas import SCHEMA_NAMES, build_schema

FOLDER = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules" / "schemas"


def render(name: str) -> str:
    return json.dumps(build_schema(name), indent=2) + "\n"


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for name in SCHEMA_NAMES:
        path = FOLDER / f"{name}.json"
        path.write_text(render(name), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
