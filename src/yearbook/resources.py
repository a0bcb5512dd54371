"""DuckDB's resource settings, and its out-of-memory error as one line saying what to do.

Every `Database` takes its memory limit from the caller (the build's
``--setting memory_limit=...``) or else from ``YEARBOOK_MEMORY_LIMIT``, which is
how an ingest is given one. When a query needs more memory than the limit,
DuckDB raises ``OutOfMemoryException``; `out_of_memory` turns it into a
`LimitError` naming what was being done, the limit in force and the knobs.
"""

from __future__ import annotations

import os

import duckdb

from yearbook.errors import LimitError, UserError

__all__ = ["MEMORY_ENV", "THREADS_ENV", "configure", "out_of_memory"]

MEMORY_ENV = "YEARBOOK_MEMORY_LIMIT"
"""DuckDB's memory limit for every connection that is not given one (e.g. ``4GB``)."""

THREADS_ENV = "YEARBOOK_THREADS"
"""DuckDB's thread count for every connection that is not given one."""


def configure(
    con: duckdb.DuckDBPyConnection, threads: int | None, memory_limit: str | None
) -> None:
    """Apply the thread count and memory limit, each from the argument or its variable."""
    memory = memory_limit or os.environ.get(MEMORY_ENV, "").strip() or None
    if memory:
        try:
            con.execute("SET memory_limit = ?", [memory])
        except duckdb.Error:
            raise UserError(
                f"the memory limit {memory!r} is not a size DuckDB understands",
                hint=f"give a number and a unit, e.g. 4GB or 512MB ({MEMORY_ENV} or "
                "--setting memory_limit=...)",
            ) from None
    count = threads or _env_threads()
    if count:
        con.execute(f"SET threads = {int(count)}")


def _env_threads() -> int | None:
    value = os.environ.get(THREADS_ENV, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise UserError(
            f"{THREADS_ENV} must be a whole number of at least 1, not {value!r}",
            hint=f"set {THREADS_ENV}=2, or unset it to use every core",
        )
    return int(value)


def out_of_memory(con: duckdb.DuckDBPyConnection, subject: str) -> LimitError:
    """The error for a query that ran out of memory while `subject` (e.g. "loading x.csv")."""
    try:
        row = con.execute("SELECT current_setting('memory_limit')").fetchone()
    except duckdb.Error:
        row = None
    limit = "unknown" if row is None else str(row[0])
    return LimitError(
        f"DuckDB ran out of memory {subject} (memory limit {limit})",
        hint=f"give it more: set {MEMORY_ENV}=8GB (or --setting memory_limit=8GB for a build), "
        f"use fewer threads ({THREADS_ENV}=1 or --setting threads=1), or split the file",
    )
