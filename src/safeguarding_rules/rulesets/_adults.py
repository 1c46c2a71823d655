"""Adults at risk: the rule versions and findings each national rule set appends.

Sources and tags: ``research/issue-18-adults-missing-welsh.md`` sections 1-3 (read through
the project's search tools on 2026-11-30). What each rule counts is in
:mod:`safeguarding_rules.rules.families`; the docs page ``adults-missing.md`` says what is
not encoded and why.

* **Wales** from 6 April 2016: s126 enquiries "should normally be completed within 7
  working days" of the report (Wales Safeguarding Procedures, C1; from 2016 to the WSP, C2
  via the Gwent-wide board); from the WSP, the strategy discussion or meeting within 7
  working days of the conclusion of the enquiries and plan reviews at no more than 6-week
  intervals (C1). Before, from 1 April 2011, the Wales Interim POVA policy's clocks, known
  only from a co-ordinator's slides: the strategy meeting's "7 days" are of an UNCONFIRMED
  unit, the strategy discussion's start event and the review's anchor are UNCONFIRMED.
* **England**: the Care Act 2014 sets no national timescale for s42 enquiries. No number.
* **Scotland** and **Northern Ireland**: no national timescale found. No number.
"""

from __future__ import annotations

import datetime as dt

from ..rules import Confidence, Counting, Edition, Rule, StartEvent, Unit
from ..rules.gaps import NotEncoded
from ._groups import EditionGroup
from ._sources import _q

__all__ = [
    "ENGLAND_FINDINGS",
    "NORTHERN_IRELAND_FINDINGS",
    "SCOTLAND_FINDINGS",
    "wales",
    "wales_findings",
]

C1, C2, UNCONFIRMED = Confidence.C1, Confidence.C2, Confidence.UNCONFIRMED


WSP_ADULTS = "Wales Safeguarding Procedures (adults)"
Q_WSP_ENQUIRY = _q(
    "Enquiries should normally be completed within 7 working days of the report/referral. The "
    "7 working day enquiry period will commence once the report has been received by the "
    "local authority.",
    f"{WSP_ADULTS} s.3 pt 1, 'Duty to make enquiries under Section 126(1)'",
    "https://safeguarding.wales/adu/a3pt1/a3pt1.p6.html",
)
Q_PM18 = _q(
    "The number of adult protection enquiries completed in the year that were completed "
    "within seven working days",
    "StatsWales, 'Quantitative social services performance measures - Adults' (PM18)",
    "https://statswales.gov.wales/Catalogue/Health-and-Social-Care/Social-Services/"
    "Performance-Measures/quantitativesocialservicesperformanceadults-by-measures",
)
Q_GWASB = _q(
    "The enquiry should normally be completed within 7 working days of the referral.",
    "Gwent-wide Adult Safeguarding Board, 'Policies & Procedures'",
    "https://www.gwasb.org.uk/index.php?id=11",
)
Q_S126 = _q(
    "S. 126 in force at 6.4.2016",
    "Social Services and Well-being (Wales) Act 2014, Part 7 (legislation.gov.uk)",
    "http://www.legislation.gov.uk/anaw/2014/4/part/7",
)
Q_WSP_STRATEGY = _q(
    "It must take place within 7 working days of the conclusion of the s126 enquiries",
    f"{WSP_ADULTS} s.3 pt 1, 'Strategy meetings/ discussions: key considerations'",
    "https://safeguarding.wales/adu/a3pt1/a3pt1.p16.html",
)
Q_WSP_REVIEW = _q(
    "At a minimum, reviews of care and support protection plans should take place at no more "
    "than 6-week intervals.",
    f"{WSP_ADULTS} s.4, 'Reviewing the adult safeguarding (adult protection) process'",
    "https://safeguarding.wales/adu/a4/a4.p6.html",
)
Q_POVA_IN_EFFECT = _q(
    "The procedures were put into effect on 1st April 2011",
    "Vale of Glamorgan Scrutiny Committee, POVA report (16 January 2012)",
    "http://www.valeofglamorgan.gov.uk/en/our_council/Council-Structure/"
    "minutes,_agendas_and_reports/reports/scrutiny_sch/2012/12-01-16/pova.aspx",
)
_SLIDES = (
    "'Wales Interim Policy and Procedures for the Protection of Vulnerable Adults from Abuse: "
    "An overview of the changes' (slides)",
    "https://paperzz.com/doc/7229354/all-wales-pova-policy-and-procedures",
)
Q_POVA_MEETING = _q("Stage 4 - Strategy Meeting (within 7 days of the referral)", *_SLIDES)
Q_POVA_DISCUSSION = _q("Stage 3- Strategy discussion (within 48hrs)", *_SLIDES)
Q_POVA_REVIEW = _q(
    "Stage 9 - Review of an adult protection plan (within 6 weeks of the C", *_SLIDES
)
Q_POVA_INVESTIGATION = _q(
    "Stage 5 - Investigation. (Appropriate timescales agreed at Strategy Meeting)", *_SLIDES
)
Q_IN_SAFE_HANDS = _q(
    "It established the national framework for the development of local policies",
    "Welsh Government, 'Protection of vulnerable adults'",
    "http://wales.gov.uk/topics/health/socialcare/vulnerableadults/?lang=en",
)
Q_S42 = _q(
    "The scope of the enquiry, who leads it, its' nature and how long it take will depend on "
    "the particular circumstances.",
    "Bury Safeguarding Adults procedures (quoting the Care and Support Statutory Guidance)",
    "https://www.burysafeguardingappp.co.uk/safeguarding-procedures-for-responding-in-"
    "individual-cases",
)
Q_ASP_CODE = _q(
    "The Act does not formalise a distinction between inquiries and investigations.",
    "Adult Support and Protection (Scotland) Act 2007 Code of Practice (2022), ch. 5",
    "https://www.gov.scot/publications/adult-support-protection-scotland-act-2007-code-"
    "practice-3/pages/7/",
)

WSP_ENQUIRY = (
    "Wales Safeguarding Procedures (adults) s.3 pt 1, 'Duty to make enquiries under Section "
    "126(1)' (safeguarding.wales/adu/a3pt1/a3pt1.p6): 'Enquiries should normally be completed "
    "within 7 working days of the report/referral. The 7 working day enquiry period will "
    "commence once the report has been received by the local authority.'; StatsWales PM18 "
    "counts enquiries 'completed within seven working days'"
)
GWASB_ENQUIRY = (
    "Gwent-wide Adult Safeguarding Board, 'Policies & Procedures' (gwasb.org.uk): 'The enquiry "
    "should normally be completed within 7 working days of the referral', under the Social "
    "Services and Well-being (Wales) Act 2014 s126 (in force 6 April 2016, legislation.gov.uk)"
)
POVA_SLIDES = (
    "Wales Interim Policy and Procedures for the Protection of Vulnerable Adults from Abuse "
    "(November 2010; January 2013), as a POVA co-ordinator's slides summarise it "
    "(paperzz.com/doc/7229354); the policy's 'Ten Stages and Timescales' table was not read"
)
POVA_TABLE = (
    "the Wales Interim POVA policy's 'Ten Stages and Timescales' table (section 4 of the "
    "November 2010 policy: its contents page is in the stored copies, doczz.net/doc/2122634, "
    "the table is not)"
)
DAY0_NOTE = (
    "Whether the day the report is received is day 0 or day 1 is not stated; the library's "
    "day-0 default is a reading (UNCONFIRMED)."
)


def _editions(wsp: Edition) -> dict[str, Edition]:
    """Build the adult editions before ``wsp`` (the Wales Safeguarding Procedures)."""
    pova = Edition(
        id="pova_interim2010",
        title="Wales Interim Policy and Procedures for the Protection of Vulnerable Adults from "
        "Abuse (November 2010; second version January 2013)",
        effective_from=dt.date(2011, 4, 1),
        effective_to=dt.date(2016, 4, 5),
        dates_confidence=C2,
        dates_source="put into effect on 1 April 2011 by the Vale of Glamorgan (scrutiny "
        "report, 16 January 2012); other councils' adoption dates UNCONFIRMED",
        evidence=(Q_POVA_IN_EFFECT,),
    )
    s126 = Edition(
        id="sswba_s126",
        title="Social Services and Well-being (Wales) Act 2014 s126, with the Wales Interim "
        "POVA policy (January 2013) for the other stages",
        effective_from=dt.date(2016, 4, 6),
        effective_to=wsp.effective_from - dt.timedelta(days=1),
        dates_confidence=C1,
        dates_source="s126 in force 6 April 2016 (legislation.gov.uk commencement annotation); "
        "it ends where the Wales Safeguarding Procedures begin",
        evidence=(Q_S126,),
    )
    return {"pova_interim2010": pova, "sswba_s126": s126, "wsp": wsp}


def wales(wsp: Edition) -> list[Rule]:
    """Every adult rule version of the Wales rule set; ``wsp`` is its WSP edition."""
    group = EditionGroup({edition.id: edition for edition in _editions(wsp).values()})
    before_wsp = ("pova_interim2010", "sswba_s126")
    enquiry = "Adult safeguarding enquiry (s126) completed"
    strategy = "Adult strategy discussion or meeting"
    review = "Review of the adult protection (care and support protection) plan"
    wsp_strategy = (
        "Wales Safeguarding Procedures (adults) s.3 pt 1 p16, 'Strategy meetings/ discussions: "
        "key considerations': 'It must take place within 7 working days of the conclusion of "
        "the s126 enquiries'; p14: 'Strategy meetings and strategy discussions are "
        "interchangeable terms'"
    )
    wsp_review = (
        "Wales Safeguarding Procedures (adults) s.4 p6, 'Reviewing the adult safeguarding "
        "(adult protection) process': 'At a minimum, reviews of care and support protection "
        "plans should take place at no more than 6-week intervals.'"
    )
    return [
        *group.same(
            "adult_enquiry",
            enquiry,
            7,
            Unit.WORKING_DAYS,
            StartEvent.ADULT_REPORT_RECEIVED,
            GWASB_ENQUIRY,
            C2,
            (Q_GWASB, Q_S126),
            editions=("sswba_s126",),
            notes=DAY0_NOTE,
        ),
        *group.same(
            "adult_enquiry",
            enquiry,
            7,
            Unit.WORKING_DAYS,
            StartEvent.ADULT_REPORT_RECEIVED,
            WSP_ENQUIRY,
            C1,
            (Q_WSP_ENQUIRY, Q_PM18),
            editions=(wsp.id,),
            notes=f"{DAY0_NOTE} 'Normally': the procedure allows exceptions.",
        ),
        *group.same(
            "adult_strategy",
            strategy,
            7,
            Unit.CALENDAR_DAYS,
            StartEvent.ADULT_REPORT_RECEIVED,
            f"{POVA_SLIDES}: 'Stage 4 - Strategy Meeting (within 7 days of the referral)'",
            UNCONFIRMED,
            (Q_POVA_MEETING,),
            editions=before_wsp,
            unconfirmed_reason=f"{POVA_TABLE}, to confirm the 7 days and say whether they are "
            "working or calendar days",
            notes="The value 7 is C2; whether the days are calendar or working days is "
            "UNCONFIRMED (the slide does not say), so the rule is UNCONFIRMED. Encoded as "
            "calendar days. The POVA policy still governed this stage from April 2016 until the "
            "Wales Safeguarding Procedures (Gwent-wide board, C2).",
        ),
        *group.same(
            "adult_strategy",
            strategy,
            7,
            Unit.WORKING_DAYS,
            StartEvent.ADULT_ENQUIRY_CONCLUDED,
            wsp_strategy,
            C1,
            (Q_WSP_STRATEGY,),
            editions=(wsp.id,),
            notes="If immediate action is necessary the discussion should precede it.",
        ),
        *group.same(
            "pova_strategy_discussion",
            "Adult strategy discussion (POVA)",
            48,
            Unit.HOURS,
            StartEvent.ADULT_REPORT_RECEIVED,
            f"{POVA_SLIDES}: 'Stage 3- Strategy discussion (within 48hrs)'",
            UNCONFIRMED,
            (Q_POVA_DISCUSSION,),
            editions=before_wsp,
            counting=Counting.EVENT_DAY_IS_DAY_0,
            unconfirmed_reason=f"{POVA_TABLE}, to say what the 48 hours count from (the alert, "
            "as the regional procedures before it, or the referral)",
            notes="The 48 hours are C2; the slide does not say what they count from (believed: "
            "the alert or referral), so the rule is UNCONFIRMED. Under the Wales Safeguarding "
            "Procedures strategy discussions and meetings are one stage ('adult_strategy').",
        ),
        *group.same(
            "adult_plan_review",
            review,
            6,
            Unit.WEEKS,
            StartEvent.ADULT_PREVIOUS_PLAN_MEETING,
            f"{POVA_SLIDES}: 'Stage 9 - Review of an adult protection plan (within 6 weeks "
            "of the C...' (cut off)",
            UNCONFIRMED,
            (Q_POVA_REVIEW,),
            editions=before_wsp,
            unconfirmed_reason=f"{POVA_TABLE}, to say what the 6 weeks count from (the slide is "
            "cut off after 'within 6 weeks of the C')",
            notes="The 6 weeks are C2; what they count from is cut off on the slide (believed: "
            "the case conference), so the rule is UNCONFIRMED.",
        ),
        *group.same(
            "adult_plan_review",
            review,
            6,
            Unit.WEEKS,
            StartEvent.ADULT_PREVIOUS_PLAN_MEETING,
            wsp_review,
            C1,
            (Q_WSP_REVIEW,),
            editions=(wsp.id,),
            notes="Only while a plan is open: 'reviews may not be required in all cases.'",
        ),
    ]


def wales_findings() -> tuple[NotEncoded, ...]:
    """Say what the Wales rule set has no adult clock for, before 2011 and 2016."""
    before_pova = tuple(
        NotEncoded(
            rule_id=rule_id,
            title=title,
            statement="No national adult protection timescale is encoded before 1 April 2011: "
            "under In Safe Hands (2000) each of the four regional adult protection fora set "
            "its own procedure.",
            source="Welsh Government, 'Protection of vulnerable adults': In Safe Hands "
            "'established the national framework for the development of local policies'",
            confidence=C2,
            before=dt.date(2011, 4, 1),
            evidence=(Q_IN_SAFE_HANDS,),
        )
        for rule_id, title in (
            ("adult_strategy", "Adult strategy meeting"),
            ("adult_plan_review", "Review of the adult protection plan"),
        )
    )
    return (
        *before_pova,
        NotEncoded(
            rule_id="adult_enquiry",
            title="Adult safeguarding enquiry completed",
            statement="Before s126 of the Social Services and Well-being (Wales) Act 2014 (6 "
            "April 2016) no national timescale for completing enquiries is encoded: under the "
            "POVA policy investigations ran to 'appropriate timescales agreed at the strategy "
            "meeting'.",
            source=f"{POVA_SLIDES}: 'Stage 5 - Investigation. (Appropriate timescales agreed "
            "at Strategy Meeting)'",
            confidence=C2,
            before=dt.date(2016, 4, 6),
            evidence=(Q_POVA_INVESTIGATION,),
        ),
    )


ENGLAND_FINDINGS = (
    NotEncoded(
        rule_id="adult_enquiry",
        title="Section 42 enquiry (Care Act 2014)",
        statement="England sets no national timescale for s42 enquiries; supply a local rule "
        "set with the local procedure's timescale (rule id 'adult_enquiry').",
        source="Care Act 2014 s42 (no period); Care and Support Statutory Guidance ch. 14 as "
        "quoted by Bury's and Waltham Forest's procedures: how long an enquiry takes 'will "
        "depend on the particular circumstances'",
        confidence=C2,
        evidence=(Q_S42,),
    ),
)

SCOTLAND_FINDINGS = (
    NotEncoded(
        rule_id="adult_enquiry",
        title="Adult protection inquiry (Adult Support and Protection (Scotland) Act 2007)",
        statement="No national timescale for adult protection inquiries or investigations was "
        "found for Scotland, and none is encoded; local procedures set their own (e.g. "
        "Dumfries and Galloway). Supply a local rule set.",
        source="ASP(S)A 2007 Code of Practice (2022) ch. 5 (gov.scot): 'The Act does not "
        "formalise a distinction between inquiries and investigations'; no timescale in the "
        "parts read (the code was not read end to end)",
        confidence=UNCONFIRMED,
        evidence=(Q_ASP_CODE,),
    ),
)

NORTHERN_IRELAND_FINDINGS = (
    NotEncoded(
        rule_id="adult_enquiry",
        title="Adult safeguarding (Adult Safeguarding Operational Procedures, 2016)",
        statement="No adult safeguarding timescale was found for Northern Ireland, and none is "
        "encoded.",
        source="Adult Safeguarding Operational Procedures (September 2016), cited by Belfast "
        "City Council's policy; no timescale in any source searched",
        confidence=UNCONFIRMED,
    ),
)
