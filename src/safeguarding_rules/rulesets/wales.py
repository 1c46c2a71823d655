"""Wales: All Wales Child Protection Procedures 2008 and Wales Safeguarding Procedures.

Wales, like England, follows **section 47** of the Children Act 1989. (The "s35 enquiries"
of the Guernsey procedures are a different law: see the ``guernsey`` rule set.)

References:
    * Rules catalogue section 3 (``shared/research/rules-catalogue.md``).
    * All Wales Child Protection Procedures 2008 (in force 1 April 2008; Torfaen CBC page).
      Not retrieved in full: every AWCPP value here is a belief, tagged UNCONFIRMED.
    * Wales Safeguarding Procedures, safeguarding.wales, section 3 part 2 (pages 4, 11, 13)
      and chi/c4 (pages 8, 10); the initial conference counts from the *last* strategy
      discussion or meeting (page 4). Published on 11 November 2019 and adopted in every
      region by April 2020 (CYSUR): the rule set starts them on publication; a region's own
      adoption date belongs in a local rule set.
    * Social Services and Well-being (Wales) Act 2014, performance measure PM24 (StatsWales).
    * Welsh names of agencies, modes and conference types: :data:`WELSH_ALIASES`, each with
      the Welsh-language page it is used on; those without one are tagged UNCONFIRMED.
"""

from __future__ import annotations

import datetime as dt

from ..plugin import hookimpl
from ..plugin.registry import RuleSetRegistry
from ..rules import (
    HEALTH_AS_ONE_GROUPING,
    AliasRegistry,
    Confidence,
    Edition,
    QuorumRule,
    Rule,
    RuleSet,
    StartEvent,
    Unit,
    editions_chain,
)
from . import _adults, _missing, _reports
from . import _sources as S
from ._groups import EditionGroup, believed

__all__ = [
    "ASSESSMENT",
    "PROCEDURES",
    "QUORUM",
    "RULE_SET",
    "rules",
    "sgr_register_aliases",
    "sgr_register_rule_sets",
]

C1, C2, UNCONFIRMED = Confidence.C1, Confidence.C2, Confidence.UNCONFIRMED
WD, MONTHS, WEEKS = Unit.WORKING_DAYS, Unit.MONTHS, Unit.WEEKS

#: The editions of the Welsh child protection procedures, by id.
PROCEDURES = editions_chain(
    Edition(
        id="awcpp2008",
        title="All Wales Child Protection Procedures 2008",
        effective_from=dt.date(2008, 4, 1),
        dates_confidence=C2,
        dates_source="implemented on 1 April 2008 (Torfaen CBC page)",
        evidence=(S.AWCPP_IMPLEMENTED,),
    ),
    Edition(
        id="wsp2019",
        title="Wales Safeguarding Procedures",
        effective_from=dt.date(2019, 11, 11),
        dates_confidence=C1,
        dates_source="published on 11 November 2019 and adopted in every region by April 2020 "
        "(CYSUR; in June 2020 the North Wales board reported the Welsh Government's request "
        "to adopt them 'as originally planned in April'); encoded from publication",
        evidence=(S.WSP_PUBLISHED, S.WSP_ADOPTED, S.NORTH_WALES_ADOPTION),
    ),
)

#: The editions of the Welsh assessment framework, by id.
ASSESSMENT = editions_chain(
    Edition(
        id="cin_framework_wales",
        title="Framework for the Assessment of Children in Need and their Families (Wales)",
        effective_from=dt.date(2008, 4, 1),
        dates_confidence=UNCONFIRMED,
        dates_source="encoded from the start of AWCPP 2008; the framework itself is older and "
        "its Welsh issue date was not found",
    ),
    Edition(
        id="sswba2016",
        title="Social Services and Well-being (Wales) Act 2014, Part 3 assessments",
        effective_from=dt.date(2016, 4, 6),
        dates_confidence=C2,
        dates_source="the Act came into force on 6 April 2016 (Torfaen CBC page)",
        evidence=(S.SSWBA_IN_FORCE,),
    ),
)

AWCPP, WSP = PROCEDURES["awcpp2008"], PROCEDURES["wsp2019"]
WSP_P13 = "Wales Safeguarding Procedures s.3 pt 2 p13 (safeguarding.wales)"


AWCPP_REASON = (
    "the All Wales Child Protection Procedures 2008 text was not read (only a landing page); "
    "confirm the value against its child protection conference chapter"
)


#: Rules the Welsh procedures state alike in both editions, and the assessment rules.
PROCEDURES_GROUP = EditionGroup(PROCEDURES)
ASSESSMENT_GROUP = EditionGroup(ASSESSMENT)
#: The AWCPP 2008 version of a rule the Wales Safeguarding Procedures state: a belief.
AWCPP_BELIEF = {
    "awcpp2008": believed(
        "All Wales Child Protection Procedures 2008 (belief; not retrieved)", AWCPP_REASON
    )
}


def rules() -> list[Rule]:
    """Every rule version of the Wales rule set."""
    found = [
        Rule(
            id="icpc",
            title="Initial child protection conference",
            n=15,
            unit=WD,
            start_event=StartEvent.STRATEGY_DISCUSSION_INITIATING,
            edition=AWCPP,
            source="All Wales Child Protection Procedures 2008 (belief; not retrieved)",
            confidence=UNCONFIRMED,
            notes="Counted from the strategy discussion at which enquiries were initiated, as "
            "Conwy booked conferences in 2014 ('Date to be 15 working days from initial strategy "
            "discussion'). The Wales Safeguarding Procedures that replaced these count from the "
            "last strategy discussion or meeting instead.",
            evidence=(S.CONWY_ICPC_2014,),
            unconfirmed_reason=(
                "the All Wales Child Protection Procedures 2008 text was not read (only a landing "
                "page): confirm both the 15 working days and which strategy discussion they count "
                "from (the initiating one, as Conwy's 2014 booking rule, or the last one, as the "
                "Wales Safeguarding Procedures) against its child protection conference chapter"
            ),
        ),
        Rule(
            id="icpc",
            title="Initial child protection conference",
            n=15,
            unit=WD,
            start_event=StartEvent.STRATEGY_DISCUSSION_LAST,
            edition=WSP,
            source="Wales Safeguarding Procedures s.3 pt 2 p4, 'Timing of the initial child "
            "protection conference' (safeguarding.wales; diogelu.cymru): 'within 15 working days "
            "of the last strategy discussion/meeting'",
            confidence=C1,
            notes="Counted from the last strategy discussion or meeting held, however many there "
            "were. The Welsh page (cy/chi-i/chi-i-c3pt2/c3pt2-p4) was reported by issue 28's "
            "source audit to say the same ('o'r cyfarfod/trafodaeth strategaeth ddiwethaf'); "
            "the stored copies searched hold only the English page. In exceptional "
            "circumstances the chair may postpone the conference.",
            evidence=(S.WSP_ICPC_LAST_SD, S.CEREDIGION_ICPC),
        ),
    ]
    found += PROCEDURES_GROUP.same(
        "first_core_group",
        "First core group meeting",
        10,
        WD,
        StartEvent.INITIAL_CONFERENCE,
        WSP_P13,
        C1,
        (S.WSP_CORE_GROUP,),
        adjust=AWCPP_BELIEF,
    )
    found += PROCEDURES_GROUP.same(
        "first_review",
        "First review child protection conference",
        3,
        MONTHS,
        StartEvent.INITIAL_CONFERENCE,
        f"{WSP_P13}; chi/c4 p8",
        C1,
        (S.WSP_REVIEW_C4P8,),
        adjust=AWCPP_BELIEF,
    )
    found += PROCEDURES_GROUP.same(
        "subsequent_review",
        "Subsequent review child protection conference",
        6,
        MONTHS,
        StartEvent.PREVIOUS_REVIEW,
        f"{WSP_P13} ('at least every six months')",
        C1,
        (S.WSP_REVIEWS_P13, S.WSP_REVIEW_C4P8),
        adjust=AWCPP_BELIEF,
    )
    wsp = ("wsp2019",)
    found += PROCEDURES_GROUP.same(
        "outline_plan",
        "Outline care and support protection plan and decision summary circulated",
        5,
        WD,
        StartEvent.INITIAL_CONFERENCE,
        "Wales Safeguarding Procedures s.3 pt 2 p11 (safeguarding.wales)",
        C1,
        (S.WSP_OUTLINE_PLAN,),
        editions=wsp,
    )
    found += PROCEDURES_GROUP.same(
        "core_group_interval",
        "Next core group meeting",
        6,
        WEEKS,
        StartEvent.PREVIOUS_CORE_GROUP,
        WSP_P13,
        C1,
        (S.WSP_CORE_GROUP,),
        editions=wsp,
        notes="Core groups meet monthly and no more than 6-weekly.",
    )
    found += PROCEDURES_GROUP.same(
        "continuing_assessment",
        "Continuing assessment completed",
        42,
        WD,
        StartEvent.ENQUIRY_START,
        WSP_P13,
        C1,
        (S.WSP_CONTINUING_ASSESSMENT,),
        editions=wsp,
    )
    found += PROCEDURES_GROUP.same(
        "transfer_in_conference",
        "Transfer-in child protection conference",
        15,
        WD,
        StartEvent.TRANSFER_NOTIFIED,
        "Wales Safeguarding Procedures chi/c4 p10 (safeguarding.wales)",
        C1,
        (S.WSP_TRANSFER_IN,),
        editions=wsp,
        notes="Counted from the notification and agreement that the move is permanent "
        "(or for longer than 12 weeks); give that date as the transfer notification.",
    )
    found += ASSESSMENT_GROUP.same(
        "initial_assessment",
        "Initial assessment",
        7,
        WD,
        StartEvent.REFERRAL,
        "Welsh assessment framework, as Welsh Government statistics measure it (within 7 "
        "working days of referral; Newport CC also states 'within seven working days')",
        C2,
        (S.WALES_IA_CA_2014,),
        editions=("cin_framework_wales",),
    )
    found += ASSESSMENT_GROUP.same(
        "core_assessment",
        "Core assessment",
        35,
        WD,
        StartEvent.CORE_ASSESSMENT_START,
        "Welsh assessment framework, as Welsh Government statistics measure it (within 35 "
        "working days; Newport CC: 'a further 35 working days')",
        C2,
        (S.WALES_CA_2014,),
        editions=("cin_framework_wales",),
    )
    found += ASSESSMENT_GROUP.same(
        "statutory_assessment",
        "Statutory assessment (performance measure PM24)",
        42,
        WD,
        StartEvent.REFERRAL,
        "StatsWales performance measure PM24: assessments completed within 42 working days "
        "from the point of referral",
        C1,
        (S.PM24,),
        editions=("sswba2016",),
    )
    return found


#: The Wales Safeguarding Procedures' quorum.
QUORUM = QuorumRule(
    title="3 agencies or professional groupings; 2 at the chair's discretion in exceptional "
    "circumstances",
    source="Wales Safeguarding Procedures chi/c4 p8 (review conference quorum 'same as for "
    "initial child protection conference')",
    confidence=C1,
    evidence=(S.WSP_QUORUM,),
    min_total=3,
    groupings=HEALTH_AS_ONE_GROUPING,
    chair_may_proceed_with=2,
    notes="Which agencies are separate groupings is not stated (UNCONFIRMED): as in "
    "Guernsey's identically worded rule, every health professional is counted as one "
    "grouping, 'health'. A written report does not count as taking part; remote "
    "participation is not addressed in the pages read and is not counted.",
)

#: The Wales rule set, as registered.
RULE_SET = RuleSet(
    name="wales",
    title="Wales: All Wales Child Protection Procedures 2008 and Wales Safeguarding Procedures",
    division="england-and-wales",
    rules=[*rules(), *_adults.wales(WSP), *_missing.wales(WSP)],
    not_encoded=(
        *_adults.wales_findings(),
        *_missing.wales_findings(WSP),
        *_reports.WALES_FINDINGS,
    ),
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


_UNCONFIRMED_WELSH = (
    "UNCONFIRMED: the usual Welsh word, but no published source was found by this project "
    "(TermCymru could not be consulted)"
)

#: Welsh names of agencies, attendance modes and conference types, for Wales and every rule
#: set extending it (Conwy is a bilingual council). Each with where it is used.
WELSH_ALIASES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("agency", "childrens_social_care",
     "Welsh Government (StatsCymru, pre-birth child protection conferences; llyw.cymru 'Cadw "
     "plant a phobl ifanc yn ddiogel'); Conwy County Borough Council, 'Beth yw Cynhadledd "
     "Amddiffyn Plant?'; Ceredigion LSCB information for parents",
     ("gwasanaethau cymdeithasol plant", "gofal cymdeithasol i blant",
      "gwasanaethau cymdeithasol", "gweithiwr cymdeithasol")),
    ("agency", "police",
     "Conwy, 'Beth yw Cynhadledd Amddiffyn Plant?' ('rhywun o'r Heddlu'); IOPC Welsh pages "
     "('swyddogion heddlu'); cyfraith.llyw.cymru 'Diogelu' ('corff heddlu lleol')",
     ("heddlu", "yr heddlu", "swyddog heddlu", "swyddogion heddlu", "corff heddlu lleol")),
    ("agency", "health_visitor",
     "Universities Wales, 'Meithrin teuluoedd gwydn'; Bangor University report for Bwrdd yr "
     "Iaith Gymraeg (2010)",
     ("ymwelydd iechyd", "ymwelwyr iechyd")),
    ("agency", "school_nurse", "Conwy, 'Beth yw Cynhadledd Amddiffyn Plant?'", ("nyrs ysgol",)),
    ("agency", "gp",
     "Conwy, 'Beth yw Cynhadledd Amddiffyn Plant?' ('meddyg teulu'); Aneurin Bevan University "
     "Health Board CAMHS page ('meddygfa')",
     ("meddyg teulu", "meddygfa")),
    ("agency", "midwifery", "Bangor University report for Bwrdd yr Iaith Gymraeg (2010)",
     ("bydwragedd",)),
    ("agency", "camhs",
     "Aneurin Bevan University Health Board ('iechyd meddwl plant a'r glasoed'); Senedd record "
     "of proceedings, 18 June 2019",
     ("gwasanaethau iechyd meddwl plant a'r glasoed", "iechyd meddwl plant a'r glasoed",
      "gwasanaethau iechyd meddwl plant a phobl ifanc")),
    ("agency", "education",
     "Conwy, 'Beth yw Cynhadledd Amddiffyn Plant?' ('athro'); Gwynedd 'Gwasanaeth Addysg' "
     "safeguarding guidance",
     ("addysg", "gwasanaeth addysg", "ysgol", "athro")),
    ("agency", "probation",
     "HM Inspectorate of Probation Welsh reports ('gwasanaethau prawf'); S4C 'Ar Brawf' "
     "('Swyddogion Prawf'); cyfraith.llyw.cymru 'Diogelu' ('bwrdd prawf')",
     ("gwasanaeth prawf", "swyddog prawf", "swyddogion prawf", "bwrdd prawf")),
    ("agency", "paediatrician", _UNCONFIRMED_WELSH, ("pediatregydd",)),
    ("agency", "midwifery", _UNCONFIRMED_WELSH, ("bydwraig",)),
    ("agency", "education", _UNCONFIRMED_WELSH, ("athrawes",)),
    ("agency", "adult_social_care", _UNCONFIRMED_WELSH,
     ("gofal cymdeithasol i oedolion", "gwasanaethau cymdeithasol oedolion")),
    ("agency", "housing", _UNCONFIRMED_WELSH, ("tai", "swyddog tai", "cymdeithas tai")),
    ("attendance_mode", "in_person",
     "Conwy ('Pwy fydd yn bresennol'); llyw.cymru ('cyswllt wyneb yn wyneb')",
     ("yn bresennol", "wyneb yn wyneb")),
    ("attendance_mode", "remote", "llyw.cymru 'Cadw plant a phobl ifanc yn ddiogel' "
     "('platfformau rhithwir', 'dros y ffôn')", ("rhithwir", "dros y ffôn")),
    ("attendance_mode", "remote", _UNCONFIRMED_WELSH, ("o bell",)),
    ("attendance_mode", "report_only", _UNCONFIRMED_WELSH, ("adroddiad ysgrifenedig",)),
    ("attendance_mode", "apologies", _UNCONFIRMED_WELSH, ("ymddiheuriadau",)),
    ("attendance_mode", "absent", _UNCONFIRMED_WELSH, ("absennol",)),
    ("conference_type", "initial", "Wales Safeguarding Procedures (Welsh), section 3 part 2",
     ("cynhadledd amddiffyn plant gychwynnol", "cynhadledd amddiffyn plant cychwynnol")),
    ("conference_type", "review",
     "Wales Safeguarding Procedures (Welsh), section 3 part 2 ('cynadleddau adolygu')",
     ("cynhadledd adolygu", "cynadleddau adolygu")),
    ("conference_type", "pre_birth", "Wales Safeguarding Procedures (Welsh), section 3 part 2 "
     "('Cynhadledd amddiffyn plant cyn geni')",
     ("cynhadledd amddiffyn plant cyn geni", "cyn geni")),
)  # fmt: skip


@hookimpl(trylast=True)
def sgr_register_aliases(registry: AliasRegistry) -> None:
    """Register the Welsh names for Wales and every rule set extending it."""
    for kind, code, source, spellings in WELSH_ALIASES:
        registry.add_aliases(code, spellings, source=source, kind=kind, rule_set="wales")
