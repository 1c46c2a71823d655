"""The SSD tables read into conference records, and what the council's system recorded.

See :func:`read_ssd`. Each table is read in batches (:mod:`._source`), each batch's values
read at once into compact columns (:mod:`._values`), and the raw batch let go; only the
columns the reader uses are ever held.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from ..._columnar import iso_text
from ...calendar import WorkingDayCalendar
from ...rules import VOCABULARY, Vocabulary
from ..conferences import ConferenceRecords, check_conference_columns
from ..problems import InputErrors, InputProblem
from . import _values as values
from ._source import DEFAULT_TIMEOUT, BatchSource, open_source
from ._spec import ICPC, PLANS, REVIEWS, S47, TABLES, Column, Kind, TableSpec

__all__ = [
    "QUORATE",
    "RecordedReviews",
    "RecordedTargets",
    "SSDRecords",
    "read_ssd",
]

Dates = npt.NDArray[np.datetime64]
Texts = npt.NDArray[np.object_]
NAT = np.datetime64("NaT", "D")

#: Columns that record what the council's system said (a target, a due date, a quorate
#: flag), which the library audits and never uses: a value that cannot be read is reported
#: by the audit (``unreadable``, ``not understood``), never a reason to refuse the records.
RECORDED_ONLY: Final = frozenset(
    {"icpc_icpc_target_date", "cppr_cp_review_due", "cppr_cp_review_quorate"}
)

#: What each ``RecordedReviews.quorate`` code means.
QUORATE: Final = {
    values.FLAG_YES: "quorate",
    values.FLAG_NO: "not quorate",
    values.FLAG_UNSET: "not recorded",
    values.FLAG_UNKNOWN: "not understood",
}


@attrs.frozen(kw_only=True, eq=False)
class _Read:
    """One SSD table as read: its columns (our names), and where each row came from."""

    spec: TableSpec
    #: The source's name for the table: a CSV file, or the database URL (password masked).
    file: str
    #: Id columns as Arrow text (null where empty); date columns as days; flags as codes.
    ids: dict[str, pa.Array]
    dates: dict[str, Dates]
    flags: dict[str, npt.NDArray[np.int8]]
    #: The flags' values as written, for messages.
    flag_text: dict[str, pa.Array]
    #: Row numbers in a CSV file (0 for a database, which has none).
    lines: npt.NDArray[np.int64]
    #: Optional columns this source does not have.
    absent: tuple[str, ...]
    #: For each date column: where a value could not be read as a date, and the values.
    bad_dates: dict[str, tuple[npt.NDArray[np.bool_], pa.Array]]

    def __len__(self) -> int:
        return len(self.lines)

    def key(self) -> Texts:
        return np.asarray(self.ids[self.spec.key].to_numpy(zero_copy_only=False), dtype=object)

    def key_at(self, at: int) -> str | None:
        """Row ``at``'s id (None where it has none)."""
        value: str | None = self.ids[self.spec.key][at].as_py()
        return value

    def text(self, name: str) -> Texts:
        return np.asarray(self.ids[name].to_numpy(zero_copy_only=False), dtype=object)

    def place(self, at: int, key: Any, column: str | None) -> str:
        """Where row ``at`` is: its line (a CSV file), its table and key, and the column."""
        where = _where(self.spec.name, self.spec.key, key, int(self.lines[at]))
        return f"{where}, column {column}" if column else where

    def problem(
        self, at: int, key: Any, column: str | None, value: str | None, message: str
    ) -> InputProblem:
        return InputProblem(
            self.file,
            int(self.lines[at]),
            column,
            value,
            message,
            location=self.place(at, key, column),
        )


@attrs.frozen(kw_only=True, eq=False)
class RecordedTargets:
    """Each initial conference's recorded target date (``icpc_icpc_target_date``).

    One element per ``ssd_initial_cp_conference`` row read, in the order of :attr:`icpc_id`
    (text order), including rows left out of the conference records (see
    :attr:`in_records`). Neither the census nor Annex A carries these per conference.
    """

    #: The table (a CSV file, or the database URL with its password masked).
    file: str
    #: Whether the table has the column at all (a council's version may not).
    recorded_column: bool
    #: ``icpc_icpc_id``.
    icpc_id: Texts
    #: ``icpc_person_id``, as written.
    child_id: Texts
    #: The conference id used in the records (see :func:`read_ssd`).
    conference_id: Texts
    #: ``icpc_icpc_transfer_in`` is yes.
    transfer_in: npt.NDArray[np.bool_]
    #: ``s47e_s47_start_date`` of the linked enquiry (NaT where none could be read).
    s47_start: Dates
    #: ``icpc_icpc_target_date`` (NaT where not recorded, or not a date: see the next).
    recorded: Dates
    #: ``icpc_icpc_target_date`` as written where it is not a date (empty elsewhere).
    unreadable: Texts
    #: ``icpc_icpc_date`` (NaT where not yet held).
    held: Dates
    #: The row is in the conference records (rows with problems are not).
    in_records: npt.NDArray[np.bool_]
    #: Each row's number in a CSV extract (0 for a database, whose rows have none).
    lines: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.icpc_id)

    def location(self, index: int) -> str:
        """Where row ``index`` is: ``ssd_initial_cp_conference (icpc_icpc_id 'X')``."""
        return _where(ICPC.name, ICPC.key, self.icpc_id[index], int(self.lines[index]), named=True)


@attrs.frozen(kw_only=True, eq=False)
class RecordedReviews:
    """Each review's recorded due date and quorate flag, with the conference before it.

    One element per ``ssd_cp_reviews`` row read, in the order of :attr:`review_id` (text
    order), held or not yet held. ``cppr_cp_review_due`` is compared with the due date the
    rules give from :attr:`previous_date`: three months after an initial conference for
    the first review, six after a review for each later one.
    """

    #: The table (a CSV file, or the database URL with its password masked).
    file: str
    #: Whether the table has ``cppr_cp_review_due`` and ``cppr_cp_review_quorate``.
    due_column: bool
    quorate_column: bool
    #: ``cppr_cp_review_id``.
    review_id: Texts
    #: ``cppr_person_id`` (or, where the table has none, the plan's ``cppl_person_id``).
    child_id: Texts
    #: ``cppr_cp_plan_id`` (empty where not given).
    plan_id: Texts
    #: The conference id used in the records.
    conference_id: Texts
    #: ``cppr_cp_review_date`` (NaT where not yet held).
    held: Dates
    #: ``cppr_cp_review_due`` (NaT where not recorded, or not a date: see the next).
    due: Dates
    #: ``cppr_cp_review_due`` as written where it is not a date (empty elsewhere).
    due_unreadable: Texts
    #: The conference before this review in the same plan: the last review held before it,
    #: or for the first review the initial (or transfer-in) conference that agreed the plan,
    #: or, where no conference links to the plan, the plan's start date.
    previous_date: Dates
    #: ``initial``, ``transfer_in`` or ``review``; empty where the previous conference's
    #: type is not known (the plan's start date, with no conference linked to the plan).
    previous_type: Texts
    #: ``cppr_cp_review_quorate`` as a code: see :data:`QUORATE`.
    quorate: npt.NDArray[np.int8]
    #: ``cppr_cp_review_quorate`` as written.
    quorate_value: Texts
    #: The row is in the conference records (held, and without problems).
    in_records: npt.NDArray[np.bool_]
    #: Each row's number in a CSV extract (0 for a database, whose rows have none).
    lines: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.review_id)

    def location(self, index: int) -> str:
        """Where row ``index`` is: ``ssd_cp_reviews (cppr_cp_review_id 'R1')``."""
        return _where(
            REVIEWS.name, REVIEWS.key, self.review_id[index], int(self.lines[index]), named=True
        )

    @property
    def inquorate(self) -> npt.NDArray[np.bool_]:
        """Reviews recorded as not quorate."""
        found: npt.NDArray[np.bool_] = self.quorate == values.FLAG_NO
        return found

    @property
    def recorded_quorate(self) -> npt.NDArray[np.bool_]:
        """Reviews recorded as quorate."""
        found: npt.NDArray[np.bool_] = self.quorate == values.FLAG_YES
        return found

    @property
    def quorate_not_recorded(self) -> npt.NDArray[np.bool_]:
        """Reviews with no quorate flag."""
        found: npt.NDArray[np.bool_] = self.quorate == values.FLAG_UNSET
        return found

    @property
    def quorate_not_understood(self) -> npt.NDArray[np.bool_]:
        """Reviews whose flag is neither yes nor no (listed, never guessed)."""
        found: npt.NDArray[np.bool_] = self.quorate == values.FLAG_UNKNOWN
        return found


@attrs.frozen(kw_only=True, eq=False)
class SSDRecords:
    """The SSD read two ways: as conference records, and as what the system recorded."""

    #: The database URL (password masked) or the folder of CSV extracts.
    source: str
    #: The schema read (``None``: the database's default; a CSV folder has none).
    schema: str | None
    #: One row per child per initial, transfer-in and held review conference.
    records: ConferenceRecords
    #: Recorded ICPC target dates.
    targets: RecordedTargets
    #: Recorded review due dates and quorate flags.
    reviews: RecordedReviews
    #: Rows read from each table.
    rows_read: Mapping[str, int]
    #: Optional columns each table lacks (nothing is read from them).
    absent_columns: Mapping[str, tuple[str, ...]]
    #: Initial conference rows with no meeting id: each is its own conference, so figures
    #: by conference count those children one by one. All of them on Mosaic's extract.
    initial_without_meeting_id: int
    #: Held reviews with no meeting id (each its own conference).
    reviews_without_meeting_id: int
    #: Meetings whose children had different strategy discussions: each discussion's
    #: children are a conference of their own (``<meeting id> (strategy discussion <day>)``).
    meetings_split: int
    #: Reviews with no ``cppr_cp_plan_id``: their previous conference is not known.
    reviews_without_plan: int
    #: Transfer-in conferences not yet held (no date to count from: only in :attr:`targets`).
    transfer_in_not_held: int
    #: Reviews not yet held (no ``cppr_cp_review_date``: only in :attr:`reviews`).
    reviews_not_held: int
    #: Every problem, located by table, key (a CSV file's row), column and value.
    problems: tuple[InputProblem, ...]

    @property
    def conferences_known(self) -> bool:
        """Whether every conference row has a meeting id (so by-conference figures hold)."""
        return self.initial_without_meeting_id == 0 and self.reviews_without_meeting_id == 0


def _read_column(
    column: Column,
    raw: pa.Array,
    id_parts: dict[str, list[pa.Array]],
    date_parts: dict[str, list[Dates]],
    bad_parts: dict[str, list[npt.NDArray[np.bool_]]],
    text_parts: dict[str, list[pa.Array]],
    flag_parts: dict[str, list[npt.NDArray[np.int8]]],
) -> None:
    """Read one batch's column into its compact form, adding it to the parts read so far."""
    if column.kind is Kind.ID:
        id_parts.setdefault(column.name, []).append(values.ids(raw))
    elif column.kind is Kind.DATE:
        day, bad, text = values.days(raw)
        date_parts.setdefault(column.name, []).append(day)
        bad_parts.setdefault(column.name, []).append(bad)
        text_parts.setdefault(column.name, []).append(pc.cast(text, pa.string()))
    else:
        code, text = values.flags(raw)
        flag_parts.setdefault(column.name, []).append(code)
        text_parts.setdefault(column.name, []).append(text)


def _read_table(source: BatchSource, spec: TableSpec, names: dict[str, str]) -> _Read:
    """Read one table batch by batch into compact columns (raw batches are let go)."""
    id_parts: dict[str, list[pa.Array]] = {}
    date_parts: dict[str, list[Dates]] = {}
    bad_parts: dict[str, list[npt.NDArray[np.bool_]]] = {}
    text_parts: dict[str, list[pa.Array]] = {}
    flag_parts: dict[str, list[npt.NDArray[np.int8]]] = {}
    line_parts: list[npt.NDArray[np.int64]] = []
    for batch, lines in source.batches(spec, names):
        for column in spec.columns:
            if column.name not in names:
                continue
            raw = batch.column(column.name)
            try:
                _read_column(column, raw, id_parts, date_parts, bad_parts, text_parts, flag_parts)
            except (pa.ArrowException, ValueError) as error:
                raise InputErrors(
                    [
                        InputProblem(
                            source.where(spec), 0, column.name, None,
                            f"the column's values (of type {raw.type}) cannot be read as "
                            f"{column.kind.value}s: {error}",
                            location=f"{spec.name}, column {column.name}",
                        )
                    ]
                ) from None  # fmt: skip
        line_parts.append(
            np.zeros(batch.num_rows, np.int64) if lines is None else lines.astype(np.int64)
        )
    n = sum(len(part) for part in line_parts)

    def joined_text(parts: list[pa.Array]) -> pa.Array:
        return pa.concat_arrays(parts) if parts else pa.array([], pa.string())

    absent = tuple(c.name for c in spec.columns if c.name not in names)
    ids: dict[str, pa.Array] = {}
    dates: dict[str, Dates] = {}
    flags: dict[str, npt.NDArray[np.int8]] = {}
    flag_text: dict[str, pa.Array] = {}
    for column in spec.columns:
        if column.kind is Kind.ID:
            ids[column.name] = (
                joined_text(id_parts[column.name])
                if column.name in id_parts
                else pa.nulls(n, pa.string())
            )
        elif column.kind is Kind.DATE:
            dates[column.name] = (
                np.concatenate(date_parts[column.name])
                if column.name in date_parts
                else np.full(n, NAT, dtype="datetime64[D]")
            )
        else:
            flags[column.name] = (
                np.concatenate(flag_parts[column.name])
                if column.name in flag_parts
                else np.full(n, values.FLAG_UNSET, dtype=np.int8)
            )
            flag_text[column.name] = (
                joined_text(text_parts[column.name])
                if column.name in text_parts
                else pa.nulls(n, pa.string())
            )
    lines = np.concatenate(line_parts) if line_parts else np.zeros(0, np.int64)
    bad_dates = {
        name: (np.concatenate(bad_parts[name]), joined_text(text_parts[name])) for name in bad_parts
    }
    return _Read(
        spec=spec, file=source.where(spec), ids=ids, dates=dates, flags=flags,
        flag_text=flag_text, lines=lines, absent=absent, bad_dates=bad_dates,
    )  # fmt: skip


class _Collector:
    """Problems, and which rows of each table they make unusable."""

    def __init__(self) -> None:
        self.problems: list[InputProblem] = []

    def flag(
        self,
        table: _Read,
        mask: npt.NDArray[np.bool_],
        column: str | None,
        message: str | Callable[[int], str],
        texts: pa.Array | None = None,
    ) -> None:
        where = np.flatnonzero(mask)
        if not len(where):
            return
        keys = table.key()
        shown = (
            texts.take(pa.array(where)).to_pylist() if texts is not None else [None] * len(where)
        )
        for at, value in zip(where.tolist(), shown, strict=True):
            text = message(at) if callable(message) else message
            self.problems.append(
                table.problem(at, keys[at], column, None if value is None else str(value), text)
            )


def _basic_checks(table: _Read, found: _Collector) -> npt.NDArray[np.bool_]:
    """Flag empty and repeated keys, and unreadable dates and flags; return unusable rows."""
    n = len(table)
    bad = np.zeros(n, dtype=bool)
    key = table.ids[table.spec.key]
    missing = np.asarray(pc.is_null(key).to_numpy(zero_copy_only=False), dtype=bool)
    found.flag(table, missing, table.spec.key, "a value is required")
    bad |= missing
    # A repeated key: every row after the first is left out (the key names one row).
    encoded = pc.dictionary_encode(key)
    repeat = np.zeros(n, dtype=bool)
    # As many distinct ids as rows with one: none repeated, and no sort needed.
    if n > 1 and len(encoded.dictionary) < n - int(missing.sum()):
        codes = np.asarray(pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False))
        order = np.argsort(codes, kind="stable")
        same = codes[order[1:]] == codes[order[:-1]]
        repeat[order[1:][same]] = True
    repeat &= ~missing
    found.flag(
        table, repeat, table.spec.key, "this row id is repeated: only its first row is read",
        key,
    )  # fmt: skip
    bad |= repeat
    for name, (unreadable, texts) in table.bad_dates.items():
        if name in RECORDED_ONLY:
            continue  # the council's own record, only audited: said there, never refused
        where = np.flatnonzero(unreadable)
        if not len(where):
            continue
        shown = texts.take(pa.array(where)).to_pylist()
        keys = table.key()
        for at, text in zip(where.tolist(), shown, strict=True):
            found.problems.append(
                table.problem(
                    at, keys[at], name, str(text), values.describe_date_problem(str(text))
                )
            )
    for name, codes_ in table.flags.items():
        if name in RECORDED_ONLY:
            continue
        unknown = codes_ == values.FLAG_UNKNOWN
        found.flag(
            table, unknown, name,
            "expected yes or no (Y, N, Yes, No, 1, 0, true or false): this value is not "
            "understood, and is not guessed",
            table.flag_text[name],
        )  # fmt: skip
    return bad


def _unreadable(table: _Read, name: str) -> npt.NDArray[np.bool_]:
    if name not in table.bad_dates:
        return np.zeros(len(table), dtype=bool)
    return table.bad_dates[name][0]


def _lookup(
    keys: pa.Array, table_keys: pa.Array, usable: npt.NDArray[np.bool_]
) -> npt.NDArray[np.int64]:
    """Each of ``keys``' row in a table (-1 where not found or empty), by its usable rows."""
    if not len(keys):
        return np.zeros(0, np.int64)
    positions = np.flatnonzero(usable)
    value_set = table_keys.take(pa.array(positions))
    at = pc.index_in(keys, value_set=value_set)
    found = np.asarray(pc.fill_null(at, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    result = np.full(len(keys), -1, dtype=np.int64)
    hit = found >= 0
    result[hit] = positions[found[hit]]
    return result


def _iso(days: Dates) -> pa.Array:
    """Days as ``YYYY-MM-DD`` text, empty where NaT."""
    return pc.fill_null(iso_text(days), "")


def _absent_needed(
    source: BatchSource,
) -> tuple[dict[TableSpec, dict[str, str]], list[InputProblem]]:
    """Find every table's columns, and name each missing table and needed column."""
    found: dict[TableSpec, dict[str, str]] = {}
    problems = []
    for spec in TABLES:
        names = source.columns(spec)
        if names is None:
            problems.append(
                InputProblem(
                    source.where(spec), 0, None, None,
                    f"table {spec.name} not found: the SSD tables "
                    f"{', '.join(t.name for t in TABLES)} are all needed",
                    location=spec.name,
                )
            )  # fmt: skip
            continue
        for column in spec.columns:
            if column.needed and column.name not in names:
                problems.append(
                    InputProblem(
                        source.where(spec), 1 if source.where(spec).endswith(".csv") else 0,
                        column.name, None,
                        f"required column is missing from {spec.name} "
                        f"({column.item_ref}: {_short(column)})",
                        location=f"{spec.name}, column {column.name}",
                    )
                )  # fmt: skip
        found[spec] = names
    return found, problems


def _short(column: Column) -> str:
    return column.guidance.split(":", 1)[0]


def read_ssd(
    location: str | Path,
    calendar: WorkingDayCalendar,
    *,
    schema: str | None = None,
    password_env: str | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
) -> SSDRecords:
    """Read the Standard Safeguarding Dataset from a database, or a folder of CSV extracts.

    :param location: a database URL (``sqlite:///ssd.db``, ``postgresql://user@host/db``,
        ``mssql+pyodbc://...``), or a folder holding ``ssd_initial_cp_conference.csv``,
        ``ssd_s47_enquiry.csv``, ``ssd_cp_plans.csv`` and ``ssd_cp_reviews.csv``.
    :param calendar: dates outside its coverage are problems.
    :param schema: the database schema holding the tables (default: the database's own
        default, ``public`` on PostgreSQL); a plain SQL name, never put into a query as
        given otherwise.
    :param password_env: the name of an environment variable holding the password (which
        is then never shown). PostgreSQL also reads ``PGPASSWORD`` and the password file
        ``PGPASSFILE`` (``~/.pgpass``) itself.
    :param timeout: seconds to wait for the server to answer a connection.
    :param skip_invalid: leave out rows with problems, and list them, instead of raising.
    :raises InputErrors: for a source that cannot be read (a missing table or required
        column, a connection refused), and listing every problem unless ``skip_invalid``.
    """
    source = open_source(location, schema=schema, password_env=password_env, timeout=timeout)
    return read_source(source, calendar, schema=schema, skip_invalid=skip_invalid,
                       vocabulary=vocabulary)  # fmt: skip


def read_source(
    source: BatchSource,
    calendar: WorkingDayCalendar,
    *,
    schema: str | None = None,
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
) -> SSDRecords:
    """Read the SSD from an open source (closing it): :func:`read_ssd` after the opening."""
    try:
        names, fatal = _absent_needed(source)
        if fatal:
            raise InputErrors(fatal)
        tables = {spec.name: _read_table(source, spec, names[spec]) for spec in TABLES}
        problems = list(source.problems)
    finally:
        source.close()
    if problems and not skip_invalid:  # rows the CSV reader could not split into values
        raise InputErrors(problems)
    return _build(tables, source.display, schema, calendar, problems, skip_invalid, vocabulary)


def _build(
    tables: dict[str, _Read],
    display: str,
    schema: str | None,
    calendar: WorkingDayCalendar,
    problems: list[InputProblem],
    skip_invalid: bool,
    vocabulary: Vocabulary,
) -> SSDRecords:
    found = _Collector()
    found.problems.extend(problems)
    s47, icpc, plans, reviews = (tables[t.name] for t in (S47, ICPC, PLANS, REVIEWS))
    bad = {name: _basic_checks(table, found) for name, table in tables.items()}

    # --- section 47 enquiries: only those an initial conference links to matter.
    s47_ok = ~bad[S47.name]
    # --- initial conferences
    n_icpc = len(icpc)
    transfer_code = icpc.flags["icpc_icpc_transfer_in"]
    transfer = transfer_code == values.FLAG_YES
    icpc_bad = bad[ICPC.name] | (transfer_code == values.FLAG_UNKNOWN)
    person = icpc.ids["icpc_person_id"]
    no_child = np.asarray(pc.is_null(person).to_numpy(zero_copy_only=False), dtype=bool)
    found.flag(icpc, no_child, "icpc_person_id", "a value is required")
    icpc_bad |= no_child | _unreadable(icpc, "icpc_icpc_date")
    s47_at = _lookup(icpc.ids["icpc_s47_enquiry_id"], s47.ids[S47.key], s47_ok)
    s47_given = ~np.asarray(
        pc.is_null(icpc.ids["icpc_s47_enquiry_id"]).to_numpy(zero_copy_only=False), dtype=bool
    )
    initial = ~transfer
    found.flag(
        icpc, initial & ~s47_given, "icpc_s47_enquiry_id",
        "an initial conference needs its section 47 enquiry (for the strategy discussion "
        "date): none is linked",
    )  # fmt: skip
    found.flag(
        icpc, initial & s47_given & (s47_at < 0), "icpc_s47_enquiry_id",
        "no usable row of ssd_s47_enquiry has this id", icpc.ids["icpc_s47_enquiry_id"],
    )  # fmt: skip
    start = np.full(n_icpc, NAT, dtype="datetime64[D]")
    linked = s47_at >= 0
    start[linked] = s47.dates["s47e_s47_start_date"][s47_at[linked]]
    # The enquiry's own problems, named at its row (once, however many conferences link it).
    s47_no_start = np.zeros(len(s47), dtype=bool)
    wanted = np.zeros(len(s47), dtype=bool)  # each linked enquiry once, with no sort
    wanted[s47_at[initial & linked]] = True
    wanted = np.flatnonzero(wanted)
    s47_no_start[wanted] = (
        np.isnat(s47.dates["s47e_s47_start_date"][wanted])
        & ~_unreadable(s47, "s47e_s47_start_date")[wanted]
    )
    found.flag(
        s47, s47_no_start, "s47e_s47_start_date",
        "a date is required: an initial conference links to this enquiry",
    )  # fmt: skip
    icpc_bad |= initial & (~s47_given | ~linked | np.isnat(start))
    # The enquiry must be this child's.
    icpc_bad |= _another_childs(
        found, icpc, "icpc_s47_enquiry_id", person, s47, s47_at, "s47e_person_id", "enquiry"
    )
    held = icpc.dates["icpc_icpc_date"]
    # Not yet held: no date to count from, so not in the records (its target still is read).
    transfer_not_held = transfer & np.isnat(held) & ~icpc_bad

    # --- conference ids: the meeting, split where its children had different discussions
    meeting = icpc.ids["icpc_icpc_meeting_id"]
    no_meeting = np.asarray(pc.is_null(meeting).to_numpy(zero_copy_only=False), dtype=bool)
    fallback = pc.binary_join_element_wise(
        "icpc_icpc_id=", pc.fill_null(icpc.ids[ICPC.key], ""), ""
    )
    conference = pc.if_else(pa.array(no_meeting), fallback, meeting)
    conference, split = _split_by_discussion(conference, start, ~icpc_bad & ~transfer_not_held)

    # --- plans, and which initial conference agreed each
    plan_ok = ~bad[PLANS.name]
    plan_key = plans.ids[PLANS.key]
    icpc_plan = _lookup(icpc.ids["icpc_cp_plan_id"], plan_key, plan_ok)
    by_plan_icpc = _lookup(icpc.ids[ICPC.key], plans.ids["cppl_icpc_id"], plan_ok)
    icpc_plan = np.where(icpc_plan >= 0, icpc_plan, by_plan_icpc)
    usable_icpc = ~icpc_bad & ~np.isnat(held)
    plan_icpc = _lookup(plans.ids["cppl_icpc_id"], icpc.ids[ICPC.key], usable_icpc)
    from_icpc = _lookup(plan_key, icpc.ids["icpc_cp_plan_id"], usable_icpc)
    plan_icpc = np.where(plan_icpc >= 0, plan_icpc, from_icpc)
    # A plan agreed at another child's conference is not timed from it (its first review
    # then counts from the plan's start, as for a plan with no conference found).
    plan_icpc[
        _another_childs(
            found, plans, "cppl_icpc_id", plans.ids["cppl_person_id"], icpc, plan_icpc,
            "icpc_person_id", "plan's conference",
        )
    ] = -1  # fmt: skip
    plan_end = plans.dates["cppl_cp_plan_end_date"]
    icpc_plan_end = np.full(n_icpc, NAT, dtype="datetime64[D]")
    has_plan = icpc_plan >= 0
    icpc_plan_end[has_plan] = plan_end[icpc_plan[has_plan]]
    no_plan = ~has_plan & (icpc.flags["icpc_icpc_outcome_cp_flag"] == values.FLAG_NO)
    icpc_plan_end[no_plan] = held[no_plan]  # no plan followed: no review is due from it

    # --- reviews
    review_bad = bad[REVIEWS.name] | _unreadable(reviews, "cppr_cp_review_date")
    review_plan_text = reviews.ids["cppr_cp_plan_id"]
    plan_given = ~np.asarray(
        pc.is_null(review_plan_text).to_numpy(zero_copy_only=False), dtype=bool
    )
    review_plan = _lookup(review_plan_text, plan_key, plan_ok)
    found.flag(
        reviews, plan_given & (review_plan < 0), "cppr_cp_plan_id",
        "no usable row of ssd_cp_plans has this id", review_plan_text,
    )  # fmt: skip
    review_bad |= plan_given & (review_plan < 0)
    linked_plan = review_plan >= 0
    plan_person = pa.nulls(len(reviews), pa.string())
    if linked_plan.any():
        taken = plans.ids["cppl_person_id"].take(pa.array(np.where(linked_plan, review_plan, 0)))
        plan_person = pc.if_else(pa.array(linked_plan), taken, plan_person)
    review_child_ids = pc.coalesce(reviews.ids["cppr_person_id"], plan_person)
    no_review_child = np.asarray(
        pc.is_null(review_child_ids).to_numpy(zero_copy_only=False), dtype=bool
    )
    found.flag(
        reviews, no_review_child, "cppr_person_id",
        "a value is required (the table has none, and no plan links the review to a child)",
    )  # fmt: skip
    review_bad |= no_review_child
    # The plan must be this child's: a review is timed from its plan's conferences.
    review_bad |= _another_childs(
        found, reviews, "cppr_cp_plan_id", review_child_ids, plans, review_plan,
        "cppl_person_id", "plan",
    )  # fmt: skip
    review_held = reviews.dates["cppr_cp_review_date"]
    previous_date, previous_type = _previous(
        reviews, review_plan, review_held, review_bad, plans, plan_icpc, held, transfer
    )
    review_meeting = reviews.ids["cppr_cp_review_meeting_id"]
    review_no_meeting = np.asarray(
        pc.is_null(review_meeting).to_numpy(zero_copy_only=False), dtype=bool
    )
    review_conference = pc.if_else(
        pa.array(review_no_meeting),
        pc.binary_join_element_wise(
            "cppr_cp_review_id=", pc.fill_null(reviews.ids[REVIEWS.key], ""), ""
        ),
        review_meeting,
    )
    review_end = np.full(len(reviews), NAT, dtype="datetime64[D]")
    has_review_plan = review_plan >= 0
    review_end[has_review_plan] = plan_end[review_plan[has_review_plan]]

    # --- the canonical columns: initial and transfer-in conferences, then held reviews
    # In the order of the rows' ids, so that every source gives the same records.
    icpc_order, review_order = _key_order(icpc), _key_order(reviews)
    take_icpc = icpc_order[(~icpc_bad & ~transfer_not_held)[icpc_order]]
    take_review = review_order[(~review_bad & ~np.isnat(review_held))[review_order]]
    conference_type = np.where(transfer, "transfer_in", "initial")
    ti, tr = pa.array(take_icpc, pa.int64()), pa.array(take_review, pa.int64())
    previous_text = np.asarray(previous_type, dtype=object)
    previous_text[previous_text == "transfer_in"] = ""  # the records look it up, by child and day
    table = {
        "child_id": pa.concat_arrays([person.take(ti), review_child_ids.take(tr)]),
        "conference_id": pa.concat_arrays([conference.take(ti), review_conference.take(tr)]),
        "conference_type": pa.array(
            np.concatenate([conference_type[take_icpc], np.full(len(take_review), "review")]),
            pa.string(),
        ),
        "conference_date": _iso(np.concatenate([held[take_icpc], review_held[take_review]])),
        "strategy_discussion_date": _iso(
            np.concatenate(
                [np.where(transfer, NAT, start)[take_icpc], np.full(len(take_review), NAT)]
            )
        ),
        "previous_conference_date": _iso(
            np.concatenate([np.full(len(take_icpc), NAT), previous_date[take_review]])
        ),
        "previous_conference_type": pa.concat_arrays(
            [
                pa.array(np.full(len(take_icpc), ""), pa.string()),
                pa.array(previous_text[take_review], pa.string()),
            ]
        ),
        "plan_end_date": _iso(np.concatenate([icpc_plan_end[take_icpc], review_end[take_review]])),
    }
    table = {name: pc.fill_null(column, "") for name, column in table.items()}
    origin = _Origin(icpc, reviews, take_icpc, take_review)
    numbers = np.arange(1, len(origin) + 1, dtype=np.int64)
    records = check_conference_columns(
        table, numbers, calendar, file=display, skip_invalid=True, vocabulary=vocabulary
    )
    located = [
        _relocate(problem, origin, s47, s47_at, icpc, reviews) for problem in records.problems
    ]
    kept = np.zeros(len(origin), dtype=bool)
    kept[records.rows - 1] = True
    in_icpc = np.zeros(n_icpc, dtype=bool)
    in_icpc[take_icpc[kept[: len(take_icpc)]]] = True
    in_review = np.zeros(len(reviews), dtype=bool)
    in_review[take_review[kept[len(take_icpc) :]]] = True
    every = found.problems + located
    if every and not skip_invalid:
        raise InputErrors(every)
    review_skipped = ~in_review & (review_bad | ~np.isnat(review_held))
    records = attrs.evolve(
        records,
        problems=tuple(every),
        skipped_rows=int((~in_icpc & ~transfer_not_held).sum() + review_skipped.sum()),
    )
    targets = _targets(icpc, person, conference, transfer, start, in_icpc)
    recorded_reviews = _reviews(
        reviews, review_child_ids, review_conference, review_held, previous_date, previous_type,
        in_review,
    )  # fmt: skip
    return SSDRecords(
        source=display,
        schema=schema,
        records=records,
        targets=targets,
        reviews=recorded_reviews,
        rows_read={name: len(table_) for name, table_ in tables.items()},
        absent_columns={name: table_.absent for name, table_ in tables.items() if table_.absent},
        initial_without_meeting_id=int(no_meeting[in_icpc].sum()),
        reviews_without_meeting_id=int(review_no_meeting[in_review].sum()),
        meetings_split=split,
        reviews_without_plan=int((~plan_given).sum()),
        transfer_in_not_held=int(transfer_not_held.sum()),
        reviews_not_held=int((np.isnat(review_held) & ~review_bad).sum()),
        problems=tuple(every),
    )


def _split_by_discussion(
    conference: pa.Array, start: Dates, usable: npt.NDArray[np.bool_]
) -> tuple[pa.Array, int]:
    """Give each strategy discussion of a meeting its own conference id, where they differ.

    The records take a conference's children to share one strategy discussion; children
    seen at one meeting after different discussions are, for the rules, conferences of
    their own: ``<meeting id> (strategy discussion <day>)``.
    """
    if not usable.any():
        return conference, 0
    at = np.flatnonzero(usable & ~np.isnat(start))
    codes = np.asarray(
        pc.dictionary_encode(conference.take(pa.array(at))).indices.to_numpy(zero_copy_only=False)
    )
    days = start[at].astype(np.int64)
    days -= days.min(initial=0)
    span = int(days.max(initial=0)) + 1
    # Each (meeting, day) pair once: one integer key per pair, sorted once (a sort of
    # pairs along an axis compares them as bytes, ten times slower).
    pairs = np.sort(codes.astype(np.int64) * span + days)
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    meeting = pairs // span
    counts = np.bincount(meeting, minlength=int(codes.max()) + 1 if len(codes) else 0)
    several = counts[codes] > 1
    if not several.any():
        return conference, 0
    rows = at[several]
    suffix = np.char.add(
        np.char.add(" (strategy discussion ", np.datetime_as_string(start[rows], unit="D")), ")"
    )
    labels = conference.to_numpy(zero_copy_only=False).astype(object)
    labels[rows] = np.char.add(labels[rows].astype(str), suffix).astype(object)
    return pa.array(labels.tolist(), pa.string()), int((counts > 1).sum())


def _another_childs(
    found: _Collector,
    table: _Read,
    column: str,
    person: pa.Array,
    linked: _Read,
    linked_at: npt.NDArray[np.int64],
    linked_person: str,
    what: str,
) -> npt.NDArray[np.bool_]:
    """Flag rows of ``table`` whose ``column`` links a row (``linked_at``) of another child.

    An enquiry or a plan belongs to one child: a conference or review linked to a sibling's
    is refused, naming both children, never timed from the sibling's conferences. Where
    ``linked`` has no ``linked_person`` column (or either id is empty) nothing is refused.
    Ids of digits alone are compared as numbers: a table whose ids are typed as numbers
    (Mosaic's ``numeric(9)``) has lost the leading zeros another table's text keeps.
    """
    other = np.zeros(len(table), dtype=bool)
    if linked_person in linked.absent:
        return other
    at = np.flatnonzero(linked_at >= 0)
    theirs = linked.ids[linked_person].take(pa.array(linked_at[at]))
    differs = pc.fill_null(
        pc.not_equal(_as_number_if_digits(theirs), _as_number_if_digits(person.take(pa.array(at)))),
        False,
    )
    other[at] = np.asarray(differs.to_numpy(zero_copy_only=False), dtype=bool)
    their_text = linked.text(linked_person)
    child = np.asarray(person.to_numpy(zero_copy_only=False), dtype=object)
    found.flag(
        table, other, column,
        lambda i: f"this {what} is another child's ({linked_person} "
        f"{their_text[linked_at[i]]!r}, not {child[i]!r})",
        table.ids[column],
    )  # fmt: skip
    return other


def _as_number_if_digits(ids: pa.Array) -> pa.Array:
    """Ids of digits alone without their leading zeros (``0001134`` and ``1134`` alike)."""
    digits = pc.match_substring_regex(ids, r"^[0-9]+$")
    return pc.if_else(digits, pc.utf8_ltrim(ids, characters="0"), ids)


def _previous(
    reviews: _Read,
    review_plan: npt.NDArray[np.int64],
    review_held: Dates,
    review_bad: npt.NDArray[np.bool_],
    plans: _Read,
    plan_icpc: npt.NDArray[np.int64],
    icpc_held: Dates,
    icpc_transfer: npt.NDArray[np.bool_],
) -> tuple[Dates, Texts]:
    """Find each review's previous conference in its plan.

    That is the last review held before it, or the conference that agreed the plan, or the
    plan's start date (its type then not known).
    """
    n = len(reviews)
    previous = np.full(n, NAT, dtype="datetime64[D]")
    kind = np.full(n, "", dtype=object)
    with_plan = np.flatnonzero(review_plan >= 0)
    if not len(with_plan):
        return previous, kind
    # Sort by plan, then day held (not yet held last), then review id.
    day = review_held[with_plan].astype("datetime64[D]").astype(np.int64)
    day = np.where(np.isnat(review_held[with_plan]), np.iinfo(np.int64).max, day)
    usable = ~review_bad[with_plan]
    keys = reviews.ids[REVIEWS.key].take(pa.array(with_plan))
    order = pc.sort_indices(
        pa.table({"plan": review_plan[with_plan], "day": day, "key": keys}),
        sort_keys=[("plan", "ascending"), ("day", "ascending"), ("key", "ascending")],
    ).to_numpy()
    rows = with_plan[order]
    plan = review_plan[rows]
    held_here = (~np.isnat(review_held[rows])) & usable[order]
    position = np.arange(len(rows))
    last_held = np.maximum.accumulate(np.where(held_here, position, -1))
    before = np.concatenate(([-1], last_held[:-1]))
    group_start = np.concatenate(([True], plan[1:] != plan[:-1]))
    first_of_group = np.maximum.accumulate(np.where(group_start, position, 0))
    has_review = before >= first_of_group
    got = rows[has_review]
    previous[got] = review_held[rows[before[has_review]]]
    kind[got] = "review"
    first = rows[~has_review]
    agreed = plan_icpc[review_plan[first]]
    linked = agreed >= 0
    previous[first[linked]] = icpc_held[agreed[linked]]
    kind[first[linked]] = np.where(icpc_transfer[agreed[linked]], "transfer_in", "initial")
    unlinked = first[~linked]
    previous[unlinked] = plans.dates["cppl_cp_plan_start_date"][review_plan[unlinked]]
    return previous, kind


@attrs.frozen
class _Origin:
    """Which SSD row each conference record came from: initial rows first, then reviews."""

    icpc: _Read
    reviews: _Read
    take_icpc: npt.NDArray[np.int64]
    take_review: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.take_icpc) + len(self.take_review)

    def __getitem__(self, index: int) -> tuple[_Read, int]:
        if index < len(self.take_icpc):
            return self.icpc, int(self.take_icpc[index])
        return self.reviews, int(self.take_review[index - len(self.take_icpc)])

    def place(self, number: int) -> str:
        """Where record ``number`` (1-based) came from."""
        table, at = self[number - 1]
        return table.place(at, table.key_at(at), None)


def _relocate(
    problem: InputProblem,
    origin: _Origin,
    s47: _Read,
    s47_at: npt.NDArray[np.int64],
    icpc: _Read,
    reviews: _Read,
) -> InputProblem:
    """Name a problem the conference checks found by the SSD table, row and column."""
    if not 1 <= problem.row <= len(origin):
        return problem
    table, at = origin[problem.row - 1]
    message = re.sub(
        r"from its row (\d+)$",
        lambda m: f"from {origin.place(int(m[1]))}" if 1 <= int(m[1]) <= len(origin) else m[0],
        problem.message,
    )
    columns = _ICPC_COLUMNS if table is icpc else _REVIEW_COLUMNS
    column = columns.get(problem.column or "", problem.column)
    if table is icpc and problem.column == "strategy_discussion_date" and s47_at[at] >= 0:
        table, at, column = s47, int(s47_at[at]), "s47e_s47_start_date"
    return table.problem(at, table.key_at(at), column, problem.value, message)


#: The conference-record columns, and the SSD column each comes from, by the row's table.
_ICPC_COLUMNS = {
    "child_id": "icpc_person_id",
    "conference_id": "icpc_icpc_meeting_id",
    "conference_type": "icpc_icpc_transfer_in",
    "conference_date": "icpc_icpc_date",
    "plan_end_date": "cppl_cp_plan_end_date (of the plan this conference agreed)",
}
_REVIEW_COLUMNS = {
    "child_id": "cppr_person_id",
    "conference_id": "cppr_cp_review_meeting_id",
    "conference_date": "cppr_cp_review_date",
    "previous_conference_date": "the previous conference in the plan (cppr_cp_plan_id)",
    "plan_end_date": "cppl_cp_plan_end_date (of the review's plan)",
}


def _where(table: str, key_column: str, key: Any, line: int, *, named: bool = False) -> str:
    """Name a row: ``row 5 (icpc_icpc_id 'X')`` in a CSV extract, else its table and id.

    :param named: name the table for a CSV extract's row too (``ssd_cp_reviews row 5 ...``),
        where no file name goes before it.
    """
    key_part = f"{key_column} {key!r}" if key is not None else f"no {key_column}"
    if not line:
        return f"{table} ({key_part})"
    return f"{table} row {line} ({key_part})" if named else f"row {line} ({key_part})"


def _targets(
    icpc: _Read,
    person: pa.Array,
    conference: pa.Array,
    transfer: npt.NDArray[np.bool_],
    start: Dates,
    in_records: npt.NDArray[np.bool_],
) -> RecordedTargets:
    order = _key_order(icpc)
    keys = icpc.key()
    return RecordedTargets(
        file=icpc.file,
        recorded_column="icpc_icpc_target_date" not in icpc.absent,
        icpc_id=keys[order],
        child_id=np.asarray(person.to_numpy(zero_copy_only=False), dtype=object)[order],
        conference_id=np.asarray(conference.to_numpy(zero_copy_only=False), dtype=object)[order],
        transfer_in=transfer[order],
        s47_start=start[order],
        recorded=icpc.dates["icpc_icpc_target_date"][order],
        unreadable=_unreadable_text(icpc, "icpc_icpc_target_date")[order],
        held=icpc.dates["icpc_icpc_date"][order],
        in_records=in_records[order],
        lines=icpc.lines[order],
    )


def _reviews(
    reviews: _Read,
    child_ids: pa.Array,
    conference: pa.Array,
    held: Dates,
    previous_date: Dates,
    previous_type: Texts,
    in_records: npt.NDArray[np.bool_],
) -> RecordedReviews:
    order = _key_order(reviews)
    plan = reviews.text("cppr_cp_plan_id")
    quorate_text = reviews.flag_text["cppr_cp_review_quorate"]
    return RecordedReviews(
        file=reviews.file,
        due_column="cppr_cp_review_due" not in reviews.absent,
        quorate_column="cppr_cp_review_quorate" not in reviews.absent,
        review_id=reviews.key()[order],
        child_id=np.asarray(child_ids.to_numpy(zero_copy_only=False), dtype=object)[order],
        plan_id=np.where(plan == None, "", plan)[order],  # noqa: E711 - elementwise
        conference_id=np.asarray(conference.to_numpy(zero_copy_only=False), dtype=object)[order],
        held=held[order],
        due=reviews.dates["cppr_cp_review_due"][order],
        due_unreadable=_unreadable_text(reviews, "cppr_cp_review_due")[order],
        previous_date=previous_date[order],
        previous_type=previous_type[order],
        quorate=reviews.flags["cppr_cp_review_quorate"][order],
        quorate_value=np.asarray(
            pc.fill_null(quorate_text, "").to_numpy(zero_copy_only=False), dtype=object
        )[order],
        in_records=in_records[order],
        lines=reviews.lines[order],
    )


def _unreadable_text(table: _Read, name: str) -> Texts:
    """Each row's value of ``name`` as written where it is not a date, else empty."""
    found = np.full(len(table), "", dtype=object)
    if name in table.bad_dates:
        unreadable, texts = table.bad_dates[name]
        where = np.flatnonzero(unreadable)
        found[where] = [str(text) for text in texts.take(pa.array(where)).to_pylist()]
    return found


def _key_order(table: _Read) -> npt.NDArray[np.int64]:
    """Rows in the order of their ids' text (rows without one last), as in every source."""
    order: npt.NDArray[np.int64] = np.asarray(
        pc.array_sort_indices(table.ids[table.spec.key], null_placement="at_end").to_numpy(),
        dtype=np.int64,
    )
    return order
