"""Initial child protection conferences held within the rule set's timescale.

Counted by child and by conference (a conference is on time when it was held by its due
date; its children share it). Working days are counted from the strategy discussion (day 0)
to the conference, and banded as the DfE bands them (0-10, 11-15, 16-20, 21+).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from ..._columnar import grouped, is_first, iso_text, joined, order_by_day_then_id
from ...records import ConferenceRecords
from ...records.detect import NO_FAMILY_LINK, NO_MEETING_ID
from ...rules.bulk import NOT_COMPUTABLE, due_dates, in_force
from ..i18n import N_
from ..periods import by_period, period_codes
from ..table import RowTable
from ..writer import CHILD_COLOUR, CONFERENCE_COLOUR, Writer
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

__all__ = ["DFE_BANDS", "INDICATOR", "InitialConferenceTimeliness", "InitialPeriod"]

#: The DfE's bands of working days from strategy discussion to initial conference.
DFE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-10", 0, 10),
    ("11-15", 11, 15),
    ("16-20", 16, 20),
    ("21+", 21, None),
)


@attrs.frozen(kw_only=True)
class InitialPeriod:
    """One reporting period's figures."""

    period: str
    by_child: Ratio
    by_conference: Ratio | NotKnown


#: The columns of a list of conferences in no figure (not yet held, not computable).
_NAMED = {"conference_id": "str", "child_ids": "[str]", "strategy_discussion_date": "str"}


@attrs.frozen(kw_only=True)
class InitialConferenceTimeliness:
    """Initial conferences held within the timescale, by child and by conference."""

    assessed: bool = True
    #: The rule counted against.
    rule: str = "icpc"
    by_child: Ratio
    #: Not known for a file with no family link (a census, an Annex A).
    by_conference: Ratio | NotKnown
    #: The longest wait, in working days from the strategy discussion (``None``: none held).
    max_working_days: int | None
    #: Conferences by DfE band of working days (:data:`DFE_BANDS`); where conferences are
    #: not known (:attr:`by_conference` not known), children (each enquiry's row) instead.
    bands: Mapping[str, int]
    by_period: tuple[InitialPeriod, ...]
    #: One row per late conference, by date then id.
    late_conferences: RowTable = attrs.field(
        metadata={
            "columns": {
                "conference_id": "str",
                "child_ids": "[str]",
                "conference_date": "str",
                "strategy_discussion_date": "str",
                "due_date": "str",
                "children": "int",
                "working_days": "int",
                "working_days_late": "int",
                "reason_for_delay": "str?",
                "reason_accepted": "bool?",
            }
        }
    )
    #: Children whose initial conference is not yet held.
    pending: int
    #: Their conferences, each with its children by the ids as written and its due date
    #: (empty where not computable), by strategy discussion then id (left out when none).
    pending_conferences: RowTable | None = attrs.field(
        default=None,
        metadata={"omit_if_none": True, "columns": {**_NAMED, "due_date": "str?"}},
    )
    #: Children whose conference no version of the rule applied to.
    not_assessed: int
    #: Of those not assessed: the rule applies, but the due date is past the calendar's
    #: coverage (bank holidays not yet known), so no date and no verdict are given.
    not_computable: int
    #: Those children's conferences, each with its children by the ids as written (left
    #: out when there are none), by strategy discussion then id.
    not_computable_conferences: RowTable | None = attrs.field(
        default=None, metadata={"omit_if_none": True, "columns": _NAMED}
    )
    #: The authority's target proportion on time, if any.
    target: float | None
    #: ``"by_child"`` or ``"by_conference"``: the authority's headline figure.
    headline: str
    #: Whether the headline meets the target (left out when there is no target or figure).
    meets_target: bool | None = attrs.field(default=None, metadata={"omit_if_none": True})
    #: The period the headline figures count, where not every date (a census: its year).
    headline_period: HeadlinePeriod | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )
    #: A census's initial conferences recorded outside any section 47 enquiry: in no
    #: figure here (no S47 start to count from), counted and listed in DfE table C4.
    not_counted_outside_section47: int | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )
    #: A census's initial conferences recorded before their own S47 start: in no figure
    #: here (a negative wait is a recording error), counted in DfE table C4's total with no
    #: duration, as the DfE does, and listed there.
    not_counted_before_s47_start: int | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )
    #: Conferences assessed but held outside :attr:`headline_period`: counted by period
    #: only, each named with why.
    outside_headline_period: RowTable | None = attrs.field(
        default=None, metadata={"omit_if_none": True, "columns": OUTSIDE_COLUMNS}
    )


def _none_if_empty(values: pa.Array) -> pa.Array:
    """Empty text as null (``None``), as the JSON report shows a reason not given."""
    return pc.if_else(pc.equal(pc.binary_length(values), 0), pa.scalar(None, pa.string()), values)


def _accepted(reasons: pa.Array, rejected: frozenset[str]) -> pa.Array:
    """Whether each reason for delay is accepted (not in ``rejected``); null where none given.

    Decided once per distinct reason, with Python's own lower-casing.
    """
    encoded = pc.dictionary_encode(reasons)
    verdicts = pa.array(
        [None if not reason else reason.lower() not in rejected for reason in
         encoded.dictionary.to_pylist()],
        pa.bool_(),
    )  # fmt: skip
    return verdicts.take(encoded.indices)


def compute(inputs: ReportInputs) -> Computed[InitialConferenceTimeliness]:
    """Judge every initial conference against the rule set's ``icpc`` rule."""
    records, rule_set, calendar = inputs.records, inputs.rule_set, inputs.calendar
    policy = inputs.policy
    if "icpc" not in rule_set.rule_ids:
        return Computed(result=NotAssessed(why=N_("the rule set has no 'icpc' rule")))
    n = len(records)
    initial = records.of_type("initial")
    held = initial & ~np.isnat(records.conference_date)
    pending = initial & np.isnat(records.conference_date)
    status = np.zeros(n, dtype=np.int8)
    status[pending] = Status.PENDING
    sd = records.strategy_discussion_date
    row_due = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    used = np.full(n, -1, dtype=np.int64)
    if initial.any():
        row_due[initial], used[initial] = due_dates(
            rule_set, "icpc", sd[initial], calendar, counting=inputs.counting
        )
    assessed = held & (used >= 0)
    not_in_force = initial & (used < 0)
    status[not_in_force] = Status.NOT_ASSESSED
    conf = records.conference_date
    wd = np.zeros(n, dtype=np.int32)
    if assessed.any():
        wd[assessed] = calendar.working_days_between_array(sd[assessed], conf[assessed])
    on_time = assessed & (conf <= row_due)
    late = assessed & ~on_time
    lateness = np.zeros(n, dtype=np.int32)
    if late.any():
        lateness[late] = calendar.working_days_between_array(row_due[late], conf[late])
    status[on_time] = Status.ON_TIME
    status[late] = Status.LATE
    working_days = np.full(n, -1, dtype=np.int32)
    days_late = np.full(n, -1, dtype=np.int32)
    working_days[assessed] = wd[assessed]
    days_late[assessed] = lateness[assessed]

    known = inputs.conferences_known
    unknown = NotKnown(why=inputs.conferences_unknown_why)
    per_conference = inputs.first_of_conference
    # Every period is shown; the headline counts only its own (a census: its year).
    outside = inputs.outside_headline(conf, assessed & per_conference, row_due, on_time)
    everywhere, assessed = assessed, assessed & inputs.in_headline(conf)
    on_time_everywhere = on_time
    on_time, late = on_time & assessed, late & assessed
    conf_assessed = assessed & per_conference
    codes, labels = period_codes(conf[everywhere], inputs.period, inputs.year_start)
    counted = by_period(
        codes,
        labels,
        {
            "all": np.ones(len(codes), dtype=bool),
            "on_time": on_time_everywhere[everywhere],
            "first": per_conference[everywhere],
            "first_on_time": (on_time_everywhere & per_conference)[everywhere],
        },
    )
    periods = tuple(
        InitialPeriod(
            period=label,
            by_child=Ratio.of(count["on_time"], count["all"]),
            by_conference=Ratio.of(count["first_on_time"], count["first"]) if known else unknown,
        )
        for label, count in counted.items()
    )
    # Per conference where the file says which children shared one; else per row (a
    # child's enquiry), as the text's "per enquiry" says.
    banded = conf_assessed if known else assessed
    bands = {}
    for name, low, high in DFE_BANDS:
        in_band = banded & (wd >= low) & ((wd <= high) if high is not None else True)
        bands[name] = int(in_band.sum())
    children = np.bincount(records.conference_code[assessed], minlength=1)
    where = np.flatnonzero(late & per_conference)
    late_ids = records.text["conference_id"].take(where)
    order = order_by_day_then_id(conf[where], late_ids)
    where = where[order]
    reasons = records.text["reason_for_delay"].take(pa.array(where))
    late_conferences = RowTable(
        {
            "conference_id": late_ids.take(pa.array(order)),
            # Every child of each late conference, by the id the council wrote.
            "child_ids": _child_ids(records, where, among=late),
            "conference_date": iso_text(conf[where]),
            "strategy_discussion_date": iso_text(sd[where]),
            "due_date": iso_text(row_due[where]),
            "children": pa.array(children[records.conference_code[where]], pa.int64()),
            "working_days": pa.array(wd[where], pa.int64()),
            "working_days_late": pa.array(lateness[where], pa.int64()),
            "reason_for_delay": _none_if_empty(reasons),
            "reason_accepted": _accepted(reasons, policy.rejected_delay_reasons),
        }
    )
    stuck = initial & (used == NOT_COMPUTABLE)
    by_child = Ratio.of(int(on_time.sum()), int(assessed.sum()))
    by_conference = (
        Ratio.of(int((on_time & per_conference).sum()), int(conf_assessed.sum()))
        if known
        else unknown
    )
    # Without a family link, the headline can only be by child.
    headline = "by_" + policy.headline_unit.value if known else "by_child"
    headline_figure = by_child if headline == "by_child" else by_conference
    target = policy.target
    meets_target = None
    if target is not None and headline_figure.percent is not None:
        meets_target = headline_figure.percent >= 100 * target
    result = InitialConferenceTimeliness(
        by_child=by_child,
        by_conference=by_conference,
        max_working_days=int(wd[assessed].max()) if assessed.any() else None,
        bands=bands,
        by_period=periods,
        late_conferences=late_conferences,
        pending=int(pending.sum()),
        pending_conferences=(
            _named_conferences(records, pending, row_due) if pending.any() else None
        ),
        not_assessed=int(not_in_force.sum()),
        not_computable=int(stuck.sum()),
        not_computable_conferences=_named_conferences(records, stuck) if stuck.any() else None,
        target=target,
        headline=headline,
        meets_target=meets_target,
        headline_period=inputs.headline_period,
        outside_headline_period=outside,
        not_counted_outside_section47=(
            len(inputs.census.episode_icpc_date)
            if inputs.census is not None and len(inputs.census.episode_icpc_date)
            else None
        ),
        not_counted_before_s47_start=_before_s47_start(inputs),
    )
    # The rule applies but no due date can be given: said so, with the rule's edition.
    status[stuck] = Status.NOT_COMPUTABLE
    versions = np.full(n, -1, dtype=np.int64)
    versions[stuck] = in_force(rule_set, "icpc", sd[stuck])
    verdicts = RowVerdicts(
        rows=initial, status=status, due=row_due, working_days=working_days, days_late=days_late
    )
    return Computed(
        result=result,
        verdicts=verdicts,
        rules=(RuleUse(rule_id="icpc", version=used, rows=initial, in_force=versions),),
    )


def _child_ids(
    records: ConferenceRecords, where: npt.NDArray[np.int64], *, among: npt.NDArray[np.bool_]
) -> pa.Array:
    """Return every child of the conference of each row in ``where`` (rows of ``among``)."""
    codes = records.conference_code
    return grouped(records.text["child_id"], codes, codes[where], among=among)


def _named_conferences(
    records: ConferenceRecords,
    rows: npt.NDArray[np.bool_],
    due: npt.NDArray[np.datetime64] | None = None,
) -> RowTable:
    """Name the conferences of ``rows``, with their children (and due dates, if given)."""
    where = np.flatnonzero(rows)
    where = where[is_first(records.conference_code[where])]  # each conference's first row
    ids = records.text["conference_id"].take(pa.array(where))
    sd = records.strategy_discussion_date
    order = order_by_day_then_id(sd[where], ids)
    where = where[order]
    columns = {
        "conference_id": ids.take(pa.array(order)),
        "child_ids": _child_ids(records, where, among=rows),
        "strategy_discussion_date": iso_text(sd[where]),
    }
    if due is not None:
        columns["due_date"] = iso_text(due[where])
    return RowTable(columns)


# -- text and HTML ---------------------------------------------------------------------------

#: The late conferences' columns that every line shows (none may be empty for the fast path).
_LATE = (
    "conference_id",
    "child_ids",
    "conference_date",
    "due_date",
    "children",
    "working_days",
    "working_days_late",
)


def _headline(result: InitialConferenceTimeliness, w: Writer) -> str:
    return w._("by child") if result.headline == "by_child" else w._("by conference")


def _target_sentence(result: InitialConferenceTimeliness, w: Writer) -> str:
    """Say the target, and whether the headline meets it, in a sentence (HTML)."""
    _ = w._
    target = _("Target: {target}% on time {headline} (the headline figure).").format(
        target=f"{(result.target or 0) * 100:g}", headline=_headline(result, w)
    )
    if result.meets_target is None:
        return target
    return target + " " + (_("Met.") if result.meets_target else _("NOT met."))


def text(result: InitialConferenceTimeliness | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    lines = ["", _("Initial conferences within timescale")]
    if isinstance(result, NotAssessed):
        return [*lines, "  " + _("not assessed: {why}").format(why=_(result.why))]
    known = not isinstance(result.by_conference, NotKnown)
    longest = (
        _("longest wait:  {days} working days from strategy discussion").format(
            days=result.max_working_days
        )
        if result.max_working_days is not None
        else _("longest wait:  none (no conference held and assessed)")
    )
    bands = ", ".join(f"{band}: {count}" for band, count in result.bands.items())
    lines += headline_period_lines(result.headline_period, w)
    lines += [
        "  " + _("by child:      {value}").format(value=w.pct(result.by_child)),
        "  " + _("by conference: {value}").format(value=w.pct(result.by_conference)),
    ]
    if result.target is not None:
        lines.append(
            "  "
            + _("target:        {target}% on time {headline} (the headline figure)").format(
                target=f"{result.target * 100:g}", headline=_headline(result, w)
            )
        )
    if result.meets_target is not None:
        lines.append(
            "  " + (_("meets target: yes") if result.meets_target else _("meets target: NO"))
        )
    lines += [
        "  " + longest,
        "  "
        + (
            _("DfE bands (working days, per conference): {bands}")
            if known
            else _("DfE bands (working days, per enquiry): {bands}")
        ).format(bands=bands),
    ]
    if result.by_period:  # (none held and assessed: no heading over nothing)
        lines.append("  " + _("by period (child / conference):"))
    lines += [
        f"    {p.period}: {w.pct(p.by_child)} / {w.pct(p.by_conference)}" for p in result.by_period
    ]
    late = result.late_conferences
    if late:
        lines.append(
            "  "
            + (
                _("late conferences ({n}):") if known else _("late initial conferences ({n}):")
            ).format(n=len(late))
        )
        lines += _late_lines(late, w, known=known)
    for sentence, items in _not_counted_children(result, w, known=known):
        lines += ["  " + sentence, *("    " + item for item in items)]
    lines += outside_lines(result.outside_headline_period, w)
    if result.not_counted_outside_section47:
        lines.append("  " + _not_counted(result.not_counted_outside_section47, w))
    if result.not_counted_before_s47_start:
        lines.append("  " + _not_counted_before(result.not_counted_before_s47_start, w))
    if isinstance(result.by_conference, NotKnown):
        lines.append(
            "  " + _("By conference: {why}.").format(why=_unknown_why(result.by_conference, w))
        )
    return lines


def _not_counted_children(
    result: InitialConferenceTimeliness, w: Writer, *, known: bool
) -> list[tuple[str, list[str]]]:
    """Say how many children are in no figure, each sentence with the conferences it names.

    Not yet held, not assessed, not computable; the conferences' children are named. The
    text report and the HTML page say the same, in the same words.
    """
    _ = w._
    found: list[tuple[str, list[str]]] = []
    if result.pending:
        found.append(
            (
                _("not yet held: {n} child(ren)").format(n=result.pending),
                _stuck_rows(result.pending_conferences, w, known=known),
            )
        )
    uncovered = result.not_assessed - result.not_computable
    if uncovered:
        found.append(
            (
                _(
                    "not assessed: {n} child(ren) whose strategy discussion no edition of the "
                    "rule covers"
                ).format(n=uncovered),
                [],
            )
        )
    if result.not_computable:
        found.append(
            (
                _(
                    "NOT COMPUTABLE: {n} child(ren) whose due date is past the calendar's "
                    "coverage; not counted as on time or late"
                ).format(n=result.not_computable),
                _stuck_rows(result.not_computable_conferences, w, known=known),
            )
        )
    return found


def _stuck_words(w: Writer, *, known: bool) -> str:
    """Return the template naming a conference with no computable due date, its children."""
    if known:
        return w._("conference {conference} (children: {child_ids}), strategy discussion {date}")
    return w._("child {child_ids} ({conference}), strategy discussion {date}")


def _stuck_rows(stuck: RowTable | None, w: Writer, *, known: bool) -> list[str]:
    """Name each conference of the list, its children and (if the list has it) its due date."""
    template = _stuck_words(w, known=known)
    return [
        template.format(
            conference=row["conference_id"],
            child_ids=", ".join(row["child_ids"]),
            date=w.day(row["strategy_discussion_date"]),
        )
        + _due_words(row, w)
        for row in stuck or ()
    ]


def _due_words(row: Mapping[str, object], w: Writer) -> str:
    """``, due 2025-04-10`` (or that it is not computable) where the row has a due date."""
    if "due_date" not in row:
        return ""
    due = row["due_date"]
    if not due:
        return ", " + w._("due date not computable")
    return ", " + w._("due {due}").format(due=w.day(str(due)))


def _unknown_why(unknown: NotKnown, w: Writer) -> str:
    """Say why figures by conference are not known, in the report's language."""
    return w.filled(unknown.why, (NO_FAMILY_LINK, NO_MEETING_ID))


def _before_s47_start(inputs: ReportInputs) -> int | None:
    """How many of a census's conferences are recorded before their S47 start (none: None)."""
    census = inputs.census
    if census is None:
        return None
    n = int(np.count_nonzero(census.icpc_date < census.s47_start))  # NaT compares False
    return n or None


def _not_counted_before(n: int, w: Writer) -> str:
    return w._(
        "not counted: {n} initial conference(s) recorded before their S47 start (listed "
        "under DfE table C4)"
    ).format(n=n)


def _not_counted(n: int, w: Writer) -> str:
    return w._(
        "not counted: {n} initial conference(s) recorded outside any section 47 enquiry "
        "(no S47 start to count from; listed under DfE table C4)"
    ).format(n=n)


def _late_words(w: Writer, *, known: bool) -> tuple[str, str, str]:
    """Return the late line's template, and its words for no reason and a refused one.

    With conferences known, a line names the conference and its children; without (a
    census, an Annex A), each line is one child's, named by the id as written, with where
    in the file it is.
    """
    _ = w._
    template = (
        _(
            "    {conference} on {date} (due {due}): {children} child(ren) ({child_ids}), "
            "{days} working days, {late} working day(s) late; {reason}"
        )
        if known
        else _(
            "    {child} {child_ids} ({conference}) on {date} (due {due}): {days} working days, "
            "{late} working day(s) late; {reason}"
        )
    )
    return template, _("no reason recorded"), _(" (NOT an accepted reason under this rule set)")


def _late_lines(late: RowTable, w: Writer, *, known: bool = True) -> list[str]:
    """Return the text report's line for each late conference (by columns where it can)."""
    if not _complete(late) or w.long_dates:
        return _late_line_rows(late, w, known=known)
    template, none, rejected = _late_words(w, known=known)
    # The whole list a column at a time: a national file has hundreds of thousands.
    c = late.column
    several = pc.greater(pc.list_value_length(c("child_ids")), 1)
    pieces = template_pieces(
        template,
        child=pc.if_else(several, w._("children"), w._("child")),
        conference=c("conference_id"),
        child_ids=pc.binary_join(c("child_ids"), ", "),
        date=c("conference_date"),
        due=c("due_date"),
        children=c("children"),
        days=c("working_days"),
        late=c("working_days_late"),
        reason=_reasons(late, none, rejected),
    )
    lines: list[str] = joined(*pieces).to_pylist()
    return lines


def _late_line_rows(late: RowTable, w: Writer, *, known: bool = True) -> list[str]:
    """Return :func:`_late_lines` made one row at a time (any values, any date style)."""
    template, none, rejected = _late_words(w, known=known)
    return [
        template.format(
            child=w._("children") if len(row["child_ids"]) > 1 else w._("child"),
            conference=row["conference_id"],
            child_ids=", ".join(row["child_ids"]),
            date=w.day(row["conference_date"]),
            due=w.day(row["due_date"]),
            children=row["children"],
            days=row["working_days"],
            late=row["working_days_late"],
            reason=_reason(row, none, rejected),
        )
        for row in late
    ]


def _complete(late: RowTable) -> bool:
    """Whether the late conferences can be written a column at a time (no empty values)."""
    return not any(late.column(name).null_count for name in _LATE)


def _reason(row: Mapping[str, object], none: str, rejected: str) -> str:
    """Return a late conference's reason for delay as shown (``none`` if not given).

    ``rejected`` is added where the rule set does not accept the reason.
    """
    reason = str(row["reason_for_delay"] or none)
    return reason + rejected if row["reason_accepted"] is False else reason


def _reasons(late: RowTable, none: str, rejected: str) -> pa.Array:
    """Return :func:`_reason` for every row of ``late``, by Arrow."""
    reasons, accepted = late.column("reason_for_delay"), late.column("reason_accepted")
    given = pc.fill_null(pc.greater(pc.binary_length(reasons), 0), False)
    shown = pc.if_else(given, reasons, none)
    refused = pc.fill_null(pc.invert(accepted), False)
    return pc.if_else(refused, pc.binary_join_element_wise(shown, rejected, ""), shown)


def html(result: InitialConferenceTimeliness | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _, esc = w._, w.esc
    body = [w.heading(_("Initial conferences within timescale"))]
    if isinstance(result, NotAssessed):
        return [*body, w.paragraph(_("Not assessed: {why}").format(why=_(result.why)))]
    body += headline_period_html(result.headline_period, w)
    longest = (
        _("Longest wait: {days} working days.").format(days=result.max_working_days)
        if result.max_working_days is not None
        else _("Longest wait: none (no conference held and assessed).")
    )
    body.append(
        "<p>"
        + _(
            '<span class="figure" id="icpc-by-child">{by_child}</span> by child; '
            '<span class="figure" id="icpc-by-conference">{by_conference}</span> by '
            "conference."
        ).format(
            by_child=esc(w.pct(result.by_child)), by_conference=esc(w.pct(result.by_conference))
        )
        + f" {esc(longest)}</p>"
    )
    if result.target is not None:
        body.append(w.paragraph(_target_sentence(result, w)))
    periods = [p.period for p in result.by_period]
    body += by_period_html(
        _("Initial conferences on time by period"),
        periods,
        [
            (_("by child"), CHILD_COLOUR, [p.by_child for p in result.by_period]),
            (_("by conference"), CONFERENCE_COLOUR, [p.by_conference for p in result.by_period]),
        ],
        w,
        target=result.target * 100 if result.target is not None else None,
    )
    bands = result.bands
    known = not isinstance(result.by_conference, NotKnown)
    body.append(w.heading(_("Working days from strategy discussion to conference")))
    # Counted per conference where conferences are known, else per enquiry (as the text).
    title, series = (
        (_("Conferences by DfE band of working days"), _("conferences"))
        if known
        else (_("Enquiries by DfE band of working days"), _("enquiries"))
    )
    body.append(
        w.bar_chart(
            title,
            list(bands),
            [(series, CHILD_COLOUR, [float(v) for v in bands.values()])],
            maximum=max([1.0, *map(float, bands.values())]),
            unit="",
        )
    )
    if result.late_conferences:
        body.append(w.heading(_("Late conferences"), 3))
        body.append(_late_table(result.late_conferences, w, known=known))
    for sentence, items in _not_counted_children(result, w, known=known):
        body.append(w.paragraph(sentence))
        if items:
            body.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>")
    body += outside_html(result.outside_headline_period, w)
    if result.not_counted_outside_section47:
        body.append(w.paragraph(_not_counted(result.not_counted_outside_section47, w), "note"))
    if result.not_counted_before_s47_start:
        body.append(
            w.paragraph(_not_counted_before(result.not_counted_before_s47_start, w), "note")
        )
    if isinstance(result.by_conference, NotKnown):
        note = _("By conference: {why}.").format(why=_unknown_why(result.by_conference, w))
        body.append(f'<p class="note">{esc(note)}</p>')
    return body


def _late_header(w: Writer, *, known: bool) -> tuple[list[str], str, str]:
    """Return the late table's headings, and its words for no reason and a refused one."""
    _ = w._
    header = (
        [_("conference"), _("children"), _("date"), _("due"), _("working days"),
         _("working days late"), _("reason")]
        if known
        else [_("child"), _("where in the file"), _("date"), _("due"), _("working days"),
              _("working days late"), _("reason")]
    )  # fmt: skip
    return header, _("none recorded"), _(" (not accepted)")


def _late_cells(late: RowTable, known: bool) -> list[pa.Array]:
    """Return the table's cells before the reason, a column each, in the header's order."""
    c = late.column
    children = pc.binary_join(c("child_ids"), ", ")
    if not known:
        return [children, c("conference_id"), c("conference_date"), c("due_date"),
                c("working_days"), c("working_days_late")]  # fmt: skip
    return [c("conference_id"), children, c("conference_date"), c("due_date"),
            c("working_days"), c("working_days_late")]  # fmt: skip


def _late_table(late: RowTable, w: Writer, *, known: bool = True) -> str:
    """Return the HTML table of late conferences (by columns where it can)."""
    if not _complete(late) or w.long_dates:
        return _late_table_rows(late, w, known=known)
    header, none, rejected = _late_header(w, known=known)
    return table_by_columns(header, [*_late_cells(late, known), _reasons(late, none, rejected)], w)


def _late_table_rows(late: RowTable, w: Writer, *, known: bool = True) -> str:
    """Return :func:`_late_table` made one row at a time (any values, any date style)."""
    header, none, rejected = _late_header(w, known=known)
    rows = []
    for row in late:
        children = ", ".join(row["child_ids"])
        first = [row["conference_id"], children] if known else [children, row["conference_id"]]
        rows.append(
            [
                *first,
                w.day(row["conference_date"]),
                w.day(row["due_date"]),
                row["working_days"],
                row["working_days_late"],
                _reason(row, none, rejected),
            ]
        )
    return w.table(header, rows)


#: The initial conference timeliness indicator.
INDICATOR = Indicator[InitialConferenceTimeliness](
    key="initial_conference_timeliness",
    compute=compute,
    text=text,
    html=html,
    results=(InitialConferenceTimeliness,),
)
