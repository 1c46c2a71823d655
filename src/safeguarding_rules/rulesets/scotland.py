"""Scotland: National Guidance for Child Protection in Scotland, 2010, 2014 and 2021.

Scottish timescales are mostly in **calendar days**. Conferences are not statutory (the
Children (Scotland) Act 1995 does not require them; Moray FOI), and the 2021 guidance
renamed the initial conference a child protection planning meeting (CPPM).

References:
    * Rules catalogue section 5 (``shared/research/rules-catalogue.md``).
    * National Guidance for Child Protection in Scotland 2014, Appendix C (gov.scot).
    * National Guidance for Child Protection in Scotland 2021: version 1.0 (September 2021),
      paras 3.131 and 3.137; the 2023 update, Appendix D (gov.scot). Two editions: version
      1.0 from 2 September 2021 and the update from 31 August 2023. The Appendix D values are
      the update's; for version 1.0 they are C2 (its own appendix was not found), and its
      first core group "within 15 days" (no unit) is UNCONFIRMED.
    * Edition dates: 2010 launched by 13 December 2010 (Together news), 2014 published
      19 May 2014 (gov.scot), 2021 published 2 September 2021 (CELCIS news), the update
      published 31 August 2023 (Child Protection UK news).
"""

from __future__ import annotations

import datetime as dt

from ..plugin import hookimpl
from ..plugin.registry import RuleSetRegistry
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
from ._groups import EditionGroup, believed, restated

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
        title="National Guidance for Child Protection in Scotland 2021 (version 1.0)",
        effective_from=dt.date(2021, 9, 2),
        dates_confidence=C2,
        dates_source="published on 2 September 2021 (CELCIS news item of that day); version "
        "1.0 is dated September 2021; replaced by the 2023 update",
        evidence=(S.NGCPS2021_PUBLISHED,),
    ),
    Edition(
        id="ngcps2023",
        title="National Guidance for Child Protection in Scotland 2021 - updated 2023",
        effective_from=dt.date(2023, 8, 31),
        dates_confidence=C2,
        dates_source="published on 31 August 2023 (Child Protection UK news); the Scottish "
        "Government's implementation blog says August 2023",
        evidence=(S.NGCPS2023_PUBLISHED,),
    ),
)
G2010, G2014 = GUIDANCE["ngcps2010"], GUIDANCE["ngcps2014"]
G2021, G2023 = GUIDANCE["ngcps2021"], GUIDANCE["ngcps2023"]
APP_C = "National Guidance for Child Protection in Scotland 2014, Appendix C"
APP_D = "National Guidance for Child Protection in Scotland 2021 - updated 2023, Appendix D"
BOTH = frozenset({ConferenceType.INITIAL, ConferenceType.REVIEW})

NGCPS2010_REASON = (
    "the National Guidance for Child Protection in Scotland 2010 was not read (only news of "
    "its launch); confirm the review intervals against its text"
)
#: What the version 1.0 copies of the 2023 update's values rest on.
FROM_2023 = (
    "the 2023 update's value, applied to version 1.0 (September 2021): version 1.0's own "
    "timescales appendix was not found in the stored copies, and nothing read shows that the "
    "update changed it"
)


#: Rules the guidance states alike in several editions.
GUIDANCE_GROUP = EditionGroup(GUIDANCE)
#: Version 1.0's copy of a value the 2023 update states (C2), with the update's: the update
#: and version 1.0, oldest first.
SINCE_2021 = ("ngcps2021", "ngcps2023")
VERSION_1 = {"ngcps2021": restated(FROM_2023)}


def rules() -> list[Rule]:
    """Every rule version of the Scotland rule set."""
    initial = "Initial child protection case conference (CPPM from 2021)"
    same = GUIDANCE_GROUP.same
    return [
        *same(
            "initial_conference",
            initial,
            21,
            CD,
            StartEvent.CONCERN_NOTIFIED,
            "National Guidance for Child Protection in Scotland 2010 (belief; its text was not "
            "read)",
            UNCONFIRMED,
            editions=("ngcps2010",),
            notes="Encoded as the 2014 guidance's 21 calendar days from the notification of "
            "concern. The 2014 guidance's Appendix C says 'National timescales have been "
            "introduced for CPCCs', so the 2010 guidance may have set none.",
            unconfirmed_reason="the National Guidance for Child Protection in Scotland 2010 "
            "was not read. The only source found, a Moray Council freedom of information reply "
            "(moray.gov.uk page_114536), quotes the requester's '21 calendar days of the "
            "initial intervention', asks for 2009/10 and 2014/15 figures, and says Moray's own "
            "guidance counts 21 days from the decision to convene. Confirm the value, its unit "
            "and what it counts from against the 2010 guidance's text, or that it set no "
            "national timescale",
        ),
        *same(
            "initial_conference",
            initial,
            21,
            CD,
            StartEvent.CONCERN_NOTIFIED,
            f"{APP_C} (within 21 calendar days of notification of concern)",
            C1,
            (S.APP_C_INITIAL,),
            editions=("ngcps2014",),
        ),
        *same(
            "initial_conference",
            initial,
            28,
            CD,
            StartEvent.CONCERN_NOTIFIED,
            f"{APP_D}: 'If a child protection investigation has been progressed a CPPM will "
            "follow within 28 calendar days'",
            C1,
            (S.APP_D_CPPM,),
            editions=SINCE_2021,
            adjust=VERSION_1,
            notes="Unless the inter-agency referral discussion decides a CPPM is not required. "
            "Exceptions need senior manager agreement (para 3.38). Counted here from the "
            "notification of concern.",
        ),
        *same(
            "first_review",
            "First review conference",
            3,
            MONTHS,
            StartEvent.INITIAL_CONFERENCE,
            APP_C,
            C1,
            (S.APP_C_REVIEW,),
            editions=("ngcps2010", "ngcps2014"),
            adjust={
                "ngcps2010": believed(
                    "National Guidance for Child Protection in Scotland 2010 (belief)",
                    NGCPS2010_REASON,
                )
            },
        ),
        *same(
            "first_review",
            "First review CPPM",
            6,
            MONTHS,
            StartEvent.INITIAL_CONFERENCE,
            f"{APP_D} (review within 6 months of the CPPM; no 3-month first review); quoted as "
            "the Highland procedures reproduce the national text",
            C1,
            (S.NGCPS2021_REVIEW,),
            editions=SINCE_2021,
            adjust=VERSION_1,
            notes="After a pre-birth CPPM the first review is within 3 months.",
        ),
        *same(
            "subsequent_review",
            "Subsequent review conference",
            6,
            MONTHS,
            StartEvent.PREVIOUS_REVIEW,
            APP_C,
            C1,
            (S.APP_C_REVIEW,),
            editions=("ngcps2010", "ngcps2014"),
            adjust={"ngcps2010": believed("National Guidance 2010 (belief)", NGCPS2010_REASON)},
        ),
        *same(
            "subsequent_review",
            "Subsequent review conference",
            6,
            MONTHS,
            StartEvent.PREVIOUS_REVIEW,
            APP_D,
            C1,
            (S.NGCPS2021_REVIEW,),
            editions=SINCE_2021,
            adjust=VERSION_1,
        ),
        *same(
            "first_core_group",
            "First core group meeting",
            15,
            CD,
            StartEvent.INITIAL_CONFERENCE,
            APP_C,
            C1,
            (S.APP_C_CORE_GROUP,),
            editions=("ngcps2014",),
        ),
        *same(
            "first_core_group",
            "First core group meeting",
            15,
            WD,
            StartEvent.INITIAL_CONFERENCE,
            "National Guidance for Child Protection in Scotland 2021, version 1.0, para "
            "3.137: 'the first time being within 15 days of the CPPM' (no unit); read as "
            "working days, as the 2023 update's Appendix D states them",
            UNCONFIRMED,
            (S.NGCPS2021_V1_CORE_GROUP,),
            editions=("ngcps2021",),
            notes="The 2014 guidance counted 15 calendar days; the 2023 update's Appendix D "
            "says 15 working days. Version 1.0's paragraph gives no unit, though the same "
            "paragraph says '3 calendar days' for another step.",
            unconfirmed_reason="version 1.0 para 3.137 says 'within 15 days' of the CPPM with "
            "no unit, and version 1.0's own timescales appendix was not found in the stored "
            "copies: confirm calendar or working days against it",
        ),
        *same(
            "first_core_group",
            "First core group meeting",
            15,
            WD,
            StartEvent.INITIAL_CONFERENCE,
            f"{APP_D} (15 working days)",
            C1,
            (S.APP_D_CORE_GROUP,),
            editions=("ngcps2023",),
        ),
        *same(
            "conference_notice",
            "Notice of the conference given to participants",
            5,
            CD,
            StartEvent.CONFERENCE,
            APP_C,
            C1,
            (S.APP_C_NOTICE,),
            editions=("ngcps2014",),
            direction=Direction.BEFORE,
            conference_types=BOTH,
        ),
        *same(
            "conference_notice",
            "Notice of the conference given to participants",
            5,
            CD,
            StartEvent.CONFERENCE,
            APP_D,
            C1,
            (S.APP_D_NOTICE,),
            editions=SINCE_2021,
            adjust=VERSION_1,
            notes="Version 1.0 para 3.131 says 'a minimum of five days' notice' (no unit); the "
            "2014 guidance and the 2023 update both say calendar days.",
            direction=Direction.BEFORE,
            conference_types=BOTH,
        ),
        *same(
            "record_circulated",
            "Minutes of the conference circulated to participants",
            15,
            CD,
            StartEvent.CONFERENCE,
            APP_C,
            C1,
            (S.APP_C_MINUTES,),
            editions=("ngcps2014",),
            conference_types=BOTH,
        ),
        *same(
            "record_circulated",
            "Record of the CPPM circulated",
            10,
            WD,
            StartEvent.CONFERENCE,
            APP_D,
            C1,
            (S.APP_D_RECORD,),
            editions=SINCE_2021,
            adjust=VERSION_1,
            conference_types=BOTH,
        ),
        *same(
            "plan_circulated",
            "Copy of the agreed child protection plan sent to participants",
            5,
            CD,
            StartEvent.CONFERENCE,
            APP_C,
            C1,
            (S.APP_C_PLAN,),
            editions=("ngcps2014",),
            conference_types=BOTH,
        ),
        *same(
            "plan_circulated",
            "Copy of the agreed child protection plan sent to participants",
            5,
            WD,
            StartEvent.CONFERENCE,
            "National Guidance for Child Protection in Scotland 2021, para 3.168, as the "
            "Highland procedures reproduce it (the national page itself was cut off before it)",
            C2,
            (S.NGCPS2021_PLAN,),
            editions=SINCE_2021,
            adjust=VERSION_1,
            conference_types=BOTH,
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
        edition=G2023,
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
