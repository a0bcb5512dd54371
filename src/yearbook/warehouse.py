"""The warehouse: Parquet partitioned by table and fiscal year, read through DuckDB.

Layout::

    WAREHOUSE/
      arrests/fiscal_year=2023/part-0.parquet
      removals/fiscal_year=2023/part-0.parquet
      ...

`Database` is the one owner of a DuckDB connection: metric, report and claim
code hand it SQL and get Arrow tables back; nothing else opens a connection.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import xxhash

from yearbook.calendar import FIRST_MONTH, fiscal_year
from yearbook.errors import UserError, WarehouseError
from yearbook.tables import TABLES, TableSchema, get_table

__all__ = ["Database", "Partition", "QueryTimeout", "Warehouse", "checksum"]

PARTITION_KEY = "fiscal_year"


@dataclass(frozen=True)
class Partition:
    """One fiscal-year partition of one table, with the checksum of its files."""

    table: str
    fiscal_year: int
    files: tuple[Path, ...]
    fingerprint: str


class Warehouse:
    """A folder of Parquet files, one folder per canonical table and fiscal year."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    # -- writing ---------------------------------------------------------------
    def write_table(self, name: str, data: pa.Table, *, replace: bool = True) -> list[int]:
        """Write rows of a canonical table, partitioned by fiscal year of its date column.

        Columns are cast to the canonical schema; a missing optional column is
        filled with nulls. A string column may come dictionary-encoded (as the
        demo generator makes its categories): Parquet then stores the codes as
        they are. Returns the fiscal years written.
        """
        schema = get_table(name)
        table = _conform(schema, data)
        written: list[int] = []
        for year, part in _by_fiscal_year(table, schema.date_column):
            folder = self.root / name / f"{PARTITION_KEY}={year}"
            if replace and folder.exists():
                for old in folder.glob("*.parquet"):
                    old.unlink()
            folder.mkdir(parents=True, exist_ok=True)
            index = len(list(folder.glob("*.parquet")))
            pq.write_table(
                part,
                folder / f"part-{index}.parquet",
                compression="zstd",
                row_group_size=1 << 20,
                use_dictionary=_dictionary_columns(schema),
                # The canonical types all have Parquet logical types; without the
                # Arrow schema a dictionary-encoded column reads back as plain strings.
                store_schema=False,
            )
            written.append(year)
        return written

    # -- reading ---------------------------------------------------------------
    def tables(self) -> list[str]:
        """Canonical tables present in the warehouse."""
        if not self.root.is_dir():
            return []
        return [t for t in TABLES if any((self.root / t).glob(f"{PARTITION_KEY}=*/*.parquet"))]

    def partition_files(self, table: str) -> list[tuple[int, tuple[Path, ...]]]:
        """The fiscal years of a table with data, and the files of each."""
        parts = []
        for folder in sorted((self.root / table).glob(f"{PARTITION_KEY}=*")):
            files = tuple(sorted(folder.glob("*.parquet")))
            if files:
                parts.append((int(folder.name.split("=", 1)[1]), files))
        return parts

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
        names = self.tables() if tables is None else list(tables)
        jobs = [(name, year, files) for name in names for year, files in self.partition_files(name)]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            sums = pool.map(lambda job: checksum(job[2]), jobs)
            return {(name, year): value for (name, year, _), value in zip(jobs, sums, strict=True)}

    def glob(self, table: str) -> str:
        return str(self.root / table / f"{PARTITION_KEY}=*" / "*.parquet")

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
        self.warehouse = warehouse
        self._con = duckdb.connect(":memory:")
        if threads:
            self._con.execute(f"SET threads = {int(threads)}")
        if memory_limit:
            self._con.execute(f"SET memory_limit = '{memory_limit}'")
        self._con.execute("SET TimeZone = 'UTC'")
        if warehouse is not None:
            for name in warehouse.tables():
                self._con.execute(
                    f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet('
                    f"'{_sql_str(warehouse.glob(name))}', hive_partitioning = true, "
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

    def query(self, sql: str, *, timeout: float | None = None) -> pa.Table:
        """Run one SQL statement and return its result as Arrow."""
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
        finally:
            if timer is not None:
                timer.cancel()

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
    years = _fiscal_years(dates)
    for year in sorted(set(years.to_pylist())):
        yield year, table.filter(pc.equal(years, year))


def _fiscal_years(dates: pa.ChunkedArray) -> pa.Array:
    """The fiscal year of each date (see `yearbook.calendar.fiscal_year`)."""
    year = pc.year(dates).cast(pa.int32())
    late = pc.greater_equal(pc.month(dates), FIRST_MONTH).cast(pa.int32())
    return pc.add(year, late).combine_chunks()


def checksum(files: Iterable[Path]) -> str:
    """A 128-bit checksum of files' names and bytes, in the order given.

    It tells whether data changed, not who changed it: XXH3 reads at memory
    speed (about ten times BLAKE2b's rate), and every build checksums the
    whole warehouse. Provenance digests of ingested release files are
    cryptographic (`yearbook.ingest`).
    """
    digest = xxhash.xxh3_128()
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\x00")
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()
