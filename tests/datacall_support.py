"""Helpers of the data-call tests: a real server process, a form-posting client, a
throwaway PostgreSQL cluster and a call answered from the report's submissions file."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import REPO, REPORT_DIR
from yearbook.report import Report

PG_BIN = Path("/usr/lib/postgresql/15/bin")
LISTENING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Server:
    """``yearbook datacall serve`` in its own process, on a free port."""

    db: str
    process: subprocess.Popen[str] | None = None
    url: str = ""

    def start(self) -> Server:
        command = [
            sys.executable, "-m", "yearbook.cli", "datacall", "serve", str(REPORT_DIR),
            "--db", self.db, "--port", "0", "--demo", "--insecure-cookies",
        ]  # fmt: skip
        env = {**os.environ, "YEARBOOK_DATACALL_SECRET": "test-secret-of-the-data-call"}
        self.process = subprocess.Popen(
            command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
        )
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if found := LISTENING.search(line):
                self.url = f"http://127.0.0.1:{found.group(1)}"
                return self
        raise AssertionError(f"the data-call server did not start: {self.process.wait()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, as a crash."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@contextmanager
def serving_app(app: Any) -> Iterator[str]:
    """An application on a real uvicorn server in this process, on a free port; yields
    its base URL. For tests that give the application what a command line cannot
    (a clock)."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the in-process server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@dataclass
class Client:
    """A user's session: the session cookie and the CSRF token of the last page.

    ``source`` is the loopback address it connects from (127.0.0.0/8: any), for tests
    of what the server does per client address."""

    base: str
    cookies: dict[str, str] = field(default_factory=dict)
    csrf: str = ""
    source: str = ""

    def _remember(self, response: httpx.Response) -> httpx.Response:
        for name, value in response.cookies.items():
            self.cookies[name] = value
        if found := CSRF.search(response.text):
            self.csrf = found.group(1)
        return response

    def _http(self) -> httpx.Client:
        transport = httpx.HTTPTransport(local_address=self.source or None)
        return httpx.Client(transport=transport, cookies=self.cookies, follow_redirects=False)

    def get(self, path: str) -> httpx.Response:
        with self._http() as http:
            return self._remember(http.get(self.base + path))

    def post(self, path: str, data: dict[str, str], csrf: bool = True) -> httpx.Response:
        form = {**data, "csrf": self.csrf} if csrf else dict(data)
        with self._http() as http:
            return self._remember(http.post(self.base + path, data=form))

    def login(self, name: str) -> Client:
        self.get("/login")
        response = self.post("/login", {"username": name, "password": f"{name}-demo"})
        assert response.status_code == 303, response.text
        self.get("/")
        return self


def request_ids(client: Client) -> dict[str, int]:
    """metric -> request id, from the signed-in user's list of requests."""
    page = client.get("/").text
    found = re.findall(r'<a href="/requests/(\d+)">[^<]*</a><br><code>([^<]+)</code>', page)
    return {metric: int(rid) for rid, metric in found}


def answer_all_but(report: Report, db: str, skipped: tuple[str, ...]) -> None:
    """Answer every request (but the skipped) with the report's submissions.csv rows of
    its fiscal year, as its office's demo submitter, and approve it as the demo reviewer."""
    from sqlalchemy import select

    from yearbook.datacall import open_datacall
    from yearbook.datacall.answers import AnswerForm, review, submit
    from yearbook.datacall.models import Request, User

    datacall = open_datacall(report, db)
    with (REPORT_DIR / "submissions.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if int(r["fiscal_year"]) == 2023]
    with datacall.store.session() as session:
        users = {u.username: u for u in session.scalars(select(User))}
        for asked in session.scalars(select(Request).where(Request.call_id == datacall.call_id)):
            mine = [r for r in rows if r["metric"] == asked.metric]
            if asked.metric in skipped or not mine:
                continue
            form = AnswerForm(
                value=sum(float(r["value"]) for r in mine),
                unit=mine[0]["unit"],
                qualifier=mine[0]["quantity_qualifier"],
                as_of=dt.date.fromisoformat(mine[0]["as_of_date"]),
                source=mine[0]["source"],
                items=tuple(r["item"] for r in mine if r["item"]),
                note="as in the report's submissions file",
            )
            answer = submit(session, users[asked.office], asked.id, form, 1.0)
            review(session, users["reviewer"], answer.id, "approved", "")
    datacall.store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_cluster() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free port; yields its server URL (no database)."""
    folder = Path(tempfile.mkdtemp(prefix="yearbook-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    subprocess.run(
        _as_owner([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]),
        **quiet,  # type: ignore[call-overload]
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=on"
    start = [
        str(PG_BIN / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-w",
        "-l",
        str(folder / "log"),
        "start",
    ]
    subprocess.run(_as_owner(start), **quiet)  # type: ignore[call-overload]
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        stop = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        subprocess.run(_as_owner(stop), **quiet)  # type: ignore[call-overload]
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def database(kind: str, pg_server: str | None, folder: Path, name: str) -> str:
    """A fresh database URL of a kind (sqlite or postgresql)."""
    if kind == "sqlite":
        return f"sqlite:///{folder / (name + '.sqlite')}"
    assert pg_server is not None
    return create_database(pg_server, f"{name}_{time.monotonic_ns()}")


def today() -> str:
    return dt.date.today().isoformat()


__all__ = ["REPO", "Client", "Server", "answer_all_but", "database"]
