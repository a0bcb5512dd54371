"""Packs: the ICE pack loads, its tables round-trip, and a broken pack lists every problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ICE, ICE_PACK_DIR
from yearbook.errors import UserError
from yearbook.ingest import ingest
from yearbook.packs import load_pack
from yearbook.problems import Lines, Problems, ValidationFailed
from yearbook.report import load_report
from yearbook.scaffold import init_pack
from yearbook.tables.declared import table_from_data, table_to_data
from yearbook.validation import validate_pack
from yearbook.warehouse import Warehouse


def test_the_ice_pack_declares_its_tables_offices_and_labels() -> None:
    assert ICE.name == "ice"
    assert {"arrests", "removals", "charges", "seizures", "workforce"} <= set(ICE.own_tables)
    assert {"quarantine", "releases", "submissions"} <= set(ICE.tables) - set(ICE.own_tables)
    criminality = ICE.tables["arrests"].column("criminality")
    assert criminality.values == ("convicted", "pending", "other")
    assert criminality.labels["pending"] == "Pending criminal charges"
    assert [o.id for o in ICE.offices] == ["ero", "hsi", "opla", "ma", "opr"]
    assert "Enforcement and Removal Operations" in ICE.offices[0].names
    last = ICE.tables["arrests"].duplicate_rules["arrest_episode_24h"].sorts_last
    assert last is not None
    assert (last.column, last.value) == ("apprehension_method", "ERO Reprocessed Arrest")
    stints = ICE.tables["detention_stints"].duplicate_rules["stint_same_day"]
    assert stints.same == ("facility_code", "book_in_date", "stay_book_in_date")


@pytest.mark.parametrize("name", sorted(ICE.tables))
def test_every_table_round_trips_through_its_declaration(name: str) -> None:
    table = ICE.tables[name]
    data = yaml.safe_load(yaml.safe_dump(table_to_data(table), sort_keys=False))
    problems = Problems()
    again = table_from_data(data, Lines(Path(f"{name}.yaml")), problems)
    assert list(problems) == []
    assert again == table


def _broken_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "ice"
    shutil.copytree(ICE_PACK_DIR, folder, ignore=shutil.ignore_patterns("generator"))
    arrests = folder / "tables" / "arrests.yaml"
    text = arrests.read_text(encoding="utf-8")
    text = text.replace("  type: int16\n", "  type: smallint\n", 1)
    text = text.replace("date_column: arrest_date", "date_column: arrested_on", 1)
    arrests.write_text(text, encoding="utf-8")
    removals = folder / "tables" / "removals.yaml"
    removals.write_text(
        removals.read_text(encoding="utf-8").replace("- {use: person_id}", "- {use: person}"),
        encoding="utf-8",
    )
    return folder


def test_a_broken_pack_lists_every_problem_with_file_and_line(tmp_path: Path) -> None:
    folder = _broken_pack(tmp_path)
    with pytest.raises(ValidationFailed) as caught:
        load_pack(folder)
    found = [(p.file.name, p.line, p.message) for p in caught.value.problems]
    arrests = (folder / "tables" / "arrests.yaml").read_text(encoding="utf-8").splitlines()
    removals = (folder / "tables" / "removals.yaml").read_text(encoding="utf-8").splitlines()
    assert found == [
        (
            "arrests.yaml",
            arrests.index("date_column: arrested_on") + 1,
            "table 'arrests': date column 'arrested_on' is not one of its columns",
        ),
        (
            "arrests.yaml",
            arrests.index("  type: smallint") + 1,
            "unknown type 'smallint' (known: string, date, bool, int16, int32, int64, float64)",
        ),
        (
            "removals.yaml",
            removals.index("- {use: person}") + 1,
            "no shared column 'person' in _shared.yaml",
        ),
    ]
    assert f"{folder / 'tables' / 'arrests.yaml'}:" in str(caught.value)


def test_init_pack_makes_a_pack_that_validates_and_reads_records(tmp_path: Path) -> None:
    folder = init_pack("agency", tmp_path / "packs")
    assert validate_pack(folder) == []
    pack = load_pack(folder)
    cases = pack.own_tables["cases"]
    assert cases.column("status").labels == {"open": "Open case", "closed": "Closed case"}
    assert cases.identifying_columns == ("person_id",)
    records = tmp_path / "cases.csv"
    records.write_text(
        "Date Opened,Status,Amount,Person ID\n2024-01-05,open,12.5,p1\n2024-02-01,shut,3,p2\n",
        encoding="utf-8",
    )
    result = ingest([records], Warehouse(tmp_path / "warehouse"), pack)
    (loaded,) = result.files
    assert (loaded.rows_in, loaded.loaded, loaded.quarantined) == (2, 1, 1)


def test_init_pack_refuses_a_bad_name_and_an_existing_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not a pack name"):
        init_pack("Bad Name", tmp_path)
    init_pack("agency", tmp_path)
    with pytest.raises(UserError, match="already exists"):
        init_pack("agency", tmp_path)


def test_layout_mistakes_are_pack_problems_on_their_lines(tmp_path: Path) -> None:
    folder = init_pack("agency", tmp_path)
    layout = folder / "layouts" / "cases_2024.yaml"
    text = layout.read_text(encoding="utf-8")
    text = text.replace("table: cases", "table: case").replace("  amount: {", "  amt: {")
    layout.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    assert [(p.file, p.line, p.message) for p in validate_pack(folder)] == [
        (layout, lines.index("table: case") + 1, "layout: unknown table 'case'")
    ]
    layout.write_text(text.replace("table: case", "table: cases"), encoding="utf-8")
    at = next(i for i, line in enumerate(lines) if line.startswith("  amt:")) + 1
    assert [(p.file, p.line, p.message) for p in validate_pack(folder)] == [
        (layout, at, "layout: table 'cases' has no column 'amt'")
    ]


def _report_on_a_copied_pack(tmp_path: Path, disclosure: dict[str, object]) -> Path:
    """The FY2018 ERO report (no reference lists of its own) beside a copy of the ICE pack."""
    source = ICE_PACK_DIR.parent.parent / "reports" / "ice-ero-fy2018"
    report = tmp_path / "reports" / source.name
    shutil.copytree(source, report)
    shutil.copytree(
        ICE_PACK_DIR, tmp_path / "packs" / "ice", ignore=shutil.ignore_patterns("generator")
    )
    spec = yaml.safe_load((report / "report.yaml").read_text(encoding="utf-8"))
    spec["disclosure"] = disclosure
    (report / "report.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return report


def test_a_report_takes_the_packs_disclosure_defaults_and_overrides_them_key_by_key(
    tmp_path: Path,
) -> None:
    report = _report_on_a_copied_pack(tmp_path, {"mode": "round10"})
    (tmp_path / "packs" / "ice" / "disclosure.yaml").write_text("min_count: 25\nmode: suppress\n")
    policy = load_report(report).spec.disclosure
    assert (policy.min_count, policy.mode) == (25, "round10")


def test_a_packs_bad_disclosure_default_is_one_clear_error(tmp_path: Path) -> None:
    report = _report_on_a_copied_pack(tmp_path, {})
    (tmp_path / "packs" / "ice" / "disclosure.yaml").write_text("min_count: many\n")
    with pytest.raises(UserError, match=r"disclosure\.yaml: min_count"):
        load_report(report)


def test_a_report_reads_its_packs_reference_lists_and_its_own_win(tmp_path: Path) -> None:
    report = _report_on_a_copied_pack(tmp_path, {})
    pack_list = tmp_path / "packs" / "ice" / "reference" / "apprehension_method_groups.csv"
    assert load_report(report).references["apprehension_method_groups"] == pack_list
    (report / "mine.csv").write_text("a\n1\n")
    spec = yaml.safe_load((report / "report.yaml").read_text(encoding="utf-8"))
    spec["references"] = {"apprehension_method_groups": "mine.csv"}
    (report / "report.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    assert load_report(report).references["apprehension_method_groups"] == report / "mine.csv"
