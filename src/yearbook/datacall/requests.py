"""What the call asks: every ``submitted`` metric of a report, to its office.

The call's settings (due date, tolerance) may be declared in the report folder's
``datacall.yaml``::

    due: 2023-11-15          # when answers are due (a request may override it)
    tolerance: 0.5           # a move of more than 50% from last year asks for a note
    tolerances: {office.some_metric: 0.2}
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from yearbook.calendar import fiscal_year_bounds
from yearbook.datacall.models import Call, Request
from yearbook.errors import UserError
from yearbook.report import Report
from yearbook.yamlio import safe_load

__all__ = ["CallSettings", "last_day", "open_call", "previous_values", "settings_of"]


@dataclass(frozen=True)
class CallSettings:
    due: dt.date | None = None
    tolerance: float = 0.5
    tolerances: dict[str, float] = field(default_factory=dict)

    def tolerance_of(self, metric: str) -> float:
        return self.tolerances.get(metric, self.tolerance)


def settings_of(report: Report) -> CallSettings:
    """The call's settings from ``datacall.yaml`` beside ``report.yaml`` (defaults if none)."""
    path = report.folder / "datacall.yaml"
    if not path.is_file():
        return CallSettings()
    raw = safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise UserError(f"{path}: expected a mapping", hint="keys: due, tolerance, tolerances")
    due = raw.get("due")
    return CallSettings(
        due=due if isinstance(due, dt.date) else None,
        tolerance=float(raw.get("tolerance", 0.5)),
        tolerances={str(k): float(v) for k, v in (raw.get("tolerances") or {}).items()},
    )


def previous_values(report: Report, fiscal_year: int) -> dict[str, float]:
    """Last year's values per metric, from the report's submissions file."""
    path = report.folder / "submissions.csv"
    if not path.is_file():
        return {}
    totals: dict[str, float] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                if int(row["fiscal_year"]) == fiscal_year - 1:
                    totals[row["metric"]] = totals.get(row["metric"], 0.0) + float(row["value"])
            except (KeyError, TypeError, ValueError):
                raise UserError(
                    f"{path}: a row without a numeric fiscal_year and value",
                    hint="columns: metric, fiscal_year, value, ...",
                ) from None
    return totals


def open_call(session: Session, report: Report) -> Call:
    """The report's call for its fiscal year, created with its requests if new.

    Requests of metrics declared since are added; nothing is removed.
    """
    fy = report.spec.fiscal_year
    call = session.scalar(select(Call).where(Call.report == report.spec.id, Call.fiscal_year == fy))
    if call is None:
        call = Call(report=report.spec.id, fiscal_year=fy, state="open")
        session.add(call)
        session.flush()
    have = set(session.scalars(select(Request.metric).where(Request.call_id == call.id)))
    settings = settings_of(report)
    last = previous_values(report, fy)
    for decl in report.metrics.values():
        if decl.measure != "submitted" or decl.id in have:
            continue
        session.add(
            Request(
                call_id=call.id,
                metric=decl.id,
                office=decl.office,
                label=decl.label,
                definition=decl.definition,
                unit=decl.unit,
                is_list="item" in decl.breakdowns,
                last_value=last.get(decl.id),
                due=settings.due,
            )
        )
    session.flush()
    return call


def last_day(fiscal_year: int) -> dt.date:
    """The last day of a fiscal year (30 September)."""
    return fiscal_year_bounds(fiscal_year)[1]
