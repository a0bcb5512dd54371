"""Breakdown categories reach readers by the labels their pack gives them, never as codes.

The pack's arrests table labels the criminality codes (``convicted`` is "Convicted
criminal"); the figure pages, the charts (page and PDF) and the open-data bundle show
those labels, and the code stays the key (anchors, ``breakdown_value``).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from tests.conftest import Demo
from yearbook.figures.meta import metric_meta
from yearbook.publish import bundle_name
from yearbook.publish.charts import breakdown_chart
from yearbook.publish.labels import value_labels

METRIC = "ero.admin_arrests"


@pytest.fixture(scope="module")
def criminality(demo: Demo) -> dict[str, str]:
    """The pack's labels of the criminality codes (what the outputs must show)."""
    labels = dict(demo.report.pack.tables["arrests"].column("criminality").labels)
    assert set(labels) == {"convicted", "pending", "other"}
    return labels


def test_figure_pages_show_labels_not_codes(demo: Demo, criminality: dict[str, str]) -> None:
    page = (demo.result.out / "figures" / f"{METRIC}.html").read_text()
    for code, label in criminality.items():
        row = re.search(rf'<tr id="fy2023-criminality-{code}"><th scope="row">([^<]*)</th>', page)
        assert row is not None, code
        assert row.group(1) == label


def test_the_bundle_gives_each_code_its_label(demo: Demo, criminality: dict[str, str]) -> None:
    archive = demo.result.out / "data" / bundle_name(demo.report)
    with zipfile.ZipFile(archive) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("figures.csv").decode())))
    labelled = [r for r in rows if r["metric"] == METRIC and r["breakdown"] == "criminality"]
    assert labelled
    for row in labelled:
        assert row["breakdown_label"] == criminality[row["breakdown_value"]]
    headline = [r for r in rows if not r["breakdown"]]
    assert all(r["breakdown_label"] == "" for r in headline)


def test_charts_name_categories_by_label(demo: Demo, criminality: dict[str, str]) -> None:
    """The chart function the page and the PDF share: bars, table rows and alt text."""
    metas = metric_meta(demo.report.metrics)
    labels = value_labels(metas, demo.report.pack.tables)
    chart = breakdown_chart(
        metas[METRIC], demo.result.figures, "criminality", "Criminal history", 2023, "x", labels.of
    )
    assert {row.label for row in chart.rows} == set(criminality.values())
    assert all(label in chart.alt for label in criminality.values())
    categories = {d["category"] for d in chart.spec["data"]["values"]}
    assert categories == set(criminality.values())


def test_a_month_chart_shows_every_month_in_calendar_order(demo: Demo) -> None:
    """A month is not ranked: its bars run from October to September, whatever their size."""
    metas = metric_meta(demo.report.metrics)
    chart = breakdown_chart(metas[METRIC], demo.result.figures, "month", "Month", 2023, "x")
    months = [d["category"] for d in chart.spec["data"]["values"]]
    assert months == [f"2022-{m:02d}" for m in (10, 11, 12)] + [
        f"2023-{m:02d}" for m in range(1, 10)
    ]
    assert all(layer["encoding"]["y"]["sort"] == months for layer in chart.spec["layer"])
    assert "calendar order" in chart.alt and "largest first" not in chart.alt
