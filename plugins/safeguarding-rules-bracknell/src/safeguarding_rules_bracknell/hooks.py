"""Bracknell Forest: England's rules with the Berkshire procedures' local additions.

Sources:
    * Bracknell Forest LSCB minutes, "Child Protection Conference Annual Review" 2014-15
      (the project's seed document 001): quoracy reported by half-year (over 90%, then
      86%); agency participation counted only where the agency had an active interest;
      GPs expected to provide reports rather than attend; teleconferencing to be explored.
    * West Berkshire "information for conference" handout v.05/10 (Berkshire LSCB
      procedures, WT 2010 era; studylib 18335041), for report-sharing timescales (C2).
    * The Berkshire procedures' quorum text was not available: the quorum below is
      England's common local pattern, which Berkshire is believed to share (UNCONFIRMED).
"""

from __future__ import annotations

import datetime as dt

import attrs

from safeguarding_rules import (
    AttendanceMode,
    ConferenceType,
    Confidence,
    CountingUnit,
    Direction,
    Edition,
    Evidence,
    LocalOverlay,
    LocalRuleSet,
    Period,
    ReportingPolicy,
    Rule,
    RuleSetRegistry,
    StartEvent,
    Unit,
    hookimpl,
)
from safeguarding_rules.rulesets.england import QUORUM as ENGLAND_QUORUM

BERKSHIRE = Edition(
    id="berkshire_lscb_2010",
    title="Berkshire LSCB child protection procedures (West Berkshire handout v.05/10)",
    effective_from=dt.date(2010, 5, 1),
    dates_confidence=Confidence.UNCONFIRMED,
    dates_source="handout version 05/10 (May 2010); when the Berkshire text took effect, and "
    "whether it still applies, are UNCONFIRMED",
)
HANDOUT = "West Berkshire handout v.05/10 under the Berkshire LSCB procedures (C2)"
_HANDOUT_TITLE = "West Berkshire, 'Handout for Professionals Invited to Conference' (v. 05/10)"
_HANDOUT_URL = "https://studylib.net/doc/18335041/handout-for-professionals-invited-to-conference"
_CHECKED = dt.date(2026, 11, 30)
TO_PARENTS = Evidence(
    quote="at least 48 hours in advance of an initial conference and 5 working days before a "
    "review conference.",
    title=_HANDOUT_TITLE,
    url=_HANDOUT_URL,
    checked=_CHECKED,
)
TO_CHAIR = Evidence(
    quote="The report should be provided to the Conference Chair at least 24 hours prior to an "
    "initial conference and 3 working days in advance of a review",
    title=_HANDOUT_TITLE,
    url=_HANDOUT_URL,
    checked=_CHECKED,
)
INITIAL = frozenset({ConferenceType.INITIAL})
REVIEW = frozenset({ConferenceType.REVIEW})


def _report(
    rule_id: str,
    title: str,
    n: int,
    unit: Unit,
    types: frozenset[ConferenceType],
    evidence: Evidence,
) -> Rule:
    return Rule(
        id=rule_id,
        title=title,
        n=n,
        unit=unit,
        start_event=StartEvent.CONFERENCE,
        direction=Direction.BEFORE,
        conference_types=types,
        edition=BERKSHIRE,
        source=HANDOUT,
        confidence=Confidence.C2,
        evidence=(evidence,),
    )


QUORUM = attrs.evolve(
    ENGLAND_QUORUM,
    title="Children's social care and at least 2 other agencies with direct contact; "
    "taking part remotely (teleconference) counts",
    counting_modes=frozenset({AttendanceMode.IN_PERSON, AttendanceMode.REMOTE}),
    source=f"{ENGLAND_QUORUM.source}; remote participation: Bracknell Forest LSCB minutes "
    "2014-15 (seed 001)",
    confidence=Confidence.UNCONFIRMED,
    unconfirmed_reason="the Berkshire procedures' quorum text was not available, and the "
    "2014-15 minutes say only that teleconferencing was to be explored: confirm both against "
    "the Berkshire child protection procedures",
    notes="The 2014-15 minutes record only that teleconferencing was to be explored; counting "
    "remote participation is this plugin's assumption (UNCONFIRMED). A GP's written report is "
    "recorded but does not count (the CCG expected GPs to send reports, not attend). The "
    "Berkshire quorum text itself was not available.",
)

REPORTING = ReportingPolicy(
    headline_unit=CountingUnit.CONFERENCE,
    period=Period.HALF_YEAR,
    year_start_month=4,
    participation_over_active_interest=True,
    source="Bracknell Forest LSCB minutes, Child Protection Conference Annual Review 2014-15 "
    "(seed 001): quoracy by half-year of the April-March year; agency participation only "
    "over conferences where the agency had an active interest",
    confidence=Confidence.C2,
)

#: The working days between Christmas and New Year, the common council pattern. No Bracknell
#: Forest source for its own closure days was found, so every closure says UNCONFIRMED.
CLOSURES = LocalOverlay.between_christmas_and_new_year(
    name="Bracknell Forest Christmas closure (UNCONFIRMED)",
    division="england",
    reason="Christmas closure (typical council closure; UNCONFIRMED for Bracknell Forest)",
    source="rules catalogue s8.4: many councils close on the working days between Christmas "
    "and New Year (C2 as a pattern); Bracknell Forest's own closure days are UNCONFIRMED",
)

RULE_SET = LocalRuleSet(
    name="bracknell-forest",
    title="Bracknell Forest (Berkshire procedures, extends England)",
    extends="england",
    add=[
        _report(
            "report_to_parents_initial",
            "Reports shared with parents (initial conference)",
            48,
            Unit.HOURS,
            INITIAL,
            TO_PARENTS,
        ),
        _report(
            "report_to_chair_initial",
            "Reports sent to the chair (initial conference)",
            24,
            Unit.HOURS,
            INITIAL,
            TO_CHAIR,
        ),
        _report(
            "report_to_parents_review",
            "Reports shared with parents (review conference)",
            5,
            Unit.WORKING_DAYS,
            REVIEW,
            TO_PARENTS,
        ),
        _report(
            "report_to_chair_review",
            "Reports sent to the chair (review conference)",
            3,
            Unit.WORKING_DAYS,
            REVIEW,
            TO_CHAIR,
        ),
    ],
    quorum=QUORUM,
    reporting=REPORTING,
    overlay=CLOSURES,
    notes="Extends England: every national timescale applies unchanged. The Christmas closure "
    "overlay is off unless asked for (use_overlay=True, or --use-overlay).",
)


@hookimpl
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the Bracknell Forest rule set."""
    registry.extend(RULE_SET)
