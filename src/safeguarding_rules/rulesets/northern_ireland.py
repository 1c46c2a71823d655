"""Northern Ireland: SBNI Regional Core Child Protection Policies and Procedures (2017).

Every value here is a belief: the SBNI chapter text was not exposed in the copies
available, so each rule is tagged UNCONFIRMED and says so wherever it is used.

References:
    * Rules catalogue section 6 (``shared/research/rules-catalogue.md``).
    * SBNI Regional Core Child Protection Policies and Procedures, launched 28 November 2017
      and operational as of 15 December 2017, replacing the ACPC Regional Policy and
      Procedures (April 2005) (safeguardingni.org). Conferences are judged by the procedures
      operational on their date: the rule set starts on 15 December 2017.
    * Children (Northern Ireland) Order 1995 (article 66 duty to investigate, UNCONFIRMED).
"""

from __future__ import annotations

import datetime as dt

from ..plugin import hookimpl
from ..plugin.registry import RuleSetRegistry
from ..rules import Confidence, Edition, Rule, RuleSet, StartEvent, Unit
from . import _adults, _missing
from . import _sources as S

__all__ = [
    "RULE_SET",
    "SBNI",
    "sgr_register_rule_sets",
]

#: The edition of the SBNI regional procedures.
SBNI = Edition(
    id="sbni2017",
    title="SBNI Regional Core Child Protection Policies and Procedures",
    effective_from=dt.date(2017, 12, 15),
    dates_confidence=Confidence.C1,
    dates_source="launched on 28 November 2017 (the SBNI's procedure manual page) and "
    "operational as of 15 December 2017, replacing the ACPC procedures of April 2005 (the "
    "SBNI's Policy and Procedures Committee page): a conference is judged by the procedures "
    "operational on its date, so the edition starts on 15 December 2017",
    evidence=(S.SBNI_OPERATIONAL, S.SBNI_LAUNCHED),
)
SOURCE = "SBNI Regional Core Child Protection Policies and Procedures (belief; text not seen)"
REASON = (
    "the SBNI chapter 'Child Protection Case Conferences' was not readable in the stored "
    "copies (only its May 2018 amendment note); confirm the value against that chapter"
)


#: The Northern Ireland rule set, as registered.
RULE_SET = RuleSet(
    name="northern-ireland",
    title="Northern Ireland: SBNI Regional Core Child Protection Policies and Procedures",
    division="northern-ireland",
    rules=[
        Rule(
            id="icpc",
            title="Initial child protection case conference",
            n=15,
            unit=Unit.WORKING_DAYS,
            start_event=StartEvent.STRATEGY_DISCUSSION_INITIATING,
            edition=SBNI,
            source=SOURCE,
            confidence=Confidence.UNCONFIRMED,
            unconfirmed_reason=REASON,
        ),
        Rule(
            id="first_review",
            title="First review child protection case conference",
            n=3,
            unit=Unit.MONTHS,
            start_event=StartEvent.INITIAL_CONFERENCE,
            edition=SBNI,
            source=SOURCE,
            confidence=Confidence.UNCONFIRMED,
            unconfirmed_reason=REASON,
        ),
        Rule(
            id="subsequent_review",
            title="Subsequent review child protection case conference",
            n=6,
            unit=Unit.MONTHS,
            start_event=StartEvent.PREVIOUS_REVIEW,
            edition=SBNI,
            source=SOURCE,
            confidence=Confidence.UNCONFIRMED,
            unconfirmed_reason=REASON,
        ),
    ],
    enquiry="investigation under the Children (Northern Ireland) Order 1995",
    not_encoded=(*_adults.NORTHERN_IRELAND_FINDINGS, *_missing.NORTHERN_IRELAND_FINDINGS),
    notes="The ACPC procedures of April 2005 are not encoded: events before 15 December 2017, "
    "when the SBNI procedures (launched on 28 November 2017) became operational, are refused.",
)


@hookimpl(trylast=True)
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the Northern Ireland rule set."""
    registry.add(RULE_SET)
