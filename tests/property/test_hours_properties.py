"""Properties of hours rules (return interviews): elapsed time, whatever the calendar."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import (
    UK_TIME,
    Counting,
    Deadline,
    MissingEpisodeEvents,
    Rule,
    RuleSet,
    Unit,
    calendar_for,
    hours_due_at,
    load_rule_sets,
    return_interview_deadline,
)
from safeguarding_rules.records import MissingEpisode, MissingEpisodeRecords, Moment
from safeguarding_rules.reports.unit import build_missing_section

RULE_SETS = load_rule_sets()
HOURS_RULES = [
    (rule_set, rule)
    for rule_set in RULE_SETS.values()
    for rule in rule_set.rules
    if rule.unit is Unit.HOURS
]
RETURN_SETS = [rs for rs in RULE_SETS.values() if "return_interview" in rs.rule_ids]
TIMES = st.datetimes(min_value=dt.datetime(2014, 1, 1), max_value=dt.datetime(2029, 12, 1))


def utc(moment: dt.datetime) -> dt.datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UK_TIME)
    return aware.astimezone(dt.UTC)


@given(st.sampled_from(HOURS_RULES), TIMES)
def test_due_is_exactly_n_elapsed_hours_later(
    case: tuple[object, Rule], start: dt.datetime
) -> None:
    _, rule = case
    due = hours_due_at(rule, start)
    sign = 1 if rule.direction.value == "after" else -1
    assert utc(due) - utc(start) == dt.timedelta(hours=sign * rule.n)
    # On the wall clock the gap differs from n hours by exactly the change of UTC offset.
    wall = due.replace(tzinfo=None) - utc(start).astimezone(UK_TIME).replace(tzinfo=None)
    offset_change = due.utcoffset() - utc(start).astimezone(UK_TIME).utcoffset()  # type: ignore[operator]
    assert wall == dt.timedelta(hours=sign * rule.n) + offset_change


@given(st.sampled_from(HOURS_RULES), TIMES, TIMES)
def test_due_is_monotone_in_the_start(
    case: tuple[object, Rule], first: dt.datetime, second: dt.datetime
) -> None:
    _, rule = case
    early, late = sorted((first, second), key=utc)
    assert utc(hours_due_at(rule, early)) <= utc(hours_due_at(rule, late))


@given(st.sampled_from(HOURS_RULES), st.dates(dt.date(2014, 1, 1), dt.date(2029, 12, 1)),
       st.sampled_from(Counting))  # fmt: skip
def test_date_only_due_is_the_date_plus_whole_days_on_any_calendar(
    case: tuple[object, Rule], day: dt.date, counting: Counting
) -> None:
    _rule_set, rule = case
    sign = 1 if rule.direction.value == "after" else -1
    dues = {
        Deadline.compute(rule, day, calendar_for(division), rule_set="x", counting=counting).due
        for division in ("england-and-wales", "scotland", "northern-ireland", "jersey")
    }
    # Independent of the holiday set: every division's calendar gives the same date.
    assert dues == {day + dt.timedelta(days=sign * -(-rule.n // 24))}


@given(st.sampled_from(RETURN_SETS), TIMES)
def test_the_date_only_reading_differs_from_the_timed_one_by_under_a_day(
    rule_set: object, returned: dt.datetime
) -> None:
    deadline = return_interview_deadline(rule_set, MissingEpisodeEvents(returned=returned.date()))  # type: ignore[arg-type]
    if deadline is None:
        return
    timed = hours_due_at(deadline.rule, returned)
    end_of_due_day = dt.datetime.combine(deadline.due + dt.timedelta(days=1), dt.time(), UK_TIME)
    # The date-only reading allows until the end of the due date: lenient by under a day,
    # or (a return in the last hour before midnight, across a change of clocks) one hour strict.
    slack = utc(end_of_due_day) - utc(timed)
    assert -dt.timedelta(hours=1) <= slack < dt.timedelta(hours=25)


@given(
    st.sampled_from(RETURN_SETS),
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2029, 6, 1)),
    st.integers(min_value=0, max_value=200 * 60),
)
def test_the_report_counts_on_time_exactly_when_the_interview_is_by_the_due_moment(
    rule_set: RuleSet, returned: dt.datetime, minutes: int
) -> None:
    interview = returned + dt.timedelta(minutes=minutes)  # wall-clock minutes later
    episode = MissingEpisode(
        row=2,
        episode_id="P1",
        child_id="C1",
        returned=Moment(returned.date(), returned),
        interview=Moment(interview.date(), interview),
    )
    records = MissingEpisodeRecords(file="x.csv", episodes=(episode,))
    summary = build_missing_section(records, rule_set, as_of=dt.date(2029, 12, 1)).summary
    outcomes = summary["return_interviews"]["outcomes"]
    rule = rule_set.rule("return_interview", on=returned.date())
    assert outcomes["on_time"] == int(utc(interview) <= utc(hours_due_at(rule, returned)))
    assert outcomes["on_time"] + outcomes["late"] == 1
