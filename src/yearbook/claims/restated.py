"""A claim the text states twice: borne out once, or given as two values that cannot both hold.

Writers often put a change in a headline or a list of highlights ("a 15% rise in sales") and
give its working elsewhere ("165,400 sales, a 15% jump from 143,800"). When one statement is
borne out, by the figures or by the text's own numbers, the other says the same thing: it is
supported too. Only a claim that nothing else decides is read so, when both are of one value,
one direction and one year, and the borne-out one's sentence names every word of what the
figures count that the other's clause names ("sales"). An exact count no writer rounded
("12,025 permits for new houses", later "of those permits, 12,025 were for new houses") is
read so too: its restatement is no coincidence; so is a share given to a decimal ("71.7%").
So is such a count that a figure of its year rules out ("removed 55,590 in FY 2021", later
"of the 55,590 removed"): the same wrong number, contradicted again. A change is never
contradicted so: a restatement of a wrong change is that change's error, found where its
working is.

A count the text gives twice as two values of one thing (`misstated`: "65,332 building
permits", later "its 65,322 building permits") is the text contradicting itself, where no
figure decides either.
"""

from __future__ import annotations

import re
from dataclasses import replace

from yearbook.claims.document import Claim, Document
from yearbook.claims.linkscore import exact
from yearbook.claims.numbers import qualifier_side
from yearbook.claims.reading import clause_text
from yearbook.claims.relevance import MetricIndex
from yearbook.claims.result import Check, ClaimVerdict
from yearbook.claims.text import MONTH

__all__ = ["misstated", "restated"]

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")
"""A capitalised word that is no acronym ("Lakeside", not "HQ")."""
_MOST = 8
"""The most borne-out statements of one value a change is compared with (a bound on work)."""


def restated(doc: Document, verdicts: list[ClaimVerdict], index: MetricIndex) -> list[ClaimVerdict]:
    """The verdicts, with an undecided claim that restates a supported one supported."""
    words: dict[tuple[int, bool], frozenset[str]] = {}

    def said(claim: Claim, whole: bool = False) -> frozenset[str]:
        """The words of what the figures count in its clause (or its whole sentence)."""
        key = (claim.index, whole)
        if key not in words:
            text = doc.sentence_text(claim.sentence) if whole else clause_text(doc, claim)
            words[key] = frozenset(set(index.words(text)) & index.metric_words)
        return words[key]

    decided: dict[float, list[tuple[Claim, ClaimVerdict]]] = {}
    for claim, verdict in zip(doc.claims, verdicts, strict=True):
        if _restatable(claim) and (verdict.verdict == "supported" or _wrong_count(claim, verdict)):
            decided.setdefault(claim.value, []).append((claim, verdict))
    if not decided:
        return verdicts
    out = list(verdicts)
    for n, (claim, verdict) in enumerate(zip(doc.claims, verdicts, strict=True)):
        if verdict.verdict != "unverifiable" or not _restatable(claim):
            continue
        if claim.no_contradiction and claim.kind == "change":
            continue  # a change read as a guess stays one
        for other, seen in decided.get(claim.value, [])[:_MOST]:
            own = said(claim)
            if not _same_statement(claim, other) or not own or not own <= said(other, True):
                continue
            wrong = seen.verdict == "contradicted"
            if wrong and (claim.fiscal_year != other.fiscal_year or claim.no_contradiction):
                continue
            shared = ", ".join(repr(w) for w in sorted(own))
            how = "the figures rule out" if wrong else "is borne out"
            reason = f"it restates {other.text!r}, which {how} ({seen.reason})"
            check = Check("text", "restated", seen.verdict, reason, seen.expected)
            out[n] = replace(
                verdict,
                verdict=seen.verdict,
                reason=f"{reason}; both speak of {shared}",
                metric=verdict.metric or seen.metric,
                fiscal_year=verdict.fiscal_year or seen.fiscal_year,
                expected=seen.expected,
                checks=(check,),
            )
            break
    return out


def _wrong_count(claim: Claim, verdict: ClaimVerdict) -> bool:
    """Whether an exact count is contradicted by a figure of its year (not by the text's own
    arithmetic, which its restatement may not share)."""
    return (
        verdict.verdict == "contradicted"
        and claim.kind == "count"
        and claim.fiscal_year is not None
        and any(c.verdict == "contradicted" and c.source == "figures" for c in verdict.checks)
    )


def _restatable(claim: Claim) -> bool:
    """A change, an exact count no writer rounded ("12,025", "55,590") or a share given to a
    decimal ("71.7%"): a value a restatement of which is no coincidence."""
    if claim.kind == "change":
        return True
    if claim.kind in ("share", "percent"):
        return not claim.qualifier and not float(claim.value).is_integer()
    return claim.kind == "count" and claim.value >= 1000 and exact(claim)


def _same_statement(claim: Claim, other: Claim) -> bool:
    """Whether two claims of one value (the caller looks them up by value) state one thing:
    one reading, direction and year."""
    if other is claim or claim.interval != other.interval:
        return False
    if claim.direction * other.direction < 0:
        return False
    years = (claim.fiscal_year, claim.base_year)
    return not claim.year_given or years == (other.fiscal_year, other.base_year)


def misstated(
    doc: Document, verdicts: list[ClaimVerdict], index: MetricIndex
) -> list[ClaimVerdict]:
    """The verdicts, with an undecided count contradicted where the text gave the same count
    before as another value: one reading (the metric it reads most like), one fiscal year,
    the same names, and each clause's words of what the figures count said in the other's
    sentence. Two exact counts a digit apart ("65,332", later "65,322") are a slip; two
    counts whose readings cannot meet, within a factor of two ("65,332 building permits",
    later "its 45,000 building permits"), give two values of one thing. Both cannot hold; a
    count no figure decides is the text's own error, and the later statement is flagged."""
    out = list(verdicts)
    seen: dict[tuple[str | None, int | None], list[Claim]] = {}
    for n, claim in enumerate(doc.claims):
        if claim.kind != "count" or claim.role == "prior" or claim.value < _LEAST:
            continue
        key = (claim.metric or claim.reads_like, claim.fiscal_year)
        reading, year = key
        if (
            verdicts[n].verdict == "unverifiable"
            and reading
            and year is not None
            and not claim.no_contradiction
        ):
            own = _metric_words(doc, claim, index)
            for other in seen.get(key, []) if own else []:
                how = _differs(claim, other)
                if (
                    how
                    and other.sentence != claim.sentence
                    and own <= _metric_words(doc, other, index, whole=True)
                    and _metric_words(doc, other, index) <= _metric_words(doc, claim, index, True)
                    and _names(doc, claim) == _names(doc, other)
                ):
                    reason = (
                        f"the text gave {other.text!r} for the same count before ({reading}, "
                        f"FY {year}), and {claim.text!r} {how}: both cannot hold"
                    )
                    check = Check("text", "misstated", "contradicted", reason, other.value)
                    out[n] = replace(
                        verdicts[n],
                        verdict="contradicted",
                        reason=reason,
                        expected=other.value,
                        checks=(*verdicts[n].checks, check),
                    )
                    break
        seen.setdefault(key, []).append(claim)
    return out


_LEAST = 1000
"""The smallest count two statements of which are compared (below it, counts of small
things coincide)."""


_NAMED_NEAR = frozenset(("sentence", "paragraph", "heading", "relative"))
"""Where a count's year comes from when its text names it near the count."""


def _differs(claim: Claim, other: Claim) -> str:
    """How a count differs from an earlier one of the same thing ("" when both may hold)."""
    if other.kind != "count" or other.role == "prior" or other.value < _LEAST:
        return ""
    if exact(claim) and exact(other) and _one_slip(other.text, claim.text):
        return "differs from it by one slip of a digit"
    if claim.interval.overlaps(other.interval) or not 0.5 <= claim.value / other.value <= 2.0:
        return ""
    if _bound_holds(other, claim) or _bound_holds(claim, other):
        return ""  # "more than 4,000", later "4,276": a bound the other value meets
    if not {claim.year_source, other.year_source} <= _NAMED_NEAR:
        return ""  # of a year only the whole text implies: maybe counts of two times
    return "is another value of it"


def _bound_holds(bound: Claim, value: Claim) -> bool:
    """Whether a value meets a bound on one side ("more than 4,000", "4,000+", "nearly
    5,000"), which says nothing of how far past it the count is."""
    side = qualifier_side(bound.qualifier)
    if side == "above":
        return value.value >= bound.value
    return side == "below" and value.value <= bound.value


def _metric_words(
    doc: Document, claim: Claim, index: MetricIndex, whole: bool = False
) -> frozenset[str]:
    """The words of what the figures count in the claim's clause (or its whole sentence)."""
    text = doc.sentence_text(claim.sentence) if whole else clause_text(doc, claim)
    return frozenset(set(index.words(text)) & index.metric_words)


def _names(doc: Document, claim: Claim) -> frozenset[str]:
    """The names its sentence gives past its first word (a place, a person, a body), but
    acronyms and months: counts of two places or people are two counts."""
    _, start, end = doc.sentences[claim.sentence]
    opening = len(doc.text[start:end]) - len(doc.text[start:end].lstrip("\"'\u201c( \n"))
    return frozenset(
        m.group()
        for m in _NAME.finditer(doc.text, start, end)
        if m.start() != start + opening and not re.fullmatch(MONTH, m.group(), re.I)
    )


def _one_slip(first: str, second: str) -> bool:
    """Whether two written numbers of as many digits differ by one digit, or by two
    neighbouring digits swapped ("256,085" and "256,058")."""
    a, b = ("".join(ch for ch in x if ch.isdigit()) for x in (first, second))
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and (a[diff[1]] == b[diff[0]])
    )
