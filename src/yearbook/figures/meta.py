"""The metric-metadata contract: what the layers downstream of the figures know of a metric.

A `MetricMeta` carries a metric's id, label, definition, unit, measure, office,
synonyms, numerator and denominator, breakdowns, prose defaults and disclosure
class, and the names of the canonical tables it reads. It never carries a
declaration's SQL parts (table filter, join, column): the text, the pages, the
bundle, the API, the claim checker and disclosure control read this and the
figures table, nothing of `yearbook.metrics`.

The build makes it from the declarations (`metric_meta`); every build publishes
it in its open-data bundle as the flat ``metrics`` table (`METRICS_FIELDS`,
``data/metrics.json`` and ``.csv``), and readers of a build get it back from
there (`read_metric_meta`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from yearbook.errors import UserError
from yearbook.metrics.declarations import Display, MetricDecl, load_metrics
from yearbook.rules import Measure, is_derived, metric_inputs, with_inputs

__all__ = [
    "METRICS_FIELDS",
    "SYNONYM_SEPARATOR",
    "Display",
    "MetricMeta",
    "load_metric_meta",
    "metric_meta",
    "read_metric_meta",
    "source_tables",
]

SYNONYM_SEPARATOR = "; "
"""Joins a metric's synonyms in the flat metrics table."""

METRICS_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("id", "string", "The metric id, its name in every layer."),
    ("office", "string", "The office the metric belongs to."),
    ("label", "string", "What the figure counts, in words."),
    ("definition", "string", "The definition in words."),
    ("unit", "string", "The unit of the value."),
    ("measure", "string", "How it is computed: count, count_distinct, sum, ratio or share."),
    ("synonyms", "string", "Other names the metric goes by in prose, separated by '; '."),
    ("numerator", "string", "For a ratio or share: the metric it divides; else empty."),
    ("denominator", "string", "For a ratio or share: the metric it divides by; else empty."),
    ("source_tables", "string", "Canonical tables read, space separated."),
    ("breakdowns", "string", "Breakdowns the metric is published by, space separated."),
    ("sql", "string", "The SQL that computes the headline figure of the report's year."),
)
"""The published, flat form of the contract: the bundle's ``metrics`` table."""


_FROM_DECL = (
    "id",
    "label",
    "unit",
    "measure",
    "definition",
    "office",
    "synonyms",
    "numerator",
    "denominator",
    "breakdowns",
    "disclosure",
    "source",
)
"""The declaration's fields the contract carries as they are."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MetricMeta(_Model):
    """One metric, as everything downstream of the figures knows it."""

    id: str
    label: str
    unit: str
    measure: Measure
    definition: str = ""
    office: str = ""
    synonyms: tuple[str, ...] = ()
    numerator: str | None = None
    denominator: str | None = None
    breakdowns: tuple[str, ...] = ()
    display: Display = Field(default_factory=Display)
    disclosure: Literal["count", "rate", "none"] = "count"
    tables: tuple[str, ...] = ()
    """The canonical tables the metric reads directly (names only)."""
    source: str = ""
    """For submitted figures: which office submission provides the value."""

    @property
    def is_derived(self) -> bool:
        return is_derived(self.measure)

    @property
    def inputs(self) -> tuple[str, ...]:
        """The metrics a ratio or share divides (numerator first); none for the others."""
        return metric_inputs(self.measure, self.numerator, self.denominator)

    @classmethod
    def from_decl(cls, decl: MetricDecl) -> MetricMeta:
        """The contract's view of a declaration."""
        fields = decl.model_dump(include=set(_FROM_DECL))
        return cls(**fields, display=decl.display, tables=decl.tables)

    def record(self, metas: Mapping[str, MetricMeta], sql: str = "") -> dict[str, str]:
        """The metric as a row of the bundle's flat ``metrics`` table."""
        return {
            "id": self.id,
            "office": self.office,
            "label": self.label,
            "definition": self.definition,
            "unit": self.unit,
            "measure": self.measure,
            "synonyms": SYNONYM_SEPARATOR.join(self.synonyms),
            "numerator": self.numerator or "",
            "denominator": self.denominator or "",
            "source_tables": " ".join(source_tables(self, metas)),
            "breakdowns": " ".join(self.breakdowns),
            "sql": sql,
        }

    @classmethod
    def from_record(cls, row: Mapping[str, Any]) -> MetricMeta:
        """A metric read back from a row of the bundle's ``metrics`` table.

        Builds made before the bundle listed synonyms and parts have none.
        """
        synonyms = str(row.get("synonyms") or "").split(SYNONYM_SEPARATOR.strip())
        return cls(
            id=str(row["id"]),
            label=str(row["label"]),
            definition=str(row.get("definition") or ""),
            unit=str(row["unit"]),
            measure=row["measure"],
            office=str(row.get("office") or ""),
            synonyms=tuple(s.strip() for s in synonyms if s.strip()),
            numerator=str(row.get("numerator") or "") or None,
            denominator=str(row.get("denominator") or "") or None,
            breakdowns=tuple(str(row.get("breakdowns") or "").split()),
            tables=tuple(str(row.get("source_tables") or "").split()),
        )


def metric_meta(decls: Mapping[str, MetricDecl]) -> dict[str, MetricMeta]:
    """The contract of every declared metric, in declaration order."""
    return {mid: MetricMeta.from_decl(decl) for mid, decl in decls.items()}


def load_metric_meta(folder: Path) -> dict[str, MetricMeta]:
    """The contract of the metrics a report folder declares (its ``metrics/*.yaml``)."""
    return metric_meta(load_metrics(folder))


def source_tables(meta: MetricMeta, metas: Mapping[str, MetricMeta]) -> list[str]:
    """The canonical tables a metric reads, through its numerator and denominator too."""
    inputs = {m: d.inputs for m, d in metas.items()}
    reached = with_inputs([meta.id], inputs) if meta.id in metas else {meta.id}
    found: Iterable[str] = (t for m in reached for t in metas.get(m, meta).tables)
    return sorted(set(found) | set(meta.tables))


def read_metric_meta(path: Path) -> dict[str, MetricMeta]:
    """The contract as a build published it (``data/metrics.json`` of its bundle)."""
    if not path.is_file():
        raise UserError(
            f"no metric metadata at {path}",
            hint="point at a folder written by `yearbook build` or `yearbook demo`",
        )
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        metas = [MetricMeta.from_record(row) for row in rows]
    except (ValueError, KeyError, TypeError, ValidationError) as err:
        raise UserError(
            f"{path} is not a metrics table of a yearbook build: {str(err).splitlines()[0]}",
            hint="rebuild the report with `yearbook build`",
        ) from None
    return {m.id: m for m in metas}
