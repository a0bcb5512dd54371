"""The Spark backend: the same declarations, compiled to Spark SQL, give the same figures
as DuckDB, value for value.

One Spark session (a JVM) serves the whole test run; starting one costs seconds.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Demo
from tests.test_top_categories import EXPECTED, arrest_rows, top_metrics
from yearbook.backends import ENGINES, Backend, open_backend, parse_settings
from yearbook.backends.duckdb import DuckDBBackend
from yearbook.backends.spark import WAREHOUSE_SETTING, SparkBackend, spark_session
from yearbook.build import compute
from yearbook.cli import main
from yearbook.coverage import find_coverage
from yearbook.errors import UserError
from yearbook.figures import read_figures
from yearbook.metrics.compiler import compile_plan
from yearbook.report import Report
from yearbook.warehouse import Warehouse


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """The test run's one Spark session, in local mode."""
    session = spark_session({"spark.master": "local[2]", "spark.sql.shuffle.partitions": "2"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def duckdb_figures(report: Report, demo_warehouse: Warehouse) -> pa.Table:
    return compute(report, demo_warehouse, engine="duckdb")


def test_spark_and_duckdb_give_identical_figures(
    spark: Any, report: Report, demo_warehouse: Warehouse, duckdb_figures: pa.Table
) -> None:
    on_spark = compute(report, demo_warehouse, engine="spark")
    assert on_spark.num_rows == duckdb_figures.num_rows > 1000
    values, lineage = _without_sql(on_spark), _without_sql(duckdb_figures)
    assert values.equals(lineage), _first_difference(values, lineage)
    assert spark.getActiveSession() is not None, "the shared session must outlive one build"


def test_figures_record_the_sql_of_the_engine_that_ran_them(
    spark: Any, report: Report, demo_warehouse: Warehouse, duckdb_figures: pa.Table
) -> None:
    on_spark = compute(report, demo_warehouse, engine="spark")
    built = report.for_tables(demo_warehouse.tables())
    for engine, table in (("spark", on_spark), ("duckdb", duckdb_figures)):
        lineage = compile_plan(built.metrics, built.pack.tables, dialect=engine).lineage
        for row in table.select(["metric", "breakdown", "sql"]).to_pylist():
            assert row["sql"] == lineage[(row["metric"], row["breakdown"])], (engine, row)
    spark_sql = set(on_spark.column("sql").to_pylist())
    assert not spark_sql & set(duckdb_figures.column("sql").to_pylist()) - {""}
    assert any("DATE_FORMAT(" in sql for sql in spark_sql)  # DuckDB writes strftime(
    assert not any("MATERIALIZED" in sql.upper() for sql in spark_sql)


def test_lineage_sql_runs_on_spark(spark: Any, report: Report, demo_warehouse: Warehouse) -> None:
    """A figure's own SQL (what users see), compiled for each engine, gives the same rows."""
    plans = {
        engine: compile_plan(report.metrics, report.pack.tables, dialect=engine)
        for engine in ENGINES
    }
    chosen = [
        ("ero.at_large_arrests", "aor"),
        ("ero.charges_total", "charge_category"),
        ("ero.arrests_criminal_history_share", ""),
        ("ero.removals", "month"),
    ]
    on_spark = SparkBackend(demo_warehouse, report.references, session=spark)
    on_duckdb = DuckDBBackend(demo_warehouse, report.references)
    try:
        for key in chosen:
            spark_rows = _rows(on_spark, plans["spark"].lineage[key])
            duckdb_rows = _rows(on_duckdb, plans["duckdb"].lineage[key])
            assert len(spark_rows) == len(duckdb_rows) > 0, key
            for got, want in zip(spark_rows, duckdb_rows, strict=True):
                assert got[:-1] == want[:-1], key
                # Spark computes `100.0 * n / d` in DECIMAL, DuckDB in DOUBLE.
                assert math.isclose(float(got[-1]), float(want[-1]), rel_tol=1e-12), key
    finally:
        on_spark.close()
        on_duckdb.close()


def test_top_categories_on_spark_equal_duckdb(spark: Any, report: Report) -> None:
    """A ``top`` breakdown's SQL for Spark ranks, breaks ties and adds up the rest alike."""
    frame = spark.createDataFrame(
        [(fy, aor, None) for fy, aor in arrest_rows()],
        "fiscal_year INT, aor STRING, duplicate_rule STRING",
    )
    frame.createOrReplaceTempView("arrests")
    try:
        plan = compile_plan(top_metrics(), report.pack.tables, dialect="spark")
        rows = spark.sql(plan.lineage[("t.arrests", "aor")]).collect()
    finally:
        spark.catalog.dropTempView("arrests")
    got = [(r["fiscal_year"], r["breakdown_value"], r["value"]) for r in rows]
    want = [(fy, cat, v) for fy, cells in EXPECTED.items() for cat, v in sorted(cells.items())]
    assert got == want  # in the order the SQL sorts: year, then category


def test_coverage_queries_run_on_spark_alike(
    spark: Any, report: Report, demo_warehouse: Warehouse
) -> None:
    """The coverage query is compiled for each engine, not rewritten as it runs."""
    on_spark = SparkBackend(demo_warehouse, report.references, session=spark)
    on_duckdb = DuckDBBackend(demo_warehouse, report.references)
    try:
        found = find_coverage(on_spark.query, report.pack.tables, ["arrests"], "spark")
        assert found == find_coverage(on_duckdb.query, report.pack.tables, ["arrests"])
        assert {c.fiscal_year for c in found} >= {2022, 2023}
    finally:
        on_spark.close()
        on_duckdb.close()


def test_build_command_runs_on_spark(spark: Any, demo: Demo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    main(
        [
            "build",
            str(demo.report.folder),
            "--warehouse",
            str(demo.warehouse.root),
            "--out",
            str(out),
            "--engine",
            "spark",
            "--setting",
            "spark.sql.shuffle.partitions=3",
        ]
    )
    built = read_figures(out)
    assert _without_sql(built.table).equals(_without_sql(demo.result.figures.table))
    assert spark.conf.get("spark.sql.shuffle.partitions") == "3"


def test_duckdb_takes_memory_and_thread_settings(
    report: Report, demo_warehouse: Warehouse, duckdb_figures: pa.Table
) -> None:
    limited = compute(report, demo_warehouse, settings={"memory_limit": "512MB", "threads": "1"})
    assert limited.equals(duckdb_figures)


def test_backends_satisfy_the_protocol(
    spark: Any, report: Report, demo_warehouse: Warehouse
) -> None:
    assert ENGINES == ("duckdb", "spark")
    for engine in ENGINES:
        backend = open_backend(engine, demo_warehouse, report.references)
        try:
            assert isinstance(backend, Backend)
            assert backend.name == engine
            count = backend.query("SELECT count(*) AS n FROM removals").column("n")[0].as_py()
            assert count > 100_000
        finally:
            backend.close()


@pytest.mark.parametrize(
    ("engine", "settings", "message"),
    [
        ("oracle", {}, "unknown engine 'oracle'"),
        ("duckdb", {"spark.master": "local[1]"}, "the duckdb engine has no setting 'spark.master'"),
        ("duckdb", {"threads": "many"}, "threads must be a whole number"),
    ],
)
def test_engine_choice_errors_are_user_errors(
    report: Report, demo_warehouse: Warehouse, engine: str, settings: dict[str, str], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        open_backend(engine, demo_warehouse, report.references, settings)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([], {}),
        (["spark.master=local[2]"], {"spark.master": "local[2]"}),
        (["a = 1", "b=x=y"], {"a": "1", "b": "x=y"}),
        (["a=1", "a=2"], {"a": "2"}),
    ],
)
def test_parse_settings(pairs: list[str], expected: dict[str, str]) -> None:
    assert parse_settings(pairs) == expected


@given(
    key=st.text(alphabet=st.characters(blacklist_characters="=\r\n\x00"), min_size=1).filter(
        str.strip
    ),
    value=st.text(alphabet=st.characters(blacklist_characters="\r\n\x00")),
)
def test_parse_settings_round_trips(key: str, value: str) -> None:
    assert parse_settings([f"{key}={value}"]) == {key.strip(): value.strip()}


@pytest.mark.parametrize("bad", ["spark.master", "=local", ""])
def test_parse_settings_rejects_malformed(bad: str) -> None:
    with pytest.raises(UserError, match="KEY=VALUE"):
        parse_settings([bad])


def _without_sql(table: pa.Table) -> pa.Table:
    return table.drop_columns(["sql"])


def _rows(backend: Backend, sql: str) -> list[tuple[Any, ...]]:
    table = backend.query(sql)
    rows = [tuple(row.values()) for row in table.to_pylist()]
    return sorted(rows, key=repr)


def _first_difference(left: pa.Table, right: pa.Table) -> str:
    for name in left.column_names:
        if not left.column(name).equals(right.column(name)):
            pairs = zip(left.column(name).to_pylist(), right.column(name).to_pylist(), strict=True)
            for index, (a, b) in enumerate(pairs):
                if a != b:
                    return f"column {name}, row {index}: spark {a!r} vs duckdb {b!r}"
    return "the schemas differ"


def test_a_remote_warehouse_is_read_by_its_manifest_not_its_folder(
    spark: Any, report: Report, demo_warehouse: Warehouse, tmp_path: Path
) -> None:
    """A copy of the warehouse elsewhere (a bucket synced without deleting) may hold files the
    manifest no longer names; Spark reads only the manifest's files there, so nothing counts
    twice."""
    remote = tmp_path / "bucket"
    shutil.copytree(demo_warehouse.root, remote)
    table = "arrests"
    stale = demo_warehouse.files(table)[0].relative_to(demo_warehouse.root)
    shutil.copy(remote / stale, (remote / stale).with_name("part-superseded.parquet"))
    settings = {WAREHOUSE_SETTING: remote.as_uri()}
    on_spark = SparkBackend(demo_warehouse, report.references, settings, session=spark)
    on_duckdb = DuckDBBackend(demo_warehouse, report.references)
    try:
        sql = f"SELECT COUNT(*) AS n FROM {table}"
        assert _rows(on_spark, sql) == _rows(on_duckdb, sql)
    finally:
        on_spark.close()
        on_duckdb.close()


def test_a_remote_warehouse_missing_a_file_is_a_one_line_error(
    spark: Any, report: Report, demo_warehouse: Warehouse, tmp_path: Path
) -> None:
    remote = tmp_path / "bucket"
    shutil.copytree(demo_warehouse.root, remote)
    (remote / demo_warehouse.files("arrests")[0].relative_to(demo_warehouse.root)).unlink()
    with pytest.raises(UserError, match="Spark cannot read table arrests"):
        SparkBackend(
            demo_warehouse, report.references, {WAREHOUSE_SETTING: remote.as_uri()}, session=spark
        )
