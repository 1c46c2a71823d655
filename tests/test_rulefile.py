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


def test_a_misspelt_rule_id_in_replace_is_suggested_when_it_loads(tmp_path: Path) -> None:
    path = tmp_path / "testshire.toml"
    path.write_text(HEAD + RULE.format(table="replace", id="icp", n=10), encoding="utf-8")
    with pytest.raises(ValueError, match=r"replaces 'icp' \(did you mean 'icpc'\?\), which"):
        load_rule_sets(rule_files=[path])


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


# -- dates written another way, and problems that stop at their table (issue 30 item 9) ------

KENT = """
name = "kent"
title = "Kent"
extends = "england"

[editions.kent2024]
title = "Kent procedures 2024"
effective_from = {effective_from}
dates_confidence = "C1"

[[add]]
id = "report_to_parents"
title = "Report shared with parents"
n = 3
unit = "working_days"
start_event = "conference"
direction = "before"
conference_types = ["initial"]
edition = "kent2024"
source = "Kent procedures 2024, 5.3"
confidence = "C1"

[overlay]
name = "Kent closures"
closures = [{closure}]
"""


def _kent(effective_from: str = "2024-04-01", closure: str = "2024-12-27") -> str:
    return KENT.format(effective_from=effective_from, closure=closure)


def test_a_bad_edition_date_is_one_problem_not_a_cascade_into_the_rules_that_use_it() -> None:
    assert _problems(_kent(effective_from='"01/04/2024"')) == [
        "testshire.toml: [editions.kent2024]: effective_from: expected a date such as "
        "2024-04-01, got '01/04/2024': 01/04/2024 is not a date TOML reads: if you mean "
        "1 April 2024, write 2024-04-01 (year-month-day, without quotes)"
    ]
    # Any other problem of a rule using that edition is still reported.
    text = _kent(effective_from='"01/04/2024"').replace('"working_days"', '"working_dayz"')
    assert _problems(text)[1:] == [
        "testshire.toml: [[add]] #1 \"report_to_parents\": unit: 'working_dayz' is not one of "
        "working_days, calendar_days, weeks, months, hours (did you mean 'working_days'?)"
    ]
    # An edition table that is not read for any reason stops there too.
    text = _kent().replace('title = "Kent procedures 2024"', 'id = "x"\ntitle = "K"')
    assert _problems(text) == [
        "testshire.toml: [editions.kent2024]: the id is the table's name: remove 'id'"
    ]


def test_a_quoted_iso_date_is_read_as_the_date_everywhere() -> None:
    local = parse_rule_file(_kent(effective_from='"2024-04-01"', closure='"2024-12-27"'))
    assert local.add[0].edition.effective_from == dt.date(2024, 4, 1)
    assert local.overlay is not None
    assert dict(local.overlay.closures) == {dt.date(2024, 12, 27): "local closure"}


@pytest.mark.parametrize(
    ("closure", "problem"),
    [
        (
            '"27/12/2024"',
            "testshire.toml: [overlay] closures[0]: expected a date such as 2024-12-27, or a "
            "table with date and reason, got '27/12/2024': 27/12/2024 is not a date TOML reads: "
            "if you mean 27 December 2024, write 2024-12-27 (year-month-day, without quotes)",
        ),
        (
            "27/12/2024",
            "testshire.toml: line 25, closures: 27/12/2024 is not a date TOML reads: if you "
            "mean 27 December 2024, write 2024-12-27 (year-month-day, without quotes)",
        ),
        (
            '2024-12-24, "a note with 1/2/2024 in it", 27.12.2024',
            "testshire.toml: line 25, closures: 27.12.2024 is not a date TOML reads: if you "
            "mean 27 December 2024, write 2024-12-27 (year-month-day, without quotes)",
        ),
        (
            "2024-12-32",
            "testshire.toml: line 25, closures: 2024-12-32 is not a day of the calendar",
        ),
        (
            '"27/12/24"',
            "testshire.toml: [overlay] closures[0]: expected a date such as 2024-12-27, or a "
            "table with date and reason, got '27/12/24': 27/12/24 is not a date TOML reads: "
            "write dates as year-month-day with a four-digit year and no quotes, such as "
            "2024-04-01",
        ),
    ],
)
def test_a_date_written_another_way_is_named_with_the_date_it_may_mean(
    closure: str, problem: str
) -> None:
    assert _problems(_kent(closure=closure)) == [problem]


def test_an_unquoted_day_first_date_is_not_reported_as_an_unclosed_array() -> None:
    (problem,) = _problems(_kent(effective_from="01/04/2024"))
    assert problem == (
        "testshire.toml: line 8, effective_from: 01/04/2024 is not a date TOML reads: if you "
        "mean 1 April 2024, write 2024-04-01 (year-month-day, without quotes)"
    )
    (problem,) = _problems(_kent(effective_from="2024-4-1  # 1/4/2024"))
    assert (
        "2024-4-1 is not a date TOML reads: if you mean 1 April 2024, write 2024-04-01" in problem
    )
    # Other TOML errors are reported as TOML's own.
    (problem,) = _problems(_kent(closure="2024-12-27, oops"))
    assert problem.startswith("testshire.toml: not valid TOML: ")
    # A working day written another way, through the same date reader.
    text = _kent() + 'working_days = ["2024/12/28"]\n'
    assert _problems(text) == [
        "testshire.toml: [overlay] working_days[0]: expected a date such as 2024-04-01, got "
        "'2024/12/28': 2024/12/28 is not a date TOML reads: if you mean 28 December 2024, "
        "write 2024-12-28 (year-month-day, without quotes)"
    ]


# -- n bounded per unit (issue 27 item 6) -----------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "limit"),
    [
        ("working_days", "2,600 working days"),
        ("calendar_days", "3,650 calendar days"),
        ("weeks", "520 weeks"),
        ("months", "120 months"),
        ("hours", "87,600 hours"),
    ],
)
@pytest.mark.parametrize("n", [10**12, 3_000_000, 2**63])
def test_a_huge_n_is_refused_per_unit_naming_file_table_and_key(
    unit: str, limit: str, n: int
) -> None:
    text = HEAD + RULE.format(table="add", id="extra", n=n).replace("working_days", unit)
    assert _problems(text) == [
        f'testshire.toml: [[add]] #1 "extra": n must be at most {limit} (about ten years, far '
        f"beyond any procedure), got {n}"
    ]


# -- the documented file passes the conformance kit; --rules warns what it would refuse ------


def _documented_file(tmp_path: Path) -> Path:
    page = (Path(__file__).parent.parent / "docs" / "rulefiles.md").read_text("utf-8")
    (example,) = [b for b in re.findall(r"```toml\n(.*?)\n```", page, flags=re.S) if "name =" in b]
    path = tmp_path / "testshire.toml"
    path.write_text(example, encoding="utf-8")
    return path


def test_the_documented_rule_file_passes_every_check_of_the_conformance_kit(
    tmp_path: Path,
) -> None:
    from safeguarding_rules import testing

    testshire = load_rule_sets(rule_files=[_documented_file(tmp_path)])["testshire"]
    for check in (
        testing.check_sources,
        testing.check_evidence,
        testing.check_editions,
        testing.check_deadlines,
        testing.check_families,
        testing.check_quorum,
        testing.check_vocabulary,
    ):
        check(testshire)
    result = CliRunner().invoke(main, ["rulesets", "--rules", str(_documented_file(tmp_path))])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_rules_warns_of_what_the_conformance_kit_would_refuse(tmp_path: Path) -> None:
    from safeguarding_rules import testing

    path = _documented_file(tmp_path)
    text = path.read_text("utf-8")
    without = re.sub(r"\n\[\[(add|quorum)\.evidence\]\]\n(.+\n)+", "\n", text)
    assert without.count("evidence") == text.count("evidence") - 2
    path.write_text(without, encoding="utf-8")
    result = CliRunner().invoke(main, ["rulesets", "--rules", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}: warning: testshire: {item} is C1 but quotes no evidence; the conformance kit "
        "(check_evidence) would refuse it: quote the passage in an evidence table, or mark it "
        "UNCONFIRMED with an unconfirmed_reason"
        for item in ("rule 'report_to_parents' (testshire2024)", "quorum")
    ]
    with pytest.raises(testing.ConformanceError, match="report_to_parents"):
        testing.check_evidence(load_rule_sets(rule_files=[path])["testshire"])
