"""Identifying columns: a person's id never reaches a published output.

A canonical table marks its identifying columns (`Column.identifying`); a
report's policy may name more. No metric may break down by one, and every
table a publisher writes is checked with `check_no_identifiers`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from yearbook.errors import DeclarationError, UserError

__all__ = [
    "DisclosureError",
    "check_no_identifiers",
    "check_publishable",
    "identifying_columns",
    "refuse_identifying_breakdown",
]


class DisclosureError(UserError):
    """A published output would disclose a person: an identifier or a small cell."""


def identifying_columns(extra: Iterable[str] = ()) -> frozenset[str]:
    """The identifying column names, compared in lower case.

    `extra` is what a report's disclosure policy holds: its own list with every
    column its pack's tables mark identifying (`yearbook.report`).
    """
    return frozenset(name.lower() for name in extra)


def refuse_identifying_breakdown(metric: str, breakdown: str, extra: Iterable[str] = ()) -> None:
    """Fail when a metric would break down by an identifying column."""
    if breakdown.lower() in identifying_columns(extra):
        raise DeclarationError(
            f"metric {metric!r} breaks down by {breakdown!r}, which identifies a person",
            hint="identifying columns can never be published; break down by a category instead",
        )


def check_no_identifiers(columns: Iterable[str], where: str, extra: Iterable[str] = ()) -> None:
    """Refuse a table about to be published when it has an identifying column.

    ``columns`` are its column names (and, for a figures table, its breakdown
    names: a breakdown's categories are that column's values).
    """
    found = sorted({c for c in columns if c.lower() in identifying_columns(extra)})
    if found:
        raise DisclosureError(
            f"{where} has identifying column(s) {', '.join(found)}; they are never published",
            hint="drop the column before publishing, or aggregate it into counts",
        )


def check_publishable(table: pa.Table, where: str, extra: Iterable[str] = ()) -> None:
    """Refuse a table about to be published that holds an identifier.

    Its column names are checked, and for a figures table the names of its
    breakdowns too (a breakdown's categories are that column's values).
    """
    names = list(table.column_names)
    if "breakdown" in names:
        names += [b for b in set(table.column("breakdown").to_pylist()) if b]
    check_no_identifiers(names, where, extra)
