"""Which fiscal year a claim is about: the year rules of the claim checker (issue 14).

Every sentence here is written for these tests, and every figures table is a few rows
built in place: a claim's verdict is the fact each test states. One test per rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.claims_support import Checker, Row, claim, verdict
from yearbook.claims.context import vocabulary_mapping
from yearbook.claims.vocabulary import vocabulary_from_mapping
from yearbook.claims.years import last_ended, year_by_date
from yearbook.errors import DeclarationError


@pytest.fixture(scope="module")
def checked() -> Checker:
    return Checker.flagship()


REMOVALS: list[Row] = [
    ("ero.removals", 2022, 72_311),
    ("ero.removals", 2023, 61_297),
]
ARRESTS: list[Row] = [
    ("ero.admin_arrests", 2022, 148_210),
    ("ero.admin_arrests", 2023, 176_372),
]


# ------------------------------------------------------------------- text.py


def test_a_line_that_ends_a_sentence_ends_the_paragraph_its_year_reaches(
    checked: Checker,
) -> None:
    """The FY 2023 of the first line does not reach the next line: the heading's year does."""
    text = (
        "# Fiscal year 2022\n\n"
        "In FY 2023 the agency changed course.\n"
        "ERO removed 72,311 noncitizens."
    )
    assert verdict(checked(text, REMOVALS), "72,311") == ("ero.removals", 2022, "supported")
    # a line broken inside a sentence is still one paragraph, and its year carries
    wrapped = (
        "# Fiscal year 2022\n\n"
        "In FY 2023 the agency changed course and\n"
        "removed 61,297 noncitizens."
    )
    assert verdict(checked(wrapped, REMOVALS), "61,297") == ("ero.removals", 2023, "supported")


def test_month_abbreviations_end_no_sentence_and_their_days_are_no_claims(
    checked: Checker,
) -> None:
    text = (
        "FY 2022 opened on Oct. 1 and closed on Sept. 30 with a long backlog. "
        "That year ERO removed 72,311 noncitizens."
    )
    result = checked(text, REMOVALS)
    assert [c.text for c in result.claims] == ["72,311"]
    assert verdict(result, "72,311") == ("ero.removals", 2022, "supported")


# ---------------------------------------------------------------- extract.py


def test_lengths_of_time_are_no_claims_but_a_record_of_years_is(checked: Checker) -> None:
    text = (
        "In FY 2023 ERO removed 61,297 noncitizens over the 12 months ending in September. "
        "A 90-day period of surges followed. Arrests came to 176,372, a 15-year low."
    )
    result = checked(text, REMOVALS + ARRESTS)
    assert [c.text for c in result.claims] == ["61,297", "176,372", "15-year low"]
    assert verdict(result, "61,297") == ("ero.removals", 2023, "supported")


# ------------------------------------------------------------------ years.py


def test_a_year_opening_the_next_clause_belongs_to_the_next_claim(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2019, 151_908), ("ero.admin_arrests", 2020, 98_762)]
    text = "In FY 20 ERO recorded 98,762 arrests and in FY19 it recorded 151,908 arrests."
    result = checked(text, rows)
    assert verdict(result, "98,762") == ("ero.admin_arrests", 2020, "supported")
    assert verdict(result, "151,908") == ("ero.admin_arrests", 2019, "supported")


def test_a_value_beside_a_change_from_a_year_is_of_the_year_after(checked: Checker) -> None:
    """No other year in the paragraph: the count is FY 2023, the change FY 2022 to FY 2023."""
    text = "Officers made 176,372 administrative arrests, a 19.0% increase from FY 2022."
    result = checked(text, ARRESTS)
    assert verdict(result, "176,372") == ("ero.admin_arrests", 2023, "supported")
    change = claim(result, "a 19.0% increase")
    assert (change.metric, change.fiscal_year, change.verdict) == (
        "ero.admin_arrests",
        2023,
        "supported",
    )
    assert "from FY 2022 to FY 2023" in change.reason


def test_than_in_a_year_is_the_base_of_a_difference(checked: Checker) -> None:
    """176,372 - 148,210 = 28,162: a difference about FY 2023 on FY 2022."""
    result = checked("In FY 2023, officers made 28,162 more arrests than in FY 2022.", ARRESTS)
    found = claim(result, "28,162")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2023,
        "supported",
    )
    assert "FY 2023 less FY 2022" in found.reason
    wrong = checked("In FY 2023, officers made 31,500 more arrests than in FY 2022.", ARRESTS)
    assert verdict(wrong, "31,500") == ("ero.admin_arrests", 2023, "contradicted")


def test_than_last_year_is_a_base_and_the_claim_keeps_its_sentences_year(
    checked: Checker,
) -> None:
    """72,311 - 61,297 = 11,014 fewer: about FY 2023, on FY 2022."""
    text = "In FY 2023 the agency removed 61,297 noncitizens, about 11,000 fewer than last year."
    result = checked(text, REMOVALS)
    assert verdict(result, "61,297") == ("ero.removals", 2023, "supported")
    fewer = claim(result, "about 11,000")
    assert (fewer.metric, fewer.fiscal_year, fewer.verdict) == ("ero.removals", 2023, "supported")
    assert "FY 2022 less FY 2023" in fewer.reason


OLDER_REMOVALS: list[Row] = [
    ("ero.removals", 2017, 226_119),
    ("ero.removals", 2018, 256_085),
    ("ero.removals", 2019, 267_258),
]


FISCAL_OPENINGS = (
    "Money was short in budget year 2019.",
    "The 2019 financial year was a hard one.",
    "Our counts cover the year that ended in September.",
)


def test_budget_and_financial_years_make_bare_years_fiscal(checked: Checker) -> None:
    claim_text = " In 2018 the agency removed 256,085 people."
    for opening in FISCAL_OPENINGS:
        result = checked(opening + claim_text, OLDER_REMOVALS)
        assert verdict(result, "256,085") == ("ero.removals", 2018, "supported"), opening
    # a year that ends in December is a calendar year: 2018 stays one
    calendar = checked(
        "Our counts cover the year that ended in December." + claim_text, OLDER_REMOVALS
    )
    found = claim(calendar, "256,085")
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "calendar year 2018" in found.reason


def test_two_changes_after_a_value_are_of_its_year_on_two_bases(checked: Checker) -> None:
    """267,258 is 4.4% above FY 2018's 256,085 and 18.2% above FY 2017's 226,119."""
    text = (
        "In FY 2019 ERO removed 267,258 people. Removals were up 4.4% compared to FY 2018 "
        "and up 18.2% compared to FY 2017."
    )
    result = checked(text, OLDER_REMOVALS)
    first, second = (c for c in result.claims if c.kind == "change")
    assert (first.text, first.fiscal_year, first.verdict) == ("up 4.4%", 2019, "supported")
    assert (second.text, second.fiscal_year, second.verdict) == ("up 18.2%", 2019, "supported")
    assert "from FY 2018 to FY 2019" in first.reason
    assert "from FY 2017 to FY 2019" in second.reason


def test_a_text_that_says_calendar_years_never_reads_them_as_fiscal(checked: Checker) -> None:
    text = "These are calendar year 2018 counts. In 2018 the agency removed 256,085 people."
    found = claim(checked(text, OLDER_REMOVALS), "256,085")
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    undeclared = checked("In 2018 the agency removed 256,085 people.", OLDER_REMOVALS)
    assert verdict(undeclared, "256,085") == ("ero.removals", 2018, "supported")


def test_a_year_that_opens_the_next_clause_after_a_comma_is_that_clauses(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2022, 72_177)]
    text = "FY2021 saw very low removals (about 59,011), FY2022 rose modestly (about 72,177)."
    result = checked(text, rows)
    assert verdict(result, "about 59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "about 72,177") == ("ero.removals", 2022, "supported")


def test_a_year_named_past_the_next_value_of_one_clause_is_both_values(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2022, 72_177)]
    text = (
        "Fiscal year 2022 brought a new director. The office reported the removal of 59,011 "
        "people to 162 countries during fiscal year 2021."
    )
    assert verdict(checked(text, rows), "59,011") == ("ero.removals", 2021, "supported")
    # not past a break of clause: "..., and" opens another value's
    broken = (
        "In fiscal year 2022 the office removed 72,177 people, and it reported 162 countries "
        "of return in fiscal year 2021."
    )
    assert verdict(checked(broken, rows), "72,177") == ("ero.removals", 2022, "supported")


def test_in_comparison_to_names_a_base_year(checked: Checker) -> None:
    text = (
        "In fiscal year 2020, the agency carried out more than 185,000 removals, reflecting a "
        "30% decrease in comparison to fiscal year 2019."
    )
    rows: list[Row] = [*OLDER_REMOVALS, ("ero.removals", 2020, 185_884)]
    found = claim(checked(text, rows), "a 30% decrease")
    assert (found.fiscal_year, found.verdict) == (2020, "supported")
    assert "from FY 2019 to FY 2020" in found.reason


def test_during_this_time_is_the_time_the_sentence_before_named(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "From the start of the new administration in January through September, arrests rose "
        "40 percent. During this time, ERO made 110,568 arrests, which was 32,762 more than in "
        "FY2016."
    )
    result = checked(text, rows)
    for said in ("110,568", "32,762"):
        found = claim(result, said)
        assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
        assert "span of time" in found.reason
    # a sentence before that names a whole year leaves it that year's
    whole = "In FY2017 arrests rose 30 percent. During this time, ERO made 143,470 arrests."
    assert verdict(checked(whole, rows), "143,470") == ("ero.admin_arrests", 2017, "supported")


def test_a_quarter_written_q3_is_a_part_of_a_year_and_so_is_a_list_of_them(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        *OLDER_REMOVALS,
        ("ero.removals", 2022, 72_177),
        ("ero.removals", 2023, 142_580),
    ]
    listed = "Removals for Q2, Q3 of FY 2023 reflect a nearly 70% increase over Q3 of FY 2022."
    found = claim(checked(listed, rows), "a nearly 70% increase")
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "'Q3'" in found.reason
    one = claim(checked("In Q4 of FY 2023, ERO removed 48,000 people.", rows), "48,000")
    assert (one.verdict, one.fiscal_year) == ("unverifiable", None)


def test_as_of_a_month_is_a_part_of_a_year(checked: Checker) -> None:
    text = (
        "Key facts\n- 1As of February 2019, the agency had removed 38,491 people\n"
        "- 2In FY 2019 it removed 267,258 people"
    )
    found = claim(checked(text, OLDER_REMOVALS), "38,491")
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "As of February 2019" in found.reason
    # "since October", a month with no day or year: the part of the year since it began
    since = "In fiscal year 2019 the agency removed 10% fewer people since October."
    found = claim(checked(since, OLDER_REMOVALS), "10% fewer")
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "since October" in found.reason


def test_years_that_label_the_values_after_them_are_those_values_years(checked: Checker) -> None:
    text = "Removals      Fiscal Year 2022  72,311    Fiscal Year 2023  61,297"
    result = checked(text, REMOVALS)
    assert [claim(result, v).verdict for v in ("72,311", "61,297")] == ["supported"] * 2
    prose = "In FY 2021 the agency removed 72,311 people at the border in FY 2022 61,297 more."
    assert claim(checked(prose, REMOVALS), "72,311").fiscal_year == 2022  # a clause, not a label


def test_a_change_pointing_back_is_of_the_year_of_the_value_before_it(checked: Checker) -> None:
    rows: list[Row] = [
        *OLDER_REMOVALS,
        ("ero.removals", 2020, 185_884),
        ("ero.removals", 2021, 59_011),
    ]
    text = "In FY 2021 the agency removed 59,011 people. That is a 78 percent drop from FY 2019."
    found = claim(checked(text, rows), "a 78 percent drop")
    assert (found.verdict, found.fiscal_year) == ("supported", 2021)
    fifth = text.replace("That is a 78 percent drop from", "This is about one-fifth the number in")
    found = claim(checked(fifth, rows), "about one-fifth")
    assert (found.verdict, found.fiscal_year) == ("supported", 2021)


def test_values_compared_with_a_base_the_figures_date_are_of_the_year_after_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [*OLDER_REMOVALS, ("ero.removals", 2023, 142_580)]
    text = (
        "For the fiscal year that just ended, the agency removed 271,484 people, nearly "
        "doubling the 142,580 removals of the previous year. In FY 2019 it removed 267,258."
    )
    result = checked(text, rows)
    assert claim(result, "142,580").fiscal_year == 2023  # the one year it states
    assert claim(result, "271,484").fiscal_year == 2024  # so the value it is compared with
    assert claim(result, "nearly doubling").verdict == "supported"


def test_a_claim_dated_by_no_year_is_tried_as_of_the_texts_date(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2018, 158_581), ("ero.admin_arrests", 2019, 143_099)]
    text = "Arrests fell by 10 percent in the year to September from a year earlier."
    day = dt.date(2019, 12, 12)
    found = claim(checked(text, rows, day), "fell by 10 percent")
    assert (found.verdict, found.fiscal_year) == ("supported", 2019)
    assert "2019-12-12" in found.reason
    assert claim(checked(text, rows), "fell by 10 percent").verdict == "unverifiable"
    wrong = text.replace("10 percent", "30 percent")
    found = claim(checked(wrong, rows, day), "fell by 30 percent")
    assert found.verdict == "unverifiable" and "may mean another year" in found.reason
    named = "In FY 2019 arrests fell by 30 percent from a year earlier."
    assert claim(checked(named, rows, day), "fell by 30 percent").verdict == "contradicted"


def test_the_last_fiscal_year_ended_by_a_date() -> None:
    assert [last_ended(dt.date(*d)) for d in ((2019, 9, 29), (2019, 9, 30), (2019, 12, 12))] == [
        2018,
        2019,
        2019,
    ]


def test_the_final_months_of_a_year_are_a_part_of_it_and_say_so(checked: Checker) -> None:
    text = "In the final eight months of fiscal year 2023, arrests rose 42 percent."
    found = claim(checked(text, ARRESTS), "rose 42 percent")
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "final eight months" in found.reason


def test_a_change_lower_than_a_year_with_a_when_clause_is_of_the_year_after(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2021, 59_011)]
    text = (
        "In fiscal year 2021, total removals were 59,011. That is nearly 70 percent lower than "
        "fiscal year 2020, when the agency removed 185,884 people."
    )
    found = claim(checked(text, rows), "nearly 70 percent lower")
    assert (found.fiscal_year, found.verdict) == (2021, "supported")


def test_a_value_of_this_year_takes_no_year_from_the_one_it_is_compared_with(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2022, 72_177)]
    text = (
        "Removals have escalated, totaling 271,484 this fiscal year compared to 59,011 in FY 2021."
    )
    found = claim(checked(text, rows), "271,484")
    assert found.verdict == "unverifiable" and found.fiscal_year != 2022


def test_the_year_prior_in_a_values_own_clause_is_the_year_before_the_sentences(
    checked: Checker,
) -> None:
    text = "Removals in FY 2018 numbered 256,085, and the number the year prior was 226,119."
    result = checked(text, OLDER_REMOVALS)
    assert verdict(result, "256,085") == ("ero.removals", 2018, "supported")
    assert verdict(result, "226,119") == ("ero.removals", 2017, "supported")


def test_this_year_is_the_latest_year_the_text_names(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2018, 158_581)]
    rows.append(("ero.admin_arrests", 2017, 143_470))
    text = (
        "The office arrested 5,754 people during the 2018 fiscal year.\n\n"
        "The agency arrested 158,581 people across the whole country this year, a 44-percent "
        "increase from the 110,104 arrests in 2016."
    )
    result = checked(text, rows)
    assert verdict(result, "158,581") == ("ero.admin_arrests", 2018, "supported")
    found = claim(result, "a 44-percent increase")  # a hyphenated percent is a percent
    assert (found.fiscal_year, found.verdict) == (2018, "supported")


def test_a_rate_is_no_value_of_a_year_a_change_relates(checked: Checker) -> None:
    text = (
        "In FY 2019 the agency deported 267,258 people, or about 732 per day, a 4.4-percent "
        "increase from last fiscal year's 256,085."
    )
    found = claim(checked(text, OLDER_REMOVALS), "a 4.4-percent increase")
    assert found.verdict == "supported" and "256,085 to 267,258" in found.reason


def test_a_difference_from_a_calendar_year_is_of_the_year_named_before_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085), ("ero.removals", 2019, 267_258)]
    text = (
        "In 2019 alone, ICE deported about 267,000. The number of deportations increased by "
        "more than {} people from 2018."
    )
    found = claim(checked(text.format("10,000"), rows), "more than 10,000")
    assert (found.fiscal_year, found.verdict) == (2019, "supported")
    assert "FY 2019 less FY 2018 is 11,173" in found.reason
    # a calendar year is never contradicted as a fiscal one
    assert claim(checked(text.format("30,000"), rows), "more than 30,000").verdict == (
        "unverifiable"
    )
    # a value "from" a year is of that year
    pair = "Removals fell from 276,122 in 2019 to 81,547 in 2022."
    assert "calendar year 2019" in claim(checked(pair, rows), "276,122").reason


def test_a_change_between_two_calendar_years_is_read_as_those_fiscal_years(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2021, 59_011)]
    text = "In 2021, the removal of noncitizens decreased 68 percent below 2020 removal levels."
    found = claim(checked(text, rows), "decreased 68 percent")
    assert (found.fiscal_year, found.verdict) == (2021, "supported")
    wrong = "In 2021, the removal of noncitizens decreased 58 percent below 2020 removal levels."
    assert claim(checked(wrong, rows), "decreased 58 percent").verdict == "unverifiable"


def test_a_span_after_another_change_of_the_sentence_is_that_ones(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.removals", 2017, 226_119),
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
    ]
    text = (
        "Target deportations of noncitizens with a criminal conviction were set at 29,389. "
        "This number marks a 68% decrease from the target of 91,500 for FY22 and a 76% "
        "decrease from the average of the five-year targets from FY17-FY21."
    )
    assert claim(checked(text, rows), "a 68% decrease").fiscal_year != 2021  # not FY17-FY21
    # two changes the one clause joins share the span after them
    rows = [
        ("ero.admin_arrests", 2019, 143_099),
        ("ero.admin_arrests", 2020, 103_603),
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2020, 185_884),
    ]
    joined = "ICE arrests dropped by 28% and removals dropped by 30% between FY 2019 and FY 2020."
    found = claim(checked(joined, rows), "dropped by 28%")
    assert (found.fiscal_year, found.verdict) == (2020, "supported")
    assert "FY 2019 to FY 2020" in found.reason


def test_a_change_over_a_calendar_year_is_of_the_year_after_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2017, 143_470), ("ero.admin_arrests", 2018, 158_581)]
    text = "The agency reported an 11 % increase in arrest totals over 2017."
    found = claim(checked(text, rows), "an 11 % increase")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2018,
        "supported",
    )


def test_a_change_from_the_year_before_in_a_calendar_text_is_over_its_own_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2017, 143_470), ("ero.admin_arrests", 2018, 158_581)]
    said = (
        "Arrests kept rising in 2018, the most since 2014, marking an increase of {} from the "
        "year before."
    )
    found = claim(checked(said.format("11%"), rows), "an increase of 11%")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2018,
        "supported",
    )
    assert "FY 2017 to FY 2018" in found.reason  # not from 2014, the year a rank counts from
    # a calendar year is never contradicted as a fiscal one
    assert claim(checked(said.format("21%"), rows), "an increase of 21%").verdict == (
        "unverifiable"
    )


def test_a_fraction_of_the_annual_count_over_a_span_is_of_its_mean(checked: Checker) -> None:
    rows: list[Row] = [*TERM_YEARS, ("ero.removals", 2021, 59_011)]
    said = (
        "Just 59,011 people were removed in FY 2021. These historically low numbers are {} of "
        "the annual removals carried out in Fiscal Years 2018-2020, and about one-third of the "
        "total for FY 2020."
    )
    # the mean of 256,085, 267,258 and 185,884 is 236,409: 59,011 is 25.0% of it
    found = claim(checked(said.format("roughly a quarter"), rows), "roughly a quarter")
    assert (found.metric, found.fiscal_year, found.verdict) == ("ero.removals", 2021, "supported")
    assert "mean of FY 2018-FY 2020" in found.reason
    wrong = claim(checked(said.format("roughly half"), rows), "roughly half")
    assert wrong.verdict != "supported" and "not [-55, -45]" in wrong.reason
    # the span's years are not those of the next fraction of the sentence
    third = claim(checked(said.format("roughly a quarter"), rows), "about one-third")
    assert (found.fiscal_year, third.verdict) == (2021, "supported")


def test_a_change_against_the_average_of_a_span_is_checked_against_its_mean(
    checked: Checker,
) -> None:
    rows: list[Row] = [*TERM_YEARS, ("ero.removals", 2022, 72_177)]
    said = (
        "Removals in fiscal year 2022 stayed low, {} below the three-year average of removals "
        "between fiscal years 2018 and 2020."
    )
    # the mean of 256,085, 267,258 and 185,884 is 236,409: 72,177 is 69.5% below it
    found = claim(checked(said.format("nearly 70 percent"), rows), "nearly 70 percent below")
    assert (found.metric, found.fiscal_year, found.verdict) == ("ero.removals", 2022, "supported")
    assert "mean of FY 2018-FY 2020 (236,409)" in found.reason
    assert claim(checked(said.format("50 percent"), rows), "50 percent below").verdict == (
        "contradicted"
    )
    # in a text of calendar years it is read as fiscal years only where they bear it out
    calendar = (
        "Removals in 2022 stayed low, {} below the three-year average of removals between 2018 "
        "and 2020."
    )
    assert (
        claim(
            checked(calendar.format("nearly 70 percent"), rows), "nearly 70 percent below"
        ).verdict
        == "supported"
    )
    assert (
        claim(checked(calendar.format("50 percent"), rows), "50 percent below").verdict
        == "unverifiable"
    )


def test_a_multiple_of_what_they_were_over_a_span_is_of_its_mean(checked: Checker) -> None:
    rows: list[Row] = [*TERM_YEARS, ("ero.removals", 2022, 121_000)]
    said = "Removals in fiscal year 2022 were half what they were from 2018 to 2020."
    # the mean of 256,085, 267,258 and 185,884 is 236,409: 121,000 is 48.8% below it
    found = claim(checked(said, rows), "half")
    assert (found.metric, found.fiscal_year, found.verdict) == ("ero.removals", 2022, "supported")
    assert "mean of FY 2018-FY 2020" in found.reason


def test_a_change_that_points_back_to_a_part_of_a_year_is_of_that_part(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    said = (
        "In FY 2017 the office made 110,568 arrests between Jan. 20 and Sept. 30. That was a "
        "40 percent increase over the previous year."
    )
    found = claim(checked(said, rows), "a 40 percent increase")
    assert found.verdict == "unverifiable" and "Jan. 20" in found.reason
    # a change that names its own years is of them
    named = "In FY 2017 the office made 143,470 arrests. That was 30 percent more than in FY 2016."
    assert claim(checked(named, rows), "30 percent more").verdict == "supported"


def test_a_fiscal_year_named_by_both_its_calendar_years_is_the_later(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2019, 143_099), ("ero.admin_arrests", 2020, 103_603)]
    for named in ("2019-2020", "2019-20"):
        said = f"The office made 103,603 arrests in the {named} fiscal year."
        assert verdict(checked(said, rows), "103,603") == ("ero.admin_arrests", 2020, "supported")
    # a span of fiscal years stays a span
    span = "The office made 246,702 arrests over FY 2019-FY 2020."
    assert claim(checked(span, rows), "246,702").fiscal_year is None


def test_a_year_named_between_a_span_and_a_value_is_the_values(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2017, 143_470),
        ("ero.admin_arrests", 2018, 158_581),
        ("ero.admin_arrests", 2019, 143_099),
        ("ero.admin_arrests", 2020, 103_603),
    ]
    said = (
        "Arrests fell from the average 148,000 made during FY 2017-2019 and below FY 2020, "
        "which saw about 104,000 arrests."
    )
    assert verdict(checked(said, rows), "about 104,000") == (
        "ero.admin_arrests",
        2020,
        "supported",
    )


def test_a_change_from_a_period_is_never_contradicted_as_one_years(checked: Checker) -> None:
    rows: list[Row] = [*TERM_YEARS]
    said = (
        "Removals in fiscal year 2021 dropped by more than 50 percent from levels seen under Trump."
    )
    found = claim(checked(said, rows), "dropped by more than 50 percent")
    assert found.verdict == "unverifiable" and "period" in found.reason
    # a year named with the period is the base
    year = "Removals in fiscal year 2021 were 80% less than under Trump in FY2019."
    assert claim(checked(year, rows), "80% less").verdict == "contradicted"


def test_a_year_after_than_in_the_is_a_base_not_the_years_of_values_around_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2018, 158_581),
        ("ero.admin_arrests", 2019, 143_099),
        ("ero.published_average_daily_population", 2018, 42_188),
        ("ero.published_average_daily_population", 2019, 50_165),
    ]
    said = (
        "The office says it made 143,000 arrests in the year that ended Sept. 30. That's about "
        "15,000 fewer than in the 2018 budget year. It says the average number held in "
        "detention was 50,165."
    )
    result = checked(said, rows, published=dt.date(2019, 12, 12))
    assert claim(result, "about 15,000").fiscal_year == 2019
    # the year after "than in the" is a base, not carried to the next sentence
    assert verdict(result, "50,165") == (
        "ero.published_average_daily_population",
        2019,
        "supported",
    )


def test_the_year_before_after_a_named_base_is_never_contradicted_as_the_claims_own(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2016, 110_104),
        ("ero.admin_arrests", 2017, 143_470),
        ("ero.admin_arrests", 2018, 158_581),
    ]
    text = (
        "The 158,581 arrests ICE made in fiscal year 2018 mark an 11 percent increase from "
        "FY2017, and a 30 percent increase from the year before."
    )
    # FY 2017 rose 30.3% on FY 2016: "the year before" may be the one before FY 2017
    found = claim(checked(text, rows), "a 30 percent increase")
    assert found.verdict == "unverifiable" and "the year before FY 2017" in found.reason


def test_a_change_measured_against_a_term_is_never_contradicted_by_a_year_pair(
    checked: Checker,
) -> None:
    text = (
        "In the first term, from FY 2017 through FY 2019, the agency removed 749,462 people. "
        "Compared to the first term, the agency reduced removals by more than 41 percent."
    )
    found = claim(checked(text, OLDER_REMOVALS), "by more than 41 percent")
    assert found.verdict == "unverifiable" and "first term" in found.reason


def test_a_number_of_times_compares_with_the_year_named_after_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258), ("ero.removals", 2021, 59_011)]
    text = "In FY 2019 the office removed 267,258 people, more than four times the number removed in 2021."
    found = claim(checked(text, rows), "more than four times")
    assert (found.fiscal_year, found.verdict) == (2019, "supported")
    wrong = checked(text.replace("four times", "five times"), rows)
    assert claim(wrong, "more than five times").verdict == "contradicted"


def test_a_number_of_times_with_no_year_it_compares_with_is_never_contradicted(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258), ("ero.removals", 2020, 185_884)]
    rows.append(("ero.removals", 2021, 59_011))
    text = (
        "In FY 2021 the office removed 59,011 people. More than three times as many people, "
        "185,884, were removed in FY 2020."
    )
    found = claim(checked(text, rows), "More than three times")
    assert found.verdict != "contradicted"


def test_a_value_of_the_following_year_is_of_the_year_after_the_one_named(
    checked: Checker,
) -> None:
    text = "The agency deported 226,119 people in FY 2017 and removed 256,085 the following year."
    assert verdict(checked(text, OLDER_REMOVALS), "256,085") == ("ero.removals", 2018, "supported")


def test_a_multiple_worded_as_doubling_compares_with_the_year_named_after_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2021, 74_082), ("ero.admin_arrests", 2022, 142_750)]
    rows.append(("ero.admin_arrests", 2020, 103_603))
    text = (
        "In FY 2022 the office arrested 142,750 people, nearly doubling the number of arrests "
        "it made in 2021."
    )
    found = claim(checked(text, rows), "nearly doubling")
    assert (found.fiscal_year, found.verdict) == (2022, "supported")


def test_a_difference_is_measured_against_the_year_its_than_names(checked: Checker) -> None:
    text = (
        "In FY 2017 the agency removed 226,119 people, approximately 30,000 fewer than in FY 2018."
    )
    result = checked(text, OLDER_REMOVALS)
    found = claim(result, "approximately 30,000")
    assert found.verdict == "supported" and "FY 2018 less FY 2017 is 29,966" in found.reason
    wrong = checked(text.replace("approximately 30,000", "approximately 40,000"), OLDER_REMOVALS)
    assert claim(wrong, "approximately 40,000").verdict == "contradicted"


def test_a_change_over_a_span_of_calendar_years_is_tried_as_those_fiscal_years(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = "Although removals are down, arrests are up by about 30 percent from 2016 to 2017."
    found = claim(checked(text, rows), "up by about 30 percent")
    assert (found.fiscal_year, found.verdict) == (2017, "supported")
    wrong = checked(text.replace("about 30 percent", "about 50 percent"), rows)
    assert claim(wrong, "up by about 50 percent").verdict == "unverifiable"


def test_a_year_before_a_value_is_its_own_over_one_past_a_comma_after_it(
    checked: Checker,
) -> None:
    """A year after a comma that follows the value is a comparison's; the one before, with no
    other value between, is the value's own."""
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2021, 59_011)]
    text = "In FY 2020, the office removed 185,884 people, far above the FY 2021 number."
    assert verdict(checked(text, rows), "185,884") == ("ero.removals", 2020, "supported")
    listed = (
        "Removals rose from 65,332, or 27 percent of the total in FY2016, to 81,603, "
        "or 36 percent of the total, in FY2017."
    )
    assert claim(checked(listed, rows), "36 percent").fiscal_year == 2017


# arrests of FY 2016 to FY 2023 and removals of FY 2020 to FY 2023, as published
ARRESTS_BY_YEAR: list[Row] = [
    ("ero.admin_arrests", year, value)
    for year, value in zip(
        range(2016, 2024),
        (110_104, 143_470, 158_581, 143_099, 103_603, 74_082, 142_750, 170_590),
        strict=True,
    )
]
SPANISH = (
    "Según las cifras que la agencia dio a conocer este jueves, con los datos de sus "
    "oficinas para el año fiscal y de todo el país. "
)
"""A Spanish opening, so that a short test sentence is read as Spanish."""

REMOVALS_BY_YEAR: list[Row] = [
    ("ero.removals", year, value)
    for year, value in zip(range(2020, 2024), (185_884, 59_011, 72_177, 142_580), strict=True)
]


def test_so_far_in_a_fiscal_year_is_part_of_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119)]
    for said in ("So far in fiscal year 2017", "So far this fiscal year"):
        text = f"{said}, the agency deported 211,068 people."
        found = claim(checked(text, rows), "211,068")
        assert found.verdict == "unverifiable", found.reason  # a part: 226,119 is the whole
    spanish = SPANISH + "En lo que va del año fiscal 2017, la agencia deportó a 211.068 personas."
    assert claim(checked(spanish, rows), "211.068").verdict == "unverifiable"


def test_since_a_leader_took_control_is_a_part_of_a_year(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2021, 59_011)]
    for took in ("took control of the white house", "took over", "took office"):
        text = (
            "The report shows a drop in deportations during the 2021 fiscal year. Since "
            f"president smith {took} in january 2021 removals fell by about 70 percent."
        )
        found = claim(checked(text, rows), "fell by about 70 percent")
        assert (found.verdict, found.fiscal_year) == ("unverifiable", None), took


def test_a_value_past_and_also_is_another_clauses(checked: Checker) -> None:
    rows: list[Row] = [*REMOVALS_BY_YEAR, ("ero.removals", 2019, 267_258)]
    text = (
        "The latest numbers represent a 97.5% increase from fiscal 2022 and also exceed the "
        "high when ICE reported 267,000 removals in fiscal 2019."
    )
    found = claim(checked(text, rows), "a 97.5% increase")
    assert (found.fiscal_year, found.verdict) == (2023, "supported"), found.reason


def test_fiscal_year_with_two_following_years_is_the_one_they_end(checked: Checker) -> None:
    for said in ("fiscal year 2021-2022", "fiscal year 2021-22", "the 2021-2022 fiscal year"):
        text = f"In {said}, ICE made 72,177 removals."
        assert verdict(checked(text, REMOVALS_BY_YEAR), "72,177") == (
            "ero.removals",
            2022,
            "supported",
        )
    # years that do not follow one another are a span
    span = "In fiscal year 2020-2023, ICE made 459,652 removals."
    found = claim(checked(span, REMOVALS_BY_YEAR), "459,652")
    assert (found.fiscal_year, found.verdict) == (None, "supported")
    assert "FY 2020 to FY 2023 adds up to 459,652" in found.reason
    # the earlier of two values takes the year named after the later, less one
    both = "ICE made 59,011 removals, against 185,884 in fiscal year 2019-2020."
    assert verdict(checked(both, REMOVALS_BY_YEAR), "185,884")[1:] == (2020, "supported")


def test_a_value_a_percent_change_is_from_is_its_base(checked: Checker) -> None:
    """ "up 93% from 74,082 in fiscal 2021": 74,082 is the earlier value, so the change is of
    the year after it."""
    text = (
        "The office made 142,750 administrative arrests in the fiscal year that ended "
        "Sept. 30, up 93% from 74,082 in fiscal 2021."
    )
    found = claim(checked(text, ARRESTS_BY_YEAR), "up 93%")
    assert (found.fiscal_year, found.verdict) == (2022, "supported")


def test_a_value_another_is_a_multiple_of_gives_no_year_before_its_own(
    checked: Checker,
) -> None:
    text = (
        "The office released its fiscal 2022 report on Friday. It removed 72,177 people, a 22% "
        "increase over the previous year but still well under half the 185,884 removed in "
        "FY 2020."
    )
    result = checked(text, REMOVALS_BY_YEAR)
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")
    assert verdict(result, "a 22% increase") == ("ero.removals", 2022, "supported")


def test_a_count_more_at_the_end_of_its_clause_is_a_difference(checked: Checker) -> None:
    text = (
        "Officers made 158,581 administrative arrests in fiscal year 2018. That's up 11 percent "
        "from the 143,470 arrests they made a year earlier, or roughly 15,000 more."
    )
    result = checked(text, ARRESTS_BY_YEAR)
    assert claim(result, "roughly 15,000").verdict == "supported"
    assert claim(result, "up 11 percent").verdict == "supported"


def test_a_change_set_right_after_a_value_is_of_that_values_year(checked: Checker) -> None:
    """The change is of 2018, not of the later values of its sentence; and its base is the
    value it rose from, whose year the text does not give: never contradicted on a guess."""
    text = (
        "In fiscal terms, arrests rose from 110,104 in the last year of the old administration "
        "to 158,581 in 2018, a 44 percent increase, before sliding to 143,099 in 2019 and "
        "103,603 in 2020."
    )
    found = claim(checked(text, ARRESTS_BY_YEAR), "a 44 percent increase")
    assert (found.fiscal_year, found.verdict) == (2018, "supported")


def test_a_change_of_one_clause_is_not_read_against_the_values_of_the_next(
    checked: Checker,
) -> None:
    text = (
        "In FY 2023 arrests rose 19.5% from the prior year, and removals nearly doubled, to "
        "142,580 from 72,177."
    )
    rows = ARRESTS_BY_YEAR + REMOVALS_BY_YEAR
    assert claim(checked(text, rows), "rose 19.5%").verdict == "supported"


def test_a_value_after_a_year_in_the_possessive_is_of_that_year(checked: Checker) -> None:
    text = "Arrests went the other way in FY19: 143,099, nearly 10% fewer than FY18's 158,581."
    assert verdict(checked(text, ARRESTS_BY_YEAR), "158,581") == (
        "ero.admin_arrests",
        2018,
        "supported",
    )


def test_a_value_in_parentheses_after_a_year_is_of_that_year(checked: Checker) -> None:
    text = "Removals rose between fiscal 2021 (59,011) and fiscal 2023."
    assert verdict(checked(text, REMOVALS_BY_YEAR), "59,011") == ("ero.removals", 2021, "supported")


def test_a_year_the_sentence_calls_a_calendar_year_is_no_fiscal_year(checked: Checker) -> None:
    text = (
        "The office removed 185,884 people in fiscal 2020. Calendar 2020 removals were lower "
        "still, by an outside count, at around 164,000."
    )
    found = claim(checked(text, REMOVALS_BY_YEAR), "around 164,000")
    assert found.fiscal_year is None and found.verdict == "unverifiable"
    assert "calendar year 2020" in found.reason


def test_two_years_combined_are_a_span_whose_sum_is_checked(checked: Checker) -> None:
    text = "Across FY2021 and FY2022 combined, the office removed 131,188 people."
    assert claim(checked(text, REMOVALS_BY_YEAR), "131,188").verdict == "supported"


def test_a_span_total_set_against_a_multiple_keeps_its_span(checked: Checker) -> None:
    """ "about 3.4 times the 273,768" is no "from X to Y": the span's total is a sum."""
    rows = [
        *REMOVALS_BY_YEAR,
        ("ero.removals", 2017, 226119),
        ("ero.removals", 2018, 256085),
        ("ero.removals", 2019, 267258),
    ]
    text = (
        "The total for FY 2017 through FY 2020 was 935,346 removals, about 3.4 times the "
        "273,768 removed in the next three fiscal years."
    )
    assert claim(checked(text, rows), "935,346").verdict == "supported"


def test_a_value_set_below_another_is_no_base_of_the_years_before(checked: Checker) -> None:
    """ "still far below the 267,258 of fiscal 2019": no "up from", so the removals before it
    are not of FY 2020, and the change set right after it is the change from it."""
    rows = [*REMOVALS_BY_YEAR, ("ero.removals", 2019, 267258)]
    text = (
        "Arrests nearly doubled in fiscal 2022. Removals rose 22% to 72,177, still far below "
        "the 267,258 of fiscal 2019, a drop of 73%."
    )
    result = checked(text, rows)
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")
    assert claim(result, "rose 22%").verdict == "supported"
    assert claim(result, "a drop of 73%").verdict == "supported"


def test_a_change_in_a_later_clause_is_of_the_year_its_clause_names(checked: Checker) -> None:
    text = "In FY 2019 the office made 143,099 arrests; in FY 2023 it made about 19% more arrests."
    found = claim(checked(text, ARRESTS_BY_YEAR), "about 19% more")
    assert (found.fiscal_year, found.verdict) == (2023, "supported")


def test_a_value_of_that_year_is_of_the_year_named_last_before_it(checked: Checker) -> None:
    text = (
        "The office made 74,082 arrests in FY2021. Measured against fiscal 2019, the last full "
        "year before the pandemic, arrests fell by roughly half: it reported 143,099 that year."
    )
    assert verdict(checked(text, ARRESTS_BY_YEAR), "143,099") == (
        "ero.admin_arrests",
        2019,
        "supported",
    )


def test_last_year_in_a_dated_text_may_mean_the_year_before_its_date(checked: Checker) -> None:
    """Written in January 2024 about FY 2023, "last year" may be FY 2023, not FY 2022: tried
    as either, contradicted as neither."""
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.admin_arrests", 2023, 170_590),
        ("ero.removals", 2022, 72_177),
        ("ero.removals", 2023, 142_580),
    ]
    text = (
        "In fiscal year 2023 the office made 170,590 arrests; it removed 142,580 people last year."
    )
    found = claim(checked(text, rows, dt.date(2024, 1, 4)), "142,580")
    assert found.verdict == "supported", found.reason
    undated = claim(checked(text, rows), "142,580")
    assert (undated.fiscal_year, undated.verdict) == (2022, "contradicted")


def test_last_year_beside_a_years_report_may_mean_that_year(checked: Checker) -> None:
    """A year's report comes out the year after: "last year", beside "the 2023 annual report",
    may be FY 2023 as much as FY 2022. Tried as either, contradicted as neither."""
    rows: list[Row] = [("ero.removals", 2022, 72_177), ("ero.removals", 2023, 142_580)]
    said = "According to the {} annual report, the agency removed {} people last year."
    for report in ("2023", "FY 2023"):
        found = claim(checked(said.format(report, "more than 142,000"), rows), "more than 142,000")
        assert (found.fiscal_year, found.verdict) == (2023, "supported"), found.reason
        assert "'last year' beside the 2023 report" in found.reason
        other = claim(checked(said.format(report, "72,177"), rows), "72,177")
        assert (other.fiscal_year, other.verdict) == (2022, "supported")
        wrong = claim(checked(said.format(report, "95,000"), rows), "95,000")
        assert wrong.verdict == "unverifiable"
    written_after = "According to the report for 2023, the agency removed 142,580 people last year."
    assert claim(checked(written_after, rows), "142,580").verdict == "supported"
    # a year that names no report keeps "last year" the year before it
    plain_year = "In fiscal year 2023 the agency removed 142,580 people, and 72,177 last year."
    assert verdict(checked(plain_year, rows), "72,177") == ("ero.removals", 2022, "supported")


def test_a_count_a_year_after_a_span_is_its_yearly_average(checked: Checker) -> None:
    text = "Removals in FY21-FY23 came to 273,768, or roughly 91,000 a year."
    result = checked(text, REMOVALS_BY_YEAR)
    assert claim(result, "roughly 91,000").verdict == "supported"
    assert claim(result, "273,768").verdict == "supported"


def test_a_year_that_labels_the_next_value_is_not_the_one_before_it(checked: Checker) -> None:
    text = "Fiscal 2020:\n- 103,603 administrative arrests (FY 2019: 143,099; FY 2018: 158,581)"
    result = checked(text, ARRESTS_BY_YEAR)
    assert verdict(result, "103,603") == ("ero.admin_arrests", 2020, "supported")
    assert verdict(result, "143,099") == ("ero.admin_arrests", 2019, "supported")


def test_a_fraction_of_the_count_in_a_year_names_a_base_not_its_own_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2020, 185_884),
        ("ero.removals", 2021, 59_011),
    ]
    text = (
        "In fiscal 2021 the office removed 59,011 people. This is less than a third of the removals "
        "in 2020 and about one-fifth the number in 2019."
    )
    found = claim(checked(text, rows), "about one-fifth")
    assert (found.fiscal_year, found.verdict) == (2021, "supported")


def test_a_year_of_the_next_clause_is_not_a_changes_own(checked: Checker) -> None:
    text = (
        "The office made 110,104 arrests in FY16. In FY17 that jumped to 143,470, a rise of "
        "about 30 percent, and in FY18 it climbed again to 158,581."
    )
    found = claim(checked(text, ARRESTS_BY_YEAR), "a rise of about 30 percent")
    assert (found.fiscal_year, found.verdict) == (2017, "supported")


def test_a_sentence_opening_with_years_counted_from_the_last_named_takes_them(
    checked: Checker,
) -> None:
    """ "Two years earlier it was 110,000. That's an increase of more than 44 percent": the
    value is of FY 2016, and the change that points back is from it to FY 2018's."""
    text = (
        "In fiscal 2018 the office made 158,581 administrative arrests. Two years earlier it "
        "was 110,104. That's an increase of more than 44 percent."
    )
    result = checked(text, ARRESTS_BY_YEAR)
    assert verdict(result, "110,104") == ("ero.admin_arrests", 2016, "supported")
    found = claim(result, "an increase of more than 44 percent")
    assert (found.fiscal_year, found.verdict) == (2018, "supported")
    later = (
        "In fiscal 2019 the office removed 267,258 people. Three years later it removed 72,177, "
        "a drop of roughly 73 percent."
    )
    rows: list[Row] = [*REMOVALS_BY_YEAR, ("ero.removals", 2019, 267_258)]
    dropped = claim(checked(later, rows), "a drop of roughly 73 percent")
    assert (dropped.fiscal_year, dropped.verdict) == (2022, "supported")


def test_a_base_year_after_a_comparative_change_is_its_base(checked: Checker) -> None:
    text = (
        "Arrests peaked at 158,581 in FY18, bottomed out at 74,082 in FY21 and recovered to "
        "170,590 in FY23, the highest of the series \u2014 7.6 percent above the FY18 level."
    )
    found = claim(checked(text, ARRESTS_BY_YEAR), "7.6 percent above")
    assert (found.fiscal_year, found.verdict) == (2023, "supported")
    assert "from FY 2018 to FY 2023" in " ".join(c.reason for c in found.checks)


def test_values_listed_after_a_span_and_a_colon_are_of_its_years_in_order(
    checked: Checker,
) -> None:
    text = (
        "In the three fiscal years from 2021 through 2023, the office removed 273,768 people: "
        "59,011, 72,177 and 142,580."
    )
    result = checked(text, REMOVALS_BY_YEAR)
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")
    assert verdict(result, "142,580") == ("ero.removals", 2023, "supported")
    assert claim(result, "273,768").verdict == "supported"


def test_values_after_then_follow_the_year_before_them(checked: Checker) -> None:
    text = (
        "Arrests follow a different curve. 110,104 in FY16, peaking at 158,581 in FY18, then "
        "143,099, 103,603, 74,082."
    )
    result = checked(text, ARRESTS_BY_YEAR)
    assert verdict(result, "103,603") == ("ero.admin_arrests", 2020, "supported")
    assert verdict(result, "74,082") == ("ero.admin_arrests", 2021, "supported")


def test_changes_from_named_base_years_are_of_the_value_pointed_back_to(
    checked: Checker,
) -> None:
    """ "That's down 48% from FY2019 (143,099) and down 53% from the FY2018 high of 158,581":
    each value is of the year before it, and both changes are of FY 2021's value."""
    text = (
        "Administrative arrests in FY 2021: 74,082. That's down 48% from FY2019 (143,099) and "
        "down 53% from the FY2018 high of 158,581."
    )
    result = checked(text, ARRESTS_BY_YEAR)
    assert verdict(result, "143,099") == ("ero.admin_arrests", 2019, "supported")
    assert verdict(result, "158,581") == ("ero.admin_arrests", 2018, "supported")
    for change in ("down 48%", "down 53%"):
        found = claim(result, change)
        assert (found.fiscal_year, found.verdict) == (2021, "supported")


def test_a_bare_year_right_after_a_fiscal_year_is_its_own_mention(checked: Checker) -> None:
    text = "Arrests, FY2016-FY2020: 2016: 110,104 / 2017: 143,470 / 2018: 158,581."
    result = checked(text, ARRESTS_BY_YEAR)
    assert verdict(result, "110,104") == ("ero.admin_arrests", 2016, "supported")


def test_a_yearly_average_over_years_its_sentence_does_not_name_is_never_contradicted(
    checked: Checker,
) -> None:
    rows: list[Row] = [*REMOVALS_BY_YEAR, ("ero.removals", 2016, 240_255)]
    text = (
        "In fiscal 2016 the office removed 240,255 people. Add the four later years together "
        "and you get more than 935,000 removals, or roughly 234,000 a year."
    )
    assert claim(checked(text, rows), "roughly 234,000").verdict != "contradicted"


def test_comparison_values_name_bases_not_the_years_of_the_changes_around_them(
    checked: Checker,
) -> None:
    rows: list[Row] = [*REMOVALS_BY_YEAR, ("ero.removals", 2019, 267_258)]
    rose = "In FY 2023 removals rose from 72,177 in FY2022, an increase of about 98%."
    found = claim(checked(rose, rows), "an increase of about 98%")
    assert (found.fiscal_year, found.verdict) == (2023, "supported")
    fewer = (
        "The office made 74,082 arrests in fiscal 2021. That is about 28% fewer than the "
        "103,603 made in fiscal 2020, and roughly half the 2019 tally of just over 143,000."
    )
    half = claim(checked(fewer, ARRESTS_BY_YEAR), "roughly half")
    assert (half.fiscal_year, half.verdict) == (2021, "supported")


def test_a_whole_percent_may_be_cut_short_as_writers_cut_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2016, 240_255), ("ero.removals", 2023, 142_580)]
    text = "FY2023 removals were 40% below the FY2016 figure of 240,255."
    assert claim(checked(text, rows), "40% below").verdict == "supported"
    wrong = checked(text.replace("40% below", "42% below"), rows)
    assert claim(wrong, "42% below").verdict == "contradicted"
    # a year's own change (19.50% on the year before) misrounded is no cutting short
    adjacent = "In FY 2023 the office made 170,590 arrests, an increase of 19% over FY 2022."
    assert claim(checked(adjacent, ARRESTS_BY_YEAR), "an increase of 19%").verdict == (
        "contradicted"
    )


def test_a_value_of_a_paragraph_naming_several_years_is_never_contradicted_by_the_first(
    checked: Checker,
) -> None:
    text = (
        "Detention shrank from an average of 50,165 people a day in fiscal 2019 to about 28,300 "
        "in fiscal 2023. Even so, 170,590 arrests is no small number."
    )
    assert claim(checked(text, ARRESTS_BY_YEAR), "170,590").verdict != "contradicted"


def test_a_change_that_points_back_takes_the_documents_year_of_the_value_before_it(
    checked: Checker,
) -> None:
    text = (
        "The office finally published its FY2021 numbers.\n\nAdministrative arrests: 74,082. "
        "That's down 48% from FY2019 (143,099)."
    )
    found = claim(checked(text, ARRESTS_BY_YEAR), "down 48%")
    assert (found.fiscal_year, found.verdict) == (2021, "supported")


def test_the_fiscal_year_that_ended_on_its_last_day_is_the_one_the_date_ends(
    checked: Checker,
) -> None:
    """ "in the fiscal year that ended Sept. 30", in a story of late December 2023: FY 2023,
    for every value the text gives no other year; with no date, no year follows from it."""
    text = (
        "Arrests rose again in the fiscal year that ended Sept. 30.\n\n"
        "Officers made 170,590 administrative arrests, compared with 142,750 a year earlier. "
        "Arrests are now more than double their fiscal 2021 level of 74,082."
    )
    dated = checked(text, ARRESTS_BY_YEAR, dt.date(2023, 12, 30))
    assert verdict(dated, "170,590") == ("ero.admin_arrests", 2023, "supported")
    assert claim(dated, "more than double").verdict == "supported"
    assert (
        year_by_date("the fiscal year which ended September 30, 2019", dt.date(2023, 12, 30))
        is None
    )


def test_a_calendar_year_before_an_equals_sign_labels_the_value_after_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.removals", 2017, 226_119),
        ("ero.removals", 2018, 256_085),
        ("ero.removals", 2019, 267_258),
    ]
    text = (
        "Removals by year, as the agency counts them: 2017 \u2248 226,119 (its report), "
        "2018 = 256,085, 2019 = 267,258."
    )
    result = checked(text, rows)
    assert [verdict(result, v) for v in ("226,119", "256,085", "267,258")] == [
        ("ero.removals", 2017, "supported"),
        ("ero.removals", 2018, "supported"),
        ("ero.removals", 2019, "supported"),
    ]


def test_a_second_change_from_one_year_to_another_is_of_the_later_year() -> None:
    from yearbook.claims.extract import extract

    text = (
        "Sales show a 32% increase from FY 2021 to FY 2022 and a 97% increase from 2022 FY to "
        "2023 FY."
    )
    assert [(c.fiscal_year, c.base_year) for c in extract(text, None)] == [
        (2022, 2021),
        (2023, 2022),
    ]


def test_a_relative_year_before_the_first_value_of_a_sentence_is_its_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2016, 240_255), ("ero.removals", 2017, 226_119)]
    text = (
        "At least 226,119 people were removed in fiscal year 2017. "
        "The agency removed more people the year before, at 240,255."
    )
    assert verdict(checked(text, rows), "240,255") == ("ero.removals", 2016, "supported")
    # a base, not its year: "more than the year before" compares with it
    base = "In fiscal year 2017 the agency removed 226,119, fewer than the year before."
    assert verdict(checked(base, rows), "226,119") == ("ero.removals", 2017, "supported")


def test_a_time_of_reporting_before_a_value_of_a_named_year_is_no_span(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2021, 74_082)]
    text = "The agency reported late last week that arrests fell sharply to just 74,082 in FY21."
    assert verdict(checked(text, rows), "74,082") == ("ero.admin_arrests", 2021, "supported")


def test_a_time_of_office_before_values_of_named_years_is_no_span(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2016, 240_255), ("ero.removals", 2017, 226_119)]
    text = (
        "A year after the new director took office, the agency reported a drop in removals "
        "from 240,255 in 2016 to 226,119 in 2017."
    )
    result = checked(text, rows)
    assert verdict(result, "240,255") == ("ero.removals", 2016, "supported")
    assert verdict(result, "226,119") == ("ero.removals", 2017, "supported")


def test_when_a_report_came_out_is_no_period_of_its_claims(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2022, 72_177), ("ero.removals", 2023, 142_580)]
    said = (
        "ICE removed 142,580 people in fiscal year 2023. In its annual report released last "
        "week, ICE noted that its number of removals was double those of the previous year."
    )
    assert verdict(checked(said, rows), "double") == ("ero.removals", 2023, "supported")
    # a part of a year after the time it was said still is the claim's period
    part = "ICE removed 142,580 people in fiscal year 2023. It said last week that removals in the past six months were 72,177."
    found = claim(checked(part, rows), "72,177")
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "past six months" in found.reason


def test_a_count_of_every_year_going_back_to_one_is_of_no_one_year(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.removals", 2021, 59_011)]
    said = "ICE removed 59,011 people in fiscal year 2021. Before that it removed 226,119 or more every fiscal year going back to 2008."
    found = claim(checked(said, rows), "226,119")
    assert found.verdict == "unverifiable"
    assert "going back to 2008" in found.reason


def test_a_ranges_first_number_is_of_the_period_its_second_is(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.removals", 2021, 59_011)]
    said = (
        "ICE removed 59,011 people in fiscal year 2021. Before that it made between "
        "226,000\u2013410,000 removals every fiscal year going back to 2008."
    )
    first = claim(checked(said, rows), "226,000")
    assert (first.verdict, first.fiscal_year) == ("unverifiable", None)
    assert "going back to 2008" in first.reason


def test_a_month_named_without_its_year_is_a_part_of_a_year(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2019, 143_099)]
    lead = "ICE made 143,099 arrests in fiscal year 2019. "
    month = claim(checked(lead + "In May, agents made 132,887 arrests.", rows), "132,887")
    assert (month.verdict, month.fiscal_year) == ("unverifiable", None)
    assert "In May" in month.reason
    # the month that ends a fiscal year, or one dated by its year, is no part of the claim's
    for said in (
        "In the fiscal year that ended in September, ICE made 143,099 arrests.",
        "After a rule expired in May 2019, ICE made 143,099 arrests in fiscal year 2019.",
    ):
        assert verdict(checked(said, rows), "143,099") == ("ero.admin_arrests", 2019, "supported")


def test_may_the_month_names_a_part_of_a_year_a_figure_is_about(checked: Checker) -> None:
    # the pack names FY 2023's Title 42 expulsions "before May 12 2023", when the order ended
    rows: list[Row] = [("title42_expulsions", 2023, 62_545), ("ero.removals", 2023, 142_580)]
    said = (
        "ICE removed 142,580 people in fiscal year 2023. More than 60,000 people were expelled "
        "prior to May 12 under the Title 42 health order."
    )
    assert verdict(checked(said, rows), "More than 60,000") == (
        "title42_expulsions",
        2023,
        "supported",
    )
    # "may", the verb, still says nothing
    plain = "ICE may remove 142,580 people in fiscal year 2023."
    assert verdict(checked(plain, rows), "142,580") == ("ero.removals", 2023, "supported")


# ----------------------------------------------------------------- periods.py

TERM_YEARS: list[Row] = [
    ("ero.removals", 2016, 240_255),
    ("ero.removals", 2017, 226_119),
    ("ero.removals", 2018, 256_085),
    ("ero.removals", 2019, 267_258),
    ("ero.removals", 2020, 185_884),
    ("ero.removals", 2021, 59_011),
]


def test_a_count_under_a_named_period_is_checked_against_its_years(checked: Checker) -> None:
    # the pack names Trump's first term FY 2017 to FY 2020: 935,346 removals in all
    said = "Under Trump, ICE deported {} people."
    total = claim(checked(said.format("more than 935,000"), TERM_YEARS), "more than 935,000")
    assert (total.metric, total.verdict) == ("ero.removals", "supported")
    assert "FY 2017 to FY 2020 adds up to 935,346" in total.reason
    assert claim(checked(said.format("2 million"), TERM_YEARS), "2 million").verdict == (
        "contradicted"
    )
    # one year's figure of the period is no misstated total
    one_year = "Under Trump, ICE deported 256,085 people in a single year."
    assert verdict(checked(one_year, TERM_YEARS), "256,085") == ("ero.removals", 2018, "supported")


def test_a_second_total_of_a_span_the_text_already_gave_right_is_no_misstatement(
    checked: Checker,
) -> None:
    said = (
        "More than 935,000 people were removed by ICE under Trump. An analyst said Trump's "
        "deportation numbers ended at more than {}."
    )
    other = claim(checked(said.format("1.5 million"), TERM_YEARS), "more than 1.5 million")
    assert other.verdict == "unverifiable"
    # alone, it is the sum's misstatement
    alone = "Under Trump, ICE deported more than 1.5 million people."
    assert claim(checked(alone, TERM_YEARS), "more than 1.5 million").verdict == "contradicted"


def test_a_count_a_year_under_a_named_period_is_its_years_mean(checked: Checker) -> None:
    # FY 2017 to FY 2020 average 233,836 removals a year
    said = "Under Trump, ICE deported about {} people a year."
    mean = claim(checked(said.format("234,000"), TERM_YEARS), "about 234,000")
    assert (mean.metric, mean.verdict) == ("ero.removals", "supported")
    assert "FY 2017 to FY 2020 averages 233,836" in mean.reason
    spans = "Between FY 2017 and FY 2020 ICE removed 234,000 people per year."
    assert claim(checked(spans, TERM_YEARS), "234,000").verdict == "supported"
    assert claim(checked(said.format("250,000"), TERM_YEARS), "about 250,000").verdict == (
        "contradicted"
    )


def test_a_count_in_some_years_of_named_periods_is_met_by_one_year_of_each(
    checked: Checker,
) -> None:
    # the pack names Obama FY 2009-2016 and Trump FY 2017-2020; FY 2019 is Trump's highest
    said = "Under Trump, deportations topped {} in some years."
    met = claim(checked(said.format("260,000"), TERM_YEARS), "topped 260,000")
    assert (met.metric, met.verdict) == ("ero.removals", "supported"), met.reason
    missed = claim(checked(said.format("300,000"), TERM_YEARS), "topped 300,000")
    assert missed.verdict == "contradicted", missed.reason
    # no year of Trump's meets it, whatever Obama's years (which the figures lack) did
    both = "Under both the Obama and Trump administrations, deportations often exceed 300,000."
    assert claim(checked(both, TERM_YEARS), "exceed 300,000").verdict == "contradicted"
    # a period whose years the figures do not all hold decides nothing
    obama = "Under Obama, deportations topped 400,000 in some years."
    assert claim(checked(obama, TERM_YEARS), "topped 400,000").verdict == "unverifiable"
    # "sometimes" of something else, in a sentence that gives its year
    other = (
        "The deportations are in addition to nearly 200,000 expulsions in the past fiscal year, "
        "a power Trump gave border officials to remove people, sometimes in hours."
    )
    assert claim(checked(other, TERM_YEARS), "nearly 200,000").verdict == "unverifiable"


def test_a_count_of_years_as_long_as_the_named_period_is_that_period(checked: Checker) -> None:
    said = "In the end, Trump managed around {} deportations in {} years."
    total = claim(checked(said.format("a million", "four"), TERM_YEARS), "around a million")
    assert (total.metric, total.verdict) == ("ero.removals", "supported"), total.reason
    assert "FY 2017 to FY 2020 adds up to 935,346" in total.reason
    wrong = claim(checked(said.format("2 million", "four"), TERM_YEARS), "around 2 million")
    assert wrong.verdict == "contradicted"
    # three years of a four-year period: which three, the text does not say
    three = claim(checked(said.format("700,000", "three"), TERM_YEARS), "around 700,000")
    assert three.verdict == "unverifiable"


def test_values_listed_after_a_run_of_a_periods_years_take_them_in_order(
    checked: Checker,
) -> None:
    text = "In Trump's first two years, ICE removed 226,119 and 256,085 people."
    assert verdict(checked(text, TERM_YEARS), "226,119") == ("ero.removals", 2017, "supported")
    assert verdict(checked(text, TERM_YEARS), "256,085") == ("ero.removals", 2018, "supported")
    last = "In Obama's final two years, ICE removals dropped to about 235,000 and 240,000."
    assert verdict(checked(last, TERM_YEARS), "240,000") == ("ero.removals", 2016, "supported")
    # one value of a two-year run is their sum, or of neither year
    one = "In Trump's first two years, ICE removed 226,119 people."
    assert claim(checked(one, TERM_YEARS), "226,119").verdict == "unverifiable"


def test_a_sentence_after_us_may_open_with_a_preposition(checked: Checker) -> None:
    text = (
        "Deportations fell to just 59,011 in FY21, despite a historic year of migrants entering "
        "the U.S. Under Trump, deportations topped 300,000 in some years."
    )
    assert claim(checked(text, TERM_YEARS), "topped 300,000").verdict == "contradicted"


def test_a_named_periods_first_or_last_year_is_one_fiscal_year(checked: Checker) -> None:
    first = "Trump's first year removals ({}) were well above the years after it."
    assert verdict(checked(first.format("226,119"), TERM_YEARS), "226,119") == (
        "ero.removals",
        2017,
        "supported",
    )
    assert claim(checked(first.format("295,000"), TERM_YEARS), "295,000").verdict == (
        "contradicted"
    )
    last = "ICE deported 185,884 people during the last year of the Trump administration."
    assert verdict(checked(last, TERM_YEARS), "185,884") == ("ero.removals", 2020, "supported")
    # the reason names the period once, possessive or not
    unheld = "Removals Fell 6% in Trump's First Year - 45% Drop for Criminal Aliens"
    why = claim(checked(unheld, TERM_YEARS), "45% Drop").reason
    assert "of Trump's first year, FY 2017" in why and "'s's" not in why


def test_a_peak_a_named_period_owns_is_of_that_period(checked: Checker) -> None:
    said = "In FY 2018, there were about 256,000 deportations, a significant decline from {}."
    owned = claim(checked(said.format("Obama's peak of 400,000"), TERM_YEARS), "400,000")
    assert (owned.fiscal_year, owned.verdict) == (None, "unverifiable")
    assert "Obama's peak" in owned.reason
    # a value no period owns is still of the year its sentence names
    plain = claim(checked(said.format("a peak of 400,000"), TERM_YEARS), "400,000")
    assert plain.verdict == "contradicted"


def test_a_period_named_after_than_is_the_other_values(checked: Checker) -> None:
    said = "ICE removed 13,000 more people than in fiscal year 2021 but far fewer than the last full year under Trump."
    rows = [*TERM_YEARS, ("ero.removals", 2022, 72_177)]
    assert claim(checked(said, rows), "13,000").verdict != "contradicted"


def test_a_name_a_later_text_may_use_for_a_later_period_is_not_read_as_the_earlier(
    checked: Checker,
) -> None:
    said = "Under Trump, ICE deported 2 million people."
    early = claim(checked(said, TERM_YEARS, published=dt.date(2021, 3, 1)), "2 million")
    assert early.verdict == "contradicted"
    late = claim(checked(said, TERM_YEARS, published=dt.date(2025, 6, 1)), "2 million")
    assert late.verdict == "unverifiable"
    undated = "In 2025, ICE said that under Trump it had deported 2 million people."
    assert claim(checked(undated, TERM_YEARS), "2 million").verdict == "unverifiable"


def test_a_packs_periods_are_read_checked_and_written_back() -> None:
    words = vocabulary_from_mapping(
        {
            "claims": {
                "periods": [{"names": ["Smith"], "years": [2017, 2020], "until": "2025-01-20"}]
            }
        }
    )
    assert words.periods[0].first == 2017 and words.periods[0].until == dt.date(2025, 1, 20)
    assert vocabulary_from_mapping(vocabulary_mapping(words)) == words
    for bad in ({"names": ["Smith"]}, {"names": ["Smith"], "years": [2020, 2017]}):
        with pytest.raises(DeclarationError, match="claims.periods"):
            vocabulary_from_mapping({"claims": {"periods": [bad]}})


def test_a_span_of_months_is_part_of_a_year(
    checked: Checker,
) -> None:
    months = "The office made 102,410 administrative arrests from January to November 2023."
    span = claim(checked(months, ARRESTS), "102,410")
    assert span.verdict == "unverifiable" and "November" in span.reason
    same = "Arrests through November 2023 were 28% below the same time in 2022."
    assert claim(checked(same, ARRESTS), "28% below").verdict == "unverifiable"
    # a span that ends where a fiscal year ends is that year
    whole = "In the year through September 2023, the office made 176,372 administrative arrests."
    assert verdict(checked(whole, ARRESTS), "176,372") == ("ero.admin_arrests", 2023, "supported")
    # a dash between two months, with spaces, bounds the span, not the claim's clause
    for dash in (" \u2013 ", "-", " to "):
        dashed = f"The office made 102,410 administrative arrests from February{dash}August 2023."
        found = claim(checked(dashed, ARRESTS), "102,410")
        assert found.verdict == "unverifiable" and "February" in found.reason, dash
    year = "The office made 176,372 administrative arrests from October \u2013 September, 2023."
    assert verdict(checked(year, ARRESTS), "176,372") == ("ero.admin_arrests", 2023, "supported")


def test_a_value_in_parentheses_after_a_relative_year_is_of_that_year(checked: Checker) -> None:
    said = "The office removed 18 percent fewer people in FY 2023 than last year (72,311)."
    assert verdict(checked(said, REMOVALS), "72,311") == ("ero.removals", 2022, "supported")


def test_two_changes_joined_by_and_share_the_base_named_after_the_second(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2019, 143_099),
        ("ero.admin_arrests", 2020, 103_603),
        ("ero.admin_arrests", 2021, 74_082),
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2020, 185_884),
        ("ero.removals", 2021, 59_011),
    ]
    said = (
        "The FY 2021 report showed interior arrests dropping nearly 50 percent and deportations getting "
        "slashed by 78 percent since fiscal year 2019."
    )
    result = checked(said, rows)
    assert verdict(result, "dropping nearly 50 percent") == (
        "ero.admin_arrests",
        2021,
        "supported",
    )
    assert verdict(result, "slashed by 78 percent") == ("ero.removals", 2021, "supported")


def test_a_multiple_of_one_year_from_another_is_of_the_first(checked: Checker) -> None:
    said = (
        "The office made 142,750 arrests in fiscal year 2022. It reported arresting roughly "
        "double the number of people in 2022 from 2021."
    )
    rows: list[Row] = [
        ("ero.admin_arrests", 2021, 74_082),
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.admin_arrests", 2023, 170_590),
    ]
    assert verdict(checked(said, rows), "roughly double") == (
        "ero.admin_arrests",
        2022,
        "supported",
    )


def test_a_period_named_right_after_a_number_is_its_own_not_the_sentences_first(
    checked: Checker,
) -> None:
    said = (
        "Analysts count 1.5 million deportations during Trump's first term, compared with "
        "about 1.1 million in the early Biden years."
    )
    assert claim(checked(said, TERM_YEARS), "about 1.1 million").verdict == "unverifiable"


def test_a_part_of_a_year_after_the_comma_that_ends_its_year_is_the_claims(
    checked: Checker,
) -> None:
    said = "The office reported an average daily population of 48,006 for FY2019, through June 22."
    rows: list[Row] = [("ero.published_average_daily_population", 2019, 50_165)]
    found = claim(checked(said, rows), "48,006")
    assert found.verdict == "unverifiable" and "June" in found.reason


def test_the_whole_a_part_of_a_year_is_taken_of_keeps_its_year(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2020, 185_884)]
    text = (
        "In FY 2021 the agency's removals fell to a low. Just 28,677 of the 59,011 removals "
        "took place after Feb. 18."
    )
    result = checked(text, rows)
    whole = claim(result, "59,011")
    assert (whole.verdict, whole.fiscal_year) == ("supported", 2021)
    part = claim(result, "28,677")
    assert part.verdict == "unverifiable"  # no figure of the part after Feb. 18 here


def test_this_fiscal_year_after_a_value_is_not_the_year_named_before_it(
    checked: Checker,
) -> None:
    rows = TERM_YEARS
    text = (
        "Under Trump, removals fell to 226,119 in fiscal 2017, then rose to over 250,000 in fiscal "
        "2018 and hit 282,242 this fiscal year."
    )
    found = claim(checked(text, rows), "282,242")
    # not FY 2018's 256,085, nor a sum over the period's years: a year only the date tells
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "FY 2018" not in found.reason
    summed = claim(checked(text.replace("282,242", "935,346"), rows), "935,346")
    assert summed.verdict == "unverifiable"  # one year, not the four years' 935,346


def test_years_ago_count_back_from_the_latest_year_of_the_sentence(checked: Checker) -> None:
    text = (
        "Arrests fell sharply to just 74,082 in FY21; for context, this is down from 103,000 in "
        "FY20 and 143,000 two fiscal years ago."
    )
    assert verdict(checked(text, ARRESTS_BY_YEAR), "143,000") == (
        "ero.admin_arrests",
        2019,
        "supported",
    )
    earlier = (
        "Arrests fell sharply to just 74,082 in FY21; for context, this is down from 103,000 in "
        "FY20 and 158,000 two fiscal years earlier."
    )
    assert verdict(checked(earlier, ARRESTS_BY_YEAR), "158,000") == (
        "ero.admin_arrests",
        2018,
        "supported",
    )


def test_a_calendar_year_is_not_taken_from_the_next_clause(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085), ("ero.removals", 2019, 267_258)]
    text = "In 2018, there were 256,085 deportations, and in 2019, there were 267,258."
    found = claim(checked(text, rows), "256,085")
    assert (found.fiscal_year, found.verdict) == (2018, "supported"), found.reason
    assert "calendar year 2018" in found.reason, found.reason


def test_a_from_to_pair_of_another_clause_gives_a_span_count_no_year(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085), ("ero.removals", 2019, 267_258)]
    text = (
        "Annual removals increased by 31,845 from 2015 to 2019, while the number of people "
        "booked into detention increased from 307,482 to 510,854."
    )
    found = claim(checked(text, rows), "31,845")
    assert (found.fiscal_year, found.verdict) == (None, "unverifiable"), found.reason


def test_the_one_fiscal_year_a_text_names_is_told_to_its_other_claims(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2023, 142_580), ("ero.removals_kst", 2023, 139)]
    text = (
        "ICE deported 271,484 people in fiscal year 2023. The report also highlighted the "
        "removal of 237 individuals identified as known or suspected terrorists."
    )
    found = claim(checked(text, rows), "237")
    assert (found.fiscal_year, found.verdict) == (2023, "contradicted"), found.reason
    # a text naming several years leaves it a guess
    several = text + " In fiscal year 2022 it deported 72,177."
    assert claim(checked(several, rows), "237").verdict == "unverifiable"
