"""A council's conference records, read into columns and checked row by row.

One row per child per conference (CSV with a header, or JSON lines). Columns:

``child_id``, ``conference_id``, ``conference_type`` (``initial``, ``review``,
``transfer_in``, ``pre_birth``), ``conference_date`` (empty for an initial conference not
yet held), ``strategy_discussion_date`` (initial conferences: the strategy discussion the
rule set counts from), ``previous_conference_date`` (reviews); optional ``family_id``,
``reason_for_delay``, ``core_group_date``, ``previous_conference_type`` (``initial`` or
``review``, when the previous conference is not in the file), ``plan_end_date`` (the day
the child's plan ended, so that no further review is due), and for each report-deadline
rule of the rule set a column ``<rule id>_date`` with the date the action was done.

Dates are ISO ``YYYY-MM-DD`` or UK ``DD/MM/YYYY``. Every problem names the file, row,
column and value; nothing is dropped silently.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .._dates import parse_date
from ..calendar import WorkingDayCalendar
from ..rules import VOCABULARY, CodeList, ConferenceType, Vocabulary
from .rows import InputErrors, InputProblem, read_rows

__all__ = ["ConferenceRecords", "Table", "check_conference_columns", "read_conference_records"]

Dates = npt.NDArray[np.datetime64]
TYPES = tuple(t.value for t in ConferenceType)
REQUIRED = ("child_id", "conference_id", "conference_type")
DATE_COLUMNS = (
    "conference_date",
    "strategy_discussion_date",
    "previous_conference_date",
    "core_group_date",
    "plan_end_date",
)


@attrs.frozen(kw_only=True, eq=False)
class ConferenceRecords:
    """Conference records as columns, one element per row (child per conference)."""

    #: Where they came from.
    file: str
    #: 1-based row numbers in the file (the header is row 1 in a CSV file).
    rows: npt.NDArray[np.int64]
    #: Child ids (Python strings).
    child_id: npt.NDArray[np.object_]
    #: Conference ids (Python strings).
    conference_id: npt.NDArray[np.object_]
    #: A small integer per distinct conference id (for grouping).
    conference_code: npt.NDArray[np.int64]
    #: A small integer per distinct child id.
    child_code: npt.NDArray[np.int64]
    #: Conference type values (``"initial"``, ``"review"``, ...).
    conference_type: npt.NDArray[np.str_]
    conference_date: Dates
    strategy_discussion_date: Dates
    previous_conference_date: Dates
    core_group_date: Dates
    #: The day the child's plan ended (at this conference or after it), if it has.
    plan_end_date: Dates
    #: ``initial``, ``review`` or empty.
    previous_conference_type: npt.NDArray[np.str_]
    family_id: npt.NDArray[np.object_]
    reason_for_delay: npt.NDArray[np.object_]
    #: Dates actions were done, by rule id (from ``<rule id>_date`` columns).
    action_dates: dict[str, Dates]
    #: Problems found; rows with problems are not in the columns.
    problems: tuple[InputProblem, ...] = ()
    #: How many rows were skipped because of problems.
    skipped_rows: int = 0

    def __len__(self) -> int:
        return len(self.rows)


Table = dict[str, pa.Array]


def _load_csv(path: Path, file: str) -> tuple[Table, npt.NDArray[np.int64], list[InputProblem]]:
    """Read every column as text with Arrow, keeping each record's line number."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except OSError as error:
        problem = InputProblem(file, 0, None, None, f"cannot read: {error.strerror}")
        raise InputErrors([problem]) from None
    names = [h.strip().lower() for h in header]
    if len(set(names)) != len(names):
        raise InputErrors([InputProblem(file, 1, None, None, "a column name is repeated")])
    ragged: list[InputProblem] = []
    skipped: list[int] = []

    def invalid(row: pacsv.InvalidRow) -> str:
        number = int(row.number) if row.number is not None else 0
        skipped.append(number)
        ragged.append(
            InputProblem(
                file, number, None, None,
                f"{row.actual_columns} values for {row.expected_columns} header columns",
            )
        )  # fmt: skip
        return "skip"

    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(
                use_threads=False, column_names=names, skip_rows=1, encoding="utf-8"
            ),
            parse_options=pacsv.ParseOptions(ignore_empty_lines=False, invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as error:
        problem = InputProblem(file, 0, None, None, f"not a readable CSV file: {error}")
        raise InputErrors([problem]) from None
    total = table.num_rows + len(skipped)
    numbers = np.setdiff1d(
        np.arange(2, total + 2, dtype=np.int64), np.array(skipped, dtype=np.int64)
    )
    columns = {name: pc.utf8_trim_whitespace(table[name].combine_chunks()) for name in names}
    return columns, numbers, ragged


def _load_jsonl(path: Path, file: str) -> tuple[Table, npt.NDArray[np.int64], list[InputProblem]]:
    rows = list(read_rows(path))
    names = list(dict.fromkeys(name for row in rows for name in row.fields))
    columns = {
        name: pa.array([row.fields.get(name, "") for row in rows], type=pa.string())
        for name in names
    }
    return columns, np.array([row.number for row in rows], dtype=np.int64), []


def _is_empty(column: pa.Array) -> npt.NDArray[np.bool_]:
    return np.asarray(pc.equal(pc.utf8_length(column), 0).to_numpy(zero_copy_only=False))


def _matches(column: pa.Array, pattern: str) -> npt.NDArray[np.bool_]:
    return np.asarray(pc.match_substring_regex(column, pattern).to_numpy(zero_copy_only=False))


def _strings(column: pa.Array) -> npt.NDArray[np.object_]:
    return np.asarray(column.to_numpy(zero_copy_only=False), dtype=object)


def _dates(
    column: pa.Array, name: str, file: str, rows: npt.NDArray[np.int64]
) -> tuple[Dates, npt.NDArray[np.bool_], list[InputProblem]]:
    """Parse ISO and UK dates in bulk; anything else is a problem naming the value."""
    result = np.full(len(column), np.datetime64("NaT"), dtype="datetime64[D]")
    bad = np.zeros(len(column), dtype=bool)
    present = ~_is_empty(column)
    iso = present & _matches(column, r"^\d{4}-\d{2}-\d{2}$")
    uk = present & _matches(column, r"^\d{1,2}/\d{1,2}/\d{4}$")
    if iso.any():
        values = _strings(column.filter(pa.array(iso)))
        try:
            result[iso] = values.astype("datetime64[D]")
        except ValueError:
            uk |= iso  # some ISO-looking value is not a real date: check one by one below
    if uk.any():
        parts = pc.extract_regex(
            column.filter(pa.array(uk)), r"^(?P<a>\d{1,4})[-/](?P<b>\d{1,2})[-/](?P<c>\d{1,4})$"
        )
        a, b, c = (
            np.asarray(pc.cast(parts.field(k), pa.int64()).to_numpy(zero_copy_only=False))
            for k in ("a", "b", "c")
        )
        slash = np.asarray(
            pc.match_substring(column.filter(pa.array(uk)), "/").to_numpy(zero_copy_only=False)
        )
        day, month, year = np.where(slash, a, c), b, np.where(slash, c, a)
        month_start = ((year - 1970) * 12 + (month - 1)).astype("datetime64[M]")
        candidate = month_start.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
        valid = (
            (month >= 1)
            & (month <= 12)
            & (day >= 1)
            & (candidate.astype("datetime64[M]") == month_start)
        )
        positions = np.flatnonzero(uk)
        result[positions[valid]] = candidate[valid]
        bad[positions[~valid]] = True
    bad |= present & ~iso & ~uk
    bad &= np.isnat(result)
    problems = []
    values = _strings(column)
    for position in np.flatnonzero(bad):
        text = str(values[position])
        try:
            parse_date(text)
            message = f"{text!r} is not a real date"
        except ValueError as error:
            message = str(error)
        problems.append(InputProblem(file, int(rows[position]), name, text, message))
    return result, bad, problems


def _canonical_codes(column: pa.Array, codes: CodeList) -> npt.NDArray[np.str_]:
    """Each value's canonical code: empty where empty, ``?`` where ``codes`` does not know it.

    Looks up each distinct value once, so a million rows cost a handful of look-ups.
    """
    encoded = column.dictionary_encode()
    known = [codes.lookup(v) or "?" if v else "" for v in encoded.dictionary.to_pylist()]
    positions = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    return np.asarray(known, dtype=str)[positions]


def read_conference_records(
    path: str | Path,
    calendar: WorkingDayCalendar,
    *,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
) -> ConferenceRecords:
    """Read and check a conference records file.

    :param calendar: dates outside its coverage are problems.
    :param action_rules: rule ids whose ``<rule id>_date`` columns to read.
    :param vocabulary: the spellings conference types may be written in (``ICPC``,
        ``Review CPC``; a loaded rule set's ``vocabulary`` has its plugins' too).
    :param skip_invalid: drop rows with problems (and every row of a conference whose rows
        disagree) and report them in ``problems``, instead of raising.
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    file = str(path)
    source = Path(path)
    loader = _load_jsonl if source.suffix.lower() in {".jsonl", ".ndjson"} else _load_csv
    table, rows, problems = loader(source, file)
    return check_conference_columns(
        table,
        rows,
        calendar,
        file=file,
        action_rules=action_rules,
        skip_invalid=skip_invalid,
        problems=problems,
        vocabulary=vocabulary,
    )


def check_conference_columns(
    table: Table,
    rows: npt.NDArray[np.int64],
    calendar: WorkingDayCalendar,
    *,
    file: str,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    problems: list[InputProblem] | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> ConferenceRecords:
    """Check conference records given as canonical text columns, whatever format they came from.

    The seam between the format-specific loaders and the shared checks: a loader turns its
    file into ``table`` (our column names, see the module docstring, each a string array,
    stripped, empty where missing) and ``rows`` (the row number each element came from), and
    this function applies every check and builds :class:`ConferenceRecords`.

    :param problems: problems the loader already found (kept, and added to).
    :param vocabulary: the spellings conference types may be written in.
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    problems = [] if problems is None else problems
    action_rules = tuple(action_rules)
    missing = [c for c in (*REQUIRED, "conference_date") if c not in table]
    if missing:
        problems.extend(
            InputProblem(file, 1, c, None, "required column is missing") for c in missing
        )
        raise InputErrors(problems)
    blank = np.logical_and.reduce([_is_empty(column) for column in table.values()])
    if blank.any():  # blank lines: nothing to check, nothing to drop silently
        keep_rows = pa.array(~blank)
        table = {name: column.filter(keep_rows) for name, column in table.items()}
        rows = rows[~blank]
    n = len(rows)
    empty = pa.array([""] * n, type=pa.string())

    def column(name: str) -> pa.Array:
        return table.get(name, empty)

    bad = np.zeros(n, dtype=bool)

    def flag(
        mask: npt.NDArray[np.bool_],
        name: str,
        message: str,
        values: pa.Array | None = None,
    ) -> None:
        positions = np.flatnonzero(mask)
        texts = _strings(values.take(pa.array(positions))) if values is not None else None
        for i, position in enumerate(positions):
            value = None if texts is None else str(texts[i])
            problems.append(InputProblem(file, int(rows[position]), name, value, message))
        bad[mask] = True

    for name in REQUIRED:
        flag(_is_empty(column(name)), name, "a value is required")
    kinds = _canonical_codes(column("conference_type"), vocabulary.conference_types)
    flag(
        (kinds != "") & ~np.isin(kinds, TYPES),
        "conference_type",
        f"expected one of: {', '.join(TYPES)}",
        column("conference_type"),
    )
    previous_kinds = _canonical_codes(
        column("previous_conference_type"), vocabulary.conference_types
    )
    previous_kinds = np.where(np.char.str_len(previous_kinds) > 7, "?", previous_kinds)
    previous_kinds = previous_kinds.astype("<U7")
    flag(
        (previous_kinds != "") & ~np.isin(previous_kinds, ("initial", "review")),
        "previous_conference_type",
        "expected initial or review",
        column("previous_conference_type"),
    )
    dates: dict[str, Dates] = {}
    first, last = np.datetime64(calendar.first, "D"), np.datetime64(calendar.last, "D")
    for name in (*DATE_COLUMNS, *(f"{rule}_date" for rule in action_rules)):
        raw = column(name)
        dates[name], unparsed, found = _dates(raw, name, file, rows)
        problems.extend(found)
        bad |= unparsed
        present = ~np.isnat(dates[name])
        flag(
            present & ((dates[name] < first) | (dates[name] > last)),
            name,
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
        ~initial & np.isnat(conference) & (kinds != ""),
        "conference_date",
        "a value is required (only an initial conference may be not yet held)",
    )
    flag(
        ~np.isnat(conference) & ~np.isnat(discussion) & (conference < discussion),
        "conference_date",
        "the conference is before its strategy discussion",
        column("conference_date"),
    )
    previous = dates["previous_conference_date"]
    flag(
        ~np.isnat(conference) & ~np.isnat(previous) & (previous >= conference),
        "previous_conference_date",
        "the previous conference is not before this one",
        column("previous_conference_date"),
    )
    core_group = dates["core_group_date"]
    flag(
        ~np.isnat(core_group) & ~np.isnat(conference) & (core_group < conference),
        "core_group_date",
        "the core group is before the conference",
        column("core_group_date"),
    )
    conference_code = _codes(column("conference_id"))
    child_code = _codes(column("child_id"))
    _check_consistency(conference_code, child_code, column, kinds, dates, rows, file, problems, bad)
    problems.sort(key=lambda p: (p.row, p.column or ""))
    if problems and not skip_invalid:
        raise InputErrors(problems)
    keep = ~bad
    keep_arrow = pa.array(keep)
    return ConferenceRecords(
        file=file,
        rows=rows[keep],
        child_id=_strings(column("child_id").filter(keep_arrow)),
        conference_id=_strings(column("conference_id").filter(keep_arrow)),
        conference_code=conference_code[keep],
        child_code=child_code[keep],
        conference_type=kinds[keep],
        conference_date=conference[keep],
        strategy_discussion_date=discussion[keep],
        previous_conference_date=previous[keep],
        core_group_date=core_group[keep],
        plan_end_date=dates["plan_end_date"][keep],
        previous_conference_type=previous_kinds[keep],
        family_id=_strings(column("family_id").filter(keep_arrow)),
        reason_for_delay=_strings(column("reason_for_delay").filter(keep_arrow)),
        action_dates={rule: dates[f"{rule}_date"][keep] for rule in action_rules},
        problems=tuple(problems),
        skipped_rows=int(bad.sum()),
    )


def _codes(column: pa.Array) -> npt.NDArray[np.int64]:
    """Return a small integer per distinct value, in order of first appearance."""
    encoded = pc.dictionary_encode(column)
    return np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)


def _check_consistency(
    conference_code: npt.NDArray[np.int64],
    child_code: npt.NDArray[np.int64],
    column: Callable[[str], pa.Array],
    kinds: npt.NDArray[np.str_],
    dates: dict[str, Dates],
    rows: npt.NDArray[np.int64],
    file: str,
    problems: list[InputProblem],
    bad: npt.NDArray[np.bool_],
) -> None:
    """Flag a child twice in one conference, and a conference whose rows disagree."""
    if not len(rows):
        return
    # The row where each conference first appears: later rows must agree with it.
    _, first_of_code = np.unique(conference_code, return_index=True)
    first = first_of_code[conference_code]
    pair = conference_code * (int(child_code.max()) + 1) + child_code
    order = np.argsort(pair, kind="stable")
    repeated = np.zeros(len(rows), dtype=bool)
    repeated[order[1:]] = pair[order[1:]] == pair[order[:-1]]
    repeated &= ~_is_empty(column("child_id"))
    checks: list[tuple[str, npt.NDArray[np.bool_]]] = [("conference_type", kinds != kinds[first])]
    for name in ("conference_date", "strategy_discussion_date"):
        values = dates[name]
        differs = (values != values[first]) & ~(np.isnat(values) & np.isnat(values[first]))
        checks.append((name, differs))
    disagree = np.logical_or.reduce([differs for _, differs in checks])
    if not (repeated.any() or disagree.any()):
        return
    # Only now, with problems to name, turn the id columns into Python strings.
    conferences = _strings(column("conference_id"))
    if repeated.any():
        children = _strings(column("child_id"))
        for position in np.flatnonzero(repeated):
            problems.append(
                InputProblem(
                    file,
                    int(rows[position]),
                    "child_id",
                    str(children[position]),
                    f"this child is already listed in conference {str(conferences[position])!r}",
                )
            )
        bad |= repeated
    for name, differs in checks:
        for where in np.flatnonzero(differs):
            problems.append(
                InputProblem(
                    file,
                    int(rows[where]),
                    name,
                    None,
                    f"conference {str(conferences[where])!r} has a different {name} from its "
                    f"row {int(rows[first[where]])}",
                )
            )
    # Every row of a conference whose rows disagree is unusable.
    if disagree.any():
        bad |= np.isin(conference_code, np.unique(conference_code[disagree]))
