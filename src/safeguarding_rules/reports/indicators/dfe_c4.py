"""The council's row of DfE table C4, from its CIN census return.

What the DfE will publish ("Section 47s and initial child protection conferences",
Characteristics of children in need), for the census year (1 April to the ``ReferenceDate``):

* ``section47``: section 47 enquiries starting in the year; each ``Section47`` element
  counts, so a child with two enquiries counts twice; ``section47_children`` counts
  distinct children;
* ``icpc``: initial conferences held in the year (by ``DateOfInitialCPC``), and
  ``icpc_children``;
* ``bands``: those conferences by working days from the S47 start to the conference (the
  start day is day 0), in the DfE's bands 0-10, 11-15, 16-20 and 21+; and the 25th
  percentile, median and 75th percentile of that duration;
* a conference recorded before its S47 start is counted in ``icpc`` but has no duration:
  it is listed in ``data_quality``, never dropped silently.

Working days are those of England and Wales (weekends and its bank holidays), whatever the
rule set and its overlay: table C4 is England's, and the DfE counts it so (``calendar``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs
import numpy as np
import numpy.typing as npt

from ...calendar import calendar_for
from ..i18n import N_
from ..writer import Writer
from ._base import Computed, Indicator, NotAssessed, ReportInputs
from .initial import DFE_BANDS

if TYPE_CHECKING:  # the census reader needs lxml, which a report on a CSV file never loads
    from ...records.cin_census import CensusReturn

__all__ = ["CALENDAR", "INDICATOR", "PERCENTILE_METHOD", "C4DataQuality", "DfeC4", "Within"]

#: The division whose working days table C4 counts: the DfE's table is England's, with the
#: England and Wales bank holidays (docs/formats/cin-census.md), whatever the rule set.
CALENDAR: Final = "england-and-wales"

#: The percentile method: numpy's default ("linear", Hyndman and Fan type 7, the same as
#: Excel's PERCENTILE.INC). The DfE does not publish its method; see docs/formats/cin-census.md.
PERCENTILE_METHOD: Final = "linear"


@attrs.frozen(kw_only=True)
class Within:
    """Conferences within 15 working days of the S47 start."""

    count: int
    percent: float | None


@attrs.frozen(kw_only=True)
class C4DataQuality:
    """A conference counted in ``icpc`` that has no duration, and why."""

    child_id: str
    location: str
    s47_start: str
    icpc_date: str
    problem: str


@attrs.frozen(kw_only=True)
class OutsideSection47:
    """An initial conference recorded at ``CINdetails`` level, outside any ``Section47``."""

    child_id: str
    location: str
    date: str
    #: A ``Section47`` of the same episode records a conference too (the DfE asks for one
    #: place only: rule 2884).
    also_in_section47: bool


@attrs.frozen(kw_only=True)
class WithoutSection47:
    """Initial conferences the return records outside any section 47 enquiry."""

    #: How many.
    count: int
    #: Of those, held in the census year.
    in_year: int
    #: Why they are not in the figures above.
    why: str = N_(
        "recorded at CINdetails level, outside any Section47: there is no S47 start to count "
        "working days from (the DfE's C4 durations run from each enquiry's own start), so "
        "they are in no figure here; likely transfer-in conferences (DfE rule 2885)"
    )
    rows: tuple[OutsideSection47, ...]


@attrs.frozen(kw_only=True)
class DfeC4:
    """The council's row of DfE table C4."""

    #: The census year, as text: ``"2024-04-01 to 2025-03-31"``.
    year: str
    #: Its first day (the day after the ``ReferenceDate`` a year earlier).
    year_start: str
    #: Its last day (the return's ``ReferenceDate``).
    year_end: str
    #: The calendar the working days are counted on (:data:`CALENDAR`, whatever the rule set).
    calendar: str = CALENDAR
    section47: int
    section47_children: int
    icpc: int
    icpc_children: int
    bands: Mapping[str, int]
    within_15_working_days: Within
    p25: float | None
    median: float | None
    p75: float | None
    percentile_method: str = PERCENTILE_METHOD
    percentiles_confidence: str = "UNCONFIRMED"
    percentiles_note: str = N_(
        "the DfE does not publish its percentile method; these use linear interpolation "
        "(type 7) and are not confirmed against its figures"
    )
    with_duration: int
    data_quality: tuple[C4DataQuality, ...]
    #: Initial conferences recorded outside any section 47 enquiry (left out when none).
    without_section47: WithoutSection47 | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )


def _distinct(values: npt.NDArray[np.object_]) -> int:
    return len(set(values.tolist()))


def compute(inputs: ReportInputs) -> Computed[DfeC4] | None:
    """Count table C4's figures (a census only)."""
    census = inputs.census
    if census is None:
        return None
    first = np.datetime64(census.year_start, "D")
    last = np.datetime64(census.reference_date, "D")
    start, held = census.s47_start, census.icpc_date
    started = (start >= first) & (start <= last)
    in_year = ~np.isnat(held) & (held >= first) & (held <= last)
    before = in_year & (held < start)
    timed = in_year & ~before
    days = np.zeros(len(census), dtype=np.int64)
    if timed.any():
        calendar = calendar_for(CALENDAR)  # not the rule set's: see CALENDAR
        days[timed] = calendar.working_days_between_array(start[timed], held[timed])
    bands = {}
    for name, low, high in DFE_BANDS:
        in_band = timed & (days >= low) & ((days <= high) if high is not None else True)
        bands[name] = int(in_band.sum())
    within = int((timed & (days <= 15)).sum())
    p25 = median = p75 = None
    if timed.any():
        quartiles = np.percentile(
            days[timed].astype(np.float64), [25.0, 50.0, 75.0], method=PERCENTILE_METHOD
        )
        p25, median, p75 = (float(value) for value in quartiles)
    return Computed(
        result=DfeC4(
            year=f"{census.year_start.isoformat()} to {census.reference_date.isoformat()}",
            year_start=census.year_start.isoformat(),
            year_end=census.reference_date.isoformat(),
            section47=int(started.sum()),
            section47_children=_distinct(census.child_id[started]),
            icpc=int(in_year.sum()),
            icpc_children=_distinct(census.child_id[in_year]),
            bands=bands,
            within_15_working_days=Within(
                count=within,
                percent=round(100 * within / int(timed.sum()), 1) if timed.any() else None,
            ),
            p25=p25,
            median=median,
            p75=p75,
            with_duration=int(timed.sum()),
            data_quality=tuple(
                C4DataQuality(
                    child_id=str(census.child_id[i]),
                    location=str(census.location[i]),
                    s47_start=str(start[i]),
                    icpc_date=str(held[i]),
                    problem="the initial conference is recorded before its S47 start: counted "
                    "in icpc, with no duration",
                )
                for i in np.flatnonzero(before).tolist()
            ),
            without_section47=_without_section47(census, first, last),
        )
    )


def _without_section47(
    census: CensusReturn, first: np.datetime64, last: np.datetime64
) -> WithoutSection47 | None:
    """Count and list the conferences recorded at ``CINdetails`` level (none: ``None``)."""
    days = census.episode_icpc_date
    if not len(days):
        return None
    return WithoutSection47(
        count=len(days),
        in_year=int(((days >= first) & (days <= last)).sum()),
        rows=tuple(
            OutsideSection47(
                child_id=str(census.episode_icpc_child_id[i]),
                location=str(census.episode_icpc_location[i]),
                date=str(days[i]),
                also_in_section47=bool(census.episode_icpc_also_in_section47[i]),
            )
            for i in range(len(days))
        ),
    )


def text(result: DfeC4 | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    lines = [
        "",
        _("DfE table C4, census year {first} to {last} (each enquiry counted)").format(
            first=w.day(result.year_start), last=w.day(result.year_end)
        ),
        "  "
        + _("section 47 enquiries starting: {n} ({children} children)").format(
            n=result.section47, children=result.section47_children
        ),
        "  "
        + _("initial conferences held: {n} ({children} children)").format(
            n=result.icpc, children=result.icpc_children
        ),
        "  "
        + _("working days from S47 start: {bands}").format(
            bands=", ".join(f"{band}: {count}" for band, count in result.bands.items())
        ),
        "  " + _calendar_note(result, w),
        "  " + _within_line(result, w),
    ]
    lines += _without_lines(result.without_section47, w)
    if result.data_quality:
        lines.append("  " + _before_count(result, w))
        lines += [
            "    "
            + _("{child} {location}: S47 {start}, conference {held}").format(
                child=d.child_id,
                location=d.location,
                start=w.day(d.s47_start),
                held=w.day(d.icpc_date),
            )
            for d in result.data_quality
        ]
    return lines


def _within_line(result: DfeC4, w: Writer) -> str:
    """Say how many conferences were within 15 working days, and the percentiles."""
    within = result.within_15_working_days
    return w._(
        "within 15 working days: {count} ({percent}); p25 {p25}, median {median}, "
        "p75 {p75} working days [{confidence} method]"
    ).format(
        count=within.count,
        percent=w.number(within.percent, "%"),
        p25=w.number(result.p25),
        median=w.number(result.median),
        p75=w.number(result.p75),
        confidence=result.percentiles_confidence,
    )


def _before_count(result: DfeC4, w: Writer) -> str:
    return w._("recorded before their S47 start ({n}):").format(n=len(result.data_quality))


def _calendar_note(result: DfeC4, w: Writer) -> str:
    """Say which calendar the working days are counted on."""
    return w._(
        "working days on the {division} calendar, as the DfE counts table C4, whatever the "
        "rule set's calendar"
    ).format(division=result.calendar)


def _without_lines(found: WithoutSection47 | None, w: Writer) -> list[str]:
    """Say how many conferences are recorded outside a section 47 enquiry, and why not counted."""
    if found is None:
        return []
    _ = w._
    lines = [
        "  "
        + _(
            "initial conferences outside any section 47 enquiry: {n} ({in_year} in the year), "
            "not counted: {why}"
        ).format(n=found.count, in_year=found.in_year, why=_(found.why))
    ]
    both = [row for row in found.rows if row.also_in_section47]
    if both:
        lines.append(
            "    "
            + _(
                "{n} of them in an episode whose Section47 records a conference too (a return "
                "should record it in one place only, DfE rule 2884): {places}"
            ).format(n=len(both), places=", ".join(row.location for row in both[:20]))
        )
    return lines


def html(result: DfeC4 | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _, esc = w._, w.esc
    if isinstance(result, NotAssessed):
        return []
    body = [
        w.heading(
            _("DfE table C4, census year {first} to {last}").format(
                first=w.day(result.year_start), last=w.day(result.year_end)
            )
        ),
        w.table(
            [
                _("section 47s"),
                _("children"),
                _("ICPCs"),
                _("children"),
                *result.bands,
                "p25",
                _("median"),
                "p75",
            ],
            [
                [
                    result.section47,
                    result.section47_children,
                    result.icpc,
                    result.icpc_children,
                    *result.bands.values(),
                    w.number(result.p25),
                    w.number(result.median),
                    w.number(result.p75),
                ]
            ],
        ),
        w.paragraph(_within_line(result, w)),
        '<p class="note">'
        + esc(
            _("Percentiles: {confidence}, {note}.").format(
                confidence=result.percentiles_confidence, note=_(result.percentiles_note)
            )
        )
        + "</p>",
        w.paragraph(_calendar_note(result, w) + ".", "note"),
    ]
    found = result.without_section47
    if found is not None:
        body.append(w.heading(_("Initial conferences outside any section 47 enquiry"), 3))
        body += [w.paragraph(line.strip()) for line in _without_lines(found, w)]
        body.append(
            w.table(
                [_("child"), _("where in the file"), _("date"), _("also in a Section47")],
                [
                    [
                        r.child_id,
                        r.location,
                        w.day(r.date),
                        _("yes") if r.also_in_section47 else _("no"),
                    ]
                    for r in found.rows
                ],
            )
        )
    if result.data_quality:
        body.append(w.heading(_("Conferences recorded before their S47 start"), 3))
        body.append(w.paragraph(_before_count(result, w)))
        body.append(
            w.table(
                [_("child"), _("where"), _("S47 start"), _("conference")],
                [
                    [d.child_id, d.location, w.day(d.s47_start), w.day(d.icpc_date)]
                    for d in result.data_quality
                ],
            )
        )
    return body


#: DfE table C4 (a census only).
INDICATOR = Indicator[DfeC4](
    key="dfe_c4", compute=compute, text=text, html=html, results=(DfeC4,), optional=True
)
