"""The Spark backend: the metrics compiled to Spark SQL, run by pyspark.

It reads the same Parquet warehouse (one temporary view per canonical table,
``fiscal_year`` discovered from the partition folders) and the report's
reference tables. Local mode by default; any ``spark.master`` by setting.

Settings are Spark configuration keys, plus one of yearbook's own:

``yearbook.warehouse``
    Where Spark reads the tables from instead of the local warehouse folder,
    e.g. ``s3a://bucket/warehouse`` (same layout: ``TABLE/fiscal_year=YYYY/``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv

from yearbook.errors import UserError
from yearbook.warehouse import Warehouse

__all__ = ["DEFAULTS", "WAREHOUSE_SETTING", "SparkBackend", "spark_session"]

WAREHOUSE_SETTING = "yearbook.warehouse"

DEFAULTS: Mapping[str, str] = {
    "spark.master": "local[2]",
    "spark.app.name": "yearbook",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.shuffle.partitions": "4",
    "spark.sql.ansi.enabled": "false",
}
"""Spark settings used unless overridden; UTC keeps dates equal to DuckDB's."""


def spark_session(settings: Mapping[str, str] | None = None) -> Any:
    """Start (or join) the process's Spark session with yearbook's defaults.

    A JVM starts once per process: a later call with other settings gets the
    running session with those settings that can change at run time applied.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UserError(
            "the spark engine needs pyspark, which is not installed",
            hint="pip install 'yearbook[spark]'",
        ) from None
    conf = {**DEFAULTS, **{k: v for k, v in (settings or {}).items() if k.startswith("spark.")}}
    if conf["spark.master"].startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder
    for key, value in conf.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _active_session() -> Any:
    """The running Spark session of this process, if any (pyspark installed or not)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return None
    return SparkSession.getActiveSession()


class SparkBackend:
    """Runs compiled SQL on Spark over the Parquet warehouse."""

    name = "spark"
    dialect = "spark"

    def __init__(
        self,
        warehouse: Warehouse,
        references: Mapping[str, Path],
        settings: Mapping[str, str] | None = None,
        *,
        session: Any = None,
    ) -> None:
        settings = dict(settings or {})
        self._owns_session = session is None and _active_session() is None
        self.session = session if session is not None else spark_session(settings)
        self._views: list[str] = []
        try:
            self._register(warehouse, references, settings.get(WAREHOUSE_SETTING))
        except BaseException:
            self.close()  # no views left behind, and a session it started is stopped
            raise

    def _register(
        self, warehouse: Warehouse, references: Mapping[str, Path], root: str | None
    ) -> None:
        for table in warehouse.tables():
            # exactly the files the warehouse's manifest names, at the remote root when there
            # is one: a superseded file left in the bucket is never read twice over
            local = warehouse.files(table)
            if root:
                base = root.rstrip("/")
                files = [f"{base}/{f.relative_to(warehouse.root).as_posix()}" for f in local]
                self._register_parquet(table, f"{base}/{table}", files)
            else:
                self._register_parquet(table, str(warehouse.root / table), [str(f) for f in local])
        for name, path in references.items():
            self._register_csv(name, path)

    def _register_parquet(self, name: str, location: str, files: list[str] | None = None) -> None:
        try:
            frame = self.session.read.option("basePath", location).parquet(*(files or [location]))
        except Exception as err:  # pyspark's AnalysisException: a path it cannot read
            if type(err).__name__ != "AnalysisException":
                raise
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise UserError(
                f"Spark cannot read table {name} at {location}: {first}",
                hint="copy the --warehouse folder there with its layout unchanged "
                "(for example aws s3 sync W s3://bucket/warehouse)",
            ) from None
        frame.createOrReplaceTempView(name)
        self._views.append(name)

    def _register_csv(self, name: str, path: Path) -> None:
        table = pacsv.read_csv(path)
        self.session.createDataFrame(table).createOrReplaceTempView(name)
        self._views.append(name)

    def query(self, sql: str) -> pa.Table:
        """Run one Spark SQL statement and return its rows as Arrow."""
        result: pa.Table = self.session.sql(sql).toArrow()
        return result

    def close(self) -> None:
        """Drop this backend's views; stop the session when this backend started it.

        A session that was already running (a test run's shared session, a
        notebook's) is left running.
        """
        for name in self._views:
            self.session.catalog.dropTempView(name)
        self._views.clear()
        if self._owns_session:
            self.session.stop()
