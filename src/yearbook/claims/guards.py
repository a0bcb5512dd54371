"""Guards of value-aware linking: what a claim's words say of the figures it may have.

A claim may count what no figure holds (another body's count, a country's part, a
projection or a goal, the people of a place), may be
supported but never contradicted (others than a figure, one region's part), may count those
*without* what a share counts, or name a narrower or a different count than a candidate.
`yearbook.claims.valuelink` applies them; each reads the metric index and the text only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from yearbook.claims.document import Claim, Document
from yearbook.claims.link import name_pattern
from yearbook.claims.linkscore import TOP, Context
from yearbook.claims.places import city_named, country_named
from yearbook.claims.reading import object_words, other_body
from yearbook.claims.relevance import MetricDoc, MetricIndex

__all__ = [
    "OTHER_BODY_COUNTS",
    "WHOLE",
    "caveat",
    "distinct_words",
    "joined_counts",
    "narrower",
    "negated",
    "negated_before",
    "of_the_whole",
    "offices_named",
    "others_pattern",
    "out_of_scope",
    "singled_out",
    "without_clashes",
]

_NEGATED = re.compile(
    r"\b(?:no|without|non|neither|never\s+had|(?:did|do|does)\s+not\s+have)[\s-]+"
    r"(?:any\s+)?(?:known\s+|prior\s+|previous\s+|a\s+)?(?P<w>[a-z]+)",
    re.I,
)
_OTHERS = re.compile(r"\s+(?:others?|additional|extra|further)\b", re.I)
"""After a number that counts others than a figure, or an increment: "300 others", "300
additional agents"."""
_SUCH = re.compile(r"\s+such\b", re.I)
"""After a number that counts what a sentence before it described: "94,751 such sales"."""
_PLACE_WORDS = r"region|area|district|county|metro\s+area|field\s+office|state|city"
"""Words for one of the places the whole the figures count is made of."""
_REGION = re.compile(
    r"\b(?:(?:in|of|from|across|for)\s+(?:the\s+)?(?:(?!(?:in|of|from|across|for)\s)[\w.'-]+\s+){1,4}?"
    r"|the\s+(?-i:(?:[A-Z][\w.'-]*\s+){1,3}))"
    rf"(?P<w>{_PLACE_WORDS})\b",
    re.I,
)
"""A place narrower than the whole the figures count: "arrested in the North Texas-Oklahoma
region", "The Lakeside area saw a 4 percent increase" (unless a metric's words name it)."""
_WHOLE_SAID = re.compile(
    r"\b(?:national(?:ly)?|nationwide|across\s+the\s+country|overall|in\s+all)\b", re.I
)
"""In a sentence after one about a place: it speaks of the whole again."""
_AMONG_PLACES = re.compile(
    rf"\b(?:in|of|among)\s+(?:the\s+)?(?:country|nation|any\s+(?:other\s+)?(?:{_PLACE_WORDS}|office))\b",
    re.I,
)
_SUPERLATIVE = re.compile(r"\b(?:\w{3,}est|most|least)\s+(?:[\w-]+\s+){0,3}?$", re.I)
"""A value ranked against places ("the steepest decline in the country", "the most of any
field office"): it is one place's, not the whole's."""


def _ranked_among_places(text: str, start: int, end: int) -> str:
    """The words that rank a sentence's value against places, or ""."""
    for found in _AMONG_PLACES.finditer(text, start, end):
        best = _SUPERLATIVE.search(text, max(start, found.start() - 60), found.start())
        if best:
            return text[best.start() : found.end()].strip()
    return ""


_PROJECTED_BEFORE = re.compile(
    r"\b(?:on\s+(?:track|pace|course)|at\s+(?:this|that|the\s+current)\s+(?:rate|pace))\s+"
    r"(?:(?:to|for)\s+)?(?:[\w'-]+\s+){0,3}?(?:(?:only|just|about|around|roughly|some|nearly|"
    r"almost|over|more\s+than)\s+)?$"
    r"|\b(?:projected|forecast|projection\s+of|expected\s+to\s+(?:reach|hit|top|exceed))\s+"
    r"(?:(?:to\s+(?:reach|hit|top|be)\s+)?(?:only|just|about|around|roughly|some|nearly|almost|"
    r"over|more\s+than)\s+)?$",
    re.I,
)
"""Right before a number that is a projection of a year, not its count: "on track for about
230,000 sales this year", "putting them on pace for around 59,000", "projected to reach"."""
_PROJECTED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:projected|forecast)\b", re.I)
"""After a number that is a projection: "with over 276,000 visits projected"."""
_AIMED_BEFORE = re.compile(
    r"\b(?:(?:aim|pledge|vow|promise|plan|want|seek|hope|intend)(?:s|e?d|ing)?|sought|vowing|"
    r"planning|planned)\s+to\s+(?:[^\W\d]+\s+){1,3}?"
    r"(?:(?:as\s+many\s+as|up\s+to|at\s+least|about|around|roughly|some|nearly|almost|over|"
    r"more\s+than)\s+)?$"
    r"|\b(?:goal|target|quota|pledge|promise)\s+(?:of|is|was|to\s+\w+)\s+(?:[^\W\d]+\s+)?$",
    re.I,
)
"""Right before a number that is a goal, not a count: "aiming to deport 1 million people a
year", "pledged to sell up to 400,000", "a target of 3,000 a day"."""
_SPARED_BEFORE = re.compile(
    r"\b(?:prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?|shield(?:s|ed|ing)?|spar(?:e|es|ed|ing))"
    r"\s+(?:(?:an\s+estimated|about|around|roughly|some|nearly|almost|over|more\s+than)\s+)?$",
    re.I,
)
"""Before a number of those kept from what a sentence speaks of: "preventing 640,000 students
from ...", "shielded some 700,000"."""
_SPARED_AFTER = re.compile(
    r"\s+(?:[\w'-]+\s+){0,3}?(?:from\s+facing|(?:who\s+(?:are|were|could\s+be|would\s+be|may\s+be|"
    r"might\s+be)\s+)?(?:at\s+risk\s+of|eligible\s+for|in\s+danger\s+of|vulnerable\s+to))\b",
    re.I,
)
"""After a number of those at risk of what a sentence speaks of, not those it befell: "640,000
students from facing ...", "700,000 people at risk of ..." (not "people facing fines", who
may be what a figure counts)."""
_POPULATION_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?equivalent\s+of|population\s+of)\s+(?:the\s+)?(?:entire\s+)?$", re.I
)
_POPULATION_AFTER = re.compile(
    r"\s+(?:people\s+(?:who\s+live|living)\s+in|residents|inhabitants)\b", re.I
)
"""A number compared with a place's people: "the equivalent of the 255,214 people who live in
Madison", "nearly all the 258,612 residents of Buffalo"."""
_BY_MEANS = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?P<how>via|aboard|by\s+way\s+of)\s+(?P<w>(?:[\w-]+\s*){1,3})",
    re.I,
)
"""After a number that counts one means' part: "72,962 sales via charter flights"."""
WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+|those\s+|its\s+|their\s+)*(?P<w>[^,;:.()]*)", re.I)


def out_of_scope(
    index: MetricIndex, others: re.Pattern[str] | None, doc: Document, claim: Claim, clause: str
) -> str | None:
    """Why the claim counts what no figure holds, or None: its clause makes another body its
    subject ("the state and the city together sold 337,287 ..."), or names a country the
    figures do not break down by ("sales to Guatemala totaled 34,700")."""
    body = other_body(doc, claim, others)
    if body is not None:
        return f"is about {body}{OTHER_BODY_COUNTS}"
    text = doc.text
    _, s_start, s_end = doc.sentences[claim.sentence]
    before = text[max(s_start, claim.start - 60) : claim.start]
    after = text[claim.end : min(s_end, claim.end + 40)]
    if _PROJECTED_BEFORE.search(before) or _PROJECTED_AFTER.match(after):
        return "is a projection, not a count"
    if _AIMED_BEFORE.search(before):
        return "is a goal, not a count"
    if _SPARED_BEFORE.search(before) or _SPARED_AFTER.match(after):
        return "counts those kept from or at risk of what it speaks of, not those it befell"
    people = _POPULATION_BEFORE.search(before)
    if people and set(index.words(before[: people.start()])) & index.metric_words:
        people = None  # "an average detainee population of 50,000": a figure's, not a place's
    living = _POPULATION_AFTER.match(after)
    if living and set(index.words(before)) & index.metric_words:
        living = None  # "it arrested 103,603 people living in the country illegally"
    if people or living:
        return "counts the people of a place"
    if _AMONG.search(before):  # "800 Jamaicans were among more than 240,000 buyers": the
        clause = clause[clause.find(claim.text) :]  # whole is not the part before it
    country = country_named(clause, index.vocabulary.home)
    if country is not None and not _breakdown_of(index, country):
        return f"counts the part of {country}, which the figures do not break down"
    city = city_named(clause, index.vocabulary.home)
    if (
        city is not None
        and not _breakdown_of(index, city)
        and not set(index.words(city)) & index.metric_words  # a figure of the city's own
    ):  # "sold 27,000 permits from Phoenix"
        return f"counts the part of {city}, which the figures do not break down"
    return None


_AMONG = re.compile(
    r"(?:\b(?:among|out\s+of)|\b(?:fraction|share|portion|part|percent)\s+of|%\s+of)\s+"
    r"(?:the\s+|all\s+)?$",
    re.I,
)
"""Right before a whole that a part said before it is taken of ("(800 visitors were) among
(240,000)", "(they were) a small fraction of the (59,011)")."""
OTHER_BODY_COUNTS = "'s counts, which the figures do not hold"
"""How `out_of_scope` ends the reason of a claim about another body's counts."""
_ADDED = re.compile(
    r"\b(?:together\s+with|combined\s+with|along\s+with|added\s+to|in\s+addition\s+to|"
    r"plus|in\s+all|in\s+total|all\s+told|altogether|combined\s+(?:total|figure|count)|"
    r"when\s+(?:[\w-]+\s+){1,4}(?:are|is|were|get)\s+(?:included|added|counted))\b",
    re.I,
)
"""In a count's clause: it may add the count named there to another ("1.5 million when broader
categories are included")."""
_ADDING = re.compile(r"\b(?:adding|add|added)\b[^.;:]{0,80}?\bto\b[^,;.]{0,80}$", re.I)
"""Before a count in its sentence: "Adding the 62,545 refunds to the sales gives ..."."""


def caveat(index: MetricIndex, doc: Document, claim: Claim, clause: str) -> str:
    """Why figures may support the claim but never contradict it ("" when nothing says so):
    it counts others than a figure ("with 300 others"), "such" ones as described before it,
    one region's part, those of one means ("via charter flights"), a part its sentence gives
    as a share of a whole ("accounting for 45% of"), a level reached at some point of the
    year ("at times"), or a sum of more than one count."""
    if _OTHERS.match(doc.text, claim.end):  # "with 300 others dispatched overseas"
        return "it counts others than a figure does"
    if _SUCH.match(doc.text, claim.end):  # "(it made 94,751 such sales in 2016.)"
        return "it counts 'such' ones as its text described before it"
    _, s_start, s_end = doc.sentences[claim.sentence]
    ranked = _ranked_among_places(doc.text, s_start, s_end)
    if ranked:  # "the 14 percent drop was the steepest in the country": one place's
        return f"it is one place's, ranked against others ({ranked!r})"
    region = _REGION.search(doc.text, s_start, claim.start) or _REGION.search(clause)
    if region and not _names_metric(index, region):
        return f"it counts the part of one {region.group('w').lower()}"
    if claim.sentence > 0 and not _WHOLE_SAID.search(doc.text, s_start, s_end):
        block, p_start, p_end = doc.sentences[claim.sentence - 1]
        region = _REGION.search(doc.text, p_start, p_end) if block == claim.block else None
        if region:
            # "... on the rise in the Lakeside area. The data shows a 32% increase"
            return f"it may count the part of the {region.group('w').lower()} before it"
    means = _BY_MEANS.match(doc.text, claim.end, min(s_end, claim.end + 60))
    if means:
        return f"it counts those {means.group('how').lower()} {means.group('w').strip()}"
    share = _A_SHARE_OF.match(doc.text, claim.end, s_end)
    whole = doc.text[share.end() : min(s_end, share.end() + 60)] if share else ""
    said = doc.text[s_start : share.start("verb")] if share else ""
    counted = set(index.words(said)) & index.metric_words
    if share and counted & set(index.words(" ".join(whole.split()[:5]))):
        # "110,000 sales, accounting for 45% of total sales": a part of them
        # (not "265,000 sold, representing 39% of the 680,000 visitors")
        return f"it is a part of a whole of its kind ({share.group().strip(' ,')!r})"
    country = _country_subject(index, doc.text[s_start : claim.start])
    if country:  # "The United States sold 454,001 permits": all its bodies' count
        return f"its subject is the whole country ({country!r}), not one body the figures count"
    peak = _AT_TIMES.search(doc.text, s_start, claim.start) or _AT_TIMES.search(clause)
    if peak:  # "At times, the population held exceeded 56,000": not the year's average
        return f"it is a level reached at some point in the year ({peak.group().strip()!r})"
    added = _ADDED.search(clause) or _ADDING.search(doc.text, s_start, claim.start)
    if added:  # "together with refunds that makes 205,125": a sum of more than one count
        return f"it may add more than one count ({added.group().strip()!r})"
    return ""


_A_SHARE_OF = re.compile(
    r"[^.;:\d]{0,40}?\b(?P<verb>accounting\s+for|representing|making\s+up|comprising|or)\s+"
    r"(?:(?:about|nearly|roughly|some|almost|around|over|more\s+than|just\s+over)\s+)?"
    r"\d+(?:\.\d+)?\s*(?:%|percent)\s+of\b",
    re.I,
)
"""After a count, the share of a whole it is ("..., accounting for 45% of total sales")."""
_AT_TIMES = re.compile(
    r"\b(?:at\s+times|at\s+(?:one|some|a)\s+point|on\s+(?:some|certain)\s+days|"
    r"at\s+(?:its|their|the)\s+(?:peak|height|highest))\b",
    re.I,
)
"""A level reached at some point of a year, not the year's figure ("at times ... exceeded")."""


def _names_metric(index: MetricIndex, region: re.Match[str]) -> bool:
    """Whether the words naming a place, less the word for the kind of place ("area"), are
    a metric's words ("the Lakeside area", when a figure counts the Lakeside area's sales)."""
    name = region.string[region.start() : region.start("w")]
    return bool(set(index.words(name)) & index.metric_words)


def others_pattern(index: MetricIndex, known: set[str]) -> re.Pattern[str] | None:
    """The pack's names of other bodies, whose counts the figures do not hold (only when the
    figures are of the pack's own offices: another pack's figures are those bodies')."""
    offices = set(index.vocabulary.offices)
    if not any(metric.partition(".")[0] in offices for metric in known):
        return None
    id_words = {w for metric in known for w in re.split(r"[._]", metric.lower())}
    return name_pattern([n for n in index.vocabulary.others if not _named_in(n, id_words)])


def _named_in(name: str, id_words: set[str]) -> bool:
    """Whether a body's name, or its initials, is a word of a known metric's id: the figures
    hold some of that body's counts ("SB", "State Board" and ``sb_permits_issued``)."""
    words = re.findall(r"[A-Za-z]+", name)
    initials = "".join(w[0] for w in words if w[0].isupper()).lower()
    return name.lower() in id_words or (len(initials) >= 2 and initials in id_words)


def distinct_words(index: MetricIndex) -> frozenset[str]:
    """The stems of the pack's words for different counts."""
    return frozenset(w for word in index.vocabulary.distinct for w in index.words(word))


def _breakdown_of(index: MetricIndex, country: str) -> bool:
    """Whether some breakdown category of the figures is named by the country's words."""
    words = set(index.words(country))
    return bool(words) and any(
        d.category and d.category <= words for d in index.docs if d.breakdown
    )


def negated(index: MetricIndex, doc: Document, claim: Claim) -> bool:
    """Whether the share counts those *without* what a metric's word names ("60% had no
    criminal record", "were non-criminal"): its figure is then 100 less the metric's."""
    _, _, s_end = doc.sentences[claim.sentence]
    tail = doc.text[claim.end : min(s_end, claim.end + 110)]
    found = _NEGATED.search(tail)
    return bool(found and set(index.words(found.group("w"))) & index.metric_words)


def negated_before(index: MetricIndex, doc: Document, claim: Claim) -> str:
    """The metric's word a count's own stretch negates before it ("the number of
    non-resident permits rose to 76,818"): it counts those without what the word names, which
    no count figure states; empty when there is none."""
    start, _ = doc.stretch(claim)
    found = [
        m.group("w")
        for m in _NEGATED.finditer(doc.text, start, claim.start)
        if not m.group("w")[0].isupper()  # "Operation Without a Trace": a name
        and set(index.words(m.group("w"))) & index.metric_words
    ]
    return found[-1] if found else ""


def narrower(index: MetricIndex, ctx: Context, top: MetricDoc, claim: Claim) -> list[str]:
    """Words next to the number that name a narrower count than the top metric's (a
    metric's word the top metric lacks: "sold at the airport" against all sales). The words
    a pack term adds for a word the top metric has ("online": "web shop orders")
    name nothing narrower than it."""
    extra = [w for w in dict.fromkeys(ctx.tail) if w in index.metric_words]
    covered = {x for w in ctx.said & top.words for x in index.words(w)}
    extra = [w for w in extra if w not in top.words and w not in covered]
    if not extra:
        return []
    allowed = index.allowed(claim.kind, claim.office)
    if claim.kind in ("count", "money", "weight"):  # a share of the top's count by that word
        allowed = allowed | index.allowed("share", claim.office)  # ("of sales, refunds")
    return [
        w
        for w in extra
        if any(
            allowed[i] and d.metric != top.metric and w in d.words and top.words & d.words
            for i, d in enumerate(index.docs)
        )
    ]


def without_clashes(
    index: MetricIndex, distinct: frozenset[str], ctx: Context, ranked: list[tuple[float, int]]
) -> list[tuple[float, int]]:
    """Candidates that name none of the pack's distinct counts, or one the words next to
    the number name: "bought 3,406 tickets" is no figure of tickets sold."""
    near = ctx.said & distinct
    if not near:
        return ranked
    context = {*ctx.noun, *ctx.tail, *ctx.near}
    sentence = {*context, *ctx.rest}
    head = ctx.noun[:1]  # "62,545 expulsions to more than 170 countries": a count of countries
    return [
        (s, i)
        for s, i in ranked
        if not (index.docs[i].words & distinct)
        or index.docs[i].words & near
        or _named_apart(index, index.docs[i], context, distinct, sentence)
        or (head and head[0] in index.words(index.docs[i].decl.unit))
    ]


_JOINED_WORDS = re.compile(
    r"\b(?P<a>[a-z]+)\s+(?:and|or|&|and\s+then)\s+(?P<b>[a-z]+)\b"
    r"(?!\s+(?:[a-z]+\s+){0,2}?\$?\d)",  # not the verb of the next number: "and sold 9,000"
    re.I,
)


def joined_counts(
    index: MetricIndex, distinct: frozenset[str], clause: str
) -> tuple[str, str] | None:
    """Two of the pack's different counts a clause joins by "and" or "or", as words of one
    form ("were sold and returned", "sales and refunds"): a number of it may count either, or
    those of both. Not a noun and a verb ("made 181,372 sales and returned ..."): those are
    two clauses' words."""
    for found in _JOINED_WORDS.finditer(clause):
        first, second = found.group("a"), found.group("b")
        if first.lower().endswith("ed") != second.lower().endswith("ed"):
            continue
        a = set(index.words(first)) & distinct
        b = set(index.words(second)) & distinct
        if a and b and a != b:
            return first, second
    return None


RARE = 3
"""The most metrics a word may name and still single one out ("Rule 17")."""


def named_otherwise(
    index: MetricIndex, distinct: frozenset[str], ctx: Context, ranked: list[tuple[float, int]]
) -> str | None:
    """A metric the clause names by its own rare words though it words the count as another
    ("62,545 permits under Rule 17", of Rule 17 licences), which `without_clashes`
    set aside: the claim may then be no misstatement of the count it words."""
    near = ctx.said & distinct
    if not near:
        return None
    context = {*ctx.noun, *ctx.tail, *ctx.near}
    for _, i in ranked[:TOP]:
        mdoc = index.docs[i]
        clashes = mdoc.words & distinct and not mdoc.words & near
        if clashes and _named_apart(index, mdoc, context, distinct, None):
            return mdoc.metric
    return None


def _named_apart(
    index: MetricIndex,
    mdoc: MetricDoc,
    context: set[str],
    distinct: frozenset[str],
    sentence: set[str] | None,
) -> bool:
    """Whether the clause states, of one of the metric's names, every word but the distinct
    count, those words name few metrics and one of them is a numbered authority's ("Rule
    17", "Form 27"), and the sentence (when given) names its count too ("the 62,545 permits
    under Rule 17, ... which allowed quick licences" names Rule 17 licences; "sold in local
    communities" names no inspections in communities)."""
    if sentence is not None and not mdoc.words & distinct & sentence:
        return False
    for phrase in mdoc.phrases:
        rest = phrase - distinct
        numbered = any(ch.isdigit() for w in rest for ch in w)  # "Rule 17", "Form 27"
        if numbered and rest <= context and all(index.naming(w) <= RARE for w in rest):
            return True
    return False


def singled_out(
    index: MetricIndex, context: set[str], score: float, i: int, ranked: list[tuple[float, int]]
) -> bool:
    """Whether the context names the candidate in full, with a word of its name that no
    more relevant candidate has ("41,000 pounds of fentanyl seized" against all narcotics
    seized): the more relevant ones then count something broader."""
    mdoc = index.docs[i]
    if not mdoc.named_by(context):
        return False
    above = [index.docs[j] for s, j in ranked if s > score and j != i]
    own = mdoc.stated_name(context) & index.metric_words
    return any(all(w not in d.words for d in above) for w in own)


def of_the_whole(
    index: MetricIndex, doc: Document, claim: Claim, ranked: list[tuple[float, int]]
) -> list[tuple[float, int]]:
    """For "P% of the sales": only shares whose whole counts what the text names."""
    _, _, s_end = doc.sentences[claim.sentence]
    found = WHOLE.match(doc.text, claim.end, s_end)
    if not found:
        return ranked
    # each word of the whole, with the pack's terms for it
    groups = [
        set(index.words(word)) & index.metric_words for word in object_words(found.group("w"))
    ]
    groups = [g for g in groups if g]
    if not groups:
        return ranked
    kept = []
    for s, i in ranked:
        mdoc = index.docs[i]
        base = index.headline(mdoc.decl.denominator or "") if mdoc.decl.denominator else mdoc
        if base is not None and all(g & (base.words | mdoc.words) for g in groups):
            kept.append((s, i))
    return kept


_GOVERNMENT = re.compile(r"^\W*the\s+(?:[\w.-]+\s+){0,3}?government\b", re.I)
"""A sentence opening with a government as its subject ("The federal government", "The
Government of ..."); the home country opens one when a verb follows its name ("The United
States sold ...", not "U.S. Customs and Excise made ...")."""


@lru_cache(maxsize=8)
def _home_opening(home: tuple[str, ...]) -> re.Pattern[str] | None:
    names = name_pattern(home)
    if names is None:
        return None
    return re.compile(
        rf"^\W*(?:the\s+)?{names.pattern}(?:\s+(?:federal\s+)?government)?"
        r"\s+(?-i:[a-z]+ed|is|was|has|had|made|saw|took|sent|kept|held|holds|makes)\b",
        re.I,
    )


def _country_subject(index: MetricIndex, head: str) -> str:
    """The home country, or a government, that opens the sentence before a claim as its
    subject, when no office of the pack is named there ("" when none): a count of the whole
    country may hold more than any one body's figures."""
    opening = _home_opening(tuple(index.vocabulary.home))
    found = (opening.match(head) if opening else None) or _GOVERNMENT.match(head)
    if found is None:
        return ""
    offices = offices_named(index)
    if offices is not None and offices.search(head):
        return ""  # "The U.S. Immigration and Customs Enforcement agency removed ..."
    return found.group().strip(" ,")


def offices_named(index: MetricIndex) -> re.Pattern[str] | None:
    """A pattern finding any name the pack gives one of its offices ("Sales Office"), built once."""
    return _names(tuple(n for ns in index.vocabulary.offices.values() for n in ns))


@lru_cache(maxsize=8)
def _names(names: tuple[str, ...]) -> re.Pattern[str] | None:
    return name_pattern(names)
