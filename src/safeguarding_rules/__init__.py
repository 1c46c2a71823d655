"""UK child-protection procedures as tested, explainable code.

Start with :func:`calendar_for`, which returns the working-day calendar of a UK division or
Crown dependency::

    >>> import datetime as dt
    >>> from safeguarding_rules import calendar_for
    >>> cal = calendar_for("england-and-wales")
    >>> cal.add_working_days(dt.date(2014, 12, 15), 15)
    datetime.date(2015, 1, 8)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._dates import add_months, add_weeks, parse_date
from ._errors import (
    CalendarRangeError,
    OverlayError,
    SafeguardingRulesError,
    UnknownDivisionError,
    UnsupportedHolidaySourceError,
)
from .calendar import (
    COVERAGE_END,
    COVERAGE_START,
    DIVISIONS,
    PROVISIONAL_FROM,
    Division,
    LocalOverlay,
    NonWorkingDay,
    WorkingDayCalendar,
    WorkingDayCount,
    calendar_for,
    division_for,
)
from .plugins import (
    BUILTIN_PLUGINS,
    RuleSetConflictError,
    RuleSetRegistry,
    RuleSets,
    UnknownRuleSetError,
    get_plugin_manager,
    hookimpl,
    load_rule_sets,
)
from .reports.serialise import to_data
from .rulefile import RuleFileError, load_rule_file, parse_rule_file
from .rules import (
    ADULT_RULE_IDS,
    AGENCIES,
    MAX_QUOTE_WORDS,
    MISSING_RULE_IDS,
    UK_TIME,
    VOCABULARY,
    AdultEnquiryEvents,
    Agency,
    AgencyDecision,
    Aliases,
    AliasRegistry,
    Attendance,
    AttendanceMode,
    CaseEvents,
    CaseEventsError,
    Child,
    CodeList,
    Conference,
    ConferenceType,
    Confidence,
    Counting,
    CountingUnit,
    Deadline,
    Direction,
    Edition,
    Enquiry,
    EnquiryKind,
    Evidence,
    Family,
    FieldError,
    LocalRuleSet,
    MissingEpisodeEvents,
    NoEditionInForceError,
    NotEncoded,
    Period,
    QuorumError,
    QuorumResult,
    QuorumRule,
    ReportingPolicy,
    Rule,
    RuleSet,
    RuleSetDefinitionError,
    StartEvent,
    StrategyDiscussion,
    UnconfirmedItem,
    Unit,
    UnrecognisedAgencyError,
    Vocabulary,
    VocabularyError,
    adult_deadlines,
    compute_deadlines,
    editions_chain,
    evaluate_quorum,
    evidence_problems,
    finding_for,
    hours_due_at,
    normalise,
    return_interview_deadline,
    unconfirmed_items,
    unrecognised_names,
)

try:
    __version__ = version("safeguarding-rules")
except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
    __version__ = "0.0.0"

#: Decorator marking a plugin's hook implementations; plugin authors write
#: ``from safeguarding_rules import hookimpl``.
hookimpl = hookimpl


def get_rule_set(name: str) -> RuleSet:
    """Load the installed rule sets and return the one called ``name``.

    Builds a fresh plugin manager each call; to look up several, use :func:`load_rule_sets`.

    :raises UnknownRuleSetError: naming the value and the installed rule sets.
    """
    return load_rule_sets()[name]


__all__ = [
    "ADULT_RULE_IDS",
    "AGENCIES",
    "BUILTIN_PLUGINS",
    "COVERAGE_END",
    "COVERAGE_START",
    "DIVISIONS",
    "MAX_QUOTE_WORDS",
    "MISSING_RULE_IDS",
    "PROVISIONAL_FROM",
    "UK_TIME",
    "VOCABULARY",
    "AdultEnquiryEvents",
    "Agency",
    "AgencyDecision",
    "AliasRegistry",
    "Aliases",
    "Attendance",
    "AttendanceMode",
    "CalendarRangeError",
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
    "Direction",
    "Division",
    "Edition",
    "Enquiry",
    "EnquiryKind",
    "Evidence",
    "Family",
    "FieldError",
    "LocalOverlay",
    "LocalRuleSet",
    "MissingEpisodeEvents",
    "NoEditionInForceError",
    "NonWorkingDay",
    "NotEncoded",
    "OverlayError",
    "Period",
    "QuorumError",
    "QuorumResult",
    "QuorumRule",
    "ReportingPolicy",
    "Rule",
    "RuleFileError",
    "RuleSet",
    "RuleSetConflictError",
    "RuleSetDefinitionError",
    "RuleSetRegistry",
    "RuleSets",
    "SafeguardingRulesError",
    "StartEvent",
    "StrategyDiscussion",
    "UnconfirmedItem",
    "Unit",
    "UnknownDivisionError",
    "UnknownRuleSetError",
    "UnrecognisedAgencyError",
    "UnsupportedHolidaySourceError",
    "Vocabulary",
    "VocabularyError",
    "WorkingDayCalendar",
    "WorkingDayCount",
    "__version__",
    "add_months",
    "add_weeks",
    "adult_deadlines",
    "calendar_for",
    "compute_deadlines",
    "division_for",
    "editions_chain",
    "evaluate_quorum",
    "evidence_problems",
    "finding_for",
    "get_plugin_manager",
    "get_rule_set",
    "hookimpl",
    "hours_due_at",
    "load_rule_file",
    "load_rule_sets",
    "normalise",
    "parse_date",
    "parse_rule_file",
    "return_interview_deadline",
    "to_data",
    "unconfirmed_items",
    "unrecognised_names",
]
