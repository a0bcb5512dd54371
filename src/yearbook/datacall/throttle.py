"""Sign-in throttling: after a few failed sign-ins for one account name, or from one
client address, further attempts are refused for a while that doubles with each
further failure.

The counts live in the data call's database (``SignInFailures``), so a restart
forgets nothing and every server process on the database sees the same counts.
Each attempt is charged as a failure *before* its password is checked, with the
rows locked, so that attempts sent at once cannot slip past the limit together; a
right password then clears the account's count and refunds the address's charge.
A name is throttled the same whether or not it has an account, and a refused
attempt checks no password. Rows idle for ``forget_after`` are deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from yearbook.datacall.models import SignInFailures
from yearbook.errors import UserError

__all__ = [
    "Attempt",
    "Clock",
    "SignInLimits",
    "Throttled",
    "admit",
    "key_of",
    "succeeded",
    "utc_now",
]

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The time now in UTC, naive (as the database stores it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class SignInLimits:
    """How many failures are let through, and for how long a refusal lasts (seconds)."""

    account_failures: int = 5
    address_failures: int = 30
    lockout: float = 60.0
    max_lockout: float = 3600.0
    forget_after: float = 86400.0

    def __post_init__(self) -> None:
        if min(self.account_failures, self.address_failures) < 1 or self.lockout <= 0:
            raise UserError(
                "sign_in: the failure limits must be at least 1 and lockout above 0",
                hint="see docs/datacall.md, 'Signing in'",
            )
        if not self.lockout <= self.max_lockout <= self.forget_after:
            raise UserError(
                "sign_in: expected lockout <= max_lockout <= forget_after",
                hint="see docs/datacall.md, 'Signing in'",
            )

    def wait_after(self, failures: int, limit: int) -> dt.timedelta | None:
        """How long attempts are refused after ``failures`` failures (None: not at all).

        >>> SignInLimits().wait_after(4, 5), SignInLimits().wait_after(7, 5)
        (None, datetime.timedelta(seconds=240))
        """
        if failures < limit:
            return None
        return dt.timedelta(
            seconds=min(self.lockout * 2 ** min(failures - limit, 40), self.max_lockout)
        )


class Throttled(UserError):
    """An attempt refused until ``until``, before any password was checked."""

    def __init__(self, until: dt.datetime, now: dt.datetime) -> None:
        super().__init__(
            "too many failed sign-ins", hint=f"try again after {until:%Y-%m-%d %H:%M:%S} UTC"
        )
        self.until = until
        self.retry_after = max(1, math.ceil((until - now).total_seconds()))


def key_of(kind: str, value: str) -> str:
    """The row key of an account name or client address: no name is stored as given.

    >>> key_of("account", "clerk")[:16]
    'account:c40dc72b'
    """
    return f"{kind}:{hashlib.sha256(value.encode('utf-8', 'replace')).hexdigest()}"


@dataclass(frozen=True)
class Attempt:
    """A charged attempt: its keys, and the address's refusal before and after the
    charge (so that a success can take back only what it set)."""

    account: str
    address: str
    address_before: dt.datetime | None = None
    address_charged: dt.datetime | None = None


def _insert_missing(session: Session, keys: list[str], now: dt.datetime) -> None:
    rows = [{"key": key, "failures": 0, "last_failure": now} for key in keys]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(postgresql.insert(SignInFailures).values(rows).on_conflict_do_nothing())
    else:
        session.execute(sqlite.insert(SignInFailures).values(rows).on_conflict_do_nothing())


def _locked(session: Session, keys: list[str], now: dt.datetime) -> dict[str, SignInFailures]:
    """The keys' rows (made if missing), locked until the transaction ends: PostgreSQL
    locks the rows, SQLite the database (the prune before this is a write)."""
    _insert_missing(session, keys, now)
    rows = session.scalars(
        select(SignInFailures)
        .where(SignInFailures.key.in_(sorted(keys)))
        .order_by(SignInFailures.key)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {row.key: row for row in rows}


def _prune(session: Session, limits: SignInLimits, now: dt.datetime) -> None:
    """Delete the rows of no recent failure and no refusal in force."""
    idle = now - dt.timedelta(seconds=limits.forget_after)
    session.execute(
        delete(SignInFailures)
        .where(SignInFailures.last_failure < idle)
        .where(or_(SignInFailures.blocked_until.is_(None), SignInFailures.blocked_until <= now))
    )


def admit(
    session: Session, limits: SignInLimits, name: str, address: str, now: dt.datetime
) -> Attempt:
    """Charge one failure to the name and to the address, or raise ``Throttled`` when
    either is refused at ``now``. Called before the password is checked."""
    _prune(session, limits, now)
    attempt = Attempt(key_of("account", name), key_of("address", address))
    rows = _locked(session, [attempt.account, attempt.address], now)
    refused = [r.blocked_until for r in rows.values() if r.blocked_until and r.blocked_until > now]
    if refused:
        raise Throttled(max(refused), now)
    before = rows[attempt.address].blocked_until
    for key, limit in ((attempt.account, limits.account_failures),
                       (attempt.address, limits.address_failures)):  # fmt: skip
        _fail(rows[key], limits.wait_after(rows[key].failures + 1, limit), now)
    return Attempt(attempt.account, attempt.address, before, rows[attempt.address].blocked_until)


def _fail(row: SignInFailures, wait: dt.timedelta | None, now: dt.datetime) -> None:
    row.failures += 1
    row.last_failure = now
    row.blocked_until = now + wait if wait else None


def succeeded(session: Session, attempt: Attempt, now: dt.datetime) -> None:
    """The attempt's password was right: the account's count goes, and the address's
    charge is refunded (its count is not cleared: one good account must not open the
    way for guesses at the others from the same address)."""
    rows = _locked(session, [attempt.account, attempt.address], now)
    session.delete(rows[attempt.account])
    address = rows[attempt.address]
    address.failures = max(0, address.failures - 1)
    if address.blocked_until == attempt.address_charged:
        address.blocked_until = attempt.address_before
