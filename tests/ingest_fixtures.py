"""Helpers for the ingest tests: small release files written the way ICE writes them."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
from ice_generator.foia import preamble
from ice_generator.xlsx import Cell, Sheet, write_workbook

from tests.conftest import ICE
from yearbook.ingest import IngestResult, ingest
from yearbook.warehouse import Database, Warehouse

ID_A = "c65403e032fc0fce7256b84d5233eba7757c0dbf"
ID_B = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"

ARRESTS_2025 = [
    "Apprehension Date",
    "Apprehension Method",
    "Apprehension Criminality",
    "TOA Current Duty AOR",
    "Citizenship Country",
    "Gender",
    "Birth Date",
    "Birth Year",
    "Anonymized Identifier",
]


def xlsx(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    preamble_rows: int = 6,
    sheets: int = 1,
) -> Path:
    """A workbook: `preamble_rows` rows above the header, the rows split over `sheets`."""
    top = preamble("ERO Administrative Arrests", "2024-ICFO-00000")[:preamble_rows]
    top += [["note"]] * max(0, preamble_rows - len(top))
    size = -(-len(rows) // sheets) if rows else 0
    parts = [rows[i * size : (i + 1) * size] for i in range(sheets)]
    book = [Sheet(f"Sheet{i + 1}", top, list(header), part) for i, part in enumerate(parts)]
    return write_workbook(path, book)


def csv_file(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], delim: str = ","
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delim)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def arrest(
    day: dt.datetime | str | None,
    person: str | None = ID_A,
    *,
    method: str = "Located",
    criminality: str = "1 Convicted Criminal",
    country: str = "mexico",
    birth: Cell = "b(6), b(7)c",
) -> list[Cell]:
    return [
        day,
        method,
        criminality,
        "Atlanta Area of Responsibility",
        country,
        "Male",
        birth,
        1990,
        person,
    ]


def load(warehouse: Warehouse, *paths: Path, release: str | None = None) -> IngestResult:
    return ingest(list(paths), warehouse, ICE, release=release)


def rows(warehouse: Warehouse, sql: str) -> list[dict[str, object]]:
    with Database(warehouse) as db:
        result: list[dict[str, object]] = db.query(sql).to_pylist()
        return result


def table(warehouse: Warehouse, name: str, order: str = "") -> pa.Table:
    with Database(warehouse) as db:
        return db.query(f"SELECT * FROM {name}" + (f" ORDER BY {order}" if order else ""))


def when(day: int, hour: int = 10, month: int = 3, year: int = 2023) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0)
