"""A whole safeguarding unit's report: children's conferences, adult enquiries, return interviews.

Conwy's unit runs one performance meeting over all of its clocks. :func:`build_unit_report`
puts the children's :class:`~safeguarding_rules.reports.report.ComplianceReport` beside two
more sections, each naming the rules (and "not encoded" findings) it used:

Adult enquiries (:func:`build_adult_section`)
    Counted **by enquiry** (StatsWales PM18 counts enquiries) and **by adult** (an adult is
    on time when every enquiry about them that concluded did so on time). Working days from
    the report to the conclusion, in bands of the rule's own length (within it, up to twice
    it, up to three times, more: a presentation choice, not a source's bands). Where the rule
    set has no timescale (England's s42), the elapsed days are shown with **no** on-time or
    late figures, and the finding's statement says why.

Return interviews (:func:`build_missing_section`)
    Counted **by episode** (as Missing People counts incidents) and **by child**. Each
    episode is completed on time, completed late, declined, not held (due date passed) or
    still due on ``as_of``. Days from return to interview in bands (0-1, 2, 3, 4+ days).
    Episodes measured by dates only (no time of return or of interview) are counted and
    flagged: the date reading is lenient by under a day.

Every figure is plain JSON-ready data in ``summary`` (see :func:`to_data`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import attrs

from ..calendar import calendar_for
from ..records import AdultEnquiryRecords, MissingEpisodeRecords, Moment
from ..rules import (
    ADULT_RULE_IDS,
    MISSING_RULE_IDS,
    UK_TIME,
    Confidence,
    Deadline,
    RuleSet,
    adult_deadlines,
    finding_for,
    hours_due_at,
    return_interview_deadline,
)
from .report import ComplianceReport

__all__ = [
    "MISSING_BANDS",
    "UnitReport",
    "UnitSection",
    "adult_bands",
    "build_adult_section",
    "build_missing_section",
    "build_unit_report",
]

#: Calendar days from return to interview.
MISSING_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-1", 0, 1),
    ("2", 2, 2),
    ("3", 3, 3),
    ("4+", 4, None),
)


def adult_bands(n: int) -> tuple[tuple[str, int, int | None], ...]:
    """Bands of working days for a rule of ``n`` working days: within, 2n, 3n, more."""
    return (
        (f"0-{n}", 0, n),
        (f"{n + 1}-{2 * n}", n + 1, 2 * n),
        (f"{2 * n + 1}-{3 * n}", 2 * n + 1, 3 * n),
        (f"{3 * n + 1}+", 3 * n + 1, None),
    )


def _band(value: int, bands: tuple[tuple[str, int, int | None], ...]) -> str:
    for label, low, high in bands:
        if value >= low and (high is None or value <= high):
            return label
    return bands[-1][0]


def _ratio(on_time: int, total: int) -> dict[str, Any]:
    return {
        "on_time": on_time,
        "total": total,
        "percent": round(100 * on_time / total, 1) if total else None,
    }


@attrs.frozen(kw_only=True, eq=False)
class UnitSection:
    """One section of the unit report: its figures as plain data."""

    #: ``"adults"`` or ``"missing"``.
    kind: str
    #: Every figure, JSON-ready.
    summary: dict[str, Any]


@attrs.frozen(kw_only=True, eq=False)
class UnitReport:
    """The children's report and the adult and missing sections, for one rule set."""

    rule_set: str
    as_of: dt.date
    children: ComplianceReport | None = None
    adults: UnitSection | None = None
    missing: UnitSection | None = None


class _Rules:
    """Collects the rule versions and findings a section used, for its 'rules used' list."""

    def __init__(self, rule_set: RuleSet) -> None:
        self.rule_set = rule_set
        self.used: Counter[tuple[str, str]] = Counter()
        self.rules: dict[tuple[str, str], Deadline] = {}
        self.findings: dict[tuple[str, str], dict[str, Any]] = {}

    def use(self, deadline: Deadline) -> None:
        key = (deadline.rule.id, deadline.rule.edition.id)
        self.used[key] += 1
        self.rules.setdefault(key, deadline)

    def missing(self, rule_ids: Iterable[str], day: dt.date) -> None:
        for rule_id in rule_ids:
            gap = finding_for(self.rule_set, rule_id, day)
            if gap is not None:
                entry = self.findings.setdefault(
                    (gap.rule_id, gap.statement),
                    {
                        "rule": gap.rule_id,
                        "title": gap.title,
                        "statement": gap.statement,
                        "source": gap.source,
                        "confidence": gap.confidence.value,
                        "items": 0,
                    },
                )
                entry["items"] += 1

    def summary(self) -> dict[str, Any]:
        used = [
            {
                "rule": rule_id,
                "edition": edition,
                "title": self.rules[(rule_id, edition)].rule.title,
                "wording": self.rules[(rule_id, edition)].rule.wording,
                "items": count,
                "confidence": self.rules[(rule_id, edition)].rule.confidence.value,
                "source": self.rules[(rule_id, edition)].rule.source,
            }
            for (rule_id, edition), count in sorted(self.used.items())
        ]
        return {
            "rules_used": used,
            "not_encoded": sorted(self.findings.values(), key=lambda f: f["rule"]),
            "unconfirmed_rules": sorted(
                {u["rule"] for u in used if u["confidence"] == Confidence.UNCONFIRMED.value}
            ),
        }


def build_adult_section(
    records: AdultEnquiryRecords, rule_set: RuleSet, *, as_of: dt.date
) -> UnitSection:
    """Timeliness of adult enquiries and strategy meetings, by enquiry and by adult."""
    calendar = calendar_for(rule_set.division)
    rules = _Rules(rule_set)
    enquiry_rows: list[dict[str, Any]] = []
    rule_lengths: Counter[int] = Counter()
    strategy = {"on_time": 0, "total": 0, "overdue": 0}
    late: list[dict[str, Any]] = []
    open_overdue: list[dict[str, Any]] = []
    by_adult: dict[str, list[bool]] = defaultdict(list)
    for enquiry in records.enquiries:
        deadlines = {d.rule.id: d for d in adult_deadlines(rule_set, enquiry.events)}
        rules.missing(ADULT_RULE_IDS, enquiry.report_received)
        due = deadlines.get("adult_enquiry")
        concluded = enquiry.enquiry_concluded
        elapsed = (
            calendar.working_days_between(enquiry.report_received, concluded)
            if concluded is not None
            else None
        )
        row: dict[str, Any] = {
            "enquiry_id": enquiry.enquiry_id,
            "adult_id": enquiry.adult_id,
            "report_received": enquiry.report_received.isoformat(),
            "concluded": concluded.isoformat() if concluded else None,
            "working_days": elapsed,
            "due": due.due.isoformat() if due else None,
            "on_time": None,
        }
        if due is not None:
            rules.use(due)
            rule_lengths[due.rule.n] += 1
            if concluded is not None:
                on_time = concluded <= due.due
                row["on_time"] = on_time
                by_adult[enquiry.adult_id].append(on_time)
                if not on_time:
                    late.append(
                        {
                            **row,
                            "working_days_late": calendar.working_days_between(due.due, concluded),
                            "reason_for_delay": enquiry.reason_for_delay,
                            "unconfirmed": due.unconfirmed,
                        }
                    )
            elif due.due < as_of:
                open_overdue.append({**row, "unconfirmed": due.unconfirmed})
        meeting = deadlines.get("adult_strategy")
        if meeting is not None:
            rules.use(meeting)
            if enquiry.strategy is not None:
                strategy["total"] += 1
                strategy["on_time"] += enquiry.strategy <= meeting.due
            elif enquiry.strategy_required and meeting.due < as_of:
                strategy["overdue"] += 1
        enquiry_rows.append(row)
    concluded_rows = [r for r in enquiry_rows if r["concluded"] is not None]
    timed = [r for r in concluded_rows if r["on_time"] is not None]
    # Bands of the rule's own length; with no rule, of 7 working days (Wales) for comparison.
    length = rule_lengths.most_common(1)[0][0] if rule_lengths else 7
    bands = adult_bands(length)
    band_counts = Counter(_band(r["working_days"], bands) for r in concluded_rows)
    summary: dict[str, Any] = {
        "rule_set": rule_set.name,
        "as_of": as_of.isoformat(),
        "records": {
            "file": records.file,
            "enquiries": len(records.enquiries),
            "adults": len({e.adult_id for e in records.enquiries}),
            "skipped_rows": records.skipped_rows,
            "problems": [str(p) for p in records.problems],
        },
        "enquiries": {
            "concluded": len(concluded_rows),
            "open": len(enquiry_rows) - len(concluded_rows),
            "assessed": bool(timed),
            "by_enquiry": _ratio(sum(bool(r["on_time"]) for r in timed), len(timed)),
            "by_adult": _ratio(sum(all(results) for results in by_adult.values()), len(by_adult)),
            "bands": {label: band_counts.get(label, 0) for label, _, _ in bands},
            "bands_basis": length if rule_lengths else None,
            "max_working_days": max((r["working_days"] for r in concluded_rows), default=None),
            "late": late,
            "open_overdue": open_overdue,
        },
        "strategy": {**strategy, "by_enquiry": _ratio(strategy["on_time"], strategy["total"])},
        **rules.summary(),
    }
    return UnitSection(kind="adults", summary=summary)


def build_missing_section(
    records: MissingEpisodeRecords, rule_set: RuleSet, *, as_of: dt.date
) -> UnitSection:
    """Return interviews after missing episodes, by episode and by child."""
    rules = _Rules(rule_set)
    outcomes: Counter[str] = Counter()
    bands: Counter[str] = Counter()
    by_child: dict[str, list[bool]] = defaultdict(list)
    late: list[dict[str, Any]] = []
    date_only = 0
    for episode in records.episodes:
        deadline = return_interview_deadline(rule_set, episode.events)
        rules.missing(MISSING_RULE_IDS, episode.returned.date)
        interview = episode.interview
        if interview is not None:
            days = (interview.date - episode.returned.date).days
            bands[_band(days, MISSING_BANDS)] += 1
        if deadline is None:
            outcomes["no_rule"] += 1
            continue
        rules.use(deadline)
        timed = episode.returned.time is not None and (
            interview is None or interview.time is not None
        )
        if episode.returned.time is not None:
            due_at = hours_due_at(deadline.rule, episode.returned.time)
            due_text = due_at.isoformat(timespec="minutes")
        else:
            due_at, due_text = None, deadline.due.isoformat()
        if not timed:
            date_only += 1
        if interview is not None:
            if due_at is not None and interview.time is not None:
                # In UTC: Python compares two times in the same zone by their wall clocks.
                held = interview.time.replace(tzinfo=UK_TIME).astimezone(dt.UTC)
                on_time = held <= due_at.astimezone(dt.UTC)
            else:
                on_time = interview.date <= deadline.due
            outcome = "on_time" if on_time else "late"
        elif episode.declined:
            outcome = "declined"
        elif deadline.due < as_of:
            outcome = "not_held"
        else:
            outcome = "still_due"
        outcomes[outcome] += 1
        if outcome in {"on_time", "late", "not_held"}:
            by_child[episode.child_id].append(outcome == "on_time")
        if outcome in {"late", "not_held"}:
            late.append(
                {
                    "episode_id": episode.episode_id,
                    "child_id": episode.child_id,
                    "returned": _moment_text(episode.returned),
                    "due": due_text,
                    "interview": _moment_text(interview) if interview else None,
                    "offered": _moment_text(episode.offered) if episode.offered else None,
                    "outcome": outcome,
                    "date_only": not timed,
                }
            )
    assessed = outcomes["on_time"] + outcomes["late"] + outcomes["not_held"]
    summary: dict[str, Any] = {
        "rule_set": rule_set.name,
        "as_of": as_of.isoformat(),
        "records": {
            "file": records.file,
            "episodes": len(records.episodes),
            "children": len({e.child_id for e in records.episodes}),
            "skipped_rows": records.skipped_rows,
            "problems": [str(p) for p in records.problems],
        },
        "return_interviews": {
            "assessed": bool(assessed),
            "by_episode": _ratio(outcomes["on_time"], assessed),
            "by_child": _ratio(sum(all(r) for r in by_child.values()), len(by_child)),
            "outcomes": {
                name: outcomes.get(name, 0)
                for name in ("on_time", "late", "declined", "not_held", "still_due", "no_rule")
            },
            "bands": {label: bands.get(label, 0) for label, _, _ in MISSING_BANDS},
            "date_only": date_only,
            "late": late,
        },
        **rules.summary(),
    }
    return UnitSection(kind="missing", summary=summary)


def _moment_text(moment: Moment) -> str:
    return str(moment.time.isoformat(timespec="minutes") if moment.time else moment.date)


def build_unit_report(
    rule_set: RuleSet,
    *,
    as_of: dt.date,
    children: ComplianceReport | None = None,
    adults: AdultEnquiryRecords | None = None,
    missing: MissingEpisodeRecords | None = None,
) -> UnitReport:
    """Put the unit's sections together (each only when its records are given)."""
    return UnitReport(
        rule_set=rule_set.name,
        as_of=as_of,
        children=children,
        adults=None if adults is None else build_adult_section(adults, rule_set, as_of=as_of),
        missing=None if missing is None else build_missing_section(missing, rule_set, as_of=as_of),
    )
