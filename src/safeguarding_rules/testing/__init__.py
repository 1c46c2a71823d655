"""A conformance suite for rule sets: the checks the built-in rule sets pass.

For a plugin author, one class in the plugin's tests is enough::

    from safeguarding_rules.testing import RuleSetContract

    class TestConwy(RuleSetContract):
        rule_set_name = "conwy"

Each check is also a plain function (``check_sources``, ``check_evidence``,
``check_editions``, ``check_deadlines``, ``check_quorum``, ``check_vocabulary``,
``check_loads``) that raises
:class:`ConformanceError` naming the rule and the case, for use outside pytest.

The checks are deterministic: they sample fixed dates across every edition (its first and
last days, evenly spaced days, and every Christmas Day, Boxing Day and New Year's Day in
range) and a fixed, seeded set of attendance lists. This module imports without pytest;
only :class:`RuleSetContract` (in :mod:`.contract`, loaded on first use) needs it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from .. import (
    AGENCIES,
    Attendance,
    AttendanceMode,
    CalendarRangeError,
    CaseEvents,
    Conference,
    ConferenceType,
    Confidence,
    Counting,
    Deadline,
    Direction,
    Rule,
    RuleSet,
    RuleSetDefinitionError,
    StrategyDiscussion,
    Unit,
    calendar_for,
    evidence_problems,
    load_rule_sets,
    normalise,
)
from ..rules import check_edition_ranges
from .families import check_family_deadlines, check_findings, check_hours

if TYPE_CHECKING:
    from .contract import RuleSetContract
    from .due_dates import check_due_dates

__all__ = [
    "ConformanceError",
    "RuleSetContract",
    "check_deadlines",
    "check_due_dates",
    "check_editions",
    "check_evidence",
    "check_families",
    "check_loads",
    "check_quorum",
    "check_sources",
    "check_vocabulary",
    "example_events",
]


def __getattr__(name: str) -> Any:
    """Load what needs pytest or Hypothesis only when it is asked for.

    :class:`RuleSetContract` needs pytest, :func:`check_due_dates` Hypothesis (the
    ``hypothesis`` extra); the checks above need neither.
    """
    if name == "RuleSetContract":
        from .contract import RuleSetContract

        return RuleSetContract
    if name == "check_due_dates":
        from .due_dates import check_due_dates

        return check_due_dates
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ConformanceError(AssertionError):
    """A rule set breaks an invariant every correct rule set keeps."""


def check_loads(name: str) -> RuleSet:
    """Load the installed rule sets and return ``name``.

    Loading resolves every local rule set against its parent, so a local rule set that
    replaces a rule its parent does not have fails here.
    """
    try:
        return load_rule_sets()[name]
    except Exception as error:
        raise ConformanceError(f"rule set {name!r} does not load: {error}") from error


def check_sources(rule_set: RuleSet) -> None:
    """Every rule version has a source, a confidence tag and dated edition."""
    for rule in rule_set.rules:
        where = f"rule set {rule_set.name!r}, rule {rule.id!r} (edition {rule.edition.id!r})"
        if not rule.source.strip():
            raise ConformanceError(f"{where}: no source")
        if not isinstance(rule.confidence, Confidence):
            raise ConformanceError(f"{where}: no confidence tag")
        if not isinstance(rule.edition.dates_confidence, Confidence):
            raise ConformanceError(f"{where}: its edition's dates have no confidence tag")
    if rule_set.quorum is not None and not rule_set.quorum.source.strip():
        raise ConformanceError(f"rule set {rule_set.name!r}: the quorum rule has no source")


def check_evidence(rule_set: RuleSet) -> None:
    """Every rule version, edition and quorum quotes its evidence, or says what is missing.

    See :func:`~safeguarding_rules.evidence_problems`: a C1 or C2 item needs at least one
    :class:`~safeguarding_rules.Evidence`; an UNCONFIRMED one needs a reason.
    """
    problems = evidence_problems(rule_set)
    if problems:
        raise ConformanceError("; ".join(problems))


def check_editions(rule_set: RuleSet) -> None:
    """Each rule id's editions neither overlap nor leave gaps.

    The same check runs when a rule set is built; this repeats it on the rule set as loaded.
    """
    try:
        check_edition_ranges(rule_set.name, rule_set.rules)
    except RuleSetDefinitionError as error:
        raise ConformanceError(str(error)) from error


def _sample_days(rule: Rule, first: dt.date, last: dt.date, count: int) -> Iterator[dt.date]:
    start = max(rule.edition.effective_from, first)
    end = min(rule.edition.effective_to or last, last)
    if start > end:
        return
    span = (end - start).days
    seen = set()
    for step in range(count):
        seen.add(start + dt.timedelta(days=span * step // max(count - 1, 1)))
    for year in range(start.year, end.year + 1):
        for month, day in ((12, 25), (12, 26), (1, 1)):
            seen.add(dt.date(year, month, day))
    yield from sorted(d for d in seen if start <= d <= end)


def check_deadlines(rule_set: RuleSet, *, count: int = 40) -> None:
    """Every rule, on sampled days of every edition, gives a deadline that makes sense.

    After its event (before it, for "before" rules); on a working day when counted in
    working days; and explaining itself: naming the rule's source, edition and due date,
    and starting with UNCONFIRMED exactly when the rule is UNCONFIRMED or its edition in
    doubt.
    """
    calendar = calendar_for(rule_set.division)
    # Leave room at the far end so that no count runs past the calendar's coverage.
    last = calendar.last - dt.timedelta(days=400)
    for rule in rule_set.rules:
        for day in _sample_days(rule, calendar.first, last, count):
            for counting in Counting:
                where = (
                    f"rule set {rule_set.name!r}, rule {rule.id!r} (edition "
                    f"{rule.edition.id!r}), event on {day.isoformat()}, counting {counting.value}"
                )
                try:
                    deadline = Deadline.compute(
                        rule, day, calendar, rule_set=rule_set.name, counting=counting
                    )
                except CalendarRangeError as error:
                    raise ConformanceError(f"{where}: {error}") from error
                _check_deadline(rule, day, deadline, where)


def _check_deadline(rule: Rule, day: dt.date, deadline: Deadline, where: str) -> None:
    due = deadline.due
    if rule.direction is Direction.BEFORE and not due < day:
        raise ConformanceError(f"{where}: due {due} is not before the event")
    if rule.direction is Direction.AFTER:
        # Counting the event day as day 1 lets a 1-day rule fall due on the event day.
        day0 = deadline.counting is Counting.EVENT_DAY_IS_DAY_0
        if due < day or (due == day and day0 and rule.n > 0):
            raise ConformanceError(f"{where}: due {due} is not after the event")
    if rule.unit is Unit.WORKING_DAYS and not deadline.due_is_working_day:
        raise ConformanceError(f"{where}: due {due} is not a working day")
    text = deadline.explain()
    for part, what in ((rule.source, "source"), (rule.edition.title, "edition"),
                       (due.isoformat(), "due date")):  # fmt: skip
        if part not in text:
            raise ConformanceError(f"{where}: the explanation does not state its {what}")
    if text.startswith("UNCONFIRMED") != deadline.unconfirmed:
        raise ConformanceError(f"{where}: the explanation hides or invents an UNCONFIRMED flag")


def check_families(rule_set: RuleSet) -> None:
    """Check the adult-at-risk and missing-episode families: findings, hours, deadlines.

    A "not encoded" finding is sourced and never contradicts a rule in force; an hours rule
    is elapsed time (exactly ``n`` hours, across clock changes; with dates only the date
    plus ``ceil(n / 24)`` days); each family rule version is the one its events choose.
    """
    problems = [*check_findings(rule_set), *check_hours(rule_set)]
    problems += check_family_deadlines(rule_set)
    if problems:
        raise ConformanceError("; ".join(problems))


def _attendance_lists(seed: int, count: int) -> Iterator[list[Attendance]]:
    rng = random.Random(seed)
    agencies = [*AGENCIES, "health", "voluntary sector"]
    for _ in range(count):
        yield [
            Attendance(
                agency=rng.choice(agencies),
                mode=rng.choice(list(AttendanceMode)),
                direct_contact=rng.random() < 0.8,
                active_interest=rng.random() < 0.8,
            )
            for _ in range(rng.randint(0, 7))
        ]


def check_quorum(rule_set: RuleSet, *, count: int = 300, seed: int = 2015) -> None:
    """Adding an attendee never turns a quorate conference inquorate; every record is decided."""
    if rule_set.quorum is None:
        return
    extras = [
        Attendance(agency=agency, mode=mode, direct_contact=direct)
        for agency in AGENCIES
        for mode in (AttendanceMode.IN_PERSON, AttendanceMode.REMOTE, AttendanceMode.REPORT_ONLY)
        for direct in (True, False)
    ]
    for present in _attendance_lists(seed, count):
        for fii in (False, True):
            before = rule_set.evaluate_quorum(present, fii=fii)
            if len(before.counted) + len(before.not_counted) != len(present):
                raise ConformanceError(
                    f"rule set {rule_set.name!r}: the quorum decision lost an attendance record "
                    f"({_describe(present)})"
                )
            if not before.quorate:
                continue
            for extra in extras:
                if not rule_set.evaluate_quorum([*present, extra], fii=fii).quorate:
                    raise ConformanceError(
                        f"rule set {rule_set.name!r}: quorate with {_describe(present)}, but "
                        f"inquorate after adding {extra.agency} ({extra.mode.value})"
                    )


def check_vocabulary(rule_set: RuleSet, *, count: int = 100, seed: int = 2015) -> None:
    """Every spelling in the rule set's vocabulary stands for a known code, and only that one.

    For each group of spellings (built-in, and each plugin's): its code is a canonical code
    of its kind; no spelling is written like another code's id; every spelling reads back as
    its code. Where the rule set has a quorum, writing each agency by its spellings instead
    of its id changes no decision on the fixed attendance lists.
    """
    vocabulary = rule_set.vocabulary
    for group in vocabulary.aliases:
        where = f"rule set {rule_set.name!r}: {group.kind} spellings from plugin {group.plugin!r}"
        codes = vocabulary.code_list(group.kind)
        if group.code not in codes.names:
            raise ConformanceError(f"{where} stand for {group.code!r}, not a known {group.kind}")
        ids = {normalise(code): code for code in codes.names}
        for spelling in group.spellings:
            other = ids.get(normalise(spelling), group.code)
            if other != group.code:
                raise ConformanceError(
                    f"{where}: {spelling!r} is written like the id {other!r}, not {group.code!r}"
                )
            found = codes.lookup(spelling)
            if found != group.code:
                raise ConformanceError(
                    f"{where}: {spelling!r} should stand for {group.code!r}, but reads as {found!r}"
                )
    if rule_set.quorum is None:
        return
    # Every spelling of every agency, beside two others, then mixed spellings (the newest,
    # plugins' own, first) in the fixed attendance lists.
    for agency in AGENCIES:
        others = [a for a in ("childrens_social_care", "police", "education") if a != agency]
        for spelling in vocabulary.agencies.spellings(agency):
            _same_decision(rule_set, [agency, *others[:2]], [spelling, *others[:2]])
    for present in _attendance_lists(seed, count):
        by_id = [a for a in present if a.agency in AGENCIES]
        for turn in range(3):
            respelled = [
                attrs.evolve(a, agency=_nth(vocabulary.agencies.spellings(a.agency), turn + i))
                for i, a in enumerate(by_id)
            ]
            _check_same(rule_set, by_id, respelled)


def _same_decision(rule_set: RuleSet, ids: list[str], names: list[str]) -> None:
    def took_part(agency: str) -> Attendance:
        return Attendance(agency=agency, mode=AttendanceMode.IN_PERSON, direct_contact=True)

    _check_same(rule_set, [took_part(a) for a in ids], [took_part(n) for n in names])


def _check_same(rule_set: RuleSet, by_id: list[Attendance], respelled: list[Attendance]) -> None:
    expected, got = (rule_set.evaluate_quorum(r) for r in (by_id, respelled))
    if got.unrecognised or (expected.quorate, expected.groupings) != (got.quorate, got.groupings):
        raise ConformanceError(
            f"rule set {rule_set.name!r}: {_describe(respelled)} is decided differently from "
            f"{_describe(by_id)}"
        )


def _nth(spellings: tuple[str, ...], n: int) -> str:
    """Return the n-th spelling, counting from the newest (plugins' spellings come last)."""
    return spellings[-1 - n % len(spellings)]


def _describe(present: list[Attendance]) -> str:
    return ", ".join(f"{a.agency} ({a.mode.value})" for a in present) or "nobody"


def example_events(rule_set: RuleSet) -> CaseEvents:
    """Return a case with a strategy discussion and an initial conference, early in coverage."""
    day = max(rule_set.first_covered, calendar_for(rule_set.division).first) + dt.timedelta(
        days=400
    )
    return CaseEvents(
        strategy_discussions=[StrategyDiscussion(date=day, initiated_enquiry=True)],
        initial_conference=day + dt.timedelta(days=21),
        conference=Conference(type=ConferenceType.INITIAL, date=day + dt.timedelta(days=21)),
    )
