"""Wales: All Wales Child Protection Procedures 2008 and Wales Safeguarding Procedures.

Wales, like England, follows **section 47** of the Children Act 1989. (The "s35 enquiries"
of the Guernsey procedures are a different law: see the ``guernsey`` rule set.)

References:
    * Rules catalogue section 3 (``shared/research/rules-catalogue.md``).
    * All Wales Child Protection Procedures 2008 (in force 1 April 2008; Torfaen CBC page).
      Not retrieved in full: every AWCPP value here is a belief, tagged UNCONFIRMED.
    * Wales Safeguarding Procedures, safeguarding.wales, section 3 part 2 (pages 11, 13) and
      chi/c4 (page 8). Launched late 2019; the launch date is UNCONFIRMED.
    * Social Services and Well-being (Wales) Act 2014, performance measure PM24 (StatsWales).
"""

from __future__ import annotations

import datetime as dt

from ..plugins import RuleSetRegistry, hookimpl
from ..rules import (
    HEALTH_AS_ONE_GROUPING,
    Confidence,
    Edition,
    QuorumRule,
    Rule,
    RuleSet,
    StartEvent,
    Unit,
    editions_chain,
)

C1, C2, UNCONFIRMED = Confidence.C1, Confidence.C2, Confidence.UNCONFIRMED
WD, MONTHS, WEEKS = Unit.WORKING_DAYS, Unit.MONTHS, Unit.WEEKS

PROCEDURES = editions_chain(
    (
        "awcpp2008",
        "All Wales Child Protection Procedures 2008",
        dt.date(2008, 4, 1),
        C2,
        "in force 1 April 2008 (Torfaen CBC page)",
    ),
    (
        "wsp2019",
        "Wales Safeguarding Procedures",
        dt.date(2019, 11, 1),
        UNCONFIRMED,
        "launched late 2019, believed November 2019; the day is UNCONFIRMED",
    ),
)
ASSESSMENT = editions_chain(
    (
        "cin_framework_wales",
        "Framework for the Assessment of Children in Need and their Families (Wales)",
        dt.date(2008, 4, 1),
        UNCONFIRMED,
        "encoded from the start of AWCPP 2008; the framework itself is older",
    ),
    (
        "sswba2016",
        "Social Services and Well-being (Wales) Act 2014, Part 3 assessments",
        dt.date(2016, 4, 6),
        C2,
        "the Act came into effect in April 2016 (code of practice text); 6 April believed",
    ),
)

AWCPP, WSP = PROCEDURES["awcpp2008"], PROCEDURES["wsp2019"]
WSP_P13 = "Wales Safeguarding Procedures s.3 pt 2 p13 (safeguarding.wales)"


def _both(
    rule_id: str,
    title: str,
    n: int,
    unit: Unit,
    start: StartEvent,
    wsp_source: str,
    wsp_confidence: Confidence,
    notes: str = "",
) -> list[Rule]:
    """Build the AWCPP 2008 version (a belief, UNCONFIRMED) and the WSP version of a rule."""
    return [
        Rule(
            id=rule_id,
            title=title,
            n=n,
            unit=unit,
            start_event=start,
            edition=edition,
            source=source,
            confidence=confidence,
            notes=notes,
        )
        for edition, source, confidence in (
            (
                AWCPP,
                "All Wales Child Protection Procedures 2008 (belief; not retrieved)",
                UNCONFIRMED,
            ),
            (WSP, wsp_source, wsp_confidence),
        )
    ]


def _wsp_only(
    rule_id: str, title: str, n: int, unit: Unit, start: StartEvent, source: str, notes: str = ""
) -> Rule:
    return Rule(
        id=rule_id,
        title=title,
        n=n,
        unit=unit,
        start_event=start,
        edition=WSP,
        source=source,
        confidence=C1,
        notes=notes,
    )


def _assessment(
    rule_id: str,
    title: str,
    n: int,
    start: StartEvent,
    edition: Edition,
    source: str,
    confidence: Confidence,
    notes: str = "",
) -> Rule:
    return Rule(
        id=rule_id,
        title=title,
        n=n,
        unit=WD,
        start_event=start,
        edition=edition,
        source=source,
        confidence=confidence,
        notes=notes,
    )


def rules() -> list[Rule]:
    """Every rule version of the Wales rule set."""
    found = _both(
        "icpc",
        "Initial child protection conference",
        15,
        WD,
        StartEvent.STRATEGY_DISCUSSION_INITIATING,
        "Wales Safeguarding Procedures s.3 pt 2 (page not retrieved); performance indicators "
        "and local authority reports use 15 working days from the strategy discussion",
        C2,
        notes="Counted from the initial strategy discussion (Conwy: 'Date to be 15 working days "
        "from initial strategy discussion').",
    )
    found += _both(
        "first_core_group",
        "First core group meeting",
        10,
        WD,
        StartEvent.INITIAL_CONFERENCE,
        WSP_P13,
        C1,
    )
    found += _both(
        "first_review",
        "First review child protection conference",
        3,
        MONTHS,
        StartEvent.INITIAL_CONFERENCE,
        f"{WSP_P13}; chi/c4 p8",
        C1,
    )
    found += _both(
        "subsequent_review",
        "Subsequent review child protection conference",
        6,
        MONTHS,
        StartEvent.PREVIOUS_REVIEW,
        f"{WSP_P13} ('at least every six months')",
        C1,
    )
    found += [
        _wsp_only(
            "outline_plan",
            "Outline care and support protection plan and decision summary circulated",
            5,
            WD,
            StartEvent.INITIAL_CONFERENCE,
            "Wales Safeguarding Procedures s.3 pt 2 p11 (safeguarding.wales)",
        ),
        _wsp_only(
            "core_group_interval",
            "Next core group meeting",
            6,
            WEEKS,
            StartEvent.PREVIOUS_CORE_GROUP,
            WSP_P13,
            notes="Core groups meet monthly and no more than 6-weekly.",
        ),
        _wsp_only(
            "continuing_assessment",
            "Continuing assessment completed",
            42,
            WD,
            StartEvent.ENQUIRY_START,
            WSP_P13,
        ),
        _assessment(
            "initial_assessment",
            "Initial assessment",
            7,
            StartEvent.REFERRAL,
            ASSESSMENT["cin_framework_wales"],
            "Welsh assessment framework (belief; Newport CC still states 'within seven working "
            "days', C2)",
            UNCONFIRMED,
        ),
        _assessment(
            "core_assessment",
            "Core assessment",
            35,
            StartEvent.CORE_ASSESSMENT_START,
            ASSESSMENT["cin_framework_wales"],
            "Welsh assessment framework (belief; Newport CC: 'a further 35 working days', C2)",
            UNCONFIRMED,
        ),
        _assessment(
            "statutory_assessment",
            "Statutory assessment (performance measure PM24)",
            42,
            StartEvent.REFERRAL,
            ASSESSMENT["sswba2016"],
            "StatsWales performance measure PM24: assessments completed within 42 working days "
            "from the point of referral",
            C1,
        ),
    ]
    return found


QUORUM = QuorumRule(
    title="3 agencies or professional groupings; 2 at the chair's discretion in exceptional "
    "circumstances",
    source="Wales Safeguarding Procedures chi/c4 p8 (review conference quorum 'same as for "
    "initial child protection conference')",
    confidence=C1,
    min_total=3,
    groupings=HEALTH_AS_ONE_GROUPING,
    chair_may_proceed_with=2,
    notes="Which agencies are separate groupings is not stated (UNCONFIRMED): as in "
    "Guernsey's identically worded rule, every health professional is counted as one "
    "grouping, 'health'. A written report does not count as taking part; remote "
    "participation is not addressed in the pages read and is not counted.",
)

RULE_SET = RuleSet(
    name="wales",
    title="Wales: All Wales Child Protection Procedures 2008 and Wales Safeguarding Procedures",
    division="england-and-wales",
    rules=rules(),
    enquiry="section 47 enquiries, Children Act 1989 (as in England)",
    covers_from=AWCPP.effective_from,
    quorum=QUORUM,
    notes="Before April 2008 (Safeguarding Children: Working Together under the Children Act "
    "2004) the Welsh timescales are not encoded: events before then are refused.",
)


@hookimpl(trylast=True)
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the Wales rule set."""
    registry.add(RULE_SET)
