"""Isle of Man: section 46 enquiries (Children and Young Persons Act 2001).

References:
    * Rules catalogue section 4 (``shared/research/rules-catalogue.md``).
    * Isle of Man safeguarding procedures, glossary entries "Initial child protection
      conference" and "Child protection enquiry".
    * Isle of Man Safeguarding Board, "Child protection conferences" (for parents and
      carers): review conferences three months after the first, then at least every six.
"""

from __future__ import annotations

import datetime as dt

from ..plugin import hookimpl
from ..plugin.registry import RuleSetRegistry
from ..rules import Confidence, Edition, Rule, RuleSet, StartEvent, Unit
from . import _sources as S

__all__ = [
    "PROCEDURES",
    "RULE_SET",
    "sgr_register_rule_sets",
]

#: The edition of the Isle of Man procedures.
PROCEDURES = Edition(
    id="iom_procedures",
    title="Isle of Man Safeguarding Children procedures",
    effective_from=dt.date(2006, 1, 1),
    dates_confidence=Confidence.UNCONFIRMED,
    dates_source="no effective date found for the online procedures whose wording is encoded "
    "(the 'Yellow Book' agency procedures were relaunched on 16 March 2007, a different "
    "text); encoded from the start of calendar coverage",
)


#: The Isle of Man rule set, as registered.
RULE_SET = RuleSet(
    name="isle-of-man",
    title="Isle of Man: safeguarding children procedures (s46 enquiries)",
    division="isle-of-man",
    rules=[
        Rule(
            id="icpc",
            title="Initial child protection conference",
            n=15,
            unit=Unit.WORKING_DAYS,
            start_event=StartEvent.STRATEGY_DISCUSSION_LAST,
            edition=PROCEDURES,
            source="Isle of Man procedures glossary: within 15 working days of 'the strategy "
            "discussion, or the last strategy discussion if more than one has been held'",
            confidence=Confidence.C1,
            evidence=(S.ICPC_LAST_SD,),
        ),
        Rule(
            id="first_review",
            title="First review child protection conference",
            n=3,
            unit=Unit.MONTHS,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=PROCEDURES,
            source="Isle of Man Safeguarding Board, 'Child protection conferences': three "
            "months after the first conference",
            confidence=Confidence.C1,
            evidence=(S.IOM_REVIEWS,),
        ),
        Rule(
            id="subsequent_review",
            title="Subsequent review child protection conference",
            n=6,
            unit=Unit.MONTHS,
            start_event=StartEvent.PREVIOUS_REVIEW,
            edition=PROCEDURES,
            source="Isle of Man Safeguarding Board, 'Child protection conferences': then at "
            "least every six months",
            confidence=Confidence.C1,
            evidence=(S.IOM_REVIEWS,),
        ),
    ],
    enquiry="section 46 enquiries, Children and Young Persons Act 2001",
)


@hookimpl(trylast=True)
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the Isle of Man rule set."""
    registry.add(RULE_SET)
