"""The HTML report, rendered in headless Chromium (Debian's chromium package)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from safeguarding_rules.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="needs Debian's chromium (installed by .ci/run)",
)


def test_report_page_renders_with_its_charts(tmp_path: Path) -> None:
    assert CHROMIUM, "chromium is required in CI"
    page = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--format", "html", "--output", str(page)])
    assert result.exit_code == 0
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "78.3% (94 of 120)" in dom
    assert "86.7% (52 of 60)" in dom
    assert dom.count("<svg") == 4  # initial by period, bands, reviews by period, quoracy
    assert dom.count('class="bar"') >= 8
    shot = tmp_path / "report.png"
    subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=1000,1600",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )  # fmt: skip
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kilobytes
