"""The Standard Safeguarding Dataset reader: SQLite, a real PostgreSQL server and CSV extracts.

The data is synthetic (safeguarding_rules.testing.ssd), with golden answers from the
generator's own choices; the right due dates are numpy business days over the holidays
package's England bank holidays, independent of this library's calendar.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from safeguarding_rules import calendar_for, load_rule_sets
from safeguarding_rules.records import InputErrors
from safeguarding_rules.records.ssd import TABLES, SSDRecords, mask_url, read_ssd
from safeguarding_rules.records.ssd._read import read_source
from safeguarding_rules.records.ssd._source import open_source
from safeguarding_rules.records.ssd._spec import IDENTIFIER
from safeguarding_rules.rules.bulk import due_dates
from safeguarding_rules.testing.ssd import (
    SyntheticSSD,
    postgresql_binaries,
    synthetic_ssd,
    temporary_postgresql,
    write_ssd_csv,
    write_ssd_postgresql,
    write_ssd_sqlite,
)

CALENDAR = calendar_for("england")
SECRET = "synthetic-only-pw"


@pytest.fixture(scope="session")
def ssd() -> SyntheticSSD:
    return synthetic_ssd(random.Random(29), 150)


@pytest.fixture(scope="session")
def ssd_files(ssd: SyntheticSSD, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("ssd")
    write_ssd_csv(folder / "csv", ssd.tables)
    write_ssd_sqlite(folder / "ssd.db", ssd.tables)
    return {"csv": str(folder / "csv"), "sqlite": f"sqlite:///{folder / 'ssd.db'}"}


@pytest.fixture(scope="session")
def postgresql() -> Iterator[str]:
    """A real PostgreSQL server for the session (Debian's postgresql package; .ci/run installs it)."""
    if postgresql_binaries() is None:
        pytest.skip("no PostgreSQL server installed here (apt-get install postgresql)")
    with temporary_postgresql(password=SECRET) as url:
        yield url


@pytest.fixture(scope="session")
def ssd_postgresql(postgresql: str, ssd: SyntheticSSD) -> str:
    write_ssd_postgresql(postgresql, ssd.tables, schema="council_ssd")
    return postgresql


def _no_password(url: str) -> str:
    return url.replace(f":{SECRET}@", "@")


def _rows(found: SSDRecords) -> list[tuple[str, ...]]:
    records = found.records

    def text(days: np.ndarray) -> list[str]:
        return ["" if np.isnat(d) else str(d) for d in days]

    return list(
        zip(
            records.child_id.tolist(),
            records.conference_id.tolist(),
            records.conference_type.tolist(),
            text(records.conference_date),
            text(records.strategy_discussion_date),
            text(records.previous_conference_date),
            records.previous_conference_type.tolist(),
            text(records.plan_end_date),
            strict=True,
        )
    )


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.dtype == b.dtype and a.astype(str).tolist() == b.astype(str).tolist()


def _check_golden(found: SSDRecords, ssd: SyntheticSSD) -> None:
    expected = ssd.expected
    rows = _rows(found)
    assert set(rows) == expected.records
    assert len(rows) == len(expected.records)
    assert found.meetings_split == expected.meetings_split
    assert found.problems == ()
    records = found.records
    held = ~np.isnat(records.conference_date)
    initial = records.of_type("initial") & held
    assert int(initial.sum()) == expected.initial_held
    assert len(set(records.conference_id[initial].tolist())) == expected.initial_conferences
    assert int((records.of_type("transfer_in")).sum()) == expected.transfer_in_held
    assert int(records.of_type("review").sum()) == expected.reviews_held
    targets = found.targets
    for key, recorded in zip(targets.icpc_id.tolist(), targets.recorded.tolist(), strict=True):
        assert recorded == expected.targets[key][0], key
    reviews = found.reviews
    assert int(reviews.inquorate.sum()) == expected.inquorate
    for key, due, quorate in zip(
        reviews.review_id.tolist(), reviews.due.tolist(), reviews.quorate.tolist(), strict=True
    ):
        want_due, _, _, want_quorate = expected.reviews[key]
        assert due == want_due, key
        assert quorate == {"Y": 1, "N": 0, None: -1}[want_quorate], key


def test_sqlite_matches_the_generators_golden_answers(
    ssd: SyntheticSSD, ssd_files: dict[str, str]
) -> None:
    _check_golden(read_ssd(ssd_files["sqlite"], CALENDAR), ssd)


def test_csv_extracts_match_the_generators_golden_answers(
    ssd: SyntheticSSD, ssd_files: dict[str, str]
) -> None:
    _check_golden(read_ssd(ssd_files["csv"], CALENDAR), ssd)


def test_postgresql_matches_the_generators_golden_answers(
    ssd: SyntheticSSD, ssd_postgresql: str
) -> None:
    _check_golden(read_ssd(ssd_postgresql, CALENDAR, schema="council_ssd"), ssd)


def test_every_source_gives_identical_columns(
    ssd_files: dict[str, str], ssd_postgresql: str
) -> None:
    found = [
        read_ssd(ssd_files["sqlite"], CALENDAR),
        read_ssd(ssd_files["csv"], CALENDAR),
        read_ssd(ssd_postgresql, CALENDAR, schema="council_ssd"),
    ]
    first = found[0]
    for other in found[1:]:
        assert _rows(other) == _rows(first)
        assert np.array_equal(other.records.conference_code, first.records.conference_code)
        assert np.array_equal(other.records.kind, first.records.kind)
        # (Their locations differ only in form: a CSV file's rows have numbers.)
        for name in ("icpc_id", "child_id", "conference_id"):
            assert getattr(other.targets, name).tolist() == getattr(first.targets, name).tolist()
        for name in ("recorded", "s47_start", "held", "transfer_in", "in_records"):
            assert _same(getattr(other.targets, name), getattr(first.targets, name)), name
        for name in ("review_id", "child_id", "plan_id", "conference_id", "previous_type"):
            assert getattr(other.reviews, name).tolist() == getattr(first.reviews, name).tolist()
        for name in ("held", "due", "previous_date", "quorate", "in_records"):
            assert _same(getattr(other.reviews, name), getattr(first.reviews, name)), name


def test_the_sqlalchemy_path_reads_the_same(ssd_files: dict[str, str]) -> None:
    # SQL Server is read through SQLAlchemy; it cannot run here, so the same code path is
    # run over the SQLite database through SQLAlchemy's own SQLite dialect.
    sqlalchemy = pytest.importorskip("sqlalchemy")
    from safeguarding_rules.records.ssd._source import _SqlAlchemy

    engine = sqlalchemy.create_engine(ssd_files["sqlite"])
    source = _SqlAlchemy(engine, "sqlalchemy-sqlite", None, lambda text: text)
    through = read_source(source, CALENDAR)
    assert _rows(through) == _rows(read_ssd(ssd_files["sqlite"], CALENDAR))


def test_the_generators_right_due_dates_are_the_rule_sets(ssd: SyntheticSSD) -> None:
    # The golden "right" dates (numpy busday + holidays, dateutil months) agree with the
    # library's England rule set, so an audit of recorded dates can be checked against them.
    rule_set = load_rule_sets()["england"]
    icpc = ssd.tables["ssd_initial_cp_conference"].to_pylist()
    s47 = {
        r["s47e_s47_enquiry_id"]: r["s47e_s47_start_date"].date()
        for r in ssd.tables["ssd_s47_enquiry"].to_pylist()
    }
    start = np.array(
        [s47[r["icpc_s47_enquiry_id"]] for r in icpc if r["icpc_s47_enquiry_id"]], "datetime64[D]"
    )
    right = np.array(
        [ssd.expected.targets[r["icpc_icpc_id"]][1] for r in icpc if r["icpc_s47_enquiry_id"]],
        "datetime64[D]",
    )
    computed, used = due_dates(rule_set, "icpc", start, CALENDAR)
    assert (used >= 0).all()
    assert np.array_equal(computed, right)


def test_recorded_mistakes_are_as_the_generator_made_them(ssd: SyntheticSSD) -> None:
    kinds = {kind for _, _, kind in ssd.expected.targets.values()}
    assert {"right", "day 1", "no bank holidays", "calendar days", "not recorded"} <= kinds
    differing = [k for k, (rec, right, kind) in ssd.expected.targets.items() if kind == "day 1"]
    assert all(ssd.expected.targets[k][0] != ssd.expected.targets[k][1] for k in differing)
    assert {kind for _, _, kind, _ in ssd.expected.reviews.values()} == {
        "right",
        "calendar days",
        "wrong start",
        "not recorded",
    }


def test_ids_keep_leading_zeros_and_integer_ids_read_as_digits(tmp_path: Path) -> None:
    ssd = synthetic_ssd(random.Random(3), 5)
    write_ssd_sqlite(tmp_path / "ssd.db", ssd.tables)
    found = read_ssd(f"sqlite:///{tmp_path / 'ssd.db'}", CALENDAR)
    assert all(child.startswith("0000") for child in found.records.child_id.tolist())
    # Mosaic types its ids as numeric(9): the same reader gives their digits.
    connection = sqlite3.connect(tmp_path / "ssd.db")
    connection.execute(
        "UPDATE ssd_s47_enquiry SET s47e_person_id = CAST(s47e_person_id AS INTEGER)"
    )
    connection.execute(
        "UPDATE ssd_initial_cp_conference SET icpc_person_id = CAST(icpc_person_id AS INTEGER)"
    )
    connection.commit()
    connection.close()
    found = read_ssd(f"sqlite:///{tmp_path / 'ssd.db'}", CALENDAR)
    initial = found.records.of_type("initial", "transfer_in")
    assert all(
        c.isdigit() and not c.startswith("0") for c in found.records.child_id[initial].tolist()
    )


def _mutate(tmp_path: Path, *statements: str, seed: int = 5, families: int = 20) -> str:
    ssd = synthetic_ssd(random.Random(seed), families)
    write_ssd_sqlite(tmp_path / "ssd.db", ssd.tables)
    connection = sqlite3.connect(tmp_path / "ssd.db")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return f"sqlite:///{tmp_path / 'ssd.db'}"


def test_a_missing_required_column_is_named_with_its_table(tmp_path: Path) -> None:
    url = _mutate(
        tmp_path,
        "ALTER TABLE ssd_cp_reviews DROP COLUMN cppr_cp_review_date",
        "ALTER TABLE ssd_s47_enquiry DROP COLUMN s47e_s47_start_date",
    )
    with pytest.raises(InputErrors) as raised:
        read_ssd(url, CALENDAR)
    found = {(p.location, p.column) for p in raised.value.problems}
    assert ("ssd_cp_reviews, column cppr_cp_review_date", "cppr_cp_review_date") in found
    assert ("ssd_s47_enquiry, column s47e_s47_start_date", "s47e_s47_start_date") in found
    assert "Date of Review" in str(raised.value)


def test_a_missing_table_is_named(tmp_path: Path) -> None:
    url = _mutate(tmp_path, "DROP TABLE ssd_cp_plans")
    with pytest.raises(InputErrors, match="table ssd_cp_plans not found"):
        read_ssd(url, CALENDAR)


def test_optional_columns_a_council_lacks_are_tolerated_and_said(tmp_path: Path) -> None:
    # Mosaic's extract has no meeting ids and no cppr_person_id or meeting id for reviews.
    url = _mutate(
        tmp_path,
        "ALTER TABLE ssd_initial_cp_conference DROP COLUMN icpc_icpc_meeting_id",
        "ALTER TABLE ssd_cp_reviews DROP COLUMN cppr_person_id",
        "ALTER TABLE ssd_cp_reviews DROP COLUMN cppr_cp_review_meeting_id",
        "ALTER TABLE ssd_cp_reviews DROP COLUMN cppr_cp_review_quorate",
    )
    found = read_ssd(url, CALENDAR)
    assert found.absent_columns["ssd_initial_cp_conference"] == ("icpc_icpc_meeting_id",)
    assert not found.conferences_known
    initial = found.records.of_type("initial", "transfer_in")
    assert found.initial_without_meeting_id == int(initial.sum())
    assert all(c.startswith("icpc_icpc_id=") for c in found.records.conference_id[initial].tolist())
    reviews = found.records.of_type("review")
    assert reviews.any()
    assert all(
        c.startswith("cppr_cp_review_id=") for c in found.records.conference_id[reviews].tolist()
    )
    # The review's child comes from its plan.
    assert all(c.startswith("0000") for c in found.records.child_id[reviews].tolist())
    assert not found.reviews.quorate_column
    assert (found.reviews.quorate == -1).all()


def test_an_unreadable_value_is_a_located_problem_never_a_guess(tmp_path: Path) -> None:
    url = _mutate(
        tmp_path,
        "UPDATE ssd_cp_reviews SET cppr_cp_review_quorate = 'Quorate - see notes' "
        "WHERE cppr_cp_review_id = (SELECT MIN(cppr_cp_review_id) FROM ssd_cp_reviews "
        "WHERE cppr_cp_review_date IS NOT NULL)",
        "UPDATE ssd_initial_cp_conference SET icpc_icpc_target_date = '31/02/2024' "
        "WHERE icpc_icpc_id = (SELECT MIN(icpc_icpc_id) FROM ssd_initial_cp_conference)",
    )
    # The council's own records (a flag, a target) are only audited, never used: what
    # cannot be read is kept with its value for the audit, and refuses nothing (issue 26).
    found = read_ssd(url, CALENDAR)
    assert found.problems == ()
    assert (found.reviews.quorate == -2).sum() == 1
    at = int(np.flatnonzero(found.reviews.quorate == -2)[0])
    assert found.reviews.quorate_value[at] == "Quorate - see notes"
    assert found.reviews.in_records[at]
    assert found.reviews.location(at).startswith("ssd_cp_reviews (cppr_cp_review_id 'CPR-")
    (target,) = np.flatnonzero(found.targets.unreadable != "")
    assert found.targets.unreadable[target] == "31/02/2024"
    assert found.targets.in_records[target]


def test_an_unreadable_conference_date_leaves_the_row_out_and_says_so(tmp_path: Path) -> None:
    url = _mutate(
        tmp_path,
        "UPDATE ssd_initial_cp_conference SET icpc_icpc_date = 'soon' "
        "WHERE icpc_icpc_id = (SELECT MIN(icpc_icpc_id) FROM ssd_initial_cp_conference)",
        "UPDATE ssd_initial_cp_conference SET icpc_s47_enquiry_id = 'NO-SUCH' "
        "WHERE icpc_icpc_id = (SELECT MAX(icpc_icpc_id) FROM ssd_initial_cp_conference "
        "WHERE icpc_icpc_transfer_in = 'N')",
    )
    found = read_ssd(url, CALENDAR, skip_invalid=True)
    assert found.records.skipped_rows == 2
    assert not found.targets.in_records[0]
    messages = {p.column: p for p in found.problems}
    assert messages["icpc_icpc_date"].value == "soon"
    assert messages["icpc_s47_enquiry_id"].value == "NO-SUCH"
    assert "ssd_s47_enquiry" in messages["icpc_s47_enquiry_id"].message


# A row linked to a sibling's enquiry or plan: two children of one family share a meeting,
# so a mistyped id is plausible, and timing one child from the other's would be wrong.
_ANOTHER = {
    "enquiry": (
        "UPDATE ssd_initial_cp_conference SET icpc_s47_enquiry_id = "
        "(SELECT s47e_s47_enquiry_id FROM ssd_s47_enquiry "
        " WHERE s47e_person_id <> ssd_initial_cp_conference.icpc_person_id LIMIT 1) "
        "WHERE icpc_icpc_id = (SELECT MIN(icpc_icpc_id) FROM ssd_initial_cp_conference "
        "WHERE icpc_icpc_transfer_in = 'N')",
        "ssd_initial_cp_conference", "icpc_s47_enquiry_id", "enquiry", "s47e_person_id",
    ),
    "review's plan": (
        "UPDATE ssd_cp_reviews SET cppr_cp_plan_id = "
        "(SELECT cppl_cp_plan_id FROM ssd_cp_plans "
        " WHERE cppl_person_id <> ssd_cp_reviews.cppr_person_id LIMIT 1) "
        "WHERE cppr_cp_review_id = (SELECT MIN(cppr_cp_review_id) FROM ssd_cp_reviews "
        "WHERE cppr_cp_review_date IS NOT NULL)",
        "ssd_cp_reviews", "cppr_cp_plan_id", "plan", "cppl_person_id",
    ),
    "plan's conference": (
        "UPDATE ssd_cp_plans SET cppl_icpc_id = "
        "(SELECT icpc_icpc_id FROM ssd_initial_cp_conference "
        " WHERE icpc_person_id <> ssd_cp_plans.cppl_person_id LIMIT 1) "
        "WHERE cppl_cp_plan_id = (SELECT MIN(cppl_cp_plan_id) FROM ssd_cp_plans)",
        "ssd_cp_plans", "cppl_icpc_id", "plan's conference", "icpc_person_id",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(_ANOTHER))
def test_a_link_to_another_childs_enquiry_or_plan_is_refused_naming_both(
    tmp_path: Path, case: str
) -> None:
    statement, table, column, what, their_column = _ANOTHER[case]
    url = _mutate(tmp_path, statement)
    with pytest.raises(InputErrors) as raised:
        read_ssd(url, CALENDAR)
    (problem,) = raised.value.problems
    assert problem.column == column
    assert (problem.location or "").startswith(table)
    assert re.fullmatch(
        rf"this {re.escape(what)} is another child's \({their_column} '[^']+', not '[^']+'\)",
        problem.message,
    ), problem.message
    theirs, ours = re.findall(r"'([^']+)'", problem.message.rsplit("(", 1)[1])
    assert theirs != ours


def test_a_review_on_a_siblings_plan_is_never_timed_from_the_siblings_reviews(
    tmp_path: Path,
) -> None:
    # The tester's case: the second child's review names the first child's plan, which
    # already had a review; it was judged a subsequent review, due in six months, on time.
    url = _mutate(tmp_path, _ANOTHER["review's plan"][0])
    found = read_ssd(url, CALENDAR, skip_invalid=True)
    (problem,) = found.problems
    assert problem.message.startswith("this plan is another child's"), problem.message
    key = re.search(r"cppr_cp_review_id '([^']+)'", problem.location or "")
    assert key is not None
    at = found.reviews.review_id.tolist().index(key[1])
    assert not found.reviews.in_records[at]
    assert key[1] not in found.records.conference_id.tolist()


def test_a_plan_agreed_at_another_childs_conference_counts_from_its_start(
    tmp_path: Path,
) -> None:
    url = _mutate(tmp_path, _ANOTHER["plan's conference"][0])
    found = read_ssd(url, CALENDAR, skip_invalid=True)
    (problem,) = found.problems
    plan = re.search(r"cppl_cp_plan_id '([^']+)'", problem.location or "")
    assert plan is not None
    first = [
        i
        for i, plan_id in enumerate(found.reviews.plan_id.tolist())
        if plan_id == plan[1] and found.reviews.previous_type[i] != "review"
    ]
    assert first  # its first review: timed from the plan's start, its type not known
    assert all(found.reviews.previous_type[i] == "" for i in first)


def test_a_csv_extracts_problem_names_its_file_and_row(tmp_path: Path) -> None:
    ssd = synthetic_ssd(random.Random(5), 10)
    write_ssd_csv(tmp_path, ssd.tables)
    path = tmp_path / "ssd_cp_reviews.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[
        header.index('"cppr_cp_review_date"')
        if '"cppr_cp_review_date"' in header
        else header.index("cppr_cp_review_date")
    ] = "2024-13-01"
    lines[1] = ",".join(row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_ssd(tmp_path, CALENDAR)
    (problem,) = raised.value.problems
    assert problem.file == str(path)
    assert problem.row == 2
    assert problem.value == "2024-13-01"
    assert str(problem).startswith(f"{path}, row 2 (cppr_cp_review_id ")


def test_sqlite_is_opened_read_only_and_left_unchanged(tmp_path: Path) -> None:
    url = _mutate(tmp_path)
    database = tmp_path / "ssd.db"
    before = database.read_bytes()
    source = open_source(url)
    try:
        cursor = source.connection.cursor()  # type: ignore[attr-defined]
        with pytest.raises(Exception, match="readonly"):
            cursor.execute("DELETE FROM ssd_cp_reviews")
    finally:
        source.close()
    read_ssd(url, CALENDAR)
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ssd.db"]


def test_postgresql_sessions_are_read_only(ssd_postgresql: str) -> None:
    source = open_source(ssd_postgresql, schema="council_ssd")
    try:
        cursor = source.connection.cursor()  # type: ignore[attr-defined]
        with pytest.raises(Exception, match="read-only transaction"):
            cursor.execute("DELETE FROM council_ssd.ssd_cp_reviews")
    finally:
        source.close()


@pytest.mark.parametrize(
    "schema", ["public; DROP TABLE ssd_cp_reviews", 'x"y', "1abc", "a b", "council-ssd"]
)
def test_a_schema_name_that_is_not_a_plain_name_is_refused(
    schema: str, ssd_files: dict[str, str]
) -> None:
    assert not IDENTIFIER.fullmatch(schema)
    with pytest.raises(InputErrors, match="not a plain SQL name"):
        read_ssd("postgresql://user@127.0.0.1:1/db", CALENDAR, schema=schema)


def test_every_table_and_column_name_is_a_plain_identifier() -> None:
    for table in TABLES:
        assert IDENTIFIER.fullmatch(table.name)
        assert all(IDENTIFIER.fullmatch(column.name) for column in table.columns)


def test_a_password_from_the_environment(
    ssd_postgresql: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSD_DB_PASSWORD", SECRET)
    found = read_ssd(
        _no_password(ssd_postgresql), CALENDAR, schema="council_ssd", password_env="SSD_DB_PASSWORD"
    )
    assert len(found.records)
    assert SECRET not in found.source


def test_a_password_from_libpqs_own_password_file(
    ssd_postgresql: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host_port = ssd_postgresql.split("@", 1)[1].split("/", 1)[0]
    host, port = host_port.split(":")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{host}:{port}:*:ssd_reader:{SECRET}\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    found = read_ssd(_no_password(ssd_postgresql), CALENDAR, schema="council_ssd")
    assert len(found.records)


def test_a_wrong_password_is_a_clear_message_without_the_password(ssd_postgresql: str) -> None:
    wrong = ssd_postgresql.replace(SECRET, "Wr0ng%40pass")
    with pytest.raises(InputErrors) as raised:
        read_ssd(wrong, CALENDAR, schema="council_ssd")
    text = str(raised.value)
    assert "cannot connect" in text
    assert "password authentication failed" in text
    assert "Wr0ng" not in text
    assert "ssd_reader:***@127.0.0.1" in text
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__


def test_a_server_that_does_not_answer_is_a_clear_message() -> None:
    with pytest.raises(InputErrors, match="cannot connect") as raised:
        read_ssd("postgresql://user:hunter2@127.0.0.1:1/db", CALENDAR, timeout=2)
    assert "hunter2" not in str(raised.value)


def test_a_missing_schema_says_which_tables_are_not_found(ssd_postgresql: str) -> None:
    with pytest.raises(InputErrors, match="table ssd_s47_enquiry not found") as raised:
        read_ssd(ssd_postgresql, CALENDAR, schema="no_such_schema")
    assert SECRET not in str(raised.value)


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("postgresql://u:p%40ss@h:5432/db", "postgresql://u:***@h:5432/db"),
        (
            "postgresql://u@h/db?password=secret&sslmode=require",
            "postgresql://u@h/db?password=***&sslmode=require",
        ),
        ("mssql+pyodbc://u:pw@dsn", "mssql+pyodbc://u:***@dsn"),
        (
            "mssql+pyodbc:///?odbc_connect=DRIVER%3D%7BODBC%7D%3BUID%3Du%3BPWD%3Dsecret%3B",
            "PWD=***",
        ),
        ("sqlite:///ssd.db", "sqlite:///ssd.db"),
    ],
)
def test_passwords_are_masked_wherever_a_url_is_shown(url: str, masked: str) -> None:
    shown = mask_url(url)
    assert masked in shown
    assert "secret" not in shown
    assert "p%40ss" not in shown
    assert ":pw@" not in shown


def test_an_unsupported_url_or_a_missing_driver_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(InputErrors, match="unsupported database URL scheme 'oracle'"):
        read_ssd("oracle://u:pw@h/db", CALENDAR)
    with pytest.raises(InputErrors, match="no such SQLite database file"):
        read_ssd(f"sqlite:///{tmp_path / 'missing.db'}", CALENDAR)
    with pytest.raises(InputErrors, match="expected a folder of ssd_"):
        read_ssd(tmp_path / "nowhere", CALENDAR)


def test_a_zoned_timestamp_is_read_as_the_day_in_england() -> None:
    from safeguarding_rules.records.ssd._values import days

    # 23:30 UTC on 4 June 2024 is 00:30 on 5 June in London (BST).
    found, bad, _ = days(pa.array([dt.datetime(2024, 6, 4, 23, 30)], pa.timestamp("us", tz="UTC")))
    assert found.tolist() == [dt.date(2024, 6, 5)]
    assert not bad.any()


def test_a_review_without_a_plan_has_no_previous_conference(tmp_path: Path) -> None:
    url = _mutate(
        tmp_path,
        "UPDATE ssd_cp_reviews SET cppr_cp_plan_id = NULL WHERE cppr_cp_review_id = "
        "(SELECT MIN(cppr_cp_review_id) FROM ssd_cp_reviews WHERE cppr_cp_review_date IS NOT NULL)",
    )
    found = read_ssd(url, CALENDAR)
    assert found.reviews_without_plan == 1
    at = int(np.flatnonzero(found.reviews.plan_id == "")[0])
    assert np.isnat(found.reviews.previous_date[at])
    assert found.reviews.previous_type[at] == ""
    assert found.reviews.in_records[at]


def test_a_plan_no_conference_links_to_counts_from_its_start_type_unknown(tmp_path: Path) -> None:
    url = _mutate(
        tmp_path,
        "ALTER TABLE ssd_cp_plans DROP COLUMN cppl_icpc_id",
        "UPDATE ssd_initial_cp_conference SET icpc_cp_plan_id = NULL",
    )
    found = read_ssd(url, CALENDAR)
    reviews = found.reviews
    first = [
        i
        for i, key in enumerate(reviews.review_id.tolist())
        if key.endswith("-1") and not np.isnat(reviews.held[i])
    ]
    assert first
    assert all(reviews.previous_type[i] == "" for i in first)
    assert all(not np.isnat(reviews.previous_date[i]) for i in first)


def test_a_repeated_row_id_in_an_extract_is_named_and_only_its_first_row_read(
    tmp_path: Path,
) -> None:
    ssd = synthetic_ssd(random.Random(5), 10)
    write_ssd_csv(tmp_path, ssd.tables)
    path = tmp_path / "ssd_initial_cp_conference.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_ssd(tmp_path, CALENDAR)
    (problem,) = raised.value.problems
    assert problem.row == len(lines) + 1
    assert problem.column == "icpc_icpc_id"
    assert "repeated" in problem.message


def test_flags_read_yes_no_and_bits_and_report_anything_else() -> None:
    from safeguarding_rules.records.ssd._values import flags

    codes, _ = flags(
        pa.array(["Y", "n", " Yes ", "NO", "1", "0", "true", "", None, "Y - see notes"])
    )
    assert codes.tolist() == [1, 0, 1, 0, 1, 0, 1, -1, -1, -2]
    bits, _ = flags(pa.array([True, False, None]))
    assert bits.tolist() == [1, 0, -1]


def test_a_server_that_never_answers_times_out_with_a_clear_message() -> None:
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:  # take the connection and say nothing
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        began = time.monotonic()
        with pytest.raises(InputErrors, match="cannot connect") as raised:
            read_ssd(f"postgresql://u:hunter2@127.0.0.1:{port}/db", CALENDAR, timeout=2)
        assert time.monotonic() - began < 30
        assert "hunter2" not in str(raised.value)
        assert "timeout" in str(raised.value).lower()
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


def test_a_column_of_values_that_cannot_be_text_is_a_clear_message(tmp_path: Path) -> None:
    # A blob where an id should be: invalid UTF-8 bytes, named by table and column.
    url = _mutate(
        tmp_path,
        "UPDATE ssd_cp_plans SET cppl_person_id = X'FF00FE'",
    )
    with pytest.raises(InputErrors) as raised:
        read_ssd(url, CALENDAR)
    text = str(raised.value)
    assert "cppl_person_id" in text
    assert "Traceback" not in text


# -- the report on the SSD (issue 29): figures, audits, and the same figures from every source --

ENGLAND = load_rule_sets()["england"]


def _report(location: str, db_schema: str | None = None) -> dict[str, Any]:
    from safeguarding_rules import to_data
    from safeguarding_rules.records import read_records
    from safeguarding_rules.reports import build_report

    found: dict[str, Any] = to_data(
        build_report(read_records(location, ENGLAND, db_schema=db_schema), ENGLAND)
    )
    return found


def _without_places(value: Any) -> Any:
    """The data with where each row is left out (a CSV extract's rows have numbers)."""
    if isinstance(value, dict):
        return {k: _without_places(v) for k, v in value.items() if k not in ("location", "source")}
    if isinstance(value, list):
        return [_without_places(item) for item in value]
    return value


def test_the_report_counts_the_generators_conferences_reviews_and_flags(
    ssd: SyntheticSSD, ssd_files: dict[str, str]
) -> None:
    expected = ssd.expected
    data = _report(ssd_files["csv"])
    assert data["input_format"] == "ssd"
    assert data["initial_conference_timeliness"]["by_child"]["total"] == expected.initial_held
    assert data["transfer_in_conferences"]["children"] == expected.transfer_in_held
    quoracy = data["recorded_quoracy"]
    assert quoracy["reviews"] == expected.reviews_held
    assert sum(row["recorded"] == "not quorate" for row in quoracy["rows"]) == expected.inquorate
    assert data["core_group_timeliness"]["why"].startswith("not recorded in this format")


def test_the_target_audit_names_each_wrong_formula_the_generator_used(
    ssd: SyntheticSSD, ssd_files: dict[str, str]
) -> None:
    causes = {
        "day 1": "counted the S47 start as day 1",
        "no bank holidays": "skipped weekends but not bank holidays",
        "calendar days": "counted 15 calendar days",
    }
    targets = _report(ssd_files["csv"])["recorded_targets"]
    assert targets["recorded_as"] == "icpc_icpc_target_date"
    found = {row["location"].split("'")[1]: row for row in targets["rows"]}
    wrong = {
        key: kind
        for key, (recorded, right, kind) in ssd.expected.targets.items()
        if recorded is not None and recorded != right
    }
    assert set(found) == set(wrong)
    for key, kind in wrong.items():
        assert causes[kind] in found[key]["likely_causes"], key
        assert found[key]["computed"] == ssd.expected.targets[key][1].isoformat()  # type: ignore[union-attr]


def test_the_review_due_date_audit_names_each_wrong_formula_the_generator_used(
    ssd: SyntheticSSD, ssd_files: dict[str, str]
) -> None:
    audit = _report(ssd_files["csv"])["recorded_review_due_dates"]
    found = {row["location"].split("'")[1]: row for row in audit["rows"]}
    transfer_plans = {
        row["icpc_cp_plan_id"]
        for row in ssd.tables["ssd_initial_cp_conference"].to_pylist()
        if row["icpc_icpc_transfer_in"] == "Y"
    }
    after_transfer = {  # the first review after a transfer-in conference is not checked
        row["cppr_cp_review_id"]
        for row in ssd.tables["ssd_cp_reviews"].to_pylist()
        if row["cppr_cp_plan_id"] in transfer_plans and row["cppr_cp_review_id"].endswith("-1")
    }
    wrong = {
        key: kind
        for key, (recorded, right, kind, _) in ssd.expected.reviews.items()
        if recorded is not None and recorded != right and key not in after_transfer
    }
    assert set(found) == set(wrong)
    for key, kind in wrong.items():
        causes = " ".join(found[key]["likely_causes"])
        if kind == "calendar days":
            assert "months as calendar days" in causes, key
        else:  # counted from the strategy discussion, or the previous review's due date
            assert "counted 3 months from" in causes or "counted 6 months from" in causes, key


def test_by_conference_counts_a_meeting_once_when_every_row_has_its_id(
    ssd: SyntheticSSD, tmp_path: Path
) -> None:
    icpc = ssd.tables["ssd_initial_cp_conference"]
    rows = icpc.to_pylist()
    for row in rows:  # a child with no meeting id was a conference of its own
        row["icpc_icpc_meeting_id"] = row["icpc_icpc_meeting_id"] or f"own-{row['icpc_icpc_id']}"
    reviews = ssd.tables["ssd_cp_reviews"]
    tables = {
        **ssd.tables,
        "ssd_initial_cp_conference": pa.Table.from_pylist(rows, schema=icpc.schema),
        "ssd_cp_reviews": reviews,
    }
    write_ssd_csv(tmp_path / "csv", tables)
    initial = _report(str(tmp_path / "csv"))["initial_conference_timeliness"]
    assert initial["by_conference"]["total"] == ssd.expected.initial_conferences
    assert initial["by_child"]["total"] == ssd.expected.initial_held


def test_sqlite_postgresql_and_csv_give_the_same_report(
    ssd_files: dict[str, str], ssd_postgresql: str
) -> None:
    first = _without_places(_report(ssd_files["sqlite"]))
    assert _without_places(_report(ssd_files["csv"])) == first
    assert _without_places(_report(ssd_postgresql, db_schema="council_ssd")) == first


def test_report_and_due_read_a_database_and_never_show_its_password(
    ssd_postgresql: str,
) -> None:
    from click.testing import CliRunner

    from safeguarding_rules.cli import main

    runner = CliRunner()
    report = runner.invoke(main, ["report", ssd_postgresql, "--db-schema", "council_ssd"])
    assert report.exit_code == 0, report.output
    assert "Recorded review due dates (cppr_cp_review_due)" in report.output
    assert SECRET not in report.output
    assert mask_url(ssd_postgresql) in report.output
    due = runner.invoke(
        main, ["due", ssd_postgresql, "--db-schema", "council_ssd", "--as-of", "2025-03-20"]
    )
    assert due.exit_code == 0, due.output
    assert SECRET not in due.output
    bad = runner.invoke(main, ["report", ssd_postgresql.replace(SECRET, "wrong-pw")])
    assert bad.exit_code != 0
    assert "wrong-pw" not in bad.output
    assert "Traceback" not in bad.output


def test_an_unreadable_recorded_date_or_flag_is_audited_never_refused(
    ssd: SyntheticSSD, tmp_path: Path
) -> None:
    """Issue 26 item 4, for the SSD: a target, a due date or a flag is only ever audited."""
    write_ssd_csv(tmp_path / "csv", ssd.tables)
    folder = tmp_path / "csv"
    for name, column, value in (
        ("ssd_initial_cp_conference", "icpc_icpc_target_date", "23/13/2022"),
        ("ssd_cp_reviews", "cppr_cp_review_due", "next spring"),
        ("ssd_cp_reviews", "cppr_cp_review_quorate", "partly"),
    ):
        path = folder / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        # The first row with a held date (so a review's flag is counted).
        held = next(i for i, r in enumerate(rows[1:], 1) if all(r[rows[0].index(c)] for c in
                    ("cppr_cp_review_date",) if c in rows[0]))  # fmt: skip
        rows[held][rows[0].index(column)] = value
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    data = _report(str(folder))  # not refused
    assert data["initial_conference_timeliness"]["by_child"]["total"] == ssd.expected.initial_held
    assert [u["value"] for u in data["recorded_targets"]["unreadable"]] == ["23/13/2022"]
    assert [u["value"] for u in data["recorded_review_due_dates"]["unreadable"]] == ["next spring"]
    assert data["recorded_quoracy"]["not_understood"] == 1
    assert [
        r["value"] for r in data["recorded_quoracy"]["rows"] if r["recorded"] != "not quorate"
    ] == ["partly"]
