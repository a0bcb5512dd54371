"""Synthetic workforce records: year-end headcount by office, and deployments.

An employee keeps one identifier across years (office by office, the first
``n`` employees of an office are on board in a year with headcount ``n``).
Deployments to the Southwest Border name exactly the targeted number of
distinct employees; some of them are deployed twice.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from .distributions import (
    IntArray,
    boolean_array,
    date_array,
    integer_array,
    labels,
)
from .segments import columns_table, record_days, rng_for, row_ids, year_end
from .targets import Targets, TargetsError

__all__ = ["WORKFORCE_TABLES", "generate_workforce_year", "office_key", "workforce_years"]

WORKFORCE_TABLES = ("workforce", "deployments")

OFFICES = ("ERO", "HSI", "OPLA", "M&A", "OPR", "Leadership")
"""ICE's offices as the workforce records name them."""
_OFFICE_BLOCK = 1_000_000
"""Employee numbers of office ``i`` start at ``i * _OFFICE_BLOCK``."""
_LAW_ENFORCEMENT = {"ERO": 0.75, "HSI": 0.8, "OPR": 0.5}
_REPEAT_DEPLOYMENT = 0.12
_OTHER_DESTINATION = 0.06


def office_key(office: str) -> str:
    """The office's part of a target key: ``M&A`` -> ``ma``."""
    return "".join(c for c in office.lower() if c.isalnum())


def workforce_years(targets: Targets) -> list[int]:
    """The fiscal years with workforce targets, ascending."""
    return targets.years_with("workforce.ero")


def _employee_ids(numbers: IntArray) -> pa.Array:
    """``E<number>``: one identifier per employee number, the same every year."""
    text = pc.cast(integer_array(numbers, np.int64), pa.string())
    joined: pa.Array = pc.binary_join_element_wise("E", text, "")
    return joined


def _workforce(targets: Targets, fy: int, seed: int) -> tuple[pa.Table, dict[str, IntArray]]:
    rng = rng_for(seed, fy, 301)
    staff = {
        office: i * _OFFICE_BLOCK
        + np.arange(targets.get(f"workforce.{office_key(office)}", fy), dtype=np.int64)
        for i, office in enumerate(OFFICES)
    }
    numbers = np.concatenate(list(staff.values()))
    office = np.repeat(np.arange(len(OFFICES)), [len(v) for v in staff.values()])
    share = np.array([_LAW_ENFORCEMENT.get(o, 0.0) for o in OFFICES])[office]
    table = columns_table(
        {
            "employee_id": _employee_ids(numbers),
            "as_of_date": year_end(fy, len(numbers)),
            "office": labels(office, OFFICES),
            "law_enforcement": boolean_array(rng.random(len(numbers)) < share),
        }
    )
    return table, staff


def _deployments(targets: Targets, fy: int, seed: int, staff: dict[str, IntArray]) -> pa.Table:
    rng = rng_for(seed, fy, 302)
    people: list[IntArray] = []
    offices: list[IntArray] = []
    border: list[NDArray[np.bool_]] = []
    for i, office in enumerate(OFFICES):
        wanted = targets.get(f"deployments.{office_key(office)}.southwest_border", fy, default=0)
        if wanted > len(staff[office]):
            raise TargetsError(f"FY{fy}: more {office} employees deployed than on board")
        chosen = rng.choice(staff[office], size=wanted, replace=False)
        again = chosen[rng.random(wanted) < _REPEAT_DEPLOYMENT]
        elsewhere = rng.choice(
            staff[office], size=round(wanted * _OTHER_DESTINATION), replace=False
        )
        rows = np.concatenate([chosen, again, elsewhere])
        people.append(rows)
        offices.append(np.full(len(rows), i, dtype=np.int64))
        border.append(np.arange(len(rows)) < len(chosen) + len(again))
    numbers, home = np.concatenate(people), np.concatenate(offices)
    to_border = np.concatenate(border)
    order = rng.permutation(len(numbers))
    return columns_table(
        {
            "deployment_id": row_ids("D", fy, len(numbers)),
            "start_date": date_array(record_days(rng, fy, len(numbers))),
            "employee_id": _employee_ids(numbers[order]),
            "office": labels(home[order], OFFICES),
            "destination": labels(
                np.where(to_border[order], 0, 1).astype(np.int64), ("southwest_border", "other")
            ),
        }
    )


def generate_workforce_year(
    targets: Targets, fiscal_year: int, seed: int = 2023
) -> dict[str, pa.Table]:
    """The workforce snapshot and deployments of one fiscal year; pure."""
    workforce, staff = _workforce(targets, fiscal_year, seed)
    return {"workforce": workforce, "deployments": _deployments(targets, fiscal_year, seed, staff)}
