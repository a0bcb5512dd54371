"""The metric declaration: what a figure means, as data.

A metric is declared in YAML in a report's ``metrics/`` folder::

    - id: ero.admin_arrests
      label: administrative arrests
      definition: Administrative arrests made by ERO in the fiscal year.
      unit: arrests
      measure: count
      table: arrests
      breakdowns: [aor, criminality]

Measures (an explicit, ordered registry in `MEASURES`):

``count``           rows of ``table`` that pass ``filter``
``count_distinct``  distinct values of ``column``
``sum``             the sum of ``column``
``ratio``           ``numerator`` / ``denominator`` (two other metrics)
``share``           100 x ``numerator`` / ``denominator``, a percent
``submitted``       the value an office submitted: the sum of ``value`` over the rows
                    of the ``submissions`` table whose ``metric`` is this id (one row
                    per item for a submitted list, so the value is its length)
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Literal

import sqlglot
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlglot import exp

from yearbook.errors import DeclarationError
from yearbook.rules import (
    DERIVED_MEASURES,
    MEASURES,
    MONTH,
    TABLE_MEASURES,
    Measure,
    is_derived,
    metric_inputs,
)
from yearbook.tables import Tables
from yearbook.yamlio import safe_load

__all__ = [
    "MEASURES",
    "Display",
    "Join",
    "MetricDecl",
    "load_metrics",
]

METRIC_ID = re.compile(r"^[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+$")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Join(_Model):
    """Another canonical table joined to the metric's table on a key column."""

    table: str
    key: str


class Top(_Model):
    """A breakdown shown as its largest categories and one row for the rest.

    In each fiscal year the categories are ranked by value, largest first, ties
    broken by name (alphabetical); the first ``n`` are kept and every other is
    added into one category named ``rest``, so the rows still sum to the total.
    """

    n: int = Field(ge=1)
    """How many categories to keep."""
    rest: str = Field(min_length=1)
    """The name of the row holding the others (e.g. "All other countries")."""


class Display(_Model):
    """How prose shows the figure by default; a template may override any of these."""

    digits: int = 0
    """Decimal places for percents, ratios and averages."""
    round_to: int | None = None
    """Round counts to this step (100 gives "more than 1,300")."""
    words_below: int = 10
    """Whole counts below this are written in words ("six")."""


class MetricDecl(_Model):
    """One declared metric. Its id is its name in every layer."""

    id: str
    label: str
    definition: str
    unit: str
    measure: Measure
    office: str = ""
    synonyms: tuple[str, ...] = ()
    table: str | None = None
    column: str | None = None
    filter: str | None = None
    join: Join | None = None
    numerator: str | None = None
    denominator: str | None = None
    breakdowns: tuple[str, ...] = ()
    top: dict[str, Top] = Field(default_factory=dict)
    """Breakdowns (named in ``breakdowns``) shown as their top categories and the rest."""
    include_duplicates: bool = False
    """Count rows flagged as likely duplicates too (excluded by default)."""
    display: Display = Field(default_factory=Display)
    disclosure: Literal["count", "rate", "none"] = "count"
    """``count``: small cells are suppressed; ``rate``: derived from counts, follows them;
    ``none``: not about people (e.g. dollars seized) and never suppressed."""
    source: str = ""
    """For ``submitted`` measures: which office submission provides the value."""
    bound_column: str | None = None
    """A column saying whether a row's quantity is ``exact``, a lower bound (``at_least``)
    or an estimate (``estimated``); it sets the figures' ``bound``. ``submitted``
    measures use the submissions' ``quantity_qualifier``."""

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not METRIC_ID.match(value):
            raise ValueError(
                "a metric id is dotted and lower case, office first, e.g. 'inv.cases_opened'"
            )
        return value

    @model_validator(mode="after")
    def _measure_fields(self) -> MetricDecl:
        office = self.id.split(".", 1)[0]
        if self.office and self.office != office:
            raise ValueError(f"office {self.office!r} does not match the id's prefix {office!r}")
        object.__setattr__(self, "office", office)
        if self.measure in TABLE_MEASURES:
            if not self.table:
                raise ValueError(f"measure {self.measure!r} needs 'table'")
            if self.measure != "count" and not self.column:
                raise ValueError(f"measure {self.measure!r} needs 'column'")
            if self.numerator or self.denominator:
                raise ValueError(f"measure {self.measure!r} takes no numerator/denominator")
            if self.filter:
                _check_sql_condition(self.filter)
        elif self.measure == "submitted":
            _submitted_fields(self)
        elif self.measure in DERIVED_MEASURES:
            if not (self.numerator and self.denominator):
                raise ValueError(f"measure {self.measure!r} needs 'numerator' and 'denominator'")
            if self.table or self.filter or self.column:
                raise ValueError(f"measure {self.measure!r} reads other metrics, not a table")
        if self.bound_column and self.table is None:
            raise ValueError("bound_column needs a table")
        _top_fields(self)
        return self

    def table_problems(self, tables: Tables) -> list[tuple[tuple[str | int, ...], str]]:
        """What is wrong with the tables and columns it names, given the canonical `tables`:
        (the field it is in, what is wrong) for each problem."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        known = ", ".join(sorted(tables))
        if self.table and self.table not in tables:
            problems.append((("table",), f"unknown table {self.table!r} (known: {known})"))
        if self.join and self.join.table not in tables:
            problems.append(
                (("join", "table"), f"unknown table {self.join.table!r} (known: {known})")
            )
        if problems or not self.table:
            return problems
        columns = set(tables[self.table].column_names)
        if self.join:
            columns |= set(tables[self.join.table].column_names)
        named: list[tuple[tuple[str | int, ...], str, str | None]] = [
            (("column",), "column", self.column),
            (("bound_column",), "bound_column", self.bound_column),
        ]
        named += [(("breakdowns", i), "breakdown", b) for i, b in enumerate(self.breakdowns)]
        for path, what, column in named:
            if column and column != MONTH and column not in columns:
                problems.append((path, f"{what} {column!r} is not a column of {self._where()}"))
        return problems

    def _where(self) -> str:
        return f"{self.table}" + (f" or {self.join.table}" if self.join else "")

    @property
    def is_derived(self) -> bool:
        return is_derived(self.measure)

    @property
    def inputs(self) -> tuple[str, ...]:
        """The metrics a ratio or share divides (numerator first); none for the others."""
        return metric_inputs(self.measure, self.numerator, self.denominator)

    @property
    def tables(self) -> tuple[str, ...]:
        """The canonical tables the metric reads directly."""
        out: list[str] = []
        if self.table:
            out.append(self.table)
        if self.join:
            out.append(self.join.table)
        return tuple(out)

    def digest(self) -> str:
        """A checksum of the declaration, part of every figure's fingerprint."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return hashlib.blake2b(payload.encode(), digest_size=8).hexdigest()


def _top_fields(decl: MetricDecl) -> None:
    """A top-and-rest breakdown is one the metric declares, of a count or a sum (whose
    categories add up, so the rest is the sum of the others) and not the month."""
    for name, top in decl.top.items():
        if name not in decl.breakdowns:
            raise ValueError(f"top names {name!r}, which is not one of the metric's breakdowns")
        if name == MONTH:
            raise ValueError("the month breakdown shows every month; it takes no 'top'")
        if decl.measure not in ("count", "sum"):
            raise ValueError(
                f"'top' needs a count or a sum, whose categories add up (not {decl.measure!r})"
            )
        if not top.rest.strip():
            raise ValueError("top's 'rest' label is empty")


def _submitted_fields(decl: MetricDecl) -> None:
    """A submitted figure reads the submissions table: fill in where, check the rest."""
    if decl.table not in (None, "submissions") or decl.column not in (None, "value"):
        raise ValueError("measure 'submitted' reads the submissions table's 'value'")
    if decl.numerator or decl.denominator or decl.join:
        raise ValueError("measure 'submitted' takes no numerator, denominator or join")
    if decl.filter:
        _check_sql_condition(decl.filter)
    object.__setattr__(decl, "table", "submissions")
    object.__setattr__(decl, "column", "value")
    if decl.bound_column is None:
        object.__setattr__(decl, "bound_column", "quantity_qualifier")


def _check_sql_condition(condition: str) -> None:
    try:
        parsed = sqlglot.parse_one(condition, read="duckdb")
    except sqlglot.errors.ParseError as err:
        raise ValueError(f"filter is not valid SQL: {err}") from None
    forbidden = (exp.Select, exp.Insert, exp.Delete, exp.Update, exp.Drop, exp.Create)
    for node in parsed.walk():
        if isinstance(node, forbidden) and not isinstance(node.parent, exp.In | exp.Subquery):
            raise ValueError("a filter is a condition, not a statement")


def load_metrics(folder: Path) -> dict[str, MetricDecl]:
    """Load and validate every declaration in ``folder/*.yaml``, in file then list order."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise DeclarationError(
            f"no metric declarations in {folder}",
            hint="a report folder keeps its metrics as YAML lists in metrics/*.yaml",
        )
    metrics: dict[str, MetricDecl] = {}
    for path in files:
        items = safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(items, list):
            raise DeclarationError(f"{path.name}: expected a YAML list of metric declarations")
        for index, item in enumerate(items):
            where = f"{path.name} item {index + 1}"
            try:
                decl = MetricDecl.model_validate(item)
            except ValidationError as err:
                first = err.errors()[0]
                loc = ".".join(str(p) for p in first["loc"]) or "declaration"
                ident = item.get("id", "?") if isinstance(item, dict) else "?"
                raise DeclarationError(
                    f"{where} ({ident}): {loc}: {first['msg']}",
                    hint="see docs/metrics.md for the declaration schema",
                ) from None
            if decl.id in metrics:
                raise DeclarationError(f"{where}: metric {decl.id!r} is declared twice")
            metrics[decl.id] = decl
    _check_references(metrics)
    return metrics


def _check_references(metrics: dict[str, MetricDecl]) -> None:
    for decl in metrics.values():
        for ref in (decl.numerator, decl.denominator):
            if ref and ref not in metrics:
                raise DeclarationError(
                    f"metric {decl.id!r} refers to unknown metric {ref!r}",
                    hint="declare it, or fix the id",
                )
        if decl.is_derived:
            num = metrics[decl.numerator or ""]
            for name in decl.breakdowns:
                if name not in num.breakdowns:
                    raise DeclarationError(
                        f"metric {decl.id!r} breaks down by {name!r} but its numerator "
                        f"{num.id!r} does not"
                    )
