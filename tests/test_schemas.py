"""The shipped JSON Schemas are current, valid, and describe what the command line prints."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from safeguarding_rules import json_schema, load_rule_sets
from safeguarding_rules.cli import main
from safeguarding_rules.reports.schemas import SCHEMA_NAMES, build_schema

ROOT = Path(__file__).resolve().parent.parent
RULE_SETS = load_rule_sets()
DATA = resources.files("safeguarding_rules") / "data"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "generate_schemas.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _validate(name: str, document: Any) -> None:
    validator = jsonschema.Draft202012Validator(
        json_schema(name), format_checker=jsonschema.FormatChecker()
    )
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def _run(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_shipped_schemas_are_current_and_valid(name: str) -> None:
    shipped = (ROOT / "src" / "safeguarding_rules" / "schemas" / f"{name}.json").read_text()
    assert shipped == _generator().render(name), "run python scripts/generate_schemas.py"
    assert json_schema(name) == build_schema(name)
    jsonschema.Draft202012Validator.check_schema(json_schema(name))


def test_an_unknown_schema_is_named() -> None:
    with pytest.raises(KeyError, match="known: deadline, deadlines, due_action"):
        json_schema("deadlinez")


@pytest.mark.parametrize("rule_set", sorted(RULE_SETS))
def test_deadlines_and_rules_output_match_their_schemas(rule_set: str) -> None:
    day = max(RULE_SETS[rule_set].first_covered.isoformat(), "2019-03-01")
    deadlines = _run(
        "deadlines", "-r", rule_set, "--strategy-discussion", day, "--conference", "2019-03-20",
        "--referral", day, "--format", "json",
    )  # fmt: skip
    assert deadlines["deadlines"]
    _validate("deadlines", deadlines)
    _validate("rules", _run("rules", "-r", rule_set, "--format", "json"))
    if RULE_SETS[rule_set].quorum is not None:
        with resources.as_file(DATA / "sample_attendance.csv") as path:
            _validate("quorum", _run("quoracy", str(path), "-r", rule_set, "--format", "json"))


def test_a_partial_case_matches_the_deadlines_schema() -> None:
    document = _run(
        "deadlines", "-r", "england", "--strategy-discussion", "2030-11-01",
        "--conference", "2030-11-20", "--format", "json",
    )  # fmt: skip
    assert document["not_computable"]
    _validate("deadlines", document)


def test_report_and_worklist_output_match_their_schemas() -> None:
    _validate("report", _run("report", "--format", "json"))
    with resources.as_file(DATA / "sample_conferences.csv") as path:
        actions = _run(
            "due", str(path), "--as-of", "2024-06-01", "--within", "400", "--format", "json"
        )
    assert actions["actions"]
    _validate("worklist", actions)


def test_a_schema_catches_a_wrong_shape() -> None:
    document = _run(
        "deadlines", "-r", "england", "--strategy-discussion", "2014-12-15", "--format", "json"
    )
    del document["deadlines"][0]["due"]
    document["deadlines"][0]["unit"] = "fortnights"
    validator = jsonschema.Draft202012Validator(json_schema("deadlines"))
    messages = [error.message for error in validator.iter_errors(document)]
    assert any("'due' is a required property" in m for m in messages)
    assert any("'fortnights' is not one of" in m for m in messages)


@pytest.mark.parametrize("rule_set", sorted(RULE_SETS))
def test_one_object_matches_its_own_schema_and_not_the_list_one(rule_set: str) -> None:
    """Issue 30 item 2: to_data() of one result validates against a schema of its own."""
    from safeguarding_rules import (
        Attendance,
        AttendanceMode,
        CaseEvents,
        ConferenceType,
        StrategyDiscussion,
        to_data,
    )

    chosen = RULE_SETS[rule_set]
    day = max(chosen.first_covered, dt.date(2019, 3, 1))
    events = CaseEvents(
        strategy_discussions=[StrategyDiscussion(date=day)],
        referral=day,
        initial_conference=day + dt.timedelta(days=20),
    )
    (first, *_) = chosen.deadlines(events)
    _validate("deadline", to_data(first))
    _validate("rule_set", to_data(chosen))
    if chosen.quorum is not None:
        result = chosen.evaluate_quorum(
            [Attendance(agency="police", mode=AttendanceMode.IN_PERSON, direct_contact=True)],
            conference_type=ConferenceType.INITIAL,
            conference_date=day,
        )
        _validate("quorum_result", to_data(result))
        with pytest.raises(jsonschema.ValidationError, match="is not of type 'array'"):
            jsonschema.validate(to_data(result), json_schema("quorum"))
    with pytest.raises(jsonschema.ValidationError, match="is not of type 'array'"):
        jsonschema.validate(to_data(chosen), json_schema("rules"))


def test_a_due_action_and_a_report_match_their_own_schemas() -> None:
    from safeguarding_rules import to_data
    from safeguarding_rules.records import read_conference_records
    from safeguarding_rules.reports import build_report
    from safeguarding_rules.reports.worklist import due_actions

    with resources.as_file(DATA / "sample_conferences.csv") as path:
        records = read_conference_records(path, RULE_SETS["england"].calendar())
    actions = due_actions(records, RULE_SETS["england"], as_of=dt.date(2024, 6, 1), within=400)
    assert actions
    for action in actions:
        _validate("due_action", to_data(action))
    _validate("worklist", to_data(actions))
    _validate("report", to_data(build_report(records, RULE_SETS["england"])))


def test_each_rulesets_entry_matches_the_rule_set_schema() -> None:
    for entry in _run("rulesets", "--format", "json"):
        _validate("rule_set", entry)


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("deadline", {"rule": "icpc"}),
        ("rule_set", {"name": "x", "title": "x", "division": "england-and-wales"}),
        ("quorum_result", [{"quorate": True}]),
        ("due_action", {"conference_id": "C1", "overdue": False}),
    ],
)
def test_a_single_object_schema_catches_a_wrong_shape(name: str, document: Any) -> None:
    assert list(jsonschema.Draft202012Validator(json_schema(name)).iter_errors(document))
