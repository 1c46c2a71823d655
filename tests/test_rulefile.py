"""Local rules as data: a TOML rule file, loaded with --rules or registered by a plugin."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import types
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules import (
    Attendance,
    AttendanceMode,
    CaseEvents,
    Conference,
    ConferenceType,
    Counting,
    RuleFileError,
    RuleSetConflictError,
    RuleSetRegistry,
    StrategyDiscussion,
    calendar_for,
    get_plugin_manager,
    hookimpl,
    load_rule_file,
    load_rule_sets,
    parse_rule_file,
    to_data,
)
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_attendance, read_conference_records
from safeguarding_rules.reports import build_report

CONWY_FILE = Path(__file__).parent / "data" / "conwy.toml"
DATA = resources.files("safeguarding_rules") / "data"
LOADED = load_rule_sets(rule_files=[CONWY_FILE])
PYTHON, FILE = LOADED["conwy"], LOADED["conwy-file"]


def _days(first: dt.date, last: dt.date, count: int, seed: int) -> list[dt.date]:
    rng = random.Random(seed)
    span = (last - first).days
    fixed = [dt.date(y, 12, d) for y in range(first.year, last.year) for d in (15, 24, 27)]
    return sorted({first + dt.timedelta(days=rng.randrange(span)) for _ in range(count)}) + fixed


@pytest.mark.parametrize("use_overlay", [False, True])
@pytest.mark.parametrize("counting", list(Counting))
def test_the_conwy_rule_file_gives_the_plugins_deadlines(
    use_overlay: bool, counting: Counting
) -> None:
    for day in _days(dt.date(2008, 4, 1), dt.date(2029, 12, 1), 300, seed=15):
        events = CaseEvents(
            strategy_discussions=[StrategyDiscussion(date=day)],
            initial_conference=day,
            previous_review=day,
            referral=day,
            enquiry_start=day,
            conference=Conference(type=ConferenceType.INITIAL, date=day),
        )
        ours = PYTHON.deadlines(events, counting=counting, use_overlay=use_overlay)
        theirs = FILE.deadlines(events, counting=counting, use_overlay=use_overlay)
        assert [(d.rule.id, d.due, d.rule.edition, d.rule.source, d.skipped) for d in ours] == [
            (d.rule.id, d.due, d.rule.edition, d.rule.source, d.skipped) for d in theirs
        ], day


def test_the_conwy_rule_file_gives_the_plugins_quorum_results() -> None:
    rng = random.Random(14)
    agencies = ["childrens_social_care", "police", "gp", "health_visitor", "education", "housing"]
    for number in range(200):
        present = [
            Attendance(
                agency=agency,
                mode=rng.choice(list(AttendanceMode)),
                direct_contact=rng.random() < 0.7,
            )
            for agency in rng.sample(agencies, rng.randint(0, len(agencies)))
        ]
        options = {
            "conference_id": f"Q{number}",
            "conference_type": ConferenceType.INITIAL,
            "conference_date": dt.date(2014, 12, 1) + dt.timedelta(days=number),
        }
        ours = PYTHON.evaluate_quorum(present, **options)  # type: ignore[arg-type]
        theirs = FILE.evaluate_quorum(present, **options)  # type: ignore[arg-type]
        assert (ours.quorate, ours.shortfalls, ours.counted, ours.reconvene_due) == (
            theirs.quorate,
            theirs.shortfalls,
            theirs.counted,
            theirs.reconvene_due,
        )


@pytest.mark.parametrize("use_overlay", [False, True])
def test_the_conwy_rule_file_gives_the_plugins_report_figures(use_overlay: bool) -> None:
    with resources.as_file(DATA / "sample_conferences.csv") as path:
        records = read_conference_records(path, calendar_for("wales"))
    with resources.as_file(DATA / "sample_attendance.csv") as path:
        attendance, _ = read_attendance(path)
    ours = build_report(records, PYTHON, attendance=attendance, use_overlay=use_overlay)
    theirs = build_report(records, FILE, attendance=attendance, use_overlay=use_overlay)
    assert to_data(ours)["initial_conference_timeliness"]["assessed"]
    names = {"rule_set": "-", "rule_set_title": "-"}
    assert {**to_data(ours), **names} == {**to_data(theirs), **names}
    assert list(ours.rows()) == list(theirs.rows())


def test_a_plugin_registers_a_rule_file_in_one_line() -> None:
    @hookimpl
    def sgr_register_rule_sets(registry: RuleSetRegistry) -> None:
        registry.extend(load_rule_file(CONWY_FILE))

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(types.SimpleNamespace(sgr_register_rule_sets=sgr_register_rule_sets), name="cf")
    loaded = load_rule_sets(pm)
    assert loaded["conwy-file"].rules == PYTHON.rules
    assert loaded.plugin_of("conwy-file") == "cf"


def test_a_rule_file_that_takes_an_installed_name_is_a_conflict(tmp_path: Path) -> None:
    clash = tmp_path / "conwy.toml"
    clash.write_text(
        CONWY_FILE.read_text("utf-8").replace('name = "conwy-file"', 'name = "conwy"'), "utf-8"
    )
    with pytest.raises(RuleSetConflictError, match=rf"'conwy' is registered by both .*{clash}"):
        load_rule_sets(rule_files=[clash])


def test_every_command_takes_rules(tmp_path: Path) -> None:
    attendance = tmp_path / "attendance.csv"
    attendance.write_text(
        "conference_id,agency,mode,direct_contact\nE1,childrens_social_care,in_person,yes\n"
        "E1,police,in_person,yes\nE1,education,in_person,yes\n",
        encoding="utf-8",
    )
    records = tmp_path / "records.csv"
    records.write_text(
        "child_id,family_id,conference_id,conference_type,conference_date,"
        "strategy_discussion_date\nC1,F1,P1,initial,,2014-12-15\n",
        encoding="utf-8",
    )
    rules = ["--rules", str(CONWY_FILE)]
    runner = CliRunner()
    listing = runner.invoke(main, ["rulesets", *rules])
    assert "conwy-file: Conwy (extends Wales), from a rule file" in listing.output
    assert f"plugin {CONWY_FILE}" in listing.output
    catalogue = runner.invoke(main, ["rules", *rules])
    assert "[conwy-file]" in catalogue.output
    deadlines = runner.invoke(main, ["deadlines", *rules, "--strategy-discussion", "2014-12-15"])
    assert "rule set 'conwy-file'" in deadlines.output
    quoracy = runner.invoke(main, ["quoracy", str(attendance), *rules])
    assert "1 of 1 conference(s) quorate under 'conwy-file'" in quoracy.output
    report = runner.invoke(main, ["report", str(records), *rules, "--format", "json"])
    assert json.loads(report.output)["rule_set"] == "conwy-file"
    due = runner.invoke(main, ["due", str(records), *rules, "--as-of", "2014-12-20"])
    assert "rule set 'conwy-file'" in due.output
    other = runner.invoke(main, ["rules", *rules, "--ruleset", "wales"])
    assert "[wales]" in other.output
    neither = runner.invoke(main, ["rules"])
    assert neither.exit_code == 2
    assert "give --ruleset NAME, --rules FILE" in neither.output


# -- errors that name the file, the table and the key ---------------------------------------

HEAD = """
name = "testshire"
title = "Testshire"
extends = "england"

[editions.local]
title = "Testshire procedures"
effective_from = 2024-04-01
dates_confidence = "C1"
"""
RULE = """
[[{table}]]
id = "{id}"
title = "A timescale"
n = {n}
unit = "working_days"
start_event = "strategy_discussion_initiating"
edition = "local"
source = "Testshire procedures, 4.2"
confidence = "C1"
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        parse_rule_file(text, label="testshire.toml")
    return list(caught.value.problems)


def test_a_valid_file_parses() -> None:
    local = parse_rule_file(HEAD + RULE.format(table="replace", id="icpc", n=10))
    assert local.replace[0].n == 10
    assert local.replace[0].edition.effective_from == dt.date(2024, 4, 1)


def test_a_count_below_one_names_file_table_and_key() -> None:
    text = (
        HEAD
        + RULE.format(table="replace", id="icpc", n=10)
        + RULE.format(table="replace", id="icpc", n=0)
    )
    assert _problems(text) == ['testshire.toml: [[replace]] #2 "icpc": n must be at least 1, got 0']


def test_every_problem_is_reported_at_once() -> None:
    text = HEAD + RULE.format(table="add", id="extra", n="15.0").replace(
        'unit = "working_days"', 'unit = "working_dayz"\ntittle = "x"'
    )
    assert _problems(text) == [
        'testshire.toml: [[add]] #1 "extra": n: expected a whole number, got 15.0',
        "testshire.toml: [[add]] #1 \"extra\": unit: 'working_dayz' is not one of working_days, "
        "calendar_days, weeks, months, hours (did you mean 'working_days'?)",
        "testshire.toml: [[add]] #1 \"extra\": unknown key 'tittle' (did you mean 'title'?)",
    ]


def test_an_unknown_edition_lists_the_ones_defined() -> None:
    text = HEAD + RULE.format(table="add", id="extra", n=3).replace('"local"', '"locall"')
    assert _problems(text) == [
        "testshire.toml: [[add]] #1 \"extra\": edition: unknown edition 'locall' (did you mean "
        "'local'?); editions defined in this file: local"
    ]


def test_unknown_and_missing_top_level_keys() -> None:
    assert _problems('nmae = "x"\ntitle = "T"\nextends = "england"') == [
        "testshire.toml: top level: unknown key 'nmae' (did you mean 'name'?)",
        "testshire.toml: top level: 'name' is required",
    ]


def test_an_edition_with_bad_dates() -> None:
    text = HEAD + "effective_to = 2024-01-01\n"
    assert _problems(text) == [
        "testshire.toml: [editions.local]: edition 'local' ends (2024-01-01) before it starts "
        "(2024-04-01)"
    ]


def test_a_quorum_naming_an_unknown_agency() -> None:
    text = HEAD + '[quorum]\ntitle = "CSC + 2"\nsource = "s"\nconfidence = "C2"\n'
    text += 'required = ["childrens_socal_care"]\nmin_other = 2\n'
    (problem,) = _problems(text)
    assert problem.startswith(
        "testshire.toml: [quorum]: required names unknown agency 'childrens_socal_care' (did you mean "
        "'childrens_social_care'?)"
    )


def test_overlay_problems() -> None:
    text = HEAD + '[overlay]\nname = "Closures"\nclosures = [2024-12-27, 2024-12-27, "soon"]\n'
    text += "sorce = 1\n"
    assert _problems(text) == [
        "testshire.toml: [overlay]: unknown key 'sorce' (did you mean 'source'?)",
        "testshire.toml: [overlay] closures[1]: 2024-12-27 is listed twice",
        "testshire.toml: [overlay] closures[2]: expected a date such as 2024-12-27, or a table "
        "with date and reason, got 'soon'",
    ]


def test_a_file_that_is_not_toml_or_not_there(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match=r"^testshire.toml: not valid TOML: Invalid value"):
        parse_rule_file("name = ", label="testshire.toml")
    missing = tmp_path / "missing.toml"
    with pytest.raises(RuleFileError, match=rf"^{missing}: cannot read the rule file"):
        load_rule_file(missing)
    result = CliRunner().invoke(main, ["rulesets", "--rules", str(missing)])
    assert result.exit_code == 1
    assert "cannot read the rule file" in result.output


def test_the_documented_rule_file_loads_and_resolves(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "docs" / "rulefiles.md").read_text("utf-8")
    (example,) = [b for b in re.findall(r"```toml\n(.*?)\n```", page, flags=re.S) if "name =" in b]
    path = tmp_path / "testshire.toml"
    path.write_text(example, encoding="utf-8")
    testshire = load_rule_sets(rule_files=[path])["testshire"]
    assert testshire.extends == "wales"
    assert {"icpc", "report_to_parents"} <= set(testshire.rule_ids)
    assert testshire.overlay is not None
    assert dict(testshire.overlay.closures)[dt.date(2025, 5, 27)] == "county show"
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=dt.date(2024, 12, 20))])
    (national,) = [d for d in testshire.deadlines(events) if d.rule.id == "icpc"]
    (local,) = [d for d in testshire.deadlines(events, use_overlay=True) if d.rule.id == "icpc"]
    # 27, 30 and 31 December 2024 closed: three working days later.
    assert calendar_for("wales").working_days_between(national.due, local.due) == 3
