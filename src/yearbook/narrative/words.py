"""Whole numbers and months as report prose spells them ("twenty-one", "May 2023")."""

from __future__ import annotations

import numbers

__all__ = ["WORDS_LIMIT", "month_label", "number_words"]

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_GROUPS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
WORDS_LIMIT = 10**15


def number_words(n: int) -> str:
    """Spell out a whole number from 0 up to (not including) 10**15.

    US usage: hyphenated tens, no "and".

    >>> number_words(6)
    'six'
    >>> number_words(21)
    'twenty-one'
    >>> number_words(1_305)
    'one thousand three hundred five'
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"number_words needs a whole number, got {n!r}")
    n = int(n)
    if n < 0 or n >= WORDS_LIMIT:
        raise ValueError(f"number_words covers 0 to {WORDS_LIMIT - 1:,}, got {n:,}")
    if n == 0:
        return "zero"
    parts: list[str] = []
    for size, name in _GROUPS:
        group, n = divmod(n, size)
        if group:
            parts.append(f"{_below_thousand(group)} {name}")
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip


def month_label(month: str) -> str:
    """A calendar month as prose writes it, from its ``YYYY-MM`` form.

    >>> month_label("2023-05")
    'May 2023'
    >>> month_label("2023-13")
    Traceback (most recent call last):
    ...
    ValueError: not a month in the YYYY-MM form: '2023-13'
    """
    year, _, number = month.partition("-")
    if not (year.isdigit() and len(year) == 4 and number.isdigit() and 1 <= int(number) <= 12):
        raise ValueError(f"not a month in the YYYY-MM form: {month!r}")
    return f"{_MONTHS[int(number) - 1]} {year}"


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds:
        parts.append(f"{_ONES[hundreds]} hundred")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest:
        parts.append(_ONES[rest])
    return " ".join(parts)
