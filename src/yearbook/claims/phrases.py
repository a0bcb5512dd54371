"""Numbers written as phrases: multiples, fractions, and fractions of a scale.

* A **multiple** ("doubled", "nearly doubling", "was double those of the year
  before", "twice as many", "tripled", "halved", "three times as many", "four
  times the number") is a ``change``: a ratio m between two values, written
  loosely, so it stands for a ratio within 10% of m (doubled: 1.8 to 2.2);
  "nearly" keeps the part at or below m (1.8 to 2.0), "more than" the part above,
  short of the next whole multiple ("more than four times": above 4, below 5).
  "no change" is a change of 0.
* A **fraction** with a qualifier ("about half", "nearly two-thirds", "more
  than a third of") is a ``share`` when "of" follows and a ``percent``
  otherwise; it stands for 5 points either side of the fraction (nearly: the
  5 points below; more than: the 5 points above). "Half of the cases" is a
  share too, but "the first half of FY 2023" is a part of a year, no claim.
  A fraction after a change word ("fell by almost a third") is a ``change`` of
  its size; a fraction before "the number of" a ``change`` as a ratio; "1 in 5"
  and "1/3 of" are fractions too.
* A **fraction of a scale** ("a quarter of a million", "half a million") and a
  scale on its own ("a thousand", "one million") are counts, read like
  ``0.25 million`` or ``1 thousand``: at least one decimal of the scale.
* An **order of magnitude** ("tens of thousands", "hundreds of millions") is a count from
  twenty (or two hundred) of the scale up to the next order, and never contradicted.

A multiple compares with the year named after it ("double those of FY 2021"),
which `compared_years` makes its base year once the years are assigned.

>>> [(c.text, c.kind, c.interval.text()) for c in phrase_claims("Cases nearly doubled.")]
[('nearly doubled', 'change', '[80, 100]')]
>>> [(c.text, c.interval.text()) for c in phrase_claims("more than a quarter of a million")]
[('more than a quarter of a million', '(250,000, 300,000)')]
"""

from __future__ import annotations

import re

from yearbook.claims.document import Claim, Document
from yearbook.claims.numbers import ABOVE, APPROX, BELOW, WORD_VALUES, Interval, qualifier_side

__all__ = ["compared_years", "phrase_claims", "said_as_majority"]

_QUAL = "|".join(sorted((re.escape(q) for q in ABOVE + BELOW + APPROX), key=len, reverse=True))
_LEAD = rf"(?:(?P<q>{_QUAL})\s+)?"

_ANY = re.compile(
    r"(?=[\ddfhimnqt])(?:"  # tried only where one of the words below may start
    r"doubl|tripl|twice|thrice|quadrupl|halv|half|third|quarter|fourth|fifth|thousand|illion|fold|"
    r"majority|"
    r"times|no\s+change|\bin\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b|\d/\d)",
    re.I,
)
"""A word one of the phrases needs: a sentence without any is not searched further."""
_MULTIPLES = {
    "double": 2.0, "doubled": 2.0, "doubling": 2.0, "doubles": 2.0, "twice": 2.0,
    "triple": 3.0, "tripled": 3.0, "tripling": 3.0, "triples": 3.0, "thrice": 3.0,
    "quadruple": 4.0, "quadrupled": 4.0, "quadrupling": 4.0, "halved": 0.5, "halving": 0.5,
}  # fmt: skip
_TIMES_WORDS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0,
                "eight": 8.0, "nine": 9.0, "ten": 10.0}  # fmt: skip
_MULTIPLE = re.compile(
    rf"\b{_LEAD}(?P<w>doubl(?:ed|ing|es|e)|twice|tripl(?:ed|ing|es|e)|thrice|"
    rf"quadrupl(?:ed|ing|e)|halv(?:ed|ing)|"
    rf"(?P<fold>{'|'.join(_TIMES_WORDS)}|[1-9]\d?)[\s-]?fold)\b(?!-)"
    rf"|\bno\s+change\b",
    re.I,
)
_TIMES = re.compile(
    rf"\b{_LEAD}(?P<n>{'|'.join(_TIMES_WORDS)}|\d{{1,2}}(?:\.\d)?)[\s-]+times\b"
    r"(?=\s+(?:as\s+(?:many|much|high|large|likely|often)|the|that|those|what|its|their|"
    r"more|higher|larger|greater|bigger)\b)"
    r"(?!\s+the\s+(?:national|state|average|rate|size|cost|price|population)\b)",
    re.I,
)
"""A multiple in a number of times that compares: "more than four times the number removed in
2021", "three times as many" (not "three times a week", nor "three times the national
average", a multiple of another measure)."""
_ADJECTIVE = re.compile(r"^(?:double|triple|quadruple|twice|thrice)$", re.I)
"""Words that are a multiple only where the text compares ("was double those of ...")."""
_COMPARES_AFTER = re.compile(
    r"^\s*(?:as\s+(?:many|much|high|large|likely|often)|the|that|those|what|its|their|"
    r"from|since|over|compared|in|during|last|[,.;:]|$)",
    re.I,
)
_COPULA_BEFORE = re.compile(
    r"\b(?:is|was|were|are|be|been|being|than|nearly|almost|roughly|about|more\s+than|over|"
    r"around|some)\s+$",
    re.I,
)
_DOWN_BEFORE = re.compile(
    r"\b(?:down|fell|fall(?:en|ing)?|drop(?:ped|ping)?|decreas\w*|declin\w*|cut|reduc\w*|"
    r"shr[ai]nk\w*|lower)\b[^.;,]*$",
    re.I,
)
"""Before a "-fold" multiple: a fall, which divides rather than multiplies."""
_NOT_A_CHANGE = re.compile(
    r"^\s*(?:down|up|back|as\s+a|-|over(?!\s+(?:(?:fiscal\s+(?:year\s+)?|FY\s?)?'?\d{2,4}\b"
    r"|the\b|a\b|an\b|last\b|its\b|their\b|that\b|those\b|prior\b|previous\b)))",
    re.I,
)
"""After the word: "doubled down", "doubled up", "doubled over" (bent), "doubled as a ...":
no multiple; "doubled over 2021", "doubled over the year before" is one."""

_COUNTS = {"a": 1.0, "one": 1.0, "two": 2.0, "three": 3.0}
_DENOMINATORS = {"third": 3.0, "quarter": 4.0, "fourth": 4.0, "fifth": 5.0}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_FRACTION = (
    r"half|(?:a|one|two|three)[\s-](?:third|quarter|fourth|fifth)s?"
    r"|(?:one|two|three)[\s-]and[\s-]a[\s-]half"
)
_SCALED = re.compile(
    rf"\b{_LEAD}(?P<f>(?:one|two|three)[\s-]and[\s-]a[\s-]half|(?:{_FRACTION}|quarter|third)\s+of\s+a|"
    r"half\s+a|a\s+half|a\s+quarter|a(?=\s+thousand)|(?:a|one)(?=\s+[mb]illion))\s+"
    r"(?P<s>thousand|million|billion)\b(?!-)",
    re.I,
)
_VAGUE = re.compile(r"\b(?P<n>tens|hundreds)\s+of\s+(?P<s>thousands|millions)\b", re.I)
"""A count said by its order of magnitude ("tens of thousands"): at least ten of the scale,
short of the next order; vague, so it is never contradicted."""
_WORD_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(WORD_VALUES)}|hundred|thousand)(?:[^\S\n]|-|\n(?![^\S\n]*\n))+"
    r"|\d[^\S\n]*-?[^\S\n]*)\Z",
    re.I,
)
"""A number word or digit just before: "fifty-one million" is no "one million". Not a
word before a paragraph's break, nor a digit before a line's: "... in 2019" and, below it,
"A quarter of a million ..."."""
_FRACTION_SHARE = re.compile(rf"\b{_LEAD}(?P<f>{_FRACTION})\b(?![\s-](?:million|billion))", re.I)
_NOT_A_FRACTION_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|last|final|latter|former|next|each|every|per|this|that|"
    r"the|and|a|one)\s*$|[-\d]\s*$",
    re.I,
)
_OF_A_TIME = re.compile(
    r"^\s*(?:of\s+)?(?:the\s+|a\s+|an\s+|that\s+|this\s+|its\s+)?(?:fiscal\s+|calendar\s+)?"
    r"(?:years?|months?|decades?|century|days?|weeks?|hours?|terms?|time|way|dozen|"
    r"(?:FY\s?)?'?\d{2,4}(?![,.]\d))\b(?!\s+(?!(?:and|or|in|to|when|that|which|was|were|is|are|had|has|"
    r"of|for|as|at|on|by|with|before|after|under)\b)[a-z])",
    re.I,
)
"""A part of a length of time ("the first half of the year", "half of FY 2023"), unless a
noun follows the year ("half of the FY 2021 cases")."""
_CHANGED_BY = re.compile(
    r"\b(?P<w>rose|risen|rising|increased|grew|grown|climbed|jumped|surged|up|fell|fallen|"
    r"falling|decreased|declined|dropped|shrank|shrunk|cut|reduced|slashed|down)\s+(?:by\s+)?$"
    r"|\b(?P<n>drop|decline|decrease|fall|reduction|cut|increase|rise|jump|gain|growth)\s+of\s+$",
    re.I,
)
"""Before a fraction that is a change: "fell by almost a third", "a drop of nearly one-third"."""
_PARTICLE = re.compile(
    r"\b(?:make|makes|made|making|add|adds|added|adding|end|ends|ended|ending|sum|sums|summed|"
    r"back|backs|backed|account|accounts|accounted|take|takes|took|taken|taking|"
    r"set|sets|show|shows|showed|turn|turns|turned|pay|paid|won|win|wins)\s+(?:up|down)$",
    re.I,
)
"""A verb whose "up" or "down" is its own particle ("made up", "turned down"), no change."""
_DOWN = frozenset(
    ("fell", "fallen", "falling", "decreased", "declined", "dropped", "shrank", "shrunk", "cut",
     "reduced", "slashed", "down", "drop", "decline", "decrease", "fall", "reduction")
)  # fmt: skip
_SMALL = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
_SLASH = re.compile(
    rf"\b{_LEAD}(?P<a>[1-9])/(?P<b>[2-9]|10)\b"
    r"(?=\s+of\s+(?!(?:the\s+|that\s+|this\s+)?(?:\d|FY|fiscal|year|month|week|day)))",
    re.I,
)
"""A fraction in figures before "of": "1/3 of non-citizens" (never a date: "9/11", "1/20")."""
_ONE_IN = re.compile(
    rf"\b{_LEAD}(?P<a>{_SMALL})\s+in\s+(?P<b>{_SMALL})\b"
    r"(?![\s-]*(?:%|percent|[,.]\d|years?|months?|weeks?|days?|hours?|times?))",
    re.I,
)
"""A ratio in words: "1 in 5", "nearly one in four" ("three out of nine" is a part of a whole,
or announces a list)."""
_RATIO_AFTER = re.compile(
    r"^\s*(?:the\s+(?:number|level|total|count|amount|rate|figure)|the\s+\$?\d[\d,.]*|that|those|what|"
    r"as\s+(?:many|much))\b",
    re.I,
)

_RATIO_OF_YEAR = re.compile(
    r"\s*of\s+(?:the\s+)?(?:total|number|level|count|amount|figure|where|what|annual|yearly)\b"
    r"[^.;:,]{0,60}?\b(?:in|during|for)\s+(?:the\s+)?(?:fiscal\s+(?:years?\s+)?|FY\s?'?)?"
    r"(?:19|20)\d\d\b",
    re.I,
)
"""After a fraction that compares with another year: "half of the total sales made in FY
2019", "half of where it was in 2009", "a fifth of the annual sales in Fiscal Years
2017-2019" (not "half of the total", a share of its own year's)."""


def phrase_claims(text: str, start: int = 0, end: int | None = None) -> list[Claim]:
    """Every multiple, fraction and scaled phrase in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    if not _ANY.search(text, start, end):
        return []
    found = [c for m in _MULTIPLE.finditer(text, start, end) if (c := _multiple(text, m, start))]
    found += [_times(m) for m in _TIMES.finditer(text, start, end)]
    found += [
        _scaled(m)
        for m in _SCALED.finditer(text, start, end)
        if not _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
    ]
    found += [_vague(m) for m in _VAGUE.finditer(text, start, end)]
    found += [c for m in _ONE_IN.finditer(text, start, end) if (c := _one_in(text, m))]
    found += [c for m in _SLASH.finditer(text, start, end) if (c := _one_in(text, m))]
    taken = [(c.start, c.end) for c in found]
    found += [_majority(m) for m in _MAJORITY.finditer(text, start, end)]
    taken = [(c.start, c.end) for c in found]
    for match in _FRACTION_SHARE.finditer(text, start, end):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        claim = _fraction(text, match, start, end)
        if claim is not None:
            found.append(claim)
    return sorted(found, key=lambda c: c.start)


_MAJORITY = re.compile(
    r"(?:\b(?P<no>no\s+longer|not|never)\s+(?:(?:made|make|makes|form(?:ed|s)?|"
    r"constitute[sd]?|were|was|are|is|represent(?:ed|s)?)\s+(?:up\s+)?)?)?"
    r"\b(?:a|the)\s+majority(?=\s+of\b)",
    re.I,
)
"""A share said as a majority ("a majority of those sold"), or as no longer one ("no longer
made up a majority of sales")."""


def said_as_majority(claim: Claim) -> bool:
    """Whether a share is one said as a majority (`_MAJORITY`): any share above half (or
    none above it), too loose to be read off two counts beside it."""
    return claim.kind == "share" and _MAJORITY_WORD.search(claim.text) is not None


_MAJORITY_WORD = re.compile(r"\bmajority\b", re.I)


def _majority(match: re.Match[str]) -> Claim:
    """ "a majority of": a share above half; "no longer (made up) a majority of": half or less."""
    at = match.start() if not match.group("no") else match.end() - len("a majority")
    text = match.string[at : match.end()]
    if match.group("no"):
        found = _claim(match, "share", 25.0, Interval(0.0, 50.0, True, True))
    else:
        found = _claim(match, "share", 75.0, Interval(50.0, 100.0, False, True))
    found.text, found.start, found.number_start = text, at, at
    found.qualifier = "no more than" if match.group("no") else "more than"
    return found


def _claim(match: re.Match[str], kind: str, value: float, interval: Interval) -> Claim:
    qualifier = (match.groupdict().get("q") or "").lower()
    return Claim(
        index=0,
        text=match.group(),
        start=match.start(),
        end=match.end(),
        kind=kind,
        value=value,
        interval=interval,
        qualifier=qualifier,
        direction=(1 if value > 0 else -1 if value < 0 else 0) if kind == "change" else 0,
        number_start=match.start(),
        number_end=match.end(),
    )


def _multiple(text: str, match: re.Match[str], s_start: int) -> Claim | None:
    word = (match.group("w") or "").lower()
    if not word:
        return _claim(match, "change", 0.0, Interval(-0.05, 0.05, False, False))
    after = text[match.end() : match.end() + 40]
    if _NOT_A_CHANGE.match(after):
        return None
    if _ADJECTIVE.match(word) and not match.group("q"):
        before = text[max(s_start, match.start() - 20) : match.start()]
        if not (_COPULA_BEFORE.search(before) and _COMPARES_AFTER.match(after)):
            return None
    if word == "twice" and not re.match(r"^\s*(?:as|the|that|what)\b", after, re.I):
        return None
    down = word.endswith("fold") and bool(
        _DOWN_BEFORE.search(text, max(s_start, match.start() - 30), match.start())
    )  # "down more than threefold": a ratio the other way, the earlier value over the later
    fold = (match.group("fold") or "").lower()  # "fourfold", "four-fold", "4-fold"
    ratio = (_TIMES_WORDS.get(fold) or float(fold)) if fold else _MULTIPLES[word]
    return _multiple_of(match, ratio, "w", down=down)


def _multiple_of(match: re.Match[str], ratio: float, group: str, down: bool = False) -> Claim:
    """A multiple of ``ratio``, written loosely: within 10% of it (see the module's notes);
    ``down``, the earlier value that multiple of the later ("fell threefold": to a third)."""
    side = qualifier_side(match.group("q") or "")
    low, high = 0.9 * ratio, 1.1 * ratio
    if side == "below":
        high = ratio
    elif side == "above":  # "more than four times": short of the next whole multiple
        low, high = ratio, (ratio + 1 if ratio >= 2 else high)
    if down:
        low, high, ratio = 1 / high, 1 / low, 1 / ratio
    change = Interval(100 * (low - 1), 100 * (high - 1), side != "above", side != "above")
    claim = _claim(match, "change", 100 * (ratio - 1), change)
    claim.number_start = match.start(group)
    return claim


def _times(match: re.Match[str]) -> Claim:
    """ "more than four times the number": a multiple of its number of times."""
    n = match.group("n").lower()
    return _multiple_of(match, _TIMES_WORDS.get(n) or float(n), "n")


def _fraction_value(words: str) -> float:
    """ "two-thirds" -> 2/3, "a quarter" -> 1/4, "half" -> 1/2, "one and a half" -> 1.5."""
    parts = re.split(r"[\s-]+", words.lower())
    if len(parts) == 1 and parts[0] in _DENOMINATORS:  # a headline's "Quarter of a Million"
        return 1 / _DENOMINATORS[parts[0]]
    if parts[-1] == "half":
        return 0.5 if len(parts) < 3 else _COUNTS[parts[0]] + 0.5
    return _COUNTS[parts[0]] / _DENOMINATORS[parts[-1].removesuffix("s")]


def _scaled(match: re.Match[str]) -> Claim:
    words = re.sub(r"\s+of\s+a$|\s+a$", "", match.group("f").lower())
    fraction = 1.0 if words in ("a", "one") else _fraction_value(words)
    unit = _SCALES[match.group("s").lower()]
    shown, half = fraction * unit, unit / 20
    side = qualifier_side(match.group("q") or "")
    if side == "above":
        interval = Interval(shown, shown + half, False, False)
    elif side == "below":
        interval = Interval(shown - half, shown, True, False)
    else:
        interval = Interval(shown - half, shown + half, True, False)
    return _claim(match, "count", shown, interval)


def _vague(match: re.Match[str]) -> Claim:
    """ "tens of thousands": 20,000 up to 100,000 (tens are at least two of them); "hundreds of
    millions": 200 million up to a billion."""
    order = (10.0 if match.group("n").lower() == "tens" else 100.0) * _SCALES[
        match.group("s").lower().rstrip("s")
    ]
    low = 2 * order
    found = _claim(match, "count", 3 * order, Interval(low, 10 * order, True, False))
    found.no_contradiction = f"it is an order of magnitude ({match.group()!r}), said loosely"
    return found


def _fraction(text: str, match: re.Match[str], s_start: int, s_end: int) -> Claim | None:
    before = text[max(s_start, match.start() - 20) : match.start()]
    after = text[match.end() : min(s_end, match.end() + 40)]
    qualified = bool(match.group("q"))
    if not qualified and _NOT_A_FRACTION_BEFORE.search(before):
        return None
    if _OF_A_TIME.match(after) or re.match(r"^[\s-]*(?:way|time|hearted|life|an?\b)", after):
        return None
    moved = _CHANGED_BY.search(before)
    if moved and moved.group("w") and _PARTICLE.search(before, 0, moved.end("w")):
        moved = None  # "they make up more than a third of": a share, not a change
    of_a_year = _RATIO_OF_YEAR.match(text, match.end(), min(s_end, match.end() + 90))
    share = not moved and not of_a_year and bool(_OF_AFTER.match(after))
    ratio = not share and not moved and bool(of_a_year or _RATIO_AFTER.match(after))
    if not (qualified or share or ratio or moved):
        return None
    value = 100 * _fraction_value(match.group("f"))
    low, high = _points(value, match.group("q") or "")
    if moved:  # "fell by almost a third": a change of its size
        sign = -1.0 if (moved.group("w") or moved.group("n")).lower() in _DOWN else 1.0
        interval = Interval(low, high) if sign > 0 else Interval(-high, -low)
        return _claim(match, "change", sign * value, interval)
    if ratio:
        return _claim(match, "change", value - 100, Interval(low - 100, high - 100))
    return _claim(match, "share" if share else "percent", value, Interval(low, high))


_OF_AFTER = re.compile(r"^\s*(?:\([^()]{1,24}\)\s*)?of\b", re.I)
"""After a fraction that is a share: "of", or "of" after its value in brackets ("a third (34%)
of these offices")."""

_OPEN = frozenset(("less than", "under", "fewer than", "below"))
"""Qualifiers that bound a fraction from above only: "less than half" is any share below it
("more than half" stays within 5 points: a writer says "most" for far more)."""


def _points(value: float, qualifier: str) -> tuple[float, float]:
    """A fraction's range in percentage points: 5 either side, or on its qualifier's side, or
    all the way down to 0 below a bound ("less than half", "under a third")."""
    side = qualifier_side(qualifier)
    if qualifier.lower() in _OPEN:
        return 0.0, value
    if side == "below":
        return value - 5, value
    if side == "above":
        return value, value + 5
    return value - 5, value + 5


def _one_in(text: str, match: re.Match[str]) -> Claim | None:
    """ "1 in 5", "nearly one in four": a share of 100 a / b percent, within 5 points."""
    a, b = (_small(match.group(g)) for g in ("a", "b"))
    if not 0 < a < b:
        return None
    value = 100 * a / b
    low, high = _points(value, match.group("q") or "")
    return _claim(match, "share", value, Interval(low, high))


def _small(word: str) -> float:
    return float(word) if word.isdigit() else float(WORD_VALUES.get(word.lower(), 0))


_YEAR = (
    r"(?:(?:FY\s?'?|fiscal\s+(?:year\s+)?)(?P<y>(?:19|20)\d\d|\d\d)"
    r"|(?P<y2>(?:19|20)\d\d))(?![\d,.%]\d|\d|%)"
)
_COMPARED_YEAR = re.compile(
    rf"\s*(?:(?:those|that)\s+(?:of|in|during|for)|the|(?:[\w-]+\s+){{0,2}}?as\s+(?:in|during|for)?)"
    rf"\s*(?:the\s+)?{_YEAR}",
    re.I,
)
_SENTENCE_YEAR = re.compile(rf"\b{_YEAR}", re.I)
_MULTIPLE_TEXT = re.compile(
    r"doubl|tripl|quadrupl|halv|twice|thrice|half|third|quarter|times|fold", re.I
)


_BASE_WORD = re.compile(
    r"\b(?:than|from|since|compared\s+(?:to|with)|versus|against)\s+(?:the\s+)?"
    r"(?:[\w,.$]+\s+){0,4}?(?:in\s+|during\s+)?$",
    re.I,
)
"""Before a year that is a comparison's base, not the year of what follows it."""


def compared_years(doc: Document) -> None:
    """A multiple compares with the year named after it: "cases in FY 2023 were double
    those of FY 2021" is a change from FY 2021 to FY 2023, "twice as high as in FY 2017" one
    from FY 2017. The claim's own year is then the one its sentence names before it, else the
    document's (``--fy``) when it is another, else none. A multiple that names no base year
    after it is never contradicted on the year before its own, which is only a guess."""
    for claim in doc.claims:
        if claim.kind != "change" or not _MULTIPLE_TEXT.search(claim.text):
            continue
        _, s_start, s_end = doc.sentences[claim.sentence]
        found = _COMPARED_YEAR.match(doc.text, claim.end, s_end)
        if not found:
            if not _names_base(doc, claim, s_end):
                claim.no_contradiction = "it names no year it is a multiple of"
            continue
        base = _full_year(found)
        own = [
            _full_year(m)
            for m in _SENTENCE_YEAR.finditer(doc.text, s_start, claim.start)
            if not _BASE_WORD.search(doc.text, max(s_start, m.start() - 60), m.start())
        ]  # not "fewer than the 103,603 made in fiscal 2020, and roughly half the 2019 ..."
        own = [y for y in own if y != base]
        claim.base_year = base
        default = doc.default_year if doc.default_year != base else None
        if claim.year_given and claim.fiscal_year not in (None, base, base + 1):
            default = claim.fiscal_year  # the year its sentence points back to, say
        claim.fiscal_year = own[-1] if own else default
        if claim.fiscal_year is None:
            claim.year_note = (
                f"it compares with FY {base}, and its sentence names no year of its own"
            )


_RELATIVE_BASE = re.compile(
    r"\b(?:(?:the\s+)?(?:prior|previous|preceding)\s+(?:fiscal\s+)?year|the\s+year\s+(?:before|prior)"
    r"|a\s+year\s+(?:earlier|before|ago)|last\s+(?:fiscal\s+)?year)\b",
    re.I,
)


def _names_base(doc: Document, claim: Claim, s_end: int) -> bool:
    """Whether the multiple's base year is named after it in its sentence ("four times the
    number sold in 2021", "from 6,815 in the prior fiscal year"), not only guessed as the year
    before its own ("three times as many ... in FY 2020" may compare with any year the text
    gave before)."""
    if claim.base_year is None:
        return False
    if _RELATIVE_BASE.search(doc.text, claim.end, s_end):  # "... in the prior fiscal year"
        return True
    after = doc.text[claim.end : s_end]
    return (
        re.search(rf"(?<!\d){claim.base_year}(?!\d)|\bFY\s?'?{claim.base_year % 100:02d}\b", after)
        is not None
    )


def _full_year(found: re.Match[str]) -> int:
    text = found.group("y") or found.group("y2")
    return int(text) if len(text) == 4 else 2000 + int(text)
