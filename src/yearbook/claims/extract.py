"""Finding the numeric claims in prose, with their kind, interval and fiscal year.

Kinds: ``count``, ``money``, ``weight``, ``percent``, ``share`` (a percent
"of" something), ``change`` (a stated increase or decrease), ``average`` and
``list_count`` (a number announcing a list that follows). Years, list
markers and numbers inside names ("Title 42", "COVID-19") are not claims.

>>> found = extract("In FY 2023 ERO removed 139 people, a 148.2% increase.")
>>> [(c.text, c.kind, c.fiscal_year) for c in found]
[('139', 'count', 2023), ('a 148.2% increase', 'change', 2023)]
"""

from __future__ import annotations

import re
from itertools import pairwise

from yearbook.claims.document import Claim, Document
from yearbook.claims.lists import announced_lists
from yearbook.claims.numbers import (
    ABOVE,
    APPROX,
    BELOW,
    WORD_VALUES,
    Interval,
    NotAFigure,
    read_number,
)
from yearbook.claims.phrases import compared_years, phrase_claims
from yearbook.claims.text import MONTH, Plain, segment
from yearbook.claims.years import assign_years, most_common_year

__all__ = ["KINDS", "Claim", "Document", "change_sign", "extract", "extract_document"]

KINDS = (
    "count", "money", "weight", "percent", "share", "change", "average", "list_count", "rank",
)  # fmt: skip
"""Every kind of claim, in the order the documentation lists them."""

_QUAL = "|".join(sorted((re.escape(q) for q in ABOVE + BELOW + APPROX), key=len, reverse=True))
_QUAL_END = re.compile(rf"\b(?P<q>{_QUAL})\s*$", re.I)
_QUAL_CHARS = max(map(len, ABOVE + BELOW + APPROX))
"""The longest qualifier: one that ends a text starts no further back from its end."""
_WORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_DIGIT_WORD = "|".join(["oh", *(w for w, v in WORD_VALUES.items() if v < 10)])
"""The words a spoken decimal's digits are said with ("one-point-nine-six million")."""
_THIN = "\u00a0\u2009\u202f"
"""Spaces that group a number's thousands ("142\u202f580"): no-break, thin and narrow."""
_GROUPS = re.compile(rf"[ {_THIN}]")
_INITIALS = "".join(sorted({word[0] for word in WORD_VALUES} | {"a"}))
"""The letters a number said in words starts with ("a hundred" too)."""
_NUMBER = re.compile(
    # tried only where a digit, "$" or such a letter starts: the many ways below are
    # otherwise tried at every character of the text
    rf"(?=[\d${_INITIALS}])"
    rf"(?:(?P<dollar>\$\s?)?(?P<num>(?<![\d,.])\d{{1,3}}\s+mil\s+\d{{1,3}}(?![\d,.]\d|\d)"
    rf"|(?<![\d,])\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?![\d,])(?:\.\d+)?"
    rf"|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{_THIN}]\d{{3}})+(?!\d|[,.]\d|[{_THIN}]\d)"
    r"|(?<!\d\s)(?<![\d,.])\d{1,3} \d{3}(?!\d|[,.]\d|\s\d)"
    r"|\d+(?:\.\d+)?)"
    rf"|\b(?P<words>(?:a(?=[\s-]+hundred\b)|{_WORD})"
    rf"(?:(?:[\s-]+|(?<=thousand),\s)(?:and[\s-]+)?(?:{_WORD}|hundred|thousand)\b)*"
    rf"(?:[\s-]+point(?:[\s-]+(?:{_DIGIT_WORD})\b)+|[\s-]+and[\s-]+a[\s-]+half)?)\b)",
    re.I,
)
_DOLLARS_AFTER = re.compile(r"\s+(?:U\.?S\.?\s+|American\s+)?dollars?\b|\s+USD\b", re.I)
"""After a number that is money with its unit written out: "775 million dollars"."""
_MIL = re.compile(r"(\d{1,3})\s+mil\s+(\d{1,3})")
"""Thousands said with "mil" between them ("226 mil 119", "59 mil 11")."""
_SCALE = re.compile(
    r"\s?(?P<scale>million|billion|trillion|thousand)\b|(?P<abbr>[Kk]|[Mm]n?|[Bb]n)(?![\w])"
)
"""A scale word after a number, or its abbreviation right after it ("142K", "$3.4bn")."""
_SHARED_SCALE = re.compile(
    r"\s*(?:to|and|or|-|\u2013)\s*\$?(?P<n>\d+(?:\.\d+)?)\s?"
    r"(?P<scale>million|billion|trillion|thousand)\b",
    re.I,
)
"""After a range's first number: the second, with the scale both share ("11 to 22 million")."""
_ABBREVIATED = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion"}
_PCT = re.compile(r"(?:\s|-(?=percent|per\s))?(?:%|percent\b|per\s+cent\b)", re.I)
_EXHIBIT_BEFORE = re.compile(
    r"(?<![a-z])(?:figure|fig\.|table|chart|graph|exhibit|appendix|map)\s*$", re.I
)
"""Before the number of a figure or table of the text ("(Figure 1)"): a reference, no figure."""
_NAMES_BEFORE = re.compile(
    r"(?<![a-z])(?:title|section|chapter|part|article|phase|tier|level|form|no\.|number|page|"
    r"act|rule|room|route|highway|interstate|grade|version|order|e\.?o\.?|law|bill|h\.\s?r\.|"
    r"paragraph|clause|amendment|item|docket|code)\s*$|(?<![a-z])(?:aged?|ages)\s*(?:of\s+)?$",
    re.I,
)
"""Before a name or a reference ("Title 42", "11Title 42", "Executive Order 14010", "H.R. 2")
or an age ("aged 32", "under the age of 18"), which is no figure; "the number of 226,119" is
one."""
_REFERENCE = re.compile(r"[\[(]\d{1,2}[\])]")
_AGE_AFTER = re.compile(r"^[\s-]*years?[\s-]+(?:old|of\s+age)\b", re.I)
_YEARS_AFTER = re.compile(
    r"^\s+(?:(?:fiscal|calendar|straight|consecutive|full)\s+)?years?\b(?!\s+old)", re.I
)
_RECORD = re.compile(
    r"\b(?:lowest|highest|greatest|largest|smallest|fewest|most|least|biggest|record|peak|"
    r"low|high|first\s+time|since|ago)\b",
    re.I,
)
"""Words that make "in the last six years" a claim (a record over that span), not a
length of time ("for two years under Biden")."""
_RECORD_SPAN = re.compile(r"-(?:year|month)\s+(?:high|low|record|peak)\b", re.I)
_RANGE_AFTER = re.compile(r"-\d{1,3}(?:,\d{3})+\b")
_RANGE_BEFORE = re.compile(r"\d,\d{3}-$")
_MONTH_AFTER = re.compile(
    r"\s(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{4}\b|,|\s*$)",
    re.I,
)
_TO_FROM = re.compile(
    r"\bto\s+\$?\d[\d,.]*\s?(?:%|percent|million|billion)?\s+(?:[\w']+\s+){0,4}?from\s+$",
    re.I,
)
"""Before the earlier value of "rose to 170,590 (in FY 2023) from 142,750"."""
_COMPARED_NOUN = re.compile(
    r"^\s*\w+\s+(?:[A-Za-z-]+\s+){0,2}?(?:than\b|people\b|[a-z]+s\b)"
    r"|^\s*\w+\s*(?:[.;,:)\u2014]|$)"
    r"|^\s*(?:below|above)\s+(?:the|its|their|that|those|last|a|an|FY|fiscal|\$?\d)\b",
    re.I,
)
"""After "12% fewer": "than", or a plural noun, maybe after two words of its own ("12% fewer
sales than", "26 percent fewer used cars"), or the clause's end ("256,085, 13 percent more.");
after "10% below" or "above", what it is measured against ("10% below the 158,581")."""
_OF_AFTER = re.compile(r"\s*of\b", re.I)
"""After a percent that is a share ("15% of"), not a change."""
_MADE_UP = re.compile(r"\b(?:made|make|makes|making)\s+up$", re.I)
_MONTH_BEFORE = re.compile(rf"\b{MONTH}\.?\s$", re.I)
_DURATION = re.compile(
    r"[\s-](?:months?|weeks?|hours?|minutes?|quarters)\b|-(?:days?|years?)\b(?!\s+(?:high|low|record|peak))",
    re.I,
)
"""After a length of time ("the 12 months ending", "a 90-day period"), which is no figure."""
_FISCAL_BEFORE = re.compile(r"(?:\b(?:FY|fiscal\s+year|fiscal)|\(FY\))\s?'?$", re.I)
_TAIL_CHARS = 32
"""How far from its end `_NAMES_BEFORE` or `_FISCAL_BEFORE` can start to match a text."""
_WEIGHTS = re.compile(
    r"^\s*(?:pounds?|lbs?\.?|kilograms?|kilos?|kg|tons?|tonnes?|ounces?|grams?)\b", re.I
)
_CHANGE_NOUN = (
    r"increase|decrease|rise|drop|decline|jump|fall|reduction|growth|gain|cut|dip|surge|"
    r"upsurge|uptick|downturn|spike|crash|plunge|slump|hike|boost|leap"
)
_CHANGE_FROM = re.compile(
    rf"\b(?:{_CHANGE_NOUN})s?\s+from\s+(?:the\s+|a\s+)?(?:(?:{_QUAL})\s+)?$", re.I
)
_PERCENT_FROM = re.compile(
    rf"(?:%|\bpercent|\bper\s+cent|\bpercentage\s+points?)\s+(?:[a-z]+\s+)?from\s+"
    rf"(?:the\s+|a\s+)?(?:(?:{_QUAL})\s+)?$",
    re.I,
)
"""Before the earlier value of a change in percent: "up 93% from 74,082", "a 22 percent rise
from 59,011"."""
_VERB_FROM = re.compile(
    rf"\b(?:rose|risen|rising|fell|fallen|falling|increased|decreased|grew|grown|climbed|"
    rf"dropped|declined|jumped|surged|plunged|slid)\s+from\s+(?:the\s+|a\s+)?"
    rf"(?:(?:{_QUAL})\s+)?\$?$",
    re.I,
)
"""Before the earlier value of a verb of change: "sales rose from 72,177 in FY2022"."""
_CHANGE_VERB = (
    r"up|down|rose|fell|increased|decreased|declined|grew|dropped|climbed|jumped|slipped|"
    r"plunged|surged|rising|falling|increasing|decreasing|declining|growing|dropping|"
    r"rise|fall|increase|decrease|decline|drop|grow|climb|shrank|shrunk|sank|"
    r"risen|fallen|grown|soared|spiked|tumbled|plummeted|dipped|jumping|climbing|soaring|"
    r"slashed|reduced|lowered|boosted|raised|expanded|cut"
)
_DOWN_WORDS = {
    "decrease", "drop", "decline", "fall", "reduction", "cut", "dip", "down", "fell",
    "decreased", "declined", "dropped", "slipped", "plunged", "falling", "decreasing",
    "declining", "dropping", "shrank", "shrunk", "sank", "fewer", "less", "lower", "smaller",
    "fallen", "tumbled", "plummeted", "dipped", "downturn", "crash", "plunge", "slump",
    "slashed", "reduced", "lowered", "below",
}  # fmt: skip
_CHANGE_OF = re.compile(
    rf"\b(?:an?\s+)?(?P<w>{_CHANGE_NOUN})s?\s+of\s+(?:(?P<q>{_QUAL})\s+)?$"
    rf"|\b(?P<w2>{_CHANGE_NOUN})s?\s+of\s+(?:(?:{_QUAL})\s+)?[\d.,]+\s?(?:%|percent)"
    rf"(?:\s+(?:(?:in|for|among)\s+)?(?:[\w'-]+\s+){{0,3}}?[\w'-]+)?,?\s+and\s+(?:(?P<q2>{_QUAL})\s+)?$",
    re.I,
)
"""Before a change: "an increase of", "increases of 93% and", "an increase of 93% in arrests
and" (the second of a pair)."""
_CHANGE_ADJ_HEAD = re.compile(
    rf"(?:\b(?P<q0>{_QUAL})\s+)?\b(?:an?|the)\s+[\"'\u201c\u2018]?"
    rf"(?:(?!(?:{_QUAL})\s)[a-z]+\s+)?(?:(?P<q>{_QUAL})\s+)?$",
    re.I,
)
"""Before "a nearly 20 percent increase", "a sharp 12% drop" (a word there is no qualifier), a
quotation opening between ("a \u201c42 percent increase"); a qualifier may also come before the
article ("almost a 20 percent increase")."""
_CHANGE_ADJ_TAIL = re.compile(
    rf"^[\s-]*(?:(?:year[\s-]+(?:to|over|on)[\s-]+year|annual|yearly|one-year|overall)\s+)?"
    rf"(?P<w>{_CHANGE_NOUN})\b",
    re.I,
)
"""After "a 12% drop", "the 23 percent year-to-year decline"."""
_BARE_CHANGE_END = re.compile(
    r"\s*(?:(?:in|of|for|among|from|since|over|on|compared)\b|$|[,.;:)])", re.I
)
"""After "10 Percent Drop" with no article before it: what makes the noun a change ("in
sales", "from 2018"), not a verb ("15 percent fall into")."""
_SIGNED = re.compile(r"(?:^|(?<=[\s(\[]))(?P<s>[+\u2212\u2013-])$")
"""A sign written against a percent, as scoreboards and tables show a change ("+19.5%",
"\u22123.2%"); a sign after a digit or a letter is a range's dash ("10-15%")."""

_CHANGE_VERB_PAIR = re.compile(
    rf"\b(?P<w>{_CHANGE_VERB})\s+(?:by\s+)?(?:(?:{_QUAL})\s+)?[\d.,]+\s?(?:%|percent)"
    rf"[^.;%]{{0,80}}?,?\s+and\s+(?:by\s+)?(?:(?P<q>{_QUAL})\s+)?$",
    re.I,
)
"""Before the second change of "dropped by 30% against 2019 and 27% against 2018"."""
_CHANGE_VERB_HEAD = re.compile(
    rf"\b(?P<w>{_CHANGE_VERB})(?:\s+|\s*\(\s*|\s*[\u2014\u2013-]+\s*(?=by\b))"
    rf"(?:by\s+(?:an?\s+(?!(?:{_QUAL})\s)[a-z]+\s+)?)?(?:(?P<q>{_QUAL})\s+)?$",
    re.I,
)
"""Before "rose 12%", "fell by 12%", "was down\u2014by 12%", "dropped by a ghastly 70%", "up (4.4
percent)"."""
_CHANGE_VERB_BY = re.compile(
    rf"\b(?P<w>{_CHANGE_VERB})\s+(?:(?:[A-Za-z'-]+|[A-Z]\.(?:[A-Z]\.)+|(?:19|20)\d\d)\s+){{1,10}}?"
    rf"(?P<by>by)\s+(?:(?P<q>{_QUAL})\s+)?$",
    re.I,
)
"""Before the change of "raised prices by 12%", "cut sales over last year by 12%", "rose
during the 2017 fiscal year by 25 percent", "dropped sales in the interior of the U.S. by 28%":
a verb of change, what it changes or when (up to ten words), and "by"."""
_COMPARED_BY = re.compile(
    r"\b(?P<w>lower|higher|more|fewer|less|greater|smaller|larger)\s+than\s+"
    r"(?:(?:[A-Za-z'\u2019-]+|(?:19|20)\d\d(?:['\u2019]s)?)\s+){1,8}?"
    rf"(?P<by>by)\s+(?:(?P<q>{_QUAL})\s+)?$",
    re.I,
)
"""Before the change of "lower than the year before's sales by 6%": a comparative, what it
is compared with (up to eight words), and "by"."""
_VERB_BY_REACH = 120
"""How far before a percent the verb of "dropped ... by 28%" may stand."""
_COMPARE_TAIL = re.compile(
    r"^\s*(?P<w>more|fewer|less|higher|lower|greater|larger|smaller|below|above)\b", re.I
)
_RELATION = re.compile(
    rf"\b(?P<w>up\s+from|down\s+from|rising\s+from|falling\s+from|compared\s+(?:to|with)|"
    rf"(?<=percent\s)(?:below|above)|(?<=%\s)(?:below|above)|"
    rf"(?:below|above|under|beneath|behind|short\s+of)\s+the|"
    rf"(?:below|above|under|behind|than)\s+(?:FY\s?'?|fiscal\s+)?\d{{2,4}}['\u2019]s(?:\s+[a-z-]+){{0,2}}|"
    rf"(?<=percent\s)(?:more|fewer|less|higher|lower|greater|larger|smaller)\s+than|"
    rf"(?<=%\s)(?:more|fewer|less|higher|lower|greater|larger|smaller)\s+than|"
    rf"against|versus|vs\.?|from|(?:doubl|tripl|quadrupl)(?:e|es|ed|ing)|twice|half|times"
    rf"(?:\s+(?:that|those)\s+of|\s+as\s+(?:many|much)\s+as)?)"
    rf"\s+(?:the\s+|a\s+)?(?:(?P<q>{_QUAL})\s+)?\$?$",
    re.I,
)
_AVERAGE_HEAD = re.compile(
    rf"\b(?:an?\s+)?(?:average|mean)\s+(?:of\s+)?[\"\u201c]?(?:(?:{_QUAL})\s+)?$"
    rf"|\baveraged\s+[\"\u201c]?(?:(?:{_QUAL})\s+)?$",
    re.I,
)


_AVERAGE_SUBJECT = re.compile(
    r"\b(?:an?|the|its|their)\s+(?:annual\s+|yearly\s+|monthly\s+)?(?:average|mean)\b"
    r"[^.;:()]{0,80}?\s(?:was|is|were|are|had\s+been|has\s+been|"
    r"stood\s+at|came\s+to)\s+"
    rf"(?:(?:{_QUAL})\s+)?$",
    re.I,
)
"""An average as the subject of the number's clause: "the annual average from 2017 through
2019 was 148,000", "the average of sales had been 148,000", "the annual average between 2017
and 2019, under the last owners, was 148,000" (an aside between commas)."""
_AVERAGE_REACH = 140
"""How far before a number its clause's average subject may stand."""


def _average_subject(text: str, at: int) -> bool:
    """Whether an average is the subject of the clause the number at ``at`` ends (the
    pattern is tried only where the words "average" or "mean" stand before it)."""
    start = max(0, at - _AVERAGE_REACH)
    window = text[start:at].lower()
    if "average" not in window and "mean" not in window:
        return False
    return _AVERAGE_SUBJECT.search(text, start, at) is not None


_AVERAGE_TAIL = re.compile(
    r"\s*(?:[\w()]+\s+){0,3}?(?:on\s+|of\s+)?(?:an?\s+|the\s+)?average\b", re.I
)
"""After an average: "on average", "50,011 average daily visitors", "43,755 on an average
day", "6,239 women on average", a table's "29,073.3 Value (people) of Average daily
attendance"."""
_AVERAGE_DAY = re.compile(r"\bon\s+an?\s+average\s+day\b", re.I)
"""Before the averages of its sentence: "On an average day of FY 2025, the shelters held
50,011"."""


def extract(text: str, fiscal_year: int | None = None) -> list[Claim]:
    """Claims of plain text (no markup); see `extract_document` for marked-up text."""
    return extract_document(Plain(text, list(range(len(text))), len(text)), fiscal_year).claims


def extract_document(plain: Plain, fiscal_year: int | None = None) -> Document:
    """Segment the plain text and find every claim in it."""
    blocks = segment(plain.text)
    sentences = [(b, s, e) for b, block in enumerate(blocks) for s, e in block.sentences]
    doc = Document(plain, blocks, sentences, default_year=fiscal_year)
    if doc.default_year is None:
        doc.default_year = most_common_year(plain.text)
    for index, (block, start, end) in enumerate(sentences):
        if blocks[block].kind == "heading":
            continue
        for claim in _sentence_claims(plain.text, start, end):
            if not plain.written(claim.number_start or claim.start, claim.number_end or claim.end):
                continue  # its number is in words put in (a table's title, said with a cell)
            claim.block, claim.sentence = block, index
            claim.index = len(doc.claims)
            doc.claims.append(claim)
    doc.index()
    assign_years(doc)
    compared_years(doc)
    _same_years(doc)
    announced_lists(doc)
    return doc


def _same_years(doc: Document) -> None:
    """A change given in brackets after a multiple in words is of the multiple's years."""
    for multiple, claim in pairwise(doc.claims):
        if claim.kind == "change" and _bracketed(doc.text, multiple, claim):
            claim.fiscal_year, claim.base_year = multiple.fiscal_year, multiple.base_year
            claim.year_given, claim.year_source = multiple.year_given, multiple.year_source


# ---------------------------------------------------------------- finding numbers


def _sentence_claims(text: str, start: int, end: int) -> list[Claim]:
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for phrase in phrase_claims(text, start, end):
        claims.append(phrase)
        taken.append((phrase.start, phrase.end))
    for match in _NUMBER.finditer(text, start, end):
        if any(a <= match.start() < b or a < match.end() <= b for a, b in taken):
            continue
        try:
            claim = _number_claim(text, match, start, end)
        except NotAFigure:  # longer than any figure: text, not a number
            continue
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: c.start)
    for before, claim in pairwise(claims):
        _given_as_percent(text, before, claim)
    return claims


_IN_BRACKETS = re.compile(r"\s*\(\s*")
"""Between a multiple in words and the percent it is given as: "nearly double (93%)"."""


def _bracketed(text: str, multiple: Claim, claim: Claim) -> bool:
    """Whether a number stands in brackets right after a multiple in words ("nearly double
    (93%)")."""
    return (
        multiple.kind == "change"
        and not any(ch.isdigit() for ch in multiple.text)
        and _IN_BRACKETS.fullmatch(text, multiple.end, claim.start) is not None
        and text.startswith(")", claim.end)
    )


def _given_as_percent(text: str, multiple: Claim, claim: Claim) -> None:
    """A percent in brackets right after a multiple in words ("nearly double (93%) the figure
    of 2021") is the same change, written as a percent: read as a change of its sign (its
    years are the multiple's, `_same_years`)."""
    if claim.kind not in ("share", "percent") or not _bracketed(text, multiple, claim):
        return
    sign = -1.0 if multiple.value < 0 else 1.0
    claim.kind, claim.direction = "change", int(sign)
    claim.value = sign * claim.value
    if sign < 0:
        low, high = claim.interval.low, claim.interval.high
        claim.interval = Interval(
            -high, -low, claim.interval.high_inclusive, claim.interval.low_inclusive
        )


def _number_claim(text: str, match: re.Match[str], s_start: int, s_end: int) -> Claim | None:
    words = match.group("words")
    before = text[max(s_start, match.start() - 60) : match.start()]
    if words is not None:
        if _skip_words(words, text, match, before):
            return None
        digits, num_end, dollar = words, match.end(), False
    else:
        digits, num_end, dollar = match.group("num"), match.end(), bool(match.group("dollar"))
        thousands = _MIL.fullmatch(digits)
        if thousands:  # "226 mil 119", as Spanish writes 226,119
            digits = f"{thousands.group(1)},{int(thousands.group(2)):03d}"
        digits = _GROUPS.sub(",", digits)  # "142 580", as "142,580"
        if _skip_digits(text, match, before, s_start):
            return None
    negative = not words and match.start() > s_start and text[match.start() - 1] == "-"
    negative = negative and (match.start() - 1 == s_start or text[match.start() - 2] in " (")
    scale = _SCALE.match(text, num_end, s_end)
    scale_word = ""
    if scale and scale.group("scale"):
        scale_word, num_end = scale.group("scale").lower(), scale.end()
    elif scale:
        scale_word, num_end = _ABBREVIATED[scale.group("abbr").lower()], scale.end()
    elif words is None:
        scale_word = _range_scale(text, digits, num_end, s_end)  # "11 to 22 million"
    pct = _PCT.match(text, num_end, s_end)
    if pct and not dollar:
        num_end = pct.end()
    if not pct and not dollar and _DOLLARS_AFTER.match(text, num_end, s_end):
        dollar = True  # "775 million dollars", "775 million U.S. dollars"
    after = text[num_end : min(s_end, num_end + 80)]
    if not pct and not dollar and not scale_word and words is None and _is_year(digits):
        return None
    if not pct and not dollar and _not_a_count(text, digits, after, s_start, match.start()):
        return None
    return _classify(
        text,
        match,
        digits,
        num_end,
        before,
        after,
        words=words is not None,
        dollar=dollar,
        pct=bool(pct and not dollar),
        scale=scale_word,
        negative=negative,
        rest=text[num_end : min(s_end, num_end + _FROM_TO_REACH)],
    )


def _range_scale(text: str, digits: str, num_end: int, s_end: int) -> str:
    """The scale a range's first number shares with its second ("11 to 22 million",
    "between 1.5 and 2 billion"): "" when there is none or the range does not rise."""
    found = _SHARED_SCALE.match(text, num_end, s_end)
    if found is None:
        return ""
    first, second = float(digits.replace(",", "")), float(found.group("n"))
    return found.group("scale").lower() if first < second else ""


def _not_a_count(text: str, digits: str, after: str, s_start: int, at: int) -> bool:
    """A length of time ("the 12 months ending", "for two years under Biden") or an age."""
    if _DURATION.match(after) or _AGE_AFTER.match(after):
        return True
    small = len(digits.replace(",", "")) <= 2 or not any(ch.isdigit() for ch in digits)
    return small and bool(_YEARS_AFTER.match(after)) and not _RECORD.search(text, s_start, at)


def _skip_words(words: str, text: str, match: re.Match[str], before: str) -> bool:
    lowered = words.lower()
    if lowered in ("one", "zero") or lowered.startswith(("hundred", "thousand")):
        return True
    following = text[match.end() : match.end() + 24]
    if _RECORD_SPAN.match(following):
        return False  # "a four-year high": a claim, as "a 15-year low" is
    return bool(re.match(r"-\w|\s?%", following)) or bool(
        re.search(r"\b(?:title|number)\s*$", before, re.I)
    )


_FOLD_AFTER = re.compile(r"[\s-]fold\b", re.I)
"""After the digits of a multiple ("a 4-fold rise"), which the phrases read whole."""


def _skip_digits(text: str, match: re.Match[str], before: str, s_start: int) -> bool:
    start, end = match.start(), match.end()
    prev = text[start - 1] if start > s_start else " "
    nxt = text[end] if end < len(text) else " "
    in_range = "," in match.group() and (
        _RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text, max(0, start - 12), start)
    )  # "500,000-600,000": both ends are figures
    glued = (  # "a257% increase": the article lost its space
        prev in "aA" and (start < 2 or not text[start - 2].isalnum()) and _GLUED.match(text, end)
    )
    if (
        (prev.isalpha() and not glued)
        or prev in "_/#"
        or (prev == "-" and start - 2 >= 0 and text[start - 2].isalnum() and not in_range)
    ):
        return True
    if (nxt.isalpha() and not _SCALE.match(text, end)) or nxt == "_":
        return True
    if _FOLD_AFTER.match(text, end):
        return True  # "a 4-fold rise": a multiple, which the phrases read
    if nxt == "/" and not _PER_UNIT.match(text, end):
        return True  # "3/4", "24/7"; but "$208/day" is a rate
    if _ORDINAL_END.match(text, end, end + 2):
        return True
    if (_DASH_DIGIT.match(text, end, end + 2) and not in_range) or _CLOCK.match(text, end, end + 3):
        return True
    if len(match.group()) <= 2 and (
        _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, end, end + 24)
    ):
        return True  # the day of a date: "January 20", "30 September"
    if _REFERENCE.match(text, max(0, start - 1), min(len(text), end + 1)) and (
        start < 2 or not text[start - 2].isspace() or prev == "["
    ):
        return True  # a note or clause reference: "[2]", "235(b)(1)"
    if len(match.group()) <= 3 and _EXHIBIT_BEFORE.search(before):
        return True  # "(Figure 1)", "see Table 3"
    # both end where `before` does: searched from a little before its last words only
    tail = max(0, len(before.rstrip()) - _TAIL_CHARS)
    return bool(_NAMES_BEFORE.search(before, tail)) or bool(_FISCAL_BEFORE.search(before, tail))


_GLUED = re.compile(r"[\d,.]*\s?(?:%|percent\b)", re.I)
"""After digits an article is glued to: a percent ("a257% increase")."""
_ORDINAL_END = re.compile(r"(?:st|nd|rd|th)\b")
"""An ordinal's ending right after its digits ("21st"), read within the next two characters."""
_DASH_DIGIT = re.compile(r"-\d")
_CLOCK = re.compile(r":\d\d")
_PER_UNIT = re.compile(
    r"/\s?(?:day|night|week|month|year|hour|person|head|bed|detainee|case)s?\b", re.I
)
"""A unit a number is per, after a slash: "$208/day", "45 arrests/month"."""


def _is_year(digits: str) -> bool:
    if "," in digits or "." in digits or len(digits) != 4:
        return False
    return 1900 <= int(digits) <= 2100


_PLUS_AFTER = re.compile(r"\+(?![\d+])")
"""Right after a number: "or more" ("4,000+ permits")."""


def _classify(
    text: str,
    match: re.Match[str],
    digits: str,
    num_end: int,
    before: str,
    after: str,
    *,
    words: bool,
    dollar: bool,
    pct: bool,
    scale: str,
    negative: bool,
    rest: str,
) -> Claim:
    num_start = match.start()
    qual_match = _QUAL_END.search(before, max(0, len(before.rstrip()) - _QUAL_CHARS))
    qualifier = qual_match.group("q") if qual_match else ""
    start = num_start - (len(before) - qual_match.start()) if qual_match else num_start
    if negative:
        start = min(start, num_start - 1)
    kind, end, direction = "count", num_end, 0
    if not pct and not qualifier and _PLUS_AFTER.match(text, num_end):
        qualifier, end = "at least", num_end + 1  # "4,000+ permits": 4,000 or more
    if pct:
        kind, start, end, direction, qualifier = _percent_kind(
            text, before, after, num_start, num_end, qualifier, start
        )
    elif dollar:
        kind = "money"
    elif (
        _AVERAGE_HEAD.search(before)
        or _AVERAGE_TAIL.match(after)
        or _AVERAGE_DAY.search(before)
        or _average_subject(text, num_start)
    ):
        kind = "average"
    elif _WEIGHTS.match(after):
        kind = "weight"
    rounded = kind in ("percent", "share", "change", "average")
    reading = read_number(
        digits,
        scale=scale,
        qualifier=qualifier,
        money=dollar,
        rounded=rounded,
        words=words,
        negative=negative or direction < 0,
        points=kind in ("percent", "share", "change"),
    )
    claim = Claim(
        index=0,
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        value=reading.shown,
        interval=reading.interval,
        qualifier=qualifier.lower(),
        direction=direction,
        number_start=num_start,
        number_end=num_end,
    )
    if kind != "change":
        relation = _RELATION.search(before)
        if relation and _relation_applies(relation.group("w"), rest, before):
            word = relation.group("w").lower()
            claim.role = "prior"
            claim.direction = (
                -1
                if word.startswith(("down", "falling"))
                else 1
                if word.startswith(("up", "rising"))
                else 0
            )
    return claim


_FROM_TO_REACH = 200
"""How far after "from X" its "to Y" may come ("from 6,815 visits in the prior fiscal year
under the previous administration to 12,025")."""


def _relation_applies(word: str, after: str, before: str = "") -> bool:
    """ "from" makes a value the earlier one in "from X to Y", in "to Y from X" and after a
    change ("a 35% decline from the 31,000 in FY 2019")."""
    if word.lower() != "from":
        return True
    if (
        _TO_FROM.search(before)
        or _CHANGE_FROM.search(before)
        or _PERCENT_FROM.search(before)
        or _VERB_FROM.search(before)
    ):
        return True
    return bool(re.match(r"^[^.;]*?\bto\s+(?:[a-z]+\s+){0,2}\$?\d", after, re.I))


def _percent_kind(
    text: str, before: str, after: str, num_start: int, num_end: int, qualifier: str, start: int
) -> tuple[str, int, int, int, str]:
    base = num_start - len(before)
    m = _CHANGE_OF.search(before)
    if m:
        word = (m.group("w") or m.group("w2")).lower()
        qual = m.group("q") or m.group("q2") or ""
        at = base + m.start() if m.group("w") else num_start - len(qual) - (1 if qual else 0)
        return "change", at, num_end, change_sign(word), qual
    m = _CHANGE_VERB_HEAD.search(before)
    if m and _MADE_UP.search(before, 0, m.start() + len(m.group("w"))):
        m = None  # "made up 15% of": a share, not a change
    if m:
        word = m.group("w").lower()
        at = num_start if "(" in m.group() else base + m.start()  # "up (4.4 percent)"
        return "change", at, num_end, change_sign(word), m.group("q") or ""
    reach = max(0, num_start - _VERB_BY_REACH)
    m = _CHANGE_VERB_BY.search(text, reach, num_start) or _COMPARED_BY.search(
        text, reach, num_start
    )
    if m:  # the claim starts at "by": the words between are what changed
        word = m.group("w").lower()
        return "change", m.start("by"), num_end, change_sign(word), m.group("q") or ""
    m = _CHANGE_VERB_PAIR.search(text, max(0, num_start - 160), num_start)
    if m and not _OF_AFTER.match(after):
        qual = m.group("q") or ""
        at = num_start - len(qual) - (1 if qual else 0)
        return "change", at, num_end, change_sign(m.group("w").lower()), qual
    head = _CHANGE_ADJ_HEAD.search(before)
    tail = _CHANGE_ADJ_TAIL.match(after)
    if head and tail:
        word = tail.group("w").lower()
        return (
            "change",
            base + head.start(),
            num_end + tail.end(),
            change_sign(word),
            head.group("q") or head.group("q0") or "",
        )
    if tail and _BARE_CHANGE_END.match(after, tail.end()):  # "for 10 Percent Drop in Sales"
        word = tail.group("w").lower()
        return "change", start, num_end + tail.end(), change_sign(word), qualifier
    m = _COMPARE_TAIL.match(after)
    if m and _COMPARED_NOUN.match(after):
        return "change", start, num_end + m.end(), change_sign(m.group("w").lower()), qualifier
    m = _SIGNED.search(before)
    if m and not _OF_AFTER.match(after):  # "+59.1% on FY 2022", not "-5% of"
        return "change", num_start - 1, num_end, 1 if m.group("s") == "+" else -1, ""
    if _OF_AFTER.match(after):
        return "share", start, num_end, 0, qualifier
    return "percent", start, num_end, 0, qualifier


def change_sign(word: str) -> int:
    """-1 for a word of decrease ("fell", "a drop of"), 1 otherwise."""
    return -1 if word in _DOWN_WORDS else 1
