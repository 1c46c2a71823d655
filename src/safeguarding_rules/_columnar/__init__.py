"""The speed machinery of national files, behind one small interface.

What the rules mean lives in ``rules/``, ``records/`` and ``reports/``; how a million rows
are read, numbered, ordered and written fast lives here, and nowhere else:

* reading a CSV file in Arrow blocks on two cores (:func:`scan_csv`);
* work made ahead on a second thread (:func:`ahead`, :func:`mapped_ahead`, :func:`both`);
* freed memory handed back to the operating system (:func:`release_memory`);
* ids numbered, grouped and ordered as packed integers (:func:`number_ids`,
  :func:`is_first`, :func:`first_of_each`, :func:`order_by_day_then_id`, :func:`grouped`);
* text columns as raw bytes, trimmed, packed and joined (:func:`text_bytes`,
  :func:`trimmed`, :func:`packed`, :func:`joined`, :func:`holds_byte`);
* work on a column of days done once per day of its span (:func:`day_span`,
  :func:`iso_text`, :func:`date_array`).

It imports only numpy, pyarrow, attrs and the standard library, so every layer may use it.
"""

from __future__ import annotations

from .csv_blocks import BLOCK_SIZE, CsvNotUtf8, CsvUnreadable, RaggedRow, line_end, scan_csv
from .days import date_array, day_span, iso_text
from .ids import first_of_each, grouped, is_first, number_ids, order_by_day_then_id
from .memory import release_memory, trim_heap
from .text import holds_byte, joined, packed, text_bytes, trimmed
from .threads import ahead, both, mapped_ahead

__all__ = [
    "BLOCK_SIZE",
    "CsvNotUtf8",
    "CsvUnreadable",
    "RaggedRow",
    "ahead",
    "both",
    "date_array",
    "day_span",
    "first_of_each",
    "grouped",
    "holds_byte",
    "is_first",
    "iso_text",
    "joined",
    "line_end",
    "mapped_ahead",
    "number_ids",
    "order_by_day_then_id",
    "packed",
    "release_memory",
    "scan_csv",
    "text_bytes",
    "trim_heap",
    "trimmed",
]
