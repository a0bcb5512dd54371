"""Coverage: which days of each fiscal year a table's records cover, found from the data.

A release may stop before a fiscal year ends (an extract taken in September
covers eleven months). A report names the tables whose coverage matters
(``coverage:`` in report.yaml); for each of them and each fiscal year the
build finds, from the records themselves:

* the first and the last day with records;
* a **stray tail**: the last days of the year whose records are thin -- each
  holding fewer than `STRAY_SHARE` (5%) of the records of the year's median day
  with records, at most `MAX_STRAY_DAYS` (3) days -- are records dated past the
  extract's real end (a handful of arrests dated 1 September in a file that
  stops on 31 August). They stay in the year's figures; the year is said to
  run *through* the day before them;
* the year is **complete** when it runs from 1 October through 30 September,
  and **partial** otherwise.

A partial year is compared only like with like: the change on the prior year
of every metric reading that table (``prior_value``, ``yoy_change``,
``yoy_change_pct`` in the figures) is computed on the same days of both years
-- 1 October through the partial year's last covered day, the stray tail left
out -- never a partial year against a whole one. A year without any records of
a covered table has no figures from it (a gap, not a zero), and the year after
it no change.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa
from sqlglot import exp

from yearbook.calendar import fiscal_year_bounds
from yearbook.figures import FIGURES_SCHEMA
from yearbook.figures.compute import compute_figures
from yearbook.metrics.compiler import compile_plan
from yearbook.metrics.declarations import MetricDecl
from yearbook.metrics.sql import render
from yearbook.rules import FigureKey, figure_key
from yearbook.tables import Tables, get_table

__all__ = [
    "FILE",
    "MAX_STRAY_DAYS",
    "STRAY_SHARE",
    "Coverage",
    "apply_coverage",
    "find_coverage",
    "keep_matched_changes",
    "matched_years",
    "same_days_filter",
]

STRAY_SHARE = 0.05
MAX_STRAY_DAYS = 3

RunSQL = Callable[[str], pa.Table]


FILE = "coverage.json"
"""In a build folder: each table's coverage of each fiscal year (`Coverage.to_dict`)."""


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Coverage:
    """The days of one fiscal year a table's records cover."""

    table: str
    fiscal_year: int
    first_day: dt.date
    last_day: dt.date
    """The last day with any record."""
    through: dt.date
    """The last day covered: `last_day` unless a stray tail follows it."""
    rows: int
    stray_days: tuple[tuple[dt.date, int], ...] = ()

    @property
    def complete(self) -> bool:
        start, end = fiscal_year_bounds(self.fiscal_year)
        return self.first_day <= start and self.through >= end

    @property
    def stray_rows(self) -> int:
        return sum(n for _, n in self.stray_days)

    def describe(self) -> str:
        """One sentence for readers: what the year covers, and how a stray tail was read."""
        span = f"{_long(self.first_day)} through {_long(self.through)}"
        text = f"{self.table}, FY {self.fiscal_year}: {span}"
        text += "" if self.complete else " (a partial year)"
        if self.stray_days:
            days = ", ".join(_long(d) for d, _ in self.stray_days)
            text += (
                f"; {self.stray_rows:,} record(s) dated {days} are a stray tail (each such day "
                f"has under {STRAY_SHARE:.0%} of the records of a median day): they are counted "
                "in the year's figures, and its change on the prior year leaves them out"
            )
        return text + "."

    def to_dict(self) -> dict[str, object]:
        return {
            "table": self.table,
            "fiscal_year": self.fiscal_year,
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "through": self.through.isoformat(),
            "complete": self.complete,
            "rows": self.rows,
            "stray_rows": self.stray_rows,
            "stray_days": [d.isoformat() for d, _ in self.stray_days],
            "note": self.describe(),
        }


def _year_coverage(table: str, fy: int, days: Sequence[tuple[dt.date, int]]) -> Coverage:
    counts = [n for _, n in days]
    median = statistics.median(counts)
    stray: list[tuple[dt.date, int]] = []
    kept = list(days)
    while len(kept) > 1 and len(stray) < MAX_STRAY_DAYS and kept[-1][1] < STRAY_SHARE * median:
        stray.insert(0, kept.pop())
    if len(stray) == MAX_STRAY_DAYS and kept[-1][1] < STRAY_SHARE * median:
        kept, stray = list(days), []  # a long thin end is data, not a stray tail
    return Coverage(
        table=table,
        fiscal_year=fy,
        first_day=days[0][0],
        last_day=days[-1][0],
        through=kept[-1][0],
        rows=sum(counts),
        stray_days=tuple(stray),
    )


def find_coverage(
    run_sql: RunSQL, schemas: Tables, tables: Iterable[str], dialect: str = "duckdb"
) -> list[Coverage]:
    """The coverage of every fiscal year of each table, from its records' dates.

    `run_sql` runs SQL written in `dialect` (the engine's).
    """
    found: list[Coverage] = []
    for table in tables:
        column = get_table(schemas, table).date_column
        result = run_sql(render(_days_query(table, column), dialect)).to_pydict()
        by_year: dict[int, list[tuple[dt.date, int]]] = {}
        for day, n in zip(result["day"], result["n"], strict=True):
            fy = day.year + 1 if day.month >= 10 else day.year
            by_year.setdefault(fy, []).append((day, int(n)))
        found += [_year_coverage(table, fy, days) for fy, days in sorted(by_year.items())]
    return found


def _days_query(table: str, column: str) -> exp.Select:
    """Rows per calendar day of a table's date column (days without a date left out)."""
    date = exp.column(column, quoted=True)
    day = exp.Cast(this=date.copy(), to=exp.DataType.build("DATE"))
    count = exp.Count(this=exp.Star(), big_int=True)
    query = exp.Select(expressions=[exp.alias_(day, "day"), exp.alias_(count, "n")])
    query = query.from_(exp.to_table(table, quoted=True))
    query.set("where", exp.Where(this=exp.Not(this=exp.Is(this=date, expression=exp.Null()))))
    query.set("group", exp.Group(expressions=[exp.Literal.number(1)]))
    first = exp.Ordered(this=exp.Literal.number(1), nulls_first=False)
    query.set("order", exp.Order(expressions=[first]))
    return query


def _fiscal_day(day: dt.date) -> int:
    """A day's place in the fiscal year as month-day: 1 October is 1, 30 September 1130."""
    return ((day.month + 2) % 12) * 100 + day.day


def same_days_filter(date_column: str, through: dt.date) -> str:
    """SQL keeping, in any fiscal year, the days from 1 October to `through`'s month and day."""
    month = f'EXTRACT(MONTH FROM "{date_column}")'
    day = f'EXTRACT(DAY FROM "{date_column}")'
    return f"((({month} + 2) % 12) * 100 + {day} <= {_fiscal_day(through)})"


def _reading(metrics: Mapping[str, MetricDecl], table: str) -> list[str]:
    """The metrics reading `table` directly, then those derived from them."""
    out = [
        mid
        for mid, decl in metrics.items()
        if decl.table == table and decl.join is None and not decl.is_derived
    ]
    grew = True
    while grew:
        grew = False
        for mid, decl in metrics.items():
            if mid not in out and decl.is_derived and all(i in out for i in decl.inputs):
                out.append(mid)
                grew = True
    return out


def _restricted(
    metrics: Mapping[str, MetricDecl], schemas: Tables, table: str, through: dt.date
) -> dict[str, MetricDecl]:
    """The metrics reading `table` (and those derived from them), limited to the same days."""
    column = get_table(schemas, table).date_column
    out: dict[str, MetricDecl] = {}
    for mid in _reading(metrics, table):
        decl = metrics[mid]
        if decl.is_derived:
            out[mid] = decl
            continue
        clause = same_days_filter(column, through)
        where = f"({decl.filter}) AND {clause}" if decl.filter else clause
        out[mid] = decl.model_copy(update={"filter": where})
    return out


def _matching_changes(
    index: Mapping[FigureKey, dict[str, object]],
    metrics: Mapping[str, MetricDecl],
    chosen: Mapping[str, MetricDecl],
    run_sql: RunSQL,
    fy: int,
    schemas: Tables,
    dialect: str,
) -> None:
    """Set the change of year `fy` of the chosen metrics from their limited values."""
    merged = {**metrics, **chosen}
    plan = compile_plan(merged, schemas, only=chosen, dialect=dialect)
    same = compute_figures(merged, run_sql, [fy - 1, fy], plan=plan).to_pylist()
    matched = {figure_key(r): r["value"] for r in same}
    for key, now in matched.items():
        row = index.get(key)
        if key[1] != fy or key[0] not in chosen or row is None:
            continue
        before = matched.get((key[0], fy - 1, key[2], key[3]))
        row["prior_value"] = before
        row["yoy_change"] = now - before if now is not None and before is not None else None
        row["yoy_change_pct"] = (
            100.0 * (now - before) / before if now is not None and before else None
        )


def matched_years(
    metrics: Mapping[str, MetricDecl], coverage: Sequence[Coverage]
) -> set[tuple[str, int]]:
    """(metric, fiscal year) pairs whose change is computed on matching days."""
    covered = {(c.table, c.fiscal_year): c for c in coverage}
    out: set[tuple[str, int]] = set()
    for (table, fy), cov in covered.items():
        prior = covered.get((table, fy - 1))
        if prior is None or all(c.complete and not c.stray_days for c in (cov, prior)):
            continue
        out |= {(mid, fy) for mid in _reading(metrics, table)}
    return out


def keep_matched_changes(
    table: pa.Table, matched: pa.Table, years: set[tuple[str, int]]
) -> pa.Table:
    """`table` (figures after disclosure control, which recomputes every change) with the
    matching-days changes of `matched` put back, where the figure is still published."""
    changes = {
        figure_key(r): (r["prior_value"], r["yoy_change"], r["yoy_change_pct"])
        for r in matched.to_pylist()
        if (r["metric"], r["fiscal_year"]) in years
    }
    rows = table.to_pylist()
    for row in rows:
        key = figure_key(row)
        if key in changes and row["value"] is not None:
            row["prior_value"], row["yoy_change"], row["yoy_change_pct"] = changes[key]
    return pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA)


def apply_coverage(
    figures: pa.Table,
    metrics: Mapping[str, MetricDecl],
    run_sql: RunSQL,
    coverage: Sequence[Coverage],
    schemas: Tables,
    dialect: str = "duckdb",
) -> pa.Table:
    """Figures with gaps for uncovered years and changes on matching days for partial ones.

    `run_sql` runs SQL written in `dialect` (the engine's).
    """
    rows = figures.to_pylist()
    years = sorted({int(r["fiscal_year"]) for r in rows})
    covered = {(c.table, c.fiscal_year): c for c in coverage}
    tables = {c.table for c in coverage}
    reading = {t: _restricted(metrics, schemas, t, dt.date(2000, 9, 30)) for t in tables}
    gaps = {
        (mid, fy) for t in tables for mid in reading[t] for fy in years if (t, fy) not in covered
    }
    rows = [r for r in rows if (r["metric"], r["fiscal_year"]) not in gaps]
    index = {figure_key(r): r for r in rows}
    for row in rows:
        if (row["metric"], row["fiscal_year"] - 1) in gaps:
            row["prior_value"] = row["yoy_change"] = row["yoy_change_pct"] = None
    for (table, fy), cov in sorted(covered.items()):
        prior = covered.get((table, fy - 1))
        if prior is None or all(c.complete and not c.stray_days for c in (cov, prior)):
            continue
        through = min((cov.through, prior.through), key=_fiscal_day)
        restricted = _restricted(metrics, schemas, table, through)
        _matching_changes(index, metrics, restricted, run_sql, fy, schemas, dialect)
    return pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA)
