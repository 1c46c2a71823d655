"""Partial results, fingerprints and one-line summaries: what a system storing due dates needs."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys

import attrs
from click.testing import CliRunner

from safeguarding_rules import (
    CaseEvents,
    Counting,
    Deadline,
    DeadlineSet,
    LocalOverlay,
    NotComputable,
    StrategyDiscussion,
    calendar_for,
    get_rule_set,
    to_data,
)
from safeguarding_rules.cli import main

D = dt.date
ENGLAND = get_rule_set("england")
CAL = calendar_for("england-and-wales")
LATE_2030 = CaseEvents(
    strategy_discussions=[StrategyDiscussion(date=D(2030, 11, 1))],
    initial_conference=D(2030, 11, 20),
)


def icpc(day: dt.date, **options: object) -> Deadline:
    (found,) = ENGLAND.deadlines(
        CaseEvents(strategy_discussions=[StrategyDiscussion(date=day)]),
        **options,  # type: ignore[arg-type]
    )
    return found


# One deadline out of coverage does not lose the others.


def test_a_review_in_2031_is_not_computable_and_the_rest_are_kept() -> None:
    found = ENGLAND.deadlines(LATE_2030)
    assert isinstance(found, DeadlineSet)
    assert [(d.rule.id, d.due) for d in found] == [
        ("icpc", D(2030, 11, 22)),
        ("first_core_group", D(2030, 12, 4)),
    ]
    assert not found.complete
    (missing,) = found.not_computable
    assert isinstance(missing, NotComputable)
    assert (missing.rule.id, missing.start, missing.day) == (
        "first_review",
        D(2030, 11, 20),
        D(2031, 2, 20),
    )
    assert "2031-02-20" in missing.reason
    assert "outside" in missing.reason
    assert "NOT COMPUTABLE" in missing.explain()
    assert missing.rule.source in missing.explain()
    assert "first_review" in missing.summary
    icpc_deadline, _ = found  # a DeadlineSet still unpacks like the tuple it was
    assert icpc_deadline.rule.id == "icpc"
    assert found.deadlines == tuple(found)
    copy = pickle.loads(pickle.dumps(found))
    assert copy == found
    assert copy.not_computable == found.not_computable


def test_a_complete_case_has_nothing_not_computable() -> None:
    found = ENGLAND.deadlines(
        CaseEvents(strategy_discussions=[StrategyDiscussion(date=D(2014, 12, 15))])
    )
    assert found.complete
    assert found == (found[0],)
    assert found.not_computable == ()


def test_to_data_of_a_deadline_set_lists_both() -> None:
    data = to_data(ENGLAND.deadlines(LATE_2030))
    json.dumps(data)
    assert [d["rule"] for d in data["deadlines"]] == ["icpc", "first_core_group"]
    assert data["complete"] is False
    (missing,) = data["not_computable"]
    assert (missing["rule"], missing["start"], missing["day"]) == (
        "first_review",
        "2030-11-20",
        "2031-02-20",
    )
    assert "outside" in missing["reason"]


def test_the_command_line_shows_what_cannot_be_computed() -> None:
    args = ["deadlines", "-r", "england", "--strategy-discussion", "2030-11-01"]
    args += ["--conference", "2030-11-20"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert "Initial child protection conference: due" in result.stdout
    assert "First review child protection conference: NOT COMPUTABLE." in result.stdout
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["rule"] for d in data["deadlines"]] == ["icpc", "first_core_group"]
    assert [d["rule"] for d in data["not_computable"]] == ["first_review"]


# Fingerprints and summaries.

#: Pinned: a new value means a rule, its edition dates or the bank holidays changed.
ICPC_WT2013_FINGERPRINT = "sgr1-544120fa72b2eb0a279e4198"


def test_fingerprint_is_the_same_for_every_case_under_one_rule_version() -> None:
    first, second = icpc(D(2014, 12, 15)), icpc(D(2014, 6, 2))
    assert first.rule.edition.id == second.rule.edition.id == "wt2013"
    assert first.fingerprint == second.fingerprint == ICPC_WT2013_FINGERPRINT


def test_fingerprint_is_stable_across_processes() -> None:
    code = (
        "import datetime as dt\n"
        "from safeguarding_rules import CaseEvents, StrategyDiscussion, get_rule_set\n"
        "(d,) = get_rule_set('england').deadlines(CaseEvents(strategy_discussions="
        "[StrategyDiscussion(date=dt.date(2014, 12, 15))]))\n"
        "print(d.fingerprint)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == icpc(D(2014, 12, 15)).fingerprint


def test_fingerprint_changes_with_edition_counting_rule_and_calendar() -> None:
    base = icpc(D(2014, 12, 15))
    others = {
        "edition": icpc(D(2019, 3, 1)).fingerprint,
        "counting": icpc(D(2014, 12, 15), counting=Counting.EVENT_DAY_IS_DAY_1).fingerprint,
        "rule value": attrs.evolve(base, rule=attrs.evolve(base.rule, n=16)).fingerprint,
        "edition dates": attrs.evolve(
            base,
            rule=attrs.evolve(
                base.rule, edition=attrs.evolve(base.rule.edition, effective_to=D(2015, 3, 1))
            ),
        ).fingerprint,
        "calendar data": attrs.evolve(base, calendar_version="sha256:0").fingerprint,
        "overlay": attrs.evolve(base, overlay="closures").fingerprint,
        "rule set": attrs.evolve(base, rule_set="bracknell-forest").fingerprint,
    }
    for what, other in others.items():
        assert other != base.fingerprint, what
    # A correction to a rule's source or notes does not change a due date, nor its fingerprint.
    reworded = attrs.evolve(base, rule=attrs.evolve(base.rule, source="x", notes="y"))
    assert reworded.fingerprint == base.fingerprint


def test_calendar_data_version_changes_with_the_days_that_count() -> None:
    overlay = LocalOverlay(name="closure", closures={D(2014, 12, 29): "Christmas closure"})
    assert CAL.data_version.startswith("sha256:")
    assert calendar_for("england", overlay=overlay).data_version != CAL.data_version
    assert calendar_for("wales").data_version == CAL.data_version
    assert calendar_for("scotland").data_version != CAL.data_version
    assert icpc(D(2014, 12, 15)).calendar_version == CAL.data_version


def test_summary_is_one_line_with_date_rule_and_edition() -> None:
    found = icpc(D(2014, 12, 15))
    assert found.summary == (
        "Initial child protection conference due 2015-01-08: within 15 working days of the "
        "last strategy discussion held (2014-12-15); rule 'icpc', edition wt2013, C2."
    )
    provisional = icpc(D(2029, 5, 1))
    assert provisional.summary.startswith("PROVISIONAL: ")
    assert "\n" not in provisional.summary
    data = to_data(found)
    assert (data["summary"], data["fingerprint"]) == (found.summary, found.fingerprint)


def test_summary_says_unconfirmed_first_when_the_explanation_does() -> None:
    for rule_set in ("england", "northern-ireland", "guernsey", "wales"):
        for deadline in get_rule_set(rule_set).deadlines(
            CaseEvents(
                strategy_discussions=[StrategyDiscussion(date=D(2019, 3, 1))],
                initial_conference=D(2019, 3, 20),
                referral=D(2019, 2, 25),
            )
        ):
            assert deadline.summary.startswith("UNCONFIRMED") == deadline.explain().startswith(
                "UNCONFIRMED"
            )
