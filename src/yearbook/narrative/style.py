"""The number style: how a computed value is written in report prose.

Every number in the report's prose comes from this module, applied to the
*true* computed value. Each function returns a `Styled`: the text for the
sentence, the number the reader sees, the qualifier word (if any) and the
interval of true values that the text is consistent with. A claim checker
reading the text back can rebuild the same interval from the rules below.
The arithmetic under the rules (exact decimals, steps, digits, rounding
intervals) is in `yearbook.narrative.rounding`, and the spelling of whole
numbers and months in `yearbook.narrative.words`.

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
from dataclasses import dataclass
from decimal import Decimal

from yearbook.narrative.rounding import (
    ONE,
    TrueValue,
    check_qualifier_words,
    check_scale,
    check_words_below,
    count_step,
    digits_step,
    fixed,
    money_step,
    places,
    plan,
    positive_step,
    round_half_up,
    rounding_bounds,
    sig_step,
    spell,
    with_unit,
)
from yearbook.narrative.words import month_label, number_words

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

_APPROX = "approximately"


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
    true = TrueValue.of(value)
    check_words_below(words_below)
    check_qualifier_words(above, below)
    check_scale(scale)
    if round_to is not None and sig is not None:
        raise ValueError("give round_to or sig, not both")
    step: Decimal | None = None
    if round_to is not None:
        step = positive_step(round_to)
    elif sig is not None:
        step = max(sig_step(true.dec, sig), ONE)
    shown, step, unit = plan(true.dec, step, scale, count_step)
    if unit is not None:
        number = with_unit(shown, unit)
    elif spell(shown, words_below):
        number = number_words(int(shown))
    else:
        number = fixed(shown, places(step))
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
    true = TrueValue.of(value)
    check_qualifier_words(above, below)
    check_scale(scale)
    step = None if round_to is None else positive_step(round_to)
    shown, step, unit = plan(true.dec, step, scale, money_step)
    sign = "-" if shown < 0 else ""
    if unit is not None:
        number = f"{sign}${with_unit(abs(shown), unit)}"
    else:
        number = f"{sign}${fixed(abs(shown), places(step))}"
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
    true = TrueValue.of(value)
    step = digits_step(digits)
    shown = round_half_up(true.dec, step)
    return _unqualified(true, shown, step, f"{fixed(shown, digits)}%")


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
    true = TrueValue.of(pct_value)
    step = digits_step(digits)
    shown = round_half_up(true.dec, step)
    if shown == 0:
        return _unqualified(true, shown, step, "no change")
    noun = "increase" if shown > 0 else "decrease"
    number = f"{fixed(abs(shown), digits)}%"
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
    true = TrueValue.of(value)
    check_words_below(words_below)
    step = digits_step(digits)
    shown = round_half_up(true.dec, step)
    if digits == 0 and spell(shown, words_below):
        number = number_words(int(shown))
    else:
        number = fixed(shown, digits)
    return _unqualified(true, shown, step, number)


# ------------------------------------------------------- qualifiers and intervals


def _article(number: str) -> str:
    """ "a" or "an" for a number written in digits, by how it is read aloud."""
    whole = number.lstrip("-").split(".")[0].rstrip("%")
    lead = whole.split(",")[0]
    if lead.startswith("8") or lead in ("11", "18"):
        return "an"
    return "a"


def _styled(
    true: TrueValue,
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
    true: TrueValue,
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
    low, high, low_inclusive, high_inclusive = rounding_bounds(shown, step)
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


def _unqualified(true: TrueValue, shown: Decimal, step: Decimal, text: str) -> Styled:
    """Percentages, changes and averages: no qualifier, the rounding interval."""
    return _styled(true, text, shown, "", rounding_bounds(shown, step))
