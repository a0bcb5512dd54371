"""Building blocks for the offices' synthetic records: exact totals split into rows.

A *segment* is a group of records that must add up to one calibrated total:
``n`` rows of whole quantities summing exactly to ``total`` (seizures), or
``n`` rows that must simply exist (arrests, hearings). Everything is drawn
with numpy on whole arrays, seeded per fiscal year and stream.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from .distributions import (
    IntArray,
    date_array,
    draw_codes,
    draw_fiscal_days,
    fiscal_year_span,
    labels,
    serial_ids,
)

__all__ = [
    "FLAT_MONTHS",
    "columns_table",
    "pick",
    "record_days",
    "rng_for",
    "row_ids",
    "split_total",
    "year_end",
]

FLAT_MONTHS = (1.0,) * 12
"""An even year: no seasonal shape."""

ID_DIGITS = 8


def rng_for(seed: int, fiscal_year: int, stream: int) -> np.random.Generator:
    """The random generator of one (seed, fiscal year, stream): independent and repeatable."""
    return np.random.default_rng([seed, fiscal_year, stream])


def split_total(rng: np.random.Generator, total: int, rows: int, spread: float = 1.0) -> IntArray:
    """``rows`` whole quantities of at least one that add up to exactly ``total``.

    Sizes are skewed (log-normal weights with sigma ``spread``), as seizures are:
    many small ones and a few very large.

    >>> parts = split_total(np.random.default_rng(1), 1_000, 7)
    >>> int(parts.sum()), int(parts.min()) >= 1, len(parts)
    (1000, True, 7)
    """
    if rows <= 0:
        if total:
            raise ValueError(f"cannot split {total} into no rows")
        return np.zeros(0, dtype=np.int64)
    if total < rows:
        raise ValueError(f"cannot split {total} into {rows} rows of at least one")
    weights = rng.lognormal(0.0, spread, size=rows)
    extra = rng.multinomial(total - rows, weights / weights.sum())
    parts: IntArray = (extra + 1).astype(np.int64)
    return parts


def record_days(
    rng: np.random.Generator, fiscal_year: int, rows: int, months: Sequence[float] = FLAT_MONTHS
) -> IntArray:
    """Days (since 1970-01-01) of ``rows`` records spread over a fiscal year, sorted."""
    days = draw_fiscal_days(rng, rows, fiscal_year, months, 0.35).astype(np.int64)
    days.sort()
    return days


def year_end(fiscal_year: int, rows: int) -> pa.Array:
    """The last day of the fiscal year, for ``rows`` snapshot records."""
    first, length = fiscal_year_span(fiscal_year)
    return date_array(np.full(rows, first + length - 1, dtype=np.int64))


def row_ids(prefix: str, fiscal_year: int, rows: int) -> pa.ChunkedArray:
    """Identifiers unique across years: ``<prefix><fiscal year>-<serial>``."""
    return serial_ids(f"{prefix}{fiscal_year}-", 1, rows, ID_DIGITS)


def pick(
    rng: np.random.Generator,
    rows: int,
    names: Sequence[str],
    weights: Sequence[float] | NDArray[np.float64],
) -> pa.Array:
    """A categorical column of ``rows`` values drawn from ``names`` with ``weights``."""
    return labels(draw_codes(rng, rows, weights), names)


def columns_table(columns: dict[str, pa.Array | pa.ChunkedArray]) -> pa.Table:
    """An Arrow table from named columns."""
    return pa.Table.from_arrays(list(columns.values()), names=list(columns))
