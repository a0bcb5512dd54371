"""`yearbook serve`: the API and site of a build folder on uvicorn, in one or more processes.

Every worker serves a `LiveApp`, so each follows the folder to its newest build.
Several workers share one listening socket (uvicorn's supervisor starts them
with the app factory `app_from_environment`, which finds the folder and the
timeouts in the environment it inherits).

Timeouts: a connection must complete its request headers within ``read_timeout``
seconds of opening or of its previous response (`HeaderDeadline`: uvicorn's
HTTP parsers have no such limit of their own, and a client sending one byte at a
time would otherwise hold a connection for ever); the body has as long again
(`yearbook.api.guard.Guard`); an idle keep-alive connection is closed after
`KEEP_ALIVE` seconds.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from yearbook.api.app import LiveApp
from yearbook.api.checking import CHECK_TIMEOUT

__all__ = [
    "KEEP_ALIVE",
    "READ_TIMEOUT",
    "HeaderDeadline",
    "HttpToolsWithDeadline",
    "app_from_environment",
    "serve",
]

READ_TIMEOUT = 10.0
"""Default seconds for a request's headers, and again for its body."""
KEEP_ALIVE = 5
"""Seconds an idle keep-alive connection stays open."""
SITE_VARIABLE = "YEARBOOK_SERVE_SITE"
TIMEOUT_VARIABLE = "YEARBOOK_SERVE_READ_TIMEOUT"
CHECK_TIMEOUT_VARIABLE = "YEARBOOK_SERVE_CHECK_TIMEOUT"


def read_timeout() -> float:
    """The read timeout this process serves with."""
    return float(os.environ.get(TIMEOUT_VARIABLE) or READ_TIMEOUT)


class HeaderDeadline:
    """Closes a connection whose next request headers are not complete in time.

    Mixed into uvicorn's httptools protocol: the deadline is set when the connection
    opens and after each response, and cleared when a request's headers are complete.
    """

    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop
    cycle: Any
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        if self.cycle is None or self.cycle.response_complete:  # no pipelined request started
            self._arm()

    def _arm(self) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self._deadline = self.loop.call_later(read_timeout(), self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


class HttpToolsWithDeadline(HeaderDeadline, HttpToolsProtocol):
    """uvicorn's httptools protocol (the faster parser) with a deadline for request headers."""

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()


PROTOCOL = "yearbook.api.server:HttpToolsWithDeadline"
"""The protocol class `serve` runs, named so that worker processes import it."""


def app_from_environment() -> LiveApp:
    """The app of a worker process: the folder and timeout `serve` put in the environment."""
    check_timeout = float(os.environ.get(CHECK_TIMEOUT_VARIABLE) or CHECK_TIMEOUT)
    site = Path(os.environ[SITE_VARIABLE])
    return LiveApp(site, read_timeout=read_timeout(), check_timeout=check_timeout)


def serve(
    site: Path,
    host: str,
    port: int,
    workers: int = 1,
    timeout: float = READ_TIMEOUT,
    access_log: bool = False,
    check_timeout: float = CHECK_TIMEOUT,
) -> None:
    """Serve ``site`` until interrupted; the folder is checked before anything listens."""
    import uvicorn

    # a folder that is not a build stops here
    app = LiveApp(site, read_timeout=timeout, check_timeout=check_timeout)
    os.environ[SITE_VARIABLE] = str(Path(site).absolute())
    os.environ[TIMEOUT_VARIABLE] = str(timeout)
    os.environ[CHECK_TIMEOUT_VARIABLE] = str(check_timeout)
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "http": PROTOCOL,
        "timeout_keep_alive": KEEP_ALIVE,
        "server_header": False,
        "log_level": "info",
        "access_log": access_log,
    }
    if workers > 1:
        target = "yearbook.api.server:app_from_environment"
        uvicorn.run(target, factory=True, workers=workers, **options)
    else:
        uvicorn.run(app, **options)
