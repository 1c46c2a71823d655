"""Evidence for a rule: a short verbatim quote, where it was read, and when it was checked.

Every rule version, edition date and quorum rule carries either at least one
:class:`Evidence` or an ``unconfirmed_reason`` saying what is missing to confirm it, so an
auditor (or a council with its own copy of the text) can check each value against its
source and close the gaps. Quotes are kept short (at most :data:`MAX_QUOTE_WORDS` words):
they identify the passage, they do not reproduce the source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from .._validators import plain_date

__all__ = ["MAX_QUOTE_WORDS", "Evidence", "as_evidence", "evidence_field"]

#: The longest quote allowed, in words (whitespace-separated).
MAX_QUOTE_WORDS = 30


def _short(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    words = len(value.split())
    if not value.strip():
        raise ValueError(f"evidence {attribute.name} must not be empty")
    if words > MAX_QUOTE_WORDS:
        raise ValueError(
            f"evidence {attribute.name} has {words} words; quote at most {MAX_QUOTE_WORDS} "
            f"words of the source: {value[:60]!r}..."
        )


@attrs.frozen(kw_only=True)
class Evidence:
    """One quoted passage supporting a rule's value, an edition's dates, or a quorum.

    >>> import datetime as dt
    >>> Evidence(
    ...     quote="The Wales Safeguarding Procedures were published on 11 November 2019",
    ...     title="CYSUR, 'Wales Safeguarding Procedures'",
    ...     url="https://cysur.wales/new-national-guidance/wales-safeguarding-procedures",
    ...     checked=dt.date(2026, 11, 30),
    ... ).describe()[:40]
    '"The Wales Safeguarding Procedures were '
    """

    #: The passage, verbatim, at most :data:`MAX_QUOTE_WORDS` words.
    quote: str = attrs.field(validator=[attrs.validators.instance_of(str), _short])
    #: Title of the page or document it comes from.
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Where it was read (the address of the page or document).
    url: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The day it was last checked against the source.
    checked: dt.date = attrs.field(validator=plain_date)

    def describe(self) -> str:
        """Say the quote, its source and when it was checked, on one line."""
        return f'"{self.quote}" ({self.title}, {self.url}; checked {self.checked.isoformat()})'


def as_evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Return any iterable of evidence as a tuple (a converter; validators check the items)."""
    return tuple(value)


def evidence_field() -> Any:
    """Return an attrs field for a tuple of :class:`Evidence`, empty by default."""
    return attrs.field(
        default=(),
        converter=as_evidence,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Evidence)),
    )
