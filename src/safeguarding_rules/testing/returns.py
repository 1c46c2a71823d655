"""Synthetic returns for tests and benchmarks: a DfE CIN census and an Ofsted Annex A.

Both are written from their published structures with made-up children.

No real personal data: ids are invented, and dates are whatever the caller gives (or
:func:`random_census` draws). The census is written as a stream, so a 20,000-child return
costs no memory. :func:`write_annex_a` needs openpyxl (in the ``test`` dependency group),
imported only when it is called.

The structures follow the DfE's CIN census schema (``Message/Header/CollectionDetails``,
``Children/Child/ChildIdentifiers``, ``CINdetails/Section47``,
``CINdetails/ChildProtectionPlans/Reviews``) and Ofsted's Annex A List 5 and List 7
headings. Values are written as given, so a test can put a malformed date or answer where
it wants one.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

import attrs

__all__ = [
    "LIST_5_HEADINGS",
    "LIST_7_HEADINGS",
    "CensusChild",
    "Episode",
    "Plan",
    "Section47",
    "random_census",
    "write_annex_a",
    "write_cin_census",
]

Value = dt.date | str | None


@attrs.frozen(kw_only=True)
class Section47:
    """One ``Section47`` module: dates as dates, or any text (to write a malformed one)."""

    start: Value
    target: Value = None
    icpc: Value = None
    not_required: bool | str = False


@attrs.frozen(kw_only=True)
class Plan:
    """One ``ChildProtectionPlans`` module."""

    start: Value
    end: Value = None
    reviews: Sequence[Value] = ()


@attrs.frozen(kw_only=True)
class Episode:
    """One ``CINdetails`` module."""

    referral: Value = dt.date(2023, 4, 3)
    section47s: Sequence[Section47] = ()
    plans: Sequence[Plan] = ()
    #: ``DateOfInitialCPC`` at ``CINdetails`` level: a conference outside any ``Section47``
    #: (as the DfE validator's ``fake_CIN_data.xml`` records every one).
    icpc: Value = None


@attrs.frozen(kw_only=True)
class CensusChild:
    """One ``Child``."""

    child_id: str
    episodes: Sequence[Episode] = ()


def _text(value: Value | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return escape(value or "")


def _element(name: str, value: Value | bool) -> str:
    return "" if value is None else f"<{name}>{_text(value)}</{name}>"


def _child(child: CensusChild) -> str:
    parts = [
        "<Child><ChildIdentifiers>",
        _element("LAchildID", child.child_id),
        "<GenderCurrent>0</GenderCurrent></ChildIdentifiers>",
        "<ChildCharacteristics><Ethnicity>NOBT</Ethnicity></ChildCharacteristics>",
    ]
    for episode in child.episodes:
        parts += ["<CINdetails>", _element("CINreferralDate", episode.referral),
                  "<ReferralSource>1A</ReferralSource>"]  # fmt: skip
        for s47 in episode.section47s:
            parts += [
                "<Section47>",
                _element("S47ActualStartDate", s47.start),
                _element("InitialCPCtarget", s47.target),
                _element("DateOfInitialCPC", s47.icpc),
                _element("ICPCnotRequired", s47.not_required),
                "</Section47>",
            ]
        parts.append(_element("DateOfInitialCPC", episode.icpc))
        parts.append("<ReferralNFA>false</ReferralNFA>")
        for plan in episode.plans:
            parts += [
                "<ChildProtectionPlans>",
                _element("CPPstartDate", plan.start),
                _element("CPPendDate", plan.end),
                "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>",
                "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>",
                "<NumberOfPreviousCPP>0</NumberOfPreviousCPP>",
            ]
            if plan.reviews:
                parts.append("<Reviews>")
                parts += [_element("CPPreviewDate", review) for review in plan.reviews]
                parts.append("</Reviews>")
            parts.append("</ChildProtectionPlans>")
        parts.append("</CINdetails>")
    parts.append("</Child>\n")
    return "".join(parts)


def write_cin_census(
    target: str | Path | IO[str],
    children: Iterable[CensusChild],
    *,
    reference_date: Value = dt.date(2024, 3, 31),
) -> None:
    """Write a census return, one child at a time (``reference_date=None`` leaves it out)."""
    if not hasattr(target, "write"):
        with Path(str(target)).open("w", encoding="utf-8") as handle:
            write_cin_census(handle, children, reference_date=reference_date)
        return
    out: IO[str] = target  # type: ignore[assignment]
    year = reference_date.year if isinstance(reference_date, dt.date) else 2024
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails>')
    out.write(f"<Collection>CIN</Collection><Year>{year}</Year>")
    out.write(_element("ReferenceDate", reference_date))
    out.write("</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>999</LEA>")
    out.write("</Source></Header>\n<Children>\n")
    for child in children:
        out.write(_child(child))
    out.write("</Children></Message>\n")


def random_census(
    rng: random.Random,
    children: int,
    *,
    reference_date: dt.date = dt.date(2024, 3, 31),
) -> Iterator[CensusChild]:
    """Draw ``children`` plausible children: enquiries, conferences, plans and reviews.

    Waits run from 0 to 40 calendar days; about one enquiry in six needs no conference,
    one in ten conferences is not yet held, one in a hundred is recorded before its start,
    and recorded targets are sometimes 15 calendar days, or 21, after the start.
    """
    year_start = reference_date - dt.timedelta(days=364)
    for number in range(1, children + 1):
        episodes = []
        for _ in range(rng.choice((1, 1, 1, 2))):
            s47s, plans = [], []
            for _ in range(rng.choice((0, 1, 1, 1, 2))):
                start = year_start + dt.timedelta(days=rng.randrange(-60, 360))
                roll = rng.random()
                if roll < 0.16:
                    s47s.append(Section47(start=start, not_required=True))
                    continue
                held: dt.date | None = start + dt.timedelta(days=rng.randrange(0, 41))
                if roll > 0.99:
                    held = start - dt.timedelta(days=rng.randrange(1, 10))
                elif roll > 0.9 or (held is not None and held > reference_date):
                    held = None
                target = start + dt.timedelta(days=rng.choice((15, 21, 21, 21)))
                s47s.append(Section47(start=start, target=target, icpc=held))
                if held is not None and held >= start and rng.random() < 0.7:
                    reviews = [held + dt.timedelta(days=rng.randrange(60, 100))]
                    reviews.append(reviews[0] + dt.timedelta(days=rng.randrange(150, 200)))
                    plans.append(Plan(start=held, reviews=[r for r in reviews
                                                           if r <= reference_date]))  # fmt: skip
            episodes.append(Episode(referral=year_start, section47s=s47s, plans=plans))
        yield CensusChild(child_id=f"SYN{number:06d}", episodes=episodes)


#: Ofsted's List 5 headings (the ones the reader uses, and two it ignores).
LIST_5_HEADINGS = (
    "Child Unique ID",
    "Gender",
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Was an Initial Child Protection Conference deemed unnecessary?",
    "Date of Initial Child Protection Conference",
    "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    "Allocated Team",
)
#: Ofsted's List 7 headings (the ones the reader uses, and one it ignores).
LIST_7_HEADINGS = (
    "Child Unique ID",
    "Child Protection Plan Start Date",
    "Date of latest review conference",
    "Child Protection Plan End Date",
    "Allocated Team",
)


def write_annex_a(
    path: str | Path,
    sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[object]]]],
    *,
    title: str | None = "Annex A",
) -> None:
    """Write a workbook: for each sheet name, its headings and rows (cells as given).

    ``datetime.date`` cells become Excel dates, floats numbers, strings text. ``title``
    (if any) is put in a row above the headings, as Ofsted's template does.
    """
    import openpyxl  # a test dependency: imported only when a workbook is written

    workbook = openpyxl.Workbook(write_only=True)
    for name, (headings, rows) in sheets.items():
        sheet = workbook.create_sheet(name)
        if title is not None:
            sheet.append([title])
        sheet.append(list(headings))
        for row in rows:
            sheet.append(list(row))
    workbook.save(str(path))
