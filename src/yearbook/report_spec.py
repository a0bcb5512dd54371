"""The contents of a report's ``report.yaml``, as models.

They live apart from `yearbook.report` (which loads a whole report folder) so
that `yearbook.validation` can check a ``report.yaml`` against them and the
report loader can run that validation, with no import cycle between the two.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from yearbook.disclosure import DisclosurePolicy

__all__ = ["ReportSpec", "Section"]


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
