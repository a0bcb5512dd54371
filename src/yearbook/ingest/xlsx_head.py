"""The first rows of each worksheet, read from the workbook's XML without loading the sheet.

Finding the header row takes a look at the top of a sheet; the Rust reader can
only load a whole sheet. Reading the first rows straight from the zipped XML
costs milliseconds and lets the whole sheet then be loaded once, with only
the columns a layout maps. Anything unexpected gives up (returns nothing) and
the caller loads the whole sheet instead.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError, iterparse

__all__ = ["SheetHead", "sheet_heads"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass(frozen=True)
class SheetHead:
    """The first non-empty rows of a sheet, as text, with their spreadsheet row numbers."""

    rows: list[list[str | None]]
    numbers: list[int]

    @property
    def first_row(self) -> int:
        """Row number of the first non-empty row (where the Rust reader's range starts)."""
        return self.numbers[0] if self.numbers else 1


def _column(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


class _SharedStrings:
    """The workbook's shared strings, parsed only as far as they are needed."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.values: list[str] = []
        name = "xl/sharedStrings.xml"
        self._items: Iterator[str] | None = (
            self._iterate(zf.open(name)) if name in zf.namelist() else None
        )

    @staticmethod
    def _iterate(handle: IO[bytes]) -> Iterator[str]:
        with handle:
            for _, elem in iterparse(handle, events=("end",)):
                if elem.tag == f"{_MAIN}si":
                    yield "".join(t.text or "" for t in elem.iter(f"{_MAIN}t"))
                    elem.clear()

    def get(self, index: int) -> str | None:
        while self._items is not None and len(self.values) <= index:
            try:
                self.values.append(next(self._items))
            except StopIteration:
                self._items = None
        return self.values[index] if index < len(self.values) else None


def _cell_text(cell: Element, shared: _SharedStrings) -> str | None:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
    value = cell.find(f"{_MAIN}v")
    if value is None or value.text is None:
        return None
    if kind == "s":
        return shared.get(int(value.text))
    return value.text


def _row(elem: Element, shared: _SharedStrings) -> list[str | None]:
    cells: dict[int, str | None] = {}
    for position, cell in enumerate(elem.iter(f"{_MAIN}c")):
        ref = _CELL_REF.match(cell.get("r", ""))
        cells[_column(ref.group(1)) if ref else position] = _cell_text(cell, shared)
    width = max(cells, default=-1) + 1
    return [cells.get(i) for i in range(width)]


def _head(zf: zipfile.ZipFile, member: str, shared: _SharedStrings, limit: int) -> SheetHead:
    rows: list[list[str | None]] = []
    numbers: list[int] = []
    counter = 0
    with zf.open(member) as handle:
        for _, elem in iterparse(handle, events=("end",)):
            if elem.tag != f"{_MAIN}row":
                continue
            counter = int(elem.get("r", counter + 1))
            values = _row(elem, shared)
            elem.clear()
            if any(v not in (None, "") for v in values):
                rows.append(values)
                numbers.append(counter)
                if len(rows) >= limit:
                    break
    return SheetHead(rows, numbers)


def _targets(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML member in the zip."""
    rels: dict[str, str] = {}
    with zf.open("xl/_rels/workbook.xml.rels") as handle:
        for _, elem in iterparse(handle):
            if elem.tag == f"{_PKG}Relationship":
                target = elem.get("Target", "").lstrip("/")
                rels[elem.get("Id", "")] = target if target.startswith("xl/") else f"xl/{target}"
    names: dict[str, str] = {}
    with zf.open("xl/workbook.xml") as handle:
        for _, elem in iterparse(handle):
            if elem.tag == f"{_MAIN}sheet":
                names[elem.get("name", "")] = rels.get(elem.get(f"{_REL}id", ""), "")
    return names


def sheet_heads(path: Path, limit: int) -> dict[str, SheetHead]:
    """The first `limit` non-empty rows of every sheet; empty when the XML is unexpected."""
    try:
        with zipfile.ZipFile(path) as zf:
            shared = _SharedStrings(zf)
            return {name: _head(zf, member, shared, limit) for name, member in _targets(zf).items()}
    except (KeyError, ValueError, OSError, ParseError, zipfile.BadZipFile, EOFError):
        return {}
