"""The second agency: CBP's report built by `make cbp` from CBP's real published table.

The table's rows are counts, so its yearly totals are sums of `Encounter Count`; they must
equal CBP's published nationwide totals. Every number of the prose links to its figure,
and the build has everything the ICE report has: panels, charts, PDF, bundle, API.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import CBP_CSV, CbpBuild
from tests.test_api import serving

# CBP's published nationwide encounter totals (shared/data/real/README.md)
PUBLISHED = {2020: 646_822, 2021: 1_956_519, 2022: 2_766_582, 2023: 3_201_144}


def _totals(out: Path) -> dict[int, float]:
    with (out / "figures.csv").open(encoding="utf-8") as handle:
        return {
            int(row["fiscal_year"]): float(row["value"])
            for row in csv.DictReader(handle)
            if row["metric"] == "cbp.encounters" and not row["breakdown"]
        }


def test_make_cbp_builds_the_report_and_says_where(cbp_build: CbpBuild) -> None:
    assert f"Report page: {cbp_build.out}" in " ".join(cbp_build.output.split())
    assert (cbp_build.out / "index.html").is_file()


def test_yearly_totals_equal_cbps_published_ones(cbp_build: CbpBuild) -> None:
    assert _totals(cbp_build.out) == PUBLISHED


def test_citizenship_is_the_top_ten_countries_and_the_rest(cbp_build: CbpBuild) -> None:
    """Each year's ten largest countries of citizenship by name, every other one added up
    as "All other countries": worked out here from CBP's rows, ties broken by name."""
    counted: dict[int, dict[str, int]] = {}
    with CBP_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            year = counted.setdefault(int(row["Fiscal Year"]), {})
            year[row["Citizenship"]] = year.get(row["Citizenship"], 0) + int(row["Encounter Count"])
    with (cbp_build.out / "figures.csv").open(encoding="utf-8") as handle:
        built: dict[int, dict[str, float]] = {}
        for row in csv.DictReader(handle):
            if row["metric"] == "cbp.encounters" and row["breakdown"] == "citizenship":
                built.setdefault(int(row["fiscal_year"]), {})[row["breakdown_value"]] = float(
                    row["value"]
                )
    assert sorted(built) == sorted(PUBLISHED)
    for fy, cells in counted.items():
        order = sorted(cells, key=lambda name: (-cells[name], name))
        want = {name: float(cells[name]) for name in order[:10]}
        want["All other countries"] = float(sum(cells[name] for name in order[10:]))
        assert built[fy] == want, fy
        assert sum(built[fy].values()) == PUBLISHED[fy]


def test_every_number_of_the_page_links_to_a_figure(cbp_build: CbpBuild) -> None:
    prose = (cbp_build.out / "report.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((figures/[^)#]+\.html)#[^)]+\)", prose)
    assert len(links) >= 20
    for link in links:
        assert (cbp_build.out / link).is_file(), link
    unlinked = re.findall(  # the titles of the U.S. Code ("Title 42") are names, not figures
        r"(?<![\[\w./#-])(?<!Title )\d+(?:,\d{3})*(?:\.\d+)?%?",
        re.sub(r"\[[^\]]*\]\([^)]*\)", "", prose),
    )
    unlinked = [n for n in unlinked if not re.fullmatch(r"20\d\d", n)]
    assert unlinked == [], f"numbers in the prose that are not bound to a figure: {unlinked}"
    assert "[3,201,144](figures/cbp.encounters.html#fy2023)" in prose


def test_the_build_has_panels_charts_pdf_and_bundle(cbp_build: CbpBuild) -> None:
    page = (cbp_build.out / "index.html").read_text(encoding="utf-8")
    for chart in [
        "month",
        "land_border_region",
        "title_of_authority",
        "demographic",
        "citizenship",
    ]:
        assert f"cbp.encounters-{chart}.svg" in page, chart
    assert "OTHER" in page  # the countries CBP does not name, grouped
    assert page.count('class="panel"') == 3
    pdf = cbp_build.out / "cbp-encounters-fy2023.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (cbp_build.out / "data" / "datapackage.json").is_file()


def test_the_api_serves_the_cbp_figures(cbp_build: CbpBuild, tmp_path: Path) -> None:
    with serving(cbp_build.out, tmp_path / "server.log") as url:
        metric = httpx.get(f"{url}/api/metrics/cbp.encounters", timeout=10)
        figures = httpx.get(
            f"{url}/api/figures", params={"metric": "cbp.encounters", "fy": 2021}, timeout=10
        )
    assert metric.status_code == 200
    assert metric.json()["unit"] == "encounters"
    assert figures.status_code == 200
    assert PUBLISHED[2021] in [f["value"] for f in figures.json()["figures"]]


def test_the_claim_checker_reads_cbp_prose_against_its_bundle(
    cbp_build: CbpBuild, tmp_path: Path
) -> None:
    text = tmp_path / "statement.txt"
    text.write_text(
        "In FY 2023, CBP recorded 3,201,144 encounters nationwide, an increase of 15.7% on "
        "FY 2022. Title 42 expulsions fell to 579,084.\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "yearbook"),
            "check",
            str(text),
            "--figures",
            str(cbp_build.out / "data"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    verdicts = [(c["text"], c["verdict"], c["metric"]) for c in json.loads(run.stdout)]
    assert verdicts == [
        ("3,201,144", "supported", "cbp.encounters"),
        ("an increase of 15.7%", "supported", "cbp.encounters"),
        ("579,084", "supported", "cbp.encounters_title42"),
    ]


def test_the_cbp_page_and_pdf_check_clean_against_their_build(cbp_build: CbpBuild) -> None:
    """The second agency's page and PDF, checked as a reader would: no contradiction."""
    site = cbp_build.out
    for path in (site / "index.html", next(site.glob("*.pdf"))):
        command = [str(Path(sys.executable).parent / "yearbook"), "check", str(path)]
        command += ["--figures", str(site), "--report", "reports/cbp-encounters-fy2023"]
        run = subprocess.run(
            [*command, "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        claims = json.loads(run.stdout)
        wrong = [(c["text"], c["reason"]) for c in claims if c["verdict"] == "contradicted"]
        assert run.returncode == 0 and not wrong, (path.name, wrong, run.stderr[-500:])
        assert sum(c["verdict"] == "supported" for c in claims) >= 50
