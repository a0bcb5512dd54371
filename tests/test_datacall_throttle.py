"""Sign-in throttling of the data call, on a real server, on SQLite and PostgreSQL.

After a few failed sign-ins for one account name, or from one client address,
further attempts get 429 with Retry-After until a back-off that doubles with each
further failure has passed; a right password clears the account's count. Most tests
run the application in this process with a clock they move (no sleeping); each
test signs in from its own loopback address so that their address counts stay apart.
The last two run ``yearbook datacall serve`` processes to show that the counts
survive a restart and are shared by every process on the database.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from tests.conftest import REPORT_DIR
from tests.datacall_support import Client, Server, serving_app
from yearbook.datacall import accounts
from yearbook.datacall.app import DataCall, create_app
from yearbook.datacall.commands import demo_users
from yearbook.datacall.models import SignInFailures
from yearbook.datacall.requests import sign_in_limits
from yearbook.datacall.service import open_datacall
from yearbook.datacall.throttle import SignInLimits, key_of
from yearbook.errors import UserError
from yearbook.report import load_report

LIMITS = SignInLimits(
    account_failures=3, address_failures=10, lockout=60, max_lockout=600, forget_after=3600
)


@dataclass
class Clock:
    """The application's clock: it moves only when a test moves it."""

    now: dt.datetime = dt.datetime(2026, 1, 5, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@dataclass
class Served:
    url: str
    clock: Clock
    datacall: DataCall

    def client(self, source: str) -> Client:
        client = Client(self.url, source=source)
        client.get("/login")
        return client


@pytest.fixture(scope="module")
def served(datacall_db: str) -> Iterator[Served]:
    datacall = open_datacall(load_report(REPORT_DIR), datacall_db)
    demo_users(datacall)
    clock = Clock()
    settings = replace(datacall.settings, sign_in=LIMITS)
    app = create_app(replace(datacall, clock=clock, settings=settings), "secret", False)
    try:
        with serving_app(app) as url:
            yield Served(url, clock, datacall)
    finally:
        datacall.store.close()


def sign_in(client: Client, name: str, right: bool) -> httpx.Response:
    password = f"{name}-demo" if right else "not-the-password"
    return client.post("/login", {"username": name, "password": password})


def statuses(client: Client, name: str, right: bool, times: int) -> list[int]:
    found = []
    for _ in range(times):
        found.append(sign_in(client, name, right).status_code)
        if found[-1] == 303:
            client.get("/login")  # the new session's form
    return found


def test_failures_for_one_account_are_refused_for_a_doubling_while(served: Served) -> None:
    client, clock = served.client("127.0.0.2"), served.clock
    assert statuses(client, "hsi", right=False, times=3) == [400, 400, 400]
    refused = sign_in(client, "hsi", right=True)
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
    assert "Too many failed sign-ins. Try again in 60 seconds" in refused.text
    assert sign_in(served.client("127.0.0.3"), "hsi", right=True).status_code == 429
    clock.advance(59)
    assert sign_in(client, "hsi", right=True).headers["retry-after"] == "1"
    clock.advance(1)
    assert sign_in(client, "hsi", right=False).status_code == 400  # the 4th: twice as long
    assert sign_in(client, "hsi", right=True).headers["retry-after"] == "120"
    clock.advance(120)
    assert sign_in(client, "hsi", right=True).status_code == 303
    client.get("/login")  # the new session's form
    assert statuses(client, "hsi", right=False, times=3) == [400, 400, 400]  # counted anew
    assert sign_in(client, "hsi", right=True).headers["retry-after"] == "60"


class CountingHasher(PasswordHasher):
    """argon2's hasher, counting the passwords it checks."""

    checked = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.checked += 1
        return super().verify(hash, password)


def test_a_refused_attempt_checks_no_password_and_no_name_is_told_apart(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    hasher = CountingHasher()
    monkeypatch.setattr(accounts, "_HASHER", hasher)
    pages = {}
    for name, source in (("ero", "127.0.0.4"), ("nobody-by-this-name", "127.0.0.5")):
        client = served.client(source)
        failed = [sign_in(client, name, right=False) for _ in range(3)]
        assert [r.status_code for r in failed] == [400, 400, 400]
        checked = hasher.checked
        refused = [sign_in(client, name, right=True) for _ in range(3)]
        assert hasher.checked == checked  # no argon2 work for a refused attempt
        assert {(r.status_code, r.headers["retry-after"]) for r in refused} == {(429, "60")}
        pages[name] = [re.sub(r'value="[^"]+"', "", r.text) for r in (failed[0], refused[0])]
    assert hasher.checked == 6
    assert pages["ero"] == pages["nobody-by-this-name"]


def test_failures_from_one_address_are_refused_whatever_the_name(served: Served) -> None:
    client = served.client("127.0.0.6")
    assert statuses(client, "reviewer", right=True, times=12) == [303] * 12  # not failures
    tried = [sign_in(client, f"guess-{n}", right=False).status_code for n in range(10)]
    assert tried == [400] * 10
    assert sign_in(client, "reviewer", right=True).status_code == 429
    assert sign_in(served.client("127.0.0.7"), "reviewer", right=True).status_code == 303


def test_counts_idle_past_the_forgetting_time_are_deleted(served: Served) -> None:
    served.clock.advance(LIMITS.forget_after + LIMITS.max_lockout + 1)
    assert sign_in(served.client("127.0.0.8"), "ero", right=False).status_code == 400
    with served.datacall.store.session() as session:
        keys = set(session.scalars(select(SignInFailures.key)))
        fresh = {key_of("account", "ero"), key_of("address", "127.0.0.8")}
        assert fresh <= keys
        earlier = {key_of("account", "hsi"), key_of("address", "127.0.0.2")}
        assert not earlier & keys
        assert session.scalar(select(func.count()).select_from(SignInFailures)) == 2


def test_the_limits_are_read_from_datacall_yaml_and_checked() -> None:
    limits = sign_in_limits({"account_failures": 4, "lockout": 30}, "datacall.yaml")
    assert (limits.account_failures, limits.lockout, limits.max_lockout) == (4, 30.0, 3600.0)
    for bad in ({"acount_failures": 4}, {"lockout": "soon"}, {"account_failures": 0},
                {"lockout": 7200}, []):  # fmt: skip
        with pytest.raises(UserError, match="datacall.yaml: sign_in"):
            sign_in_limits(bad, "datacall.yaml")


def test_the_counts_are_shared_by_processes_and_survive_a_restart(datacall_db: str) -> None:
    first, second = Server(datacall_db).start(), Server(datacall_db).start()
    try:
        clients = [Client(server.url) for server in (first, second) for _ in range(6)]
        for client in clients:
            client.get("/login")
        answers: list[int] = []
        threads = [
            threading.Thread(
                target=lambda c=client: answers.append(sign_in(c, "coordinator", False).status_code)
            )
            for client in clients
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(answers) == [400] * 5 + [429] * 7  # the default limit: 5
        first.kill()
        first.start()
        again = Client(first.url)
        again.get("/login")
        refused = sign_in(again, "coordinator", right=True)
        assert refused.status_code == 429 and 0 < int(refused.headers["retry-after"]) <= 60
    finally:
        first.stop()
        second.stop()
