"""Bracknell Forest plugin: installed through its entry point, and its local rules."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import (
    Attendance,
    AttendanceMode,
    CaseEvents,
    Conference,
    ConferenceType,
    Confidence,
    Period,
    RuleSet,
    load_rule_sets,
)
from safeguarding_rules.testing import RuleSetContract

D = dt.date


@pytest.fixture(scope="module")
def bracknell() -> RuleSet:
    loaded = load_rule_sets()
    assert loaded.plugin_of("bracknell-forest") == "bracknell"  # the entry-point name
    return loaded["bracknell-forest"]


def attend(agency: str, mode: AttendanceMode = AttendanceMode.IN_PERSON) -> Attendance:
    return Attendance(agency=agency, mode=mode, direct_contact=True)


def test_extends_england_without_copying_it(bracknell: RuleSet) -> None:
    england = load_rule_sets()["england"]
    assert bracknell.extends == "england"
    assert set(england.rules) <= set(bracknell.rules)
    assert bracknell.division == "england-and-wales"


def test_remote_participation_counts_in_bracknell_not_in_england(bracknell: RuleSet) -> None:
    # Children's social care in person, police and a health visitor by teleconference.
    present = [
        attend("childrens_social_care"),
        attend("police", AttendanceMode.REMOTE),
        attend("health_visitor", AttendanceMode.REMOTE),
    ]
    assert bracknell.evaluate_quorum(present).quorate
    england = load_rule_sets()["england"].evaluate_quorum(present)
    assert not england.quorate
    assert all("remotely" in d.reason for d in england.not_counted)


def test_the_quorum_assumption_is_marked_unconfirmed(bracknell: RuleSet) -> None:
    assert bracknell.quorum is not None
    assert bracknell.quorum.confidence is Confidence.UNCONFIRMED
    result = bracknell.evaluate_quorum([attend("childrens_social_care")])
    assert result.explain().startswith("UNCONFIRMED")


def test_a_gp_report_is_recorded_but_does_not_count(bracknell: RuleSet) -> None:
    result = bracknell.evaluate_quorum(
        [
            attend("childrens_social_care"),
            attend("police"),
            attend("gp", AttendanceMode.REPORT_ONLY),
        ]
    )
    assert not result.quorate
    (gp,) = result.not_counted
    assert gp.attendance.agency == "gp"
    assert "written report" in gp.reason


def test_report_deadlines_before_conferences(bracknell: RuleSet) -> None:
    initial = CaseEvents(conference=Conference(type=ConferenceType.INITIAL, date=D(2024, 3, 14)))
    found = {d.rule.id: d.due for d in bracknell.deadlines(initial)}
    # 48 and 24 hours before a conference with no time recorded: 2 and 1 calendar days.
    assert found["report_to_parents_initial"] == D(2024, 3, 12)
    assert found["report_to_chair_initial"] == D(2024, 3, 13)
    review = CaseEvents(conference=Conference(type=ConferenceType.REVIEW, date=D(2024, 4, 5)))
    found = {d.rule.id: d.due for d in bracknell.deadlines(review)}
    # 5 working days before Fri 5 Apr 2024 skip Easter Monday and Good Friday: Wed 27 Mar.
    assert found["report_to_parents_review"] == D(2024, 3, 27)
    # 3 working days before: Thu 4, Wed 3, Tue 2 Apr.
    assert found["report_to_chair_review"] == D(2024, 4, 2)


def test_reporting_by_half_year_over_active_interest(bracknell: RuleSet) -> None:
    assert bracknell.reporting is not None
    assert bracknell.reporting.period is Period.HALF_YEAR
    assert bracknell.reporting.year_start_month == 4
    assert bracknell.reporting.participation_over_active_interest


class TestConformance(RuleSetContract):
    """The same checks the built-in rule sets pass (safeguarding_rules.testing)."""

    rule_set_name = "bracknell-forest"
