"""Readers for `yearbook.disclosure.audit`: published artefacts back into rows and text.

Each reader takes what a reader of the report gets — a file of the build
folder, or an HTTP response — and returns plain data: figure rows (dicts with
the figures table's columns), HTML table rows and links, or lines of text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from yearbook.figures import FIGURES_SCHEMA
from yearbook.narrative.style import number_words
from yearbook.pdftext import pdf_text

__all__ = [
    "FIGURE_KEYS",
    "STATED_KEYS",
    "HtmlLink",
    "HtmlRow",
    "figure_rows_from_csv",
    "figure_rows_from_json",
    "parse_html",
    "parse_number",
    "pdf_text",
    "stated_numbers",
]

_FLOATS = ("value", "prior_value", "yoy_change", "yoy_change_pct")
FIGURE_KEYS = frozenset({"metric", "fiscal_year", "value", "status"})
"""The fields that make a JSON object a figure."""
STATED_KEYS = frozenset({"metric", "fiscal_year", "text"})
"""The fields that make a JSON object a number stated in prose (a checked claim)."""
_NUMBER = re.compile(r"[-+−]?\$?\d[\d,]*(?:\.\d+)?%?")
_WORDS = {number_words(n): n for n in range(100)}


@dataclass
class HtmlRow:
    """A table row: its ``id`` (a figure anchor on figure pages) and its cells."""

    id: str
    cells: list[str] = field(default_factory=list)
    """Text of each ``td`` (``th`` cells are labels and come first, in ``label``)."""
    label: str = ""
    href: str = ""
    """Where a link in the row's label points (a figure's page and anchor)."""


@dataclass
class HtmlLink:
    href: str
    text: str


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[HtmlRow] = []
        self.links: list[HtmlLink] = []
        self._row: HtmlRow | None = None
        self._cell: list[str] | None = None
        self._cell_is_label = False
        self._code = 0
        self._link: HtmlLink | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "tr":
            self._row = HtmlRow(named.get("id") or "")
        elif tag in ("td", "th") and self._row is not None:
            self._cell, self._cell_is_label = [], tag == "th"
        elif tag == "code":
            self._code += 1
        elif tag == "a":
            self._link = HtmlLink(named.get("href") or "", "")
            if self._row is not None and self._cell is not None and not self._row.cells:
                self._row.href = self._row.href or self._link.href

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            if self._cell_is_label and not self._row.cells:
                self._row.label = self._row.label or text
            else:
                self._row.cells.append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "code":
            self._code = max(0, self._code - 1)
        elif tag == "a" and self._link is not None:
            self._link.text = " ".join(self._link.text.split())
            self.links.append(self._link)
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._code:
            self._cell.append(data)
        if self._link is not None:
            self._link.text += data


def parse_html(text: str) -> tuple[list[HtmlRow], list[HtmlLink]]:
    """The table rows and links of an HTML page (text inside ``<code>`` is left out)."""
    page = _Page()
    page.feed(text)
    page.close()
    return page.rows, page.links


def parse_number(text: str, words: bool = True) -> float | None:
    """The first number a text states, in digits or (with ``words``) in words.

    >>> [parse_number(t) for t in ("1,234", "43.3%", "six", "+12", "‡", "−3")]
    [1234.0, 43.3, 6.0, 12.0, None, -3.0]
    >>> parse_number("three offices", words=False) is None
    True
    """
    found = _NUMBER.search(text)
    if found:
        token = found.group(0).replace("−", "-").strip("$%").replace("$", "").replace(",", "")
        try:
            return float(token)
        except ValueError:
            return None
    for word in re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower() if words else ""):
        if word in _WORDS:
            return float(_WORDS[word])
    return None


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    out = {name: row.get(name) for name in FIGURES_SCHEMA.names}
    for name in _FLOATS:
        value = out[name]
        out[name] = None if value in (None, "") else float(value)
    out["fiscal_year"] = int(out["fiscal_year"] or 0)
    out["position"] = None if out["position"] in (None, "") else int(str(out["position"]))
    for name in ("metric", "breakdown", "breakdown_value", "status", "unit"):
        out[name] = "" if out[name] is None else str(out[name])
    return out


def figure_rows_from_csv(text: str) -> list[dict[str, Any]]:
    """Figure rows from a CSV with the figures table's header."""
    return [_typed(row) for row in csv.DictReader(io.StringIO(text))]


def figure_rows_from_json(data: Any) -> list[dict[str, Any]]:
    """Every object that is a figure (metric, fiscal year, value, status), at any depth."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.keys() >= FIGURE_KEYS:
                found.append(_typed(item))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def stated_numbers(data: Any) -> list[dict[str, Any]]:
    """Every object that states a number about a figure in words (``text``), at any depth."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.keys() >= STATED_KEYS and item.get("metric"):
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
