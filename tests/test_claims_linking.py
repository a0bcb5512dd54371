"""Which figure a claim is checked against: the linking rules of the claim checker (issue 14).

Every sentence here is written for these tests, and every figures table is a few rows
built in place: a claim's verdict is the fact each test states. One test per rule.
"""

from __future__ import annotations

import pytest

from tests.claims_support import Checker, Row, claim, verdict
from tests.conftest import REPO


@pytest.fixture(scope="module")
def checked() -> Checker:
    return Checker.flagship()


@pytest.fixture(scope="module")
def detention() -> Checker:
    """The checker of the real detention report, whose metrics name no office."""
    return Checker.of(REPO / "reports" / "ice-detention-fy2025")


THREE_YEARS: list[Row] = [
    ("ero.removals", 2022, 72_311),
    ("ero.removals", 2023, 136_904),
    ("ero.removals", 2024, 258_017),
]
REMOVALS_2023: list[Row] = [("ero.removals", 2023, 136_904)]
ARRESTS: list[Row] = [
    ("ero.admin_arrests", 2022, 148_210),
    ("ero.admin_arrests", 2023, 176_372),
]


# ------------------------------------------------------------- valuelink.py


def test_a_year_the_text_leaves_open_links_to_the_one_year_whose_figure_agrees(
    checked: Checker,
) -> None:
    # the text-wide year (FY 2023, named most) is a guess in a text naming two years
    several = "Removals in FY 2023 and FY 2024 climbed fast.\n\nThe agency deported 72,311 people."
    found = claim(checked(several, THREE_YEARS), "72,311")
    assert (found.metric, found.fiscal_year, found.verdict) == ("ero.removals", 2022, "supported")
    assert "the text does not say which year (FY 2023 was a guess)" in found.reason
    # "last year" in a text naming FY 2024 guesses FY 2023
    last = "In FY 2024 removals climbed fast. The agency deported 72,311 people last year."
    found = claim(checked(last, THREE_YEARS), "72,311")
    assert (found.metric, found.fiscal_year, found.verdict) == ("ero.removals", 2022, "supported")
    assert "does not say which year" in found.reason
    # '1.41 million' stands for values within 2% of it and tells the years apart;
    # '1.4 million' (values within 3.6% of it) does not, and keeps the guessed year
    millions: list[Row] = [
        ("ero.removals", 2022, 1_412_000),
        ("ero.removals", 2023, 2_690_000),
        ("ero.removals", 2024, 3_104_000),
    ]
    precise = several.replace("72,311", "1.41 million")
    assert verdict(checked(precise, millions), "1.41 million") == (
        "ero.removals",
        2022,
        "supported",
    )
    rough = claim(checked(several.replace("72,311", "1.4 million"), millions), "1.4 million")
    assert rough.fiscal_year == 2023 and "does not say which year" not in rough.reason


# removals_border: a figure with no declaration, named by its id as published tables are
BORDER: list[Row] = [*REMOVALS_2023, ("removals_border", 2022, 41_260)]


def test_an_adverb_names_no_count_its_adjective_names(checked: Checker) -> None:
    # "largely" says how, not what: the arrests are all arrests, not at-large ones
    rows: list[Row] = [
        ("ero.admin_arrests", 2021, 74_082),
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
    ]
    text = (
        "Deportations remained low in fiscal year 2022 while arrests nearly doubled, largely "
        "driven by people who recently crossed the border."
    )
    found = claim(checked(text, rows), "nearly doubled")
    assert (found.metric, found.verdict) == ("ero.admin_arrests", "supported"), found.reason


def test_a_count_s_noun_stops_before_the_year_after_it(checked: Checker) -> None:
    # "the previous year" is no noun of 114,434: it counts arrests, and is 4,330 too many
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "In fiscal year 2017 ICE made 143,470 arrests, up from 114,434 arrests the previous year."
    )
    assert verdict(checked(text, rows), "114,434") == ("ero.admin_arrests", 2016, "contradicted")


def test_that_number_reads_what_the_value_before_it_in_its_sentence_counts(
    checked: Checker,
) -> None:
    metric = "ero.published_average_daily_population"
    rows: list[Row] = [(metric, 2018, 42_188), (metric, 2019, 50_165)]
    text = (
        "The number of people the agency detains has grown for decades. While in 1994 only an "
        "average of 6,785 people were in custody on any given day, that number rose to more "
        "than 50,000 in FY2019."
    )
    found = claim(checked(text, rows), "more than 50,000")
    assert (found.metric, found.verdict) == (metric, "supported"), found.reason


def test_words_naming_a_narrower_count_keep_the_broader_figure_from_contradicting(
    checked: Checker,
) -> None:
    text = "In FY 2023, 98,410 people were deported after arriving at the border."
    found = claim(checked(text, BORDER), "98,410")
    assert (found.verdict, found.metric) == ("unverifiable", None)
    assert "'border'" in found.reason and "ero.removals" in found.reason
    # without those words, all removals are what it counts, and they say otherwise
    plain = checked("In FY 2023, 98,410 people were deported.", BORDER)
    assert verdict(plain, "98,410") == ("ero.removals", 2023, "contradicted")


def test_a_number_far_off_a_figure_is_no_misstatement_of_it_unless_its_digits_shifted(
    checked: Checker,
) -> None:
    """The clause names the removals figure: a factor of ten is the limit, unless the digits
    are the figure's shifted."""

    def removed(value: str) -> tuple[str | None, int | None, str]:
        text = f"Removals rose in FY 2023, and officers completed {value} removals."
        return verdict(checked(text, REMOVALS_2023), value)

    assert removed("131,470") == ("ero.removals", 2023, "contradicted")  # 1.04 times off
    assert removed("31,470") == ("ero.removals", 2023, "contradicted")  # 4.35 times off
    assert removed("6,470") == (None, 2023, "unverifiable")  # 21 times off
    assert removed("1,369,040") == ("ero.removals", 2023, "contradicted")  # digits x 10
    assert removed("13,690,400") == ("ero.removals", 2023, "contradicted")  # digits x 100


def test_a_figure_contradicts_only_a_number_whose_own_clause_names_it(checked: Checker) -> None:
    """ "Returns" alone is no name of the removals figure: the sentence's other clause names
    it, but what this number counts is left open."""
    text = "Removals rose in FY 2023, and officers completed 131,470 returns."
    assert verdict(checked(text, REMOVALS_2023), "131,470")[2] == "unverifiable"


def test_a_number_in_a_sentence_naming_no_year_is_contradicted_only_when_close(
    checked: Checker,
) -> None:
    """The year comes from the heading: a number more than 25% off may be another year's."""

    def under_heading(value: str) -> tuple[str | None, int | None, str]:
        text = f"# FY 2023\n\nERO removed {value} people."
        return verdict(checked(text, REMOVALS_2023), value)

    assert under_heading("121,470") == ("ero.removals", 2023, "contradicted")  # 11% off
    assert under_heading("91,470") == (None, 2023, "unverifiable")  # 33% off
    assert under_heading("1,369,040") == ("ero.removals", 2023, "contradicted")  # digits x 10


def test_each_number_links_by_its_own_clause(checked: Checker) -> None:
    rows: list[Row] = [*ARRESTS, *REMOVALS_2023]
    text = "In FY 2023 officers made 181,372 arrests and deported 139,904 people."
    result = checked(text, rows)
    arrests, removals = claim(result, "181,372"), claim(result, "139,904")
    assert (arrests.metric, arrests.verdict) == ("ero.admin_arrests", "contradicted")
    assert "176,372" in arrests.reason
    assert (removals.metric, removals.verdict) == ("ero.removals", "contradicted")
    assert "136,904" in removals.reason


# ------------------------------------------------------------------ link.py


def test_a_change_follows_the_value_right_before_it_even_when_unlinked(
    checked: Checker,
) -> None:
    """176,372 is 19.0% above 148,210; the 27.5% is the detentions', which no figure holds."""
    text = (
        "In FY 2023 arrests (176,372) were up 19 percent, "
        "and detentions (312,904) were up 27.5 percent."
    )
    result = checked(text, ARRESTS)
    assert verdict(result, "up 19 percent") == ("ero.admin_arrests", 2023, "supported")
    assert claim(result, "312,904").verdict == "unverifiable"
    detentions = claim(result, "up 27.5 percent")
    assert (detentions.metric, detentions.verdict) == (None, "unverifiable")


def test_a_change_counts_what_its_own_clause_names_not_the_clause_after_it(
    checked: Checker,
) -> None:
    """92.7% from 74,082 to 142,750: "nearly doubled" is the arrests', not the histories'."""
    rows: list[Row] = [
        ("ero.admin_arrests", 2021, 74_082),
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.arrests_criminal_history", 2021, 40_000),
        ("ero.arrests_criminal_history", 2022, 46_396),
    ]
    text = (
        "Arrests made inside the United States nearly doubled last year over 2021 and tens of "
        "thousands of those arrested had criminal histories. "
        "In fiscal year 2022 officers made 142,750 arrests."
    )
    assert verdict(checked(text, rows), "nearly doubled") == (
        "ero.admin_arrests",
        2022,
        "supported",
    )


def test_a_change_right_after_another_bodys_count_is_that_bodys_change(
    checked: Checker,
) -> None:
    """The arrests nearly doubled, but the clause's count is the border agents'."""
    rows: list[Row] = [
        ("ero.admin_arrests", 2021, 74_082),
        ("ero.admin_arrests", 2022, 142_750),
    ]
    text = "In fiscal year 2022 border agents made 142,000 arrests, nearly double over last year."
    found = claim(checked(text, rows), "nearly double")
    assert (found.metric, found.verdict) == (None, "unverifiable")
    assert "border agents's counts" in found.reason
    ours = "In fiscal year 2022 officers made 142,750 arrests, nearly double over last year."
    assert verdict(checked(ours, rows), "nearly double") == ("ero.admin_arrests", 2022, "supported")


def test_a_change_its_clause_clearly_names_is_contradicted_unless_a_place_is_named(
    checked: Checker,
) -> None:
    """-68.3% from 185,884 to 59,011: "more than 70 percent lower" misstates it."""
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2021, 59_011)]
    text = "Removals in FY 2021 were more than 70 percent lower than in FY 2020."
    found = claim(checked(text, rows), "more than 70 percent lower")
    assert (found.metric, found.verdict) == ("ero.removals", "contradicted")
    assert "185,884" in found.reason
    for place in (
        "Removals to South America in FY 2021 were more than 70 percent lower than in FY 2020.",
        "The office in northern Ohio was busy. Its removals in FY 2021 were more than 70 "
        "percent lower than in FY 2020.",
    ):
        assert claim(checked(place, rows), "more than 70 percent lower").verdict != "contradicted"


def test_a_change_in_a_sentence_naming_nothing_counted_reads_the_sentence_before(
    checked: Checker,
) -> None:
    """+13.25% from 226,119 to 256,085: it may support the change, never contradict it."""
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.removals", 2018, 256_085)]
    text = "Removals were the headline. The 2018 numbers are a 13% increase from FY 2017."
    assert verdict(checked(text, rows), "a 13% increase") == ("ero.removals", 2018, "supported")
    wrong = checked(text.replace("13%", "30%"), rows)
    assert claim(wrong, "a 30% increase").verdict == "unverifiable"


def test_a_rate_is_borne_out_by_the_years_figure_over_its_days_or_months(
    checked: Checker,
) -> None:
    """59,011 over 365.25 days is 161.6 a day; 74,082 over 12 months is 6,173.5 a month."""
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.admin_arrests", 2021, 74_082)]
    daily = checked("Officers removed about 160 people a day in FY 2021.", rows)
    assert claim(daily, "about 160").verdict == "supported"
    assert "over the 365.25 days of a year" in claim(daily, "about 160").reason
    monthly = "In FY 2021 the monthly average of administrative arrests was 6,174."
    assert claim(checked(monthly, rows), "6,174").verdict == "supported"
    wrong = checked("Officers removed about 260 people a day in FY 2021.", rows)
    assert claim(wrong, "about 260").verdict == "unverifiable"  # never contradicted


def test_a_value_compared_with_counts_what_the_compared_subject_counts(
    checked: Checker,
) -> None:
    """128,000 is the convicted criminals removed, not all removals (226,119)."""
    rows: list[Row] = [
        ("ero.removals", 2017, 226_119),
        ("removals_with_criminal_history", 2017, 150_000),
    ]
    text = (
        "The number of convicted criminals deported in 2018 was slightly higher than the "
        "128,000 deported in fiscal year 2017."
    )
    found = claim(checked(text, rows), "128,000")
    assert found.verdict == "unverifiable"
    assert "says more of what it counts" in found.reason


# ------------------------------------------------------------- relevance.py


def test_a_category_with_no_words_of_its_own_is_never_the_linked_figure(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        *REMOVALS_2023,
        ("ero.removals", 2023, 61_220, "departure_country", "mexico"),
        ("ero.removals", 2023, 5_113, "departure_country", "other"),
    ]
    found = claim(checked("In FY 2023 ERO removed 5,113 people.", rows), "5,113")
    assert found.breakdown_value != "other"
    assert found.verdict == "unverifiable"
    # a category with words of its own still links
    named = checked("In FY 2023 ERO removed 61,220 people to Mexico.", rows)
    mexico = claim(named, "61,220")
    assert (mexico.verdict, mexico.breakdown_value) == ("supported", "mexico")


def test_an_average_of_people_links_under_an_office_its_id_does_not_name(
    detention: Checker,
) -> None:
    """A report's metrics may be named for what they count ("detention.adp") while its
    sections name an office: the section's office does not rule them out, and a number
    followed by "average" ("50,011.3 Average daily detained population", "43,755 on an
    average day") is an average, stated to its last place."""
    rows: list[Row] = [("detention.adp", 2025, 50_011.3), ("detention.adp_male", 2025, 43_754.94)]
    text = (
        "## The detained population ERO\n\n"
        "- 50,011.3 Average daily detained population\n\n"
        "Men made up most of the population in FY 2025: 43,755 on an average day.\n"
    )
    result = detention(text, rows)
    assert verdict(result, "50,011.3") == ("detention.adp", 2025, "supported")
    assert claim(result, "43,755").kind == "average"
    assert claim(result, "43,755").verdict != "contradicted"  # 43,754.94 rounds to it


def test_a_category_named_in_its_own_sentence_beyond_the_next_words_is_its_own(
    detention: Checker,
) -> None:
    """A table's row of a long category name under a long title: the name is in the
    number's own sentence, if further from it than the words read next to it."""
    rows: list[Row] = [
        ("detention.adp", 2025, 2_179.463, "facility", "ADAMS COUNTY CORRECTIONAL CENTER"),
        ("detention.adp", 2025, 1_905.066, "facility", "STEWART DETENTION CENTER"),
    ]
    text = (
        "<html><body><table><caption>Average daily detained population by detention"
        " facility, FY 2025"
        "</caption><tr><th>Detention facility</th><th>Value (people)</th></tr>"
        "<tr><td>ADAMS COUNTY CORRECTIONAL CENTER</td><td>2,179.5</td></tr>"
        "<tr><td>STEWART DETENTION CENTER</td><td>1,905.1</td></tr></table></body></html>"
    )
    result = detention(text, rows)
    for number, name in (
        ("2,179.5", "ADAMS COUNTY CORRECTIONAL CENTER"),
        ("1,905.1", "STEWART DETENTION CENTER"),
    ):
        found = claim(result, number)
        assert (found.verdict, found.breakdown_value) == ("supported", name), found.reason


def test_a_count_named_by_its_numbered_authority_is_not_the_count_it_words(
    checked: Checker,
) -> None:
    """ "62,545 deportations under Title 42" names Title 42 expulsions, though it calls them
    deportations: supported where its sentence names expulsions too, never a misstated
    removals count; with no such name it is one."""
    rows: list[Row] = [("title42_expulsions", 2023, 62_545), ("ero.removals", 2023, 142_580)]
    said = "In FY 2023 there were 62,545 deportations under Title 42, which allowed expulsions."
    assert claim(checked(said, rows), "62,545").verdict == "supported"
    bare = "In FY 2023 there were 62,545 deportations under Title 42."
    assert claim(checked(bare, rows), "62,545").verdict == "unverifiable"
    plain = "In FY 2023 there were 62,545 deportations."
    assert claim(checked(plain, rows), "62,545").verdict == "contradicted"


def test_a_part_of_a_stated_whole_is_read_with_what_is_said_after_the_whole(
    checked: Checker,
) -> None:
    """ "46,396 of the 142,750 people arrested had a criminal conviction": the words after the
    whole say what the part counts."""
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.arrests_criminal_history", 2022, 46_396),
    ]
    text = (
        "The report shows that in FY 2022 only 46,396 of the 142,750 people the office arrested "
        "had a criminal conviction or pending charge."
    )
    assert verdict(checked(text, rows), "46,396") == (
        "ero.arrests_criminal_history",
        2022,
        "supported",
    )


def test_a_difference_whose_own_words_read_like_another_metric_borrows_no_metric(
    checked: Checker,
) -> None:
    """A difference in a sentence after another's takes that one's metric only when its own
    words do not read like another metric's ("removals at the border fell by some 30,000")."""
    rows: list[Row] = [
        ("ero.removals", 2016, 240_255),
        ("ero.removals", 2017, 226_119),
        ("removals_border", 2022, 43_973),
    ]
    text = (
        "Total removals declined in fiscal 2017, to 226,119 from 240,255, or 14,136 fewer. "
        "Removals of people caught at the border fell by some 30,000."
    )
    found = claim(checked(text, rows), "some 30,000")
    assert found.verdict == "unverifiable", found.reason


def test_bare_sentences_in_a_row_count_what_the_sentence_before_them_named(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2016, 240_255), ("ero.removals", 2017, 226_119)]
    text = "Start with removals. FY16: 240,255. FY17: 226,119. That last one fell."
    result = checked(text, rows)
    assert verdict(result, "226,119") == ("ero.removals", 2017, "supported")
    wrong = checked(text.replace("226,119", "226,191"), rows)
    assert claim(wrong, "226,191").verdict != "contradicted"


def test_a_change_that_starts_at_its_direction_is_of_what_went_before_the_verb(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2022, 148_210), ("ero.admin_arrests", 2023, 176_372)]
    said = "FY 2023 was a busy year. Arrests went up 25 percent compared to last year."
    assert verdict(checked(said, rows), "up 25 percent") == (
        "ero.admin_arrests",
        2023,
        "contradicted",
    )
