"""What changed between two builds: figures added, removed and revised, and the
sentences of the report whose numbers changed.

>>> _masked("ERO made 170,590 arrests, up 19.5%.")
'ERO made # arrests, up #%.'
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from yearbook.errors import UserError
from yearbook.figures import Figure, Figures, read_figures
from yearbook.narrative.render import strip_links
from yearbook.rules import FigureKey

__all__ = [
    "BuildDiff",
    "FigureChange",
    "SentenceChange",
    "diff_builds",
    "diff_figures",
    "diff_sentences",
    "print_diff",
]

Key = FigureKey

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-Z\-•*])|\n\s*[-*]\s+|\n{2,}")


@dataclass(frozen=True)
class FigureChange:
    """One figure that is new, gone or has a different value."""

    metric: str
    fiscal_year: int
    breakdown: str
    breakdown_value: str
    old: float | None
    new: float | None
    old_status: str
    new_status: str

    @property
    def change_pct(self) -> float | None:
        if self.old is None or self.new is None or self.old == 0:
            return None
        return 100 * (self.new - self.old) / abs(self.old)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "change_pct": self.change_pct}


@dataclass(frozen=True)
class SentenceChange:
    """A sentence whose wording is the same but whose numbers differ."""

    old: str
    new: str


@dataclass
class BuildDiff:
    """The difference between build A (old) and build B (new)."""

    added: list[FigureChange] = field(default_factory=list)
    removed: list[FigureChange] = field(default_factory=list)
    revised: list[FigureChange] = field(default_factory=list)
    sentences: list[SentenceChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.revised or self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [c.to_dict() for c in self.added],
            "removed": [c.to_dict() for c in self.removed],
            "revised": [c.to_dict() for c in self.revised],
            "sentences": [asdict(s) for s in self.sentences],
        }


def _key(fig: Figure) -> Key:
    return (fig.metric, fig.fiscal_year, fig.breakdown, fig.breakdown_value)


def _change(key: Key, old: Figure | None, new: Figure | None) -> FigureChange:
    return FigureChange(
        *key,
        old=old.value if old else None,
        new=new.value if new else None,
        old_status=old.status if old else "",
        new_status=new.status if new else "",
    )


def diff_figures(a: Figures, b: Figures) -> BuildDiff:
    """Figures of ``b`` compared with those of ``a``."""
    old = {_key(f): f for f in a}
    new = {_key(f): f for f in b}
    out = BuildDiff()
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if before is None:
            out.added.append(_change(key, None, after))
        elif after is None:
            out.removed.append(_change(key, before, None))
        elif (before.value, before.status) != (after.value, after.status):
            out.revised.append(_change(key, before, after))
    return out


def _sentences(markdown: str) -> list[str]:
    text = strip_links(markdown)
    parts = _SENTENCE.split(text)
    return [" ".join(p.split()) for p in parts if p and _NUMBER.search(p)]


def _masked(sentence: str) -> str:
    return _NUMBER.sub("#", sentence)


def diff_sentences(old_markdown: str, new_markdown: str) -> list[SentenceChange]:
    """Sentences present in both texts, worded alike, whose numbers differ."""
    old, new = _sentences(old_markdown), _sentences(new_markdown)
    remaining = {s for s in new}
    by_mask: dict[str, list[str]] = {}
    for s in new:
        by_mask.setdefault(_masked(s), []).append(s)
    changes = []
    for s in old:
        if s in remaining:
            continue
        candidates = [c for c in by_mask.get(_masked(s), []) if c in remaining]
        if candidates:
            remaining.discard(candidates[0])
            changes.append(SentenceChange(s, candidates[0]))
    return changes


def _report_text(build: Path) -> str:
    path = build / "report.md"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def diff_builds(a: Path, b: Path) -> BuildDiff:
    """Compare two build folders (their figures tables and report texts)."""
    for folder in (a, b):
        if not (folder / "figures.parquet").is_file():
            raise UserError(
                f"{folder} is not a build folder (no figures.parquet)",
                hint="pass two folders written by `yearbook build` or `yearbook demo`",
            )
    out = diff_figures(read_figures(a), read_figures(b))
    out.sentences = diff_sentences(_report_text(a), _report_text(b))
    return out


def _num(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _where(c: FigureChange) -> tuple[str, str, str]:
    category = f"{c.breakdown}={c.breakdown_value}" if c.breakdown else ""
    return c.metric, f"FY {c.fiscal_year}", category


def print_diff(diff: BuildDiff, console: Console) -> None:
    """Print a diff as tables: figures revised, added, removed; sentences changed."""
    if diff.empty:
        console.print("No differences.")
        return
    if diff.revised:
        table = Table("metric", "year", "breakdown", "old", "new", "change", title="Revised")
        for c in diff.revised:
            pct = "" if c.change_pct is None else f"{c.change_pct:+.1f}%"
            table.add_row(*_where(c), _num(c.old), _num(c.new), pct)
        console.print(table)
    for title, rows, attr in (("Added", diff.added, "new"), ("Removed", diff.removed, "old")):
        if rows:
            table = Table("metric", "year", "breakdown", "value", title=title)
            for c in rows:
                table.add_row(*_where(c), _num(getattr(c, attr)))
            console.print(table)
    if diff.sentences:
        table = Table("before", "after", title="Sentences whose numbers changed")
        for s in diff.sentences:
            table.add_row(s.old, s.new)
        console.print(table)
    console.print(
        f"{len(diff.revised)} revised, {len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.sentences)} sentences changed."
    )
