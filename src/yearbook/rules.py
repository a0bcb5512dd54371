"""The rules every layer shares, each written once.

The compiler, the engine, disclosure control, the audit, the bundle and the
claim checker all need to agree on these; they import them from here:

* the measures a declaration may use (`MEASURES`) and which of them derive a
  figure from two others (`DERIVED_MEASURES`);
* the share/ratio rule: which two figures a derived figure divides
  (`derived_inputs`) and how (`derived_value`);
* the dependency walk over metrics that read other metrics (`dependency_order`,
  `with_inputs`);
* the kinds of unit a figure can have (`unit_kind`);
* the figure key, and a figure's `Status` and `Bound`.

It imports nothing of yearbook but its errors: every layer may read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, get_args

from yearbook.errors import DeclarationError

__all__ = [
    "ADDITIVE_MEASURES",
    "BOUNDS",
    "DERIVED_MEASURES",
    "MEASURES",
    "MONTH",
    "SOURCE_MEASURES",
    "STATUSES",
    "TABLE_MEASURES",
    "TOTAL",
    "UNIT_KINDS",
    "Bound",
    "FigureKey",
    "Measure",
    "Status",
    "UnitKind",
    "dependency_order",
    "derived_inputs",
    "derived_value",
    "figure_key",
    "is_derived",
    "metric_inputs",
    "scale_of",
    "top_and_rest",
    "unit_kind",
    "with_inputs",
]

# -- measures -----------------------------------------------------------------
Measure = Literal["count", "count_distinct", "sum", "ratio", "share", "submitted"]
MEASURES: tuple[Measure, ...] = get_args(Measure)
"""Every measure a declaration may use, in the order the compiler knows them."""
TABLE_MEASURES: tuple[Measure, ...] = ("count", "count_distinct", "sum")
"""Measures over rows of a declared table and column."""
SOURCE_MEASURES: tuple[Measure, ...] = (*TABLE_MEASURES, "submitted")
"""Measures computed from records (by SQL), not from other figures."""
DERIVED_MEASURES: tuple[Measure, ...] = ("ratio", "share")
"""Measures computed from two other metrics' figures."""
ADDITIVE_MEASURES: tuple[Measure, ...] = ("count", "sum", "submitted")
"""Source measures whose categories add up to their headline (a distinct count's do not)."""

_SCALE: Mapping[str, float] = {"ratio": 1.0, "share": 100.0}


def is_derived(measure: str) -> bool:
    """Whether a measure divides two other metrics' figures.

    >>> is_derived("share"), is_derived("count")
    (True, False)
    """
    return measure in DERIVED_MEASURES


def metric_inputs(measure: str, numerator: str | None, denominator: str | None) -> tuple[str, ...]:
    """The metrics a ratio or share divides (numerator first); none for the others.

    >>> metric_inputs("share", "m.n", "m.d"), metric_inputs("count", None, None)
    (('m.n', 'm.d'), ())
    """
    return (numerator or "", denominator or "") if is_derived(measure) else ()


def scale_of(measure: str) -> float:
    """What a derived figure's quotient is multiplied by: 100 for a share (a percent).

    >>> scale_of("share"), scale_of("ratio")
    (100.0, 1.0)
    """
    return _SCALE[measure]


# -- the figure key, status and bound -------------------------------------------
TOTAL = ""
"""The breakdown (and category) of a headline figure: none."""

MONTH = "month"
"""A breakdown every table has: the calendar month of its date column, ``YYYY-MM``."""

FigureKey = tuple[str, int, str, str]
"""(metric, fiscal year, breakdown, breakdown value): one figure."""

Status = Literal["published", "suppressed"]
STATUSES: tuple[Status, ...] = get_args(Status)
Bound = Literal["exact", "lower", "approximate"]
"""``lower``: the records give a lower bound; ``approximate``: they are estimates."""
BOUNDS: tuple[Bound, ...] = get_args(Bound)


def figure_key(row: Mapping[str, Any]) -> FigureKey:
    """The key of a figures-table row (a mapping with the table's column names)."""
    return (
        str(row["metric"]),
        int(row["fiscal_year"]),
        str(row["breakdown"]),
        str(row["breakdown_value"]),
    )


# -- the share/ratio rule -------------------------------------------------------
def derived_inputs(
    key: FigureKey, numerator: str, denominator: str, denominator_breakdowns: Iterable[str]
) -> tuple[FigureKey, FigureKey]:
    """The two figures a ratio or share figure divides.

    The numerator's figure of the same category; the denominator's figure of the
    same category when the denominator has that breakdown, else its headline
    (a share of each category in the year's total).

    >>> derived_inputs(("m.share", 2023, "aor", "Boston"), "m.n", "m.d", ["aor"])
    (('m.n', 2023, 'aor', 'Boston'), ('m.d', 2023, 'aor', 'Boston'))
    >>> derived_inputs(("m.share", 2023, "aor", "Boston"), "m.n", "m.d", [])
    (('m.n', 2023, 'aor', 'Boston'), ('m.d', 2023, '', ''))
    """
    _, fy, breakdown, category = key
    if breakdown in denominator_breakdowns:
        return (numerator, fy, breakdown, category), (denominator, fy, breakdown, category)
    return (numerator, fy, breakdown, category), (denominator, fy, TOTAL, TOTAL)


def derived_value(measure: str, numerator: float | None, denominator: float | None) -> float | None:
    """A ratio or share of two figures' values; none when either is missing or the
    denominator is zero.

    >>> derived_value("share", 1, 4), derived_value("ratio", 3, 2), derived_value("ratio", 1, 0)
    (25.0, 1.5, None)
    """
    if numerator is None or not denominator:
        return None
    return scale_of(measure) * numerator / denominator


# -- top categories and the rest ------------------------------------------------
def ranked(values: Mapping[str, float]) -> list[str]:
    """Categories largest first, ties broken by name: the order `top_and_rest` keeps.

    >>> ranked({"b": 5, "a": 5, "c": 9})
    ['c', 'a', 'b']
    """
    return sorted(values, key=lambda cat: (-values[cat], cat))


def top_and_rest(values: Mapping[str, float], n: int, rest: str) -> dict[str, float]:
    """One fiscal year's categories as its ``n`` largest and one ``rest`` row adding up
    the others (none when there are no others), so the rows sum to the same total.

    >>> top_and_rest({"a": 5, "b": 5, "c": 9, "d": 1}, 2, "other")
    {'c': 9, 'a': 5, 'other': 6}
    >>> top_and_rest({"a": 5}, 2, "other")
    {'a': 5}
    """
    order = ranked(values)
    kept: dict[str, float] = {cat: values[cat] for cat in order[:n]}
    if len(order) > n:
        if rest in kept:
            raise DeclarationError(
                f"a category is named {rest!r}, the label of the rest row",
                hint="choose another 'rest' label in the metric's 'top'",
            )
        kept[rest] = sum(values[cat] for cat in order[n:])
    return kept


# -- the dependency walk --------------------------------------------------------
Inputs = Mapping[str, Sequence[str]]
"""metric id -> the metrics it is computed from (empty for a source metric)."""


def dependency_order(inputs: Inputs) -> list[str]:
    """Every metric, each after the metrics it is computed from; a loop is an error.

    >>> dependency_order({"r": ["a", "s"], "s": ["a", "b"], "a": [], "b": []})
    ['a', 'b', 's', 'r']
    """
    order: list[str] = []
    seen: set[str] = set()

    def visit(mid: str, stack: tuple[str, ...]) -> None:
        if mid in seen:
            return
        if mid in stack:
            loop = " -> ".join((*stack[stack.index(mid) :], mid))
            raise DeclarationError(f"metrics refer to each other in a loop: {loop}")
        for ref in inputs.get(mid, ()):
            visit(ref, (*stack, mid))
        seen.add(mid)
        order.append(mid)

    for mid in inputs:
        visit(mid, ())
    return order


def with_inputs(chosen: Iterable[str], inputs: Inputs) -> set[str]:
    """The chosen metrics and, transitively, every metric they are computed from.

    >>> sorted(with_inputs(["r"], {"r": ["a", "s"], "s": ["b"], "a": [], "b": [], "c": []}))
    ['a', 'b', 'r', 's']
    """
    todo, seen = list(chosen), set()
    while todo:
        mid = todo.pop()
        if mid not in seen:
            seen.add(mid)
            todo.extend(inputs.get(mid, ()))
    return seen


# -- unit kinds -----------------------------------------------------------------
UnitKind = Literal["count", "money", "percent", "weight"]
UNIT_KINDS: Mapping[UnitKind, frozenset[str]] = {
    "money": frozenset({"usd", "dollars", "us dollars", "$"}),
    "percent": frozenset({"percent", "%"}),
    "weight": frozenset({"pounds", "lbs", "kilograms", "kg"}),
}
"""Units (lower case) of each kind but ``count``, the kind of every other unit."""


def unit_kind(unit: str) -> UnitKind:
    """What kind of quantity a figure's unit is: money, percent, weight or a count.

    >>> [unit_kind(u) for u in ("USD", "percent", "lbs", "arrests")]
    ['money', 'percent', 'weight', 'count']
    """
    low = unit.lower()
    for kind, names in UNIT_KINDS.items():
        if low in names:
            return kind
    return "count"
