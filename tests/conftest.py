"""Shared fixtures: the flagship report, the demo warehouse and its build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from ice_generator import write_demo

from yearbook.build import BuildResult, build
from yearbook.packs import Pack, load_pack
from yearbook.report import Report, load_report
from yearbook.warehouse import Warehouse

REPO = Path(__file__).resolve().parents[1]
REPORT_DIR = REPO / "reports" / "ice-fy2023"
ICE_PACK_DIR = REPO / "packs" / "ice"
ICE: Pack = load_pack(ICE_PACK_DIR)
"""The ICE pack: its tables, layouts and vocabulary (loaded once)."""
SHARED = REPO.parent / "shared"
SEED_PAGE = SHARED / "seed" / "000_212e185398705e82.txt"
OFFICIAL_FIGURES = SHARED / "data" / "official_figures.csv"
CBP_REPORT_DIR = REPO / "reports" / "cbp-encounters-fy2023"
CBP_CSV = SHARED / "data" / "real" / "cbp" / "cbp-nationwide-encounters-fy20-fy23-state.csv"

# Property tests are judged by their examples, not by how fast a busy machine runs
# one: a per-example deadline only makes them flaky. Speed is for the benchmarks.
settings.register_profile("yearbook", deadline=None)
settings.load_profile("yearbook")


def copy_report(tmp_path: Path) -> Path:
    """A private copy of the flagship report with its pack beside it, as in the repository."""
    folder = tmp_path / "reports" / REPORT_DIR.name
    shutil.copytree(REPORT_DIR, folder)
    shutil.copytree(ICE_PACK_DIR, tmp_path / "packs" / ICE_PACK_DIR.name)
    return folder


@dataclass
class Demo:
    report: Report
    warehouse: Warehouse
    result: BuildResult


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report(REPORT_DIR)


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory, report: Report) -> Warehouse:
    """The demo records, generated once per test run. Tests must not modify it."""
    warehouse = Warehouse(tmp_path_factory.mktemp("demo") / "warehouse", report.pack.tables)
    write_demo(warehouse, report.folder, seed=2023)
    return warehouse


@pytest.fixture(scope="session")
def demo(
    tmp_path_factory: pytest.TempPathFactory, report: Report, demo_warehouse: Warehouse
) -> Demo:
    """The demo report built once per test run."""
    out = tmp_path_factory.mktemp("build") / "site"
    built = report.for_tables(demo_warehouse.tables())  # sections whose tables are there
    return Demo(built, demo_warehouse, build(report, demo_warehouse, out))


@pytest.fixture
def warehouse_copy(tmp_path: Path, demo_warehouse: Warehouse) -> Iterator[Warehouse]:
    """A private copy of the demo warehouse that a test may change."""
    target = tmp_path / "warehouse"
    shutil.copytree(demo_warehouse.root, target)
    yield Warehouse(target, demo_warehouse.schemas)


@dataclass
class CbpBuild:
    """The CBP report as `make cbp` builds it from CBP's published table."""

    out: Path
    """The build folder (`site` under `make cbp`'s output folder)."""
    output: str
    """What `make cbp` printed."""


@pytest.fixture(scope="session")
def cbp_build(tmp_path_factory: pytest.TempPathFactory) -> CbpBuild:
    """`make cbp`, run once: ingest CBP's table with `yearbook ingest`, build its report with
    `yearbook build` (the installed `yearbook` of this interpreter; the install step is not
    redone)."""
    if not CBP_CSV.is_file():
        pytest.skip("CBP's encounters table (shared/data/real/cbp/) is not beside this checkout")
    root = tmp_path_factory.mktemp("cbp")
    settings = [f"CBP={root}", f"CBP_CSV={CBP_CSV}", f"BIN={Path(sys.executable).parent}"]
    run = subprocess.run(
        ["make", "-s", "-C", str(REPO), "cbp", *settings, "-o", ".venv/.installed"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return CbpBuild(root / "site", run.stdout)


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_PAGE.is_file():
        pytest.skip("the seed page (shared/seed/) is not beside this checkout")
    return SEED_PAGE.read_text(encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files (tests/golden/) from the code instead of comparing",
    )


@dataclass
class RealBuilds:
    """ICE's real records ingested and both real reports built (`make real`)."""

    out: Path
    log: str

    @property
    def warehouse(self) -> Warehouse:
        return Warehouse(self.out / "warehouse")

    def report(self, name: str) -> Path:
        return self.out / name


@pytest.fixture(scope="session")
def real_builds(tmp_path_factory: pytest.TempPathFactory) -> RealBuilds:
    """`make real` once per test run: the real files ingested, both real reports built."""
    import os
    import subprocess
    import sys

    if not (SHARED / "data" / "real" / "foia-2019-icfo-53623").is_dir():
        pytest.skip("ICE's real records (shared/data/real/) are not beside this checkout")
    out = tmp_path_factory.mktemp("real") / "yearbook-real"
    env = {
        **os.environ,
        "BIN": str(Path(sys.executable).parent),
        "DATA": str(SHARED / "data"),
        "OUT": str(out),
        "COLUMNS": "200",  # each file's accounting on one line, whatever the runner set
    }
    run = subprocess.run(
        ["sh", "scripts/real.sh"], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return RealBuilds(out, run.stdout + run.stderr)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the whole run (Debian's postgresql 15)."""
    from tests.datacall_support import PG_BIN, postgres_cluster

    assert (PG_BIN / "initdb").exists(), "PostgreSQL is missing: run `sh scripts/test-setup.sh`"
    with postgres_cluster() as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def datacall_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh data-call database URL per test module, on SQLite and on PostgreSQL."""
    from tests.datacall_support import database

    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    name = request.module.__name__.rsplit(".", 1)[-1]
    return database(request.param, server, tmp_path_factory.mktemp("datacall"), name)


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, which `scripts/test-setup.sh` installs."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (one per test module)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "chromium is missing: run `sh scripts/test-setup.sh`"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def http_server(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """A local HTTP server on a port the OS chooses, serving in a thread; yields its origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
