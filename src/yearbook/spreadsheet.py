"""Text cells that are safe to open in a spreadsheet (CSV formula injection).

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab
or carriage return before one) as a formula: ``=HYPERLINK(...)`` in a submitted
item would run on a reader's machine when they open ``figures.csv``. Every
published CSV is written from a table passed through `neutralise`, which does
what OWASP recommends: such a text cell gets a leading single quote, which
spreadsheets show as text. Numbers are untouched: numeric columns are not text,
and a text cell that is just a number ("-12.5") is a number, not a formula.

A cell that already begins with quotes before one of those characters gets one
more, so `restore` (used when yearbook reads a CSV it wrote) gives back exactly
the value it was given.

>>> import pyarrow as pa
>>> t = pa.table({"v": ["=1+1", "-12.5", "-2+3", "@SUM(A1)", "'=x", "plain"], "n": [-1] * 6})
>>> neutralise(t).column("v").to_pylist()
["'=1+1", '-12.5', "'-2+3", "'@SUM(A1)", "''=x", 'plain']
>>> restore(neutralise(t)).equals(t)
True
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["FORMULA_START", "neutralise", "restore"]

FORMULA_START = "=+-@\t\r"
"""First characters that make a spreadsheet read a cell as a formula."""

_TRIGGER = r"^'*[=+\-@\t\r]"
_NUMBER = r"^[+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?%?$"
_ESCAPED = r"^'+[=+\-@\t\r]"


def _is_text(kind: pa.DataType) -> bool:
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _escape(column: pa.ChunkedArray) -> pa.ChunkedArray:
    risky = pc.and_kleene(
        pc.match_substring_regex(column, _TRIGGER),
        pc.invert(pc.match_substring_regex(column, _NUMBER)),
    )
    quoted = pc.binary_join_element_wise(pa.scalar("'", column.type), column, "")
    return pc.if_else(pc.fill_null(risky, False), quoted, column)


def _unescape(column: pa.ChunkedArray) -> pa.ChunkedArray:
    escaped = pc.fill_null(pc.match_substring_regex(column, _ESCAPED), False)
    return pc.if_else(escaped, pc.utf8_slice_codeunits(column, 1), column)


def neutralise(table: pa.Table) -> pa.Table:
    """The table with every formula-leading text cell prefixed by a single quote."""
    for i, field in enumerate(table.schema):
        if _is_text(field.type):
            table = table.set_column(i, field, _escape(table.column(i)))
    return table


def restore(table: pa.Table) -> pa.Table:
    """The inverse of `neutralise`, for a CSV that yearbook wrote and now reads back."""
    for i, field in enumerate(table.schema):
        if _is_text(field.type):
            table = table.set_column(i, field, _unescape(table.column(i)))
    return table
