"""England: *Working Together to Safeguard Children* (2006 to 2023) and related statutes.

References:
    * Rules catalogue sections 1 and 7 (``shared/research/rules-catalogue.md``).
    * Working Together to Safeguard Children, HM Government: 2006, 2010 (DCSF-00305-2010),
      2013, 2015, 2018 (4 July 2018; factual update 2020), 2023 (15 December 2023).
    * Care Planning, Placement and Case Review (England) Regulations 2010, reg 33.
    * Children Act 1989 s32(1)(a)(ii), inserted by Children and Families Act 2014 s14(2).

Most paragraph numbers in *Working Together* are UNCONFIRMED: the full PDFs were not
available, and the values are confirmed through local procedures that quote them (C2).
"""

from __future__ import annotations

import datetime as dt

from ..plugins import RuleSetRegistry, hookimpl
from ..rules import (
    AttendanceMode,
    ConferenceType,
    Confidence,
    Counting,
    Direction,
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

WT = editions_chain(
    (
        "wt2006",
        "Working Together to Safeguard Children 2006",
        dt.date(2006, 4, 1),
        UNCONFIRMED,
        "published 2006, replacing WT 1999 (catalogue s1.1); month and day UNCONFIRMED",
    ),
    (
        "wt2010",
        "Working Together to Safeguard Children 2010",
        dt.date(2010, 3, 1),
        UNCONFIRMED,
        "cover dated March 2010 (C2, DCSF-00305-2010); the day is UNCONFIRMED",
    ),
    (
        "wt2013",
        "Working Together to Safeguard Children 2013",
        dt.date(2013, 4, 15),
        UNCONFIRMED,
        "published March 2013 (C2); in force believed 15 April 2013 (UNCONFIRMED)",
    ),
    (
        "wt2015",
        "Working Together to Safeguard Children 2015",
        dt.date(2015, 3, 26),
        UNCONFIRMED,
        "published March 2015 (C2, LSCB briefing); day believed 26 March (UNCONFIRMED)",
    ),
    (
        "wt2018",
        "Working Together to Safeguard Children 2018",
        dt.date(2018, 7, 4),
        C2,
        "4 July 2018 (procedures.org.uk news, 5 July 2018)",
    ),
    (
        "wt2023",
        "Working Together to Safeguard Children 2023",
        dt.date(2023, 12, 15),
        C2,
        "15 December 2023 (Cumbria SCP briefing; Staffordshire SCB)",
    ),
)

REVIEW_REGS = editions_chain(
    (
        "rcc1991",
        "Review of Children's Cases Regulations 1991",
        dt.date(1991, 10, 14),
        UNCONFIRMED,
        "in force with the Children Act 1989 (believed 14 October 1991)",
    ),
    (
        "cppcr2010",
        "Care Planning, Placement and Case Review (England) Regulations 2010",
        dt.date(2011, 4, 1),
        C1,
        "reg 1: in force 1 April 2011 (legislation.gov.uk)",
    ),
)

CFA2014 = Edition(
    id="cfa2014",
    title="Children and Families Act 2014, s14 (26-week limit for care proceedings)",
    effective_from=dt.date(2014, 4, 22),
    dates_confidence=UNCONFIRMED,
    dates_source="believed in force 22 April 2014 (catalogue s7)",
)

_WT_SOURCE = {
    "wt2006": "Working Together to Safeguard Children 2006, ch. 5 (believed para 5.81)",
    "wt2010": "Working Together to Safeguard Children 2010, ch. 5 (paragraph UNCONFIRMED)",
    "wt2013": "Working Together to Safeguard Children 2013, ch. 1, 'Initial child protection "
    "conferences'",
    "wt2015": "Working Together to Safeguard Children 2015, ch. 1, 'Initial child protection "
    "conferences'",
    "wt2018": "Working Together to Safeguard Children 2018, ch. 1, 'Initial child protection "
    "conferences' (p. 49)",
    "wt2023": "Working Together to Safeguard Children 2023, ch. 3 (paragraph UNCONFIRMED)",
}


def _icpc(edition_id: str) -> Rule:
    old = edition_id in {"wt2006", "wt2010", "wt2013"}
    if edition_id == "wt2013":
        confidence, basis = C2, "wording quoted by the Isle of Man procedures and a local note"
    elif old:
        confidence, basis = UNCONFIRMED, "wording believed; 15 WD confirmed only by local copies"
    else:
        confidence, basis = C2, "quoted by Bexley, Solihull, Liverpool, Norfolk and others"
    notes = (
        "Counts from the last strategy discussion if more than one was held. Working "
        "Together 2015 abolished re-starting the count from a later strategy discussion."
        if old
        else "Counts from the strategy discussion at which section 47 enquiries were "
        "initiated, if more than one was held. The timing should reflect urgency: an "
        "earlier conference may be needed."
    )
    return Rule(
        id="icpc",
        title="Initial child protection conference",
        n=15,
        unit=WD,
        start_event=(
            StartEvent.STRATEGY_DISCUSSION_LAST
            if old
            else StartEvent.STRATEGY_DISCUSSION_INITIATING
        ),
        edition=WT[edition_id],
        source=f"{_WT_SOURCE[edition_id]} ({basis})",
        confidence=confidence,
        notes=notes,
    )


def _every_edition(
    rule_id: str,
    title: str,
    n: int,
    unit: Unit,
    start: StartEvent,
    source: str,
    confidence: Confidence,
    editions: tuple[str, ...] = tuple(WT),
    notes: str = "",
) -> list[Rule]:
    return [
        Rule(
            id=rule_id,
            title=title,
            n=n,
            unit=unit,
            start_event=start,
            edition=WT[edition_id],
            source=f"{WT[edition_id].title}; {source}",
            confidence=confidence,
            notes=notes,
        )
        for edition_id in editions
    ]


def rules() -> list[Rule]:
    """Every rule version of the England rule set."""
    found = [_icpc(edition_id) for edition_id in WT]
    found += _every_edition(
        "first_review",
        "First review child protection conference",
        3,
        MONTHS,
        StartEvent.INITIAL_CONFERENCE,
        "quoted by Sheffield, Greater Manchester, Surrey and West Sussex procedures and the "
        "tri.x national glossary",
        C2,
    )
    found += _every_edition(
        "subsequent_review",
        "Subsequent review child protection conference",
        6,
        MONTHS,
        StartEvent.PREVIOUS_REVIEW,
        "'not more than six months' apart (tri.x national glossary and local procedures)",
        C2,
    )
    found += _every_edition(
        "first_core_group",
        "First core group meeting",
        10,
        WD,
        StartEvent.INITIAL_CONFERENCE,
        "quoted by Norfolk, Liverpool and other local procedures",
        C2,
    )
    found += _every_edition(
        "referral_decision",
        "Decision on the response to a referral, and feedback to the referrer",
        1,
        WD,
        StartEvent.REFERRAL,
        "WT 2013 p. 26 as quoted by wflack.com; LG Inform metric 2234",
        C2,
    )
    found += _every_edition(
        "transfer_in_conference",
        "Transfer-in child protection conference",
        15,
        WD,
        StartEvent.TRANSFER_NOTIFIED,
        "national value believed from WT 2010; local procedures (Norfolk from 2015, Tees) "
        "use 15 working days from notification (C2)",
        UNCONFIRMED,
    )
    found += [
        Rule(
            id="initial_assessment",
            title="Initial assessment",
            n=7,
            unit=WD,
            start_event=StartEvent.REFERRAL,
            edition=WT["wt2006"],
            source="Working Together to Safeguard Children 2006 (belief: 7 working days)",
            confidence=UNCONFIRMED,
        ),
        Rule(
            id="initial_assessment",
            title="Initial assessment",
            n=10,
            unit=WD,
            start_event=StartEvent.REFERRAL,
            edition=WT["wt2010"],
            source="Working Together to Safeguard Children 2010; workingtogetheronline glossary; "
            "LG Inform metric 2234 ('maximum of 10 working days')",
            confidence=C2,
            notes="Initial and core assessments were replaced by a single assessment in 2013.",
        ),
    ]
    found += _every_edition(
        "core_assessment",
        "Core assessment",
        35,
        WD,
        StartEvent.CORE_ASSESSMENT_START,
        "35 working days from the start of the core assessment (belief)",
        UNCONFIRMED,
        editions=("wt2006", "wt2010"),
    )
    found += _every_edition(
        "single_assessment",
        "Child and family (single) assessment",
        45,
        WD,
        StartEvent.REFERRAL,
        "'no longer than 45 working days from the point of referral' (tri.x glossary)",
        C2,
        editions=("wt2013", "wt2015", "wt2018", "wt2023"),
    )
    found += _looked_after_reviews()
    found.append(
        Rule(
            id="care_proceedings",
            title="Care or supervision proceedings disposed of",
            n=26,
            unit=WEEKS,
            start_event=StartEvent.APPLICATION_ISSUED,
            edition=CFA2014,
            source="Children Act 1989 s32(1)(a)(ii), inserted by Children and Families Act 2014 "
            "s14(2): 'within twenty-six weeks beginning with the day on which the application "
            "was issued' (legislation.gov.uk)",
            confidence=C1,
            counting=Counting.EVENT_DAY_IS_DAY_1,
            notes="The court may extend by up to 8 weeks at a time where necessary to resolve "
            "the proceedings justly (s32(5), s32(8)). Applies in England and Wales.",
        )
    )
    return found


def _looked_after_reviews() -> list[Rule]:
    old, new = REVIEW_REGS["rcc1991"], REVIEW_REGS["cppcr2010"]
    reg33 = "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33"
    local = "as quoted by Childhood First, Newham and Calderdale LAC review procedures"
    return [
        Rule(
            id="lac_first_review",
            title="First looked-after child review",
            n=4,
            unit=WEEKS,
            start_event=StartEvent.BECAME_LOOKED_AFTER,
            edition=old,
            source="Review of Children's Cases Regulations 1991 (belief: within 4 weeks)",
            confidence=UNCONFIRMED,
        ),
        Rule(
            id="lac_first_review",
            title="First looked-after child review",
            n=20,
            unit=WD,
            start_event=StartEvent.BECAME_LOOKED_AFTER,
            edition=new,
            source=f"{reg33} ({local})",
            confidence=C2,
        ),
        Rule(
            id="lac_second_review",
            title="Second looked-after child review",
            n=3,
            unit=MONTHS,
            start_event=StartEvent.FIRST_LAC_REVIEW,
            edition=old,
            source="Review of Children's Cases Regulations 1991 (belief: within 3 months)",
            confidence=UNCONFIRMED,
        ),
        Rule(
            id="lac_second_review",
            title="Second looked-after child review",
            n=3,
            unit=MONTHS,
            start_event=StartEvent.FIRST_LAC_REVIEW,
            edition=new,
            source=f"{reg33} ({local})",
            confidence=C2,
        ),
        Rule(
            id="lac_subsequent_review",
            title="Subsequent looked-after child review",
            n=6,
            unit=MONTHS,
            start_event=StartEvent.PREVIOUS_LAC_REVIEW,
            edition=old,
            source="Review of Children's Cases Regulations 1991 (belief: every 6 months)",
            confidence=UNCONFIRMED,
        ),
        Rule(
            id="lac_subsequent_review",
            title="Subsequent looked-after child review",
            n=6,
            unit=MONTHS,
            start_event=StartEvent.PREVIOUS_LAC_REVIEW,
            edition=new,
            source=f"{reg33} ({local})",
            confidence=C2,
        ),
    ]


LOCAL_PATTERN = Edition(
    id="england_local_quorum",
    title="Common local pattern of English child protection procedures (Pan-Sussex, Swindon)",
    effective_from=dt.date(2006, 4, 1),
    dates_confidence=UNCONFIRMED,
    dates_source="local procedures seen are the 2022 and 2023 versions; applied to all years",
)

QUORUM = QuorumRule(
    title="Children's social care and at least 2 other agencies or professional groups with "
    "direct contact with the child or family",
    source="Working Together sets no quorum. Common local pattern: Pan-Sussex procedures 7.8 "
    "(2022); Swindon / South West CP procedures (2023); SSD item CPPR006A guidance",
    confidence=C2,
    required=frozenset({"childrens_social_care"}),
    min_other=2,
    counting_modes=frozenset({AttendanceMode.IN_PERSON}),
    requires_direct_contact=True,
    fii_requires="paediatrician",
    chair_may_proceed_with=2,
    reconvene=Rule(
        id="reconvene_inquorate_icpc",
        title="Reconvene an inquorate initial conference",
        n=10,
        unit=WD,
        start_event=StartEvent.CONFERENCE,
        direction=Direction.AFTER,
        conference_types=frozenset({ConferenceType.INITIAL}),
        edition=LOCAL_PATTERN,
        source="Pan-Sussex procedures 7.8: within 10 working days for an ICPC; Swindon: new "
        "date within 10 working days",
        confidence=C2,
    ),
    notes="Each agency is its own grouping (Swindon: school, school nurse and health visitor "
    "count separately). A written report does not count. Whether remote participation counts "
    "is not stated in the sources read: this rule set counts attendance in person only. "
    "Pan-Sussex lets the chair proceed with children's social care and one other agency.",
)

RULE_SET = RuleSet(
    name="england",
    title="England: Working Together to Safeguard Children",
    division="england-and-wales",
    rules=rules(),
    enquiry="section 47 enquiries, Children Act 1989",
    covers_from=WT["wt2006"].effective_from,
    quorum=QUORUM,
    notes="Working Together sets no quorum and no report-sharing timescale: those are local "
    "(see the local rule-set plugins). Pre-birth conference timing is local too.",
)


@hookimpl(trylast=True)
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the England rule set."""
    registry.add(RULE_SET)
