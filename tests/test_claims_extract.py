"""Finding claims: kinds, intervals and fiscal years, as a specification."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yearbook.claims import check
from yearbook.claims.extract import Claim, extract, extract_document
from yearbook.claims.numbers import ABOVE, APPROX, BELOW, Interval, parse_words
from yearbook.claims.text import to_plain
from yearbook.narrative import style


def only(text: str, fiscal_year: int | None = 2023) -> Claim:
    claims = extract(text, fiscal_year)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def interval(claim: Claim) -> tuple[float, float, bool, bool]:
    i = claim.interval
    return (i.low, i.high, i.low_inclusive, i.high_inclusive)


# text, claim text, kind, value, interval (low, high, low closed, high closed)
# fmt: off
CASES = [
    ("ERO made 170,590 arrests.", "170,590", "count", 170590, (170590, 170590, True, True)),
    ("It removed six people.", "six", "count", 6, (6, 6, True, True)),
    ("43% of those arrested", "43%", "share", 43, (42.5, 43.5, True, False)),
    ("up from 32.5% in FY 2022", "32.5%", "percent", 32.5, (32.45, 32.55, True, False)),
    (
        "over 1.2 million pounds",
        "over 1.2 million",
        "weight",
        1_200_000,
        (1_200_000, 1_300_000, False, False),
    ),
    (
        "more than $949 million in assets",
        "more than $949 million",
        "money",
        949e6,
        (949e6, 950e6, False, False),
    ),
    ("$25,858,760 in goods", "$25,858,760", "money", 25858760, (25858760, 25858760, True, True)),
    ("nearly $25.9 million", "nearly $25.9 million", "money", 25.9e6, (25.8e6, 25.9e6, True, True)),
    ("approximately 847 firearms", "approximately 847", "count", 847, (846.5, 847.5, True, False)),
    ("more than 1,300 employees", "more than 1,300", "count", 1300, (1300, 1400, False, False)),
    ("84,000 dismissals", "84,000", "count", 84000, (83500, 84500, True, False)),
    ("an increase of 27.7% over FY 2022", "an increase of 27.7%", "change", 27.7, (27.65, 27.75, True, False)),
    ("a 148.2% increase", "a 148.2% increase", "change", 148.2, (148.15, 148.25, True, False)),
    ("a decrease of 3.1%", "a decrease of 3.1%", "change", -3.1, (-3.15, -3.05, False, True)),
    ("arrests fell 12% last year", "fell 12%", "change", -12, (-12.5, -11.5, False, True)),
    # a sign against a percent, as a scoreboard or a table shows a change
    ("+19.5% on FY 2022", "+19.5%", "change", 19.5, (19.45, 19.55, True, False)),
    ("Removals \u22123.1% vs FY 2022", "\u22123.1%", "change", -3.1, (-3.15, -3.05, False, True)),
    ("an average of four per individual", "four", "average", 4, (3.5, 4.5, True, False)),
    ("an average of 4.3 per person", "4.3", "average", 4.3, (4.25, 4.35, True, False)),
    ("232,218 pounds of narcotics", "232,218", "weight", 232218, (232218, 232218, True, True)),
    # a multiple in words is a ratio within 10% of it (doubled: 1.8 to 2.2; nearly: 1.8 to 2.0)
    ("seizures doubled", "doubled", "change", 100, (80, 120, True, True)),
    ("arrests nearly doubled", "nearly doubled", "change", 100, (80, 100, True, True)),
    ("nearly doubling the number of removals", "nearly doubling", "change", 100, (80, 100, True, True)),
    ("removals were double those of the year before", "double", "change", 100, (80, 120, True, True)),
    ("more than twice as many arrests", "more than twice", "change", 100, (100, 200, False, False)),
    ("more than four times the number", "more than four times", "change", 300, (300, 400, False, False)),
    ("three times as many visits", "three times", "change", 200, (170, 230, True, True)),
    ("charges were halved", "halved", "change", -50, (-55, -45, True, True)),
    # fractions with a qualifier: 5 points either side, or on the qualifier's side
    ("about half of those arrested", "about half", "share", 50, (45, 55, True, True)),
    ("nearly two-thirds of removals", "nearly two-thirds", "share", 200 / 3, (185 / 3, 200 / 3, True, True)),
    ("Half of the arrests were in Texas.", "Half", "share", 50, (45, 55, True, True)),
    ("arrests fell by almost a third", "almost a third", "change", -100 / 3, (-100 / 3, -85 / 3, True, True)),
    ("removals rose by roughly a fifth", "roughly a fifth", "change", 20, (15, 25, True, True)),
    ("1/3 of people in proceedings", "1/3", "share", 100 / 3, (85 / 3, 115 / 3, True, True)),
    ("nearly one in four of those arrested", "nearly one in four", "share", 25, (20, 25, True, True)),
    # a fraction of a scale, and a scale alone, have at least one decimal of the scale
    ("more than a quarter of a million people", "more than a quarter of a million", "count", 250_000, (250_000, 300_000, False, False)),
    # a headline drops the article: not "a Million"
    ("Office Sells Quarter of a Million Permits.", "Quarter of a Million", "count", 250_000, (200_000, 300_000, True, False)),
    ("barely a thousand a week", "a thousand", "count", 1000, (950, 1050, True, False)),
    # a qualified percentage reaches whole points: a point above, two below; a fall is mirrored
    ("a nearly 20 percent increase", "a nearly 20 percent increase", "change", 20, (18, 20, True, True)),
    ("almost a 20 percent increase", "almost a 20 percent increase", "change", 20, (18, 20, True, True)),
    ("arrests fell nearly 30% last year", "fell nearly 30%", "change", -30, (-30, -28, True, True)),
    ("a decrease of more than 10 percent", "a decrease of more than 10 percent", "change", -10, (-11, -10, True, False)),
    ("more than 86% of those arrested", "more than 86%", "share", 86, (86, 87, False, True)),
    ("just over 59,000 removals", "just over 59,000", "count", 59_000, (59_000, 60_000, False, False)),
    # "at least" holds the number itself
    ("at least 226,119 people", "at least 226,119", "count", 226_119, (226_119, 226_120, True, False)),
    ("no fewer than 230,000 people", "no fewer than 230,000", "count", 230_000, (230_000, 240_000, True, False)),
    ("just below 30,000 removals", "just below 30,000", "count", 30_000, (29_000, 30_000, True, True)),
    ("some 143,000 people", "some 143,000", "count", 143_000, (142_500, 143_500, True, False)),
    ("fifty-one million dollars", "fifty-one million", "money", 51e6, (50.95e6, 51.05e6, True, False)),
    ("higher than the number of 226,119.", "226,119", "count", 226_119, (226_119, 226_119, True, True)),
    # thousands grouped by a space: a thin or no-break one, or one plain space and one group
    ("removed 142\u202f580 people", "142\u202f580", "count", 142_580, (142_580, 142_580, True, True)),
    ("removed 1\u00a0142\u00a0580 people", "1\u00a0142\u00a0580", "count", 1_142_580, (1_142_580, 1_142_580, True, True)),
    ("In all, 74 082 arrests.", "74 082", "count", 74_082, (74_082, 74_082, True, True)),
]
# fmt: on


@pytest.mark.parametrize(("text", "shown", "kind", "value", "bounds"), CASES)
def test_a_claim_is_read_with_its_kind_and_interval(
    text: str, shown: str, kind: str, value: float, bounds: tuple[float, float, bool, bool]
) -> None:
    claim = only(text)
    assert (claim.text, claim.kind) == (shown, kind)
    assert claim.value == pytest.approx(value)
    low, high, low_closed, high_closed = interval(claim)
    assert (low, high) == pytest.approx(bounds[:2])
    assert (low_closed, high_closed) == bounds[2:]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("the 11 to 22 million people", 11e6),
        ("between 1.5 and 2 billion", 1.5e9),
        ("from 30 to 2 million", 30),  # falling: no range
    ],
)
def test_a_ranges_first_number_shares_the_scale_of_its_second(text: str, first: float) -> None:
    assert extract(text, 2023)[0].value == pytest.approx(first)


def test_a_run_of_plain_spaced_digits_is_no_one_number() -> None:
    """Columns of a table laid out with spaces ("267 258 143 099"), a decimal after a group,
    or a group after another number stay apart: only one plain-spaced group is read as one."""
    for text in ("2019 267 258 143 099", "It was 143 099.5 then.", "In FY 2023 14 580 people"):
        values = [c.value for c in extract(text, 2023)]
        assert not any(v > 10_000 for v in values), (text, values)


def test_a_number_grouped_by_lakhs_is_one_number() -> None:
    """South Asian grouping ("1,43,470", "12,34,567") is one number; a run of commas and
    small numbers that is no such grouping stays apart."""
    values = [c.value for c in extract("In FY 2017 ICE made 1,43,470 arrests.", 2017)]
    assert values == [143_470]
    assert [c.value for c in extract("Its budget was 12,34,567 dollars in FY 2017.", 2017)] == [
        1_234_567
    ]
    assert 143_470 not in [c.value for c in extract("Rows 1,43,47 and 0 in FY 2017.", 2017)]


def test_thousands_said_with_mil_between_them_are_one_number() -> None:
    """ "226 mil 119", as Spanish-language outlets write 226,119, is one number, not 226."""
    assert [c.value for c in extract("ICE deportó a 226 mil 119 personas en FY 2017.", 2017)] == [
        226_119
    ]
    assert [c.value for c in extract("In FY 2021 it was 59 mil 11.", 2021)] == [59_011]


def test_a_dash_between_two_numbers_is_a_range_not_a_sign() -> None:
    claims = extract("In FY 2023, 10-15% of those arrested had no record.", 2023)
    assert "change" not in [c.kind for c in claims], [(c.text, c.kind) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "the sunset of the Title 42 public health order",
        "In May 2023, ICE rolled out the initiative.",
        "the Countering Human Trafficking Act of 2021",
        "the COVID-19 pandemic",
        "One of ERO's most important functions",
        "the 21st century",
        "FY2023 and FY 2022",
        "in the first half of FY 2023",
        "half of the year had passed",
        "they doubled down on a double standard",
        "the officer doubled over in pain",
        "a double-digit rise, twice a day",
        "a third country",
        "On 9/11 of that year, and 3/4 of 2019",
        "Executive Order 14010 and EO 13768",
        "a man aged 32, and children under the age of 18, or 17 years old",
        "as the report says.[2] Then",
        "11Title 42 and 12Section 235(b)(1) of the act",
        "As of 30 September 2023, and on 12 Dec, 2023",
        "the rules continued for two years under the new director",
        "The Fiscal Year (FY) 24 budget proposal",
    ],
)
def test_years_names_and_ordinals_are_not_claims(text: str) -> None:
    assert extract(text, 2023) == []


def test_a_number_of_times_that_compares_no_two_counts_is_no_change() -> None:
    claims = extract("The fine was three times the national average, paid three times a week.")
    assert [c for c in claims if c.kind == "change"] == []


# sentence, fiscal year of each claim in order
YEARS = [
    ("In FY 2023, ERO removed 139 people, a 148.2% increase over FY 2022.", [2023, 2023]),
    ("ERO made 91,497 arrests in FY 2023, against 85,343 in FY 2022.", [2023, 2022]),
    ("In fiscal year 2023, 43% had a record, up from 32.5% the year before.", [2023, 2022]),
    ("Arrests rose from 142,750 in fiscal 2022 to 170,590 in fiscal 2023.", [2022, 2023]),
    ("In FY23 the unit made 500 arrests.", [2023]),
    # a year in the possessive names the value after it, not the one before it
    ("Sales in FY 2020 (1,884) were well below FY 2019's 2,672.", [2020, 2019]),
]


@pytest.mark.parametrize(("text", "years"), YEARS)
def test_the_fiscal_year_comes_from_the_sentence(text: str, years: list[int]) -> None:
    assert [c.fiscal_year for c in extract(text, None)] == years


def test_both_ends_of_a_range_of_figures_are_claims() -> None:
    found = extract("an estimated 500,000-600,000 people, under Public Law 117-58", None)
    assert [c.value for c in found] == [500_000, 600_000]


def test_a_record_over_a_span_of_years_is_a_claim() -> None:
    assert [c.text for c in extract("the lowest number of removals in the last six years")] == [
        "six"
    ]
    assert [c.text for c in extract("a four-year high, in a four-year term")] == ["four"]


def test_the_fiscal_year_comes_from_the_paragraph_or_heading() -> None:
    text = "## FY 2022\n\nERO made 142,750 arrests.\n\nIn FY 2023 it made more.\n\nIt removed 139."
    claims = extract_document(to_plain(text, "markdown"), None).claims
    assert [(c.text, c.fiscal_year) for c in claims] == [("142,750", 2022), ("139", 2022)]


@pytest.mark.parametrize(
    ("text", "shown", "sign"),
    [
        ("The shop raised its prices by about 13 percent.", "by about 13 percent", 1),
        (
            "The board cut grants over the last year by more than 4 percent.",
            "by more than 4 percent",
            -1,
        ),
        (
            "Visits were similarly down\u2014by nearly 50 percent\u2014in 2022.",
            "down\u2014by nearly 50 percent",
            -1,
        ),
        ("Sales were slashed by 78 percent.", "slashed by 78 percent", -1),
        ("Sales increased during the 2017 fiscal year by 25 percent.", "by 25 percent", 1),
        (
            "The agency cut permits issued in the north of the U.S. by 28% in 2021.",
            "by 28%",
            -1,
        ),
        ("The year saw an uptick of 4 percent in sales.", "an uptick of 4 percent", 1),
        ("It was an 80% crash from the peak.", "an 80% crash", -1),
        ("Used Cars: 62% Drop for Dealers", "62% Drop", -1),
        ("Sales fell, lower than the year 2016's sales by 6%.", "by 6%", -1),
        ("Sales in 2019 were higher than in 2018 by 12 percent.", "by 12 percent", 1),
    ],
)
def test_a_change_may_be_worded_with_a_verb_before_by_or_a_less_common_noun(
    text: str, shown: str, sign: int
) -> None:
    claim = only(text)
    assert (claim.kind, claim.text, claim.direction) == ("change", shown, sign)


def test_a_change_names_its_base_year() -> None:
    claim = extract("In FY 2023 removals rose 12% since FY 2019.", None)[0]
    assert (claim.kind, claim.fiscal_year, claim.base_year) == ("change", 2023, 2019)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("In FY 2023 removals were double those of the previous year.", (2023, 2022)),
        ("Removals in FY 2023 were double those of FY 2021.", (2023, 2021)),
        ("Removals in FY23 were nearly double the FY21 level.", (2023, 2021)),
        ("Arrests in FY 2019 were twice as high as in FY 2017.", (2019, 2017)),
        ("Removals were double those of FY 2021.", (None, 2021)),
        ("In FY 2022 arrests nearly doubled over FY 2021.", (2022, 2021)),
        ("Sales in FY 2023 were more than threefold those of FY 2021.", (2023, 2021)),
    ],
)
def test_a_multiple_compares_with_the_year_named_after_it(
    text: str, years: tuple[int | None, int]
) -> None:
    claim = only(text, None)
    assert (claim.kind, claim.fiscal_year, claim.base_year) == ("change", *years)
    if years[0] is None:  # the document's year, when it is not the one compared with
        assert only(text, 2023).fiscal_year == 2023


def test_announced_lists_are_counted() -> None:
    text = "HSI set four goals:\n\n1. Supply.\n2. Demand.\n3. Finance.\n4. Outreach.\n"
    claims = extract_document(to_plain(text, "markdown"), 2023).claims
    assert [(c.text, c.kind, c.list_items) for c in claims] == [("four", "list_count", 4)]
    inline = extract("It runs three offices: Security, Inspections, and Investigations.", 2023)
    assert [(c.kind, c.list_items) for c in inline] == [("list_count", 3)]
    fused = "Key facts\n- 1As of February 2024, 38,491 were held\n- 10ICE sold 5,000 permits\n"
    plain = to_plain(fused, "text")  # list numbers run into a line's first word are blanked
    assert plain.text.splitlines()[1:] == [
        "-  As of February 2024, 38,491 were held",
        "-   ICE sold 5,000 permits",
    ]
    assert [c.text for c in extract_document(plain, 2023).claims] == ["38,491", "5,000"]
    lines = "A snapshot:\nTuesday: 83 sold in Ohio\nWednesday: 150 sold in Utah and Idaho\n"
    labelled = extract_document(to_plain(lines, "text"), 2023).claims
    assert [c.kind for c in labelled] == ["count", "count"]  # each line's label is no list
    stats = "The numbers:\n12: offices opened in Ohio, Utah and Idaho\n"
    figures = extract_document(to_plain(stats, "text"), 2023).claims
    assert [c.kind for c in figures] == ["count"]  # a number and its label, no list
    many = extract("It sold 266,000 permits: 100,000 in Ohio and 166,000 in Utah.", 2023)
    assert [c.kind for c in many] == ["count"] * 3  # too many items to be written out


def test_offsets_point_into_markdown_and_html() -> None:
    for text, fmt in [
        ("ERO removed [139](figures/x.html) **terrorists**.", "markdown"),
        ("<p>ERO removed <a href='x'>139</a> terrorists &amp; others.</p>", "html"),
    ]:
        plain = to_plain(text, fmt)
        claim = extract_document(plain, 2023).claims[0]
        start, end = plain.span(claim.start, claim.end)
        assert text[start:end] == "139"


def test_a_line_break_in_html_source_is_a_space() -> None:
    """A list item laid out over several lines of source is one line of text, as a browser
    shows it: the number and its label stay one item."""
    page = "<ul><li>\n<a class='value'>170,590</a>\n<span>Administrative arrests</span>\n</li></ul>"
    plain = to_plain(page, "html")
    assert "170,590 Administrative arrests" in " ".join(plain.text.split())
    assert "\n" not in plain.text.strip()
    result = check(page, metrics=None)
    assert [c.text for c in result.claims] == ["170,590"]


def test_a_web_pages_menus_footer_and_forms_are_not_its_prose() -> None:
    """A saved news page: only its main element is read, and inside it no menu, form or
    footer; an aside of key figures is the page's own text."""
    page = (
        "<html><head><title>5 stories</title></head><body>"
        "<header><nav><a>Top 10 lists</a> <a>24 hours</a></nav></header>"
        "<main><article><h1>Removals rose</h1><p>ICE removed 142,580 people.</p>"
        "<aside><p>By the numbers: 72,177 a year earlier.</p></aside>"
        "<form><label>Get 3 alerts a week</label></form>"
        "<footer>Read 12 comments</footer></article></main>"
        "<div>Related: 9,999 sales</div>"
        "<footer><p>Copyright 2024, 1,000 partners</p></footer></body></html>"
    )
    assert [c.text for c in check(page, metrics=None).claims] == ["142,580", "72,177"]
    no_main = page.replace("<main>", "").replace("</main>", "")
    claims = [c.text for c in check(no_main, metrics=None).claims]
    assert claims == ["142,580", "72,177", "9,999"]  # with no main element, all but menus


# ---------------------------------------------------------------------- properties


@given(st.integers(min_value=10, max_value=10**12))
def test_whole_numbers_with_separators_read_back(n: int) -> None:
    claim = only(f"The office made {n:,} arrests.")
    assert claim.value == n and claim.interval.contains(n)


@given(st.integers(min_value=2, max_value=999_999))
def test_numbers_in_words_read_back(n: int) -> None:
    words = style.number_words(n)
    assert parse_words(words) == n
    claim = only(f"The office made {words} arrests.")
    assert claim.value == n and claim.interval == Interval(n, n)


@given(st.integers(min_value=10, max_value=999), st.sampled_from(["million", "billion"]))
def test_scaled_numbers_have_the_step_of_their_last_digit(tenths: int, unit: str) -> None:
    size = 10**6 if unit == "million" else 10**9
    text = f"{tenths // 10}.{tenths % 10} {unit}"
    claim = only(f"They seized {text} pounds.")
    assert claim.interval.low == pytest.approx((tenths - 0.5) * size / 10)
    assert claim.interval.high == pytest.approx((tenths + 0.5) * size / 10)


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(ABOVE + BELOW + APPROX),
)
def test_qualifiers_keep_their_side_of_the_rounding_interval(tenths: int, qualifier: str) -> None:
    claim = only(f"They seized {qualifier} {tenths / 10:.1f}% of it.")
    shown = tenths / 10
    if qualifier in ABOVE:
        assert claim.interval.low == pytest.approx(shown)
    elif qualifier in BELOW:
        assert claim.interval.high == pytest.approx(shown)
    else:
        assert claim.interval.contains(shown - 0.04) and claim.interval.contains(shown + 0.04)


@given(st.integers(min_value=10, max_value=10**11))
def test_any_count_the_style_writes_reads_back_to_an_interval_holding_it(value: int) -> None:
    written = style.count(value)
    claim = only(f"ERO made {written.text} arrests.")
    assert claim.interval.contains(value)
    assert claim.interval.contains(written.shown) or written.qualifier


@given(st.floats(min_value=10, max_value=1e11, allow_nan=False))
def test_any_amount_of_money_the_style_writes_reads_back(value: float) -> None:
    written = style.money(value)
    claim = only(f"HSI seized {written.text} in assets.")
    assert claim.kind == "money"
    assert claim.interval.contains(value)


@given(st.floats(min_value=0.1, max_value=999, allow_nan=False), st.integers(0, 2))
def test_any_percent_the_style_writes_reads_back(value: float, digits: int) -> None:
    written = style.percent(value, digits=digits)
    claim = only(f"In all, {written.text} of those arrested had a record.")
    assert claim.interval.contains(value)


@given(st.floats(min_value=-99, max_value=1000, allow_nan=False).filter(lambda v: abs(v) >= 0.1))
def test_any_change_the_style_writes_reads_back(value: float) -> None:
    for form in ("of", "adjective"):
        written = style.change(value, form=form)
        claim = only(f"Arrests rose, {written.text} on the year before.")
        assert claim.kind == "change"
        assert claim.interval.contains(value)


PIECES = st.sampled_from(
    [*"0123456789,.$% -\n:;()#*[]<>/&", "million", "more than ", "nearly ", "increase of ",
     "FY 2023", "<p>", "</li>", "- ", "1. ", "&amp;", "four", "doubled", " of the ",
     "including ", "up from ", "arrests", "half", "a third of a", "1 in 5", "nearly ",
     "twice as many", "the other ", " a day", "of the ", "representing ", "each of "]
)  # fmt: skip


@given(st.one_of(st.text(), st.lists(PIECES, max_size=40).map("".join)))
def test_any_text_is_checked_without_error_and_offsets_stay_inside(text: str) -> None:
    for claim in check(text).claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        assert claim.verdict in ("supported", "contradicted", "unverifiable")


@pytest.mark.parametrize(
    ("text", "shown", "sign"),
    [
        ("In FY 2018 the shop made 2,561 sales, 13 percent more.", "13 percent more", 1),
        ("In FY 2018 the shop made 2,561 sales, 13% lower, as prices rose.", "13% lower", -1),
        ("In FY 2019 it made 1,431 sales, about 10 percent below the 1,586 of FY 2018.",
         "about 10 percent below", -1),
        ("Sales were 12% above FY 2018 levels.", "12% above", 1),
    ],
)  # fmt: skip
def test_a_comparative_ending_its_clause_or_measured_against_a_value_is_a_change(
    text: str, shown: str, sign: int
) -> None:
    """ "13 percent more." and "10 percent below the 1,586" are changes, not shares; the value
    a change is below or above is the earlier one."""
    found = next(c for c in extract(text, None) if c.text == shown)
    assert (found.kind, found.direction) == ("change", sign)
    later = [c for c in extract(text, None) if c.start > found.end]
    assert all(c.role == "prior" for c in later)


def test_years_joined_by_through_are_a_span() -> None:
    claim = only("During fiscal years 2017 through 2020, the shop made 935,346 sales.")
    assert claim.fiscal_year is None and claim.span == (2017, 2020)
    calendar = only("From calendar years 2019 through 2022 it made 133,541 sales a year.")
    assert calendar.span is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In FY 2017 they made up more than a third of all sales.", "share"),
        ("In FY 2017 sales fell by more than a third.", "change"),
    ],
)
def test_a_fraction_after_a_verbs_own_up_is_a_share_not_a_change(text: str, kind: str) -> None:
    assert only(text).kind == kind


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The office made a hundred and forty-two thousand, seven hundred and fifty sales.", 142_750),
        ("It sold a hundred and ten thousand cars.", 110_000),
        ("It sold one thousand, two hundred cars.", 1_200),
        ("It sold about one-point-five million cars.", 1_500_000),
        ("It met one point nine six million people.", 1_960_000),
        ("Sales were up about nineteen and a half percent.", 19.5),
    ],
)  # fmt: skip
def test_spoken_numbers_read_whole(text: str, value: float) -> None:
    """As a transcript spells them: "a hundred and ...", and a thousand's comma before the rest."""
    assert only(text).value == value
    assert extract("He waited one and a half years.", 2023) == []  # a duration


def test_a_fold_after_a_fall_is_the_ratio_the_other_way() -> None:
    (found,) = extract("sales were down more than threefold", 2023)
    # the earlier value more than three (and less than four) times the later: -75% to -66.7%
    assert found.kind == "change" and found.direction == -1
    assert (round(found.interval.low, 2), round(found.interval.high, 2)) == (-75.0, -66.67)


@pytest.mark.parametrize(
    ("text", "ratio"),
    [("a four-fold rise", 4.0), ("a 3-fold rise", 3.0), ("a 12-fold rise", 12.0), ("sixfold", 6.0)],
)
def test_a_fold_is_read_however_it_is_spelled(text: str, ratio: float) -> None:
    (found,) = extract(f"Sales saw {text} in FY 2023.", 2023)
    assert found.kind == "change" and found.direction == 1
    low, high = 100 * (0.9 * ratio - 1), 100 * (1.1 * ratio - 1)
    assert (round(found.interval.low, 2), round(found.interval.high, 2)) == (
        round(low, 2),
        round(high, 2),
    )


def test_a_percent_in_parentheses_after_a_direction_is_a_change() -> None:
    (found,) = extract("Sales were slightly up (4.4 percent) from the previous year.", 2019)
    assert (found.text, found.kind, found.direction) == ("4.4 percent", "change", 1)


def test_a_plus_after_a_number_is_at_least_it() -> None:
    (found,) = extract("ICE removed 4,000+ gang members in FY 2020.", 2020)
    assert (found.text, found.qualifier, found.interval.low) == ("4,000+", "at least", 4000)
    assert [c.text for c in extract("a score of 5+3 in FY 2020", 2020)] == ["5", "3"]


def test_a_year_ending_the_line_above_is_no_part_of_a_scaled_phrase() -> None:
    # a digit runs into a phrase ("2 a quarter ...") only on its own line
    for text in (
        "Permits issued in 2019\n\nMore than a quarter of a million people applied.",
        "Permits issued in 2019\nMore than a quarter of a million people applied.",
    ):
        found = [c for c in extract(text) if "quarter" in c.text]
        assert [(c.text, c.kind, c.value) for c in found] == [
            ("More than a quarter of a million", "count", 250_000)
        ]


def test_money_with_its_unit_written_out_is_money() -> None:
    claims = extract("In FY 2019 HSI seized more than 775 million dollars and 9 USD.", 2019)
    assert [(c.kind, c.value) for c in claims] == [("money", 775_000_000), ("money", 9)]
