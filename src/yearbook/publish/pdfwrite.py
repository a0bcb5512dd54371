"""Laying out a PDF with WeasyPrint, reading only the build folder's own files.

Kept apart from the page model (`yearbook.publish.pdf`) so that a worker process
that only writes the PDF imports WeasyPrint and nothing else of the report.
"""

from __future__ import annotations

import mimetypes
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

__all__ = ["PDF_VARIANT", "local_file", "site_fetcher", "write_pdf_html"]

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF for accessibility (Section 508 expects it)."""


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


def write_pdf_html(html: str, site: str, path: str) -> float:
    """Lay out ``html`` into the PDF at ``path``, reading files only inside ``site``;
    returns the seconds it took (it may run in another process)."""
    import weasyprint

    started = time.perf_counter()
    page = weasyprint.HTML(string=html, base_url=site, url_fetcher=site_fetcher(Path(site)))
    page.write_pdf(path, pdf_variant=PDF_VARIANT)
    return time.perf_counter() - started
