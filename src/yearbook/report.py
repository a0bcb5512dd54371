"""A report definition is a folder of data, not code.

::

    reports/ice-fy2023/
      report.yaml        its pack, title, fiscal years, sections, reference tables, breakdown labels
      metrics/*.yaml     metric declarations
      templates/*.j2     prose templates, one per section
      reference/*.csv    small lookup tables the metrics read (e.g. at-large methods)
      targets.yaml       calibration targets of the demo data (read by the generator only)

A report names the pack it uses (``pack: ice``, the folder ``packs/ice`` beside
``reports/``): its canonical tables are the pack's (`yearbook.packs`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from yearbook.disclosure import DisclosurePolicy
from yearbook.errors import DeclarationError
from yearbook.metrics.declarations import MetricDecl, load_metrics
from yearbook.packs import Pack, load_pack, pack_folder
from yearbook.problems import ValidationFailed
from yearbook.validation import validate_report
from yearbook.yamlio import safe_load

__all__ = ["Report", "ReportSpec", "Section", "load_report"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Section(_Model):
    """One section of the report: an office's part, rendered from one template."""

    id: str
    title: str
    office: str
    template: str
    panel: tuple[str, ...] = ()
    """Metric ids shown in the section's statistics panel."""
    charts: tuple[str, ...] = ()
    """Breakdown charts of the section, each ``metric:breakdown``."""
    requires: tuple[str, ...] = ()
    """Tables the section needs; without them it is left out and its metrics not computed."""


class ReportSpec(_Model):
    """The contents of ``report.yaml``."""

    id: str
    pack: str
    """The pack whose tables the report reads: a name (``packs/<name>`` beside ``reports/``)
    or a path relative to the report folder."""
    title: str
    agency: str
    fiscal_year: int
    first_year: int
    summary: str = ""
    sections: tuple[Section, ...]
    references: dict[str, str] = Field(default_factory=dict)
    breakdowns: dict[str, str] = Field(default_factory=dict)
    """Breakdown name -> its label in tables and charts."""
    disclosure: DisclosurePolicy = Field(default_factory=DisclosurePolicy)
    """Small-cell protection and identifying columns (`yearbook.disclosure.policy`)."""
    coverage: tuple[str, ...] = ()
    """Tables whose coverage of each fiscal year is found from the data: partial years
    are labelled and compared only on matching days (`yearbook.coverage`)."""
    link_hosts: tuple[str, ...] = ()
    """Hosts the prose may link to, over https only; any other link is shown as text."""
    last_year: int | None = None
    """The last fiscal year computed, when the records go on past the report's year."""

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, max(self.fiscal_year, self.last_year or 0) + 1))


class Report:
    """A loaded report folder: its spec, its metrics and where its files are."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        problems = validate_report(folder)
        if problems:
            raise ValidationFailed(problems)
        self.spec = _load_spec(folder / "report.yaml")
        self.pack: Pack = load_pack(pack_folder(folder, self.spec.pack))
        own = [c for t in self.pack.tables.values() for c in t.identifying_columns]
        identifying = tuple(dict.fromkeys([*self.spec.disclosure.identifying, *own]))
        disclosure = self.spec.disclosure.model_copy(update={"identifying": identifying})
        self.spec = self.spec.model_copy(update={"disclosure": disclosure})
        self.metrics: dict[str, MetricDecl] = load_metrics(folder / "metrics")
        self.templates = folder / "templates"

    @property
    def references(self) -> dict[str, Path]:
        return {name: self.folder / rel for name, rel in self.spec.references.items()}

    @property
    def tables(self) -> set[str]:
        return {t for d in self.metrics.values() for t in d.tables}

    @property
    def optional_tables(self) -> set[str]:
        """Tables only sections with `requires` need: a warehouse may lack them."""
        return {t for section in self.spec.sections for t in section.requires}

    def for_tables(self, present: Iterable[str]) -> Report:
        """This report without the sections and metrics whose optional tables are absent."""
        missing = self.optional_tables - set(present)
        if not missing:
            return self
        metrics = {m: d for m, d in self.metrics.items() if not set(d.tables) & missing}
        while dropped := [
            m
            for m, d in metrics.items()
            if d.is_derived and not {d.numerator, d.denominator} <= set(metrics)
        ]:
            for m in dropped:
                del metrics[m]
        clone = copy.copy(self)
        clone.metrics = metrics
        sections = tuple(s for s in self.spec.sections if not set(s.requires) & missing)
        clone.spec = self.spec.model_copy(update={"sections": sections})
        return clone

    def section_computed(self, section: Section, figure_metrics: Iterable[str]) -> bool:
        """Whether the figures hold a metric on every table the section requires."""
        have = {t for m in figure_metrics if m in self.metrics for t in self.metrics[m].tables}
        return set(section.requires) <= have


def _load_spec(path: Path) -> ReportSpec:
    if not path.is_file():
        raise DeclarationError(
            f"no report.yaml in {path.parent}",
            hint="a report folder holds report.yaml, metrics/, templates/ (see docs/reports.md)",
        )
    try:
        return ReportSpec.model_validate(safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise DeclarationError(f"{path.name}: {loc}: {first['msg']}") from None


def load_report(folder: Path | str) -> Report:
    return Report(Path(folder))
