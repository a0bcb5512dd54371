"""Agency packs: one agency's knowledge as a folder of data, beside the reports using it.

::

    packs/<name>/
      pack.yaml           name, title, agency, description; optional generator hook
      tables/*.yaml       canonical tables (`yearbook.tables.declared`)
      layouts/*.yaml      release layouts and value normalisations (`yearbook.ingest`)
      vocabulary.yaml     offices (ids and the names prose uses for them), units, claims
      reference/*.csv     reference lists
      disclosure.yaml     disclosure defaults

A report names its pack in ``report.yaml`` (``pack: ice`` is the folder
``packs/ice`` at the root the report folder sits in: ``../../packs/ice``).
`load_pack` reads a pack and collects every problem in it with file and line.
The engine's own tables (`yearbook.tables.engine`) are part of every pack's tables.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from yearbook.errors import DeclarationError
from yearbook.problems import Lines, Problems, located
from yearbook.tables import TableSchema
from yearbook.tables.declared import load_tables
from yearbook.tables.engine import ENGINE_TABLES

__all__ = ["Office", "Pack", "load_pack", "pack_folder"]

_PACK_KEYS = {"name", "title", "agency", "description", "generator"}


@dataclass(frozen=True)
class Office:
    """An office of the agency: the id metric ids start with, and the names prose uses."""

    id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Pack:
    """A loaded pack."""

    name: str
    title: str
    agency: str
    description: str
    folder: Path
    tables: Mapping[str, TableSchema]
    """The pack's tables and the engine's, by name."""
    vocabulary: Mapping[str, Any] = field(default_factory=dict)
    """``vocabulary.yaml`` as plain data (its ``claims:`` section is the checker's)."""
    offices: tuple[Office, ...] = ()
    units: tuple[str, ...] = ()
    generator: str | None = None
    """``FILE:FUNCTION`` (FILE relative to the pack) of the demo-data generator, if any."""
    disclosure: Mapping[str, Any] = field(default_factory=dict)
    """``disclosure.yaml`` as plain data: the agency's disclosure defaults, which a
    report's own ``disclosure:`` keys override one by one."""

    @property
    def own_tables(self) -> dict[str, TableSchema]:
        """The tables the pack declares (without the engine's)."""
        engine = {t.name for t in ENGINE_TABLES}
        return {n: t for n, t in self.tables.items() if n not in engine}

    @property
    def layouts_dir(self) -> Path:
        return self.folder / "layouts"

    @property
    def references(self) -> dict[str, Path]:
        """Reference lists by name (file stem)."""
        return {p.stem: p for p in sorted((self.folder / "reference").glob("*.csv"))}

    def generator_module(self) -> ModuleType:
        """The module (or package) of the pack's demo-data generator, loaded by its path.

        It is registered as ``<pack>_generator`` (``ice_generator``), so a package's
        modules import each other relatively and tests can import it by that name.
        """
        if not self.generator:
            raise DeclarationError(
                f"pack {self.name!r} has no demo-data generator",
                hint="declare one in pack.yaml as `generator: FILE.py:FUNCTION`",
            )
        file = self.generator.partition(":")[0]
        return _load_module(self.folder / file, f"{self.name}_generator")

    def generator_function(self) -> Callable[..., Any]:
        """The pack's demo-data generator: ``FUNCTION(warehouse, report_folder, seed=...)``."""
        module = self.generator_module()
        file, _, function = str(self.generator).partition(":")
        found = getattr(module, function, None)
        if not callable(found):
            raise DeclarationError(f"pack {self.name!r}: {file} has no function {function!r}")
        return found  # type: ignore[no-any-return]


def _load_module(path: Path, name: str) -> ModuleType:
    """A Python file (a package's ``__init__.py`` or a module) loaded by its path."""
    if name in sys.modules:
        return sys.modules[name]
    locations = [str(path.parent)] if path.name == "__init__.py" else None
    spec = importlib.util.spec_from_file_location(name, path, submodule_search_locations=locations)
    if spec is None or spec.loader is None or not path.is_file():
        raise DeclarationError(f"cannot load {path}", hint="check the generator path in pack.yaml")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def pack_folder(report_folder: Path, name: str) -> Path:
    """Where a report's ``pack:`` points: a name is ``packs/<name>`` beside ``reports/``."""
    if "/" in name or name.startswith("."):
        return (report_folder / name).resolve()
    return (report_folder.resolve().parent.parent / "packs" / name).resolve()


def load_pack(path: Path | str, problems: Problems | None = None) -> Pack:
    """Read a pack folder. With `problems`, every problem is added there (the caller
    raises); without, they are raised together as one `ValidationFailed`."""
    folder = Path(path)
    own = problems is None
    found = Problems() if problems is None else problems
    if not (folder / "pack.yaml").is_file():
        raise DeclarationError(
            f"no pack.yaml in {folder}",
            hint="a pack folder holds pack.yaml and tables/ (see docs/packs.md; "
            "`yearbook init-pack NAME` makes one)",
        )
    spec, lines = located(folder / "pack.yaml", found)
    spec = _pack_spec(spec, lines, found)
    tables = {t.name: t for t in ENGINE_TABLES}
    for name, table in load_tables(folder / "tables", found).items():
        if name in tables:
            found.add(
                folder / "tables" / f"{name}.yaml", 1, f"table {name!r} is one of the engine's"
            )
            continue
        tables[name] = table
    vocabulary, offices, units = _vocabulary(folder / "vocabulary.yaml", found)
    if own:
        found.raise_if_any()
    return Pack(
        name=str(spec.get("name", folder.name)),
        title=str(spec.get("title", "")),
        agency=str(spec.get("agency", "")),
        description=str(spec.get("description", "")).strip(),
        folder=folder,
        tables=tables,
        vocabulary=vocabulary,
        offices=offices,
        units=units,
        generator=str(spec["generator"]) if spec.get("generator") else None,
        disclosure=_disclosure(folder / "disclosure.yaml", found),
    )


def _disclosure(path: Path, problems: Problems) -> dict[str, Any]:
    """The pack's disclosure defaults (an optional file)."""
    if not path.is_file():
        return {}
    data, _ = located(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(path, 1, "disclosure.yaml must be a mapping of disclosure settings")
        return {}
    return data


def _pack_spec(spec: Any, lines: Lines, problems: Problems) -> dict[str, Any]:
    if not isinstance(spec, dict):
        problems.at(lines, (), "pack.yaml must be a mapping (name, title, agency, ...)")
        return {}
    for key in sorted(set(spec) - _PACK_KEYS):
        problems.at(
            lines, (key,), f"unknown field {key!r} (known: {', '.join(sorted(_PACK_KEYS))})"
        )
    for key in ("name", "title", "agency"):
        if not spec.get(key):
            problems.at(lines, (), f"pack.yaml needs {key!r}")
    generator = spec.get("generator")
    if generator and ":" not in str(generator):
        problems.at(lines, ("generator",), "generator is FILE.py:FUNCTION")
    return spec


def _vocabulary(
    path: Path, problems: Problems
) -> tuple[dict[str, Any], tuple[Office, ...], tuple[str, ...]]:
    if not path.is_file():
        return {}, (), ()
    data, lines = located(path, problems)
    if data is None:
        return {}, (), ()
    if not isinstance(data, dict):
        problems.at(lines, (), "vocabulary.yaml must be a mapping (offices, units, claims)")
        return {}, (), ()
    offices: list[Office] = []
    for i, item in enumerate(data.get("offices") or []):
        if not isinstance(item, dict) or not item.get("id") or not item.get("names"):
            problems.at(lines, ("offices", i), "an office is {id: ..., names: [...]}")
            continue
        offices.append(Office(str(item["id"]), tuple(str(n) for n in item["names"])))
    units = data.get("units") or []
    if not isinstance(units, list):
        problems.at(lines, ("units",), "'units' must be a list")
        units = []
    return data, tuple(offices), tuple(str(u) for u in units)
