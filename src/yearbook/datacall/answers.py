"""Answers and reviews: who may do what, each change a new version, nothing deleted."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yearbook.datacall.models import QUALIFIERS, Answer, Call, Request, Review, User
from yearbook.errors import UserError

__all__ = [
    "STATES",
    "AnswerForm",
    "Forbidden",
    "NotFound",
    "approved_answer",
    "checks",
    "history",
    "review",
    "state_of",
    "submit",
    "visible_request",
]

STATES = ("missing", "submitted", "returned", "approved")


class Forbidden(UserError):
    """The user's role may not do this."""


class NotFound(UserError):
    """No such thing, or not one this user may see."""


@dataclass(frozen=True)
class AnswerForm:
    """An answer as typed in the form, before it becomes a version."""

    value: float
    unit: str
    qualifier: str
    as_of: dt.date
    source: str
    items: tuple[str, ...] = ()
    note: str = ""


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def visible_request(session: Session, user: User, request_id: int) -> Request:
    """A request the user may see: a submitter only its own office's."""
    request = session.get(Request, request_id)
    if request is None or (user.role == "submitter" and request.office != user.office):
        raise NotFound(f"no request {request_id}", hint="open the list of your requests")
    return request


def versions(session: Session, request: Request) -> list[Answer]:
    """Every version of a request's answer, newest first."""
    query = select(Answer).where(Answer.request_id == request.id).order_by(Answer.version.desc())
    return list(session.scalars(query))


def reviews_of(session: Session, answer: Answer) -> list[Review]:
    query = select(Review).where(Review.answer_id == answer.id).order_by(Review.id.desc())
    return list(session.scalars(query))


def state_of(session: Session, request: Request) -> str:
    """missing, submitted (awaiting review), returned or approved: the newest version's."""
    found = versions(session, request)
    if not found:
        return "missing"
    decided = reviews_of(session, found[0])
    return decided[0].decision if decided else "submitted"


def checks(request: Request, form: AnswerForm, tolerance: float) -> list[str]:
    """Why an answer needs a confirmation note: type, unit or a large move from last year."""
    reasons = []
    if form.unit != request.unit:
        reasons.append(f"the unit {form.unit!r} is not the declared unit {request.unit!r}")
    if form.value < 0 or not math.isclose(form.value, round(form.value)):
        reasons.append(f"{form.value:g} is not a whole number of {request.unit}")
    last = request.last_value
    if last is not None and last != 0 and abs(form.value - last) / abs(last) > tolerance:
        reasons.append(f"{form.value:g} moves more than {tolerance:.0%} from last year's {last:g}")
    return reasons


def _validate(request: Request, form: AnswerForm, tolerance: float) -> None:
    if form.qualifier not in QUALIFIERS:
        raise UserError(f"unknown qualifier {form.qualifier!r}", hint=", ".join(QUALIFIERS))
    if not math.isfinite(form.value):
        raise UserError("the value must be a finite number", hint="type a number, e.g. 16")
    if not form.source.strip():
        raise UserError("say where the value comes from", hint="fill in the source")
    if request.is_list and len(form.items) != form.value:
        raise UserError(
            f"the value {form.value:g} is not the number of items listed ({len(form.items)})",
            hint="list one item a line; the value counts them",
        )
    reasons = checks(request, form, tolerance)
    if reasons and not form.note.strip():
        raise UserError(
            "this answer needs a confirmation note: " + "; ".join(reasons),
            hint="explain it in the note and submit again",
        )


def submit(
    session: Session, user: User, request_id: int, form: AnswerForm, tolerance: float
) -> Answer:
    """A new version of the request's answer, by a submitter of its office."""
    if user.role != "submitter":
        raise Forbidden("only an office's submitters answer its requests")
    request = visible_request(session, user, request_id)
    call = session.get(Call, request.call_id)
    if call is None or call.state != "open":
        raise Forbidden("the data call is closed", hint="ask the coordinator to reopen it")
    _validate(request, form, tolerance)
    latest = session.scalar(select(func.max(Answer.version)).where(Answer.request_id == request.id))
    answer = Answer(
        request_id=request.id,
        version=(latest or 0) + 1,
        value=form.value,
        unit=form.unit,
        qualifier=form.qualifier,
        as_of=form.as_of,
        items="\n".join(form.items),
        source=form.source.strip(),
        note=form.note.strip(),
        author_id=user.id,
        created=now(),
    )
    try:
        with session.begin_nested():  # a savepoint: a clash leaves the session usable
            session.add(answer)
    except IntegrityError:
        raise UserError(
            "someone else answered this request at the same moment",
            hint="reload the page and submit again",
        ) from None
    return answer


def review(session: Session, user: User, answer_id: int, decision: str, comment: str) -> Review:
    """A reviewer approves the newest version of an answer or returns it with a comment."""
    if user.role != "reviewer":
        raise Forbidden("only reviewers approve or return answers")
    answer = session.get(Answer, answer_id)
    if answer is None:
        raise NotFound(f"no answer {answer_id}")
    request = visible_request(session, user, answer.request_id)
    if versions(session, request)[0].id != answer.id or state_of(session, request) != "submitted":
        raise UserError("this version is not awaiting review", hint="reload the page")
    if decision not in ("approved", "returned"):
        raise UserError(f"unknown decision {decision!r}", hint="approve or return")
    if decision == "returned" and not comment.strip():
        raise UserError("say why the answer is returned", hint="fill in the comment")
    done = Review(
        answer_id=answer.id,
        decision=decision,
        comment=comment.strip(),
        reviewer_id=user.id,
        created=now(),
    )
    session.add(done)
    session.flush()
    return done


def approved_answer(session: Session, request: Request) -> tuple[Answer, Review] | None:
    """The newest approved version of a request's answer, with its approval."""
    for answer in versions(session, request):
        for decided in reviews_of(session, answer):
            if decided.decision == "approved":
                return answer, decided
    return None


def history(session: Session, request: Request) -> list[tuple[Answer, list[Review]]]:
    """Every version, newest first, with its reviews."""
    return [(a, reviews_of(session, a)) for a in versions(session, request)]
