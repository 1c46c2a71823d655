"""Explanations as data: lines of English message templates with typed parameters.

The calendar and rules layers say *what* an explanation contains as an
:data:`Explanation`: a tuple of :class:`Line`, each made of :class:`Phrase` objects. A
phrase is an English message template (which is also its gettext message id, marked with
:func:`N_` so that ``pybabel extract -k N_`` finds it) and typed parameters: a
:class:`datetime.date` is a long date ("Monday 15 December 2014"), :class:`Iso` an ISO
date, :class:`Ordinal` an ordinal number, :class:`Quoted` an id or a name shown as data,
:class:`Weekday` a weekday name, :class:`Term` data text that a catalogue may translate (a
rule's title, a bank holiday's name), a nested :class:`Phrase` a translatable phrase, and a
``str`` or ``int`` is shown as it is.

:func:`english` renders an explanation exactly as the library has always written it.
:mod:`safeguarding_rules.reports.i18n` renders the same lines in another language through
its message catalogue and Babel's dates, which is why these layers never import gettext or
Babel themselves (they sit below the reports layer).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple, Protocol, TypeAlias

from ._dates import WEEKDAY_NAMES, long_date, ordinal

__all__ = [
    "ENGLISH",
    "N_",
    "Explanation",
    "Iso",
    "Language",
    "Line",
    "Ordinal",
    "Phrase",
    "Quoted",
    "Term",
    "Value",
    "Weekday",
    "english",
    "line",
    "messages",
    "phrase",
    "render",
    "render_phrase",
]


def N_(message: str) -> str:
    """Mark ``message`` for extraction into the message catalogue; return it unchanged."""
    return message


class Iso(NamedTuple):
    """A date written ``YYYY-MM-DD`` in every language."""

    day: dt.date


class Ordinal(NamedTuple):
    """An ordinal number: ``15th`` in English."""

    n: int


class Quoted(NamedTuple):
    """An id or a name shown as data, quoted as Python quotes it (``'icpc'``)."""

    text: str


class Weekday(NamedTuple):
    """The weekday of ``day``, padded to the longest weekday name of the language."""

    day: dt.date


class Term(NamedTuple):
    """Text from data (a rule's title, a bank holiday's name) that a catalogue may translate.

    ``key`` says what it is: ``"rule:<id>"`` for a rule's title, ``"day"`` for the reason a
    day is not a working day. Shown as ``text`` where no translation is known.
    """

    key: str
    text: str


class Phrase(NamedTuple):
    """An English message template and its parameters (see the module docstring)."""

    message: str
    params: tuple[tuple[str, Value], ...] = ()


#: What a phrase's parameter may be.
Value: TypeAlias = "str | int | dt.date | Iso | Ordinal | Quoted | Weekday | Term | Phrase"


class Line(NamedTuple):
    """One line of an explanation: its phrases joined by single spaces, after ``indent``."""

    parts: tuple[Phrase, ...]
    indent: str = ""


#: An explanation: its lines, in order.
Explanation: TypeAlias = tuple[Line, ...]


def phrase(message: str, **params: Value) -> Phrase:
    """Return the :class:`Phrase` of ``message`` with ``params``."""
    return Phrase(message, tuple(params.items()))


def line(*parts: Phrase, indent: str = "") -> Line:
    """Return the :class:`Line` made of ``parts``."""
    return Line(parts, indent)


class Language(Protocol):
    """What rendering an explanation in a language needs."""

    def gettext(self, message: str) -> str:
        """Return ``message`` in this language."""

    def long_date(self, day: dt.date) -> str:
        """``Monday 15 December 2014`` in this language."""

    def ordinal(self, n: int) -> str:
        """Return an ordinal number in this language."""

    def weekday(self, day: dt.date) -> str:
        """Return the weekday's name, padded to the longest weekday name of this language."""

    def term(self, term: Term) -> str:
        """``term`` in this language, or its text."""


class _English:
    def gettext(self, message: str) -> str:
        return message

    def long_date(self, day: dt.date) -> str:
        return long_date(day)

    def ordinal(self, n: int) -> str:
        return ordinal(n)

    def weekday(self, day: dt.date) -> str:
        return f"{WEEKDAY_NAMES[day.weekday()]:<9}"

    def term(self, term: Term) -> str:
        return term.text


#: English, the language the message templates are written in.
ENGLISH: Language = _English()


def _value(value: Value, language: Language) -> str:
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]  # the commonest case, checked first
    render = _BY_TYPE.get(kind)
    if render is not None:
        return render(value, language)
    if isinstance(value, dt.date):  # a datetime, or a date subclass
        return language.long_date(value)
    return str(value)


#: How each kind of parameter is written (a dict lookup: explanations render often).
_BY_TYPE: dict[type, Callable[[Any, Language], str]] = {
    Phrase: lambda value, language: render_phrase(value, language),
    int: lambda value, _: str(value),
    dt.date: lambda value, language: language.long_date(value),
    Iso: lambda value, _: value.day.isoformat(),
    Ordinal: lambda value, language: language.ordinal(value.n),
    Quoted: lambda value, _: repr(value.text),
    Weekday: lambda value, language: language.weekday(value.day),
    Term: lambda value, language: language.term(value),
}


def render_phrase(found: Phrase, language: Language = ENGLISH) -> str:
    """Return ``found`` in ``language``."""
    if language is ENGLISH:
        return _english_phrase(found)
    return _render(found, language)


def _render(found: Phrase, language: Language) -> str:
    message = found.message if language is ENGLISH else language.gettext(found.message)
    if not found.params:
        return message
    return message.format_map({name: _value(value, language) for name, value in found.params})


@functools.lru_cache(maxsize=8192)
def _english_phrase(found: Phrase) -> str:
    # Phrases repeat across deadlines (a rule's wording and edition, a holiday, a counting
    # sentence): a phrase is a tuple of hashable values, so English renders once each.
    return _render(found, ENGLISH)


def render(explanation: Explanation, language: Language = ENGLISH) -> str:
    """Return ``explanation`` in ``language``, one line per :class:`Line`."""
    return "\n".join(
        found.indent
        + (
            render_phrase(found.parts[0], language)
            if len(found.parts) == 1
            else " ".join(render_phrase(part, language) for part in found.parts)
        )
        for found in explanation
    )


def english(explanation: Explanation) -> str:
    """Return ``explanation`` in English."""
    return render(explanation, ENGLISH)


def messages(explanation: Explanation | Phrase) -> Iterator[str]:
    """Yield every message template ``explanation`` uses, nested phrases included."""
    phrases = [explanation] if isinstance(explanation, Phrase) else [
        part for found in explanation for part in found.parts
    ]  # fmt: skip
    for found in phrases:
        yield found.message
        for _, value in found.params:
            if isinstance(value, Phrase):
                yield from messages(value)
