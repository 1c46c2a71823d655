"""A small corpus of nasty files (tests/corpus/), run through every command that reads them.

Each file is one hostile or broken input seen in the wild or made to attack the tool:
formula cells, an unclosed quote, ragged rows, control characters, a workbook, UTF-16 and
latin-1 text, NUL bytes, JSON nested ten thousand deep, a chair's reason that differs
between rows. Whatever the file, every command ends with a report (exit 0) or a clear
error naming the file (exit 1): never a traceback, never a control character from the
data on the terminal, never a CSV cell a spreadsheet would run. To add a case, drop a
file in tests/corpus/ named ``records-*`` or ``attendance-*``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main
from safeguarding_rules.reports.output import FORMULA_TRIGGERS

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = sorted(CORPUS.glob("*-*.*"))


def commands(path: Path) -> list[list[str]]:
    name = str(path)
    if path.name.startswith("attendance-"):
        return [
            ["quoracy", name, "-r", "england"],
            ["report", "--attendance", name, "--format", "json"],
        ]
    return [
        ["report", name, "--format", "csv"],
        ["report", name, "--format", "html"],
        ["due", name, "--as-of", "2015-01-10"],
        ["due", name, "--as-of", "2015-01-10", "--format", "ics"],
    ]


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 20
    assert {p.name.split("-")[0] for p in FILES} == {"records", "attendance"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("skip", [False, True], ids=["strict", "skip-invalid"])
def test_every_command_survives_every_corpus_file(path: Path, skip: bool) -> None:
    for args in commands(path):
        if skip and args[0] != "due":
            args = [*args, "--skip-invalid"]
        result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{args}: traceback {result.exception!r}"
        )
        assert result.exit_code in (0, 1), (args, result.stderr)
        if result.exit_code == 1:
            assert str(path) in result.stderr, (args, result.stderr)
        # Text and JSON for people; CSV, HTML and iCalendar keep the data (each neutralised
        # its own way: formula cells, HTML escapes, RFC 5545 escapes; see test_hostile_files).
        for_people = not {"csv", "html", "ics"} & set(args)
        shown = result.stderr + (result.stdout if for_people else "")
        controls = [c for c in shown if (ord(c) < 0x20 and c not in "\n\t\r") or c == "\x7f"]
        assert not controls, (args, controls)
        if result.exit_code == 0 and "csv" in args:
            cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
            assert not [cell for cell in cells if cell[:1] in FORMULA_TRIGGERS], args
