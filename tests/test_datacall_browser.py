"""The data call end to end in Debian's Chromium, on a real server.

A submitter signs in and answers two requests; the reviewer returns one with a
comment; the submitter corrects it; the reviewer approves both. A build from the
call's database then states the approved value, and the figure's page names its
version, its submitter and its approver. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPORT_DIR
from tests.datacall_support import Server, answer_all_but
from tests.test_site_browser import AXE
from yearbook.cli import main
from yearbook.report import Report
from yearbook.warehouse import Warehouse

BY_BROWSER = ("hsi.tciu_partner_countries", "hsi.ondcp_awards_won")
AWARDS = ["Land Interdiction", "Illicit Finance Investigations", "Maritime Interdiction"]


@pytest.fixture(scope="module")
def server(datacall_db: str, report: Report) -> Iterator[Server]:
    """The call, every request but two answered from the report's file and approved."""
    running = Server(datacall_db).start()
    try:
        answer_all_but(report, datacall_db, BY_BROWSER)
        yield running
    finally:
        running.stop()


def sign_in(browser: Any, base: str, name: str) -> Any:
    page = browser.new_context().new_page()
    page.goto(f"{base}/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(f"{name}-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
    return page


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page (run past its strict CSP)."""
    assert AXE.is_file(), "axe-core is missing: run `sh scripts/test-setup.sh`"
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [f"{v['id']}: {v['help']}" for v in found if v["impact"] in ("serious", "critical")]


def open_request(page: Any, label: str) -> None:
    page.get_by_role("link", name=label, exact=True).click()
    page.wait_for_selector("#state")


def answer(page: Any, value: str, source: str, items: list[str] | None = None) -> None:
    page.get_by_label("Value", exact=True).fill(value)
    page.get_by_label("Source document").fill(source)
    if items is not None:
        page.get_by_label("Items, one a line").fill("\n".join(items))
    page.get_by_role("button", name="Submit").click()
    page.wait_for_selector("#state")


def test_submit_return_correct_approve_and_build(
    server: Server, browser: Any, warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    base = server.url
    hsi = sign_in(browser, base, "hsi")
    open_request(hsi, "TCIU partner countries")
    assert "15" in hsi.locator("dl").inner_text()  # last year's value, for context
    assert serious_violations(hsi) == []
    answer(hsi, "18", "TCIU roster, 30 September 2023")
    assert hsi.locator("#state").inner_text() == "submitted"
    hsi.goto(f"{base}/")
    open_request(hsi, "ONDCP award categories won by HSI")
    answer(hsi, "3", "ONDCP award letters", AWARDS)

    reviewer = sign_in(browser, base, "reviewer")
    assert serious_violations(reviewer) == []
    open_request(reviewer, "TCIU partner countries")
    assert serious_violations(reviewer) == []
    reviewer.get_by_label("Comment", exact=True).fill(
        "The Ecuador unit opened in October: 17 at year end."
    )
    reviewer.get_by_role("button", name="Return with comment").click()
    reviewer.wait_for_selector("#state")
    assert reviewer.locator("#state").inner_text() == "returned"

    hsi.goto(f"{base}/")
    assert "returned" in hsi.locator("table").inner_text()
    open_request(hsi, "TCIU partner countries")
    assert "17 at year end" in hsi.locator(".history").inner_text()
    answer(hsi, "17", "TCIU roster, 30 September 2023, corrected")

    for label in ("TCIU partner countries", "ONDCP award categories won by HSI"):
        reviewer.goto(f"{base}/")
        open_request(reviewer, label)
        reviewer.get_by_role("button", name="Approve").click()
        reviewer.wait_for_selector("#state")
        assert reviewer.locator("#state").inner_text() == "approved"
    history = reviewer.locator(".history").inner_text()
    assert "Version 1" in history and "Approved by reviewer" in history

    out = tmp_path / "site"
    args = ["build", str(REPORT_DIR), "--warehouse", str(warehouse_copy.root), "--out", str(out)]
    main([*args, "--datacall", server.db])
    figures = {
        (r["metric"], r["fiscal_year"], r["breakdown"]): r
        for r in csv.DictReader((out / "figures.csv").open(encoding="utf-8"))
    }
    assert float(figures[("hsi.tciu_partner_countries", "2023", "")]["value"]) == 17
    stated = re.compile(r"\[17\]\(figures/hsi\.tciu_partner_countries\.html#fy2023\) countries")
    assert stated.search((out / "report.md").read_text(encoding="utf-8"))
    page = browser.new_context().new_page()
    page.goto((out / "figures" / "hsi.tciu_partner_countries.html").resolve().as_uri())
    submitted = page.locator("table.submitted").inner_text()
    assert "data call answer v2, submitted by hsi, approved by reviewer" in submitted
    awards = (out / "figures" / "hsi.ondcp_awards_won.html").read_text(encoding="utf-8")
    assert "Maritime Interdiction" in awards and "approved by reviewer" in awards
