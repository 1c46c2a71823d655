"""Local rules as data: a TOML rule file that becomes a :class:`LocalRuleSet`.

A council's performance or business-intelligence team can state its local rules in a text
file instead of a Python package::

    name = "testshire"
    title = "Testshire (extends England)"
    extends = "england"

    [editions.testshire2024]
    title = "Testshire child protection procedures 2024"
    effective_from = 2024-04-01
    dates_confidence = "C1"
    dates_source = "the procedures' front page"

    [[add]]
    id = "report_to_parents"
    title = "Social work report shared with parents"
    n = 3
    unit = "working_days"
    start_event = "conference"
    direction = "before"
    conference_types = ["initial"]
    edition = "testshire2024"
    source = "Testshire procedures 2024, section 5.3"
    confidence = "C1"

Load it with ``--rules FILE`` on any command, or register it from a plugin in one line::

    registry.extend(load_rule_file(files(__package__) / "rules.toml"))

The file is checked against the same model as the Python API (every validator of
:class:`Rule`, :class:`QuorumRule`, :class:`ReportingPolicy` and :class:`LocalOverlay`
applies), and structured with `cattrs <https://catt.rs>`_ rather than by hand. Every
problem is reported at once, each naming the file, the table and the key, for example
``rules.toml: [[replace]] #2 "icpc": n must be at least 1, got 0``; a problem stops at its
own table (a rule naming an edition whose table has a problem is not told as well that the
edition is unknown). A date written another way (``27/12/2024``, quoted or not, or
``2024-4-1``) is named, with the TOML date it may mean and that day in words; a quoted ISO
date (``"2024-12-27"``) is read as the date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import os
import pathlib
import re
from collections.abc import Callable, Iterable, Mapping
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

import attrs

from ._errors import SafeguardingRulesError
from ._suggest import did_you_mean
from .calendar import COVERAGE_END, COVERAGE_START, LocalOverlay
from .rules import Edition, FieldError, LocalRuleSet, QuorumRule, ReportingPolicy, Rule

if TYPE_CHECKING:
    import cattrs

# cattrs is imported when a rule file is first read, not with this module: the plugin
# loader imports this module on every command, and most runs read no rule file.

__all__ = ["RULE_FILE_KEYS", "RuleFileError", "load_rule_file", "parse_rule_file"]

T = TypeVar("T")

#: The top-level keys of a rule file, in the order the documentation lists them.
RULE_FILE_KEYS = (
    "name",
    "title",
    "extends",
    "notes",
    "editions",
    "replace",
    "add",
    "quorum",
    "overlay",
    "reporting",
)
_REQUIRED = ("name", "title", "extends")
_OVERLAY_KEYS = ("name", "source", "closure_reason", "closures", "working_days")


class RuleFileError(SafeguardingRulesError, ValueError):
    """A rule file cannot be read, or does not describe a valid local rule set.

    ``problems`` holds one line per problem, each naming the file, the table and the key.
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


#: What a TOML scalar must be for each type a model asks for, in words.
_SCALARS: Mapping[type[Any], str] = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
}


def _scalar(value: Any, kind: type[Any]) -> Any:
    """Take a TOML scalar as ``kind``: never coerced (15.0 is no int, "yes" no bool, 3 no text)."""
    if isinstance(value, bool) and kind is not bool:
        raise TypeError(f"expected {_SCALARS[kind]}, got {value!r}")
    if kind is float and isinstance(value, int):
        return float(value)
    if not isinstance(value, kind):
        raise TypeError(f"expected {_SCALARS[kind]}, got {value!r}")
    return value


def _table(value: Any, kind: type[Any], *, structure: Callable[[Any, Any], Any]) -> Any:
    """Take a TOML table as the attrs class ``kind``; anything else is named as not a table."""
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a table, got {value!r}")
    return structure(value, kind)


def _array(value: Any, kind: Any, *, items: Callable[[Any, Any], Any], into: type[Any]) -> Any:
    """Take a TOML array as a collection ``into`` (a text is not a list of its letters)."""
    if not isinstance(value, list):
        raise TypeError(f"expected a list such as [...], got {value!r}")
    return into(items(value, kind))


def _is_array(kind: Any) -> bool:
    """Whether ``kind`` is a list, a set or a tuple of any length (``tuple[X, ...]``)."""
    origin, arguments = get_origin(kind), get_args(kind)
    return origin in (list, set, frozenset) or (
        origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis
    )


#: Something written as a date, in any order and with any separator: 27/12/2024, 2024-4-1.
_DATE_SHAPED = re.compile(r"(?<![\w.:-])(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\w.:-])")
_QUOTED = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'""")


def _date_hint(text: str) -> str | None:
    """Say how to write a date-shaped word of ``text`` as a TOML date, if it has one.

    The first such word that is not already a TOML date is named. ``27/12/2024`` is read
    day first, as in the UK, and the hint names the day in words, so that nobody takes a
    suggestion they did not mean.
    """
    for match in _DATE_SHAPED.finditer(text):
        first, _, middle, last = match.groups()
        if len(first) != 4 and len(last) != 4:
            return (
                f"{match[0]} is not a date TOML reads: write dates as year-month-day with a "
                "four-digit year and no quotes, such as 2024-04-01"
            )
        try:
            day = dt.date(
                *map(int, (first, middle, last) if len(first) == 4 else (last, middle, first))
            )
        except ValueError:
            return f"{match[0]} is not a day of the calendar"
        if match[0] != day.isoformat():
            return (
                f"{match[0]} is not a date TOML reads: if you mean {day.day} {day:%B %Y}, "
                f"write {day.isoformat()} (year-month-day, without quotes)"
            )
    return None


def _date(value: Any, _: type[Any]) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date such as 2024-04-01, got a date and time {value!r}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)  # a quoted ISO date is taken as the date
        except ValueError:
            hint = _date_hint(value)
            if hint is not None:
                raise TypeError(
                    f"expected a date such as 2024-04-01, got {value!r}: {hint}"
                ) from None
    raise TypeError(f"expected a date such as 2024-04-01, got {value!r}")


def _toml_error(error: ValueError, text: str) -> str:
    """Say what is wrong where TOML could not be read: a date-shaped value, if it is one."""
    found = re.search(r"\(at line (\d+), column \d+\)", str(error))
    if found is not None:
        number = int(found[1])
        where = text.split("\n")[number - 1]  # TOML counts lines by "\n" alone
        hint = _date_hint(_QUOTED.sub('""', where).partition("#")[0])
        if hint is not None:
            key = re.match(r"\s*([\w.-]+)\s*=", where)
            return f"line {number}" + (f", {key[1]}" if key else "") + f": {hint}"
    return f"not valid TOML: {error}"


def _enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    # By value, compared directly: StartEvent's members carry a description as well.
    for member in kind:
        if member.value == value:
            return member
    allowed = [str(member.value) for member in kind]
    raise ValueError(
        f"{value!r} is not one of {', '.join(allowed)}{did_you_mean(str(value), allowed)}"
    )


@functools.cache
def _base_converter() -> cattrs.Converter:
    import cattrs
    from cattrs.cols import list_structure_factory
    from cattrs.gen import make_dict_structure_fn

    def table(kind: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
        fields = make_dict_structure_fn(kind, converter, _cattrs_forbid_extra_keys=True)
        return functools.partial(_table, structure=fields)

    def array(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
        items = list_structure_factory(list[get_args(kind)[0]], converter)  # type: ignore[misc, arg-type]
        return functools.partial(_array, items=items, into=get_origin(kind))

    # Hooks are the module's functions, looked up on each call, never closures built once:
    # so that each can be tested (and mutated) like any other function.
    converter = cattrs.Converter(forbid_extra_keys=True)
    for scalar in _SCALARS:
        converter.register_structure_hook(scalar, _scalar)
    converter.register_structure_hook(dt.date, _date)
    converter.register_structure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _enum
    )
    converter.register_structure_hook_factory(attrs.has, table)
    converter.register_structure_hook_factory(_is_array, array)
    return converter


def _messages(error: BaseException, key: str = "") -> list[str]:
    """Flatten a cattrs error tree into ``key: message`` lines."""
    import cattrs
    from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError

    where = f"{key}: " if key else ""
    if isinstance(error, _AlreadyReported):
        return []
    if isinstance(error, IterableValidationError):
        with_index, other = error.group_exceptions()
        lines = [
            line
            for exc, note in with_index
            for line in _messages(exc, f"{key}[{note.index}]" if key else f"[{note.index}]")
        ]
        return lines + [line for exc in other for line in _messages(exc, key)]
    if isinstance(error, cattrs.ClassValidationError):
        with_name, other = error.group_exceptions()
        lines = [
            line
            for exc, note in with_name
            for line in _messages(exc, f"{key}.{note.name}" if key else note.name)
        ]
        return lines + [line for exc in other for line in _messages(exc, key)]
    if isinstance(error, ForbiddenExtraKeysError):
        known = [field.name for field in attrs.fields(error.cl)]
        return [
            f"{where}unknown key {extra!r}{did_you_mean(extra, known)}"
            for extra in sorted(error.extra_fields)
        ]
    if isinstance(error, FieldError):
        field = f"{key}.{error.field}" if key else error.field
        return [f"{field} {error.problem}"]
    if isinstance(error, KeyError) and key:
        return [f"{key}: required"]
    return [f"{where}{error}"]


class _AlreadyReported(ValueError):
    """A value refers to a table whose own problem is already reported: say nothing more."""


@attrs.frozen
class _Closure:
    date: dt.date
    reason: str


class _Reader:
    """Structures one rule file's tables, collecting every problem with where it is."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[str] = []
        self.editions: dict[str, Edition] = {}
        #: Editions whose own table has a problem, already reported: a rule naming one is
        #: not told the edition is unknown as well.
        self.failed_editions: set[str] = set()
        self.converter = _base_converter().copy()
        self.converter.register_structure_hook(Edition, self._edition)

    def _edition(self, value: Any, _: type[Any]) -> Edition:
        if not isinstance(value, str):
            raise TypeError(
                f"expected the id of an edition defined in an [editions.<id>] table, got {value!r}"
            )
        if value in self.failed_editions:
            raise _AlreadyReported
        try:
            return self.editions[value]
        except KeyError:
            defined = ", ".join(self.editions) or "none"
            raise ValueError(
                f"unknown edition {value!r}{did_you_mean(value, list(self.editions))}; "
                f"editions defined in this file: {defined}"
            ) from None

    def report(self, where: str, message: str) -> None:
        self.problems.append(f"{self.label}: {where}: {message}")

    def structure(
        self, data: Any, kind: type[T], where: str, converter: cattrs.Converter | None = None
    ) -> T | None:
        from cattrs import BaseValidationError

        try:
            return (converter or self.converter).structure(data, kind)
        except (BaseValidationError, ValueError, TypeError) as error:
            for line in _messages(error):
                self.report(where, line)
            return None

    def tables(self, data: Any, key: str) -> list[Mapping[str, Any]]:
        if data is None:
            return []
        if not isinstance(data, list) or not all(isinstance(item, Mapping) for item in data):
            self.report(key, f"expected [[{key}]] tables, got {data!r}")
            return []
        return data

    def rules(self, data: Any, key: str) -> list[Rule]:
        found = []
        for number, table in enumerate(self.tables(data, key), start=1):
            rule_id = table.get("id")
            label = f"[[{key}]] #{number}" + (f' "{rule_id}"' if isinstance(rule_id, str) else "")
            rule = self.structure(table, Rule, label)
            if rule is not None:
                found.append(rule)
        return found

    def quorum(self, data: Any) -> QuorumRule | None:
        if data is None:
            return None
        if isinstance(data, Mapping) and isinstance(data.get("groupings"), Mapping):
            data = {**data, "groupings": [[k, v] for k, v in data["groupings"].items()]}
        return self.structure(data, QuorumRule, "[quorum]")

    def items(self, data: Mapping[str, Any], key: str) -> list[tuple[int, Any]]:
        """Return the overlay's list ``key``, numbered; nothing if it is not a list."""
        items = data.get(key, [])
        if not isinstance(items, list):
            self.report("[overlay]", f"{key}: expected a list such as [...], got {items!r}")
            return []
        return list(enumerate(items))

    def covered(self, where: str, day: dt.date) -> bool:
        """Whether ``day`` is inside the calendar's coverage; a problem if it is not."""
        if COVERAGE_START <= day <= COVERAGE_END:
            return True
        self.report(
            where,
            f"{day.isoformat()} is outside the calendar's coverage ({COVERAGE_START.isoformat()} "
            f"to {COVERAGE_END.isoformat()}): bank holidays are not known there",
        )
        return False

    def overlay(self, data: Any) -> LocalOverlay | None:
        if data is None:
            return None
        if not isinstance(data, Mapping):
            self.report("[overlay]", f"expected a table, got {data!r}")
            return None
        for key in sorted(set(data) - set(_OVERLAY_KEYS)):
            self.report("[overlay]", f"unknown key {key!r}{did_you_mean(key, _OVERLAY_KEYS)}")
        default_reason = data.get("closure_reason", "local closure")
        closures: dict[dt.date, str] = {}
        for index, item in self.items(data, "closures"):
            where = f"[overlay] closures[{index}]"
            if isinstance(item, str):
                with contextlib.suppress(ValueError):
                    item = dt.date.fromisoformat(item)  # a quoted ISO date is the date
            if isinstance(item, dt.date) and not isinstance(item, dt.datetime):
                item = {"date": item, "reason": default_reason}
            elif isinstance(item, Mapping):
                item = {"reason": default_reason, **item}
            else:
                hint = _date_hint(item) if isinstance(item, str) else None
                self.report(
                    where,
                    "expected a date such as 2024-12-27, or a table with date and reason, "
                    f"got {item!r}" + (f": {hint}" if hint else ""),
                )
                continue
            closure = self.structure(item, _Closure, where)
            if closure is None or not self.covered(where, closure.date):
                continue
            if closure.date in closures:
                self.report(where, f"{closure.date.isoformat()} is listed twice")
            closures[closure.date] = closure.reason
        working = []
        for index, item in self.items(data, "working_days"):
            where = f"[overlay] working_days[{index}]"
            try:
                day = _date(item, dt.date)
            except TypeError as error:
                self.report(where, str(error))
                continue
            if self.covered(where, day):
                working.append(day)
        fields: dict[str, Any] = {"closures": closures, "working_days": working}
        fields |= {key: data[key] for key in ("name", "source") if key in data}
        try:
            return LocalOverlay(**fields)
        except (SafeguardingRulesError, ValueError, TypeError) as error:
            self.report("[overlay]", str(error))
            return None


def parse_rule_file(text: str, *, label: str = "<rule file>") -> LocalRuleSet:
    """Build a :class:`LocalRuleSet` from the text of a TOML rule file.

    :param label: how errors name the file.
    :raises RuleFileError: listing every problem, each naming the file, table and key.
    """
    import tomllib  # here, not at the top: most commands read no rule file

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleFileError([f"{label}: {_toml_error(error, text)}"]) from None
    reader = _Reader(label)
    for key in data:
        if key not in RULE_FILE_KEYS:
            reader.report("top level", f"unknown key {key!r}{did_you_mean(key, RULE_FILE_KEYS)}")
    for key in _REQUIRED:
        if key not in data:
            reader.report("top level", f"{key!r} is required")
    editions = data.get("editions", {})
    if not isinstance(editions, Mapping):
        reader.report("[editions]", f"expected [editions.<id>] tables, got {editions!r}")
        editions = {}
    for edition_id, table in editions.items():
        if isinstance(table, Mapping) and "id" in table:
            reader.report(f"[editions.{edition_id}]", "the id is the table's name: remove 'id'")
            reader.failed_editions.add(edition_id)
            continue
        edition = reader.structure(
            {"id": edition_id, **table} if isinstance(table, Mapping) else table,
            Edition,
            f"[editions.{edition_id}]",
            _base_converter(),
        )
        if edition is not None:
            reader.editions[edition_id] = edition
        else:
            reader.failed_editions.add(edition_id)
    fields: dict[str, Any] = {
        "replace": reader.rules(data.get("replace"), "replace"),
        "add": reader.rules(data.get("add"), "add"),
        "quorum": reader.quorum(data.get("quorum")),
        "overlay": reader.overlay(data.get("overlay")),
    }
    if "reporting" in data:
        fields["reporting"] = reader.structure(data["reporting"], ReportingPolicy, "[reporting]")
    for key in ("name", "title", "extends", "notes"):
        if key in data:
            if isinstance(data[key], str):
                fields[key] = data[key]
            else:
                reader.report("top level", f"{key}: expected text, got {data[key]!r}")
    if reader.problems:
        raise RuleFileError(reader.problems)
    try:
        return LocalRuleSet(**fields)
    except (SafeguardingRulesError, ValueError, TypeError) as error:
        raise RuleFileError([f"{label}: top level: {error}"]) from None


def load_rule_file(path: str | os.PathLike[str] | Traversable) -> LocalRuleSet:
    """Read a TOML rule file (a path, or a file inside a package) as a :class:`LocalRuleSet`.

    Register the result with ``registry.extend(...)`` in a plugin, or pass the file to any
    command with ``--rules FILE``.

    :raises RuleFileError: if the file cannot be read, naming it, or for every problem in it.
    """
    if isinstance(path, (str, os.PathLike)):
        path = pathlib.Path(path)
    label = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise RuleFileError([f"{label}: cannot read the rule file: {error.strerror}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RuleFileError([f"{label}: not UTF-8 text: {error.reason}"]) from None
    return parse_rule_file(text, label=label)
