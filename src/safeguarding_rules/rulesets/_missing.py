"""Return interviews after a child goes missing: rule versions and findings per rule set.

Sources and tags: ``research/issue-18-adults-missing-welsh.md`` section 4. Both national
values are 72 **hours** and both are C2: the guidance's own sentence was not read, only
secondary sources that quote or apply it. How an hours rule meets a working-day calendar is
in :mod:`safeguarding_rules.rules.families`.
"""

from __future__ import annotations

import datetime as dt

from ..rules import Confidence, Counting, Edition, Evidence, Rule, StartEvent, Unit
from ..rules.gaps import NotEncoded
from ._sources import _q

__all__ = [
    "ENGLAND_FINDINGS",
    "NORTHERN_IRELAND_FINDINGS",
    "SCOTLAND_FINDINGS",
    "england",
    "wales",
    "wales_findings",
]

C2, UNCONFIRMED = Confidence.C2, Confidence.UNCONFIRMED
TITLE = "Return (home) interview"
HOURS_NOTE = (
    "Counted in elapsed hours: nights, weekends and bank holidays count. With dates only, "
    "the due date is the date of return plus 3 days (lenient by under a day; flagged)."
)

Q_MISSING_PEOPLE = _q(
    "Statutory guidance states that RHIs should be completed within 72 hours of the child's "
    "return from being missing.",
    "Missing People, 'The delivery of Return Interviews across England: 2023-24'",
    "https://www.missingpeople.org.uk/the-delivery-of-return-interviews-across-england-2023-24",
)
Q_CARDIFF = _q(
    "Return interviews should be held within 72 hours of the young person being found.",
    "Cardiff University, Complex Safeguarding Wales, 'Missing episodes'",
    "https://cardiff.ac.uk/complex-safeguarding-wales/information-for-practitioners/"
    "identifying-child-criminal-exploitation/missing-episodes",
)

DFE_2014 = Edition(
    id="dfe_missing2014",
    title="Statutory guidance on children who run away or go missing from home or care "
    "(DfE, January 2014)",
    effective_from=dt.date(2014, 1, 1),
    dates_confidence=UNCONFIRMED,
    dates_source="January 2014 (C1, the guidance's title page and contents); the day is "
    "UNCONFIRMED. No later revision was found (UNCONFIRMED that none exists).",
)


def _return_interview(
    edition: Edition, start: StartEvent, source: str, notes: str, evidence: Evidence
) -> list[Rule]:
    return [
        Rule(
            id="return_interview",
            title=TITLE,
            n=72,
            unit=Unit.HOURS,
            start_event=start,
            edition=edition,
            source=source,
            confidence=C2,
            counting=Counting.EVENT_DAY_IS_DAY_0,
            notes=f"{notes} {HOURS_NOTE}",
            evidence=(evidence,),
        )
    ]


def england() -> list[Rule]:
    """Build the England return-interview rule."""
    return _return_interview(
        DFE_2014,
        StartEvent.CHILD_RETURNED,
        "DfE statutory guidance on children who run away or go missing from home or care "
        "(January 2014), 'Independent return interviews' (section C1 from its contents page); "
        "the 72 hours as quoted by Missing People, 'The delivery of Return Interviews across "
        "England: 2023-24': 'Statutory guidance states that RHIs should be completed within 72 "
        "hours of the child's return from being missing' (the guidance's own sentence not read)",
        "The guidance requires an independent return interview to be offered; the 72 hours are "
        "about the interview.",
        Q_MISSING_PEOPLE,
    )


def wales(wsp: Edition) -> list[Rule]:
    """Build the Wales return-interview rule, under the Wales Safeguarding Procedures."""
    return _return_interview(
        wsp,
        StartEvent.CHILD_FOUND,
        "All Wales Practice Guide 'Safeguarding children who go missing from home or care' "
        "(with the Wales Safeguarding Procedures; last updated February 2021; its "
        "return-interview paragraph not read), as Cardiff University (Complex Safeguarding "
        "Wales, 'Missing episodes') quotes it: 'Return interviews should be held within 72 "
        "hours of the young person being found'",
        "Practice guidance, 'not a statutory requirement' (Cardiff University): young people "
        "'should be offered a Return Home Interview'. In Wales also called a debrief.",
        Q_CARDIFF,
    )


def wales_findings(wsp: Edition) -> tuple[NotEncoded, ...]:
    """Say that before the Wales Safeguarding Procedures nothing is encoded (2011 unread)."""
    return (
        NotEncoded(
            rule_id="return_interview",
            title=TITLE,
            statement="Before the Wales Safeguarding Procedures, the All Wales Protocol on "
            "missing children (20 June 2011) set the timescales in a matrix that was not "
            "read: none is encoded.",
            source="All Wales Protocol, Missing Children, 'Final: 20th June 2011', Appendix A "
            "(a copy's contents; the matrix not retrieved)",
            confidence=UNCONFIRMED,
            before=wsp.effective_from,
        ),
    )


ENGLAND_FINDINGS = (
    NotEncoded(
        rule_id="return_interview",
        title=TITLE,
        statement="Return interviews before the January 2014 statutory guidance (DCSF 2009; "
        "DfE June 2013) are not encoded.",
        source="Predecessor guidance named by a Wiltshire protocol (C2) and a June 2013 copy; "
        "their wording on timing not read",
        confidence=UNCONFIRMED,
        before=DFE_2014.effective_from,
    ),
)

SCOTLAND_FINDINGS = (
    NotEncoded(
        rule_id="return_interview",
        title="Return discussion",
        statement="The National Missing Persons Framework for Scotland (May 2017) asks for a "
        "return discussion; no timescale was found, and none is encoded.",
        source="National Missing Persons Framework for Scotland (May 2017), Annex D 'Return "
        "Discussion Best Practice' (title and contents C1; no timescale found)",
        confidence=UNCONFIRMED,
    ),
)

NORTHERN_IRELAND_FINDINGS = (
    NotEncoded(
        rule_id="return_interview",
        title=TITLE,
        statement="Northern Ireland's guidance on return interviews was not researched; none "
        "is encoded.",
        source="No source searched",
        confidence=UNCONFIRMED,
    ),
)
