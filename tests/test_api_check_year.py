"""``POST /api/check`` without a fiscal year reads a text as `yearbook check` without
``--fy`` does: a claim that names no year is about the year the text names most, not
the build's year. Against a real `yearbook serve` of the demo build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import REPORT_DIR, Demo
from tests.test_api import serving
from yearbook.cli import main

COMPARED = ("text", "start", "end", "value", "kind", "fiscal_year", "verdict", "metric", "reason")


def cli_claims(capsys: pytest.CaptureFixture[str], text: Path, build: Path) -> list[dict[str, Any]]:
    """`yearbook check TEXT --figures BUILD --format json` (no --fy) through the entry point."""
    args = ["check", str(text), "--figures", str(build), "--format", "json"]
    with pytest.raises(SystemExit) as stop:
        main([*args, "--report", str(REPORT_DIR)])
        raise SystemExit(0)  # main returns when nothing is contradicted
    printed = capsys.readouterr()
    assert stop.value.code in (0, 1), printed.out + printed.err
    claims: list[dict[str, Any]] = json.loads(printed.out)
    return claims


def test_a_text_of_another_year_gets_the_clis_verdicts(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = demo.result.figures
    year = max(figures.years) - 1  # not the build's year
    removals = figures.value("ero.removals", year)
    assert removals != figures.value("ero.removals", year + 1)
    text = (
        f"In FY {year}, ICE removed {removals:,.0f} people.\n\n"
        f"In FY {year}, ERO made {figures.value('ero.admin_arrests', year):,.0f} "
        "administrative arrests.\n\n"
        f"ERO removed {removals:,.0f} people.\n"  # names no year
    )
    file = tmp_path / "text.md"
    file.write_text(text, encoding="utf-8")
    by_cli = cli_claims(capsys, file, demo.result.out)
    with serving(demo.result.out, tmp_path / "server.log") as url:
        answer = httpx.post(f"{url}/api/check", json={"text": text}, timeout=30)
    assert answer.status_code == 200, answer.text
    by_api = answer.json()["claims"]
    assert [{k: c.get(k) for k in COMPARED} for c in by_api] == [
        {k: c.get(k) for k in COMPARED} for c in by_cli
    ]
    yearless = by_api[-1]
    assert (yearless["fiscal_year"], yearless["verdict"]) == (year, "supported"), yearless
