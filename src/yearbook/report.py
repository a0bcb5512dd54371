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

from pydantic import ValidationError

from yearbook.disclosure import DisclosurePolicy
from yearbook.errors import DeclarationError
from yearbook.metrics.declarations import MetricDecl
from yearbook.packs import Pack
from yearbook.problems import ValidationFailed
from yearbook.report_spec import ReportSpec, Section
from yearbook.validation import check_report

__all__ = ["Report", "ReportSpec", "Section", "load_report"]


class Report:
    """A loaded report folder: its spec, its metrics and where its files are."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        checked = check_report(folder)
        if checked.problems:
            raise ValidationFailed(checked.problems)
        assert checked.spec is not None and checked.pack is not None  # else a problem says why
        self.spec: ReportSpec = checked.spec
        self.pack: Pack = checked.pack
        policy = _with_pack_defaults(self.spec.disclosure, self.pack)
        own = [c for t in self.pack.tables.values() for c in t.identifying_columns]
        identifying = tuple(dict.fromkeys([*policy.identifying, *own]))
        disclosure = policy.model_copy(update={"identifying": identifying})
        self.spec = self.spec.model_copy(update={"disclosure": disclosure})
        self.metrics: dict[str, MetricDecl] = checked.metrics
        self.templates = folder / "templates"

    @property
    def references(self) -> dict[str, Path]:
        """The pack's reference lists (by file stem), then the report's own, which win."""
        own = {name: self.folder / rel for name, rel in self.spec.references.items()}
        return {**self.pack.references, **own}

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


def _with_pack_defaults(policy: DisclosurePolicy, pack: Pack) -> DisclosurePolicy:
    """The pack's disclosure defaults, with each key the report sets itself taking over."""
    if not pack.disclosure:
        return policy
    try:
        defaults = DisclosurePolicy.model_validate(pack.disclosure)
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise DeclarationError(
            f"{pack.folder / 'disclosure.yaml'}: {loc}: {first['msg']}",
            hint="see docs/disclosure.md for the settings",
        ) from None
    return defaults.model_copy(update={k: getattr(policy, k) for k in policy.model_fields_set})


def load_report(folder: Path | str) -> Report:
    return Report(Path(folder))
