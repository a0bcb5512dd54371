"""The data call's services: open a call, export and load approved answers, serve."""

from __future__ import annotations

import datetime as dt
import os
import secrets

import pyarrow as pa

from yearbook.datacall.accounts import add_user
from yearbook.datacall.app import DataCall, create_app
from yearbook.datacall.export import approved_rows, rows_csv
from yearbook.datacall.requests import open_call, settings_of
from yearbook.datacall.store import Store, database_url
from yearbook.report import Report
from yearbook.tables.engine import SUBMISSIONS
from yearbook.warehouse import Warehouse

__all__ = [
    "DataCall",
    "Store",
    "add_user",
    "approved_csv",
    "approved_table",
    "create_app",
    "database_url",
    "load_approved",
    "open_datacall",
    "serve",
]


def open_datacall(report: Report, db: str | None) -> DataCall:
    """The report's call in the database (migrated, requests added if new)."""
    store = Store(database_url(db, report.folder))
    store.migrate()
    with store.session() as session:
        call = open_call(session, report)
    title = f"Data call: {report.spec.title}"
    return DataCall(store=store, call_id=call.id, title=title, settings=settings_of(report))


def approved_csv(datacall: DataCall) -> str:
    """The approved answers in the submissions CSV format."""
    from yearbook.datacall.models import Call

    with datacall.store.session() as session:
        call = session.get(Call, datacall.call_id)
        assert call is not None
        return rows_csv(approved_rows(session, call))


def approved_table(datacall: DataCall) -> pa.Table:
    """The approved answers as rows of the ``submissions`` table (ids ``DC-…``)."""
    from yearbook.datacall.models import Call

    with datacall.store.session() as session:
        call = session.get(Call, datacall.call_id)
        assert call is not None
        rows = approved_rows(session, call)
    for n, row in enumerate(rows, 1):
        row["submission_id"] = f"DC-{row.pop('fiscal_year')}-{n:06d}"
        row["as_of_date"] = dt.date.fromisoformat(row["as_of_date"])
        row["submitted_on"] = dt.date.fromisoformat(row["submitted_on"])
        row["item"] = row["item"] or None
        row["value"] = float(row["value"])
    return pa.Table.from_pylist(rows, schema=SUBMISSIONS.arrow_schema())


def load_approved(report: Report, warehouse: Warehouse, db: str) -> int:
    """Make the call's approved answers the warehouse's submissions of the call's fiscal
    year, in one transaction: rows the warehouse had for that year go, even if nothing
    replaces them. Returns the number of rows written."""
    datacall = open_datacall(report, db)
    try:
        table = approved_table(datacall)
    finally:
        datacall.store.close()
    with warehouse.transaction() as change:
        change.tables.get(SUBMISSIONS.name, {}).pop(report.spec.fiscal_year, None)
        change.write(SUBMISSIONS.name, table, mode="years")
    return int(table.num_rows)


def serve(datacall: DataCall, host: str, port: int, secure_cookies: bool = True) -> None:
    """Run the application until interrupted."""
    import uvicorn

    secret = os.environ.get("YEARBOOK_DATACALL_SECRET") or secrets.token_urlsafe(32)
    app = create_app(datacall, secret, secure_cookies=secure_cookies)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
