"""The report as a PDF, laid out by WeasyPrint from the same view as the web page.

A cover, a table of contents with page numbers, every office's statistics
panel, prose and charts (numbered, captioned), and page numbers in the footer.
"""

from __future__ import annotations

from pathlib import Path

from yearbook.calendar import label as fy_label
from yearbook.publish import numbers
from yearbook.publish.site import ENV, ReportView

__all__ = ["TOP_ROWS", "print_html", "write_pdf"]

TOP_ROWS = 15
"""Rows of a breakdown table printed under its chart."""


def print_html(view: ReportView) -> str:
    """The HTML the PDF is laid out from (links become plain text on paper)."""
    return ENV.get_template("print.html.j2").render(
        view=view,
        numbers=view.numbers,
        fy_label=fy_label(view.fiscal_year),
        top=TOP_ROWS,
        suppressed_note=numbers.SUPPRESSED_NOTE,
    )


def write_pdf(view: ReportView, site: Path, path: Path) -> Path:
    """Write the PDF; ``site`` is the folder its charts are read from."""
    import weasyprint

    html = weasyprint.HTML(string=print_html(view), base_url=str(site))
    html.write_pdf(str(path))
    return path
