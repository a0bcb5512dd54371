"""The API server against hostile and careless clients, on a real `yearbook serve`.

A body over the limit is refused while it arrives, chunked or not, and the
server's memory does not grow with it; clients that send their headers or body
too slowly are disconnected; every response carries a strict CSP and the usual
security headers; ``/docs`` loads nothing from another host and runs under the
CSP in a real browser; no response repeats the ``Host`` header. And the
in-memory answers are exactly what the DuckDB queries of earlier versions gave.
"""

from __future__ import annotations

import json
import re
import select
import socket
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from tests.conftest import Demo
from tests.test_api import assert_error, server_process
from yearbook.api import FigureStore
from yearbook.warehouse import Database

READ_TIMEOUT = 1.0
"""The server's read timeout in these tests (``--read-timeout``)."""
LIMIT = 64_000
"""The documented body limit of the API."""
EVIL_HOST = "evil-host.example:6666"

CSP_DIRECTIVES = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
}
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


@pytest.fixture(scope="module")
def server(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """`yearbook serve` on the demo build with a short read timeout: its URL and pid."""
    log = tmp_path_factory.mktemp("api-safety") / "server.log"
    options = ("--read-timeout", str(READ_TIMEOUT))
    with server_process(demo.result.out, log, *options) as (url, proc):
        yield url, proc.pid


@pytest.fixture(scope="module")
def url(server: tuple[str, int]) -> str:
    return server[0]


# -- raw HTTP -------------------------------------------------------------------------------
def connect(url: str) -> socket.socket:
    parts = urlparse(url)
    assert parts.hostname and parts.port
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 response with a Content-Length: status, headers, body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the server closed the connection after {data!r}"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:])
    while len(body) < int(headers["content-length"]):
        body += sock.recv(65536)
    return int(lines[0].split()[1]), headers, body


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """Whether the server closes the connection within ``within`` seconds (reading all)."""
    deadline = time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([sock], [], [], left)
        if readable:
            try:
                if not sock.recv(65536):
                    return True
            except ConnectionResetError:
                return True
    return False


def peak_memory_mb(pid: int) -> float:
    """The largest resident set the process has had (VmHWM), in MB."""
    status = open(f"/proc/{pid}/status").read()  # noqa: SIM115
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    assert found, status
    return int(found.group(1)) / 1024


CHECK_CHUNKED = (
    b"POST /api/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n"
)
CHUNK = b"4000\r\n" + b"x" * 0x4000 + b"\r\n"


# -- body limit -----------------------------------------------------------------------------
def test_a_chunked_body_over_the_limit_is_refused_while_it_arrives(url: str) -> None:
    with connect(url) as sock:
        sock.sendall(CHECK_CHUNKED)
        sent = 0
        while sent < 32 * 2**20:
            sock.sendall(CHUNK)
            sent += 0x4000
            if select.select([sock], [], [], 0)[0]:
                break
        status, _, body = read_response(sock)
    assert status == 413
    assert json.loads(body)["error"]["code"] == "too_large"
    assert sent < 4 * 2**20, f"the answer came only after {sent:,} bytes"


def test_a_huge_chunked_body_does_not_grow_the_server(server: tuple[str, int]) -> None:
    url, pid = server
    before = peak_memory_mb(pid)
    with connect(url) as sock:
        sock.sendall(CHECK_CHUNKED)
        for _ in range(64 * 2**20 // 0x4000):  # 64 MiB, sent whole whatever the server says
            sock.sendall(CHUNK)
        sock.sendall(b"0\r\n\r\n")
        status, _, body = read_response(sock)
    assert status == 413, body
    assert peak_memory_mb(pid) - before < 32, "the server kept the body in memory"


def test_a_declared_length_over_the_limit_is_refused_before_the_body(url: str) -> None:
    with connect(url) as sock:
        sock.sendall(
            b"POST /api/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % (LIMIT + 1)
        )
        status, headers, body = read_response(sock)
    assert status == 413
    assert json.loads(body)["error"]["code"] == "too_large"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_a_body_within_the_limit_still_works(url: str) -> None:
    text = "ERO made 170,590 administrative arrests in FY 2023. " * 100
    response = httpx.post(f"{url}/api/check", json={"text": text}, timeout=30)
    assert response.status_code == 200
    assert response.json()["count"] >= 100


# -- read timeouts --------------------------------------------------------------------------
def test_slow_clients_are_disconnected(url: str) -> None:
    idle = [connect(url) for _ in range(5)]
    half_headers = [connect(url) for _ in range(20)]
    for sock in half_headers:
        sock.sendall(b"GET /api/metrics HTTP/1.1\r\nHost: t\r\n")
    half_body = connect(url)
    half_body.sendall(
        b"POST /api/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"text": "'
    )
    trickle = connect(url)
    trickle.sendall(b"GET /api/metrics HTTP/1.1\r\n")
    started = time.monotonic()
    trickle_closed = False
    while not trickle_closed and time.monotonic() - started < 4 * READ_TIMEOUT:
        try:
            trickle.sendall(b"X")  # one header byte at a time, never a whole header
        except OSError:
            trickle_closed = True
        trickle_closed = trickle_closed or closed_by_server(trickle, READ_TIMEOUT / 5)
    assert trickle_closed, "a client trickling its headers is never cut off"
    status, _, body = read_response(half_body)
    assert status == 408
    assert json.loads(body)["error"]["code"] == "timeout"
    for sock in [*idle, *half_headers, half_body]:
        assert closed_by_server(sock, 3 * READ_TIMEOUT)
        sock.close()
    trickle.close()
    assert httpx.get(f"{url}/api/metrics", timeout=10).status_code == 200


# -- headers --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/figures/ero.admin_arrests.html",
        "/assets/style.css",
        "/api/metrics",
        "/api/metrics/ero.admin_arrests",
        "/api/figures?metric=ero.admin_arrests&fy=2023",
        "/api/figures?breakdown=nope",
        "/api/nothing",
        "/docs",
        "/openapi.json",
        "/figures",
    ],
)
def test_every_response_has_the_security_headers(url: str, path: str) -> None:
    for _ in range(2):  # the first answer and the remembered one
        response = httpx.get(url + path, timeout=10)
        csp = response.headers.get("content-security-policy", "")
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
        for name, value in CSP_DIRECTIVES.items():
            assert directives.get(name) == value, (path, csp)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (path, name)
        assert "permissions-policy" in response.headers


# -- docs -----------------------------------------------------------------------------------
def test_docs_load_nothing_from_another_host(url: str) -> None:
    page = httpx.get(f"{url}/docs", timeout=10)
    assert page.status_code == 200
    links = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", page.text)
    assert links
    for link in links:
        assert link.startswith("/") and not link.startswith("//"), link
        assert httpx.get(url + link, timeout=10).status_code == 200, link
    assert "http" not in page.text.lower()


def open_page(browser: Any, address: str) -> tuple[Any, list[str], list[str]]:
    """A page loaded in Chromium: the page, its console errors, its requests elsewhere."""
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else 0)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def guard(route: Any) -> None:
        if urlparse(route.request.url).hostname != "127.0.0.1":
            foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    page.goto(address, wait_until="load")
    return page, errors, foreign


def test_docs_work_under_the_csp_in_a_browser(browser: Any, url: str) -> None:
    page, errors, foreign = open_page(browser, f"{url}/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 4
    assert errors == [] and foreign == []
    page.context.close()


@pytest.mark.parametrize("path", ["index.html", "figures/ero.admin_arrests.html", "claims.html"])
def test_the_site_works_under_the_csp_in_a_browser(browser: Any, url: str, path: str) -> None:
    page, errors, foreign = open_page(browser, f"{url}/{path}")
    if path == "index.html":
        assert page.locator("table.sortable th button").count() > 0  # the site's script ran
    assert page.locator("link[rel=stylesheet]").evaluate("l => l.sheet.cssRules.length") > 0
    assert errors == [] and foreign == []
    page.context.close()


# -- Host -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    ["/figures", "/charts", "/data", "/", "/docs", "/openapi.json", "/api/nothing", "/x.html"],
)
def test_a_crafted_host_is_never_echoed(url: str, path: str) -> None:
    response = httpx.get(url + path, headers={"Host": EVIL_HOST}, timeout=10)
    assert "evil-host" not in response.text
    for name, value in response.headers.items():
        assert "evil-host" not in value, (name, value)
    if response.is_redirect:
        assert response.headers["location"].startswith("/")
        assert not response.headers["location"].startswith("//")


def test_a_redirect_cannot_lead_to_another_host(url: str) -> None:
    response = httpx.get(f"{url}//evil-host.example/../figures", timeout=10)
    assert not response.headers.get("location", "/").startswith("//")


# -- the index gives what the database gave -------------------------------------------------
COLUMNS = (
    "metric, fiscal_year, breakdown, breakdown_value, value, unit, status, bound, position, "
    "prior_value, yoy_change, yoy_change_pct, fingerprint"
)


def sql_answer(db: Database, where: list[str]) -> list[dict[str, Any]]:
    """What the API answered before the index: its query, on DuckDB, as JSON."""
    sql = (
        f"SELECT {COLUMNS} FROM figures"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY metric, fiscal_year, breakdown, breakdown_value"
    )
    rows = db.query(sql).to_pylist()
    cleaned = [
        {k: None if isinstance(v, float) and v != v else v for k, v in r.items()} for r in rows
    ]
    return json.loads(json.dumps(cleaned))


def test_the_index_answers_as_the_database_did(demo: Demo, url: str) -> None:
    store = FigureStore(demo.result.out)
    years = sorted(store.figures.years)
    with Database() as db:
        db.register_arrow("figures", store.figures.table)
        for metric in store.metrics:
            got = json.loads(store.figures_json(metric, None, "all"))["figures"]
            assert got == sql_answer(db, [f"metric = '{metric}'"]), metric
            expected = sql_answer(db, [f"metric = '{metric}'", "breakdown = ''"])
            first = httpx.get(f"{url}/api/metrics/{metric}", timeout=10)
            again = httpx.get(f"{url}/api/metrics/{metric}", timeout=10)
            assert first.json()["figures"] == expected, metric
            assert again.content == first.content
        for fy in [None, *years]:
            year = [] if fy is None else [f"fiscal_year = {fy}"]
            for breakdown in ["headline", "all", *store.breakdowns]:
                clause = {"headline": ["breakdown = ''"], "all": []}.get(
                    breakdown, [f"breakdown = '{breakdown}'"]
                )
                got = json.loads(store.figures_json(None, fy, breakdown))["figures"]
                assert got == sql_answer(db, year + clause), (fy, breakdown)


def test_unusual_spellings_get_the_routes_answers(url: str) -> None:
    plain = httpx.get(f"{url}/api/figures?metric=ero.admin_arrests&fy=2023", timeout=10)
    for query in ["fy=2023&metric=ero.admin_arrests", "metric=ero.admin_arrests&fy=02023"]:
        assert httpx.get(f"{url}/api/figures?{query}", timeout=10).json() == plain.json()
    assert_error(httpx.get(f"{url}/api/figures?fy=1800", timeout=10), 422, "invalid_request")
    assert_error(httpx.get(f"{url}/api/figures?fy=2023&fy=x", timeout=10), 422, "invalid_request")
