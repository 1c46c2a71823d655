"""An audit of the target dates the council's own system recorded, against the rules.

Every recorded target date of an initial conference (a census's ``InitialCPCtarget``; the
Standard Safeguarding Dataset's ``icpc_icpc_target_date``) is compared with the due date
the rule set computes from the S47 start (the strategy discussion). Where they differ,
the likely cause is named when the recorded date is exactly what a recognisable wrong
formula gives: counting the start day as day 1, skipping weekends but not bank holidays,
or counting calendar days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

import attrs
import numpy as np
import numpy.typing as npt

from ...rules import Unit
from ...rules.bulk import due_dates
from ..i18n import N_
from ..writer import Writer
from ._base import Computed, Indicator, NotAssessed, ReportInputs

__all__ = [
    "INDICATOR",
    "NotChecked",
    "RecordedTarget",
    "RecordedTargets",
    "UnreadableValue",
    "unreadable_html",
    "unreadable_lines",
]

Dates = npt.NDArray[np.datetime64]


@attrs.frozen(kw_only=True)
class NotChecked:
    """No recorded date could be checked, and why."""

    checked: int = 0
    why: str


@attrs.frozen(kw_only=True)
class RecordedTarget:
    """A recorded date that differs from the rule set's, with its likely cause."""

    child_id: str
    location: str
    s47_start: str
    recorded: str
    computed: str
    #: Working days from the computed date to the recorded one (negative: earlier).
    working_days_later: int
    likely_causes: tuple[str, ...]


@attrs.frozen(kw_only=True)
class UnreadableValue:
    """A recorded date that is not a date: kept out of the check, its conference kept."""

    child_id: str
    location: str
    value: str


@attrs.frozen(kw_only=True)
class RecordedTargets:
    """Recorded target dates checked against the rule set's due dates."""

    rule: str = "icpc"
    #: The file's own name for the recorded date.
    recorded_as: str
    recorded: int
    checked: int
    not_checked: int
    differing: int
    by_likely_cause: Mapping[str, int]
    rows: tuple[RecordedTarget, ...]
    #: Recorded targets that are not dates in the calendar's coverage, each with its value.
    unreadable: tuple[UnreadableValue, ...] = ()


def _weekdays_only(start: Dates, n: int) -> Dates:
    """``start`` + ``n`` working days counting weekends only (bank holidays ignored)."""
    shifted: Dates = np.busday_offset(start, n, roll="backward").astype("datetime64[D]")
    return shifted


@attrs.frozen(kw_only=True, eq=False)
class _Recorded:
    """What the audit reads: each enquiry's child, place in the file, start and target."""

    child_id: npt.NDArray[np.object_]
    location: Callable[[int], str]
    start: Dates
    recorded: Dates
    #: The file's own name for the recorded date.
    name: str
    #: The recorded value where it is not a date (empty elsewhere).
    unreadable: npt.NDArray[np.object_] | None = None


def _recorded(inputs: ReportInputs) -> _Recorded | None:
    """Return the recorded targets of a census or of the SSD (``None``: it records none)."""
    if inputs.census is not None:
        census = inputs.census
        return _Recorded(
            child_id=census.child_id,
            location=lambda i: str(census.location[i]),
            start=census.s47_start,
            recorded=census.recorded_target,
            name="InitialCPCtarget",
            unreadable=census.recorded_target_unreadable,
        )
    if inputs.ssd is not None and inputs.ssd.targets.recorded_column:
        targets = inputs.ssd.targets
        return _Recorded(
            child_id=np.asarray(targets.child_id, dtype=object),
            location=targets.location,
            start=targets.s47_start,
            recorded=targets.recorded,
            name="icpc_icpc_target_date",
            unreadable=np.asarray(targets.unreadable, dtype=object),
        )
    return None


def compute(inputs: ReportInputs) -> Computed[RecordedTargets | NotChecked] | None:
    """Compare every recorded target date with the rule set's due date.

    Only for a file that records them (a census, the SSD); ``None`` otherwise.
    """
    rule_set, calendar = inputs.rule_set, inputs.calendar
    found = _recorded(inputs)
    if found is None:
        return None
    if "icpc" not in rule_set.rule_ids:
        return Computed(result=NotChecked(why=N_("the rule set has no 'icpc' rule")))
    recorded, start = found.recorded, found.start
    size = len(recorded)
    # Leave room to count past the start without leaving the calendar's coverage.
    room = np.datetime64(calendar.last, "D") - np.timedelta64(120, "D")
    has = ~np.isnat(recorded) & ~np.isnat(start) & (start <= room)
    computed = np.full(size, np.datetime64("NaT"), dtype="datetime64[D]")
    used = np.full(size, -1, dtype=np.int64)
    if has.any():
        computed[has], used[has] = due_dates(
            rule_set, "icpc", start[has], calendar, counting=inputs.counting
        )
    checked = has & (used >= 0)
    differing = checked & (recorded != computed)
    versions = rule_set.versions("icpc")
    causes: list[list[str]] = [[] for _ in range(size)]
    where = np.flatnonzero(differing)
    for index, rule in enumerate(versions):
        rows = where[used[where] == index]
        if not len(rows) or rule.unit is not Unit.WORKING_DAYS:
            continue
        n = rule.n
        s, r = start[rows], recorded[rows]
        candidates = {
            "counted the S47 start as day 1": calendar.add_working_days_array(s, n - 1),
            "skipped weekends but not bank holidays": _weekdays_only(s, n),
            "counted the S47 start as day 1 and skipped weekends but not bank holidays": (
                _weekdays_only(s, n - 1)
            ),
            f"counted {n} calendar days": s + np.timedelta64(n, "D"),
            f"counted {n} calendar days with the S47 start as day 1": s
            + np.timedelta64(n - 1, "D"),
        }
        for cause, dates in candidates.items():
            for i in rows[dates == r].tolist():
                causes[i].append(cause)
    difference = np.zeros(size, dtype=np.int64)
    if differing.any():
        difference[differing] = calendar.working_days_between_array(
            computed[differing], recorded[differing]
        )
    by_cause: dict[str, int] = {}
    for i in where.tolist():
        for cause in causes[i] or ["not recognised"]:
            by_cause[cause] = by_cause.get(cause, 0) + 1
    return Computed(
        result=RecordedTargets(
            recorded_as=found.name,
            recorded=int((~np.isnat(recorded)).sum()),
            checked=int(checked.sum()),
            not_checked=int((~np.isnat(recorded) & ~checked).sum()),
            differing=int(differing.sum()),
            by_likely_cause=dict(sorted(by_cause.items(), key=lambda item: -item[1])),
            rows=tuple(
                RecordedTarget(
                    child_id=str(found.child_id[i]),
                    location=found.location(i),
                    s47_start=str(start[i]),
                    recorded=str(recorded[i]),
                    computed=str(computed[i]),
                    working_days_later=int(difference[i]),
                    likely_causes=tuple(causes[i]),
                )
                for i in where.tolist()
            ),
            unreadable=tuple(
                UnreadableValue(
                    child_id=str(found.child_id[i]), location=found.location(i), value=str(value)
                )
                for i, value in enumerate(
                    found.unreadable.tolist() if found.unreadable is not None else ()
                )
                if value
            ),
        )
    )


def text(result: RecordedTargets | NotChecked | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    if isinstance(result, NotAssessed | NotChecked):
        return ["", _("Recorded initial conference targets"),
                "  " + _("not checked: {why}").format(why=_(result.why))]  # fmt: skip
    lines = [
        "",
        _("Recorded initial conference targets ({field})").format(field=result.recorded_as),
    ]
    lines += audit_lines(result, w)
    lines += unreadable_lines(result.unreadable, w)
    lines += [
        "  "
        + _(
            "{child} {location}: S47 {start}, recorded {recorded}, due {due} ({offset}); {causes}"
        ).format(
            child=r.child_id,
            location=r.location,
            start=w.day(r.s47_start),
            recorded=w.day(r.recorded),
            due=w.day(r.computed),
            offset=_offset(r.working_days_later, w),
            causes=causes_text(r.likely_causes, w, _("cause not recognised")),
        )
        for r in result.rows
    ]
    return lines


def _offset(later: int, w: Writer) -> str:
    """Say how far the recorded date is from the due date, in working days.

    The due date is a working day, and the count runs from it up to the recorded date, so a
    recorded date that differs from it by no working day is a weekend or bank holiday just
    after it: "+0 working days" would read as no difference. (One just before it, with no
    working day between, counts as a working day earlier: -1.)
    """
    if later == 0:
        return w._("on a weekend or bank holiday just after it")
    return w._("{days} working days").format(days=f"{later:+d}")


def html(result: RecordedTargets | NotChecked | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _ = w._
    if isinstance(result, NotAssessed | NotChecked):
        heading, line = text(result, w)[1:]
        return [w.heading(heading), w.paragraph(line.strip())]
    return [
        w.heading(_("Recorded initial conference targets")),
        *audit_html(result, w),
        w.table(
            [
                _("child"),
                _("where"),
                _("S47 start"),
                _("recorded"),
                _("due"),
                _("working days"),
                _("likely cause"),
            ],
            [
                [
                    r.child_id,
                    r.location,
                    w.day(r.s47_start),
                    w.day(r.recorded),
                    w.day(r.computed),
                    r.working_days_later,
                    causes_text(r.likely_causes, w, _("not recognised")),
                ]
                for r in result.rows
            ],
        ),
        *unreadable_html(result.unreadable, w),
    ]


class Audit(Protocol):
    """What an audit of recorded dates counts (recorded targets, recorded review due dates)."""

    @property
    def checked(self) -> int: ...
    @property
    def not_checked(self) -> int: ...
    @property
    def differing(self) -> int: ...
    @property
    def by_likely_cause(self) -> Mapping[str, int]: ...


#: Every likely cause an audit can name, as a template (``{n}``, ``{months}``: numbers). The
#: JSON keeps the English words; text and HTML show them in the report's language.
CAUSES = (
    N_("counted the S47 start as day 1"),
    N_("skipped weekends but not bank holidays"),
    N_("counted the S47 start as day 1 and skipped weekends but not bank holidays"),
    N_("counted {n} calendar days"),
    N_("counted {n} calendar days with the S47 start as day 1"),
    N_("counted {months} months as calendar days"),
    N_("counted 3 months from the strategy discussion, not the conference"),
    N_("counted 6 months from the previous review's due date, not its date"),
    N_("not recognised"),
)


def cause_text(cause: str, w: Writer) -> str:
    """Return a likely cause in the report's language (a cause not listed: as given)."""
    return w.filled(cause, CAUSES)


def causes_text(causes: Sequence[str], w: Writer, none: str) -> str:
    """Return a row's likely causes, joined, in the report's language (``none`` if none)."""
    return "; ".join(cause_text(cause, w) for cause in causes) or none


def audit_lines(result: Audit, w: Writer) -> list[str]:
    """Return an audit's counts in the text report: checked, differing, and by likely cause."""
    line = w._(
        "{checked} checked ({not_checked} not), {differing} differ from the rule set's due date"
    ).format(checked=result.checked, not_checked=result.not_checked, differing=result.differing)
    return ["  " + line] + [
        f"    {cause_text(cause, w)}: {n}" for cause, n in result.by_likely_cause.items()
    ]


def audit_html(result: Audit, w: Writer) -> list[str]:
    """Return an audit's counts in the HTML page, in the text report's words."""
    first, *causes = (line.strip() for line in audit_lines(result, w))
    return [w.paragraph(first), *([w.items(causes)] if causes else [])]


def unreadable_lines(unreadable: tuple[UnreadableValue, ...], w: Writer) -> list[str]:
    """Say which recorded dates are not dates (so not checked), each with its value."""
    if not unreadable:
        return []
    _ = w._
    lines = ["  " + _unreadable_count(unreadable, w)]
    return lines + [
        "    "
        + _("child {child} ({location}): {value}").format(
            child=u.child_id, location=u.location, value=repr(u.value)
        )
        for u in unreadable
    ]


def _unreadable_count(unreadable: tuple[UnreadableValue, ...], w: Writer) -> str:
    return w._("not dates, so not checked ({n}); their conferences are counted as usual:").format(
        n=len(unreadable)
    )


def unreadable_html(unreadable: tuple[UnreadableValue, ...], w: Writer) -> list[str]:
    """Return the recorded dates that are not dates, as a table (none: nothing)."""
    if not unreadable:
        return []
    _ = w._
    return [
        w.heading(_("Recorded dates that are not dates"), 3),
        w.paragraph(_unreadable_count(unreadable, w)),
        w.table(
            [_("child"), _("where in the file"), _("value")],
            [[u.child_id, u.location, u.value] for u in unreadable],
        ),
    ]


#: The recorded target dates' audit (a census, the SSD).
INDICATOR = Indicator[RecordedTargets | NotChecked](
    key="recorded_targets",
    compute=compute,
    text=text,
    html=html,
    results=(RecordedTargets, NotChecked),
    optional=True,
)
