"""Events a file's format cannot record: never due, never overdue, and said so, one way.

An event whose column is not among the columns a file records
(:attr:`~safeguarding_rules.records.ConferenceRecords.recorded`) is "not recorded in this
format" (or, for a file of our own schema, in this file): no figure is given for it and no
row is counted as missing it, since no row could hold it. The indicators that judge such an
event (the first core group, the reports and actions around a conference) say so with the
messages here, by event and by format.
"""

from __future__ import annotations

from typing import Final

from ...records import ConferenceRecords
from ..i18n import N_

__all__ = ["ACTION", "CORE_GROUP", "NOT_RECORDED", "is_recorded", "not_recorded"]

#: The first core group meeting (its column: ``core_group_date``).
CORE_GROUP: Final = "core_group_date"
#: An action done before or after a conference (its column: ``<rule id>_date``).
ACTION: Final = "action"

#: What each event is called in the message for a format with no message of its own.
_NAMES = {CORE_GROUP: "core group date", ACTION: "date for this action"}

#: Why an event is not judged, by event and by each format that may not record it.
NOT_RECORDED: dict[str, dict[str, str]] = {
    CORE_GROUP: {
        "csv": N_("not recorded in this file: it has no core_group_date column"),
        "cin-census": N_(
            "not recorded in this format: a DfE CIN census return has no core group date"
        ),
        "annex-a": N_(
            "not recorded in this format: an Ofsted Annex A workbook has no core group date"
        ),
        "mapped": N_(
            "not recorded in this format: a council export read through its mapping has no "
            "core group date"
        ),
        "ssd": N_(
            "not recorded in this format: the Standard Safeguarding Dataset has no core group date"
        ),
    },
    ACTION: {
        "csv": N_("not recorded in this file: it has no date column for this action"),
        "cin-census": N_(
            "not recorded in this format: a DfE CIN census return has no date for this action"
        ),
        "annex-a": N_(
            "not recorded in this format: an Ofsted Annex A workbook has no date for this action"
        ),
        "mapped": N_("not recorded in this file: its mapping names no date column for this action"),
        "ssd": N_(
            "not recorded in this format: the Standard Safeguarding Dataset has no date for "
            "this action"
        ),
    },
}
for _messages in NOT_RECORDED.values():
    _messages["jsonl"] = _messages["csv"]


def is_recorded(records: ConferenceRecords, column: str) -> bool:
    """Whether the file ``records`` came from records ``column`` at all (if empty in places)."""
    return column in records.recorded


def not_recorded(input_format: str, event: str = CORE_GROUP) -> str:
    """Say that a file of ``input_format`` records no ``event`` (so nothing is overdue)."""
    found = NOT_RECORDED[event].get(input_format)
    if found is not None:
        return found
    return f"not recorded in this format: a {input_format} file has no {_NAMES[event]}"
