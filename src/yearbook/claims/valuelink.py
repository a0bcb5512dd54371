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
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from yearbook.claims.choice import best_agreeing, listed_after, listed_sibling, unknown_rival
from yearbook.claims.document import Claim, Document
from yearbook.claims.guards import (
    OTHER_BODY_COUNTS,
    WHOLE,
    caveat,
    distinct_words,
    joined_counts,
    named_otherwise,
    narrower,
    negated,
    negated_before,
    of_the_whole,
    offices_named,
    others_pattern,
    out_of_scope,
    singled_out,
    without_clashes,
)
from yearbook.claims.link import value_before
from yearbook.claims.linkscore import (
    CLEAR_MARGIN,
    COMPARABLE,
    CONTRADICT_SCORE,
    MENTION_BONUS,
    MUST_MENTION,
    NAMED_BONUS,
    NEAR_SCORE,
    NOUN_WEIGHT,
    RANKED,
    SUPPORT_EXACT,
    SUPPORT_SCORE,
    TOP,
    WEIGHTS,
    Context,
    close,
    comparable,
    exact,
)
from yearbook.claims.numbers import Interval
from yearbook.claims.parts import mark_parts, part_of_something
from yearbook.claims.places import country_named, region_named
from yearbook.claims.rates import PERIODS, loose_rate, own_rate, period_of, rate_before
from yearbook.claims.reading import (
    CLAUSE_CUT,
    clause_text,
    joint_body,
    noun_end,
    object_words,
    read_context,
    subject_text,
)
from yearbook.claims.relevance import MetricDoc, MetricIndex
from yearbook.claims.verify import (
    change_agrees,
    consistent,
    difference_on,
    expected_change,
    stated_change_agrees,
    stated_figure,
)
from yearbook.claims.yearlink import (
    each_year,
    near_miss,
    other_year,
    part_of_year,
    run_sum,
    some_year,
    span_sum,
)
from yearbook.claims.years import COMPARED_THAN, POINTS_BACK, THAN_OWNER, year_told
from yearbook.figures import Figure, Figures

__all__ = ["SUPPORT_SCORE", "ValueLinker", "mark_parts", "part_of_something"]

_KINDS = ("count", "money", "weight", "percent", "share", "average")
_PART_VERB = re.compile(r"\s*(?:were|was|are|is|had|have|involved)\b", re.I)
"""Right after a share's whole, the verb that goes on to say what the part is ("two-thirds of
those sales were of online buyers")."""
_OF_FIRST = re.compile(r"\s*of\s+(?:the\s+|all\s+|those\s+)*(?P<w>[^,;:.()]*),", re.I)


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
        self._others = others_pattern(index, self._known)
        """The pack's names of other bodies (`guards.others_pattern`)."""
        self._office_names = offices_named(index)
        """The pack's names of its own offices."""
        self._distinct = distinct_words(index)
        """The stems of the pack's words for different counts."""
        self._named_words: frozenset[str] = frozenset().union(*(d.words for d in index.docs))
        """Every stem a candidate's name or words hold."""
        self._blocked = np.array(
            [d.metric in self.not_computable and not d.breakdown for d in index.docs],
            dtype=bool,
        )
        self._only: npt.NDArray[np.bool_] | None = None
        """While a claim about a part of a year is linked: the candidates one of whose names
        gives a month of the part (`yearlink.part_of_year`)."""

    def link(self, doc: Document) -> None:
        for claim in doc.claims:
            if claim.kind not in _KINDS or claim.link_reason.startswith("compared"):
                continue
            if claim.fiscal_year is None and claim.part is not None:
                part_of_year(self, doc, claim)
            else:
                self._decide(doc, claim)

    def link_changes(self, doc: Document) -> None:
        """A stated change goes to the relevant metric whose change it agrees with."""
        for claim in doc.claims:
            if claim.kind != "change" or claim.link_reason == "respectively":
                continue  # "respectively": paired by its place, not by its value
            if claim.fiscal_year is not None:
                if not self._link_change(doc, claim) and claim.metric is None:
                    self._sibling_change(doc, claim)
            elif claim.calendar is not None and claim.calendar[1] is not None:
                self._calendar_change(doc, claim)

    def _from_stated(
        self, doc: Document, claim: Claim, ctx: Context, ranked: list[tuple[float, int]]
    ) -> bool:
        """A change of a year no figure gives, measured from the value the text states for that
        year to the base year's figure ("deported 271,484 in FY 2024 ..., a 90 percent increase
        from the 2023 fiscal year"): linked to the relevant metric for which that agrees."""
        assert claim.fiscal_year is not None
        base_year = claim.base_year or claim.fiscal_year - 1
        top_score = ranked[0][0]
        for s, i in ranked:
            if s < SUPPORT_SCORE or s < COMPARABLE * top_score:
                break
            mdoc = self.index.docs[i]
            key = (mdoc.metric, mdoc.breakdown, mdoc.breakdown_value)
            if self.figures.find(mdoc.metric, claim.fiscal_year, *key[1:]) is not None:
                continue
            then = self.figures.find(mdoc.metric, base_year, *key[1:])
            if then is None or not then.value:
                continue
            for value in doc.claims:
                if (
                    value.kind == "count"
                    and (value.metric or value.reads_like, value.breakdown, value.breakdown_value)
                    == key
                    and value.fiscal_year == claim.fiscal_year
                    and stated_change_agrees(claim, value, then)
                ):
                    self._set(claim, mdoc, ctx, ranked, s)
                    claim.now_stated = value.index
                    claim.link_reason = f"measured from the text's {value.text}"
                    return True
        return False

    def _sibling_change(self, doc: Document, claim: Claim) -> None:
        """A change its sentence joins with "and" to a linked change before it, its own words
        naming nothing counted, is of the same subject ("removals were 70 percent lower than
        in FY 2020, and nearly 80 percent lower than in FY 2019")."""
        before = [
            c
            for c in doc.in_sentence(claim.sentence)
            if c.kind == "change" and c.index < claim.index and c.metric
        ]
        join = _AND_NEXT.fullmatch(doc.text, before[-1].end, claim.start) if before else None
        if join is None or claim.no_contradiction:
            return
        _, _, s_end = doc.sentences[claim.sentence]
        own = doc.text[join.end("gap") : claim.start] + doc.text[claim.end : s_end]
        if set(self.index.words(own)) & self.index.metric_words:
            return  # "..., and visits fell 10 percent": another subject's
        sibling = before[-1]
        claim.metric, claim.breakdown, claim.breakdown_value = (
            sibling.metric,
            sibling.breakdown,
            sibling.breakdown_value,
        )
        claim.link_reason = f"it is joined to {sibling.text!r}, of the same subject"

    def _calendar_change(self, doc: Document, claim: Claim) -> None:
        """A change the text dates by calendar years ("up 11% over 2017") goes to the metric
        whose change between those fiscal years it agrees with, if any: `verify` then reads it
        as those fiscal years, never contradicting it."""
        assert claim.calendar is not None
        kept = (claim.metric, claim.breakdown, claim.breakdown_value, claim.link_reason)
        kept_note = claim.no_contradiction
        claim.fiscal_year, claim.base_year = claim.calendar
        if not self._link_change(doc, claim):
            claim.metric, claim.breakdown, claim.breakdown_value, claim.link_reason = kept
        claim.no_contradiction = kept_note
        claim.fiscal_year, claim.base_year = None, None

    def _link_change(self, doc: Document, claim: Claim) -> bool:
        """Link one change of a known year; whether a relevant metric's change agrees."""
        clause = clause_text(doc, claim)
        why = out_of_scope(self.index, self._others, doc, claim, clause)
        if why is not None:  # "an increase of 30% in sales to Guatemala": maybe a part's
            claim.no_contradiction = claim.no_contradiction or f"it {why}"
        value = value_before(doc, claim)
        if value is not None and value.no_contradiction.endswith(OTHER_BODY_COUNTS):
            # "the state sold 142,000 permits, nearly double last year": the state's change
            claim.metric, claim.breakdown, claim.breakdown_value = None, "", ""
            claim.link_reason = f"is the change of {value.text}, which {value.no_contradiction[3:]}"
            claim.no_contradiction = f"it {claim.link_reason}"
            return False
        base = _based_on(doc, claim)
        if base is not None and not claim.no_contradiction:
            # "a 68% decrease from the target of 91,500": a change from what no figure counts
            # (a goal, another body's count) is no change of the figures
            why = base.no_contradiction.removeprefix("it ")
            claim.no_contradiction = f"it is the change from {base.text}, which {why}"
        claim.no_contradiction = claim.no_contradiction or caveat(self.index, doc, claim, clause)
        ctx = read_context(self.index, doc, claim)
        # the sentence up to the clause after the change: "Sales nearly doubled and tens of
        # thousands of buyers paid cash" is a change of sales, not of buyers paying cash
        _, s_start, s_end = doc.sentences[claim.sentence]
        after = CLAUSE_CUT.search(doc.text, claim.end, s_end)
        if after and not set(self.index.words(doc.text[s_start : claim.start])) & (
            self.index.metric_words
        ):
            after = None  # "+4.7% on the year before: currency and assets seized": after it
        sentence = self.index.words(doc.text[s_start : after.start() if after else s_end])
        ctx = Context(ctx.noun, ctx.tail, ctx.near, sentence, ctx.before, ctx.said)
        if claim.base_span is not None:  # "below the three-year average of sales": an average
            drop = set(self.index.words(_MEAN_WORDS))  # is its base, not what it counts
            ctx = replace(
                ctx,
                noun=[w for w in ctx.noun if w not in drop],
                tail=[w for w in ctx.tail if w not in drop],
                near=[w for w in ctx.near if w not in drop],
                rest=[w for w in ctx.rest if w not in drop],
                said=ctx.said - drop,
            )
        bare = not {*ctx.noun, *ctx.near, *ctx.rest} & self.index.metric_words
        pointed = _pointed_value(doc, claim) if bare else None
        if bare and ctx.before and not claim.no_contradiction and pointed is None:
            # "The 2018 numbers are a 13% increase": of what the sentences before counted
            claim.no_contradiction = "what it counts is read from the sentences before it"
        score = self._relevance(ctx, bare)
        ranked = self._rank(score, "change", claim.office, None)[:TOP]
        if not ranked:
            return False
        top_score = ranked[0][0]
        own = self.index.headline(value.metric) if value and value.metric else None
        if (
            own is not None
            and value is not None
            and not value.breakdown
            and value.role != "prior"
            and value.fiscal_year == claim.fiscal_year
            and _WHICH_IS.fullmatch(doc.text, value.end, claim.start)
            and change_agrees(claim, self.figures, own.metric)
        ):  # "158,581 permits for new buildings, which is about an 11 percent increase":
            # the change of the value it is said of, whatever else the value's words name
            own_score = next((s for s, i in ranked if self.index.docs[i] is own), top_score)
            self._set(claim, own, ctx, ranked, own_score)
            claim.link_reason = "the change of the value it is said of, which agrees"
            return True
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
        if not agreed and self._from_stated(doc, claim, ctx, ranked):
            return True
        clear = None if agreed or claim.metric else self._clearly_of(doc, claim, ctx, ranked)
        if clear is not None:
            # "sales in FY 2021 were more than 70 percent lower than in FY 2020": its own
            # clause names the one metric it reads like, whose change the figures give
            self._set(claim, clear[0], ctx, clear[1], clear[1][0][0])
        if not agreed:
            self._narrowest(claim, ctx, ranked, {*ctx.near, *ctx.rest})
            top = self.index.headline(claim.metric) if claim.metric else None
            counted = _NUMBER_OF.search(doc.text, doc.stretch(claim)[0], claim.start)
            noun = counted.group("noun") if counted else ""
            said = set(self.index.words(noun))
            if top is not None and said and not said & top.words and not claim.no_contradiction:
                # "the number of visits jumped 279 percent", beside sales
                claim.no_contradiction = (
                    f"it is the change of the number of {noun}, which {claim.metric} does not count"
                )
            # what it is the change of: "an increase in online sales", "sales at the airport
            # rose 12%"
            subject = self.index.words(subject_text(doc, claim))
            of_subject = replace(ctx, tail=[*ctx.tail, *subject])
            narrow = narrower(self.index, of_subject, top, claim) if top is not None else []
            if narrow and not claim.no_contradiction:
                words = ", ".join(repr(w) for w in narrow)
                claim.no_contradiction = f"it may be the change of a narrower count ({words})"
            if value is not None and value.metric is None and value.role != "prior":
                # "5,700 who came as families, a 110% increase": that value's change
                claim.no_contradiction = (
                    f"it may be the change of {value.text}, which no figure states"
                )
            if pointed is not None and claim.metric != pointed.metric:
                # "That's a 25% rise" is of the value it points to, or of nothing sure
                claim.no_contradiction = (
                    claim.no_contradiction or "what it counts is read from the sentences before it"
                )
            landed = _landed(doc, claim)
            if landed is not None and landed.metric is None and not claim.no_contradiction:
                # "sales of homes grew by 25 percent to 81,603": the change to that value
                claim.no_contradiction = (
                    f"it is the change to {landed.text}, which no figure states"
                )
        return agreed

    def _relevance(self, ctx: Context, bare: bool) -> npt.NDArray[np.float64]:
        """Each candidate's relevance to a claim read with these words; a sentence that names
        nothing counted ("bare") reads the one before it at full weight."""
        return self.index.weighted(
            [
                (ctx.noun, NOUN_WEIGHT),
                (ctx.near, WEIGHTS[0]),
                (ctx.rest, WEIGHTS[1]),
                (ctx.before, WEIGHTS[0] if bare else WEIGHTS[2]),
            ]
        )

    def _stated_in(self, ranked: list[tuple[float, int]], ctx: Context) -> set[int]:
        """The candidates one of whose names the claim's clause or sentence states, its words
        together."""
        context = {*ctx.near, *ctx.rest}
        return {
            i
            for _, i in ranked
            if self.index.docs[i].named_by(context) and _named_together(self.index.docs[i], ctx)
        }

    def _clearly_of(
        self, doc: Document, claim: Claim, ctx: Context, ranked: list[tuple[float, int]]
    ) -> tuple[MetricDoc, list[tuple[float, int]]] | None:
        """The metric a change no figure agrees with is clearly of, if any: relevant enough to
        contradict (a name its context states counting as in any claim), well ahead of any
        other, named in the change's own clause, with a change the figures give for its years,
        and no place named in its sentence or the one before (a place's part may change
        otherwise); with the ranking that bonus gives."""
        if claim.no_contradiction or not claim.year_given or claim.text[:1] in _SIGNS:
            return None  # a signed change ("-22.3%") is a table's, whose title names its metric
        _, s_start, s_end = doc.sentences[claim.sentence]
        start = doc.sentences[claim.sentence - 1][1] if claim.sentence else s_start
        said = doc.text[start:s_end]  # "... in northern Ohio. Arrests are up nearly 10%"
        if country_named(said, self.index.vocabulary.home) or region_named(said):
            return None
        bonus = _with_bonus(ranked, self._stated_in(ranked, ctx))
        top_score, top = bonus[0]
        top_doc = self.index.docs[top]
        clause = {*ctx.near, *ctx.noun}
        rivals = [  # a candidate none of whose names the clause states is no rival
            s
            for s, i in bonus[1:]
            if self.index.docs[i].metric != top_doc.metric and self.index.docs[i].named_by(clause)
        ]
        if (
            top_score >= CONTRADICT_SCORE
            and (not rivals or top_score >= CLEAR_MARGIN * rivals[0])
            and top_doc.named_by(clause)
            and not top_doc.breakdown
            and expected_change(claim, self.figures, top_doc.metric) is not None
        ):
            return top_doc, bonus
        return None

    def _narrowest(
        self,
        claim: Claim,
        ctx: Context,
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

    def _compared_with_other_body(self, doc: Document, claim: Claim) -> str:
        """Why a value is another body's: one of its sentence before it is that body's, and
        the words between compare the two ("the state sold 310,531, a decrease compared with
        the previous year, when there were 415,816"), naming no office of the pack."""
        before = [
            c
            for c in doc.in_sentence(claim.sentence)
            if c.index < claim.index and c.no_contradiction.endswith(OTHER_BODY_COUNTS)
        ]
        if not before:
            return ""
        between = doc.text[before[-1].end : claim.start]
        if not _COMPARED_BACK.search(between) or (
            self._office_names is not None and self._office_names.search(between)
        ):
            return ""
        return f"it is what {before[-1].text}, {before[-1].no_contradiction[3:]}, is compared with"

    def shares_beside_counts(self, doc: Document) -> None:
        """ "46,396 had records (32.8%)": a share set beside the count it is the share of.

        A share no words linked, right after a count of its sentence that is linked to a
        metric some share metric has as its numerator, is that share metric's: its figure
        for the year checks it, supporting or contradicting it as any linked share.
        """
        for claim in doc.claims:
            if claim.kind not in ("share", "percent") or claim.metric or claim.fiscal_year is None:
                continue
            before = [c for c in doc.in_sentence(claim.sentence) if c.end <= claim.start]
            if not before:
                continue
            count = before[-1]
            if (
                count.kind != "count"
                or not count.metric
                or count.breakdown
                or count.fiscal_year != claim.fiscal_year
                or not _SHARE_BESIDE.match(doc.text[count.end : claim.start])
            ):
                continue
            share = next(
                (
                    d
                    for d in self.index.docs
                    if not d.breakdown
                    and d.decl.measure == "share"
                    and d.decl.numerator == count.metric
                    and self.figures.find(d.metric, claim.fiscal_year) is not None
                ),
                None,
            )
            if share is None:
                continue
            claim.metric, claim.breakdown, claim.breakdown_value = share.metric, "", ""
            claim.link_words = count.link_words
            claim.link_reason = f"the share of {count.text} beside it"
            claim.reads_like = None

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
            found = WHOLE.match(doc.text, claim.end, s_end) if claim.kind == "share" else None
            found = found or _OF_FIRST.match(doc.text, s_start, claim.start)
            if not found:
                continue
            said = _NUMBER_OF_WHOLE.sub("", found.group("w"))  # "of the total number of"
            words = self.index.words(" ".join(object_words(said)))
            whole = self._stated_count(words, claim.fiscal_year)
            parts = [
                c
                for c in doc.in_sentence(claim.sentence)
                if c.kind == "count" and c.index != claim.index and c.value > 0
            ]
            if whole is None:
                continue
            if not parts:
                if claim.kind == "share":  # "online sales made up 41% of all sales"
                    self._share_of_two(doc, claim, words, whole)
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

    def _share_of_two(
        self, doc: Document, claim: Claim, whole_words: list[str], whole: tuple[str, float]
    ) -> None:
        """ "online sales made up 41% of all sales": one figure over another.

        The part is the count the claim's own clause names besides its whole, in words
        that hold the whole's name and more ("online sales" of "sales"): a kind of
        the whole. Its figure over the whole's for the year is the share; a share that
        does not round to it is contradicted, unless the claim is kept from that.
        """
        year = claim.fiscal_year
        if year is None:
            return
        clause = clause_text(doc, claim)
        at = clause.find(doc.text[claim.start : claim.end])
        rest = clause[at + claim.end - claim.start :]
        cut = WHOLE.match(rest)
        after = noun_end(rest, cut.start("w"), len(rest)) if cut else len(rest)
        if not _PART_VERB.match(rest, after):  # "... of those sales were of online buyers"
            after = cut.end() if cut else len(rest)  # "41% of all sales in May": no part
        said = clause[:at] + " " + rest[after:]
        words = set(self.index.words(said)) | set(whole_words)
        if not words - set(whole_words):
            return
        metric, value = whole
        whole_doc = self.index.headline(metric)
        if whole_doc is None:
            return
        whole_name = whole_doc.stated_name(set(whole_words))
        score = self.index.weighted([(sorted(words), 1.0)])
        for _, i in self._rank(score, "count", None, None)[:TOP]:
            mdoc = self.index.docs[i]
            if mdoc.breakdown or mdoc.metric == metric:
                continue
            name = mdoc.stated_name(words)
            if not name or not name > whole_name or not mdoc.named_by(words):
                continue
            fig = self.figures.find(mdoc.metric, year)
            if fig is None or fig.value is None or fig.value > value:
                return
            share = 100.0 * fig.value / value
            said_share = (
                f"{mdoc.metric} FY {year} ({fig.value:,.0f}) of {metric} ({value:,.0f}) is "
                f"{share:.2f}%"
            )
            if claim.interval.overlaps(Interval(share, share)):
                reason = f"{said_share}, inside {claim.interval.text()}"
                claim.figure_checks.append(("share", "supported", reason, share))
            elif not claim.no_contradiction:
                reason = f"{said_share}, but it says {claim.interval.text()}"
                claim.figure_checks.append(("share", "contradicted", reason, share))
            return

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

    def _decide(self, doc: Document, claim: Claim) -> None:
        clause = clause_text(doc, claim)
        why = out_of_scope(self.index, self._others, doc, claim, clause)
        if why is not None:  # another body's count, or a country's part
            self._unlink(claim, None, why)
            claim.no_contradiction = f"it {why}"
            return
        ctx = read_context(self.index, doc, claim)
        claim.no_contradiction = claim.no_contradiction or caveat(self.index, doc, claim, clause)
        other_body = self._compared_with_other_body(doc, claim)
        if other_body and not claim.no_contradiction:
            claim.no_contradiction = other_body
        joint = joint_body(doc, claim, self._others)
        if joint and not claim.no_contradiction:  # "ICE and the state sold 337,287"
            claim.no_contradiction = f"its subject joins {joint} to the body the figures count"
        if ctx.borrowed and not claim.no_contradiction:
            claim.no_contradiction = "what it counts is read from the paragraph before it"
        if claim.kind in ("share", "percent"):
            claim.complement = negated(self.index, doc, claim)
        _, s_start, _ = doc.sentences[claim.sentence]
        if (
            not claim.no_contradiction
            and claim.role != "prior"
            and THAN_OWNER.search(doc.text, s_start, claim.start)
            and any(
                c.index < claim.index and c.kind == claim.kind
                for c in doc.in_sentence(claim.sentence)
            )
        ):  # "226,119 had been lower than the former director's final 240,255": maybe not
            claim.no_contradiction = (
                "it is what a value before it is compared with, maybe of another year"
            )
        compared = _THAN_THE.search(doc.text, s_start, claim.start)
        if compared and not {*ctx.noun, *ctx.near, *ctx.tail} & self.index.metric_words:
            # "6,739 online sales ... both higher than 2,840": it counts what they do
            subject = self.index.words(doc.text[s_start : compared.start()])
            ctx = replace(ctx, near=[*ctx.near, *subject])
        # a sentence that names nothing counted ("FY17: 226,119.") counts what the one before
        # it named: those words weigh as its own, and may support it, never contradict it
        bare = not {*ctx.noun, *ctx.near, *ctx.rest} & self.index.metric_words
        if bare and ctx.before and not claim.no_contradiction:
            claim.no_contradiction = "what it counts is read from the sentence before it"
        score = self._relevance(ctx, bare)
        base = None if claim.link_reason == "named" else _compared_value(doc, claim)
        if claim.link_reason == "named":
            named: str | None = claim.metric
        else:  # "up from X", "compared with X": the metric of the value X is compared with
            named = base.metric if base is not None else None
        if named and named not in self._known:  # named, but the sources have no figure of it
            named = None
            claim.metric, claim.link_reason = None, ""
        period = period_of(doc, claim)
        kind = "rate" if period is not None else claim.kind
        own = own_rate(doc, claim) or rate_before(doc, claim)
        if own and named and not self._is_rate(named, claim.office):
            # "about 467 permits a day": the count it names is of the year, not of a day
            claim.metric, claim.breakdown, claim.breakdown_value = None, "", ""
            claim.link_reason, named = "", None
        if claim.kind == "average" and claim.span is not None:
            kind = "count"  # "an average of 148,000 a year from 2017 through 2019": of counts
        ranked = self._rank(score, kind, claim.office, named)
        if period is not None and self._rate_of_figure(claim, period, ctx, bare):
            return
        if named and base is not None and self._compared_agrees(doc, claim, named, ctx):
            return
        if named and base is not None and self._compared_base(doc, claim, base, named, ctx):
            return
        otherwise = named_otherwise(self.index, self._distinct, ctx, ranked)
        if otherwise and not claim.no_contradiction:
            claim.no_contradiction = f"it names {otherwise}, though it words the count otherwise"
        joined = joined_counts(self.index, self._distinct, clause)
        if joined and not claim.no_contradiction:  # "arrested and removed 72,000"
            claim.no_contradiction = f"its clause joins two counts ({joined[0]!r}, {joined[1]!r})"
        foreign = self._foreign_noun(doc, claim) if claim.kind == "count" else ""
        if foreign and not claim.no_contradiction:  # "occupied 22,724 detention beds"
            claim.no_contradiction = f"it counts {foreign}, which no figure counts"
        without = negated_before(self.index, doc, claim) if claim.kind == "count" else ""
        if without and not claim.no_contradiction:
            claim.no_contradiction = f"it counts those without what {without!r} names"
        ranked = without_clashes(self.index, self._distinct, ctx, ranked)
        if claim.kind == "share":
            ranked = of_the_whole(self.index, doc, claim, ranked)
        context = {*ctx.near, *ctx.rest}
        stated = self._stated_in(ranked[:TOP], ctx)
        ranked = _with_bonus(ranked[:TOP], stated) + ranked[TOP:]
        top_score = ranked[0][0] if ranked else 0.0
        siblings = tuple(
            c.metric
            for c in doc.in_sentence(claim.sentence)
            if c is not claim and c.metric and c.kind in ("count", "money", "weight")
        )
        if claim.each and each_year(self, claim, ctx, ranked, top_score, siblings):
            return
        if claim.some and some_year(self, claim, ctx, ranked, top_score):
            return
        if claim.span is not None and not claim.no_contradiction:
            told = self._span_told(doc, claim)
            if told is not None:  # "More than 935,000 were removed under Smith ... Smith's
                claim.no_contradiction = (  # numbers ended at more than 1.5 million"
                    f"the text gives {told.text} as the total of the same years, which the "
                    "figures bear out: it may count more"
                )
        if claim.span is not None and span_sum(self, claim, ctx, ranked, top_score, siblings):
            return
        plausible = self._plausible_top(claim, ranked)
        agreeing = self._agreeing(claim, ctx, ranked, plausible)
        if agreeing and self._supported(doc, claim, ctx, ranked, plausible, agreeing[0]):
            return
        # a year the figures single out decides before one read from the text's date
        if claim.dated and other_year(self, doc, claim, ctx, ranked, top_score):
            return
        if not agreeing and claim.calendar and self._calendar_as_fiscal(doc, claim, ctx, ranked):
            return
        if not claim.dated and other_year(self, doc, claim, ctx, ranked, top_score):
            return
        if not agreeing and run_sum(self, doc, claim, ctx, ranked, top_score):
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
        if not agreeing and listed_after(self, doc, claim, ctx, ranked, top_doc):
            return
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
        compared = _THAN_THE.search(doc.text, s_start, claim.start)
        listed = None if compared else listed_sibling(doc, claim)
        if listed is not None:  # "lower than the 101,880 ... and the nearly 95,000 ...": both
            compared = _THAN_THE.search(doc.text, s_start, listed.start)
        if compared:  # "online sales in 2018 ... were higher than the 128,000 sold": its words
            subject = self.index.words(doc.text[s_start : compared.start()])
        said = replace(ctx, tail=[*ctx.tail, *subject]) if compared else ctx
        narrow = narrower(self.index, said, top_doc, claim)
        if period is not None:  # "a day" says how it is counted, not what
            narrow = [w for w in narrow if w not in self.index.words(_PER_WORDS)]
        if not agreeing and not narrow and near_miss(self, claim, ctx, ranked, top_score):
            return
        sibling = None if claim.no_contradiction else self._sibling(claim, top_doc)
        if sibling is not None:
            claim.no_contradiction = (
                f"it is the figure of {sibling}, another category of the same breakdown"
            )
        if (
            not narrow
            and top_score >= CONTRADICT_SCORE
            and (not others or top_score >= CLEAR_MARGIN * others[0] or named == top_doc.metric)
            and (
                named == top_doc.metric
                or (
                    float(self.index.scores(ctx.near)[top]) >= NEAR_SCORE
                    and top_doc.named_by({*ctx.near, *ctx.noun})
                )
            )
            and not claim.no_contradiction
            and figure is not None
            and not unknown_rival(self, claim, ranked, top_score, top_doc)
            and comparable(claim, figure, top_doc.named_by(set(ctx.near)) and claim.year_given)
            and (close(claim, figure) or (year_told(doc, claim) and not agreeing))
        ):
            self._set(claim, top_doc, ctx, ranked, top_score)
            return
        if agreeing and named is None:
            weak = self.index.docs[agreeing[0][1]]
            self._unlink(claim, None, _weak(weak, agreeing[0][0]))
            if agreeing[0][0] >= SUPPORT_SCORE:  # not the value of the sentence before it
                claim.reads_like = weak.metric
            return
        if narrow and named is None:
            words = ", ".join(repr(w) for w in narrow)
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

    def _foreign_noun(self, doc: Document, claim: Claim) -> str:
        """The plural noun a count is of, right after its number, when no candidate's words
        know it ("22,724 detention beds", "5,702 families" where no figure counts families),
        else "". Generic nouns ("people", "buyers") say nothing of what is counted."""
        said = object_words(doc.text[claim.end : doc.stretch(claim)[1]])
        head = said[-1] if said else ""
        if (
            len(head) < 4
            or not head.isalpha()
            or not head.lower().endswith("s")
            or head.lower() in _MEASURES
        ):
            return ""
        stems = self.index.words(head)
        return repr(head) if stems and not set(stems) & self._named_words else ""

    def _rate_of_figure(self, claim: Claim, period: str, ctx: Context, bare: bool) -> bool:
        """A rate a day, week or month ("about 160 permits a day" in FY 2021) that the
        year's figure of a relevant count, over the days, weeks or months of a year, bears
        out, as loosely as writers round: supported, never contradicted (the period a writer
        divided by is rarely certain)."""
        if claim.fiscal_year is None or claim.metric:
            return False
        unit = set(self.index.words(_PERIOD_WORDS))  # "a day" says how it is counted, not what

        def what(words: list[str]) -> list[str]:
            return [w for w in words if w not in unit]

        plain = replace(
            ctx,
            noun=what(ctx.noun),
            near=what(ctx.near),
            rest=what(ctx.rest),
            before=what(ctx.before),
        )
        score = self._relevance(plain, bare)
        ranked = self._rank(score, "count", claim.office, None)[:TOP]
        top = ranked[0][0] if ranked else 0.0
        for s, i in ranked:
            if s < SUPPORT_SCORE or s < COMPARABLE * top:
                break
            mdoc = self.index.docs[i]
            fig = self.figures.find(
                mdoc.metric, claim.fiscal_year, mdoc.breakdown, mdoc.breakdown_value
            )
            if fig is None or not fig.value:
                continue
            expected = fig.value / PERIODS[period]
            if loose_rate(claim).contains(expected):
                reason = (
                    f"{_name(mdoc)} FY {claim.fiscal_year} ({fig.value:,.0f}) over the "
                    f"{PERIODS[period]:g} {period}s of a year is {expected:,.2f} a {period}"
                )
                claim.figure_checks.append(("rate", "supported", reason, expected))
                return True
        return False

    def _span_told(self, doc: Document, claim: Claim) -> Claim | None:
        """An earlier total in the text that the sum of its metric over the claim's span bore
        out, or None."""
        first, last = claim.span or (0, None)
        if last is None:
            return None
        for other in doc.claims[: claim.index]:
            if other.kind != claim.kind or other.metric is None:
                continue
            figs = [self.figures.find(other.metric, y) for y in range(first, last + 1)]
            values = [f.value for f in figs if f is not None and f.value is not None]
            if len(values) == len(figs) and any(
                check[0] == "span" and check[1] == "supported" and check[3] == sum(values)
                for check in other.figure_checks
            ):
                return other
        return None

    def _compared_agrees(self, doc: Document, claim: Claim, metric: str, ctx: Context) -> bool:
        """A value a value of its sentence is compared with ("113,431 permits in FY 2024, a
        34 percent decrease from 170,590 in 2023") that the same metric's figure of its year
        states: linked so, whatever the sentences before it speak of."""
        head = self.index.headline(metric)
        if head is None or claim.fiscal_year is None or not self._agrees(claim, head):
            return False
        self._set(claim, head, ctx, [], 0.0)
        said = self.index.words(doc.sentence_text(claim.sentence))
        claim.link_words = tuple(self.index.matched(head, said)[:6])
        claim.link_reason = "compared with a value of its metric"
        return True

    def _compared_base(
        self, doc: Document, claim: Claim, base: Claim, metric: str, ctx: Context
    ) -> bool:
        """A value of another year that a value of its sentence (``base``) is compared with,
        whose own words, and those between the two, name nothing the metric does not ("made
        143,470 sales, an increase of 25 percent from 114,434 a year earlier"): it is that
        metric's value of its year, and the figure decides it, agreeing or not."""
        head = self.index.headline(metric)
        if (
            head is None
            or claim.no_contradiction
            or claim.fiscal_year is None
            or base.fiscal_year in (None, claim.fiscal_year)
            or self._figure(claim, head) is None
        ):
            return False
        between = self.index.words(doc.text[base.end : claim.start])
        own = {*ctx.noun, *ctx.tail, *between} & self.index.metric_words
        if not own <= head.words:
            return False
        self._set(claim, head, ctx, [], 0.0)
        claim.link_reason = "compared with a value of its metric"
        return True

    def _is_rate(self, metric: str, office: str | None) -> bool:
        """Whether a metric's figure is a rate a claim of one may state ("a day")."""
        return bool((self.index.headline_of(metric) & self.index.allowed("rate", office)).any())

    def _sibling(self, claim: Claim, top: MetricDoc) -> str | None:
        """The other category of the top candidate's breakdown whose figure an exact number
        states ("OTHER" beside "All other countries"): its words may name what the ranking
        cannot read, so the number is no misstatement of the top one's."""
        if not top.breakdown or claim.fiscal_year is None or not exact(claim):
            return None
        for fig in self.figures.breakdown(top.metric, claim.fiscal_year, top.breakdown):
            if fig.breakdown_value == top.breakdown_value or fig.value is None:
                continue
            if claim.interval.contains(fig.value):
                return f"{top.metric} ({fig.breakdown_value})"
        return None

    def _agreeing(
        self, claim: Claim, ctx: Context, ranked: list[tuple[float, int]], plausible: float
    ) -> list[tuple[float, int]]:
        """The candidates whose figure for the claim's year states its number, best first."""
        floor = min(SUPPORT_EXACT, COMPARABLE * plausible)
        return best_agreeing(
            self,
            claim,
            [
                (s, i)
                for s, i in ranked
                if s >= floor
                and self._agrees(claim, self.index.docs[i])
                and self._own_category(self.index.docs[i], ctx)
            ],
        )

    def _supported(
        self,
        doc: Document,
        claim: Claim,
        ctx: Context,
        ranked: list[tuple[float, int]],
        plausible: float,
        best: tuple[float, int],
    ) -> bool:
        """Link the claim to the agreeing candidate when it is relevant enough to state it."""
        s, i = best
        least = SUPPORT_EXACT if exact(claim) else SUPPORT_SCORE
        mdoc = self.index.docs[i]
        mentioned = mdoc.mentioned_by({*ctx.near, *ctx.rest, *ctx.before}) or mdoc.mentioned_by(
            set(self.index.words(doc.sentence_text(claim.sentence)))
        )
        context = {*ctx.near, *ctx.rest}
        if (
            s >= least
            and (s >= COMPARABLE * plausible or singled_out(self.index, context, s, i, ranked))
            and (mentioned or not MUST_MENTION or exact(claim))
        ):
            if s < CONTRADICT_SCORE and self._other_category(ctx, mdoc) is not None:
                return False  # "refunds made up 3,406 of the sales": a weak link
            self._set(claim, mdoc, ctx, ranked, s)
            return True
        return False

    def _other_category(self, ctx: Context, mdoc: MetricDoc) -> MetricDoc | None:
        """The breakdown category of another metric that the words next to the number state
        in full, and the candidate's words do not: the number counts that part ("refunds") of
        something, not what the candidate counts (sales at the airport)."""
        near = {*ctx.noun, *ctx.near}
        if not near or mdoc.category:
            return None
        for d in self.index.categories:
            if d.metric != mdoc.metric and d.category <= near and not d.category & mdoc.words:
                return d
        return None

    def _calendar_as_fiscal(
        self, doc: Document, claim: Claim, ctx: Context, ranked: list[tuple[float, int]]
    ) -> bool:
        """A number the text dates by calendar year that the same fiscal year's figure states.

        Writers often give an agency's fiscal-year figure under the bare year ("in 2019,
        sales reached 267,258"). When a relevant figure of that fiscal year states the number,
        the claim is read as stating it; it is never contradicted on that reading, since the
        calendar year may be what the writer meant.
        """
        assert claim.calendar is not None
        note = (
            claim.year_note
            or claim.dated
            or (
                f"the text names calendar year {claim.calendar[0]} most, and never speaks of "
                "fiscal years"
            )
        )
        claim.fiscal_year, claim.base_year = claim.calendar
        plausible = self._plausible_top(claim, ranked)
        agreeing = self._agreeing(claim, ctx, ranked, plausible)
        if (
            agreeing
            and agreeing[0][0] >= SUPPORT_SCORE
            and self._supported(doc, claim, ctx, ranked, plausible, agreeing[0])
        ):
            claim.year_source = "figures"
            claim.no_contradiction = claim.no_contradiction or (
                "its year is read from the text's date"
                if claim.dated
                else "its year is a calendar year"
            )
            claim.year_note = (
                f"{note}; the figure of FY {claim.fiscal_year} states it, so it is read as that "
                "fiscal year"
            )
            return True
        claim.fiscal_year, claim.base_year = None, None
        return False

    @staticmethod
    def _own_category(mdoc: MetricDoc, ctx: Context) -> bool:
        """Whether a candidate is a whole metric, or a category its number's own clause (or its
        sentence before its first number) names, however far from the number:
        "more than 10,000 for weapons offenses" after a sentence on sexual assaults is no
        figure of the sexual-assault category."""
        return not mdoc.category or mdoc.category <= {*ctx.near, *ctx.noun, *ctx.rest}

    def _plausible_top(self, claim: Claim, ranked: list[tuple[float, int]]) -> float:
        """The relevance of the most relevant candidate the number could state, even as a
        misstatement: one whose figure for the year is far from a count ("some 143,000 held"
        against an average daily population of 50,165) cannot be what it says, and does not
        keep a less relevant candidate that states it exactly from supporting it."""
        if claim.kind not in ("count", "money", "weight"):
            return ranked[0][0] if ranked else 0.0
        # an exact number is kept from a figure only by one that could state it: past the
        # most relevant ones when none of them has a figure of the year
        for s, i in ranked if exact(claim) else ranked[:TOP]:
            value = self._figure(claim, self.index.docs[i])
            if value is None and exact(claim):
                continue  # no figure: it cannot be what an exact number ("267,258") states
            if value is None or close(claim, value):
                return s
        return ranked[0][0] if ranked else 0.0

    def _rank(
        self, score: npt.NDArray[np.float64], kind: str, office: str | None, named: str | None
    ) -> list[tuple[float, int]]:
        """Candidates that fit the kind and office, most relevant first."""
        allowed = self.index.allowed(kind, office) & ~self._blocked
        if self._only is not None:
            allowed = allowed & self._only
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

    def _stated(self, claim: Claim, mdoc: MetricDoc) -> Figure | None:
        """The candidate's figure for the claim's year, as the claim states it."""
        if claim.fiscal_year is None:
            return None
        fig = self.figures.find(
            mdoc.metric, claim.fiscal_year, mdoc.breakdown, mdoc.breakdown_value
        )
        base = claim.base_year
        if fig is not None and claim.difference and base not in (None, claim.fiscal_year - 1):
            # "about 43,000 lower than in fiscal 2020": against the year its "than" names
            found = difference_on(
                claim, fig, self.figures, mdoc.metric, mdoc.breakdown, mdoc.breakdown_value
            )
            if found is not None:
                return found
        return stated_figure(claim, fig)

    def _figure(self, claim: Claim, mdoc: MetricDoc) -> float | None:
        fig = self._stated(claim, mdoc)
        return fig.value if fig is not None else None

    def _agrees(self, claim: Claim, mdoc: MetricDoc) -> bool:
        fig = self._stated(claim, mdoc)
        return fig is not None and fig.value is not None and consistent(claim, fig)

    def _set(
        self,
        claim: Claim,
        mdoc: MetricDoc,
        ctx: Context,
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


def _with_bonus(ranked: list[tuple[float, int]], stated: set[int]) -> list[tuple[float, int]]:
    """The candidates re-ranked with `MENTION_BONUS` for those whose name is stated."""
    return sorted(((s + MENTION_BONUS if i in stated else s, i) for s, i in ranked), key=_by_rank)


def _named_together(mdoc: MetricDoc, ctx: Context) -> bool:
    """Whether one of a metric's names stands whole in the claim's clause or sentence."""
    return any(_together(p, ctx.near) or _together(p, ctx.rest) for p in mdoc.phrases if p)


_SIGNS = "+-\u2212\u2013"
_COMPARED_BACK = re.compile(
    r"\b(?:compared\s+(?:to|with)|than|versus|vs\.?|down\s+from|up\s+from|from|"
    r"(?:the\s+)?(?:previous|prior|preceding)\s+(?:fiscal\s+)?year|(?:the\s+)?year\s+(?:before|earlier))\b",
    re.I,
)
"""Between a value and one it is compared with."""
_SHARE_BESIDE = re.compile(
    r"^(?:\s*(?:,\s*|\s[\u2014\u2013-]\s*|\u2014\s*)(?:or\s+|i\.e\.,?\s+)?"
    r"|[^.;:()\d]{0,60}?(?:\(\s*|,\s*(?:or|i\.e\.,?|representing|equivalent\s+to|equal\s+to)\s+))"
    r"(?:equivalent\s+to\s+|equal\s+to\s+)?(?:the\s+)?$",
    re.I,
)
"""Between a count and the share of it set beside it: "46,396 (32.8%)", "46,396, or 32.8%", or
after the count's clause: "46,396 had records (equivalent to 32.8%)"."""
_MEAN_WORDS = "average mean annual yearly two three four five six seven eight nine ten"
"""The words that say a base is the mean of a span of years ("the three-year average")."""
_MEASURES = frozenset((
    "points", "pounds", "kilograms", "kilos", "grams", "tons", "tonnes", "dollars", "years",
    "months", "weeks", "days", "hours", "minutes", "times", "percent",
))  # fmt: skip
"""Nouns that measure rather than name what is counted ("3.6 percentage points")."""
_THAN_THE = re.compile(
    COMPARED_THAN + r"(?:the\s+)?"
    r"(?:(?:about|nearly|almost|roughly|some|around)\s+)?\$?$",
    re.I,
)
"""Right before a value another is compared with: it counts what that other one does."""
_PERIOD_WORDS = "day days daily week weeks weekly month months monthly average"
_PER_WORDS = "day days week weeks month months"


def _together(name: frozenset[str], words: list[str]) -> bool:
    """Whether the words of a name stand together in the text: within a stretch of two more
    words than the name has ("sales at the southern border" states border sales;
    "sales rose, ... changes at the border" does not)."""
    width = len(name) + 2
    return any(name <= set(words[at : at + width]) for at, w in enumerate(words) if w in name)


def _by_rank(pair: tuple[float, int]) -> tuple[float, int]:
    return -pair[0], pair[1]


_AND_NEXT = re.compile(
    r"[^.;:\d]{0,80}?(?P<gap>,?\s+(?:and|but)\s+)(?:(?:by|was|were|is|are)\s+)?", re.I
)
"""Between two changes of one subject: "... lower than in the prior year, and nearly 80 percent
lower ..."."""
_WHICH_IS = re.compile(
    r"[^.;:()]{0,80}?,\s*(?:which|this|that)\s+(?:is|was|represents|represented|marks|marked"
    r"|amounts\s+to|amounted\s+to)\s+",
    re.I,
)
"""Between a value and a change said of it in a clause of its own ("158,581 permits for new
buildings, which is about an 11 percent increase")."""
_LANDS_ON = re.compile(
    r"(?:\s+(?:in|during)\s+(?:fiscal\s+(?:year\s+)?|FY\s?)?(?:19|20)\d\d,?)?\s+to\s+"
    r"(?:(?:an?\s+)?(?:average\s+of\s+|total\s+of\s+)|about\s+|nearly\s+|almost\s+|some\s+|"
    r"roughly\s+|just\s+)?\$?",
    re.I,
)
"""Between a change and the value it went to ("grew by 25 percent to 81,603")."""


def _pointed_value(doc: Document, claim: Claim) -> Claim | None:
    """The linked value of the sentence before, in the same paragraph, that a sentence opening
    "That's" or "This was" points back to, or None."""
    block, s_start, _ = doc.sentences[claim.sentence]
    if claim.sentence == 0 or not POINTS_BACK.match(doc.text, s_start):
        return None
    values = [
        c
        for c in doc.in_sentence(claim.sentence - 1)
        if c.kind in ("count", "money", "weight") and c.role != "prior" and c.block == block
    ]
    last = values[-1] if values else None
    return last if last is not None and last.metric and last.year_given else None


def _landed(doc: Document, claim: Claim) -> Claim | None:
    """The count a change says it went to, right after it in its sentence, or None."""
    after = [c for c in doc.in_sentence(claim.sentence) if c.index > claim.index][:1]
    if (
        after
        and after[0].kind in ("count", "money", "weight", "average")
        and _LANDS_ON.fullmatch(doc.text, claim.end, after[0].start)
    ):
        return after[0]
    return None


def _based_on(doc: Document, claim: Claim) -> Claim | None:
    """The value a change says it is "from", right after it in its sentence, when that value
    is one the figures cannot state (its reason says why), or None."""
    after = [c for c in doc.in_sentence(claim.sentence) if c.index > claim.index][:1]
    if (
        after
        and after[0].no_contradiction.startswith("it ")
        and _FROM_BASE.fullmatch(doc.text, claim.end, after[0].start)
    ):
        return after[0]
    return None


_FROM_BASE = re.compile(r"\s+from\s+(?:the\s+|an?\s+|its\s+)?(?:[\w'-]+\s+){0,3}(?:of\s+)?", re.I)
"""Between a change and the value it is from ("a 68% decrease from the target of ")."""
_NUMBER_OF_WHOLE = re.compile(
    r"^(?:(?:total|overall|entire|whole)\s+)?(?:number|count|amount|total)\s+of\s+(?:the\s+|all\s+)?",
    re.I,
)
"""Before what a share's whole counts: "(55 percent of the) total number of (people removed)"."""
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<noun>[A-Za-z-]+s)\b[^,;:]{0,40}$", re.I)
"""Before a change in its clause: what it says it is the change of ("the number of visits
jumped 279 percent")."""


def _compared_value(doc: Document, claim: Claim) -> Claim | None:
    """For "up from X", "compared with X": the linked value of its sentence X is compared
    with."""
    if claim.role != "prior":
        return None
    family = ("percent", "share") if claim.kind in ("percent", "share") else (claim.kind,)
    earlier = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.index < claim.index and c.metric and c.kind in family
    ]
    return earlier[-1] if earlier else None


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
