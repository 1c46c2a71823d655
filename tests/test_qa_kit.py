"""The kit for QA suites: check_due_dates, coverage-aware strategies, fixtures, import order."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis.errors import InvalidArgument

from safeguarding_rules import (
    CaseEvents,
    Counting,
    Deadline,
    RuleSet,
    WorkingDayCalendar,
    calendar_for,
    get_rule_set,
    load_rule_sets,
)
from safeguarding_rules import strategies as sgr
from safeguarding_rules.testing import check_due_dates

D = dt.date
RULE_SETS = load_rule_sets()
ENGLAND = RULE_SETS["england"]
CAL = calendar_for("england-and-wales")


# check_due_dates: a differential check that catches a planted bug and shrinks it.


def _ours(day: dt.date) -> dt.date:
    return CAL.add_working_days(day, 15)


def _day_one_bug(day: dt.date) -> dt.date:
    return CAL.add_working_days(day, 14)


def test_check_due_dates_passes_a_correct_function() -> None:
    check_due_dates(_ours, rule_set="england", rule="icpc", max_examples=100)
    check_due_dates(
        _day_one_bug,  # counting the event day as day 1 is right when asked for
        rule_set=ENGLAND,
        rule="icpc",
        counting=Counting.EVENT_DAY_IS_DAY_1,
        min_value=D(2020, 1, 1),
        max_value=D(2020, 12, 31),
        max_examples=100,
    )


def test_check_due_dates_catches_a_day_one_bug_and_shows_the_shrunk_case() -> None:
    with pytest.raises(AssertionError) as caught:
        check_due_dates(_day_one_bug, rule_set="england", rule="icpc", max_examples=50)
    message = str(caught.value)
    # Every date disagrees, so the case shrinks to the first date well inside the newest
    # confirmed edition (not 2006, whose edition's dates are UNCONFIRMED), and names the bug.
    assert message.splitlines()[:5] == [
        "_day_one_bug disagrees with rule set 'england', rule 'icpc':",
        "  event date:  2024-03-17 (Sunday)",
        "  _day_one_bug gave: 2024-04-08 (-1 calendar day(s))",
        "  expected:    2024-04-09 (Tuesday)",
        "  likely bug:  counting the event day as day 1, which gives 2024-04-08",
    ]
    assert "edition:     wt2023" in message
    assert "Explanation of the expected date:" in message
    assert "day 0 and is not counted" in message
    assert "UNCONFIRMED:" not in message  # neither the rule nor its edition in doubt


def _weekdays_only(day: dt.date) -> dt.date:
    due = day
    for _ in range(15):
        due += dt.timedelta(days=1)
        while due.weekday() >= 5:
            due += dt.timedelta(days=1)
    return due


@pytest.mark.parametrize(
    ("func", "rule", "likely"),
    [
        (_weekdays_only, "icpc", "ignoring bank holidays (counting weekdays)"),
        (
            lambda day: day + dt.timedelta(days=15),
            "icpc",
            "counting calendar days, not working days",
        ),
        (
            lambda day: CAL.roll_forward(CAL.add_months(day, 3)),
            "first_review",
            "moving a due date on a weekend or bank holiday to the next working day",
        ),
        (
            lambda day: calendar_for("scotland").add_working_days(day, 28),
            "scotland:initial_conference",
            "counting working days, not calendar days",
        ),
        (lambda day: CAL.add_working_days(day, 15), "icpc", None),
    ],
)
def test_check_due_dates_names_the_likely_bug(
    func: Callable[[dt.date], dt.date], rule: str, likely: str | None
) -> None:
    low, high = (D(2023, 1, 1), D(2024, 12, 31)) if likely is None else (None, D(2029, 12, 31))
    rule_set, _, rule = rule.rpartition(":")
    try:
        check_due_dates(
            func if likely else (lambda day: func(day) + dt.timedelta(days=1)),
            rule_set=rule_set or "england", rule=rule, max_examples=200, min_value=low,
            max_value=high,
        )  # fmt: skip
    except AssertionError as error:
        lines = [line for line in str(error).splitlines() if "likely bug" in line]
    else:
        raise AssertionError("the planted bug was not caught")
    assert [line.split(":  ", 1)[1].rsplit(", which", 1)[0] for line in lines] == (
        [likely] if likely else []
    )


def test_check_due_dates_still_finds_a_bug_only_in_an_unconfirmed_edition() -> None:
    def wrong_in_2006(day: dt.date) -> dt.date:
        due = CAL.add_working_days(day, 15)
        return due + dt.timedelta(days=1) if day.year == 2006 else due

    with pytest.raises(AssertionError, match=r"event date:  2006-04-01 \(Saturday\)"):
        check_due_dates(wrong_in_2006, rule_set="england", rule="icpc", max_examples=300)


def test_check_due_dates_flags_a_bug_only_on_bank_holidays() -> None:
    with pytest.raises(AssertionError, match="_weekdays_only gave"):
        check_due_dates(
            _weekdays_only,
            rule_set="england",
            rule="icpc",
            min_value=D(2015, 1, 1),
            max_value=D(2016, 12, 31),
        )


def test_check_due_dates_refuses_a_datetime_and_an_unknown_rule() -> None:
    with pytest.raises(AssertionError, match=r"not a datetime\.date"):
        check_due_dates(
            lambda day: dt.datetime.combine(_ours(day), dt.time()),
            rule_set="england",
            rule="icpc",
            max_examples=5,
        )
    with pytest.raises(InvalidArgument, match="no rule 'icpcc'"):
        check_due_dates(_ours, rule_set="england", rule="icpcc", max_examples=5)
    with pytest.raises(InvalidArgument, match="unknown rule set"):
        check_due_dates(_ours, rule_set="englnd", rule="icpc", max_examples=5)


# Coverage-aware strategies generate only dates the rule set accepts.

CASES = [(name, rule) for name, rule_set in RULE_SETS.items() for rule in rule_set.rule_ids]


@pytest.mark.parametrize(("name", "rule"), CASES)
def test_start_dates_are_accepted_by_the_rule_set(name: str, rule: str) -> None:
    rule_set = RULE_SETS[name]
    low, high = sgr.accepted_start_dates(rule_set, rule)
    calendar = calendar_for(rule_set.division)
    for day in (low, high):
        Deadline.compute(rule_set.rule(rule, on=day), day, calendar, rule_set=name)

    @settings(max_examples=15, deadline=None)
    @given(sgr.start_dates(rule_set, rule))
    def check(day: dt.date) -> None:
        Deadline.compute(rule_set.rule(rule, on=day), day, calendar, rule_set=name)

    check()


def test_accepted_start_dates_stop_where_the_count_leaves_the_coverage() -> None:
    low, high = sgr.accepted_start_dates(ENGLAND, "first_review")
    assert low == ENGLAND.first_covered
    assert high == D(2030, 9, 30)  # + 3 months = 2030-12-30; 1 October would need 2031


@settings(max_examples=100, deadline=None)
@given(sgr.case_events())
def test_shipped_case_events_are_accepted_by_england(events: CaseEvents) -> None:
    found = ENGLAND.deadlines(events)  # never refused: every date is one England covers
    # The initial conference is due, or (late in 2030) listed as not computable.
    assert any(d.rule.id == "icpc" for d in (*found, *found.not_computable))


@settings(max_examples=50, deadline=None)
@given(sgr.case_events(rule_set="northern-ireland"))
def test_case_events_for_a_named_rule_set_start_where_it_does(events: CaseEvents) -> None:
    assert events.strategy_discussions[0].date >= RULE_SETS["northern-ireland"].first_covered
    RULE_SETS["northern-ireland"].deadlines(events)


# The pytest plugin (entry point pytest11) provides fixtures.


def test_plugin_fixtures_give_the_rule_set_and_its_calendar(
    sgr_rule_set: RuleSet, sgr_calendar: WorkingDayCalendar
) -> None:
    assert sgr_rule_set is get_rule_set("england")
    assert sgr_calendar is calendar_for("england-and-wales")


@pytest.mark.parametrize("sgr_rule_set_name", ["scotland", "guernsey"])
def test_plugin_fixtures_can_be_parametrized(
    sgr_rule_set_name: str, sgr_rule_set: RuleSet, sgr_calendar: WorkingDayCalendar
) -> None:
    assert sgr_rule_set.name == sgr_rule_set_name
    assert sgr_calendar.division.name == sgr_rule_set.division


# Importing the strategies first does not break Hypothesis' entry point.


@pytest.mark.parametrize(
    "first",
    [
        "import safeguarding_rules.strategies",
        "import hypothesis",
        "import safeguarding_rules.testing",
    ],
)
def test_strategies_import_in_any_order_and_register_from_type(first: str) -> None:
    code = (
        f"{first}\n"
        "import warnings\n"
        "warnings.simplefilter('ignore')\n"
        "from hypothesis import strategies as st\n"
        "from safeguarding_rules import CaseEvents, Child, get_rule_set\n"
        "from safeguarding_rules.strategies import case_events\n"
        "assert isinstance(st.from_type(Child).example(), Child)\n"
        "events = st.from_type(CaseEvents).example()\n"
        "get_rule_set('england').deadlines(events)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_testing_imports_without_pytest() -> None:
    code = (
        "import sys\n"
        "sys.modules['pytest'] = None\n"
        "import safeguarding_rules.testing as t\n"
        "t.check_sources(t.check_loads('england'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
