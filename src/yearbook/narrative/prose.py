"""Rendered prose and the parts of it that variables supplied as text.

A template writes two kinds of text: its own words and the numbers its figure
functions write, which the build's self-check reads as claims, and text a
variable supplies -- a submitted list item, a breakdown label, a month -- which
it must not ("Title 42", "3 offices" are names, not figures). `Prose` is the
rendered Markdown with the spans of the second kind (`Prose.supplied`);
`Prose.plain` is its text without links, as the self-check reads it, with the
spans moved to that text.

Inside a rendering only, supplied text is fenced by two Unicode noncharacters
(`OPEN`, `CLOSE`: never part of interchanged text, and removed from every
supplied value first); `Prose.from_marked` takes them out and keeps their
places as spans, so no Markdown written anywhere carries them.

>>> p = Prose.from_marked("In [\\ufdd0Title 42\\ufdd1](figures/x.html), 5 ...")
>>> p.markdown
'In [Title 42](figures/x.html), 5 ...'
>>> text, spans = p.plain()
>>> [text[a:b] for a, b in spans]
['Title 42']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["CLOSE", "OPEN", "Prose", "Span", "strip_links", "unmarked"]

OPEN = "\ufdd0"
"""Where text a variable supplied starts, inside a rendering."""
CLOSE = "\ufdd1"
"""Where it ends."""

Span = tuple[int, int]
"""``[start, end)`` offsets into a text."""

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_TOKEN = re.compile(r"\\(?P<char>[!-/:-@\[-`{-~])|\[(?P<label>(?:\\.|[^\]\\])*)\]\([^)]*\)")
"""An escaped punctuation character, or a link: read left to right, so an escaped
bracket never opens a link."""
_MARKS = re.compile(f"[{OPEN}{CLOSE}]")


def strip_links(markdown: str) -> str:
    r"""The prose as plain text: without its figure links (``[170,590](figures/...)`` ->
    ``170,590``) and without the backslashes that escape Markdown punctuation.

    >>> strip_links(r"\[a\] [1\*](figures/x.html) \[[2](figures/y.html)")
    '[a] 1* [2'
    """
    return _TOKEN.sub(_plain, markdown)


def _plain(token: re.Match[str]) -> str:
    char = token.group("char")
    return char if char is not None else _ESCAPED.sub(r"\1", token.group("label"))


def unmarked(text: str) -> str:
    """``text`` without the marks (a supplied value cannot fence itself)."""
    return _MARKS.sub("", text)


def _spans(marked: str) -> tuple[str, tuple[Span, ...]]:
    """The text without its marks, and the spans they fenced (an unclosed one runs to the
    end; a mark inside an open span, or a close without an open, is dropped)."""
    out: list[str] = []
    spans: list[Span] = []
    size, at, start = 0, 0, -1
    for found in _MARKS.finditer(marked):
        out.append(marked[at : found.start()])
        size += found.start() - at
        at = found.end()
        if found.group() == OPEN:
            start = size if start < 0 else start
        elif start >= 0:
            if size > start:
                spans.append((start, size))
            start = -1
    out.append(marked[at:])
    size += len(marked) - at
    if 0 <= start < size:
        spans.append((start, size))
    return "".join(out), tuple(spans)


@dataclass(frozen=True)
class Prose:
    """Markdown, and the spans of it that variables supplied as text."""

    markdown: str
    supplied: tuple[Span, ...] = ()

    @classmethod
    def from_marked(cls, marked: str) -> Prose:
        """Prose from a rendering whose supplied text is fenced by `OPEN` and `CLOSE`."""
        text, spans = _spans(marked)
        return cls(text, spans)

    def marked(self) -> str:
        """The Markdown with its supplied spans fenced again (for a step that moves text)."""
        cuts = sorted({*(a for a, _ in self.supplied), *(b for _, b in self.supplied)})
        opens = {a for a, _ in self.supplied}
        closes = {b for _, b in self.supplied}
        out, at = [], 0
        for cut in cuts:
            out.append(self.markdown[at:cut])
            out.append((CLOSE if cut in closes else "") + (OPEN if cut in opens else ""))
            at = cut
        out.append(self.markdown[at:])
        return "".join(out)

    def plain(self) -> tuple[str, tuple[Span, ...]]:
        """The text as the self-check reads it (`strip_links`) and the supplied spans in it."""
        return _spans(strip_links(self.marked()))

    def strip(self) -> Prose:
        """Without leading and trailing white space (the spans moved with the text)."""
        lead = len(self.markdown) - len(self.markdown.lstrip())
        text = self.markdown.strip()
        spans = ((max(a - lead, 0), min(b - lead, len(text))) for a, b in self.supplied)
        return Prose(text, tuple((a, b) for a, b in spans if b > a))

    def __add__(self, other: Prose | str) -> Prose:
        other = other if isinstance(other, Prose) else Prose(other)
        shift = len(self.markdown)
        moved = tuple((a + shift, b + shift) for a, b in other.supplied)
        return Prose(self.markdown + other.markdown, self.supplied + moved)

    def __radd__(self, other: str) -> Prose:
        return Prose(other) + self

    @staticmethod
    def join(parts: Iterable[Prose | str], sep: str = "\n") -> Prose:
        """The parts one after the other, ``sep`` between them (as `str.join`)."""
        out = Prose("")
        for n, part in enumerate(parts):
            out = out + part if n == 0 else out + sep + part
        return out

    @staticmethod
    def covers(spans: Sequence[Span], at: int) -> bool:
        """Whether offset ``at`` lies inside one of ``spans``."""
        return any(a <= at < b for a, b in spans)
