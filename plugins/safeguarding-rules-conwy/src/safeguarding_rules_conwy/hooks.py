"""Conwy: Wales's rules with Conwy's local booking rule, reporting and optional closures.

Sources:
    * Conwy Social Services annual report 2014-15, "Timeliness of initial child protection
      conferences" (the project's seed document 000): conferences booked from the official
      strategy discussion notes, 15 working days from the initial strategy discussion; not
      postponed because parents say they cannot attend; the indicator counted per child
      (SCC/014) with a 90% tolerance; quarterly figures. The action plan was reported to
      the Customer Scrutiny Committee on 25 September 2014.
    * Conwy Social Services transformation programme (seed document 004): children's and
      adults' safeguarding joined in one unit (no timescale follows from it).
"""

from __future__ import annotations

import datetime as dt

from safeguarding_rules import (
    Confidence,
    CountingUnit,
    Edition,
    Evidence,
    LocalOverlay,
    LocalRuleSet,
    Period,
    ReportingPolicy,
    Rule,
    RuleSetRegistry,
    StartEvent,
    Unit,
    hookimpl,
)

ACTION_PLAN = Edition(
    id="conwy_icpc_action_plan_2014",
    title="Conwy ICPC timeliness action plan (annual report 2014-15)",
    effective_from=dt.date(2014, 9, 25),
    dates_confidence=Confidence.UNCONFIRMED,
    dates_source="reported to the Customer Scrutiny Committee on 25 September 2014; when "
    "it took effect is UNCONFIRMED",
)
SEED_000 = (
    "Conwy Social Services annual report 2014-15, "
    "'Timeliness of initial child protection conferences'"
)

BOOKING = Evidence(
    quote="Date to be 15 working days from initial strategy discussion.",
    title="Conwy Social Services annual report 2014-15, 'Timeliness of initial child protection "
    "conferences'",
    url="https://conwysocialservicesannualreport.org.uk/timeliness-of-initial-child-protection-"
    "conferences",
    checked=dt.date(2026, 11, 30),
)

ICPC = Rule(
    id="icpc",
    title="Initial child protection conference",
    n=15,
    unit=Unit.WORKING_DAYS,
    start_event=StartEvent.STRATEGY_DISCUSSION_INITIATING,
    edition=ACTION_PLAN,
    source=f"{SEED_000}: 'Date to be 15 working days from initial strategy discussion'; "
    "'Conferences to be booked according to official Strategy Discussion notes'",
    confidence=Confidence.C2,
    notes="Conferences are not postponed when parents say they cannot attend. Conwy's 2014 "
    "rule counts from the initial strategy discussion and is applied after 11 November 2019 "
    "too, where the Wales Safeguarding Procedures count from the last one; whether Conwy kept "
    "it after 2019 was not found.",
    evidence=(BOOKING,),
)

REPORTING = ReportingPolicy(
    headline_unit=CountingUnit.CHILD,
    period=Period.QUARTER,
    year_start_month=4,
    target=0.90,
    rejected_delay_reasons=frozenset(
        {"parents cannot attend", "parents unable to attend", "parents not able to attend"}
    ),
    source=f"{SEED_000}: SCC/014 counted per child (94 of 120 = 78.3%; 52 of 60 conferences "
    "= 86.7%); quarterly figures; 'tolerance level of 90%'; conferences not to be postponed "
    "when parents say they cannot attend",
    confidence=Confidence.C2,
)


def christmas_closure() -> LocalOverlay:
    """Return the working days from 27 to 31 December each year as an optional overlay.

    Many councils close between Christmas and New Year (rules catalogue s8.4, C2); Conwy's
    own closure days are UNCONFIRMED, so the overlay is off unless asked for.
    """
    return LocalOverlay.between_christmas_and_new_year(
        name="Conwy Christmas closure",
        division="wales",
        reason="Christmas closure (typical council closure; UNCONFIRMED for Conwy)",
        source="rules catalogue s8.4: many councils close on the working days between "
        "Christmas and New Year (C2 as a pattern); Conwy's own closure days are UNCONFIRMED",
    )


RULE_SET = LocalRuleSet(
    name="conwy",
    title="Conwy (extends Wales)",
    extends="wales",
    replace=[ICPC],
    overlay=christmas_closure(),
    reporting=REPORTING,
    notes="Extends Wales. The Christmas closure overlay is off unless asked for "
    "(use_overlay=True, or --use-overlay on any command that counts days): national "
    "indicators count only weekends and bank holidays. The Wales Safeguarding Procedures "
    "apply from their publication (11 November 2019), as nationally: North Wales's own "
    "adoption date was not found (in June 2020 the North Wales Safeguarding Board reported "
    "the Welsh Government's request to adopt them 'as originally planned in April'; no day "
    "is given).",
)


@hookimpl
def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
    """Register the Conwy rule set."""
    registry.extend(RULE_SET)
