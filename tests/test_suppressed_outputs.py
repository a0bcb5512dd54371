"""A suppressed figure is never a number in any output: a marker and a footnote instead."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import Demo
from yearbook.disclosure.readers import pdf_text
from yearbook.figures import Figure
from yearbook.narrative.render import figure_anchor
from yearbook.publish import bundle_name, pdf_name
from yearbook.publish.numbers import SUPPRESSED, SUPPRESSED_NOTE


@pytest.fixture(scope="module")
def suppressed(demo: Demo) -> list[Figure]:
    fy = demo.report.spec.fiscal_year
    found = [f for f in demo.result.figures if f.suppressed and f.fiscal_year == fy]
    assert found, "the demo has no suppressed figure to show"
    return found


def _row(html: str, anchor: str) -> str:
    match = re.search(rf'<tr id="{re.escape(anchor)}">(.*?)</tr>', html, re.S)
    assert match, anchor
    return match.group(1)


def test_figure_pages_show_the_marker_and_the_footnote(
    demo: Demo, suppressed: list[Figure]
) -> None:
    for fig in suppressed:
        html = (demo.result.out / "figures" / f"{fig.metric}.html").read_text()
        row = _row(html, figure_anchor(fig.fiscal_year, fig.breakdown, fig.breakdown_value))
        cells = re.findall(r'<td class="value"[^>]*>([^<]*)</td>', row)
        assert cells == [SUPPRESSED]
        assert 'data-sort=""' in row
        assert SUPPRESSED_NOTE in html


def test_the_report_page_and_pdf_carry_the_footnote(demo: Demo) -> None:
    html = (demo.result.out / "index.html").read_text()
    assert SUPPRESSED_NOTE in html
    pdf = demo.result.out / pdf_name(demo.report)
    text = pdf_text(pdf)
    assert "Suppressed:" in " ".join(text.split())


def test_open_data_has_no_value_for_a_suppressed_figure(
    demo: Demo, suppressed: list[Figure]
) -> None:
    records = json.loads((demo.result.out / "data" / "figures.json").read_text())
    keys = {(f.metric, f.fiscal_year, f.breakdown, f.breakdown_value) for f in suppressed}
    hidden = [
        r
        for r in records
        if (r["metric"], r["fiscal_year"], r["breakdown"], r["breakdown_value"]) in keys
    ]
    assert len(hidden) == len(keys)
    assert all(r["value"] is None and r["status"] == "suppressed" for r in hidden)
    assert (demo.result.out / "data" / bundle_name(demo.report)).is_file()
