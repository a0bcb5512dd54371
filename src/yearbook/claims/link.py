"""Linking claims to metrics: by label and synonyms, office, unit, year and value.

A claim links to a metric when one of the metric's phrases (its label or a
synonym) names what the number counts: right after the number ("3,406 known or
suspected gang members", stopwords such as "the" or "in" skipped) or ending
just before it ("Removals of known or suspected terrorists reached 139"). The
longest phrase wins; a tie goes to the metric whose figure agrees with the
number. A metric of another office than the one the sentence or its section
names is never linked, and the metric's unit must fit the claim's kind.
Changes take the metric of the value they follow; a value with nothing after
it ("up from 32.5% in FY 2022") takes the metric of the value it is compared
with. List items take a breakdown category of the metric of the paragraph that
introduces the list ("Homicide (1,713)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from yearbook.claims.extract import Claim, Document
from yearbook.claims.linkscore import comparable
from yearbook.claims.relevance import fits
from yearbook.claims.years import OTHER_CLAUSE
from yearbook.figures import Figures
from yearbook.figures.meta import MetricMeta

__all__ = ["Linker", "name_pattern", "tokens", "value_before"]

_STOP = {"the", "in", "of", "its", "their", "these", "those", "all", "a", "an", "for", "on", "by"}
_IRREGULAR = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
}
_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\.\s")
_HEAD_CLAUSE = re.compile(r"[,;:()]|\.\s")
_FILLER = _STOP | {
    "had",
    "have",
    "has",
    "with",
    "were",
    "wa",
    "who",
    "or",
    "and",
    "fiscal",
    "fy",
    "year",
}
_LINKING = {
    "reached", "numbered", "totaled", "totalled", "wa", "were", "stood", "at", "came", "to",
    "is", "are", "rose", "fell", "increased", "decreased", "climbed", "dropped", "grew", "hit",
    "amounted", "reach", "number", "total",
}  # fmt: skip


_CHANGE_LINKING = {"went", "were", "wa", "are", "is"}
"""Between what changed and a change that starts at its direction ("Sales went up 25%")."""


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _stem(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Lower-case word stems: "At-large arrests" -> ['at', 'large', 'arrest'].

    >>> tokens("individuals with criminal histories")
    ['individual', 'with', 'criminal', 'history']
    """
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", text.lower())]


@dataclass(frozen=True)
class _Phrase:
    metric: str
    words: tuple[str, ...]
    content: tuple[str, ...]  # its words less filler ("of", "the"): what `_loose` matches

    def key_words(self) -> frozenset[str]:
        """Words one of which must be near the number for the phrase to match."""
        return frozenset(self.words[:1] + self.words[-1:] + self.content[:1])


def _fits(kind: str, decl: MetricMeta) -> bool:
    return kind == "change" or fits(kind, decl)


_CLAUSE_BREAK = re.compile(r"[,;:\u2012-\u2015]|\s(?:and|but|while|even\s+as|whereas)\s", re.I)
"""Where the clause a claim stands in begins, in the text before it."""


class Linker:
    """Links the claims of one document to metrics."""

    def __init__(
        self,
        metrics: Mapping[str, MetricMeta],
        figures: Figures | None,
        offices: Mapping[str, tuple[str, ...]] | None = None,
        generic: Iterable[str] = (),
    ) -> None:
        self.metrics = metrics
        self._generic = {w for g in generic for w in tokens(g)}
        """The pack's words that tell no figures apart ("immigration"): a phrase may follow
        them ("nearly doubled immigration enforcement arrests")."""
        self._office_re = {
            office: pattern
            for office, names in (offices or {}).items()
            if (pattern := name_pattern(names)) is not None
        }
        self.figures = figures
        phrases: set[_Phrase] = set()
        for decl in metrics.values():
            for text in (decl.label, *decl.synonyms):
                words = tuple(tokens(text))
                if words:
                    content = tuple(w for w in words if w not in _FILLER)
                    phrases.add(_Phrase(decl.id, words, content))
        self.phrases = sorted(phrases, key=lambda p: (-len(p.words), p.metric, p.words))
        self.vocab: dict[str, set[str]] = {}
        for phrase in self.phrases:
            self.vocab.setdefault(phrase.metric, set()).update(phrase.words)
        self.categories = self._categories()
        self._heads = {label[-1] for d in metrics.values() if (label := tokens(d.label))}
        """The head nouns of metric labels ("arrest", "removal"): what a clause says it counts."""
        self._by_kind: dict[str, dict[str, list[tuple[int, _Phrase]]]] = {}
        self._offices: dict[int, str | None] = {}

    def _categories(self) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
        out: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        if self.figures is None:
            return out
        seen: set[tuple[str, str, str]] = set()
        for fig in self.figures:
            key = (fig.metric, fig.breakdown, fig.breakdown_value)
            if fig.breakdown and key not in seen:
                seen.add(key)
                words = tuple(tokens(fig.breakdown_value.replace("_", " ")))
                out.setdefault(fig.metric, []).append((fig.breakdown, fig.breakdown_value, words))
        for cats in out.values():
            cats.sort(key=lambda c: -len(c[2]))
        return out

    def link(self, doc: Document) -> None:
        """Set ``metric`` (and breakdown) on every claim that can be linked."""
        self.link_named(doc)
        self.link_context(doc)

    def link_named(self, doc: Document) -> None:
        """Link the claims a declared phrase names (the first pass)."""
        offices = self._block_offices(doc)
        for claim in doc.claims:
            if claim.kind == "list_count":
                continue
            office = self._sentence_office(doc, claim) or offices[claim.block]
            claim.office = office
            found = self._by_phrase(doc, claim, office)
            if found:
                claim.metric, claim.link_reason = found, "named"
        _one_value_per_figure(doc)

    def _names_another(self, doc: Document, claim: Claim, metric: str | None) -> bool:
        """Whether the claim's own clause says it counts what another metric's label names and
        ``metric``'s words do not ("even as visits fell 10 percent", after sales)."""
        start, _ = doc.stretch(claim)
        head = doc.text[start : claim.start]
        cut = _CLAUSE_BREAK.split(head)[-1]
        heads = set(tokens(cut)) & self._heads
        return bool(heads) and not heads & self.vocab.get(metric or "", set())

    def link_context(self, doc: Document) -> None:
        """Link changes to their values, bare values to the ones they are compared with,
        and list items to a category of their list's metric (the last pass)."""
        for claim in doc.claims:
            if claim.metric is None and claim.kind != "list_count":
                self._by_context(doc, claim)
        for claim in doc.claims:
            if claim.metric is None and doc.blocks[claim.block].kind == "item":
                self._by_category(doc, claim)

    # ------------------------------------------------------------- by phrase

    def _by_key_word(self, kind: str) -> dict[str, list[tuple[int, _Phrase]]]:
        """The phrases of metrics that fit the kind, by each of their key words, with their
        place in `phrases` (longest first)."""
        if kind not in self._by_kind:
            by_word: dict[str, list[tuple[int, _Phrase]]] = {}
            for n, phrase in enumerate(self.phrases):
                if _fits(kind, self.metrics[phrase.metric]):
                    for word in phrase.key_words():
                        by_word.setdefault(word, []).append((n, phrase))
            self._by_kind[kind] = by_word
        return self._by_kind[kind]

    def _candidates(self, kind: str, present: set[str]) -> list[_Phrase]:
        """Phrases of metrics that fit the kind and have a key word near the number."""
        by_word = self._by_key_word(kind)
        found = {n: p for word in present for n, p in by_word.get(word, ())}
        return [found[n] for n in sorted(found)]

    def _by_phrase(self, doc: Document, claim: Claim, office: str | None) -> str | None:
        text = doc.text
        _, s_start, s_end = doc.sentences[claim.sentence]
        following = [c.start for c in doc.in_sentence(claim.sentence) if c.start >= claim.end]
        tail_text = text[claim.end : min([s_end, *following])]
        cut = _CLAUSE.search(tail_text)
        tail = tokens(tail_text[: cut.start()] if cut else tail_text)[:14]
        head_text = text[s_start : claim.start]
        clause = list(_HEAD_CLAUSE.finditer(head_text))
        head = tokens(head_text[clause[-1].end() :] if clause else head_text)[-14:]
        best: list[tuple[int, str]] = []
        for phrase in self._candidates(claim.kind, set(tail) | set(head)):
            decl = self.metrics[phrase.metric]
            if office and decl.office != office and decl.office in self._office_re:
                continue  # another office's (an id's prefix that names no office is none)
            score = self._score(phrase, tail, head, claim.kind)
            if score:
                best.append((score, phrase.metric))
        if not best:
            return None
        top = max(s for s, _ in best)
        tied = sorted({m for s, m in best if s == top})
        if len(tied) > 1:
            agreeing = [m for m in tied if self._agrees(m, claim)]
            tied = agreeing or tied
        return tied[0]

    def _score(self, phrase: _Phrase, tail: list[str], head: list[str], kind: str) -> int:
        words, n = phrase.words, len(phrase.words)
        want = phrase.content
        firsts = (words[0], want[0]) if len(want) > 1 else ()
        vocab = self.vocab[phrase.metric]
        start = 0
        while start < len(tail):
            word = tail[start]
            if word == words[0] and tuple(tail[start : start + n]) == words:
                return 2 * n + 1
            if word in firsts and _loose(want, tail, start):
                return 2 * n
            if word in _STOP or word in vocab or word in self._generic:
                start += 1
                continue
            break
        end = len(head)
        linking = _CHANGE_LINKING if kind == "change" else _LINKING
        while end > 0 and head[end - 1] in linking and len(head) - end < 3:
            end -= 1
        if end >= n and tuple(head[end - n : end]) == words:
            return 2 * n
        return 0

    def _agrees(self, metric: str, claim: Claim) -> bool:
        if self.figures is None or claim.fiscal_year is None:
            return False
        fig = self.figures.find(metric, claim.fiscal_year)
        if fig is None or fig.value is None:
            return False
        value = fig.yoy_change_pct if claim.kind == "change" else fig.value
        return value is not None and claim.interval.contains(value)

    # ------------------------------------------------------------- by context

    def _by_context(self, doc: Document, claim: Claim) -> None:
        earlier = [
            c
            for c in doc.in_sentence(claim.sentence - 1) + doc.in_sentence(claim.sentence)
            if c.index < claim.index
            and c.block == claim.block
            and c.metric is not None
            and c.kind != "change"
        ]
        if not earlier and claim.kind != "change":
            return
        paired = _respectively(doc, claim)
        if paired is not None:  # "... 1,420 permits and 720 fines, up 93% and 22%,
            if paired.metric:  # respectively": each change is of the value in its place
                claim.metric, claim.link_reason = paired.metric, "respectively"
                claim.breakdown, claim.breakdown_value = paired.breakdown, paired.breakdown_value
            return
        if claim.kind == "change" or claim.difference:
            value = value_before(doc, claim)
            if value is not None and value.metric is None and value.role != "prior":
                return  # "detentions (396,448) were up 22.5%": the change of an unlinked value
            same = [c for c in earlier if c.sentence == claim.sentence] or earlier
            if not [c for c in earlier if c.sentence == claim.sentence]:
                later = [
                    c
                    for c in doc.in_sentence(claim.sentence)
                    if c.index > claim.index and c.metric and c.kind != "change"
                ]
                same = later[:1] or same
            if not same:
                return
            if (
                claim.difference
                and same[-1].sentence != claim.sentence
                and claim.reads_like not in (None, same[-1].metric)
            ):  # "... sales of cars bought abroad fell by some 30,000": its own words
                return
            if self._names_another(doc, claim, same[-1].metric):
                return  # "Sales rose to 2,672, up from 2,560, even as visits fell 10 percent"
            claim.metric, claim.link_reason = same[-1].metric, "follows its value"
            claim.breakdown, claim.breakdown_value = same[-1].breakdown, same[-1].breakdown_value
            return
        if claim.role != "prior" and not self._bare(doc, claim):
            return
        family = _family(claim.kind)
        same_kind = [  # not "50,165 ..., while average monthly sales rose from 19,618"
            c
            for c in earlier
            if _family(c.kind) == family
            and not (
                c.sentence == claim.sentence and OTHER_CLAUSE.search(doc.text, c.end, claim.start)
            )
        ]
        if same_kind and claim.reads_like not in (None, same_kind[-1].metric):
            return
        if same_kind and self._within_reach(same_kind[-1].metric, claim):
            claim.metric, claim.link_reason = same_kind[-1].metric, "compared with a named value"

    def _within_reach(self, metric: str | None, claim: Claim) -> bool:
        """Whether a bare value could state the metric a value before it names: not when it
        is many times off that metric's figure for its year ("3,000 refunds in 2023 after
        more than 2,200 in 2022", against 36,685 refunds of another shop)."""
        if metric is None or self.figures is None or claim.fiscal_year is None:
            return True
        fig = self.figures.find(metric, claim.fiscal_year)
        return fig is None or fig.value is None or comparable(claim, fig.value)

    @staticmethod
    def _bare(doc: Document, claim: Claim) -> bool:
        """Whether nothing after the number names what it counts."""
        _, s_start, s_end = doc.sentences[claim.sentence]
        if re.search(r"\(\s*$", doc.text[s_start : claim.start]):
            return False  # "book-ins (312,904)": it counts the noun before it
        tail = doc.text[claim.end : s_end]
        return bool(
            re.match(r"^\s*(?:$|[,.;:)\u2014]|in\b|during\b|for\b|the\s+year|a\s+year)", tail)
        )

    # ------------------------------------------------------------ by category

    def _by_category(self, doc: Document, claim: Claim) -> None:
        lead = self._lead_metric(doc, claim.block)
        if lead is None or lead not in self.categories:
            return
        block = doc.blocks[claim.block]
        words = tokens(doc.text[block.start : claim.start])
        if claim.reads_like not in (None, lead):
            return
        for breakdown, value, cat in self.categories[lead]:
            n = len(cat)
            if any(tuple(words[i : i + n]) == cat for i in range(len(words) - n + 1)):
                claim.metric, claim.link_reason = lead, "a category of the list's metric"
                claim.breakdown, claim.breakdown_value = breakdown, value
                return

    @staticmethod
    def _lead_metric(doc: Document, block: int) -> str | None:
        b = block
        while b >= 0 and doc.blocks[b].kind == "item":
            b -= 1
        if b < 0:
            return None
        named = [c for c in doc.in_block(b) if c.metric and c.kind == "count"]
        return named[-1].metric if named else None

    # --------------------------------------------------------------- offices

    def _sentence_office(self, doc: Document, claim: Claim) -> str | None:
        if claim.sentence not in self._offices:
            _, start, end = doc.sentences[claim.sentence]
            found = self._offices_in(doc, start, end)
            self._offices[claim.sentence] = found[0] if len(found) == 1 else None
        return self._offices[claim.sentence]

    def _block_offices(self, doc: Document) -> list[str | None]:
        out: list[str | None] = []
        current: str | None = None
        for block in doc.blocks:
            found = self._offices_in(doc, block.start, block.end)
            if block.kind == "heading" and found:
                current = found[0]
            out.append(current)
        return out

    def _offices_in(self, doc: Document, start: int, end: int) -> list[str]:
        """The offices named in the text from ``start`` to ``end`` (each office's names are
        found once in the whole text, by `Document.found`)."""
        return [
            office for office, pattern in self._office_re.items() if doc.found(pattern, start, end)
        ]


def _respectively(doc: Document, claim: Claim) -> Claim | None:
    """The value a change is paired with by "respectively": the n-th of as many values
    before the changes as there are changes."""
    if claim.kind != "change":
        return None
    _, _, s_end = doc.sentences[claim.sentence]
    if not _RESPECTIVELY.search(doc.text, claim.end, s_end):
        return None
    claims = doc.in_sentence(claim.sentence)
    changes = [c for c in claims if c.kind == "change"]
    first = changes[0].start
    values = [c for c in claims if c.kind in ("count", "money", "weight") and c.end <= first]
    if len(values) != len(changes) or len(changes) < 2:
        return None
    return values[changes.index(claim)]


def _one_value_per_figure(doc: Document) -> None:
    """A later claim that gives a figure another value counts something narrower: unlink it.

    ("HSI made 33,108 criminal arrests ... Operation WaT led to 185 criminal
    arrests": the second number is a part of the first, not the same figure.)
    """
    first: dict[tuple[str, int | None, int | None, str, str, str], Claim] = {}
    for claim in doc.claims:
        if claim.metric is None:
            continue
        base = claim.base_year if claim.kind == "change" else None
        key = (
            claim.metric,
            claim.fiscal_year,
            base,
            claim.breakdown,
            claim.breakdown_value,
            claim.kind,
        )
        earlier = first.setdefault(key, claim)
        items = doc.blocks[claim.block].kind == doc.blocks[earlier.block].kind == "item"
        if items and earlier.block != claim.block:
            continue  # each item of a list page states its own figure: it is checked as it is
        if earlier is not claim and not earlier.interval.overlaps(claim.interval):
            claim.metric, claim.breakdown, claim.breakdown_value = None, "", ""
            claim.link_reason = f"counts something narrower than {earlier.text}"
            claim.no_contradiction = claim.link_reason


def _loose(want: tuple[str, ...], tail: list[str], start: int) -> bool:
    """A phrase's content words (``want``), in order from ``start``, ignoring filler and
    years; asked only where the phrase's first word or first content word is.

    ("of those arrested in fiscal 2023 had criminal convictions" matches "of those
    arrested had criminal convictions".)
    """
    got = [w for w in tail[start:] if w not in _FILLER and not w.isdigit()]
    return tuple(got[: len(want)]) == want


def _family(kind: str) -> str:
    return "percent" if kind in ("percent", "share") else kind


def name_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern finding any of the names as a whole word ("Sales", not the "sales" of
    "wholesales"), the longest first; None for no names."""
    ordered = sorted(names, key=len, reverse=True)
    if not ordered:
        return None
    initials = "".join(sorted({re.escape(n[0]) for n in ordered if n}))
    names = "|".join(re.escape(n) for n in ordered)
    # tried only where a name's first letter stands
    return re.compile(rf"(?=[{initials}])(?<![\w&])(?:{names})(?![\w&])")


def value_before(doc: Document, claim: Claim) -> Claim | None:
    """The count, amount or weight right before a claim in its sentence (what a change
    that follows it is the change of), or None."""
    before = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.index < claim.index and c.kind in ("count", "money", "weight")
    ]
    return before[-1] if before else None
