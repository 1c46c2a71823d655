from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import add_months, add_weeks, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2023, 1, 31), 1, D(2023, 2, 28)),  # clamped
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year
        (D(2024, 8, 31), 6, D(2025, 2, 28)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 12, 15), 3, D(2025, 3, 15)),
        (D(2024, 5, 15), -17, D(2022, 12, 15)),
        (D(2024, 5, 15), 0, D(2024, 5, 15)),
        (D(2024, 10, 31), 2, D(2024, 12, 31)),
    ],
)
def test_add_months_clamps_at_month_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_add_weeks() -> None:
    assert add_weeks(D(2014, 4, 22), 26) == D(2014, 10, 21)
    assert add_weeks(D(2014, 4, 22), -1) == D(2014, 4, 15)


@pytest.mark.parametrize("bad", [1.5, True, "1"])
def test_month_and_week_counts_must_be_ints(bad: object) -> None:
    with pytest.raises(TypeError):
        add_months(D(2024, 1, 1), bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        add_weeks(D(2024, 1, 1), bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014-12-15", D(2014, 12, 15)),
        ("15/12/2014", D(2014, 12, 15)),
        ("5/1/2015", D(2015, 1, 5)),
        (" 2014-12-15 ", D(2014, 12, 15)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12/31/2014", "not a real date"),  # US order is never guessed
        ("2014-02-30", "not a real date"),
        ("15 Dec 2014", "YYYY-MM-DD or DD/MM/YYYY"),
        ("", "YYYY-MM-DD or DD/MM/YYYY"),
        ("2014-12-15T10:00", "YYYY-MM-DD or DD/MM/YYYY"),
    ],
)
def test_parse_date_errors_name_the_text(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        parse_date(text)
    assert repr(text) in str(info.value)
