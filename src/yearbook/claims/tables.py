"""Tables in prose, read as sentences: each figure with its row's and column's names.

A pipe table (a header row, a ``|---|---|`` rule, then rows) states each number
in a cell by position: the column header says what it counts and the first
cell of its row says of which year or category. Sentences cannot be read off
it, so each numeric cell is rewritten as one: the cell, the name of the axis
without a year, "of" the table's title when it has one (the short line just
above it, an HTML table's caption, less its number and its years), "in",
and the name with a year (or the row's name when neither has one), as a
paragraph of its own:

>>> plain = read_tables(Plain(_EXAMPLE, list(range(len(_EXAMPLE))), len(_EXAMPLE)))
>>> print(plain.text)
Cases by year
<BLANKLINE>
<BLANKLINE>
240,255 Cases of Cases by year in FY2016.
<BLANKLINE>
98 Offices of Cases by year in FY2016.
<BLANKLINE>
226,119 Cases of Cases by year in FY2017.
<BLANKLINE>
Each office counts its own.

The number keeps its offsets in the original text, so a claim still points at
its cell; the words added around it point at the header or row they come from.
Cells without a digit are left as they are. A table with no rule under its header
is read too when its header names columns (no digits but years) over at least two rows of as
many pipes. A table laid out in plain text under a line of years alone ("   2019
2020 2021"), each row a name and one number per year, is read the same way.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from yearbook.claims.text import Plain, Rewriting

__all__ = ["read_tables"]

_EXAMPLE = (
    "Cases by year\n| Year | Cases | Offices |\n|---|---:|---|\n"
    "| FY2016 | 240,255 | 98 |\n| FY2017 | 226,119 | n/a |\n\nEach office counts its own."
)
_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_YEAR = re.compile(r"\b(?:FY\s?'?\d{2,4}|(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d)\b", re.I)
_DIGIT = re.compile(r"\d")
_NUMBER_NAME = re.compile(r"\s*[\d.,%$\s]+$")
"""A header cell that is only a number, which would run into the cell's own number."""
MAX_TABLE_ROWS = 500
"""Most rows of one table rewritten; later rows are left as they are."""
MAX_NAME = 60
"""Most characters of a row's or column's name repeated beside each of its cells."""


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table line, stripped of spaces and outer pipes."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    body_start, body_end = start + lead, start + len(line.rstrip())
    if text.startswith("|", body_start):
        body_start += 1
    if body_end > body_start and text[body_end - 1] == "|":
        body_end -= 1
    cells = []
    pos = body_start
    for match in re.finditer(r"\|", text[body_start:body_end]):
        cells.append(_strip(text, pos, body_start + match.start()))
        pos = body_start + match.end()
    cells.append(_strip(text, pos, body_end))
    return cells


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return out


def _tables(text: str) -> list[tuple[int, int, int]]:
    """(header line, first line after, last line + 1) of every table, by line index."""
    lines = _lines(text)
    found = []
    i = 0
    while i + 1 < len(lines):
        head, rule = lines[i], lines[i + 1]
        if "|" in text[head[0] : head[1]] and _RULE.match(text, rule[0], rule[1]):
            j = end = i + 2
            rows = 0
            while j < len(lines):  # rows, and blank lines between rows (as HTML leaves)
                line = text[lines[j][0] : lines[j][1]]
                if "|" in line:
                    rows += 1
                    if rows > MAX_TABLE_ROWS:
                        break  # the rest is left as it is
                    end = j + 1
                elif line.strip():
                    break
                j += 1
            found.append((i, i + 2, end))
            i = end
        elif (end := _ruleless(text, lines, i)) > i:
            found.append((i, i + 1, end))
            i = end
        else:
            i += 1
    return found


def _ruleless(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """The line after the last row of a pipe table with no rule under its header ("Fiscal year
    | Arrests" over "FY2016 | 110,104" lines), or ``i`` when none starts at line ``i``: a header
    of names (no digits but years) and at least two rows of as many pipes, each with a digit."""
    head = text[lines[i][0] : lines[i][1]]
    pipes = head.count("|")
    if not pipes or _DIGIT.search(_YEAR.sub("", head)):
        return i
    j = i + 1
    while j < len(lines) and j - i <= MAX_TABLE_ROWS:
        line = text[lines[j][0] : lines[j][1]]
        if line.count("|") != pipes or not _DIGIT.search(line):
            break
        j += 1
    return j if j - i > 2 else i


def _year_tables(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(header line, first line after, last line + 1) of every table laid out in plain text
    under a line of years only ("   2019 2020 2021"), whose rows end in one number a year."""
    found = []
    i = 0
    while i + 1 < len(lines):
        if not _YEARS_LINE.match(text, *lines[i]):
            i += 1
            continue
        years = len(_YEAR_CELL.findall(text, *lines[i]))
        row = _row_pattern(years)
        j = i + 1
        while j < len(lines) and j - i <= MAX_TABLE_ROWS and row.match(text, *lines[j]):
            j += 1
        if j > i + 1:
            found.append((i, i + 1, j))
        i = j
    return found


_YEAR_CELL = re.compile(r"(?:FY\s?)?(?:19|20)\d\d", re.I)
_YEARS_LINE = re.compile(
    r"[ \t]*(?:(?:FY\s?)?(?:19|20)\d\d[ \t]+)+(?:FY\s?)?(?:19|20)\d\d[ \t]*$", re.I
)
_NUMBER_CELL = r"\$?\d[\d,]*(?:\.\d+)?%?"


@functools.lru_cache(maxsize=8)
def _row_pattern(years: int) -> re.Pattern[str]:
    """A row of a plain-text year table: a name, then exactly one number per year."""
    cells = r"[ \t]+".join([f"({_NUMBER_CELL})"] * years)
    return re.compile(rf"[ \t]*(?P<name>\S.*?\S|[^\s\d])[ \t]+{cells}[ \t]*$")


def _year_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The header of a plain-text year table: an empty corner, then each year."""
    return [(start, start)] + [(m.start(), m.end()) for m in _YEAR_CELL.finditer(text, start, end)]


def _row_cells(text: str, start: int, end: int, years: int) -> list[tuple[int, int]]:
    """A row of a plain-text year table: its name, then its numbers ([] when it is none)."""
    match = _row_pattern(years).match(text, start, end)
    if match is None:
        return []
    return [match.span("name")] + [match.span(g) for g in range(2, years + 2)]


def read_tables(plain: Plain) -> Plain:
    """The plain text with every table (a pipe table, or a plain-text table under a line of
    years) rewritten as one sentence per numeric cell."""
    text = plain.text
    lines = _lines(text)
    tables = [(*t, True) for t in _tables(text)] if "|" in text else []
    tables += [(*t, False) for t in _year_tables(text, lines)]
    if not tables:
        return plain
    tables.sort()
    out = _Rewrite(plain)
    pos = 0
    for head_line, body_line, stop, piped in tables:
        if lines[head_line][0] < pos:
            continue  # inside a table already rewritten
        out.keep(pos, lines[head_line][0])
        title = _title(text, lines, head_line)
        if piped:
            header = _cells(text, *lines[head_line])
            for index in range(body_line, stop):
                if "|" in text[lines[index][0] : lines[index][1]]:
                    out.row(header, _cells(text, *lines[index]), title)
        else:
            header = _year_cells(text, *lines[head_line])
            for index in range(body_line, stop):
                cells = _row_cells(text, *lines[index], len(header) - 1)
                if cells:
                    out.row(header, cells, title)
        pos = lines[stop - 1][1]
    out.keep(pos, len(text))
    return out.done()


_UNIT = re.compile(r"\s*\((lbs?|pounds|kg|kilograms|tons|tonnes|usd|dollars)\)\s*$", re.I)
"""A column's unit of weight or money in brackets at the end of its name ("Value (lbs)"),
said right after each cell, where it makes the cell a weight or an amount."""
_YEAR_HEAD = re.compile(r"\s*(?:fiscal\s+)?year\s*|\s*FY\s*", re.I)
"""The name of a column of years."""
_TITLE_WORDS = 15
_EXHIBIT = re.compile(r"^\s*(?:table|figure|exhibit|chart)\s+\w{1,4}[.:]\s*", re.I)
_TITLE_JOINS = re.compile(r"(?:[\s,;:()\u2013\u2014-]|\b(?:to|from|through|and|in|for)\b)+$", re.I)


class _Title(NamedTuple):
    words: str
    """What the table counts: "Removals by year"."""
    year: str
    """The one year the title names ("FY 2018"), for cells no header or row dates; or ""."""


def _title(text: str, lines: list[tuple[int, int]], head: int) -> _Title:
    """The table's title: the line just above it (past blank lines), when short and no
    sentence ("Table 1. Removals by year, FY 2019 to FY 2023", an HTML table's caption),
    less its number, its years and any other number, which would be read as a claim."""
    above = head - 1
    while above >= 0 and head - above <= 4 and not text[slice(*lines[above])].strip():
        above -= 1
    if above < 0 or not text[slice(*lines[above])].strip():
        return _Title("", "")
    line = text[slice(*lines[above])].strip().lstrip("#").strip()
    if "|" in line or len(line.split()) > _TITLE_WORDS or re.search(r"[.!?]$", line):
        return _Title("", "")
    line = _EXHIBIT.sub("", line)
    years = _YEAR.findall(line)
    kept = [w for w in _YEAR.sub(" ", line).split() if not _DIGIT.search(w)]
    words = _TITLE_JOINS.sub("", re.sub(r"^[\s,;:\u2013\u2014-]+", "", " ".join(kept)))
    return _Title(" ".join(words.split())[:MAX_NAME], years[0] if len(years) == 1 else "")


def _short(span: tuple[int, int]) -> tuple[int, int]:
    """A row's or column's name, at most `MAX_NAME` characters of it: a table's rewriting
    stays within a small multiple of its size."""
    return span[0], min(span[1], span[0] + MAX_NAME)


class _Rewrite(Rewriting):
    def put(self, words: str, at: int) -> None:
        self.chars.append(words)
        self.origin.extend([self.plain.origin[min(at, len(self.plain.origin) - 1)]] * len(words))

    def _say(self, cell: tuple[int, int], *pieces: str | tuple[int, int]) -> None:
        """One cell as a sentence and a paragraph of its own (no year carries over): the cell,
        then each piece, words put in and names of the table (spans) kept, at most
        `MAX_NAME` characters of each."""
        self.put("\n\n", cell[0])
        self.keep(*cell)
        for piece in pieces:
            if isinstance(piece, str):
                self.put(piece, cell[0])
            else:
                self.keep(*_short(piece))
        self.put(".", cell[1] - 1)

    def row(self, header: list[tuple[int, int]], row: list[tuple[int, int]], title: _Title) -> None:
        text = self.plain.text
        label = row[0]
        label_text = text[label[0] : label[1]]
        dated = next(  # a column of years after the first ("| Metric | Fiscal year | ... |")
            (
                i
                for i, name in enumerate(header[1 : len(row)], start=1)
                if _YEAR_HEAD.fullmatch(text, *name) and _YEAR.fullmatch(text, *row[i])
            ),
            None,
        )
        for column, cell in enumerate(row[1:], start=1):
            if column == dated or not _DIGIT.search(text, cell[0], cell[1]):
                continue
            name = header[column] if column < len(header) else (cell[0], cell[0])
            year = ""
            if dated is not None:  # "142,750 Permits issued Published in fiscal year 2022"
                fiscal = "fiscal" in text[slice(*header[dated])].lower()
                said = " in fiscal year " if fiscal else " in "
                self._say(cell, " ", label, " ", name, said, row[dated])
                continue
            if _YEAR.search(text, *name) and not _YEAR.search(label_text):
                what, when = label, name  # years across the top
            else:
                what, when = name, label  # years (or categories) down the side
                if not _YEAR.search(label_text) and not _YEAR.search(text, *name):
                    year = title.year  # "Removals by country, FY 2018"
            if _NUMBER_NAME.match(text, *what) and not _YEAR.search(text, *what):
                what = (what[0], what[0])  # a number names nothing, and would run into the cell's
            pieces: list[str | tuple[int, int]] = []
            unit = _UNIT.search(text, *what)
            if unit:  # "Value (lbs)": "1,096,220 lbs Value"
                pieces.append(f" {unit.group(1)}")
                what = (what[0], unit.start())
            pieces += [" ", what]
            if title.words:
                pieces.append(f" of {title.words}")
            pieces += [" in ", when]
            if year:
                pieces.append(f", {year}")
            self._say(cell, *pieces)
