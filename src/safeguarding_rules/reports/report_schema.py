"""The compliance report's JSON Schema, made from its classes.

The report's JSON is :func:`~.serialise.to_data` of a :class:`~.report.ComplianceReport`:
the header fields, then each indicator's result (one attrs class per indicator, see
``reports/indicators/``). This module walks the same classes, field by field and type by
type, so the schema cannot drift from the data: a new indicator, or a new field of one,
is in the schema as soon as it is in the class. :mod:`.schemas` ships the result.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from typing import Any, Union

import attrs

from .indicators import INDICATORS, NotAssessed
from .report import ComplianceReport, UnconfirmedRuleApplied
from .table import RowTable

__all__ = ["report_schema", "schema_of"]

Schema = dict[str, Any]
_SCALARS: dict[object, Schema] = {
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}
#: The row types of row tables (:class:`~.table.RowTable`), by Arrow-free name.
_ROW_TYPES: dict[str, Schema] = {
    "str": {"type": "string"},
    "str?": {"type": ["string", "null"]},
    "int": {"type": "integer"},
    "bool": {"type": "boolean"},
    "bool?": {"type": ["boolean", "null"]},
    "[str]": {"type": "array", "items": {"type": "string"}},
}


def schema_of(kind: Any, *, field: attrs.Attribute[Any] | None = None) -> Schema:
    """Return the JSON Schema of ``to_data()`` of a value of type ``kind``.

    :param field: the attrs field the type annotates, whose metadata may say more (the
        columns of a row table).
    """
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    if kind is Any:
        return {}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if kind is RowTable:
        columns = field.metadata.get("columns", {}) if field is not None else {}
        row = {name: dict(_ROW_TYPES[type_name]) for name, type_name in columns.items()}
        return {"type": "array", "items": _object(row, ())}
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [schema_of(option, field=field) for option in typing.get_args(kind)]
        if all(set(option) == {"type"} for option in options):
            return {"type": [option["type"] for option in options]}
        return {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": schema_of(typing.get_args(kind)[0])}
    if origin in (dict, Mapping) or kind is dict:
        args = typing.get_args(kind)
        values = schema_of(args[1]) if args else {}
        return {"type": "object", "additionalProperties": values} if values else {"type": "object"}
    if attrs.has(kind):
        listed = getattr(kind, "LIST_OF", None)
        if listed is not None:  # a section that is a list in the JSON
            return {"type": "array", "items": schema_of(listed)}
        hints = typing.get_type_hints(kind)
        fields = attrs.fields(kind)
        properties = {f.name: schema_of(hints[f.name], field=f) for f in fields}
        optional = tuple(f.name for f in fields if f.metadata.get("omit_if_none"))
        return _object(properties, optional)
    raise TypeError(f"no JSON Schema for {kind!r}")


def _object(properties: Schema, optional: tuple[str, ...]) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
    }


def report_schema() -> Schema:
    """Return the compliance report's schema (without ``$schema`` and ``$id``)."""
    hints = typing.get_type_hints(ComplianceReport)
    header = {
        f.name: schema_of(hints[f.name], field=f)
        for f in attrs.fields(ComplianceReport)
        if f.name not in ("indicators", "_columns", "_shown")
    }
    header["year_start_month"] = {"type": "integer", "minimum": 1, "maximum": 12}
    header["calendar"] = _object(
        {
            "division": {"type": "string"},
            "overlay": {"type": ["string", "null"]},
            "overlay_source": {"type": ["string", "null"]},
            "overlay_available": {"type": ["string", "null"]},
            "closures": {
                "type": "array",
                "items": _object({"date": {"type": "string"}, "reason": {"type": "string"}}, ()),
            },
        },
        (),
    )
    properties = {
        **header,
        "unconfirmed_rules": {"type": "array", "items": {"type": "string"}},
        "unconfirmed_items": {"type": "array", "items": schema_of(UnconfirmedRuleApplied)},
    }
    optional = []
    for indicator in INDICATORS:
        options = [schema_of(result) for result in (*indicator.results, NotAssessed)]
        properties[indicator.key] = {"anyOf": options}
        if indicator.optional:
            optional.append(indicator.key)
    return {
        **_object(properties, tuple(optional)),
        "title": "Compliance report",
        "description": "safeguarding-rules report --format json: to_data(build_report(...)). "
        "The header, then each indicator's section (reports/indicators/); a section is "
        "{assessed: false, why} where the records or the rule set do not allow it.",
    }
