"""The report as a PDF, laid out by WeasyPrint from the same view as the web page.

A cover, a table of contents with page numbers, every office's statistics
panel, prose and charts (numbered, captioned), and page numbers in the footer.

The PDF is tagged (PDF/UA-1: language, title, headings, tables with header
cells, figures with their captions as alternative text), for readers who use
assistive technology. WeasyPrint reads files through `site_fetcher`, which serves
only the build folder's own files: nothing in the report can make the build read
another file of the machine or fetch anything from the network.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from yearbook.calendar import label as fy_label
from yearbook.publish import numbers
from yearbook.publish.pdfwrite import PDF_VARIANT, local_file, site_fetcher, write_pdf_html
from yearbook.publish.site import ENV, ReportView

__all__ = [
    "PDF_VARIANT",
    "TOP_ROWS",
    "local_file",
    "print_html",
    "site_fetcher",
    "unlinked",
    "write_pdf",
]

TOP_ROWS = 15
"""Rows of a breakdown table printed under its chart."""

_LINK = re.compile(r'<a href="(?!#)[^"]*"[^>]*>(.*?)</a>', re.S)


def unlinked(html: str) -> Markup:
    """Prose HTML for paper: links to pages become their text (anchors within stay).

    >>> str(unlinked('<p><a href="figures/a.html#fy2023">170,590</a> <a href="#x">y</a></p>'))
    '<p>170,590 <a href="#x">y</a></p>'
    """
    return Markup(_LINK.sub(r"\1", html))


def print_html(view: ReportView) -> str:
    """The HTML the PDF is laid out from (links become plain text on paper)."""
    return ENV.get_template("print.html.j2").render(
        view=view,
        numbers=view.numbers,
        fy_label=fy_label(view.fiscal_year),
        top=TOP_ROWS,
        suppressed_note=numbers.SUPPRESSED_NOTE,
        unlinked=unlinked,
    )


def write_pdf(view: ReportView, site: Path, path: Path) -> Path:
    """Write the PDF; ``site`` is the folder its charts are read from (and the only one)."""
    write_pdf_html(print_html(view), str(site), str(path))
    return path
