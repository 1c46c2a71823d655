"""The rule model's own guarantees: contiguous editions, clear lookups, honest wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from safeguarding_rules import (
    CaseEvents,
    CaseEventsError,
    Confidence,
    Direction,
    Edition,
    LocalRuleSet,
    NoEditionInForceError,
    Rule,
    RuleSet,
    RuleSetDefinitionError,
    StartEvent,
    StrategyDiscussion,
    Unit,
    editions_chain,
    load_rule_sets,
)

D = dt.date
A = Edition(id="a", title="A", effective_from=D(2010, 1, 1), effective_to=D(2014, 12, 31))
B = Edition(id="b", title="B", effective_from=D(2015, 1, 1))


def test_editions_must_be_contiguous(rule: Callable[..., Rule]) -> None:
    RuleSet(name="ok", title="OK", division="england", rules=[rule(edition=A), rule(edition=B)])
    gap = Edition(id="late", title="Late", effective_from=D(2015, 2, 1))
    with pytest.raises(RuleSetDefinitionError, match="gap between editions 'a'"):
        RuleSet(
            name="gappy", title="G", division="england", rules=[rule(edition=A), rule(edition=gap)]
        )
    early = Edition(id="early", title="Early", effective_from=D(2014, 6, 1))
    with pytest.raises(RuleSetDefinitionError, match="overlap"):
        RuleSet(
            name="overlap",
            title="O",
            division="england",
            rules=[rule(edition=A), rule(edition=early)],
        )


def test_edition_cannot_end_before_it_starts() -> None:
    with pytest.raises(RuleSetDefinitionError, match="ends"):
        Edition(id="x", title="X", effective_from=D(2015, 1, 1), effective_to=D(2014, 1, 1))


def test_editions_chain_is_contiguous() -> None:
    chain = editions_chain(
        ("one", "One", D(2010, 1, 1), Confidence.C1, "s"),
        ("two", "Two", D(2012, 6, 1), Confidence.C2, "s"),
    )
    assert chain["one"].effective_to == D(2012, 5, 31)
    assert chain["two"].effective_to is None


def test_unknown_division_is_refused_at_definition() -> None:
    with pytest.raises(LookupError, match="mars"):
        RuleSet(name="x", title="X", division="mars", rules=[])


def test_rule_lookup_by_date_and_errors(rule: Callable[..., Rule]) -> None:
    rule_set = RuleSet(
        name="t", title="T", division="england", rules=[rule(edition=A), rule(edition=B, n=10)]
    )
    assert rule_set.rule("icpc", on=D(2014, 12, 31)).edition is A
    assert rule_set.rule("icpc", on=D(2015, 1, 1)).n == 10
    with pytest.raises(NoEditionInForceError, match=r"2009-12-31.*2010-01-01 to now"):
        rule_set.rule("icpc", on=D(2009, 12, 31))
    with pytest.raises(KeyError, match="no rule 'nope'"):
        rule_set.versions("nope")


@pytest.mark.parametrize("bad", [-1, True, 1.5])
def test_rule_n_must_be_a_non_negative_int(rule: Callable[..., Rule], bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        rule(edition=A, n=bad)


def test_wording(rule: Callable[..., Rule]) -> None:
    assert rule(edition=A).wording == (
        "within 15 working days of the strategy discussion at which enquiries were initiated"
    )
    assert rule(edition=A, n=1, unit=Unit.MONTHS).wording.startswith("within 1 month of")
    before = rule(edition=A, start_event=StartEvent.CONFERENCE, direction=Direction.BEFORE, n=2)
    assert before.wording == "at least 2 working days before the conference"


def test_local_rule_set_keeps_parent_division_and_coverage() -> None:
    england = load_rule_sets()["england"]
    local = LocalRuleSet(name="x", title="X", extends="england").resolve(england)
    assert local.division == england.division
    assert local.first_covered == england.first_covered
    assert local.rules == england.rules


def test_case_events_validation() -> None:
    with pytest.raises(CaseEventsError, match="more than one is marked"):
        CaseEvents(
            strategy_discussions=[
                StrategyDiscussion(date=D(2020, 1, 1), initiated_enquiry=True),
                StrategyDiscussion(date=D(2020, 1, 2), initiated_enquiry=True),
            ]
        )
    with pytest.raises(CaseEventsError, match="before the first strategy discussion"):
        CaseEvents(
            strategy_discussions=[StrategyDiscussion(date=D(2020, 1, 10))],
            initial_conference=D(2020, 1, 9),
        )
    with pytest.raises(TypeError, match=r"referral must be a datetime\.date"):
        CaseEvents(referral="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"date must be a datetime\.date"):
        StrategyDiscussion(date=dt.datetime(2020, 1, 1, 10))


def test_strategy_discussions_are_kept_in_date_order() -> None:
    events = CaseEvents(
        strategy_discussions=[
            StrategyDiscussion(date=D(2020, 1, 9)),
            StrategyDiscussion(date=D(2020, 1, 2), initiated_enquiry=True),
        ]
    )
    assert [sd.date for sd in events.strategy_discussions] == [D(2020, 1, 2), D(2020, 1, 9)]
    assert events.initiating_strategy_discussion() == events.strategy_discussions[0]
    last = events.last_strategy_discussion()
    assert last is not None
    assert last.date == D(2020, 1, 9)


def test_every_builtin_rule_has_a_source_and_a_confidence_tag() -> None:
    for rule_set in load_rule_sets().values():
        for each in rule_set.rules:
            assert each.source.strip(), (rule_set.name, each.id)
            assert isinstance(each.confidence, Confidence)
            assert isinstance(each.edition.dates_confidence, Confidence)
