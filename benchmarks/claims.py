"""Claim checker benchmarks: accuracy on the labelled corpus, and speed.

Run with ``make bench-claims`` (``python -m benchmarks.claims``). Prints the
precision and recall of ``contradicted`` and ``supported`` on
tests/data/claims_corpus.yaml (the project's own regression corpus), the scores
on the real-prose development set ``../shared/data/prose`` per source, per
half and overall (`benchmarks.prose`; skipped with a note when it is absent),
and the time to check a 25,000-word document. ``--docs`` also writes the
numbers into docs/benchmarks.md, between the claims markers.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks import prose
from yearbook.claims import check
from yearbook.claims.sources import figures_from_rows
from yearbook.claims.vocabulary import Vocabulary, report_vocabulary
from yearbook.figures import Figures
from yearbook.metrics.declarations import MetricDecl, load_metrics
from yearbook.pdftext import pdf_prose

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "claims_corpus.yaml"
METRICS = REPO / "reports" / "ice-fy2023" / "metrics"
DOCS = REPO / "docs" / "benchmarks.md"
START, END = "<!-- claims:start -->", "<!-- claims:end -->"
WORDS = 25_000


@dataclass(frozen=True)
class Scored:
    """One corpus item: what it should get and what it got."""

    item: Mapping[str, Any]
    got: str


@dataclass(frozen=True)
class Scores:
    """Precision and recall of each verdict over the corpus."""

    scored: list[Scored]

    def precision(self, verdict: str) -> float:
        said = [s for s in self.scored if s.got == verdict]
        return sum(s.item["expect"] == verdict for s in said) / len(said) if said else 0.0

    def recall(self, verdict: str) -> float:
        due = [s for s in self.scored if s.item["expect"] == verdict]
        return sum(s.got == verdict for s in due) / len(due) if due else 0.0

    def misses(self) -> list[Scored]:
        return [s for s in self.scored if s.got != s.item["expect"]]


def load_corpus(path: Path = CORPUS) -> tuple[Figures, list[dict[str, Any]]]:
    """The corpus figures and items."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = [{k: str(v) for k, v in row.items()} for row in data["figures"]]
    return figures_from_rows(rows), list(data["items"])


def score_item(
    item: Mapping[str, Any],
    figures: Figures,
    metrics: Mapping[str, MetricDecl],
    vocabulary: Vocabulary | None = None,
) -> str:
    """The verdict the checker gives the item's scored claim ("missing" if not found)."""
    data = figures if item.get("data", True) is not False else None
    result = check(item["text"], data, metrics=metrics, vocabulary=vocabulary)
    for claim in result.claims:
        if claim.text.replace("\n", " ") == item["claim"]:
            return claim.verdict
    return "missing"


def evaluate(path: Path = CORPUS) -> Scores:
    """Check every corpus item."""
    figures, items = load_corpus(path)
    metrics = load_metrics(METRICS)
    vocabulary = report_vocabulary(METRICS.parent)
    return Scores([Scored(item, score_item(item, figures, metrics, vocabulary)) for item in items])


def long_document(words: int = WORDS) -> str:
    """A report-like document of about ``words`` words, built from the corpus texts."""
    _, items = load_corpus()
    texts = [str(item["text"]) for item in items]
    parts: list[str] = []
    count = 0
    section = 0
    while count < words:
        section += 1
        parts.append(f"## Section {section}\n")
        for text in texts[section % 7 :: 7]:
            parts.append(text + "\n")
            count += len(text.split())
    return "\n".join(parts)


def _checker(fmt: str = "auto") -> Callable[[str], int]:
    """How the speed runs check a text against the corpus figures: its count of claims."""
    metrics = load_metrics(METRICS)
    vocabulary = report_vocabulary(METRICS.parent)
    figures, _ = load_corpus()
    return lambda text: len(
        check(text, figures, fmt=fmt, metrics=metrics, vocabulary=vocabulary).claims
    )


def speed(repeat: int = 5) -> tuple[float, int, int]:
    """Median seconds to check the long document, its words and its claims."""
    text = long_document()
    claims_of = _checker()
    times = []
    claims = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        claims = claims_of(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(text.split()), claims


@dataclass(frozen=True)
class PdfSpeed:
    """The long document laid out as a PDF, then read and checked."""

    pages: int
    words: int
    claims: int
    read: float
    """Median seconds to read its text as prose (`yearbook.pdftext.pdf_prose`)."""
    total: float
    """Median seconds to read it and check it."""


def pdf_speed(repeat: int = 5) -> PdfSpeed:
    """The long document as WeasyPrint lays out its HTML (not timed), read and checked."""
    import pypdfium2
    from markdown_it import MarkdownIt
    from weasyprint import HTML

    page = MarkdownIt().render(long_document())
    data = HTML(string=f"<html><body>{page}</body></html>").write_pdf()
    claims_of = _checker("text")
    reads, totals = [], []
    text, claims = "", 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        text = pdf_prose(data, "long.pdf")
        t1 = time.perf_counter()
        claims = claims_of(text)
        reads.append(t1 - t0)
        totals.append(time.perf_counter() - t0)
    pages = len(pypdfium2.PdfDocument(data))
    words = len(text.split())
    return PdfSpeed(pages, words, claims, statistics.median(reads), statistics.median(totals))


def write_docs(section: str, path: Path = DOCS) -> None:
    """Replace the claims section of docs/benchmarks.md (and nothing else)."""
    block = f"{START}\n{section.strip()}\n{END}"
    if not path.exists():
        path.write_text(f"# Benchmarks\n\n{block}\n", encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    if START in text and END in text:
        pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip("\n") + f"\n\n{block}\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", action="store_true", help="write the numbers into docs")
    parser.add_argument(
        "--prose",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also score a folder of labelled prose laid out as ../shared/data/prose",
    )
    args = parser.parse_args(argv)
    scores = evaluate()
    n = len(scores.scored)
    lines = [f"corpus: {n} labelled claims ({CORPUS.relative_to(REPO)})"]
    for verdict in ("contradicted", "supported"):
        lines.append(
            f"{verdict:<13} precision {scores.precision(verdict):.3f}  "
            f"recall {scores.recall(verdict):.3f}"
        )
    for miss in scores.misses():
        lines.append(
            f"  miss: expected {miss.item['expect']}, got {miss.got}: {miss.item['text']!r}"
        )
    labels: list[prose.Label] = []
    with_fy: list[prose.Label] = []
    if prose.available():
        labels = prose.score_all()
        with_fy = prose.score_all(with_fy=True)
        lines.append(f"real prose ({prose.PROSE.name}/, split by source: even numbers tune):")
        lines.append(prose.table(labels))
        lines.append("with --fy from the file name, as the set's README runs the checker:")
        lines.append(prose.halves(with_fy))
    else:
        lines.append(f"real prose: skipped, {prose.PROSE} is not beside this checkout")
    for folder in args.prose:
        found = prose.sources(folder)
        if not found:
            lines.append(f"{folder}: no NN_name.txt with NN_name.labels.csv in it")
            continue
        lines.append(f"labelled prose in {folder}:")
        lines.append(prose.summary(prose.score_all(found), folder.name))
    seconds, words, claims = speed()
    lines.append(
        f"speed: {words:,} words, {claims:,} claims checked in {seconds:.2f} s (median of 5)"
    )
    laid_out = pdf_speed()
    lines.append(
        f"as a PDF: {laid_out.pages} pages, {laid_out.words:,} words, {laid_out.claims:,} claims "
        f"read and checked in {laid_out.total:.2f} s (reading {laid_out.read:.2f} s; median of 5)"
    )
    print("\n".join(lines))
    if args.docs:
        write_docs(_section(scores, seconds, words, claims, labels, with_fy, laid_out))
    ok = all(
        scores.precision(v) >= 0.95 and scores.recall(v) >= 0.95
        for v in ("contradicted", "supported")
    )
    held = prose.Tally([x for x in labels if x.half == "held-back"])
    if labels:
        ok = ok and held.accuracy() >= 0.90 and (held.false_contradiction() or 0.0) <= 0.02
    return 0 if ok and seconds < 2.0 else 1


def _section(
    scores: Scores,
    seconds: float,
    words: int,
    claims: int,
    labels: list[prose.Label],
    with_fy: list[prose.Label],
    laid_out: PdfSpeed,
) -> str:
    real = (
        f"""

Real published prose (`../shared/data/prose/`, {len(labels)} labelled claims in 17 texts by
others, checked against `../shared/data/official_figures.csv` through the report's crosswalk,
with no `--fy`). Split by source once, before any result was seen: files with an even number
are the tuning half, odd numbers the held-back half (docs/claims.md). P / R: precision and
recall of each verdict; false contradictions: claims labelled supported that were called
contradicted; not found: labelled claims the checker did not report (scored unverifiable).

{prose.table(labels)}

The same, with `--fy` the year in the file's name where it has one (`04_..._fy2019`; none for
the multi-year and list pages), as the set's README runs the checker:

{prose.halves(with_fy)}"""
        if labels
        else ""
    )
    rows = "\n".join(
        f"| `{v}` | {scores.precision(v):.3f} | {scores.recall(v):.3f} |"
        for v in ("contradicted", "supported")
    )
    return f"""## Claim checker

`make bench-claims` (`python -m benchmarks.claims --docs` writes this section).

Accuracy on the labelled corpus (`tests/data/claims_corpus.yaml`, {len(scores.scored)} claims in
the voices of a report, a press release and a news story; true claims and claims altered to a
wrong number, direction, year, rounding or list count, or to parts larger than their whole):

| verdict | precision | recall |
|---|---|---|
{rows}

Speed: a {words:,}-word document with {claims:,} claims, checked against a figures table, in
{seconds:.2f} s (median of five runs on the development machine; the target is under 2 s).
The same document laid out as a PDF by WeasyPrint ({laid_out.pages} pages), its text read
as prose and checked (`yearbook check FILE.pdf`): {laid_out.words:,} words and
{laid_out.claims:,} claims in {laid_out.total:.2f} s, of which reading the PDF took
{laid_out.read:.2f} s (median of five runs).{real}"""


if __name__ == "__main__":
    sys.exit(main())
