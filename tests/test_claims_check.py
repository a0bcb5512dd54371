"""Checking claims: against the text itself, against figures, and the published outputs."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.claims import evaluate
from tests.conftest import OFFICIAL_FIGURES, REPORT_DIR, SEED_PAGE, Demo
from yearbook.claims import JSON_FIELDS, CheckResult, ClaimVerdict, check, render_html
from yearbook.claims.command import CROSSWALK
from yearbook.claims.consistency import RULES
from yearbook.claims.context import partial_years
from yearbook.claims.selfcheck import self_check
from yearbook.claims.sources import figures_from_rows, load_crosswalk, load_figures, load_sources
from yearbook.claims.vocabulary import report_vocabulary
from yearbook.cli import main
from yearbook.errors import UserError
from yearbook.figures import FIGURES_SCHEMA, Figures
from yearbook.figures.meta import MetricMeta, metric_meta
from yearbook.metrics.declarations import MetricDecl
from yearbook.narrative import style
from yearbook.publish import pdf_name


def verdict_of(result: CheckResult, text: str) -> ClaimVerdict:
    found = [c for c in result.claims if c.text.replace("\n", " ") == text]
    assert found, f"no claim {text!r} in {[c.text for c in result.claims]}"
    return found[0]


# ------------------------------------------------------------ consistency, no data

# text, the claim scored, its verdict
# fmt: off
CONSISTENCY = [
    # a stated change against its two values, also across sentences
    ("In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: an increase of 7.2%.", "an increase of 7.2%", "supported"),
    ("In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: an increase of 9.2%.", "an increase of 9.2%", "contradicted"),
    ("In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: a decrease of 7.2%.", "a decrease of 7.2%", "contradicted"),
    ("In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: an increase of nearly 8%.", "an increase of nearly 8%", "supported"),
    ("OPLA completed 460,312 cases in FY 2023. In FY 2022 it completed 401,877 cases. That is an increase of 14.5%.", "an increase of 14.5%", "supported"),
    ("Seizures doubled from 20,000 pounds in FY 2022 to 40,000 pounds in FY 2023.", "doubled", "supported"),
    ("Arrests nearly doubled, from 74,082 in FY 2021 to 142,750 in FY 2022.", "nearly doubled", "supported"),
    ("Arrests nearly doubled, from 74,082 in FY 2021 to 172,750 in FY 2022.", "nearly doubled", "contradicted"),
    # "almost tripled" for a ratio of 3.01 is loose, not a contradiction
    ("Encounters almost tripled from 647,000 in FY 2020 to 1.95 million in FY 2021.", "almost tripled", "unverifiable"),
    # a change and the value its "than" names; nouns that differ may not be one count
    ("Between October and December agents arrested 34,546 people, 12 percent fewer than the 39,328 arrests of the same months a year before.", "12 percent fewer", "supported"),
    ("Between October and December agents made 34,546 arrests, 30 percent fewer than the 39,328 arrests of the same months a year before.", "30 percent fewer", "contradicted"),
    ("Between October and December agents arrested 34,546 people, 30 percent fewer than the 39,328 arrests of the same months a year before.", "30 percent fewer", "unverifiable"),
    # a change pointing back to "from" one value "to" another in the sentence before
    ("Visits by families rose from 4,200 to 10,800. That's a 257% increase in such visits.", "a 257% increase", "contradicted"),
    ("Visits by families rose from 4,200 to 10,800. That's a157% increase in such visits.", "157% increase", "supported"),
    ("Between October and December agents arrested 34,546 people, 12 percent below the 39,328 arrests of the same months a year before.", "12 percent below", "supported"),
    # a multiple of the value before it, not of a base named between them; and of either value
    ("In FY 2023 it sold 142,580 cars, nearly twice the 72,177 of FY 2022 and more than double the 59,011 sold in FY 2021.", "more than double", "supported"),
    ("FY 2021 (59,011 cars) was the outlier: FY 2020, with 185,884 cars, was more than three times as high.", "more than three times", "supported"),
    ("FY 2021 (59,011 cars) was the outlier: FY 2020, with 385,884 cars, was more than three times as high.", "more than three times", "contradicted"),
    # a fraction of a number the text gives; "less than" a fraction is any share below it
    ("In FY 2022 it sold 72,177 cars, still well under half the 185,884 sold in FY 2020.", "under half", "supported"),
    ("In FY 2022 it sold 72,177 cars, still well under half the 105,884 sold in FY 2020.", "under half", "contradicted"),
    ("In FY 2021 it sold 59,011 cars, less than a quarter of the 267,258 sold in FY 2019.", "less than a quarter", "supported"),
    # the value a change went "to", not another one of its years
    ("In FY 2020 visitors averaged 38,174 a month and 6,222 tickets were sold. The following year, the number of visitors jumped 279 percent to an average of 144,557 a month while tickets fell to 6,174.", "jumped 279 percent", "supported"),
    # direction of a comparison
    # a value in the direction it is said to go is not thereby borne out: the text
    # only says it is lower, not what it was
    ("In FY 2023, 62% of detainees had a pending case, up from 55% in FY 2022.", "55%", "unverifiable"),
    ("In FY 2023, 52% of detainees had a pending case, up from 55% in FY 2022.", "55%", "contradicted"),
    ("ICE made 3,000 arrests of gang members in FY 2019, with all arrests rising from 140,000 in FY 2018 to 153,099.", "140,000", "unverifiable"),
    ("ICE made 3,000 arrests of gang members in FY 2019, with all arrests rising from 140,000 in FY 2018 to 113,099.", "140,000", "contradicted"),
    # a share against its part and whole
    ("In FY 2023, 73,822 of the 170,590 people arrested had a criminal history, or 43%.", "43%", "supported"),
    ("In FY 2023, 73,822 of the 170,590 people arrested had a criminal history, or 34%.", "34%", "contradicted"),
    ("In FY 2023, 130% of those arrested had a criminal history.", "130%", "contradicted"),
    ("In FY 2023 arrests were 150% of the FY 2019 level.", "150%", "unverifiable"),
    # a share set beside its part ("P, representing S% of the W"), and the rest of shares
    ("In FY 2018 ICE removed 265,000 people, representing over 30% of the 680,000 people met at the border.", "over 30%", "contradicted"),
    ("In FY 2018 ICE removed 265,000 people, representing about 39% of the 680,000 people met at the border.", "about 39%", "supported"),
    ("In FY 2018 ICE removed 265,000 people, representing about 39% of the 680 offices.", "about 39%", "unverifiable"),
    ("In FY 2017, 73.7% of those arrested had convictions. 15.5% had pending charges, and only 10.8% had neither.", "10.8%", "supported"),
    ("In FY 2017, 73.7% of those arrested had convictions. 15.5% had pending charges, and only 12.8% had neither.", "12.8%", "unverifiable"),
    # an average against its total and its count
    ("The 73,822 individuals had 290,708 charges, an average of four per individual.", "four", "supported"),
    ("The 73,822 individuals had 290,708 charges, an average of six per individual.", "six", "contradicted"),
    # with several totals, the one that counts what the average counts, or none
    ("ERO found 290,708 charges among 73,822 people and 6,000 cases, an average of four per person.", "four", "unverifiable"),
    ("ERO found 290,708 charges among 73,822 people and 6,000 cases, an average of six charges per person.", "six", "contradicted"),
    # an announced count against its list
    ("OPR runs three offices: ICE Security, ICE Inspections, and OPR Investigations.", "three", "supported"),
    ("OPR runs four offices: ICE Security, ICE Inspections, and OPR Investigations.", "four", "contradicted"),
    ("HSI set five goals:\n\n- Supply.\n- Demand.\n- Finance.\n- Outreach.\n", "five", "contradicted"),
    # parts against their whole
    # a part within its whole is not verified by that alone; a part above it is wrong
    ("VAP assisted 7,110 victims in FY 2023, including 1,919 minors.", "1,919", "unverifiable"),
    ("VAP assisted 7,110 victims in FY 2023, including 11,919 minors.", "11,919", "contradicted"),
    ("Agents seized 5,000 guns in FY 2023, including 3,200 rifles and 2,800 pistols.", "5,000", "contradicted"),
    # the list is of what the whole had: the cases, of which one person may have several
    ("In FY 2023, 86% of the 5,000 people stopped had records or open cases, including more than 3,200 for theft and 2,800 for fraud.", "5,000", "unverifiable"),
    ("VAP assisted 7,110 people in FY 2023, 11,919 of whom were minors.", "11,919", "contradicted"),
    ("VAP assisted 7,110 people in FY 2023, 1,919 of whom were minors.", "1,919", "unverifiable"),
    # only like counts are parts of a whole: not a count of years, not of countries
    ("Arrests topped 90,000 in FY 2020 and more than 140,000 in each of the three years before.", "more than 140,000", "unverifiable"),
    ("Of the 12 field offices, 3,000 arrests were made in FY 2023.", "3,000", "unverifiable"),
    ("ICE returned 142,580 people to about 180 countries in FY 2023, including more than 44,000 from the interior and more than 98,000 from the border.", "more than 44,000", "unverifiable"),
    ("ICE returned 142,580 people to about 180 countries in FY 2023, including more than 44,000 from the interior and more than 98,000 from the border.", "about 180", "unverifiable"),
    ("ICE returned 42,580 people to about 180 countries in FY 2023, including more than 44,000 from the interior.", "more than 44,000", "contradicted"),
    # a rule relates only values that count the same thing, in the order the text relates them
    ("In FY 2023 ERO made 91,497 arrests in 24 states, against 85,343 in FY 2022: an increase of 7.2%.", "an increase of 7.2%", "supported"),
    ("ICE made 143,000 arrests in FY 2019, against 267,000 removals in FY 2018: a 46% decrease.", "a 46% decrease", "unverifiable"),
    ("In FY 2023, 50% of the staff were new, and 73,822 of the 170,590 people arrested had a record.", "50%", "unverifiable"),
    ("In FY 2023, 34% (73,822 of the 170,590 people arrested) had a record.", "34%", "contradicted"),
    ("ERO has two priorities: guarding the border and removing criminals and gang members.", "two", "supported"),
    # "the other N" is a whole less a part; it is supported, never contradicted
    ("In FY 2019 ICE removed 267,258 people. About 85,958 were removed from the interior, while the other more than 181,000 were removed at the border.", "more than 181,000", "supported"),
    ("In FY 2019 ICE removed 267,258 people. About 85,958 were removed from the interior, while the other 191,000 were removed at the border.", "191,000", "unverifiable"),
    # a rate against its year's total: supported when it agrees, never contradicted
    ("ICE removed 59,011 people in FY 2021. That is barely a thousand a week.", "a thousand", "supported"),
    ("In FY 2021 agents met nearly 1.8 million people, and ICE removed 59,011: ICE removed about 160 a day.", "about 160", "supported"),
    ("ICE removed 59,011 people in FY 2021, about 300 a day.", "about 300", "unverifiable"),
    # a percent beside its own count, of a whole the text gave just before
    ("The office sold 39,328 permits in FY 2018.\n\nOf those, 33 percent, or 13,010, were renewals.", "33 percent", "supported"),
    ("The office sold 39,328 permits in FY 2018.\n\nOf those, 38 percent, or 13,010, were renewals.", "38 percent", "unverifiable"),
    ("The office sold 185,884 permits in FY 2020:\n\n- 118,949, or 64 percent, were renewals.\n- 4,276 were new.", "64 percent", "supported"),
    # a total over a period the text names, and a rate of another rate
    ("Over the eight years more than 2 million visits were paid, an average of 250,000 per year, or about 680 per day.", "250,000", "supported"),
    ("Over the eight years more than 2 million visits were paid, an average of 250,000 per year, or about 680 per day.", "about 680", "supported"),
    ("Over the eight years more than 2 million visits were paid, an average of 250,000 per year, or about 780 per day.", "about 780", "unverifiable"),
    ("The office sold 2,749,706 permits between fiscal years 2009 and 2016. This averaged 343,713 permits annually.", "343,713", "supported"),
    ("Agents made 353 arrests over the previous five days, about 70 arrests every single day.", "about 70", "supported"),
    # nothing to check against
    ("The agency employs more than 20,000 people.", "more than 20,000", "unverifiable"),
]
# fmt: on


@pytest.mark.parametrize(("text", "claim", "verdict"), CONSISTENCY)
def test_claims_are_checked_against_each_other(text: str, claim: str, verdict: str) -> None:
    found = verdict_of(check(text), claim)
    assert found.verdict == verdict, found.reason


def test_values_of_one_month_each_are_no_pair_of_the_years_a_change_compares() -> None:
    text = (
        "The office reduced sales to roughly one-quarter what they were last fiscal year, from "
        "over 28,000 in October 2019 to less than 3,000 in April 2021."
    )
    found = verdict_of(check(text, fiscal_year=2021), "roughly one-quarter")
    assert found.verdict == "unverifiable"  # the months' values may support it, never refute


def test_a_contradiction_says_why_in_words() -> None:
    text = "In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: an increase of 9.2%."
    found = verdict_of(check(text), "an increase of 9.2%")
    assert "85,343" in found.reason and "91,497" in found.reason and "7.2%" in found.reason
    assert found.expected == pytest.approx(7.2108, abs=1e-3)


# ------------------------------------------------------------- against the figures

COUNT = MetricDecl(
    id="ero.test_arrests", label="administrative arrests", definition="-", unit="arrests",
    measure="count", table="arrests",
)  # fmt: skip
MONEY = MetricDecl(
    id="hsi.test_seized_usd", label="currency and assets seized", definition="-", unit="usd",
    measure="count", table="arrests", synonyms=("in currency and assets",),
)  # fmt: skip
SHARE = MetricDecl(
    id="ero.test_share", label="share arrested with a record", definition="-", unit="percent",
    measure="share", numerator="ero.test_arrests", denominator="ero.test_arrests",
    synonyms=("of those arrested had a criminal record",),
)  # fmt: skip
METRICS = {m.id: m for m in (COUNT, MONEY, SHARE)}
SENTENCES = {
    COUNT.id: "In FY 2023, ERO made {} administrative arrests.",
    MONEY.id: "In FY 2023, HSI seized {} in currency and assets.",
    SHARE.id: "In FY 2023, {} of those arrested had a criminal record.",
}


def figures_of(metric: str, value: float, prior: float | None = None) -> Figures:
    rows = [_row(metric, 2023, value, prior)]
    if prior is not None:
        rows.append(_row(metric, 2022, prior, None))
    return Figures(pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA))


def _row(metric: str, year: int, value: float, prior: float | None) -> dict[str, object]:
    change = None if prior is None else 100.0 * (value - prior) / prior
    return {
        "metric": metric, "fiscal_year": year, "breakdown": "", "breakdown_value": "",
        "value": value, "unit": "", "status": "published", "bound": "exact",
        "prior_value": prior, "yoy_change": None, "yoy_change_pct": change, "sql": "",
        "fingerprint": "",
    }  # fmt: skip


def altered(text: str, digit: int) -> str | None:
    """The text with its last significant digit changed to ``digit`` (None if it is that)."""
    number = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    assert number is not None
    shown = number.group()
    if "." in shown:
        at = len(shown) - 1
    else:
        at = max(i for i, ch in enumerate(shown) if ch.isdigit() and ch != "0")
    if shown[at] == str(digit):
        return None
    new = shown[:at] + str(digit) + shown[at + 1 :]
    return text[: number.start()] + new + text[number.end() :]


def check_one(metric: str, shown: str, figures: Figures) -> ClaimVerdict:
    result = check(SENTENCES[metric].format(shown), figures, metrics=METRICS)
    return verdict_of(result, shown)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([COUNT.id, MONEY.id, SHARE.id]),
    st.floats(min_value=10, max_value=5e10, allow_nan=False),
    st.integers(min_value=1, max_value=9),
)
def test_any_styled_figure_is_supported_and_any_other_number_contradicted(
    metric: str, value: float, digit: int
) -> None:
    if metric == SHARE.id:
        value = value % 98 + 1
        written = style.percent(value, digits=1 if value < 10 else 0)
    elif metric == MONEY.id:
        written = style.money(value)
    else:
        value = float(round(value))
        written = style.count(value, words_below=0)
    figures = figures_of(metric, value)
    assert check_one(metric, written.text, figures).verdict == "supported"
    changed = altered(written.text, digit)
    if changed is not None:
        # a bare whole percent may also be the figure cut short ("37%" for 37.6), as writers
        # cut a bare count short: that one other number is read as the figure too
        cut = metric == SHARE.id and value >= 10 and changed == f"{math.floor(value)}%"
        expected = "supported" if cut else "contradicted"
        assert check_one(metric, changed, figures).verdict == expected, changed


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=50, max_value=10**7), st.floats(min_value=-90, max_value=400))
def test_any_styled_change_is_supported_and_a_changed_one_contradicted(
    prior: int, pct: float
) -> None:
    value = round(prior * (1 + pct / 100))
    true = 100.0 * (value - prior) / prior
    written = style.change(true)
    if written.text == "no change" or value <= 0:
        return
    sentence = "In FY 2023, ERO made {} administrative arrests, {} on FY 2022."
    figures = figures_of(COUNT.id, value, prior)
    shown = style.count(value, words_below=0).text
    result = check(sentence.format(shown, written.text), figures, metrics=METRICS)
    assert verdict_of(result, written.text).verdict == "supported"
    # a writer may cut a computed change short ("4.3%" for 4.36%): that reading is borne out
    cut = f"{math.trunc(abs(true) * 10 + 1e-6) / 10:.1f}%"
    short = re.sub(r"\d[\d,]*\.\d%", cut, written.text)
    if short != written.text and cut != "0.0%":
        result = check(sentence.format(shown, short), figures, metrics=METRICS)
        assert verdict_of(result, short).verdict == "supported", short
    changed = next(
        c for d in (5, 3, 7) if (c := altered(written.text, d)) is not None and c != short
    )
    result = check(sentence.format(shown, changed), figures, metrics=METRICS)
    assert verdict_of(result, changed).verdict == "contradicted"


def test_a_claim_whose_metric_has_no_figures_is_unverifiable_never_contradicted() -> None:
    figures = figures_of(MONEY.id, 1e6)
    result = check("In FY 2023, ERO made 9 administrative arrests.", figures, metrics=METRICS)
    assert verdict_of(result, "9").verdict == "unverifiable"


def test_a_count_more_than_the_year_before_is_checked_against_the_difference() -> None:
    table = figures_of(COUNT.id, 11_200, 10_000).table
    at = table.schema.get_field_index("yoy_change")
    figures = Figures(table.set_column(at, "yoy_change", pa.array([1_200.0, None])))
    said = "ERO made {} more administrative arrests in FY 2023 than in FY 2022."
    right = check(said.format("1,200"), figures, metrics=METRICS)
    assert verdict_of(right, "1,200").verdict == "supported"
    wrong = check(said.format("1,300"), figures, metrics=METRICS)
    assert verdict_of(wrong, "1,300").verdict != "supported"


def test_a_claim_about_a_figure_the_sources_cannot_compute_says_so() -> None:
    figures = figures_of(COUNT.id, 11_200)
    text = "In FY 2023, ERO arrested 9,100 aliens with criminal histories."
    blocked = {"ero_arrests_criminal_history": "the release has no criminality column"}
    result = check(text, figures, metrics=METRICS, not_computable=blocked)
    found = verdict_of(result, "9,100")
    assert found.verdict == "unverifiable"
    assert "not computable" in found.reason and "criminality column" in found.reason
    plain = check("In FY 2023, ERO made 11,200 administrative arrests.", figures, metrics=METRICS,
                  not_computable=blocked)  # fmt: skip
    assert verdict_of(plain, "11,200").verdict == "supported"


# ------------------------------------------------------------------ the acceptance


@pytest.fixture(scope="module")
def official() -> Figures:
    if not OFFICIAL_FIGURES.is_file():
        pytest.skip("the published figures (shared/data/) are not beside this checkout")
    return load_figures(OFFICIAL_FIGURES, load_crosswalk(REPORT_DIR / CROSSWALK))


def test_a_figure_of_a_partly_covered_year_supports_but_never_contradicts(
    tmp_path: Path,
) -> None:
    """Records that stop before the year's end give a figure short of the year's: a claim of
    the whole year's number is no misstatement of it, one equal to it is borne out."""
    meta = MetricMeta(
        id="ero.admin_arrests",
        label="administrative arrests",
        unit="arrests",
        measure="count",
        tables=("arrests",),
    )
    build = tmp_path / "build"
    build.mkdir()
    covered = "arrests, FY 2019: 1 October 2018 through 31 August 2019 (a partial year)"
    (build / "coverage.json").write_text(
        json.dumps(
            [
                {"table": "arrests", "fiscal_year": 2019, "complete": False, "note": covered},
                {"table": "arrests", "fiscal_year": 2018, "complete": True, "note": "whole"},
                {"table": "removals", "fiscal_year": 2019, "complete": False, "note": "part"},
            ]
        ),
        encoding="utf-8",
    )
    partial = partial_years([build, tmp_path / "no build"], {meta.id: meta})
    assert partial == {("ero.admin_arrests", 2019): covered}
    figures = figures_from_rows(
        {"metric": "ero.admin_arrests", "fiscal_year": str(y), "value": str(v)}
        for y, v in ((2018, 158_581), (2019, 131_904))
    )
    text = (
        "ERO made 143,099 administrative arrests in FY 2019. Its records count 131,904 "
        "administrative arrests in FY 2019. ERO made 158,851 administrative arrests in FY 2018."
    )
    result = check(text, figures, metrics={meta.id: meta}, partial=partial)
    whole = verdict_of(result, "143,099")
    assert whole.verdict == "unverifiable" and "cover part of the year" in whole.reason
    assert verdict_of(result, "131,904").verdict == "supported"
    assert verdict_of(result, "158,851").verdict == "contradicted"  # FY 2018 is whole


def test_the_kst_change_implies_a_base_the_published_figures_do_not_have(
    seed_text: str, official: Figures
) -> None:
    from yearbook.metrics.declarations import load_metrics

    result = check(
        seed_text,
        official,
        metrics=load_metrics(REPORT_DIR / "metrics"),
        vocabulary=report_vocabulary(REPORT_DIR),
    )
    claim = verdict_of(result, "a 148.2% increase")
    assert claim.verdict == "contradicted"
    assert claim.metric == "ero.removals_kst" and claim.fiscal_year == 2023
    assert "implies a FY 2022 base of 56" in claim.reason
    assert "FY 2022 figure of ero.removals_kst is 55" in claim.reason


# Every number-bearing claim of the seed page, in order, with its kind.
SEED_CLAIMS = [
    ("3,406", "count"), ("an increase of 27.7%", "change"), ("139", "count"),
    ("a 148.2% increase", "change"), ("six", "count"), ("170,590", "count"),
    ("a 19.5% increase", "change"), ("43%", "share"), ("32.5%", "percent"),
    ("73,822", "count"), ("290,708", "count"), ("four", "average"), ("1,713", "count"),
    ("1,655", "count"), ("4,390", "count"), ("33,209", "count"), ("3,097", "count"),
    ("6,964", "count"), ("7,520", "count"), ("91,497", "count"), ("85,343", "count"),
    ("a 7.2% increase", "change"), ("more than 1,300", "count"), ("17%", "share"),
    ("33,108", "count"), ("over 1.2 million", "weight"), ("over $949 million", "money"),
    ("over $148 million", "money"), ("1,806", "count"), ("731", "count"),
    ("four", "list_count"), ("246", "count"), ("185", "count"),
    ("approximately 847", "count"), ("3,788", "count"), ("more than 152,232", "count"),
    ("three", "list_count"), ("nine", "count"), ("16", "count"),
    ("approximately 200", "count"), ("eight", "count"), ("2,150", "count"),
    ("over 232,218", "weight"), ("484", "count"), ("42,957", "count"),
    ("$10,496,905", "money"), ("$25,858,760", "money"), ("7,110", "count"),
    ("1,919", "count"), ("731", "count"), ("1,647", "count"), ("1,515", "count"),
    ("1,300,000", "count"), ("over 460,000", "count"), ("49,000", "count"),
    ("217,500", "count"), ("84,000", "count"), ("more than 1,800", "count"),
    ("over 4,000", "count"), ("three", "list_count"),
]  # fmt: skip


def test_every_number_on_the_seed_page_is_found_with_its_kind(seed_text: str) -> None:
    result = check(seed_text)
    assert [(c.text, c.kind) for c in result.claims] == SEED_CLAIMS
    for claim in result.claims:
        assert seed_text[claim.start : claim.end] == claim.text


def test_the_seed_page_against_the_demo_build_has_no_contradiction(
    seed_text: str, demo: Demo
) -> None:
    result = check(
        seed_text,
        demo.result.figures,
        metrics=demo.report.metrics,
        vocabulary=report_vocabulary(REPORT_DIR),
    )
    assert result.contradicted == [], [(c.text, c.reason) for c in result.contradicted]
    supported = {c.text for c in result.supported}
    assert {"3,406", "an increase of 27.7%", "a 148.2% increase", "43%", "four"} <= supported
    assert {"four", "three"} <= {c.text for c in result.claims if c.kind == "list_count"}


def test_the_internally_consistent_seed_claims_pass_without_data(seed_text: str) -> None:
    from yearbook.metrics.declarations import load_metrics

    result = check(seed_text, metrics=load_metrics(REPORT_DIR / "metrics"))
    assert result.contradicted == []
    assert {"43%", "four", "a 7.2% increase"} <= {c.text for c in result.supported}


# ------------------------------------------------------------------------- the corpus


def test_the_labelled_corpus_scores_at_least_095() -> None:
    scores = evaluate()
    assert len(scores.scored) >= 150
    voices = {item.item["voice"] for item in scores.scored}
    assert voices == {"report", "press", "news"}
    for verdict in ("contradicted", "supported"):
        assert scores.precision(verdict) >= 0.95, verdict
        assert scores.recall(verdict) >= 0.95, verdict


# ----------------------------------------------------------------- outputs, contract


def test_the_json_output_has_its_documented_shape() -> None:
    text = "In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: an increase of 9.2%."
    claims = json.loads(check(text).to_json())
    assert isinstance(claims, list) and len(claims) == 3
    for claim in claims:
        assert tuple(claim) == JSON_FIELDS
        assert claim["verdict"] in ("supported", "contradicted", "unverifiable")
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert set(claim["interval"]) == {"low", "high", "low_inclusive", "high_inclusive"}
        for item in claim["checks"]:
            assert set(item) == {"source", "rule", "verdict", "reason", "expected"}
    docs = (REPORT_DIR.parents[1] / "docs" / "claims.md").read_text(encoding="utf-8")
    for field in JSON_FIELDS:
        assert f"`{field}`" in docs, f"docs/claims.md does not document {field!r}"


def test_every_text_rule_is_documented() -> None:
    docs = (REPORT_DIR.parents[1] / "docs" / "claims.md").read_text(encoding="utf-8")
    for name, _ in RULES:
        assert f"| `{name}` |" in docs, f"docs/claims.md does not document the rule {name!r}"


def test_the_html_marks_each_claim_by_verdict_for_hover_and_keyboard() -> None:
    text = "In FY 2023 ERO made 91,497 arrests, against 85,343 in FY 2022: an increase of 9.2%."
    page = render_html(text, check(text))
    marks = re.findall(
        r'<mark class="claim claim-(\w+)" tabindex="0" aria-describedby="([\w-]+)"', page
    )
    assert [v for v, _ in marks] == ["unverifiable", "unverifiable", "contradicted"]
    for _, tip in marks:
        assert f'role="tooltip" id="{tip}"' in page
    assert "mark.claim:focus .claim-evidence" in page and "mark.claim:hover .claim-evidence" in page
    assert '<span class="visually-hidden"> (contradicted)</span>' in page


def test_check_refuses_an_unknown_format() -> None:
    with pytest.raises(UserError):
        check("text", fmt="pdf")


def test_a_csv_of_figures_needs_metric_year_and_value(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,value\nx,1\n", encoding="utf-8")
    with pytest.raises(UserError, match="metric"):
        load_figures(bad)
    rows = [{"metric": "m.a", "fiscal_year": "2023", "value": "1300", "qualifier": "over"}]
    fig = figures_from_rows(rows).get("m.a", 2023)
    assert fig.bound == "lower"


# ------------------------------------------------------------------ the command line


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run `yearbook check` through the real entry point; its exit code and output."""
    with pytest.raises(SystemExit) as stop:
        main(["check", *args])
        raise SystemExit(0)
    return int(stop.value.code or 0), capsys.readouterr().out


def test_the_check_command_exits_0_1_and_2(
    tmp_path: Path, official: Figures, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.md"
    good.write_text(
        "In FY 2023, ERO removed 139 known or suspected terrorists.\n", encoding="utf-8"
    )
    assert run_cli(capsys, str(good))[0] == 0
    code, out = run_cli(
        capsys, str(SEED_PAGE), "--figures", str(OFFICIAL_FIGURES), "--format", "json"
    )
    assert code == 1
    kst = next(c for c in json.loads(out) if c["text"] == "a 148.2% increase")
    assert kst["verdict"] == "contradicted" and "base of 56" in kst["reason"]
    assert run_cli(capsys, str(tmp_path / "missing.md"))[0] == 2
    assert run_cli(capsys, str(good), "--format", "xml")[0] == 2
    code, page = run_cli(capsys, str(good), "--format", "html")
    assert code == 0 and "<mark" in page


def test_the_check_command_reads_a_texts_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "ICE arrests fell by 10 percent in the year to September from a year earlier.\n",
        encoding="utf-8",
    )
    args = (str(story), "--figures", str(OFFICIAL_FIGURES), "--format", "json")
    dated = json.loads(run_cli(capsys, *args, "--date", "2019-12-12")[1])
    assert [(c["verdict"], c["fiscal_year"]) for c in dated] == [("supported", 2019)]
    assert [c["verdict"] for c in json.loads(run_cli(capsys, *args)[1])] == ["unverifiable"]
    with pytest.raises(SystemExit) as stop:
        main(["check", *args, "--date", "12/12/2019"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "YYYY-MM-DD" in err and "Traceback" not in err


# ---------------------------------------------------------------- the build checks itself


def test_the_demo_build_writes_its_verdicts_and_none_is_contradicted(demo: Demo) -> None:
    claims = json.loads((demo.result.out / "claims.json").read_text(encoding="utf-8"))
    assert claims and not [c for c in claims if c["verdict"] == "contradicted"]
    assert sum(c["verdict"] == "supported" for c in claims) >= 20


def test_the_published_page_and_its_pdf_check_clean_against_their_build(
    demo: Demo, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a reader downloads, checked as a reader would check it: the page's scoreboard
    ("+59.1% on FY 2022") and the PDF's text hold no contradiction of their own build."""
    out = demo.result.out
    verdicts = {}
    for name in ("index.html", pdf_name(demo.report)):
        code, text = run_cli(
            capsys, str(out / name), "--figures", str(out), "--report", str(REPORT_DIR),
            "--format", "json",
        )  # fmt: skip
        claims = json.loads(text)
        assert code == 0, [
            (c["text"], c["reason"]) for c in claims if c["verdict"] == "contradicted"
        ]
        verdicts[name] = {(c["text"], c["verdict"]) for c in claims}
    for shown in ("+19.5%", "+59.1%", "+148.2%", "an increase of 27.7%", "a 148.2% increase"):
        assert all((shown, "supported") in found for found in verdicts.values()), shown
    # the page's data tables: "Value" and "Change on prior year" under a caption naming both
    # and its scoreboard, each value and its label laid out over lines of source
    for cell in ("40,536", "33,980", "-16.2%", "+174.1%", "-27.6%", "91,497", "290,708"):
        assert (cell, "supported") in verdicts["index.html"], cell


def test_a_report_that_contradicts_its_figures_fails_the_build(demo: Demo, tmp_path: Path) -> None:
    wrong = "In FY 2023 ERO made 170,591 administrative arrests."
    with pytest.raises(UserError, match="170,591"):
        self_check(
            demo.result.figures,
            wrong,
            tmp_path,
            fiscal_year=demo.report.spec.fiscal_year,
            metrics=metric_meta(demo.report.metrics),
            report_dir=demo.report.folder,
        )
    written = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
    assert written[0]["verdict"] == "contradicted"


def test_a_bundle_folder_is_a_source_of_figures_like_its_build(demo: Demo) -> None:
    bundle = load_sources([demo.result.out / "data"])
    build = load_sources([demo.result.out])
    published = {(f.metric, f.fiscal_year, f.breakdown, f.breakdown_value) for f in build}
    assert {(f.metric, f.fiscal_year, f.breakdown, f.breakdown_value) for f in bundle} == published
    fig = next(f for f in build if f.value is not None and not f.breakdown)
    found = bundle.find(fig.metric, fig.fiscal_year)
    assert found is not None and found.value == fig.value


def test_a_percent_beside_its_count_against_a_whole_of_nothing_is_no_error() -> None:
    """A percent set beside its own count is tried against a whole before it; a whole of 0
    (below a negative count) gives no share, and no error."""
    text = "The office counted 0 arrests in FY 2023. Of them, 8%, or -2 people, had records."
    assert [c.text for c in check(text).claims] == ["0", "8%", "-2"]
