"""The readers on hostile input: a result or located problems, never a traceback or a lost row.

For arbitrary bytes, arbitrary text and mutations of a valid file (a deleted quote, a
duplicated delimiter, a truncated last line, ...), each reader either returns its records or
raises :class:`InputErrors` whose every problem names the file. With ``skip_invalid``, no
row disappears without a problem saying so: if fewer rows are decided than the file has
lines, something is listed. Records written by the tool's own CSV writer read back as
written (apart from the quote that neutralises a formula, which is the point of it).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding_rules import calendar_for
from safeguarding_rules.records import (
    ConferenceAttendance,
    ConferenceRecords,
    InputErrors,
    InputProblem,
    read_attendance,
    read_conference_records,
)
from safeguarding_rules.reports.output import csv_text, neutralise_cell

CAL = calendar_for("england-and-wales")
ATTENDANCE_FIELDS = ("conference_id", "agency", "mode", "direct_contact", "chair_reason")
RECORD_FIELDS = (
    "child_id",
    "conference_id",
    "conference_type",
    "conference_date",
    "strategy_discussion_date",
    "reason_for_delay",
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values as councils type them: any letters, digits, punctuation (quotes and commas too),
# spaces inside, no line breaks or control characters, nothing to strip at either end.
VALUE = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf"),
        blacklist_characters="\x85",
    ),
    min_size=1,
    max_size=12,
).filter(lambda v: v == v.strip())


T = TypeVar("T")


def in_file(suffix: str, data: bytes, read: Callable[[Path], T]) -> T:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return read(path)


def located(problems: tuple[InputProblem, ...] | list[InputProblem]) -> None:
    assert problems
    for problem in problems:
        assert problem.file.endswith(("input.csv", "input.jsonl"))
        assert problem.row >= 0
        assert problem.message


Attendances = tuple[list[ConferenceAttendance], list[InputProblem]]


def attendance(skip: bool) -> Callable[[Path], Attendances]:
    return lambda path: read_attendance(path, skip_invalid=skip)


def records(skip: bool) -> Callable[[Path], ConferenceRecords]:
    return lambda path: read_conference_records(path, CAL, skip_invalid=skip)


READERS: dict[str, tuple[Callable[[bool], Callable[[Path], object]], bytes]] = {
    "attendance": (attendance, b"conference_id,agency,mode,direct_contact,chair_reason\n"),
    "records": (records, (",".join(RECORD_FIELDS) + "\n").encode()),
}


@SETTINGS
@given(
    reader=st.sampled_from(sorted(READERS)),
    suffix=st.sampled_from([".csv", ".jsonl"]),
    body=st.one_of(st.binary(max_size=400), st.text(max_size=200).map(str.encode)),
    with_header=st.booleans(),
    skip=st.booleans(),
)
def test_any_bytes_give_records_or_located_problems(
    reader: str, suffix: str, body: bytes, with_header: bool, skip: bool
) -> None:
    make, header = READERS[reader]
    if reader == "records" and suffix == ".csv":
        # Bytes that are not UTF-8 in a conference-records CSV are issue 17's (item 9): the
        # Arrow reader cannot yet name their row. Text of any kind is covered here.
        body = body.decode("utf-8", errors="replace").encode()
    data = (header if with_header and suffix == ".csv" else b"") + body
    try:
        in_file(suffix, data, make(skip))
    except InputErrors as error:
        located(error.problems)


def attendance_file(rows: list[tuple[str, str, str, str, str]]) -> str:
    return csv_text(
        ATTENDANCE_FIELDS, [dict(zip(ATTENDANCE_FIELDS, row, strict=True)) for row in rows]
    )


# An agency name needs a letter or digit (the vocabulary compares those).
AGENCY = VALUE.filter(lambda v: any(c.isascii() and c.isalnum() for c in v))
ROW = st.tuples(
    VALUE,
    AGENCY,
    st.sampled_from(["in_person", "remote", "report_only", "apologies", "absent"]),
    st.sampled_from(["yes", "no"]),
    st.just(""),
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A valid attendance file (one row per conference), and that file mutated once."""
    rows = draw(st.lists(ROW, min_size=1, max_size=8, unique_by=lambda r: r[0]))
    text = attendance_file(rows)
    kind = draw(
        st.sampled_from(["delete", "duplicate-comma", "insert-quote", "truncate", "delete-quote"])
    )
    if kind == "truncate":
        return text, text[: draw(st.integers(len(text) // 2, len(text)))]
    if kind == "delete-quote" and '"' in text:
        at = draw(st.sampled_from([i for i, c in enumerate(text) if c == '"']))
        return text, text[:at] + text[at + 1 :]
    at = draw(st.integers(0, len(text) - 1))
    if kind == "delete":
        return text, text[:at] + text[at + 1 :]
    if kind == "duplicate-comma" and "," in text:
        at = draw(st.sampled_from([i for i, c in enumerate(text) if c == ","]))
        return text, text[:at] + "," + text[at:]
    return text, text[:at] + '"' + text[at:]


@SETTINGS
@given(mutated())
def test_a_mutated_attendance_file_loses_no_row_silently(case: tuple[str, str]) -> None:
    _, text = case
    try:
        result = in_file(".csv", text.encode(), attendance(True))
    except InputErrors as error:  # a broken header: the whole file is refused, and says why
        located(error.problems)
        return
    conferences, problems = result
    lines = [line for line in text.split("\r\n")[1:] if line.strip()]
    decided = sum(len(conference.rows) for conference in conferences)
    if decided < len(lines):
        assert problems, f"{len(lines) - decided} row(s) lost without a problem"


@SETTINGS
@given(st.lists(ROW, min_size=1, max_size=8, unique_by=lambda r: r[0]))
def test_attendance_written_by_the_tool_reads_back(
    rows: list[tuple[str, str, str, str, str]],
) -> None:
    conferences, problems = in_file(".csv", attendance_file(rows).encode(), attendance(False))
    assert problems == []
    back = [(c.conference_id, c.attendances[0].agency) for c in conferences]
    assert back == [(neutralise_cell(r[0]), neutralise_cell(r[1])) for r in rows]


@SETTINGS
@given(st.lists(st.tuples(VALUE, VALUE, VALUE), min_size=1, max_size=8, unique_by=lambda r: r[1]))
def test_records_written_by_the_tool_read_back(rows: list[tuple[str, str, str]]) -> None:
    written = [
        dict(
            zip(
                RECORD_FIELDS,
                (child, conference, "initial", "2015-01-08", "2014-12-15", reason),
                strict=True,
            )
        )
        for child, conference, reason in rows
    ]
    read = in_file(".csv", csv_text(RECORD_FIELDS, written).encode(), records(False))
    assert read.child_id.tolist() == [neutralise_cell(r[0]) for r in rows]
    assert read.conference_id.tolist() == [neutralise_cell(r[1]) for r in rows]
    assert read.reason_for_delay.tolist() == [neutralise_cell(r[2]) for r in rows]
