"""Quorum behaviour no test pinned until a mutation run showed it (scripts/mutation.py).

A synthetic quorum rule in the common local pattern (Pan-Sussex procedures 7.8: children's
social care and two other agencies with direct contact, the chair may proceed with two, an
inquorate initial conference reconvenes within 10 working days) is applied to attendance
records whose verdict, counted groupings and shortfalls are worked out by hand beside each
case; the explanations are checked line for line. docs/security.md lists the mutants judged
equivalent.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from safeguarding_rules import (
    Attendance,
    AttendanceMode,
    ConferenceType,
    Confidence,
    Edition,
    FieldError,
    QuorumError,
    QuorumResult,
    QuorumRule,
    Rule,
    StartEvent,
    Unit,
    UnrecognisedAgencyError,
    Vocabulary,
    calendar_for,
)
from safeguarding_rules.rules.quoracy import HEALTH_AS_ONE_GROUPING, evaluate_quorum

D = dt.date
IN, REMOTE, REPORT, APOLOGIES, ABSENT = (
    AttendanceMode.IN_PERSON,
    AttendanceMode.REMOTE,
    AttendanceMode.REPORT_ONLY,
    AttendanceMode.APOLOGIES,
    AttendanceMode.ABSENT,
)
EDITION = Edition(id="test", title="Test procedures", effective_from=D(2006, 1, 1))
RECONVENE = Rule(
    id="reconvene",
    title="Reconvene an inquorate initial conference",
    n=10,
    unit=Unit.WORKING_DAYS,
    start_event=StartEvent.CONFERENCE,
    edition=EDITION,
    source="test source",
    confidence=Confidence.C2,
    conference_types=frozenset({ConferenceType.INITIAL}),
)
RULE = QuorumRule(
    title="CSC + 2 agencies with direct contact",
    source="test source",
    confidence=Confidence.C2,
    required={"childrens_social_care"},
    min_other=2,
    requires_direct_contact=True,
    chair_may_proceed_with=2,
    reconvene=RECONVENE,
    fii_requires="paediatrician",
    notes="Check the local procedure.",
)
SOURCE = "Source: test source. Confidence: C2."
NOTE = "Note: Check the local procedure."
CAL = calendar_for("england-and-wales")


def a(agency: str, mode: AttendanceMode = IN, direct: bool = True) -> Attendance:
    return Attendance(agency=agency, mode=mode, direct_contact=direct)


def decide(*present: Attendance, rule: QuorumRule = RULE, **options: object) -> QuorumResult:
    return evaluate_quorum(rule, present, rule_set="test", **options)  # type: ignore[arg-type]


def lines(result: QuorumResult) -> list[str]:
    """The explanation's lines, after checking each decision says whether it counted."""
    assert [d.counted for d in result.counted] == [True] * len(result.counted)
    assert [d.counted for d in result.not_counted] == [False] * len(result.not_counted)
    return result.explain().splitlines()


# -- whole explanations ------------------------------------------------------------------------


def test_a_quorate_conference_lists_what_counted_and_what_did_not() -> None:
    # CSC (read as childrens_social_care), police and the health visitor took part in
    # person with direct contact: CSC and two others, quorate. The school nurse joined
    # remotely, which this rule does not count. Counted records are listed by agency id.
    result = decide(
        a("CSC"), a("police"), a("health_visitor"), a("school_nurse", REMOTE), conference_id="C1"
    )
    assert result.quorate
    assert lines(result) == [
        "Conference C1 was quorate under rule set 'test': CSC + 2 agencies with direct contact.",
        SOURCE,
        "Counted (3 grouping(s)):",
        "  CSC (childrens_social_care): took part (in person)",
        "  health_visitor: took part (in person)",
        "  police: took part (in person)",
        "Not counted:",
        "  school_nurse: took part remotely, which this rule set does not count",
        NOTE,
    ]


def test_an_inquorate_initial_conference_says_why_and_when_to_reconvene() -> None:
    # Counted: CSC and an unrecognised agency (counted as its own): 1 other of the 2
    # needed. The police had no direct contact, education sent apologies, the GP a report
    # only; in a fabricated or induced illness case the paediatrician must take part. CSC
    # and one other make the 2 groupings the chair may proceed with. Reconvene 10 working
    # days after Mon 15 Dec 2014: 16-19, 22-24 and 29-31 December (25 and 26 are bank
    # holidays), so Wed 31 December 2014.
    result = decide(
        a("childrens_social_care"),
        a("police", direct=False),
        a("gp", REPORT),
        a("education", APOLOGIES),
        a("Youth Offending Team"),
        conference_date=D(2014, 12, 15),
        conference_type=ConferenceType.INITIAL,
        calendar=CAL,
        fii=True,
    )
    assert (result.quorate, result.chair_may_proceed, result.reconvene_due) == (
        False,
        True,
        D(2014, 12, 31),
    )
    assert lines(result) == [
        "The conference was NOT quorate under rule set 'test': CSC + 2 agencies with direct "
        "contact.",
        SOURCE,
        "Counted (2 grouping(s)):",
        "  childrens_social_care: took part (in person)",
        "  Youth Offending Team: took part (in person); name not recognised, counted as its "
        "own agency",
        "Not counted:",
        "  police: has had no direct contact with the child or family",
        "  education: did not take part (apologies)",
        "  gp: sent a written report only; a report is recorded but does not count",
        "Short: 1 other grouping(s) counted; at least 2 needed",
        "Short: fabricated or induced illness case: paediatrician must take part",
        "1 agency name(s) not recognised: 'Youth Offending Team'; each counted as its own agency.",
        "The chair may proceed while inquorate; the reason must be recorded.",
        "Reconvene by 2014-12-31.",
        NOTE,
    ]


def test_without_the_required_agency_the_chair_may_not_proceed() -> None:
    # Only the police counted: CSC is missing and 1 other of 2; the GP was absent. Without
    # CSC the chair may not proceed; with no calendar there is no reconvene date.
    result = decide(a("police"), a("gp", ABSENT))
    assert not result.chair_may_proceed
    assert lines(result) == [
        "The conference was NOT quorate under rule set 'test': CSC + 2 agencies with direct "
        "contact.",
        SOURCE,
        "Counted (1 grouping(s)):",
        "  police: took part (in person)",
        "Not counted:",
        "  gp: did not take part (absent)",
        "Short: childrens_social_care did not take part, and is required",
        "Short: 1 other grouping(s) counted; at least 2 needed",
        NOTE,
    ]


def test_a_conference_the_chair_proceeded_with_gives_the_chair_s_reason() -> None:
    # CSC and the police: 2 groupings, enough for the chair; no reconvene date is due.
    result = decide(
        a("CSC"),
        a("police"),
        conference_id="C3",
        chair_reason="Family present; police report read.",
        conference_date=D(2014, 12, 15),
        conference_type=ConferenceType.INITIAL,
        calendar=CAL,
    )
    assert result.proceeded_inquorate
    assert result.reconvene_due is None
    assert lines(result)[0] == (
        "Conference C3 was NOT quorate under rule set 'test': CSC + 2 agencies with direct contact."
    )
    assert lines(result)[5:] == [
        "Short: 1 other grouping(s) counted; at least 2 needed",
        "The chair proceeded while inquorate: Family present; police report read.",
        NOTE,
    ]


def test_a_quorum_reached_only_through_unrecognised_names_is_flagged_first() -> None:
    # CSC and two names the vocabulary does not know: quorate only because each of those
    # counts as an agency of its own.
    result = decide(a("CSC"), a("Youth Offending Team"), a("Young Carers"), conference_id="C4")
    assert result.quorate
    assert result.depends_on_unrecognised
    assert lines(result) == [
        "CHECK: this conference is quorate only because of agency names the vocabulary does "
        "not recognise.",
        "Conference C4 was quorate under rule set 'test': CSC + 2 agencies with direct contact.",
        SOURCE,
        "Counted (3 grouping(s)):",
        "  CSC (childrens_social_care): took part (in person)",
        "  Young Carers: took part (in person); name not recognised, counted as its own agency",
        "  Youth Offending Team: took part (in person); name not recognised, counted as its own "
        "agency",
        "2 agency name(s) not recognised: 'Youth Offending Team', 'Young Carers'; each counted "
        "as its own agency.",
        NOTE,
    ]


def test_a_quorum_of_unrecognised_names_alone_depends_on_them() -> None:
    # Two groupings in all, both names the vocabulary does not know: quorate only so.
    two = QuorumRule(title="Any two", source="s", confidence=Confidence.C2, min_total=2)
    result = decide(a("Youth Offending Team"), a("Young Carers"), rule=two)
    assert (result.quorate, result.depends_on_unrecognised) == (True, True)
    assert lines(result)[0].startswith("CHECK: this conference is quorate only because")


def test_strict_mode_refuses_unrecognised_names_naming_the_conference() -> None:
    message = (
        "2 agency name(s) not recognised by the 'test' vocabulary: 'Youth Offending Team', "
        "'Young Carers'; use an agency id or a listed spelling, or add the name as an alias "
        "in a plugin"
    )
    present = (a("CSC"), a("Youth Offending Team"), a("Young Carers"))
    with pytest.raises(UnrecognisedAgencyError) as raised:
        decide(*present, strict=True, conference_id="C4")
    assert str(raised.value) == f"conference C4: {message}"
    with pytest.raises(UnrecognisedAgencyError) as raised:
        decide(*present, strict=True)
    assert str(raised.value) == message


def test_a_chair_proceeding_where_the_rule_forbids_it_is_refused() -> None:
    # CSC alone is 1 grouping, fewer than the 2 the chair may proceed with.
    with pytest.raises(QuorumError) as raised:
        decide(a("CSC"), conference_id="C6", chair_reason="Urgent.")
    refused = (
        "the chair is recorded as proceeding while inquorate, which 'test' does not allow with 1 "
        "grouping(s)"
    )
    assert str(raised.value) == f"conference C6: {refused}"
    # Without a conference id the message does not name an empty one ("conference : ").
    with pytest.raises(QuorumError) as raised:
        decide(a("CSC"), chair_reason="Urgent.")
    assert str(raised.value) == refused


def test_a_quorate_conference_has_no_chair_s_reason_to_proceed() -> None:
    # CSC, the police and the GP: quorate, so a recorded reason to proceed while inquorate
    # does not apply, and the result says it was quorate without naming a conference.
    result = decide(a("CSC"), a("police"), a("gp"), chair_reason="Urgent.")
    assert (result.quorate, result.chair_reason, result.proceeded_inquorate) == (True, None, False)
    assert lines(result)[0] == (
        "The conference was quorate under rule set 'test': CSC + 2 agencies with direct contact."
    )


def test_names_are_read_by_the_vocabulary_given() -> None:
    # A vocabulary of the agency ids and display names only, without the built-in
    # spellings, does not know "CSC": it counts as an agency of its own, and is named.
    bare = Vocabulary.from_aliases(())
    result = decide(a("CSC"), a("Police"), a("Health visitor"), vocabulary=bare)
    assert result.unrecognised == ("CSC",)
    assert not result.quorate
    assert "1 agency name(s) not recognised: 'CSC'; each counted as its own agency." in lines(
        result
    )


HEALTH = QuorumRule(
    title="Three groupings, health as one",
    source="test source",
    confidence=Confidence.UNCONFIRMED,
    unconfirmed_reason="no source read",
    min_total=3,
    counting_modes={IN, REMOTE},
    groupings=HEALTH_AS_ONE_GROUPING,
)


def test_health_agencies_count_once_as_one_grouping() -> None:
    # The GP (remote) and the health visitor are one grouping, "health": with the police,
    # 2 groupings of the 3 needed. The GP is decided first (records are taken by agency id).
    result = decide(a("health_visitor"), a("gp", REMOTE), a("police"), rule=HEALTH)
    assert result.groupings == ("health", "police")
    assert lines(result) == [
        "UNCONFIRMED: this quorum rule could not be confirmed from a source.",
        "The conference was NOT quorate under rule set 'test': Three groupings, health as one.",
        "Source: test source. Confidence: UNCONFIRMED.",
        "Counted (2 grouping(s)):",
        "  gp: took part (remote) (grouping 'health')",
        "  police: took part (in person)",
        "Not counted:",
        "  health_visitor: grouping 'health' is already counted",
        "Short: 2 grouping(s) counted; at least 3 needed",
    ]


def test_a_conference_where_nobody_counted_says_none() -> None:
    result = decide(a("gp", APOLOGIES), rule=HEALTH, conference_id="C5")
    assert lines(result)[1:5] == [
        "Conference C5 was NOT quorate under rule set 'test': Three groupings, health as one.",
        "Source: test source. Confidence: UNCONFIRMED.",
        "Counted (0 grouping(s)):",
        "  none",
    ]


def test_shortfalls_given_only_as_text_are_explained() -> None:
    # A result rebuilt from stored data has its shortfalls as text, without the phrases a
    # translation needs: the explanation still gives them.
    result = decide(a("police"), rule=HEALTH)
    rebuilt = attrs.evolve(result, shortfall_phrases=())
    assert rebuilt.explain() == result.explain()
    assert "Short: 1 grouping(s) counted; at least 3 needed" in rebuilt.explain()


# -- the rule's own checks ---------------------------------------------------------------------

BASE: dict[str, object] = {"title": "Q", "source": "s", "confidence": Confidence.C2}
KNOWN = (
    "Known agencies: childrens_social_care, police, health_visitor, school_nurse, gp, "
    "paediatrician, midwifery, camhs, education, probation, adult_social_care, housing"
)


def quorum(**changes: object) -> QuorumRule:
    return QuorumRule(**{**BASE, **changes})  # type: ignore[arg-type]


def test_the_smallest_meaningful_quorums_are_accepted() -> None:
    # Any one of a required agency, one other grouping, or one grouping in all is a quorum
    # that an empty conference fails; a chair may proceed with a single grouping.
    assert quorum(required={"police"}).required == {"police"}
    assert quorum(min_other=1).min_other == 1
    assert quorum(min_total=1).min_total == 1
    assert quorum(min_total=2, chair_may_proceed_with=1).chair_may_proceed_with == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"min_total": True}, "min_total must be a whole number, 0 or more, got True"),
        (
            {"min_other": True, "min_total": 1},
            "min_other must be a whole number, 0 or more, got True",
        ),
        (
            {"min_total": 2, "chair_may_proceed_with": True},
            "chair_may_proceed_with must be at least 1 when given, got True",
        ),
        (
            {"min_total": 2, "chair_may_proceed_with": 1.5},
            "chair_may_proceed_with must be at least 1 when given, got 1.5",
        ),
        (
            {"min_total": 0},
            "required is empty and min_other and min_total are 0: every conference, even one "
            "nobody attended, would be quorate",
        ),
        (
            {"min_total": 3, "counting_modes": ()},
            "counting_modes is empty: nobody could ever count",
        ),
    ],
)
def test_a_quorum_that_cannot_be_right_is_refused_with_the_field(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(FieldError) as raised:
        quorum(**changes)
    assert str(raised.value) == f"quorum rule 'Q': {message}"
    assert (raised.value.owner, raised.value.field) == ("quorum rule 'Q'", message.split()[0])


@pytest.mark.parametrize(
    ("changes", "field", "named", "hint"),
    [
        # No known agency is spelt like "xyz", or has those initials.
        ({"required": {"xyz"}}, "required", "xyz", ""),
        # "SN": the initials of school_nurse, which the vocabulary does not list.
        ({"required": {"SN"}}, "required", "SN", " (did you mean 'school_nurse'?)"),
        ({"required": {"C S C"}}, "required", "C S C", " (did you mean 'childrens_social_care'?)"),
        (
            {"min_total": 2, "fii_requires": "polise"},
            "fii_requires",
            "polise",
            " (did you mean 'police'?)",
        ),
        ({"min_total": 2, "groupings": {"doctor": "health"}}, "groupings", "doctor", ""),
    ],
)
def test_an_unknown_agency_is_refused_with_the_nearest_known_one(
    changes: dict[str, object], field: str, named: str, hint: str
) -> None:
    with pytest.raises(FieldError) as raised:
        quorum(**changes)
    assert str(raised.value) == (
        f"quorum rule 'Q': {field} names unknown agency {named!r}{hint}; an attendance under "
        f"any other name would never count for it. {KNOWN}"
    )
    assert raised.value.field == field


def test_a_grouping_may_be_what_the_fii_rule_requires() -> None:
    rule = quorum(min_total=2, fii_requires="health", groupings=HEALTH_AS_ONE_GROUPING)
    assert rule.fii_requires == "health"
    # The GP counts for "health", so a fabricated or induced illness case is met by it.
    result = evaluate_quorum(rule, [a("gp"), a("police")], rule_set="test", fii=True)
    assert result.quorate


def test_agency_names_in_a_rule_are_read_through_the_vocabulary() -> None:
    # Spellings the vocabulary knows become agency ids wherever a rule names an agency,
    # and groupings may be given as a mapping or as pairs.
    rule = quorum(required={"CSC"}, min_other=1, fii_requires="Paediatrics",
                  groupings={"GP": "health"})  # fmt: skip
    assert rule.required == {"childrens_social_care"}
    assert rule.fii_requires == "paediatrician"
    assert (
        rule.groupings
        == (("gp", "health"),)
        == quorum(min_total=1, groupings=[("GP", "health")]).groupings
    )
