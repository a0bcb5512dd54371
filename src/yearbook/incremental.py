"""Incremental builds: recompute only the figures whose inputs changed.

Every figure carries a fingerprint of what it was computed from: the
checksums of the fiscal-year partitions it reads, its declaration and the
code version (`yearbook.figures.compute.figure_fingerprint`). A build keeps
the figures it computed beside its output folder (`cache_folder`), never inside
it: they are the figures before disclosure control, not for publishing. The
next build into the same folder compares fingerprints per metric and fiscal
year:

* equal fingerprints: the figures are reused as they are;
* otherwise (a partition changed, a declaration changed, a new metric or
  year): those figures are recomputed, reading only the fiscal years that
  need it, and `Delta` says which they were.

Nothing depends on timestamps; a rebuild of an unchanged warehouse reads no
records at all and starts no query engine: it only checksums the partition
files (`yearbook.warehouse.checksum`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from yearbook.calendar import label
from yearbook.figures import FIGURES_SCHEMA
from yearbook.figures.compute import Inputs, add_year_over_year, compute_figures, figure_fingerprint
from yearbook.metrics.compiler import compile_plan
from yearbook.metrics.declarations import MetricDecl
from yearbook.rules import figure_key, with_inputs
from yearbook.tables import Tables

__all__ = [
    "Computed",
    "Delta",
    "cache_folder",
    "compute_incremental",
    "expected_fingerprints",
    "read_cache",
    "write_cache",
]


def cache_folder(out: Path) -> Path:
    """Where builds into ``out`` keep their computed (not yet disclosed) figures.

    It is a hidden sibling of the output folder, so a file server pointed at
    the published output can never serve it.

    >>> cache_folder(Path("demo/site")).as_posix()
    'demo/.site.yearbook-cache'
    """
    return out.parent / f".{out.name}.yearbook-cache"


MetricYear = tuple[str, int]
RunSQL = Callable[[str], pa.Table]


@dataclass(frozen=True)
class Computed:
    """Computed figures with the fingerprint of every metric-year they cover.

    A metric-year may be covered without rows (nothing submitted that year).
    """

    figures: pa.Table
    fingerprints: Mapping[MetricYear, str]


@dataclass(frozen=True)
class Delta:
    """What an incremental build recomputed and what it reused, per metric and fiscal year."""

    recomputed: tuple[MetricYear, ...]
    reused: tuple[MetricYear, ...]

    @property
    def everything_reused(self) -> bool:
        return not self.recomputed

    def describe(self) -> str:
        """One line for people: what was recomputed.

        >>> Delta((("ero.removals", 2021),), (("ero.removals", 2022),)).describe()
        'recomputed 1 of 2 metric-years: ero.removals FY 2021'
        >>> Delta((), (("ero.removals", 2022),)).describe()
        'nothing changed: reused all 1 metric-years'
        """
        total = len(self.recomputed) + len(self.reused)
        if not self.recomputed:
            return f"nothing changed: reused all {total} metric-years"
        which = ", ".join(f"{m} {label(fy)}" for m, fy in self.recomputed)
        return f"recomputed {len(self.recomputed)} of {total} metric-years: {which}"


def expected_fingerprints(
    metrics: Mapping[str, MetricDecl], years: Iterable[int], inputs: Inputs
) -> dict[MetricYear, str]:
    """The fingerprint each metric's figures of each year would carry if computed now."""
    return {
        (mid, fy): figure_fingerprint(decl, fy, metrics, inputs)
        for mid, decl in metrics.items()
        for fy in years
    }


def _stale(previous: Computed | None, expected: Mapping[MetricYear, str]) -> list[MetricYear]:
    if previous is None:
        return sorted(expected)
    found = previous.fingerprints
    return sorted(key for key, fp in expected.items() if found.get(key) != fp)


def _with_inputs(metrics: Mapping[str, MetricDecl], chosen: set[str]) -> set[str]:
    """The chosen metrics and, transitively, the metrics derived ones are computed from."""
    return with_inputs(chosen, {m: d.inputs for m, d in metrics.items()})


def _in_years(run_sql: RunSQL, years: list[int], every: list[int]) -> RunSQL:
    """Run each statement restricted to some fiscal years (partition pruning does the rest)."""
    if years == every:
        return run_sql
    listed = ", ".join(str(fy) for fy in years)

    def run(sql: str) -> pa.Table:
        # Written the same in every engine's dialect.
        return run_sql(f"SELECT * FROM ({sql}) AS scan WHERE fiscal_year IN ({listed})")

    return run


def _rows_of(table: pa.Table, keep: Callable[[MetricYear], bool]) -> list[dict[str, object]]:
    names = [f.name for f in FIGURES_SCHEMA]
    rows = table.select(names).to_pylist()
    return [r for r in rows if keep((str(r["metric"]), int(str(r["fiscal_year"]))))]


def compute_incremental(
    metrics: Mapping[str, MetricDecl],
    run_sql: RunSQL,
    years: Iterable[int],
    inputs: Inputs,
    previous: Computed | None = None,
    dialect: str = "duckdb",
    *,
    tables: Tables,
) -> tuple[Computed, Delta]:
    """The figures table, reusing `previous` figures whose fingerprints still hold.

    Without `previous`, every figure is computed (a full build). `run_sql` runs
    SQL written in `dialect`; fresh figures record that SQL as their lineage.
    """
    wanted = sorted(set(years))
    expected = expected_fingerprints(metrics, wanted, inputs)
    stale = _stale(previous, expected)
    if previous is not None and not stale and set(previous.fingerprints) == set(expected):
        # Nothing changed and nothing was added or dropped: the previous table,
        # changes on the prior year included, is the answer as it stands.
        return previous, Delta(recomputed=(), reused=tuple(sorted(expected)))
    stale_set = set(stale)
    reused = tuple(sorted(set(expected) - stale_set))
    fresh: list[dict[str, object]] = []
    if stale:
        chosen = _with_inputs(metrics, {mid for mid, _ in stale})
        stale_years = sorted({fy for _, fy in stale})
        plan = compile_plan(metrics, tables, only=chosen, dialect=dialect)
        computed = compute_figures(
            metrics, _in_years(run_sql, stale_years, wanted), stale_years, inputs, plan
        )
        if not reused:  # a full build: nothing to merge
            return Computed(computed, expected), Delta(recomputed=tuple(stale), reused=())
        fresh = _rows_of(computed, lambda key: key in stale_set)
    reused_keys = set(reused)
    kept = [] if previous is None else _rows_of(previous.figures, lambda k: k in reused_keys)
    rows = sorted(kept + fresh, key=figure_key)
    table = add_year_over_year(pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA))
    return Computed(table, expected), Delta(recomputed=tuple(stale), reused=reused)


_FINGERPRINTS = pa.schema(
    [("metric", pa.string()), ("fiscal_year", pa.int32()), ("fingerprint", pa.string())]
)


def read_cache(folder: Path) -> Computed | None:
    """What a previous build into `folder` computed, if it left a readable cache."""
    figures_path = cache_folder(folder) / "figures.parquet"
    prints_path = cache_folder(folder) / "fingerprints.parquet"
    if not (figures_path.is_file() and prints_path.is_file()):
        return None
    figures = pq.read_table(figures_path)
    prints = pq.read_table(prints_path)
    if not set(FIGURES_SCHEMA.names) <= set(figures.column_names) or not prints.schema.equals(
        _FINGERPRINTS
    ):
        return None
    columns = prints.to_pydict()
    fingerprints = {
        (str(m), int(fy)): str(fp)
        for m, fy, fp in zip(
            columns["metric"], columns["fiscal_year"], columns["fingerprint"], strict=True
        )
    }
    return Computed(figures.select(FIGURES_SCHEMA.names).cast(FIGURES_SCHEMA), fingerprints)


def write_cache(folder: Path, computed: Computed) -> None:
    """Keep the computed figures and their fingerprints beside a build's output folder."""
    path = cache_folder(folder)
    path.mkdir(parents=True, exist_ok=True)
    figures = computed.figures.select(FIGURES_SCHEMA.names).cast(FIGURES_SCHEMA)
    pq.write_table(figures, path / "figures.parquet")
    keys = sorted(computed.fingerprints)
    prints = pa.table(
        {
            "metric": [m for m, _ in keys],
            "fiscal_year": [fy for _, fy in keys],
            "fingerprint": [computed.fingerprints[k] for k in keys],
        },
        schema=_FINGERPRINTS,
    )
    pq.write_table(prints, path / "fingerprints.parquet")
