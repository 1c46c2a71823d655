"""Readers: records files into checked columns and objects, every problem located.

* :mod:`.rows`: reading CSV and JSON-lines rows; :class:`InputProblem` and
  :class:`InputErrors`, which name the file, row, column and value.
* :mod:`.attendance`: attendance files for quoracy.
* :mod:`.conferences`: a council's conference records, one row per child per conference.
"""

from __future__ import annotations

from .annex_a import read_annex_a
from .attendance import ATTENDANCE_COLUMNS, ConferenceAttendance, read_attendance
from .cin_census import CensusRecords, CensusReturn, read_cin_census
from .conferences import ConferenceRecords, read_conference_records
from .detect import InputFormat, LoadedRecords, detect_format, read_records
from .mapping import ColumnMapping, match_headings, read_mapped_records, read_mapping
from .rows import InputErrors, InputProblem, read_rows

__all__ = [
    "ATTENDANCE_COLUMNS",
    "CensusRecords",
    "CensusReturn",
    "ColumnMapping",
    "ConferenceAttendance",
    "ConferenceRecords",
    "InputErrors",
    "InputFormat",
    "InputProblem",
    "LoadedRecords",
    "detect_format",
    "match_headings",
    "read_annex_a",
    "read_attendance",
    "read_cin_census",
    "read_conference_records",
    "read_mapped_records",
    "read_mapping",
    "read_records",
    "read_rows",
]
