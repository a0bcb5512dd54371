"""Metric declarations: validated, compiled to SQL, fused plan equal to each figure's own SQL."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from tests.conftest import ICE, REPO, Demo
from yearbook.docs import pack_tables_page, render_metrics
from yearbook.errors import DeclarationError
from yearbook.metrics.compiler import Scan, compile_plan, transpile
from yearbook.metrics.declarations import load_metrics
from yearbook.report import Report
from yearbook.warehouse import Database

METRIC_IDS = [
    "ero.admin_arrests",
    "ero.at_large_arrests",
    "ero.arrests_criminal_history",
    "ero.arrests_criminal_history_share",
    "ero.charges_total",
    "ero.charges_per_person",
    "ero.removals_gang",
    "ero.removals_kst",
    "ero.removals_hrv",
]


def test_fixed_metric_ids_are_declared(report: Report) -> None:
    for mid in METRIC_IDS:
        assert mid in report.metrics


def test_every_figure_equals_its_own_sql(demo: Demo) -> None:
    """The fused plan and the per-figure lineage SQL give the same numbers."""
    figures = demo.result.figures
    lineage = {(f.metric, f.breakdown): f.sql for f in figures}
    with Database(demo.warehouse, references=demo.report.references) as db:
        for (metric, breakdown), sql in lineage.items():
            rows = db.query(sql).to_pylist()
            assert rows, f"{metric} {breakdown}: the lineage SQL returned nothing"
            for row in rows:
                fig = figures.get(
                    metric, row["fiscal_year"], breakdown, row.get("breakdown_value", "")
                )
                if fig.suppressed:  # withheld by the disclosure policy: no value to compare
                    continue
                assert fig.value is not None
                assert math.isclose(fig.value, row["value"], rel_tol=1e-12), (
                    metric,
                    breakdown,
                    row,
                )


def test_year_over_year_exists_for_every_metric(demo: Demo) -> None:
    figures = demo.result.figures
    for mid in demo.report.metrics:
        if demo.report.metrics[mid].measure == "submitted" and not figures.find(mid, 2022):
            continue  # a one-off submission (a launch, a new strategy) has no prior year
        fig = figures.get(mid, 2023)
        prior = figures.get(mid, 2022)
        if fig.suppressed or prior.suppressed:  # a change on a withheld figure is withheld
            assert fig.yoy_change is None and fig.yoy_change_pct is None
            continue
        assert fig.prior_value == prior.value
        assert fig.yoy_change is not None and fig.value is not None and prior.value is not None
        assert math.isclose(fig.yoy_change, fig.value - prior.value)
        assert fig.yoy_change_pct is not None
        assert math.isclose(fig.yoy_change_pct, 100 * (fig.value - prior.value) / prior.value)


def test_breakdowns_add_up_to_the_total(demo: Demo) -> None:
    figures = demo.result.figures
    for metric, breakdown in [("ero.admin_arrests", "aor"), ("ero.removals", "departure_country")]:
        for year in figures.years:
            parts = figures.breakdown(metric, year, breakdown)
            published = sum(f.value or 0 for f in parts)
            if any(f.suppressed for f in parts):  # withheld cells make up the difference
                assert published < figures.value(metric, year)
            else:
                assert published == figures.value(metric, year)


def test_fused_plan_reads_each_table_once(report: Report) -> None:
    """Counts and sums of one table (and join) share one scan computing every breakdown;
    each distinct count has a scan of its own."""
    plan = compile_plan(report.metrics, report.pack.tables)

    def distinct(scan: Scan) -> bool:
        return all(report.metrics[m].measure == "count_distinct" for m in scan.metrics)

    keys = [(s.table, s.join) for s in plan.scans if not distinct(s)]
    assert len(keys) == len(set(keys))
    arrests = next(s for s in plan.scans if "ero.admin_arrests" in s.metrics)
    assert {"ero.admin_arrests", "ero.at_large_arrests"} <= set(arrests.metrics)
    assert {"", "aor", "criminality", "month"} <= set(arrests.breakdowns)
    assert "FILTER" in arrests.sql and "GROUPING SETS" in arrests.sql
    people = next(s for s in plan.scans if "ero.arrests_criminal_history" in s.metrics)
    assert people.metrics == ("ero.arrests_criminal_history",)
    assert people.breakdowns == ("", "aor")
    charges = next(s for s in plan.scans if "ero.charges_total" in s.metrics)
    assert charges.join == "arrests" and charges.sql.count("JOIN") == 1


def test_spark_plan_is_the_duckdb_plan_rendered_for_spark(report: Report) -> None:
    """One tree per query, rendered per engine: the Spark text is what sqlglot makes of the
    DuckDB text, and none of DuckDB's own syntax is left in it."""
    duckdb, spark = (
        compile_plan(report.metrics, report.pack.tables, dialect=d) for d in ("duckdb", "spark")
    )
    assert spark.lineage.keys() == duckdb.lineage.keys()
    for key, sql in duckdb.lineage.items():
        assert spark.lineage[key] == transpile(sql, "spark"), key
    for mine, theirs in zip(duckdb.scans, spark.scans, strict=True):
        assert mine.metrics == theirs.metrics
        assert theirs.sql == transpile(mine.sql, "spark")
        assert "MATERIALIZED" not in theirs.sql and "strftime" not in theirs.sql


def _write(tmp_path: Path, items: list[dict[str, object]]) -> Path:
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "m.yaml").write_text(yaml.safe_dump(items))
    return folder


BASE = {"label": "x", "definition": "x", "unit": "arrests", "measure": "count", "table": "arrests"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Admin Arrests"}, "dotted and lower case"),
        ({"id": "ero.x", "measure": "median"}, "measure"),
        ({"id": "ero.x", "filter": "criminality = = 'x'"}, "not valid SQL"),
        ({"id": "ero.x", "measure": "count_distinct"}, "needs 'column'"),
        ({"id": "ero.x", "colour": "red"}, "Extra inputs"),
    ],
)
def test_invalid_declarations_are_refused(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    with pytest.raises(DeclarationError, match=message):
        load_metrics(_write(tmp_path, [{**BASE, **change}]))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"table": "nowhere"}, "unknown table 'nowhere'"),
        ({"breakdowns": ["colour"]}, "breakdown 'colour' is not a column of arrests"),
        ({"measure": "sum", "column": "weight"}, "column 'weight' is not a column of arrests"),
    ],
)
def test_tables_and_columns_are_checked_against_the_pack(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    (decl,) = load_metrics(_write(tmp_path, [{**BASE, "id": "ero.x", **change}])).values()
    assert any(message in problem for _, problem in decl.table_problems(ICE.tables))


def test_ratio_must_name_declared_metrics(tmp_path: Path) -> None:
    ratio = {
        "id": "ero.r",
        "label": "r",
        "definition": "r",
        "unit": "x",
        "measure": "ratio",
        "numerator": "ero.a",
        "denominator": "ero.b",
    }
    with pytest.raises(DeclarationError, match="unknown metric 'ero.a'"):
        load_metrics(_write(tmp_path, [{**BASE, "id": "ero.b"}, ratio]))


def test_generated_docs_are_current(report: Report) -> None:
    page = REPO / "docs" / "packs" / report.pack.name / "tables.md"
    assert page.read_text() == pack_tables_page(report.pack) + "\n", "run `make docs`"
    assert (REPO / "docs" / "metrics.md").read_text() == render_metrics(report) + "\n", (
        "run `make docs`"
    )
