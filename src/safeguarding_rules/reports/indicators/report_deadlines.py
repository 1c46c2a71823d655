"""Reports and actions due before or after a conference, done by their due dates.

One figure per rule whose start event is the conference (reports shared with parents
before it, a plan sent after it...), from the file's ``<rule id>_date`` columns. A format
that cannot hold such a column (a CIN census, Annex A, a CSV file without it) gets no figure
for the rule and no count of dates not recorded: it says "not recorded in this format", as
the first core group does (:mod:`._recorded`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs
import numpy as np

from ...rules import Confidence
from ...rules.bulk import due_dates
from ..i18n import RULE_TITLES
from ..writer import Writer
from ._base import Computed, Indicator, NotAssessed, Ratio, ReportInputs
from ._recorded import ACTION, is_recorded, not_recorded

__all__ = ["INDICATOR", "ReportDeadline", "ReportDeadlines"]


@attrs.frozen(kw_only=True)
class ReportDeadline:
    """One rule's figure: actions done by their due dates, by child."""

    rule: str
    title: str
    by_child: Ratio
    #: Rows where the rule applies but the file records no date for the action.
    not_recorded: int
    #: Whether any version of the rule is UNCONFIRMED.
    unconfirmed: bool
    #: Why nothing is judged, where the file's format cannot record the action's date (no
    #: ``<rule id>_date`` column): then ``by_child`` is 0 of 0 and ``not_recorded`` 0.
    why: str | None = attrs.field(default=None, metadata={"omit_if_none": True})


@attrs.frozen
class ReportDeadlines:
    """Every report-deadline rule's figure (a list in the JSON)."""

    #: The JSON is a list of these (its one field's items).
    LIST_OF: ClassVar[type] = ReportDeadline

    items: tuple[ReportDeadline, ...] = ()

    def __iter__(self) -> Iterator[ReportDeadline]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def compute(inputs: ReportInputs) -> Computed[ReportDeadlines]:
    """Judge every recorded action date against its rule."""
    records, rule_set = inputs.records, inputs.rule_set
    found = []
    for rule_id, done in records.action_dates.items():
        versions = rule_set.versions(rule_id)
        unconfirmed = any(v.confidence is Confidence.UNCONFIRMED for v in versions)
        if not is_recorded(records, f"{rule_id}_date"):
            found.append(
                ReportDeadline(
                    rule=rule_id,
                    title=versions[-1].title,
                    by_child=Ratio.of(0, 0),
                    not_recorded=0,
                    unconfirmed=unconfirmed,
                    why=not_recorded(records.input_format, ACTION),
                )
            )
            continue
        types = {t.value for v in versions for t in v.conference_types}
        applies = records.of_type(*types) & ~np.isnat(records.conference_date)
        recorded = applies & ~np.isnat(done)
        row_due, used = due_dates(
            rule_set,
            rule_id,
            records.conference_date[recorded],
            inputs.calendar,
            counting=inputs.counting,
        )
        in_force = used >= 0
        # Before-rules ("at least n days before") and after-rules ("within n days") are both
        # met when the action was done on or before the due date.
        on_time = in_force & (done[recorded] <= row_due)
        found.append(
            ReportDeadline(
                rule=rule_id,
                title=versions[-1].title,
                by_child=Ratio.of(int(on_time.sum()), int(in_force.sum())),
                not_recorded=int((applies & np.isnat(done)).sum()),
                unconfirmed=unconfirmed,
            )
        )
    return Computed(result=ReportDeadlines(tuple(found)))


def text(result: ReportDeadlines | NotAssessed, w: Writer) -> list[str]:
    """Each rule's line in the text report (under the core group's section)."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    return ["  " + _line(item, w) for item in result]


def _title(item: ReportDeadline, w: Writer) -> str:
    """Return the rule's title in the report's language, or in English saying so (rule data)."""
    if w.language == "en":
        return item.title
    if item.rule in RULE_TITLES:
        return w._(RULE_TITLES[item.rule])
    return w._("{title} (in English)").format(title=item.title)


def _line(item: ReportDeadline, w: Writer) -> str:
    """One rule's figure, or why the file's format gives none."""
    _ = w._
    flag = _(" [UNCONFIRMED rule]") if item.unconfirmed else ""
    title = _title(item, w)
    if item.why is not None:
        return _("{title}{flag}: {why}").format(title=title, flag=flag, why=_(item.why))
    return _("{title}{flag}: {value}; not recorded: {n}").format(
        title=title, flag=flag, value=w.pct(item.by_child), n=item.not_recorded
    )


def html(result: ReportDeadlines | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page (none when the file records no actions)."""
    _ = w._
    if isinstance(result, NotAssessed) or not result.items:
        return []
    return [
        w.heading(_("Reports and actions by their due dates")),
        w.table(
            [_("rule"), _("done by the due date"), _("not recorded"), _("confidence")],
            [
                [
                    _title(item, w),
                    w.pct(item.by_child) if item.why is None else "",
                    item.not_recorded if item.why is None else _(item.why),
                    "UNCONFIRMED" if item.unconfirmed else "",
                ]
                for item in result
            ],
        ),
    ]


#: The report deadlines indicator.
INDICATOR = Indicator[ReportDeadlines](
    key="report_deadlines", compute=compute, text=text, html=html, results=(ReportDeadlines,)
)
