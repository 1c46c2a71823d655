"""Quorum invariants for every rule set that has a quorum."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import AGENCIES, Attendance, AttendanceMode, load_rule_sets

WITH_QUORUM = [rs for rs in load_rule_sets().values() if rs.quorum is not None]

attendances = st.builds(
    Attendance,
    agency=st.sampled_from([*AGENCIES, "health", "voluntary sector"]),
    mode=st.sampled_from(AttendanceMode),
    direct_contact=st.booleans(),
)


@given(st.sampled_from(WITH_QUORUM), st.lists(attendances, max_size=8), attendances, st.booleans())
def test_adding_an_attendee_never_makes_a_quorate_conference_inquorate(
    rule_set: object, present: list[Attendance], extra: Attendance, fii: bool
) -> None:
    before = rule_set.evaluate_quorum(present, fii=fii)  # type: ignore[attr-defined]
    after = rule_set.evaluate_quorum([*present, extra], fii=fii)  # type: ignore[attr-defined]
    if before.quorate:
        assert after.quorate
    assert set(before.groupings) <= set(after.groupings)


@given(st.sampled_from(WITH_QUORUM), st.lists(attendances, max_size=8))
def test_every_record_is_accounted_for(rule_set: object, present: list[Attendance]) -> None:
    result = rule_set.evaluate_quorum(present)  # type: ignore[attr-defined]
    assert len(result.counted) + len(result.not_counted) == len(present)
    assert result.quorate == (result.shortfalls == ())
    assert len(result.groupings) == len(result.counted)
