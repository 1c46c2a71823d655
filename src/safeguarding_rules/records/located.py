"""Checking records read from a workbook or an XML return, with problems located there.

The conference checker (:func:`~.conferences.check_conference_columns`) names problems by
row number and our column names. A census return or a workbook has neither: its records
are XML elements (``Child[412]/CINdetails[1]/Section47[2]``) or rows of one of several
sheets. The readers here collect records in :class:`LocatedRows`, which numbers them and
remembers where each came from; :func:`check_located` runs the shared checks and rewrites
each problem to name the element or the sheet cell instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
import numpy as np
import pyarrow as pa

from ..calendar import WorkingDayCalendar
from ..rules import VOCABULARY, Vocabulary
from .conferences import DATE_COLUMNS, REQUIRED, ConferenceRecords, Table, check_conference_columns
from .rows import InputErrors, InputProblem

__all__ = ["FIELDS", "LocatedRows", "check_located", "name_child"]

#: Every canonical column a reader may fill (besides ``<rule id>_date`` action columns).
FIELDS = (
    *REQUIRED,
    *DATE_COLUMNS,
    "previous_conference_type",
    "family_id",
    "reason_for_delay",
)


@attrs.define
class LocatedRows:
    """Canonical text columns built one record at a time, each with where it came from.

    ``kinds`` names, for each kind of record, the source's own name for each of our
    columns: an element under the record's element, or a sheet's heading. ``separator``
    joins a record's place to that name (``"/"`` for XML, ``", column "`` for sheets).
    """

    #: Our column names.
    names: Sequence[str]
    #: For each kind of record, our column name -> the source's name for it.
    kinds: Mapping[str, Mapping[str, str]]
    #: Joins a place and a field name.
    separator: str
    #: The source's name for a child's id (``LAchildID``), to name the child in a problem.
    child_label: str | None = None
    _values: dict[str, list[str]] = attrs.field(init=False, factory=dict)
    _places: list[str] = attrs.field(init=False, factory=list)
    _kind_of: list[str] = attrs.field(init=False, factory=list)
    _rows: list[int] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        self._values = {name: [] for name in self.names}

    def add(self, place: str, kind: str, values: Mapping[str, str], *, row: int = 0) -> None:
        """Add one record of ``kind`` found at ``place``; missing columns are empty.

        :param row: the sheet's row number of the record (0 for a source without rows).
        """
        for name, column in self._values.items():
            column.append(values.get(name, ""))
        self._places.append(place)
        self._kind_of.append(kind)
        self._rows.append(row)

    def __len__(self) -> int:
        return len(self._places)

    def recorded(self) -> frozenset[str]:
        """Return the columns the source records: named by a kind of record, or given."""
        named = {name for fields in self.kinds.values() for name in fields}
        given = {name for name, values in self._values.items() if any(values)}
        return frozenset(named | given)

    def table(self) -> Table:
        """Return the columns as Arrow string arrays."""
        return {name: pa.array(values, type=pa.string()) for name, values in self._values.items()}

    def place(self, index: int, column: str | None = None) -> str:
        """Where record ``index`` (0-based) came from, down to ``column`` if it has one."""
        place = self._places[index]
        field = self.kinds[self._kind_of[index]].get(column or "")
        return f"{place}{self.separator}{field}" if field else place

    def locate(self, problem: InputProblem) -> InputProblem:
        """Rewrite a problem found by record number to name the record's own place and row.

        The child is named by the id as written, after the place's first part
        (``Child[3] (LAchildID 000123/A)/CINdetails[1]/...``, ``sheet 'List 5', row 12
        (Child Unique ID 000123/A), column ...``).
        """
        index = problem.row - 1
        if not 0 <= index < len(self._places):
            return problem
        place = self.place(index, problem.column)
        child = self._values.get("child_id", [""] * len(self._places))[index]
        if self.child_label and child:
            place = name_child(place, self.child_label, child, self.separator)
        return attrs.evolve(problem, row=self._rows[index], location=place)


def name_child(place: str, label: str, child: str, separator: str = "/") -> str:
    """Return ``place`` with the child named after its first part (before ``separator``)."""
    head, found, rest = place.partition(separator)
    return f"{head} ({label} {child}){found}{rest}"


def check_located(
    rows: LocatedRows,
    calendar: WorkingDayCalendar,
    *,
    file: str,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    problems: Sequence[InputProblem] = (),
    skipped: int = 0,
    vocabulary: Vocabulary = VOCABULARY,
) -> ConferenceRecords:
    """Run the shared conference checks on ``rows``, naming each problem's element or cell.

    :param problems: problems the reader found itself (already located).
    :param skipped: records the reader left out because of those problems.
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    numbers = np.arange(1, len(rows) + 1, dtype=np.int64)
    try:
        records = check_conference_columns(
            rows.table(),
            numbers,
            calendar,
            file=file,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            vocabulary=vocabulary,
            recorded=rows.recorded(),
        )
    except InputErrors as error:
        raise InputErrors(
            _in_sheet_order([*problems, *(rows.locate(p) for p in error.problems)])
        ) from None
    located = _in_sheet_order([*problems, *(rows.locate(p) for p in records.problems)])
    if located and not skip_invalid:
        raise InputErrors(located)
    return attrs.evolve(
        records, problems=tuple(located), skipped_rows=records.skipped_rows + skipped
    )


def _in_sheet_order(problems: list[InputProblem]) -> list[InputProblem]:
    """List a workbook's problems by sheet (in the order first met), then row.

    The reader's own problems (a coded answer it cannot read) and the checks' (a date
    before another) are found in two passes; a person reads them down the sheet. Problems
    located otherwise (a census's XML paths) keep their order.
    """
    sheets: dict[str, int] = {}

    def place(problem: InputProblem) -> tuple[int, int]:
        where = problem.location or ""
        if not where.startswith("sheet "):
            return (0, 0)
        sheet = where.split(", row ", 1)[0]
        return (sheets.setdefault(sheet, len(sheets)), problem.row)

    return sorted(problems, key=place)
