"""What a rule set deliberately does not encode, and why: :class:`NotEncoded`.

Some duties have no national timescale (England's Care Act 2014 s42 enquiries), or none
could be found (Scotland's adult protection inquiries, Northern Ireland's adult
safeguarding procedures, Scotland's return discussions). A rule set records such a finding
as a :class:`NotEncoded` entry under the rule id a timescale would have, instead of a
:class:`~safeguarding_rules.Rule` with an invented number. Reports then show the work with
its elapsed days but without late or on-time bands, and say why; a local rule set that
adds a rule with that id (its local procedure's timescale) replaces the finding.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .._validators import optional_plain_date
from .evidence import Evidence, evidence_field
from .model import Confidence

__all__ = ["NotEncoded"]


@attrs.frozen(kw_only=True)
class NotEncoded:
    """A finding that a rule set has no timescale for ``rule_id``, with its source."""

    #: The rule id a timescale would have, e.g. ``"adult_enquiry"``.
    rule_id: str = attrs.field(validator=attrs.validators.min_len(1))
    #: What would be timed, e.g. ``"Section 42 enquiry (Care Act 2014)"``.
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The sentence a report prints, e.g. ``"England sets no national timescale ..."``.
    statement: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Citation for the finding.
    source: str = attrs.field(validator=attrs.validators.min_len(1))
    #: How well the *absence* is confirmed (UNCONFIRMED when no source was read end to end).
    confidence: Confidence = attrs.field(validator=attrs.validators.instance_of(Confidence))
    #: The finding covers events before this date only (``None``: every date on which the
    #: rule set has no version of ``rule_id`` in force).
    before: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Quoted passages supporting the finding (see :class:`~safeguarding_rules.Evidence`).
    evidence: tuple[Evidence, ...] = evidence_field()

    def applies_on(self, day: dt.date) -> bool:
        """Whether the finding covers an event on ``day``."""
        return self.before is None or day < self.before
