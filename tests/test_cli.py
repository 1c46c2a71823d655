from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main


@pytest.fixture
def run() -> object:
    runner = CliRunner()

    def invoke(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(main, list(args))
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_calendar_add_prints_date_and_skipped_days(run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("calendar", "add", "2014-12-15", "15", "--division", "england-and-wales")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "2015-01-08"
    assert "day 0" in out
    for skipped in ("2014-12-25 Thursday  Christmas Day", "2014-12-26", "2015-01-01"):
        assert skipped in out


def test_calendar_add_accepts_uk_dates_and_negative_n(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("calendar", "add", "08/01/2015", "-15")
    assert code == 0
    assert out.splitlines()[0] == "2014-12-15"


def test_calendar_add_json(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("calendar", "add", "2014-12-15", "15", "--format", "json", "-d", "wales")
    assert code == 0
    payload = json.loads(out)
    assert payload["result"] == "2015-01-08"
    assert payload["division"] == "england-and-wales"
    assert payload["overlay"] is None
    assert payload["provisional"] is False
    bank = [d["date"] for d in payload["skipped"] if d["kind"] == "bank_holiday"]
    assert bank == ["2014-12-25", "2014-12-26", "2015-01-01"]


def test_calendar_add_with_overlay_says_so(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        "calendar",
        "add",
        "2014-12-15",
        "15",
        "--closure",
        "2014-12-29=Christmas closure",
        "--closure",
        "30/12/2014",
    )
    assert code == 0
    assert out.splitlines()[0] == "2015-01-12"
    assert "local overlay" in out
    assert "Christmas closure" in out


def test_calendar_between(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("calendar", "between", "2014-12-15", "2015-01-08")
    assert code == 0
    assert out.splitlines()[0] == "15"
    code, out, _ = run("calendar", "between", "2015-01-08", "2014-12-15", "--format", "json")
    assert json.loads(out)["working_days"] == -15


def test_calendar_divisions_lists_all(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("calendar", "divisions")
    assert code == 0
    for name in (
        "england-and-wales",
        "scotland",
        "northern-ireland",
        "guernsey",
        "jersey",
        "isle-of-man",
    ):
        assert name in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("calendar", "add", "2005-12-15", "15"), "outside the england-and-wales calendar"),
        (("calendar", "add", "2030-12-20", "15"), "past the end"),
        (("calendar", "add", "2014-12-15", "15", "-d", "mars"), "unknown calendar division 'mars'"),
        (("calendar", "add", "2014-13-15", "15"), "not a real date"),
        (("calendar", "add", "2014-12-15", "x"), "not a valid integer"),
        (("calendar", "add", "2014-12-15", "1", "--closure", "nope"), "'nope' is not a date"),
        (
            (
                "calendar",
                "add",
                "2014-12-15",
                "1",
                "--closure",
                "2014-12-16",
                "--extra-working-day",
                "2014-12-16",
            ),
            "both as a closure",
        ),
        (
            ("calendar", "add", "2014-12-15", "1", "--source", "workalendar", "-d", "scotland"),
            "cannot serve 'scotland'",
        ),
    ],
)
def test_errors_go_to_stderr_without_traceback(run, args, message) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(*args)
    assert code != 0
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    from safeguarding_rules import __version__

    code, out, _ = run("--version")
    assert code == 0
    assert __version__ in out


@pytest.mark.parametrize(
    "command",
    [["due", "{sample}", "--as-of", "2035-01-01"], ["report", "--unit", "--as-of", "2035-01-01"]],
)
def test_an_as_of_date_outside_the_calendar_is_refused_naming_the_option(
    command: list[str],
) -> None:
    from importlib.resources import files

    sample = str(files("safeguarding_rules") / "data" / "sample_conferences.csv")
    result = CliRunner().invoke(main, [part.format(sample=sample) for part in command])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--as-of': day 2035-01-01 is outside the england-and-wales "
        "calendar's coverage (2006-01-01 to 2030-12-31)"
    ) in result.stderr
    assert "Traceback" not in result.output
