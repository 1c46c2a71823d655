"""The CIN census reader and the census sections of the report: dfe_c4, recorded_targets.

The golden census below was built by hand for the 2023-24 census year (1 April 2023 to 31
March 2024). Every working-day count in its comments was counted by hand on a calendar,
skipping weekends and the England and Wales bank holidays of GOV.UK's list: Good Friday 7
April and Easter Monday 10 April 2023, 1 May, the coronation on 8 May, 29 May, 28 August,
25 and 26 December 2023, and 1 January 2024. The start day is day 0 (the DfE's bands and
the 15-working-day rule both count from the day after the strategy discussion).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from safeguarding_rules import calendar_for, get_rule_set, to_data
from safeguarding_rules.records import InputErrors, read_cin_census, read_records
from safeguarding_rules.reports import build_report
from safeguarding_rules.testing.returns import (
    CensusChild,
    Episode,
    Plan,
    Section47,
    write_cin_census,
)

D = dt.date
CALENDAR = calendar_for("england-and-wales")
ENGLAND = get_rule_set("england")


def _child(child_id: str, *s47s: Section47, plans: tuple[Plan, ...] = ()) -> CensusChild:
    return CensusChild(child_id=child_id, episodes=[Episode(section47s=s47s, plans=plans)])


GOLDEN = [
    # S47 Mon 3 Apr -> ICPC Mon 24 Apr: 4-6 Apr (3), Easter skipped, 11-14 (7), 17-21 (12),
    # 24 (13) = 13 working days. Due: 25 Apr is the 14th, 26 Apr the 15th; recorded 26 Apr.
    # Plan from 24 Apr; first review 20 Jul (due 24 Jul: on time); next 25 Jan 2024 (due
    # 20 Jan, six months after 20 Jul: late).
    _child("C001", Section47(start=D(2023, 4, 3), target=D(2023, 4, 26), icpc=D(2023, 4, 24)),
           plans=(Plan(start=D(2023, 4, 24), reviews=(D(2023, 7, 20), D(2024, 1, 25))),)),
    # S47 Tue 2 May -> ICPC Tue 23 May: 3-5 (3), coronation skipped, 9-12 (7), 15-19 (12),
    # 22-23 (14) = 14. Due 24 May. Recorded 23 May: what counting the start as day 1 gives,
    # and also what skipping weekends but not the coronation gives (both named).
    _child("C002", Section47(start=D(2023, 5, 2), target=D(2023, 5, 23), icpc=D(2023, 5, 23))),
    # S47 Mon 5 Jun -> ICPC Fri 30 Jun: 6-9 (4), 12-16 (9), 19-23 (14), 26-30 (19) = 19.
    # Due 26 Jun. Recorded 20 Jun = 5 Jun + 15 calendar days.
    _child("C003", Section47(start=D(2023, 6, 5), target=D(2023, 6, 20), icpc=D(2023, 6, 30))),
    # S47 Mon 18 Dec -> ICPC Wed 17 Jan: 19-22 Dec (4), 27-29 (7), 2-5 Jan (11), 8-12 (16),
    # 15-17 (19) = 19. Due 11 Jan (the 15th). Recorded 10 Jan: the start counted as day 1.
    _child("C004", Section47(start=D(2023, 12, 18), target=D(2024, 1, 10), icpc=D(2024, 1, 17))),
    # Two enquiries for one child, both counted. Fri 1 Sep -> Thu 7 Sep: 4 working days.
    # Mon 5 Feb -> Mon 11 Mar: 6-9 Feb (4), 12-16 (9), 19-23 (14), 26 Feb-1 Mar (19),
    # 4-8 Mar (24), 11 (25) = 25. Due 26 Feb (the 15th); recorded 26 Feb.
    _child("C005", Section47(start=D(2023, 9, 1), icpc=D(2023, 9, 7)),
           Section47(start=D(2024, 2, 5), target=D(2024, 2, 26), icpc=D(2024, 3, 11))),
    # Conference recorded before its S47 start: counted in icpc, no duration, listed.
    _child("C006", Section47(start=D(2023, 10, 10), icpc=D(2023, 10, 2))),
    # No conference needed.
    _child("C007", Section47(start=D(2023, 11, 1), not_required=True)),
    # Enquiry started in the previous census year, conference in this one: counted in icpc
    # only. Mon 20 Mar -> Wed 5 Apr: 21-24 Mar (4), 27-31 (9), 3-5 Apr (12) = 12. Its plan
    # began in-year, so its first review's previous conference is the initial one: due
    # 5 Jul (three months), held 10 Jul: late.
    _child("C008", Section47(start=D(2023, 3, 20), icpc=D(2023, 4, 5)),
           plans=(Plan(start=D(2023, 4, 5), reviews=(D(2023, 7, 10),)),)),
    # Started 25 Mar 2024, no conference yet: counted in section47; pending.
    _child("C009", Section47(start=D(2024, 3, 25))),
    # S47 Wed 5 Apr -> ICPC Thu 27 Apr: 6 Apr (1), Easter skipped, 11-14 (5), 17-21 (10),
    # 24-27 (14) = 14. Due 28 Apr (the 15th). Recorded 26 Apr: 15 weekdays with both Easter
    # days counted as working days (counting the start as day 1 would give 27 Apr instead).
    _child("C010", Section47(start=D(2023, 4, 5), target=D(2023, 4, 26), icpc=D(2023, 4, 27))),
    # A plan that began before the census year: a return lists a plan's reviews, earlier
    # years' too, so its first review was due three months after the start (1 Feb 2023)
    # and was held on 15 Jun: late (issue 26 item 5); the second (due 15 Dec) is on time.
    _child("C011", plans=(Plan(start=D(2022, 11, 1), reviews=(D(2023, 6, 15), D(2023, 12, 1))),)),
]  # fmt: skip


def _census_report(path: Path) -> dict[str, Any]:
    """The report's data on a census file, as the command line builds it."""
    found: dict[str, Any] = to_data(build_report(read_records(path, CALENDAR), ENGLAND))
    return found


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    path = tmp_path / "census.xml"
    write_cin_census(path, GOLDEN, reference_date=D(2024, 3, 31))
    return path


def test_dfe_c4_golden(golden: Path) -> None:
    c4 = _census_report(golden)["dfe_c4"]
    # Starts in the year: every enquiry but C008's; C005 has two.
    assert c4["section47"] == 10
    assert c4["section47_children"] == 9
    # Held in the year: all but C007 (none needed) and C009 (not yet held); C006's counts.
    assert c4["icpc"] == 9
    assert c4["icpc_children"] == 8
    # Durations, hand-counted above: 4, 12, 13, 14, 14, 19, 19, 25.
    assert c4["bands"] == {"0-10": 1, "11-15": 4, "16-20": 2, "21+": 1}
    assert c4["within_15_working_days"] == {"count": 5, "percent": 62.5}
    # Type 7 quantiles of those eight: positions 1.75, 3.5 and 5.25 (0-based).
    assert (c4["p25"], c4["median"], c4["p75"]) == (12.75, 14.0, 19.0)
    assert c4["percentiles_confidence"] == "UNCONFIRMED"
    assert [row["child_id"] for row in c4["data_quality"]] == ["C006"]
    assert c4["data_quality"][0]["location"] == "Child[6]/CINdetails[1]/Section47[1]"


def test_recorded_targets_golden(golden: Path) -> None:
    found = _census_report(golden)["recorded_targets"]
    assert (found["recorded"], found["checked"], found["differing"]) == (6, 6, 4)
    rows = {row["child_id"]: row for row in found["rows"]}
    assert set(rows) == {"C002", "C003", "C004", "C010"}
    day1 = "counted the S47 start as day 1"
    weekdays = "skipped weekends but not bank holidays"
    assert rows["C002"]["computed"] == "2023-05-24"
    assert rows["C002"]["likely_causes"] == [day1, weekdays]
    assert rows["C002"]["working_days_later"] == -1
    assert rows["C003"]["likely_causes"] == ["counted 15 calendar days"]
    assert rows["C003"]["working_days_later"] == -4
    assert rows["C004"]["computed"] == "2024-01-11"
    assert rows["C004"]["likely_causes"] == [day1]
    assert rows["C010"]["computed"] == "2023-04-28"
    assert rows["C010"]["likely_causes"] == [weekdays]
    assert found["by_likely_cause"] == {day1: 2, weekdays: 2, "counted 15 calendar days": 1}


def test_report_on_a_census_counts_children_and_says_why_not_conferences(golden: Path) -> None:
    report = _census_report(golden)
    icpc = report["initial_conference_timeliness"]
    # Held and timed: 13, 14, 19, 19, 4, 25, 12, 14 working days; on time (<= 15): five.
    assert icpc["by_child"] == {"on_time": 5, "total": 8, "percent": 62.5}
    assert icpc["pending"] == 1
    assert icpc["by_conference"]["percent"] is None
    assert "family link" in icpc["by_conference"]["why"]
    reviews = report["review_timeliness"]
    # C001 on time then late; C008 late; C011's first late, its second on time.
    assert reviews["by_child"] == {"on_time": 2, "total": 5, "percent": 40.0}
    assert reviews["not_assessed"]["rows"] == 0
    assert report["records"]["conferences"] is None
    assert report["dfe_c4"]["icpc"] == 9


def test_streams_children_and_names_every_bad_element(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    children = [
        _child("C1", Section47(start="2023-13-45", icpc=D(2023, 5, 1))),
        _child("C2", Section47(start=D(2023, 5, 2), icpc="03/05/2023")),
        _child("C3", Section47(start=D(2023, 5, 2), not_required="maybe")),
        _child("", Section47(start=D(2023, 5, 2))),
    ]
    write_cin_census(path, children)
    with pytest.raises(InputErrors) as raised:
        read_cin_census(path, CALENDAR)
    text = str(raised.value)
    # Each child is named by the id as written (issue 26 item 1).
    assert (
        "Child[1] (LAchildID C1)/CINdetails[1]/Section47[1]/S47ActualStartDate: expected a "
        "date in the form YYYY-MM-DD (value '2023-13-45')" in text
    )
    assert "Child[2] (LAchildID C2)/CINdetails[1]/Section47[1]/DateOfInitialCPC" in text
    assert (
        "Child[3] (LAchildID C3)/CINdetails[1]/Section47[1]/ICPCnotRequired: expected true or "
        "false" in text
    )
    assert "Child[4]/ChildIdentifiers/LAchildID: a child id is required" in text
    skipped = read_cin_census(path, CALENDAR, skip_invalid=True)
    assert len(skipped.census) == 0
    assert skipped.records.skipped_rows == 4
    assert len(skipped.records.problems) == 4


def test_dates_outside_the_calendar_are_refused_with_their_path(tmp_path: Path) -> None:
    """The DfE's public sample uses 1960s-70s dates: no bank-holiday calendar covers them."""
    path = tmp_path / "sample.xml"
    write_cin_census(path, [_child("DfEX0000001", Section47(start=D(1970, 6, 2),
                                                              icpc=D(1970, 6, 17)))],
                     reference_date=D(2022, 3, 31))  # fmt: skip
    with pytest.raises(InputErrors, match=r"Child\[1\] \(LAchildID DfEX0000001\)/CINdetails\[1\]/"
                       r"Section47\[1\]/S47ActualStartDate: outside the england-and-wales "
                       r"calendar's coverage"):  # fmt: skip
        read_cin_census(path, CALENDAR)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<Report><Row/></Report>", "root element is <Report>"),
        ("<Message><Header><CollectionDetails><ReferenceDate>2024-03-31</ReferenceDate>"
         "</CollectionDetails></Header><Children><Child/></Children>", "not well-formed XML"),
        ("", "not well-formed XML"),
        ("<Message><Children><Child><ChildIdentifiers><LAchildID>1</LAchildID>"
         "</ChildIdentifiers></Child></Children></Message>", "ReferenceDate"),
        ('<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa">'
         '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Message>&b;</Message>', "DOCTYPE"),
        ('<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         "<Message>&x;</Message>", "DOCTYPE"),
    ],
)  # fmt: skip
def test_not_a_census(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "file.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputErrors, match=message):
        read_cin_census(path, CALENDAR)


def test_dfe_c4_counts_england_and_wales_working_days_whatever_the_rule_set(
    tmp_path: Path,
) -> None:
    """Table C4 is England's: a Scottish bank holiday (2 January) is a working day in it."""
    path = tmp_path / "census.xml"
    # S47 Fri 20 Dec 2024 -> ICPC Thu 16 Jan 2025, England and Wales: 23-24 Dec (2), 27 (3),
    # 30-31 (5), 2-3 Jan (7), 6-10 (12), 13-16 (16) = 16. Scotland's calendar also skips
    # 2 January (15), which would move the conference into the 11-15 band.
    child = _child("S001", Section47(start=D(2024, 12, 20), icpc=D(2025, 1, 16)))
    write_cin_census(path, [child], reference_date=D(2025, 3, 31))
    for name in ("england", "scotland", "northern-ireland"):
        report = build_report(read_records(path, CALENDAR), get_rule_set(name))
        c4 = to_data(report)["dfe_c4"]
        assert c4["calendar"] == "england-and-wales", name
        assert c4["bands"] == {"0-10": 0, "11-15": 0, "16-20": 1, "21+": 0}, name
        assert (c4["p25"], c4["median"], c4["p75"]) == (16.0, 16.0, 16.0), name
        assert c4["within_15_working_days"] == {"count": 0, "percent": 0.0}, name
