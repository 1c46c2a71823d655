"""Due dates of adult enquiries and return interviews, beside the children's worklist.

:func:`case_due_actions` lists, soonest first, what is due or overdue on ``as_of`` (never
the clock) and not yet done:

* an adult enquiry not yet concluded (``adult_enquiry``);
* a strategy discussion or meeting marked ``strategy_required`` and not yet held
  (``adult_strategy``, and before the Wales Safeguarding Procedures
  ``pova_strategy_discussion``);
* the next review of an open adult protection plan (``adult_plan_review``);
* a return interview neither held nor declined (``return_interview``; dates only: an hours
  rule's due date is the date of return plus 3 days, not moved off a weekend).

:func:`render_worklist_text` prints the children's and these actions together, in English
or Welsh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from .._explain import render_phrase
from ..records import AdultEnquiryRecords, MissingEpisodeRecords
from ..rules import Deadline, RuleSet, adult_deadlines, return_interview_deadline
from .i18n import RULE_TITLES, translator
from .worklist import DueAction, Worklist

__all__ = [
    "CaseDueAction",
    "case_due_actions",
    "render_worklist_text",
    "undated_text",
    "worklist_marks",
]


@attrs.frozen(kw_only=True)
class CaseDueAction:
    """One action due on an adult enquiry or a missing episode."""

    #: The deadline (rule, edition, source, due date, explanation).
    deadline: Deadline
    #: ``"adult_enquiry"`` or ``"missing_episode"``.
    kind: str
    #: The enquiry or episode id.
    case_id: str
    #: The adult or child it concerns.
    person: str
    #: Whether the due date is before ``as_of``.
    overdue: bool

    @property
    def summary(self) -> str:
        """One line: what, for which enquiry or episode, and whom."""
        what = "enquiry" if self.kind == "adult_enquiry" else "episode"
        who = "adult" if self.kind == "adult_enquiry" else "child"
        return f"{self.deadline.rule.title}: {what} {self.case_id} ({who} {self.person})"


def case_due_actions(
    rule_set: RuleSet,
    *,
    as_of: dt.date,
    adults: AdultEnquiryRecords | None = None,
    missing: MissingEpisodeRecords | None = None,
    within: int | None = 28,
) -> list[CaseDueAction]:
    """Actions due on or before ``as_of + within`` days and not yet done, soonest first."""
    horizon = None if within is None else as_of + dt.timedelta(days=within)
    found: list[CaseDueAction] = []

    def add(deadline: Deadline, kind: str, case_id: str, person: str) -> None:
        if horizon is None or deadline.due <= horizon:
            found.append(
                CaseDueAction(
                    deadline=deadline,
                    kind=kind,
                    case_id=case_id,
                    person=person,
                    overdue=deadline.due < as_of,
                )
            )

    for enquiry in adults.enquiries if adults else ():
        plan_open = enquiry.plan_end is None or enquiry.plan_end > as_of
        for deadline in adult_deadlines(rule_set, enquiry.events):
            rule_id = deadline.rule.id
            done = {
                "adult_enquiry": enquiry.enquiry_concluded is not None,
                "adult_strategy": enquiry.strategy is not None or not enquiry.strategy_required,
                "pova_strategy_discussion": enquiry.strategy is not None
                or not enquiry.strategy_required,
                "adult_plan_review": not plan_open,
            }.get(rule_id, True)
            if not done:
                add(deadline, "adult_enquiry", enquiry.enquiry_id, enquiry.adult_id)
    for episode in missing.episodes if missing else ():
        if episode.interview is not None or episode.declined:
            continue
        interview = return_interview_deadline(rule_set, episode.events)
        if interview is not None:
            add(interview, "missing_episode", episode.episode_id, episode.child_id)
    found.sort(key=lambda a: (a.deadline.due, a.case_id, a.deadline.rule.id))
    return found


def render_worklist_text(
    actions: Sequence[DueAction | CaseDueAction],
    *,
    rule_set: str,
    as_of: dt.date,
    horizon: dt.date,
    language: str = "en",
) -> str:
    """Return the worklist, soonest first, as text in ``language``.

    Given a :class:`~safeguarding_rules.reports.worklist.Worklist`, the actions it cannot
    date are counted in the first line and named after the rest (:func:`undated_text`).
    """
    t = translator(language)
    _ = t.gettext
    ordered = sorted(actions, key=lambda a: a.deadline.due)
    header = t.ngettext(
        "{n} action due by {horizon} (as of {as_of}), rule set {rule_set}.",
        "{n} actions due by {horizon} (as of {as_of}), rule set {rule_set}.",
        len(ordered),
    ).format(n=len(ordered), horizon=t.date(horizon), as_of=t.date(as_of), rule_set=rule_set)
    note, undated = undated_text(actions, language=language) if isinstance(
        actions, Worklist
    ) else ("", [])  # fmt: skip
    lines = [header.removesuffix(".") + f"; {note}." if note else header]
    for action in ordered:
        deadline = action.deadline
        rule = deadline.rule
        title = _(RULE_TITLES[rule.id]) if rule.id in RULE_TITLES else rule.title
        if isinstance(action, DueAction):
            text = render_phrase(action.what, t)
        elif action.kind == "adult_enquiry":
            text = _("{title}: enquiry {id} (adult {person})").format(
                title=title, id=action.case_id, person=action.person
            )
        else:
            text = _("{title}: episode {id} (child {person})").format(
                title=title, id=action.case_id, person=action.person
            )
        flags = ""
        if action.overdue:
            flags += _("OVERDUE") + " "
        lines.append(f"  {t.date(deadline.due)} {flags}{text}{worklist_marks(deadline, language)}")
    return "\n".join(lines + undated)


def worklist_marks(deadline: Deadline, language: str = "en") -> str:
    """Return the marks after a worklist line: `` [UNCONFIRMED]``, `` [PROVISIONAL]``, or "".

    UNCONFIRMED: the rule, or its edition, is not confirmed; PROVISIONAL: the count reaches
    years whose one-off bank holidays may yet be announced. Neither date is settled.
    """
    unconfirmed = " [UNCONFIRMED]" if deadline.unconfirmed else ""
    provisional = (
        " " + translator(language).gettext("[PROVISIONAL]") if deadline.provisional else ""
    )
    return unconfirmed + provisional


def undated_text(worklist: Worklist[Any], *, language: str = "en") -> tuple[str, list[str]]:
    """Say what the worklist cannot date: a note for its first line, and a line for each.

    The note (``"3 not computable, listed below"``) is empty when every action has a date;
    each line names the action's conference and children, and why it has no due date.
    """
    t = translator(language)
    _ = t.gettext
    computable, assessed = len(worklist.not_computable), len(worklist.not_assessed)
    if computable and assessed:
        note = _("{n} not computable and {m} not assessed, listed below").format(
            n=computable, m=assessed
        )
    elif computable:
        note = _("{n} not computable, listed below").format(n=computable)
    elif assessed:
        note = _("{n} not assessed, listed below").format(n=assessed)
    else:
        return "", []
    flag = _("NOT COMPUTABLE")
    lines = [f"  {flag} {render_phrase(item.what, t)}" for item in worklist.not_computable]
    flag = _("NOT ASSESSED")
    lines += [f"  {flag} {render_phrase(item.what, t)}" for item in worklist.not_assessed]
    return note, lines
