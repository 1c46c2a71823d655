"""Conformance checks for the adult-at-risk and missing-episode rule families.

* :func:`check_findings`: every "not encoded" finding is sourced, tagged and says why, and
  never contradicts a rule version in force on a day it covers.
* :func:`check_hours`: every rule counted in hours is elapsed time: exactly ``n`` hours
  from any time of day (across both changes of the clocks), and, with dates only, the date
  plus ``ceil(n / 24)`` days whatever the caller's counting convention.
* :func:`check_family_deadlines`: adult and return-interview deadlines choose the edition
  in force on their anchoring day and explain themselves.
"""

from __future__ import annotations

import datetime as dt

from ..calendar import calendar_for
from ..rules import Counting, Deadline, Direction, RuleSet, StartEvent, Unit
from ..rules.families import (
    ADULT_RULE_IDS,
    MISSING_RULE_IDS,
    UK_TIME,
    AdultEnquiryEvents,
    MissingEpisodeEvents,
    adult_deadlines,
    hours_due_at,
    return_interview_deadline,
)
from ..rules.model import FAMILY_EVENTS

__all__ = ["check_family_deadlines", "check_findings", "check_hours"]


def check_findings(rule_set: RuleSet) -> list[str]:
    """Problems with the rule set's "not encoded" findings (an empty list when none)."""
    problems: list[str] = []
    for gap in rule_set.not_encoded:
        where = f"rule set {rule_set.name!r}, finding on {gap.rule_id!r}"
        if not gap.statement.strip() or not gap.source.strip():
            problems.append(f"{where}: no statement or no source")
        if gap.rule_id not in rule_set.rule_ids:
            continue
        for rule in rule_set.versions(gap.rule_id):
            edition = rule.edition
            for day in (edition.effective_from, edition.effective_to):
                if day is not None and gap.applies_on(day):
                    problems.append(
                        f"{where}: says nothing is encoded on {day.isoformat()}, but edition "
                        f"{edition.id!r} of the rule is in force then"
                    )
    return problems


_TIMES = [
    dt.datetime(2024, 3, 29, 18, 0),  # Good Friday, before the clocks go forward
    dt.datetime(2024, 3, 30, 23, 30),
    dt.datetime(2024, 10, 25, 18, 0),  # before the clocks go back
    dt.datetime(2024, 10, 27, 0, 45),
    dt.datetime(2024, 12, 24, 9, 15),
    dt.datetime(2025, 6, 1, 12, 0),
]


def check_hours(rule_set: RuleSet) -> list[str]:
    """Problems with the rule set's hours rules (an empty list when none)."""
    problems: list[str] = []
    calendar = calendar_for(rule_set.division)
    for rule in rule_set.rules:
        if rule.unit is not Unit.HOURS:
            continue
        where = f"rule set {rule_set.name!r}, rule {rule.id!r} (edition {rule.edition.id!r})"
        sign = 1 if rule.direction is Direction.AFTER else -1
        for start in _TIMES:
            due = hours_due_at(rule, start)
            # In UTC: Python subtracts two times in the same zone by their wall clocks.
            elapsed = due.astimezone(dt.UTC) - start.replace(tzinfo=UK_TIME).astimezone(dt.UTC)
            if elapsed != dt.timedelta(hours=sign * rule.n):
                problems.append(f"{where}: from {start} due {due}, {elapsed} elapsed")
        days = -(-rule.n // 24)
        for day in (rule.edition.effective_from, dt.date(2024, 3, 29), dt.date(2024, 12, 24)):
            if not rule.edition.in_force_on(day):
                continue
            for counting in Counting:
                deadline = Deadline.compute(
                    rule, day, calendar, rule_set=rule_set.name, counting=counting
                )
                expected = day + dt.timedelta(days=sign * days)
                if deadline.due != expected:
                    problems.append(
                        f"{where}: date-only due {deadline.due} from {day} counting "
                        f"{counting.value}, expected {expected}"
                    )
                if "practical deadline" in deadline.explain():
                    problems.append(f"{where}: moves an elapsed-hours deadline to a working day")
    return problems


def check_family_deadlines(rule_set: RuleSet) -> list[str]:
    """Problems with adult and return-interview deadlines (an empty list when none)."""
    problems: list[str] = []
    for rule in rule_set.rules:
        if rule.id not in ADULT_RULE_IDS and rule.id not in MISSING_RULE_IDS:
            continue
        if rule.start_event not in FAMILY_EVENTS:
            problems.append(
                f"rule set {rule_set.name!r}: rule {rule.id!r} counts from "
                f"{rule.start_event.value}, not from an adult or missing event"
            )
            continue
        where = f"rule set {rule_set.name!r}, rule {rule.id!r} (edition {rule.edition.id!r})"
        day = rule.edition.effective_from
        later = day + dt.timedelta(days=3)
        if rule.id in MISSING_RULE_IDS:
            found = return_interview_deadline(rule_set, MissingEpisodeEvents(returned=day))
            chosen = [] if found is None else [found]
        else:
            events = AdultEnquiryEvents(
                report_received=day, enquiry_concluded=later, previous_plan_meeting=later
            )
            chosen = [d for d in adult_deadlines(rule_set, events) if d.rule.id == rule.id]
        if rule.start_event is StartEvent.ADULT_PREVIOUS_PLAN_MEETING and not (
            rule.edition.in_force_on(later)
        ):
            continue
        if not chosen or chosen[0].rule != rule:
            problems.append(f"{where}: an event on {day} does not use this version")
            continue
        text = chosen[0].explain()
        if rule.source not in text or text.startswith("UNCONFIRMED") != chosen[0].unconfirmed:
            problems.append(f"{where}: the explanation hides its source or its confidence")
    return problems
