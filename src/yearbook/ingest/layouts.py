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
from yearbook.ingest.parse import PARSERS
from yearbook.tables import Tables, TableSchema
from yearbook.yamlio import safe_load

__all__ = [
    "NORMALISE_FILE",
    "PARSERS",
    "ColumnMap",
    "IngestError",
    "Layout",
    "Match",
    "Normalisation",
    "detect_layout",
    "known_headers",
    "layout_context",
    "load_layouts",
    "normalise_header",
    "read_normalisation",
]

NORMALISE_FILE = "_normalise.yaml"
"""A pack's value normalisations, beside its layouts (`Normalisation`)."""


@dataclass(frozen=True)
class Normalisation:
    """How a pack's releases write values, for every layout of the pack::

    # layouts/_normalise.yaml
    redaction_prefixes: ["b(", "(b"]      # a cell starting so is redacted
    values:                               # parse: status reads cells through this
      status: {Open case: open, Closed: closed}
    """

    redaction_prefixes: tuple[str, ...] = ()
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def read_normalisation(folder: Path) -> Normalisation:
    """The value normalisations in a layouts folder (none when it has no such file)."""
    path = folder / NORMALISE_FILE
    if not path.is_file():
        return Normalisation()
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) - {"redaction_prefixes", "values"}:
        raise IngestError(
            f"{path}: expected 'redaction_prefixes' and 'values'",
            hint="see docs/ingest.md for the value normalisations",
        )
    values = {
        str(name): {str(k): str(v) for k, v in (table or {}).items()}
        for name, table in (data.get("values") or {}).items()
    }
    for name in values:
        if name in PARSERS:
            raise IngestError(f"{path}: {name!r} is a built-in parser's name")
    return Normalisation(tuple(str(p) for p in data.get("redaction_prefixes") or ()), values)


DEDUP_RULES = ("exact", "same_person_day", "arrest_episode_24h", "stint_same_day")
"""Every de-duplication rule a layout may name (see `yearbook.ingest.dedup`)."""


class IngestError(UserError):
    """A file cannot be ingested as it is (unknown layout, unreadable, inconsistent)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class ColumnMap(_Model):
    """Where one canonical column comes from."""

    sources: tuple[str, ...] = Field(alias="from")
    parse: str = "text"
    """A parser (`PARSERS`) or one of the pack's value normalisations."""
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
    person_column: str | None = None
    """The column identifying a person, for duplicate rules; by default the table's
    first identifying column."""
    _schema: TableSchema | None = PrivateAttr(default=None)
    _normalisation: Normalisation = PrivateAttr(default_factory=Normalisation)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Layout:
        context = info.context or {}
        tables: Tables = context.get("tables") or {}
        normalisation: Normalisation = context.get("normalisation") or Normalisation()
        if self.table not in tables:
            raise ValueError(f"unknown table {self.table!r}")
        schema = tables[self.table]
        self._schema = schema
        self._normalisation = normalisation
        for name, colmap in self.columns.items():
            if colmap.parse not in PARSERS and colmap.parse not in normalisation.values:
                known = ", ".join([*PARSERS, *normalisation.values])
                raise ValueError(f"column {name!r}: unknown parser {colmap.parse!r} ({known})")
        for name in [*self.columns, *self.defaults]:
            if name not in schema.column_names:
                raise ValueError(f"table {self.table!r} has no column {name!r}")
        for rule in self.dedup:
            if rule not in DEDUP_RULES:
                raise ValueError(f"unknown de-duplication rule {rule!r}")
        if schema.date_column not in self.columns:
            raise ValueError(f"the date column {schema.date_column!r} must be mapped")
        if set(self.dedup) - {"exact"} and not self.person:
            raise ValueError("its duplicate rules need a person_column (none is identifying)")
        return self

    @property
    def person(self) -> str:
        """The column identifying a person ("" when the table has none)."""
        if self.person_column:
            return self.person_column
        return next(iter(self.table_schema.identifying_columns), "")

    @property
    def normalisation(self) -> Normalisation:
        """The pack's value normalisations, which its columns may parse with."""
        return self._normalisation

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
        if not path.name.startswith("_")
    ]


def layout_context(folder: Path, tables: Tables) -> dict[str, object]:
    """What a layout of the pack whose layouts are in `folder` is validated against."""
    return {"tables": tables, "normalisation": read_normalisation(folder)}


def load_layouts(folder: Path, tables: Tables, extra: Path | None = None) -> tuple[Layout, ...]:
    """The layouts of a pack (its ``layouts/`` folder), plus those in `extra`.

    `tables` are the pack's canonical tables, which each layout must fill; the
    pack's value normalisations (``layouts/_normalise.yaml``) are the parsers
    its columns may name besides the built-in ones.
    """
    folders = [folder] + ([extra] if extra is not None else [])
    context = layout_context(folder, tables)
    layouts: dict[str, Layout] = {}
    for path, text in _layout_files(folders):
        try:
            layout = Layout.model_validate(safe_load(text), context=context)
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
