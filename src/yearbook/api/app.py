"""A read-only JSON API over a build's figures, and the static site beside it.

::

    GET  /api/metrics                      every metric: label, definition, unit, SQL
    GET  /api/metrics/{metric_id}          one metric and its headline figure per year
    GET  /api/figures?metric=&fy=&breakdown=
    POST /api/check                        text in, the claim checker's verdicts out

Read-only by construction: a build is immutable, so its figures are read once
into an in-memory index (`yearbook.api.index`) and every lookup, its names
checked against the declared ones (`FigureStore`), is answered from it; each
answer's JSON is made once and kept. Every error has one shape: ``{"error":
{"status", "code", "message", "hint"}}``. `yearbook serve` serves a `LiveApp`,
which moves on to each new build of its folder as soon as the build is
published, behind the guard of `yearbook.api.guard` (body limit, read
timeouts, security headers).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Receive, Scope, Send

from yearbook import __version__
from yearbook.api.checking import CHECK_TIMEOUT, Checker, ClientGone
from yearbook.api.docs import install_docs
from yearbook.api.errors import ApiError
from yearbook.api.fast import CachedAnswers
from yearbook.api.guard import BODY_TIMEOUT, MAX_BODY_BYTES, Guard
from yearbook.api.index import ALL, HEADLINE, FigureIndex
from yearbook.claims.context import build_context
from yearbook.errors import UserError
from yearbook.figures import read_figures
from yearbook.figures.meta import read_metric_meta
from yearbook.figures.wire import FigureRecord

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_TEXT_CHARS",
    "ApiError",
    "FigureStore",
    "LiveApp",
    "create_app",
]

MAX_TEXT_CHARS = 20_000
"""The longest text ``POST /api/check`` accepts."""

_log = logging.getLogger("yearbook.api")


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    hint: str | None = None


class ErrorResponse(BaseModel):
    """The one shape of every error."""

    error: ErrorBody


class MetricInfo(BaseModel):
    id: str
    office: str
    label: str
    definition: str
    unit: str
    measure: str
    source_tables: list[str]
    breakdowns: list[str]
    sql: str


class FigureOut(FigureRecord):
    """A figure as the API lists it (`yearbook.figures.wire`)."""


class FiguresOut(BaseModel):
    count: int
    figures: list[FigureOut]


class MetricDetail(MetricInfo):
    figures: list[FigureOut] = Field(description="The headline figure of each fiscal year.")


def _written_date(value: object) -> object:
    """A date as JSON writes one, a string (``"2019-12-12"``): not a number of seconds."""
    if value is not None and not isinstance(value, str):
        raise ValueError("a date is a string, YYYY-MM-DD")
    return value


class CheckIn(BaseModel):
    text: str = Field(max_length=MAX_TEXT_CHARS, description="Prose to check.")
    fiscal_year: int | None = Field(default=None, ge=1900, le=2100)
    date: Annotated[dt.date | None, BeforeValidator(_written_date)] = Field(
        default=None,
        description="The date the text came out (YYYY-MM-DD): claims it dates by no year "
        "are tried as of the last fiscal year ended by then.",
    )


class ClaimOut(BaseModel):
    text: str
    start: int
    end: int
    value: float | None = None
    kind: str = ""
    fiscal_year: int | None = None
    verdict: str
    metric: str | None = None
    expected: float | None = None
    reason: str | None = None


class CheckOut(BaseModel):
    count: int
    claims: list[ClaimOut]


_FIGURE_COLUMNS = [name for name in FigureOut.model_fields]


class FigureStore:
    """The API's only access to data: checked lookups in the build's figure index."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.figures = read_figures(site)
        self.metrics: dict[str, dict[str, Any]] = {
            m["id"]: m for m in _load_metadata(site / "data" / "metrics.json")
        }
        self.breakdowns = sorted(
            {b for m in self.metrics.values() for b in str(m["breakdowns"]).split() if b}
        )
        self.declarations = read_metric_meta(site / "data" / "metrics.json")
        """The metric-metadata contract as the bundle publishes it: what the claim
        checker needs of each metric to link prose to it."""
        self.index = FigureIndex(self.figures.table, _FIGURE_COLUMNS)

    def metric(self, metric_id: str) -> dict[str, Any]:
        if metric_id not in self.metrics:
            raise ApiError(
                404, "unknown_metric", f"no metric {metric_id!r}", "list them at /api/metrics"
            )
        return self.metrics[metric_id]

    def _check_breakdown(self, breakdown: str) -> None:
        if breakdown not in (ALL, HEADLINE) and breakdown not in self.breakdowns:
            raise ApiError(
                400,
                "unknown_breakdown",
                f"no breakdown {breakdown!r}",
                f"use {HEADLINE}, {ALL} or one of: {', '.join(self.breakdowns)}",
            )

    def query(self, metric: str | None, fy: int | None, breakdown: str) -> list[dict[str, Any]]:
        """Figures matching the filters; every name is checked against the declared ones."""
        if metric:
            self.metric(metric)
        self._check_breakdown(breakdown)
        return self.index.rows(metric or None, fy, breakdown)

    def figures_json(self, metric: str | None, fy: int | None, breakdown: str) -> bytes:
        """The JSON of ``GET /api/figures`` for these filters (made once, then kept).

        Only answers are kept, so only checked names become keys.
        """

        def render() -> bytes:
            rows = self.query(metric, fy, breakdown)
            out = FiguresOut(count=len(rows), figures=[FigureOut(**r) for r in rows])
            return out.model_dump_json().encode()

        return self.index.answer(("figures", metric or None, fy, breakdown), render)

    def metric_json(self, metric_id: str) -> bytes:
        """The JSON of ``GET /api/metrics/{metric_id}`` (made once, then kept)."""

        def render() -> bytes:
            info = _metric_info(self.metric(metric_id))
            rows = self.query(metric_id, None, HEADLINE)
            detail = MetricDetail(**info.model_dump(), figures=[FigureOut(**r) for r in rows])
            return detail.model_dump_json().encode()

        return self.index.answer(("metric", metric_id), render)

    def metrics_json(self) -> bytes:
        """The JSON of ``GET /api/metrics``."""

        def render() -> bytes:
            infos = [_metric_info(m).model_dump(mode="json") for m in self.metrics.values()]
            return json.dumps(infos, ensure_ascii=False, separators=(",", ":")).encode()

        return self.index.answer(("metrics",), render)


def _load_metadata(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise UserError(
            f"no metric metadata at {path}",
            hint="serve a folder written by `yearbook build` or `yearbook demo`",
        )
    data: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return data


def _metric_info(meta: dict[str, Any]) -> MetricInfo:
    return MetricInfo(
        id=meta["id"],
        office=meta["office"],
        label=meta["label"],
        definition=meta["definition"],
        unit=meta["unit"],
        measure=meta["measure"],
        source_tables=str(meta["source_tables"]).split(),
        breakdowns=str(meta["breakdowns"]).split(),
        sql=meta["sql"],
    )


def _error(
    status: int,
    code: str,
    message: str,
    hint: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(status=status, code=code, message=message, hint=hint))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 422: "invalid_request"}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A name that is not declared."},
    404: {"model": ErrorResponse, "description": "No such metric."},
    413: {"model": ErrorResponse, "description": "The request body is too large."},
    422: {"model": ErrorResponse, "description": "A parameter of the wrong type or range."},
}
_CHECK_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    503: {
        "model": ErrorResponse,
        "description": "The check took longer than its time limit, or every checker is busy.",
    },
}


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.hint)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail), headers=exc.headers)


def create_app(
    site: Path, read_timeout: float = BODY_TIMEOUT, check_timeout: float = CHECK_TIMEOUT
) -> FastAPI:
    """The API (and the static site, at ``/``) for one build folder.

    ``read_timeout`` is the seconds a request body may take to arrive;
    ``check_timeout`` the seconds a ``POST /api/check`` may take (`yearbook.api.checking`).
    """
    store = FigureStore(Path(site))
    context = build_context(store.site, store.declarations)
    checker = Checker(store.figures, context, _claim_fields, timeout=check_timeout)
    app = FastAPI(
        title="yearbook figures API",
        version=__version__,
        description="Read-only access to the figures of one report build.",
        docs_url=None,
        redoc_url=None,
    )
    _install_errors(app)
    install_docs(app)
    metric_ids = sorted(store.metrics)
    breakdown_names = [HEADLINE, ALL, *store.breakdowns]

    @app.get("/api/metrics", response_model=list[MetricInfo], responses=_ERRORS)
    async def list_metrics() -> Response:
        """Every declared metric with its definition, unit, SQL and source tables."""
        return _json(store.metrics_json())

    @app.get("/api/metrics/{metric_id}", response_model=MetricDetail, responses=_ERRORS)
    async def get_metric(
        metric_id: str = PathParam(json_schema_extra={"enum": metric_ids}),
    ) -> Response:
        """One metric and its headline figure in each fiscal year."""
        return _json(store.metric_json(metric_id))

    @app.get("/api/figures", response_model=FiguresOut, responses=_ERRORS)
    async def get_figures(
        metric: str | None = Query(None, json_schema_extra={"enum": metric_ids}),
        fy: int | None = Query(None, ge=1900, le=2100, description="Fiscal year."),
        breakdown: str = Query(
            HEADLINE,
            json_schema_extra={"enum": breakdown_names},
            description=f"{HEADLINE} (default), {ALL}, or a declared breakdown name.",
        ),
    ) -> Response:
        """Figures filtered by metric, fiscal year and breakdown."""
        return _json(store.figures_json(metric, fy, breakdown))

    @app.post("/api/check", response_model=CheckOut, responses=_CHECK_ERRORS)
    async def check(body: CheckIn, request: Request) -> Response:
        """Check the numbers in a text against the figures, within a time budget."""
        try:
            # no fiscal year: the checker takes the year the text names most, as
            # `yearbook check` without --fy does (the same CheckContext.check)
            claims = await checker.check(body.text, body.fiscal_year, request, body.date)
        except ClientGone:
            return Response(status_code=499)  # nobody is there to read it
        out = CheckOut(count=len(claims), claims=[ClaimOut(**c) for c in claims])
        return _json(out.model_dump_json().encode())

    static = StaticFiles(directory=str(site), html=True)

    @app.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def site_file(path: str, request: Request) -> Response:
        """The static site; under /api/ only the routes above exist."""
        if path == "api" or path.startswith("api/"):
            allowed = _allowed_methods(app, "/" + path)
            if allowed:
                raise StarletteHTTPException(405, headers={"Allow": ", ".join(allowed)})
            raise StarletteHTTPException(404, f"no API path /{path}")
        if any(part.startswith(".") for part in path.split("/")):
            raise StarletteHTTPException(404, "hidden files are not published")
        response: Response = await static.get_response(path, request.scope)
        if response.status_code in _REDIRECTS:
            # a folder without its slash: the same folder, by path only (never the Host)
            return RedirectResponse("/" + quote(path.strip("/")) + "/", response.status_code)
        return response

    app.add_middleware(CachedAnswers, index=store.index)
    app.add_middleware(Guard, body_timeout=read_timeout)  # added last: it runs first
    return app


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


class LiveApp:
    """The API and site of a build folder, following it from build to build.

    A build swaps its output folder to a complete new release in one step
    (`yearbook.publish.release`). Before each request this app looks at what
    the folder is now (one ``stat`` of its ``build.json``, through the link:
    each release has its own file); when that changed, the new build is loaded
    once and serves from then on, so `yearbook serve` never needs a restart. A
    new build that cannot be loaded leaves the previous one serving, with a
    warning in the log.
    """

    def __init__(
        self,
        site: Path,
        read_timeout: float = BODY_TIMEOUT,
        check_timeout: float = CHECK_TIMEOUT,
    ) -> None:
        self.site = Path(site)
        self.read_timeout = read_timeout
        self.check_timeout = check_timeout
        self._manifest = str(self.site / "build.json")
        self._lock = threading.Lock()
        self._key = self._identity()
        self._app = self._load()

    def _load(self) -> FastAPI:
        return create_app(
            self.site.resolve(), read_timeout=self.read_timeout, check_timeout=self.check_timeout
        )

    def _identity(self) -> tuple[int, int, int, int]:
        """The build the folder holds now: its ``build.json``, as one ``stat`` sees it."""
        try:
            stat = os.stat(self._manifest)
        except OSError:
            return (0, 0, 0, 0)
        return (stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def current(self) -> FastAPI:
        """The app of the build the folder holds now (loading it if it is new).

        Requests take no lock while the build stays the same; one loads a new build
        while the others wait for it.
        """
        key = self._identity()
        if key == self._key:
            return self._app
        with self._lock:
            if key != self._key:
                try:
                    self._app = self._load()
                except (UserError, OSError) as err:
                    _log.warning("keeping the previous build: cannot load %s: %s", self.site, err)
                self._key = key
            return self._app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.current()(scope, receive, send)


def _allowed_methods(app: FastAPI, path: str) -> list[str]:
    """The methods the API routes accept on ``path`` (for a 405's Allow header)."""
    methods: set[str] = set()
    for route in app.routes:
        if isinstance(route, APIRoute) and route.include_in_schema and route.path_regex.match(path):
            methods |= route.methods or set()
    return sorted(methods)


def _claim_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = set(ClaimOut.model_fields)
    out = {k: v for k, v in data.items() if k in fields}
    for key in ("value", "expected"):
        if out.get(key) is not None and not isinstance(out[key], int | float):
            out[key] = None
    out["verdict"] = str(out.get("verdict", ""))
    return out
