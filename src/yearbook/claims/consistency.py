"""Internal consistency: claims checked against each other, with no data.

Rules (an explicit, ordered registry in `RULES`), each looking at the claim's
sentence and the previous sentence of the same paragraph:

``change``     a stated change against the two values it relates
               ("91,497 ... compared to 85,343 ... a 7.2% increase", "34,546,
               12 percent fewer than the 39,328")
``pair``       a change no years tie to two values, against two like counts near it
               ("152,000 ... 205,000 ... 26 percent fewer"); it may support, never
               contradict
``direction``  "up from" / "down from" against the value it follows
``share``      a share against its part and whole ("73,822 of the 170,590
               arrested, 43%"), by wording or by the share metric's
               numerator and denominator, or set beside its part ("265,000
               people, representing 39% of the 680,000 ...")
``rest``       a share that is the rest of the shares before it ("and only
               10.8% had neither"): supported by 100 less their sum, never
               contradicted (`yearbook.claims.shares`)
``average``    an average against its total and the count it is per
``list``       an announced count against the list that follows it
``parts``      parts against their whole ("7,110 victims, including 1,919
               minors"; a list of categories of one total; no share above 100%)
``remainder``  "the other N" as a whole less a part stated before it; it may
               support, never contradict
``rate``       a rate ("about 160 a day") against its year's total; it may
               support, never contradict (`yearbook.claims.rates`)
``gap``        "a difference of N" against the two like counts before it; it
               may support, never contradict (`yearbook.claims.gaps`)
``bracketed``  a rounded value against the exact one in brackets right after it
               ("over twelve hundred (1,253)"); it may support, never contradict

Arithmetic is done on intervals: a derived range that meets the stated
interval is consistent, one that misses it is a contradiction.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from itertools import pairwise

from yearbook.claims.counted import PERSON_NOUNS, comparable, same_noun
from yearbook.claims.counted import counted_noun as noun_of_words
from yearbook.claims.extract import Claim, Document
from yearbook.claims.findings import Finding
from yearbook.claims.gaps import gap_findings
from yearbook.claims.link import tokens, value_before
from yearbook.claims.numbers import Interval, qualifier_side
from yearbook.claims.parts import part_of_something
from yearbook.claims.phrases import said_as_majority
from yearbook.claims.ranks import since_findings
from yearbook.claims.rates import per_period, rate_findings
from yearbook.claims.relevance import stem
from yearbook.claims.shares import (
    apposed_pair,
    complements,
    counted_share,
    dated_counts,
    distant_pair,
    opposites,
    pointed_pair,
    splits,
)
from yearbook.claims.sums import sums
from yearbook.claims.text import MONTH
from yearbook.claims.verify import as_written
from yearbook.claims.wholes import noun, parts_findings, remainders, worded_pairs
from yearbook.claims.years import OTHER_CLAUSE, POINTS_BACK, base_of
from yearbook.figures.meta import MetricMeta

__all__ = ["RULES", "Finding", "check_consistency"]

_VALUES = ("count", "money", "weight", "average")
_BESIDE = re.compile(r"^\s*(?:\(|,|,?\s*or|,?\s*i\.e\.,?)?\s*$", re.I)
_BESIDE_AFTER = re.compile(
    r"^\s*(?:of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}[\w-]+\s*\()?"
    r"(?:\(|,|,?\s*or|,?\s*i\.e\.,?)?\s*$",
    re.I,
)
"""After a percent, before its count: as `_BESIDE`, or what it is of and a parenthesis ("91
percent of deportees (243,000)")."""
_OF_WHAT = r"\s+(?:in|of)\s+(?:the\s+)?(?:number\s+of\s+)?"
"""After a change, before what it is of: "a 9% fall in the number of ..."."""
_CHANGE_OBJECT = re.compile(
    rf"{_OF_WHAT}(?P<mods>(?:[a-z][\w-]*\s+){{1,2}})(?P<noun>[a-z][\w-]*s)\b"
)
"""What a change is of, with words that narrow it: "a 174% jump in online sales"."""
_CHANGED = re.compile(rf"{_OF_WHAT}(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>[a-z][\w-]*s)\b", re.I)
"""What a change is of: "a 15% rise in permits", "a 9% fall in the number of online sales"."""
_PLAIN_MODIFIERS = frozenset(("total", "overall", "all", "annual", "yearly", "its", "their"))
_LIST_REACH = 40
"""The most sentences back a list item's percent looks for the lines that lead its list."""
_IN_A_MONTH = re.compile(rf"\s*(?:[\w-]+\s+){{0,3}}?(?:in|during|for)\s+{MONTH}\b", re.I)
"""After a value of one month ("28,000 in October 2019"), not of a year."""
_MULTIPLE_WORD = re.compile(r"doubl|tripl|quadrupl|halv|twice|thrice|\bhalf\b", re.I)
_LEVEL = re.compile(
    r"\s*of\s+(?:what|the\s+(?:previous|prior|preceding|last|same|year|level|figure)|"
    r"(?:the\s+)?(?:FY\s?|fiscal\s+(?:year\s+)?)?'?\d{2,4}\b|"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:level|levels|figure|year's)\b)",
    re.I,
)
_LANDS = re.compile(
    r"(?:\s+(?:in|during)\s+(?:(?:fiscal\s+(?:year\s+)?|FY\s?)?(?:19|20)\d\d),?)?"
    r"\s+to\s+(?:(?:an?\s+)?average\s+of\s+|about\s+|nearly\s+|almost\s+)?\$?",
    re.I,
)
"""Between a change and the value it went to ("jumped 279 percent to an average of 144,557",
"fell 43 percent in 2021, to 5,221")."""
_DIFFERENCE = re.compile(r"\s*(?:more|fewer|less)\b", re.I)
"""After a value that is a difference ("roughly 15,000 more"), no level of a year."""
_TO_NEXT = re.compile(r"^[^.;,]*?\bto\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}?\$?$", re.I)


Rule = Callable[[Document, Mapping[str, MetricMeta]], Iterator[Finding]]


def _near(doc: Document, claim: Claim, back: int = 1) -> list[Claim]:
    """Claims of the same sentence and the ``back`` sentences before it in its paragraph."""
    return [
        c
        for s in range(claim.sentence - back, claim.sentence + 1)
        for c in doc.in_sentence(s)
        if c.block == claim.block
    ]


def _ratio(num: Interval, den: Interval, scale: float = 1.0) -> tuple[float, float] | None:
    if den.low <= 0:
        return None
    return scale * num.low / den.high, scale * num.high / den.low


def _meets(claim: Claim, low: float, high: float) -> bool:
    return claim.interval.overlaps(Interval(low, high))


def _loosely(claim: Claim, low: float, high: float) -> bool:
    """Whether the claim may state [low, high] as writers round a bare percent or change in
    digits: by its last place, or truncated to it ("a 75 percent jump" for 75.7%). Only
    ever a reason to support: the text's own numbers do not decide how its writer rounds."""
    if _meets(claim, low, high):
        return True
    iv, v = claim.interval, claim.value
    if claim.qualifier or not any(ch.isdigit() for ch in claim.text) or not iv.low < v < iv.high:
        return False
    step = iv.high - iv.low
    if abs((iv.low + iv.high) / 2 - v) > step / 1000:  # not the rounding of its last place
        return False
    cut_low, cut_high = (v - step / 2, v + step) if v >= 0 else (v - step, v + step / 2)
    return cut_low <= high and low < cut_high


def _num(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _range(low: float, high: float, digits: int = 2) -> str:
    if abs(high - low) < 10 ** (-digits):
        return f"{low:,.{digits}f}"
    return f"{low:,.{digits}f} to {high:,.{digits}f}"


def _family(kind: str) -> str:
    return "percent" if kind in ("percent", "share") else kind


def _same_thing(a: Claim, b: Claim) -> bool:
    if a.metric and b.metric:
        return a.metric == b.metric and a.breakdown == b.breakdown
    return True


def _same_count(doc: Document, a: Claim, b: Claim) -> bool:
    """Whether two values may be one count in two years (a change, "up from"): one metric,
    or the same counted noun where both name one ("143,000 visits" is no earlier value of
    "267,000 sales")."""
    if a.metric and b.metric:
        return _same_thing(a, b)
    first, second = noun(doc, a), noun(doc, b)
    if first and second and not same_noun(first, second):
        return False
    return comparable(first, second)


_DONE_BEFORE = re.compile(r"\b([a-z]{4,}ed)\s+$", re.I)
"""The verb in "-ed" right before a count ("visited (30,028 homes)")."""


def _done_to(doc: Document, a: Claim, b: Claim) -> bool:
    """Whether one value counts plain people with the verb right before it done to them and
    the other names that verb's noun ("visited 30,028 people" and "41,318 visits"): maybe
    one count in two wordings (a person may be visited twice: support only)."""
    for people, other in ((a, b), (b, a)):
        found = _DONE_BEFORE.search(doc.text, max(0, people.start - 30), people.start)
        said = noun(doc, other)
        if (
            found
            and said
            and noun(doc, people) in PERSON_NOUNS
            and stem(said.lower()) == stem(found.group(1).lower())
        ):
            return True
    return False


# ------------------------------------------------------------------- change


def _loosely_meets(claim: Claim, low: float, high: float) -> bool:
    """Whether a multiple in words ("almost tripled") is within 10% of its ratio either way:
    a text's own numbers that slightly overshoot "almost" are no solid contradiction."""
    if not _MULTIPLE_WORD.search(claim.text):
        return False
    ratio = 1 + claim.value / 100
    return Interval(100 * (0.9 * ratio - 1), 100 * (1.1 * ratio - 1)).overlaps(Interval(low, high))


_TIMES = re.compile(r"\btimes\b|doubl|twice|tripl|quadrupl|fold\b", re.I)
"""A multiple, which a writer may state of either value against the other."""
_SCALED = re.compile(r"\d\.\d|million|billion|trillion|thousand|\d\s?(?:[kKmMbB]|bn|mn)\b")
"""A number written with a decimal or a scale ("4.7 million", "143k"), which writers cut short."""


def _loose(value: Claim) -> Interval:
    """The values a number of the text may stand for, read as loosely as a writer may mean
    it: a scaled number cut short instead of rounded ("4.7 million" for 4,758,000) up to one
    step above it, and a qualified one open on its side ("over 2 million" for 3 million too)."""
    iv = value.interval
    side = qualifier_side(value.qualifier) if value.qualifier else ""
    if side == "above" and value.value >= 0:
        return Interval(iv.low, math.inf, iv.low_inclusive, False)
    if side == "below" and value.value >= 0:
        return Interval(0.0, iv.high, True, iv.high_inclusive)
    if value.qualifier or iv.low == iv.high or value.value < 0 or not _SCALED.search(value.text):
        return iv  # "2,000" is as the rules read it: writers cut short scaled numbers
    return Interval(iv.low, value.value + (iv.high - iv.low), iv.low_inclusive, False)


def _if_loose(claim: Claim, num: Claim, den: Claim, shift: float = 100.0) -> bool:
    """Whether the claim holds between two of the text's values read loosely (`_loose`):
    the text's own rounding and qualifiers are no solid ground for a contradiction."""
    span = _ratio(_loose(num), _loose(den), 100.0)
    return span is not None and _meets(claim, span[0] - shift, span[1] - shift)


_PLACE = re.compile(
    r"\b(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s+"
    r"(?:area|region|district|county|field\s+office|metro(?:politan)?\s+area)\b"
)
"""A place a sentence names by a kind of place ("the Lakeside area", "the Dallas region")."""


def _place_named(doc: Document, sentence: int) -> str | None:
    """The name of the place a sentence names by a kind of place, or None."""
    _, start, end = doc.sentences[sentence]
    found = _PLACE.search(doc.text, start, end)
    return found.group("name") if found else None


_CONTRAST = re.compile(
    r"\b(?:even\s+as|while|whereas|but|although|though)\s+(?:[\w'-]+\s+){1,6}?$", re.I
)
"""Between a value and a change whose own subject a contrast opens ("Sales rose to 267,258
... even as refunds at the counter fell nearly 10 percent"): the value is another's."""


def _years_pair(doc: Document, claim: Claim) -> tuple[Claim, Claim] | None:
    """The values of the change's year and its base year, nearest first, of one thing."""
    if claim.fiscal_year is None:
        return None
    place = _place_named(doc, claim.sentence)
    values = [
        c
        for c in _near(doc, claim, back=2)
        if c.kind in _VALUES
        and _same_thing(c, claim)
        and not per_period(doc, c)
        and not _DIFFERENCE.match(doc.text, c.end)
        and not c.difference  # "an increase of 839 people (about +2.3%)": no level of a year
        and not (c.start > claim.end and OTHER_CLAUSE.search(doc.text, claim.end, c.start))
        and not (
            c.sentence == claim.sentence
            and c.end <= claim.start
            and _CONTRAST.search(doc.text, c.end, claim.start)
        )
        and (
            place is None or c.sentence == claim.sentence or place in doc.sentence_text(c.sentence)
        )
    ]  # "Visits rose 19.5%, and sales nearly doubled, to 142,580": another clause's; "The
    # Lakeside area saw a 4 percent increase": not the values of another place before it
    current = [c for c in values if c.fiscal_year == claim.fiscal_year and c.role != "prior"]
    own = [c for c in current if c.sentence == claim.sentence and c.end <= claim.start]
    landed = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.start >= claim.end and _LANDS.fullmatch(doc.text, claim.end, c.start)
    ]
    if landed:  # "jumped 279 percent to an average of 144,557": the value it went to
        current = [c for c in landed if c in current]
    elif own:  # "... deported 186,000 people this year, a 30% decline": that value's change
        current = own[-1:]
    prior = [c for c in values if c.fiscal_year == claim.base_year]
    narrowing = _narrowing(doc, claim)
    pairs = [
        (n, t)
        for n in reversed(current)
        for t in reversed(prior)
        if n.kind == t.kind
        and n is not t
        and _same_count(doc, n, t)
        and _like_sizes(n, t)
        and _named_beside(doc, n, narrowing)
        and _named_beside(doc, t, narrowing)
        and base_of(doc, t) in (None, n)
    ]
    if len(pairs) > 1:  # "fell 62% in 2021, to 39,149 from 103,762 ..., and 43% in 2021, to
        # 5,221 from 9,161": each change relates the pair no other change stands nearer
        pairs.sort(key=lambda pair: _apart(doc, claim, pair))
    return pairs[0] if pairs else None


def _apart(doc: Document, claim: Claim, pair: tuple[Claim, Claim]) -> tuple[int, bool, int]:
    """How far a pair of values stands from a change: the other changes between them, then
    whether the text compares them with each other ("36,845 ... versus 37,684"), then the
    characters."""
    first = min(claim.index, *(c.index for c in pair))
    last = max(claim.index, *(c.index for c in pair))
    between = sum(1 for c in doc.claims[first : last + 1] if c.kind == "change" and c is not claim)
    apart = base_of(doc, pair[1]) is not pair[0]
    return between, apart, sum(abs(c.start - claim.start) for c in pair)


def _like_sizes(a: Claim, b: Claim) -> bool:
    """Whether two values may be one count in two years: within a factor of 1,000 ("in its
    last two" years is no earlier value of 185,884)."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and high <= 1000 * low


def _narrowing(doc: Document, claim: Claim) -> set[str]:
    """The words that narrow what a change is of ("online" in "a 174% jump in online
    sales")."""
    _, _, s_end = doc.sentences[claim.sentence]
    found = _CHANGE_OBJECT.match(doc.text, claim.end, s_end)
    if found is None:
        return set()
    return {w for w in found.group("mods").lower().split() if w not in _PLAIN_MODIFIERS}


def _named_beside(doc: Document, value: Claim, words: set[str]) -> bool:
    """Whether the words next to a value name every one of ``words``."""
    if not words:
        return True
    _, s_start, s_end = doc.sentences[value.sentence]
    beside = doc.text[max(s_start, value.start - 40) : min(s_end, value.end + 40)].lower()
    return all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", beside) for w in words)


_TO = re.compile(r"\bto\s+(?:(?:just|only|about|nearly|almost|roughly|some)\s+)?$", re.I)
"""Right before the value a change goes "to"."""
_FROM = re.compile(r"\bfrom\s+(?:(?:just|only|about|nearly|almost|roughly|some)\s+)?$", re.I)
"""Right before the value a change comes "from", after the one it goes "to"."""
_LEADS_TO = re.compile(r"[^.;:%]{0,80}?[,(\u2013\u2014]\s*(?:or\s+|which\s+is\s+|about\s+)?", re.I)
"""Between a "from ... to" pair and the change right after it (" in 2017, ")."""


def _from_to(doc: Document, claim: Claim) -> tuple[Claim, Claim] | None:
    """ "nearly doubled its inspections ..., from 6,815 in the prior year to 12,025": the two
    values right after a change, "from" one "to" the other, are the ones it relates, whatever
    metric each was linked to; so are two right before it ("from 8,381 in 2016 to 12,766 in
    2017, an increase of more than 50 percent")."""
    after = [c for c in doc.in_sentence(claim.sentence) if c.start >= claim.end][:2]
    before = [c for c in doc.in_sentence(claim.sentence) if c.end <= claim.start][-2:]
    if len(before) == 2 and _LEADS_TO.fullmatch(doc.text, before[1].end, claim.start):
        after = before  # "from 8,381 in 2016 to 12,766 in 2017, an increase of 52 percent"
    elif not before and len(after) < 2 and claim.sentence > 0:
        _, s_start, _ = doc.sentences[claim.sentence]
        last = doc.in_sentence(claim.sentence - 1)[-2:]
        if (
            POINTS_BACK.match(doc.text, s_start) and len(last) == 2 and last[0].block == claim.block
        ):  # "... rose from 4,200 to 10,800. That's a 157% increase."
            after = last
    if len(after) < 2 or after[1].kind != after[0].kind or after[0].kind not in _VALUES:
        return None
    if after[0].role != "prior" and after[1].role == "prior":  # "a threefold rise, to 30,000
        now, then = after  # from 10,000"
        if _TO.search(doc.text, claim.end, now.start) and _FROM.search(
            doc.text, now.end, then.start
        ):
            return now, then
        return None
    then, now = after[0], after[1]
    if then.role != "prior" or not _TO.search(doc.text, then.end, now.start):
        return None
    return now, then


def _multiple_pair(doc: Document, claim: Claim) -> tuple[Claim, Claim] | None:
    """ "40,000 cases, nearly double the 21,000 ...": the value before a multiple and the
    one it is a multiple of, right after it."""
    if not _MULTIPLE_WORD.search(claim.text):
        return None
    same = doc.in_sentence(claim.sentence)
    before = [c for c in same if c.end <= claim.start and c.kind in _VALUES]
    after = [c for c in same if c.start >= claim.end]
    if before and before[-1].role == "prior":  # "142,580, nearly twice the 72,177 ... and
        before = [c for c in before if c.role != "prior"] or before  # more than double the"
    if not before or not after or after[0].role != "prior" or after[0].kind != before[-1].kind:
        return None
    return (before[-1], after[0]) if _same_count(doc, before[-1], after[0]) else None


_THAN = re.compile(r"\s*than\s+(?:the\s+|a\s+|its\s+|their\s+)?$", re.I)
"""Between a comparative change and the value it is measured against ("12 percent fewer than
the 39,328")."""
_BELOW = re.compile(r"\b(?:below|above)$", re.I)
_THE = re.compile(r"\s*(?:the\s+|its\s+|their\s+)?$", re.I)
"""Between "10 percent below" and the value it is measured against ("... below the 158,581")."""


def _than_pair(doc: Document, claim: Claim) -> tuple[Claim, Claim] | None:
    """ "34,546 people, 12 percent fewer than the 39,328 visits ...": the value right before a
    change and the one its "than" names right after it."""
    same = doc.in_sentence(claim.sentence)
    before = [c for c in same if c.end <= claim.start]
    after = [c for c in same if c.start >= claim.end]
    _, s_start, _ = doc.sentences[claim.sentence]
    if not before and claim.sentence > 0 and POINTS_BACK.match(doc.text, s_start):
        # "... about 340,000 permits in FY 2025. This would mark sales 25 percent
        # higher than the 271,000 ...": the value the sentence points back to
        before = [c for c in doc.in_sentence(claim.sentence - 1) if c.role != "prior"]
    if not before or not after:
        return None
    gap = doc.text[claim.end : after[0].start]
    if not (_THAN.match(gap) or (_BELOW.search(claim.text) and _THE.match(gap))):
        return None
    now, then = before[-1], after[0]
    if now.kind not in _VALUES or now.kind != then.kind:
        return None
    return now, then


def _gives(claim: Claim, now: Claim, then: Claim) -> bool:
    """Whether the change from one value to the other is the claim's, as writers round it."""
    span = _ratio(now.interval, then.interval, 100.0)
    return span is not None and _loosely(claim, span[0] - 100.0, span[1] - 100.0)


def _change(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    """Each stated change against the two values it relates: the pair its years (or its
    multiple's wording, or its "than") tie it to, else any two like values beside it
    (`_beside`)."""
    for claim in doc.claims:
        if claim.kind != "change":
            continue
        pair = _from_to(doc, claim)  # "from about 6.1 million to more than 7.6 million
        if pair is None:  # (about +24.6%)": the two it is set beside, whatever their years
            pair = _years_pair(doc, claim)
            multiple = _multiple_pair(doc, claim)
            if pair is not None and multiple is not None and not _gives(claim, *pair):
                pair = multiple  # "..., and more than double the 59,011 removed two years ago"
            pair = pair or multiple or _compared_pair(doc, claim)
        compared = _than_pair(doc, claim) if pair is None else None
        if compared is not None and (
            not _same_count(doc, *compared) or compared[0].sentence != claim.sentence
        ):
            # the writer compares them, but nouns that differ may not be one count, and a
            # value pointed back to ("This would mark ...") may not be the one before: support
            # only
            pair, claim_only = compared, True
        else:
            pair, claim_only = pair or compared, False
        if pair is None:
            yield from _beside(doc, claim)
            continue
        if any(_IN_A_MONTH.match(doc.text, v.end) for v in pair) and not _IN_A_MONTH.match(
            doc.text, claim.end
        ):  # "to roughly one-quarter what they were last fiscal year, ... from over 28,000 in
            claim_only = True  # October 2019 to less than 3,000 in April 2021": months'

        now, then = pair
        span = _ratio(now.interval, then.interval, 100.0)
        if span is None:
            continue
        low, high = span[0] - 100.0, span[1] - 100.0
        exact = 100.0 * (now.value / then.value - 1) if then.value else None
        times = _TIMES.search(claim.text) is not None
        later_base = (claim.base_year or 0) > (claim.fiscal_year or claim.base_year or 0)
        back = _ratio(then.interval, now.interval, 100.0) if times or later_base else None
        if (
            back is not None
            and not _loosely(claim, low, high)
            and _loosely(claim, back[0] - 100.0, back[1] - 100.0)
        ):  # "the year 59,011 were sold was the outlier: the one before, three times as high";
            # "36,845 in FY2023 versus 37,684 in FY2024, about +2.3%": from the earlier year
            said = (
                f"{_num(then.value)} is {_range(*back, 1)}% of {_num(now.value)}"
                if times
                else f"from {_num(now.value)} to {_num(then.value)} is a change of "
                f"{_range(back[0] - 100.0, back[1] - 100.0, 1)}%"
            )
            yield Finding(claim.index, "supported", "change", said, exact)
            continue
        if _loosely(claim, low, high):
            yield Finding(
                claim.index,
                "supported",
                "change",
                f"from {_num(then.value)} to {_num(now.value)} "
                f"is a change of {_range(low, high, 1)}%",
                exact,
            )
        elif (
            not claim_only
            and not _loosely_meets(claim, low, high)
            and not _if_loose(claim, now, then)
        ):
            yield Finding(
                claim.index,
                "contradicted",
                "change",
                f"the text gives {_num(then.value)}{_fy(then)} and {_num(now.value)}{_fy(now)}, "
                f"a change of {_range(low, high, 1)}%, but says "
                f"{claim.text!r} {claim.interval.text()}",
                exact,
            )


def _compared_pair(doc: Document, claim: Claim) -> tuple[Claim, Claim] | None:
    """For a change right after a value and the one it is compared with ("110,568 visits
    compared to 77,806 ..., an increase of 40 percent"): those two, which the writer pairs."""
    before = [c for c in doc.in_sentence(claim.sentence) if c.index < claim.index][-2:]
    if len(before) < 2 or before[1].role != "prior" or base_of(doc, before[1]) is not before[0]:
        return None
    if OTHER_CLAUSE.search(doc.text, before[1].end, claim.start):
        return None  # "..., compared to 77,806; and sales rose 40 percent"
    if not (_same_count(doc, *before) and _like_sizes(*before)):
        return None
    return before[0], before[1]


def _beside(doc: Document, claim: Claim) -> Iterator[Finding]:
    """A change the text states beside two like values that no years pair ("152,000 from
    January to November ... 205,000 in the first 11 months of 2016 ... 26 percent fewer"):
    supported when some two of them, either way round and as written, give it; never
    contradicted, since which two values a change relates is read from their kinds and
    nouns, not their words."""
    changed = _changed_noun(doc, claim)
    values = [
        c
        for c in _around(doc, claim)
        if c.kind in ("count", "money", "weight", "average")
        and (c.sentence <= claim.sentence + 1 or _may_count(changed, noun(doc, c)))
    ]

    own = _apposed(doc, claim)
    if own is not None:  # "deported 5,702 family members ..., a 110 percent jump": its change
        values = [
            c for c in values if c is own or c.sentence != claim.sentence or c.start > claim.end
        ]

    def far(value: Claim) -> int:
        return abs(value.sentence - claim.sentence)

    pairs = sorted(  # two values of the change's own sentence first, then the nearest
        (
            (now, then, 100.0 * (now.value / then.value - 1))
            for now in values
            for then in values
            if now is not then and then.value and _like_kinds(now, then) and own in (None, now)
        ),
        key=lambda pair: max(far(pair[0]), far(pair[1])),
    )
    found = next(  # the arithmetic first: reading nouns costs more
        (
            (n, t, x)
            for n, t, x in pairs
            if _loosely(claim, x - 0.05, x + 0.05)
            and (_same_count(doc, n, t) or _done_to(doc, n, t))
        ),
        None,
    )
    if found is None:
        found = _spans_pair(doc, claim)
    if found is not None:
        now, then, exact = found
        reason = f"from {_num(then.value)} to {_num(now.value)} is a change of {exact:.1f}%"
        yield Finding(claim.index, "supported", "change", reason, exact)


_SPANS_BACK = 8
"""How many sentences before a change the totals of two spans it may compare can stand."""


def _spans_pair(doc: Document, claim: Claim) -> tuple[Claim, Claim, float] | None:
    """The totals of two spans of as many years, the later after the earlier, that the text
    gives before a change or right after it ("From FY 2021 through FY 2024, 545,252 were
    sold ... from FY 2017 through FY 2020, more than 935,000 ... sales fell by more than 41
    percent"), where they give the change: a comparison of two terms, whose totals may stand
    paragraphs apart."""
    totals = [
        (c, c.span[0], c.span[1])
        for s in range(max(0, claim.sentence - _SPANS_BACK), claim.sentence + 2)
        for c in doc.in_sentence(s)
        if c.kind == "count" and c.span is not None and c.span[1] is not None and c.value
    ]
    for now, first, last in totals:
        for then, before_first, before_last in totals:
            if before_last >= first or last - first != before_last - before_first:
                continue
            exact = 100.0 * (now.value / then.value - 1)
            if _loosely(claim, exact - 0.05, exact + 0.05) and _same_count(doc, now, then):
                return now, then, exact
    return None


_APPOSED = re.compile(r"[^.;:,()]{0,80},\s*(?:(?:or|which\s+(?:is|was))\s+)?(?:an?\s+)?$", re.I)
"""Between a value and a change set after it as its own ("5,702 family members in the year
ending September 30, a 110 percent jump")."""


def _apposed(doc: Document, claim: Claim) -> Claim | None:
    """The value of its sentence a change is set right after, as that value's change: one of
    the two it relates."""
    last = value_before(doc, claim)
    return last if last and _APPOSED.fullmatch(doc.text, last.end, claim.start) else None


def _like_kinds(now: Claim, then: Claim) -> bool:
    """Whether a change may relate two values: of one kind, or a count and an average of such
    counts ("48,000 people jailed today ..., a nearly 40 percent growth ... from the average
    of 34,376 jailed in 2016")."""
    return now.kind == then.kind or {now.kind, then.kind} == {"count", "average"}


def _changed_noun(doc: Document, claim: Claim) -> str | None:
    """The noun a change says it is of ("a 15% rise in permits": permit), or None."""
    _, _, s_end = doc.sentences[claim.sentence]
    found = _CHANGED.match(doc.text, claim.end, s_end)
    return noun_of_words(found.group("noun")) if found else None


def _may_count(changed: str | None, named: str | None) -> bool:
    """Whether a value's noun may count what a change is of: the same noun, or either one
    unnamed or plain people. Asked of values past the sentence after the change: "a 70% fall in
    sales" is no change of 900 refunds two sentences on, but may be of 900 people."""
    if changed is None or named is None or same_noun(changed, named):
        return True
    return changed in PERSON_NOUNS or named in PERSON_NOUNS


def _around(doc: Document, claim: Claim) -> list[Claim]:
    """Claims of the two sentences before the claim's, its own and the two after (which may
    open the next paragraphs: "... a 57% decline in sales." then "The shop made 389,237
    sales ... but only 165,650 ...", or a headline's change and the story's values)."""
    _, s_start, _ = doc.sentences[claim.sentence]
    # "That's a 56% decline": its change may be of the values of the paragraphs before it
    pointing = POINTS_BACK.match(doc.text, s_start) is not None
    return [
        c
        for s in range(claim.sentence - 2, claim.sentence + 3)
        for c in doc.in_sentence(s)
        if (c.block == claim.block or s > claim.sentence or pointing) and c is not claim
    ]


def _fy(claim: Claim) -> str:
    return f" (FY {claim.fiscal_year})" if claim.fiscal_year is not None else ""


def _compared(doc: Document, claim: Claim) -> Claim | None:
    """The value an "up from X" compares with X: the Y of "rising from X to Y", else the
    value before it in its sentence."""
    same = [
        c
        for c in doc.in_sentence(claim.sentence)
        if _family(c.kind) == _family(claim.kind) and c.role != "prior" and c is not claim
    ]
    later = [c for c in same if c.index > claim.index]
    if later and _TO_NEXT.match(doc.text[claim.end : later[0].start]):
        return later[0]
    earlier = [c for c in same if c.index < claim.index]
    return earlier[-1] if earlier else None


def _direction(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for claim in doc.claims:
        if claim.role != "prior" or not claim.direction:
            continue
        now = _compared(doc, claim)
        if now is None or not _same_count(doc, now, claim):
            continue
        word = "up" if claim.direction > 0 else "down"
        if (claim.direction > 0 and now.interval.high < claim.interval.low) or (
            claim.direction < 0 and now.interval.low > claim.interval.high
        ):
            yield Finding(
                claim.index,
                "contradicted",
                "direction",
                f"says {word} from {claim.text}, but the value it follows is {now.text}",
                now.value,
            )
        elif (claim.direction > 0 and now.interval.low > claim.interval.high) or (
            claim.direction < 0 and now.interval.high < claim.interval.low
        ):
            yield Finding(
                claim.index,
                "supported",
                "direction",
                f"{now.text} is indeed {word} from {claim.text}",
                now.value,
            )


# -------------------------------------------------------------------- share


def _share(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    pairs = list(worded_pairs(doc))
    dated: dict[int, list[Claim]] | None = None  # the text's counts by year, when first asked
    for claim in doc.claims:
        if claim.kind not in ("share", "percent") or claim.role == "prior":
            continue
        if said_as_majority(claim):
            continue  # "the majority of buyers (87,298)": too loose to pair with counts
        if claim.interval.low > 100.0 and claim.kind == "share" and not _of_a_level(doc, claim):
            yield Finding(
                claim.index, "contradicted", "share", "a share of a whole cannot exceed 100%"
            )
            continue
        pair = (
            _metric_pair(doc, claim, metrics)
            or _worded_pair(doc, claim, pairs)
            or apposed_pair(doc, claim)
            or pointed_pair(doc, claim)
        )
        if pair is None:
            if dated is None:
                dated = dated_counts(doc)
            apart = distant_pair(doc, claim, dated)
            if apart is not None:  # supported, and no figure of another count contradicts it
                part, whole = apart
                claim.no_contradiction = claim.no_contradiction or (
                    f"the text's own {part.text} of {whole.text} give it"
                )
                ratio = 100.0 * part.value / whole.value
                why = f"{part.text} of {whole.text}, stated apart, is {ratio:.2f}%"
                yield Finding(claim.index, "supported", "share", why, ratio)
            continue
        part, whole = pair
        span = _ratio(part.interval, whole.interval, 100.0)
        if span is None:
            continue
        verdict = "supported" if _meets(claim, *span) else "contradicted"
        if verdict == "contradicted" and _if_loose(claim, part, whole, 0.0):
            continue  # "31.1% of over 2 million": over 2 million may be 3 million
        yield Finding(
            claim.index,
            verdict,
            "share",
            f"{part.text} of {whole.text} is {_range(*span, 2)}%; the text says {claim.text}",
            100.0 * part.value / whole.value if whole.value else None,
        )
        if verdict == "supported":
            yield from _restated_count(doc, claim, part, whole)


def _restated_count(doc: Document, share: Claim, part: Claim, whole: Claim) -> Iterator[Finding]:
    """A round count right beside the share the text's numbers bear out, saying the same in
    a count ("of which 87 percent, or about 138,000", "about 138,000 (87 percent)"):
    supported, as it follows from the share and its whole. A precise count ("105,140, or 66
    percent") says more than a rounded share can bear out."""
    if part.sentence != share.sentence or part.value % 100 or part.value < 1000:
        return
    between = (
        doc.text[share.end : part.start]
        if share.end <= part.start
        else doc.text[part.end : share.start]
    )
    if not _BESIDE.match(between):
        return
    low = share.interval.low / 100.0 * whole.interval.low
    high = share.interval.high / 100.0 * whole.interval.high
    yield Finding(
        part.index,
        "supported",
        "share",
        f"{share.text} of {whole.text} is {low:,.0f} to {high:,.0f}; the text says {part.text}",
        share.value / 100.0 * whole.value,
    )


def _of_a_level(doc: Document, claim: Claim) -> bool:
    """ "150% of the FY 2019 level", "120% of what it was": a ratio to another value, which
    may exceed 100%."""
    _, _, s_end = doc.sentences[claim.sentence]
    return bool(_LEVEL.match(doc.text, claim.end, min(s_end, claim.end + 60)))


def _metric_pair(
    doc: Document, claim: Claim, metrics: Mapping[str, MetricMeta]
) -> tuple[Claim, Claim] | None:
    decl = metrics.get(claim.metric or "")
    if decl is None or decl.measure != "share":
        return None
    same = [
        c
        for c in doc.in_block(claim.block)
        if c.fiscal_year == claim.fiscal_year and not c.breakdown
    ]
    part = [c for c in same if c.metric == decl.numerator]
    whole = [c for c in same if c.metric == decl.denominator]
    return (part[0], whole[0]) if part and whole else None


def _worded_pair(
    doc: Document, claim: Claim, pairs: list[tuple[Claim, Claim]]
) -> tuple[Claim, Claim] | None:
    before = [
        (p, w)
        for p, w in pairs
        if p.sentence == claim.sentence
        and (p.end <= claim.start or _BESIDE.match(doc.text[claim.end : max(claim.end, p.start)]))
    ]
    if before:  # "73,822 of the 170,590 ... or 43%", "43% (73,822 of 170,590)", "43% or 73,822"
        return before[-1] if before[-1][0].end <= claim.start else before[0]
    for part, whole in pairs:
        own = [c for c in doc.in_sentence(part.sentence) if c.kind in ("share", "percent")]
        if part.block == claim.block and part.sentence == claim.sentence - 1 and not own:
            return part, whole  # "1,300 of the 7,600 officers ... That is 17% of the force."
    return None


# ------------------------------------------------------------------ average


def _average(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for claim in doc.claims:
        if claim.kind != "average":
            continue
        pair = _ratio_pair(doc, claim, metrics) or _worded_average(doc, claim)
        if pair is None:
            continue
        total, per = pair
        span = _ratio(total.interval, per.interval)
        if span is None:
            continue
        verdict = "supported" if _meets(claim, *span) else "contradicted"
        yield Finding(
            claim.index,
            verdict,
            "average",
            f"{total.text} over {per.text} is {_range(*span, 2)}; "
            f"the text says {claim.text} {claim.interval.text()}",
            total.value / per.value if per.value else None,
        )


def _ratio_pair(
    doc: Document, claim: Claim, metrics: Mapping[str, MetricMeta]
) -> tuple[Claim, Claim] | None:
    decl = metrics.get(claim.metric or "")
    if decl is None or decl.measure != "ratio":
        return None
    same = [c for c in _near(doc, claim) if c.fiscal_year == claim.fiscal_year and not c.breakdown]
    total = [
        c for c in same if c.metric == decl.numerator and not part_of_something(doc, c)
    ]  # "an average of 4 visits, including 33,209 to clinics": a part is no total
    per = [c for c in same if c.metric == decl.denominator]
    return (total[-1], per[-1]) if total and per else None


def _worded_average(doc: Document, claim: Claim) -> tuple[Claim, Claim] | None:
    _, _, s_end = doc.sentences[claim.sentence]
    match = re.match(
        r"^\s*(?:[\w-]+\s+){0,3}?(?:per|each)\s+([a-z-]+)", doc.text[claim.end : s_end], re.I
    )
    if not match:
        return None
    each = tokens(match.group(1))
    counts = [c for c in _near(doc, claim) if c.kind == "count" and c.index < claim.index]
    per = [c for c in counts if tokens(doc.text[c.end : c.end + 40])[:1] == each]
    if not per:
        return None
    totals = [c for c in counts if c is not per[-1] and c.sentence == claim.sentence]
    own = noun_of_words(doc.text[claim.end : s_end])
    named = [c for c in totals if own and noun(doc, c) == own]
    if named:  # "290,708 visits ..., an average of four visits per person"
        return named[-1], per[-1]
    return (totals[0], per[-1]) if len(totals) == 1 else None  # several: which is unsure


# --------------------------------------------------------------------- lists


def _lists(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for claim in doc.claims:
        if claim.kind != "list_count" or claim.list_items is None:
            continue
        n, said = claim.list_items, int(claim.value)
        ok = n <= said if claim.list_inclusive else n == said
        how = "up to" if claim.list_inclusive else "exactly"
        verdict = "supported" if ok else "contradicted"
        yield Finding(
            claim.index, verdict, "list", f"announces {how} {said} items and lists {n}", float(n)
        )


# --------------------------------------------------------------------- parts


def _parts_whole(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    yield from parts_findings(doc)


def _rest(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for index, low, high in complements(doc):
        claim = doc.claims[index]
        if _meets(claim, low, high):
            reason = f"100% less the shares before it is {_range(low, high, 1)}%"
            yield Finding(index, "supported", "share", reason, (low + high) / 2)
    for index, other in opposites(doc):
        reason = f"it counts those without what {other.text}{_fy(other)} counts: the rest"
        yield Finding(index, "supported", "rest", reason, 100.0 - other.value)


def _counted(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for claim in doc.claims:
        if claim.kind not in ("share", "percent") or claim.role == "prior":
            continue
        pair = counted_share(doc, claim)
        if pair is None:
            continue
        part, whole = pair
        span = _ratio(part.interval, whole.interval, 100.0)
        if span is not None and _meets(claim, *span):
            reason = f"{part.text} of {whole.text} is {_range(*span, 2)}%"
            yield Finding(claim.index, "supported", "counted", reason, (span[0] + span[1]) / 2)
            yield from _restated_count(doc, claim, part, whole)


def _split(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for index, other in splits(doc):
        reason = f"with {other.text} beside it, the two make up the whole"
        yield Finding(index, "supported", "split", reason, 100.0 - other.value)


def _sums(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    return sums(doc)


def _remainder(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for index, expected, reason in remainders(doc):
        yield Finding(index, "supported", "remainder", reason, expected)


def _rates(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    for claim, verdict, reason, expected in rate_findings(doc):
        yield Finding(claim, verdict, "rate", reason, expected)


def _gaps(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    return gap_findings(doc)


_GIVEN_AS = re.compile(r"\s*(?:\(|,\s*or|\u2014|-{1,2})\s*$")
"""Between a fraction in words and its percent: "a third (34%)", "half, or 48%"."""


def _fraction_given(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    """A fraction in words the text gives as a percent right after it ("A third (34%) of
    these offices", "about one in six (16%)"): supported where the two agree, each read as
    writers round it; contradicted where they cannot both hold ("a third (44%)": a fraction
    in words is within 5 points of it), the text's own two values of one share."""
    for claim in doc.claims:
        if claim.kind not in ("share", "percent") or any(ch.isdigit() for ch in claim.text):
            continue
        after = [c for c in doc.in_sentence(claim.sentence) if c.start >= claim.end]
        counted = _fraction_counted(doc, claim, after[:1])
        if counted is not None:
            yield counted
            continue
        if not after or after[0].kind not in ("share", "percent"):
            continue
        given = after[0]
        if not any(ch.isdigit() for ch in given.text):
            continue
        if not _GIVEN_AS.fullmatch(doc.text, claim.end, given.start):
            continue
        if claim.interval.overlaps(given.interval):
            reason = f"the text gives it as {given.text}, which {claim.text.lower()} is"
            yield Finding(claim.index, "supported", "fraction", reason, given.value)
        else:
            reason = f"the text gives it as {given.text}, which {claim.text.lower()} is not"
            yield Finding(claim.index, "contradicted", "fraction", reason, given.value)


_OF_THOSE = re.compile(r"\s*of\s+(?:those|them|these|whom)\s*\(\s*", re.I)
"""Between a fraction in words and the count of its part in brackets: "half of those (44,096)"."""


def _fraction_counted(doc: Document, claim: Claim, after: list[Claim]) -> Finding | None:
    """A fraction in words "of those" a count before it, its part's count in brackets ("removed
    72,177 ... More than half of those (44,096) had a criminal history"): supported where the
    part over that whole gives it; never contradicted (which count "those" are is a guess)."""
    if (
        not after
        or after[0].kind != "count"
        or not _OF_THOSE.fullmatch(doc.text, claim.end, after[0].start)
    ):
        return None
    part = after[0]
    wholes = [
        c
        for s in (claim.sentence - 1, claim.sentence)
        for c in doc.in_sentence(s)
        if c.end <= claim.start and c.kind == "count" and c.role != "prior" and c.value > part.value
    ]
    if not wholes:
        return None
    whole = wholes[-1]
    share = 100.0 * part.value / whole.value
    above = qualifier_side(claim.qualifier) == "above" and share > claim.interval.low
    if not claim.interval.contains(share) and not above:  # "more than half": any more
        return None
    reason = f"{part.text} of {whole.text} is {share:.2f}%"
    return Finding(claim.index, "supported", "fraction", reason, share)


_RATIO_VALUES = 12
"""The counts nearest a percent that `_text_ratio` pairs (a bound on work in a long sentence)."""


def _text_ratio(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    """A percent no figure was linked to that two like counts of its own sentence give, the
    smaller over the larger, as writers round it ("506 were fined, and 207 were fined for
    noise, 41 percent"): supported, never contradicted (which two counts it relates is a guess, so
    only its own sentence's are tried: further off, some pair matches by chance). A percent
    beside its own count is also tried against a whole given before it (`_apposed_ratio`)."""
    for claim in doc.claims:
        if claim.kind not in ("share", "percent") or said_as_majority(claim):
            continue
        if not (claim.interval.low > 0.0 and claim.interval.high <= 100.0):
            continue
        if claim.metric:  # "91 percent of deportees (243,000)": its count, of a whole before
            found = _apposed_ratio(doc, claim)
            if found is not None and not found[0].metric:
                part, whole, share = found
                reason = f"{claim.text} of {whole.text} is {part.text} ({share:.2f}%)"
                yield Finding(part.index, "supported", "ratio", reason, part.value)
            continue
        # "compared to 33 percent, or 13,010": of a value compared with, only its own count's
        found = None if claim.role == "prior" else _sentence_ratio(doc, claim)
        found = found or _apposed_ratio(doc, claim)
        if found is not None:
            part, whole, share = found
            reason = f"{part.text} of {whole.text} is {share:.2f}%"
            yield Finding(claim.index, "supported", "ratio", reason, share)


def _sentence_ratio(doc: Document, claim: Claim) -> tuple[Claim, Claim, float] | None:
    """Two like counts of the percent's own sentence whose ratio it states; or, where its
    sentence has no count, of the sentence before it in its paragraph ("... 1.2 million have
    a final order, but only 72,177 were removed. In other words, only six percent ...")."""
    sentence = claim.sentence
    if (
        sentence > 0
        and not any(c.kind == "count" for c in doc.in_sentence(sentence))
        and doc.sentences[sentence - 1][0] == doc.sentences[sentence][0]
    ):
        sentence -= 1
    values = [c for c in doc.in_sentence(sentence) if c.kind == "count" and c.value > 0]
    values = sorted(values, key=lambda c: abs(c.start - claim.start))[:_RATIO_VALUES]
    shares = (
        (part, whole, 100.0 * part.value / whole.value)
        for whole in values
        for part in values
        if part.value < whole.value
    )
    return next(
        (
            (part, whole, share)
            for part, whole, share in shares
            if _loosely(claim, share - 0.005, share + 0.005)
            and comparable(noun(doc, part), noun(doc, whole))
        ),
        None,
    )


def _apposed_ratio(doc: Document, claim: Claim) -> tuple[Claim, Claim, float] | None:
    """A percent set beside its count ("118,949, or 64 percent", "33 percent, or 13,010")
    whose whole the text gave just before: a like, larger count of the two sentences before
    it, or of the lines that lead a list it is an item of."""
    claims = doc.in_sentence(claim.sentence)
    at = claims.index(claim)
    beside = [
        c
        for c in (claims[at - 1] if at else None, claims[at + 1] if at + 1 < len(claims) else None)
        if c is not None
        and c.kind == "count"
        and (
            _BESIDE.match(doc.text[c.end : claim.start])
            if c.end <= claim.start
            else _BESIDE_AFTER.match(doc.text[claim.end : c.start])
        )
    ]
    if not beside:
        return None
    part = beside[0]
    own = noun(doc, part)
    block = claim.block
    while doc.blocks[block].kind == "item" and block > 0:
        block -= 1  # a list's items: its whole is in the lines that lead it
    lead = [
        s
        for s in range(claim.sentence - 1, max(claim.sentence - _LIST_REACH, -1), -1)
        if block != claim.block and doc.sentences[s][0] == block
    ][:2]
    wholes = [
        c
        for s in sorted({*range(max(claim.sentence - 2, 0), claim.sentence), *lead})
        for c in doc.in_sentence(s)
        if c.kind == "count"
        and c.value > max(part.value, 0.0)  # a whole of no size gives no share
        and (own is None or comparable(own, noun(doc, c)))  # "or 13,010,": its share's noun
    ]
    for whole in reversed(wholes):
        share = 100.0 * part.value / whole.value
        if _loosely(claim, share - 0.005, share + 0.005):
            return part, whole, share
    return None


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _bracketed(doc: Document, metrics: Mapping[str, MetricMeta]) -> Iterator[Finding]:
    """A rounded or qualified value with its exact value in brackets right after it ("over
    twelve hundred (-1,253)", "nearly 270,000 (267,258)"): supported when the exact one is
    within what the rounded one states. Never contradicted: the bracket may hold another
    thing's number ("4,000 (up from 3,100)")."""
    for claim, given in pairwise(doc.claims):
        if (
            claim.kind not in _VALUES
            or given.kind != claim.kind
            or given.sentence != claim.sentence
            or given.interval.low != given.interval.high
            or claim.interval.low == claim.interval.high
            or not _OPEN_BRACKET.fullmatch(doc.text, claim.end, given.start)
            or not _CLOSE_BRACKET.match(doc.text, given.end)
        ):
            continue
        value = abs(given.value)
        if (as_written(claim) or claim.interval).contains(value):
            reason = f"the text gives it exactly, {given.text}, right after it"
            yield Finding(claim.index, "supported", "bracketed", reason, value)


RULES: tuple[tuple[str, Rule], ...] = (
    ("change", _change),
    ("direction", _direction),
    ("share", _share),
    ("rest", _rest),
    ("counted", _counted),
    ("split", _split),
    ("average", _average),
    ("list", _lists),
    ("parts", _parts_whole),
    ("sum", _sums),
    ("remainder", _remainder),
    ("rate", _rates),
    ("gap", _gaps),
    ("ratio", _text_ratio),
    ("bracketed", _bracketed),
    ("fraction", _fraction_given),
    ("rank", lambda doc, _: since_findings(doc)),
)
"""Every consistency rule, in the order they run."""


def check_consistency(doc: Document, metrics: Mapping[str, MetricMeta]) -> list[Finding]:
    """Every finding of every rule, in rule order."""
    return [finding for _, rule in RULES for finding in rule(doc, metrics)]
