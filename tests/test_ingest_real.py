"""The real files beside the checkout load through the same ingest path as any file,
and the report shows its appendix only when they are there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ICE, REPORT_DIR, SHARED, Demo, copy_report
from tests.helpers import assert_figure
from yearbook.build import compute, render_markdown
from yearbook.errors import DeclarationError
from yearbook.figures import Figures
from yearbook.ingest import load_real_data, real_data_files
from yearbook.report import Report, load_report
from yearbook.warehouse import Warehouse

REAL = SHARED / "data" / "real"
needs_real = pytest.mark.skipif(
    not REAL.is_dir(), reason="the real data files (shared/data/real/) are not beside this checkout"
)


def test_a_lone_clone_builds_without_the_appendix(demo: Demo) -> None:
    assert "Appendix" not in demo.result.markdown
    assert "ero.average_daily_population" not in demo.result.figures.metrics


@needs_real
def test_real_files_are_found_beside_the_checkout() -> None:
    names = [p.name for p in real_data_files(REPORT_DIR)]
    assert names == [
        "detention_headcount_by_facility_day_fy2012_fy2024.csv.gz",
        "seattle_arrests_by_criminality_state_month.csv",
        "official_figures.csv",
    ]


@needs_real
def test_real_files_load_and_the_appendix_appears(
    warehouse_copy: Warehouse, report: Report
) -> None:
    result = load_real_data(REPORT_DIR, warehouse_copy, ICE)
    assert result is not None
    loaded = {f.file: (f.layout, f.rows_in, f.loaded, f.quarantined) for f in result.files}
    # row counts stated in shared/data/real/README.md
    assert loaded["detention_headcount_by_facility_day_fy2012_fy2024.csv.gz"] == (
        "uwchr_detention_headcount",
        928_231,
        928_231,
        0,
    )
    assert loaded["seattle_arrests_by_criminality_state_month.csv"] == (
        "uwchr_arrests_by_criminality_month",
        255,
        255,
        0,
    )
    figures = Figures(compute(report, warehouse_copy))
    # ICE published 50,165 for FY2019; the placements give about 48,850 (README)
    assert_figure(figures, "ero.published_average_daily_population", 2019, 50_165)
    assert_figure(figures, "ero.average_daily_population", 2019, 48_851, digits=0)
    markdown = render_markdown(report, figures, links=False)
    appendix = markdown[markdown.index("Appendix") :]
    assert "50,165" in appendix and "48,851" in appendix


def test_sections_needing_absent_tables_are_left_out(report: Report) -> None:
    present = set(report.tables) - {"detention_headcount", "arrest_counts", "published_figures"}
    lone = report.for_tables(present)
    assert "appendix" not in [s.id for s in lone.spec.sections]
    assert "ero.average_daily_population" not in lone.metrics
    assert "ero.seattle_arrests_convicted_share" not in lone.metrics
    assert "ero.admin_arrests" in lone.metrics
    assert report.for_tables(report.tables) is report


def test_a_section_requiring_an_unknown_table_is_refused(tmp_path: Path) -> None:
    folder = copy_report(tmp_path)
    spec = folder / "report.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace(
            "requires: [detention_headcount,", "requires: [detention_headcounts,"
        ),
        encoding="utf-8",
    )
    with pytest.raises(DeclarationError, match="requires unknown table 'detention_headcounts'"):
        load_report(folder)
