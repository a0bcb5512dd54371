"""The warehouse: Parquet partitioned by table and fiscal year, read through DuckDB.

Layout::

    WAREHOUSE/
      manifest.json                         the files that are the warehouse
      arrests/fiscal_year=2023/part-g3-0.parquet
      removals/fiscal_year=2023/part-g1-4.parquet
      ...

Every write is a transaction (`Warehouse.transaction`): new files beside the old,
then one rename of the manifest, under a lock on the warehouse
(`yearbook.manifest` says how a kill at any moment leaves it whole).

`Database` is the one owner of a DuckDB connection: metric, report and claim
code hand it SQL and get Arrow tables back; nothing else opens a connection.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import xxhash

from yearbook.calendar import FIRST_MONTH, fiscal_year
from yearbook.errors import InternalError, UserError, WarehouseError
from yearbook.manifest import (
    PARTITION_KEY,
    Manifest,
    WarehouseBusy,
    checkpoint,
    commit,
    current,
    fsync_dir,
    fsync_file,
    locked,
    remove_leftovers,
)
from yearbook.resources import configure, out_of_memory
from yearbook.tables import Tables, TableSchema, get_table

__all__ = [
    "DEFAULT_WAIT",
    "Change",
    "Database",
    "Partition",
    "QueryTimeout",
    "Warehouse",
    "WarehouseBusy",
    "checksum",
    "fiscal_years",
]

DEFAULT_WAIT = 60.0
"""Seconds a write waits for another process's write to the same warehouse."""


@dataclass(frozen=True)
class Partition:
    """One fiscal-year partition of one table, with the checksum of its files."""

    table: str
    fiscal_year: int
    files: tuple[Path, ...]
    fingerprint: str


class Warehouse:
    """A folder of Parquet files, one folder per canonical table and fiscal year.

    The files that make up the warehouse are those its manifest names
    (`yearbook.manifest`); every write is a `transaction` under the write lock.
    `snapshot()` pins what a reader sees for as long as it holds it.
    """

    def __init__(
        self,
        root: Path | str,
        tables: Tables | None = None,
        *,
        _pinned: Manifest | None = None,
    ) -> None:
        self.root = Path(root)
        self.schemas: Tables = tables or {}
        """The canonical tables it may be written (a pack's); reading needs none."""
        self._pinned = _pinned

    def _names(self) -> list[str]:
        """Tables it may hold: those it was given and the table folders on disk."""
        names = dict.fromkeys(self.schemas)
        if self.root.is_dir():
            for folder in sorted(self.root.iterdir()):
                if folder.is_dir() and any(folder.glob(f"{PARTITION_KEY}=*")):
                    names.setdefault(folder.name)
        return list(names)

    def manifest(self) -> Manifest:
        """The files of the warehouse: pinned for a snapshot, else read now."""
        return self._pinned if self._pinned is not None else current(self.root, self._names())

    def snapshot(self) -> Warehouse:
        """This warehouse as it is now, unchanged by later ingests (for one build)."""
        return Warehouse(self.root, self.schemas, _pinned=self.manifest())

    # -- writing ---------------------------------------------------------------
    @contextmanager
    def transaction(self, *, wait: float = DEFAULT_WAIT) -> Iterator[Change]:
        """A change to the warehouse, made whole or not at all.

        Holds the write lock (waiting up to `wait` seconds), removes what a killed
        writer left, and commits the change in one rename when the block ends
        without an error; on an error the files it wrote are removed.
        """
        if self._pinned is not None:
            raise InternalError("a warehouse snapshot is read-only")
        with locked(self.root, wait):
            names = self._names()
            base = current(self.root, names)
            if not base.stored and base.tables:
                commit(self.root, base, base)  # adopt a warehouse written before manifests
            remove_leftovers(self.root, base, names)
            checkpoint("warehouse.locked")
            change = Change(self.root, base, self.schemas)
            try:
                yield change
            except BaseException:
                change.discard()
                raise
            change.commit()

    def write_table(self, name: str, data: pa.Table, *, replace: bool = True) -> list[int]:
        """Write rows of a canonical table, partitioned by fiscal year of its date column.

        With `replace`, the fiscal years written replace those years' rows; without,
        the rows are added. One transaction (see `Change.write`). Returns the
        fiscal years written.
        """
        with self.transaction() as change:
            return change.write(name, data, mode="years" if replace else "append")

    # -- reading ---------------------------------------------------------------
    def tables(self) -> list[str]:
        """Canonical tables present in the warehouse."""
        present = self.manifest().tables
        return [t for t in sorted(present) if any(present[t].values())]

    def partition_files(self, table: str) -> list[tuple[int, tuple[Path, ...]]]:
        """The fiscal years of a table with data, and the files of each."""
        years = self.manifest().tables.get(table, {})
        return [
            (year, tuple(self.root / f for f in files))
            for year, files in sorted(years.items())
            if files
        ]

    def files(self, table: str) -> list[Path]:
        """Every file of a table, earliest fiscal year first."""
        return [f for _, files in self.partition_files(table) for f in files]

    def partitions(self, table: str) -> list[Partition]:
        """Every fiscal-year partition of a table, with its checksum."""
        return [
            Partition(table, year, files, checksum(files))
            for year, files in self.partition_files(table)
        ]

    def checksums(self, tables: Iterable[str] | None = None) -> dict[tuple[str, int], str]:
        """(table, fiscal year) -> checksum of the partition's files, for every partition.

        Every byte is read; partitions are hashed on as many threads as there are
        cores (hashing and reading release the GIL).
        """
        snap = self.snapshot()
        names = snap.tables() if tables is None else list(tables)
        jobs = [(name, year, files) for name in names for year, files in snap.partition_files(name)]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            sums = pool.map(lambda job: checksum(job[2]), jobs)
            return {(name, year): value for (name, year, _), value in zip(jobs, sums, strict=True)}

    def require(self, tables: Iterable[str]) -> None:
        """Fail clearly when a needed table has no data."""
        present = set(self.tables())
        missing = [t for t in tables if t not in present]
        if missing:
            raise WarehouseError(
                f"the warehouse at {self.root} has no data for: {', '.join(missing)}",
                hint="load records with `yearbook ingest` or generate the demo data "
                "with `yearbook demo`",
            )


class Change:
    """New partition files of one transaction, written beside the warehouse's own.

    Nothing it writes is part of the warehouse until `commit` names it in the
    manifest; files are fsynced before that.
    """

    def __init__(self, root: Path, base: Manifest, schemas: Tables) -> None:
        self.root = root
        self.base = base
        self.schemas = schemas
        self.generation = base.generation + 1
        self.tables: dict[str, dict[int, tuple[str, ...]]] = {
            name: dict(years) for name, years in base.tables.items()
        }
        self.written: list[Path] = []

    def write(self, name: str, data: pa.Table, *, mode: str = "years") -> list[int]:
        """Write rows of a canonical table, by fiscal year of its date column.

        `mode`: ``years`` replaces the fiscal years written, ``append`` adds to
        them, ``table`` replaces the whole table (an empty `data` empties it).
        Columns are cast to the canonical schema; a missing optional column is
        filled with nulls. A string column may come dictionary-encoded (as the
        demo generator makes its categories): Parquet then stores the codes as
        they are. Returns the fiscal years written.
        """
        if not self.schemas:
            raise WarehouseError(
                f"cannot write {name!r} into {self.root}: no canonical tables were given",
                hint="open it with the tables of a pack: `Warehouse(root, pack.tables)`",
            )
        schema = get_table(self.schemas, name)
        table = _conform(schema, data)
        years = self.tables.setdefault(name, {})
        if mode == "table":
            years.clear()
        written: list[int] = []
        for year, part in _by_fiscal_year(table, schema.date_column):
            relative = f"{name}/{PARTITION_KEY}={year}/part-g{self.generation}-{len(self.written)}"
            self._write_file(schema, part, self.root / f"{relative}.parquet")
            kept = years.get(year, ()) if mode == "append" else ()
            years[year] = (*kept, f"{relative}.parquet")
            written.append(year)
        return written

    def _write_file(self, schema: TableSchema, part: pa.Table, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.written.append(path)
        with pq.ParquetWriter(
            path,
            part.schema,
            compression="zstd",
            use_dictionary=_dictionary_columns(schema),
            # The canonical types all have Parquet logical types; without the
            # Arrow schema a dictionary-encoded column reads back as plain strings.
            store_schema=False,
        ) as writer:
            writer.write_table(part, row_group_size=1 << 20)
            checkpoint("warehouse.partition-open")
        fsync_file(path)
        fsync_dir(path.parent)
        checkpoint("warehouse.partition-written")

    def commit(self) -> None:
        """Make the change the warehouse, in one rename of its manifest."""
        tables = {name: years for name, years in self.tables.items() if years}
        new = Manifest(self.generation, tables)
        retired = self.base.names() - new.names()
        commit(self.root, Manifest(self.generation, tables, tuple(sorted(retired))), self.base)

    def discard(self) -> None:
        """Remove the files written (the change failed before its commit)."""
        for path in self.written:
            path.unlink(missing_ok=True)


class QueryTimeout(UserError):
    """A query ran past its time limit and was interrupted."""


class Database:
    """The one owner of a DuckDB connection over a warehouse.

    Every canonical table in the warehouse is a view of the same name;
    reference tables (small CSV files that belong to a report, such as which
    apprehension methods count as at-large) are views too.
    """

    def __init__(
        self,
        warehouse: Warehouse | None = None,
        *,
        references: Mapping[str, Path] | None = None,
        threads: int | None = None,
        memory_limit: str | None = None,
    ) -> None:
        self.warehouse = None if warehouse is None else warehouse.snapshot()
        self._con = duckdb.connect(":memory:")
        try:
            configure(self._con, threads, memory_limit)
        except UserError:
            self._con.close()
            raise
        self._con.execute("SET TimeZone = 'UTC'")
        if self.warehouse is not None:
            for name in self.warehouse.tables():
                files = ", ".join(f"'{_sql_str(str(f))}'" for f in self.warehouse.files(name))
                self._con.execute(
                    f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet('
                    f"[{files}], hive_partitioning = true, "
                    f"hive_types = {{'{PARTITION_KEY}': INTEGER}})"
                )
        for name, path in (references or {}).items():
            self.register_csv(name, path)

    def register_csv(self, name: str, path: Path) -> None:
        if not path.is_file():
            raise WarehouseError(f"reference table {name!r} not found at {path}")
        self._con.execute(
            f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM read_csv('
            f"'{_sql_str(str(path))}', header = true, all_varchar = false)"
        )

    def register_arrow(self, name: str, table: pa.Table) -> None:
        self._con.register(name, table)

    def views(self) -> list[str]:
        rows = self._con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name"
        ).fetchall()
        return [r[0] for r in rows]

    def query(
        self, sql: str, *, timeout: float | None = None, subject: str | None = None
    ) -> pa.Table:
        """Run one SQL statement and return its result as Arrow.

        `subject` says what the query is for (e.g. "loading arrests.csv") in the
        one-line error when DuckDB runs out of memory.
        """
        timer = None
        if timeout is not None:
            timer = threading.Timer(timeout, self._con.interrupt)
            timer.start()
        try:
            return self._con.sql(sql).to_arrow_table()
        except duckdb.InterruptException:
            raise QueryTimeout(
                f"query stopped after its time limit of {timeout:g} s",
                hint="ask for fewer rows or a narrower breakdown",
            ) from None
        except duckdb.OutOfMemoryException:
            raise out_of_memory(self._con, subject or self._subject()) from None
        except duckdb.IOException as exc:
            if self.warehouse is None:
                raise
            raise WarehouseError(
                f"a file of the warehouse at {self.warehouse.root} could not be read "
                f"({str(exc).splitlines()[0]})",
                hint="the warehouse changed while it was being read; run the command again",
            ) from None
        finally:
            if timer is not None:
                timer.cancel()

    def _subject(self) -> str:
        if self.warehouse is None:
            return "running a query"
        return f"running a query of the warehouse at {self.warehouse.root}"

    def execute(self, sql: str) -> None:
        self._con.execute(sql)

    def iter_rows(self, sql: str) -> Iterator[tuple[object, ...]]:
        yield from self._con.execute(sql).fetchall()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _sql_str(value: str) -> str:
    return value.replace("'", "''")


def _conform(schema: TableSchema, data: pa.Table) -> pa.Table:
    unknown = [c for c in data.column_names if c not in schema.column_names]
    if unknown:
        raise WarehouseError(
            f"columns not in the canonical table {schema.name!r}: {', '.join(unknown)}",
            hint="map source columns onto canonical names before writing",
        )
    arrays: list[pa.ChunkedArray | pa.Array] = []
    fields = []
    for col in schema.columns:
        if col.name not in data.column_names:
            array: pa.ChunkedArray | pa.Array = pa.nulls(data.num_rows, col.type)
        else:
            array = data.column(col.name)
            kind = array.type
            if not (pa.types.is_dictionary(kind) and kind.value_type == col.type):
                array = array.cast(col.type)
        arrays.append(array)
        fields.append(pa.field(col.name, array.type, nullable=not col.required))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _dictionary_columns(schema: TableSchema) -> list[str]:
    """Columns Parquet should dictionary-encode: all but identifiers, whose values hardly repeat."""
    return [c.name for c in schema.columns if not (c.identifying or c.name.endswith("_id"))]


def _by_fiscal_year(table: pa.Table, date_column: str) -> Iterator[tuple[int, pa.Table]]:
    """The rows of each fiscal year of `date_column`, earliest year first.

    Rows without a date cannot be placed and must be caught before writing.
    """
    dates = table.column(date_column)
    if not table.num_rows:
        return
    bounds = pc.min_max(dates)
    first, last = bounds["min"].as_py(), bounds["max"].as_py()
    if first is not None and not dates.null_count and fiscal_year(first) == fiscal_year(last):
        yield fiscal_year(first), table  # the common case: one year, no copy
        return
    years = fiscal_years(dates)
    for year in sorted(set(years.to_pylist())):
        yield year, table.filter(pc.equal(years, year))


def fiscal_years(dates: pa.ChunkedArray | pa.Array) -> pa.Array:
    """The fiscal year of each date (see `yearbook.calendar.fiscal_year`)."""
    year = pc.year(dates).cast(pa.int32())
    late = pc.greater_equal(pc.month(dates), FIRST_MONTH).cast(pa.int32())
    return pc.add(year, late).combine_chunks()


def checksum(files: Iterable[Path]) -> str:
    """A 128-bit checksum of files' bytes (each framed by its size), in the order given.

    It tells whether data changed, not who changed it: XXH3 reads at memory
    speed (about ten times BLAKE2b's rate), and every build checksums the
    whole warehouse. Names are left out: every write gives its files new names
    (`Change`), and a partition rewritten with the same rows is unchanged.
    Provenance digests of ingested release files are cryptographic
    (`yearbook.ingest`).
    """
    digest = xxhash.xxh3_128()
    for path in files:
        with path.open("rb") as fh:
            digest.update(os.fstat(fh.fileno()).st_size.to_bytes(8, "little"))
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()
