"""Quoracy of the conferences in an attendance file, and each agency's participation.

Two sections of the report from one set of quorum decisions: ``quoracy`` (how many
conferences were quorate, by period, which were not and why) and ``participation`` (how
often each agency took part, over the conferences where it was listed or, where the
authority counts so, where it had an active interest). An agency took part if it attended in
person or remotely (:data:`TOOK_PART`), whatever the quorum rule counts: whether remote
attendance makes a conference quorate is the rule set's choice, but it is taking part.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

import attrs
import numpy as np

from ...rules import AttendanceMode, unrecognised_names
from ..i18n import AGENCY_NAMES, N_
from ..periods import period_labels
from ..writer import CHILD_COLOUR, Writer
from ._base import Computed, Indicator, NotAssessed, Ratio, ReportInputs, by_period_html

__all__ = [
    "PARTICIPATION",
    "QUORACY",
    "TOOK_PART",
    "AgencyParticipation",
    "Inquorate",
    "NotAsRecorded",
    "Participation",
    "Quoracy",
    "QuoracyPeriod",
]

#: The modes in which an agency took part in a conference, for its participation: in the
#: room or remotely, whatever the quorum rule counts (a written report, apologies or an
#: absence is not taking part).
TOOK_PART = frozenset({AttendanceMode.IN_PERSON, AttendanceMode.REMOTE})


@attrs.frozen(kw_only=True)
class QuoracyPeriod:
    """One reporting period's quorate conferences."""

    period: str
    quorate: Ratio


@attrs.frozen(kw_only=True)
class Inquorate:
    """A conference that was not quorate, and what it lacked."""

    conference_id: str | None
    shortfalls: tuple[str, ...]
    proceeded_by_chair: bool


@attrs.frozen(kw_only=True)
class NotAsRecorded:
    """A conference whose type or date in the attendance file is not the records'."""

    conference_id: str
    #: ``conference_type`` or ``conference_date``.
    field: str
    #: The value in the attendance file.
    attendance: str
    #: The value in the records.
    records: str


@attrs.frozen(kw_only=True)
class Quoracy:
    """How many conferences were quorate under the rule set's quorum rule."""

    rule: str | None
    source: str | None
    confidence: str | None
    conferences: Ratio
    by_period: tuple[QuoracyPeriod, ...]
    #: Conferences with no date in the attendance file or the records.
    undated_conferences: int
    #: Names the vocabulary did not recognise, each counted as its own agency.
    unrecognised_agencies: tuple[str, ...]
    #: Conferences quorate only because of an unrecognised name.
    quorate_only_with_unrecognised: int
    inquorate: tuple[Inquorate, ...]
    #: Conferences of the attendance file the records do not hold (counted: the attendance
    #: file is enough to decide a quorum); left out when none.
    not_in_records: tuple[str, ...] | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )
    #: Conferences whose type or date disagrees with the records, one per field: not
    #: counted, here or in the agencies' participation; left out when none.
    not_as_recorded: tuple[NotAsRecorded, ...] | None = attrs.field(
        default=None, metadata={"omit_if_none": True}
    )


@attrs.frozen(kw_only=True)
class AgencyParticipation:
    """How often one agency took part."""

    #: The agency id where the vocabulary knows the name; else the name as written.
    agency: str
    #: Conferences it took part in, in person or remotely.
    took_part: Ratio
    #: Of those, how many it took part in remotely.
    remote: int = 0
    #: Over which conferences.
    basis: str


@attrs.frozen
class Participation:
    """Every agency's participation (a list in the JSON)."""

    #: The JSON is a list of these (its one field's items).
    LIST_OF: ClassVar[type] = AgencyParticipation

    agencies: tuple[AgencyParticipation, ...] = ()


def compute_quoracy(inputs: ReportInputs) -> Computed[Quoracy] | None:
    """Count the quorate conferences (no section without an attendance file)."""
    if not inputs.attendance:
        return None
    rule_set = inputs.rule_set
    results = inputs.quorum_results
    quorate = sum(r.quorate for _, r, _ in results)
    by_period: dict[str, list[bool]] = {}
    dated = [(d, r) for d, r, _ in results if d is not None]
    if dated:
        labels = period_labels(
            np.array([d for d, _ in dated], dtype="datetime64[D]"),
            inputs.period,
            inputs.year_start,
        )
        for label, (_, result) in zip(labels.tolist(), dated, strict=True):
            by_period.setdefault(label, []).append(result.quorate)
    quorum = rule_set.quorum
    match = inputs.attendance_match
    return Computed(
        result=Quoracy(
            rule=quorum.title if quorum else None,
            source=quorum.source if quorum else None,
            confidence=quorum.confidence.value if quorum else None,
            conferences=Ratio.of(quorate, len(results)),
            by_period=tuple(
                QuoracyPeriod(period=label, quorate=Ratio.of(sum(flags), len(flags)))
                for label, flags in sorted(by_period.items())
            ),
            undated_conferences=sum(day is None for day, _, _ in results),
            unrecognised_agencies=tuple(
                unrecognised_names(
                    (name for _, result, _ in results for name in result.unrecognised),
                    rule_set.vocabulary,
                )
            ),
            quorate_only_with_unrecognised=sum(r.depends_on_unrecognised for _, r, _ in results),
            inquorate=tuple(
                Inquorate(
                    conference_id=result.conference_id,
                    shortfalls=tuple(result.shortfalls),
                    proceeded_by_chair=result.proceeded_inquorate,
                )
                for _, result, _ in results
                if not result.quorate
            ),
            not_in_records=match.not_in_records or None,
            not_as_recorded=tuple(
                NotAsRecorded(
                    conference_id=d.conference_id,
                    field=d.field,
                    attendance=d.attendance,
                    records=d.records,
                )
                for d in match.disagreements
            )
            or None,
        )
    )


def compute_participation(inputs: ReportInputs) -> Computed[Participation] | None:
    """Count each agency's participation (no section without an attendance file)."""
    if not inputs.attendance:
        return None
    rule_set, policy = inputs.rule_set, inputs.policy
    over_interest = policy.participation_over_active_interest
    attended: Counter[str] = Counter()
    remote: Counter[str] = Counter()
    eligible: Counter[str] = Counter()
    for _, _, conference in inputs.quorum_results:
        # By agency id where the vocabulary knows the name, so "CSC" and
        # "childrens_social_care" are one row; other names as written.
        named = {
            rule_set.vocabulary.agency(a.agency) or a.agency: a for a in conference.attendances
        }
        for agency, record in named.items():
            if over_interest and record.active_interest is not True:
                continue
            eligible[agency] += 1
            attended[agency] += record.mode in TOOK_PART
            remote[agency] += record.mode is AttendanceMode.REMOTE
    basis = (
        N_("conferences where the agency had an active interest")
        if over_interest
        else N_("conferences where the agency was listed")
    )
    return Computed(
        result=Participation(
            tuple(
                AgencyParticipation(
                    agency=agency,
                    took_part=Ratio.of(attended[agency], eligible[agency]),
                    remote=remote[agency],
                    basis=basis,
                )
                for agency in sorted(eligible)
            )
        )
    )


def unrecognised_lines(quoracy: Quoracy, w: Writer, indent: str) -> list[str]:
    """Say which agency names the vocabulary did not recognise, and what rests on them."""
    _ = w._
    names = quoracy.unrecognised_agencies
    if not names:
        return []
    lines = [
        indent
        + _("{n} agency name(s) not recognised: {names}; each counted as its own agency").format(
            n=len(names), names=", ".join(map(repr, names))
        )
    ]
    if quoracy.quorate_only_with_unrecognised:
        lines.append(
            indent
            + _("{n} conference(s) quorate only because of them").format(
                n=quoracy.quorate_only_with_unrecognised
            )
        )
    return lines


def records_lines(quoracy: Quoracy, w: Writer) -> list[str]:
    """Say which attendance conferences the records do not hold, or hold otherwise."""
    _ = w._
    lines = []
    if quoracy.not_in_records:
        lines.append(
            _(
                "{n} conference(s) of the attendance file not in the records, counted from the "
                "attendance file alone: {ids}"
            ).format(n=len(quoracy.not_in_records), ids=", ".join(quoracy.not_in_records))
        )
    if quoracy.not_as_recorded:
        ids = {d.conference_id for d in quoracy.not_as_recorded}
        lines.append(
            _(
                "{n} conference(s) of the attendance file not counted: they disagree with the "
                "records"
            ).format(n=len(ids))
        )
        lines += [
            "  "
            + _("{conference}: {field} {attendance} in the attendance file, {records} in the "
                "records").format(
                conference=d.conference_id, field=d.field, attendance=d.attendance,
                records=d.records,
            )
            for d in quoracy.not_as_recorded
        ]  # fmt: skip
    return lines


def quoracy_text(result: Quoracy | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    lines = [
        "",
        _("Quoracy ({rule}, {confidence})").format(rule=result.rule, confidence=result.confidence),
        "  " + _("quorate: {value}").format(value=w.pct(result.conferences)),
    ]
    lines += unrecognised_lines(result, w, "  ")
    lines += [f"    {p.period}: {w.pct(p.quorate)}" for p in result.by_period]
    lines += ["  " + line for line in records_lines(result, w)]
    return lines


def quoracy_html(result: Quoracy | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    _, esc = w._, w.esc
    if isinstance(result, NotAssessed):
        return []
    body = [
        w.heading(_("Quoracy")),
        "<p>"
        + esc(_("{value} quorate under {rule} ({confidence}).")).format(
            value=esc(w.pct(result.conferences)),
            rule=esc(str(result.rule)),
            confidence=esc(str(result.confidence)),
        )
        + "</p>",
    ]
    body += [f"<p><strong>{esc(line)}</strong></p>" for line in unrecognised_lines(result, w, "")]
    found = records_lines(result, w)
    if found:
        listed = [line.strip() for line in found if line.startswith("  ")]
        body += [w.paragraph(line) for line in found if not line.startswith("  ")]
        if listed:
            body.append(w.items(listed))
    if result.by_period:  # (no conference counted: no empty chart)
        body += by_period_html(
            _("Quorate conferences by period"),
            [p.period for p in result.by_period],
            [(_("quorate"), CHILD_COLOUR, [p.quorate for p in result.by_period])],
            w,
        )
    return body


def participation_text(result: Participation | NotAssessed, w: Writer) -> list[str]:
    """Return the agencies' lines in the text report (under quoracy)."""
    if isinstance(result, NotAssessed):
        return []
    if not result.agencies:  # (every attendance row left out: no heading over nothing)
        return ["  " + w._("agency participation: no conference counted")]
    return ["  " + w._("agency participation:")] + [
        f"    {agency_name(p.agency, w)}: {w.pct(p.took_part)}{_remote(p, w)} ({w._(p.basis)})"
        for p in result.agencies
    ]


def _remote(found: AgencyParticipation, w: Writer) -> str:
    """Say how many of an agency's conferences it took part in remotely (none: nothing)."""
    if not found.remote:
        return ""
    return w._(", {n} of them remotely").format(n=found.remote)


def agency_name(agency: str, w: Writer) -> str:
    """Return an agency's name as people write it, in the writer's language (else as given)."""
    name = AGENCY_NAMES.get(agency)
    return w._(name) if name else agency


def participation_html(result: Participation | NotAssessed, w: Writer) -> list[str]:
    """Return the agencies' table in the HTML page (under quoracy)."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    if not result.agencies:
        return [w.heading(_("Agency participation"), 3),
                w.paragraph(_("agency participation: no conference counted"))]  # fmt: skip
    return [
        w.heading(_("Agency participation"), 3),
        w.table(
            [_("agency"), _("took part"), _("of them remotely"), _("basis")],
            [
                [agency_name(p.agency, w), w.pct(p.took_part), p.remote, _(p.basis)]
                for p in result.agencies
            ],
        ),
    ]


#: Quorate conferences.
QUORACY = Indicator[Quoracy](
    key="quoracy",
    compute=compute_quoracy,
    text=quoracy_text,
    html=quoracy_html,
    results=(Quoracy,),
    optional=True,
)
#: Agencies' participation.
PARTICIPATION = Indicator[Participation](
    key="participation",
    compute=compute_participation,
    text=participation_text,
    html=participation_html,
    results=(Participation,),
    optional=True,
)
