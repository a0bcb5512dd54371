"""The build's API, served for the audit: a real uvicorn server on a loopback port.

The caller makes the application (``yearbook.api.create_app(out)``): the audit
reads what the API serves and knows nothing of how it is made.

>>> callable(serve_api)
True
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from yearbook.errors import InternalError

__all__ = ["ApiClient", "serve_api"]

_START_SECONDS = 20.0


class ApiClient:
    """GET requests to a running server: JSON for API paths, bytes (or None) for files."""

    def __init__(self, base: str) -> None:
        self.base = base

    def get_json(self, path: str) -> Any:
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            return json.loads(response.read().decode("utf-8"))

    def get_bytes(self, path: str) -> bytes | None:
        """The body of a successful response, or None when the server refuses the path."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError:
            return None


@contextmanager
def serve_api(app: Any) -> Iterator[ApiClient]:
    """Serve an ASGI application (a build's API) on a free loopback port, then stop it."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + _START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise InternalError("the API server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield ApiClient(f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        thread.join(timeout=_START_SECONDS)
