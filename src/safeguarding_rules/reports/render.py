"""Render a :class:`ComplianceReport` as text, JSON, CSV or a self-contained HTML page."""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .._columnar import joined, text_bytes
from .overlay import describe_calendar
from .report import ComplianceReport
from .serialise import json_chunks
from .table import RowTable, csv_pieces, html_escaped

__all__ = ["render_csv", "render_csv_chunks", "render_html", "render_json", "render_text"]


def _pct(ratio: dict[str, Any]) -> str:
    if ratio.get("why"):
        return "not known (no family link)"
    if ratio["percent"] is None:
        return "n/a (none)"
    return f"{ratio['percent']:.1f}% ({ratio['on_time']} of {ratio['total']})"


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


def _unrecognised_lines(quoracy: dict[str, Any], indent: str) -> list[str]:
    """Say which agency names the vocabulary did not recognise, and what rests on them."""
    names = quoracy["unrecognised_agencies"]
    if not names:
        return []
    lines = [
        f"{indent}{len(names)} agency name(s) not recognised: "
        f"{', '.join(map(repr, names))}; each counted as its own agency"
    ]
    if quoracy["quorate_only_with_unrecognised"]:
        lines.append(
            f"{indent}{quoracy['quorate_only_with_unrecognised']} conference(s) quorate only "
            "because of them"
        )
    return lines


def render_text(report: ComplianceReport) -> str:
    """Return a readable terminal summary."""
    s = report.summary
    records = s["records"]
    lines = [
        f"Compliance report: rule set {s['rule_set']!r}, {s['source']}",
        f"{records['rows']} rows: {records['children']} children, {_conferences(records)}; "
        f"{records['skipped_rows']} rows skipped. Counting: {s['counting']}.",
        describe_calendar(s["calendar"]),
        "",
    ]
    icpc = s["initial_conference_timeliness"]
    lines.append("Initial conferences within timescale")
    if not icpc["assessed"]:
        lines.append(f"  not assessed: {icpc['why']}")
    else:
        target = (
            f"; target {icpc['target'] * 100:.0f}% {icpc['headline']}" if icpc["target"] else ""
        )
        lines += [
            f"  by child:      {_pct(icpc['by_child'])}",
            f"  by conference: {_pct(icpc['by_conference'])}{target}",
            f"  longest wait:  {icpc['max_working_days']} working days from strategy discussion",
            "  DfE bands (working days, per conference): "
            + ", ".join(f"{band}: {count}" for band, count in icpc["bands"].items()),
        ]
        if "meets_target" in icpc:
            lines.append(f"  meets target: {'yes' if icpc['meets_target'] else 'NO'}")
        lines.append("  by period (child / conference):")
        lines += [
            f"    {p['period']}: {_pct(p['by_child'])} / {_pct(p['by_conference'])}"
            for p in icpc["by_period"]
        ]
        if icpc["late_conferences"]:
            lines.append(f"  late conferences ({len(icpc['late_conferences'])}):")
            lines += _late_lines(icpc["late_conferences"])
        if icpc["pending"]:
            lines.append(f"  not yet held: {icpc['pending']} child(ren)")
        if icpc.get("not_computable"):
            lines.append(
                f"  NOT COMPUTABLE: {icpc['not_computable']} child(ren) whose due date is past "
                "the calendar's coverage; not counted as on time or late"
            )
    reviews = s["review_timeliness"]
    lines += ["", "Review conferences within timescale"]
    if reviews["assessed"]:
        lines += [
            f"  by child:      {_pct(reviews['by_child'])}",
            f"  by conference: {_pct(reviews['by_conference'])}",
        ]
        if reviews["not_assessed"]["rows"]:
            lines.append(f"  not assessed: {reviews['not_assessed']['rows']} rows")
    else:
        lines.append(f"  not assessed: {reviews['why']}")
    core = s["core_group_timeliness"]
    lines += ["", "First core group within timescale"]
    lines.append(
        f"  by child: {_pct(core['by_child'])}" if core["assessed"] else f"  {core['why']}"
    )
    for action in s["report_deadlines"]:
        flag = " [UNCONFIRMED rule]" if action["unconfirmed"] else ""
        lines.append(
            f"  {action['title']}{flag}: {_pct(action['by_child'])}; "
            f"not recorded: {action['not_recorded']}"
        )
    if "quoracy" in s:
        q = s["quoracy"]
        lines += ["", f"Quoracy ({q['rule']}, {q['confidence']})"]
        lines.append(f"  quorate: {_pct(q['conferences'])}")
        lines += _unrecognised_lines(q, "  ")
        lines += [f"    {p['period']}: {_pct(p['quorate'])}" for p in q["by_period"]]
        lines.append("  agency participation:")
        lines += [
            f"    {p['agency']}: {_pct(p['took_part'])} ({p['basis']})" for p in s["participation"]
        ]
    if s["unconfirmed_rules"]:
        lines += ["", "UNCONFIRMED rules used: " + ", ".join(s["unconfirmed_rules"])]
        lines += [
            f"  {u['rule']} ({u['edition']}): missing {u['missing']}"
            for u in s["unconfirmed_items"]
        ]
    if s["rules_used"]:
        lines += ["", "Rules applied (rule, edition, rows, confidence: source):"]
        lines += [
            f"  {u['rule']} ({u['edition']}), {u['rows']} rows, {u['confidence']}: {u['source']}"
            for u in s["rules_used"]
        ]
    lines += _census_text(s)
    if records["problems"]:
        lines += ["", "Skipped rows:"] + [f"  {p}" for p in records["problems"]]
    return "\n".join(lines)


def _conferences(records: dict[str, Any]) -> str:
    if records["conferences"] is None:
        return "conferences not known (no family link)"
    return f"{records['conferences']} conferences"


def _census_text(s: dict[str, Any]) -> list[str]:
    """Render the sections only a census (or a file without a family link) has."""
    lines: list[str] = []
    icpc = s["initial_conference_timeliness"]
    if icpc.get("assessed") and icpc["by_conference"].get("why"):
        lines += ["", f"By conference: {icpc['by_conference']['why']}."]
    if "dfe_c4" in s:
        c4 = s["dfe_c4"]
        within = c4["within_15_working_days"]
        lines += [
            "",
            f"DfE table C4, census year {c4['year']} (each enquiry counted)",
            f"  section 47 enquiries starting: {c4['section47']} "
            f"({c4['section47_children']} children)",
            f"  initial conferences held: {c4['icpc']} ({c4['icpc_children']} children)",
            "  working days from S47 start: "
            + ", ".join(f"{band}: {count}" for band, count in c4["bands"].items()),
            f"  within 15 working days: {within['count']} ({within['percent']}%); "
            f"p25 {c4['p25']}, median {c4['median']}, p75 {c4['p75']} "
            f"[{c4['percentiles_confidence']} method]",
        ]
        if c4["data_quality"]:
            lines.append(f"  recorded before their S47 start ({len(c4['data_quality'])}):")
            lines += [
                f"    {d['child_id']} {d['location']}: S47 {d['s47_start']}, "
                f"conference {d['icpc_date']}"
                for d in c4["data_quality"]
            ]
    if "recorded_targets" in s:
        t = s["recorded_targets"]
        lines += ["", "Recorded initial conference targets (InitialCPCtarget)"]
        if "why" in t:
            lines.append(f"  not checked: {t['why']}")
            return lines
        lines.append(
            f"  {t['checked']} checked ({t['not_checked']} not), {t['differing']} differ from "
            "the rule set's due date"
        )
        lines += [f"    {cause}: {count}" for cause, count in t["by_likely_cause"].items()]
        lines += [
            f"  {r['child_id']} {r['location']}: S47 {r['s47_start']}, recorded "
            f"{r['recorded']}, due {r['computed']} ({r['working_days_later']:+d} working days); "
            + ("; ".join(r["likely_causes"]) or "cause not recognised")
            for r in t["rows"]
        ]
    return lines


# -- HTML -----------------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
td, th { border: 1px solid #bbb; padding: 0.25rem 0.6rem; text-align: left; }
.figure { font-size: 2rem; font-weight: bold; }
.note { color: #555; font-size: 0.9rem; }
svg text { font-size: 11px; }
"""
_CHILD, _CONFERENCE, _TARGET = "#1d70b8", "#f47738", "#d4351c"


def _bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[float | None]]],
    *,
    maximum: float = 100.0,
    target: float | None = None,
    unit: str = "%",
) -> str:
    """Return a grouped bar chart as inline SVG."""
    width, height, left, bottom, top = 640, 240, 40, 40, 20
    plot_h = height - bottom - top
    group_w = (width - left - 10) / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    parts = [
        f'<svg role="img" aria-label="{html.escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{html.escape(title)}</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" stroke="#333"/>',
    ]
    for tick in (0, 0.5, 1):
        y = top + plot_h * (1 - tick)
        parts.append(f'<text x="2" y="{y + 4:.1f}">{tick * maximum:.0f}{unit}</text>')
    for g, label in enumerate(labels):
        x0 = left + g * group_w + group_w * 0.1
        for s, (name, colour, values) in enumerate(series):
            value = values[g]
            if value is None:
                continue
            h = plot_h * min(value, maximum) / maximum if maximum else 0
            parts.append(
                f'<rect class="bar" x="{x0 + s * bar_w:.1f}" y="{top + plot_h - h:.1f}" '
                f'width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{html.escape(name)} {html.escape(label)}: {value:g}{unit}</title></rect>"
            )
        parts.append(f'<text x="{x0:.1f}" y="{height - bottom + 16}">{html.escape(label)}</text>')
    if target is not None:
        y = top + plot_h * (1 - target / maximum)
        parts.append(
            f'<line class="target" x1="{left}" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" '
            f'stroke="{_TARGET}" stroke-dasharray="6 4"/>'
            f'<text x="{width - 80}" y="{y - 4:.1f}" fill="{_TARGET}">'
            f"target {target:g}{unit}</text>"
        )
    legend_x = left
    for name, colour, _ in series:
        parts.append(
            f'<rect x="{legend_x}" y="{height - 14}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{legend_x + 14}" y="{height - 5}">{html.escape(name)}</text>'
        )
        legend_x += 140
    parts.append("</svg>")
    return "".join(parts)


#: The late conferences' columns, as the text and HTML reports show them.
_LATE = ("conference_id", "conference_date", "children", "working_days", "working_days_late")


def _late_lines(late: Sequence[dict[str, Any]]) -> list[str]:
    """Return the text report's line for each late conference (by columns for a RowTable)."""
    none, rejected = "no reason recorded", " (NOT an accepted reason under this rule set)"
    if isinstance(late, RowTable) and _complete(late):
        c = late.column
        reasons = _reasons(late, none, rejected)
        text = joined("    ", c("conference_id"), " on ", c("conference_date"), ": ",
                      c("children"), " child(ren), ", c("working_days"), " working days, ",
                      c("working_days_late"), " late; ", reasons)  # fmt: skip
        lines: list[str] = text.to_pylist()
        return lines
    return [
        f"    {row['conference_id']} on {row['conference_date']}: {row['children']} "
        f"child(ren), {row['working_days']} working days, {row['working_days_late']} late; "
        f"{_reason(row, none, rejected)}"
        for row in late
    ]


def _late_table(late: Sequence[dict[str, Any]]) -> str:
    """Return the HTML report's table of late conferences (by columns for a RowTable)."""
    header = ["conference", "date", "children", "working days", "late by", "reason"]
    none, rejected = "none recorded", " (not accepted)"
    if not (isinstance(late, RowTable) and _complete(late)):
        rows = [[*(row[name] for name in _LATE), _reason(row, none, rejected)] for row in late]
        return _table(header, rows)
    cells = [html_escaped(late.column(name)) for name in _LATE]
    cells.append(html_escaped(_reasons(late, none, rejected)))
    pieces: list[pa.Array | str] = ["<tr>"]
    for cell in cells:
        pieces += ["<td>", cell, "</td>"]
    body = text_bytes(joined(*pieces, "</tr>"))[1].tobytes().decode("utf-8")  # one string
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _complete(late: RowTable) -> bool:
    """Whether the late conferences can be written a column at a time (no empty values)."""
    return not any(late.column(name).null_count for name in _LATE)


def _reason(row: dict[str, Any], none: str, rejected: str) -> str:
    """Return a late conference's reason for delay as shown (``none`` if not given).

    ``rejected`` is added where the rule set does not accept the reason.
    """
    reason = row["reason_for_delay"] or none
    return reason + rejected if row["reason_accepted"] is False else reason


def _reasons(late: RowTable, none: str, rejected: str) -> pa.Array:
    """Return :func:`_reason` for every row of ``late``, by Arrow."""
    reasons, accepted = late.column("reason_for_delay"), late.column("reason_accepted")
    given = pc.fill_null(pc.greater(pc.binary_length(reasons), 0), False)
    shown = pc.if_else(given, reasons, none)
    refused = pc.fill_null(pc.invert(accepted), False)
    return pc.if_else(refused, pc.binary_join_element_wise(shown, rejected, ""), shown)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _census_html(s: dict[str, Any]) -> list[str]:
    """DfE table C4 and the recorded targets, for a census."""
    body: list[str] = []
    icpc = s["initial_conference_timeliness"]
    if icpc.get("assessed") and icpc["by_conference"].get("why"):
        body.append(
            f'<p class="note">By conference: {html.escape(icpc["by_conference"]["why"])}.</p>'
        )
    if "dfe_c4" in s:
        c4 = s["dfe_c4"]
        body.append(f"<h2>DfE table C4, census year {html.escape(c4['year'])}</h2>")
        body.append(
            _table(
                ["section 47s", "children", "ICPCs", "children", *c4["bands"], "p25", "median",
                 "p75"],
                [[c4["section47"], c4["section47_children"], c4["icpc"], c4["icpc_children"],
                  *c4["bands"].values(), c4["p25"], c4["median"], c4["p75"]]],
            )
        )  # fmt: skip
        body.append(
            f'<p class="note">Percentiles: {html.escape(c4["percentiles_confidence"])}, '
            f"{html.escape(c4['percentiles_note'])}.</p>"
        )
        if c4["data_quality"]:
            body.append("<h3>Conferences recorded before their S47 start</h3>")
            body.append(
                _table(
                    ["child", "where", "S47 start", "conference"],
                    [[d["child_id"], d["location"], d["s47_start"], d["icpc_date"]]
                     for d in c4["data_quality"]],
                )
            )  # fmt: skip
    targets = s.get("recorded_targets")
    if targets and "why" not in targets:
        body.append("<h2>Recorded initial conference targets</h2>")
        body.append(
            f"<p>{targets['checked']} checked; {targets['differing']} differ from the rule "
            "set's due date.</p>"
        )
        body.append(
            _table(
                ["child", "where", "S47 start", "recorded", "due", "working days", "likely cause"],
                [[r["child_id"], r["location"], r["s47_start"], r["recorded"], r["computed"],
                  r["working_days_later"], "; ".join(r["likely_causes"]) or "not recognised"]
                 for r in targets["rows"]],
            )
        )  # fmt: skip
    return body


def render_html(report: ComplianceReport) -> str:
    """Return one self-contained page (no scripts, no external files) with charts."""
    s = report.summary
    esc = html.escape
    body = [
        f"<h1>Child protection compliance: {esc(s['rule_set'])}</h1>",
        f'<p class="note">Source: {esc(str(s["source"]))}. {s["records"]["rows"]} rows, '
        f"{s['records']['children']} children, {esc(_conferences(s['records']))}; "
        f"{s['records']['skipped_rows']} rows skipped. Counting convention {esc(s['counting'])}; "
        f"periods: {esc(s['period'])}.</p>",
        f'<p class="note" id="calendar">{esc(describe_calendar(s["calendar"]))}</p>',
    ]
    icpc = s["initial_conference_timeliness"]
    body.append("<h2>Initial conferences within timescale</h2>")
    if icpc["assessed"]:
        body.append(
            f'<p><span class="figure" id="icpc-by-child">{_pct(icpc["by_child"])}</span> by child; '
            f'<span class="figure" id="icpc-by-conference">{_pct(icpc["by_conference"])}</span> '
            "by conference. Longest wait: "
            f"{icpc['max_working_days']} working days.</p>"
        )
        periods = [p["period"] for p in icpc["by_period"]]
        target = icpc["target"] * 100 if icpc["target"] is not None else None
        body.append(
            _bar_chart(
                "Initial conferences on time by period",
                periods,
                [
                    ("by child", _CHILD, [p["by_child"]["percent"] for p in icpc["by_period"]]),
                    (
                        "by conference",
                        _CONFERENCE,
                        [p["by_conference"]["percent"] for p in icpc["by_period"]],
                    ),
                ],
                target=target,
            )
        )
        bands = icpc["bands"]
        body.append("<h2>Working days from strategy discussion to conference</h2>")
        body.append(
            _bar_chart(
                "Conferences by DfE band of working days",
                list(bands),
                [("conferences", _CHILD, [float(v) for v in bands.values()])],
                maximum=max([1.0, *map(float, bands.values())]),
                unit="",
            )
        )
        if icpc["late_conferences"]:
            body.append("<h3>Late conferences</h3>")
            body.append(_late_table(icpc["late_conferences"]))
    else:
        body.append(f"<p>Not assessed: {esc(icpc['why'])}</p>")
    reviews = s["review_timeliness"]
    body.append("<h2>Review conferences within timescale</h2>")
    if reviews["assessed"]:
        body.append(
            f"<p>{_pct(reviews['by_child'])} by child; {_pct(reviews['by_conference'])} by "
            "conference.</p>"
        )
    else:
        body.append(f"<p>Not assessed: {esc(reviews['why'])}</p>")
    if "quoracy" in s:
        q = s["quoracy"]
        body.append("<h2>Quoracy</h2>")
        body.append(
            f"<p>{_pct(q['conferences'])} quorate under {esc(str(q['rule']))} "
            f"({esc(str(q['confidence']))}).</p>"
        )
        body += [f"<p><strong>{esc(line)}</strong></p>" for line in _unrecognised_lines(q, "")]
        body.append(
            _bar_chart(
                "Quorate conferences by period",
                [p["period"] for p in q["by_period"]],
                [("quorate", _CHILD, [p["quorate"]["percent"] for p in q["by_period"]])],
            )
        )
        body.append("<h3>Agency participation</h3>")
        body.append(
            _table(
                ["agency", "took part", "basis"],
                [[p["agency"], _pct(p["took_part"]), p["basis"]] for p in s["participation"]],
            )
        )
    body += _census_html(s)
    if s["rules_used"]:
        body.append("<h2>Rules applied</h2>")
        body.append(
            _table(
                ["rule", "edition", "rows", "confidence", "source"],
                [
                    [u["rule"], u["edition"], u["rows"], u["confidence"], u["source"]]
                    for u in s["rules_used"]
                ],
            )
        )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Compliance report: {esc(s['rule_set'])}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )
