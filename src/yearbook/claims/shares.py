"""Shares a text relates to its own numbers without "P of the W" wording.

* **Apposition**: "removed 265,000 people, representing over 30% of the
  680,000 encountered" states the share of a part (the count the share is
  set beside) in a whole (the count right after its "of"). Both must count
  like things (`yearbook.claims.counted`).
* **Complement**: "73.7% had convictions, 15.5% had pending cases, and only
  10.8% had neither" states the rest of a whole the shares before it split:
  100 less their sum. A complement is recognised by its words ("no", "none",
  "neither", "the rest", "the remaining", "other") and only supported, never
  contradicted: that the shares before it split one whole is rarely certain.
* **A share and its count**: "158,581 people, of which 87 percent, or about 138,000, had a
  record" states the share as a count too: the count over the whole before it. Only
  supported, never contradicted: which count is the whole is a guess.
* **Opposites**: "online sales rose from 39% in FY 2009 ..." and, later, "non-online
  sales fell from 61% in FY 2009": a share of those *without* what an earlier share of the
  same year counts is its rest. Only supported, never contradicted.
* **A split in two**: "68 percent came from one source rather than the other (32 percent)"
  states two shares of one whole that make it up: two shares of a sentence, and no more,
  whose sum can be 100%; the second is then the rest of the first. Only supported, never
  contradicted.

>>> from yearbook.claims.extract import extract_document
>>> from yearbook.claims.text import Plain
>>> text = "Of those, 60% had a record, 30% had a case and 10% had neither."
>>> doc = extract_document(Plain(text, list(range(len(text))), len(text)))
>>> [(doc.claims[i].text, low, high) for i, low, high in complements(doc)]
[('10%', 9.0, 11.0)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yearbook.claims.counted import comparable
from yearbook.claims.document import Claim, Document
from yearbook.claims.link import tokens
from yearbook.claims.wholes import noun
from yearbook.claims.years import POINTS_BACK

__all__ = [
    "apposed_pair",
    "complements",
    "counted_share",
    "dated_counts",
    "distant_pair",
    "opposites",
    "pointed_pair",
    "splits",
]

_OF_WHOLE = re.compile(r"\s*of\s+(?:the\s+|all\s+|those\s+|these\s+|some\s+)?$", re.I)
_BESIDE = re.compile(
    r"^[^.;]*?(?:,\s*|\(\s*|\s[\u2014\u2013-]\s*|\u2014)"
    r"(?:or|representing|accounting\s+for|making\s+up|comprising|which\s+(?:is|was|are|were)|"
    r"that\s+(?:is|was)|i\.e\.,?|some|about|around|roughly|nearly|almost|just|only|merely|"
    r"a\s+(?:mere|meager|paltry|scant|measly))?"
    r"(?:\s+(?:just\s+)?(?:over|under|about|around|roughly|nearly|almost|more\s+than|less\s+than|"
    r"some))?\s*$",
    re.I,
)
_REST = re.compile(
    r"\b(?:no|none|neither|nor|not|without|the\s+rest|the\s+remaining|remainder|other|others)\b",
    re.I,
)
_VALUES = ("count", "money", "weight")
_OR_COUNT = re.compile(
    r"\s*,?\s*(?:or|that\s+is|i\.e\.,?)\s+(?:(?:about|around|roughly|some|nearly|almost|"
    r"approximately|more\s+than|over|just\s+over|just\s+under)\s+)?$",
    re.I,
)
"""Between a share and the count it restates: "87 percent, or about 138,000"."""
_SHARES = ("percent", "share")
_LOOK_BACK = 200
"""How many claims back an opposite share is looked for (a bound on the work per claim)."""
_NON = re.compile(
    r"\bnon[-\s]?(?P<w>[a-z]{4,})|\bwithout\s+(?:any\s+|prior\s+|a\s+)?(?P<v>[a-z]{4,})", re.I
)
"""A share of those without something: "non-member sales", "without receipts"."""


def apposed_pair(doc: Document, share: Claim) -> tuple[Claim, Claim] | None:
    """(part, whole) of "P, representing S% of the W", or None."""
    claims = doc.in_sentence(share.sentence)
    after = [c for c in claims if c.start > share.end]
    if not after or after[0].kind not in _VALUES:
        return None
    whole = after[0]
    if not _OF_WHOLE.match(doc.text[share.end : whole.start]):
        return None
    before = [c for c in claims if c.end <= share.start]
    if not before or before[-1].kind != whole.kind:
        return None
    part = before[-1]
    if not _BESIDE.match(doc.text[part.end : share.start]):
        return None
    if not comparable(noun(doc, part), noun(doc, whole)):
        return None
    return part, whole


_OF_NAMED_WHOLE = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?:(?:previous|prior|last|earlier|former|all-time|record)\s+)?"
    r"(?:(?:low|high|peak|record|total|level|number|figure|count)\s+(?:of\s+)?)?$",
    re.I,
)
"""Between a share and its whole, which the text may name ("of the previous low of")."""


def pointed_pair(doc: Document, share: Claim) -> tuple[Claim, Claim] | None:
    """(part, whole) of "Just 59,000 were sold. That is about one-third of the previous low
    of 175,100": a share whose sentence points back to the value before it and states no
    value of its own before it; its part is the last value of the sentence before, or None."""
    if share.sentence == 0:
        return None
    _, s_start, _ = doc.sentences[share.sentence]
    if not POINTS_BACK.match(doc.text, s_start):
        return None
    claims = doc.in_sentence(share.sentence)
    if any(c.end <= share.start for c in claims):
        return None
    after = [c for c in claims if c.start > share.end]
    if not after or after[0].kind not in _VALUES:
        return None
    whole = after[0]
    if not _OF_NAMED_WHOLE.match(doc.text[share.end : whole.start]):
        return None
    before = [
        c for c in doc.in_sentence(share.sentence - 1) if c.kind == whole.kind and c.role != "prior"
    ]
    if not before or not comparable(noun(doc, before[-1]), noun(doc, whole)):
        return None
    return before[-1], whole


_WHOLE_NOUN = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?:total\s+|overall\s+)?(?:number\s+of\s+)?(?P<w>[a-z]{4,})",
    re.I,
)
"""After a share: the noun of its whole ("56% of the total sales")."""


def dated_counts(doc: Document) -> dict[int, list[Claim]]:
    """The counts of a text whose sentences give their fiscal year, by that year."""
    out: dict[int, list[Claim]] = {}
    for c in doc.claims:
        if c.kind == "count" and c.fiscal_year is not None and c.year_given and c.role != "prior":
            out.setdefault(c.fiscal_year, []).append(c)
    return out


def distant_pair(
    doc: Document, share: Claim, dated: dict[int, list[Claim]]
) -> tuple[Claim, Claim] | None:
    """The one part and whole, stated apart from the share in other sentences of its text,
    that give it: "In FY 2019 the office sold 267,258 permits", "... 150,141 permits to
    firms", and later "Permits sold to firms in 2019 were 56% of the total sales". The
    whole is a count of its year linked to a metric named like the share's whole noun; the
    part, a smaller count of that year whose sentence shares a word with the share's that
    the whole's lacks. Only a share given with its year; ``dated`` is `dated_counts`."""
    whole_noun = _WHOLE_NOUN.match(doc.text, share.end)
    if share.kind != "share" or not share.year_given or whole_noun is None:
        return None
    stem = tokens(whole_noun.group("w"))[0][:5]
    _, s_start, _ = doc.sentences[share.sentence]
    said = set(tokens(doc.text[s_start : share.start]))
    year = share.fiscal_year
    counts = [c for c in dated.get(year, []) if c.sentence != share.sentence] if year else []
    stems: dict[int, set[str]] = {}  # each sentence's stems, read once

    def of(sentence: int) -> set[str]:
        if sentence not in stems:
            stems[sentence] = set(tokens(doc.sentence_text(sentence)))
        return stems[sentence]

    found = []
    for whole in counts:
        if whole.metric is None or stem not in whole.metric or not whole.value:
            continue
        for part in counts:
            if (
                part.value >= whole.value
                or part.sentence == whole.sentence
                or not share.interval.contains(100.0 * part.value / whole.value)
            ):
                continue
            if any(len(w) > 3 and w not in of(whole.sentence) for w in of(part.sentence) & said):
                found.append((part, whole))
    return found[0] if len({(p.value, w.value) for p, w in found}) == 1 else None


def complements(doc: Document) -> Iterator[tuple[int, float, float]]:
    """(claim, low, high) for each share that its words make the rest of the shares before
    it (in its sentence and the one before), with the range 100 less their sum allows."""
    for claim in doc.claims:
        if claim.kind not in ("percent", "share"):
            continue
        start, end = doc.stretch(claim)
        if not _REST.search(doc.text, start, end):
            continue
        shares = [
            c
            for c in doc.in_sentence(claim.sentence - 1) + doc.in_sentence(claim.sentence)
            if c.index < claim.index
            and c.block == claim.block
            and c.kind in ("percent", "share")
            and c.fiscal_year == claim.fiscal_year
        ]
        if not shares:
            continue
        low = 100.0 - sum(c.interval.high for c in shares)
        high = 100.0 - sum(c.interval.low for c in shares)
        if high > 0:
            yield claim.index, low, high


def counted_share(doc: Document, share: Claim) -> tuple[Claim, Claim] | None:
    """(part, whole) of "W ..., P%, or N": the count right after the share over the last
    like count before it in its sentence, or None."""
    claims = doc.in_sentence(share.sentence)
    after = [c for c in claims if c.start >= share.end]
    if not after or after[0].kind not in _VALUES:
        return None
    part = after[0]
    if not _OR_COUNT.match(doc.text[share.end : part.start]):
        return None
    before = [c for c in claims if c.end <= share.start and c.kind == part.kind]
    if not before or before[-1].value <= part.value:
        return None
    return part, before[-1]


def splits(doc: Document) -> Iterator[tuple[int, Claim]]:
    """(claim, other) for the second of two shares of a sentence, and no more, that can sum to
    100% (each within what it is written as): a whole split in two, the second the rest."""
    for sentence in range(len(doc.sentences)):
        shares = [
            c
            for c in doc.in_sentence(sentence)
            if c.kind in _SHARES and c.role != "prior" and not c.qualifier
        ]
        if len(shares) != 2:
            continue
        a, b = shares
        low = a.interval.low + b.interval.low
        high = a.interval.high + b.interval.high
        if low <= 100.0 <= high and min(a.value, b.value) > 0:
            yield b.index, a


def opposites(doc: Document) -> Iterator[tuple[int, Claim]]:
    """(claim, other) for a share of those without something ("non-member") and the one
    earlier share of its year, named with that word and not negated, whose rest it can be."""
    text = doc.text
    for claim in doc.claims:
        if claim.kind not in _SHARES or claim.fiscal_year is None or not claim.year_given:
            continue
        _, s_start, _ = doc.sentences[claim.sentence]
        found = _NON.search(text, s_start, claim.start)
        if found is None:
            continue
        word = (found.group("w") or found.group("v")).lower()
        named = re.compile(rf"(?<![\w-]){re.escape(word)}\b", re.I)
        rests = []
        for other in doc.claims[max(0, claim.index - _LOOK_BACK) : claim.index]:
            if other.kind not in _SHARES or other.fiscal_year != claim.fiscal_year:
                continue
            _, o_start, _ = doc.sentences[other.sentence]
            head = text[o_start : other.start]
            if not named.search(head) or _NON.search(head):
                continue
            low, high = 100.0 - other.interval.high, 100.0 - other.interval.low
            if claim.interval.low <= high and low <= claim.interval.high:
                rests.append(other)
        if len(rests) == 1:
            yield claim.index, rests[0]
