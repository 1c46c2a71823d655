"""The DfE children in need (CIN) census return: XML, read as a stream.

What is read, per ``Message/Children/Child`` (the schema has no namespace):

* ``ChildIdentifiers/LAchildID``: the child id;
* each ``CINdetails/Section47``: ``S47ActualStartDate`` (the date of the strategy
  discussion that initiated the enquiry), ``InitialCPCtarget`` (the council's own recorded
  target date), ``DateOfInitialCPC`` and ``ICPCnotRequired``;
* each ``CINdetails/ChildProtectionPlans``: ``CPPstartDate``, ``CPPendDate`` and
  ``Reviews/CPPreviewDate``;
* ``Message/Header/CollectionDetails/ReferenceDate``: the end of the census year, which
  runs from the day after the same date a year earlier. A ``ReferenceDate`` anywhere else
  (inside a ``Child``, or a second one) is a problem naming its path, and is not read.

Everything else (characteristics, assessments, CIN plans, referrals) is ignored. Every
problem names the element path, e.g. ``Child[412]/CINdetails[1]/Section47[2]/DateOfInitialCPC``.

The XML is parsed with lxml's ``iterparse``, one ``Child`` at a time, each dropped once
read, and every element the reader does not use dropped as soon as it ends, so memory
grows with the records found, not with the file. Problems are kept whole up to
:data:`~.problems.LISTED_PROBLEMS` and counted beyond (:class:`~.problems.ProblemList`).
Entity expansion, DTD loading and network access are off, and a file that declares a
DOCTYPE is refused: the census has none.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

import attrs
import numpy as np
import numpy.typing as npt
from lxml import etree

from ..calendar import WorkingDayCalendar
from .conferences import ConferenceRecords
from .located import FIELDS, LocatedRows, check_located, name_child
from .plans import PlanRecords, PlanRow
from .problems import ProblemList
from .rows import InputErrors, InputProblem
from .source import xml_codec

__all__ = ["CensusRecords", "CensusReturn", "read_cin_census"]

Dates = npt.NDArray[np.datetime64]

_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$")
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
#: Our column -> the census element under each kind of record's own element.
_KINDS: dict[str, dict[str, str]] = {
    "section47": {
        "conference_date": "DateOfInitialCPC",
        "strategy_discussion_date": "S47ActualStartDate",
    },
    "review": {},
}
#: The one place the census year is given.
_REFERENCE = "Message/Header/CollectionDetails/ReferenceDate"
#: The elements read inside a ``Child``; every other element is dropped as it ends.
_READ = frozenset(
    {
        "ChildIdentifiers", "LAchildID", "CINdetails", "Section47", "S47ActualStartDate",
        "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired", "ChildProtectionPlans",
        "CPPstartDate", "CPPendDate", "Reviews", "CPPreviewDate",
    }
)  # fmt: skip
#: What an element the reader uses must be in, to be kept until its ``Child`` ends.
_WITHIN = _READ | {"Child"}


@attrs.frozen(kw_only=True, eq=False)
class CensusReturn:
    """The section 47 enquiries of a CIN census return, as columns (one per ``Section47``)."""

    #: The file.
    file: str
    #: ``Header/CollectionDetails/ReferenceDate``: the last day of the census year.
    reference_date: dt.date
    #: The first day of the census year (the day after the reference date a year earlier).
    year_start: dt.date
    #: ``Child`` elements read.
    children: int
    #: ``LAchildID`` of each enquiry's child.
    child_id: npt.NDArray[np.object_]
    #: Each enquiry's element path, ``Child[n]/CINdetails[i]/Section47[j]``.
    location: npt.NDArray[np.object_]
    #: ``S47ActualStartDate``.
    s47_start: Dates
    #: ``InitialCPCtarget`` (NaT where not recorded, or not a date: see the next).
    recorded_target: Dates
    #: ``InitialCPCtarget`` as written where it is not a date in the calendar's coverage
    #: (empty elsewhere): reported as unreadable, and the enquiry kept.
    recorded_target_unreadable: npt.NDArray[np.object_]
    #: ``DateOfInitialCPC`` (NaT where none).
    icpc_date: Dates
    #: ``ICPCnotRequired``.
    icpc_not_required: npt.NDArray[np.bool_]
    #: Initial conferences recorded at ``CINdetails`` level (no ``Section47`` holds them),
    #: one element each: ``LAchildID``, the element's path, ``DateOfInitialCPC``, and
    #: whether a ``Section47`` of the same episode records a conference too.
    episode_icpc_child_id: npt.NDArray[np.object_] = attrs.field(
        factory=lambda: np.zeros(0, dtype=object)
    )
    episode_icpc_location: npt.NDArray[np.object_] = attrs.field(
        factory=lambda: np.zeros(0, dtype=object)
    )
    episode_icpc_date: Dates = attrs.field(factory=lambda: np.zeros(0, dtype="datetime64[D]"))
    episode_icpc_also_in_section47: npt.NDArray[np.bool_] = attrs.field(
        factory=lambda: np.zeros(0, dtype=bool)
    )

    def __len__(self) -> int:
        return len(self.location)


@attrs.frozen(kw_only=True, eq=False)
class CensusRecords:
    """A census read two ways: as conference records, and as its section 47 enquiries."""

    #: One row per initial conference (held, or due and not held) and per review.
    records: ConferenceRecords
    #: Every section 47 enquiry, for the DfE's own figures and the recorded targets.
    census: CensusReturn


def _not_a_census(file: str, why: str) -> InputErrors:
    return InputErrors([InputProblem(file, 0, None, None, f"not a DfE CIN census return: {why}")])


@contextlib.contextmanager
def _xml_file(path: Path) -> Iterator[tuple[IO[bytes], str | None]]:
    """Open an XML file for lxml, with the encoding to read it in where lxml needs telling.

    libxml2 reads UTF-8, UTF-16 and most other encodings itself, but not UTF-32 with a
    byte order mark (XML 1.0 does not require it to): such a file is recoded to UTF-8 as
    it is read, a block at a time, and lxml told so.
    """
    with path.open("rb") as handle:
        codec, mark = xml_codec(handle.read(4))
        handle.seek(0)
        if not codec.startswith("utf-32"):
            yield handle, None
            return
        handle.seek(mark)
        yield cast("IO[bytes]", codecs.EncodedFile(handle, "utf-8", codec)), "utf-8"


def _open_checked(path: Path, file: str) -> None:
    """Refuse anything but a well-formed XML document whose root is a plain ``Message``."""
    try:
        with _xml_file(path) as (handle, encoding):
            events = etree.iterparse(
                handle,
                encoding=encoding,
                events=("start",),
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
            )
            _, root = next(iter(events))
    except OSError as error:
        raise InputErrors(
            [InputProblem(file, 0, None, None, f"cannot read: {error.strerror or error}")]
        ) from None
    except (etree.XMLSyntaxError, StopIteration) as error:
        raise _not_a_census(file, f"not well-formed XML ({error})") from None
    if root.getroottree().docinfo.doctype:
        raise InputErrors(
            [
                InputProblem(
                    file, 0, None, None,
                    "the XML declares a DOCTYPE; a CIN census has none, and a DOCTYPE can "
                    "hide entity expansion, so the file is refused",
                )
            ]
        )  # fmt: skip
    if root.tag != "Message":
        raise _not_a_census(
            file, f"the root element is <{root.tag}>, expected <Message> with Children/Child"
        )


class _Reader:
    """Collects the census's records and problems, one ``Child`` at a time."""

    def __init__(self, file: str, calendar: WorkingDayCalendar, year_start: dt.date) -> None:
        self.file = file
        self.year_start = year_start
        self.first = calendar.first
        self.last = calendar.last
        self.coverage = (
            f"outside the {calendar.division.name} calendar's coverage "
            f"({calendar.first.isoformat()} to {calendar.last.isoformat()})"
        )
        self.problems = ProblemList(file)
        self.skipped = 0
        self.rows = LocatedRows(names=FIELDS, kinds=_KINDS, separator="/", child_label="LAchildID")
        self.child_id = ""  # the Child being read, to name it in its problems
        self.s47: list[tuple[str, str, dt.date, dt.date | None, dt.date | None, bool, str]] = []
        self.episode_icpcs: list[tuple[str, str, dt.date, bool]] = []
        self.plans: list[PlanRow] = []
        self.children = 0

    def problem(self, path: str, message: str, value: str | None = None) -> None:
        where = name_child(path, "LAchildID", self.child_id) if self.child_id else path
        self.problems.append(
            InputProblem(self.file, 0, path.rsplit("/", 1)[-1], value, message, location=where)
        )

    def date(self, element: Any, name: str, path: str, *, required: bool) -> dt.date | None:
        """Read the date in child element ``name``; a problem if it is malformed or uncovered."""
        text = (element.findtext(name) or "").strip()
        if not text:
            if required:
                self.problem(f"{path}/{name}", "a date is required here")
            return None
        return self.checked(text, f"{path}/{name}")

    def checked(self, text: str, where: str) -> dt.date | None:
        """``text`` as a date in the calendar's coverage, or None and a problem at ``where``."""
        try:
            day = _xs_date(text)
        except ValueError:
            self.problem(where, "expected a date in the form YYYY-MM-DD", text)
            return None
        if not self.first <= day <= self.last:
            self.problem(where, self.coverage, text)
            return None
        return day

    def child(self, element: Any) -> None:
        """Read one ``Child``: its enquiries, conferences, plans and reviews."""
        self.children += 1
        base = f"Child[{self.children}]"
        child_id = (element.findtext("ChildIdentifiers/LAchildID") or "").strip()
        self.child_id = child_id
        try:
            self._episodes(element, base, child_id)
        finally:
            self.child_id = ""  # a problem found outside this Child names no child

    def _episodes(self, element: Any, base: str, child_id: str) -> None:
        """Read each ``CINdetails`` of a ``Child`` (problems name the child: ``child_id``)."""
        if not child_id:
            self.problem(f"{base}/ChildIdentifiers/LAchildID", "a child id is required here")
        for i, cin in enumerate(element.iterfind("CINdetails"), start=1):
            episode = f"{base}/CINdetails[{i}]"
            plans = [
                (
                    f"{episode}/ChildProtectionPlans[{k}]",
                    self.plan(plan, f"{episode}/ChildProtectionPlans[{k}]"),
                )
                for k, plan in enumerate(cin.iterfind("ChildProtectionPlans"), start=1)
            ]
            section47s = list(cin.iterfind("Section47"))
            for j, s47 in enumerate(section47s, start=1):
                self.section47(s47, f"{episode}/Section47[{j}]", child_id, [p for _, p in plans])
            # A conference recorded at CINdetails level: no Section47 holds it (DfE rule
            # 2885(b): the plan's start equals it "if there is no associated Section 47
            # record"), so there is no S47 start to count 15 working days from.
            held = self.date(cin, "DateOfInitialCPC", episode, required=False)
            if held is not None and child_id:
                also = any((s47.findtext("DateOfInitialCPC") or "").strip() for s47 in section47s)
                self.episode_icpcs.append((child_id, f"{episode}/DateOfInitialCPC", held, also))
            for path, plan in plans:
                if plan is None:
                    continue
                if not child_id:
                    self.skipped += 1
                    continue
                self.reviews(path, child_id, *plan)
                start, end, reviews = plan
                self.plans.append(
                    (child_id, path, np.datetime64(start, "D"), _day(end),
                     [_day(day) for _, day in reviews])
                )  # fmt: skip

    def plan(
        self, element: Any, path: str
    ) -> tuple[dt.date, dt.date | None, list[tuple[int, dt.date]]] | None:
        before = len(self.problems)
        start = self.date(element, "CPPstartDate", path, required=True)
        end = self.date(element, "CPPendDate", path, required=False)
        reviews = []
        for m, review in enumerate(element.iterfind("Reviews/CPPreviewDate"), start=1):
            day = self.checked((review.text or "").strip(), f"{path}/Reviews/CPPreviewDate[{m}]")
            if day is not None:
                reviews.append((m, day))
        if start is None or len(self.problems) > before:
            self.skipped += 1
            return None
        return start, end, reviews

    def target(self, element: Any) -> tuple[dt.date | None, str]:
        """``InitialCPCtarget``, and its text where it is not a date in the coverage.

        The target is the council's own record, only checked against the rules, never used:
        an unreadable one is reported by the audit of recorded targets, and the enquiry kept.
        """
        text = (element.findtext("InitialCPCtarget") or "").strip()
        if not text:
            return None, ""
        try:
            day = _xs_date(text)
        except ValueError:
            return None, text
        return (day, "") if self.first <= day <= self.last else (None, text)

    def section47(
        self,
        element: Any,
        path: str,
        child_id: str,
        plans: list[tuple[dt.date, dt.date | None, list[tuple[int, dt.date]]] | None],
    ) -> None:
        before = len(self.problems)
        start = self.date(element, "S47ActualStartDate", path, required=True)
        target, unreadable = self.target(element)
        held = self.date(element, "DateOfInitialCPC", path, required=False)
        flag = (element.findtext("ICPCnotRequired") or "").strip()
        not_required = _BOOLEANS.get(flag.lower())
        if not_required is None:
            self.problem(
                f"{path}/ICPCnotRequired",
                "expected true or false (or 1 or 0)" if flag else "a value is required here",
                flag or None,
            )
        if start is None or not child_id or len(self.problems) > before or not_required is None:
            self.skipped += 1
            return
        self.s47.append((child_id, path, start, target, held, not_required, unreadable))
        if held is not None and held < start:
            return  # the DfE counts it, with no duration: listed as a data-quality problem
        if held is None and not_required:
            return
        values = {
            "child_id": child_id,
            "conference_id": path,
            "conference_type": "initial",
            "conference_date": held.isoformat() if held else "",
            "strategy_discussion_date": start.isoformat(),
        }
        if held is not None:
            ends = [plan[1] for plan in plans if plan is not None and plan[0] == held]
            if not ends:  # no plan followed: no review is due from this conference
                values["plan_end_date"] = held.isoformat()
            elif ends[0] is not None:
                values["plan_end_date"] = ends[0].isoformat()
        self.rows.add(path, "section47", values)

    def reviews(
        self,
        path: str,
        child_id: str,
        start: dt.date,
        end: dt.date | None,
        reviews: list[tuple[int, dt.date]],
    ) -> None:
        """Add one record per review: the first from the plan's start, each later one from the last.

        The plan's start (``CPPstartDate``) is the conference that agreed it (DfE rule 2885),
        and a return lists a plan's reviews, earlier years' too (no rule range-checks
        ``CPPreviewDate``), as the DfE's key indicator "CPPs reviewed within timescales"
        judges them: the first within three months of the start, each later one within six
        of the one before (in England).
        """
        previous: tuple[dt.date, str] | None = (start, "initial")
        for m, day in sorted(reviews, key=lambda item: item[1]):
            values = {
                "child_id": child_id,
                "conference_id": f"{path}/Reviews/CPPreviewDate[{m}]",
                "conference_type": "review",
                "conference_date": day.isoformat(),
                "plan_end_date": end.isoformat() if end else "",
            }
            if previous is not None:
                values["previous_conference_date"] = previous[0].isoformat()
                values["previous_conference_type"] = previous[1]
            self.rows.add(f"{path}/Reviews/CPPreviewDate[{m}]", "review", values)
            previous = (day, "review")


def _elements(path: Path, file: str) -> Iterator[Any]:
    """Yield each ``ReferenceDate`` and ``Child`` as it ends, then drop it.

    Every other element is dropped as soon as it ends too, unless it is one the reader
    uses inside a ``Child`` (:data:`_READ`, in a ``Child`` or in another such element;
    one outside a ``Child`` goes when what holds it ends): junk beside or inside the
    children costs nothing, however much of it there is.
    """
    with _xml_file(path) as (handle, encoding):
        events = etree.iterparse(
            handle,
            encoding=encoding,
            events=("end",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        try:
            for _, element in events:
                tag = element.tag
                parent = element.getparent()
                if tag in ("Child", "ReferenceDate"):
                    yield element
                elif tag in _READ and parent is not None and parent.tag in _WITHIN:
                    continue  # read when its Child ends (dropped with it if not in one)
                element.clear(keep_tail=False)
                if parent is not None:
                    parent.remove(element)
        except etree.XMLSyntaxError as error:
            raise _not_a_census(file, f"not well-formed XML ({error})") from None


def _is_child(element: Any) -> bool:
    """Whether a ``Child`` is where the census has its children: ``Message/Children/Child``."""
    parent = element.getparent()
    return (
        parent is not None
        and parent.tag == "Children"
        and parent.getparent() is not None
        and (parent.getparent().getparent() is None)
    )


def _path(element: Any, children: int) -> str:
    """Return an element's path: from its ``Child`` (``Child[4]/...``), else from the root."""
    names = []
    node = element
    while node is not None:
        if node is not element and node.tag == "Child" and _is_child(node):
            names.append(f"Child[{children + 1}]")
            break
        names.append(str(node.tag))
        node = node.getparent()
    return "/".join(reversed(names))


def read_cin_census(
    path: str | Path,
    calendar: WorkingDayCalendar,
    *,
    action_rules: Iterable[str] = (),
    skip_invalid: bool = False,
) -> CensusRecords:
    """Read a DfE CIN census XML return.

    :param calendar: dates outside its coverage are problems (the DfE's public sample uses
        1960s dates, which no bank-holiday calendar covers).
    :param action_rules: rule ids whose ``<rule id>_date`` columns to read; the census has
        none, so they are empty.
    :param skip_invalid: leave out enquiries and plans with problems, and report them,
        instead of raising.
    :raises InputErrors: for a file that is not a census, and listing every problem
        unless ``skip_invalid``.
    """
    file = str(path)
    source = Path(path)
    _open_checked(source, file)
    reader: _Reader | None = None
    reference = dt.date.min
    stray: list[InputProblem] = []
    for element in _elements(source, file):
        if element.tag == "ReferenceDate":
            where = _path(element, reader.children if reader else 0)
            if where == _REFERENCE and reader is None:
                reference = _reference_date(element, file, calendar)
                reader = _Reader(file, calendar, _year_start(reference))
                for problem in stray:
                    reader.problems.append(problem)
                continue
            given = f" ({reference.isoformat()})" if reader else ""
            stray.append(
                InputProblem(
                    file, 0, "ReferenceDate", (element.text or "").strip(),
                    f"a ReferenceDate here is not read: only {_REFERENCE}{given} gives the "
                    "census year",
                    location=where,
                )
            )  # fmt: skip
            if reader is not None:
                reader.problems.append(stray.pop())
        elif reader is None:
            raise _not_a_census(
                file,
                "no Header/CollectionDetails/ReferenceDate before the first Child: the "
                "census year cannot be known",
            )
        elif _is_child(element):
            reader.child(element)
        else:
            reader.problem(
                _path(element, reader.children),
                "a Child outside Message/Children is not read (the census has its children "
                "there only)",
            )
    if reader is None:
        found = f" (found only at {', '.join(p.location or '' for p in stray)})" if stray else ""
        raise _not_a_census(file, f"no Header/CollectionDetails/ReferenceDate{found}")
    if reader.children == 0:
        raise _not_a_census(file, "no Children/Child elements")
    records = check_located(
        reader.rows,
        calendar,
        file=file,
        action_rules=action_rules,
        skip_invalid=skip_invalid,
        problems=reader.problems.listed(),
        skipped=reader.skipped,
    )
    rows = reader.s47
    census = CensusReturn(
        file=file,
        reference_date=reference,
        year_start=reader.year_start,
        children=reader.children,
        child_id=np.array([r[0] for r in rows], dtype=object),
        location=np.array([r[1] for r in rows], dtype=object),
        s47_start=np.array([r[2] for r in rows], dtype="datetime64[D]"),
        recorded_target=_optional_dates([r[3] for r in rows]),
        recorded_target_unreadable=np.array([r[6] for r in rows], dtype=object),
        icpc_date=_optional_dates([r[4] for r in rows]),
        icpc_not_required=np.array([r[5] for r in rows], dtype=bool),
        episode_icpc_child_id=np.array([r[0] for r in reader.episode_icpcs], dtype=object),
        episode_icpc_location=np.array([r[1] for r in reader.episode_icpcs], dtype=object),
        episode_icpc_date=_optional_dates([r[2] for r in reader.episode_icpcs]),
        episode_icpc_also_in_section47=np.array([r[3] for r in reader.episode_icpcs], dtype=bool),
    )
    records = attrs.evolve(records, plans=PlanRecords.of(reader.plans))
    return CensusRecords(records=records, census=census)


def _xs_date(text: str) -> dt.date:
    """Read an ``xs:date`` (``YYYY-MM-DD``, optionally with a time zone, which is ignored)."""
    match = _DATE.match(text)
    if match is None:
        raise ValueError(text)
    return dt.date.fromisoformat(match.group(1))


def _reference_date(element: Any, file: str, calendar: WorkingDayCalendar) -> dt.date:
    """Read the census's reference date, which must lie in the calendar's coverage."""
    text = (element.text or "").strip()

    def refuse(message: str) -> InputErrors:
        return InputErrors(
            [InputProblem(file, 0, "ReferenceDate", text, message, location=_REFERENCE)]
        )

    try:
        day = _xs_date(text)
    except ValueError:
        raise refuse("expected the census reference date in the form YYYY-MM-DD") from None
    if not calendar.first <= day <= calendar.last:
        raise refuse(
            f"the census reference date is outside the {calendar.division.name} calendar's "
            f"coverage ({calendar.first.isoformat()} to {calendar.last.isoformat()}), so "
            "the census year cannot be placed"
        )
    return day


def _day(day: dt.date | None) -> np.datetime64:
    return np.datetime64("NaT", "D") if day is None else np.datetime64(day, "D")


def _optional_dates(days: list[dt.date | None]) -> Dates:
    return np.array(
        [np.datetime64("NaT") if day is None else np.datetime64(day, "D") for day in days],
        dtype="datetime64[D]",
    )


def _year_start(reference: dt.date) -> dt.date:
    """Return the day after the reference date one year earlier (1 April for 31 March)."""
    try:
        earlier = reference.replace(year=reference.year - 1)
    except ValueError:  # 29 February
        earlier = dt.date(reference.year - 1, 2, 28)
    return earlier + dt.timedelta(days=1)
