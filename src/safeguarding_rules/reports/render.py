"""Render a :class:`ComplianceReport` as text, JSON, CSV or a self-contained HTML page.

Text and HTML are the report's header, then each indicator's own template (see
``reports/indicators/``) in the order the report holds them, then the rules applied; in
English or Welsh (:mod:`.writer`).
"""

from __future__ import annotations

from collections.abc import Iterator

from .overlay import calendar_explanation
from .report import ComplianceReport
from .serialise import json_chunks
from .table import csv_pieces
from .writer import STYLE, Writer, writer

__all__ = ["render_csv", "render_csv_chunks", "render_html", "render_json", "render_text"]


def render_json(report: ComplianceReport) -> str:
    """Return the summary as compact JSON, on one line.

    A national report lists every late conference and runs to tens of megabytes: write it
    with :func:`~.serialise.json_chunks` instead, which never holds it whole. Pipe through
    ``python -m json.tool`` (or ``jq .``) to read it.
    """
    return b"".join(json_chunks(report)).decode("utf-8")


def render_csv(report: ComplianceReport) -> str:
    """Return one CSV row per child per conference, with its due date and status.

    Cells a spreadsheet would run as a formula are neutralised (see :mod:`.output`).
    """
    return b"".join(render_csv_chunks(report)).decode("utf-8")


def render_csv_chunks(report: ComplianceReport) -> Iterator[bytes]:
    """Yield :func:`render_csv`'s UTF-8 bytes in pieces (a national file's rows, streamed)."""
    return csv_pieces(report.row_fields, report.csv_columns())


def _conferences(report: ComplianceReport, w: Writer) -> str:
    conferences = report.records.conferences
    if conferences is None:
        return w._("conferences not known")
    return w._("{n} conferences").format(n=conferences)


def render_text(report: ComplianceReport, *, language: str = "en") -> str:
    """Return a readable summary for a terminal, in ``language`` (``"en"`` or ``"cy"``)."""
    w = writer(language)
    return "\n".join(text_lines(report, w))


def text_lines(report: ComplianceReport, w: Writer, *, header: bool = True) -> list[str]:
    """Return the text report's lines, written by ``w`` (``header``: with its opening lines)."""
    _ = w._
    records = report.records
    lines = []
    if header:
        lines += [
            _("Compliance report: {title} (rule set {rule_set}), {source}").format(
                title=report.rule_set_title, rule_set=repr(report.rule_set), source=report.source
            ),
            _(
                "{rows} rows: {children} children, {conferences}; {skipped} rows skipped. "
                "Counting: {counting}."
            ).format(
                rows=records.rows,
                children=records.children,
                conferences=_conferences(report, w),
                skipped=records.skipped_rows,
                counting=report.counting.value,
            ),
            w.t.explain(calendar_explanation(report.calendar)),
        ]
    for indicator, result in report.shown:
        lines += indicator.text(result, w)
    unconfirmed = _unconfirmed(report, w)
    if unconfirmed:
        lines += ["", unconfirmed[0], *("  " + line for line in unconfirmed[1:])]
    if report.rules_used:
        lines += ["", _("Rules applied (rule, edition, rows, confidence: source):")]
        lines += [
            f"  {u.rule} ({u.edition}), {u.rows} rows, {u.confidence}: {u.source}"
            for u in report.rules_used
        ]
    if records.problems:
        lines += ["", _("Skipped rows:")] + [f"  {p}" for p in records.problems]
    return lines


def _unconfirmed(report: ComplianceReport, w: Writer) -> list[str]:
    """Name the UNCONFIRMED rules used, then what each lacks (none used: nothing)."""
    if not report.unconfirmed_rules:
        return []
    _ = w._
    return [
        _("UNCONFIRMED rules used: {rules}").format(rules=", ".join(report.unconfirmed_rules)),
        *(
            _("{rule} ({edition}): missing {missing}").format(
                rule=u.rule, edition=u.edition, missing=u.missing
            )
            for u in report.unconfirmed_items
        ),
    ]


def render_html(report: ComplianceReport, *, language: str = "en") -> str:
    """Return one self-contained page (no scripts, no external files) with charts."""
    w = writer(language)
    _, esc = w._, w.esc
    title = _("Child protection compliance: {rule_set}").format(rule_set=report.rule_set_title)
    body = [f"<h1>{esc(title)}</h1>", *html_parts(report, w)]
    page_title = _("Compliance report: {rule_set}").format(rule_set=report.rule_set_title)
    return (
        f'<!DOCTYPE html><html lang="{w.language}"><head><meta charset="utf-8">'
        f"<title>{esc(page_title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def html_parts(report: ComplianceReport, w: Writer) -> list[str]:
    """Return the HTML page's body after its heading, written by ``w``."""
    _, esc = w._, w.esc
    records = report.records
    body = [
        '<p class="note">'
        + esc(
            _(
                "Source: {source}. {rows} rows, {children} children, {conferences}; {skipped} "
                "rows skipped. Counting convention {counting}; periods: {period}."
            ).format(
                source=report.source,
                rows=records.rows,
                children=records.children,
                conferences=_conferences(report, w),
                skipped=records.skipped_rows,
                counting=report.counting.value,
                period=report.period.value,
            )
        )
        + "</p>",
        f'<p class="note" id="calendar">'
        f"{esc(w.t.explain(calendar_explanation(report.calendar)))}</p>",
    ]
    for indicator, result in report.shown:
        body += indicator.html(result, w)
    unconfirmed = _unconfirmed(report, w)
    if unconfirmed:
        body += [w.paragraph(unconfirmed[0]), w.items(unconfirmed[1:])]
    if report.rules_used:
        body.append(w.heading(_("Rules applied")))
        body.append(
            w.table(
                [_("rule"), _("edition"), _("rows"), _("confidence"), _("source")],
                [[u.rule, u.edition, u.rows, u.confidence, u.source] for u in report.rules_used],
            )
        )
    if records.problems:
        body += [w.paragraph(_("Skipped rows:")), w.items([str(p) for p in records.problems])]
    return body
