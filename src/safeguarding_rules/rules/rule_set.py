"""Rule sets: a jurisdiction's or a council's rule versions, with their calendar.

:class:`RuleSet` is the facade above deadlines and quoracy: :meth:`RuleSet.deadlines` and
:meth:`RuleSet.evaluate_quorum` apply its rules to a case. :class:`LocalRuleSet` holds a
council's changes to a national rule set and is resolved against it when rule sets load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

import attrs

from .._errors import CalendarRangeError, OverlayError
from .._suggest import did_you_mean
from ..calendar import LocalOverlay, WorkingDayCalendar, calendar_for, division_for
from .case import CaseEvents
from .deadlines import (
    EVENT_DATES,
    STRATEGY_EVENTS,
    Deadline,
    DeadlineSet,
    NotComputable,
    near_unconfirmed,
)
from .gaps import NotEncoded
from .model import (
    ConferenceType,
    Counting,
    Edition,
    NoEditionInForceError,
    Rule,
    RuleSetDefinitionError,
    StartEvent,
    check_edition_ranges,
)
from .quoracy import Attendance, QuorumError, QuorumResult, QuorumRule, evaluate_quorum
from .reporting import ReportingPolicy
from .vocabulary import VOCABULARY, Vocabulary

__all__ = ["LocalRuleSet", "RuleSet", "compute_deadlines"]


def _rules_converter(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _gaps_converter(value: Iterable[NotEncoded]) -> tuple[NotEncoded, ...]:
    return tuple(value)


def _index_versions(rules: Iterable[Rule]) -> Mapping[str, tuple[Rule, ...]]:
    """Each rule id's versions, oldest first, with the ids in the order first defined."""
    by_id: dict[str, list[Rule]] = {}
    for rule in rules:
        by_id.setdefault(rule.id, []).append(rule)
    return {
        rule_id: tuple(sorted(versions, key=lambda r: r.edition.effective_from))
        for rule_id, versions in by_id.items()
    }


def _unique_editions(rules: Iterable[Rule]) -> tuple[Edition, ...]:
    unique = {rule.edition.id: rule.edition for rule in rules}
    return tuple(sorted(unique.values(), key=lambda e: (e.effective_from, e.id)))


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
    quorum: QuorumRule | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(QuorumRule))
    )
    #: How its authority reports performance (``None``: the national default).
    reporting: ReportingPolicy | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ReportingPolicy)),
    )
    #: What a reader should know about the rule set as a whole.
    notes: str = ""
    #: Timescales it deliberately does not encode, and why (see :class:`NotEncoded`).
    not_encoded: tuple[NotEncoded, ...] = attrs.field(default=(), converter=_gaps_converter)
    #: The spellings its files are read by: the built-in vocabulary, with those plugins
    #: register for this rule set and the ones it extends (set when rule sets are loaded).
    vocabulary: Vocabulary = attrs.field(
        default=VOCABULARY,
        validator=attrs.validators.instance_of(Vocabulary),
        eq=False,
        repr=False,
    )

    #: Every version of each rule id, oldest first (built once; deadlines look it up often).
    _versions: Mapping[str, tuple[Rule, ...]] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: _index_versions(self.rules), takes_self=True),
    )
    _editions: tuple[Edition, ...] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: _unique_editions(self.rules), takes_self=True),
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
        return tuple(self._versions)

    def versions(self, rule_id: str) -> tuple[Rule, ...]:
        """Every version of ``rule_id``, oldest first.

        :raises KeyError: naming the rule set and the known ids.
        """
        found = self._versions.get(rule_id)
        if found is None:
            raise KeyError(
                f"rule set {self.name!r} has no rule {rule_id!r}; "
                f"known rules: {', '.join(self.rule_ids)}"
            )
        return found

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

    def calendar(
        self, *, use_overlay: bool = False, source: str = "holidays"
    ) -> WorkingDayCalendar:
        """Return the working-day calendar this rule set counts on.

        The one switch for local closures: with ``use_overlay=False`` (the default, as in
        every command's ``--use-overlay``) only weekends and the division's bank holidays
        are skipped, as national performance indicators count; with ``True``, the rule
        set's :attr:`overlay` of local closures too.

        :raises OverlayError: if ``use_overlay`` is asked for and the rule set has no overlay.
        """
        if use_overlay and self.overlay is None:
            raise OverlayError(
                f"rule set {self.name!r} has no local overlay of closures to use; only a "
                "local rule set that lists closures has one"
            )
        return calendar_for(
            self.division, overlay=self.overlay if use_overlay else None, source=source
        )

    def deadlines(
        self,
        events: CaseEvents,
        *,
        counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
        use_overlay: bool = False,
    ) -> DeadlineSet:
        """Every deadline that follows from ``events``; see :func:`compute_deadlines`."""
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
        use_overlay: bool = False,
        strict: bool = False,
    ) -> QuorumResult:
        """Decide whether a conference was quorate; see :func:`evaluate_quorum`.

        Agency names are read through this rule set's :attr:`vocabulary`.

        :param use_overlay: count the reconvene deadline on the local overlay too.
        :param strict: refuse agency names the vocabulary does not recognise (by default
            each is counted as an agency of its own, and named in the result).
        :raises UnrecognisedAgencyError: in strict mode, naming the unrecognised names.
        :raises QuorumError: if this rule set's sources give no quorum.
        """
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
            calendar=self.calendar(use_overlay=use_overlay),
            vocabulary=self.vocabulary,
            strict=strict,
        )

    @property
    def editions(self) -> tuple[Edition, ...]:
        """Every edition any rule comes from, oldest first."""
        return self._editions


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
                f"local rule set {self.name!r} replaces "
                + ", ".join(f"{i!r}{did_you_mean(i, parent.rule_ids)}" for i in unknown)
                + f", which {parent.name!r} does not have; known rules: "
                + ", ".join(parent.rule_ids)
            )
        clashing = sorted({rule.id for rule in self.add} & known)
        if clashing:
            raise RuleSetDefinitionError(
                f"local rule set {self.name!r} adds {', '.join(map(repr, clashing))}, which "
                f"{parent.name!r} already has; use replace= to change an existing rule"
            )
        for rule in self.replace:
            _check_replaces_something(self.name, rule, parent)
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
            # A local rule for an id replaces the parent's finding that it has none.
            not_encoded=tuple(
                gap for gap in parent.not_encoded if gap.rule_id not in {r.id for r in self.add}
            ),
        )


def _check_replaces_something(name: str, rule: Rule, parent: RuleSet) -> None:
    """Raise unless a version of ``rule.id`` in ``parent`` is in force during ``rule``'s dates."""
    start, end = rule.edition.effective_from, rule.edition.effective_to
    for version in parent.versions(rule.id):
        edition = version.edition
        if (end is None or edition.effective_from <= end) and (
            edition.effective_to is None or start <= edition.effective_to
        ):
            return
    span = f"{start.isoformat()} to {end.isoformat() if end else 'now'}"
    versions = "; ".join(
        f"{v.edition.id} {v.edition.effective_from.isoformat()} to "
        f"{v.edition.effective_to.isoformat() if v.edition.effective_to else 'now'}"
        for v in parent.versions(rule.id)
    )
    raise RuleSetDefinitionError(
        f"local rule set {name!r} replaces {rule.id!r} over {span} (edition "
        f"{rule.edition.id!r}), but no version of it is in force in {parent.name!r} then, so "
        f"it replaces nothing; {parent.name!r} has {rule.id!r} in force: {versions}. Use "
        "add= for a rule the parent does not have, or correct the edition's dates"
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


def _anchor(rule_set: RuleSet, rule_id: str, events: CaseEvents) -> dt.date | None:
    """Return the date that chooses the edition of ``rule_id``.

    See :mod:`safeguarding_rules.rules.deadlines` for how editions are chosen.
    """
    versions = rule_set.versions(rule_id)
    if versions[0].start_event in STRATEGY_EVENTS:
        return events.strategy_discussions[0].date if events.strategy_discussions else None
    if versions[0].start_event is StartEvent.CONFERENCE:
        conference = events.conference
        return conference.date if conference else None
    return EVENT_DATES[versions[0].start_event](events)


def compute_deadlines(
    rule_set: RuleSet,
    events: CaseEvents,
    *,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
    source: str = "holidays",
    rule_ids: Iterable[str] | None = None,
) -> DeadlineSet:
    """Every deadline that follows from the events known, soonest first.

    A rule whose start event is not given is left out (it does not yet follow). A rule that
    did not exist on its anchoring date but did at other times (the initial assessment after
    2013) is left out too. A date before every encoded edition of the rule set raises.

    A deadline whose count starts or ends outside the calendar's coverage (a first review
    in 2031) does not stop the others: it is listed in the result's
    :attr:`~DeadlineSet.not_computable`, with the reason.

    :param counting: the day-0 / day-1 convention, unless the rule fixes its own.
    :param use_overlay: count on the rule set's local overlay of closures too (off by
        default; see :meth:`RuleSet.calendar`).
    :param source: the holiday source for the calendar.
    :param rule_ids: restrict to these rule ids.
    :raises NoEditionInForceError: for an anchoring date before the rule set covers.
    """
    calendar = rule_set.calendar(use_overlay=use_overlay, source=source)
    wanted = tuple(rule_ids) if rule_ids is not None else rule_set.rule_ids
    first_covered = rule_set.first_covered
    results: list[Deadline] = []
    failed: list[NotComputable] = []
    for rule_id in wanted:
        anchor = _anchor(rule_set, rule_id, events)
        if anchor is None:
            continue
        if anchor < first_covered:
            raise NoEditionInForceError(
                f"rule set {rule_set.name!r} covers events from {first_covered.isoformat()}; "
                f"rule {rule_id!r} would count from {anchor.isoformat()}, before any encoded "
                "edition"
            )
        try:
            rule = rule_set.rule(rule_id, on=anchor)
        except NoEditionInForceError:
            continue  # the rule did not exist then (e.g. single assessments before 2013)
        if rule.start_event is StartEvent.CONFERENCE:
            assert events.conference is not None
            if events.conference.type not in rule.conference_types:
                continue
        start = EVENT_DATES[rule.start_event](events)
        if start is None:
            continue
        try:
            deadline = Deadline.compute(
                rule,
                start,
                calendar,
                rule_set=rule_set.name,
                counting=counting,
                anchor=anchor,
                edition_uncertain=near_unconfirmed(
                    anchor, rule_set.versions(rule_id), rule_set.editions
                ),
            )
        except CalendarRangeError as error:
            failed.append(
                NotComputable.from_error(
                    rule, error, rule_set=rule_set.name, start=start, anchor=anchor
                )
            )
            continue
        results.append(deadline)
    return DeadlineSet(
        sorted(results, key=lambda d: (d.due, d.rule.id)),
        sorted(failed, key=lambda f: (f.start, f.rule.id)),
    )
