"""Hostile inputs through the command line (issue 27, items 5, 9, 10, 12 and 13).

No input overwritten by ``-o``, whatever kind of input; no temporary file left by a run
that is stopped; no terminal escape from a rule file; no traceback.
"""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main
from safeguarding_rules.cli._common import given_files
from safeguarding_rules.reports.output import html_text, printable, write_file

CLI = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules" / "cli"
CONWY = Path(__file__).parent / "data" / "conwy.toml"
RECORDS = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
    "A,C1,initial,2015-01-08,2014-12-15\n"
)
ADULTS = "enquiry_id,adult_id,report_received_date,enquiry_concluded_date\nE1,A1,2024-03-28,\n"
MISSING = "episode_id,child_id,returned_at,interview_at\nP1,C1,2024-03-29,\n"
MAPPING = """[columns]
child_id = "child_id"
conference_id = "conference_id"
conference_type = "conference_type"
conference_date = "conference_date"
strategy_discussion_date = "strategy_discussion_date"
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"traceback: {result.exception!r}"
    )
    return result.exit_code, result.stdout, result.stderr


# -- 5. -o never over any input ------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "records": (tmp_path / "records.csv", RECORDS),
        "rules": (tmp_path / "rules.toml", CONWY.read_text("utf-8")),
        "mapping": (tmp_path / "mapping.toml", MAPPING),
        "adults": (tmp_path / "adults.csv", ADULTS),
        "missing": (tmp_path / "missing.csv", MISSING),
        "attendance": (
            tmp_path / "attendance.csv",
            "conference_id,agency,mode,direct_contact\nC1,police,in_person,yes\n",
        ),
    }
    for path, text in files.values():
        path.write_text(text, encoding="utf-8")
    return {name: path for name, (path, _) in files.items()}


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (command, target)
        for command in ("report", "report --unit", "due")
        for target in ("rules", "mapping", "adults", "missing", "attendance")
        if (command, target) != ("due", "attendance")  # due reads no attendance
    ],
)
def test_output_is_never_written_over_any_input(
    inputs: dict[str, Path], command: str, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {name: path.read_bytes() for name, path in inputs.items()}
    args = [*command.split(), str(inputs["records"]), "--rules", str(inputs["rules"])]
    args += ["--mapping", str(inputs["mapping"]), "--adults", str(inputs["adults"])]
    args += ["--missing", str(inputs["missing"])]
    if command == "due":
        args += ["--as-of", "2015-01-10"]
    else:
        args += ["--attendance", str(inputs["attendance"])]
    monkeypatch.chdir(inputs["rules"].parent)
    code, _, err = run(*args, "-o", inputs[target].name)  # a relative path to it
    assert code == 1, err
    assert f"refusing to write {inputs[target].name}: it is the input file" in err
    assert {name: path.read_bytes() for name, path in inputs.items()} == before


def test_the_rule_file_is_protected_by_a_link_too(inputs: dict[str, Path]) -> None:
    link = inputs["rules"].with_name("link.toml")
    link.symlink_to(inputs["rules"])
    code, _, err = run("report", str(inputs["records"]), "--rules", str(inputs["rules"]),
                       "-o", str(link))  # fmt: skip
    assert code == 1
    assert "it is the input file" in err
    assert inputs["rules"].read_text("utf-8") == CONWY.read_text("utf-8")


def test_outside_a_command_no_file_is_given() -> None:
    assert given_files() == []


# -- 9. a run stopped while writing leaves no temporary file -------------------------------


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("the previous report\n", encoding="utf-8")
    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def pieces() -> Iterator[bytes]:
        yield b"{" * 1000
        assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"]
        os.kill(os.getpid(), signal.SIGTERM)
        yield b"}"  # pragma: no cover - never reached

    try:
        with pytest.raises(SystemExit) as stopped:
            write_file(target, pieces())
    finally:
        handler = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, previous)
    assert stopped.value.code == 128 + signal.SIGTERM
    assert handler is signal.SIG_DFL  # put back as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert target.read_text("utf-8") == "the previous report\n"


def test_an_applications_own_handler_is_left_alone(tmp_path: Path) -> None:
    seen: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda number, frame: seen.append(number))
    try:
        write_file(tmp_path / "out.txt", iter([b"a", b"b"]))
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
        os.kill(os.getpid(), signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == [signal.SIGTERM]
    assert (tmp_path / "out.txt").read_text("utf-8") == "ab"


SLOW_WRITER = """
import sys, time
from safeguarding_rules.reports.output import write_file
def pieces():
    yield b"x" * 100_000
    time.sleep(60)
    yield b"y"
write_file(sys.argv[1], pieces())
"""


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_stopped_process_leaves_no_temporary_file(tmp_path: Path, stop: str) -> None:
    target = tmp_path / "report.json"
    child = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)],
                             stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 30
    while not [p for p in tmp_path.iterdir() if p.suffix == ".part"]:
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.05)
    child.send_signal(getattr(signal, stop))
    child.wait(timeout=30)
    assert child.returncode != 0
    assert list(tmp_path.iterdir()) == []


# -- 10. rule-file text never reaches a terminal raw ---------------------------------------

ESCAPES = "\\u001b[2J\\u001b]0;pwned\\u0007\\u202eevil\\u2066"


@pytest.fixture
def hostile_rules(tmp_path: Path) -> Path:
    text = CONWY.read_text("utf-8")
    text = text.replace(
        'title = "Conwy (extends Wales), from a rule file"', f'title = "Conwy {ESCAPES}"'
    )
    text = text.replace(
        'title = "Initial child protection conference"', f'title = "ICPC {ESCAPES}"'
    )
    text = text.replace(
        'title = "Conwy ICPC timeliness action plan (annual report 2014-15)"',
        f'title = "Action plan {ESCAPES}"',
    )
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["rulesets"],
        ["rules"],
        ["rules", "--unconfirmed", "-r", "conwy-file"],
        ["deadlines", "--strategy-discussion", "2015-01-05"],
        ["deadlines", "--strategy-discussion", "2015-01-05", "--language", "cy"],
    ],
)
def test_rule_file_text_is_shown_escaped(hostile_rules: Path, args: list[str]) -> None:
    code, out, err = run(*args, "--rules", str(hostile_rules))
    assert code == 0, err
    shown = out + err
    assert not [c for c in shown if (ord(c) < 0x20 and c not in "\n\t") or c in "\u202e\u2066"]
    assert "\\x1b[2J\\x1b]0;pwned\\x07\\u202eevil\\u2066" in shown


def test_every_command_prints_through_the_one_escaping_function() -> None:
    """Nothing in the commands calls click.echo but cli/_common.py's echo (and warn)."""
    callers = []
    for path in sorted(CLI.glob("*.py")):
        if path.name in ("_common.py", "scaffold.py"):  # scaffold prints only paths it wrote
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("echo", "secho")
                and isinstance(node.value, ast.Name)
                and node.value.id == "click"
            ):
                callers.append(f"{path.name}:{node.lineno}")
    assert callers == []


def test_bidirectional_controls_are_shown_in_html(tmp_path: Path, hostile_rules: Path) -> None:
    records = tmp_path / "records.csv"
    records.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
        "reason_for_delay\nA\u202eB,K\u2067X,initial,2015-02-27,2014-12-15,ill\u200f\u061c\n",
        encoding="utf-8",
    )
    rules = ["--rules", str(hostile_rules)]
    for extra in ([], ["--unit"], rules, [*rules, "--unit"]):
        code, out, err = run("report", str(records), "--format", "html", *extra)
        assert code == 0, err
        assert not [
            c
            for c in out
            if c
            in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\x1b\x07"
        ]
    code, out, _ = run("report", str(records), "--format", "html")
    assert "K\\u2067X" in out
    assert "ill\\u200f\\u061c" in out
    code, out, _ = run("report", str(records), "--format", "html", *rules)
    assert "Conwy \\x1b[2J\\x1b]0;pwned\\x07\\u202eevil\\u2066" in out


def test_html_text_and_printable_show_every_bidirectional_control() -> None:
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    assert printable(controls) == "".join(f"\\u{ord(c):04x}" for c in controls)
    assert html_text('<a href="x">\u202e') == "&lt;a href=&quot;x&quot;&gt;\\u202e"
    assert printable("\u0627\u0644\u0639\u0631\u0628\u064a\u0629 O\u2019Brien \u00a3") == (
        "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 O\u2019Brien \u00a3"
    )


# -- 12. no traceback ------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("output_format", ["text", "json", "csv"])
def test_a_full_disk_on_standard_output_is_one_line(tmp_path: Path, output_format: str) -> None:
    records = tmp_path / "records.csv"
    records.write_text(RECORDS, encoding="utf-8")
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "safeguarding_rules", "report", str(records),
             "--format", output_format],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == "Error: cannot write the output: No space left on device\n"


def test_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    records = tmp_path / "records.csv"
    records.write_text(RECORDS + "".join(f"B{i},C{i},initial,2015-01-08,2014-12-15\n"
                                         for i in range(20_000)), encoding="utf-8")  # fmt: skip
    done = subprocess.run(
        f"{sys.executable} -m safeguarding_rules report {records} --format csv | head -1",
        shell=True, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.stdout.startswith("row,child_id")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a" * 250, "at most 64 characters"),
        ("a" * 65, "at most 64 characters"),
    ],
)
def test_new_plugin_refuses_a_name_too_long(tmp_path: Path, name: str, message: str) -> None:
    code, _, err = run("new-plugin", name, "--extends", "england", "--directory", str(tmp_path))
    assert code == 1
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_new_plugin_takes_a_name_of_64_characters(tmp_path: Path) -> None:
    code, _out, err = run(
        "new-plugin", "a" * 64, "--extends", "england", "--directory", str(tmp_path)
    )
    assert code == 0, err
    assert (tmp_path / f"safeguarding-rules-{'a' * 64}" / "pyproject.toml").exists()


def test_new_plugin_into_a_place_it_cannot_write(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(
        "new-plugin", "testshire", "--extends", "england", "--directory", str(blocker)
    )
    assert code in (1, 2)
    assert "is not a folder" in err or "is a file" in err
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        code, _, err = run(
            "new-plugin", "testshire", "--extends", "england", "--directory", str(locked)
        )
    finally:
        locked.chmod(0o700)
    assert code == 1
    assert f"cannot write {locked / 'safeguarding-rules-testshire'}: Permission denied" in err
    assert list(locked.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc (Linux)")
def test_new_plugin_into_proc(tmp_path: Path) -> None:
    code, _, err = run("new-plugin", "testshire", "--extends", "england", "--directory", "/proc")
    assert code == 1
    assert err.startswith("Error: cannot write /proc/safeguarding-rules-testshire: ")
    assert "nothing was written" in err


def test_an_unexpected_os_error_naming_a_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise IsADirectoryError(21, "Is a directory", "/some/where")

    monkeypatch.setattr("safeguarding_rules.cli.rules.compute_deadlines", broken)
    code, _, err = run("deadlines", "-r", "england", "--strategy-discussion", "2015-01-05")
    assert code == 1
    assert err == "Error: cannot use /some/where: Is a directory\n"


# -- 13. every error names its file and place, through the command line too ----------------


def test_a_mapping_of_the_wrong_shape_through_the_command(tmp_path: Path) -> None:
    records = tmp_path / "records.csv"
    records.write_text(RECORDS, encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text("columns = 5\n", encoding="utf-8")
    code, _, err = run("report", str(records), "--mapping", str(mapping))
    assert code == 1
    assert f"{mapping}, row 0: mapping file: [columns] must be a table" in err
    assert "not iterable" not in err


def test_json_output_is_unchanged_by_the_escaping(hostile_rules: Path) -> None:
    code, out, _ = run("rulesets", "--rules", str(hostile_rules), "--format", "json")
    assert code == 0
    titles = [entry["title"] for entry in json.loads(out)]
    assert "Conwy \x1b[2J\x1b]0;pwned\x07\u202eevil\u2066" in titles
