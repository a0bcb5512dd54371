"""Domain helpers so tests read like a specification."""

from __future__ import annotations

from yearbook.figures import Figures


def assert_figure(
    figures: Figures,
    metric: str,
    fiscal_year: int,
    expected: float,
    *,
    breakdown: str = "",
    value: str = "",
    digits: int | None = None,
) -> None:
    """The figure equals the stated fact (after rounding to the stated digits, if given)."""
    actual = figures.value(metric, fiscal_year, breakdown, value)
    if digits is not None:
        actual = round(actual, digits)
    assert actual == expected, (
        f"{metric} FY{fiscal_year} {breakdown}={value}: {actual} != {expected}"
    )


def assert_change(figures: Figures, metric: str, fiscal_year: int, expected_pct: float) -> None:
    """The year-over-year percent change, rounded to one decimal, equals the stated one."""
    fig = figures.get(metric, fiscal_year)
    assert fig.yoy_change_pct is not None, f"{metric} FY{fiscal_year} has no change"
    assert round(fig.yoy_change_pct, 1) == expected_pct, (
        f"{metric} FY{fiscal_year}: {fig.yoy_change_pct:.3f}% != {expected_pct}%"
    )
