"""Synthetic HSI records (arrests, seizures, investigations, victims, interviews).

Every calibrated figure comes out exactly: arrests in total, in Operation
Without a Trace and by TCIU partners; the quantity seized of each commodity by
HSI as a whole, in Operation Without a Trace and by TCIUs (whole pounds,
dollars or items, so sums are exact); victims by type and whether the Victim
Assistance Program assisted them, and the minors among those; interviews.

Which quantities are lower bounds or estimates is part of the invented shape
(`QUALIFIED`): some Operation Without a Trace firearm counts are estimates and
some round counts are "at least" figures, as are some TCIU drug weights.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .distributions import (
    IntArray,
    boolean_array,
    date_array,
    draw_codes,
    labels,
)
from .segments import (
    columns_table,
    pick,
    record_days,
    rng_for,
    row_ids,
    split_total,
)
from .targets import Targets, TargetsError

__all__ = ["HSI_TABLES", "QUALIFIED", "TCIU_COUNTRIES", "generate_hsi_year", "hsi_years"]

HSI_TABLES = ("hsi_arrests", "seizures", "investigations", "victims", "forensic_interviews")

COMMODITIES = (
    "narcotics",
    "precursor_chemicals",
    "currency_assets",
    "virtual_currency",
    "firearms",
    "ammunition_magazines",
    "ammunition_rounds",
    "counterfeit_goods",
    "general_merchandise",
)
"""What a seizure took. Narcotics and precursors are weighed in pounds; currency,
assets and goods are valued in dollars; firearms, magazines and rounds are counted."""

QUANTITY_QUALIFIERS = ("exact", "at_least", "estimated")
"""How sure a recorded quantity is: counted or weighed exactly, a lower bound
(e.g. rounds still being counted), or an estimate. Sets a figure's ``bound``."""

VICTIM_TYPES = ("child_exploitation", "human_trafficking", "other")

WAT = "without_a_trace"
SCOPES = ("wat", "tciu", "rest")
"""Operation Without a Trace, TCIU partners, and the rest of HSI."""

TCIU_COUNTRIES = (
    "COLOMBIA", "MEXICO", "GUATEMALA", "HONDURAS", "EL SALVADOR", "DOMINICAN REPUBLIC",
    "PANAMA", "COSTA RICA", "ECUADOR", "PERU", "BRAZIL", "PARAGUAY", "JAMAICA",
    "ARGENTINA", "URUGUAY", "BELIZE",
)  # fmt: skip
_TCIU_WEIGHTS = np.linspace(3.0, 0.4, len(TCIU_COUNTRIES))

PROGRAMS = (
    "narcotics", "financial", "child_exploitation", "human_trafficking", "gangs",
    "weapons", "cyber", "trade", "other",
)  # fmt: skip
_PROGRAM_WEIGHTS = (30, 14, 12, 8, 10, 6, 5, 5, 10)

DRUGS = ("methamphetamine", "marijuana", "cocaine", "fentanyl", "heroin", "other")
_DRUG_WEIGHTS = (30, 28, 25, 8, 3, 6)

FIELD_OFFICES = (
    "Houston", "Los Angeles", "New York", "Miami", "Chicago", "San Antonio", "Phoenix",
    "Atlanta", "Newark", "San Diego", "El Paso", "Washington", "Denver", "Seattle",
)  # fmt: skip

AVERAGE_QUANTITY: Mapping[str, int] = {
    "narcotics": 130,
    "precursor_chemicals": 300,
    "currency_assets": 60_000,
    "virtual_currency": 400_000,
    "firearms": 3,
    "ammunition_magazines": 12,
    "ammunition_rounds": 600,
    "counterfeit_goods": 150_000,
    "general_merchandise": 350_000,
}
"""Invented mean quantity of one seizure line, which sets how many rows a total has."""

UNITS: Mapping[str, str] = {
    "narcotics": "lbs",
    "precursor_chemicals": "lbs",
    "currency_assets": "usd",
    "virtual_currency": "usd",
    "counterfeit_goods": "usd",
    "general_merchandise": "usd",
}
"""Unit of each commodity's quantity; the rest are counted in items."""

QUALIFIED: Mapping[tuple[str, str], tuple[str, float]] = {
    ("wat", "firearms"): ("estimated", 0.15),
    ("wat", "ammunition_rounds"): ("at_least", 0.10),
    ("tciu", "narcotics"): ("at_least", 0.05),
    ("tciu", "precursor_chemicals"): ("at_least", 0.10),
}
"""(scope, commodity) -> the qualifier some of its rows carry, and their share."""


def hsi_years(targets: Targets) -> list[int]:
    """The fiscal years with HSI targets, ascending."""
    return targets.years_with("hsi.arrests.total")


def _optional(codes: IntArray, names: tuple[str, ...]) -> pa.Array:
    """Labels of codes, null where the code is negative."""
    present = codes >= 0
    decoded = labels(np.where(present, codes, 0), names)
    return pc.if_else(boolean_array(present), decoded, pa.scalar(None, pa.string()))


def _arrests(targets: Targets, fy: int, seed: int) -> pa.Table:
    rng = rng_for(seed, fy, 101)
    total = targets.get("hsi.arrests.total", fy)
    wat = targets.get("hsi.arrests.wat", fy, default=0)
    tciu = targets.get("hsi.arrests.tciu", fy, default=0)
    if wat + tciu > total:
        raise TargetsError(f"FY{fy}: more WaT and TCIU arrests than HSI arrests")
    order = rng.permutation(total)
    operation = np.full(total, -1, dtype=np.int64)
    operation[order[:wat]] = 0
    country = np.full(total, -1, dtype=np.int64)
    country[order[wat : wat + tciu]] = draw_codes(rng, tciu, _TCIU_WEIGHTS)
    program = draw_codes(rng, total, _PROGRAM_WEIGHTS)
    program[order[:wat]] = PROGRAMS.index("weapons")
    return columns_table(
        {
            "arrest_id": row_ids("HA", fy, total),
            "arrest_date": date_array(record_days(rng, fy, total)),
            "program_area": labels(program, PROGRAMS),
            "operation": _optional(operation, (WAT,)),
            "tciu_country": _optional(country, TCIU_COUNTRIES),
            "person_id": pa.nulls(total, pa.string()),
        }
    )


def seizure_totals(targets: Targets, fy: int) -> dict[tuple[str, str], int]:
    """(scope, commodity) -> the quantity its rows must add up to."""
    out: dict[tuple[str, str], int] = {}
    for commodity in COMMODITIES:
        wat = targets.get(f"hsi.seizures.wat.{commodity}", fy, default=0)
        tciu = targets.get(f"hsi.seizures.tciu.{commodity}", fy, default=0)
        every = targets.find(f"hsi.seizures.all.{commodity}", fy)
        rest = (wat + tciu if every is None else every) - wat - tciu
        if rest < 0:
            raise TargetsError(f"FY{fy}: HSI {commodity} seized is below its WaT and TCIU parts")
        out.update({("wat", commodity): wat, ("tciu", commodity): tciu, ("rest", commodity): rest})
    return out


def _seizures(targets: Targets, fy: int, seed: int) -> pa.Table:
    rng = rng_for(seed, fy, 102)
    parts: dict[str, list[IntArray]] = {k: [] for k in ("commodity", "scope", "qty", "qual")}
    for (scope, commodity), total in seizure_totals(targets, fy).items():
        if total == 0:
            continue
        rows = int(min(total, max(1, round(total / AVERAGE_QUANTITY[commodity]))))
        qualifier = np.zeros(rows, dtype=np.int64)
        if (scope, commodity) in QUALIFIED:
            flag, share = QUALIFIED[(scope, commodity)]
            chosen = rng.permutation(rows)[: max(1, round(rows * share))]
            qualifier[chosen] = QUANTITY_QUALIFIERS.index(flag)
        parts["commodity"].append(np.full(rows, COMMODITIES.index(commodity), dtype=np.int64))
        parts["scope"].append(np.full(rows, SCOPES.index(scope), dtype=np.int64))
        parts["qty"].append(split_total(rng, total, rows, spread=1.1))
        parts["qual"].append(qualifier)
    arrays = {k: np.concatenate(v) for k, v in parts.items()}
    rows = len(arrays["qty"])
    days = record_days(rng, fy, rows)
    order = rng.permutation(rows)  # days are sorted; shuffle which row gets which day
    kind, where = arrays["commodity"][order], arrays["scope"][order]
    narcotic = kind == COMMODITIES.index("narcotics")
    drug = np.where(narcotic, draw_codes(rng, rows, _DRUG_WEIGHTS), -1)
    country = np.where(where == 1, draw_codes(rng, rows, _TCIU_WEIGHTS), -1)
    unit_names = ("lbs", "usd", "items")
    unit_of = np.array([unit_names.index(UNITS.get(c, "items")) for c in COMMODITIES])
    return columns_table(
        {
            "seizure_id": row_ids("HS", fy, rows),
            "seizure_date": date_array(days),
            "commodity": labels(kind, COMMODITIES),
            "drug_type": _optional(drug, DRUGS),
            "quantity": pa.array(arrays["qty"][order].astype(np.float64)),
            "unit": labels(unit_of[kind], unit_names),
            "quantity_qualifier": labels(arrays["qual"][order], QUANTITY_QUALIFIERS),
            "operation": _optional(np.where(where == 0, 0, -1), (WAT,)),
            "tciu_country": _optional(country, TCIU_COUNTRIES),
        }
    )


def _investigations(targets: Targets, fy: int, seed: int) -> pa.Table:
    rng = rng_for(seed, fy, 103)
    total = targets.get("hsi.investigations.total", fy)
    wat = targets.get("hsi.investigations.wat", fy, default=0)
    if wat > total:
        raise TargetsError(f"FY{fy}: more WaT investigations than investigations")
    operation = np.full(total, -1, dtype=np.int64)
    operation[rng.permutation(total)[:wat]] = 0
    program = np.where(
        operation == 0, PROGRAMS.index("weapons"), draw_codes(rng, total, _PROGRAM_WEIGHTS)
    )
    return columns_table(
        {
            "case_id": row_ids("HC", fy, total),
            "opened_date": date_array(record_days(rng, fy, total)),
            "program_area": labels(program, PROGRAMS),
            "operation": _optional(operation, (WAT,)),
        }
    )


def victim_groups(targets: Targets, fy: int) -> dict[tuple[str, bool], int]:
    """(victim type, assisted by VAP) -> how many victims."""
    get = targets.get
    ce, ce_vap = (
        get("hsi.victims.child_exploitation", fy),
        get("hsi.victims.child_exploitation_vap", fy),
    )
    ht, ht_vap = (
        get("hsi.victims.human_trafficking", fy),
        get("hsi.victims.human_trafficking_vap", fy),
    )
    other = get("hsi.victims.other", fy)
    other_vap = get("hsi.victims.vap_total", fy) - ce_vap - ht_vap
    groups = {
        ("child_exploitation", True): ce_vap,
        ("child_exploitation", False): ce - ce_vap,
        ("human_trafficking", True): ht_vap,
        ("human_trafficking", False): ht - ht_vap,
        ("other", True): other_vap,
        ("other", False): other - other_vap,
    }
    if min(groups.values()) < 0:
        raise TargetsError(f"FY{fy}: the HSI victim targets are inconsistent: {groups}")
    return groups


def _victims(targets: Targets, fy: int, seed: int) -> pa.Table:
    rng = rng_for(seed, fy, 104)
    groups = victim_groups(targets, fy)
    kinds = np.concatenate(
        [np.full(n, VICTIM_TYPES.index(t), dtype=np.int64) for (t, _), n in groups.items()]
    )
    vap = np.concatenate([np.full(n, v, dtype=bool) for (_, v), n in groups.items()])
    minors_vap = targets.get("hsi.victims.vap_minors", fy)
    assisted = np.flatnonzero(vap)
    if minors_vap > len(assisted):
        raise TargetsError(f"FY{fy}: more VAP minors than victims VAP assisted")
    weight = np.where(kinds[assisted] == 0, 6.0, np.where(kinds[assisted] == 1, 1.5, 1.0))
    minor = np.zeros(len(kinds), dtype=bool)
    minor[rng.choice(assisted, size=minors_vap, replace=False, p=weight / weight.sum())] = True
    unassisted = np.flatnonzero(~vap)
    minor[unassisted] = rng.random(len(unassisted)) < 0.3
    order = rng.permutation(len(kinds))
    return columns_table(
        {
            "victim_id": row_ids("HV", fy, len(kinds)),
            "identified_date": date_array(record_days(rng, fy, len(kinds))),
            "victim_type": labels(kinds[order], VICTIM_TYPES),
            "minor": boolean_array(minor[order]),
            "vap_assisted": boolean_array(vap[order]),
        }
    )


def _interviews(targets: Targets, fy: int, seed: int) -> pa.Table:
    rng = rng_for(seed, fy, 105)
    total = targets.get("hsi.forensic_interviews.total", fy)
    return columns_table(
        {
            "interview_id": row_ids("HF", fy, total),
            "interview_date": date_array(record_days(rng, fy, total)),
            "field_office": pick(
                rng, total, FIELD_OFFICES, np.linspace(2.0, 0.5, len(FIELD_OFFICES))
            ),
            "minor": boolean_array(rng.random(total) < 0.72),
        }
    )


def generate_hsi_year(targets: Targets, fiscal_year: int, seed: int = 2023) -> dict[str, pa.Table]:
    """Every HSI table of one fiscal year; pure (no input or output)."""
    return {
        "hsi_arrests": _arrests(targets, fiscal_year, seed),
        "seizures": _seizures(targets, fiscal_year, seed),
        "investigations": _investigations(targets, fiscal_year, seed),
        "victims": _victims(targets, fiscal_year, seed),
        "forensic_interviews": _interviews(targets, fiscal_year, seed),
    }
