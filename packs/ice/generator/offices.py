"""The demo records of HSI, OPLA and the workforce, and the offices' submissions.

`write_offices` is the step `write_demo` runs after ERO's: it reads the
report's ``targets.yaml`` (calibration) and ``submissions.csv`` (office data)
and writes every table year by year through `Warehouse.write_table`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa

from yearbook.warehouse import Warehouse

from .hsi import generate_hsi_year, hsi_years
from .opla import generate_opla_year, opla_years
from .submissions import read_submissions
from .targets import Targets, load_targets
from .workforce import generate_workforce_year, workforce_years

__all__ = ["OFFICE_GENERATORS", "iter_offices", "write_offices"]

Generator = Callable[[Targets, int, int], dict[str, pa.Table]]

OFFICE_GENERATORS: tuple[tuple[Callable[[Targets], list[int]], Generator], ...] = (
    (hsi_years, generate_hsi_year),
    (opla_years, generate_opla_year),
    (workforce_years, generate_workforce_year),
)
"""Each office's (years it has targets for, generator of one year), in writing order."""


def iter_offices(targets: Targets, seed: int = 2023) -> Iterator[tuple[int, dict[str, pa.Table]]]:
    """Every office's tables, one fiscal year of one office at a time."""
    for years, generate in OFFICE_GENERATORS:
        for fiscal_year in years(targets):
            yield fiscal_year, generate(targets, fiscal_year, seed)


def write_offices(warehouse: Warehouse, report_dir: Path, seed: int = 2023) -> dict[str, int]:
    """Generate and write the offices' records and load their submissions; rows per table."""
    report_dir = Path(report_dir)
    targets = load_targets(report_dir / "targets.yaml")
    rows: dict[str, int] = {}
    for _, tables in iter_offices(targets, seed):
        for name, table in tables.items():
            warehouse.write_table(name, table)
            rows[name] = rows.get(name, 0) + table.num_rows
    submissions = report_dir / "submissions.csv"
    if submissions.is_file():
        table = read_submissions(submissions)
        warehouse.write_table("submissions", table)
        rows["submissions"] = table.num_rows
    return rows
