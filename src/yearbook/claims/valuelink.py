"""Value-aware linking: a claim goes to the relevant figure its number agrees with.

The idea is AggChecker's (SIGMOD 2019): a candidate is judged by its words
*and* by whether its value matches the claim. For each claim the candidates
are every metric and breakdown category whose unit fits the claim's kind; each
is scored by the BM25 relevance of the claim's context to the metric's words
(`yearbook.claims.relevance`), with a bonus for a metric whose declared phrase
names the number. Then, for the claim's fiscal year:

* the best candidate whose figure is consistent with the number (at its stated
  precision and qualifier) links the claim, and supports it, when it is relevant
  enough and nearly as relevant as the most relevant candidate;
* otherwise the most relevant candidate links it when it is clearly relevant,
  the words next to the number name it and it has a figure for that year: the
  figure then contradicts the claim;
* otherwise the claim is left unlinked, and so unverifiable, with the reason.

The figure chosen, the words that linked it and the runner-up when it came
close are kept on the claim for its verdict's explanation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from yearbook.claims.document import Claim, Document
from yearbook.claims.numbers import Interval
from yearbook.claims.relevance import MetricDoc, MetricIndex
from yearbook.claims.verify import (
    as_written,
    change_agrees,
    consistent,
    digits_shifted,
    stated_figure,
)
from yearbook.figures import Figures

__all__ = ["SUPPORT_SCORE", "ValueLinker"]

SUPPORT_SCORE = 1.2
"""The least relevance with which a consistent figure supports a claim."""
CONTRADICT_SCORE = 2.5
"""The least relevance of the figure that may contradict a claim."""
NEAR_SCORE = 1.0
"""The least relevance of the words next to the number for a contradiction."""
COMPARABLE = 0.6
"""A consistent candidate this close to the most relevant one is comparably relevant."""
MENTION_BONUS = 1.5
"""Added to a candidate one of whose names the context states in full."""
TOP = 12
"""How many of the most relevant candidates are looked at closely."""
RANKED = 32
"""How many candidates are ranked at all."""
CLEAR_MARGIN = 1.25
"""The metric that contradicts a claim must be this much more relevant than any other."""
MUST_MENTION = True
"""A figure supports a claim only when the context states most of one of its names."""
NAMED_BONUS = 2.0
"""Added to the metric whose declared phrase names the number."""
_WEIGHTS = (1.0, 0.4, 0.2)
"""Weights of the words next to the number, the rest of its stretch, and what came before."""
NOUN_WEIGHT = 2.0
"""Added weight of the first words after the number (its object noun)."""

_HEAD_CUT = re.compile(r"[;:\u2014\u2013]|,(?!\d)|(?<!lbs)(?<!lb)(?<!\bno)\.\s")
_TAIL_CUT = re.compile(r"[,;:()\u2014\u2013]|(?<!lbs)(?<!lb)(?<!\bno)\.\s|\s-\s")
_CLAUSE_CUT = re.compile(r"\s(?:and|while|but|whereas)\s", re.I)
"""Between two claims, a conjunction ends the first one's words ("1,420 permits granted and
refused 720"): what follows it belongs to the next."""
_NEGATED = re.compile(
    r"\b(?:no|without|non|never\s+had|(?:did|do|does)\s+not\s+have)[\s-]+"
    r"(?:known\s+|prior\s+|previous\s+|a\s+)?(?P<w>[a-z]+)",
    re.I,
)
_INCLUDING_ON = re.compile(r"\b(?:including|such\s+as|among\s+them)\b", re.I)
_TOTAL_OF = re.compile(r"\b(?:a\s+total\s+of|totall?ing|in\s+all|all\s+told)\s*$", re.I)
_PART_OF = re.compile(r"\s*(?:of|out\s+of|among)\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|includes|included|among\s+them|such\s+as)\s*$", re.I)
_KINDS = ("count", "money", "weight", "percent", "share", "average")
_RATE = re.compile(r"\s*(?:[\w-]+\s+){0,4}?(?:a|per|each|every)\s+(?:day|week|month)\b", re.I)
_BREAK = frozenset((
    "from", "in", "of", "at", "to", "for", "by", "on", "during", "who", "that", "which", "with",
    "since", "across", "under", "over", "than", "were", "was", "are", "is", "had",
    "has", "have"
))  # fmt: skip
_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+|those\s+|its\s+|their\s+)*(?P<w>[^,;:.()]*)", re.I)
_OF_FIRST = re.compile(r"\s*of\s+(?:the\s+|all\s+|those\s+)*(?P<w>[^,;:.()]*),", re.I)
_ASIDE = re.compile(r"\s*\([^()\d]{1,40}\)")
SUPPORT_EXACT = 0.5
"""The least relevance with which a figure equal to an exact, non-round number supports it."""
NEAR_MISS = 0.01
"""A precise number within 1% of a relevant figure that it does not state is a misstatement of
it (a transposed or wrong digit), however close the other candidates come."""
CLOSE = 0.25
"""A number off its figure by more than this share, in a sentence that names no year, may be
another year's: it is not contradicted."""
PRECISE = 0.03
"""A number that stands for values within 3% of it can tell one year's figure from another's."""
MAGNITUDE = 3.5
"""A number more than this many times off a figure most likely counts something else (a part,
a place, a group): it is not contradicted by it, unless its digits are the figure's shifted."""


@dataclass(frozen=True)
class _Context:
    noun: list[str]  # the words right after the number: what it counts, most often
    tail: list[str]  # the words after the number, to the end of its clause
    near: list[str]
    rest: list[str]
    before: list[str]


class ValueLinker:
    """Links each claim of a document to the relevant figure its value agrees with."""

    def __init__(
        self,
        index: MetricIndex,
        figures: Figures,
        not_computable: Mapping[str, str] | None = None,
    ) -> None:
        self.index = index
        self.figures = figures
        self.not_computable = dict(not_computable or {})
        """Figures the sources say cannot be computed from them, with the reason."""
        self._metric_years: dict[str, set[int]] = {}
        self._known = set(figures.metrics)
        self._blocked = np.array(
            [d.metric in self.not_computable and not d.breakdown for d in index.docs],
            dtype=bool,
        )

    def link(self, doc: Document) -> None:
        for claim in doc.claims:
            if claim.kind in _KINDS and not claim.link_reason.startswith("compared"):
                self._decide(doc, claim)

    def link_changes(self, doc: Document) -> None:
        """A stated change goes to the relevant metric whose change it agrees with."""
        for claim in doc.claims:
            if claim.kind != "change" or claim.fiscal_year is None:
                continue
            if claim.link_reason == "respectively":  # paired by its place, not by its value
                continue
            ctx = self._context(doc, claim)
            sentence = self.index.words(doc.sentence_text(claim.sentence))
            ctx = _Context(ctx.noun, ctx.tail, ctx.near, sentence, ctx.before)
            score = self.index.weighted(
                [
                    (ctx.noun, NOUN_WEIGHT),
                    (ctx.near, _WEIGHTS[0]),
                    (ctx.rest, _WEIGHTS[1]),
                    (ctx.before, _WEIGHTS[2]),
                ]
            )
            ranked = self._rank(score, "change", claim.office, None)[:TOP]
            if not ranked:
                continue
            top_score = ranked[0][0]
            context = {*ctx.near, *ctx.rest, *ctx.before}
            agreed = False
            for n, (s, i) in enumerate(ranked):
                mdoc = self.index.docs[i]
                if s < SUPPORT_SCORE or s < COMPARABLE * top_score:
                    break
                if (mdoc.mentioned_by(context) or n == 0) and change_agrees(
                    claim, self.figures, mdoc.metric, mdoc.breakdown, mdoc.breakdown_value
                ):
                    if mdoc.metric != claim.metric:
                        self._set(claim, mdoc, ctx, ranked, s)
                        claim.link_reason = "its change agrees"
                    agreed = True
                    break
            if not agreed:
                self._narrowest(claim, ctx, ranked, {*ctx.near, *ctx.rest})

    def _narrowest(
        self,
        claim: Claim,
        ctx: _Context,
        ranked: list[tuple[float, int]],
        context: set[str],
    ) -> None:
        """A change linked to a metric whose name is part of a longer one the text states
        ("interior removals rose 57%" against all removals) is the longer one's change."""
        current = self.index.headline(claim.metric) if claim.metric else None
        if current is None:
            return
        name = current.stated_name(context)
        for s, i in ranked[:3]:
            mdoc = self.index.docs[i]
            if mdoc.metric == current.metric or mdoc.breakdown:
                continue
            if name and name < mdoc.stated_name(context):
                self._set(claim, mdoc, ctx, ranked, s)
                claim.link_reason = "the longer name its text states"
                return

    def shares_of_figures(self, doc: Document) -> None:
        """ "47% of all removals in FY 2023, totaling 66,800": the count over the figure.

        A share whose whole the text names ("of all removals") and whose part it states
        in the same sentence is supported when the part over the whole's figure for
        that year rounds to it. (It is never contradicted this way: which count is the
        part is a guess.)
        """
        for claim in doc.claims:
            if claim.kind not in ("share", "percent") or claim.metric or claim.fiscal_year is None:
                continue
            _, s_start, s_end = doc.sentences[claim.sentence]
            found = _WHOLE.match(doc.text, claim.end, s_end) if claim.kind == "share" else None
            found = found or _OF_FIRST.match(doc.text, s_start, claim.start)
            if not found:
                continue
            words = self.index.words(" ".join(_object_words(found.group("w"))))
            whole = self._stated_count(words, claim.fiscal_year)
            parts = [
                c
                for c in doc.in_sentence(claim.sentence)
                if c.kind == "count" and c.index != claim.index and c.value > 0
            ]
            if whole is None or not parts:
                continue
            metric, value = whole
            for part in parts:
                share = 100.0 * part.value / value
                if claim.interval.overlaps(Interval(share, share)):
                    reason = (
                        f"{part.text} of {metric} FY {claim.fiscal_year} ({value:,.0f}) is "
                        f"{share:.2f}%, inside {claim.interval.text()}"
                    )
                    claim.figure_checks.append(("share", "supported", reason, share))
                    break

    def _stated_count(self, words: list[str], year: int) -> tuple[str, float] | None:
        """The headline count the words name in full, and its figure for the year."""
        if not words:
            return None
        score = self.index.weighted([(words, 1.0)])
        for _, i in self._rank(score, "count", None, None)[:TOP]:
            mdoc = self.index.docs[i]
            if mdoc.breakdown or not mdoc.named_by(set(words)):
                continue
            fig = self.figures.find(mdoc.metric, year)
            if fig is not None and fig.value:
                return mdoc.metric, fig.value
            return None
        return None

    # ----------------------------------------------------------- context

    def _context(self, doc: Document, claim: Claim) -> _Context:
        text = doc.text
        _, s_start, s_end = doc.sentences[claim.sentence]
        others = doc.in_sentence(claim.sentence)
        prev_end = max([c.end for c in others if c.end <= claim.start], default=s_start)
        next_start = min([c.start for c in others if c.start >= claim.end], default=s_end)
        head = text[prev_end : claim.start]
        cuts = list(_HEAD_CUT.finditer(head))
        own_from = prev_end  # where the claim's own clause starts
        if prev_end > s_start:
            clauses = list(_CLAUSE_CUT.finditer(head))
            cuts += clauses
            own_from = prev_end + max((c.start() for c in clauses), default=0)
        head = head[max(c.end() for c in cuts) :] if cuts else head
        tail = _ASIDE.sub(" ", text[claim.end : next_start])
        ends = [c.start() for c in (_TAIL_CUT.search(tail),) if c]
        if next_start < s_end:
            ends += [c.start() for c in (_CLAUSE_CUT.search(tail),) if c]
        tail = tail[: min(ends)] if ends else tail
        head_words = self.index.words(head) or self.index.words(text[prev_end : claim.start])
        tail_words = self.index.words(tail)
        noun = self.index.words(" ".join(_object_words(tail)))
        near = head_words[-6:] + tail_words[:8]
        if not set(near) & self.index.metric_words and _TOTAL_OF.search(head):
            # "..., a total of 267,258": it counts what its sentence spoke of before it
            near = [w for w in self.index.words(text[s_start : claim.start]) if w != "total"][-8:]
        first = min([c.start for c in others], default=s_end)
        parts = _INCLUDING_ON.search(text, claim.end, next_start)  # "37,547 permits, including
        stretch_end = parts.start() if parts else next_start  # renewals ...": parts, not it
        rest = self.index.words(text[s_start:first] + " " + text[own_from:stretch_end])
        before: list[str] = []
        if claim.sentence > 0:
            b, p_start, p_end = doc.sentences[claim.sentence - 1]
            if b == claim.block or doc.blocks[claim.block].kind == "item":
                before = self.index.words(text[p_start:p_end])
        heading = _heading(doc, claim.block)
        if heading:
            before += self.index.words(heading)
        if claim.kind in ("share", "percent"):  # "43%" says "share" and "percent" itself
            implied = self.index.words("share percent")
            near, rest = near + implied, rest + implied
        return _Context(noun, tail_words[:8], near, rest, before)

    # ---------------------------------------------------------- decision

    def _decide(self, doc: Document, claim: Claim) -> None:
        ctx = self._context(doc, claim)
        if claim.kind in ("share", "percent"):
            claim.complement = self._negated(doc, claim)
        score = self.index.weighted(
            [
                (ctx.noun, NOUN_WEIGHT),
                (ctx.near, _WEIGHTS[0]),
                (ctx.rest, _WEIGHTS[1]),
                (ctx.before, _WEIGHTS[2]),
            ]
        )
        named = claim.metric if claim.link_reason == "named" else _compared(doc, claim)
        if named and named not in self._known:  # named, but the sources have no figure of it
            named = None
            claim.metric, claim.link_reason = None, ""
        _, _, s_end = doc.sentences[claim.sentence]
        kind = "rate" if _RATE.match(doc.text, claim.end, s_end) else claim.kind
        ranked = self._rank(score, kind, claim.office, named)
        if claim.kind == "share":
            ranked = self._of_the_whole(doc, claim, ranked)
        context = {*ctx.near, *ctx.rest}
        stated = {i for _, i in ranked[:TOP] if self.index.docs[i].named_by(context)}
        head = [(s + MENTION_BONUS if i in stated else s, i) for s, i in ranked[:TOP]]
        ranked = sorted(head, key=_by_rank) + ranked[TOP:]
        top_score = ranked[0][0] if ranked else 0.0
        if claim.span is not None and self._span_sum(claim, ctx, ranked, top_score):
            return
        floor = min(SUPPORT_EXACT, COMPARABLE * top_score)
        agreeing = [
            (s, i) for s, i in ranked if s >= floor and self._agrees(claim, self.index.docs[i])
        ][:1]
        if agreeing:
            s, i = agreeing[0]
            least = SUPPORT_EXACT if _exact(claim) else SUPPORT_SCORE
            mentioned = self.index.docs[i].mentioned_by({*ctx.near, *ctx.rest, *ctx.before})
            if (
                s >= least
                and s >= COMPARABLE * top_score
                and (mentioned or not MUST_MENTION or _exact(claim))
            ):
                self._set(claim, self.index.docs[i], ctx, ranked, s)
                return
        if self._other_year(doc, claim, ctx, ranked, top_score):
            return
        blocked = self._not_computable(score, context, claim.office, top_score)
        if blocked:
            self._unlink(claim, None, blocked)
            claim.no_contradiction = blocked
            return
        if not ranked:
            self._unlink(claim, named, "has no metric's words near it")
            return
        top = ranked[0][1]
        top_doc = self.index.docs[top]
        figure = self._figure(claim, top_doc)
        by_noun = top_doc.named_by(set(ctx.noun))
        name = top_doc.stated_name(context)
        others = [
            s
            for s, i in ranked
            if i in stated
            and self.index.docs[i].metric != top_doc.metric
            and not (by_noun and not self.index.docs[i].named_by(set(ctx.noun)))
            and len(other := self.index.docs[i].stated_name(context)) >= len(name)
            and other != name  # two series of one name: the one with a figure decides
        ]
        narrower = self._narrower(ctx, top_doc, claim)
        if not agreeing and not narrower and self._near_miss(claim, ctx, ranked, top_score):
            return
        if (
            not narrower
            and top_score >= CONTRADICT_SCORE
            and (not others or top_score >= CLEAR_MARGIN * others[0] or named == top_doc.metric)
            and (
                named == top_doc.metric
                or (
                    float(self.index.scores(ctx.near)[top]) >= NEAR_SCORE
                    and top_doc.named_by({*ctx.near, *ctx.rest})
                )
            )
            and not claim.no_contradiction
            and figure is not None
            and _comparable(claim, figure, top_doc.named_by(set(ctx.near)) and claim.year_given)
            and (claim.year_given or _close(claim, figure))
        ):
            self._set(claim, top_doc, ctx, ranked, top_score)
            return
        if agreeing and named is None:
            self._unlink(claim, None, _weak(self.index.docs[agreeing[0][1]], agreeing[0][0]))
            return
        if narrower and named is None:
            words = ", ".join(repr(w) for w in narrower)
            why = f"says more of what it counts ({words}) than {top_doc.metric}"
            self._unlink(claim, None, why)
            claim.no_contradiction = f"it {why}"
            return
        if named:
            if self._figure(claim, top_doc) is None and top_doc.metric == named:
                return  # verify() says the figure is missing
            claim.metric, claim.breakdown, claim.breakdown_value = None, "", ""
        if top_score >= SUPPORT_SCORE:
            claim.reads_like = top_doc.metric
        self._unlink(claim, None, _no_figure(top_doc, claim, top_score))

    def _span_sum(
        self, claim: Claim, ctx: _Context, ranked: list[tuple[float, int]], top_score: float
    ) -> bool:
        """A count over several fiscal years ("more than 935,000 over four fiscal years",
        "between FY 2017 and FY 2020") against the sum of a relevant metric's figures over
        them: the years it names, or else every run of as many years the figures hold.
        Supported by the one sum it states; contradicted by the one it misses by a hair."""
        span = claim.span
        if span is None or claim.kind not in ("count", "money", "weight"):
            return False
        context = {*ctx.near, *ctx.rest, *ctx.before}
        found: list[tuple[float, float, int, int, int, float]] = []
        for s, i in ranked[:TOP]:
            if s < SUPPORT_SCORE or s < COMPARABLE * top_score:
                break
            mdoc = self.index.docs[i]
            if mdoc.breakdown or not mdoc.mentioned_by(context):
                continue
            years = sorted(self._years(mdoc))
            runs = [span] if span[1] is not None else [(y, y + span[0] - 1) for y in years]
            for first, last in runs:
                assert last is not None
                figs = [self.figures.find(mdoc.metric, y) for y in range(first, last + 1)]
                if not figs or any(f is None or f.value is None for f in figs):
                    continue
                total = sum(f.value for f in figs if f is not None and f.value is not None)
                fig = figs[0]
                assert fig is not None
                agrees = consistent(claim, replace(fig, value=total, bound="exact"))
                miss = abs(claim.value - total) / total if total else 1.0
                found.append((0.0 if agrees else miss, s, i, first, last, total))
        agreeing = {(i, a, b) for miss, _, i, a, b, _ in found if miss == 0.0}
        if len(agreeing) == 1:
            pick = next(f for f in found if f[0] == 0.0)
            verdict = "supported"
        else:
            near = [f for f in found if 0.0 < f[0] <= NEAR_MISS]
            if agreeing or len(near) != 1 or not _precise(claim) or claim.no_contradiction:
                return False
            pick, verdict = near[0], "contradicted"
        _, s, i, first, last, total = pick
        mdoc = self.index.docs[i]
        self._set(claim, mdoc, ctx, ranked, s)
        claim.link_reason = f"its span, FY {first}-FY {last}"
        said = "inside" if verdict == "supported" else "but it says"
        read = claim.interval
        loose = as_written(claim)
        if loose is not None and verdict == "supported" and not read.contains(total):
            read = loose  # it agrees only as writers round
        reason = (
            f"{mdoc.metric} FY {first} to FY {last} adds up to {total:,.0f}, {said} {read.text()}"
        )
        claim.figure_checks.append(("span", verdict, reason, total))
        return True

    def _negated(self, doc: Document, claim: Claim) -> bool:
        """Whether the share counts those *without* what a metric's word names ("60% had no
        criminal record", "were non-criminal"): its figure is then 100 less the metric's."""
        _, _, s_end = doc.sentences[claim.sentence]
        tail = doc.text[claim.end : min(s_end, claim.end + 80)]
        found = _NEGATED.search(tail)
        return bool(found and set(self.index.words(found.group("w"))) & self.index.metric_words)

    def _near_miss(
        self, claim: Claim, ctx: _Context, ranked: list[tuple[float, int]], top_score: float
    ) -> bool:
        """A precise number that no relevant figure agrees with, but that one of them misses by
        a hair (142,850 for 142,580): contradicted by that one, a misstatement of it."""
        if claim.no_contradiction or not _precise(claim) or claim.fiscal_year is None:
            return False
        context = {*ctx.near, *ctx.rest, *ctx.before}
        best: tuple[float, float, int] | None = None
        for s, i in ranked[:TOP]:
            if s < CONTRADICT_SCORE or s < COMPARABLE * top_score:
                break
            mdoc = self.index.docs[i]
            figure = self._figure(claim, mdoc)
            if figure is None or not mdoc.mentioned_by(context):
                continue
            miss = abs(claim.value - figure) / abs(figure) if figure else 1.0
            if best is None or miss < best[0]:
                best = (miss, s, i)
        if best is None or best[0] > NEAR_MISS:
            return False
        _, s, i = best
        self._set(claim, self.index.docs[i], ctx, ranked, s)
        claim.link_reason = "the relevant figure it misses by a hair"
        return True

    def _narrower(self, ctx: _Context, top: MetricDoc, claim: Claim) -> list[str]:
        """Words next to the number that name a narrower count than the top metric's (a
        metric's word the top metric lacks: "deported at the border" against all removals)."""
        extra = [w for w in dict.fromkeys(ctx.tail) if w in self.index.metric_words]
        extra = [w for w in extra if w not in top.words]
        if not extra:
            return []
        allowed = self.index.allowed(claim.kind, claim.office)
        return [
            w
            for w in extra
            if any(
                allowed[i] and d.metric != top.metric and w in d.words and top.words & d.words
                for i, d in enumerate(self.index.docs)
            )
        ]

    def _other_year(
        self,
        doc: Document,
        claim: Claim,
        ctx: _Context,
        ranked: list[tuple[float, int]],
        top_score: float,
    ) -> bool:
        """A claim whose year the text leaves open links to the one year whose figure it states.

        Only when its year was a guess ("last year", or the year a text about several years
        names most) and its number is precise enough that agreeing by chance is unlikely.
        """
        if not _year_open(doc, claim) or not _precise(claim):
            return False
        context = {*ctx.near, *ctx.rest, *ctx.before}
        found: list[tuple[float, int, int]] = []
        for s, i in ranked[:TOP]:
            if s < SUPPORT_SCORE or s < COMPARABLE * top_score:
                break
            mdoc = self.index.docs[i]
            if not mdoc.mentioned_by(context):
                continue
            for year in sorted(self._years(mdoc)):
                fig = self.figures.find(mdoc.metric, year, mdoc.breakdown, mdoc.breakdown_value)
                fig = stated_figure(replace(claim, fiscal_year=year, base_year=None), fig)
                if fig is not None and fig.value is not None and consistent(claim, fig):
                    found.append((s, i, year))
        if len({(i, year) for _, i, year in found}) != 1:
            return False
        s, i, year = found[0]
        guessed = claim.fiscal_year
        claim.fiscal_year, claim.base_year = year, None
        claim.year_given, claim.year_source = True, "figures"
        self._set(claim, self.index.docs[i], ctx, ranked, s)
        claim.link_reason = "its value, in the one year it agrees with"
        for other in doc.in_sentence(claim.sentence):  # its sentence's other guesses follow
            if other is not claim and not other.year_given and other.fiscal_year == guessed:
                other.fiscal_year, other.base_year = year, None
                other.year_source = "figures"
        was = f" (FY {guessed} was a guess)" if guessed else ""
        claim.year_note = (
            f"the text does not say which year{was}; FY {year} is the only year whose "
            "figure it states"
        )
        return True

    def _years(self, mdoc: MetricDoc) -> set[int]:
        years = self._metric_years.get(mdoc.metric)
        if years is None:
            years = self._metric_years[mdoc.metric] = {
                f.fiscal_year for f in self.figures if f.metric == mdoc.metric
            }
        return years

    def _rank(
        self, score: npt.NDArray[np.float64], kind: str, office: str | None, named: str | None
    ) -> list[tuple[float, int]]:
        """Candidates that fit the kind and office, most relevant first."""
        allowed = self.index.allowed(kind, office) & ~self._blocked
        score = np.where(allowed, score, 0.0)
        if named:
            score = score + NAMED_BONUS * (self.index.headline_of(named) & allowed)
        order = np.flatnonzero(score > 0)
        if len(order) > RANKED:  # only the most relevant can link or come close
            order = order[np.argpartition(-score[order], RANKED)[:RANKED]]
        ranked = sorted(zip(score[order].tolist(), order.tolist(), strict=True), key=_by_rank)
        return ranked

    def _not_computable(
        self,
        score: npt.NDArray[np.float64],
        context: set[str],
        office: str | None,
        top_score: float,
    ) -> str | None:
        """Why the claim cannot be checked, when what it reads most like is a figure the
        sources declare not computable (`yearbook.reconcile`): it is then never
        contradicted by a less relevant metric."""
        if not self.not_computable:
            return None
        mask = self._blocked & self.index.allowed("any", office)
        best, found = 0.0, None
        for i in np.flatnonzero(mask & (score > 0)).tolist():
            mdoc = self.index.docs[i]
            s = float(score[i]) + (MENTION_BONUS if mdoc.named_by(context) else 0.0)
            if s > best:
                best, found = s, mdoc
        if found is None or best < SUPPORT_SCORE or best < top_score:
            return None
        why = self.not_computable[found.metric]
        return f"is about {found.metric}, not computable from this release ({why})"

    def _of_the_whole(
        self, doc: Document, claim: Claim, ranked: list[tuple[float, int]]
    ) -> list[tuple[float, int]]:
        """For "P% of the removals": only shares whose whole counts what the text names."""
        _, _, s_end = doc.sentences[claim.sentence]
        found = _WHOLE.match(doc.text, claim.end, s_end)
        if not found:
            return ranked
        whole = set(self.index.words(" ".join(_object_words(found.group("w")))))
        whole &= self.index.metric_words
        if not whole:
            return ranked
        kept = []
        for s, i in ranked:
            mdoc = self.index.docs[i]
            base = (
                self.index.headline(mdoc.decl.denominator or "") if mdoc.decl.denominator else mdoc
            )
            if base is not None and whole <= base.words | mdoc.words:
                kept.append((s, i))
        return kept

    def _figure(self, claim: Claim, mdoc: MetricDoc) -> float | None:
        if claim.fiscal_year is None:
            return None
        fig = self.figures.find(
            mdoc.metric, claim.fiscal_year, mdoc.breakdown, mdoc.breakdown_value
        )
        fig = stated_figure(claim, fig)
        return fig.value if fig is not None else None

    def _agrees(self, claim: Claim, mdoc: MetricDoc) -> bool:
        if claim.fiscal_year is None:
            return False
        fig = self.figures.find(
            mdoc.metric, claim.fiscal_year, mdoc.breakdown, mdoc.breakdown_value
        )
        fig = stated_figure(claim, fig)
        return fig is not None and fig.value is not None and consistent(claim, fig)

    def _set(
        self,
        claim: Claim,
        mdoc: MetricDoc,
        ctx: _Context,
        ranked: list[tuple[float, int]],
        score: float,
    ) -> None:
        claim.metric, claim.breakdown, claim.breakdown_value = (
            mdoc.metric,
            mdoc.breakdown,
            mdoc.breakdown_value,
        )
        words = self.index.matched(mdoc, ctx.near + ctx.rest + ctx.before)
        claim.link_words = tuple(words[:6])
        claim.link_reason = claim.link_reason or "its words"
        runner = [
            (s, self.index.docs[i])
            for s, i in ranked
            if self.index.docs[i] is not mdoc and self.index.docs[i].metric != mdoc.metric
        ]
        if runner and runner[0][0] >= 0.8 * score:
            s, other = runner[0]
            claim.runner_up = f"{_name(other)} (relevance {s:.1f} against {score:.1f})"

    @staticmethod
    def _unlink(claim: Claim, keep: str | None, why: str) -> None:
        if keep is None:
            claim.metric, claim.breakdown, claim.breakdown_value = None, "", ""
        claim.link_reason = why


def _object_words(tail: str) -> list[str]:
    """The words right after the number, up to the first preposition or verb: its noun."""
    out: list[str] = []
    for word in re.findall(r"[\w'-]+|[^\w\s]", tail)[:4]:
        if word.lower() in _BREAK or not word[0].isalnum():
            break
        out.append(word)
    return out[:3]


def _year_open(doc: Document, claim: Claim) -> bool:
    """Whether the claim's year is a guess: a relative year, or a text-wide default in a text
    that names several years."""
    if claim.year_given or claim.year_note:
        return False
    if claim.fiscal_year is None:
        return True
    return claim.year_source == "relative" or (
        claim.year_source == "document" and len(doc.years_named) > 1
    )


def _precise(claim: Claim) -> bool:
    """Whether the number is precise enough to tell one year's figure from another's."""
    if claim.kind not in ("count", "money", "weight") or abs(claim.value) < 100:
        return False
    iv = as_written(claim) or claim.interval  # as loosely as it is matched
    return (iv.high - iv.low) <= PRECISE * abs(claim.value)


def _by_rank(pair: tuple[float, int]) -> tuple[float, int]:
    return -pair[0], pair[1]


def _compared(doc: Document, claim: Claim) -> str | None:
    """For "up from X", "compared with X": the metric of the value X is compared with."""
    if claim.role != "prior":
        return None
    family = ("percent", "share") if claim.kind in ("percent", "share") else (claim.kind,)
    earlier = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.index < claim.index and c.metric and c.kind in family
    ]
    return earlier[-1].metric if earlier else None


def _exact(claim: Claim) -> bool:
    """An exact, non-round number of three or more digits ("59,011")."""
    iv = claim.interval
    return iv.low == iv.high and abs(claim.value) >= 100 and claim.value % 10 != 0


def _close(claim: Claim, figure: float) -> bool:
    """Whether the number is near enough the figure to be a misstatement of it, not another
    year's: what a claim whose year the text leaves to its context must be to be contradicted."""
    if claim.kind in ("percent", "share") or not figure:
        return True
    return abs(claim.value - figure) <= CLOSE * abs(figure) or digits_shifted(claim.value, figure)


def _comparable(claim: Claim, figure: float, named: bool = False) -> bool:
    """Whether the number could be a wrong statement of the figure (counts only): within a
    factor of `MAGNITUDE` of it (of ten when its clause names the figure and its year), or its
    digits shifted by a power of ten (14,500 as 145,000)."""
    if claim.kind in ("percent", "share"):
        return True
    low, high = sorted((abs(claim.value), abs(figure)))
    if low <= 0:
        return False
    return high / low <= (10.0 if named else MAGNITUDE) or digits_shifted(low, high)


def _name(mdoc: MetricDoc) -> str:
    return f"{mdoc.metric} ({mdoc.breakdown_value})" if mdoc.breakdown else mdoc.metric


def _weak(mdoc: MetricDoc, score: float) -> str:
    return (
        f"matches a figure of {_name(mdoc)}, but the words around it say too little of it "
        f"(relevance {score:.1f})"
    )


def _no_figure(mdoc: MetricDoc, claim: Claim, score: float) -> str:
    if score < SUPPORT_SCORE:
        return "has no metric's words near it"
    year = f"FY {claim.fiscal_year}" if claim.fiscal_year else "the year"
    return f"reads most like {_name(mdoc)}, but no figure of it for {year} agrees or is named"


def _heading(doc: Document, block: int) -> str:
    for b in range(block - 1, -1, -1):
        if doc.blocks[b].kind == "heading":
            return doc.text[doc.blocks[b].start : doc.blocks[b].end]
    return ""


def part_of_something(doc: Document, claim: Claim) -> bool:
    """Whether the number counts a part ("3,406 of the removals", "including 24,000")."""
    text = doc.text
    _, s_start, s_end = doc.sentences[claim.sentence]
    if _PART_OF.match(text, claim.end, s_end):
        return True
    return bool(_INCLUDING.search(text[max(s_start, claim.start - 30) : claim.start]))


def mark_parts(doc: Document) -> None:
    """Parts may be supported by a figure of their own but never contradict the whole's.

    A part: "3,406 of the removals", "including 24,000", or a count after a share in
    its sentence ("47% of removals, totaling 66,800").
    """
    for claim in doc.claims:
        if claim.kind not in ("count", "money", "weight"):
            continue
        after_share = any(
            c.kind in ("share", "percent") and c.index < claim.index
            for c in doc.in_sentence(claim.sentence)
        )
        if part_of_something(doc, claim) or after_share:
            claim.no_contradiction = "it counts a part of something"
