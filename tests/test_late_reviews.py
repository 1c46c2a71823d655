"""Every late review is named, child by child, by the id the council wrote.

Until this release the report counted late reviews but named none (only the CSV's per-row
status showed them): an analyst could not say which child's review to chase. The dates
here are worked out by hand: the first review is due 3 calendar months after the initial
conference, a later one 6 months after the review before it (England, Working Together).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main
from safeguarding_rules.testing.returns import CensusChild, Episode, Plan, write_cin_census

HEADER = (
    "child_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date,previous_conference_type\n"
)
#: R1: two siblings reviewed together, each counted from their own initial conference
#: (5 January: due 5 April, 35 days late; 9 February: due 9 May, 1 day late); R2 on its
#: due date; R4 six months after a review on 1 March: due 1 September, 30 days late.
ROWS = (
    "0001134,R1,review,2024-05-10,,2024-01-05,initial\n"
    "0001135,R1,review,2024-05-10,,2024-02-09,initial\n"
    "0002001,R2,review,2024-04-01,,2024-01-01,initial\n"
    "0004001,R4,review,2024-10-01,,2024-03-01,review\n"
)
EXPECTED = [
    {
        "conference_id": "R1",
        "child_ids": ["0001134"],
        "conference_date": "2024-05-10",
        "previous_conference_date": "2024-01-05",
        "due_date": "2024-04-05",
        "days_late": 35,
        "rule": "first_review",
    },
    {
        "conference_id": "R1",
        "child_ids": ["0001135"],
        "conference_date": "2024-05-10",
        "previous_conference_date": "2024-02-09",
        "due_date": "2024-05-09",
        "days_late": 1,
        "rule": "first_review",
    },
    {
        "conference_id": "R4",
        "child_ids": ["0004001"],
        "conference_date": "2024-10-01",
        "previous_conference_date": "2024-03-01",
        "due_date": "2024-09-01",
        "days_late": 30,
        "rule": "subsequent_review",
    },
]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["report", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    path = tmp_path / "reviews.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


def test_the_json_lists_each_late_review_by_conference_and_due_date(reviews: Path) -> None:
    found = json.loads(run(str(reviews), "--format", "json"))["review_timeliness"]
    assert found["late_reviews"] == EXPECTED
    assert found["by_child"] == {"on_time": 1, "total": 4, "percent": 25.0}


def test_the_text_names_every_late_child_with_its_due_date(reviews: Path) -> None:
    text = run(str(reviews))
    section = text[text.index("Review conferences within timescale") :]
    assert "  late reviews (3):\n" in section
    assert (
        "    R1 on 2024-05-10 (due 2024-04-05, from the conference on 2024-01-05): 0001134, "
        "35 day(s) late\n"
    ) in section
    assert (
        "    R4 on 2024-10-01 (due 2024-09-01, from the conference on 2024-03-01): 0004001, "
        "30 day(s) late\n"
    ) in section
    assert "R2 on" not in section  # on time: not listed


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_html_names_every_late_child(reviews: Path, language: str) -> None:
    page = run(str(reviews), "--format", "html", "--language", language)
    heading = "Late reviews" if language == "en" else "Adolygiadau hwyr"
    assert f">{heading}</h3>" in page
    table = page[page.index(f">{heading}</h3>") :].split("</table>")[0]
    cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", table)]
    expected_rows = [
        [row["conference_id"], ", ".join(row["child_ids"])] for row in EXPECTED  # type: ignore[arg-type]
    ]  # fmt: skip
    rows = [cells[i : i + 6] for i in range(0, len(cells), 6)]
    assert [row[:2] for row in rows] == expected_rows
    assert [row[5] for row in rows] == ["35", "1", "30"]


def test_the_welsh_text_names_them_too(reviews: Path) -> None:
    text = run(str(reviews), "--language", "cy")
    assert "adolygiadau hwyr (3):" in text
    assert "0001134, diwrnodau'n hwyr: 35" in text


def _census(
    tmp_path: Path, child_id: str, plan: Plan, reference: dt.date, referral: dt.date
) -> Path:
    """A census of one child on one plan."""
    path = tmp_path / "census.xml"
    child = CensusChild(child_id=child_id, episodes=[Episode(referral=referral, plans=[plan])])
    write_cin_census(path, [child], reference_date=reference)
    return path


def test_a_census_names_the_late_reviews_child_and_where_in_the_file(tmp_path: Path) -> None:
    # Plan 17 Feb 2022: first review due 17 May, held 20 May (3 days late).
    plan = Plan(start=dt.date(2022, 2, 17), reviews=[dt.date(2022, 5, 20)])
    path = _census(tmp_path, "000123/A", plan, dt.date(2023, 3, 31), dt.date(2022, 1, 10))
    (late,) = json.loads(run(str(path), "--format", "json"))["review_timeliness"]["late_reviews"]
    assert late["child_ids"] == ["000123/A"]
    assert (late["due_date"], late["days_late"]) == ("2022-05-17", 3)
    text = run(str(path))
    assert re.search(r"    child 000123/A \(Child\[1\].*\) on 2022-05-20 \(due 2022-05-17", text)


def test_a_review_outside_the_census_year_says_whether_it_was_late(tmp_path: Path) -> None:
    # Plan 15 Jan 2025: first review due 15 Apr, held 16 Apr, after the ReferenceDate (31
    # March): not in the headline, listed outside it, and said to be late (the tester's
    # case: it was counted in a period and never said to be late).
    plan = Plan(start=dt.date(2025, 1, 15), reviews=[dt.date(2025, 4, 16)])
    path = _census(tmp_path, "0002001", plan, dt.date(2025, 3, 31), dt.date(2024, 12, 1))
    found = json.loads(run(str(path), "--format", "json"))["review_timeliness"]
    (outside,) = found["outside_headline_period"]
    assert (outside["child_id"], outside["date"], outside["due_date"], outside["on_time"]) == (
        "0002001", "2025-04-16", "2025-04-15", False,
    )  # fmt: skip
    text = run(str(path))
    assert "on 2025-04-16 (due 2025-04-15, LATE): held after the return's ReferenceDate" in text
    page = run(str(path), "--format", "html")
    assert "<td>2025-04-15</td><td>LATE</td>" in page.replace("\n", "")


def test_review_figures_by_period_are_in_the_text_and_the_html(reviews: Path) -> None:
    # JSON alone had them. R2 on time in 2023-24 Q4 (April 2024 is 2024-25 Q1, where R1's
    # two children are late); R4 (October) in Q3.
    found = json.loads(run(str(reviews), "--format", "json"))["review_timeliness"]["by_period"]
    text = run(str(reviews))
    section = text[text.index("Review conferences within timescale") :]
    assert "  by period (child):\n" in section
    for period in found:
        ratio = period["by_child"]
        shown = f"{ratio['percent']:.1f}% ({ratio['on_time']} of {ratio['total']})"
        assert f"    {period['period']}: {shown}\n" in section
    page = run(str(reviews), "--format", "html")
    assert 'aria-label="Reviews on time by period"' in page


def test_the_html_gives_every_period_as_counts_not_only_a_chart() -> None:
    # A chart's tooltips gave percentages alone; the text gives "n of m" for each period.
    page = CliRunner().invoke(main, ["report", "--format", "html"]).stdout
    text = CliRunner().invoke(main, ["report"]).stdout
    periods = re.findall(r"^    (\d{4}-\d\d Q\d): (.*?) / (.*)$", text, flags=re.MULTILINE)
    assert periods
    for period, by_child, by_conference in periods:
        assert f"<tr><td>{period}</td><td>{by_child}</td><td>{by_conference}</td></tr>" in page
