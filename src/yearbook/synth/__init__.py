"""Seeded synthetic records calibrated to a report's targets (the demo data).

Usage::

    targets = load_targets(Path("reports/ice-fy2023/targets.yaml"))
    tables = generate(targets, seed=2023, at_large_methods=[...], other_methods=[...])

`generate` is pure (no input or output); `write_demo` reads a report's targets
and reference tables and writes the records into a warehouse.
"""

from __future__ import annotations

from yearbook.synth.ero import (
    ERO_TABLES,
    EroYear,
    Profile,
    ero_years,
    generate,
    generate_years,
    iter_generate,
    read_apprehension_methods,
    write_demo,
)
from yearbook.synth.targets import Target, Targets, TargetsError, load_targets, parse_targets

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
]
