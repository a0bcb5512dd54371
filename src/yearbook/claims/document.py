"""The claims of one text and the text they were found in."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from yearbook.claims.numbers import Interval
from yearbook.claims.text import Block, Plain

__all__ = ["Claim", "Document"]


@dataclass
class Claim:
    """One numeric claim found in the plain text (offsets into the plain text)."""

    index: int
    text: str
    start: int
    end: int
    kind: str
    value: float
    interval: Interval
    qualifier: str = ""
    fiscal_year: int | None = None
    base_year: int | None = None
    base_span: tuple[int, int] | None = None  # a change against the mean of these years
    role: str = ""  # "prior" for "up from X", "compared to X"
    direction: int = 0
    block: int = 0
    sentence: int = 0
    number_start: int = 0
    number_end: int = 0
    list_items: int | None = None
    list_inclusive: bool = False
    metric: str | None = None
    breakdown: str = ""
    breakdown_value: str = ""
    link_reason: str = ""
    office: str | None = None  # the office its sentence or section names
    link_words: tuple[str, ...] = ()
    runner_up: str = ""
    reads_like: str | None = None  # the most relevant metric, when value linking chose none
    no_contradiction: str = ""  # why figures may support this claim but never contradict it
    figure_checks: list[tuple[str, str, str, float | None]] = field(default_factory=list)
    """Checks against figures made while linking: (rule, verdict, reason, expected)."""
    year_given: bool = False  # its sentence names its year (not carried from the paragraph)
    year_source: str = ""  # where its year came from: sentence, paragraph, heading, document,
    # relative ("last year"), or "figures" when only the data could tell
    span: tuple[int, int | None] | None = None  # its span of years: (first, last) or (count, None)
    each: bool = False  # it is said of each year of its span ("over 140,000 in each of them")
    some: tuple[tuple[int, int], ...] = ()  # periods it is said of some year of ("topped
    # 300,000 in some years under Smith"; "under both Smith and Jones, often over 300,000")
    year_note: str = ""  # why the claim has no fiscal year (a calendar year, a span)
    calendar: tuple[int, int | None] | None = None  # the fiscal and base year its calendar
    # year would give, tried only where a figure of that fiscal year states the number
    dated: str = ""  # why that reading comes from the text's date (or a report's), not a year
    # it names
    now_stated: int | None = None  # a change of a year no figure gives: the index of the
    # claim that states that year's value, which it is measured from
    part: tuple[int, str] | None = None  # the fiscal year a part of a year it is about lies
    # in, and the words that name the part ("after February 18")
    complement: bool = False  # a share of those without what its metric counts ("no record")
    difference: int = 0  # +1 "N more ... than", -1 "N fewer ... than": a change on a year


@dataclass
class Document:
    """The plain text, its blocks and sentences, and the claims found in it."""

    plain: Plain
    blocks: list[Block]
    sentences: list[tuple[int, int, int]]  # (block, start, end)
    claims: list[Claim] = field(default_factory=list)
    default_year: int | None = None
    years_named: set[int] = field(default_factory=set)  # every fiscal year the text names
    _matches: dict[int, tuple[re.Pattern[str], list[int], list[re.Match[str]]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def text(self) -> str:
        return self.plain.text

    def sentence_text(self, index: int) -> str:
        _, start, end = self.sentences[index]
        return self.plain.text[start:end]

    def in_sentence(self, index: int) -> list[Claim]:
        """The claims of one sentence, in text order."""
        return self._by_sentence.get(index, [])

    def stretch(self, claim: Claim) -> tuple[int, int]:
        """The claim's own stretch of its sentence: from the end of the claim before it to the
        start of the one after (or the sentence's ends)."""
        _, start, end = self.sentences[claim.sentence]
        others = self.in_sentence(claim.sentence)
        start = max([c.end for c in others if c.end <= claim.start], default=start)
        end = min([c.start for c in others if c.start >= claim.end], default=end)
        return start, end

    def found(self, pattern: re.Pattern[str], start: int, end: int) -> list[re.Match[str]]:
        """The matches of ``pattern`` that lie in ``text[start:end]``, in text order.

        The whole text is searched once per pattern: the checker asks the same question of
        each claim's sentence, and searching every sentence again for every claim in it was
        a tenth of a long check."""
        kept = self._matches.get(id(pattern))  # by identity: hashing a pattern hashes its
        if kept is None or kept[0] is not pattern:  # whole compiled program, every time
            found = list(pattern.finditer(self.plain.text))
            kept = self._matches[id(pattern)] = (pattern, [m.start() for m in found], found)
        _, starts, matches = kept
        first = bisect_left(starts, start)
        stop = bisect_left(starts, end, lo=first)
        return [m for m in matches[first:stop] if m.end() <= end]

    def first(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        """The first of `found`, or None."""
        found = self.found(pattern, start, end)
        return found[0] if found else None

    def in_block(self, index: int) -> list[Claim]:
        """The claims of one block, in text order."""
        return self._by_block.get(index, [])

    def index(self) -> None:
        """Build the lookups by sentence and block (after the claims are found)."""
        self._by_sentence: dict[int, list[Claim]] = {}
        self._by_block: dict[int, list[Claim]] = {}
        for claim in self.claims:
            self._by_sentence.setdefault(claim.sentence, []).append(claim)
            self._by_block.setdefault(claim.block, []).append(claim)
