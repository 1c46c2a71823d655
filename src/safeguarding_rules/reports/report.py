"""Compliance and performance indicators from a council's conference records.

Every indicator is counted **by child and by conference**: Conwy's 2014-15 initial
conference timeliness was 78.3% by child (94 of 120) but 86.7% by conference (52 of 60),
because 8 late conferences held 26 children in sibling groups.

The working-day arithmetic runs over whole columns with numpy; see
:mod:`safeguarding_rules.rules.bulk`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from .._columnar import date_array, day_span, iso_text, mapped_ahead, order_by_day_then_id
from ..calendar import WorkingDayCalendar
from ..records import ConferenceAttendance, ConferenceRecords
from ..records.conferences import KINDS, PREVIOUS_KINDS
from ..rules import Confidence, Counting, Period, ReportingPolicy, RuleSet, unrecognised_names
from ..rules.bulk import NOT_COMPUTABLE, due_dates
from .overlay import calendar_summary
from .table import RowTable

__all__ = ["DFE_BANDS", "ComplianceReport", "build_report", "period_labels"]

Dates = npt.NDArray[np.datetime64]
#: Each row's status in the CSV output, by its code.
STATUSES = ("", "pending", "not_assessed", "on_time", "late")
PENDING, NOT_ASSESSED, ON_TIME, LATE = 1, 2, 3, 4

#: The DfE's bands of working days from strategy discussion to initial conference.
DFE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-10", 0, 10),
    ("11-15", 11, 15),
    ("16-20", 16, 20),
    ("21+", 21, None),
)


def _ratio(on_time: int, total: int) -> dict[str, Any]:
    return {
        "on_time": on_time,
        "total": total,
        "percent": round(100 * on_time / total, 1) if total else None,
    }


def period_labels(days: Dates, period: Period, year_start_month: int) -> npt.NDArray[np.str_]:
    """Label each date with its reporting period, e.g. ``"2014-15 Q3"`` or ``"2014 H1"``.

    A year starting in April (the financial year) is labelled ``2014-15``; a year starting
    in January is labelled ``2014``.
    """
    codes, labels = _period_codes(days, period, year_start_month)
    return labels[codes]


def _period_codes(
    days: Dates, period: Period, year_start_month: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.str_]]:
    """Return a small integer per date, counting months from the earliest, and their labels.

    Labelling each distinct month once (not each date) keeps this one pass over the dates.
    """
    found = day_span(days)
    if found is None:
        months = days.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
    else:  # a month per day of the span, looked up per row
        each_day, places = found
        months = each_day.astype("datetime64[M]").astype(np.int64)[places]
    if not len(months):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype="<U12")
    low = int(months.min())
    every_month = np.arange(low, int(months.max()) + 1, dtype=np.int64)
    return months - low, _month_labels(every_month, period, year_start_month)


def _by_period(
    codes: npt.NDArray[np.int64],
    labels: npt.NDArray[np.str_],
    counts: dict[str, npt.NDArray[np.bool_]],
) -> dict[str, dict[str, int]]:
    """Count each mask's rows per period label, in label order (months sharing a label add up).

    :param codes: a month code per row, as from :func:`_period_codes`, for the rows counted.
    """
    totals = {
        name: np.bincount(codes, weights=mask, minlength=len(labels)).astype(np.int64)
        for name, mask in counts.items()
    }
    found: dict[str, dict[str, int]] = {}
    present = np.bincount(codes, minlength=len(labels)) > 0
    for index in np.flatnonzero(present).tolist():
        into = found.setdefault(str(labels[index]), dict.fromkeys(counts, 0))
        for name, per_month in totals.items():
            into[name] += int(per_month[index])
    return dict(sorted(found.items()))


def _month_labels(
    months: npt.NDArray[np.int64], period: Period, year_start_month: int
) -> npt.NDArray[np.str_]:
    shifted = months - (year_start_month - 1)
    year = shifted // 12 + 1970
    month_of_year = shifted % 12
    if year_start_month == 1:
        year_label = year.astype(str)
    else:
        year_label = np.char.add(
            np.char.add(year.astype(str), "-"), np.char.zfill(((year + 1) % 100).astype(str), 2)
        )
    if period is Period.YEAR:
        return year_label
    if period is Period.HALF_YEAR:
        part = np.char.add(" H", (month_of_year // 6 + 1).astype(str))
    else:
        part = np.char.add(" Q", (month_of_year // 3 + 1).astype(str))
    labelled: npt.NDArray[np.str_] = np.char.add(year_label, part)
    return labelled


@attrs.frozen(kw_only=True, eq=False)
class ComplianceReport:
    """The indicators (``summary``, JSON-ready) and one row per child per conference."""

    #: Every indicator, as plain JSON-ready data.
    summary: dict[str, Any]
    #: Per-row columns for the CSV output, turned into text only when rows are asked for:
    #: Arrow text, dates (NaT is empty), integers (negative is empty), or codes into names.
    _columns: dict[
        str, npt.NDArray[Any] | pa.Array | tuple[npt.NDArray[np.integer[Any]], list[str]]
    ]

    def rows(self) -> Iterator[dict[str, str]]:
        """One dict per child per conference, in file order, all values as strings."""
        names = list(self._columns)
        for chunk in self.text_columns():
            texts = [column.to_pylist() for column in chunk]
            for values in zip(*texts, strict=True):
                yield dict(zip(names, values, strict=True))

    def text_columns(self, size: int = 50_000) -> Iterator[list[pa.Array]]:
        """Yield the CSV columns (:attr:`row_fields`) as Arrow text, ``size`` rows at a time."""
        return self._chunks(_as_text, size)

    def csv_columns(self, size: int = 50_000) -> Iterator[list[pa.Array]]:
        """Yield the CSV columns as Arrow arrays, ``size`` rows at a time, for a CSV writer.

        The same cells as :meth:`text_columns`, but numbers and dates stay numbers and
        dates (null where empty), which Arrow's CSV writer formats itself, faster than
        making them text first.
        """
        return self._chunks(_as_arrow, size)

    def _chunks(
        self, convert: Callable[[Any, int, int], pa.Array], size: int
    ) -> Iterator[list[pa.Array]]:
        """Yield every column's rows ``convert``-ed, ``size`` rows at a time, on both cores."""
        rows = len(next(iter(self._columns.values()))) if self._columns else 0

        def chunk(start: int) -> list[pa.Array]:
            stop = min(start + size, rows)
            return [convert(values, start, stop) for values in self._columns.values()]

        yield from mapped_ahead(chunk, range(0, rows, size))

    @property
    def row_fields(self) -> tuple[str, ...]:
        """The CSV columns."""
        return tuple(self._columns)


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


def _as_text(
    values: npt.NDArray[Any] | pa.Array | tuple[npt.NDArray[np.integer[Any]], list[str]],
    start: int,
    stop: int,
) -> pa.Array:
    """Rows ``start`` to ``stop`` of a per-row column, as Arrow text (empty where none)."""
    if isinstance(values, tuple):
        codes, names = values
        return pa.array(names, pa.string()).take(pa.array(codes[start:stop]))
    if isinstance(values, pa.Array):
        part = values.slice(start, stop - start)
        return part if pa.types.is_string(part.type) else pc.cast(part, pa.string())
    part = values[start:stop]
    if part.dtype.kind in "USO":
        return pa.array([str(value) for value in part.tolist()], pa.string())
    if part.dtype.kind == "M":
        return pc.fill_null(iso_text(part), "")
    return pc.if_else(pa.array(part >= 0), pc.cast(pa.array(part), pa.string()), "")


def _as_arrow(
    values: npt.NDArray[Any] | pa.Array | tuple[npt.NDArray[np.integer[Any]], list[str]],
    start: int,
    stop: int,
) -> pa.Array:
    """Return rows ``start`` to ``stop`` of a per-row column for a CSV writer.

    Text, or dates and whole numbers (null where empty), whose cells read as
    :func:`_as_text` gives them.
    """
    if isinstance(values, pa.Array | tuple):
        return _as_text(values, start, stop)
    part = values[start:stop]
    if part.dtype.kind == "M":
        return date_array(part)
    if part.dtype.kind in "iu":
        return pa.array(part, mask=part < 0)
    return _as_text(values, start, stop)


def _date_span(records: ConferenceRecords) -> tuple[dt.date | None, dt.date | None]:
    """Return the first and last strategy discussion or conference date in the records."""
    days = np.concatenate([records.strategy_discussion_date, records.conference_date])
    days = days[~np.isnat(days)]
    if not days.size:
        return None, None
    return days.min().astype(dt.date), days.max().astype(dt.date)


def build_report(
    records: ConferenceRecords,
    rule_set: RuleSet,
    *,
    attendance: Sequence[ConferenceAttendance] = (),
    period: Period | None = None,
    year_start_month: int | None = None,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    source_name: str | None = None,
    use_overlay: bool = False,
) -> ComplianceReport:
    """Compute every indicator the records allow.

    :param period: reporting period; by default the rule set's (quarters if it has none).
    :param year_start_month: 4 for the financial year (default), 1 for calendar years.
    :param use_overlay: count the rule set's local closures as non-working days too (off
        by default, as national indicators count; see :meth:`RuleSet.calendar`). The
        summary's ``calendar`` says which overlay was used and lists its closures in the
        period the records cover.
    """
    policy = rule_set.reporting or ReportingPolicy()
    period = period or policy.period
    year_start = year_start_month or policy.year_start_month
    calendar = rule_set.calendar(use_overlay=use_overlay)
    n = len(records)
    columns: dict[str, Any] = {
        "row": records.rows,
        "child_id": records.text["child_id"],
        "conference_id": records.text["conference_id"],
        "conference_type": (records.kind, list(KINDS)),
        "conference_date": records.conference_date,
    }
    summary: dict[str, Any] = {
        "rule_set": rule_set.name,
        "source": source_name or records.file,
        "counting": counting.value,
        "calendar": calendar_summary(rule_set, calendar, *_date_span(records)),
        "period": period.value,
        "year_start_month": year_start,
        "reporting_policy": {
            "headline_unit": policy.headline_unit.value,
            "target": policy.target,
            "source": policy.source,
            "confidence": policy.confidence.value,
        },
        "records": {
            "rows": n,
            "children": int(np.count_nonzero(np.bincount(records.child_code, minlength=1))),
            "conferences": int(np.count_nonzero(np.bincount(records.conference_code, minlength=1))),
            "skipped_rows": records.skipped_rows,
            "problems": [str(p) for p in records.problems],
        },
        "rules_used": [],
    }
    # Per-row columns for the CSV, in the narrowest types that hold them (a national file
    # has millions of rows): a status code, a (rule, edition) code, and day counts.
    status = np.zeros(n, dtype=np.int8)  # an index into STATUSES
    due = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    # An index into `applied` (rule, edition) per row; 0 is none.
    applied_code = np.zeros(n, dtype=np.int16)
    applied: list[tuple[str, str]] = [("", "")]
    working_days = np.full(n, -1, dtype=np.int32)
    days_late = np.full(n, -1, dtype=np.int32)

    def note_rule(rule_id: str, used: npt.NDArray[np.int64], mask: npt.NDArray[np.bool_]) -> None:
        versions = rule_set.versions(rule_id)
        counts = np.bincount(used[mask & (used >= 0)], minlength=len(versions))
        for index, version in enumerate(versions):
            count = int(counts[index])
            if count:
                applied_code[(used == index) & mask] = len(applied)
                applied.append((rule_id, version.edition.id))
                summary["rules_used"].append(
                    {
                        "rule": rule_id,
                        "title": version.title,
                        "edition": version.edition.id,
                        "source": version.source,
                        "confidence": version.confidence.value,
                        "unconfirmed_reason": version.unconfirmed_reason or None,
                        "rows": count,
                    }
                )

    run = _Run(
        records=records,
        rule_set=rule_set,
        calendar=calendar,
        counting=counting,
        period=period,
        year_start=year_start,
        policy=policy,
        status=status,
        due=due,
        working_days=working_days,
        days_late=days_late,
        note_rule=note_rule,
    )
    summary["initial_conference_timeliness"] = _initial(run)
    summary["review_timeliness"] = _reviews(run)
    summary["core_group_timeliness"] = _core_groups(run)
    summary["report_deadlines"] = _actions(run)
    summary["unconfirmed_rules"] = sorted(
        {u["rule"] for u in summary["rules_used"] if u["confidence"] == "UNCONFIRMED"}
    )
    summary["unconfirmed_items"] = [
        {"rule": u["rule"], "edition": u["edition"], "missing": u["unconfirmed_reason"]}
        for u in summary["rules_used"]
        if u["confidence"] == "UNCONFIRMED"
    ]
    if attendance:
        summary["quoracy"], summary["participation"] = _quoracy(
            records, rule_set, attendance, period, year_start, policy
        )
    columns.update(
        {
            "due_date": due,
            "rule": (applied_code, [rule for rule, _ in applied]),
            "edition": (applied_code, [edition for _, edition in applied]),
            "status": (status, list(STATUSES)),
            "working_days": working_days,
            "working_days_late": days_late,
            "reason_for_delay": records.text["reason_for_delay"],
            "overlay": (
                np.broadcast_to(np.int64(0), (n,)),
                [calendar.overlay.name if calendar.overlay else ""],
            ),
        }
    )
    return ComplianceReport(summary=summary, columns=columns)


@attrs.frozen(kw_only=True, eq=False)
class _Run:
    """What every indicator reads, and the per-row columns they fill in for the CSV."""

    records: ConferenceRecords
    rule_set: RuleSet
    calendar: WorkingDayCalendar
    counting: Counting
    period: Period
    year_start: int
    policy: ReportingPolicy
    status: npt.NDArray[np.int8]
    due: Dates
    working_days: npt.NDArray[np.int32]
    days_late: npt.NDArray[np.int32]
    note_rule: Callable[[str, npt.NDArray[np.int64], npt.NDArray[np.bool_]], None]


def _initial(run: _Run) -> dict[str, Any]:
    records, rule_set, calendar, counting = run.records, run.rule_set, run.calendar, run.counting
    period, year_start, policy = run.period, run.year_start, run.policy
    status, due, working_days, days_late = run.status, run.due, run.working_days, run.days_late
    note_rule = run.note_rule
    if "icpc" not in rule_set.rule_ids:
        return {"assessed": False, "why": f"rule set {rule_set.name!r} has no 'icpc' rule"}
    initial = records.of_type("initial")
    held = initial & ~np.isnat(records.conference_date)
    pending = initial & np.isnat(records.conference_date)
    status[pending] = PENDING
    sd = records.strategy_discussion_date
    row_due = np.full(len(records), np.datetime64("NaT"), dtype="datetime64[D]")
    used = np.full(len(records), -1, dtype=np.int64)
    if initial.any():
        row_due[initial], used[initial] = due_dates(
            rule_set, "icpc", sd[initial], calendar, counting=counting
        )
    assessed = held & (used >= 0)
    not_in_force = initial & (used < 0)
    status[not_in_force] = NOT_ASSESSED
    note_rule("icpc", used, initial)
    due[initial] = row_due[initial]
    conf = records.conference_date
    wd = np.zeros(len(records), dtype=np.int32)
    if assessed.any():
        wd[assessed] = calendar.working_days_between_array(sd[assessed], conf[assessed])
    on_time = assessed & (conf <= row_due)
    late = assessed & ~on_time
    lateness = np.zeros(len(records), dtype=np.int32)
    if late.any():
        lateness[late] = calendar.working_days_between_array(row_due[late], conf[late])
    status[on_time] = ON_TIME
    status[late] = LATE
    working_days[assessed] = wd[assessed]
    days_late[assessed] = lateness[assessed]

    per_conference = np.zeros(len(records), dtype=bool)
    per_conference[records.first_of_conference()] = True
    conf_assessed = assessed & per_conference
    codes, labels = _period_codes(conf[assessed], period, year_start)
    counted = _by_period(
        codes,
        labels,
        {
            "all": np.ones(len(codes), dtype=bool),
            "on_time": on_time[assessed],
            "first": per_conference[assessed],
            "first_on_time": (on_time & per_conference)[assessed],
        },
    )
    by_period = [
        {
            "period": label,
            "by_child": _ratio(count["on_time"], count["all"]),
            "by_conference": _ratio(count["first_on_time"], count["first"]),
        }
        for label, count in counted.items()
    ]
    bands = {}
    for name, low, high in DFE_BANDS:
        in_band = conf_assessed & (wd >= low) & ((wd <= high) if high is not None else True)
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
    target = policy.target
    headline = "by_" + policy.headline_unit.value
    result: dict[str, Any] = {
        "assessed": True,
        "rule": "icpc",
        "by_child": _ratio(int(on_time.sum()), int(assessed.sum())),
        "by_conference": _ratio(int((on_time & per_conference).sum()), int(conf_assessed.sum())),
        "max_working_days": int(wd[assessed].max()) if assessed.any() else None,
        "bands": bands,
        "by_period": by_period,
        "late_conferences": late_conferences,
        "pending": int(pending.sum()),
        "not_assessed": int(not_in_force.sum()),
        # Of those not assessed: the rule applies, but the due date is past the calendar's
        # coverage (bank holidays not yet known), so no date and no verdict are given.
        "not_computable": int((initial & (used == NOT_COMPUTABLE)).sum()),
        "target": target,
        "headline": headline,
    }
    if target is not None and result[headline]["percent"] is not None:
        result["meets_target"] = result[headline]["percent"] >= 100 * target
    return result


def _reviews(run: _Run) -> dict[str, Any]:
    records, rule_set, calendar, counting = run.records, run.rule_set, run.calendar, run.counting
    period, year_start, status, due = run.period, run.year_start, run.status, run.due
    review = records.of_type("review")
    if not review.any():
        return {"assessed": False, "why": "no review conferences in the records"}
    previous_kind = records.previous_kind.copy()  # indices into PREVIOUS_KINDS
    previous = records.previous_conference_date
    unknown_kind = np.flatnonzero(review & (previous_kind == 0) & ~np.isnat(previous))
    if unknown_kind.size:
        # The previous conference's type, where it is in the file: look it up by child and date.
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
    result: dict[str, Any] = {"assessed": True}
    on_time_all = np.zeros(len(records), dtype=bool)
    assessed_all = np.zeros(len(records), dtype=bool)
    for rule_id, kind in (("first_review", "initial"), ("subsequent_review", "review")):
        mask = review & (previous_kind == PREVIOUS_KINDS.index(kind)) & ~np.isnat(previous)
        if rule_id not in rule_set.rule_ids or not mask.any():
            continue
        row_due, used = due_dates(rule_set, rule_id, previous[mask], calendar, counting=counting)
        full_used = np.full(len(records), -1, dtype=np.int64)
        full_used[mask] = used
        run.note_rule(rule_id, full_used, mask)
        ok = np.zeros(len(records), dtype=bool)
        in_force = np.zeros(len(records), dtype=bool)
        in_force[mask] = used >= 0
        ok[mask] = records.conference_date[mask] <= row_due
        ok &= in_force
        due[mask] = row_due
        status[in_force & ok] = ON_TIME
        status[in_force & ~ok] = LATE
        on_time_all |= ok
        assessed_all |= in_force
    unknown = review & ~assessed_all
    status[unknown] = NOT_ASSESSED
    result["by_child"] = _ratio(int(on_time_all.sum()), int(assessed_all.sum()))
    # A review conference is on time when every child in it is.
    conferences = np.bincount(records.conference_code[assessed_all], minlength=1) > 0
    late_ones = records.conference_code[assessed_all & ~on_time_all]
    late_conferences = np.bincount(late_ones, minlength=len(conferences)) > 0
    result["by_conference"] = _ratio(
        int(np.count_nonzero(conferences & ~late_conferences)), int(np.count_nonzero(conferences))
    )
    result["not_assessed"] = {
        "rows": int(unknown.sum()),
        "why": "no previous_conference_date, or its type is neither in the file nor given in "
        "previous_conference_type",
    }
    codes, labels = _period_codes(records.conference_date[assessed_all], period, year_start)
    counted = _by_period(
        codes,
        labels,
        {"all": np.ones(len(codes), dtype=bool), "on_time": on_time_all[assessed_all]},
    )
    result["by_period"] = [
        {"period": label, "by_child": _ratio(count["on_time"], count["all"])}
        for label, count in counted.items()
    ]
    return result


def _core_groups(run: _Run) -> dict[str, Any]:
    records, rule_set, calendar, counting = run.records, run.rule_set, run.calendar, run.counting
    held = ~np.isnat(records.core_group_date) & records.of_type("initial")
    if "first_core_group" not in rule_set.rule_ids or not held.any():
        return {"assessed": False, "why": "no core_group_date given for initial conferences"}
    row_due, used = due_dates(
        rule_set, "first_core_group", records.conference_date[held], calendar, counting=counting
    )
    in_force = used >= 0
    on_time = in_force & (records.core_group_date[held] <= row_due)
    return {"assessed": True, "by_child": _ratio(int(on_time.sum()), int(in_force.sum()))}


def _actions(run: _Run) -> list[dict[str, Any]]:
    records, rule_set, calendar, counting = run.records, run.rule_set, run.calendar, run.counting
    found = []
    for rule_id, done in records.action_dates.items():
        versions = rule_set.versions(rule_id)
        types = {t.value for v in versions for t in v.conference_types}
        applies = records.of_type(*types) & ~np.isnat(records.conference_date)
        recorded = applies & ~np.isnat(done)
        row_due, used = due_dates(
            rule_set, rule_id, records.conference_date[recorded], calendar, counting=counting
        )
        in_force = used >= 0
        # Before-rules ("at least n days before") and after-rules ("within n days") are both
        # met when the action was done on or before the due date.
        on_time = in_force & (done[recorded] <= row_due)
        found.append(
            {
                "rule": rule_id,
                "title": versions[-1].title,
                "by_child": _ratio(int(on_time.sum()), int(in_force.sum())),
                "not_recorded": int((applies & np.isnat(done)).sum()),
                "unconfirmed": any(v.confidence is Confidence.UNCONFIRMED for v in versions),
            }
        )
    return found


def _quoracy(
    records: ConferenceRecords,
    rule_set: RuleSet,
    attendance: Sequence[ConferenceAttendance],
    period: Period,
    year_start: int,
    policy: ReportingPolicy,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    dates = dict(
        zip(
            records.conference_id.tolist(),
            records.conference_date.astype(str).tolist(),
            strict=True,
        )
    )
    results = []
    undated = 0
    for conference in attendance:
        day = conference.conference_date
        if day is None and dates.get(conference.conference_id, "NaT") != "NaT":
            day = dt.date.fromisoformat(dates[conference.conference_id])
        result = rule_set.evaluate_quorum(
            conference.attendances,
            conference_id=conference.conference_id,
            conference_type=conference.conference_type,
            conference_date=day,
            fii=conference.fii,
            chair_reason=conference.chair_reason,
        )
        if day is None:
            undated += 1
        results.append((day, result, conference))
    quorate = sum(r.quorate for _, r, _ in results)
    by_period: dict[str, list[bool]] = {}
    dated = [(d, r) for d, r, _ in results if d is not None]
    if dated:
        labels = period_labels(
            np.array([d for d, _ in dated], dtype="datetime64[D]"), period, year_start
        )
        for label, (_, result) in zip(labels.tolist(), dated, strict=True):
            by_period.setdefault(label, []).append(result.quorate)
    quoracy = {
        "rule": rule_set.quorum.title if rule_set.quorum else None,
        "source": rule_set.quorum.source if rule_set.quorum else None,
        "confidence": rule_set.quorum.confidence.value if rule_set.quorum else None,
        "conferences": _ratio(quorate, len(results)),
        "by_period": [
            {"period": label, "quorate": _ratio(sum(flags), len(flags))}
            for label, flags in sorted(by_period.items())
        ],
        "undated_conferences": undated,
        # Names the vocabulary did not recognise, each counted as its own agency.
        "unrecognised_agencies": list(
            unrecognised_names(
                (name for _, result, _ in results for name in result.unrecognised),
                rule_set.vocabulary,
            )
        ),
        "quorate_only_with_unrecognised": sum(r.depends_on_unrecognised for _, r, _ in results),
        "inquorate": [
            {
                "conference_id": result.conference_id,
                "shortfalls": list(result.shortfalls),
                "proceeded_by_chair": result.proceeded_inquorate,
            }
            for _, result, _ in results
            if not result.quorate
        ],
    }
    counting_modes = rule_set.quorum.counting_modes if rule_set.quorum else frozenset()
    over_interest = policy.participation_over_active_interest
    attended: Counter[str] = Counter()
    eligible: Counter[str] = Counter()
    for _, _, conference in results:
        # By agency id where the vocabulary knows the name, so "CSC" and
        # "childrens_social_care" are one row; other names as written.
        named = {
            rule_set.vocabulary.agency(a.agency) or a.agency: a for a in conference.attendances
        }
        for agency, record in named.items():
            if over_interest and record.active_interest is not True:
                continue
            eligible[agency] += 1
            attended[agency] += record.mode in counting_modes
    participation = [
        {
            "agency": agency,
            "took_part": _ratio(attended[agency], eligible[agency]),
            "basis": "conferences where the agency had an active interest"
            if over_interest
            else "conferences where the agency was listed",
        }
        for agency in sorted(eligible)
    ]
    return quoracy, participation
