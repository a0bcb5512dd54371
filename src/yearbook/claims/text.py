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
from dataclasses import dataclass, field

__all__ = ["Block", "Plain", "detect_format", "segment", "sentence_spans", "to_plain"]

_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|`)")
_HTML_DROP = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.S | re.I)
_HTML_BLOCK = re.compile(
    r"</?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|dt|dd)\b[^>]*>",
    re.I,
)
_LIST = re.compile(r"^[ \t]*(?:[-*+•·▪◦]|\d{1,3}[.)])[ \t]+", re.M)
_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]*[A-Z0-9$])")
_ABBREV = re.compile(r"(?:\b(?:U\.S|Mr|Ms|Dr|No|vs|St|Jr|Sr|Inc|Co|e\.g|i\.e|approx)|\b[A-Z])\.$")


@dataclass
class Plain:
    """Plain text and, for each of its characters, the offset in the original."""

    text: str
    origin: list[int]
    source_length: int

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


def detect_format(text: str) -> str:
    """``html`` when the text looks like HTML, otherwise ``markdown`` (plain text included)."""
    head = text[:4000].lower()
    if re.search(r"<(html|body|p|div|h[1-6]|li|span|article)\b", head):
        return "html"
    return "markdown"


def to_plain(text: str, fmt: str) -> Plain:
    """Strip markup, keeping a map back to the original offsets."""
    if fmt == "html":
        return _from_html(text)
    if fmt in ("markdown", "md"):
        return _from_markdown(text)
    return Plain(text, list(range(len(text))), len(text))


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: list[int] = []

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


def _from_html(text: str) -> Plain:
    out = _Builder()
    pos = 0
    dropped = [(m.start(), m.end()) for m in _HTML_DROP.finditer(text)]
    for match in re.finditer(r"<[^>]+>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);", text):
        if any(a <= match.start() < b for a, b in dropped):
            continue
        _keep_text(out, text, pos, match.start(), dropped)
        token = match.group()
        if token.startswith("&"):
            out.put(html.unescape(token), match.start())
        elif _HTML_BLOCK.fullmatch(token):
            name = re.match(r"</?(\w+)", token)
            tag = name.group(1).lower() if name else ""
            closing = token.startswith("</")
            out.put("\n\n", match.start())
            if not closing and tag == "li":
                out.put("- ", match.start())
            elif not closing and re.fullmatch(r"h[1-6]", tag):
                out.put("#" * int(tag[1]) + " ", match.start())
        pos = match.end()
    _keep_text(out, text, pos, len(text), dropped)
    return out.done(len(text))


def _keep_text(
    out: _Builder, text: str, start: int, end: int, dropped: list[tuple[int, int]]
) -> None:
    pos = start
    for a, b in dropped:
        if b <= pos or a >= end:
            continue
        out.keep(text[pos:a], pos)
        pos = max(pos, b)
    if pos < end:
        out.keep(text[pos:end], pos)


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
            para.append((start, end))
    _close(blocks, para, text)
    for block in blocks:
        block.sentences = sentence_spans(text, block.start, block.end)
    return blocks


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
    """Sentences of text[start:end], split after . ! ? before a capital or digit."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREV.search(text, max(begin, match.start() - 6), match.start()):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    if begin < end:
        spans.append((begin, end))
    return spans
