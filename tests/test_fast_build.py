"""The faster build: charts rendered once (content-addressed cache) in a process pool,
the PDF laid out beside the pages, each phase timed.

Its output is the output of the plain serial path (every chart rendered in this
process, one after another, no cache; the PDF laid out after the site): the same
page, the same charts, the same PDF text. A rebuild into the same folder renders
no chart and lays out no PDF again.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPORT_DIR, Demo
from yearbook.disclosure.readers import pdf_text
from yearbook.incremental import cache_folder
from yearbook.publish import bundle_name, pdf_name
from yearbook.publish.pdf import write_pdf
from yearbook.publish.site import write_site

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def serial(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's site and PDF written the plain way, from the demo build's figures and text."""
    folder = tmp_path_factory.mktemp("serial")
    (folder / "claims.json").write_bytes((demo.result.out / "claims.json").read_bytes())
    downloads = {"pdf_name": pdf_name(demo.report), "bundle_name": bundle_name(demo.report)}
    view = write_site(
        demo.report, demo.result.figures, demo.result.markdown, folder, downloads=downloads
    )
    write_pdf(view, folder, folder / pdf_name(demo.report))
    return folder


@pytest.fixture(scope="module")
def rebuilt(
    demo: Demo, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, int], str]:
    """A second build with the demo build's cache, from the command line with --profile;
    returns its folder, the inodes of the cached charts before it, and what it printed."""
    out = tmp_path_factory.mktemp("again") / "site"
    shutil.copytree(cache_folder(demo.result.out), cache_folder(out))
    charts = cache_folder(out) / "charts"
    before = {p.name: p.stat().st_ino for p in charts.iterdir()}
    command = [
        sys.executable, "-m", "yearbook.cli", "build", str(REPORT_DIR),
        "--warehouse", str(demo.warehouse.root), "--out", str(out), "--incremental", "--profile",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return out, before, done.stderr


def test_the_page_and_charts_equal_the_serial_build(demo: Demo, serial: Path) -> None:
    fast = demo.result.out
    assert (fast / "index.html").read_text() == (serial / "index.html").read_text()
    names = sorted(p.name for p in (serial / "charts").iterdir())
    assert names == sorted(p.name for p in (fast / "charts").iterdir())
    for name in names:
        assert (fast / "charts" / name).read_bytes() == (serial / "charts" / name).read_bytes()
    for page in ("claims.html", "figures/index.html", "figures/ero.admin_arrests.html"):
        assert (fast / page).read_text() == (serial / page).read_text(), page


def test_the_pdf_text_equals_the_serial_build(demo: Demo, serial: Path) -> None:
    name = pdf_name(demo.report)
    assert pdf_text(demo.result.out / name) == pdf_text(serial / name)


def test_a_rebuild_renders_no_chart_and_reuses_the_pdf(
    demo: Demo, rebuilt: tuple[Path, dict[str, int], str]
) -> None:
    out, before, _ = rebuilt
    charts = cache_folder(out) / "charts"
    after = {p.name: p.stat().st_ino for p in charts.iterdir()}
    assert after == before  # no entry written again, none added
    pdf = out / pdf_name(demo.report)
    cached = [p.stat().st_ino for p in (cache_folder(out) / "pdf").iterdir()]
    assert pdf.stat().st_ino in cached  # the release's PDF is the cached file, linked
    assert (out / "index.html").read_text() == (demo.result.out / "index.html").read_text()


def test_the_build_prints_each_phase_and_profiles_into_build_json(
    rebuilt: tuple[Path, dict[str, int], str],
) -> None:
    out, _, printed = rebuilt
    profile = json.loads((out / "build.json").read_text())["profile"]
    phases = [row["phase"] for row in profile]
    for phase in ("compute figures", "render prose", "self-check", "site", "pdf", "bundle"):
        assert phase in phases
        assert f"{phase}: " in printed
    assert all(row["seconds"] >= 0 for row in profile)
    assert "pdf: 0.00 s (unchanged: reused)" in printed
