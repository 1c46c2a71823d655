"""Scotland: National Guidance for Child Protection in Scotland, 2010, 2014 and 2021.

Scottish timescales are mostly in **calendar days**. Conferences are not statutory (the
Children (Scotland) Act 1995 does not require them; Moray FOI), and the 2021 guidance
renamed the initial conference a child protection planning meeting (CPPM).

References:
    * Rules catalogue section 5 (``shared/research/rules-catalogue.md``).
    * National Guidance for Child Protection in Scotland 2014, Appendix C (gov.scot).
    * National Guidance for Child Protection in Scotland 2021 (updated 2023), Appendix D
      and paras 3.38, 3.131, 3.137 (gov.scot).
    * Edition dates: 2010 launched by 13 December 2010 (Together news), 2014 published
      19 May 2014 (gov.scot), 2021 published 2 September 2021 (CELCIS news).
"""

from __future__ import annotations

import datetime as dt

from ..plugins import RuleSetRegistry, hookimpl
from ..rules import (
    HEALTH_AS_ONE_GROUPING,
    ConferenceType,
    Confidence,
    Direction,
    Edition,
    QuorumRule,
    Rule,
    RuleSet,
    StartEvent,
    Unit,
    editions_chain,
)
from . import _adults, _missing
from . import _sources as S

__all__ = [
    "GUIDANCE",
    "QUORUM",
    "RULE_SET",
    "rules",
    "sgr_register_rule_sets",
]


C1, C2, UNCONFIRMED = Confidence.C1, Confidence.C2, Confidence.UNCONFIRMED
CD, WD, MONTHS = Unit.CALENDAR_DAYS, Unit.WORKING_DAYS, Unit.MONTHS

#: The editions of Scotland's national guidance, by id.
GUIDANCE = editions_chain(
    Edition(
        id="ngcps2010",
        title="National Guidance for Child Protection in Scotland 2010",
        effective_from=dt.date(2010, 12, 13),
        dates_confidence=C2,
        dates_source="launched by 13 December 2010 (Together news item of that date); the "
        "Scottish Government's own publication date was not found",
        evidence=(S.NGCPS2010_LAUNCHED,),
    ),
    Edition(
        id="ngcps2014",
        title="National Guidance for Child Protection in Scotland 2014",
        effective_from=dt.date(2014, 5, 19),
        dates_confidence=C1,
        dates_source="website publication date 19 May 2014 (gov.scot)",
        evidence=(S.NGCPS2014_PUBLISHED,),
    ),
    Edition(
        id="ngcps2021",
        title="National Guidance for Child Protection in Scotland 2021 (updated 2023)",
        effective_from=dt.date(2021, 9, 2),
        dates_confidence=C2,
        dates_source="published on 2 September 2021 (CELCIS news item of that day); version "
        "1.0 is dated September 2021",
        evidence=(S.NGCPS2021_PUBLISHED,),
    ),
)
G2010, G2014, G2021 = GUIDANCE["ngcps2010"], GUIDANCE["ngcps2014"], GUIDANCE["ngcps2021"]
APP_C = "National Guidance for Child Protection in Scotland 2014, Appendix C"
APP_D = "National Guidance for Child Protection in Scotland 2021, Appendix D"
BOTH = frozenset({ConferenceType.INITIAL, ConferenceType.REVIEW})


NGCPS2010_REASON = (
    "the National Guidance for Child Protection in Scotland 2010 was not read (only news of "
    "its launch); confirm the review intervals against its text"
)


def rules() -> list[Rule]:
    """Every rule version of the Scotland rule set."""
    initial = "Initial child protection case conference (CPPM from 2021)"
    return [
        Rule(
            id="initial_conference",
            title=initial,
            n=21,
            unit=CD,
            start_event=StartEvent.CONCERN_NOTIFIED,
            edition=G2010,
            source="National Guidance for Child Protection in Scotland 2010 (local copies; a "
            "Moray FOI request of the 2009/10 era cites 21 calendar days)",
            confidence=C2,
            evidence=(S.MORAY_2010,),
        ),
        Rule(
            id="initial_conference",
            title=initial,
            n=21,
            unit=CD,
            start_event=StartEvent.CONCERN_NOTIFIED,
            edition=G2014,
            source=f"{APP_C} (within 21 calendar days of notification of concern)",
            confidence=C1,
            evidence=(S.APP_C_INITIAL,),
        ),
        Rule(
            id="initial_conference",
            title=initial,
            n=28,
            unit=CD,
            start_event=StartEvent.CONCERN_NOTIFIED,
            edition=G2021,
            source=f"{APP_D}: 'If a child protection investigation has been progressed a CPPM "
            "will follow within 28 calendar days'",
            confidence=C1,
            notes="Unless the inter-agency referral discussion decides a CPPM is not required. "
            "Exceptions need senior manager agreement (para 3.38). Counted here from the "
            "notification of concern.",
            evidence=(S.APP_D_CPPM,),
        ),
        Rule(
            id="first_review",
            title="First review conference",
            n=3,
            unit=MONTHS,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=G2010,
            source="National Guidance for Child Protection in Scotland 2010 (belief)",
            confidence=UNCONFIRMED,
            unconfirmed_reason=NGCPS2010_REASON,
        ),
        Rule(
            id="first_review",
            title="First review conference",
            n=3,
            unit=MONTHS,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=G2014,
            source=APP_C,
            confidence=C1,
            evidence=(S.APP_C_REVIEW,),
        ),
        Rule(
            id="first_review",
            title="First review CPPM",
            n=6,
            unit=MONTHS,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=G2021,
            source=f"{APP_D} (review within 6 months of the CPPM; no 3-month first review); "
            "quoted as the Highland procedures reproduce the national text",
            confidence=C1,
            notes="After a pre-birth CPPM the first review is within 3 months.",
            evidence=(S.NGCPS2021_REVIEW,),
        ),
        *(
            Rule(
                id="subsequent_review",
                title="Subsequent review conference",
                n=6,
                unit=MONTHS,
                start_event=StartEvent.PREVIOUS_REVIEW,
                edition=edition,
                source=source,
                confidence=confidence,
                evidence=evidence,
                unconfirmed_reason=reason,
            )
            for edition, source, confidence, evidence, reason in (
                (G2010, "National Guidance 2010 (belief)", UNCONFIRMED, (), NGCPS2010_REASON),
                (G2014, APP_C, C1, (S.APP_C_REVIEW,), ""),
                (G2021, APP_D, C1, (S.NGCPS2021_REVIEW,), ""),
            )
        ),
        Rule(
            id="first_core_group",
            title="First core group meeting",
            n=15,
            unit=CD,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=G2014,
            source=APP_C,
            confidence=C1,
            evidence=(S.APP_C_CORE_GROUP,),
        ),
        Rule(
            id="first_core_group",
            title="First core group meeting",
            n=15,
            unit=WD,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=G2021,
            source=f"{APP_D} (15 working days); para 3.137 says 'within 15 days'",
            confidence=C1,
            evidence=(S.APP_D_CORE_GROUP,),
        ),
        *(
            Rule(
                id="conference_notice",
                title="Notice of the conference given to participants",
                n=5,
                unit=CD,
                start_event=StartEvent.CONFERENCE,
                direction=Direction.BEFORE,
                conference_types=BOTH,
                edition=edition,
                source=source,
                confidence=C1,
                evidence=(evidence,),
            )
            for edition, source, evidence in (
                (G2014, APP_C, S.APP_C_NOTICE),
                (G2021, APP_D, S.APP_D_NOTICE),
            )
        ),
        Rule(
            id="record_circulated",
            title="Minutes of the conference circulated to participants",
            n=15,
            unit=CD,
            start_event=StartEvent.CONFERENCE,
            conference_types=BOTH,
            edition=G2014,
            source=APP_C,
            confidence=C1,
            evidence=(S.APP_C_MINUTES,),
        ),
        Rule(
            id="record_circulated",
            title="Record of the CPPM circulated",
            n=10,
            unit=WD,
            start_event=StartEvent.CONFERENCE,
            conference_types=BOTH,
            edition=G2021,
            source=APP_D,
            confidence=C1,
            evidence=(S.APP_D_RECORD,),
        ),
        Rule(
            id="plan_circulated",
            title="Copy of the agreed child protection plan sent to participants",
            n=5,
            unit=CD,
            start_event=StartEvent.CONFERENCE,
            conference_types=BOTH,
            edition=G2014,
            source=APP_C,
            confidence=C1,
            evidence=(S.APP_C_PLAN,),
        ),
        Rule(
            id="plan_circulated",
            title="Copy of the agreed child protection plan sent to participants",
            n=5,
            unit=WD,
            start_event=StartEvent.CONFERENCE,
            conference_types=BOTH,
            edition=G2021,
            source="National Guidance for Child Protection in Scotland 2021, para 3.168, as the "
            "Highland procedures reproduce it (the national page itself was cut off before it)",
            confidence=C2,
            evidence=(S.NGCPS2021_PLAN,),
        ),
    ]


#: The national guidance's quorum: the core agencies.
QUORUM = QuorumRule(
    title="The core agencies: social work, health and police",
    source=f"{APP_D}; para 3.131 (core agencies)",
    confidence=C1,
    evidence=(S.NGCPS2021_CORE_AGENCIES,),
    required=frozenset({"childrens_social_care", "health", "police"}),
    groupings=HEALTH_AS_ONE_GROUPING,
    reconvene=Rule(
        id="reconvene_inquorate_cppm",
        title="Reconvene an inquorate CPPM",
        n=10,
        unit=WD,
        start_event=StartEvent.CONFERENCE,
        conference_types=BOTH,
        edition=G2021,
        source=APP_D,
        confidence=C1,
        evidence=(S.APP_D_RECONVENE,),
    ),
    notes="Applies the 2021 guidance to every year: the 2010 and 2014 guidance's quorum was "
    "not found in the pages read (UNCONFIRMED for conferences before 2 September 2021). "
    "Children's social care stands for social work.",
)

#: The Scotland rule set, as registered.
RULE_SET = RuleSet(
    name="scotland",
    title="Scotland: National Guidance for Child Protection",
    division="scotland",
    rules=rules(),
    not_encoded=(*_adults.SCOTLAND_FINDINGS, *_missing.SCOTLAND_FINDINGS),
    enquiry="inter-agency referral discussion and child protection investigation",
    covers_from=G2010.effective_from,
    quorum=QUORUM,
    notes="Pre-birth timing (by 28 weeks' gestation) needs an expected date of delivery and is "
    "not yet encoded.",
)


@hookimpl(trylast=True)
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the Scotland rule set."""
    registry.add(RULE_SET)
