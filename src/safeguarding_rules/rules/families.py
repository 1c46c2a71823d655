"""Adults at risk and children missing from home or care: rule families outside a child's case.

The children's rules count from the events of one child's case
(:class:`~safeguarding_rules.CaseEvents`). Two more families of clocks run in the same
safeguarding unit, and count from events of their own:

Adults at risk (rule ids :data:`ADULT_RULE_IDS`)
    ``adult_enquiry`` (enquiries completed), ``adult_strategy`` (strategy discussion or
    meeting), ``adult_plan_review`` (review of the adult protection plan) and, before the
    Wales Safeguarding Procedures, ``pova_strategy_discussion``. Each deadline uses the
    edition in force on the day the **report was received**, so an enquiry that straddles a
    change of procedures keeps the edition it began under, as a child's case keeps the
    edition of its first strategy discussion; a plan review uses the edition in force on the
    day of the meeting it counts from.

Children missing from home or care (rule id ``return_interview``)
    Counted in **hours** from the child's return (England) or being found (Wales). Hours are
    elapsed clock time: the 72 hours run through nights, weekends and bank holidays, so the
    working-day calendar is not consulted. With a time of return recorded,
    :func:`hours_due_at` adds the hours in UTC and shows the result in UK time (returned
    Friday 29 March 2024 18:00 GMT: due Monday 1 April 2024 19:00 BST, 72 elapsed hours
    across the change to summer time). With a date only, the due date is the date of return
    plus ``ceil(hours / 24)`` calendar days (72 hours: 3 days), which is lenient by less
    than a day; reports flag it. A due date on a weekend or bank holiday is not moved.

Where a rule set has no timescale for one of these ids, it says so with a
:class:`~safeguarding_rules.rules.gaps.NotEncoded` finding; :func:`finding_for` returns it.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from collections.abc import Iterable, Mapping

import attrs

from .._validators import optional_plain_date, plain_date
from ..calendar import calendar_for
from .deadlines import Deadline, near_unconfirmed
from .gaps import NotEncoded
from .model import Counting, Direction, NoEditionInForceError, Rule, StartEvent, Unit
from .rule_set import RuleSet

__all__ = [
    "ADULT_RULE_IDS",
    "MISSING_RULE_IDS",
    "UK_TIME",
    "AdultEnquiryEvents",
    "MissingEpisodeEvents",
    "adult_deadlines",
    "family_deadlines",
    "finding_for",
    "hours_due_at",
    "return_interview_deadline",
]

#: Rule ids of the adult-at-risk family, in report order.
ADULT_RULE_IDS = (
    "adult_enquiry",
    "adult_strategy",
    "pova_strategy_discussion",
    "adult_plan_review",
)
#: Rule ids of the missing-episode family.
MISSING_RULE_IDS = ("return_interview",)
#: The time zone of times recorded without one.
UK_TIME = zoneinfo.ZoneInfo("Europe/London")


@attrs.frozen(kw_only=True)
class AdultEnquiryEvents:
    """The dated events of one adult-at-risk enquiry (one report about one adult)."""

    #: The day the local authority received the report (safeguarding concern or referral).
    report_received: dt.date = attrs.field(validator=plain_date)
    #: The day the enquiries concluded, if they have.
    enquiry_concluded: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: The day of the latest strategy meeting, conference or plan review, while a plan is open.
    previous_plan_meeting: dt.date | None = attrs.field(default=None, validator=optional_plain_date)

    def start_dates(self) -> dict[StartEvent, dt.date | None]:
        """Return the date of each start event the adult rules count from."""
        return {
            StartEvent.ADULT_REPORT_RECEIVED: self.report_received,
            StartEvent.ADULT_ENQUIRY_CONCLUDED: self.enquiry_concluded,
            StartEvent.ADULT_PREVIOUS_PLAN_MEETING: self.previous_plan_meeting,
        }


@attrs.frozen(kw_only=True)
class MissingEpisodeEvents:
    """When a child came back from one missing episode."""

    #: The day of the child's return (England) or of being found (Wales).
    returned: dt.date = attrs.field(validator=plain_date)

    def start_dates(self) -> dict[StartEvent, dt.date | None]:
        """Both wordings of the start event fall on the same recorded day."""
        return {StartEvent.CHILD_RETURNED: self.returned, StartEvent.CHILD_FOUND: self.returned}


def finding_for(rule_set: RuleSet, rule_id: str, on: dt.date) -> NotEncoded | None:
    """Return the rule set's finding that it has no ``rule_id`` for an event on ``on``.

    ``None`` when a version of the rule is in force on ``on``, or when the rule set records
    no finding (the rule set then says nothing either way).
    """
    if rule_id in rule_set.rule_ids and any(
        rule.edition.in_force_on(on) for rule in rule_set.versions(rule_id)
    ):
        return None
    for gap in rule_set.not_encoded:
        if gap.rule_id == rule_id and gap.applies_on(on):
            return gap
    return None


def family_deadlines(
    rule_set: RuleSet,
    rule_ids: Iterable[str],
    starts: Mapping[StartEvent, dt.date | None],
    *,
    anchors: Mapping[StartEvent, dt.date | None],
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
) -> tuple[Deadline, ...]:
    """Deadlines of those ``rule_ids`` the rule set has and whose start event is known.

    The edition of each rule is the one in force on ``anchors[first version's start event]``
    (falling back to that start event's own date). A rule with no version in force then is
    left out: ask :func:`finding_for` whether the rule set says why.

    :raises CalendarRangeError: for a date outside the calendar's coverage.
    """
    calendar = calendar_for(rule_set.division, overlay=rule_set.overlay if use_overlay else None)
    found = []
    for rule_id in rule_ids:
        if rule_id not in rule_set.rule_ids:
            continue
        versions = rule_set.versions(rule_id)
        first_event = versions[0].start_event
        anchor = anchors.get(first_event) or starts.get(first_event)
        if anchor is None:
            continue
        try:
            rule = rule_set.rule(rule_id, on=anchor)
        except NoEditionInForceError:
            continue
        start = starts.get(rule.start_event)
        if start is None:
            continue
        found.append(
            Deadline.compute(
                rule,
                start,
                calendar,
                rule_set=rule_set.name,
                counting=counting,
                anchor=anchor,
                edition_uncertain=near_unconfirmed(anchor, versions, rule_set.editions),
            )
        )
    return tuple(sorted(found, key=lambda d: (d.due, d.rule.id)))


def adult_deadlines(
    rule_set: RuleSet,
    events: AdultEnquiryEvents,
    *,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
) -> tuple[Deadline, ...]:
    """Every adult-at-risk deadline that follows from ``events``, soonest first.

    >>> import datetime as dt
    >>> from safeguarding_rules import get_rule_set
    >>> events = AdultEnquiryEvents(report_received=dt.date(2024, 3, 28))
    >>> (enquiry,) = adult_deadlines(get_rule_set("wales"), events)
    >>> enquiry.rule.id, enquiry.due.isoformat(), enquiry.rule.confidence.value
    ('adult_enquiry', '2024-04-10', 'C1')
    """
    report = events.report_received
    return family_deadlines(
        rule_set,
        ADULT_RULE_IDS,
        events.start_dates(),
        anchors={
            StartEvent.ADULT_REPORT_RECEIVED: report,
            StartEvent.ADULT_ENQUIRY_CONCLUDED: report,
        },
        counting=counting,
        use_overlay=use_overlay,
    )


def return_interview_deadline(rule_set: RuleSet, events: MissingEpisodeEvents) -> Deadline | None:
    """Return the return-interview deadline of one missing episode (``None``: not encoded).

    >>> import datetime as dt
    >>> from safeguarding_rules import get_rule_set
    >>> due = return_interview_deadline(
    ...     get_rule_set("england"), MissingEpisodeEvents(returned=dt.date(2024, 3, 29))
    ... )
    >>> due.due.isoformat(), due.rule.n, due.rule.unit.value
    ('2024-04-01', 72, 'hours')
    """
    found = family_deadlines(rule_set, MISSING_RULE_IDS, events.start_dates(), anchors={})
    return found[0] if found else None


def hours_due_at(rule: Rule, start: dt.datetime) -> dt.datetime:
    """Return the moment an hours rule falls due: ``rule.n`` elapsed hours from ``start``.

    A naive ``start`` is UK local time (``Europe/London``; in the repeated hour of October
    the first, summer-time, reading). The arithmetic is done in UTC, so a change of clocks
    in between does not change the elapsed time; the result is in UK time.

    >>> import datetime as dt
    >>> from safeguarding_rules import get_rule_set
    >>> rule = get_rule_set("england").rule("return_interview", on=dt.date(2024, 3, 29))
    >>> hours_due_at(rule, dt.datetime(2024, 3, 29, 18, 0)).isoformat()
    '2024-04-01T19:00:00+01:00'

    :raises ValueError: if the rule is not counted in hours.
    """
    if rule.unit is not Unit.HOURS:
        raise ValueError(f"rule {rule.id!r} is counted in {rule.unit.value}, not hours")
    aware = start if start.tzinfo is not None else start.replace(tzinfo=UK_TIME)
    sign = 1 if rule.direction is Direction.AFTER else -1
    due = aware.astimezone(dt.UTC) + dt.timedelta(hours=sign * rule.n)
    return due.astimezone(UK_TIME)


def hours_as_days(rule: Rule) -> int:
    """Return the calendar days an hours rule is taken as when only dates are recorded."""
    return math.ceil(rule.n / 24)
