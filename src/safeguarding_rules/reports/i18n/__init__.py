r"""Report, worklist and CLI text in English or Welsh, through gettext message catalogues.

The Welsh catalogue ships as a ``.po`` file (``cy/LC_MESSAGES/safeguarding_rules.po``) and
is compiled **in memory** on first use with Babel (``read_po`` then ``write_mo``), so there
is no build hook and no binary in the repository, and editable installs, wheels and sdists
behave the same; the compiled catalogue is cached per language. Dates and month names come
from Babel's CLDR data (``3 Mehefin 2024``), never from the process locale.

Explanations (``Deadline.explanation()``, ``WorkingDayCount.explanation()``) are built below
this layer as structured lines of English message templates with typed parameters
(``safeguarding_rules._explain``); :meth:`Translator.explain` renders them in this language,
and English exactly as ``explain()`` does.

Machine output is never translated: JSON keys, CSV column names, enum values, rule ids and
the confidence codes ``C1``, ``C2`` and ``UNCONFIRMED`` stay as they are. Sources are
citations and stay in the language they were read in. Click's own framework messages
("Usage:", "Error:") stay in English (they use the process-wide gettext domain).

Every Welsh string carries a translator comment saying whether it was checked against a
published source (the Welsh text of the Wales Safeguarding Procedures, the Act, StatsCymru:
see ``research/issue-18-adults-missing-welsh.md`` section 5) or is UNCONFIRMED, not yet
checked against the Welsh Government's terminology (BydTermCymru).

Extract and update (Babel's command line)::

    pybabel extract -k N_ -o src/safeguarding_rules/reports/i18n/safeguarding_rules.pot \
        src/safeguarding_rules
    pybabel update -i src/safeguarding_rules/reports/i18n/safeguarding_rules.pot \
        -d src/safeguarding_rules/reports/i18n -D safeguarding_rules
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from importlib import resources

import attrs

from ..._dates import ordinal
from ..._explain import ENGLISH, N_, Explanation, Term, render

__all__ = [
    "AGENCY_NAMES",
    "DAY_REASONS",
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "RULE_TITLES",
    "Translator",
    "catalogue_path",
    "translator",
]

#: The gettext domain.
DOMAIN = "safeguarding_rules"
#: Languages with a catalogue (English is the source language).
LANGUAGES = ("en", "cy")
_BABEL_LOCALES = {"en": "en_GB", "cy": "cy"}


#: Rule titles shown in reports and explanations, by rule id (rule data is English, and
#: titles vary between rule sets; these are catalogue strings).
RULE_TITLES = {
    "icpc": N_("Initial child protection conference"),
    "first_review": N_("First review child protection conference"),
    "subsequent_review": N_("Subsequent review child protection conference"),
    "first_core_group": N_("First core group meeting"),
    "adult_enquiry": N_("Adult safeguarding enquiry completed"),
    "adult_strategy": N_("Adult strategy discussion or meeting"),
    "pova_strategy_discussion": N_("Adult strategy discussion (POVA)"),
    "adult_plan_review": N_("Review of the adult protection plan"),
    "return_interview": N_("Return (home) interview"),
}

#: Agencies' names as people write them, by agency id (the vocabulary's ``AGENCIES``; a test
#: keeps the two the same). Reports show these; JSON keeps the ids.
AGENCY_NAMES = {
    "childrens_social_care": N_("Children's social care"),
    "police": N_("Police"),
    "health_visitor": N_("Health visitor"),
    "school_nurse": N_("School nurse"),
    "gp": N_("GP"),
    "paediatrician": N_("Paediatrician"),
    "midwifery": N_("Midwifery"),
    "camhs": N_("CAMHS"),
    "education": N_("Education / school"),
    "probation": N_("Probation"),
    "adult_social_care": N_("Adult social care"),
    "housing": N_("Housing"),
}

#: Why a day is not a working day, as the england-and-wales calendar names it: weekends and
#: every bank holiday of its coverage (a test keeps this list complete). Other divisions'
#: holidays, and local closures, are shown as their data names them.
DAY_REASONS = (
    N_("weekend"),
    N_("New Year's Day"),
    N_("New Year's Day (observed)"),
    N_("Good Friday"),
    N_("Easter Monday"),
    N_("May Day"),
    N_("Spring Bank Holiday"),
    N_("Late Summer Bank Holiday"),
    N_("Christmas Day"),
    N_("Christmas Day (observed)"),
    N_("Boxing Day"),
    N_("Boxing Day (observed)"),
    N_("Wedding of William and Catherine"),
    N_("Diamond Jubilee of Elizabeth II"),
    N_("Platinum Jubilee of Elizabeth II"),
    N_("State Funeral of Queen Elizabeth II"),
    N_("Coronation of Charles III"),
)


def catalogue_path(language: str) -> str:
    """Return the package path of ``language``'s ``.po`` file (relative to this package)."""
    return f"{language}/LC_MESSAGES/{DOMAIN}.po"


@attrs.frozen
class Translator:
    """Translate messages and format dates for one language."""

    language: str
    _catalogue: gettext.NullTranslations = attrs.field(repr=False)

    def gettext(self, message: str) -> str:
        """Return ``message`` in this language."""
        return self._catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Return the form of a counted message for ``n`` (Welsh has six plural forms)."""
        return self._catalogue.ngettext(singular, plural, n)

    def date(self, day: dt.date) -> str:
        """``3 June 2024`` / ``3 Mehefin 2024``, with CLDR month names."""
        return _format_date(day, "d MMMM yyyy", _BABEL_LOCALES[self.language])

    def long_date(self, day: dt.date) -> str:
        """``Monday 15 December 2014`` / ``Dydd Llun 15 Rhagfyr 2014`` (CLDR names)."""
        return _format_date(day, "EEEE d MMMM y", _BABEL_LOCALES[self.language])

    def ordinal(self, n: int) -> str:
        """``15th`` in English; in Welsh the number itself, which the sentences count with.

        The Welsh templates say "{n} diwrnod gwaith ar ôl" (n working days after) rather
        than an ordinal, whose suffixes (1af, 2il, 15fed) no library here provides.
        """
        return ordinal(n) if self.language == "en" else str(n)

    def weekday(self, day: dt.date) -> str:
        """Return the weekday's CLDR name, padded to the language's longest (lists align)."""
        return _weekday_names(_BABEL_LOCALES[self.language])[day.weekday()]

    def term(self, term: Term) -> str:
        """Return a rule's title or a day's reason in this language, if the catalogue has it."""
        if term.key.startswith("rule:"):
            title = RULE_TITLES.get(term.key.removeprefix("rule:"))
            return self.gettext(title) if title else term.text
        # A bank holiday on a weekend is "weekend; Christmas Day": translate each part.
        return "; ".join(self.gettext(part) if part else part for part in term.text.split("; "))

    def explain(self, explanation: Explanation) -> str:
        """Render an explanation (``Deadline.explanation()``, ...) in this language.

        English is exactly what ``explain()`` returns; other languages go through the
        catalogue, with Babel's dates. Rule data (titles of editions, sources, notes) stays in
        English, and the Welsh templates say so ("yn Saesneg").
        """
        return render(explanation, ENGLISH if self.language == "en" else self)


@functools.lru_cache(maxsize=4096)
def _format_date(day: dt.date, pattern: str, locale: str) -> str:
    # Dates recur across a report's lines and explanations; Babel's formatting is the cost.
    from babel.dates import format_date  # Babel is imported on first use (start-up time)

    return str(format_date(day, pattern, locale=locale))


@functools.cache
def _weekday_names(locale: str) -> tuple[str, ...]:
    """Monday to Sunday in ``locale``, each padded to the longest."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=locale)
    width = max(len(str(name)) for name in names.values())
    return tuple(f"{names[day]!s:<{width}}" for day in range(7))


@functools.cache
def translator(language: str = "en") -> Translator:
    """Return the cached translator for ``language`` (``"en"`` or ``"cy"``).

    :raises ValueError: for a language without a catalogue.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}; choose one of {LANGUAGES}")
    if language == "en":
        return Translator("en", gettext.NullTranslations())
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    po = resources.files(__name__).joinpath(catalogue_path(language)).read_bytes()
    catalog = read_po(io.BytesIO(po), locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translator(language, Translations(fp=compiled, domain=DOMAIN))
