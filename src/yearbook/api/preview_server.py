"""`yearbook preview REPORT --warehouse W`: the report on a local server, rebuilt on edit.

The report folder and its pack are watched (watchfiles: the operating system's file
events, debounced). After an edit the `Previewer` rebuilds what the edit touched,
and the page follows by itself: every HTML page is served with a small script of
our own (``/__preview/preview.js``, a file: the server sends the API's strict
Content-Security-Policy, so nothing inline) that polls ``/__preview/state``,
reloads after a good edit and shows a bad edit's mistakes, with file and line,
over the last good page. The server keeps running whatever an edit breaks.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from yearbook.api.guard import Guard
from yearbook.api.preview import WATCHED, Previewer
from yearbook.errors import UserError

__all__ = ["preview_app", "serve_preview", "watch_edits"]

ASSETS = {"preview.js": "text/javascript", "preview.css": "text/css"}
NO_STORE = {"cache-control": "no-store"}
EMPTY = (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    "<title>yearbook preview</title>\n</head>\n<body>\n<main>\n"
    "<p>The report has not been built yet: see the mistakes above.</p>\n"
    "</main>\n</body>\n</html>\n"
)
"""The page shown while no edit has built yet (the mistakes are shown over it)."""


def _tags(good: int) -> str:
    return (
        f'<meta name="yearbook-preview" content="{good}">\n'
        '<link rel="stylesheet" href="/__preview/preview.css">\n'
        '<script src="/__preview/preview.js" defer></script>\n'
    )


def preview_app(previewer: Previewer) -> ASGIApp:
    """The preview's HTTP app: the report's folder, its state and the page script."""
    static = resources.files("yearbook.api") / "static"

    async def state(_: Request) -> Response:
        return JSONResponse(previewer.state(), headers=NO_STORE)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return Response("not found", 404)
        text = static.joinpath(name).read_text("utf-8")
        return Response(text, media_type=ASSETS[name], headers=NO_STORE)

    async def page(request: Request) -> Response:
        wanted = request.path_params["path"]
        path = _file(previewer.out, wanted)
        if path is None and wanted in ("", "index.html"):  # no good build yet
            return Response(
                EMPTY.replace("</head>", _tags(previewer.good) + "</head>", 1),
                media_type="text/html",
                headers=NO_STORE,
            )
        if path is None:
            return Response("not found", 404)
        if path.suffix != ".html":
            return FileResponse(path, headers=NO_STORE)
        html = path.read_text("utf-8").replace("</head>", _tags(previewer.good) + "</head>", 1)
        return Response(html, media_type="text/html", headers=NO_STORE)

    routes = [
        Route("/__preview/state", state),
        Route("/__preview/{name}", asset),
        Route("/{path:path}", page),
    ]
    return Guard(Starlette(routes=routes))


def _file(root: Path, path: str) -> Path | None:
    """The file of the preview folder a request names (a folder: its index.html)."""
    if any(part.startswith(".") for part in path.split("/")):
        return None
    base = root.resolve()
    found = (base / path).resolve()
    if found.is_dir():
        found = found / "index.html"
    if not found.is_relative_to(base) or not found.is_file():
        return None
    return found


def watch_edits(
    previewer: Previewer,
    folders: Iterable[Path],
    stop: threading.Event,
    say: Callable[[str], None],
) -> None:
    """Refresh ``previewer`` after each batch of edits in ``folders`` until ``stop``."""
    from watchfiles import watch

    def wanted(_change: object, path: str) -> bool:
        return path.endswith(WATCHED) and not Path(path).name.startswith(".")

    for changes in watch(
        *folders, watch_filter=wanted, stop_event=stop, debounce=50, step=20, yield_on_timeout=False
    ):
        edited = sorted({Path(p) for _, p in changes})
        seconds = previewer.refresh(edited)
        names = ", ".join(p.name for p in edited)
        if previewer.mistakes:
            say(
                f"{names}: {len(previewer.mistakes)} mistake(s), the page keeps the last good build"
            )
            for mistake in previewer.mistakes:
                say(f"  {mistake.file}:{mistake.line}: {mistake.message}")
        else:
            say(f"{names}: rebuilt in {seconds:.2f} s")


def serve_preview(
    previewer: Previewer,
    host: str,
    port: int,
    say: Callable[[str], None],
) -> None:
    """Take the port, build once, then serve and follow edits until interrupted."""
    import uvicorn

    try:
        sock = socket.create_server((host, port))
    except OSError as err:
        raise UserError(
            f"cannot listen on {host}:{port}: {err.strerror or err}",
            hint="choose another --port (0 picks a free one)",
        ) from None
    seconds = previewer.refresh()
    for mistake in previewer.mistakes:
        say(f"{mistake.file}:{mistake.line}: {mistake.message}")
    bound = sock.getsockname()[1]
    folders = previewer.watched()
    say(f"built in {seconds:.1f} s; watching {', '.join(str(f) for f in folders)}")
    say(f"preview at http://{host}:{bound}/ (Ctrl-C to stop)")
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_edits, args=(previewer, folders, stop, say), daemon=True
    )
    watcher.start()
    config = uvicorn.Config(preview_app(previewer), log_level="warning", server_header=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        stop.set()
        watcher.join(timeout=5)
        sock.close()
