"""The Standard Safeguarding Dataset (SSD): a council's reporting database, read as is.

The SSD (Data to Insight, ``data-to-insight/ssd-data-model``) is the shared schema that
councils in England deploy in their children's social care reporting databases. This
package reads its child protection tables from the database itself (SQLite and
PostgreSQL through ADBC, SQL Server through SQLAlchemy) or from a folder of ``ssd_*.csv``
extracts, into the conference records the rest of the library reads, and into what no
return carries: the recorded ICPC target dates, review due dates and quorate flags. See
:func:`read_ssd` and ``docs/formats/ssd.md``.

Reading a database needs the ``ssd`` extra (the ADBC drivers), or the ``mssql`` extra
for SQL Server; a folder of CSV extracts needs neither.
"""

from __future__ import annotations

from ._read import QUORATE, RecordedReviews, RecordedTargets, SSDRecords, read_ssd
from ._source import mask_url
from ._spec import TABLES, Column, Kind, TableSpec

__all__ = [
    "QUORATE",
    "TABLES",
    "Column",
    "Kind",
    "RecordedReviews",
    "RecordedTargets",
    "SSDRecords",
    "TableSpec",
    "mask_url",
    "read_ssd",
]
