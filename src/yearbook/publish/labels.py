"""Breakdown categories as readers see them: the label the pack gives each coded value.

A pack's table declares a categorical column's allowed values and, for codes,
the label readers see (``{value: convicted, label: Convicted criminal}`` in
``packs/<name>/tables/*.yaml``). The page, its charts, the PDF and the
open-data bundle show a category by that label; the code stays the key
(anchors, the bundle's ``breakdown_value``, the API). A value without a label
is shown as it is.

>>> labels = ValueLabels({("ero.arrests", "criminality"): {"convicted": "Convicted criminal"}})
>>> labels("ero.arrests", "criminality", "convicted"), labels("ero.arrests", "criminality", "x")
('Convicted criminal', 'x')
"""

from __future__ import annotations

from collections.abc import Mapping

from yearbook.figures import Figure
from yearbook.figures.meta import MetricMeta
from yearbook.tables import Tables

__all__ = ["ValueLabels", "value_labels"]


class ValueLabels:
    """The reader's label of each (metric, breakdown, value); the value itself when none."""

    def __init__(self, labels: Mapping[tuple[str, str], Mapping[str, str]] | None = None) -> None:
        self._labels = dict(labels or {})

    def __call__(self, metric: str, breakdown: str, value: str) -> str:
        return self._labels.get((metric, breakdown), {}).get(value, value)

    def of(self, figure: Figure) -> str:
        """The label of a figure's category (empty for a headline figure)."""
        return self(figure.metric, figure.breakdown, figure.breakdown_value)


def value_labels(metrics: Mapping[str, MetricMeta], tables: Tables) -> ValueLabels:
    """The labels the tables a metric reads give the values of its breakdowns."""
    found: dict[tuple[str, str], Mapping[str, str]] = {}
    for meta in metrics.values():
        columns = [c for t in meta.tables if t in tables for c in tables[t].columns]
        for name in meta.breakdowns:
            labelled = [c.labels for c in columns if c.name == name and c.labels]
            if labelled:
                found[(meta.id, name)] = labelled[0]
    return ValueLabels(found)
