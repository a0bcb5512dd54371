"""The FY2023 demo report's figures do not move when agency knowledge moves into a pack.

`tests/data/ice_fy2023_demo_figures.csv` is the figures table (without its lineage
columns) of the demo build made before the ICE tables, layouts and generator left
the engine. Regenerate it only when a change is meant to alter figures, and say so.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pyarrow.parquet as pq

from tests.conftest import Demo

STORED = Path(__file__).parent / "data" / "ice_fy2023_demo_figures.csv"
KEY = ("metric", "fiscal_year", "breakdown", "breakdown_value")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def test_demo_figures_equal_the_stored_copy(demo: Demo) -> None:
    with STORED.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = list(reader.fieldnames or ())
        stored = {tuple(row[k] for k in KEY): row for row in reader}
    built = pq.read_table(demo.result.out / "figures.parquet").select(columns).to_pylist()
    rows = {tuple(_text(r[k]) for k in KEY): {c: _text(r[c]) for c in columns} for r in built}
    assert sorted(set(stored) - set(rows)) == [], "figures missing from the build"
    assert sorted(set(rows) - set(stored)) == [], "figures the stored copy does not have"
    changed = []
    for key, row in rows.items():
        want = stored[key]
        for col in columns:
            a, b = row[col], want[col]
            if col == "value" and a and b and math.isclose(float(a), float(b), rel_tol=1e-12):
                continue
            if a != b:
                changed.append((key, col, b, a))
    assert changed == []
