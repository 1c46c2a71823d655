"""A CSV file read block by block gives exactly what it gives read whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from safeguarding_rules import calendar_for
from safeguarding_rules._columnar import csv_blocks as module
from safeguarding_rules.records import ConferenceRecords, InputErrors, read_conference_records

HEADER = "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,reason_for_delay\n"


def messy_file(path: Path) -> Path:
    """Rows of every kind a block boundary could split: good, ragged, bad, blank, quoted."""
    lines = [HEADER]
    for number in range(120):
        conference = f"K{number // 3:04d}"
        match number % 12:
            case 3:
                lines.append(f"C{number:04d},{conference},initial,2015-01-08\n")  # ragged
            case 5:
                lines.append(f"C{number:04d},{conference},initial,2015-02-30,2014-12-15,\n")
            case 7:
                lines.append("\n")  # blank
            case 9:
                lines.append(
                    f'C{number:04d},{conference},initial,2015-01-08,2014-12-15,"late: a\nb"\n'
                )
            case _:
                lines.append(f"C{number:04d},{conference},initial,2015-01-08,2014-12-15,\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def read(path: Path, progress: Callable[[int], object] | None = None) -> ConferenceRecords:
    return read_conference_records(
        path, calendar_for("england-and-wales"), skip_invalid=True, progress=progress
    )


@pytest.mark.parametrize("block_size", [64, 256, 1000])
def test_blocks_give_the_same_records_and_problems_as_one_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block_size: int
) -> None:
    path = messy_file(tmp_path / "records.csv")
    whole = read(path)
    monkeypatch.setattr(module, "BLOCK_SIZE", block_size)
    counts: list[int] = []
    blocks = read(path, progress=counts.append)
    assert len(counts) > 3  # read in several blocks
    assert blocks.problems == whole.problems
    assert blocks.skipped_rows == whole.skipped_rows
    for name in ("rows", "conference_code", "child_code", "kind", "conference_date"):
        assert np.array_equal(getattr(blocks, name), getattr(whole, name)), name
    assert blocks.child_id.tolist() == whole.child_id.tolist()
    assert blocks.reason_for_delay.tolist() == whole.reason_for_delay.tolist()
    assert counts == sorted(counts)
    assert counts[-1] == len(whole) + whole.skipped_rows + 10  # and the 10 blank lines


def test_problems_name_the_same_rows_in_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = messy_file(tmp_path / "records.csv")
    with pytest.raises(InputErrors) as whole:
        read_conference_records(path, calendar_for("england-and-wales"))
    monkeypatch.setattr(module, "BLOCK_SIZE", 128)
    with pytest.raises(InputErrors) as blocks:
        read_conference_records(path, calendar_for("england-and-wales"))
    assert blocks.value.problems == whole.value.problems
    assert {p.row for p in whole.value.problems} >= {5, 7}  # a ragged row, a bad date
