"""Coverage found from the records: partial years, stray tails, changes on matching days."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

from tests.conftest import ICE
from yearbook.coverage import apply_coverage, find_coverage, same_days_filter
from yearbook.figures.compute import compute_figures
from yearbook.metrics.compiler import compile_plan
from yearbook.metrics.declarations import load_metrics
from yearbook.warehouse import Database, Warehouse

METRICS = """
- id: ero.arrests
  label: arrests
  definition: Arrests.
  unit: arrests
  measure: count
  table: arrests
  breakdowns: [month]
- id: ero.located_share
  label: share located
  definition: Share of arrests by the method Located.
  unit: percent
  measure: share
  numerator: ero.located
  denominator: ero.arrests
- id: ero.located
  label: located arrests
  definition: Arrests by the method Located.
  unit: arrests
  measure: count
  table: arrests
  filter: apprehension_method = 'Located'
"""


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _arrests() -> pa.Table:
    """FY2018 whole, 40 a day; FY2019 to 31 August, 50 a day, then 2 stray on 1 September."""
    dates: list[dt.date] = []
    for day in _days(dt.date(2017, 10, 1), dt.date(2018, 9, 30)):
        dates += [day] * 40
    for day in _days(dt.date(2018, 10, 1), dt.date(2019, 8, 31)):
        dates += [day] * 50
    dates += [dt.date(2019, 9, 1)] * 2
    return pa.table(
        {
            "arrest_id": [f"a{i}" for i in range(len(dates))],
            "arrest_date": pa.array(dates, pa.date32()),
            "apprehension_method": [
                "Located" if i % 4 == 0 else "Custodial Arrest" for i in range(len(dates))
            ],
            "criminality": ["other"] * len(dates),
        }
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    w = Warehouse(tmp_path_factory.mktemp("coverage") / "w", ICE.tables)
    w.write_table("arrests", _arrests())
    return w


def test_a_partial_year_and_its_stray_tail_are_found(warehouse: Warehouse) -> None:
    with Database(warehouse) as db:
        found = {c.fiscal_year: c for c in find_coverage(db.query, ICE.tables, ["arrests"])}
    assert found[2018].complete and not found[2018].stray_days
    fy19 = found[2019]
    assert not fy19.complete
    assert fy19.last_day == dt.date(2019, 9, 1)
    assert fy19.through == dt.date(2019, 8, 31)
    assert fy19.stray_days == ((dt.date(2019, 9, 1), 2),)
    assert fy19.rows == 335 * 50 + 2
    assert "through 31 August 2019 (a partial year)" in fy19.describe()
    assert "2 record(s) dated 1 September 2019 are a stray tail" in fy19.describe()


def test_the_change_of_a_partial_year_is_on_the_same_days(
    warehouse: Warehouse, tmp_path: Path
) -> None:
    (tmp_path / "m.yaml").write_text(METRICS)
    metrics = load_metrics(tmp_path)
    with Database(warehouse) as db:
        plain = compute_figures(
            metrics, db.query, [2018, 2019], plan=compile_plan(metrics, ICE.tables)
        )
        found = find_coverage(db.query, ICE.tables, ["arrests"])
        figures = apply_coverage(plain, metrics, db.query, found, ICE.tables)
    rows = {(r["metric"], r["fiscal_year"], r["breakdown_value"]): r for r in figures.to_pylist()}
    fy19 = rows[("ero.arrests", 2019, "")]
    assert fy19["value"] == 335 * 50 + 2  # the stray records stay in the year's count
    assert fy19["prior_value"] == 335 * 40  # 1 October to 31 August of FY2018
    assert fy19["yoy_change"] == 335 * 50 - 335 * 40  # the stray tail left out
    assert fy19["yoy_change_pct"] == pytest.approx(25.0)
    # without coverage the change would set eleven months against twelve
    unmatched = {
        (r["metric"], r["fiscal_year"], r["breakdown_value"]): r for r in plain.to_pylist()
    }
    assert unmatched[("ero.arrests", 2019, "")]["prior_value"] == 365 * 40
    # the stray day is still there in its month
    assert rows[("ero.arrests", 2019, "2019-09")]["value"] == 2
    # a derived share follows its parts
    share = rows[("ero.located_share", 2019, "")]
    assert share["prior_value"] == pytest.approx(100 * unmatched_share(2018, 335))


def unmatched_share(fy: int, days: int) -> float:
    """The share Located in FY2018's first `days` days, counted from the test's records."""
    table = _arrests().to_pylist()
    start = dt.date(fy - 1, 10, 1)
    window = [r for r in table if start <= r["arrest_date"] < start + dt.timedelta(days=days)]
    return sum(r["apprehension_method"] == "Located" for r in window) / len(window)


def test_a_year_without_records_is_a_gap_not_a_zero(warehouse: Warehouse, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(METRICS)
    metrics = load_metrics(tmp_path)
    with Database(warehouse) as db:
        plain = compute_figures(
            metrics, db.query, [2017, 2018], plan=compile_plan(metrics, ICE.tables)
        )
        figures = apply_coverage(
            plain, metrics, db.query, find_coverage(db.query, ICE.tables, ["arrests"]), ICE.tables
        )
    keys = {(r["metric"], r["fiscal_year"]) for r in figures.to_pylist()}
    assert ("ero.arrests", 2017) in {(r["metric"], r["fiscal_year"]) for r in plain.to_pylist()}
    assert ("ero.arrests", 2017) not in keys
    fy18 = next(
        r
        for r in figures.to_pylist()
        if r["metric"] == "ero.arrests" and r["fiscal_year"] == 2018 and r["breakdown"] == ""
    )
    assert fy18["prior_value"] is None and fy18["yoy_change"] is None


def test_same_days_filter_orders_days_from_october() -> None:
    sql = same_days_filter("d", dt.date(2019, 8, 31))
    with Database() as db:
        for day, kept in [
            (dt.date(2018, 10, 1), True),
            (dt.date(2018, 12, 31), True),
            (dt.date(2019, 8, 31), True),
            (dt.date(2019, 9, 1), False),
            (dt.date(2017, 9, 30), False),
        ]:
            result = db.query(f"SELECT {sql} AS k FROM (SELECT DATE '{day}' AS d)")
            assert result.column("k")[0].as_py() is kept, day


def test_the_checker_takes_a_partial_years_change_on_its_own_base(tmp_path: Path) -> None:
    """A partial year's stated change is checked against the figure's own change (on the
    same days of the year before), not against the whole prior year."""
    from typer.testing import CliRunner

    from yearbook.cli import app
    from yearbook.figures import FIGURES_SCHEMA, write_figures

    def row(fy: int, value: float, prior: float | None) -> dict[str, object]:
        return {
            "metric": "ero.admin_arrests",
            "fiscal_year": fy,
            "breakdown": "",
            "breakdown_value": "",
            "value": value,
            "unit": "arrests",
            "status": "published",
            "bound": "exact",
            "prior_value": prior,
            "yoy_change": None if prior is None else value - prior,
            "yoy_change_pct": None if prior is None else 100 * (value / prior - 1),
            "sql": "SELECT 1",
            "fingerprint": "x",
        }

    # FY2019 runs eleven months: its prior value is FY2018's same eleven months
    rows = [row(2018, 158581, None), row(2019, 131904, 146845)]
    write_figures(pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA), tmp_path / "build")
    text = tmp_path / "text.md"
    text.write_text(
        "In FY 2019, through 31 August, ERO made 131,904 administrative arrests, "
        "a decrease of 10.2% on the same months a year earlier.\n"
    )
    result = CliRunner().invoke(
        app,
        ["check", str(text), "--figures", str(tmp_path / "build"), "--report",
         "reports/ice-ero-fy2018", "--format", "json"],
    )  # fmt: skip
    verdicts = {c["text"]: c["verdict"] for c in json.loads(result.output)}
    assert verdicts["a decrease of 10.2%"] == "supported"
