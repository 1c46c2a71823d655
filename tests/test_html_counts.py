"""The HTML report carries every count the text report carries, in the same words.

A child left out of a figure (an initial conference not yet held, one no edition of the
rule covers, one whose due date is past the calendar's coverage, a review outside the
headline period, a recorded date not checked, a skipped row) is said in the text report;
the HTML page, read as text, must say it too, in English and in Welsh. The lines compared
are picked from the English text report by their words; the Welsh report's lines are the
same lines (one template serves both languages).
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from pathlib import Path

import pytest

from safeguarding_rules import get_rule_set
from safeguarding_rules.records import read_records
from safeguarding_rules.reports import build_report
from safeguarding_rules.reports.render import html_parts, text_lines
from safeguarding_rules.reports.writer import writer
from safeguarding_rules.testing import returns as cin
from safeguarding_rules.testing.ssd import synthetic_ssd, write_ssd_sqlite

D = dt.date
#: Words of the text report's lines that count rows left out of a figure, or set apart.
COUNTED = (
    "not yet held",
    "not assessed",
    "NOT COMPUTABLE",
    "not counted",
    "outside the headline's period",
    " checked (",
    "not checked",
    "within 15 working days",
    "recorded before their S47 start",
    "no flag",
    "UNCONFIRMED rules used",
    "): missing ",
    "Skipped rows",
)
#: An audit's count by likely cause ("    counted the S47 start as day 1: 1").
CAUSE = re.compile(r"^ {4}[^:]+: \d+$")

HEADER = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date,core_group_date\n"
)
#: Not yet held; past the calendar's coverage; held and on time; a strategy discussion no
#: edition of the rule covers; a review outside any rule's reach; a row that is refused.
EDGE = (
    "0008001,IC20,initial,,2030-12-20,,\n"
    "0008002,IC21,initial,2030-12-23,2030-12-02,,\n"
    "0008003,IC22,initial,2025-01-21,2024-12-31,,\n"
    "0008004,IC23,initial,2006-01-20,2006-01-05,,\n"
    "0008005,IC24,initial,2025-02-30,2025-02-03,,\n"
)
CENSUS = [
    # A target recorded wrong (15 calendar days), and a review after the ReferenceDate.
    cin.CensusChild(child_id="C001", episodes=[cin.Episode(
        section47s=[cin.Section47(start=D(2023, 4, 3), target=D(2023, 4, 18), icpc=D(2023, 4, 24))],
        plans=[cin.Plan(start=D(2023, 4, 24), reviews=(D(2023, 7, 20), D(2024, 4, 20)))],
    )]),
    # Not yet held.
    cin.CensusChild(child_id="C002", episodes=[cin.Episode(section47s=[cin.Section47(start=D(2024, 3, 25))])]),
    # Held before its own S47 start.
    cin.CensusChild(child_id="C003", episodes=[cin.Episode(
        section47s=[cin.Section47(start=D(2023, 10, 10), icpc=D(2023, 10, 2))])]),
    # Held outside any Section47.
    cin.CensusChild(child_id="C004", episodes=[cin.Episode(icpc=D(2023, 6, 1))]),
    # A recorded target that is not a date.
    cin.CensusChild(child_id="C005", episodes=[cin.Episode(
        section47s=[cin.Section47(start=D(2023, 5, 2), target="soon", icpc=D(2023, 5, 23))])]),
]  # fmt: skip


def _visible(page: str) -> str:
    """The page's text as a reader sees it (charts and tags left out), spaces collapsed."""
    page = re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return _flat(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _counted(lines: list[str]) -> list[int]:
    """The indices of the lines that count rows left out of a figure, or set apart."""
    picked, skipped = [], False
    for i, line in enumerate(lines):
        skipped = skipped or line == "Skipped rows:"
        if any(words in line for words in COUNTED) or CAUSE.match(line) or (skipped and line):
            picked.append(i)
    return picked


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "edge.csv").write_text(HEADER + EDGE, encoding="utf-8")
    cin.write_cin_census(folder / "census.xml", CENSUS, reference_date=D(2024, 3, 31))
    write_ssd_sqlite(folder / "ssd.db", synthetic_ssd(random.Random(7), 20).tables)
    return {
        "edge": folder / "edge.csv",
        "census": folder / "census.xml",
        "ssd": f"sqlite:///{folder / 'ssd.db'}",
    }


@pytest.mark.parametrize(
    ("name", "ruleset", "expected"),
    [
        ("edge", "england", ["not yet held: 1", "not assessed: 1", "NOT COMPUTABLE: 1",
                             "Skipped rows:"]),
        ("edge", "northern-ireland", ["not yet held: 1", "UNCONFIRMED rules used"]),
        ("edge", "scotland", ["not assessed: the rule set has no 'icpc' rule"]),
        ("census", "england", ["not yet held: 1", "outside the headline's period (1)",
                               "not counted: 1", "within 15 working days",
                               "recorded before their S47 start (1)", "checked (",
                               "not dates, so not checked (1)"]),
        ("census", "scotland", ["not checked: the rule set has no 'icpc' rule"]),
        ("ssd", "england", [" checked (", "no flag"]),
    ],
)  # fmt: skip
def test_every_count_of_the_text_report_is_in_the_html_page(
    inputs: dict[str, Path | str], name: str, ruleset: str, expected: list[str]
) -> None:
    rule_set = get_rule_set(ruleset)
    loaded = read_records(inputs[name], rule_set, skip_invalid=True)
    report = build_report(loaded, rule_set)
    english = text_lines(report, writer("en"))
    picked = _counted(english)
    for words in expected:  # the inputs have what the test is for
        assert any(words in english[i] for i in picked), (words, english)
    for language, long_dates in (("en", False), ("cy", True)):
        w = writer(language, long_dates=long_dates)
        lines, page = text_lines(report, w), _visible("".join(html_parts(report, w)))
        assert len(lines) == len(english)
        missing = [lines[i].strip() for i in picked if _flat(lines[i]) not in page]
        assert not missing, (language, missing)
