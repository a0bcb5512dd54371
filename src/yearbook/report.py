"""A report definition is a folder of data, not code.

::

    reports/ice-fy2023/
      report.yaml        title, fiscal years, sections, reference tables, breakdown labels
      metrics/*.yaml     metric declarations
      templates/*.j2     prose templates, one per section
      reference/*.csv    small lookup tables the metrics read (e.g. at-large methods)
      targets.yaml       calibration targets of the demo data (read by the generator only)
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from yearbook.errors import DeclarationError
from yearbook.metrics.declarations import MetricDecl, load_metrics

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


class ReportSpec(_Model):
    """The contents of ``report.yaml``."""

    id: str
    title: str
    agency: str
    fiscal_year: int
    first_year: int
    summary: str = ""
    sections: tuple[Section, ...]
    references: dict[str, str] = Field(default_factory=dict)
    breakdowns: dict[str, str] = Field(default_factory=dict)
    """Breakdown name -> its label in tables and charts."""

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.fiscal_year + 1))


class Report:
    """A loaded report folder: its spec, its metrics and where its files are."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.spec = _load_spec(folder / "report.yaml")
        self.metrics: dict[str, MetricDecl] = load_metrics(folder / "metrics")
        self.templates = folder / "templates"
        for name, label in self.spec.breakdowns.items():
            if not label:
                raise DeclarationError(f"breakdown {name!r} needs a label in report.yaml")
        for decl in self.metrics.values():
            for name in decl.breakdowns:
                if name not in self.spec.breakdowns:
                    raise DeclarationError(
                        f"metric {decl.id!r} breaks down by {name!r}, which report.yaml "
                        "does not declare under 'breakdowns'",
                    )
        for section in self.spec.sections:
            if not (self.templates / section.template).is_file():
                raise DeclarationError(
                    f"section {section.id!r}: template {section.template!r} not found in "
                    f"{self.templates}"
                )
            for mid in section.panel:
                if mid not in self.metrics:
                    raise DeclarationError(
                        f"section {section.id!r}: panel names unknown metric {mid!r}"
                    )

    @property
    def references(self) -> dict[str, Path]:
        return {name: self.folder / rel for name, rel in self.spec.references.items()}

    @property
    def tables(self) -> set[str]:
        return {t for d in self.metrics.values() for t in d.tables}


def _load_spec(path: Path) -> ReportSpec:
    if not path.is_file():
        raise DeclarationError(
            f"no report.yaml in {path.parent}",
            hint="a report folder holds report.yaml, metrics/, templates/ (see docs/reports.md)",
        )
    try:
        return ReportSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise DeclarationError(f"{path.name}: {loc}: {first['msg']}") from None


def load_report(folder: Path | str) -> Report:
    return Report(Path(folder))
