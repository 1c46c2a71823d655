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

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa

from ..calendar import WorkingDayCalendar
from ..rules import VOCABULARY, Vocabulary, normalise
from .conferences import ConferenceRecords
from .located import FIELDS, LocatedRows, check_located
from .mapping import match_headings
from .rows import InputErrors, InputProblem
from .workbook import ExcelReader, as_dates, as_ids, header_row, open_workbook, read_sheet

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
#: Answers that count as not given.
_UNANSWERED = ("", "unknown", "c unknown", "not known")


def _answer(text: str, vocabulary: Vocabulary) -> str | None:
    """Read an answer through the vocabulary: ``yes``, ``no``, ``""`` (none), or None."""
    if normalise(text) in _UNANSWERED:
        return ""
    return vocabulary.yes_no.lookup(text)


def _find_sheet(
    workbook: ExcelReader, names: Sequence[str], number: int, fields: Mapping[str, Sequence[str]]
) -> tuple[str, int] | None:
    """Find the sheet holding List ``number`` and its heading row: by name, else by headings.

    A sheet is taken by its headings alone only when they name every required field.
    """

    def score(row: Sequence[str]) -> int:
        return len(match_headings([str(cell) for cell in row], fields))

    def is_list(name: str) -> bool:
        squashed = normalise(name).replace(" ", "")
        rest = squashed.removeprefix(f"list{number}")
        return rest != squashed and not rest[:1].isdigit()

    named = [name for name in names if is_list(name)]
    best: tuple[int, str, int] | None = None
    for name in named or names:
        row, found = header_row(workbook, name, score)
        if best is None or found > best[0]:
            best = (found, name, row)
    required = _REQUIRED_5 if number == 5 else _REQUIRED_7
    if best is None or (not named and best[0] < len(required)):
        return None
    return best[1], best[2]


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
    names = list(workbook.sheet_names)
    kinds: dict[str, dict[str, str]] = {}
    rows = LocatedRows(names=FIELDS, kinds=kinds, separator=", column ")
    problems: list[InputProblem] = []
    found_any = False
    for number, fields, required in ((5, LIST_5, _REQUIRED_5), (7, LIST_7, _REQUIRED_7)):
        located = _find_sheet(workbook, names, number, fields)
        if located is None:
            continue
        sheet, header = located
        columns = read_sheet(workbook, sheet, header_row=header)
        headings = match_headings(list(columns), fields)
        missing = [field for field in required if field not in headings]
        if missing:
            problems.append(
                InputProblem(
                    file, header + 1, None, None,
                    f"sheet {sheet!r} (List {number}) has no heading for: "
                    + "; ".join(repr(fields[field][0]) for field in missing)
                    + f". Headings found: {', '.join(repr(h) for h in columns)}",
                    location=f"sheet {sheet!r}, row {header + 1}",
                )
            )  # fmt: skip
            continue
        found_any = True
        kind = f"List {number}"
        kinds[kind] = {field: repr(heading) for field, heading in headings.items()}
        if number == 5:
            _list_5(rows, problems, file, sheet, header, columns, headings, vocabulary)
        else:
            _list_7(rows, sheet, header, columns, headings)
    if not found_any:
        if problems:
            raise InputErrors(problems)
        raise InputErrors(
            [
                InputProblem(
                    file, 0, None, None,
                    "not an Ofsted Annex A workbook: no sheet 'List 5' or 'List 7' with the "
                    f"expected headings (sheets: {', '.join(repr(n) for n in names)})",
                )
            ]
        )  # fmt: skip
    return check_located(
        rows,
        calendar,
        file=file,
        action_rules=action_rules,
        skip_invalid=skip_invalid,
        problems=problems,
        vocabulary=vocabulary,
    )


def _place(sheet: str, header: int, count: int) -> list[str]:
    """``sheet 'List 5', row 12`` for each data row (the heading row is row ``header + 1``)."""
    return [f"sheet {sheet!r}, row {header + 2 + i}" for i in range(count)]


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
    problems: list[InputProblem],
    file: str,
    sheet: str,
    header: int,
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
    places = _place(sheet, header, len(ids))
    for i in range(len(ids)):
        if not (ids[i] or starts[i] or held[i]):
            continue  # a blank row
        answers = []
        for field, value in (("unnecessary", unnecessary[i]), ("resulted_in_plan", plan[i])):
            answer = _answer(value, vocabulary)
            if answer is None:
                problems.append(
                    InputProblem(
                        file, header + 2 + i, field, value, "expected Yes or No (or a) Yes, b) No)",
                        location=f"{places[i]}, column {headings[field]!r}",
                    )
                )  # fmt: skip
            answers.append(answer)
        if None in answers:
            continue
        if not held[i] and answers[0] == "yes":
            continue  # no conference was needed
        values = {
            "child_id": ids[i],
            "conference_id": f"{sheet} row {header + 2 + i}",
            "conference_type": "initial",
            "conference_date": held[i],
            "strategy_discussion_date": starts[i],
        }
        if held[i] and answers[1] == "no":
            values["plan_end_date"] = held[i]  # no plan followed: no review is due
        rows.add(places[i], "List 5", values)


def _list_7(
    rows: LocatedRows,
    sheet: str,
    header: int,
    columns: Mapping[str, pa.Array],
    headings: Mapping[str, str],
) -> None:
    ids, reviews, ends = _texts(
        columns, headings, child_id=as_ids, conference_date=as_dates, plan_end_date=as_dates
    )
    places = _place(sheet, header, len(ids))
    for i in np.flatnonzero(np.array([bool(r) for r in reviews], dtype=bool)).tolist():
        rows.add(
            places[i],
            "List 7",
            {
                "child_id": ids[i],
                "conference_id": f"{sheet} row {header + 2 + i}",
                "conference_type": "review",
                "conference_date": reviews[i],
                "plan_end_date": ends[i],
            },
        )
