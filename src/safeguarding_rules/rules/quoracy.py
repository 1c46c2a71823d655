"""Quoracy: whether the agencies at a conference make it quorate, and why.

*Working Together* sets no quorum; each rule set carries the quorum of its own procedures
as a :class:`QuorumRule`, with its source and confidence tag. A rule counts **groupings**,
not people: two health visitors are one grouping, and under some procedures every health
professional is one grouping ("health").
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._errors import SafeguardingRulesError
from .._explain import (
    N_,
    Explanation,
    Iso,
    Line,
    Phrase,
    Quoted,
    english,
    line,
    phrase,
    render_phrase,
)
from .._suggest import did_you_mean
from ..calendar import WorkingDayCalendar
from .deadlines import Deadline
from .evidence import Evidence, evidence_field
from .model import ConferenceType, Confidence, FieldError, Rule, RuleSetDefinitionError
from .vocabulary import AGENCIES, VOCABULARY, Vocabulary, normalise

__all__ = [
    "AGENCIES",
    "HEALTH_AGENCIES",
    "HEALTH_AS_ONE_GROUPING",
    "AgencyDecision",
    "Attendance",
    "AttendanceMode",
    "QuorumError",
    "QuorumResult",
    "QuorumRule",
    "UnrecognisedAgencyError",
    "evaluate_quorum",
    "unrecognised_names",
]

#: Health agencies, which some procedures count as one grouping ("health").
HEALTH_AGENCIES = frozenset(
    {"health_visitor", "school_nurse", "gp", "paediatrician", "midwifery", "camhs"}
)
#: Groupings in which every health agency is one grouping, ``"health"``.
HEALTH_AS_ONE_GROUPING: Mapping[str, str] = {agency: "health" for agency in HEALTH_AGENCIES}


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split("_") if part)


def _check_agency(name: str, *, owner: str, field: str, groupings: Iterable[str] = ()) -> None:
    """Raise :class:`FieldError` unless ``name`` is a known agency id or one of ``groupings``.

    The message suggests the nearest known name (by spelling, or by initials: ``"csc"``
    for ``"childrens_social_care"``) and lists every known agency.
    """
    known = [*AGENCIES, *sorted(set(groupings) - set(AGENCIES))]
    if name in known:
        return
    wanted = name.strip().lower()
    close = [agency for agency in known if _initials(agency) == wanted.replace(" ", "")]
    hint = f" (did you mean {close[0]!r}?)" if close else did_you_mean(name, known)
    raise FieldError(
        owner,
        field,
        f"names unknown agency {name!r}{hint}; an attendance under any other name would "
        f"never count for it. Known agencies: {', '.join(known)}",
    )


class QuorumError(SafeguardingRulesError, ValueError):
    """A quorum cannot be evaluated: no rule, or contradictory attendance records."""


class UnrecognisedAgencyError(QuorumError):
    """In strict mode: agency names the vocabulary does not recognise."""


class AttendanceMode(enum.Enum):
    """How an agency took part in a conference."""

    IN_PERSON = "in_person"
    REMOTE = "remote"
    REPORT_ONLY = "report_only"
    APOLOGIES = "apologies"
    ABSENT = "absent"


@attrs.frozen(kw_only=True)
class Attendance:
    """One agency's participation in one conference."""

    #: The agency as the record names it: an id (see :data:`AGENCIES`) or any spelling the
    #: vocabulary lists (``"CSC"``, ``"Thames Valley Police"``). A quorum decision reads it
    #: through the rule set's vocabulary; a name it does not recognise is counted as an
    #: agency of its own, and reported as unrecognised.
    agency: str = attrs.field()
    #: How it took part.
    mode: AttendanceMode = attrs.field(validator=attrs.validators.instance_of(AttendanceMode))
    #: Whether the agency has had direct contact with the child or family.
    direct_contact: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    #: Whether the agency has an active interest in the case (``None``: not recorded).
    active_interest: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )

    @agency.validator
    def _check_agency(self, _: object, value: str) -> None:
        if not isinstance(value, str) or not normalise(value):
            raise ValueError(f"agency {value!r} is not a name: it has no letters or digits")


def _agency_id(name: str) -> str:
    """Return the id of an agency name the vocabulary knows (``"CSC"``), else ``name``."""
    return (VOCABULARY.agency(name) or name) if isinstance(name, str) else name


def _agency_set(value: Iterable[str]) -> frozenset[str]:
    return frozenset(_agency_id(name) for name in value)


def _mode_set(value: Iterable[AttendanceMode]) -> frozenset[AttendanceMode]:
    return frozenset(value)


def _agency_pairs(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((_agency_id(agency), group) for agency, group in pairs))


@attrs.frozen(kw_only=True)
class QuorumRule:
    """A procedure's quorum, with its source.

    Quorate when every ``required`` grouping is counted, at least ``min_other`` other
    groupings are counted, and at least ``min_total`` groupings are counted in all; and,
    in a fabricated or induced illness case, the ``fii_requires`` agency is counted.
    """

    #: Short title, e.g. ``"CSC + 2 agencies with direct contact"``.
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Citation.
    source: str = attrs.field(validator=attrs.validators.min_len(1))
    #: How well confirmed.
    confidence: Confidence = attrs.field(validator=attrs.validators.instance_of(Confidence))
    #: Groupings that must be counted (e.g. children's social care): agency ids (or any
    #: spelling the vocabulary knows, read as its id), or groupings named in ``groupings``.
    required: frozenset[str] = attrs.field(default=frozenset(), converter=_agency_set)
    #: Minimum number of counted groupings besides the required ones.
    min_other: int = attrs.field(default=0)
    #: Minimum number of counted groupings in all.
    min_total: int = attrs.field(default=0)
    #: Modes that count as taking part.
    counting_modes: frozenset[AttendanceMode] = attrs.field(
        default=frozenset({AttendanceMode.IN_PERSON}), converter=_mode_set
    )
    #: Whether an agency other than the required ones must have had direct contact.
    requires_direct_contact: bool = False
    #: Agency id to grouping id, as sorted pairs; agencies not listed are their own grouping.
    groupings: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_agency_pairs)
    #: Agency needed in a fabricated or induced illness case (``None``: no such rule).
    fii_requires: str | None = attrs.field(
        default=None, converter=attrs.converters.optional(_agency_id)
    )
    #: Fewest counted groupings with which the chair may proceed when inquorate
    #: (``None``: the procedure does not allow it).
    chair_may_proceed_with: int | None = attrs.field(default=None)
    #: Deadline to reconvene an inquorate conference that did not proceed (from its date).
    reconvene: Rule | None = None
    #: What a reader must know.
    notes: str = ""
    #: Quoted passages supporting it (see :class:`Evidence`).
    evidence: tuple[Evidence, ...] = evidence_field()
    #: For an UNCONFIRMED quorum, what is missing to confirm it (required then).
    unconfirmed_reason: str = attrs.field(default="")

    @unconfirmed_reason.validator
    def _check_reason(self, _: object, value: str) -> None:
        if self.confidence is Confidence.UNCONFIRMED and not value.strip():
            raise RuleSetDefinitionError(
                f"quorum {self.title!r} is UNCONFIRMED: say what is missing to confirm it "
                "(unconfirmed_reason)"
            )

    def __attrs_post_init__(self) -> None:
        owner = f"quorum rule {self.title!r}"
        for field in ("min_other", "min_total"):
            value = getattr(self, field)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise FieldError(owner, field, f"must be a whole number, 0 or more, got {value!r}")
        proceed = self.chair_may_proceed_with
        if proceed is not None and (
            isinstance(proceed, bool) or not isinstance(proceed, int) or proceed < 1
        ):
            raise FieldError(
                owner, "chair_may_proceed_with", f"must be at least 1 when given, got {proceed!r}"
            )
        if not self.required and self.min_other == 0 and self.min_total == 0:
            raise FieldError(
                owner,
                "required",
                "is empty and min_other and min_total are 0: every conference, even one "
                "nobody attended, would be quorate",
            )
        if not self.counting_modes:
            raise FieldError(owner, "counting_modes", "is empty: nobody could ever count")
        for agency, _ in self.groupings:
            _check_agency(agency, owner=owner, field="groupings")
        groups = {group for _, group in self.groupings}
        for name in sorted(self.required):
            _check_agency(name, owner=owner, field="required", groupings=groups)
        if self.fii_requires is not None:
            _check_agency(self.fii_requires, owner=owner, field="fii_requires", groupings=groups)

    def grouping_of(self, agency: str) -> str:
        """Return the grouping an agency counts in."""
        return next((group for name, group in self.groupings if name == agency), agency)


@attrs.frozen
class AgencyDecision:
    """Whether one attendance counted towards the quorum, and why."""

    #: The attendance record.
    attendance: Attendance
    #: The grouping it falls in.
    grouping: str
    #: Whether it counted.
    counted: bool
    #: Why (or why not), in words.
    reason: str
    #: The agency id the record's name stands for; for a name the vocabulary does not
    #: recognise, the name as compared (see :func:`normalise`), counted as its own agency.
    agency: str
    #: Whether the vocabulary recognised the name.
    recognised: bool = True
    #: :attr:`reason` as a phrase to render in any language (``None``: use :attr:`reason`).
    why: Phrase | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def label(self) -> str:
        """The name as written, with the agency id it was read as when that differs."""
        name = self.attendance.agency
        return f"{name} ({self.agency})" if self.recognised and name != self.agency else name


@attrs.frozen(kw_only=True)
class QuorumResult:
    """The quorum decision for one conference, with everything needed to explain it."""

    #: The caller's conference id, if any.
    conference_id: str | None
    #: Whether the conference was quorate.
    quorate: bool
    #: Attendances that counted.
    counted: tuple[AgencyDecision, ...]
    #: Attendances that did not count, each with its reason.
    not_counted: tuple[AgencyDecision, ...]
    #: Groupings that counted, in order.
    groupings: tuple[str, ...]
    #: Why the conference is inquorate (empty when quorate).
    shortfalls: tuple[str, ...]
    #: Whether the rule lets the chair proceed with the groupings present.
    chair_may_proceed: bool
    #: The chair's recorded reason for proceeding while inquorate, if any.
    chair_reason: str | None
    #: The rule applied.
    rule: QuorumRule
    #: Name of the rule set.
    rule_set: str
    #: Deadline to reconvene, for an inquorate conference that did not proceed.
    reconvene_due: dt.date | None
    #: Agency names the vocabulary did not recognise, each as first written; each was
    #: counted as an agency of its own.
    unrecognised: tuple[str, ...] = ()
    #: Whether the conference is quorate only because of unrecognised names: without their
    #: records it would not be.
    depends_on_unrecognised: bool = False
    #: :attr:`shortfalls` as phrases to render in any language (empty: use the text).
    shortfall_phrases: tuple[Phrase, ...] = attrs.field(default=(), eq=False, repr=False)

    @property
    def proceeded_inquorate(self) -> bool:
        """Whether the chair proceeded although the conference was inquorate."""
        return not self.quorate and self.chair_reason is not None

    def explain(self) -> str:
        """Say in plain English whether the conference was quorate, and why."""
        return english(self.explanation())

    def explanation(self) -> Explanation:
        """:meth:`explain` as lines to render in any language (see ``reports.i18n``)."""
        verdict = {
            (True, True): N_("Conference {id} was quorate under rule set {rule_set}: {title}."),
            (True, False): N_(
                "Conference {id} was NOT quorate under rule set {rule_set}: {title}."
            ),
            (False, True): N_("The conference was quorate under rule set {rule_set}: {title}."),
            (False, False): N_(
                "The conference was NOT quorate under rule set {rule_set}: {title}."
            ),
        }[bool(self.conference_id), self.quorate]
        rule = self.rule
        lines: list[Line] = []
        if self.depends_on_unrecognised:
            lines.append(line(phrase(N_(
                "CHECK: this conference is quorate only because of agency names the "
                "vocabulary does not recognise."
            ))))  # fmt: skip
        if rule.confidence is Confidence.UNCONFIRMED:
            lines.append(
                line(
                    phrase(
                        N_("UNCONFIRMED: this quorum rule could not be confirmed from a source.")
                    )
                )
            )
        lines += [
            line(phrase(verdict, id=self.conference_id or "", rule_set=Quoted(self.rule_set),
                        title=rule.title)),
            line(phrase(N_("Source: {source}. Confidence: {confidence}."), source=rule.source,
                        confidence=rule.confidence.value)),
            line(phrase(N_("Counted ({n} grouping(s)):"), n=len(self.groupings))),
        ]  # fmt: skip
        lines += [_decision_line(d) for d in self.counted] or [
            line(phrase(N_("none")), indent="  ")
        ]
        if self.not_counted:
            lines.append(line(phrase(N_("Not counted:"))))
            lines += [_decision_line(d) for d in self.not_counted]
        shortfalls = self.shortfall_phrases if len(self.shortfall_phrases) == len(
            self.shortfalls) else self.shortfalls  # fmt: skip
        lines += [line(phrase(N_("Short: {shortfall}"), shortfall=s)) for s in shortfalls]
        if self.unrecognised:
            lines.append(line(phrase(
                N_("{n} agency name(s) not recognised: {names}; each counted as its own agency."),
                n=len(self.unrecognised), names=", ".join(map(repr, self.unrecognised)),
            )))  # fmt: skip
        if not self.quorate:
            if self.chair_reason is not None:
                lines.append(line(phrase(
                    N_("The chair proceeded while inquorate: {reason}"), reason=self.chair_reason
                )))  # fmt: skip
            elif self.chair_may_proceed:
                lines.append(line(phrase(N_(
                    "The chair may proceed while inquorate; the reason must be recorded."
                ))))  # fmt: skip
            if self.reconvene_due is not None:
                lines.append(line(phrase(N_("Reconvene by {day}."), day=Iso(self.reconvene_due))))
        if rule.notes:
            lines.append(line(phrase(N_("Note: {note}"), note=rule.notes)))
        return tuple(lines)


def _decision_line(decision: AgencyDecision) -> Line:
    return line(
        phrase(
            N_("{label}: {reason}"), label=decision.label, reason=decision.why or decision.reason
        ),
        indent="  ",
    )


#: Each attendance mode in words.
_MODE_WORDS = {
    AttendanceMode.IN_PERSON: N_("in person"),
    AttendanceMode.REMOTE: N_("remote"),
    AttendanceMode.REPORT_ONLY: N_("report only"),
    AttendanceMode.APOLOGIES: N_("apologies"),
    AttendanceMode.ABSENT: N_("absent"),
}


def _identify(name: str, vocabulary: Vocabulary) -> tuple[str, bool]:
    """Return the agency id a name stands for (or the name as compared), and if it is known."""
    agency = vocabulary.agency(name)
    return (agency, True) if agency is not None else (normalise(name), False)


def unrecognised_names(
    names: Iterable[str], vocabulary: Vocabulary = VOCABULARY
) -> tuple[str, ...]:
    """Return the names ``vocabulary`` does not recognise, once each, as first written.

    Names that differ only in what the vocabulary ignores (case, spacing, punctuation) are
    one name.
    """
    found: dict[str, str] = {}
    for name in names:
        agency, known = _identify(name, vocabulary)
        if not known:
            found.setdefault(agency, name)
    return tuple(found.values())


_Named = tuple[Attendance, str, bool]


def _decide(rule: QuorumRule, named: _Named, seen: set[str]) -> AgencyDecision:
    attendance, agency, recognised = named
    grouping = rule.grouping_of(agency)
    mode = phrase(_MODE_WORDS[attendance.mode])

    def decision(counted: bool, why: Phrase) -> AgencyDecision:
        if not recognised:
            why = phrase(N_("{reason}; name not recognised, counted as its own agency"), reason=why)
        return AgencyDecision(
            attendance, grouping, counted, render_phrase(why), agency, recognised, why
        )

    if attendance.mode not in rule.counting_modes:
        if attendance.mode is AttendanceMode.REPORT_ONLY:
            return decision(False, phrase(N_(
                "sent a written report only; a report is recorded but does not count"
            )))  # fmt: skip
        if attendance.mode is AttendanceMode.REMOTE:
            return decision(
                False, phrase(N_("took part remotely, which this rule set does not count"))
            )
        return decision(False, phrase(N_("did not take part ({mode})"), mode=mode))
    if (
        rule.requires_direct_contact
        and grouping not in rule.required
        and not attendance.direct_contact
    ):
        return decision(False, phrase(N_("has had no direct contact with the child or family")))
    if grouping in seen:
        return decision(
            False, phrase(N_("grouping {grouping} is already counted"), grouping=Quoted(grouping))
        )
    seen.add(grouping)
    if grouping != agency:
        return decision(True, phrase(N_("took part ({mode}) (grouping {grouping})"), mode=mode,
                                     grouping=Quoted(grouping)))  # fmt: skip
    return decision(True, phrase(N_("took part ({mode})"), mode=mode))


def _tally(
    rule: QuorumRule, named: Sequence[_Named], fii: bool
) -> tuple[list[AgencyDecision], tuple[str, ...], list[Phrase]]:
    """Decide every record; return the decisions, the counted groupings and the shortfalls."""
    seen: set[str] = set()
    # Decide the strongest modes first, so a grouping is counted through whichever of its
    # agencies took part, whatever the order of the records or the spelling of the names.
    order = sorted(named, key=lambda n: (n[0].mode not in rule.counting_modes, n[1], n[0].agency))
    decisions = [_decide(rule, record, seen) for record in order]
    groupings = tuple(dict.fromkeys(d.grouping for d in decisions if d.counted))
    shortfalls = [
        phrase(N_("{grouping} did not take part, and is required"), grouping=required)
        for required in sorted(rule.required - set(groupings))
    ]
    others = [g for g in groupings if g not in rule.required]
    if len(others) < rule.min_other:
        shortfalls.append(phrase(N_("{n} other grouping(s) counted; at least {min} needed"),
                                 n=len(others), min=rule.min_other))  # fmt: skip
    if len(groupings) < rule.min_total:
        shortfalls.append(phrase(N_("{n} grouping(s) counted; at least {min} needed"),
                                 n=len(groupings), min=rule.min_total))  # fmt: skip
    if fii and rule.fii_requires and rule.grouping_of(rule.fii_requires) not in groupings:
        shortfalls.append(phrase(N_("fabricated or induced illness case: {agency} must take part"),
                                 agency=rule.fii_requires))  # fmt: skip
    return decisions, groupings, shortfalls


def evaluate_quorum(
    rule: QuorumRule,
    attendances: Iterable[Attendance],
    *,
    rule_set: str,
    conference_id: str | None = None,
    conference_type: ConferenceType | None = None,
    conference_date: dt.date | None = None,
    fii: bool = False,
    chair_reason: str | None = None,
    calendar: WorkingDayCalendar | None = None,
    vocabulary: Vocabulary = VOCABULARY,
    strict: bool = False,
) -> QuorumResult:
    """Decide whether a conference was quorate under ``rule``.

    Agency names are read through ``vocabulary``. A name it does not recognise is counted
    as an agency of its own (names differing only in case, spacing or punctuation are one
    agency) and named in the result's :attr:`~QuorumResult.unrecognised`, in its decision's
    reason and in the explanation; :attr:`~QuorumResult.depends_on_unrecognised` says
    whether the conference is quorate only because of such names.

    :param conference_type: needed only for the reconvene deadline (initial conferences).
    :param conference_date: needed only for the reconvene deadline.
    :param fii: whether the case concerns fabricated or induced illness.
    :param chair_reason: the chair's recorded reason for proceeding while inquorate.
    :param calendar: the working-day calendar for the reconvene deadline.
    :param vocabulary: the spellings to read agency names by (a loaded rule set passes its
        own, with its plugins' spellings).
    :param strict: refuse names the vocabulary does not recognise instead.
    :raises UnrecognisedAgencyError: in strict mode, naming every unrecognised name.
    :raises QuorumError: if the chair is recorded as proceeding where the rule forbids it.
    """
    named = [(record, *_identify(record.agency, vocabulary)) for record in attendances]
    unrecognised = unrecognised_names((r.agency for r, _, known in named if not known), vocabulary)
    where = f"conference {conference_id}: " if conference_id else ""
    if strict and unrecognised:
        names = ", ".join(f"{n!r}{vocabulary.agencies.suggest(n)}" for n in unrecognised)
        raise UnrecognisedAgencyError(
            f"{where}{len(unrecognised)} agency name(s) not recognised by the {rule_set!r} "
            f"vocabulary: {names}; use an agency id or a listed spelling, or add the name as an "
            "alias in a plugin"
        )
    decisions, groupings, shortfalls = _tally(rule, named, fii)
    counted = tuple(d for d in decisions if d.counted)
    quorate = not shortfalls
    depends = (
        quorate
        and any(not d.recognised for d in counted)
        and bool(_tally(rule, [n for n in named if n[2]], fii)[2])
    )
    may_proceed = (
        not quorate
        and rule.chair_may_proceed_with is not None
        and len(groupings) >= rule.chair_may_proceed_with
        and not (rule.required - set(groupings))
    )
    if chair_reason is not None and not quorate and not may_proceed:
        raise QuorumError(
            f"{where}the chair is recorded as proceeding while "
            f"inquorate, which {rule_set!r} does not allow with {len(groupings)} grouping(s)"
        )
    reconvene_due = None
    if (
        not quorate
        and chair_reason is None
        and rule.reconvene is not None
        and conference_date is not None
        and calendar is not None
        and (
            not rule.reconvene.conference_types
            or conference_type in rule.reconvene.conference_types
        )
    ):
        reconvene_due = Deadline.compute(
            rule.reconvene, conference_date, calendar, rule_set=rule_set
        ).due
    return QuorumResult(
        conference_id=conference_id,
        quorate=quorate,
        counted=counted,
        not_counted=tuple(d for d in decisions if not d.counted),
        groupings=groupings,
        shortfalls=tuple(render_phrase(found) for found in shortfalls),
        shortfall_phrases=tuple(shortfalls),
        chair_may_proceed=may_proceed,
        chair_reason=chair_reason if not quorate else None,
        rule=rule,
        rule_set=rule_set,
        reconvene_due=reconvene_due,
        unrecognised=unrecognised,
        depends_on_unrecognised=depends,
    )
