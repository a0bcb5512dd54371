"""A change the text states twice: a summary line and the paragraph that gives its working.

Writers often put a change in a headline or a list of highlights ("a 15% rise in sales") and
give its working elsewhere ("165,400 sales, a 15% jump from 143,800"). When one statement is
borne out, by the figures or by the text's own numbers, the other says the same thing: it is
supported too. Only a claim that nothing else decides is read so, when both are of one value,
one direction and one year, and the borne-out one's sentence names every word of what the
figures count that the other's clause names ("sales"). An exact count no writer rounded
("12,025 permits for new houses", later "of those permits, 12,025 were for new houses") is
read so too: its restatement is no coincidence. Nothing is contradicted so: a
restatement of a wrong number is that number's error, found where its working is.
"""

from __future__ import annotations

from dataclasses import replace

from yearbook.claims.document import Claim, Document
from yearbook.claims.linkscore import exact
from yearbook.claims.reading import clause_text
from yearbook.claims.relevance import MetricIndex
from yearbook.claims.result import Check, ClaimVerdict

__all__ = ["restated"]

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

    supported: dict[float, list[tuple[Claim, ClaimVerdict]]] = {}
    for claim, verdict in zip(doc.claims, verdicts, strict=True):
        if verdict.verdict == "supported" and _restatable(claim):
            supported.setdefault(claim.value, []).append((claim, verdict))
    if not supported:
        return verdicts
    out = list(verdicts)
    for n, (claim, verdict) in enumerate(zip(doc.claims, verdicts, strict=True)):
        if verdict.verdict != "unverifiable" or not _restatable(claim):
            continue
        if claim.no_contradiction and claim.kind == "change":
            continue  # a change read as a guess stays one
        for other, seen in supported.get(claim.value, [])[:_MOST]:
            own = said(claim)
            if not _same_statement(claim, other) or not own or not own <= said(other, True):
                continue
            shared = ", ".join(repr(w) for w in sorted(own))
            reason = f"it restates {other.text!r}, which is borne out ({seen.reason})"
            check = Check("text", "restated", "supported", reason, seen.expected)
            out[n] = replace(
                verdict,
                verdict="supported",
                reason=f"{reason}; both speak of {shared}",
                metric=verdict.metric or seen.metric,
                fiscal_year=verdict.fiscal_year or seen.fiscal_year,
                expected=seen.expected,
                checks=(check,),
            )
            break
    return out


def _restatable(claim: Claim) -> bool:
    """A change, or an exact count no writer rounded ("12,025"): a value a restatement of
    which is no coincidence."""
    if claim.kind == "change":
        return True
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
