"""The read-only API, against a real uvicorn server started by `yearbook serve`.

Every error has one JSON shape; names are checked against the declared ones;
schemathesis fuzzes the API against its own OpenAPI schema and finds nothing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import Demo
from yearbook.build import build
from yearbook.report import Report
from yearbook.warehouse import Database, Warehouse

BIN = Path(sys.executable).parent

SCHEMATHESIS_CONFIG = """
# A body over the size limit is refused with 413 Content Too Large (not in the default list).
[checks.negative_data_rejection]
expected-statuses = ["400", "404", "405", "413", "422"]
"""


@contextmanager
def server_process(
    out: Path, log_path: Path, *options: str
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`yearbook serve OUT [OPTIONS]` on a free port; yields its base URL and its process."""
    command = [str(BIN / "yearbook"), "serve", str(out), "--port", "0", *options]
    with log_path.open("w") as log:
        proc = subprocess.Popen(command, stderr=log, stdout=log)
    try:
        deadline = time.monotonic() + 60
        found = None
        while time.monotonic() < deadline and found is None and proc.poll() is None:
            time.sleep(0.1)
            found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", log_path.read_text())
        assert found, "the server did not start: " + log_path.read_text()[-2000:]
        yield found.group(1), proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def serving(out: Path, log_path: Path, *options: str) -> Iterator[str]:
    """`yearbook serve OUT [OPTIONS]` on a free port; yields its base URL."""
    with server_process(out, log_path, *options) as (url, _):
        yield url


@pytest.fixture(scope="module")
def api(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`yearbook serve` on the demo build; yields its base URL."""
    with serving(demo.result.out, tmp_path_factory.mktemp("api") / "server.log") as url:
        yield url


def get(api: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(f"{api}{path}", params=params, timeout=10)


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    """The one error shape: {"error": {"status", "code", "message", "hint"}}."""
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "hint"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]


def test_metrics_lists_every_declared_metric(api: str, demo: Demo) -> None:
    body = get(api, "/api/metrics").json()
    assert [m["id"] for m in body] == list(demo.report.for_tables(demo.warehouse.tables()).metrics)
    arrests = next(m for m in body if m["id"] == "ero.admin_arrests")
    assert arrests["source_tables"] == ["arrests"]
    assert arrests["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
    assert arrests["definition"] == demo.report.metrics["ero.admin_arrests"].definition


def test_a_metric_has_its_headline_figure_per_year(api: str, demo: Demo) -> None:
    body = get(api, "/api/metrics/ero.admin_arrests").json()
    values = {f["fiscal_year"]: f["value"] for f in body["figures"]}
    figures = demo.result.figures
    assert values == {y: figures.value("ero.admin_arrests", y) for y in demo.report.spec.years}


@pytest.mark.parametrize(
    ("params", "expected_rows"),
    [
        ({"metric": "ero.admin_arrests", "fy": 2023}, 1),
        ({"metric": "ero.admin_arrests"}, 5),
        ({"metric": "ero.admin_arrests", "fy": 2023, "breakdown": "aor"}, None),
        ({"fy": 1990}, 0),
    ],
)
def test_figures_filter(
    api: str, demo: Demo, params: dict[str, object], expected_rows: int | None
) -> None:
    body = get(api, "/api/figures", **params).json()
    assert body["count"] == len(body["figures"])
    if expected_rows is None:
        expected_rows = len(demo.result.figures.breakdown("ero.admin_arrests", 2023, "aor"))
    assert body["count"] == expected_rows
    for fig in body["figures"]:
        stored = demo.result.figures.get(
            fig["metric"], fig["fiscal_year"], fig["breakdown"], fig["breakdown_value"]
        )
        assert fig["value"] == stored.value


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/figures", {"breakdown": "person_id"}, 400, "unknown_breakdown"),
        ("/api/figures", {"breakdown": "aor' OR 1=1 --"}, 400, "unknown_breakdown"),
        ("/api/figures", {"metric": "nope"}, 404, "unknown_metric"),
        ("/api/figures", {"fy": "last"}, 422, "invalid_request"),
        ("/api/metrics/ero.nothing", {}, 404, "unknown_metric"),
        ("/api/nothing", {}, 404, "not_found"),
        ("/.yearbook/figures.parquet", {}, 404, "not_found"),
    ],
)
def test_errors_have_one_shape(
    api: str, path: str, params: dict[str, object], status: int, code: str
) -> None:
    assert_error(get(api, path, **params), status, code)


def test_the_api_is_read_only(api: str) -> None:
    assert_error(httpx.post(f"{api}/api/figures", json={}), 405, "method_not_allowed")
    assert_error(httpx.delete(f"{api}/api/metrics/ero.admin_arrests"), 405, "method_not_allowed")


def test_check_is_size_limited(api: str) -> None:
    response = httpx.post(f"{api}/api/check", json={"text": "x" * 70_000}, timeout=10)
    assert_error(response, 413, "too_large")
    response = httpx.post(f"{api}/api/check", json={"text": "x" * 30_000}, timeout=10)
    assert_error(response, 422, "invalid_request")


def test_check_returns_verdicts(api: str, demo: Demo) -> None:
    text = "ERO made 170,590 administrative arrests in FY 2023."
    body = httpx.post(f"{api}/api/check", json={"text": text}, timeout=30).json()
    assert body["count"] == len(body["claims"])
    for claim in body["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_check_links_claims_by_the_declared_names(api: str, demo: Demo) -> None:
    # "known or suspected terrorists" is a declared synonym; the metric id says only "kst".
    kst = demo.result.figures.find("ero.removals_kst", 2023)
    assert kst is not None and kst.value is not None
    for value, verdict in ((int(kst.value), "supported"), (int(kst.value) + 40, "contradicted")):
        text = f"In FY 2023, ERO removed {value:,} known or suspected terrorists."
        body = httpx.post(f"{api}/api/check", json={"text": text}, timeout=30).json()
        (claim,) = [c for c in body["claims"] if c["text"].startswith(f"{value:,}")]
        assert claim["metric"] == "ero.removals_kst", claim
        assert claim["verdict"] == verdict, claim


def test_serve_moves_to_each_new_build_without_a_restart(
    report: Report, warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    first = build(report, warehouse_copy, out)
    before = first.figures.value("ero.removals", 2023)
    log = tmp_path / "server.log"
    with serving(out, log, "--workers", "2") as url:
        deadline = time.monotonic() + 60
        while log.read_text().count("Application startup complete") < 2:
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        for _ in range(20):  # on new connections, so both workers answer
            figures = get(url, "/api/metrics/ero.removals").json()["figures"]
            assert figures[-1]["value"] == before
        with Database(warehouse_copy) as db:
            rows = db.query("SELECT * EXCLUDE (fiscal_year) FROM removals WHERE fiscal_year = 2023")
        warehouse_copy.write_table("removals", rows.slice(0, rows.num_rows - 25), replace=True)
        build(report, warehouse_copy, out)

        for _ in range(20):  # every worker follows the folder to the new build
            figures = get(url, "/api/metrics/ero.removals").json()["figures"]
            assert {f["fiscal_year"]: f["value"] for f in figures}[2023] == before - 25
        page = get(url, "/figures/ero.removals.html")
        assert f"{int(before - 25):,}" in page.text and f"{int(before):,}" not in page.text
        assert get(url, "/build.json").json() == json.loads((out / "build.json").read_text())


def test_the_site_is_served_beside_the_api(api: str) -> None:
    page = get(api, "/")
    assert page.status_code == 200
    assert '<section class="office"' in page.text
    assert get(api, "/openapi.json").json()["paths"].keys() >= {
        "/api/metrics",
        "/api/metrics/{metric_id}",
        "/api/figures",
        "/api/check",
    }


def test_schemathesis_finds_no_failure(api: str, tmp_path: Path) -> None:
    st = Path(sys.executable).parent / "st"
    config = tmp_path / "schemathesis.toml"
    config.write_text(SCHEMATHESIS_CONFIG)
    command = [
        "timeout", "150", str(st), "--config-file", str(config), "run", f"{api}/openapi.json",
        "--max-examples", "25", "--request-timeout", "10", "--seed", "1",
        "--generation-database", "none", "--workers", "1", "--no-color",
        "--phases", "examples,coverage,fuzzing",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_serve_refuses_a_folder_that_is_not_a_build(tmp_path: Path) -> None:
    run = subprocess.run(
        [str(BIN / "yearbook"), "serve", str(tmp_path)], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert "no figures table" in " ".join(run.stderr.split())
