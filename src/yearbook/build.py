"""A report build: warehouse -> figures -> prose -> output folder.

Each step has the same shape (inputs in, outputs out, checks inside) and
`build` runs them in order, reporting progress through a callback.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from yearbook import __version__
from yearbook.backends import DIALECTS, Backend, check_engine, open_backend
from yearbook.calendar import fiscal_year
from yearbook.claims.context import report_context, write_context
from yearbook.claims.selfcheck import self_check
from yearbook.coverage import FILE as COVERAGE_FILE
from yearbook.coverage import (
    Coverage,
    apply_coverage,
    find_coverage,
    keep_matched_changes,
    matched_years,
)
from yearbook.disclosure.apply import apply_policy, disclosure_manifest
from yearbook.errors import TemplateError
from yearbook.figures import Figures, write_figures
from yearbook.figures.compute import Inputs
from yearbook.figures.meta import metric_meta
from yearbook.incremental import (
    Computed,
    Delta,
    cache_folder,
    compute_incremental,
    read_cache,
    write_cache,
)
from yearbook.narrative.render import Prose, Renderer
from yearbook.publish import publish
from yearbook.publish.release import promote, start_release
from yearbook.reconcile import (
    Line,
    lines_markdown,
    load_expectations,
    published_values,
    reconcile,
    write_reconciliation,
)
from yearbook.report import Report
from yearbook.timing import Phases
from yearbook.warehouse import Database, Warehouse, checksum

__all__ = [
    "BuildResult",
    "build",
    "compute",
    "disclosed",
    "recompute",
    "render_markdown",
    "render_prose",
]

Progress = Callable[[str], None]
SUBMITTED_FILE = "submissions.json"
"""Who submitted the rows of each submitted figure, when and from what source."""


@dataclass
class BuildResult:
    out: Path
    figures: Figures
    markdown: str
    timings: dict[str, float] = field(default_factory=dict)
    delta: Delta | None = None
    """What the build recomputed and what it reused (see `yearbook.incremental`)."""

    @property
    def page(self) -> Path:
        return self.out / "index.html"


def _inputs(warehouse: Warehouse, report: Report) -> Inputs:
    references = {name: checksum([path]) for name, path in report.references.items()}
    return Inputs(partitions=warehouse.checksums(), references=references)


def compute(
    report: Report,
    warehouse: Warehouse,
    *,
    engine: str = "duckdb",
    settings: Mapping[str, str] | None = None,
) -> pa.Table:
    """Compute the figures table of a report from a warehouse, on a backend (`ENGINES`)."""
    computed, _ = recompute(report, warehouse, None, engine=engine, settings=settings)
    return computed.figures


def recompute(
    report: Report,
    warehouse: Warehouse,
    previous: Computed | None,
    *,
    engine: str = "duckdb",
    settings: Mapping[str, str] | None = None,
) -> tuple[Computed, Delta]:
    """Compute the figures, reusing those of `previous` whose inputs are unchanged."""
    check_engine(engine)  # now, though the engine itself starts only if it is needed
    warehouse = warehouse.snapshot()  # one set of files for the whole build
    report = report.for_tables(warehouse.tables())
    warehouse.require(sorted(report.tables))
    inputs = _inputs(warehouse, report)
    opened: list[Backend] = []

    def run_sql(sql: str) -> pa.Table:
        # The engine starts only when a figure has to be computed: a rebuild
        # with nothing changed reads no records and starts nothing.
        if not opened:
            opened.append(open_backend(engine, warehouse, report.references, settings))
        return opened[0].query(sql)

    try:
        computed, delta = compute_incremental(
            report.metrics,
            run_sql,
            report.spec.years,
            inputs,
            previous,
            DIALECTS[engine],
            tables=report.pack.tables,
        )
        if report.spec.coverage:
            schemas = report.pack.tables
            dialect, covered = DIALECTS[engine], _covered_tables(report, warehouse)
            found = find_coverage(run_sql, schemas, covered, dialect)
            table = apply_coverage(
                computed.figures, report.metrics, run_sql, found, schemas, dialect
            )
            computed = dataclasses.replace(computed, figures=table)
        return computed, delta
    finally:
        for backend in opened:
            backend.close()


def _covered_tables(report: Report, warehouse: Warehouse) -> list[str]:
    present = set(warehouse.tables())
    return [t for t in report.spec.coverage if t in present]


def coverage_of(report: Report, warehouse: Warehouse) -> list[Coverage]:
    """The coverage of the tables the report names under ``coverage:``."""
    tables = _covered_tables(report, warehouse)
    if not tables:
        return []
    with Database(warehouse) as db:
        found = find_coverage(db.query, report.pack.tables, tables)
    return [c for c in found if c.fiscal_year in report.spec.years]


def coverage_markdown(coverage: list[Coverage]) -> str:
    """A section saying which years are partial, and how stray tails were read."""
    notes = [c.describe() for c in coverage if not c.complete or c.stray_days]
    if not notes:
        return ""
    lines = "\n".join(f"* {note}" for note in notes)
    return (
        "## Coverage of the records\n\n"
        "Each table's coverage is found from the dates of its records. A partial year is "
        "compared with the same days of the year before, never with a whole year.\n\n"
        f"{lines}\n\n"
    )


def reconciliation(report: Report, warehouse: Warehouse, figures: Figures) -> list[Line]:
    """The report's published and computed lines (none without a reconcile.yaml)."""
    expectations = load_expectations(report.folder)
    if not expectations:
        return []
    table = None
    if "published_figures" in warehouse.tables():
        with Database(warehouse) as db:
            table = db.query("SELECT * FROM published_figures")
    return reconcile(expectations, published_values(table), figures)


def submission_provenance(report: Report, warehouse: Warehouse) -> dict[str, list[dict[str, Any]]]:
    """Per submitted metric, its submission rows: fiscal year, item, value, who, when, source."""
    wanted = {m for m, d in report.metrics.items() if d.measure == "submitted"}
    if not wanted or "submissions" not in warehouse.tables():
        return {}
    with Database(warehouse) as db:
        table = db.query(
            "SELECT metric, as_of_date, item, value, submitted_by, submitted_on, source "
            "FROM submissions ORDER BY metric, as_of_date, submission_id"
        )
    found: dict[str, list[dict[str, Any]]] = {}
    for row in table.to_pylist():
        if row["metric"] in wanted:
            row["fiscal_year"] = fiscal_year(row.pop("as_of_date"))
            row["submitted_on"] = row["submitted_on"].isoformat()
            found.setdefault(row.pop("metric"), []).append(row)
    return found


def render_markdown(
    report: Report,
    figures: Figures,
    *,
    links: bool = True,
    coverage: Sequence[Coverage] = (),
) -> str:
    """The whole report as Markdown (`render_prose`)."""
    return render_prose(report, figures, links=links, coverage=coverage).markdown


def render_prose(
    report: Report,
    figures: Figures,
    *,
    links: bool = True,
    coverage: Sequence[Coverage] = (),
    memo: dict[str, tuple[str, Prose]] | None = None,
) -> Prose:
    """The whole report as Markdown: a title, then each section from its template; with
    the spans of it that template variables supplied as text, which the self-check skips.

    Besides the figure functions, templates may use ``first`` and ``last`` (the first and
    last fiscal years computed) and, for the tables under ``coverage:``,
    ``partial(table, fy)`` and ``through(table, fy)`` ("31 August 2019").

    ``memo`` keeps each section's text by the digest of its template: a caller that
    renders again against the same figures (`yearbook.api.preview`) re-renders only
    the sections whose template changed.
    """
    renderer = Renderer(
        report.templates,
        metric_meta(report.metrics),
        figures,
        report.spec.fiscal_year,
        links=links,
        fewer_than=report.spec.disclosure.threshold,
    )
    covered = {(c.table, c.fiscal_year): c for c in coverage}

    def partial(table: str, fy: int) -> bool:
        found = covered.get((table, fy))
        return found is not None and not found.complete

    def through(table: str, fy: int) -> str:
        found = covered.get((table, fy))
        if found is None:
            raise TemplateError(f"no records of {table} in FY {fy}: its coverage is unknown")
        return f"{found.through.day} {found.through:%B %Y}"

    renderer.env.globals.update(
        first=report.spec.years[0], last=report.spec.years[-1], partial=partial, through=through
    )
    parts: list[Prose | str] = [f"# {report.spec.title}\n"]
    if report.spec.summary:
        parts.append(f"{report.spec.summary}\n")
    for section in report.spec.sections:
        if not report.section_computed(section, figures.metrics):
            continue
        body = _section_body(renderer, report, section.template, memo)
        parts.append(f"## {section.title}\n\n" + body + "\n")
    return Prose.join(parts, "\n")


def disclosed(
    report: Report, warehouse: Warehouse, computed: Computed
) -> tuple[Figures, list[Coverage]]:
    """The figures as published (disclosure control applied, changes on the prior year
    kept only where the years' coverage matches) and the coverage of the records."""
    table = apply_policy(computed.figures, metric_meta(report.metrics), report.spec.disclosure)
    coverage = coverage_of(report, warehouse)
    if coverage:
        matched = matched_years(report.metrics, coverage)
        table = keep_matched_changes(table, computed.figures, matched)
    return Figures(table), coverage


def _section_body(
    renderer: Renderer, report: Report, template: str, memo: dict[str, tuple[str, Prose]] | None
) -> Prose:
    if memo is None:
        return renderer.render_prose(template).strip()
    key = checksum([report.templates / template])
    kept = memo.get(template)
    if kept is not None and kept[0] == key:
        return kept[1]
    body = renderer.render_prose(template).strip()
    memo[template] = (key, body)
    return body


def build(
    report: Report,
    warehouse: Warehouse,
    out: Path,
    *,
    progress: Progress | None = None,
    engine: str = "duckdb",
    settings: Mapping[str, str] | None = None,
    incremental: bool = False,
    profile: bool = False,
) -> BuildResult:
    """Compute, render and write a report into ``out``.

    With `incremental`, figures whose inputs are unchanged since the last
    build into ``out`` are reused (see `yearbook.incremental`). Charts and the
    PDF are always taken from the cache beside ``out`` when their inputs are
    unchanged (`yearbook.publish.cache`). Each phase's time is told through
    ``progress`` as it ends; with `profile`, ``build.json`` records them.
    """
    say = progress or (lambda _msg: None)
    phases = Phases(say)
    warehouse = warehouse.snapshot()  # later ingests do not change what this build reads
    report = report.for_tables(warehouse.tables())
    published = Path(out)
    out = start_release(published)  # written aside, swapped in whole by `promote` below
    say("computing figures")
    with phases("compute figures"):
        previous = read_cache(published) if incremental else None
        computed, delta = recompute(report, warehouse, previous, engine=engine, settings=settings)
        if incremental:
            say(delta.describe())
        write_cache(published, computed)
        figures, coverage = disclosed(report, warehouse, computed)

    say("rendering the report")
    with phases("render prose"):
        prose = render_prose(report, figures, coverage=coverage)
        markdown = prose.markdown
        lines = reconciliation(report, warehouse, figures)
        notes = coverage_markdown(coverage) + lines_markdown(lines)

    say("writing the output")
    with phases("write figures"):
        out.mkdir(parents=True, exist_ok=True)
        write_figures(figures.table, out)
        (out / "report.md").write_text(markdown, encoding="utf-8")
        if report.spec.coverage:
            text = json.dumps([c.to_dict() for c in coverage], indent=2)
            (out / COVERAGE_FILE).write_text(text + "\n", encoding="utf-8")
    with phases("self-check"):
        self_check(  # writes claims.json; fails on a contradiction
            figures,
            prose,
            out,
            fiscal_year=report.spec.fiscal_year,
            metrics=metric_meta(report.metrics),
            report_dir=report.folder,
        )
        write_context(report_context(report.folder), out)  # POST /api/check reads it
    if lines:
        write_reconciliation(lines, out)
    submitted = submission_provenance(report, warehouse)
    if submitted:
        text = json.dumps(submitted, indent=1, ensure_ascii=False)
        (out / SUBMITTED_FILE).write_text(text + "\n", encoding="utf-8")
    markdown = "\n".join(part for part in (markdown, notes) if part)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    publish(
        report, figures, markdown, out, progress=say, cache=cache_folder(published), phases=phases
    )
    manifest: dict[str, object] = {
        "report": report.spec.id,
        "yearbook_version": __version__,
        "fiscal_year": report.spec.fiscal_year,
        "figures": len(figures),
        "metrics": len(report.metrics),
        "disclosure": disclosure_manifest(report.spec.disclosure, metric_meta(report.metrics)),
    }
    if profile:
        manifest["profile"] = phases.table()
    (out / "build.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    promote(out, published)
    return BuildResult(
        out=published, figures=figures, markdown=markdown, timings=phases.seconds, delta=delta
    )
