"""Claims whose year or span the text leaves to the figures, and near misses.

* A claim whose year is a guess links to the one year whose figure it states (`other_year`).
* A count over a span of years is checked against the sums of a metric over such spans
  (`span_sum`).
* A precise number a hair off a relevant figure is that figure's misstatement (`near_miss`).
* A claim about a part of a year may state a figure of that part (`part_of_year`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

import numpy as np
import numpy.typing as npt

from yearbook.claims.document import Claim, Document
from yearbook.claims.linkscore import (
    CLEAR_MARGIN,
    COMPARABLE,
    CONTRADICT_SCORE,
    MAGNITUDE,
    NEAR_MISS,
    SUPPORT_SCORE,
    TOP,
    Context,
    exact,
    precise,
    year_open,
)
from yearbook.claims.numbers import Interval, at_least, qualifier_side
from yearbook.claims.relevance import MONTHS, MetricDoc, MetricIndex
from yearbook.claims.verify import consistent, matched_reading, stated_figure
from yearbook.figures import Figure, Figures


class Linking(Protocol):
    """What these rules need of the linker (`yearbook.claims.valuelink.ValueLinker`)."""

    index: MetricIndex
    figures: Figures
    _metric_years: dict[str, set[int]]
    _known: set[str]
    _only: npt.NDArray[np.bool_] | None

    def _figure(self, claim: Claim, mdoc: MetricDoc) -> float | None: ...

    def _stated(self, claim: Claim, mdoc: MetricDoc) -> Figure | None: ...

    def _agrees(self, claim: Claim, mdoc: MetricDoc) -> bool: ...

    def _decide(self, doc: Document, claim: Claim) -> None: ...

    def _set(
        self,
        claim: Claim,
        mdoc: MetricDoc,
        ctx: Context,
        ranked: list[tuple[float, int]],
        score: float,
    ) -> None: ...


__all__ = [
    "each_year",
    "near_miss",
    "other_year",
    "part_of_year",
    "run_sum",
    "span_sum",
    "years_of",
]

_YEAR_NAMED = re.compile(r"\b(?:19|20)\d\d\b|\bFY\s?'?\d\d\b", re.I)
"""A year the sentence names in figures: a change then keeps the years it gives."""

HAIR = 0.001
"""How close an exact number whose year the text leaves open must be to one year's figure to
be its misstatement (a wrong last digit or two), not another count."""
LONGEST_RUN = 8
"""The most consecutive fiscal years a total the text does not date may add up (two terms)."""


def _mentioned(
    linker: Linking,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top_score: float,
    least: float = SUPPORT_SCORE,
    whole: bool = False,
) -> list[tuple[float, int]]:
    """The candidates relevant enough to be what the claim states (at least ``least``, and
    comparable to the most relevant) whose names its context mentions; with ``whole``, only
    whole metrics, no breakdown category."""
    context = {*ctx.near, *ctx.rest, *ctx.before}
    out: list[tuple[float, int]] = []
    for s, i in ranked[:TOP]:
        if s < least or s < COMPARABLE * top_score:
            break
        mdoc = linker.index.docs[i]
        if (whole and mdoc.breakdown) or not mdoc.mentioned_by(context):
            continue
        out.append((s, i))
    return out


def other_year(
    linker: Linking,
    doc: Document,
    claim: Claim,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top_score: float,
) -> bool:
    """A claim whose year the text leaves open links to the one year whose figure it states.

    Only when its year was a guess ("last year", or the year a text about several years
    names most) and its number is precise enough that agreeing by chance is unlikely. An
    exact number that no year's figure states but that one year's misses by a hair (0.1%:
    "256,086 were sold last year", against 256,085) links to that year, which
    contradicts it.
    """
    if not year_open(doc, claim) or not precise(claim):
        return False
    found: list[tuple[float, int, int]] = []
    hairs: list[tuple[float, int, int]] = []
    for s, i in _mentioned(linker, ctx, ranked, top_score):
        mdoc = linker.index.docs[i]
        for year in sorted(years_of(linker, mdoc)):
            fig = linker.figures.find(mdoc.metric, year, mdoc.breakdown, mdoc.breakdown_value)
            fig = stated_figure(replace(claim, fiscal_year=year, base_year=None), fig)
            if fig is None or fig.value is None:
                continue
            if consistent(claim, fig):
                found.append((s, i, year))
            elif exact(claim) and abs(claim.value - fig.value) <= HAIR * abs(fig.value):
                hairs.append((s, i, year))
    if not found and len({(i, y) for _, i, y in hairs}) == 1 and hairs[0][0] >= CONTRADICT_SCORE:
        found = hairs  # "256,086 were sold last year": FY 2018's 256,085, misstated
    if len({(i, year) for _, i, year in found}) != 1:
        return False
    s, i, year = found[0]
    guessed = claim.fiscal_year
    claim.fiscal_year, claim.base_year = year, None
    claim.year_given, claim.year_source = True, "figures"
    linker._set(claim, linker.index.docs[i], ctx, ranked, s)
    claim.link_reason = "its value, in the one year it agrees with"
    # a value the text compares with ("... the 142,580 of the previous year") is of the year
    # before the values of its sentence, so those are of the year after it
    shift = 1 if claim.role == "prior" else 0
    others_guess = guessed + shift if guessed is not None else None
    for other in doc.in_sentence(claim.sentence):  # its sentence's other guesses follow
        if (
            other is not claim
            and not other.year_given
            and other.fiscal_year == others_guess
            and not other.year_note  # a calendar year or a span stays what the text says
        ):
            # "143,470 ..., compared to 110,104 last year": a prior value is of the year before
            other.fiscal_year = year + shift - 1 if other.role == "prior" else year + shift
            other.base_year, other.year_source = None, "figures"
        elif (  # "..., nearly doubling the 142,580 of the previous year": a change between
            other.kind == "change"
            and others_guess is not None
            and (other.fiscal_year, other.base_year) == (others_guess, others_guess - 1)
            and not _YEAR_NAMED.search(doc.sentence_text(claim.sentence))
        ):
            other.fiscal_year, other.base_year = year + shift, year + shift - 1
            other.year_source = "figures"
    was = f" (FY {guessed} was a guess)" if guessed else ""
    states = "states" if not hairs or found is not hairs else "misses by a hair"
    claim.year_note = (
        f"the text does not say which year{was}; FY {year} is the only year whose figure it "
        f"{states}"
    )
    return True


def span_sum(
    linker: Linking,
    claim: Claim,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top_score: float,
    siblings: tuple[str, ...] = (),
) -> bool:
    """A count over several fiscal years ("more than 935,000 over four fiscal years",
    "between FY 2017 and FY 2020") against the sum of a relevant metric's figures over
    them, an average over them ("an average of 148,000 from 2017 through 2019") against
    their mean: the years it names, or else every run of as many years the figures hold.
    Supported by the one sum it states; contradicted by the one it misses by a hair."""
    span = claim.span
    if span is None or claim.kind not in ("count", "money", "weight", "average"):
        return False
    mean = claim.kind == "average"  # "an average of 148,000 from 2017 through 2019"
    found: list[tuple[float, float, int, int, int, float]] = []
    candidates = _mentioned(linker, ctx, ranked, top_score, whole=True)
    by_sibling = not candidates  # "74,082 sold, down from ... an average of 148,000":
    if by_sibling:  # the metric of a linked value of its sentence, to support only
        docs = linker.index.docs
        heads = [linker.index.headline(m) for m in dict.fromkeys(siblings)]
        candidates = [(0.0, docs.index(h)) for h in heads if h is not None]
    for s, i in candidates:
        mdoc = linker.index.docs[i]
        years = sorted(years_of(linker, mdoc))
        runs = [span] if span[1] is not None else [(y, y + span[0] - 1) for y in years]
        for first, last in runs:
            assert last is not None
            figs = [linker.figures.find(mdoc.metric, y) for y in range(first, last + 1)]
            if not figs or any(f is None or f.value is None for f in figs):
                continue
            total = sum(f.value for f in figs if f is not None and f.value is not None)
            total = total / len(figs) if mean else total
            fig = figs[0]
            assert fig is not None
            agrees = consistent(claim, replace(fig, value=total, bound="exact"))
            miss = abs(claim.value - total) / total if total else 1.0
            found.append((0.0 if agrees else miss, s, i, first, last, total))
    agreeing = {(i, a, b) for miss, _, i, a, b, _ in found if miss == 0.0}
    if len(agreeing) == 1:
        pick = next(f for f in found if f[0] == 0.0)
        verdict = "supported"
    elif by_sibling:
        return False
    else:
        near = [f for f in found if 0.0 < f[0] <= NEAR_MISS]
        if agreeing or claim.no_contradiction:
            return False
        if len(near) == 1 and precise(claim):
            pick, verdict = near[0], "contradicted"
        else:
            clear = _clearly_summed(linker, claim, candidates, found)
            if clear is None:
                return False
            pick, verdict = clear, "contradicted"
    _, s, i, first, last, total = pick
    mdoc = linker.index.docs[i]
    linker._set(claim, mdoc, ctx, ranked, s)
    claim.fiscal_year = None  # a period's count kept the year its text gave, for one year's
    claim.link_reason = f"its span, FY {first}-FY {last}"
    said = "inside" if verdict == "supported" else "but it says"
    point = Interval(total, total)
    read = matched_reading(claim, point) if verdict == "supported" else claim.interval
    sums = "averages" if mean else "adds up to"
    reason = f"{mdoc.metric} FY {first} to FY {last} {sums} {total:,.0f}, {said} {read.text()}"
    if by_sibling:
        claim.runner_up, claim.link_words = "", ()
        reason += ", the metric of a value its sentence links"
    claim.figure_checks.append(("span", verdict, reason, total))
    return True


_CEILINGS = frozenset(("fewer than", "less than", "under", "below"))
"""Qualifiers that bound a number said of each year from above only."""


def each_year(
    linker: Linking,
    claim: Claim,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top_score: float,
    siblings: tuple[str, ...] = (),
) -> bool:
    """A number said of each year of a span it names ("more than 140,000 in each of the three
    years before that"): a bound, or a value, every one of those years' figures of the most
    relevant metric must meet. Supported when all of them do; contradicted when one does not
    and that metric is clearly the one meant."""
    span = claim.span
    if not claim.each or span is None or span[1] is None:
        return False
    candidates = _mentioned(linker, ctx, ranked, top_score, whole=True)
    head = linker.index.headline(siblings[0]) if len(set(siblings)) == 1 else None
    if not candidates and head is not None:
        # "fell to 59,011 from 185,884 and more than 220,000 in each of the three years
        # before that": the one metric the values of its sentence link to
        mdoc, score, ranked = head, CONTRADICT_SCORE, []
    elif candidates:
        score, top = candidates[0]
        mdoc = linker.index.docs[top]
    else:
        return False
    figs = [linker.figures.find(mdoc.metric, y) for y in range(span[0], span[1] + 1)]
    values = [f.value for f in figs if f is not None and f.value is not None]
    if len(values) != len(figs):
        return False
    missed = [f.value or 0.0 for f in figs if f is not None and not _meets(claim, f)]
    clear = (head is not None and head.metric == mdoc.metric) or (
        score >= CONTRADICT_SCORE
        and (len(candidates) < 2 or score >= CLEAR_MARGIN * candidates[1][0])
    )
    if missed and (not clear or claim.no_contradiction):
        return False
    linker._set(claim, mdoc, ctx, ranked, score)
    claim.link_reason = f"each year of its span, FY {span[0]}-FY {span[1]}"
    listed = ", ".join(f"{v:,.0f}" for v in values)
    verdict = "contradicted" if missed else "supported"
    said = f"not {claim.text!r}" if missed else f"each {claim.text!r}"
    reason = f"{mdoc.metric} FY {span[0]} to FY {span[1]} is {listed}: {said}"
    claim.figure_checks.append(("span", verdict, reason, missed[0] if missed else values[0]))
    return True


def _meets(claim: Claim, fig: Figure) -> bool:
    """Whether one year's figure meets a number said of a year: above a floor ("more than
    140,000"), below a ceiling ("fewer than 300,000"), else as its rounding reads it ("about
    250,000", "nearly 250,000")."""
    value = fig.value or 0.0
    if qualifier_side(claim.qualifier) == "above":
        return value > claim.value or (value == claim.value and at_least(claim.qualifier))
    if " ".join(claim.qualifier.lower().split()) in _CEILINGS:
        return value < claim.value
    return consistent(claim, fig)


def some_year(
    linker: Linking,
    claim: Claim,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top_score: float,
) -> bool:
    """A number said of some year of each period it names ("topped 300,000 in some years
    under Smith"): supported when, for every period, one of its years' figures of the most
    relevant metric meets it; contradicted when, for one period whose years all have
    figures, none does and that metric is clearly the one meant; else unverifiable."""
    if not claim.some:
        return False
    candidates = _mentioned(linker, ctx, ranked, top_score, whole=True)
    if not candidates:
        return False
    score, top = candidates[0]
    mdoc = linker.index.docs[top]
    met: list[bool | None] = []  # per period: one year meets it, none does, or unknown
    told: list[str] = []
    for first, last in claim.some:
        figs = [linker.figures.find(mdoc.metric, y) for y in range(first, last + 1)]
        values = {
            y: f.value
            for y, f in zip(range(first, last + 1), figs, strict=True)
            if f is not None and f.value is not None
        }
        hits = [f for f in figs if f is not None and f.value is not None and _meets(claim, f)]
        met.append(True if hits else False if len(values) == last - first + 1 else None)
        listed = ", ".join(f"FY {y} {v:,.0f}" for y, v in values.items())
        told.append(f"FY {first}-FY {last}: {listed or 'no figures'}")
    clear = score >= CONTRADICT_SCORE and (
        len(candidates) < 2 or score >= CLEAR_MARGIN * candidates[1][0]
    )
    linker._set(claim, mdoc, ctx, ranked, score)
    claim.link_reason = "some year of the periods it names"
    if False in met and clear and not claim.no_contradiction:
        verdict, said = "contradicted", f"no year of one period meets {claim.text!r}"
    elif False in met:
        verdict, said = "unverifiable", f"no year of one period meets {claim.text!r}, but "
        said += claim.no_contradiction or "the metric is not clearly the one it counts"
    elif all(met):
        verdict, said = "supported", f"a year of each period meets {claim.text!r}"
    else:
        verdict, said = "unverifiable", "the figures do not hold every year of its periods"
    reason = f"{mdoc.metric} {'; '.join(told)}: {said}"
    claim.figure_checks.append(("span", verdict, reason, None))
    return True


def _clearly_summed(
    linker: Linking,
    claim: Claim,
    candidates: list[tuple[float, int]],
    found: list[tuple[float, float, int, int, int, float]],
) -> tuple[float, float, int, int, int, float] | None:
    """The sum over the years a span names ("in FY 2017-2018") of the one metric clearly
    relevant to a count: most relevant by a clear margin, relevant enough to contradict. Not
    where the count is some one year's figure of the span ("fiscal year 2017-18" may be one
    year), nor where it is so far off that it counts something else."""
    span = claim.span
    if span is None or span[1] is None or not candidates:
        return None
    top_score, top = candidates[0]
    if top_score < CONTRADICT_SCORE or (
        len(candidates) > 1 and top_score < CLEAR_MARGIN * candidates[1][0]
    ):
        return None
    mdoc = linker.index.docs[top]
    mine = [f for f in found if f[2] == top and (f[3], f[4]) == span]
    if len(mine) != 1 or not mine[0][5]:
        return None
    total = mine[0][5]
    if not 1 / MAGNITUDE <= claim.value / total <= MAGNITUDE:
        return None
    for year in range(span[0], span[1] + 1):
        fig = linker.figures.find(mdoc.metric, year)
        if fig is not None and fig.value is not None and consistent(claim, fig):
            return None
    return mine[0]


_ONE_YEAR = re.compile(
    r"\b(?:last|this|that|the\s+(?:same|previous|prior|past|last))\s+(?:fiscal\s+)?year\b", re.I
)
"""Words of a sentence about one year, whichever it is ("last year", "that fiscal year")."""


def run_sum(
    linker: Linking,
    doc: Document,
    claim: Claim,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top_score: float,
) -> bool:
    """A precise count whose year the text leaves open and that no one year's figure states
    ("under the last owners, 935,346 were sold"): supported by the one run of
    consecutive years of a relevant metric it adds up to. Never contradicted: which years
    it means is read from the figures, not the text."""
    if claim.span is not None or claim.kind != "count" or not precise(claim):
        return False
    if not year_open(doc, claim) or claim.year_source == "relative":
        return False
    if _ONE_YEAR.search(doc.sentence_text(claim.sentence)):
        return False  # "the deportations of last year": one year, if not which
    found: list[tuple[float, int, int, int, float]] = []
    for s, i in _mentioned(linker, ctx, ranked, top_score, whole=True):
        mdoc = linker.index.docs[i]
        figs = {year: linker.figures.find(mdoc.metric, year) for year in years_of(linker, mdoc)}
        values = {y: f.value for y, f in figs.items() if f is not None and f.value is not None}
        for first in sorted(values):
            total = values[first]
            for last in range(first + 1, first + LONGEST_RUN):
                if last not in values:
                    break
                total += values[last]
                if claim.interval.contains(total):
                    found.append((s, i, first, last, total))
    if len({(i, a, b) for _, i, a, b, _ in found}) != 1:
        return False
    s, i, first, last, total = found[0]
    mdoc = linker.index.docs[i]
    linker._set(claim, mdoc, ctx, ranked, s)
    claim.link_reason = f"its value, the sum of FY {first}-FY {last}"
    claim.fiscal_year, claim.year_source = None, "figures"
    reason = (
        f"{mdoc.metric} FY {first} to FY {last} adds up to {total:,.0f}, inside "
        f"{claim.interval.text()} (the text names no years; these are the only ones it fits)"
    )
    claim.figure_checks.append(("span", "supported", reason, total))
    return True


def near_miss(
    linker: Linking,
    claim: Claim,
    ctx: Context,
    ranked: list[tuple[float, int]],
    top_score: float,
) -> bool:
    """A precise number that no relevant figure agrees with, but that one of them misses by
    a hair (142,850 for 142,580): contradicted by that one, a misstatement of it."""
    if claim.no_contradiction or not precise(claim) or claim.fiscal_year is None:
        return False
    best: tuple[float, float, int] | None = None
    for s, i in _mentioned(linker, ctx, ranked, top_score, least=CONTRADICT_SCORE):
        figure = linker._figure(claim, linker.index.docs[i])
        if figure is None:
            continue
        miss = abs(claim.value - figure) / abs(figure) if figure else 1.0
        if best is None or miss < best[0]:
            best = (miss, s, i)
    if best is None or best[0] > NEAR_MISS:
        return False
    _, s, i = best
    linker._set(claim, linker.index.docs[i], ctx, ranked, s)
    claim.link_reason = "the relevant figure it misses by a hair"
    return True


def years_of(linker: Linking, mdoc: MetricDoc) -> set[int]:
    years = linker._metric_years.get(mdoc.metric)
    if years is None:
        years = linker._metric_years[mdoc.metric] = {
            f.fiscal_year for f in linker.figures if f.metric == mdoc.metric
        }
    return years


def part_of_year(linker: Linking, doc: Document, claim: Claim) -> None:
    """A claim about a part of a year ("28,677 sold on or after February 18") may
    state a figure that is itself about that part: one whose names give a month its
    words give in one of its names. The figure's year is then the year the part lies in;
    a figure on the other side of the day the text names contradicts it."""
    assert claim.part is not None
    year, words = claim.part
    months = frozenset(linker.index.words(words)) & MONTHS
    if not months:
        return
    note = claim.year_note
    claim.fiscal_year = year
    linker._only = np.array([any(p & months for p in d.phrases) for d in linker.index.docs])
    try:
        linker._decide(doc, claim)
    finally:
        linker._only = None
    mdoc = linker.index.headline(claim.metric) if claim.metric else None
    if mdoc is None or not any(p & months for p in mdoc.phrases):
        claim.fiscal_year, claim.year_note = None, note  # no figure of that part
        return
    claim.year_note, claim.year_given = "", True
    if _opposite_side(words, mdoc.decl.label):
        fig = linker._stated(claim, mdoc)
        side = f"the figure counts {mdoc.decl.label}, the text says {words.strip()!r}"
        if fig is not None and fig.value is not None and consistent(claim, fig):
            claim.figure_checks.append(("part", "contradicted", side, fig.value))
        claim.no_contradiction = f"it counts the other side of the day ({side})"


_BEFORE_DAY = re.compile(r"\b(?:before|prior\s+to|until|up\s+to|through)\b", re.I)
_AFTER_DAY = re.compile(r"\b(?:after|since|from|beginning|starting)\b", re.I)


def _opposite_side(said: str, label: str) -> bool:
    """Whether a part of a year and a figure's name are on opposite sides of a day ("prior
    to February 18" against "sales on or after February 18")."""
    before, after = _BEFORE_DAY.search(said), _AFTER_DAY.search(said)
    if bool(before) == bool(after):
        return False
    return bool(_AFTER_DAY.search(label) if before else _BEFORE_DAY.search(label))
