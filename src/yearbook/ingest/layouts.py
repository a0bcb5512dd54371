"""Release layouts: one mapping file (YAML, data not code) per known layout of a release.

A layout says which canonical table a file fills and, for each canonical
column, which source headers may hold it and how to parse its cells::

    id: ero_arrests_2025
    table: arrests
    description: ERO administrative arrests, 2025 releases.
    columns:
      arrest_date: {from: [Apprehension Date], parse: datetime}
      criminality: {from: [Apprehension Criminality], parse: criminality}
    dedup: [exact, arrest_episode_24h]

A file's layout is found from its header row: the layout whose columns are
all present and which recognises the most headers wins. Header names are
compared ignoring case, spacing and punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from yearbook.errors import UserError
from yearbook.tables import Tables, TableSchema
from yearbook.yamlio import safe_load

__all__ = [
    "PARSERS",
    "ColumnMap",
    "IngestError",
    "Layout",
    "Match",
    "detect_layout",
    "known_headers",
    "load_layouts",
    "normalise_header",
]

Parser = Literal[
    "text",
    "upper",
    "date",
    "datetime",
    "integer",
    "number",
    "criminality",
    "gender",
    "yes_no",
    "ncic_code",
    "fiscal_year_end",
    "fiscal_month",
]
PARSERS: tuple[str, ...] = get_args(Parser)
"""Every cell parser a layout may name (see `yearbook.ingest.parse`)."""

DEDUP_RULES = ("exact", "same_person_day", "arrest_episode_24h", "stint_same_day")
"""Every de-duplication rule a layout may name (see `yearbook.ingest.dedup`)."""


class IngestError(UserError):
    """A file cannot be ingested as it is (unknown layout, unreadable, inconsistent)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class ColumnMap(_Model):
    """Where one canonical column comes from."""

    sources: tuple[str, ...] = Field(alias="from")
    parse: Parser = "text"
    joined: tuple[str, ...] = Field(default=(), alias="with")
    """Headers of a second source column whose cell is appended to the first's, after a
    space, before parsing (a month and its fiscal year held in two columns, for example)."""


class Layout(_Model):
    """One known layout of a release, read from its mapping file."""

    id: str
    table: str
    description: str
    columns: dict[str, ColumnMap]
    defaults: dict[str, str | int | float | bool] = Field(default_factory=dict)
    """Canonical columns the layout does not carry, filled with a constant (say why)."""
    missing_values: tuple[str, ...] = ("NA", "N/A")
    """Cell texts meaning 'no value' besides empty cells and redaction markers."""
    dedup: tuple[str, ...] = ()
    person_column: str = "person_id"
    _schema: TableSchema | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Layout:
        tables: Tables = (info.context or {}).get("tables") or {}
        if self.table not in tables:
            raise ValueError(f"unknown table {self.table!r}")
        schema = tables[self.table]
        self._schema = schema
        for name in [*self.columns, *self.defaults]:
            if name not in schema.column_names:
                raise ValueError(f"table {self.table!r} has no column {name!r}")
        for rule in self.dedup:
            if rule not in DEDUP_RULES:
                raise ValueError(f"unknown de-duplication rule {rule!r}")
        if schema.date_column not in self.columns:
            raise ValueError(f"the date column {schema.date_column!r} must be mapped")
        return self

    @property
    def table_schema(self) -> TableSchema:
        """The canonical table the layout fills (checked when the layout was loaded)."""
        if self._schema is None:
            raise UserError(f"layout {self.id!r} was loaded without its pack's tables")
        return self._schema

    @property
    def id_column(self) -> str | None:
        """The table's key column when the layout does not map it (generated from the row)."""
        key = self.table_schema.key
        if len(key) == 1 and key[0] not in self.columns and key[0] not in self.defaults:
            return key[0]
        return None

    @property
    def required(self) -> tuple[str, ...]:
        """Canonical columns that must be found in a file of this layout."""
        schema = self.table_schema
        return tuple(
            c.name
            for c in schema.columns
            if (c.required or c.name == schema.date_column) and c.name in self.columns
        )


@dataclass(frozen=True)
class Match:
    """A layout matched to a header row: canonical column -> index of its source column."""

    layout: Layout
    positions: Mapping[str, int]
    sources: Mapping[str, str]
    """canonical column -> the header text it was read from."""
    joined: Mapping[str, int] = field(default_factory=dict)
    """canonical column -> index of the second source column its cells are joined with."""

    @property
    def read(self) -> list[int]:
        """Every source column the match reads, in file order."""
        return sorted({*self.positions.values(), *self.joined.values()})


_PUNCT = re.compile(r"[^0-9a-z]+")


def normalise_header(text: object) -> str:
    """A header compared ignoring case, spacing and punctuation.

    >>> normalise_header("  Anonymized  Identifier ")
    'anonymized identifier'
    >>> normalise_header("MSC NCIC Charge-Code")
    'msc ncic charge code'
    """
    return _PUNCT.sub(" ", str(text or "").lower()).strip()


def _layout_files(folders: Sequence[Path]) -> list[tuple[Path, str]]:
    return [
        (path, path.read_text(encoding="utf-8"))
        for folder in folders
        for path in sorted(folder.glob("*.yaml"))
    ]


def load_layouts(folder: Path, tables: Tables, extra: Path | None = None) -> tuple[Layout, ...]:
    """The layouts of a pack (its ``layouts/`` folder), plus those in `extra`.

    `tables` are the pack's canonical tables, which each layout must fill.
    """
    folders = [folder] + ([extra] if extra is not None else [])
    layouts: dict[str, Layout] = {}
    for path, text in _layout_files(folders):
        try:
            layout = Layout.model_validate(safe_load(text), context={"tables": tables})
        except (ValidationError, yaml.YAMLError) as err:
            raise IngestError(
                f"mapping file {path.name} is invalid: {err}",
                hint="see docs/ingest.md for the mapping file format",
            ) from None
        if layout.id in layouts:
            raise IngestError(f"mapping file {path.name}: layout {layout.id!r} is declared twice")
        layouts[layout.id] = layout
    return tuple(layouts.values())


def known_headers(layouts: Sequence[Layout]) -> frozenset[str]:
    """Every normalised source header some layout knows."""
    return frozenset(
        normalise_header(s)
        for lay in layouts
        for col in lay.columns.values()
        for s in (*col.sources, *col.joined)
    )


def _find(index: Mapping[str, int], names: Sequence[str]) -> int | None:
    for name in names:
        at = index.get(normalise_header(name))
        if at is not None:
            return at
    return None


def _match(layout: Layout, headers: Sequence[str]) -> tuple[Match | None, int, list[str]]:
    index: dict[str, int] = {}
    for i, h in enumerate(headers):
        index.setdefault(normalise_header(h), i)
    positions: dict[str, int] = {}
    sources: dict[str, str] = {}
    joined: dict[str, int] = {}
    for name, col in layout.columns.items():
        at = _find(index, col.sources)
        second = _find(index, col.joined) if col.joined else None
        if at is None or (col.joined and second is None):
            continue
        positions[name] = at
        sources[name] = headers[at]
        if second is not None:
            joined[name] = second
    missing = [
        " + ".join((col.sources[0], *col.joined[:1]))
        for name in layout.required
        if name not in positions
        for col in [layout.columns[name]]
    ]
    match = None if missing else Match(layout, positions, sources, joined)
    return match, len(positions), missing


def detect_layout(headers: Sequence[str], layouts: Sequence[Layout], file: str) -> Match:
    """The layout of a header row, or a clear error naming what could not be mapped."""
    best: tuple[int, int, Match] | None = None
    closest: tuple[float, Layout, list[str]] | None = None
    for layout in layouts:
        match, found, missing = _match(layout, headers)
        if match is not None:
            score = (found, -len(layout.columns), match)
            if best is None or score[:2] > best[:2]:
                best = score
        share = found / max(len(layout.columns), 1)
        if closest is None or share > closest[0]:
            closest = (share, layout, missing)
    if best is not None:
        return best[2]
    known = known_headers(layouts)
    unmapped = [h for h in headers if h and normalise_header(h) not in known]
    hint = "add a mapping file for this layout (see docs/ingest.md)"
    if closest is not None:
        share, layout, missing = closest
        hint = (
            f"the closest known layout is {layout.id!r} ({share:.0%} of its columns found; "
            f"it needs {', '.join(repr(m) for m in missing) or 'nothing more'}); " + hint
        )
    if sum(1 for h in headers if h) < 2:  # not a header row: say nothing of its content
        raise IngestError(
            f"{file}: unknown layout; no row at its top holds two or more column names",
            hint=hint,
        )
    shown = ", ".join(repr(_short(h)) for h in unmapped[:12]) or "none"
    more = f" and {len(unmapped) - 12} more" if len(unmapped) > 12 else ""
    raise IngestError(f"{file}: unknown layout; columns it could not map: {shown}{more}", hint=hint)


def _short(header: str) -> str:
    return header if len(header) <= 40 else header[:39] + "…"
