"""The command line, run as a user would: a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import Demo


def yearbook(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yearbook.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_explain_prints_value_and_sql(demo: Demo) -> None:
    run = yearbook("explain", "ero.admin_arrests", "--fy", "2023", "--build", str(demo.result.out))
    assert run.returncode == 0, run.stderr
    assert "170,590" in run.stdout
    assert "SELECT" in run.stdout and "FROM arrests" in run.stdout
    assert "COUNT(*)" in run.stdout


def test_explain_unknown_metric_is_one_clear_line(demo: Demo) -> None:
    run = yearbook("explain", "ero.nope", "--fy", "2023", "--build", str(demo.result.out))
    assert run.returncode == 2
    assert "no figure for ero.nope FY2023" in run.stderr
    assert "Traceback" not in run.stderr


def test_explain_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    run = yearbook(
        "explain", "ero.admin_arrests", "--fy", "2023", "--build", str(tmp_path / "none")
    )
    assert run.returncode == 2
    assert "yearbook demo" in run.stderr


def test_demo_command_writes_the_page(tmp_path: Path) -> None:
    run = yearbook("demo", "--out", str(tmp_path / "demo"))
    assert run.returncode == 0, run.stderr
    page = tmp_path / "demo" / "site" / "index.html"
    assert page.is_file()
    assert str(page) in run.stdout.replace("\n", "")
    assert "170,590" in page.read_text()
    assert (tmp_path / "demo" / "site" / "figures.csv").is_file()
