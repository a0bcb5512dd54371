"""Announced lists: "the following four core goals:" and the list that follows.

A whole count, unqualified, is a ``list_count`` when a colon follows it within
its sentence, after the words of what it counts (with no verb between: "the two
numbers are not ...:" announces nothing; "6,812: the number of permits" is a
number and its label) and a list follows the colon: list items in the next blocks, or an
inline list ("three offices: A, B, and C"). In "three out of nine categories:"
the first number announces the list.
"""

from __future__ import annotations

import re

from yearbook.claims.document import Claim, Document

__all__ = ["announced_lists"]

_MOST_ITEMS = 100
"""The most items a list written out in prose announces: "266,000 permits: 100,000 for ...
and ..." counts people, not the items after it."""

_INCLUDING = re.compile(
    r"\b(?:including|includes|included|such\s+as|among\s+them|among\s+which)\b", re.I
)
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s")


_NOT_A_LIST = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|not)\b", re.I
)
_OUT_OF = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+)?$", re.I)


def _announcer(doc: Document, claim: Claim, colon_at: int) -> bool:
    """Whether the claim is the number that announces the list after the colon."""
    between = [c for c in doc.in_sentence(claim.sentence) if claim.end <= c.start < colon_at]
    if not between:
        return True
    nxt = between[0]
    return len(between) == 1 and bool(_OUT_OF.match(doc.text[claim.end : nxt.start]))


def _is_whole_of(doc: Document, claim: Claim) -> bool:
    """Whether the claim is the B of "A out of B" (A announces the list, not B)."""
    before = [c for c in doc.in_sentence(claim.sentence) if c.end <= claim.start]
    return bool(before) and bool(_OUT_OF.match(doc.text[before[-1].end : claim.start]))


def announced_lists(doc: Document) -> None:
    text = doc.text
    for claim in doc.claims:
        if claim.kind != "count" or claim.qualifier or claim.value != int(claim.value):
            continue
        if claim.value > _MOST_ITEMS:
            continue
        _, s_start, s_end = doc.sentences[claim.sentence]
        sentence = text[claim.end : s_end]
        colon = sentence.find(":")
        if colon < 0 or _CLAUSE_END.search(sentence[:colon].replace(",", "").replace("(", "")):
            continue
        lead = sentence[:colon]
        if "\n" in lead:  # "Tuesday: 83 sold in Ohio\nWednesday: 150 ...": the next line's label
            continue
        if not lead.strip():  # "6,812: the number of new permits", a number and its label
            continue
        if len(lead.split()) > 16 or not _announcer(doc, claim, claim.end + colon):
            continue
        if _NOT_A_LIST.search(lead) or _is_whole_of(doc, claim):
            continue
        rest = sentence[colon + 1 :].strip()
        items = _inline_items(rest) if rest else _following_items(doc, claim.block)
        if items:
            claim.kind = "list_count"
            claim.list_items = items
            claim.list_inclusive = bool(_INCLUDING.search(text[s_start:s_end]))


def _inline_items(rest: str) -> int:
    """Items of an inline list: split at commas and semicolons, and at the one "and" (or
    "or") that joins the last item; an "and" inside an item ("guarding borders and ports")
    does not make another item."""
    rest = rest.rstrip(".;")
    if len(rest.split()) < 2:
        return 0
    chunks = [c.strip() for c in re.split(r"[,;]", rest) if c.strip()]
    if not chunks:  # ", ,": words of no item at all
        return 0
    last = re.sub(r"^(?:and|or)\s+", "", chunks[-1], flags=re.I)
    joined = re.split(r"\s+(?:and|or)\s+", last, maxsplit=1)
    count = len(chunks) - 1 + (len(joined) if len(chunks) == 1 or last == chunks[-1] else 1)
    return count if count >= 2 else 0


def _following_items(doc: Document, block: int) -> int:
    count = 0
    for nxt in doc.blocks[block + 1 :]:
        if nxt.kind != "item":
            break
        count += 1
    return count
