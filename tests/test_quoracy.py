"""Golden quorum cases per rule set, with each rule's source named beside it."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import (
    Attendance,
    AttendanceMode,
    ConferenceType,
    QuorumError,
    RuleSet,
    load_rule_sets,
)

RULE_SETS = load_rule_sets()
IN, REMOTE, REPORT, APOLOGIES = (
    AttendanceMode.IN_PERSON,
    AttendanceMode.REMOTE,
    AttendanceMode.REPORT_ONLY,
    AttendanceMode.APOLOGIES,
)


def a(agency: str, mode: AttendanceMode = IN, direct: bool = True) -> Attendance:
    return Attendance(agency=agency, mode=mode, direct_contact=direct)


def quorum(name: str, *present: Attendance, **options: object) -> object:
    rule_set: RuleSet = RULE_SETS[name]
    return rule_set.evaluate_quorum(present, **options)  # type: ignore[arg-type]


# England, common local pattern (Pan-Sussex 7.8; Swindon): CSC + 2 others with direct contact.


def test_england_exactly_the_minimum_is_quorate() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [a("childrens_social_care"), a("police"), a("school_nurse")]
    )
    assert result.quorate
    assert result.groupings == ("childrens_social_care", "police", "school_nurse")
    assert result.shortfalls == ()


def test_england_one_short_is_inquorate_and_says_why() -> None:
    result = RULE_SETS["england"].evaluate_quorum([a("childrens_social_care"), a("police")])
    assert not result.quorate
    assert result.shortfalls == ("1 other grouping(s) counted; at least 2 needed",)
    assert "NOT quorate" in result.explain()


def test_england_needs_childrens_social_care() -> None:
    result = RULE_SETS["england"].evaluate_quorum([a("police"), a("gp"), a("education")])
    assert not result.quorate
    assert "childrens_social_care did not take part, and is required" in result.shortfalls


def test_england_written_report_does_not_count() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [a("childrens_social_care"), a("police"), a("gp", REPORT)]
    )
    assert not result.quorate
    assert [d.attendance.agency for d in result.not_counted] == ["gp"]


def test_england_agencies_need_direct_contact() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [a("childrens_social_care"), a("police"), a("housing", direct=False)]
    )
    assert not result.quorate
    assert "no direct contact" in result.not_counted[0].reason


def test_england_two_from_one_agency_count_once() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [a("childrens_social_care"), a("police"), a("police")]
    )
    assert not result.quorate
    assert "already counted" in result.not_counted[0].reason


def test_england_fii_needs_the_paediatrician() -> None:
    # SSD CPPR006A / Pan-Sussex: in FII cases the paediatrician should be able to attend.
    present = [a("childrens_social_care"), a("police"), a("school_nurse")]
    assert not RULE_SETS["england"].evaluate_quorum(present, fii=True).quorate
    assert RULE_SETS["england"].evaluate_quorum([*present, a("paediatrician")], fii=True).quorate


def test_england_inquorate_icpc_reconvenes_within_10_working_days() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [a("childrens_social_care")],
        conference_type=ConferenceType.INITIAL,
        conference_date=dt.date(2024, 3, 1),
    )
    # Pan-Sussex 7.8: within 10 working days for an ICPC. Fri 1 Mar 2024 + 10 WD.
    assert result.reconvene_due == dt.date(2024, 3, 15)
    review = RULE_SETS["england"].evaluate_quorum(
        [a("childrens_social_care")],
        conference_type=ConferenceType.REVIEW,
        conference_date=dt.date(2024, 3, 1),
    )
    assert review.reconvene_due is None


def test_england_chair_may_proceed_with_csc_and_one_other() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [a("childrens_social_care"), a("police")],
        chair_reason="delay would harm the child; information from absent agencies received",
    )
    assert not result.quorate
    assert result.proceeded_inquorate
    assert "The chair proceeded while inquorate" in result.explain()
    with pytest.raises(QuorumError, match="does not allow"):
        RULE_SETS["england"].evaluate_quorum([a("childrens_social_care")], chair_reason="x")


# Wales (WSP chi/c4 p8) and Guernsey (iscp.gg 'Quorum'): 3 groupings, 2 at chair's discretion.


@pytest.mark.parametrize("name", ["wales", "guernsey"])
def test_three_groupings_with_health_as_one(name: str) -> None:
    assert (
        RULE_SETS[name]
        .evaluate_quorum([a("childrens_social_care"), a("police"), a("health_visitor")])
        .quorate
    )
    # A health visitor and a GP are one grouping, health: only 2 groupings.
    two = RULE_SETS[name].evaluate_quorum(
        [a("childrens_social_care"), a("health_visitor"), a("gp")]
    )
    assert not two.quorate
    assert two.groupings == ("childrens_social_care", "health")
    assert two.chair_may_proceed
    # Without children's social care, three other groupings still make a quorum here.
    assert RULE_SETS[name].evaluate_quorum([a("police"), a("education"), a("gp")]).quorate


# Scotland 2021 guidance para 3.131: the core agencies social work, health and police.


def test_scotland_needs_the_core_agencies() -> None:
    assert (
        RULE_SETS["scotland"]
        .evaluate_quorum([a("childrens_social_care"), a("police"), a("school_nurse")])
        .quorate
    )
    result = RULE_SETS["scotland"].evaluate_quorum(
        [a("childrens_social_care"), a("police"), a("education"), a("housing")],
        conference_type=ConferenceType.REVIEW,
        conference_date=dt.date(2024, 3, 1),
    )
    assert not result.quorate
    assert "health did not take part, and is required" in result.shortfalls
    assert result.reconvene_due == dt.date(2024, 3, 15)  # App. D: within 10 working days


@pytest.mark.parametrize("name", ["northern-ireland", "isle-of-man"])
def test_rule_sets_without_a_quorum_say_so(name: str) -> None:
    with pytest.raises(QuorumError, match="no quorum rule"):
        RULE_SETS[name].evaluate_quorum([a("police")])


def test_apologies_and_absence_never_count() -> None:
    result = RULE_SETS["wales"].evaluate_quorum(
        [a("childrens_social_care"), a("police", APOLOGIES), a("education", REMOTE)]
    )
    reasons = {d.attendance.agency: d.reason for d in result.not_counted}
    assert reasons["police"] == "did not take part (apologies)"
    assert "remotely" in reasons["education"]


def test_record_order_does_not_change_the_decision() -> None:
    records = [a("gp", REPORT), a("health_visitor"), a("childrens_social_care"), a("police")]
    forward = RULE_SETS["wales"].evaluate_quorum(records)
    backward = RULE_SETS["wales"].evaluate_quorum(list(reversed(records)))
    assert forward.quorate == backward.quorate
    assert set(forward.groupings) == set(backward.groupings)
