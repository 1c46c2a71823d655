"""The one serialisation path: every result type becomes plain JSON data, as the CLI prints it."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from safeguarding_rules import (
    Attendance,
    AttendanceMode,
    CaseEvents,
    Edition,
    StrategyDiscussion,
    calendar_for,
    get_rule_set,
    to_data,
)
from safeguarding_rules.cli import main

PLAIN = (dict, list, str, int, float, bool, type(None))


def _is_plain(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_is_plain(v) for v in value)
    return isinstance(value, PLAIN)


def _events() -> CaseEvents:
    return CaseEvents(
        strategy_discussions=[StrategyDiscussion(date=dt.date(2014, 12, 15))],
        initial_conference=dt.date(2015, 1, 8),
    )


def test_deadlines_become_plain_data_with_dates_and_enums_as_values() -> None:
    deadlines = get_rule_set("england").deadlines(_events())
    data = to_data(deadlines)
    assert _is_plain(data)
    icpc = next(d for d in data["deadlines"] if d["rule"] == "icpc")
    assert icpc["due"] == "2015-01-08"
    assert icpc["unit"] == "working_days"
    assert icpc["skipped"][0] == {"date": "2014-12-20", "reason": "weekend", "kind": "weekend"}
    json.dumps(data)


def test_the_cli_prints_exactly_what_to_data_returns() -> None:
    result = CliRunner().invoke(
        main,
        ["deadlines", "-r", "england", "--strategy-discussion", "2014-12-15",
         "--initial-conference", "2015-01-08", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == to_data(get_rule_set("england").deadlines(_events()))


def test_quorum_results_counts_rules_and_other_attrs_objects() -> None:
    wales = get_rule_set("wales")
    result = wales.evaluate_quorum(
        [Attendance(agency="police", mode=AttendanceMode.IN_PERSON, direct_contact=True)],
        conference_id="C1",
    )
    data = to_data(result)
    assert _is_plain(data)
    assert data["quorate"] is False
    assert data["not_counted"] == []
    assert data["counted"][0]["agency"] == "police"
    count = to_data(calendar_for("wales").count(dt.date(2014, 12, 15), 15))
    assert count["result"] == "2015-01-08"
    assert _is_plain(count)
    rules = to_data(list(wales.rules))
    assert _is_plain(rules)
    assert {r["rule"] for r in rules} >= {"icpc"}
    edition = Edition(id="x", title="X", effective_from=dt.date(2020, 1, 1))
    assert to_data(edition)["effective_to"] is None
    # An attrs object with no registered shape is still plain, field by field.
    assert _is_plain(to_data(wales.quorum))
