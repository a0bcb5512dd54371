"""Numbers as printed: the interval of true values each text stands for.

A printed number is read back by the rules of `yearbook.narrative.style`
(its docstring is the reference), extended to the ways people write:

* the **step** of a number is its last written place: ``27.7%`` has step 0.1,
  ``1.2 million`` step 0.1 million (a scaled count always has at least one
  decimal of its unit, so ``1 million`` has step 0.1 million too), money in
  millions from ``$100 million`` up has step 1 million, and a whole number
  ending in zeros has the step of its last non-zero digit when it carries a
  qualifier or ends in at least two zeros, keeping at least two significant
  digits (``more than 1,300``: step 100; ``84,000``: step 1,000; ``2,000``:
  step 100);
* an unqualified whole number with step 1 is **exact**: ``170,590`` is
  [170590, 170590];
* any other number has its **rounding interval** [s - h, s + h) (mirrored for
  negative values), where h is half the step;
* an **above** word (``over``, ``more than``) stands for values above s by
  less than one step, a **below** word (``nearly``, ``almost``) for values at
  or below s by at most one step (two for a rounded percentage), both read by
  size for a decrease; an **approximate** word (``about``, ``approximately``)
  stands for the whole rounding interval. (These are the precision rules
  published labelled sets of claims use: "more than 143,000" is true of
  143,000 to 144,000.)

>>> read_number("43", rounded=True).interval
Interval(low=42.5, high=43.5, low_inclusive=True, high_inclusive=False)
>>> read_number("1.2", scale="million", qualifier="over").interval
Interval(low=1200000.0, high=1300000.0, low_inclusive=False, high_inclusive=False)
>>> read_number("170,590").interval
Interval(low=170590.0, high=170590.0, low_inclusive=True, high_inclusive=True)
>>> parse_words("one thousand three hundred five")
1305
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal

__all__ = [
    "ABOVE",
    "APPROX",
    "AT_LEAST",
    "BELOW",
    "MAX_DIGITS",
    "WORD_VALUES",
    "Interval",
    "NotAFigure",
    "Reading",
    "at_least",
    "parse_words",
    "qualifier_side",
    "read_number",
]

ABOVE = (
    "more than", "over", "just over", "well over", "above", "just above", "exceeding",
    "in excess of", "upwards of", "upward of", "at least", "no fewer than", "no less than",
    "a minimum of", "a little over", "a little more than",
    "slightly more than", "slightly over", "slightly above", "exceeded", "exceeds", "exceed",
    "surpassed", "surpassing", "topped", "topping", "north of",
)  # fmt: skip
BELOW = (
    "nearly", "almost", "just under", "close to", "less than", "under", "fewer than",
    "just below", "below", "just shy of", "shy of", "not quite", "a little under",
    "a little less than", "slightly less than", "slightly under", "slightly below",
)  # fmt: skip
APPROX = (
    "approximately", "about", "around", "roughly", "some", "an estimated",
    "an estimate of", "estimated", "circa",
)  # fmt: skip
"""Qualifiers by the side of the printed value they keep (the labelling rules' table)."""

MAX_DIGITS = 18
"""Most digits a figure is written with; a longer run of digits is text, not a number."""

_TOO_LONG = 10**MAX_DIGITS

_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

WORD_VALUES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


class NotAFigure(ValueError):
    """The text looks like a number but is longer than any figure (more than `MAX_DIGITS`)."""


@dataclass(frozen=True)
class Interval:
    """A set of real values between two bounds, each open or closed."""

    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True

    def contains(self, value: float) -> bool:
        """Whether `value` is inside, compared exactly, as the number style decides."""
        above = value >= self.low if self.low_inclusive else value > self.low
        below = value <= self.high if self.high_inclusive else value < self.high
        return above and below

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share a value (bounds treated as closed)."""
        slack = 1e-9 * max(1.0, abs(self.low), abs(self.high))
        return self.low <= other.high + slack and other.low <= self.high + slack

    def text(self) -> str:
        """The interval in mathematical notation, e.g. ``[42.5, 43.5)``."""
        left = "[" if self.low_inclusive else "("
        right = "]" if self.high_inclusive else ")"
        if self.low == self.high:
            return f"[{_fmt(self.low)}]"
        low, high = _fmt(self.low), _fmt(self.high)
        if low == high:  # "about 244,202" is [244,201.5, 244,202.5), not [244,202, 244,202)
            low, high = f"{self.low:,.12g}", f"{self.high:,.12g}"
        return f"{left}{low}, {high}{right}"


def _fmt(value: float) -> str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


@dataclass(frozen=True)
class Reading:
    """A printed number read back: the shown value, its step and its interval."""

    shown: float
    step: float
    interval: Interval


def qualifier_side(qualifier: str) -> str:
    """``above``, ``below``, ``approx`` or ``""`` for a qualifier phrase.

    >>> qualifier_side("More than"), qualifier_side("nearly"), qualifier_side("")
    ('above', 'below', '')
    """
    q = " ".join(qualifier.lower().split())
    if not q:
        return ""
    if q in ABOVE:
        return "above"
    if q in BELOW:
        return "below"
    return "approx"


def parse_words(text: str) -> int:
    """The whole number that number words spell: "twenty-one" -> 21.

    >>> parse_words("two hundred forty-six")
    246
    """
    total = 0
    current = 0
    for word in re.split(r"[\s,-]+", text.lower().strip()):
        if word in ("", "and"):
            continue
        if word == "a" and not total and not current:  # "a hundred and ten thousand"
            current = 1
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        else:
            raise ValueError(f"not a number word: {word!r}")
        if max(total, current) >= _TOO_LONG:
            raise NotAFigure(f"{text[:40]!r}... is longer than any figure")
    return total + current


def read_number(
    digits: str,
    *,
    scale: str = "",
    qualifier: str = "",
    money: bool = False,
    rounded: bool = False,
    words: bool = False,
    negative: bool = False,
    points: bool = False,
) -> Reading:
    """Read a printed number (digits or words) into its interval; see the module rules.

    ``rounded`` marks numbers that are always rounded (percentages, changes,
    averages): they never read as exact. ``points`` marks percentages, whose
    qualifiers reach whole points as writers use them: "more than 4%" up to a
    point above (4, 5], "nearly 20%" up to two points below [18, 20]; a
    negative value ("fell nearly 30%") is mirrored, its qualifier speaking of
    its size. A number with more than `MAX_DIGITS`
    digits (or words spelling one) raises `NotAFigure`:

    >>> read_number("1" + "0" * 309)
    Traceback (most recent call last):
    yearbook.claims.numbers.NotAFigure: a number of 310 digits is not a figure
    """
    if words:
        whole, *said = re.split(r"[\s-]+point(?=[\s-])", digits.lower(), maxsplit=1)
        said_words = re.findall(r"[a-z]+", said[0]) if said else []
        figures = "".join(str(WORD_VALUES.get(w, 0)) for w in said_words)  # "oh" is 0
        half = re.search(r"[\s-]+and[\s-]+a[\s-]+half$", whole)
        if half:  # "nineteen and a half percent"
            whole, figures = whole[: half.start()], "5"
        dec = Decimal(parse_words(whole)) + (Decimal("0." + figures) if figures else 0)
        places = len(figures)  # "one-point-five million": 1.5 million, to a tenth
    else:
        clean = digits.replace(",", "")
        _check_length(sum(c.isdigit() for c in clean))
        dec = Decimal(clean)
        places = len(clean.split(".")[1]) if "." in clean else 0
    _check_length(dec.adjusted() + 1)
    unit = Decimal(_SCALES[scale.lower()]) if scale else Decimal(1)
    step = _step(dec, places, unit, money=money, rounded=rounded, words=words, qual=bool(qualifier))
    shown = dec * unit * (-1 if negative else 1)
    side = qualifier_side(qualifier)
    if points and side in ("above", "below"):
        interval = _points(float(shown), side)
    else:
        interval = _interval(shown, step, side, rounded=rounded)
    if side == "above" and at_least(qualifier):  # "at least 226,119" holds 226,119 itself
        interval = replace(interval, low_inclusive=True) if shown >= 0 else interval
    return Reading(float(shown), float(step), interval)


AT_LEAST = ("at least", "no fewer than", "no less than", "a minimum of")
"""Qualifiers above a number that hold the number itself."""


def at_least(qualifier: str) -> bool:
    """Whether a qualifier holds its number ("at least 100" may be 100).

    >>> at_least("At least"), at_least("more than")
    (True, False)
    """
    return " ".join(qualifier.lower().split()) in AT_LEAST


def _points(shown: float, side: str) -> Interval:
    """A qualified percentage: up to a point above it, or up to two points below it."""
    size = abs(shown)
    low, high = (size, size + 1.0) if side == "above" else (max(size - 2.0, 0.0), size)
    open_low, open_high = side == "above", False
    if shown < 0:
        return Interval(-high, -low, not open_high, not open_low)
    return Interval(low, high, not open_low, not open_high)


def _check_length(digits: int) -> None:
    if digits > MAX_DIGITS:
        raise NotAFigure(f"a number of {digits} digits is not a figure")


def _step(
    dec: Decimal, places: int, unit: Decimal, *, money: bool, rounded: bool, words: bool, qual: bool
) -> Decimal:
    if unit > 1:
        if money and places == 0 and dec >= 100:
            return unit
        return unit * Decimal(1).scaleb(-max(places, 1 if not money or dec < 100 else 0))
    if places:
        return Decimal(1).scaleb(-places)
    if rounded or (words and not qual):  # "seven"; but "over twelve hundred" is as "over 1,200"
        return Decimal(1)
    whole = int(dec)
    zeros = 0
    while whole and whole % 10 == 0:
        whole //= 10
        zeros += 1
    if qual or zeros >= 2:
        return Decimal(10) ** min(zeros, max(len(str(int(dec))) - 2, 0))
    return Decimal(1)


def _one_side(shown: Decimal, step: Decimal, side: str, *, rounded: bool) -> Interval:
    """ "More than N": above N, by less than one unit of its last digit; "nearly N": at or
    below N, by no more than one unit (two for a rounded percentage). A negative N (a
    decrease) is read by its size: "nearly 10% down" is between -10% and -8%."""
    reach = step * (2 if side == "below" and rounded else 1)
    outward = side == "above"
    if outward:  # away from zero
        far = shown + reach if shown >= 0 else shown - reach
        return Interval(float(min(shown, far)), float(max(shown, far)), False, False)
    near = shown - reach if shown >= 0 else shown + reach
    return Interval(float(min(shown, near)), float(max(shown, near)), True, True)


def _interval(shown: Decimal, step: Decimal, side: str, *, rounded: bool) -> Interval:
    half = step / 2
    if shown > 0:
        low, high, li, hi = shown - half, shown + half, True, False
    elif shown < 0:
        low, high, li, hi = shown - half, shown + half, False, True
    else:
        low, high, li, hi = -half, half, False, False
    if side in ("above", "below"):
        return _one_side(shown, step, side, rounded=rounded)
    if side == "" and step == 1 and not rounded and shown == shown.to_integral_value():
        return Interval(float(shown), float(shown))
    return Interval(float(low), float(high), li, hi)
