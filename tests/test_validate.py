"""Validation that reports everything: a report with five planted mistakes lists all five."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPORT_DIR, copy_report
from yearbook.problems import ValidationFailed
from yearbook.report import load_report
from yearbook.validation import validate_report


def _plant(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file with `new`; the 1-based line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, list[tuple[Path, int, str]]]:
    """A copy of the flagship report with five mistakes, and where each is."""
    folder = copy_report(tmp_path)
    spec, ero, hsi = (
        folder / "report.yaml",
        folder / "metrics" / "ero.yaml",
        folder / "metrics" / "hsi.yaml",
    )
    planted = [
        (spec, _plant(spec, "fiscal_year: 2023", "fiscal_year: twenty"), "fiscal_year: "),
        (
            spec,
            _plant(spec, "template: ero.md.j2", "template: ero.md.jinja"),
            "section 'ero': template 'ero.md.jinja' not found",
        ),
        (
            spec,
            _plant(spec, "      - ero.charges_total\n", "      - ero.charges_totl\n"),
            "section 'ero': panel names unknown metric 'ero.charges_totl'",
        ),
        (
            ero,
            _plant(ero, "  table: arrests\n", "  table: arests\n"),
            "metric 'ero.admin_arrests': unknown table 'arests'",
        ),
        (
            hsi,
            _plant(hsi, "  column: quantity\n", "  column: quantities\n"),
            "column 'quantities' is not a column of seizures",
        ),
    ]
    return folder, planted


def test_the_flagship_report_has_no_problems() -> None:
    assert validate_report(REPORT_DIR) == []


def test_every_planted_mistake_is_listed_with_file_and_line(
    broken: tuple[Path, list[tuple[Path, int, str]]],
) -> None:
    folder, planted = broken
    found = validate_report(folder)
    assert [(p.file.resolve(), p.line) for p in found] == sorted(
        (file.resolve(), line) for file, line, _ in planted
    )
    expected = sorted(planted, key=lambda p: (str(p[0]), p[1]))
    for problem, (_, _, words) in zip(found, expected, strict=True):
        assert words in problem.message


def test_loading_a_broken_report_refuses_it_with_every_problem(
    broken: tuple[Path, list[tuple[Path, int, str]]],
) -> None:
    folder, planted = broken
    with pytest.raises(ValidationFailed) as caught:
        load_report(folder)
    assert len(caught.value.problems) == len(planted) == 5
    for file, line, _ in planted:
        assert f"{file}:{line}: " in str(caught.value)


def test_the_validate_command_prints_them_all_and_fails(
    broken: tuple[Path, list[tuple[Path, int, str]]],
) -> None:
    folder, planted = broken
    run = subprocess.run(
        [sys.executable, "-m", "yearbook.cli", "validate", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    listed = [line for line in run.stdout.splitlines() if line.startswith(str(folder))]
    assert len(listed) == 5
    for file, line, words in planted:
        assert any(entry.startswith(f"{file}:{line}: ") and words in entry for entry in listed)
    assert "5 problems" in run.stderr + run.stdout


def test_the_validate_command_passes_a_sound_report() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "yearbook.cli", "validate", str(REPORT_DIR)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no problems" in run.stdout
