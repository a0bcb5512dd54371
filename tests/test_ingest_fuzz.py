"""Fuzzing: mutated workbooks and CSV files are loaded, quarantined or refused clearly.

Whatever the file holds (truncated bytes, shuffled or missing headers, cells of
the wrong type, random bytes), ingest never fails with anything but a
`UserError`, and when it loads a file, rows in = loaded + quarantined.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ice_generator.xlsx import Cell

from tests.conftest import ICE
from tests.ingest_fixtures import ARRESTS_2025, arrest, csv_file, rows, when, xlsx
from yearbook.errors import UserError
from yearbook.ingest import ingest
from yearbook.warehouse import Warehouse

BASE = [arrest(when(d, hour=d % 24), f"p{d % 5}") for d in range(1, 21)]

cells: st.SearchStrategy[Cell] = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2200, 1, 1)),
    st.sampled_from(["b(6), b(7)c", "b(6), b(7)C", "NA", "1 Convicted Criminal", "0301"]),
)


@st.composite
def mutated_table(draw: st.DrawFn) -> tuple[list[str], list[list[Cell]]]:
    """The base arrests with columns shuffled or dropped and some cells replaced."""
    order = draw(st.permutations(range(len(ARRESTS_2025))))
    keep = draw(st.integers(1, len(order)))
    columns = list(order[:keep])
    header = [ARRESTS_2025[i] for i in columns]
    if draw(st.booleans()):
        header[draw(st.integers(0, len(header) - 1))] = draw(st.text(max_size=20))
    data = [[row[i] for i in columns] for row in BASE[: draw(st.integers(0, len(BASE)))]]
    for _ in range(draw(st.integers(0, 15))):
        if data:
            r = draw(st.integers(0, len(data) - 1))
            c = draw(st.integers(0, len(columns) - 1))
            data[r][c] = draw(cells)
    return header, data


def _check(path: Path, folder: Path) -> None:
    warehouse = Warehouse(folder / "warehouse", ICE.tables)
    try:
        result = ingest([path], warehouse, ICE)
    except UserError as err:
        assert str(err).strip(), "a refusal says why"
        return
    for f in result.files:
        assert f.rows_in == f.loaded + f.quarantined
    quarantined = sum(f.quarantined for f in result.files)
    if quarantined:
        got = rows(warehouse, "SELECT COUNT(*) AS n FROM quarantine")
        assert got == [{"n": quarantined}]


def _truncate(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(table=mutated_table(), preamble=st.integers(0, 8), sheets=st.integers(1, 3),
       truncate=st.one_of(st.none(), st.floats(0.0, 0.99)))  # fmt: skip
def test_mutated_workbooks(
    table: tuple[list[str], list[list[Cell]]], preamble: int, sheets: int, truncate: float | None
) -> None:
    header, data = table
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = xlsx(folder / "a.xlsx", header, data, preamble_rows=preamble, sheets=sheets)
        if truncate is not None:
            _truncate(path, truncate)
        _check(path, folder)


@FUZZ
@given(table=mutated_table(), delim=st.sampled_from([",", "|", ";", "\t"]),
       truncate=st.one_of(st.none(), st.floats(0.0, 0.99)))  # fmt: skip
def test_mutated_csv_files(
    table: tuple[list[str], list[list[Cell]]], delim: str, truncate: float | None
) -> None:
    header, data = table
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = csv_file(folder / "a.csv", header, data, delim=delim)
        if truncate is not None:
            _truncate(path, truncate)
        _check(path, folder)


@FUZZ
@given(content=st.binary(max_size=400), name=st.sampled_from(["a.xlsx", "a.csv", "a.parquet", "a"]),
       magic=st.sampled_from([b"", b"PK\x03\x04", b"PAR1", b"\x1f\x8b"]))  # fmt: skip
def test_random_bytes(content: bytes, name: str, magic: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / name
        path.write_bytes(magic + content)
        _check(path, folder)
