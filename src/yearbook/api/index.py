"""The API's in-memory index of one build's figures.

A build is immutable, so the API reads its figures table once and answers every
lookup from dictionaries: the rows of each (metric, fiscal year, breakdown) in
the order ``metric, fiscal_year, breakdown, breakdown_value``, and the JSON of
each answer, serialised the first time it is asked for and kept (the number of
distinct answers is bounded by metrics x years x breakdowns). No database, no
lock: readers only read, and two threads filling the same cache entry store
equal bytes.

>>> FigureIndex.ordered([{"metric": "b", "fiscal_year": 1, "breakdown": "",
...     "breakdown_value": ""}, {"metric": "a", "fiscal_year": 2, "breakdown": "x",
...     "breakdown_value": "y"}])[0]["metric"]
'a'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import pyarrow as pa

__all__ = ["ALL", "HEADLINE", "FigureIndex", "Row"]

ALL = "all"
HEADLINE = "headline"

Row = dict[str, Any]
Key = tuple[str | None, int | None, str]
"""A lookup: metric (None for every metric), fiscal year (None for every year), breakdown
(`HEADLINE`, `ALL` or a breakdown name)."""


class FigureIndex:
    """Every figure of a build, grouped for the API's lookups; answers cached as bytes."""

    def __init__(self, table: pa.Table, columns: Iterable[str]) -> None:
        rows = table.select(list(columns)).to_pylist()
        self._rows = self.ordered([_clean(row) for row in rows])
        self._groups: dict[tuple[str, int, str], list[Row]] = defaultdict(list)
        for row in self._rows:
            self._groups[(row["metric"], row["fiscal_year"], row["breakdown"])].append(row)
        self._keys = sorted(self._groups)
        self._answers: dict[Any, bytes] = {}

    @staticmethod
    def ordered(rows: list[Row]) -> list[Row]:
        """Rows in the API's order: metric, fiscal year, breakdown, category."""
        return sorted(
            rows,
            key=lambda r: (r["metric"], r["fiscal_year"], r["breakdown"], r["breakdown_value"]),
        )

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, metric: str | None, fy: int | None, breakdown: str) -> list[Row]:
        """The figures of a lookup (names already checked), in the API's order."""
        wanted = "" if breakdown == HEADLINE else breakdown
        out: list[Row] = []
        for key in self._keys:
            if metric is not None and key[0] != metric:
                continue
            if fy is not None and key[1] != fy:
                continue
            if breakdown != ALL and key[2] != wanted:
                continue
            out.extend(self._groups[key])
        return out

    def cached(self, key: Any) -> bytes | None:
        """The bytes of an answer already made, if it was."""
        return self._answers.get(key)

    def answer(self, key: Any, render: Callable[[], bytes]) -> bytes:
        """The bytes of an answer: rendered once, then served from memory."""
        cached = self._answers.get(key)
        if cached is None:
            cached = self._answers[key] = render()
        return cached


def _clean(row: Row) -> Row:
    """NaN (a value the table could not hold) is no value: ``null`` in JSON."""
    return {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
