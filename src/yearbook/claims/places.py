"""Countries named in a claim's clause: the number then counts that country's part.

"34,700 shipments to Guatemala" is no misstatement of all shipments: a count whose own
clause names a country counts that country's share of a figure, which only a breakdown
by country can check. Country names come from ISO 3166 (`pycountry`: every name, common
name and the part of a name before its comma, "Korea" of "Korea, Republic of"); the
pack's ``claims.home`` names the country the figures are about ("shipped from the United
States" names no part).

>>> country_named("shipments to Guatemala totaled 34,700", ())
'Guatemala'
>>> country_named("shipped from the United States", ("United States",)) is None
True
>>> country_named("sent to the US-Mexico border", ()) is None  # a border, not a country's part
True
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

__all__ = ["country_named"]


def _names() -> set[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for field in ("name", "common_name"):
            name = getattr(country, field, None)
            if isinstance(name, str):
                names.add(name)
                names.add(name.split(",")[0])
    return {n for n in names if len(n) > 3}


@lru_cache(maxsize=8)
def _pattern(home: tuple[str, ...]) -> re.Pattern[str]:
    skip = {h.lower() for h in home}
    names = sorted((n for n in _names() if n.lower() not in skip), key=len, reverse=True)
    return re.compile(
        r"(?<![\w.-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])(?!\s+border)"
    )


def country_named(text: str, home: tuple[str, ...]) -> str | None:
    """The first country other than the home ones that the text names (by a capitalised
    name), or None."""
    found = _pattern(tuple(home)).search(text)
    return found.group() if found else None
