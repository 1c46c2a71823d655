"""A synthetic Standard Safeguarding Dataset: fictional children, written as a database or CSV.

:func:`synthetic_ssd` draws families of made-up children through the SSD's child protection
tables (``ssd_person``, ``ssd_family``, ``ssd_s47_enquiry``, ``ssd_initial_cp_conference``,
``ssd_cp_plans``, ``ssd_cp_reviews``), with the table and column names of the SSD spec
(``data-to-insight/ssd-data-model``, ``data/objects/*.yml``): siblings seen at one
meeting, a sibling whose enquiry began on another day, transfer-in conferences,
conferences not yet held, plans that ended, reviews held and one not yet held, and the
dates a council's system records, right and wrong in the ways systems get them wrong:

* ICPC target dates (``icpc_icpc_target_date``): right (15 working days after the strategy
  discussion), the discussion counted as day 1, bank holidays ignored, 15 calendar days,
  or not recorded;
* review due dates (``cppr_cp_review_due``): right (3 months after the initial
  conference, then 6 after each review), 91 or 183 calendar days (as Mosaic's SSD
  extract computes them), 3 months from the strategy discussion or 6 from the previous due
  date instead of the conference held, or not recorded;
* quorate flags (``cppr_cp_review_quorate``): ``Y``, some ``N``, some not recorded.

The golden answers (:class:`SSDExpected`) come from the generator's own choices, and the
right due dates from numpy's business-day arithmetic with the ``holidays`` package's
England bank holidays and dateutil's month arithmetic: nothing of this library's calendar
or rules is used, so a test can compare the two.

:func:`write_ssd_csv`, :func:`write_ssd_sqlite` and :func:`write_ssd_postgresql` write the
same tables as a folder of CSV extracts, an SQLite database (standard library) and into a
PostgreSQL database (the ``adbc-driver-postgresql`` package), with the column types the
SSD's own extracts create (``varchar(48)``, ``timestamp``, ``char(1)``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import holidays
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

__all__ = [
    "COLUMNS",
    "SSDExpected",
    "SyntheticSSD",
    "ddl",
    "postgresql_binaries",
    "synthetic_ssd",
    "temporary_postgresql",
    "write_ssd_csv",
    "write_ssd_postgresql",
    "write_ssd_sqlite",
]

#: Each table's columns and their SQL types (as the SSD's PostgreSQL extract creates them).
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "ssd_person": (
        ("pers_person_id", "varchar(48) primary key"),
        ("pers_sex", "varchar(48)"),
        ("pers_dob", "timestamp"),
    ),
    "ssd_family": (
        ("fami_table_id", "varchar(48) primary key"),
        ("fami_family_id", "varchar(48)"),
        ("fami_person_id", "varchar(48)"),
    ),
    "ssd_s47_enquiry": (
        ("s47e_s47_enquiry_id", "varchar(48) primary key"),
        ("s47e_referral_id", "varchar(48)"),
        ("s47e_person_id", "varchar(48)"),
        ("s47e_s47_start_date", "timestamp"),
        ("s47e_s47_end_date", "timestamp"),
    ),
    "ssd_initial_cp_conference": (
        ("icpc_icpc_id", "varchar(48) primary key"),
        ("icpc_icpc_meeting_id", "varchar(48)"),
        ("icpc_s47_enquiry_id", "varchar(48)"),
        ("icpc_person_id", "varchar(48)"),
        ("icpc_cp_plan_id", "varchar(48)"),
        ("icpc_referral_id", "varchar(48)"),
        ("icpc_icpc_transfer_in", "char(1)"),
        ("icpc_icpc_target_date", "timestamp"),
        ("icpc_icpc_date", "timestamp"),
        ("icpc_icpc_outcome_cp_flag", "char(1)"),
    ),
    "ssd_cp_plans": (
        ("cppl_cp_plan_id", "varchar(48) primary key"),
        ("cppl_referral_id", "varchar(48)"),
        ("cppl_icpc_id", "varchar(48)"),
        ("cppl_person_id", "varchar(48)"),
        ("cppl_cp_plan_start_date", "timestamp"),
        ("cppl_cp_plan_end_date", "timestamp"),
        ("cppl_cp_plan_ola", "char(1)"),
    ),
    "ssd_cp_reviews": (
        ("cppr_cp_review_id", "varchar(48) primary key"),
        ("cppr_person_id", "varchar(48)"),
        ("cppr_cp_plan_id", "varchar(48)"),
        ("cppr_cp_review_due", "timestamp"),
        ("cppr_cp_review_date", "timestamp"),
        ("cppr_cp_review_meeting_id", "varchar(48)"),
        ("cppr_cp_review_outcome_continue_cp", "char(1)"),
        ("cppr_cp_review_quorate", "varchar(100)"),
    ),
}

#: How a recorded ICPC target date was made.
TARGET_KINDS = ("right", "day 1", "no bank holidays", "calendar days", "not recorded")
#: How a recorded review due date was made.
DUE_KINDS = ("right", "calendar days", "wrong start", "not recorded")


@attrs.frozen(kw_only=True)
class SSDExpected:
    """The golden answers, from the generator's own choices."""

    #: One tuple per conference record: child id, conference id, type, conference date,
    #: strategy discussion date, previous conference date and type, plan end date (ISO
    #: text, empty where none), as the reader should give them.
    records: frozenset[tuple[str, str, str, str, str, str, str, str]]
    #: ``icpc_icpc_id`` -> (recorded target, the right target, how it was made).
    targets: Mapping[str, tuple[dt.date | None, dt.date | None, str]]
    #: ``cppr_cp_review_id`` -> (recorded due, the right due, how it was made, quorate).
    reviews: Mapping[str, tuple[dt.date | None, dt.date | None, str, str | None]]
    #: Meetings whose children had different strategy discussions.
    meetings_split: int
    #: Initial conferences held, by child and by conference (meeting and discussion).
    initial_held: int
    initial_conferences: int
    #: Transfer-in conferences held.
    transfer_in_held: int
    #: Reviews held, and those recorded as not quorate.
    reviews_held: int
    inquorate: int


@attrs.frozen(kw_only=True)
class SyntheticSSD:
    """The tables (Arrow, one per SSD table) and their golden answers."""

    tables: Mapping[str, pa.Table]
    expected: SSDExpected


def _england(years: range) -> list[dt.date]:
    return sorted(holidays.country_holidays("GB", subdiv="ENG", years=list(years)))


def _working(start: dt.date, n: int, holiday_days: Sequence[dt.date]) -> dt.date:
    """Return the ``n``-th working day after ``start`` (day 0), by numpy's busday."""
    day = np.busday_offset(np.datetime64(start, "D"), n, roll="backward", holidays=holiday_days)
    return day.astype(dt.date)  # type: ignore[no-any-return]


def _at(day: dt.date | None, hour: int = 0) -> dt.datetime | None:
    return None if day is None else dt.datetime(day.year, day.month, day.day, hour)


def _iso(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()


def synthetic_ssd(
    rng: random.Random, families: int, *, as_of: dt.date = dt.date(2025, 3, 31)
) -> SyntheticSSD:
    """Draw ``families`` families of fictional children (1 to 3 each) through the tables.

    Strategy discussions fall in the two years before ``as_of``; nothing happens after it.
    Ids have leading zeros (``0000412``), which a reader must keep.
    """
    bank = _england(range(as_of.year - 3, as_of.year + 2))
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    records: set[tuple[str, str, str, str, str, str, str, str]] = set()
    targets: dict[str, tuple[dt.date | None, dt.date | None, str]] = {}
    reviews: dict[str, tuple[dt.date | None, dt.date | None, str, str | None]] = {}
    counts = dict(split=0, initial=0, conferences=0, transfer=0, reviews=0, inquorate=0)
    child_number = 400
    review_meeting = 0
    for family in range(1, families + 1):
        family_id = f"F{family:05d}"
        transfer = rng.random() < 0.08
        siblings = rng.choice((1, 1, 2, 2, 3))
        start = as_of - dt.timedelta(days=rng.randrange(20, 730))
        wait = rng.randrange(3, 40)
        held: dt.date | None = start + dt.timedelta(days=wait)
        if held is not None and held > as_of:
            held = None
        meeting: str | None = f"{family:06d}" if rng.random() > 0.05 else None
        children = []
        for sibling in range(siblings):
            child_number += 1
            child = f"{child_number:07d}"
            children.append(child)
            rows["ssd_person"].append(
                dict(pers_person_id=child, pers_sex=rng.choice("FMU"),
                     pers_dob=_at(start - dt.timedelta(days=rng.randrange(30, 5000))))
            )  # fmt: skip
            rows["ssd_family"].append(
                dict(fami_table_id=f"FT{child}", fami_family_id=family_id, fami_person_id=child)
            )
            # One sibling in ten is taken into the enquiry a day later (another discussion).
            own_start = start + dt.timedelta(days=1 if sibling and rng.random() < 0.1 else 0)
            s47_id = None if transfer else f"S47-{child}"
            if s47_id is not None:
                rows["ssd_s47_enquiry"].append(
                    dict(s47e_s47_enquiry_id=s47_id, s47e_referral_id=None, s47e_person_id=child,
                         s47e_s47_start_date=_at(own_start, 9), s47e_s47_end_date=None)
                )  # fmt: skip
            icpc_id = f"ICPC-{child}"
            right = None if transfer else _working(own_start, 15, bank)
            kind = "not recorded" if transfer else rng.choice(TARGET_KINDS)
            recorded = {
                "right": right,
                "day 1": _working(own_start, 14, bank),
                "no bank holidays": _working(own_start, 15, []),
                "calendar days": own_start + dt.timedelta(days=15),
                "not recorded": None,
            }[kind]
            targets[icpc_id] = (recorded, right, kind)
            plan = held is not None and rng.random() < 0.75
            plan_id = f"CPP-{child}" if plan else None
            rows["ssd_initial_cp_conference"].append(
                dict(icpc_icpc_id=icpc_id, icpc_icpc_meeting_id=meeting,
                     icpc_s47_enquiry_id=s47_id, icpc_person_id=child, icpc_cp_plan_id=plan_id,
                     icpc_referral_id=None, icpc_icpc_transfer_in="Y" if transfer else "N",
                     icpc_icpc_target_date=_at(recorded), icpc_icpc_date=_at(held, 10),
                     icpc_icpc_outcome_cp_flag=("Y" if plan else "N") if held else None)
            )  # fmt: skip
            end: dt.date | None = None
            if plan and held is not None:
                if rng.random() < 0.3:
                    end = held + dt.timedelta(days=rng.randrange(60, 500))
                    end = end if end <= as_of else None
                rows["ssd_cp_plans"].append(
                    dict(cppl_cp_plan_id=plan_id, cppl_referral_id=None, cppl_icpc_id=icpc_id,
                         cppl_person_id=child, cppl_cp_plan_start_date=_at(held),
                         cppl_cp_plan_end_date=_at(end), cppl_cp_plan_ola="N")
                )  # fmt: skip
            plan_end = end if plan else held  # no plan: no review is due after it
            if held is not None or not transfer:
                conference_id = meeting if meeting is not None else f"icpc_icpc_id={icpc_id}"
                records.add((
                    child, conference_id, "transfer_in" if transfer else "initial", _iso(held),
                    "" if transfer else own_start.isoformat(), "", "", _iso(plan_end),
                ))  # fmt: skip
            if held is not None:
                counts["transfer" if transfer else "initial"] += 1
            if plan and held is not None:
                review_meeting = _reviews(
                    rng, rows, records, reviews, counts, child, plan_id or "", held,
                    own_start, end, as_of, transfer, review_meeting, bank,
                )  # fmt: skip
        # Which of this family's children shared a strategy discussion.
        starts = {
            r["s47e_s47_start_date"]
            for r in rows["ssd_s47_enquiry"][-siblings:]
            if r["s47e_person_id"] in children
        }
        if not transfer:
            if meeting is not None and len(starts) > 1:
                counts["split"] += 1
                _relabel(records, meeting, children)
            if held is not None:
                counts["conferences"] += len(starts) if meeting is not None else siblings
    tables = {
        name: pa.Table.from_pylist(
            found,
            schema=pa.schema(
                [(c, pa.timestamp("us") if t == "timestamp" else pa.string()) for c, t in cols]
            ),
        )
        for (name, cols), found in zip(COLUMNS.items(), rows.values(), strict=True)
    }
    expected = SSDExpected(
        records=frozenset(records),
        targets=targets,
        reviews=reviews,
        meetings_split=counts["split"],
        initial_held=counts["initial"],
        initial_conferences=counts["conferences"],
        transfer_in_held=counts["transfer"],
        reviews_held=counts["reviews"],
        inquorate=counts["inquorate"],
    )
    return SyntheticSSD(tables=tables, expected=expected)


def _relabel(
    records: set[tuple[str, str, str, str, str, str, str, str]], meeting: str, children: list[str]
) -> None:
    """Name each strategy discussion of a split meeting, as the reader does."""
    for record in [r for r in records if r[1] == meeting and r[2] == "initial"]:
        if record[0] in children:
            records.discard(record)
            records.add((record[0], f"{meeting} (strategy discussion {record[4]})", *record[2:]))


def _reviews(
    rng: random.Random,
    rows: dict[str, list[dict[str, Any]]],
    records: set[tuple[str, str, str, str, str, str, str, str]],
    reviews: dict[str, tuple[dt.date | None, dt.date | None, str, str | None]],
    counts: dict[str, int],
    child: str,
    plan_id: str,
    agreed: dt.date,
    discussion: dt.date,
    end: dt.date | None,
    as_of: dt.date,
    transfer: bool,
    meeting_number: int,
    bank: Sequence[dt.date],
) -> int:
    """Add the plan's reviews: held until the plan ends or ``as_of``, then one not yet held."""
    previous, previous_type, previous_due = agreed, "transfer_in" if transfer else "initial", None
    number = 0
    while True:
        number += 1
        months = 3 if number == 1 else 6
        right = previous + relativedelta(months=months)
        kind = rng.choice(DUE_KINDS)
        wrong_start = (
            discussion + relativedelta(months=3)
            if number == 1
            else (previous_due or previous) + relativedelta(months=6)
        )
        due = {
            "right": right,
            "calendar days": previous + dt.timedelta(days=91 if number == 1 else 183),
            "wrong start": wrong_start,
            "not recorded": None,
        }[kind]
        day = previous + dt.timedelta(days=rng.randrange(70, 100) if number == 1 else
                                      rng.randrange(150, 200))  # fmt: skip
        if not np.is_busday(np.datetime64(day, "D"), holidays=bank):
            day = _working(day, 1, bank)
        if end is not None and day > end:
            return meeting_number  # the plan ended: no more reviews
        not_held = day > as_of
        review_id = f"CPR-{plan_id}-{number}"
        quorate = None if not_held else rng.choice(("Y",) * 8 + ("N", None))
        meeting_number += 1
        reviews[review_id] = (due, right, kind, quorate)
        rows["ssd_cp_reviews"].append(
            dict(cppr_cp_review_id=review_id, cppr_person_id=child, cppr_cp_plan_id=plan_id,
                 cppr_cp_review_due=_at(due),
                 cppr_cp_review_date=None if not_held else _at(day, 14),
                 cppr_cp_review_meeting_id=f"R{meeting_number:06d}",
                 cppr_cp_review_outcome_continue_cp=None, cppr_cp_review_quorate=quorate)
        )  # fmt: skip
        if not_held:
            return meeting_number
        counts["reviews"] += 1
        counts["inquorate"] += quorate == "N"
        records.add((
            child, f"R{meeting_number:06d}", "review", day.isoformat(), "",
            previous.isoformat(), "" if previous_type == "transfer_in" else previous_type,
            _iso(end),
        ))  # fmt: skip
        previous, previous_type, previous_due = day, "review", due


def ddl(name: str, *, sqlite: bool = False) -> str:
    """``CREATE TABLE`` for one table (SQLite: the same names, its own type affinities)."""
    columns = ", ".join(
        f"{column} {'TEXT' + (' PRIMARY KEY' if 'primary' in kind else '') if sqlite else kind}"
        for column, kind in COLUMNS[name]
    )
    return f"CREATE TABLE {name} ({columns})"


def _text_dates(table: pa.Table) -> pa.Table:
    """Timestamps as ``YYYY-MM-DD HH:MM:SS`` text (as SQLite and SQL Server print them)."""
    arrays = []
    for column in table.columns:
        if pa.types.is_timestamp(column.type):
            text = [
                None if v is None else v.strftime("%Y-%m-%d %H:%M:%S") for v in column.to_pylist()
            ]
            column = pa.chunked_array([pa.array(text, pa.string())])
        arrays.append(column)
    return pa.Table.from_arrays(arrays, names=table.column_names)


def write_ssd_csv(folder: str | Path, tables: Mapping[str, pa.Table]) -> None:
    """Write each table as ``<folder>/<table>.csv`` (header row; empty for NULL)."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pacsv.write_csv(
            _text_dates(table),
            target / f"{name}.csv",
            write_options=pacsv.WriteOptions(quoting_style="needed"),
        )


def write_ssd_sqlite(path: str | Path, tables: Mapping[str, pa.Table]) -> None:
    """Write the tables into a new SQLite database (dates as text, as SQLite keeps them)."""
    connection = sqlite3.connect(str(path))
    try:
        for name, table in tables.items():
            connection.execute(ddl(name, sqlite=True))
            text = _text_dates(table)
            marks = ", ".join("?" * text.num_columns)
            connection.executemany(
                f"INSERT INTO {name} VALUES ({marks})",
                zip(*(column.to_pylist() for column in text.columns), strict=True),
            )
        connection.commit()
    finally:
        connection.close()


def write_ssd_postgresql(
    uri: str, tables: Mapping[str, pa.Table], *, schema: str = "public"
) -> None:
    """Create the tables in ``schema`` of a PostgreSQL database and load them (ADBC)."""
    import adbc_driver_postgresql.dbapi as dbapi  # the ssd extra: imported only when used

    with dbapi.connect(uri) as connection, connection.cursor() as cursor:
        if schema != "public":
            cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for name, table in tables.items():
            cursor.execute(ddl(name).replace(f"TABLE {name}", f"TABLE {schema}.{name}", 1))
            if table.num_rows:
                cursor.adbc_ingest(name, table, mode="append", db_schema_name=schema)
        connection.commit()


def postgresql_binaries() -> Path | None:
    """Find the folder of PostgreSQL's ``initdb`` and ``pg_ctl``, if a server is installed."""
    found = shutil.which("initdb")
    if found is not None and shutil.which("pg_ctl") is not None:
        return Path(found).resolve().parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


@contextlib.contextmanager
def temporary_postgresql(
    *, user: str = "ssd_reader", password: str = "synthetic-only-pw"
) -> Iterator[str]:
    """Start a throwaway PostgreSQL server on a free local port; yield its URL.

    The cluster lives in a new temporary folder, listens on 127.0.0.1 only, asks for
    ``password`` (SCRAM), and is stopped and removed on exit. Run as root (as CI is),
    the server runs as the ``postgres`` system user that Debian's package creates.

    :raises FileNotFoundError: when no PostgreSQL server is installed.
    """
    binaries = postgresql_binaries()
    if binaries is None:
        raise FileNotFoundError("no PostgreSQL server (initdb, pg_ctl) is installed")
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="sgr-pg-"))
    try:
        if as_user:
            shutil.chown(folder, "postgres", "postgres")
        secret = folder / "pw"
        secret.write_text(password + "\n", encoding="utf-8")
        if as_user:
            shutil.chown(secret, "postgres", "postgres")
        data = folder / "data"
        run = functools.partial(subprocess.run, check=True, capture_output=True, timeout=120)
        run([*as_user, str(binaries / "initdb"), "-D", str(data), "-U", user, "-E", "UTF8",
             "--locale=C.UTF-8", "--auth=scram-sha-256", f"--pwfile={secret}"])  # fmt: skip
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run([*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
             "-l", str(folder / "log"), "-w", "start"])  # fmt: skip
        try:
            yield f"postgresql://{user}:{password}@127.0.0.1:{port}/postgres"
        finally:
            run([*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate",
                 "-w", "stop"])  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
