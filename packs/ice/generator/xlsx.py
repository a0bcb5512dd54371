"""A small streaming XLSX writer: text, numbers, dates and datetimes, many sheets.

Spreadsheet libraries build every cell as an object, which is slow for the
million-row workbooks ICE releases. This writer streams each sheet's XML
straight into the zip file, row by row, so memory stays bounded by one chunk
of rows. It writes what the FOIA layouts need and nothing more: inline text,
numbers, and dates or datetimes with a date format.

>>> import datetime as dt, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> sheet = Sheet("Data", [["Title"], []], ["Day", "Count"], [[dt.date(2023, 1, 2), 5]])
>>> write_workbook(folder / "x.xlsx", [sheet]).name
'x.xlsx'
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = ["Cell", "Sheet", "column_letter", "write_workbook"]

Cell = str | int | float | dt.date | dt.datetime | None
"""A value a cell can hold; None leaves the cell empty."""

_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_DATE_STYLE = 1
_DATETIME_STYLE = 2
_CHUNK_ROWS = 4096


@dataclass(frozen=True)
class Sheet:
    """One worksheet: preamble rows, a header row, then data rows."""

    name: str
    preamble: Sequence[Sequence[Cell]]
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]]


def column_letter(index: int) -> str:
    """Excel's name of a zero-based column index.

    >>> [column_letter(i) for i in (0, 25, 26, 701, 702)]
    ['A', 'Z', 'AA', 'ZZ', 'AAA']
    """
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _serial(value: dt.date | dt.datetime) -> float:
    if isinstance(value, dt.datetime):
        return (value.replace(tzinfo=None) - _EXCEL_EPOCH).total_seconds() / 86400.0
    return float((value - _EXCEL_EPOCH.date()).days)


def _cell(ref: str, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return (
            f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_escape(value)}</t></is></c>'
        )
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    style = _DATETIME_STYLE if isinstance(value, dt.datetime) else _DATE_STYLE
    return f'<c r="{ref}" s="{style}"><v>{_serial(value)!r}</v></c>'


def _row(number: int, letters: Sequence[str], values: Sequence[Cell]) -> str:
    cells = "".join(
        _cell(f"{letter}{number}", value) for letter, value in zip(letters, values, strict=False)
    )
    return f'<row r="{number}">{cells}</row>'


def _write_sheet(handle: IO[bytes], sheet: Sheet) -> None:
    width = max([len(sheet.header), *(len(r) for r in sheet.preamble)], default=1)
    letters = [column_letter(i) for i in range(max(width, 1) + 64)]
    handle.write(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>"
    )
    number = 0
    for values in sheet.preamble:
        number += 1
        handle.write(_row(number, letters, list(values)).encode())
    number += 1
    handle.write(_row(number, letters, list(sheet.header)).encode())
    chunk: list[str] = []
    for values in sheet.rows:
        number += 1
        chunk.append(_row(number, letters, values))
        if len(chunk) >= _CHUNK_ROWS:
            handle.write("".join(chunk).encode())
            chunk = []
    handle.write("".join(chunk).encode())
    handle.write(b"</sheetData></worksheet>")


_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)


def _workbook_xml(names: Sequence[str]) -> str:
    sheets = "".join(
        f'<sheet name="{_escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheets}</sheets></workbook>"
    )


def _workbook_rels(count: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    styles = (
        f'<Relationship Id="rId{count + 1}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}{styles}</Relationships>"
    )


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write `sheets` to an .xlsx file at `path`, streaming each sheet's rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        types = "".join(_SHEET_TYPE.format(n=i) for i in range(1, len(sheets) + 1))
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets=types))
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _workbook_xml([s.name for s in sheets]))
        zf.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        zf.writestr("xl/styles.xml", _STYLES)
        for number, sheet in enumerate(sheets, start=1):
            with zf.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as handle:
                _write_sheet(handle, sheet)
    return path
