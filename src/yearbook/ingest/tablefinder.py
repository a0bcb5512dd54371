"""Find the tables inside a worksheet laid out for people, not for machines.

Statistics offices publish workbooks with several tables per sheet: a title
row, one or more header rows, a body, notes and footnote markers, tables side
by side or one under the other, with blank rows and columns between them. The
finder works on a grid of cell texts and knows no agency:

* a **header row** is a run of text cells (at most one blank column inside it)
  directly above a row holding at least one number under it; a blank column
  followed by a column with a title above it starts a new table;
* above the header, up to four non-blank rows belong to the table: a row of
  several cells is a **group header** (its cells prefix the column labels to
  their right), a row of one cell is a **note**, and the topmost single cell is
  the **title** (else the nearest single cell just above, else the sheet name);
* the **body** runs down to the first blank row; a row without numbers and with
  one cell ends it as a note;
* the **row label** is the first column (and the second when the first is a
  merged group, blank on continuation rows); a label repeated inside a table is
  qualified by the nearest unrepeated label above it ("North Average /
  Convicted"), so every row of a table has a distinct label;
* trailing footnote markers (``*``, ``†``, superscript digits) are stripped from
  labels and kept.

Numeric cells that fall in no table are reported (`SheetScan.stray`), never
dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Cell", "FoundTable", "SheetScan", "cell_ref", "find_tables", "parse_number"]

Grid = Sequence[Sequence[str | None]]

_MARKERS = re.compile(r"[\s*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
_ABOVE = 4
"""Rows above a header searched for its group headers, notes and title."""
_NOTE_STARTS = ("source", "data source", "data from", "note", "*")


def parse_number(text: str | None) -> float | None:
    """The number a cell's text holds (``50,165``, ``0.37``, ``12%``), else None."""
    if text is None:
        return None
    t = text.strip().replace(",", "")
    percent = t.endswith("%")
    if percent:
        t = t[:-1]
    if not t or t[0] not in "+-.0123456789":
        return None
    try:
        value = float(t)
    except ValueError:
        return None
    return value / 100 if percent else value


def cell_ref(row: int, col: int) -> str:
    """Spreadsheet reference of a 0-based (row, column): ``(0, 0)`` -> ``A1``."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def clean_label(text: str) -> tuple[str, str]:
    """A label without its trailing footnote markers, and the markers."""
    stripped = " ".join(text.split())
    match = _MARKERS.search(stripped)
    if not match:
        return stripped, ""
    return stripped[: match.start()].strip(), match.group(0).strip()


@dataclass(frozen=True)
class Cell:
    """One number of a found table, with its labels and where it sits."""

    row_label: str
    column_label: str
    value: float
    row: int
    col: int

    @property
    def ref(self) -> str:
        return cell_ref(self.row, self.col)


@dataclass
class FoundTable:
    """A table found in a sheet."""

    title: str
    title_ref: str
    header_row: int
    first_col: int
    last_col: int
    last_row: int
    cells: list[Cell] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)

    @property
    def range(self) -> str:
        return (
            f"{cell_ref(self.header_row, self.first_col)}:{cell_ref(self.last_row, self.last_col)}"
        )


@dataclass
class SheetScan:
    """What the finder made of one sheet."""

    name: str
    tables: list[FoundTable]
    stray: list[str]
    """References of numeric cells outside every table."""


def _text(grid: Grid, r: int, c: int) -> str | None:
    if r < 0 or r >= len(grid) or c < 0 or c >= len(grid[r]):
        return None
    value = grid[r][c]
    if value is None:
        return None
    value = value.strip()
    return value or None


def _width(grid: Grid) -> int:
    return max((len(row) for row in grid), default=0)


def _segments(grid: Grid, r: int, width: int) -> list[tuple[int, int]]:
    """Runs of text cells in row r (one blank column allowed inside a run)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last = -10
    for c in range(min(width, len(grid[r]))):
        t = _text(grid, r, c)
        if t is None:
            continue
        new_table = c - last > 1 and any(_text(grid, r - k, c) for k in range(1, _ABOVE + 1))
        if start is None or c - last > 2 or new_table:
            if start is not None:
                runs.append((start, last))
            start = c
        last = c
    if start is not None:
        runs.append((start, last))
    return runs


def _widen(grid: Grid, r: int, lo: int, hi: int) -> int:
    """Where a one-cell header starts: at the row labels below it, when they have no heading."""
    if lo != hi or parse_number(_text(grid, r + 1, lo)) is None:
        return lo
    for c in (lo - 1, lo - 2):
        label = _text(grid, r + 1, c)
        if label is not None and parse_number(label) is None:
            return c
    return lo


def _is_header(grid: Grid, r: int, lo: int, hi: int) -> bool:
    texts = [_text(grid, r, c) for c in range(lo, hi + 1)]
    present = [t for t in texts if t is not None]
    if len(present) < 2 and not (present and texts[0] is None):
        return False
    if any(parse_number(t) is not None for t in present):
        return False
    below = [parse_number(_text(grid, r + 1, c)) for c in range(lo + 1, hi + 1)]
    return any(v is not None for v in below)


def _row_blank(grid: Grid, r: int, lo: int, hi: int) -> bool:
    return all(_text(grid, r, c) is None for c in range(lo, hi + 1))


def _is_note(text: str) -> bool:
    """A sentence or a source line rather than a title."""
    return len(text) > 160 or text.endswith(".") or text.lower().startswith(_NOTE_STARTS)


def _lone(grid: Grid, r: int, lo: int, hi: int) -> str | None:
    cells = [c for c in range(lo, hi + 1) if _text(grid, r, c)]
    return _text(grid, r, lo) if cells == [lo] else None


def _above(
    grid: Grid, header: int, lo: int, hi: int, sheet: str
) -> tuple[str, str, dict[int, str], list[str]]:
    """Title, its reference, group labels by column and notes, from the rows above a header."""
    groups: dict[int, str] = {}
    notes: list[str] = []
    r = header - 1
    contiguous = True
    while r >= 0 and header - r <= 2 * _ABOVE:
        if _row_blank(grid, r, lo, hi):
            contiguous = False
            r -= 1
            continue
        lone = _lone(grid, r, lo, hi)
        if lone is None:
            if not contiguous:
                break
            for c in range(lo, hi + 1):
                t = _text(grid, r, c)
                if t:
                    groups.setdefault(c, t)
        elif _is_note(lone):
            notes.append(lone)
        else:
            return lone, cell_ref(r, lo), groups, notes
        r -= 1
    return sheet, "", groups, notes


def _group_of(groups: dict[int, str], c: int) -> str:
    left = [k for k in groups if k <= c]
    return groups[max(left)] if left else ""


def _read_body(grid: Grid, header: int, lo: int, hi: int) -> tuple[int, list[int], list[str]]:
    """Last body row, the body rows with numbers, and the notes ending the body."""
    rows: list[int] = []
    notes: list[str] = []
    r = header + 1
    while r < len(grid) and not _row_blank(grid, r, lo, hi):
        present = [_text(grid, r, c) for c in range(lo, hi + 1) if _text(grid, r, c)]
        if not any(parse_number(t) is not None for t in present[1:]) and len(present) == 1:
            notes.append(str(present[0]))
            r += 1
            while r < len(grid) and not _row_blank(grid, r, lo, hi):
                notes.append(" ".join(str(t) for t in grid[r][lo : hi + 1] if t))
                r += 1
            break
        rows.append(r)
        r += 1
    return r - 1, rows, notes


def _row_labels(grid: Grid, rows: list[int], lo: int) -> tuple[dict[int, str], bool]:
    """A distinct label per body row (see the module's docstring), and whether the
    labels take two columns (a merged first column)."""
    first = [_text(grid, r, lo) for r in rows]
    second = [_text(grid, r, lo + 1) for r in rows]
    merged = any(f is None for f in first) and all(
        s is None or parse_number(s) is None for s in second
    )
    raw: list[str] = []
    current = ""
    for f, s in zip(first, second, strict=True):
        current = f or current
        label = clean_label(current)[0]
        if merged and s:
            label = f"{label} / {clean_label(s)[0]}"
        raw.append(label)
    counts = Counter(raw)
    labels: dict[int, str] = {}
    head = ""
    for r, label in zip(rows, raw, strict=True):
        if counts[label] > 1 and head:
            labels[r] = f"{head} / {label}"
        else:
            if counts[label] == 1:
                head = label
            labels[r] = label
    return labels, merged


def _table(grid: Grid, header: int, lo: int, hi: int, sheet: str) -> FoundTable:
    title, title_ref, groups, notes = _above(grid, header, lo, hi, sheet)
    last_row, rows, tail = _read_body(grid, header, lo, hi)
    title, marker = clean_label(title)
    table = FoundTable(title, title_ref, header, lo, hi, last_row, notes=notes + tail)
    if marker:
        table.markers.append(marker)
    labels, merged = _row_labels(grid, rows, lo)
    label_cols = {lo, lo + 1} if merged else {lo}
    for c in range(lo, hi + 1):
        head = _text(grid, header, c)
        if c in label_cols or head is None:
            continue
        column, marker = clean_label(head)
        if marker:
            table.markers.append(marker)
        group = _group_of(groups, c)
        if group and group != column:
            column = f"{clean_label(group)[0]} / {column}"
        for r in rows:
            value = parse_number(_text(grid, r, c))
            if value is not None:
                table.cells.append(Cell(labels[r], column, value, r, c))
    return table


def find_tables(grid: Grid, sheet: str = "") -> SheetScan:
    """Every table of a sheet's grid of cell texts (rows of columns, 0-based)."""
    width = _width(grid)
    covered: set[tuple[int, int]] = set()
    tables: list[FoundTable] = []
    for r in range(len(grid)):
        for start, hi in _segments(grid, r, width):
            lo = _widen(grid, r, start, hi)
            if any((r, c) in covered for c in range(lo, hi + 1)):
                continue
            if not _is_header(grid, r, lo, hi):
                continue
            table = _table(grid, r, lo, hi, sheet)
            tables.append(table)
            covered.update(
                (rr, cc) for rr in range(r, table.last_row + 1) for cc in range(lo, hi + 1)
            )
    stray = [
        cell_ref(r, c)
        for r in range(len(grid))
        for c in range(len(grid[r]))
        if (r, c) not in covered and parse_number(_text(grid, r, c)) is not None
    ]
    return SheetScan(sheet, tables, stray)
