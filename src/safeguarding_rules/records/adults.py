"""Adult-at-risk enquiry records: one row per enquiry (one report about one adult).

Columns (CSV with a header, or JSON lines):

``enquiry_id`` (required, unique in the file), ``adult_id`` (required),
``report_received_date`` (required: the day the local authority received the report),
``enquiry_concluded_date`` (empty while the enquiries are open), ``strategy_date`` (the
strategy discussion or meeting, if held), ``strategy_required`` (``yes``/``no``, default
``no``: whether the enquiry concluded that a strategy discussion or meeting is needed, so
that one not yet held is due), ``last_plan_meeting_date`` (the latest strategy
meeting, conference or review while an adult protection plan is open), ``plan_end_date``
(the day the plan ended), ``reason_for_delay`` (optional text).

Dates are ISO ``YYYY-MM-DD`` or UK ``DD/MM/YYYY``, inside the calendar's coverage. Every
problem names the file, row, column and value; with ``skip_invalid`` a row with problems is
left out, counted and listed, otherwise the reader raises listing every problem.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from ..calendar import WorkingDayCalendar
from ..rules import AdultEnquiryEvents
from ._checked import in_coverage, not_before, read_checked
from .rows import FieldReader, InputProblem, Row

__all__ = ["ADULT_COLUMNS", "AdultEnquiry", "AdultEnquiryRecords", "read_adult_enquiries"]

#: Every column the reader knows, required ones first.
ADULT_COLUMNS = (
    "enquiry_id",
    "adult_id",
    "report_received_date",
    "enquiry_concluded_date",
    "strategy_date",
    "last_plan_meeting_date",
    "plan_end_date",
    "reason_for_delay",
    "strategy_required",
)
_REQUIRED = ADULT_COLUMNS[:3]


@attrs.frozen(kw_only=True)
class AdultEnquiry:
    """One enquiry, as read."""

    #: Where it came from (file and row), for problems and late lists.
    row: int
    enquiry_id: str
    adult_id: str
    report_received: dt.date
    enquiry_concluded: dt.date | None = None
    strategy: dt.date | None = None
    last_plan_meeting: dt.date | None = None
    plan_end: dt.date | None = None
    reason_for_delay: str | None = None
    #: Whether a strategy discussion or meeting is needed (so one not yet held is due).
    strategy_required: bool = False

    @property
    def events(self) -> AdultEnquiryEvents:
        """The dated events the adult rules count from (plan reviews only while open)."""
        meeting = self.last_plan_meeting
        if meeting is not None and self.plan_end is not None and self.plan_end <= meeting:
            meeting = None
        return AdultEnquiryEvents(
            report_received=self.report_received,
            enquiry_concluded=self.enquiry_concluded,
            previous_plan_meeting=meeting,
        )


@attrs.frozen(kw_only=True)
class AdultEnquiryRecords:
    """The enquiries of one file, and the problems found in it."""

    file: str
    enquiries: tuple[AdultEnquiry, ...]
    problems: tuple[InputProblem, ...] = ()
    skipped_rows: int = 0

    def __len__(self) -> int:
        return len(self.enquiries)


def read_adult_enquiries(
    path: str | Path, calendar: WorkingDayCalendar, *, skip_invalid: bool = False
) -> AdultEnquiryRecords:
    """Read and check an adult-enquiry records file.

    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    found, problems, skipped = read_checked(
        path,
        _REQUIRED,
        lambda row: _read(row, calendar),
        "enquiry_id",
        lambda enquiry: enquiry.enquiry_id,
        skip_invalid=skip_invalid,
    )
    return AdultEnquiryRecords(
        file=str(path), enquiries=tuple(found), problems=tuple(problems), skipped_rows=skipped
    )


def _read(row: Row, calendar: WorkingDayCalendar) -> tuple[AdultEnquiry | None, list[InputProblem]]:
    fields = FieldReader(row)
    enquiry_id = fields.text("enquiry_id")
    adult_id = fields.text("adult_id")
    dates = {
        column: in_coverage(
            fields, calendar, column, fields.date(column, required=column in _REQUIRED)
        )
        for column in ADULT_COLUMNS[2:7]
    }
    received = dates["report_received_date"]
    for column in ("enquiry_concluded_date", "strategy_date", "last_plan_meeting_date"):
        not_before(fields, column, dates[column], received, "the report was received")
    not_before(fields, "plan_end_date", dates["plan_end_date"], received, "the report was received")
    required = fields.yes_no("strategy_required", required=False)
    if fields.problems or enquiry_id is None or adult_id is None or received is None:
        return None, fields.problems
    return (
        AdultEnquiry(
            row=row.number,
            enquiry_id=enquiry_id,
            adult_id=adult_id,
            report_received=received,
            enquiry_concluded=dates["enquiry_concluded_date"],
            strategy=dates["strategy_date"],
            last_plan_meeting=dates["last_plan_meeting_date"],
            plan_end=dates["plan_end_date"],
            reason_for_delay=fields.text("reason_for_delay", required=False),
            strategy_required=bool(required) or dates["strategy_date"] is not None,
        ),
        [],
    )
