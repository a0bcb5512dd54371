"""The report as a static web page, with one page per metric showing its lineage."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markdown_it import MarkdownIt

from yearbook.calendar import label as fy_label
from yearbook.figures import Figure, Figures
from yearbook.metrics.declarations import MetricDecl
from yearbook.narrative.render import figure_anchor
from yearbook.report import Report

__all__ = ["markdown_to_html", "write_site"]

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("yearbook.publish", "templates"),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def markdown_to_html(markdown: str) -> str:
    html: str = MarkdownIt("commonmark", {"typographer": False}).enable("table").render(markdown)
    return html


def _fmt(fig: Figure) -> str:
    if fig.value is None:
        return "suppressed"
    if fig.unit == "percent":
        return f"{fig.value:.1f}%"
    if float(fig.value).is_integer():
        return f"{int(fig.value):,}"
    return f"{fig.value:,.2f}"


def _fmt_change(fig: Figure) -> str:
    if fig.yoy_change is None:
        return ""
    sign = "+" if fig.yoy_change > 0 else ""
    abs_part = (
        f"{sign}{fig.yoy_change:,.1f}" if fig.unit == "percent" else f"{sign}{fig.yoy_change:,.0f}"
    )
    if fig.unit == "percent":
        abs_part += " pp"
    if fig.yoy_change_pct is None:
        return abs_part
    return f"{abs_part} ({sign}{fig.yoy_change_pct:.1f}%)"


def write_site(report: Report, figures: Figures, markdown: str, out: Path) -> None:
    """Write index.html and figures/<metric>.html into ``out``."""
    body = markdown_to_html(markdown)
    page = _ENV.get_template("page.html.j2").render(
        title=report.spec.title, agency=report.spec.agency, body=body, root=""
    )
    (out / "index.html").write_text(page, encoding="utf-8")
    folder = out / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    for metric_id, decl in report.metrics.items():
        (folder / f"{metric_id}.html").write_text(
            _figure_page(report, decl, figures), encoding="utf-8"
        )


def _figure_page(report: Report, decl: MetricDecl, figures: Figures) -> str:
    rows = [f for f in figures if f.metric == decl.id]
    totals = sorted((f for f in rows if not f.breakdown), key=lambda f: f.fiscal_year)
    breakdowns = {}
    for name in decl.breakdowns:
        cats = sorted(
            (f for f in rows if f.breakdown == name and f.fiscal_year == report.spec.fiscal_year),
            key=lambda f: (-(f.value or 0), f.breakdown_value),
        )
        breakdowns[name] = (report.spec.breakdowns.get(name, name), cats)
    sql = {"": totals[0].sql if totals else ""}
    for name in decl.breakdowns:
        cats = [f for f in rows if f.breakdown == name]
        if cats:
            sql[name] = cats[0].sql
    return _ENV.get_template("figure.html.j2").render(
        title=f"{decl.label} — {decl.id}",
        decl=decl,
        totals=totals,
        breakdowns=breakdowns,
        sql=sql,
        fmt=_fmt,
        fmt_change=_fmt_change,
        fy_label=fy_label,
        anchor=figure_anchor,
        root="../",
        report_title=report.spec.title,
    )
