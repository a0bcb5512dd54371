"""Who may read and write what in the data call, tried on a real server.

Every route is tried as each role and anonymously, with another office's request
and answer ids, and every form is forged without its CSRF token: nothing is read
or written that the role may not. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.datacall_support import Client, Server, request_ids

ROLES = ("anonymous", "hsi", "ero", "reviewer", "coordinator")


@dataclass
class Call:
    """The server, a signed-in client per role, and ids to try."""

    server: Server
    clients: dict[str, Client]
    hsi_request: int
    ero_request: int
    hsi_answer: int

    def as_(self, role: str) -> Client:
        return self.clients[role]

    def versions(self, rid: int) -> int:
        """How many versions the request's answer has, as the coordinator sees it."""
        return len(
            re.findall(r'<li id="v\d+">', self.as_("coordinator").get(f"/requests/{rid}").text)
        )

    def state(self) -> str:
        return self.as_("coordinator").get("/board").text


@pytest.fixture(scope="module")
def call(datacall_db: str) -> Iterator[Call]:
    server = Server(datacall_db).start()
    try:
        clients = {role: Client(server.url) for role in ROLES}
        for role in ROLES[1:]:
            clients[role].login(role)
        hsi = request_ids(clients["hsi"])["hsi.tciu_partner_countries"]
        ero = request_ids(clients["ero"])["ero.ferm_launched"]
        answer = {
            "value": "16", "unit": "countries", "qualifier": "exact", "as_of": "2023-09-30",
            "source": "TCIU roster", "note": "",
        }  # fmt: skip
        assert clients["hsi"].post(f"/requests/{hsi}/answers", answer).status_code == 303
        page = clients["reviewer"].get(f"/requests/{hsi}").text
        found = re.search(r'action="/answers/(\d+)/review"', page)
        assert found
        yield Call(server, clients, hsi, ero, int(found.group(1)))
    finally:
        server.stop()


# (method, path, roles allowed) -- every route of the application.
ROUTES = [
    ("GET", "/", {"hsi", "ero", "reviewer", "coordinator"}),
    ("GET", "/requests/{hsi_request}", {"hsi", "reviewer", "coordinator"}),
    ("GET", "/requests/{ero_request}", {"ero", "reviewer", "coordinator"}),
    ("GET", "/board", {"coordinator"}),
    ("GET", "/board.csv", {"coordinator"}),
    ("GET", "/export.csv", {"coordinator"}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "allowed"), ROUTES)
def test_every_page_is_read_only_by_whom_it_may_be(
    call: Call, role: str, method: str, path: str, allowed: set[str]
) -> None:
    url = path.format(hsi_request=call.hsi_request, ero_request=call.ero_request)
    response = call.as_(role).get(url)
    if role in allowed:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 303 and response.headers["location"] == "/login"
    else:
        assert response.status_code in (403, 404)
        assert "TCIU roster" not in response.text and "countries" not in response.text


def test_a_submitter_sees_only_its_own_office_in_its_list(call: Call) -> None:
    assert set(request_ids(call.as_("hsi"))) and all(
        m.startswith("hsi.") for m in request_ids(call.as_("hsi"))
    )
    assert all(m.startswith("ero.") for m in request_ids(call.as_("ero")))
    assert {m.split(".")[0] for m in request_ids(call.as_("reviewer"))} >= {"ero", "hsi", "opr"}


ANSWER = {
    "value": "1", "unit": "initiatives", "qualifier": "exact", "as_of": "2023-05-01",
    "source": "forged", "note": "forged",
}  # fmt: skip


@pytest.mark.parametrize("role", ["anonymous", "hsi", "reviewer", "coordinator"])
def test_only_the_office_answers_its_requests(call: Call, role: str) -> None:
    before = call.versions(call.ero_request)
    response = call.as_(role).post(f"/requests/{call.ero_request}/answers", ANSWER)
    assert response.status_code in (403, 404)
    assert call.versions(call.ero_request) == before


@pytest.mark.parametrize("role", ["anonymous", "hsi", "ero", "coordinator"])
def test_only_reviewers_review(call: Call, role: str) -> None:
    response = call.as_(role).post(
        f"/answers/{call.hsi_answer}/review", {"decision": "approved", "comment": ""}
    )
    assert response.status_code in (403, 404)
    assert (
        "approved"
        not in call.as_("coordinator")
        .get(f"/requests/{call.hsi_request}")
        .text.split("<h2>History</h2>")[1]
    )


@pytest.mark.parametrize("role", ["anonymous", "hsi", "ero", "reviewer"])
@pytest.mark.parametrize(
    ("path", "form"),
    [("/call", {"state": "closed"}), ("/requests/{rid}/due", {"due": "2020-01-01"})],
)
def test_only_the_coordinator_opens_closes_and_sets_due_dates(
    call: Call, role: str, path: str, form: dict[str, str]
) -> None:
    response = call.as_(role).post(path.format(rid=call.hsi_request), form)
    assert response.status_code == 403
    board = call.state()
    assert 'id="call-state">open<' in board and "2020-01-01" not in board


FORGED = [
    ("hsi", "/requests/{hsi_request}/answers", {**ANSWER, "unit": "countries", "value": "16"}),
    ("reviewer", "/answers/{hsi_answer}/review", {"decision": "approved", "comment": ""}),
    ("coordinator", "/call", {"state": "closed"}),
    ("coordinator", "/requests/{hsi_request}/due", {"due": "2020-01-01"}),
]


@pytest.mark.parametrize(("role", "path", "form"), FORGED)
def test_a_form_without_its_csrf_token_changes_nothing(
    call: Call, role: str, path: str, form: dict[str, str]
) -> None:
    url = path.format(hsi_request=call.hsi_request, hsi_answer=call.hsi_answer)
    before = (call.versions(call.hsi_request), call.state())
    assert call.as_(role).post(url, form, csrf=False).status_code == 403
    wrong = {**form, "csrf": "x" * 43}
    assert call.as_(role).post(url, wrong, csrf=False).status_code == 403
    assert (call.versions(call.hsi_request), call.state()) == before


def test_signing_in_needs_the_forms_csrf_token(call: Call) -> None:
    stranger = Client(call.server.url)
    response = stranger.post("/login", {"username": "hsi", "password": "hsi-demo"}, csrf=False)
    assert response.status_code == 403 and "datacall" not in response.cookies


def test_a_wrong_password_signs_no_one_in(call: Call) -> None:
    stranger = Client(call.server.url)
    stranger.get("/login")
    response = stranger.post("/login", {"username": "hsi", "password": "wrong-password"})
    assert response.status_code == 400 and "wrong user name or password" in response.text
    assert stranger.get("/").status_code == 303


def test_the_session_cookie_is_signed_httponly_and_strict(call: Call) -> None:
    stranger = Client(call.server.url)
    stranger.get("/login")
    response = stranger.post("/login", {"username": "ero", "password": "ero-demo"})
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    stranger.cookies["datacall"] = stranger.cookies["datacall"][:-2] + "xx"  # tampered
    assert stranger.get("/").status_code == 303


def test_an_answer_far_from_last_year_needs_a_confirmation_note(call: Call) -> None:
    hsi = call.as_("hsi")
    rid = request_ids(hsi)["hsi.tciu_training_countries"]  # last year: 6
    far = {"value": "60", "unit": "countries", "qualifier": "exact", "as_of": "2023-09-30",
           "source": "roster", "note": ""}  # fmt: skip
    response = hsi.post(f"/requests/{rid}/answers", far)
    assert response.status_code == 400 and "needs a confirmation note" in response.text
    wrong_unit = {**far, "value": "8", "unit": "nations"}
    assert hsi.post(f"/requests/{rid}/answers", wrong_unit).status_code == 400
    assert call.versions(rid) == 0
    assert (
        hsi.post(
            f"/requests/{rid}/answers", {**far, "note": "ten times more: new program"}
        ).status_code
        == 303
    )
    assert call.versions(rid) == 1


def test_the_board_lists_every_request_with_its_state(call: Call) -> None:
    text = call.as_("coordinator").get("/board.csv").text
    lines = text.splitlines()
    assert lines[0] == "office,metric,label,due,state,version"
    states = {line.split(",")[1]: line for line in lines[1:]}
    assert ",submitted,1" in states["hsi.tciu_partner_countries"]
    assert ",missing," in states["ero.ferm_launched"]


def test_a_closed_call_takes_no_answer_until_reopened(call: Call) -> None:
    coordinator, hsi = call.as_("coordinator"), call.as_("hsi")
    coordinator.get("/board")
    assert coordinator.post("/call", {"state": "closed"}).status_code == 303
    before = call.versions(call.hsi_request)
    form = {"value": "16", "unit": "countries", "qualifier": "exact", "as_of": "2023-09-30",
            "source": "roster", "note": ""}  # fmt: skip
    hsi.get(f"/requests/{call.hsi_request}")
    response = hsi.post(f"/requests/{call.hsi_request}/answers", form)
    assert response.status_code == 403 and "closed" in response.text
    assert call.versions(call.hsi_request) == before
    coordinator.get("/board")
    assert coordinator.post("/call", {"state": "open"}).status_code == 303
    assert hsi.post(f"/requests/{call.hsi_request}/answers", form).status_code == 303
    assert call.versions(call.hsi_request) == before + 1


def test_the_coordinator_sets_a_due_date_on_the_board(call: Call) -> None:
    coordinator = call.as_("coordinator")
    coordinator.get("/board")
    response = coordinator.post(f"/requests/{call.ero_request}/due", {"due": "2023-11-15"})
    assert response.status_code == 303
    board = coordinator.get("/board.csv").text
    assert any(line.startswith("ero,ero.ferm_launched,") and ",2023-11-15," in line
               for line in board.splitlines())  # fmt: skip
    assert coordinator.post(f"/requests/{call.ero_request}/due", {"due": "soon"}).status_code == 400
