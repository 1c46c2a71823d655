"""Explanations in Welsh: the same structured lines as English, rendered through the catalogue.

The English rendering is exactly ``explain()`` (the golden tests elsewhere pin that text);
every message an explanation can use has a Welsh entry, so that a new English step without
a translation fails here rather than showing English in a Welsh report.
"""

from __future__ import annotations

import ast
import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from click.testing import CliRunner

from safeguarding_rules import LocalOverlay, calendar_for
from safeguarding_rules._errors import CalendarRangeError
from safeguarding_rules._explain import Explanation, Term, messages
from safeguarding_rules.cli import main
from safeguarding_rules.plugins import get_rule_sets
from safeguarding_rules.reports.i18n import DAY_REASONS, RULE_TITLES, translator
from safeguarding_rules.reports.ics import event_text
from safeguarding_rules.reports.overlay import calendar_explanation, calendar_summary
from safeguarding_rules.reports.unit_worklist import CaseDueAction
from safeguarding_rules.reports.worklist import DueAction
from safeguarding_rules.rules import (
    Attendance,
    AttendanceMode,
    ConferenceType,
    Confidence,
    Counting,
    Deadline,
    NotComputable,
    evaluate_quorum,
)
from safeguarding_rules.rules.model import Direction, StartEvent, Unit

SRC = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules"
PO = SRC / "reports" / "i18n" / "cy" / "LC_MESSAGES" / "safeguarding_rules.po"

CY = translator("cy")
WALES = calendar_for("wales")
OVERLAY = calendar_for(
    "wales",
    overlay=LocalOverlay.between_christmas_and_new_year(
        name="Test closure", division="wales", reason="Christmas closure", source="test"
    ),
)


def welsh_catalogue() -> dict[str, object]:
    with PO.open("rb") as handle:
        return {
            (m.id if isinstance(m.id, str) else m.id[0]): m.string
            for m in read_po(handle, locale="cy")
            if m.id
        }


def every_deadline() -> Iterator[Deadline | NotComputable]:
    """Deadlines over every rule of every rule set, and variants reaching every branch."""
    seen = set()
    for name in get_rule_sets():
        rule_set = get_rule_sets()[name]
        for rule in rule_set.rules:
            if (rule.id, rule.edition.id, rule.unit, rule.direction) in seen:
                continue
            seen.add((rule.id, rule.edition.id, rule.unit, rule.direction))
            variants = [
                rule,
                *(attrs.evolve(rule, unit=unit, direction=direction, n=n, counting=None)
                  for unit, direction, n in itertools.product(Unit, Direction, (1, 72))),
                *(attrs.evolve(rule, start_event=event) for event in StartEvent),
            ]  # fmt: skip
            for version, counting, (start, calendar) in itertools.product(
                variants,
                Counting,
                [
                    (dt.date(2014, 12, 19), WALES),  # Christmas: skipped and due bank holidays
                    (dt.date(2014, 12, 19), OVERLAY),
                    (dt.date(2029, 6, 1), WALES),  # provisional
                ],
            ):
                try:
                    yield Deadline.compute(
                        version, start, calendar, rule_set=name, counting=counting,
                        edition_uncertain=start.year == 2029,
                    )  # fmt: skip
                except CalendarRangeError as error:
                    yield NotComputable.from_error(
                        version, error, rule_set=name, start=start, anchor=start
                    )
            break  # one rule of each rule set reaches every template; titles differ
    past = CalendarRangeError(
        "2031-01-02 is after the coverage", day=dt.date(2031, 1, 2), first=WALES.first,
        last=WALES.last,
    )  # fmt: skip
    rule = get_rule_sets()["wales"].rules[0]
    yield NotComputable.from_error(rule, past, rule_set="wales", start=rule.edition.effective_from,
                                   anchor=rule.edition.effective_from)  # fmt: skip


def every_count() -> Iterator[Explanation]:
    for calendar, n, start in itertools.product(
        (WALES, OVERLAY), (15, -15, 1), (dt.date(2014, 12, 15), dt.date(2029, 3, 1))
    ):
        yield calendar.count(start, n).explanation()
    yield WALES.count(dt.date(2024, 6, 3), 1).explanation()  # nothing skipped


def every_calendar_sentence() -> Iterator[Explanation]:
    conwy = get_rule_sets()["conwy"]
    for use_overlay, last in itertools.product((False, True), (dt.date(2024, 12, 1), None)):
        first = dt.date(2024, 11, 1)
        data = calendar_summary(conwy, conwy.calendar(use_overlay=use_overlay), first, last)
        yield calendar_explanation(data)
        yield calendar_explanation({**data, "overlay_available": None, "overlay_source": None})
    data = calendar_summary(conwy, conwy.calendar(use_overlay=True), first, dt.date(2025, 1, 2))
    yield calendar_explanation(data)


def every_quorum() -> Iterator[Explanation]:
    modes = [*AttendanceMode, None]  # None: in person, with no direct contact
    agencies = ["childrens_social_care", "police", "gp", "health_visitor", "Mystery Agency"]
    for name in ("england", "wales", "conwy", "guernsey"):
        rule_set = get_rule_sets()[name]
        for present in (agencies[:1], agencies[:2], agencies[:3], agencies):
            for mode in modes:
                records = [
                    Attendance(agency=agency, mode=mode or AttendanceMode.IN_PERSON,
                               direct_contact=mode is not None)
                    for agency in present
                ]  # fmt: skip
                yield rule_set.evaluate_quorum(records).explanation()
                yield rule_set.evaluate_quorum(records, conference_id="C1", fii=True).explanation()
                yield rule_set.evaluate_quorum(
                    records, conference_type=ConferenceType.INITIAL,
                    conference_date=dt.date(2024, 3, 1),
                ).explanation()  # fmt: skip
        lone = [Attendance(agency="childrens_social_care", mode=AttendanceMode.IN_PERSON,
                           direct_contact=True)]  # fmt: skip
        assert rule_set.quorum is not None
        doubtful = attrs.evolve(
            rule_set.quorum, confidence=Confidence.UNCONFIRMED, unconfirmed_reason="a test"
        )
        yield evaluate_quorum(doubtful, lone, rule_set=name).explanation()
    both = [Attendance(agency=agency, mode=AttendanceMode.IN_PERSON, direct_contact=True)
            for agency in ("childrens_social_care", "police", "Mystery Agency")]  # fmt: skip
    england = get_rule_sets()["england"]
    yield england.evaluate_quorum(both[:2], chair_reason="urgent").explanation()
    yield get_rule_sets()["wales"].evaluate_quorum(both).explanation()


def every_event() -> Iterator[Explanation]:
    deadlines = [d for d in every_deadline() if isinstance(d, Deadline)]
    for deadline, overdue in itertools.product(deadlines[:: max(len(deadlines) // 200, 1)],
                                               (False, True)):  # fmt: skip
        for action in (
            DueAction(deadline=deadline, conference_id="ICPC-1", children=("C1",),
                      overdue=overdue),
            DueAction(deadline=deadline, conference_id="ICPC-2", children=("C1", "C2"),
                      overdue=overdue),
            CaseDueAction(deadline=deadline, kind="adult_enquiry", case_id="E1", person="A1",
                          overdue=overdue),
            CaseDueAction(deadline=deadline, kind="missing_episode", case_id="M1", person="C1",
                          overdue=overdue),
        ):  # fmt: skip
            yield from event_text(action)


def explanations() -> list[Explanation]:
    return [
        *(d.explanation() for d in every_deadline()),
        *every_count(),
        *every_calendar_sentence(),
        *every_quorum(),
        *every_event(),
    ]


def test_english_rendering_is_explain_itself() -> None:
    en = translator("en")
    for item in every_deadline():
        assert en.explain(item.explanation()) == item.explain()
    for calendar, n in itertools.product((WALES, OVERLAY), (15, -15)):
        counted = calendar.count(dt.date(2014, 12, 15), n)
        assert en.explain(counted.explanation()) == counted.explain()


def test_every_message_an_explanation_uses_has_a_welsh_translation() -> None:
    catalogue = welsh_catalogue()
    used = {message for found in explanations() for message in messages(found)}
    missing = sorted(m for m in used if not catalogue.get(m))
    assert not missing, f"add Welsh for these explanation messages: {missing}"
    # The walk reaches every template the explaining modules mark (a guard on the walk).
    marked = {
        message
        for module in (
            "calendar/working_days.py",
            "rules/deadlines.py",
            "rules/model.py",
            "reports/overlay.py",
        )
        for _, message, _, _ in extract_from_file("python", SRC / module, keywords={"N_": None})
    }
    assert marked - used == set()


def test_every_phrase_template_is_marked_for_extraction() -> None:
    # phrase("literal") without N_() would escape pybabel extract and the template test.
    bare = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"phrase", "Phrase"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                bare.append(f"{path.name}:{node.lineno}")
    assert not bare, bare


def test_every_welsh_holiday_and_rule_title_has_an_entry() -> None:
    catalogue = welsh_catalogue()
    reasons = set()
    day = WALES.first
    while day <= WALES.last:
        found = WALES.non_working_day(day)
        if found is not None:
            reasons.update(found.reason.split("; "))
        day += dt.timedelta(days=1)
    assert reasons == set(DAY_REASONS), "list the calendar's new day names in DAY_REASONS"
    for text in [*DAY_REASONS, *RULE_TITLES.values()]:
        assert catalogue.get(text), text
    assert CY.term(Term("day", "Boxing Day (observed)")) == "Dydd San Steffan (diwrnod amgen)"
    assert CY.term(Term("day", "weekend; Christmas Day")) == "penwythnos; Dydd Nadolig"
    assert CY.term(Term("rule:icpc", "ICPC")) == "Cynhadledd amddiffyn plant gychwynnol"
    assert CY.term(Term("rule:local_rule", "A local rule")) == "A local rule"  # data as it is


def test_a_welsh_adult_enquiry_deadline_over_christmas() -> None:
    # Golden case (research s7.4, from WSP a3pt1-p6's 7 working days and the 2023-24 bank
    # holidays): a report received on Friday 22 December 2023 is due on Friday 5 January 2024.
    rule_set = get_rule_sets()["wales"]
    rule = next(r for r in rule_set.versions("adult_enquiry") if r.edition.in_force_on(
        dt.date(2023, 12, 22)))  # fmt: skip
    deadline = Deadline.compute(rule, dt.date(2023, 12, 22), WALES, rule_set="wales")
    assert deadline.due == dt.date(2024, 1, 5)
    lines = CY.explain(deadline.explanation()).splitlines()
    assert lines[0] == (
        "Ymholiad diogelu oedolyn wedi'i gwblhau: dyledus Dydd Gwener 5 Ionawr 2024 (2024-01-05)."
    )
    assert lines[1] == (
        "Rheol 'adult_enquiry' yn set reolau 'wales': o fewn 7 diwrnod gwaith ar ôl derbyn yr "
        "hysbysiad (pryder diogelu) am yr oedolyn gan yr awdurdod lleol."
    )
    assert lines[2].startswith("Ffynhonnell (yn Saesneg): ")
    assert lines[2].endswith(f"Hyder: {rule.confidence.value}.")
    assert lines[4] == (
        "Digwyddiad cychwyn y cyfrif: derbyn yr hysbysiad (pryder diogelu) am yr oedolyn gan yr "
        "awdurdod lleol; Dydd Gwener 22 Rhagfyr 2023."
    )
    assert lines[6:] == [
        "Diwrnodau a hepgorwyd am nad ydynt yn ddiwrnodau gwaith: 7",
        "  2023-12-23 Dydd Sadwrn  penwythnos",
        "  2023-12-24 Dydd Sul     penwythnos",
        "  2023-12-25 Dydd Llun    Dydd Nadolig",
        "  2023-12-26 Dydd Mawrth  Dydd San Steffan",
        "  2023-12-30 Dydd Sadwrn  penwythnos",
        "  2023-12-31 Dydd Sul     penwythnos",
        "  2024-01-01 Dydd Llun    Dydd Calan",
        *lines[14:],
    ]
    assert "Rhagfyr" in lines[4]
    assert "Ionawr" in lines[0]


def test_deadlines_and_calendar_commands_speak_welsh() -> None:
    runner = CliRunner()
    args = ["deadlines", "--ruleset", "wales", "--strategy-discussion", "2014-12-15"]
    english = runner.invoke(main, args)
    welsh = runner.invoke(main, [*args, "--language", "cy"])
    assert english.exit_code == welsh.exit_code == 0, welsh.output
    assert "due Thursday 8 January 2015" in english.output
    assert "dyledus Dydd Iau 8 Ionawr 2015 (2015-01-08)" in welsh.output
    assert "2014-12-25 Dydd Iau     Dydd Nadolig" in welsh.output
    as_json = runner.invoke(main, [*args, "--language", "cy", "--format", "json"])
    assert as_json.output == runner.invoke(main, [*args, "--format", "json"]).output
    counted = runner.invoke(
        main, ["calendar", "add", "2024-03-28", "7", "--division", "wales", "--language", "cy"]
    )
    assert counted.exit_code == 0, counted.output
    assert counted.output.splitlines()[:2] == [
        "2024-04-10",
        "Dydd Mercher 10 Ebrill 2024: 7 diwrnod gwaith ar ôl Dydd Iau 28 Mawrth 2024 yn ôl "
        "calendr england-and-wales.",
    ]
    assert "  2024-03-29 Dydd Gwener  Gwener y Groglith" in counted.output
    none = runner.invoke(main, ["deadlines", "--ruleset", "wales", "--language", "cy"])
    assert none.output.strip() == "Nid oes dyddiadau dyledus yn dilyn o'r digwyddiadau a roddwyd."


def test_the_welsh_worklist_names_its_calendar_in_welsh() -> None:
    sample = SRC / "data" / "sample_conferences.csv"
    args = ["due", str(sample), "--as-of", "2024-12-01", "--ruleset", "conwy", "--use-overlay"]
    english = CliRunner().invoke(main, args)
    welsh = CliRunner().invoke(main, [*args, "--language", "cy"])
    assert english.exit_code == welsh.exit_code == 0, welsh.output
    assert "Working days: the england-and-wales calendar with the local overlay" in english.output
    last = welsh.output.splitlines()[-1]
    assert last.startswith(
        "Diwrnodau gwaith: calendr england-and-wales gyda'r troshaen leol 'Conwy Christmas "
        "closure' ("
    )
    assert last.endswith(
        "nid yw ei dyddiau cau yn ddiwrnodau gwaith. Dyddiau cau yn y cyfnod (1): "
        "2024-12-27 Christmas closure (typical council closure; UNCONFIRMED for Conwy)."
    )


@pytest.mark.parametrize("output_format", ["text", "html"])
def test_the_unit_report_names_its_calendar_in_its_language(output_format: str) -> None:
    args = ["report", "--ruleset", "conwy", "--unit", "--format", output_format]
    english = CliRunner().invoke(main, args)
    welsh = CliRunner().invoke(main, [*args, "--language", "cy"])
    assert english.exit_code == welsh.exit_code == 0, welsh.output
    assert "Working days: the england-and-wales calendar, weekends and bank holidays only" in (
        english.output
    )
    sentence = "Diwrnodau gwaith: calendr england-and-wales, penwythnosau a gwyliau banc yn unig"
    assert sentence in welsh.output
    assert "Working days:" not in welsh.output


def unfold(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n ", "")


def test_the_diary_file_speaks_welsh() -> None:
    data = SRC / "data"
    args = ["due", str(data / "sample_conferences.csv"), "--as-of", "2024-12-01", "--ruleset",
            "conwy", "--adults", str(data / "sample_adult_enquiries.csv"), "--format", "ics"]  # fmt: skip
    english = CliRunner().invoke(main, args)
    welsh = CliRunner().invoke(main, [*args, "--language", "cy"])
    assert english.exit_code == welsh.exit_code == 0, welsh.output
    cy = unfold(welsh.output)
    assert "SUMMARY:HWYR: Ymholiad diogelu oedolyn wedi'i gwblhau: ymholiad ENQ-076 (oedolyn " in cy
    assert "DESCRIPTION:o fewn 7 diwrnod gwaith ar ôl derbyn yr hysbysiad" in cy
    assert (
        "cyfrifwyd yn ôl calendr england-and-wales\\, penwythnosau a gwyliau banc yn unig. "
        "Oedolyn: A0063." in cy
    )
    en = unfold(english.output)
    assert "SUMMARY:OVERDUE: Adult safeguarding enquiry (s126) completed: enquiry ENQ-076" in en

    # The same events, with the same ids and dates, in either language.
    def uids(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith(("UID:", "DTSTART"))]

    assert uids(en) == uids(cy)


def test_quoracy_reasons_in_welsh() -> None:
    sample = SRC / "data" / "sample_attendance.csv"
    english = CliRunner().invoke(main, ["quoracy", str(sample), "--ruleset", "conwy"])
    welsh = CliRunner().invoke(
        main, ["quoracy", str(sample), "--ruleset", "conwy", "--language", "cy"]
    )
    assert english.exit_code == welsh.exit_code == 0, welsh.output
    assert english.output.startswith("111 of 137 conference(s) quorate under 'conwy'.")
    assert welsh.output.startswith("Cynadleddau â chworwm o dan 'conwy': 111 o 137.")
    assert "Cynhadledd ICPC-001: NID oedd cworwm (NOT quorate), o dan set reolau 'conwy'" in (
        welsh.output
    )
    assert "  gp: cymerodd ran (wyneb yn wyneb) (grwpiad 'health')" in welsh.output
    assert "  health_visitor: mae grwpiad 'health' eisoes wedi'i gyfrif" in welsh.output
    assert "Yn brin: grwpiadau wedi'u cyfrif: 2; mae angen o leiaf 3" in welsh.output


@pytest.mark.parametrize("language", ["en", "cy"])
def test_weekday_columns_align(language: str) -> None:
    t = translator(language)
    widths = {len(t.weekday(dt.date(2024, 1, day))) for day in range(1, 8)}
    assert len(widths) == 1
