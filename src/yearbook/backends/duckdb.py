"""The DuckDB backend: the warehouse's own `Database`, behind the `Backend` protocol."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa

from yearbook.errors import UserError
from yearbook.warehouse import Database, Warehouse

__all__ = ["SETTINGS", "DuckDBBackend"]

SETTINGS = ("memory_limit", "threads")
"""What ``--setting`` may set for DuckDB (e.g. ``memory_limit=3GB``, ``threads=2``)."""


class DuckDBBackend:
    """Runs compiled SQL on embedded DuckDB over the Parquet warehouse."""

    name = "duckdb"
    dialect = "duckdb"

    def __init__(
        self,
        warehouse: Warehouse,
        references: Mapping[str, Path],
        settings: Mapping[str, str] | None = None,
    ) -> None:
        settings = dict(settings or {})
        unknown = sorted(set(settings) - set(SETTINGS))
        if unknown:
            raise UserError(
                f"the duckdb engine has no setting {', '.join(map(repr, unknown))}",
                hint=f"DuckDB takes {' and '.join(SETTINGS)}; Spark settings need --engine spark",
            )
        threads = settings.get("threads")
        if threads is not None and not threads.isdigit():
            raise UserError(f"threads must be a whole number, not {threads!r}")
        self._db = Database(
            warehouse,
            references=references,
            threads=int(threads) if threads else None,
            memory_limit=settings.get("memory_limit"),
        )

    def query(self, sql: str) -> pa.Table:
        """Run one statement and return its rows as Arrow."""
        return self._db.query(sql)

    def close(self) -> None:
        self._db.close()
