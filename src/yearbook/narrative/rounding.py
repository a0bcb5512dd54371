"""The arithmetic under the number style (`yearbook.narrative.style`): the true value
as an exact decimal, rounding half away from zero to a step, the step and unit a
count or an amount of money is written with, digits with separators, and the
rounding interval of a shown number. The rules themselves are in ``style``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from yearbook.narrative.words import WORDS_LIMIT

__all__ = [
    "ONE",
    "TrueValue",
    "check_qualifier_words",
    "check_scale",
    "check_words_below",
    "count_step",
    "digits_step",
    "fixed",
    "money_step",
    "places",
    "plan",
    "positive_step",
    "round_half_up",
    "rounding_bounds",
    "sig_step",
    "spell",
    "unit_for",
    "with_unit",
]

# Working precision for the decimal arithmetic: enough for any finite double
# divided by the smallest step allowed, so no operation ever rounds.
_PREC = 2000
_MAX_DIGITS = 20
ONE = Decimal(1)
_TWO = Decimal(2)
_UNITS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


@dataclass(frozen=True)
class TrueValue:
    """The true value: exact decimal (shortest repr for floats) and as a float."""

    dec: Decimal
    flt: float
    exact_int: bool  # came in as an integer: compare exactly, not through a float

    @property
    def given(self) -> float:
        """The value as passed: the exact int for integers, else the float."""
        return int(self.dec) if self.exact_int else self.flt

    @classmethod
    def of(cls, value: float) -> TrueValue:
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


def round_half_up(dec: Decimal, step: Decimal) -> Decimal:
    """Round half away from zero to a multiple of `step`; never returns -0."""
    with localcontext() as ctx:
        ctx.prec = _PREC
        shown = (dec / step).quantize(ONE, rounding=ROUND_HALF_UP) * step
    return shown if shown != 0 else Decimal(0)


def plan(
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
        step = default_step(abs(dec)) if scale == "auto" else ONE
        shown = round_half_up(dec, step)
        if scale == "auto":
            again = default_step(abs(shown))
            if again != step:
                step = again
                shown = round_half_up(dec, step)
    else:
        shown = round_half_up(dec, step)
    unit = unit_for(abs(shown)) if scale == "auto" else None
    return shown, step, unit


def unit_for(magnitude: Decimal) -> tuple[Decimal, str] | None:
    for size, name in _UNITS:
        if magnitude >= size:
            return size, name
    return None


def count_step(magnitude: Decimal) -> Decimal:
    unit = unit_for(magnitude)
    return ONE if unit is None else unit[0] / 10


def money_step(magnitude: Decimal) -> Decimal:
    unit = unit_for(magnitude)
    if unit is None:
        return ONE
    return unit[0] / 10 if magnitude < 100 * unit[0] else unit[0]


def sig_step(dec: Decimal, sig: int) -> Decimal:
    if isinstance(sig, bool) or not isinstance(sig, int) or sig < 1:
        raise ValueError(f"sig must be a whole number of at least 1, got {sig!r}")
    if dec == 0:
        return ONE
    return ONE.scaleb(dec.adjusted() - sig + 1)


def positive_step(round_to: float) -> Decimal:
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


def digits_step(digits: int) -> Decimal:
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= _MAX_DIGITS:
        raise ValueError(f"digits must be a whole number from 0 to {_MAX_DIGITS}, got {digits!r}")
    return ONE.scaleb(-digits)


def check_words_below(words_below: int) -> None:
    if isinstance(words_below, bool) or not isinstance(words_below, int) or words_below < 0:
        raise ValueError(f"words_below must be a whole number >= 0, got {words_below!r}")


def check_qualifier_words(above: str, below: str) -> None:
    for name, word in (("above", above), ("below", below)):
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"the {name} qualifier must be a non-empty word, got {word!r}")


def check_scale(scale: str | None) -> None:
    if scale not in ("auto", None):
        raise ValueError(f"scale must be 'auto' or None, got {scale!r}")


def spell(shown: Decimal, words_below: int) -> bool:
    """Whether a shown whole number is written in words."""
    return shown == shown.to_integral_value() and 0 <= shown < min(words_below, WORDS_LIMIT)


def places(step: Decimal) -> int:
    """Decimals needed to write multiples of `step`."""
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def fixed(dec: Decimal, places: int) -> str:
    """Digits with thousands separators and exactly `places` decimals."""
    text = format(dec, f",.{places}f")
    return text[1:] if text.startswith("-") and dec == 0 else text


def with_unit(shown: Decimal, unit: tuple[Decimal, str]) -> str:
    size, name = unit
    with localcontext() as ctx:
        ctx.prec = _PREC
        in_units = (shown / size).normalize()
    return f"{format(in_units, ',f')} {name}"


def rounding_bounds(shown: Decimal, step: Decimal) -> tuple[Decimal, Decimal, bool, bool]:
    half = step / _TWO
    if shown > 0:
        return shown - half, shown + half, True, False
    if shown < 0:
        return shown - half, shown + half, False, True
    return -half, half, False, False
