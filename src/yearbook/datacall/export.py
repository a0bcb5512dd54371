"""What leaves the data call: the coordinator's board and the approved answers.

The approved answers are written in the report's ``submissions.csv`` format, so a
build reads them as it reads that file. Their source names the answer's version
and its approver, and ``submitted_by`` its submitter: a figure's provenance.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yearbook.datacall.answers import approved_answer, state_of, versions
from yearbook.datacall.models import Call, Request, User

__all__ = ["BoardRow", "approved_rows", "board", "board_csv", "rows_csv"]

CSV_COLUMNS = (
    "metric",
    "fiscal_year",
    "as_of_date",
    "item",
    "value",
    "unit",
    "quantity_qualifier",
    "submitted_by",
    "submitted_on",
    "source",
)


@dataclass(frozen=True)
class BoardRow:
    request_id: int
    office: str
    metric: str
    label: str
    due: str
    state: str
    version: int | None


def requests_of(session: Session, call: Call, office: str | None = None) -> list[Request]:
    query = select(Request).where(Request.call_id == call.id)
    if office is not None:
        query = query.where(Request.office == office)
    return list(session.scalars(query.order_by(Request.office, Request.metric)))


def board(session: Session, call: Call) -> list[BoardRow]:
    """Per office and request: missing, submitted, returned or approved, with its due date."""
    rows = []
    for request in requests_of(session, call):
        found = versions(session, request)
        rows.append(
            BoardRow(
                request_id=request.id,
                office=request.office,
                metric=request.metric,
                label=request.label,
                due=request.due.isoformat() if request.due else "",
                state=state_of(session, request),
                version=found[0].version if found else None,
            )
        )
    return rows


def _csv(header: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def board_csv(rows: list[BoardRow]) -> str:
    header = ("office", "metric", "label", "due", "state", "version")
    return _csv(header, [{k: getattr(r, k) for k in header} for r in rows])


def approved_rows(session: Session, call: Call) -> list[dict[str, Any]]:
    """Every approved answer as rows of the submissions format (one per item of a list)."""
    rows: list[dict[str, Any]] = []
    for request in requests_of(session, call):
        found = approved_answer(session, request)
        if found is None:
            continue
        answer, approval = found
        author = session.get(User, answer.author_id)
        reviewer = session.get(User, approval.reviewer_id)
        base = {
            "metric": request.metric,
            "fiscal_year": call.fiscal_year,
            "as_of_date": answer.as_of.isoformat(),
            "unit": answer.unit,
            "quantity_qualifier": answer.qualifier,
            "submitted_by": author.username if author else "",
            "submitted_on": answer.created.date().isoformat(),
            "source": (
                f"{answer.source} (data call answer v{answer.version}, submitted by "
                f"{author.username if author else '?'}, approved by "
                f"{reviewer.username if reviewer else '?'} on {approval.created.date()})"
            ),
        }
        items = [i for i in answer.items.split("\n") if i] if request.is_list else []
        if items:
            rows.extend({**base, "item": item, "value": 1} for item in items)
        else:
            rows.append({**base, "item": "", "value": answer.value})
    return rows


def rows_csv(rows: list[dict[str, Any]]) -> str:
    """Rows in the submissions CSV format."""
    return _csv(CSV_COLUMNS, rows)
