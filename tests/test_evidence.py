"""Provenance: every rule version is evidenced or says why not, and editions do not overlap."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from safeguarding_rules import (
    MAX_QUOTE_WORDS,
    Attendance,
    AttendanceMode,
    Confidence,
    Edition,
    Evidence,
    QuorumRule,
    Rule,
    RuleSet,
    RuleSetDefinitionError,
    evidence_problems,
    load_rule_sets,
    to_data,
    unconfirmed_items,
)
from safeguarding_rules.cli import main
from safeguarding_rules.testing import ConformanceError, check_evidence

RULE_SETS = load_rule_sets()
EDITION = Edition(id="e", title="E", effective_from=dt.date(2020, 1, 1))
QUOTE = Evidence(
    quote="within 15 working days",
    title="Test procedures",
    url="https://example.org/procedures",
    checked=dt.date(2026, 11, 30),
)


@pytest.fixture(scope="module")
def rule(rule: Callable[..., Rule]) -> Callable[..., Rule]:
    """The shared test-rule factory, with this module's defaults."""
    return functools.partial(rule, edition=EDITION)


# -- the model ---------------------------------------------------------------------------------


def test_a_quote_of_more_than_the_limit_is_refused() -> None:
    words = " ".join(["word"] * (MAX_QUOTE_WORDS + 1))
    with pytest.raises(ValueError, match=f"{MAX_QUOTE_WORDS + 1} words"):
        Evidence(quote=words, title="T", url="https://x", checked=dt.date(2026, 11, 30))
    Evidence(quote=words.rsplit(" ", 1)[0], title="T", url="https://x", checked=dt.date(2026, 1, 1))


def test_an_empty_quote_and_a_datetime_are_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        Evidence(quote="  ", title="T", url="https://x", checked=dt.date(2026, 11, 30))
    with pytest.raises(TypeError, match="checked"):
        Evidence(quote="q", title="T", url="https://x", checked=dt.datetime(2026, 11, 30))


def test_an_unconfirmed_rule_must_say_what_is_missing(rule: Callable[..., Rule]) -> None:
    with pytest.raises(RuleSetDefinitionError, match="what is missing"):
        rule(confidence=Confidence.UNCONFIRMED)
    found = rule(confidence=Confidence.UNCONFIRMED, unconfirmed_reason="the text was not read")
    assert found.unconfirmed_reason == "the text was not read"


def test_an_unconfirmed_quorum_must_say_what_is_missing() -> None:
    with pytest.raises(RuleSetDefinitionError, match="what is missing"):
        QuorumRule(title="Q", source="s", confidence=Confidence.UNCONFIRMED, min_total=3)


def test_evidence_must_be_evidence_objects(rule: Callable[..., Rule]) -> None:
    with pytest.raises(TypeError):
        rule(evidence=["within 15 working days"])
    assert rule(evidence=[QUOTE]).evidence == (QUOTE,)


# -- every installed rule set --------------------------------------------------------------------


@pytest.mark.parametrize("name", list(RULE_SETS))
def test_every_rule_version_has_evidence_or_says_why_not(name: str) -> None:
    assert evidence_problems(RULE_SETS[name]) == ()


def test_evidence_problems_names_a_confirmed_rule_without_evidence(
    rule: Callable[..., Rule],
) -> None:
    bare = RuleSet(name="bare", title="Bare", division="england-and-wales", rules=[rule()])
    problems = evidence_problems(bare)
    assert "rule 'icpc' (e) is C2 but quotes no evidence" in problems[-1]
    assert any("edition 'e' dates is UNCONFIRMED" in p for p in problems)


@pytest.mark.parametrize("name", list(RULE_SETS))
def test_editions_of_a_rule_neither_overlap_nor_leave_gaps(name: str) -> None:
    rule_set = RULE_SETS[name]
    for rule_id in rule_set.rule_ids:
        versions = rule_set.versions(rule_id)
        for earlier, later in itertools.pairwise(versions):
            end = earlier.edition.effective_to
            assert end is not None, (rule_id, earlier.edition.id)
            assert end + dt.timedelta(days=1) == later.edition.effective_from, (
                rule_id,
                earlier.edition.id,
                later.edition.id,
            )


@pytest.mark.parametrize("name", list(RULE_SETS))
def test_every_quote_is_short_and_checked(name: str) -> None:
    rule_set = RULE_SETS[name]
    quotes = [e for r in rule_set.rules for e in r.evidence]
    quotes += [e for edition in rule_set.editions for e in edition.evidence]
    for quote in quotes:
        assert len(quote.quote.split()) <= MAX_QUOTE_WORDS
        assert quote.url.startswith(("http://", "https://"))
        assert quote.checked <= dt.date(2026, 11, 30)


def test_unconfirmed_items_name_what_is_missing() -> None:
    items = unconfirmed_items(RULE_SETS["northern-ireland"])
    assert {item.id for item in items} == {"icpc", "first_review", "subsequent_review"}
    assert all("not readable" in item.missing for item in items)
    england = {(i.kind, i.id, i.edition) for i in unconfirmed_items(RULE_SETS["england"])}
    assert ("rule", "icpc", "wt2006") in england
    assert ("edition dates", "wt2006", "wt2006") in england
    assert ("rule", "icpc", "wt2015") not in england


# -- JSON and the command line --------------------------------------------------------------------


def test_rule_json_carries_evidence_and_reason() -> None:
    data = to_data(RULE_SETS["wales"].versions("transfer_in_conference")[0])
    assert data["evidence"][0]["url"] == "https://safeguarding.wales/en/chi-i/chi-i-c4/c4-p10"
    assert data["evidence"][0]["checked"] == "2026-11-30"
    assert data["unconfirmed_reason"] is None
    assert data["edition_evidence"][0]["quote"].startswith("The Wales Safeguarding Procedures")
    unconfirmed = to_data(RULE_SETS["england"].versions("icpc")[0])
    assert "not read" in unconfirmed["unconfirmed_reason"]
    json.dumps(data)


def test_rules_command_shows_evidence() -> None:
    result = CliRunner().invoke(main, ["rules", "--ruleset", "scotland"])
    assert result.exit_code == 0, result.output
    assert '"Website Publication DateMay 19, 2014"' in result.output
    assert "checked 2026-11-30" in result.output
    assert "UNCONFIRMED, missing:" in result.output


def test_rules_unconfirmed_lists_every_rule_set_with_what_is_missing() -> None:
    result = CliRunner().invoke(main, ["rules", "--unconfirmed"])
    assert result.exit_code == 0, result.output
    assert "northern-ireland" in result.output
    assert "Missing: the SBNI chapter" in result.output
    as_json = CliRunner().invoke(
        main, ["rules", "--unconfirmed", "-r", "guernsey", "--format", "json"]
    )
    items = json.loads(as_json.output)
    assert {item["rule_set"] for item in items} == {"guernsey"}
    assert all(item["missing"] for item in items)


def test_rules_without_a_rule_set_or_unconfirmed_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 2
    assert "--ruleset" in result.output


def test_the_conformance_kit_checks_evidence(rule: Callable[..., Rule]) -> None:

    bare = RuleSet(name="bare", title="Bare", division="england-and-wales", rules=[rule()])
    with pytest.raises(ConformanceError, match="rule 'icpc' \\(e\\) is C2 but quotes no evidence"):
        check_evidence(bare)
    for each in RULE_SETS.values():
        check_evidence(each)


def test_quorum_decision_json_carries_the_quorum_evidence() -> None:
    attendances = [
        Attendance(agency=agency, mode=AttendanceMode.IN_PERSON, direct_contact=True)
        for agency in ("childrens_social_care", "police", "school")
    ]
    data = to_data(RULE_SETS["wales"].evaluate_quorum(attendances))
    assert data["quorate"] is True
    assert data["evidence"][0]["url"] == "http://safeguarding.wales/chi/c4/c4.p8.html"
    assert data["unconfirmed_reason"] is None


def test_every_quoted_source_is_used_by_a_built_in_rule_set() -> None:
    # Issue 28: an evidence entry used by nothing (NORTH_WALES_ADOPTION) is a quote that backs
    # no rule, edition, quorum or finding; each must be attached or removed.
    from safeguarding_rules.rulesets import _adults, _missing, _sources

    used: set[Evidence] = set()
    for rule_set in RULE_SETS.values():
        quorum = rule_set.quorum
        rules = [*rule_set.rules, *([quorum.reconvene] if quorum and quorum.reconvene else [])]
        quotes = [
            *(rule.evidence for rule in rules),
            *(edition.evidence for edition in (*rule_set.editions, *(r.edition for r in rules))),
            *(gap.evidence for gap in rule_set.not_encoded),
            quorum.evidence if quorum is not None else (),
        ]
        for evidence in quotes:
            used.update(evidence)
    defined = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
        for module in (_sources, _adults, _missing)
        for name, value in vars(module).items()
        if isinstance(value, Evidence)
    }
    assert len(defined) > 80
    assert sorted(name for name, quote in defined.items() if quote not in used) == []
