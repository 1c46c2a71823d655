"""Golden deadlines per rule set and edition, including both sides of edition changes.

Each expected date was counted by hand from the calendar (weekends and the division's bank
holidays, GOV.UK lists) and the rule's source, both named beside the case.
"""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import (
    CaseEvents,
    CaseEventsError,
    Conference,
    ConferenceType,
    Counting,
    Deadline,
    NoEditionInForceError,
    StrategyDiscussion,
    load_rule_sets,
)

D = dt.date
RULE_SETS = load_rule_sets()


def due(rule_set: str, events: CaseEvents, rule_id: str, **options: object) -> Deadline:
    found = [d for d in RULE_SETS[rule_set].deadlines(events, **options) if d.rule.id == rule_id]  # type: ignore[arg-type]
    assert len(found) == 1, [d.rule.id for d in RULE_SETS[rule_set].deadlines(events)]
    return found[0]


def sds(*dates: dt.date, initiating: dt.date | None = None) -> CaseEvents:
    return CaseEvents(
        strategy_discussions=[
            StrategyDiscussion(date=day, initiated_enquiry=day == initiating) for day in dates
        ]
    )


# -- England: which strategy discussion counts --------------------------------------------------


def test_england_wt2013_counts_from_the_last_strategy_discussion() -> None:
    # WT 2013 ch.1: "or the last strategy discussion if more than one has been held".
    # Wed 11 Jun 2014 + 15 working days (no bank holidays) = Wed 2 Jul 2014.
    deadline = due("england", sds(D(2014, 6, 2), D(2014, 6, 11), initiating=D(2014, 6, 2)), "icpc")
    assert deadline.due == D(2014, 7, 2)
    assert deadline.start == D(2014, 6, 11)
    assert deadline.rule.edition.id == "wt2013"
    assert "last strategy discussion" in deadline.explain()


def test_england_wt2015_counts_from_the_initiating_strategy_discussion() -> None:
    # WT 2015 ch.1: "the strategy discussion at which section 47 enquiries were initiated".
    # Mon 1 Jun 2015 + 15 working days = Mon 22 Jun 2015.
    deadline = due("england", sds(D(2015, 6, 1), D(2015, 6, 10), initiating=D(2015, 6, 1)), "icpc")
    assert deadline.due == D(2015, 6, 22)
    assert deadline.start == D(2015, 6, 1)
    assert deadline.rule.edition.id == "wt2015"


@pytest.mark.parametrize(
    ("first", "expected_edition", "expected_start", "expected_due"),
    [
        # Day before WT 2015 (26 Mar 2015): WT 2013, from the last SD (Mon 30 Mar);
        # Good Friday 3 Apr and Easter Monday 6 Apr skipped: Wed 22 Apr 2015.
        (D(2015, 3, 25), "wt2013", D(2015, 3, 30), D(2015, 4, 22)),
        # First day of WT 2015: from the initiating SD (Thu 26 Mar): Mon 20 Apr 2015.
        (D(2015, 3, 26), "wt2015", D(2015, 3, 26), D(2015, 4, 20)),
    ],
)
def test_england_either_side_of_wt2015(
    first: dt.date, expected_edition: str, expected_start: dt.date, expected_due: dt.date
) -> None:
    deadline = due("england", sds(first, D(2015, 3, 30), initiating=first), "icpc")
    assert deadline.rule.edition.id == expected_edition
    assert deadline.start == expected_start
    assert deadline.due == expected_due
    # WT 2015's start is confirmed (C2, published 26 March 2015): no edition doubt either side.
    assert not deadline.edition_uncertain
    assert "UNCONFIRMED edition boundary" not in deadline.explain()


@pytest.mark.parametrize(
    ("sd", "edition", "expected"),
    [
        (D(2018, 7, 3), "wt2015", D(2018, 7, 24)),  # Tue 3 Jul 2018 + 15 WD
        (D(2018, 7, 4), "wt2018", D(2018, 7, 25)),  # WT 2018 from 4 Jul 2018 (C2)
        (D(2023, 12, 14), "wt2018", D(2024, 1, 9)),  # 25, 26 Dec and 1 Jan skipped
        (D(2023, 12, 15), "wt2023", D(2024, 1, 10)),  # WT 2023 from 15 Dec 2023 (C2)
    ],
)
def test_england_either_side_of_confirmed_editions(
    sd: dt.date, edition: str, expected: dt.date
) -> None:
    deadline = due("england", sds(sd), "icpc")
    assert deadline.rule.edition.id == edition
    assert deadline.due == expected
    assert not deadline.edition_uncertain  # 2018 and 2023 start dates are C2


def test_england_several_discussions_and_none_marked_is_refused_from_2015() -> None:
    with pytest.raises(CaseEventsError, match="none is marked"):
        RULE_SETS["england"].deadlines(sds(D(2016, 1, 4), D(2016, 1, 11)))


def test_worked_example_under_day1_reproduces_cin_validator() -> None:
    # peers.md: csc-validator-be-cin's target is CustomBusinessDay(n=14) from the start,
    # one working day before ours: 2023-05-18 instead of 2023-05-19.
    events = sds(D(2023, 4, 26))
    assert due("england", events, "icpc").due == D(2023, 5, 19)
    day1 = due("england", events, "icpc", counting=Counting.EVENT_DAY_IS_DAY_1)
    assert day1.due == D(2023, 5, 18)
    assert "day 1" in day1.explain()


# -- England: reviews, core group, assessments, looked-after reviews, care proceedings --------


@pytest.mark.parametrize(
    ("icpc", "first_review"),
    [
        (D(2015, 1, 8), D(2015, 4, 8)),
        (D(2023, 11, 30), D(2024, 2, 29)),  # clamped to month end, leap year
        (D(2022, 11, 30), D(2023, 2, 28)),  # clamped to month end
    ],
)
def test_england_first_review_in_calendar_months(icpc: dt.date, first_review: dt.date) -> None:
    deadline = due("england", CaseEvents(initial_conference=icpc), "first_review")
    assert deadline.due == first_review
    assert "clamped" in deadline.explain()


def test_england_first_core_group_10_working_days() -> None:
    # ICPC Thu 8 Jan 2015 + 10 WD = Thu 22 Jan 2015 (WT; Norfolk, Liverpool).
    assert due(
        "england", CaseEvents(initial_conference=D(2015, 1, 8)), "first_core_group"
    ).due == D(2015, 1, 22)


def test_england_assessments_change_in_2013() -> None:
    # WT 2010: initial assessment within 10 WD of referral; WT 2013: single assessment 45 WD.
    before = RULE_SETS["england"].deadlines(CaseEvents(referral=D(2012, 1, 9)))
    assert {d.rule.id for d in before} == {"referral_decision", "initial_assessment"}
    assert next(d for d in before if d.rule.id == "initial_assessment").due == D(2012, 1, 23)
    after = RULE_SETS["england"].deadlines(CaseEvents(referral=D(2016, 1, 11)))
    assert {d.rule.id for d in after} == {"referral_decision", "single_assessment"}
    # Mon 11 Jan 2016 + 45 WD: 9 weeks exactly, no bank holidays: Mon 14 Mar 2016.
    assert next(d for d in after if d.rule.id == "single_assessment").due == D(2016, 3, 14)


def test_england_looked_after_first_review_either_side_of_april_2011() -> None:
    # CPPCR 2010 reg 33 (from 1 Apr 2011): 20 WD. From Fri 1 Apr 2011, skipping Good Friday
    # (22 Apr), Easter Monday (25 Apr), the royal wedding (29 Apr) and 2 May: Thu 5 May 2011.
    new = due("england", CaseEvents(became_looked_after=D(2011, 4, 1)), "lac_first_review")
    assert new.due == D(2011, 5, 5)
    assert new.rule.edition.id == "cppcr2010"
    assert [d.day for d in new.skipped if d.kind == "bank_holiday"] == [
        D(2011, 4, 22),
        D(2011, 4, 25),
        D(2011, 4, 29),
        D(2011, 5, 2),
    ]
    # Review of Children's Cases Regulations 1991 (an Oxfordshire glossary, C2): 4 weeks.
    old = due("england", CaseEvents(became_looked_after=D(2011, 3, 31)), "lac_first_review")
    assert old.due == D(2011, 4, 28)
    assert old.rule.edition.id == "rcc1991"
    assert not old.unconfirmed


def test_england_care_proceedings_26_weeks_beginning_with_issue() -> None:
    # CA 1989 s32(1)(a)(ii): "within twenty-six weeks beginning with the day on which the
    # application was issued": issued Tue 22 Apr 2014, the period ends Mon 20 Oct 2014.
    deadline = due("england", CaseEvents(application_issued=D(2014, 4, 22)), "care_proceedings")
    assert deadline.due == D(2014, 10, 20)
    assert deadline.counting is Counting.EVENT_DAY_IS_DAY_1
    # The statute fixes the convention whatever the caller asks for.
    same = due(
        "england",
        CaseEvents(application_issued=D(2014, 4, 22)),
        "care_proceedings",
        counting=Counting.EVENT_DAY_IS_DAY_0,
    )
    assert same.due == D(2014, 10, 20)
    # Before the 2014 Act there was no statutory limit: no deadline.
    earlier = RULE_SETS["england"].deadlines(CaseEvents(application_issued=D(2014, 4, 1)))
    assert earlier == ()


def test_england_refuses_events_before_its_first_edition() -> None:
    with pytest.raises(NoEditionInForceError, match="covers events from 2006-04-01"):
        RULE_SETS["england"].deadlines(sds(D(2006, 3, 31)))


# -- Wales -------------------------------------------------------------------------------------


def test_wales_icpc_from_initial_strategy_discussion() -> None:
    # Conwy: "Date to be 15 working days from initial strategy discussion"; AWCPP 2008 era.
    deadline = due("wales", sds(D(2014, 12, 15)), "icpc")
    assert deadline.due == D(2015, 1, 8)
    assert deadline.rule.edition.id == "awcpp2008"
    assert deadline.unconfirmed  # AWCPP 2008 values are beliefs


@pytest.mark.parametrize("initiating", [None, D(2024, 3, 1), D(2024, 3, 8)])
def test_wales_procedures_count_from_the_last_strategy_discussion(
    initiating: dt.date | None,
) -> None:
    # WSP s.3 pt 2 p4: "within 15 working days of the last strategy discussion/meeting".
    # Discussions Fri 1 and Fri 8 March 2024: from 8 March, 15 working days skip Good Friday
    # (29 March) and Easter Monday (1 April 2024): Tuesday 2 April 2024. (Issue 28 said 29
    # March, which is Good Friday.) Which one initiated the enquiries does not matter.
    deadline = due("wales", sds(D(2024, 3, 1), D(2024, 3, 8), initiating=initiating), "icpc")
    assert deadline.start == D(2024, 3, 8)
    assert deadline.due == D(2024, 4, 2)
    assert deadline.rule.edition.id == "wsp2019"
    assert deadline.rule.confidence.value == "C1"
    assert not deadline.unconfirmed
    assert "last strategy discussion" in deadline.explain()
    assert [day.reason for day in deadline.skipped if day.kind == "bank_holiday"] == [
        "Good Friday",
        "Easter Monday",
    ]


def test_wales_icpc_either_side_of_the_wales_safeguarding_procedures() -> None:
    # The first discussion chooses the edition (rules.deadlines). WSP from Mon 11 Nov 2019
    # (CYSUR, C1). A second discussion on Thu 14 Nov 2019; no bank holidays until 25 Dec.
    # Day before, Sun 10 Nov: AWCPP 2008, from the initiating discussion: Fri 29 Nov 2019.
    before = due("wales", sds(D(2019, 11, 10), D(2019, 11, 14), initiating=D(2019, 11, 10)), "icpc")
    assert (before.rule.edition.id, before.start, before.due) == (
        "awcpp2008",
        D(2019, 11, 10),
        D(2019, 11, 29),
    )
    # ... and with neither marked, AWCPP refuses to guess which one initiated the enquiries.
    with pytest.raises(CaseEventsError, match="none is marked"):
        RULE_SETS["wales"].deadlines(sds(D(2019, 11, 10), D(2019, 11, 14)))
    # Day of, Mon 11 Nov: WSP, from the last discussion (14 Nov): Thu 5 Dec 2019, marked or not.
    for initiating in (D(2019, 11, 11), None):
        after = due("wales", sds(D(2019, 11, 11), D(2019, 11, 14), initiating=initiating), "icpc")
        assert (after.rule.edition.id, after.start, after.due) == (
            "wsp2019",
            D(2019, 11, 14),
            D(2019, 12, 5),
        )


def test_wales_icpc_explains_last_in_welsh_where_english_says_last() -> None:
    from safeguarding_rules.reports.i18n import translator

    deadline = due("wales", sds(D(2024, 3, 1), D(2024, 3, 8)), "icpc")
    english = deadline.explain()
    welsh = translator("cy").explain(deadline.explanation())
    assert "within 15 working days of the last strategy discussion held" in english
    # 'olaf' is 'last'; the WSP's Welsh page uses 'ddiwethaf' (both: the last one held).
    assert "o fewn 15 diwrnod gwaith ar ôl y drafodaeth strategaeth olaf a gynhaliwyd" in welsh
    assert "lle dechreuwyd yr ymholiadau" not in welsh  # not 'at which enquiries were initiated'


def test_wales_outline_plan_exists_only_under_wales_safeguarding_procedures() -> None:
    # WSP published 11 November 2019 (CYSUR); the day before is still AWCPP 2008.
    before = RULE_SETS["wales"].deadlines(CaseEvents(initial_conference=D(2019, 11, 8)))
    assert "outline_plan" not in {d.rule.id for d in before}
    # WSP s.3 pt 2 p11: within 5 WD. Fri 15 Nov 2019 + 5 WD = Fri 22 Nov 2019.
    after = due("wales", CaseEvents(initial_conference=D(2019, 11, 15)), "outline_plan")
    assert after.due == D(2019, 11, 22)
    assert after.rule.confidence.value == "C1"


def test_wales_refuses_events_before_april_2008() -> None:
    with pytest.raises(NoEditionInForceError):
        RULE_SETS["wales"].deadlines(sds(D(2008, 3, 31)))


# -- Scotland ----------------------------------------------------------------------------------


def test_scotland_2014_to_2021_change_in_calendar_days() -> None:
    # 2014 guidance App. C: 21 calendar days; 2021 guidance App. D: 28 calendar days.
    # The 2021 guidance was published on 2 September 2021 (CELCIS).
    old = due("scotland", CaseEvents(concern_notified=D(2021, 8, 31)), "initial_conference")
    assert (old.due, old.rule.edition.id) == (D(2021, 9, 21), "ngcps2014")
    new = due("scotland", CaseEvents(concern_notified=D(2021, 9, 3)), "initial_conference")
    assert (new.due, new.rule.edition.id) == (D(2021, 10, 1), "ngcps2021")
    assert new.skipped == ()  # calendar days: nothing is skipped


def test_scotland_due_date_on_a_bank_holiday_is_flagged_not_moved() -> None:
    # 2021 guidance: first review within 6 months; 15 Oct 2021 + 6 months = Good Friday 2022.
    deadline = due("scotland", CaseEvents(initial_conference=D(2021, 10, 15)), "first_review")
    assert deadline.due == D(2022, 4, 15)
    assert not deadline.due_is_working_day
    assert deadline.due_non_working_reason == "Good Friday"
    assert "not moved" in deadline.explain()


# -- Guernsey: report deadlines counted back (seed 003) ------------------------------------------


def test_guernsey_initial_conference_report_deadlines() -> None:
    # Initial conference Fri 12 May 2023; Liberation Day (9 May) and the coronation (8 May)
    # are Guernsey holidays. 4/3/2/1 working days before (seed 003, HSC 'Reports to Conference').
    events = CaseEvents(conference=Conference(type=ConferenceType.INITIAL, date=D(2023, 5, 12)))
    found = {d.rule.id: d for d in RULE_SETS["guernsey"].deadlines(events)}
    assert found["initial_report_to_manager"].due == D(2023, 5, 4)
    assert found["initial_report_countersigned"].due == D(2023, 5, 5)
    assert found["initial_report_to_parents"].due == D(2023, 5, 10)
    assert found["initial_report_to_chair"].due == D(2023, 5, 11)
    # The ISCP flowchart's 48 hours ended with the flowchart on 31 December 2017.
    assert "iscp_reports_to_parents_and_chair" not in found
    assert not any(rule_id.startswith("review_") for rule_id in found)
    assert all(found[r].unconfirmed for r in found if r.startswith("initial_report"))


def test_guernsey_review_conference_report_deadlines() -> None:
    # Review conference Fri 12 May 2023: 15/10/5/5 working days before (seed 003), skipping
    # 9 May, 8 May and May Day (1 May 2023).
    events = CaseEvents(conference=Conference(type=ConferenceType.REVIEW, date=D(2023, 5, 12)))
    found = {d.rule.id: d.due for d in RULE_SETS["guernsey"].deadlines(events)}
    assert found["review_report_to_manager"] == D(2023, 4, 18)
    assert found["review_report_countersigned"] == D(2023, 4, 25)
    assert found["review_report_to_parents"] == D(2023, 5, 3)
    assert found["review_report_to_chair"] == D(2023, 5, 3)


def test_guernsey_encodes_both_initial_conference_timescales() -> None:
    found = {d.rule.id: d.due for d in RULE_SETS["guernsey"].deadlines(sds(D(2016, 3, 15)))}
    # HSC: 15 WD from Tue 15 Mar 2016, skipping Good Friday 25 Mar and Easter Monday 28 Mar.
    assert found["icpc"] == D(2016, 4, 7)
    # ISCP flowchart: 10 (working) days.
    assert found["icpc_iscp"] == D(2016, 3, 31)


# -- Isle of Man and Northern Ireland ------------------------------------------------------------


def test_isle_of_man_counts_from_the_last_strategy_discussion() -> None:
    # IoM glossary: "or the last strategy discussion if more than one has been held".
    deadline = due("isle-of-man", sds(D(2024, 1, 8), D(2024, 1, 15)), "icpc")
    assert deadline.start == D(2024, 1, 15)
    assert deadline.due == D(2024, 2, 5)


def test_northern_ireland_values_are_marked_unconfirmed_everywhere() -> None:
    deadline = due("northern-ireland", sds(D(2024, 3, 11)), "icpc")
    # St Patrick's Day substitute (Mon 18 Mar 2024), Good Friday and Easter Monday skipped.
    assert deadline.due == D(2024, 4, 4)
    assert deadline.unconfirmed
    assert deadline.explain().startswith("UNCONFIRMED")
