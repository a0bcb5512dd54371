"""The text of a PDF, read with pypdfium2 (no system tool is needed).

Two readings serve two readers. `pdf_text` keeps each page's lines as the page
lays them out, a wide column gap written as two spaces (as ``pdftotext -layout``
does), for finding the cells of a table. `pdf_prose` gives the text as prose
for the claim checker:

* a paragraph is one line, its wrapped lines joined (a hyphen that broke a word
  kept: "two-thirds"); a list's rows and a table's rows stay lines;
* paragraphs are parted by a blank line where the page leaves a gap between
  lines, and a paragraph that runs on from one page to the next is kept whole;
* a table's rows (lines parted into as many cells by wide gaps, under a header
  that names no number but years) are a pipe table, read as tables are;
* a short line standing in the same place at the top or foot of several pages
  (a running head, "Page 4 of 26") is left out, or read once when it names a
  number; a lone page number at a page's edge is left out, and so are a
  contents line's dot leaders and page number.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yearbook.errors import UserError

__all__ = ["PDF_MAGIC", "is_pdf", "pdf_prose", "pdf_text"]

PDF_MAGIC = b"%PDF-"
"""How every PDF file starts."""

_PAGE_NUMBER = re.compile(r"(?i)(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LEADERS = re.compile(r"\s*(?:\.\s?){4,}\s*\d{1,4}\s*$")
"""A contents line's dot leaders and the page number after them."""
_DIGITS = re.compile(r"\d+")
_YEAR_WORD = re.compile(r"\b(?:FY\s?)?(?:19|20)\d\d\b", re.I)
_OPEN_END = re.compile(r"[^.!?:\"'\u201d\u2019)]\s*$")
_LINE_END_HYPHEN = re.compile("[\ufffe\x02]")
"""How the PDF library marks a hyphen ending a line: a hyphen still ("two-thirds")."""


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF file's (by its first bytes, not its name)."""
    return data[:1024].lstrip()[: len(PDF_MAGIC)] == PDF_MAGIC


def _open(source: Path | bytes, name: str) -> Any:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(source) if isinstance(source, Path) else source)
    except pypdfium2.PdfiumError as err:
        raise UserError(
            f"cannot read the PDF {name}: {err}",
            hint="give an unlocked, unbroken PDF, or the text saved from it",
        ) from None


def pdf_text(path: Path) -> str:
    """The text of a PDF, page by page (parted by a form feed), with a column gap as two
    spaces, as ``pdftotext -layout`` writes it."""
    document = _open(path, path.name)
    try:
        return "\f".join(_page_text(document[i]) for i in range(len(document)))
    finally:
        document.close()


def _page_text(page: Any) -> str:
    textpage = page.get_textpage()
    try:
        return _laid_out(textpage)
    finally:
        textpage.close()
        page.close()


def _laid_out(textpage: Any) -> str:
    """The page's text in reading order, a space wider than 1.5 glyph heights made two."""
    text: str = textpage.get_text_range()
    out: list[str] = []
    space, before = "", None
    for i, char in enumerate(text[: textpage.count_chars()]):
        if char in "\r\n":
            out.append(char)
            space, before = "", None
        elif char.isspace():
            space += char
        else:
            box = textpage.get_charbox(i)
            if space:
                out.append("  " if before is not None and _gap(before, box) else space)
                space = ""
            out.append(char)
            before = box
    return "".join(out).replace("\r", "")


def _gap(before: tuple[float, ...], box: tuple[float, ...]) -> bool:
    height = max(box[3] - box[1], before[3] - before[1], 4.0)
    return box[0] - before[2] > 1.5 * height


@dataclass(frozen=True)
class _Line:
    text: str
    top: float
    bottom: float
    left: float
    right: float
    cells: tuple[str, ...]
    """Its text parted where a gap wider than 1.5 glyph heights parts two words: more than
    one for a table's row."""

    @property
    def wide(self) -> bool:
        return len(self.cells) > 1

    @property
    def key(self) -> tuple[str, int]:
        """What the line says, its numbers blanked, and where on the page it stands: the
        same key on most pages marks a running head or foot."""
        return _DIGITS.sub("#", " ".join(self.text.lower().split())), round(self.top)


def pdf_prose(data: bytes, name: str) -> str:
    """The PDF's text as prose, for checking its claims (see the module's notes).

    Raises `UserError` for a PDF that cannot be read and for one that holds no text (a
    scan), with what to do next.
    """
    document = _open(data, name)
    try:
        pages = [_page_lines(document[i]) for i in range(len(document))]
    finally:
        document.close()
    if not any(pages):
        raise UserError(
            f"{name}: the PDF holds no text, only images (a scan?)",
            hint="run it through OCR and check the text that gives",
        )
    repeated = _running(pages)
    out = ""
    for lines in pages:
        kept = []
        ticks = _axis_ticks(lines)
        for at, line in enumerate(lines):
            if at in ticks:
                continue
            if line.key in repeated:
                if not repeated[line.key]:
                    continue
                repeated[line.key] = False  # read once, where it first stands
            if not (_page_number(line) and (at < _EDGE or at >= len(lines) - _EDGE)):
                kept.append(line)
        page = _paragraphs(kept)
        if not page:
            continue
        if out:  # a page that starts where the last one's paragraph was left open goes on
            out += " " if _OPEN_END.search(out) and page[:1].islower() else "\n\n"
        out += page
    return out + "\n"


_TICK = re.compile(
    r"\$?(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s?(?P<unit>[kKmMbB%]|bn|mn)?(?:\s+[a-z]+)?"
)
"""A line that is one number, as a chart's axis labels it ("0k", "150k permits", "25%")."""
_TICKS = 3
"""The fewest labels of one axis read as a scale."""


def _axis_ticks(lines: list[_Line]) -> set[int]:
    """The lines of a chart's value axis: runs of lone numbers of one unit that rise by one
    step from 0 ("0k", "50k", "100k", "150k permits"), which mark a scale and state nothing."""
    found: set[int] = set()
    run: list[int] = []
    values: list[float] = []
    unit: str | None = None

    def close() -> None:  # the run's first lines that rise from 0 by one step
        if len(run) < _TICKS or values[0] != 0 or values[1] <= 0:
            return
        step, size = values[1], 2
        while size < len(values) and abs(values[size] - values[size - 1] - step) < 1e-9:
            size += 1
        if size >= _TICKS:
            found.update(run[:size])

    for at, line in enumerate(lines):
        tick = _TICK.fullmatch(line.text.strip())
        if tick is None or (run and tick.group("unit") != unit):
            close()
            run, values, unit = [], [], None
            if tick is None:
                continue
        run.append(at)
        values.append(float(tick.group("n").replace(",", "")))
        unit = tick.group("unit")
    close()
    return found


def _page_lines(page: Any) -> list[_Line]:
    textpage = page.get_textpage()
    try:
        text: str = textpage.get_text_range()
        lines: list[_Line] = []
        chars: list[str] = []
        boxes: list[tuple[float, float, float, float]] = []
        cuts: list[int] = []  # where in chars a wide gap parts two cells
        for i, char in enumerate(text[: textpage.count_chars()]):
            if char in "\r\n":
                _add(lines, chars, boxes, cuts)
                chars, boxes, cuts = [], [], []
                continue
            if not char.isspace():
                box = textpage.get_charbox(i)
                if boxes and chars[-1].isspace() and _gap(boxes[-1], box):
                    cuts.append(len(chars))
                boxes.append(box)
            chars.append(char)
        _add(lines, chars, boxes, cuts)
        return lines
    finally:
        textpage.close()
        page.close()


def _add(
    lines: list[_Line],
    chars: list[str],
    boxes: list[tuple[float, float, float, float]],
    cuts: list[int],
) -> None:
    raw = _LINE_END_HYPHEN.sub("-", "".join(chars))
    text = _LEADERS.sub("", raw).rstrip()
    if boxes and any(c.isalnum() for c in text):
        cells = tuple(
            cell.strip() for a, b in itertools.pairwise([0, *cuts, len(raw)]) if (cell := raw[a:b])
        )
        left, bottom, right, top = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        lines.append(_Line(text, top, bottom, left, right, cells))


_EDGE = 2
"""How many lines at the top and at the foot of a page may be a running head or foot."""
_HEAD_WORDS = 10
"""The most words of a running head or foot (a line of prose that happens to stand in
the same place on several pages is longer)."""


def _running(pages: list[list[_Line]]) -> dict[tuple[str, int], bool]:
    """The keys of a running head or foot (a short line among the first or last `_EDGE` of
    its page that stands in the same place on at least three pages, on every page of a
    document of two), each with whether it is read once: only a line that holds a number
    and says the same on every page ("Annual report, FY 2023", a table's head of years);
    a line that says nothing of numbers or counts the pages is left out."""
    seen: Counter[tuple[str, int]] = Counter()
    said: dict[tuple[str, int], set[str]] = {}
    for lines in pages:
        edges = {
            line.key: line.text.strip()
            for line in lines[:_EDGE] + lines[-_EDGE:]
            if len(line.text.split()) <= _HEAD_WORDS
        }
        seen.update(edges.keys())
        for key, text in edges.items():
            said.setdefault(key, set()).add(text)
    least = min(3, len(pages))
    return {
        key: len(said[key]) == 1 and any(c.isdigit() for c in min(said[key]))
        for key, count in seen.items()
        if count >= least > 1
    }


def _page_number(line: _Line) -> bool:
    """A page's number ("12", "Page 4 of 26"), never a year standing alone ("2019": the
    end of a title wrapped)."""
    text = line.text.strip()
    return _PAGE_NUMBER.fullmatch(text) is not None and _YEAR.fullmatch(text) is None


def _paragraphs(lines: list[_Line]) -> str:
    """The page's paragraphs, parted by a blank line: a gap between two lines taller than
    most of a line's height (or a step back up the page, to a new column) ends one. A run
    of table rows is a pipe table (`_table`)."""
    blocks: list[list[_Line]] = []
    tables: set[int] = set()  # the blocks that are tables
    at = 0
    while at < len(lines):
        run = _rows(lines, at)
        if len(run) >= _TABLE_ROWS:
            tables.add(len(blocks))
            blocks.append(run)
            at += len(run)
            continue
        line = lines[at]
        at += 1
        if blocks and len(blocks) - 1 not in tables:
            before = blocks[-1][-1]
            height = max(before.top - before.bottom, line.top - line.bottom, 1.0)
            gap = before.bottom - line.top
            if -height <= gap <= 0.8 * height:
                blocks[-1].append(line)
                continue
        blocks.append([line])
    return "\n\n".join(
        _table(block) if i in tables else _block(block, lines) for i, block in enumerate(blocks)
    )


_TABLE_ROWS = 2
"""The fewest lines of cells, a header included, read as a table."""


def _rows(lines: list[_Line], at: int) -> list[_Line]:
    """The run of table rows from ``lines[at]``: a header (cells that name no number but
    years) and rows under it parted into as many cells, each row with a number in it,
    whatever gaps lie between them."""
    first = lines[at]
    if not first.wide or any(_DIGITS.search(_YEAR_WORD.sub("", c)) for c in first.cells):
        return []
    run = [first]
    for line in lines[at + 1 :]:
        if (
            len(line.cells) != len(first.cells)
            or line.top > run[-1].bottom
            or not any(_DIGITS.search(c) for c in line.cells[1:])
        ):
            break
        run.append(line)
    return run


def _table(rows: list[_Line]) -> str:
    """A run of table rows as a pipe table: its first row the header, a rule under it."""
    lines = ["| " + " | ".join(cell.replace("|", "/") for cell in row.cells) + " |" for row in rows]
    rule = "|" + "---|" * len(rows[0].cells)
    return "\n".join([lines[0], rule, *lines[1:]])


_ITEM = re.compile(r"\s*(?:[\u2022\u25aa\u25cf\u25e6\u2013\u2014*-]\s|\(?\w{1,2}[.)]\s)")
"""How a list's item starts: a bullet or a dash, "1.", "(a)"."""
_ANNOUNCES = re.compile(r":[A-Z0-9]$")
"""A line ending in a colon before a line starting in capitals or a digit: a list's head."""
_GOES_ON = re.compile(r"[\w,]$")
"""A line ending in a word or a comma, which a line starting in lower case goes on from."""
_BROKEN_AT_HYPHEN = re.compile(r"\w-$")  # after _LINE_END_HYPHEN is read as "-"
"""A line ending in a word's hyphen: the word goes on at the next line ("44-" "percent")."""
_ROW_END = re.compile(r"\d[\d,.%]*\s+\$?\d[\d,.%]*$")
"""A line ending in two numbers side by side: a table's row, whatever its width."""
_FULL = 0.85
"""A line reaching this share of its column's width across is full: the text wraps."""
_PROSE_WORDS = 6


def _block(lines: list[_Line], page: list[_Line]) -> str:
    """A paragraph's lines, a wrapped line joined to the next by a space: a line of words
    reaching across its column (the lines of the page that start where it starts), or
    one the next goes on from in lower case (a list's item wrapped). A line that stops
    short of the column's right edge (a title, the last of a paragraph, a list's row), a
    line before a list's item or announcing a list, and a table's row stay lines of their
    own."""
    left = min(line.left for line in lines)
    height = max(line.top - line.bottom for line in lines)
    column = [line.right for line in page if abs(line.left - left) <= 2 * height]
    width = max(column + [line.right for line in lines]) - left
    out = lines[0].text
    for before, line in itertools.pairwise(lines):
        if out.endswith("\u00ad"):  # a soft hyphen: the word has none
            out = out[:-1] + line.text
        elif _BROKEN_AT_HYPHEN.search(out) and line.text[:1].islower():
            out += line.text  # "two-" and "thirds"
        elif _wraps(before, line, before.right - left >= _FULL * width):
            out += " " + line.text
        else:
            out += "\n" + line.text
    return out


def _wraps(before: _Line, line: _Line, reaches: bool) -> bool:
    """Whether ``line`` goes on with the sentence ``before`` left (``reaches``: whether
    ``before`` reaches across its column)."""
    if line.wide or _ITEM.match(line.text) or _ANNOUNCES.search(before.text + line.text[:1]):
        return False
    full = (
        reaches
        and len(before.text.split()) >= _PROSE_WORDS
        and not before.wide
        and not _ROW_END.search(before.text)
    )
    return full or (_GOES_ON.search(before.text) is not None and line.text[:1].islower())
