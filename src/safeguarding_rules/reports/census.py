"""The census sections of the report: ``dfe_c4`` and ``recorded_targets``.

What the DfE will publish from a council's CIN census, and a check of the target dates the
council's own system recorded in it.

**DfE table C4** ("Section 47s and initial child protection conferences", Characteristics
of children in need): for the census year (1 April to the ``ReferenceDate``),

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

**Recorded targets**: every ``InitialCPCtarget`` is compared with the due date the rule
set computes from the S47 start. Where they differ, the likely cause is named when the
recorded date is exactly what a recognisable wrong formula gives: counting the start day
as day 1, skipping weekends but not bank holidays, or counting calendar days.
"""

from __future__ import annotations

from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from ..calendar import WorkingDayCalendar
from ..records.cin_census import CensusReturn
from ..rules import Counting, RuleSet, Unit
from ..rules.bulk import due_dates
from .report import DFE_BANDS, ComplianceReport

__all__ = ["CONFERENCE_UNKNOWN", "dfe_c4", "recorded_targets", "with_census"]

Dates = npt.NDArray[np.datetime64]

#: Why a census (or an Annex A list) cannot be counted by conference.
CONFERENCE_UNKNOWN = (
    "not known: the file has no family link, so the children seen at one conference cannot "
    "be grouped; every figure here counts children (each enquiry separately)"
)

#: The percentile method: numpy's default ("linear", Hyndman and Fan type 7, the same as
#: Excel's PERCENTILE.INC). The DfE does not publish its method; see docs/formats/cin-census.md.
PERCENTILE_METHOD: Final = "linear"


def _distinct(values: npt.NDArray[np.object_]) -> int:
    return len(set(values.tolist()))


def _percentiles(days: npt.NDArray[np.int64]) -> dict[str, float | None]:
    if not len(days):
        return {"p25": None, "median": None, "p75": None}
    p25, median, p75 = np.percentile(days.astype(np.float64), [25.0, 50.0, 75.0], method="linear")
    return {"p25": float(p25), "median": float(median), "p75": float(p75)}


def dfe_c4(census: CensusReturn, calendar: WorkingDayCalendar) -> dict[str, Any]:
    """Return the council's row of DfE table C4, from its census return."""
    first = np.datetime64(census.year_start, "D")
    last = np.datetime64(census.reference_date, "D")
    start, held = census.s47_start, census.icpc_date
    started = (start >= first) & (start <= last)
    in_year = ~np.isnat(held) & (held >= first) & (held <= last)
    before = in_year & (held < start)
    timed = in_year & ~before
    days = np.zeros(len(census), dtype=np.int64)
    if timed.any():
        days[timed] = calendar.working_days_between_array(start[timed], held[timed])
    bands = {}
    for name, low, high in DFE_BANDS:
        in_band = timed & (days >= low) & ((days <= high) if high is not None else True)
        bands[name] = int(in_band.sum())
    within = int((timed & (days <= 15)).sum())
    where = np.flatnonzero(before)
    return {
        "year": f"{census.year_start.isoformat()} to {census.reference_date.isoformat()}",
        "section47": int(started.sum()),
        "section47_children": _distinct(census.child_id[started]),
        "icpc": int(in_year.sum()),
        "icpc_children": _distinct(census.child_id[in_year]),
        "bands": bands,
        "within_15_working_days": {
            "count": within,
            "percent": round(100 * within / int(timed.sum()), 1) if timed.any() else None,
        },
        **_percentiles(days[timed]),
        "percentile_method": PERCENTILE_METHOD,
        "percentiles_confidence": "UNCONFIRMED",
        "percentiles_note": "the DfE does not publish its percentile method; these use "
        "linear interpolation (type 7) and are not confirmed against its figures",
        "with_duration": int(timed.sum()),
        "data_quality": [
            {
                "child_id": str(census.child_id[i]),
                "location": str(census.location[i]),
                "s47_start": str(start[i]),
                "icpc_date": str(held[i]),
                "problem": "the initial conference is recorded before its S47 start: counted "
                "in icpc, with no duration",
            }
            for i in where.tolist()
        ],
    }


def _weekdays_only(start: Dates, n: int) -> Dates:
    """``start`` + ``n`` working days counting weekends only (bank holidays ignored)."""
    shifted: Dates = np.busday_offset(start, n, roll="backward").astype("datetime64[D]")
    return shifted


def recorded_targets(
    census: CensusReturn,
    rule_set: RuleSet,
    calendar: WorkingDayCalendar,
    *,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
) -> dict[str, Any]:
    """Compare every recorded ``InitialCPCtarget`` with the rule set's due date."""
    if "icpc" not in rule_set.rule_ids:
        return {"checked": 0, "why": f"rule set {rule_set.name!r} has no 'icpc' rule"}
    recorded = census.recorded_target
    start = census.s47_start
    # Leave room to count past the start without leaving the calendar's coverage.
    room = np.datetime64(calendar.last, "D") - np.timedelta64(120, "D")
    has = ~np.isnat(recorded) & (start <= room)
    computed = np.full(len(census), np.datetime64("NaT"), dtype="datetime64[D]")
    used = np.full(len(census), -1, dtype=np.int64)
    if has.any():
        computed[has], used[has] = due_dates(
            rule_set, "icpc", start[has], calendar, counting=counting
        )
    checked = has & (used >= 0)
    differing = checked & (recorded != computed)
    versions = rule_set.versions("icpc")
    causes: list[list[str]] = [[] for _ in range(len(census))]
    where = np.flatnonzero(differing)
    for index, rule in enumerate(versions):
        rows = where[used[where] == index]
        if not len(rows) or rule.unit is not Unit.WORKING_DAYS:
            continue
        n = rule.n
        s, r = start[rows], recorded[rows]
        candidates = {
            "counted the S47 start as day 1": calendar.add_working_days_array(s, n - 1),
            "skipped weekends but not bank holidays": _weekdays_only(s, n),
            "counted the S47 start as day 1 and skipped weekends but not bank holidays": (
                _weekdays_only(s, n - 1)
            ),
            f"counted {n} calendar days": s + np.timedelta64(n, "D"),
            f"counted {n} calendar days with the S47 start as day 1": s
            + np.timedelta64(n - 1, "D"),
        }
        for cause, dates in candidates.items():
            for i in rows[dates == r].tolist():
                causes[i].append(cause)
    difference = np.zeros(len(census), dtype=np.int64)
    if differing.any():
        difference[differing] = calendar.working_days_between_array(
            computed[differing], recorded[differing]
        )
    by_cause: dict[str, int] = {}
    for i in where.tolist():
        for cause in causes[i] or ["not recognised"]:
            by_cause[cause] = by_cause.get(cause, 0) + 1
    return {
        "rule": "icpc",
        "recorded": int((~np.isnat(recorded)).sum()),
        "checked": int(checked.sum()),
        "not_checked": int((~np.isnat(recorded) & ~checked).sum()),
        "differing": int(differing.sum()),
        "by_likely_cause": dict(sorted(by_cause.items(), key=lambda item: -item[1])),
        "rows": [
            {
                "child_id": str(census.child_id[i]),
                "location": str(census.location[i]),
                "s47_start": str(start[i]),
                "recorded": str(recorded[i]),
                "computed": str(computed[i]),
                "working_days_later": int(difference[i]),
                "likely_causes": causes[i],
            }
            for i in where.tolist()
        ],
    }


def with_census(
    report: ComplianceReport,
    census: CensusReturn,
    rule_set: RuleSet,
    calendar: WorkingDayCalendar,
    *,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
) -> ComplianceReport:
    """``report`` with the census's own sections, and without by-conference figures."""
    summary = without_conferences(report, "cin-census").summary
    summary["dfe_c4"] = dfe_c4(census, calendar)
    summary["recorded_targets"] = recorded_targets(census, rule_set, calendar, counting=counting)
    return attrs.evolve(report, summary=summary)


def without_conferences(report: ComplianceReport, input_format: str) -> ComplianceReport:
    """``report`` saying, instead of guessing, that conferences are not known.

    For files with no family link (a census, an Annex A): the synthetic one-child
    "conferences" the readers make would otherwise be counted as if they were real.
    """
    summary = dict(report.summary)
    summary["input_format"] = input_format
    unknown = {"on_time": None, "total": None, "percent": None, "why": CONFERENCE_UNKNOWN}
    summary["records"] = {**summary["records"], "conferences": None}
    for key in ("initial_conference_timeliness", "review_timeliness"):
        section = dict(summary[key])
        if section.get("assessed"):
            section["by_conference"] = unknown
            section["by_period"] = [
                {**entry, "by_conference": unknown} if "by_conference" in entry else entry
                for entry in section.get("by_period", [])
            ]
            if section.get("headline") == "by_conference":
                section["headline"] = "by_child"
                section.pop("meets_target", None)
                target, percent = section.get("target"), section["by_child"]["percent"]
                if target is not None and percent is not None:
                    section["meets_target"] = percent >= 100 * target
        summary[key] = section
    return attrs.evolve(report, summary=summary)
