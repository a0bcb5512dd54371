"""Round trip: generated records written as FOIA workbooks and ingested give the same
figures as the records loaded straight into the warehouse."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
from ice_generator import generate, load_targets, read_apprehension_methods
from ice_generator.foia import write_arrests_workbook, write_removals_workbook

from tests.conftest import ICE
from yearbook.figures.compute import compute_figures
from yearbook.ingest import ingest
from yearbook.metrics.declarations import MetricDecl
from yearbook.report import Report
from yearbook.warehouse import Database, Warehouse

YEARS = [2022, 2023]
CARRIED = {"arrests", "removals"}


def _metrics(report: Report) -> dict[str, MetricDecl]:
    """Metrics on what the release layouts carry (they have no human-rights flag)."""
    chosen = {
        m: d
        for m, d in report.metrics.items()
        if d.tables and set(d.tables) <= CARRIED and m != "ero.removals_hrv"
    }
    chosen |= {
        m: d
        for m, d in report.metrics.items()
        if d.is_derived and {d.numerator, d.denominator} <= set(chosen)
    }
    return chosen


def _figures(report: Report, warehouse: Warehouse, metrics: dict[str, MetricDecl]) -> pa.Table:
    with Database(warehouse, references=report.references) as db:
        table = compute_figures(metrics, db.query, YEARS, tables=ICE.tables)
    return table.select(["metric", "fiscal_year", "breakdown", "breakdown_value", "value"])


def test_generate_write_xlsx_ingest_gives_the_same_figures(tmp_path: Path, report: Report) -> None:
    targets = load_targets(report.folder / "targets.yaml")
    at_large, other = read_apprehension_methods(
        report.folder / "reference" / "apprehension_methods.csv"
    )
    records = generate(targets, 2023, at_large, other, scale=0.03, years=YEARS)

    direct = Warehouse(tmp_path / "direct", ICE.tables)
    for name in CARRIED:
        direct.write_table(name, records[name])

    arrests = write_arrests_workbook(tmp_path / "arrests.xlsx", records["arrests"], sheet_rows=3000)
    removals = write_removals_workbook(tmp_path / "removals.xlsx", records["removals"])
    via_xlsx = Warehouse(tmp_path / "foia", ICE.tables)
    result = ingest([arrests, removals], via_xlsx, ICE)

    for f in result.files:
        assert (f.rows_in, f.loaded, f.quarantined) == (records[f.table].num_rows, f.rows_in, 0)
    assert result.files[0].redacted > 0, "redacted cells in the arrests were counted"
    assert len(result.files[0].sheets) > len(YEARS), "the arrests were split across sheets"
    metrics = _metrics(report)
    assert {"ero.admin_arrests", "ero.at_large_arrests", "ero.removals_gang"} <= set(metrics)
    expected = _figures(report, direct, metrics)
    assert expected.num_rows > 100
    assert _figures(report, via_xlsx, metrics).to_pylist() == expected.to_pylist()
