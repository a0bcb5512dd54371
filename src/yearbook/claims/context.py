"""What a check reads beside its text and its figures, and where each reader finds it.

A check links claims with three things besides the figures: the metric
declarations (labels, synonyms), the vocabulary of the report's pack (the words
writers use, "sold" for sales) and the published figures the sources
cannot compute, with the reason (a build's reconciliation), and the figures whose records
cover part of their year (a build's coverage). `yearbook check`
reads them from the report folder and the builds it is given (`report_context`).
A build writes its report folder's declarations and vocabulary, read the same
way, beside its verdicts (`CONTEXT_FILE`), so a server of the build alone
(``POST /api/check``) reads them from the build (`build_context`) and gives the
verdicts `yearbook check --report REPORT --figures BUILD` gives. (The report
declares metrics its build may not compute, for want of their tables: the
checker weighs a claim's words against every declaration, so the build's
published contract alone would link some claims differently.)

>>> from yearbook.claims.vocabulary import Vocabulary
>>> words = Vocabulary({"ops": ("OPS",)}, {"sold": ("sales",)}, frozenset({"people"}))
>>> vocabulary_from_mapping(vocabulary_mapping(words)) == words
True
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from yearbook.claims import CheckResult, check
from yearbook.claims.vocabulary import Vocabulary, report_vocabulary, vocabulary_from_mapping
from yearbook.coverage import FILE as COVERAGE
from yearbook.errors import DeclarationError, UserError
from yearbook.figures import Figures
from yearbook.figures.meta import MetricMeta, load_metric_meta
from yearbook.reconcile import FILE as RECONCILIATION
from yearbook.reconcile import NOT_COMPUTABLE, read_lines

__all__ = [
    "CONTEXT_FILE",
    "CheckContext",
    "build_context",
    "not_computable",
    "partial_years",
    "read_context",
    "report_context",
    "vocabulary_mapping",
    "write_context",
]

CONTEXT_FILE = "checker.json"
"""In a build folder: the declarations and vocabulary `yearbook check --report` reads the
build's report with (``{"metrics": [...], "vocabulary": {...} | null}``)."""


@dataclass(frozen=True)
class CheckContext:
    """Everything a check reads besides the text and the figures."""

    metrics: Mapping[str, MetricMeta] | None = None
    vocabulary: Vocabulary | None = None
    not_computable: Mapping[str, str] = field(default_factory=dict)
    partial: Mapping[tuple[str, int], str] = field(default_factory=dict)
    """The figures (metric, fiscal year) whose records cover part of the year, and how."""

    def check(
        self,
        text: str,
        figures: Figures | None,
        *,
        fiscal_year: int | None,
        fmt: str = "auto",
        published: dt.date | None = None,
    ) -> CheckResult:
        """Check ``text`` against ``figures`` with these declarations and words."""
        return check(
            text,
            figures,
            fiscal_year=fiscal_year,
            fmt=fmt,
            published=published,
            metrics=self.metrics,
            vocabulary=self.vocabulary,
            not_computable=dict(self.not_computable),
            partial=dict(self.partial),
        )


def report_context(report_dir: Path, builds: Iterable[Path] = ()) -> CheckContext:
    """The context of `yearbook check`: the report folder's, and its sources' reconciliation
    and coverage."""
    builds = list(builds)
    metrics = load_metric_meta(report_dir / "metrics")
    return CheckContext(
        metrics,
        report_vocabulary(report_dir),
        not_computable(builds),
        partial_years(builds, metrics),
    )


def build_context(site: Path, published: Mapping[str, MetricMeta]) -> CheckContext:
    """The context a build wrote (`CONTEXT_FILE`) and its reconciliation; a build written
    without one is read with its ``published`` metric contract and no vocabulary."""
    found = read_context(site)
    if found is None:
        return CheckContext(
            published, None, not_computable([site]), partial_years([site], published)
        )
    partial = partial_years([site], found.metrics or published)
    return CheckContext(found.metrics, found.vocabulary, not_computable([site]), partial)


def not_computable(paths: Iterable[Path]) -> dict[str, str]:
    """The published figures each build's reconciliation says it cannot compute, and why
    (paths that are not build folders have none)."""
    out: dict[str, str] = {}
    for path in paths:
        if (path / RECONCILIATION).is_file():
            for line in read_lines(path):
                if line.status == NOT_COMPUTABLE:
                    out.setdefault(line.published_id, line.reason)
    return out


def partial_years(
    paths: Iterable[Path], metrics: Mapping[str, MetricMeta]
) -> dict[tuple[str, int], str]:
    """The figures whose records cover part of their fiscal year, by each build's coverage
    (`yearbook.coverage`): (metric, fiscal year) -> what the records cover. A metric reads
    the tables its declaration names; one of them partly covering a year makes its figure
    of that year partial."""
    short: dict[tuple[str, int], str] = {}
    for path in paths:
        file = path / COVERAGE
        if not file.is_file():
            continue
        try:
            rows = json.loads(file.read_text(encoding="utf-8"))
            short.update(
                ((row["table"], int(row["fiscal_year"])), str(row["note"]))
                for row in rows
                if not row["complete"]
            )
        except (ValueError, KeyError, TypeError) as err:
            raise UserError(
                f"{file} is not what a build writes: {err}", hint="build the report again"
            ) from None
    return {
        (meta.id, year): note
        for meta in metrics.values()
        for (table, year), note in short.items()
        if table in meta.tables
    }


def vocabulary_mapping(vocabulary: Vocabulary) -> dict[str, Any]:
    """A vocabulary in the shape of ``vocabulary.yaml`` (read back by
    `vocabulary_from_mapping`)."""
    return {
        "offices": [{"id": k, "names": list(v)} for k, v in vocabulary.offices.items()],
        "claims": {
            "terms": {word: list(means) for word, means in vocabulary.terms.items()},
            "generic": sorted(vocabulary.generic),
            "published": dict(vocabulary.published),
            "others": list(vocabulary.others),
            "home": list(vocabulary.home),
            "distinct": list(vocabulary.distinct),
            "translations": {k: dict(v) for k, v in vocabulary.translations.items()},
            "periods": [
                {
                    "names": list(p.names),
                    "years": [p.first, p.last],
                    **({"until": p.until.isoformat()} if p.until else {}),
                }
                for p in vocabulary.periods
            ],
        },
    }


def write_context(context: CheckContext, out: Path) -> None:
    """Write the declarations and vocabulary of ``context`` into a build folder."""
    data = {
        "metrics": [meta.model_dump(mode="json") for meta in (context.metrics or {}).values()],
        "vocabulary": vocabulary_mapping(context.vocabulary) if context.vocabulary else None,
    }
    text = json.dumps(data, indent=1, ensure_ascii=False)
    (out / CONTEXT_FILE).write_text(text + "\n", encoding="utf-8")


def read_context(site: Path) -> CheckContext | None:
    """The declarations and vocabulary a build wrote (None for a build written without)."""
    path = site / CONTEXT_FILE
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        metas = [MetricMeta.model_validate(row) for row in raw["metrics"]]
        words = raw["vocabulary"]
        vocabulary = vocabulary_from_mapping(words) if words is not None else None
    except (ValueError, KeyError, TypeError, ValidationError, DeclarationError) as err:
        raise UserError(
            f"{path} is not what a build writes: {str(err).splitlines()[0]}",
            hint="build the report again",
        ) from None
    return CheckContext({meta.id: meta for meta in metas}, vocabulary)
