"""Published statistics workbooks: every sheet's tables, as published figures.

A workbook is read with fastexcel, every cell as text. Its ranges start at a
sheet's first used cell, so the sheet's first rows are read from the XML
(`yearbook.ingest.xlsx_head`) to place the grid at its true row and column and
keep every source cell reference exact; a sheet whose placement cannot be
confirmed that way is read with openpyxl instead. Each sheet is handed to the
table finder (`yearbook.ingest.tablefinder`). Every number found becomes a
*published cell*: workbook, sheet, table title, row label, column label, value
and source cell (``Sheet!B12``). Which cells are which published figure is the
pack's knowledge (`yearbook.ingest.published_map`), not the reader's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from yearbook.errors import UserError
from yearbook.ingest.tablefinder import SheetScan, find_tables
from yearbook.ingest.xlsx_head import SheetHead, sheet_heads

__all__ = ["PublishedCell", "WorkbookScan", "fiscal_year_of", "scan_workbook"]

_FY = re.compile(r"\bFY\s?(\d{4}|\d{2})\b", re.IGNORECASE)


def fiscal_year_of(*texts: str) -> int | None:
    """The first fiscal year named in the texts (``FY2019``, ``FY 19``, ``EOFY23``)."""
    for text in texts:
        match = _FY.search(text.replace("EOFY", "EO FY").replace("EOYFY", "EO FY"))
        if match:
            year = int(match.group(1))
            return year if year > 99 else 2000 + year
    return None


@dataclass(frozen=True)
class PublishedCell:
    """One number of a published table."""

    workbook: str
    sheet: str
    fiscal_year: int | None
    table: str
    row_label: str
    column_label: str
    value: float
    cell: str
    """Source cell, ``Sheet!B12``."""


@dataclass
class WorkbookScan:
    """A workbook's sheets as the finder saw them, and the cells it found."""

    path: Path
    sheets: list[SheetScan]
    cells: list[PublishedCell]

    def problems(self) -> list[str]:
        """Sheets without any table and numbers outside every table, by name."""
        out: list[str] = []
        for sheet in self.sheets:
            if not sheet.tables:
                out.append(f"{self.path.name}: sheet {sheet.name!r}: no table found")
            if sheet.stray:
                refs = ", ".join(sheet.stray[:5]) + (" ..." if len(sheet.stray) > 5 else "")
                out.append(
                    f"{self.path.name}: sheet {sheet.name!r}: {len(sheet.stray)} number(s) "
                    f"outside any table ({refs})"
                )
        return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def _trim(row: list[str | None]) -> list[str | None]:
    while row and row[-1] is None:
        row.pop()
    return row


def _openpyxl_grid(path: Path, sheet: str) -> list[list[str | None]]:
    import openpyxl  # the slow, exact path: only when a placement is uncertain

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = book[sheet].iter_rows(min_row=1, min_col=1, values_only=True)
        return [_trim([_text(v) for v in row]) for row in rows]
    finally:
        book.close()


def _placed(grid: list[list[str | None]], head: SheetHead | None) -> list[list[str | None]] | None:
    """The grid shifted to start at A1, or None when the head does not confirm where."""
    if head is None or not head.rows:
        return None if grid else []
    first_col = min(
        (next(i for i, v in enumerate(r) if v is not None) for r in head.rows if any(r)),
        default=0,
    )
    pad: list[str | None] = [None] * first_col
    shifted = [pad + row for row in grid]
    top = _trim([v.strip() if v else None for v in head.rows[0]])
    mine = _trim([v.strip() if v else None for v in (shifted[0] if shifted else [])])
    if top != mine:
        return None
    blank: list[list[str | None]] = [[] for _ in range(head.first_row - 1)]
    return blank + shifted


def _grids(path: Path) -> list[tuple[str, list[list[str | None]]]]:
    import fastexcel

    try:
        reader = fastexcel.read_excel(path)
    except Exception as exc:  # fastexcel raises its own exception classes
        raise UserError(
            f"{path.name}: cannot read it as a workbook ({exc})",
            "give an .xlsx file as the publisher released it",
        ) from exc
    heads = sheet_heads(path, 40)
    out: list[tuple[str, list[list[str | None]]]] = []
    for name in reader.sheet_names:
        table = reader.load_sheet(name, header_row=None, dtypes="string").to_arrow()
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
        grid = [_trim([_text(col[r]) for col in columns]) for r in range(table.num_rows)]
        placed = _placed(grid, heads.get(name))
        out.append((name, placed if placed is not None else _openpyxl_grid(path, name)))
    return out


def _sheet_ref(sheet: str, ref: str) -> str:
    name = sheet if re.fullmatch(r"\w+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{ref}"


def scan_workbook(path: Path) -> WorkbookScan:
    """Find the tables of every sheet of a workbook."""
    path = Path(path)
    sheets: list[SheetScan] = []
    cells: list[PublishedCell] = []
    for name, grid in _grids(path):
        scan = find_tables(grid, name.strip())
        sheets.append(scan)
        for table in scan.tables:
            year = fiscal_year_of(table.title, name, path.name)
            cells.extend(
                PublishedCell(
                    path.name,
                    name.strip(),
                    year,
                    table.title,
                    c.row_label,
                    c.column_label,
                    c.value,
                    _sheet_ref(name, c.ref),
                )
                for c in table.cells
            )
    return WorkbookScan(path, sheets, cells)
