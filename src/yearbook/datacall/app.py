"""The data call's web application: server-rendered pages, no script.

Every page needs a signed-in user (signed, HttpOnly, SameSite=Strict session
cookie); every form carries the session's CSRF token and a post without it is
refused before anything is read. Who may see and do what is decided in
``answers`` (submitters: their own office only).
"""

from __future__ import annotations

import datetime as dt
import hmac
import math
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.middleware.sessions import SessionMiddleware

from yearbook.datacall import answers as ans
from yearbook.datacall.accounts import authenticate
from yearbook.datacall.export import approved_rows, board, board_csv, requests_of, rows_csv
from yearbook.datacall.models import QUALIFIERS, Answer, Call, User
from yearbook.datacall.requests import CallSettings, last_day
from yearbook.datacall.store import Store
from yearbook.datacall.throttle import Clock, Throttled, admit, succeeded, utc_now
from yearbook.errors import UserError

__all__ = ["DataCall", "create_app"]

ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True),
)
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MAX_FORM = 64 * 1024


@dataclass(frozen=True)
class DataCall:
    """What the application serves: one report's call in one database."""

    store: Store
    call_id: int
    title: str
    settings: CallSettings
    clock: Clock = utc_now
    """The time now (UTC), for sign-in throttling; a test gives its own."""


class Refused(Exception):
    """A request refused before any work: no session, or no valid CSRF token."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _csrf(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def _user(request: Request, session: Session) -> User | None:
    uid = request.session.get("uid")
    return session.get(User, uid) if isinstance(uid, int) else None


async def _form(request: Request) -> dict[str, str]:
    """The posted form, refused without the session's CSRF token."""
    if int(request.headers.get("content-length") or 0) > MAX_FORM:
        raise Refused(413, "the form is too large")
    form = await request.form()
    sent = form.get("csrf")
    token = request.session.get("csrf")
    if not (isinstance(sent, str) and isinstance(token, str)):
        raise Refused(403, "the form has expired: reload the page and try again")
    if not hmac.compare_digest(sent.encode(), token.encode()):
        raise Refused(403, "the form has expired: reload the page and try again")
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    dc: DataCall = request.app.state.datacall
    html = ENV.get_template(name).render(call_title=dc.title, csrf=_csrf(request), **context)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303, headers=HEADERS)


def _status(err: UserError) -> int:
    if isinstance(err, ans.NotFound):
        return 404
    return 403 if isinstance(err, ans.Forbidden) else 400


Handler = Callable[[Request, Session, User], Awaitable[Response]]


def _signed_in(handler: Handler, roles: tuple[str, ...] = ()) -> Callable[..., Awaitable[Response]]:
    """A route for signed-in users (of the given roles): errors become pages."""

    async def route(request: Request) -> Response:
        dc: DataCall = request.app.state.datacall
        try:
            with dc.store.session() as session:
                user = _user(request, session)
                if user is None:
                    if request.method == "GET":
                        return _see_other("/login")
                    raise Refused(403, "sign in first")
                if roles and user.role not in roles:
                    raise ans.Forbidden("your role may not open this page")
                return await handler(request, session, user)
        except Refused as err:
            return PlainTextResponse(str(err), status_code=err.status, headers=HEADERS)
        except UserError as err:
            with dc.store.session() as session:
                user = _user(request, session)
                return _page(
                    request,
                    "base.html.j2",
                    _status(err),
                    title="Not done",
                    user=user,
                    error=str(err),
                )

    return route


def _call(session: Session, request: Request) -> Call:
    dc: DataCall = request.app.state.datacall
    call = session.get(Call, dc.call_id)
    assert call is not None
    return call


async def home(request: Request, session: Session, user: User) -> Response:
    call = _call(session, request)
    office = user.office if user.role == "submitter" else None
    mine = {r.id for r in requests_of(session, call, office)}
    rows = [r for r in board(session, call) if r.request_id in mine]
    return _page(request, "requests.html.j2", title="Requests", user=user, call=call, rows=rows)


def _names(session: Session, history: list[tuple[Any, list[Any]]]) -> dict[int, str]:
    ids = {a.author_id for a, _ in history} | {r.reviewer_id for _, rs in history for r in rs}
    return {u.id: u.username for u in session.scalars(select(User).where(User.id.in_(ids)))}


def _request_page(
    request: Request, session: Session, user: User, rid: int, **extra: Any
) -> HTMLResponse:
    found = ans.visible_request(session, user, rid)
    history = ans.history(session, found)
    state = ans.state_of(session, found)
    call = _call(session, request)
    return _page(
        request,
        "request.html.j2",
        status=extra.pop("status", 200),
        title=found.label[:1].upper() + found.label[1:],
        user=user,
        asked=found,
        state=state,
        history=history,
        names=_names(session, history),
        qualifiers=QUALIFIERS,
        as_of=last_day(call.fiscal_year).isoformat(),
        can_answer=user.role == "submitter" and call.state == "open",
        can_review=user.role == "reviewer" and state == "submitted",
        draft=extra.pop("draft", {}),
        **extra,
    )


async def show_request(request: Request, session: Session, user: User) -> Response:
    return _request_page(request, session, user, int(request.path_params["rid"]))


def _answer_form(form: dict[str, str]) -> ans.AnswerForm:
    try:
        value = float(form.get("value", "").replace(",", ""))
        as_of = dt.date.fromisoformat(form.get("as_of", ""))
    except ValueError:
        raise UserError("the value must be a number and the date a day (YYYY-MM-DD)") from None
    items = tuple(i.strip() for i in form.get("items", "").splitlines() if i.strip())
    return ans.AnswerForm(
        value=value,
        unit=form.get("unit", "").strip(),
        qualifier=form.get("qualifier", ""),
        as_of=as_of,
        source=form.get("source", ""),
        items=items,
        note=form.get("note", ""),
    )


async def post_answer(request: Request, session: Session, user: User) -> Response:
    rid = int(request.path_params["rid"])
    form = await _form(request)
    if user.role != "submitter":
        raise ans.Forbidden("only an office's submitters answer its requests")
    found = ans.visible_request(session, user, rid)
    dc: DataCall = request.app.state.datacall
    try:
        ans.submit(session, user, rid, _answer_form(form), dc.settings.tolerance_of(found.metric))
    except (ans.Forbidden, ans.NotFound):
        raise
    except UserError as err:
        return _request_page(request, session, user, rid, status=400, draft=form, error=str(err))
    return _see_other(f"/requests/{rid}")


async def post_review(request: Request, session: Session, user: User) -> Response:
    form = await _form(request)
    done = ans.review(
        session,
        user,
        int(request.path_params["aid"]),
        form.get("decision", ""),
        form.get("comment", ""),
    )
    answer = session.get(Answer, done.answer_id)
    assert answer is not None
    return _see_other(f"/requests/{answer.request_id}")


async def show_board(request: Request, session: Session, user: User) -> Response:
    call = _call(session, request)
    rows = board(session, call)
    counts = {s: sum(r.state == s for r in rows) for s in ans.STATES}
    return _page(
        request,
        "board.html.j2",
        title="The board",
        user=user,
        call=call,
        rows=rows,
        counts=counts,
        states=ans.STATES,
    )


def _csv_response(text: str, name: str) -> Response:
    headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


async def board_file(request: Request, session: Session, user: User) -> Response:
    return _csv_response(board_csv(board(session, _call(session, request))), "board.csv")


async def export_file(request: Request, session: Session, user: User) -> Response:
    return _csv_response(
        rows_csv(approved_rows(session, _call(session, request))), "submissions.csv"
    )


async def post_call(request: Request, session: Session, user: User) -> Response:
    form = await _form(request)
    state = form.get("state", "")
    if state not in ("open", "closed"):
        raise UserError("a call is open or closed")
    _call(session, request).state = state
    return _see_other("/board")


async def post_due(request: Request, session: Session, user: User) -> Response:
    form = await _form(request)
    found = ans.visible_request(session, user, int(request.path_params["rid"]))
    try:
        found.due = dt.date.fromisoformat(form["due"]) if form.get("due") else None
    except ValueError:
        raise UserError("the due date must be a day (YYYY-MM-DD)") from None
    return _see_other("/board")


async def post_logout(request: Request, session: Session, user: User) -> Response:
    await _form(request)
    request.session.clear()
    return _see_other("/login")


async def login_page(request: Request) -> Response:
    return _page(request, "login.html.j2", title="Sign in", user=None)


def _throttled(request: Request, err: Throttled) -> HTMLResponse:
    """The refusal of a throttled sign-in: 429, Retry-After, and when to try again."""
    wait = err.retry_after
    when = f"{wait} seconds" if wait < 120 else f"{math.ceil(wait / 60)} minutes"
    page = _page(
        request,
        "login.html.j2",
        429,
        title="Sign in",
        user=None,
        error=f"Too many failed sign-ins. Try again in {when}, "
        f"after {err.until:%H:%M:%S} UTC ({err.until:%Y-%m-%d}).",
    )
    page.headers["Retry-After"] = str(err.retry_after)
    return page


async def post_login(request: Request) -> Response:
    try:
        form = await _form(request)
    except Refused as err:
        return PlainTextResponse(str(err), status_code=err.status, headers=HEADERS)
    dc: DataCall = request.app.state.datacall
    name, address = form.get("username", ""), request.client.host if request.client else ""
    try:
        with dc.store.session() as session:
            attempt = admit(session, dc.settings.sign_in, name, address, dc.clock())
    except Throttled as err:
        return _throttled(request, err)
    with dc.store.session() as session:
        user = authenticate(session, name, form.get("password", ""))
        if user is None:
            return _page(
                request,
                "login.html.j2",
                400,
                title="Sign in",
                user=None,
                error="wrong user name or password",
            )
        succeeded(session, attempt, dc.clock())
        request.session.clear()
        request.session.update(uid=user.id, csrf=secrets.token_urlsafe(32))
    return _see_other("/")


def create_app(datacall: DataCall, secret: str, secure_cookies: bool = True) -> FastAPI:
    """The application; ``secure_cookies`` false only for plain-HTTP local tests."""
    app = FastAPI(title=datacall.title, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.datacall = datacall
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret,
        session_cookie="datacall",
        max_age=8 * 3600,
        same_site="strict",
        https_only=secure_cookies,
    )
    coordinator = ("coordinator",)
    routes: list[tuple[str, str, Callable[..., Awaitable[Response]]]] = [
        ("/login", "GET", login_page),
        ("/login", "POST", post_login),
        ("/logout", "POST", _signed_in(post_logout)),
        ("/", "GET", _signed_in(home)),
        ("/requests/{rid:int}", "GET", _signed_in(show_request)),
        ("/requests/{rid:int}/answers", "POST", _signed_in(post_answer, ("submitter",))),
        ("/answers/{aid:int}/review", "POST", _signed_in(post_review, ("reviewer",))),
        ("/board", "GET", _signed_in(show_board, coordinator)),
        ("/board.csv", "GET", _signed_in(board_file, coordinator)),
        ("/export.csv", "GET", _signed_in(export_file, coordinator)),
        ("/call", "POST", _signed_in(post_call, coordinator)),
        ("/requests/{rid:int}/due", "POST", _signed_in(post_due, coordinator)),
    ]
    for path, method, endpoint in routes:
        app.add_api_route(path, endpoint, methods=[method], include_in_schema=False)
    return app
