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

import mimetypes
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from markupsafe import Markup

from yearbook.calendar import label as fy_label
from yearbook.publish import numbers
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

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF for accessibility (Section 508 expects it)."""

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


def local_file(url: str, root: Path) -> Path:
    """The file a ``file:`` URL names, when it is a file inside ``root``.

    Raises `ValueError` for any other scheme, host or path (symbolic links are
    followed first, so a link out of ``root`` is refused too).
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise ValueError(f"the PDF reads only the build's own files, not {url[:80]!r}")
    path = Path(url2pathname(unquote(parts.path))).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():
        raise ValueError(f"the PDF reads only files inside the build folder, not {path}")
    return path


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class _SiteFetcher(URLFetcher):  # type: ignore[misc]
        """WeasyPrint's fetcher, restricted to the files of one folder."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False)
            self.root = root.resolve()

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = local_file(url, self.root)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})

    return _SiteFetcher


def site_fetcher(root: Path) -> Any:
    """A WeasyPrint URL fetcher that serves only the files inside ``root``."""
    return _fetcher_class()(root)


def write_pdf(view: ReportView, site: Path, path: Path) -> Path:
    """Write the PDF; ``site`` is the folder its charts are read from (and the only one)."""
    import weasyprint

    html = weasyprint.HTML(
        string=print_html(view), base_url=str(site), url_fetcher=site_fetcher(site)
    )
    html.write_pdf(str(path), pdf_variant=PDF_VARIANT)
    return path
