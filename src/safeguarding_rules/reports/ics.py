"""The due-date worklist as an iCalendar file (RFC 5545), for a team diary."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from ..rules import Confidence, Unit
from .output import printable
from .unit_worklist import CaseDueAction
from .worklist import DueAction

__all__ = ["render_ics"]


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


def render_ics(actions: Sequence[DueAction | CaseDueAction], *, as_of: dt.date) -> str:
    """Return an iCalendar file with one all-day event per action, for a team diary.

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
    for action in actions:
        deadline = action.deadline
        if isinstance(action, DueAction):
            case, people = action.conference_id, f"Children: {', '.join(action.children)}"
        else:
            case = f"{action.kind}:{action.case_id}"
            people = f"{'Adult' if action.kind == 'adult_enquiry' else 'Child'}: {action.person}"
        key = f"{case}|{deadline.rule.id}|{deadline.due.isoformat()}"
        uid = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        flag = " [UNCONFIRMED rule]" if deadline.rule.confidence is Confidence.UNCONFIRMED else ""
        counted_on = (
            "elapsed hours (weekends and bank holidays count), dates only"
            if deadline.rule.unit is Unit.HOURS
            else f"the {deadline.division} calendar"
        ) + (
            f" with the local overlay {deadline.overlay!r}"
            if deadline.overlay
            else ", weekends and bank holidays only"
        )
        description = (
            f"{deadline.rule.wording}. Source: {deadline.rule.source} "
            f"({deadline.rule.confidence.value}). Counted from {deadline.start.isoformat()} "
            f"on {counted_on}. {people}."
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@safeguarding-rules",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{deadline.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{deadline.due + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(('OVERDUE: ' if action.overdue else '') + action.summary + flag)}",
            f"DESCRIPTION:{_escape(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
