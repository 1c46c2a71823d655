"""Render a :class:`UnitReport` as text or a self-contained HTML page, in English or Welsh.

Layouts are "label: value" lines ("Plant: 8"), which read correctly in Welsh whatever the
number (Welsh mutates nouns after numerals); counted sentences use ``ngettext``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Any

from .i18n import N_, RULE_TITLES, Translator, translator
from .overlay import calendar_explanation
from .unit import UnitReport

__all__ = ["render_unit_html", "render_unit_text"]

OUTCOMES = {
    "on_time": N_("completed on time"),
    "late": N_("completed late"),
    "declined": N_("offered and declined"),
    "not_held": N_("not held by the due date"),
    "still_due": N_("still due"),
    "no_rule": N_("no timescale encoded"),
}


class _Writer:
    def __init__(self, t: Translator) -> None:
        self.t = t
        self._ = t.gettext

    def pct(self, ratio: dict[str, Any]) -> str:
        if ratio["percent"] is None:
            return self._("n/a (none)")
        return self._("{percent}% ({on_time} of {total})").format(
            percent=f"{ratio['percent']:.1f}", on_time=ratio["on_time"], total=ratio["total"]
        )

    def day(self, iso: str | None) -> str:
        if not iso:
            return "-"
        if "T" in iso:
            moment = dt.datetime.fromisoformat(iso)
            return f"{self.t.date(moment.date())} {moment:%H:%M}"
        return self.t.date(dt.date.fromisoformat(iso))

    def title(self, rule_id: str, fallback: str) -> str:
        return self._(RULE_TITLES[rule_id]) if rule_id in RULE_TITLES else fallback


def _rules_lines(w: _Writer, section: dict[str, Any]) -> list[str]:
    _ = w._
    lines = []
    if section.get("rules_used"):
        lines.append(_("Rules used (rule, edition, items, confidence: source):"))
        lines += [
            f"  {u['rule']} ({u['edition']}) {w.title(u['rule'], u['title'])}, {u['items']}, "
            f"{u['confidence']}: {u['source']}"
            for u in section["rules_used"]
        ]
    for gap in section.get("not_encoded", []):
        lines.append(
            _("No timescale encoded for {rule} ({confidence}): {statement}").format(
                rule=gap["rule"], confidence=gap["confidence"], statement=gap["statement"]
            )
        )
        lines.append("  " + _("Source: {source}").format(source=gap["source"]))
    if section.get("unconfirmed_rules"):
        lines.append(
            _("UNCONFIRMED rules used: {rules}").format(
                rules=", ".join(section["unconfirmed_rules"])
            )
        )
    return lines


def _children_lines(w: _Writer, s: dict[str, Any]) -> list[str]:
    _ = w._
    records = s["records"]
    lines = [
        _("Children: child protection conferences"),
        _(
            "Rows: {rows}; children: {children}; conferences: {conferences}; skipped: {skipped}"
        ).format(
            rows=records["rows"],
            children=records["children"],
            conferences=records["conferences"],
            skipped=records["skipped_rows"],
        ),
    ]
    icpc = s["initial_conference_timeliness"]
    lines.append(_("Initial child protection conference within timescale"))
    if icpc["assessed"]:
        lines += [
            "  " + _("By child: {value}").format(value=w.pct(icpc["by_child"])),
            "  " + _("By conference: {value}").format(value=w.pct(icpc["by_conference"])),
            "  "
            + _("Bands (working days): {bands}").format(
                bands=", ".join(f"{k}: {v}" for k, v in icpc["bands"].items())
            ),
        ]
        for late in icpc["late_conferences"]:
            lines.append(
                "  "
                + _("Late: {id} on {date}, children: {children}, working days late: {late}").format(
                    id=late["conference_id"],
                    date=w.day(late["conference_date"]),
                    children=late["children"],
                    late=late["working_days_late"],
                )
            )
    else:
        lines.append("  " + _("Not assessed: {why}").format(why=icpc["why"]))
    reviews = s["review_timeliness"]
    lines.append(_("Review conferences within timescale"))
    if reviews["assessed"]:
        lines += [
            "  " + _("By child: {value}").format(value=w.pct(reviews["by_child"])),
            "  " + _("By conference: {value}").format(value=w.pct(reviews["by_conference"])),
        ]
    else:
        lines.append("  " + _("Not assessed: {why}").format(why=reviews["why"]))
    core = s["core_group_timeliness"]
    if core["assessed"]:
        lines.append(_("First core group within timescale"))
        lines.append("  " + _("By child: {value}").format(value=w.pct(core["by_child"])))
    if "calendar" in s:
        lines.append(w.t.explain(calendar_explanation(s["calendar"])))
    used = [{**u, "items": u["rows"], "title": u["rule"]} for u in s.get("rules_used", [])]
    lines += _rules_lines(w, {"rules_used": used, "unconfirmed_rules": s["unconfirmed_rules"]})
    return lines


def _adult_lines(w: _Writer, s: dict[str, Any]) -> list[str]:
    _ = w._
    records, enquiries = s["records"], s["enquiries"]
    lines = [
        _("Adults at risk: safeguarding enquiries"),
        _("Enquiries: {enquiries}; adults: {adults}; skipped rows: {skipped}").format(
            enquiries=records["enquiries"],
            adults=records["adults"],
            skipped=records["skipped_rows"],
        ),
        _("Concluded: {concluded}; open: {open}").format(
            concluded=enquiries["concluded"], open=enquiries["open"]
        ),
    ]
    if enquiries["assessed"]:
        lines += [
            "  " + _("By enquiry: {value}").format(value=w.pct(enquiries["by_enquiry"])),
            "  " + _("By adult: {value}").format(value=w.pct(enquiries["by_adult"])),
        ]
    else:
        lines.append(
            "  " + _("Not assessed against a timescale: the rule set encodes none for these dates.")
        )
    lines.append(
        "  "
        + _("Working days from report to conclusion: {bands}").format(
            bands=", ".join(f"{k}: {v}" for k, v in enquiries["bands"].items())
        )
    )
    for late in enquiries["late"]:
        lines.append(
            "  "
            + _(
                "Late: enquiry {id} (adult {adult}), report {received}, concluded {concluded}, "
                "working days late: {late}"
            ).format(
                id=late["enquiry_id"],
                adult=late["adult_id"],
                received=w.day(late["report_received"]),
                concluded=w.day(late["concluded"]),
                late=late["working_days_late"],
            )
        )
    for open_ in enquiries["open_overdue"]:
        lines.append(
            "  "
            + _("Open past its due date: enquiry {id} (adult {adult}), due {due}").format(
                id=open_["enquiry_id"], adult=open_["adult_id"], due=w.day(open_["due"])
            )
        )
    strategy = s["strategy"]
    if strategy["total"] or strategy["overdue"]:
        lines.append(
            _("Strategy discussion or meeting on time: {value}; overdue: {overdue}").format(
                value=w.pct(strategy["by_enquiry"]), overdue=strategy["overdue"]
            )
        )
    return lines + _rules_lines(w, s) + _problem_lines(w, records)


def _missing_lines(w: _Writer, s: dict[str, Any]) -> list[str]:
    _ = w._
    records, ri = s["records"], s["return_interviews"]
    lines = [
        _("Children missing from home or care: return interviews"),
        _("Episodes: {episodes}; children: {children}; skipped rows: {skipped}").format(
            episodes=records["episodes"],
            children=records["children"],
            skipped=records["skipped_rows"],
        ),
    ]
    if ri["assessed"]:
        lines += [
            "  " + _("By episode: {value}").format(value=w.pct(ri["by_episode"])),
            "  " + _("By child: {value}").format(value=w.pct(ri["by_child"])),
        ]
    lines.append("  " + ", ".join(f"{_(OUTCOMES[k])}: {v}" for k, v in ri["outcomes"].items()))
    lines.append(
        "  "
        + _("Days from return to interview: {bands}").format(
            bands=", ".join(f"{k}: {v}" for k, v in ri["bands"].items())
        )
    )
    if ri["date_only"]:
        lines.append(
            "  "
            + w.t.ngettext(
                "{n} episode measured by dates only (no time recorded): lenient by under a day.",
                "{n} episodes measured by dates only (no time recorded): lenient by under a day.",
                ri["date_only"],
            ).format(n=ri["date_only"])
        )
    for late in ri["late"]:
        lines.append(
            "  "
            + _("{outcome}: episode {id} (child {child}), returned {returned}, due {due}").format(
                outcome=_(OUTCOMES[late["outcome"]]),
                id=late["episode_id"],
                child=late["child_id"],
                returned=w.day(late["returned"]),
                due=w.day(late["due"]),
            )
        )
    return lines + _rules_lines(w, s) + _problem_lines(w, records)


def _problem_lines(w: _Writer, records: dict[str, Any]) -> list[str]:
    if not records["problems"]:
        return []
    return [w._("Skipped rows:")] + [f"  {p}" for p in records["problems"]]


def _sections(report: UnitReport, w: _Writer) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    if report.children is not None:
        found.append(("children", _children_lines(w, report.children.summary)))
    if report.adults is not None:
        found.append(("adults", _adult_lines(w, report.adults.summary)))
    if report.missing is not None:
        found.append(("missing", _missing_lines(w, report.missing.summary)))
    return found


def _heading(report: UnitReport, w: _Writer) -> str:
    return w._("Safeguarding unit report: rule set {rule_set}, as of {date}").format(
        rule_set=report.rule_set, date=w.t.date(report.as_of)
    )


def render_unit_text(report: UnitReport, *, language: str = "en") -> str:
    """Return the unit report as readable text in ``language`` (``"en"`` or ``"cy"``)."""
    w = _Writer(translator(language))
    lines = [_heading(report, w)]
    for _, section in _sections(report, w):
        lines += ["", *section]
    return "\n".join(lines)


def render_unit_html(report: UnitReport, *, language: str = "en") -> str:
    """Return the unit report as one self-contained HTML page (no scripts, no files)."""
    w = _Writer(translator(language))
    esc: Callable[[str], str] = html.escape
    body = [f"<h1>{esc(_heading(report, w))}</h1>"]
    for kind, lines in _sections(report, w):
        body.append(f'<section id="{kind}"><h2>{esc(lines[0])}</h2>')
        body.append(_list(lines[1:]))
        body.append("</section>")
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{esc(_heading(report, w))}</title>"
        "<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem}"
        "li.sub{margin-left:1.5rem}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def _list(lines: Sequence[str]) -> str:
    items = "".join(
        f'<li class="sub">{html.escape(line.strip())}</li>'
        if line.startswith("  ")
        else f"<li>{html.escape(line)}</li>"
        for line in lines
    )
    return f"<ul>{items}</ul>"
