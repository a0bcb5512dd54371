"""A report build: warehouse -> figures -> prose -> output folder.

Each step has the same shape (inputs in, outputs out, checks inside) and
`build` runs them in order, reporting progress through a callback.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from yearbook import __version__
from yearbook.figures import Figures, write_figures
from yearbook.metrics.compiler import compile_plan
from yearbook.metrics.engine import Inputs, compute_figures
from yearbook.narrative.render import Renderer
from yearbook.report import Report
from yearbook.warehouse import Database, Warehouse, checksum

__all__ = ["BuildResult", "build", "compute", "render_markdown"]

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    out: Path
    figures: Figures
    markdown: str
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def page(self) -> Path:
        return self.out / "index.html"


def _inputs(warehouse: Warehouse, report: Report) -> Inputs:
    partitions = {
        (p.table, p.fiscal_year): p.fingerprint
        for table in warehouse.tables()
        for p in warehouse.partitions(table)
    }
    references = {name: checksum([path]) for name, path in report.references.items()}
    return Inputs(partitions=partitions, references=references)


def compute(report: Report, warehouse: Warehouse) -> pa.Table:
    """Compute the figures table of a report from a warehouse."""
    warehouse.require(sorted(report.tables))
    plan = compile_plan(report.metrics)
    with Database(warehouse, references=report.references) as db:
        return compute_figures(
            report.metrics, db.query, report.spec.years, _inputs(warehouse, report), plan
        )


def render_markdown(report: Report, figures: Figures, *, links: bool = True) -> str:
    """The whole report as Markdown: a title, then each section from its template."""
    renderer = Renderer(
        report.templates, report.metrics, figures, report.spec.fiscal_year, links=links
    )
    parts = [f"# {report.spec.title}\n", f"{report.spec.summary}\n" if report.spec.summary else ""]
    for section in report.spec.sections:
        body = renderer.render(section.template).strip()
        parts.append(f"## {section.title}\n\n{body}\n")
    return "\n".join(p for p in parts if p)


def build(
    report: Report,
    warehouse: Warehouse,
    out: Path,
    *,
    progress: Progress | None = None,
) -> BuildResult:
    """Compute, render and write a report into ``out``."""
    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    say("computing figures")
    table = compute(report, warehouse)
    figures = Figures(table)
    timings["compute"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    say("rendering the report")
    markdown = render_markdown(report, figures)
    timings["render"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    say("writing the output")
    out.mkdir(parents=True, exist_ok=True)
    write_figures(figures.table, out)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    from yearbook.publish.html import write_site

    write_site(report, figures, markdown, out)
    timings["write"] = time.perf_counter() - t2
    manifest = {
        "report": report.spec.id,
        "yearbook_version": __version__,
        "fiscal_year": report.spec.fiscal_year,
        "figures": len(figures),
        "metrics": len(report.metrics),
    }
    (out / "build.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return BuildResult(out=out, figures=figures, markdown=markdown, timings=timings)
