"""Reusable checks for model fields (attrs validators and their plain counterparts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

__all__ = ["check_date", "is_plain_date", "optional_plain_date", "plain_date"]


def is_plain_date(value: object) -> bool:
    """Whether ``value`` is a :class:`datetime.date` and not a :class:`datetime.datetime`."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value: object, what: str) -> None:
    """Raise :class:`TypeError` naming ``what`` unless ``value`` is a plain date."""
    if not is_plain_date(value):
        raise TypeError(f"{what} must be a datetime.date (not a datetime), got {value!r}")


def plain_date(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Attrs validator: a plain date (a datetime is refused, whatever its time)."""
    check_date(value, attribute.name)


def optional_plain_date(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Attrs validator: ``None`` or a plain date."""
    if value is not None:
        check_date(value, attribute.name)
