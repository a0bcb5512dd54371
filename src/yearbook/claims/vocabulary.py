"""The agency words the claim checker reads from a pack's ``vocabulary.yaml``.

The engine knows no agency: the names prose uses for offices, the verbs and
nouns writers use for what a metric counts ("deported" for removals) and the
plain meaning of published figures' names all come from the report's pack::

    offices:
      - {id: ero, names: [ERO, Enforcement and Removal Operations]}
    claims:
      terms:     {deported: [removals], arrested: [arrests]}
      generic:   [people, aliens]
      published: {removals_ice_arresting_agency: interior removals}
      others:    [Border Patrol]
      translations: {es: {vendidos: sold}}
      periods:   [{names: [Smith], years: [2017, 2020], until: 2025-01-20}]

``terms`` adds metric words to a claim's context ("deported 59,011 people" is
read as also saying "removals"); ``generic`` words name who a count is about
without telling figures apart and carry no weight; ``published`` says what a
published figure's name counts when its words alone do not; ``others`` names
other bodies whose counts the figures do not hold ("CBP made 851,508 ..."); ``translations``
give, by language, the pack's words in it and the English read for them
(`yearbook.claims.language`); ``periods`` name spans of fiscal years writers count over
by who was in charge ("under Smith", "Smith's first year"; `yearbook.claims.periods`), each
read so only in texts dated before its ``until`` (after it, the name may mean a later span).

>>> v = vocabulary_from_mapping({"claims": {"terms": {"deported": ["removals"]}}})
>>> v.terms["deported"]
('removals',)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yearbook.errors import DeclarationError
from yearbook.packs import Pack, load_pack, pack_folder
from yearbook.yamlio import safe_load

__all__ = [
    "VOCABULARY_FILE",
    "Period",
    "Vocabulary",
    "load_vocabulary",
    "pack_vocabulary",
    "report_vocabulary",
]

VOCABULARY_FILE = "vocabulary.yaml"
"""A pack's vocabulary file, at the root of the pack folder."""


@dataclass(frozen=True)
class Period:
    """A span of fiscal years writers name by who was in charge ("under Smith")."""

    names: tuple[str, ...]
    first: int
    last: int
    until: dt.date | None = None
    """Texts dated from this day on may mean a later span by these names."""


@dataclass(frozen=True)
class Vocabulary:
    """Office names and the claim checker's words, as one pack declares them."""

    offices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()
    published: Mapping[str, str] = field(default_factory=dict)
    others: tuple[str, ...] = ()
    """Names of other bodies ("CBP"), whose counts the pack's figures do not hold."""
    home: tuple[str, ...] = ()
    """Names of the country the figures are about: naming it makes no count a country's part."""
    distinct: tuple[str, ...] = ()
    """Words that name different counts ("arrests", "removals"): a claim next to one is never
    a figure of a metric named by another and not by it."""
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """By language ("es"), the pack's words in it and the English ones the checker reads for
    them ("vendidos": "sold"); see `yearbook.claims.language`."""
    periods: tuple[Period, ...] = ()
    """Spans of fiscal years named by who was in charge; see `yearbook.claims.periods`."""


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DeclarationError(f"{where} must be a word or a list of words")
    return tuple(value)


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise DeclarationError(f"{where} must be a mapping")
    return value


def vocabulary_from_mapping(raw: Mapping[str, Any]) -> Vocabulary:
    """A vocabulary from the parsed YAML of ``vocabulary.yaml``."""
    offices: dict[str, tuple[str, ...]] = {}
    for entry in raw.get("offices") or []:
        if not isinstance(entry, Mapping) or "id" not in entry:
            raise DeclarationError("each office in vocabulary.yaml needs an id and names")
        offices[str(entry["id"])] = _strings(entry.get("names") or [], f"office {entry['id']}")
    claims = _mapping(raw.get("claims"), "claims")
    terms = {
        str(word).lower(): _strings(means, f"claims.terms.{word}")
        for word, means in _mapping(claims.get("terms"), "claims.terms").items()
    }
    generic = frozenset(w.lower() for w in _strings(claims.get("generic") or [], "generic"))
    published = {
        str(name): str(words)
        for name, words in _mapping(claims.get("published"), "claims.published").items()
    }
    others = _strings(claims.get("others") or [], "claims.others")
    home = _strings(claims.get("home") or [], "claims.home")
    distinct = _strings(claims.get("distinct") or [], "claims.distinct")
    translations = {
        str(language): {
            str(word): str(english)
            for word, english in _mapping(words, f"claims.translations.{language}").items()
        }
        for language, words in _mapping(claims.get("translations"), "claims.translations").items()
    }
    periods = tuple(
        _period(entry, n) for n, entry in enumerate(claims.get("periods") or [], start=1)
    )
    return Vocabulary(
        offices, terms, generic, published, others, home, distinct, translations, periods
    )


def _period(entry: Any, n: int) -> Period:
    where = f"claims.periods[{n}]"
    if not isinstance(entry, Mapping) or "names" not in entry or "years" not in entry:
        raise DeclarationError(f"{where} needs names and years: [first, last]")
    years = entry["years"]
    if (
        not isinstance(years, list)
        or len(years) != 2
        or not all(isinstance(y, int) for y in years)
        or years[0] > years[1]
    ):
        raise DeclarationError(f"{where}.years must be [first, last] fiscal years")
    until = entry.get("until")
    if until is not None and not isinstance(until, dt.date):
        try:
            until = dt.date.fromisoformat(str(until))
        except ValueError:
            raise DeclarationError(f"{where}.until must be a date (YYYY-MM-DD)") from None
    return Period(_strings(entry["names"], f"{where}.names"), years[0], years[1], until)


def load_vocabulary(path: Path) -> Vocabulary:
    """Read a pack's ``vocabulary.yaml`` (a pack folder or the file itself)."""
    file = path / VOCABULARY_FILE if path.is_dir() else path
    if not file.is_file():
        raise DeclarationError(f"no vocabulary at {file}")
    raw = safe_load(file.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, Mapping):
        raise DeclarationError(f"{file} must hold a mapping")
    return vocabulary_from_mapping(raw)


def pack_vocabulary(pack: Pack) -> Vocabulary:
    """The claim checker's words of a loaded pack (`yearbook.packs`)."""
    return vocabulary_from_mapping(pack.vocabulary)


def report_vocabulary(report_dir: Path) -> Vocabulary | None:
    """The vocabulary of the pack a report folder names (``pack:`` in report.yaml).

    The pack is found and read by `yearbook.packs`. A folder without ``report.yaml``
    or whose report names no pack has none.
    """
    spec = report_dir / "report.yaml"
    raw = safe_load(spec.read_text(encoding="utf-8")) if spec.is_file() else None
    name = raw.get("pack") if isinstance(raw, Mapping) else None
    if not isinstance(name, str):
        return None
    return pack_vocabulary(load_pack(pack_folder(report_dir, name)))
