"""Which kind of file this is, from its content; and reading any of them as records.

A file is recognised by its first bytes, not its name: a zip or OLE2 container is a
workbook (an Ofsted Annex A, unless a column mapping is given), ``<`` starts an XML file (a
DfE CIN census return), ``{`` a JSON-lines file, and anything else is our CSV schema (or,
with a mapping, a council's own CSV export). ``--input-format`` overrides the guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .._explain import N_
from .._lazy import lazy_exports
from ..calendar import WorkingDayCalendar, calendar_for
from ..rules import VOCABULARY, RuleSet, StartEvent, Vocabulary
from .conferences import ConferenceRecords, read_conference_records
from .formats import WITHOUT_FAMILY_LINK, InputFormat
from .problems import InputErrors, InputProblem
from .source import InputSource, open_input, starts_like_workbook, starts_like_xml

if TYPE_CHECKING:
    from .cin_census import CensusReturn
    from .mapping import ColumnMapping
    from .ssd import SSDRecords

#: Why a census (or an Annex A list) cannot be counted by conference.
NO_FAMILY_LINK = N_(
    "not known: the file has no family link, so the children seen at one conference cannot "
    "be grouped; every figure here counts children (each enquiry separately)"
)

#: Why an SSD cannot be counted by conference (``{n}``: the rows with no meeting id).
NO_MEETING_ID = N_(
    "not known: {n} conference row(s) of the Standard Safeguarding Dataset have no meeting id "
    "(icpc_icpc_meeting_id, cppr_cp_review_meeting_id), so the children seen at one "
    "conference cannot all be grouped; every figure here counts children"
)

__all__ = [
    "NO_FAMILY_LINK",
    "NO_MEETING_ID",
    "InputFormat",
    "LoadedRecords",
    "detect_format",
    "is_ssd_location",
    "read_records",
    "reader_rules",
    "shown",
]

#: The census, workbook and mapping readers, imported only when such a file is read: they
#: need lxml or fastexcel, which a report on a CSV file never loads.
_reader = lazy_exports(
    __package__ or __name__,
    {},
    {
        ".annex_a": ("read_annex_a",),
        ".cin_census": ("read_cin_census",),
        ".mapping": ("read_mapped_records",),
        ".ssd": ("mask_url", "read_ssd"),
    },
)


@attrs.frozen(kw_only=True, eq=False)
class LoadedRecords:
    """Conference records read from any supported file, and what kind of file it was."""

    #: The records, checked.
    records: ConferenceRecords
    #: The kind of file.
    input_format: InputFormat
    #: For a CIN census, its section 47 enquiries (for the DfE's figures).
    census: CensusReturn | None = None
    #: For the Standard Safeguarding Dataset, what its tables record beside the conferences
    #: (the council's own target and due dates, each review's quorate flag).
    ssd: SSDRecords | None = None

    @property
    def conferences_known(self) -> bool:
        """Whether the file says which children were seen together at one conference."""
        if self.ssd is not None:
            return self.ssd.conferences_known
        return self.input_format.value not in WITHOUT_FAMILY_LINK

    @property
    def conferences_unknown_why(self) -> str:
        """Why figures by conference are not known (see :attr:`conferences_known`)."""
        if self.ssd is not None and not self.ssd.conferences_known:
            missing = self.ssd.initial_without_meeting_id + self.ssd.reviews_without_meeting_id
            return NO_MEETING_ID.format(n=missing)
        return NO_FAMILY_LINK


def shown(path: str | Path) -> str:
    """``path`` as it may be shown: a database URL with its password masked."""
    text = str(path)
    return _reader("mask_url")(text) if "://" in text else text


def is_ssd_location(path: str | Path | InputSource) -> bool:
    """Whether ``path`` names a database (a URL such as ``sqlite:///ssd.db``) or a folder."""
    if isinstance(path, InputSource):
        return False
    return "://" in str(path) or Path(path).is_dir()


def detect_format(
    path: str | Path | InputSource, *, mapping: ColumnMapping | None = None
) -> InputFormat:
    """Recognise a records file by its first bytes (read once, when it is opened).

    :param path: the file, ``-`` for standard input, or an opened :class:`InputSource`.
    :raises InputErrors: if it cannot be read.
    """
    if mapping is not None:
        return InputFormat.MAPPED
    if is_ssd_location(path):
        return InputFormat.SSD
    start = open_input(path).head
    if starts_like_workbook(start):
        return InputFormat.ANNEX_A
    if starts_like_xml(start):  # in any encoding its byte order mark or zero bytes show
        return InputFormat.CIN_CENSUS
    text = start.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"{"):
        return InputFormat.JSONL
    return InputFormat.CSV


def reader_rules(rule_set: RuleSet) -> tuple[WorkingDayCalendar, tuple[str, ...], Vocabulary]:
    """Return what the readers take from a rule set.

    Its division's calendar (dates outside it are problems), the rules whose
    ``<rule id>_date`` columns to read (those counted from the conference), and the
    spellings its plugins add to the vocabulary.
    """
    action_rules = tuple(
        rule_id
        for rule_id in rule_set.rule_ids
        if rule_set.versions(rule_id)[-1].start_event is StartEvent.CONFERENCE
    )
    return calendar_for(rule_set.division), action_rules, rule_set.vocabulary


def read_records(
    path: str | Path | InputSource,
    rules: RuleSet | WorkingDayCalendar,
    *,
    input_format: InputFormat | None = None,
    mapping: ColumnMapping | None = None,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
    vocabulary: Vocabulary = VOCABULARY,
    progress: Callable[[int], object] | None = None,
    db_schema: str | None = None,
    password_env: str | None = None,
) -> LoadedRecords:
    """Read conference records from any supported file (see :class:`InputFormat`).

    The file is opened once and recognised by its first bytes, then read by its format's
    reader.

    :param rules: the rule set the records will be judged by: its division's calendar,
        the action dates its rules read, and its vocabulary. (A calendar alone also works,
        with ``action_rules`` and ``vocabulary`` given separately.)
    :param input_format: the kind of file; recognised from its content when not given.
    :param mapping: the column mapping for a council's own export.
    :param action_rules: with a calendar: the rule ids whose ``<rule id>_date`` columns to read.
    :param vocabulary: with a calendar: the spellings conference types and answers may be
        written in.
    :param progress: called with the number of rows read so far (CSV files, block by block).
    :param db_schema: for a database: the schema holding the SSD tables (default: the
        database's own).
    :param password_env: for a database: the environment variable holding its password.
    :raises InputErrors: naming every problem, unless ``skip_invalid``.
    """
    if isinstance(rules, RuleSet):
        calendar, action_rules, vocabulary = reader_rules(rules)
    else:
        calendar = rules
    if input_format is InputFormat.SSD or (input_format is None and is_ssd_location(path)):
        ssd: SSDRecords = _reader("read_ssd")(
            str(path),
            calendar,
            schema=db_schema,
            password_env=password_env,
            skip_invalid=skip_invalid,
            vocabulary=vocabulary,
        )
        records = attrs.evolve(ssd.records, input_format=InputFormat.SSD.value, file=ssd.source)
        return LoadedRecords(records=records, input_format=InputFormat.SSD, ssd=ssd)
    source = open_input(path)  # standard input or a pipe is read once, here
    detected = detect_format(source, mapping=mapping)
    kind = input_format or detected
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
    where = source.path or Path(source.name)
    if kind is InputFormat.CIN_CENSUS:
        read = _reader("read_cin_census")(
            where, calendar, action_rules=action_rules, skip_invalid=skip_invalid
        )
        return LoadedRecords(
            records=attrs.evolve(read.records, input_format=kind.value),
            input_format=kind,
            census=read.census,
        )
    if kind is InputFormat.ANNEX_A:
        records = _reader("read_annex_a")(
            where,
            calendar,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            vocabulary=vocabulary,
        )
    elif kind is InputFormat.MAPPED:
        if mapping is None:
            raise InputErrors(
                [InputProblem(source.name, 0, None, None, "the mapped format needs a mapping file")]
            )
        records = _reader("read_mapped_records")(
            where,
            mapping,
            calendar,
            action_rules=action_rules,
            skip_invalid=skip_invalid,
            vocabulary=vocabulary,
        )
    else:
        if detected is InputFormat.ANNEX_A:
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
    if kind is not InputFormat.CSV:  # (a CSV reader's file may be JSON lines: it says)
        records = attrs.evolve(records, input_format=kind.value)
    return LoadedRecords(records=records, input_format=InputFormat(records.input_format))
