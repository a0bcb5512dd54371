"""No loaded record is ever lost: ingests killed anywhere, ingests at once, small files
that would replace a whole table.

After every kill the warehouse opens, every table reads, and it holds exactly the rows
it held before, or those plus the new file's — never anything else — with `releases`
agreeing with the tables. Kills hit exact points through `YEARBOOK_KILL_AT`
(`yearbook.manifest.checkpoint`), plus a few at random times.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ICE
from tests.ingest_fixtures import ARRESTS_2025, arrest, csv_file, load, rows
from yearbook.errors import WarehouseError
from yearbook.ingest.guard import ReplacementRefused
from yearbook.manifest import KILL_ENV, current, locked
from yearbook.warehouse import Database, Warehouse

State = dict[str, int]


def _arrests(path: Path, days: list[dt.datetime], tag: str) -> Path:
    """A release file of arrests on `days`, and one row that is quarantined (no date)."""
    data = [arrest(day, f"{tag}{i}") for i, day in enumerate(days)] + [arrest(None, f"{tag}-x")]
    return csv_file(path, ARRESTS_2025, data)


def _days(year: int, month: int, count: int) -> list[dt.datetime]:
    return [dt.datetime(year, month, 1 + i % 28, 8 + i // 28) for i in range(count)]


def _yearbook(*args: str, kill_at: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop(KILL_ENV, None)
    if kill_at:
        env[KILL_ENV] = kill_at
    return subprocess.Popen(
        [sys.executable, "-m", "yearbook.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _run(*args: str, kill_at: str | None = None) -> tuple[int, str, str]:
    proc = _yearbook(*args, kill_at=kill_at)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def _state(root: Path) -> State:
    """Rows of every table, checked against `releases`; fails if any table cannot be read."""
    with Database(Warehouse(root)) as db:
        counts = {
            name: int(db.query(f'SELECT COUNT(*) AS n FROM "{name}"').column("n")[0].as_py())
            for name in db.views()
        }
        books = db.query(
            'SELECT "table", SUM(rows_loaded) AS loaded, SUM(rows_quarantined) AS q, '
            'SUM(rows_replaced) AS replaced FROM releases GROUP BY "table"'
        ).to_pylist()
    for book in books:
        assert book["replaced"] == 0, "these tests' files never overlap"
        assert counts.get(book["table"], 0) == book["loaded"], (book, counts)
    assert counts.get("quarantine", 0) == sum(b["q"] for b in books), (books, counts)
    return counts


def _no_stray_files(root: Path) -> None:
    """Every Parquet file on disk is named by the manifest (or kept one generation)."""
    manifest = current(root, ICE.tables)
    named = manifest.names() | set(manifest.retired)
    on_disk = {p.relative_to(root).as_posix() for p in root.glob("*/*/*.parquet")}
    assert on_disk <= named, on_disk - named


@pytest.fixture(scope="session")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small warehouse: 30 arrests of March 2022 (FY2022) and one quarantined row."""
    folder = tmp_path_factory.mktemp("safety")
    load(Warehouse(folder / "w"), _arrests(folder / "march-2022.csv", _days(2022, 3, 30), "a"))
    return folder / "w"


@pytest.fixture(scope="session")
def new_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 arrests of March 2023 (FY2023): no overlap with the base."""
    folder = tmp_path_factory.mktemp("files")
    return _arrests(folder / "march-2023.csv", _days(2023, 3, 20), "b")


@pytest.fixture(scope="session")
def next_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 arrests of March 2021 (FY2021): the ingest after a killed one."""
    folder = tmp_path_factory.mktemp("next")
    return _arrests(folder / "march-2021.csv", _days(2021, 3, 10), "n")


def _plus_next(state: State) -> State:
    return {"arrests": state["arrests"] + 10, "quarantine": state["quarantine"] + 1,
            "releases": state["releases"] + 1}  # fmt: skip


@pytest.fixture
def copy(tmp_path: Path, base: Path) -> Path:
    shutil.copytree(base, tmp_path / "w")
    return tmp_path / "w"


BEFORE = {"arrests": 30, "quarantine": 1, "releases": 1}
AFTER = {"arrests": 50, "quarantine": 2, "releases": 2}

# The new file's ingest writes four partition files: arrests FY2022 and FY2023 (the
# whole table, merged), then its quarantined row and its releases row.
KILLS = [
    ("ingest.read", BEFORE),
    ("warehouse.locked", BEFORE),
    ("ingest.merged", BEFORE),
    # during each of the four writes (a file without its footer on disk) and after it
    *[
        (f"warehouse.partition-{step}@{n}", BEFORE)
        for n in range(1, 5)
        for step in ("open", "written")
    ],
    ("ingest.written", BEFORE),
    ("warehouse.manifest-written", BEFORE),
    ("warehouse.committed", AFTER),
    ("warehouse.cleaned", AFTER),
    ("ingest.committed", AFTER),
]


@pytest.mark.parametrize(("point", "expected"), KILLS, ids=[k[0] for k in KILLS])
def test_a_kill_at_any_point_leaves_the_warehouse_whole(
    copy: Path, new_file: Path, next_file: Path, point: str, expected: State
) -> None:
    assert _state(copy) == BEFORE
    code, _, err = _run("ingest", str(new_file), "--into", str(copy), kill_at=point)
    assert code == -signal.SIGKILL, f"the ingest was not killed at {point}: {err}"
    assert _state(copy) == expected
    # the next ingest works, and clears what the killed one left
    load(Warehouse(copy), next_file)
    assert _state(copy) == _plus_next(expected)
    _no_stray_files(copy)


def test_kills_at_random_times(tmp_path: Path, base: Path, new_file: Path, next_file: Path) -> None:
    chance = random.Random(15)
    started = time.monotonic()
    assert _run("ingest", str(new_file), "--into", str(tmp_path / "timing"))[0] == 0
    took = time.monotonic() - started
    for turn in range(4):
        root = tmp_path / f"w{turn}"
        shutil.copytree(base, root)
        proc = _yearbook("ingest", str(new_file), "--into", str(root))
        time.sleep(chance.uniform(0.3, 1.0) * took)
        proc.kill()
        proc.communicate(timeout=120)
        state = _state(root)
        assert state in (BEFORE, AFTER)
        load(Warehouse(root), next_file)
        assert _state(root) == _plus_next(state)


def test_concurrent_ingests_lose_nothing(tmp_path: Path, copy: Path) -> None:
    """Three ingests into one warehouse at once, different files of the same table."""
    files = [
        _arrests(tmp_path / f"{month:02d}-2024.csv", _days(2024, month, 25), f"c{month}")
        for month in (1, 4, 7)
    ]
    procs = [_yearbook("ingest", str(f), "--into", str(copy)) for f in files]
    results = [(p.wait(timeout=180), p.communicate()[1]) for p in procs]
    assert [code for code, _ in results] == [0, 0, 0], results
    assert _state(copy) == {"arrests": 30 + 3 * 25, "quarantine": 4, "releases": 4}
    _no_stray_files(copy)


def test_a_second_ingest_stops_with_one_line_while_one_is_writing(
    copy: Path, new_file: Path
) -> None:
    with locked(copy, wait=0):
        code, _, err = _run("ingest", str(new_file), "--into", str(copy), "--wait", "0.5")
    assert code == 2
    assert "another ingest is writing to the warehouse" in err
    assert "--wait" in err
    assert "Traceback" not in err
    assert _state(copy) == BEFORE


def test_a_warehouse_that_cannot_be_written_is_one_line(tmp_path: Path, new_file: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    code, _, err = _run("ingest", str(new_file), "--into", str(tmp_path / "file" / "w"))
    assert code == 2
    assert "cannot write to the warehouse at" in err
    assert "Traceback" not in err


def test_a_reader_keeps_its_snapshot_while_an_ingest_commits(copy: Path, new_file: Path) -> None:
    with Database(Warehouse(copy)) as db:
        load(Warehouse(copy), new_file)
        seen = db.query("SELECT COUNT(*) AS n FROM arrests").column("n")[0].as_py()
    assert seen == BEFORE["arrests"]
    assert _state(copy) == AFTER


def test_replaced_files_are_kept_one_ingest_then_removed(
    copy: Path, new_file: Path, next_file: Path
) -> None:
    load(Warehouse(copy), new_file)
    before_last = current(copy, ICE.tables).names()
    load(Warehouse(copy), next_file)
    now = current(copy, ICE.tables)
    on_disk = {p.relative_to(copy).as_posix() for p in copy.glob("*/*/*.parquet")}
    assert set(now.retired) <= before_last
    assert on_disk == now.names() | set(now.retired)


def test_years_an_ingest_leaves_alone_keep_their_checksum(copy: Path, next_file: Path) -> None:
    """Files get new names each ingest; an unchanged partition must still be seen unchanged."""
    before = Warehouse(copy).checksums(["arrests"])
    load(Warehouse(copy), next_file)
    after = Warehouse(copy).checksums(["arrests"])
    assert after[("arrests", 2022)] == before[("arrests", 2022)]
    assert sorted(after) == [("arrests", 2021), ("arrests", 2022)]


def test_a_warehouse_without_a_manifest_is_read_and_adopted(copy: Path, next_file: Path) -> None:
    (copy / "manifest.json").unlink()
    assert _state(copy) == BEFORE
    load(Warehouse(copy), next_file)
    assert (copy / "manifest.json").is_file()
    assert _state(copy) == _plus_next(BEFORE)
    _no_stray_files(copy)


def test_a_reader_two_ingests_behind_gets_one_line(
    copy: Path, new_file: Path, next_file: Path
) -> None:
    """Replaced files are kept one ingest; a reader older than that is told, not crashed."""
    with Database(Warehouse(copy)) as db:
        load(Warehouse(copy), new_file)
        load(Warehouse(copy), next_file)
        with pytest.raises(WarehouseError, match="changed while it was being read"):
            db.query("SELECT COUNT(*) FROM arrests")


# -- the replacement guard ---------------------------------------------------------------------
def test_a_two_row_file_spanning_decades_does_not_replace_a_table(
    tmp_path: Path, copy: Path
) -> None:
    days = [dt.datetime(1990, 3, 1, 9), dt.datetime(2027, 6, 1, 9)]
    path = csv_file(
        tmp_path / "tiny.csv", ARRESTS_2025, [arrest(d, f"t{i}") for i, d in enumerate(days)]
    )
    code, out, err = _run("ingest", str(path), "--into", str(copy))
    assert code != 0
    assert "would replace 30 arrests rows but brings only 2" in err
    assert "--replace" in err
    assert "Traceback" not in err
    assert _state(copy) == BEFORE

    code, out, err = _run("ingest", str(path), "--into", str(copy), "--replace", "--wait", "5")
    assert code == 0, err
    header = next(x for x in out.splitlines() if "rows in" in x)
    line = next(x for x in out.splitlines() if "tiny.csv" in x)
    cells = dict(
        zip(
            [c.strip() for c in header.split("┃") if c.strip()],
            [c.strip() for c in line.split("│") if c.strip()],
            strict=True,
        )
    )
    assert (cells["loaded"], cells["replaced"]) == ("2", "30")
    assert rows(Warehouse(copy), "SELECT COUNT(*) AS n FROM arrests") == [{"n": 2}]


def test_a_year_the_file_barely_covers_is_not_replaced(tmp_path: Path, copy: Path) -> None:
    """More rows than it replaces, but one stray 2019 date would wipe out FY2022."""
    days = [dt.datetime(2019, 6, 1, 9), *_days(2023, 5, 60)]
    path = csv_file(
        tmp_path / "stray.csv", ARRESTS_2025, [arrest(d, f"s{i}") for i, d in enumerate(days)]
    )
    with pytest.raises(ReplacementRefused, match="30 arrests rows of fiscal year 2022 but has 0"):
        load(Warehouse(copy), path)
    assert _state(copy) == BEFORE
    _no_stray_files(copy)
