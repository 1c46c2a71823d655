"""Rules, the editions of guidance they come from, and rule sets.

A :class:`Rule` is one timescale ("an initial conference within 15 working days of the
strategy discussion") as one edition of one instrument states it. A rule *id* such as
``"icpc"`` can have several versions, one per edition, whose effective ranges must neither
overlap nor leave gaps. A :class:`RuleSet` is a jurisdiction's (or a council's) collection
of rule versions, with the calendar its working days are counted on.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from ._calendar import LocalOverlay
from ._divisions import division_for
from ._errors import SafeguardingRulesError
from ._validators import optional_plain_date

if TYPE_CHECKING:
    from ._case import CaseEvents
    from ._deadlines import Deadline
    from ._quoracy import Attendance, QuorumResult, QuorumRule
    from ._reporting import ReportingPolicy

__all__ = [
    "ConferenceType",
    "Confidence",
    "Counting",
    "Direction",
    "Edition",
    "LocalRuleSet",
    "NoEditionInForceError",
    "Rule",
    "RuleSet",
    "RuleSetDefinitionError",
    "StartEvent",
    "Unit",
    "editions_chain",
]


class RuleSetDefinitionError(SafeguardingRulesError, ValueError):
    """A rule set, or a local plugin's changes to one, is inconsistent."""


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
    """The event a rule counts from, with the wording used in explanations."""

    def __init__(self, value: str, description: str) -> None:
        self._value_ = value
        self.description = description

    STRATEGY_DISCUSSION_INITIATING = (
        "strategy_discussion_initiating",
        "the strategy discussion at which enquiries were initiated",
    )
    STRATEGY_DISCUSSION_LAST = (
        "strategy_discussion_last",
        "the last strategy discussion held",
    )
    REFERRAL = ("referral", "receipt of the referral")
    ENQUIRY_START = ("enquiry_start", "the start of the enquiries")
    CORE_ASSESSMENT_START = ("core_assessment_start", "the start of the core assessment")
    CONCERN_NOTIFIED = ("concern_notified", "notification of the child protection concern")
    TRANSFER_NOTIFIED = ("transfer_notified", "notification of the transfer-in")
    INITIAL_CONFERENCE = ("initial_conference", "the initial child protection conference")
    PREVIOUS_REVIEW = ("previous_review", "the previous review conference")
    PREVIOUS_CORE_GROUP = ("previous_core_group", "the previous core group meeting")
    CONFERENCE = ("conference", "the conference")
    BECAME_LOOKED_AFTER = ("became_looked_after", "the day the child became looked after")
    FIRST_LAC_REVIEW = ("first_lac_review", "the first looked-after review")
    PREVIOUS_LAC_REVIEW = ("previous_lac_review", "the previous looked-after review")
    APPLICATION_ISSUED = ("application_issued", "the issue of the care application")


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
    #: Where the dates come from.
    dates_source: str = ""

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
        end = self.effective_to.isoformat() if self.effective_to else "current"
        return (
            f"{self.title} (in force {self.effective_from.isoformat()} to {end}; "
            f"dates {self.dates_confidence.value})"
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
    n: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.ge(0)])
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

    @n.validator
    def _check_n(self, _: object, value: int) -> None:
        if isinstance(value, bool):
            raise TypeError(f"rule {self.id!r}: n must be an int, got {value!r}")

    @property
    def wording(self) -> str:
        """The rule in words, e.g. ``"within 15 working days after the ..."``."""
        unit = self.unit.value.replace("_", " ")
        if self.n == 1:
            unit = unit.rstrip("s").replace("days", "day")
        if self.direction is Direction.BEFORE:
            return f"at least {self.n} {unit} before {self.start_event.description}"
        return f"within {self.n} {unit} of {self.start_event.description}"


def _rules_converter(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


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


@attrs.frozen(kw_only=True)
class RuleSet:
    """A jurisdiction's or a council's rules, and the calendar they are counted on."""

    #: Registered name, e.g. ``"england"`` or ``"conwy"``.
    name: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Human-readable title.
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Calendar division whose working days apply (see :func:`calendar_for`).
    division: str = attrs.field()
    #: Every version of every rule.
    rules: tuple[Rule, ...] = attrs.field(converter=_rules_converter)
    #: The enquiry these procedures follow, e.g. ``"section 47, Children Act 1989"``.
    enquiry: str = ""
    #: The first date the rule set claims to cover; events before it are refused. ``None``
    #: means the earliest edition's start.
    covers_from: dt.date | None = attrs.field(default=None)
    #: The rule set this one extends (``None`` for national rule sets).
    extends: str | None = None
    #: A local overlay of closures, off unless a caller asks for it.
    overlay: LocalOverlay | None = None
    #: The quorum of its conferences, if its sources give one.
    quorum: QuorumRule | None = attrs.field(default=None)
    #: How its authority reports performance (``None``: the national default).
    reporting: ReportingPolicy | None = attrs.field(default=None)
    #: What a reader should know about the rule set as a whole.
    notes: str = ""

    @quorum.validator
    def _check_quorum(self, _: object, value: object) -> None:
        from ._quoracy import QuorumRule

        if value is not None and not isinstance(value, QuorumRule):
            raise TypeError(f"rule set {self.name!r}: quorum must be a QuorumRule, got {value!r}")

    @reporting.validator
    def _check_reporting(self, _: object, value: object) -> None:
        from ._reporting import ReportingPolicy

        if value is not None and not isinstance(value, ReportingPolicy):
            raise TypeError(
                f"rule set {self.name!r}: reporting must be a ReportingPolicy, got {value!r}"
            )

    @division.validator
    def _check_division(self, _: object, value: str) -> None:
        division_for(value)

    @rules.validator
    def _check_rules(self, _: object, value: tuple[Rule, ...]) -> None:
        for rule in value:
            if not isinstance(rule, Rule):
                raise TypeError(f"rule set {self.name!r}: expected Rule, got {rule!r}")
        check_edition_ranges(self.name, value)

    @property
    def first_covered(self) -> dt.date:
        """The first date whose events this rule set covers."""
        if self.covers_from is not None:
            return self.covers_from
        return min(edition.effective_from for edition in self.editions)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Every rule id, in the order first defined."""
        return tuple(dict.fromkeys(rule.id for rule in self.rules))

    def versions(self, rule_id: str) -> tuple[Rule, ...]:
        """Every version of ``rule_id``, oldest first.

        :raises KeyError: naming the rule set and the known ids.
        """
        found = sorted(
            (rule for rule in self.rules if rule.id == rule_id),
            key=lambda r: r.edition.effective_from,
        )
        if not found:
            raise KeyError(
                f"rule set {self.name!r} has no rule {rule_id!r}; "
                f"known rules: {', '.join(self.rule_ids)}"
            )
        return tuple(found)

    def rule(self, rule_id: str, *, on: dt.date) -> Rule:
        """Return the version of ``rule_id`` in force on ``on``.

        :raises NoEditionInForceError: naming the date and the encoded range.
        """
        versions = self.versions(rule_id)
        for rule in versions:
            if rule.edition.in_force_on(on):
                return rule
        first = versions[0].edition.effective_from
        last = versions[-1].edition.effective_to
        span = f"{first.isoformat()} to {last.isoformat() if last else 'now'}"
        raise NoEditionInForceError(
            f"rule set {self.name!r} has no edition of rule {rule_id!r} in force on "
            f"{on.isoformat()}; encoded editions cover {span}"
        )

    def rules_in_force(self, on: dt.date) -> Iterator[Rule]:
        """Every rule version in force on ``on``."""
        return (rule for rule in self.rules if rule.edition.in_force_on(on))

    def deadlines(
        self,
        events: CaseEvents,
        *,
        counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
        use_overlay: bool = False,
    ) -> tuple[Deadline, ...]:
        """Every deadline that follows from ``events``; see :func:`compute_deadlines`."""
        from ._deadlines import compute_deadlines

        return compute_deadlines(self, events, counting=counting, use_overlay=use_overlay)

    def evaluate_quorum(
        self,
        attendances: Iterable[Attendance],
        *,
        conference_id: str | None = None,
        conference_type: ConferenceType | None = None,
        conference_date: dt.date | None = None,
        fii: bool = False,
        chair_reason: str | None = None,
    ) -> QuorumResult:
        """Decide whether a conference was quorate; see :func:`evaluate_quorum`.

        :raises QuorumError: if this rule set's sources give no quorum.
        """
        from ._calendar import calendar_for
        from ._quoracy import QuorumError, evaluate_quorum

        if self.quorum is None:
            raise QuorumError(
                f"rule set {self.name!r} has no quorum rule: its sources do not define one"
            )
        return evaluate_quorum(
            self.quorum,
            attendances,
            rule_set=self.name,
            conference_id=conference_id,
            conference_type=conference_type,
            conference_date=conference_date,
            fii=fii,
            chair_reason=chair_reason,
            calendar=calendar_for(self.division),
        )

    @property
    def editions(self) -> tuple[Edition, ...]:
        """Every edition any rule comes from, oldest first."""
        unique = {rule.edition.id: rule.edition for rule in self.rules}
        return tuple(sorted(unique.values(), key=lambda e: (e.effective_from, e.id)))


@attrs.frozen(kw_only=True)
class LocalRuleSet:
    """A council's changes to a national rule set: replaced and added rules, by id.

    Resolved against its parent when rule sets are loaded; see :class:`RuleSetRegistry`.
    """

    #: Registered name, e.g. ``"conwy"``.
    name: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Human-readable title.
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The rule set it extends, e.g. ``"wales"``.
    extends: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Versions that replace the parent's rule with the same id from the earliest of their
    #: start dates on; the parent's versions before then are kept (the one in force then is
    #: cut short), so a council can say "from 2014 we count it this way" without
    #: re-encoding the history.
    replace: tuple[Rule, ...] = attrs.field(default=(), converter=_rules_converter)
    #: Versions of rule ids the parent does not have.
    add: tuple[Rule, ...] = attrs.field(default=(), converter=_rules_converter)
    #: A local overlay of closures (off unless a caller asks for it).
    overlay: LocalOverlay | None = None
    #: A local quorum rule replacing the parent's.
    quorum: QuorumRule | None = None
    #: Local reporting conventions replacing the parent's.
    reporting: ReportingPolicy | None = None
    #: What a reader should know.
    notes: str = ""

    def resolve(self, parent: RuleSet) -> RuleSet:
        """Apply these changes to ``parent``.

        :raises RuleSetDefinitionError: if a replaced id is unknown or an added one exists.
        """
        known = set(parent.rule_ids)
        unknown = sorted({rule.id for rule in self.replace} - known)
        if unknown:
            raise RuleSetDefinitionError(
                f"local rule set {self.name!r} replaces {', '.join(map(repr, unknown))}, "
                f"which {parent.name!r} does not have; known rules: {', '.join(parent.rule_ids)}"
            )
        clashing = sorted({rule.id for rule in self.add} & known)
        if clashing:
            raise RuleSetDefinitionError(
                f"local rule set {self.name!r} adds {', '.join(map(repr, clashing))}, which "
                f"{parent.name!r} already has; use replace= to change an existing rule"
            )
        cut: dict[str, dt.date] = {}
        for rule in self.replace:
            start = rule.edition.effective_from
            cut[rule.id] = min(start, cut.get(rule.id, start))
        kept = tuple(
            _cut_before(rule, cut[rule.id]) if rule.id in cut else rule for rule in parent.rules
        )
        return RuleSet(
            name=self.name,
            title=self.title,
            division=parent.division,
            rules=tuple(rule for rule in kept if rule is not None) + self.replace + self.add,
            enquiry=parent.enquiry,
            covers_from=parent.covers_from,
            extends=parent.name,
            overlay=self.overlay or parent.overlay,
            quorum=self.quorum or parent.quorum,
            reporting=self.reporting or parent.reporting,
            notes=self.notes,
        )


def _cut_before(rule: Rule, day: dt.date) -> Rule | None:
    """``rule`` ending the day before ``day``; ``None`` if it starts on or after ``day``."""
    edition = rule.edition
    if edition.effective_from >= day:
        return None
    if edition.effective_to is not None and edition.effective_to < day:
        return rule
    return attrs.evolve(
        rule, edition=attrs.evolve(edition, effective_to=day - dt.timedelta(days=1))
    )


def editions_chain(*editions: tuple[str, str, dt.date, Confidence, str]) -> Mapping[str, Edition]:
    """Build contiguous editions from ``(id, title, effective_from, confidence, source)``.

    Each edition ends the day before the next begins; the last is current.
    """
    built: dict[str, Edition] = {}
    for index, (edition_id, title, start, confidence, source) in enumerate(editions):
        following = editions[index + 1][2] if index + 1 < len(editions) else None
        built[edition_id] = Edition(
            id=edition_id,
            title=title,
            effective_from=start,
            effective_to=following - dt.timedelta(days=1) if following else None,
            dates_confidence=confidence,
            dates_source=source,
        )
    return built
