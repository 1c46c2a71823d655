"""Conwy plugin: installed through its entry point, and its local rules."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import (
    CaseEvents,
    CountingUnit,
    Period,
    RuleSet,
    StrategyDiscussion,
    load_rule_sets,
)
from safeguarding_rules.testing import RuleSetContract

D = dt.date


@pytest.fixture(scope="module")
def conwy() -> RuleSet:
    loaded = load_rule_sets()
    assert loaded.plugin_of("conwy") == "conwy"
    return loaded["conwy"]


def events(day: dt.date) -> CaseEvents:
    return CaseEvents(strategy_discussions=[StrategyDiscussion(date=day)])


def icpc(conwy: RuleSet, day: dt.date) -> tuple[dt.date, str]:
    (deadline,) = [d for d in conwy.deadlines(events(day)) if d.rule.id == "icpc"]
    return deadline.due, deadline.rule.edition.id


def test_local_icpc_rule_applies_from_its_own_date(conwy: RuleSet) -> None:
    # Before 25 Sep 2014 Wales's own version (AWCPP 2008) still applies; from then on the
    # Conwy action plan's version (seed 000) does. Both are 15 working days.
    assert icpc(conwy, D(2014, 9, 24)) == (D(2014, 10, 15), "awcpp2008")
    assert icpc(conwy, D(2014, 9, 25)) == (D(2014, 10, 16), "conwy_icpc_action_plan_2014")
    assert [v.edition.id for v in conwy.versions("icpc")] == [
        "awcpp2008",
        "conwy_icpc_action_plan_2014",
    ]
    # Wales itself is untouched.
    assert [v.edition.id for v in load_rule_sets()["wales"].versions("icpc")] == [
        "awcpp2008",
        "wsp2019",
    ]


def test_christmas_closure_is_off_by_default_and_named_when_used(conwy: RuleSet) -> None:
    # Issue #2's worked example: 15 working days from Mon 15 Dec 2014 is Thu 8 Jan 2015.
    assert icpc(conwy, D(2014, 12, 15))[0] == D(2015, 1, 8)
    # With the closure (29, 30, 31 Dec 2014), three more days are skipped.
    (deadline,) = [
        d for d in conwy.deadlines(events(D(2014, 12, 15)), use_overlay=True) if d.rule.id == "icpc"
    ]
    assert deadline.due == D(2015, 1, 13)
    assert deadline.overlay == "Conwy Christmas closure"
    assert "Conwy Christmas closure" in deadline.explain()
    assert conwy.overlay is not None
    assert all("UNCONFIRMED" in reason for _, reason in conwy.overlay.closures)


def test_reporting_per_child_by_quarter_against_90_percent(conwy: RuleSet) -> None:
    policy = conwy.reporting
    assert policy is not None
    assert policy.headline_unit is CountingUnit.CHILD
    assert policy.period is Period.QUARTER
    assert policy.year_start_month == 4
    assert policy.target == pytest.approx(0.90)
    assert "parents cannot attend" in policy.rejected_delay_reasons


def test_quorum_is_inherited_from_wales(conwy: RuleSet) -> None:
    assert conwy.quorum is load_rule_sets()["wales"].quorum


class TestConformance(RuleSetContract):
    """The same checks the built-in rule sets pass (safeguarding_rules.testing)."""

    rule_set_name = "conwy"


def test_the_sample_year_keeps_the_seed_figures_after_wales_counts_from_the_last_discussion(
    conwy: RuleSet,
) -> None:
    # Issue 28: the Wales Safeguarding Procedures count the initial conference from the *last*
    # strategy discussion. The seed's 94/120 by child and 52/60 by conference still hold:
    # (1) Conwy replaces 'icpc' from 25 September 2014 with its own rule (initial strategy
    # discussion), so the Welsh change does not reach it; (2) the report takes one
    # strategy_discussion_date per conference, and the sample (scripts/generate_sample.py)
    # records one discussion per conference, so initial and last are the same day anyway.
    import csv
    import json
    from importlib import resources

    from click.testing import CliRunner

    from safeguarding_rules.cli import main

    data = resources.files("safeguarding_rules") / "data" / "sample_conferences.csv"
    per_conference: dict[str, set[str]] = {}
    for row in csv.DictReader(data.read_text(encoding="utf-8").splitlines()):
        if row["conference_type"] == "initial":
            per_conference.setdefault(row["conference_id"], set()).add(
                row["strategy_discussion_date"]
            )
    assert len(per_conference) == 60
    assert all(len(days) == 1 for days in per_conference.values())
    wales = load_rule_sets()["wales"]
    assert conwy.versions("icpc")[-1].start_event.value == "strategy_discussion_initiating"
    assert wales.versions("icpc")[-1].start_event.value == "strategy_discussion_last"
    for name in ("conwy", "wales"):
        result = CliRunner().invoke(main, ["report", "--ruleset", name, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        icpc = json.loads(result.stdout)["initial_conference_timeliness"]
        assert icpc["by_child"] == {"on_time": 94, "total": 120, "percent": 78.3}
        assert icpc["by_conference"] == {"on_time": 52, "total": 60, "percent": 86.7}
