"""Compliance and performance indicators from a council's conference records.

Every indicator is counted **by child and by conference**: Conwy's 2014-15 initial
conference timeliness was 78.3% by child (94 of 120) but 86.7% by conference (52 of 60),
because 8 late conferences held 26 children in sibling groups.

:func:`build_report` computes each indicator of a tuple (:data:`.indicators.INDICATORS` by
default; each is one module of ``reports/indicators/``) and puts their results, typed,
into a :class:`ComplianceReport`, with one row per child per conference for the CSV. The
working-day arithmetic runs over whole columns with numpy; see
:mod:`safeguarding_rules.rules.bulk`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeAlias, TypeVar

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from .._columnar import date_array, iso_text, mapped_ahead
from ..records import ConferenceAttendance, ConferenceRecords, LoadedRecords
from ..records.conferences import KINDS
from ..records.formats import WITHOUT_FAMILY_LINK
from ..rules import Counting, Period, ReportingPolicy, RuleSet
from ..rules.bulk import NOT_COMPUTABLE
from .indicators import (
    CONFERENCE_UNKNOWN,
    INDICATORS,
    Indicator,
    NotAssessed,
    ReportInputs,
    RuleUse,
    Status,
)
from .indicators.initial import DFE_BANDS
from .overlay import calendar_summary
from .periods import period_labels

__all__ = [
    "DFE_BANDS",
    "ComplianceReport",
    "PolicySummary",
    "RecordsSummary",
    "RuleUsed",
    "UnconfirmedRuleApplied",
    "build_report",
    "period_labels",
]

Dates = npt.NDArray[np.datetime64]
R = TypeVar("R")


@attrs.frozen(kw_only=True)
class PolicySummary:
    """The authority's reporting conventions the report used."""

    headline_unit: str
    target: float | None
    source: str
    confidence: str


@attrs.frozen(kw_only=True)
class RecordsSummary:
    """What was read."""

    rows: int
    children: int
    #: ``None`` where the file cannot say (no family link).
    conferences: int | None
    skipped_rows: int
    #: Each problem found, as a sentence naming file, row, column and value.
    problems: tuple[str, ...]


@attrs.frozen(kw_only=True)
class RuleUsed:
    """A rule version the report applied, and to how many rows."""

    rule: str
    title: str
    edition: str
    source: str
    confidence: str
    unconfirmed_reason: str | None
    rows: int


@attrs.frozen(kw_only=True)
class UnconfirmedRuleApplied:
    """An UNCONFIRMED rule version the report applied, and what would confirm it."""

    rule: str
    edition: str
    missing: str | None


Column: TypeAlias = npt.NDArray[Any] | pa.Array | tuple[npt.NDArray[np.integer[Any]], list[str]]


@attrs.frozen(kw_only=True, eq=False)
class ComplianceReport:
    """Every indicator's result, typed, and one row per child per conference.

    Look an indicator's result up by its :class:`~.indicators.Indicator`
    (``report[initial.INDICATOR]``, typed) or by its key (``report.indicators["quoracy"]``);
    :func:`~safeguarding_rules.to_data` gives the whole report as plain data, the JSON
    report's content.
    """

    #: The rule set's name.
    rule_set: str
    #: The rule set's title, as people call it.
    rule_set_title: str
    #: The records' file (or a description, for the sample year).
    source: str
    #: What kind of file the records came from (``csv``, ``jsonl``, ``cin-census``,
    #: ``annex-a``, ``mapped``).
    input_format: str
    counting: Counting
    #: The calendar counted on, its overlay and the closures in the period covered.
    calendar: Mapping[str, Any]
    period: Period
    year_start_month: int
    reporting_policy: PolicySummary
    records: RecordsSummary
    rules_used: tuple[RuleUsed, ...]
    #: Each indicator's result by its key, in the order the report shows them. An
    #: indicator with no place in this report (a census's figures for a CSV file) is absent.
    indicators: Mapping[str, Any]
    #: Per-row columns for the CSV output, turned into text only when rows are asked for:
    #: Arrow text, dates (NaT is empty), integers (negative is empty), or codes into names.
    _columns: dict[str, Column]
    #: The indicators computed, in order (for the renderers).
    _shown: tuple[Indicator[Any], ...] = ()

    def __getitem__(self, indicator: Indicator[R]) -> R | NotAssessed:
        """Return ``indicator``'s result.

        :raises KeyError: if the report has no such section.
        """
        found: R | NotAssessed = self.indicators[indicator.key]
        return found

    @property
    def shown(self) -> tuple[tuple[Indicator[Any], Any], ...]:
        """Each indicator computed, with its result, in order."""
        return tuple((item, self.indicators[item.key]) for item in self._shown)

    @property
    def unconfirmed_rules(self) -> tuple[str, ...]:
        """The ids of the UNCONFIRMED rules the report applied, sorted."""
        return tuple(sorted({u.rule for u in self.rules_used if u.confidence == "UNCONFIRMED"}))

    @property
    def unconfirmed_items(self) -> tuple[UnconfirmedRuleApplied, ...]:
        """Each UNCONFIRMED rule version applied, and what would confirm it."""
        return tuple(
            UnconfirmedRuleApplied(rule=u.rule, edition=u.edition, missing=u.unconfirmed_reason)
            for u in self.rules_used
            if u.confidence == "UNCONFIRMED"
        )

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
        self, convert: Callable[[Column, int, int], pa.Array], size: int
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


def _as_text(values: Column, start: int, stop: int) -> pa.Array:
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


def _as_arrow(values: Column, start: int, stop: int) -> pa.Array:
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


def _name_not_computable(
    uses: Sequence[RuleUse],
    rule_set: RuleSet,
    applied: list[tuple[str, str]],
    applied_code: npt.NDArray[np.int16],
) -> None:
    """Give the rows whose due date is not computable their rule and edition in the CSV.

    They are in no count of ``rules_used`` (no due date was worked out from the rule).
    """
    for use in uses:
        stuck = use.rows & (use.version == NOT_COMPUTABLE)
        if use.in_force is None or not stuck.any():
            continue
        versions = rule_set.versions(use.rule_id)
        for index in np.unique(use.in_force[stuck]).tolist():
            key = (use.rule_id, versions[index].edition.id if index >= 0 else "")
            if key not in applied:
                applied.append(key)
            applied_code[stuck & (use.in_force == index)] = applied.index(key)


def _date_span(records: ConferenceRecords) -> tuple[dt.date | None, dt.date | None]:
    """Return the first and last strategy discussion or conference date in the records."""
    days = np.concatenate([records.strategy_discussion_date, records.conference_date])
    days = days[~np.isnat(days)]
    if not days.size:
        return None, None
    return days.min().astype(dt.date), days.max().astype(dt.date)


def build_report(
    records: ConferenceRecords | LoadedRecords,
    rule_set: RuleSet,
    *,
    attendance: Sequence[ConferenceAttendance] = (),
    match_attendance: bool = True,
    period: Period | None = None,
    year_start_month: int | None = None,
    counting: Counting = Counting.EVENT_DAY_IS_DAY_0,
    use_overlay: bool = False,
    indicators: Sequence[Indicator[Any]] = INDICATORS,
) -> ComplianceReport:
    """Compute every indicator the records allow.

    :param records: checked records, or what :func:`~safeguarding_rules.records.read_records`
        read (which says what kind of file they came from and, for a census, holds its
        section 47 enquiries for the DfE's figures).
    :param attendance: conferences' attendance, for the quoracy and participation sections.
    :param match_attendance: match each attendance conference to the records by conference
        id: one whose type or date disagrees with them is not counted, and one they do not
        hold is counted; both are named in the quoracy section. Off where the attendance
        is not of these records (the command line's sample records with a user's
        attendance file).
    :param period: reporting period; by default the rule set's (quarters if it has none).
    :param year_start_month: 4 for the financial year (default), 1 for calendar years.
    :param use_overlay: count the rule set's local closures as non-working days too (off
        by default, as national indicators count; see :meth:`RuleSet.calendar`). The
        report's ``calendar`` says which overlay was used and lists its closures in the
        period the records cover.
    :param indicators: the indicators to compute, in the order they are shown.
    """
    census = ssd = None
    if isinstance(records, LoadedRecords):
        census, ssd = records.census, records.ssd
        input_format = records.input_format.value
        known, unknown_why = records.conferences_known, records.conferences_unknown_why
        records = records.records
    else:
        input_format = records.input_format
        known, unknown_why = input_format not in WITHOUT_FAMILY_LINK, CONFERENCE_UNKNOWN
    policy = rule_set.reporting or ReportingPolicy()
    inputs = ReportInputs(
        records=records,
        rule_set=rule_set,
        calendar=rule_set.calendar(use_overlay=use_overlay),
        counting=counting,
        period=period or policy.period,
        year_start=year_start_month or policy.year_start_month,
        policy=policy,
        attendance=attendance,
        match_attendance=match_attendance,
        conferences_known=known,
        census=census,
        ssd=ssd,
        conferences_unknown_why=unknown_why,
    )
    n = len(records)
    # Per-row columns for the CSV, in the narrowest types that hold them (a national file
    # has millions of rows): a status code, a (rule, edition) code, and day counts.
    status = np.zeros(n, dtype=np.int8)  # an index into Status.NAMES
    due = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    working_days = np.full(n, -1, dtype=np.int32)
    days_late = np.full(n, -1, dtype=np.int32)
    # An index into `applied` (rule, edition) per row; 0 is none.
    applied_code = np.zeros(n, dtype=np.int16)
    applied: list[tuple[str, str]] = [("", "")]
    rules_used: list[RuleUsed] = []
    results: dict[str, Any] = {}
    shown = []
    for indicator in indicators:
        computed = indicator.compute(inputs)
        if computed is None:
            continue
        results[indicator.key] = computed.result
        shown.append(indicator)
        verdicts = computed.verdicts
        if verdicts is not None:  # indicators own disjoint rows
            mine = verdicts.rows
            status[mine] = verdicts.status[mine]
            due[mine] = verdicts.due[mine]
            if verdicts.working_days is not None:
                working_days[mine] = verdicts.working_days[mine]
            if verdicts.days_late is not None:
                days_late[mine] = verdicts.days_late[mine]
        for use in computed.rules:
            versions = rule_set.versions(use.rule_id)
            used, mask = use.version, use.rows
            counts = np.bincount(used[mask & (used >= 0)], minlength=len(versions))
            for index, version in enumerate(versions):
                count = int(counts[index])
                if count:
                    applied_code[(used == index) & mask] = len(applied)
                    applied.append((use.rule_id, version.edition.id))
                    rules_used.append(
                        RuleUsed(
                            rule=use.rule_id,
                            title=version.title,
                            edition=version.edition.id,
                            source=version.source,
                            confidence=version.confidence.value,
                            unconfirmed_reason=version.unconfirmed_reason or None,
                            rows=count,
                        )
                    )
        _name_not_computable(computed.rules, rule_set, applied, applied_code)
    # A row no indicator judges (a rule set with no rule for its conference type, a
    # transfer-in or pre-birth conference, which no rule times) is not assessed: never blank.
    status[status == 0] = Status.NOT_ASSESSED
    calendar = inputs.calendar
    columns: dict[str, Column] = {
        "row": records.rows,
        "child_id": records.text["child_id"],
        "conference_id": records.text["conference_id"],
        "conference_type": (records.kind, list(KINDS)),
        "conference_date": records.conference_date,
        "due_date": due,
        "rule": (applied_code, [rule for rule, _ in applied]),
        "edition": (applied_code, [edition for _, edition in applied]),
        "status": (status, list(Status.NAMES)),
        "working_days": working_days,
        "working_days_late": days_late,
        "reason_for_delay": records.text["reason_for_delay"],
        "overlay": (
            np.broadcast_to(np.int64(0), (n,)),
            [calendar.overlay.name if calendar.overlay else ""],
        ),
    }
    return ComplianceReport(
        rule_set=rule_set.name,
        rule_set_title=rule_set.title,
        source=records.file,
        input_format=input_format,
        counting=counting,
        calendar=calendar_summary(rule_set, calendar, *_date_span(records)),
        period=inputs.period,
        year_start_month=inputs.year_start,
        reporting_policy=PolicySummary(
            headline_unit=policy.headline_unit.value,
            target=policy.target,
            source=policy.source,
            confidence=policy.confidence.value,
        ),
        records=RecordsSummary(
            rows=n,
            children=int(np.count_nonzero(np.bincount(records.child_code, minlength=1))),
            conferences=int(np.count_nonzero(np.bincount(records.conference_code, minlength=1)))
            if inputs.conferences_known
            else None,
            skipped_rows=records.skipped_rows,
            problems=tuple(str(p) for p in records.problems),
        ),
        rules_used=tuple(rules_used),
        indicators=results,
        columns=columns,
        shown=tuple(shown),
    )
