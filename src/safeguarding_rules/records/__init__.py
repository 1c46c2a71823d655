"""Readers: records files into checked columns and objects, every problem located.

* :mod:`.rows`: reading CSV and JSON-lines rows; :class:`InputProblem` and
  :class:`InputErrors`, which name the file, row, column and value.
* :mod:`.attendance`: attendance files for quoracy.
* :mod:`.conferences`: a council's conference records, one row per child per conference.
"""

from __future__ import annotations

from .attendance import ATTENDANCE_COLUMNS, ConferenceAttendance, read_attendance
from .conferences import ConferenceRecords, read_conference_records
from .rows import InputErrors, InputProblem, read_rows

__all__ = [
    "ATTENDANCE_COLUMNS",
    "ConferenceAttendance",
    "ConferenceRecords",
    "InputErrors",
    "InputProblem",
    "read_attendance",
    "read_conference_records",
    "read_rows",
]
