"""Answers the API has already made, sent straight from memory.

`CachedAnswers` is a pure ASGI middleware in front of the API's routes. A
``GET`` of ``/api/metrics``, ``/api/metrics/{id}`` or ``/api/figures?…`` whose
parameters name an answer already in the index's cache is sent from there, with
no routing, parameter parsing or validation. Everything else (a first request,
an unusual spelling of a parameter, an error) goes to the routes, which check
it, answer it and so fill the cache: only checked requests ever become keys, so
a cached answer is always the one the routes would give.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from yearbook.api.index import FigureIndex

__all__ = ["CachedAnswers", "answer_key"]

_METRIC = "/api/metrics/"
_PARAMETERS = frozenset({"metric", "fy", "breakdown"})
_HEADERS = [(b"content-type", b"application/json")]


def answer_key(path: str, query: bytes) -> tuple[object, ...] | None:
    """The cache key of a request, when it is spelled the routes' plain way.

    >>> answer_key("/api/figures", b"fy=2023&metric=ero.removals")
    ('figures', 'ero.removals', 2023, 'headline')
    >>> answer_key("/api/figures", b"fy=02023") is None
    True
    """
    if path == "/api/metrics":
        return None if query else ("metrics",)
    if path.startswith(_METRIC):
        metric = path[len(_METRIC) :]
        return None if query or not metric or "/" in metric else ("metric", metric)
    if path != "/api/figures":
        return None
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    params = dict(pairs)
    if len(params) != len(pairs) or not params.keys() <= _PARAMETERS or "" in params.values():
        return None
    fy = params.get("fy")
    if fy is not None and not (fy.isascii() and fy.isdigit() and fy == str(int(fy))):
        return None
    year = None if fy is None else int(fy)
    return ("figures", params.get("metric"), year, params.get("breakdown", "headline"))


class CachedAnswers:
    """Send an answer from the index's cache when there is one; else ask the routes."""

    def __init__(self, app: ASGIApp, index: FigureIndex) -> None:
        self.app = app
        self.index = index

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            key = answer_key(scope["path"], scope["query_string"])
            body = None if key is None else self.index.cached(key)
            if body is not None:
                headers = [*_HEADERS, (b"content-length", str(len(body)).encode())]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
