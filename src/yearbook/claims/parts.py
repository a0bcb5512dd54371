"""Numbers that count a part of something: they may be supported by a figure of their own
but never contradict the whole's."""

from __future__ import annotations

import re

from yearbook.claims.document import Claim, Document

__all__ = ["POINTS", "mark_parts", "part_of_something"]

_PART_OF = re.compile(r"\s*(?:of|out\s+of|among)\b", re.I)
POINTS = re.compile(r"\s*(?:percentage[\s-]+)?(?:points?\b|pts?\b\.?)", re.I)
"""After a number of percentage points ("3.6 percentage points", "+3.6 pts")."""
_INCLUDING = re.compile(r"\b(?:including|includes|included|among\s+them|such\s+as)\s*$", re.I)


def part_of_something(doc: Document, claim: Claim) -> bool:
    """Whether the number counts a part ("3,406 of the removals", "including 24,000")."""
    text = doc.text
    _, s_start, s_end = doc.sentences[claim.sentence]
    if _PART_OF.match(text, claim.end, s_end):
        return True
    return bool(_INCLUDING.search(text[max(s_start, claim.start - 30) : claim.start]))


def mark_parts(doc: Document) -> None:
    """Parts may be supported by a figure of their own but never contradict the whole's.

    A part: "3,406 of the removals", "including 24,000", or a count after a share in
    its sentence ("47% of removals, totaling 66,800").
    """
    for claim in doc.claims:
        if claim.kind not in ("count", "money", "weight"):
            continue
        after_share = not POINTS.match(doc.text, claim.end) and any(
            c.kind in ("share", "percent") and c.index < claim.index
            for c in doc.in_sentence(claim.sentence)
        )  # "43% ..., up 3.6 percentage points": a share's change, not a part of a count
        if part_of_something(doc, claim) or after_share:
            claim.no_contradiction = "it counts a part of something"
