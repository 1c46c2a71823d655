"""Working-day calendars: which days count, and arithmetic over them in O(1).

Counting convention (the contract every deadline relies on)
    * A working day is a Monday to Friday that is not a bank holiday of the division and
      not a closure in the local overlay, or any day the overlay lists as an extra working day.
    * ``add_working_days(day, n)`` with ``n > 0`` is the n-th working day *strictly after*
      ``day``: ``day`` itself is day 0 and never counts, whether or not it is a working day.
      With ``n < 0`` it is the ``|n|``-th working day strictly before ``day``. With ``n == 0``
      it is ``day`` itself, unchanged (never rolled).
    * ``working_days_between(start, end)`` counts the working days ``d`` with
      ``start < d <= end``, and is antisymmetric: ``between(a, b) == -between(b, a)``.
    * Both refuse dates outside the calendar's coverage, and results that would fall outside
      it, with :class:`~safeguarding_rules.CalendarRangeError`.

Implementation
    The calendar is built once per division over its whole coverage: an array ``cum`` where
    ``cum[i]`` counts the working days from the first covered date up to and including
    date ``i``, and an array of the positions of the working days. Each query is then two
    array look-ups, whatever ``n`` is. The arrays are the standard library's, so building a
    calendar needs no numpy; the whole-column methods (``*_array``) view them as numpy
    arrays without copying, and import numpy when first called. Each calendar is built once
    per process, under a lock (threads that ask for it at the same time wait for the one
    build), and shared.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import threading
from array import array
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal

import attrs

from .._dates import WEEKDAY_NAMES, add_months, add_weeks
from .._errors import CalendarRangeError, OverlayError, UnsupportedHolidaySourceError
from .._explain import (
    N_,
    Explanation,
    Iso,
    Line,
    Ordinal,
    Phrase,
    Quoted,
    Term,
    Weekday,
    english,
    line,
    phrase,
)
from .._validators import check_date
from .divisions import (
    COVERAGE_END,
    COVERAGE_START,
    DIVISIONS,
    PROVISIONAL_FROM,
    Division,
    division_for,
)
from .sources import HOLIDAY_SOURCES

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "LocalOverlay",
    "NonWorkingDay",
    "WorkingDayCalendar",
    "WorkingDayCount",
    "calendar_for",
    "skipped_lines",
]

NonWorkingKind = Literal["weekend", "bank_holiday", "local_closure"]


@attrs.frozen
class NonWorkingDay:
    """A day that does not count as a working day, and why."""

    #: The date.
    day: dt.date
    #: Why it does not count: ``"weekend"``, a bank holiday's name, or a closure's name.
    reason: str
    #: ``"weekend"``, ``"bank_holiday"`` or ``"local_closure"``.
    kind: NonWorkingKind

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {WEEKDAY_NAMES[self.day.weekday()]:<9} {self.reason}"

    @property
    def phrase(self) -> Phrase:
        """``str(self)`` as a phrase to render in any language (explanations list these)."""
        return phrase(
            N_("{day} {weekday} {reason}"),
            day=Iso(self.day),
            weekday=Weekday(self.day),
            reason=Term("day", self.reason),
        )


def skipped_lines(skipped: tuple[NonWorkingDay, ...]) -> Explanation:
    """Return the lines explanations give for the non-working days a count ``skipped``."""
    heading = line(phrase(N_("Skipped {n} non-working day(s):"), n=len(skipped)))
    return (heading, *map(_skipped_line, skipped))


@functools.lru_cache(maxsize=4096)
def _skipped_line(day: NonWorkingDay) -> Line:
    # The same holidays and weekends recur in many explanations: each line is built once.
    return line(day.phrase, indent="  ")


def _closures_converter(
    value: Mapping[dt.date, str] | Iterable[tuple[dt.date, str]],
) -> tuple[tuple[dt.date, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted(items))


def _date_set(value: Iterable[dt.date]) -> frozenset[dt.date]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class LocalOverlay:
    """A local authority's own closures and extra working days, layered on a division.

    Off by default: a calendar uses an overlay only when one is passed to
    :func:`calendar_for`, and every result computed with it names the overlay.

    Precedence: an extra working day counts even on a weekend or bank holiday; a closure
    removes a day that would otherwise count. A date listed as both is refused, rather than
    resolved by a rule nobody would remember.

    National performance indicators (DfE, Welsh PIs) count only weekends and bank holidays,
    so do not use an overlay for them unless you mean to.
    """

    #: Name shown in every result computed with this overlay, e.g. ``"Conwy Christmas closure"``.
    name: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Closure dates with their reasons, e.g. ``{date(2014, 12, 29): "Christmas closure"}``.
    closures: tuple[tuple[dt.date, str], ...] = attrs.field(
        default=(), converter=_closures_converter
    )
    #: Dates that count as working days whatever else they are.
    working_days: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    #: Where the closures come from, with how well they are confirmed (shown with the name).
    source: str = ""

    @closures.validator
    def _check_closures(self, _: object, value: tuple[tuple[dt.date, str], ...]) -> None:
        for day, reason in value:
            check_date(day, f"closure date in overlay {self.name!r}")
            if not isinstance(reason, str) or not reason.strip():
                raise OverlayError(
                    f"closure {day.isoformat()} in overlay {self.name!r} needs a non-empty reason"
                )
        days = [day for day, _ in value]
        if len(days) != len(set(days)):
            raise OverlayError(f"overlay {self.name!r} lists a closure date twice")

    @classmethod
    def between_christmas_and_new_year(
        cls, *, name: str, division: str, reason: str, source: str
    ) -> LocalOverlay:
        """Close the working days from 27 to 31 December of every covered year.

        The common pattern of council office closures (rules catalogue s8.4): the days
        that are weekends or ``division``'s bank holidays are left out, so that their own
        reasons still show in explanations.

        Read from the division's bank holidays alone, without building its calendar, so a
        rule set that declares this overlay loads quickly.
        """
        holidays = _holidays_of(division_for(division).name, "holidays")
        closures = {
            day: reason
            for year in range(COVERAGE_START.year, COVERAGE_END.year + 1)
            for day in (dt.date(year, 12, number) for number in range(27, 32))
            if day.weekday() < 5 and day not in holidays  # a working day, without an overlay
        }
        return cls(name=name, closures=closures, source=source)

    @working_days.validator
    def _check_working_days(self, _: object, value: frozenset[dt.date]) -> None:
        for day in value:
            check_date(day, f"extra working day in overlay {self.name!r}")
        both = sorted(value & {day for day, _ in self.closures})
        if both:
            listed = ", ".join(day.isoformat() for day in both)
            raise OverlayError(
                f"overlay {self.name!r} lists {listed} both as a closure and as an extra "
                "working day; remove one"
            )


@attrs.frozen
class WorkingDayCount:
    """The result of counting working days, with everything needed to explain it."""

    #: The day counted from (day 0).
    start: dt.date
    #: How many working days were added (negative: counted backwards).
    n: int
    #: The resulting date.
    result: dt.date
    #: Non-working days strictly between ``start`` and ``result``, in date order.
    skipped: tuple[NonWorkingDay, ...]
    #: Canonical name of the division.
    division: str
    #: Name of the local overlay used, or ``None``.
    overlay: str | None
    #: True when the count reaches a date from which one-off holidays may still be announced.
    provisional: bool

    def explain(self) -> str:
        """Say in plain English how the result was reached, stating the counting convention."""
        return english(self.explanation())

    def explanation(self) -> Explanation:
        """:meth:`explain` as lines to render in any language (see ``reports.i18n``)."""
        message = (
            (N_("{result} is the {nth} working day after {start} in the {division} calendar."),
             N_("{result} is the {nth} working day after {start} in the {division} calendar "
                "with the local overlay {overlay}.")),
            (N_("{result} is the {nth} working day before {start} in the {division} calendar."),
             N_("{result} is the {nth} working day before {start} in the {division} calendar "
                "with the local overlay {overlay}.")),
        )[self.n < 0][self.overlay is not None]  # fmt: skip
        lines = [
            line(
                phrase(
                    message,
                    result=self.result,
                    nth=Ordinal(abs(self.n)),
                    start=self.start,
                    division=self.division,
                    overlay=Quoted(self.overlay or ""),
                )
            ),
            line(
                phrase(
                    N_("{start} is day 0 and is not counted, whether or not it is a working day."),
                    start=self.start,
                )
            ),
        ]
        if self.skipped:
            lines += skipped_lines(self.skipped)
        else:
            lines.append(line(phrase(N_("No non-working days were skipped."))))
        if self.provisional:
            lines.append(
                line(
                    phrase(
                        N_(
                            "PROVISIONAL: the count reaches {day} or later, where one-off bank "
                            "holidays may yet be announced."
                        ),
                        day=Iso(PROVISIONAL_FROM),
                    )
                )
            )
        return tuple(lines)


@attrs.frozen(eq=False, repr=False)
class WorkingDayCalendar:
    """The working days of one division, optionally with a local overlay.

    Build one with :func:`calendar_for`; the constructor is internal. Instances are
    immutable and safe to share between threads.
    """

    #: The division whose bank holidays apply.
    division: type[Division]
    #: The local overlay in force, or ``None`` (the default).
    overlay: LocalOverlay | None
    #: Name of the holiday source (``"holidays"`` or ``"workalendar"``).
    source: str
    #: First covered date.
    first: dt.date
    #: Last covered date.
    last: dt.date
    #: Which days count, as a digest: ``"sha256:"`` and 16 hex digits of the working-day
    #: pattern over the whole coverage. It changes exactly when a day's status changes (a
    #: new bank holiday, a closure), and not when only a holiday's name or a package's
    #: version does.
    data_version: str
    _reasons: Mapping[dt.date, tuple[str, NonWorkingKind]]
    _non_working: tuple[dt.date, ...]
    _working: bytes
    _cum: array[int]
    _positions: array[int]

    @classmethod
    def _build(
        cls,
        division: type[Division],
        *,
        source: str,
        overlay: LocalOverlay | None,
        holidays: Mapping[dt.date, str],
    ) -> WorkingDayCalendar:
        first, last = COVERAGE_START, COVERAGE_END
        reasons: dict[dt.date, tuple[str, NonWorkingKind]] = {}
        closures = dict(overlay.closures) if overlay else {}
        overlay_name = overlay.name if overlay else ""
        extra_working = overlay.working_days if overlay else frozenset()
        for day in (*closures, *extra_working):
            if not first <= day <= last:
                raise CalendarRangeError(
                    f"overlay {overlay.name if overlay else ''!r} lists {day.isoformat()}, "
                    f"outside the {division.name} calendar's coverage "
                    f"({first.isoformat()} to {last.isoformat()})",
                    day=day,
                    first=first,
                    last=last,
                )
        working = bytearray()
        cum: array[int] = array("q")
        positions: array[int] = array("q")
        count = 0
        for index in range((last - first).days + 1):
            day = first + dt.timedelta(days=index)
            reason: tuple[str, NonWorkingKind] | None = None
            if day in closures:
                reason = (f"{closures[day]} (local overlay {overlay_name!r})", "local_closure")
            elif day in holidays:
                if day.weekday() >= 5:
                    reason = (f"weekend; {holidays[day]}", "weekend")
                else:
                    reason = (holidays[day], "bank_holiday")
            elif day.weekday() >= 5:
                reason = ("weekend", "weekend")
            if day in extra_working:
                reason = None
            if reason is None:
                working.append(1)
                positions.append(index)
                count += 1
            else:
                working.append(0)
                reasons[day] = reason
            cum.append(count)
        import hashlib  # here, not at the top: OpenSSL's start-up is paid only by a build

        digest = hashlib.sha256(first.isoformat().encode("ascii") + bytes(working))
        return cls(
            division=division,
            overlay=overlay,
            source=source,
            first=first,
            last=last,
            data_version=f"sha256:{digest.hexdigest()[:16]}",
            reasons=reasons,
            non_working=tuple(sorted(reasons)),
            working=bytes(working),
            cum=cum,
            positions=positions,
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Pickle by name: unpickling returns this process's calendar, built once.
        return (_cached_calendar, (self.division.name, self.overlay, self.source))

    def __repr__(self) -> str:
        overlay = f", overlay={self.overlay.name!r}" if self.overlay else ""
        return f"<WorkingDayCalendar {self.division.name} source={self.source!r}{overlay}>"

    # -- the contract -------------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` counts as a working day."""
        return bool(self._working[self._index(day)])

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """Return the n-th working day strictly after ``day`` (strictly before if ``n < 0``).

        ``day`` is day 0 and never counts, whether or not it is a working day; ``n == 0``
        returns ``day`` unchanged.

        :raises CalendarRangeError: if ``day`` or the result lies outside the coverage.
        """
        index = self._index(day)
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, got {n!r}")
        if n == 0:
            return day
        # cum[index] counts working days up to and including `day`; positions[k] is the
        # (k + 1)-th working day. Strictly before `day` there are cum[index] - working[index].
        k = self._cum[index] + n - 1 if n > 0 else self._cum[index] - self._working[index] + n
        if not 0 <= k < len(self._positions):
            edge = "end" if n > 0 else "start"
            raise self._range_error(
                f"counting {n} working days from {day.isoformat()} goes past the {edge} of", day
            )
        return self.first + dt.timedelta(days=self._positions[k])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Count the working days ``d`` with ``start < d <= end`` (negative if ``end < start``)."""
        return self._cum[self._index(end, "end")] - self._cum[self._index(start, "start")]

    # -- beyond the contract ------------------------------------------------------------

    def next_working_day(self, day: dt.date) -> dt.date:
        """Return the first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """Return the last working day strictly before ``day``."""
        return self.add_working_days(day, -1)

    def roll_forward(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the next working day after it."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def roll_backward(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the last working day before it."""
        return day if self.is_working_day(day) else self.previous_working_day(day)

    @staticmethod
    def add_months(day: dt.date, months: int) -> dt.date:
        """Calendar months, clamped at month end (31 Jan + 1 month = 28/29 Feb)."""
        return add_months(day, months)

    @staticmethod
    def add_weeks(day: dt.date, weeks: int) -> dt.date:
        """Calendar weeks of 7 days."""
        return add_weeks(day, weeks)

    def non_working_day(self, day: dt.date) -> NonWorkingDay | None:
        """Why ``day`` is not a working day, or ``None`` if it is one."""
        self._index(day)
        found = self._reasons.get(day)
        return None if found is None else NonWorkingDay(day, *found)

    def non_working_days(
        self, start: dt.date, end: dt.date, *, include_start: bool = False
    ) -> tuple[NonWorkingDay, ...]:
        """Return the non-working days ``d`` with ``start < d <= end``, in order, with reasons.

        ``start`` itself is not listed: the interval is the same as
        :meth:`working_days_between`'s (a count's day 0 is never skipped). Pass
        ``include_start=True`` for ``start <= d <= end``, the whole coverage with
        ``non_working_days(cal.first, cal.last, include_start=True)``.

        :raises ValueError: if ``end`` is before ``start``.
        """
        low, high = self._index(start, "start"), self._index(end, "end")
        if high < low:
            raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
        found = self._non_working
        after = bisect.bisect_left if include_start else bisect.bisect_right
        days = found[after(found, start) : bisect.bisect_right(found, end)]
        return tuple(NonWorkingDay(day, *self._reasons[day]) for day in days)

    def is_provisional(self, day: dt.date) -> bool:
        """Whether one-off bank holidays may still be announced for ``day``'s year."""
        self._index(day)
        return day >= PROVISIONAL_FROM

    def count(self, day: dt.date, n: int) -> WorkingDayCount:
        """Like :meth:`add_working_days`, returning the skipped days and flags as well."""
        result = self.add_working_days(day, n)
        low, high = sorted((day, result))
        skipped = tuple(d for d in self.non_working_days(low, high) if d.day not in (day, result))
        return WorkingDayCount(
            start=day,
            n=n,
            result=result,
            skipped=skipped,
            division=self.division.name,
            overlay=self.overlay.name if self.overlay else None,
            provisional=high >= PROVISIONAL_FROM,
        )

    def with_overlay(self, overlay: LocalOverlay | None) -> WorkingDayCalendar:
        """Return this division's calendar with ``overlay`` (``None`` removes any overlay)."""
        return calendar_for(self.division.name, overlay=overlay, source=self.source)

    # -- whole columns at once ----------------------------------------------------------

    def is_working_day_array(self, days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.bool_]:
        """:meth:`is_working_day` for an array of ``datetime64[D]`` dates.

        :raises CalendarRangeError: naming the first date outside the coverage (or NaT).
        """
        import numpy as np

        index = self._index_array(days)
        before = np.where(index > 0, self._cum_array[np.maximum(index - 1, 0)], 0)
        working: npt.NDArray[np.bool_] = self._cum_array[index] != before
        return working

    def add_working_days_array(
        self,
        days: npt.NDArray[np.datetime64],
        n: int | npt.NDArray[np.int64],
        *,
        beyond: Literal["raise", "nat"] = "raise",
    ) -> npt.NDArray[np.datetime64]:
        """:meth:`add_working_days` for an array of ``datetime64[D]`` dates (and ``n``).

        Vectorised with numpy; the same answers as the scalar method, element by element.

        :param beyond: what a count that runs past the coverage gives: ``"raise"`` (the
            default) or ``"nat"``, NaT for that element only (the others are still counted).
        :raises CalendarRangeError: naming the first date outside the coverage, or (with
            ``beyond="raise"``) the first count that runs past it.
        """
        import numpy as np

        index = self._index_array(days)
        steps = np.broadcast_to(np.asarray(n, dtype=np.int64), index.shape)
        working = self.is_working_day_array(days).astype(np.int64)
        cum = self._cum_array[index]
        k = np.where(steps > 0, cum + steps - 1, cum - working + steps)
        outside = (steps != 0) & ((k < 0) | (k >= len(self._positions_array)))
        if outside.any() and beyond == "raise":
            first = int(np.flatnonzero(outside)[0])
            day, step = _to_date(days[first]), int(steps[first])
            edge = "end" if step > 0 else "start"
            raise self._range_error(
                f"counting {step} working days from {day.isoformat()} goes past the {edge} of",
                day,
            )
        positions = self._positions_array[np.clip(k, 0, len(self._positions_array) - 1)]
        result = np.datetime64(self.first, "D") + positions.astype("timedelta64[D]")
        result = np.where(steps == 0, days.astype("datetime64[D]"), result)
        return np.where(outside, np.datetime64("NaT"), result) if outside.any() else result

    def working_days_between_array(
        self, start: npt.NDArray[np.datetime64], end: npt.NDArray[np.datetime64]
    ) -> npt.NDArray[np.int64]:
        """:meth:`working_days_between` for arrays of ``datetime64[D]`` dates."""
        return (
            self._cum_array[self._index_array(end, "end")]
            - self._cum_array[self._index_array(start, "start")]
        )

    # -- internals ------------------------------------------------------------------------

    @property
    def _cum_array(self) -> npt.NDArray[np.int64]:
        return _numpy_view(self._cum)

    @property
    def _positions_array(self) -> npt.NDArray[np.int64]:
        return _numpy_view(self._positions)

    def _index_array(
        self, days: npt.NDArray[np.datetime64], what: str = "day"
    ) -> npt.NDArray[np.int64]:
        import numpy as np

        values = np.asarray(days, dtype="datetime64[D]")
        index = (values - np.datetime64(self.first, "D")).astype(np.int64)
        outside = np.isnat(values) | (index < 0) | (index >= len(self._cum_array))
        if outside.any():
            first = int(np.flatnonzero(outside)[0])
            if np.isnat(values[first]):
                raise ValueError(f"{what} at position {first} is missing (NaT)")
            day = _to_date(values[first])
            raise self._range_error(
                f"{what} {day.isoformat()} is outside", day, "; bank holidays are not known there"
            )
        return index

    def _index(self, day: dt.date, what: str = "day") -> int:
        check_date(day, what)
        if not self.first <= day <= self.last:
            raise self._range_error(
                f"{what} {day.isoformat()} is outside", day, "; bank holidays are not known there"
            )
        return (day - self.first).days

    def _range_error(self, prefix: str, day: dt.date, suffix: str = "") -> CalendarRangeError:
        return CalendarRangeError(
            f"{prefix} the {self.division.name} calendar's coverage "
            f"({self.first.isoformat()} to {self.last.isoformat()}){suffix}",
            day=day,
            first=self.first,
            last=self.last,
        )


def _numpy_view(values: array[int]) -> npt.NDArray[np.int64]:
    """Return ``values`` as a read-only numpy array, sharing its memory (no copy)."""
    import numpy as np

    view = np.frombuffer(values, dtype=np.int64)
    view.flags.writeable = False
    return view


def _to_date(value: np.datetime64) -> dt.date:
    import numpy as np

    return dt.date.fromordinal(int(value.astype("datetime64[D]").astype(np.int64)) + 719163)


def calendar_for(
    division: str,
    *,
    overlay: LocalOverlay | None = None,
    source: str = "holidays",
) -> WorkingDayCalendar:
    """Return the working-day calendar of ``division``.

    :param division: a canonical name (``"england-and-wales"``, ``"scotland"``,
        ``"northern-ireland"``, ``"guernsey"``, ``"jersey"``, ``"isle-of-man"``) or an alias
        such as ``"england"`` or ``"wales"``.
    :param overlay: local closures and extra working days, off by default.
    :param source: ``"holidays"`` (default) or ``"workalendar"`` (optional extra).
    :raises UnknownDivisionError: for an unknown division.
    :raises UnsupportedHolidaySourceError: for an unknown source, or one that cannot serve it.
    """
    resolved = division_for(division)
    if source not in HOLIDAY_SOURCES:
        raise UnsupportedHolidaySourceError(
            f"unknown holiday source {source!r}; known sources: {', '.join(HOLIDAY_SOURCES)}"
        )
    return _cached_calendar(resolved.name, overlay, source)


#: Calendars built so far, by (division, overlay, source); at most ``_MAX_CALENDARS`` of them.
_calendars: dict[tuple[str, LocalOverlay | None, str], WorkingDayCalendar] = {}
_holidays: dict[tuple[str, str], Mapping[dt.date, str]] = {}
_MAX_CALENDARS = 64
#: Held while a calendar is built, so that threads asking for it at once build it once.
_build_lock = threading.Lock()


def _cached_calendar(name: str, overlay: LocalOverlay | None, source: str) -> WorkingDayCalendar:
    """Build a calendar once per division (canonical name), overlay and source."""
    key = (name, overlay, source)
    found = _calendars.get(key)
    if found is not None:
        return found
    with _build_lock:
        found = _calendars.get(key)
        if found is None:
            found = WorkingDayCalendar._build(
                DIVISIONS[name], source=source, overlay=overlay, holidays=_holidays_of(name, source)
            )
            if len(_calendars) >= _MAX_CALENDARS:
                del _calendars[next(iter(_calendars))]  # the oldest
            _calendars[key] = found
    return found


def _holidays_of(name: str, source: str) -> Mapping[dt.date, str]:
    """Return the bank holidays of division ``name`` over the whole coverage, fetched once."""
    found = _holidays.get((name, source))
    if found is None:
        years = range(COVERAGE_START.year, COVERAGE_END.year + 1)
        found = _holidays[(name, source)] = HOLIDAY_SOURCES[source](DIVISIONS[name], years)
    return found
