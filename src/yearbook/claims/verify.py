"""Verification against figures: each linked claim against its figure.

A figure's own interval depends on its ``bound``: ``exact`` is the value
itself, ``lower`` is the value and anything above, ``approximate`` is the
rounding interval of its last non-zero digit. A claim is supported when its
interval meets the figure's, contradicted when it misses. A change claim is
checked against the figure's change on its base year; when the change
misses and the metric counts whole things, the reason names the base year
value the stated change implies ("a 148.2% increase to 139 implies a FY 2022
base of 56; the FY 2022 figure is 55").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from yearbook.claims.extract import Claim, Document, change_sign
from yearbook.claims.numbers import Interval, at_least, qualifier_side
from yearbook.claims.parts import POINTS
from yearbook.claims.years import default_of_several, year_told
from yearbook.figures import Figure, Figures
from yearbook.rules import unit_kind

__all__ = [
    "FAR",
    "Evidence",
    "as_written",
    "change_agrees",
    "consistent",
    "digits_shifted",
    "far_off",
    "figure_interval",
    "mark_differences",
    "matched_reading",
    "stated_change_agrees",
    "stated_figure",
    "verify",
]

_OTHER_BASE = re.compile(
    r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|versus|vs\.?)\s+"
    r"(?P<base>(?!(?:the\s+)?(?:FY|fiscal|last|previous|prior|preceding|year|same|\d))"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:term|administration|presidency|tenure|era|decade|average))\b",
    re.I,
)
"""A base of comparison that is a span, not a year: "compared to the first term"."""
_MORE_THAN = re.compile(
    r"\s*(?P<w>more|fewer|less)\b(?:(?P<rest>[^.;:]*?)\b(?:than|compared\s+(?:to|with)|versus|vs)\b"
    r"|(?P<end>\s*(?:[.;)]|$)))"
    r"|\s*(?P<w2>higher|lower|greater|smaller|larger)\s+than\b",
    re.I,
)
"""After a difference: "15,111 more arrests ... than in FY 2017" (or "compared to FY 2017"), or
"roughly 15,000 more." at the end of a clause that compares with the year before."""
_THAN_YEAR = re.compile(
    r"\s+(?:(?:in|during|for)\s+)?(?:the\s+)?(?:FY\s?|fiscal\s+(?:year\s+)?)?'?(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
"""After the "than" of a difference: the year it is measured against ("... than in FY 2018")."""
_CHANGE_BY = re.compile(
    r"\b(?:an?\s+)?(?P<noun>increase|rise|jump|gain|growth|decrease|drop|decline|fall|reduction"
    r"|cut)\s+of\s+(?:just\s+|only\s+|merely\s+|a\s+mere\s+)?$"
    r"|\b(?P<verb>up|rose|increased|grew|climbed|down|fell|decreased|dropped|declined)\s+"
    r"(?:by\s+)?(?:just\s+|only\s+|merely\s+|a\s+mere\s+)?$",
    re.I,
)
"""Before a count that states a change: "an increase of 11,173", "down by 3,000", "increased
by just 31,845"."""


@dataclass(frozen=True)
class Evidence:
    """What the figures say about one claim."""

    claim: int
    verdict: str  # supported | contradicted | unverifiable
    reason: str
    expected: float | None = None
    figure: Interval | None = None


def place(value: float) -> float:
    """The place value of the last non-zero digit: 143,000 -> 1,000; 1.2 million -> 100,000."""
    value = abs(value)
    if value == 0:
        return 1.0
    step = 1.0
    while value % (step * 10) == 0:
        step *= 10
    if step == 1.0 and value != int(value):
        for digits in range(1, 4):
            step = 10.0**-digits
            if abs(round(value, digits) - value) < 1e-9:
                break
    return step


def figure_interval(fig: Figure) -> Interval | None:
    """The values a figure stands for, by its ``bound``.

    A published "more than 170" stands for the values above 170 and below the next
    step of its last digit (170, 180); "approximately 1,900" for [1,850, 1,950). A
    percent's step is at most a point: "approximately 90 percent" is [89.5, 90.5).
    """
    if fig.value is None:
        return None
    return _stands_for(fig.value, fig.unit, fig.bound)


@lru_cache(maxsize=8192)
def _stands_for(value: float, unit: str, bound: str) -> Interval:
    """`figure_interval` of a value, kept: every claim's candidates ask it of the same figures."""
    step = place(value)
    if unit_kind(unit) == "percent":
        step = min(step, 1.0)
    if bound == "lower":
        return Interval(value, value + step, False, False)
    if bound == "approximate":
        return Interval(value - step / 2, value + step / 2, True, False)
    return Interval(value, value)


def as_written(claim: Claim) -> Interval | None:
    """The values a writer's number stands for, by the place of its last non-zero digit u.

    Writers round more loosely than a statistics office: a bare round count rounds
    *or truncates* ("103,000" for 103,603: [102,500, 104,000)); "over 60,000" is any
    value above it by less than u (60,000, 70,000); "nearly 13,000" within u below;
    "about 100" rounds to it at u. Percents: "more than 50%" up to a point above,
    "nearly 50%" up to two points below. None for exact numbers and changes.
    """
    return _written(claim.value, claim.kind, claim.qualifier, claim.text)


@lru_cache(maxsize=8192)
def _written(v: float, kind: str, qualifier: str, text: str) -> Interval | None:
    """`as_written` of a number, kept: every claim's candidates ask it again."""
    side = qualifier_side(qualifier)
    if kind in ("percent", "share"):
        if side == "above":
            return Interval(v, v + 1.0, False, True)
        if side == "below":
            return Interval(v - 2.0, v, True, True)
        if side == "" and v > 0 and _WHOLE_PERCENT.search(text):
            return Interval(v - 0.5, v + 1.0, True, False)
        return None
    if kind not in ("count", "money", "weight", "average") or v <= 0:
        return None
    u = place(v)
    if u < 10:
        return None
    if side == "above":
        return Interval(v, v + u, at_least(qualifier), False)
    if side == "below":  # never more than a fifth below: "nearly 10,000" is not 2,197
        return Interval(v - min(u, 0.2 * v), v, True, True)
    if side == "approx":
        return Interval(v - u / 2, v + u / 2, True, False)
    if u >= 100 or v >= 100:  # "140" for 139, as "103,000" for 103,603
        return Interval(v - u / 2, v + u, True, False)
    return None


_WHOLE_PERCENT = re.compile(r"(?<![\d.,])\d{1,3}(?![\d.,]\d)\s?(?:%|percent|per\s?cent)", re.I)
_ONE_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}\.\d(?![\d.,]*\d)\s?(?:%|percent|per\s?cent)", re.I)


def cut_short(claim: Claim) -> Interval | None:
    """A bare whole percent change ("40% below", "a 13 percent rise") as writers also write
    it: cut short to its whole points as well as rounded ("40% below" for 40.65), or None.
    Asked only of changes between years that are not adjacent, which no figure publishes: a
    year's published change ("19.5%") stated as "19%" is misrounded, and a share keeps its
    rounding ("36%" is not 35.7)."""
    if claim.qualifier or not _WHOLE_PERCENT.search(claim.text):
        return None
    v = claim.value
    if v >= 0:
        return Interval(v - 0.5, v + 1.0, True, False)
    return Interval(v - 1.0, v + 0.5, False, True)


def cut_short_decimal(claim: Claim, now: Figure | None) -> Interval | None:
    """A bare change with one decimal ("rose by 4.3 percent") read as cut short from the
    change its figures give (4.36), or None when the figure publishes its change as a
    percentage of its own (``now``, for a change from the year before): a writer may cut a
    computed change short as a bare count is cut short ("4.3" for 4.36; "4.4", rounded, is
    the number's own reading)."""
    pct = now.yoy_change_pct if now is not None else None
    if claim.qualifier or not _ONE_DECIMAL.search(claim.text):
        return None
    if pct is not None and abs(pct - round(pct, 1)) < 1e-9:
        return None  # published as "19.5": "19.4" misstates it
    v = claim.value
    return Interval(v, v + 0.1, True, False) if v >= 0 else Interval(v - 0.1, v, False, True)


def consistent(claim: Claim, fig: Figure) -> bool:
    """Whether the figure is one of the values the claim's number stands for."""
    shown = figure_interval(fig)
    if shown is None or fig.value is None:
        return False
    if claim.interval.overlaps(shown) and (
        fig.bound != "exact" or claim.interval.contains(fig.value)
    ):
        return True
    loose = as_written(claim)
    if loose is None:
        return False
    return loose.contains(fig.value) if fig.bound == "exact" else loose.overlaps(shown)


def matched_reading(claim: Claim, shown: Interval) -> Interval:
    """The reading of the claim's number that a consistent figure's values meet: the
    style's interval, or else the looser one writers round by (`as_written`)."""
    loose = as_written(claim)
    meets = (
        claim.interval.contains(shown.low)
        if shown.low == shown.high
        else claim.interval.overlaps(shown)
    )
    return claim.interval if loose is None or meets else loose


_SIGNED_POINTS = re.compile(rf"[+\u2212\u2013-]\d[\d.,]*{POINTS.pattern}", re.I)
"""A signed number of percentage points ("+3.6 pts", "-2 percentage points")."""


def _sign_at(doc: Document, claim: Claim, s_start: int) -> int:
    """Where a signed number's sign is: its first character, or the one before it."""
    if claim.text[:1] in "+-\u2212\u2013":
        return claim.start
    return max(s_start, claim.start - 1)


def mark_differences(doc: Document) -> None:
    """ "15,111 more arrests in FY 2018 than in FY 2017": the count is a difference.

    A count followed by "more" or "fewer" and, later in its sentence, "than" states
    by how much its fiscal year's figure exceeds (or falls short of) the one before.
    """
    for claim in doc.claims:
        if claim.kind != "count":
            continue
        _, _, s_end = doc.sentences[claim.sentence]
        found = _MORE_THAN.match(doc.text, claim.end, s_end)
        if found:
            word = (found.group("w") or found.group("w2")).lower()
            claim.difference = 1 if word in ("more", "higher", "greater", "larger") else -1
            compared = [
                c
                for c in doc.in_sentence(claim.sentence)
                if c.index < claim.index and (c.kind == "change" or c.role == "prior")
            ]
            if found.group("end") and not compared and not claim.no_contradiction:
                # "it carried out 185,884, about 43,000 more.": than which year, it does not say
                claim.no_contradiction = (
                    "it is a difference from a value its sentence does not name"
                )
            base = _THAN_YEAR.match(doc.text, found.end(), s_end)
            if base and claim.fiscal_year is not None and int(base.group("y")) != claim.fiscal_year:
                claim.base_year = int(base.group("y"))  # "226,119, 30,000 fewer than in FY 2018"
            continue
        _, s_start, _ = doc.sentences[claim.sentence]
        by = _CHANGE_BY.search(doc.text[max(s_start, claim.start - 40) : claim.start])
        if by and claim.role != "prior":
            claim.difference = change_sign((by.group("noun") or by.group("verb")).lower())
        elif _SIGNED_POINTS.match(doc.text, sign := _sign_at(doc, claim, s_start)):
            # "43% (+3.6 pts on FY 2022)": a share's change in points, signed
            minus = doc.text[sign] in "-\u2212\u2013" and claim.value > 0
            claim.difference = -1 if minus else 1  # a negative value keeps its own sign


def stated_figure(claim: Claim, fig: Figure | None) -> Figure | None:
    """The figure as the claim states it: for a difference, its change on the prior year; for
    the share of those without what a share counts ("60% had no record"), 100 less it."""
    if fig is not None and claim.complement and fig.value is not None:  # shares only
        return replace(fig, value=100.0 - fig.value)
    if fig is None or not claim.difference:
        return fig
    year = claim.fiscal_year
    if year is None or claim.base_year not in (None, year - 1) or fig.yoy_change is None:
        return None
    return replace(fig, value=claim.difference * fig.yoy_change, bound="exact")


FAR = 0.25
"""A count more than this share off its figure, in a sentence that names no year, may be
another year's figure: it is not contradicted."""


def far_off(value: float, figure: float) -> bool:
    """Whether a number is more than `FAR` off a figure, and not its digits shifted: maybe
    another year's figure rather than a misstatement of this one."""
    return abs(value - figure) > FAR * abs(figure) and not digits_shifted(value, figure)


def _far(claim: Claim, value: float) -> bool:
    if claim.kind not in ("count", "money", "weight") or claim.difference or not value:
        return False
    return far_off(claim.value, value)


def digits_shifted(value: float, figure: float) -> bool:
    """Whether the value is the figure with its digits shifted by a power of ten (14,500
    written as 145,000): a misstatement of it, however far off."""
    low, high = sorted((abs(value), abs(figure)))
    if low <= 0:
        return False
    ratio = high / low
    power = 10.0 ** round(math.log10(ratio))
    return power > 1 and abs(ratio - power) <= 0.005 * power


def _num(value: float) -> str:
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}" if abs(value) >= 1 else f"{value:.4g}"


def _as_calendar(claim: Claim, doc: Document, figures: Figures) -> Evidence:
    """A linked claim with no fiscal year, in a text that gives only calendar years: read as
    the fiscal year of its calendar year where, and only where, that year's figure bears it
    out (`yearbook.claims.valuelink.ValueLinker._calendar_as_fiscal`)."""
    why = claim.year_note or "the text does not say which fiscal year"  # a span, a part of one
    unknown = Evidence(claim.index, "unverifiable", why)
    if claim.calendar is None:
        return unknown
    claim.fiscal_year, claim.base_year = claim.calendar
    found = _change(claim, doc, figures) if claim.kind == "change" else _value(claim, figures)
    if found.verdict != "supported":
        claim.fiscal_year, claim.base_year = None, None
        if claim.dated:  # say what the date's year gave, which does not rule it out
            why = f"{claim.dated}, but it may mean another year: {found.reason}"
            return Evidence(claim.index, "unverifiable", why)
        return unknown
    year = claim.calendar[0]
    given = claim.dated or "the text gives calendar years only"
    note = f"{given}; read as FY {year}, whose figure bears it out"
    return replace(found, reason=f"{found.reason}; {note}")


def verify(doc: Document, figures: Figures) -> list[Evidence]:
    """Evidence for every linked claim; unlinked claims get none."""
    known = set(figures.metrics)
    out: list[Evidence] = []
    for claim in doc.claims:
        if claim.metric is None or claim.kind in ("list_count", "rank"):
            continue  # a rank is checked over its run of years (`yearbook.claims.ranks`)
        if claim.metric not in known:
            out.append(Evidence(claim.index, "unverifiable", f"no figures for {claim.metric}"))
            continue
        if claim.fiscal_year is None:
            out.append(_as_calendar(claim, doc, figures))
            continue
        out.append(
            _change(claim, doc, figures)
            if claim.kind == "change"
            else _value(claim, figures, year_told(doc, claim))
        )
    return out


def difference_on(
    claim: Claim,
    found: Figure,
    figures: Figures,
    metric: str,
    breakdown: str = "",
    category: str = "",
) -> Figure | None:
    """A difference's figure against the base year its "than" names, when that is not the year
    before: its year's value (of ``metric``) less the base's, signed as the claim says."""
    assert claim.base_year is not None
    base = figures.find(metric, claim.base_year, breakdown, category)
    if base is None or base.value is None or found.value is None:
        return None
    return replace(found, value=claim.difference * (found.value - base.value), bound="exact")


def _where(claim: Claim, year: int | None = None) -> str:
    where = f"{claim.metric} FY {year or claim.fiscal_year}"
    if claim.complement:
        where = f"100% less {where}"
    if claim.difference and claim.fiscal_year is not None:
        now, then = claim.fiscal_year, claim.base_year or claim.fiscal_year - 1
        first, second = (now, then) if claim.difference > 0 else (then, now)
        where = f"{claim.metric} FY {first} less FY {second}"
    return f"{where} ({claim.breakdown_value})" if claim.breakdown else where


def _value(claim: Claim, figures: Figures, told: bool = False) -> Evidence:
    assert claim.metric is not None and claim.fiscal_year is not None
    found = figures.find(claim.metric, claim.fiscal_year, claim.breakdown, claim.breakdown_value)
    fig = stated_figure(claim, found)
    if fig is None and found is not None and claim.difference and claim.base_year is not None:
        fig = difference_on(
            claim, found, figures, claim.metric, claim.breakdown, claim.breakdown_value
        )
    if fig is None or fig.value is None:
        state = "is suppressed" if fig is not None else "has no figure"
        if found is not None and fig is None:
            state = f"has no change on FY {claim.fiscal_year - 1}"
        return Evidence(claim.index, "unverifiable", f"{_where(claim)} {state}")
    shown = figure_interval(fig)
    assert shown is not None
    if consistent(claim, fig) and fig.bound == "lower" and claim.interval.low > fig.value:
        reason = (
            f"{_where(claim)} is published only as more than {_num(fig.value)}, which "
            f"neither bears out nor rules out {claim.interval.text()}"
        )
        return Evidence(claim.index, "unverifiable", reason)
    if consistent(claim, fig):
        read = matched_reading(claim, shown)
        reason = f"{_where(claim)} is {_num(fig.value)}, inside {read.text()}"
        return Evidence(claim.index, "supported", reason, fig.value, shown)
    reason = f"{_where(claim)} is {_num(fig.value)}; {claim.text!r} means {claim.interval.text()}"
    if not told and _far(claim, fig.value):
        why = "its sentence names no year, and it is far from this year's figure"
        return Evidence(claim.index, "unverifiable", f"{why}: {reason}")
    if claim.no_contradiction:
        return Evidence(claim.index, "unverifiable", f"{claim.no_contradiction}: {reason}")
    return Evidence(claim.index, "contradicted", reason, fig.value, shown)


def _change(claim: Claim, doc: Document, figures: Figures) -> Evidence:
    assert claim.metric is not None and claim.fiscal_year is not None
    base_year = claim.base_year or claim.fiscal_year - 1
    now = figures.find(claim.metric, claim.fiscal_year, claim.breakdown, claim.breakdown_value)
    if claim.base_span is not None:
        return _against_mean(claim, figures, now)
    then = figures.find(claim.metric, base_year, claim.breakdown, claim.breakdown_value)
    if (now is None or now.value is None) and claim.now_stated is not None and then is not None:
        stated = doc.claims[claim.now_stated]
        change = _stated_change(stated, then)
        where = f"from FY {base_year}'s figure {_num(then.value or 0)} to the text's {stated.text}"
        why = f"{_where(claim)} has no figure"
        if change is not None and claim.interval.overlaps(Interval(*change)):
            # half the change is the writer's own number: it is told, never borne out
            why += f"; {where} is {_pct(*change)}, which agrees"
        return Evidence(claim.index, "unverifiable", why)
    if now is None or now.value is None:
        return Evidence(claim.index, "unverifiable", f"{_where(claim)} has no figure")
    expected = _expected_change(now, then, base_year, claim.fiscal_year)
    if expected is None:
        return Evidence(
            claim.index, "unverifiable", f"{_where(claim, base_year)} has no figure to compare with"
        )
    low, high = expected
    loose = cut_short(claim) if base_year != claim.fiscal_year - 1 else None
    adjacent = base_year == claim.fiscal_year - 1
    short = cut_short_decimal(claim, now if adjacent else None)  # no figure publishes the rest
    if claim.interval.overlaps(Interval(low, high)) or any(
        r is not None and r.overlaps(Interval(low, high)) for r in (loose, short)
    ):
        reason = f"{claim.metric} changed {_pct(low, high)} {_years(base_year, claim)}"
        return Evidence(claim.index, "supported", reason, (low + high) / 2)
    span = claim.interval.text()
    reason = f"{claim.metric} changed {_pct(low, high)} {_years(base_year, claim)}, not {span}"
    if claim.no_contradiction:
        return Evidence(claim.index, "unverifiable", f"{claim.no_contradiction}: {reason}")
    if default_of_several(doc, claim):
        why = "its year is only the one the text names most, of several"
        return Evidence(claim.index, "unverifiable", f"{why}: {reason}")
    other = None if claim.year_given else _OTHER_BASE.search(doc.sentence_text(claim.sentence))
    if other is not None:  # "compared to the previous owner's term, sales fell 41%"
        why = f"it is measured against {other.group('base')!r}, not a fiscal year"
        return Evidence(claim.index, "unverifiable", f"{why}: {reason}")
    implied = _implied_base(claim, doc, now, then, base_year)
    return Evidence(claim.index, "contradicted", implied or reason, (low + high) / 2)


def _stated_change(stated: Claim, then: Figure) -> tuple[float, float] | None:
    """The change in percent from a base year's figure to a value the text states."""
    b = figure_interval(then)
    if b is None or b.low <= 0:
        return None
    a = stated.interval
    return 100.0 * (a.low / b.high - 1), 100.0 * (min(a.high, 1e300) / b.low - 1)


def stated_change_agrees(claim: Claim, stated: Claim, then: Figure) -> bool:
    """Whether a change agrees with the one from a base year's figure to a value the text
    states for the change's year (a year no figure gives)."""
    change = _stated_change(stated, then)
    return change is not None and claim.interval.overlaps(Interval(*change))


def _expected_change(
    now: Figure, then: Figure | None, base_year: int, year: int
) -> tuple[float, float] | None:
    if _own_base(now, then, base_year, year):
        assert now.yoy_change_pct is not None
        return now.yoy_change_pct, now.yoy_change_pct
    if then is not None and then.value:
        a, b = figure_interval(now), figure_interval(then)
        assert a is not None and b is not None
        if b.low <= 0:
            return None
        low, high = 100.0 * (a.low / b.high - 1), 100.0 * (min(a.high, 1e300) / b.low - 1)
        published = now.yoy_change_pct if base_year == year - 1 else None
        if published is not None and 0.05 <= max(low - published, published - high) <= 1.0:
            # the published percentage rounds the computed one (-28 for -27.6): a text may
            # quote either; one that disagrees with the values (148.2 for 152.7) is not taken
            half = 0.5 if published == round(published) else 0.05
            low, high = min(low, published - half), max(high, published + half)
        return low, high
    if base_year == year - 1 and now.yoy_change_pct is not None:
        return now.yoy_change_pct, now.yoy_change_pct
    return None


def expected_change(
    claim: Claim, figures: Figures, metric: str, breakdown: str = "", category: str = ""
) -> tuple[float, float] | None:
    """A metric's change from the claim's base year to its year, in percent (low, high), or
    None when the figures do not give it."""
    if claim.fiscal_year is None:
        return None
    base_year = claim.base_year or claim.fiscal_year - 1
    now = figures.find(metric, claim.fiscal_year, breakdown, category)
    if now is None or now.value is None:
        return None
    if claim.base_span is not None:
        mean = span_mean(figures, claim.base_span, metric, breakdown, category)
        return None if mean is None else _expected_change(now, mean, base_year, _NO_YEAR)
    then = figures.find(metric, base_year, breakdown, category)
    return _expected_change(now, then, base_year, claim.fiscal_year)


_NO_YEAR = -1
"""The year `_expected_change` is given for a change against a mean: no base year is the one
before it, so no published year-on-year percentage is taken for it."""


def span_mean(
    figures: Figures, span: tuple[int, int], metric: str, breakdown: str = "", category: str = ""
) -> Figure | None:
    """The mean of a metric's figures over a span of years, as a figure of the span's last
    year, or None when a year of it has no figure."""
    found = [figures.find(metric, y, breakdown, category) for y in range(span[0], span[1] + 1)]
    known = [f for f in found if f is not None and f.value is not None]
    if len(known) != len(found):
        return None
    mean = sum(f.value or 0.0 for f in known) / len(known)
    exact = all(f.bound == "exact" for f in known)
    return replace(
        known[-1], value=mean, bound="exact" if exact else "approximate", yoy_change_pct=None
    )


def _against_mean(claim: Claim, figures: Figures, now: Figure | None) -> Evidence:
    """A change against the mean of a span of years ("nearly 70 percent below the three-year
    average of 2018 to 2020")."""
    assert claim.metric is not None and claim.base_span is not None
    first, last = claim.base_span
    where = f"from the mean of FY {first}-FY {last}"
    mean = span_mean(figures, claim.base_span, claim.metric, claim.breakdown, claim.breakdown_value)
    if now is None or now.value is None or mean is None or mean.value is None:
        why = f"{claim.metric} has no figure for FY {claim.fiscal_year} or a year of the mean"
        return Evidence(claim.index, "unverifiable", why)
    expected = _expected_change(now, mean, first, _NO_YEAR)
    if expected is None:
        return Evidence(claim.index, "unverifiable", f"{claim.metric} {where} cannot be computed")
    low, high = expected
    said = f"{claim.metric} changed {_pct(low, high)} {where} ({_num(mean.value)})"
    said += f" to FY {claim.fiscal_year}"
    if claim.interval.overlaps(Interval(low, high)):
        return Evidence(claim.index, "supported", said, (low + high) / 2)
    said += f", not {claim.interval.text()}"
    verdict = "unverifiable" if claim.no_contradiction else "contradicted"
    return Evidence(claim.index, verdict, said, (low + high) / 2)


def change_agrees(
    claim: Claim, figures: Figures, metric: str, breakdown: str = "", category: str = ""
) -> bool:
    """Whether a stated change agrees with a metric's change from the claim's base year."""
    expected = expected_change(claim, figures, metric, breakdown, category)
    if expected is None or claim.fiscal_year is None:
        return False
    base_year = claim.base_year or claim.fiscal_year - 1
    loose = cut_short(claim) if base_year != claim.fiscal_year - 1 else None
    return claim.interval.overlaps(Interval(*expected)) or (
        loose is not None and loose.overlaps(Interval(*expected))
    )


def _own_base(now: Figure, then: Figure | None, base_year: int, year: int) -> bool:
    """Whether the figure's change is on a base of its own: a partial year's change is
    computed on the same days of the year before (`yearbook.coverage`), so its prior value
    is not the prior year's figure."""
    return (
        base_year == year - 1
        and now.yoy_change_pct is not None
        and now.prior_value is not None
        and (then is None or then.value is None or then.value != now.prior_value)
    )


def _years(base_year: int, claim: Claim) -> str:
    return f"from FY {base_year} to FY {claim.fiscal_year}"


def _pct(low: float, high: float) -> str:
    if math.isinf(high) or abs(high - low) < 0.005:
        return f"{low:+.2f}%"
    return f"between {low:+.2f}% and {high:+.2f}%"


def _implied_base(
    claim: Claim, doc: Document, now: Figure, then: Figure | None, base_year: int
) -> str | None:
    """For counts: the base value the stated change implies, against the published one."""
    if then is None or then.value is None or now.value is None or unit_kind(now.unit) == "percent":
        return None
    value = now.value
    anchors = [
        c
        for c in doc.in_sentence(claim.sentence)
        if c.index < claim.index and c.metric == claim.metric and c.kind != "change"
    ]
    if anchors and anchors[-1].interval.low == anchors[-1].interval.high:
        value = anchors[-1].value
    factor_low, factor_high = 1 + claim.interval.low / 100, 1 + claim.interval.high / 100
    if factor_low <= 0 or factor_high <= 0:
        return None
    low, high = value / factor_high, value / factor_low
    whole = [n for n in range(math.ceil(low), math.floor(high) + 1)] if high - low < 1000 else []
    if len(whole) == 1:
        base = f"a FY {base_year} base of {whole[0]:,}"
    elif whole:
        base = f"a FY {base_year} base between {whole[0]:,} and {whole[-1]:,}"
    else:
        base = f"a FY {base_year} base between {low:,.2f} and {high:,.2f}"
    return (
        f"{claim.text!r} on {_num(value)} implies {base}, while the FY {base_year} figure of "
        f"{claim.metric} is {_num(then.value)} "
        f"(a change of {100 * (now.value / then.value - 1):+.1f}%)"
    )
