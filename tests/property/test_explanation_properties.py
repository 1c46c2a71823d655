"""Properties of explanations in any language: the Welsh says what the English says.

For any deadline of any built-in rule set, and any working-day count: the English rendering
of the structured lines is ``explain()`` itself; the Welsh rendering has the same lines, in
the same order, with the same ISO dates, ids and numbers the English gives, with Welsh month
names (Babel's CLDR data), and with no English template left untranslated.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_rules import Counting, Deadline, Rule, calendar_for, load_rule_sets
from safeguarding_rules._explain import Explanation, messages
from safeguarding_rules.reports.i18n import translator

RULE_SETS = load_rule_sets()
ALL_RULES = [(rs, rule) for rs in RULE_SETS.values() for rule in rs.rules]
EN, CY = translator("en"), translator("cy")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@st.composite
def rule_and_start(draw: st.DrawFn) -> tuple[str, Rule, dt.date]:
    rule_set, rule = draw(st.sampled_from(ALL_RULES))
    first = max(rule.edition.effective_from, dt.date(2006, 6, 1))
    last = min(rule.edition.effective_to or dt.date(2029, 12, 31), dt.date(2029, 12, 31))
    return rule_set.name, rule, draw(st.dates(min_value=first, max_value=last))


def assert_welsh_matches_english(explanation: Explanation, english: str) -> None:
    welsh = CY.explain(explanation)
    assert EN.explain(explanation) == english
    assert len(welsh.splitlines()) == len(english.splitlines())
    for en_line, cy_line in zip(english.splitlines(), welsh.splitlines(), strict=True):
        # The same dates (ISO), in the same order, and the same indentation.
        assert ISO.findall(en_line) == ISO.findall(cy_line), (en_line, cy_line)
        assert len(en_line) - len(en_line.lstrip()) == len(cy_line) - len(cy_line.lstrip())
    # Every template has a Welsh entry (the catalogue returns the id itself when it has none;
    # a layout with no words is the same in both languages).
    for message in messages(explanation):
        words = re.sub(r"\{[a-z_]+\}", "", message)
        assert CY.gettext(message) != message or not re.search(r"[a-z]{3}", words), message


@given(rule_and_start(), st.sampled_from(Counting))
def test_a_deadline_explains_itself_in_welsh(
    case: tuple[str, Rule, dt.date], counting: Counting
) -> None:
    rule_set, rule, start = case
    calendar = calendar_for(RULE_SETS[rule_set].division)
    deadline = Deadline.compute(rule, start, calendar, rule_set=rule_set, counting=counting)
    assert_welsh_matches_english(deadline.explanation(), deadline.explain())
    welsh = CY.explain(deadline.explanation())
    assert format_date(deadline.due, "d MMMM y", locale="cy") in welsh  # Welsh month name
    assert welsh.startswith("UNCONFIRMED") == deadline.unconfirmed


@given(
    st.dates(min_value=dt.date(2006, 3, 15), max_value=dt.date(2030, 10, 15)),
    st.integers(min_value=-40, max_value=40),
)
def test_a_working_day_count_explains_itself_in_welsh(start: dt.date, n: int) -> None:
    counted = calendar_for("wales").count(start, n)
    assert_welsh_matches_english(counted.explanation(), counted.explain())
    welsh = CY.explain(counted.explanation())
    assert welsh.startswith(format_date(counted.result, "EEEE d MMMM y", locale="cy"))
