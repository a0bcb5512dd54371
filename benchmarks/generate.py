"""Benchmark data: demo-shaped ERO records at a chosen size, FY2014-FY2023.

The per-year shape (arrests, at-large share, people with a criminal history,
charges per person, removals and their flags) follows the report's FY2019-
FY2023 targets, repeated for FY2014-FY2018, and scaled so that the ten years
hold the requested number of arrests; removals come to about 0.8x and
charges about 1.7x the arrests, as in the demo data.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import time
from dataclasses import replace
from pathlib import Path

from ice_generator import EroYear, generate_years, load_targets, read_apprehension_methods
from ice_generator.ero import write_years

from yearbook.report import load_report
from yearbook.warehouse import Warehouse

__all__ = ["FIRST_YEAR", "LAST_YEAR", "bench_years", "make_warehouse"]

FIRST_YEAR, LAST_YEAR = 2014, 2023
SEED = 2023
MARKER = "bench.json"


def bench_years(report_dir: Path, arrests: int) -> list[EroYear]:
    """Ten years of targets adding up to `arrests` arrests.

    Every year has the FY2023 shape (removals ~0.84x and charges ~1.7x the
    arrests); the volume of each year follows the FY2019-FY2023 arrests.
    """
    targets = load_targets(report_dir / "targets.yaml")
    shape = EroYear.from_targets(targets, LAST_YEAR)
    volumes = [targets.get("arrests.total", fy) for fy in range(2019, 2024)]
    weights = [volumes[(fy - FIRST_YEAR) % len(volumes)] for fy in range(FIRST_YEAR, LAST_YEAR + 1)]
    unit = arrests / sum(weights) / shape.arrests
    return [
        replace(shape.scaled(unit * weight), fiscal_year=fy)
        for fy, weight in zip(range(FIRST_YEAR, LAST_YEAR + 1), weights, strict=True)
    ]


GENERATOR_MODULES = (
    "ice_generator.catalog",
    "ice_generator.distributions",
    "ice_generator.ero",
    "yearbook.memory",
    "yearbook.warehouse",
    "benchmarks.generate",
)
"""The code that decides what the benchmark data looks like and how it is written."""


def generator_digest() -> str:
    """A digest of the generator's code: cached data made by other code is made again."""
    digest = hashlib.blake2b(digest_size=8)
    for name in GENERATOR_MODULES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise RuntimeError(f"cannot find the source of {name}")
        digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()


def make_warehouse(
    root: Path, report_dir: Path, arrests: int
) -> tuple[Warehouse, dict[str, float]]:
    """Generate (or reuse) the benchmark warehouse; returns it and generation stats.

    Data already in `root` is reused when it was made for the same size by the
    same generator code (`generator_digest`).
    """
    marker = root / MARKER
    made_by = generator_digest()
    if marker.is_file():
        stats = json.loads(marker.read_text())
        if stats.get("arrests_requested") == arrests and stats.get("generator") == made_by:
            return Warehouse(root), stats
    if root.exists():
        shutil.rmtree(root)
    warehouse = Warehouse(root, load_report(report_dir).pack.tables)
    at_large, other = read_apprehension_methods(
        report_dir / "reference" / "apprehension_methods.csv"
    )
    years = bench_years(report_dir, arrests)
    started = time.perf_counter()  # from the first record to the last file closed
    rows = write_years(warehouse, generate_years(years, SEED, at_large, other))
    took = time.perf_counter() - started
    total = sum(rows.values())
    stats = {
        "generator": made_by,
        "arrests_requested": arrests,
        **{f"rows_{k}": v for k, v in rows.items()},
        "seconds": round(took, 2),
        "rows_per_second": round(total / took),
    }
    root.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps(stats, indent=2))
    return warehouse, stats
