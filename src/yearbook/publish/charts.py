"""Charts as SVG, drawn by Vega-Lite (Altair) and rendered offline by vl-convert.

Every chart carries a text alternative and its data as table rows, so the page
says in words and numbers what the picture shows.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

import altair as alt
import vl_convert

from yearbook.calendar import label as fy_label
from yearbook.figures import Figure, Figures
from yearbook.figures.meta import MetricMeta
from yearbook.narrative.render import figure_anchor
from yearbook.publish import numbers
from yearbook.publish.cache import OutputCache, render_charts
from yearbook.rules import MONTH

__all__ = [
    "INK",
    "Chart",
    "Row",
    "breakdown_chart",
    "render_all",
    "render_svg",
    "sentence_case",
    "years_chart",
]

INK = "#0b3d63"
"""The one colour of the charts: the page's accent navy."""

Pool = Callable[[], Executor] | None
"""Gives the process pool to render charts in (started only when asked for)."""

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
TOP_CATEGORIES = 15


@dataclass(frozen=True)
class Row:
    """One row of a chart's data table."""

    label: str
    text: str
    sort: str
    change: str
    href: str


@dataclass(frozen=True)
class Chart:
    """A rendered chart: its id, caption, text alternative, SVG and data rows."""

    id: str
    title: str
    alt: str
    spec: dict[str, Any]
    column: str
    unit: str
    rows: tuple[Row, ...]

    @property
    def filename(self) -> str:
        return f"{self.id}.svg"


def render_svg(spec: dict[str, Any]) -> str:
    """A Vega-Lite spec as SVG text (no network: vl-convert bundles Vega)."""
    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg


def render_all(
    charts: Sequence[Chart], cache: OutputCache | None = None, pool: Pool = None
) -> list[str]:
    """Every chart as SVG: from ``cache`` where it holds the chart, the rest rendered
    (in the process ``pool`` when there are more than a few; see `yearbook.publish.cache`)."""
    return render_charts([c.spec for c in charts], cache or OutputCache(None), pool)


def _data(values: list[dict[str, Any]]) -> Any:
    return alt.Data(values=values)  # type: ignore[no-untyped-call]


def _config(chart: Any) -> Any:
    return (
        chart.configure_view(stroke=None)
        .configure_axis(
            labelFont=FONT,
            titleFont=FONT,
            labelFontSize=11,
            titleFontSize=11,
            labelColor="#333",
            titleColor="#333",
            gridColor="#e3e3e3",
            domainColor="#888",
            tickColor="#888",
        )
        .configure_text(font=FONT)
    )


@functools.cache
def _years_template(axis_title: str) -> str:
    """The column chart's Vega-Lite spec without data, as JSON (built once per axis title)."""
    base = alt.Chart(_data([])).encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=axis_title, axis=alt.Axis(format="~s", tickCount=4)),
    )
    bars = base.mark_bar(color=INK, width={"band": 0.7})
    text = base.mark_text(dy=-6, fontSize=10, color="#222").encode(
        text=alt.Text("value:Q", format=",.3~s")
    )
    return json.dumps(_config((bars + text).properties(width=300, height=150)).to_dict())


@functools.cache
def _breakdown_template(axis_title: str) -> str:
    """The bar chart's Vega-Lite spec without data, as JSON, bars largest first."""
    base = alt.Chart(_data([])).encode(
        y=alt.Y("category:N", sort="-x", title=None),
        x=alt.X("value:Q", title=axis_title, axis=alt.Axis(format="~s", tickCount=5)),
    )
    bars = base.mark_bar(color=INK, height={"band": 0.75})
    text = base.mark_text(align="left", dx=3, fontSize=10, color="#222").encode(
        text=alt.Text("value:Q", format=",")
    )
    return json.dumps(_config((bars + text).properties(width=420, height=120)).to_dict())


def _filled(template: str, values: list[dict[str, Any]]) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(template)
    spec["data"] = {"values": values}
    return spec


def _unit_title(decl: MetricMeta) -> str:
    if numbers.is_money(decl.unit):
        return "US dollars (millions)"
    return "percent" if decl.unit == "percent" else decl.unit


def _scale(decl: MetricMeta) -> float:
    """Money is drawn in millions of dollars; everything else as it is."""
    return 1e6 if numbers.is_money(decl.unit) else 1.0


def sentence_case(text: str) -> str:
    """The first letter in upper case, the rest as written.

    >>> sentence_case("hsi criminal arrests by HSI")
    'Hsi criminal arrests by HSI'
    """
    return text[:1].upper() + text[1:]


def years_chart(decl: MetricMeta, figures: Figures, years: Sequence[int], href: str) -> Chart:
    """Columns of a metric's headline value in each fiscal year."""
    figs = [f for y in years if (f := figures.find(decl.id, y)) is not None]
    shown = [f for f in figs if f.value is not None and not f.suppressed]
    data = [{"year": fy_label(f.fiscal_year), "value": _num(f) / _scale(decl)} for f in shown]
    spec = _filled(_years_template(_unit_title(decl)), data)
    title = f"{sentence_case(decl.label)}, {_span(years)}"
    rows = tuple(
        Row(
            fy_label(f.fiscal_year),
            numbers.cell(f),
            numbers.sort_key(f),
            numbers.change_cell(f),
            f"{href}#fy{f.fiscal_year}",
        )
        for f in figs
    )
    return Chart(
        id=f"{decl.id}-years",
        title=title,
        alt=_years_alt(decl, figs, years),
        spec=spec,
        column="Fiscal year",
        unit=decl.unit,
        rows=rows,
    )


def breakdown_chart(
    decl: MetricMeta,
    figures: Figures,
    breakdown: str,
    label: str,
    fiscal_year: int,
    href: str,
    category: Callable[[Figure], str] = lambda f: f.breakdown_value,
) -> Chart:
    """Horizontal bars of a metric by one breakdown in one year, largest first.

    ``category`` names each bar and row for readers (`yearbook.publish.labels`)."""
    figs = figures.breakdown(decl.id, fiscal_year, breakdown)
    shown = [f for f in figs if f.value is not None and not f.suppressed]
    if breakdown == MONTH:  # months in calendar order, every one of them
        shown.sort(key=lambda f: f.breakdown_value)
    else:
        shown = shown[:TOP_CATEGORIES]
    data = [{"category": category(f), "value": _num(f) / _scale(decl)} for f in shown]
    spec = _filled(_breakdown_template(_unit_title(decl)), data)
    if breakdown == MONTH:
        _in_order(spec, [category(f) for f in shown])
    spec["height"] = max(120, 18 * len(shown))
    rows = tuple(
        Row(
            category(f),
            numbers.cell(f),
            numbers.sort_key(f),
            numbers.change_cell(f),
            f"{href}#{figure_anchor(f.fiscal_year, f.breakdown, f.breakdown_value)}",
        )
        for f in figs
    )
    title = f"{sentence_case(decl.label)} by {label.lower()}, {fy_label(fiscal_year)}"
    return Chart(
        id=f"{decl.id}-{breakdown}",
        title=title,
        alt=_breakdown_alt(decl, figs, shown, label, fiscal_year, category),
        spec=spec,
        column=label,
        unit=decl.unit,
        rows=rows,
    )


def _in_order(spec: dict[str, Any], categories: list[str]) -> None:
    """Bars in the order given rather than largest first."""
    for layer in spec.get("layer", [spec]):
        layer["encoding"]["y"]["sort"] = categories


def _num(fig: Figure) -> float:
    return float(fig.value) if fig.value is not None else 0.0


def _span(years: Sequence[int]) -> str:
    return f"{fy_label(min(years))} to {fy_label(max(years))}" if years else ""


def _years_alt(decl: MetricMeta, figs: Sequence[Figure], years: Sequence[int]) -> str:
    parts = [f"{fy_label(f.fiscal_year)}: {numbers.cell(f)}" for f in figs]
    hidden = sum(1 for f in figs if f.value is None or f.suppressed)
    note = f" {hidden} suppressed." if hidden else ""
    return (
        f"Column chart of {decl.label}, {_span(years)}, one column per fiscal year. "
        + "; ".join(parts)
        + "."
        + note
    )


def _breakdown_alt(
    decl: MetricMeta,
    figs: Sequence[Figure],
    shown: Sequence[Figure],
    label: str,
    fiscal_year: int,
    category: Callable[[Figure], str],
) -> str:
    if figs and figs[0].breakdown == MONTH:
        months = "; ".join(f"{category(f)}: {numbers.cell(f)}" for f in shown)
        return (
            f"Bar chart of {decl.label} by {label.lower()} in {fy_label(fiscal_year)}, "
            f"one bar per month in calendar order. {months}. The same values are in the "
            "table below."
        )
    top = "; ".join(f"{category(f)}: {numbers.cell(f)}" for f in shown[:5])
    return (
        f"Bar chart of {decl.label} by {label.lower()} in {fy_label(fiscal_year)}, "
        f"the {len(shown)} largest of {len(figs)} categories, largest first. "
        f"Largest: {top}. The full list is in the table below."
    )
