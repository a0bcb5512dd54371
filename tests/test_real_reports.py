"""ICE's real records, end to end: `make real` ingests the FOIA release 2019-ICFO-53623,
the daily detention population and ICE's workbooks, builds both real reports, and
reconciles them with what ICE published.

Skipped, with the reason, only where the real files are not beside the checkout.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import http.server
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.conftest import OFFICIAL_FIGURES, SHARED, RealBuilds, http_server
from tests.test_site_browser import AXE
from yearbook.cli import app
from yearbook.figures import FIGURES_SCHEMA, read_figures
from yearbook.warehouse import Database

FOIA = SHARED / "data" / "real" / "foia-2019-icfo-53623"
ERO = "ice-ero-fy2018"
DETENTION = "ice-detention-fy2025"


def _official() -> dict[tuple[str, int], float]:
    with OFFICIAL_FIGURES.open(encoding="utf-8") as handle:
        return {
            (r["metric"], int(r["fiscal_year"])): float(r["value"]) for r in csv.DictReader(handle)
        }


def test_every_file_is_accounted_for_row_by_row(real_builds: RealBuilds) -> None:
    with Database(real_builds.warehouse) as db:
        releases = db.query(
            "SELECT file, rows_in, rows_loaded, rows_quarantined FROM releases"
        ).to_pylist()
    files = {r["file"]: r for r in releases}
    for path in sorted(FOIA.glob("*.csv.gz")):
        row = files[path.name]
        assert row["rows_in"] == row["rows_loaded"] + row["rows_quarantined"], path.name
        assert row["rows_in"] > 100_000, path.name
    assert len([f for f in files if f.endswith(".csv.gz")]) == 11
    printed = real_builds.log.splitlines()
    for path in sorted(FOIA.glob("*.csv.gz")):  # the ingest printed each file's accounting
        row = files[path.name]
        counts = [f"{row[k]:,}" for k in ("rows_in", "rows_loaded", "rows_quarantined")]
        assert any(path.name in line and all(c in line for c in counts) for line in printed)


@pytest.mark.parametrize("fy", [2016, 2017, 2018])
def test_arrests_and_removals_equal_what_ice_published(real_builds: RealBuilds, fy: int) -> None:
    if not OFFICIAL_FIGURES.is_file():
        pytest.skip("shared/data/official_figures.csv is not beside this checkout")
    figures = read_figures(real_builds.report(ERO))
    official = _official()
    assert figures.value("ero.admin_arrests", fy) == official[("ero_admin_arrests", fy)]
    assert figures.value("ero.removals", fy) == official[("removals_total", fy)]


@pytest.mark.parametrize("metric", ["ero.admin_arrests", "ero.removals"])
def test_citizenship_is_the_top_ten_countries_and_the_rest(
    real_builds: RealBuilds, metric: str
) -> None:
    """Each year's ten largest countries of citizenship, and every other one added up as
    "All other countries", so the rows sum to the year's total."""
    figures = read_figures(real_builds.report(ERO))
    for fy in (2016, 2017, 2018):
        rows = figures.breakdown(metric, fy, "citizenship_country")
        named = [f for f in rows if f.breakdown_value != "All other countries"]
        rest = [f for f in rows if f.breakdown_value == "All other countries"]
        assert len(named) == 10 and len(rest) == 1, (fy, [f.breakdown_value for f in rows])
        assert not any(f.suppressed for f in rows)
        assert min(f.value or 0 for f in named) > 0
        assert sum(f.value or 0 for f in rows) == figures.value(metric, fy)


def test_fy2019_is_partial_with_the_last_date_of_each_table(real_builds: RealBuilds) -> None:
    coverage = json.loads((real_builds.report(ERO) / "coverage.json").read_text())
    fy19 = {c["table"]: c for c in coverage if c["fiscal_year"] == 2019}
    assert set(fy19) == {"arrests", "removals", "encounters"}
    with Database(real_builds.warehouse) as db:
        for table, column in [
            ("arrests", "arrest_date"),
            ("removals", "departure_date"),
            ("encounters", "event_date"),
        ]:
            last = (
                db.query(
                    f"SELECT max({column}) AS d FROM {table} WHERE {column} < DATE '2019-10-01'"
                )
                .column("d")[0]
                .as_py()
            )
            assert fy19[table]["last_day"] == last.isoformat()
            assert fy19[table]["complete"] is False
    full = {c["table"] for c in coverage if c["fiscal_year"] in (2016, 2017) and c["complete"]}
    assert full == {"arrests", "removals", "encounters"}
    text = (real_builds.report(ERO) / "report.md").read_text()
    assert "arrests, FY 2019: 1 October 2018 through 31 August 2019 (a partial year)" in text


def test_fy2019_change_is_on_matching_months(real_builds: RealBuilds) -> None:
    figures = read_figures(real_builds.report(ERO))
    coverage = json.loads((real_builds.report(ERO) / "coverage.json").read_text())
    through = {c["table"]: c["through"] for c in coverage if c["fiscal_year"] == 2019}
    fy19 = figures.get("ero.admin_arrests", 2019)
    end = dt.date.fromisoformat(through["arrests"])
    with Database(real_builds.warehouse) as db:
        same_months_2018 = (
            db.query(
                "SELECT count(*) AS n FROM arrests WHERE arrest_date BETWEEN DATE '2017-10-01' "
                f"AND DATE '{end.replace(year=2018)}'"
            )
            .column("n")[0]
            .as_py()
        )
        within_2019 = (
            db.query(
                f"SELECT count(*) AS n FROM arrests WHERE arrest_date BETWEEN DATE '2018-10-01' "
                f"AND DATE '{end}'"
            )
            .column("n")[0]
            .as_py()
        )
    assert fy19.prior_value == same_months_2018
    assert fy19.yoy_change == within_2019 - same_months_2018
    assert fy19.prior_value != figures.value("ero.admin_arrests", 2018)  # not the whole year
    # a year without an encounters file is a gap, and the next has no change
    assert figures.find("ero.encounters", 2018) is None
    assert figures.get("ero.encounters", 2019).yoy_change is None


def test_the_reconciliation_lists_each_figure_with_a_status(real_builds: RealBuilds) -> None:
    lines = json.loads((real_builds.report(ERO) / "reconcile.json").read_text())
    status = {(x["published_id"], x["fiscal_year"]): x["status"] for x in lines}
    for fy in (2016, 2017, 2018):
        assert status[("ero_admin_arrests", fy)] == "equal"
        assert status[("removals_total", fy)] == "equal"
    assert status[("ero_admin_arrests", 2019)] == "differs"
    assert status[("ero_arrests_criminal_share_pct", 2019)] == "not computable from this release"
    assert all(x["reason"] for x in lines if x["status"] != "equal")
    change = next(x for x in lines if x["published_id"] == "ero_admin_arrests_yoy_pct")
    fy19 = read_figures(real_builds.report(ERO)).get("ero.admin_arrests", 2019)
    assert change["field"] == "change_pct" and change["computed"] == fy19.yoy_change_pct
    bundle = (real_builds.report(ERO) / "data" / "published_and_computed.csv").read_text()
    assert "ero_admin_arrests,ero.admin_arrests,2019" in bundle
    page = (real_builds.report(ERO) / "figures" / "ero.admin_arrests.html").read_text()
    assert "Published and computed" in page and "143,099" in page
    det = json.loads((real_builds.report(DETENTION) / "reconcile.json").read_text())
    adp = {x["fiscal_year"]: x for x in det if x["published_id"] == "detention.adp"}
    assert sorted(adp) == [2023, 2024, 2025]
    assert all(x["status"] == "differs" for x in adp.values())


def test_reconcile_exits_0_on_the_real_build_and_1_after_a_planted_difference(
    real_builds: RealBuilds, tmp_path: Path
) -> None:
    runner = CliRunner()
    for name in (ERO, DETENTION):
        result = runner.invoke(app, ["reconcile", str(real_builds.report(name))])
        assert result.exit_code == 0, result.output
    planted = tmp_path / "build"
    shutil.copytree(real_builds.report(ERO).resolve(), planted)
    rows = pq.read_table(planted / "figures.parquet").to_pylist()
    for row in rows:
        if (row["metric"], row["fiscal_year"], row["breakdown"]) == ("ero.removals", 2017, ""):
            row["value"] -= 1
    pq.write_table(pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA), planted / "figures.parquet")
    result = runner.invoke(app, ["reconcile", str(planted)])
    assert result.exit_code == 1, result.output
    assert "1 figure(s) expected equal differ" in result.output


def test_figures_the_release_cannot_give_are_not_offered(real_builds: RealBuilds) -> None:
    figures = read_figures(real_builds.report(ERO))
    assert not [m for m in figures.metrics if "criminal" in m or "distinct" in m]
    text = (real_builds.report(ERO) / "report.md").read_text()
    assert "no criminality" in text and "no identifier of the person" in text


# -- in the browser ---------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the folder holding both builds. The browser asks the server's root for a
    favicon, which belongs to no build: it gets an empty answer, not a 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture(scope="module")
def real_server(real_builds: RealBuilds) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(real_builds.out.resolve()))
    with http_server(handler) as origin:
        yield origin


@pytest.mark.parametrize(
    "path",
    [
        f"{ERO}/index.html",
        f"{ERO}/figures/ero.admin_arrests.html",
        f"{DETENTION}/index.html",
        f"{DETENTION}/figures/detention.adp.html",
    ],
)
def test_the_real_reports_open_cleanly_and_accessibly(
    browser: Any,
    real_server: str,
    path: str,
) -> None:
    assert AXE.is_file(), "axe-core is missing: run `sh scripts/test-setup.sh`"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on(
            "console",
            lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
        page.goto(f"{real_server}/{path}", wait_until="load")
        assert page.title()
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))"
        )
        assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
        assert errors == []
    finally:
        context.close()


def test_published_words_are_checked_against_the_real_build(real_builds: RealBuilds) -> None:
    prose = SHARED / "data" / "prose" / "17_informedconservative_fy2018.txt"
    if not prose.is_file():
        pytest.skip("the prose excerpts (shared/data/prose/) are not beside this checkout")
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(prose),
            "--figures",
            str(real_builds.report(ERO)),
            "--report",
            "reports/ice-ero-fy2018",
            "--format",
            "json",
        ],
    )
    claims = {c["text"]: c for c in json.loads(result.output)}
    # Every number the records compute: the FY2018 arrests, the difference from FY2017
    # and the change in percent, and FY2017's change on FY2016.
    for text in ("158,581", "15,111", "a 11% increase", "30% more"):
        assert claims[text]["verdict"] == "supported", claims[text]["reason"]
        assert claims[text]["metric"] == "ero.admin_arrests"
    # Criminal histories: the build's reconciliation says the release cannot compute them.
    for text in ("138,117", "66 percent", "21 percent"):
        assert claims[text]["verdict"] == "unverifiable", claims[text]["reason"]
        assert "not computable from this release" in claims[text]["reason"]
        assert "criminality" in claims[text]["reason"]
    assert result.exit_code == 0, result.output


def test_a_partial_years_change_checks_against_its_own_base(
    real_builds: RealBuilds, tmp_path: Path
) -> None:
    """The report's own prose about FY2019 (changes on matching months) checks out."""
    text = (real_builds.report(ERO) / "report.md").read_text()
    prose = tmp_path / "prose.md"  # the sections, without the appended tables
    prose.write_text(text.split("## Coverage of the records")[0])
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(prose),
            "--figures",
            str(real_builds.report(ERO)),
            "--report",
            "reports/ice-ero-fy2018",
            "--format",
            "json",
        ],
    )
    claims = json.loads(result.output)
    fy19_changes = [c for c in claims if c["fiscal_year"] == 2019 and c["kind"] == "change"]
    assert fy19_changes and all(c["verdict"] == "supported" for c in fy19_changes)
    assert not [c for c in claims if c["verdict"] == "contradicted"]


@pytest.mark.parametrize("name", [ERO, DETENTION])
def test_each_real_reports_page_and_pdf_check_clean_against_its_build(
    real_builds: RealBuilds, name: str
) -> None:
    """What a reader downloads of the real reports, checked against their own builds: no
    contradiction, and most numbers of the page borne out (its data tables included)."""
    build = real_builds.report(name)
    pages = {"index.html": build / "index.html", "pdf": build / f"{name}.pdf"}
    verdicts = {}
    for kind, path in pages.items():
        args = ["check", str(path), "--figures", str(build), "--report", f"reports/{name}"]
        result = CliRunner().invoke(app, [*args, "--format", "json"])
        claims = json.loads(result.output)
        wrong = [(c["text"], c["reason"]) for c in claims if c["verdict"] == "contradicted"]
        assert result.exit_code == 0 and not wrong, (kind, wrong)
        verdicts[kind] = claims
    page = verdicts["index.html"]
    assert sum(c["verdict"] == "supported" for c in page) >= 0.4 * len(page)
    if name == ERO:  # ICE's whole-year figure beside the records' partial year
        published = next(c for c in page if c["text"] == "143,099")
        assert published["verdict"] == "unverifiable"
        assert "cover part of the year" in published["reason"]
