"""How a rule set's authority reports performance: counting unit, periods and targets.

Reports always show both counts, by child and by conference (Conwy 2014-15: 78.3% by child,
86.7% by conference); the policy says which one is the authority's headline indicator.
"""

from __future__ import annotations

import enum

import attrs

from .model import Confidence

__all__ = ["CountingUnit", "Period", "ReportingPolicy"]


class CountingUnit(enum.Enum):
    """What a timeliness indicator counts."""

    CHILD = "child"
    CONFERENCE = "conference"


class Period(enum.Enum):
    """The reporting period."""

    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"


def _lower_set(value: frozenset[str] | set[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(item.strip().lower() for item in value)


@attrs.frozen(kw_only=True)
class ReportingPolicy:
    """An authority's reporting conventions, each with its source."""

    #: The headline counting unit (both are always reported).
    headline_unit: CountingUnit = CountingUnit.CHILD
    #: The period figures are reported by.
    period: Period = Period.QUARTER
    #: First month of the reporting year (4: the financial year, April to March).
    year_start_month: int = attrs.field(
        default=4, validator=[attrs.validators.ge(1), attrs.validators.le(12)]
    )
    #: Target proportion on time (0 to 1), if any.
    target: float | None = attrs.field(
        default=None,
        validator=attrs.validators.optional([attrs.validators.ge(0), attrs.validators.le(1)]),
    )
    #: Reasons for delay the authority does not accept (compared case-insensitively).
    rejected_delay_reasons: frozenset[str] = attrs.field(default=frozenset(), converter=_lower_set)
    #: Whether agency participation is measured only over conferences where the agency had an
    #: active interest in the case.
    participation_over_active_interest: bool = False
    #: Where these conventions come from.
    source: str = "national default: per child, by quarter of the financial year"
    #: How well confirmed.
    confidence: Confidence = Confidence.C2
