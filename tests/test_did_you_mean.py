"""Did-you-mean for every name a user types (issue 30 item 10): one helper, every look-up."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules import (
    Attendance,
    AttendanceMode,
    UnknownRuleSetError,
    UnrecognisedAgencyError,
    _suggest,
    get_rule_set,
    load_rule_sets,
)
from safeguarding_rules._suggest import did_you_mean
from safeguarding_rules.cli import main
from safeguarding_rules.records import InputErrors, read_attendance

RULE_SETS = load_rule_sets()


def test_the_helpers_examples_hold() -> None:
    assert doctest.testmod(_suggest).failed == 0


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("walse", ["england", "wales"], " (did you mean 'wales'?)"),
        ("WALES", ["england", "wales"], " (did you mean 'wales'?)"),
        (" wales", ["england", "wales"], " (did you mean 'wales', without the spaces?)"),
        ("narnia", ["england", "wales"], ""),
        ("icp", ("icpc", "first_review"), " (did you mean 'icpc'?)"),
        ("x", [], ""),
    ],
)
def test_did_you_mean(word: str, choices: list[str], expected: str) -> None:
    assert did_you_mean(word, choices) == expected


def test_a_misspelt_rule_set_is_suggested_by_the_library_and_the_command_line() -> None:
    with pytest.raises(
        UnknownRuleSetError, match=r"unknown rule set 'walse' \(did you mean 'wales'\?\); installed"
    ):
        get_rule_set("walse")
    result = CliRunner().invoke(main, ["rules", "-r", "walse"])
    assert result.exit_code != 0
    assert "unknown rule set 'walse' (did you mean 'wales'?)" in result.output
    result = CliRunner().invoke(
        main, ["deadlines", "-r", "Englnd", "--strategy-discussion", "2020-01-06"]
    )
    assert "(did you mean 'england'?)" in result.output


def test_a_misspelt_rule_set_in_the_pytest_ini_option_is_suggested(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nsgr_rule_set = walse\n", encoding="utf-8")
    (tmp_path / "test_qa.py").write_text(
        "def test_uses_the_rule_set(sgr_rule_set):\n    pass\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "unknown rule set 'walse' (did you mean 'wales'?)" in result.stdout


def test_a_misspelt_agency_under_strict_is_suggested_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "attendance.csv"
    path.write_text(
        "conference_id,agency,mode,direct_contact\nE1,childrens social care,in_person,yes\n"
        "E1,Polise,in_person,yes\nE1,Helth visitor,in_person,yes\nE1,Women's Aid,remote,no\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["quoracy", str(path), "-r", "england", "--strict"])
    assert result.exit_code != 0
    assert (
        "row 3, column 'agency': agency name not recognised (--strict) (did you mean 'police'?)"
        in result.stderr
    )
    assert "(did you mean 'health_visitor'?)" in result.stderr
    assert "Women's Aid" in result.stderr
    with pytest.raises(InputErrors) as raised:
        read_attendance(path, strict=True)
    assert [p.message.count("did you mean") for p in raised.value.problems] == [1, 1, 0]


def test_a_misspelt_agency_in_strict_evaluation_is_suggested() -> None:
    present = [
        Attendance(agency=name, mode=AttendanceMode.IN_PERSON, direct_contact=True)
        for name in ("CSC", "Polise", "Women's Aid")
    ]
    with pytest.raises(UnrecognisedAgencyError) as raised:
        RULE_SETS["england"].evaluate_quorum(present, conference_id="C1", strict=True)
    assert "'Polise' (did you mean 'police'?), \"Women's Aid\";" in str(raised.value)
