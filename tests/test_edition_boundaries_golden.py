"""Golden deadlines on the day before and the day of every edition date corrected in issue 20.

Each date was counted by hand from the division's calendar (weekends and GOV.UK bank
holidays, or the Guernsey list) and the rule's source; the edition dates come from the
sources quoted in ``rulesets/_sources.py``:

* Working Together 2010 published 17 March 2010 (DCSF page), not 1 March;
* Wales Safeguarding Procedures published 11 November 2019 (CYSUR), not 1 November;
* Scottish national guidance: 2010 launched by 13 December 2010 (Together), 2014 published
  19 May 2014 (gov.scot), 2021 published 2 September 2021 (CELCIS), not the 1st;
* ISCP flowchart page added 2 December 2015, not 1 December; ended 31 December 2017.
"""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_rules import (
    CaseEvents,
    Conference,
    ConferenceType,
    Deadline,
    NoEditionInForceError,
    StrategyDiscussion,
    load_rule_sets,
)

D = dt.date
RULE_SETS = load_rule_sets()


def found(rule_set: str, events: CaseEvents) -> dict[str, Deadline]:
    return {deadline.rule.id: deadline for deadline in RULE_SETS[rule_set].deadlines(events)}


def conference(day: dt.date) -> CaseEvents:
    return CaseEvents(conference=Conference(type=ConferenceType.INITIAL, date=day))


# -- England: Working Together 2010 from 17 March 2010 ------------------------------------------


def test_england_initial_assessment_day_before_wt2010_is_seven_working_days() -> None:
    # WT 2006 era, 7 WD (Coventry procedures): Tue 16 Mar 2010 + 7 WD = Thu 25 Mar 2010.
    deadline = found("england", CaseEvents(referral=D(2010, 3, 16)))["initial_assessment"]
    assert (deadline.rule.edition.id, deadline.rule.n) == ("wt2006", 7)
    assert deadline.due == D(2010, 3, 25)


def test_england_initial_assessment_from_wt2010_publication_is_ten_working_days() -> None:
    # WT 2010, 10 WD (Community Care 2012): Wed 17 Mar 2010 + 10 WD = Wed 31 Mar 2010,
    # before Good Friday (2 Apr 2010).
    deadline = found("england", CaseEvents(referral=D(2010, 3, 17)))["initial_assessment"]
    assert (deadline.rule.edition.id, deadline.rule.n) == ("wt2010", 10)
    assert deadline.due == D(2010, 3, 31)
    assert not deadline.edition_uncertain  # the 17 March date is confirmed (C1)


# -- Wales: Wales Safeguarding Procedures from 11 November 2019 ---------------------------------


def test_wales_day_before_publication_is_still_awcpp() -> None:
    # Sun 10 Nov 2019: AWCPP 2008 (UNCONFIRMED). First core group 10 WD: Fri 22 Nov 2019.
    day_before = found("wales", CaseEvents(initial_conference=D(2019, 11, 10)))
    assert "outline_plan" not in day_before
    core_group = day_before["first_core_group"]
    assert (core_group.rule.edition.id, core_group.due) == ("awcpp2008", D(2019, 11, 22))
    assert core_group.unconfirmed


def test_wales_from_publication_day_the_procedures_apply() -> None:
    # Mon 11 Nov 2019: WSP. Core group 10 WD (s3 pt2 p13): Mon 25 Nov 2019; outline plan
    # 5 WD (p11): Mon 18 Nov 2019.
    on_the_day = found("wales", CaseEvents(initial_conference=D(2019, 11, 11)))
    core_group = on_the_day["first_core_group"]
    assert (core_group.rule.edition.id, core_group.due) == ("wsp2019", D(2019, 11, 25))
    assert not core_group.unconfirmed
    assert on_the_day["outline_plan"].due == D(2019, 11, 18)


@pytest.mark.parametrize(
    ("notified", "expected"),
    [
        (D(2019, 11, 10), None),  # no transfer-in rule before the WSP
        # WSP chi/c4 p10: 15 WD from Mon 11 Nov 2019 = Mon 2 Dec 2019.
        (D(2019, 11, 11), D(2019, 12, 2)),
    ],
)
def test_wales_transfer_in_conference_within_15_working_days(
    notified: dt.date, expected: dt.date | None
) -> None:
    deadline = found("wales", CaseEvents(transfer_notified=notified)).get("transfer_in_conference")
    assert (deadline.due if deadline else None) == expected


# -- Scotland: 13 December 2010, 19 May 2014 and 2 September 2021 -------------------------------


def test_scotland_refuses_the_day_before_the_2010_guidance() -> None:
    with pytest.raises(NoEditionInForceError):
        RULE_SETS["scotland"].deadlines(CaseEvents(concern_notified=D(2010, 12, 12)))


def test_scotland_2010_guidance_from_13_december_2010() -> None:
    # 21 calendar days from Mon 13 Dec 2010 = Mon 3 Jan 2011 (a Scottish bank holiday:
    # flagged, not moved).
    deadline = found("scotland", CaseEvents(concern_notified=D(2010, 12, 13)))
    initial = deadline["initial_conference"]
    assert (initial.rule.edition.id, initial.due) == ("ngcps2010", D(2011, 1, 3))
    assert not initial.due_is_working_day


def test_scotland_day_before_the_2014_guidance() -> None:
    # Sun 18 May 2014: 2010 guidance, which sets no minutes or plan timescale.
    day_before = found("scotland", conference(D(2014, 5, 18)))
    assert "record_circulated" not in day_before
    assert "plan_circulated" not in day_before


def test_scotland_2014_guidance_minutes_and_plan_from_19_may_2014() -> None:
    # Appendix C: minutes within 15 calendar days (Tue 3 Jun 2014), the plan within 5
    # calendar days (Sat 24 May 2014) of the conference on Mon 19 May 2014.
    on_the_day = found("scotland", conference(D(2014, 5, 19)))
    assert on_the_day["record_circulated"].due == D(2014, 6, 3)
    assert on_the_day["record_circulated"].rule.edition.id == "ngcps2014"
    assert on_the_day["plan_circulated"].due == D(2014, 5, 24)


@pytest.mark.parametrize(
    ("notified", "edition", "expected"),
    [
        # Wed 1 Sep 2021: 2014 guidance, 21 calendar days = Wed 22 Sep 2021.
        (D(2021, 9, 1), "ngcps2014", D(2021, 9, 22)),
        # Thu 2 Sep 2021: 2021 guidance, 28 calendar days = Thu 30 Sep 2021.
        (D(2021, 9, 2), "ngcps2021", D(2021, 9, 30)),
    ],
)
def test_scotland_either_side_of_the_2021_guidance(
    notified: dt.date, edition: str, expected: dt.date
) -> None:
    initial = found("scotland", CaseEvents(concern_notified=notified))["initial_conference"]
    assert (initial.rule.edition.id, initial.due) == (edition, expected)


# -- Guernsey: the ISCP flowchart from 2 December 2015 to 31 December 2017 -----------------------


def discussion(day: dt.date) -> CaseEvents:
    return CaseEvents(strategy_discussions=[StrategyDiscussion(date=day)])


@pytest.mark.parametrize(
    ("held", "expected"),
    [
        (D(2015, 12, 1), None),  # the day before the flowchart page was added
        # Wed 2 Dec 2015 + 10 WD = Wed 16 Dec 2015.
        (D(2015, 12, 2), D(2015, 12, 16)),
        # Sun 31 Dec 2017 + 10 WD, New Year's Day skipped: Mon 15 Jan 2018.
        (D(2017, 12, 31), D(2018, 1, 15)),
        (D(2018, 1, 1), None),  # superseded by the manual's 15 working days
    ],
)
def test_guernsey_iscp_flowchart_in_force_only_from_2015_to_2017(
    held: dt.date, expected: dt.date | None
) -> None:
    deadlines = found("guernsey", discussion(held))
    flowchart = deadlines.get("icpc_iscp")
    assert (flowchart.due if flowchart else None) == expected
    assert deadlines["icpc"].rule.n == 15  # the HSC procedure applies throughout


# -- Isle of Man: review conferences (Isle of Man Safeguarding Board) ----------------------------


def test_isle_of_man_review_conferences_three_then_six_months() -> None:
    first = found("isle-of-man", CaseEvents(initial_conference=D(2024, 1, 31)))["first_review"]
    assert first.due == D(2024, 4, 30)  # 31 Jan + 3 months, clamped to 30 April
    later = found("isle-of-man", CaseEvents(previous_review=D(2024, 2, 29)))
    assert later["subsequent_review"].due == D(2024, 8, 29)


@pytest.mark.parametrize(
    ("held", "edition", "expected"),
    [
        # Wed 1 Sep 2021: 2014 Appendix C, 5 calendar days = Mon 6 Sep 2021.
        (D(2021, 9, 1), "ngcps2014", D(2021, 9, 6)),
        # Thu 2 Sep 2021: 2021 para 3.168, 5 working days = Thu 9 Sep 2021.
        (D(2021, 9, 2), "ngcps2021", D(2021, 9, 9)),
    ],
)
def test_scotland_plan_circulated_either_side_of_the_2021_guidance(
    held: dt.date, edition: str, expected: dt.date
) -> None:
    plan = found("scotland", conference(held))["plan_circulated"]
    assert (plan.rule.edition.id, plan.due) == (edition, expected)


# -- Issue 28: Northern Ireland from 15 December 2017; Scotland's 2023 update -------------------


@pytest.mark.parametrize("held", [D(2017, 11, 28), D(2017, 12, 14)])
def test_northern_ireland_refuses_the_days_before_the_procedures_were_operational(
    held: dt.date,
) -> None:
    # SBNI: launched on 28 November 2017, "operational as of 15 December 2017"; until then the
    # ACPC procedures of April 2005 (not encoded) applied, so nothing is computed.
    with pytest.raises(NoEditionInForceError, match="covers events from 2017-12-15"):
        RULE_SETS["northern-ireland"].deadlines(discussion(held))


def test_northern_ireland_from_the_day_the_procedures_were_operational() -> None:
    # Fri 15 Dec 2017 + 15 working days; Christmas Day, Boxing Day and New Year's Day 2018
    # skipped (GOV.UK northern-ireland): Wed 10 Jan 2018.
    icpc = found("northern-ireland", discussion(D(2017, 12, 15)))["icpc"]
    assert (icpc.rule.edition.id, icpc.due) == ("sbni2017", D(2018, 1, 10))
    assert icpc.rule.edition.effective_from == D(2017, 12, 15)
    assert icpc.unconfirmed  # the SBNI values themselves are still beliefs


@pytest.mark.parametrize(
    ("held", "edition", "confidence", "expected"),
    [
        # Wed 30 Aug 2023: version 1.0, 'within 15 days' (no unit) read as 15 working days,
        # UNCONFIRMED: Wed 20 Sep 2023 (the Scottish summer holiday, 7 Aug, is before).
        (D(2023, 8, 30), "ngcps2021", "UNCONFIRMED", D(2023, 9, 20)),
        # Thu 31 Aug 2023: the 2023 update, Appendix D 15 working days, C1: Thu 21 Sep 2023.
        (D(2023, 8, 31), "ngcps2023", "C1", D(2023, 9, 21)),
    ],
)
def test_scotland_first_core_group_either_side_of_the_2023_update(
    held: dt.date, edition: str, confidence: str, expected: dt.date
) -> None:
    core_group = found("scotland", CaseEvents(initial_conference=held))["first_core_group"]
    assert (core_group.rule.edition.id, core_group.rule.confidence.value) == (edition, confidence)
    assert core_group.due == expected
    assert core_group.unconfirmed == (confidence == "UNCONFIRMED")


@pytest.mark.parametrize(
    ("notified", "edition", "confidence"),
    [(D(2023, 8, 30), "ngcps2021", "C2"), (D(2023, 8, 31), "ngcps2023", "C1")],
)
def test_scotland_appendix_d_values_are_c2_for_version_1(
    notified: dt.date, edition: str, confidence: str
) -> None:
    # 28 calendar days either side: the value is the same, only its confirmation differs.
    initial = found("scotland", CaseEvents(concern_notified=notified))["initial_conference"]
    assert (initial.rule.edition.id, initial.rule.confidence.value) == (edition, confidence)
    assert initial.due == notified + dt.timedelta(days=28)


def test_scotland_2010_initial_conference_is_unconfirmed() -> None:
    # The Moray FOI quoted the requester's 21 days, not the 2010 guidance: nothing confirms it.
    initial = found("scotland", CaseEvents(concern_notified=D(2012, 6, 1)))["initial_conference"]
    assert initial.rule.edition.id == "ngcps2010"
    assert initial.unconfirmed
    assert initial.explain().startswith("UNCONFIRMED")
