"""How published tables, panels and charts write a figure's value.

Prose numbers come from `yearbook.narrative.style`; tables show every digit
of a count, and a suppressed figure is never a number but a marker that a
footnote explains.

>>> from yearbook.figures import Figure
>>> def fig(value, unit="arrests", status="published"):
...     return Figure("m.x", 2023, "", "", value, unit, status, "exact",
...                   None, None, None, None, "", "")
>>> cell(fig(170590.0))
'170,590'
>>> cell(fig(43.27, unit="percent"))
'43.3%'
>>> cell(fig(None, status="suppressed"))
'‡'
>>> headline(fig(949_312_000.0, unit="usd"))
'more than $949 million'
"""

from __future__ import annotations

from yearbook.figures import Figure
from yearbook.narrative import style
from yearbook.rules import UNIT_KINDS, unit_kind

__all__ = [
    "MONEY_UNITS",
    "SUPPRESSED",
    "SUPPRESSED_NOTE",
    "cell",
    "change_cell",
    "headline",
    "is_money",
    "sort_key",
]

SUPPRESSED = "‡"
"""The marker shown in place of a suppressed value, in every output."""

SUPPRESSED_NOTE = (
    "‡ Suppressed: the cell counts too few people to publish, or would let a "
    "suppressed cell be worked out from the totals."
)

MONEY_UNITS = UNIT_KINDS["money"]


def is_money(unit: str) -> bool:
    return unit_kind(unit) == "money"


def _hidden(fig: Figure) -> bool:
    return fig.suppressed or fig.value is None


def cell(fig: Figure, digits: int = 1) -> str:
    """A value with every digit, for tables (percents and ratios to ``digits``)."""
    if _hidden(fig) or fig.value is None:
        return SUPPRESSED
    value = fig.value
    if unit_kind(fig.unit) == "percent":
        return f"{value:,.{digits}f}%"
    if is_money(fig.unit):
        return f"${value:,.0f}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def headline(fig: Figure, digits: int = 0) -> str:
    """A value as a statistics panel states it: numerals, money in millions."""
    if _hidden(fig) or fig.value is None:
        return SUPPRESSED
    if unit_kind(fig.unit) == "percent":
        return style.percent(fig.value, digits=digits).text
    if is_money(fig.unit):
        return style.money(fig.value).text
    if float(fig.value).is_integer():
        return style.count(fig.value, words_below=0, scale=None).text
    return style.average(fig.value, digits=max(digits, 1), words_below=0).text


def change_cell(fig: Figure) -> str:
    """The change on the prior year: percent for counts, points for percents."""
    if _hidden(fig) or fig.yoy_change is None:
        return "–"
    if unit_kind(fig.unit) == "percent":
        return f"{fig.yoy_change:+.1f} pts"
    if fig.yoy_change_pct is None:
        return f"{fig.yoy_change:+,.0f}"
    return f"{fig.yoy_change_pct:+.1f}%"


def sort_key(fig: Figure) -> str:
    """The machine value a sortable table column sorts by (empty when suppressed)."""
    if _hidden(fig) or fig.value is None:
        return ""
    return repr(fig.value)
