"""Rules, case events, deadlines, quoracy and rule sets: the layer above the calendar.

* :mod:`.evidence`: :class:`Evidence`, a short quote from a rule's source.
* :mod:`.model`: the leaf: enums, :class:`Edition`, :class:`Rule`.
* :mod:`.case`: the people and events of a case.
* :mod:`.deadlines`: :class:`Deadline`, a due date that explains itself.
* :mod:`.quoracy`: :class:`QuorumRule` and explained quorum decisions.
* :mod:`.reporting`: an authority's reporting conventions.
* :mod:`.rule_set`: :class:`RuleSet` and :class:`LocalRuleSet`, the facade above deadlines
  and quoracy, and :func:`compute_deadlines`.
* :mod:`.bulk`: the same deadlines over whole columns of dates (numpy).
* :mod:`.vocabulary`: what the names and codes in councils' exports stand for.
* :mod:`.provenance`: what is UNCONFIRMED in a rule set and what is missing to confirm it.
* :mod:`.gaps`: :class:`NotEncoded`, a rule set's finding that it has no timescale.
* :mod:`.families`: adults at risk and return interviews after missing episodes.
"""

from __future__ import annotations

from .case import (
    Agency,
    CaseEvents,
    CaseEventsError,
    Child,
    Conference,
    Enquiry,
    EnquiryKind,
    Family,
    StrategyDiscussion,
)
from .deadlines import BOUNDARY_MARGIN, Deadline, DeadlineSet, NotComputable
from .evidence import MAX_QUOTE_WORDS, Evidence
from .families import (
    ADULT_RULE_IDS,
    MISSING_RULE_IDS,
    UK_TIME,
    AdultEnquiryEvents,
    MissingEpisodeEvents,
    adult_deadlines,
    finding_for,
    hours_due_at,
    return_interview_deadline,
)
from .gaps import NotEncoded
from .model import (
    ConferenceType,
    Confidence,
    Counting,
    Direction,
    Edition,
    FieldError,
    NoEditionInForceError,
    Rule,
    RuleSetDefinitionError,
    StartEvent,
    Unit,
    check_edition_ranges,
    editions_chain,
)
from .provenance import UnconfirmedItem, evidence_problems, unconfirmed_items
from .quoracy import (
    AGENCIES,
    HEALTH_AGENCIES,
    HEALTH_AS_ONE_GROUPING,
    AgencyDecision,
    Attendance,
    AttendanceMode,
    QuorumError,
    QuorumResult,
    QuorumRule,
    UnrecognisedAgencyError,
    evaluate_quorum,
    unrecognised_names,
)
from .reporting import CountingUnit, Period, ReportingPolicy
from .rule_set import LocalRuleSet, RuleSet, compute_deadlines
from .vocabulary import (
    VOCABULARY,
    Aliases,
    AliasRegistry,
    CodeList,
    Vocabulary,
    VocabularyError,
    normalise,
)

__all__ = [
    "ADULT_RULE_IDS",
    "AGENCIES",
    "BOUNDARY_MARGIN",
    "HEALTH_AGENCIES",
    "HEALTH_AS_ONE_GROUPING",
    "MAX_QUOTE_WORDS",
    "MISSING_RULE_IDS",
    "UK_TIME",
    "VOCABULARY",
    "AdultEnquiryEvents",
    "Agency",
    "AgencyDecision",
    "AliasRegistry",
    "Aliases",
    "Attendance",
    "AttendanceMode",
    "CaseEvents",
    "CaseEventsError",
    "Child",
    "CodeList",
    "Conference",
    "ConferenceType",
    "Confidence",
    "Counting",
    "CountingUnit",
    "Deadline",
    "DeadlineSet",
    "Direction",
    "Edition",
    "Enquiry",
    "EnquiryKind",
    "Evidence",
    "Family",
    "FieldError",
    "LocalRuleSet",
    "MissingEpisodeEvents",
    "NoEditionInForceError",
    "NotComputable",
    "NotEncoded",
    "Period",
    "QuorumError",
    "QuorumResult",
    "QuorumRule",
    "ReportingPolicy",
    "Rule",
    "RuleSet",
    "RuleSetDefinitionError",
    "StartEvent",
    "StrategyDiscussion",
    "UnconfirmedItem",
    "Unit",
    "UnrecognisedAgencyError",
    "Vocabulary",
    "VocabularyError",
    "adult_deadlines",
    "check_edition_ranges",
    "compute_deadlines",
    "editions_chain",
    "evaluate_quorum",
    "evidence_problems",
    "finding_for",
    "hours_due_at",
    "normalise",
    "return_interview_deadline",
    "unconfirmed_items",
    "unrecognised_names",
]
