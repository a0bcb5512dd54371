"""`yearbook check` and the API's ``POST /api/check`` read a text alike, and a running API is
a source of figures for `yearbook check` (``--figures http://host:port``).

Both against a real `yearbook serve` of the demo build, on a port the OS chose.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from tests.conftest import REPORT_DIR, Demo, http_server
from tests.test_api import serving
from yearbook.claims.context import CONTEXT_FILE, read_context, report_context
from yearbook.claims.remote import read_api
from yearbook.cli import main
from yearbook.errors import UserError
from yearbook.figures import Figure
from yearbook.figures.wire import FigureRecord
from yearbook.reconcile import NOT_COMPUTABLE, Line, write_reconciliation

COMPARED = ("text", "start", "end", "value", "kind", "fiscal_year", "verdict", "metric")
"""What the API says of each claim, besides its reason (compared apart: it must be equal)."""


@pytest.fixture(scope="module")
def api(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`yearbook serve` on the demo build; yields its base URL."""
    with serving(demo.result.out, tmp_path_factory.mktemp("api") / "server.log") as url:
        yield url


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """`yearbook check` through the real entry point: its exit code and what it printed."""
    with pytest.raises(SystemExit) as stop:
        main(["check", *args, "--report", str(REPORT_DIR)])
        raise SystemExit(0)
    printed = capsys.readouterr()
    return int(stop.value.code or 0), printed.out + printed.err


def cli_claims(
    capsys: pytest.CaptureFixture[str], text: Path, *sources: str
) -> list[dict[str, Any]]:
    figures = [arg for source in sources for arg in ("--figures", source)]
    code, out = cli(capsys, str(text), *figures, "--format", "json", "--fy", "2023")
    assert code in (0, 1), out
    claims: list[dict[str, Any]] = json.loads(out)
    return claims


def deported(demo: Demo) -> str:
    """A text whose verb only the pack's vocabulary ties to removals."""
    removals = demo.result.figures.value("ero.removals", 2023)
    arrests = demo.result.figures.value("ero.admin_arrests", 2023)
    return (
        f"In FY 2023 the agency deported {removals:,.0f} people.\n\n"
        f"ERO made {arrests:,.0f} administrative arrests, and deported {removals + 7:,.0f}.\n"
    )


# ------------------------------------------------------------ POST /api/check as the CLI


def test_a_listed_figure_holds_every_field_of_a_figure_but_its_sql() -> None:
    """The API's figure (and the checker's reading of it) keeps pace with the figures table."""
    fields = [f.name for f in dataclasses.fields(Figure) if f.name != "sql"]
    assert list(FigureRecord.model_fields) == fields


def test_a_build_publishes_what_the_cli_reads_its_report_with(demo: Demo) -> None:
    assert (demo.result.out / CONTEXT_FILE).is_file()
    published = read_context(demo.result.out)
    assert published is not None
    expected = report_context(REPORT_DIR)
    assert published.vocabulary == expected.vocabulary is not None
    assert published.metrics == expected.metrics
    assert set(demo.result.figures.metrics) < set(published.metrics)  # declared, not computed


def test_the_api_checks_a_text_as_the_cli_does(
    api: str, demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = deported(demo)
    file = tmp_path / "text.md"
    file.write_text(text, encoding="utf-8")
    by_cli = cli_claims(capsys, file, str(demo.result.out))
    answer = httpx.post(f"{api}/api/check", json={"text": text, "fiscal_year": 2023}, timeout=30)
    by_api = answer.json()["claims"]
    assert [{k: c[k] for k in COMPARED} for c in by_api] == [
        {k: c[k] for k in COMPARED} for c in by_cli
    ]
    assert [(c["reason"], c["expected"]) for c in by_api] == [
        (c["reason"], c["expected"]) for c in by_cli
    ]
    first = by_api[0]  # "deported": linked through the pack's vocabulary
    assert (first["verdict"], first["metric"]) == ("supported", "ero.removals"), first
    assert "deport" in first["reason"]
    wrong = by_api[-1]
    assert (wrong["verdict"], wrong["metric"]) == ("contradicted", "ero.removals"), wrong


def test_the_api_reads_a_texts_date_as_the_cli_does(api: str, demo: Demo) -> None:
    figures = demo.result.figures
    now, then = figures.value("ero.removals", 2023), figures.value("ero.removals", 2022)
    change = 100 * (now / then - 1)
    word = "rose" if change > 0 else "fell"
    text = (
        f"Removals {word} {abs(change):.1f} percent in the year to September from a year earlier."
    )

    def verdicts(**extra: Any) -> list[tuple[str, int | None]]:
        answer = httpx.post(f"{api}/api/check", json={"text": text, **extra}, timeout=30)
        return [(c["verdict"], c["fiscal_year"]) for c in answer.json()["claims"]]

    assert verdicts(date="2023-12-01") == [("supported", 2023)]
    assert verdicts() == [("unverifiable", None)]
    bad = httpx.post(f"{api}/api/check", json={"text": text, "date": "soon"}, timeout=30)
    assert bad.status_code == 422


def test_the_api_reads_what_its_build_cannot_compute_as_the_cli_does(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = tmp_path / "site"
    shutil.copytree(demo.result.out.resolve(), build)
    reason = "the release has no criminality column"
    blocked = Line(
        "ero_arrests_criminal_history", "", 2023, "", "", None, 1.0, None,
        NOT_COMPUTABLE, NOT_COMPUTABLE, reason, "", 0.0,
    )  # fmt: skip
    write_reconciliation([blocked], build)
    value = demo.result.figures.value("ero.arrests_criminal_history", 2023)
    file = tmp_path / "text.md"
    file.write_text(f"In FY 2023, ERO arrested {value - 2000:,.0f} aliens with criminal histories.")
    (by_cli,) = cli_claims(capsys, file, str(build))
    with serving(build, tmp_path / "server.log") as url:
        body = {"text": file.read_text(), "fiscal_year": 2023}
        (by_api,) = httpx.post(f"{url}/api/check", json=body, timeout=30).json()["claims"]
    assert by_api["verdict"] == by_cli["verdict"] == "unverifiable"
    assert by_api["reason"] == by_cli["reason"] and reason in by_api["reason"]


# ------------------------------------------------------------ --figures http://host:port


def test_a_running_api_is_a_source_of_figures_like_its_build(
    api: str, demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    read = read_api(api)
    assert len(read) == len(demo.result.figures)
    for fig in demo.result.figures:
        got = read.get(fig.metric, fig.fiscal_year, fig.breakdown, fig.breakdown_value)
        assert (got.value, got.status, got.bound) == (fig.value, fig.status, fig.bound)
    file = tmp_path / "text.md"
    file.write_text(deported(demo), encoding="utf-8")
    assert cli_claims(capsys, file, api) == cli_claims(capsys, file, str(demo.result.out))


def test_an_api_and_a_csv_are_checked_as_their_union(
    api: str, demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earliest = min(demo.result.figures.years)
    published = tmp_path / "published.csv"
    published.write_text(f"metric,fiscal_year,value\nero.removals,{earliest - 5},61234\n")
    removals = demo.result.figures.value("ero.removals", 2023)
    file = tmp_path / "text.md"
    file.write_text(
        f"In FY {earliest - 5}, ICE removed 61,234 people.\n\n"
        f"In FY 2023, ICE removed {removals:,.0f} people.\n",
        encoding="utf-8",
    )
    alone = cli_claims(capsys, file, api)
    both = cli_claims(capsys, file, api, str(published))
    assert [c["verdict"] for c in alone] == ["unverifiable", "supported"]
    assert [c["verdict"] for c in both] == ["supported", "supported"]


class _Answers(BaseHTTPRequestHandler):
    """A server that is not `yearbook serve`: each path answers as `ANSWERS` says."""

    ANSWERS: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {
        "/html/api/figures": (200, {"Content-Type": "text/html"}, b"<html>no</html>"),
        "/shape/api/figures": (200, {}, b'{"figures": [{"metric": 1}]}'),
        "/large/api/figures": (200, {}, b'{"figures": [' + b" " * 5000 + b"]}"),
        "/away/api/figures": (302, {"Location": "ftp://127.0.0.1/figures"}, b""),
    }

    def do_GET(self) -> None:
        status, headers, body = self.ANSWERS.get(self.path.split("?")[0], (404, {}, b"{}"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def other_server() -> Iterator[str]:
    with http_server(_Answers) as origin:
        yield origin


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/html", "not the API's figures"),
        ("/shape", "not the API's figures"),
        ("/nothing", "HTTP 404"),
        ("/away", "refused a redirect to ftp://127.0.0.1/figures"),
    ],
)
def test_what_is_not_the_api_is_one_line_naming_the_url(
    other_server: str, path: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "text.md"
    file.write_text("ICE removed 1,234 people in FY 2023.\n", encoding="utf-8")
    code, printed = cli(capsys, str(file), "--figures", other_server + path)
    assert code == 2
    (line,) = printed.strip().splitlines()
    assert line.startswith(f"error: could not read figures from {other_server}{path}: "), line
    assert said in line and line.endswith("is `yearbook serve` running?"), line


def test_limits_and_network_failures_are_user_errors(other_server: str, silent_port: int) -> None:
    with pytest.raises(UserError, match="larger than 1,000 bytes"):
        read_api(other_server + "/large", max_bytes=1000)
    with pytest.raises(UserError, match="timed out"):
        read_api(f"http://127.0.0.1:{silent_port}", timeout=0.5)
    with pytest.raises(UserError, match="refused"):
        read_api(f"http://127.0.0.1:{closed_port()}")


@pytest.mark.parametrize("url", ["http://[::1", "http:///figures", "http://127.0.0.1:port"])
def test_a_malformed_url_is_one_line(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "text.md"
    file.write_text("ICE removed 1,234 people in FY 2023.\n", encoding="utf-8")
    code, printed = cli(capsys, str(file), "--figures", url)
    assert code == 2
    (line,) = printed.strip().splitlines()
    assert line.startswith(f"error: could not read figures from {url}: "), line


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/figures", "gopher://x"])
def test_only_http_and_https_are_read(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "text.md"
    file.write_text("ICE removed 1,234 people in FY 2023.\n", encoding="utf-8")
    code, printed = cli(capsys, str(file), "--figures", url)
    assert code == 2
    assert "only http:// and https:// addresses are read" in printed
