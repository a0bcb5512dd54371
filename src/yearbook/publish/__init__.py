"""Publishing: the report as a web site, a PDF, an open-data bundle (and an API).

`publish` writes every output of a build into one folder, step by step; the
build then swaps that folder in whole (`yearbook.publish.release`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from yearbook.figures import Figures
from yearbook.report import Report

__all__ = ["STEPS", "bundle_name", "pdf_name", "publish"]

STEPS = ("site", "pdf", "bundle")
"""The publishing steps, in order (each is also a pause point for tests)."""


def bundle_name(report: Report) -> str:
    """The open-data archive's file name, e.g. ``yearbook-fy2023.zip``."""
    return f"yearbook-fy{report.spec.fiscal_year}.zip"


def pdf_name(report: Report) -> str:
    """The PDF's file name, e.g. ``ice-fy2023.pdf``."""
    return f"{report.spec.id}.pdf"


def publish(
    report: Report,
    figures: Figures,
    markdown: str,
    folder: Path,
    *,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Write the site, the PDF and the open-data bundle of a build into ``folder``."""
    from yearbook.publish.bundle import write_bundle
    from yearbook.publish.pdf import write_pdf
    from yearbook.publish.release import pause_point
    from yearbook.publish.site import write_site

    say = progress or (lambda _msg: None)
    downloads = {"pdf_name": pdf_name(report), "bundle_name": bundle_name(report)}
    say("writing the web page, figure pages and charts")
    pause_point("site")
    view = write_site(report, figures, markdown, folder, downloads=downloads)
    say("writing the PDF")
    pause_point("pdf")
    write_pdf(view, folder, folder / pdf_name(report))
    say("writing the open-data bundle")
    pause_point("bundle")
    write_bundle(report, figures, folder / "data", bundle_name(report))
