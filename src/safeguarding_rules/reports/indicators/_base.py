"""What every indicator shares: its inputs, its counts, and the contract of an indicator module.

An indicator module defines a result class (attrs, frozen), a ``compute`` function over the
columns it owns, and its text and HTML templates, and exports one :class:`Indicator`.
:func:`~safeguarding_rules.reports.report.build_report` loops over a tuple of them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from ..._columnar import is_first, iso_text, joined, order_by_day_then_id, text_bytes
from ...calendar import WorkingDayCalendar
from ...records import ConferenceAttendance, ConferenceRecords
from ...records.attendance import AttendanceMatch, match_records
from ...records.detect import NO_FAMILY_LINK
from ...rules import Counting, Period, QuorumResult, ReportingPolicy, RuleSet
from ..i18n import N_
from ..table import RowTable, html_escaped
from ..writer import Writer
from ._quorum import decide_quorums

if TYPE_CHECKING:  # the census reader needs lxml, which a report on a CSV file never loads
    from ...records.cin_census import CensusReturn
    from ...records.ssd import SSDRecords

__all__ = [
    "CONFERENCE_UNKNOWN",
    "OUTSIDE_COLUMNS",
    "Computed",
    "HeadlinePeriod",
    "Indicator",
    "NotAssessed",
    "NotKnown",
    "Ratio",
    "ReportInputs",
    "RowVerdicts",
    "RuleUse",
    "Status",
]

Dates = npt.NDArray[np.datetime64]
R = TypeVar("R")

#: Why a census (or an Annex A list) cannot be counted by conference.
CONFERENCE_UNKNOWN = NO_FAMILY_LINK


@attrs.frozen
class Ratio:
    """How many of a total were on time (or quorate, or took part), and the percentage."""

    on_time: int
    total: int
    #: Rounded to one decimal place; ``None`` when the total is 0.
    percent: float | None

    @classmethod
    def of(cls, on_time: int, total: int) -> Ratio:
        """Return the ratio ``on_time`` of ``total``."""
        return cls(on_time, total, round(100 * on_time / total, 1) if total else None)


@attrs.frozen(kw_only=True)
class NotKnown:
    """A figure the file cannot give (by conference, for a file with no family link)."""

    on_time: None = None
    total: None = None
    percent: None = None
    #: Why it is not known.
    why: str


#: The columns of a list of rows outside the headline's period (for the JSON Schema).
OUTSIDE_COLUMNS = {
    "child_id": "str",
    "location": "str",
    "date": "str",
    "due_date": "str",
    "on_time": "bool",
    "why": "str",
}


@attrs.frozen(kw_only=True)
class HeadlinePeriod:
    """The period a headline figure counts, where it is not every date in the file."""

    first: str
    last: str
    why: str


@attrs.frozen(kw_only=True)
class NotAssessed:
    """An indicator the records (or the rule set) do not allow, and why."""

    assessed: bool = False
    why: str


class Status:
    """Each row's status in the CSV output, by its code (an index into :attr:`NAMES`).

    Code 0 is a row not yet judged; the report gives every row still at 0, once every
    indicator has judged its own, :attr:`NOT_ASSESSED`, so that no row's status is blank.
    :attr:`NOT_COMPUTABLE`: the rule applies, but the due date is past the calendar's
    coverage, so no date and no verdict are given.
    """

    NAMES = ("", "pending", "not_assessed", "on_time", "late", "not_computable")
    PENDING, NOT_ASSESSED, ON_TIME, LATE, NOT_COMPUTABLE = 1, 2, 3, 4, 5


@attrs.frozen(kw_only=True, eq=False)
class RuleUse:
    """Which version of a rule each row used (for the report's ``rules_used``)."""

    rule_id: str
    #: An index into ``rule_set.versions(rule_id)`` per row; negative where none applied.
    version: npt.NDArray[np.int64]
    #: The rows the rule was applied to.
    rows: npt.NDArray[np.bool_]
    #: Where ``version`` is :data:`~safeguarding_rules.rules.bulk.NOT_COMPUTABLE`, the
    #: version in force (:func:`~safeguarding_rules.rules.bulk.in_force`), so that the CSV
    #: names the row's rule and edition though it has no due date; ``None``: not given.
    in_force: npt.NDArray[np.int64] | None = None


@attrs.frozen(kw_only=True, eq=False)
class RowVerdicts:
    """An indicator's per-row results for the CSV, for the rows it owns (``rows``).

    Indicators own disjoint rows (initial conferences, reviews), so the report joins them in
    any order.
    """

    rows: npt.NDArray[np.bool_]
    #: A :class:`Status` code per row.
    status: npt.NDArray[np.int8]
    due: Dates
    #: Working days from the start to the event (-1: none).
    working_days: npt.NDArray[np.int32] | None = None
    #: Working days late (-1: none).
    days_late: npt.NDArray[np.int32] | None = None


@attrs.frozen(kw_only=True, eq=False)
class Computed(Generic[R]):
    """What an indicator's ``compute`` returns: its result, and what it did per row."""

    result: R | NotAssessed
    verdicts: RowVerdicts | None = None
    rules: tuple[RuleUse, ...] = ()


@attrs.frozen(kw_only=True, eq=False, slots=False)
class ReportInputs:
    """What every indicator reads: the checked records, the rule set and the conventions."""

    records: ConferenceRecords
    rule_set: RuleSet
    #: The calendar days are counted on (with the rule set's overlay, if asked for).
    calendar: WorkingDayCalendar
    counting: Counting
    period: Period
    year_start: int
    policy: ReportingPolicy
    attendance: Sequence[ConferenceAttendance] = ()
    #: Whether to match the attendance's conferences to the records by conference id.
    match_attendance: bool = True
    #: Whether the file says which children were seen together at one conference.
    conferences_known: bool = True
    #: For a CIN census, its section 47 enquiries (for the DfE's figures).
    census: CensusReturn | None = None
    #: For the Standard Safeguarding Dataset, what its tables record beside the conferences.
    ssd: SSDRecords | None = None
    #: Why figures by conference are not known, where they are not.
    conferences_unknown_why: str = CONFERENCE_UNKNOWN

    @property
    def headline_period(self) -> HeadlinePeriod | None:
        """The period the headline figures count (a census: its year), or ``None`` (all)."""
        census = self.census
        if census is None:
            return None
        return HeadlinePeriod(
            first=census.year_start.isoformat(),
            last=census.reference_date.isoformat(),
            why=N_(
                "the census year as the DfE counts it, from 1 April to the return's ReferenceDate"
            ),
        )

    def in_headline(self, days: Dates) -> npt.NDArray[np.bool_]:
        """Where ``days`` fall in :attr:`headline_period` (everywhere given, if there is none)."""
        period = self.headline_period
        given: npt.NDArray[np.bool_] = ~np.isnat(days)
        if period is None:
            return given
        first, last = np.datetime64(period.first, "D"), np.datetime64(period.last, "D")
        inside: npt.NDArray[np.bool_] = given & (days >= first) & (days <= last)
        return inside

    def outside_headline(
        self,
        days: Dates,
        rows: npt.NDArray[np.bool_],
        due: Dates,
        on_time: npt.NDArray[np.bool_],
    ) -> RowTable | None:
        """Return the ``rows`` whose day is outside :attr:`headline_period`, never dropped.

        ``None`` where there is no such period. Each row names its children (ids as
        written), where it is in the file, its date, its due date and whether it was on
        time (judged, though not in the headline), and why it is not in the headline.
        """
        period = self.headline_period
        if period is None:
            return None
        records = self.records
        where = np.flatnonzero(rows & ~self.in_headline(days) & ~np.isnat(days))
        where = where[order_by_day_then_id(days[where], records.text["child_id"].take(where))]
        before = days[where] < np.datetime64(period.first, "D")
        why = pa.array(
            np.where(
                before,
                f"held before the period the headline counts ({period.first}): "
                "counted by period only",
                f"held after the return's ReferenceDate ({period.last}): a return should not "
                "hold it (DfE validation rule 8715); counted by period only",
            ),
            pa.string(),
        )
        return RowTable(
            {
                "child_id": records.text["child_id"].take(pa.array(where, pa.int64())),
                "location": records.text["conference_id"].take(pa.array(where, pa.int64())),
                "date": iso_text(days[where]),
                "due_date": iso_text(due[where]),
                "on_time": pa.array(on_time[where], pa.bool_()),
                "why": why,
            }
        )

    @functools.cached_property
    def first_of_conference(self) -> npt.NDArray[np.bool_]:
        """Where each row is its conference's first (so counts by conference count it once)."""
        return is_first(self.records.conference_code)

    @functools.cached_property
    def attendance_match(self) -> AttendanceMatch:
        """The attendance file's conferences matched to the records by conference id.

        Nothing is matched where the file does not say which children were seen together
        at one conference (a census, an Annex A): its conference ids are made up by the
        reader, and no attendance file names them.
        """
        if not (self.match_attendance and self.conferences_known):
            return AttendanceMatch()
        return match_records(self.attendance, self.records)

    @functools.cached_property
    def quorum_results(self) -> list[tuple[dt.date | None, QuorumResult, ConferenceAttendance]]:
        """Each attendance file conference's quorum and date (from the records if need be).

        A conference whose type or date disagrees with the records is left out (the
        quoracy section names it); one the records do not hold is counted.
        """
        disagreeing = self.attendance_match.disagreeing_ids
        counted = [c for c in self.attendance if c.conference_id not in disagreeing]
        return decide_quorums(self.records, self.rule_set, counted)


@attrs.frozen(kw_only=True)
class Indicator(Generic[R]):
    """One indicator of the report: its JSON key, how it is computed and shown.

    :param key: the key of its section in the report's JSON (``"review_timeliness"``).
    :param compute: its figures from the inputs; ``None`` where the indicator has no place
        in this report (the DfE's census figures, for a file that is not a census).
    :param text: its lines in the text report (and the whole-unit report), in the writer's
        language.
    :param html: its part of the HTML page.
    :param results: the classes its result may be, for the report's JSON Schema.
    :param optional: whether ``compute`` may leave it out of a report.
    """

    key: str
    compute: Callable[[ReportInputs], Computed[R] | None]
    text: Callable[[R | NotAssessed, Writer], list[str]]
    html: Callable[[R | NotAssessed, Writer], list[str]]
    #: The classes its result may be (besides :class:`NotAssessed`), for its JSON Schema.
    results: tuple[type[Any], ...] = ()
    #: Whether some reports leave it out (``compute`` may return ``None``).
    optional: bool = False


def headline_period_lines(
    period: HeadlinePeriod | None, w: Writer, *, reviews: bool = False
) -> list[str]:
    """Say which period the headline figures count, where it is not every date."""
    if period is None:
        return []
    message = (
        w._("headline: reviews held {first} to {last} ({why})")
        if reviews
        else w._("headline: conferences held {first} to {last} ({why})")
    )
    first, last = w.day(period.first), w.day(period.last)
    return ["  " + message.format(first=first, last=last, why=w._(period.why))]


def headline_period_html(
    period: HeadlinePeriod | None, w: Writer, *, reviews: bool = False
) -> list[str]:
    """Return :func:`headline_period_lines` as HTML notes."""
    lines = headline_period_lines(period, w, reviews=reviews)
    return [f'<p class="note">{w.esc(line.strip())}</p>' for line in lines]


def outside_lines(outside: RowTable | None, w: Writer) -> list[str]:
    """List the rows outside the headline's period, each with why."""
    if not outside:
        return []
    lines = ["  " + w._("outside the headline's period ({n}):").format(n=len(outside))]
    return lines + [
        "    "
        + w._("child {child} ({location}) on {date} (due {due}, {verdict}): {why}").format(
            child=row["child_id"],
            location=row["location"],
            date=w.day(row["date"]),
            due=w.day(row["due_date"]),
            verdict=_verdict(row, w),
            why=row["why"],
        )
        for row in outside
    ]


def _verdict(row: dict[str, Any], w: Writer) -> str:
    return w._("on time") if row["on_time"] else w._("LATE")


def outside_html(outside: RowTable | None, w: Writer) -> list[str]:
    """Return the rows outside the headline's period, as an HTML table."""
    if not outside:
        return []
    _ = w._
    return [
        w.heading(_("Outside the headline period"), 3),
        w.paragraph(outside_lines(outside, w)[0].strip()),
        w.table(
            [
                _("child"),
                _("where in the file"),
                _("date"),
                _("due"),
                _("on time or late"),
                _("why"),
            ],
            [
                [
                    row["child_id"],
                    row["location"],
                    w.day(row["date"]),
                    w.day(row["due_date"]),
                    _verdict(row, w),
                    row["why"],
                ]
                for row in outside
            ],
        ),
    ]


def template_pieces(template: str, **columns: pa.Array) -> list[pa.Array | str]:
    """Return the template's literal text and columns, in order, for ``_columnar.joined``.

    So that a long list (every late conference of a national file) is written a column at
    a time: ``joined(*template_pieces("{a} on {b}", a=..., b=...))``.
    """
    pieces: list[pa.Array | str] = []
    rest = template
    while "{" in rest:
        before, _, after = rest.partition("{")
        name, _, rest = after.partition("}")
        pieces += [before, columns[name]]
    return [*pieces, rest]


def table_by_columns(header: Sequence[str], cells: Sequence[pa.Array], w: Writer) -> str:
    """Return an HTML table of ``cells`` (a column each, under ``header``), made by Arrow.

    Every cell is HTML-escaped; the body is built a column at a time, as one string.
    """
    pieces: list[pa.Array | str] = ["<tr>"]
    for cell in cells:
        pieces += ["<td>", html_escaped(cell), "</td>"]
    body = text_bytes(joined(*pieces, "</tr>"))[1].tobytes().decode("utf-8")
    head = "".join(f"<th>{w.esc(h)}</th>" for h in header)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def by_period_html(
    title: str,
    periods: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[Ratio | NotKnown]]],
    w: Writer,
    *,
    target: float | None = None,
) -> list[str]:
    """Return a by-period chart of percentages and, beneath it, the same figures as counts.

    ``series``: a label, a colour and a figure per period each. The table gives what the
    text report gives ("82.4% (28 of 34)"), which the chart's tooltips cannot; it is left
    out when there is no period.
    """
    chart = w.bar_chart(
        title,
        periods,
        [(label, colour, [r.percent for r in figures]) for label, colour, figures in series],
        target=target,
    )
    if not periods:
        return [chart]
    rows = [
        [period, *(w.pct(figures[i]) for _, _, figures in series)]
        for i, period in enumerate(periods)
    ]
    return [chart, w.table([w._("period"), *(label for label, _, _ in series)], rows)]
