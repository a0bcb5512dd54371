"""The pieces of a metric's SQL, as sqlglot trees, and their rendering per engine.

The compiler assembles queries from these nodes; nothing here glues text. A
declaration's ``filter`` is the one piece written as SQL (in DuckDB's dialect,
as documented), and it is parsed into a tree once. A finished query is rendered
for an engine by `render`: DuckDB's dialect, or Spark SQL, or any dialect
sqlglot writes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import sqlglot
from sqlglot import exp

from yearbook.errors import DeclarationError
from yearbook.metrics.declarations import MetricDecl
from yearbook.rules import MONTH
from yearbook.tables import Tables, TableSchema

__all__ = [
    "DIALECTS",
    "MISSING",
    "MONTH",
    "aggregate",
    "and_all",
    "breakdown_expr",
    "canonical_tables",
    "column",
    "condition_parts",
    "fiscal_year",
    "ordered",
    "parse_condition",
    "render",
    "source",
    "table_schema",
    "with_filter",
]

DIALECTS = ("duckdb", "spark")
"""The engines' dialects the compiler renders for (`yearbook.backends.ENGINES`)."""
MISSING = "(not recorded)"
"""The category of rows whose breakdown column is empty."""
DEDUP_COLUMN = "duplicate_rule"

_TABLES: ContextVar[Tables] = ContextVar("tables")
"""The canonical tables (a pack's) of the declarations being compiled."""


@contextmanager
def canonical_tables(tables: Tables) -> Iterator[None]:
    """Compile with these canonical tables: the helpers below read their columns."""
    token = _TABLES.set(tables)
    try:
        yield
    finally:
        _TABLES.reset(token)


def table_schema(name: str) -> TableSchema:
    """A canonical table of the declarations being compiled (`canonical_tables`)."""
    try:
        return _TABLES.get()[name]
    except LookupError:
        raise DeclarationError(
            f"unknown table {name!r}", hint="name a table of the report's pack"
        ) from None


_MATERIALIZING = ("duckdb", "postgres")
"""Dialects that know the ``MATERIALIZED`` hint on a common table expression."""


def render(tree: exp.Expr, dialect: str) -> str:
    """A query as one engine runs it (pretty-printed: it is shown as lineage).

    ``MATERIALIZED`` (a DuckDB hint on a common table expression) is left out for
    engines that do not know it.
    """
    if dialect not in _MATERIALIZING and any(
        c.args.get("materialized") for c in tree.find_all(exp.CTE)
    ):
        tree = tree.copy()
        for cte in tree.find_all(exp.CTE):
            cte.set("materialized", None)
    try:
        return tree.sql(dialect=dialect, pretty=True)
    except sqlglot.errors.SqlglotError as err:
        raise DeclarationError(f"could not render SQL for {dialect}: {err}") from None


@functools.lru_cache(maxsize=4096)
def _parsed(condition: str) -> exp.Expr:
    try:
        return sqlglot.parse_one(condition, read="duckdb")
    except sqlglot.errors.ParseError as err:
        raise DeclarationError(f"filter is not valid SQL: {err}") from None


def parse_condition(condition: str) -> exp.Expr:
    """A declaration's filter as a tree (a fresh copy: callers may attach it anywhere)."""
    return _parsed(condition).copy()


def column(decl: MetricDecl, name: str) -> exp.Column:
    """A column, qualified with its table when the metric joins another table."""
    if decl.join is None:
        return exp.column(name)
    base = table_schema(decl.table or "")
    if name in base.column_names:
        return exp.column(name, table=base.name)
    joined = table_schema(decl.join.table)
    if name in joined.column_names:
        return exp.column(name, table=joined.name)
    raise DeclarationError(
        f"metric {decl.id!r}: no column {name!r} in {base.name} or {joined.name}"
    )


def fiscal_year(decl: MetricDecl) -> exp.Column:
    """The metric's table's fiscal year column."""
    return exp.column("fiscal_year", table=decl.table if decl.join else None)


def breakdown_expr(decl: MetricDecl, breakdown: str) -> exp.Expr:
    """A row's category for a breakdown: the column as text, or its month ``YYYY-MM``."""
    if breakdown == MONTH:
        date = column(decl, table_schema(decl.table or "").date_column)
        return exp.TimeToStr(this=date, format=exp.Literal.string("%Y-%m"))
    text = exp.Cast(this=column(decl, breakdown), to=exp.DataType.build("VARCHAR"))
    return exp.Coalesce(this=text, expressions=[exp.Literal.string(MISSING)])


def source(decl: MetricDecl, query: exp.Select) -> exp.Select:
    """``query`` reading the metric's table, joined to its join table if it has one."""
    query = query.from_(exp.to_table(str(decl.table)))
    if decl.join is None:
        return query
    key, other = decl.join.key, decl.join.table
    on = exp.EQ(this=exp.column(key, table=decl.table), expression=exp.column(key, table=other))
    return query.join(exp.to_table(other), on=on)


def condition_parts(decl: MetricDecl) -> list[exp.Expr]:
    """What a row must meet to count for the metric, as separate conditions."""
    parts: list[exp.Expr] = []
    if decl.measure == "submitted":
        parts.append(exp.EQ(this=exp.column("metric"), expression=exp.Literal.string(decl.id)))
    if decl.filter:
        parts.append(exp.Paren(this=parse_condition(decl.filter)))
    if not decl.include_duplicates:
        for name in decl.tables:
            if DEDUP_COLUMN in table_schema(name).column_names:
                flag = exp.column(DEDUP_COLUMN, table=name if decl.join else None)
                parts.append(exp.Is(this=flag, expression=exp.Null()))
    return parts


def and_all(parts: list[exp.Expr]) -> exp.Expr | None:
    """The conjunction of some conditions; none for none."""
    if not parts:
        return None
    out = parts[0].copy()
    for part in parts[1:]:
        out = exp.And(this=out, expression=part.copy())
    return out


def aggregate(decl: MetricDecl) -> exp.Expr:
    """The metric's measure over the rows of one group."""
    if decl.measure == "count":
        return exp.Count(this=exp.Star(), big_int=True)
    value = column(decl, decl.column or "")
    if decl.measure == "count_distinct":
        return exp.Count(this=exp.Distinct(expressions=[value]), big_int=True)
    if decl.measure == "sum":
        return exp.Coalesce(this=exp.Sum(this=value), expressions=[exp.Literal.number(0)])
    if decl.measure == "submitted":
        return exp.Sum(this=value)  # NULL when nothing was submitted: a gap, not a zero
    raise DeclarationError(f"metric {decl.id!r}: measure {decl.measure!r} has no aggregate")


def with_filter(expression: exp.Expr, condition: exp.Expr | None) -> exp.Expr:
    """The aggregate inside ``expression`` restricted to rows meeting ``condition``."""
    if condition is None:
        return expression
    tree = expression.copy()
    agg = tree.find(exp.AggFunc)
    if agg is None:
        raise DeclarationError(f"no aggregate in {tree.sql()!r}")
    filtered = exp.Filter(this=agg.copy(), expression=exp.Where(this=condition.copy()))
    if agg is tree:
        return filtered
    agg.replace(filtered)
    return tree


def ordered(expression: exp.Expr) -> exp.Ordered:
    """An ascending sort key with empty values last, whatever the engine's default."""
    return exp.Ordered(this=expression, nulls_first=False)
