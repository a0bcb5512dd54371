"""Readers: a file in, blocks of text cells out (one block per worksheet).

* XLSX: fastexcel (Rust, calamine) straight to Arrow, one sheet at a time,
  every cell as text so redaction markers in date columns are kept, not
  silently turned into nulls.
* CSV (plain or gzip, any of ``, | ; TAB``; RFC 4180: quoted line breaks, doubled
  quotes, CRLF, a byte-order mark) and Parquet: DuckDB, through
  `yearbook.warehouse.Database`. A CSV in another encoding than UTF-8 is
  re-encoded first (`yearbook.ingest.encoding`).

Every workbook is checked against its limits before it is read
(`yearbook.ingest.xlsx_limits`), and a CSV header wider than `MAX_COLUMNS` is
refused, so no file can make a reader exhaust memory.

The header row is found by content in every sheet: the row among the first
few that holds the most headers some layout knows (some agencies' files have five or
six preamble rows; CSV exports may have none).
"""

from __future__ import annotations

import gzip
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import fastexcel
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from yearbook.ingest.encoding import detect, invalid_at, long_line, to_utf8
from yearbook.ingest.layouts import IngestError, normalise_header
from yearbook.ingest.xlsx_head import SheetHead, sheet_heads
from yearbook.ingest.xlsx_limits import check_workbook
from yearbook.warehouse import Database

__all__ = [
    "HEADER_SEARCH_ROWS",
    "MAX_COLUMNS",
    "MAX_LINE_BYTES",
    "Block",
    "FileKind",
    "Select",
    "file_kind",
    "open_file",
]

HEADER_SEARCH_ROWS = 30
"""How many rows at the top of a sheet may hold the header."""

MAX_COLUMNS = 16_384
"""The widest header row read (Excel's own limit)."""

MAX_LINE_BYTES = 2_097_152
"""The longest CSV line (a record) read; a longer one is refused."""

_HEAD_BYTES = 1 << 16

FileKind = str
"""``xlsx``, ``csv`` or ``parquet``."""


@dataclass(frozen=True)
class Block:
    """The data rows of one sheet (or a whole CSV/Parquet file), as text."""

    sheet: str
    header: list[str]
    columns: dict[int, pa.Array]
    """Text cells by position in `header` (only the positions asked for)."""
    rows: pa.Array
    """File row number (1-based, as a spreadsheet shows it) of each data row."""
    blank: int = 0
    """Rows below the header with no value in any cell (not records; not counted)."""

    @property
    def num_rows(self) -> int:
        return len(self.rows)


def file_kind(path: Path) -> FileKind:
    """What a file is, from its first bytes (the extension only breaks ties)."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as err:
        raise IngestError(f"cannot open {path}: {err.strerror}") from None
    if magic.startswith(b"PK\x03\x04"):
        return "xlsx"
    if magic == b"PAR1":
        return "parquet"
    return "csv"


def _find_header(rows: Sequence[Sequence[str | None]], known: frozenset[str]) -> int | None:
    """Index of the header row: most known headers, else DDP's rule (column B filled)."""
    best, best_hits = None, 1
    for i, row in enumerate(rows):
        hits = sum(1 for cell in row if cell and normalise_header(cell) in known)
        if hits > best_hits:
            best, best_hits = i, hits
    if best is not None:
        return best
    for i, row in enumerate(rows):
        if len(row) > 1 and row[1] not in (None, ""):
            return i
    for i, row in enumerate(rows):
        if any(cell not in (None, "") for cell in row):
            return i
    return None


def _blank_mask(columns: Iterable[pa.Array], length: int) -> np.ndarray:
    """Rows with no value in any cell (empty cells are null or empty text)."""
    blank = np.ones(length, dtype=bool)
    for col in columns:
        empty = pc.or_(pc.is_null(col), pc.fill_null(pc.equal(pc.utf8_length(col), 0), True))
        blank &= np.asarray(empty.to_numpy(zero_copy_only=False), dtype=bool)
        if not blank.any():
            break
    return blank


def _block(sheet: str, header: list[str], columns: dict[int, pa.Array], first_row: int) -> Block:
    length = len(next(iter(columns.values()))) if columns else 0
    rows = np.arange(first_row, first_row + length, dtype=np.int64)
    blank = _blank_mask(columns.values(), length)
    if blank.any():
        keep = pa.array(~blank)
        columns = {i: c.filter(keep) for i, c in columns.items()}
        rows = rows[~blank]
    return Block(sheet, header, columns, pa.array(rows), int(blank.sum()))


Select = Callable[[str, list[str]], list[int]]
"""(where, header) -> positions of the columns to read; raises when the layout is unknown."""


def _strings(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array if pa.types.is_string(array.type) else pc.cast(array, pa.string())


# -- xlsx -----------------------------------------------------------------------------
def _excel(path: Path) -> fastexcel.ExcelReader:
    try:
        return fastexcel.read_excel(str(path))
    except (fastexcel.FastExcelError, OSError) as err:
        raise IngestError(
            f"{path.name}: not a readable workbook ({type(err).__name__})",
            hint="check the file is a complete .xlsx file",
        ) from None


def _load(reader: fastexcel.ExcelReader, path: Path, name: str) -> pa.RecordBatch:
    try:
        batch: pa.RecordBatch = reader.load_sheet(name, header_row=None, dtypes="string").to_arrow()
    except fastexcel.FastExcelError as err:
        raise IngestError(
            f"{path.name}: sheet {name!r} cannot be read ({_reason(err)})",
            hint="check the workbook opens in a spreadsheet program",
        ) from None
    return batch


def _reason(err: Exception) -> str:
    """The reader's reason, without anything quoted from the file."""
    first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    first = re.sub(r"^(?:calamine error: )?(?:Xlsx error: )?", "", first)
    return re.sub(r"'[^']*'|\"[^\"]*\"", "…", first)[:120]


def _header(cells: Sequence[str | None]) -> list[str]:
    return [str(cell or "").strip() for cell in cells]


def _quick_sheet(
    reader: fastexcel.ExcelReader,
    path: Path,
    name: str,
    head: SheetHead,
    known: frozenset[str],
    select: Select,
) -> Block | None:
    """Load only the selected columns, the header row found in the sheet's XML.

    None when the header cannot be placed this way (the caller loads the whole sheet).
    """
    at = _find_header(head.rows, known)
    if at is None:
        return None
    header = _header(head.rows[at])
    where = f"{path.name}, sheet {name!r}"
    positions = select(where, header)
    names = [header[i] for i in positions]
    if len(set(names)) != len(names) or any(header.count(n) > 1 for n in names):
        return None
    # the reader counts header rows from the sheet's first row; try that, then from the
    # first non-empty row (both agree when the preamble starts on row one)
    for header_row in dict.fromkeys((head.numbers[at] - 1, head.numbers[at] - head.first_row)):
        try:
            batch = reader.load_sheet(
                name, header_row=header_row, use_columns=names, dtypes="string"
            ).to_arrow()
        except fastexcel.FastExcelError:
            continue
        if batch.schema.names == names:
            columns = {i: _strings(batch.column(k)) for k, i in enumerate(positions)}
            return _block(name, header, columns, first_row=head.numbers[at] + 1)
    return None


def _xlsx_blocks(
    path: Path, reader: fastexcel.ExcelReader, known: frozenset[str], select: Select
) -> Iterator[Block]:
    heads = sheet_heads(path, HEADER_SEARCH_ROWS)
    for name in reader.sheet_names:
        head = heads.get(name)
        if head is not None and not head.rows:
            continue
        quick = _quick_sheet(reader, path, name, head, known, select) if head else None
        if quick is not None:
            yield quick
            continue
        batch = _load(reader, path, name)
        if batch.num_rows == 0:
            continue
        top = batch.slice(0, HEADER_SEARCH_ROWS).to_pylist()
        at = _find_header([list(row.values()) for row in top], known)
        if at is None:
            continue
        header = _header(list(top[at].values()))
        positions = select(f"{path.name}, sheet {name!r}", header)
        data = batch.slice(at + 1)
        columns = {i: _strings(data.column(i)) for i in positions}
        del batch, data
        yield _block(name, header, columns, first_row=at + 2)


# -- csv and parquet ------------------------------------------------------------------
_DELIMITERS = (",", "|", "\t", ";")


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        start = handle.read(2)
    opener = gzip.open if start == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as handle:
            data: bytes = handle.read(_HEAD_BYTES)
    except (OSError, EOFError) as err:
        raise IngestError(f"{path.name}: cannot read ({err})") from None
    return data


def _head_lines(head: bytes, encoding: str) -> list[str]:
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    return text.splitlines()[:HEADER_SEARCH_ROWS]


def _csv_shape(path: Path, head: bytes, encoding: str, known: frozenset[str]) -> tuple[int, str]:
    """Header line index and delimiter of a CSV file."""
    lines = _head_lines(head, encoding)
    best: tuple[int, int, str, int] | None = None
    for delim in _DELIMITERS:
        rows = [line.split(delim) for line in lines]
        at = _find_header(rows, known)
        if at is None:
            continue
        hits = sum(1 for c in rows[at] if normalise_header(c.strip('"')) in known)
        width = len(rows[at])
        score = (hits, width)
        if best is None or score > best[:2]:
            best = (hits, width, delim, at)
    if best is None:
        raise IngestError(f"{path.name}: the file is empty", hint="check the file is complete")
    _check_width(path, head, lines, best)
    return best[3], best[2]


def _check_width(
    path: Path, head: bytes, lines: list[str], best: tuple[int, int, str, int]
) -> None:
    _, width, _, at = best
    unended = len(head) == _HEAD_BYTES and at == len(lines) - 1
    if width > MAX_COLUMNS or unended:
        raise IngestError(
            f"{path.name}: the header row is wider than the limit of {MAX_COLUMNS:,} columns "
            f"or {_HEAD_BYTES:,} bytes",
            hint="check the file is a table with one header row",
        )


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _duckdb_read(path: Path, sql: str, what: str) -> pa.Table:
    with Database() as db:
        try:
            return db.query(sql, subject=f"loading {path.name}")
        except duckdb.Error as err:
            if what == "CSV":  # the reader's own message does not say where or why
                located = invalid_at(path) or long_line(path, MAX_LINE_BYTES)
                if located is not None:
                    raise located from None
            raise IngestError(
                f"{path.name}: cannot read as {what}: {_reason(err)}",
                hint=f"check the file is a complete {what} file",
            ) from None


def _csv_blocks(
    path: Path, known: frozenset[str], select: Select, encoding: str | None
) -> Iterator[Block]:
    head = _head(path)
    chosen = detect(head, encoding)
    if chosen in ("utf-8", "utf-8-sig"):
        yield _csv_block(path, path, head, known, select)
        return
    with tempfile.TemporaryDirectory(prefix="yearbook-csv-") as tmp:
        utf8 = Path(tmp) / path.name.removesuffix(".gz")
        to_utf8(path, chosen, utf8)
        yield _csv_block(path, utf8, _head(utf8), known, select)


def _csv_block(
    path: Path, source: Path, head: bytes, known: frozenset[str], select: Select
) -> Block:
    skip, delim = _csv_shape(path, head, "utf-8", known)
    sql = (
        f"SELECT * FROM read_csv('{_sql_path(source)}', delim = '{delim}', header = true, "
        f"skip = {skip}, all_varchar = true, null_padding = true, strict_mode = false, "
        "parallel = false, quote = '\"', escape = '\"', sample_size = -1, "
        f"max_line_size = {MAX_LINE_BYTES})"
    )
    table = _duckdb_read(source, sql, "CSV")
    header = [str(n) for n in table.column_names]
    columns = {i: _strings(table.column(i)) for i in select(path.name, header)}
    return _block("", header, columns, first_row=skip + 2)


def _parquet_blocks(path: Path, select: Select) -> Iterator[Block]:
    table = _duckdb_read(path, f"SELECT * FROM read_parquet('{_sql_path(path)}')", "Parquet")
    header = [str(n) for n in table.column_names]
    columns = {i: _strings(table.column(i)) for i in select(path.name, header)}
    yield _block("", header, columns, first_row=1)


def open_file(
    path: Path, known: frozenset[str], select: Select, encoding: str | None = None
) -> tuple[list[str], Iterator[Block]]:
    """The sheet names of a file (one unnamed sheet for CSV and Parquet) and its blocks,
    read lazily, every cell as text; `select` picks the columns to read from each header.
    ``encoding`` is a CSV file's text encoding when it is not UTF-8 or UTF-16."""
    kind = file_kind(path)
    if kind == "xlsx":
        check_workbook(path)
        reader = _excel(path)
        return list(reader.sheet_names), _xlsx_blocks(path, reader, known, select)
    if kind == "parquet":
        return [""], _parquet_blocks(path, select)
    return [""], _csv_blocks(path, known, select, encoding)
