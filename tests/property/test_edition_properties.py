"""Properties of edition selection in every installed rule set.

Within the span of a rule's versions exactly one version is in force on any day, and it is
the one :meth:`RuleSet.rule` returns; outside that span none is, and the rule is left out of
the deadlines rather than answered by a neighbouring edition.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import CaseEvents, NoEditionInForceError, RuleSet, load_rule_sets

RULE_SETS = load_rule_sets()
RULE_IDS = [(rule_set, rule_id) for rule_set in RULE_SETS.values() for rule_id in rule_set.rule_ids]
LAST = dt.date(2030, 12, 31)


@st.composite
def rule_and_day(draw: st.DrawFn) -> tuple[RuleSet, str, dt.date]:
    rule_set, rule_id = draw(st.sampled_from(RULE_IDS))
    versions = rule_set.versions(rule_id)
    first = versions[0].edition.effective_from
    last = versions[-1].edition.effective_to or LAST
    return rule_set, rule_id, draw(st.dates(min_value=first, max_value=last))


@given(rule_and_day())
def test_exactly_one_version_is_in_force_within_the_span(
    case: tuple[RuleSet, str, dt.date],
) -> None:
    rule_set, rule_id, day = case
    in_force = [v for v in rule_set.versions(rule_id) if v.edition.in_force_on(day)]
    assert len(in_force) == 1
    assert rule_set.rule(rule_id, on=day) is in_force[0]
    assert in_force[0].evidence or in_force[0].unconfirmed_reason


@given(st.sampled_from(RULE_IDS), st.integers(min_value=1, max_value=400))
def test_no_version_answers_after_a_rule_ends(case: tuple[RuleSet, str], days: int) -> None:
    rule_set, rule_id = case
    end = rule_set.versions(rule_id)[-1].edition.effective_to
    if end is None or end + dt.timedelta(days=days) > LAST:
        return
    after = end + dt.timedelta(days=days)
    with pytest.raises(NoEditionInForceError, match=after.isoformat()):
        rule_set.rule(rule_id, on=after)
    anchors = {"referral": after, "transfer_notified": after, "concern_notified": after}
    found = {d.rule.id for d in rule_set.deadlines(CaseEvents(**anchors))}  # type: ignore[arg-type]
    assert rule_id not in found
