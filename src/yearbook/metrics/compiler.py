"""Compile metric declarations to SQL.

Compilation is pure: declarations in, SQL out, no connection and no files.
Queries are built as sqlglot trees (from the pieces in `yearbook.metrics.sql`)
and rendered once for the engine that will run them (``duckdb``, ``spark``).
Two forms come out of it:

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

from yearbook.errors import DeclarationError
from yearbook.metrics.declarations import MetricDecl
from yearbook.metrics.sql import (
    MONTH,
    aggregate,
    and_all,
    breakdown_expr,
    canonical_tables,
    column,
    condition_parts,
    fiscal_year,
    ordered,
    parse_condition,
    render,
    source,
    table_schema,
    with_filter,
)
from yearbook.rules import SOURCE_MEASURES, TOTAL, dependency_order, derived_inputs, scale_of
from yearbook.tables import Tables
from yearbook.tables.identifiers import refuse_identifying_breakdown

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
    """What to run, and what to show: fused scans and each figure's own SQL,
    rendered for one engine's dialect."""

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
    dialect: str = "duckdb"
    """The engine dialect every query of the plan is written in."""

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


def breakdown_sql(decl: MetricDecl, breakdown: str, dialect: str = "duckdb") -> str:
    """The SQL expression giving a row's category for a breakdown."""
    return breakdown_expr(decl, breakdown).sql(dialect=dialect)


def _as(expression: exp.Expr, name: str) -> exp.Expr:
    return exp.alias_(expression, name, quoted=not name.isidentifier())


def _select(*expressions: exp.Expr) -> exp.Select:
    return exp.Select(expressions=list(expressions))


def _grouped(
    query: exp.Select,
    groups: list[exp.Expr],
    where: exp.Expr | None = None,
) -> exp.Select:
    if where is not None:
        query.set("where", exp.Where(this=where))
    query.set("group", exp.Group(expressions=[g.copy() for g in groups]))
    return query


def _source_tree(decl: MetricDecl, breakdown: str) -> exp.Select:
    keys: list[exp.Expr] = [_as(fiscal_year(decl), "fiscal_year")]
    groups: list[exp.Expr] = [fiscal_year(decl)]
    if breakdown:
        keys.append(_as(breakdown_expr(decl, breakdown), "breakdown_value"))
        groups.append(breakdown_expr(decl, breakdown))
    query = source(decl, _select(*keys, _as(aggregate(decl), "value"), *_provenance(decl)))
    query = _grouped(query, groups, and_all(condition_parts(decl)))
    positions = [ordered(exp.Literal.number(i + 1)) for i in range(len(keys))]
    query.set("order", exp.Order(expressions=positions))
    return query


def _top_tree(decl: MetricDecl, breakdown: str, counted: exp.Select) -> exp.Select:
    """A breakdown's figures as each year's ``n`` largest categories (ties broken by
    name) and one rest row adding up the others (`yearbook.rules.top_and_rest`)."""
    top = decl.top[breakdown]
    counted = counted.copy()
    counted.set("order", None)
    value, category = exp.column("value"), exp.column("breakdown_value")
    place = exp.Window(
        this=exp.RowNumber(),
        partition_by=[exp.column("fiscal_year")],
        order=exp.Order(
            expressions=[exp.Ordered(this=value.copy(), desc=True), ordered(category.copy())]
        ),
    )
    year = exp.column("fiscal_year")
    places = _select(year.copy(), category.copy(), value.copy(), _as(place, "place"))
    places = places.from_("counted").where(
        exp.NEQ(this=value.copy(), expression=exp.Literal.number(0))
    )
    kept = exp.LTE(this=exp.column("place"), expression=exp.Literal.number(top.n))
    named = exp.Case(
        ifs=[exp.If(this=kept, true=category.copy())], default=exp.Literal.string(top.rest)
    )
    query = _select(year.copy(), _as(named, "breakdown_value"), _as(exp.Sum(this=value), "value"))
    query = _grouped(query.from_("ranked"), [year.copy(), named.copy()])
    positions = [ordered(exp.Literal.number(i + 1)) for i in range(2)]
    query.set("order", exp.Order(expressions=positions))
    return query.with_("counted", as_=counted).with_("ranked", as_=places)


def _provenance(decl: MetricDecl) -> list[exp.Expr]:
    """For a submitted figure, who submitted it, when and from what source."""
    if decl.measure != "submitted":
        return []

    def listed(name: str) -> exp.Expr:
        distinct = exp.Distinct(expressions=[exp.column(name)])
        return _as(exp.GroupConcat(this=distinct, separator=exp.Literal.string("; ")), name)

    latest = _as(exp.Max(this=exp.column("submitted_on")), "submitted_on")
    return [listed("submitted_by"), latest, listed("source")]


def _derived_tree(
    decl: MetricDecl,
    breakdown: str,
    metrics: Mapping[str, MetricDecl],
    lineage: Mapping[tuple[str, str], exp.Query],
) -> exp.Select:
    num, den = decl.inputs
    key = (decl.id, 0, breakdown, "")
    (_, _, num_by, _), (_, _, den_by, _) = derived_inputs(key, num, den, metrics[den].breakdowns)
    on: exp.Expr = exp.EQ(
        this=exp.column("fiscal_year", table="n"), expression=exp.column("fiscal_year", table="d")
    )
    if den_by:
        same = exp.EQ(
            this=exp.column("breakdown_value", table="n"),
            expression=exp.column("breakdown_value", table="d"),
        )
        on = exp.And(this=on, expression=same)
    cols = [exp.column("fiscal_year", table="n")]
    if breakdown:
        cols.append(exp.column("breakdown_value", table="n"))
    quotient = _quotient(scale_of(decl.measure))
    query = _select(*cols, _as(quotient, "value")).from_(exp.to_table("n"))
    query = query.join(exp.to_table("d"), on=on)
    query = query.with_("n", as_=lineage[(num, num_by)]).with_("d", as_=lineage[(den, den_by)])
    query.set("order", exp.Order(expressions=[ordered(c.copy()) for c in cols]))
    return query


def _quotient(scale: float) -> exp.Expr:
    """``scale * n.value / NULLIF(d.value, 0)``: a ratio, or a share in percent."""
    top: exp.Expr = exp.column("value", table="n")
    if scale != 1:
        top = exp.Mul(this=exp.Literal.number(scale), expression=top)
    bottom = exp.Nullif(this=exp.column("value", table="d"), expression=exp.Literal.number(0))
    return exp.Div(this=top, expression=bottom, typed=False, safe=False)


def transpile(sql: str, dialect: str) -> str:
    """A statement written in DuckDB's dialect, rendered for another engine (``spark``...)."""
    try:
        tree = sqlglot.parse_one(sql, read="duckdb")
    except sqlglot.errors.SqlglotError as err:
        raise DeclarationError(f"could not read SQL: {err}\n{sql}") from None
    return render(tree, dialect)


def figure_sql(
    metrics: Mapping[str, MetricDecl],
    tables: Tables,
    metric: str,
    breakdown: str = TOTAL,
    dialect: str = "duckdb",
) -> str:
    """The standalone SQL behind one metric's figures (every fiscal year)."""
    return compile_plan(metrics, tables, dialect=dialect).lineage[(metric, breakdown)]


def _derived_order(metrics: Mapping[str, MetricDecl]) -> list[str]:
    """The ratio and share metrics, each after the metrics it divides."""
    order = dependency_order({m: d.inputs for m, d in metrics.items()})
    return [m for m in order if metrics[m].is_derived]


def compile_plan(
    metrics: Mapping[str, MetricDecl],
    tables: Tables,
    only: Iterable[str] | None = None,
    dialect: str = "duckdb",
) -> Plan:
    """Compile declarations into a fused plan and per-figure lineage, for one dialect.

    `tables` are the canonical tables the declarations read (their pack's)."""
    with canonical_tables(tables):
        return _compile_plan(metrics, tables, only, dialect)


def _compile_plan(
    metrics: Mapping[str, MetricDecl],
    tables: Tables,
    only: Iterable[str] | None,
    dialect: str,
) -> Plan:
    chosen = set(only) if only is not None else set(metrics)
    identifying = [c for table in tables.values() for c in table.identifying_columns]
    trees: dict[tuple[str, str], exp.Query] = {}
    groups: dict[tuple[str, str | None, str], list[MetricDecl]] = {}
    for decl in metrics.values():
        if decl.measure not in SOURCE_MEASURES:
            continue
        for breakdown in (TOTAL, *decl.breakdowns):
            refuse_identifying_breakdown(decl.id, breakdown, identifying)
            counted = _source_tree(decl, breakdown)
            top = breakdown in decl.top
            trees[(decl.id, breakdown)] = _top_tree(decl, breakdown, counted) if top else counted
            if decl.id in chosen:
                key = (str(decl.table), decl.join.table if decl.join else None, breakdown)
                groups.setdefault(key, []).append(decl)
    derived = _derived_order(metrics)
    for mid in derived:
        for breakdown in (TOTAL, *metrics[mid].breakdowns):
            trees[(mid, breakdown)] = _derived_tree(metrics[mid], breakdown, metrics, trees)
    return Plan(
        scans=_scans([d for d in metrics.values() if d.id in chosen], dialect),
        derived=tuple(m for m in derived if m in chosen),
        lineage={key: render(tree, dialect) for key, tree in trees.items()},
        bounds=_side_scans(groups, lambda d, _: bool(d.bound_column), _bound_tree, dialect),
        orders=_side_scans(groups, _is_list, _order_tree, dialect),
        dialect=dialect,
    )


def _is_list(decl: MetricDecl, breakdown: str) -> bool:
    """Whether a figure's categories are the items of a submitted list."""
    return decl.measure == "submitted" and bool(breakdown)


QUALIFIED = {"lower": "at_least", "approximate": "estimated"}
"""Figure bound -> the value of a row's bound column that makes a total that bound."""


Groups = Mapping[tuple[str, str | None, str], list[MetricDecl]]
"""(table, joined table, breakdown) -> the declarations computed by that scan."""


def _side_scans(
    groups: Groups,
    wanted: Callable[[MetricDecl, str], bool],
    tree: Callable[[list[MetricDecl], str], exp.Select],
    dialect: str,
) -> tuple[Scan, ...]:
    """One extra query per scan group, for its declarations that `wanted` picks."""
    scans = []
    for (table, join, breakdown), decls in groups.items():
        picked = [d for d in decls if wanted(d, breakdown)]
        if picked:
            text = render(tree(picked, breakdown), dialect)
            scans.append(Scan(table, join, breakdown, tuple(d.id for d in picked), text))
    return tuple(scans)


def _order_tree(decls: list[MetricDecl], breakdown: str) -> exp.Select:
    """Per category, the smallest key of its rows: the first submitted comes first."""
    first = decls[0]
    key = column(first, table_schema(first.table or "").key[0])
    measures = [
        _as(with_filter(exp.Min(this=key.copy()), and_all(condition_parts(d))), f"{d.id}|first")
        for d in decls
    ]
    category = breakdown_expr(first, breakdown)
    keys = [_as(fiscal_year(first), "fiscal_year"), _as(category, "breakdown_value")]
    query = source(first, _select(*keys, *measures))
    return _grouped(query, [fiscal_year(first), category])


def _bound_tree(decls: list[MetricDecl], breakdown: str) -> exp.Select:
    """Per figure, how many of its rows are lower bounds and how many are estimates."""
    first = decls[0]
    keys: list[exp.Expr] = [_as(fiscal_year(first), "fiscal_year")]
    groups: list[exp.Expr] = [fiscal_year(first)]
    if breakdown:
        keys.append(_as(breakdown_expr(first, breakdown), "breakdown_value"))
        groups.append(breakdown_expr(first, breakdown))
    measures = []
    for decl in decls:
        for bound, flag in QUALIFIED.items():
            qualified = exp.EQ(
                this=column(decl, decl.bound_column or ""), expression=exp.Literal.string(flag)
            )
            where = and_all([*condition_parts(decl), qualified])
            counted = with_filter(exp.Count(this=exp.Star(), big_int=True), where)
            measures.append(_as(counted, f"{decl.id}|{bound}"))
    return _grouped(source(first, _select(*keys, *measures)), groups)


def _scans(decls: list[MetricDecl], dialect: str) -> tuple[Scan, ...]:
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
            sql = render(_distinct_tree(decl), dialect)
            breakdowns = (TOTAL, *decl.breakdowns)
            distinct.append(Scan(*key, TOTAL, (decl.id,), sql, breakdowns))
        else:
            additive.setdefault(key, []).append(decl)
    scans = []
    for key, group in additive.items():
        breakdowns = tuple(dict.fromkeys(b for d in group for b in (TOTAL, *d.breakdowns)))
        sql = render(_grouped_tree(group, breakdowns), dialect)
        scans.append(Scan(*key, TOTAL, tuple(d.id for d in group), sql, breakdowns))
    return (*scans, *distinct)


def _grouped_tree(decls: list[MetricDecl], breakdowns: tuple[str, ...]) -> exp.Select:
    """Every breakdown of the metrics in one pass.

    The rows are first aggregated to the finest grain (year and every breakdown
    at once, one hash table), then that small cube is rolled up to each
    breakdown with ``GROUPING SETS``: counts and sums add up.
    """
    first = decls[0]
    named = [
        (b, f"b{i}", breakdown_expr(first, b)) for i, b in enumerate(x for x in breakdowns if x)
    ]
    measures = [_as(with_filter(aggregate(d), and_all(condition_parts(d))), d.id) for d in decls]
    inner = [_as(fiscal_year(first), "fiscal_year"), *(_as(e, c) for _, c, e in named)]
    groups = [fiscal_year(first), *(e for _, _, e in named)]
    cube = _grouped(source(first, _select(*inner, *measures)), groups, _common_conditions(decls))
    totals = [_as(exp.Sum(this=exp.column(d.id, quoted=True)), d.id) for d in decls]
    query = _select(*_rollup_keys(named), *totals).from_(cube.subquery("cube"))
    return _grouped(query, [_rollup(named)])


def _rollup_keys(named: list[tuple[str, str, exp.Expr]]) -> list[exp.Expr]:
    """The outer query's keys: year, the breakdown a row belongs to, and its category."""
    year = exp.column("fiscal_year")
    if not named:
        blank = exp.Literal.string("")
        return [year, _as(blank, "breakdown"), _as(blank.copy(), "breakdown_value")]
    whens = [
        exp.If(
            this=exp.EQ(
                this=exp.Grouping(expressions=[exp.column(c)]), expression=exp.Literal.number(0)
            ),
            true=exp.Literal.string(b),
        )
        for b, c, _ in named
    ]
    which = exp.Case(ifs=whens, default=exp.Literal.string(""))
    values = [exp.column(c) for _, c, _ in named[1:]]
    category = exp.Coalesce(
        this=exp.column(named[0][1]), expressions=[*values, exp.Literal.string("")]
    )
    return [year, _as(which, "breakdown"), _as(category, "breakdown_value")]


def _rollup(named: list[tuple[str, str, exp.Expr]]) -> exp.Expr:
    """``GROUPING SETS`` of the year alone and the year with each breakdown."""
    if not named:
        return exp.column("fiscal_year")
    sets: list[exp.Expr] = [exp.Paren(this=exp.column("fiscal_year"))]
    sets += [exp.Tuple(expressions=[exp.column("fiscal_year"), exp.column(c)]) for _, c, _ in named]
    return exp.GroupingSets(expressions=sets)


def _common_conditions(decls: list[MetricDecl]) -> exp.Expr | None:
    """The conditions every metric of a scan has: applied once, before any join or grouping."""
    shared: list[exp.Expr] | None = None
    for decl in decls:
        parts = condition_parts(decl)
        if not parts:
            return None
        shared = parts if shared is None else [p for p in shared if p in parts]
    return and_all([p if isinstance(p, exp.Paren) else exp.Paren(this=p) for p in shared or []])


def _distinct_tree(decl: MetricDecl) -> exp.Query:
    """A distinct count by year and each breakdown, the rows made distinct once."""
    where = and_all(condition_parts(decl))
    blank = exp.Literal.string("")
    head = [_as(blank, "breakdown"), _as(blank.copy(), "breakdown_value")]
    if not decl.breakdowns:
        counted = exp.Count(this=exp.Distinct(expressions=[column(decl, decl.column or "")]))
        keys = [_as(fiscal_year(decl), "fiscal_year"), *head, _as(counted, decl.id)]
        return _grouped(source(decl, _select(*keys)), [fiscal_year(decl)], where)
    cats = [_as(breakdown_expr(decl, b), f"b{i}") for i, b in enumerate(decl.breakdowns)]
    value = _as(column(decl, decl.column or ""), "v")
    rows = source(decl, _select(_as(fiscal_year(decl), "fiscal_year"), *cats, value).distinct())
    if where is not None:
        rows.set("where", exp.Where(this=where))
    year = exp.column("fiscal_year")
    all_values = exp.Count(this=exp.Distinct(expressions=[exp.column("v")]), big_int=True)
    parts: list[exp.Query] = [
        _grouped(_select(year, *head, _as(all_values, decl.id)).from_("rows"), [year])
    ]
    per = exp.Count(this=exp.Star(), big_int=True) if len(decl.breakdowns) == 1 else all_values
    for i, b in enumerate(decl.breakdowns):
        part = _select(year.copy(), exp.Literal.string(b), exp.column(f"b{i}"), per.copy())
        parts.append(_grouped(part.from_("rows"), [year, exp.column(f"b{i}")]))
    union: exp.Query = parts[0]
    for other in parts[1:]:
        union = exp.union(union, other, distinct=False)
    return union.with_("rows", as_=rows, materialized=True)


def reference_tables(decl: MetricDecl) -> set[str]:
    """Names of the tables other than its own (report reference tables) a filter reads."""
    if not decl.filter:
        return set()
    return set(_filter_references(decl.filter)) - set(decl.tables)


@functools.lru_cache(maxsize=4096)
def _filter_references(condition: str) -> frozenset[str]:
    # Parsed once per distinct filter: fingerprints ask for every metric and year.
    tree = parse_condition(condition)
    return frozenset(t.name for t in tree.find_all(exp.Table))
