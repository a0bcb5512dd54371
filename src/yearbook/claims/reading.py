"""The words a claim is read with, by how near they are to its number.

The object noun right after the number, the words of its own clause (cut at a conjunction
before the next claim, at "including", around an aside), the rest of its sentence, and the
sentence before and the heading above: `yearbook.claims.valuelink` weighs each differently.
"""

from __future__ import annotations

import re

from yearbook.claims.document import Claim, Document
from yearbook.claims.linkscore import Context
from yearbook.claims.relevance import MetricIndex

__all__ = [
    "CLAUSE_CUT",
    "clause_text",
    "joint_body",
    "noun_end",
    "object_words",
    "other_body",
    "read_context",
]

_HEAD_CUT = re.compile(
    r"(?=[;:,.\u2013-\u2015])"  # tried only where a cut may start: three times faster
    r"(?:[;:\u2013-\u2015]|,(?!\d)|(?<!lbs)(?<!lb)(?<!\bno)(?<![.\s][A-Z])\.\s)"
)
_TAIL_CUT = re.compile(
    r"(?=[,;:().\s\u2013-\u2015])"
    r"(?:[,;:()\u2013-\u2015]|(?<!lbs)(?<!lb)(?<!\bno)(?<![.\s][A-Z])\.\s|\s-\s"
    r"|\s(?:even\s+as|even\s+though|although|whereas|because)\s)"
)
"""Where a claim's clause ends: a comma, a dash, a full stop that closes no initial ("U.S."),
a conjunction that opens another clause ("70% even as crossings through Mexico rose")."""
_ADVERB_ASIDE = re.compile(
    r",\s*(?:however|though|meanwhile|in\s+turn|in\s+contrast|by\s+contrast|too|also|"
    r"instead|moreover|nonetheless|nevertheless|still|in\s+fact|indeed)\s*,",
    re.I,
)
"""An adverb set off by commas between a subject and its verb ("the sales, however, fell")."""


def _unbroken(head: str) -> str:
    """The words before a claim with each adverb set off by commas blanked out, so that no cut
    falls between a subject and its verb ("the sales, however, fell from")."""
    if "," not in head:
        return head
    return _ADVERB_ASIDE.sub(lambda m: " " * len(m.group()), head)


CLAUSE_CUT = re.compile(
    r"\s(?:and|while|but|whereas|even\s+as|even\s+though|although)\s|,\s+(?:as|though|when)\s",
    re.I,
)
"""Between two claims, a conjunction ends the first one's words ("1,420 permits granted and
refused 720"; "sales fell 70 percent, even as online orders reached highs"): what follows
it belongs to the next."""
_NEXT_VERB = re.compile(r"\s(?:and|but)\s+(?:also\s+)?[a-z]+ed\s", re.I)
"""After a change's object, a second verb of its subject's: the change is not of its object."""
_INCLUDING_ON = re.compile(r"\b(?:including|such\s+as|among\s+them)\b", re.I)
_TOTAL_OF = re.compile(r"\b(?:a\s+total\s+of|totall?ing|in\s+all|all\s+told)\s*$", re.I)
_ASIDE = re.compile(r"\s*\([^()\d]{1,40}\)")
_OF_SHARE = re.compile(
    r"(?:%|\bper\s?cent|\bpercent)\s+of\s+(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?|those\s+|"
    r"these\s+)?$",
    re.I,
)
"""Before the whole of a share ("64% of the 143,000 buyers had paid cash", "of all of the"):
what follows its noun says what the part had, not what the whole counts."""
_PART_OF = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|those\s+|these\s+)?"
    r"(?:(?:about|nearly|almost|over|more\s+than|some|roughly)\s+)?\$?",
    re.I,
)
"""Between a part and its whole ("46,396 of the 142,750 people ...")."""
_ANAPHOR = re.compile(r"\b(?:this|that|the\s+same)\s+(?:number|figure|total|count|tally)\b", re.I)
"""Words that point back to the count the sentence before names ("this number rose to")."""
_BARE_RUN = 6
"""The most sentences back a bare sentence's count is read from, over bare ones in a row."""
_BREAK = frozenset((
    "from", "in", "of", "at", "to", "for", "by", "on", "during", "who", "that", "which", "with",
    "since", "across", "under", "over", "than", "were", "was", "are", "is", "had",
    "has", "have", "the", "this", "last", "each", "every"
))  # fmt: skip
"""Words no noun right after a number runs on past ("114,434 sales the previous year")."""


_LABEL_LINE = re.compile(r"[ \t]*(?-i:[A-Z])[\w.'\u2019 -]{0,30}:\s")
"""A line that opens with a label and a colon: "Smith: 267,260 in 2019."."""


def _labelled_run(doc: Document, block: int) -> int:
    """The first block a bare sentence may read back to: its own, or, for a one-sentence
    line of a label and a value ("Trump: 267,260 in 2019."), the block before the run of
    such lines it ends ("Here are the numbers, per year: Obama: ... deportations ...")."""
    start = block
    while (
        start >= 0
        and len(doc.blocks[start].sentences) == 1
        and _LABEL_LINE.match(doc.text, doc.blocks[start].start)
    ):
        start -= 1
    return max(start, 0) if start < block else block


def read_context(index: MetricIndex, doc: Document, claim: Claim) -> Context:
    """The words a claim is read with: its clause, its sentence, the one before, its heading."""
    text = doc.text
    _, s_start, s_end = doc.sentences[claim.sentence]
    others = doc.in_sentence(claim.sentence)
    prev_end, next_start = doc.stretch(claim)
    head = _unbroken(text[prev_end : claim.start])
    cuts = list(_HEAD_CUT.finditer(head))
    own_from = prev_end  # where the claim's own clause starts
    if prev_end > s_start:
        clauses = list(CLAUSE_CUT.finditer(head))
        cuts += clauses
        own_from = prev_end + max((c.start() for c in clauses), default=0)
    head = head[max(c.end() for c in cuts) :] if cuts else head
    if _OF_SHARE.search(text, s_start, claim.start):  # "64% of the 143,000 buyers had
        next_start = noun_end(text, claim.end, next_start)  # paid cash": its noun, no more
    tail = text[claim.end : next_start]
    whole = [c for c in others if c.start >= next_start][:1]
    if whole and _PART_OF.fullmatch(tail) and claim.kind in ("count", "money", "weight"):
        # "46,396 of the 142,750 people arrested had a criminal conviction": what the part is
        # is said after its whole, whose number is no word of it
        next_start = doc.stretch(whole[0])[1]
        tail += " " + text[whole[0].end : next_start]
    tail = _ASIDE.sub(" ", tail)
    ends = [c.start() for c in (_TAIL_CUT.search(tail),) if c]
    subject = claim.kind == "change" and set(index.words(text[s_start : claim.start])) & (
        index.metric_words
    )  # a change's subject, when before it, is all it is of ("Sales doubled and ...")
    if next_start < s_end or subject:
        ends += [c.start() for c in (CLAUSE_CUT.search(tail),) if c]
    if claim.kind == "change":  # "doubled permits and increased sales": its object is permits
        ends += [c.start() for c in (_NEXT_VERB.search(tail),) if c]
    tail = tail[: min(ends)] if ends else tail
    head_words = index.words(head)
    if not head_words or (
        subject and prev_end == s_start and not set(head_words) & index.metric_words
    ):  # "Sales kept rising in 2018, reaching a high and marking a rise of 11%": its subject
        head_words = index.words(text[prev_end : claim.start])
    tail_words = index.words(tail)
    noun = index.words(" ".join(object_words(tail)))
    near = head_words[-6:] + tail_words[:8]
    if not set(near) & index.metric_words and _TOTAL_OF.search(head):
        # "..., a total of 267,258": it counts what its sentence spoke of before it
        near = [w for w in index.words(text[s_start : claim.start]) if w != "total"][-8:]
    first = min([c.start for c in others], default=s_end)
    parts = _INCLUDING_ON.search(text, claim.end, next_start)  # "37,547 permits, including
    stretch_end = parts.start() if parts else next_start  # renewals ...": parts, not it
    rest = index.words(text[s_start:first] + " " + text[own_from:stretch_end])
    before: list[str] = []
    borrowed = False
    if claim.sentence > 0:
        b, p_start, p_end = doc.sentences[claim.sentence - 1]
        bare = not set(rest) & index.metric_words  # "The peak was 267,000 in 2019." alone
        if b == claim.block or doc.blocks[claim.block].kind == "item" or bare:
            before = index.words(text[p_start:p_end])
            borrowed = bare and b != claim.block
        back = claim.sentence - 1
        run_from = _labelled_run(doc, claim.block)
        while bare and not set(before) & index.metric_words and back > 0 and b >= run_from:
            # "Start with sales. FY16: 240,255. FY17: 226,119.": bare sentences in a row
            # count what the one before them named, as do lines of a label and a value
            back -= 1
            b, p_start, p_end = doc.sentences[back]
            if b >= run_from and claim.sentence - back <= _BARE_RUN:
                before = index.words(text[p_start:p_end])
    pointed = _ANAPHOR.search(text, s_start, claim.start)
    earlier = [c for c in others if c.end <= pointed.start()] if pointed else []
    if pointed and earlier and earlier[-1].kind in ("count", "average"):
        # "While in 1994 an average of 6,785 were held on a day, that number rose to more
        # than 50,000": what the value before it in its sentence counts, as if said here
        near = near + index.words(text[s_start : pointed.start()])
    elif before and pointed and not set(rest) & index.metric_words:
        # "In FY 2020 sales were 185,884. In FY 2021, this number rose to 244,202.": the count
        # the sentence before names is this one's, as if said here
        near = near + before
        borrowed = False
    heading = _heading(doc, claim.block)
    if heading:
        before += index.words(heading)
    if claim.kind in ("share", "percent"):  # "43%" says "share" and "percent" itself
        implied = index.words("share percent")
        near, rest = near + implied, rest + implied
    said = frozenset(index.said(head)[-6:] + index.said(tail)[:8])
    return Context(noun, tail_words[:8], near, rest, before, said, borrowed)


# ---------------------------------------------------------- decision


def noun_end(text: str, start: int, stop: int) -> int:
    """Where the words of the noun right after a number end (`object_words`)."""
    at = start
    for word in object_words(text[start:stop]):
        at = text.index(word, at) + len(word)
    return at


def object_words(tail: str) -> list[str]:
    """The words right after the number, up to the first preposition or verb: its noun."""
    out: list[str] = []
    for word in re.findall(r"[\w'-]+|[^\w\s]", tail)[:4]:
        if word.lower() in _BREAK or not word[0].isalnum():
            break
        out.append(word)
    return out[:3]


def _heading(doc: Document, block: int) -> str:
    for b in range(block - 1, -1, -1):
        if doc.blocks[b].kind == "heading":
            return doc.text[doc.blocks[b].start : doc.blocks[b].end]
    return ""


_ABBREVIATION = re.compile(r"\s*\(")
"""Between a body's name and its abbreviation in brackets after it."""
_NOT_SUBJECT = re.compile(
    r"\b(?:by|from|to|with|of|than|at|for|into|after|before|like|via|on|against|and)\s+"
    r"(?:the\s+|a\s+|an\s+)?$",
    re.I,
)


_BY_AGENT = re.compile(
    r"\b(?:reported|recorded|counted|released|published|made|carried\s+out|conducted|logged|"
    r"tallied|processed|encountered|apprehended)\s+by\s+(?:the\s+)?$",
    re.I,
)
"""Right before a body named after a claim as its agent: "entries reported by the city"."""


_STAFF_OF = re.compile(
    r"\b(?:services?|officers?|agents?|officials?|personnel|staff|employees|units?)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
"""Before a body named as the staff or a unit of it ("the services of the city"): its subject."""


def other_body(doc: Document, claim: Claim, names: re.Pattern[str] | None) -> str | None:
    """The other body the claim's clause makes its subject ("the state and the city
    together sold 337,287 ...") or names after it as its agent ("a 70% rise in entries
    reported by the city"), whose counts the figures do not hold; None when there is none or
    its name follows a preposition before the claim ("permits of people referred by the
    city")."""
    if names is None:
        return None
    _, _, s_end = doc.sentences[claim.sentence]
    head, start = _head(doc, claim)
    after = -1
    for found in names.finditer(head, start):
        if after >= 0 and _ABBREVIATION.fullmatch(head, after, found.start()):
            continue  # "... and the State Parks Office (SPO) sold": the name said again
        after = found.end()
        if not _NOT_SUBJECT.search(head, start, found.start()) or _STAFF_OF.search(
            head, start, found.start()
        ):
            return found.group()
    if names.search(doc.text, claim.end, s_end) is None:
        return None  # no body named after it in its sentence
    _, stop = doc.stretch(claim)
    tail = doc.text[claim.end : stop]
    end = _TAIL_CUT.search(tail)
    tail = tail[: end.start()] if end else tail
    for found in names.finditer(tail):  # "an increase of 70% in entries reported by the city"
        if _BY_AGENT.search(tail, 0, found.start()):
            return found.group()
    return None


def joint_body(doc: Document, claim: Claim, names: re.Pattern[str] | None) -> str | None:
    """The other body the claim's clause joins by "and" to its subject ("the city and the
    state sold 337,287 ..."): the count may be of both; None when there is none."""
    if names is None:
        return None
    head, start = _head(doc, claim)
    for found in names.finditer(head, start):
        if _JOINED_BEFORE.search(head, 0, found.start()) or _JOINED_AFTER.match(head, found.end()):
            return found.group()
    return None


def _head(doc: Document, claim: Claim) -> tuple[str, int]:
    """Its sentence up to the claim, and where the claim's own clause starts in it."""
    _, s_start, _ = doc.sentences[claim.sentence]
    head = doc.text[s_start : claim.start]
    cut = list(_HEAD_CUT.finditer(head))
    start = cut[-1].end() if cut else 0
    aside = _RELATIVE_ASIDE.search(head, 0, start)
    if aside:  # "the city, which runs the parks, sold 337,287": the city is its subject
        start = max((c.end() for c in cut if c.end() <= aside.start()), default=0)
    return head, start


def subject_text(doc: Document, claim: Claim) -> str:
    """Its own clause before it: what a change is the change of ("the number of people
    stopped at the gate rose 68 percent")."""
    head, start = _head(doc, claim)
    return head[start:]


_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s[^,;:()]*,\s*$", re.I)
"""A relative clause set off between a subject and its verb (", which runs the parks,")."""


_JOINED_BEFORE = re.compile(r"\b(?:and|&)\s+(?:the\s+)?$", re.I)
_JOINED_AFTER = re.compile(r"(?:\s*\([^()]{1,12}\))?\s+(?:and|&)\s", re.I)


def clause_text(doc: Document, claim: Claim) -> str:
    """The claim's own clause: from the last break before it to the first after it, within
    its sentence and between its neighbouring claims."""
    text = doc.text
    prev_end, next_start = doc.stretch(claim)
    head = _unbroken(text[prev_end : claim.start])
    cuts = list(_HEAD_CUT.finditer(head))
    head = head[cuts[-1].end() :] if cuts else head
    tail = text[claim.end : next_start]
    cut = _TAIL_CUT.search(tail)
    return head + text[claim.start : claim.end] + (tail[: cut.start()] if cut else tail)
