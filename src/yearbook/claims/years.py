"""The fiscal year each claim is about: from its sentence, paragraph or heading.

In order: a fiscal year named right after the number ("85,343 in FY 2022"); "the
year before" after it; the fiscal year named before it in its sentence; its
paragraph's, then its heading's; then the default. A change is about the latest
year of the values in its sentence; its base year follows "over", "from",
"since" or "compared to", and is the year before by default.

>>> most_common_year("In FY 2023 it rose, as in FY 2023, from FY 2022.")
2023
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right
from calendar import month_name, monthrange
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from yearbook.calendar import FIRST_MONTH, fiscal_year, fiscal_year_bounds
from yearbook.claims.document import Claim, Document
from yearbook.claims.numbers import WORD_VALUES
from yearbook.claims.text import MONTH

__all__ = [
    "COMPARED_THAN",
    "THAN_OWNER",
    "assign_years",
    "base_of",
    "default_of_several",
    "most_common_year",
    "year_by_date",
]

_FOLLOWING_YEARS = "|".join(
    f"{year}[-\u2013/](?:{year + 1}|{(year + 1) % 100:02d})" for year in range(1990, 2060)
)
"""Two years that follow one another, the second maybe cut short: "2018-2019", "2018-19"."""
_FISCAL_YEAR_WORDS = 16
"""How far before two years "fiscal year" may start ("Fiscal  Year 2018-19")."""
_FY = re.compile(
    # "fiscal year 2018-2019", "fiscal year 2018-19": the one fiscal year that ends in 2019
    rf"\b[Ff]iscal\s+[Yy]ear\s(?P<y0>{_FOLLOWING_YEARS})\b(?!\s*[-\u2013])"
    r"|\b(?:FY|[Ff]iscal\s+[Yy]ear|[Ff]iscal|(?:[Ff]inancial|[Bb]udget)\s+[Yy]ear)\s?'?"
    r"(?P<y>\d{4}|\d{2})\b"
    r"|\b(?:(?:19|20)\d\d[-\u2013/](?=(?:19|20)?\d\d\s))?"  # "the 2019-2020 fiscal year": FY 2020
    r"(?P<y2>(?:19|20)\d\d|(?<=[-\u2013/])\d\d)\s+(?:[Ff]iscal|[Ff]inancial|[Bb]udget)\s+[Yy]ear\b"
)
_SAYS_FISCAL = re.compile(
    r"\bFY(?:\b|\s?'?\d)|\b(?:fiscal|financial|budget)\s+year|\bfiscal\b"
    r"|\byear\W+(?:which\s+|that\s+)?(?:ended|ends|ending)\s+(?:in\s+|on\s+)?"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?)\b"
    r"|\b(?:year-end|end-of-year|annual)\s+(?:\w+\s+)?(?:numbers|figures|statistics|data|report)\b",
    re.I,
)
"""A text that speaks of fiscal years: its bare years ("in 2019") are fiscal years too. So
does one that reports an agency's year-end numbers or annual report, which count by the
agency's fiscal year."""


_SAYS_CALENDAR = re.compile(
    r"\bcalendar[\s-]+(?:years?\b|(?:19|20)\d\d\b)"
    r"|\byear\W+(?:which\s+|that\s+)?(?:ended|ends|ending)\s+(?:in\s+|on\s+)?dec(?:ember|\.)?\b",
    re.I,
)
"""A text that says its years are calendar years: its bare years are never read as fiscal."""


def _last_day() -> tuple[str, int]:
    """The name of a fiscal year's last month and the number of its last day."""
    last_month = FIRST_MONTH - 1 or 12
    return month_name[last_month], monthrange(2001, last_month)[1]


def _whole_year_pattern() -> re.Pattern[str]:
    """ "Between October 1, 2019 and September 30, 2020", "(October 2019 to September 2020)":
    the first and last day, or month, of one fiscal year (`yearbook.calendar`), which names
    that year, not a part of one."""
    first = month_name[FIRST_MONTH]
    last, last_day = _last_day()
    return re.compile(
        rf"\b(?:(?:between|from)\s+)?{first[:3]}(?:{first[3:]}|\.)?\s+(?:1(?:st)?,?\s+)?"
        rf"(?P<a>\d{{4}}),?\s+(?:and|to|through|until|-|\u2013)\s+{last[:3]}(?:{last[3:]}|t\.?|\.)?"
        rf"\s+(?:(?:{last_day}(?:th)?,?\s+)?(?P<b>\d{{4}})\b|{last_day}(?:th)?\b(?!,?\s*\d))",
        re.I,
    )


_WHOLE_YEAR = _whole_year_pattern()


def _whole_year(m: re.Match[str]) -> int:
    """The fiscal year a first-to-last stretch names: its last year, which "between Oct.
    2021 and Sept. 30" leaves to be read from its first."""
    return int(m.group("b")) if m.group("b") else int(m.group("a")) + 1


def _ended_on_pattern() -> re.Pattern[str]:
    """ "The fiscal year that ended on Sept. 30, 2017": the last day of a fiscal year, with
    its year, which names that fiscal year."""
    last, last_day = _last_day()
    return re.compile(
        r"\b(?:fiscal|financial|budget)\s+year\s+(?:that\s+|which\s+)?(?:ended|ends|ending)\s+"
        rf"(?:on\s+)?{last[:3]}(?:{last[3:]}|t\.?|\.)?\s+{last_day}(?:th)?,?\s+(?P<b>\d{{4}})\b",
        re.I,
    )


_ENDED_ON = _ended_on_pattern()
_CALENDAR = re.compile(
    r"(?<![\d,.$/#-])\b(?P<y>(?:19|20)\d\d)\b(?![\d%/-]|[.,]\d|\s*(?:%|percent))"
)
_DATE_BEFORE = re.compile(
    rf"\b{MONTH}\.?\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$",
    re.I,
)
_YEAR = r"(?:(?:FY\s?'?|fiscal\s+(?:years?\s+)?)?(?:19|20)\d\d|FY\s?'?\d\d(?!\d))"
_SPAN = re.compile(
    r"(?=[\dabdefginostu])(?:"  # tried only where one of the ways below may start
    rf"\bbetween\s+{_YEAR}\s+and\s+{_YEAR}\b"
    rf"|\b(?:going|dating|stretching)\s+back\s+to\s+{_YEAR}\b"
    # one year, then another: "2019-20", "fiscal years 2017 through 2020" (not calendar
    # years), "FY2021 and FY2022 combined"; tried once where a year starts
    rf"|\b{_YEAR}(?:\s?[-\u2013]\s?(?:{_YEAR}|\d\d)\b"
    rf"|(?<!calendar\syears\s(?:19|20)\d\d)\s+(?:to|through|thru)\s+{_YEAR}\b"
    rf"|\s+and\s+{_YEAR}\s+(?:combined|together)\b)"
    rf"|\bfrom\s+{_YEAR}\s+(?:to|through|until|thru)\s+{_YEAR}\b"
    rf"|\bFY\s?'?\d\d\s?[-\u2013]\s?(?:FY\s?'?)?\d\d\b"
    rf"|\b(?:across|over)\s+{_YEAR}\s+and\s+{_YEAR}\b"
    rf"|\b(?:until|up\s+to|up\s+until)\s+(?:the\s+end\s+of\s+)?{_YEAR}\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:fiscal\s+)?years\b"
    r"(?!\s+(?:earlier|before|ago|prior|later|into))"
    r"|\bin\s+some\s+years\b"
    r"|\beach\s+of\s+the\s+(?:\w+\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?:fiscal\s+)?years\b)",
    re.I,
)
"""Several years: a claim about them has no one fiscal year, unless it names one after it
("more than 140,000 in each of the three years before that" is about each of them; "every
fiscal year going back to 2008" is about the years since then)."""
_PART_OF_YEAR = re.compile(
    r"(?=[\dabdfilmopqrstuwy])(?:"  # tried only where one of the ways below may start
    r"\bQ[1-4]\b|"  # "in Q3 of FY 2024"
    r"\b(?:in|during|last|for|since)\s+(?:the\s+month\s+of\s+)?(?-i:(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sept?|Oct|Nov|Dec)\.)(?![\w-]|\.\w|,?\s+\d{1,4}\b)"
    r"|\b(?:first|second|third|fourth|last|past|final|opening|remaining)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|\d{1,2})\s+)?(?:half|quarters?|months?|weeks?)\b"
    r"|\b(?:through|thru|until|till|to)\s+(?:the\s+end\s+of\s+)?(?-i:(?:January|February|March|"
    r"April|May|June|July|August|October|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|"
    r"Nov|Dec)\.)(?![\w-])"  # "through November 2024", "from January to May"
    rf"|\b(?:from|between)\s+{MONTH}\.?\s*(?:[-\u2013\u2014]|to|through|and)\s*"
    rf"(?!sep){MONTH}\b"  # "from February - June"
    r"|\b(?:FYTD|YTD|year[\s-]to[\s-]date|(?:19|20)\d\d\s+to[\s-]date)\b"
    r"|\b(?:so|thus)\s+far\s+(?:in|this|during)\b"  # "so far in fiscal year 2017"
    rf"|\bas\s+of\s+(?:(?:early|mid|late)[\s-]+)?{MONTH}\.?,?\s+(?:19|20)\d\d\b"
    r"|\b(?:since|after|before|prior\s+to|until|through|between|from|as\s+of)\s+"
    r"(?:[A-Z][\w'-]*\s+){0,3}(?:on\s+)?"
    rf"{MONTH}\.?\s+\d{{1,2}}\b"
    r"|\b(?:since|from)\s+the\s+(?:start|beginning|first\s+day)\s+of\s+(?:[A-Za-z][\w'-]*\s+){1,4}"
    rf"on\s+{MONTH}\.?\s+\d{{1,2}}\b"
    r"|\b(?:months|weeks)\s+(?:since|after|following)\b"
    r"|\b(?:since|after)\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:(?:took|assumed|entered|came\s+into)\s+"
    r"(?:office|power|control)|took\s+over)\b"
    r"|\b(?:since|from)\s+the\s+(?:start|beginning|outset|first\s+day)\s+of\s+the\s+"
    r"(?:[A-Z][\w'.-]*\s+){1,3}(?:administration|presidency)\b)",
    re.I,
)
"""Part of a year: a claim about it is not about a whole fiscal year ("as of Sept. 9", "through
November 2024" (not "through September", where a fiscal year ends), "from February - June",
"as of February 2024", "in the months after the new director took office" (or "took
control"), "from the start of the Smith administration", "in the final eight months")."""
_BASE_BEFORE = re.compile(
    r"\b(?:over|compared\s+(?:to|with)|(?<!more\s)(?<!less\s)(?<!fewer\s)than|versus|against)\s+"
    r"(?:the\s+|its\s+|their\s+)(?:[a-z]+\s+){1,3}?(?:in|during|for)\s+(?:the\s+)?$"
    r"|\bsince\s+(?:the\s+|its\s+|their\s+)(?:[\w'\u2019-]+\s+){1,3}?in\s+$"
    r"|\bthan\s+(?:they|it|there|those|these|that|this)\s+(?:[a-z]+\s+){1,3}?(?:in|during|for)"
    r"\s+(?:the\s+)?$"  # "80 percent lower than they had been in FY 2019"
    r"|\b(?:(?:over|from|since|compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|than|on|"
    r"(?:the\s+)?same\s+as|similar\s+to|on\s+par\s+with|in\s+line\s+with|"
    r"versus|vs\.?|against|relative\s+to|(?<=percent\s)below|(?<=%\s)below|"
    r"(?<=percent\s)above|(?<=%\s)above)"
    r"\s+(?:at\s+least\s+)?(?:the\s+|that\s+of\s+)?(?:same\s+period\s+(?:in|of)\s+)?"
    r"(?:(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?['\u2019]s\s+)?"  # "than Smith's FY 2016"
    r"(?:(?:in|during|for)\s+(?:the\s+)?)?"  # "than in the 2018 budget year"
    r"|(?:from|(?<!more[ \t])(?<!less[ \t])(?<!fewer[ \t])than|(?:more|less|fewer)[ \t]+than"
    r"(?=[ \t]+the[ \t])|compared[ \t]+(?:to|with)|"
    r"versus|vs\.?|against|doubles?|doubled|doubling|"
    r"triples?|tripled|tripling)[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?"
    r"(?:(?:more[ \t]+than|over|nearly|about)[ \t]+)?"
    r"\$?\d[\d,]*(?:\.\d+)?[ \t]?(?:%|percent|million)?"
    r"[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:in|during|of|for)[ \t]+(?:the[ \t]+)?)$",
    re.I,
)
_MULTIPLE_BEFORE = re.compile(
    r"\b(?:twice|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|half|"
    r"(?:one|a)[\s-](?:third|quarter|fourth|fifth|sixth|tenth)|two[\s-]thirds|"
    r"three[\s-](?:quarters|fourths)|(?:two|three|four|five|\d+)\s+times)\s+"
    r"(?:as\s+many\s+(?:[\w'-]+\s+){0,6}?as\s+|the\s+(?:number|amount|total|count|level)\s+"
    r"(?:of\s+)?(?:[\w'-]+\s+){0,6}?|of\s+the\s+(?:[\w'-]+\s+){0,3}?)"
    r"(?:in|during|for)\s+(?:the\s+)?$"
    r"|\b(?:half|twice|double|triple|(?:one|a)[\s-](?:third|quarter|fourth|fifth)|two[\s-]thirds|"
    r"(?:two|three|four|five|\d+)\s+times)\s+the\s+$",
    re.I,
)
"""Before the year a multiple compares with: "nearly twice the number of sales it made in FY
2021", "four times the number sold in 2021", "about one-fifth the number in 2019" or "less than
a third of the sales in 2020" names that year as the base, not the year of the values around
it."""


@lru_cache(maxsize=1 << 16)
def _is_base(text: str, start: int, pos: int) -> bool:
    """Whether the year at ``pos`` is a base a value is compared with, not the value's own."""
    return bool(
        _BASE_BEFORE.search(text[max(start, pos - 60) : pos])
        or _MULTIPLE_BEFORE.search(text[max(0, pos - 120) : pos])
    )


_YEAR_BEFORE = re.compile(
    r"\b(?=[\dafilpt])(?:the\s+year\s+(?:before|prior)|(?:the\s+)?(?:previous|prior|preceding)\s+(?:fiscal\s+)?year"
    r"|a\s+year\s+(?:earlier|before|ago)|last\s+year"
    r"|(?P<n>two|three|four|five|\d)\s+(?:fiscal\s+)?years\s+(?:earlier|before|ago|prior))\b",
    re.I,
)

_YEAR_AFTER = re.compile(
    r"^[^,.;:]{0,40}?\b(?:the\s+(?:following|next|subsequent)\s+(?:fiscal\s+)?year|"
    r"a\s+year\s+later|the\s+year\s+after)\b",
    re.I,
)
"""After a value of the year after the one its sentence named: "and 256,085 removed the
following year"."""

_HEDGE = r"(?:(?:about|nearly|almost|over|more\s+than|roughly|some)\s+)?"
"""A writer's hedge before a number ("about", "more than"), as the year rules read it."""
_YEARS_OWN = re.compile(
    r"\b(?:the\s+)?(?:previous|prior|preceding|last)\s+(?:fiscal\s+)?year['\u2019]s\s+"
    rf"(?:[a-z-]+\s+){{0,2}}{_HEDGE}\$?$",
    re.I,
)
"""Right before a value: "the previous year's paltry 142,580" is of the year before."""
_YEARS_OF = re.compile(r"\D{0,14}\d{2,4}['\u2019]s\b")
"""A year in the possessive ("FY 2019's"): it names the value after it, not one before."""
COMPARED_THAN = r"\b(?:higher|lower|more|fewer|less|greater|larger|smaller|above|below)\s+than\s+"
"""A comparative and "than", before what a value is compared with."""
THAN_OWNER = re.compile(
    COMPARED_THAN + r"(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?!years?['\u2019])[\w-]+['\u2019]s?\s+"
    rf"(?:[\w-]+\s+){{0,4}}?(?:of\s+)?{_HEDGE}\$?$",
    re.I,
)
"""Before a value another one is compared with, owned by someone ("higher than the new
director's first year number of 226,119"): of a year its sentence does not give."""
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
"""Before the year a change counts from up to the year in scope."""
_APPOSED = re.compile(r"[^.;,()]{0,40},\s*(?:or\s+|and\s+)?", re.I)
"""Between a value and the change set beside it ("158,581 in 2018, a 44 percent increase")."""
_YEAR_OF = re.compile(
    r"\D{0,14}\d{2,4}\s+(?:[a-z-]+\s+){1,2}?of(?=\s+(?:[a-z]+\s+){0,2}\$?\d)", re.I
)
"""A year, a noun and "of" right before a value ("the FY2018 high of 158,581"): its year."""
_OWNED = re.compile(
    rf"\s+(?:[a-z-]+\s+){{0,2}}?{_HEDGE}\$?",
    re.I,
)
"""Between a year in the possessive and its value ("FY 2019's record 267,258")."""
_FROM = re.compile(
    r"\b(?:from|vs\.?|versus|against|compared\s+(?:to|with))\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?\$?$",
    re.I,
)
"""Right before the earlier of two values "from" one "to" the other, or set against it (not a
value another is a multiple of: "3.4 times the 273,768")."""
_CALENDAR_WORD = re.compile(r"\bcalendar[\s-]+(?:years?\s+)?$", re.I)
_CALENDAR_NAMED = re.compile(r"(?=c)\bcalendar\b", re.I)
"""Right before a year that is a calendar year ("calendar 2020", "calendar year 2020")."""
_IN_PARENS = re.compile(
    rf"\D{{0,14}}\d{{2,4}}\s*\(\s*{_HEDGE}\$?$",
    re.I,
)
"""From a year to the value in parentheses right after it ("fiscal 2021 (59,011)")."""
_OPEN_PARENS = re.compile(rf"\s*\(\s*{_HEDGE}\$?", re.I)
"""Between a relative year and the value in parentheses right after it ("last year (142,580)")."""
_WHEN = re.compile(
    r"[^,.;]{0,20}?,?\s+(?:when|where|in\s+which|during\s+which)\s+[^,.;]{0,60}$", re.I
)
"""After a base year, before a value: "from 2018, when ...", "from the previous fiscal year,
where ...", whose year the value is of."""
_LABEL_OF_NEXT = re.compile(r"\D{0,14}\d{2,4}\s*[:=\u2248~]\s*\$?\d")
"""A year that labels the value right after it ("FY 2019: 143,099", "2017 \u2248 226,119"), not
the one before."""
_ADDS_UP = re.compile(
    rf"\b(?:adds?\s+up\s+to|added\s+up\s+to|totall?ed|came\s+to|sums?\s+to)\s+{_HEDGE}\$?$",
    re.I,
)
"""Right before a count that is a total over the span its sentence named before it."""
_SUMMED_BEFORE = re.compile(
    r"\b(?:together|combined|in\s+all|in\s+total|a\s+total\s+of|add(?:s|ed)?\s+up|years)\b",
    re.I,
)
"""Before a yearly average in its sentence: a total over years it spreads."""
_A_YEAR = re.compile(
    r"\s*(?:[a-z-]+\s+)?(?:(?:a|per|each)\s+(?:fiscal\s+)?year\b|annually\b)", re.I
)
"""Right after a count that is a yearly average: "91,000 a year", "91,000 sales per year",
"148,000 people annually"."""
_LAST_YEAR = re.compile(r"\blast\s+(?:fiscal\s+)?year\b", re.I)
"""A year relative to when the text was written, not to the year it names."""
_REPORT_AFTER = re.compile(
    r"(?:FY\s?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d\s+(?:(?:annual|year[- ]end|yearly)\s+)?"
    r"(?:enforcement\s+)?(?:report|review)\b",
    re.I,
)
"""A year that names a report of it ("the 2023 annual report"), published the year after."""
_REPORT_BEFORE = re.compile(
    r"\b(?:report|review)\s+(?:[a-z]+\s+)?(?:of|for|on)\s+(?:the\s+)?$", re.I
)
"""Before a year a report is of ("the annual report for 2023", as read from "relatório anual
de 2023")."""
_LAST_FISCAL = re.compile(
    r"\b(?:the\s+|its\s+)(?:last|past|previous|latest|most\s+recent)\s+fiscal\s+year\b"
    r"|\blast\s+fiscal\s+year\b",
    re.I,
)
"""A fiscal year named by the text's date alone, in words that say fiscal: "last fiscal
year", "the past fiscal year"."""
_THAT_YEAR = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:that|the\s+same)\s+(?:fiscal\s+)?year\b", re.I)
"""Right after a value: "143,099 that year", of the year named last before it."""
_THIS_YEAR = re.compile(
    r"\s*(?:[\w-]+\s+){0,5}?(?:this|the\s+current)\s+(?:fiscal\s+)?year\b", re.I
)
"""Right after a value: "271,484 this fiscal year", a year only the text's date tells."""
_LABELS = re.compile(r"(?:\b(?:19|20)\d\d|\bFY\s?'?\d\d)[ \t]*[:=\u2248~\u2013-]?[ \t]*\$?$")
"""A year right before a value, as a label ("FY 2018: 256,085"); when the next value has one
too, each value is of the year right before it, not of the year after it."""
_LABEL_WORDS = 4
"""The most words between a value and the next value's year label ("256,085; Fiscal Year 2019:
267,258"): more make a clause, whose year is the value's ("158,581 were made in FY 2018")."""
_REPORTED = re.compile(
    r"\b(?:reported|said|announced|released|published|revealed|disclosed|noted|showed)\s+"
    r"(?:[a-z]+\s+){0,2}$",
    re.I,
)
"""Before a time of reporting ("reported late last week that ... 74,082 in FY21"), no span."""
_TO_YEAR = re.compile(r"\bto\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?'?)?$", re.I)
"""Before the later year of "from FY 2022 to FY 2023" after a change: its own year."""
_NEXT_CLAUSE = re.compile(r"[;]|,\s+(?:and|but|while|whereas)\s|\.\s")
"""Where a clause of a sentence ends and the next begins."""
_OPENING_SHIFT = re.compile(
    r"\s*(?:(?:the|a|one)\s+(?:fiscal\s+)?year|(?P<n>two|three|four|five|six|\d)\s+(?:fiscal\s+)?years)"
    r"\s+(?:(?P<back>before|earlier|prior)|later|after|on)(?:\s+that)?\b\s*,?"
    r"|\s*the\s+(?P<next>following|next)\s+(?:fiscal\s+)?year\b\s*,?",
    re.I,
)
"""A sentence opening with a year counted from the one just named ("The year before that, ...",
"Two years earlier it was ...", "Three years later the agency removed ...")."""
_SAME_PERIOD = re.compile(
    r"\b(?=[st])(?:the\s+)?same\s+(?:period|months|time\s+(?:frame|period))\b", re.I
)
"""A comparison of like parts of two years: every value of its sentence is a part's."""
OTHER_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while)\b|;|\band\s+also\b")
"""Where a sentence's next clause begins (", and ...", "; ..."): a value past it is another's."""
_CLAUSE_END = re.compile(r"[,;:\u2014]|\s\u2013\s")
_OPENS_CLAUSE = re.compile(
    r"(?:[,;]|\band|\bbut|\bwhile|\bwhereas)\s+(?:in|during|for)\s+(?:the\s+)?$"
    r"|(?:[,;]|\))\s*(?:and\s+|but\s+|while\s+|whereas\s+)?$",
    re.I,
)
"""Before a year that opens the next clause ("..., and in FY19 there were 143,099", "(about
59,011), FY2022 rose (about 72,177)"): the year belongs to the claim after it."""


def _one_fiscal_year(text: str, span: re.Match[str]) -> bool:
    """Whether a span of two years is "fiscal year" and two years that follow one another
    ("fiscal year 2018-2019"): one fiscal year."""
    named = _FY.search(text, max(0, span.start() - _FISCAL_YEAR_WORDS), span.end())
    return named is not None and named.group("y0") is not None and named.end() == span.end()


def _fy(match: re.Match[str]) -> int:
    if match.group("y0"):  # "fiscal year 2018-2019": the year it ends in
        return int(match.group("y0")[:4]) + 1
    year = int(match.group("y") or match.group("y2"))
    return year + 2000 if year < 100 else year


def says_fiscal(text: str) -> bool:
    """Whether a text speaks of fiscal years at all (then its bare years are fiscal years)."""
    return _SAYS_FISCAL.search(text) is not None or _WHOLE_YEAR.search(text) is not None


def year_told(doc: Document, claim: Claim) -> bool:
    """Whether the text tells the claim's year: its sentence gives it, or the text names that
    fiscal year and no other and carries it to the claim ("ICE deported 271,484 people in
    fiscal year 2023. ... the removal of 237 known or suspected terrorists")."""
    return claim.year_given or (
        claim.year_source in ("document", "paragraph")
        and claim.fiscal_year is not None
        and doc.years_named == {claim.fiscal_year}
    )


def default_of_several(doc: Document, claim: Claim) -> bool:
    """Whether the claim's year is only the one the text names most, in a text that names
    several: a guess, not a year the text gives it."""
    return claim.year_source == "document" and len(doc.years_named) > 1


_GOES_TO = re.compile(
    r",?\s+to\s+(?:about\s+|nearly\s+|almost\s+|over\s+|some\s+)?\$?\d[\d,.]*(?!\d)(?<!\b(?:19|20)\d\d)"
)
"""After the year a change starts from ("from 65,332 in FY 2016 to 81,603"): a base."""


def _goes_to(text: str, pos: int) -> bool:
    """Whether the year named at ``pos`` is where a change starts ("in FY 2016 to 81,603")."""
    named = _FY.match(text, pos) or _CALENDAR.match(text, pos)
    return named is not None and _GOES_TO.match(text, named.end()) is not None


def most_common_year(text: str) -> int | None:
    """The fiscal year the text names most, by its name or by its first and last day or month;
    of years named as often, the one the text names most in all, bare years counted ("hit a
    low in 2021 ... 59,011 in fiscal year 2021, down from 185,884 in fiscal year 2020"); then
    the first."""
    years = Counter(
        _fy(m)
        for m in _FY.finditer(text)
        if not _is_base(text, 0, m.start()) and not _goes_to(text, m.start())
    )
    years.update(_whole_year(m) for m in _whole_years(text))  # "(October 2017 to ...)"
    if not years:
        return None
    bare = Counter(-y for _, y in _scan(text)[1] if y < 0)
    order = {y: i for i, y in enumerate(years)}
    return max(years, key=lambda y: (years[y], bare[y], -order[y]))


def _merged(stretches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches joined where they overlap, in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(stretches):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _within(stretches: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the stretches, sorted by start and not overlapping."""
    at = bisect_right(stretches, (pos, math.inf)) - 1
    return at >= 0 and stretches[at][0] <= pos < stretches[at][1]


@lru_cache(maxsize=4)
def _whole_years(text: str) -> list[re.Match[str]]:
    """Every stretch of the text from the first day or month of a fiscal year to its last
    ("October 2017 to September 2018"), or that names its last day ("the fiscal year that
    ended Sept. 30, 2018"), once per text."""
    found = [m for m in _WHOLE_YEAR.finditer(text) if _whole_year(m) == int(m.group("a")) + 1]
    return sorted([*found, *_ENDED_ON.finditer(text)], key=lambda m: m.start())


@lru_cache(maxsize=4)
def _scan(text: str) -> tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]:
    """Every fiscal-year mention (position, year), bare year and span of the text, once."""
    matches = list(_FY.finditer(text))
    fiscal = [(m.start(), _fy(m)) for m in matches]
    wholes = _whole_years(text)
    fiscal += [(m.start(), _whole_year(m)) for m in wholes]
    fiscal.sort()
    spans = [(m.start(), m.end()) for m in _SPAN.finditer(text)]
    taken = _merged((m.start(), m.end()) for m in matches + wholes)  # a year's own words
    bare = []
    for m in _CALENDAR.finditer(text):
        pos = m.start()
        if _within(taken, pos):  # "FY 2019", "fiscal year 2019": one mention
            continue
        if _within(spans, pos):
            continue
        if _DATE_BEFORE.search(text[max(0, pos - 16) : pos]):
            continue
        bare.append((pos, int(m.group("y"))))
    found = sorted(fiscal + [(p, -y) for p, y in bare])
    return [p for p, _ in found], found, spans


def _mentions(
    text: str, start: int, end: int, calendar: bool = False, seen_from: int | None = None
) -> list[tuple[int, int, bool]]:
    """Year mentions in text[start:end]: (position, year, is a comparison base).

    Fiscal years always; with ``calendar``, bare years too ("in 2019"), but not the
    year of a date ("July 8, 2019") nor the years of a span ("between 2020 and 2023").
    Whether a year is a base is read from ``seen_from`` on when given (a claim's own words may
    say it: "7.6 percent above the FY18 level").
    """
    positions, found, _ = _scan(text)
    out = []
    for pos, year in found[bisect_left(positions, start) : bisect_left(positions, end)]:
        if year < 0 and not calendar:
            continue
        base = _is_base(text, start if seen_from is None else seen_from, pos)
        out.append((pos, abs(year), base))
    return out


def assign_years(doc: Document) -> None:
    text = doc.text
    fiscal = says_fiscal(text)
    heading_year: int | None = None
    para_year: dict[int, tuple[int | None, str]] = {}
    mentions: dict[int, list[tuple[int, int]]] = {}
    default = (doc.default_year, "document" if doc.default_year else "")
    for b, block in enumerate(doc.blocks):
        found = [
            (pos, y) for pos, y, base in _mentions(text, block.start, block.end, fiscal) if not base
        ]
        mentions[b] = found
        doc.years_named.update(y for _, y in found)
        if block.kind == "heading":
            heading_year = found[0][1] if found else (heading_year if block.level > 2 else None)
            continue
        carried = (heading_year, "heading") if heading_year else default
        if block.kind == "item" and not found and b > 0 and para_year.get(b - 1, (None, ""))[0]:
            carried = para_year[b - 1]
        found = [(pos, y) for pos, y in found if not _goes_to(text, pos)]
        if found and not carried[0]:  # a year the paragraph names only after a claim
            carried = (found[0][1], "document")
        para_year[b] = carried

    def context(claim: Claim) -> tuple[int | None, str]:
        _, s_start, _ = doc.sentences[claim.sentence]
        before = [y for pos, y in mentions.get(claim.block, []) if pos < s_start]
        return (before[0], "paragraph") if before else para_year.get(claim.block, (None, ""))

    for claim in doc.claims:
        if claim.kind != "change":
            _claim_year(doc, claim, context(claim), fiscal)
    for claim in doc.claims:
        if claim.kind == "change":
            _claim_year(doc, claim, context(claim), fiscal)
    for claim in doc.claims:
        _span_or_calendar(doc, claim, fiscal)
        _this_time(doc, claim)
        if claim.year_source == "paragraph" and not claim.no_contradiction:
            _, s_start, _ = doc.sentences[claim.sentence]
            named = {y for pos, y in mentions.get(claim.block, []) if pos < s_start}
            if len(named) > 1:  # "... in fiscal 2019 to ... in fiscal 2023. ... 170,590 ..."
                claim.no_contradiction = "its paragraph names several years before it"
    _compared_parts(doc)
    _listed_years(doc)
    if not fiscal:
        _calendar_readings(doc)


SPAN_OF_TIME = "it is about a span of time"
"""How the note of a claim about a part of a year or a span of years begins."""
_THIS_TIME = re.compile(
    r"\b(?:during|in|over|for|within)\s+(?:this|that|the\s+same)\s+(?:time|period|stretch|span)\b"
    r"(?!\s+(?:of|in|a\s+year|last\s+year|\d))",
    re.I,
)
"""A time named by the sentence before ("During this time, the office sold 110,568")."""


def _this_time(doc: Document, claim: Claim) -> None:
    """A claim whose sentence, before it, points back to the time the sentence before named,
    when that time was a part of a year or a span: it is about that time too ("From January
    through September, sales rose 40 percent. During this time it sold 110,568 permits"); so
    is a change that points back to a value of such a time ("That was a 40 percent rise")."""
    if claim.year_note or claim.sentence == 0:
        return
    _, s_start, s_end = doc.sentences[claim.sentence]
    named = [c for c in doc.in_sentence(claim.sentence - 1) if c.year_note]
    if (
        claim.kind == "change"
        and POINTS_BACK.match(doc.text, s_start)
        and not _mentions(doc.text, s_start, s_end, True)  # not "one-fifth the number in 2019"
    ):
        # "... sold 110,568 between Jan. 20 and Sept. 30. That was a 40 percent increase":
        # the change of the value it points back to, of that part of a year
        values = [
            c
            for c in doc.in_sentence(claim.sentence - 1)
            if c.kind in ("count", "money", "weight", "average")
        ]
        named = values[-1:] if values and values[-1].year_note.startswith(SPAN_OF_TIME) else []
    elif doc.first(_THIS_TIME, s_start, claim.start) is None:
        return
    if not named or _FY.search(doc.text, s_start, claim.start):
        return
    claim.fiscal_year, claim.base_year, claim.year_given = None, None, False
    claim.year_note = named[0].year_note
    claim.part, claim.span = named[0].part, named[0].span


def base_of(doc: Document, prior: Claim) -> Claim | None:
    """The value a "prior" value is the base of, in its sentence ("roughly 104,000 ...
    compared with 143,000": 104,000), or None: a base belongs to that value only."""
    if prior.role != "prior":
        return None
    before = [
        c
        for c in doc.in_sentence(prior.sentence)
        if c.end <= prior.start
        and c.kind == prior.kind
        and c.role != "prior"
        and not OTHER_CLAUSE.search(doc.text, c.end, prior.start)
    ]  # not "50,165 ..., while monthly sales increased from 19,618": another clause's
    return before[-1] if before else None


def _compared_parts(doc: Document) -> None:
    """A value compared with one about a part of a year is about the same part of its own
    year ("from the start of the season on April 1 ... 110,568 visits, compared to 77,806 in
    FY 2016"): like is compared with like."""
    for claim in doc.claims:
        if claim.part is not None or claim.span is not None:
            continue
        if claim.role == "prior":
            base = base_of(doc, claim)
            before = [base] if base is not None else []
        elif claim.kind == "change":  # "... compared to 77,806 in FY 2016, up 42 percent"
            before = [c for c in doc.in_sentence(claim.sentence) if c.index < claim.index][-2:]
            if len(before) < 2 or before[-1].role != "prior" or before[0].kind == "change":
                continue
        else:
            continue
        if not before or before[0].part is None:
            continue
        _, words = before[0].part
        if claim.fiscal_year is not None:
            claim.part = (claim.fiscal_year, words)
        claim.fiscal_year, claim.base_year = None, None
        claim.year_note = (
            f"it is compared with {before[0].text}, which is about a part of a year "
            f"({words.strip()!r}), so it is about the same part"
        )


def _calendar_readings(doc: Document) -> None:
    """In a text that never speaks of fiscal years, the calendar year each undated claim may
    be read as (only where a figure of that fiscal year agrees): the one the text names most;
    none in a text that says its years are calendar years."""
    text = doc.text
    if _SAYS_CALENDAR.search(text):
        for claim in doc.claims:
            claim.calendar = None
        return
    named = Counter(y for _, y, base in _mentions(text, 0, len(text), True) if not base)
    if not named:
        return
    most = named.most_common(1)[0][0]
    for claim in doc.claims:
        if claim.fiscal_year is None and not claim.year_note and claim.span is None:
            claim.calendar = (most, None)


_SPAN_YEAR = re.compile(
    r"(?:19|20)\d\d|(?<=[-\u2013])\d\d\b|(?<=FY)\s?\d\d\b|(?<=FY')\d\d\b|(?<=FY\s')\d\d\b", re.I
)


_ASIDE_OPENS = re.compile(r"[,(\u2014]\s*(?:which|that|who|when|a\s+period|the\s+period)\b", re.I)
"""An aside ("In FY 2022, which ran from Oct. 1, 2021 to Sept. 30, 2022, ...") whose span or
part of a year describes something else than the claim."""


def _closed_aside(text: str, found: re.Match[str], claim_start: int) -> bool:
    """Whether the match is inside parentheses that close before the claim, as an aside (not
    a label's: "Total (FY 2017-FY 2020): 935,346" names the span of the value after it)."""
    paren = text.rfind("(", max(0, found.start() - 300), found.start())
    close = text.find(")", found.end(), claim_start)
    return (
        paren >= 0
        and ")" not in text[paren : found.start()]
        and close >= 0
        and not _LABEL_CLOSE.fullmatch(text, close, claim_start)
    )


_LABEL_CLOSE = re.compile(r"\)\s*[:=]\s*\$?")
"""The end of a parenthesis that labels the value after it: "(FY 2017-FY 2020): "."""


def _outside_asides(
    doc: Document,
    pattern: re.Pattern[str],
    start: int,
    stop: int,
    claim_start: int | None = None,
) -> re.Match[str] | None:
    """The first match of ``pattern`` in text[start:stop] that is not inside an aside."""
    text = doc.text
    for found in doc.found(pattern, start, stop):
        opens = [m for m in _ASIDE_OPENS.finditer(text, start, found.start())]
        closed = opens and _CLAUSE_END.search(text, opens[-1].end(), found.start())
        if opens and not closed:
            continue
        if claim_start is not None and _closed_aside(text, found, claim_start):
            continue  # "(more than half of which came in the first four months) and 28,200"
        return found
    return None


def _span_of(text: str) -> tuple[int, int | None] | None:
    """What a span says: (first year, last year) when it names them, (years, None) when it
    only counts them ("four fiscal years"), None when it says neither ("in some years")."""
    years = [int(y.strip()) for y in _SPAN_YEAR.findall(text)]
    years = [y + 2000 if y < 100 else y for y in years]
    if len(years) >= 2 and years[0] < years[-1] <= years[0] + 30:
        return years[0], years[-1]
    count = re.match(r"\s*(\w+)\s+(?:fiscal\s+)?years", text, re.I)
    n = _how_many(count.group(1)) if count else 0
    return (n, None) if 2 <= n <= 30 else None


def _how_many(word: str) -> int:
    """A count of years in words or figures ("three", "3"); 0 when it is neither."""
    word = word.lower()
    return WORD_VALUES.get(word) or (int(word) if word.isdigit() else 0)


_EACH = re.compile(
    r"each\s+of\s+the\s+(?:(?:last|past|previous|prior|preceding)\s+)?(?P<n>\w+)\s+"
    r"(?:fiscal\s+)?years\b",
    re.I,
)
"""A span each year of which a claim is said of: "in each of the three years before that"."""
_BEFORE_THAT = re.compile(r"\s+(?:before|prior\s+to|preceding)\s+(?:that|it|then)\b", re.I)


def _each_span(doc: Document, claim: Claim, span: re.Match[str]) -> tuple[int, int | None] | None:
    """The years "each of the N years" names: the N before the year of the value before the
    claim in its sentence ("fell to 74,000 from more than 100,000 in FY 2020 and more than
    140,000 in each of the three years before that"); else only how many they are."""
    each = _EACH.match(span.group())
    assert each is not None
    n = _how_many(each.group("n"))
    if not 2 <= n <= 30:
        return None
    year = None
    if _BEFORE_THAT.match(doc.text, span.end()):
        before = [
            c.fiscal_year
            for c in doc.in_sentence(claim.sentence)
            if c.end <= claim.start and c.fiscal_year is not None
        ]
        year = before[-1] if before else None
    return (year - n, year - 1) if year is not None else (n, None)


def _same_period(doc: Document, claim: Claim, fiscal: bool) -> re.Match[str] | None:
    """ "The same period" of two years in a sentence that names no year but the one after that
    phrase: every value of the sentence is a part of a year's. (A sentence that names the main
    value's year, "158,581 in FY 2018, against 143,470 in the same period of FY 2017", compares
    whole years.)"""
    _, s_start, s_end = doc.sentences[claim.sentence]
    same = doc.first(_SAME_PERIOD, s_start, s_end)
    if same is None:
        return None
    if doc.first(_PART_OF_YEAR, s_start, same.start()):
        return same  # "During the first half of FY 2023 ... 225,483, up from 170,896 over
        # the same period in FY 2022": the part its sentence named first
    if _ENDED_YEAR.search(doc.text, s_start, same.start()):
        return None  # "... 271,484 in its fiscal year ended Sept. 30, nearly double from
        # 142,580 in the same period a year earlier": whole years
    others = [
        pos
        for pos, _, base in _mentions(doc.text, s_start, s_end, fiscal)
        if not same.start() <= pos <= same.end() + 24
    ]
    if others or _whole_years_before(doc, claim, same):
        return None
    return same


_TIME_WORDS = re.compile(rf"\b(?:period|months?|weeks?|quarters?|half|{MONTH})\b", re.I)
_YEAR_WORDS = re.compile(r"\b(?:fiscal\s+years?|FY\s?'?\d\d)", re.I)


def _whole_years_before(doc: Document, claim: Claim, same: re.Match[str]) -> bool:
    """Whether a bare "during the same period", ending its sentence, means the time of the
    values before: the two sentences before it name fiscal years and no part of one ("Sales
    rose last fiscal year. The 5% increase here matches the 4% jump nationwide during the same
    time frame.")."""
    if not re.match(r"\s*(?:[.;!?]|$)", doc.text[same.end() : same.end() + 3]):
        return False  # "the same period a year earlier", "the same period of 2017"
    if claim.sentence == 0:
        return False
    _, p_start, _ = doc.sentences[max(0, claim.sentence - 2)]
    words = doc.text[p_start : same.start()]
    return _YEAR_WORDS.search(words) is not None and _TIME_WORDS.search(words) is None


def _part_words(doc: Document, claim: Claim, part: re.Match[str]) -> str:
    """The words that name a part of a year: its phrase; for "the same period", the two
    sentences before too, which name that period ("From February to September 2021, ...")."""
    if not _SAME_PERIOD.fullmatch(part.group().strip()) or claim.sentence == 0:
        return part.group()
    _, p_start, _ = doc.sentences[max(0, claim.sentence - 2)]
    _, _, p_end = doc.sentences[claim.sentence - 1]
    return f"{part.group()} ({doc.text[p_start:p_end].strip()})"


_INTO = re.compile(
    r"\b(?=[\definost])(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?:years?|months?)\s+into\s+(?:[\w'\u2019-]+\s+){0,5}?[\w'\u2019-]+"
    r"(?=[,;]|\s+(?:had|has|have|was|were|is|are))",
    re.I,
)
"""A time counted from an event ("Two years into the new administration, ..."): no fiscal
year of its own."""


_AVERAGE_BEFORE = re.compile(
    r"\b(?:average|mean)\b(?:\s+(?:annual|yearly))?(?:\s+(?:of|for)\b[^.;:,]{0,50})?\s*$"
    r"|\bwhat\s+(?:they|it)\s+(?:were|was|had\s+been)\s*$"
    r"|\bof\s+the\s+(?:annual|yearly)\s+[^.;:,]{0,50}?\b(?:in|during|over)\s+(?:the\s+)?$",
    re.I,
)
"""Before a span a change is measured against the mean of ("below the three-year average of
sales between 2018 and 2020", "above the average for FY 2017-2019", "half what they were
from 2017 to 2019", "a fifth of the annual sales made in FY 2017-2019")."""
_PARTS_JOINED = re.compile(r"\s*(?:,|/|&|and|,\s*and)\s*", re.I)
"""Between two parts of a year listed together ("Q2, Q3", "the first and second half")."""
_WHOLE_OF = re.compile(
    r"\d(?:\s*%|\s+percent)?\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?$", re.I
)
"""Before the whole a part is taken of ("28,677 of the 59,011 sales")."""
_BOUND_MONTH = re.compile(
    r"\b(?:end|ends|ended|ending|close|closes|closed|closing|concluded|began|begins|begun|"
    r"beginning|start|starts|started|starting|runs|ran|running|through|until|to)\s+(?:in\s+)?$",
    re.I,
)
"""Before a month that bounds a fiscal year ("ended in September"), not a part of it."""
_RANGE_TO = re.compile(r"\s*(?:[-\u2013\u2014]|to)\s*\$?", re.I)
_RANGE_AND = re.compile(r"\s*and\s*\$?", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:about\s+|roughly\s+|some\s+)?\$?$", re.I)
"""Between the two numbers of a range ("226,000-410,000", "between 1.5 and 2 million")."""


def _span_or_calendar(doc: Document, claim: Claim, fiscal: bool) -> None:
    """No fiscal year for a claim about a span of years, or about a calendar year, or about
    a time its sentence counts from an event."""
    start, end = doc.stretch(claim)
    _, s_start, s_end = doc.sentences[claim.sentence]
    later = [c for c in doc.in_sentence(claim.sentence) if c.start >= claim.end]
    own_end = claim.end
    if later and (
        _RANGE_TO.fullmatch(doc.text, claim.end, later[0].start)
        or (
            _BETWEEN.search(doc.text, max(s_start, claim.start - 12), claim.start)
            and _RANGE_AND.fullmatch(doc.text, claim.end, later[0].start)
        )
    ):  # "between 226,000-410,000 permits every fiscal year going back to 2008": the range's
        end = doc.stretch(later[0])[1]  # first number is of the period its second one is
        own_end = later[0].end
    into = doc.first(_INTO, s_start, claim.start)
    if into and not _FY.search(doc.text, s_start, s_end):
        claim.fiscal_year, claim.base_year = None, None
        claim.year_note = (
            f"it is about a time counted from an event ({into.group()!r}), not a fiscal year"
        )
        return
    stop = min(s_end, end + 24)
    comma = _CLAUSE_END.search(doc.text, own_end, stop)
    after_comma = doc.text[comma.end() : stop].lstrip() if comma else ""
    if (
        comma
        and not _PART_OF_YEAR.match(doc.text, stop - len(after_comma), stop)
        and not any(
            m.start() < comma.start() < m.end() for m in doc.found(_PART_OF_YEAR, own_end, stop)
        )
    ):
        stop = comma.start()  # "5,900 permits, the fewest in six years"; but "48,006 in FY
        # 2019, through June 22", "46% of sales from May - June": the part of the year it is
    part = _outside_asides(doc, _PART_OF_YEAR, start, stop, claim.start)
    while part is not None and (
        (
            part.end() <= claim.start
            and _REPORTED.search(doc.text, max(0, part.start() - 40), part.start())
        )  # "its report released last week noted that sales were double": when it was said
        or _BOUND_MONTH.search(doc.text, max(0, part.start() - 24), part.start())
    ):  # "the fiscal year that ended in September": its last month, not a part of it
        part = _outside_asides(doc, _PART_OF_YEAR, part.end(), stop, claim.start)
    while part is not None and part.end() <= claim.start:  # "in Q2, Q3 of FY 2024": the last
        listed = _outside_asides(doc, _PART_OF_YEAR, part.end(), stop, claim.start)
        if listed is None or not _PARTS_JOINED.fullmatch(doc.text, part.end(), listed.start()):
            break
        part = listed
    if part is None:  # "120,000 ..., compared with 102,500 during the same period in 2017"
        part = _same_period(doc, claim, fiscal)
    if part and any(
        m.start() <= part.start() < m.end() for m in _WHOLE_YEAR.finditer(doc.text, s_start, s_end)
    ):
        part = None  # "between October 1, 2019 and September 30, 2020" is a whole fiscal year
    span = _outside_asides(doc, _SPAN, start, stop, claim.start)
    named_by_both = _FY.match(doc.text, span.start()) if span else None
    if span and named_by_both and named_by_both.end() >= span.end():
        span = None  # "in the 2019-2020 fiscal year": one fiscal year, named by both its years
    elif span and _one_fiscal_year(doc.text, span):
        span = None  # "in fiscal year 2018-2019": one fiscal year, FY 2019
    elif span and span.end() <= claim.start and _FY.search(doc.text, span.end(), claim.start):
        span = None  # "the 148,000 of FY 2017-2019 and FY 2020, which saw about 104,000"
    _, s_start, _ = doc.sentences[claim.sentence]
    yearly = claim.kind in ("count", "average") and _A_YEAR.match(doc.text, claim.end)
    summed = claim.kind == "count" and _ADDS_UP.search(doc.text, s_start, claim.start)
    if span is not None and yearly and claim.kind == "count":
        claim.kind = "average"  # "148,000 people annually from 2017 through 2019"
    if span is None and (yearly or summed):
        # "(FY21-FY23) add up to 273,768, or roughly 91,000 a year": the span's total and
        # yearly average
        span = _outside_asides(doc, _SPAN, s_start, claim.start)  # "(FY21-FY23)" too
        if span is not None and yearly:
            claim.kind = "average"
        elif yearly and _SUMMED_BEFORE.search(doc.text, s_start, claim.start):
            # "Add the four later years together and you get more than 935,000 sales, or
            # roughly 234,000 a year": an average over years it does not name
            claim.no_contradiction = claim.no_contradiction or (
                "it is a yearly average over years its sentence does not name"
            )
    named_after = _FY.search(doc.text, claim.end, end)
    if named_after is None:  # "..., including 41,000 pounds in 2023 alone"
        bare = [p for p, _, base in _mentions(doc.text, claim.end, end, True) if not base]
        named_after = _CALENDAR.match(doc.text, bare[0]) if bare else None
    if span and named_after and span.start() <= named_after.start() < span.end():
        # "between FY 2017 and FY 2020" names the span's own years; a year after the span's
        # aside is the claim's ("185,884 (fewer than in FY 2017-2019) in FY 2020")
        after = _FY.search(doc.text, span.end(), end)
        named_after = after if after and _closed_aside(doc.text, span, after.start()) else None
    elif span and named_after and _SPAN.match(doc.text, named_after.start()):
        named_after = None  # "FY18-FY20: 709,227 FY21-FY23: 273,768": the next one's span
    if span is not None and part is None and claim.kind == "change":
        ends = _span_of(span.group())
        if (
            ends is not None
            and ends[1] is not None
            and _AVERAGE_BEFORE.search(doc.text, max(claim.end, span.start() - 80), span.start())
        ):  # "nearly 70 percent below the three-year average of sales between 2018 and 2020"
            claim.base_span, claim.base_year = (ends[0], ends[1]), None
            span = None
            named_after = None
            own = [
                y for _, y, base in _mentions(doc.text, s_start, claim.start, fiscal) if not base
            ]
            if own:  # "Sales in FY 2022 were 70 percent below the average of ...": of FY 2022
                claim.fiscal_year = own[-1]
            elif claim.fiscal_year is not None and ends[0] <= claim.fiscal_year <= ends[1]:
                # "Just 55,590 were sold in FY 2021. These numbers are roughly a fifth of the
                # annual sales in FY 2017-2019": of the year of the value before it, not the
                # span's
                values = [
                    c.fiscal_year
                    for c in doc.claims
                    if c.index < claim.index
                    and c.sentence >= claim.sentence - 1
                    and c.kind in ("count", "money", "weight", "average")
                    and c.fiscal_year is not None
                    and not ends[0] <= c.fiscal_year <= ends[1]
                ]
                claim.fiscal_year = values[-1] if values else None
    if (
        part is not None
        and named_after is not None
        and part.end() <= claim.start
        and (
            _CLAUSE_END.search(doc.text, part.end(), claim.start)
            or _REPORTED.search(doc.text, max(0, part.start() - 40), part.start())
        )
        and not _SAME_PERIOD.search(doc.text, claim.end, named_after.start())
    ):
        part = None  # "a report released last week, just 59,000 were sold in FY 2021"
    if (
        part is not None
        and part.start() >= claim.end
        and _WHOLE_OF.search(doc.text, max(s_start, claim.start - 30), claim.start)
    ):
        part = None  # "28,677 of the 59,011 sales took place after Feb. 18": the part's time
    if span and not part and not named_after:
        ends = _span_of(span.group())
        pair = [  # not "..., while book-ins increased from 307,482 to 510,854": another clause's
            c
            for c in doc.in_sentence(claim.sentence)
            if c.kind == claim.kind
            and not OTHER_CLAUSE.search(doc.text, min(c.end, claim.end), max(c.start, claim.start))
        ]
        if (
            ends
            and ends[1] is not None
            and any(
                c.role == "prior" and _FROM.search(doc.text, max(0, c.start - 40), c.start)
                for c in pair
            )
        ):
            # "From FY 2019 to FY 2021, permits fell from 2,672 to 590": two values
            claim.fiscal_year = ends[0] if claim.role == "prior" else ends[1]
            claim.year_given, claim.year_source = True, "sentence"
            return
        fiscal_span = fiscal or _FY.search(span.group()) is not None
        if ends and ends[1] is not None and claim.kind == "change" and fiscal_span:
            # "sales rose 18% between FY 2017 and FY 2019": a change over the span
            claim.base_year, claim.fiscal_year = ends
            claim.year_given, claim.year_source = True, "sentence"
            return
        if ends and ends[1] is not None and claim.kind == "change" and ends[0] < ends[1]:
            claim.calendar = (ends[1], ends[0])  # "up 30 percent from 2016 to 2017": tried so
    if part or (span and not named_after):
        span = part or span
        assert span is not None
        if part and claim.fiscal_year is not None:
            claim.part = (claim.fiscal_year, _part_words(doc, claim, part))
        claim.fiscal_year, claim.base_year = None, None
        claim.year_note = f"{SPAN_OF_TIME} ({span.group().strip()!r}), not one fiscal year"
        if not part:
            claim.span = _span_of(span.group())
            if _EACH.match(span.group()):
                claim.each = True
                claim.span = _each_span(doc, claim, span)
        return
    if fiscal:
        _said_calendar(doc, claim)
        return
    years = [
        (pos, y, base)
        for pos, y, base in _mentions(doc.text, s_start, end, calendar=True)
        if pos < claim.start or not _LABEL_OF_NEXT.match(doc.text, pos)  # "2018 = 256,085"
    ]
    year_before = claim.kind == "change" and _relative_base(doc, claim)
    if year_before:
        # "in 2018, the highest since 2014, an increase of 11% from the year before": its base
        # is the year before its own, not a year another phrase compares with
        years = [(pos, y, base) for pos, y, base in years if not base]
    if years:
        if claim.base_span is not None:  # its own year, and the span's last for a base
            claim.calendar = (years[-1][1], claim.base_span[1])
        elif year_before:
            claim.calendar = (years[-1][1], years[-1][1] - 1)
        elif claim.kind == "change":  # "In 2021, sales fell 68% below 2020 levels"
            claim.calendar = _change_calendar(years, claim.fiscal_year, claim.base_year)
        elif (
            claim.role != "prior"
            and (before := _calendar_before(doc, claim))
            and all(b for *_, b in years)
            and before > years[-1][1]
        ):  # "In 2019 it sold 267,000. Sales increased by more than 10,000 from 2018": the
            claim.calendar = (before, years[-1][1])  # year before it, on the base it names
        elif (own_year := _calendar_own(doc, claim, years)) is not None:
            claim.calendar = (own_year, None)
        else:
            claim.calendar = (years[-1][1], None)
        claim.fiscal_year, claim.base_year = None, None
        claim.year_note = (
            f"the text gives calendar year {claim.calendar[0]}, and never speaks of fiscal years"
        )


def _calendar_own(doc: Document, claim: Claim, years: list[tuple[int, int, bool]]) -> int | None:
    """The calendar year named before a value whose sentence goes on to another value in a
    clause of its own year ("In 2018, there were 256,058, and in 2019, there were 267,258"),
    or None."""
    before = [y for pos, y, base in years if pos < claim.start and not base]
    after = [pos for pos, _, base in years if pos > claim.start and not base]
    following = any(c.start > claim.end for c in doc.in_sentence(claim.sentence))
    if before and after and following and _OPENS_CLAUSE.search(doc.text, claim.end, after[0]):
        return before[-1]
    return None


def _calendar_before(doc: Document, claim: Claim) -> int | None:
    """The last calendar year the two sentences before a claim's name, not as a base."""
    if claim.sentence == 0:
        return None
    _, start, _ = doc.sentences[max(0, claim.sentence - 2)]
    _, s_start, _ = doc.sentences[claim.sentence]
    named = [y for _, y, base in _mentions(doc.text, start, s_start, calendar=True) if not base]
    return named[-1] if named else None


def _said_calendar(doc: Document, claim: Claim) -> None:
    """In a text of fiscal years, a claim whose year its sentence calls a calendar year
    ("Calendar 2020 sales were ... around 164,000") has no fiscal year."""
    if claim.fiscal_year is None:
        return
    _, s_start, s_end = doc.sentences[claim.sentence]
    if not doc.first(_CALENDAR_NAMED, s_start, s_end):
        return  # the common case, at no cost of reading the sentence's years
    said = _mentions(doc.text, s_start, s_end, True)
    calendar = [
        y
        for pos, y, _ in said
        if y == claim.fiscal_year and _CALENDAR_WORD.search(doc.text, max(0, pos - 16), pos)
    ]
    if not calendar:
        return
    named_fiscal = [p for p, y, _ in _mentions(doc.text, s_start, s_end) if y == claim.fiscal_year]
    if not named_fiscal:
        claim.calendar = (claim.fiscal_year, None)
        claim.fiscal_year, claim.base_year = None, None
        claim.year_note = f"the text gives calendar year {calendar[0]}, not a fiscal year"


def _relative_base(doc: Document, claim: Claim) -> bool:
    """Whether a change's own words right after it measure it against the year before ("an
    increase of 11% from the year before", "up 4% over the previous year")."""
    _, _, s_end = doc.sentences[claim.sentence]
    following = [c.start for c in doc.in_sentence(claim.sentence) if c.start > claim.start]
    tail = doc.text[claim.end : min([*following, s_end, claim.end + 60])]
    relative = _YEAR_BEFORE.search(tail)
    return relative is not None and _relative_is_base(tail, relative)


def _relative_is_base(tail: str, relative: re.Match[str]) -> bool:
    """Whether a relative year in a claim's tail is its base ("than last year", "from the
    year before"), by the words right before it."""
    return bool(_BASE_BEFORE.search(tail[max(0, relative.start() - 60) : relative.start()]))


def _change_calendar(
    years: list[tuple[int, int, bool]], year: int | None, base: int | None
) -> tuple[int, int | None]:
    """The calendar years a change's sentence gives it: its own year (the last one not named
    as a base, else the year after its base) and its base."""
    if year and base:
        return year, base
    bases = [y for _, y, is_base in years if is_base]
    own = [y for _, y, is_base in years if not is_base]
    if bases:
        return (own[-1] if own else bases[-1] + 1), bases[-1]
    return own[-1], None


def _prior_year(doc: Document, claim: Claim, fiscal: bool) -> int | None:
    """The year a later value of the sentence is "up from" or "compared with", when named."""
    text = doc.text
    _, _, s_end = doc.sentences[claim.sentence]
    later = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.start > claim.end and c.role == "prior" and c.kind == claim.kind
    ]
    if not later:
        return None
    nxt = later[0]
    if not _FROM.search(text, max(0, nxt.start - 40), nxt.start):
        return None  # "72,177, ... well under half the 185,884 removed in FY 2020": any year's
    after = [c.start for c in doc.in_sentence(claim.sentence) if c.start > nxt.end]
    stop = min([*after, s_end])
    gap = text[nxt.end : stop]
    if _YEAR_BEFORE.match(text, nxt.end + len(gap) - len(gap.lstrip())):
        return None  # "up 25 percent from 114,434 a year earlier, ... for the 2017 fiscal year"
    years = _mentions(text, nxt.end, stop, fiscal)
    return years[0][1] if years else None


def _year_beyond(
    doc: Document, claim: Claim, tail_end: int, s_end: int, fiscal: bool
) -> int | None:
    """The one year its sentence names past the next value, with no break of clause between
    ("the sale of 271,484 permits in 192 towns in FY 2024": both of FY 2024), or None."""
    text = doc.text
    if tail_end >= s_end:
        return None
    named = _mentions(text, tail_end, s_end, fiscal)
    if not named or named[0][2] or len({y for _, y, _ in named}) != 1:
        return None
    pos = named[0][0]
    between = [c for c in doc.in_sentence(claim.sentence) if claim.end <= c.start < pos]
    if (
        _CLAUSE_END.search(text, claim.end, pos)
        or any(c.role == "prior" or c.kind != claim.kind for c in between)
        or _YEARS_OF.match(text, pos)
        or _LABEL_OF_NEXT.match(text, pos)
    ):
        return None
    return named[0][1]


def _sentence_span(doc: Document, change: Claim, start: int, end: int) -> tuple[int, int] | None:
    """The first and last year of a span a change's sentence names ("from FY 2019 to FY
    2021"), but not one after another change its clause does not join to it ("a 68% decrease
    from the goal of 91,500 for FY22 and a 76% decrease from the average of FY17-FY21": the
    second's; "sales fell 28% and refunds fell 30% between 2019 and 2020": both's)."""
    found = _SPAN.search(doc.text, start, end)
    if found and any(
        c.kind == "change"
        and change.end <= c.start < found.start()
        and not _JOINED_CHANGE.fullmatch(doc.text, change.end, c.start)
        for c in doc.in_sentence(change.sentence)
    ):
        return None
    ends = _span_of(found.group()) if found else None
    if ends is None or ends[1] is None:
        return None
    return ends[0], ends[1]


def _relative_before(doc: Document, claim: Claim, s_start: int) -> re.Match[str] | None:
    """A relative year before the first value of its sentence ("The office sold more permits
    the year before, at 240,255"), and not a base ("than the year before")."""
    found = [
        m
        for m in doc.found(_YEAR_BEFORE, s_start, claim.start)
        if not m.group().lower().startswith("last")
        and not _BASE_WORD.search(doc.text, max(s_start, m.start() - 14), m.start())
    ]
    if not found:
        return None
    earlier = [c for c in doc.in_sentence(claim.sentence) if c.start < claim.start]
    return None if earlier else found[-1]  # not another value's "..., a year earlier, ..."


_BASE_WORD = re.compile(r"\b(?:than|from|over|since|compared\s+(?:to|with)|on)\s+$", re.I)
"""Right before a relative year that is a base, not the year of the value after it."""


def _years_back(relative: re.Match[str] | None) -> int:
    """How many years back a relative phrase reaches: one, or the N of "N years earlier"."""
    n = relative.group("n") if relative else None
    if not n:
        return 1
    return int(n) if n.isdigit() else WORD_VALUES[n.lower()]


POINTS_BACK = re.compile(
    r"\s*(?:that|this|it)(?:['\u2019]s|\s+is|\s+was|\s+means|\s+marks|\s+marked"
    r"|\s+represents|\s+represented|\s+would\s+(?:be|mark|represent))\b"
    r"|\s*(?:even\s+|but\s+|and\s+|yet\s+)?(?:that|this)\s+(?:latest\s+|last\s+|new\s+)?"
    r"(?:figure|number|total|count|tally)\s+(?:is|was|means)\b",
    re.I,
)
"""A sentence that opens by pointing back to the value before it ("That is ...", "That's a
56% decline", "This would mark a level 25 percent higher", "Even that latest figure is only
half the 2019 peak")."""


def _against_mean(doc: Document, change: Claim) -> bool:
    """Whether a change is measured against the mean of a span named right after it ("a fifth
    of the annual sales in FY 2017-2019"): the span's years are not its own."""
    _, _, s_end = doc.sentences[change.sentence]
    span = doc.first(_SPAN, change.end, s_end)
    return (
        span is not None
        and not any(change.end <= c.start < span.start() for c in doc.in_sentence(change.sentence))
        and _AVERAGE_BEFORE.search(doc.text, max(change.end, span.start() - 80), span.start())
        is not None
    )


def _pointed_back(doc: Document, claim: Claim) -> int | None:
    """The year of the value a sentence points back to when it opens "That is" or "This
    was": the last value of the sentence before, if its year is given."""
    _, s_start, _ = doc.sentences[claim.sentence]
    if claim.sentence == 0 or not POINTS_BACK.match(doc.text, s_start):
        return None
    values = [
        c
        for c in doc.in_sentence(claim.sentence - 1)
        if c.kind in ("count", "money", "weight", "average") and c.role != "prior"
    ]
    last = values[-1] if values else None
    if last is None or not (last.year_given or last.year_source in ("document", "heading")):
        return None  # "ICE published its FY2021 numbers. ... 74,082. That's down 48% from ..."
    return last.fiscal_year


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)")
"""Between two values of a run listed one after another ("226,119, 256,085, 267,258 and ...")."""


def _listed_years(doc: Document) -> None:
    """A run of as many like values as the years of a span its sentence names before a colon
    ("In the four fiscal years from 2017 through 2020, it removed 935,346 people: 226,119,
    256,085, 267,258 and 185,884"): one value a year, in order."""
    spans = _scan(doc.text)[2]  # the text's spans, found once
    for number, (_, s_start, s_end) in enumerate(doc.sentences):
        claims = doc.in_sentence(number)
        _then_years(doc, claims)
        if len(claims) < 3 or doc.text.find(":", s_start, s_end) < 0:
            continue
        here = spans[bisect_left(spans, (s_start, -1)) : bisect_left(spans, (s_end, -1))]
        named = [
            (end, ends)
            for start, end in here
            if end <= s_end
            and (ends := _span_of(doc.text[start:end])) is not None
            and ends[1] is not None
        ]
        colon = doc.text.find(":", named[0][0], s_end) if named else -1
        if not named or colon < 0:
            continue
        first, last = named[0][1]
        assert last is not None
        listed = [c for c in claims if c.start > colon and c.kind in ("count", "money", "weight")]
        run = listed[: last - first + 1]
        joined = all(
            a.kind == b.kind and _LIST_JOIN.fullmatch(doc.text, a.end, b.start)
            for a, b in pairwise(run)
        )
        if len(run) != last - first + 1 or len(run) < 2 or not joined:
            continue
        for year, value in zip(range(first, last + 1), run, strict=True):
            value.fiscal_year, value.base_year, value.span, value.part = year, None, None, None
            value.year_given, value.year_source, value.year_note = True, "sentence", ""
            value.calendar = None


_THEN = re.compile(rf"[^.;:]{{0,30}}?,?\s+then\s+{_HEDGE}\$?", re.I)
"""Between a value of a year and the next year's in a run ("158.6k in FY18, then 143k")."""


def _then_years(doc: Document, claims: list[Claim]) -> None:
    """Values listed after "then" that name no year of their own follow the year of the value
    before them, a year each ("peaking at 158.6k in FY18, then 143k, 103.6k, 74k")."""
    for at, claim in enumerate(claims):
        if not claim.year_given or claim.fiscal_year is None or claim.kind == "change":
            continue
        run = claims[at + 1 :]
        if not run or not _THEN.fullmatch(doc.text, claim.end, run[0].start):
            continue
        year = claim.fiscal_year
        previous = run[0]
        for step, value in enumerate(run, start=1):
            joined = value is run[0] or _LIST_JOIN.fullmatch(doc.text, previous.end, value.start)
            if not joined or value.kind != claim.kind or _FY.match(doc.text, value.end):
                break
            if _mentions(doc.text, value.end, value.end + 12):
                break  # "then 143k in FY19": its own year
            value.fiscal_year, value.year_given, value.year_source = year + step, True, "relative"
            previous = value
        return


def _opening_shift(doc: Document, claim: Claim, fiscal: bool) -> tuple[int, int] | None:
    """(the year, the year it is counted from) of a sentence that opens with a year counted from
    the last one its sentence before names ("Three years later ..."), or None."""
    _, s_start, _ = doc.sentences[claim.sentence]
    opening = _OPENING_SHIFT.match(doc.text, s_start, claim.start)
    if opening is None or claim.sentence == 0:
        return None
    _, p_start, p_end = doc.sentences[claim.sentence - 1]
    said = [y for _, y, _ in _mentions(doc.text, p_start, p_end, fiscal)]
    if not said:
        return None
    n = opening.group("n")
    step = (int(n) if n.isdigit() else WORD_VALUES[n.lower()]) if n else 1
    back = opening.group("back") is not None
    return said[-1] + (-step if back else step), said[-1]


def _pointed_pair(doc: Document, claim: Claim) -> tuple[int, int] | None:
    """(later year, earlier year) of the last two values of different given years in the two
    sentences before one that opens "That is", of its paragraph; None if there are none."""
    _, s_start, _ = doc.sentences[claim.sentence]
    if claim.sentence == 0 or not POINTS_BACK.match(doc.text, s_start):
        return None
    values = [
        c
        for s in range(max(0, claim.sentence - 2), claim.sentence)
        for c in doc.in_sentence(s)
        if c.kind in ("count", "money", "weight")
        and c.block == claim.block
        and c.year_given
        and c.fiscal_year is not None
    ]
    years = list(dict.fromkeys(c.fiscal_year for c in reversed(values) if c.fiscal_year))[:2]
    return (max(years), min(years)) if len(years) == 2 else None


_JOINED_CHANGE = re.compile(r"\s+and\s+(?:[\w'-]+\s+){0,4}")
"""Between two changes joined by "and" with no break of clause ("sales dropping 50 percent and
refunds getting slashed by 78 percent since FY 2019")."""


def _shared_base(doc: Document, claim: Claim, fiscal: bool) -> list[tuple[int, int, bool]]:
    """The base year named after the next change of the sentence, when "and" alone joins
    the two: "sales dropping 50 percent and refunds slashed by 78 percent since FY 2019"
    both count from FY 2019."""
    later = [c for c in doc.in_sentence(claim.sentence) if c.start >= claim.end]
    if not later or later[0].kind != "change":
        return []
    joined = later[0]
    if not _JOINED_CHANGE.fullmatch(doc.text, claim.end, joined.start):
        return []
    _, _, s_end = doc.sentences[claim.sentence]
    end = later[1].start if len(later) > 1 else s_end
    return [m for m in _mentions(doc.text, joined.end, end, fiscal, joined.start) if m[2]][:1]


def _claim_year(doc: Document, claim: Claim, carried: tuple[int | None, str], fiscal: bool) -> None:
    text = doc.text
    context, source = carried
    _, s_start, s_end = doc.sentences[claim.sentence]
    following = [c.start for c in doc.in_sentence(claim.sentence) if c.start > claim.start]
    tail_end = min([*following, s_end])
    tail = text[claim.end : tail_end]
    named = _mentions(text, s_start, claim.start, fiscal)  # bases too
    before = [(pos, y) for pos, y, base in named if not base]
    pick = 0 if claim.kind == "change" else -1
    sentence_year = before[pick][1] if before else context
    tail_mentions = _mentions(text, claim.end, tail_end, fiscal, claim.start)  # "7.6% above"
    relative = _YEAR_BEFORE.search(tail)
    if relative is None and not before and claim.kind != "change":
        relative = _relative_before(doc, claim, s_start)  # "... the year before, at 240,255"
    relative_base = None
    if relative and _relative_is_base(tail, relative):
        relative, relative_base = None, relative  # "13,000 fewer than last year": the base
    if relative and following and _NEXT_CLAUSE.search(tail, 0, relative.start()):
        relative = None  # "... was 56, and the number the year prior was 34": the next one's
    back = _years_back(relative)
    first_base = min([pos for pos, _, base in tail_mentions if base], default=len(text))
    if claim.kind == "change":
        shared = [] if any(base for *_, base in tail_mentions) else _shared_base(doc, claim, fiscal)
        bases = [y for _, y, base in [*tail_mentions, *shared] if base]
        own = [  # not "..., a rise of about 30 percent, and in FY18 it climbed again"
            y
            for pos, y, base in tail_mentions
            if not base and pos < first_base and not OTHER_CLAUSE.search(text, claim.end, pos)
        ]
        if bases and not own:  # "..., and a 97% increase from FY 2022 to FY 2023": its own
            own = [
                y
                for pos, y, base in tail_mentions
                if not base
                and pos > first_base
                and _TO_YEAR.search(text, max(first_base, pos - 24), pos)
                and not OTHER_CLAUSE.search(text, claim.end, pos)
            ][:1]
        named_from = [
            (p, y) for p, y, base in tail_mentions if base and _FROM.search(text, max(0, p - 30), p)
        ]
        if not own and len(bases) > 1 and named_from:
            # "double the number of sales in 2022 from 2021": "from" names the base; the
            # later year the multiple seemed to compare with is its own
            own = [y for p, y, base in tail_mentions if base and p < named_from[0][0]][:1]
            own = [y for y in own if y > named_from[0][1]]
            bases = [named_from[0][1]] if own else bases
        ends = _sentence_span(doc, claim, s_start, s_end)
        if not bases and not own and ends is not None:  # "From FY 2019 to FY 2021, ... 78%"
            claim.base_year, claim.fiscal_year = ends
            claim.year_given, claim.year_source = True, "sentence"
            return
        claim.base_year = bases[0] if bases else None
        unlike = [y for _, y in before if y != claim.base_year]
        if bases and unlike:  # "from FY 2016 through FY 2018, ... 44% higher than in FY 2016"
            sentence_year = unlike[0]
        own_base = [c for c in doc.in_sentence(claim.sentence) if c.start >= claim.end][:1]
        earlier = [  # "a 50% decrease ... from 20,000 in FY2019 to 9,700 in FY2023"
            c.fiscal_year
            for c in doc.in_sentence(claim.sentence)
            if c.role == "prior"
            and c.year_given
            and c.fiscal_year is not None
            and (_FROM.search(text, max(0, c.start - 40), c.start) or c in own_base)
        ]  # not "far below the 267,258 of fiscal 2019": no base, a value set beside; but
        # "more than double the 59,011 sold in FY 2021" is its own base
        if claim.base_year is None and earlier and relative_base is None:
            claim.base_year = earlier[0]  # not past "over the previous year": that is its base
        undated = [
            c
            for c in doc.in_sentence(claim.sentence)
            if c.role == "prior" and not c.year_given and c.end <= claim.start
        ]
        if claim.base_year is None and undated and not bases:
            # "rose from 110,104 in the last Obama year to 158,581 in 2018, a 44 percent
            # increase": its base is that value's year, which the text does not give
            claim.no_contradiction = (
                f"its base is {undated[-1].text}, whose year the text does not give"
            )
        compared = {y for _, y, base in _mentions(text, s_start, s_end, fiscal) if base}
        values = [
            c
            for c in doc.in_sentence(claim.sentence)
            if c.kind != "change"
            and (c.end <= claim.start or not OTHER_CLAUSE.search(text, claim.end, c.start))
        ]  # "..., and only half of ... in FY 2019": another clause's value
        valued = [
            c.fiscal_year
            for c in values
            if c.fiscal_year is not None
            and (c.year_given or c.year_source == "this year")
            and c.role != "prior"
            and c.fiscal_year != claim.base_year  # "lower than FY 2020, when 185,884 ..."
            and c.fiscal_year not in compared  # "from FY2019 (143,099) and ... the FY2018 high"
        ]
        clause_start = max(
            [m.end() for m in OTHER_CLAUSE.finditer(text, s_start, claim.start)], default=s_start
        )
        in_clause = [y for pos, y in before if pos >= clause_start > s_start]
        if in_clause and not own:  # "...; in FY 2023 it made about 19% more sales"
            valued = [in_clause[-1]]
        ahead = [c for c in values if c.end <= claim.start]
        if (
            ahead
            and ahead[-1].year_given
            and ahead[-1].role != "prior"
            and ahead[-1].fiscal_year is not None
            and _APPOSED.fullmatch(text, ahead[-1].end, claim.start)
        ):  # "to 158,581 in 2018, a 44 percent increase, before sliding to 103,603 in 2020"
            valued = [ahead[-1].fiscal_year]
        elif (
            ahead
            and not bases
            and ahead[-1].role == "prior"
            and ahead[-1].fiscal_year is not None
            and _APPOSED.fullmatch(text, ahead[-1].end, claim.start)
        ):  # "72,177, still far below the 267,258 of fiscal 2019, a drop of 73%": from it
            later = [
                c.fiscal_year
                for c in values
                if c.role != "prior"
                and c.fiscal_year is not None
                and c.fiscal_year > ahead[-1].fiscal_year
            ]
            if later:
                claim.base_year, valued = ahead[-1].fiscal_year, [max(later)]
        year = own[0] if own else max(valued) if valued else (sentence_year if before else None)
        earlier = [
            c.fiscal_year
            for c in doc.in_sentence(claim.sentence)
            if c.kind == "change"
            and c.start < claim.start
            and c.fiscal_year is not None
            and not _against_mean(doc, c)
        ]
        if year is None and earlier:  # "up 4% on 2018 and 20% on 2017": one year, two bases
            year = earlier[0]
        if year is None and claim.base_year is None:  # the change of a value before it
            valued = [
                c.fiscal_year for c in values if c.fiscal_year is not None and c.end <= claim.start
            ]
            year = max(valued) if valued else None
        if year is None and claim.base_year is not None:
            year = _pointed_back(doc, claim)  # "That is a fifth the number in FY 2019"
        dated_after = [
            c
            for c in doc.in_sentence(claim.sentence)
            if c.start >= claim.end and c.year_given and c.role != "prior"
        ]  # "The following year saw 967, but doubled to 1,877 in FY 2013": of FY 2013
        shifted = _opening_shift(doc, claim, fiscal) if not (own or bases or dated_after) else None
        if shifted is not None and claim.base_year is None and shifted[0] > shifted[1]:
            # "Three years later the agency removed 72,177, a drop of roughly 73 percent"
            year, claim.base_year = shifted
            claim.year_given = True
        if year is None and claim.base_year is None and (pair := _pointed_pair(doc, claim)):
            # "In fiscal 2018 ... 158,581. Two years earlier it was 110,000. That's an
            # increase of more than 44 percent": from the one to the other
            year, claim.base_year = pair
            claim.year_given = True
        if (
            year is None
            and claim.base_year
            and context
            and context > claim.base_year
            and any(  # "Removals fell by nearly 80 percent since FY 2019": up to now
                base and _SINCE.search(text, max(0, pos - 12), pos)
                for pos, _, base in [*tail_mentions, *shared]
            )
        ):
            year = context  # the year the paragraph or text is about, not the one after
        if (
            year is None
            and claim.base_year
            and context
            and context > claim.base_year + 1
            and any(
                c.fiscal_year == context and c.role != "prior"
                for c in doc.in_sentence(claim.sentence)
                if c.kind in ("count", "money", "weight", "average")
            )
        ):  # "In FY 2018 it removed 256,085, an increase of 6.5% on 2016": FY 2018 on FY 2016
            year = context
        if year is None:
            year = claim.base_year + 1 if claim.base_year else context
        claim.year_given = bool(own or valued or before or bases)
        claim.year_source = "sentence" if claim.year_given else source if year else ""
        claim.fiscal_year = year
        stated = [
            c
            for c in values
            if c.end <= clause_start
            and c.year_given
            and c.role != "prior"
            and c.fiscal_year is not None
            and year is not None
            and c.fiscal_year < year - 1
        ]
        own_clause = [c for c in values if clause_start <= c.start < claim.start]
        if claim.base_year is None and stated and not own_clause and relative_base is None:
            # "In FY 2019 it made 143,099 sales ...; in FY 2023 it made about 19% more sales":
            # measured against the year its sentence named first, or the year before
            claim.base_year = stated[-1].fiscal_year
            claim.no_contradiction = claim.no_contradiction or (
                f"it may be measured against FY {stated[-1].fiscal_year} or the year before"
            )
        if claim.base_year is None and year is not None:
            claim.base_year = year - 1
            named_bases = [y for _, y, base in named if base]
            if (
                relative_base is not None
                and named_bases
                and named_bases[-1] - 1 != claim.base_year
                and not claim.no_contradiction
            ):
                # "an 11 percent increase from FY2017, and a 30 percent increase from the year
                # before": the year before FY 2017, maybe, not the one before its own
                claim.no_contradiction = (
                    f"{relative_base.group()!r} may be the year before FY {named_bases[-1]}"
                )
        if bases and not earlier:  # "1,706 permits, 19.5% more than FY 2022": of FY 2023
            for value in values:
                if not value.year_given and value.start < claim.start:
                    value.fiscal_year = year
        return
    that_year = _THAT_YEAR.match(text, claim.end, tail_end)
    if that_year and not tail_mentions:
        # "Measured against fiscal 2019, ...: ICE reported 143,099 that year": the year named
        # last before it, in its sentence or the one before
        _, p_start, _ = doc.sentences[max(0, claim.sentence - 1)]
        named_before = _mentions(text, p_start, claim.start, fiscal)
        if named_before:
            claim.fiscal_year, claim.year_source = named_before[-1][1], "relative"
            claim.year_given = named_before[-1][0] >= s_start
            return
    when = [
        y
        for pos, y, base in _mentions(text, s_start, claim.start, fiscal)
        if base and _WHEN.match(text[pos : claim.start])
    ]
    if when:  # "up from 2018, when more than 256,000 were removed": of that year
        claim.fiscal_year, claim.year_source, claim.year_given = when[-1], "sentence", True
        return
    head = text[s_start : claim.start]
    owner = _YEARS_OF.match(text, named[-1][0]) if named else None
    owner = owner or (_YEAR_OF.match(text, named[-1][0]) if named else None)
    if owner and _OWNED.fullmatch(text, owner.end(), claim.start):
        # "nearly 10% fewer than FY18's 158,581": the year it is owned by, even after "than"
        claim.fiscal_year, claim.year_source, claim.year_given = named[-1][1], "sentence", True
        return
    than = THAN_OWNER.search(head)
    if than and not any(pos > s_start + than.start() for pos, _, _ in named):
        # "higher than the new director's first year total of 226,119": not its sentence's
        # year, which is the other value's; a guess the figures may settle
        claim.fiscal_year = before[-1][1] if before else context
        claim.year_source, claim.year_given = "relative", False
        return
    if named and _IN_PARENS.match(text, max(s_start, named[-1][0]), claim.start):
        # "between fiscal 2021 (59,011) and fiscal 2023": the year its parenthesis follows
        claim.fiscal_year, claim.year_source, claim.year_given = named[-1][1], "sentence", True
        return
    parenthesised = next(
        (m for m in _YEAR_BEFORE.finditer(head) if _OPEN_PARENS.fullmatch(head, m.end())), None
    )
    if parenthesised and (before or context):  # "90% more in 2024 than last year (142,580)"
        claim.fiscal_year = (before[-1][1] if before else context or 0) - _years_back(parenthesised)
        claim.year_source, claim.year_given = "relative", bool(before)
        return
    relative_when = [m for m in _YEAR_BEFORE.finditer(head) if _WHEN.match(head, m.end())]
    if relative_when and (before or context):  # "less than the year before, when ..."
        year = (before[-1][1] if before else context) or 0
        claim.fiscal_year = year - _years_back(relative_when[-1])
        claim.year_source, claim.year_given = "relative", bool(before)
        return
    if _YEARS_OWN.search(head) and (before or context):  # "... the previous year's 142,580"
        claim.fiscal_year = (before[-1][1] if before else context or 0) - 1
        claim.year_source, claim.year_given = "relative", bool(before)
        return
    # "In FY 2020, it removed 185,884, far above the FY 2021 number": a year before the value,
    # with no other value between, is its own over one past a comma after it
    opens = bool(before) and not any(
        before[-1][0] < c.start < claim.start for c in doc.in_sentence(claim.sentence)
    )
    clause = _NEXT_CLAUSE.split(head)[-1]
    opening = _YEAR_BEFORE.search(clause)
    if opening and before and not _mentions(text, claim.start - len(clause), claim.start, fiscal):
        # "In 2022 there were 56, and the number the year prior was 34": of 2021
        claim.fiscal_year = before[-1][1] - _years_back(opening)
        claim.year_source, claim.year_given = "relative", True
        return
    own = [
        y
        for pos, y, base in tail_mentions
        if not base
        and pos < first_base  # "..., up from fiscal 2021, when ... in 2003": the base's clause
        and not (following and _OPENS_CLAUSE.search(text, claim.end, pos))
        and not (opens and _CLAUSE_END.search(text, claim.end, pos))
        and not (following and _YEARS_OF.match(text, pos))  # "... below FY 2019's 267,258"
        and not (following and _LABEL_OF_NEXT.match(text, pos))  # "(FY 2019: 143,099)"
    ]
    if (
        own
        and before
        and following
        and len(tail.split()) <= _LABEL_WORDS
        and _LABELS.search(head)
        and _LABELS.search(tail)
    ):
        own = []  # "FY 2018 256,085 FY 2019 267,258": each year labels the value after it
    this_year = _THIS_YEAR.match(tail)
    if not own and not before and not relative and not this_year:
        prior = _prior_year(doc, claim, fiscal)
        if prior is not None:  # "72,000, up from 59,000 in FY 2021": of FY 2022
            claim.fiscal_year, claim.year_source, claim.year_given = prior + 1, "sentence", True
            return
    shift = _opening_shift(doc, claim, fiscal)
    if not own and not before and shift is not None:
        # "The year before that, 267,258 were removed", "Two years earlier it was 110,000":
        # counted from the last year said just before
        claim.fiscal_year, claim.year_source, claim.year_given = shift[0], "relative", True
        return
    if not own and not before and not relative and not this_year:
        beyond = _year_beyond(doc, claim, tail_end, s_end, fiscal)
        if beyond is not None:  # "the sale of 271,484 permits in 192 towns in FY 2024"
            claim.fiscal_year, claim.year_source, claim.year_given = beyond, "sentence", True
            return
    claim.year_given = bool(own or before)
    if not own and not before and this_year and doc.years_named:
        # "ICE arrested 158,851 people this year": the latest year the text names
        claim.fiscal_year, claim.year_source = max(doc.years_named), "this year"
        return
    if own and (not relative or tail.find(str(own[0])[-2:]) < relative.start()):
        claim.fiscal_year, claim.year_source = own[0], "sentence"
    elif before and this_year and not relative:
        # "250,000 in fiscal 2018, and 282,242 in this fiscal year": not the year named
        # before it, but one only the text's date tells
        claim.fiscal_year, claim.year_source, claim.year_given = None, "this year", False
    elif before and not relative and _YEAR_AFTER.match(tail):
        # "226,119 in FY 2017 and 256,085 the following year": of FY 2018
        claim.fiscal_year, claim.year_source = before[-1][1] + 1, "relative"
    elif sentence_year is not None and (relative or claim.role == "prior"):
        anchor = sentence_year
        if relative and named and (not before or named[-1][0] > before[-1][0]):
            # "59,011 compared with the 185,884 of FY 2020 and 267,258 of the previous year":
            # the year before the last one named, a base or not
            anchor = named[-1][1]
        if relative and relative.group().lower().endswith("ago") and before:
            # "down from 103,000 in FY20 and 143,000 two fiscal years ago": counted back from
            # the latest year its sentence speaks of, not the last one it named
            anchor = max(y for _, y in before)
        claim.fiscal_year, claim.year_source = anchor - back, "relative"
        report = next((pos for pos, y in before if y == anchor), None)
        if (
            relative is not None
            and _LAST_YEAR.fullmatch(relative.group())
            and report is not None
            and (
                _REPORT_AFTER.match(text, report)
                or _REPORT_BEFORE.search(text, max(0, report - 40), report)
            )
        ):
            # "the 2023 annual report ... deported more than 142,000 people last year": a
            # writer a year on may mean the report's own year
            claim.calendar = (anchor, anchor - 1) if claim.kind == "change" else (anchor, None)
            claim.dated = f"'last year' beside the {anchor} report may mean FY {anchor}"
            claim.no_contradiction = claim.no_contradiction or claim.dated
    else:
        claim.fiscal_year = sentence_year
        claim.year_source = "sentence" if before else source if sentence_year else ""


def _ended_year() -> re.Pattern[str]:
    """ "the fiscal year that ended Sept. 30", naming no year: the one its text's date ends."""
    month = month_name[(FIRST_MONTH - 2) % 12 + 1]
    return re.compile(
        rf"\b(?:fiscal\s+|budget\s+)?year\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+"
        rf"(?:on\s+|in\s+)?(?:{month}|{month[:3]}|{month[:4]})\b\.?"
        rf"(?!(?:\s+\d{{1,2}})?,?\s+(?:19|20)\d\d)",
        re.I,
    )


_ENDED_YEAR = _ended_year()


def year_by_date(text: str, published: dt.date) -> int | None:
    """The fiscal year a text names only as the one "that ended Sept. 30", by its date (the
    last one ended by it), or None when it names no year so."""
    return last_ended(published) if _ENDED_YEAR.search(text) else None


def last_ended(published: dt.date) -> int:
    """The last fiscal year that had ended by a date: its own on its last day, else the one
    before."""
    year = fiscal_year(published)
    return year if published == fiscal_year_bounds(year)[1] else year - 1


def date_readings(doc: Document, published: dt.date) -> None:
    """Claims the text dates by no year, read as of the last fiscal year ended by its date
    ("sales fell 10 percent in the year to September", "nearly doubled last year"): tried
    only where that year's figure bears them out, never contradicted (the writer may mean
    the year in progress, or a calendar year). A year the text gives, a span, a part of a
    year or a calendar year it names keep what the text says."""
    last = last_ended(published)
    why = (
        f"the text names no year for it; FY {last} is the last fiscal year ended by its date, "
        f"{published.isoformat()}"
    )
    for claim in doc.claims:
        if claim.year_source == "relative" and claim.fiscal_year not in (None, last):
            _, s_start, s_end = doc.sentences[claim.sentence]
            if _LAST_YEAR.search(doc.text, s_start, s_end):
                # "57% of those arrested last year", in a text of FY 2023 dated January 2024:
                # the year before its date, maybe, as much as the year before the text's year
                claim.calendar = (last, last - 1) if claim.kind == "change" else (last, None)
                claim.no_contradiction = claim.no_contradiction or (
                    f"'last year' may mean FY {last}, the last fiscal year ended by its date"
                )
            continue
        if (
            claim.fiscal_year is not None
            or claim.year_note
            or claim.span is not None
            or claim.part is not None
            or claim.calendar is not None
        ):
            continue
        _, s_start, s_end = doc.sentences[claim.sentence]
        if _LAST_FISCAL.search(doc.text, s_start, s_end):
            # "13,000 fewer were arrested last fiscal year": the fiscal year, in so many words
            claim.fiscal_year, claim.year_source = last, "date"
            claim.year_given = True
            if claim.kind == "change":
                claim.base_year = last - 1
            continue
        claim.calendar = (last, last - 1) if claim.kind == "change" else (last, None)
        claim.dated = why
