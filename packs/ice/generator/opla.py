"""Synthetic OPLA records: hearings, case completions by outcome, special caseloads.

Hearings and completions are exact record counts, so the published round
numbers (1,300,000 hearings; 49,000 orders of relief ...) are counted, not
rounded. Courts and hearing types are invented weights.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from .distributions import date_array, labels
from .segments import columns_table, pick, record_days, rng_for, row_ids, year_end
from .targets import Targets

__all__ = ["COURTS", "OPLA_TABLES", "generate_opla_year", "opla_years"]

OPLA_TABLES = ("opla_hearings", "opla_completions", "opla_caseload")

OUTCOMES = ("relief_granted", "removal_order", "pd_dismissal", "other")
"""How a case before the immigration courts ended: relief granted, an order of
removal, dismissal in the exercise of prosecutorial discretion, or otherwise."""

CASELOAD_PROGRAMS = ("human_rights_violator", "national_security")

COURTS = (
    "New York", "Miami", "Houston", "Los Angeles", "San Francisco", "Chicago", "Newark",
    "Dallas", "Atlanta", "Arlington", "Boston", "Baltimore", "Phoenix", "San Antonio",
    "Orlando", "Denver", "Seattle", "Charlotte", "Memphis", "Las Vegas",
)  # fmt: skip
_COURT_WEIGHTS = np.linspace(3.0, 0.6, len(COURTS))
_HEARING_MONTHS = (1.0, 0.95, 0.8, 1.0, 1.0, 1.1, 1.05, 1.05, 1.05, 1.0, 1.0, 0.95)


def opla_years(targets: Targets) -> list[int]:
    """The fiscal years with OPLA targets, ascending."""
    return targets.years_with("opla.hearings.total")


def _hearings(targets: Targets, fy: int, seed: int) -> pa.Table:
    rng = rng_for(seed, fy, 201)
    total = targets.get("opla.hearings.total", fy)
    return columns_table(
        {
            "hearing_id": row_ids("OH", fy, total),
            "hearing_date": date_array(record_days(rng, fy, total, _HEARING_MONTHS)),
            "court": pick(rng, total, COURTS, _COURT_WEIGHTS),
            "hearing_type": pick(rng, total, ("master", "individual"), (0.78, 0.22)),
        }
    )


def _completions(targets: Targets, fy: int, seed: int) -> pa.Table:
    rng = rng_for(seed, fy, 202)
    counts = [targets.get(f"opla.completions.{outcome}", fy) for outcome in OUTCOMES]
    outcome = np.repeat(np.arange(len(OUTCOMES), dtype=np.int64), counts)
    rng.shuffle(outcome)
    total = len(outcome)
    return columns_table(
        {
            "completion_id": row_ids("OC", fy, total),
            "completion_date": date_array(record_days(rng, fy, total)),
            "outcome": labels(outcome, OUTCOMES),
            "court": pick(rng, total, COURTS, _COURT_WEIGHTS),
        }
    )


def _caseload(targets: Targets, fy: int) -> pa.Table:
    counts = [targets.get(f"opla.caseload.{program}", fy) for program in CASELOAD_PROGRAMS]
    program = np.repeat(np.arange(len(CASELOAD_PROGRAMS), dtype=np.int64), counts)
    total = len(program)
    return columns_table(
        {
            "case_id": row_ids("OS", fy, total),
            "as_of_date": year_end(fy, total),
            "program": labels(program, CASELOAD_PROGRAMS),
        }
    )


def generate_opla_year(targets: Targets, fiscal_year: int, seed: int = 2023) -> dict[str, pa.Table]:
    """Every OPLA table of one fiscal year; pure (no input or output)."""
    return {
        "opla_hearings": _hearings(targets, fiscal_year, seed),
        "opla_completions": _completions(targets, fiscal_year, seed),
        "opla_caseload": _caseload(targets, fiscal_year),
    }
