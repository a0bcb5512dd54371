"""`yearbook audit OUT`: re-read every published artefact of a build and look for leaks.

The audit reads what the public gets — the web pages, the charts, the PDF's
text, the CSV, JSON and Parquet files, the zip bundle and the API's responses —
never the warehouse. Its reference is the build's own figures table (``figures.parquet``)
and the policy recorded in ``build.json``. It reports:

``small value``        a published count below the policy's threshold (in
                       ``round10`` mode, a count that is not a multiple of ten);
``suppressed shown``   a number shown for a figure the figures table withholds;
``recoverable``        a withheld figure a reader can work out: its feasible
                       range under everything published (totals, other cells,
                       changes, ratios) is narrower than one (linear programming);
``inconsistent``       published cells that contradict their total;
``identifier``         a column that identifies a person;
``unpublished file served``  the API serves a file of a dot-folder (a cache).

Folders whose names start with a dot (caches) are not published and not read.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from yearbook.disclosure.context import AuditContext, Finding, Key, load_context, name
from yearbook.disclosure.pages import audit_html, audit_markdown, audit_svg, audit_text, stated
from yearbook.disclosure.protect import LinearTable, Relation, feasible_ranges
from yearbook.disclosure.readers import (
    figure_rows_from_csv,
    figure_rows_from_json,
    pdf_text,
    stated_numbers,
)
from yearbook.disclosure.serving import ApiClient
from yearbook.errors import UserError
from yearbook.rules import derived_inputs, figure_key

__all__ = ["AuditContext", "Finding", "api_paths", "audit_build", "audit_rows", "load_context"]

Row = dict[str, Any]


# -- figure rows (CSV, JSON, Parquet, API) ------------------------------------
def audit_rows(rows: list[Row], artefact: str, ctx: AuditContext) -> list[Finding]:
    """Every check on figure rows as an artefact publishes them."""
    found: list[Finding] = []
    shown = {_key(r): r for r in rows}
    for key, row in shown.items():
        found += _row_findings(key, row, shown, artefact, ctx)
    found += _recoverable(shown, artefact, ctx)
    for row in rows:
        if row["breakdown"].lower() in ctx.identifying:
            found.append(Finding(artefact, "identifier", name(_key(row)), "breakdown by it"))
    return found


_key = figure_key


def _row_findings(
    key: Key, row: Row, shown: dict[Key, Row], artefact: str, ctx: AuditContext
) -> list[Finding]:
    out: list[Finding] = []
    withheld = ctx.withheld(key) or row["status"] == "suppressed"
    if withheld and row["value"] is not None:
        out.append(Finding(artefact, "suppressed shown", name(key), f"value {row['value']:g}"))
    elif not withheld and (why := ctx.forbidden(key[0], row["value"])):
        out.append(Finding(artefact, "small value", name(key), why))
    prior = (key[0], key[1] - 1, key[2], key[3])
    prior_row = shown.get(prior)
    prior_withheld = ctx.withheld(prior) or (prior_row or {}).get("status") == "suppressed"
    change = [c for c in ("yoy_change", "yoy_change_pct") if row[c] is not None]
    if withheld and change:
        out.append(Finding(artefact, "recoverable", name(key), f"its change ({change[0]}) shown"))
    if prior_withheld and (change or row["prior_value"] is not None):
        detail = "prior_value" if row["prior_value"] is not None else change[0]
        out.append(Finding(artefact, "recoverable", name(prior), f"{detail} of the next year"))
    return out


def _recoverable(shown: dict[Key, Row], artefact: str, ctx: AuditContext) -> list[Finding]:
    """Withheld cells a reader can work out from totals, other cells and ratios."""
    values = {k: f.value for k, f in ctx.figures.items() if f.value is not None}
    extra = {k: r["value"] for k, r in shown.items() if r["value"] is not None}
    values.update(extra)
    hidden = {k for k, f in ctx.figures.items() if f.suppressed and k not in values}
    found = _linear_findings(values, hidden, {k[0] for k in extra if ctx.withheld(k)}, ctx)
    found = [Finding(artefact, f.kind, f.figure, f.detail) for f in found]
    for key, value in values.items():
        info = ctx.derived.get(key[0])
        if info is None:
            continue
        inputs = _rate_inputs(key, info)
        unknown = [k for k in inputs if k in hidden]
        if len(unknown) == 1 and all(k in values for k in inputs if k not in unknown):
            found.append(
                Finding(artefact, "recoverable", name(unknown[0]), f"from {name(key)} = {value:g}")
            )
    return found


def _rate_inputs(key: Key, info: dict[str, Any]) -> list[Key]:
    by = info.get("denominator_breakdowns", ())
    return list(derived_inputs(key, info["numerator"], info["denominator"], by))


def _linear_findings(
    values: dict[Key, float], hidden: set[Key], changed: set[str], ctx: AuditContext
) -> list[Finding]:
    """Feasible ranges per count metric; recomputed only where an artefact shows more."""
    found: list[Finding] = []
    for metric in sorted(ctx.counts):
        if metric in changed or metric not in ctx._ranges:
            ranges = _metric_ranges(metric, values, hidden, ctx)
            if metric in changed:
                found += _narrow(ranges)
                continue
            ctx._ranges[metric] = ranges
        found += _narrow(ctx._ranges[metric])
    return found


def _narrow(ranges: dict[Key, tuple[float, float]]) -> list[Finding]:
    found = [
        Finding("", "recoverable", name(k), f"feasible range [{lo:g}, {hi:g}]")
        for k, (lo, hi) in sorted(ranges.items())
        if hi - lo < 1 - 1e-9
    ]
    found += [
        Finding("", "inconsistent", name(k), "the published cells contradict their total")
        for k, (lo, hi) in sorted(ranges.items())
        if math.isnan(lo) or math.isnan(hi)
    ]
    return found


def _metric_ranges(
    metric: str, values: dict[Key, float], hidden: set[Key], ctx: AuditContext
) -> dict[Key, tuple[float, float]]:
    cells: dict[tuple[int, str], list[Key]] = {}
    mine = [k for k in [*values, *hidden] if k[0] == metric]
    for key in mine:
        if key[2]:
            cells.setdefault((key[1], key[2]), []).append(key)
    relations = tuple(
        Relation((metric, fy, "", ""), tuple(sorted(parts)), metric in ctx.additive)
        for (fy, _), parts in sorted(cells.items())
    )
    table = LinearTable({k: values[k] for k in mine if k in values}, relations)
    return feasible_ranges(table, {k for k in hidden if k[0] == metric})


def _identifier_columns(columns: Iterable[str], artefact: str, ctx: AuditContext) -> list[Finding]:
    return [
        Finding(artefact, "identifier", column, "identifying column published")
        for column in columns
        if column.lower() in ctx.identifying
    ]


# -- files and the build folder ------------------------------------------------
def _table_findings(
    rows: list[Row], columns: list[str], name: str, ctx: AuditContext
) -> list[Finding]:
    found = _identifier_columns(columns, name, ctx)
    if {"metric", "fiscal_year", "value"} <= set(columns):
        found += audit_rows(rows, name, ctx)
    return found


def _audit_bytes(name: str, data: bytes, ctx: AuditContext, page: Path | None) -> list[Finding]:
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        text = data.decode("utf-8")
        header = text.splitlines()[0].split(",") if text else []
        typed = figure_rows_from_csv(text) if "metric" in header else []
        return _table_findings(typed, header, name, ctx)
    if suffix == ".json":
        return _audit_json(json.loads(data.decode("utf-8")), name, ctx)
    if suffix == ".parquet":
        table = pq.read_table(io.BytesIO(data))
        rows = figure_rows_from_json(table.to_pylist()) if "metric" in table.column_names else []
        return _table_findings(rows, table.column_names, name, ctx)
    if suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [
                f
                for member in archive.namelist()
                for f in _audit_bytes(f"{name}!{member}", archive.read(member), ctx, None)
            ]
    if suffix in (".html", ".htm"):
        metric = Path(name).stem if Path(name).parent.name == "figures" else ""
        return audit_html(data.decode("utf-8"), name, ctx, metric)
    if suffix == ".md":
        return audit_markdown(data.decode("utf-8"), name, ctx)
    if suffix == ".svg":
        return audit_svg(data.decode("utf-8"), name, ctx)
    if suffix == ".pdf" and page is not None:
        return audit_text(pdf_text(page), name, ctx)
    return []


def _audit_json(data: Any, name: str, ctx: AuditContext) -> list[Finding]:
    keys: set[str] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            keys |= {str(k) for k in item}
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    found = _identifier_columns(sorted(keys), name, ctx)
    for item in stated_numbers(data):
        key = (
            str(item["metric"]),
            int(item["fiscal_year"] or 0),
            str(item.get("breakdown") or ""),
            str(item.get("breakdown_value") or ""),
        )
        found += stated(key, str(item["text"]), name, ctx)
    rows = figure_rows_from_json(data)
    return found + (audit_rows(rows, name, ctx) if rows else [])


def published_files(out: Path) -> Iterator[Path]:
    """Every file of a build folder except those under dot-folders (caches)."""
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            yield path


def audit_build(
    out: Path, api: ApiClient | None = None, *, probe: bool = True
) -> tuple[list[Finding], list[str]]:
    """Audit every published artefact of a build; returns findings and what was read.

    With ``api`` (a server of `yearbook.api` on the same folder), its responses
    are audited too, and (with ``probe``) every unpublished file it would serve.
    """
    if not out.is_dir():
        raise UserError(f"no build folder at {out}", hint="point at the --out folder of a build")
    ctx = load_context(out)
    findings: list[Finding] = []
    read: list[str] = []
    for path in published_files(out):
        name = path.relative_to(out).as_posix()
        before = len(findings)
        findings += _audit_bytes(name, path.read_bytes(), ctx, path)
        read.append(name if len(findings) == before else f"{name} ({len(findings) - before})")
    if api is not None:
        for url in api_paths(ctx):
            findings += _audit_json(api.get_json(url), f"API GET {url}", ctx)
            read.append(f"API GET {url}")
        for path in _unpublished_files(out) if probe else []:
            url = "/" + path.relative_to(out).as_posix()
            body = api.get_bytes(url)
            if body is not None:
                findings.append(
                    Finding(
                        f"API GET {url}", "unpublished file served", url, "not a published file"
                    )
                )
                findings += _audit_bytes(f"API GET {url}", body, ctx, None)
                read.append(f"API GET {url}")
    return findings, read


def _unpublished_files(out: Path) -> list[Path]:
    """Files under dot-folders: caches that must never be served."""
    return sorted(
        p
        for p in out.rglob("*")
        if p.is_file() and any(part.startswith(".") for part in p.relative_to(out).parts)
    )


def api_paths(ctx: AuditContext) -> list[str]:
    """The API responses the audit reads: the metric list, each metric and its figures."""
    metrics = sorted({k[0] for k in ctx.figures})
    paths = ["/api/metrics"]
    for metric in metrics:
        paths += [f"/api/metrics/{metric}", f"/api/figures?metric={metric}&breakdown=all"]
    return paths
