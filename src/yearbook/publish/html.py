"""The report as a static web page (see `yearbook.publish.site`)."""

from __future__ import annotations

from yearbook.publish.site import markdown_to_html, write_site

__all__ = ["markdown_to_html", "write_site"]
