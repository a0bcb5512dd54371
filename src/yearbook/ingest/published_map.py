"""Which cells of published workbooks are which published figure: a pack's mapping, applied.

The table finder gives every number of a workbook with its table title, row
label and column label. A pack says, as data, which of them are figures it
knows (``packs/<name>/published/*.yaml``)::

    office: Courts
    figures:
      - id: courts.cases                   # the published figure's id
        unit: cases
        table: 'Cases by Office and Month'   # regular expressions,
        row: '^Total$'                       # matched case-insensitively
        column: '^Year total$'
      - id: courts.cases
        breakdown: case_type               # the category is the first group of a pattern
        table: 'Cases by Office and Month' # (row first, then column)
        row: '^Total / (.+)$'              # or, without a group, the row label itself
        column: '^Year total$'
      - id: courts.cases
        breakdown: office
        sheet: '^Offices'
        column: 'Cases: By type / '
        sum: columns                       # the matching cells of each row, summed

(A pack's ``published/*.yaml`` files are full examples.)

A figure with a breakdown is stored as ``<id>/<breakdown>=<category>`` in the
``published_figures`` table; its source is ``<workbook>#<Sheet>!<cell>``. When
two workbooks publish the same figure (a year-end table repeated in the next
year's workbook), the later workbook's value is kept: it is the publisher's
latest word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yearbook.errors import UserError
from yearbook.ingest.workbooks import PublishedCell, WorkbookScan
from yearbook.yamlio import safe_load

__all__ = ["MappedFigure", "Rule", "load_rules", "map_cells", "published_id"]

_KEYS = {"id", "unit", "label", "breakdown", "sheet", "table", "row", "column", "sum", "office"}


def published_id(figure: str, breakdown: str = "", category: str = "") -> str:
    """The id a published figure has in the ``published_figures`` table."""
    return f"{figure}/{breakdown}={category}" if breakdown else figure


@dataclass(frozen=True)
class Rule:
    """One entry of a mapping file."""

    id: str
    office: str
    unit: str
    breakdown: str
    sheet: re.Pattern[str] | None
    table: re.Pattern[str] | None
    row: re.Pattern[str] | None
    column: re.Pattern[str] | None
    sum_columns: bool
    source: str

    def matches(self, cell: PublishedCell) -> re.Match[str] | bool:
        checks = (
            (self.sheet, cell.sheet),
            (self.table, cell.table),
            (self.row, cell.row_label),
            (self.column, cell.column_label),
        )
        return all(p is None or p.search(text) for p, text in checks)

    def category(self, cell: PublishedCell) -> str:
        for pattern, text in ((self.row, cell.row_label), (self.column, cell.column_label)):
            match = pattern.search(text) if pattern else None
            if match and match.groups():
                return (match.group(1) or "").strip()
        return cell.row_label


@dataclass(frozen=True)
class MappedFigure:
    """A published figure read from a workbook."""

    id: str
    office: str
    fiscal_year: int
    value: float
    unit: str
    source: str


def _pattern(entry: Mapping[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    text = entry.get(key)
    if text is None:
        return None
    try:
        return re.compile(str(text), re.IGNORECASE)
    except re.error as exc:
        raise UserError(f"{where}: {key}: not a regular expression ({exc})") from exc


def _rule(entry: object, office: str, where: str) -> Rule:
    if not isinstance(entry, dict) or "id" not in entry:
        raise UserError(f"{where}: each figure needs an `id`", "see yearbook.ingest.published_map")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise UserError(f"{where}: unknown key(s) {', '.join(unknown)}", f"use {sorted(_KEYS)}")
    if entry.get("sum") not in (None, "columns"):
        raise UserError(f"{where}: sum: only `columns` is known")
    return Rule(
        id=str(entry["id"]),
        office=str(entry.get("office", office)),
        unit=str(entry.get("unit", "")),
        breakdown=str(entry.get("breakdown", "")),
        sheet=_pattern(entry, "sheet", where),
        table=_pattern(entry, "table", where),
        row=_pattern(entry, "row", where),
        column=_pattern(entry, "column", where),
        sum_columns=entry.get("sum") == "columns",
        source=where,
    )


def load_rules(paths: Iterable[Path]) -> list[Rule]:
    """The rules of mapping files (``figures:`` lists), in file order."""
    rules: list[Rule] = []
    for path in sorted(paths):
        data = safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or not isinstance(data.get("figures"), list):
            raise UserError(f"{path}: expected a mapping with a `figures:` list")
        office = str(data.get("office", ""))
        for i, entry in enumerate(data["figures"]):
            rules.append(_rule(entry, office, f"{path.name}: figures[{i}]"))
    return rules


def _apply(rule: Rule, cells: Sequence[PublishedCell]) -> dict[tuple[str, int], MappedFigure]:
    found: dict[tuple[str, int], MappedFigure] = {}
    for cell in cells:
        if cell.fiscal_year is None or not rule.matches(cell):
            continue
        category = rule.category(cell) if rule.breakdown else ""
        key = (published_id(rule.id, rule.breakdown, category), cell.fiscal_year)
        source = f"{cell.workbook}#{cell.cell}"
        previous = found.get(key)
        if (
            previous is not None
            and rule.sum_columns
            and previous.source.split("#")[0] == cell.workbook
        ):
            value = previous.value + cell.value
            source = previous.source
        elif previous is not None:
            continue  # the first matching cell of a workbook is the figure
        else:
            value = cell.value
        found[key] = MappedFigure(key[0], rule.office, cell.fiscal_year, value, rule.unit, source)
    return found


def map_cells(scans: Sequence[WorkbookScan], rules: Sequence[Rule]) -> list[MappedFigure]:
    """Every published figure the rules find, the later workbook's when two publish one."""
    figures: dict[tuple[str, int], MappedFigure] = {}
    for scan in scans:  # in order: a later workbook replaces an earlier one's figure
        mine: dict[tuple[str, int], MappedFigure] = {}
        for rule in rules:
            for key, figure in _apply(rule, scan.cells).items():
                mine.setdefault(key, figure)
        figures.update(mine)
    return sorted(figures.values(), key=lambda f: (f.id, f.fiscal_year))
