"""The actions due or overdue on a given day, from a council's conference records.

Conwy's action plan asked for the case system to "flag due dates automatically". Given the
records and an ``as_of`` date (never the clock), this lists, soonest first:

* initial conferences not yet held (rows with a strategy discussion and no conference date);
* first core groups not yet recorded after an initial conference;
* the next review conference of each child whose plan has not ended (``plan_end_date``),
  from their latest conference held;
* report deadlines before conferences booked after ``as_of``, where not yet recorded.

An action the records call for is never dropped silently: one whose due date falls outside
the calendar's coverage is listed in :attr:`Worklist.not_computable`, and one the rule set
has no rule for (Scotland has no ``icpc`` rule counted from the strategy discussion), or no
edition of whose rule covers its start, in :attr:`Worklist.not_assessed`; each names its
conference and children as :class:`DueAction` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

import attrs
import numpy as np

from .._errors import CalendarRangeError
from .._explain import N_, Iso, Phrase, Quoted, Term, phrase, render_phrase
from ..records import ConferenceRecords
from ..rules import (
    ConferenceType,
    Counting,
    Deadline,
    Direction,
    NotComputable,
    Rule,
    RuleSet,
    StartEvent,
)
from .i18n import RULE_TITLES

__all__ = [
    "DueAction",
    "NotAssessedAction",
    "NotComputableAction",
    "Worklist",
    "due_actions",
    "due_horizon",
]


def _what(
    rule_id: str, title: str, conference_id: str, children: Sequence[str], known: bool
) -> Phrase:
    """Say what is due, for which conference, and its children by the ids as written."""
    term = Term(f"rule:{rule_id}", title)
    listed = ", ".join(children)
    if known:
        return phrase(
            N_("{title}: conference {id} (children: {children})"),
            title=term, id=conference_id, children=listed,
        )  # fmt: skip
    return phrase(
        N_("{title}: child {children} ({id})"), title=term, id=conference_id, children=listed
    )


@attrs.frozen(kw_only=True)
class DueAction:
    """One action due, with the deadline that explains it."""

    #: The deadline (rule, edition, source, due date, explanation).
    deadline: Deadline
    #: The conference it concerns (for reviews: the latest conference held).
    conference_id: str
    #: The children concerned.
    children: tuple[str, ...]
    #: Whether the due date is before ``as_of``.
    overdue: bool
    #: Whether the file says which children were seen at one conference. Where it does not
    #: (a census, an Annex A), ``conference_id`` is where the child's record is in the file.
    conference_known: bool = True

    @property
    def what(self) -> Phrase:
        """What is due, for which conference, and its children by the ids as written."""
        rule = self.deadline.rule
        return _what(rule.id, rule.title, self.conference_id, self.children,
                     self.conference_known)  # fmt: skip

    @property
    def summary(self) -> str:
        """One line (:attr:`what`, in English)."""
        return render_phrase(self.what)


@attrs.frozen(kw_only=True)
class NotComputableAction:
    """An action the records call for whose due date is outside the calendar's coverage."""

    #: The rule, its start and why no due date can be given.
    not_computable: NotComputable
    #: The conference it concerns (for reviews: the latest conference held).
    conference_id: str
    #: The children concerned, by the ids as written.
    children: tuple[str, ...]
    #: As :attr:`DueAction.conference_known`.
    conference_known: bool = True

    @property
    def rule(self) -> Rule:
        """The rule version that applies."""
        return self.not_computable.rule

    @property
    def start(self) -> dt.date:
        """The date the rule counts from."""
        return self.not_computable.start

    @property
    def reason(self) -> str:
        """Why no due date can be given, in English."""
        return self.not_computable.reason

    @property
    def what(self) -> Phrase:
        """The action, its conference and children, and why it has no due date."""
        rule = self.rule
        return phrase(
            N_("{what}: not computable from {start} under rule {rule}, edition {edition}: "
               "{reason}"),
            what=_what(rule.id, rule.title, self.conference_id, self.children,
                       self.conference_known),
            start=Iso(self.start), rule=Quoted(rule.id), edition=rule.edition.id,
            reason=self.reason,
        )  # fmt: skip

    @property
    def summary(self) -> str:
        """One line (:attr:`what`, in English)."""
        return render_phrase(self.what)


@attrs.frozen(kw_only=True)
class NotAssessedAction:
    """An action the records call for that the rule set cannot date at all.

    Either the rule set has no rule of that id (Scotland counts its initial conference from
    the notification of concern, which the records do not hold, and has no ``icpc`` rule
    counted from the strategy discussion), or no edition of the rule covers the start.
    """

    #: The rule id the worklist looked for (``icpc``, ``first_core_group``...).
    rule_id: str
    #: The date the rule would count from.
    start: dt.date
    #: The conference it concerns (for reviews: the latest conference held).
    conference_id: str
    #: The children concerned, by the ids as written.
    children: tuple[str, ...]
    #: Whether the rule set has the rule (then no edition of it covers :attr:`start`).
    rule_in_rule_set: bool
    #: As :attr:`DueAction.conference_known`.
    conference_known: bool = True
    #: The only review the file gives of the plan (an Annex A gives the latest alone), held
    #: after the worklist's day: which reviews were held by that day is not known.
    only_review_after: dt.date | None = None

    @property
    def why(self) -> Phrase:
        """Why it is not assessed."""
        if self.only_review_after is not None:
            return phrase(
                N_("the file gives only the plan's latest review ({review}), held after this "
                   "day, so the reviews held by this day are not known"),
                review=Iso(self.only_review_after),
            )  # fmt: skip
        if self.rule_in_rule_set:
            return phrase(
                N_("no edition of rule {rule} covers {start}"),
                rule=Quoted(self.rule_id), start=Iso(self.start),
            )  # fmt: skip
        return phrase(N_("the rule set has no rule {rule}"), rule=Quoted(self.rule_id))

    @property
    def reason(self) -> str:
        """:attr:`why`, in English."""
        return render_phrase(self.why)

    @property
    def what(self) -> Phrase:
        """The action, its conference and children, and why it is not assessed."""
        title = RULE_TITLES.get(self.rule_id, self.rule_id)
        return phrase(
            N_("{what}: not assessed: {why}"),
            what=_what(self.rule_id, title, self.conference_id, self.children,
                       self.conference_known),
            why=self.why,
        )  # fmt: skip

    @property
    def summary(self) -> str:
        """One line (:attr:`what`, in English)."""
        return render_phrase(self.what)


_Action = TypeVar("_Action")


class Worklist(list[_Action], Generic[_Action]):
    """The actions due, soonest first, and beside them those the worklist cannot date.

    A list of actions (:class:`DueAction` from :func:`due_actions`; code that iterates the
    result keeps working), with :attr:`not_computable`: an action that follows from the
    records but whose due date falls outside the calendar's coverage (a review due in 2031)
    is listed there with the reason; and :attr:`not_assessed`: one the rule set has no rule
    for, or no edition of whose rule covers its start. Nothing is dropped silently.
    """

    #: Actions that follow from the records but whose due date cannot be computed.
    not_computable: list[NotComputableAction]
    #: Actions that follow from the records but that no rule of the rule set dates.
    not_assessed: list[NotAssessedAction]

    def __init__(
        self,
        actions: Iterable[_Action] = (),
        not_computable: Iterable[NotComputableAction] = (),
        not_assessed: Iterable[NotAssessedAction] = (),
    ) -> None:
        super().__init__(actions)
        self.not_computable = list(not_computable)
        self.not_assessed = list(not_assessed)


def due_horizon(as_of: dt.date, within: int | None) -> dt.date | None:
    """Return the last day :func:`due_actions` lists: ``as_of`` plus ``within`` days.

    ``None`` (no limit) when ``within`` is ``None`` or reaches past the last date there is.
    """
    if within is None:
        return None
    try:
        return as_of + dt.timedelta(days=within)
    except OverflowError:
        if within < 0:
            return dt.date.min
        return None


def due_actions(
    records: ConferenceRecords,
    rule_set: RuleSet,
    *,
    as_of: dt.date,
    within: int | None = 28,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
) -> Worklist[DueAction]:
    """Actions due on or before ``as_of + within`` days and not yet done, soonest first.

    An action whose due date cannot be computed (it falls outside the calendar's coverage)
    is listed in the result's :attr:`Worklist.not_computable` with the reason; one the rule
    set has no rule for, or no edition of whose rule covers its start, in
    :attr:`Worklist.not_assessed`.

    :param within: calendar days ahead to include; ``None`` for every outstanding action.
    :param use_overlay: count the rule set's local closures as non-working days too (off
        by default; see :meth:`RuleSet.calendar`). Each action's deadline names the overlay.
    :raises CalendarRangeError: if ``as_of`` is outside the calendar's coverage.
    """
    calendar = rule_set.calendar(use_overlay=use_overlay)
    calendar.is_working_day(as_of)  # raises CalendarRangeError outside the coverage
    horizon = due_horizon(as_of, within)
    known = records.input_format not in ("cin-census", "annex-a")
    found: list[DueAction] = []
    stuck: list[NotComputableAction] = []
    unassessed: list[NotAssessedAction] = []

    def add(rule_id: str, start: dt.date, conference_id: str, children: Iterable[str]) -> None:
        who = tuple(sorted(set(children)))
        in_rule_set = rule_id in rule_set.rule_ids
        try:
            if not in_rule_set:
                raise LookupError(rule_id)
            rule = rule_set.rule(rule_id, on=start)
        except LookupError:
            unassessed.append(
                NotAssessedAction(
                    rule_id=rule_id, start=start, conference_id=conference_id, children=who,
                    rule_in_rule_set=in_rule_set, conference_known=known,
                )
            )  # fmt: skip
            return
        try:
            deadline = Deadline.compute(
                rule, start, calendar, rule_set=rule_set.name, counting=counting
            )
        except CalendarRangeError as error:
            item = NotComputable.from_error(
                rule, error, rule_set=rule_set.name, start=start, anchor=start
            )
            stuck.append(
                NotComputableAction(
                    not_computable=item, conference_id=conference_id, children=who,
                    conference_known=known,
                )
            )  # fmt: skip
            return
        if horizon is not None and deadline.due > horizon:
            return
        found.append(
            DueAction(
                deadline=deadline,
                conference_id=conference_id,
                children=who,
                overdue=deadline.due < as_of,
                conference_known=known,
            )
        )

    by_conference: dict[str, list[int]] = {}
    for position, conference_id in enumerate(records.conference_id.tolist()):
        by_conference.setdefault(conference_id, []).append(position)
    as_of64 = np.datetime64(as_of, "D")
    latest: dict[str, int] = {}
    for conference_id, positions in by_conference.items():
        first = positions[0]
        kind = str(records.conference_type[first])
        held = records.conference_date[first]
        children = [str(records.child_id[p]) for p in positions]
        if kind == "initial" and np.isnat(held):
            start = records.strategy_discussion_date[first].astype(dt.date)
            add("icpc", start, conference_id, children)
            continue
        if held > as_of64:
            _reports(add, rule_set, ConferenceType(kind), held.astype(dt.date), conference_id,
                     children, records, positions)  # fmt: skip
            continue
        core_groups = "core_group_date" in records.recorded  # else: not recorded, never due
        if kind == "initial" and core_groups and np.isnat(records.core_group_date[first]):
            add("first_core_group", held.astype(dt.date), conference_id, children)
        for position in positions:
            child = str(records.child_id[position])
            if child not in latest or records.conference_date[latest[child]] < held:
                latest[child] = position
    # A plan ends for good only if it ended at or after the child's latest conference: an
    # end before it belongs to an earlier plan (a census or Annex A child may have several).
    ends: dict[str, list[dt.date]] = {}
    for child, end in zip(records.child_id.tolist(), records.plan_end_date.tolist(), strict=True):
        if end is not None and end <= as_of:
            ends.setdefault(str(child), []).append(end)
    next_review: dict[tuple[str, str], list[str]] = {}
    for child, position in latest.items():
        held_on = records.conference_date[position].astype(dt.date)
        if any(end >= held_on for end in ends.get(child, ())):
            continue
        kind = str(records.conference_type[position])
        rule_id = "first_review" if kind == "initial" else "subsequent_review"
        next_review.setdefault((str(records.conference_id[position]), rule_id), []).append(child)
    for (conference_id, rule_id), children in next_review.items():
        first = by_conference[conference_id][0]
        add(rule_id, records.conference_date[first].astype(dt.date), conference_id, children)

    def not_known(rule_id: str, start: dt.date, location: str, child: str, review: dt.date) -> None:
        unassessed.append(
            NotAssessedAction(
                rule_id=rule_id, start=start, conference_id=location, children=(child,),
                rule_in_rule_set=rule_id in rule_set.rule_ids, conference_known=known,
                only_review_after=review,
            )
        )  # fmt: skip

    _plan_reviews(add, not_known, records, latest, as_of64)
    found.sort(key=lambda a: (a.deadline.due, a.conference_id, a.deadline.rule.id))
    stuck.sort(key=lambda item: (item.start, item.rule.id, item.conference_id))
    unassessed.sort(key=lambda item: (item.start, item.rule_id, item.conference_id))
    return Worklist(found, stuck, unassessed)


Adder = Callable[[str, dt.date, str, Iterable[str]], None]


def _plan_reviews(
    add: Adder,
    not_known: Callable[[str, dt.date, str, str, dt.date], None],
    records: ConferenceRecords,
    latest: dict[str, int],
    as_of: np.datetime64,
) -> None:
    """Add the next review of each open plan whose last conference is not in the records.

    A census or an Annex A lists each child's plans: a plan with no review held by
    ``as_of`` has its first review due from its start (the conference that agreed it), and
    one with reviews its next from the latest held by ``as_of`` (a review the file records
    after ``as_of`` is not yet held), even where that conference is not in the file (held
    before the census year, or at ``CINdetails`` level). Where the child's latest
    conference in the records is on or after that day, the conferences already give the
    next review.
    """
    plans = records.plans
    if plans is None:
        return
    for i in range(len(plans)):
        child, start, end, review = (
            str(plans.child_id[i]), plans.start[i], plans.end[i],
            plans.latest_review_by(i, as_of),
        )  # fmt: skip
        if np.isnat(start) or start > as_of or (not np.isnat(end) and end <= as_of):
            continue
        since = start if np.isnat(review) else review
        held = records.conference_date[latest[child]] if child in latest else None
        if held is not None and held >= since:
            continue
        rule_id = "first_review" if np.isnat(review) else "subsequent_review"
        later = plans.reviews[i]
        if not plans.every_review and np.isnat(review) and len(later):
            # An Annex A's only review of the plan is after the day: a review before it
            # may have been held, and the file cannot say. Said, never guessed.
            not_known(rule_id, since.astype(dt.date), str(plans.location[i]), child,
                      later[-1].astype(dt.date))  # fmt: skip
            continue
        add(rule_id, since.astype(dt.date), str(plans.location[i]), [child])


def _reports(
    add: Adder,
    rule_set: RuleSet,
    kind: ConferenceType,
    held: dt.date,
    conference_id: str,
    children: Sequence[str],
    records: ConferenceRecords,
    positions: Sequence[int],
) -> None:
    for rule_id in rule_set.rule_ids:
        versions = rule_set.versions(rule_id)
        rule = versions[-1]
        if rule.start_event is not StartEvent.CONFERENCE or rule.direction is not Direction.BEFORE:
            continue
        if kind not in rule.conference_types:
            continue
        done = records.action_dates.get(rule_id)
        if done is not None and not np.isnat(done[positions[0]]):
            continue
        add(rule_id, held, conference_id, children)
