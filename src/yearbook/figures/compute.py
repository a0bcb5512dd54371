"""Run a compiled plan on a backend and assemble the figures table."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from yearbook import __version__
from yearbook.errors import InternalError
from yearbook.figures import FIGURES_SCHEMA
from yearbook.metrics.compiler import Plan, compile_plan, reference_tables
from yearbook.metrics.declarations import MetricDecl
from yearbook.rules import TOTAL, FigureKey, derived_inputs, derived_value, top_and_rest
from yearbook.tables import Tables

__all__ = ["Inputs", "Key", "add_year_over_year", "compute_figures", "figure_fingerprint"]

Key = FigureKey

RunSQL = Callable[[str], pa.Table]


@dataclass(frozen=True)
class Inputs:
    """Checksums of what figures are computed from."""

    partitions: Mapping[tuple[str, int], str] = field(default_factory=dict)
    """(table, fiscal year) -> checksum of that partition's files."""
    references: Mapping[str, str] = field(default_factory=dict)
    """reference table name -> checksum of its file."""


def _digest(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(part.encode())
        h.update(b"\x00")
    return h.hexdigest()


def _fingerprint(
    decl: MetricDecl, year: int, metrics: Mapping[str, MetricDecl], inputs: Inputs
) -> str:
    if decl.is_derived:
        parts = [_fingerprint(metrics[ref], year, metrics, inputs) for ref in decl.inputs]
    else:
        parts = [inputs.partitions.get((t, year), "absent") for t in decl.tables]
        parts += [inputs.references.get(r, "absent") for r in sorted(reference_tables(decl))]
    return _digest(__version__, decl.digest(), *parts)


def figure_fingerprint(
    decl: MetricDecl, year: int, metrics: Mapping[str, MetricDecl], inputs: Inputs
) -> str:
    """The fingerprint a metric's figures of one fiscal year carry (incremental builds)."""
    return _fingerprint(decl, year, metrics, inputs)


def compute_figures(
    metrics: Mapping[str, MetricDecl],
    run_sql: RunSQL,
    years: Iterable[int],
    inputs: Inputs | None = None,
    plan: Plan | None = None,
    *,
    tables: Tables | None = None,
) -> pa.Table:
    """Compute every figure of every metric for the given fiscal years.

    ``run_sql`` runs one SQL statement on a backend and returns Arrow; the
    engine never opens a connection itself. Without a compiled `plan`, the
    metrics are compiled against the canonical `tables` (a pack's).
    """
    if plan is None:
        if tables is None:
            raise InternalError("compute_figures needs a plan or the tables to compile one")
        plan = compile_plan(metrics, tables)
    inputs = inputs or Inputs()
    wanted = sorted(set(years))
    values: dict[Key, float] = {}
    for scan in plan.scans:
        result = run_sql(scan.sql).to_pydict()
        found_rows = len(result["fiscal_year"])
        names = result.get("breakdown") or [scan.breakdown] * found_rows
        cats = result.get("breakdown_value") or [TOTAL] * found_rows
        for metric in scan.metrics:
            declared = {TOTAL, *metrics[metric].breakdowns}
            found = zip(result["fiscal_year"], names, cats, result[metric], strict=True)
            for fy, name, cat, val in found:
                if val is None and metrics[metric].measure == "submitted":
                    continue  # nothing submitted for that year: a gap, not a zero
                if name in declared and fy in wanted and (val or not name):
                    values[(metric, int(fy), name, str(cat))] = float(val or 0)
    # A year with no matching rows is a zero, not a gap.
    for scan in plan.scans:
        if not scan.breakdown:
            for metric in scan.metrics:
                if metrics[metric].measure == "submitted":
                    continue
                for fy in wanted:
                    values.setdefault((metric, fy, TOTAL, TOTAL), 0.0)
    grouped = _keep_top(metrics, values)
    for mid in plan.derived:
        _derive(metrics[mid], metrics, values)
    bounds = _rest_bounds(_bounds(plan, run_sql), grouped)
    positions = _positions(plan, run_sql, values)
    rows = []
    prints: dict[tuple[str, int], str] = {}  # one fingerprint per metric and year
    for (metric, fy, breakdown, cat), value in sorted(values.items()):
        decl = metrics[metric]
        if (metric, fy) not in prints:
            prints[(metric, fy)] = _fingerprint(decl, fy, metrics, inputs)
        rows.append(
            {
                "metric": metric,
                "fiscal_year": fy,
                "breakdown": breakdown,
                "breakdown_value": cat,
                "value": value,
                "unit": decl.unit,
                "status": "published",
                "bound": bounds.get((metric, fy, breakdown, cat), "exact"),
                "position": positions.get((metric, fy, breakdown, cat)),
                "sql": plan.lineage[(metric, breakdown)],
                "fingerprint": prints[(metric, fy)],
            }
        )
    return add_year_over_year(pa.Table.from_pylist(rows, schema=_without_yoy()))


def _keep_top(metrics: Mapping[str, MetricDecl], values: dict[Key, float]) -> dict[Key, Key]:
    """Breakdowns declared with ``top``: each year's largest categories and one rest row
    (`top_and_rest`), in place. Returns where each category added into a rest row went."""
    years: dict[tuple[str, int, str], dict[str, float]] = {}
    for (metric, fy, breakdown, cat), value in values.items():
        if breakdown in metrics[metric].top:
            years.setdefault((metric, fy, breakdown), {})[cat] = value
    moved: dict[Key, Key] = {}
    for (metric, fy, breakdown), cats in years.items():
        top = metrics[metric].top[breakdown]
        kept = top_and_rest(cats, top.n, top.rest)
        for cat in cats:
            if cat not in kept or cat == top.rest:
                del values[(metric, fy, breakdown, cat)]
                moved[(metric, fy, breakdown, cat)] = (metric, fy, breakdown, top.rest)
        for cat, value in kept.items():
            values[(metric, fy, breakdown, cat)] = value
    return moved


_LOOSENESS = {"exact": 0, "lower": 1, "approximate": 2}


def _rest_bounds(bounds: dict[Key, str], moved: Mapping[Key, Key]) -> dict[Key, str]:
    """A rest row is as loose as the loosest category added into it."""
    out = {key: bound for key, bound in bounds.items() if key not in moved}
    for key, bound in bounds.items():
        if key in moved:
            rest = moved[key]
            if _LOOSENESS[bound] > _LOOSENESS[out.get(rest, "exact")]:
                out[rest] = bound
    return out


def _bounds(plan: Plan, run_sql: RunSQL) -> dict[Key, str]:
    """Figures that include estimated rows are ``approximate``; else, with lower-bound
    rows, ``lower``; the rest are ``exact`` (the default, not listed)."""
    out: dict[Key, str] = {}
    for scan in plan.bounds:
        result = run_sql(scan.sql).to_pydict()
        cats = result.get("breakdown_value") or [TOTAL] * len(result["fiscal_year"])
        for metric in scan.metrics:
            pairs = zip(result[f"{metric}|approximate"], result[f"{metric}|lower"], strict=True)
            for fy, cat, (approx, lower) in zip(result["fiscal_year"], cats, pairs, strict=True):
                key = (metric, int(fy), scan.breakdown, str(cat))
                if approx or lower:
                    out[key] = "approximate" if approx else "lower"
    return out


def _positions(plan: Plan, run_sql: RunSQL, values: Mapping[Key, float]) -> dict[Key, int]:
    """The place of each item of a submitted list, 1 for the first submitted.

    Only the items that are figures are numbered, so the places run 1..n.
    """
    firsts: dict[tuple[str, int, str], list[tuple[Any, str]]] = {}
    for scan in plan.orders:
        result = run_sql(scan.sql).to_pydict()
        for metric in scan.metrics:
            found = zip(
                result["fiscal_year"], result["breakdown_value"], result[f"{metric}|first"],
                strict=True,
            )  # fmt: skip
            for fy, cat, first in found:
                key = (metric, int(fy), scan.breakdown, str(cat))
                if first is not None and key in values:
                    firsts.setdefault(key[:3], []).append((first, str(cat)))
    out: dict[Key, int] = {}
    for (metric, fy, breakdown), items in firsts.items():
        for place, (_, cat) in enumerate(sorted(items), start=1):
            out[(metric, fy, breakdown, cat)] = place
    return out


def _derive(decl: MetricDecl, metrics: Mapping[str, MetricDecl], values: dict[Key, float]) -> None:
    num, den = decl.inputs
    for (metric, fy, breakdown, cat), value in list(values.items()):
        if metric != num or (breakdown and breakdown not in decl.breakdowns):
            continue
        key = (decl.id, fy, breakdown, cat)
        _, den_key = derived_inputs(key, num, den, metrics[den].breakdowns)
        derived = derived_value(decl.measure, value, values.get(den_key))
        if derived is not None:
            values[key] = derived


def _without_yoy() -> pa.Schema:
    return pa.schema([f for f in FIGURES_SCHEMA if f.name not in _YOY])


_YOY = ("prior_value", "yoy_change", "yoy_change_pct")


def add_year_over_year(table: pa.Table) -> pa.Table:
    """Add the change on the previous fiscal year to every figure that has one.

    Every metric gets it without declaring anything. The change of a percent
    is in percentage points (``yoy_change``); ``yoy_change_pct`` is relative.
    """
    rows = table.to_pylist()
    index = {(r["metric"], r["fiscal_year"], r["breakdown"], r["breakdown_value"]): r for r in rows}
    for row in rows:
        prior = index.get(
            (row["metric"], row["fiscal_year"] - 1, row["breakdown"], row["breakdown_value"])
        )
        pv = prior["value"] if prior else None
        v = row["value"]
        row["prior_value"] = pv
        row["yoy_change"] = v - pv if v is not None and pv is not None else None
        row["yoy_change_pct"] = 100.0 * (v - pv) / pv if v is not None and pv else None
    return pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA)
