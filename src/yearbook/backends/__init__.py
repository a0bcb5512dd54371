"""Execution backends: run one SQL statement, get Arrow back.

The metric layer compiles declarations to SQL trees and renders them in the
dialect of the engine that runs them (`DIALECTS`); a backend runs that SQL as
it is. Two ship with yearbook, in this order:

* ``duckdb`` (default): embedded, over the Parquet warehouse, through
  `yearbook.warehouse.Database`, the one owner of a DuckDB connection;
* ``spark``: Spark SQL, run by pyspark over the same Parquet files, in local
  mode or on any cluster (``spark.master``).

Both satisfy `Backend`; `open_backend` picks one by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyarrow as pa

from yearbook.errors import UserError
from yearbook.warehouse import Warehouse

__all__ = ["DIALECTS", "ENGINES", "Backend", "check_engine", "open_backend", "parse_settings"]

ENGINES = ("duckdb", "spark")
"""Backend names, default first."""
DIALECTS: Mapping[str, str] = {"duckdb": "duckdb", "spark": "spark"}
"""Engine name -> the SQL dialect (sqlglot's name) its queries are compiled to."""


@runtime_checkable
class Backend(Protocol):
    """What the metric engine needs from an engine: SQL in, Arrow out."""

    name: str
    dialect: str

    def query(self, sql: str) -> pa.Table:
        """Run one statement written in the backend's `dialect` and return its rows."""
        ...

    def close(self) -> None:
        """Release the backend's resources."""
        ...


def open_backend(
    engine: str,
    warehouse: Warehouse,
    references: Mapping[str, Path],
    settings: Mapping[str, str] | None = None,
) -> Backend:
    """The backend called `engine`, reading `warehouse` and the report's reference tables.

    `settings` are engine settings: for DuckDB ``memory_limit`` and ``threads``;
    for Spark ``spark.master`` and any other Spark configuration key.
    """
    check_engine(engine)
    if engine == "spark":
        from yearbook.backends.spark import SparkBackend

        return SparkBackend(warehouse, references, settings or {})
    from yearbook.backends.duckdb import DuckDBBackend

    return DuckDBBackend(warehouse, references, settings or {})


def check_engine(engine: str) -> None:
    """Fail clearly unless `engine` names a backend (`ENGINES`)."""
    if engine not in ENGINES:
        raise UserError(f"unknown engine {engine!r}", hint=f"choose one of: {', '.join(ENGINES)}")


def parse_settings(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``KEY=VALUE`` strings as a mapping.

    >>> parse_settings(["spark.master=local[2]", "spark.executor.memory=4g"])
    {'spark.master': 'local[2]', 'spark.executor.memory': '4g'}
    """
    settings: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(
                f"setting {pair!r} is not KEY=VALUE", hint="write e.g. spark.master=local[2]"
            )
        settings[key.strip()] = value.strip()
    return settings
