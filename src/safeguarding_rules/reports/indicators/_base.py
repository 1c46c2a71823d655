"""What every indicator shares: its inputs, its counts, and the contract of an indicator module.

An indicator module defines a result class (attrs, frozen), a ``compute`` function over the
columns it owns, and its text and HTML templates, and exports one :class:`Indicator`.
:func:`~safeguarding_rules.reports.report.build_report` loops over a tuple of them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from ...calendar import WorkingDayCalendar
from ...records import ConferenceAttendance, ConferenceRecords
from ...rules import Counting, Period, QuorumResult, ReportingPolicy, RuleSet
from ..writer import Writer
from ._quorum import decide_quorums

if TYPE_CHECKING:  # the census reader needs lxml, which a report on a CSV file never loads
    from ...records.cin_census import CensusReturn

__all__ = [
    "CONFERENCE_UNKNOWN",
    "Computed",
    "Indicator",
    "NotAssessed",
    "NotKnown",
    "Ratio",
    "ReportInputs",
    "RowVerdicts",
    "RuleUse",
    "Status",
]

Dates = npt.NDArray[np.datetime64]
R = TypeVar("R")

#: Why a census (or an Annex A list) cannot be counted by conference.
CONFERENCE_UNKNOWN = (
    "not known: the file has no family link, so the children seen at one conference cannot "
    "be grouped; every figure here counts children (each enquiry separately)"
)


@attrs.frozen
class Ratio:
    """How many of a total were on time (or quorate, or took part), and the percentage."""

    on_time: int
    total: int
    #: Rounded to one decimal place; ``None`` when the total is 0.
    percent: float | None

    @classmethod
    def of(cls, on_time: int, total: int) -> Ratio:
        """Return the ratio ``on_time`` of ``total``."""
        return cls(on_time, total, round(100 * on_time / total, 1) if total else None)


@attrs.frozen(kw_only=True)
class NotKnown:
    """A figure the file cannot give (by conference, for a file with no family link)."""

    on_time: None = None
    total: None = None
    percent: None = None
    #: Why it is not known.
    why: str


@attrs.frozen(kw_only=True)
class NotAssessed:
    """An indicator the records (or the rule set) do not allow, and why."""

    assessed: bool = False
    why: str


class Status:
    """Each row's status in the CSV output, by its code (an index into :attr:`NAMES`)."""

    NAMES = ("", "pending", "not_assessed", "on_time", "late")
    PENDING, NOT_ASSESSED, ON_TIME, LATE = 1, 2, 3, 4


@attrs.frozen(kw_only=True, eq=False)
class RuleUse:
    """Which version of a rule each row used (for the report's ``rules_used``)."""

    rule_id: str
    #: An index into ``rule_set.versions(rule_id)`` per row; negative where none applied.
    version: npt.NDArray[np.int64]
    #: The rows the rule was applied to.
    rows: npt.NDArray[np.bool_]


@attrs.frozen(kw_only=True, eq=False)
class RowVerdicts:
    """An indicator's per-row results for the CSV, for the rows it owns (``rows``).

    Indicators own disjoint rows (initial conferences, reviews), so the report joins them in
    any order.
    """

    rows: npt.NDArray[np.bool_]
    #: A :class:`Status` code per row.
    status: npt.NDArray[np.int8]
    due: Dates
    #: Working days from the start to the event (-1: none).
    working_days: npt.NDArray[np.int32] | None = None
    #: Working days late (-1: none).
    days_late: npt.NDArray[np.int32] | None = None


@attrs.frozen(kw_only=True, eq=False)
class Computed(Generic[R]):
    """What an indicator's ``compute`` returns: its result, and what it did per row."""

    result: R | NotAssessed
    verdicts: RowVerdicts | None = None
    rules: tuple[RuleUse, ...] = ()


@attrs.frozen(kw_only=True, eq=False, slots=False)
class ReportInputs:
    """What every indicator reads: the checked records, the rule set and the conventions."""

    records: ConferenceRecords
    rule_set: RuleSet
    #: The calendar days are counted on (with the rule set's overlay, if asked for).
    calendar: WorkingDayCalendar
    counting: Counting
    period: Period
    year_start: int
    policy: ReportingPolicy
    attendance: Sequence[ConferenceAttendance] = ()
    #: Whether the file says which children were seen together at one conference.
    conferences_known: bool = True
    #: For a CIN census, its section 47 enquiries (for the DfE's figures).
    census: CensusReturn | None = None

    @functools.cached_property
    def first_of_conference(self) -> npt.NDArray[np.bool_]:
        """Where each row is its conference's first (so counts by conference count it once)."""
        first = np.zeros(len(self.records), dtype=bool)
        first[self.records.first_of_conference()] = True
        return first

    @functools.cached_property
    def quorum_results(self) -> list[tuple[dt.date | None, QuorumResult, ConferenceAttendance]]:
        """Each attendance file conference's quorum and date (from the records if need be)."""
        return decide_quorums(self.records, self.rule_set, self.attendance)


@attrs.frozen(kw_only=True)
class Indicator(Generic[R]):
    """One indicator of the report: its JSON key, how it is computed and shown.

    :param key: the key of its section in the report's JSON (``"review_timeliness"``).
    :param compute: its figures from the inputs; ``None`` where the indicator has no place
        in this report (the DfE's census figures, for a file that is not a census).
    :param text: its lines in the text report (and the whole-unit report), in the writer's
        language.
    :param html: its part of the HTML page.
    :param results: the classes its result may be, for the report's JSON Schema.
    :param optional: whether ``compute`` may leave it out of a report.
    """

    key: str
    compute: Callable[[ReportInputs], Computed[R] | None]
    text: Callable[[R | NotAssessed, Writer], list[str]]
    html: Callable[[R | NotAssessed, Writer], list[str]]
    #: The classes its result may be (besides :class:`NotAssessed`), for its JSON Schema.
    results: tuple[type[Any], ...] = ()
    #: Whether some reports leave it out (``compute`` may return ``None``).
    optional: bool = False
