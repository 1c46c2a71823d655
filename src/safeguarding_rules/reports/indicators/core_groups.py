"""The first core group meeting held within the rule set's timescale of the initial conference."""

from __future__ import annotations

import attrs
import numpy as np

from ...rules.bulk import due_dates
from ..i18n import N_
from ..writer import Writer
from ._base import Computed, Indicator, NotAssessed, Ratio, ReportInputs
from ._recorded import CORE_GROUP, is_recorded, not_recorded

__all__ = ["INDICATOR", "CoreGroupTimeliness"]


@attrs.frozen(kw_only=True)
class CoreGroupTimeliness:
    """First core groups held within the timescale, by child."""

    assessed: bool = True
    by_child: Ratio


def compute(inputs: ReportInputs) -> Computed[CoreGroupTimeliness]:
    """Judge every first core group recorded for an initial conference."""
    records, rule_set = inputs.records, inputs.rule_set
    if not is_recorded(records, CORE_GROUP):
        return Computed(result=NotAssessed(why=not_recorded(records.input_format, CORE_GROUP)))
    held = ~np.isnat(records.core_group_date) & records.of_type("initial")
    if "first_core_group" not in rule_set.rule_ids or not held.any():
        return Computed(
            result=NotAssessed(why=N_("no core_group_date given for initial conferences"))
        )
    row_due, used = due_dates(
        rule_set,
        "first_core_group",
        records.conference_date[held],
        inputs.calendar,
        counting=inputs.counting,
    )
    in_force = used >= 0
    on_time = in_force & (records.core_group_date[held] <= row_due)
    return Computed(
        result=CoreGroupTimeliness(by_child=Ratio.of(int(on_time.sum()), int(in_force.sum())))
    )


def text(result: CoreGroupTimeliness | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    lines = ["", _("First core group within timescale")]
    if isinstance(result, NotAssessed):
        return [*lines, "  " + _(result.why)]
    return [*lines, "  " + _("by child: {value}").format(value=w.pct(result.by_child))]


def html(result: CoreGroupTimeliness | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _ = w._
    body = [w.heading(_("First core group within timescale"))]
    if isinstance(result, NotAssessed):
        return [*body, w.paragraph(_("Not assessed: {why}").format(why=_(result.why)))]
    return [*body, w.paragraph(_("{value} by child.").format(value=w.pct(result.by_child)))]


#: The first core group timeliness indicator.
INDICATOR = Indicator[CoreGroupTimeliness](
    key="core_group_timeliness",
    compute=compute,
    text=text,
    html=html,
    results=(CoreGroupTimeliness,),
)
