"""Golden SQL: every metric's compiled SQL, per engine dialect, kept as reviewed files.

``tests/golden/<dialect>/<metric>.sql`` holds a metric's standalone SQL (its
lineage) for the headline and each breakdown; ``tests/golden/<dialect>/plan.sql``
holds the fused plan that a build runs. A compiler change shows its effect on
every query as a diff of these files. They are never edited by hand:
``make golden`` (``pytest tests/test_golden_sql.py --update-golden``) rewrites
them from the compiler, and the diff is reviewed like code.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.conftest import REPO
from yearbook.backends import DIALECTS, ENGINES
from yearbook.metrics.compiler import compile_plan
from yearbook.report import Report

GOLDEN = REPO / "tests" / "golden"


def golden_texts(report: Report, dialect: str) -> dict[str, str]:
    """File name -> text: one file per metric, and the fused plan."""
    plan = compile_plan(report.metrics, report.pack.tables, dialect=dialect)
    texts: dict[str, str] = {}
    for metric, decl in report.metrics.items():
        parts = []
        for breakdown in ("", *decl.breakdowns):
            head = f"-- {metric}" + (f" by {breakdown}" if breakdown else "")
            parts.append(f"{head}\n{plan.lineage[(metric, breakdown)]};\n")
        texts[f"{metric}.sql"] = "\n".join(parts)
    scans = [*plan.scans, *plan.bounds, *plan.orders]
    texts["plan.sql"] = "\n".join(f"-- {', '.join(s.metrics)}\n{s.sql};\n" for s in scans)
    return texts


def _drift(folder: Path, texts: dict[str, str]) -> list[str]:
    """A description of every file that differs from what the compiler gives now."""
    found = []
    stored = {p.name for p in folder.glob("*.sql")}
    for name in sorted(stored - set(texts)):
        found.append(f"{name}: stale (no such metric any more)")
    for name, text in sorted(texts.items()):
        path = folder / name
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        if old != text:
            diff = difflib.unified_diff(
                old.splitlines(), text.splitlines(), f"golden/{name}", "compiled", lineterm=""
            )
            found.append("\n".join(list(diff)[:40]))
    return found


@pytest.mark.parametrize("dialect", [DIALECTS[e] for e in ENGINES])
def test_compiled_sql_matches_golden_files(
    report: Report, dialect: str, request: pytest.FixtureRequest
) -> None:
    folder = GOLDEN / dialect
    texts = golden_texts(report, dialect)
    if request.config.getoption("--update-golden"):
        folder.mkdir(parents=True, exist_ok=True)
        for path in folder.glob("*.sql"):
            if path.name not in texts:
                path.unlink()
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
    drift = _drift(folder, texts)
    assert not drift, (
        f"{len(drift)} golden SQL file(s) of {dialect} differ from the compiler "
        "(if the change is intended: make golden, then review the diff):\n\n"
        + "\n\n".join(drift[:5])
    )


def test_every_metric_has_a_golden_file_per_dialect(report: Report) -> None:
    for dialect in DIALECTS.values():
        names = {p.stem for p in (GOLDEN / dialect).glob("*.sql")}
        assert set(report.metrics) <= names, sorted(set(report.metrics) - names)
