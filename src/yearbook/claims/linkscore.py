"""The scores and thresholds of value-aware linking, and the context a claim is read in.

`yearbook.claims.valuelink` decides with them; `yearbook.claims.yearlink` uses the same ones
for claims whose year or span the text leaves to the figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from yearbook.claims.document import Claim, Document
from yearbook.claims.verify import as_written, digits_shifted, far_off
from yearbook.claims.years import default_of_several

__all__ = [
    "CLEAR_MARGIN",
    "COMPARABLE",
    "CONTRADICT_SCORE",
    "SUPPORT_SCORE",
    "Context",
    "close",
    "comparable",
    "exact",
    "precise",
    "year_open",
]

SUPPORT_SCORE = 1.2
"""The least relevance with which a consistent figure supports a claim."""
CONTRADICT_SCORE = 2.5
"""The least relevance of the figure that may contradict a claim."""
NEAR_SCORE = 1.0
"""The least relevance of the words next to the number for a contradiction."""
COMPARABLE = 0.6
"""A consistent candidate this close to the most relevant one is comparably relevant."""
MENTION_BONUS = 1.5
"""Added to a candidate one of whose names the context states in full."""
TOP = 12
"""How many of the most relevant candidates are looked at closely."""
RANKED = 32
"""How many candidates are ranked at all."""
CLEAR_MARGIN = 1.25
"""The metric that contradicts a claim must be this much more relevant than any other."""
TIED = 0.95
"""A candidate this close to the most relevant one is as likely what the number states: when
it has no figure for the year, the top one's figure cannot rule the number out."""
MUST_MENTION = True
"""A figure supports a claim only when the context states most of one of its names."""
NAMED_BONUS = 2.0
"""Added to the metric whose declared phrase names the number."""
WEIGHTS = (1.0, 0.4, 0.2)
"""Weights of the words next to the number, the rest of its stretch, and what came before."""
NOUN_WEIGHT = 2.0
"""Added weight of the first words after the number (its object noun)."""
SUPPORT_EXACT = 0.5
"""The least relevance with which a figure equal to an exact, non-round number supports it."""
NEAR_MISS = 0.01
"""A precise number within 1% of a relevant figure that it does not state is a misstatement of
it (a transposed or wrong digit), however close the other candidates come."""
PRECISE = 0.03
"""A number that stands for values within 3% of it can tell one year's figure from another's."""
MAGNITUDE = 3.5
"""A number more than this many times off a figure most likely counts something else (a part,
a place, a group): it is not contradicted by it, unless its digits are the figure's shifted."""


@dataclass(frozen=True)
class Context:
    """The words a claim is read with, by how near they are to its number."""

    noun: list[str]  # the words right after the number: what it counts, most often
    tail: list[str]  # the words after the number, to the end of its clause
    near: list[str]
    rest: list[str]
    before: list[str]
    said: frozenset[str] = frozenset()  # the words next to it as written, with the pack's
    # one-word terms for them ("sold": sales) but no phrase a term adds
    borrowed: bool = False  # its sentence names nothing counted: the words are another
    # paragraph's, which may support it but never contradict it


def year_open(doc: Document, claim: Claim) -> bool:
    """Whether the claim's year is a guess: a relative year, or a text-wide default in a text
    that names several years."""
    if claim.year_given or claim.year_note:
        return False
    if claim.fiscal_year is None:
        return True
    return claim.year_source == "relative" or default_of_several(doc, claim)


def precise(claim: Claim) -> bool:
    """Whether the number is precise enough to tell one year's figure from another's."""
    if claim.kind not in ("count", "money", "weight") or abs(claim.value) < 100:
        return False
    iv = as_written(claim) or claim.interval  # as loosely as it is matched
    return (iv.high - iv.low) <= PRECISE * abs(claim.value)


def exact(claim: Claim) -> bool:
    """An exact, non-round number of three or more digits: its last digit is not 0
    ("59,011"), or it has four significant digits before its zeros ("143,470")."""
    iv = claim.interval
    if iv.low != iv.high or abs(claim.value) < 100:
        return False
    return claim.value % 10 != 0 or len(str(abs(int(claim.value))).rstrip("0")) >= 4


def close(claim: Claim, figure: float) -> bool:
    """Whether the number is near enough the figure to be a misstatement of it, not another
    year's: what a claim whose year the text leaves to its context must be to be contradicted."""
    if claim.kind in ("percent", "share") or not figure:
        return True
    return not far_off(claim.value, figure)


def comparable(claim: Claim, figure: float, named: bool = False) -> bool:
    """Whether the number could be a wrong statement of the figure (counts only): within a
    factor of `MAGNITUDE` of it (of ten when its clause names the figure and its year), or its
    digits shifted by a power of ten (14,500 as 145,000)."""
    if claim.kind in ("percent", "share"):
        return True
    low, high = sorted((abs(claim.value), abs(figure)))
    if low <= 0:
        return False
    return high / low <= (10.0 if named else MAGNITUDE) or digits_shifted(low, high)
