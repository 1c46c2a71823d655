"""Outputs: the compliance report, the due-date worklist, their renderers, and plain data.

* :mod:`.report`: :func:`build_report`, indicators by child and by conference.
* :mod:`.indicators`: one module per indicator (its result class, figures and templates).
* :mod:`.worklist`: :func:`due_actions`, what is due or overdue on a given day.
* :mod:`.render`: the report as text, JSON, CSV or self-contained HTML.
* :mod:`.ics`: the worklist as an iCalendar file.
* :mod:`.output`: writing files atomically and never over an input; CSV cells neutralised
  against formula injection; control characters escaped in text for people.
* :mod:`.quoracy`: quorum decisions for every conference of an attendance file.
* :mod:`.serialise`: :func:`to_data`, the one path from result objects to plain data, and
  :func:`json_chunks`, the same data written as JSON in pieces.
* :mod:`.table`: :class:`~.table.RowTable`, a report's long lists kept as columns.
* :mod:`.schemas`: :func:`json_schema`, the JSON Schemas of that data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .ics import render_ics
    from .indicators import CONFERENCE_UNKNOWN, INDICATORS, Indicator, NotAssessed, NotKnown, Ratio
    from .output import OutputError, csv_text, neutralise_cell, printable, write_file
    from .quoracy import evaluate_attendance, not_as_recorded
    from .render import render_csv, render_csv_chunks, render_html, render_json, render_text
    from .report import DFE_BANDS, ComplianceReport, build_report, period_labels
    from .schemas import SCHEMA_NAMES, json_schema
    from .serialise import json_chunks, to_data
    from .unit import UnitReport, build_unit_report
    from .unit_render import render_unit_html, render_unit_text
    from .unit_worklist import (
        CaseDueAction,
        case_due_actions,
        render_worklist_text,
        undated_text,
        worklist_marks,
    )
    from .worklist import DueAction, Worklist, due_actions, due_horizon

# Loaded on first use: the report and worklist need pyarrow, and ``to_data`` (used by every
# command's ``--format json``) must not pay for it.
__getattr__ = lazy_exports(
    __name__,
    globals(),
    {
        ".indicators": (
            "CONFERENCE_UNKNOWN",
            "INDICATORS",
            "Indicator",
            "NotAssessed",
            "NotKnown",
            "Ratio",
        ),
        ".ics": ("render_ics",),
        ".output": ("OutputError", "csv_text", "neutralise_cell", "printable", "write_file"),
        ".quoracy": ("evaluate_attendance", "not_as_recorded"),
        ".render": ("render_csv", "render_csv_chunks", "render_html", "render_json", "render_text"),
        ".report": ("DFE_BANDS", "ComplianceReport", "build_report", "period_labels"),
        ".schemas": ("SCHEMA_NAMES", "json_schema"),
        ".serialise": ("json_chunks", "to_data"),
        ".unit": ("UnitReport", "build_unit_report"),
        ".unit_render": ("render_unit_html", "render_unit_text"),
        ".unit_worklist": (
            "CaseDueAction",
            "case_due_actions",
            "render_worklist_text",
            "undated_text",
            "worklist_marks",
        ),
        ".worklist": ("DueAction", "Worklist", "due_actions", "due_horizon"),
    },
)

__all__ = [
    "CONFERENCE_UNKNOWN",
    "DFE_BANDS",
    "INDICATORS",
    "SCHEMA_NAMES",
    "CaseDueAction",
    "ComplianceReport",
    "DueAction",
    "Indicator",
    "NotAssessed",
    "NotKnown",
    "OutputError",
    "Ratio",
    "UnitReport",
    "Worklist",
    "build_report",
    "build_unit_report",
    "case_due_actions",
    "csv_text",
    "due_actions",
    "due_horizon",
    "evaluate_attendance",
    "json_chunks",
    "json_schema",
    "neutralise_cell",
    "not_as_recorded",
    "period_labels",
    "printable",
    "render_csv",
    "render_csv_chunks",
    "render_html",
    "render_ics",
    "render_json",
    "render_text",
    "render_unit_html",
    "render_unit_text",
    "render_worklist_text",
    "to_data",
    "undated_text",
    "worklist_marks",
    "write_file",
]
