"""The API's interactive docs at ``/docs``, served whole by the API itself.

Swagger UI's files come from the `swagger_ui_bundle` package, and the page that
starts it is a script file of ours, so the page loads nothing from another host
and runs under the same Content-Security-Policy as the rest of the server.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

__all__ = ["ASSETS", "install_docs"]

ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "favicon-32x32.png": "image/png",
}
"""The Swagger UI files the page uses; no other file of the bundle is served."""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - docs</title>
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script>
</body>
</html>
"""

_START = """// Swagger UI on this server's own schema; no validator badge (it calls another host).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
});
"""


def install_docs(app: FastAPI) -> None:
    """Add ``/docs``, its start script and its assets to ``app`` (outside the schema)."""
    page = _PAGE.format(title=app.title)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get("/docs/start.js", include_in_schema=False)
    async def start() -> Response:
        return Response(_START, media_type="text/javascript")

    @app.get("/docs/assets/{name}", include_in_schema=False)
    async def asset(name: str) -> FileResponse:
        if name not in ASSETS:
            raise StarletteHTTPException(404, f"no docs asset {name!r}")
        return FileResponse(swagger_ui_path / name, media_type=ASSETS[name])
