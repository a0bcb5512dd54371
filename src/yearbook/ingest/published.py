"""`yearbook published`: read published workbooks into the ``published_figures`` table.

Each workbook is scanned (`yearbook.ingest.workbooks`), its cells are mapped to
figures by a pack's mapping files (`yearbook.ingest.published_map`), and the
figures replace those loaded before from a workbook of the same name. Sheets
with no table and numbers outside every table are reported by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from yearbook.errors import UserError
from yearbook.ingest.published_map import MappedFigure, load_rules, map_cells
from yearbook.ingest.workbooks import WorkbookScan, scan_workbook
from yearbook.tables.engine import ENGINE_TABLES
from yearbook.warehouse import Warehouse

__all__ = ["PublishedLoad", "load_published", "mapping_files"]

TABLE = "published_figures"


@dataclass
class PublishedLoad:
    """What `load_published` read and stored."""

    scans: list[WorkbookScan]
    figures: list[MappedFigure]
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        for scan in self.scans:
            tables = sum(len(s.tables) for s in scan.sheets)
            mapped = sum(1 for f in self.figures if f.source.startswith(scan.path.name + "#"))
            out.append(
                f"{scan.path.name}: {len(scan.sheets)} sheets, {tables} tables, "
                f"{len(scan.cells):,} numbers; {mapped:,} published figures"
            )
        return out


def mapping_files(pack: Path) -> list[Path]:
    """A pack's published-figure mapping files (``published/*.yaml``)."""
    files = sorted((Path(pack) / "published").glob("*.yaml"))
    if not files:
        raise UserError(
            f"{pack}: no published-figure mappings (published/*.yaml)",
            "pass --pack with the folder of the agency's pack, e.g. packs/ice",
        )
    return files


def _existing(warehouse: Warehouse, replaced: set[str]) -> pa.Table | None:
    files = [f for _, group in warehouse.partition_files(TABLE) for f in group]
    if not files:
        return None
    table = pa.concat_tables([pq.read_table(f) for f in files], promote_options="default")
    keep = [
        not (isinstance(s, str) and s.split("#", 1)[0] in replaced)
        for s in table.column("source_url").to_pylist()
    ]
    return table.filter(pa.array(keep, pa.bool_()))


def _rows(figures: Sequence[MappedFigure]) -> pa.Table:
    return pa.table(
        {
            "year_end": pa.array([dt.date(f.fiscal_year, 9, 30) for f in figures], pa.date32()),
            "office": [f.office for f in figures],
            "metric": [f.id for f in figures],
            "value": pa.array([f.value for f in figures], pa.float64()),
            "unit": [f.unit for f in figures],
            "qualifier": pa.nulls(len(figures), pa.string()),
            "source_url": [f.source for f in figures],
        }
    )


def load_published(paths: Sequence[Path], pack: Path, warehouse: Warehouse) -> PublishedLoad:
    """Scan workbooks, map their cells to figures and store them in the warehouse."""
    rules = load_rules(mapping_files(pack))
    scans = [scan_workbook(Path(p)) for p in sorted(paths, key=lambda p: Path(p).name)]
    figures = map_cells(scans, rules)
    problems = [line for scan in scans for line in scan.problems()]
    new = _rows(figures)
    # The published figures table is the engine's own, whatever the pack.
    writer = Warehouse(warehouse.root, {table.name: table for table in ENGINE_TABLES})
    with writer.transaction() as change:  # under the write lock, committed whole
        old = _existing(warehouse, {scan.path.name for scan in scans})
        if old is not None and old.num_rows:
            new = pa.concat_tables([old.select(new.column_names).cast(new.schema), new])
        change.write(TABLE, new, mode="table")
    return PublishedLoad(scans, figures, problems)
