"""Write a ready local rule-set plugin: ``safeguarding-rules new-plugin NAME --extends wales``.

The package it writes installs and passes its own tests unchanged: a ``pyproject.toml``
with the entry point, a ``hooks.py`` that registers a TOML rule file in one line, the rule
file itself (changing nothing yet, with every table shown in comments), a README that states
the sources and the day-counting assumption, and a test module that runs the conformance kit.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import textwrap

from .plugins import RuleSets, load_rule_sets
from .rulefile import parse_rule_file
from .rules import RuleSetDefinitionError

__all__ = ["MAX_NAME_LENGTH", "NAME_PATTERN", "new_plugin"]

#: A rule-set name a plugin can be built for: lower-case words joined by hyphens.
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
#: The longest name: folders and files are named after it (``safeguarding-rules-NAME``),
#: and a file name may have at most 255 bytes. The longest UK council or trust names run
#: to about 45 characters as a slug ("south-eastern-health-and-social-care-trust").
MAX_NAME_LENGTH = 64

_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.26"]
build-backend = "hatchling.build"

[project]
name = "safeguarding-rules-{name}"
version = "0.1.0"
description = "{title}'s local child protection rules for safeguarding_rules (extends {extends})."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["safeguarding-rules"]

[project.optional-dependencies]
# What the package's own tests need: pip install -e ".[test]"
test = ["pytest>=8"]

[project.entry-points.safeguarding_rules]
{name} = "{package}.hooks"

[tool.hatch.build.targets.wheel]
packages = ["src/{package}"]

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = ["-ra", "--strict-markers", "--import-mode=importlib"]
"""

_HOOKS = '''\
"""{title}: the local rule set in rules.toml, registered with safeguarding_rules."""

from __future__ import annotations

from importlib.resources import files

from safeguarding_rules import RuleSetRegistry, hookimpl, load_rule_file


@hookimpl
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the rule set in ``rules.toml``."""
    registry.extend(load_rule_file(files("{package}") / "rules.toml"))
'''

_RULES = """\
# {title}: local child protection rules. Only what differs from '{extends}' goes here;
# every other rule of '{extends}' applies unchanged. Every rule names its edition and its
# source, with an honest confidence tag: C1 (read in a primary source), C2 (secondary
# sources only) or UNCONFIRMED. The keys are in the safeguarding_rules guide "Local rules
# in a text file"; uncomment and edit the tables below as you need them.

name = "{name}"
title = "{title} (extends {extends})"
extends = "{extends}"
notes = "Extends {extends}: every {extends} timescale applies unchanged."

# One edition of your procedures; rules name it by its id.
# [editions.{ident}_procedures]
# title = "{title} child protection procedures"
# effective_from = 2025-04-01
# dates_confidence = "UNCONFIRMED"
# dates_source = "where the start date comes from"

# A national rule counted your way, from the edition's start date on (the national
# versions before then are kept).
# [[replace]]
# id = "icpc"
# title = "Initial child protection conference"
# n = 15
# unit = "working_days"
# start_event = "strategy_discussion_last"
# edition = "{ident}_procedures"
# source = "{title} procedures, section ..."
# confidence = "C1"    # with "UNCONFIRMED", also say: unconfirmed_reason = "what is missing"
#
# [[replace.evidence]]  # the passage that supports it, verbatim (at most 30 words)
# quote = "..."
# title = "{title} child protection procedures, section ..."
# url = "where you read it"
# checked = 2025-04-01

# A rule '{extends}' does not have.
# [[add]]
# id = "report_to_parents"
# title = "Social work report shared with parents"
# n = 3
# unit = "working_days"
# start_event = "conference"
# direction = "before"
# conference_types = ["initial"]
# edition = "{ident}_procedures"
# source = "{title} procedures, section ..."
# confidence = "C1"

# Your quorum, replacing the national one as a whole.
# [quorum]
# title = "Children's social care and 2 other agencies"
# source = "{title} procedures, section ..."
# confidence = "C1"
# required = ["childrens_social_care"]
# min_other = 2
# counting_modes = ["in_person", "remote"]

# Office closures, counted only with --use-overlay (national indicators do not count them).
# [overlay]
# name = "{title} office closures"
# source = "where the closure days come from"
# closure_reason = "office closure"
# closures = [2025-12-29, 2025-12-30, 2025-12-31]

# How you report your indicators.
# [reporting]
# headline_unit = "child"
# period = "quarter"
# target = 0.9
# source = "your performance framework"
# confidence = "C1"
"""

_README = """\
# safeguarding-rules-{name}

{title}'s local child protection rules for
[safeguarding_rules](https://pypi.org/project/safeguarding-rules/). The rule set is
`{name}`; it **extends `{extends}`**, so every {extends} timescale applies unchanged except
where `src/{package}/rules.toml` says otherwise.

## Sources

| what | rule | source | confidence |
|---|---|---|---|
| everything | as `{extends}` | the `{extends}` rule set's own sources \
(`safeguarding-rules rules --ruleset {extends}`) | as listed there |

Add a row for each rule you add or replace in `rules.toml`, with the document, section and
date you read it in, and an honest confidence tag (C1, C2 or UNCONFIRMED).

## How days are counted

A working day is a Monday to Friday that is not a bank holiday of the `{division}`
calendar. The day of the event is day 0 and is not counted: 15 working days after a
strategy discussion on a Monday is the Monday three weeks later when no bank holiday
intervenes. Closures listed in `[overlay]` count as non-working days **only** when asked for
(`--use-overlay`, or `use_overlay=True`), because national performance indicators count only
weekends and bank holidays; every output names the overlay it used.

## Use

```sh
pip install -e .
safeguarding-rules rulesets                          # lists {name}
safeguarding-rules deadlines --ruleset {name} --strategy-discussion 2025-06-02
safeguarding-rules report records.csv --ruleset {name}
```

## Test

```sh
pip install -e ".[test]"
python -m pytest
```

The tests run the conformance kit every built-in rule set passes
(`safeguarding_rules.testing.RuleSetContract`), and check that `rules.toml` is the rule set
that is installed.
"""

_TEST = '''\
"""{title}'s rule set passes the conformance kit, and is the one in rules.toml."""

from __future__ import annotations

from importlib.resources import files

from safeguarding_rules import load_rule_file, load_rule_sets
from safeguarding_rules.testing import RuleSetContract


class Test{camel}(RuleSetContract):
    rule_set_name = "{name}"


def test_the_installed_rule_set_is_the_rule_file() -> None:
    local = load_rule_file(files("{package}") / "rules.toml")
    installed = load_rule_sets()["{name}"]
    assert (installed.name, installed.extends) == (local.name, "{extends}")
'''


def new_plugin(
    name: str,
    *,
    extends: str,
    directory: pathlib.Path,
    title: str | None = None,
    rule_sets: RuleSets | None = None,
) -> pathlib.Path:
    """Write the distribution ``safeguarding-rules-<name>`` in ``directory``; return its path.

    :param name: the rule set's name, lower-case words joined by hyphens (``"testshire"``).
    :param extends: the loaded rule set it extends (``"wales"``).
    :param title: the council's name as written (default: ``name`` in title case).
    :param rule_sets: the loaded rule sets to check against (default: loaded now).
    :raises RuleSetDefinitionError: for a bad name, a name already taken, an unknown parent,
        or a folder that already exists (nothing is ever overwritten).
    """
    if not NAME_PATTERN.fullmatch(name) or len(name) > MAX_NAME_LENGTH:
        shown = name if len(name) <= 40 else f"{name[:37]}... ({len(name)} characters)"
        raise RuleSetDefinitionError(
            f"plugin name {shown!r}: use lower-case letters, digits and single hyphens, "
            f"starting with a letter, at most {MAX_NAME_LENGTH} characters (e.g. 'testshire' "
            "or 'north-testshire')"
        )
    loaded = rule_sets if rule_sets is not None else load_rule_sets()
    parent = loaded[extends]
    if name in loaded:
        raise RuleSetDefinitionError(
            f"a rule set named {name!r} is already installed (plugin {loaded.plugin_of(name)!r})"
        )
    target = directory / f"safeguarding-rules-{name}"
    if target.exists():
        raise RuleSetDefinitionError(f"{target} already exists; nothing was written")
    if directory.exists() and not directory.is_dir():
        raise RuleSetDefinitionError(f"{directory} is not a folder; nothing was written")
    package = "safeguarding_rules_" + name.replace("-", "_")
    fields = {
        "name": name,
        "title": title or name.replace("-", " ").title(),
        "extends": extends,
        "package": package,
        "ident": name.replace("-", "_"),
        "camel": "".join(part.title() for part in name.split("-")),
        "division": parent.division,
    }
    files = {
        "pyproject.toml": _PYPROJECT,
        "README.md": _README,
        f"src/{package}/__init__.py": '"""{title}\'s local child protection rules."""\n',
        f"src/{package}/hooks.py": _HOOKS,
        f"src/{package}/rules.toml": _RULES,
        f"tests/test_{fields['ident']}.py": _TEST,
    }
    written = {path: template.format(**fields) for path, template in files.items()}
    parse_rule_file(written[f"src/{package}/rules.toml"], label="rules.toml")
    try:
        for path, text in written.items():
            destination = target / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(textwrap.dedent(text), encoding="utf-8")
    except OSError as error:
        shutil.rmtree(target, ignore_errors=True)  # it did not exist: leave nothing half-made
        raise RuleSetDefinitionError(
            f"cannot write {target}: {error.strerror or error}; nothing was written"
        ) from None
    return target
