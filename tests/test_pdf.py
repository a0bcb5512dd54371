"""The PDF: the report's text, panels and charts, with contents and page numbers.

Its text (read back with pypdfium2, as `yearbook audit` reads it) holds every headline number of the
published FY2023 page that the rebuilt report states.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from tests.conftest import Demo
from yearbook.disclosure.readers import pdf_text as read_pdf_text
from yearbook.narrative.render import strip_links
from yearbook.publish import pdf_name
from yearbook.publish.site import report_view

NUMBER = re.compile(r"\$?\d[\d,]*(?:\.\d+)?%?")


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in NUMBER.findall(text)}


@pytest.fixture(scope="module")
def pdf_text(demo: Demo) -> str:
    path = demo.result.out / pdf_name(demo.report)
    assert path.is_file()
    return read_pdf_text(path)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_states_every_seed_headline_number_the_report_states(
    demo: Demo, pdf_text: str, seed_text: str
) -> None:
    stated = _numbers(strip_links(demo.result.markdown)) - {"2022", "2023"}
    headline = stated & _numbers(seed_text)
    assert len(headline) >= 15, sorted(headline)
    in_pdf = _numbers(pdf_text)
    assert sorted(headline - in_pdf) == []


def test_the_pdf_has_contents_page_numbers_and_captions(demo: Demo, pdf_text: str) -> None:
    built = demo.report.for_tables(demo.warehouse.tables())
    view = report_view(built, demo.result.figures, demo.result.markdown)
    text = _flat(pdf_text)
    assert "Contents" in text
    pages = int(re.search(r"Page \d+ of (\d+)", text).group(1))  # type: ignore[union-attr]
    assert pages >= 3
    for n in range(2, pages + 1):
        assert f"Page {n} of {pages}" in text
    for chart in view.charts:
        caption = f"Figure {view.numbers[chart.id]}. {chart.title}"
        assert text.count(caption) == 2, caption  # once in the contents, once under the chart
    for section in demo.report.for_tables(demo.warehouse.tables()).spec.sections:
        assert re.search(rf"{re.escape(section.title)} ?\.+ \d+", text), section.title


def test_the_pdf_follows_the_page_section_by_section(demo: Demo, pdf_text: str) -> None:
    text = _flat(pdf_text)
    positions = [
        text.rfind(s.title) for s in demo.report.for_tables(demo.warehouse.tables()).spec.sections
    ]
    assert positions == sorted(positions)
    assert all(p >= 0 for p in positions)


def test_pdf_name_comes_from_the_report_id(demo: Demo) -> None:
    assert pdf_name(demo.report) == f"{demo.report.spec.id}.pdf"
    assert Path(demo.result.out / pdf_name(demo.report)).stat().st_size > 10_000


# -- tagged PDF (PDF/UA-1) ----------------------------------------------------------


def _utf16(read: Callable[..., int], handle: object) -> str:
    """A string that PDFium writes as UTF-16LE into a caller's buffer."""
    size = read(handle, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    read(handle, buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le")


def _structure(document: pypdfium2.PdfDocument) -> tuple[Counter[str], list[str]]:
    """The structure elements' types on every page, and each Figure's alternative text."""
    types: Counter[str] = Counter()
    alts: list[str] = []

    def walk(element: object) -> None:
        kind = _utf16(pdfium_c.FPDF_StructElement_GetType, element)
        types[kind] += 1
        if kind == "Figure":
            alts.append(_utf16(pdfium_c.FPDF_StructElement_GetAltText, element))
        for n in range(pdfium_c.FPDF_StructElement_CountChildren(element)):
            if child := pdfium_c.FPDF_StructElement_GetChildAtIndex(element, n):
                walk(child)

    for index in range(len(document)):
        page = document[index]
        tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
        for n in range(pdfium_c.FPDF_StructTree_CountChildren(tree)):
            walk(pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, n))
        pdfium_c.FPDF_StructTree_Close(tree)
        page.close()
    return types, alts


def test_the_pdf_is_tagged_for_assistive_technology(demo: Demo) -> None:
    """PDF/UA: tagged, with language and title, headings, header cells, figures with alt."""
    built = demo.report.for_tables(demo.warehouse.tables())
    view = report_view(built, demo.result.figures, demo.result.markdown)
    document = pypdfium2.PdfDocument(str(demo.result.out / pdf_name(demo.report)))
    try:
        assert pdfium_c.FPDFCatalog_IsTagged(document.raw)
        assert _utf16(pdfium_c.FPDFCatalog_GetLanguage, document.raw) == "en"
        assert document.get_metadata_dict()["Title"] == demo.report.spec.title
        types, alts = _structure(document)
    finally:
        document.close()
    assert types["H1"] == 1 and types["H2"] >= len(built.spec.sections)
    assert types["Table"] >= 1 and types["TH"] >= 1
    assert sorted(alts) == sorted(chart.alt for chart in view.charts)
