"""Writing canonical tables: partitions, dictionary-encoded input, canonical types on read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import ICE
from yearbook.errors import WarehouseError
from yearbook.warehouse import Database, Warehouse


def _removals(days: list[dt.date], countries: pa.Array) -> pa.Table:
    count = len(days)
    return pa.table(
        {
            "removal_id": [f"R{i:05d}" for i in range(count)],
            "departure_date": pa.array(days, pa.date32()),
            "departure_country": countries,
            "gang": [False] * count,
            "kst": [False] * count,
            "hrv": [False] * count,
            "criminality": ["other"] * count,
        }
    )


def test_rows_go_to_the_partition_of_their_fiscal_year(tmp_path: Path) -> None:
    days = [dt.date(2022, 9, 30), dt.date(2022, 10, 1), dt.date(2023, 9, 30), dt.date(2021, 1, 2)]
    warehouse = Warehouse(tmp_path, ICE.tables)
    written = warehouse.write_table("removals", _removals(days, pa.array(["MEXICO"] * 4)))
    assert written == [2021, 2022, 2023]
    with Database(warehouse) as db:
        rows = db.query(
            "SELECT fiscal_year, count(*) AS n FROM removals GROUP BY 1 ORDER BY 1"
        ).to_pylist()
    assert rows == [
        {"fiscal_year": 2021, "n": 1},
        {"fiscal_year": 2022, "n": 1},
        {"fiscal_year": 2023, "n": 2},
    ]


def test_dictionary_encoded_strings_are_stored_as_canonical_strings(tmp_path: Path) -> None:
    names = pa.array(["MEXICO", "GUATEMALA", "HONDURAS"])
    countries = pa.DictionaryArray.from_arrays(pa.array([0, 2, 2, 1, 0], pa.int32()), names)
    days = [dt.date(2023, 1, d) for d in range(1, 6)]
    warehouse = Warehouse(tmp_path, ICE.tables)
    warehouse.write_table("removals", _removals(days, countries))
    (part,) = warehouse.partitions("removals")
    read = pq.read_table(part.files[0])
    assert read.schema.equals(ICE.tables["removals"].arrow_schema(), check_metadata=False)
    assert read.column("departure_country").to_pylist() == [
        "MEXICO",
        "HONDURAS",
        "HONDURAS",
        "GUATEMALA",
        "MEXICO",
    ]
    with Database(warehouse) as db:
        kinds = dict(db.iter_rows("SELECT column_name, column_type FROM (DESCRIBE removals)"))
    assert kinds["departure_country"] == "VARCHAR"
    assert kinds["person_id"] == "VARCHAR"


def test_identifiers_are_stored_without_a_dictionary(tmp_path: Path) -> None:
    days = [dt.date(2023, 1, 1 + i % 28) for i in range(1_000)]
    warehouse = Warehouse(tmp_path, ICE.tables)
    warehouse.write_table("removals", _removals(days, pa.array(["MEXICO"] * 1_000)))
    (part,) = warehouse.partitions("removals")
    metadata = pq.ParquetFile(part.files[0]).metadata.row_group(0)
    encodings = {
        metadata.column(i).path_in_schema: metadata.column(i).encodings
        for i in range(metadata.num_columns)
    }
    assert "RLE_DICTIONARY" in encodings["departure_country"]
    assert "RLE_DICTIONARY" not in encodings["removal_id"]


def test_unknown_columns_are_refused(tmp_path: Path) -> None:
    data = _removals([dt.date(2023, 1, 1)], pa.array(["MEXICO"])).append_column(
        "nickname", pa.array(["x"])
    )
    with pytest.raises(WarehouseError, match="nickname"):
        Warehouse(tmp_path, ICE.tables).write_table("removals", data)
