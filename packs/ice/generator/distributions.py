"""Vectorised building blocks for synthetic records: draws, dates, identifiers.

Everything here works on whole numpy arrays; nothing loops over rows. Random
draws take a `numpy.random.Generator`; values derived from a person (their
identifier, gender, year of birth, country) come from a keyed hash of the
person's number instead, so the same person looks the same in every year and
every table without keeping a register of people in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from yearbook.calendar import fiscal_year_bounds

__all__ = [
    "IntArray",
    "boolean_array",
    "cap_repeats",
    "categorical_from_uniform",
    "date_array",
    "dictionary_labels",
    "draw_codes",
    "draw_fiscal_days",
    "exact_multiplicities",
    "fiscal_year_span",
    "fixed_width_strings",
    "hash_uniform",
    "hex_chars",
    "hex_ids",
    "integer_array",
    "labels",
    "mix64",
    "normalise",
    "repeat_counts",
    "search_uniform",
    "serial_chars",
    "serial_ids",
    "sorted_unique",
    "stable_order",
    "string_array",
]

IntArray = NDArray[np.int64]
"""Row indices, codes and counts are int64 throughout."""

_EPOCH = dt.date(1970, 1, 1)
_HEX_DIGITS = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_MAX_CHUNK_BYTES = (1 << 31) - 1
"""A `string` array addresses its characters with 32-bit offsets."""

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MUL1 = np.uint64(0xBF58476D1CE4E5B9)
_MUL2 = np.uint64(0x94D049BB133111EB)


# -- hashing ------------------------------------------------------------------------
def mix64(values: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """The SplitMix64 finaliser: a bijection of uint64 that scrambles every bit."""
    z = values + _GOLDEN
    z ^= z >> np.uint64(30)
    z *= _MUL1
    z ^= z >> np.uint64(27)
    z *= _MUL2
    z ^= z >> np.uint64(31)
    return z


def hash_uniform(numbers: IntArray, key: int) -> NDArray[np.float64]:
    """A uniform number in [0, 1) fixed by each (number, key) pair."""
    bits = mix64(numbers.astype(np.uint64) ^ np.uint64(key))
    return (bits >> np.uint64(11)).astype(np.float64) * (1.0 / (1 << 53))


def hex_chars(numbers: IntArray, keys: tuple[int, int, int]) -> NDArray[np.uint8]:
    """The characters of `hex_ids`, one row of 40 ASCII codes per number."""
    unsigned = numbers.astype(np.uint64)
    words = np.empty((len(numbers), 3), dtype=np.uint64)
    for column, key in enumerate(keys):
        words[:, column] = mix64(unsigned ^ np.uint64(key))
    raw = words.view(np.uint8).reshape(len(numbers), 24)[:, :20]
    chars: NDArray[np.uint8] = _BYTE_HEX[raw].view(np.uint8).reshape(len(numbers), 40)
    return chars


def hex_ids(numbers: IntArray, keys: tuple[int, int, int]) -> pa.ChunkedArray:
    """40-character lowercase hex identifiers (160 bits) for person numbers.

    The first 64 bits are a bijection of the number, so distinct numbers always
    get distinct identifiers; the three keys (random 64-bit words drawn from the
    seed) make the mapping depend on the seed.
    """
    return fixed_width_strings(hex_chars(numbers, keys))


def _byte_hex() -> NDArray[np.uint16]:
    """The two hex digits of every byte value, packed so that they lie in text order."""
    pairs = np.empty((256, 2), dtype=np.uint8)
    pairs[:, 0] = _HEX_DIGITS[np.arange(256) >> 4]
    pairs[:, 1] = _HEX_DIGITS[np.arange(256) & 0x0F]
    packed: NDArray[np.uint16] = pairs.view(np.uint16).reshape(256)
    return packed


_BYTE_HEX = _byte_hex()


# -- strings ------------------------------------------------------------------------
def fixed_width_strings(chars: NDArray[np.uint8]) -> pa.ChunkedArray:
    """A string column from an (n, width) matrix of ASCII codes, built without copies per row."""
    rows, width = chars.shape
    per_chunk = max(1, _MAX_CHUNK_BYTES // max(width, 1))
    chunks = []
    for first in range(0, rows, per_chunk):
        block = np.ascontiguousarray(chars[first : first + per_chunk])
        count = len(block)
        offsets = np.arange(0, (count + 1) * width, width, dtype=np.int32)
        chunks.append(
            pa.StringArray.from_buffers(count, pa.py_buffer(offsets), pa.py_buffer(block))
        )
    return pa.chunked_array(chunks, type=pa.string())


def serial_ids(prefix: str, first: int, count: int, width: int) -> pa.ChunkedArray:
    """``prefix`` followed by the zero-padded numbers ``first .. first + count - 1``."""
    return fixed_width_strings(serial_chars(prefix, first, count, width))


def serial_chars(prefix: str, first: int, count: int, width: int) -> NDArray[np.uint8]:
    """The characters of `serial_ids`, one row per number.

    The last four digits of consecutive numbers cycle through 0000 .. 9999, so
    they are copied from a repeated block; the digits above them change once
    every 10,000 numbers and are written for each such run.
    """
    head = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    if count and first + count - 1 >= 10**width:
        raise ValueError(f"serial number {first + count - 1} does not fit in {width} digits")
    chars = np.empty((count, len(head) + width), dtype=np.uint8)
    chars[:, : len(head)] = head
    if not count:
        return chars
    low = min(width, 4)
    cycle = 10**low
    start = first % cycle
    laps = -(-(start + count) // cycle)
    chars[:, len(head) + width - low :] = np.tile(_DIGIT_BLOCKS[low], (laps, 1))[
        start : start + count
    ]
    if width > low:
        runs = np.arange(first // cycle, (first + count - 1) // cycle + 1, dtype=np.int64)
        lengths = np.full(len(runs), cycle, dtype=np.int64)
        lengths[0] = min(count, cycle - start)
        lengths[-1] = count - lengths[:-1].sum() if len(runs) > 1 else count
        chars[:, len(head) : len(head) + width - low] = np.repeat(
            _digits(runs, width - low), lengths, axis=0
        )
    return chars


def _digits(numbers: IntArray, width: int) -> NDArray[np.uint8]:
    """The zero-padded decimal text of non-negative numbers, one row each."""
    chars = np.empty((len(numbers), width), dtype=np.uint8)
    rest = numbers.copy()
    end = width
    while end > 0:  # up to four digits at a time, from the right
        digits = min(4, end)
        chars[:, end - digits : end] = _DIGIT_BLOCKS[digits][rest % 10**digits]
        rest //= 10**digits
        end -= digits
    return chars


def _digit_block(digits: int) -> NDArray[np.uint8]:
    """The zero-padded decimal text of 0 .. 10**digits - 1, one row each."""
    values = np.arange(10**digits)
    block = np.empty((10**digits, digits), dtype=np.uint8)
    for position in range(digits):
        block[:, position] = (values // 10 ** (digits - 1 - position)) % 10 + ord("0")
    return block


_DIGIT_BLOCKS = {digits: _digit_block(digits) for digits in range(1, 5)}


def string_array(values: Sequence[str]) -> pa.Array:
    """A (small) string column from Python strings, built from raw buffers."""
    encoded = [value.encode("utf-8") for value in values]
    lengths = np.array([len(item) for item in encoded], dtype=np.int32)
    offsets = np.concatenate([np.zeros(1, dtype=np.int32), np.cumsum(lengths, dtype=np.int32)])
    data = np.frombuffer(b"".join(encoded) or b"\0", dtype=np.uint8)
    return pa.StringArray.from_buffers(len(encoded), pa.py_buffer(offsets), pa.py_buffer(data))


def labels(codes: NDArray[np.integer], names: Sequence[str]) -> pa.Array:
    """The names of integer category codes, as a plain string column."""
    return dictionary_labels(codes, names).dictionary_decode()


def dictionary_labels(codes: NDArray[np.integer], names: Sequence[str]) -> pa.DictionaryArray:
    """The names of integer category codes, dictionary-encoded.

    The values are those of `labels`; the column keeps the codes and the names
    once, which is how Parquet stores a categorical column anyway.
    """
    indices = integer_array(codes, np.int32)
    return pa.DictionaryArray.from_arrays(indices, string_array(names))


# -- categorical draws --------------------------------------------------------------
def normalise(weights: Sequence[float] | NDArray[np.float64]) -> NDArray[np.float64]:
    """Weights scaled to sum to one."""
    array = np.asarray(weights, dtype=np.float64)
    total = array.sum()
    if not np.isfinite(total) or total <= 0 or (array < 0).any():
        raise ValueError("weights must be non-negative with a positive sum")
    result: NDArray[np.float64] = array / total
    return result


def categorical_from_uniform(
    uniform: NDArray[np.float64], weights: Sequence[float] | NDArray[np.float64]
) -> IntArray:
    """Category codes by inverting the cumulative weights at given uniform numbers."""
    cumulative = np.cumsum(normalise(weights))
    return np.minimum(search_uniform(cumulative, uniform), len(cumulative) - 1)


def search_uniform(
    edges: NDArray[np.float64],
    uniform: NDArray[np.float64],
    groups: NDArray[np.integer] | None = None,
    group_count: int = 1,
) -> IntArray:
    """``np.searchsorted(edges, groups + uniform, side="right")``, mostly without searching.

    `edges` ascend; `uniform` lies in [0, 1); `groups` (all 0 when omitted) are
    integer codes below `group_count`, so each group's edges lie in
    ``[group, group + 1]``. For long inputs a guide table (Chen and Asau) splits
    each group's unit interval into equal buckets and records the answer at
    both ends of each; a number in a bucket whose ends agree gets that answer
    without a search, and only the rest are searched. The result is the
    search's, exactly: adding the group is monotone, and the bucket of a
    number is exact because the bucket count is a power of two.
    """
    if len(uniform) < _GUIDE_MIN_ROWS or len(edges) < _GUIDE_MIN_CODES:
        values = uniform if groups is None else groups + uniform
        return np.searchsorted(edges, values, side="right").astype(np.int64)
    per_group = _guide_buckets(-(-len(edges) // group_count))
    base = np.arange(group_count, dtype=np.float64)[:, np.newaxis]
    steps = np.arange(per_group + 1, dtype=np.float64) / per_group
    starts = (base + steps[:-1]).ravel()
    ends = (base + np.nextafter(steps[1:], 0.0)).ravel()
    low = np.searchsorted(edges, starts, side="right").astype(np.int64)
    unsure_bucket = low != np.searchsorted(edges, ends, side="right")
    bucket = (uniform * per_group).astype(np.int64)
    if groups is not None:
        bucket += groups.astype(np.int64) * per_group
    codes: IntArray = low[bucket]
    unsure = np.flatnonzero(unsure_bucket[bucket])
    values = uniform[unsure] if groups is None else groups[unsure] + uniform[unsure]
    codes[unsure] = np.searchsorted(edges, values, side="right")
    return codes


_GUIDE_MIN_ROWS = 4096
_GUIDE_MIN_CODES = 8
"""Below these sizes a plain binary search is as quick as building a guide table."""


def _guide_buckets(codes: int) -> int:
    """A power of two about 64 times the number of codes, between 2**10 and 2**16."""
    return 1 << min(16, max(10, (64 * codes - 1).bit_length()))


def draw_codes(
    rng: np.random.Generator, count: int, weights: Sequence[float] | NDArray[np.float64]
) -> IntArray:
    """`count` independent category codes drawn with the given weights."""
    return categorical_from_uniform(rng.random(count), weights)


# -- repeats ------------------------------------------------------------------------
def repeat_counts(rng: np.random.Generator, count: int, extra: Sequence[float]) -> IntArray:
    """How many times each of `count` units occurs: 1, or 2, 3, ... with the `extra` shares.

    ``extra=(0.03, 0.006)`` makes 3% of units occur twice and 0.6% three times.
    """
    weights = [max(0.0, 1.0 - sum(extra)), *extra]
    return draw_codes(rng, count, weights) + 1


def exact_multiplicities(rng: np.random.Generator, rows: int, extra: Sequence[float]) -> IntArray:
    """Occurrence counts of as many units as needed to make exactly `rows` rows."""
    if rows <= 0:
        return np.zeros(0, dtype=np.int64)
    counts = repeat_counts(rng, rows, extra)
    reached = np.cumsum(counts)
    units = int(np.searchsorted(reached, rows, side="left")) + 1
    counts = counts[:units]
    counts[-1] -= int(reached[units - 1]) - rows
    return counts


def cap_repeats(counts: IntArray, spare: int) -> IntArray:
    """Trim occurrence counts so that their repeats (count - 1) total at most `spare`."""
    repeats = counts - 1
    allowed = np.clip(spare - (np.cumsum(repeats) - repeats), 0, None)
    capped: IntArray = np.minimum(repeats, allowed) + 1
    return capped


# -- dates --------------------------------------------------------------------------
def fiscal_year_span(fiscal_year: int) -> tuple[int, int]:
    """First day of the fiscal year (days since 1970-01-01) and its number of days."""
    first, last = fiscal_year_bounds(fiscal_year)
    return (first - _EPOCH).days, (last - first).days + 1


def draw_fiscal_days(
    rng: np.random.Generator,
    count: int,
    fiscal_year: int,
    month_weights: Sequence[float],
    weekend_factor: float,
    jitter: float = 0.0,
) -> NDArray[np.int32]:
    """Days (since 1970-01-01) inside a fiscal year, with a monthly and weekly shape.

    `month_weights` are relative volumes for October .. September; `jitter` is
    the spread of a random per-month factor, so years do not share one shape.
    """
    first, days = fiscal_year_span(fiscal_year)
    calendar = np.arange(first, first + days, dtype=np.int64)
    dates = calendar.astype("datetime64[D]")
    month = (dates.astype("datetime64[M]").astype(np.int64) - 9) % 12  # October -> 0
    weekday = (calendar + 3) % 7  # Monday -> 0
    monthly = np.asarray(month_weights, dtype=np.float64)
    if jitter > 0:
        monthly = monthly * rng.lognormal(0.0, jitter, size=12)
    in_month = np.bincount(month, minlength=12)
    weights = monthly[month] / in_month[month]
    weights = np.where(weekday >= 5, weights * weekend_factor, weights)
    offsets = draw_codes(rng, count, weights)
    return (offsets + first).astype(np.int32)


def stable_order(values: NDArray[np.integer]) -> IntArray:
    """The stable sorting order of integers, as ``np.argsort(values, kind="stable")``.

    Days of one year and category codes span far fewer than 2**15 values, so
    they are sorted as 16-bit offsets from the smallest, which numpy sorts by
    radix in linear time; wider ranges fall back to the general sort.
    """
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    smallest = int(values.min())
    if int(values.max()) - smallest < 1 << 15:
        offsets = (values - smallest).astype(np.int16)
        return np.argsort(offsets, kind="stable").astype(np.int64)
    return np.argsort(values, kind="stable").astype(np.int64)


def sorted_unique(values: IntArray) -> IntArray:
    """The distinct values, ascending: ``np.unique(values)``.

    Sorting and dropping repeats is an order of magnitude quicker than numpy's
    hash-based `unique` on millions of integers.
    """
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    result: IntArray = ordered[keep]
    return result


# -- arrow columns --------------------------------------------------------------------
# Built straight from numpy buffers: `pa.array(ndarray)` would import pandas to probe it.
_ARROW_INTS = {
    np.dtype(np.int16): pa.int16(),
    np.dtype(np.int32): pa.int32(),
    np.dtype(np.int64): pa.int64(),
}


def integer_array(values: NDArray[np.integer], dtype: type[np.integer]) -> pa.Array:
    """An Arrow integer column (no nulls) from numpy values, cast to `dtype`."""
    data = np.ascontiguousarray(values, dtype=dtype)
    return pa.Array.from_buffers(_ARROW_INTS[data.dtype], len(data), [None, pa.py_buffer(data)])


def boolean_array(values: NDArray[np.bool_]) -> pa.Array:
    """An Arrow boolean column (no nulls) from a numpy mask."""
    bits = np.packbits(np.asarray(values, dtype=bool), bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), len(values), [None, pa.py_buffer(bits)])


def date_array(days: NDArray[np.integer]) -> pa.Array:
    """A date32 column from days since 1970-01-01."""
    data = np.ascontiguousarray(days, dtype=np.int32)
    return pa.Array.from_buffers(pa.date32(), len(data), [None, pa.py_buffer(data)])
