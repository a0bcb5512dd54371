"""Where the checker's figures come from: builds, bundles, CSVs of published figures, APIs.

Several sources can be given at once (`load_sources`); their union is checked. A
source is a path, or the URL of a running `yearbook serve` (`yearbook.claims.remote`).

A CSV needs ``metric``, ``fiscal_year`` and ``value`` columns; ``unit``,
``qualifier``, ``breakdown`` and ``breakdown_value`` are read when present. A
crosswalk (``external,metric,field,breakdown,breakdown_value``) renames
external names such as ``removals_kst`` to metric ids and says whether the
row is the figure's ``value`` or its ``yoy_change_pct``. A published value
that carries a qualifier ("more than") or ends in three zeros is taken as
rounded, not exact. This module reads files; `yearbook.claims.check` does not.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from yearbook.claims.numbers import qualifier_side
from yearbook.claims.remote import is_url, read_api
from yearbook.errors import UserError
from yearbook.figures import FIGURES_SCHEMA, OPTIONAL_COLUMNS, Figures, read_figures
from yearbook.rules import FigureKey

__all__ = [
    "Crosswalk",
    "Source",
    "figures_from_rows",
    "load_crosswalk",
    "load_figures",
    "load_source",
    "load_sources",
]

_REQUIRED = ("metric", "fiscal_year", "value")


@dataclass(frozen=True)
class Crosswalk:
    """External name -> (metric id, field, breakdown, breakdown value)."""

    rows: Mapping[str, tuple[str, str, str, str]]

    def map(self, name: str) -> tuple[str, str, str, str]:
        return self.rows.get(name, (name, "value", "", ""))


def load_crosswalk(path: Path) -> Crosswalk:
    """Read a crosswalk CSV."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = {
            r["external"]: (
                r["metric"],
                r.get("field") or "value",
                r.get("breakdown") or "",
                r.get("breakdown_value") or "",
            )
            for r in csv.DictReader(handle)
        }
    return Crosswalk(rows)


def load_figures(path: Path, crosswalk: Crosswalk | None = None) -> Figures:
    """A build folder, a figures.parquet, a figures.csv or a CSV of published figures."""
    if not path.exists():
        raise UserError(
            f"no figures at {path}",
            hint="give a build folder or a CSV with metric,fiscal_year,value",
        )
    bundle = path.is_dir() and not (path / "figures.parquet").exists()
    if bundle and (path / "figures.csv").is_file():  # an open-data bundle
        return read_figures(path / "figures.csv")
    if path.is_dir() or path.suffix == ".parquet":
        return read_figures(path)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        if set(FIGURES_SCHEMA.names) - set(OPTIONAL_COLUMNS) <= set(header):
            return read_figures(path)
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            raise UserError(
                f"{path.name} has no column {', '.join(missing)}",
                hint="a CSV of figures needs at least metric,fiscal_year,value",
            )
        return figures_from_rows(list(reader), crosswalk)


Source = Path | str
"""A ``--figures`` value: a path, or the base URL of a running `yearbook serve`."""


def load_source(source: Source, crosswalk: Crosswalk | None = None) -> Figures:
    """The figures of one source: `read_api` for a URL, `load_figures` for a path."""
    if is_url(source):
        return read_api(str(source))
    return load_figures(Path(source), crosswalk)


def load_sources(paths: Sequence[Source], crosswalk: Crosswalk | None = None) -> Figures:
    """The union of several sources of figures (builds, bundles, CSVs of published
    figures, the APIs of running builds).

    Where two sources hold the same figure (metric, year and category), the one given
    first is kept, so a text about FY2018-FY2024 can be checked against a build and the
    published figures of the years the build lacks.
    """
    if not paths:
        raise UserError("no figures given", hint="give a build folder or a CSV of figures")
    tables = [load_source(path, crosswalk).table for path in paths]
    if len(tables) == 1:
        return Figures(tables[0])
    return Figures(pa.concat_tables(list(reversed(tables)), promote_options="default"))


def _bound(value: float, qualifier: str) -> str:
    side = qualifier_side(qualifier) if qualifier else ""
    if side == "above":
        return "lower"
    if side or (value >= 1000 and value % 1000 == 0):
        return "approximate"
    return "exact"


def figures_from_rows(
    rows: Iterable[Mapping[str, str]], crosswalk: Crosswalk | None = None
) -> Figures:
    """A figures table from simple rows (metric, fiscal_year, value, ...)."""
    walk = crosswalk or Crosswalk({})
    values: dict[FigureKey, tuple[float, str, str]] = {}
    stated: dict[FigureKey, float] = {}
    for row in rows:
        if not (row.get("value") or "").strip():
            continue
        metric, field, breakdown, category = walk.map(row["metric"])
        breakdown = breakdown or row.get("breakdown") or ""
        category = category or row.get("breakdown_value") or ""
        key = (metric, int(row["fiscal_year"]), breakdown, category)
        value = float(row["value"])
        if field == "yoy_change_pct":
            stated[key] = value
        else:
            values[key] = (value, row.get("unit") or "", _bound(value, row.get("qualifier") or ""))
    return Figures(_table(values, stated))


def _table(
    values: Mapping[FigureKey, tuple[float, str, str]],
    stated: Mapping[FigureKey, float],
) -> pa.Table:
    records = []
    for key, (value, unit, bound) in sorted(values.items()):
        metric, year, breakdown, category = key
        prior = values.get((metric, year - 1, breakdown, category))
        prior_value = prior[0] if prior else None
        change = stated.get(key)
        if change is None and prior_value:
            change = 100.0 * (value - prior_value) / prior_value
        records.append(
            {
                "metric": metric,
                "fiscal_year": year,
                "breakdown": breakdown,
                "breakdown_value": category,
                "value": value,
                "unit": unit,
                "status": "published",
                "bound": bound,
                "prior_value": prior_value,
                "yoy_change": value - prior_value if prior_value is not None else None,
                "yoy_change_pct": change,
                "sql": "",
                "fingerprint": "",
            }
        )
    return pa.Table.from_pylist(records, schema=FIGURES_SCHEMA)
