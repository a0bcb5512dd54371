"""The number style: how a computed value is written in report prose.

Every number in the report's prose comes from this module, applied to the
*true* computed value. Each function returns a `Styled`: the text for the
sentence, the number the reader sees, the qualifier word (if any) and the
interval of true values that the text is consistent with. A claim checker
reading the text back can rebuild the same interval from the rules below.

Rules
-----
1. **Counts** get thousands separators. Whole numbers from zero to
   ``words_below - 1`` (default: zero through nine) are spelled out, as a
   statistics office writes them; ``words_below=0`` turns words off.

   >>> count(170590).text
   '170,590'
   >>> count(6).text
   'six'
   >>> count(6, words_below=0).text
   '6'

2. **Scale.** With ``scale="auto"`` a count of 1,000,000 or more is written
   in millions with one decimal, dropping a trailing ".0"; billions and
   trillions likewise. ``scale=None`` always writes every digit. The unit
   is chosen from the *rounded* value, so 999,999.7 becomes "1 million" and
   999,960,000 becomes "1 billion".

   >>> count(1_200_000).text
   '1.2 million'
   >>> count(2_000_000).text
   '2 million'
   >>> count(1_234_567, scale=None).text
   '1,234,567'

3. **Money** below $1 million is written in whole dollars. From $1 million up
   (``scale="auto"``) it is written in millions: one decimal below
   $100 million, whole millions from $100 million up; billions and trillions
   follow the same pattern. ``scale=None`` writes whole dollars.

   >>> money(25_858_760).text
   'nearly $25.9 million'
   >>> money(949_312_000).text
   'more than $949 million'
   >>> money(25_858_760, scale=None).text
   '$25,858,760'
   >>> money(10_496).text
   '$10,496'

4. **Rounding** is half-up, that is half away from zero (1,350 -> 1,400 and
   -1,350 -> -1,400), to a step: one decimal of the unit for scaled counts,
   the steps of rule 3 for money, 1 otherwise. ``round_to=100`` (or 10,
   1000, ...) sets the step; ``sig=2`` rounds to two significant digits
   (a count's step is never below 1). An explicit step is shown with as
   many decimals of the unit as it needs ("1.235 million" for
   ``round_to=1000``). The value is judged by its shortest decimal form (its
   ``repr``), so 27.65 rounds to 27.7, as written, even though the nearest
   double lies a hair below 27.65.

   >>> count(1_329, round_to=100).text
   'more than 1,300'
   >>> count(1_329, sig=2).text
   'more than 1,300'

5. **Qualifiers** are chosen by rule, never typed. When the shown number is
   below the true value the ``above`` word is used ("more than"; a template
   may pass "over"); when it is above, the ``below`` word ("nearly"); when
   they are equal, none. ``approx=True`` always writes "approximately" (for
   estimates). Percentages, averages and changes never take a qualifier:
   their precision tells the reader they are rounded. Qualifiers compare
   signed values, so for a negative value "nearly -1,300" means a value in
   [-1,350, -1,300).

   >>> count(1_234_567).text
   'more than 1.2 million'
   >>> count(1_234_567, above="over").text
   'over 1.2 million'
   >>> count(1_180_000).text
   'nearly 1.2 million'
   >>> count(210, round_to=100, approx=True).text
   'approximately 200'

   ``at_least=True`` is for a value that is itself a lower bound (records
   that say "at least so many"): the ``above`` word is written even when the
   shown number equals the value, and the text stands for the value's own
   rounding interval from ``s`` up: [s, s] for an unrounded whole number,
   [s, s+h) otherwise. A value that rounds up still gets the ``below`` word.

   >>> count(152_232, at_least=True).text
   'more than 152,232'
   >>> count(1_218_463, above="over", at_least=True).text
   'over 1.2 million'

6. **Intervals.** Write ``s`` for the shown number and ``h`` for half the
   step. The rounding interval of ``s`` is [s-h, s+h) for s > 0,
   (s-h, s+h] for s < 0 and (-h, h) for s = 0 (rounding is half away from
   zero). Then:

   * an unrounded whole count or dollar amount (step 1, no qualifier) is
     exact: [s, s];
   * any other unqualified number, and any "approximately" number, has the
     rounding interval ("1.2 million" -> [1.15M, 1.25M); "43%" ->
     [42.5, 43.5));
   * the ``above`` word keeps the part of the rounding interval above
     ``s``: "more than 1,300" (step 100) -> (1300, 1350);
   * the ``below`` word keeps the part below ``s``: "nearly 1.2 million"
     -> [1.15M, 1.2M).

   Bounds are the nearest doubles to these decimal bounds (``Styled.contains``
   tests a value against them). Only a value with more than 15 significant
   digits can fall outside after that conversion; then the bound it lands on
   is closed, or a bound it passes moves out by one double, so the interval
   always holds the value.

   >>> s = count(1_329, round_to=100)
   >>> (s.low, s.high, s.low_inclusive, s.high_inclusive)
   (1300.0, 1350.0, False, False)
   >>> s = percent(43.27)
   >>> (s.text, s.low, s.high, s.low_inclusive, s.high_inclusive)
   ('43%', 42.5, 43.5, True, False)
   >>> s = count(6)
   >>> (s.low, s.high, s.low_inclusive, s.high_inclusive)
   (6.0, 6.0, True, True)

7. **Percentages, changes and averages.** A percentage is already in percent
   units and is written with ``digits`` decimals (default 0). A change is
   written as its magnitude with the direction in words, ``digits`` decimals
   (default 1); ``shown`` keeps the sign. A change that rounds to zero is
   "no change". An average is written with ``digits`` decimals (default 0);
   a whole average below ``words_below`` is spelled out. Trailing zeros are
   kept here ("4.0"), because they state the precision.

   >>> percent(32.5, digits=1).text
   '32.5%'
   >>> change(27.709).text
   'an increase of 27.7%'
   >>> change(-3.14).text
   'a decrease of 3.1%'
   >>> change(148.21, form="adjective").text
   'a 148.2% increase'
   >>> change(8.04, form="adjective").text
   'an 8.0% increase'
   >>> change(0.01).text
   'no change'
   >>> average(3.938).text
   'four'
   >>> average(4.278, digits=1).text
   '4.3'

8. **Signs and edge values.** Negative values take a leading "-" (before the
   "$" for money); zero is never written "-0". NaN and infinities raise
   `ValueError`; finite values of any size are written in full.

   >>> count(-1_234).text
   '-1,234'
   >>> money(-2_500_000).text
   '-$2.5 million'
   >>> count(-0.2).text
   'nearly zero'
   >>> count(float("nan"))
   Traceback (most recent call last):
   ...
   ValueError: cannot style NaN: the value is not a number

Reading text back
-----------------
Strip the qualifier, "$", "%", thousands separators and the unit word
("million" = 10**6, "billion" = 10**9, "trillion" = 10**12); spelled-out
words map back through `number_words`. The result is ``shown``; for a
change, "decrease" makes it negative and "no change" is 0.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = [
    "Styled",
    "average",
    "change",
    "count",
    "money",
    "month_label",
    "number_words",
    "percent",
]

# Working precision for the decimal arithmetic: enough for any finite double
# divided by the smallest step allowed, so no operation ever rounds.
_PREC = 2000
_MAX_DIGITS = 20
_ONE = Decimal(1)
_TWO = Decimal(2)
_UNITS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_APPROX = "approximately"

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_GROUPS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
_WORDS_LIMIT = 10**15


@dataclass(frozen=True)
class Styled:
    """A number written for prose, with the interval of true values it stands for."""

    text: str
    shown: float
    qualifier: str
    low: float
    high: float
    low_inclusive: bool
    high_inclusive: bool

    def __str__(self) -> str:
        return self.text

    def contains(self, value: float) -> bool:
        """Whether `value` lies in the interval this text is consistent with."""
        above_low = value >= self.low if self.low_inclusive else value > self.low
        below_high = value <= self.high if self.high_inclusive else value < self.high
        return above_low and below_high


# --------------------------------------------------------------------------- words


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
    if n < 0 or n >= _WORDS_LIMIT:
        raise ValueError(f"number_words covers 0 to {_WORDS_LIMIT - 1:,}, got {n:,}")
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


# --------------------------------------------------------------------- public API


def count(
    value: float,
    *,
    words_below: int = 10,
    round_to: float | None = None,
    sig: int | None = None,
    above: str = "more than",
    below: str = "nearly",
    approx: bool = False,
    scale: str | None = "auto",
    at_least: bool = False,
) -> Styled:
    """Write a count (people, cases, pounds...) by rules 1, 2, 4, 5 and 6.

    >>> count(1_234_567).text
    'more than 1.2 million'
    >>> count(5_999_999_999).text
    'nearly 6 billion'
    """
    true = _True.of(value)
    _check_words_below(words_below)
    _check_qualifier_words(above, below)
    _check_scale(scale)
    if round_to is not None and sig is not None:
        raise ValueError("give round_to or sig, not both")
    step: Decimal | None = None
    if round_to is not None:
        step = _positive_step(round_to)
    elif sig is not None:
        step = max(_sig_step(true.dec, sig), _ONE)
    shown, step, unit = _plan(true.dec, step, scale, _count_step)
    if unit is not None:
        number = _with_unit(shown, unit)
    elif _spell(shown, words_below):
        number = number_words(int(shown))
    else:
        number = _fixed(shown, _places(step))
    return _qualified(
        true, shown, step, number, above=above, below=below, approx=approx, at_least=at_least
    )


def money(
    value: float,
    *,
    round_to: float | None = None,
    scale: str | None = "auto",
    above: str = "more than",
    below: str = "nearly",
    approx: bool = False,
    at_least: bool = False,
) -> Styled:
    """Write an amount of dollars by rules 3, 4, 5 and 6.

    >>> money(148_400_000).text
    'more than $148 million'
    >>> money(1_300_000_000).text
    '$1.3 billion'
    >>> money(1_250_000_000).text
    'nearly $1.3 billion'
    >>> money(1_234_567, approx=True).text
    'approximately $1.2 million'
    """
    true = _True.of(value)
    _check_qualifier_words(above, below)
    _check_scale(scale)
    step = None if round_to is None else _positive_step(round_to)
    shown, step, unit = _plan(true.dec, step, scale, _money_step)
    sign = "-" if shown < 0 else ""
    if unit is not None:
        number = f"{sign}${_with_unit(abs(shown), unit)}"
    else:
        number = f"{sign}${_fixed(abs(shown), _places(step))}"
    return _qualified(
        true, shown, step, number, above=above, below=below, approx=approx, at_least=at_least
    )


def percent(value: float, *, digits: int = 0) -> Styled:
    """Write a value already in percent units with `digits` decimals.

    >>> percent(43.27).text
    '43%'
    >>> percent(43.27, digits=1).text
    '43.3%'
    """
    true = _True.of(value)
    step = _digits_step(digits)
    shown = _round(true.dec, step)
    return _unqualified(true, shown, step, f"{_fixed(shown, digits)}%")


def change(pct_value: float, *, digits: int = 1, form: str = "of") -> Styled:
    """Write a percent change as words: "an increase of 27.7%" or "a 27.7% increase".

    ``form="of"`` gives "an increase of 27.7%"; ``form="adjective"`` gives
    "a 27.7% increase". ``shown`` is signed (-3.1 for "a decrease of 3.1%").

    >>> change(-3.14, form="adjective").text
    'a 3.1% decrease'
    >>> change(11.5, digits=0, form="adjective").text
    'a 12% increase'
    >>> change(11.4, digits=0, form="adjective").text
    'an 11% increase'
    """
    if form not in ("of", "adjective"):
        raise ValueError(f"form must be 'of' or 'adjective', got {form!r}")
    true = _True.of(pct_value)
    step = _digits_step(digits)
    shown = _round(true.dec, step)
    if shown == 0:
        return _unqualified(true, shown, step, "no change")
    noun = "increase" if shown > 0 else "decrease"
    number = f"{_fixed(abs(shown), digits)}%"
    if form == "of":
        text = f"{'an' if noun == 'increase' else 'a'} {noun} of {number}"
    else:
        text = f"{_article(number)} {number} {noun}"
    return _unqualified(true, shown, step, text)


def average(value: float, *, digits: int = 0, words_below: int = 10) -> Styled:
    """Write an average (a mean or a rate) with `digits` decimals.

    >>> average(3.938).text
    'four'
    >>> average(12.5).text
    '13'
    >>> average(4.0, digits=1).text
    '4.0'
    """
    true = _True.of(value)
    _check_words_below(words_below)
    step = _digits_step(digits)
    shown = _round(true.dec, step)
    if digits == 0 and _spell(shown, words_below):
        number = number_words(int(shown))
    else:
        number = _fixed(shown, digits)
    return _unqualified(true, shown, step, number)


# -------------------------------------------------------------------- internals


@dataclass(frozen=True)
class _True:
    """The true value: exact decimal (shortest repr for floats) and as a float."""

    dec: Decimal
    flt: float
    exact_int: bool  # came in as an integer: compare exactly, not through a float

    @property
    def given(self) -> float:
        """The value as passed: the exact int for integers, else the float."""
        return int(self.dec) if self.exact_int else self.flt

    @classmethod
    def of(cls, value: float) -> _True:
        if isinstance(value, numbers.Integral):
            whole = int(value)
            try:
                flt = float(whole)
            except OverflowError:
                digits = int(whole.bit_length() * math.log10(2)) + 1
                raise ValueError(
                    f"cannot style an integer of about {digits} digits: too large for a double"
                ) from None
            return cls(Decimal(whole), flt, True)
        if isinstance(value, str | bytes) or not isinstance(value, numbers.Number):
            raise TypeError(f"cannot style {value!r}: it is not a number")
        try:
            flt = float(value)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"cannot style {value!r}: it is not a number") from exc
        if math.isnan(flt):
            raise ValueError("cannot style NaN: the value is not a number")
        if math.isinf(flt):
            raise ValueError(f"cannot style {flt}: the value is not finite")
        return cls(Decimal(float.__repr__(flt)), flt, False)

    def compare(self, shown: Decimal) -> int:
        """Sign of (true - shown), as the reader's float comparison would see it."""
        if self.exact_int:
            return (self.dec > shown) - (self.dec < shown)
        seen = float(shown)
        return (self.flt > seen) - (self.flt < seen)


def _round(dec: Decimal, step: Decimal) -> Decimal:
    """Round half away from zero to a multiple of `step`; never returns -0."""
    with localcontext() as ctx:
        ctx.prec = _PREC
        shown = (dec / step).quantize(_ONE, rounding=ROUND_HALF_UP) * step
    return shown if shown != 0 else Decimal(0)


def _plan(
    dec: Decimal,
    step: Decimal | None,
    scale: str | None,
    default_step: Callable[[Decimal], Decimal],
) -> tuple[Decimal, Decimal, tuple[Decimal, str] | None]:
    """Shown value, step and unit (or None) for a count or an amount of money.

    Without an explicit step the default step depends on the size of the
    value; it is checked again on the rounded value, so text such as
    "1 million" always carries the step its own size implies.
    """
    if step is None:
        step = default_step(abs(dec)) if scale == "auto" else _ONE
        shown = _round(dec, step)
        if scale == "auto":
            again = default_step(abs(shown))
            if again != step:
                step = again
                shown = _round(dec, step)
    else:
        shown = _round(dec, step)
    unit = _unit_for(abs(shown)) if scale == "auto" else None
    return shown, step, unit


def _unit_for(magnitude: Decimal) -> tuple[Decimal, str] | None:
    for size, name in _UNITS:
        if magnitude >= size:
            return size, name
    return None


def _count_step(magnitude: Decimal) -> Decimal:
    unit = _unit_for(magnitude)
    return _ONE if unit is None else unit[0] / 10


def _money_step(magnitude: Decimal) -> Decimal:
    unit = _unit_for(magnitude)
    if unit is None:
        return _ONE
    return unit[0] / 10 if magnitude < 100 * unit[0] else unit[0]


def _sig_step(dec: Decimal, sig: int) -> Decimal:
    if isinstance(sig, bool) or not isinstance(sig, int) or sig < 1:
        raise ValueError(f"sig must be a whole number of at least 1, got {sig!r}")
    if dec == 0:
        return _ONE
    return _ONE.scaleb(dec.adjusted() - sig + 1)


def _positive_step(round_to: float) -> Decimal:
    if isinstance(round_to, numbers.Integral):
        step = Decimal(int(round_to))
    else:
        as_float = float(round_to)
        if not math.isfinite(as_float):
            raise ValueError(f"round_to must be a finite number, got {round_to!r}")
        step = Decimal(float.__repr__(as_float))
    if step <= 0:
        raise ValueError(f"round_to must be positive, got {round_to!r}")
    return step


def _digits_step(digits: int) -> Decimal:
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= _MAX_DIGITS:
        raise ValueError(f"digits must be a whole number from 0 to {_MAX_DIGITS}, got {digits!r}")
    return _ONE.scaleb(-digits)


def _check_words_below(words_below: int) -> None:
    if isinstance(words_below, bool) or not isinstance(words_below, int) or words_below < 0:
        raise ValueError(f"words_below must be a whole number >= 0, got {words_below!r}")


def _check_qualifier_words(above: str, below: str) -> None:
    for name, word in (("above", above), ("below", below)):
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"the {name} qualifier must be a non-empty word, got {word!r}")


def _check_scale(scale: str | None) -> None:
    if scale not in ("auto", None):
        raise ValueError(f"scale must be 'auto' or None, got {scale!r}")


def _spell(shown: Decimal, words_below: int) -> bool:
    """Whether a shown whole number is written in words."""
    return shown == shown.to_integral_value() and 0 <= shown < min(words_below, _WORDS_LIMIT)


def _places(step: Decimal) -> int:
    """Decimals needed to write multiples of `step`."""
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _fixed(dec: Decimal, places: int) -> str:
    """Digits with thousands separators and exactly `places` decimals."""
    text = format(dec, f",.{places}f")
    return text[1:] if text.startswith("-") and dec == 0 else text


def _with_unit(shown: Decimal, unit: tuple[Decimal, str]) -> str:
    size, name = unit
    with localcontext() as ctx:
        ctx.prec = _PREC
        in_units = (shown / size).normalize()
    return f"{format(in_units, ',f')} {name}"


def _article(number: str) -> str:
    """ "a" or "an" for a number written in digits, by how it is read aloud."""
    whole = number.lstrip("-").split(".")[0].rstrip("%")
    lead = whole.split(",")[0]
    if lead.startswith("8") or lead in ("11", "18"):
        return "an"
    return "a"


def _rounding_bounds(shown: Decimal, step: Decimal) -> tuple[Decimal, Decimal, bool, bool]:
    half = step / _TWO
    if shown > 0:
        return shown - half, shown + half, True, False
    if shown < 0:
        return shown - half, shown + half, False, True
    return -half, half, False, False


def _styled(
    true: _True,
    text: str,
    shown: Decimal,
    qualifier: str,
    bounds: tuple[Decimal, Decimal, bool, bool],
) -> Styled:
    low_dec, high_dec, low_inclusive, high_inclusive = bounds
    low = float(low_dec) + 0.0
    high = float(high_dec) + 0.0
    # The decimal interval always holds the value; its double bounds may not
    # when the value has more than 15 significant digits. Python compares
    # ints and floats exactly, so `given` is the value as the caller passed it.
    given = true.given
    if given == low:
        low_inclusive = True
    elif given < low:
        low = math.nextafter(low, -math.inf)
    if given == high:
        high_inclusive = True
    elif given > high:
        high = math.nextafter(high, math.inf)
    return Styled(
        text=text,
        shown=float(shown) + 0.0,
        qualifier=qualifier,
        low=low,
        high=high,
        low_inclusive=low_inclusive,
        high_inclusive=high_inclusive,
    )


def _qualified(
    true: _True,
    shown: Decimal,
    step: Decimal,
    number: str,
    *,
    above: str,
    below: str,
    approx: bool,
    at_least: bool = False,
) -> Styled:
    """Counts and money: pick the qualifier by rule 5 and the interval by rule 6."""
    low, high, low_inclusive, high_inclusive = _rounding_bounds(shown, step)
    if approx:
        return _styled(
            true, f"{_APPROX} {number}", shown, _APPROX, (low, high, low_inclusive, high_inclusive)
        )
    side = true.compare(shown)
    if side > 0:
        return _styled(
            true, f"{above} {number}", shown, above, (shown, high, False, high_inclusive)
        )
    if side < 0:
        return _styled(true, f"{below} {number}", shown, below, (low, shown, low_inclusive, False))
    if at_least:
        top = shown if step == 1 else high
        return _styled(true, f"{above} {number}", shown, above, (shown, top, True, step == 1))
    if step == 1:
        return _styled(true, number, shown, "", (shown, shown, True, True))
    return _styled(true, number, shown, "", (low, high, low_inclusive, high_inclusive))


def _unqualified(true: _True, shown: Decimal, step: Decimal, text: str) -> Styled:
    """Percentages, changes and averages: no qualifier, the rounding interval."""
    return _styled(true, text, shown, "", _rounding_bounds(shown, step))
