"""The published report in a real browser: Debian's Chromium, headless, over HTTP.

The page loads with no console error and no request to another host; every
office section and chart is there; a number's link leads to its figure page
with the same value; tables sort by mouse and keyboard; axe-core finds no
serious or critical accessibility violation. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import REPO, CbpBuild, Demo, http_server

AXE = REPO / ".cache" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _served(folder: Path) -> Iterator[str]:
    """A build folder served over HTTP on a free local port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder.resolve()))
    with http_server(handler) as origin:
        yield origin


@pytest.fixture(scope="module")
def site_server(demo: Demo) -> Iterator[str]:
    """The demo build served over HTTP on a free local port; yields its base URL."""
    with _served(demo.result.out) as url:
        yield url


@pytest.fixture(scope="module")
def cbp_server(cbp_build: CbpBuild) -> Iterator[str]:
    """The CBP report, as `make cbp` builds it, served over HTTP; yields its base URL."""
    with _served(cbp_build.out) as url:
        yield url


NUMERAL = re.compile(r"^\d{1,3}(,\d{3})*$")


@dataclass
class Visit:
    """A page opened in the browser, with everything it logged and requested."""

    page: Any
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def _opener(browser: Any, base: str, contexts: list[Any]) -> Any:
    def open_page(path: str) -> Visit:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        seen = Visit(page)
        page.on(
            "console",
            lambda m: seen.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        page.on("pageerror", lambda e: seen.errors.append(str(e)))

        def guard(route: Any) -> None:
            host = urlparse(route.request.url).hostname
            if host not in ("127.0.0.1", None) and not route.request.url.startswith("data:"):
                seen.foreign.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        page.route("**/*", guard)
        page.goto(f"{base}/{path}", wait_until="load")
        return seen

    return open_page


@pytest.fixture
def visit(browser: Any, site_server: str) -> Iterator[Any]:
    contexts: list[Any] = []
    yield _opener(browser, site_server, contexts)
    for context in contexts:
        context.close()


@pytest.fixture
def cbp_visit(browser: Any, cbp_server: str) -> Iterator[Any]:
    contexts: list[Any] = []
    yield _opener(browser, cbp_server, contexts)
    for context in contexts:
        context.close()


def _axe_serious(seen: Visit) -> list[dict[str, Any]]:
    assert AXE.is_file(), "axe-core is missing: run `sh scripts/test-setup.sh`"
    seen.page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = seen.page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))"
    )
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def test_the_report_loads_cleanly_and_offline(visit: Any) -> None:
    seen = visit("index.html")
    assert seen.page.title()
    assert seen.errors == []
    assert seen.foreign == []


def test_every_office_section_panel_and_chart_is_present(visit: Any, demo: Demo) -> None:
    page = visit("index.html").page
    for section in demo.report.for_tables(demo.warehouse.tables()).spec.sections:
        block = page.locator(f"section#{section.id}")
        assert block.locator("h2").first.inner_text().startswith(section.title)
        assert block.locator(".panel li").count() == len(section.panel)
        charts = block.locator("figure.chart img")
        assert charts.count() == len(section.panel) + len(section.charts)
        for i in range(charts.count()):
            img = charts.nth(i)
            assert img.evaluate("el => el.complete && el.naturalWidth > 0"), img.get_attribute(
                "src"
            )
            assert len(img.get_attribute("alt") or "") > 40
        if section.charts:
            assert block.locator("figure.chart table tbody tr").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)


def test_following_a_number_opens_its_figure_with_the_same_value(visit: Any) -> None:
    page = visit("index.html").page
    link = page.locator("main p a[href^='figures/ero.admin_arrests.html']").first
    shown = link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("figures/ero.admin_arrests.html#fy2023")
    row = page.locator("tr#fy2023")
    assert row.locator("td.value").inner_text() == shown
    assert (
        page.locator("pre code").first.inner_text().lstrip().upper().startswith(("SELECT", "WITH"))
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "figure.png"), full_page=True)


def test_every_numeral_in_the_prose_matches_its_figure_row(visit: Any) -> None:
    page = visit("index.html").page
    links = page.locator("main p a[href^='figures/'], main li a[href^='figures/']")
    pairs = [
        (links.nth(i).inner_text(), links.nth(i).get_attribute("href"))
        for i in range(links.count())
    ]
    numerals = [(text, href) for text, href in pairs if NUMERAL.match(text)]
    assert len(numerals) >= 10
    base = page.url.rsplit("/", 1)[0]
    for text, href in numerals:
        page.goto(f"{base}/{href}")
        anchor = href.split("#", 1)[1]
        cell = page.locator(f"tr[id='{anchor}'] td.value").inner_text()
        # the prose rounds to whole units; the table shows every digit
        assert abs(float(cell.replace(",", "")) - float(text.replace(",", ""))) <= 0.5, href


def test_breakdown_tables_sort_by_click_and_keyboard(visit: Any) -> None:
    page = visit("index.html").page
    figure = page.locator("figure.chart", has=page.locator("img[src*='-aor.svg']"))
    figure.locator("summary").click()
    table = figure.locator("table.sortable")
    values = lambda: [  # noqa: E731
        float(v or "-inf")
        for v in table.locator("tbody td[data-sort]").evaluate_all(
            "cells => cells.map(c => c.dataset.sort)"
        )
    ]
    header = table.locator("thead th").nth(1)
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert values() == sorted(values())
    header.locator("button").focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert values() == sorted(values(), reverse=True)


@pytest.mark.parametrize(
    "path", ["index.html", "figures/ero.admin_arrests.html", "claims.html", "figures/index.html"]
)
def test_no_serious_accessibility_violations(visit: Any, path: str) -> None:
    seen = visit(path)
    assert _axe_serious(seen) == []
    assert seen.errors == []


@pytest.mark.parametrize("path", ["index.html", "figures/cbp.encounters.html"])
def test_the_cbp_report_loads_cleanly_offline_and_accessibly(cbp_visit: Any, path: str) -> None:
    """The second agency's page: no console error, nothing fetched elsewhere, axe clean."""
    seen = cbp_visit(path)
    assert seen.page.title()
    assert _axe_serious(seen) == []
    assert seen.errors == []
    assert seen.foreign == []
    if path == "index.html":
        assert seen.page.locator("section#who figure.chart img").count() == 6
        ARTIFACTS.mkdir(exist_ok=True)
        seen.page.screenshot(path=str(ARTIFACTS / "cbp-report.png"), full_page=True)
