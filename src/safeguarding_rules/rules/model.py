"""Rules and the editions of guidance they come from: the leaf of the rules layer.

A :class:`Rule` is one timescale ("an initial conference within 15 working days of the
strategy discussion") as one edition of one instrument states it. A rule *id* such as
``"icpc"`` can have several versions, one per edition, whose effective ranges must neither
overlap nor leave gaps. Rule sets, which collect rule versions with a calendar, are in
:mod:`.rule_set`.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Iterable, Mapping

import attrs

from .._errors import SafeguardingRulesError
from .._explain import N_, Iso, Phrase, phrase
from .._explain import render_phrase as english_phrase
from .._validators import optional_plain_date
from .evidence import Evidence, evidence_field

__all__ = [
    "FAMILY_EVENTS",
    "MAX_N",
    "ConferenceType",
    "Confidence",
    "Counting",
    "Direction",
    "Edition",
    "FieldError",
    "NoEditionInForceError",
    "Rule",
    "RuleSetDefinitionError",
    "StartEvent",
    "Unit",
    "check_edition_ranges",
    "editions_chain",
]


class RuleSetDefinitionError(SafeguardingRulesError, ValueError):
    """A rule set, or a local plugin's changes to one, is inconsistent."""


class FieldError(RuleSetDefinitionError):
    """One field of a rule, quorum rule or rule set has a value that cannot be right.

    ``field`` names the field and ``problem`` says what is wrong with it, so that a rule
    file can report them against its own table and key.
    """

    def __init__(self, owner: str, field: str, problem: str) -> None:
        self.owner = owner
        self.field = field
        self.problem = problem
        super().__init__(f"{owner}: {field} {problem}" if owner else f"{field} {problem}")


class NoEditionInForceError(SafeguardingRulesError, LookupError):
    """No encoded edition of a rule was in force on the date asked about."""


class Confidence(enum.Enum):
    """How well a rule's value and source are confirmed (the rules catalogue's tags)."""

    #: Confirmed from a primary or official text that was read.
    C1 = "C1"
    #: Confirmed only from secondary sources that quote or implement the rule.
    C2 = "C2"
    #: Not found in an available source: a best belief, shown as such wherever it is used.
    UNCONFIRMED = "UNCONFIRMED"


class Unit(enum.Enum):
    """The unit a rule's offset is counted in."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"


#: The largest ``n`` of a rule in each unit: about ten years of it. The longest timescale
#: encoded is 45 working days, 28 calendar days, 26 weeks, 6 months or 72 hours; ten years
#: from any covered date stays within 1996 to 2040, so a count gives a date or says it is
#: outside the calendar's coverage, and never overflows Python's dates (years 1 to 9999).
MAX_N: Mapping[Unit, int] = {
    Unit.WORKING_DAYS: 2_600,
    Unit.CALENDAR_DAYS: 3_650,
    Unit.WEEKS: 520,
    Unit.MONTHS: 120,
    Unit.HOURS: 87_600,
}


class Direction(enum.Enum):
    """Whether the deadline falls after its start event, or before it (report deadlines)."""

    AFTER = "after"
    BEFORE = "before"


class Counting(enum.Enum):
    """Which day is day 0.

    ``EVENT_DAY_IS_DAY_0`` (the default): the event day is not counted, and the deadline is
    the n-th unit after it. This is the convention of the DfE's timeliness bands and of the
    local reports this library grew from ("19 working days" late, Conwy 2014-15).

    ``EVENT_DAY_IS_DAY_1``: the event day counts as the first of the n units, so every
    deadline is one day (working day, for working-day rules) earlier. For working days this
    is ``add_working_days(event, n - 1)``, which reproduces pandas
    ``CustomBusinessDay(n - 1)`` as csc-validator-be-cin uses it: a non-working event day
    behaves as the working day before it, except that for ``n == 1`` it rolls forward to the
    next working day (as ``CustomBusinessDay(0)`` does). Statutes that say "beginning with
    the day on which" (care proceedings) use this convention whatever the caller asks for.
    """

    EVENT_DAY_IS_DAY_0 = "day0"
    EVENT_DAY_IS_DAY_1 = "day1"


class ConferenceType(enum.Enum):
    """The kinds of child protection conference."""

    INITIAL = "initial"
    REVIEW = "review"
    TRANSFER_IN = "transfer_in"
    PRE_BIRTH = "pre_birth"


class StartEvent(enum.Enum):
    """The event a rule counts from, with the wording used in explanations.

    Each member's value is its short code, so ``StartEvent(value)`` looks a member up and
    members pickle by value; :attr:`description` is the wording.
    """

    STRATEGY_DISCUSSION_INITIATING = "strategy_discussion_initiating"
    STRATEGY_DISCUSSION_LAST = "strategy_discussion_last"
    REFERRAL = "referral"
    ENQUIRY_START = "enquiry_start"
    CORE_ASSESSMENT_START = "core_assessment_start"
    CONCERN_NOTIFIED = "concern_notified"
    TRANSFER_NOTIFIED = "transfer_notified"
    INITIAL_CONFERENCE = "initial_conference"
    PREVIOUS_REVIEW = "previous_review"
    PREVIOUS_CORE_GROUP = "previous_core_group"
    CONFERENCE = "conference"
    BECAME_LOOKED_AFTER = "became_looked_after"
    FIRST_LAC_REVIEW = "first_lac_review"
    PREVIOUS_LAC_REVIEW = "previous_lac_review"
    APPLICATION_ISSUED = "application_issued"
    # Adults at risk and children missing from home or care (rules.families).
    ADULT_REPORT_RECEIVED = "adult_report_received"
    ADULT_ENQUIRY_CONCLUDED = "adult_enquiry_concluded"
    ADULT_PREVIOUS_PLAN_MEETING = "adult_previous_plan_meeting"
    CHILD_RETURNED = "child_returned"
    CHILD_FOUND = "child_found"

    @property
    def description(self) -> str:
        """The event in words, as explanations use it, e.g. ``"receipt of the referral"``."""
        return _START_EVENT_WORDING[self]


_START_EVENT_WORDING: Mapping[StartEvent, str] = {
    StartEvent.STRATEGY_DISCUSSION_INITIATING: N_(
        "the strategy discussion at which enquiries were initiated"
    ),
    StartEvent.STRATEGY_DISCUSSION_LAST: N_("the last strategy discussion held"),
    StartEvent.REFERRAL: N_("receipt of the referral"),
    StartEvent.ENQUIRY_START: N_("the start of the enquiries"),
    StartEvent.CORE_ASSESSMENT_START: N_("the start of the core assessment"),
    StartEvent.CONCERN_NOTIFIED: N_("notification of the child protection concern"),
    StartEvent.TRANSFER_NOTIFIED: N_("notification of the transfer-in"),
    StartEvent.INITIAL_CONFERENCE: N_("the initial child protection conference"),
    StartEvent.PREVIOUS_REVIEW: N_("the previous review conference"),
    StartEvent.PREVIOUS_CORE_GROUP: N_("the previous core group meeting"),
    StartEvent.CONFERENCE: N_("the conference"),
    StartEvent.BECAME_LOOKED_AFTER: N_("the day the child became looked after"),
    StartEvent.FIRST_LAC_REVIEW: N_("the first looked-after review"),
    StartEvent.PREVIOUS_LAC_REVIEW: N_("the previous looked-after review"),
    StartEvent.APPLICATION_ISSUED: N_("the issue of the care application"),
    StartEvent.ADULT_REPORT_RECEIVED: N_(
        "receipt by the local authority of the report (safeguarding concern) about the adult"
    ),
    StartEvent.ADULT_ENQUIRY_CONCLUDED: N_("the conclusion of the enquiries"),
    StartEvent.ADULT_PREVIOUS_PLAN_MEETING: N_(
        "the previous strategy meeting, conference or review of the adult protection plan"
    ),
    StartEvent.CHILD_RETURNED: N_("the child's return from being missing"),
    StartEvent.CHILD_FOUND: N_("the young person being found"),
}


@attrs.frozen(kw_only=True)
class Edition:
    """One edition of an instrument (guidance, procedures, regulations), with its dates.

    ``effective_to`` is the last day in force, or ``None`` while current.
    """

    #: Short stable id, e.g. ``"wt2015"``.
    id: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Full title, e.g. ``"Working Together to Safeguard Children 2015"``.
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    #: First day in force.
    effective_from: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    #: Last day in force, or ``None`` while current.
    effective_to: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Confidence in the effective dates (often weaker than in the rule values).
    dates_confidence: Confidence = attrs.field(
        default=Confidence.UNCONFIRMED, validator=attrs.validators.instance_of(Confidence)
    )
    #: Where the dates come from; for UNCONFIRMED dates, what is missing to confirm them.
    dates_source: str = ""
    #: Quoted passages supporting the dates (see :class:`Evidence`).
    evidence: tuple[Evidence, ...] = evidence_field()

    @effective_to.validator
    def _check_range(self, _: object, value: dt.date | None) -> None:
        if value is not None and value < self.effective_from:
            raise RuleSetDefinitionError(
                f"edition {self.id!r} ends ({value}) before it starts ({self.effective_from})"
            )

    def in_force_on(self, day: dt.date) -> bool:
        """Whether this edition was in force on ``day``."""
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def describe(self) -> str:
        """Say the title and dates, with the dates' confidence."""
        return english_phrase(self.description)

    @property
    def description(self) -> Phrase:
        """:meth:`describe` as a phrase to render in any language (the title stays as it is)."""
        return phrase(
            N_("{title} (in force {start} to {end}; dates {confidence})"),
            title=self.title,
            start=Iso(self.effective_from),
            end=Iso(self.effective_to) if self.effective_to else phrase(N_("current")),
            confidence=self.dates_confidence.value,
        )


def _conference_types(value: Iterable[ConferenceType]) -> frozenset[ConferenceType]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class Rule:
    """One timescale, as one edition states it.

    The deadline is ``n`` ``unit`` after (or before) ``start_event``.
    """

    #: Stable id shared by every edition's version, e.g. ``"icpc"``.
    id: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Short title, e.g. ``"Initial child protection conference"``.
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The offset.
    n: int = attrs.field()
    #: Its unit.
    unit: Unit = attrs.field(validator=attrs.validators.instance_of(Unit))
    #: What it counts from.
    start_event: StartEvent = attrs.field(validator=attrs.validators.instance_of(StartEvent))
    #: The edition this version belongs to.
    edition: Edition = attrs.field(validator=attrs.validators.instance_of(Edition))
    #: Citation: document, chapter or paragraph, and where it was read.
    source: str = attrs.field(validator=attrs.validators.min_len(1))
    #: How well the value and source are confirmed.
    confidence: Confidence = attrs.field(validator=attrs.validators.instance_of(Confidence))
    #: After the start event (deadlines) or before it (report deadlines).
    direction: Direction = attrs.field(
        default=Direction.AFTER, validator=attrs.validators.instance_of(Direction)
    )
    #: For ``CONFERENCE``-anchored rules: the conference types it applies to.
    conference_types: frozenset[ConferenceType] = attrs.field(
        default=frozenset(), converter=_conference_types
    )
    #: A counting convention fixed by the source itself (``None``: the caller's choice).
    counting: Counting | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Counting))
    )
    #: Anything a reader must know: conflicts between sources, local practice, caveats.
    notes: str = ""
    #: Quoted passages supporting the value and source (see :class:`Evidence`).
    evidence: tuple[Evidence, ...] = evidence_field()
    #: For an UNCONFIRMED rule, what is missing to confirm it (required then).
    unconfirmed_reason: str = attrs.field(default="")

    @unconfirmed_reason.validator
    def _check_reason(self, _: object, value: str) -> None:
        if self.confidence is Confidence.UNCONFIRMED and not value.strip():
            raise RuleSetDefinitionError(
                f"rule {self.id!r} ({self.edition.id}) is UNCONFIRMED: say what is missing to "
                "confirm it (unconfirmed_reason)"
            )

    @n.validator
    def _check_n(self, _: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(f"rule {self.id!r}", "n", f"must be a whole number, got {value!r}")
        if value < 1:
            # Every encoded timescale is at least 1 unit: "within 0 days" is the event day
            # itself, which no procedure means (the conformance kit refuses it too).
            raise FieldError(f"rule {self.id!r}", "n", f"must be at least 1, got {value}")
        limit = MAX_N.get(self.unit) if isinstance(self.unit, Unit) else None
        if limit is not None and value > limit:
            raise FieldError(
                f"rule {self.id!r}",
                "n",
                f"must be at most {limit:,} {self.unit.value.replace('_', ' ')} (about ten "
                f"years, far beyond any procedure), got {value}",
            )

    @property
    def wording(self) -> str:
        """The rule in words, e.g. ``"within 15 working days after the ..."``."""
        return english_phrase(self.wording_phrase)

    @property
    def wording_phrase(self) -> Phrase:
        """:attr:`wording` as a phrase to render in any language."""
        unit = phrase(_UNIT_WORDS[self.unit][self.n == 1])
        event = phrase(self.start_event.description)
        if self.direction is Direction.BEFORE:
            return phrase(
                N_("at least {n} {unit} before {event}"), n=self.n, unit=unit, event=event
            )
        return phrase(N_("within {n} {unit} of {event}"), n=self.n, unit=unit, event=event)


#: Each unit in words: (more than one, exactly one).
_UNIT_WORDS: Mapping[Unit, tuple[str, str]] = {
    Unit.WORKING_DAYS: (N_("working days"), N_("working day")),
    Unit.CALENDAR_DAYS: (N_("calendar days"), N_("calendar day")),
    Unit.WEEKS: (N_("weeks"), N_("week")),
    Unit.MONTHS: (N_("months"), N_("month")),
    Unit.HOURS: (N_("hours"), N_("hour")),
}


def check_edition_ranges(name: str, rules: Iterable[Rule]) -> None:
    """Raise unless each rule id's editions are ordered, contiguous and non-overlapping."""
    by_id: dict[str, list[Rule]] = {}
    for rule in rules:
        by_id.setdefault(rule.id, []).append(rule)
    for rule_id, versions in by_id.items():
        versions.sort(key=lambda r: r.edition.effective_from)
        for earlier, later in itertools.pairwise(versions):
            end = earlier.edition.effective_to
            if end is None or end >= later.edition.effective_from:
                raise RuleSetDefinitionError(
                    f"rule set {name!r}: editions {earlier.edition.id!r} and "
                    f"{later.edition.id!r} of rule {rule_id!r} overlap"
                )
            if end + dt.timedelta(days=1) != later.edition.effective_from:
                raise RuleSetDefinitionError(
                    f"rule set {name!r}: rule {rule_id!r} has a gap between editions "
                    f"{earlier.edition.id!r} (to {end}) and {later.edition.id!r} "
                    f"(from {later.edition.effective_from})"
                )


def editions_chain(
    *editions: tuple[str, str, dt.date, Confidence, str] | Edition,
) -> Mapping[str, Edition]:
    """Build contiguous editions from :class:`Edition` objects or ``(id, title, start, ...)``.

    A tuple is ``(id, title, effective_from, confidence, source)``. Each edition ends the day
    before the next begins (its ``effective_to`` is replaced); the last is current.
    """
    items = [
        edition
        if isinstance(edition, Edition)
        else Edition(
            id=edition[0],
            title=edition[1],
            effective_from=edition[2],
            dates_confidence=edition[3],
            dates_source=edition[4],
        )
        for edition in editions
    ]
    built: dict[str, Edition] = {}
    for edition, following in itertools.zip_longest(items, items[1:]):
        end = following.effective_from - dt.timedelta(days=1) if following else None
        built[edition.id] = attrs.evolve(edition, effective_to=end)
    return built


#: Start events of the adult-at-risk and missing-episode rule families, which a child's
#: :class:`~safeguarding_rules.CaseEvents` never carries (see :mod:`.families`).
FAMILY_EVENTS = frozenset(
    {
        StartEvent.ADULT_REPORT_RECEIVED,
        StartEvent.ADULT_ENQUIRY_CONCLUDED,
        StartEvent.ADULT_PREVIOUS_PLAN_MEETING,
        StartEvent.CHILD_RETURNED,
        StartEvent.CHILD_FOUND,
    }
)
