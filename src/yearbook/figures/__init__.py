"""The figures table: the contract between computing and everything downstream.

One row per (metric, fiscal year, breakdown, category). Columns:

=================  ==========================================================
``metric``         the metric id, e.g. ``ero.admin_arrests``
``fiscal_year``    the fiscal year the figure is about
``breakdown``      the breakdown name (``aor``, ``departure_country``, ...);
                   empty for the headline figure
``breakdown_value`` the category within the breakdown; empty for headlines
``value``          the value; empty when suppressed
``unit``           what the value counts (``arrests``, ``percent``, ``usd``...)
``status``         ``published`` or ``suppressed``
``bound``          ``exact``, ``lower`` (records give a lower bound) or
                   ``approximate`` (records are estimates)
``position``       the category's place in its list when the source gives an
                   order (the items of a submitted list, 1 = first as
                   submitted); empty otherwise
``prior_value``    the same figure one fiscal year earlier, when known
``yoy_change``     value - prior_value
``yoy_change_pct`` 100 x (value - prior_value) / prior_value
``sql``            the SQL that computes the figure (its lineage)
``fingerprint``    checksum of the inputs: the partitions read, the
                   declaration and the code version
=================  ==========================================================

Everything downstream (prose, pages, bundle, API, checker, diff) reads this
table and nothing else.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from yearbook.errors import UserError
from yearbook.rules import Bound, FigureKey, Status
from yearbook.spreadsheet import neutralise, restore

__all__ = [
    "FIGURES_SCHEMA",
    "OPTIONAL_COLUMNS",
    "Figure",
    "Figures",
    "conform",
    "read_figures",
    "write_figures",
]

FIGURES_SCHEMA = pa.schema(
    [
        pa.field("metric", pa.string(), nullable=False),
        pa.field("fiscal_year", pa.int32(), nullable=False),
        pa.field("breakdown", pa.string(), nullable=False),
        pa.field("breakdown_value", pa.string(), nullable=False),
        pa.field("value", pa.float64()),
        pa.field("unit", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),
        pa.field("bound", pa.string(), nullable=False),
        pa.field("position", pa.int32()),
        pa.field("prior_value", pa.float64()),
        pa.field("yoy_change", pa.float64()),
        pa.field("yoy_change_pct", pa.float64()),
        pa.field("sql", pa.string(), nullable=False),
        pa.field("fingerprint", pa.string(), nullable=False),
    ]
)


OPTIONAL_COLUMNS = ("position",)
"""Columns added to the table after its first release: absent (all empty) in older builds."""


def conform(table: pa.Table) -> pa.Table:
    """A figures table in the schema's column order and types.

    A table from an older build lacks the optional columns; they are added empty.
    """
    for name in OPTIONAL_COLUMNS:
        if name not in table.column_names:
            field = FIGURES_SCHEMA.field(name)
            table = table.append_column(field, pa.nulls(table.num_rows, field.type))
    return table.select(FIGURES_SCHEMA.names).cast(FIGURES_SCHEMA)


@dataclass(frozen=True)
class Figure:
    """One row of the figures table."""

    metric: str
    fiscal_year: int
    breakdown: str
    breakdown_value: str
    value: float | None
    unit: str
    status: Status
    bound: Bound
    position: int | None
    prior_value: float | None
    yoy_change: float | None
    yoy_change_pct: float | None
    sql: str
    fingerprint: str

    @property
    def suppressed(self) -> bool:
        return self.status == "suppressed"


def _clean(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


class Figures:
    """The figures table in memory, with lookups by metric, year and breakdown."""

    def __init__(self, table: pa.Table) -> None:
        self.table = conform(table)
        self._rows: dict[FigureKey, Figure] = {}
        for row in self.table.to_pylist():
            fig = Figure(**{k: _clean(v) for k, v in row.items()})  # type: ignore[arg-type]
            self._rows[(fig.metric, fig.fiscal_year, fig.breakdown, fig.breakdown_value)] = fig
        self._categories: dict[tuple[str, int, str], list[Figure]] = {}
        for (metric, year, breakdown, _), fig in self._rows.items():
            self._categories.setdefault((metric, year, breakdown), []).append(fig)

    def __iter__(self) -> Iterator[Figure]:
        return iter(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def metrics(self) -> list[str]:
        return sorted({key[0] for key in self._rows})

    @property
    def years(self) -> list[int]:
        return sorted({key[1] for key in self._rows})

    def find(
        self, metric: str, fiscal_year: int, breakdown: str = "", breakdown_value: str = ""
    ) -> Figure | None:
        return self._rows.get((metric, fiscal_year, breakdown, breakdown_value))

    def get(
        self, metric: str, fiscal_year: int, breakdown: str = "", breakdown_value: str = ""
    ) -> Figure:
        fig = self.find(metric, fiscal_year, breakdown, breakdown_value)
        if fig is None:
            where = f"{metric} FY{fiscal_year}"
            if breakdown:
                where += f" {breakdown}={breakdown_value!r}"
            hint = (
                "no such metric; see `yearbook metrics`"
                if metric not in self.metrics
                else f"the metric has figures for FY {', '.join(map(str, self.years))}"
            )
            raise UserError(f"no figure for {where}", hint=hint)
        return fig

    def value(
        self, metric: str, fiscal_year: int, breakdown: str = "", breakdown_value: str = ""
    ) -> float:
        fig = self.get(metric, fiscal_year, breakdown, breakdown_value)
        if fig.value is None:
            raise UserError(f"the figure {metric} FY{fiscal_year} is suppressed")
        return fig.value

    def breakdown(self, metric: str, fiscal_year: int, breakdown: str) -> list[Figure]:
        """Every category of one breakdown, largest first."""
        rows = self._categories.get((metric, fiscal_year, breakdown), [])
        return sorted(rows, key=lambda f: (-(f.value or 0), f.breakdown_value))


def write_figures(table: pa.Table, folder: Path) -> None:
    """Write ``figures.parquet`` and ``figures.csv`` into a build folder."""
    folder.mkdir(parents=True, exist_ok=True)
    table = conform(table)
    pq.write_table(table, folder / "figures.parquet")
    pacsv.write_csv(neutralise(table), folder / "figures.csv")  # safe in a spreadsheet


def read_figures(path: Path) -> Figures:
    """Read a figures table from a build folder or a ``figures.parquet``/``.csv`` file."""
    if path.is_dir():
        path = path / "figures.parquet"
    if not path.exists():
        raise UserError(
            f"no figures table at {path}",
            hint="point at a build folder made by `yearbook build` or `yearbook demo`",
        )
    if path.suffix == ".csv":
        opts = pacsv.ConvertOptions(column_types=FIGURES_SCHEMA, strings_can_be_null=False)
        return Figures(restore(pacsv.read_csv(path, convert_options=opts)))
    return Figures(pq.read_table(path))
