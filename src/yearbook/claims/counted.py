"""What a number counts, read from the words after it, so that only like counts are compared.

A part/whole or sum rule relates two numbers only when they count the same
kind of thing. The **counted noun** of a number is the first plural (or
collective) noun among the few words after it, before any preposition, verb
or punctuation: "142,580 immigrants to about 180 countries" counts
``immigrant``; "about 180 countries last year" counts ``country``; "more than
44,000 from the interior" names nothing.

Two nouns are of **different sorts** when one counts lengths of time (years,
months) or places (countries, offices) and the other does not, or both do
and differ: 44,000 people are never a part of 180 countries, and no count of
events is a part of "the three years".

>>> counted_noun("immigrants to about 180 countries")
'immigrant'
>>> counted_noun(" from the interior") is None
True
>>> comparable("immigrant", None), comparable(None, "year"), comparable("rifle", "gun")
(True, False, True)
"""

from __future__ import annotations

import re

from yearbook.claims.link import tokens

__all__ = ["PERSON_NOUNS", "TIME_NOUNS", "comparable", "counted_noun", "like_counts", "same_noun"]

TIME_NOUNS = frozenset(
    ("year", "month", "week", "day", "hour", "minute", "decade", "quarter", "time", "term")
)
"""Nouns a count of which is a length of time or a number of occasions, never of things."""

PLACE_NOUNS = frozenset(
    (
        "country", "nation", "state", "city", "county", "office", "location",
        "site", "port", "district", "region", "jurisdiction", "territory", "continent",
        "center", "centre",
    )
)  # fmt: skip
"""Nouns a count of which is a number of places, never of people or events."""

PERSON_NOUNS = frozenset(
    ("people", "person", "individual", "resident", "immigrant", "migrant", "foreigner")
)  # fmt: skip
"""Nouns that count people without saying more of them: "6,192 immigrants" and "3,524
people" may be one count in two years."""
_COLLECTIVE = frozenset(
    ("people", "police", "personnel", "staff", "children", "men", "women", "cattle", "youth")
)
_BOUNDARY = frozenset(
    (
        "from", "in", "of", "at", "to", "for", "by", "on", "during", "who", "that", "which",
        "with", "since", "across", "under", "over", "than", "were", "was", "are", "is", "had",
        "has", "have", "and", "or", "but", "while", "each", "per", "a", "an", "the", "as",
        "more", "fewer", "less", "into", "between", "within", "after", "before", "last",
        "this", "these", "those", "its", "their", "it", "they", "been", "be", "being", "not",
    )
)  # fmt: skip
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]")


def counted_noun(after: str, reach: int = 3) -> str | None:
    """The stem of the noun a number counts, from the text right after it, or None."""
    for word in _WORDS.findall(after)[:reach]:
        lowered = word.lower()
        if not lowered[0].isalpha() or lowered in _BOUNDARY:
            return None
        plural = lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))
        if plural or lowered in _COLLECTIVE:
            return tokens(lowered)[0] if tokens(lowered) else None
    return None


def same_noun(first: str | None, second: str | None) -> bool:
    """Whether two counted nouns name one count: the same noun, or both plain people."""
    return first == second or (first in PERSON_NOUNS and second in PERSON_NOUNS)


def _sort(noun: str | None) -> str:
    if noun in TIME_NOUNS:
        return "time"
    if noun in PLACE_NOUNS:
        return "place"
    return "thing"


def comparable(part: str | None, whole: str | None) -> bool:
    """Whether two counted nouns (None: unnamed) may count the same kind of thing."""
    sorts = (_sort(part), _sort(whole))
    if sorts == ("thing", "thing"):
        return True
    return part == whole


def like_counts(part_after: str, whole_after: str) -> bool:
    """`comparable` on the words after two numbers."""
    return comparable(counted_noun(part_after), counted_noun(whole_after))
