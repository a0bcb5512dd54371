"""Map a block of text cells onto a canonical table; quarantine the rows that fail.

A row fails when a cell the layout maps cannot be parsed (a date, a number, a
code), holds a value outside the column's closed set, or when a required
value is empty or redacted. The first failure found (in the layout's column
order) is the row's reason. Every row of the block is either loaded or
quarantined: ``rows in = loaded + quarantined``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from yearbook.ingest.layouts import Match, Normalisation
from yearbook.ingest.parse import clean, parse
from yearbook.ingest.readers import Block
from yearbook.tables import Column

__all__ = ["QUARANTINE_COLUMNS", "Mapped", "map_block"]

QUARANTINE_COLUMNS = ("file", "sheet", "row", "table", "layout", "column", "reason", "value")
_CLOSED_BY_PARSER = ("yes_no",)
"""Built-in parsers whose values form a closed set (as a value normalisation's do)."""


@dataclass(frozen=True)
class Mapped:
    """A block mapped onto its canonical table."""

    rows: pa.Table
    """Loaded rows, canonical columns (types cast at write time)."""
    time: pa.Array
    """Timestamp of each loaded row's event (its date at midnight when no time was given)."""
    quarantine: pa.Table
    redacted: int
    rows_in: int


@dataclass
class _Problems:
    """The first problem of each row, as an index into `found`."""

    code: np.ndarray
    found: list[tuple[str, str, pa.Array]]

    def add(self, column: str, reason: str, mask: pa.Array, raw: pa.Array) -> None:
        hit = np.asarray(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), dtype=bool)
        hit &= self.code < 0
        if hit.any():
            self.code[hit] = len(self.found)
            self.found.append((column, reason, raw))


def _int_range(col: Column) -> tuple[int, int] | None:
    if not pa.types.is_integer(col.type):
        return None
    bits = col.type.bit_width - 1
    return -(2**bits), 2**bits - 1


def _check_column(
    problems: _Problems,
    col: Column,
    source: str,
    kind: str,
    block_col: pa.Array,
    missing: tuple[str, ...],
    required: bool,
    normalisation: Normalisation,
) -> tuple[pa.Array, pa.Array | None, int]:
    cells = clean(block_col, missing, normalisation.redaction_prefixes)
    parsed = parse(kind, cells, normalisation.values)
    values = parsed.values
    if parsed.reason:
        problems.add(source, parsed.reason, parsed.bad, cells.raw)
    bounds = _int_range(col)
    if bounds is not None and pa.types.is_integer(values.type):
        out = pc.or_(pc.less(values, bounds[0]), pc.greater(values, bounds[1]))
        problems.add(source, "unparseable number", out, cells.raw)
    if col.values and kind not in _CLOSED_BY_PARSER and kind not in normalisation.values:
        unknown = pc.and_(pc.is_valid(values), pc.invert(pc.is_in(values, pa.array(col.values))))
        problems.add(source, "unknown category value", unknown, cells.raw)
    if required:
        problems.add(source, "redacted required value", cells.redacted, cells.raw)
        problems.add(source, "missing required value", pc.is_null(values), cells.raw)
    redacted = pc.sum(pc.cast(cells.redacted, pa.int64())).as_py() or 0
    return values, parsed.time, int(redacted)


def _quarantine(
    block: Block, match: Match, problems: _Problems, failed: np.ndarray, file: str
) -> pa.Table:
    parts = []
    for code, (column, reason, raw) in enumerate(problems.found):
        rows = np.flatnonzero(failed & (problems.code == code))
        if not len(rows):
            continue
        take = pa.array(rows)
        n = len(rows)
        parts.append(
            pa.table(
                {
                    "file": pa.array([file] * n, pa.string()),
                    "sheet": pa.array([block.sheet] * n, pa.string()),
                    "row": pc.take(block.rows, take),
                    "table": pa.array([match.layout.table] * n, pa.string()),
                    "layout": pa.array([match.layout.id] * n, pa.string()),
                    "column": pa.array([column] * n, pa.string()),
                    "reason": pa.array([reason] * n, pa.string()),
                    "value": pc.take(raw, take),
                }
            )
        )
    if not parts:
        return _empty_quarantine()
    return pa.concat_tables(parts)


def _empty_quarantine() -> pa.Table:
    types = [pa.string(), pa.string(), pa.int64()] + [pa.string()] * 5
    return pa.schema(list(zip(QUARANTINE_COLUMNS, types, strict=True))).empty_table()


def _constant(value: object, col: Column, length: int) -> pa.Array:
    return pa.array([value] * length, col.type) if length else pa.array([], col.type)


def _row_ids(file_id: str, block: Block, keep: pa.Array) -> pa.Array:
    """Identifiers for rows a release gives none: file checksum, sheet number, row."""
    rows = pc.cast(pc.filter(block.rows, keep), pa.string())
    return pc.binary_join_element_wise(pa.scalar(f"{file_id}:"), rows, "")


def map_block(block: Block, match: Match, file: str, file_id: str) -> Mapped:
    """Map one block through its layout: loaded rows, quarantined rows, redactions."""
    layout = match.layout
    schema = layout.table_schema
    problems = _Problems(np.full(block.num_rows, -1, dtype=np.int64), [])
    values: dict[str, pa.Array] = {}
    time: pa.Array | None = None
    redacted = 0
    for name, colmap in layout.columns.items():
        col = schema.column(name)
        position = match.positions.get(name)
        if position is None:
            continue
        required = col.required or name == schema.date_column
        cells = block.columns[position]
        second = match.joined.get(name)
        if second is not None:
            cells = pc.utf8_trim_whitespace(
                pc.binary_join_element_wise(
                    cells, block.columns[second], " ", null_handling="replace", null_replacement=""
                )
            )
        values[name], stamps, count = _check_column(
            problems,
            col,
            match.sources[name],
            colmap.parse,
            cells,
            layout.missing_values,
            required,
            layout.normalisation,
        )
        redacted += count
        if name == schema.date_column and stamps is not None:
            time = stamps
    failed = problems.code >= 0
    keep = pa.array(~failed)
    loaded = int((~failed).sum())
    columns: dict[str, pa.Array] = {}
    for col in schema.columns:
        if col.name in values:
            columns[col.name] = pc.filter(values[col.name], keep)
        elif col.name in layout.defaults:
            columns[col.name] = _constant(layout.defaults[col.name], col, loaded)
        elif col.name == layout.id_column:
            columns[col.name] = _row_ids(file_id, block, keep)
    rows = pa.table(columns)
    date = rows.column(schema.date_column).combine_chunks()
    if time is None:
        time = pc.cast(pc.cast(date, pa.timestamp("s")), pa.timestamp("s"))
    else:
        time = pc.filter(time, keep)
    return Mapped(
        rows, time, _quarantine(block, match, problems, failed, file), redacted, block.num_rows
    )


def today() -> dt.date:
    """The ingest day recorded in the quarantine and releases tables."""
    return dt.date.today()
