"""Every difference between the optional workalendar source and the default, written down."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import calendar_for

pytest.importorskip("workalendar")

# Over the whole coverage (2006-2030), workalendar 17.0.0 differs from python-holidays on
# exactly these weekdays. Each is a defect in workalendar (issue #748, fix never released).
WORKALENDAR_MISSING = {
    "england-and-wales": [dt.date(2023, 5, 8)],  # coronation of King Charles III
    "northern-ireland": [dt.date(2023, 5, 8)],
}


@pytest.mark.parametrize("division", sorted(WORKALENDAR_MISSING))
def test_workalendar_differs_only_on_the_coronation(division: str) -> None:
    ours = calendar_for(division)
    theirs = calendar_for(division, source="workalendar")
    day, last = ours.first, ours.last
    differences = []
    while day <= last:
        if ours.is_working_day(day) != theirs.is_working_day(day):
            differences.append(day)
        day += dt.timedelta(days=1)
    assert differences == WORKALENDAR_MISSING[division]


def test_workalendar_reproduces_the_known_wrong_icpc_date() -> None:
    # peers.md s2: workalendar gives 2023-05-18 for S + 15 WD from 2023-04-26.
    theirs = calendar_for("england", source="workalendar")
    assert theirs.add_working_days(dt.date(2023, 4, 26), 15) == dt.date(2023, 5, 18)
    assert calendar_for("england").add_working_days(dt.date(2023, 4, 26), 15) == dt.date(
        2023, 5, 19
    )
