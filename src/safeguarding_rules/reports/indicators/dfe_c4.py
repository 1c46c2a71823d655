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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs
import numpy as np
import numpy.typing as npt

from ..i18n import N_
from ..writer import Writer
from ._base import Computed, Indicator, NotAssessed, ReportInputs
from .initial import DFE_BANDS

__all__ = ["INDICATOR", "PERCENTILE_METHOD", "C4DataQuality", "DfeC4", "Within"]

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
class DfeC4:
    """The council's row of DfE table C4."""

    year: str
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
        days[timed] = inputs.calendar.working_days_between_array(start[timed], held[timed])
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
        )
    )


def text(result: DfeC4 | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    within = result.within_15_working_days
    lines = [
        "",
        _("DfE table C4, census year {year} (each enquiry counted)").format(year=result.year),
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
        "  "
        + _(
            "within 15 working days: {count} ({percent}); p25 {p25}, median {median}, "
            "p75 {p75} working days [{confidence} method]"
        ).format(
            count=within.count,
            percent=w.number(within.percent, "%"),
            p25=w.number(result.p25),
            median=w.number(result.median),
            p75=w.number(result.p75),
            confidence=result.percentiles_confidence,
        ),
    ]
    if result.data_quality:
        lines.append(
            "  " + _("recorded before their S47 start ({n}):").format(n=len(result.data_quality))
        )
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


def html(result: DfeC4 | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _, esc = w._, w.esc
    if isinstance(result, NotAssessed):
        return []
    body = [
        w.heading(_("DfE table C4, census year {year}").format(year=result.year)),
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
        '<p class="note">'
        + esc(
            _("Percentiles: {confidence}, {note}.").format(
                confidence=result.percentiles_confidence, note=_(result.percentiles_note)
            )
        )
        + "</p>",
    ]
    if result.data_quality:
        body.append(w.heading(_("Conferences recorded before their S47 start"), 3))
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
