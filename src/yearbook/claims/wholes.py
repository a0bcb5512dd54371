"""Parts and their whole, by wording: "P of the W", "Of the W ..., P", "W, including P".

A part and a whole relate only when they count like things in the same year
(`yearbook.claims.counted`): "140,000 in each of the three years" is no part
of anything, and 44,000 people are no part of 180 countries. A part larger
than its whole is contradicted; one within it is noted, which supports nothing
on its own. "The other N" after a whole and a part is supported when it is the
whole less the part (`remainders`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from yearbook.claims.counted import comparable, counted_noun
from yearbook.claims.document import Claim, Document
from yearbook.claims.findings import Finding
from yearbook.claims.numbers import Interval
from yearbook.claims.verify import as_written

__all__ = ["noun", "parts_findings", "remainders", "worded_pairs"]

_OF_BETWEEN = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}?(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|all\s+|its\s+|their\s+)?$",
    re.I,
)
_OF_LEAD = re.compile(r"(?:^|[,;]\s*)(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+|all\s+)?$", re.I)
_LIST_END = re.compile(
    r";|\b(?:while|whereas|but|as\s+well\s+as)\b"
    r"|,\s*(?:had|has|have|was|were|is|are|will|would)\b"  # ", had been arrested": its verb
    r"|\b(?:for|to|making|bringing\s+\w+\s+to)\s+a\s+(?:combined\s+|grand\s+)?total\b"
    r"|\b(?:totaling|totalling|in\s+total)\b",  # ", for a total of 249,435": a total, no part
    re.I,
)
_INCLUDING = re.compile(r"\b(?:including|among\s+them)\s+", re.I)
_CLAUSE_START = re.compile(r"[;:\u2014\u2013]|\s-\s|\b(?:while|whereas|but)\b", re.I)
_OF_WHOM = re.compile(r"\s+of\s+(?:whom|which|them|those)\b", re.I)
_COMMA_ONLY = re.compile(
    r"^[^,.;:]*,\s*(?:and\s+|with\s+|including\s+)?(?:(?:some|about|nearly|over|more\s+than|almost)\s+)?$",
    re.I,
)
_EACH = re.compile(r"\b(?:each|every|any|per)\b", re.I)
_JOINED = re.compile(r"\b(?:and|or)\b|,", re.I)
"""Between "4,214 cases and the review of 1,800": the "of" is another noun's."""


def noun(doc: Document, claim: Claim) -> str | None:
    """The noun the claim's number counts (`counted_noun`), within its sentence."""
    _, _, s_end = doc.sentences[claim.sentence]
    return counted_noun(doc.text[claim.end : min(s_end, claim.end + 60)])


def _alike(doc: Document, part: Claim, whole: Claim) -> bool:
    """Whether a part and a whole may count the same thing in the same year."""
    years = (part.fiscal_year, whole.fiscal_year)
    if None not in years and years[0] != years[1]:
        return False
    return part.kind == whole.kind and comparable(noun(doc, part), noun(doc, whole))


def worded_pairs(doc: Document) -> Iterator[tuple[Claim, Claim]]:
    """(part, whole) pairs stated by wording: "P of the W", "Of the W ..., P", "W, P of whom".

    "140,000 in each of the three years" is no part of anything: a distributive
    "each of" relates no part to a whole, and neither do counts of unlike things.
    """
    text = doc.text
    for sentence in range(len(doc.sentences)):
        claims = [c for c in doc.in_sentence(sentence) if c.kind in ("count", "money", "weight")]
        whole_of: dict[int, Claim] = {}  # a part "of whom" -> its whole
        for a, b in itertools.pairwise(claims):
            between = text[a.end : b.start]
            if (
                _OF_BETWEEN.match(between)
                and not _EACH.search(between)
                and not _JOINED.search(between)
                and not _CLAUSE_START.search(between)  # "8,022 were sold while none of three"
                and _alike(doc, a, b)
            ):
                yield a, b
            elif _OF_WHOM.match(text, b.end) and _COMMA_ONLY.match(between):
                whole = whole_of.get(a.index, a)  # "W, P1 of which ..., and P2 of which"
                if _alike(doc, b, whole):
                    whole_of[b.index] = whole
                    yield b, whole  # "7,110 people, 1,919 of whom were minors"
        if len(claims) >= 2:
            _, s_start, _ = doc.sentences[sentence]
            first = claims[0]
            if _OF_LEAD.search(text[s_start : first.start]) and _alike(doc, claims[1], first):
                yield claims[1], first


def parts_findings(doc: Document) -> Iterator[Finding]:
    """Every part against its whole: by wording, after "including", and list categories."""
    for part, whole in worded_pairs(doc):
        yield _part_finding(part, whole)
    yield from _including(doc)
    yield from _categories(doc)


def _part_finding(part: Claim, whole: Claim) -> Finding:
    if part.interval.low > whole.interval.high:
        return Finding(
            part.index,
            "contradicted",
            "parts",
            f"the part {part.text} is larger than its whole {whole.text}",
            whole.value,
        )
    return Finding(
        part.index,
        "supported",
        "parts",
        f"the part {part.text} is within its whole {whole.text}",
        whole.value,
    )


def _including(doc: Document) -> Iterator[Finding]:
    """ "7,110 people, including 1,919 minors": the parts named after "including".

    The whole is a like count of the clause before "including" ("142,580 immigrants
    to about 180 countries, including 44,000 ..." has 142,580 as its whole, never
    the 180 countries). When several numbers could be the whole, a part is
    contradicted only if it is larger than every one of them.
    """
    text = doc.text
    for sentence, (_, s_start, s_end) in enumerate(doc.sentences):
        claims = [c for c in doc.in_sentence(sentence) if c.kind in ("count", "money", "weight")]
        for match in _INCLUDING.finditer(text, s_start, s_end):
            wholes = [
                w
                for w in _clause_before(doc, claims, s_start, match.start())
                if not _HAD.search(text, w.end, match.start())
            ]  # "the 143,000 people had records or cases, including 74,000 for theft": the cases'
            stop = _LIST_END.search(text, match.end(), s_end)
            end = stop.start() if stop else s_end
            after = [c for c in claims if match.end() <= c.start < end]
            yield from _included(doc, wholes, after)


_HAD = re.compile(r"\b(?:had|has|have|having)\s+(?!been\b)[a-z]", re.I)
"""After a whole and before "including": what the whole had, of which the list is parts."""


def _clause_before(doc: Document, claims: list[Claim], s_start: int, at: int) -> list[Claim]:
    """The counts of the clause that ends with a comma just before ``at``."""
    text = doc.text
    if not text[s_start:at].rstrip().endswith(","):
        return []
    begin = s_start
    for found in _CLAUSE_START.finditer(text, s_start, at):
        begin = found.end()
    earlier = _INCLUDING.search(text, begin, at)
    while earlier:
        begin = earlier.end()
        earlier = _INCLUDING.search(text, begin, at)
    return [c for c in claims if begin <= c.start and c.end <= at]


def _included(doc: Document, wholes: list[Claim], parts: list[Claim]) -> Iterator[Finding]:
    fits = {p.index: [w for w in wholes if _alike(doc, p, w)] for p in parts}
    parts = [p for p in parts if fits[p.index]]
    for part in parts:
        holding = [w for w in fits[part.index] if part.interval.low <= w.interval.high]
        yield _part_finding(part, (holding or fits[part.index])[0])
    if len(parts) < 2:
        return
    common = [w for w in wholes if all(w in fits[p.index] for p in parts)]
    low = sum(p.interval.low for p in parts)
    if common and all(low > w.interval.high for w in common):
        names = " + ".join(p.text for p in parts)
        yield Finding(
            common[0].index,
            "contradicted",
            "parts",
            f"its parts {names} add up to more than {common[0].text}",
            low,
        )


def _categories(doc: Document) -> Iterator[Finding]:
    items = [c for c in doc.claims if c.breakdown and doc.blocks[c.block].kind == "item"]
    for part in items:
        lead = part.block
        while lead > 0 and doc.blocks[lead].kind == "item":
            lead -= 1
        wholes = [
            c
            for c in doc.in_block(lead)
            if c.metric == part.metric
            and not c.breakdown
            and c.index < part.index
            and c.fiscal_year == part.fiscal_year
            and c.kind == part.kind
        ]
        if wholes:
            yield _part_finding(part, wholes[-1])


_REMAINDER = re.compile(
    r"\bthe\s+(?:other|remaining|rest(?:\s+of\s+(?:the|them|those))?|balance|remainder)\s*,?\s*$",
    re.I,
)


def remainders(doc: Document) -> Iterator[tuple[int, float, str]]:
    """(claim, expected, reason) for each "the other N" / "the remaining N" that is a whole
    less a part, both stated in its sentence or the two before it, of like things."""
    for claim in doc.claims:
        if claim.kind not in ("count", "money", "weight"):
            continue
        if not _REMAINDER.search(doc.text, max(0, claim.start - 40), claim.start):
            continue
        near = [
            c
            for s in range(claim.sentence - 2, claim.sentence + 1)
            for c in doc.in_sentence(s)
            if c.index < claim.index and c.kind == claim.kind and _alike(doc, claim, c)
        ]
        for whole, part in itertools.permutations(near, 2):
            rest = whole.value - part.value
            if rest > 0 and _loose(claim).contains(rest):
                yield claim.index, rest, f"{whole.text} less {part.text} is {rest:,.0f}"
                break


def _loose(claim: Claim) -> Interval:
    written = as_written(claim)
    return claim.interval if written is None else written
