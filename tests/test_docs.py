"""The documentation stays honest: hooks, catalogue and examples checked against the code."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
from pathlib import Path

from safeguarding_rules import get_plugin_manager, hookspecs

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _script(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_hook_is_documented_with_its_signature() -> None:
    guide = (DOCS / "plugins.md").read_text("utf-8")
    reference = (DOCS / "hooks.rst").read_text("utf-8")
    assert ".. automodule:: safeguarding_rules.hookspecs" in reference
    names = [
        name
        for name in dir(get_plugin_manager(load_entrypoints=False).hook)
        if name.startswith("sgr_")
    ]
    assert names
    for name in names:
        spec = getattr(hookspecs, name)
        params = ", ".join(inspect.signature(spec).parameters)
        assert f"### `{name}({params})`" in guide, name
        assert name in reference, name
        assert spec.__doc__
        for param in inspect.signature(spec).parameters:
            assert f":param {param}:" in spec.__doc__, (name, param)


def test_rule_catalogue_page_is_current() -> None:
    generate = _script("generate_catalogue")
    committed = (DOCS / "catalogue.md").read_text("utf-8")
    assert committed == generate.render(), (  # type: ignore[attr-defined]
        "docs/catalogue.md is out of date: run python scripts/generate_catalogue.py"
    )


def test_vocabulary_page_is_current() -> None:
    generate = _script("generate_vocabulary")
    committed = (DOCS / "vocabulary.md").read_text("utf-8")
    assert committed == generate.render(), (  # type: ignore[attr-defined]
        "docs/vocabulary.md is out of date: run python scripts/generate_vocabulary.py"
    )


def test_api_reference_page_is_current() -> None:
    generate = _script("generate_api")
    committed = (DOCS / "api.rst").read_text("utf-8")
    assert committed == generate.render(), (  # type: ignore[attr-defined]
        "docs/api.rst is out of date: run python scripts/generate_api.py"
    )


def test_national_building_blocks_are_public() -> None:
    for name in ("england", "wales", "scotland", "northern_ireland", "guernsey", "isle_of_man"):
        module = importlib.import_module(f"safeguarding_rules.rulesets.{name}")
        assert {"RULE_SET", "sgr_register_rule_sets"} <= set(module.__all__), name
        assert all(hasattr(module, item) for item in module.__all__), name
    assert "QUORUM" in importlib.import_module("safeguarding_rules.rulesets.england").__all__


def test_every_page_is_linked_from_the_index() -> None:
    index = (DOCS / "index.md").read_text("utf-8")
    linked = set(re.findall(r"^([a-z-]+)$", index, flags=re.M))
    pages = {p.stem for p in DOCS.iterdir() if p.suffix in {".md", ".rst"} and p.stem != "index"}
    assert pages <= linked, pages - linked


def test_python_examples_in_docs_run() -> None:
    blocks = [
        block
        for page in sorted(DOCS.glob("*.md"))
        for block in re.findall(r"```python\n(.*?)\n```", page.read_text("utf-8"), flags=re.S)
    ]
    assert len(blocks) >= 5
    for page in sorted(DOCS.glob("*.md")):
        # Blocks on one page share a namespace, so a page can build an example step by step.
        namespace: dict[str, object] = {}
        text = page.read_text("utf-8")
        for block in re.findall(r"```python\n(.*?)\n```", text, flags=re.S):
            exec(compile(block, f"<{page.name}>", "exec"), namespace)


def test_every_name_the_pages_import_is_in_the_api_reference() -> None:
    """Issue 30 item 3: what the pages recommend is on the page that says the rest is private."""
    reference = (DOCS / "api.rst").read_text("utf-8")
    pending: set[str] = set()  # (the report and its readers are public since issue 30 item 1)
    imported = {
        (module, name.split(" as ")[0].strip())
        for page in sorted(DOCS.glob("*.md"))
        for module, names in re.findall(
            r"^from (safeguarding_rules[\w.]*) import ([\w, ]+(?: as \w+)?)$",
            page.read_text("utf-8"),
            flags=re.M,
        )
        for name in names.split(",")
    }
    assert ("safeguarding_rules.testing", "check_due_dates") in imported
    listed = set(re.findall(r"^\.\. auto\w+:: ([\w.]+)$", reference, flags=re.M))
    # A constant of the package is listed where it is defined (its #: comment is there).
    constants = {entry.rsplit(".", 1)[1] for entry in listed}
    missing = [
        f"{module}.{name}"
        for module, name in sorted(imported)
        if not any(module == p or module.startswith(f"{p}.") for p in pending)
        and f"{module}.{name}" not in listed
        and not (module == "safeguarding_rules" and name in constants)
    ]
    assert missing == []
