"""A figure as it travels between builds: the row the API lists at ``/api/figures``.

`yearbook.api` answers with it and `yearbook.claims.remote` reads it back, so the two
agree by construction on what a listed figure holds. Its fields are the figures table's
(`yearbook.figures.FIGURES_SCHEMA`) less the SQL, which the API gives per metric.
"""

from __future__ import annotations

from pydantic import BaseModel

__all__ = ["FigureRecord"]


class FigureRecord(BaseModel):
    """One figure: a metric's value for a fiscal year, overall or for one breakdown value."""

    metric: str
    fiscal_year: int
    breakdown: str
    breakdown_value: str
    value: float | None
    unit: str
    status: str
    bound: str
    position: int | None
    prior_value: float | None
    yoy_change: float | None
    yoy_change_pct: float | None
    fingerprint: str
