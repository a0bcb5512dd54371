"""DuckDB running out of memory is a one-line error that names the file and the knobs.

The ingest runs through the CLI in a subprocess with DuckDB's memory limit set
far below what the file needs (``YEARBOOK_MEMORY_LIMIT``); it must stop with exit
code 2, one ``error:`` line and its hint, no traceback, and leave the warehouse
byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPORT_DIR
from tests.ingest_fixtures import ARRESTS_2025, arrest, csv_file, load, rows
from yearbook.errors import LimitError, UserError
from yearbook.resources import MEMORY_ENV, THREADS_ENV
from yearbook.warehouse import Database, Warehouse


def _arrests(path: Path, year: int, count: int) -> Path:
    days = [dt.datetime(year, 3, 1 + i % 28, 8 + i % 12) for i in range(count)]
    return csv_file(path, ARRESTS_2025, [arrest(d, f"p{year}-{i}") for i, d in enumerate(days)])


def _ingest(file: Path, into: Path, **env: str) -> tuple[int, str]:
    base = {k: v for k, v in os.environ.items() if k not in (MEMORY_ENV, THREADS_ENV)}
    proc = subprocess.run(
        [sys.executable, "-m", "yearbook.cli", "ingest", str(file), "--into", str(into)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**base, "COLUMNS": "200", **env},
    )
    return proc.returncode, proc.stderr


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding 30 arrests of March 2022."""
    folder = tmp_path_factory.mktemp("memory")
    load(Warehouse(folder / "w"), _arrests(folder / "march-2022.csv", 2022, 30))
    return folder / "w"


def test_an_ingest_out_of_memory_is_one_line_and_changes_nothing(
    tmp_path: Path, warehouse: Path
) -> None:
    big = _arrests(tmp_path / "march-2023.csv", 2023, 20_000)
    before = _files(warehouse)
    code, err = _ingest(big, warehouse, **{MEMORY_ENV: "1MB"})
    assert "Traceback" not in err, err
    assert code == 2, err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    assert "DuckDB ran out of memory loading march-2023.csv" in errors[0]
    assert "memory limit 976.5 KiB" in errors[0]
    hints = [line.strip() for line in err.splitlines() if line.strip().startswith("hint:")]
    assert len(hints) == 1 and MEMORY_ENV in hints[0] and "split the file" in hints[0], err
    assert _files(warehouse) == before
    # Without the limit the same file loads: it was the memory, not the file.
    code, err = _ingest(big, tmp_path / "fresh")
    assert code == 0, err
    count = rows(Warehouse(tmp_path / "fresh"), "SELECT COUNT(*) AS n FROM arrests")
    assert count == [{"n": 20_000}]


def test_a_query_of_the_warehouse_out_of_memory_names_the_warehouse(warehouse: Path) -> None:
    wanted = "DuckDB ran out of memory running a query of the warehouse at"
    with (
        Database(Warehouse(warehouse), memory_limit="1MB") as db,
        pytest.raises(LimitError, match=wanted),
    ):
        db.query("SELECT md5(range::VARCHAR) AS h FROM range(2000000) ORDER BY h")


@pytest.mark.parametrize(("name", "value"), [(MEMORY_ENV, "lots"), (THREADS_ENV, "none")])
def test_a_bad_limit_in_the_environment_is_one_clear_error(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(UserError, match=repr(value)):
        Database()


def test_a_build_out_of_memory_is_one_line(tmp_path: Path, demo_warehouse: Warehouse) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "yearbook.cli", "build", str(REPORT_DIR), "--warehouse",
         str(demo_warehouse.root), "--out", str(tmp_path / "out"), "--setting",
         "memory_limit=1MB"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, proc.stderr
    assert "DuckDB ran out of memory running a query of the warehouse at" in errors[0]
    assert "--setting memory_limit=" in proc.stderr
