"""The fiscal year each claim is about: from its sentence, paragraph or heading.

In order: a fiscal year named right after the number ("85,343 in FY 2022"); "the
year before" after it; the fiscal year named before it in its sentence; its
paragraph's, then its heading's; then the default. A change is about the latest
year of the values in its sentence; its base year follows "over", "from",
"since" or "compared to", and is the year before by default.

>>> most_common_year("In FY 2023 it rose, as in FY 2023, from FY 2022.")
2023
"""

from __future__ import annotations

import re
from collections import Counter

from yearbook.claims.document import Claim, Document

__all__ = ["assign_years", "most_common_year"]

_FY = re.compile(r"\b(?:FY|[Ff]iscal\s+[Yy]ear|[Ff]iscal)\s?'?(?P<y>\d{4}|\d{2})\b")
_BASE_BEFORE = re.compile(
    r"\b(?:over|from|since|compared\s+(?:to|with)|than|on|versus|vs\.?|against|relative\s+to)"
    r"\s+(?:the\s+|that\s+of\s+)?(?:same\s+period\s+(?:in|of)\s+)?$",
    re.I,
)
_YEAR_BEFORE = re.compile(
    r"\b(?:the\s+year\s+(?:before|prior)|(?:the\s+)?(?:previous|prior|preceding)\s+(?:fiscal\s+)?year|a\s+year\s+(?:earlier|before|ago)|last\s+year)\b",
    re.I,
)


def _fy(match: re.Match[str]) -> int:
    year = int(match.group("y"))
    return year + 2000 if year < 100 else year


def most_common_year(text: str) -> int | None:
    years = Counter(
        _fy(m)
        for m in _FY.finditer(text)
        if not _BASE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    )
    return years.most_common(1)[0][0] if years else None


def _mentions(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """FY mentions in text[start:end]: (position, year, is a comparison base)."""
    out = []
    for m in _FY.finditer(text, start, end):
        base = bool(_BASE_BEFORE.search(text[max(start, m.start() - 40) : m.start()]))
        out.append((m.start(), _fy(m), base))
    return out


def assign_years(doc: Document) -> None:
    text = doc.text
    heading_year: int | None = None
    para_year: dict[int, int | None] = {}
    for b, block in enumerate(doc.blocks):
        found = [y for _, y, base in _mentions(text, block.start, block.end) if not base]
        if block.kind == "heading":
            heading_year = found[0] if found else (heading_year if block.level > 2 else None)
            continue
        para_year[b] = found[0] if found else None
        if block.kind == "item" and not found and b > 0:
            para_year[b] = para_year.get(b - 1)
        para_year[b] = para_year[b] or heading_year or doc.default_year
    for claim in doc.claims:
        if claim.kind != "change":
            _claim_year(doc, claim, para_year.get(claim.block))
    for claim in doc.claims:
        if claim.kind == "change":
            _claim_year(doc, claim, para_year.get(claim.block))


def _claim_year(doc: Document, claim: Claim, context: int | None) -> None:
    text = doc.text
    _, s_start, s_end = doc.sentences[claim.sentence]
    following = [c.start for c in doc.in_sentence(claim.sentence) if c.start > claim.start]
    tail_end = min([*following, s_end])
    tail = text[claim.end : tail_end]
    before = [(pos, y) for pos, y, base in _mentions(text, s_start, claim.start) if not base]
    pick = 0 if claim.kind == "change" else -1
    sentence_year = before[pick][1] if before else context
    tail_mentions = _mentions(text, claim.end, tail_end)
    relative = _YEAR_BEFORE.search(tail)
    if claim.kind == "change":
        bases = [y for _, y, base in tail_mentions if base]
        own = [y for _, y, base in tail_mentions if not base]
        claim.base_year = bases[0] if bases else None
        valued = [
            c.fiscal_year
            for c in doc.in_sentence(claim.sentence)
            if c.kind != "change" and c.fiscal_year is not None
        ]
        year = own[0] if own else max(valued) if valued else (sentence_year if before else None)
        if year is None:
            year = claim.base_year + 1 if claim.base_year else context
        claim.fiscal_year = year
        if claim.base_year is None and year is not None:
            claim.base_year = year - 1
        return
    own = [y for _, y, base in tail_mentions if not base]
    if own and (not relative or tail.find(str(own[0])[-2:]) < relative.start()):
        claim.fiscal_year = own[0]
    elif sentence_year is not None and (relative or claim.role == "prior"):
        claim.fiscal_year = sentence_year - 1
    else:
        claim.fiscal_year = sentence_year
