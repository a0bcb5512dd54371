"""Accounts: argon2 password hashes, roles and offices."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from yearbook.datacall.models import ROLES, User
from yearbook.errors import UserError

__all__ = ["add_user", "authenticate"]

_HASHER = PasswordHasher()
# A hash to verify against when the user does not exist, so that a wrong name
# takes as long as a wrong password.
_DUMMY = _HASHER.hash("not a password")


def add_user(session: Session, username: str, password: str, role: str, office: str | None) -> User:
    """Create an account; a submitter must name the office it answers for."""
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}", hint="roles: " + ", ".join(ROLES))
    if role == "submitter" and not office:
        raise UserError(
            "a submitter answers for one office",
            hint="give --office: the first part of its metrics' ids",
        )
    if len(password) < 8:
        raise UserError("the password is too short", hint="use at least 8 characters")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise UserError(f"the user {username!r} exists already", hint="choose another name")
    user = User(
        username=username,
        password_hash=_HASHER.hash(password),
        role=role,
        office=office if role == "submitter" else None,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The account whose name and password these are, or None."""
    user = session.scalar(select(User).where(User.username == username))
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    return user
