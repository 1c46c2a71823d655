"""Which kind of file this is, from its content; and reading any of them as records.

A file is recognised by its first bytes, not its name: a zip or OLE2 container is a
workbook (an Ofsted Annex A, unless a column mapping is given), ``<`` starts an XML file (a
DfE CIN census return), ``{`` a JSON-lines file, and anything else is our CSV schema (or,
with a mapping, a council's own CSV export). ``--input-format`` overrides the guess.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .._lazy import lazy_exports
from ..calendar import WorkingDayCalendar
from ..rules import VOCABULARY, Vocabulary
from .conferences import ConferenceRecords, read_conference_records
from .problems import InputErrors, InputProblem
from .source import InputSource, open_input, starts_like_workbook

if TYPE_CHECKING:
    from .cin_census import CensusReturn
    from .mapping import ColumnMapping

__all__ = ["InputFormat", "LoadedRecords", "detect_format", "read_records"]

#: The census, workbook and mapping readers, imported only when such a file is read: they
#: need lxml or fastexcel, which a report on a CSV file never loads.
_reader = lazy_exports(
    __package__ or __name__,
    {},
    {
        ".annex_a": ("read_annex_a",),
        ".cin_census": ("read_cin_census",),
        ".mapping": ("read_mapped_records",),
    },
)


class InputFormat(enum.Enum):
    """The kinds of file the readers understand."""

    #: Our own schema, CSV (see :mod:`.conferences`).
    CSV = "csv"
    #: Our own schema, JSON lines.
    JSONL = "jsonl"
    #: The DfE children in need census return (XML).
    CIN_CENSUS = "cin-census"
    #: The Ofsted Annex A workbook (List 5 and List 7).
    ANNEX_A = "annex-a"
    #: A council's own export (CSV or workbook) read through a TOML column mapping.
    MAPPED = "mapped"


@attrs.frozen(kw_only=True, eq=False)
class LoadedRecords:
    """Conference records read from any supported file, and what kind of file it was."""

    #: The records, checked.
    records: ConferenceRecords
    #: The kind of file.
    input_format: InputFormat
    #: For a CIN census, its section 47 enquiries (for the DfE's figures).
    census: CensusReturn | None = None

    @property
    def conferences_known(self) -> bool:
        """Whether the file says which children were seen together at one conference."""
        return self.input_format not in (InputFormat.CIN_CENSUS, InputFormat.ANNEX_A)


def detect_format(
    path: str | Path | InputSource, *, mapping: ColumnMapping | None = None
) -> InputFormat:
    """Recognise a records file by its first bytes.

    :param path: the file, ``-`` for standard input, or an opened :class:`InputSource`.
    :raises InputErrors: if it cannot be read.
    """
    if mapping is not None:
        return InputFormat.MAPPED
    source = open_input(path)
    try:
        with source.open_binary() as handle:
            start = handle.read(512)
    except OSError as error:
        problem = InputProblem(source.name, 0, None, None, f"cannot read: {error.strerror}")
        raise InputErrors([problem]) from None
    if starts_like_workbook(start):
        return InputFormat.ANNEX_A
    text = start.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        return InputFormat.CIN_CENSUS
    if text.startswith(b"{"):
        return InputFormat.JSONL
    return InputFormat.CSV


def read_records(
    path: str | Path,
    calendar: WorkingDayCalendar,
    *,
    input_format: InputFormat | None = None,
    mapping: ColumnMapping | None = None,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
    progress: Callable[[int], object] | None = None,
) -> LoadedRecords:
    """Read conference records from any supported file (see :class:`InputFormat`).

    :param input_format: the kind of file; recognised from its content when not given.
    :param mapping: the column mapping for a council's own export.
    :param vocabulary: the spellings conference types and answers may be written in.
    :param progress: called with the number of rows read so far (CSV files, block by block).
    :raises InputErrors: naming every problem, unless ``skip_invalid``.
    """
    source = open_input(path)  # standard input or a pipe is read once, here
    kind = input_format or detect_format(source, mapping=mapping)
    if source.path is None and kind not in (InputFormat.CSV, InputFormat.JSONL):
        raise InputErrors(
            [
                InputProblem(
                    source.name, 0, None, None,
                    f"a {kind.value} file must be named as a file, not read from standard "
                    "input or a pipe",
                )
            ]
        )  # fmt: skip
    path = source.path or path
    if kind is InputFormat.CIN_CENSUS:
        read = _reader("read_cin_census")(
            path, calendar, action_rules=action_rules, skip_invalid=skip_invalid
        )
        return LoadedRecords(records=read.records, input_format=kind, census=read.census)
    if kind is InputFormat.ANNEX_A:
        records = _reader("read_annex_a")(
            path,
            calendar,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            vocabulary=vocabulary,
        )
    elif kind is InputFormat.MAPPED:
        if mapping is None:
            raise InputErrors(
                [InputProblem(str(path), 0, None, None, "the mapped format needs a mapping file")]
            )
        records = _reader("read_mapped_records")(
            path,
            mapping,
            calendar,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            vocabulary=vocabulary,
        )
    else:
        if detect_format(source) is InputFormat.ANNEX_A:
            raise InputErrors(
                [
                    InputProblem(
                        source.name, 0, None, None,
                        "this is a workbook, not a CSV or JSON-lines file: read it as an Annex "
                        "A (--input-format annex-a) or through a column mapping (--mapping)",
                    )
                ]
            )  # fmt: skip
        records = read_conference_records(
            source,
            calendar,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            vocabulary=vocabulary,
            progress=progress,
        )
    return LoadedRecords(records=records, input_format=kind)
