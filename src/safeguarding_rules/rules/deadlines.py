"""Deadlines that explain themselves: which rule, which edition, from which event, and how.

Choosing the edition
    Each deadline uses the edition of its rule that was in force on the date of its
    *anchoring event*. For rules counted from a strategy discussion that is the **first**
    strategy discussion held (when the enquiry process began), so a case whose strategy
    discussions straddle a change of guidance keeps the edition it started under; that
    edition's own wording then decides which discussion the count runs from (the last one
    under *Working Together* 2013, the one that initiated section 47 enquiries from 2015).
    For every other rule it is the date of the rule's own start event, so a first review
    counts under the edition in force on the day of the initial conference. The sources do
    not say how authorities handled cases that straddled a change (rules catalogue s9).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Callable, Iterable

import attrs

from .._dates import add_months
from .._errors import CalendarRangeError
from .._explain import (
    N_,
    Explanation,
    Iso,
    Line,
    Ordinal,
    Phrase,
    Quoted,
    Term,
    english,
    line,
    phrase,
)
from ..calendar import NonWorkingDay, WorkingDayCalendar, skipped_lines
from .case import CaseEvents, StrategyDiscussion
from .model import FAMILY_EVENTS, Confidence, Counting, Direction, Edition, Rule, StartEvent, Unit

__all__ = [
    "BOUNDARY_MARGIN",
    "EVENT_DATES",
    "FINGERPRINT_PREFIX",
    "STRATEGY_EVENTS",
    "Deadline",
    "DeadlineSet",
    "NotComputable",
    "near_unconfirmed",
]

#: Starts every :attr:`Deadline.fingerprint`; it changes only if what a fingerprint covers does.
FINGERPRINT_PREFIX = "sgr1-"


@attrs.frozen(kw_only=True)
class Deadline:
    """A due date, with everything needed to explain and audit it.

    Build one with :meth:`Deadline.compute` or :func:`compute_deadlines`.
    """

    #: The rule version applied (id, title, value, unit, edition, source, confidence).
    rule: Rule
    #: Name of the rule set it came from.
    rule_set: str
    #: The due date.
    due: dt.date
    #: The date of the start event.
    start: dt.date
    #: The counting convention applied.
    counting: Counting
    #: Calendar division whose working days were used.
    division: str
    #: Name of the local overlay used, or ``None``.
    overlay: str | None
    #: Non-working days skipped (working-day rules only), in date order.
    skipped: tuple[NonWorkingDay, ...]
    #: Whether the due date is a working day in that calendar.
    due_is_working_day: bool
    #: Why the due date is not a working day, if it is not.
    due_non_working_reason: str | None
    #: Whether the count reaches a year where one-off bank holidays may yet be announced.
    provisional: bool
    #: The date that chose the edition (see the module docstring).
    anchor: dt.date
    #: Whether ``anchor`` lies within :data:`BOUNDARY_MARGIN` of an edition boundary of this
    #: rule whose date is UNCONFIRMED, so that another edition may have applied.
    edition_uncertain: bool
    #: The calendar's :attr:`~safeguarding_rules.WorkingDayCalendar.data_version`: which
    #: days counted.
    calendar_version: str

    @property
    def unconfirmed(self) -> bool:
        """Whether the rule is UNCONFIRMED, or its edition may be the wrong one."""
        return self.rule.confidence is Confidence.UNCONFIRMED or self.edition_uncertain

    @property
    def fingerprint(self) -> str:
        """A stable id of *how* this due date was computed, for systems that store it.

        It covers the rule set's name, the rule version's own definition (id, value, unit,
        direction, start event, conference types, and its edition's id and dates), the
        counting convention applied, the calendar division and overlay, and which days that
        calendar counts (:attr:`calendar_version`). It does not cover the event dates, so
        it is the same for every case counted under the same rule version and calendar.

        Store it beside the due date: when a release changes the rule, its edition dates
        or the bank holidays, the fingerprint changes, and the stored due dates whose
        fingerprint is no longer produced are the ones to recompute. A correction to a
        rule's source, evidence or notes, or a new version of a package that leaves every
        day's status unchanged, does not change it.
        """
        rule, edition = self.rule, self.rule.edition
        parts = {
            "rule_set": self.rule_set,
            "rule": rule.id,
            "edition": edition.id,
            "effective_from": edition.effective_from.isoformat(),
            "effective_to": edition.effective_to.isoformat() if edition.effective_to else None,
            "n": rule.n,
            "unit": rule.unit.value,
            "direction": rule.direction.value,
            "start_event": rule.start_event.value,
            "conference_types": sorted(t.value for t in rule.conference_types),
            "counting": self.counting.value,
            "division": self.division,
            "overlay": self.overlay,
            "calendar": self.calendar_version,
        }
        text = json.dumps(parts, sort_keys=True, separators=(",", ":"))
        import hashlib  # here, not at the top: OpenSSL's start-up is a cost only fingerprints pay

        return FINGERPRINT_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]

    @property
    def summary(self) -> str:
        """One line for a tooltip or a list: what is due when, under which rule and edition.

        :meth:`explain` gives the whole reasoning; this line starts with ``UNCONFIRMED:``
        or ``PROVISIONAL:`` when either applies, as the explanation does.
        """
        rule = self.rule
        flags = "".join(
            f"{flag}: "
            for flag, applies in (
                ("UNCONFIRMED", self.unconfirmed),
                ("PROVISIONAL", self.provisional),
            )
            if applies
        )
        return (
            f"{flags}{rule.title} due {self.due.isoformat()}: {rule.wording} "
            f"({self.start.isoformat()}); rule {rule.id!r}, edition {rule.edition.id}, "
            f"{rule.confidence.value}."
        )

    @classmethod
    def compute(
        cls,
        rule: Rule,
        start: dt.date,
        calendar: WorkingDayCalendar,
        *,
        rule_set: str,
        counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
        anchor: dt.date | None = None,
        edition_uncertain: bool | None = None,
    ) -> Deadline:
        """Apply ``rule`` to an event on ``start``, counting on ``calendar``.

        ``anchor`` is the date that chose the edition (``start`` if not given).
        ``edition_uncertain`` defaults to whether ``anchor`` is near the start of ``rule``'s
        own edition while that date is UNCONFIRMED; :func:`compute_deadlines` also checks
        the boundaries with the rule's other editions.

        :raises CalendarRangeError: if ``start`` or the due date is outside the calendar.
        """
        calendar.non_working_day(start)  # outside the coverage: refused before any arithmetic
        convention = rule.counting or counting
        sign = 1 if rule.direction is Direction.AFTER else -1
        # Day 1 applies only to counting forward; "n days before" never counts the event day.
        day1 = convention is Counting.EVENT_DAY_IS_DAY_1 and sign > 0
        skipped: tuple[NonWorkingDay, ...] = ()
        if rule.unit is Unit.WORKING_DAYS:
            n = sign * rule.n - (1 if day1 and rule.n > 0 else 0)
            if day1 and n == 0:
                # pandas CustomBusinessDay(0) rolls a non-working day forward.
                n = 0 if calendar.is_working_day(start) else 1
            counted = calendar.count(start, n)
            due, skipped = counted.result, counted.skipped
        else:
            due = _calendar_offset(rule, start, sign) - dt.timedelta(days=1 if day1 else 0)
        non_working = calendar.non_working_day(due)  # also checks the range
        return cls(
            rule=rule,
            rule_set=rule_set,
            due=due,
            start=start,
            counting=convention,
            division=calendar.division.name,
            overlay=calendar.overlay.name if calendar.overlay else None,
            skipped=skipped,
            due_is_working_day=non_working is None,
            due_non_working_reason=None if non_working is None else non_working.reason,
            provisional=calendar.is_provisional(max(start, due)),
            anchor=anchor or start,
            edition_uncertain=(
                _near(anchor or start, _unconfirmed_starts([rule.edition]))
                if edition_uncertain is None
                else edition_uncertain
            ),
            calendar_version=calendar.data_version,
        )

    def explain(self) -> str:
        """Say in plain English what is due, under which rule, from what, and how counted."""
        return english(self.explanation())

    def explanation(self) -> Explanation:
        """:meth:`explain` as lines to render in any language (see ``reports.i18n``)."""
        rule, edition = self.rule, self.rule.edition
        lines: list[Line] = []
        if rule.confidence is Confidence.UNCONFIRMED:
            lines.append(line(phrase(N_(
                "UNCONFIRMED: this rule's value and source could not be confirmed from an "
                "available source; check it before relying on this date."
            ))))  # fmt: skip
        if self.edition_uncertain:
            lines.append(line(phrase(
                N_("UNCONFIRMED edition boundary: {anchor} is within {days} days of a start or "
                   "end date of {edition}, and those dates are UNCONFIRMED; another edition may "
                   "have applied."),
                anchor=Iso(self.anchor), days=BOUNDARY_MARGIN.days, edition=edition.title,
            )))  # fmt: skip
        lines += [
            line(
                phrase(
                    N_("{title}: due {due} ({due_iso})."),
                    title=Term(f"rule:{rule.id}", rule.title),
                    due=self.due,
                    due_iso=Iso(self.due),
                )
            ),
            *_rule_lines(rule, self.rule_set, self.start),
            line(*self._counting_phrases()),
        ]
        if self.skipped:
            lines += skipped_lines(self.skipped)
        reason = Term("day", self.due_non_working_reason or "")
        if not self.due_is_working_day and rule.unit is Unit.HOURS:
            lines.append(line(phrase(
                N_("The due date is not a working day ({reason}); the hours run through it, so "
                   "it is not moved."),
                reason=reason,
            )))  # fmt: skip
        elif not self.due_is_working_day:
            lines.append(line(phrase(
                N_("The due date is not a working day ({reason}); it is not moved, so the last "
                   "working day before it is the practical deadline."),
                reason=reason,
            )))  # fmt: skip
        if rule.notes:
            lines.append(line(phrase(N_("Note: {note}"), note=rule.notes)))
        if self.provisional:
            lines.append(self.provisional_line())
        return tuple(lines)

    @staticmethod
    def provisional_line() -> Line:
        """Say why a :attr:`provisional` due date may yet change (the explanation's last line)."""
        return line(phrase(N_(
            "PROVISIONAL: the count reaches 2029 or later, where one-off bank holidays "
            "may yet be announced."
        )))  # fmt: skip

    def _counting_phrases(self) -> tuple[Phrase, ...]:
        rule = self.rule
        calendar = (
            phrase(N_("the {division} calendar with the local overlay {overlay}"),
                   division=self.division, overlay=Quoted(self.overlay))
            if self.overlay
            else phrase(N_("the {division} calendar"), division=self.division)
        )  # fmt: skip
        if rule.unit is Unit.WORKING_DAYS:
            if rule.direction is Direction.BEFORE:
                message = N_(
                    "The due date is the {nth} working day before the event in {calendar}; the "
                    "event day itself is not counted."
                )
                nth = rule.n
            elif self.counting is Counting.EVENT_DAY_IS_DAY_1:
                message = N_(
                    "The event day counts as day 1 (convention day1), so the due date is the "
                    "{nth} working day after it in {calendar}."
                )
                # One working day from a non-working event day is the next working day
                # (see compute), not the event day itself.
                nth = rule.n - 1 or (0 if self.due == self.start else 1)
            elif self.overlay:
                message = N_(
                    "The event day is day 0 and is not counted; the due date is the {nth} "
                    "working day after it in {calendar} (weekends, bank holidays and the "
                    "overlay's closures skipped)."
                )
                nth = rule.n
            else:
                message = N_(
                    "The event day is day 0 and is not counted; the due date is the {nth} "
                    "working day after it in {calendar} (weekends and bank holidays skipped)."
                )
                nth = rule.n
            return (phrase(message, nth=Ordinal(nth), calendar=calendar),)
        if rule.unit is Unit.HOURS:
            message = (
                N_("{n} hours are elapsed time (nights, weekends and bank holidays count). With "
                   "no time of day recorded they are taken as {days} calendar day(s) after the "
                   "event's date, at the same time of day, which is lenient by less than a day.")
                if rule.direction is Direction.AFTER
                else N_("{n} hours are elapsed time (nights, weekends and bank holidays count). "
                        "With no time of day recorded they are taken as {days} calendar day(s) "
                        "before the event's date, at the same time of day, which is lenient by "
                        "less than a day.")
            )  # fmt: skip
            return (phrase(message, n=rule.n, days=math.ceil(rule.n / 24)),)
        day1 = phrase(
            N_("The event day counts as day 1, so the due date is one day earlier than counting "
               "it as day 0.")
            if self.counting is Counting.EVENT_DAY_IS_DAY_1 and rule.direction is Direction.AFTER
            else N_("The event day is day 0.")
        )  # fmt: skip
        return (phrase(_CALENDAR_UNIT_SENTENCES[rule.unit]), day1)


#: How a deadline counted in calendar units is counted, by unit.
_CALENDAR_UNIT_SENTENCES = {
    Unit.MONTHS: N_(
        "Calendar months: the same day of the month, clamped to the month's last day when the "
        "month is shorter (31 January + 1 month = 28 or 29 February)."
    ),
    Unit.CALENDAR_DAYS: N_("Calendar calendar days: weekends and bank holidays count."),
    Unit.WEEKS: N_("Calendar weeks: weekends and bank holidays count."),
}


def _rule_lines(rule: Rule, rule_set: str, start: dt.date) -> tuple[Line, ...]:
    """Return the lines saying which rule, source and edition, and counted from what."""
    return (
        *_rule_source_lines(rule, rule_set),
        line(phrase(N_("Counted from {event}: {start}."),
                    event=phrase(rule.start_event.description), start=start)),
    )  # fmt: skip


@functools.lru_cache(maxsize=1024)
def _rule_source_lines(rule: Rule, rule_set: str) -> tuple[Line, ...]:
    # The same for every deadline of a rule version: built once (explanations are many).
    return (
        line(phrase(N_("Rule {rule} of rule set {rule_set}: {wording}."),
                    rule=Quoted(rule.id), rule_set=Quoted(rule_set), wording=rule.wording_phrase)),
        line(phrase(N_("Source: {source}. Confidence: {confidence}."),
                    source=rule.source, confidence=rule.confidence.value)),
        line(phrase(N_("Edition: {edition}."), edition=rule.edition.description)),
    )  # fmt: skip


@attrs.frozen(kw_only=True)
class NotComputable:
    """A deadline that follows from the events but cannot be computed, and why.

    Today the one cause is a count that starts or ends outside the calendar's coverage (a
    first review that falls in 2031): the case's other deadlines are still computed.
    """

    #: The rule version that applies.
    rule: Rule
    #: Name of the rule set.
    rule_set: str
    #: The date of the start event.
    start: dt.date
    #: The date that chose the edition.
    anchor: dt.date
    #: Why it cannot be computed, in words.
    reason: str
    #: The date the calendar refused: the start, if it is outside the coverage; the due
    #: date, for a rule counted in calendar days, weeks or months that ends outside it; and
    #: the start again for a count of working days that runs past the coverage (where such a
    #: count would end is not known without that year's bank holidays).
    day: dt.date

    @classmethod
    def from_error(
        cls,
        rule: Rule,
        error: CalendarRangeError,
        *,
        rule_set: str,
        start: dt.date,
        anchor: dt.date,
    ) -> NotComputable:
        """Record that counting ``rule`` from ``start`` ran outside the calendar (``error``)."""
        return cls(
            rule=rule, rule_set=rule_set, start=start, anchor=anchor, reason=str(error),
            day=error.day,
        )  # fmt: skip

    @property
    def summary(self) -> str:
        """One line: which rule, from when, and why there is no date."""
        return (
            f"{self.rule.title}: not computable from {self.start.isoformat()} under rule "
            f"{self.rule.id!r}, edition {self.rule.edition.id}: {self.reason}"
        )

    def explain(self) -> str:
        """Say which rule applies, from what, and why no due date can be given."""
        return english(self.explanation())

    def explanation(self) -> Explanation:
        """:meth:`explain` as lines to render in any language (see ``reports.i18n``)."""
        rule = self.rule
        return (
            line(phrase(N_("{title}: NOT COMPUTABLE."), title=Term(f"rule:{rule.id}", rule.title))),
            *_rule_lines(rule, self.rule_set, self.start),
            line(phrase(N_("Why: {reason}."), reason=self.reason)),
        )


class DeadlineSet(tuple[Deadline, ...]):
    """The deadlines of a case, soonest first, and those that could not be computed.

    A tuple of :class:`Deadline` (code that unpacks or iterates the result keeps working),
    with :attr:`not_computable` beside it. Check :attr:`complete` before treating the
    tuple as every deadline of the case.
    """

    #: Deadlines that follow from the events but cannot be computed, with the reasons.
    not_computable: tuple[NotComputable, ...]

    def __new__(
        cls, deadlines: Iterable[Deadline] = (), not_computable: Iterable[NotComputable] = ()
    ) -> DeadlineSet:
        """Hold ``deadlines`` (soonest first) and the ``not_computable`` ones beside them."""
        made = super().__new__(cls, deadlines)
        made.not_computable = tuple(not_computable)
        return made

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """The deadlines computed, as a plain tuple."""
        return tuple(self)

    @property
    def complete(self) -> bool:
        """Whether every deadline that follows from the events was computed."""
        return not self.not_computable

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DeadlineSet):
            return tuple(self) == tuple(other) and self.not_computable == other.not_computable
        return tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((tuple(self), self.not_computable))

    def __reduce__(self) -> tuple[object, ...]:
        return (DeadlineSet, (tuple(self), self.not_computable))

    def __repr__(self) -> str:
        return f"DeadlineSet({tuple(self)!r}, not_computable={self.not_computable!r})"


#: How close to an UNCONFIRMED edition date an anchor must be for the edition to be in doubt.
#: Most UNCONFIRMED edition dates are known to the month or season, hence three months.
BOUNDARY_MARGIN = dt.timedelta(days=92)


def _unconfirmed_starts(editions: Iterable[Edition]) -> set[dt.date]:
    return {e.effective_from for e in editions if e.dates_confidence is Confidence.UNCONFIRMED}


def _near(anchor: dt.date, boundaries: Iterable[dt.date]) -> bool:
    return any(abs(anchor - boundary) <= BOUNDARY_MARGIN for boundary in boundaries)


def near_unconfirmed(
    anchor: dt.date, versions: Iterable[Rule], editions: Iterable[Edition]
) -> bool:
    """Whether ``anchor`` is near a boundary of a rule's ``versions`` whose date is UNCONFIRMED.

    A boundary is the start of a version, or the day after a version ends; its confidence
    is that of the edition starting on it, wherever among ``editions`` (every edition of the
    rule set) that edition is.
    """
    edges = set()
    for version in versions:
        edges.add(version.edition.effective_from)
        if version.edition.effective_to is not None:
            edges.add(version.edition.effective_to + dt.timedelta(days=1))
    return _near(anchor, edges & _unconfirmed_starts(editions))


def _calendar_offset(rule: Rule, start: dt.date, sign: int) -> dt.date:
    if rule.unit is Unit.CALENDAR_DAYS:
        return start + dt.timedelta(days=sign * rule.n)
    if rule.unit is Unit.WEEKS:
        return start + dt.timedelta(weeks=sign * rule.n)
    if rule.unit is Unit.MONTHS:
        return add_months(start, sign * rule.n)
    if rule.unit is Unit.HOURS:
        return start + dt.timedelta(days=sign * math.ceil(rule.n / 24))
    raise AssertionError(f"unhandled unit {rule.unit}")  # pragma: no cover


def _sd_date(
    pick: Callable[[CaseEvents], StrategyDiscussion | None],
) -> Callable[[CaseEvents], dt.date | None]:
    def get(events: CaseEvents) -> dt.date | None:
        found = pick(events)
        return None if found is None else found.date

    return get


EVENT_DATES: dict[StartEvent, Callable[[CaseEvents], dt.date | None]] = {
    StartEvent.STRATEGY_DISCUSSION_INITIATING: _sd_date(CaseEvents.initiating_strategy_discussion),
    StartEvent.STRATEGY_DISCUSSION_LAST: _sd_date(CaseEvents.last_strategy_discussion),
    StartEvent.REFERRAL: lambda e: e.referral,
    StartEvent.ENQUIRY_START: lambda e: e.enquiry_start,
    StartEvent.CORE_ASSESSMENT_START: lambda e: e.core_assessment_start,
    StartEvent.CONCERN_NOTIFIED: lambda e: e.concern_notified,
    StartEvent.TRANSFER_NOTIFIED: lambda e: e.transfer_notified,
    StartEvent.INITIAL_CONFERENCE: lambda e: e.initial_conference,
    StartEvent.PREVIOUS_REVIEW: lambda e: e.previous_review,
    StartEvent.PREVIOUS_CORE_GROUP: lambda e: e.previous_core_group,
    StartEvent.CONFERENCE: lambda e: e.conference.date if e.conference else None,
    StartEvent.BECAME_LOOKED_AFTER: lambda e: e.became_looked_after,
    StartEvent.FIRST_LAC_REVIEW: lambda e: e.first_lac_review,
    StartEvent.PREVIOUS_LAC_REVIEW: lambda e: e.previous_lac_review,
    StartEvent.APPLICATION_ISSUED: lambda e: e.application_issued,
    # Not events of a child's case: rules counted from these are applied by rules.families.
    **dict.fromkeys(FAMILY_EVENTS, lambda e: None),
}

STRATEGY_EVENTS = {StartEvent.STRATEGY_DISCUSSION_INITIATING, StartEvent.STRATEGY_DISCUSSION_LAST}
