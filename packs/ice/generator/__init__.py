"""The ICE pack's demo-data generator: seeded synthetic records calibrated to a
report's targets (the demo data).

This is pack code, not engine code: `yearbook demo` finds it through
``generator:`` in ``packs/ice/pack.yaml`` and loads it by its path as the
package ``ice_generator`` (`yearbook.packs.Pack.generator_module`). It knows
ICE's tables and offices; the engine knows neither.

Usage::

    targets = load_targets(Path("reports/ice-fy2023/targets.yaml"))
    tables = generate(targets, seed=2023, at_large_methods=[...], other_methods=[...])

`generate` is pure (no input or output); `write_demo` reads a report's targets
and reference tables and writes the records into a warehouse.
"""

from __future__ import annotations

from pathlib import Path

from yearbook.warehouse import Warehouse

from .ero import (
    ERO_TABLES,
    EroYear,
    Profile,
    ero_years,
    generate,
    generate_years,
    iter_generate,
    read_apprehension_methods,
)
from .ero import write_demo as write_ero_demo
from .offices import write_offices
from .targets import Target, Targets, TargetsError, load_targets, parse_targets

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
