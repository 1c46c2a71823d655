"""A council's own export (CSV or workbook) read through a TOML mapping; heading matching.

The loose heading matching here is shared by every reader of other people's files.

**Heading matching.** Published headings drift between years and councils retype them:
case, spacing, punctuation, non-breaking spaces and small changes of wording. A heading
matches a field when its normalised form (the vocabulary's
:func:`~safeguarding_rules.normalise`: case, accents, apostrophes, spacing and punctuation
ignored) equals one of the field's known headings or, failing that, when it is close to
one (difflib's ratio at least :data:`CLOSE_ENOUGH`) and no other heading is as close.

Conference types are read through the vocabulary (``ICPC``, ``Review CPC``, ...) after
the mapping's own ``[values]``, so a mapping needs to list only the codes the vocabulary
does not know.

**The mapping file** names, for each of our fields (see
:mod:`~safeguarding_rules.records.conferences`), the export's heading (or several
candidate headings), and optionally translates coded values::

    [columns]
    child_id = "Person ID"
    conference_id = "Meeting ID"
    conference_type = "Meeting Type"
    conference_date = "Meeting Date"
    strategy_discussion_date = ["Strategy Discussion Date", "Strategy Meeting Date"]

    [values.conference_type]
    initial = ["Initial Child Protection Conference", "ICPC"]
    review = ["Review Child Protection Conference", "RCPC"]

    [workbook]
    sheet = "Conferences"   # a workbook's sheet (default: the first)
"""

from __future__ import annotations

import csv
import difflib
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..calendar import WorkingDayCalendar
from ..rules import VOCABULARY, Vocabulary, normalise
from .conferences import STRUCTURED, ConferenceRecords, Table, check_conference_columns
from .csv_file import load_csv
from .located import FIELDS
from .rows import InputErrors, InputProblem
from .workbook import (
    as_dates,
    as_ids,
    formula_problem,
    formulas_in,
    header_row,
    is_workbook,
    open_workbook,
    read_sheet,
)

__all__ = [
    "CLOSE_ENOUGH",
    "ColumnMapping",
    "match_headings",
    "read_mapped_records",
    "read_mapping",
]

#: How alike (difflib ratio, 0 to 1) a heading must be to a known one to match it.
CLOSE_ENOUGH = 0.85


def match_headings(headings: Sequence[str], fields: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Match each field (by its known headings) to one of ``headings``.

    :returns: field -> the heading as found, for the fields that matched. A heading is
        used for one field at most; exact (normalised) matches are made first.
    """
    found = {normalise(heading): heading for heading in headings if heading}
    matched: dict[str, str] = {}
    for field, known in fields.items():
        for name in known:
            heading = found.get(normalise(name))
            if heading is not None and heading not in matched.values():
                matched[field] = heading
                break
    free = {key: heading for key, heading in found.items() if heading not in matched.values()}
    for field, known in fields.items():
        if field in matched:
            continue
        scores = sorted(
            (
                (max(difflib.SequenceMatcher(None, normalise(name), key).ratio()
                     for name in known), key)
                for key in free
            ),
            reverse=True,
        )  # fmt: skip
        if not scores or scores[0][0] < CLOSE_ENOUGH:
            continue
        if len(scores) > 1 and scores[1][0] == scores[0][0]:
            continue  # two headings as close: do not guess
        heading = free.pop(scores[0][1])
        matched[field] = heading
    return matched


_IDS = ("child_id", "conference_id", "family_id")


@attrs.frozen(kw_only=True)
class ColumnMapping:
    """Which of an export's headings holds each of our fields, and how to read its codes."""

    #: Where the mapping came from.
    source: str
    #: Our field -> the export's candidate headings (the first found is used).
    columns: Mapping[str, tuple[str, ...]]
    #: Our field -> (their value, normalised -> our value).
    values: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    #: The sheet to read in a workbook (default: the first).
    sheet: str | None = None


def _mapping_error(source: str, message: str) -> InputErrors:
    return InputErrors([InputProblem(source, 0, None, None, f"mapping file: {message}")])


def read_mapping(path: str | Path) -> ColumnMapping:
    """Read and check a TOML mapping file.

    :raises InputErrors: naming the file, the table and key, and what is wrong with it.
    """
    source = str(path)
    try:
        with Path(path).open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise _mapping_error(source, f"cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise _mapping_error(source, f"not valid TOML ({error})") from None
    except UnicodeDecodeError:
        raise _mapping_error(source, "not UTF-8 text: save it as UTF-8") from None
    unknown = sorted(set(data) - {"columns", "values", "workbook"})
    if unknown:
        raise _mapping_error(source, f"unknown table(s): {', '.join(unknown)}")
    columns: dict[str, tuple[str, ...]] = {}
    for field, headings in _table(source, data, "columns").items():
        if field not in FIELDS and not field.endswith("_date"):
            raise _mapping_error(
                source, f"[columns] {field!r} is not one of our fields ({', '.join(FIELDS)})"
            )
        listed = (headings,) if isinstance(headings, str) else headings
        if (
            not isinstance(listed, tuple | list)
            or not listed
            or not all(isinstance(h, str) and h.strip() for h in listed)
        ):
            raise _mapping_error(
                source, f"[columns] {field!r}: expected a heading or a list of headings"
            )
        columns[field] = tuple(listed)
    missing = [f for f in ("child_id", "conference_id", "conference_type", "conference_date")
               if f not in columns]  # fmt: skip
    if missing:
        raise _mapping_error(source, f"[columns] must name: {', '.join(missing)}")
    values: dict[str, dict[str, str]] = {}
    for field in _table(source, data, "values"):
        if field not in columns:
            raise _mapping_error(source, f"[values.{field}] is for a field [columns] does not map")
        codes: dict[str, str] = {}
        for ours, theirs in _table(source, data["values"], field, f"values.{field}").items():
            listed = [theirs] if isinstance(theirs, str | int) else theirs
            if not isinstance(listed, list) or not all(
                isinstance(value, str | int) and not isinstance(value, bool) for value in listed
            ):
                raise _mapping_error(
                    source, f"[values.{field}] {ours!r}: expected a value or a list of values"
                )
            for value in listed:
                codes[normalise(str(value))] = str(ours)
        values[field] = codes
    book = _table(source, data, "workbook")
    if set(book) - {"sheet"}:
        raise _mapping_error(
            source, f"[workbook] knows only 'sheet', not {', '.join(sorted(set(book) - {'sheet'}))}"
        )
    sheet = book.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        raise _mapping_error(source, "[workbook] 'sheet': expected a sheet's name")
    return ColumnMapping(source=source, columns=columns, values=values, sheet=sheet)


def _table(
    source: str, data: Mapping[str, Any], key: str, name: str | None = None
) -> dict[str, Any]:
    """``data[key]``, which must be a TOML table (an empty one if absent)."""
    found = data.get(key, {})
    if not isinstance(found, dict):
        raise _mapping_error(
            source, f"[{name or key}] must be a table (a [{name or key}] heading and keys)"
        )
    return found


def read_mapped_records(
    path: str | Path,
    mapping: ColumnMapping,
    calendar: WorkingDayCalendar,
    *,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
) -> ConferenceRecords:
    """Read a council's export (CSV, or a workbook's sheet) through ``mapping``.

    Conference types the mapping does not translate are read through ``vocabulary``.

    Problems name the export's own heading, and for a workbook its sheet.
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    file = str(path)
    fields = mapping.columns
    where = ""
    unread: list[InputProblem] = []
    if is_workbook(path):
        workbook = open_workbook(path)
        if not workbook.sheet_names:
            raise InputErrors([InputProblem(file, 0, None, None, "the workbook has no sheets")])
        sheet = mapping.sheet or workbook.sheet_names[0]
        if sheet not in workbook.sheet_names:
            listed = ", ".join(map(repr, workbook.sheet_names))
            raise InputErrors(
                [InputProblem(file, 0, None, sheet, f"no such sheet (sheets: {listed})")]
            )
        header, _ = header_row(
            workbook, sheet, lambda row: len(match_headings([str(c) for c in row], fields))
        )
        raw = read_sheet(workbook, sheet, header_row=header)
        n = len(next(iter(raw.values()))) if raw else 0
        first = workbook.scan(sheet).first_row + header + 2  # the first data row's number
        rows = np.arange(first, first + n, dtype=np.int64)
        where = f"sheet {sheet!r}, "
        used = match_headings(list(raw), fields).values()
        formulas = formulas_in(workbook, sheet, header, list(raw), used)
        for index, cells in sorted(formulas.items()):
            unread += [
                formula_problem(file, first + index, f"sheet {sheet!r}, row {first + index}", *c)
                for c in cells
            ]
        if formulas:  # rows holding a formula with no value are named above, not read
            keep = np.ones(n, dtype=bool)
            keep[[index for index in formulas if index < n]] = False
            raw = {name: column.filter(pa.array(keep)) for name, column in raw.items()}
            rows = rows[keep]
    else:
        raw, rows, problems = load_csv(Path(path), file, structured=STRUCTURED)
        if problems and not skip_invalid:
            raise InputErrors(problems)
        raw = _original_headings(Path(path), raw)
    headings = match_headings(list(raw), fields)
    missing = [field for field in fields if field not in headings]
    required = [f for f in missing if f in ("child_id", "conference_id", "conference_type",
                                            "conference_date")]  # fmt: skip
    if required:
        raise InputErrors(
            [
                InputProblem(
                    file, 1, None, None,
                    f"{where}no heading matches {', '.join(repr(fields[f][0]) for f in required)} "
                    f"(mapped from {', '.join(required)} in {mapping.source}); headings found: "
                    + ", ".join(repr(h) for h in raw),
                )
            ]
        )  # fmt: skip
    table: Table = {}
    for field, heading in headings.items():
        column = raw[heading]
        if field in _IDS:
            column = as_ids(column)
        elif field.endswith("_date"):
            column = as_dates(column)
        if field in mapping.values:
            column = _translate(column, mapping.values[field])
        table[field] = column
    named = {field: f"{where}column {heading!r}" for field, heading in headings.items()}
    try:
        records = check_conference_columns(
            table,
            rows,
            calendar,
            file=file,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            problems=unread,
            vocabulary=vocabulary,
        )
    except InputErrors as error:
        raise InputErrors([_rename(p, named) for p in error.problems]) from None
    return attrs.evolve(records, problems=tuple(_rename(p, named) for p in records.problems))


def _original_headings(path: Path, table: Table) -> Table:
    """Give back the headings as the export has them (the CSV loader lower-cases them)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    original = {heading.strip().lower(): heading.strip() for heading in header}
    return {original.get(name, name): column for name, column in table.items()}


def _rename(problem: InputProblem, named: Mapping[str, str]) -> InputProblem:
    """Name the export's own column (and sheet) instead of our field."""
    column = named.get(problem.column or "")
    if column is None:
        return problem
    return attrs.evolve(problem, location=f"row {problem.row}, {column} ({problem.column})")


def _translate(column: pa.Array, codes: Mapping[str, str]) -> pa.Array:
    """Their codes -> ours (matched loosely); values not listed are kept, for the checker."""
    keys = pa.array(list(codes), type=pa.string())
    ours = pa.array(list(codes.values()), type=pa.string())
    encoded = pc.dictionary_encode(column)
    folded = pa.array([normalise(text) for text in encoded.dictionary.to_pylist()])
    index = pc.take(pc.index_in(folded, value_set=keys), encoded.indices)
    return pc.if_else(pc.is_null(index), column, pc.take(ours, pc.fill_null(index, 0)))
