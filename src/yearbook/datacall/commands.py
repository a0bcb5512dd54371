"""``yearbook datacall …``: serve the data call, add accounts, export approved answers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from yearbook.datacall.app import DataCall

__all__ = ["app", "demo_users"]

app = typer.Typer(
    help="The data call: offices answer the report's requests, reviewers approve.",
    no_args_is_help=True,
)
out = Console()

ReportArg = Annotated[Path, typer.Argument(help="Report folder (report.yaml, metrics/).")]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL: sqlite:///FILE or postgresql://USER@HOST/DB "
        "(default: REPORT.datacall.sqlite beside the report folder).",
    ),
]


def _open(report_dir: Path, db: str | None) -> DataCall:
    from yearbook.datacall import open_datacall
    from yearbook.report import load_report

    return open_datacall(load_report(report_dir), db)


@app.command("serve")
def serve_cmd(
    report_dir: ReportArg,
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Port to listen on (0 picks a free one).")] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    demo: Annotated[
        bool, typer.Option(help="Create the demo accounts (password: NAME-demo) if missing.")
    ] = False,
    insecure_cookies: Annotated[
        bool,
        typer.Option(help="Send the session cookie over plain HTTP too (a local test only)."),
    ] = False,
) -> None:
    """Serve the data call of a report's fiscal year."""
    from yearbook.datacall import serve

    datacall = _open(report_dir, db)
    if demo:
        names = demo_users(datacall)
        out.print("demo accounts: " + ", ".join(f"{n} / {n}-demo" for n in names))
    serve(datacall, host, port, secure_cookies=not insecure_cookies)


def demo_users(datacall: DataCall) -> dict[str, tuple[str, str | None]]:
    """The demo accounts, name -> (role, office): a coordinator, a reviewer and a
    submitter per office the call asks, named for its office. Created if missing;
    each signs in with its name followed by ``-demo``."""
    from sqlalchemy import select

    from yearbook.datacall.accounts import add_user
    from yearbook.datacall.models import Request, User

    with datacall.store.session() as session:
        asked = select(Request.office).where(Request.call_id == datacall.call_id).distinct()
        wanted: dict[str, tuple[str, str | None]] = {
            "coordinator": ("coordinator", None),
            "reviewer": ("reviewer", None),
            **{office: ("submitter", office) for office in sorted(session.scalars(asked))},
        }
        have = set(session.scalars(select(User.username)))
        for name, (role, office) in wanted.items():
            if name not in have:
                add_user(session, name, f"{name}-demo", role, office)
    return wanted


@app.command("add-user")
def add_user_cmd(
    report_dir: ReportArg,
    username: Annotated[str, typer.Argument(help="The account's name.")],
    role: Annotated[str, typer.Option(help="submitter, reviewer or coordinator.")],
    office: Annotated[
        str | None,
        typer.Option(help="For a submitter: the office it answers for (its metrics' id prefix)."),
    ] = None,
    db: DbOption = None,
    password: Annotated[
        str,
        typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, help="Password."),
    ] = "",
) -> None:
    """Create an account (the password is asked for, and stored as an argon2 hash)."""
    from sqlalchemy import select

    from yearbook.datacall.accounts import add_user
    from yearbook.datacall.models import Request
    from yearbook.errors import UserError

    datacall = _open(report_dir, db)
    with datacall.store.session() as session:
        asked = set(
            session.scalars(select(Request.office).where(Request.call_id == datacall.call_id))
        )
        if role == "submitter" and office and office not in asked:
            raise UserError(
                f"the call asks nothing of the office {office!r}",
                hint="offices asked: " + ", ".join(sorted(asked)),
            )
        add_user(session, username, password, role, office)
    out.print(f"added {role} {username}")


@app.command("export")
def export_cmd(
    report_dir: ReportArg,
    db: DbOption = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="CSV file to write (default: standard output).")
    ] = None,
) -> None:
    """Write the approved answers in the report's submissions.csv format."""
    from yearbook.datacall import approved_csv

    text = approved_csv(_open(report_dir, db))
    if out_file is None:
        print(text, end="")
    else:
        out_file.write_text(text, encoding="utf-8")
