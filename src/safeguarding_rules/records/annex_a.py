"""The Ofsted Annex A workbook: List 5 and List 7, read into conference records.

List 5 holds section 47 enquiries and initial conferences, List 7 child protection plans.

What is read:

* **List 5**, one row per section 47 enquiry: "Child Unique ID", "Strategy discussion
  initiating Section 47 Enquiry Start Date", "Was an Initial Child Protection Conference
  deemed unnecessary?", "Date of Initial Child Protection Conference" and, if present,
  "Did the Initial Child Protection Conference Result in a Child Protection Plan". Each
  row with a start date becomes an initial conference (held, or not yet held unless it was
  deemed unnecessary).
* **List 7**, one row per plan: "Child Unique ID", "Child Protection Plan Start Date",
  "Date of latest review conference" and "Child Protection Plan End Date". A row with a
  latest review becomes a review conference whose previous conference is not in the list
  (so it is not assessed for timeliness, but the next review is due from it).

Everything else (characteristics, the other lists) is ignored. Headings are matched
loosely (:func:`~.mapping.match_headings`), sheets by name (``List 5``) or, failing that,
by their headings. Answers may be ``Yes``/``No``, ``Y``/``N`` or ``a) Yes``/``b) No``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs
import numpy as np
import pyarrow as pa

from .._dates import parse_date
from ..calendar import WorkingDayCalendar
from ..rules import VOCABULARY, Vocabulary, normalise
from .conferences import ConferenceRecords
from .located import FIELDS, LocatedRows, check_located, name_child
from .mapping import match_headings
from .plans import PlanRecords, PlanRow
from .rows import InputErrors, InputProblem
from .workbook import (
    Workbook,
    as_dates,
    as_ids,
    formula_problem,
    formulas_in,
    header_row,
    open_workbook,
    read_sheet,
)

__all__ = ["LIST_5", "LIST_7", "read_annex_a"]

#: List 5 fields -> the headings known for them (the first is Ofsted's current wording).
LIST_5: Mapping[str, Sequence[str]] = {
    "child_id": ("Child Unique ID", "Child ID", "Child Unique Identifier"),
    "strategy_discussion_date": (
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Section 47 Enquiry Start Date",
        "S47 Enquiry Start Date",
    ),
    "unnecessary": (
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "ICPC deemed unnecessary",
    ),
    "conference_date": (
        "Date of Initial Child Protection Conference",
        "Initial Child Protection Conference Date",
        "ICPC Date",
    ),
    "resulted_in_plan": (
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "ICPC resulted in a Child Protection Plan",
    ),
}
#: List 7 fields -> the headings known for them.
LIST_7: Mapping[str, Sequence[str]] = {
    "child_id": LIST_5["child_id"],
    "plan_start_date": ("Child Protection Plan Start Date", "CPP Start Date"),
    "conference_date": (
        "Date of latest review conference",
        "Date of last review conference",
        "Latest Review Conference Date",
    ),
    "plan_end_date": ("Child Protection Plan End Date", "CPP End Date"),
}
_REQUIRED_5 = ("child_id", "strategy_discussion_date", "conference_date")
_REQUIRED_7 = ("child_id", "plan_start_date", "conference_date")
#: The fields whose values are read from each list (a formula with no value there is named).
_READ_5 = ("child_id", "strategy_discussion_date", "conference_date", "unnecessary",
           "resulted_in_plan")  # fmt: skip
_READ_7 = ("child_id", "conference_date", "plan_end_date")
#: Answers that count as not given.
_UNANSWERED = ("", "unknown", "c unknown", "not known")


def _answer(text: str, vocabulary: Vocabulary) -> str | None:
    """Read an answer through the vocabulary: ``yes``, ``no``, ``""`` (none), or None."""
    if normalise(text) in _UNANSWERED:
        return ""
    return vocabulary.yes_no.lookup(text)


def _find_sheet(
    workbook: Workbook,
    number: int,
    fields: Mapping[str, Sequence[str]],
    required: Sequence[str],
) -> tuple[str, int] | None:
    """Find the sheet holding List ``number`` and its heading row: by name, else by headings.

    A sheet is taken by its headings alone only when they name every required field.

    :raises InputErrors: if more than one sheet is List ``number`` (by name, or failing
        that by its headings): one of them would be read and the others left out.
    """

    def score(row: Sequence[str]) -> int:
        return len(match_headings([str(cell) for cell in row], fields))

    def is_list(name: str) -> bool:
        squashed = normalise(name).replace(" ", "")
        rest = squashed.removeprefix(f"list{number}")
        return rest != squashed and not rest[:1].isdigit()

    names = workbook.sheet_names
    named = [name for name in names if is_list(name)]
    found = [(name, *header_row(workbook, name, score)) for name in named or names]
    if not named:
        found = [(name, row, score) for name, row, score in found if score >= len(required)]
    if len(found) > 1:
        sheets = ", ".join(repr(name) for name, _, _ in found)
        how = "names say" if named else "headings say"
        raise InputErrors(
            [
                InputProblem(
                    workbook.file, 0, None, None,
                    f"{len(found)} sheets' {how} they are List {number}: keep one (rename or "
                    "delete the others), so that none is read in place of another",
                    location=f"sheets {sheets}",
                )
            ]
        )  # fmt: skip
    if not found:
        return None
    return found[0][0], found[0][1]


def read_annex_a(
    path: str | Path,
    calendar: WorkingDayCalendar,
    *,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
) -> ConferenceRecords:
    """Read List 5 and List 7 of an Ofsted Annex A workbook as conference records.

    Answers (``a) Yes``, ``N``) are read through ``vocabulary``.

    :param action_rules: rule ids whose ``<rule id>_date`` columns to read; Annex A has
        none, so they are empty.
    :raises InputErrors: for a workbook that is not an Annex A (or is password-protected),
        and listing every problem unless ``skip_invalid``.
    """
    file = str(path)
    workbook = open_workbook(path)
    kinds: dict[str, dict[str, str]] = {}
    rows = LocatedRows(
        names=FIELDS, kinds=kinds, separator=", column ", child_label="Child Unique ID"
    )
    problems: list[InputProblem] = []
    skipped = 0
    found_any = False
    plans: list[PlanRow] = []
    for number, fields, required in ((5, LIST_5, _REQUIRED_5), (7, LIST_7, _REQUIRED_7)):
        located = _find_sheet(workbook, number, fields, required)
        if located is None:
            continue
        sheet, header = located
        columns = read_sheet(workbook, sheet, header_row=header)
        headings = match_headings(list(columns), fields)
        # The sheet's own row number of the headings (rows above the first used one are
        # blank, and not read).
        heading_row = workbook.scan(sheet).first_row + header + 1
        missing = [field for field in required if field not in headings]
        if missing:
            problems.append(
                InputProblem(
                    file, heading_row, None, None,
                    f"sheet {sheet!r} (List {number}) has no heading for: "
                    + "; ".join(repr(fields[field][0]) for field in missing)
                    + f". Headings found: {', '.join(repr(h) for h in columns)}",
                    location=f"sheet {sheet!r}, row {heading_row}",
                )
            )  # fmt: skip
            continue
        found_any = True
        kind = f"List {number}"
        kinds[kind] = {field: repr(heading) for field, heading in headings.items()}
        read = _READ_5 if number == 5 else _READ_7
        sheet_rows = _Rows(
            file=file,
            sheet=sheet,
            first=heading_row + 1,
            formulas=formulas_in(
                workbook, sheet, header, list(columns), [headings[f] for f in read if f in headings]
            ),
            problems=problems,
        )
        if number == 5:
            _list_5(rows, sheet_rows, columns, headings, vocabulary)
        else:
            plans += _list_7(rows, sheet_rows, columns, headings)
        skipped += sheet_rows.skipped
    if not found_any:
        if problems:
            raise InputErrors(problems)
        names = workbook.sheet_names
        raise InputErrors(
            [
                InputProblem(
                    file, 0, None, None,
                    "not an Ofsted Annex A workbook: no sheet 'List 5' or 'List 7' with the "
                    f"expected headings (sheets: {', '.join(repr(n) for n in names)})",
                )
            ]
        )  # fmt: skip
    records = check_located(
        rows,
        calendar,
        file=file,
        action_rules=action_rules,
        skip_invalid=skip_invalid,
        problems=problems,
        skipped=skipped,
        vocabulary=vocabulary,
    )
    return attrs.evolve(records, plans=PlanRecords.of(plans, every_review=False))


@attrs.define
class _Rows:
    """A list's data rows: where each is, and those holding a formula saved with no value."""

    file: str
    sheet: str
    #: The sheet's row number of the first data row.
    first: int
    #: 0-based data row -> (heading, cell, formula) of each formula saved with no value.
    formulas: Mapping[int, Sequence[tuple[str, str, str]]]
    problems: list[InputProblem]
    skipped: int = 0

    def number(self, index: int) -> int:
        """Return the sheet's row number of data row ``index`` (0-based)."""
        return self.first + index

    def place(self, index: int) -> str:
        """Return ``sheet 'List 5', row 12`` for data row ``index``."""
        return f"sheet {self.sheet!r}, row {self.number(index)}"

    def readable(self, count: int) -> Iterator[int]:
        """Yield the data rows to read, of ``count``, after naming those holding a formula.

        A row holding a formula saved with no value (which may lie past the last row read,
        if nothing else is in it) is a problem for each such cell, and is skipped.
        """
        for index, cells in sorted(self.formulas.items()):
            for heading, cell, formula in cells:
                self.problems.append(
                    formula_problem(
                        self.file, self.number(index), self.place(index), heading, cell, formula
                    )
                )
            self.skipped += 1
        for index in range(count):
            if index not in self.formulas:
                yield index


def _texts(
    columns: Mapping[str, pa.Array],
    headings: Mapping[str, str],
    **fields: Callable[[pa.Array], pa.Array] | None,
) -> list[list[str]]:
    """Each field's column as Python strings, read by its function (empty if not present)."""
    n = len(next(iter(columns.values()))) if columns else 0
    found = []
    for field, read in fields.items():
        heading = headings.get(field)
        column = columns[heading] if heading is not None else pa.array([""] * n, pa.string())
        found.append((read(column) if read else column).to_pylist())
    return found


def _list_5(
    rows: LocatedRows,
    sheet: _Rows,
    columns: Mapping[str, pa.Array],
    headings: Mapping[str, str],
    vocabulary: Vocabulary,
) -> None:
    ids, starts, held, unnecessary, plan = _texts(
        columns,
        headings,
        child_id=as_ids,
        strategy_discussion_date=as_dates,
        conference_date=as_dates,
        unnecessary=None,
        resulted_in_plan=None,
    )
    for i in sheet.readable(len(ids)):
        if not (ids[i] or starts[i] or held[i]):
            continue  # a blank row
        place = sheet.place(i)
        answers = []
        for field, value in (("unnecessary", unnecessary[i]), ("resulted_in_plan", plan[i])):
            answer = _answer(value, vocabulary)
            if answer is None:
                sheet.problems.append(
                    InputProblem(
                        sheet.file, sheet.number(i), field, value,
                        "expected Yes or No (or a) Yes, b) No)",
                        location=name_child(
                            f"{place}, column {headings[field]!r}",
                            "Child Unique ID", ids[i], ", column ",
                        ) if ids[i] else f"{place}, column {headings[field]!r}",
                    )
                )  # fmt: skip
            answers.append(answer)
        if None in answers:
            continue
        if not held[i] and answers[0] == "yes":
            continue  # no conference was needed
        values = {
            "child_id": ids[i],
            "conference_id": f"{sheet.sheet} row {sheet.number(i)}",
            "conference_type": "initial",
            "conference_date": held[i],
            "strategy_discussion_date": starts[i],
        }
        if held[i] and answers[1] == "no":
            values["plan_end_date"] = held[i]  # no plan followed: no review is due
        rows.add(place, "List 5", values, row=sheet.number(i))


def _list_7(
    rows: LocatedRows,
    sheet: _Rows,
    columns: Mapping[str, pa.Array],
    headings: Mapping[str, str],
) -> list[PlanRow]:
    """Read List 7: each latest review as a review conference, and every plan as a plan.

    :returns: each plan whose dates could be read, for the worklist (a plan with no review
        yet has its first review due from its start).
    """
    ids, starts, reviews, ends = _texts(
        columns,
        headings,
        child_id=as_ids,
        plan_start_date=as_dates,
        conference_date=as_dates,
        plan_end_date=as_dates,
    )
    plans: list[PlanRow] = []
    for i in sheet.readable(len(ids)):
        start, end, review = (_plan_day(value) for value in (starts[i], ends[i], reviews[i]))
        if ids[i] and start is not None and end is not None and review is not None:
            listed = () if np.isnat(review) else (review,)  # List 7 holds the latest only
            plans.append((ids[i], sheet.place(i), start, end, listed))
        if not reviews[i]:
            continue  # no review yet
        rows.add(
            sheet.place(i),
            "List 7",
            {
                "child_id": ids[i],
                "conference_id": f"{sheet.sheet} row {sheet.number(i)}",
                "conference_type": "review",
                "conference_date": reviews[i],
                "plan_end_date": ends[i],
            },
            row=sheet.number(i),
        )
    return plans


def _plan_day(text: str) -> np.datetime64 | None:
    """Read a List 7 date for the plans: NaT where empty, ``None`` where not a date.

    (A review's or an end's date that is not a date is a problem of its review record; a
    start that is not a date leaves the plan out of the worklist, said there.)
    """
    if not text:
        return np.datetime64("NaT", "D")
    try:
        return np.datetime64(parse_date(text), "D")
    except ValueError:
        return None
