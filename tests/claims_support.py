"""Helpers of the claim-rule tests: a text checked against a few figures built in place, with
the flagship report's metrics and its pack's vocabulary, and what the checker made of a claim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from tests.conftest import REPORT_DIR
from yearbook.claims import CheckResult, ClaimVerdict, check
from yearbook.claims.sources import figures_from_rows
from yearbook.claims.vocabulary import Vocabulary, report_vocabulary
from yearbook.figures import Figures
from yearbook.figures.meta import MetricMeta, load_metric_meta

Row = tuple[str, int, int] | tuple[str, int, int, str, str] | Mapping[str, str]
"""(metric, fiscal year, value[, breakdown, category]): one figure of a test's table; or a
row as a CSV of published figures has it (`published`), for a unit or a qualifier."""


class Checker:
    """Checks a text against a small figures table with the flagship report's metrics."""

    def __init__(self, metrics: Mapping[str, MetricMeta], vocabulary: Vocabulary) -> None:
        self.metrics = metrics
        self.vocabulary = vocabulary

    @classmethod
    def flagship(cls) -> Checker:
        return cls.of(REPORT_DIR)

    @classmethod
    def of(cls, report: Path) -> Checker:
        """With a report folder's metrics and its pack's vocabulary."""
        vocabulary = report_vocabulary(report)
        assert vocabulary is not None, f"{report.name} has no pack vocabulary"
        return cls(load_metric_meta(report / "metrics"), vocabulary)

    def __call__(self, text: str, rows: list[Row], published: dt.date | None = None) -> CheckResult:
        return check(
            text,
            table(rows),
            metrics=self.metrics,
            vocabulary=self.vocabulary,
            published=published,
        )


def table(rows: list[Row]) -> Figures:
    """A figures table of a test's rows."""
    return figures_from_rows(_row(row) for row in rows)


def published(metric: str, year: int, value: int, **fields: str) -> dict[str, str]:
    """A row as a CSV of published figures has it: ``unit="percent"``, ``qualifier="more than"``."""
    return {"metric": metric, "fiscal_year": str(year), "value": str(value), **fields}


def _row(row: Row) -> Mapping[str, str]:
    if isinstance(row, Mapping):
        return row
    metric, year, value, *category = row
    out = {"metric": metric, "fiscal_year": str(year), "value": str(value)}
    if category:
        out["breakdown"], out["breakdown_value"] = category
    return out


def claim(result: CheckResult, text: str) -> ClaimVerdict:
    """The claim of a check whose printed text is ``text``."""
    found = [c for c in result.claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in result.claims]}"
    return found[0]


def verdict(result: CheckResult, text: str) -> tuple[str | None, int | None, str]:
    """What the checker made of one claim: (metric, fiscal year, verdict)."""
    found = claim(result, text)
    return found.metric, found.fiscal_year, found.verdict
