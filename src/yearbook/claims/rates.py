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
from yearbook.claims.numbers import WORD_VALUES, Interval
from yearbook.claims.verify import as_written
from yearbook.claims.wholes import noun

__all__ = [
    "PERIODS",
    "loose_rate",
    "own_rate",
    "per_period",
    "period_of",
    "rate_before",
    "rate_findings",
    "yearly",
]

PERIODS = {"day": 365.25, "week": 365.25 / 7, "month": 12.0}
"""How many of each period a year holds."""
_IN_YEAR = {**PERIODS, "year": 1.0}

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
    r"\s*(?:[\w-]+(?:\s+|(?=/))){0,4}?(?:(?:a|per|each|every(?:\s+single)?)\s+|/\s?)"
    r"(?P<p>day|week|month)\b"
    r"|\s*(?:[\w-]+\s+){0,4}?(?P<ly>daily|weekly|monthly)\b",
    re.I,
)
_OWN_RATE = re.compile(
    r"\s*(?:[\w-]+(?:\s+|(?=/))){0,2}?(?:(?:a|per|each)\s+|/\s?)(?:day|week|month)\b", re.I
)
_RATE_BEFORE = re.compile(
    r"\b(?:(?P<ly>weekly|monthly)\s+(?:average|rate|mean)|average\s+(?P<ly2>weekly|monthly)"
    r"\s+[a-z-]+)\b[^.;:\d]{0,60}"
    r"\b(?:was|were|is|are|of|stood\s+at|reached|came\s+to|hit|from|to)\s+"
    r"(?:(?:about|nearly|almost|roughly|some|around|more\s+than|over)\s+)?$",
    re.I,
)
"""Before a rate: "the monthly average of permits issued was 6,174", "average monthly sales
increased from 19,618 to 22,272" (not "the daily average", which is as often a level held on
an average day)."""
_YEARLY = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:(?:a|per|each|every)\s+year\b|annually\b|yearly\b)", re.I
)
"""After a yearly average ("250,000 per year", "343,713 permits annually"): a rate of a
total over several years, or of another period's rate."""
_OVER = re.compile(
    r"\b(?:over|during|in|for|across|within|the)\s+(?:the\s+|a\s+|an\s+|its\s+)?"
    r"(?:(?:previous|past|last|first|next|those|these|same)\s+)?"
    rf"(?P<n>\d{{1,3}}|{'|'.join(WORD_VALUES)})[\s-]+(?P<u>day|week|month|year)s?\b",
    re.I,
)
"""The period a total is over, in its sentence ("353 sales over the previous five days",
"during the eight years of ...")."""


def period_of(doc: Document, claim: Claim) -> str | None:
    """The period a rate is of ("day", "week", "month"), or None for no rate."""
    _, s_start, s_end = doc.sentences[claim.sentence]
    found = _RATE.match(doc.text, claim.end, s_end) or _RATE_BEFORE.search(
        doc.text, max(s_start, claim.start - 90), claim.start
    )
    if not found:
        return None
    if "p" in found.re.groupindex and found.group("p"):
        return found.group("p").lower()
    ly = found.group("ly") or ("ly2" in found.re.groupindex and found.group("ly2")) or ""
    return {"daily": "day", "weekly": "week", "monthly": "month"}[ly.lower()]


def own_rate(doc: Document, claim: Claim) -> bool:
    """Whether the number itself is per a period: "467 permits a day", "$208/day" (not "a
    20,000-strong staff who work every day", where the day is the verb's)."""
    return bool(_OWN_RATE.match(doc.text, claim.end))


def rate_before(doc: Document, claim: Claim) -> bool:
    """Whether words before the number make it a rate ("average monthly sales were 22,272")."""
    _, s_start, _ = doc.sentences[claim.sentence]
    return bool(_RATE_BEFORE.search(doc.text, max(s_start, claim.start - 90), claim.start))


def per_period(doc: Document, claim: Claim) -> bool:
    """Whether the number is a rate ("about 732 per day"), not a count of a year."""
    return period_of(doc, claim) is not None


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


def loose_rate(claim: Claim) -> Interval:
    """A rate as writers round it: by its last place, or truncated to it."""
    written = as_written(claim)
    if written is not None:
        return written
    return Interval(claim.value - 0.5, claim.value + 1.0, True, False)


def yearly(doc: Document, claim: Claim) -> bool:
    """Whether a count or an average is given per year ("250,000 a year", "annually")."""
    _, _, s_end = doc.sentences[claim.sentence]
    return claim.kind in ("count", "average") and bool(_YEARLY.match(doc.text, claim.end, s_end))


def _years_over(doc: Document, total: Claim, periods: dict[int, str]) -> tuple[float, str] | None:
    """How many years a total is over, and how the text says so: a rate's own period, the
    period its sentence names ("over the previous five days"), or the span of years it is
    about ("between fiscal years 2009 and 2016")."""
    if total.index in periods:
        period = periods[total.index]
        return 1 / _IN_YEAR[period], f"a {period}"
    _, s_start, s_end = doc.sentences[total.sentence]
    over = list(_OVER.finditer(doc.text, s_start, s_end))
    if len(over) == 1:
        word = over[0].group("n").lower()
        n = int(word) if word.isdigit() else WORD_VALUES[word]
        unit = over[0].group("u").lower()
        if n > 0:
            return n / _IN_YEAR[unit], f"{n} {unit}s"
    if total.span is not None:
        first, last = total.span
        years = first if last is None else last - first + 1
        if 1 < years <= 30:
            return float(years), f"{years} years"
    return None


def _other_totals(doc: Document, rate: Claim, periods: dict[int, str]) -> list[Claim]:
    """Counts before a rate, in its sentence or the one before in its paragraph, of like
    things, larger than it: what it may be the rate of."""
    near = doc.in_sentence(rate.sentence - 1) + doc.in_sentence(rate.sentence)
    return [
        c
        for c in near
        if c.index < rate.index
        and c.block == rate.block
        and c.kind in ("count", "average")
        and c.value > rate.value
        and (c.index in periods or c.value > 2 * rate.value)
        and comparable(noun(doc, rate), noun(doc, c))
    ]


def rate_findings(doc: Document) -> Iterator[tuple[int, str, str, float]]:
    """(claim, "supported", reason, expected) for each rate its year's total bears out, or a
    total over a period the text names ("2 million over eight years, 250,000 a year, about
    680 a day")."""
    periods = {
        c.index: p
        for c in doc.claims
        if c.kind in ("count", "average") and (p := period_of(doc, c)) is not None
    }
    periods.update({c.index: "year" for c in doc.claims if yearly(doc, c)})
    for claim in doc.claims:
        period = periods.get(claim.index)
        if period is None:
            continue
        total = None
        if claim.fiscal_year is not None and period != "year":
            total = _total(doc, claim, set(periods))
        if total is not None:
            expected = total.value / PERIODS[period]
            if loose_rate(claim).contains(expected):
                reason = (
                    f"{total.text} over the {PERIODS[period]:g} {period}s of a year "
                    f"is {expected:,.2f} a {period}"
                )
                yield claim.index, "supported", reason, expected
                continue
        for other in reversed(_other_totals(doc, claim, periods)):
            over = _years_over(doc, other, periods)
            if over is None:
                continue
            expected = other.value / over[0] / _IN_YEAR[period]
            if loose_rate(claim).contains(expected):
                reason = f"{other.text} over {over[1]} is {expected:,.2f} a {period}"
                yield claim.index, "supported", reason, expected
                break
