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

import functools
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from .._columnar import both, first_of_each, number_ids, release_memory
from .._dates import parse_date
from ..calendar import WorkingDayCalendar
from ..rules import VOCABULARY, CodeList, ConferenceType, Vocabulary
from .csv_file import Table, csv_header, load_jsonl, read_csv_blocks, renumber
from .plans import PlanRecords
from .problems import InputErrors, InputProblem
from .source import InputSource, open_input

__all__ = [
    "KINDS",
    "PREVIOUS_KINDS",
    "ConferenceRecords",
    "Table",
    "check_conference_columns",
    "read_conference_records",
]

Dates = npt.NDArray[np.datetime64]
TYPES = tuple(t.value for t in ConferenceType)
#: What each ``ConferenceRecords.kind`` code means (0: empty; the last: not a type).
KINDS = ("", *TYPES, "?")
#: What each ``ConferenceRecords.previous_kind`` code means.
PREVIOUS_KINDS = ("", "initial", "review", "?")
REQUIRED = ("child_id", "conference_id", "conference_type")
TEXT_COLUMNS = ("child_id", "conference_id", "family_id", "reason_for_delay")
DATE_COLUMNS = (
    "conference_date",
    "strategy_discussion_date",
    "previous_conference_date",
    "core_group_date",
    "plan_end_date",
)


@attrs.frozen(kw_only=True, eq=False, slots=False)
class ConferenceRecords:
    """Conference records as columns, one element per row (child per conference).

    Kept compact, for national files: the free-text columns stay Arrow string arrays
    (``text``), conference types are one-byte codes (``kind``), and a date column the file
    does not have takes no memory. The ``child_id``, ``conference_id``, ``family_id`` and
    ``reason_for_delay`` arrays of Python strings, and ``conference_type`` as text, are
    built on first use only, so a report that never names a row never pays for them.
    """

    #: Where they came from.
    file: str
    #: 1-based row numbers in the file (the header is row 1 in a CSV file).
    rows: npt.NDArray[np.int64]
    #: The text columns ``child_id``, ``conference_id``, ``family_id``, ``reason_for_delay``.
    text: Mapping[str, pa.Array]
    #: A small integer per distinct conference id (for grouping).
    conference_code: npt.NDArray[np.int64]
    #: A small integer per distinct child id.
    child_code: npt.NDArray[np.int64]
    #: Each row's conference type, as an index into :data:`KINDS`.
    kind: npt.NDArray[np.uint8]
    conference_date: Dates
    strategy_discussion_date: Dates
    previous_conference_date: Dates
    core_group_date: Dates
    #: The day the child's plan ended (at this conference or after it), if it has.
    plan_end_date: Dates
    #: The previous conference's type where given, as an index into :data:`PREVIOUS_KINDS`.
    previous_kind: npt.NDArray[np.uint8]
    #: Dates actions were done, by rule id (from ``<rule id>_date`` columns).
    action_dates: dict[str, Dates]
    #: Problems found; rows with problems are not in the columns.
    problems: tuple[InputProblem, ...] = ()
    #: How many rows were skipped because of problems.
    skipped_rows: int = 0
    #: The kind of file they were read from (``csv``, ``jsonl``, ``cin-census``,
    #: ``annex-a``, ``mapped``: an :class:`~.formats.InputFormat` value).
    input_format: str = "csv"
    #: The columns the file records (a CSV file's header; what a census or a workbook
    #: holds). An event whose column is not here is "not recorded in this format": never
    #: due, never overdue.
    recorded: frozenset[str] = frozenset()
    #: The plans, for a file that lists them apart from the conferences (a census, an
    #: Annex A): a plan with no review yet has its first review due from its start.
    plans: PlanRecords | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def of_type(self, *types: str) -> npt.NDArray[np.bool_]:
        """Return where the conference type is one of ``types`` (``"initial"``, ...)."""
        wanted = np.zeros(len(KINDS), dtype=bool)
        wanted[[KINDS.index(name) for name in types]] = True
        found: npt.NDArray[np.bool_] = wanted[self.kind]
        return found

    @functools.cached_property
    def conference_type(self) -> npt.NDArray[np.str_]:
        """Conference type values (``"initial"``, ``"review"``, ...)."""
        width = f"<U{max(map(len, KINDS))}"
        return np.array(KINDS, dtype=width)[self.kind]

    @functools.cached_property
    def previous_conference_type(self) -> npt.NDArray[np.str_]:
        """``initial``, ``review`` or empty."""
        return np.array(PREVIOUS_KINDS, dtype="<U7")[self.previous_kind]

    @functools.cached_property
    def child_id(self) -> npt.NDArray[np.object_]:
        """Child ids (Python strings)."""
        return _strings(self.text["child_id"])

    @functools.cached_property
    def conference_id(self) -> npt.NDArray[np.object_]:
        """Conference ids (Python strings)."""
        return _strings(self.text["conference_id"])

    @functools.cached_property
    def family_id(self) -> npt.NDArray[np.object_]:
        """Family ids (Python strings, empty where not given)."""
        return _strings(self.text["family_id"])

    @functools.cached_property
    def reason_for_delay(self) -> npt.NDArray[np.object_]:
        """Reasons for delay (Python strings, empty where not given)."""
        return _strings(self.text["reason_for_delay"])

    def first_of_conference(self) -> npt.NDArray[np.int64]:
        """Return the position of each conference's first row, in file order."""
        return first_of_each(self.conference_code)


def _is_empty(column: pa.Array) -> npt.NDArray[np.bool_]:
    lengths = np.asarray(pc.binary_length(column).to_numpy(zero_copy_only=False))
    empty: npt.NDArray[np.bool_] = lengths == 0
    return empty


def _matches(column: pa.Array, pattern: str) -> npt.NDArray[np.bool_]:
    return np.asarray(pc.match_substring_regex(column, pattern).to_numpy(zero_copy_only=False))


def _strings(column: pa.Array) -> npt.NDArray[np.object_]:
    return np.asarray(column.to_numpy(zero_copy_only=False), dtype=object)


def _texts(column: pa.Array, positions: npt.NDArray[np.int64]) -> list[str]:
    """Return the values at ``positions`` only, as strings (to name them in a problem)."""
    return [str(value) for value in column.take(pa.array(positions)).to_pylist()]


def _iso_days(column: pa.Array) -> npt.NDArray[np.datetime64]:
    """Strict ``YYYY-MM-DD`` text (no empty values) to dates; raises ``ArrowInvalid`` if not."""
    days = pc.cast(pc.cast(column, pa.date32()), pa.int32()).to_numpy(zero_copy_only=False)
    return np.asarray(days).astype("datetime64[D]")


def _dates(
    column: pa.Array, name: str, file: str, rows: npt.NDArray[np.int64]
) -> tuple[Dates, npt.NDArray[np.bool_], list[InputProblem]]:
    """Parse ISO and UK dates in bulk; anything else is a problem naming the value.

    The common case, every value ISO or empty, is one Arrow cast; otherwise each value is
    matched against both forms. Text for messages is made only for the values that fail.
    """
    result = np.full(len(column), np.datetime64("NaT"), dtype="datetime64[D]")
    bad = np.zeros(len(column), dtype=bool)
    present = ~_is_empty(column)
    if not present.any():
        return result, bad, []
    everywhere = bool(present.all())
    values = column if everywhere else column.filter(pa.array(present))
    try:
        if everywhere:
            result = _iso_days(values)
        else:
            result[present] = _iso_days(values)
        return result, bad, []
    except pa.ArrowInvalid:
        pass  # some value is UK-style, or not a date: check each one below
    iso = present & _matches(column, r"^\d{4}-\d{2}-\d{2}$")
    uk = present & _matches(column, r"^\d{1,2}/\d{1,2}/\d{4}$")
    either = iso | uk
    if either.any():
        parts = pc.extract_regex(
            column.filter(pa.array(either)),
            r"^(?P<a>\d{1,4})[-/](?P<b>\d{1,2})[-/](?P<c>\d{1,4})$",
        )
        a, b, c = (
            np.asarray(pc.cast(parts.field(k), pa.int64()).to_numpy(zero_copy_only=False))
            for k in ("a", "b", "c")
        )
        slash = uk[either]
        day, month, year = np.where(slash, a, c), b, np.where(slash, c, a)
        month_start = ((year - 1970) * 12 + (month - 1)).astype("datetime64[M]")
        candidate = month_start.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
        valid = (
            (month >= 1)
            & (month <= 12)
            & (day >= 1)
            & (candidate.astype("datetime64[M]") == month_start)
        )
        positions = np.flatnonzero(either)
        result[positions[valid]] = candidate[valid]
        bad[positions[~valid]] = True
    bad |= present & ~either
    problems = []
    where = np.flatnonzero(bad)
    for position, text in zip(where.tolist(), _texts(column, where), strict=True):
        try:
            parse_date(text)
            message = f"{text!r} is not a real date"
        except ValueError as error:
            message = str(error)
        problems.append(InputProblem(file, int(rows[position]), name, text, message))
    return result, bad, problems


def _kinds(
    column: pa.Array, codes: CodeList, names: tuple[str, ...]
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.bool_]]:
    """Read a small vocabulary column through its canonical codes, one look-up per distinct value.

    :param names: ``""``, then the allowed canonical codes, then ``"?"``.
    :returns: each row's index into ``names`` (0 where empty, the last where not allowed),
        and where a value is given but not allowed.
    """
    encoded = pc.dictionary_encode(column)
    canonical = [codes.lookup(v) or "?" if v else "" for v in encoded.dictionary.to_pylist()]
    if not canonical:
        return np.zeros(len(column), dtype=np.uint8), np.zeros(len(column), dtype=bool)
    allowed = names[1:-1]
    known = np.array(
        [names.index(c) if c in allowed or not c else len(names) - 1 for c in canonical],
        dtype=np.uint8,
    )
    positions = np.asarray(encoded.indices.to_numpy(zero_copy_only=False))
    return known[positions], (known == len(names) - 1)[positions]


#: Columns that are never free text: a line break in one means the row was misread.
STRUCTURED = (*REQUIRED, *DATE_COLUMNS, "family_id", "previous_conference_type")


def read_conference_records(
    path: str | Path | InputSource,
    calendar: WorkingDayCalendar,
    *,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
    progress: Callable[[int], object] | None = None,
) -> ConferenceRecords:
    """Read and check a conference records file.

    A CSV file is read and checked one block at a time, so that only the checked columns
    (dates, codes, ids) of the whole file are held, never all of its text.

    :param path: the file, ``-`` for standard input, or an opened :class:`InputSource`.
    :param calendar: dates outside its coverage are problems.
    :param action_rules: rule ids whose ``<rule id>_date`` columns to read.
    :param vocabulary: the spellings conference types may be written in (``ICPC``,
        ``Review CPC``; a loaded rule set's ``vocabulary`` has its plugins' too).
    :param skip_invalid: drop rows with problems (and every row of a conference whose rows
        disagree) and report them in ``problems``, instead of raising.
    :param progress: called with the number of rows read so far, after each block of a
        CSV file (for a running count on a terminal).
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    source = open_input(path)
    file = source.name
    action_rules = tuple(action_rules)
    if source.json_lines:
        table, rows, problems = load_jsonl(source, file)
        records = check_conference_columns(
            table,
            rows,
            calendar,
            file=file,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            problems=problems,
            vocabulary=vocabulary,
        )
        return attrs.evolve(records, input_format="jsonl")
    with source.as_path() as local:
        names = csv_header(local, file)
        _require(names, file, [])

        def check(
            table: Table, positions: npt.NDArray[np.int64], found: list[InputProblem]
        ) -> _Part:
            part = _check_part(table, positions, calendar, file, action_rules, vocabulary)
            return attrs.evolve(part, unread=found)

        parts, numbers, problems = read_csv_blocks(
            local, file, names, check, structured=STRUCTURED, progress=progress
        )
    release_memory()  # the blocks' text and the checks' passing arrays
    records = _finish(parts, file, action_rules, skip_invalid, problems, numbers)  # empties parts
    return attrs.evolve(records, recorded=frozenset(names))


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
    recorded: Iterable[str] | None = None,
) -> ConferenceRecords:
    """Check conference records given as canonical text columns, whatever format they came from.

    The seam between the format-specific loaders and the shared checks: a loader turns its
    file into ``table`` (our column names, see the module docstring, each a string array,
    stripped, empty where missing) and ``rows`` (the row number each element came from), and
    this function applies every check and builds :class:`ConferenceRecords`.

    :param problems: problems the loader already found (kept, and added to).
    :param vocabulary: the spellings conference types may be written in.
    :param recorded: the columns the file's format records (by default, ``table``'s).
    :raises InputErrors: listing every problem, unless ``skip_invalid``.
    """
    problems = [] if problems is None else problems
    action_rules = tuple(action_rules)
    _require(list(table), file, problems)
    part = _check_part(table, rows, calendar, file, action_rules, vocabulary)
    records = _finish([part], file, action_rules, skip_invalid, problems, None)
    return attrs.evolve(records, recorded=frozenset(table if recorded is None else recorded))


def _require(names: list[str], file: str, problems: list[InputProblem]) -> None:
    """Refuse records without a required column, listing them with ``problems``."""
    missing = [c for c in (*REQUIRED, "conference_date") if c not in names]
    if missing:
        problems.extend(
            InputProblem(file, 1, c, None, "required column is missing") for c in missing
        )
        raise InputErrors(problems)


@attrs.frozen(kw_only=True, eq=False)
class _Part:
    """One block of records, checked row by row (the checks across rows come after)."""

    rows: npt.NDArray[np.int64]
    text: Table
    kind: npt.NDArray[np.uint8]
    previous_kind: npt.NDArray[np.uint8]
    #: ``None`` where the records have no such column.
    dates: dict[str, Dates | None]
    bad: npt.NDArray[np.bool_]
    #: Found by ``rows`` as given (positions, for a CSV file read in blocks).
    problems: list[InputProblem]
    #: Rows the loader could not read in this block (by ``rows`` as given), not in it.
    unread: list[InputProblem] = attrs.Factory(list)


def _check_part(
    table: Table,
    rows: npt.NDArray[np.int64],
    calendar: WorkingDayCalendar,
    file: str,
    action_rules: tuple[str, ...],
    vocabulary: Vocabulary,
) -> _Part:
    """Apply every check that looks at one row at a time; keep only the checked columns."""
    problems: list[InputProblem] = []
    # Blank lines: nothing to check, nothing to drop silently. Only rows without a child id
    # can be blank, so only those are looked at across every column.
    maybe = np.flatnonzero(_is_empty(table["child_id"]))
    if len(maybe):
        where = pa.array(maybe)
        blank = np.logical_and.reduce([_is_empty(c.take(where)) for c in table.values()])
        if blank.any():
            keep_rows = np.ones(len(rows), dtype=bool)
            keep_rows[maybe[blank]] = False
            table = {name: column.filter(pa.array(keep_rows)) for name, column in table.items()}
            rows = rows[keep_rows]
    n = len(rows)
    empty = pa.repeat(pa.scalar("", pa.string()), n)

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
        if not len(positions):
            return
        texts = _texts(values, positions) if values is not None else None
        for i, position in enumerate(positions.tolist()):
            value = None if texts is None else texts[i]
            problems.append(InputProblem(file, int(rows[position]), name, value, message))
        bad[positions] = True

    for name in REQUIRED:
        flag(_is_empty(column(name)), name, "a value is required")
    kinds, wrong = _kinds(column("conference_type"), vocabulary.conference_types, KINDS)
    flag(
        wrong,
        "conference_type",
        f"expected one of: {', '.join(TYPES)}",
        column("conference_type"),
    )
    if "previous_conference_type" in table:
        previous_kinds, wrong = _kinds(
            table["previous_conference_type"], vocabulary.conference_types, PREVIOUS_KINDS
        )
    else:  # not given: every row's previous type is empty (code 0)
        previous_kinds, wrong = np.zeros(n, dtype=np.uint8), np.zeros(n, dtype=bool)
    flag(
        wrong,
        "previous_conference_type",
        "expected initial or review",
        column("previous_conference_type"),
    )
    dates: dict[str, Dates | None] = {}
    nat = np.broadcast_to(np.datetime64("NaT", "D"), (n,))
    first, last = np.datetime64(calendar.first, "D"), np.datetime64(calendar.last, "D")
    for name in (*DATE_COLUMNS, *(f"{rule}_date" for rule in action_rules)):
        if name not in table:
            dates[name] = None
            continue
        raw = table[name]
        parsed, unparsed, found = _dates(raw, name, file, rows)
        dates[name] = parsed
        problems.extend(found)
        bad |= unparsed
        present = ~np.isnat(parsed)
        flag(
            present & ((parsed < first) | (parsed > last)),
            name,
            f"outside the {calendar.division.name} calendar's coverage "
            f"({calendar.first.isoformat()} to {calendar.last.isoformat()})",
            raw,
        )

    def day(name: str) -> Dates:
        found = dates[name]
        return nat if found is None else found

    conference = day("conference_date")
    discussion = day("strategy_discussion_date")
    initial = kinds == KINDS.index("initial")
    flag(
        initial & np.isnat(discussion),
        "strategy_discussion_date",
        "an initial conference needs the strategy discussion date",
    )
    flag(
        ~initial & np.isnat(conference) & ~_is_empty(column("conference_type")),
        "conference_date",
        "a value is required (only an initial conference may be not yet held)",
    )
    flag(
        ~np.isnat(conference) & ~np.isnat(discussion) & (conference < discussion),
        "conference_date",
        "the conference is before its strategy discussion",
        column("conference_date"),
    )
    previous = day("previous_conference_date")
    flag(
        ~np.isnat(conference) & ~np.isnat(previous) & (previous >= conference),
        "previous_conference_date",
        "the previous conference is not before this one",
        column("previous_conference_date"),
    )
    core_group = day("core_group_date")
    flag(
        ~np.isnat(core_group) & ~np.isnat(conference) & (core_group < conference),
        "core_group_date",
        "the core group is before the conference",
        column("core_group_date"),
    )
    return _Part(
        rows=rows,
        text={name: column(name) for name in TEXT_COLUMNS},
        kind=kinds,
        previous_kind=previous_kinds,
        dates=dates,
        bad=bad,
        problems=problems,
    )


def _finish(
    parts: list[_Part],
    file: str,
    action_rules: tuple[str, ...],
    skip_invalid: bool,
    problems: list[InputProblem],
    numbers: npt.NDArray[np.int64] | None,
) -> ConferenceRecords:
    """Join checked blocks, run the checks across rows, and drop or refuse rows with problems.

    ``parts`` is emptied, so that each block's columns are freed as soon as they are joined.

    :param problems: the loader's own problems, by row number (rows it could not read).
    :param numbers: row numbers by position, where the blocks' ``rows`` are positions.
    """
    not_read = [problem for part in parts for problem in part.unread]
    problems.extend(renumber(not_read, numbers) if numbers is not None else not_read)
    lost: dict[int, int] = {}  # rows the loader could not read, by the row each begins at
    for problem in problems:
        lost[problem.row] = max(lost.get(problem.row, 0), problem.rows_lost)
    unread = sum(lost.values())
    found = [problem for part in parts for problem in part.problems]
    # Join the blocks one column at a time, letting go of each block's copy as it is joined,
    # so that a national file is never held twice over.
    pieces: dict[str, list[Any]] = {
        field: [getattr(part, field) for part in parts]
        for field in ("rows", "kind", "previous_kind", "bad")
    }
    texts = {name: [part.text[name] for part in parts] for name in TEXT_COLUMNS}
    given = {name: [part.dates[name] for part in parts] for name in parts[0].dates} if parts else {}
    lengths = [len(part.rows) for part in parts]
    parts.clear()

    def joined(field: str, dtype: str) -> npt.NDArray[Any]:
        values = pieces.pop(field)
        return np.concatenate(values) if values else np.zeros(0, dtype)

    rows = joined("rows", "int64")
    if numbers is not None:
        rows = numbers[rows]
        found = renumber(found, numbers)
    problems.extend(found)
    n = len(rows)
    kind = joined("kind", "uint8")
    previous_kind = joined("previous_kind", "uint8")
    bad = joined("bad", "bool")
    text = {
        name: pa.concat_arrays(texts.pop(name)) if lengths else pa.array([], pa.string())
        for name in TEXT_COLUMNS
    }
    dates: dict[str, Dates | None] = {}
    for name in list(given):
        blocks = given.pop(name)
        if all(block is None for block in blocks):
            dates[name] = None
            continue
        dates[name] = np.concatenate(
            [
                np.full(length, np.datetime64("NaT"), "datetime64[D]") if block is None else block
                for length, block in zip(lengths, blocks, strict=True)
            ]
        )
        del blocks

    def day(name: str, keep: npt.NDArray[np.bool_] | slice = slice(None)) -> Dates:
        found = dates.get(name)
        if found is None:
            length = n if isinstance(keep, slice) else int(np.count_nonzero(keep))
            return np.broadcast_to(np.datetime64("NaT", "D"), (length,))
        return found[keep]

    conference_code, child_code = both(  # two sorts, on two cores
        lambda: number_ids(text["conference_id"]),
        lambda: number_ids(text["child_id"], ordered=False),
    )
    _check_consistency(
        conference_code,
        child_code,
        text,
        kind,
        {name: day(name) for name in ("conference_date", "strategy_discussion_date")},
        rows,
        file,
        problems,
        bad,
    )
    problems.sort(key=lambda p: (p.row, p.column or ""))
    if problems and not skip_invalid:
        raise InputErrors(problems)
    skipped = int(bad.sum())
    release_memory()  # the joined blocks and the checks' passing arrays
    keep: npt.NDArray[np.bool_] | slice = ~bad if skipped else slice(None)
    if skipped:
        keep_arrow = pa.array(~bad)
        text = {name: values.filter(keep_arrow) for name, values in text.items()}
    return ConferenceRecords(
        file=file,
        rows=rows[keep],
        text=text,
        conference_code=conference_code[keep],
        child_code=child_code[keep],
        kind=kind[keep],
        conference_date=day("conference_date", keep),
        strategy_discussion_date=day("strategy_discussion_date", keep),
        previous_conference_date=day("previous_conference_date", keep),
        core_group_date=day("core_group_date", keep),
        plan_end_date=day("plan_end_date", keep),
        previous_kind=previous_kind[keep],
        action_dates={rule: day(f"{rule}_date", keep) for rule in action_rules},
        problems=tuple(problems),
        skipped_rows=skipped + unread,
    )


def _check_consistency(
    conference_code: npt.NDArray[np.int64],
    child_code: npt.NDArray[np.int64],
    text: Table,
    kinds: npt.NDArray[np.uint8],
    dates: dict[str, Dates],
    rows: npt.NDArray[np.int64],
    file: str,
    problems: list[InputProblem],
    bad: npt.NDArray[np.bool_],
) -> None:
    """Flag a child twice in one conference, and a conference whose rows disagree."""
    if not len(rows):
        return
    # The row where each conference first appears: later rows must agree with it. Codes are
    # numbered in order of first appearance, so a row is a first where its code is new.
    seen_before = np.maximum.accumulate(np.concatenate(([-1], conference_code[:-1])))
    first_of_code = np.flatnonzero(conference_code > seen_before)
    first = first_of_code[conference_code]
    repeated = np.zeros(len(rows), dtype=bool)
    distinct = int(child_code.max()) + 1
    if distinct < len(rows):  # some child is on more than one row: is it twice in one conference?
        pair = conference_code * distinct + child_code
        order = np.argsort(pair, kind="stable")
        repeated[order[1:]] = pair[order[1:]] == pair[order[:-1]]
        del order, pair
        repeated &= ~_is_empty(text["child_id"])
    checks: list[tuple[str, npt.NDArray[np.bool_]]] = [("conference_type", kinds != kinds[first])]
    for name in ("conference_date", "strategy_discussion_date"):
        values = dates[name]
        differs = (values != values[first]) & ~(np.isnat(values) & np.isnat(values[first]))
        checks.append((name, differs))
    disagree = np.logical_or.reduce([differs for _, differs in checks])
    if not (repeated.any() or disagree.any()):
        return
    # Only now, with problems to name, turn the id columns into Python strings.
    conferences = _strings(text["conference_id"])
    if repeated.any():
        children = _strings(text["child_id"])
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
