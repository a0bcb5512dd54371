"""The build checks itself: its own rendered text against its own figures."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from yearbook.claims import CheckResult, check
from yearbook.claims.context import write_vocabulary
from yearbook.claims.vocabulary import report_vocabulary
from yearbook.errors import UserError
from yearbook.figures import Figures
from yearbook.figures.meta import MetricMeta
from yearbook.narrative.render import strip_links

__all__ = ["CLAIMS_FILE", "self_check"]

CLAIMS_FILE = "claims.json"
"""The verdicts a build writes beside its report (offsets into the text without links)."""


def self_check(
    figures: Figures,
    markdown: str,
    out: Path,
    *,
    fiscal_year: int,
    metrics: Mapping[str, MetricMeta],
    report_dir: Path,
) -> CheckResult:
    """Check the rendered report of `report_dir` (its text in `markdown`), write
    ``claims.json`` and the vocabulary it read the text with (`VOCABULARY_FILE`, so the
    build's API checks text with the same words) and fail on any contradiction."""
    text = strip_links(markdown)
    vocabulary = report_vocabulary(report_dir)
    result = check(
        text,
        figures,
        fiscal_year=fiscal_year,
        fmt="markdown",
        metrics=metrics,
        vocabulary=vocabulary,
    )
    out.mkdir(parents=True, exist_ok=True)
    write_vocabulary(vocabulary, out)
    (out / CLAIMS_FILE).write_text(result.to_json() + "\n", encoding="utf-8")
    if result.contradicted:
        named = "; ".join(f"{c.text!r} ({c.reason})" for c in result.contradicted)
        raise UserError(
            f"the report contradicts its own figures: {named}",
            hint=f"fix the template or the metric; every verdict is in {out / CLAIMS_FILE}",
        )
    return result
