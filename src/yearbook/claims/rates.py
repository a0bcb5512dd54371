"""Rates against the year's total: "59,011 removed ... barely a thousand a week".

A count followed by "a day", "per week", "each month" (a **rate**) is checked
against the nearest whole-year count before it, in its sentence or the one
before, of the same fiscal year and of a like thing: the total over the days,
weeks or months of a year, read as loosely as writers round ("a thousand"
for 1,135). A rate that agrees is supported. One that does not is left alone:
what period the writer divided by is rarely certain ("in the last eight
months"), so a rate never contradicts.

>>> from yearbook.claims.extract import extract_document
>>> from yearbook.claims.text import Plain
>>> text = "ICE removed 59,011 people in FY 2021, about 160 a day."
>>> doc = extract_document(Plain(text, list(range(len(text))), len(text)))
>>> [(claim, reason) for claim, _, reason, _ in rate_findings(doc)]
[(1, '59,011 over the 365.25 days of a year is 161.56 a day')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yearbook.claims.counted import comparable
from yearbook.claims.document import Claim, Document
from yearbook.claims.link import tokens
from yearbook.claims.numbers import Interval
from yearbook.claims.verify import as_written
from yearbook.claims.wholes import noun

__all__ = ["PERIODS", "per_period", "rate_findings"]

PERIODS = {"day": 365.25, "week": 365.25 / 7, "month": 12.0}
"""How many of each period a year holds."""

_STOP = frozenset(
    (
        "a", "an", "the", "in", "of", "to", "and", "or", "for", "by", "on", "at", "it", "its",
        "that", "this", "these", "those", "wa", "were", "is", "are", "be", "been", "ha", "had",
        "have", "with", "from", "per", "each", "every", "day", "week", "month", "year", "fy",
        "fiscal", "about", "some", "nearly", "more", "than", "over", "who", "which",
    )
)  # fmt: skip
_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_RATE = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:a|per|each|every)\s+(?P<p>day|week|month)\b"
    r"|\s*(?:[\w-]+\s+){0,4}?(?P<ly>daily|weekly|monthly)\b",
    re.I,
)


def _period(doc: Document, claim: Claim) -> str | None:
    _, _, s_end = doc.sentences[claim.sentence]
    found = _RATE.match(doc.text, claim.end, s_end)
    if not found:
        return None
    if found.group("p"):
        return found.group("p").lower()
    return {"daily": "day", "weekly": "week", "monthly": "month"}[found.group("ly").lower()]


def per_period(doc: Document, claim: Claim) -> bool:
    """Whether the number is a rate ("about 732 per day"), not a count of a year."""
    return _period(doc, claim) is not None


def _words(doc: Document, claim: Claim) -> set[str]:
    """The content words of the claim's clause, the claim left out."""
    _, s_start, s_end = doc.sentences[claim.sentence]
    breaks = [m.end() for m in _CLAUSE.finditer(doc.text, s_start, claim.start)]
    after = _CLAUSE.search(doc.text, claim.end, s_end)
    clause = doc.text[max([s_start, *breaks]) : claim.start] + " "
    clause += doc.text[claim.end : after.start() if after else s_end]
    return {w for w in tokens(clause) if w.isalpha() and w not in _STOP}


def _total(doc: Document, rate: Claim, rates: set[int]) -> Claim | None:
    """The nearest whole-year count before the rate that it may be a rate of: one that
    shares a word with it ("removed"), or the only one there is."""
    near = doc.in_sentence(rate.sentence - 1) + doc.in_sentence(rate.sentence)
    totals = [
        c
        for c in near
        if c.index < rate.index
        and c.block == rate.block
        and c.kind == "count"
        and c.index not in rates
        and c.fiscal_year == rate.fiscal_year
        and c.value > 2 * rate.value
        and comparable(noun(doc, rate), noun(doc, c))
    ]
    if len(totals) == 1:
        return totals[0]
    own = _words(doc, rate)
    shared = [c for c in totals if own & _words(doc, c)]
    return shared[-1] if shared else None


def _loose(claim: Claim) -> Interval:
    """A rate as writers round it: by its last place, or truncated to it."""
    written = as_written(claim)
    if written is not None:
        return written
    return Interval(claim.value - 0.5, claim.value + 1.0, True, False)


def rate_findings(doc: Document) -> Iterator[tuple[int, str, str, float]]:
    """(claim, "supported", reason, expected) for each rate its year's total bears out."""
    periods = {
        c.index: p
        for c in doc.claims
        if c.kind in ("count", "average") and (p := _period(doc, c)) is not None
    }
    for claim in doc.claims:
        period = periods.get(claim.index)
        if period is None or claim.fiscal_year is None:
            continue
        total = _total(doc, claim, set(periods))
        if total is None:
            continue
        expected = total.value / PERIODS[period]
        if _loose(claim).contains(expected):
            reason = (
                f"{total.text} over the {PERIODS[period]:g} {period}s of a year "
                f"is {expected:,.2f} a {period}"
            )
            yield claim.index, "supported", reason, expected
