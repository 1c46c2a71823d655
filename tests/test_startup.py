"""Start-up stays quick: the package and ``--help`` load no heavy engine until it is needed.

Measured by what is imported, not by a clock (no timed tests): numpy, pyarrow, the holiday
data, cattrs and Babel cost most of the start-up time; docs/performance.md has the figures.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import safeguarding_rules
from safeguarding_rules import cli

HEAVY = ("numpy", "pyarrow", "holidays", "cattrs", "babel", "polars", "duckdb")
ROOT = Path(safeguarding_rules.__file__)


def loaded_after(code: str, modules: Iterable[str] = HEAVY) -> list[str]:
    loaded = f"' '.join(m for m in {tuple(modules)!r} if m in sys.modules)"
    probe = f"import sys\n{code}\nprint({loaded}, file=sys.stderr)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return result.stderr.split()


def test_importing_the_package_loads_no_heavy_engine() -> None:
    assert loaded_after("import safeguarding_rules") == []


def test_help_loads_no_heavy_engine() -> None:
    code = (
        "from safeguarding_rules.cli import main\n"
        "try:\n    main(['--help'], prog_name='safeguarding-rules')\n"
        "except SystemExit:\n    pass"
    )
    assert loaded_after(code) == []


ENGINES = {"numpy", "pyarrow", "holidays", "polars", "duckdb"}


@pytest.mark.parametrize(
    ("args", "not_loaded"),
    [
        # No calendar is built, no fingerprint made and no rule file read.
        (["rules", "--ruleset", "england"], {*ENGINES, "cattrs", "babel", "hashlib", "tomllib"}),
        # A plugin's rule set, with a Christmas overlay read from the bank holidays.
        (["rules", "--ruleset", "conwy"], {*ENGINES, "cattrs", "babel", "hashlib", "tomllib"}),
        (
            ["calendar", "between", "2014-12-15", "2015-01-08", "-d", "england"],
            # It uses no rule set, so neither the plugins nor the rules are loaded.
            {*ENGINES, "cattrs", "babel", "pluggy", "safeguarding_rules.rules"},
        ),
        (["rulesets"], ENGINES),  # its text is made from to_data, so it needs cattrs
        # The --input-format choices once came from the readers' module (numpy and
        # pyarrow: half of a 0.3 s start); they are named in a module of their own.
        (["report", "--help"], {*ENGINES, "lxml", "fastexcel"}),
        (["due", "--help"], {*ENGINES, "lxml", "fastexcel"}),
    ],
)
def test_catalogue_and_calendar_commands_load_no_heavy_engine(
    args: list[str], not_loaded: set[str]
) -> None:
    # The bank holidays come from the shipped snapshot, a calendar is built without numpy,
    # and cattrs is needed only for JSON (to_data) and for reading rule files.
    code = (
        "from safeguarding_rules.cli import main\n"
        f"try:\n    main({args!r}, prog_name='safeguarding-rules')\n"
        "except SystemExit as exit:\n    assert not exit.code, exit.code"
    )
    assert loaded_after(code, not_loaded) == []


def test_every_public_name_is_written_once_and_seen_by_type_checkers_where_it_loads() -> None:
    # Issue 25: each public name is written once, in _EXPORTS (module: names). Type checkers
    # see the names of exactly those modules, star-imported under TYPE_CHECKING; each name
    # loads from a module that lists it in its __all__; __all__ is derived from _EXPORTS.
    tree = ast.parse(ROOT.read_text("utf-8"))
    (checking,) = [node for node in tree.body if isinstance(node, ast.If)]
    starred = [
        "." * node.level + str(node.module)
        for node in checking.body
        if isinstance(node, ast.ImportFrom) and [a.name for a in node.names] == ["*"]
    ]
    assert len(starred) == len(checking.body)  # nothing but star imports: no name twice
    exports = safeguarding_rules._EXPORTS
    assert starred == list(exports)
    for module, names in exports.items():
        public = importlib.import_module(module, "safeguarding_rules").__all__
        assert set(names) <= set(public), module
    lazy = [name for names in exports.values() for name in names]
    assert len(lazy) == len(set(lazy))
    assert set(safeguarding_rules.__all__) == {*lazy, "__version__"}
    source = ROOT.read_text("utf-8")
    for name in lazy:  # written once in the file: in _EXPORTS, nowhere else
        assert len(re.findall(rf'"{name}"', source)) == 1, name
    for name in safeguarding_rules.__all__:
        assert getattr(safeguarding_rules, name) is not None, name
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = safeguarding_rules.no_such_name


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_help_lists_each_command_as_its_own_help_says(name: str) -> None:
    command = cli.main.get_command(click.Context(cli.main), name)
    assert command is not None
    assert command.name == name
    assert command.help is not None
    first = inspect.cleandoc(command.help).split("\n\n")[0]
    assert cli._summary(*cli.COMMANDS[name]) == first
    listing = CliRunner().invoke(cli.main, ["--help"], terminal_width=200).output
    assert f"  {name} " in listing
    assert first.rstrip(".")[:40] in listing


def test_a_report_on_a_csv_file_loads_no_workbook_or_xml_reader(tmp_path: Path) -> None:
    # The Annex A and CIN census readers (fastexcel, lxml) and the whole unit's readers and
    # renderers load only when such a file or report is asked for.
    records = tmp_path / "records.csv"
    records.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "C1,K1,initial,2015-01-08,2014-12-15\n",
        encoding="utf-8",
    )
    code = (
        "from safeguarding_rules.cli import main\n"
        f"try:\n    main(['report', {str(records)!r}, '--format', 'json'], "
        "prog_name='safeguarding-rules')\n"
        "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "unit = ('fastexcel', 'lxml', 'safeguarding_rules.records.adults', "
        "'safeguarding_rules.reports.unit')\n"
        "print(' '.join(m for m in unit if m in sys.modules), file=sys.stderr)"
    )
    probe = f"import sys\n{code}"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stderr.split() == []
