"""What the call asks: every ``submitted`` metric of a report, to its office.

The call's settings (due date, tolerance) may be declared in the report folder's
``datacall.yaml``::

    due: 2023-11-15          # when answers are due (a request may override it)
    tolerance: 0.5           # a move of more than 50% from last year asks for a note
    tolerances: {office.some_metric: 0.2}
    sign_in:                 # failed sign-ins before refusals (see docs/datacall.md)
      account_failures: 5    # per account name
      address_failures: 30   # per client address
      lockout: 60            # seconds refused at the limit, doubling with each failure
      max_lockout: 3600      # the longest refusal
      forget_after: 86400    # a count idle this long is forgotten
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yearbook.calendar import fiscal_year_bounds
from yearbook.datacall.models import Call, Request
from yearbook.datacall.throttle import SignInLimits
from yearbook.errors import UserError
from yearbook.report import Report
from yearbook.yamlio import safe_load

__all__ = [
    "CallSettings",
    "last_day",
    "open_call",
    "previous_values",
    "settings_of",
    "sign_in_limits",
]


@dataclass(frozen=True)
class CallSettings:
    due: dt.date | None = None
    tolerance: float = 0.5
    tolerances: dict[str, float] = field(default_factory=dict)
    sign_in: SignInLimits = field(default_factory=SignInLimits)

    def tolerance_of(self, metric: str) -> float:
        return self.tolerances.get(metric, self.tolerance)


def settings_of(report: Report) -> CallSettings:
    """The call's settings from ``datacall.yaml`` beside ``report.yaml`` (defaults if none)."""
    path = report.folder / "datacall.yaml"
    if not path.is_file():
        return CallSettings()
    raw = safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise UserError(
            f"{path}: expected a mapping", hint="keys: due, tolerance, tolerances, sign_in"
        )
    due = raw.get("due")
    return CallSettings(
        due=due if isinstance(due, dt.date) else None,
        tolerance=float(raw.get("tolerance", 0.5)),
        tolerances={str(k): float(v) for k, v in (raw.get("tolerances") or {}).items()},
        sign_in=sign_in_limits(raw.get("sign_in") or {}, path),
    )


def sign_in_limits(raw: Any, where: object) -> SignInLimits:
    """The ``sign_in`` limits of ``datacall.yaml`` (defaults for those not given)."""
    names = [f.name for f in fields(SignInLimits)]
    hint = "sign_in keys (numbers): " + ", ".join(names)
    if not isinstance(raw, dict) or set(raw) - set(names):
        raise UserError(f"{where}: sign_in: expected a mapping of known keys", hint=hint)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw.values()):
        raise UserError(f"{where}: sign_in: every limit is a number", hint=hint)
    whole = {"account_failures", "address_failures"}
    given: dict[str, Any] = {k: int(v) if k in whole else float(v) for k, v in raw.items()}
    try:
        return SignInLimits(**given)
    except UserError as err:
        raise UserError(f"{where}: {err.message}", hint=err.hint) from None


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
