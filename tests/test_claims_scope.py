"""What a claim is about, read from more of the ways writers scope and relate numbers
(issue 14): partial years, people of a country, a change between two of the text's own
numbers, and clauses that initials or dashes do not cut.

Every sentence is written for these tests; every figures table is a few rows built in place.
"""

from __future__ import annotations

import pytest

from tests.claims_support import Checker, Row, claim, published, table, verdict
from yearbook.claims import check
from yearbook.claims.extract import extract_document
from yearbook.claims.guards import narrower
from yearbook.claims.linkscore import Context
from yearbook.claims.reading import read_context
from yearbook.claims.relevance import MetricIndex
from yearbook.claims.text import to_plain

ROWS: list[Row] = [
    ("ero.admin_arrests", 2016, 110_104),
    ("ero.admin_arrests", 2019, 143_099),
    ("ero.admin_arrests", 2018, 158_581),
    ("ero.removals", 2016, 240_255),
    ("ero.removals", 2017, 226_119),
    ("ero.removals", 2018, 256_085),
    ("ero.removals", 2019, 267_258),
    ("ero.removals", 2020, 185_884),
]


@pytest.fixture(scope="module")
def checked() -> Checker:
    return Checker.flagship()


def test_a_change_between_two_of_the_texts_numbers_is_borne_out_without_years() -> None:
    text = (
        "From January to November, 152,000 visitors came. In the first 11 months of the year "
        "before, 205,000 visitors came. That is 26 percent fewer visitors than before."
    )
    found = claim(check(text), "26 percent fewer")
    assert (found.kind, found.verdict) == ("change", "supported")
    assert "205,000 to 152,000" in found.reason
    # never contradicted: which two numbers it relates is a guess
    other = check(text.replace("26 percent", "40 percent"))
    assert claim(other, "40 percent fewer").verdict == "unverifiable"


def test_a_change_is_not_borne_out_by_two_numbers_of_different_things() -> None:
    text = "There were 143,000 sales in 2019 and 267,000 refunds in 2018: 46 percent fewer sales."
    assert claim(check(text), "46 percent fewer").verdict == "unverifiable"


def test_a_second_change_after_a_verb_and_its_comparison_is_a_change(checked: Checker) -> None:
    text = (
        "Deportations in fiscal year 2020 dropped by more than 30 percent compared to Fiscal "
        "Year 2019 deportations and more than 27 percent compared to Fiscal Year 2018."
    )
    found = claim(checked(text, ROWS), "more than 27 percent")
    assert (found.kind, found.metric, found.verdict) == ("change", "ero.removals", "supported")


def test_a_change_noun_may_follow_a_word_of_period() -> None:
    text = (
        "In FY 2020 the club sold 4,276 tickets, down from 5,497 in FY 2019. The 23 percent "
        "year-to-year decline surprised no one."
    )
    found = claim(check(text), "The 23 percent year-to-year decline")
    assert (found.kind, found.verdict) == ("change", "contradicted")  # -22.2%


def test_a_change_takes_the_later_year_of_a_span_before_it(checked: Checker) -> None:
    text = (
        "Over three years, from FY 2016 through FY 2018, the number of arrests made by "
        "U.S. Immigration and Customs Enforcement in FY 2018 was 44 percent higher than in "
        "FY 2016."
    )
    found = claim(checked(text, ROWS), "44 percent higher")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2018,
        "supported",
    )


def test_a_count_as_of_a_day_is_part_of_a_year(checked: Checker) -> None:
    text = (
        "As of Sept. 9, three weeks before the end of fiscal year 2017, ICE had deported 211,068."
    )
    found = claim(checked(text, ROWS), "211,068")
    assert found.verdict == "unverifiable"
    assert "span of time" in found.reason


def test_a_comparison_since_someone_took_office_is_part_of_a_year(checked: Checker) -> None:
    text = (
        "In fiscal year 2017 there was a 40 percent jump in removals since the new president "
        "took office on January 20 when compared to the previous fiscal year."
    )
    assert verdict(checked(text, ROWS), "a 40 percent jump")[2] == "unverifiable"


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("In fiscal year 2017, 128,765 Mexicans were deported.", "Mexicans"),
        ("In fiscal year 2017, 2,765 Guatemalan nationals were deported.", "Guatemalan"),
        ("In fiscal year 2017, 1,765 Hondurans were deported.", "Hondurans"),
    ],
)
def test_a_count_of_a_countrys_people_is_that_countrys_part(
    checked: Checker, sentence: str, people: str
) -> None:
    number = sentence.split()[4].rstrip(",")
    found = claim(checked(sentence, ROWS), number)
    assert found.verdict == "unverifiable"
    assert people in found.reason


def test_the_whole_a_countrys_people_are_among_is_no_part(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2016, 240_255)]
    text = (
        "Close to 800 Jamaicans were numbered among more than 240,000 individuals who were "
        "deported in fiscal year 2016."
    )
    result = checked(text, rows)
    assert "Jamaicans" in claim(result, "Close to 800").reason
    assert verdict(result, "more than 240,000") == ("ero.removals", 2016, "supported")
    fraction = "In FY 2016, Indians were a small fraction of the 240,255 total deportations."
    assert verdict(checked(fraction, rows), "240,255") == ("ero.removals", 2016, "supported")


def test_a_count_in_one_of_the_home_countrys_states_is_that_states_part(checked: Checker) -> None:
    text = "ICE officers in Texas arrested more than 40,000 people in fiscal year 2017."
    found = claim(checked(text, ROWS), "more than 40,000")
    assert found.verdict == "unverifiable" and "Texas" in found.reason
    capital = "Officials in Washington said 226,119 people were removed in fiscal year 2017."
    assert claim(checked(capital, ROWS), "226,119").verdict == "supported"  # a home name


def test_a_count_from_one_of_the_home_countrys_cities_is_that_citys_part(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085)]
    text = "The agency deported nearly 27,000 people from Phoenix in fiscal year 2018."
    found = claim(checked(text, rows), "nearly 27,000")
    assert found.verdict == "unverifiable" and "part of Phoenix" in found.reason
    # a surname that is also a city's name is no place without a preposition of place
    said = "Sen. Warren said ICE removed 256,000 people in fiscal year 2018."
    assert claim(checked(said, rows), "256,000").verdict == "supported"


def test_a_change_of_a_place_named_as_its_subject_is_that_places(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "ICE made 143,470 arrests in fiscal year 2017, up from 110,104 in fiscal year 2016. "
        "This is not the case in the Lakeside area, where arrests stayed flat between 2016 and "
        "2017, growing about 1 percent from 8,425 to 8,510. Meanwhile, the Hillview region saw "
        "arrests nearly double, from 9,634 to 16,520. The Riverton area saw a 4 percent "
        "increase in arrests."
    )
    # Riverton's change is neither the nation's (+30.3%) nor Hillview's values' (+71.5%)
    assert claim(checked(text, rows), "a 4 percent increase").verdict == "unverifiable"


def test_a_value_ranked_against_places_is_one_places_and_never_contradicted(
    checked: Checker,
) -> None:
    text = "The 14 percent drop in arrests in FY 2019 was the steepest decline in the country."
    found = claim(checked(text, ROWS), "The 14 percent drop")
    assert found.verdict == "unverifiable" and "one place's" in found.reason
    count = "ICE made 141,099 administrative arrests in FY 2019, the most of any field office."
    assert claim(checked(count, ROWS), "141,099").verdict == "unverifiable"
    whole = count.replace("of any field office", "in a decade")
    assert claim(checked(whole, ROWS), "141,099").verdict == "contradicted"  # no place


def test_a_change_of_a_countrys_people_is_never_contradicted(checked: Checker) -> None:
    text = (
        "An increase of about 30 per cent in deportation of Indians was recorded in fiscal "
        "year 2017 as compared to the previous year."
    )
    assert verdict(checked(text, ROWS), "An increase of about 30 per cent")[2] == "unverifiable"


def test_the_home_countrys_people_are_no_part(checked: Checker) -> None:
    text = "In fiscal year 2019, ICE deported 267,258 people, none of them Americans."
    assert verdict(checked(text, ROWS), "267,258") == ("ero.removals", 2019, "supported")


def test_parts_of_which_share_one_whole() -> None:
    text = "There were 84,505 sales, 12,314 of which were refunds, and 72,191 of which were final."
    result = check(text)
    assert claim(result, "72,191").verdict != "contradicted"
    assert "84,505" in claim(result, "72,191").reason
    wrong = check(text.replace("72,191", "92,191"))
    assert claim(wrong, "92,191").verdict == "contradicted"


def test_the_staff_of_another_body_make_it_the_subject(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2017, 143_470)]
    for subject in ("The services of Customs and Border Protection", "Agents of the Border Patrol"):
        text = f"{subject} arrested 310,531 people in fiscal year 2017."
        found = claim(checked(text, rows), "310,531")
        assert found.verdict == "unverifiable" and "counts, which the figures" in found.reason
    portuguese = (
        "Segundo os números que a agência divulgou nesta quinta-feira, com os dados das suas "
        "oficinas para o ano fiscal e de todo o país. Os serviços de Alfândega e Proteção de "
        "Fronteiras prenderam 310.531 pessoas no ano fiscal de 2017."
    )
    assert claim(checked(portuguese, rows), "310.531").verdict == "unverifiable"
    # a count of people referred by another body is still the agency's own
    own = "ICE arrested 143,470 people, many of them on the word of officers of the city."
    assert claim(checked(own, rows), "143,470").verdict == "supported"


def test_a_horizontal_bar_ends_an_aside_about_another_body(checked: Checker) -> None:
    text = (
        "In fiscal year 2019 ICE agents arrested about 143,000 people in the interior \u2015 "
        "Customs and Border Protection is responsible for the border \u2015 a decrease of "
        "nearly 10% compared to 2018."
    )
    found = verdict(checked(text, ROWS), "a decrease of nearly 10%")
    assert found == ("ero.admin_arrests", 2019, "supported")


def test_a_precise_total_of_unnamed_years_is_the_one_run_it_adds_up_to(checked: Checker) -> None:
    text = (
        "Removals rose in fiscal year 2019 and fell in fiscal year 2021.\n\n"
        "Over the course of the last administration, ICE removed a total of 935,346 people."
    )
    found = claim(checked(text, ROWS), "935,346")
    assert (found.metric, found.verdict) == ("ero.removals", "supported")
    assert "FY 2017 to FY 2020" in found.reason
    other = claim(checked(text.replace("935,346", "935,946"), ROWS), "935,946")
    assert other.verdict == "unverifiable"  # no run adds up to it, and none is named


def test_a_headline_change_needs_no_article(checked: Checker) -> None:
    text = (
        "ICE Blames Border for 10 Percent Drop in Arrests\n\n"
        "ICE arrested about 143,000 people in fiscal year 2019."
    )
    found = claim(checked(text, ROWS), "10 Percent Drop")
    assert (found.kind, found.metric, found.verdict) == ("change", "ero.admin_arrests", "supported")
    text = "In fiscal year 2019, 15 percent fall into that group."
    assert claim(checked(text, ROWS), "15 percent").kind == "percent"


CRIMINAL_ARRESTS: list[Row] = [
    ("hsi.criminal_arrests", 2019, 37_547),
    ("hsi.criminal_arrests", 2022, 36_685),
    ("ero_criminal_arrests", 2020, 4_360),
    ("ero.arrests_criminal_history", 2022, 46_396),
]


def test_a_figure_is_no_contradiction_when_a_tied_metric_has_none_that_year(
    checked: Checker,
) -> None:
    text = (
        "Meanwhile, ICE recorded more than 4,300 criminal arrests in fiscal year 2020, more "
        "than 6,700 in fiscal year 2019 and more than 7,400 in fiscal year 2018."
    )
    result = checked(text, CRIMINAL_ARRESTS)
    assert verdict(result, "more than 4,300") == ("ero_criminal_arrests", 2020, "supported")
    assert claim(result, "more than 6,700").verdict == "unverifiable"


def test_a_bare_value_many_times_off_its_neighbours_figure_takes_no_metric_from_it(
    checked: Checker,
) -> None:
    text = (
        "ICE had roughly 3,000 criminal arrests in fiscal year 2023 after more than 2,200 in "
        "fiscal year 2022 and roughly 2,300 in fiscal year 2021."
    )
    assert claim(checked(text, CRIMINAL_ARRESTS), "more than 2,200").verdict == "unverifiable"


def test_the_whole_of_a_share_is_read_by_its_noun_alone(checked: Checker) -> None:
    text = (
        "In fiscal year 2019, over 64% of the 143,000 arrested illegal aliens had criminal records."
    )
    doc = extract_document(to_plain(text, "text"))
    index = MetricIndex(checked.metrics, None, checked.vocabulary)
    whole = next(c for c in doc.claims if c.text == "143,000")
    context = read_context(index, doc, whole)
    assert "arrest" in context.near
    assert "crimin" not in context.near + context.rest  # what the part had, not the whole
    assert verdict(checked(text, ROWS), "143,000") == ("ero.admin_arrests", 2019, "supported")
    all_of = (
        "In fiscal year 2019, more than 64 percent of all of the 143,000 illegal aliens arrested "
        "by agents were convicted criminals."
    )
    assert verdict(checked(all_of, ROWS), "143,000") == ("ero.admin_arrests", 2019, "supported")


def test_a_change_after_a_participle_is_read_with_its_sentences_subject(
    checked: Checker,
) -> None:
    text = (
        "The number of people arrested continued to increase in fiscal year 2018, reaching a "
        "high and marking an increase of 11% from the year before."
    )
    doc = extract_document(to_plain(text, "text"))
    index = MetricIndex(checked.metrics, None, checked.vocabulary)
    change = next(c for c in doc.claims if c.text == "an increase of 11%")
    assert "arrest" in read_context(index, doc, change).near  # not only "reach", "high"


def test_a_count_of_a_noun_no_figure_knows_is_never_contradicted(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2017, 143_470)]
    beds = "People arrested by ICE occupied 22,724 detention beds in FY 2017."
    assert claim(checked(beds, rows), "22,724").verdict == "unverifiable"
    # a generic noun says nothing of what is counted: the arrests are misstated
    people = "ICE arrested 143,473 undocumented immigrants in FY 2017."
    assert claim(checked(people, rows), "143,473").verdict == "contradicted"
    # nor does a unit of measure
    points = "In FY 2017 ICE arrested 143,000 people, 3.6 percentage points more of them adults."
    assert claim(checked(points, rows), "143,000").verdict == "supported"


def test_a_share_its_text_gives_by_a_part_and_whole_stated_apart_is_supported(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2019, 143_099),
        published("ero.arrests_criminal_history_share", 2019, 86, unit="percent"),
    ]
    text = (
        "In FY 2019, ERO made 143,099 administrative arrests.\n\n"
        "In FY 2019, ERO arrested 74,000 convicted criminals.\n\n"
        "Criminals arrested in 2019 accounted for {} of the total arrests."
    )
    # 74,000 of 143,099 is 51.7%: the writer's criminals are the convicted, not all with
    # a criminal history (86%), and the text's own numbers say so
    found = claim(checked(text.format("52%"), rows), "52%")
    assert found.verdict == "supported" and "stated apart" in found.reason
    assert claim(checked(text.format("60%"), rows), "60%").verdict != "supported"


def test_a_pack_terms_expansion_of_a_word_the_metric_has_names_nothing_narrower(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        published("interior_removals_criminal_share_pct", 2020, 92, unit="percent"),
        published("ero.arrests_criminal_history_share", 2020, 90, unit="percent"),
    ]
    index = MetricIndex(checked.metrics, table(rows), checked.vocabulary)
    top = next(d for d in index.docs if d.metric == "interior_removals_criminal_share_pct")
    tail = "of interior removals"  # the pack reads "interior" as "ICE arresting agency"
    assert "arrest" in index.words(tail) and "arrest" not in top.words
    said = frozenset(index.said(tail))
    ctx = Context(noun=[], tail=index.words(tail), near=[], rest=[], before=[], said=said)
    doc = extract_document(to_plain("In fiscal year 2020, 92% of interior removals.", "text"))
    assert narrower(index, ctx, top, doc.claims[0]) == []


def test_a_part_of_a_year_may_state_a_figure_of_that_part(checked: Checker) -> None:
    rows: list[Row] = [
        ("removals_total", 2021, 59_011),
        ("removals_on_or_after_2021_02_18", 2021, 28_677),
    ]
    text = (
        "ICE removed 59,011 people in fiscal year 2021. Of those, 28,677 were removed on or "
        "after February 18, 2021."
    )
    assert verdict(checked(text, rows), "28,677") == (
        "removals_on_or_after_2021_02_18",
        2021,
        "supported",
    )
    before = text.replace("on or after", "prior to")
    found = claim(checked(before, rows), "28,677")
    assert found.verdict == "contradicted"  # the figure counts the other side of the day
    assert "prior to February 18" in found.reason
    other = claim(checked(text.replace("28,677", "28,977"), rows), "28,977")
    assert other.verdict == "contradicted"
    # a part of a year no figure names stays unverifiable
    text = "ICE removed 31,000 people between January 20 and March 30, 2021."
    assert claim(checked(text, rows), "31,000").verdict == "unverifiable"


def test_the_same_period_is_named_by_the_sentences_before_it(checked: Checker) -> None:
    rows: list[Row] = [
        published("aggravated_felon_removals_per_month_feb_sep", 2021, 937, unit="removals/month")
    ]
    text = (
        "ICE released its fiscal year 2021 report.\n\n"
        "Officers arrested an average of 1,034 aggravated felons per month from February "
        "through September 2021. That was a record.\n\n"
        "During the same period in 2021, ERO removed an average of 937 aggravated felons per "
        "month."
    )
    assert verdict(checked(text, rows), "937") == (
        "aggravated_felon_removals_per_month_feb_sep",
        2021,
        "supported",
    )


def test_a_value_listed_after_one_of_a_metric_counts_what_that_one_counts(
    checked: Checker,
) -> None:
    rows: list[Row] = [*ROWS, ("removals_ice_arresting_agency", 2020, 62_739)]
    text = (
        "In fiscal year 2024 interior removals rose. This figure is far lower than the 62,739 "
        "interior deportations in FY20 (the last full year) and 85,958 in FY19."
    )
    result = checked(text, rows)
    assert verdict(result, "62,739") == ("removals_ice_arresting_agency", 2020, "supported")
    # not a misstatement of all FY 2019 removals (267,258): a value of the metric before it
    assert verdict(result, "85,958") == ("removals_ice_arresting_agency", 2019, "unverifiable")


def test_a_value_in_each_of_several_years_has_no_one_year(checked: Checker) -> None:
    text = (
        "Arrests fell to 74,000 in fiscal year 2021 from more than 100,000 in fiscal year 2020 "
        "and more than 140,000 in each of the three years before that."
    )
    found = claim(checked(text, ROWS), "more than 140,000")
    assert (found.fiscal_year, found.verdict) == (None, "unverifiable")


def test_an_exact_figure_is_preferred_to_a_bound_that_also_agrees(checked: Checker) -> None:
    rows: list[Row] = [
        published("removals_interior", 2023, 44_000, qualifier="more than"),
        ("removals_interior_exact", 2023, 44_255),
    ]
    text = "In fiscal year 2023 ICE carried out 44,255 interior removals."
    assert verdict(checked(text, rows), "44,255") == ("removals_interior_exact", 2023, "supported")


def test_a_time_of_reporting_before_a_clause_that_names_its_year_is_no_part(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011)]
    text = "According to a report released by ICE last week, just 59,000 were removed in fiscal year 2021."
    assert verdict(checked(text, rows), "59,000") == ("ero.removals", 2021, "supported")
    same = (
        "Between January 20 and September 30, ICE made 42 percent more arrests than it did "
        "over the same period in FY 2016."
    )
    assert claim(checked(same, ROWS), "42 percent more").fiscal_year is None  # still a part


def test_the_previous_years_value_is_of_the_year_before(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2023, 142_580)]
    text = (
        "With 271,484 deportations in fiscal 2024, nearly double the previous year's paltry "
        "142,580, ICE proved it can ramp things up."
    )
    result = checked(text, rows)
    assert verdict(result, "142,580") == ("ero.removals", 2023, "supported")
    assert claim(result, "nearly double").verdict == "supported"  # 1.90 times, by its own numbers


def test_the_pack_reads_sent_out_of_the_country_as_removals(checked: Checker) -> None:
    text = (
        "Overall, according to its annual report for fiscal year 2020, ICE's Office of "
        "Enforcement and Removal Operations sent 185,884 people out of the country."
    )
    assert verdict(checked(text, ROWS), "185,884") == ("ero.removals", 2020, "supported")


def test_a_change_may_be_borne_out_by_the_next_paragraphs_numbers() -> None:
    text = (
        "Comparing the first three years and the last three, there is a 57% decline in "
        "arrests.\n\n"
        "The office made 389,237 arrests in the first three years but only 165,650 arrests "
        "in the last three."
    )
    assert claim(check(text), "a 57% decline").verdict == "supported"


def test_a_headlines_change_may_be_borne_out_two_sentences_on() -> None:
    text = (
        "Library Loans Rose About 30 Percent\n\n"
        "The town library had its busiest year. It lent 460 rare books this year, against "
        "353 rare books the year before."
    )
    assert claim(check(text), "Rose About 30 Percent").verdict == "supported"
    other = check(text.replace("Rose About 30 Percent", "Rose About 30 Percent in Fines"))
    assert claim(other, "Rose About 30 Percent").verdict == "unverifiable"  # of another count


def test_a_change_that_points_back_may_be_of_the_paragraphs_before_it() -> None:
    text = (
        "Members of the old club borrowed 1,542,707 books in three years.\n\n"
        "Members of the new club borrowed 681,614 books in three years.\n\n"
        "That's a 56% decline in borrowing."
    )
    assert claim(check(text), "a 56% decline").verdict == "supported"
    unpointed = check(text.replace("That's a 56% decline", "Reading saw a 56% decline"))
    assert claim(unpointed, "a 56% decline").verdict == "unverifiable"


def test_a_number_past_a_clause_break_is_no_whole_of_the_one_before() -> None:
    text = (
        "Among the 8,447 bookings of visitors by gender 422 were women, 8,022 were men while "
        "gender of three was not recorded by the staff."
    )
    assert claim(check(text), "8,022").verdict != "contradicted"


def test_a_percent_is_borne_out_by_two_counts_of_its_own_sentence_only() -> None:
    text = "The club fined 506 members last year, and 207 were fined for noise, 41 percent."
    assert claim(check(text), "41 percent").verdict == "supported"
    apart = check(
        "The club fined 506 members. Later, 207 were fined for noise. That is 41 percent."
    )
    assert claim(apart, "41 percent").verdict == "unverifiable"
    wrong = check(text.replace("41 percent", "45 percent"))
    assert claim(wrong, "45 percent").verdict == "unverifiable"  # never contradicted


def test_a_number_far_from_the_top_figure_that_another_figure_states_is_not_contradicted(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2022, 72_177)]
    rows.append(published("removals_ice_arresting_agency", 2022, 28_204))
    text = (
        "In all of fiscal year 2022, ICE deported fewer than 30,000 people who had been living "
        "across American communities."
    )
    assert claim(checked(text, rows), "fewer than 30,000").verdict == "unverifiable"
    near = checked(text.replace("fewer than 30,000", "fewer than 70,000"), rows)
    assert claim(near, "fewer than 70,000").verdict == "contradicted"  # a misstatement of 72,177


def test_an_exact_total_is_borne_out_by_its_parts_in_a_later_paragraph() -> None:
    text = (
        "A total of 902 members left the club between 2019 and 2024.\n\n"
        "It was the largest exodus in its history.\n\n"
        "In 2019, 286 members left, followed by 199 in 2020, 78 in 2021, 49 in 2022, 152 in "
        "2023 and 138 in 2024."
    )
    assert claim(check(text), "902").verdict == "supported"
    other = check(text.replace("902", "912"))
    assert claim(other, "912").verdict == "unverifiable"  # never contradicted


def test_a_category_must_be_named_in_its_numbers_own_clause(checked: Checker) -> None:
    rows: list[Row] = [("ero.charges_total", 2019, 12_000, "category", "sexual_assault")]
    text = (
        "In fiscal year 2019, of those ICE arrested, about 12,000 had charges for sexual "
        "assault. More than 67,000 were arrested for drug crimes, more than 10,000 for "
        "weapons offenses."
    )
    result = checked(text, rows)
    assert claim(result, "more than 10,000").verdict == "unverifiable"


def test_such_ones_are_never_a_broader_figures_misstatement(checked: Checker) -> None:
    text = (
        "ICE also made more arrests of people with criminal records in fiscal year 2017. "
        "(ICE made 94,751 such arrests in the 2016 fiscal year.)"
    )
    assert claim(checked(text, ROWS), "94,751").verdict == "unverifiable"


def test_a_value_listed_after_one_is_never_contradicted_by_that_ones_metric(
    checked: Checker,
) -> None:
    rows: list[Row] = [*ROWS, ("removals_ice_arresting_agency", 2020, 62_739)]
    rows.append(("removals_ice_arresting_agency", 2019, 85_958))
    text = (
        "While total deportations are up, those stemming from ICE's interior arrests stand at "
        "47,000. This is far lower than the 62,739 deportations in FY20 and 95,958 in FY19."
    )
    found = claim(checked(text, rows), "95,958")
    assert (found.metric, found.verdict) == ("removals_ice_arresting_agency", "unverifiable")
    assert "listed before it" in found.reason


def test_a_share_set_beside_its_part_after_a_mere() -> None:
    text = "The new owners sold only 406,638 cars, a mere 4.4% of more than 9.6 million enquiries."
    found = claim(check(text), "4.4%")
    assert found.verdict == "contradicted"  # 406,638 of 9.6-9.7 million is at most 4.24%
    right = check(text.replace("4.4%", "4.2%"))
    assert claim(right, "4.2%").verdict == "supported"


def test_an_exact_number_of_an_unnamed_year_a_hair_off_one_years_figure_is_its_misstatement(
    checked: Checker,
) -> None:
    text = "A total of 256,086 undocumented immigrants were deported last year, according to ICE."
    found = claim(checked(text, ROWS), "256,086")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.removals",
        2018,
        "contradicted",
    )
    assert "misses by a hair" in found.reason
    exact = claim(checked(text.replace("256,086", "256,085"), ROWS), "256,085")
    assert (exact.fiscal_year, exact.verdict) == (2018, "supported")
    far = claim(checked(text.replace("256,086", "257,086"), ROWS), "257,086")
    assert far.verdict == "unverifiable"  # 0.4% off: no misstatement of any one year's


def test_a_calendar_year_reads_as_that_fiscal_year_only_where_its_figure_agrees(
    checked: Checker,
) -> None:
    text = "In 2019, the agency deported 267,258 people, just 11,000 more than the year before."
    result = checked(text, ROWS)
    assert verdict(result, "267,258") == ("ero.removals", 2019, "supported")
    assert "calendar year 2019" in claim(result, "267,258").reason
    assert claim(result, "11,000").verdict == "supported"  # 267,258 less 256,085
    wrong = checked(text.replace("267,258", "267,358"), ROWS)
    assert claim(wrong, "267,358").verdict == "unverifiable"  # a calendar year is no fiscal one


def test_a_text_that_names_one_calendar_year_most_may_state_its_fiscal_figures(
    checked: Checker,
) -> None:
    rows: list[Row] = [*ROWS, ("ero.arrests_criminal_history_share", 2019, 86)]
    text = (
        "The agency released its 2019 report this week. In 2019, it removed 267,258 people, "
        "against 410,000 in 2012.\n\n"
        "Most were criminals: 86 percent of its arrests were of people convicted or charged."
    )
    found = claim(checked(text, rows), "86 percent")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.arrests_criminal_history_share",
        2019,
        "supported",
    )
    assert "names calendar year 2019 most" in found.reason
    other = claim(checked(text.replace("86 percent", "76 percent"), rows), "76 percent")
    assert other.verdict == "unverifiable"


def test_a_projection_is_no_count_of_a_year(checked: Checker) -> None:
    text = (
        "As of June 2016, ICE had deported 168,781 people this year. That puts the agency on "
        "track for about 230,000 deportations in fiscal year 2016."
    )
    found = claim(checked(text, ROWS), "about 230,000")
    assert (found.verdict, found.metric) == ("unverifiable", None)
    assert "projection" in found.reason
    plain = checked(text.replace("on track for", "with"), ROWS)
    assert claim(plain, "about 230,000").verdict == "contradicted"  # 240,255 was the count


def test_a_goal_is_no_count(checked: Checker) -> None:
    text = (
        "In fiscal year 2016 the agency removed 240,255 people. Its new chief vowed to deport "
        "about 300,000 in fiscal year 2017, and the White House set a goal of 1 million a year."
    )
    result = checked(text, ROWS)
    for goal in ("about 300,000", "1 million"):
        found = claim(result, goal)
        assert found.verdict == "unverifiable"
        assert "is a goal, not a count" in found.reason
    done = checked(text.replace("vowed to deport", "said it deported"), ROWS)
    assert claim(done, "about 300,000").verdict == "contradicted"  # 226,119 was the count


def test_the_people_of_a_place_are_no_count_of_the_figures(checked: Checker) -> None:
    text = (
        "In fiscal year 2018 the agency removed 256,085 people, the equivalent of the 255,214 "
        "people who live in Madison, or nearly all the 258,612 residents of Buffalo."
    )
    result = checked(text, ROWS)
    assert verdict(result, "256,085") == ("ero.removals", 2018, "supported")
    for other in ("255,214", "258,612"):
        assert claim(result, other).verdict == "unverifiable"


def test_the_year_a_multiple_compares_with_is_its_base(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2021, 74_082), ("ero.admin_arrests", 2022, 142_750)]
    text = (
        "For FY 2022, ERO reported nearly twice the number of administrative arrests it made "
        "in FY 2021: 142,750 administrative arrests."
    )
    result = checked(text, rows)
    assert verdict(result, "142,750") == ("ero.admin_arrests", 2022, "supported")
    found = claim(result, "nearly twice")
    assert (found.fiscal_year, found.verdict) == (2022, "supported")


def test_a_change_restated_from_the_paragraph_that_works_it_out_is_borne_out() -> None:
    text = (
        "Highlights: a 15% increase in arrests and a 12% fall in permits compared to FY 2023."
        "\n\nThe office published its report for FY 2024 on Monday, its first in a decade. "
        "A new team wrote it.\n\n"
        "In FY 2024 it made 165,400 arrests, a 15% jump from the 143,800 arrests of FY 2023."
    )
    result = check(text, table([("ero.admin_arrests", 2022, 142_750)]))
    found = claim(result, "a 15% increase")
    assert found.verdict == "supported" and "restates 'a 15% jump'" in found.reason
    assert claim(result, "a 12% fall").verdict == "unverifiable"  # nothing works it out
    other = check(text.replace("a 15% increase in arrests", "a 15% increase in permits"))
    assert claim(other, "a 15% increase").verdict == "unverifiable"  # of another count


def test_a_share_restated_as_a_count_is_that_count_over_the_whole_before_it() -> None:
    text = (
        "The office reports it sold 158,581 tickets in FY 2018, of which 87 percent, or about "
        "138,000 tickets, were sold online."
    )
    found = claim(check(text), "87 percent")
    assert (found.verdict, found.checks[0].rule) == ("supported", "counted")
    wrong = claim(check(text.replace("87 percent", "77 percent")), "77 percent")
    assert wrong.verdict == "unverifiable"  # which count is the whole is a guess


def test_the_second_of_two_shares_that_make_up_a_whole_is_its_rest() -> None:
    text = (
        "In FY 2019, a greater share of the sales came from the shop (68 percent) rather than "
        "the website (32 percent)."
    )
    result = check(text)
    assert claim(result, "32 percent").verdict == "supported"
    assert claim(result, "68 percent").verdict == "unverifiable"  # the one stated first
    other = check(text.replace("32 percent", "22 percent"))
    assert claim(other, "22 percent").verdict == "unverifiable"  # never contradicted


def test_a_sentence_that_names_nothing_counted_reads_the_one_before_it(checked: Checker) -> None:
    text = (
        "Deportations were the highest since fiscal year 2014, when the agency deported and "
        "removed more than 316,000 people.\n\nThe peak of the previous leader's first term in office was around 267,000 "
        "in 2019."
    )
    assert verdict(checked(text, ROWS), "around 267,000") == ("ero.removals", 2019, "supported")


def test_an_office_held_names_no_office_of_the_figures() -> None:
    from yearbook.claims.relevance import MetricIndex

    index = MetricIndex({}, table([("opr.program_offices", 2019, 4)]), None)
    assert "offic" not in index.words("during his first term in office, since he took office")
    assert "offic" in index.words("the program offices")
    assert "countri" not in index.words("removed from the country, across the country")
    assert "countri" in index.words("to more than 150 countries")


def test_the_number_of_a_figure_of_the_text_is_no_claim() -> None:
    text = "Sales fell to 62,739 in 2020, down 27 percent from 85,958 in 2019 (Figure 1)."
    result = check(text)
    assert [c.text for c in result.claims] == ["62,739", "down 27 percent", "85,958"]
    assert claim(result, "down 27 percent").verdict == "supported"


def test_a_change_of_a_narrower_count_is_not_the_change_of_the_totals_beside_it() -> None:
    text = (
        "In FY 2017 the north, with 16,520 overall sales the year before, had a 156% increase "
        "in online sales. The south, despite a 6% decrease in shop sales, had 13,565 overall "
        "sales in FY 2017, a 174% jump in online sales."
    )
    result = check(text)
    assert claim(result, "a 174% jump").verdict == "unverifiable"
    plain = check(text.replace("a 174% jump in online sales", "a 174% jump in sales"))
    assert claim(plain, "a 174% jump").verdict == "contradicted"  # 16,520 to 13,565 is -17.9%


def test_a_share_of_those_without_what_an_earlier_share_counts_is_its_rest() -> None:
    text = (
        "In eight years, the share of online sales jumped from 39% in FY 2009 to 74% in FY "
        "2017.\n\nMeanwhile non-online sales dropped from 61% in FY 2009 to 26% in FY 2017."
    )
    result = check(text)
    assert claim(result, "61%").verdict == "supported"
    assert claim(result, "26%").verdict == "supported"
    other = check(text.replace("to 26% in FY 2017", "to 36% in FY 2017"))
    assert claim(other, "36%").verdict == "unverifiable"  # never contradicted


def test_nationally_names_no_national_count_and_a_prior_value_is_of_the_year_before(
    checked: Checker,
) -> None:
    rows: list[Row] = [*ROWS, ("ero.admin_arrests", 2017, 143_470)]
    rows.append(("opla.national_security_cases", 2017, 4_000))
    text = (
        "According to year-end figures, the office's arrests spiked. In total, the agency "
        "arrested 143,470 people nationally, compared to 110,104 last year."
    )
    result = checked(text, rows)
    assert verdict(result, "143,470") == ("ero.admin_arrests", 2017, "supported")
    assert verdict(result, "110,104") == ("ero.admin_arrests", 2016, "supported")


def test_a_change_after_a_value_is_not_checked_against_another_values_pair() -> None:
    text = (
        "The office said it sold roughly 104,000 tickets in FY 2020 compared with 143,000 "
        "during FY 2019. It also refunded 186,000 orders in FY 2020, a 30% decline from FY 2019."
    )
    found = claim(check(text), "a 30% decline")
    assert found.verdict == "unverifiable"  # 104,000 against 143,000 is -27%: not its pair


def test_a_total_its_parts_add_up_to_is_borne_out() -> None:
    text = (
        "There were 21,007 people in the shelters as of August 15. Of these, 20,785 were in "
        "adult shelters and 222 in family shelters."
    )
    result = check(text)
    found = claim(result, "21,007")
    assert found.verdict == "supported" and "20,785 + 222" in found.reason
    listed = check("That included 5,914 migrants, 5,872 gang members and 42 suspects.")
    assert claim(listed, "5,914").verdict == "unverifiable"  # siblings of a list, not parts
    off = check(text.replace("21,007", "21,107"))
    assert claim(off, "21,107").verdict == "unverifiable"  # never contradicted
    opened = check("They made 2,675 arrests in 2019 (2,048 on permits and 627 others).")
    assert claim(opened, "2,675").verdict == "supported"  # the parts in a parenthesis
    shut = check("They made 2,675 arrests (in 2019) and 2,048 on permits and 627 others.")
    assert claim(shut, "2,675").verdict == "unverifiable"  # the parenthesis closed before
    colon = check(
        "In FY2018, 396,448 people were held: 242,778 of them by the city and 153,670 by the state."
    )
    assert claim(colon, "396,448").verdict == "supported"  # parts after a colon


def test_a_round_count_of_two_kinds_is_borne_out_by_a_count_of_each() -> None:
    text = (
        "The office removed 12,000 family members and unaccompanied minors last year. It "
        "removed 5,702 family members in the year, a 110 percent jump from the year before. "
        "It also removed 6,351 unaccompanied minors."
    )
    result = check(text)
    found = claim(result, "12,000")
    assert found.verdict == "supported" and "5,702 + 6,351" in found.reason
    one_kind = check(text.replace("family members and unaccompanied minors", "people"))
    assert claim(one_kind, "12,000").verdict == "unverifiable"  # no words make it a total
    # the change set right after 5,702 is that count's, from a year the text does not give:
    # not 5,702 against 12,000 (+110.5%)
    assert claim(result, "a 110 percent jump").verdict == "unverifiable"


def test_a_totals_parts_may_stand_apart_with_other_years_counts_between() -> None:
    text = (
        "The number of initial bookings was 396,448 in FY2018. Bookings after arrests by the "
        "city were at 242,778 in FY2018, up from the 184,038 in FY2017. Bookings after arrests "
        "by the state were at 153,670 in FY2018, up from the 139,553 in FY2017."
    )
    found = claim(check(text), "396,448")
    assert found.verdict == "supported" and "242,778 + 153,670" in found.reason


def test_a_change_between_two_counts_of_people_may_be_truncated() -> None:
    text = (
        "The office arrested 6,192 immigrants this year - a 75 percent jump from last year, "
        "in which only 3,524 people were apprehended."
    )
    found = claim(check(text), "a 75 percent jump")
    assert found.verdict == "supported"  # 75.7% truncated; immigrants and people alike
    other = check(text.replace("a 75 percent jump", "a 77 percent jump"))
    assert claim(other, "a 77 percent jump").verdict == "unverifiable"


def test_people_a_verb_was_done_to_and_that_verbs_noun_are_one_count() -> None:
    text = (
        "From January 24 to April 30 2016, the office arrested 30,028 individuals. During the "
        "same period this year, it was responsible for 41,318 {}. That's an increase of 37.6%."
    )
    found = claim(check(text.format("arrests")), "an increase of 37.6%")
    assert found.verdict == "supported" and "from 30,028 to 41,318" in found.reason
    # another noun is another count
    assert claim(check(text.format("visits")), "an increase of 37.6%").verdict == "unverifiable"


def test_a_change_of_a_narrower_count_than_its_metric_is_never_contradicted() -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2017, 143_470),
        ("ero.admin_arrests", 2018, 158_581),
        ("ero.arrests_criminal_history", 2016, 90_000),
    ]
    text = (
        "In FY 2018 ICE made 158,581 arrests. This was a nearly eight percent increase in "
        "arrests of criminal aliens compared to FY 2017."
    )
    found = claim(check(text, table(rows)), "a nearly eight percent increase")
    assert found.verdict == "unverifiable" and "narrower" in found.reason
    plain = text.replace(" of criminal aliens", "")
    found = claim(check(plain, table(rows)), "a nearly eight percent increase")
    assert found.verdict == "contradicted"


def test_a_change_relates_the_values_it_goes_from_and_to(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2020, 103_603),
        ("ero.admin_arrests", 2021, 74_082),
        ("aggravated_felons_arrested", 2021, 12_025),
    ]
    text = (
        "In fiscal year 2021 the agency nearly doubled its arrests of people convicted of "
        "aggravated felonies, from 6,815 arrests in the prior fiscal year under the "
        "administration of the former director to {} arrests."
    )
    found = claim(checked(text.format("12,025"), rows), "nearly doubled")
    assert found.verdict == "contradicted" and "the text gives 6,815" in found.reason
    assert claim(checked(text.format("13,025"), rows), "nearly doubled").verdict != "contradicted"


def test_a_share_of_a_qualified_whole_is_read_as_loosely_as_the_whole() -> None:
    text = "The office sold 935,346 permits, accounting for 31.1% of over 2 million requests."
    assert claim(check(text), "31.1%").verdict != "contradicted"  # over 2 million: 3 million
    exact = check(text.replace("over 2 million", "2,000,000"))
    assert claim(exact, "31.1%").verdict == "contradicted"


def test_a_change_between_two_terms_is_borne_out_by_their_totals_paragraphs_apart() -> None:
    text = (
        "From fiscal year 2021 through fiscal year 2024, the office sold 545,252 permits.\n\n"
        "Sales rose in the last of those years, when the new rules took effect.\n\n"
        "From fiscal year 2017 through fiscal year 2020, more than 935,000 permits were sold. "
        "Compared with those years, sales fell by more than 41 percent."
    )
    found = claim(check(text), "fell by more than 41 percent")
    assert found.verdict == "supported", found.reason
    assert "935,000 to 545,252" in found.reason
    # never contradicted: which two totals it relates is a guess
    other = check(text.replace("41 percent", "30 percent"))
    assert claim(other, "fell by more than 30 percent").verdict == "unverifiable"
    # spans of unlike lengths are no two terms
    three = check(
        text.replace("fiscal year 2018", "fiscal year 2017").replace(
            "From fiscal year 2017 through", "From fiscal year 2018 through"
        )
    )
    assert claim(three, "fell by more than 41 percent").verdict == "unverifiable"


def test_a_change_may_be_borne_out_by_two_averages_beside_it() -> None:
    text = (
        "In its first year the office saw an average of 2,040 people a week. A year later the "
        "number climbed 150 percent to an average of 5,100 people a week."
    )
    assert claim(check(text), "climbed 150 percent").verdict == "supported"
    other = check(text.replace("150 percent", "120 percent"))
    assert claim(other, "climbed 120 percent").verdict == "unverifiable"  # never contradicted


def test_a_change_between_two_rounded_values_allows_for_them_being_cut_short() -> None:
    text = "In FY 2023 the list grew by 30.3% from 4.7 million in FY 2022 to more than 6.2 million."
    found = claim(check(text), "grew by 30.3%")
    assert found.verdict != "contradicted"  # 4,758,000 to 6,200,001 is 30.3%
    wrong = check(text.replace("30.3%", "20.3%"))
    assert claim(wrong, "grew by 20.3%").verdict == "contradicted"
    plain = "It served 2,400 families in FY 2023, up from 2,000 in FY 2022, an increase of 12%."
    assert claim(check(plain), "an increase of 12%").verdict == "contradicted"  # not scaled


def test_a_multiple_in_words_may_be_borne_out_by_two_like_values_around_it() -> None:
    text = (
        "In its first year the unit took 300 people into custody. That number more than "
        "tripled to 938 people in its fifth year."
    )
    assert claim(check(text), "more than tripled").verdict == "supported"
    short = check(text.replace("to 938", "to 738"))
    assert claim(short, "more than tripled").verdict == "unverifiable"  # never contradicted


def test_words_read_from_the_paragraph_before_never_contradict(checked: Checker) -> None:
    text = (
        "Deportations were the highest since fiscal year 2014, when the agency deported and "
        "removed more than 316,000 people.\n\nIt was 269,000 in FY 2019."
    )
    found = claim(checked(text, ROWS), "269,000")
    assert found.verdict == "unverifiable"  # not 267,258, but its words are borrowed
    same = claim(checked(text.replace("269,000", "267,258"), ROWS), "267,258")
    assert (same.metric, same.verdict) == ("ero.removals", "supported")


def test_a_change_in_a_calendar_year_text_may_be_borne_out_by_that_fiscal_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [*ROWS, ("ero.removals", 2017, 226_119)]
    text = (
        "Immigrant deportations rose in 2018. The agency deported 256,085 people in 2018, an "
        "increase of about 13 percent over a year ago."
    )
    found = claim(checked(text, rows), "an increase of about 13 percent")
    assert (found.fiscal_year, found.verdict) == (2018, "supported")
    assert "calendar years only" in found.reason
    wrong = checked(text.replace("about 13 percent", "about 23 percent"), rows)
    assert claim(wrong, "an increase of about 23 percent").verdict == "unverifiable"


def test_a_count_that_adds_another_never_contradicts_either(checked: Checker) -> None:
    text = (
        "In FY 2023 the agency also carried out 62,545 expulsions; together with removals that "
        "makes 205,125."
    )
    rows: list[Row] = [*ROWS, ("ero.removals", 2023, 142_580)]
    assert claim(checked(text, rows), "205,125").verdict == "unverifiable"
    adding = "Adding the 62,545 expulsions of FY 2023 to that year's removals gives 205,125."
    assert claim(checked(adding, rows), "205,125").verdict == "unverifiable"
    plain = "In FY 2023 the agency carried out 205,125 removals."
    assert claim(checked(plain, rows), "205,125").verdict == "contradicted"


def test_a_count_of_one_means_never_contradicts_the_whole(checked: Checker) -> None:
    text = "In FY 2023 the agency conducted 72,962 removals via charter flights."
    rows: list[Row] = [*ROWS, ("ero.removals", 2023, 142_580)]
    found = claim(checked(text, rows), "72,962")
    assert found.verdict == "unverifiable"
    plain = claim(checked(text.replace(" via charter flights", ""), rows), "72,962")
    assert plain.verdict == "contradicted"


def test_a_difference_worded_lower_than_a_year_is_checked_against_that_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2023, 142_580)]
    text = "So removals in fiscal 2023 were about 43,000 lower than in fiscal 2020."
    assert claim(checked(text, rows), "about 43,000").verdict == "supported"
    loose = (
        "In fiscal 2023 the office removed 142,580 people. In fiscal 2020 it removed 185,884, "
        "about 43,000 more."
    )
    assert claim(checked(loose, rows), "about 43,000").verdict != "contradicted"


def test_a_total_in_all_adds_more_than_one_count(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals_kst", 2023, 139)]
    total = (
        "In FY 2023 the office removed six human rights violators and 139 known or suspected "
        "terrorists, 145 people in all."
    )
    assert claim(checked(total, rows), "145").verdict != "contradicted"


def test_an_office_acronym_and_an_administration_name_no_count(checked: Checker) -> None:
    """A sentence naming only the office, or a government, reads the count the sentence
    before names: neither word says what it counts ("administration" is no administrative
    arrest)."""
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.admin_arrests", 2017, 143_470)]
    office = (
        "Sources give conflicting totals for removals under the last administration. "
        "The most consistent ERO figures show 226,119 in fiscal year 2017."
    )
    assert verdict(checked(office, rows), "226,119") == ("ero.removals", 2017, "supported")
    government = (
        "Removals are the measure to watch. "
        "The administration's first-year tally was 226,119 in FY 2017."
    )
    assert verdict(checked(government, rows), "226,119") == ("ero.removals", 2017, "supported")


def test_a_value_compared_with_one_someone_owns_is_of_the_year_its_figure_gives(
    checked: Checker,
) -> None:
    """Not the sentence's year: the one year whose figure it states, else none."""
    rows: list[Row] = [("ero.removals", 2016, 240_255), ("ero.removals", 2017, 226_119)]
    text = (
        "In fiscal 2017 removals came to 226,119, lower than the former director's final 240,255."
    )
    assert verdict(checked(text, rows), "240,255") == ("ero.removals", 2016, "supported")
    wrong = checked(text.replace("240,255", "250,255"), rows)
    assert claim(wrong, "250,255").verdict == "unverifiable"
    later = "Removals in FY 2016 were higher than the new director's first year number of 226,119."
    assert verdict(checked(later, rows), "226,119") == ("ero.removals", 2017, "supported")


def test_a_change_after_a_sentence_about_one_area_is_never_contradicted(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2022, 72_177)]
    text = (
        "Removals have also been on the rise in the Houston area. The data shows a 32% increase "
        "in removals from FY 2021 to FY 2022."
    )
    found = claim(checked(text, rows), "a 32% increase")
    assert found.verdict == "unverifiable"
    assert "area" in found.reason
    national = text.replace("The data shows", "Nationally, the data shows")
    assert claim(checked(national, rows), "a 32% increase").verdict == "contradicted"


def test_a_count_of_the_whole_country_is_never_a_misstated_figure(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.admin_arrests", 2017, 143_470)]
    said = "The United States detained 454,001 immigrants in fiscal year 2017 for deportation."
    assert claim(checked(said, rows), "454,001").verdict == "unverifiable"
    government = "The federal government removed 454,001 people in fiscal year 2017."
    assert claim(checked(government, rows), "454,001").verdict == "unverifiable"
    # a body of the country named in full is no whole country
    agency = "U.S. Immigration and Customs Enforcement made 145,470 arrests in fiscal year 2017."
    assert claim(checked(agency, rows), "145,470").verdict == "contradicted"


def test_a_value_compared_with_another_bodys_count_is_that_bodys(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    said = (
        "The Border Patrol arrested 310,531 migrants in fiscal year 2017, a decrease compared "
        "with the previous year, when there were 415,816 arrests."
    )
    assert claim(checked(said, rows), "415,816").verdict == "unverifiable"


def test_a_body_named_before_a_relative_clause_is_the_subject_after_it(
    checked: Checker,
) -> None:
    said = (
        "In its report released Tuesday, the CBP, which patrols the land border, made "
        "310,531 arrests in FY 2023."
    )
    found = claim(checked(said, [("ero.admin_arrests", 2023, 176_372)]), "310,531")
    assert found.verdict == "unverifiable" and "CBP" in found.reason


def test_a_count_when_more_categories_are_included_may_add_them(checked: Checker) -> None:
    said = (
        "First Trump term: under about 1 million formal deportations, and roughly 1.5 million when "
        "broader deportation categories are included."
    )
    rows: list[Row] = [
        ("ero.removals", 2017, 226_119),
        ("ero.removals", 2018, 256_085),
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2020, 185_884),
    ]
    assert claim(checked(said, rows), "about 1 million").verdict == "supported"
    assert claim(checked(said, rows), "roughly 1.5 million").verdict == "unverifiable"


def test_a_population_a_figure_names_is_no_place(checked: Checker) -> None:
    said = "Detention fell from an average detainee population of 50,000 in FY 2019."
    rows: list[Row] = [("ero.published_average_daily_population", 2019, 50_165)]
    assert claim(checked(said, rows), "50,000").verdict == "supported"


def test_people_living_in_the_country_after_a_figures_verb_are_no_places_people(
    checked: Checker,
) -> None:
    said = "The office said it arrested 103,603 people living in the country in FY 2020."
    rows: list[Row] = [("ero.admin_arrests", 2020, 103_603)]
    assert claim(checked(said, rows), "103,603").verdict == "supported"
    place = "That is about the 103,603 people who live in Riverton."
    assert claim(checked(place, rows), "103,603").verdict == "unverifiable"


def test_a_change_whose_subject_names_a_narrower_count_is_never_contradicted(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2018, 158_581), ("ero.admin_arrests", 2019, 143_099)]
    said = (
        "During FY 2019, the number of people apprehended or stopped at the border increased "
        "68 percent from FY 2018."
    )
    found = claim(checked(said, rows), "increased 68 percent")
    assert found.verdict == "unverifiable", found.reason
    plain = "During FY 2019, the number of people ICE arrested increased 68 percent from FY 2018."
    assert claim(checked(plain, rows), "increased 68 percent").verdict == "contradicted"


def test_a_country_joined_to_all_other_countries_is_no_part(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2022, 72_177)]
    said = "In FY 2022 deportations to Mexico and other countries slightly exceeded 72,000."
    assert claim(checked(said, rows), "exceeded 72,000").verdict == "supported"
    one = "In FY 2022 deportations to Mexico slightly exceeded 72,000."
    assert claim(checked(one, rows), "exceeded 72,000").verdict == "unverifiable"
