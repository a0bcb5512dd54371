"""The disclosure policy of a report, declared in its ``report.yaml``::

    disclosure:
      min_count: 10          # primary suppression below this count (default 10)
      mode: suppress         # suppress | round10
      identifying: [a_number] # columns that identify a person, besides the tables' own
      released:              # headline counts the agency itself publishes exactly
        - metric: ero.removals_hrv
          reason: stated in the agency's own annual report

``suppress`` withholds every count from 1 to ``min_count - 1`` (primary
suppression) and then as many other cells as it takes for none of them to be
recoverable from the totals around it (complementary suppression).
``round10`` publishes every count rounded to the nearest ten instead, and
withholds the counts that would round to zero (1 to 4).

``released`` lists headline metrics (metrics with no breakdown) that the agency
has decided to publish exactly whatever their size, each with its reason: they
are never withheld, the audit does not flag them, and the list is part of every
build's ``build.json`` so a reader can see each exception and why it was made.

A report without the block gets the default policy:

>>> DisclosurePolicy()
DisclosurePolicy(min_count=10, mode='suppress', identifying=(), released=())
>>> DisclosurePolicy(mode="round10").threshold
5
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ROUND_STEP", "DisclosurePolicy", "Release"]

ROUND_STEP = 10
"""The step of ``round10`` mode."""


class Release(BaseModel):
    """A headline metric published exactly despite the threshold, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    metric: str
    reason: str = Field(min_length=1)


class DisclosurePolicy(BaseModel):
    """How small cells are protected in every published output of a report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_count: int = Field(default=10, ge=1)
    """Counts from 1 to ``min_count - 1`` are withheld (``suppress`` mode)."""
    mode: Literal["suppress", "round10"] = "suppress"
    identifying: tuple[str, ...] = ()
    """Columns that identify a person, on top of the canonical tables' own."""
    released: tuple[Release, ...] = ()
    """Headline metrics published exactly whatever their size (each with its reason)."""

    @property
    def released_metrics(self) -> frozenset[str]:
        return frozenset(r.metric for r in self.released)

    @property
    def threshold(self) -> int:
        """The N of "fewer than N": every withheld headline count is below it."""
        return self.min_count if self.mode == "suppress" else ROUND_STEP // 2

    def is_small(self, value: float | None) -> bool:
        """A published count this policy forbids: nonzero and below the threshold.

        >>> [DisclosurePolicy().is_small(v) for v in (0, 1, 9, 10, None)]
        [False, True, True, False, False]
        """
        return value is not None and 0 < value < self.threshold
