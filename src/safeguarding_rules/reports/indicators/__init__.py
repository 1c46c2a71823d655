"""The report's indicators, one module each.

Each module holds one indicator whole: its result class (attrs, frozen; its fields are the
keys of its section in the JSON, through :func:`~safeguarding_rules.to_data`), a
``compute`` function over the columns it owns, and its text and HTML templates (one each,
in the writer's language, shared by the English and Welsh reports and the whole-unit
report). It exports one :class:`Indicator`; :data:`INDICATORS` lists them in the order the
report shows them, and :func:`~safeguarding_rules.reports.report.build_report` loops over
that tuple (or over any tuple a caller passes). ``docs/architecture.md`` walks through
adding one.

* :mod:`.initial`: initial conferences within timescale, by child and by conference.
* :mod:`.reviews`: review conferences within timescale.
* :mod:`.core_groups`: the first core group within timescale.
* :mod:`.report_deadlines`: reports and actions before and after conferences.
* :mod:`.quoracy`: quorate conferences, and agencies' participation.
* :mod:`.dfe_c4`: the council's row of DfE table C4 (a census).
* :mod:`.transfer_in`: transfer-in conferences, counted apart from initial conferences.
* :mod:`.recorded_targets`: the recorded target dates audited against the rules (a census,
  the Standard Safeguarding Dataset).
* :mod:`.recorded_reviews`: the recorded review due dates audited, and the reviews recorded
  as not quorate (the Standard Safeguarding Dataset).
"""

from __future__ import annotations

from typing import Any

from . import (
    core_groups,
    dfe_c4,
    initial,
    quoracy,
    recorded_reviews,
    recorded_targets,
    report_deadlines,
    reviews,
    transfer_in,
)
from ._base import (
    CONFERENCE_UNKNOWN,
    Computed,
    Indicator,
    NotAssessed,
    NotKnown,
    Ratio,
    ReportInputs,
    RowVerdicts,
    RuleUse,
    Status,
)

__all__ = [
    "CONFERENCE_UNKNOWN",
    "INDICATORS",
    "Computed",
    "Indicator",
    "NotAssessed",
    "NotKnown",
    "Ratio",
    "ReportInputs",
    "RowVerdicts",
    "RuleUse",
    "Status",
]

#: The built-in indicators, in the order the report shows them.
INDICATORS: tuple[Indicator[Any], ...] = (
    initial.INDICATOR,
    transfer_in.INDICATOR,
    reviews.INDICATOR,
    core_groups.INDICATOR,
    report_deadlines.INDICATOR,
    quoracy.QUORACY,
    quoracy.PARTICIPATION,
    dfe_c4.INDICATOR,
    recorded_targets.INDICATOR,
    recorded_reviews.REVIEW_DUE_DATES,
    recorded_reviews.QUORACY,
)
