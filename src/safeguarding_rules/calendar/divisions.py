"""The bank-holiday divisions of the UK and the Crown dependencies.

One class per division, holding its metadata as class attributes and its sources in the
docstring, in the style of python-holidays. The holiday *data* comes from the ``holidays``
package (always with an explicit subdivision); this module only says which data to ask for,
and over which years it is trusted.

Coverage
    Every division covers 1 January 2006 (the earliest edition of guidance this library
    encodes, *Working Together* 2006) to 31 December 2030. A date outside that range is
    refused with :class:`~safeguarding_rules.CalendarRangeError`, never treated as a year
    without holidays.

Provisional years
    Regular bank holidays can be computed for any year, but one-off days (a jubilee, a state
    funeral, a coronation) are announced by proclamation, sometimes only weeks ahead. Dates
    from ``PROVISIONAL_FROM`` (1 January 2029, the year after the last published GOV.UK list
    this release was checked against) to the end of coverage are therefore *provisional*:
    results that reach them say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar

from .._errors import UnknownDivisionError

__all__ = [
    "COVERAGE_END",
    "COVERAGE_START",
    "DIVISIONS",
    "PROVISIONAL_FROM",
    "Division",
    "EnglandAndWales",
    "Guernsey",
    "IsleOfMan",
    "Jersey",
    "NorthernIreland",
    "Scotland",
    "division_for",
]

#: First date of every division's coverage.
COVERAGE_START = dt.date(2006, 1, 1)
#: Last date of every division's coverage (the documented future horizon).
COVERAGE_END = dt.date(2030, 12, 31)
#: From this date on, one-off bank holidays may yet be announced: results are provisional.
PROVISIONAL_FROM = dt.date(2029, 1, 1)


class Division:
    """A bank-holiday division: the metadata needed to build its working-day calendar.

    Subclasses set every attribute; instances are never needed.
    """

    #: Canonical name, as used by :func:`~safeguarding_rules.calendar_for`.
    name: ClassVar[str]
    #: Human-readable title.
    title: ClassVar[str]
    #: ISO 3166 code (3166-2 for UK nations, 3166-1 for the Crown dependencies).
    code: ClassVar[str]
    #: Other names accepted by :func:`division_for`.
    aliases: ClassVar[tuple[str, ...]] = ()
    #: Country code passed to ``holidays.country_holidays``.
    holidays_country: ClassVar[str]
    #: Subdivision passed to ``holidays.country_holidays`` (never ``None`` for ``GB``).
    holidays_subdiv: ClassVar[str | None] = None
    #: What this division's data has been checked against in the test suite.
    verified_against: ClassVar[str]


class EnglandAndWales(Division):
    """England and Wales share one bank-holiday list.

    References:
        * Banking and Financial Dealings Act 1971, s1 and Schedule 1.
        * GOV.UK bank holidays, division ``england-and-wales``
          (https://www.gov.uk/bank-holidays.json), 2012 to 2028.
        * One-off days: 2011-04-29 royal wedding; 2012-06-04 (spring holiday moved) and
          2012-06-05 Diamond Jubilee; 2020-05-08 (early May holiday moved for VE Day);
          2022-06-02 (spring holiday moved) and 2022-06-03 Platinum Jubilee; 2022-09-19
          state funeral of Queen Elizabeth II; 2023-05-08 coronation of King Charles III.
    """

    name = "england-and-wales"
    title = "England and Wales"
    code = "GB-EAW"
    aliases = ("england", "wales", "eng", "wls", "gb-eng", "gb-wls", "gb-eaw")
    holidays_country = "GB"
    holidays_subdiv = "ENG"
    verified_against = (
        "GOV.UK england-and-wales list 2012-2028 (exact match); 2006-2011 against the rules "
        "catalogue's computed list (C2); holidays' WLS subdivision equals ENG throughout"
    )


class Scotland(Division):
    """Scotland: 2 January, no Easter Monday, the first Monday of August, St Andrew's Day.

    References:
        * Banking and Financial Dealings Act 1971, Schedule 1, para 2.
        * St Andrew's Day Bank Holiday (Scotland) Act 2007.
        * GOV.UK bank holidays, division ``scotland``, 2012 to 2028.
        * 2026-06-15: bank holiday for Scotland's participation in the FIFA World Cup,
          by royal proclamation of February 2026 (privycouncil.independent.gov.uk); it
          post-dates the GOV.UK list cached in the test data, so is the one known difference.
    """

    name = "scotland"
    title = "Scotland"
    code = "GB-SCT"
    aliases = ("sct", "gb-sct")
    holidays_country = "GB"
    holidays_subdiv = "SCT"
    verified_against = (
        "GOV.UK scotland list 2012-2028 (exact, except 2026-06-15 proclaimed after that list)"
    )


class NorthernIreland(Division):
    """Northern Ireland: adds St Patrick's Day (17 March) and the Battle of the Boyne (12 July).

    References:
        * Banking and Financial Dealings Act 1971, Schedule 1, para 3.
        * GOV.UK bank holidays, division ``northern-ireland``, 2012 to 2028.
    """

    name = "northern-ireland"
    title = "Northern Ireland"
    code = "GB-NIR"
    aliases = ("nir", "ni", "gb-nir")
    holidays_country = "GB"
    holidays_subdiv = "NIR"
    verified_against = "GOV.UK northern-ireland list 2012-2028 (exact match)"


class Guernsey(Division):
    """Bailiwick of Guernsey: UK-style holidays plus Liberation Day (9 May).

    References:
        * States of Guernsey public holiday dates, https://gov.gg/holidaydates
          (as cited by python-holidays).
        * Liberation Day moved to 10 May in 2010 (python-holidays, Guernsey).
    """

    name = "guernsey"
    title = "Guernsey"
    code = "GG"
    aliases = ("gg", "ggy")
    holidays_country = "GG"
    verified_against = "python-holidays only (no official machine-readable list available)"


class Jersey(Division):
    """Bailiwick of Jersey: UK-style holidays plus Liberation Day (9 May).

    References:
        * Public Holidays and Bank Holidays (Jersey) Law 1951, revised 2010 (jerseylaw.je
          15.560.20), as cited by python-holidays, which cross-checked its data against
          gov.je bank-holiday dates from 2010 onwards.
    """

    name = "jersey"
    title = "Jersey"
    code = "JE"
    aliases = ("je", "jey")
    holidays_country = "JE"
    verified_against = "python-holidays only (no official machine-readable list available)"


class IsleOfMan(Division):
    """Isle of Man: UK-style holidays plus TT Bank Holiday and Tynwald Day (5 July).

    References:
        * python-holidays ``IsleOfMan`` class (UK common holidays, the first Friday of June
          as TT Bank Holiday, and 5 July as Tynwald Day). It cites no primary source;
          treat this division's data as second-hand (C2).
    """

    name = "isle-of-man"
    title = "Isle of Man"
    code = "IM"
    aliases = ("im", "imn", "iom")
    holidays_country = "IM"
    verified_against = "python-holidays only (no official machine-readable list available)"


#: Every known division by canonical name.
DIVISIONS: Mapping[str, type[Division]] = {
    division.name: division
    for division in (EnglandAndWales, Scotland, NorthernIreland, Guernsey, Jersey, IsleOfMan)
}

_BY_ANY_NAME: Mapping[str, type[Division]] = {
    key: division for division in DIVISIONS.values() for key in (division.name, *division.aliases)
}


def division_for(name: str) -> type[Division]:
    """Return the division called ``name`` (canonical name or alias, any case).

    :raises UnknownDivisionError: naming the value and listing the known divisions.
    """
    try:
        return _BY_ANY_NAME[name.strip().lower()]
    except (KeyError, AttributeError):
        known = ", ".join(DIVISIONS)
        raise UnknownDivisionError(
            f"unknown calendar division {name!r}; known divisions: {known} "
            "('england' and 'wales' are aliases of 'england-and-wales')"
        ) from None
