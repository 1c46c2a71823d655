"""Golden deadlines for adults at risk and return interviews (issue 18).

No source gives worked dates, so each case is built from the rule's quoted text (named
beside it; research/issue-18-adults-missing-welsh.md) and the England-and-Wales bank
holidays (GOV.UK), counted by hand: day 0 is the day the report is received (the library's
default; UNCONFIRMED for these rules, as the research says).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from safeguarding_rules import (
    AdultEnquiryEvents,
    Confidence,
    Counting,
    Deadline,
    LocalRuleSet,
    MissingEpisodeEvents,
    Rule,
    StartEvent,
    Unit,
    adult_deadlines,
    finding_for,
    hours_due_at,
    load_rule_sets,
    return_interview_deadline,
    to_data,
)

D = dt.date
RULE_SETS = load_rule_sets()


def adult(rule_set: str, rule_id: str, **events: dt.date) -> Deadline:
    found = adult_deadlines(RULE_SETS[rule_set], AdultEnquiryEvents(**events))
    (deadline,) = (d for d in found if d.rule.id == rule_id)
    return deadline


# WSP adults s.3 pt 1 p6: "within 7 working days of the report/referral"; 7th working day
# after the day of receipt, bank holidays skipped.
@pytest.mark.parametrize(
    ("received", "due", "skipped"),
    [
        (D(2023, 12, 22), D(2024, 1, 5), {D(2023, 12, 25), D(2023, 12, 26), D(2024, 1, 1)}),
        (D(2024, 3, 28), D(2024, 4, 10), {D(2024, 3, 29), D(2024, 4, 1)}),
        (D(2024, 3, 30), D(2024, 4, 10), {D(2024, 4, 1)}),  # Saturday: day 0
        (D(2024, 8, 23), D(2024, 9, 4), {D(2024, 8, 26)}),
    ],
)
@pytest.mark.parametrize("rule_set", ["wales", "conwy"])
def test_wales_s126_enquiry_is_7_working_days_from_the_report(
    rule_set: str, received: dt.date, due: dt.date, skipped: set[dt.date]
) -> None:
    deadline = adult(rule_set, "adult_enquiry", report_received=received)
    assert deadline.due == due
    assert {d.day for d in deadline.skipped if d.kind != "weekend"} == skipped
    assert deadline.rule.confidence is Confidence.C1
    assert deadline.rule.edition.id == "wsp2019"
    assert "7 working day enquiry period will commence" in deadline.explain()


def test_wales_s126_enquiry_before_the_procedures_is_c2_from_6_april_2016() -> None:
    # Gwent-wide board: "normally be completed within 7 working days of the referral" from
    # 6 April 2016 (s126 commencement). Wed 6 Apr 2016 + 7 working days = Fri 15 Apr 2016.
    deadline = adult("wales", "adult_enquiry", report_received=D(2016, 4, 6))
    assert (deadline.due, deadline.rule.edition.id) == (D(2016, 4, 15), "sswba_s126")
    assert deadline.rule.confidence is Confidence.C2
    # The day before, no national enquiry clock: the rule set says so instead.
    before = AdultEnquiryEvents(report_received=D(2016, 4, 5))
    assert "adult_enquiry" not in {d.rule.id for d in adult_deadlines(RULE_SETS["wales"], before)}
    gap = finding_for(RULE_SETS["wales"], "adult_enquiry", D(2016, 4, 5))
    assert gap is not None
    assert "Appropriate timescales" in gap.source


def test_wales_strategy_meeting_counts_from_the_end_of_the_enquiries() -> None:
    # WSP adults p16: "within 7 working days of the conclusion of the s126 enquiries".
    # Wed 10 Apr 2024 + 7 working days = Fri 19 Apr 2024.
    deadline = adult(
        "wales", "adult_strategy", report_received=D(2024, 3, 28), enquiry_concluded=D(2024, 4, 10)
    )
    assert deadline.due == D(2024, 4, 19)
    assert deadline.rule.start_event is StartEvent.ADULT_ENQUIRY_CONCLUDED
    assert deadline.rule.confidence is Confidence.C1
    # Not yet concluded: no strategy deadline yet (the start event is unknown).
    found = adult_deadlines(RULE_SETS["wales"], AdultEnquiryEvents(report_received=D(2024, 3, 28)))
    assert [d.rule.id for d in found] == ["adult_enquiry"]


def test_wales_plan_review_is_at_most_6_weeks_after_the_last_meeting() -> None:
    # WSP adults s.4 p6: "no more than 6-week intervals". Mon 3 Jun 2024 + 6 weeks.
    deadline = adult(
        "wales",
        "adult_plan_review",
        report_received=D(2024, 3, 28),
        previous_plan_meeting=D(2024, 6, 3),
    )
    assert deadline.due == D(2024, 7, 15)
    assert deadline.rule.confidence is Confidence.C1


def test_pova_clocks_are_unconfirmed_and_say_so() -> None:
    # POVA co-ordinator's slides (C2 values): strategy meeting "within 7 days of the
    # referral" (unit UNCONFIRMED, calendar days encoded); discussion "within 48hrs".
    events = {"report_received": D(2012, 5, 1), "previous_plan_meeting": D(2012, 5, 21)}
    meeting = adult("wales", "adult_strategy", **events)
    discussion = adult("wales", "pova_strategy_discussion", **events)
    review = adult("wales", "adult_plan_review", **events)
    assert (meeting.due, discussion.due, review.due) == (
        D(2012, 5, 8),
        D(2012, 5, 3),
        D(2012, 7, 2),
    )
    for deadline in (meeting, discussion, review):
        assert deadline.rule.edition.id == "pova_interim2010"
        assert deadline.unconfirmed
        assert deadline.explain().startswith("UNCONFIRMED")
    # The POVA stages still ran after s126 commenced (until the WSP).
    later = adult("wales", "adult_strategy", report_received=D(2017, 5, 1))
    assert (later.rule.edition.id, later.due) == ("sswba_s126", D(2017, 5, 8))


def test_no_national_adult_clock_before_april_2011_in_wales() -> None:
    events = AdultEnquiryEvents(
        report_received=D(2011, 3, 31), previous_plan_meeting=D(2011, 3, 31)
    )
    assert adult_deadlines(RULE_SETS["wales"], events) == ()
    gap = finding_for(RULE_SETS["wales"], "adult_strategy", D(2011, 3, 31))
    assert gap is not None
    assert "In Safe Hands" in gap.statement


@pytest.mark.parametrize("name", ["england", "bracknell-forest"])
def test_england_has_no_national_s42_number(name: str) -> None:
    rule_set = RULE_SETS[name]
    assert not any(rule.id.startswith("adult") for rule in rule_set.rules)
    events = AdultEnquiryEvents(report_received=D(2024, 3, 28), enquiry_concluded=D(2024, 4, 2))
    assert adult_deadlines(rule_set, events) == ()
    gap = finding_for(rule_set, "adult_enquiry", D(2024, 3, 28))
    assert gap is not None
    assert "no national timescale" in gap.statement
    assert "local rule set" in gap.statement


def test_a_local_rule_set_supplies_the_english_number_and_replaces_the_finding() -> None:
    # Trafford's "within three working days" (a documented local example, not Bracknell's).
    edition = RULE_SETS["england"].rule("return_interview", on=D(2024, 1, 1)).edition
    local = LocalRuleSet(
        name="example",
        title="Example",
        extends="england",
        add=[
            Rule(
                id="adult_enquiry",
                title="Strategy discussion or planning meeting",
                n=3,
                unit=Unit.WORKING_DAYS,
                start_event=StartEvent.ADULT_REPORT_RECEIVED,
                edition=attrs.evolve(edition, id="trafford", title="Trafford APPP"),
                source="traffordappp.co.uk stage 3",
                confidence=Confidence.C1,
            )
        ],
    ).resolve(RULE_SETS["england"])
    assert finding_for(local, "adult_enquiry", D(2024, 3, 28)) is None
    (deadline,) = adult_deadlines(local, AdultEnquiryEvents(report_received=D(2024, 3, 28)))
    assert deadline.due == D(2024, 4, 4)  # Good Friday and Easter Monday skipped


@pytest.mark.parametrize(
    ("name", "where"), [("scotland", "Scotland"), ("northern-ireland", "Northern Ireland")]
)
def test_scotland_and_northern_ireland_encode_nothing_and_say_so(name: str, where: str) -> None:
    rule_set = RULE_SETS[name]
    for rule_id in ("adult_enquiry", "return_interview"):
        gap = finding_for(rule_set, rule_id, D(2024, 1, 1))
        assert gap is not None
        assert gap.confidence is Confidence.UNCONFIRMED
        assert "none is encoded" in gap.statement
    assert where in finding_for(rule_set, "adult_enquiry", D(2024, 1, 1)).statement  # type: ignore[union-attr]
    assert return_interview_deadline(rule_set, MissingEpisodeEvents(returned=D(2024, 1, 1))) is None


# -- Return interviews: 72 hours ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("returned", "due"),
    [
        # Fri 29 Mar 2024 18:00 GMT + 72 h = Mon 1 Apr 18:00 UTC = 19:00 BST (clocks forward).
        (dt.datetime(2024, 3, 29, 18, 0), dt.datetime(2024, 4, 1, 19, 0)),
        # Fri 25 Oct 2024 18:00 BST + 72 h = Mon 28 Oct 17:00 GMT (clocks back).
        (dt.datetime(2024, 10, 25, 18, 0), dt.datetime(2024, 10, 28, 17, 0)),
        # No change of clocks: Tue 24 Dec 2024 09:15 + 72 h, Christmas counted.
        (dt.datetime(2024, 12, 24, 9, 15), dt.datetime(2024, 12, 27, 9, 15)),
    ],
)
@pytest.mark.parametrize("name", ["england", "wales"])
def test_return_interview_is_72_elapsed_hours(
    name: str, returned: dt.datetime, due: dt.datetime
) -> None:
    rule = RULE_SETS[name].rule("return_interview", on=returned.date())
    assert rule.confidence is Confidence.C2
    assert hours_due_at(rule, returned).replace(tzinfo=None) == due


@pytest.mark.parametrize("counting", list(Counting))
def test_return_interview_with_dates_only_is_the_date_plus_3_days(counting: Counting) -> None:
    # Good Friday + 3 days = Easter Monday: not moved, the hours run through it.
    events = MissingEpisodeEvents(returned=D(2024, 3, 29))
    for name, start in (("england", StartEvent.CHILD_RETURNED), ("wales", StartEvent.CHILD_FOUND)):
        deadline = return_interview_deadline(RULE_SETS[name], events)
        assert deadline is not None
        assert deadline.rule.start_event is start
        assert deadline.due == D(2024, 4, 1)
        assert not deadline.due_is_working_day
        text = deadline.explain()
        assert "the hours run through it, so it is not moved" in text
        assert "lenient by less than a day" in text


def test_return_interview_editions_start_where_the_sources_do() -> None:
    # England: the DfE guidance of January 2014; Wales: the practice guide under the WSP.
    for name, day, year in (("england", D(2013, 12, 31), "2014"), ("wales", D(2019, 6, 1), "2011")):
        rule_set = RULE_SETS[name]
        assert return_interview_deadline(rule_set, MissingEpisodeEvents(returned=day)) is None
        gap = finding_for(rule_set, "return_interview", day)
        assert gap is not None
        assert year in gap.statement
    wales = RULE_SETS["wales"].rule("return_interview", on=D(2024, 1, 1))
    assert "not a statutory requirement" in wales.notes


def test_rule_sets_serialise_their_findings() -> None:
    data = to_data(RULE_SETS["england"])
    assert [gap["rule_id"] for gap in data["not_encoded"]] == [
        "adult_enquiry",
        "return_interview",
        "report_to_parents_initial",
        "report_to_chair_initial",
        "report_to_parents_review",
        "report_to_chair_review",
    ]
    assert data["not_encoded"][0]["confidence"] == "C2"
    assert data["not_encoded"][1]["before"] == "2014-01-01"
