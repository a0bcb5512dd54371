"""Figures read from a running `yearbook serve`: ``yearbook check --figures http://host:port``.

The API lists every figure of its build, with its metric, fiscal year, breakdown and
value, at ``GET /api/figures?breakdown=all`` (`FIGURES_PATH`); one request reads
them all. Only ``http`` and ``https`` URLs are read, and only those: a redirect to
another scheme is refused. The answer is read within `TIMEOUT` seconds and
`MAX_BYTES` bytes. Any failure -- no server, a refused connection, an error
status, a body too large, slow or not the API's JSON -- is one `UserError`
line that names the URL.

>>> is_url("http://127.0.0.1:8000"), is_url("build/site"), is_url("ftp://host/x")
(True, False, True)
>>> figures_url("https://example.org/yearbook/")
'https://example.org/yearbook/api/figures?breakdown=all'
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, ValidationError

from yearbook.errors import UserError
from yearbook.figures import FIGURES_SCHEMA, Figures
from yearbook.figures.wire import FigureRecord

__all__ = ["FIGURES_PATH", "MAX_BYTES", "SCHEMES", "TIMEOUT", "figures_url", "is_url", "read_api"]

FIGURES_PATH = "/api/figures?breakdown=all"
"""The API's list of every figure, relative to the base URL of `yearbook serve`."""
SCHEMES = ("http", "https")
"""The only URL schemes read."""
TIMEOUT = 20.0
"""Seconds the whole answer may take to arrive."""
MAX_BYTES = 100_000_000
"""The largest answer read (a build of a hundred thousand figures is about 30 MB)."""

_CHUNK = 1 << 16
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: object) -> bool:
    """Whether a ``--figures`` value is a URL (of any scheme) rather than a path."""
    return isinstance(source, str) and _SCHEME.match(source) is not None


def figures_url(base: str) -> str:
    """The URL of every figure of the API at ``base`` (a scheme other than http(s) is refused)."""
    try:
        parts = urlsplit(base)
    except ValueError as err:
        raise _failed(base, str(err)) from None
    if parts.scheme.lower() not in SCHEMES:
        raise UserError(
            f"cannot read figures from {base}: only http:// and https:// addresses are read",
            hint="give the base URL of `yearbook serve`, e.g. http://127.0.0.1:8000",
        )
    if not parts.hostname:
        raise _failed(base, "the address names no host")
    path, query = FIGURES_PATH.split("?")
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + path, query, ""))


class _Row(FigureRecord):
    """A figure as the API lists it, read strictly; fields it may add later are ignored."""

    model_config = ConfigDict(extra="ignore", strict=True)


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    figures: list[_Row]


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) address."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise urllib.error.URLError(f"refused a redirect to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnly())


def read_api(base: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Figures:
    """Every figure of the running API at ``base``."""
    url = figures_url(base)
    try:
        body = _fetch(url, timeout, max_bytes)
        answer = _Answer.model_validate_json(body)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise _failed(base, f"not the API's figures ({where}: {first['msg']})") from None
    except urllib.error.HTTPError as err:
        raise _failed(base, f"HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise _failed(base, str(err.reason)) from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise _failed(base, str(err) or type(err).__name__) from None
    return _figures(answer)


def _failed(base: str, reason: str) -> UserError:
    return UserError(f"could not read figures from {base}: {reason}; is `yearbook serve` running?")


def _fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    """The body of a GET, refused past ``max_bytes`` or past ``timeout`` seconds in all."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    deadline = time.monotonic() + timeout
    with _OPENER.open(request, timeout=timeout) as response:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise ValueError(f"the answer is larger than {max_bytes:,} bytes")
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise ValueError(f"the answer is larger than {max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the answer took longer than {timeout:g} s")
            chunks.append(chunk)
    return b"".join(chunks)


def _figures(answer: _Answer) -> Figures:
    rows = [{**row.model_dump(), "sql": ""} for row in answer.figures]
    return Figures(pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA))
