"""More of the ways writers state figures (issue 14), one test per rule.

Every sentence is written for these tests; every figures table is a few rows built in place.
"""

from __future__ import annotations

import pytest

from tests.claims_support import Checker, Row, claim, published, verdict
from yearbook.claims import check
from yearbook.claims.relevance import MetricIndex
from yearbook.claims.text import segment

ARRESTS_REMOVALS: list[Row] = [
    ("ero.admin_arrests", 2021, 74_082),
    ("ero.admin_arrests", 2022, 142_750),
    ("ero.removals", 2018, 256_085),
    ("ero.removals", 2019, 267_258),
    ("ero.removals", 2021, 59_011),
    ("ero.removals", 2022, 72_177),
]


@pytest.fixture(scope="module")
def checked() -> Checker:
    return Checker.flagship()


def test_the_second_of_a_pair_of_changes_is_a_change_too(checked: Checker) -> None:
    text = (
        "The numbers for fiscal year 2022 show an increase of 93% in arrests and 22% in "
        "removals compared to the previous fiscal year."
    )
    result = checked(text, ARRESTS_REMOVALS)
    assert verdict(result, "an increase of 93%") == ("ero.admin_arrests", 2022, "supported")
    assert verdict(result, "22%") == ("ero.removals", 2022, "supported")  # +22.3%
    wrong = checked(text.replace("22%", "29%"), ARRESTS_REMOVALS)
    assert verdict(wrong, "29%") == ("ero.removals", 2022, "contradicted")


def test_a_share_of_those_without_reads_its_negation_further_along(checked: Checker) -> None:
    rows: list[Row] = [published("ero.arrests_criminal_history_share", 2022, 32, unit="percent")]
    text = (
        "In fiscal year 2022, 68% of the arrests carried out by the agency involved people who "
        "did not have any criminal convictions or charges."
    )
    assert verdict(checked(text, rows), "68%") == (
        "ero.arrests_criminal_history_share",
        2022,
        "supported",
    )


def test_the_whole_of_a_share_may_be_named_by_a_pack_term(checked: Checker) -> None:
    rows: list[Row] = [published("removals_convicted_criminal_share_pct", 2021, 66, unit="percent")]
    text = "In fiscal 2021, 66% of those deported were convicted criminals."
    assert verdict(checked(text, rows), "66%") == (
        "removals_convicted_criminal_share_pct",
        2021,
        "supported",
    )


def test_a_count_joined_to_another_nouns_of_phrase_is_no_part_of_it() -> None:
    text = (
        "The unit opened 6,601 cases in fiscal year 2023, resulting in 4,214 arrests and the "
        "identification of over 1,800 victims."
    )
    verdicts = {c.text: c.verdict for c in check(text).claims}
    assert verdicts["4,214"] != "contradicted"


def test_a_text_on_year_end_numbers_reads_its_bare_years_as_fiscal(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2019, 143_099)]
    text = (
        "The agency released its year-end numbers on Wednesday. In 2019, its officers arrested "
        "around 143,000 people."
    )
    assert verdict(checked(text, rows), "around 143,000") == (
        "ero.admin_arrests",
        2019,
        "supported",
    )
    plain = "In 2019, its officers arrested around 153,000 people."
    found = claim(checked(plain, rows), "around 153,000")
    assert (found.fiscal_year, found.verdict) == (None, "unverifiable")  # a calendar year
    assert "calendar year 2019" in found.reason


def test_a_value_in_a_when_clause_is_of_the_base_year_before_it(checked: Checker) -> None:
    text = (
        "In fiscal year 2019 the agency removed over 267,000 people, an increase from fiscal "
        "year 2018, when more than 256,000 were removed."
    )
    result = checked(text, ARRESTS_REMOVALS)
    assert verdict(result, "over 267,000") == ("ero.removals", 2019, "supported")
    assert verdict(result, "more than 256,000") == ("ero.removals", 2018, "supported")


def test_a_figure_far_from_the_number_does_not_keep_an_exact_one_from_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2019, 143_099),
        ("ero.published_average_daily_population", 2019, 50_165),
    ]
    text = "In fiscal year 2019, officers detained some 143,000 people."
    # "detained" reads most like the detained population, whose 50,165 cannot be meant
    assert verdict(checked(text, rows), "some 143,000") == (
        "ero.admin_arrests",
        2019,
        "supported",
    )


def test_a_value_in_a_when_clause_after_the_year_before_is_of_that_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2019, 143_099), ("ero.admin_arrests", 2020, 103_603)]
    text = (
        "About 104,000 people were arrested in fiscal year 2020, 27 percent less than the year "
        "before, when officers arrested 143,099 people."
    )
    assert verdict(checked(text, rows), "143,099") == ("ero.admin_arrests", 2019, "supported")


def test_a_value_matching_a_figure_it_names_too_little_of_takes_no_metric_from_before(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.removals", 2019, 267_258),
        ("ero.published_average_daily_population", 2019, 50_165),
    ]
    text = (
        "In fiscal 2019 the agency deported 267,258 people. The jail population in 2019 was 50,000."
    )
    found = verdict(checked(text, rows), "50,000")
    assert found[2] != "contradicted"


def test_a_change_between_two_fiscal_years_is_a_change_over_that_span(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.removals", 2019, 267_258)]
    text = "Removals rose by {} between fiscal years 2017 and 2019."
    assert verdict(checked(text.format("18%"), rows), "rose by 18%") == (
        "ero.removals",
        2019,
        "supported",
    )
    assert verdict(checked(text.format("117%"), rows), "rose by 117%") == (
        "ero.removals",
        2019,
        "contradicted",
    )


def test_a_count_whose_clause_makes_another_body_its_subject_is_not_the_packs(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.removals", 2018, 256_085)]
    text = (
        "In fiscal 2018, CBP and the agency together carried out 337,287 removals, a 17% "
        "increase from the previous year."
    )
    result = checked(text, rows)
    assert verdict(result, "337,287") == (None, 2018, "unverifiable")
    assert verdict(result, "a 17% increase")[2] == "unverifiable"
    by = "In fiscal 2018 the agency removed 256,085 people, many of them arrested by CBP."
    assert verdict(checked(by, rows), "256,085") == ("ero.removals", 2018, "supported")


def test_a_change_of_what_another_body_reported_is_not_the_packs(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.removals", 2018, 256_085)]
    text = "FY 2018 saw a 40% increase in removals reported by CBP, and ICE removed 256,085."
    result = checked(text, rows)
    assert verdict(result, "a 40% increase")[2] == "unverifiable"
    assert "CBP" in claim(result, "a 40% increase").reason
    own = text.replace("reported by CBP", "reported by the agency")
    assert verdict(checked(own, rows), "a 40% increase")[2] == "contradicted"


@pytest.mark.parametrize(
    ("text", "shown", "expected"),
    [
        ("In FY 2023, 43% of those arrested had a criminal history, up 10.5 percentage points from FY 2022.", "10.5", "supported"),
        ("In FY 2023, 43% of those arrested had a criminal history, up 3.6 percentage points from FY 2022.", "3.6", "contradicted"),
        ("Arrests with a criminal history: 43% in FY 2023 (+10.5 pts on FY 2022).", "10.5", "supported"),
        ("Arrests with a criminal history: 43% in FY 2023 (-10.5 pts on FY 2022).", "-10.5", "contradicted"),
    ],
)  # fmt: skip
def test_a_change_of_a_share_in_percentage_points_is_checked(
    checked: Checker, text: str, shown: str, expected: str
) -> None:
    rows: list[Row] = [
        published("ero.arrests_criminal_history_share", 2022, 32.5, unit="percent"),
        published("ero.arrests_criminal_history_share", 2023, 43, unit="percent"),
    ]
    assert claim(checked(text, rows), shown).verdict == expected


def test_a_share_with_no_criminal_record_is_checked_against_the_rest(checked: Checker) -> None:
    rows: list[Row] = [published("ero.arrests_criminal_history_share", 2023, 43, unit="percent")]
    text = "In fiscal year 2023, {} of the arrests involved people with no criminal record."
    assert verdict(checked(text.format("57%"), rows), "57%")[2] == "supported"
    assert verdict(checked(text.format("60%"), rows), "60%") == (
        "ero.arrests_criminal_history_share",
        2023,
        "contradicted",
    )


def test_an_exact_number_is_not_kept_from_its_figure_by_a_metric_without_one(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258), ("removals_border", 2023, 98_000)]
    text = "In the 2019 fiscal year, 267,258 people were sent back across the border."
    assert verdict(checked(text, rows), "267,258") == ("ero.removals", 2019, "supported")


def test_a_count_of_others_is_not_a_misstatement_of_the_figure(checked: Checker) -> None:
    rows: list[Row] = [published("hsi_special_agents_deployed_swb", 2022, 600, unit="people")]
    text = (
        "In fiscal 2022 the agency deployed 600 special agents to the border, with 300 others "
        "dispatched overseas."
    )
    result = checked(text, rows)
    assert verdict(result, "600")[2] == "supported"
    assert verdict(result, "300")[2] == "unverifiable"


SIX_REMOVALS: list[Row] = [
    ("ero.removals", 2016, 240_255),
    ("ero.removals", 2017, 226_119),
    ("ero.removals", 2018, 256_085),
    ("ero.removals", 2019, 267_258),
    ("ero.removals", 2020, 185_884),
    ("ero.removals", 2021, 59_011),
    ("ero.removals", 2022, 72_177),
    ("ero.removals", 2023, 142_580),
]
ARRESTS_2017_TO_2019: list[Row] = [
    ("ero.admin_arrests", 2017, 143_470),
    ("ero.admin_arrests", 2018, 158_581),
    ("ero.admin_arrests", 2019, 143_099),
]


def test_a_rank_over_years_is_checked_against_every_year_of_its_run(checked: Checker) -> None:
    high = "Removals rose in fiscal 2023 to a four-year high of 142,580."
    assert verdict(checked(high, SIX_REMOVALS), "four-year high") == (
        "ero.removals",
        2023,
        "contradicted",  # FY 2020's 185,884 is higher
    )
    low = "In fiscal 2021 the agency made 59,011 removals, the lowest in the last six years."
    assert verdict(checked(low, SIX_REMOVALS), "six years") == ("ero.removals", 2021, "supported")
    beyond = "Removals in fiscal 2021 fell to 59,011, a 15-year low."
    assert verdict(checked(beyond, SIX_REMOVALS), "15-year low")[2] == "unverifiable"
    alone = "Sales were a four-year high."
    assert verdict(checked(alone, SIX_REMOVALS), "four-year high")[2] == "unverifiable"
    record = "Removals in fiscal 2019 rose to 267,258, a four-year record."
    assert verdict(checked(record, SIX_REMOVALS), "four-year record") == (
        "ero.removals",
        2019,
        "supported",  # a record is a high: FY 2016 to FY 2019
    )
    # a "10-year record" is no count of 10, to be read as a part of the text's counts
    share = "Removals soared to a 10-year record of 267,258. Around 82% of them were at the border."
    assert "10" not in [c.text for c in checked(share, SIX_REMOVALS).claims]


def test_a_part_naming_its_own_year_after_a_span_and_its_narrower_kind(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("hsi.narcotics_seized_lbs", 2023, 1_200_000),
        published("hsi_fentanyl_seized_lbs", 2023, 41_000, unit="lbs", qualifier="more than"),
    ]
    text = (
        "The unit seized over 77,000 pounds of fentanyl in the last three fiscal years, "
        "including more than 41,000 pounds in 2023 alone."
    )
    result = checked(text, rows)
    assert verdict(result, "over 77,000") == (None, None, "unverifiable")  # a span
    assert verdict(result, "more than 41,000") == ("hsi_fentanyl_seized_lbs", 2023, "supported")


def test_a_change_over_the_same_part_of_two_years_is_no_fiscal_years_change(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "Between Inauguration Day on January 20 and the end of fiscal year 2017, officers made "
        "42 percent more arrests than over the same period in FY 2016."
    )
    assert verdict(checked(text, rows), "42 percent more")[2] == "unverifiable"


def test_a_year_after_than_for_is_the_base_of_a_change(checked: Checker) -> None:
    rows: list[Row] = [
        ("hsi.criminal_arrests", 2018, 34_100),
        ("hsi.criminal_arrests", 2019, 37_547),
    ]
    text = (
        "The unit made 37,547 criminal arrests. Fiscal Year 2019's total is about 10 percent "
        "higher than for 2018."
    )
    assert verdict(checked(text, rows), "about 10 percent higher") == (
        "hsi.criminal_arrests",
        2019,
        "supported",  # +10.1%
    )


def test_a_count_up_to_a_year_is_a_span_and_a_little_under_is_a_qualifier(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258), ("ero.admin_arrests", 2019, 143_099)]
    span = "Deportations have come to a little under 800,000 until 2019 under this administration."
    assert verdict(checked(span, rows), "a little under 800,000") == (None, None, "unverifiable")
    year = "In fiscal 2019 the agency made a little under 144,000 arrests."
    assert verdict(checked(year, rows), "a little under 144,000") == (
        "ero.admin_arrests",
        2019,
        "supported",
    )


def test_a_count_whose_clause_names_a_country_counts_its_part(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2023, 142_580)]
    text = (
        "Removals to Guatemala totaled 34,700 in FY 2023. That year the agency removed 142,580 "
        "noncitizens from the United States."
    )
    result = checked(text, rows)
    assert verdict(result, "34,700") == (None, 2023, "unverifiable")
    assert verdict(result, "142,580") == ("ero.removals", 2023, "supported")
    by_country: list[Row] = [*rows, ("ero.removals", 2023, 34_700, "country", "Guatemala")]
    assert verdict(checked(text, by_country), "34,700") == ("ero.removals", 2023, "supported")


def test_a_number_next_to_one_count_is_no_figure_of_another(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals_gang", 2023, 3_406)]
    arrested = "In FY 2023 the agency arrested 3,406 known or suspected gang members."
    assert verdict(checked(arrested, rows), "3,406")[2] == "unverifiable"
    removed = "In FY 2023 the agency removed 3,406 known or suspected gang members."
    assert verdict(checked(removed, rows), "3,406") == ("ero.removals_gang", 2023, "supported")


def test_a_rank_with_no_value_beside_it_ranks_the_metric_its_words_name(
    checked: Checker,
) -> None:
    text = "In fiscal 2019 the agency reached a {} high for removals."
    four = checked(text.format("four-year"), SIX_REMOVALS)
    assert verdict(four, "four-year high") == ("ero.removals", 2019, "supported")
    five = checked(text.format("five-year"), SIX_REMOVALS)
    assert verdict(five, "five-year high") == ("ero.removals", 2019, "unverifiable")  # FY 2015


def test_abbreviated_scales_and_loosely_rounded_hundreds(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2023, 142_580), ("ero.removals_kst", 2023, 139)]
    text = (
        "In FY 2023 the agency deported 142K people, among them 140 known or suspected terrorists."
    )
    result = checked(text, rows)
    assert verdict(result, "142K") == ("ero.removals", 2023, "supported")
    assert verdict(result, "140") == ("ero.removals_kst", 2023, "supported")  # 139 rounds to it


def test_a_share_of_one_region_is_no_misstatement_of_the_national_one(checked: Checker) -> None:
    rows: list[Row] = [published("ero.arrests_criminal_history_share", 2019, 86, unit="percent")]
    text = (
        "Of the people arrested in the North Plains region in FY 2019, more than 95% had a "
        "criminal conviction or pending criminal charges."
    )
    assert verdict(checked(text, rows), "more than 95%")[2] == "unverifiable"


def test_an_average_over_a_span_of_years_is_checked_against_their_mean(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2017, 143_470),
        ("ero.admin_arrests", 2018, 158_581),
        ("ero.admin_arrests", 2019, 143_099),
    ]
    text = "The agency made an average of {} administrative arrests a year from fiscal 2017 through 2019."
    assert verdict(checked(text.format("148,000"), rows), "148,000") == (
        "ero.admin_arrests",
        None,
        "supported",  # 148,383
    )


def test_a_year_in_a_base_years_clause_is_not_the_claims(checked: Checker) -> None:
    text = (
        "In fiscal 2022 the agency carried out more than 72,000 removals, a slight increase from "
        "fiscal year 2021, when they dipped to the lowest since the agency began in 2003."
    )
    assert verdict(checked(text, ARRESTS_REMOVALS), "more than 72,000") == (
        "ero.removals",
        2022,
        "supported",
    )


def test_a_change_whose_year_is_only_the_texts_default_is_not_contradicted(
    checked: Checker,
) -> None:
    text = (
        "Over the twelve months the agency made 142,750 arrests. That is nearly double the "
        "number of the year prior. Fiscal year 2021 had been slow, and fiscal year 2021 was "
        "followed by FY 2022."
    )
    found = verdict(
        checked(text, [*ARRESTS_REMOVALS, ("ero.admin_arrests", 2020, 103_603)]), "nearly double"
    )
    assert found[2] != "contradicted"


def test_a_word_beginning_with_a_months_letters_is_no_month(checked: Checker) -> None:
    text = "In fiscal 2021 removals decreased 68 percent from fiscal 2020."
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2021, 59_011)]
    assert verdict(checked(text, rows), "decreased 68 percent") == (
        "ero.removals",
        2021,
        "supported",
    )


def test_a_title_line_with_figures_is_read_apart_from_the_paragraph_after_it() -> None:
    title = "Arrests rose 93% in 2022\nThe agency gave the numbers on Friday.\n"
    assert [b.kind for b in segment(title)] == ["paragraph", "paragraph"]
    wrapped = (
        "In fiscal year 2022 the agency made 142,750 arrests, nearly double the number in\n"
        "Fiscal Year 2021, and 72,177 removals.\n"
    )
    assert len(segment(wrapped)) == 1


def test_a_stated_difference_between_two_of_the_texts_numbers_is_borne_out() -> None:
    text = (
        "In June the centre held 44,701 people on average. In the October before it held "
        "39,192 people, a difference of {} people."
    )
    right = {c.text: c.verdict for c in check(text.format("over 5,500")).claims}
    assert right["over 5,500"] == "supported"
    wrong = {c.text: c.verdict for c in check(text.format("over 7,500")).claims}
    assert wrong["over 7,500"] == "unverifiable"  # may support, never contradict
    rise = "The centre held 36,845 at the end of FY2023 and 37,684 a year on, a net rise of 839."
    assert {c.text: c.verdict for c in check(rise).claims}["839"] == "supported"
    cut = "In FY 2023 the centre held 34,000. It will cut that by {} to 25,000."
    assert {c.text: c.verdict for c in check(cut.format("9,000")).claims}["9,000"] == "supported"
    off = {c.text: c.verdict for c in check(cut.format("3,000")).claims}
    assert off["3,000"] == "unverifiable"


def test_an_average_over_a_span_may_take_the_metric_of_its_sentences_value(
    checked: Checker,
) -> None:
    rows: list[Row] = [*ARRESTS_2017_TO_2019, ("ero.admin_arrests", 2021, 74_082)]
    text = (
        "Officers made 74,082 administrative arrests in fiscal 2021, far below an average of "
        "{} annually from fiscal 2017-19."
    )
    assert verdict(checked(text.format("148,000"), rows), "148,000")[2] == "supported"
    assert verdict(checked(text.format("158,000"), rows), "158,000")[2] == "unverifiable"


def test_a_figure_its_sentence_names_elsewhere_may_support_a_matching_number(
    checked: Checker,
) -> None:
    rows: list[Row] = [("hsi.child_exploitation_victims", 2023, 1_806)]
    text = (
        "The unit opened 6,601 child exploitation cases in fiscal year 2023, leading to 4,214 "
        "arrests and the identification of over 1,800 victims."
    )
    assert verdict(checked(text, rows), "over 1,800") == (
        "hsi.child_exploitation_victims",
        2023,
        "supported",
    )


def test_arrestees_are_the_people_arrested(checked: Checker) -> None:
    index = MetricIndex(checked.metrics, None, checked.vocabulary)
    assert "arrest" in index.words("arrestees")


def test_the_first_and_last_day_of_a_fiscal_year_name_that_year(checked: Checker) -> None:
    rows: list[Row] = [*SIX_REMOVALS]
    whole = "Between October 1, 2019 and September 30, 2020, officers removed 185,884 people."
    assert verdict(checked(whole, rows), "185,884") == ("ero.removals", 2020, "supported")
    doubles = (
        "Removals between October 1, 2022 and September 30, 2023 almost doubles the 72,177 in "
        "fiscal year 2022."
    )
    assert verdict(checked(doubles, rows), "almost doubles") == (
        "ero.removals",
        2023,
        "supported",  # 142,580 / 72,177 = 1.98
    )
    no_last_year = "Between Oct. 2022 and Sept. 30, officers removed 142,580. That is almost double the year before."
    assert verdict(checked(no_last_year, rows), "almost double") == (
        "ero.removals",
        2023,
        "supported",
    )


def test_a_year_after_more_than_n_is_the_values_own_not_a_base(checked: Checker) -> None:
    rows: list[Row] = [*SIX_REMOVALS]
    text = (
        "Removals rose 4% compared with last fiscal year.\n\n"
        "The agency said it removed more than 267,000 people in fiscal year 2019."
    )
    result = checked(text, [*rows, ("ero.removals", 2019, 267_258)])
    assert verdict(result, "rose 4%") == ("ero.removals", 2019, "supported")


ARRESTS: list[Row] = [
    ("ero.admin_arrests", 2017, 143_470),
    ("ero.admin_arrests", 2018, 158_581),
    ("ero.admin_arrests", 2019, 143_099),
    ("ero.admin_arrests", 2020, 103_603),
    ("ero.admin_arrests", 2021, 74_082),
]


def test_more_ways_a_change_names_its_base_and_its_year(checked: Checker) -> None:
    over = (
        "The total number of arrests in fiscal year 2018 was 158,581, an increase of 11% over "
        "the total arrests in FY 2017."
    )
    assert verdict(checked(over, ARRESTS), "an increase of 11%") == (
        "ero.admin_arrests",
        2018,
        "supported",
    )
    clauses = (
        "In FY 2021 officers made 74,082 administrative arrests. That is nearly 30 percent fewer "
        "than FY 2020, when work was slowed, and only half of the arrests made in FY 2019."
    )
    assert verdict(checked(clauses, ARRESTS), "nearly 30 percent fewer") == (
        "ero.admin_arrests",
        2021,
        "supported",
    )


def test_quarters_of_a_year_and_a_change_of_an_unlinked_value(checked: Checker) -> None:
    quarters = "The agency removed about 191,500 people during the first three quarters of FY 2018."
    assert verdict(checked(quarters, SIX_REMOVALS), "about 191,500") == (None, None, "unverifiable")
    families = (
        "In fiscal year 2019 the agency removed more than 5,700 people who came as families, a "
        "110% increase in removals of family members compared to the previous year."
    )
    found = verdict(checked(families, SIX_REMOVALS), "a 110% increase")
    assert found[2] == "unverifiable"


def test_a_quoted_change_and_the_same_period_of_two_years(checked: Checker) -> None:
    quoted = (
        "Of the more than 143,000 arrests made during fiscal 2017, 110,568 came after "
        "January 20, which the report calls a \u201c42 percent increase over the same period "
        "last year.\u201d"
    )
    found = verdict(checked(quoted, ARRESTS), "a \u201c42 percent increase")
    assert found[2] == "unverifiable"  # a change of part of a year, not the 77% of a share
    whole = (
        "In FY 2018 officers made 158,581 arrests, against 143,470 in the same period of FY 2017."
    )
    assert verdict(checked(whole, ARRESTS), "143,470") == ("ero.admin_arrests", 2017, "supported")


def test_a_pair_of_changes_with_bare_nouns(checked: Checker) -> None:
    text = (
        "In FY 2022 the agency made 142,750 arrests and 72,177 removals. That represents "
        "increases of 93% arrests and 22% removals."
    )
    result = checked(text, ARRESTS_REMOVALS)
    assert verdict(result, "22%") == ("ero.removals", 2022, "supported")


def test_the_same_period_in_a_sentence_naming_no_other_year_makes_parts_of_years(
    checked: Checker,
) -> None:
    text = (
        "The fiscal year figures came out on Friday. Almost 120,000 people were arrested, "
        "compared with about 102,500 arrests during the same period in 2017."
    )
    result = checked(text, ARRESTS)
    assert verdict(result, "Almost 120,000")[2] == "unverifiable"
    assert verdict(result, "about 102,500")[2] == "unverifiable"


def test_a_change_from_a_value_of_a_named_year_takes_that_year_as_its_base() -> None:
    text = (
        "In FY2023 there was a 50% decrease in these cases, from 20,000 in FY2019 to 9,700 in "
        "FY2023. In FY2023 the number was about 20,000, a 35% decline from the 31,000 in FY2019."
    )
    verdicts = {c.text: c.verdict for c in check(text).claims}
    assert verdicts["a 50% decrease"] == "supported"  # 20,000 to 9,700: -51.5%
    assert verdicts["a 35% decline"] == "supported"  # 31,000 to 20,000: -35.5%


def test_a_sentence_opening_with_the_year_before_that_is_of_the_year_before(
    checked: Checker,
) -> None:
    text = (
        "The agency removed 185,884 people during fiscal year 2020. The year before that, "
        "267,258 people were removed."
    )
    assert verdict(checked(text, SIX_REMOVALS), "267,258") == ("ero.removals", 2019, "supported")


def test_a_part_of_a_year_in_an_aside_before_a_claim_is_not_the_claims(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2022, 72_177)]
    text = (
        "Removals fell to 59,011 in FY 2021 (more than half of them in the first four months of "
        "the fiscal year) and then rose to 72,177 in FY 2022."
    )
    assert verdict(checked(text, rows), "72,177") == ("ero.removals", 2022, "supported")


def test_the_n_percent_decrease_is_a_change() -> None:
    text = (
        "In FY 2021 the agency removed 59,011 people, down from 185,884 in FY 2020. The nearly "
        "70% decrease in removals came as crossings rose."
    )
    found = {c.text: (c.kind, c.verdict) for c in check(text).claims}
    assert found["The nearly 70% decrease"] == ("change", "supported")  # -68.3%


def test_the_first_and_last_month_of_a_fiscal_year_name_that_year_through_the_text(
    checked: Checker,
) -> None:
    rows = ARRESTS_2017_TO_2019
    text = (
        "The agency reported on its last fiscal year (October 2017 to September 2018).\n\n"
        "Officers arrested {} people during that year, 11% more than the year before."
    )
    found = claim(checked(text.format("158,851"), rows), "158,851")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2018,
        "contradicted",
    )
    assert verdict(checked(text.format("158,581"), rows), "11% more") == (
        "ero.admin_arrests",
        2018,
        "supported",
    )
    # a span of months that is no fiscal year names none
    other = text.replace("October 2017 to September 2018", "March 2017 to September 2018")
    assert claim(checked(other.format("158,851"), rows), "158,851").verdict == "unverifiable"


def test_a_change_to_one_value_from_another_relates_those_two(checked: Checker) -> None:
    text = (
        "Sales rose by 9,300 last year. Then came a {} rise, to 30,000 from 10,000. Fees grew "
        "from 1,000 to 3,000."
    )
    wrong = claim(checked(text.format("50%"), []), "a 50% rise")
    assert wrong.verdict == "contradicted"
    assert "10,000 and 30,000" in wrong.reason
    right = claim(checked(text.format("threefold"), []), "threefold")
    assert right.verdict == "supported"
    assert "from 10,000 to 30,000" in right.reason


def test_a_change_beside_values_is_read_from_the_nearest_two(checked: Checker) -> None:
    text = (
        "Sales rose by 9,300 last year. Then came a threefold rise, reaching 30,000 after "
        "10,000. Fees grew from 1,000 to 3,000."
    )
    found = claim(checked(text, []), "threefold")
    assert found.verdict == "supported"
    assert "from 10,000 to 30,000" in found.reason  # not 3,000 against 9,300


def test_a_change_in_parentheses_after_two_values_is_theirs(checked: Checker) -> None:
    text = (
        "The office held 36,845 people at the end of FY2023 versus 37,684 at the end of FY2024 "
        "- an increase of 839 people (about +2.3%) - while its waiting list grew from about "
        "6.1 million to more than 7.6 million (about +24.6%)."
    )
    result = checked(text, [])
    held = claim(result, "+2.3%")
    # not 839, the difference, against 36,845; from the earlier year to the later
    assert held.verdict == "supported" and "from 36,845 to 37,684" in held.reason
    waiting = claim(result, "+24.6%")
    assert waiting.verdict == "supported" and "from 6,100,000 to 7,600,000" in waiting.reason
    wrong = checked(text.replace("+2.3%", "+12.3%"), [])
    assert claim(wrong, "+12.3%").verdict == "contradicted"


def test_lines_of_a_label_and_a_value_count_what_the_line_before_them_named(
    checked: Checker,
) -> None:
    rows: list[Row] = [*SIX_REMOVALS]
    text = (
        "Here are the numbers, per year, for each director:\n"
        "Smith: More than 240,000 removals in 2016, at her highest.\n"
        "Jones: 185,884 in fiscal year 2020.\n"
        "Brown: 267,260 in fiscal year 2019.\n"
    )
    assert verdict(checked(text, rows), "267,260") == ("ero.removals", 2019, "supported")


def test_a_paragraph_a_blank_line_broke_mid_sentence_is_read_whole(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2020, 103_603), ("ero.admin_arrests", 2021, 74_082)]
    text = (
        "Officers working for the office made about 74,000 administrative arrests during the "
        "fiscal year that ended in\n\nSeptember, according to agency data, down from 104,000 "
        "during the 2020 fiscal year."
    )
    assert verdict(checked(text, rows), "104,000") == ("ero.admin_arrests", 2020, "supported")
    segmented = segment(text)
    assert len(segmented) == 1
    titled = segment("Arrests rose in the\n\nThe office made 74,000 arrests.")
    assert len(titled) == 2  # a short line left open is a title, not a broken sentence


def test_a_change_beside_a_count_and_an_average_relates_the_two() -> None:
    text = (
        "The 48,000 people held today represent a nearly {} percent growth of the system from "
        "the average of 34,376 held in 2016."
    )
    assert claim(check(text.format("40")), "a nearly 40 percent growth").verdict == "supported"
    other = check(text.format("60"))
    assert claim(other, "a nearly 60 percent growth").verdict == "unverifiable"


def test_a_fraction_of_those_with_its_part_in_brackets_is_that_part_of_the_count_before() -> None:
    text = "The office removed 72,177 people in FY 2022. {} of those (44,096) had a record."
    assert claim(check(text.format("More than half")), "More than half").verdict == "supported"
    assert claim(check(text.format("Nearly a third")), "Nearly a third").verdict == (
        "unverifiable"  # 61%: never contradicted, since which count "those" are is a guess
    )
