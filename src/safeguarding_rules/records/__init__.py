"""Readers: records files into checked columns and objects, every problem located.

* :mod:`.problems`: :class:`InputProblem` and :class:`InputErrors`, which name the file,
  row, column and value.
* :mod:`.source`: :func:`open_input`, a file, standard input (``-``), a pipe or a device.
* :mod:`.rows`: reading CSV and JSON-lines rows, every unreadable row a located problem.
* :mod:`.adults`: adult-at-risk enquiry records, one row per enquiry.
* :mod:`.missing`: missing-episode records, one row per episode (return interviews).
* :mod:`.attendance`: attendance files for quoracy.
* :mod:`.conferences`: a council's conference records, one row per child per conference.
* :mod:`.ssd`: the Standard Safeguarding Dataset, from a council's database or CSV extracts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .adults import ADULT_COLUMNS, AdultEnquiry, AdultEnquiryRecords, read_adult_enquiries
    from .annex_a import read_annex_a
    from .attendance import ATTENDANCE_COLUMNS, ConferenceAttendance, read_attendance
    from .cin_census import CensusRecords, CensusReturn, read_cin_census
    from .conferences import ConferenceRecords, read_conference_records
    from .detect import LoadedRecords, detect_format, read_records, shown
    from .formats import InputFormat
    from .mapping import ColumnMapping, match_headings, read_mapped_records, read_mapping
    from .missing import (
        MISSING_COLUMNS,
        MissingEpisode,
        MissingEpisodeRecords,
        Moment,
        read_missing_episodes,
    )
    from .problems import InputErrors, InputProblem
    from .rows import RowsRead, read_rows, read_table
    from .source import STDIN, InputSource, open_input
    from .ssd import SSDRecords, read_ssd

# Loaded on first use: the workbook reader needs fastexcel, the census reader lxml, and
# a report on a CSV file needs neither.
__getattr__ = lazy_exports(
    __name__,
    globals(),
    {
        ".adults": (
            "ADULT_COLUMNS",
            "AdultEnquiry",
            "AdultEnquiryRecords",
            "read_adult_enquiries",
        ),
        ".annex_a": ("read_annex_a",),
        ".attendance": (
            "ATTENDANCE_COLUMNS",
            "ConferenceAttendance",
            "read_attendance",
        ),
        ".cin_census": (
            "CensusRecords",
            "CensusReturn",
            "read_cin_census",
        ),
        ".conferences": (
            "ConferenceRecords",
            "read_conference_records",
        ),
        ".detect": (
            "LoadedRecords",
            "detect_format",
            "read_records",
            "shown",
        ),
        ".formats": ("InputFormat",),
        ".mapping": (
            "ColumnMapping",
            "match_headings",
            "read_mapped_records",
            "read_mapping",
        ),
        ".missing": (
            "MISSING_COLUMNS",
            "MissingEpisode",
            "MissingEpisodeRecords",
            "Moment",
            "read_missing_episodes",
        ),
        ".problems": (
            "InputErrors",
            "InputProblem",
        ),
        ".rows": (
            "RowsRead",
            "read_rows",
            "read_table",
        ),
        ".source": (
            "STDIN",
            "InputSource",
            "open_input",
        ),
        ".ssd": (
            "SSDRecords",
            "read_ssd",
        ),
    },
)

__all__ = [
    "ADULT_COLUMNS",
    "ATTENDANCE_COLUMNS",
    "MISSING_COLUMNS",
    "STDIN",
    "AdultEnquiry",
    "AdultEnquiryRecords",
    "CensusRecords",
    "CensusReturn",
    "ColumnMapping",
    "ConferenceAttendance",
    "ConferenceRecords",
    "InputErrors",
    "InputFormat",
    "InputProblem",
    "InputSource",
    "LoadedRecords",
    "MissingEpisode",
    "MissingEpisodeRecords",
    "Moment",
    "RowsRead",
    "SSDRecords",
    "detect_format",
    "match_headings",
    "open_input",
    "read_adult_enquiries",
    "read_annex_a",
    "read_attendance",
    "read_cin_census",
    "read_conference_records",
    "read_mapped_records",
    "read_mapping",
    "read_missing_episodes",
    "read_records",
    "read_rows",
    "read_ssd",
    "read_table",
    "shown",
]
