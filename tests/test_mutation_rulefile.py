"""Rule files: every message and branch of the reader, checked whole (issue 27, mutation score).

Written against the survivors of ``python scripts/mutation.py rulefile``: each test names a
fact the rest of the suite did not check, with the exact message a council would read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safeguarding_rules import (
    Confidence,
    LocalRuleSet,
    RuleFileError,
    load_rule_file,
    parse_rule_file,
)
from safeguarding_rules.rulefile import _base_converter

HEAD = """
name = "t"
title = "T"
extends = "england"

[editions.local]
title = "L"
effective_from = 2024-04-01
dates_confidence = "C1"
"""
RULE = """
[[add]]
id = "extra"
title = "A timescale"
n = 3
unit = "working_days"
start_event = "conference"
edition = "local"
source = "s"
confidence = "C1"
"""
QUORUM = """
[quorum]
title = "Q"
source = "s"
confidence = "C1"
required = ["police"]
min_other = 1
"""
OVERLAY = """
[overlay]
name = "Closures"
"""
WHERE = 't.toml: [[add]] #1 "extra": '


@pytest.fixture(autouse=True)
def _fresh_converter() -> None:
    # The converter is built once per process: build it in the test, so that what it is
    # built from (the hooks) is what the test checks.
    _base_converter.cache_clear()


def _problems(text: str) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        parse_rule_file(text, label="t.toml")
    assert str(caught.value) == "\n".join(caught.value.problems)
    return list(caught.value.problems)


def _rule(extra: str) -> str:
    return HEAD + RULE + extra


def _top(keys: str) -> str:
    """The head, with ``keys`` at the top level (before any table)."""
    return HEAD.replace('extends = "england"', f'extends = "england"\n{keys}')


# -- scalars are never coerced ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_rule("").replace("n = 3", "n = true"), WHERE + "n: expected a whole number, got True"),
        (_rule("").replace('"A timescale"', "3"), WHERE + "title: expected text, got 3"),
        (_rule("").replace('"A timescale"', "false"), WHERE + "title: expected text, got False"),
        (
            HEAD + QUORUM + 'requires_direct_contact = "yes"\n',
            "t.toml: [quorum]: requires_direct_contact: expected true or false, got 'yes'",
        ),
        (
            HEAD + "[reporting]\ntarget = true\n",
            "t.toml: [reporting]: target: expected a number, got True",
        ),
        (
            HEAD + '[reporting]\ntarget = "0.9"\n',
            "t.toml: [reporting]: target: expected a number, got '0.9'",
        ),
    ],
)
def test_a_scalar_of_the_wrong_kind_is_named(text: str, problem: str) -> None:
    assert _problems(text) == [problem]


def test_scalars_of_the_right_kind_are_taken_as_they_are() -> None:
    local = parse_rule_file(
        HEAD + RULE + QUORUM + "requires_direct_contact = false\n[reporting]\ntarget = 1\n"
    )
    (rule,) = local.add
    assert rule.n == 3
    assert type(rule.n) is int
    assert local.quorum is not None
    assert local.quorum.requires_direct_contact is False
    assert local.reporting is not None
    assert local.reporting.target == 1.0
    assert type(local.reporting.target) is float


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (
            "2024-04-01T10:00:00",
            "expected a date such as 2024-04-01, got a date and time "
            "datetime.datetime(2024, 4, 1, 10, 0)",
        ),
        ("5", "expected a date such as 2024-04-01, got 5"),
        ('"soon"', "expected a date such as 2024-04-01, got 'soon'"),
    ],
)
def test_a_value_that_is_no_date_is_named(value: str, problem: str) -> None:
    text = HEAD.replace("effective_from = 2024-04-01", f"effective_from = {value}")
    assert _problems(text) == [f"t.toml: [editions.local]: effective_from: {problem}"]


def test_a_date_in_a_toml_error_is_found_on_the_line_toml_names() -> None:
    hint = (
        "27/12/2024 is not a date TOML reads: if you mean 27 December 2024, write 2024-12-27 "
        "(year-month-day, without quotes)"
    )
    # On a line of its own in an array: the line has no key.
    text = HEAD + OVERLAY + "closures = [\n  2024-12-24,\n  27/12/2024,\n]\n"
    assert _problems(text) == [f"t.toml: line 15: {hint}"]
    # Straight after a quoted text.
    text = HEAD + OVERLAY + 'closures = ["x"27/12/2024]\n'
    assert _problems(text) == [f"t.toml: line 13, closures: {hint}"]
    # A line separator that is not a TOML line break, in a comment above, moves nothing.
    text = HEAD + "# a note\u2028on two lines\n" + OVERLAY + "closures = [27/12/2024]\n"
    assert _problems(text) == [f"t.toml: line 14, closures: {hint}"]
    # A date in a comment, or in a text holding "#", is not what is wrong.
    text = HEAD + "extends = oops # see 1/2/2024 # and more\n"
    (problem,) = _problems(text)
    assert problem.startswith("t.toml: not valid TOML: ")
    text = HEAD + OVERLAY + 'closures = ["#", 27/12/2024]\n'
    assert _problems(text) == [f"t.toml: line 13, closures: {hint}"]


# -- where each problem is: lists, nested tables, their keys ----------------------------------


@pytest.mark.parametrize(
    ("extra", "problems"),
    [
        (
            'conference_types = ["initial", "sideways", "review"]\n',
            [
                "conference_types[1]: 'sideways' is not one of initial, review, transfer_in, "
                "pre_birth"
            ],
        ),
        (
            'conference_types = "initial"\n',
            ["conference_types: expected a list such as [...], got 'initial'"],
        ),
        ("conference_types = 5\n", ["conference_types: expected a list such as [...], got 5"]),
        ("evidence = [5]\n", ["evidence[0]: expected a table, got 5"]),
        (
            '[[add.evidence]]\nquote = "q"\ntitle = "T"\nurl = "u"\nchecked = "soon"\nquot = 1\n',
            [
                "evidence[0].checked: expected a date such as 2024-04-01, got 'soon'",
                "evidence[0]: unknown key 'quot' (did you mean 'quote'?)",
            ],
        ),
        (
            '[[add.evidence]]\nquote = "q"\n',
            [
                "evidence[0].title: required",
                "evidence[0].url: required",
                "evidence[0].checked: required",
            ],
        ),
    ],
)
def test_a_problem_inside_a_list_or_a_nested_table_names_its_place(
    extra: str, problems: list[str]
) -> None:
    assert _problems(_rule(extra)) == [WHERE + problem for problem in problems]


def test_a_nested_rule_names_its_key_and_its_field() -> None:
    reconvene = "[quorum.reconvene]\n" + RULE.split("\n", 2)[2].replace("n = 3", "n = 0")
    assert _problems(HEAD + QUORUM + reconvene) == [
        "t.toml: [quorum]: reconvene.n must be at least 1, got 0"
    ]
    assert _problems(HEAD + QUORUM + "reconvene = 5\n") == [
        "t.toml: [quorum]: reconvene: expected a table, got 5"
    ]


def test_a_list_that_is_not_an_array_of_tables() -> None:
    assert _problems(_top("replace = 5")) == ["t.toml: replace: expected [[replace]] tables, got 5"]
    assert _problems(_top('add = [5, { id = "x" }]')) == [
        "t.toml: add: expected [[add]] tables, got [5, {'id': 'x'}]"
    ]


def test_a_rule_whose_id_is_not_text_is_named_by_its_number() -> None:
    assert _problems(_rule("").replace('id = "extra"', "id = 5")) == [
        "t.toml: [[add]] #1: id: expected text, got 5"
    ]


def test_a_top_level_table_that_is_not_a_table() -> None:
    assert _problems(_top("quorum = 5")) == ["t.toml: [quorum]: expected a table, got 5"]
    assert _problems(_top("reporting = 5\noverlay = 6")) == [
        "t.toml: [overlay]: expected a table, got 6",
        "t.toml: [reporting]: expected a table, got 5",
    ]


# -- editions ---------------------------------------------------------------------------------


def test_an_edition_that_is_not_an_id_or_not_defined() -> None:
    assert _problems(_rule("").replace('edition = "local"', "edition = 5")) == [
        WHERE + "edition: expected the id of an edition defined in an [editions.<id>] table, got 5"
    ]
    second = '\n[editions.later]\ntitle = "M"\neffective_from = 2025-04-01\n'
    assert _problems(HEAD + second + RULE.replace('"local"', '"zzz"')) == [
        WHERE + "edition: unknown edition 'zzz'; editions defined in this file: local, later"
    ]
    without = HEAD.split("[editions.local]")[0]
    assert _problems(without + RULE) == [
        WHERE + "edition: unknown edition 'local'; editions defined in this file: none"
    ]


def test_edition_tables_that_cannot_be_read_are_each_named() -> None:
    without = HEAD.split("[editions.local]")[0]
    assert _problems(without + "editions = 5\n") == [
        "t.toml: [editions]: expected [editions.<id>] tables, got 5"
    ]
    # Each table is read, whatever was wrong with the one before.
    text = HEAD.replace('title = "L"', 'id = "local"\ntitle = "L"') + "[editions.x]\ny = 1\n"
    assert _problems(text) == [
        "t.toml: [editions.local]: the id is the table's name: remove 'id'",
        "t.toml: [editions.x]: title: required",
        "t.toml: [editions.x]: effective_from: required",
        "t.toml: [editions.x]: unknown key 'y'",
    ]
    text = HEAD.replace("[editions.local]", "[editions]\nx = 5\n\n[editions.local]")
    assert _problems(text) == ["t.toml: [editions.x]: expected a table, got 5"]


# -- the overlay ------------------------------------------------------------------------------


def test_the_overlay_reads_every_key() -> None:
    text = HEAD + OVERLAY + 'source = "Handbook"\nclosure_reason = "office closed"\n'
    text += 'closures = [2024-12-27, { date = 2024-12-30, reason = "stock take" }]\n'
    text += "working_days = [2024-12-28]\n"
    overlay = parse_rule_file(text).overlay
    assert overlay is not None
    assert (overlay.name, overlay.source) == ("Closures", "Handbook")
    assert dict(overlay.closures) == {
        dt.date(2024, 12, 27): "office closed",
        dt.date(2024, 12, 30): "stock take",
    }
    assert overlay.working_days == frozenset({dt.date(2024, 12, 28)})
    bare = parse_rule_file(HEAD + OVERLAY).overlay
    assert bare is not None
    assert (bare.closures, bare.working_days, bare.source) == ((), frozenset(), "")


def test_overlay_problems_are_each_named_and_reading_goes_on() -> None:
    text = HEAD + OVERLAY
    text += 'closures = [5, { date = "x" }, { date = 2024-12-27, reasn = "r" }, 2024-12-24,'
    text += " 2024-12-24, 2040-01-02]\n"
    text += 'working_days = [2024-12-28, "Saturday", 2005-12-31]\n'
    assert _problems(text) == [
        "t.toml: [overlay] closures[0]: expected a date such as 2024-12-27, or a table with "
        "date and reason, got 5",
        "t.toml: [overlay] closures[1]: date: expected a date such as 2024-04-01, got 'x'",
        "t.toml: [overlay] closures[2]: unknown key 'reasn' (did you mean 'reason'?)",
        "t.toml: [overlay] closures[4]: 2024-12-24 is listed twice",
        "t.toml: [overlay] closures[5]: 2040-01-02 is outside the calendar's coverage "
        "(2006-01-01 to 2030-12-31): bank holidays are not known there",
        "t.toml: [overlay] working_days[1]: expected a date such as 2024-04-01, got 'Saturday'",
        "t.toml: [overlay] working_days[2]: 2005-12-31 is outside the calendar's coverage "
        "(2006-01-01 to 2030-12-31): bank holidays are not known there",
    ]


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("closures = 5\n", "t.toml: [overlay]: closures: expected a list such as [...], got 5"),
        (
            "working_days = 2024-12-28\n",
            "t.toml: [overlay]: working_days: expected a list such as [...], got "
            "datetime.date(2024, 12, 28)",
        ),
        (
            "closures = [2024-12-27]\nworking_days = [2024-12-27]\n",
            "t.toml: [overlay]: overlay 'Closures' lists 2024-12-27 both as a closure and as an "
            "extra working day; remove one",
        ),
    ],
)
def test_an_overlay_that_cannot_be_built(extra: str, problem: str) -> None:
    assert _problems(HEAD + OVERLAY + extra) == [problem]


def test_an_overlay_that_is_not_a_table() -> None:
    assert _problems(_top("overlay = 5")) == ["t.toml: [overlay]: expected a table, got 5"]


# -- the top level, the reporting table, the file itself --------------------------------------


def test_the_top_level_and_the_reporting_table_are_read() -> None:
    text = _top('notes = "Local notes"')
    text += '[reporting]\nperiod = "year"\ntarget = 0.8\nsource = "Framework"\nconfidence = "C1"\n'
    local = parse_rule_file(text)
    assert isinstance(local, LocalRuleSet)
    assert (local.name, local.title, local.extends, local.notes) == (
        "t",
        "T",
        "england",
        "Local notes",
    )
    assert local.reporting is not None
    assert (local.reporting.period.value, local.reporting.target) == ("year", 0.8)
    assert (local.reporting.source, local.reporting.confidence) == ("Framework", Confidence.C1)
    assert parse_rule_file(HEAD).reporting is None
    assert _problems(HEAD + "[reporting]\ntarget = 2\n") == [
        "t.toml: [reporting]: 'target' must be <= 1: 2.0"
    ]


def test_top_level_values_that_are_not_text_or_not_valid() -> None:
    text = 'name = 5\ntitle = "T"\nextends = "england"\nnotes = 3\n'
    assert _problems(text) == [
        "t.toml: top level: name: expected text, got 5",
        "t.toml: top level: notes: expected text, got 3",
    ]
    assert _problems('name = ""\ntitle = "T"\nextends = "england"\n') == [
        "t.toml: top level: Length of 'name' must be >= 1: 0"
    ]


def test_without_a_label_the_file_is_called_rule_file() -> None:
    with pytest.raises(RuleFileError) as caught:
        parse_rule_file("name = ")
    assert caught.value.problems == (
        "<rule file>: not valid TOML: Invalid value (at end of document)",
    )


def test_a_file_is_named_by_its_path_in_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "local.toml"
    path.write_bytes(b'name = "t"\ntitle = "\xff"\n')
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert caught.value.problems == (f"{path}: not UTF-8 text: invalid start byte",)
    path.write_text(HEAD + "nmae = 1\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(str(path))
    assert caught.value.problems == (f"{path}: [editions.local]: unknown key 'nmae'",)
    path.write_text(_rule(""), encoding="utf-8")
    (rule,) = load_rule_file(path).add
    assert (rule.id, rule.n, rule.conference_types) == ("extra", 3, frozenset())


def test_the_coverage_ends_are_inside_it() -> None:
    text = HEAD + OVERLAY + "closures = [2030-12-31]\nworking_days = [2006-01-01]\n"
    overlay = parse_rule_file(text).overlay
    assert overlay is not None
    assert dict(overlay.closures) == {dt.date(2030, 12, 31): "local closure"}
    assert overlay.working_days == frozenset({dt.date(2006, 1, 1)})


@pytest.mark.parametrize(
    ("kind", "is_array"),
    [
        (list[int], True),
        (set[str], True),
        (frozenset[str], True),
        (tuple[str, ...], True),
        (tuple[str, str], False),  # a pair, not a list: read as cattrs reads it
        (tuple[str, int], False),
        (tuple[int, str, str], False),
        (tuple[str], False),
        (dict[str, str], False),
        (str, False),
        (int, False),
    ],
)
def test_which_types_are_read_as_arrays(kind: object, is_array: bool) -> None:
    from safeguarding_rules.rulefile import _is_array

    assert _is_array(kind) is is_array
