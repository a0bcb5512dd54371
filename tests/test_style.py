"""Tests for the number style used in report prose (yearbook.narrative.style)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from yearbook.narrative import style
from yearbook.narrative.style import (
    Styled,
    average,
    change,
    count,
    money,
    number_words,
    percent,
)

# ------------------------------------------------------------------ report examples

REPORT_EXAMPLES: list[tuple[Callable[..., Styled], float, dict[str, Any], str]] = [
    (count, 170_590, {}, "170,590"),
    (count, 6, {}, "six"),
    (count, 1_234_567, {}, "more than 1.2 million"),
    (count, 1_234_567, {"above": "over"}, "over 1.2 million"),
    (money, 949_312_000, {}, "more than $949 million"),
    (money, 148_400_000, {}, "more than $148 million"),
    (count, 1_329, {"round_to": 100}, "more than 1,300"),
    (percent, 43.27, {}, "43%"),
    (percent, 32.5, {"digits": 1}, "32.5%"),
    (change, 27.709, {}, "an increase of 27.7%"),
    (change, 148.21, {"form": "adjective"}, "a 148.2% increase"),
    (average, 3.938, {}, "four"),
    (average, 4.278, {"digits": 1}, "4.3"),
    (money, 25_858_760, {"scale": None}, "$25,858,760"),
]

MORE_EXAMPLES: list[tuple[Callable[..., Styled], float, dict[str, Any], str]] = [
    # counts: words, separators, scale, qualifiers
    (count, 0, {}, "zero"),
    (count, 9, {}, "nine"),
    (count, 10, {}, "10"),
    (count, 6, {"words_below": 0}, "6"),
    (count, 42, {"words_below": 100}, "forty-two"),
    (count, 1_200_000, {}, "1.2 million"),
    (count, 2_000_000, {}, "2 million"),
    (count, 1_180_000, {}, "nearly 1.2 million"),
    (count, 1_234_567, {"scale": None}, "1,234,567"),
    (count, 3_456_789_012, {}, "nearly 3.5 billion"),
    (count, 999_999.7, {}, "nearly 1 million"),
    (count, 999_960_000, {}, "nearly 1 billion"),
    (count, 1_350, {"round_to": 100}, "nearly 1,400"),
    (count, 1_329, {"sig": 2}, "more than 1,300"),
    (count, 1_234_567, {"sig": 3}, "more than 1.23 million"),
    (count, 210, {"round_to": 100, "approx": True}, "approximately 200"),
    (count, 200, {"round_to": 100, "approx": True}, "approximately 200"),
    (count, 1_300, {"round_to": 100}, "1,300"),
    (count, 5.6, {}, "nearly six"),
    (count, -1_234, {}, "-1,234"),
    (count, -0.2, {}, "nearly zero"),
    (count, 0.2, {}, "more than zero"),
    # money
    (money, 10_496_905, {"scale": None}, "$10,496,905"),
    (money, 10_496, {}, "$10,496"),
    (money, 25_858_760, {}, "nearly $25.9 million"),
    (money, 99_960_000, {}, "nearly $100 million"),
    (money, 999_600_000, {}, "nearly $1 billion"),
    (money, 1_300_000_000, {}, "$1.3 billion"),
    (money, 250_000_000_000, {}, "$250 billion"),
    (money, -2_500_000, {}, "-$2.5 million"),
    (money, 1_234_567, {"approx": True}, "approximately $1.2 million"),
    (money, 12_345, {"round_to": 1000}, "more than $12,000"),
    # percentages, changes, averages
    (percent, 43.27, {"digits": 1}, "43.3%"),
    (percent, 27.65, {"digits": 1}, "27.7%"),
    (percent, -0.3, {}, "0%"),
    (percent, -3.6, {}, "-4%"),
    (percent, 1_234.5, {}, "1,235%"),
    (change, -3.14, {}, "a decrease of 3.1%"),
    (change, -3.14, {"form": "adjective"}, "a 3.1% decrease"),
    (change, 0, {}, "no change"),
    (change, -0.04, {}, "no change"),
    (change, 27.0, {}, "an increase of 27.0%"),
    (change, 8.04, {"form": "adjective"}, "an 8.0% increase"),
    (change, 80.2, {"form": "adjective"}, "an 80.2% increase"),
    (change, 11.4, {"digits": 0, "form": "adjective"}, "an 11% increase"),
    (change, 18.2, {"digits": 0, "form": "adjective"}, "an 18% increase"),
    (change, 110, {"digits": 0, "form": "adjective"}, "a 110% increase"),
    (change, 11_000, {"digits": 0, "form": "adjective"}, "an 11,000% increase"),
    (change, 1_800, {"digits": 0, "form": "adjective"}, "a 1,800% increase"),
    (average, 4.0, {"digits": 1}, "4.0"),
    (average, 12.5, {}, "13"),
    (average, 9.4, {"words_below": 0}, "9"),
    (average, 2_345.67, {"digits": 1}, "2,345.7"),
]


@pytest.mark.parametrize(("fn", "value", "kwargs", "text"), REPORT_EXAMPLES + MORE_EXAMPLES)
def test_examples(
    fn: Callable[..., Styled], value: float, kwargs: dict[str, Any], text: str
) -> None:
    styled = fn(value, **kwargs)
    assert styled.text == text
    assert str(styled) == text
    assert styled.contains(value)


# (text, low, high, low_inclusive, high_inclusive), the intervals of rule 6
INTERVALS: list[tuple[Styled, tuple[str, float, float, bool, bool]]] = [
    (count(170_590), ("170,590", 170_590, 170_590, True, True)),
    (count(6), ("six", 6, 6, True, True)),
    (count(1_200_000), ("1.2 million", 1_150_000, 1_250_000, True, False)),
    (count(1_180_000), ("nearly 1.2 million", 1_150_000, 1_200_000, True, False)),
    (count(1_234_567), ("more than 1.2 million", 1_200_000, 1_250_000, False, False)),
    (count(1_329, round_to=100), ("more than 1,300", 1_300, 1_350, False, False)),
    (count(1_300, round_to=100), ("1,300", 1_250, 1_350, True, False)),
    (count(210, round_to=100, approx=True), ("approximately 200", 150, 250, True, False)),
    (count(6, approx=True), ("approximately six", 5.5, 6.5, True, False)),
    (count(-1_329, round_to=100), ("nearly -1,300", -1_350, -1_300, False, False)),
    (count(-1_351, round_to=100), ("more than -1,400", -1_400, -1_350, False, True)),
    (count(-1_449, round_to=100), ("nearly -1,400", -1_450, -1_400, False, False)),
    (count(-0.2), ("nearly zero", -0.5, 0, False, False)),
    (money(949_312_000), ("more than $949 million", 949_000_000, 949_500_000, False, False)),
    (money(25_858_760, scale=None), ("$25,858,760", 25_858_760, 25_858_760, True, True)),
    (percent(43.27), ("43%", 42.5, 43.5, True, False)),
    (percent(43), ("43%", 42.5, 43.5, True, False)),
    (percent(-43.2), ("-43%", -43.5, -42.5, False, True)),
    (percent(0.2), ("0%", -0.5, 0.5, False, False)),
    (change(27.709), ("an increase of 27.7%", 27.65, 27.75, True, False)),
    (change(-3.14), ("a decrease of 3.1%", -3.15, -3.05, False, True)),
    (change(0), ("no change", -0.05, 0.05, False, False)),
    (average(3.938), ("four", 3.5, 4.5, True, False)),
]


@pytest.mark.parametrize(("styled", "expected"), INTERVALS, ids=lambda x: getattr(x, "text", ""))
def test_intervals(styled: Styled, expected: tuple[str, float, float, bool, bool]) -> None:
    text, low, high, low_inclusive, high_inclusive = expected
    assert styled.text == text
    assert (styled.low, styled.high) == (low, high)
    assert (styled.low_inclusive, styled.high_inclusive) == (low_inclusive, high_inclusive)


def test_styled_fields() -> None:
    styled = count(1_234_567)
    assert styled.shown == 1_200_000
    assert styled.qualifier == "more than"
    assert change(-3.14).shown == -3.1
    assert count(1_234_567, approx=True).qualifier == "approximately"
    with pytest.raises(AttributeError):
        styled.text = "changed"  # type: ignore[misc]


def test_module_exports() -> None:
    assert sorted(style.__all__) == sorted(
        ["Styled", "average", "change", "count", "money", "month_label", "number_words", "percent"]
    )


# ------------------------------------------------------------------------ errors

NAN_AND_INF = [math.nan, math.inf, -math.inf]


@pytest.mark.parametrize("bad", NAN_AND_INF)
@pytest.mark.parametrize("fn", [count, money, percent, change, average])
def test_nan_and_infinity_raise(fn: Callable[..., Styled], bad: float) -> None:
    with pytest.raises(ValueError, match="NaN|not finite"):
        fn(bad)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: count(5, round_to=0), "round_to must be positive"),
        (lambda: count(5, round_to=-10), "round_to must be positive"),
        (lambda: count(5, round_to=math.inf), "finite"),
        (lambda: count(5, round_to=10, sig=2), "not both"),
        (lambda: count(5, sig=0), "sig"),
        (lambda: count(5, words_below=-1), "words_below"),
        (lambda: count(5, scale="thousands"), "scale"),
        (lambda: count(5, above=""), "above"),
        (lambda: money(5, below=" "), "below"),
        (lambda: percent(5, digits=-1), "digits"),
        (lambda: change(5, form="noun"), "form"),
        (lambda: count(10**400), "too large"),
        (lambda: number_words(-1), "covers"),
        (lambda: number_words(10**15), "covers"),
    ],
)
def test_bad_arguments_raise(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_non_numbers_raise_type_error() -> None:
    with pytest.raises(TypeError):
        count("12")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        number_words(2.0)  # type: ignore[arg-type]


def test_very_large_values() -> None:
    big = count(1e300)
    assert big.text.endswith(" trillion")
    assert big.contains(1e300)
    huge = money(1.7e308, scale=None)
    assert huge.text.startswith("$170,")
    assert huge.contains(1.7e308)
    assert percent(1e20).text == "100,000,000,000,000,000,000%"
    exact = count(2**60 + 1, scale=None)
    assert exact.text == "1,152,921,504,606,846,977"
    assert exact.contains(2**60 + 1)


# ------------------------------------------------------------------ number words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (6, "six"),
        (13, "thirteen"),
        (20, "twenty"),
        (21, "twenty-one"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (305, "three hundred five"),
        (1_000, "one thousand"),
        (1_305, "one thousand three hundred five"),
        (2_000_017, "two million seventeen"),
        (10**12, "one trillion"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


def test_number_words_injective_below_100() -> None:
    spelled = [number_words(n) for n in range(100)]
    assert len(set(spelled)) == 100
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)?", w) for w in spelled)


@given(st.integers(0, 10**15 - 1), st.integers(0, 10**15 - 1))
def test_number_words_injective(a: int, b: int) -> None:
    assert (number_words(a) == number_words(b)) == (a == b)


# -------------------------------------------------------------------- properties

WORDS_BACK = {number_words(n): n for n in range(1000)}
UNITS = {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}
NUMBER = re.compile(r"(-?)\$?([\d,]+(?:\.\d+)?)(?: (million|billion|trillion))?%?")


def read_back(styled: Styled) -> Decimal:
    """Parse a styled text back to the number shown, as a claim checker would."""
    text = styled.text
    if text == "no change":
        return Decimal(0)
    if styled.qualifier:
        assert text.startswith(styled.qualifier + " ")
        text = text[len(styled.qualifier) + 1 :]
    sign = -1 if "decrease" in text else 1
    for filler in ("an increase of ", "a decrease of ", " increase", " decrease"):
        text = text.replace(filler, "")
    text = re.sub(r"^an? (?=\d)", "", text)
    if text in WORDS_BACK:
        return Decimal(WORDS_BACK[text])
    match = NUMBER.fullmatch(text)
    assert match, f"cannot read {styled.text!r}"
    minus, digits, unit = match.groups()
    number = Decimal(digits.replace(",", "")) * (UNITS[unit] if unit else 1)
    return sign * (-number if minus else number)


def no_bad_tokens(text: str) -> None:
    lowered = text.lower()
    assert "nan" not in lowered
    assert "inf" not in lowered
    assert "e+" not in lowered and "e-" not in lowered
    for token in re.findall(r"-\$?[\d,.]+", text):
        assert Decimal(token.lstrip("-$").replace(",", "")) != 0, f"negative zero in {text!r}"


finite = st.floats(allow_nan=False, allow_infinity=False)
report_sized = st.floats(min_value=-1e13, max_value=1e13, allow_nan=False)
exact_ints = st.integers(-(2**53), 2**53)
values = st.one_of(finite, report_sized, exact_ints)
round_to = st.sampled_from([None, None, 1, 10, 100, 1000, 25, 0.5, 1e6])
sigs = st.sampled_from([None, 1, 2, 3, 6])
scales = st.sampled_from(["auto", None])
words = st.sampled_from([0, 10, 100, 1000])
digits = st.integers(0, 4)


@st.composite
def count_calls(draw: st.DrawFn) -> tuple[float, Styled, bool]:
    value = draw(values)
    approx = draw(st.booleans())
    step = draw(round_to)
    kwargs: dict[str, Any] = {
        "words_below": draw(words),
        "approx": approx,
        "scale": draw(scales),
        "above": draw(st.sampled_from(["more than", "over"])),
    }
    if step is None:
        kwargs["sig"] = draw(sigs)
    else:
        kwargs["round_to"] = step
    return value, count(value, **kwargs), approx


@st.composite
def money_calls(draw: st.DrawFn) -> tuple[float, Styled, bool]:
    value = draw(values)
    approx = draw(st.booleans())
    styled = money(value, round_to=draw(round_to), scale=draw(scales), approx=approx)
    return value, styled, approx


@st.composite
def rounded_calls(draw: st.DrawFn) -> tuple[float, Styled, bool]:
    value = draw(values)
    fn = draw(st.sampled_from(["percent", "change", "change-adj", "average"]))
    n = draw(digits)
    if fn == "percent":
        return value, percent(value, digits=n), False
    if fn == "average":
        return value, average(value, digits=n, words_below=draw(words)), False
    form = "adjective" if fn == "change-adj" else "of"
    return value, change(value, digits=n, form=form), False


any_call = st.one_of(count_calls(), money_calls(), rounded_calls())


@given(any_call)
@example((1_234_567, count(1_234_567), False))
@example((27.65, percent(27.65, digits=1), False))
@example((2**60 + 1, count(2**60 + 1, round_to=10), False))
@example((5e-324, money(5e-324), False))
def test_true_value_in_interval(call: tuple[float, Styled, bool]) -> None:
    value, styled, _ = call
    assert styled.contains(value)
    assert styled.low <= styled.high


@given(any_call)
def test_shown_in_or_on_edge_of_interval(call: tuple[float, Styled, bool]) -> None:
    _, styled, _ = call
    assert styled.low <= styled.shown <= styled.high


@given(st.one_of(count_calls(), money_calls()))
def test_qualifier_iff_rounded(call: tuple[float, Styled, bool]) -> None:
    value, styled, approx = call
    if approx:
        assert styled.qualifier == "approximately"
    elif isinstance(value, int) and abs(value) > 2**53:
        return  # `shown` is a float and cannot hold every digit of such an integer
    else:
        assert (styled.qualifier == "") == (styled.shown == value)
        if styled.qualifier in ("more than", "over"):
            assert value > styled.shown
        elif styled.qualifier:
            assert styled.qualifier == "nearly"
            assert value < styled.shown


@given(rounded_calls())
def test_rounded_kinds_never_qualified(call: tuple[float, Styled, bool]) -> None:
    _, styled, _ = call
    assert styled.qualifier == ""


@given(any_call)
@example((6, count(6), False))
@example((-3.14, change(-3.14), False))
def test_round_trip_gives_shown(call: tuple[float, Styled, bool]) -> None:
    _, styled, _ = call
    assert float(read_back(styled)) == styled.shown


@given(any_call)
@example((-0.2, percent(-0.2), False))
@example((-0.04, change(-0.04, form="adjective"), False))
@example((-0.0, count(-0.0), False))
@example((-1e-300, money(-1e-300, scale=None), False))
def test_no_negative_zero_or_nan(call: tuple[float, Styled, bool]) -> None:
    _, styled, _ = call
    no_bad_tokens(styled.text)
    assert not math.isnan(styled.shown)
    assert math.copysign(1.0, styled.shown) == 1.0 or styled.shown != 0


@given(st.integers(0, 999), st.integers(1, 1000))
def test_words_only_below_threshold(n: int, words_below: int) -> None:
    text = count(n, words_below=words_below).text
    assert (text == number_words(n)) == (n < words_below)


@given(st.floats(min_value=0, max_value=1e15), st.floats(min_value=0, max_value=1e15))
def test_count_is_monotone(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert count(low).shown <= count(high).shown
    assert money(low).shown <= money(high).shown


# A claim checker sees only the text. With default settings the interval must
# follow from the text alone, by the documented rules.


def default_step(styled: Styled, kind: str) -> Decimal:
    match = NUMBER.search(styled.text)
    if kind in ("percent", "change", "average"):
        if match is None:  # words or "no change"
            return Decimal(1) if kind == "average" else Decimal("0.1")
        places = len(match.group(2).partition(".")[2])
        return Decimal(1).scaleb(-places)
    if match is None or match.group(3) is None:
        return Decimal(1)
    unit = UNITS[match.group(3)]
    shown_in_units = Decimal(match.group(2).replace(",", ""))
    if kind == "money" and shown_in_units >= 100:
        return unit
    return unit / 10


def interval_from_text(styled: Styled, kind: str, value: float) -> tuple[float, float, bool, bool]:
    shown = read_back(styled)
    step = default_step(styled, kind)
    half = step / 2
    if shown > 0:
        low, high, li, hi = shown - half, shown + half, True, False
    elif shown < 0:
        low, high, li, hi = shown - half, shown + half, False, True
    else:
        low, high, li, hi = -half, half, False, False
    if styled.qualifier in ("more than", "over"):
        low, li = shown, False
    elif styled.qualifier == "nearly":
        high, hi = shown, False
    elif not styled.qualifier and kind in ("count", "money") and step == 1:
        low, high, li, hi = shown, shown, True, True
    flow, fhigh = float(low) + 0.0, float(high) + 0.0
    if value == flow:
        li = True
    if value == fhigh:
        hi = True
    return flow, fhigh, li, hi


@given(values, st.sampled_from(["count", "money", "percent", "change", "average"]))
@example(1_234_567, "count")
@example(999_600_000, "money")
@example(27.65, "change")
def test_interval_follows_from_text(value: float, kind: str) -> None:
    if isinstance(value, int) and abs(value) > 2**53:
        return
    fns: dict[str, Callable[[float], Styled]] = {
        "count": count,
        "money": money,
        "percent": percent,
        "change": change,
        "average": average,
    }
    styled = fns[kind](value)
    got = (styled.low, styled.high, styled.low_inclusive, styled.high_inclusive)
    assert got == interval_from_text(styled, kind, value)


# ------------------------------------------------------------------ lower bounds, months

AT_LEAST = [
    (count, 152_232, {}, "more than 152,232"),
    (count, 232_218, {"above": "over"}, "over 232,218"),
    (count, 1_218_463, {"above": "over"}, "over 1.2 million"),
    (count, 1_180_000, {}, "nearly 1.2 million"),
    (money, 949_000_000, {"above": "over"}, "over $949 million"),
]


@pytest.mark.parametrize(("fn", "value", "kw", "text"), AT_LEAST)
def test_at_least_writes_the_above_word_even_when_exact(
    fn: Callable[..., Styled], value: float, kw: dict[str, Any], text: str
) -> None:
    styled = fn(value, at_least=True, **kw)
    assert styled.text == text
    assert styled.contains(value)


@given(st.integers(min_value=10, max_value=10**12), st.sampled_from([None, 10, 100, 1000]))
def test_at_least_never_claims_less_than_the_value(value: int, round_to: int | None) -> None:
    styled = count(value, at_least=True, round_to=round_to)
    assert styled.contains(value)
    if styled.shown <= value:
        assert styled.qualifier == "more than"
    if styled.shown == value:  # a lower bound stated as is: the value itself is included
        assert styled.low == value and styled.low_inclusive


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_month_label_round_trip(year: int, month: int) -> None:
    text = style.month_label(f"{year:04d}-{month:02d}")
    name, shown_year = text.split(" ")
    assert shown_year == f"{year:04d}"
    assert name == ["January", "February", "March", "April", "May", "June", "July",
                    "August", "September", "October", "November", "December"][month - 1]  # fmt: skip


@pytest.mark.parametrize("bad", ["2023-00", "2023-13", "23-05", "2023/05", "May 2023", ""])
def test_month_label_refuses_what_is_not_a_month(bad: str) -> None:
    with pytest.raises(ValueError, match="not a month"):
        style.month_label(bad)
