"""The due-date worklist as an iCalendar file (RFC 5545), for a team diary."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from .._explain import N_, Explanation, Iso, Quoted, Term, line, phrase
from ..rules import Confidence, Unit
from .i18n import translator
from .output import printable
from .unit_worklist import CaseDueAction
from .worklist import DueAction

__all__ = ["event_text", "render_ics"]


def _escape(text: str) -> str:
    r"""Return ``text`` as an RFC 5545 TEXT value (section 3.3.11).

    A line break (CRLF, CR or LF) becomes ``\n``; any other control character, which TEXT
    forbids, is shown as a visible escape by :func:`printable`; then backslash, semicolon
    and comma are escaped. No raw CR, NUL, BEL or ESC can reach the file, so a value cannot
    end its line and start a property of its own.
    """
    text = printable(text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 section 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def render_ics(
    actions: Sequence[DueAction | CaseDueAction], *, as_of: dt.date, language: str = "en"
) -> str:
    """Return an iCalendar file with one all-day event per action, for a team diary.

    Each event's summary and description are in ``language`` (``"cy"``: Welsh); the rest of
    the file is the same in every language.

    Conference actions, and adult-enquiry and return-interview actions
    (:func:`~safeguarding_rules.reports.unit_worklist.case_due_actions`) alike.
    Deterministic: the timestamp is ``as_of``, never the clock; each UID is a hash of the
    conference (or enquiry or episode), rule and due date.
    """
    stamp = f"{as_of:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//safeguarding_rules//due worklist//EN",
        "CALSCALE:GREGORIAN",
    ]
    t = translator(language)
    for action in actions:
        deadline = action.deadline
        case = (
            action.conference_id
            if isinstance(action, DueAction)
            else f"{action.kind}:{action.case_id}"
        )
        key = f"{case}|{deadline.rule.id}|{deadline.due.isoformat()}"
        uid = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        summary, description = event_text(action)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@safeguarding-rules",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{deadline.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{deadline.due + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(t.explain(summary))}",
            f"DESCRIPTION:{_escape(t.explain(description))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def event_text(action: DueAction | CaseDueAction) -> tuple[Explanation, Explanation]:
    """Return an action's event summary and description, as lines to render in any language."""
    deadline = action.deadline
    rule = deadline.rule
    title = Term(f"rule:{rule.id}", rule.title)
    if isinstance(action, DueAction):
        what = action.what
        people = phrase(N_("Children: {children}"), children=", ".join(action.children))
    elif action.kind == "adult_enquiry":
        what = phrase(N_("{title}: enquiry {id} (adult {person})"), title=title,
                      id=action.case_id, person=action.person)  # fmt: skip
        people = phrase(N_("Adult: {person}"), person=action.person)
    else:
        what = phrase(N_("{title}: episode {id} (child {person})"), title=title,
                      id=action.case_id, person=action.person)  # fmt: skip
        people = phrase(N_("Child: {person}"), person=action.person)
    summary = [what]
    if action.overdue:
        summary.insert(0, phrase(N_("OVERDUE:")))
    if rule.confidence is Confidence.UNCONFIRMED:
        summary.append(phrase(N_("[UNCONFIRMED rule]")))
    if deadline.provisional:
        summary.append(phrase(N_("[PROVISIONAL due date]")))
    hours = rule.unit is Unit.HOURS
    if deadline.overlay:
        counted_on = phrase(
            N_("elapsed hours (weekends and bank holidays count), dates only with the local "
               "overlay {overlay}")
            if hours
            else N_("the {division} calendar with the local overlay {overlay}"),
            division=deadline.division, overlay=Quoted(deadline.overlay),
        )  # fmt: skip
    else:
        counted_on = phrase(
            N_("elapsed hours (weekends and bank holidays count), dates only, weekends and bank "
               "holidays only")
            if hours
            else N_("the {division} calendar, weekends and bank holidays only"),
            division=deadline.division,
        )  # fmt: skip
    description = phrase(
        N_("{wording}. Source: {source} ({confidence}). Counted from {start} on {counted_on}. "
           "{people}."),
        wording=rule.wording_phrase, source=rule.source, confidence=rule.confidence.value,
        start=Iso(deadline.start), counted_on=counted_on, people=people,
    )  # fmt: skip
    if deadline.provisional:
        return (line(*summary),), (line(description), deadline.provisional_line())
    return (line(*summary),), (line(description),)
