"""The real-prose development set: the checker's verdicts against hand-made labels.

``../shared/data/prose/`` (outside the repository; see its README) holds
excerpts of published prose about ICE's annual figures, ``NN_name.txt``, and
their labels, ``NN_name.labels.csv``: each labelled claim is the
``occurrence``-th plain occurrence of ``needle`` in the file, with the verdict
it should get. Each text is checked whole (its two header lines left out)
against ``../shared/data/official_figures.csv`` through the flagship report's
crosswalk, metrics and pack vocabulary, with no ``--fy`` (the primary score) and, as
the set's README runs it, with ``--fy`` the year in the file's name where it has one
(``04_..._fy2019``; none for the multi-year and list pages).

The set is split by source, once and for all, by the parity of the file's
number: **even numbers are the tuning half, odd numbers the held-back half**.
A labelled claim the checker does not find counts as ``unverifiable`` (it
verified nothing) and is also counted as missed.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from yearbook.claims import CheckResult, check
from yearbook.claims.sources import load_crosswalk, load_figures
from yearbook.claims.vocabulary import Vocabulary, report_vocabulary
from yearbook.figures import Figures
from yearbook.metrics.declarations import MetricDecl, load_metrics

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
PROSE = SHARED / "prose"
OFFICIAL = SHARED / "official_figures.csv"
USE_DATES = True
"""Whether each source is checked as of its ``Date:`` line (``yearbook check --date``)."""
REPORT = REPO / "reports" / "ice-fy2023"
VERDICTS = ("supported", "contradicted", "unverifiable")
HALVES = ("tuning", "held-back")


def half_of(name: str) -> str:
    """The half a source belongs to: even file numbers tune, odd ones are held back."""
    return "tuning" if int(name.split("_", 1)[0]) % 2 == 0 else "held-back"


@dataclass(frozen=True)
class Label:
    """One labelled claim and the verdict the checker gave it."""

    source: str
    needle: str
    occurrence: int
    expected: str
    got: str
    found: bool
    reason: str

    @property
    def half(self) -> str:
        return half_of(self.source)


@dataclass(frozen=True)
class Tally:
    """Accuracy, precision and recall per verdict, and the false-contradiction rate."""

    labels: list[Label]

    @property
    def n(self) -> int:
        return len(self.labels)

    def accuracy(self) -> float:
        return sum(x.got == x.expected for x in self.labels) / self.n if self.n else 0.0

    def precision(self, verdict: str) -> float | None:
        said = [x for x in self.labels if x.got == verdict]
        return sum(x.expected == verdict for x in said) / len(said) if said else None

    def recall(self, verdict: str) -> float | None:
        due = [x for x in self.labels if x.expected == verdict]
        return sum(x.got == verdict for x in due) / len(due) if due else None

    def false_contradiction(self) -> float | None:
        true = [x for x in self.labels if x.expected == "supported"]
        return sum(x.got == "contradicted" for x in true) / len(true) if true else None

    def missed(self) -> int:
        return sum(not x.found for x in self.labels)


@cache
def _setup() -> tuple[Figures, dict[str, MetricDecl], Vocabulary | None]:
    walk = load_crosswalk(REPORT / "reference" / "official_crosswalk.csv")
    return load_figures(OFFICIAL, walk), load_metrics(REPORT / "metrics"), report_vocabulary(REPORT)


def available() -> bool:
    """Whether the development set and the official figures are there to read."""
    return PROSE.is_dir() and OFFICIAL.is_file()


def sources(folder: Path | None = None) -> list[Path]:
    """The labelled texts of a folder laid out as the development set (``NN_name.txt`` beside
    ``NN_name.labels.csv``); the development set by default."""
    return sorted((folder or PROSE).glob("[0-9][0-9]_*.txt"))


def body(path: Path) -> tuple[str, int]:
    """The excerpt without its ``Source:`` and ``Date:`` lines, and where it starts."""
    text = path.read_text(encoding="utf-8")
    cut = text.find("\n\n")
    start = cut + 2 if cut >= 0 else 0
    return text, start


def named_year(path: Path) -> int | None:
    """The fiscal year a source's file name gives (``..._fy2019``), as a user would pass --fy."""
    found = re.search(r"_fy(\d{4})$", path.name.removesuffix(".txt"))
    return int(found.group(1)) if found else None


def dated(text: str) -> dt.date | None:
    """The date a source's ``Date:`` line gives (none when it says ``unknown``), as a user
    would pass --date."""
    found = re.search(r"^Date:\s*(\d{4}-\d{2}-\d{2})\s*$", text[:2000], re.M)
    return dt.date.fromisoformat(found.group(1)) if found else None


def check_source(path: Path, with_fy: bool = False) -> tuple[CheckResult, str, int]:
    figures, metrics, vocabulary = _setup()
    text, start = body(path)
    fy = named_year(path) if with_fy else None
    result = check(
        text[start:],
        figures,
        fiscal_year=fy,
        metrics=metrics,
        vocabulary=vocabulary,
        published=dated(text[:start]) if USE_DATES else None,
    )
    return result, text, start


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{needle!r} occurs fewer than {n} times")
    return pos


def score_source(path: Path, with_fy: bool = False) -> list[Label]:
    """Every labelled claim of one source with the checker's verdict."""
    result, text, start = check_source(path, with_fy)
    name = path.name.removesuffix(".txt")
    out: list[Label] = []
    with path.with_name(name + ".labels.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            needle, occurrence = row["needle"], int(row["occurrence"])
            at = _nth(text, needle, occurrence) - start
            span = (at, at + len(needle))
            hits = [c for c in result.claims if c.start < span[1] and span[0] < c.end]
            got, reason = ("unverifiable", "not found as a claim")
            if hits:
                got, reason = hits[0].verdict, hits[0].reason
            out.append(Label(name, needle, occurrence, row["expected"], got, bool(hits), reason))
    return out


def score_all(paths: Iterable[Path] | None = None, with_fy: bool = False) -> list[Label]:
    return [label for path in (paths or sources()) for label in score_source(path, with_fy)]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def halves(labels: list[Label]) -> str:
    """One line per half and one for both: accuracy and false contradictions."""
    out = []
    for name, group in (
        *((h, [x for x in labels if x.half == h]) for h in HALVES),
        ("all", labels),
    ):
        t = Tally(group)
        out.append(f"| {name} | {t.n} | {_pct(t.accuracy())} | {_pct(t.false_contradiction())} |")
    return "| half | claims | accuracy | false contradictions |\n|---|---|---|---|\n" + "\n".join(
        out
    )


def table(labels: list[Label]) -> str:
    """A Markdown table: each source, each half and the whole set."""
    head = (
        "| source | half | claims | accuracy | supported P / R | contradicted P / R | "
        "unverifiable P / R | false contradictions | not found |\n"
        "|---|---|---|---|---|---|---|---|---|"
    )
    rows = []
    groups: list[tuple[str, str, list[Label]]] = []
    for name in sorted({x.source for x in labels}):
        groups.append((name, half_of(name), [x for x in labels if x.source == name]))
    for half in HALVES:
        groups.append((f"**{half} half**", half, [x for x in labels if x.half == half]))
    groups.append(("**all**", "both", labels))
    for name, half, group in groups:
        t = Tally(group)
        cells = [f"{_pct(t.precision(v))} / {_pct(t.recall(v))}" for v in VERDICTS]
        rows.append(
            f"| {name} | {half} | {t.n} | {_pct(t.accuracy())} | {' | '.join(cells)} | "
            f"{_pct(t.false_contradiction())} | {t.missed()} |"
        )
    return head + "\n" + "\n".join(rows)


def summary(labels: list[Label], title: str) -> str:
    """A Markdown table for a labelled set other than the development set: each source and
    the whole set."""
    head = (
        "| source | claims | accuracy | false contradictions | not found |\n|---|---|---|---|---|"
    )
    rows = []
    groups = [
        (name, [x for x in labels if x.source == name])
        for name in sorted({x.source for x in labels})
    ]
    groups.append((f"**{title}**", labels))
    for name, group in groups:
        t = Tally(group)
        rows.append(
            f"| {name} | {t.n} | {_pct(t.accuracy())} | {_pct(t.false_contradiction())} | "
            f"{t.missed()} |"
        )
    return head + "\n" + "\n".join(rows)
