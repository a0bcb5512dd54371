"""The report as a static web site.

::

    OUT/index.html              the report: offices, statistics panels, prose, charts
    OUT/figures/<metric>.html   one page per metric: definition, SQL, fingerprint, years
    OUT/figures/index.html      every metric
    OUT/claims.html             the claim checker's verdicts over the report's text
    OUT/charts/*.svg            the charts (also used by the PDF)
    OUT/assets/                 the style sheet and the sorting script (nothing remote)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup

from yearbook.calendar import label as fy_label
from yearbook.claims import check
from yearbook.figures import Figure, Figures
from yearbook.figures.meta import MetricMeta, metric_meta
from yearbook.narrative.render import figure_anchor, figure_href, strip_links
from yearbook.publish import numbers
from yearbook.publish.charts import (
    Chart,
    breakdown_chart,
    render_all,
    sentence_case,
    years_chart,
)
from yearbook.publish.labels import value_labels
from yearbook.report import Report, Section

__all__ = [
    "ENV",
    "PanelItem",
    "ReportView",
    "SectionView",
    "allowed_link",
    "figure_page",
    "markdown_to_html",
    "metric_charts",
    "report_view",
    "split_sections",
    "write_page",
    "write_site",
]

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("yearbook.publish", "templates"),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class PanelItem:
    """One headline number of a statistics panel."""

    metric: str
    label: str
    value: str
    change: str
    href: str
    suppressed: bool


@dataclass(frozen=True)
class SectionView:
    """An office's section, ready to render."""

    id: str
    office: str
    title: str
    body: Markup
    """The prose as HTML, made by `markdown_to_html`."""
    panel: tuple[PanelItem, ...]
    year_charts: tuple[Chart, ...]
    breakdown_charts: tuple[Chart, ...]

    @property
    def charts(self) -> tuple[Chart, ...]:
        return self.year_charts + self.breakdown_charts


@dataclass(frozen=True)
class ReportView:
    """Everything the page and the PDF show, computed once."""

    title: str
    agency: str
    summary: str
    fiscal_year: int
    sections: tuple[SectionView, ...]
    suppressed: bool

    @property
    def charts(self) -> list[Chart]:
        return [c for s in self.sections for c in s.charts]

    @property
    def numbers(self) -> dict[str, int]:
        """Figure numbers of the charts, in reading order."""
        return {c.id: i for i, c in enumerate(self.charts, start=1)}


def allowed_link(url: str, hosts: Collection[str] = ()) -> bool:
    """Whether prose may link to ``url``: a page of the report itself (a relative path
    that stays inside the build), or ``https:`` on one of ``hosts``.

    >>> [allowed_link(u) for u in ["figures/a.html#fy2023", "#ero", "../x", "//evil.org/"]]
    [True, True, False, False]
    >>> [allowed_link(u, ["www.ice.gov"]) for u in ["https://www.ice.gov/x", "http://www.ice.gov"]]
    [True, False]
    >>> [allowed_link(u) for u in ["javascript:alert(1)", "file:///etc/passwd", "data:,x"]]
    [False, False, False]
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "\\")):
        wanted = {h.lower() for h in hosts}
        return parts.scheme == "https" and (parts.hostname or "") in wanted
    return "\\" not in url and ".." not in parts.path.split("/")


class _Prose(MarkdownIt):
    """CommonMark with tables, raw HTML off, links and images checked by `allowed_link`."""

    def __init__(self, hosts: Collection[str]) -> None:
        super().__init__("commonmark", {"html": False, "typographer": False})
        self.enable("table")
        self.hosts = tuple(hosts)

    def validateLink(self, url: str) -> bool:  # markdown-it calls it by this name
        return allowed_link(url, self.hosts)


def markdown_to_html(markdown: str, link_hosts: Collection[str] = ()) -> Markup:
    """The prose as HTML: the one place it is rendered. Raw HTML in it is shown as
    text; a link or image that `allowed_link` refuses is written as text."""
    html: str = _Prose(link_hosts).render(markdown)
    return Markup(html)


def split_sections(markdown: str, sections: Sequence[Section]) -> dict[str, str]:
    """Each section's Markdown body, found under its ``## Title`` heading."""
    lines = markdown.splitlines()
    starts = {
        s.id: next((i for i, line in enumerate(lines) if line.strip() == f"## {s.title}"), -1)
        for s in sections
    }
    found = sorted((i, sid) for sid, i in starts.items() if i >= 0)
    bodies = {sid: "" for sid in starts}
    for n, (i, sid) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        bodies[sid] = "\n".join(lines[i + 1 : end]).strip()
    return bodies


def _panel_item(decl: MetricMeta, figures: Figures, fiscal_year: int) -> PanelItem:
    fig = figures.get(decl.id, fiscal_year)
    change = numbers.change_cell(fig)
    return PanelItem(
        metric=decl.id,
        label=sentence_case(decl.label),
        value=numbers.headline(fig, digits=decl.display.digits),
        change="" if change == "–" else f"{change} on {fy_label(fiscal_year - 1)}",
        href=figure_href(decl.id, fiscal_year),
        suppressed=fig.suppressed,
    )


def _section_view(
    report: Report,
    figures: Figures,
    section: Section,
    body: str,
    metric_charts: Mapping[str, Chart],
) -> SectionView:
    fy, metrics = report.spec.fiscal_year, metric_meta(report.metrics)
    href = "figures/{}.html".format
    category = value_labels(metric_meta(report.metrics), report.pack.tables).of
    year_charts = tuple(metric_charts[m] for m in section.panel if m in metric_charts)
    breakdown_charts = []
    for pair in section.charts:
        mid, _, name = pair.partition(":")
        label = report.spec.breakdowns.get(name, name)
        chart = breakdown_chart(metrics[mid], figures, name, label, fy, href(mid), category)
        breakdown_charts.append(chart)
    return SectionView(
        id=section.id,
        office=section.office,
        title=section.title,
        body=markdown_to_html(body, report.spec.link_hosts),
        panel=tuple(_panel_item(metrics[m], figures, fy) for m in section.panel),
        year_charts=year_charts,
        breakdown_charts=tuple(breakdown_charts),
    )


def metric_charts(report: Report, figures: Figures) -> dict[str, Chart]:
    """Each metric's chart over the fiscal years (metrics with a figure this year)."""
    return {
        decl.id: years_chart(decl, figures, report.spec.years, f"figures/{decl.id}.html")
        for decl in metric_meta(report.metrics).values()
        if figures.find(decl.id, report.spec.fiscal_year) is not None
    }


def report_view(
    report: Report,
    figures: Figures,
    markdown: str,
    charts: Mapping[str, Chart] | None = None,
) -> ReportView:
    """Lay out the report: sections with their prose, panels and charts."""
    bodies = split_sections(markdown, report.spec.sections)
    by_metric = metric_charts(report, figures) if charts is None else charts
    sections = tuple(
        _section_view(report, figures, s, bodies[s.id], by_metric) for s in report.spec.sections
    )
    return ReportView(
        title=report.spec.title,
        agency=report.spec.agency,
        summary=report.spec.summary,
        fiscal_year=report.spec.fiscal_year,
        sections=sections,
        suppressed=any(f.suppressed for f in figures),
    )


def _copy_assets(out: Path) -> None:
    target = out / "assets"
    target.mkdir(parents=True, exist_ok=True)
    static = resources.files("yearbook.publish") / "static"
    for name in ("style.css", "sort.js"):
        (target / name).write_text(static.joinpath(name).read_text("utf-8"), encoding="utf-8")


RenderCharts = Callable[[Sequence[Chart]], list[str]]
"""Charts to SVG: `render_all` by default; a build passes one with a cache and a pool."""


def _write_charts(
    view: ReportView, out: Path, extra: Sequence[Chart], render: RenderCharts
) -> None:
    folder = out / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    charts = list({c.id: c for c in [*view.charts, *extra]}.values())
    for chart, svg in zip(charts, render(charts), strict=True):
        (folder / chart.filename).write_text(svg, encoding="utf-8")


def write_site(
    report: Report,
    figures: Figures,
    markdown: str,
    out: Path,
    *,
    downloads: Mapping[str, str] | None = None,
    render: RenderCharts = render_all,
    charts_written: Callable[[ReportView], None] | None = None,
) -> ReportView:
    """Write the report page, the figure pages, the claims page, charts and assets.

    ``charts_written`` is called once the charts are in ``out`` (the PDF, which
    shows them, can start then, while the pages are written).
    """
    charts = metric_charts(report, figures)
    view = report_view(report, figures, markdown, charts)
    _copy_assets(out)
    _write_charts(view, out, list(charts.values()), render)
    if charts_written is not None:
        charts_written(view)
    write_page(view, out, downloads)
    _write_figure_pages(report, figures, out, charts)
    write_claims_page(report, figures, markdown, out)
    return view


def write_page(view: ReportView, out: Path, downloads: Mapping[str, str] | None = None) -> None:
    """``index.html``: the report itself (its charts are written by `write_site`)."""
    links = {"pdf_name": "report.pdf", "bundle_name": "bundle.zip", **(downloads or {})}
    page = ENV.get_template("report.html.j2").render(
        title=view.title,
        agency=view.agency,
        summary=view.summary,
        sections=view.sections,
        numbers=view.numbers,
        fy_label=fy_label(view.fiscal_year),
        suppressed=view.suppressed,
        suppressed_note=numbers.SUPPRESSED_NOTE,
        root="",
        **links,
    )
    (out / "index.html").write_text(page, encoding="utf-8")


def _write_figure_pages(
    report: Report, figures: Figures, out: Path, charts: Mapping[str, Chart]
) -> None:
    folder = out / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    compared = _compared(out)
    submitted = _submitted(out)
    for decl in metric_meta(report.metrics).values():
        html = figure_page(
            report,
            decl,
            figures,
            charts.get(decl.id),
            published=compared.get(decl.id, []),
            submitted=submitted.get(decl.id, []),
        )
        (folder / f"{decl.id}.html").write_text(html, encoding="utf-8")
    index = ENV.get_template("index.html.j2").render(
        title=f"Metrics — {report.spec.title}",
        agency=report.spec.agency,
        report_title=report.spec.title,
        metrics=list(metric_meta(report.metrics).values()),
        root="../",
    )
    (folder / "index.html").write_text(index, encoding="utf-8")


def _compared(out: Path) -> dict[str, list[dict[str, Any]]]:
    """The build's published-and-computed lines of headline figures, by metric."""
    path = out / "reconcile.json"
    if not path.is_file():
        return {}
    by_metric: dict[str, list[dict[str, Any]]] = {}
    for line in json.loads(path.read_text(encoding="utf-8")):
        if line["metric"] and not line["breakdown"]:
            by_metric.setdefault(line["metric"], []).append(line)
    return by_metric


def _submitted(out: Path) -> dict[str, list[dict[str, Any]]]:
    """The build's submission rows of submitted figures, by metric (who, when, source)."""
    path = out / "submissions.json"
    if not path.is_file():
        return {}
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _plain(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _prior(fig: Figure) -> str:
    if fig.prior_value is None or fig.suppressed:
        return "–"
    prior = Figure(**{**fig.__dict__, "value": fig.prior_value, "status": "published"})
    return numbers.cell(prior)


def _declaration(report: Report, metric: str) -> str:
    """The metric's declaration as the report folder states it."""
    data = report.metrics[metric].model_dump(mode="json", exclude_defaults=True)
    text: str = yaml.safe_dump([data], sort_keys=False, allow_unicode=True, width=88)
    return text


def figure_page(
    report: Report,
    decl: MetricMeta,
    figures: Figures,
    chart: Chart | None,
    *,
    published: Sequence[Mapping[str, Any]] = (),
    submitted: Sequence[Mapping[str, Any]] = (),
) -> str:
    """One metric's page: definition, values per year and breakdown, SQL, declaration,
    the values the agency published beside the computed ones, and for a submitted
    figure who submitted it, when and from what source."""
    fy = report.spec.fiscal_year
    rows = [f for f in figures if f.metric == decl.id]
    totals = sorted((f for f in rows if not f.breakdown), key=lambda f: f.fiscal_year)
    breakdowns = [
        (name, report.spec.breakdowns.get(name, name), figures.breakdown(decl.id, fy, name))
        for name in decl.breakdowns
    ]
    sql = [("Headline figures", totals[-1].sql)] if totals else []
    for _name, label, cats in breakdowns:
        if cats:
            sql.append((f"By {label.lower()}", cats[0].sql))
    return ENV.get_template("figure.html.j2").render(
        title=f"{sentence_case(decl.label)} — {report.spec.title}",
        agency=report.spec.agency,
        report_title=report.spec.title,
        decl=decl,
        totals=totals,
        published=published,
        submitted=submitted,
        plain=_plain,
        breakdowns=[b for b in breakdowns if b[2]],
        fiscal_year=fy,
        sql=sql,
        chart=chart,
        declaration=_declaration(report, decl.id),
        sentence_case=sentence_case,
        suppressed=any(f.suppressed for f in rows),
        suppressed_note=numbers.SUPPRESSED_NOTE,
        cell=numbers.cell,
        change=numbers.change_cell,
        prior=_prior,
        sort_key=numbers.sort_key,
        fy_label=fy_label,
        anchor=figure_anchor,
        category=value_labels(metric_meta(report.metrics), report.pack.tables).of,
        root="../",
    )


def _claims(report: Report, figures: Figures, markdown: str, out: Path) -> list[dict[str, Any]]:
    """The checker's verdicts: the build's ``claims.json`` if written, else checked now."""
    path = out / "claims.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data.get("claims", []) if isinstance(data, dict) else data
        return [dict(row) for row in rows]
    result = check(
        strip_links(markdown),
        figures,
        fiscal_year=report.spec.fiscal_year,
        fmt="markdown",
        metrics=metric_meta(report.metrics),
    )
    return [c.to_dict() for c in result.claims]


def write_claims_page(report: Report, figures: Figures, markdown: str, out: Path) -> None:
    """``claims.html``: every numeric claim of the text and the checker's verdict."""
    verdicts = _claims(report, figures, markdown, out)
    tally = sorted(Counter(str(c.get("verdict")) for c in verdicts).items())
    html = ENV.get_template("claims.html.j2").render(
        title=f"Checked claims — {report.spec.title}",
        agency=report.spec.agency,
        report_title=report.spec.title,
        claims=verdicts,
        tally=tally,
        root="",
    )
    (out / "claims.html").write_text(html, encoding="utf-8")
