"""The self-check reads the numbers a template writes, not the digits of text a variable supplies.

A copy of the flagship report whose OPR office submitted program offices named
"Title 42 Unit", "Section 235 Office" and "Field Support for 3 offices" (four
offices in all, so "3 offices" read as a claim contradicts the count the prose
announces) builds, and its claims.json holds no claim inside those names; the
same report with a template line writing a wrong number from a figure still fails.
"""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ice_generator.submissions import read_submissions

from tests.conftest import ICE, ICE_PACK_DIR, REPORT_DIR, Demo
from yearbook.build import build
from yearbook.errors import UserError
from yearbook.figures.meta import metric_meta
from yearbook.narrative.prose import Prose, strip_links
from yearbook.narrative.render import Renderer, Supplied, supplied_text
from yearbook.report import load_report
from yearbook.warehouse import Warehouse

LISTED = "opr.program_offices"
NAMES = ["Title 42 Unit", "Section 235 Office", "Field Support for 3 offices", "ICE Security"]
"""The submitted items: names holding digits. The OPR prose lists every item."""


@dataclass
class Copy:
    folder: Path
    warehouse: Warehouse


def _rename_offices(folder: Path, fy: int) -> None:
    path = folder / "submissions.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    listed = [r for r in rows if r["metric"] == LISTED and int(r["fiscal_year"]) == fy]
    rows = [r for r in rows if r not in listed]
    rows += [{**listed[0], "item": name} for name in NAMES]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def report_copy(tmp_path_factory: pytest.TempPathFactory, demo_warehouse: Warehouse) -> Copy:
    """The flagship report and the demo records, with the offices renamed in both."""
    root = tmp_path_factory.mktemp("supplied")
    folder = root / "reports" / REPORT_DIR.name
    shutil.copytree(REPORT_DIR, folder)
    shutil.copytree(ICE_PACK_DIR, root / "packs" / ICE_PACK_DIR.name)
    _rename_offices(folder, load_report(folder).spec.fiscal_year)
    warehouse = Warehouse(root / "warehouse", ICE.tables)
    shutil.copytree(demo_warehouse.root, warehouse.root, dirs_exist_ok=True)
    warehouse.write_table("submissions", read_submissions(folder / "submissions.csv"))
    return Copy(folder, warehouse)


def _build(copy: Copy, out: Path) -> Path:
    report = load_report(copy.folder)
    build(report.for_tables(copy.warehouse.tables()), copy.warehouse, out)
    return out


def test_digits_of_submitted_names_are_not_claims(report_copy: Copy, tmp_path: Path) -> None:
    out = _build(report_copy, tmp_path / "site")
    text = strip_links((out / "report.md").read_text(encoding="utf-8"))
    for name in NAMES:
        assert name in text  # the names are in the prose as submitted
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    inside = [
        c
        for c in claims
        for name in NAMES
        for at in _occurrences(text, name)
        if at <= c["start"] < at + len(name)
    ]
    assert inside == []
    (announced,) = [c for c in claims if text[c["end"] :].startswith(" program offices")]
    assert (announced["value"], announced["verdict"]) == (len(NAMES), "supported")


@pytest.mark.parametrize(
    "written",
    [
        '{{ (raw("opr.program_offices") + 1) | int }}',
        '{{ "%d" | format(raw("opr.program_offices") + 1) }}',
    ],
)
def test_a_wrong_number_written_from_a_figure_still_fails(
    report_copy: Copy, written: str, tmp_path: Path
) -> None:
    template = report_copy.folder / "templates" / "opr.md.j2"
    kept = template.read_text(encoding="utf-8")
    wrong = f"\n\nIn {{{{ year(fy) }}}}, OPR had {written} program offices.\n"
    template.write_text(kept + wrong, encoding="utf-8")
    try:
        with pytest.raises(UserError, match="contradicts its own figures") as failed:
            _build(report_copy, tmp_path / "site")
    finally:
        template.write_text(kept, encoding="utf-8")
    assert f"'{len(NAMES) + 1}'" in str(failed.value)


def test_supplied_text_stays_fenced_through_filters(demo: Demo, tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text(
        'OPR: {{ items("opr.program_offices", links=False) | join("; ") }}. '
        '{{ items("opr.program_offices") | first }}; {{ "%d" | format(raw("opr.program_offices")) }}'
        ' offices, {{ "2" ~ " units" }}.'
    )
    figures = demo.result.figures
    renderer = Renderer(tmp_path, metric_meta(demo.report.metrics), figures, 2023)
    text, spans = renderer.render_prose("t.md.j2").plain()
    names = [f.breakdown_value for f in figures.breakdown("opr.program_offices", 2023, "item")]
    fenced = [text[a:b] for a, b in spans]  # every item joined, and the first one linked
    assert set(fenced) == set(names) and len(fenced) == len(names) + 1
    count = str(int(figures.value("opr.program_offices", 2023)))
    assert not any(a <= text.index(f"; {count} offices") + 2 < b for a, b in spans)


def _occurrences(text: str, name: str) -> list[int]:
    found, at = [], text.find(name)
    while at >= 0:
        found.append(at)
        at = text.find(name, at + 1)
    return found


# ------------------------------------------------------------------------ Prose itself

_TEMPLATE = st.text(alphabet="ab1 []*_-.\n", max_size=12)
"""Text a template writes itself (never a link or a bare backslash: links are the renderer's)."""
_SUPPLIED = st.text(alphabet="ab1 [](\\)*_-.\n#<", max_size=12)
"""Text a variable supplies (any characters; escaped when written)."""


def _linked(text: str) -> str:
    """Supplied text as the renderer links it to its figure (a submitted list item)."""
    return f"[{supplied_text(Supplied(text))}](figures/x.html#fy2023-item-a)"


@st.composite
def _proses(draw: st.DrawFn) -> Prose:
    """Prose as a renderer makes it: template text, supplied text escaped and fenced,
    alone or as the text of a link."""
    supplied = st.one_of(
        _SUPPLIED.map(lambda t: supplied_text(Supplied(t))), _SUPPLIED.map(_linked)
    )
    parts = draw(st.lists(st.one_of(_TEMPLATE, supplied), max_size=6))
    return Prose.from_marked("".join(parts))


@given(_proses(), _proses())
def test_prose_keeps_its_spans_through_joins_strips_and_links(a: Prose, b: Prose) -> None:
    for prose in (a, b, Prose.join([a, "x", b]), (a + b).strip(), a.strip()):
        text, spans = prose.plain()
        assert text == strip_links(prose.markdown)
        assert len(spans) == len(prose.supplied)
        for (start, end), (m_start, m_end) in zip(spans, prose.supplied, strict=True):
            assert text[start:end] == strip_links(prose.markdown[m_start:m_end])
