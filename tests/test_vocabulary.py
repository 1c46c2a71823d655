"""The vocabulary: every spelling councils write reads as one canonical code, and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguarding_rules import (
    AGENCIES,
    VOCABULARY,
    Aliases,
    AliasRegistry,
    AttendanceMode,
    ConferenceType,
    Vocabulary,
    VocabularyError,
    normalise,
)
from safeguarding_rules.rules.vocabulary import AMBIGUOUS, ATTENDANCE_MODES, CONFERENCE_TYPES


@pytest.mark.parametrize(
    ("spelling", "agency"),
    [
        ("children's social care", "childrens_social_care"),
        ("Children\N{RIGHT SINGLE QUOTATION MARK}s Social Care", "childrens_social_care"),
        ("CHILDRENS_SOCIAL_CARE", "childrens_social_care"),
        ("CSC", "childrens_social_care"),
        ("Social Care", "childrens_social_care"),
        ("social worker", "childrens_social_care"),
        ("GP", "gp"),
        ("Health Visitor", "health_visitor"),
        ("HV", "health_visitor"),
        ("School", "education"),
        ("designated teacher", "education"),
        ("School Nurse", "school_nurse"),
        ("CAMHS", "camhs"),
        ("ASC", "adult_social_care"),
        ("midwife", "midwifery"),
        ("Probation Officer", "probation"),
        # Police Act 1996 Sched. 1 areas, as data.police.uk names them, and other forms.
        ("Thames Valley Police", "police"),
        ("Avon and Somerset Constabulary", "police"),
        ("Devon & Cornwall Police", "police"),
        ("Dyfed-Powys Police", "police"),
        ("Metropolitan Police Service", "police"),
        ("Police Service of Northern Ireland", "police"),
        ("Police Scotland", "police"),
        ("British Transport Police", "police"),
        ("States of Jersey Police", "police"),
        ("Guernsey Police", "police"),
        ("Isle of Man Constabulary", "police"),
        # The Welsh names of the Welsh forces are names of police forces everywhere.
        ("Heddlu Gogledd Cymru", "police"),
        ("Heddlu Dyfed-Powys", "police"),
        ("Heddlu De Cymru", "police"),
        ("Heddlu Gwent", "police"),
    ],
)
def test_spellings_read_as_their_agency(spelling: str, agency: str) -> None:
    assert VOCABULARY.agency(spelling) == agency


def test_the_43_territorial_forces_of_england_and_wales_are_police() -> None:
    # data.police.uk /api/forces names (Police Act 1996, Schedule 1 areas), 43 of them.
    forces = [
        "Avon and Somerset Constabulary", "Bedfordshire Police", "Cambridgeshire Constabulary",
        "Cheshire Constabulary", "City of London Police", "Cleveland Police",
        "Cumbria Constabulary", "Derbyshire Constabulary", "Devon & Cornwall Police",
        "Dorset Police", "Durham Constabulary", "Dyfed-Powys Police", "Essex Police",
        "Gloucestershire Constabulary", "Greater Manchester Police", "Gwent Police",
        "Hampshire Constabulary", "Hertfordshire Constabulary", "Humberside Police",
        "Kent Police", "Lancashire Constabulary", "Leicestershire Police", "Lincolnshire Police",
        "Merseyside Police", "Metropolitan Police Service", "Norfolk Constabulary",
        "North Wales Police", "North Yorkshire Police", "Northamptonshire Police",
        "Northumbria Police", "Nottinghamshire Police", "South Wales Police",
        "South Yorkshire Police", "Staffordshire Police", "Suffolk Constabulary",
        "Surrey Police", "Sussex Police", "Thames Valley Police", "Warwickshire Police",
        "West Mercia Police", "West Midlands Police", "West Yorkshire Police", "Wiltshire Police",
    ]  # fmt: skip
    assert len(forces) == 43
    assert {VOCABULARY.agency(force) for force in forces} == {"police"}


@pytest.mark.parametrize("name", [*AMBIGUOUS, "Women's Aid", "Early Help", "", "kent"])
def test_ambiguous_and_unknown_names_are_not_recognised(name: str) -> None:
    assert VOCABULARY.agency(name) is None


def test_every_canonical_code_and_display_name_reads_as_itself() -> None:
    for kind, names in (("agency", AGENCIES), ("attendance_mode", ATTENDANCE_MODES),
                        ("conference_type", CONFERENCE_TYPES)):  # fmt: skip
        codes = VOCABULARY.code_list(kind)
        for code, display in names.items():
            assert codes.lookup(code) == code
            assert codes.lookup(display) == code
            assert all(codes.lookup(s) == code for s in codes.spellings(code))


def test_codes_match_the_enums() -> None:
    assert set(ATTENDANCE_MODES) == {m.value for m in AttendanceMode}
    assert set(CONFERENCE_TYPES) == {t.value for t in ConferenceType}


@pytest.mark.parametrize(
    ("text", "code"),
    [("Attended", "in_person"), ("Dial-in", "remote"), ("MS Teams", "remote"),
     ("Sent report", "report_only"), ("Apologies", "apologies"), ("DNA", "absent")],
)  # fmt: skip
def test_attendance_modes(text: str, code: str) -> None:
    assert VOCABULARY.attendance_modes.lookup(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Y", "yes"), ("a) Yes", "yes"), ("FALSE", "no"), ("b) No", "no"), ("NA", None),
     ("N/A", None), ("unknown", None)],
)  # fmt: skip
def test_yes_no_never_reads_not_applicable_as_no(text: str, code: str | None) -> None:
    assert VOCABULARY.yes_no.lookup(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Initial CP Conference", "initial"), ("ICPC", "initial"), ("Review CPC", "review"),
     ("RCPC", "review"), ("Transfer-In Conference", "transfer_in"), ("Pre-birth", "pre_birth"),
     ("CPPM", None), ("Child Protection Conference", None)],
)  # fmt: skip
def test_conference_types(text: str, code: str | None) -> None:
    assert VOCABULARY.conference_types.lookup(text) == code


def test_normalise_ignores_case_accents_spacing_punctuation_and_apostrophes() -> None:
    assert (
        normalise(" Grŵp  Children\N{RIGHT SINGLE QUOTATION MARK}s--Social_Care ")
        == "grwp childrens social care"
    )
    assert normalise("A & B") == "a and b"
    assert normalise("***") == ""


def test_a_spelling_for_two_codes_is_refused_naming_both() -> None:
    clash = Aliases(kind="agency", code="police", spellings=["CSC"], source="x", plugin="p")
    with pytest.raises(VocabularyError, match=r"'CSC'.*'childrens_social_care'.*'police'"):
        VOCABULARY.extended([clash])


def test_a_spelling_of_another_canonical_id_is_refused() -> None:
    clash = Aliases(kind="agency", code="police", spellings=["GP"], source="x", plugin="p")
    with pytest.raises(VocabularyError, match="'gp'"):
        VOCABULARY.extended([clash])


def test_spellings_for_an_unknown_code_are_refused() -> None:
    with pytest.raises(VocabularyError, match="not a known agency"):
        Aliases(kind="agency", code="early_help", spellings=["Early Help"], source="x")


def test_a_spelling_without_letters_is_refused() -> None:
    with pytest.raises(VocabularyError, match="no letters"):
        Aliases(kind="agency", code="police", spellings=["--"], source="x")


def test_registry_scopes_spellings_to_a_rule_set_and_its_descendants() -> None:
    registry = AliasRegistry()
    registry.add_aliases("childrens_social_care", ["Family Safeguarding Team"], source="x",
                         rule_set="testshire")  # fmt: skip
    assert registry.vocabulary_for(["testshire", "england"]).agency("family safeguarding team")
    assert registry.vocabulary_for(["east-testshire", "testshire", "england"]).agency(
        "Family Safeguarding Team"
    )
    assert registry.vocabulary_for(["england"]).agency("Family Safeguarding Team") is None
    assert isinstance(registry.vocabulary_for(["england"]), Vocabulary)


def test_every_spelling_is_on_the_vocabulary_page() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "vocabulary.md").read_text("utf-8")
    for group in VOCABULARY.aliases:
        for spelling in group.spellings:
            assert f"`{spelling}`" in page, spelling
