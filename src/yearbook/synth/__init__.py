"""Seeded synthetic records calibrated to a report's targets (the demo data).

Usage::

    targets = load_targets(Path("reports/ice-fy2023/targets.yaml"))
    tables = generate(targets, seed=2023, at_large_methods=[...], other_methods=[...])

`generate` is pure (no input or output); `write_demo` reads a report's targets
and reference tables and writes the records into a warehouse.
"""

from __future__ import annotations

from pathlib import Path

from yearbook.synth.ero import (
    ERO_TABLES,
    EroYear,
    Profile,
    ero_years,
    generate,
    generate_years,
    iter_generate,
    read_apprehension_methods,
)
from yearbook.synth.ero import write_demo as write_ero_demo
from yearbook.synth.offices import write_offices
from yearbook.synth.targets import Target, Targets, TargetsError, load_targets, parse_targets
from yearbook.warehouse import Warehouse

__all__ = [
    "ERO_TABLES",
    "EroYear",
    "Profile",
    "Target",
    "Targets",
    "TargetsError",
    "ero_years",
    "generate",
    "generate_years",
    "iter_generate",
    "load_targets",
    "parse_targets",
    "read_apprehension_methods",
    "write_demo",
    "write_offices",
]


def write_demo(
    warehouse: Warehouse,
    report_dir: Path,
    seed: int = 2023,
    *,
    scale: float = 1.0,
    profile: Profile | None = None,
) -> dict[str, int]:
    """Write every office's demo records (ERO's scaled by `scale`); rows per table."""
    rows = write_ero_demo(warehouse, report_dir, seed, scale=scale, profile=profile)
    rows.update(write_offices(warehouse, report_dir, seed))
    return rows
