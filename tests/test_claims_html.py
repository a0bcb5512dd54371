"""The checked text as HTML, in a real headless Chromium: evidence on hover and on focus."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import REPO
from yearbook.claims import check, render_html

AXE = REPO / ".cache" / "node_modules" / "axe-core" / "axe.min.js"
TEXT = (
    "In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: an increase of 9.2%.\n\n"
    "OPR runs three offices: ICE Security, ICE Inspections, and OPR Investigations.\n"
)


@pytest.fixture(scope="module")
def page(browser: Any) -> Any:
    tab = browser.new_page()
    tab.set_content(render_html(TEXT, check(TEXT)))
    return tab


def test_keyboard_focus_shows_the_evidence(page: Any) -> None:
    marks = page.locator("mark.claim[tabindex='0']")
    assert marks.count() == 4
    tips = page.locator(".claims-text .claim-evidence")
    assert not tips.nth(2).is_visible()
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "claim claim-contradicted"
    assert tips.nth(2).is_visible()
    assert "Contradicted" in tips.nth(2).inner_text()


def test_hover_shows_the_evidence(page: Any) -> None:
    tips = page.locator(".claims-text .claim-evidence")
    page.locator(".claims-text mark.claim").nth(3).hover()
    assert tips.nth(3).is_visible()
    assert "announces exactly 3 items" in tips.nth(3).inner_text()


def test_the_verdict_is_not_shown_by_colour_alone(page: Any) -> None:
    mark = page.locator(".claims-text mark.claim-contradicted").first
    assert "✗" in mark.locator(".claim-symbol").inner_text()
    assert mark.locator(".visually-hidden").inner_text().strip() == "(contradicted)"
    styles = page.evaluate(
        "[...document.querySelectorAll('.claims-text mark.claim')]"
        ".map(m => getComputedStyle(m).borderBottomStyle)"
    )
    assert styles == ["dotted", "dotted", "double", "solid"]


def test_axe_finds_no_violations(page: Any) -> None:
    assert AXE.is_file(), "axe-core is missing: run `sh scripts/test-setup.sh`"
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    assert violations == [], [v["id"] for v in violations]
