"""The disclosure policy applied once, to the figures table, before anything is written.

Each metric's declaration says what it is about (``disclosure``):

``count``  people or events about people: small cells are withheld;
``rate``   a ratio or share of counts: withheld whenever an input is;
``none``   not about people (dollars seized): never withheld itself.

A ratio or share (whatever its class) is withheld whenever one of its inputs
is, since with the other input it would give the withheld one away.

In ``suppress`` mode every count metric is one `LinearTable`: its headline per
fiscal year and, per breakdown, that year's categories adding up to it. Cells
from 1 to ``min_count - 1`` are withheld (primary), then `protect` withholds
others until none can be recovered. In ``round10`` mode every count is rounded
to the nearest ten and those that would round to zero are withheld; ratios and
shares are recomputed from the rounded counts. In both modes a derived figure
follows its inputs, and the change on the prior year is recomputed from the
published values, so a change is withheld with either of its two years.

A withheld figure has ``status = "suppressed"`` and no value.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pyarrow as pa

from yearbook.disclosure.policy import ROUND_STEP, DisclosurePolicy
from yearbook.disclosure.protect import LinearTable, Relation, protect
from yearbook.figures import FIGURES_SCHEMA
from yearbook.figures.compute import add_year_over_year
from yearbook.figures.meta import MetricMeta
from yearbook.rules import ADDITIVE_MEASURES, FigureKey, dependency_order, derived_value, figure_key
from yearbook.rules import derived_inputs as divided
from yearbook.tables.identifiers import identifying_columns

__all__ = [
    "apply_policy",
    "count_metrics",
    "derived_inputs",
    "disclosure_manifest",
    "metric_table",
    "round_to_ten",
]

Row = dict[str, Any]
Key = FigureKey
SUPPRESSED = "suppressed"
_key = figure_key


def count_metrics(metrics: Mapping[str, MetricMeta]) -> list[str]:
    """Metrics whose cells are counts about people (source measures not marked ``none``)."""
    return [m for m, d in metrics.items() if d.disclosure != "none" and not d.is_derived]


def metric_table(metric: MetricMeta, rows: list[Row]) -> LinearTable[Key]:
    """One count metric as a linear table: each year's categories add up to its headline."""
    values = {_key(r): float(r["value"] or 0.0) for r in rows if r["metric"] == metric.id}
    cells: dict[tuple[int, str], list[Key]] = {}
    for key in values:
        _, fy, breakdown, _ = key
        if breakdown:
            cells.setdefault((fy, breakdown), []).append(key)
    exact = metric.measure in ADDITIVE_MEASURES
    relations = tuple(
        Relation((metric.id, fy, "", ""), tuple(sorted(parts)), exact)
        for (fy, _), parts in sorted(cells.items())
    )
    return LinearTable(values, relations)


def derived_inputs(decl: MetricMeta, key: Key, metrics: Mapping[str, MetricMeta]) -> list[Key]:
    """The figures a ratio or share figure is computed from (as the engine derives it)."""
    num, den = decl.inputs
    return list(divided(key, num, den, metrics[den].breakdowns))


def apply_policy(
    table: pa.Table, metrics: Mapping[str, MetricMeta], policy: DisclosurePolicy
) -> pa.Table:
    """The figures table as it may be published under ``policy``."""
    rows: list[Row] = table.to_pylist()
    if policy.mode == "round10":
        withheld = _round(rows, metrics)
    else:
        withheld = _suppress(rows, metrics, policy)
    withheld |= _follow_inputs(rows, metrics, withheld, recompute=policy.mode == "round10")
    for row in rows:
        if _key(row) in withheld:
            row["value"] = None
            row["status"] = SUPPRESSED
    return add_year_over_year(pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA))


def _suppress(
    rows: list[Row], metrics: Mapping[str, MetricMeta], policy: DisclosurePolicy
) -> set[Key]:
    withheld: set[Key] = set()
    for mid in count_metrics(metrics):
        linear = metric_table(metrics[mid], rows)
        if mid in policy.released_metrics:
            continue
        primary = {k for k, v in linear.values.items() if policy.is_small(v)}
        if primary:
            withheld |= protect(linear, primary)
    return withheld


def _round(rows: list[Row], metrics: Mapping[str, MetricMeta]) -> set[Key]:
    counted = set(count_metrics(metrics))
    withheld: set[Key] = set()
    for row in rows:
        if row["metric"] not in counted or row["value"] is None:
            continue
        rounded = round_to_ten(row["value"])
        if rounded == 0 and row["value"] > 0:
            withheld.add(_key(row))
        if rounded != row["value"]:
            row["bound"] = "approximate"
        row["value"] = rounded
    return withheld


def round_to_ten(value: float) -> float:
    """Half away from zero, to the nearest ten.

    >>> [round_to_ten(v) for v in (4, 5, 14, 15, 170_594, 0)]
    [0.0, 10.0, 10.0, 20.0, 170590.0, 0.0]
    """
    step = Decimal(ROUND_STEP)
    return float((Decimal(repr(value)) / step).quantize(Decimal(1), ROUND_HALF_UP) * step)


def _follow_inputs(
    rows: list[Row], metrics: Mapping[str, MetricMeta], withheld: set[Key], *, recompute: bool
) -> set[Key]:
    """Withhold every ratio or share figure with a withheld input (dependencies first)."""
    index = {_key(r): r for r in rows}
    by_metric: dict[str, list[Row]] = {}
    for row in rows:
        by_metric.setdefault(row["metric"], []).append(row)
    # Every ratio follows its inputs, even one declared ``none``: it could reveal them.
    order = dependency_order({m: d.inputs for m, d in metrics.items()})
    out: set[Key] = set()
    for decl in (metrics[m] for m in order if metrics[m].is_derived):
        for row in by_metric.get(decl.id, []):
            inputs = derived_inputs(decl, _key(row), metrics)
            if any(k in withheld or k in out for k in inputs):
                out.add(_key(row))
            elif recompute:
                num, den = (index[k]["value"] if k in index else None for k in inputs)
                row["value"] = derived_value(decl.measure, num, den)
    return out


def disclosure_manifest(
    policy: DisclosurePolicy, metrics: Mapping[str, MetricMeta]
) -> dict[str, Any]:
    """What `yearbook audit` needs to know about a build: its policy and count metrics."""
    return {
        **policy.model_dump(mode="json"),
        "threshold": policy.threshold,
        "identifying": sorted(identifying_columns(policy.identifying)),
        "count_metrics": count_metrics(metrics),
        "additive_metrics": [
            m for m in count_metrics(metrics) if metrics[m].measure in ADDITIVE_MEASURES
        ],
        "derived": {
            m: {
                "numerator": d.numerator,
                "denominator": d.denominator,
                "denominator_breakdowns": list(metrics[d.denominator or ""].breakdowns),
            }
            for m, d in metrics.items()
            if d.is_derived
        },
    }
