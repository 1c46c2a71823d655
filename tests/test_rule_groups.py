"""The shared builders of the national rule sets: one rule written once for many editions."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import Confidence, Edition, StartEvent, Unit, editions_chain
from safeguarding_rules.rulesets._groups import EditionGroup, believed, restated
from safeguarding_rules.rulesets._sources import WSP_CORE_GROUP

EDITIONS = editions_chain(
    Edition(id="old", title="Old procedures", effective_from=dt.date(2008, 4, 1)),
    Edition(id="new", title="New procedures", effective_from=dt.date(2019, 11, 11)),
)
CORE_GROUP = ("first_core_group", "First core group", 10, Unit.WORKING_DAYS)


def test_the_same_rule_once_for_every_edition_oldest_first() -> None:
    versions = EditionGroup(EDITIONS).same(
        *CORE_GROUP, StartEvent.INITIAL_CONFERENCE, "p13", Confidence.C1, (WSP_CORE_GROUP,)
    )
    assert [v.edition.id for v in versions] == ["old", "new"]
    assert {(v.n, v.unit, v.source, v.confidence, v.evidence) for v in versions} == {
        (10, Unit.WORKING_DAYS, "p13", Confidence.C1, (WSP_CORE_GROUP,))
    }
    assert versions[0].edition.effective_to == dt.date(2019, 11, 10)


def test_cite_puts_each_editions_title_before_the_source() -> None:
    versions = EditionGroup(EDITIONS, cite=True).same(
        *CORE_GROUP, StartEvent.INITIAL_CONFERENCE, "quoted by X", Confidence.C2
    )
    assert [v.source for v in versions] == [
        "Old procedures; quoted by X",
        "New procedures; quoted by X",
    ]


def test_an_older_edition_believed_and_an_earlier_version_restated() -> None:
    group = EditionGroup(EDITIONS)
    belief = group.same(
        *CORE_GROUP,
        StartEvent.INITIAL_CONFERENCE,
        "p13",
        Confidence.C1,
        (WSP_CORE_GROUP,),
        adjust={"old": believed("old text (belief)", "the old text was not read")},
    )
    assert (belief[0].source, belief[0].confidence, belief[0].evidence) == (
        "old text (belief)",
        Confidence.UNCONFIRMED,
        (),
    )
    assert belief[0].unconfirmed_reason == "the old text was not read"
    assert (belief[1].source, belief[1].confidence) == ("p13", Confidence.C1)
    later = group.same(
        *CORE_GROUP,
        StartEvent.INITIAL_CONFERENCE,
        "appendix",
        Confidence.C1,
        adjust={"old": restated("as the new text states it")},
    )
    assert (later[0].source, later[0].confidence) == (
        "appendix; as the new text states it",
        Confidence.C2,
    )


def test_only_the_editions_named_and_none_that_does_not_exist() -> None:
    group = EditionGroup(EDITIONS)
    (only,) = group.same(
        *CORE_GROUP, StartEvent.INITIAL_CONFERENCE, "p13", Confidence.C1, editions=("new",)
    )
    assert only.edition.id == "new"
    with pytest.raises(KeyError, match="no such edition newer; known: old, new"):
        group.same(
            *CORE_GROUP, StartEvent.INITIAL_CONFERENCE, "p13", Confidence.C1, editions=("newer",)
        )
    with pytest.raises(KeyError, match="no such edition gone"):
        group.same(
            *CORE_GROUP,
            StartEvent.INITIAL_CONFERENCE,
            "p13",
            Confidence.C1,
            adjust={"gone": restated("x")},
        )
