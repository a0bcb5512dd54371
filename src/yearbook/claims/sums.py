"""A total that is the sum of the text's own counts: "223 in three years" and, further on,
"121 in 2020, 56 in 2021 and 46 in 2022"; "21,007 in custody. Of these, 20,785 ... and 222
...".

A count is borne out when a run of two or more like counts next to one another (in a
sentence, or over the sentences of a paragraph, and not interrupted by other counts) adds
up to it, each smaller than it; an exact total's run may stand in the next paragraphs too
("902 in six years" and, three short paragraphs on, the six years' counts). An exact total
must be the sum exactly; a round one (up to its own rounding) only where its words say it
is a total ("a total of", "in all", "of these"). It supports, never contradicts: which
counts a total adds up is read from where they stand, not from what they say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from yearbook.claims.counted import comparable
from yearbook.claims.document import Claim, Document
from yearbook.claims.findings import Finding
from yearbook.claims.wholes import noun

__all__ = ["sums"]

_VALUES = ("count", "money", "weight")
_TOTAL_WORDS = re.compile(
    r"\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether|combined|overall|of\s+(?:these|them|"
    r"those|which|whom))\b",
    re.I,
)
"""Words that make a round number a total of parts."""
_PARTS_FOLLOW = re.compile(
    r"\b(?:of\s+(?:these|them|those|which|whom)|including|among\s+them|comprising|made\s+up\s+of"
    r"|broken\s+down|split\s+between)\b|:\s*$",
    re.I,
)
"""Between a total and parts in its own sentence: "21,007 people, of whom 20,785 ...", "21,007
people were held: 20,785 ..."."""
_OPENS_PARENTHESIS = re.compile(r"\([^()]*$")
"""A parenthesis opened after a total and still open at its first part."""
SMALLEST = 100
"""The smallest total read so: sums of small counts agree by chance."""
LONGEST_RUN = 12
"""The most counts one total is the sum of (a run of months, or of years)."""
REACH = 3
"""How many sentences after a total (or before it) its parts may stand in."""


def sums(doc: Document) -> Iterator[Finding]:
    """A finding for each count that a run of the text's like counts adds up to."""
    nouns: dict[int, str | None] = {}

    def noun_of(claim: Claim) -> str | None:
        if claim.index not in nouns:
            nouns[claim.index] = noun(doc, claim)
        return nouns[claim.index]

    for claim in doc.claims:
        if claim.kind not in _VALUES or claim.role == "prior" or not _written(claim):
            continue
        found = _run_summing_to(doc, claim, noun_of)
        if found:
            parts = " + ".join(c.text for c in found)
            total = sum(c.value for c in found)
            reason = f"{parts} is {total:,.0f}, the text's own parts of it"
            yield Finding(claim.index, "supported", "sum", reason, total)


def _run_summing_to(
    doc: Document, total: Claim, noun_of: Callable[[Claim], str | None]
) -> list[Claim]:
    exact = total.interval.low == total.interval.high
    if not exact and not _says_total(doc, total):
        return []
    near = range(
        max(0, total.sentence - REACH), min(len(doc.sentences), total.sentence + REACH + 1)
    )
    blocks = {total.block, *([total.block + 1] if _opens(doc, total) else [])}
    block = [
        c
        for k in near
        for c in doc.in_sentence(k)
        if (c.block in blocks or exact)  # an exact sum stands for itself across paragraphs
        and c.kind == total.kind
        and c is not total
        and 0 < c.value < total.value
        and c.role != "prior"
        and any(ch.isdigit() for ch in c.text)
        and not _other_year(c, total)
    ]
    if len(block) < 2:
        return []
    own = noun_of(total)
    counts = [c for c in block if comparable(noun_of(c), own)]
    for start in range(len(counts)):
        first = counts[start]
        if first.sentence == total.sentence and not _parts_follow(doc.text, total, first):
            continue  # "5,914 sales, 5,872 refunds and 42 returns": siblings
        run_sum = 0.0
        for end in range(start, min(len(counts), start + LONGEST_RUN)):
            if end > start and not _adjacent(doc, counts[end - 1], counts[end], total):
                break
            run_sum += counts[end].value
            if end > start and total.interval.contains(run_sum):
                return counts[start : end + 1]
            if run_sum > total.interval.high:
                break
    return []


def _parts_follow(text: str, total: Claim, first: Claim) -> bool:
    """Whether the words between a total and the first of its sentence's counts say parts of
    it follow: "of whom", "including", or a parenthesis opened for them ("2,675 fines (2,048
    administrative and 627 criminal)")."""
    between = text[min(first.end, total.end) : max(first.start, total.start)]
    if first.start > total.end and _OPENS_PARENTHESIS.search(between):
        return True
    return bool(_PARTS_FOLLOW.search(between))


def _written(claim: Claim) -> bool:
    """Whether a count is written in digits and large enough that a sum reaching it by
    chance is unlikely ("nine", "12" and "33" add up by chance; 20,785 and 222 do not)."""
    return claim.value >= SMALLEST and any(ch.isdigit() for ch in claim.text)


_TWO_KINDS = re.compile(
    r"\s+(?:[^\W\d]+\s+){0,2}?[^\W\d]+s\s+(?:and|y|et)\s+(?:[^\W\d]+\s+){0,2}?[^\W\d]+s\b",
    re.I,
)
"""After a count of two kinds at once, which its parts may count apart: "12,000 family members
and unaccompanied minors"."""


def _says_total(doc: Document, claim: Claim) -> bool:
    _, s_start, s_end = doc.sentences[claim.sentence]
    after = doc.sentences[min(claim.sentence + 1, len(doc.sentences) - 1)]
    return bool(
        _TOTAL_WORDS.search(doc.text, max(s_start, claim.start - 40), min(s_end, claim.end + 40))
        or _TOTAL_WORDS.match(doc.text, after[1], after[1] + 20)
        or _TWO_KINDS.match(doc.text, claim.end, s_end)
    )


def _opens(doc: Document, claim: Claim) -> bool:
    """Whether the claim's block is a heading or one sentence, whose parts the next block
    may list (a headline's total and the paragraph under it)."""
    own = doc.blocks[claim.block]
    return own.kind == "heading" or len(own.sentences) <= 1


def _adjacent(doc: Document, a: Claim, b: Claim, total: Claim) -> bool:
    """Whether two counts stand next to each other: no other count of the total's year (nor
    the total) between ("242,778 in FY2018, up from 184,038 in FY2017 ... 153,670")."""
    between = doc.claims[a.index + 1 : b.index]
    return b.index > a.index and not any(
        c is total or (c.kind in _VALUES and not _other_year(c, total)) for c in between
    )


def _other_year(claim: Claim, total: Claim) -> bool:
    """Whether a count is of another fiscal year than a total whose sentence names its own."""
    return (
        total.year_given
        and claim.fiscal_year is not None
        and total.fiscal_year is not None
        and claim.fiscal_year != total.fiscal_year
    )
