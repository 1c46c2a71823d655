"""Render a :class:`UnitReport` as text or a self-contained HTML page, in English or Welsh.

Layouts are "label: value" lines ("Plant: 8"), which read correctly in Welsh whatever the
number (Welsh mutates nouns after numerals); counted sentences use ``ngettext``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .i18n import N_, RULE_TITLES
from .output import html_text
from .overlay import calendar_explanation
from .report import ComplianceReport
from .unit import UnitReport
from .writer import STYLE, Writer, writer

__all__ = ["render_unit_html", "render_unit_text"]

OUTCOMES = {
    "on_time": N_("completed on time"),
    "late": N_("completed late"),
    "declined": N_("offered and declined"),
    "not_held": N_("not held by the due date"),
    "still_due": N_("still due"),
    "no_rule": N_("no timescale encoded"),
}


def _title(w: Writer, rule_id: str, fallback: str) -> str:
    return w._(RULE_TITLES[rule_id]) if rule_id in RULE_TITLES else fallback


def _rules_lines(w: Writer, section: dict[str, Any]) -> list[str]:
    _ = w._
    lines = []
    if section.get("rules_used"):
        lines.append(_("Rules used (rule, edition, items, confidence: source):"))
        lines += [
            f"  {u['rule']} ({u['edition']}) {_title(w, u['rule'], u['title'])}, {u['items']}, "
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


def _children_head(w: Writer, report: ComplianceReport) -> list[str]:
    _ = w._
    records = report.records
    return [
        _("Children: child protection conferences"),
        _(
            "Rows: {rows}; children: {children}; conferences: {conferences}; skipped: {skipped}"
        ).format(
            rows=records.rows,
            children=records.children,
            conferences=records.conferences if records.conferences is not None else _("not known"),
            skipped=records.skipped_rows,
        ),
    ]


def _children_rules(w: Writer, report: ComplianceReport) -> list[str]:
    used = [
        {"rule": u.rule, "edition": u.edition, "items": u.rows, "title": u.rule,
         "confidence": u.confidence, "source": u.source}
        for u in report.rules_used
    ]  # fmt: skip
    return _rules_lines(w, {"rules_used": used, "unconfirmed_rules": report.unconfirmed_rules})


def _children_lines(w: Writer, report: ComplianceReport) -> list[str]:
    lines = _children_head(w, report)
    for indicator, result in report.shown:
        lines += indicator.text(result, w)
    lines.append(w.t.explain(calendar_explanation(report.calendar)))
    return lines + _children_rules(w, report)


def _adult_lines(w: Writer, s: dict[str, Any]) -> list[str]:
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


def _missing_lines(w: Writer, s: dict[str, Any]) -> list[str]:
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


def _problem_lines(w: Writer, records: dict[str, Any]) -> list[str]:
    if not records["problems"]:
        return []
    return [w._("Skipped rows:")] + [f"  {p}" for p in records["problems"]]


def _sections(report: UnitReport, w: Writer) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    if report.children is not None:
        found.append(("children", _children_lines(w, report.children)))
    if report.adults is not None:
        found.append(("adults", _adult_lines(w, report.adults.summary)))
    if report.missing is not None:
        found.append(("missing", _missing_lines(w, report.missing.summary)))
    return found


def _heading(report: UnitReport, w: Writer) -> str:
    if report.children is None:  # adults or missing episodes only: the id is all there is
        return w._("Safeguarding unit report: rule set {rule_set}, as of {date}").format(
            rule_set=report.rule_set, date=w.t.date(report.as_of)
        )
    return w._("Safeguarding unit report: {title} (rule set {rule_set}), as of {date}").format(
        title=report.children.rule_set_title, rule_set=report.rule_set, date=w.t.date(report.as_of)
    )


def render_unit_text(report: UnitReport, *, language: str = "en") -> str:
    """Return the unit report as readable text in ``language`` (``"en"`` or ``"cy"``)."""
    w = writer(language, long_dates=True)
    lines = [_heading(report, w)]
    for _, section in _sections(report, w):
        lines += ["", *section]
    return "\n".join(lines)


def render_unit_html(report: UnitReport, *, language: str = "en") -> str:
    """Return the unit report as one self-contained HTML page (no scripts, no files)."""
    w = writer(language, long_dates=True)
    esc: Callable[[str], str] = html_text
    body = [f"<h1>{esc(_heading(report, w))}</h1>"]
    for kind, lines in _sections(report, w):
        body.append(f'<section id="{kind}"><h2>{esc(lines[0])}</h2>')
        if kind == "children" and report.children is not None:
            body += _children_html(w, report.children)
        else:
            body.append(_list(lines[1:]))
        body.append("</section>")
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{esc(_heading(report, w))}</title>"
        f"<style>{STYLE}li.sub{{margin-left:1.5rem}}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def _children_html(w: Writer, report: ComplianceReport) -> list[str]:
    """Return the children's section: the compliance report's own parts, in this language."""
    body = [f"<p>{html_text(_children_head(w, report)[1])}</p>"]
    body.append(
        f'<p class="note">{html_text(w.t.explain(calendar_explanation(report.calendar)))}</p>'
    )
    for indicator, result in report.shown:
        body += indicator.html(result, w)
    return [*body, _list(_children_rules(w, report))]


def _list(lines: Sequence[str]) -> str:
    items = "".join(
        f'<li class="sub">{html_text(line.strip())}</li>'
        if line.startswith("  ")
        else f"<li>{html_text(line)}</li>"
        for line in lines
    )
    return f"<ul>{items}</ul>"
