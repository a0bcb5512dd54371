"""Ingesting files: every row loaded or quarantined, sheets stacked, duplicates flagged,
newer releases replacing the overlap of older ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import ICE
from tests.ingest_fixtures import (
    ARRESTS_2025,
    ID_A,
    ID_B,
    arrest,
    csv_file,
    load,
    rows,
    table,
    when,
    xlsx,
)
from yearbook.ingest import IngestError
from yearbook.warehouse import Warehouse


@pytest.fixture
def warehouse(tmp_path: Path) -> Warehouse:
    return Warehouse(tmp_path / "warehouse", ICE.tables)


def test_workbook_split_across_sheets_is_stacked(tmp_path: Path, warehouse: Warehouse) -> None:
    data = [arrest(when(d + 1), f"id{d}") for d in range(25)]
    path = xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data, sheets=3)
    result = load(warehouse, path).files[0]
    assert result.sheets == ["Sheet1", "Sheet2", "Sheet3"]
    assert (result.rows_in, result.loaded, result.quarantined) == (25, 25, 0)
    assert rows(warehouse, "SELECT COUNT(DISTINCT person_id) AS n FROM arrests") == [{"n": 25}]


def test_redactions_are_counted_not_lost(tmp_path: Path, warehouse: Warehouse) -> None:
    """Markers in the columns a layout reads are counted and load as missing values."""
    data = [arrest(when(1), country="b(6), b(7)c"), arrest(when(2), country="b(6), b(7)C")]
    result = load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data)).files[0]
    assert result.redacted == 2
    assert rows(warehouse, "SELECT redacted_cells FROM releases") == [{"redacted_cells": 2}]
    got = rows(warehouse, "SELECT citizenship_country AS c FROM arrests")
    assert got == [{"c": None}, {"c": None}]


def test_values_are_canonical(tmp_path: Path, warehouse: Warehouse) -> None:
    data = [
        arrest(when(1, hour=23), criminality="2 Pending Criminal Charges", country="el salvador")
    ]
    load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data))
    got = rows(
        warehouse, "SELECT arrest_date, criminality, citizenship_country, gender FROM arrests"
    )
    assert got == [
        {
            "arrest_date": dt.date(2023, 3, 1),
            "criminality": "pending",
            "citizenship_country": "EL SALVADOR",
            "gender": "Male",
        }
    ]


# (what is wrong with the row, the cell put in the date/criminality column, reason, column)
BAD_ROWS = [
    ("redacted date", arrest("b(6), b(7)c"), "redacted required value", "Apprehension Date"),
    ("empty date", arrest(None), "missing required value", "Apprehension Date"),
    ("text date", arrest("soon"), "unparseable date", "Apprehension Date"),
    ("old date", arrest("1901-01-01 00:00:00"), "implausible date", "Apprehension Date"),
    (
        "unknown criminality",
        arrest(when(3), criminality="9 Unknown"),
        "unknown category value",
        "Apprehension Criminality",
    ),
]


@pytest.mark.parametrize(
    ("case", "row", "reason", "column"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS]
)
def test_failing_rows_go_to_quarantine_with_where_and_why(
    tmp_path: Path, warehouse: Warehouse, case: str, row: list[object], reason: str, column: str
) -> None:
    good = [arrest(when(d)) for d in (10, 20)]
    path = xlsx(tmp_path / "a.xlsx", ARRESTS_2025, [good[0], row, good[1]])
    result = load(warehouse, path).files[0]
    assert (result.rows_in, result.loaded, result.quarantined) == (3, 2, 1)
    got = rows(warehouse, 'SELECT file, sheet, "row", "column", reason FROM quarantine')
    # six preamble rows, the header on row 7, the bad row is the second data row
    assert got == [
        {"file": "a.xlsx", "sheet": "Sheet1", "row": 9, "column": column, "reason": reason}
    ]


def test_blank_rows_are_not_records(tmp_path: Path, warehouse: Warehouse) -> None:
    data = [arrest(when(1)), [None] * len(ARRESTS_2025), arrest(when(2), ID_B)]
    result = load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data)).files[0]
    assert (result.rows_in, result.loaded, result.blank) == (2, 2, 1)


def test_ncic_codes_keep_their_leading_zero(tmp_path: Path, warehouse: Warehouse) -> None:
    header = [
        "Detainer Prepare Date",
        "Detainer Criminality",
        "MSC Charge Code",
        "Unique Identifier",
    ]
    data = [
        [when(1), "1 Convicted Criminal", "0301", ID_A],
        [when(2), "1 Convicted Criminal", 301, ID_B],
    ]
    load(warehouse, xlsx(tmp_path / "d.xlsx", header, data))
    got = rows(warehouse, "SELECT charge_code FROM detainers ORDER BY prepare_date")
    assert got == [{"charge_code": "0301"}, {"charge_code": "0301"}]


# One file of each table type: header, one row, the table it lands in and a value to check.
TABLE_TYPES = [
    ("arrests.xlsx", ARRESTS_2025, arrest(when(1)), "arrests", "criminality", "convicted"),
    (
        "removals.xlsx",
        ["Departed Date", "Departure Country", "Known Terrorist Yes No", "Suspected Gang Yes No",
         "Case Criminality", "Anonymized Identifier"],
        [dt.date(2023, 5, 1), "Honduras", "NO", "YES", "1 Convicted Criminal", ID_A],
        "removals",
        "departure_country",
        "HONDURAS",
    ),
    (
        "encounters.xlsx",
        ["Event Date", "Responsible AOR", "Event Type", "Encounter Criminality", "Unique Identifier"],
        [when(4), "Miami Area of Responsibility", "Traffic", "3 Other Immigration Violator", ID_A],
        "encounters",
        "criminality",
        "other",
    ),
    (
        "detainers.xlsx",
        ["Detainer Prepare Date", "Facility State", "Detainer Criminality", "Anonymized Identifier"],
        [when(5), "Texas", "2 Pending Criminal Charges", ID_A],
        "detainers",
        "facility_state",
        "TEXAS",
    ),
    (
        "stints.xlsx",
        ["Stay Book In Date Time", "Book In Date Time", "Book Out Date Time",
         "Detention Facility Code", "Book In Criminality", "Anonymized Identifier"],
        [when(6), when(6), "", "ABCDEFG", "1 Convicted Criminal", ID_A],
        "detention_stints",
        "facility_code",
        "ABCDEFG",
    ),
    (
        "headcount.csv",
        ["detention_facility_code", "n", "date"],
        ["ABCDEFG", 12, "2023-03-07"],
        "detention_headcount",
        "detained",
        12,
    ),
    (
        "arrest_counts.csv",
        ["apprehension_criminality", "month", "apprehension_state", "n"],
        ["1 Convicted Criminal", "2023-09-01", "NA", 16],
        "arrest_counts",
        "state",
        None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "header", "row", "target", "column", "value"),
    TABLE_TYPES,
    ids=[t[0] for t in TABLE_TYPES],
)
def test_a_file_of_each_table_type(
    tmp_path: Path,
    warehouse: Warehouse,
    name: str,
    header: list[str],
    row: list[object],
    target: str,
    column: str,
    value: object,
) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        csv_file(path, header, [row], delim="|" if "headcount" in name else ",")
    else:
        xlsx(path, header, [row])
    result = load(warehouse, path).files[0]
    assert (result.table, result.loaded, result.quarantined) == (target, 1, 0)
    assert rows(warehouse, f"SELECT {column} AS v FROM {target}") == [{"v": value}]


def test_parquet_files_are_read_too(tmp_path: Path, warehouse: Warehouse) -> None:
    data = pa.table(
        {
            "Departed Date": [dt.date(2023, 5, 1), dt.date(2023, 5, 2)],
            "Departure Country": ["Mexico", "Guatemala"],
            "Case Criminality": ["1 Convicted Criminal", "3 Other Immigration Violator"],
            "Unique Identifier": [ID_A, None],
        }
    )
    pq.write_table(data, tmp_path / "removals.parquet")
    result = load(warehouse, tmp_path / "removals.parquet").files[0]
    assert (result.layout, result.loaded) == ("ero_removals_2025", 2)


def test_unreadable_files_are_refused_clearly(tmp_path: Path, warehouse: Warehouse) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(IngestError, match="broken.xlsx: not a readable workbook"):
        load(warehouse, broken)
    with pytest.raises(IngestError, match="no such file"):
        load(warehouse, tmp_path / "missing.csv")


# -- duplicates -----------------------------------------------------------------------------
def test_arrest_episodes_within_24_hours(tmp_path: Path, warehouse: Warehouse) -> None:
    data = [
        arrest(when(1, hour=8)),
        arrest(when(2, hour=6)),  # 22 hours later: same episode
        arrest(when(3, hour=5)),  # 23 hours after that: the episode chains on
        arrest(when(9, hour=5)),  # days later: a new arrest
        arrest(when(1, hour=9), None),  # no identifier: never the same person
        arrest(when(1, hour=10), None),
    ]
    result = load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data)).files[0]
    got = rows(warehouse, "SELECT duplicate_rule AS r FROM arrests WHERE person_id IS NOT NULL")
    assert sorted((r["r"] or "") for r in got) == [
        "",
        "",
        "arrest_episode_24h",
        "arrest_episode_24h",
    ]
    assert result.duplicates == 2


def test_reprocessed_arrests_sort_last_in_an_episode(tmp_path: Path, warehouse: Warehouse) -> None:
    data = [arrest(when(1, hour=8), method="ERO Reprocessed Arrest"), arrest(when(1, hour=8))]
    load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data))
    got = rows(
        warehouse, "SELECT apprehension_method AS m, duplicate_rule AS r FROM arrests ORDER BY m"
    )
    assert got == [
        {"m": "ERO Reprocessed Arrest", "r": "arrest_episode_24h"},
        {"m": "Located", "r": None},
    ]


def test_exact_duplicates_are_flagged_not_deleted(tmp_path: Path, warehouse: Warehouse) -> None:
    header = ["Departed Date", "Departure Country", "Case Criminality", "Unique Identifier"]
    same = [dt.date(2023, 5, 1), "Mexico", "1 Convicted Criminal", ID_A]
    other_day = [dt.date(2023, 5, 2), "Mexico", "1 Convicted Criminal", ID_A]
    same_day = [dt.date(2023, 5, 2), "Peru", "1 Convicted Criminal", ID_A]
    load(warehouse, xlsx(tmp_path / "r.xlsx", header, [same, same, other_day, same_day]))
    got = rows(warehouse, "SELECT departure_country AS c, duplicate_rule AS r FROM removals")
    assert sorted((r["c"], str(r["r"])) for r in got) == [
        ("MEXICO", "None"),
        ("MEXICO", "None"),
        ("MEXICO", "exact"),
        ("PERU", "same_person_day"),
    ]


def test_detention_stints_keep_the_last_row_of_a_day(tmp_path: Path, warehouse: Warehouse) -> None:
    header = ["Stay Book In Date Time", "Book In Date Time", "Detention Facility Code",
              "Detention Release Reason", "Anonymized Identifier"]  # fmt: skip
    data = [
        [when(1), when(1, 9), "FAC", "Transferred", ID_A],
        [when(1), when(1, 11), "FAC", "Removed", ID_A],
    ]
    load(warehouse, xlsx(tmp_path / "s.xlsx", header, data))
    got = rows(
        warehouse,
        "SELECT release_reason AS r, duplicate_rule AS d FROM detention_stints ORDER BY r",
    )
    assert got == [{"r": "Removed", "d": None}, {"r": "Transferred", "d": "stint_same_day"}]


def test_metrics_leave_flagged_duplicates_out(tmp_path: Path, warehouse: Warehouse) -> None:
    from yearbook.figures.compute import compute_figures
    from yearbook.metrics.declarations import MetricDecl
    from yearbook.warehouse import Database

    data = [arrest(when(1, hour=8)), arrest(when(1, hour=9)), arrest(when(5), ID_B)]
    load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data))
    decl = MetricDecl(id="ero.arrests", label="arrests", definition="d", unit="arrests",
                      measure="count", table="arrests")  # fmt: skip
    with Database(warehouse) as db:
        figures = compute_figures({decl.id: decl}, db.query, [2023], tables=ICE.tables)
    assert figures.column("value").to_pylist() == [2.0]


# -- releases --------------------------------------------------------------------------------
def test_a_newer_release_replaces_the_overlap(tmp_path: Path, warehouse: Warehouse) -> None:
    older = [arrest(when(d), f"old{d}") for d in (1, 10, 20)] + [
        arrest(when(5, month=4), "old-april")
    ]
    newer = [arrest(when(d), f"new{d}") for d in (8, 15, 25)]
    load(warehouse, xlsx(tmp_path / "feb.xlsx", ARRESTS_2025, older), release="2025-02")
    result = load(warehouse, xlsx(tmp_path / "jun.xlsx", ARRESTS_2025, newer), release="2025-06")
    # the newer file covers 8-25 March: the old rows of 10 and 20 March are replaced
    assert result.files[0].replaced == 2
    ids = [
        r["person_id"]
        for r in rows(warehouse, "SELECT person_id FROM arrests ORDER BY arrest_date")
    ]
    assert ids == ["old1", "new8", "new15", "new25", "old-april"]
    releases = table(warehouse, "releases", "release").to_pylist()
    assert [(r["release"], r["file"], r["rows_loaded"], r["rows_replaced"]) for r in releases] == [
        ("2025-02", "feb.xlsx", 4, 0),
        ("2025-06", "jun.xlsx", 3, 2),
    ]
    assert (releases[1]["window_start"], releases[1]["window_end"]) == (
        dt.date(2023, 3, 8),
        dt.date(2023, 3, 25),
    )


def test_files_of_one_release_do_not_replace_each_other(
    tmp_path: Path, warehouse: Warehouse
) -> None:
    first = xlsx(tmp_path / "a1.xlsx", ARRESTS_2025, [arrest(when(1), "a"), arrest(when(20), "b")])
    second = xlsx(tmp_path / "a2.xlsx", ARRESTS_2025, [arrest(when(10), "c")])
    load(warehouse, first, second, release="2025-06")
    assert rows(warehouse, "SELECT COUNT(*) AS n FROM arrests") == [{"n": 3}]


def test_ingesting_the_same_file_twice_changes_nothing(
    tmp_path: Path, warehouse: Warehouse
) -> None:
    path = xlsx(tmp_path / "a.xlsx", ARRESTS_2025, [arrest(when(d), f"p{d}") for d in (1, 2, 3)])
    load(warehouse, path)
    load(warehouse, path)
    assert rows(warehouse, "SELECT COUNT(*) AS n FROM arrests") == [{"n": 3}]


def test_releases_in_one_ingest_replace_in_order(tmp_path: Path, warehouse: Warehouse) -> None:
    older = xlsx(
        tmp_path / "feb.xlsx", ARRESTS_2025, [arrest(when(d), f"old{d}") for d in (1, 10, 20)]
    )
    twice = arrest(when(12), "new12")
    newer = xlsx(tmp_path / "jun.xlsx", ARRESTS_2025, [arrest(when(8), "new8"), twice, twice])
    result = load(warehouse, older, newer)  # each file is its own release, later is newer
    assert [(f.replaced, f.duplicates) for f in result.files] == [(0, 0), (1, 1)]
    assert rows(warehouse, "SELECT COUNT(*) AS n FROM arrests") == [{"n": 5}]


def test_date_and_datetime_cells_both_load(tmp_path: Path, warehouse: Warehouse) -> None:
    data = [
        arrest(dt.date(2023, 3, 1), "a"),
        arrest(when(2, hour=17), "b"),
        arrest("2023-03-03", "c"),
    ]
    result = load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data)).files[0]
    assert result.loaded == 3
    got = rows(warehouse, "SELECT arrest_date AS d FROM arrests ORDER BY d")
    assert [r["d"] for r in got] == [dt.date(2023, 3, d) for d in (1, 2, 3)]


def test_fully_redacted_columns_load_as_missing(tmp_path: Path, warehouse: Warehouse) -> None:
    data = [arrest(when(d), f"p{d}", country="b(6), b(7)C") for d in (1, 2, 3)]
    result = load(warehouse, xlsx(tmp_path / "a.xlsx", ARRESTS_2025, data)).files[0]
    assert (result.loaded, result.quarantined, result.redacted) == (3, 0, 3)
    assert rows(warehouse, "SELECT COUNT(citizenship_country) AS n FROM arrests") == [{"n": 0}]


def test_a_workbook_written_by_another_program_loads(tmp_path: Path, warehouse: Warehouse) -> None:
    """Shared strings, a blank first preamble row, five preamble rows (as openpyxl writes)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Removals"
    for row in ([], ["ICE Removals"], ["FOIA 2023-ICFO-42034"], [], ["(b)(6), (b)(7)(C)"]):
        sheet.append(row)
    sheet.append(
        ["Departure Date", "Port of Departure", "Departure Country", "Anonymized Identifer"]
    )
    sheet.append([dt.datetime(2020, 5, 1), "Houston", "Mexico", ID_A])
    sheet.append(["b(6), b(7)c", "Houston", "Mexico", ID_B])
    book.save(tmp_path / "removals.xlsx")
    result = load(warehouse, tmp_path / "removals.xlsx").files[0]
    assert (result.layout, result.loaded, result.quarantined) == ("ero_removals_2012_2023", 1, 1)
    got = rows(warehouse, 'SELECT "row", reason FROM quarantine')
    assert got == [{"row": 8, "reason": "redacted required value"}]
