"""The open-data bundle: figures and metric metadata as CSV and JSON, described by a
Frictionless data package that validates, zipped under the report's fiscal year.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import frictionless
import pytest

from tests.conftest import Demo
from yearbook.figures import FIGURES_SCHEMA
from yearbook.figures.meta import metric_meta, source_tables
from yearbook.publish import bundle_name
from yearbook.publish.bundle import assemble_tables

FILES = {
    "datapackage.json",
    "figures.csv",
    "figures.json",
    "metrics.csv",
    "metrics.json",
}


@pytest.fixture(scope="module")
def unzipped(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = demo.result.out / "data" / bundle_name(demo.report)
    target = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(archive) as zf:
        assert set(zf.namelist()) == FILES
        zf.extractall(target)
    return target


def test_the_archive_is_named_for_the_fiscal_year(demo: Demo) -> None:
    assert bundle_name(demo.report) == "yearbook-fy2023.zip"
    assert (demo.result.out / "data" / "yearbook-fy2023.zip").is_file()


def test_the_datapackage_validates(unzipped: Path) -> None:
    report = frictionless.validate(str(unzipped / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((unzipped / "datapackage.json").read_text())
    assert [r["name"] for r in descriptor["resources"]] == ["figures", "metrics"]


def test_a_broken_bundle_does_not_validate(unzipped: Path, tmp_path: Path) -> None:
    for name in FILES:
        (tmp_path / name).write_bytes((unzipped / name).read_bytes())
    rows = (tmp_path / "figures.csv").read_text().splitlines()
    rows[1] = rows[1].replace(",2019,", ",twenty-nineteen,", 1)
    (tmp_path / "figures.csv").write_text("\n".join(rows) + "\n")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_figures_csv_and_json_hold_every_figure(demo: Demo, unzipped: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((unzipped / "figures.csv").read_text())))
    records = json.loads((unzipped / "figures.json").read_text())
    assert len(rows) == len(records) == len(demo.result.figures)
    names = FIGURES_SCHEMA.names
    at = names.index("breakdown_value") + 1
    assert list(rows[0]) == [*names[:at], "breakdown_label", *names[at:]]
    figures = demo.result.figures
    for row, record in zip(rows, records, strict=True):
        fig = figures.get(
            row["metric"], int(row["fiscal_year"]), row["breakdown"], row["breakdown_value"]
        )
        assert record["value"] == fig.value
        assert (row["value"] == "") == (fig.value is None)
        if fig.suppressed:
            assert row["value"] == "" and record["value"] is None


def test_every_metric_has_its_metadata(demo: Demo, unzipped: Path) -> None:
    records = {m["id"]: m for m in json.loads((unzipped / "metrics.json").read_text())}
    built = demo.report.for_tables(demo.warehouse.tables())
    assert set(records) == set(demo.result.figures.metrics) == set(built.metrics)
    for mid, decl in built.metrics.items():
        meta = records[mid]
        assert (meta["label"], meta["definition"], meta["unit"]) == (
            decl.label,
            decl.definition,
            decl.unit,
        )
        assert meta["sql"] == demo.result.figures.get(mid, demo.report.spec.fiscal_year).sql
        metas = metric_meta(demo.report.metrics)
        assert meta["source_tables"].split() == source_tables(metas[mid], metas)
    share = records["ero.arrests_criminal_history_share"]
    assert share["source_tables"] == "arrests"


def test_the_bundle_has_no_identifying_column(demo: Demo) -> None:
    tables = assemble_tables(demo.report, demo.result.figures)
    columns = {c for t in tables.values() for c in t.column_names}
    assert not columns & {"person_id", "arrest_id", "removal_id"}
