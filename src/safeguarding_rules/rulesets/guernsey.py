"""Guernsey: child protection after s35 enquiries (Children (Guernsey and Alderney) Law 2008).

"s35 enquiries" are Guernsey's, not Wales's: they are named after section 35 of the
Children (Guernsey and Alderney) Law 2008, under which the Committee for Health & Social
Care must investigate concerns of significant impairment to a child's health or
development. Wales follows section 47 of the Children Act 1989, as England does.

Two documents set timescales and they disagree on the initial conference:

* the HSC Child Care Procedures ("Section 35 enquiries"): within **15 working days** of the
  strategy discussion. This is the ``icpc`` rule: it is the procedure that names s35
  enquiries and the one the report deadlines below come from.
* the ISCP multi-agency flowchart (page added on 2 December 2015): "convened within
  **10 days** of strategy discussion". This is ``icpc_iscp``, encoded as 10 working days
  because the ISCP's own transfer-in text says "the same timescale as an initial conference,
  i.e. 10 working days".

The flowchart is superseded: the partnership's current procedures manual (tri.x) says 15
working days "of the Strategy Discussion/Meeting where the investigation were initiated",
agreeing with the HSC procedure. When it replaced the flowchart was not found. The manual
names the Islands Safeguarding Children Partnership (the committee's name from after July
2017) and the Data Protection (Bailiwick of Guernsey) Law 2017, so it cannot predate 2018:
the flowchart edition (``icpc_iscp``, its 48-hour report rule and the 10-day transfer-in)
is ended on 31 December 2017, and those end dates are UNCONFIRMED.

References:
    * Rules catalogue section 4 (``shared/research/rules-catalogue.md``).
    * hscchildcareprocedures.gov.gg articles 118191 ("Reports to Conference") and 118395
      ("Section 35 enquiries").
    * iscp.gg articles 118060, 118097, 118067, 118099, 118058 (flowchart, meetings, quorum).
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
)
from . import _sources as S

__all__ = [
    "HSC",
    "ISCP",
    "QUORUM",
    "RULE_SET",
    "rules",
    "sgr_register_rule_sets",
]

C1, UNCONFIRMED = Confidence.C1, Confidence.UNCONFIRMED
WD = Unit.WORKING_DAYS

#: The edition of the HSC 'Reports to Conference' procedure.
HSC = Edition(
    id="hsc_procedures",
    title="HSC Child Care Procedures (States of Guernsey)",
    effective_from=dt.date(2010, 1, 4),
    dates_confidence=UNCONFIRMED,
    dates_source="encoded from the commencement of the 2008 Law in 2010; the day (believed 4 "
    "January 2010) and the procedures' own start date were not found",
    evidence=(S.GG_LAW_2010,),
)
#: The edition of the ISCP procedures.
ISCP = Edition(
    id="iscp2015",
    title="Islands Safeguarding Children Partnership flowchart and web procedures (2015)",
    effective_from=dt.date(2015, 12, 2),
    effective_to=dt.date(2017, 12, 31),
    dates_confidence=UNCONFIRMED,
    dates_source="from the day the flowchart page was added (2 December 2015); ended on 31 "
    "December 2017, the last day before the partnership's 15-working-day manual could have "
    "existed. When the manual replaced the flowchart was not found: confirm with the ISCP",
    evidence=(S.GG_FLOWCHART_ADDED, S.GG_MANUAL_15),
)
SECTION_35 = (
    "HSC Child Care Procedures, 'Section 35 enquiries' (hscchildcareprocedures.gov.gg 118395)"
)

REPORTS = (
    "HSC Child Care Procedures, 'Reports to Conference' (hscchildcareprocedures.gov.gg 118191); "
    "table values from the project's seed document 003, not visible in the copy checked"
)
REPORTS_REASON = (
    "the table of report steps was read only in the project's seed copy of 'Reports to "
    "Conference' (document 003): the stored copy of hscchildcareprocedures.gov.gg article "
    "118191 ends before the table, and article 118429 (where issue 28's source audit read 4 "
    "and 3 working days before an initial conference) is not in the stored copies. Confirm "
    "each step's working days against article 118429"
)
INITIAL = frozenset({ConferenceType.INITIAL})
REVIEW = frozenset({ConferenceType.REVIEW})

# (rule id, title, initial conference WD before, review conference WD before)
REPORT_STEPS = (
    ("report_to_manager", "Report completed and sent to manager for countersigning", 4, 15),
    ("report_countersigned", "Report countersigned by manager", 3, 10),
    ("report_to_parents", "Report shared with parents / those with parental responsibility", 2, 5),
    ("report_to_chair", "Report sent to conference chair", 1, 5),
)


def _report_rules() -> list[Rule]:
    found = []
    for rule_id, title, initial, review in REPORT_STEPS:
        for prefix, n, types, kind in (
            ("initial", initial, INITIAL, "initial"),
            ("review", review, REVIEW, "review (minimum)"),
        ):
            found.append(
                Rule(
                    id=f"{prefix}_{rule_id}",
                    title=f"{title} ({kind} conference)",
                    n=n,
                    unit=WD,
                    start_event=StartEvent.CONFERENCE,
                    direction=Direction.BEFORE,
                    conference_types=types,
                    edition=HSC,
                    source=REPORTS,
                    confidence=UNCONFIRMED,
                    unconfirmed_reason=REPORTS_REASON,
                )
            )
    return found


def rules() -> list[Rule]:
    """Every rule version of the Guernsey rule set."""
    return [
        Rule(
            id="icpc",
            title="Initial child protection conference",
            n=15,
            unit=WD,
            start_event=StartEvent.STRATEGY_DISCUSSION_INITIATING,
            edition=HSC,
            source=SECTION_35,
            confidence=C1,
            notes="The ISCP flowchart of December 2015 said 10 days (rule 'icpc_iscp', ended "
            "31 December 2017); the partnership's current manual agrees with 15 working days "
            "from the strategy discussion at which the investigation was initiated.",
            evidence=(S.GG_SECTION_35, S.GG_MANUAL_15),
        ),
        Rule(
            id="icpc_iscp",
            title="Initial child protection conference (ISCP flowchart)",
            n=10,
            unit=WD,
            start_event=StartEvent.STRATEGY_DISCUSSION_INITIATING,
            edition=ISCP,
            source="ISCP flowchart, December 2015 (iscp.gg): 'convened within 10 days of "
            "strategy discussion'",
            confidence=C1,
            notes="Conflicted with the HSC procedure's 15 working days (rule 'icpc'). The "
            "flowchart says '10 days'; taken as working days per the ISCP transfer-in text. "
            "Superseded by the ISCP manual's 15 working days at a date not found: ended on 31 "
            "December 2017 (UNCONFIRMED), so from 2018 only 'icpc' applies.",
            evidence=(S.GG_FLOWCHART,),
        ),
        Rule(
            id="iscp_reports_to_parents_and_chair",
            title="Reports shared with parents and the chair (ISCP flowchart)",
            n=48,
            unit=Unit.HOURS,
            start_event=StartEvent.CONFERENCE,
            direction=Direction.BEFORE,
            conference_types=INITIAL,
            edition=ISCP,
            source="ISCP flowchart, December 2015 (iscp.gg): 48 hours before the conference",
            confidence=C1,
            evidence=(S.GG_FLOWCHART_48H,),
        ),
        Rule(
            id="transfer_in_conference",
            title="Transfer-in conference",
            n=10,
            unit=WD,
            start_event=StartEvent.TRANSFER_NOTIFIED,
            edition=ISCP,
            source="iscp.gg: 'the same timescale as an initial conference, i.e. 10 working days'",
            confidence=C1,
            evidence=(S.GG_TRANSFER_IN,),
            notes="Tied to the flowchart's 10-day initial conference and ended with it.",
        ),
        Rule(
            id="first_review",
            title="First review conference",
            n=3,
            unit=Unit.MONTHS,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=HSC,
            source="iscp.gg 'Meetings': first review within 3 months",
            confidence=C1,
            evidence=(S.GG_REVIEWS,),
        ),
        Rule(
            id="subsequent_review",
            title="Subsequent review conference",
            n=6,
            unit=Unit.MONTHS,
            start_event=StartEvent.PREVIOUS_REVIEW,
            edition=HSC,
            source="iscp.gg 'Meetings': then within 6 months of each other",
            confidence=C1,
            evidence=(S.GG_REVIEWS,),
        ),
        Rule(
            id="convenor_referral",
            title="Referral to the Children's Convenor, where the conference so decides",
            n=2,
            unit=WD,
            start_event=StartEvent.CONFERENCE,
            conference_types=INITIAL,
            edition=HSC,
            source="iscp.gg initial child protection conference page",
            confidence=C1,
            evidence=(S.GG_CONVENOR,),
        ),
        *_report_rules(),
    ]


#: The ISCP's quorum.
QUORUM = QuorumRule(
    title="3 agencies or professional groupings (health one, social work another); 2 if the "
    "chair is satisfied that the essential information is available",
    source="iscp.gg 'Quorum'",
    confidence=C1,
    evidence=(S.GG_QUORUM,),
    min_total=3,
    groupings=HEALTH_AS_ONE_GROUPING,
    chair_may_proceed_with=2,
    notes="All invited agencies should send a written report whether or not they attend; a "
    "report does not count towards the quorum.",
)

#: The Guernsey rule set, as registered.
RULE_SET = RuleSet(
    name="guernsey",
    title="Guernsey: HSC Child Care Procedures (s35 enquiries)",
    division="guernsey",
    rules=rules(),
    enquiry="section 35 enquiries, Children (Guernsey and Alderney) Law 2008",
    covers_from=HSC.effective_from,
    quorum=QUORUM,
)


@hookimpl(trylast=True)
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the Guernsey rule set."""
    registry.add(RULE_SET)
