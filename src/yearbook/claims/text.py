"""Prose as the checker reads it: plain text, blocks and sentences, with offsets.

Markdown links and emphasis and HTML tags are removed; every character of
the plain text remembers where it was in the original, so a claim's offsets
always point into the text the user gave.

>>> doc = to_plain("In [FY 2023](x) ERO removed **139** people.", "markdown")
>>> doc.text
'In FY 2023 ERO removed 139 people.'
>>> doc.origin[doc.text.index("139")]
30
"""

from __future__ import annotations

import html
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from yearbook.claims.numbers import WORD_VALUES

__all__ = [
    "MAX_BLOCK_SENTENCES",
    "MAX_LIST_ITEMS",
    "MAX_SENTENCE_CHARS",
    "MAX_SENTENCE_NUMBERS",
    "MONTH",
    "Block",
    "Plain",
    "Rewriting",
    "count_numbers",
    "detect_format",
    "segment",
    "sentence_spans",
    "to_plain",
]

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
"""A month's name or its abbreviation, and no longer word ("decreased" is no December)."""
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,1000})\]\([^()\s]{0,2000}\)")
_MD_EMPH = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|`)")
_HTML_DROP_OPEN = re.compile(
    r"<(script|style|head|nav|footer|form|noscript|template|svg|iframe|button|select)\b", re.I
)
"""Elements whose text is no prose of the page: code, the head, a site's menus and footer,
forms and embedded frames."""
_HTML_MAIN = re.compile(r"<main\b[^>]*>", re.I)
_HTML_TOKEN = re.compile(r"<[^<>]+>|&(?:#\d{1,8}|#x[0-9a-fA-F]{1,8}|[A-Za-z]{1,32});")
_HTML_TABLE = re.compile(r"</?(table|tr|td|th)\b[^>]*>", re.I)
_HTML_BLOCK = re.compile(
    r"</?(p|div|br|h[1-6]|li|ul|ol|section|article|header|footer|blockquote|dt|dd)\b[^>]*>",
    re.I,
)
_LIST = re.compile(r"^[ \t]*(?:[-*+•·▪◦]|\d{1,3}[.)])[ \t]+", re.M)
_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]*[A-Z0-9$])")
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|Mr|Mrs|Ms|Dr|No|vs|St|Jr|Sr|Inc|Co|e\.g|i\.e|approx|Sen|Rep|Gov|Gen|Lt"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$"
)
_OPENER = re.compile(
    r"(?:The|This|That|These|Those|It|He|She|They|We|In|On|At|By|For|During|Since|After|"
    r"But|And|Yet|So|However|Meanwhile|Over|While|When|Last|Two|Three|Four|Five|Six|Seven|"
    r"Eight|Nine|Ten|According|As|If|Still|Even|Overall|Now|Then|Only|Some|Most|Many|Under|"
    r"Of|From|With|Among|Despite|Although|Because|Before|Nearly|Almost|More|Fewer|Both|Each|"
    r"All|Another|Its|Their|His|Her|Our|A|An)\b"
)
"""Words that open a sentence and never go on a name ("U.S. Two years ...", not "U.S. Border
Patrol")."""
_NUMBERISH = re.compile(
    rf"(?=[\d{''.join({word[0] for word in WORD_VALUES})}])"  # tried only where one may start
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:{'|'.join(WORD_VALUES)})\b)",
    re.I,
)

MAX_SENTENCE_CHARS = 1_000
"""Longest sentence the checker reads as one; a longer one is cut into windows."""
MAX_SENTENCE_NUMBERS = 32
"""Most numbers (digit runs or number words) in one sentence window."""
MAX_BLOCK_SENTENCES = 16
"""Most sentences (or windows) in one block; a longer paragraph continues as another."""
MAX_LIST_ITEMS = 200
"""Longest run of list items read as one list."""


@dataclass
class Plain:
    """Plain text and, for each of its characters, the offset in the original."""

    text: str
    origin: Sequence[int]
    source_length: int
    translated: bool = False
    """Whether words were read in place of the writer's (`yearbook.claims.language`): a longer
    word read for a shorter one maps some of its letters to one of the writer's."""

    def written(self, start: int, end: int) -> bool:
        """Whether plain[start:end] is the original's own text, in order: not words put in
        (a table's title said again with each of its cells) nor pieces run together. In a
        translated text, letters of one word read for another may share an offset; digits
        never do."""
        origin, text = self.origin, self.text
        for i in range(start, min(end, len(origin)) - 1):
            if origin[i] < origin[i + 1]:
                continue
            if (
                self.translated
                and origin[i] == origin[i + 1]
                and not (text[i].isdigit() or text[i + 1].isdigit())
            ):
                continue
            return False
        return True

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the plain span [start, end)."""
        if start >= len(self.origin):
            return self.source_length, self.source_length
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, last


@dataclass
class Block:
    """A heading, paragraph or list item of the plain text."""

    kind: str  # heading | paragraph | item
    start: int
    end: int
    level: int = 0
    sentences: list[tuple[int, int]] = field(default_factory=list)
    marker: tuple[int, int] | None = None


def count_numbers(text: str, stop: int) -> int:
    """How many numbers (digit groups or number words) the text holds, counting up to `stop`.

    >>> count_numbers("In FY 2023, 1,234 of 5.6 million, and two more.", 100)
    4
    """
    count = 0
    for count, _ in enumerate(_NUMBERISH.finditer(text), start=1):
        if count >= stop:
            break
    return count


def detect_format(text: str) -> str:
    """``html`` when the text looks like HTML, otherwise ``markdown`` (plain text included)."""
    head = text[:4000].lower()
    if re.search(r"<(html|body|p|div|h[1-6]|li|span|article)\b", head):
        return "html"
    return "markdown"


def to_plain(text: str, fmt: str) -> Plain:
    """Strip markup, keeping a map back to the original offsets."""
    if fmt == "html":
        plain = _from_html(text)
    elif fmt in ("markdown", "md"):
        plain = _from_markdown(text)
    else:
        plain = Plain(text, array("q", range(len(text))), len(text))
    return _unjoined(_unfused(plain))


_FUSED_ITEM_NUMBER = re.compile(r"(?m)^([ \t]*(?:[-*+\u2022][ \t]*)?)(\d{1,2})(?=[A-Z][A-Za-z])")
"""A list item's number run into its first word, as pages copied from numbered lists have
it ("- 1As of February, ...", "- 10ICE removed ..."): a list number, not a figure."""


_CURLY_YEAR = re.compile(r"(?<=\bFY)(\s?)[\u2018\u2019\u02bc](?=\d\d\b)")
"""A curly apostrophe cutting a fiscal year short ("FY\u201918"), read as a straight one."""


_FUSED_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?=\d{1,3}(?:,\d{3})+(?![\d,]))")
"""A year run into the grouped number after it, as a flattened table has its cells ("FY
2017226,119"): no number has five to seven digits before its first comma."""
_FUSED_WORDS = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2,})")
"""Two words run together where a flattened table lost the space between its cells ("Fiscal
YearRemovals")."""


def _unjoined(plain: Plain) -> Plain:
    """The plain text with a space put between cells a flattened table ran together (each
    space maps to the character before it, so no claim's text holds one)."""
    text = plain.text
    cuts = sorted(
        {m.end() for m in _FUSED_YEAR.finditer(text)}
        | {m.start() for m in _FUSED_WORDS.finditer(text)}
    )
    if not cuts:
        return plain
    chars: list[str] = []
    origin: array[int] = array("q")
    last = 0
    for cut in cuts:
        chars.append(text[last:cut])
        origin.extend(plain.origin[last:cut])
        chars.append(" ")
        origin.append(plain.origin[cut - 1])
        last = cut
    chars.append(text[last:])
    origin.extend(plain.origin[last:])
    return Plain("".join(chars), origin, plain.source_length)


def _unfused(plain: Plain) -> Plain:
    """The plain text with list numbers run into a line's first word blanked, and a curly
    apostrophe in a short fiscal year straightened ("FY\u201918"): offsets kept."""
    text = _FUSED_ITEM_NUMBER.sub(lambda m: m.group(1) + " " * len(m.group(2)), plain.text)
    text = _CURLY_YEAR.sub(r"\1'", text)
    return plain if text == plain.text else Plain(text, plain.origin, plain.source_length)


class Rewriting:
    """A plain text made from another: spans of it kept with their offsets in the original,
    and, by subclasses, words put in."""

    def __init__(self, plain: Plain) -> None:
        self.plain = plain
        self.chars: list[str] = []
        self.origin: array[int] = array("q")

    def keep(self, start: int, end: int) -> None:
        self.chars.append(self.plain.text[start:end])
        self.origin.extend(self.plain.origin[start:end])

    def done(self, translated: bool = False) -> Plain:
        return Plain(
            "".join(self.chars),
            self.origin,
            self.plain.source_length,
            translated or self.plain.translated,
        )


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: array[int] = array("q")

    def keep(self, text: str, start: int) -> None:
        self.chars.append(text)
        self.origin.extend(range(start, start + len(text)))

    def put(self, text: str, at: int) -> None:
        self.chars.append(text)
        self.origin.extend([at] * len(text))

    def done(self, length: int) -> Plain:
        return Plain("".join(self.chars), self.origin, length)


def _from_markdown(text: str) -> Plain:
    out = _Builder()
    pos = 0
    for match in _MD_LINK.finditer(text):
        _keep_unemphasised(out, text, pos, match.start())
        _keep_unemphasised(out, text, match.start(1), match.end(1))
        pos = match.end()
    _keep_unemphasised(out, text, pos, len(text))
    return out.done(len(text))


def _keep_unemphasised(out: _Builder, text: str, start: int, end: int) -> None:
    pos = start
    for match in _MD_EMPH.finditer(text, start, end):
        out.keep(text[pos : match.start()], pos)
        pos = match.end()
    out.keep(text[pos:end], pos)


def _dropped(text: str) -> list[tuple[int, int]]:
    """Spans of the elements `_HTML_DROP_OPEN` names, found in one pass.

    An element with no closing tag is not dropped (its tags are, like any tag); once
    a closing tag is known to be missing, later openings of the same name are skipped.
    """
    lower = text.lower()
    spans: list[tuple[int, int]] = []
    unclosed: set[str] = set()
    pos = 0
    while (match := _HTML_DROP_OPEN.search(text, pos)) is not None:
        name = match.group(1).lower()
        close = -1 if name in unclosed else lower.find(f"</{name}", match.end())
        end = lower.find(">", close) if close >= 0 else -1
        if end < 0:
            unclosed.add(name)
            pos = match.end()
            continue
        spans.append((match.start(), end + 1))
        pos = end + 1
    return spans


def _outside_main(text: str) -> list[tuple[int, int]]:
    """The spans before and after a page's ``<main>`` element, when it has one: a site's
    banner, menus and related links, not the page's own text."""
    opened = _HTML_MAIN.search(text)
    close = text.lower().rfind("</main") if opened else -1
    if opened is None or close < opened.end():
        return []
    return [(0, opened.end()), (close, len(text))]


def _from_html(text: str) -> Plain:
    out = _Builder()
    pos = 0
    rows = [0]  # rows of the table being read
    dropped = _dropped(text)
    main = _outside_main(text)
    if main:
        (_, first), (last, _) = main
        dropped = [main[0], *[(a, b) for a, b in dropped if first <= a and b <= last], main[1]]
    for a, b in [*dropped, (len(text), len(text))]:
        pos = _html_between(out, text, pos, a, rows)
        pos = max(pos, b)
    return out.done(len(text))


def _html_between(out: _Builder, text: str, start: int, end: int, rows: list[int]) -> int:
    """Text and tags of text[start:end] (no dropped element inside); returns where it stopped.

    A table's rows become lines of a pipe table, a rule under the first, so they are
    read as tables in Markdown are (`yearbook.claims.tables`)."""
    pos = start
    for match in _HTML_TOKEN.finditer(text, start, end):
        out.keep(_spaced(text[pos : match.start()]), pos)
        token = match.group()
        at = match.start()
        if token.startswith("&"):
            out.put(html.unescape(token), at)
        elif cell := _HTML_TABLE.fullmatch(token):
            _table_part(out, cell.group(1).lower(), token.startswith("</"), at, rows)
        elif _HTML_BLOCK.fullmatch(token):
            _block_break(out, token, at)
        pos = match.end()
    out.keep(_spaced(text[pos:end]), pos)
    return end


def _spaced(text: str) -> str:
    """HTML text with its line breaks as spaces: in HTML a line break in the source is a
    space, and only tags (``<p>``, ``<br>``, ``<li>``, ...) break lines."""
    return text.replace("\r", " ").replace("\n", " ")


def _table_part(out: _Builder, tag: str, closing: bool, at: int, rows: list[int]) -> None:
    if tag == "table":
        out.put("\n\n", at)
        rows[0] = 0
    elif tag in ("td", "th") and not closing:
        out.put(" | ", at)
    elif tag == "tr" and not closing:
        out.put("\n", at)
    elif tag == "tr":
        out.put(" |\n", at)
        rows[0] += 1
        if rows[0] == 1:
            out.put("|---|\n", at)


def _block_break(out: _Builder, token: str, at: int) -> None:
    name = re.match(r"</?(\w+)", token)
    tag = name.group(1).lower() if name else ""
    out.put("\n\n", at)
    if token.startswith("</"):
        return
    if tag == "li":
        out.put("- ", at)
    elif re.fullmatch(r"h[1-6]", tag):
        out.put("#" * int(tag[1]) + " ", at)


def segment(text: str) -> list[Block]:
    """Headings, paragraphs and list items, in order, with their sentences."""
    blocks: list[Block] = []
    para: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        stripped = text[start:end].strip()
        if not stripped:
            if not _broken(text, para):
                _close(blocks, para, text)
            continue
        heading = _HEADING.match(text, start, end)
        item = _LIST.match(text, start, end)
        if heading:
            _close(blocks, para, text)
            blocks.append(Block("heading", heading.end(), end, level=len(heading.group(1))))
        elif item:
            _close(blocks, para, text)
            blocks.append(Block("item", item.end(), end, marker=(start, item.end())))
        elif blocks and blocks[-1].kind == "item" and not para and line[:1] in " \t":
            blocks[-1].end = end
        else:
            if para and (
                _ENDS_SENTENCE.search(text, para[-1][0], para[-1][1])
                or _title_line(text, para, start)
            ):
                _close(blocks, para, text)  # a line that ends a sentence ends its paragraph
            para.append((start, end))
    _close(blocks, para, text)
    for block in blocks:
        block.sentences = sentence_spans(text, block.start, block.end)
    return _bounded(blocks)


_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]?\s*$")
_LEFT_OPEN = "a|an|the|and|or|but|of|to|in|on|at|for|by|from|with|than|its|their"
"""Small words no sentence ends on."""
_OPEN_END = re.compile(
    rf"(?:[,;:(\u2014\u2013-]|\b(?:{_LEFT_OPEN}|as|that|which|who|his|her|fiscal|year|percent|"
    r"per)\s*)$",
    re.I,
)
"""How a line ends that a wrapped sentence goes on from ("according to", "in fiscal")."""
_TITLE_WORDS = 16
_BROKEN_END = re.compile(rf"(?:,|\b(?:{_LEFT_OPEN})\s*)$", re.I)
"""How a paragraph ends that a blank line broke in the middle of a sentence ("during the fiscal
year that ended in" / "September, according to ...")."""


def _broken(text: str, para: list[tuple[int, int]]) -> bool:
    """Whether a blank line falls in the middle of the paragraph's last sentence: a
    paragraph of prose (not a title) whose last line is left open, which the next goes on."""
    if not para:
        return False
    body = text[para[0][0] : para[-1][1]]
    return len(body.split()) > _TITLE_WORDS and _BROKEN_END.search(body) is not None


def _title_line(text: str, para: list[tuple[int, int]], start: int) -> bool:
    """Whether the paragraph so far is one short line with no end mark, not left open, and
    the next line starts a sentence: a title or subtitle (with figures: "Arrests up 93% in
    2022"), not a wrapped line of prose."""
    if len(para) != 1:
        return False
    first = text[para[0][0] : para[0][1]].strip()
    nxt = text[start : start + 2].lstrip()
    return len(first.split()) <= _TITLE_WORDS and not _OPEN_END.search(first) and nxt[:1].isupper()


def _close(blocks: list[Block], para: list[tuple[int, int]], text: str) -> None:
    if not para:
        return
    start, end = para[0][0], para[-1][1]
    body = text[start:end].strip()
    looks_like_heading = (
        len(para) == 1
        and len(body.split()) <= 12
        and not re.search(r"[.!?:;,]$", body)
        and not re.search(r"\d", body)
        and body[:1].isupper()
    )
    kind = "heading" if looks_like_heading else "paragraph"
    blocks.append(Block(kind, start, end, level=2 if looks_like_heading else 0))
    para.clear()


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end], split after . ! ? before a capital or digit.

    A sentence longer than `MAX_SENTENCE_CHARS` or holding more than
    `MAX_SENTENCE_NUMBERS` numbers is not prose: it is cut into windows that are
    not, so no rule ever compares more than a window's numbers with each other.
    """
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        abbrev = _ABBREV.search(text, max(begin, match.start() - 6), match.start())
        if abbrev and not (
            abbrev.group().startswith("U.S") and _OPENER.match(text, match.end())
        ):  # "... from the U.S. Two years into ...": a sentence does end after "U.S."
            continue
        spans.extend(_windows(text, begin, match.start()))
        begin = match.end()
    if begin < end:
        spans.extend(_windows(text, begin, end))
    return spans


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while (cut := _cut(text, start, end)) < end:
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _cut(text: str, start: int, end: int) -> int:
    """Where the window starting at `start` ends: `end` unless it holds too much."""
    limit = min(end, start + MAX_SENTENCE_CHARS)
    for n, match in enumerate(_NUMBERISH.finditer(text, start, limit)):
        if n == MAX_SENTENCE_NUMBERS:
            return match.start()
    if limit == end:
        return end
    space = text.rfind(" ", start + 1, limit)
    return space if space > start else limit


def _bounded(blocks: list[Block]) -> list[Block]:
    """Blocks with at most `MAX_BLOCK_SENTENCES` sentences, lists of at most `MAX_LIST_ITEMS`.

    A longer block continues as paragraphs; a longer run of items is broken by an
    empty paragraph, so rules that look back through a block or a list stay bounded.
    """
    out: list[Block] = []
    run = 0
    for block in blocks:
        run = run + 1 if block.kind == "item" else 0
        if run > MAX_LIST_ITEMS:
            out.append(Block("paragraph", block.start, block.start))
            run = 1
        out.append(block)
        sentences = block.sentences
        if len(sentences) <= MAX_BLOCK_SENTENCES:
            continue
        block.sentences = sentences[:MAX_BLOCK_SENTENCES]
        block.end = block.sentences[-1][1]
        for i in range(MAX_BLOCK_SENTENCES, len(sentences), MAX_BLOCK_SENTENCES):
            part = sentences[i : i + MAX_BLOCK_SENTENCES]
            out.append(Block("paragraph", part[0][0], part[-1][1], sentences=part))
            run = 0
    return out
