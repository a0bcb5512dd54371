"""What every response of the API server carries, and what every request may send.

`Guard` is a pure ASGI middleware. For each HTTP request it

* reads the body before the app sees it, counting the bytes as they arrive
  (whether the client sent ``Content-Length`` or chunks): past `MAX_BODY_BYTES`
  it answers 413 at once and keeps nothing more (the server drops the rest of
  that body unread into memory, and closes the connection if the client goes
  on past the read timeout; closing at once could make a client's network stack
  drop the 413 unread); a body that has not arrived within `BODY_TIMEOUT`
  seconds gets 408 and the connection is closed;
* adds the security headers (`SECURITY_HEADERS`: a strict Content-Security-Policy
  and the usual companions) to every response, pages and API alike.

Errors have the API's one shape, ``{"error": {"status", "code", "message", "hint"}}``.
Slow request *headers* never reach an ASGI app: `yearbook.api.server` closes
those connections.

>>> dict(SECURITY_HEADERS)[b"x-content-type-options"]
b'nosniff'
"""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "BODY_TIMEOUT",
    "CONTENT_SECURITY_POLICY",
    "MAX_BODY_BYTES",
    "SECURITY_HEADERS",
    "Guard",
    "error_body",
]

MAX_BODY_BYTES = 64_000
"""The largest request body accepted at all."""
BODY_TIMEOUT = 10.0
"""Seconds a request's whole body may take to arrive."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
"""Only the site's own scripts, styles and images; nothing inline, nothing from elsewhere."""

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(
    (name.encode(), value.encode())
    for name, value in (
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        ("cross-origin-embedder-policy", "require-corp"),
        (
            "permissions-policy",
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            "microphone=(), payment=(), usb=()",
        ),
    )
)
_REPLACED = frozenset(name for name, _ in SECURITY_HEADERS)


def error_body(status: int, code: str, message: str, hint: str | None = None) -> bytes:
    """The API's one error shape, as the bytes of a JSON body."""
    error = {"status": status, "code": code, "message": message, "hint": hint}
    return json.dumps({"error": error}).encode()


class Guard:
    """Body limit, body read timeout and security headers around an ASGI app."""

    def __init__(
        self,
        app: ASGIApp,
        max_body: int = MAX_BODY_BYTES,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        length, chunked = _framing(scope)
        if length > self.max_body:
            await self._too_large(send)
            return
        if not (length or chunked):  # no body (HTTP/1.1 has one only when it says so)
            await self.app(scope, receive, send)
            return
        try:
            async with asyncio.timeout(self.body_timeout):
                body = await self._read_body(receive)
        except TimeoutError:
            message = "the request body did not arrive in time"
            await _refuse(send, 408, "timeout", message, close=True)
            return
        if body is None:
            await self._too_large(send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it is over the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)  # the client left; the app will see it too
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, send: Send) -> None:
        await _refuse(
            send,
            413,
            "too_large",
            f"request body over {self.max_body} bytes",
            "send less: POST /api/check takes one text of up to 20,000 characters",
        )


def _framing(scope: Scope) -> tuple[int, bool]:
    """The request's declared body length, and whether its body comes in chunks."""
    length, chunked = 0, False
    for name, value in scope["headers"]:
        if name == b"content-length" and value.isdigit():
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = True
    return length, chunked


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body once, as one message; after it, whatever the client does next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _with_headers(send: Send) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [h for h in message.get("headers", ()) if h[0].lower() not in _REPLACED]
            message["headers"] = [*headers, *SECURITY_HEADERS]
        await send(message)

    return send_with_headers


async def _refuse(
    send: Send,
    status: int,
    code: str,
    message: str,
    hint: str | None = None,
    *,
    close: bool = False,
) -> None:
    """An error response (after which, with ``close``, the server closes the connection)."""
    body = error_body(status, code, message, hint)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
