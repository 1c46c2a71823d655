"""reports.output: neutralised CSV cells, printable text, atomic writes that spare inputs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules.reports.output import (
    _CONTROL,
    FORMULA_TRIGGERS,
    OutputError,
    _escape_control,
    csv_text,
    neutralise_cell,
    printable,
    printable_line,
    write_file,
)


@pytest.mark.parametrize("first", sorted(FORMULA_TRIGGERS))
def test_each_trigger_is_neutralised(first: str) -> None:
    assert neutralise_cell(first + "1+1") == "'" + first + "1+1"


@pytest.mark.parametrize("value", ["", "C1", "'=x", " =1", "2015-01-08", "100%", "\uff58"])
def test_other_cells_are_left_alone(value: str) -> None:
    assert neutralise_cell(value) == value


@given(st.lists(st.dictionaries(st.sampled_from("abc"), st.text()), max_size=5))
def test_csv_cells_round_trip_apart_from_the_neutralising_quote(
    rows: list[dict[str, str]],
) -> None:
    text = csv_text(("a", "b", "c"), rows)
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert back[0] == ["a", "b", "c"]
    expected = [[neutralise_cell(row.get(k, "")) for k in "abc"] for row in rows]
    assert back[1:] == expected
    assert not [cell for line in back for cell in line if cell[:1] in FORMULA_TRIGGERS]


@given(st.text())
def test_printable_leaves_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not [c for c in shown if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert "\u202e" not in shown
    assert "\n" not in printable_line(text)


@given(
    st.text(st.characters(codec="utf-8") | st.sampled_from("\x1b\r\x85\u2028\u202e\u2066\u2019é"))
)
def test_printable_is_the_regular_expressions_answer(text: str) -> None:
    # The fast screen (no byte a control could begin with) never changes the answer.
    assert printable(text) == _CONTROL.sub(_escape_control, text)


def test_printable_keeps_ordinary_text() -> None:
    assert (
        printable("Ysgol Gymraeg Aberystwyth, Siân\n\tok")
        == "Ysgol Gymraeg Aberystwyth, Siân\n\tok"
    )
    assert printable("a\x1b[2Jb\r\x00\x07\u202e") == "a\\x1b[2Jb\\r\\x00\\x07\\u202e"


def test_write_file_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_file(target, "one\n")
    write_file(target, "two\n")
    assert target.read_text("utf-8") == "two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_file_follows_a_symlinked_output(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_file(link, "new")
    assert link.is_symlink()
    assert real.read_text("utf-8") == "new"


def test_write_file_refuses_an_input(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("data", encoding="utf-8")
    with pytest.raises(OutputError, match="it is the input file"):
        write_file(tmp_path / "." / "in.csv", "x", inputs=[None, "-", source])
    assert source.read_text("utf-8") == "data"


def test_write_file_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder"):
        write_file(tmp_path, "x")
