"""A PDF's text read as prose: paragraphs whole, running heads and page numbers left out.

The PDFs are made here with WeasyPrint (the PDF writer the report's own PDF comes from):
paged text with a running head and "Page N of M" at each foot. The real prose of the
development set (``../shared/data/prose/``), laid out the same way, must get the verdicts
its plain text gets.
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter

import pypdfium2
import pytest
from weasyprint import HTML

from benchmarks import prose
from yearbook.claims import check
from yearbook.errors import UserError
from yearbook.pdftext import is_pdf, pdf_prose

_PAGED = """@page { size: A6; margin: 2cm 1cm;
  @top-center { content: "Annual statistics"; font-size: 8pt }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt } }
body { font: 10pt serif } p { margin: 0 0 1em 0 }"""


def paged(body: str, css: str = _PAGED) -> bytes:
    pdf = HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    return pdf.write_pdf()  # type: ignore[no-any-return]


SENTENCES = [
    f"In FY {2000 + i} the office made {1000 + 37 * i:,} arrests, {i}.5% more than a year before."
    for i in range(24)
]


def test_a_paragraph_is_one_line_even_across_a_page_and_heads_and_page_numbers_go() -> None:
    body = (
        "<h1>Year in review</h1>"
        f"<p>{' '.join(SENTENCES)}</p>"
        "<p>Among them were many serious offenses:<br>Homicide: 1,713<br>Robbery: 3,097</p>"
        f"<p>{' '.join(SENTENCES[:3])}</p>"
    )
    data = paged(body)
    assert len(pypdfium2.PdfDocument(data)) >= 3  # the first paragraph runs on
    text = pdf_prose(data, "t.pdf")
    assert "Annual statistics" not in text and "Page" not in text
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == "Year in review"
    assert paragraphs[1] == " ".join(SENTENCES)
    assert paragraphs[2].splitlines() == [
        "Among them were many serious offenses:",
        "Homicide: 1,713",
        "Robbery: 3,097",
    ]
    assert paragraphs[3] == " ".join(SENTENCES[:3])


def test_a_list_a_table_row_and_a_lone_year_stay_lines_of_their_own() -> None:
    body = (
        "<p>In FY 2023 the offices seized these amounts of narcotics and money:<br>"
        "\u2022 12,450 pounds of opioids seized by the agents<br>"
        "\u2022 145,000 pounds of methamphetamine seized</p>"
        "<p>Removals by year, all of them, border and interior 267,258 185,884 59,011<br>"
        "Convicted Criminals 150,141 103,762 39,149</p>"
    )
    text = pdf_prose(paged(body, "@page { size: A5 } body { font: 10pt serif }"), "t.pdf")
    lines = text.splitlines()
    assert "\u2022 145,000 pounds of methamphetamine seized" in lines
    assert "Convicted Criminals 150,141 103,762 39,149" in lines
    narrow = "@page { size: 9cm 12cm; margin: 1cm } body { font: 12pt serif }"
    title = "<h1>Officers in the region arrested more than 40,000 people in 2019</h1>"
    assert "2019" in pdf_prose(paged(title, narrow), "t.pdf")


def test_a_tables_rows_become_a_pipe_table_under_its_title() -> None:
    body = (
        "<p>Figure 5. Removals by office, FY 2022</p>"
        "<table style='width: 100%'><tr><th>Office</th><th>Removals</th><th>Change</th></tr>"
        "<tr><td>Houston</td><td>15,643</td><td>+18.7%</td></tr>"
        "<tr><td>San Antonio</td><td>12,203</td><td>-2.0%</td></tr></table>"
        "<p>Virtual currency seized <b style='margin-left: 4cm'>more than $148</b><br>"
        "million <b style='margin-left: 4cm'>+6% on FY 2021</b></p>"
    )
    text = pdf_prose(paged(body, "@page { size: A5 } body { font: 10pt serif }"), "t.pdf")
    assert "| Office | Removals | Change |\n|---|---|---|\n| Houston | 15,643 | +18.7% |" in text
    assert "| San Antonio | 12,203 | -2.0% |" in text
    assert "Figure 5. Removals by office, FY 2022\n\n| Office" in text
    # two lines of two cells whose first is no header (it names a number): no table
    assert "| Virtual" not in text and "Virtual currency seized more than $148\n" in text


def test_a_charts_value_axis_is_no_claim_but_its_bar_labels_are() -> None:
    body = (
        "<p>Figure 1. Permits, FY 2021 to FY 2023</p>"
        "<div>0k</div><div>50k</div><div>100k</div><div>150k permits</div>"
        "<div>143k</div><div>104k</div><div>74.1k</div>"
        "<p>Shares: 10%, 20%, 30% of the offices.</p>"
    )
    text = pdf_prose(paged(body, "@page { size: A5 } body { font: 10pt serif }"), "t.pdf")
    lines = [line for line in text.splitlines() if line]
    assert "0k" not in lines and "150k permits" not in lines and "100k" not in lines
    assert [line for line in lines if line.endswith("k")] == ["143k", "104k", "74.1k"]
    assert "Shares: 10%, 20%, 30% of the offices." in lines  # a sentence is no axis


def test_a_scan_a_broken_file_and_what_is_no_pdf_say_what_to_do() -> None:
    blank = pypdfium2.PdfDocument.new()
    blank.new_page(200, 200)
    buffer = io.BytesIO()
    blank.save(buffer)
    with pytest.raises(UserError, match="holds no text") as scan:
        pdf_prose(buffer.getvalue(), "scan.pdf")
    assert "OCR" in (scan.value.hint or "")
    with pytest.raises(UserError, match="cannot read the PDF broken.pdf"):
        pdf_prose(b"%PDF-1.7\nnot a document", "broken.pdf")
    assert is_pdf(b"%PDF-1.4 ...") and not is_pdf(b"In FY 2023, %PDF- is text")


def _laid_out(body: str) -> bytes:
    """A text as a PDF: a long line a paragraph of its own, a run of short lines (a list, a
    table) one block, with the running head and page numbers of `_PAGED` on A5."""
    out = []
    for block in re.split(r"\n\s*\n", body):
        run: list[str] = []
        for line in [*(x.strip() for x in block.splitlines() if x.strip()), None]:
            if line is not None and len(line) < 80:
                run.append(html.escape(line))
                continue
            if run:
                out.append("<p>" + "<br>".join(run) + "</p>")
                run = []
            if line is not None:
                out.append(f"<p>{html.escape(line)}</p>")
    return paged("".join(out), _PAGED.replace("A6", "A5"))


@pytest.mark.skipif(not prose.available(), reason="the real prose (shared/data/) is not here")
def test_real_prose_laid_out_as_a_pdf_gets_the_verdicts_of_its_text() -> None:
    figures, metrics, vocabulary = prose._setup()
    total = 0
    for path in prose.sources():
        text, start = prose.body(path)
        body = text[start:]
        results = [
            check(body, figures, metrics=metrics, vocabulary=vocabulary),
            check(
                pdf_prose(_laid_out(body), path.name),
                figures,
                metrics=metrics,
                vocabulary=vocabulary,
                fmt="text",
            ),
        ]
        plain, from_pdf = (
            Counter((" ".join(c.text.split()), c.verdict) for c in r.claims) for r in results
        )
        total += plain.total()
        assert plain == from_pdf, (path.name, plain - from_pdf, from_pdf - plain)
    assert total >= 250, total
