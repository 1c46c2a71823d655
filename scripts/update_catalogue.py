"""Re-extract the message template and bring the Welsh catalogue up to date with it.

Run after changing any message of the reports (``_("...")``, ``N_("...")``)::

    python scripts/update_catalogue.py

It writes ``safeguarding_rules.pot`` (sorted, no locations: reviewed as a diff) and adds
each new message to the Welsh ``.po`` with an empty translation, keeping every existing
translation and its translator comments, and dropping messages no longer used. The test
suite fails until every message has a Welsh translation with the same placeholders.
With ``--translations FILE`` (a JSON object of message to ``[translation, comment]``),
those translations are filled in too.
"""

from __future__ import annotations

import argparse
import io
import json
import re
from pathlib import Path
from typing import cast

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "safeguarding_rules"
I18N = PACKAGE / "reports" / "i18n"
POT = I18N / "safeguarding_rules.pot"
WELSH = I18N / "cy" / "LC_MESSAGES" / "safeguarding_rules.po"
#: Lines Babel adds to a catalogue's header that would change on every run.
_DATED = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)


def _written(catalog: Catalog, *, omit_header: bool) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=76 if omit_header else 100, no_location=True,
             sort_output=True, omit_header=omit_header)  # fmt: skip
    return _DATED.sub(b"", out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--translations", type=Path)
    args = parser.parse_args()
    template = Catalog()
    for _, _, text, comments, context in extract_from_dir(
        str(PACKAGE), keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    ):
        template.add(text, context=context, auto_comments=comments)
    POT.write_bytes(_written(template, omit_header=True))
    welsh = read_po(io.BytesIO(WELSH.read_bytes()), locale="cy")
    given = json.loads(args.translations.read_text("utf-8")) if args.translations else {}
    updated = Catalog(locale="cy", domain=welsh.domain, header_comment=welsh.header_comment)
    updated.mime_headers = welsh.mime_headers
    for message in cast("list[Message]", list(template)):
        if not message.id:
            continue
        old = welsh.get(message.id)
        if old is not None and old.string:
            updated[message.id] = old
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        translation, comment = given.get(key, ["", ""])
        updated.add(message.id, translation, auto_comments=[comment] if comment else [],
                    flags=message.flags)  # fmt: skip
    WELSH.write_bytes(_written(updated, omit_header=False))


if __name__ == "__main__":
    main()
