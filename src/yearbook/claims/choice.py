"""Which of several candidate figures a claim's number goes to, when more than one could.

* Of the agreeing candidates, one that states its figure exactly is preferred to a more
  relevant one published only as a bound (`best_agreeing`).
* A figure cannot rule a number out while another metric, nearly as relevant, has no
  figure for that year (`unknown_rival`).
* A value listed right after one a figure bears out counts what that one counts
  (`listed_after`); it is supported by that figure or unverifiable, never contradicted.
"""

from __future__ import annotations

import re

from yearbook.claims.document import Claim, Document
from yearbook.claims.linkscore import TIED, TOP, Context
from yearbook.claims.relevance import MetricDoc
from yearbook.claims.yearlink import Linking

__all__ = ["best_agreeing", "listed_after", "listed_sibling", "unknown_rival"]

_LISTED = re.compile(r"[^.;]{0,80}?(?:,\s*|\s)(?:and|or)\s+(?:the\s+)?$|\s*,\s*$", re.I)
"""Between two values of a list: "... in FY20 (last year) and ", ", "."""


def best_agreeing(
    linker: Linking, claim: Claim, agreeing: list[tuple[float, int]]
) -> list[tuple[float, int]]:
    """The candidate an agreeing claim links to: the most relevant, unless one at least half
    as relevant states its figure exactly where the first gives only a bound ("44,255"
    against "more than 44,000" and an exact 44,255). It keeps the first one's relevance: it
    states what the first bounds."""
    if not agreeing:
        return []
    first = linker._stated(claim, linker.index.docs[agreeing[0][1]])
    if first is not None and first.bound != "exact":
        for s, i in agreeing[1:]:
            if 2 * s < agreeing[0][0]:
                break
            fig = linker._stated(claim, linker.index.docs[i])
            if fig is not None and fig.bound == "exact":
                return [(agreeing[0][0], i)]
    return agreeing[:1]


def unknown_rival(
    linker: Linking,
    claim: Claim,
    ranked: list[tuple[float, int]],
    top_score: float,
    top: MetricDoc,
) -> bool:
    """Whether another metric the sources publish, nearly as relevant as the top one, has no
    figure for the claim's year: the number may state it, so the top one's figure cannot
    rule it out."""
    for s, i in ranked[1:TOP]:
        if s < TIED * top_score:
            return False
        mdoc = linker.index.docs[i]
        other = mdoc.metric != top.metric and not mdoc.breakdown and mdoc.metric in linker._known
        if other and linker._figure(claim, mdoc) is None:
            return True
    return False


def listed_sibling(doc: Document, claim: Claim) -> Claim | None:
    """The like value a value is listed right after in its sentence ("... than the 101,880
    in FY 2015 and the nearly 95,000 in FY 2016": 101,880), or None."""
    before = [c for c in doc.in_sentence(claim.sentence) if c.end <= claim.start]
    if not before or before[-1].kind != claim.kind:
        return None
    return before[-1] if _LISTED.match(doc.text, before[-1].end, claim.start) else None


def listed_after(
    linker: Linking,
    doc: Document,
    claim: Claim,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top: MetricDoc,
) -> bool:
    """A value listed right after one its figure bears out, with no noun of its own ("the
    62,739 online sales in FY20 and 85,958 in FY19"), counts what that one counts: it takes
    that metric, not the one its sentence's words rank first; which metric it is remains a
    reading of its place, so that metric's figure may support it, never contradict it. True
    when it took it."""
    if ctx.noun:
        return False
    sibling = listed_sibling(doc, claim)
    if sibling is None or sibling.metric in (None, top.metric):
        return False
    mdoc = linker.index.headline(sibling.metric or "")
    if mdoc is None or not linker._agrees(sibling, mdoc):
        return False
    linker._set(claim, mdoc, ctx, ranked, 0.0)
    claim.link_reason = f"listed after {sibling.text}, a value of it"
    claim.no_contradiction = f"its metric is that of {sibling.text}, listed before it"
    return True
