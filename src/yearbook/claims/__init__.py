"""The claim checker: every number in a text, checked against the data and itself.

`check` reads prose (plain text, Markdown or HTML), finds each numeric claim
(`yearbook.claims.extract`), reads each printed number as the interval of
true values it stands for (`yearbook.claims.numbers`), checks the claims
against each other (`yearbook.claims.consistency`), links them to metrics
(`yearbook.claims.link`) and verifies them against a figures table
(`yearbook.claims.verify`). It does no I/O.

>>> result = check("In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: "
...                "a 9.9% increase.")
>>> [(c.text, c.verdict) for c in result.claims]
[('91,497', 'unverifiable'), ('85,343', 'unverifiable'), ('a 9.9% increase', 'contradicted')]
>>> print(result.contradicted[0].reason)  # doctest: +NORMALIZE_WHITESPACE
the text gives 85,343 (FY 2022) and 91,497 (FY 2023), a change of 7.2%,
but says 'a 9.9% increase' [9.85, 9.95)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace

from yearbook.claims.budget import check_numbers
from yearbook.claims.consistency import Finding, check_consistency
from yearbook.claims.extract import Claim, Document, extract_document
from yearbook.claims.language import read_language
from yearbook.claims.link import Linker
from yearbook.claims.output import render_html, render_table
from yearbook.claims.periods import period_readings
from yearbook.claims.ranks import mark_ranks, rank_evidence
from yearbook.claims.relevance import MetricIndex
from yearbook.claims.restated import misstated, restated
from yearbook.claims.result import JSON_FIELDS, VERDICTS, Check, CheckResult, ClaimVerdict
from yearbook.claims.tables import read_tables
from yearbook.claims.text import detect_format, to_plain
from yearbook.claims.valuelink import ValueLinker, mark_parts
from yearbook.claims.verify import Evidence, mark_differences, verify
from yearbook.claims.vocabulary import Vocabulary
from yearbook.claims.years import date_readings, year_by_date
from yearbook.errors import UserError
from yearbook.figures import Figures
from yearbook.figures.meta import MetricMeta
from yearbook.rules import Measure

__all__ = [
    "FORMATS",
    "JSON_FIELDS",
    "VERDICTS",
    "CheckResult",
    "ClaimVerdict",
    "check",
    "render_html",
    "render_table",
]

WEAK_RULES = ("parts", "direction")
"""Checks that can contradict a claim but are too weak to support it on their own: that a
value is above the one it is "up from", or that a part is within its whole."""

FORMATS = ("auto", "text", "markdown", "html")
"""Input formats `check` reads; ``auto`` tells HTML from Markdown/plain text."""


def check(
    text: str,
    figures: Figures | None = None,
    *,
    fiscal_year: int | None = None,
    fmt: str = "auto",
    metrics: Mapping[str, MetricMeta] | None = None,
    vocabulary: Vocabulary | None = None,
    not_computable: Mapping[str, str] | None = None,
    partial: Mapping[tuple[str, int], str] | None = None,
    published: dt.date | None = None,
) -> CheckResult:
    """Check every numeric claim of ``text``; see the module docstring.

    ``figures`` are the data to verify against (none: internal consistency
    only); ``metrics`` are the declarations whose labels and synonyms link
    claims to figures (none: metrics are named by the words of their ids);
    ``fiscal_year`` is the year of claims whose text names none; ``vocabulary``
    is the report's pack vocabulary (office names, the words writers use for
    what metrics count); ``not_computable`` names the published figures the
    sources cannot compute, with the reason (a build's reconciliation): a claim
    about one of them is unverifiable with that reason, never contradicted; ``partial``
    names the figures (metric, fiscal year) whose records cover part of the year, with what
    they cover (a build's coverage): such a figure supports a claim it equals, and never
    contradicts one, which may speak of the whole year; ``published`` is the date the text
    came out: a claim it dates by no year ("last year", "in the year to September") is tried
    as of the last fiscal year ended by then, supported where that year's figure bears it
    out and never contradicted.
    """
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    kind = detect_format(text) if fmt == "auto" else fmt
    plain = to_plain(text, kind)
    check_numbers(plain.text)
    vocab = vocabulary or Vocabulary()
    plain = read_tables(read_language(plain, vocab.translations))
    if published is not None and fiscal_year is None:
        # "in the fiscal year that ended Sept. 30", in a story of December 2023: FY 2023
        fiscal_year = year_by_date(plain.text, published)
    doc = extract_document(plain, fiscal_year)
    if published is not None:
        date_readings(doc, published)
    period_readings(doc, vocab.periods, published)
    mark_ranks(doc)
    decls = dict(metrics) if metrics is not None else _id_metrics(figures)
    linker = Linker(decls, figures, vocab.offices, vocab.generic)
    linker.link_named(doc)
    value_linker = None
    if figures is not None:
        mark_parts(doc)
        mark_differences(doc)
        index = _index(metrics, decls, figures, vocab)
        if not_computable:
            index = MetricIndex({**decls, **_stand_ins(not_computable, decls)}, figures, vocab)
        value_linker = ValueLinker(index, figures, not_computable)
        value_linker.link(doc)
    linker.link_context(doc)
    if value_linker is not None:
        value_linker.link_changes(doc)
        value_linker.shares_beside_counts(doc)
        value_linker.shares_of_figures(doc)
    findings = check_consistency(doc, decls)
    evidence = verify(doc, figures) + rank_evidence(doc, figures) if figures is not None else []
    if partial:
        evidence = [_whole_year(doc.claims[e.claim], e, partial) for e in evidence]
    by_claim: dict[int, list[Finding]] = {}
    for finding in findings:
        by_claim.setdefault(finding.claim, []).append(finding)
    seen: dict[int, list[Evidence]] = {}
    for item in evidence:
        seen.setdefault(item.claim, []).append(item)
    verdicts = [
        _verdict(doc, c, by_claim.get(c.index, []), seen.get(c.index, [])) for c in doc.claims
    ]
    if value_linker is not None:
        verdicts = restated(doc, verdicts, value_linker.index)
        verdicts = misstated(doc, verdicts, value_linker.index)
    if plain.translated:  # each claim as the writer wrote it ("más de 267 mil"), not as it was read
        verdicts = [replace(v, text=text[v.start : v.end]) for v in verdicts]
    return CheckResult(verdicts)


_INDEXES: dict[tuple[int, int, int], tuple[object, object, object, MetricIndex]] = {}


def _index(
    metrics: object, decls: Mapping[str, MetricMeta], figures: Figures, vocab: Vocabulary
) -> MetricIndex:
    """The metric index of these declarations, figures and vocabulary (kept while they live)."""
    key = (id(metrics), id(figures), id(vocab))
    kept = _INDEXES.get(key)
    if kept is not None and kept[0] is metrics and kept[1] is figures and kept[2] is vocab:
        return kept[3]
    index = MetricIndex(decls, figures, vocab)
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[key] = (metrics, figures, vocab, index)
    return index


def _stand_ins(names: Mapping[str, str], decls: Mapping[str, MetricMeta]) -> dict[str, MetricMeta]:
    """Declarations for figures that cannot be computed: their names' words are their label."""
    out: dict[str, MetricMeta] = {}
    for name in names:
        if name in decls:
            continue
        words = name.replace(".", " ").replace("_", " ")
        out[name] = MetricMeta(
            id=name,
            label=words,
            definition="",
            unit="percent" if name.endswith("_pct") else "count",
            measure="share" if name.endswith("_pct") else "submitted",
            office=re.split(r"[._]", name, maxsplit=1)[0],
            synonyms=(),
        )
    return out


def _id_metrics(figures: Figures | None) -> dict[str, MetricMeta]:
    """Stand-in declarations when none are given: a metric's id words are its label."""
    if figures is None:
        return {}
    out: dict[str, MetricMeta] = {}
    for fig in figures:
        if fig.metric in out or fig.breakdown:
            continue
        label = fig.metric.split(".", 1)[-1].replace("_", " ")
        measure: Measure = "share" if fig.unit == "percent" else "submitted"
        out[fig.metric] = MetricMeta(
            id=fig.metric,
            label=label,
            definition="",
            unit=fig.unit,
            measure=measure,
            office=fig.metric.split(".", 1)[0],
            synonyms=(),
        )
    return out


def _verdict(
    doc: Document, claim: Claim, findings: list[Finding], evidence: list[Evidence]
) -> ClaimVerdict:
    checks = [Check("text", f.rule, f.verdict, f.reason, f.expected) for f in findings] + [
        Check("figures", "figure", e.verdict, e.reason, e.expected) for e in evidence
    ]
    checks += [Check("figures", *c) for c in claim.figure_checks]
    verdict, chosen = "unverifiable", None
    for wanted in ("contradicted", "supported"):
        picked = [
            c
            for c in checks
            if c.verdict == wanted and not (wanted == "supported" and c.rule in WEAK_RULES)
        ]
        if picked:
            verdict, chosen = wanted, picked[0]
            break
    if chosen is None:
        unverified = [c for c in checks if c.verdict == "unverifiable"]
        weak = [c for c in checks if c.verdict == "supported"]
        reason = unverified[0].reason if unverified else _why_unlinked(claim)
        if weak and not unverified:
            reason = f"{reason} ({weak[0].reason})"
        expected = None
    else:
        reason, expected = chosen.reason, chosen.expected
        if chosen.source == "figures":
            reason += _how_linked(claim)
    start, end = doc.plain.span(claim.start, claim.end)
    return ClaimVerdict(
        text=claim.text,
        start=start,
        end=end,
        value=claim.value,
        kind=claim.kind,
        fiscal_year=claim.fiscal_year,
        verdict=verdict,
        metric=claim.metric,
        expected=expected,
        reason=reason,
        breakdown=claim.breakdown,
        breakdown_value=claim.breakdown_value,
        qualifier=claim.qualifier,
        low=claim.interval.low,
        high=claim.interval.high,
        low_inclusive=claim.interval.low_inclusive,
        high_inclusive=claim.interval.high_inclusive,
        checks=tuple(checks),
    )


def _whole_year(claim: Claim, item: Evidence, partial: Mapping[tuple[str, int], str]) -> Evidence:
    """A contradiction by a figure whose records cover part of its year, made unverifiable."""
    if item.verdict != "contradicted" or claim.metric is None:
        return item
    years = [claim.fiscal_year]
    if claim.kind == "change" and claim.fiscal_year is not None:
        years.append(claim.base_year or claim.fiscal_year - 1)
    notes = [partial.get((claim.metric, y), "") for y in years if y is not None]
    note = next((n for n in notes if n), "")
    if not note:
        return item
    covered = note.split(";")[0].rstrip(".")
    why = f"the records of {claim.metric} cover part of the year ({covered}): {item.reason}"
    return replace(item, verdict="unverifiable", reason=why + ", maybe not the whole year's")


def _how_linked(claim: Claim) -> str:
    """The words that linked the claim to its figure, and the runner-up when it came close."""
    out = ""
    if claim.link_words:
        out += f"; linked by {', '.join(repr(w) for w in claim.link_words)}"
    if claim.runner_up:
        out += f"; runner-up {claim.runner_up}"
    if claim.year_source == "figures":
        out += f"; {claim.year_note}"
    return out


def _why_unlinked(claim: Claim) -> str:
    if claim.kind == "list_count":
        return "no list follows the announced count"
    if claim.metric:
        return f"it states {claim.metric}, and no figures were given to check it against"
    if claim.year_note:
        return claim.year_note
    if claim.link_reason:
        return f"it {claim.link_reason}, so no figure states it"
    return "no metric matches what the number counts, and nothing in the text relates to it"
