"""A local rule set's closures, applied by one switch wherever days are counted.

The default is off everywhere (national indicators count only weekends and bank
holidays); every output says which overlay was used, and lists its closures in the period.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules import (
    CaseEvents,
    OverlayError,
    StrategyDiscussion,
    calendar_for,
    load_rule_sets,
    to_data,
)
from safeguarding_rules.cli import main
from safeguarding_rules.records import read_conference_records
from safeguarding_rules.reports import (
    build_report,
    due_actions,
    render_csv,
    render_html,
    render_ics,
    render_text,
)

RULE_SETS = load_rule_sets()
CONWY = RULE_SETS["conwy"]
WALES = calendar_for("wales")
HEADER = (
    "child_id,family_id,conference_id,conference_type,conference_date,strategy_discussion_date,"
    "previous_conference_date,previous_conference_type,core_group_date,plan_end_date,"
    "reason_for_delay\n"
)


def _one_day_late(tmp_path: Path) -> tuple[Path, dict[str, tuple[dt.date, dt.date]]]:
    """Conferences held 16 working days after the strategy discussion: 1 day late nationally.

    One per working day from 20 November 2014 to 20 January 2015, so that some windows hold
    Conwy's 29-31 December 2014 closures and the others do not.
    """
    windows = {}
    day = dt.date(2014, 11, 20)
    while day <= dt.date(2015, 1, 20):
        if WALES.is_working_day(day):
            windows[f"ICPC-{day:%m%d}"] = (day, WALES.add_working_days(day, 16))
        day += dt.timedelta(days=1)
    lines = [
        f"C{i},F{i},{cid},initial,{held},{sd},,,,,"
        for i, (cid, (sd, held)) in enumerate(windows.items())
    ]
    path = tmp_path / "late.csv"
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path, windows


def _late_ids(summary: dict[str, object]) -> set[str]:
    icpc = summary["initial_conference_timeliness"]
    assert isinstance(icpc, dict)
    return {late["conference_id"] for late in icpc["late_conferences"]}


def test_the_late_count_changes_exactly_where_a_closure_falls_in_a_window(
    tmp_path: Path,
) -> None:
    path, windows = _one_day_late(tmp_path)
    records = read_conference_records(path, WALES)
    closures = [day for day, _ in CONWY.overlay.closures]  # type: ignore[union-attr]
    # A closure after the strategy discussion and before the conference day moves the due
    # date past it; a conference held on a closure day (3 December + 16 = 29 December) is
    # still late, as no closure came before it.
    spanning = {
        cid for cid, (sd, held) in windows.items() if any(sd < day < held for day in closures)
    }
    assert 0 < len(spanning) < len(windows)  # the test data straddles the closures
    national = to_data(build_report(records, CONWY))
    local = to_data(build_report(records, CONWY, use_overlay=True))
    assert _late_ids(national) == set(windows)
    assert _late_ids(local) == set(windows) - spanning
    assert local["initial_conference_timeliness"]["by_conference"]["on_time"] == len(spanning)


def test_the_report_says_which_overlay_was_used_in_every_format(tmp_path: Path) -> None:
    path, _ = _one_day_late(tmp_path)
    records = read_conference_records(path, WALES)
    local = build_report(records, CONWY, use_overlay=True)
    national = build_report(records, CONWY)
    calendar = to_data(local)["calendar"]
    assert calendar["overlay"] == "Conwy Christmas closure"
    assert [c["date"] for c in calendar["closures"]] == ["2014-12-29", "2014-12-30", "2014-12-31"]
    assert "UNCONFIRMED" in calendar["closures"][0]["reason"]
    assert to_data(national)["calendar"]["overlay"] is None
    assert to_data(national)["calendar"]["overlay_available"] == "Conwy Christmas closure"
    text = render_text(local)
    assert "with the local overlay 'Conwy Christmas closure'" in text
    assert "2014-12-29 Christmas closure" in text
    assert "overlay 'Conwy Christmas closure' was not applied" in render_text(national)
    assert 'id="calendar"' in render_html(local)
    assert "2014-12-30 Christmas closure" in render_html(local)
    rows = render_csv(local).splitlines()
    assert rows[0].endswith(",overlay")
    assert rows[1].endswith(",Conwy Christmas closure")
    assert render_csv(national).splitlines()[1].endswith(",")


def test_the_worklist_counts_on_the_overlay_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "pending.csv"
    path.write_text(HEADER + "C1,F1,P1,initial,,2014-12-15,,,,,\n", encoding="utf-8")
    records = read_conference_records(path, WALES)
    as_of = dt.date(2014, 12, 20)
    (national,) = due_actions(records, CONWY, as_of=as_of)
    (local,) = due_actions(records, CONWY, as_of=as_of, use_overlay=True)
    # 15 working days from Monday 15 December 2014: 8 January, or 3 days later with the
    # closures of 29, 30 and 31 December.
    assert national.deadline.due == dt.date(2015, 1, 8)
    assert local.deadline.due == dt.date(2015, 1, 13)
    assert national.deadline.overlay is None
    assert local.deadline.overlay == "Conwy Christmas closure"
    ics = render_ics([local], as_of=as_of).replace("\r\n ", "")
    assert "with the local overlay 'Conwy Christmas closure'" in ics
    assert "weekends and bank holidays only" in render_ics([national], as_of=as_of)


def test_due_and_report_commands_take_the_one_switch(tmp_path: Path) -> None:
    path = tmp_path / "pending.csv"
    path.write_text(HEADER + "C1,F1,P1,initial,,2014-12-15,,,,,\n", encoding="utf-8")
    runner = CliRunner()
    due = ["due", str(path), "--as-of", "2014-12-20", "-r", "bracknell-forest"]
    off = runner.invoke(main, due)
    on = runner.invoke(main, [*due, "--use-overlay"])
    assert off.exit_code == 0, off.output
    assert on.exit_code == 0, on.output
    assert "Bracknell Forest Christmas closure (UNCONFIRMED)' was not applied" in off.output
    assert "2014-12-29 Christmas closure (typical council closure; UNCONFIRMED" in on.output
    assert "2015-01-08" in off.output
    assert "2015-01-13" in on.output
    as_json = runner.invoke(main, [*due, "--use-overlay", "--format", "json"])
    (action,) = json.loads(as_json.output)["actions"]
    assert action["overlay"] == "Bracknell Forest Christmas closure (UNCONFIRMED)"
    assert [d["kind"] for d in action["skipped"]].count("local_closure") == 3
    report = runner.invoke(main, ["report", str(path), "-r", "conwy", "--use-overlay"])
    assert "with the local overlay 'Conwy Christmas closure'" in report.output
    deadlines = runner.invoke(
        main, ["deadlines", "-r", "conwy", "--strategy-discussion", "2014-12-15", "--use-overlay"]
    )
    assert "with the local overlay 'Conwy Christmas closure'" in deadlines.output


def test_asking_for_an_overlay_a_rule_set_does_not_have_is_an_error() -> None:
    with pytest.raises(OverlayError, match="rule set 'england' has no local overlay"):
        RULE_SETS["england"].calendar(use_overlay=True)
    result = CliRunner().invoke(main, ["report", "-r", "england", "--use-overlay"])
    assert result.exit_code == 1
    assert "rule set 'england' has no local overlay of closures" in result.output


def test_the_library_api_takes_the_same_switch() -> None:
    events = CaseEvents(strategy_discussions=[StrategyDiscussion(date=dt.date(2014, 12, 15))])
    (national,) = [d for d in CONWY.deadlines(events) if d.rule.id == "icpc"]
    (local,) = [d for d in CONWY.deadlines(events, use_overlay=True) if d.rule.id == "icpc"]
    assert (national.due, local.due) == (dt.date(2015, 1, 8), dt.date(2015, 1, 13))
    assert CONWY.calendar().overlay is None
    assert CONWY.calendar(use_overlay=True).overlay is CONWY.overlay


@pytest.mark.parametrize("name", ["conwy", "bracknell-forest"])
def test_both_local_plugins_list_labelled_closures(name: str) -> None:
    overlay = RULE_SETS[name].overlay
    assert overlay is not None
    assert overlay.source
    assert all("UNCONFIRMED" in reason for _, reason in overlay.closures)
    calendar = calendar_for(RULE_SETS[name].division)
    assert all(calendar.is_working_day(day) for day, _ in overlay.closures)
    assert {(day.month, day.day >= 27) for day, _ in overlay.closures} == {(12, True)}
