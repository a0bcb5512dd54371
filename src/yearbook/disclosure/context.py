"""What an audit checks against: a build's figures and the policy they were published under."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yearbook.disclosure.policy import ROUND_STEP, DisclosurePolicy
from yearbook.figures import Figure, read_figures
from yearbook.narrative.render import figure_anchor
from yearbook.rules import FigureKey, unit_kind
from yearbook.tables.identifiers import identifying_columns

__all__ = ["AuditContext", "Finding", "Key", "load_context", "name"]

Key = FigureKey


@dataclass(frozen=True)
class Finding:
    """One leak: where it is, what kind, which figure, and what was seen."""

    artefact: str
    kind: str
    figure: str
    detail: str

    def line(self) -> str:
        return f"{self.artefact}: {self.kind}: {self.figure}: {self.detail}"


@dataclass
class AuditContext:
    """What the audit checks against: the build's figures table and its policy."""

    policy: DisclosurePolicy
    figures: dict[Key, Figure]
    counts: set[str]
    additive: set[str]
    derived: dict[str, dict[str, Any]]
    identifying: frozenset[str]
    fiscal_year: int
    anchors: dict[tuple[str, str], Key] = field(default_factory=dict)
    _ranges: dict[str, dict[Key, tuple[float, float]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in self.figures:
            metric, fy, breakdown, value = key
            self.anchors[(metric, figure_anchor(fy, breakdown, value))] = key

    def withheld(self, key: Key) -> bool:
        fig = self.figures.get(key)
        return fig is not None and fig.suppressed

    def forbidden(self, metric: str, value: float | None) -> str:
        """Why a shown count breaks the policy ('' when it does not)."""
        if metric not in self.counts or value is None or metric in self.policy.released_metrics:
            return ""
        if self.policy.mode == "round10":
            return "" if value % ROUND_STEP == 0 else f"{value:g} is not rounded to ten"
        return f"{value:g} is below {self.policy.min_count}" if self.policy.is_small(value) else ""


def name(key: Key) -> str:
    metric, fy, breakdown, value = key
    return f"{metric} FY{fy}" + (f" {breakdown}={value}" if breakdown else "")


def load_context(out: Path) -> AuditContext:
    """The build's figures and the policy it was published under (from ``build.json``)."""
    figures = read_figures(out)
    manifest_path = out / "build.json"
    manifest = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    )
    info = manifest.get("disclosure") or {}
    fields = DisclosurePolicy.model_fields
    policy = DisclosurePolicy(**{k: v for k, v in info.items() if k in fields})
    guess = {f.metric for f in figures if unit_kind(f.unit) not in ("percent", "money")}
    return AuditContext(
        policy=policy,
        figures={(f.metric, f.fiscal_year, f.breakdown, f.breakdown_value): f for f in figures},
        counts=set(info.get("count_metrics", guess)),
        additive=set(info.get("additive_metrics", guess)),
        derived=dict(info.get("derived", {})),
        identifying=identifying_columns(info.get("identifying", ())),
        fiscal_year=int(manifest.get("fiscal_year", max(figures.years, default=0))),
    )
