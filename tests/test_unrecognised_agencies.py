"""Agency names as councils write them: quorum decisions, and what happens to unknown names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules import Attendance, AttendanceMode, UnrecognisedAgencyError, load_rule_sets
from safeguarding_rules.cli import main
from safeguarding_rules.records import InputErrors, read_attendance

RULE_SETS = load_rule_sets()
# The attendance export from issue 14, as a case-management system writes it.
ISSUE_EXAMPLE = (
    "conference_id,agency,mode,direct_contact\n"
    "E1,children's social care,in_person,yes\n"
    "E1,police,in_person,yes\n"
    "E1,school,in_person,yes\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "attendance.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def took_part(agency: str, *, direct: bool = True) -> Attendance:
    return Attendance(agency=agency, mode=AttendanceMode.IN_PERSON, direct_contact=direct)


def test_the_issue_example_is_quorate_under_england(tmp_path: Path) -> None:
    code, out, err = run("quoracy", write(tmp_path, ISSUE_EXAMPLE), "-r", "england",
                         "--format", "json")  # fmt: skip
    assert code == 0, err
    (result,) = json.loads(out)
    assert result["quorate"] is True
    assert result["groupings"] == ["childrens_social_care", "education", "police"]
    assert result["unrecognised_agencies"] == []
    assert "not recognised" not in err


def test_natural_names_give_the_same_decision_as_ids_under_every_rule_set() -> None:
    natural = [took_part(n) for n in ("CSC", "Thames Valley Police", "Health Visitor", "GP")]
    ids = [took_part(n) for n in ("childrens_social_care", "police", "health_visitor", "gp")]
    for rule_set in RULE_SETS.values():
        if rule_set.quorum is None:
            continue
        a, b = rule_set.evaluate_quorum(natural), rule_set.evaluate_quorum(ids)
        assert (a.quorate, a.groupings, a.shortfalls) == (b.quorate, b.groupings, b.shortfalls)
        assert a.unrecognised == ()


def test_an_unrecognised_name_counts_as_its_own_agency_and_is_named() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [took_part("CSC"), took_part("Police"), took_part("Women's Aid")]
    )
    assert result.quorate
    assert result.unrecognised == ("Women's Aid",)
    assert result.depends_on_unrecognised
    (decision,) = [d for d in result.counted if not d.recognised]
    assert decision.agency == "womens aid"
    assert "not recognised, counted as its own agency" in decision.reason
    text = result.explain()
    assert text.startswith("CHECK: this conference is quorate only because of")
    assert '1 agency name(s) not recognised: "Women\'s Aid"' in text


def test_spellings_of_one_unrecognised_name_are_one_agency() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [took_part("CSC"), took_part("Early Help"), took_part("early-help")]
    )
    assert not result.quorate
    assert result.unrecognised == ("Early Help",)
    assert result.groupings == ("childrens_social_care", "early help")


def test_a_decision_that_does_not_rest_on_unrecognised_names_says_so() -> None:
    result = RULE_SETS["england"].evaluate_quorum(
        [took_part("CSC"), took_part("Police"), took_part("GP"), took_part("Women's Aid")]
    )
    assert result.quorate
    assert result.unrecognised == ("Women's Aid",)
    assert not result.depends_on_unrecognised
    assert not result.explain().startswith("CHECK")


def test_strict_evaluation_refuses_unrecognised_names() -> None:
    with pytest.raises(UnrecognisedAgencyError, match=r"\"Women's Aid\""):
        RULE_SETS["england"].evaluate_quorum(
            [took_part("CSC"), took_part("Women's Aid")], conference_id="C1", strict=True
        )


def test_the_cli_warns_of_unrecognised_names_by_default(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        ISSUE_EXAMPLE
        + "E1,Early Help,in_person,yes\nE2,early help,in_person,no\n"
        + "E3,CSC,in_person,yes\nE3,Police,in_person,yes\nE3,EARLY-HELP,in_person,yes\n",
    )
    code, out, err = run("quoracy", path, "-r", "england")
    assert code == 0, err
    assert "1 agency name(s) not recognised: 'Early Help'; each counted as its own agency" in err
    assert "2 of 3 conference(s) quorate under 'england' (1 only because of unrecognised" in out


def test_the_cli_strict_option_is_an_error_naming_file_row_and_value(tmp_path: Path) -> None:
    path = write(tmp_path, ISSUE_EXAMPLE + "E1,Early Help,in_person,yes\n")
    code, _, err = run("quoracy", path, "-r", "england", "--strict")
    assert code != 0
    assert f"{path}, row 5, column 'agency'" in err
    assert "'Early Help'" in err
    assert "Traceback" not in err


def test_the_reader_in_strict_mode_lists_every_unrecognised_row(tmp_path: Path) -> None:
    path = write(tmp_path, ISSUE_EXAMPLE + "E1,Early Help,in_person,yes\nE2,YOT,remote,no\n")
    with pytest.raises(InputErrors) as raised:
        read_attendance(path, strict=True)
    assert [(p.row, p.column, p.value) for p in raised.value.problems] == [
        (5, "agency", "Early Help"),
        (6, "agency", "YOT"),
    ]


def test_the_reader_reads_modes_answers_and_types_as_exports_spell_them(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "conference_id,agency,mode,direct_contact,conference_type\n"
        "E1,CSC,Attended,Y,Initial CP Conference\n"
        "E1,GP,Sent report,a) Yes,Initial CP Conference\n"
        "E1,HV,Dial-in,b) No,ICPC\n",
    )
    ((conference,), problems) = read_attendance(path)
    assert problems == []
    assert [a.mode for a in conference.attendances] == [
        AttendanceMode.IN_PERSON, AttendanceMode.REPORT_ONLY, AttendanceMode.REMOTE
    ]  # fmt: skip
    assert [a.direct_contact for a in conference.attendances] == [True, True, False]
    assert conference.conference_type is not None
    assert conference.conference_type.value == "initial"


def test_welsh_names_read_in_wales_and_conwy_but_not_england() -> None:
    welsh = [took_part("Gwasanaethau cymdeithasol plant"), took_part("Heddlu"),
             took_part("Ymwelydd iechyd")]  # fmt: skip
    for name in ("wales", "conwy"):
        if name in RULE_SETS:
            result = RULE_SETS[name].evaluate_quorum(welsh)
            assert result.quorate
            assert result.unrecognised == ()
    assert RULE_SETS["england"].evaluate_quorum(welsh).unrecognised


def test_the_report_names_unrecognised_agencies_and_strict_refuses_them(tmp_path: Path) -> None:
    path = write(tmp_path, ISSUE_EXAMPLE + "E2,CSC,in_person,yes\nE2,Early Help,in_person,yes\n")
    code, out, err = run("report", "--attendance", path)
    assert code == 0, err
    line = "1 agency name(s) not recognised: 'Early Help'; each counted as its own agency"
    assert line in out
    assert line in err
    code, out, _ = run("report", "--attendance", path, "--format", "json")
    quoracy = json.loads(out)["quoracy"]
    assert quoracy["unrecognised_agencies"] == ["Early Help"]
    assert quoracy["quorate_only_with_unrecognised"] == 0
    code, _, err = run("report", "--attendance", path, "--strict")
    assert code != 0
    assert f"{path}, row 6, column 'agency'" in err


NATURAL = {
    "childrens_social_care": "Children's Social Care",
    "police": "Thames Valley Police",
    "education": "School",
    "gp": "GP",
    "health_visitor": "Health Visitor",
    "probation": "Probation Officer",
}
MODES = {"in_person": "Attended", "remote": "Dial-in", "report_only": "Sent report",
         "apologies": "Apologies", "absent": "DNA"}  # fmt: skip


def test_the_bundled_sample_spelt_naturally_gets_the_same_decisions_under_every_rule_set(
    tmp_path: Path,
) -> None:
    sample = Path(__file__).resolve().parent.parent / "src/safeguarding_rules/data"
    lines = (sample / "sample_attendance.csv").read_text("utf-8").splitlines()
    header, rows = lines[0], [line.split(",") for line in lines[1:]]
    agency, mode = header.split(",").index("agency"), header.split(",").index("mode")
    for row in rows:
        row[agency], row[mode] = NATURAL[row[agency]], MODES[row[mode]]
    natural = write(tmp_path, "\n".join([header, *(",".join(r) for r in rows)]) + "\n")
    by_id, _ = read_attendance(sample / "sample_attendance.csv")
    by_name, _ = read_attendance(natural)
    for rule_set in RULE_SETS.values():
        if rule_set.quorum is None:
            continue
        for a, b in zip(by_id, by_name, strict=True):
            x, y = rule_set.evaluate_quorum(a.attendances), rule_set.evaluate_quorum(b.attendances)
            assert (x.quorate, x.groupings, x.shortfalls) == (y.quorate, y.groupings, y.shortfalls)
            assert y.unrecognised == ()
