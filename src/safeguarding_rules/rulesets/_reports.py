"""Report-sharing deadlines before a conference: set locally in England and Wales.

*Working Together* sets no timescale for sharing reports with parents or sending them to
the chair before a child protection conference, and none was found in the Wales
Safeguarding Procedures pages read; local safeguarding partnership procedures set them (the
project's rules catalogue, section 2: Pan-Sussex, Liverpool, Devon, West Berkshire). The
national rule sets therefore have no rule for them, and say so with a
:class:`~safeguarding_rules.NotEncoded` finding under the rule ids a local rule set uses
(the Bracknell Forest plugin's), so that a local rule set adding those rules replaces the
finding.
"""

from __future__ import annotations

from ..rules import Confidence, NotEncoded

__all__ = ["ENGLAND_FINDINGS", "WALES_FINDINGS"]

#: The rule ids a local rule set adds, with what each times.
REPORT_RULES = (
    ("report_to_parents_initial", "Reports shared with parents (initial conference)"),
    ("report_to_chair_initial", "Reports sent to the chair (initial conference)"),
    ("report_to_parents_review", "Reports shared with parents (review conference)"),
    ("report_to_chair_review", "Reports sent to the chair (review conference)"),
)

_LOCAL_EXAMPLES = (
    "Local safeguarding partnership procedures set it: for example Pan-Sussex, to parents at "
    "least 3 working days before an initial conference and 5 before a review; Liverpool, 2 "
    "and 5 working days; West Berkshire, 48 hours (initial) and 5 working days (review). A "
    "local rule set adds the council's own value with LocalRuleSet(add=[...])."
)

ENGLAND_FINDINGS = tuple(
    NotEncoded(
        rule_id=rule_id,
        title=title,
        statement="Working Together sets no national timescale for sharing reports before "
        f"a child protection conference, so none is encoded. {_LOCAL_EXAMPLES}",
        source="Working Together to Safeguard Children (no report-sharing timescale); rules "
        "catalogue s2, report-sharing timescales from local procedures (Pan-Sussex 5.11, "
        "5.14, 7.11; Liverpool; Devon one-minute guide; West Berkshire handout v.05/10)",
        confidence=Confidence.C2,
    )
    for rule_id, title in REPORT_RULES
)

WALES_FINDINGS = tuple(
    NotEncoded(
        rule_id=rule_id,
        title=title,
        statement="No national timescale for sharing reports before a child protection "
        "conference was found in the Wales Safeguarding Procedures pages read, so none is "
        f"encoded. {_LOCAL_EXAMPLES.replace('for example Pan-Sussex', 'in England, Pan-Sussex')}",
        source="Wales Safeguarding Procedures, section 3 part 2 pages p7, p9, p11, p13 and "
        "chi/c4 p8 (read; no report-sharing timescale found); rules catalogue s3.2",
        confidence=Confidence.UNCONFIRMED,
    )
    for rule_id, title in REPORT_RULES
)
