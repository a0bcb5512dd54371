"""Cell parsers: text cells in, typed Arrow arrays and a mask of failures out.

Every parser is vectorised over a whole column. Cells are read as text (see
`yearbook.ingest.readers`), so no value is lost to type guessing; a parser
returns the parsed values (null where empty, redacted or bad) and which cells
it could not parse, with the reason. Redaction markers (a pack says how they
start, e.g. ``b(6), b(7)c``) and missing-value words (``NA``) are recognised
first. Besides the parsers here, a pack declares value normalisations: a
mapping from release text (compared ignoring case) to canonical code, used as
a parser by its name.

>>> import pyarrow as pa
>>> texts = ["Open case", " b(6), b(7)C", "CLOSED"]
>>> cells = clean(pa.array(texts), ("NA",), ("b(", "(b"))
>>> cells.redacted.to_pylist()
[False, True, False]
>>> status = {"status": {"Open case": "open", "Closed": "closed"}}
>>> parse("status", cells, status).values.to_pylist()
['open', None, 'closed']
>>> parse("ncic_code", clean(pa.array(["301", "5404", "0301.0"]), ())).values.to_pylist()
['0301', '5404', '0301']
>>> months = parse("fiscal_month", clean(pa.array(["APR 2020", "oct 2020", "Sept. FY2021"]), ()))
>>> [d.isoformat() for d in months.values.to_pylist()]
['2020-04-01', '2019-10-01', '2021-09-01']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from yearbook import calendar

__all__ = ["PARSERS", "Cells", "Parsed", "ValueMaps", "clean", "is_redacted", "parse"]

ValueMaps = Mapping[str, Mapping[str, str]]
"""Value normalisations by name: release text -> canonical code (a pack's)."""

EARLIEST = dt.date(1990, 1, 1)
"""Event dates before this are implausible for these records."""


@dataclass(frozen=True)
class Cells:
    """A column of text cells, stripped, with what is missing or redacted."""

    text: pa.Array
    """Stripped text; null where the cell is empty, missing or redacted."""
    raw: pa.Array
    redacted: pa.Array
    missing: pa.Array
    """Empty, a missing-value word, or redacted."""


@dataclass(frozen=True)
class Parsed:
    """Parsed values and the cells that failed, with one reason for all of them."""

    values: pa.Array
    bad: pa.Array
    reason: str
    time: pa.Array | None = None
    """For date columns read from datetimes: the full timestamp (used to find duplicates)."""


def _as_string(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if not pa.types.is_string(array.type):
        array = array.cast(pa.string())
    return array


def is_redacted(text: pa.Array, prefixes: Sequence[str]) -> pa.Array:
    """Which cells start with a redaction marker (after leading spaces are trimmed)."""
    found = pa.array(np.zeros(len(text), dtype=bool))
    for prefix in prefixes:
        found = pc.or_(found, pc.fill_null(pc.starts_with(text, prefix), False))
    return found


def clean(
    array: pa.Array | pa.ChunkedArray,
    missing_values: Sequence[str],
    redaction_prefixes: Sequence[str] = (),
) -> Cells:
    """Strip cells and find the empty, missing and redacted ones."""
    raw = _as_string(array)
    text = pc.utf8_trim_whitespace(raw)
    redacted = is_redacted(text, redaction_prefixes)
    empty = pc.fill_null(pc.equal(text, ""), True)
    if missing_values:
        empty = pc.or_(empty, pc.fill_null(pc.is_in(text, pa.array(list(missing_values))), False))
    missing = pc.or_(empty, redacted)
    return Cells(pc.if_else(missing, pa.scalar(None, pa.string()), text), raw, redacted, missing)


def _no_failures(cells: Cells) -> pa.Array:
    return pa.array(np.zeros(len(cells.text), dtype=bool))


def _failed(cells: Cells, values: pa.Array) -> pa.Array:
    """Cells with text that did not give a value."""
    return pc.and_(pc.is_valid(cells.text), pc.is_null(values))


def _lookup(cells: Cells, table: dict[str, object], type_: pa.DataType, reason: str) -> Parsed:
    keys = pa.array(list(table), pa.string())
    targets = pa.array(list(table.values()), type_)
    index = pc.index_in(pc.utf8_lower(cells.text), value_set=keys)
    values = pc.take(targets, index)
    return Parsed(values, _failed(cells, values), reason)


_YES_NO = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False}
_ISO_DAY = r"^\d{4}-\d{2}-(\d{2}).*$"
_US_DAY = r"^\d{1,2}/(\d{1,2})/.*$"
_FORMATS = (
    (19, "%Y-%m-%d %H:%M:%S", _ISO_DAY),
    (19, "%Y-%m-%dT%H:%M:%S", _ISO_DAY),
    (10, "%Y-%m-%d", _ISO_DAY),
    (None, "%m/%d/%Y %H:%M:%S", _US_DAY),
    (None, "%m/%d/%Y %H:%M", _US_DAY),
    (None, "%m/%d/%Y", _US_DAY),
)


def _same_day(text: pa.Array, parsed: pa.Array, day_pattern: str) -> pa.Array:
    """Null out dates the parser rolled over (``2023-02-30`` read as 2 March)."""
    if day_pattern == _ISO_DAY:
        day = pc.utf8_slice_codeunits(text, 8, 10)
    else:
        day = pc.replace_substring_regex(text, day_pattern, "\\1")
    digits = pc.fill_null(pc.match_substring_regex(day, r"^\d{1,2}$"), False)
    stated = pc.cast(pc.if_else(digits, day, pa.scalar(None, pa.string())), pa.int64())
    same = pc.fill_null(pc.equal(pc.day(parsed), stated), False)
    return pc.if_else(same, parsed, pa.scalar(None, parsed.type))


def _timestamps(cells: Cells) -> pa.Array:
    """Timestamps from the date and datetime texts fastexcel and CSV exports write."""
    result = pa.nulls(len(cells.text), pa.timestamp("s"))
    for width, fmt, day_pattern in _FORMATS:
        todo = pc.and_(pc.is_valid(cells.text), pc.is_null(result))
        if not pc.any(todo).as_py():
            break
        text = cells.text if width is None else pc.utf8_slice_codeunits(cells.text, 0, width)
        text = pc.if_else(todo, text, pa.scalar(None, pa.string()))
        parsed = pc.strptime(text, format=fmt, unit="s", error_is_null=True)
        parsed = _same_day(text, parsed, day_pattern)
        result = pc.if_else(pc.is_null(result), parsed, result)
    todo = pc.and_(pc.is_valid(cells.text), pc.is_null(result))
    if pc.any(todo).as_py():
        result = pc.if_else(pc.is_null(result), _excel_serials(cells.text), result)
    return result


def _excel_serials(text: pa.Array) -> pa.Array:
    """Day numbers a spreadsheet stored without a date format (``45000`` or ``45000.5``)."""
    numeric = pc.fill_null(pc.match_substring_regex(text, r"^\d{5}(\.\d+)?$"), False)
    days = pc.cast(pc.if_else(numeric, text, pa.scalar(None, pa.string())), pa.float64())
    seconds = pc.cast(pc.round(pc.multiply(pc.subtract(days, 25569.0), 86400.0)), pa.int64())
    return pc.cast(seconds, pa.timestamp("s"))


def _dates(cells: Cells, keep_time: bool) -> Parsed:
    stamps = _timestamps(cells)
    unparsed = _failed(cells, stamps)
    today = dt.date.today()
    low = pa.scalar(dt.datetime.combine(EARLIEST, dt.time()), pa.timestamp("s"))
    high = pa.scalar(dt.datetime.combine(today.replace(year=today.year + 1), dt.time()), low.type)
    implausible = pc.fill_null(pc.or_(pc.less(stamps, low), pc.greater(stamps, high)), False)
    stamps = pc.if_else(implausible, pa.scalar(None, stamps.type), stamps)
    values = pc.cast(stamps, pa.date32())
    if pc.any(implausible).as_py() and not pc.any(unparsed).as_py():
        return Parsed(values, implausible, "implausible date", stamps if keep_time else None)
    bad = pc.or_(unparsed, implausible)
    reason = "unparseable date" if pc.any(unparsed).as_py() else "implausible date"
    return Parsed(values, bad, reason, stamps if keep_time else None)


_INTEGER = r"^-?\d+(\.0*)?$"
_NUMBER = r"^-?\d+(\.\d*)?([eE][-+]?\d+)?$"


def _numbers(cells: Cells, pattern: str, type_: pa.DataType) -> Parsed:
    text = pc.replace_substring(cells.text, ",", "")
    ok = pc.fill_null(pc.match_substring_regex(text, pattern), False)
    numbers = pc.cast(pc.if_else(ok, text, pa.scalar(None, pa.string())), pa.float64())
    if pa.types.is_integer(type_):
        too_big = pc.fill_null(pc.greater(pc.abs(numbers), 2.0**31), False)
        numbers = pc.if_else(too_big, pa.scalar(None, pa.float64()), numbers)
        values = pc.cast(numbers, pa.int64())
    else:
        values = numbers
    return Parsed(values, _failed(cells, values), "unparseable number")


def _ncic(cells: Cells) -> Parsed:
    text = pc.utf8_upper(pc.replace_substring_regex(cells.text, r"\.0+$", ""))
    digits = pc.fill_null(pc.match_substring_regex(text, r"^\d{1,3}$"), False)
    text = pc.if_else(digits, pc.utf8_lpad(text, width=4, padding="0"), text)
    ok = pc.fill_null(pc.match_substring_regex(text, r"^[0-9A-Z]{4}$"), False)
    values = pc.if_else(ok, text, pa.scalar(None, pa.string()))
    return Parsed(values, _failed(cells, values), "malformed code")


def _year_end(cells: Cells) -> Parsed:
    years = _numbers(cells, _INTEGER, pa.int64()).values
    ok = pc.fill_null(pc.and_(pc.greater_equal(years, 1990), pc.less_equal(years, 2100)), False)
    text = pc.binary_join_element_wise(pc.cast(years, pa.string()), pa.scalar("09-30"), "-")
    stamps = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
    values = pc.cast(pc.if_else(ok, stamps, pa.scalar(None, stamps.type)), pa.date32())
    return Parsed(values, _failed(cells, values), "unparseable date")


_MONTHS = [dt.date(2001, m, 1).strftime("%B").upper() for m in range(1, 13)]
_MONTH_NAMES = pa.array([*_MONTHS, *(m[:3] for m in _MONTHS), "SEPT"])
_MONTH_NUMBERS = pa.array([*range(1, 13), *range(1, 13), 9], pa.int64())
_FISCAL_MONTH = r"^(?P<month>[A-Z]+)\.?\s+(?:FY\s*)?(?P<year>\d{4})$"


def _fiscal_month(cells: Cells) -> Parsed:
    """``APR 2020`` (a month and the fiscal year it is in) -> 2020-04-01; ``OCT 2020`` ->
    2019-10-01, since fiscal year 2020 begins in October 2019."""
    parts = pc.extract_regex(pc.utf8_upper(cells.text), _FISCAL_MONTH)
    month = pc.take(_MONTH_NUMBERS, pc.index_in(pc.struct_field(parts, "month"), _MONTH_NAMES))
    years = pc.cast(pc.struct_field(parts, "year"), pa.int64())
    ok = pc.fill_null(pc.and_(pc.greater_equal(years, 1990), pc.less_equal(years, 2100)), False)
    starts = pc.greater_equal(month, calendar.FIRST_MONTH)
    years = pc.subtract(years, pc.cast(pc.fill_null(starts, False), pa.int64()))
    text = pc.binary_join_element_wise(
        pc.cast(years, pa.string()), pc.utf8_lpad(pc.cast(month, pa.string()), 2, "0"), "01", "-"
    )
    stamps = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
    values = pc.cast(pc.if_else(ok, stamps, pa.scalar(None, stamps.type)), pa.date32())
    return Parsed(values, _failed(cells, values), "unparseable month")


_PARSERS: dict[str, Callable[[Cells], Parsed]] = {
    "text": lambda c: Parsed(c.text, _no_failures(c), ""),
    "upper": lambda c: Parsed(pc.utf8_upper(c.text), _no_failures(c), ""),
    "date": lambda c: _dates(c, keep_time=False),
    "datetime": lambda c: _dates(c, keep_time=True),
    "integer": lambda c: _numbers(c, _INTEGER, pa.int64()),
    "number": lambda c: _numbers(c, _NUMBER, pa.float64()),
    "yes_no": lambda c: _lookup(c, dict(_YES_NO), pa.bool_(), "unknown category value"),
    "ncic_code": _ncic,
    "fiscal_year_end": _year_end,
    "fiscal_month": _fiscal_month,
}


PARSERS: tuple[str, ...] = tuple(_PARSERS)
"""The parsers every pack has; a pack's value normalisations add more by name."""


def parse(kind: str, cells: Cells, values: ValueMaps | None = None) -> Parsed:
    """Parse a column of cells with the named parser, or the named value normalisation."""
    if kind in _PARSERS:
        return _PARSERS[kind](cells)
    table = {str(k).lower(): v for k, v in (values or {})[kind].items()}
    return _lookup(cells, dict(table), pa.string(), "unknown category value")
