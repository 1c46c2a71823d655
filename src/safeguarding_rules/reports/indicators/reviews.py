"""Review child protection conferences held within the rule set's timescale.

The first review is due a set time after the initial conference (``first_review``), later
ones after the previous review (``subsequent_review``). A review conference is on time when
every child in it is.
"""

from __future__ import annotations

import attrs
import numpy as np
import numpy.typing as npt

from ...records.conferences import KINDS, PREVIOUS_KINDS
from ...rules.bulk import due_dates
from ..i18n import N_
from ..periods import by_period, period_codes
from ..table import RowTable
from ..writer import Writer
from ._base import (
    OUTSIDE_COLUMNS,
    Computed,
    HeadlinePeriod,
    Indicator,
    NotAssessed,
    NotKnown,
    Ratio,
    ReportInputs,
    RowVerdicts,
    RuleUse,
    Status,
    headline_period_html,
    headline_period_lines,
    outside_html,
    outside_lines,
)

__all__ = ["INDICATOR", "NotJudged", "ReviewPeriod", "ReviewTimeliness"]


@attrs.frozen(kw_only=True)
class NotJudged:
    """Review rows that could not be judged, and why."""

    rows: int
    why: str


@attrs.frozen(kw_only=True)
class ReviewPeriod:
    """One reporting period's figures."""

    period: str
    by_child: Ratio


@attrs.frozen(kw_only=True)
class ReviewTimeliness:
    """Review conferences held within the timescale, by child and by conference."""

    assessed: bool = True
    by_child: Ratio
    #: Not known for a file with no family link.
    by_conference: Ratio | NotKnown
    not_assessed: NotJudged
    by_period: tuple[ReviewPeriod, ...]
    #: The period the headline figures count, where not every date (a census: its year).
    headline_period: HeadlinePeriod | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )
    #: Reviews judged but held outside :attr:`headline_period`: counted by period only.
    outside_headline_period: RowTable | None = attrs.field(
        default=None, metadata={"omit_if_none": True, "columns": OUTSIDE_COLUMNS}
    )


#: Why a review could not be judged, in each format's own terms.
NOT_JUDGED = {
    "csv": N_(
        "no previous_conference_date, or its type is neither in the file nor given in "
        "previous_conference_type, or no edition of the rule covers it"
    ),
    "cin-census": N_(
        "no edition of the rule covers the conference before the review (the plan's start, "
        "CPPstartDate, or the review before it)"
    ),
    "annex-a": N_(
        "List 7 gives only each plan's latest review (Date of latest review conference), "
        "not the conference before it"
    ),
    "ssd": N_(
        "the conference before the review is not known: the review has no plan "
        "(cppr_cp_plan_id), no conference agreed its plan (cppl_icpc_id), or it follows a "
        "transfer-in conference, whose first-review timescale is not confirmed"
    ),
}
NOT_JUDGED["jsonl"] = NOT_JUDGED["mapped"] = NOT_JUDGED["csv"]


def _previous_kinds(inputs: ReportInputs, review: npt.NDArray[np.bool_]) -> npt.NDArray[np.uint8]:
    """Each row's previous conference type: as given, else looked up in the file.

    The previous conference's type, where it is in the file, is found by child and date.
    """
    records = inputs.records
    previous_kind = records.previous_kind.copy()  # indices into PREVIOUS_KINDS
    previous = records.previous_conference_date
    unknown_kind = np.flatnonzero(review & (previous_kind == 0) & ~np.isnat(previous))
    if unknown_kind.size:
        held = ~np.isnat(records.conference_date)
        days = records.conference_date.astype(np.int64)
        conference_types = dict(
            zip(
                zip(records.child_code[held].tolist(), days[held].tolist(), strict=True),
                records.kind[held].tolist(),
                strict=True,
            )
        )
        wanted = zip(
            records.child_code[unknown_kind].tolist(),
            previous[unknown_kind].astype(np.int64).tolist(),
            strict=True,
        )
        for position, key in zip(unknown_kind.tolist(), wanted, strict=True):
            found = conference_types.get(key)
            if found is not None and KINDS[found] in ("initial", "review"):
                previous_kind[position] = PREVIOUS_KINDS.index(KINDS[found])
    return previous_kind


def compute(inputs: ReportInputs) -> Computed[ReviewTimeliness]:
    """Judge every review conference against the first or subsequent review rule."""
    records, rule_set = inputs.records, inputs.rule_set
    review = records.of_type("review")
    if not review.any():
        return Computed(result=NotAssessed(why=N_("no review conferences in the records")))
    n = len(records)
    previous_kind = _previous_kinds(inputs, review)
    previous = records.previous_conference_date
    status = np.zeros(n, dtype=np.int8)
    due = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    on_time_all = np.zeros(n, dtype=bool)
    assessed_all = np.zeros(n, dtype=bool)
    uses = []
    for rule_id, kind in (("first_review", "initial"), ("subsequent_review", "review")):
        mask = review & (previous_kind == PREVIOUS_KINDS.index(kind)) & ~np.isnat(previous)
        if rule_id not in rule_set.rule_ids or not mask.any():
            continue
        row_due, used = due_dates(
            rule_set, rule_id, previous[mask], inputs.calendar, counting=inputs.counting
        )
        full_used = np.full(n, -1, dtype=np.int64)
        full_used[mask] = used
        uses.append(RuleUse(rule_id=rule_id, version=full_used, rows=mask))
        ok = np.zeros(n, dtype=bool)
        in_force = np.zeros(n, dtype=bool)
        in_force[mask] = used >= 0
        ok[mask] = records.conference_date[mask] <= row_due
        ok &= in_force
        due[mask] = row_due
        status[in_force & ok] = Status.ON_TIME
        status[in_force & ~ok] = Status.LATE
        on_time_all |= ok
        assessed_all |= in_force
    unknown = review & ~assessed_all
    status[unknown] = Status.NOT_ASSESSED
    # Every period is shown; the headline counts only its own (a census: its year).
    held = records.conference_date
    outside = inputs.outside_headline(held, assessed_all)
    everywhere, on_time_everywhere = assessed_all, on_time_all
    assessed_all = assessed_all & inputs.in_headline(held)
    on_time_all = on_time_all & assessed_all
    by_conference: Ratio | NotKnown = NotKnown(why=inputs.conferences_unknown_why)
    if inputs.conferences_known:
        # A review conference is on time when every child in it is.
        conferences = np.bincount(records.conference_code[assessed_all], minlength=1) > 0
        late_ones = records.conference_code[assessed_all & ~on_time_all]
        late_conferences = np.bincount(late_ones, minlength=len(conferences)) > 0
        by_conference = Ratio.of(
            int(np.count_nonzero(conferences & ~late_conferences)),
            int(np.count_nonzero(conferences)),
        )
    codes, labels = period_codes(held[everywhere], inputs.period, inputs.year_start)
    counted = by_period(
        codes,
        labels,
        {"all": np.ones(len(codes), dtype=bool), "on_time": on_time_everywhere[everywhere]},
    )
    result = ReviewTimeliness(
        by_child=Ratio.of(int(on_time_all.sum()), int(assessed_all.sum())),
        by_conference=by_conference,
        not_assessed=NotJudged(
            rows=int(unknown.sum()),
            why=NOT_JUDGED.get(records.input_format, NOT_JUDGED["csv"]),
        ),
        by_period=tuple(
            ReviewPeriod(period=label, by_child=Ratio.of(count["on_time"], count["all"]))
            for label, count in counted.items()
        ),
        headline_period=inputs.headline_period,
        outside_headline_period=outside,
    )
    return Computed(
        result=result,
        verdicts=RowVerdicts(rows=review, status=status, due=due),
        rules=tuple(uses),
    )


def text(result: ReviewTimeliness | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    lines = ["", _("Review conferences within timescale")]
    if isinstance(result, NotAssessed):
        return [*lines, "  " + _("not assessed: {why}").format(why=_(result.why))]
    lines += headline_period_lines(result.headline_period, w, reviews=True)
    lines += [
        "  " + _("by child:      {value}").format(value=w.pct(result.by_child)),
        "  " + _("by conference: {value}").format(value=w.pct(result.by_conference)),
    ]
    if result.not_assessed.rows:
        lines.append(
            "  "
            + _("not assessed: {n} review(s): {why}").format(
                n=result.not_assessed.rows, why=_(result.not_assessed.why)
            )
        )
    return lines + outside_lines(result.outside_headline_period, w)


def html(result: ReviewTimeliness | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _, esc = w._, w.esc
    body = [w.heading(_("Review conferences within timescale"))]
    if isinstance(result, NotAssessed):
        return [*body, w.paragraph(_("Not assessed: {why}").format(why=_(result.why)))]
    body += headline_period_html(result.headline_period, w, reviews=True)
    by_child, by_conference = esc(w.pct(result.by_child)), esc(w.pct(result.by_conference))
    body.append(
        "<p>"
        + esc(_("{by_child} by child; {by_conference} by conference.")).format(
            by_child=by_child, by_conference=by_conference
        )
        + "</p>"
    )
    if result.not_assessed.rows:
        body.append(
            "<p>"
            + esc(
                _("not assessed: {n} review(s): {why}").format(
                    n=result.not_assessed.rows, why=_(result.not_assessed.why)
                )
            )
            + "</p>"
        )
    return body + outside_html(result.outside_headline_period, w)


#: The review conference timeliness indicator.
INDICATOR = Indicator[ReviewTimeliness](
    key="review_timeliness", compute=compute, text=text, html=html, results=(ReviewTimeliness,)
)
