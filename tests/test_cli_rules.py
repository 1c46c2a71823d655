from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_rulesets_lists_builtins_with_editions() -> None:
    code, out, _ = run("rulesets")
    assert code == 0
    for name in ("england", "wales", "scotland", "northern-ireland", "guernsey", "isle-of-man"):
        assert f"{name}: " in out
    assert "wt2015: Working Together to Safeguard Children 2015" in out
    code, out, _ = run("rulesets", "--format", "json")
    england = next(e for e in json.loads(out) if e["name"] == "england")
    assert england["plugin"] == "safeguarding_rules.rulesets.england"
    assert {e["id"] for e in england["editions"]} >= {"wt2006", "wt2023"}


def test_rules_prints_the_catalogue_with_citations() -> None:
    code, out, _ = run("rules", "--ruleset", "guernsey")
    assert code == 0
    assert "s35" in out
    assert "Reports to Conference" in out
    assert "[UNCONFIRMED]" in out
    code, out, _ = run("rules", "--ruleset", "england", "--format", "json")
    rules = json.loads(out)
    icpc = [r for r in rules if r["rule"] == "icpc"]
    assert [r["edition"] for r in icpc] == [
        "wt2006",
        "wt2010",
        "wt2013",
        "wt2015",
        "wt2018",
        "wt2023",
    ]
    assert all(r["source"] and r["confidence"] for r in rules)


def test_deadlines_json_has_the_promised_fields() -> None:
    code, out, err = run(
        "deadlines",
        "--ruleset",
        "england",
        "--strategy-discussion",
        "2014-12-15",
        "--conference",
        "2015-01-08",
        "--format",
        "json",
    )
    assert code == 0, err
    found = {d["rule"]: d for d in json.loads(out)["deadlines"]}
    assert set(found) == {"icpc", "first_core_group", "first_review"}
    icpc = found["icpc"]
    for key in ("rule", "title", "due", "edition", "source", "confidence", "explanation"):
        assert icpc[key], key
    assert icpc["due"] == "2015-01-08"
    assert icpc["edition"] == "wt2013"
    assert found["first_review"]["due"] == "2015-04-08"


def test_deadlines_text_explains_each() -> None:
    code, out, _ = run(
        "deadlines", "-r", "guernsey", "--conference", "12/05/2023", "--conference-type", "review"
    )
    assert code == 0
    assert "Report completed and sent to manager" in out
    assert "2023-04-18" in out
    assert "UNCONFIRMED" in out


def test_deadlines_with_several_discussions_needs_the_initiating_one() -> None:
    code, _, err = run(
        "deadlines", "-r", "england", "--strategy-discussion", "2016-01-04",
        "--strategy-discussion", "2016-01-11",
    )  # fmt: skip
    assert code == 1
    assert "none is marked" in err
    code, out, _ = run(
        "deadlines", "-r", "england", "--strategy-discussion", "2016-01-11",
        "--initiating", "2016-01-04", "--format", "json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["deadlines"][0]["start"] == "2016-01-04"


def test_deadlines_day1_convention() -> None:
    code, out, _ = run(
        "deadlines", "-r", "england", "--strategy-discussion", "2023-04-26",
        "--counting", "day1", "--format", "json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["deadlines"][0]["due"] == "2023-05-18"


def test_deadlines_with_nothing_known() -> None:
    code, out, _ = run("deadlines", "-r", "england")
    assert code == 0
    assert "No deadlines follow" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rules", "-r", "narnia"), "unknown rule set 'narnia'"),
        (("deadlines", "-r", "england", "--strategy-discussion", "2005-01-01"), "covers events"),
        (("deadlines", "-r", "england", "--referral", "31/02/2020"), "not a real date"),
    ],
)
def test_rule_errors_are_clean(args: tuple[str, ...], message: str) -> None:
    code, _, err = run(*args)
    assert code != 0
    assert message in err
    assert "Traceback" not in err
