"""Published statistics workbooks: tables found inside sheets, cells mapped to figures.

The finder is tested on small grids shaped like the publisher's sheets, and on
ICE's own detention workbooks FY2019-FY2026 when they are beside the checkout:
the total average daily population it reads for FY2019-FY2025 must agree with
every other way each workbook states that total.
"""

from __future__ import annotations

import calendar
import csv
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import OFFICIAL_FIGURES, REPO, SHARED
from yearbook.errors import UserError
from yearbook.ingest.published import load_published
from yearbook.ingest.published_map import MappedFigure, load_rules, published_id
from yearbook.ingest.tablefinder import find_tables
from yearbook.ingest.workbooks import fiscal_year_of, scan_workbook
from yearbook.warehouse import Warehouse

WORKBOOKS = SHARED / "data" / "real" / "ice-detention-stats"
PACK = REPO / "packs" / "ice"
needs_workbooks = pytest.mark.skipif(
    not WORKBOOKS.is_dir(),
    reason="ICE's detention workbooks (shared/data/real/ice-detention-stats/) are not beside "
    "this checkout",
)

N = None
SHEET: list[list[str | None]] = [
    ["Agency statistics, FY2021"],
    [],
    ["Counts by Office and Month: FY2021", N, N, N, N, "Removals: FY2021*"],
    ["Office", "Oct", "Nov", "Total", N, "Removals", N, "Total"],
    ["Total", "30", "40", "70", N, "Total", N, "1,234"],
    ["North Average", "10", "15", "25"],
    ["Convicted", "4", "5", "9"],
    ["Other", "6", "10", "16"],
    ["South Average", "20", "25", "45"],
    ["Convicted", "8", "9", "17"],
    ["Other", "12", "16", "28"],
    ["Source: records system, 10/01/2021"],
    [],
    ["Release Reason by Criminality"],
    ["Reason", "Criminality", "Count"],
    ["Bond", "Total", "5"],
    [N, "Convicted", "2"],
    [N, "Other", "3"],
    [],
    [N, N, N, "99"],
]


def test_tables_side_by_side_are_told_apart() -> None:
    scan = find_tables(SHEET, "Sheet1")
    titles = [t.title for t in scan.tables]
    assert titles == [
        "Counts by Office and Month: FY2021",
        "Removals: FY2021",
        "Release Reason by Criminality",
    ]
    removals = scan.tables[1]
    assert removals.markers == ["*"]
    assert [(c.row_label, c.column_label, c.value, c.ref) for c in removals.cells] == [
        ("Total", "Total", 1234.0, "H5")
    ]


def test_repeated_row_labels_are_qualified_by_their_group() -> None:
    counts = find_tables(SHEET, "Sheet1").tables[0]
    by_label = {(c.row_label, c.column_label): c.value for c in counts.cells}
    assert by_label[("North Average / Convicted", "Total")] == 9
    assert by_label[("South Average / Other", "Nov")] == 16
    assert by_label[("Total", "Total")] == 70
    assert counts.notes == ["Source: records system, 10/01/2021"]


def test_a_merged_first_column_is_filled_down() -> None:
    reasons = find_tables(SHEET, "Sheet1").tables[2]
    labels = [c.row_label for c in reasons.cells]
    assert labels == ["Bond / Total", "Bond / Convicted", "Bond / Other"]


def test_numbers_outside_every_table_are_reported() -> None:
    assert find_tables(SHEET, "Sheet1").stray == ["D20"]


def test_fiscal_years_are_read_from_titles_and_names() -> None:
    assert fiscal_year_of("ICE Removals: EOFY2023") == 2023
    assert fiscal_year_of("no year", "ATD FY24 YTD") == 2024
    assert fiscal_year_of("Facilities EOYFY20 ") == 2020
    assert fiscal_year_of("none") is None


def test_workbook_cells_keep_their_true_references(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Data Sheet"
    ws["C4"] = "Arrests by Office: FY2020"
    ws["C5"], ws["D5"] = "Office", "Arrests"
    ws["C6"], ws["D6"] = "Total", 1500
    ws["C7"], ws["D7"] = "North", 600
    path = tmp_path / "stats.xlsx"
    book.save(path)
    scan = scan_workbook(path)
    assert [(c.row_label, c.value, c.cell, c.fiscal_year) for c in scan.cells] == [
        ("Total", 1500.0, "'Data Sheet'!D6", 2020),
        ("North", 600.0, "'Data Sheet'!D7", 2020),
    ]
    assert scan.problems() == []


def test_a_file_that_is_no_workbook_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(UserError, match="broken.xlsx: cannot read it as a workbook"):
        scan_workbook(path)


def test_a_bad_mapping_names_the_entry(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text("figures:\n  - {id: x, row: '('}\n")
    with pytest.raises(UserError, match=r"m.yaml: figures\[0\]: row: not a regular expression"):
        load_rules([tmp_path / "m.yaml"])


# -- ICE's detention workbooks ---------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], MappedFigure]:
    if not WORKBOOKS.is_dir():
        pytest.skip("ICE's detention workbooks (shared/data/real/) are not beside this checkout")
    warehouse = Warehouse(tmp_path_factory.mktemp("published") / "w")
    loaded = load_published(sorted(WORKBOOKS.glob("*.xlsx")), PACK, warehouse)
    assert "published_figures" in warehouse.tables()
    return {(f.id, f.fiscal_year): f for f in loaded.figures}


def _days(fiscal_year: int, month: str) -> int:
    number = list(calendar.month_abbr).index(month)
    year = fiscal_year - 1 if number >= 10 else fiscal_year
    return calendar.monthrange(year, number)[1]


@needs_workbooks
@pytest.mark.parametrize("fy", range(2019, 2026))
def test_total_adp_equals_the_workbooks_own_totals(
    published: dict[tuple[str, int], MappedFigure], fy: int
) -> None:
    total = published[("detention.adp", fy)]
    assert total.source.split("#")[0].startswith(f"FY{fy % 100}")
    # the same total in the facility-type (or month) table of the same workbook
    assert published[("detention.adp_by_facility_type_total", fy)].value == pytest.approx(
        total.value, abs=0.01
    )
    # the arresting agencies add up to it
    agencies = [
        published[(published_id("detention.adp", "arresting_agency", a), fy)]
        for a in ("CBP", "ICE")
    ]
    assert sum(a.value for a in agencies) == pytest.approx(total.value, abs=0.01)
    # and so do the months, each weighted by its days; a workbook published before the
    # year ended covers a whole number of days of its last month
    months = [
        (m, published[key].value)
        for m in calendar.month_abbr[10:] + calendar.month_abbr[1:10]
        if (key := (published_id("detention.adp", "month", m), fy)) in published
        and published[key].value > 0
    ]
    *whole, (last, last_value) = months
    total_days = sum(_days(fy, m) for m, _ in whole)
    summed = sum(v * _days(fy, m) for m, v in whole)
    days_of_last = (summed - total.value * total_days) / (total.value - last_value)
    assert days_of_last == pytest.approx(round(days_of_last), abs=0.01)
    assert 1 <= round(days_of_last) <= _days(fy, last)


@needs_workbooks
def test_published_figures_match_what_ice_said_elsewhere(
    published: dict[tuple[str, int], MappedFigure],
) -> None:
    if not OFFICIAL_FIGURES.is_file():
        pytest.skip("shared/data/official_figures.csv is not beside this checkout")
    with OFFICIAL_FIGURES.open(encoding="utf-8") as handle:
        official = {
            (r["metric"], int(r["fiscal_year"])): float(r["value"]) for r in csv.DictReader(handle)
        }
    assert (
        round(published[("detention.adp", 2019)].value)
        == official[("average_daily_detained_population", 2019)]
    )
    assert published[("removals_total", 2019)].value == official[("removals_total", 2019)]


@needs_workbooks
def test_facility_adp_and_atd_are_read_for_every_year(
    published: dict[tuple[str, int], MappedFigure],
) -> None:
    for fy in range(2019, 2027):
        facilities = [f for (i, y), f in published.items() if y == fy and "/facility=" in i]
        assert len(facilities) > 50, fy
        assert ("detention.atd_participants", fy) in published
        assert ("detention.alos", fy) in published
    # a facility's ADP is the sum of its four criminality-by-sex columns
    stewart = published[
        (published_id("detention.adp", "facility", "STEWART DETENTION CENTER"), 2019)
    ]
    assert stewart.value == pytest.approx(882.983561644 + 1027.432876712 + 0.126027397 + 0)
    assert stewart.source == "FY19-detentionstats.xlsx#'Facilities FY19'!N8"


@needs_workbooks
def test_every_unplaced_sheet_is_named() -> None:
    scan = scan_workbook(WORKBOOKS / "FY19-detentionstats.xlsx")
    assert scan.problems() == [
        "FY19-detentionstats.xlsx: sheet 'Header': no table found",
        "FY19-detentionstats.xlsx: sheet 'Footnotes': no table found",
    ]
