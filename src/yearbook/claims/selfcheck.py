"""The build checks itself: its own rendered text against its own figures.

Numbers inside text that a template variable supplied as text (a submitted list
item, a breakdown label: "Title 42", "3 offices") are names, not figures: the
renderer keeps where that text is (`yearbook.narrative.prose.Prose`) and the
self-check leaves out every claim whose number sits inside it. Numbers the
template writes from figures, and its own words, are checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from yearbook.claims import CheckResult, ClaimVerdict, check
from yearbook.claims.vocabulary import report_vocabulary
from yearbook.errors import UserError
from yearbook.figures import Figures
from yearbook.figures.meta import MetricMeta
from yearbook.narrative.prose import Prose, Span, strip_links

__all__ = ["CLAIMS_FILE", "self_check"]

CLAIMS_FILE = "claims.json"
"""The verdicts a build writes beside its report (offsets into the text without links)."""


def self_check(
    figures: Figures,
    markdown: str | Prose,
    out: Path,
    *,
    fiscal_year: int,
    metrics: Mapping[str, MetricMeta],
    report_dir: Path,
) -> CheckResult:
    """Check the rendered report of `report_dir` (its text in `markdown`, with the spans
    variables supplied as text when it is `Prose`), write
    ``claims.json`` and fail on any contradiction."""
    text, supplied = (
        markdown.plain() if isinstance(markdown, Prose) else (strip_links(markdown), ())
    )
    result = check(
        text,
        figures,
        fiscal_year=fiscal_year,
        fmt="markdown",
        metrics=metrics,
        vocabulary=report_vocabulary(report_dir),
    )
    result = CheckResult([c for c in result.claims if not _supplied(c, text, supplied)])
    out.mkdir(parents=True, exist_ok=True)
    (out / CLAIMS_FILE).write_text(result.to_json() + "\n", encoding="utf-8")
    if result.contradicted:
        named = "; ".join(f"{c.text!r} ({c.reason})" for c in result.contradicted)
        raise UserError(
            f"the report contradicts its own figures: {named}",
            hint=f"fix the template or the metric; every verdict is in {out / CLAIMS_FILE}",
        )
    return result


def _supplied(claim: ClaimVerdict, text: str, supplied: Sequence[Span]) -> bool:
    """Whether the claim's number sits in supplied text: its first digit, or for a number
    in words ("three offices") its last character."""
    digit = next((i for i in range(claim.start, claim.end) if text[i].isdigit()), claim.end - 1)
    return Prose.covers(supplied, digit)
