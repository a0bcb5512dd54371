"""Compile metric declarations to SQL.

Compilation is pure: declarations in, SQL text out, no connection and no
files. Two forms come out of it:

* one standalone query per (metric, breakdown): the figure's lineage, shown
  to users and runnable on its own;
* a fused plan: every metric that reads the same table (and join) with the
  same breakdown is computed in one scan, with a ``FILTER`` clause per metric.

Both give the same numbers; the tests hold them to it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import sqlglot
from sqlglot import exp

from yearbook.disclosure.identifiers import refuse_identifying_breakdown
from yearbook.errors import DeclarationError
from yearbook.metrics.declarations import MetricDecl
from yearbook.rules import SOURCE_MEASURES, TOTAL, dependency_order, derived_inputs, scale_of
from yearbook.tables import TABLES

__all__ = [
    "MONTH",
    "TOTAL",
    "Plan",
    "Scan",
    "breakdown_sql",
    "compile_plan",
    "figure_sql",
    "reference_tables",
    "transpile",
]

MONTH = "month"
"""A breakdown every table has: the calendar month of its date column, ``YYYY-MM``."""
MISSING = "(not recorded)"
DEDUP_COLUMN = "duplicate_rule"


@dataclass(frozen=True)
class Scan:
    """One query of the fused plan: metrics sharing a table and join.

    A scan with `breakdowns` computes all of them in one pass (``GROUPING SETS``)
    and names each row's breakdown in a ``breakdown`` column; otherwise it
    computes the single `breakdown`.
    """

    table: str
    join: str | None
    breakdown: str
    metrics: tuple[str, ...]
    sql: str
    breakdowns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    """What to run, and what to show: fused scans and each figure's own SQL."""

    scans: tuple[Scan, ...]
    derived: tuple[str, ...]
    """Ratio and share metrics, in an order where inputs come first."""
    lineage: Mapping[tuple[str, str], str]
    """(metric id, breakdown) -> the standalone SQL of those figures."""
    bounds: tuple[Scan, ...] = ()
    """Queries counting, per figure, the rows whose quantity is a lower bound or an
    estimate (metrics with a ``bound_column``); they set the figures' ``bound``."""
    orders: tuple[Scan, ...] = ()
    """Queries giving, per category of a submitted list, the first row submitted for
    it (the table's key is in submission order); they set the figures' ``position``."""

    def explain(self) -> str:
        parts = []
        for scan in self.scans:
            head = f"-- scan {scan.table}"
            head += f" join {scan.join}" if scan.join else ""
            by = ", ".join(b or "fiscal year" for b in scan.breakdowns or (scan.breakdown,))
            head += f" by {by}: {', '.join(scan.metrics)}"
            parts.append(f"{head}\n{scan.sql};")
        for scan in self.bounds:
            head = f"-- bounds of {scan.table} by {scan.breakdown or 'fiscal year'}"
            parts.append(f"{head}: {', '.join(scan.metrics)}\n{scan.sql};")
        for scan in self.orders:
            head = f"-- order of {scan.table} by {scan.breakdown}"
            parts.append(f"{head}: {', '.join(scan.metrics)}\n{scan.sql};")
        if self.derived:
            parts.append("-- derived from the figures above: " + ", ".join(self.derived))
        return "\n\n".join(parts)


def breakdown_sql(decl: MetricDecl, breakdown: str) -> str:
    """The SQL expression giving a row's category for a breakdown."""
    if breakdown == MONTH:
        table = TABLES[decl.table or ""]
        return f"strftime({_col(decl, table.date_column)}, '%Y-%m')"
    return f"COALESCE(CAST({_col(decl, breakdown)} AS VARCHAR), '{MISSING}')"


def _col(decl: MetricDecl, column: str) -> str:
    """Qualify a column with its table when the metric joins another table."""
    if decl.join is None:
        return column
    base = TABLES[decl.table or ""]
    if column in base.column_names:
        return f"{base.name}.{column}"
    joined = TABLES[decl.join.table]
    if column in joined.column_names:
        return f"{joined.name}.{column}"
    raise DeclarationError(
        f"metric {decl.id!r}: no column {column!r} in {base.name} or {joined.name}"
    )


def _condition(decl: MetricDecl) -> str | None:
    parts = []
    if decl.measure == "submitted":
        parts.append(f"metric = '{decl.id}'")
    if decl.filter:
        parts.append(f"({decl.filter})")
    if not decl.include_duplicates:
        for name in decl.tables:
            if DEDUP_COLUMN in TABLES[name].column_names:
                parts.append(f"{name + '.' if decl.join else ''}{DEDUP_COLUMN} IS NULL")
    return " AND ".join(parts) or None


def _aggregate(decl: MetricDecl) -> str:
    if decl.measure == "count":
        return "COUNT(*)"
    column = _col(decl, decl.column or "")
    if decl.measure == "count_distinct":
        return f"COUNT(DISTINCT {column})"
    if decl.measure == "sum":
        return f"COALESCE(SUM({column}), 0)"
    if decl.measure == "submitted":
        return f"SUM({column})"  # NULL when nothing was submitted: a gap, not a zero
    raise DeclarationError(f"metric {decl.id!r}: measure {decl.measure!r} has no aggregate")


def _source(decl: MetricDecl) -> str:
    if decl.join is None:
        return str(decl.table)
    on = decl.join.key
    return f"{decl.table} JOIN {decl.join.table} ON {decl.table}.{on} = {decl.join.table}.{on}"


def _fy(decl: MetricDecl) -> str:
    return f"{decl.table}.fiscal_year" if decl.join else "fiscal_year"


def _source_sql(decl: MetricDecl, breakdown: str) -> str:
    keys = [f"{_fy(decl)} AS fiscal_year"]
    groups = [_fy(decl)]
    if breakdown:
        keys.append(f"{breakdown_sql(decl, breakdown)} AS breakdown_value")
        groups.append(breakdown_sql(decl, breakdown))
    select = ", ".join([*keys, f"{_aggregate(decl)} AS value", *_provenance(decl)])
    sql = f"SELECT {select} FROM {_source(decl)}"
    condition = _condition(decl)
    if condition:
        sql += f" WHERE {condition}"
    sql += (
        f" GROUP BY {', '.join(groups)} ORDER BY {', '.join(str(i + 1) for i in range(len(keys)))}"
    )
    return sql


def _provenance(decl: MetricDecl) -> list[str]:
    """For a submitted figure, who submitted it, when and from what source."""
    if decl.measure != "submitted":
        return []
    return [
        "STRING_AGG(DISTINCT submitted_by, '; ') AS submitted_by",
        "MAX(submitted_on) AS submitted_on",
        "STRING_AGG(DISTINCT source, '; ') AS source",
    ]


def _derived_sql(
    decl: MetricDecl,
    breakdown: str,
    metrics: Mapping[str, MetricDecl],
    lineage: Mapping[tuple[str, str], str],
) -> str:
    num, den = decl.inputs
    key = (decl.id, 0, breakdown, "")
    (_, _, num_by, _), (_, _, den_by, _) = derived_inputs(key, num, den, metrics[den].breakdowns)
    num_sql, den_sql = lineage[(num, num_by)], lineage[(den, den_by)]
    on = "n.fiscal_year = d.fiscal_year"
    if den_by:
        on += " AND n.breakdown_value = d.breakdown_value"
    scale = scale_of(decl.measure)
    factor = f"{scale!r} * " if scale != 1 else ""
    cols = "n.fiscal_year" + (", n.breakdown_value" if breakdown else "")
    return (
        f"WITH n AS ({num_sql}), d AS ({den_sql}) "
        f"SELECT {cols}, {factor}n.value / NULLIF(d.value, 0) AS value "
        f"FROM n JOIN d ON {on} ORDER BY {cols}"
    )


def _pretty(sql: str, dialect: str = "duckdb") -> str:
    try:
        return sqlglot.transpile(sql, read="duckdb", write=dialect, pretty=True)[0]
    except sqlglot.errors.SqlglotError as err:
        raise DeclarationError(f"could not compile SQL: {err}\n{sql}") from None


def transpile(sql: str, dialect: str) -> str:
    """The same query in another engine's dialect (``spark``, ...).

    ``MATERIALIZED`` (a DuckDB hint on a common table expression) is dropped
    for engines that do not know it.
    """
    if dialect not in ("duckdb", "postgres") and "MATERIALIZED" in sql.upper():
        tree = sqlglot.parse_one(sql, read="duckdb")
        for cte in tree.find_all(exp.CTE):
            cte.set("materialized", None)
        sql = tree.sql(dialect="duckdb")
    return _pretty(sql, dialect)


def figure_sql(metrics: Mapping[str, MetricDecl], metric: str, breakdown: str = TOTAL) -> str:
    """The standalone SQL behind one metric's figures (every fiscal year)."""
    return compile_plan(metrics).lineage[(metric, breakdown)]


def _derived_order(metrics: Mapping[str, MetricDecl]) -> list[str]:
    """The ratio and share metrics, each after the metrics it divides."""
    order = dependency_order({m: d.inputs for m, d in metrics.items()})
    return [m for m in order if metrics[m].is_derived]


def compile_plan(metrics: Mapping[str, MetricDecl], only: Iterable[str] | None = None) -> Plan:
    """Compile declarations into a fused plan and per-figure lineage."""
    chosen = set(only) if only is not None else set(metrics)
    lineage: dict[tuple[str, str], str] = {}
    groups: dict[tuple[str, str | None, str], list[MetricDecl]] = {}
    for decl in metrics.values():
        if decl.measure not in SOURCE_MEASURES:
            continue
        for breakdown in (TOTAL, *decl.breakdowns):
            refuse_identifying_breakdown(decl.id, breakdown)
            lineage[(decl.id, breakdown)] = _pretty(_source_sql(decl, breakdown))
            if decl.id in chosen:
                key = (str(decl.table), decl.join.table if decl.join else None, breakdown)
                groups.setdefault(key, []).append(decl)
    derived = _derived_order(metrics)
    for mid in derived:
        decl = metrics[mid]
        for breakdown in (TOTAL, *decl.breakdowns):
            lineage[(mid, breakdown)] = _pretty(_derived_sql(decl, breakdown, metrics, lineage))
    scans = _scans([d for d in metrics.values() if d.id in chosen])
    return Plan(
        scans=scans,
        derived=tuple(m for m in derived if m in chosen),
        lineage=lineage,
        bounds=_bound_scans(groups),
        orders=_order_scans(groups),
    )


QUALIFIED = {"lower": "at_least", "approximate": "estimated"}
"""Figure bound -> the value of a row's bound column that makes a total that bound."""


Groups = Mapping[tuple[str, str | None, str], list[MetricDecl]]
"""(table, joined table, breakdown) -> the declarations computed by that scan."""


def _side_scans(
    groups: Groups,
    wanted: Callable[[MetricDecl, str], bool],
    sql: Callable[[list[MetricDecl], str], str],
) -> tuple[Scan, ...]:
    """One extra query per scan group, for its declarations that `wanted` picks."""
    scans = []
    for (table, join, breakdown), decls in groups.items():
        picked = [d for d in decls if wanted(d, breakdown)]
        if picked:
            text = _pretty(sql(picked, breakdown))
            scans.append(Scan(table, join, breakdown, tuple(d.id for d in picked), text))
    return tuple(scans)


def _bound_scans(groups: Groups) -> tuple[Scan, ...]:
    return _side_scans(groups, lambda d, _: bool(d.bound_column), _bound_sql)


def _order_scans(groups: Groups) -> tuple[Scan, ...]:
    return _side_scans(groups, lambda d, b: d.measure == "submitted" and bool(b), _order_sql)


def _order_sql(decls: list[MetricDecl], breakdown: str) -> str:
    """Per category, the smallest key of its rows: the first submitted comes first."""
    first = decls[0]
    key = _col(first, TABLES[first.table or ""].key[0])
    category = breakdown_sql(first, breakdown)
    measures = []
    for decl in decls:
        condition = _condition(decl)
        aggregate = f"MIN({key})"
        if condition:
            aggregate = _with_filter(aggregate, condition)
        measures.append(f'{aggregate} AS "{decl.id}|first"')
    return (
        f"SELECT {_fy(first)} AS fiscal_year, {category} AS breakdown_value, "
        f"{', '.join(measures)} FROM {_source(first)} GROUP BY {_fy(first)}, {category}"
    )


def _bound_sql(decls: list[MetricDecl], breakdown: str) -> str:
    """Per figure, how many of its rows are lower bounds and how many are estimates."""
    first = decls[0]
    keys = [f"{_fy(first)} AS fiscal_year"]
    groups = [_fy(first)]
    if breakdown:
        keys.append(f"{breakdown_sql(first, breakdown)} AS breakdown_value")
        groups.append(breakdown_sql(first, breakdown))
    measures = []
    for decl in decls:
        for bound, flag in QUALIFIED.items():
            condition = _condition(decl)
            qualified = f"{_col(decl, decl.bound_column or '')} = '{flag}'"
            where = f"{condition} AND {qualified}" if condition else qualified
            measures.append(f'COUNT(*) FILTER (WHERE {where}) AS "{decl.id}|{bound}"')
    return f"SELECT {', '.join(keys + measures)} FROM {_source(first)} GROUP BY {', '.join(groups)}"


def _scans(decls: list[MetricDecl]) -> tuple[Scan, ...]:
    """The fused plan's queries.

    Counts and sums reading the same table (and join) share one scan computing
    every breakdown at once; each distinct count gets its own, which first
    reduces the rows to distinct (year, categories, value) and counts those.
    """
    additive: dict[tuple[str, str | None], list[MetricDecl]] = {}
    distinct: list[Scan] = []
    for decl in decls:
        if decl.measure not in SOURCE_MEASURES:
            continue
        key = (str(decl.table), decl.join.table if decl.join else None)
        if decl.measure == "count_distinct":
            sql = _pretty(_distinct_sql(decl))
            breakdowns = (TOTAL, *decl.breakdowns)
            distinct.append(Scan(*key, TOTAL, (decl.id,), sql, breakdowns))
        else:
            additive.setdefault(key, []).append(decl)
    scans = []
    for key, group in additive.items():
        breakdowns = tuple(dict.fromkeys(b for d in group for b in (TOTAL, *d.breakdowns)))
        sql = _pretty(_grouped_sql(group, breakdowns))
        scans.append(Scan(*key, TOTAL, tuple(d.id for d in group), sql, breakdowns))
    return (*scans, *distinct)


def _grouped_sql(decls: list[MetricDecl], breakdowns: tuple[str, ...]) -> str:
    """Every breakdown of the metrics in one pass.

    The rows are first aggregated to the finest grain (year and every breakdown
    at once, one hash table), then that small cube is rolled up to each
    breakdown with ``GROUPING SETS``: counts and sums add up.
    """
    first = decls[0]
    fy = _fy(first)
    named = [
        (b, f"b{i}", breakdown_sql(first, b)) for i, b in enumerate(x for x in breakdowns if x)
    ]
    measures = []
    for decl in decls:
        agg = _aggregate(decl)
        condition = _condition(decl)
        if condition:
            agg = _with_filter(agg, condition)
        measures.append(f'{agg} AS "{decl.id}"')
    common = _common_conditions(decls)
    where = f" WHERE {common}" if common else ""
    inner_keys = [f"{fy} AS fiscal_year", *(f"{e} AS {c}" for _, c, e in named)]
    groups = [fy, *(e for _, _, e in named)]
    cube = (
        f"SELECT {', '.join(inner_keys + measures)} FROM {_source(first)}{where} "
        f"GROUP BY {', '.join(groups)}"
    )
    keys = ["fiscal_year"]
    if named:
        cases = " ".join(f"WHEN GROUPING({c}) = 0 THEN '{b}'" for b, c, _ in named)
        values = ", ".join(c for _, c, _ in named)
        keys += [
            f"CASE {cases} ELSE '' END AS breakdown",
            f"COALESCE({values}, '') AS breakdown_value",
        ]
        sets = ", ".join(["(fiscal_year)", *(f"(fiscal_year, {c})" for _, c, _ in named)])
        group = f"GROUPING SETS ({sets})"
    else:
        keys += ["'' AS breakdown", "'' AS breakdown_value"]
        group = "fiscal_year"
    totals = [f'SUM("{d.id}") AS "{d.id}"' for d in decls]
    return f"SELECT {', '.join(keys + totals)} FROM ({cube}) AS cube GROUP BY {group}"


def _common_conditions(decls: list[MetricDecl]) -> str | None:
    """The conditions every metric of a scan has: applied once, before any join or grouping."""
    shared: list[str] | None = None
    for decl in decls:
        condition = _condition(decl)
        if condition is None:
            return None
        tree = sqlglot.parse_one(condition, read="duckdb")
        parts = (
            [p.sql(dialect="duckdb") for p in tree.flatten()]
            if isinstance(tree, exp.And)
            else [tree.sql(dialect="duckdb")]
        )
        shared = parts if shared is None else [p for p in shared if p in parts]
    return " AND ".join(f"({p})" for p in shared or []) or None


def _distinct_sql(decl: MetricDecl) -> str:
    """A distinct count by year and each breakdown, the rows made distinct once."""
    fy, column = _fy(decl), _col(decl, decl.column or "")
    condition = _condition(decl)
    where = f" WHERE {condition}" if condition else ""
    name = f'"{decl.id}"'
    if not decl.breakdowns:
        return (
            f"SELECT {fy} AS fiscal_year, '' AS breakdown, '' AS breakdown_value, "
            f"COUNT(DISTINCT {column}) AS {name} FROM {_source(decl)}{where} GROUP BY {fy}"
        )
    cats = ", ".join(f"{breakdown_sql(decl, b)} AS b{i}" for i, b in enumerate(decl.breakdowns))
    rows = (
        f"WITH rows AS MATERIALIZED (SELECT DISTINCT {fy} AS fiscal_year, {cats}, "
        f"{column} AS v FROM {_source(decl)}{where}) "
    )
    per = "COUNT(*)" if len(decl.breakdowns) == 1 else "COUNT(DISTINCT v)"
    parts = [
        f"SELECT fiscal_year, '' AS breakdown, '' AS breakdown_value, COUNT(DISTINCT v) AS {name} "
        "FROM rows GROUP BY fiscal_year",
        *(
            f"SELECT fiscal_year, '{b}', b{i}, {per} FROM rows GROUP BY fiscal_year, b{i}"
            for i, b in enumerate(decl.breakdowns)
        ),
    ]
    return rows + " UNION ALL ".join(parts)


def _with_filter(aggregate: str, condition: str) -> str:
    """Attach a FILTER clause to the aggregate inside an expression."""
    tree = sqlglot.parse_one(aggregate, read="duckdb")
    agg = tree.find(exp.AggFunc)
    if agg is None:
        raise DeclarationError(f"no aggregate in {aggregate!r}")
    cond = sqlglot.parse_one(condition, read="duckdb")
    filtered = exp.Filter(this=agg.copy(), expression=exp.Where(this=cond))
    if agg is tree:
        return filtered.sql(dialect="duckdb")
    agg.replace(filtered)
    return tree.sql(dialect="duckdb")


def reference_tables(decl: MetricDecl) -> set[str]:
    """Names of non-canonical tables (report reference tables) a declaration's filter reads."""
    return set(_filter_references(decl.filter)) if decl.filter else set()


@functools.lru_cache(maxsize=4096)
def _filter_references(condition: str) -> frozenset[str]:
    # Parsed once per distinct filter: fingerprints ask for every metric and year.
    tree = sqlglot.parse_one(condition, read="duckdb")
    return frozenset(t.name for t in tree.find_all(exp.Table) if t.name not in TABLES)
