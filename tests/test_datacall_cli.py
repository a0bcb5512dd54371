"""The data call's commands, its database and its place in a build, without a browser.

On SQLite and on PostgreSQL: accounts from the command line, the approved answers
exported in the submissions format, and a build's fiscal year taken from them.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Iterator

import httpx
import pytest

from tests.datacall_support import answer_all_but
from yearbook.cli import main
from yearbook.datacall import create_app, load_approved, open_datacall
from yearbook.datacall.commands import demo_users
from yearbook.report import Report
from yearbook.warehouse import Database, Warehouse

HEADER = "metric,fiscal_year,as_of_date,item,value,unit,quantity_qualifier,submitted_by,submitted_on,source"


@pytest.fixture(scope="module")
def answered(datacall_db: str, report: Report) -> Iterator[str]:
    """A call whose requests are all answered and approved but one."""
    datacall = open_datacall(report, datacall_db)
    demo_users(datacall)
    datacall.store.close()
    answer_all_but(report, datacall_db, ("hsi.tciu_partner_countries",))
    yield datacall_db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_user_hashes_the_password_and_refuses_bad_accounts(
    answered: str, report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(report.folder)
    code, _, _ = run(capsys, "datacall", "add-user", folder, "lena", "--role", "reviewer",
                     "--db", answered, "--password", "a long password")  # fmt: skip
    assert code == 0
    from sqlalchemy import select

    from yearbook.datacall.models import User

    datacall = open_datacall(report, answered)
    with datacall.store.session() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "lena"))
    datacall.store.close()
    assert stored is not None and stored.startswith("$argon2") and "a long password" not in stored
    for extra, message in [
        (["lena", "--role", "reviewer"], "exists already"),
        (["sam", "--role", "submitter"], "answers for one office"),
        (["sam", "--role", "submitter", "--office", "xyz"], "asks nothing of the office 'xyz'"),
        (["sam", "--role", "boss"], "unknown role"),
    ]:
        code, _, err = run(capsys, "datacall", "add-user", folder, *extra, "--db", answered,
                           "--password", "a long password")  # fmt: skip
        assert code == 2 and message in err and "Traceback" not in err


def test_export_writes_the_approved_answers_in_the_submissions_format(
    answered: str, report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "datacall", "export", str(report.folder), "--db", answered)
    assert code == 0
    assert out.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(out)))
    metrics = {r["metric"] for r in rows}
    assert "hsi.tciu_partner_countries" not in metrics  # not approved: not exported
    awards = [r for r in rows if r["metric"] == "hsi.ondcp_awards_won"]
    assert len(awards) == 3 and {r["value"] for r in awards} == {"1"}
    assert all("approved by reviewer" in r["source"] and r["submitted_by"] == "hsi" for r in awards)


def test_a_bad_database_url_is_one_line(report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "datacall", "export", str(report.folder), "--db", "nosuch://x")
    assert code == 2 and "cannot use the data-call database" in err and "Traceback" not in err


def test_the_build_takes_the_years_submissions_from_the_approved_answers(
    answered: str, report: Report, warehouse_copy: Warehouse
) -> None:
    def count(metric: str) -> dict[int, int]:
        with Database(warehouse_copy) as db:
            rows = db.query(
                "SELECT year(as_of_date) + (month(as_of_date) >= 10)::INT AS fy, count(*) AS n "
                f"FROM submissions WHERE metric = '{metric}' GROUP BY 1"
            ).to_pylist()
        return {int(r["fy"]): int(r["n"]) for r in rows}

    before = count("hsi.tciu_partner_countries")
    assert before[2023] == 1 and before[2022] == 1
    written = load_approved(report, warehouse_copy, answered)
    assert written > 0
    assert count("hsi.tciu_partner_countries") == {2022: 1}  # FY2023 not approved: gone
    assert count("hsi.ondcp_awards_won")[2023] == 3


def test_the_session_cookie_is_secure_unless_told_otherwise(answered: str, report: Report) -> None:
    datacall = open_datacall(report, answered)
    app = create_app(datacall, "s" * 32)

    async def sign_in() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
            page = (await client.get("/login")).text
            token = page.split('name="csrf" value="')[1].split('"')[0]
            form = {"username": "hsi", "password": "hsi-demo", "csrf": token}
            return await client.post("/login", data=form)

    response = asyncio.run(sign_in())
    datacall.store.close()
    cookie = response.headers["set-cookie"].lower()
    assert response.status_code == 303
    assert "secure" in cookie and "httponly" in cookie and "samesite=strict" in cookie
