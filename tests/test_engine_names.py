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
from yearbook.tables.engine import ENGINE_TABLES

ENGINE = REPO / "src" / "yearbook"

ALLOWED: set[tuple[str, str]] = set()
"""(file relative to src/yearbook, forbidden name) pairs allowed in a docstring example."""


def forbidden_names() -> set[str]:
    engine_words = {t.name for t in ENGINE_TABLES} | {
        c.name for t in ENGINE_TABLES for c in t.columns
    }
    names: set[str] = set(ICE.own_tables)
    names |= {c.name for t in ICE.own_tables.values() for c in t.columns}
    for path in sorted(ICE.layouts_dir.glob("*.yaml")):
        layout = yaml.safe_load(path.read_text(encoding="utf-8"))
        for column in layout["columns"].values():
            names |= set(column["from"])
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
    patterns = {name: _pattern(name) for name in forbidden_names()}
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        rel = str(path.relative_to(ENGINE))
        for line, text, docstring in _texts(path):
            for name, pattern in patterns.items():
                if pattern.search(text) and not (docstring and (rel, name) in ALLOWED):
                    found.append(f"{rel}:{line}: {name!r}")
    assert found == []
