"""Validation that reports everything: a report folder and its pack, checked as a whole.

`validate_report` reads ``report.yaml``, the report's pack and its metric
declarations, and collects every problem it finds — an unknown pack, table,
column, metric, breakdown or template, a value of the wrong type, a metric
declared twice — each with the file and line it is on. `yearbook validate
REPORT` prints them like a compiler; loading a report for a build runs the
same checks and refuses a report with any problem, listing them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from yearbook.disclosure import DisclosurePolicy, identifying_columns
from yearbook.errors import UserError
from yearbook.ingest.layouts import NORMALISE_FILE, Layout, layout_context
from yearbook.metrics.declarations import MetricDecl
from yearbook.packs import Pack, load_pack, pack_folder
from yearbook.problems import Lines, Problem, Problems, located
from yearbook.report_spec import ReportSpec, Section

__all__ = ["CheckedReport", "check_report", "validate_pack", "validate_report"]


@dataclass(frozen=True)
class _Declared:
    decl: MetricDecl
    lines: Lines
    index: int

    def at(self, problems: Problems, path: tuple[str | int, ...], message: str) -> None:
        problems.at(self.lines, (self.index, *path), f"metric {self.decl.id!r}: {message}")


@dataclass(frozen=True)
class CheckedReport:
    """A report folder as validation read it: its problems, and the parts it could read (a
    report with no problems has them all)."""

    problems: list[Problem]
    spec: ReportSpec | None = None
    pack: Pack | None = None
    metrics: dict[str, MetricDecl] = field(default_factory=dict)


def validate_report(folder: Path | str) -> list[Problem]:
    """Every problem of the report in `folder` (with its pack), in file and line order."""
    return check_report(folder).problems


def check_report(folder: Path | str) -> CheckedReport:
    """`validate_report`, with what it read: loading a report reads its files once."""
    folder = Path(folder)
    problems = Problems()
    spec_file = folder / "report.yaml"
    if not spec_file.is_file():
        problems.add(
            spec_file, 0, "no report.yaml (a report folder holds report.yaml, metrics/, templates/)"
        )
        return CheckedReport(list(problems))
    data, lines = located(spec_file, problems)
    spec = _validated(ReportSpec, data, lines, (), problems) if data is not None else None
    # A field with a problem hides nothing else: the parts that are valid are checked.
    raw = data if isinstance(data, dict) else {}
    pack = _pack(folder, raw.get("pack"), lines, problems)
    metrics = _metrics(folder / "metrics", problems)
    _check_metrics(metrics, pack, problems)
    breakdowns: dict[str, Any] = raw.get("breakdowns") or {}
    if not isinstance(breakdowns, dict):
        breakdowns = {}
    policy = _quiet(DisclosurePolicy, raw.get("disclosure") or {})
    _check_breakdowns(breakdowns, policy, lines, metrics, pack, problems)
    coverage: list[Any] = raw.get("coverage") or []
    for i, table in enumerate(coverage if isinstance(coverage, list) else []):
        if pack is not None and table not in pack.tables:
            problems.at(lines, ("coverage", i), f"coverage names unknown table {table!r}")
    sections: list[Any] = raw.get("sections") or []
    if not isinstance(sections, list):
        sections = []
    for i, item in enumerate(sections):
        section = _quiet(Section, item)
        if section is not None:
            for path, message in _section_problems(section, folder, metrics, pack):
                problems.at(lines, ("sections", i, *path), f"section {section.id!r}: {message}")
    found = sorted(problems, key=lambda p: (str(p.file), p.line))
    return CheckedReport(found, spec, pack, {m: item.decl for m, item in metrics.items()})


def _quiet(model: Any, data: Any) -> Any:
    """`data` validated by `model`, or None (its problems are reported elsewhere)."""
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def _validated(
    model: Any, data: Any, lines: Lines, at: tuple[str | int, ...], problems: Problems
) -> Any:
    """`data` validated by a pydantic `model`; every error is a problem at its field's line."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        for error in err.errors():
            loc = tuple(error["loc"])
            where = ".".join(str(p) for p in loc)
            problems.at(lines, (*at, *loc), f"{where + ': ' if where else ''}{error['msg']}")
        return None


def validate_pack(folder: Path | str) -> list[Problem]:
    """Every problem of the pack in `folder`: its declarations and its release layouts."""
    folder = Path(folder)
    problems = Problems()
    if not (folder / "pack.yaml").is_file():
        problems.add(
            folder / "pack.yaml", 0, "no pack.yaml (a pack folder holds pack.yaml, tables/)"
        )
        return list(problems)
    pack = load_pack(folder, problems)
    _check_layouts(pack, problems)
    return sorted(problems, key=lambda p: (str(p.file), p.line))


def _check_layouts(pack: Pack, problems: Problems) -> None:
    """Each release layout of the pack, read against the pack's tables."""
    seen: dict[str, Path] = {}
    try:
        context = layout_context(pack.layouts_dir, pack.tables)
    except UserError as err:
        problems.add(pack.layouts_dir / NORMALISE_FILE, 0, err.message)
        return
    for path in sorted(pack.layouts_dir.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data, lines = located(path, problems)
        if data is None:
            continue
        try:
            layout = Layout.model_validate(data, context=context)
        except ValidationError as err:
            for error in err.errors():
                loc = tuple(error["loc"])
                where = ".".join(str(p) for p in loc)
                message = str(error["msg"]).removeprefix("Value error, ")
                at = loc or _layout_field(data, message)
                problems.at(lines, at, f"layout: {where + ': ' if where else ''}{message}")
            continue
        if layout.id in seen:
            problems.at(
                lines, ("id",), f"layout {layout.id!r} is also declared in {seen[layout.id].name}"
            )
        seen.setdefault(layout.id, path)


def _layout_field(data: Any, message: str) -> tuple[str | int, ...]:
    """The field a layout's whole-declaration error is about, for its line."""
    named = re.search(r"column '([^']+)'", message)
    if "unknown table" in message:
        return ("table",)
    if named and isinstance(data, dict):
        for section in ("columns", "defaults"):
            if named.group(1) in (data.get(section) or {}):
                return (section, named.group(1))
        return ("columns",)
    if "de-duplication rule" in message:
        return ("dedup",)
    return ()


def _pack(folder: Path, name: Any, lines: Lines, problems: Problems) -> Pack | None:
    if not isinstance(name, str) or not name:
        return None  # reported by the spec's own validation
    path = pack_folder(folder, name)
    if not (path / "pack.yaml").is_file():
        problems.at(lines, ("pack",), f"pack {name!r} not found (no {path / 'pack.yaml'})")
        return None
    pack = load_pack(path, problems)
    _check_layouts(pack, problems)
    return pack


def _metrics(folder: Path, problems: Problems) -> dict[str, _Declared]:
    files = sorted(folder.glob("*.yaml"))
    if not files:
        problems.add(folder, 0, "no metric declarations (YAML lists in metrics/*.yaml)")
    found: dict[str, _Declared] = {}
    for path in files:
        items, lines = located(path, problems)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.at(lines, (), "expected a YAML list of metric declarations")
            continue
        for index, item in enumerate(items):
            decl = _validated(MetricDecl, item, lines, (index,), problems)
            if decl is None:
                continue
            if decl.id in found:
                problems.at(lines, (index, "id"), f"metric {decl.id!r} is declared twice")
                continue
            found[decl.id] = _Declared(decl, lines, index)
    return found


def _check_metrics(metrics: dict[str, _Declared], pack: Pack | None, problems: Problems) -> None:
    for item in metrics.values():
        decl = item.decl
        if pack is not None:
            for path, message in decl.table_problems(pack.tables):
                item.at(problems, path, message)
        for side in ("numerator", "denominator"):
            ref = getattr(decl, side)
            if ref and ref not in metrics:
                item.at(problems, (side,), f"refers to unknown metric {ref!r}")
        if decl.is_derived and decl.numerator in metrics:
            num = metrics[decl.numerator or ""].decl
            for i, name in enumerate(decl.breakdowns):
                if name not in num.breakdowns:
                    item.at(
                        problems,
                        ("breakdowns", i),
                        f"breaks down by {name!r} but its numerator {num.id!r} does not",
                    )


def _check_breakdowns(
    breakdowns: dict[str, Any],
    policy: DisclosurePolicy | None,
    lines: Lines,
    metrics: dict[str, _Declared],
    pack: Pack | None,
    problems: Problems,
) -> None:
    for name, label in breakdowns.items():
        if not label:
            problems.at(lines, ("breakdowns", name), f"breakdown {name!r} needs a label")
    declared = policy.identifying if policy is not None else ()
    identifying = identifying_columns([*declared, *_pack_identifying(pack)])
    for item in metrics.values():
        for i, name in enumerate(item.decl.breakdowns):
            if name.lower() in identifying:
                item.at(
                    problems,
                    ("breakdowns", i),
                    f"breaks down by {name!r}, which identifies a person",
                )
            elif name not in breakdowns:
                item.at(
                    problems,
                    ("breakdowns", i),
                    f"breaks down by {name!r}, which report.yaml does not declare "
                    "under 'breakdowns'",
                )
    for i, released in enumerate(policy.released if policy is not None else ()):
        target = metrics.get(released.metric)
        if target is None or target.decl.breakdowns:
            problems.at(
                lines,
                ("disclosure", "released", i, "metric"),
                f"disclosure.released names {released.metric!r}, which is not a declared "
                "metric without breakdowns",
            )


def _pack_identifying(pack: Pack | None) -> Iterator[str]:
    if pack is not None:
        for table in pack.tables.values():
            yield from table.identifying_columns


def _section_problems(
    section: Any, folder: Path, metrics: dict[str, _Declared], pack: Pack | None
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if not (folder / "templates" / section.template).is_file():
        yield ("template",), f"template {section.template!r} not found in {folder / 'templates'}"
    if pack is not None:
        for j, table in enumerate(section.requires):
            if table not in pack.tables:
                yield ("requires", j), f"requires unknown table {table!r}"
    for j, mid in enumerate(section.panel):
        if mid not in metrics:
            yield ("panel", j), f"panel names unknown metric {mid!r}"
    for j, chart in enumerate(section.charts):
        mid, _, name = chart.partition(":")
        if mid not in metrics or name not in metrics[mid].decl.breakdowns:
            yield ("charts", j), f"chart {chart!r} is not a declared metric:breakdown pair"
