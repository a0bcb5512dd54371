"""The data call's tables: accounts, calls, requests, answer versions and reviews.

Nothing is ever updated in place except a call's state and a request's due date:
every answer is a new row (a version) and every review decision is a new row.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["ROLES", "Answer", "Base", "Call", "Request", "Review", "SignInFailures", "User"]

ROLES = ("submitter", "reviewer", "coordinator")
QUALIFIERS = ("exact", "at_least", "estimated")


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    office: Mapped[str | None] = mapped_column(String(40))
    """The office a submitter answers for (the first part of a metric id)."""


class Call(Base):
    """One report's data call for one fiscal year."""

    __tablename__ = "calls"
    __table_args__ = (UniqueConstraint("report", "fiscal_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report: Mapped[str] = mapped_column(String(80))
    fiscal_year: Mapped[int]
    state: Mapped[str] = mapped_column(String(10))  # open | closed


class Request(Base):
    """What the call asks an office: one metric's value for the fiscal year."""

    __tablename__ = "requests"
    __table_args__ = (UniqueConstraint("call_id", "metric"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"))
    metric: Mapped[str] = mapped_column(String(120))
    office: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(Text)
    definition: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(80))
    is_list: Mapped[bool]
    last_value: Mapped[float | None]
    due: Mapped[dt.date | None]


class Answer(Base):
    """One version of an office's answer to a request."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("request_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"))
    version: Mapped[int]
    value: Mapped[float]
    unit: Mapped[str] = mapped_column(String(80))
    qualifier: Mapped[str] = mapped_column(String(20))
    as_of: Mapped[dt.date]
    items: Mapped[str] = mapped_column(Text, default="")
    """For a list: one item a line (the value is then the number of items)."""
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created: Mapped[dt.datetime]


class Review(Base):
    """A reviewer's decision on one answer version: approved or returned."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"))
    decision: Mapped[str] = mapped_column(String(10))  # approved | returned
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created: Mapped[dt.datetime]


class SignInFailures(Base):
    """Recent failed sign-ins of one account name or one client address.

    The key is a hash of the name or address (``throttle.key_of``); a row idle for the
    limits' ``forget_after`` is deleted.
    """

    __tablename__ = "sign_in_failures"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int]
    blocked_until: Mapped[dt.datetime | None]
    last_failure: Mapped[dt.datetime] = mapped_column(index=True)
