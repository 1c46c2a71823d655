"""A council's conference records, read into columns and checked row by row.

One row per child per conference (CSV with a header, or JSON lines). Columns:

``child_id``, ``conference_id``, ``conference_type`` (``initial``, ``review``,
``transfer_in``, ``pre_birth``), ``conference_date`` (empty for an initial conference not
yet held), ``strategy_discussion_date`` (initial conferences: the strategy discussion the
rule set counts from), ``previous_conference_date`` (reviews); optional ``family_id``,
``reason_for_delay``, ``core_group_date``, ``previous_conference_type`` (``initial`` or
``review``, when the previous conference is not in the file), and for each report-deadline
rule of the rule set a column ``<rule id>_date`` with the date the action was done.

Dates are ISO ``YYYY-MM-DD`` or UK ``DD/MM/YYYY``. Every problem names the file, row,
column and value; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

import attrs
import numpy as np
import numpy.typing as npt

from ._calendar import WorkingDayCalendar
from ._dates import parse_date
from ._input import InputErrors, InputProblem
from ._rules import ConferenceType

__all__ = ["ConferenceRecords", "read_conference_records"]

Dates = npt.NDArray[np.datetime64]
TYPES = tuple(t.value for t in ConferenceType)
REQUIRED = ("child_id", "conference_id", "conference_type")
DATE_COLUMNS = (
    "conference_date",
    "strategy_discussion_date",
    "previous_conference_date",
    "core_group_date",
)


@attrs.frozen(kw_only=True, eq=False)
class ConferenceRecords:
    """Conference records as columns, one element per row (child per conference)."""

    #: Where they came from.
    file: str
    #: 1-based row numbers in the file (the header is row 1 in a CSV file).
    rows: npt.NDArray[np.int64]
    child_id: npt.NDArray[np.str_]
    conference_id: npt.NDArray[np.str_]
    #: Conference type values (``"initial"``, ``"review"``, ...).
    conference_type: npt.NDArray[np.str_]
    conference_date: Dates
    strategy_discussion_date: Dates
    previous_conference_date: Dates
    core_group_date: Dates
    #: ``initial``, ``review`` or empty.
    previous_conference_type: npt.NDArray[np.str_]
    family_id: npt.NDArray[np.str_]
    reason_for_delay: npt.NDArray[np.str_]
    #: Dates actions were done, by rule id (from ``<rule id>_date`` columns).
    action_dates: dict[str, Dates]
    #: Problems found; rows with problems are not in the columns.
    problems: tuple[InputProblem, ...] = ()
    #: How many rows were skipped because of problems.
    skipped_rows: int = 0

    def __len__(self) -> int:
        return len(self.rows)


def _read_table(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    name = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        problem = InputProblem(name, 0, None, None, f"cannot read: {error.strerror}")
        raise InputErrors([problem]) from None
    with handle:
        if path.suffix.lower() in {".jsonl", ".ndjson"}:
            objects: list[dict[str, object]] = []
            numbers = []
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    problem = InputProblem(name, number, None, None, f"not valid JSON: {error.msg}")
                    raise InputErrors([problem]) from None
                if not isinstance(record, dict):
                    raise InputErrors([InputProblem(name, number, None, None, "not a JSON object")])
                objects.append(record)
                numbers.append(number)
            header = list(dict.fromkeys(key for record in objects for key in record))
            table = [
                ["" if record.get(key) is None else str(record[key]) for key in header]
                for record in objects
            ]
            return [h.strip().lower() for h in header], table, numbers
        reader = csv.reader(handle)
        header = next(reader, [])
        table = list(reader)
    width = len(header)
    for offset, values in enumerate(table):
        if len(values) != width and any(v.strip() for v in values):
            problem = InputProblem(
                name, offset + 2, None, None, f"{len(values)} values for {width} header columns"
            )
            raise InputErrors([problem])
    table = [values for values in table if any(v.strip() for v in values)]
    numbers = list(range(2, len(table) + 2))
    return [h.strip().lower() for h in header], table, numbers


def _column(table: list[list[str]], index: int | None) -> npt.NDArray[np.str_]:
    if index is None:
        return np.full(len(table), "", dtype="<U1")
    return np.char.strip(np.array([values[index] for values in table], dtype=str))


def _dates(
    values: npt.NDArray[np.str_], column: str, file: str, rows: npt.NDArray[np.int64]
) -> tuple[Dates, list[InputProblem]]:
    """Parse a column of dates; ISO values in bulk, UK values one by one."""
    result = np.full(values.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    problems = []
    present = np.char.str_len(values) > 0
    iso = present & (np.char.str_len(values) == 10) & (np.char.find(values, "-") == 4)
    if iso.any():
        try:
            result[iso] = values[iso].astype("datetime64[D]")
        except ValueError:
            iso[:] = False  # some ISO-looking value is not a real date: parse one by one
    for index in np.flatnonzero(present & ~iso):
        text = str(values[index])
        try:
            result[index] = np.datetime64(parse_date(text), "D")
        except ValueError as error:
            problems.append(InputProblem(file, int(rows[index]), column, text, str(error)))
    return result, problems


def read_conference_records(
    path: str | Path,
    calendar: WorkingDayCalendar,
    *,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
) -> ConferenceRecords:
    """Read and check a conference records file.

    :param calendar: dates outside its coverage are problems.
    :param action_rules: rule ids whose ``<rule id>_date`` columns to read.
    :param skip_invalid: drop rows with problems (and every row of a conference whose rows
        disagree) and report them in ``problems``, instead of raising.
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    file = str(path)
    header, table, numbers = _read_table(Path(path))
    index = {name: position for position, name in enumerate(header)}
    missing = [c for c in (*REQUIRED, "conference_date") if c not in index]
    if missing:
        raise InputErrors(
            [InputProblem(file, 1, c, None, "required column is missing") for c in missing]
        )
    rows = np.array(numbers, dtype=np.int64)
    text = {name: _column(table, index.get(name)) for name in (
        *REQUIRED, "family_id", "reason_for_delay", "previous_conference_type",
    )}  # fmt: skip
    problems: list[InputProblem] = []
    bad = np.zeros(len(rows), dtype=bool)

    def flag(
        mask: npt.NDArray[np.bool_],
        column: str,
        message: str,
        values: npt.NDArray[np.str_] | None = None,
    ) -> None:
        for position in np.flatnonzero(mask):
            value = None if values is None else str(values[position])
            problems.append(InputProblem(file, int(rows[position]), column, value, message))
        bad[mask] = True

    for column in REQUIRED:
        flag(np.char.str_len(text[column]) == 0, column, "a value is required")
    kinds = np.char.lower(text["conference_type"])
    flag(
        (np.char.str_len(kinds) > 0) & ~np.isin(kinds, TYPES),
        "conference_type",
        f"expected one of: {', '.join(TYPES)}",
        text["conference_type"],
    )
    previous_kinds = np.char.lower(text["previous_conference_type"])
    flag(
        (np.char.str_len(previous_kinds) > 0) & ~np.isin(previous_kinds, ("initial", "review")),
        "previous_conference_type",
        "expected initial or review",
        text["previous_conference_type"],
    )
    dates: dict[str, Dates] = {}
    for column in (*DATE_COLUMNS, *(f"{rule}_date" for rule in action_rules)):
        if column not in index:
            dates[column] = np.full(len(rows), np.datetime64("NaT"), dtype="datetime64[D]")
            continue
        raw = _column(table, index[column])
        dates[column], found = _dates(raw, column, file, rows)
        problems += found
        for problem in found:
            bad[np.searchsorted(rows, problem.row)] = True
        present = ~np.isnat(dates[column])
        offsets = (dates[column] - np.datetime64(calendar.first, "D")).astype(np.int64)
        outside = present & ((offsets < 0) | (dates[column] > np.datetime64(calendar.last, "D")))
        flag(
            outside,
            column,
            f"outside the {calendar.division.name} calendar's coverage "
            f"({calendar.first.isoformat()} to {calendar.last.isoformat()})",
            raw,
        )
    conference = dates["conference_date"]
    discussion = dates["strategy_discussion_date"]
    initial = kinds == "initial"
    flag(
        initial & np.isnat(discussion),
        "strategy_discussion_date",
        "an initial conference needs the strategy discussion date",
    )
    flag(
        ~initial & np.isnat(conference) & (np.char.str_len(kinds) > 0),
        "conference_date",
        "a value is required (only an initial conference may be not yet held)",
    )
    flag(
        ~np.isnat(conference) & ~np.isnat(discussion) & (conference < discussion),
        "conference_date",
        "the conference is before its strategy discussion",
        _column(table, index.get("conference_date")),
    )
    previous = dates["previous_conference_date"]
    flag(
        ~np.isnat(conference) & ~np.isnat(previous) & (previous >= conference),
        "previous_conference_date",
        "the previous conference is not before this one",
        _column(table, index.get("previous_conference_date")),
    )
    core_group = dates["core_group_date"]
    flag(
        ~np.isnat(core_group) & ~np.isnat(conference) & (core_group < conference),
        "core_group_date",
        "the core group is before the conference",
        _column(table, index.get("core_group_date")),
    )
    _check_consistency(text, kinds, dates, rows, file, problems, bad)
    problems.sort(key=lambda p: (p.row, p.column or ""))
    if problems and not skip_invalid:
        raise InputErrors(problems)
    keep = ~bad
    return ConferenceRecords(
        file=file,
        rows=rows[keep],
        child_id=text["child_id"][keep],
        conference_id=text["conference_id"][keep],
        conference_type=kinds[keep],
        conference_date=conference[keep],
        strategy_discussion_date=discussion[keep],
        previous_conference_date=previous[keep],
        core_group_date=core_group[keep],
        previous_conference_type=previous_kinds[keep],
        family_id=text["family_id"][keep],
        reason_for_delay=text["reason_for_delay"][keep],
        action_dates={rule: dates[f"{rule}_date"][keep] for rule in action_rules},
        problems=tuple(problems),
        skipped_rows=int(bad.sum()),
    )


def _check_consistency(
    text: dict[str, npt.NDArray[np.str_]],
    kinds: npt.NDArray[np.str_],
    dates: dict[str, Dates],
    rows: npt.NDArray[np.int64],
    file: str,
    problems: list[InputProblem],
    bad: npt.NDArray[np.bool_],
) -> None:
    """Flag a child twice in one conference, and a conference whose rows disagree."""
    conference_ids = text["conference_id"]
    first_row: dict[str, int] = {}
    first = np.fromiter(
        (first_row.setdefault(cid, i) for i, cid in enumerate(conference_ids.tolist())),
        dtype=np.int64,
        count=len(conference_ids),
    )
    seen: set[tuple[str, str]] = set()
    for position, pair in enumerate(
        zip(conference_ids.tolist(), text["child_id"].tolist(), strict=True)
    ):
        if pair in seen and pair[1]:
            problems.append(
                InputProblem(
                    file,
                    int(rows[position]),
                    "child_id",
                    pair[1],
                    f"this child is already listed in conference {pair[0]!r}",
                )
            )
            bad[position] = True
        seen.add(pair)
    disagree = np.zeros(len(rows), dtype=bool)
    checks: list[tuple[str, npt.NDArray[np.bool_]]] = [("conference_type", kinds != kinds[first])]
    for column in ("conference_date", "strategy_discussion_date"):
        values = dates[column]
        differs = (values != values[first]) & ~(np.isnat(values) & np.isnat(values[first]))
        checks.append((column, differs))
    for column, differs in checks:
        for where in np.flatnonzero(differs):
            conference = str(conference_ids[where])
            problems.append(
                InputProblem(
                    file,
                    int(rows[where]),
                    column,
                    None,
                    f"conference {conference!r} has a different {column} from its row "
                    f"{int(rows[first[where]])}",
                )
            )
        disagree |= differs
    # Every row of a conference whose rows disagree is unusable.
    bad_conferences = set(conference_ids[disagree].tolist())
    if bad_conferences:
        bad |= np.isin(conference_ids, list(bad_conferences))
