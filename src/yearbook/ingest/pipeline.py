"""The ingest step: files in; canonical tables, quarantine and releases out.

For each file: read it block by block (sheet by sheet), find its layout from
the header row, map and validate every block, and keep the loaded rows.
Then, per canonical table: rows already in the warehouse inside the window
of dates a new file covers are replaced by the new file's rows (a newer
release covering the same period wins; files of one release never replace
each other), duplicates are flagged over the whole table, and the table is
rewritten. The quarantine and releases tables grow by what this ingest saw.
Rows in = loaded + quarantined is checked for every file, and every
replacement passes the guard (`yearbook.ingest.guard`), before anything is
written.

Files are read before the warehouse is touched; the merge and every write
happen in one warehouse transaction under its write lock
(`Warehouse.transaction`): a concurrent ingest merges into what this one
committed, and a kill at any point leaves the warehouse as it was before or
as it is after, whole. The named `checkpoint`s are where the tests kill it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyarrow as pa
import pyarrow.compute as pc

from yearbook.errors import InternalError
from yearbook.ingest.dedup import DEDUP_COLUMN, flag_duplicates
from yearbook.ingest.guard import check_replacement
from yearbook.ingest.layouts import IngestError, Layout, Match, detect_layout, known_headers
from yearbook.ingest.readers import open_file
from yearbook.ingest.validate import Mapped, map_block, today
from yearbook.manifest import checkpoint
from yearbook.tables import TableSchema
from yearbook.warehouse import DEFAULT_WAIT, Change, Database, Warehouse

__all__ = ["FileResult", "IngestResult", "NoProgress", "Progress", "ingest_files"]


class Progress(Protocol):
    """What an ingest reports while it runs (the CLI draws progress bars from it)."""

    def file_started(self, file: str, sheets: int) -> None: ...

    def sheet_done(self, file: str, sheet: str, rows: int) -> None: ...

    def file_done(self, result: FileResult) -> None: ...


class NoProgress:
    """A progress listener that reports nothing."""

    def file_started(self, file: str, sheets: int) -> None:
        """Nothing to report."""

    def sheet_done(self, file: str, sheet: str, rows: int) -> None:
        """Nothing to report."""

    def file_done(self, result: FileResult) -> None:
        """Nothing to report."""


@dataclass
class FileResult:
    """What one file gave: its layout, release and row accounting."""

    file: str
    checksum: str
    layout: str
    table: str
    release: str
    rows_in: int = 0
    loaded: int = 0
    quarantined: int = 0
    redacted: int = 0
    blank: int = 0
    duplicates: int = 0
    replaced: int = 0
    sheets: list[str] = field(default_factory=list)
    window: tuple[object, object] = (None, None)


@dataclass
class IngestResult:
    """Every file's result, in the order given."""

    files: list[FileResult]

    @property
    def rows_in(self) -> int:
        return sum(f.rows_in for f in self.files)


@dataclass
class _Loaded:
    result: FileResult
    rows: pa.Table
    time: pa.Array
    quarantine: pa.Table


def _checksum(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _file_id(checksum: str) -> str:
    """A short prefix of the identifiers made for a file's rows (from its checksum)."""
    return checksum[:10]


def _read_file(
    path: Path,
    layouts: Sequence[Layout],
    release: str | None,
    progress: Progress,
    encoding: str | None = None,
) -> _Loaded:
    known = known_headers(layouts)
    matches: dict[str, Match] = {}

    def select(where: str, header: list[str]) -> list[int]:
        found = detect_layout(header, layouts, where)
        matches[where] = found
        return found.read

    sheets, blocks = open_file(path, known, select, encoding)
    progress.file_started(path.name, len(sheets))
    checksum = _checksum(path)
    match: Match | None = None
    parts: list[Mapped] = []
    result: FileResult | None = None
    for block in blocks:
        where = f"{path.name}" + (f", sheet {block.sheet!r}" if block.sheet else "")
        found = matches[where]
        if match is None:
            match = found
            result = FileResult(
                path.name, checksum, found.layout.id, found.layout.table, release or path.stem
            )
        elif found.layout.table != match.layout.table:
            raise IngestError(
                f"{where}: holds {found.layout.table} but earlier sheets hold {match.layout.table}",
                hint="split the file, one table per file",
            )
        assert result is not None
        mapped = map_block(block, found, path.name, f"{_file_id(checksum)}:{len(parts) + 1}")
        parts.append(mapped)
        result.sheets.append(block.sheet)
        result.blank += block.blank
        progress.sheet_done(path.name, block.sheet, block.num_rows)
    if match is None or result is None:
        raise IngestError(
            f"{path.name}: no header row and no data found",
            hint="check the file holds a table with a header row",
        )
    return _combine(result, parts, match.layout.table_schema)


def _combine(result: FileResult, parts: list[Mapped], schema: TableSchema) -> _Loaded:
    rows = pa.concat_tables([p.rows for p in parts], promote_options="permissive")
    time = pa.concat_arrays([p.time for p in parts]) if parts else pa.array([], pa.timestamp("s"))
    quarantine = pa.concat_tables([p.quarantine for p in parts])
    result.rows_in = sum(p.rows_in for p in parts)
    result.loaded = rows.num_rows
    result.quarantined = quarantine.num_rows
    result.redacted = sum(p.redacted for p in parts)
    if result.loaded + result.quarantined != result.rows_in:
        raise InternalError(
            f"{result.file}: {result.rows_in} rows in but {result.loaded} loaded and "
            f"{result.quarantined} quarantined"
        )
    if rows.num_rows:
        date = rows.column(schema.date_column)
        result.window = (pc.min(date).as_py(), pc.max(date).as_py())
    return _Loaded(result, rows, time, quarantine)


@dataclass
class _Replaced:
    loaded: _Loaded
    rows: pa.Table | None
    """The rows already in the warehouse that the file's rows replace."""


# -- writing ----------------------------------------------------------------------------
def _existing(warehouse: Warehouse, table: str) -> pa.Table | None:
    if table not in warehouse.tables():
        return None
    columns = ", ".join(f'"{c}"' for c in warehouse.schemas[table].column_names)
    with Database(warehouse) as db:
        return db.query(
            f'SELECT {columns} FROM "{table}"',
            subject=f"reading the warehouse's {table} table to merge the new rows into",
        )


def _outside(rows: pa.Table, schema: TableSchema, window: tuple[object, object]) -> pa.Array:
    date = rows.column(schema.date_column)
    start, end = window
    inside = pc.and_(pc.greater_equal(date, start), pc.less_equal(date, end))
    return pc.invert(pc.fill_null(inside, False))


def _conform(rows: pa.Table, schema: TableSchema) -> pa.Table:
    arrays = [
        rows.column(c.name).cast(c.type)
        if c.name in rows.column_names
        else pa.nulls(rows.num_rows, c.type)
        for c in schema.columns
    ]
    return pa.Table.from_arrays(arrays, names=list(schema.column_names))


def _merge_table(
    warehouse: Warehouse, table: str, files: list[_Loaded], layout: Layout
) -> tuple[pa.Table, list[_Replaced]]:
    """Replace overlapping older rows, flag duplicates: the table's new rows, what was replaced."""
    schema = warehouse.schemas[table]
    old = _existing(warehouse, table)
    current = [] if old is None else [_conform(old, schema)]
    times = [] if old is None else [pc.cast(old.column(schema.date_column), pa.timestamp("s"))]
    releases = ["" for _ in current]
    owners: list[_Loaded | None] = [None for _ in current]
    replaced: list[_Replaced] = []
    for loaded in files:
        res = loaded.result
        if res.loaded:
            gone: list[pa.Table] = []
            for i, part in enumerate(current):
                if releases[i] == res.release:
                    continue
                keep = _outside(part, schema, res.window)
                gone.append(part.filter(pc.invert(keep)))
                current[i] = part.filter(keep)
                times[i] = pc.filter(times[i], keep)
            removed = pa.concat_tables(gone) if gone else None
            replaced.append(_Replaced(loaded, removed))
            res.replaced = 0 if removed is None else removed.num_rows
        current.append(_conform(loaded.rows, schema))
        times.append(loaded.time.cast(pa.timestamp("s")))
        releases.append(res.release)
        owners.append(loaded)
    rows = pa.concat_tables(current)
    time = pa.concat_arrays(
        [t.combine_chunks() if isinstance(t, pa.ChunkedArray) else t for t in times]
    )
    if DEDUP_COLUMN in schema.column_names:
        rules = flag_duplicates(schema, rows, time, layout.dedup, layout.person)
        rows = rows.set_column(rows.column_names.index(DEDUP_COLUMN), DEDUP_COLUMN, rules)
        offset = 0
        for owner, part in zip(owners, current, strict=True):
            flags = rules.slice(offset, part.num_rows)
            if owner is not None:
                owner.result.duplicates = part.num_rows - flags.null_count
            offset += part.num_rows
    return rows, replaced


def _bookkeeping(change: Change, loaded: list[_Loaded]) -> None:
    """The quarantined rows and a `releases` row per file, added in the same change."""
    day = today()
    quarantine = pa.concat_tables([item.quarantine for item in loaded])
    if quarantine.num_rows:
        days = pa.array([day] * quarantine.num_rows, pa.date32())
        change.write("quarantine", quarantine.append_column("ingested_on", days), mode="append")
    rows = [
        {
            "ingested_on": day,
            "file": r.file,
            "checksum": r.checksum,
            "release": r.release,
            "table": r.table,
            "layout": r.layout,
            "window_start": r.window[0],
            "window_end": r.window[1],
            "rows_in": r.rows_in,
            "rows_loaded": r.loaded,
            "rows_quarantined": r.quarantined,
            "rows_replaced": r.replaced,
            "duplicates_flagged": r.duplicates,
            "redacted_cells": r.redacted,
        }
        for r in (item.result for item in loaded)
    ]
    releases = pa.Table.from_pylist(rows, schema=change.schemas["releases"].arrow_schema())
    change.write("releases", releases, mode="append")


def ingest_files(
    paths: Sequence[Path],
    warehouse: Warehouse,
    *,
    layouts: Sequence[Layout],
    release: str | None = None,
    progress: Progress | None = None,
    replace: bool = False,
    wait: float = DEFAULT_WAIT,
    encoding: str | None = None,
) -> IngestResult:
    """Ingest files into a warehouse; see the module docstring for what happens.

    The whole ingest is one warehouse transaction: all its tables and its
    `releases` rows are committed together or not at all. `wait` is how long to
    wait for another ingest into the same warehouse; `replace` allows a
    replacement larger than the file's own content (`yearbook.ingest.guard`);
    `encoding` is the text encoding of CSV files that are not UTF-8 or UTF-16.
    """
    listener = progress or NoProgress()
    loaded = [_read_file(Path(path), layouts, release, listener, encoding) for path in paths]
    checkpoint("ingest.read")
    by_table: dict[str, list[_Loaded]] = {}
    layout_of = {lay.id: lay for lay in layouts}
    for item in loaded:
        by_table.setdefault(item.result.table, []).append(item)
    with warehouse.transaction(wait=wait) as change:
        merged = {
            table: _merge_table(warehouse, table, items, layout_of[items[-1].result.layout])
            for table, items in by_table.items()
        }
        if not replace:
            for table, (_, replaced) in merged.items():
                for done in replaced:
                    check_replacement(
                        done.loaded.result.file,
                        warehouse.schemas[table],
                        done.loaded.rows,
                        done.rows,
                    )
        checkpoint("ingest.merged")
        for table, (rows, _) in merged.items():
            change.write(table, rows, mode="table")
        _bookkeeping(change, loaded)
        checkpoint("ingest.written")
    checkpoint("ingest.committed")
    for item in loaded:
        listener.file_done(item.result)
    return IngestResult([item.result for item in loaded])
