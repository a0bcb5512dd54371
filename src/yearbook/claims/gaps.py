"""Differences a text states between two of its own numbers: "a difference of over 5,500".

A count worded as a difference ("a difference of", "a gap of", "an increase of 839 people")
is checked against the two like counts right before it, in its sentence or the one before in
its paragraph: the difference of their intervals. So is a change "by" a count "to" a value
("was 34,000 ... will reduce that by 9,000 to 25,000"), against the value before it and the
one it goes to. It may support, never contradict: which two numbers a difference is between
is read from their order, not their words.

>>> from yearbook.claims.extract import extract_document
>>> from yearbook.claims.text import to_plain
>>> text = "In June it held 44,701. It held 39,192 in October, a difference of over 5,500."
>>> doc = extract_document(to_plain(text, "md"))
>>> [(doc.claims[f.claim].text, f.verdict) for f in gap_findings(doc)]
[('over 5,500', 'supported')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yearbook.claims.counted import comparable
from yearbook.claims.document import Claim, Document
from yearbook.claims.findings import Finding
from yearbook.claims.numbers import Interval
from yearbook.claims.verify import as_written
from yearbook.claims.wholes import noun

__all__ = ["gap_findings"]

_GAP_BEFORE = re.compile(
    r"\b(?:a\s+|an\s+|the\s+)?(?:net\s+)?(?:difference|gap|increase|decrease|rise|drop|fall|"
    r"decline|jump|gain|loss)\s+of\s+(?:(?:about|roughly|some|nearly|almost|over|more\s+than|"
    r"just)\s+)?$",
    re.I,
)
"""Before a count worded as a difference: "a difference of", "an increase of 839 people"."""
_KINDS = ("count", "money", "weight")


def _values(doc: Document, claim: Claim) -> list[Claim]:
    return [
        c
        for s in (claim.sentence - 1, claim.sentence)
        for c in doc.in_sentence(s)
        if c.block == claim.block and c.end <= claim.start and _family(c) == _family(claim)
    ]


def _family(claim: Claim) -> str:
    return "count" if claim.kind in ("count", "average") else claim.kind


def gap_findings(doc: Document) -> Iterator[Finding]:
    """Each stated difference that the two numbers before it bear out."""
    for claim in doc.claims:
        if claim.kind not in _KINDS:
            continue
        _, s_start, _ = doc.sentences[claim.sentence]
        values = _by_to(doc, claim)
        if not values and not _GAP_BEFORE.search(
            doc.text, max(s_start, claim.start - 30), claim.start
        ):
            continue
        values = values or _values(doc, claim)[-2:]
        if len(values) != 2 or not comparable(noun(doc, values[0]), noun(doc, values[1])):
            continue
        a, b = values
        size = abs(a.value - b.value)
        slack = _width(a) + _width(b)
        gap = Interval(max(0.0, size - slack), size + slack)
        stated = as_written(claim) or claim.interval
        if stated.overlaps(gap) or claim.interval.overlaps(gap):
            reason = f"{a.text} and {b.text} differ by {size:,.0f}, inside {stated.text()}"
            yield Finding(claim.index, "supported", "gap", reason, size)


_BY = re.compile(
    r"\bby\s+(?:(?:about|roughly|some|nearly|almost|over|more\s+than|just)\s+)?$", re.I
)
_TO = re.compile(r"\s+to\s+(?:(?:about|roughly|some|nearly|almost|just|only)\s+)?", re.I)


def _by_to(doc: Document, claim: Claim) -> list[Claim]:
    """For a change "by" a count "to" a value ("the ADP was 34,000 ... reduce that ADP by 9,000
    to 25,000"), the value before it and the one it goes to; else none."""
    _, s_start, _ = doc.sentences[claim.sentence]
    if not _BY.search(doc.text, max(s_start, claim.start - 20), claim.start):
        return []
    after = [c for c in doc.in_sentence(claim.sentence) if c.start >= claim.end][:1]
    before = _values(doc, claim)[-1:]
    if not after or not before or not _TO.fullmatch(doc.text, claim.end, after[0].start):
        return []
    if _family(after[0]) != _family(claim):
        return []
    return [before[0], after[0]]


def _width(claim: Claim) -> float:
    """How far the true value may be from the number as written."""
    iv = claim.interval
    return max(abs(iv.high - claim.value), abs(claim.value - iv.low))
