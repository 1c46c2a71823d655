"""Review child protection conferences held within the rule set's timescale.

The first review is due a set time after the initial conference (``first_review``), later
ones after the previous review (``subsequent_review``). A review conference is on time when
every child in it is.
"""

from __future__ import annotations

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from ..._columnar import grouped, is_first, iso_text, joined, order_by_day_then_id
from ...records.conferences import KINDS, PREVIOUS_KINDS
from ...rules import bulk
from ...rules.bulk import NOT_COMPUTABLE, due_dates
from ..i18n import N_
from ..periods import by_period, period_codes
from ..table import RowTable
from ..writer import CHILD_COLOUR, Writer
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
    by_period_html,
    headline_period_html,
    headline_period_lines,
    outside_html,
    outside_lines,
    table_by_columns,
    template_pieces,
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


#: The late reviews' columns: ``rule`` is ``first_review`` or ``subsequent_review``, and
#: ``days_late`` counts calendar days after the due date (the rules count in months).
LATE_REVIEW_COLUMNS = {
    "conference_id": "str",
    "child_ids": "[str]",
    "conference_date": "str",
    "previous_conference_date": "str",
    "due_date": "str",
    "days_late": "int",
    "rule": "str",
}


#: The columns of the reviews whose due date is not computable.
NOT_COMPUTABLE_COLUMNS = {
    "conference_id": "str",
    "child_ids": "[str]",
    "conference_date": "str",
    "previous_conference_date": "str",
}


@attrs.frozen(kw_only=True)
class ReviewTimeliness:
    """Review conferences held within the timescale, by child and by conference."""

    assessed: bool = True
    by_child: Ratio
    #: Not known for a file with no family link.
    by_conference: Ratio | NotKnown
    not_assessed: NotJudged
    by_period: tuple[ReviewPeriod, ...]
    #: One row per late review conference (children whose due dates differ: one row per
    #: due date), by date then id, each child named by the id as written.
    late_reviews: RowTable = attrs.field(metadata={"columns": LATE_REVIEW_COLUMNS})
    #: The period the headline figures count, where not every date (a census: its year).
    headline_period: HeadlinePeriod | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )
    #: Reviews judged but held outside :attr:`headline_period`: counted by period only.
    outside_headline_period: RowTable | None = attrs.field(
        default=None, metadata={"omit_if_none": True, "columns": OUTSIDE_COLUMNS}
    )
    #: Children's reviews whose rule applies but whose due date is past the calendar's
    #: coverage (bank holidays not yet known): no date and no verdict, and not in
    #: :attr:`not_assessed` (left out when there are none).
    not_computable: int | None = attrs.field(default=None, metadata={"omit_if_none": True})
    #: Those reviews, a row per conference and conference before it, each child named by
    #: the id as written, by date then id (left out when there are none).
    not_computable_conferences: RowTable | None = attrs.field(
        default=None, metadata={"omit_if_none": True, "columns": NOT_COMPUTABLE_COLUMNS}
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

#: The two review rules, each with the type of conference it counts from.
_RULES = (("first_review", "initial"), ("subsequent_review", "review"))


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
    rule_of = np.zeros(n, dtype=np.int8)  # an index into _RULES, for the late reviews
    stuck_all = np.zeros(n, dtype=bool)  # the rule applies; the due date is past coverage
    for rule_id, kind in _RULES:
        mask = review & (previous_kind == PREVIOUS_KINDS.index(kind)) & ~np.isnat(previous)
        if rule_id not in rule_set.rule_ids or not mask.any():
            continue
        row_due, used = due_dates(
            rule_set, rule_id, previous[mask], inputs.calendar, counting=inputs.counting
        )
        full_used = np.full(n, -1, dtype=np.int64)
        full_used[mask] = used
        stuck = mask & (full_used == NOT_COMPUTABLE)
        versions = np.full(n, -1, dtype=np.int64)
        versions[stuck] = bulk.in_force(rule_set, rule_id, previous[stuck])
        uses.append(RuleUse(rule_id=rule_id, version=full_used, rows=mask, in_force=versions))
        stuck_all |= stuck
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
        rule_of[in_force] = _RULES.index((rule_id, kind))
    unknown = review & ~assessed_all & ~stuck_all
    status[unknown] = Status.NOT_ASSESSED
    status[stuck_all] = Status.NOT_COMPUTABLE
    # Every period is shown; the headline counts only its own (a census: its year).
    held = records.conference_date
    outside = inputs.outside_headline(held, assessed_all, due, on_time_all)
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
        late_reviews=_late_reviews(inputs, assessed_all & ~on_time_all, due, rule_of),
        headline_period=inputs.headline_period,
        outside_headline_period=outside,
        not_computable=int(stuck_all.sum()) or None,
        not_computable_conferences=(_stuck_reviews(inputs, stuck_all) if stuck_all.any() else None),
    )
    return Computed(
        result=result,
        verdicts=RowVerdicts(rows=review, status=status, due=due),
        rules=tuple(uses),
    )


def _late_reviews(
    inputs: ReportInputs,
    late: npt.NDArray[np.bool_],
    due: npt.NDArray[np.datetime64],
    rule_of: npt.NDArray[np.int8],
) -> RowTable:
    """List the late reviews: a row per conference and due date, by date then id."""
    records = inputs.records
    held = records.conference_date
    # A conference's children may have had different conferences before (so due dates):
    # one row per conference and due date, each row's children all due that day.
    firsts, columns = _reviews_by_day(inputs, late, due)
    return RowTable(
        {
            **columns,
            "due_date": iso_text(due[firsts]),
            "days_late": pa.array((held[firsts] - due[firsts]).astype(np.int64), pa.int64()),
            "rule": pa.array([_RULES[i][0] for i in rule_of[firsts].tolist()], pa.string()),
        }
    )


def _reviews_by_day(
    inputs: ReportInputs, rows: npt.NDArray[np.bool_], days: npt.NDArray[np.datetime64]
) -> tuple[npt.NDArray[np.int64], dict[str, pa.Array]]:
    """Group ``rows`` by conference and day of ``days``, by date then id.

    Return each group's first row and its columns: the conference, every child by the id
    as written, its date and the conference before it.
    """
    records = inputs.records
    where = np.flatnonzero(rows)
    held = records.conference_date
    numbers = days[where].astype(np.int64)
    span = int(numbers.max() - numbers.min()) + 1 if len(where) else 1
    pairs = records.conference_code[where] * span + (numbers - numbers.min(initial=0))
    group = np.unique(pairs, return_inverse=True)[1].reshape(-1)
    codes = np.full(len(records), -1, dtype=np.int64)
    codes[where] = group
    firsts = where[is_first(group)]
    ids = records.text["conference_id"].take(pa.array(firsts, pa.int64()))
    order = order_by_day_then_id(held[firsts], ids)
    firsts = firsts[order]
    return firsts, {
        "conference_id": ids.take(pa.array(order, pa.int64())),
        "child_ids": grouped(records.text["child_id"], codes, codes[firsts], among=rows),
        "conference_date": iso_text(held[firsts]),
        "previous_conference_date": iso_text(records.previous_conference_date[firsts]),
    }


def _stuck_reviews(inputs: ReportInputs, stuck: npt.NDArray[np.bool_]) -> RowTable:
    """List the reviews whose due date is not computable, by date then id.

    A row per conference and conference before it.
    """
    _, columns = _reviews_by_day(inputs, stuck, inputs.records.previous_conference_date)
    return RowTable(columns)


def _not_computable_lines(
    result: ReviewTimeliness, w: Writer, *, known: bool
) -> tuple[str, list[str]] | None:
    """Say how many reviews are not computable, and name each (``None``: there are none)."""
    if not result.not_computable:
        return None
    _ = w._
    sentence = _(
        "NOT COMPUTABLE: {n} review(s) whose due date is past the calendar's coverage; not "
        "counted as on time or late"
    ).format(n=result.not_computable)
    template = (
        _("conference {conference} (children: {child_ids}) on {date}, from the conference on "
          "{previous}")
        if known
        else _("child {child_ids} ({conference}) on {date}, from the conference on {previous}")
    )  # fmt: skip
    items = [
        template.format(
            conference=row["conference_id"],
            child_ids=", ".join(row["child_ids"]),
            date=w.day(row["conference_date"]),
            previous=w.day(row["previous_conference_date"]),
        )
        for row in result.not_computable_conferences or ()
    ]
    return sentence, items


def _late_review_words(w: Writer, *, known: bool) -> tuple[str, list[str]]:
    """Return the late review line's template, and the table's headings."""
    _ = w._
    if known:
        return _(
            "    {conference} on {date} (due {due}, from the conference on {previous}): "
            "{child_ids}, {late} day(s) late"
        ), [_("conference"), _("children"), _("date"), _("due"), _("previous conference"),
            _("days late")]  # fmt: skip
    return _(
        "    {child} {child_ids} ({conference}) on {date} (due {due}, from the conference on "
        "{previous}): {late} day(s) late"
    ), [_("child"), _("where in the file"), _("date"), _("due"), _("previous conference"),
        _("days late")]  # fmt: skip


def _late_review_columns(late: RowTable, w: Writer) -> dict[str, pa.Array]:
    """Return the late reviews' columns as shown: children joined, dates in the writer's style."""
    c = late.column

    def day(name: str) -> pa.Array:
        if not w.long_dates:
            return c(name)
        return pa.array([w.day(value) for value in c(name).to_pylist()], pa.string())

    several = pc.greater(pc.list_value_length(c("child_ids")), 1)
    return {
        "child": pc.if_else(several, w._("children"), w._("child")),
        "conference": c("conference_id"),
        "child_ids": pc.binary_join(c("child_ids"), ", "),
        "date": day("conference_date"),
        "due": day("due_date"),
        "previous": day("previous_conference_date"),
        "late": c("days_late"),
    }


def _late_review_lines(late: RowTable, w: Writer, *, known: bool) -> list[str]:
    """Return the text report's lines for the late reviews (a column at a time)."""
    if not late:
        return []
    template, _ = _late_review_words(w, known=known)
    lines: list[str] = joined(
        *template_pieces(template, **_late_review_columns(late, w))
    ).to_pylist()
    return ["  " + w._("late reviews ({n}):").format(n=len(late)), *lines]


def _late_review_table(late: RowTable, w: Writer, *, known: bool) -> list[str]:
    """Return the HTML heading and table of the late reviews."""
    if not late:
        return []
    _, header = _late_review_words(w, known=known)
    shown = _late_review_columns(late, w)
    first = ["conference", "child_ids"] if known else ["child_ids", "conference"]
    cells = [shown[name] for name in (*first, "date", "due", "previous", "late")]
    return [w.heading(w._("Late reviews"), 3), table_by_columns(header, cells, w)]


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
    if result.by_period:
        lines.append("  " + _("by period (child):"))
        lines += [f"    {p.period}: {w.pct(p.by_child)}" for p in result.by_period]
    if result.not_assessed.rows:
        lines.append(
            "  "
            + _("not assessed: {n} review(s): {why}").format(
                n=result.not_assessed.rows, why=_(result.not_assessed.why)
            )
        )
    known = not isinstance(result.by_conference, NotKnown)
    stuck = _not_computable_lines(result, w, known=known)
    if stuck is not None:
        lines += ["  " + stuck[0], *("    " + item for item in stuck[1])]
    lines += _late_review_lines(result.late_reviews, w, known=known)
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
    if result.by_period:
        body += by_period_html(
            _("Reviews on time by period"),
            [p.period for p in result.by_period],
            [(_("by child"), CHILD_COLOUR, [p.by_child for p in result.by_period])],
            w,
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
    known = not isinstance(result.by_conference, NotKnown)
    stuck = _not_computable_lines(result, w, known=known)
    if stuck is not None:
        body.append(w.paragraph(stuck[0]))
        body.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in stuck[1]) + "</ul>")
    body += _late_review_table(result.late_reviews, w, known=known)
    return body + outside_html(result.outside_headline_period, w)


#: The review conference timeliness indicator.
INDICATOR = Indicator[ReviewTimeliness](
    key="review_timeliness", compute=compute, text=text, html=html, results=(ReviewTimeliness,)
)
