"""One direction of flow: the engine's layers, kept by import-linter (``[tool.importlinter]``).

tables -> warehouse -> metrics -> figures -> {narrative, claims, disclosure} -> report
-> publish -> build -> api -> cli: a module imports only layers below its own. Ingest
loads records through the warehouse's own API, so it sits above the warehouse and
nothing downstream of it imports it.
"""

from __future__ import annotations

import itertools
import tomllib

import grimp
from importlinter.cli import lint_imports

from tests.conftest import REPO

FLOW = [
    "yearbook.tables",
    "yearbook.warehouse",
    "yearbook.metrics",
    "yearbook.figures",
    "yearbook.narrative",
    "yearbook.claims",
    "yearbook.disclosure",
    "yearbook.report",
    "yearbook.publish",
    "yearbook.build",
    "yearbook.api",
    "yearbook.cli",
]
"""The packages in data-flow order (upstream first)."""


def _layers() -> list[list[str]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    top_first = [
        [m.strip() for m in layer.replace(":", "|").split("|")] for layer in contract["layers"]
    ]
    return top_first[::-1]


def test_the_layers_follow_the_flow() -> None:
    level = {m: i for i, layer in enumerate(_layers()) for m in layer}
    assert set(FLOW) <= set(level)
    for upstream, downstream in itertools.pairwise(FLOW):
        assert level[upstream] <= level[downstream], (upstream, downstream)
    assert level["yearbook.metrics"] < level["yearbook.figures"] < level["yearbook.narrative"]
    assert level["yearbook.warehouse"] < level["yearbook.ingest"] < level["yearbook.metrics"]


def test_the_import_contracts_are_kept() -> None:
    """The layers, and downstream of the figures no import of the metric declarations."""
    assert lint_imports(str(REPO / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_no_import_cycle_between_any_two_modules() -> None:
    """Not even one held together by an import inside a function."""
    graph = grimp.build_graph("yearbook")
    modules = sorted(graph.modules)
    cycles = [
        (a, b)
        for a in modules
        for b in graph.find_modules_directly_imported_by(a)
        if a < b and graph.chain_exists(b, a)
    ]
    assert cycles == []


def test_no_import_cycle_between_the_engines_parts() -> None:
    """No two top-level parts of the engine import each other, directly or through others."""
    graph = grimp.build_graph("yearbook")
    parts = sorted({".".join(m.split(".")[:2]) for m in graph.modules} - {"yearbook"})
    cycles = [
        (a, b)
        for a in parts
        for b in parts
        if a < b
        and graph.chain_exists(a, b, as_packages=True)
        and graph.chain_exists(b, a, as_packages=True)
    ]
    assert cycles == []
