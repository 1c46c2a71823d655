"""new-plugin writes a package that installs and passes its own tests unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules import RuleSetDefinitionError, UnknownRuleSetError
from safeguarding_rules.cli import main
from safeguarding_rules.scaffold import new_plugin


@pytest.mark.slow
def test_the_scaffold_installs_and_passes_its_tests_unchanged(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["new-plugin", "testshire", "--extends", "wales", "--directory", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    plugin = tmp_path / "safeguarding-rules-testshire"
    assert f"wrote {plugin}" in result.output
    site = tmp_path / "site"
    # Build and install the wheel as pip would (without fetching anything), then run the
    # package's own tests against it.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
         "--target", str(site), str(plugin)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
    }
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=plugin, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert " passed" in run.stdout
    assert "failed" not in run.stdout


def test_the_scaffold_states_sources_and_counting(tmp_path: Path) -> None:
    plugin = new_plugin("north-testshire", extends="england", directory=tmp_path)
    readme = (plugin / "README.md").read_text("utf-8")
    assert "extends `england`" in readme
    assert "## Sources" in readme
    assert "england-and-wales" in readme
    assert "day 0 and is not counted" in readme
    pyproject = (plugin / "pyproject.toml").read_text("utf-8")
    assert 'north-testshire = "safeguarding_rules_north_testshire.hooks"' in pyproject
    rules = plugin / "src" / "safeguarding_rules_north_testshire" / "rules.toml"
    assert 'extends = "england"' in rules.read_text("utf-8")
    assert (plugin / "tests" / "test_north_testshire.py").exists()


def test_the_scaffold_never_overwrites(tmp_path: Path) -> None:
    new_plugin("testshire", extends="wales", directory=tmp_path)
    with pytest.raises(RuleSetDefinitionError, match="already exists; nothing was written"):
        new_plugin("testshire", extends="wales", directory=tmp_path)


@pytest.mark.parametrize("name", ["Testshire", "test shire", "-x", "x--y", ""])
def test_a_bad_name_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(RuleSetDefinitionError, match="use lower-case letters, digits"):
        new_plugin(name, extends="wales", directory=tmp_path)


def test_an_unknown_parent_or_a_taken_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnknownRuleSetError, match=r"installed rule sets: .*wales"):
        new_plugin("testshire", extends="walse", directory=tmp_path)
    with pytest.raises(RuleSetDefinitionError, match="'conwy' is already installed"):
        new_plugin("conwy", extends="wales", directory=tmp_path)
    result = CliRunner().invoke(main, ["new-plugin", "x", "--extends", "atlantis", "--directory",
                                       str(tmp_path)])  # fmt: skip
    assert result.exit_code == 1
    assert "unknown rule set 'atlantis'" in result.output


def test_the_printed_next_step_installs_the_test_extra_that_brings_pytest(tmp_path: Path) -> None:
    """Issue 30 item 11: the next step works in a fresh environment, which has no pytest."""
    import shlex
    import tomllib

    folder = tmp_path / "my plugins"
    result = CliRunner().invoke(
        main, ["new-plugin", "testshire", "--extends", "wales", "--directory", str(folder)]
    )
    assert result.exit_code == 0, result.output
    plugin = folder / "safeguarding-rules-testshire"
    (line,) = [text for text in result.output.splitlines() if text.startswith("next: ")]
    install, run = line.removeprefix("next: ").split(" && ")
    assert shlex.split(install) == ["pip", "install", "-e", f"{plugin}[test]"]
    assert shlex.split(run) == ["python", "-m", "pytest", str(plugin)]
    project = tomllib.loads((plugin / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["optional-dependencies"]["test"] == ["pytest>=8"]
    assert 'pip install -e ".[test]"' in (plugin / "README.md").read_text("utf-8")
