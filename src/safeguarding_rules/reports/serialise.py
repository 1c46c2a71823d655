"""One path from the library's result objects to plain data: :func:`to_data`.

Every JSON document the library produces (the command line's ``--format json``, the JSON
report, a web application's API response) is built here, so that a developer importing the
library gets exactly the shapes the command line prints. Plain data means ``dict``,
``list``, ``str``, ``int``, ``float``, ``bool`` and ``None``: dates become ISO strings,
enums their values, sets sorted lists.

Built on `cattrs <https://catt.rs>`_, which unstructures attrs classes generically (so a
new attrs value object is serialisable without code) and lets the documented shapes of
the main results be registered once, below. The models themselves know nothing of
serialisation.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import secrets
from collections.abc import Callable, Iterator, Mapping, Set
from typing import TYPE_CHECKING, Any, TypeAlias, overload

import attrs
import cattrs
import orjson
from cattrs.gen import make_dict_unstructure_fn

from ..calendar import NonWorkingDay, WorkingDayCount
from ..rules import (
    AgencyDecision,
    Deadline,
    DeadlineSet,
    Edition,
    Evidence,
    NotComputable,
    QuorumResult,
    Rule,
    RuleSet,
)

if TYPE_CHECKING:
    from .report import ComplianceReport
    from .unit import UnitReport, UnitSection
    from .unit_worklist import CaseDueAction
    from .worklist import DueAction, NotAssessedAction, NotComputableAction, Worklist

__all__ = ["PlainData", "json_chunks", "to_data"]

_converter = cattrs.Converter(
    unstruct_collection_overrides={Set: lambda items: sorted(items, key=str), tuple: list}
)
_converter.register_unstructure_hook(dt.date, lambda day: day.isoformat())
_converter.register_unstructure_hook(enum.Enum, lambda member: member.value)


#: Plain data: what :func:`to_data` returns, and what :func:`json.dumps` takes.
PlainData: TypeAlias = dict[str, Any] | list[Any] | str | int | float | bool | None


@overload
def to_data(
    obj: ComplianceReport
    | Deadline
    | DeadlineSet
    | QuorumResult
    | RuleSet
    | Rule
    | Edition
    | DueAction
    | NotComputableAction
    | NotAssessedAction
    | UnitReport
    | WorkingDayCount
    | Mapping[str, Any],
) -> dict[str, Any]: ...
@overload
def to_data(obj: Worklist[Any]) -> dict[str, Any]: ...  # type: ignore[overload-overlap]
@overload
def to_data(obj: list[Any]) -> list[Any]: ...
@overload
def to_data(obj: object) -> Any: ...


def to_data(obj: object) -> PlainData:
    """Return ``obj`` as plain, JSON-ready data.

    Typed by what it is given: a result object (a report, a deadline, a deadline set, a
    quorum result, a rule set, a due action, the worklist...) or a mapping gives a ``dict``;
    a list, a ``list``; anything else, plain data of its own shape.

    Known shapes: :class:`~safeguarding_rules.Rule` and :class:`~safeguarding_rules.Edition`
    (each with its :class:`~safeguarding_rules.Evidence`),
    :class:`~safeguarding_rules.RuleSet` (without its rules),
    :class:`~safeguarding_rules.Deadline`, :class:`~safeguarding_rules.QuorumResult` and
    :class:`~safeguarding_rules.AgencyDecision`, :class:`~safeguarding_rules.WorkingDayCount`,
    :class:`~safeguarding_rules.NonWorkingDay`, the compliance report and the worklist's
    due actions; any other attrs object field by field; lists, tuples and dicts of these.

    >>> import datetime as dt, json
    >>> from safeguarding_rules import CaseEvents, StrategyDiscussion, get_rule_set, to_data
    >>> events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=dt.date(2014, 12, 15))])
    >>> (icpc,) = get_rule_set("england").deadlines(events)
    >>> data = to_data(icpc)
    >>> data["due"], data["rule"], data["unit"], data["confidence"]
    ('2015-01-08', 'icpc', 'working_days', 'C2')
    >>> _ = json.dumps(data)  # always serialisable
    """
    found: PlainData = _walk(_converter.unstructure(obj), list)
    return found


def json_chunks(obj: object) -> Iterator[bytes]:
    """Yield ``obj`` as compact UTF-8 JSON (the same data as :func:`to_data`), in pieces.

    Long lists of rows (a national report's late conferences) are encoded a chunk at a
    time, so that neither they nor the whole document are ever held as Python objects or
    as one string. Encoded with `orjson <https://github.com/ijl/orjson>`_, several times
    faster than the standard library's encoder on these documents. Text is written as UTF-8
    characters, not escapes.
    """
    tables: list[Any] = []
    secret = secrets.token_hex(16)

    def placeholder(rows: Any) -> str:
        tables.append(rows)
        return f"@@rows-{secret}-{len(tables) - 1}@@"

    head = orjson.dumps(_walk(_converter.unstructure(obj), placeholder))
    position = 0
    for match in re.finditer(rb'"@@rows-' + secret.encode() + rb'-(\d+)@@"', head):
        yield head[position : match.start()]
        yield b"["
        separator = b""
        for piece in tables[int(match[1])].json_rows():
            yield separator + piece
            separator = b","
        yield b"]"
        position = match.end()
    yield head[position:]


def _walk(value: Any, rows: Callable[[Any], Any]) -> Any:
    """Replace each row table (see :mod:`.table`) inside dicts and lists by ``rows(table)``.

    Containers without one are returned as they are, not copied.
    """
    if isinstance(value, dict):
        walked = {key: _walk(item, rows) for key, item in value.items()}
        same = all(walked[key] is item for key, item in value.items())
        return value if same else walked
    if isinstance(value, list):
        items = [_walk(item, rows) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if hasattr(type(value), "json_rows"):
        return rows(value)
    return value


def _non_working_day(day: NonWorkingDay) -> dict[str, Any]:
    return {"date": day.day.isoformat(), "reason": day.reason, "kind": day.kind}


def _evidence(item: Evidence) -> dict[str, Any]:
    return {
        "quote": item.quote,
        "title": item.title,
        "url": item.url,
        "checked": item.checked.isoformat(),
    }


def _edition(edition: Edition) -> dict[str, Any]:
    return {
        "id": edition.id,
        "title": edition.title,
        "effective_from": edition.effective_from.isoformat(),
        "effective_to": edition.effective_to.isoformat() if edition.effective_to else None,
        "dates_confidence": edition.dates_confidence.value,
        "dates_source": edition.dates_source,
        "evidence": [_evidence(item) for item in edition.evidence],
    }


def _rule(rule: Rule) -> dict[str, Any]:
    edition = rule.edition
    return {
        "rule": rule.id,
        "title": rule.title,
        "n": rule.n,
        "unit": rule.unit.value,
        "direction": rule.direction.value,
        "start_event": rule.start_event.value,
        "wording": rule.wording,
        "conference_types": sorted(t.value for t in rule.conference_types),
        "edition": edition.id,
        "edition_title": edition.title,
        "effective_from": edition.effective_from.isoformat(),
        "effective_to": edition.effective_to.isoformat() if edition.effective_to else None,
        "edition_dates_confidence": edition.dates_confidence.value,
        "edition_evidence": [_evidence(item) for item in edition.evidence],
        "source": rule.source,
        "confidence": rule.confidence.value,
        "evidence": [_evidence(item) for item in rule.evidence],
        "unconfirmed_reason": rule.unconfirmed_reason or None,
        "counting": rule.counting.value if rule.counting else None,
        "notes": rule.notes,
    }


def _rule_set(rule_set: RuleSet) -> dict[str, Any]:
    return {
        "name": rule_set.name,
        "title": rule_set.title,
        "division": rule_set.division,
        "extends": rule_set.extends,
        "covers_from": rule_set.first_covered.isoformat(),
        "editions": [_edition(edition) for edition in rule_set.editions],
        "not_encoded": [_converter.unstructure(gap) for gap in rule_set.not_encoded],
    }


def _deadline(deadline: Deadline) -> dict[str, Any]:
    return {
        **_rule(deadline.rule),
        "due": deadline.due.isoformat(),
        "rule_set": deadline.rule_set,
        "start": deadline.start.isoformat(),
        "anchor": deadline.anchor.isoformat(),
        "counting": deadline.counting.value,
        "division": deadline.division,
        "overlay": deadline.overlay,
        "skipped": [_non_working_day(day) for day in deadline.skipped],
        "due_is_working_day": deadline.due_is_working_day,
        "provisional": deadline.provisional,
        "unconfirmed": deadline.unconfirmed,
        "edition_uncertain": deadline.edition_uncertain,
        "calendar_version": deadline.calendar_version,
        "fingerprint": deadline.fingerprint,
        "summary": deadline.summary,
        "explanation": deadline.explain(),
    }


def _not_computable(item: NotComputable) -> dict[str, Any]:
    return {
        **_rule(item.rule),
        "rule_set": item.rule_set,
        "start": item.start.isoformat(),
        "anchor": item.anchor.isoformat(),
        "day": item.day.isoformat(),
        "reason": item.reason,
        "summary": item.summary,
        "explanation": item.explain(),
    }


def _deadline_set(found: DeadlineSet) -> dict[str, Any]:
    return {
        "deadlines": [_deadline(deadline) for deadline in found],
        "not_computable": [_not_computable(item) for item in found.not_computable],
        "complete": found.complete,
    }


def _decision(decision: AgencyDecision) -> dict[str, Any]:
    return {
        "agency": decision.attendance.agency,
        "agency_id": decision.agency,
        "recognised": decision.recognised,
        "grouping": decision.grouping,
        "mode": decision.attendance.mode.value,
        "reason": decision.reason,
    }


def _quorum_result(result: QuorumResult) -> dict[str, Any]:
    return {
        "conference_id": result.conference_id,
        "quorate": result.quorate,
        "counted": [_decision(d) for d in result.counted],
        "not_counted": [_decision(d) for d in result.not_counted],
        "groupings": list(result.groupings),
        "shortfalls": list(result.shortfalls),
        "chair_may_proceed": result.chair_may_proceed,
        "proceeded_inquorate": result.proceeded_inquorate,
        "chair_reason": result.chair_reason,
        "reconvene_due": result.reconvene_due.isoformat() if result.reconvene_due else None,
        "rule": result.rule.title,
        "rule_set": result.rule_set,
        "source": result.rule.source,
        "confidence": result.rule.confidence.value,
        "evidence": [_evidence(item) for item in result.rule.evidence],
        "unconfirmed_reason": result.rule.unconfirmed_reason or None,
        "unrecognised_agencies": list(result.unrecognised),
        "depends_on_unrecognised": result.depends_on_unrecognised,
    }


def _count(counted: WorkingDayCount) -> dict[str, Any]:
    return {
        "start": counted.start.isoformat(),
        "n": counted.n,
        "result": counted.result.isoformat(),
        "division": counted.division,
        "overlay": counted.overlay,
        "provisional": counted.provisional,
        "skipped": [_non_working_day(day) for day in counted.skipped],
        "explanation": counted.explain(),
    }


def _due_action(action: DueAction) -> dict[str, Any]:
    return {
        **_deadline(action.deadline),
        "conference_id": action.conference_id,
        "children": list(action.children),
        "overdue": action.overdue,
        "conference_known": action.conference_known,
    }


def _undated(action: NotComputableAction | NotAssessedAction) -> dict[str, Any]:
    """Name the conference and children of an action the worklist cannot date."""
    where = {"conference_id": action.conference_id, "children": list(action.children)}
    return {**where, "conference_known": action.conference_known, "summary": action.summary}


def _not_computable_action(action: NotComputableAction) -> dict[str, Any]:
    return {**_not_computable(action.not_computable), **_undated(action)}


def _not_assessed_action(action: NotAssessedAction) -> dict[str, Any]:
    return {
        "rule": action.rule_id,
        "start": action.start.isoformat(),
        "rule_in_rule_set": action.rule_in_rule_set,
        "reason": action.reason,
        **_undated(action),
    }


def _worklist(found: Worklist[Any]) -> dict[str, Any]:
    unstructure = _converter.unstructure
    return {
        "actions": [unstructure(action) for action in found],
        "not_computable": [unstructure(item) for item in found.not_computable],
        "not_assessed": [unstructure(item) for item in found.not_assessed],
    }


def _report(report: ComplianceReport) -> dict[str, Any]:
    unstructure = _converter.unstructure
    return {
        "rule_set": report.rule_set,
        "rule_set_title": report.rule_set_title,
        "source": report.source,
        "input_format": report.input_format,
        "counting": report.counting.value,
        "calendar": unstructure(report.calendar),
        "period": report.period.value,
        "year_start_month": report.year_start_month,
        "reporting_policy": unstructure(report.reporting_policy),
        "records": unstructure(report.records),
        "rules_used": unstructure(report.rules_used),
        "unconfirmed_rules": list(report.unconfirmed_rules),
        "unconfirmed_items": unstructure(report.unconfirmed_items),
        **{key: unstructure(result) for key, result in report.indicators.items()},
    }


def _omits_none(cls: type) -> bool:
    """Whether an attrs class has fields left out of its data when ``None``."""
    return attrs.has(cls) and any(f.metadata.get("omit_if_none") for f in attrs.fields(cls))


def _omitting_none(cls: type) -> Callable[[Any], dict[str, Any]]:
    """Unstructure ``cls`` field by field, leaving out ``omit_if_none`` fields that are None."""
    whole: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, _converter)
    optional = [f.name for f in attrs.fields(cls) if f.metadata.get("omit_if_none")]

    def unstructure(obj: Any) -> dict[str, Any]:
        data: dict[str, Any] = whole(obj)
        for name in optional:
            if data.get(name) is None:
                data.pop(name, None)
        return data

    return unstructure


_converter.register_unstructure_hook(NonWorkingDay, _non_working_day)
_converter.register_unstructure_hook(Evidence, _evidence)
_converter.register_unstructure_hook(Edition, _edition)
_converter.register_unstructure_hook(Rule, _rule)
_converter.register_unstructure_hook(RuleSet, _rule_set)
_converter.register_unstructure_hook(Deadline, _deadline)
_converter.register_unstructure_hook(NotComputable, _not_computable)
_converter.register_unstructure_hook(DeadlineSet, _deadline_set)
_converter.register_unstructure_hook(AgencyDecision, _decision)
_converter.register_unstructure_hook(QuorumResult, _quorum_result)
_converter.register_unstructure_hook(WorkingDayCount, _count)


def _named(qualified_name: str) -> Callable[[Any], bool]:
    """Match a class by module and name, without importing it.

    The report and worklist modules need pyarrow; the command line's quick commands import
    this module without them.
    """
    return lambda cls: f"{cls.__module__}.{cls.__qualname__}" == qualified_name


_converter.register_unstructure_hook_func(
    _named("safeguarding_rules.reports.worklist.DueAction"), _due_action
)
_converter.register_unstructure_hook_func(
    _named("safeguarding_rules.reports.report.ComplianceReport"), _report
)
_converter.register_unstructure_hook_factory(_omits_none, _omitting_none)
# Long lists stay row tables, for json_chunks to stream (to_data makes them lists).
_converter.register_unstructure_hook_func(
    _named("safeguarding_rules.reports.table.RowTable"), lambda table: table
)
# Sections that are lists in the JSON (``LIST_OF``): their one field's items.
_converter.register_unstructure_hook_func(
    lambda cls: attrs.has(cls) and hasattr(cls, "LIST_OF"),
    lambda found: [
        _converter.unstructure(item) for item in getattr(found, attrs.fields(type(found))[0].name)
    ],
)


def _unit_report(report: UnitReport) -> dict[str, Any]:
    return {
        "rule_set": report.rule_set,
        "as_of": report.as_of.isoformat(),
        "children": None if report.children is None else _converter.unstructure(report.children),
        "adults": None if report.adults is None else report.adults.summary,
        "missing": None if report.missing is None else report.missing.summary,
    }


def _case_due_action(action: CaseDueAction) -> dict[str, Any]:
    return {
        **_deadline(action.deadline),
        "kind": action.kind,
        "case_id": action.case_id,
        "person": action.person,
        "overdue": action.overdue,
    }


def _section(section: UnitSection) -> dict[str, Any]:
    return section.summary


# The worklist: its actions, and those it cannot date, each naming its conference and children.
for _name, _hook in (
    ("worklist.Worklist", _worklist),
    ("worklist.NotComputableAction", _not_computable_action),
    ("worklist.NotAssessedAction", _not_assessed_action),
    ("unit_worklist.CaseDueAction", _case_due_action),
    ("unit.UnitSection", _section),
    ("unit.UnitReport", _unit_report),
):
    _converter.register_unstructure_hook_func(_named(f"safeguarding_rules.reports.{_name}"), _hook)
