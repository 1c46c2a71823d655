"""Audits of what the council's system recorded about reviews (the SSD records both).

* ``recorded_review_due_dates``: every recorded review due date (``cppr_cp_review_due``) is
  compared with the due date the rule set computes from the conference before the review:
  the first review from the initial (or transfer-in) conference that agreed the plan
  (``first_review``, three months in England), each later one from the review before it
  (``subsequent_review``, six months). Where they differ, the likely cause is named when
  the recorded date is exactly what a recognisable wrong formula gives: months counted as
  calendar days, or counted from the strategy discussion or the previous review's due
  date instead of the conference.
* ``recorded_quoracy``: each held review's recorded quorate flag
  (``cppr_cp_review_quorate``), counted; the reviews recorded as not quorate, and any flag
  that is neither yes nor no, listed (never guessed).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import numpy as np
import numpy.typing as npt

from ...rules.bulk import add_months_array, due_dates
from ..i18n import N_
from ..writer import Writer
from ._base import Computed, Indicator, NotAssessed, Ratio, ReportInputs
from .recorded_targets import (
    UnreadableValue,
    audit_html,
    audit_lines,
    causes_text,
    unreadable_html,
    unreadable_lines,
)

__all__ = [
    "QUORACY",
    "REVIEW_DUE_DATES",
    "RecordedQuoracy",
    "RecordedReviewDue",
    "RecordedReviewDueDates",
    "ReviewFlag",
]

Dates = npt.NDArray[np.datetime64]
#: Which rule each kind of previous conference starts.
#: (None after a transfer-in conference: no national timescale for its first review is
#: confirmed, so such a due date is not checked, as the review itself is not judged.)
_RULE_AFTER = {"initial": "first_review", "review": "subsequent_review"}
#: What a listed review's flag says.
NOT_QUORATE, NOT_UNDERSTOOD = N_("not quorate"), N_("not understood")
_FROM_DISCUSSION = "counted 3 months from the strategy discussion, not the conference"
_FROM_DUE = "counted 6 months from the previous review's due date, not its date"


@attrs.frozen(kw_only=True)
class RecordedReviewDue:
    """A recorded review due date that differs from the rule set's, with its likely cause."""

    child_id: str
    location: str
    rule: str
    previous_conference: str
    previous_conference_type: str
    recorded: str
    computed: str
    #: Calendar days from the computed date to the recorded one (negative: earlier).
    days_later: int
    likely_causes: tuple[str, ...]


@attrs.frozen(kw_only=True)
class RecordedReviewDueDates:
    """Recorded review due dates checked against the rule set's."""

    #: The file's own name for the recorded date.
    recorded_as: str = "cppr_cp_review_due"
    recorded: int
    checked: int
    #: Recorded, but not checked: the conference before the review is not known (no plan
    #: id, or a plan no conference links to), or no edition of the rule covers it.
    not_checked: int
    differing: int
    by_likely_cause: Mapping[str, int]
    rows: tuple[RecordedReviewDue, ...]
    #: Recorded due dates that are not dates, each with its value (their reviews are kept).
    unreadable: tuple[UnreadableValue, ...] = ()


@attrs.frozen(kw_only=True)
class ReviewFlag:
    """A held review recorded as not quorate, or with a flag that is neither yes nor no."""

    child_id: str
    location: str
    review_date: str
    #: ``not quorate``, or ``not understood``.
    recorded: str
    #: The value as written.
    value: str


@attrs.frozen(kw_only=True)
class RecordedQuoracy:
    """Held reviews by their recorded quorate flag (the council's own record, not judged)."""

    recorded_as: str = "cppr_cp_review_quorate"
    #: Reviews held.
    reviews: int
    #: Recorded as quorate, of those with a yes or no.
    quorate: Ratio
    #: No flag recorded.
    not_recorded: int
    #: A flag that is neither yes nor no: listed, never guessed.
    not_understood: int
    #: The reviews recorded as not quorate, and the flags not understood.
    rows: tuple[ReviewFlag, ...]


def _months_as_days(previous: Dates, recorded: Dates, months: int) -> npt.NDArray[np.bool_]:
    """Where ``recorded`` is ``previous`` plus the usual day counts for ``months`` months."""
    days = (recorded - previous).astype(np.int64)
    low, high = (89, 92) if months == 3 else (181, 184)
    found: npt.NDArray[np.bool_] = (days >= low) & (days <= high)
    return found


def compute_due_dates(inputs: ReportInputs) -> Computed[RecordedReviewDueDates] | None:
    """Compare every recorded review due date with the rule set's (the SSD only)."""
    ssd = inputs.ssd
    if ssd is None or not ssd.reviews.due_column:
        return None
    reviews, rule_set = ssd.reviews, inputs.rule_set
    n = len(reviews)
    recorded = reviews.due
    previous = reviews.previous_date
    kinds = np.asarray(reviews.previous_type, dtype=object)
    computed = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    rule_of = np.full(n, "", dtype=object)
    checked = np.zeros(n, dtype=bool)
    has = ~np.isnat(recorded)
    for kind, rule_id in _RULE_AFTER.items():
        rows = has & ~np.isnat(previous) & (kinds == kind)
        if not rows.any() or rule_id not in rule_set.rule_ids:
            continue
        due, used = due_dates(rule_set, rule_id, previous[rows], inputs.calendar,
                              counting=inputs.counting)  # fmt: skip
        computed[rows] = due
        rule_of[rows] = rule_id
        checked[rows] = used >= 0
    differing = checked & (recorded != computed)
    # The wrong formulas systems use, by what they start from.
    starts = _strategy_discussions(inputs)
    previous_due = _previous_recorded_due(reviews.plan_id, reviews.held, recorded)
    causes: list[list[str]] = [[] for _ in range(n)]
    for i in np.flatnonzero(differing).tolist():
        months = 3 if rule_of[i] == "first_review" else 6
        if _months_as_days(previous[i : i + 1], recorded[i : i + 1], months)[0]:
            causes[i].append(f"counted {months} months as calendar days")
        if rule_of[i] == "first_review":
            start = starts.get((str(reviews.child_id[i]), str(previous[i])))
            if start is not None and _plus_months(start, 3) == recorded[i]:
                causes[i].append(_FROM_DISCUSSION)
        elif not np.isnat(previous_due[i]) and _plus_months(previous_due[i], 6) == recorded[i]:
            causes[i].append(_FROM_DUE)
    by_cause: dict[str, int] = {}
    for i in np.flatnonzero(differing).tolist():
        for cause in causes[i] or ["not recognised"]:
            by_cause[cause] = by_cause.get(cause, 0) + 1
    return Computed(
        result=RecordedReviewDueDates(
            recorded=int(has.sum()),
            checked=int(checked.sum()),
            not_checked=int((has & ~checked).sum()),
            differing=int(differing.sum()),
            by_likely_cause=dict(sorted(by_cause.items(), key=lambda item: -item[1])),
            rows=tuple(
                RecordedReviewDue(
                    child_id=str(reviews.child_id[i]),
                    location=reviews.location(i),
                    rule=str(rule_of[i]),
                    previous_conference=str(previous[i]),
                    previous_conference_type=str(kinds[i]),
                    recorded=str(recorded[i]),
                    computed=str(computed[i]),
                    days_later=int((recorded[i] - computed[i]).astype(np.int64)),
                    likely_causes=tuple(causes[i]),
                )
                for i in np.flatnonzero(differing).tolist()
            ),
            unreadable=tuple(
                UnreadableValue(
                    child_id=str(reviews.child_id[i]), location=reviews.location(i), value=value
                )
                for i, value in enumerate(reviews.due_unreadable.tolist())
                if value
            ),
        )
    )


def _plus_months(day: np.datetime64, months: int) -> np.datetime64:
    """``day`` plus calendar ``months``, the same day of the month (clamped at its end)."""
    shifted: np.datetime64 = add_months_array(np.array([day], dtype="datetime64[D]"), months)[0]
    return shifted


def _strategy_discussions(inputs: ReportInputs) -> dict[tuple[str, str], np.datetime64]:
    """Each initial conference's strategy discussion, by child and conference date."""
    records = inputs.records
    initial = np.flatnonzero(records.of_type("initial") & ~np.isnat(records.conference_date))
    return {
        (str(records.child_id[i]), str(records.conference_date[i])): (
            records.strategy_discussion_date[i]
        )
        for i in initial.tolist()
    }


def _previous_recorded_due(plan_id: npt.NDArray[np.object_], held: Dates, due: Dates) -> Dates:
    """Each review's previous review's recorded due date, in the same plan (NaT for none)."""
    found = np.full(len(plan_id), np.datetime64("NaT"), dtype="datetime64[D]")
    last: dict[str, np.datetime64] = {}
    # By plan, then by date held; a review not yet held comes after every one that was.
    when = np.where(np.isnat(held), np.iinfo(np.int64).max, held.astype(np.int64))
    order = np.lexsort((when, np.asarray(plan_id, dtype=str)))
    for i in order.tolist():
        plan = str(plan_id[i])
        if plan and plan in last:
            found[i] = last[plan]
        if plan and not np.isnat(held[i]):
            last[plan] = due[i]
    return found


def compute_quoracy(inputs: ReportInputs) -> Computed[RecordedQuoracy] | None:
    """Count held reviews by their recorded quorate flag (the SSD only)."""
    ssd = inputs.ssd
    if ssd is None or not ssd.reviews.quorate_column:
        return None
    reviews = ssd.reviews
    held = ~np.isnat(reviews.held)
    yes, no = held & reviews.recorded_quorate, held & reviews.inquorate
    unset, unknown = held & reviews.quorate_not_recorded, held & reviews.quorate_not_understood
    listed = np.flatnonzero(no | unknown)
    listed = listed[np.argsort(reviews.held[listed], kind="stable")]
    return Computed(
        result=RecordedQuoracy(
            reviews=int(held.sum()),
            quorate=Ratio.of(int(yes.sum()), int((yes | no).sum())),
            not_recorded=int(unset.sum()),
            not_understood=int(unknown.sum()),
            rows=tuple(
                ReviewFlag(
                    child_id=str(reviews.child_id[i]),
                    location=reviews.location(i),
                    review_date=str(reviews.held[i]),
                    recorded=NOT_QUORATE if no[i] else NOT_UNDERSTOOD,
                    value=str(reviews.quorate_value[i]),
                )
                for i in listed.tolist()
            ),
        )
    )


# -- text and HTML ---------------------------------------------------------------------------


def due_dates_text(result: RecordedReviewDueDates | NotAssessed, w: Writer) -> list[str]:
    """Return the audit's lines in the text report."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    lines = [
        "",
        _("Recorded review due dates ({field})").format(field=result.recorded_as),
        *audit_lines(result, w),
    ]
    lines += [
        "  "
        + _(
            "child {child} ({location}): {rule} after {previous}, recorded {recorded}, due "
            "{due} ({days} calendar days); {causes}"
        ).format(
            child=r.child_id,
            location=r.location,
            rule=r.rule,
            previous=w.day(r.previous_conference),
            recorded=w.day(r.recorded),
            due=w.day(r.computed),
            days=f"{r.days_later:+d}",
            causes=causes_text(r.likely_causes, w, _("cause not recognised")),
        )
        for r in result.rows
    ]
    return lines + unreadable_lines(result.unreadable, w)


def due_dates_html(result: RecordedReviewDueDates | NotAssessed, w: Writer) -> list[str]:
    """Return the audit's part of the HTML page."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    return [
        w.heading(_("Recorded review due dates")),
        *audit_html(result, w),
        w.table(
            [
                _("child"),
                _("where in the file"),
                _("rule"),
                _("previous conference"),
                _("recorded"),
                _("due"),
                _("calendar days"),
                _("likely cause"),
            ],
            [
                [
                    r.child_id,
                    r.location,
                    r.rule,
                    w.day(r.previous_conference),
                    w.day(r.recorded),
                    w.day(r.computed),
                    r.days_later,
                    causes_text(r.likely_causes, w, _("not recognised")),
                ]
                for r in result.rows
            ],
        ),
        *unreadable_html(result.unreadable, w),
    ]


def quoracy_text(result: RecordedQuoracy | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    lines = [
        "",
        _("Reviews recorded as quorate ({field})").format(field=result.recorded_as),
        "  "
        + _("recorded quorate: {value}; no flag: {unset}; not understood: {unknown}").format(
            value=w.pct(result.quorate), unset=result.not_recorded, unknown=result.not_understood
        ),
    ]
    return lines + [
        "    "
        + _("child {child} ({location}) on {date}: {recorded} ({value})").format(
            child=r.child_id,
            location=r.location,
            date=w.day(r.review_date),
            recorded=_(r.recorded),
            value=repr(r.value),
        )
        for r in result.rows
    ]


def quoracy_html(result: RecordedQuoracy | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _, esc = w._, w.esc
    if isinstance(result, NotAssessed):
        return []
    return [
        w.heading(_("Reviews recorded as quorate")),
        "<p>"
        + esc(
            _("recorded quorate: {value}; no flag: {unset}; not understood: {unknown}").format(
                value=w.pct(result.quorate),
                unset=result.not_recorded,
                unknown=result.not_understood,
            )
        )
        + "</p>",
        w.table(
            [_("child"), _("where in the file"), _("date"), _("recorded"), _("value")],
            [
                [r.child_id, r.location, w.day(r.review_date), _(r.recorded), r.value]
                for r in result.rows
            ],
        ),
    ]


#: The recorded review due dates' audit (the SSD).
REVIEW_DUE_DATES = Indicator[RecordedReviewDueDates](
    key="recorded_review_due_dates",
    compute=compute_due_dates,
    text=due_dates_text,
    html=due_dates_html,
    results=(RecordedReviewDueDates,),
    optional=True,
)
#: Reviews by their recorded quorate flag (the SSD).
QUORACY = Indicator[RecordedQuoracy](
    key="recorded_quoracy",
    compute=compute_quoracy,
    text=quoracy_text,
    html=quoracy_html,
    results=(RecordedQuoracy,),
    optional=True,
)
