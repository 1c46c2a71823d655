"""What systems that import the library rely on: pickling, one load per process, one meaning."""

from __future__ import annotations

import datetime as dt
import pickle
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from click.testing import CliRunner

import safeguarding_rules
from safeguarding_rules import (
    Attendance,
    AttendanceMode,
    CalendarRangeError,
    CaseEvents,
    Conference,
    ConferenceType,
    EnquiryKind,
    RuleSetDefinitionError,
    StartEvent,
    StrategyDiscussion,
    WorkingDayCalendar,
    calendar_for,
    get_rule_set,
    get_rule_sets,
    load_rule_sets,
    reload_rule_sets,
)
from safeguarding_rules import plugins as _plugins
from safeguarding_rules.calendar import working_days as _calendar
from safeguarding_rules.cli import main

RULE_SETS = load_rule_sets()
D = dt.date
T = TypeVar("T")


def _roundtrip(value: T) -> T:
    copy: T = pickle.loads(pickle.dumps(value))
    return copy


# 1. Enums look up by value, and everything public pickles.


@pytest.mark.parametrize("enum", [StartEvent, EnquiryKind])
def test_described_enums_look_up_by_value_and_keep_their_wording(
    enum: type[StartEvent] | type[EnquiryKind],
) -> None:
    for member in enum:
        assert enum(member.value) is member
        assert isinstance(member.value, str)
        assert member.description
        assert _roundtrip(member) is member
    assert StartEvent("referral") is StartEvent.REFERRAL
    assert EnquiryKind("s47").description.startswith("section 47")


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_every_rule_set_and_its_results_survive_pickling(name: str) -> None:
    rule_set = RULE_SETS[name]
    assert _roundtrip(rule_set) == rule_set
    assert _roundtrip(rule_set).versions(rule_set.rule_ids[0]) == rule_set.versions(
        rule_set.rule_ids[0]
    )
    day = max(rule_set.first_covered, D(2016, 5, 3))
    events = CaseEvents(
        strategy_discussions=[StrategyDiscussion(date=day)],
        conference=Conference(type=ConferenceType.INITIAL, date=day + dt.timedelta(days=20)),
    )
    deadlines = rule_set.deadlines(events)
    assert deadlines
    copy = _roundtrip(deadlines)
    assert copy == deadlines
    assert [d.explain() for d in copy] == [d.explain() for d in deadlines]
    if rule_set.quorum is not None:
        result = rule_set.evaluate_quorum(
            [
                Attendance(
                    agency="childrens_social_care",
                    mode=AttendanceMode.IN_PERSON,
                    direct_contact=True,
                ),
                Attendance(agency="police", mode=AttendanceMode.REPORT_ONLY, direct_contact=True),
            ],
            conference_id="C1",
            conference_type=ConferenceType.INITIAL,
            conference_date=day,
        )
        assert _roundtrip(result) == result
        assert _roundtrip(result).explain() == result.explain()
    assert _roundtrip(RULE_SETS) == RULE_SETS


def test_case_events_and_errors_survive_pickling() -> None:
    events = CaseEvents(
        referral=D(2020, 1, 6),
        strategy_discussions=[StrategyDiscussion(date=D(2020, 1, 8), initiated_enquiry=True)],
        conference=Conference(type=ConferenceType.REVIEW, date=D(2020, 6, 1)),
    )
    assert _roundtrip(events) == events
    with pytest.raises(CalendarRangeError) as caught:
        calendar_for("england").add_working_days(D(2030, 12, 20), 15)
    error = _roundtrip(caught.value)
    assert (str(error), error.day, error.first, error.last) == (
        str(caught.value),
        caught.value.day,
        caught.value.first,
        caught.value.last,
    )


def test_a_calendar_pickles_by_name_and_unpickles_to_the_shared_instance() -> None:
    calendar = calendar_for("scotland")
    data = pickle.dumps(calendar)
    assert len(data) < 1000  # not the arrays
    assert pickle.loads(data) is calendar


# 4. Rule sets are loaded once per process; calendars are built once.


def test_get_rule_set_returns_the_cached_rule_set_until_reloaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    try:
        first = get_rule_set("scotland")
        assert get_rule_set("scotland") is first
        assert get_rule_sets()["scotland"] is first
        # Environment variables are read at load time only.
        monkeypatch.setenv(_plugins.DISABLED_PLUGINS_ENV, "safeguarding_rules.rulesets.scotland")
        assert get_rule_set("scotland") is first
        reloaded = reload_rule_sets()
        assert "scotland" not in reloaded
        assert get_rule_sets() is reloaded
        with pytest.raises(safeguarding_rules.UnknownRuleSetError, match="scotland"):
            get_rule_set("scotland")
    finally:
        monkeypatch.delenv(_plugins.DISABLED_PLUGINS_ENV, raising=False)
        reload_rule_sets()
    assert get_rule_set("scotland") == first


def _race(count: int, work: Callable[[], object]) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        results[index] = work()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_32_threads_at_a_cold_start_load_the_rule_sets_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads = []
    real = _plugins.load_rule_sets

    def counted() -> safeguarding_rules.RuleSets:
        loads.append(1)
        loaded: safeguarding_rules.RuleSets = real()
        return loaded

    monkeypatch.setattr(_plugins, "_loaded", None)
    monkeypatch.setattr(_plugins, "load_rule_sets", counted)
    found = _race(32, lambda: get_rule_set("england"))
    assert len(loads) == 1
    assert all(rule_set is found[0] for rule_set in found)


def test_32_threads_at_a_cold_start_build_each_calendar_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    builds: list[str] = []
    real = WorkingDayCalendar._build.__func__  # type: ignore[attr-defined]

    def counted(cls: type[WorkingDayCalendar], /, division: object, **options: object) -> object:
        builds.append(str(division))
        return real(cls, division, **options)

    monkeypatch.setattr(_calendar, "_calendars", {})
    monkeypatch.setattr(WorkingDayCalendar, "_build", classmethod(counted))
    england = get_rule_set("england")
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=D(2019, 3, 1))])
    found = _race(32, lambda: (england.deadlines(events), calendar_for("wales")))
    assert len(builds) == 1
    assert all(item == found[0] for item in found)


def test_a_hook_that_asks_for_rule_sets_while_they_load_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_plugins, "_loaded", None)
    monkeypatch.setattr(_plugins, "load_rule_sets", lambda: get_rule_set("england"))
    with pytest.raises(RuleSetDefinitionError, match="must not call get_rule_set"):
        get_rule_set("england")


# 6. A conference given as `conference=` means what the command line says it means.


def test_an_initial_conference_counts_as_the_initial_conference() -> None:
    england = get_rule_set("england")
    sd = [StrategyDiscussion(date=D(2019, 3, 1))]
    given_as_conference = CaseEvents(
        strategy_discussions=sd,
        conference=Conference(type=ConferenceType.INITIAL, date=D(2019, 3, 20)),
    )
    given_as_date = CaseEvents(strategy_discussions=sd, initial_conference=D(2019, 3, 20))
    assert given_as_conference.initial_conference == D(2019, 3, 20)
    ids = [d.rule.id for d in england.deadlines(given_as_conference)]
    assert ids == ["icpc", "first_core_group", "first_review"]
    assert [(d.rule.id, d.due) for d in england.deadlines(given_as_conference)] == [
        (d.rule.id, d.due) for d in england.deadlines(given_as_date)
    ]


def test_a_review_conference_counts_as_the_previous_review_unless_one_is_given() -> None:
    review = Conference(type=ConferenceType.REVIEW, date=D(2020, 6, 1))
    assert CaseEvents(conference=review).previous_review == D(2020, 6, 1)
    assert CaseEvents(conference=review, previous_review=D(2020, 1, 6)).previous_review == D(
        2020, 1, 6
    )
    transfer = Conference(type=ConferenceType.TRANSFER_IN, date=D(2020, 6, 1))
    events = CaseEvents(conference=transfer)
    assert (events.initial_conference, events.previous_review) == (None, None)


def test_an_initial_conference_before_the_strategy_discussion_is_refused() -> None:
    with pytest.raises(safeguarding_rules.CaseEventsError, match="before the first strategy"):
        CaseEvents(
            strategy_discussions=[StrategyDiscussion(date=D(2019, 3, 1))],
            conference=Conference(type=ConferenceType.INITIAL, date=D(2019, 2, 20)),
        )


# 8. Where a national rule set has no rule, the catalogue and the command line say so.


def test_report_sharing_is_said_to_be_set_locally_in_england_and_wales() -> None:
    catalogue = (Path(__file__).resolve().parent.parent / "docs" / "catalogue.md").read_text()
    for name in ("england", "wales"):
        rule_set = RULE_SETS[name]
        gaps = {gap.rule_id: gap for gap in rule_set.not_encoded}
        for rule_id in ("report_to_parents_initial", "report_to_chair_review"):
            assert rule_id not in rule_set.rule_ids
            assert "none is encoded" in gaps[rule_id].statement
            assert "LocalRuleSet(add=" in gaps[rule_id].statement
        section = catalogue.split(f"## `{name}`")[1].split("\n## ")[0]
        assert "Not encoded: `report_to_parents_initial`" in section
        result = CliRunner().invoke(main, ["rules", "-r", name])
        assert "report_to_parents_initial: Reports shared with parents" in result.stdout
        assert "NOT ENCODED" in result.stdout
    bracknell = RULE_SETS["bracknell-forest"]
    assert "report_to_parents_initial" in bracknell.rule_ids
    assert "report_to_parents_initial" not in {gap.rule_id for gap in bracknell.not_encoded}


def test_non_working_days_can_list_the_start_and_so_the_first_covered_day() -> None:
    """Issue 30 item 7: start is excluded by default (a count's day 0), included on request."""
    cal = calendar_for("england-and-wales")
    first = cal.non_working_days(cal.first, cal.last, include_start=True)[0]
    assert (first.day, first.reason, first.kind) == (
        D(2006, 1, 1),
        "weekend; New Year's Day",
        "weekend",
    )
    assert cal.non_working_days(cal.first, cal.last)[0].day == D(2006, 1, 2)
    christmas = cal.non_working_days(D(2014, 12, 25), D(2014, 12, 26), include_start=True)
    assert [d.day for d in christmas] == [D(2014, 12, 25), D(2014, 12, 26)]
    assert [d.day for d in cal.non_working_days(D(2014, 12, 25), D(2014, 12, 26))] == [
        D(2014, 12, 26)
    ]
    # A working start adds nothing; one day, start == end, is listed only when included.
    assert cal.non_working_days(D(2014, 12, 24), D(2014, 12, 26), include_start=True) == (
        cal.non_working_days(D(2014, 12, 24), D(2014, 12, 26))
    )
    assert cal.non_working_days(D(2014, 12, 25), D(2014, 12, 25)) == ()
    assert len(cal.non_working_days(D(2014, 12, 25), D(2014, 12, 25), include_start=True)) == 1
    everything = cal.non_working_days(cal.first, cal.last, include_start=True)
    assert len(everything) == sum(
        not cal.is_working_day(cal.first + dt.timedelta(days=i))
        for i in range((cal.last - cal.first).days + 1)
    )


def test_the_report_and_the_worklist_are_public_typed_and_plain_data() -> None:
    """Issue 30 items 1 and 5: build_report and due_actions from the package, to_data typed."""
    import datetime as dt
    from importlib import resources

    import jsonschema

    from safeguarding_rules import (
        ComplianceReport,
        DueAction,
        Worklist,
        build_report,
        due_actions,
        get_rule_set,
        json_schema,
        read_records,
        to_data,
    )

    england = get_rule_set("england")
    sample = resources.files("safeguarding_rules") / "data" / "sample_conferences.csv"
    with resources.as_file(sample) as path:
        loaded = read_records(path, england)
    report: ComplianceReport = build_report(loaded, england)
    data: dict[str, object] = to_data(report)  # typed: a dict, no cast needed
    jsonschema.validate(data, json_schema("report"))
    worklist: Worklist[DueAction] = due_actions(
        loaded.records, england, as_of=dt.date(2024, 6, 3), within=None
    )
    document: dict[str, Any] = to_data(worklist)  # typed: a dict, as the JSON document
    assert document["actions"]
    assert all(isinstance(action, dict) for action in document["actions"])
    jsonschema.validate(document, json_schema("worklist"))
