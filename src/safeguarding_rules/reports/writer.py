"""What every template of the report writes with: the language, figures, dates and HTML parts.

Each indicator's text and HTML templates (``reports/indicators/``) take a :class:`Writer`,
so that one template serves the English report, the Welsh one and the whole-unit report:
the writer translates its messages (English is the source language, so English text is the
messages themselves), formats percentages and dates, and builds the HTML tables and charts.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import attrs

from .i18n import Translator, translator
from .output import html_text

__all__ = ["CHILD_COLOUR", "CONFERENCE_COLOUR", "STYLE", "Writer", "writer"]

#: The HTML pages' style sheet.
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
table { display: block; max-width: 100%; overflow-x: auto; }
td, th { border: 1px solid #bbb; padding: 0.25rem 0.6rem; text-align: left; }
td { white-space: nowrap; } td:last-child { white-space: normal; min-width: 6rem; }
.figure { font-size: 2rem; font-weight: bold; }
.note { color: #555; font-size: 0.9rem; }
svg text { font-size: 11px; }
"""
#: The colour of figures by child in charts.
CHILD_COLOUR = "#1d70b8"
#: The colour of figures by conference in charts.
CONFERENCE_COLOUR = "#f47738"
#: The colour of a target line in charts.
TARGET_COLOUR = "#d4351c"


class _Counted(Protocol):
    @property
    def on_time(self) -> int | None: ...
    @property
    def total(self) -> int | None: ...
    @property
    def percent(self) -> float | None: ...


@attrs.frozen
class Writer:
    """Messages in one language, figures, dates, and HTML building blocks.

    :param long_dates: write dates as ``26 April 2024`` (``26 Ebrill 2024``) rather than
        ``2024-04-26``.
    """

    t: Translator
    long_dates: bool = False

    @property
    def language(self) -> str:
        """``"en"`` or ``"cy"``."""
        return self.t.language

    def _(self, message: str) -> str:
        """Return ``message`` in this language."""
        return self.t.gettext(message)

    def filled(self, text: str, templates: Sequence[str]) -> str:
        """Return ``text`` in this language, where it is one of ``templates`` filled in.

        For messages made in a lower layer with numbers already in them ("counted 3 months
        as calendar days"): each template's ``{name}`` matches digits, and a match is
        translated and filled again. Text matching no template is returned as it is.
        """
        for template in templates:
            found = _template_pattern(template).fullmatch(text)
            if found:
                return self._(template).format(**found.groupdict())
        return text

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Return the form of a counted message for ``n``."""
        return self.t.ngettext(singular, plural, n)

    def pct(self, ratio: _Counted | Mapping[str, Any]) -> str:
        """``78.3% (94 of 120)``; ``n/a (none)`` for none; ``not known`` (said why elsewhere).

        :param ratio: a :class:`~.indicators.Ratio` (or its plain data).
        """
        if isinstance(ratio, Mapping):
            on_time, total, percent = ratio["on_time"], ratio["total"], ratio["percent"]
        else:
            on_time, total, percent = ratio.on_time, ratio.total, ratio.percent
        if total is None:
            return self._("not known")
        if percent is None:
            return self._("n/a (none)")
        return self._("{percent}% ({on_time} of {total})").format(
            percent=f"{percent:.1f}", on_time=on_time, total=total
        )

    def day(self, iso: str | None) -> str:
        """Write a date (or a moment, ``YYYY-MM-DDTHH:MM``) given as ISO text."""
        if not self.long_dates:
            return iso or ""
        if not iso:
            return "-"
        if "T" in iso:
            moment = dt.datetime.fromisoformat(iso)
            return f"{self.t.date(moment.date())} {moment:%H:%M}"
        return self.t.date(dt.date.fromisoformat(iso))

    def number(self, value: float | None, unit: str = "") -> str:
        """``12.5`` (with ``unit``), or ``n/a`` where there is none."""
        return self._("n/a") if value is None else f"{value:g}{unit}"

    @staticmethod
    def esc(text: object) -> str:
        """Escape text for HTML, control and bidirectional characters shown (html_text)."""
        return html_text(str(text))

    @staticmethod
    def heading(text: str, level: int = 2) -> str:
        """Return ``text`` (already in this language) as an escaped HTML heading."""
        return f"<h{level}>{html_text(text)}</h{level}>"

    @staticmethod
    def paragraph(text: str, css: str | None = None) -> str:
        """Return ``text`` (already in this language) as an escaped HTML paragraph."""
        opening = f'<p class="{css}">' if css else "<p>"
        return f"{opening}{html_text(text)}</p>"

    @staticmethod
    def items(lines: Sequence[str]) -> str:
        """Return ``lines`` (already in this language) as an escaped HTML list."""
        return "<ul>" + "".join(f"<li>{html_text(line)}</li>" for line in lines) + "</ul>"

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
        """Return an HTML table of ``rows`` under ``header`` (every cell escaped)."""
        head = "".join(f"<th>{html_text(str(h))}</th>" for h in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{html_text(str(c))}</td>" for c in row) + "</tr>" for row in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def bar_chart(
        self,
        title: str,
        labels: Sequence[str],
        series: Sequence[tuple[str, str, Sequence[float | None]]],
        *,
        maximum: float = 100.0,
        target: float | None = None,
        unit: str = "%",
    ) -> str:
        """Return a grouped bar chart as inline SVG.

        A chart of counts (``unit=""``) has its axis rounded up to an even whole number, so
        that every tick is a whole number. A series with no value at all (figures by
        conference where conferences are not known) is left out, from the legend too.
        """
        series = [entry for entry in series if any(v is not None for v in entry[2])]
        if not unit:
            maximum = float(max(2, math.ceil(maximum / 2) * 2))
        width, height, left, bottom, top = 640, 240, 40, 40, 20
        plot_h = height - bottom - top
        group_w = (width - left - 10) / max(len(labels), 1)
        bar_w = group_w * 0.8 / max(len(series), 1)
        parts = [
            f'<svg role="img" aria-label="{html_text(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
            f"<title>{html_text(title)}</title>",
            f'<line x1="{left}" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" '
            'stroke="#333"/>',
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
                    f"<title>{html_text(name)} {html_text(label)}: {value:g}{unit}</title>"
                    "</rect>"
                )
            parts.append(f'<text x="{x0:.1f}" y="{height - bottom + 16}">{html_text(label)}</text>')
        if target is not None:
            label = html_text(self._("target"))
            y = top + plot_h * (1 - target / maximum)
            parts.append(
                f'<line class="target" x1="{left}" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" '
                f'stroke="{TARGET_COLOUR}" stroke-dasharray="6 4"/>'
                f'<text x="{width - 80}" y="{y - 4:.1f}" fill="{TARGET_COLOUR}">'
                f"{label} {target:g}{unit}</text>"
            )
        legend_x = left
        for name, colour, _ in series:
            parts.append(
                f'<rect x="{legend_x}" y="{height - 14}" width="10" height="10" fill="{colour}"/>'
                f'<text x="{legend_x + 14}" y="{height - 5}">{html_text(name)}</text>'
            )
            legend_x += 140
        parts.append("</svg>")
        return "".join(parts)


def writer(language: str = "en", *, long_dates: bool = False) -> Writer:
    """Return a writer for ``language`` (``"en"`` or ``"cy"``)."""
    return Writer(translator(language), long_dates)


@functools.lru_cache(maxsize=256)
def _template_pattern(template: str) -> re.Pattern[str]:
    """Return a template as a regular expression: its text as is, each ``{name}`` digits."""
    return re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[0-9]+)", re.escape(template)))
