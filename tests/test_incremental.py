"""Incremental builds: unchanged inputs are reused; a changed partition recomputes only its figures."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from yearbook.build import build, compute, recompute
from yearbook.cli import main
from yearbook.errors import UserError
from yearbook.incremental import Computed, Delta, cache_folder, compute_incremental, read_cache
from yearbook.metrics.declarations import MetricDecl
from yearbook.report import Report
from yearbook.warehouse import Database, Warehouse

REMOVAL_METRICS = {"ero.removals", "ero.removals_gang", "ero.removals_kst", "ero.removals_hrv"}
ARREST_METRICS = {
    "ero.admin_arrests",
    "ero.at_large_arrests",
    "ero.arrests_criminal_history",
    "ero.arrests_criminal_history_share",
    "ero.charges_total",  # joins arrests for the criminal-history filter
    "ero.charges_per_person",
}
CHARGE_METRICS = {"ero.charges_total", "ero.charges_per_person"}

CHANGES = [
    # (table, fiscal year changed) -> the metrics whose figures of that year are recomputed
    ("removals", 2021, REMOVAL_METRICS),
    ("arrests", 2022, ARREST_METRICS),
    ("charges", 2020, CHARGE_METRICS),
]


def drop_one_row(warehouse: Warehouse, table: str, fiscal_year: int) -> None:
    """Change one partition: remove its last row."""
    (part,) = [p for p in warehouse.partitions(table) if p.fiscal_year == fiscal_year]
    path = part.files[0]
    rows = pq.read_table(path)
    pq.write_table(rows.slice(0, rows.num_rows - 1), path, compression="zstd")


def reads(report: Report, metric: str, table: str) -> bool:
    """Whether a metric's figures depend on a table, directly or through its inputs."""
    decl = report.metrics[metric]
    refs = [r for r in (decl.numerator, decl.denominator) if r]
    return table in decl.tables or any(reads(report, r, table) for r in refs)


def present(report: Report, warehouse: Warehouse) -> Report:
    """The report as a build computes it: without metrics on tables the warehouse lacks."""
    return report.for_tables(warehouse.tables())


def test_first_build_computes_everything_and_keeps_a_cache(
    report: Report, warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    result = build(report, warehouse_copy, out, incremental=True)
    assert result.delta is not None
    assert not result.delta.reused
    assert set(result.delta.recomputed) == {
        (m, fy) for m in present(report, warehouse_copy).metrics for fy in report.spec.years
    }
    assert (cache_folder(out) / "figures.parquet").is_file()
    assert not list(out.rglob("fingerprints.parquet")), "the cache is never inside the output"
    full = build(report, warehouse_copy, tmp_path / "full")
    assert result.figures.table.equals(full.figures.table)
    cached = read_cache(out)
    assert cached is not None and cached.figures.equals(compute(report, warehouse_copy))


def test_rebuild_with_nothing_changed_reuses_everything(
    report: Report, warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    first = build(report, warehouse_copy, out)
    for part in warehouse_copy.partitions("arrests"):  # newer timestamps, same bytes
        os.utime(part.files[0], (1e9, 1e9))
    again = build(report, warehouse_copy, out, incremental=True)
    assert again.delta is not None and again.delta.everything_reused
    assert again.delta.describe().startswith("nothing changed")
    assert again.figures.table.equals(first.figures.table)
    assert again.markdown == first.markdown


def test_rebuild_with_nothing_changed_starts_no_engine(
    report: Report, warehouse_copy: Warehouse
) -> None:
    previous, _ = recompute(report, warehouse_copy, None)
    # A Spark master that does not exist: starting the engine would fail.
    nowhere = {"spark.master": "spark://nowhere.invalid:7077"}
    again, delta = recompute(report, warehouse_copy, previous, engine="spark", settings=nowhere)
    assert delta.everything_reused
    assert again.figures.equals(previous.figures)
    with pytest.raises(UserError, match="unknown engine 'sparky'"):
        recompute(report, warehouse_copy, previous, engine="sparky")


def test_a_change_that_keeps_size_and_timestamp_is_still_seen(warehouse_copy: Warehouse) -> None:
    before = warehouse_copy.checksums()
    (part,) = [p for p in warehouse_copy.partitions("removals") if p.fiscal_year == 2022]
    path = part.files[0]
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte, somewhere in the column data
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)

    after = warehouse_copy.checksums()
    assert after[("removals", 2022)] != before[("removals", 2022)]
    assert {k: v for k, v in after.items() if k != ("removals", 2022)} == {
        k: v for k, v in before.items() if k != ("removals", 2022)
    }


@pytest.mark.parametrize(("table", "fiscal_year", "expected"), CHANGES)
def test_a_changed_partition_recomputes_only_its_figures(
    report: Report, warehouse_copy: Warehouse, table: str, fiscal_year: int, expected: set[str]
) -> None:
    previous, _ = recompute(report, warehouse_copy, None)
    drop_one_row(warehouse_copy, table, fiscal_year)

    computed, delta = recompute(report, warehouse_copy, previous)

    recomputed_metrics = {m for m, _ in delta.recomputed}
    assert {fy for _, fy in delta.recomputed} == {fiscal_year}
    assert expected <= recomputed_metrics
    for metric in recomputed_metrics - expected:  # metrics declared after this test was written
        assert reads(report, metric, table), metric
    assert set(delta.reused) | set(delta.recomputed) == {
        (m, fy) for m in present(report, warehouse_copy).metrics for fy in report.spec.years
    }
    assert not set(delta.reused) & set(delta.recomputed)
    # ... and the result is exactly a full computation of the changed warehouse.
    assert computed.figures.equals(compute(report, warehouse_copy))


def test_the_changed_figures_really_change(report: Report, warehouse_copy: Warehouse) -> None:
    computed, _ = recompute(report, warehouse_copy, None)
    previous = computed.figures
    drop_one_row(warehouse_copy, "removals", 2021)
    figures = recompute(report, warehouse_copy, computed)[0].figures
    before = _value(previous, "ero.removals", 2021)
    assert _value(figures, "ero.removals", 2021) == before - 1
    assert _value(figures, "ero.removals", 2022) == _value(previous, "ero.removals", 2022)
    # the next year's change on the prior year follows the new value
    change = _row(figures, "ero.removals", 2022)["yoy_change"]
    assert change == _value(previous, "ero.removals", 2022) - (before - 1)


def test_a_changed_declaration_recomputes_that_metric_and_what_derives_from_it(
    report: Report, demo_warehouse: Warehouse
) -> None:
    metrics = dict(present(report, demo_warehouse).metrics)
    before, _ = _incremental(report, demo_warehouse, metrics, None)
    previous = before.figures
    changed = metrics["ero.arrests_criminal_history"]
    metrics[changed.id] = changed.model_copy(update={"filter": "criminality = 'convicted'"})
    after, delta = _incremental(report, demo_warehouse, metrics, before)
    figures = after.figures
    recomputed = {m for m, _ in delta.recomputed}
    derived = {
        m
        for m, d in metrics.items()
        if changed.id in (d.numerator, d.denominator)  # share and per-person ratio
    }
    assert derived == {"ero.arrests_criminal_history_share", "ero.charges_per_person"}
    assert recomputed == {changed.id, *derived}
    assert {fy for _, fy in delta.recomputed} == set(report.spec.years)
    assert _value(figures, changed.id, 2023) < _value(previous, changed.id, 2023)


def test_a_missing_or_unreadable_cache_means_a_full_build(tmp_path: Path) -> None:
    assert read_cache(tmp_path) is None
    cache_folder(tmp_path).mkdir(parents=True)
    pq.write_table(pa.table({"metric": ["x"]}), cache_folder(tmp_path) / "figures.parquet")
    pq.write_table(pa.table({"metric": ["x"]}), cache_folder(tmp_path) / "fingerprints.parquet")
    assert read_cache(tmp_path) is None


def test_build_command_says_what_it_reused(
    report: Report, warehouse_copy: Warehouse, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["build", str(report.folder), "--warehouse", str(warehouse_copy.root)]
    args += ["--out", str(tmp_path / "site"), "--incremental"]
    main(args)
    main(args)
    assert "nothing changed: reused all" in " ".join(capsys.readouterr().err.split())
    drop_one_row(warehouse_copy, "removals", 2023)
    main(args)
    said = " ".join(capsys.readouterr().err.split())  # the console wraps long lines
    assert "ero.removals FY 2023" in said and "ero.admin_arrests" not in said


def test_delta_describes_what_was_recomputed() -> None:
    delta = Delta(
        recomputed=(("ero.removals", 2021), ("ero.removals_gang", 2021)),
        reused=(("ero.removals", 2022),),
    )
    assert delta.describe() == (
        "recomputed 2 of 3 metric-years: ero.removals FY 2021, ero.removals_gang FY 2021"
    )
    assert not delta.everything_reused


def _incremental(
    report: Report,
    warehouse: Warehouse,
    metrics: dict[str, MetricDecl],
    previous: Computed | None,
) -> tuple[Computed, Delta]:
    from yearbook.build import _inputs

    with Database(warehouse, references=report.references) as db:
        return compute_incremental(
            metrics,
            db.query,
            report.spec.years,
            _inputs(warehouse, report),
            previous,
            tables=report.pack.tables,
        )


def _row(table: pa.Table, metric: str, fiscal_year: int) -> dict[str, object]:
    (row,) = [
        r
        for r in table.to_pylist()
        if r["metric"] == metric and r["fiscal_year"] == fiscal_year and r["breakdown"] == ""
    ]
    return row


def _value(table: pa.Table, metric: str, fiscal_year: int) -> float:
    value = _row(table, metric, fiscal_year)["value"]
    assert isinstance(value, float)
    return value
