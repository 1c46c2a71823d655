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

from ..plugin import hookimpl
from ..plugin.registry import RuleSetRegistry
from ..rules import (
    AttendanceMode,
    ConferenceType,
    Confidence,
    Counting,
    Direction,
    Edition,
    Evidence,
    QuorumRule,
    Rule,
    RuleSet,
    StartEvent,
    Unit,
    editions_chain,
)
from . import _adults, _missing, _reports
from . import _sources as S
from ._groups import EditionGroup

__all__ = [
    "LOCAL_PATTERN",
    "QUORUM",
    "REVIEW_REGS",
    "RULE_SET",
    "WT",
    "rules",
    "sgr_register_rule_sets",
]


C1, C2, UNCONFIRMED = Confidence.C1, Confidence.C2, Confidence.UNCONFIRMED
WD, MONTHS, WEEKS = Unit.WORKING_DAYS, Unit.MONTHS, Unit.WEEKS

#: The editions of *Working Together to Safeguard Children*, by id (``"wt2006"`` ...).
WT = editions_chain(
    Edition(
        id="wt2006",
        title="Working Together to Safeguard Children 2006",
        effective_from=dt.date(2006, 4, 1),
        dates_confidence=UNCONFIRMED,
        dates_source="published in April 2006, replacing WT 1999 (Family Law news of 25 April "
        "2006, C2; WT 2010's summary: 'previously updated in 2006'); the day was not found: "
        "1 April 2006, the first day of that month, is encoded, so an event in April 2006 "
        "before the unknown publication day may fall under WT 1999 (not encoded)",
        evidence=(S.WT2006_APRIL, S.WT2006_YEAR),
    ),
    Edition(
        id="wt2010",
        title="Working Together to Safeguard Children 2010",
        effective_from=dt.date(2010, 3, 17),
        dates_confidence=C1,
        dates_source="published 17 March 2010 (DCSF's Working Together page)",
        evidence=(S.WT2010_PUBLISHED,),
    ),
    Edition(
        id="wt2013",
        title="Working Together to Safeguard Children 2013",
        effective_from=dt.date(2013, 4, 15),
        dates_confidence=C2,
        dates_source="published 21 March 2013, in effect from 15 April 2013 (Family Law news)",
        evidence=(S.WT2013_IN_FORCE,),
    ),
    Edition(
        id="wt2015",
        title="Working Together to Safeguard Children 2015",
        effective_from=dt.date(2015, 3, 26),
        dates_confidence=C2,
        dates_source="published 26 March 2015 (Safeguarding in Schools)",
        evidence=(S.WT2015_PUBLISHED,),
    ),
    Edition(
        id="wt2018",
        title="Working Together to Safeguard Children 2018",
        effective_from=dt.date(2018, 7, 4),
        dates_confidence=C2,
        dates_source="4 July 2018 (procedures.org.uk news, 5 July 2018)",
        evidence=(S.WT2018_PUBLISHED,),
    ),
    Edition(
        id="wt2023",
        title="Working Together to Safeguard Children 2023",
        effective_from=dt.date(2023, 12, 15),
        dates_confidence=C2,
        dates_source="15 December 2023 (Cumbria SCP briefing; Staffordshire SCB)",
        evidence=(S.WT2023_LAUNCHED,),
    ),
)

#: The editions of the looked-after review regulations, by id.
REVIEW_REGS = editions_chain(
    Edition(
        id="rcc1991",
        title="Review of Children's Cases Regulations 1991",
        effective_from=dt.date(1991, 10, 14),
        dates_confidence=C1,
        dates_source="reg 1: in force 14 October 1991 (legislation.gov.uk)",
        evidence=(S.RCC1991_IN_FORCE,),
    ),
    Edition(
        id="cppcr2010",
        title="Care Planning, Placement and Case Review (England) Regulations 2010",
        effective_from=dt.date(2011, 4, 1),
        dates_confidence=C1,
        dates_source="reg 1: in force 1 April 2011 (legislation.gov.uk)",
        evidence=(S.CPPCR_IN_FORCE,),
    ),
)

CFA2014 = Edition(
    id="cfa2014",
    title="Children and Families Act 2014, s14 (26-week limit for care proceedings)",
    effective_from=dt.date(2014, 4, 22),
    dates_confidence=C1,
    dates_source="s14 in force 22 April 2014: Children and Families Act 2014 (Commencement "
    "No. 2) Order 2014, art 4 (legislation.gov.uk)",
    evidence=(S.CFA2014_IN_FORCE,),
)

#: Rules that *Working Together* states alike in several editions, each version's source
#: beginning with its edition's title.
WT_GROUP = EditionGroup(WT, cite=True)

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


_ICPC_EVIDENCE: dict[str, tuple[Evidence, ...]] = {
    "wt2006": (S.ICPC_LAST_SD,),
    "wt2010": (S.ICPC_LAST_SD,),
    "wt2013": (S.ICPC_LAST_SD, S.WT2015_ABOLISHED_LAST),
    "wt2015": (S.NORFOLK_ICPC,),
    "wt2018": (S.SOLIHULL_ICPC,),
    "wt2023": (S.NORFOLK_ICPC,),
}


def _icpc(edition_id: str) -> Rule:
    old = edition_id in {"wt2006", "wt2010", "wt2013"}
    reason = ""
    if edition_id == "wt2013":
        confidence, basis = C2, "wording quoted by the Isle of Man procedures and a local note"
    elif old:
        confidence, basis = UNCONFIRMED, "wording believed; 15 WD confirmed only by local copies"
        reason = (
            f"{WT[edition_id].title} was not read: its chapter 5 'timing of the initial child "
            "protection conference' paragraph is not in the stored copies (only the 2010 "
            "edition's contents and front matter are); the 'last strategy discussion' wording "
            "is the Isle of Man procedures' and 15 working days local copies'. Confirm both "
            "against that paragraph (believed 5.81)"
        )
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
    if edition_id == "wt2013":
        notes += (
            " One local copy (West Mercia 3.5, last amended October 2013) already words it as "
            "the discussion 'at which the decision to initiate the Section 47 Enquiry was "
            "made'; the WT 2013 text itself was not read."
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
        evidence=_ICPC_EVIDENCE[edition_id],
        unconfirmed_reason=reason,
    )


def rules() -> list[Rule]:
    """Every rule version of the England rule set."""
    found = [_icpc(edition_id) for edition_id in WT]
    found += WT_GROUP.same(
        "first_review",
        "First review child protection conference",
        3,
        MONTHS,
        StartEvent.INITIAL_CONFERENCE,
        "quoted by Sheffield, Greater Manchester, Surrey and West Sussex procedures and the "
        "tri.x national glossary",
        C2,
        (S.TRIX_REVIEWS,),
    )
    found += WT_GROUP.same(
        "subsequent_review",
        "Subsequent review child protection conference",
        6,
        MONTHS,
        StartEvent.PREVIOUS_REVIEW,
        "'not more than six months' apart (tri.x national glossary and local procedures)",
        C2,
        (S.TRIX_REVIEWS,),
    )
    found += WT_GROUP.same(
        "first_core_group",
        "First core group meeting",
        10,
        WD,
        StartEvent.INITIAL_CONFERENCE,
        "quoted by Norfolk, Liverpool and other local procedures",
        C2,
        (S.NORFOLK_CORE_GROUP,),
    )
    referral = (
        "Decision on the response to a referral, and feedback to the referrer",
        1,
        WD,
        StartEvent.REFERRAL,
    )
    found += WT_GROUP.same(
        "referral_decision",
        *referral,
        "one working day to decide (LG Inform metric 2234, children in need census)",
        C2,
        (S.LG_INFORM_REFERRAL,),
        editions=("wt2006", "wt2010"),
    )
    found += WT_GROUP.same(
        "referral_decision",
        *referral,
        "WT 2013 p. 26 as quoted by wflack.com and the Tees procedures; LG Inform metric 2234",
        C2,
        (S.TEES_WT2013_REFERRAL,),
        editions=("wt2013", "wt2015", "wt2018", "wt2023"),
    )
    found += WT_GROUP.same(
        "transfer_in_conference",
        "Transfer-in child protection conference",
        15,
        WD,
        StartEvent.TRANSFER_NOTIFIED,
        "national value believed from WT 2010; local procedures (Norfolk from 2015, Tees) "
        "use 15 working days from notification (C2)",
        UNCONFIRMED,
        (S.NORFOLK_TRANSFER_IN,),
        unconfirmed_reason="no Working Together text giving a national transfer-in timescale "
        "was found in the stored copies; only local procedures (Norfolk 3.8 from May 2015, "
        "Tees) say 15 working days of the written notification. Confirm against the chapter on "
        "children moving between areas of the edition in force, or, if it sets none, replace "
        "this rule with a finding that the timescale is local",
    )
    found += [
        Rule(
            id="initial_assessment",
            title="Initial assessment",
            n=7,
            unit=WD,
            start_event=StartEvent.REFERRAL,
            edition=WT["wt2006"],
            source="Working Together to Safeguard Children 2006 and the Framework for the "
            "Assessment of Children in Need (2000): 7 working days, as Coventry's procedures "
            "kept it in 2010",
            confidence=C2,
            evidence=(S.COVENTRY_IA_7,),
        ),
        Rule(
            id="initial_assessment",
            title="Initial assessment",
            n=10,
            unit=WD,
            start_event=StartEvent.REFERRAL,
            edition=WT["wt2010"],
            source="Working Together to Safeguard Children 2010; workingtogetheronline glossary; "
            "LG Inform metric 2234 ('maximum of 10 working days'); Community Care (2012)",
            confidence=C2,
            notes="Initial and core assessments were replaced by a single assessment in 2013.",
            evidence=(S.COMMUNITY_CARE_IA_CA,),
        ),
    ]
    found += [
        *WT_GROUP.same(
            "core_assessment",
            "Core assessment",
            35,
            WD,
            StartEvent.CORE_ASSESSMENT_START,
            "35 working days from the start of the core assessment (Devon procedures)",
            C2,
            (S.DEVON_CORE_ASSESSMENT,),
            editions=("wt2006",),
        ),
        *WT_GROUP.same(
            "core_assessment",
            "Core assessment",
            35,
            WD,
            StartEvent.CORE_ASSESSMENT_START,
            "35 working days (Community Care, 2012; Devon procedures)",
            C2,
            (S.COMMUNITY_CARE_IA_CA, S.DEVON_CORE_ASSESSMENT),
            editions=("wt2010",),
        ),
    ]
    found += WT_GROUP.same(
        "single_assessment",
        "Child and family (single) assessment",
        45,
        WD,
        StartEvent.REFERRAL,
        "'no longer than 45 working days from the point of referral' (tri.x glossary)",
        C2,
        (S.TRIX_SINGLE_ASSESSMENT,),
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
            evidence=(S.CFA2014_S14,),
        )
    )
    return found


def _looked_after_reviews() -> list[Rule]:
    old, new = REVIEW_REGS["rcc1991"], REVIEW_REGS["cppcr2010"]
    reg33 = "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33"
    local = "as quoted by Childhood First, Newham and Calderdale LAC review procedures"
    rcc = (
        "Review of Children's Cases Regulations 1991, reg 3, as a local glossary (Oxfordshire, "
        "undated) states the intervals; the regulation itself was not read"
    )
    return [
        Rule(
            id="lac_first_review",
            title="First looked-after child review",
            n=4,
            unit=WEEKS,
            start_event=StartEvent.BECAME_LOOKED_AFTER,
            edition=old,
            source=f"{rcc}: within 4 weeks",
            confidence=C2,
            evidence=(S.OXFORDSHIRE_LAC,),
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
            evidence=(S.CHILDHOOD_FIRST_LAC,),
        ),
        Rule(
            id="lac_second_review",
            title="Second looked-after child review",
            n=3,
            unit=MONTHS,
            start_event=StartEvent.FIRST_LAC_REVIEW,
            edition=old,
            source=f"{rcc}: within 3 months of the first",
            confidence=C2,
            evidence=(S.OXFORDSHIRE_LAC,),
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
            evidence=(S.CHILDHOOD_FIRST_LAC_2,),
        ),
        Rule(
            id="lac_subsequent_review",
            title="Subsequent looked-after child review",
            n=6,
            unit=MONTHS,
            start_event=StartEvent.PREVIOUS_LAC_REVIEW,
            edition=old,
            source=f"{rcc}: then every 6 months",
            confidence=C2,
            evidence=(S.OXFORDSHIRE_LAC_6,),
        ),
        Rule(
            id="lac_subsequent_review",
            title="Subsequent looked-after child review",
            n=6,
            unit=MONTHS,
            start_event=StartEvent.PREVIOUS_LAC_REVIEW,
            edition=new,
            source=f"{reg33} ({local}); the same six-month interval as before 2011",
            confidence=C2,
            evidence=(S.OXFORDSHIRE_LAC_6,),
        ),
    ]


#: The edition of the common local quorum pattern England's quorum comes from.
LOCAL_PATTERN = Edition(
    id="england_local_quorum",
    title="Common local pattern of English child protection procedures (Pan-Sussex, Swindon)",
    effective_from=dt.date(2006, 4, 1),
    dates_confidence=UNCONFIRMED,
    dates_source="local procedures seen are the 2022 and 2023 versions; applied to all years",
)

#: England's quorum (the common local pattern): reuse it with ``attrs.evolve``.
QUORUM = QuorumRule(
    title="Children's social care and at least 2 other agencies or professional groups with "
    "direct contact with the child or family",
    source="Working Together sets no quorum. Common local pattern: Pan-Sussex procedures 7.8 "
    "(2022); Swindon / South West CP procedures (2023); SSD item CPPR006A guidance",
    confidence=C2,
    evidence=(S.SUSSEX_QUORUM, S.SWINDON_QUORUM),
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
        evidence=(S.SUSSEX_RECONVENE,),
    ),
    notes="Each agency is its own grouping (Swindon: school, school nurse and health visitor "
    "count separately). A written report does not count. Whether remote participation counts "
    "is not stated in the sources read: this rule set counts attendance in person only. "
    "Pan-Sussex lets the chair proceed with children's social care and one other agency.",
)

#: The England rule set, as registered.
RULE_SET = RuleSet(
    name="england",
    title="England: Working Together to Safeguard Children",
    division="england-and-wales",
    rules=[*rules(), *_missing.england()],
    not_encoded=(*_adults.ENGLAND_FINDINGS, *_missing.ENGLAND_FINDINGS, *_reports.ENGLAND_FINDINGS),
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
