r"""Report, worklist and CLI text in English or Welsh, through gettext message catalogues.

The Welsh catalogue ships as a ``.po`` file (``cy/LC_MESSAGES/safeguarding_rules.po``) and
is compiled **in memory** on first use with Babel (``read_po`` then ``write_mo``), so there
is no build hook and no binary in the repository, and editable installs, wheels and sdists
behave the same; the compiled catalogue is cached per language. Dates and month names come
from Babel's CLDR data (``3 Mehefin 2024``), never from the process locale.

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
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

__all__ = ["DOMAIN", "LANGUAGES", "N_", "Translator", "catalogue_path", "translator"]

#: The gettext domain.
DOMAIN = "safeguarding_rules"
#: Languages with a catalogue (English is the source language).
LANGUAGES = ("en", "cy")
_BABEL_LOCALES = {"en": "en_GB", "cy": "cy"}


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it here."""
    return message


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
        return str(format_date(day, "d MMMM yyyy", locale=_BABEL_LOCALES[self.language]))


@functools.cache
def translator(language: str = "en") -> Translator:
    """Return the cached translator for ``language`` (``"en"`` or ``"cy"``).

    :raises ValueError: for a language without a catalogue.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}; choose one of {LANGUAGES}")
    if language == "en":
        return Translator("en", gettext.NullTranslations())
    po = resources.files(__name__).joinpath(catalogue_path(language)).read_bytes()
    catalog = read_po(io.BytesIO(po), locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translator(language, Translations(fp=compiled, domain=DOMAIN))
