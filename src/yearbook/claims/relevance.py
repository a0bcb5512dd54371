"""How well a claim's words match each metric: BM25 over the metrics' own words.

Every metric (and every breakdown category of it that the figures hold) is a
small document: its label, synonyms, definition, id, unit and, for a
category, the category's name, plus what the pack's vocabulary says a
published figure's name counts. A claim's context is the query: the words
next to the number, the rest of its sentence, and the sentence before and the
heading above it, each weighted less. Words are stemmed with the Snowball
stemmer (PyStemmer), a pack's ``terms`` add the metric words writers mean
("deported" adds "removals"), and ``generic`` words ("people") are dropped.
The score is BM25 (bm25s), so a word that few metrics share ("gang") counts
for more than one that many share ("removals").

>>> from yearbook.figures.meta import MetricMeta
>>> decl = MetricMeta(id="x.removals", label="removals", synonyms=(),
...     definition="", unit="removals", measure="count", office="x")
>>> from yearbook.claims.vocabulary import Vocabulary
>>> vocab = Vocabulary(terms={"deported": ("removals",)}, generic=frozenset({"people"}))
>>> index = MetricIndex({"x.removals": decl}, None, vocab)
>>> index.words("They deported 59,011 people.")
['deport', 'remov']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import bm25s
import numpy as np
import numpy.typing as npt
import Stemmer

from yearbook.claims.vocabulary import Vocabulary
from yearbook.figures import Figures
from yearbook.figures.meta import MetricMeta
from yearbook.rules import Measure, is_derived, unit_kind

__all__ = ["MONTHS", "MetricDoc", "MetricIndex", "fits", "is_rate", "stem"]

_WORD = re.compile(r"[a-z]+\d*")
_NAMED_NUMBER = re.compile(r"\b(title|section|chapter|article|form|phase|tier)\s+(\d+)\b")
_ENGLISH = (
    "a", "about", "above", "after", "again", "against", "all", "almost", "also", "am", "among",
    "an", "and", "another", "any", "are", "around", "as", "at", "be", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "done", "down", "during", "each", "either", "else", "even", "ever",
    "every", "few", "for", "from", "further", "get", "gets", "got", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "itself", "just", "last", "least", "less", "like", "made",
    "make", "makes", "many", "may", "me", "might", "more", "most", "much", "must", "my", "near",
    "nearly", "neither", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "only",
    "or", "other", "others", "our", "out", "over", "own", "per", "rather", "said", "same",
    "say", "says", "she", "should", "since", "so", "some", "still", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
    "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us",
    "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
    "your", "s", "fy", "year", "years", "also", "according", "conducted", "conduct", "carried",
    "carry", "saw", "see", "seen", "took", "take", "rose", "fell", "dropped", "drop",
    "increased", "decreased", "grew", "declined", "plummeted", "surged", "climbed", "jumped",
    "totaled", "totalled", "reached", "hit", "topped", "numbered", "stood", "amounted",
    "included", "accounted", "involved", "resulted", "marked", "marking", "showed", "shows",
    "nationally", "nationwide", "administration", "administrations", "related", "relating"
)  # fmt: skip
_STOP = frozenset(bm25s.stopwords.STOPWORDS_EN) | frozenset(_ENGLISH) | {"pct", "usd", "lbs"}
"""English words that say nothing of what a number counts (and unit abbreviations, which
the claim's kind already matches)."""
_STEMMER = Stemmer.Stemmer("english")
K1, B = 1.2, 0.3
DEFINITION_TIMES = 0
"""BM25's term saturation and length normalisation: a metric's document repeats its
label and synonyms, so long documents are penalised less than in prose retrieval."""


_MONTHS = {
    name: name[:3]
    for name in (
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    )
} | {"sept": "sep", "maymonth": "may"}  # fmt: skip
"""A month written in full or cut short is one word ("February", "Feb": "feb")."""
MONTHS = frozenset(_MONTHS.values())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's stem (PyStemmer's English), with months and long "-ly" adverbs kept whole."""
    if word in _MONTHS:
        return _MONTHS[word]
    if word.endswith("ly") and len(word) >= _ADVERB:
        return word  # "largely" says how, not what: it names no "at-large" count
    stem: str = _STEMMER.stemWord(word)
    return stem


_ADVERB = 7
"""The shortest word in "-ly" read as an adverb, kept whole rather than stemmed to its
adjective ("largely", not "large"; "daily", "family" and "only" are stemmed as usual)."""


@dataclass(frozen=True)
class MetricDoc:
    """One document of the index: a metric, or one breakdown category of it."""

    metric: str
    breakdown: str
    breakdown_value: str
    office: str | None
    decl: MetricMeta
    words: frozenset[str]
    phrases: tuple[frozenset[str], ...] = ()
    category: frozenset[str] = frozenset()
    proper: frozenset[str] = frozenset()
    """The stems of the proper names in its names, when each of its names holds one
    ("Lakeside" of "sales in the Lakeside area"): a claim that says none is not of it."""

    def mentioned_by(self, context: set[str]) -> bool:
        """Whether the context states its category, or most of one of the metric's names."""
        if self.category:
            return self.category <= context
        return any(
            phrase and 3 * len(phrase & context) >= 2 * len(phrase) for phrase in self.phrases
        )

    def stated(self, context: set[str]) -> int:
        """The number of words of the longest of its names the context states in full."""
        return len(self.stated_name(context))

    def stated_name(self, context: set[str]) -> frozenset[str]:
        """The longest of its names the context states in full (empty when none)."""
        return max((p for p in self.phrases if p and p <= context), key=len, default=frozenset())

    def named_by(self, context: set[str]) -> bool:
        """Whether the context states one of the metric's names in full (and its category)."""
        if self.category and not self.category <= context:
            return False
        return any(phrase <= context for phrase in self.phrases if phrase)


_NOT_COUNTED = re.compile(
    r"\b(?:(?:in|into|out\s+of|took|take|takes|taking|left|leave|leaving|assumed|entered)"
    r"\s+office|first\s+(?:\w+\s+)?(?:days|months|year)\s+in\s+office"
    r"|(?:from|out\s+of|across|throughout|leave|left|leaving|enter|entered|entering)"
    r"\s+the\s+country)\b",
    re.I,
)
"""Words that name no count of the figures: a post held ("his first term in office", "since
he took office"), not a body's office; the country the figures are about ("removed from the
country", "across the country"), not countries counted. (A pack's terms still read them:
"out of the country" may name removals.)"""


def _split(text: str) -> list[str]:
    """Lower-case words; a name with a number is one word ("Title 42" -> "title42"); the month
    "May", capitalised, is no modal "may" (which says nothing of what is counted)."""
    text = _MAY.sub(_MAY_MONTH, text)
    return _WORD.findall(_NAMED_NUMBER.sub(r"\1\2", text.lower().replace("_", " ")))


_MAY = re.compile(r"\bMay\b")
_MAY_MONTH = "maymonth"


def is_rate(unit: str) -> bool:
    """Whether a unit is a rate ("removals/month", "charges/person")."""
    return bool(re.search(r"/\s*(?:day|week|month|year|person|capita|case)\b|\bper\b", unit))


def _daily(decl: MetricMeta) -> bool:
    """Whether a metric is a level on an average day ("average daily population")."""
    return bool(re.search(r"\bdaily\b|\bper day\b|\ba day\b", decl.label, re.I))


def fits(kind: str, decl: MetricMeta) -> bool:
    """Whether a metric's unit fits a claim's kind (percent for shares, dollars for money)."""
    unit = unit_kind(decl.unit)
    if kind in ("percent", "share"):
        return unit == "percent" or decl.measure == "share"
    if kind == "rate":  # "held 38,000 a day": a level on an average day is a rate too
        return decl.measure == "ratio" or is_rate(decl.unit) or _daily(decl)
    if kind == "average":  # "the average population held was 50,000": a daily level too
        return decl.measure == "ratio" or is_rate(decl.unit) or _daily(decl)
    if kind in ("money", "weight"):
        return unit == kind
    if kind == "change":  # a count's, an amount's, a weight's or an average's change
        return unit != "percent" and decl.measure != "share"
    if kind == "count":
        return not is_derived(decl.measure) and unit == "count" and not is_rate(decl.unit)
    return True


def _stand_in(metric: str, unit: str, offices: Sequence[str]) -> MetricMeta:
    """A declaration for a published figure no report metric declares."""
    head = re.split(r"[._]", metric, maxsplit=1)[0]
    office = head if head in offices else ""
    measure: Measure = "share" if unit == "percent" else "submitted"
    return MetricMeta(
        id=metric,
        label=metric.replace(".", " ").replace("_", " "),
        definition="",
        unit=unit,
        measure=measure,
        office=office,
        synonyms=(),
    )


class MetricIndex:
    """BM25 over the metrics of a report and of a figures table."""

    def __init__(
        self,
        metrics: Mapping[str, MetricMeta],
        figures: Figures | None,
        vocabulary: Vocabulary | None,
    ) -> None:
        self.vocabulary = vocabulary or Vocabulary()
        self._terms = {
            word: [w for text in means for w in self._plain(text)]
            for word, means in self.vocabulary.terms.items()
        }
        multi = sorted((t for t in self._terms if " " in t), key=len, reverse=True)
        self._phrase_terms = (
            re.compile(r"\b(?:" + "|".join(re.escape(t) for t in multi) + r")\b", re.I)
            if multi
            else None
        )
        """The pack's terms of several words ("sent back"), found in a text before its words."""
        self._generic = {stem(w) for w in self.vocabulary.generic}
        names = sorted(
            (n for ns in self.vocabulary.offices.values() for n in ns if " " in n.strip()),
            key=len,
            reverse=True,
        )
        self._office_names = (
            re.compile("|".join(re.escape(n) for n in names), re.I) if names else None
        )
        offices = list(self.vocabulary.offices)
        decls = dict(metrics)
        units: dict[str, str] = {}
        categories: dict[str, list[tuple[str, str]]] = {}
        if figures is not None:
            for fig in figures:
                units.setdefault(fig.metric, fig.unit)
                if fig.breakdown:
                    pair = (fig.breakdown, fig.breakdown_value)
                    cats = categories.setdefault(fig.metric, [])
                    if pair not in cats:
                        cats.append(pair)
        for metric, unit in units.items():
            if metric not in decls:
                decls[metric] = _stand_in(metric, unit, offices)
        self.docs: list[MetricDoc] = []
        corpus: list[list[str]] = []
        for metric, decl in sorted(decls.items()):
            base = self._metric_words(metric, decl)
            office = decl.office if decl.office in self.vocabulary.offices else None
            phrases = self._phrases(metric, decl)
            proper = self._proper(metric, decl)
            self.docs.append(
                MetricDoc(metric, "", "", office, decl, frozenset(base), phrases, proper=proper)
            )
            corpus.append(base)
            for breakdown, value in categories.get(metric, []):
                cat_words = self._plain(value.replace("_", " "))
                if not cat_words:  # "other", "all": no words a text could name it by
                    continue
                cat = cat_words * 4
                self.docs.append(
                    MetricDoc(
                        metric,
                        breakdown,
                        value,
                        office,
                        decl,
                        frozenset(base + cat),
                        phrases,
                        frozenset(cat_words),
                        proper,
                    )
                )
                corpus.append(base + cat)
        self._named_proper = [(i, d.proper) for i, d in enumerate(self.docs) if d.proper]
        """The documents a claim must name a proper name of to be of them."""
        self.categories = [d for d in self.docs if d.category]
        """The documents of breakdown categories, each naming the part of a metric it counts."""
        self._allowed: dict[tuple[str, str | None], npt.NDArray[np.bool_]] = {}
        self._headline = {d.metric: d for d in self.docs if not d.breakdown}
        whose = {
            w
            for ns in self.vocabulary.offices.values()
            for n in ns
            if " " not in n.strip()
            for w in self._plain(n)
        }
        self.metric_words: frozenset[str] = frozenset(
            w for d in self.docs for p in d.phrases for w in p if w not in whose
        )
        """Every word of a metric's name but an office's one-word name (its acronym, which says
        whose figure, not what it counts): the words that tell figures apart."""
        self._naming = Counter(w for d in self._headline.values() for w in set().union(*d.phrases))
        self._words: dict[str, list[str]] = {}
        self._said: dict[str, list[str]] = {}
        self._bm25 = bm25s.BM25(k1=K1, b=B)
        known = sorted({w for doc in corpus for w in doc})
        self._column = {w: n for n, w in enumerate(known)}
        self._matrix = np.zeros((len(known), len(self.docs)))
        if corpus:
            self._bm25.index(corpus, show_progress=False)
            for word, n in self._column.items():
                self._matrix[n] = self._bm25.get_scores([word])

    def _plain(self, text: str) -> list[str]:
        return [stem(w) for w in _split(text) if w not in _STOP]

    def _metric_words(self, metric: str, decl: MetricMeta) -> list[str]:
        published = self.vocabulary.published.get(metric, "")
        parts = [
            (decl.label, 3),
            (" ".join(decl.synonyms), 2),
            (decl.definition, DEFINITION_TIMES),
            (metric.split(".", 1)[-1].replace("_", " "), 2),
            (decl.unit, 1),
            (published, 3),
        ]
        return [w for text, times in parts for w in self._plain(text) * times]

    def naming(self, word: str) -> int:
        """How many metrics have the word in one of their names."""
        return self._naming[word]

    def headline(self, metric: str) -> MetricDoc | None:
        """The document of a metric's headline figure."""
        return self._headline.get(metric)

    def allowed(self, kind: str, office: str | None) -> npt.NDArray[np.bool_]:
        """Which documents fit a claim's kind and the office its text names."""
        key = (kind, office)
        if key not in self._allowed:
            self._allowed[key] = np.array(
                [
                    fits(kind, d.decl) and not (office and d.office and d.office != office)
                    for d in self.docs
                ],
                dtype=bool,
            )
        return self._allowed[key]

    def headline_of(self, metric: str) -> npt.NDArray[np.bool_]:
        """The document of a metric's headline figure, as a mask."""
        return np.array([d.metric == metric and not d.breakdown for d in self.docs], dtype=bool)

    def _published_names(self, metric: str) -> list[str]:
        """The names the pack's ``claims.published`` gives a metric."""
        return [n for n in self.vocabulary.published.get(metric, "").split(",") if n.strip()]

    def _proper(self, metric: str, decl: MetricMeta) -> frozenset[str]:
        """The stems of the proper names in its names, when every one of its names holds one
        (a capitalised word past the first, not an acronym: "Lakeside"); else none."""
        names = [decl.label, *decl.synonyms, *self._published_names(metric)]
        found: set[str] = set()
        for name in names:
            words = re.findall(r"[A-Za-z][\w']*", name)[1:]
            proper = {w for w in words if w[0].isupper() and not w.isupper()}
            stems = {s for w in proper for s in self._plain(w)}
            if not stems:
                return frozenset()
            found |= stems
        return frozenset(found)

    def _phrases(self, metric: str, decl: MetricMeta) -> tuple[frozenset[str], ...]:
        """The metric's names, each as the set of stems a context must hold to state it."""
        offices = set(self.vocabulary.offices)
        published = self._published_names(metric)
        stand_in = decl.label == metric.replace(".", " ").replace("_", " ")
        names = [*decl.synonyms, *published]
        if not stand_in:
            names.append(decl.label)
        elif not published:  # a published name: its words, less the office it starts with
            head, _, rest = metric.replace(".", "_").partition("_")
            names.append((rest if head in offices else metric).replace("_", " "))
        out = []
        for name in names:
            words = frozenset(w for w in self._plain(name) if w not in self._generic)
            if words:
                out.append(words)
        return tuple(out)

    def words(self, text: str) -> list[str]:
        """The stems a text contributes to a query, with the pack's terms added.

        Office names say whose figure it is, not what it counts: they are left out.
        """
        return _kept(self._words, text, self._read)

    def _read(self, text: str) -> list[str]:
        if self._office_names is not None:
            text = self._office_names.sub(" ", text)
        out: list[str] = []
        for word in _split(_NOT_COUNTED.sub(" ", text)):
            if word in _STOP:
                continue
            out.append(stem(word))
            out.extend(self._terms.get(word, ()))
        if self._phrase_terms is not None:
            for found in self._phrase_terms.finditer(text):
                out.extend(self._terms.get(" ".join(found.group().lower().split()), ()))
        return [w for w in out if w not in self._generic]

    def said(self, text: str) -> list[str]:
        """The stems of a text's words, each with the pack's terms for it that are one word
        ("sold": sales), but none of a term's phrase ("retail": "sold in shops" adds
        nothing): what the text says it counts, not what it implies."""
        return _kept(self._said, text, self._read_said)

    def _read_said(self, text: str) -> list[str]:
        out: list[str] = []
        for word in _split(text):
            if word in _STOP:
                continue
            out.append(stem(word))
            means = self.vocabulary.terms.get(word, ())
            out.extend(stem(m.lower()) for m in means if " " not in m.strip())
        return [w for w in out if w not in self._generic]

    def scores(self, query: list[str]) -> npt.NDArray[np.float64]:
        """BM25 of every document for the stems of ``query``."""
        return self.weighted([(query, 1.0)])

    def weighted(self, parts: Sequence[tuple[Sequence[str], float]]) -> npt.NDArray[np.float64]:
        """The weighted sum of the BM25 scores of several queries.

        BM25 adds up over the words of a query, so each word's scores are computed
        once, when the index is built, and a query is a weighted sum of them. A month
        says when more often than what: it adds to a document some other word of the
        query matches, and makes none relevant alone ("fell 10 percent in the year to
        September" is no figure "of February to September").
        """
        weights: dict[int, float] = {}
        months: dict[int, float] = {}
        for words, weight in parts:
            for word in words:
                n = self._column.get(word)
                if n is not None:
                    into = months if word in MONTHS else weights
                    into[n] = into.get(n, 0.0) + weight
        result = self._sum(weights)
        if months:
            result = result + np.where(result > 0, self._sum(months), 0.0)
        if self._named_proper:
            said = {w for words, _ in parts for w in words}
            for i, proper in self._named_proper:
                if not proper & said:
                    result[i] = 0.0
        return result

    def _sum(self, weights: dict[int, float]) -> npt.NDArray[np.float64]:
        if not weights:
            return np.zeros(len(self.docs))
        rows = np.fromiter(weights.keys(), dtype=np.intp, count=len(weights))
        w = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        result: npt.NDArray[np.float64] = w @ self._matrix[rows]
        return result

    def matched(self, doc: MetricDoc, query: Sequence[str]) -> list[str]:
        """The query stems the document shares (the words that linked it)."""
        seen: list[str] = []
        for word in query:
            if word in doc.words and word not in seen:
                seen.append(word)
        return seen


_KEPT = 4096
"""The most texts whose words one reading keeps before it starts over."""


def _kept(kept: dict[str, list[str]], text: str, read: Callable[[str], list[str]]) -> list[str]:
    """``read(text)``, kept in ``kept``: the checker reads the same sentences for every claim
    in them. A copy, so that a caller may change it."""
    found = kept.get(text)
    if found is None:
        if len(kept) > _KEPT:
            kept.clear()
        found = kept[text] = read(text)
    return list(found)
