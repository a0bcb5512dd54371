"""The replacement guard: one small file may not silently replace a table.

A newer release replaces the rows already loaded inside its window of dates
(`yearbook.ingest.pipeline`). A file whose dates are wrong — two rows dated
1990 and 2027 — has a window that covers everything, and would replace a whole
table with two rows. So an ingest stops, before it writes anything, when a file
would replace

* more rows than it brings, or
* rows of a fiscal year for which it brings fewer than `MIN_ROWS_PER_YEAR` rows
  (or, where it replaces fewer than that, fewer rows than it replaces there).

`yearbook ingest --replace` lets such a replacement through. The threshold is
low on purpose: a real release brings thousands of rows for every fiscal year
it covers, while a stray or mistyped date brings one or two; a release that
starts late in a fiscal year still brings a few days' rows for it.
"""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

from yearbook.errors import UserError
from yearbook.tables import TableSchema
from yearbook.warehouse import fiscal_years

__all__ = ["MIN_ROWS_PER_YEAR", "ReplacementRefused", "check_replacement"]

MIN_ROWS_PER_YEAR = 10
"""Rows a file must bring for each fiscal year in which it replaces rows."""

_HINT = "check the file's dates; if it is meant to replace those rows, ingest it with --replace"


class ReplacementRefused(UserError):
    """A file would replace more of a table than it brings."""


def _by_year(rows: pa.Table, date_column: str) -> Counter[int]:
    dates = rows.column(date_column)
    return Counter(y for y in fiscal_years(dates).to_pylist() if y is not None)


def check_replacement(
    file: str, schema: TableSchema, new: pa.Table, removed: pa.Table | None
) -> None:
    """Stop when `file` (bringing `new`) would replace `removed`, by the rules above."""
    if removed is None or not removed.num_rows:
        return
    table = schema.name
    if removed.num_rows > new.num_rows:
        raise ReplacementRefused(
            f"{file} would replace {removed.num_rows:,} {table} rows but brings only "
            f"{new.num_rows:,}; nothing was written",
            hint=_HINT,
        )
    brought = _by_year(new, schema.date_column)
    for year, count in sorted(_by_year(removed, schema.date_column).items()):
        if brought[year] < min(MIN_ROWS_PER_YEAR, count):
            raise ReplacementRefused(
                f"{file} would replace {count:,} {table} rows of fiscal year {year} but has "
                f"{brought[year]:,} rows for that year; nothing was written",
                hint=_HINT,
            )
