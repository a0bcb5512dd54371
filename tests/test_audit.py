"""`yearbook audit`: the demo passes its own audit, and a leak planted in any artefact is found.

Each planted-leak test copies the demo's build folder, edits one published
file the way a careless publisher might, and runs the audit over the copy.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import Demo
from yearbook.api import create_app
from yearbook.cli import main
from yearbook.disclosure.audit import Finding, audit_build
from yearbook.disclosure.serving import serve_api
from yearbook.figures import Figure
from yearbook.narrative.render import figure_anchor

C = "departure_country"


def _withheld(demo: Demo) -> list[Figure]:
    """The suppressed country cells of the report's year, in a stable order."""
    fy = demo.report.spec.fiscal_year
    return sorted(
        (
            f
            for f in demo.result.figures
            if f.suppressed and f.breakdown == C and f.fiscal_year == fy
        ),
        key=lambda f: f.breakdown_value,
    )


def _copy(demo: Demo, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    shutil.copytree(demo.result.out, out)
    return out


def _kinds(findings: list[Finding], artefact: str) -> set[str]:
    return {f.kind for f in findings if f.artefact == artefact}


def test_the_demo_shows_suppressed_cells(demo: Demo) -> None:
    """Removals by country include countries with one to nine removals: they are withheld."""
    withheld = _withheld(demo)
    assert len(withheld) >= 2
    page = (demo.result.out / "figures" / "ero.removals.html").read_text(encoding="utf-8")
    assert "‡" in page and "Suppressed" in page
    # The human rights violators headline is below the threshold but released exactly.
    assert demo.result.figures.get("ero.removals_hrv", 2023).value == 6


def test_the_demo_passes_its_own_audit(demo: Demo) -> None:
    """Every published file, every API response, and the API refuses the build's cache."""
    with serve_api(create_app(demo.result.out)) as api:
        findings, read = audit_build(demo.result.out, api)
    assert findings == []
    kinds = {Path(name.split("!")[0].split("?")[0]).suffix for name in read}
    assert {".html", ".csv", ".json", ".zip", ".pdf", ".md", ".parquet"} <= kinds
    assert any(name.startswith("API GET /api/figures") for name in read)


def _exit_code(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def test_audit_command_exit_codes(demo: Demo, capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit_code(["audit", str(demo.result.out), "--no-api"]) == 0
    assert "no findings" in capsys.readouterr().out


def test_audit_needs_no_system_pdf_tool(
    demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After `make demo` alone (no poppler), the audit still reads the PDF."""
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no pdftotext, no anything
    assert _exit_code(["audit", str(demo.result.out), "--no-api"]) == 0
    assert "no findings" in capsys.readouterr().out


def test_audit_command_fails_on_a_leak(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _copy(demo, tmp_path)
    _plant_in_markdown(out, demo)
    cell = _withheld(demo)[0]
    assert _exit_code(["audit", str(out), "--no-api"]) == 1
    expected = (
        f"report.md: suppressed shown: ero.removals FY{cell.fiscal_year} {C}={cell.breakdown_value}"
    )
    assert expected in capsys.readouterr().out


# -- one planted leak per artefact type -------------------------------------------
def _plant_in_csv(out: Path, demo: Demo) -> str:
    """A suppressed cell's value written into the figures CSV."""
    cell = _withheld(demo)[0]
    rows = list(csv.DictReader(io.StringIO((out / "figures.csv").read_text(encoding="utf-8"))))
    for row in rows:
        if (row["metric"], row["breakdown"], row["breakdown_value"], row["fiscal_year"]) == (
            cell.metric,
            C,
            cell.breakdown_value,
            str(cell.fiscal_year),
        ):
            row["value"] = "4"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (out / "figures.csv").write_text(buffer.getvalue(), encoding="utf-8")
    return "figures.csv"


def _edit_json_rows(rows: list[dict[str, object]], demo: Demo, value: float) -> None:
    """Publish every withheld country cell of the year but one: the last is a subtraction."""
    cells = {(f.fiscal_year, f.breakdown_value) for f in _withheld(demo)[1:]}
    for row in rows:
        if (
            row["metric"] == "ero.removals"
            and (row["fiscal_year"], row["breakdown_value"]) in cells
        ):
            row["value"], row["status"] = value, "published"


def _plant_in_json(out: Path, demo: Demo) -> str:
    path = out / "data" / "figures.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    _edit_json_rows(rows, demo, 0.0)
    path.write_text(json.dumps(rows), encoding="utf-8")
    return "data/figures.json"


def _plant_in_zip(out: Path, demo: Demo) -> str:
    path = next((out / "data").glob("*.zip"))
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    rows = json.loads(members["figures.json"])
    _edit_json_rows(rows, demo, 3.0)
    members["figures.json"] = json.dumps(rows).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return f"data/{path.name}!figures.json"


def _leaky_figure_page(out: Path, demo: Demo) -> str:
    cell = _withheld(demo)[0]
    page = out / "figures" / "ero.removals.html"
    text = page.read_text(encoding="utf-8")
    anchor = f'<tr id="fy{cell.fiscal_year}-{C}-'
    start = text.index(anchor + cell.breakdown_value.lower().replace(" ", "-"))
    end = text.index("</tr>", start)
    row = text[start:end].replace("‡", "4", 1)
    return text[:start] + row + text[end:]


def _plant_in_html(out: Path, demo: Demo) -> str:
    (out / "figures" / "ero.removals.html").write_text(
        _leaky_figure_page(out, demo), encoding="utf-8"
    )
    return "figures/ero.removals.html"


def _plant_in_svg(out: Path, demo: Demo) -> str:
    """A chart whose first bar is labelled with a withheld country and a small value."""
    path = out / "charts" / f"ero.removals-{C}.svg"
    text = path.read_text(encoding="utf-8")
    start = text.index('aria-label="removals: ')
    end = text.index('"', start + len('aria-label="'))
    leak = f'aria-label="removals: 4; category: {_withheld(demo)[0].breakdown_value}'
    path.write_text(text[:start] + leak + text[end:], encoding="utf-8")
    return f"charts/ero.removals-{C}.svg"


def _plant_in_markdown(out: Path, demo: Demo) -> str:
    path = out / "report.md"
    text = path.read_text(encoding="utf-8")
    cell = _withheld(demo)[0]
    anchor = figure_anchor(cell.fiscal_year, cell.breakdown, cell.breakdown_value)
    leak = f"\nRemovals to {cell.breakdown_value}: [four](figures/{cell.metric}.html#{anchor}).\n"
    path.write_text(text + leak, encoding="utf-8")
    return "report.md"


def _plant_in_pdf(out: Path, demo: Demo) -> str:
    """The PDF printed again with a breakdown table that shows a withheld country."""
    import weasyprint

    cell = _withheld(demo)[0]
    page = (
        "<h1>Removals by country of departure</h1><table>"
        "<tr><th>Country of departure</th><th>Value (removals)</th><th>Change</th></tr>"
        f"<tr><th>{cell.breakdown_value}</th><td>4</td><td>+33.3%</td></tr></table>"
    )
    pdf = next(out.glob("*.pdf"))
    weasyprint.HTML(string=page).write_pdf(str(pdf))
    return pdf.name


def _plant_in_parquet(out: Path, demo: Demo) -> str:
    table = pq.read_table(out / "figures.parquet")
    rows = table.to_pylist()
    cell = _withheld(demo)[0]
    for row in rows:
        if (row["metric"], row["fiscal_year"], row["breakdown"], row["breakdown_value"]) == (
            cell.metric,
            cell.fiscal_year,
            C,
            cell.breakdown_value,
        ):
            row["value"], row["status"] = 2.0, "published"
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), out / "figures.parquet")
    return "figures.parquet"


def _plant_identifier(out: Path, demo: Demo) -> str:
    (out / "data" / "people.csv").write_text("person_id,aor\nP1,ATL\n", encoding="utf-8")
    return "data/people.csv"


PLANTS: list[tuple[str, Callable[[Path, Demo], str], str]] = [
    ("csv", _plant_in_csv, "suppressed shown"),
    ("json", _plant_in_json, "recoverable"),
    ("zip", _plant_in_zip, "suppressed shown"),
    ("html", _plant_in_html, "suppressed shown"),
    ("markdown", _plant_in_markdown, "suppressed shown"),
    ("svg", _plant_in_svg, "suppressed shown"),
    ("pdf", _plant_in_pdf, "suppressed shown"),
    ("parquet", _plant_in_parquet, "small value"),
    ("identifier", _plant_identifier, "identifier"),
]


@pytest.mark.parametrize(("kind", "plant", "expected"), PLANTS, ids=[p[0] for p in PLANTS])
def test_a_planted_leak_is_found(
    demo: Demo, tmp_path: Path, kind: str, plant: Callable[[Path, Demo], str], expected: str
) -> None:
    out = _copy(demo, tmp_path)
    artefact = plant(out, demo)
    findings, _ = audit_build(out)
    assert expected in _kinds(findings, artefact), [f.line() for f in findings][:10]
    others = {f.artefact for f in findings} - {artefact}
    assert others <= {"figures.parquet"} or kind == "parquet", others


def test_a_planted_leak_in_the_api_is_found(demo: Demo, tmp_path: Path) -> None:
    """The API serves the figures table: a leak in it shows in the API's responses."""
    out = _copy(demo, tmp_path)
    _plant_in_parquet(out, demo)
    with serve_api(create_app(out)) as api:
        findings, _ = audit_build(out, api)
    api_kinds = {f.kind for f in findings if f.artefact.startswith("API GET /api/figures")}
    assert "small value" in api_kinds


def test_a_file_in_a_dot_folder_is_refused_by_the_api_or_reported(
    demo: Demo, tmp_path: Path
) -> None:
    """Caches are not published: if the API serves one anyway, the audit says so."""
    out = _copy(demo, tmp_path)
    (out / ".cache").mkdir()
    shutil.copy(out / "figures.csv", out / ".cache" / "raw.csv")
    with serve_api(create_app(out)) as api:
        served = api.get_bytes("/.cache/raw.csv") is not None
        findings, _ = audit_build(out, api)
    reported = {f.figure for f in findings if f.kind == "unpublished file served"}
    assert ("/.cache/raw.csv" in reported) is served
