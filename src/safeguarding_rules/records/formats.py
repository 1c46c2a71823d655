"""The kinds of file the readers understand.

A module of its own, so that naming them (the command line's ``--input-format`` choices)
loads no reader.
"""

from __future__ import annotations

import enum

__all__ = ["WITHOUT_FAMILY_LINK", "InputFormat"]


class InputFormat(enum.Enum):
    """The kinds of file the readers understand."""

    #: Our own schema, CSV (see :mod:`.conferences`).
    CSV = "csv"
    #: Our own schema, JSON lines.
    JSONL = "jsonl"
    #: The DfE children in need census return (XML).
    CIN_CENSUS = "cin-census"
    #: The Ofsted Annex A workbook (List 5 and List 7).
    ANNEX_A = "annex-a"
    #: A council's own export (CSV or workbook) read through a TOML column mapping.
    MAPPED = "mapped"
    #: The Standard Safeguarding Dataset: a database URL, or a folder of ``ssd_*.csv``
    #: extracts (see :mod:`.ssd`).
    SSD = "ssd"


#: The formats that do not say which children were seen together at one conference (no
#: family link): their figures are by child only, and by conference *not known*.
WITHOUT_FAMILY_LINK = frozenset({InputFormat.CIN_CENSUS.value, InputFormat.ANNEX_A.value})
