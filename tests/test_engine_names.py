"""The engine knows no agency: no name from the ICE pack appears in src/yearbook/.

The forbidden names are read from the ICE pack itself — its table names, its
tables' column names, the source columns of its release layouts, its office ids
and the names prose uses for them — so the list follows the pack. Every string
literal, docstring and comment of the engine is searched for them as whole words.
Names the engine's own tables also use (``value``, ``metric``, ``office`` ...) are
the engine's words too and are not forbidden. Docstring examples that name ICE on
purpose are listed in ALLOWED, one by one.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import yaml

from tests.conftest import ICE, REPO
from yearbook.ingest.dedup import DEDUP_COLUMN
from yearbook.manifest import PARTITION_KEY
from yearbook.tables.engine import ENGINE_TABLES

ENGINE = REPO / "src" / "yearbook"

GENERIC = {"date", "day", "month", "n", "state", "program", "operation", "quantity"}
"""Names in the ICE pack that are also plain words of any statistics engine (a date, a
month, a count ``n`` ...): the engine uses them in its own sense, so they are not
forbidden. ``fiscal_year`` is the engine's partition column."""

ALLOWED: set[tuple[str, str]] = {
    ("api/fast.py", "ero"),
    ("api/fast.py", "removals"),
    ("claims/__init__.py", "ERO"),
    ("claims/__init__.py", "arrests"),
    ("claims/consistency.py", "victims"),
    ("claims/extract.py", "ERO"),
    ("claims/extract.py", "arrests"),
    ("claims/link.py", "HSI"),
    ("claims/link.py", "arrests"),
    ("claims/link.py", "gang"),
    ("claims/output.py", "ERO"),
    ("claims/relevance.py", "charges"),
    ("claims/relevance.py", "gang"),
    ("claims/relevance.py", "removals"),
    ("claims/text.py", "ERO"),
    ("claims/valuelink.py", "removals"),
    ("claims/parts.py", "removals"),
    ("claims/verify.py", "arrests"),
    ("claims/vocabulary.py", "ERO"),
    ("claims/vocabulary.py", "Enforcement and Removal Operations"),
    ("claims/vocabulary.py", "arrests"),
    ("claims/vocabulary.py", "ero"),
    ("claims/vocabulary.py", "removals"),
    ("coverage.py", "arrests"),
    ("disclosure/policy.py", "ero"),
    ("figures/__init__.py", "aor"),
    ("figures/__init__.py", "arrests"),
    ("figures/__init__.py", "departure_country"),
    ("figures/__init__.py", "ero"),
    ("incremental.py", "ero"),
    ("incremental.py", "removals"),
    ("ingest/__init__.py", "arrests"),
    ("ingest/layouts.py", "Apprehension Criminality"),
    ("ingest/layouts.py", "Apprehension Date"),
    ("ingest/layouts.py", "ERO"),
    ("ingest/layouts.py", "arrest_date"),
    ("ingest/layouts.py", "arrests"),
    ("ingest/layouts.py", "criminality"),
    ("ingest/published_map.py", "ERO"),
    ("ingest/published_map.py", "criminality"),
    ("ingest/published_map.py", "facility"),
    ("manifest.py", "arrests"),
    ("metrics/declarations.py", "ERO"),
    ("metrics/declarations.py", "aor"),
    ("metrics/declarations.py", "arrests"),
    ("metrics/declarations.py", "criminality"),
    ("metrics/declarations.py", "ero"),
    ("narrative/render.py", "charge_category"),
    ("narrative/render.py", "ero"),
    ("narrative/render.py", "hsi"),
    ("publish/charts.py", "HSI"),
    ("publish/charts.py", "arrests"),
    ("publish/charts.py", "hsi"),
    ("publish/diff.py", "ERO"),
    ("publish/diff.py", "arrests"),
    ("publish/labels.py", "arrests"),
    ("publish/labels.py", "convicted"),
    ("publish/labels.py", "criminality"),
    ("publish/labels.py", "ero"),
    ("publish/numbers.py", "arrests"),
    ("publish/site.py", "ero"),
    ("reconcile.py", "arrests"),
    ("reconcile.py", "criminality"),
    ("reconcile.py", "ero"),
    ("reconcile.py", "facility"),
    ("rules.py", "aor"),
    ("rules.py", "arrests"),
    ("warehouse.py", "arrests"),
    ("warehouse.py", "removals"),
}
"""(file relative to src/yearbook, forbidden name) pairs allowed in docstrings: examples
that show a declaration, a metric id or a sentence of the flagship report."""

PENDING: set[tuple[str, str]] = set()
"""(file, name) pairs allowed in code while their owner moves them into the pack: none."""


def forbidden_names() -> set[str]:
    engine_words = {t.name for t in ENGINE_TABLES} | {
        c.name for t in ENGINE_TABLES for c in t.columns
    }
    engine_words |= {DEDUP_COLUMN, PARTITION_KEY} | GENERIC
    names: set[str] = set(ICE.own_tables)
    names |= {c.name for t in ICE.own_tables.values() for c in t.columns}
    for path in sorted(ICE.layouts_dir.glob("*.yaml")):
        if path.name.startswith("_"):
            continue  # the value normalisations, not a layout
        layout = yaml.safe_load(path.read_text(encoding="utf-8"))
        for column in layout["columns"].values():
            names |= {*column["from"], *column.get("with", ())}
    for office in ICE.offices:
        names |= {office.id, *office.names}
    return {n for n in names if n not in engine_words}


def _texts(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(line, text, is a docstring) of every string literal and comment of a module."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            docstrings.add(id(node.value))  # attribute docstrings
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value, id(node) in docstrings
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string, False


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w&]){re.escape(name)}(?![\w&])")


def test_forbidden_names_come_from_the_pack() -> None:
    names = forbidden_names()
    assert {"arrests", "removals", "apprehension_method", "criminality"} <= names
    assert {"ERO", "Homeland Security Investigations", "Apprehension Date"} <= names


def test_no_ice_name_appears_in_the_engine() -> None:
    names = sorted(forbidden_names(), key=len, reverse=True)
    pattern = re.compile("|".join(_pattern(n).pattern for n in names))
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        rel = str(path.relative_to(ENGINE))
        for line, text, docstring in _texts(path):
            allowed = ALLOWED if docstring else PENDING
            for name in {m.group(0) for m in pattern.finditer(text)}:
                if (rel, name) not in allowed:
                    found.append(f"{rel}:{line}: {name!r}")
    assert found == []


def test_the_search_sees_literals_and_comments_and_tells_docstrings(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""Counts arrests."""\n\nTABLE = "arrests"  # the arrests table\n', encoding="utf-8"
    )
    found = [(line, docstring) for line, text, docstring in _texts(module) if "arrests" in text]
    assert sorted(found) == [(1, True), (3, False), (3, False)]
