"""JSON Schemas of the JSON the library and the command line write: one place for every shape.

Each schema describes what :func:`~safeguarding_rules.to_data` returns for one kind of
result, and so what ``--format json`` prints: ``deadlines`` (a
:class:`~safeguarding_rules.DeadlineSet`), ``rules`` (a list of rules), ``quorum`` (a list of
quorum results), ``worklist`` (the ``due`` command's actions) and ``report`` (the compliance
report's summary); and one object of each kind on its own: ``deadline`` (a
:class:`~safeguarding_rules.Deadline`), ``quorum_result`` (a
:class:`~safeguarding_rules.QuorumResult`), ``rule_set`` (a
:class:`~safeguarding_rules.RuleSet`, without its rules) and ``due_action`` (one action of
the worklist). They are JSON Schema draft 2020-12 documents, shipped in the package as
``safeguarding_rules/schemas/<name>.json`` (written from here by
``scripts/generate_schemas.py``) and returned by :func:`json_schema`.

The schemas name the keys every document has and their types; objects may gain keys in a
later version (a new key is an addition, listed in the changelog), so they do not forbid
extra ones. Integrators can validate responses with them and generate client types.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .._lazy import lazy_exports

__all__ = ["SCHEMA_NAMES", "build_schema", "json_schema"]

#: The documents there is a schema for.
SCHEMA_NAMES = (
    "deadline",
    "deadlines",
    "due_action",
    "quorum",
    "quorum_result",
    "report",
    "rule_set",
    "rules",
    "worklist",
)
#: Each schema's version (``x-schema-version``), raised with every change to its document's
#: keys, which CHANGELOG.md lists under the version. A schema not listed is at version 1.
SCHEMA_VERSIONS = {"report": 2, "worklist": 2}

#: The report's schema is made from its classes (which need pyarrow): on first use only.
_built = lazy_exports(__package__ or __name__, {}, {".report_schema": ("report_schema",)})

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ID = "https://safeguarding-rules.invalid/schemas/{name}.json"

Schema = dict[str, Any]

_DATE: Schema = {"type": "string", "format": "date"}
_NULLABLE_DATE: Schema = {"type": ["string", "null"], "format": "date"}
_STRING: Schema = {"type": "string"}
_NULLABLE_STRING: Schema = {"type": ["string", "null"]}
_BOOL: Schema = {"type": "boolean"}
_INT: Schema = {"type": "integer"}
_CONFIDENCE: Schema = {"enum": ["C1", "C2", "UNCONFIRMED"]}


def _object(properties: Schema, *, optional: tuple[str, ...] = ()) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key in properties if key not in optional],
    }


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


_EVIDENCE = _array(
    _object(
        {"quote": _STRING, "title": _STRING, "url": _NULLABLE_STRING, "checked": _NULLABLE_DATE},
        optional=("url", "checked"),
    )
)

_NON_WORKING_DAY = _object(
    {
        "date": _DATE,
        "reason": _STRING,
        "kind": {"enum": ["weekend", "bank_holiday", "local_closure"]},
    }
)

_RULE_PROPERTIES: Schema = {
    "rule": {**_STRING, "description": "The rule id, e.g. icpc."},
    "title": _STRING,
    "n": {"type": "integer", "minimum": 0},
    "unit": {"enum": ["working_days", "calendar_days", "weeks", "months", "hours"]},
    "direction": {"enum": ["after", "before"]},
    "start_event": _STRING,
    "wording": _STRING,
    "conference_types": _array(_STRING),
    "edition": _STRING,
    "edition_title": _STRING,
    "effective_from": _DATE,
    "effective_to": _NULLABLE_DATE,
    "edition_dates_confidence": _CONFIDENCE,
    "edition_evidence": _EVIDENCE,
    "source": _STRING,
    "confidence": _CONFIDENCE,
    "evidence": _EVIDENCE,
    "unconfirmed_reason": _NULLABLE_STRING,
    "counting": {"enum": ["day0", "day1", None]},
    "notes": _STRING,
}

_DEADLINE_PROPERTIES: Schema = {
    **_RULE_PROPERTIES,
    "due": _DATE,
    "rule_set": _STRING,
    "start": _DATE,
    "anchor": _DATE,
    "counting": {"enum": ["day0", "day1"]},
    "division": _STRING,
    "overlay": _NULLABLE_STRING,
    "skipped": _array(_NON_WORKING_DAY),
    "due_is_working_day": _BOOL,
    "provisional": _BOOL,
    "unconfirmed": _BOOL,
    "edition_uncertain": _BOOL,
    "calendar_version": {"type": "string", "pattern": "^sha256:[0-9a-f]{16}$"},
    "fingerprint": {"type": "string", "pattern": "^sgr1-[0-9a-f]{24}$"},
    "summary": _STRING,
    "explanation": _STRING,
}

_NOT_COMPUTABLE = _object(
    {
        **_RULE_PROPERTIES,
        "rule_set": _STRING,
        "start": _DATE,
        "anchor": _DATE,
        "day": {**_DATE, "description": "The date outside the calendar's coverage."},
        "reason": _STRING,
        "summary": _STRING,
        "explanation": _STRING,
    }
)

_DECISION = _object(
    {
        "agency": _STRING,
        "agency_id": _STRING,
        "recognised": _BOOL,
        "grouping": _STRING,
        "mode": _STRING,
        "reason": _STRING,
    }
)


_DEADLINE = _object(_DEADLINE_PROPERTIES)

_DUE_ACTION = _object(
    {
        **_DEADLINE_PROPERTIES,
        "conference_id": {
            **_STRING,
            "description": "The conference; where conference_known is false (a "
            "census, an Annex A), where the child's record is in the file.",
        },
        "children": {**_array(_STRING), "description": "Child ids as written."},
        "overdue": _BOOL,
        "conference_known": _BOOL,
    }
)

_CHILDREN: Schema = {**_array(_STRING), "description": "Child ids as written."}

_NOT_COMPUTABLE_ACTION = _object(
    {
        **_NOT_COMPUTABLE["properties"],
        "conference_id": _STRING,
        "children": _CHILDREN,
        "conference_known": _BOOL,
    }
)

_NOT_ASSESSED_ACTION = _object(
    {
        "rule": {**_STRING, "description": "The rule id the worklist looked for."},
        "start": {**_DATE, "description": "The date the rule would count from."},
        "conference_id": _STRING,
        "children": _CHILDREN,
        "conference_known": _BOOL,
        "rule_in_rule_set": {
            **_BOOL,
            "description": "False: the rule set has no such rule; true: no edition of it "
            "covers start.",
        },
        "reason": _STRING,
        "summary": _STRING,
    }
)

_QUORUM_RESULT = _object(
    {
        "conference_id": _NULLABLE_STRING,
        "quorate": _BOOL,
        "counted": _array(_DECISION),
        "not_counted": _array(_DECISION),
        "groupings": _array(_STRING),
        "shortfalls": _array(_STRING),
        "chair_may_proceed": _BOOL,
        "proceeded_inquorate": _BOOL,
        "chair_reason": _NULLABLE_STRING,
        "reconvene_due": _NULLABLE_DATE,
        "rule": _STRING,
        "rule_set": _STRING,
        "source": _STRING,
        "confidence": _CONFIDENCE,
        "evidence": _EVIDENCE,
        "unconfirmed_reason": _NULLABLE_STRING,
        "unrecognised_agencies": _array(_STRING),
        "depends_on_unrecognised": _BOOL,
    }
)

_EDITION = _object(
    {
        "id": _STRING,
        "title": _STRING,
        "effective_from": _DATE,
        "effective_to": _NULLABLE_DATE,
        "dates_confidence": _CONFIDENCE,
        "dates_source": _STRING,
        "evidence": _EVIDENCE,
    }
)

_NOT_ENCODED = _object(
    {
        "rule_id": _STRING,
        "title": _STRING,
        "statement": _STRING,
        "source": _STRING,
        "confidence": _CONFIDENCE,
        "before": {
            **_NULLABLE_DATE,
            "description": "The finding covers events before this date only (null: always).",
        },
        "evidence": _EVIDENCE,
    }
)


def _deadline() -> Schema:
    return {
        **_DEADLINE,
        "title": "One deadline",
        "description": "to_data(deadline): one Deadline, as in the deadlines document.",
    }


def _due_action() -> Schema:
    return {
        **_DUE_ACTION,
        "title": "One action due",
        "description": "to_data(action): one DueAction of the worklist.",
    }


def _quorum_result() -> Schema:
    return {
        **_QUORUM_RESULT,
        "title": "One quorum decision",
        "description": "to_data(result): one QuorumResult, as in the quorum document.",
    }


def _rule_set() -> Schema:
    return {
        **_object(
            {
                "name": _STRING,
                "title": _STRING,
                "division": _STRING,
                "extends": _NULLABLE_STRING,
                "covers_from": _DATE,
                "editions": _array(_EDITION),
                "not_encoded": _array(_NOT_ENCODED),
            }
        ),
        "title": "A rule set",
        "description": "to_data(rule_set): a RuleSet's name, editions and gaps, without its "
        "rules (those are the rules document).",
    }


def _deadlines() -> Schema:
    return {
        **_object(
            {
                "deadlines": _array(_DEADLINE),
                "not_computable": _array(_NOT_COMPUTABLE),
                "complete": _BOOL,
            }
        ),
        "title": "Deadlines of a case",
        "description": "safeguarding-rules deadlines --format json: to_data(RuleSet.deadlines()).",
    }


def _rules() -> Schema:
    return {
        **_array(_object(_RULE_PROPERTIES)),
        "title": "Rule versions",
        "description": "safeguarding-rules rules --format json: every version of every rule.",
    }


def _worklist() -> Schema:
    return {
        **_object(
            {
                "actions": {**_array(_DUE_ACTION), "description": "Soonest first."},
                "not_computable": {
                    **_array(_NOT_COMPUTABLE_ACTION),
                    "description": "Actions whose due date is outside the calendar's coverage.",
                },
                "not_assessed": {
                    **_array(_NOT_ASSESSED_ACTION),
                    "description": "Actions the rule set has no rule for, or no edition of "
                    "whose rule covers their start.",
                },
            }
        ),
        "title": "Actions due",
        "description": "safeguarding-rules due --format json: to_data(due_actions(...)), the "
        "worklist, and the actions it cannot date.",
    }


def _quorum() -> Schema:
    return {
        **_array(_QUORUM_RESULT),
        "title": "Quorum decisions",
        "description": "safeguarding-rules quoracy --format json: one decision per conference.",
    }


def _report() -> Schema:
    built: Schema = _built("report_schema")()
    return built


_BUILDERS = {
    "deadline": _deadline,
    "deadlines": _deadlines,
    "due_action": _due_action,
    "quorum": _quorum,
    "quorum_result": _quorum_result,
    "report": _report,
    "rule_set": _rule_set,
    "rules": _rules,
    "worklist": _worklist,
}


def build_schema(name: str) -> Schema:
    """Return the schema called ``name``, built from the definitions in this module.

    :raises KeyError: naming the known schemas.
    """
    if name not in _BUILDERS:
        raise KeyError(f"no JSON Schema {name!r}; known: {', '.join(SCHEMA_NAMES)}")
    return {
        "$schema": _DIALECT,
        "$id": _ID.format(name=name),
        "x-schema-version": SCHEMA_VERSIONS.get(name, 1),
        **_BUILDERS[name](),
    }


def json_schema(name: str) -> Schema:
    """Return the shipped JSON Schema called ``name`` (see :data:`SCHEMA_NAMES`).

    Read from ``safeguarding_rules/schemas/<name>.json`` in the installed package.

    :raises KeyError: naming the known schemas.
    """
    if name not in SCHEMA_NAMES:
        raise KeyError(f"no JSON Schema {name!r}; known: {', '.join(SCHEMA_NAMES)}")
    text = (
        resources.files("safeguarding_rules").joinpath("schemas", f"{name}.json").read_text("utf-8")
    )
    loaded: Schema = json.loads(text)
    return loaded
