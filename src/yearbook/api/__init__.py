"""A read-only JSON API over a build's figures, and the static site beside it.

::

    GET  /api/metrics                      every metric: label, definition, unit, SQL
    GET  /api/metrics/{metric_id}          one metric and its headline figure per year
    GET  /api/figures?metric=&fy=&breakdown=
    POST /api/check                        text in, the claim checker's verdicts out
    GET  /docs                             the schema, browsable (Swagger UI, served here)

`yearbook.api.app` has the routes, `yearbook.api.index` the in-memory index they
answer from, `yearbook.api.guard` the body limit, timeouts and security headers,
`yearbook.api.docs` the docs page and `yearbook.api.server` the server itself.
"""

from yearbook.api.app import (
    MAX_BODY_BYTES,
    MAX_TEXT_CHARS,
    ApiError,
    FigureStore,
    LiveApp,
    create_app,
)

__all__ = ["MAX_BODY_BYTES", "MAX_TEXT_CHARS", "ApiError", "FigureStore", "LiveApp", "create_app"]
