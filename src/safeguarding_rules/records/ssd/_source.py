"""Where the SSD tables come from: a database named by a URL, or a folder of CSV extracts.

Every source hands the reader each table as Arrow record batches, one batch at a time,
with our column names (the spec's, lower case) and each column as the database typed it.

**Safety.** A database is only ever read:

* SQLite is opened with ``mode=ro`` (the file cannot be written, nor created);
* PostgreSQL sessions run with ``default_transaction_read_only=on``, which the server
  enforces for every statement;
* SQL Server, which has no read-only session, is read inside a transaction that is always
  rolled back (use a login that can only read: ``db_datareader``).

The only statements sent are ``SELECT`` of the spec's columns from the spec's tables. Table
and column names come from the reader's allow-list (:mod:`._spec`); the database's own
names for them, and a schema name given by the user, must be plain identifiers
(:data:`._spec.IDENTIFIER`) and are quoted (by SQLAlchemy for SQL Server). A password is
never shown: every URL in a message is masked (:func:`mask_url`), and any text from a
driver has the password removed before it is shown. Nothing is contacted but the server
the URL names.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from ..csv_file import csv_header, read_csv_blocks, renumber
from ..problems import InputErrors, InputProblem
from ._spec import IDENTIFIER, TableSpec

__all__ = [
    "DEFAULT_TIMEOUT",
    "BatchSource",
    "mask_url",
    "open_source",
]

#: Seconds to wait for a database server to answer a connection.
DEFAULT_TIMEOUT = 10
#: Rows per batch read from a database.
BATCH_ROWS = 65_536
MASK = "***"
_SECRET_KEYS = re.compile(r"^(password|pwd|passwd)$", re.IGNORECASE)
_ODBC_SECRET = re.compile(r"((?:^|;)\s*(?:PWD|Password)\s*=\s*)(\{[^}]*\}|[^;]*)", re.IGNORECASE)
SSD_EXTRA = "pip install 'safeguarding-rules[ssd]'"
MSSQL_EXTRA = "pip install 'safeguarding-rules[mssql]'"

#: A batch with our column names, and for a CSV file each row's number in the file.
Batch = tuple[pa.RecordBatch, npt.NDArray[np.int64] | None]


class BatchSource(Protocol):
    """One place the SSD tables are read from."""

    #: What to call it in messages (a URL with its password masked, or a folder).
    display: str
    #: Rows the source itself could not read (a CSV row with too many values).
    problems: list[InputProblem]

    def where(self, table: TableSpec) -> str:
        """Name ``table`` as this source holds it, for messages (a file, or the URL)."""

    def columns(self, table: TableSpec) -> dict[str, str] | None:
        """Map our names of ``table``'s columns to the source's own; None if no such table."""

    def batches(self, table: TableSpec, names: dict[str, str]) -> Iterator[Batch]:
        """Yield ``table``'s rows in batches, with the columns ``names`` maps."""

    def close(self) -> None:
        """Let go of the connection."""


def _problem(where: str, message: str, location: str = "the source") -> InputErrors:
    return InputErrors([InputProblem(where, 0, None, None, message, location=location)])


def mask_url(url: str) -> str:
    """``url`` with any password in it replaced by ``***`` (user info, query, ODBC string)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return MASK  # not a URL we can take apart: show none of it
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        if ":" in user:
            user = user.split(":", 1)[0] + ":" + MASK
        netloc = f"{user}@{host}"
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    masked = [
        (key, MASK if _SECRET_KEYS.match(key) else _ODBC_SECRET.sub(rf"\1{MASK}", value))
        for key, value in query
    ]
    if netloc == parts.netloc and masked == query:
        return url  # nothing secret in it
    rebuilt = urllib.parse.urlencode(masked, safe="*=;{}") if masked else parts.query
    shown = f"{parts.scheme}://{netloc}{parts.path}"
    return (
        shown
        + (f"?{rebuilt}" if rebuilt else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def _secrets(url: str, password: str | None) -> list[str]:
    """Every form a password in ``url`` (or given apart) could take in a driver's message."""
    found = [password] if password else []
    with suppress(ValueError):
        parts = urllib.parse.urlsplit(url)
        if parts.password:
            found += [parts.password, urllib.parse.unquote(parts.password)]
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
            if _SECRET_KEYS.match(key):
                found.append(value)
            found += [m.group(2).strip("{}") for m in _ODBC_SECRET.finditer(value)]
    more = [urllib.parse.quote(s, safe="") for s in found]
    return sorted({s for s in found + more if s}, key=len, reverse=True)


def _scrubber(url: str, password: str | None) -> Callable[[str], str]:
    secrets = _secrets(url, password)

    def scrub(text: str) -> str:
        for secret in secrets:
            text = text.replace(secret, MASK)
        return text

    return scrub


def _checked_schema(schema: str | None, display: str) -> str | None:
    if schema is not None and not IDENTIFIER.fullmatch(schema):
        raise _problem(
            display,
            f"the schema name {schema!r} is not a plain SQL name (letters, digits and "
            "underscores, not starting with a digit): it is refused, never put into a query",
        )
    return schema


def _quote(name: str) -> str:
    """Quote a name already checked against :data:`IDENTIFIER` (so it holds no quote)."""
    if not IDENTIFIER.fullmatch(name):  # pragma: no cover - every caller has checked
        raise ValueError(name)
    return f'"{name}"'


def _match(table: TableSpec, found: Sequence[str], where: str) -> dict[str, str]:
    """Map our column names to the source's (matched case-insensitively), refusing odd names."""
    by_lower = {name.strip().lower(): name for name in found}
    names = {}
    for column in table.columns:
        actual = by_lower.get(column.name)
        if actual is None:
            continue
        if not IDENTIFIER.fullmatch(actual):  # only quoted names can differ, e.g. by spaces
            raise _problem(where, f"column name {actual!r} is not a plain SQL name")
        names[column.name] = actual
    return names


def _password(password_env: str | None, display: str) -> str | None:
    if password_env is None:
        return None
    value = os.environ.get(password_env)
    if not value:
        raise _problem(
            display,
            f"the environment variable {password_env} named for the password is not set",
        )
    return value


class _Adbc:
    """SQLite or PostgreSQL through ADBC: Arrow batches straight from the driver."""

    def __init__(
        self, dbapi: Any, uri: str, display: str, schema: str | None, scrub: Callable[[str], str]
    ) -> None:
        self.display = display
        self.schema = schema
        self.scrub = scrub
        self.problems: list[InputProblem] = []
        self._dbapi = dbapi
        try:
            self.connection = dbapi.connect(uri)
        except dbapi.Error as error:
            raise _problem(display, f"cannot connect: {self._why(error)}", "connecting") from None

    def _why(self, error: BaseException) -> str:
        text = str(error).strip().splitlines()
        return self.scrub(" ".join(line.strip() for line in text if line.strip()))

    def where(self, table: TableSpec) -> str:
        return self.display

    def columns(self, table: TableSpec) -> dict[str, str] | None:
        try:
            schema = self.connection.adbc_get_table_schema(table.name, db_schema_filter=self.schema)
        except self._dbapi.Error as error:
            with suppress(self._dbapi.Error):
                self.connection.rollback()
            if "NOT_FOUND" in str(error) or "does not exist" in str(error):
                return None
            raise _problem(self.display, f"cannot read {table.name}: {self._why(error)}") from None
        return _match(table, schema.names, self.display)

    def batches(self, table: TableSpec, names: dict[str, str]) -> Iterator[Batch]:
        ours = list(names)
        source = ", ".join(_quote(names[name]) for name in ours)
        where = _quote(table.name) if self.schema is None else (
            f"{_quote(self.schema)}.{_quote(table.name)}"
        )  # fmt: skip
        cursor = self.connection.cursor()
        try:
            cursor.execute(f"SELECT {source} FROM {where}")
            for batch in cursor.fetch_record_batch():
                yield pa.RecordBatch.from_arrays(batch.columns, names=ours), None
        except self._dbapi.Error as error:
            raise _problem(self.display, f"cannot read {table.name}: {self._why(error)}") from None
        finally:
            with suppress(self._dbapi.Error):
                cursor.close()

    def close(self) -> None:
        with suppress(self._dbapi.Error):
            self.connection.rollback()  # never commit: the session was read-only anyway
        with suppress(self._dbapi.Error):
            self.connection.close()


def _sqlite(url: str, display: str, schema: str | None) -> _Adbc:
    try:
        import adbc_driver_sqlite.dbapi as dbapi
    except ImportError:
        raise _problem(display, f"reading SQLite needs the ADBC driver: {SSD_EXTRA}") from None
    parts = urllib.parse.urlsplit(url)
    if parts.netloc or parts.query:
        raise _problem(display, "expected sqlite:///relative/path.db or sqlite:////absolute.db")
    path = Path(urllib.parse.unquote(parts.path[1:]))
    if not path.is_file():
        raise _problem(display, f"no such SQLite database file: {path}")
    if schema not in (None, "main"):
        raise _problem(display, "an SQLite database has no schemas (only 'main')")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return _Adbc(dbapi, uri, display, None, lambda text: text)


def _postgresql(
    url: str, display: str, schema: str | None, password: str | None, timeout: int
) -> _Adbc:
    try:
        import adbc_driver_postgresql.dbapi as dbapi
    except ImportError:
        raise _problem(display, f"reading PostgreSQL needs the ADBC driver: {SSD_EXTRA}") from None
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if password is not None:
        user, _, host = netloc.rpartition("@")
        if not user:
            raise _problem(display, "give the user name in the URL to use a password")
        netloc = f"{user.split(':', 1)[0]}:{urllib.parse.quote(password, safe='')}@{host}"
    query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    # The server refuses every write in these sessions; libpq gives up after the timeout.
    options = query.get("options", "")
    query["options"] = f"{options} -c default_transaction_read_only=on".strip()
    query.setdefault("connect_timeout", str(timeout))
    query.setdefault("application_name", "safeguarding-rules")
    uri = urllib.parse.urlunsplit(
        (
            "postgresql",
            netloc,
            parts.path,
            urllib.parse.urlencode(query, quote_via=urllib.parse.quote),
            "",
        )
    )
    return _Adbc(dbapi, uri, display, schema or "public", _scrubber(url, password))


class _SqlAlchemy:
    """A database through SQLAlchemy (SQL Server), read in a transaction that is rolled back."""

    def __init__(self, engine: Any, display: str, schema: str | None, scrub: Callable[[str], str]):
        import sqlalchemy

        self._sa = sqlalchemy
        self.problems: list[InputProblem] = []
        self.display = display
        self.schema = schema
        self.scrub = scrub
        self.engine = engine
        try:
            self.connection = engine.connect()
            self.transaction = self.connection.begin()
        except (sqlalchemy.exc.SQLAlchemyError, OSError) as error:
            engine.dispose()
            raise _problem(display, f"cannot connect: {self._why(error)}", "connecting") from None

    def _why(self, error: BaseException) -> str:
        original = getattr(error, "orig", None) or error
        lines = [line.strip() for line in str(original).splitlines() if line.strip()]
        return self.scrub(" ".join(lines)[:500])

    def where(self, table: TableSpec) -> str:
        return self.display

    def columns(self, table: TableSpec) -> dict[str, str] | None:
        sa = self._sa
        try:
            inspector = sa.inspect(self.connection)
            if not inspector.has_table(table.name, schema=self.schema):
                return None
            found = [c["name"] for c in inspector.get_columns(table.name, schema=self.schema)]
        except sa.exc.SQLAlchemyError as error:
            raise _problem(self.display, f"cannot read {table.name}: {self._why(error)}") from None
        return _match(table, found, self.display)

    def batches(self, table: TableSpec, names: dict[str, str]) -> Iterator[Batch]:
        sa = self._sa
        ours = list(names)
        query = sa.select(*(sa.column(names[name]) for name in ours)).select_from(
            sa.table(table.name, schema=self.schema)
        )  # names quoted by the dialect
        try:
            result = self.connection.execution_options(
                stream_results=True, yield_per=BATCH_ROWS
            ).execute(query)
            for rows in result.partitions():
                values = list(zip(*rows, strict=True)) if rows else [()] * len(ours)
                arrays = [_python_values(list(column)) for column in values]
                yield pa.RecordBatch.from_arrays(arrays, names=ours), None
        except sa.exc.SQLAlchemyError as error:
            raise _problem(self.display, f"cannot read {table.name}: {self._why(error)}") from None

    def close(self) -> None:
        with suppress(Exception):
            self.transaction.rollback()  # never commit
        with suppress(Exception):
            self.connection.close()
        self.engine.dispose()


def _python_values(values: list[Any]) -> pa.Array:
    """Python values from a driver as an Arrow array; mixed types as text."""
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], pa.string())


def _mssql(
    url: str, display: str, schema: str | None, password: str | None, timeout: int
) -> _SqlAlchemy:
    try:
        import sqlalchemy
    except ImportError:
        raise _problem(display, f"reading SQL Server needs SQLAlchemy: {MSSQL_EXTRA}") from None
    try:
        target = sqlalchemy.engine.make_url(url)
        if password is not None:
            target = target.set(password=password)
        arguments: dict[str, Any] = {}
        if target.get_backend_name() == "mssql" and target.get_driver_name() == "pymssql":
            arguments = {"login_timeout": timeout}
        engine = sqlalchemy.create_engine(target, connect_args=arguments)
    except ImportError as error:
        raise _problem(
            display, f"the SQL Server driver is not installed ({error.name}): {MSSQL_EXTRA}"
        ) from None
    except (sqlalchemy.exc.ArgumentError, ValueError) as error:
        scrub = _scrubber(url, password)
        raise _problem(display, f"not a usable database URL: {scrub(str(error))}") from None
    return _SqlAlchemy(engine, display, schema or None, _scrubber(url, password))


class _CsvFolder:
    """A folder of ``ssd_<table>.csv`` extracts (the header row names the columns)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.display = str(folder)
        self.files = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
        #: Rows the CSV reader could not read (too many or too few values, a quote left open).
        self.problems: list[InputProblem] = []

    def _path(self, table: TableSpec) -> Path | None:
        return self.files.get(f"{table.name}.csv")

    def where(self, table: TableSpec) -> str:
        path = self._path(table)
        return str(path) if path is not None else str(self.folder / f"{table.name}.csv")

    def columns(self, table: TableSpec) -> dict[str, str] | None:
        path = self._path(table)
        if path is None:
            return None
        header = csv_header(path, str(path))
        return _match(table, header, str(path))

    def batches(self, table: TableSpec, names: dict[str, str]) -> Iterator[Batch]:
        path = self._path(table)
        assert path is not None  # columns() found it
        file = str(path)
        header = csv_header(path, file)
        wanted = {names[name]: name for name in names}
        parts, numbers, problems = read_csv_blocks(
            path,
            file,
            header,
            lambda columns, at, found: (
                pa.RecordBatch.from_arrays(
                    [columns[actual] for actual in wanted], names=list(wanted.values())
                ),
                at,
                found,
            ),
            structured=[c.name for c in table.columns],
        )
        self.problems.extend(problems)
        self.problems.extend(renumber([p for _, _, found in parts for p in found], numbers))
        for batch, positions, _ in parts:
            yield batch, numbers[positions]

    def close(self) -> None:
        pass


def open_source(
    location: str | Path,
    *,
    schema: str | None = None,
    password_env: str | None = None,
    timeout: int = DEFAULT_TIMEOUT,
) -> BatchSource:
    """Open a database URL or a folder of CSV extracts for reading.

    :raises InputErrors: naming the source (its password masked) and what is wrong.
    """
    if isinstance(location, Path) or "://" not in str(location):
        folder = Path(location)
        if not folder.is_dir():
            raise _problem(
                str(folder),
                "expected a folder of ssd_*.csv extracts, or a database URL "
                "(sqlite:///file.db, postgresql://..., mssql+pyodbc://...)",
            )
        if schema is not None:
            raise _problem(str(folder), "a folder of CSV extracts has no schema")
        return _CsvFolder(folder)
    url = str(location)
    display = mask_url(url)
    schema = _checked_schema(schema, display)
    scheme = url.split("://", 1)[0].lower()
    password = _password(password_env, display)
    if scheme == "sqlite":
        if password is not None:
            raise _problem(display, "an SQLite database has no password")
        return _sqlite(url, display, schema)
    if scheme in ("postgresql", "postgres"):
        return _postgresql(url, display, schema, password, timeout)
    if scheme.startswith("mssql+"):
        return _mssql(url, display, schema, password, timeout)
    raise _problem(
        display,
        f"unsupported database URL scheme {scheme!r}: expected sqlite, postgresql or "
        "mssql+pyodbc / mssql+pymssql / mssql+mssqlpython",
    )
