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

import typing

from ._lazy import lazy_exports as _lazy_exports

if typing.TYPE_CHECKING:
    # Type checkers see each module's public names (its __all__); at run time the names in
    # _EXPORTS below load on first use. tests/test_startup.py checks that each one is in
    # its module's __all__.
    from ._dates import *
    from ._errors import *
    from .calendar import *
    from .plugin import *
    from .plugin.registry import *
    from .plugins import *
    from .records.detect import *
    from .reports.render import *
    from .reports.report import *
    from .reports.schemas import *
    from .reports.serialise import *
    from .reports.worklist import *
    from .rulefile import *
    from .rules import *

# The public API, written once: each name, under the module it is re-exported from. Names
# load on first use (PEP 562), so that ``import safeguarding_rules`` and the command line's
# ``--help`` do not pay for numpy, pyarrow and the holiday data up front.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "._dates": (
        "add_months",
        "add_weeks",
        "parse_date",
    ),
    "._errors": (
        "CalendarRangeError",
        "OverlayError",
        "SafeguardingRulesError",
        "UnknownDivisionError",
        "UnsupportedHolidaySourceError",
    ),
    ".calendar": (
        "COVERAGE_END",
        "COVERAGE_START",
        "DIVISIONS",
        "PROVISIONAL_FROM",
        "Division",
        "LocalOverlay",
        "NonWorkingDay",
        "WorkingDayCalendar",
        "WorkingDayCount",
        "calendar_for",
        "division_for",
    ),
    ".plugin": ("hookimpl",),
    ".plugin.registry": (
        "RuleSetConflictError",
        "RuleSetRegistry",
        "RuleSets",
        "UnknownRuleSetError",
    ),
    ".plugins": (
        "BUILTIN_PLUGINS",
        "get_plugin_manager",
        "get_rule_set",
        "get_rule_sets",
        "load_rule_sets",
        "reload_rule_sets",
    ),
    ".records.detect": (
        "InputFormat",
        "LoadedRecords",
        "read_records",
    ),
    ".reports.render": (
        "render_csv",
        "render_html",
        "render_text",
    ),
    ".reports.report": (
        "ComplianceReport",
        "build_report",
    ),
    ".reports.schemas": ("json_schema",),
    ".reports.serialise": ("to_data",),
    ".reports.worklist": (
        "DueAction",
        "NotAssessedAction",
        "NotComputableAction",
        "Worklist",
        "due_actions",
    ),
    ".rulefile": (
        "RuleFileError",
        "load_rule_file",
        "parse_rule_file",
    ),
    ".rules": (
        "ADULT_RULE_IDS",
        "AGENCIES",
        "MAX_QUOTE_WORDS",
        "MISSING_RULE_IDS",
        "UK_TIME",
        "VOCABULARY",
        "AdultEnquiryEvents",
        "Agency",
        "AgencyDecision",
        "Aliases",
        "AliasRegistry",
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
    ),
}
_load = _lazy_exports(__name__, globals(), _EXPORTS)


def _api_order(name: str) -> tuple[int, str]:
    """Sort as ruff's RUF022 (isort style): CONSTANTS, then CamelCase, then the rest."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


__all__ = sorted(
    {"__version__", *(name for names in _EXPORTS.values() for name in names)}, key=_api_order
)


def __getattr__(name: str) -> typing.Any:
    """Import a public name from its module on first use, then keep it here."""
    if name != "__version__":
        return _load(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("safeguarding-rules")
    except PackageNotFoundError:  # pragma: no cover - only from an uninstalled tree
        found = "0.0.0"
    globals()[name] = found
    return found


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
