"""Published and computed: statuses, the report's expectations, and `yearbook reconcile`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from yearbook.cli import app
from yearbook.errors import DeclarationError
from yearbook.figures import FIGURES_SCHEMA, Figures, write_figures
from yearbook.reconcile import (
    DIFFERS,
    EQUAL,
    NOT_COMPUTABLE,
    check_build,
    lines_markdown,
    load_expectations,
    published_values,
    reconcile,
    write_reconciliation,
)

EXPECTATIONS = """
figures:
  - metric: ero.arrests
    published: ero_admin_arrests
    years: [2017, 2018]
    expect: equal
  - metric: ero.arrests
    published: ero_admin_arrests
    years: [2019]
    expect: differs
    reason: coverage -- the release stops in September
  - published: ero_arrests_criminal_share_pct
    years: [2019]
    expect: not computable
    reason: the arrests files have no criminality column
  - metric: detention.adp
    published: detention.adp
    breakdown: facility
    years: [2019]
    expect: differs
    reason: extract date
"""


def _figures() -> Figures:
    rows = [
        ("ero.arrests", 2017, "", "", 143470.0),
        ("ero.arrests", 2018, "", "", 158581.0),
        ("ero.arrests", 2019, "", "", 131904.0),
        ("detention.adp", 2019, "facility", "NORTH", 100.2),
        ("detention.adp", 2019, "facility", "SOUTH", 90.0),
    ]
    table = pa.Table.from_pylist(
        [
            {
                "metric": m,
                "fiscal_year": fy,
                "breakdown": b,
                "breakdown_value": v,
                "value": value,
                "unit": "arrests",
                "status": "published",
                "bound": "exact",
                "sql": "SELECT 1",
                "fingerprint": "x",
            }
            for m, fy, b, v, value in rows
        ],
        schema=FIGURES_SCHEMA,
    )
    return Figures(table)


def _published() -> pa.Table:
    rows = [
        ("ero_admin_arrests", 2017, 143470.0, "https://example.org/fy2017"),
        ("ero_admin_arrests", 2018, 158581.0, "https://example.org/fy2018"),
        ("ero_admin_arrests", 2019, 143099.0, "https://example.org/fy2019"),
        ("ero_arrests_criminal_share_pct", 2019, 86.0, "https://example.org/share"),
        ("detention.adp/facility=NORTH", 2019, 100.0, "FY19.xlsx#'Facilities'!N8"),
        ("detention.adp/facility=SOUTH", 2019, 95.0, "FY19.xlsx#'Facilities'!N9"),
        ("detention.adp/facility=WEST", 2019, 12.0, "FY19.xlsx#'Facilities'!N10"),
    ]
    return pa.table(
        {
            "year_end": pa.array([dt.date(fy, 9, 30) for _, fy, _, _ in rows], pa.date32()),
            "office": ["ERO"] * len(rows),
            "metric": [m for m, _, _, _ in rows],
            "value": [v for _, _, v, _ in rows],
            "unit": ["arrests"] * len(rows),
            "qualifier": [None] * len(rows),
            "source_url": [s for _, _, _, s in rows],
        }
    )


@pytest.fixture
def build(tmp_path: Path) -> Path:
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "reconcile.yaml").write_text(EXPECTATIONS)
    lines = reconcile(
        load_expectations(tmp_path / "report"), published_values(_published()), _figures()
    )
    out = tmp_path / "build"
    write_figures(_figures().table, out)
    write_reconciliation(lines, out)
    return out


def test_each_published_figure_gets_a_status(build: Path) -> None:
    lines = check_build(build)
    got = [(x.published_id, x.fiscal_year, x.status, x.reason) for x in lines]
    assert got == [
        ("ero_admin_arrests", 2017, EQUAL, ""),
        ("ero_admin_arrests", 2018, EQUAL, ""),
        ("ero_admin_arrests", 2019, DIFFERS, "coverage -- the release stops in September"),
        (
            "ero_arrests_criminal_share_pct",
            2019,
            NOT_COMPUTABLE,
            "the arrests files have no criminality column",
        ),
        ("detention.adp/facility=NORTH", 2019, EQUAL, "extract date"),
        ("detention.adp/facility=SOUTH", 2019, DIFFERS, "extract date"),
    ]
    fy19 = lines[2]
    assert fy19.difference == 131904.0 - 143099.0
    assert lines[3].computed is None and lines[3].published == 86.0
    assert not any(x.failed for x in lines)


def test_the_table_is_in_the_report_text(build: Path) -> None:
    text = lines_markdown(check_build(build))
    assert text.startswith("## Published and computed")
    assert "| ero_admin_arrests | 2019 | 131,904 | 143,099 | -11,195 | differs: coverage" in text


def test_reconcile_exits_0_and_1_after_a_planted_difference(build: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["reconcile", str(build)])
    assert ok.exit_code == 0, ok.output
    assert "6 figures: 2 differs, 3 equal, 1 not computable from this release" in ok.output
    table = pq.read_table(build / "figures.parquet").to_pylist()
    for row in table:
        if row["metric"] == "ero.arrests" and row["fiscal_year"] == 2018:
            row["value"] += 1
    pq.write_table(pa.Table.from_pylist(table, schema=FIGURES_SCHEMA), build / "figures.parquet")
    bad = runner.invoke(app, ["reconcile", str(build)])
    assert bad.exit_code == 1, bad.output
    assert "1 figure(s) expected equal differ" in bad.output
    assert [x.published_id for x in check_build(build) if x.failed] == ["ero_admin_arrests"]


def test_a_build_without_a_reconciliation_says_so(tmp_path: Path) -> None:
    write_figures(_figures().table, tmp_path)
    result = CliRunner().invoke(app, ["reconcile", str(tmp_path)])
    assert result.exit_code != 0
    assert "no reconcile.json" in str(result.exception) + result.output


def test_an_unexplained_difference_is_refused(tmp_path: Path) -> None:
    (tmp_path / "reconcile.yaml").write_text(
        "figures:\n  - {metric: a.b, published: x, years: [2019], expect: differs}\n"
    )
    with pytest.raises(DeclarationError, match=r"figures\[0\]: say why in `reason`"):
        load_expectations(tmp_path)


def test_lines_are_json_in_the_build(build: Path) -> None:
    rows = json.loads((build / "reconcile.json").read_text())
    assert {r["status"] for r in rows} == {EQUAL, DIFFERS, NOT_COMPUTABLE}
