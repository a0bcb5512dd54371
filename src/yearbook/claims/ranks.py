"""Ranks over a run of years: "a four-year high", "the lowest ... in the last six years".

A small number of years that makes a value the highest or lowest of a run of years is a
claim of kind ``rank``. It is checked against the figures of every year of the run, for
the metric of the value it ranks (the nearest linked value of its sentence, or the metric
its own words name: "a five-year high for sales"): a run of N years ending in the
value's year Y is FY Y-N+1 to FY Y.

* ``supported`` when Y's figure is the highest (or lowest) of the run;
* ``contradicted`` when another year of the run has a higher (lower) figure, which the
  reason names;
* ``unverifiable`` when a year of the run has no figure and none of those it has beats the
  value's (a "15-year low" reaches back past the figures), or the sentence has no linked
  value to rank.

The text may bear a rank out itself (`since_findings`): "a 26-year low" in FY 2021, and
elsewhere "the lowest number since fiscal year 1995" or "the last time they were lower was in
1995", says the same of the same years; that supports it, never contradicts it.

>>> from yearbook.claims.extract import extract_document
>>> from yearbook.claims.text import to_plain
>>> doc = extract_document(to_plain("In FY 2023 sales rose to a four-year high.", "md"))
>>> mark_ranks(doc)
>>> [(c.text, c.kind, c.direction) for c in doc.claims]
[('four-year high', 'rank', 1)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from yearbook.claims.document import Claim, Document
from yearbook.claims.findings import Finding
from yearbook.claims.verify import Evidence
from yearbook.figures import Figures

__all__ = ["MAX_RUN", "mark_ranks", "rank_evidence", "since_findings"]

MAX_RUN = 50
"""The longest run of years a rank is read over."""
_HIGH = r"high|highest|most|largest|biggest|greatest|peak|record\s+high"
_LOW = r"low|lowest|fewest|least|smallest|record\s+low"
_SPAN_AFTER = re.compile(rf"[\s-]*years?[\s-]+(?P<d>{_HIGH}|{_LOW}|record)\b", re.I)
"""After the number of "a four-year high", "a 15 year low", "a 10-year record" (a high)."""
_YEARS_AFTER = re.compile(r"\s+(?:fiscal\s+)?years\b", re.I)
_SUPERLATIVE_BEFORE = re.compile(
    rf"\b(?P<d>{_HIGH}|{_LOW})\b[^.;:]{{0,80}}?\b(?:in|over|of|for)\s+(?:the\s+|its\s+)?"
    r"(?:last|past|previous|preceding|prior)?\s*$",
    re.I,
)
"""Before the number of "the lowest number of sales in the last six years"."""


def _direction(word: str) -> int:
    return -1 if re.fullmatch(_LOW, word.lower()) else 1


def mark_ranks(doc: Document) -> None:
    """Make each number of years that ranks a value a claim of kind ``rank``."""
    text = doc.text
    for claim in doc.claims:
        if claim.kind != "count" or not 2 <= claim.value <= MAX_RUN or claim.value % 1:
            continue
        _, s_start, _ = doc.sentences[claim.sentence]
        after = _SPAN_AFTER.match(text, claim.number_end)
        if after:
            _mark(doc, claim, _direction(after.group("d")), after.end())
            continue
        before = _SUPERLATIVE_BEFORE.search(text, s_start, claim.start)
        years = _YEARS_AFTER.match(text, claim.number_end)
        if before and years:
            _mark(doc, claim, _direction(before.group("d")), years.end())


def _mark(doc: Document, claim: Claim, direction: int, end: int) -> None:
    claim.kind, claim.direction = "rank", direction
    claim.end = end
    claim.text = doc.text[claim.start : end]


def _ranked_value(doc: Document, claim: Claim) -> Claim | None:
    """The linked value of the rank's sentence nearest to it."""
    values = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.kind in ("count", "money", "weight") and c.metric and c.fiscal_year is not None
    ]
    if not values:
        return None
    return min(values, key=lambda c: abs(c.start - claim.start))


def rank_evidence(doc: Document, figures: Figures) -> list[Evidence]:
    """Evidence for every rank claim, from the figures of each year of its run."""
    out = []
    for claim in doc.claims:
        if claim.kind == "rank":
            out.append(_rank(doc, claim, figures))
    return out


def _rank(doc: Document, claim: Claim, figures: Figures) -> Evidence:
    value = _ranked_value(doc, claim) or claim  # "a five-year high for sales": its own
    if value.metric is None or value.fiscal_year is None:
        return Evidence(claim.index, "unverifiable", "its sentence has no linked value to rank")
    metric, last = value.metric, value.fiscal_year
    claim.metric, claim.fiscal_year = metric, last
    claim.breakdown, claim.breakdown_value = value.breakdown, value.breakdown_value
    first = last - int(claim.value) + 1
    run: dict[int, float] = {}
    missing: list[int] = []
    for year in range(first, last + 1):
        fig = figures.find(metric, year, claim.breakdown, claim.breakdown_value)
        if fig is None or fig.value is None:
            missing.append(year)
        else:
            run[year] = fig.value
    if last not in run:
        return Evidence(claim.index, "unverifiable", f"{metric} FY {last} has no figure")
    word = "highest" if claim.direction > 0 else "lowest"
    beyond = [y for y, v in run.items() if (v - run[last]) * claim.direction > 0]
    span = f"FY {first}-{last}"
    if not beyond and missing:  # a year the figures lack may beat it: no rank either way
        why = f"{metric} FY {missing[0]} has no figure, so {span} cannot be ranked"
        return Evidence(claim.index, "unverifiable", why)
    if not beyond:
        reason = f"{metric} FY {last} ({run[last]:,.0f}) is the {word} of {span}"
        return Evidence(claim.index, "supported", reason, run[last])
    other = max(beyond, key=lambda y: run[y] * claim.direction)
    reason = (
        f"{metric} FY {other} ({run[other]:,.0f}) is {'higher' if claim.direction > 0 else 'lower'}"
        f" than FY {last} ({run[last]:,.0f}): FY {last} is not the {word} of {span}"
    )
    return Evidence(claim.index, "contradicted", reason, run[other])


_FY = r"(?:fiscal\s+(?:year\s+)?|FY\s?)?"
_SINCE = re.compile(
    rf"\b(?P<d>{_HIGH}|{_LOW})\b[^.;:]{{0,80}}?\bsince\s+(?:the\s+)?{_FY}(?P<y>(?:19|20)\d\d)\b"
    rf"|\blast\s+time\b[^.;:]{{0,80}}?\b(?P<c>higher|more|greater|larger|lower|fewer|less|smaller)"
    rf"\b[^.;:]{{0,30}}?\b(?:in|was)\s+(?:in\s+)?{_FY}(?P<y2>(?:19|20)\d\d)\b",
    re.I,
)
"""A value's rank in the text's own words: "the lowest number since fiscal year 1995", "the last
time deportations were lower was in 2005"."""
_MORE = frozenset(("higher", "more", "greater", "larger"))


def since_findings(doc: Document) -> Iterator[Finding]:
    """A rank the text bears out itself: "a 26-year low" of FY 2021 where it says "the lowest
    since fiscal year 1995" (2021 - 1995 = 26) of the same year."""
    ranks = [c for c in doc.claims if c.kind == "rank"]
    if not ranks:
        return
    starts = [start for _, start, _ in doc.sentences]
    said = []  # each statement: its direction, the year it counts from, the years before it
    for found in doc.found(_SINCE, 0, len(doc.text)):
        if found.group("d"):
            direction = _direction(found.group("d"))
        else:  # "the last time it was lower": this year is a low
            direction = -1 if found.group("c").lower() not in _MORE else 1
        sentence = bisect_right(starts, found.start()) - 1
        valued = {c.fiscal_year for c in doc.in_sentence(sentence) if c.start < found.start()}
        said.append((found, direction, int(found.group("y") or found.group("y2")), valued))
    for claim in ranks:
        for found, direction, since, valued in said:
            if direction != claim.direction:
                continue
            years = {claim.fiscal_year, doc.default_year, *valued}  # the rank's, or a value's
            year = since + int(claim.value)
            if year not in years:
                continue
            yield Finding(
                claim.index,
                "supported",
                "rank",
                f"the text says {found.group().strip()!r} of FY {year}: "
                f"FY {year} - {since} = {int(claim.value)} years",
            )
            break
