"""Any spelling of an agency gives the same quorum decision as its id, under every rule set."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import AGENCIES, Attendance, RuleSet, load_rule_sets, normalise
from safeguarding_rules.testing.strategies import agency_names, attendances

WITH_QUORUM = [rs for rs in load_rule_sets().values() if rs.quorum is not None]
BY_ID = attendances(agencies=st.sampled_from(sorted(AGENCIES)))


@given(st.sampled_from(WITH_QUORUM), st.lists(BY_ID, max_size=8), st.booleans(), st.data())
def test_any_alias_spelling_gives_the_same_quorum_result_as_the_id(
    rule_set: RuleSet, present: list[Attendance], fii: bool, data: st.DataObject
) -> None:
    respelled = [
        attrs.evolve(
            record,
            agency=data.draw(
                agency_names(agencies=st.just(record.agency), vocabulary=rule_set.vocabulary)
            ),
        )
        for record in present
    ]
    by_id = rule_set.evaluate_quorum(present, fii=fii)
    by_name = rule_set.evaluate_quorum(respelled, fii=fii)
    assert by_name.unrecognised == ()
    assert (by_name.quorate, by_name.groupings, by_name.shortfalls, by_name.chair_may_proceed) == (
        by_id.quorate, by_id.groupings, by_id.shortfalls, by_id.chair_may_proceed
    )  # fmt: skip
    assert [d.agency for d in by_name.counted] == [d.agency for d in by_id.counted]


@given(st.sampled_from(WITH_QUORUM), st.data())
def test_every_drawn_name_reads_as_its_agency(rule_set: RuleSet, data: st.DataObject) -> None:
    agency = data.draw(st.sampled_from(sorted(AGENCIES)))
    name = data.draw(agency_names(agencies=st.just(agency), vocabulary=rule_set.vocabulary))
    assert rule_set.vocabulary.agency(name) == agency


@given(st.text(max_size=30))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_normalise_ignores_case_and_runs_of_separators(text: str) -> None:
    assert normalise(text.upper()) == normalise(text.lower())
    assert normalise(text.replace(" ", " _-/ ")) == normalise(text)
