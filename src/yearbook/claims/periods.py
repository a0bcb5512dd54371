"""Spans of years named by who was in charge: "under Smith", "Smith's first year".

A pack names such periods with the fiscal years each spans (`Vocabulary.periods`). A count or
an average whose sentence names no fiscal year, and whose sentence up to it and its own
clause name one period ("Under Smith, the office sold more than 935,000", "2 million under
Smith"), is about that
period's fiscal years: its span is set, and the sum (or the mean, for an average or a count
given a year: "about 234,000 a year under Smith") over them checks it
(`yearbook.claims.yearlink.span_sum`). The year its paragraph or text gave it is kept, for a
count that is one year's figure of the span ("under Smith, sales reached 267,258"), which no
sum then contradicts, and a claim no sum decides may still take the one year whose figure it
states. "Smith's first year", "Smith's last full year" name one fiscal year,
which a claim of that clause takes whatever its kind.

A name is read so only where the text cannot mean a later span by it: a period with an
``until`` date counts for texts dated before that day, or, with no date, for texts that name
no year from then on.

>>> from yearbook.claims.extract import extract_document
>>> from yearbook.claims.text import to_plain
>>> doc = extract_document(to_plain("Under Smith, the office sold 935,346 permits.", "text"), None)
>>> period_readings(doc, (Period(("Smith",), 2017, 2020),), None)
>>> doc.claims[0].span
(2017, 2020)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from yearbook.claims.document import Claim, Document
from yearbook.claims.numbers import WORD_VALUES
from yearbook.claims.rates import yearly
from yearbook.claims.reading import clause_text
from yearbook.claims.vocabulary import Period

__all__ = ["period_readings"]

_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_ORDINAL = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:administration|presidency|term)['\u2019]s\s+)?"
    r"(?P<o>first|second|third|fourth|last|final)\s+(?P<full>full\s+)?(?:fiscal\s+)?year\b",
    re.I,
)
"""After a period's name: one year of it ("Smith's first year", "Smith's last full year")."""
_ORDINAL_BEFORE = re.compile(
    r"\b(?P<o>first|second|third|fourth|last|final)\s+(?P<full>full\s+)?(?:fiscal\s+)?year\s+"
    r"(?:of|under|in)\s+(?:the\s+)?(?:(?:former|then|then-)?\s*President\s+)?"
    r"(?:[A-Z][\w.]*\s+){0,2}$",
    re.I,
)
"""Before a period's name: one year of it ("the last year of the Smith administration")."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_OTHER_TIME = re.compile(
    r"\b(?:than|from|compared|versus|vs|against|since|before|after|but|while|whereas)\b", re.I
)
"""Between a number and a period named after it: that period is another value's ("13,000 more
than in FY 2021 but far fewer than in the last full year under Smith")."""


def period_readings(doc: Document, periods: Iterable[Period], published: dt.date | None) -> None:
    """Give each claim whose clause names one period that period's span, or its year."""
    latest = None if published else max(map(int, _YEAR.findall(doc.text)), default=None)
    found = [(p, _pattern(p.names)) for p in periods if _meant(p, published, latest)]
    if not found:
        return
    for claim in doc.claims:
        if claim.kind != "change" and _possessed(doc, claim, found):
            continue
        if claim.kind in ("count", "average") and _some_year(doc, claim, found):
            continue
        if claim.kind == "change" and not claim.no_contradiction:
            base = _period_base(doc, claim, found)
            if base:  # "down 50 percent from levels seen during the Smith administration"
                claim.no_contradiction = f"its base is a period ({base!r}), not one fiscal year"
                claim.year_note = claim.year_note or claim.no_contradiction
        given = claim.year_source in ("sentence", "this year")  # "this fiscal year" too
        counted = claim.span is not None and claim.span[1] is None and claim.part is None
        if given or claim.part is not None or (claim.year_note and not counted):
            continue  # its sentence gives its year, a part of one, a span or a calendar year
        _, s_start, _ = doc.sentences[claim.sentence]
        head = doc.text[s_start : claim.start]
        own = clause_text(doc, claim)
        clause = head + own
        after = len(head) + _past_number(own, claim)  # its clause repeats ``head``'s last words
        named = [
            (p, m)
            for p, pattern in found
            for m in pattern.finditer(clause)
            if m.start() < len(head) or not _OTHER_TIME.search(clause, after, m.start())
        ]
        if len({p for p, _ in named}) != 1:
            continue
        period, match = named[0]
        run = _ORDINAL_RUN.match(clause, match.end()) if match.end() <= len(head) else None
        if run is not None:  # "In Smith's final two years, sales were 235,000 and 240,000"
            _one_of_run(doc, claim, period, run, s_start + run.end())
            continue
        if counted:  # "Smith managed around a million in four years": the period's, if as long
            if claim.span is not None and claim.span[0] == period.last - period.first + 1:
                claim.span = (period.first, period.last)
            continue
        ordinal = _ordinal(clause, match)
        if ordinal is not None:
            said = ordinal.group("o").lower()
            if ordinal.group("full") and said not in ("last", "final"):
                continue  # "Smith's first full year" may be the second of the span
            _one_year(claim, period, said, match.group())
        elif claim.kind in ("count", "average") and claim.span is None:
            # no note that it is of no one year: a year whose figure it states may still be
            # read from the figures ("under Smith, 256,085 were sold")
            claim.span = (period.first, period.last)
            if claim.kind == "count" and yearly(doc, claim):
                claim.kind = "average"  # "under Smith, about 234,000 a year": the mean


_PEAK = r"(?:peak|high|record|low|best|worst|top|height|maximum|minimum|average|annual\s+average)"
_POSSESSED = re.compile(
    rf"(?P<s>['\u2019]s)?\s+(?:(?:all-time|yearly|annual|own)\s+)?(?P<w>{_PEAK})\s+(?:of\s+)?"
    r"(?:(?:about|around|roughly|nearly|almost|more\s+than|over|some)\s+)?$",
    re.I,
)
"""Between a period's name and a value it owns as a high, a low or a mean: "Smith's peak of
(400,000)", "Smith's average of (about 390,000)"."""


def _possessed(doc: Document, claim: Claim, found: list[tuple[Period, re.Pattern[str]]]) -> bool:
    """A value a period's name owns right before it, as its peak, low or mean ("a decline
    from Smith's peak of 400,000"): of that period, not of the year its sentence names. It
    is left unchecked (which year was the peak, or how the mean was taken, is the writer's)."""
    _, s_start, _ = doc.sentences[claim.sentence]
    head = doc.text[max(s_start, claim.start - 80) : claim.start]
    for _, pattern in found:
        for m in pattern.finditer(head):
            owned = _POSSESSED.match(head, m.end())
            owner = re.sub(r"['\u2019]s$", "", m.group())  # "Smith's" is named as "Smith"
            if owned is None or (owner == m.group() and not owned.group("s")):
                continue  # "Smith's peak of", not "Smith peak of"
            claim.fiscal_year, claim.base_year, claim.span = None, None, None
            claim.year_note = (
                f"it is of a period ({owner}'s {owned.group('w')}), not one fiscal year"
            )
            claim.no_contradiction = claim.no_contradiction or claim.year_note
            return True
    return False


_SOME_YEARS = re.compile(
    r"\b(?:in\s+(?:some|several|certain|a\s+few|many)\s+(?:of\s+(?:the|those|its|his|her)\s+)?"
    r"(?:fiscal\s+)?years|some\s+years|at\s+times|sometimes|often|frequently)\b",
    re.I,
)
"""Words that say a value held in some years of a period, not in all or on average."""


def _some_year(doc: Document, claim: Claim, found: list[tuple[Period, re.Pattern[str]]]) -> bool:
    """A value its sentence says held in some years of the periods it names ("under Smith,
    sales topped 300,000 in some years"; "under both Smith and Jones, sales often exceed
    300,000 a year"): of some year of each period, not of one year, a sum or a mean."""
    if claim.year_given or claim.year_source == "relative":
        return False  # "nearly 200,000 in the past fiscal year, ... sometimes in hours"
    _, s_start, s_end = doc.sentences[claim.sentence]
    sentence = doc.text[s_start:s_end]
    if not _SOME_YEARS.search(clause_text(doc, claim)) or _ANY_YEAR.search(sentence):
        return False
    named = sorted({p for p, pattern in found if pattern.search(sentence)}, key=lambda p: p.first)
    if not named:
        return False
    claim.some = tuple((p.first, p.last) for p in named)
    claim.kind = "count"  # "often exceed 300,000 a year": a year's count, not a mean
    claim.fiscal_year, claim.base_year, claim.span, claim.calendar = None, None, None, None
    names = " and ".join(p.names[0] for p in named)
    claim.year_note = f"it is said of some year under {names}, not of one fiscal year"
    return True


_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""A year, as "2016" or within "FY2016"."""


def _period_base(
    doc: Document, claim: Claim, found: list[tuple[Period, re.Pattern[str]]]
) -> str | None:
    """The period a change's clause measures it from, named after it past "from", "than" or
    "compared with" ("from levels seen during the Smith administration"), or None; not a
    period with an ordinal, or after a year, which name one year ("from Smith's last year",
    "from the 2016 total under Smith")."""
    own = clause_text(doc, claim)
    after = _past_number(own, claim)
    if _ANY_YEAR.search(own, after):
        return None  # "a 30% decrease from the 2016 total under Smith": from that year
    for _, pattern in found:
        for m in pattern.finditer(own, after):
            if _OTHER_TIME.search(own, after, m.start()) and _ordinal(own, m) is None:
                return m.group()
    return None


def _past_number(clause: str, claim: Claim) -> int:
    """Where the claim's number ends in its own clause (`clause_text`)."""
    return clause.rfind(claim.text) + len(claim.text)


def _ordinal(text: str, name: re.Match[str]) -> re.Match[str] | None:
    """The ordinal that makes a period's name one year of it, right after the name or shortly
    before it ("Smith's first year", "the last year of Smith"), or None."""
    return _ORDINAL.match(text, name.end()) or _ORDINAL_BEFORE.search(
        text, max(0, name.start() - 80), name.start()
    )


_ORDINAL_RUN = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:administration|presidency|term)['\u2019]s\s+)?"
    r"(?P<o>first|last|final)\s+(?P<n>two|three|four|[2-4])\s+(?:full\s+)?(?:fiscal\s+)?years\b",
    re.I,
)
"""After a period's name: a run of its years ("Smith's final two years")."""


def _one_of_run(doc: Document, claim: Claim, period: Period, run: re.Match[str], at: int) -> None:
    """A value listed after "Smith's final two years" with as many others as the run has
    years ("about 235,000 and 240,000, respectively"): of the run's year in its place; no year
    where the values listed are not as many as the years."""
    n = int(run.group("n")) if run.group("n").isdigit() else WORD_VALUES[run.group("n").lower()]
    first = period.first if run.group("o").lower() == "first" else period.last - n + 1
    listed = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.start >= at and c.kind == claim.kind and c.role != "prior"
    ]
    if len(listed) != n or claim not in listed or first < period.first:
        return
    claim.fiscal_year, claim.base_year = first + listed.index(claim), None
    claim.year_given, claim.year_source, claim.year_note = True, "sentence", ""
    claim.span, claim.calendar = None, None
    owner = period.names[0]
    claim.link_reason = claim.link_reason or (
        f"is of {owner}'s {run.group('o').lower()} {n} years in its place, FY {claim.fiscal_year}"
    )


def _one_year(claim: Claim, period: Period, ordinal: str, name: str) -> None:
    """ "Smith's first year": the first fiscal year of the period (the last for "last")."""
    year = period.last if ordinal in ("last", "final") else period.first + _ORDINALS[ordinal]
    if year > period.last:
        return
    claim.fiscal_year, claim.base_year = year, None
    claim.year_given, claim.year_source, claim.year_note = True, "sentence", ""
    claim.span, claim.calendar = None, None
    owner = re.sub(r"['\u2019]s?$", "", name)  # "Smith's" is named as "Smith"
    claim.link_reason = claim.link_reason or f"is of {owner}'s {ordinal} year, FY {year}"


def _meant(period: Period, published: dt.date | None, latest: int | None) -> bool:
    """Whether the text can mean only this period by its names: it is dated before the
    period's ``until``, or, undated, names no year from then on (``latest``, the latest year
    it names)."""
    if period.until is None:
        return True
    if published is not None:
        return published < period.until
    return latest is None or latest < period.until.year


@lru_cache(maxsize=64)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of a period's names, built once per pack."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")
