"""The Welsh catalogue stays honest: complete, placeholders intact, glossary terms verbatim."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from safeguarding_rules.reports.i18n import translator

I18N = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules" / "reports" / "i18n"
PO = I18N / "cy" / "LC_MESSAGES" / "safeguarding_rules.po"
POT = I18N / "safeguarding_rules.pot"
SOURCES = I18N.parent.parent


def catalog() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="cy")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_template_is_current() -> None:
    # Re-extract from the source (as `pybabel extract -k N_` does) and compare the ids.
    extracted = {
        message if isinstance(message, str) else message[0]
        for *_, message, _, _ in extract_from_dir(
            str(SOURCES), keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
        )
    }
    with POT.open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert extracted == template, "run pybabel extract (see safeguarding_rules.reports.i18n)"


def test_every_message_has_a_welsh_translation_with_the_same_placeholders() -> None:
    with POT.open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    welsh = catalog()
    assert welsh.num_plurals == 6  # CLDR's Welsh plural rule
    seen = set()
    for message in welsh:
        if not message.id:
            continue
        ids = [str(i) for i in (message.id if isinstance(message.id, tuple) else (message.id,))]
        strings = [str(s) for s in (message.string if isinstance(message.string, tuple)
                                    else (message.string,))]  # fmt: skip
        seen.add(ids[0])
        assert not message.fuzzy, ids[0]
        assert all(s.strip() for s in strings), f"untranslated: {ids[0]!r}"
        for text in strings:
            assert fields(text) == fields(ids[0]), ids[0]
        # Every string says whether it was checked against a published source.
        note = " ".join(message.auto_comments)
        assert re.search(r"\bC1\b|\bC2\b|UNCONFIRMED", note), ids[0]
    assert seen == template


# Welsh terms the research confirmed (C1) in the Welsh text of the Wales Safeguarding
# Procedures, the Act or StatsCymru: wherever the English term is translated, these are used.
GLOSSARY = {
    "Initial child protection conference": "Cynhadledd amddiffyn plant gychwynnol",
    "Adults at risk": "Oedolion sy'n wynebu risg",
    "safeguarding enquiries": "ymholiadau diogelu",
    "child protection conferences": "cynadleddau amddiffyn plant",
    "Review conferences": "Cynadleddau adolygu",
    "missing from home or care": "ar goll o'r cartref neu o ofal",
    "core group": "grŵp craidd",
    # Explanations (the Welsh statutory instruments, GOV.UK and Business Wales pages).
    "bank holidays": "gwyliau banc",
    "became looked after": "dderbyn gofal",
    "New Year's Day": "Dydd Calan",
    "Good Friday": "Gwener y Groglith",
    "Easter Monday": "Llun y Pasg",
    "Christmas Day": "Dydd Nadolig",
    "Boxing Day": "Dydd San Steffan",
}


@pytest.mark.parametrize(("english", "welsh"), GLOSSARY.items())
def test_confirmed_glossary_terms_are_used_verbatim(english: str, welsh: str) -> None:
    uses = [m for m in catalog() if isinstance(m.id, str) and english in m.id]
    assert uses, english
    for message in uses:
        assert welsh.lower() in str(message.string).lower(), (message.id, message.string)


def test_welsh_dates_and_plurals() -> None:
    cy = translator("cy")
    assert cy.date(dt.date(2024, 6, 3)) == "3 Mehefin 2024"
    assert cy.date(dt.date(2025, 2, 1)) == "1 Chwefror 2025"
    assert translator("en").date(dt.date(2024, 6, 3)) == "3 June 2024"
    for n in (0, 1, 2, 3, 6, 11):
        text = cy.ngettext("{n} action due by {horizon} (as of {as_of}), rule set {rule_set}.",
                           "{n} actions due by {horizon} (as of {as_of}), rule set {rule_set}.",
                           n)  # fmt: skip
        assert text.startswith("{n} cam gweithredu")
    with pytest.raises(ValueError, match="no catalogue"):
        translator("fr")


def test_reports_name_every_agency_the_vocabulary_knows() -> None:
    from safeguarding_rules import AGENCIES
    from safeguarding_rules.reports.i18n import AGENCY_NAMES

    assert dict(AGENCIES) == AGENCY_NAMES


def test_no_message_hides_inside_an_f_string() -> None:
    """Babel's extractor does not look inside f-strings: a message there is never translated."""
    import ast

    hidden = []
    for path in sorted(SOURCES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if not isinstance(inner, ast.Call) or not inner.args:
                    continue
                name = inner.func.attr if isinstance(inner.func, ast.Attribute) else None
                name = inner.func.id if isinstance(inner.func, ast.Name) else name
                if name in {"_", "gettext", "ngettext", "N_"} and isinstance(
                    inner.args[0], ast.Constant
                ):
                    hidden.append(f"{path.relative_to(SOURCES)}:{inner.lineno}")
    assert not hidden, f"a message inside an f-string is never extracted: {hidden}"


def test_causes_and_reasons_made_with_numbers_are_shown_in_welsh() -> None:
    # Made in lower layers with numbers in them, they used to stay English in a Welsh report
    # ("counted the S47 start as day 1", "not recognised", the SSD's missing meeting ids).
    from safeguarding_rules.records.detect import NO_MEETING_ID
    from safeguarding_rules.reports.indicators.recorded_targets import CAUSES, cause_text
    from safeguarding_rules.reports.writer import writer

    welsh, english = writer("cy"), writer("en")
    assert cause_text("counted 3 months as calendar days", welsh) == (
        "wedi cyfrif 3 mis fel diwrnodau calendr"
    )
    assert cause_text("not recognised", welsh) == "heb ei adnabod"
    assert cause_text("counted 15 calendar days", english) == "counted 15 calendar days"
    assert cause_text("a cause no template has", welsh) == "a cause no template has"
    for template in CAUSES:
        filled = template.format(n=12, months=6)
        assert cause_text(filled, welsh) == welsh._(template).format(n=12, months=6)
        assert cause_text(filled, welsh) != filled
    why = NO_MEETING_ID.format(n=7)
    shown = welsh.filled(why, (NO_MEETING_ID,))
    assert shown.startswith("dim yn hysbys: nid oes gan 7 rhes")


def test_english_rule_data_in_a_welsh_report_says_so(tmp_path: Path) -> None:
    # A final check found Scotland's action titles and a worklist's reason in English with
    # no "(yn Saesneg)", and a column saying "(yn Saesneg)" over causes now in Welsh.
    from click.testing import CliRunner

    from safeguarding_rules.cli import main

    welsh = translator("cy")
    assert welsh.gettext("likely cause") == "achos tebygol"
    path = tmp_path / "records.csv"
    path.write_text(
        "child_id,conference_id,conference_type,conference_date,strategy_discussion_date\n"
        "C1,K1,initial,2025-01-16,2024-12-20\nC2,K2,initial,,2030-12-20\n",
        encoding="utf-8",
    )
    report = CliRunner().invoke(
        main, ["report", str(path), "--ruleset", "scotland", "--language", "cy"]
    )
    assert report.exit_code == 0, report.output
    assert "Record of the CPPM circulated (yn Saesneg): " in report.stdout
    due = CliRunner().invoke(main, ["due", str(path), "--as-of", "2030-12-21", "--language", "cy"])
    assert due.exit_code == 0, due.output
    assert "(yn Saesneg) counting 15 working days from 2030-12-20" in due.stdout
