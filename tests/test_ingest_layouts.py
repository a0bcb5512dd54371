"""Layout detection: every known release layout is recognised from its header row."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ICE
from tests.ingest_fixtures import ARRESTS_2025, ID_A, arrest, load, rows, when, xlsx
from yearbook.ingest import IngestError, detect_layout, ingest, load_layouts
from yearbook.warehouse import Warehouse

LAYOUTS = load_layouts(ICE.layouts_dir, ICE.tables)

# (header row as released, the layout it must be read with, canonical column -> source)
VARIANTS = [
    (
        [
            "Apprehension Date",
            "Apprehension Method",
            "Apprehension Criminality",
            "TOA Current Duty AOR",
            "Anonymized Identifier",
        ],
        "ero_arrests_2025",
        {"person_id": "Anonymized Identifier", "aor": "TOA Current Duty AOR"},
    ),
    (
        [
            "Apprehension Date",
            "Apprehension Method",
            "Apprehension Criminality",
            "TOA Current Duty AOR",
            "Anonymized Unique Identifier",
        ],
        "ero_arrests_2025",
        {"person_id": "Anonymized Unique Identifier"},
    ),
    (
        [
            "Apprehension Date",
            "Apprehension State",
            "Apprehension AOR",
            "Apprehension Method",
            "Apprehension Criminality",
            "Citizenship Country",
            "Unique Identifier",
        ],
        "ero_arrests_2025_summer",
        {"person_id": "Unique Identifier", "aor": "Apprehension AOR"},
    ),
    (
        [
            "Departed Date",
            "Departure Country",
            "Known Terrorist Yes No",
            "Suspected Gang Yes No",
            "Case Criminality",
            "Anonymized Identifier",
        ],
        "ero_removals_2026",
        {"departure_date": "Departed Date", "person_id": "Anonymized Identifier"},
    ),
    (
        [
            "Departed Date",
            "Departure Country",
            "Known Terrorist Yes No",
            "Suspected Gang Yes No",
            "Case Criminality",
            "Anonymized Identifer",
        ],
        "ero_removals_2026",
        {"person_id": "Anonymized Identifer"},
    ),
    (
        [
            "Departed Date",
            "Port of Departure",
            "Departure Country",
            "Docket AOR",
            "Case Criminality",
            "Unique Identifier",
        ],
        "ero_removals_2025",
        {"departure_date": "Departed Date", "person_id": "Unique Identifier"},
    ),
    (
        [
            "Departure Date",
            "Port of Departure",
            "Departure Country",
            "Case Status",
            "Anonymized Identifer",
        ],
        "ero_removals_2012_2023",
        {"departure_date": "Departure Date", "person_id": "Anonymized Identifer"},
    ),
    (
        [
            "Event Date",
            "Responsible AOR",
            "Event Type",
            "Encounter Criminality",
            "Unique Identifier",
        ],
        "ero_encounters_2025",
        {"event_date": "Event Date"},
    ),
    (
        [
            "Detainer Prepare Date",
            "Facility State",
            "Facility AOR",
            "Detainer Criminality",
            "MSC Charge Code",
            "Anonymized Identifier",
        ],
        "ero_detainers_2025",
        {"criminality": "Detainer Criminality"},
    ),
    (
        [
            "Detainer Prepare Date",
            "Facility State",
            "Detainer Prepared Criminality",
            "Unique Identifier",
        ],
        "ero_detainers_2025",
        {"criminality": "Detainer Prepared Criminality"},
    ),
    (
        [
            "Stay Book In Date Time",
            "Book In Date Time",
            "Detention Facility",
            "Book Out Date Time",
            "Detention Facility Code",
            "Book In Criminality",
            "Anonymized Identifier",
        ],
        "ero_detention_stints_2025",
        {"book_in_date": "Book In Date Time"},
    ),
    (
        ["detention_facility_code", "n", "date"],
        "uwchr_detention_headcount",
        {"detained": "n"},
    ),
    (
        ["apprehension_criminality", "month", "apprehension_state", "n"],
        "uwchr_arrests_by_criminality_month",
        {"arrests": "n"},
    ),
    (
        ["fiscal_year", "office", "metric", "value", "unit", "qualifier", "source_url", "notes"],
        "ice_published_figures",
        {"value": "value"},
    ),
]


@pytest.mark.parametrize(("header", "layout", "sources"), VARIANTS)
def test_layout_is_detected_from_its_header(
    header: list[str], layout: str, sources: dict[str, str]
) -> None:
    match = detect_layout(header, LAYOUTS, "file.xlsx")
    assert match.layout.id == layout
    for column, source in sources.items():
        assert match.sources[column] == source


def test_headers_match_ignoring_case_and_spacing() -> None:
    header = ["APPREHENSION  DATE", "apprehension method", " Apprehension Criminality "]
    assert detect_layout(header, LAYOUTS, "f").layout.id == "ero_arrests_2025"


def test_unknown_layout_names_unmapped_columns_and_closest_layout() -> None:
    header = ["Apprehension Datum", "Apprehension Method", "Apprehension Criminality", "Widget"]
    with pytest.raises(IngestError) as info:
        detect_layout(header, LAYOUTS, "odd.xlsx")
    text = str(info.value)
    assert "odd.xlsx: unknown layout" in text
    assert "'Apprehension Datum'" in text and "'Widget'" in text
    assert "closest known layout is 'ero_arrests_2025'" in text
    assert "'Apprehension Date'" in text


@pytest.mark.parametrize("preamble_rows", [0, 5, 6])
def test_header_row_is_found_by_content(tmp_path: Path, preamble_rows: int) -> None:
    header = [
        "Apprehension Date",
        "Apprehension Method",
        "Apprehension Criminality",
        "Anonymized Identifier",
    ]
    path = xlsx(
        tmp_path / "a.xlsx",
        header,
        [[when(1), "Located", "1 Convicted Criminal", ID_A]],
        preamble_rows=preamble_rows,
    )
    result = load(Warehouse(tmp_path / "w", ICE.tables), path)
    assert (result.files[0].layout, result.files[0].loaded) == ("ero_arrests_2025", 1)


def _yearbook(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "yearbook.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_cli_unknown_layout_is_one_clear_line(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "odd.xlsx", ["Colour", "Shape", "Size"], [["red", "round", "big"]])
    run = _yearbook("ingest", str(path), "--into", str(tmp_path / "w"))
    assert run.returncode == 2
    assert "odd.xlsx, sheet 'Sheet1': unknown layout" in run.stderr
    assert "'Colour', 'Shape', 'Size'" in run.stderr
    assert "closest known layout" in run.stderr
    assert "Traceback" not in run.stderr


def test_cli_prints_a_summary_per_file(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "arrests.xlsx", ARRESTS_2025, [arrest(when(1)), arrest(None)])
    run = _yearbook("ingest", str(path), "--into", str(tmp_path / "w"), "--release", "2025-02")
    assert run.returncode == 0, run.stderr
    line = next(x for x in run.stdout.splitlines() if "arrests.xlsx" in x)
    cells = [c.strip() for c in line.split("│") if c.strip()]
    assert cells == ["arrests.xlsx", "arrests", "2", "1", "1", "0", "0", "ero_arrests_2025"]
    assert rows(Warehouse(tmp_path / "w"), "SELECT release FROM releases") == [
        {"release": "2025-02"}
    ]


def test_every_shipped_layout_is_documented() -> None:
    from tests.conftest import REPO

    docs = (REPO / "docs" / "ingest.md").read_text(encoding="utf-8")
    for layout in LAYOUTS:
        assert f"`{layout.id}`" in docs, f"docs/ingest.md does not list {layout.id}"


def test_a_column_read_from_two_source_columns(tmp_path: Path) -> None:
    """A month named in one column and its fiscal year in another make one date."""
    extra = tmp_path / "layouts"
    extra.mkdir()
    (extra / "monthly_counts.yaml").write_text(
        "id: monthly_counts\n"
        "table: arrest_counts\n"
        "description: Counts by month abbreviation and fiscal year.\n"
        "columns:\n"
        "  month: {from: [Month (abbv)], with: [Fiscal Year], parse: fiscal_month}\n"
        "  criminality: {from: [Criminality], parse: criminality}\n"
        "  arrests: {from: [Count], parse: integer}\n"
        "defaults: {aor: Test Area}\n",
        encoding="utf-8",
    )
    path = tmp_path / "counts.csv"
    path.write_text(
        "Fiscal Year,Month (abbv),Criminality,Count\n"
        "2020,OCT,1 Convicted Criminal,5\n"
        "2020,SEP,1 Convicted Criminal,7\n"
        "2021,Jan,3 Other Immigration Violator,11\n"
        "2021,FOO,3 Other Immigration Violator,13\n"
        ",MAR,3 Other Immigration Violator,17\n",
        encoding="utf-8",
    )
    warehouse = Warehouse(tmp_path / "w", ICE.tables)
    result = ingest([path], warehouse, ICE, layouts_dir=extra)
    assert (result.files[0].layout, result.files[0].loaded) == ("monthly_counts", 3)
    assert rows(warehouse, "SELECT month, fiscal_year, arrests FROM arrest_counts ORDER BY 1") == [
        {"month": dt.date(2019, 10, 1), "fiscal_year": 2020, "arrests": 5},
        {"month": dt.date(2020, 9, 1), "fiscal_year": 2020, "arrests": 7},
        {"month": dt.date(2021, 1, 1), "fiscal_year": 2021, "arrests": 11},
    ]
    assert rows(warehouse, "SELECT value, reason FROM quarantine ORDER BY 1") == [
        {"value": "FOO 2021", "reason": "unparseable month"},
        {"value": "MAR", "reason": "unparseable month"},
    ]
    # without its second column the layout does not match
    header = ["Month (abbv)", "Criminality", "Count"]
    with pytest.raises(IngestError, match="Month \\(abbv\\) \\+ Fiscal Year"):
        detect_layout(header, load_layouts(ICE.layouts_dir, ICE.tables, extra), "f.csv")
