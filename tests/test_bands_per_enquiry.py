"""The DfE bands count what their label says, in every format.

Per conference where the file says which children shared one; per enquiry (each child's
row) where it does not, as the Standard Safeguarding Dataset with a meeting id missing.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from safeguarding_rules.cli import main
from safeguarding_rules.testing.ssd import ddl

#: Two children seen at meeting M1, 16 working days after their enquiries started, and a
#: third child's conference (I3) recorded with no meeting id, 12 working days after.
_ROWS: dict[str, list[tuple[str | None, ...]]] = {
    "ssd_s47_enquiry": [
        ("S1", None, "0001134", "2024-12-20", None),
        ("S2", None, "0001135", "2024-12-20", None),
        ("S3", None, "0002001", "2025-04-10", None),
    ],
    "ssd_initial_cp_conference": [
        ("I1", "M1", "S1", "0001134", None, None, "N", None, "2025-01-16", "N"),
        ("I2", "M1", "S2", "0001135", None, None, "N", None, "2025-01-16", "N"),
        ("I3", None, "S3", "0002001", None, None, "N", None, "2025-04-30", "N"),
    ],
    "ssd_cp_plans": [],
    "ssd_cp_reviews": [],
}


def _ssd(tmp_path: Path, *, meeting_for_i3: bool) -> str:
    path = tmp_path / "ssd.db"
    connection = sqlite3.connect(path)
    for name, rows in _ROWS.items():
        connection.execute(ddl(name, sqlite=True))
        for row in rows:
            if meeting_for_i3 and row[0] == "I3":
                row = (row[0], "M2", *row[2:])
            connection.execute(f"INSERT INTO {name} VALUES ({', '.join('?' * len(row))})", row)
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


def _report(source: str, form: str) -> str:
    result = CliRunner().invoke(main, ["report", source, "--format", form])
    assert result.exit_code == 0, result.output
    return result.output


def test_without_meeting_ids_the_bands_count_each_enquiry(tmp_path: Path) -> None:
    source = _ssd(tmp_path, meeting_for_i3=False)
    text = _report(source, "text")
    assert "DfE bands (working days, per enquiry): 0-10: 0, 11-15: 1, 16-20: 2, 21+: 0" in text
    section = json.loads(_report(source, "json"))["initial_conference_timeliness"]
    assert "why" in section["by_conference"]  # not known
    assert section["bands"] == {"0-10": 0, "11-15": 1, "16-20": 2, "21+": 0}
    page = _report(source, "html")
    assert "Enquiries by DfE band of working days" in page
    assert "<title>enquiries 16-20: 2</title>" in page
    assert "Conferences by DfE band" not in page


def test_with_every_meeting_id_the_bands_count_each_conference(tmp_path: Path) -> None:
    source = _ssd(tmp_path, meeting_for_i3=True)
    text = _report(source, "text")
    assert "DfE bands (working days, per conference): 0-10: 0, 11-15: 1, 16-20: 1, 21+: 0" in (text)
    section = json.loads(_report(source, "json"))["initial_conference_timeliness"]
    assert section["bands"] == {"0-10": 0, "11-15": 1, "16-20": 1, "21+": 0}
    page = _report(source, "html")
    assert "Conferences by DfE band of working days" in page
    assert "<title>conferences 16-20: 1</title>" in page
