"""The project's own promises: API surface, version, changelog, README and CI in step."""

from __future__ import annotations

import doctest
import re
from importlib.metadata import version
from pathlib import Path

import safeguarding_rules

ROOT = Path(__file__).resolve().parent.parent


def test_all_is_sorted_and_complete() -> None:
    names = safeguarding_rules.__all__

    # isort style, as ruff's RUF022: CONSTANTS, then CamelCase, then everything else.
    def group(name: str) -> int:
        return 0 if name.isupper() else 1 if name[0].isupper() else 2

    assert names == sorted(names, key=lambda n: (group(n), n))
    public = {
        name
        for name in dir(safeguarding_rules)
        if not name.startswith("_") and not isinstance(getattr(safeguarding_rules, name), type(re))
    }
    public -= {"annotations", "version", "PackageNotFoundError"}
    assert public <= set(names)
    for name in names:
        assert hasattr(safeguarding_rules, name), name


def test_version_comes_from_the_installed_metadata() -> None:
    assert safeguarding_rules.__version__ == version("safeguarding-rules")


def test_changelog_has_unreleased_section_and_known_headings() -> None:
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", text, flags=re.M)
    assert versions[0] == "Unreleased"
    order = ["Security", "Removed", "Deprecated", "Added", "Changed", "Fixed"]
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        headings = re.findall(r"^### (\w+)", section, flags=re.M)
        assert all(h in order for h in headings), headings
        assert headings == sorted(headings, key=order.index), headings
    for name in versions:
        assert f"[{name}]: " in text, f"no compare link for {name}"


def _ci_command(name: str) -> str:
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    match = re.search(rf"^{name}='([^']+)'$", script, flags=re.M)
    assert match, name
    return match.group(1)


def test_readme_quick_start_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    assert blocks[0] == _ci_command("QUICKSTART_MAIN")
    assert blocks[1] == _ci_command("QUICKSTART_TEST")


def test_readme_examples_run() -> None:
    failures, tried = doctest.testfile(
        str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert tried > 0
    assert failures == 0
