"""Hypothesis strategies for safeguarding_rules' models (the ``hypothesis`` extra).

Written in Hypothesis' own API style: plural names, keyword-only options, strategies (not
values) for nested parts, and :class:`~hypothesis.errors.InvalidArgument` for impossible
arguments when a value is drawn. Installing the package registers ``st.from_type`` support
for the model classes through Hypothesis' ``hypothesis`` entry point
(:mod:`.hypothesis_hook`). :func:`start_dates` and :func:`case_events` draw only dates a
rule set accepts.

Shrinking: dates shrink towards the start of the range asked for (by default the first
day of the calendar's coverage, 1 January 2006); lists shrink towards fewer items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .. import (
    AGENCIES,
    COVERAGE_END,
    COVERAGE_START,
    VOCABULARY,
    Attendance,
    AttendanceMode,
    CalendarRangeError,
    CaseEvents,
    Child,
    Conference,
    ConferenceType,
    Counting,
    Deadline,
    Family,
    RuleSet,
    StrategyDiscussion,
    UnknownRuleSetError,
    Vocabulary,
    WorkingDayCalendar,
    get_rule_set,
)
from .._validators import is_plain_date

__all__ = [
    "accepted_start_dates",
    "agency_names",
    "attendances",
    "case_events",
    "children",
    "conferences",
    "dates",
    "families",
    "start_dates",
    "strategy_discussions",
    "working_days",
]


def _bounds(min_value: dt.date | None, max_value: dt.date | None) -> tuple[dt.date, dt.date]:
    low = COVERAGE_START if min_value is None else min_value
    high = COVERAGE_END if max_value is None else max_value
    for name, value in (("min_value", low), ("max_value", high)):
        if not is_plain_date(value):
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
        if not COVERAGE_START <= value <= COVERAGE_END:
            raise InvalidArgument(
                f"{name}={value} is outside the calendars' coverage "
                f"({COVERAGE_START} to {COVERAGE_END})"
            )
    if low > high:
        raise InvalidArgument(f"min_value={low} is after max_value={high}")
    return low, high


def dates(
    *, min_value: dt.date | None = None, max_value: dt.date | None = None
) -> st.SearchStrategy[dt.date]:
    """Dates inside the calendars' coverage (and inside ``min_value``..``max_value``)."""

    @st.composite
    def draw_date(draw: st.DrawFn) -> dt.date:
        low, high = _bounds(min_value, max_value)
        return draw(st.dates(min_value=low, max_value=high))

    return draw_date()


def working_days(
    calendar: WorkingDayCalendar,
    *,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> st.SearchStrategy[dt.date]:
    """Working days of ``calendar`` between ``min_value`` and ``max_value``."""

    @st.composite
    def draw_working_day(draw: st.DrawFn) -> dt.date:
        if not isinstance(calendar, WorkingDayCalendar):
            raise InvalidArgument(f"calendar={calendar!r} must be a WorkingDayCalendar")
        low, high = _bounds(min_value, max_value)
        first = calendar.roll_forward(low)
        if first > high:
            raise InvalidArgument(f"there is no working day from {low} to {high}")
        last = calendar.roll_backward(high)
        steps = calendar.working_days_between(first, last)
        return calendar.add_working_days(first, draw(st.integers(0, steps)))

    return draw_working_day()


def children(*, family_id: st.SearchStrategy[str | None] | None = None) -> st.SearchStrategy[Child]:
    """Children with short opaque ids (never names)."""
    return st.builds(
        Child,
        id=st.from_regex(r"C[0-9]{3,6}", fullmatch=True),
        family_id=family_id if family_id is not None else st.none(),
    )


def families(*, min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[Family]:
    """Sibling groups of ``min_size`` to ``max_size`` children with distinct ids."""

    @st.composite
    def draw_family(draw: st.DrawFn) -> Family:
        if not 1 <= min_size <= max_size:
            raise InvalidArgument(f"need 1 <= min_size <= max_size, got {min_size}, {max_size}")
        family_id = draw(st.from_regex(r"F[0-9]{3,5}", fullmatch=True))
        members = draw(
            st.lists(
                children(family_id=st.just(family_id)),
                min_size=min_size,
                max_size=max_size,
                unique_by=lambda child: child.id,
            )
        )
        return Family(id=family_id, children=members)

    return draw_family()


def strategy_discussions(
    *, dates: st.SearchStrategy[dt.date] | None = None
) -> st.SearchStrategy[StrategyDiscussion]:
    """Strategy discussions, some marked as initiating enquiries."""
    return st.builds(
        StrategyDiscussion,
        date=dates if dates is not None else _default_dates(),
        initiated_enquiry=st.booleans(),
    )


def _default_dates() -> st.SearchStrategy[dt.date]:
    return dates()


def _rule_set(value: RuleSet | str) -> RuleSet:
    if isinstance(value, RuleSet):
        return value
    if isinstance(value, str):
        try:
            return get_rule_set(value)
        except UnknownRuleSetError as error:
            raise InvalidArgument(str(error)) from None
    raise InvalidArgument(f"rule_set={value!r} must be a RuleSet or a rule set's name")


def accepted_start_dates(
    rule_set: RuleSet,
    rule: str,
    *,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
) -> tuple[dt.date, dt.date]:
    """Return the first and last event dates from which ``rule_set`` computes ``rule``.

    From the latest of the rule's first edition, the rule set's first covered date and the
    calendar's first day, to the last date whose count stays inside the coverage.

    :raises InvalidArgument: for an unknown rule, or one computed from no date.
    """
    try:
        versions = rule_set.versions(rule)
    except KeyError as error:
        raise InvalidArgument(str(error.args[0])) from None
    calendar = rule_set.calendar(use_overlay=use_overlay)
    low = max(versions[0].edition.effective_from, rule_set.first_covered, calendar.first)
    high = min(versions[-1].edition.effective_to or calendar.last, calendar.last)

    def computes(day: dt.date) -> bool:
        try:
            Deadline.compute(
                rule_set.rule(rule, on=day),
                day,
                calendar,
                rule_set=rule_set.name,
                counting=counting,
            )
        except CalendarRangeError:
            return False
        return True

    # Counting backwards can fail only near the start of the coverage, forwards only near
    # its end; every date in between computes, so each end is found by bisection.
    if low <= high and not computes(low):
        low = _last_computing(high, low, computes)
    if low <= high and not computes(high):
        high = _last_computing(low, high, computes)
    if low > high or not computes(low):
        raise InvalidArgument(f"rule set {rule_set.name!r} computes rule {rule!r} from no date")
    return low, high


def _last_computing(good: dt.date, bad: dt.date, computes: Callable[[dt.date], bool]) -> dt.date:
    """Return the date nearest ``bad`` that computes, from ``good`` (which does)."""
    while abs((bad - good).days) > 1:
        middle = good + dt.timedelta(days=(bad - good).days // 2)
        good, bad = (middle, bad) if computes(middle) else (good, middle)
    return good


def start_dates(
    rule_set: RuleSet | str,
    rule: str,
    *,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> st.SearchStrategy[dt.date]:
    """Event dates from which ``rule_set`` computes ``rule``'s deadline, and no others.

    Only dates the rule set accepts (see :func:`accepted_start_dates`), narrowed to
    ``min_value``..``max_value``. They shrink towards the earliest.
    """

    @st.composite
    def draw_start(draw: st.DrawFn) -> dt.date:
        low, high = accepted_range(
            _rule_set(rule_set), rule, counting=counting, use_overlay=use_overlay,
            min_value=min_value, max_value=max_value,
        )  # fmt: skip
        return draw(st.dates(min_value=low, max_value=high))

    return draw_start()


def accepted_range(
    rule_set: RuleSet,
    rule: str,
    *,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> tuple[dt.date, dt.date]:
    """:func:`accepted_start_dates` narrowed to ``min_value``..``max_value``.

    :raises InvalidArgument: if nothing is left.
    """
    low, high = accepted_start_dates(rule_set, rule, counting=counting, use_overlay=use_overlay)
    low = max(low, min_value) if min_value is not None else low
    high = min(high, max_value) if max_value is not None else high
    if low > high:
        raise InvalidArgument(
            f"rule {rule!r} is computed from {low} to {high} only, outside "
            f"min_value={min_value} and max_value={max_value}"
        )
    return low, high


def conferences(
    *,
    types: st.SearchStrategy[ConferenceType] | None = None,
    dates: st.SearchStrategy[dt.date] | None = None,
    children: st.SearchStrategy[tuple[Child, ...]] | None = None,
) -> st.SearchStrategy[Conference]:
    """Conferences of any type about a sibling group."""
    return st.builds(
        Conference,
        type=types if types is not None else st.sampled_from(ConferenceType),
        date=dates if dates is not None else _default_dates(),
        children=children
        if children is not None
        else families(max_size=4).map(lambda family: family.children),
    )


_SEPARATORS = (" ", "  ", "_", "-", " - ", "/", ". ")
#: Ways to write a spelling's case; ``str.strip`` leaves it as listed.
_CASES: tuple[Callable[[str], str], ...] = (
    str.strip,
    str.lower,
    str.upper,
    str.title,
    str.swapcase,
)


def agency_names(
    *,
    agencies: st.SearchStrategy[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> st.SearchStrategy[str]:
    """Names of agencies as exports write them: any spelling the vocabulary lists.

    Each is a listed spelling (the id, the display name or an alias) of an agency id drawn
    from ``agencies`` (default: every id in :data:`~safeguarding_rules.AGENCIES`), written in
    ways the vocabulary ignores: upper, lower or title case, spaces, underscores, hyphens,
    full stops or slashes between words, an apostrophe inside a word, surrounding spaces.
    Every name drawn reads as its agency in ``vocabulary`` (default: the built-in one; pass
    a loaded rule set's ``vocabulary`` to draw its plugins' spellings too).

    Shrinks towards the agency id, as written.
    """

    @st.composite
    def draw_name(draw: st.DrawFn) -> str:
        words = VOCABULARY if vocabulary is None else vocabulary
        if not isinstance(words, Vocabulary):
            raise InvalidArgument(f"vocabulary={words!r} must be a Vocabulary")
        agency = draw(agencies if agencies is not None else st.sampled_from(sorted(AGENCIES)))
        if agency not in AGENCIES:
            raise InvalidArgument(f"{agency!r} is not an agency id; ids: {', '.join(AGENCIES)}")
        spelling = draw(st.sampled_from(words.agencies.spellings(agency)))
        separator = draw(st.sampled_from(_SEPARATORS))
        name = draw(st.sampled_from(_CASES))(separator.join(spelling.split()))
        cut = draw(st.integers(0, len(name) - 1))
        if cut and name[cut - 1].isalnum() and name[cut].isalnum():
            name = f"{name[:cut]}'{name[cut:]}"
        return draw(st.sampled_from(("", " ", "\t"))) + name + draw(st.sampled_from(("", " ")))

    return draw_name()


def attendances(*, agencies: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Attendance]:
    """One agency's participation in a conference, in any mode.

    Agencies are named as exports write them (see :func:`agency_names`); pass
    ``agencies=st.sampled_from(sorted(AGENCIES))`` for ids only.
    """
    return st.builds(
        Attendance,
        agency=agencies if agencies is not None else agency_names(),
        mode=st.sampled_from(AttendanceMode),
        direct_contact=st.booleans(),
        active_interest=st.none() | st.booleans(),
    )


def case_events(
    *,
    rule_set: RuleSet | str = "england",
    dates: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[CaseEvents]:
    """Consistent case events: strategy discussions, then an initial conference after them.

    Strategy discussions fall on dates ``rule_set`` accepts (from its
    :attr:`~safeguarding_rules.RuleSet.first_covered`: England's 1 April 2006 by default),
    unless ``dates`` says otherwise. Later deadlines may still fall past the calendars'
    coverage: :meth:`~safeguarding_rules.RuleSet.deadlines` lists those as not computable.
    """

    @st.composite
    def draw_events(draw: st.DrawFn) -> CaseEvents:
        source = dates
        if source is None:
            first = max(_rule_set(rule_set).first_covered, COVERAGE_START)
            source = st.dates(min_value=first, max_value=COVERAGE_END)
        held = sorted(set(draw(st.lists(source, min_size=1, max_size=3))))
        initiating = draw(st.sampled_from(held))
        discussions = [
            StrategyDiscussion(date=day, initiated_enquiry=day == initiating) for day in held
        ]
        later = held[-1] + dt.timedelta(days=draw(st.integers(0, 40)))
        conference = later if later <= COVERAGE_END else None
        return CaseEvents(strategy_discussions=discussions, initial_conference=conference)

    return draw_events()
