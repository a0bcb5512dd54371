"""The claim checker's newer linking and reading rules (issue 14), one test per rule.

Every sentence here is written for these tests, and every figures table is a few rows
built in place: a claim's verdict is the fact each test states.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.claims_support import Checker, Row, claim, published, verdict
from yearbook.claims import ClaimVerdict, check
from yearbook.claims.sources import Crosswalk, figures_from_rows
from yearbook.claims.text import sentence_spans


@pytest.fixture(scope="module")
def checked() -> Checker:
    return Checker.flagship()


# 226,119 + 256,085 + 267,258 + 185,884 = 935,346 (FY 2017 to FY 2020);
# FY 2018 to FY 2021 adds up to 768,238 and FY 2019 to FY 2022 to 584,330.
SIX_YEARS: list[Row] = [
    ("ero.removals", 2017, 226_119),
    ("ero.removals", 2018, 256_085),
    ("ero.removals", 2019, 267_258),
    ("ero.removals", 2020, 185_884),
    ("ero.removals", 2021, 59_011),
    ("ero.removals", 2022, 72_177),
]
ARRESTS_2019: list[Row] = [
    ("ero.admin_arrests", 2018, 158_581),
    ("ero.admin_arrests", 2019, 143_099),
]


def test_a_count_over_a_span_is_checked_against_a_sum_over_its_years(checked: Checker) -> None:
    def over_four_years(value: str) -> tuple[str | None, int | None, str]:
        text = f"ERO removed {value} noncitizens over four fiscal years."
        return verdict(checked(text, SIX_YEARS), value)

    found = claim(
        checked("ERO removed more than 935,000 noncitizens over four fiscal years.", SIX_YEARS),
        "more than 935,000",
    )
    assert (found.metric, found.verdict) == ("ero.removals", "supported")
    assert "FY 2017 to FY 2020 adds up to 935,346" in found.reason
    assert over_four_years("fewer than 932,000") == ("ero.removals", None, "contradicted")
    assert over_four_years("about 850,000") == (None, None, "unverifiable")
    # a span naming its years is summed over those years, not over any run that agrees
    named = "Between FY 2018 and FY 2021 ERO removed {} noncitizens."
    found = claim(checked(named.format("768,238"), SIX_YEARS), "768,238")
    assert (found.metric, found.verdict) == ("ero.removals", "supported")
    assert "FY 2018 to FY 2021 adds up to 768,238" in found.reason
    # another run's sum is the wrong years' total: the named years' sum contradicts it
    other_run = claim(checked(named.format("more than 935,000"), SIX_YEARS), "more than 935,000")
    assert other_run.verdict == "contradicted"
    assert "FY 2018 to FY 2021 adds up to 768,238" in other_run.reason
    # as does a sum clearly off, however round; but not a count some one year of it states
    # ("fiscal year 2017-2018" may be one year), nor one off by more than a factor of 3.5
    two = "ERO removed {} noncitizens in FY 2017-2018."
    assert verdict(checked(two.format("over 550,000"), SIX_YEARS), "over 550,000") == (
        "ero.removals",
        None,
        "contradicted",
    )
    for value in ("256,085", "5 million"):
        assert claim(checked(two.format(value), SIX_YEARS), value).verdict == "unverifiable"


def test_a_precise_number_a_hair_off_a_relevant_figure_is_contradicted_by_it(
    checked: Checker,
) -> None:
    """Border removals read as relevant as all removals, but only all removals has a figure
    for FY 2023: 142,850 misses its 142,580 by 0.2%, 145,850 by 2.3%."""
    rows: list[Row] = [("ero.removals", 2023, 142_580), ("removals_border", 2022, 88_140)]

    def counting_the_border(value: str) -> tuple[str, str]:
        text = f"In FY 2023, ERO removed {value} noncitizens, counting removals at the border."
        found = claim(checked(text, rows), value)
        return found.verdict, found.reason

    verdict_, reason = counting_the_border("more than 142,850")
    assert verdict_ == "contradicted"
    assert "ero.removals FY 2023 is 142,580" in reason and "runner-up removals_border" in reason
    assert counting_the_border("more than 145,850")[0] == "unverifiable"
    assert counting_the_border("142,580")[0] == "supported"


def test_a_share_of_those_without_is_checked_against_the_rest_of_the_share(
    checked: Checker,
) -> None:
    """43% of arrests had a criminal history, so 57% had none."""
    rows: list[Row] = [
        ("ero.admin_arrests", 2023, 170_590),
        published("ero.arrests_criminal_history_share", 2023, 43, unit="percent"),
    ]

    def without(share: str, words: str = "criminal history") -> tuple[str | None, str]:
        text = f"In FY 2023, {share} of arrested noncitizens had no {words}."
        found = claim(checked(text, rows), share)
        return found.metric, found.verdict

    assert without("57%") == ("ero.arrests_criminal_history_share", "supported")
    assert without("60%") == ("ero.arrests_criminal_history_share", "contradicted")
    assert without("57%", "criminal record") == ("ero.arrests_criminal_history_share", "supported")
    with_history = checked("In FY 2023, 43% of arrested noncitizens had a criminal history.", rows)
    assert claim(with_history, "43%").verdict == "supported"


def test_changes_said_respectively_pair_with_their_values_in_order(checked: Checker) -> None:
    """Removals rose 92.7% (73,990 to 142,580), arrests 22.3% (139,485 to 170,590)."""
    rows: list[Row] = [
        ("ero.removals", 2022, 73_990),
        ("ero.removals", 2023, 142_580),
        ("ero.admin_arrests", 2022, 139_485),
        ("ero.admin_arrests", 2023, 170_590),
    ]
    text = (
        "In FY 2023 ERO removed 142,580 noncitizens and made 170,590 arrests, "
        "increases of 93% and 22%, respectively."
    )
    changes = [c for c in checked(text, rows).claims if c.kind == "change"]
    assert [c.text for c in changes] == ["increases of 93%", "22%"]
    first, second = changes
    assert (first.metric, first.fiscal_year, first.verdict) == ("ero.removals", 2023, "supported")
    assert (second.text, second.metric, second.verdict) == (
        "22%",
        "ero.admin_arrests",
        "supported",
    )
    assert "+22.30% from FY 2022 to FY 2023" in second.reason


REMOVALS_2023: list[Row] = [("ero.removals", 2023, 142_580), ("ero.admin_arrests", 2023, 170_590)]


def test_a_total_of_counts_what_its_sentence_spoke_of_before_it(checked: Checker) -> None:
    """Removals are named too far before the number to be among the words next to it."""
    text = (
        "In FY 2023 the agency carried out removals on flights chartered to distant places "
        "across several continents, a total of {}."
    )
    assert verdict(checked(text.format("141,580"), REMOVALS_2023), "141,580") == (
        "ero.removals",
        2023,
        "contradicted",
    )
    assert verdict(checked(text.format("142,580"), REMOVALS_2023), "142,580") == (
        "ero.removals",
        2023,
        "supported",
    )


def test_words_after_including_name_parts_not_what_the_number_counts(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.removals", 2023, 142_580),
        ("ero.removals_gang", 2023, 2_544),
        ("ero.removals_kst", 2023, 139),
    ]
    parts = "including gang members and known or suspected terrorists"

    def including(value: str) -> tuple[str | None, int | None, str]:
        return verdict(
            checked(f"In FY 2023 ERO removed {value} noncitizens, {parts}.", rows), value
        )

    assert including("142,580") == ("ero.removals", 2023, "supported")
    assert including("141,580") == ("ero.removals", 2023, "contradicted")
    assert including("about 140,000") == ("ero.removals", 2023, "supported")


def test_a_figure_published_only_as_more_than_n_bears_out_no_more_precise_claim(
    checked: Checker,
) -> None:
    rows: list[Row] = [published("hsi.wat_criminal_arrests", 2023, 170, qualifier="more than")]

    def operation(value: str) -> ClaimVerdict:
        text = f"In FY 2023 Operation Without a Trace led to {value} criminal arrests."
        return claim(checked(text, rows), value)

    assert operation("more than 170").verdict == "supported"
    for value in ("180", "172"):
        found = operation(value)
        assert (found.metric, found.verdict) == ("hsi.wat_criminal_arrests", "unverifiable")
        assert "published only as more than 170" in found.reason
    assert operation("150").verdict == "contradicted"  # below what was published


def test_nearly_reaches_at_most_a_fifth_below_the_number(checked: Checker) -> None:
    rows: list[Row] = [("hsi.firearms_seized", 2022, 8_350), ("hsi.firearms_seized", 2023, 2_197)]

    def nearly(year: int, value: str) -> tuple[str | None, int | None, str]:
        return verdict(checked(f"In FY {year} HSI seized {value} firearms.", rows), value)

    assert nearly(2022, "nearly 10,000") == ("hsi.firearms_seized", 2022, "supported")
    assert nearly(2023, "nearly 10,000") == ("hsi.firearms_seized", 2023, "contradicted")
    assert nearly(2023, "nearly 3,000")[2] != "supported"  # 2,197 is 27% below 3,000


def test_an_increase_of_n_after_a_value_is_a_difference_of_its_metric(
    checked: Checker,
) -> None:
    """267,258 - 256,085 = 11,173; 158,581 - 143,099 = 15,482."""
    rows: list[Row] = [
        ("ero.removals", 2018, 256_085),
        ("ero.removals", 2019, 267_258),
        *ARRESTS_2019,
    ]

    def increase(value: str) -> tuple[str | None, int | None, str]:
        text = f"In FY 2019 ERO removed 267,258 noncitizens, an increase of {value} from FY 2018."
        return verdict(checked(text, rows), value)

    assert increase("11,173") == ("ero.removals", 2019, "supported")
    assert increase("12,173") == ("ero.removals", 2019, "contradicted")
    down = checked("In FY 2019 ERO made 143,099 arrests, down by 15,482 from FY 2018.", rows)
    found = claim(down, "15,482")
    assert (found.metric, found.verdict) == ("ero.admin_arrests", "supported")
    assert "FY 2018 less FY 2019 is 15,482" in found.reason


def test_a_change_agreeing_with_the_most_relevant_metric_needs_no_full_name(
    checked: Checker,
) -> None:
    """Arrests fell 9.8% (158,581 to 143,099)."""

    def dropped(subject: str, change: str = "almost 10") -> tuple[str | None, int | None, str]:
        text = f"In FY 2019 {subject} dropped by {change} percent."
        return verdict(checked(text, ARRESTS_2019), f"dropped by {change} percent")

    assert dropped("the total arrests by the agency") == ("ero.admin_arrests", 2019, "supported")
    assert dropped("overall apprehensions") == ("ero.admin_arrests", 2019, "supported")
    assert dropped("overall apprehensions", "almost 20") == (None, 2019, "unverifiable")


def test_a_value_up_from_a_named_years_value_is_of_the_year_after(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2022, 72_177), ("ero.removals", 2023, 142_580)]
    text = "ERO removed {} noncitizens, up from 72,177 in FY 2022."
    assert verdict(checked(text.format("142,580"), rows), "142,580") == (
        "ero.removals",
        2023,
        "supported",
    )
    assert verdict(checked(text.format("132,580"), rows), "132,580") == (
        "ero.removals",
        2023,
        "contradicted",
    )


def test_a_text_naming_no_year_links_to_the_one_year_its_precise_number_states(
    checked: Checker,
) -> None:
    """72,177 is FY 2022's removals; the rough arrests of its sentence follow FY 2022."""
    rows: list[Row] = [
        ("ero.removals", 2022, 72_177),
        ("ero.removals", 2023, 142_580),
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.admin_arrests", 2023, 170_590),
    ]
    result = checked("ERO removed 72,177 noncitizens and made about 140,000 arrests.", rows)
    removals = claim(result, "72,177")
    assert (removals.metric, removals.fiscal_year, removals.verdict) == (
        "ero.removals",
        2022,
        "supported",
    )
    assert "FY 2022 is the only year whose figure it states" in removals.reason
    assert verdict(result, "about 140,000") == ("ero.admin_arrests", 2022, "supported")


def test_a_metric_named_but_without_figures_leaves_the_claim_to_its_value(
    checked: Checker,
) -> None:
    """The sources publish removals under their own name (removals_total), not ero.removals."""
    rows: list[Row] = [("removals_total", 2023, 142_580), ("gang_removals", 2023, 2_544)]
    text = "In FY 2023 ERO carried out {} removals and deportations."
    assert verdict(checked(text.format("150,580"), rows), "150,580") == (
        "removals_total",
        2023,
        "contradicted",
    )
    assert verdict(checked(text.format("142,580"), rows), "142,580") == (
        "removals_total",
        2023,
        "supported",
    )


def test_a_span_in_an_earlier_clause_is_not_the_claims(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2022, 72_177)]
    text = "In FY 2022, which ran from Oct. 1, 2021 to Sept. 30, 2022, ERO removed {} noncitizens."
    assert verdict(checked(text.format("72,177"), rows), "72,177") == (
        "ero.removals",
        2022,
        "supported",
    )
    assert verdict(checked(text.format("73,177"), rows), "73,177") == (
        "ero.removals",
        2022,
        "contradicted",
    )


def test_a_number_in_parentheses_after_a_noun_counts_that_noun(checked: Checker) -> None:
    """Book-ins have no figure: neither they nor their change is set against the arrests."""
    rows: list[Row] = [("ero.admin_arrests", 2022, 142_750), ("ero.admin_arrests", 2023, 170_590)]
    text = "In FY 2023 ERO made 170,590 arrests, and book-ins (312,904) were up 27.5 percent."
    result = checked(text, rows)
    assert verdict(result, "170,590") == ("ero.admin_arrests", 2023, "supported")
    assert claim(result, "312,904").verdict == "unverifiable"
    assert claim(result, "up 27.5 percent").verdict == "unverifiable"


def test_a_round_number_is_linked_to_a_year_only_within_its_rounding(checked: Checker) -> None:
    """Read as cut short, 70,000 could be FY 2022's 79,100; a reading that loose tells no year
    from another, so the year the text leaves open stays its guess."""
    rows: list[Row] = [
        ("ero.removals", 2022, 79_100),
        ("ero.removals", 2023, 142_580),
        ("ero.removals", 2024, 271_484),
    ]
    text = "Removals in FY 2023 and FY 2024 rose sharply.\n\nThe agency deported 70,000 people."
    found = claim(checked(text, rows), "70,000")
    assert (found.fiscal_year, found.verdict) == (2023, "unverifiable")
    assert "FY 2022" not in found.reason


# ------------------------------------------------ what the rules above must not break


def test_a_span_at_the_head_of_a_sentence_or_after_its_number_is_the_claims(
    checked: Checker,
) -> None:
    """The span's years are summed whether the span leads the sentence or follows the number;
    a span inside an aside ("which ran from ...") is not the claim's."""
    for text in (
        "Between FY 2017 and FY 2020, ERO removed 935,346 noncitizens.",
        "ERO removed 935,346 noncitizens between FY 2017 and FY 2020.",
    ):
        found = claim(checked(text, SIX_YEARS), "935,346")
        assert (found.verdict, found.fiscal_year) == ("supported", None), text
        assert "FY 2017 to FY 2020 adds up to 935,346" in found.reason
    led = checked("Over four fiscal years, ERO removed more than 935,000 noncitizens.", SIX_YEARS)
    assert claim(led, "more than 935,000").verdict == "supported"
    aside = "In FY 2022, which ran from Oct. 1, 2021 to Sept. 30, 2022, ERO removed 72,177 people."
    assert verdict(checked(aside, SIX_YEARS), "72,177") == ("ero.removals", 2022, "supported")


def test_respectively_pairs_by_place_so_swapped_changes_are_contradicted(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.removals", 2022, 73_990),
        ("ero.removals", 2023, 142_580),
        ("ero.admin_arrests", 2022, 139_485),
        ("ero.admin_arrests", 2023, 170_590),
    ]
    text = (
        "In FY 2023 ERO removed 142,580 noncitizens and made 170,590 arrests, "
        "increases of 22% and 93%, respectively."
    )
    changes = [c for c in checked(text, rows).claims if c.kind == "change"]
    assert [(c.metric, c.verdict) for c in changes] == [
        ("ero.removals", "contradicted"),
        ("ero.admin_arrests", "contradicted"),
    ]


def test_a_near_miss_wins_over_a_farther_relevant_figure(checked: Checker) -> None:
    """Border removals have a FY 2023 figure too: the claim misses all removals by a hair,
    so that is the figure it misstates, not the border's 88,140."""
    rows: list[Row] = [("ero.removals", 2023, 142_580), ("removals_border", 2023, 88_140)]
    text = "In FY 2023, ERO removed more than 142,850 noncitizens, counting removals at the border."
    found = claim(checked(text, rows), "more than 142,850")
    assert (found.metric, found.verdict) == ("ero.removals", "contradicted")
    assert "142,580" in found.reason


def test_a_share_of_those_without_needs_no_unit_column(checked: Checker) -> None:
    rows: list[Row] = [("ero.arrests_criminal_history_share", 2023, 43)]
    text = "In FY 2023, 57% of arrested noncitizens had no criminal history."
    found = claim(checked(text, rows), "57%")
    assert found.verdict == "supported", found.reason
    assert "100% less ero.arrests_criminal_history_share FY 2023 is 57" in found.reason


def test_each_item_of_a_list_is_checked_as_it_is_and_by_its_longest_name(
    checked: Checker,
) -> None:
    """Two items giving one metric two changes on two bases are both checked; a change whose
    text states a longer name than the metric it was named by is the longer one's change."""
    rows: list[Row] = [
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
        published("removals_ice_arresting_agency", 2021, 31_557),
        published("removals_ice_arresting_agency", 2022, 28_204),
    ]
    text = (
        "- Interior removals rose 57% in FY 2022\n"
        "- Removals fell 40% in FY 2022 compared with FY 2019\n"
        "- Removals fell 73% in FY 2022 compared with FY 2019\n"
    )
    result = checked(text, rows)
    got = [(c.text, c.metric, c.verdict) for c in result.claims]
    assert got == [
        ("rose 57%", "removals_ice_arresting_agency", "contradicted"),
        ("fell 40%", "ero.removals", "contradicted"),
        ("fell 73%", "ero.removals", "supported"),
    ]


def test_a_value_risen_to_in_a_named_year_from_another_is_the_year_befores(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2022, 142_750), ("ero.admin_arrests", 2023, 170_590)]
    result = checked("ICE's arrests climbed to 170,590 in FY 2023 from 142,750.", rows)
    assert verdict(result, "142,750") == ("ero.admin_arrests", 2022, "supported")


def test_n_years_earlier_reaches_n_years_back_and_is_no_span(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2020, 103_603),
        ("ero.admin_arrests", 2021, 74_082),
        ("ero.admin_arrests", 2022, 142_750),
    ]
    text = "In FY 2022, ERO made 142,750 arrests, against 103,603 two years earlier."
    assert verdict(checked(text, rows), "103,603") == ("ero.admin_arrests", 2020, "supported")


def test_a_change_said_with_a_perfect_tense_verb_is_a_change(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2017, 226_119), ("ero.removals", 2018, 256_085)]
    text = "Removals have risen about 13 percent since fiscal 2017, to 256,085 in fiscal 2018."
    found = claim(checked(text, rows), "risen about 13 percent")
    assert (found.kind, found.metric, found.verdict) == ("change", "ero.removals", "supported")


def test_a_from_to_span_gives_a_change_its_base_and_its_two_values_their_years(
    checked: Checker,
) -> None:
    text = "From FY 2019 to FY 2021, removals fell from 267,258 to 59,011, a drop of 78%."
    result = checked(text, SIX_YEARS)
    assert verdict(result, "267,258") == ("ero.removals", 2019, "supported")
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert claim(result, "a drop of 78%").verdict == "supported"


def test_a_part_after_an_average_is_not_the_total_it_is_an_average_of(checked: Checker) -> None:
    text = (
        "In FY 2023 ERO arrested 73,822 people who had a criminal history. They had an average "
        "of 4 charges and convictions per individual, including 33,209 charges or convictions "
        "for assault."
    )
    rows: list[Row] = [
        ("ero.arrests_criminal_history", 2023, 73_822),
        ("ero.charges_per_person", 2022, 4.1),  # the metrics have figures, not FY 2023's
        ("ero.charges_total", 2022, 300_000),
    ]
    assert claim(checked(text, rows), "4").verdict != "contradicted"  # 33,209 is a part
    whole = (
        text.split(" They")[0]
        + " They had 290,708 charges and convictions, an average of 7 per individual."
    )
    assert claim(checked(whole, rows), "7").verdict == "contradicted"  # 290,708 is the total


def test_a_month_that_says_when_makes_no_figure_of_months_relevant(checked: Checker) -> None:
    rows: list[Row] = [
        *ARRESTS_2019,
        ("ero.removals", 2018, 256_085),
        ("ero.removals", 2019, 267_258),
        published("aggravated_felon_removals_per_month_feb_sep", 2019, 937, unit="removals/month"),
    ]
    text = "Arrests in the US fell by 10 percent in the year to September."
    found = claim(checked(text, rows, published=dt.date(2019, 12, 12)), "fell by 10 percent")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2019,
        "supported",
    )
    # a month still adds to a figure of months that other words of the claim name
    text = "From February through September 2019, ERO removed 937 aggravated felons a month."
    assert verdict(checked(text, rows), "937")[0] == "aggravated_felon_removals_per_month_feb_sep"


def test_the_same_period_after_a_part_of_a_year_is_that_part(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2022, 72_177), ("ero.removals", 2023, 142_580)]
    text = (
        "During the first half of fiscal year 2023, the department increased removals to "
        "125,483, up from 70,896 over the same period in FY 2022."
    )
    found = claim(checked(text, rows), "70,896")
    assert found.verdict == "unverifiable"
    assert "the same period" in found.reason
    # with no part of a year named before it, the same period of a named year is that year
    whole = "ERO removed 72,177 people in FY 2022, against 142,580 in the same period of FY 2023."
    assert verdict(checked(whole, rows), "72,177") == ("ero.removals", 2022, "supported")


def test_a_published_approximate_percent_stands_for_a_point_around_it(checked: Checker) -> None:
    rows: list[Row] = [
        published(
            "ero.arrests_criminal_history_share",
            2020,
            90,
            unit="percent",
            qualifier="approximately",
        )
    ]
    text = "In FY 2020, {} of the people ICE arrested had criminal convictions or pending charges."
    assert verdict(checked(text.format("86 percent"), rows), "86 percent")[2] == "contradicted"
    assert verdict(checked(text.format("90 percent"), rows), "90 percent")[2] == "supported"


def test_a_value_compared_with_a_part_of_a_year_is_about_the_same_part(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "From the start of the new director's term on January 20, 2017 through the end of the "
        "fiscal year, ERO made 110,568 arrests compared to 77,806 in FY2016, an increase of "
        "{} percent."
    )
    result = checked(text.format(40), rows)
    part, prior, change = result.claims
    assert (part.verdict, prior.verdict) == ("unverifiable", "unverifiable")
    assert "about a span of time" in part.reason
    assert "compared with 110,568, which is about a part of a year" in prior.reason
    # the change of the two values the writer pairs is theirs, by the text's own numbers
    assert change.verdict == "contradicted"
    assert "the text gives 77,806 and 110,568, a change of 42.1%" in change.reason
    assert verdict(checked(text.format(42), rows), "an increase of 42 percent")[2] == "supported"


def test_a_value_listed_after_one_compared_with_a_subject_counts_that_subject(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2016, 110_104),
        published("ero_convicted_criminal_arrests", 2022, 36_322),
    ]
    text = (
        "The number of convicts arrested in FY 2022 is much lower than the 101,880 arrested "
        "in FY 2015 by the agency and the nearly 95,000 arrested in FY 2016."
    )
    found = claim(checked(text, rows), "nearly 95,000")
    assert found.verdict == "unverifiable"
    assert "says more of what it counts ('convict')" in found.reason


def test_a_computed_change_cut_short_at_its_decimal_is_borne_out(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085), ("ero.removals", 2019, 267_258)]
    text = "In FY 2019 ERO removals rose by {} percent."

    def said(pct: str) -> str:
        return verdict(checked(text.format(pct), rows), f"rose by {pct} percent")[2]

    # 267,258 over 256,085 is +4.363%: "4.3" cuts it short, "4.4" rounds it
    assert (said("4.3"), said("4.4"), said("4.2"), said("4.5")) == (
        "supported",
        "supported",
        "contradicted",
        "contradicted",
    )
    # a change the figures publish as a percentage of its own is not cut short so
    walk = Crosswalk({"removals_yoy_pct": ("ero.removals", "yoy_change_pct", "", "")})
    stated = figures_from_rows(
        [
            published("ero.removals", 2018, 256_085),
            published("ero.removals", 2019, 267_258),
            {"metric": "removals_yoy_pct", "fiscal_year": "2019", "value": "4.4"},
        ],
        walk,
    )

    def against_stated(pct: str) -> str:
        result = check(text.format(pct), stated, metrics=checked.metrics)
        return claim(result, f"rose by {pct} percent").verdict

    assert (against_stated("4.3"), against_stated("4.4")) == ("contradicted", "supported")


def test_a_sentence_ends_after_us_before_a_word_that_opens_one(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2022, 72_177)]
    text = (
        "In fiscal year 2020 the agency removed 186,000 people from the U.S. Two years into "
        "the new administration, removals had plunged to 72,000, a decline of more than 60%."
    )
    result = checked(text, rows)
    removed, plunged, decline = result.claims
    assert (removed.verdict, removed.fiscal_year) == ("supported", 2020)
    # a time counted from an event is no fiscal year, for every claim of its sentence
    for found in (plunged, decline):
        assert found.verdict == "unverifiable"
        assert "a time counted from an event ('Two years into the new administration')" in (
            found.reason
        )
    # "U.S." before a name's next word ends no sentence
    text = "Agents of the U.S. Border Patrol work at the U.S. The border is long."
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == [
        "Agents of the U.S. Border Patrol work at the U.S.",
        "The border is long.",
    ]


def test_a_place_is_named_by_its_own_words_not_by_the_word_for_a_kind_of_place(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "Removals fell in the Lakeside area in fiscal year 2017, and the number of arrests "
        "increased by about 20 percent."
    )
    found = claim(checked(text, rows), "increased by about 20 percent")
    assert found.verdict == "unverifiable"
    assert "it counts the part of one area" in found.reason


def test_a_figure_named_by_a_place_is_not_of_a_claim_that_names_no_place(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.seattle_arrests_convicted_share", 2021, 28)]
    text = "In FY 2021, {} of the people arrested had a criminal conviction."
    assert verdict(checked(text.format("28%"), rows), "28%") == (None, 2021, "unverifiable")
    named = "In FY 2021, 28% of the people arrested in the Seattle area had a criminal conviction."
    assert verdict(checked(named, rows), "28%") == (
        "ero.seattle_arrests_convicted_share",
        2021,
        "supported",
    )


def test_a_year_a_value_is_likened_to_or_counted_since_is_not_its_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.removals", 2016, 240_255),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
    ]
    text = "Removals in fiscal year 2016 were basically the same as 2015, at 240,000 removals."
    assert verdict(checked(text, rows), "240,000") == ("ero.removals", 2016, "supported")
    text = (
        "The agency carried out more than 72,000 removals, a slight increase from fiscal year "
        "2021, when they dipped to a low since the agency's creation in 2003."
    )
    assert verdict(checked(text, rows), "more than 72,000") == ("ero.removals", 2022, "supported")


def test_this_number_counts_what_the_sentence_before_it_named(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2020, 185_884), ("ero.removals", 2021, 59_011)]
    text = (
        "- In fiscal year 2020, the total removals were around 185,884.\n"
        "- In fiscal year 2021, this number increased to approximately 244,202.\n"
    )
    found = claim(checked(text, rows), "approximately 244,202")
    assert (found.metric, found.verdict) == ("ero.removals", "contradicted")
    # an interval its rounding would show empty is shown to the half
    assert "means [244,201.5, 244,202.5)" in found.reason
    # with no word pointing back, a bare item's count may be supported, never contradicted
    bare = text.replace("this number increased to", "it went to")
    assert claim(checked(bare, rows), "approximately 244,202").verdict == "unverifiable"


def test_a_change_right_after_a_from_to_pair_is_checked_against_the_pair(
    checked: Checker,
) -> None:
    text = (
        "Officers increased arrests in the community from 8,381 in 2016 to 12,766 in the same "
        "months of 2017, an increase of {} percent."
    )
    wrong = claim(checked(text.format(40), []), "an increase of 40 percent")
    assert wrong.verdict == "contradicted"
    assert "the text gives 8,381 and 12,766, a change of 52.3%" in wrong.reason
    assert claim(checked(text.format(52), []), "an increase of 52 percent").verdict == "supported"


def test_a_count_a_day_is_a_rate_not_the_years_count_it_names(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2023, 170_590)]
    # 170,590 over 365.25 days is 467.05 a day: borne out, never the year's count misstated
    for text in (
        "ICE made about 467 arrests a day in FY 2023.",
        "In FY 2023, ICE made about 467 arrests per day.",
        "In FY 2023, ICE made about 467 arrests/day.",
    ):
        found = claim(checked(text, rows), "about 467")
        assert found.verdict == "supported", text
        assert "over the 365.25 days of a year is 467.05 a day" in found.reason
    # a rate the year's count does not bear out is no misstatement of that count either
    assert claim(
        checked("ICE made about 900 arrests a day in FY 2023.", rows), "about 900"
    ).verdict == ("unverifiable")


def test_a_level_held_a_day_is_checked_against_an_average_daily_figure(checked: Checker) -> None:
    rows: list[Row] = [("ero.published_average_daily_population", 2019, 50_165)]
    text = "ICE held an average of 50,165 detainees a day in FY 2019."
    assert verdict(checked(text, rows), "50,165") == (
        "ero.published_average_daily_population",
        2019,
        "supported",
    )


def test_a_number_per_a_unit_after_a_slash_is_a_claim(checked: Checker) -> None:
    result = checked("Detention cost $3.4 billion in FY 2021, or $208/day per detainee.", [])
    assert [c.text for c in result.claims] == ["$3.4 billion", "$208"]
    # a fraction or a round-the-clock schedule is none
    assert [c.text for c in checked("It ran 24/7 on 3/4 of its budget.", []).claims] == ["3/4"]


def test_an_exact_count_restated_with_a_slipped_digit_is_contradicted(checked: Checker) -> None:
    text = (
        "In FY 2016, ICE carried out 65,332 interior removals. "
        "Its 65,{} interior removals were the fewest in a decade."
    )
    result = checked(text.format(322), [])
    assert claim(result, "65,332").verdict == "unverifiable"
    slipped = claim(result, "65,322")
    assert slipped.verdict == "contradicted"
    assert "the text gave '65,332' for the same count before" in slipped.reason
    # two neighbouring digits swapped are a slip too; a count further off is another value
    assert claim(checked(text.format(323), []), "65,323").verdict == "contradicted"
    assert "by one slip of a digit" in claim(checked(text.format(352), []), "65,352").reason
    further = claim(checked(text.format(871), []), "65,871")
    assert "'65,871' is another value of it" in further.reason


def test_alike_counts_of_two_places_are_two_counts(checked: Checker) -> None:
    text = "In Texas, ICE removed 12,345 people in FY 2016. In Ohio, ICE removed 12,375 people."
    result = checked(text, [])
    assert [c.verdict for c in result.claims] == ["unverifiable", "unverifiable"]


def test_a_day_the_verb_after_a_count_works_leaves_the_count_of_the_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [published("ma.workforce", 2023, 20_000, qualifier="more than")]
    text = "In FY 2023 our more than 20,000-strong workforce worked every day to keep us safe."
    assert verdict(checked(text, rows), "more than 20,000") == ("ma.workforce", 2023, "supported")


def test_a_list_after_including_ends_where_its_sentence_goes_on_with_a_verb(
    checked: Checker,
) -> None:
    text = (
        "The FY 2020 report said that more than 104,000 aliens, including nearly 700 gang "
        "members, had been arrested and close to 200,000 aliens were deported."
    )
    assert claim(checked(text, []), "close to 200,000").verdict != "contradicted"
    # a list that runs to the sentence's end still has its parts checked
    wrong = checked("ICE arrested 1,000 people, including 700 gang members and 400 others.", [])
    assert claim(wrong, "1,000").verdict == "contradicted"


def test_a_level_reached_at_times_is_not_the_years_figure(checked: Checker) -> None:
    rows: list[Row] = [("ero.published_average_daily_population", 2019, 50_165)]
    text = (
        "The average daily population in detention reached 50,165 in FY 2019. At times, "
        "the average population in detention exceeded 56,000."
    )
    result = checked(text, rows)
    assert claim(result, "50,165").verdict == "supported"
    found = claim(result, "exceeded 56,000")
    assert found.verdict == "unverifiable"
    assert "a level reached at some point in the year ('At times')" in found.reason


def test_the_first_and_last_day_of_a_fiscal_year_written_short_name_that_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2020, 185_884)]
    text = "Of the 185,884 deported between Oct. 1, 2019, and Sept. 30, 2020, most had records."
    assert verdict(checked(text, rows), "185,884") == ("ero.removals", 2020, "supported")


def test_short_fiscal_years_bound_a_span_however_the_apostrophe_is_written(
    checked: Checker,
) -> None:
    # 256,085 + 267,258 + 185,884 = 709,227; 59,011 + 72,177 + 142,580 = 273,768
    rows: list[Row] = [
        ("ero.removals", 2018, 256_085),
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2020, 185_884),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
        ("ero.removals", 2023, 142_580),
    ]
    for text in (
        "From FY18 to FY20 the agency deported 709,227 people.",
        "Between FY18 and FY20 the agency deported 709,227 people.",
        "Per the data: FY\u201918-FY\u201920: 709,227 deportations FY\u201921-FY\u201923: 273,768 "
        "deportations.",
    ):
        result = checked(text, rows)
        assert claim(result, "709,227").verdict == "supported", text
        assert all(c.text not in ("18", "20", "21", "23") for c in result.claims), text
    listed = checked(text, rows)
    assert claim(listed, "273,768").verdict == "supported"
    assert verdict(checked("In FY\u201919 ICE removed 267,258 people.", rows), "267,258") == (
        "ero.removals",
        2019,
        "supported",
    )


def test_a_count_beside_a_linked_percent_is_that_share_of_a_whole_before_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258)]
    text = (
        "ICE removed 267,258 people in FY 2019. According to the report, 91 percent of "
        "deportees ({}) had criminal convictions or pending charges."
    )
    rows_share = [*rows, published("removals_criminal_share_pct", 2019, 91, unit="percent")]
    # 91% of 267,258 is 243,205: "243,000" cuts it short; 91 percent is 90.5 to 91.5
    found = claim(checked(text.format("243,000"), rows_share), "243,000")
    assert found.verdict == "supported"
    assert "91 percent of 267,258 is 243,000" in found.reason
    # a count no such share gives is left to the figures
    assert claim(checked(text.format("120,549"), rows_share), "120,549").verdict == "unverifiable"


def test_an_order_of_magnitude_is_a_count_never_contradicted(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.arrests_criminal_history", 2022, 46_396),
        ("ero.removals", 2019, 267_258),
    ]
    text = "In FY 2022, tens of thousands of those arrested had criminal histories."
    found = claim(checked(text, rows), "tens of thousands")
    assert (found.metric, found.verdict) == ("ero.arrests_criminal_history", "supported")
    assert "inside [20,000, 100,000)" in found.reason
    removed = "In FY {} ICE removed hundreds of thousands of people."
    assert claim(checked(removed.format(2019), rows), "hundreds of thousands").verdict == (
        "supported"
    )
    assert claim(
        checked("In FY 2019 ICE removed tens of thousands of people.", rows), "tens of thousands"
    ).verdict == ("unverifiable")
    # hundreds are at least two hundred: 185,884 is no "hundreds of thousands"
    fewer = [("ero.removals", 2020, 185_884)]
    assert claim(checked(removed.format(2020), fewer), "hundreds of thousands").verdict == (
        "unverifiable"
    )


def test_a_percent_in_a_sentence_with_no_count_is_a_ratio_of_the_one_before(
    checked: Checker,
) -> None:
    text = (
        "More than 1.2 million people have received a final order, but the office removed "
        "only 72,177 people last year. In other words, it removed only {} of them."
    )
    # 72,177 over 1.2 million is 6.01%
    assert claim(checked(text.format("six percent"), []), "six percent").verdict == "supported"
    assert claim(checked(text.format("nine percent"), []), "nine percent").verdict == (
        "unverifiable"
    )
    # a sentence with counts of its own relates its percent to them only
    own = text.replace("removed only {} of them", "removed 40 people, or {} of them")
    assert claim(checked(own.format("six percent"), []), "six percent").verdict == "unverifiable"


def test_a_verb_of_going_past_a_number_is_more_than_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258)]
    said = "In FY 2019 removals {} people."
    for words, verdict_ in (
        ("exceeded 267,000", "supported"),
        ("topped 267,000", "supported"),
        ("surpassed 268,000", "contradicted"),  # more than 268,000: not 267,258
        ("topped 266,000", "contradicted"),  # up to 267,000 at its rounding
    ):
        found = claim(checked(said.format(words), rows), words)
        assert found.verdict == verdict_, words


def test_a_count_restated_as_a_value_its_first_statement_rules_out_is_contradicted(
    checked: Checker,
) -> None:
    text = (
        "In FY 2016, ICE carried out 65,332 interior removals. Most were of people with "
        "convictions. Its {} interior removals were the fewest in a decade."
    )
    found = claim(checked(text.format("45,000"), []), "45,000")
    assert found.verdict == "contradicted"
    assert "'45,000' is another value of it: both cannot hold" in found.reason
    # a rounding of the first is the same value; a count far off counts something else
    assert claim(checked(text.format("about 65,000"), []), "about 65,000").verdict == (
        "unverifiable"
    )
    assert claim(checked(text.format("12,000"), []), "12,000").verdict == "unverifiable"
    # with no fiscal year, two counts may be of two periods
    plain = text.replace("In FY 2016, ", "")
    assert claim(checked(plain.format("45,000"), []), "45,000").verdict == "unverifiable"
    # a bound first ("more than 40,000", "40,000+"), which the later value meets
    for bound in ("more than 40,000", "40,000+"):
        said = text.replace("65,332", bound).format("45,000")
        assert claim(checked(said, []), "45,000").verdict == "unverifiable", bound
    # so may two with only the year the whole text implies (a page about one year that
    # also gives counts over directors' terms)
    terms = (
        "Removals in FY 2016\n\nICE formal removals under the last director totaled 2.5 "
        "million.\n\nThe last director's 8 years saw 1.8 million removals against this "
        "one's 3 million."
    )
    assert claim(checked(terms, []), "3 million").verdict == "unverifiable"


def test_a_value_compared_with_takes_the_metric_of_the_value_compared_with_it(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2023, 170_590), ("ero.removals", 2023, 142_580)]
    text = (
        "Mexico was the most common destination for those removed, with 87,298 removals. "
        "ICE made 113,431 arrests during the 2024 fiscal year, marking a 34 percent decrease "
        "from {} in 2023."
    )
    found = claim(checked(text.format("170,590"), rows), "170,590")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2023,
        "supported",
    )
    assert "linked by 'arrest'" in found.reason
    # a value the metric's figure does not state is left to the rest of the linking
    assert claim(checked(text.format("175,000"), rows), "175,000").verdict != "supported"


def test_the_base_of_a_change_whose_words_name_nothing_else_is_the_changed_metrics(
    checked: Checker,
) -> None:
    """A base "a year earlier" that disagrees with the figure is a misstatement of it, though
    the sentence also speaks of another count ("officers who pick people up for removal")."""
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "ICE, whose officers pick people up for removal away from the border, made 143,470 "
        "arrests, an increase of 25 percent from {} a year earlier."
    )
    found = claim(checked(text.format("114,434"), rows), "114,434")
    assert (found.metric, found.fiscal_year, found.verdict) == (
        "ero.admin_arrests",
        2016,
        "contradicted",
    )
    assert claim(checked(text.format("110,104"), rows), "110,104").verdict == "supported"
    # a base that says it counts something else is no misstatement of the changed count
    other = text.format("114,434 removals")
    assert claim(checked(other, rows), "114,434").verdict == "unverifiable"


def test_a_change_from_a_goal_is_no_change_of_the_figures(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2021, 59_011), ("ero.removals", 2022, 72_177)]
    text = (
        "Target deportations of noncitizens with a criminal conviction were set at 29,389. "
        "This number marks a {} decrease from the target of 91,500 for FY22."
    )
    found = claim(checked(text.format("68%"), rows), "a 68% decrease")
    assert found.verdict == "supported"  # by the two values it relates
    assert claim(checked(text.format("48%"), rows), "a 48% decrease").verdict == "unverifiable"


def test_a_name_opening_a_sentence_that_starts_with_its_count_still_tells_two_counts_apart(
    checked: Checker,
) -> None:
    text = (
        "12,345 people were removed by the Lakeside office in FY 2016. "
        "12,375 people were removed by the Riverton office in FY 2016."
    )
    assert [c.verdict for c in checked(text, []).claims] == ["unverifiable", "unverifiable"]


def test_a_span_in_parentheses_that_labels_a_value_is_its_span(checked: Checker) -> None:
    for text in (
        "Total (FY 2017\u2013FY 2020): 935,346 removals",
        "Total removals (FY 2017-FY 2020): 935,346",
    ):
        found = claim(checked(text, SIX_YEARS), "935,346")
        assert found.verdict == "supported", text
        assert "FY 2017 to FY 2020 adds up to 935,346" in found.reason
    # a year named after a span's aside is the claim's own
    aside = "ERO removed 185,884 noncitizens (fewer than in FY 2017-2019) in FY 2020."
    assert verdict(checked(aside, SIX_YEARS), "185,884") == ("ero.removals", 2020, "supported")


def test_a_count_that_is_a_share_of_a_whole_of_its_kind_is_no_misstatement_of_it(
    checked: Checker,
) -> None:
    text = (
        "In FY 2019, one program led to 110,000 deportations, accounting for 45% of {} that year."
    )
    part = claim(checked(text.format("total deportations"), SIX_YEARS), "110,000")
    assert part.verdict == "unverifiable"
    # a share of another kind of whole leaves the count the year's count
    other = "In FY 2018, ICE removed 265,000 people, representing 39% of the 680,000 encountered."
    assert claim(checked(other, SIX_YEARS), "265,000").verdict == "contradicted"


def test_a_table_flattened_with_its_cells_run_together_is_read_cell_by_cell(
    checked: Checker,
) -> None:
    text = (
        "The agency's removal totals:\n\nFiscal YearRemovals\nFY 2017226,119\nFY 2018256,085\n"
        "FY 2019267,258\n"
    )
    result = checked(text, SIX_YEARS)
    assert [(c.text, c.fiscal_year, c.verdict) for c in result.claims] == [
        ("226,119", 2017, "supported"),
        ("256,085", 2018, "supported"),
        ("267,258", 2019, "supported"),
    ]
    # each claim points at its own digits in the text as written
    assert [text[c.start : c.end] for c in result.claims] == ["226,119", "256,085", "267,258"]


def test_a_fall_by_a_fold_is_checked_as_the_ratio_the_other_way(checked: Checker) -> None:
    # 185,884 over 59,011 is 3.15: more than threefold, not fourfold
    text = "ERO removed 59,011 noncitizens in FY 2021, down {} from the 185,884 of FY 2020."
    down = claim(checked(text.format("more than threefold"), SIX_YEARS), "more than threefold")
    assert down.verdict == "supported"
    four = claim(checked(text.format("fourfold"), SIX_YEARS), "fourfold")
    assert four.verdict == "contradicted"


def test_of_fiscal_years_named_as_often_the_text_is_about_the_one_it_names_most_in_all(
    checked: Checker,
) -> None:
    text = (
        "Removals reached a new low in 2021, the agency says.\n\n"
        "It removed 185,884 people in fiscal year 2020 and only 59,011 in fiscal year 2021.\n\n"
        "The drop of nearly 70% from the previous year came as crossings rose."
    )
    assert verdict(checked(text, SIX_YEARS), "drop of nearly 70%") == (
        "ero.removals",
        2021,
        "supported",
    )


def test_a_change_said_of_a_value_in_a_clause_of_its_own_is_that_values_change(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2017, 143_470),
        ("ero.admin_arrests", 2018, 158_581),
        ("ero.at_large_arrests", 2017, 40_000),
    ]
    text = (
        "In FY 2018 officers made 158,581 arrests of people at large for civil violations, "
        "which is about an 11 percent increase from FY 2017."
    )
    assert verdict(checked(text, rows), "about an 11 percent increase") == (
        "ero.admin_arrests",
        2018,
        "supported",
    )


def test_a_change_counts_from_since_up_to_the_year_in_scope(checked: Checker) -> None:
    text = "In FY 2021 ERO removed 59,011 people. Removals have fallen by {} since FY 2019."
    near = claim(
        checked(text.format("nearly 78 percent"), SIX_YEARS), "fallen by nearly 78 percent"
    )
    assert (near.fiscal_year, near.verdict) == (2021, "supported")
    far = claim(checked(text.format("60 percent"), SIX_YEARS), "fallen by 60 percent")
    assert far.verdict == "contradicted"


def test_a_change_joined_to_another_is_of_its_subject_and_than_they_were_names_a_base(
    checked: Checker,
) -> None:
    text = (
        "Removals in FY 2021 were about 68 percent lower than in the prior fiscal year, "
        "and {} lower than they had been in FY 2019."
    )
    second = claim(checked(text.format("about 78 percent"), SIX_YEARS), "about 78 percent lower")
    assert (second.metric, second.fiscal_year, second.verdict) == (
        "ero.removals",
        2021,
        "supported",
    )
    wrong = claim(checked(text.format("about 60 percent"), SIX_YEARS), "about 60 percent lower")
    assert (wrong.metric, wrong.verdict) == ("ero.removals", "contradicted")


def test_a_clause_after_even_as_is_another_subjects(checked: Checker) -> None:
    rows: list[Row] = [*SIX_YEARS, ("ero.removals", 2021, 59_011, "region", "border")]
    text = (
        "In FY 2021 removals dropped by a staggering {} even as crossings through Mexico "
        "and along the border hit records."
    )
    found = claim(checked(text.format("68%"), rows), "dropped by a staggering 68%")
    assert (found.metric, found.breakdown, found.verdict) == ("ero.removals", "", "supported")
    wrong = claim(checked(text.format("75%"), rows), "dropped by a staggering 75%")
    assert wrong.verdict == "contradicted"


def test_the_same_period_after_a_whole_fiscal_year_is_the_year_before(checked: Checker) -> None:
    text = (
        "The agency removed 72,177 people in its fiscal year that ended Sept. 30, up from "
        "59,011 in the same period a year earlier."
    )
    found = claim(checked(text, SIX_YEARS, dt.date(2022, 12, 1)), "59,011")
    assert (found.fiscal_year, found.verdict) == (2021, "supported")


def test_a_change_of_a_year_no_figure_gives_is_measured_from_the_texts_value(
    checked: Checker,
) -> None:
    text = "ICE removed 271,484 people in FY 2024, a {} increase from FY 2023."
    seven = [*SIX_YEARS, ("ero.removals", 2023, 142_580)]
    found = claim(
        checked(text.format("90 percent"), seven),
        "a 90 percent increase",
    )
    # the change is half the writer's own number: told, never borne out or ruled out
    assert (found.metric, found.verdict) == ("ero.removals", "unverifiable")
    assert "the text's 271,484 is +90.41%, which agrees" in found.reason
    other = claim(
        checked(text.format("60 percent"), seven),
        "a 60 percent increase",
    )
    assert other.verdict == "unverifiable"


def test_a_value_said_of_a_base_year_after_where_is_of_that_year(checked: Checker) -> None:
    text = (
        "In FY 2021 deportations fell sharply from the previous fiscal year, where {} were "
        "deported, and even more so from FY 2019."
    )
    found = verdict(checked(text.format("nearly 186,000"), SIX_YEARS), "nearly 186,000")
    assert found == ("ero.removals", 2020, "supported")
    wrong = verdict(checked(text.format("nearly 196,000"), SIX_YEARS), "nearly 196,000")
    assert wrong == ("ero.removals", 2020, "contradicted")


def test_a_change_pointing_back_to_the_sentence_before_is_measured_from_its_value(
    checked: Checker,
) -> None:
    text = (
        "Analysts estimate that about 340,000 permits were sold in FY 2025.\n\n"
        "This would mark sales {} higher than the 271,000 permits sold in FY 2024."
    )
    rows: list[Row] = [("ero.removals", 2019, 267_258)]
    right = claim(checked(text.format("25 percent"), rows), "25 percent higher")
    assert right.verdict == "supported"
    assert "from 271,000 to 340,000" in right.reason
    # the value pointed back to may not be the one the writer meant: never contradicted
    other = claim(checked(text.format("45 percent"), rows), "45 percent higher")
    assert other.verdict == "unverifiable"


def test_an_average_said_as_the_subject_of_its_clause_is_a_mean_over_its_span(
    checked: Checker,
) -> None:
    # FY 2017 to FY 2019 average (226,119 + 256,085 + 267,258) / 3 = 249,820.67
    for text in (
        "ICE removed 185,884 noncitizens in FY 2020, while the annual average from 2017 "
        "through 2019 was {}.",
        "The average of removals had been {} people annually from 2017 through 2019.",
        "ICE removed 185,884 noncitizens in FY 2020; the annual average of removals from 2017 "
        "through 2019, the report says, was {}.",
    ):
        found = claim(checked(text.format("250,000"), SIX_YEARS), "250,000")
        assert (found.kind, found.metric, found.verdict) == ("average", "ero.removals", "supported")
        assert "FY 2017 to FY 2019 averages 249,821" in found.reason
        # an average is no sum: the three years' total does not bear it out
        summed = claim(checked(text.format("750,000"), SIX_YEARS), "750,000")
        assert summed.verdict != "supported"


def test_an_average_level_is_checked_against_an_average_daily_figure(checked: Checker) -> None:
    rows: list[Row] = [("ero.published_average_daily_population", 2019, 50_165)]
    text = "Detention fell sharply; the average population held in FY 2019 was 50,000."
    found = claim(checked(text, rows), "50,000")
    assert found.kind == "average"
    assert (found.metric, found.verdict) == ("ero.published_average_daily_population", "supported")


def test_a_round_count_beside_the_share_the_text_bears_out_follows_from_it(
    checked: Checker,
) -> None:
    text = (
        "The office issued 158,581 permits in FY 2018, of which 87 percent, or {} permits, "
        "were for new houses."
    )
    found = claim(checked(text.format("about 138,000"), []), "about 138,000")
    assert found.verdict == "supported"
    assert "87 percent of 158,581 is" in found.reason
    # a precise count says more than a rounded share can bear out
    assert claim(checked(text.format("137,965"), []), "137,965").verdict == "unverifiable"
    # and a share the counts do not bear out lends its count nothing
    off = checked(text.format("about 118,000"), [])
    assert claim(off, "about 118,000").verdict == "unverifiable"


def test_a_fraction_given_as_a_percent_beside_it_is_checked_against_it(checked: Checker) -> None:
    def fraction(text: str, shown: str) -> ClaimVerdict:
        return claim(checked(text, []), shown)

    agrees = fraction("A third (34%) of these offices sold no more than three permits.", "A third")
    assert agrees.verdict == "supported"
    assert "34%" in agrees.reason
    one_in = fraction("About one in six (16%) sold just a single permit.", "About one in six")
    assert one_in.verdict == "supported"
    assert fraction("A third (44%) of these offices sold permits.", "A third").verdict == (
        "contradicted"
    )
    # a percent further on in the sentence is no restatement of it
    other = "A third of these offices sold permits, and 44% sold licences."
    assert fraction(other, "A third").verdict == "unverifiable"


def test_a_difference_compared_to_the_year_before_is_checked_like_one_than_it(
    checked: Checker,
) -> None:
    # 158,581 - 143,099 = 15,482 fewer arrests: "13,000 fewer" is wrong, "15,000 fewer" holds
    said = "In fiscal year 2019, {n} fewer people were arrested compared to the year before."
    assert verdict(checked(said.format(n="13,000"), ARRESTS_2019), "13,000") == (
        "ero.admin_arrests",
        2019,
        "contradicted",
    )
    versus = "ICE made {n} fewer arrests in FY 2019 versus FY 2018."
    assert verdict(checked(versus.format(n="15,000"), ARRESTS_2019), "15,000")[2] == "supported"


def test_last_fiscal_year_is_the_year_the_texts_date_ended_and_may_be_contradicted(
    checked: Checker,
) -> None:
    said = (
        "The director said 13,000 fewer people were arrested last fiscal year than the year before."
    )
    december = dt.date(2019, 12, 11)
    assert verdict(checked(said, ARRESTS_2019, published=december), "13,000") == (
        "ero.admin_arrests",
        2019,
        "contradicted",
    )
    # "last year" may be a calendar year: tried as FY 2019, never contradicted
    loose = said.replace("last fiscal year", "last year")
    assert verdict(checked(loose, ARRESTS_2019, published=december), "13,000")[2] != "contradicted"


INTERIOR_2022: list[Row] = [
    ("ero.removals", 2022, 72_177),
    ("removals_ice_arresting_agency", 2022, 28_204),
]


def test_a_share_of_one_figure_in_another_is_their_ratio(checked: Checker) -> None:
    # 28,204 / 72,177 = 39.08%
    said = "In FY 2022, interior removals made up {p} of all removals."
    right = checked(said.format(p="39%"), INTERIOR_2022)
    assert claim(right, "39%").verdict == "supported"
    assert "39.08%" in claim(right, "39%").reason
    wrong = claim(checked(said.format(p="41%"), INTERIOR_2022), "41%")
    assert wrong.verdict == "contradicted"
    assert "removals_ice_arresting_agency FY 2022 (28,204) of ero.removals (72,177)" in wrong.reason
    # words that name no kind of the whole ("the agency's") leave the share unchecked
    vague = "In FY 2022, the agency's work made up 41% of all removals."
    assert claim(checked(vague, INTERIOR_2022), "41%").verdict == "unverifiable"


def test_a_share_of_a_whole_whose_part_is_said_after_it_is_their_ratio(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.arrests_criminal_history", 2022, 46_396),
    ]
    said = "ICE arrested 142,750 people in FY 2022. {} of those arrests were of people with a criminal history."
    right = claim(checked(said.format("About a third"), rows), "About a third")
    assert right.verdict == "supported"
    assert "32.50%" in right.reason
    wrong = claim(checked(said.format("About half"), rows), "About half")
    assert wrong.verdict == "contradicted"
    # what comes after the whole's noun and no verb qualifies the whole: no part is said
    qualified = (
        "ICE arrested 142,750 people in FY 2022. About half of those arrests from Texas were small."
    )
    assert claim(checked(qualified, rows), "About half").verdict == "unverifiable"


def test_a_majority_is_a_share_above_half_and_no_longer_one_at_most_half(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.arrests_criminal_history_share", 2022, 32.5),
        ("ero.arrests_criminal_history_share", 2023, 43.3),
    ]
    no_longer = (
        "In FY 2022, people with criminal histories no longer made up a majority of arrests."
    )
    assert claim(checked(no_longer, rows), "a majority").verdict == "supported"
    most = "In FY 2023, a majority of those ICE arrested had criminal histories."
    assert claim(checked(most, rows), "a majority").verdict == "contradicted"
    # too loose a share to be read off two counts beside it
    counts = "In FY 2022, the majority of deportees (87,298) were sent to Mexico, 66,435 elsewhere."
    assert claim(checked(counts, rows), "the majority").verdict == "unverifiable"


def test_a_number_naming_another_metrics_category_is_no_weak_match_of_a_figure(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.removals", 2023, 142_580),
        ("ero.removals_gang", 2023, 3_406),
        ("ero.charges_total", 2023, 12_000, "charge_category", "sexual_assault"),
    ]
    offenders = "- Sex offenders accounted for 3,406 of ICE's FY 2023 removals"
    assert claim(checked(offenders, rows), "3,406").verdict == "unverifiable"
    gang = "- Gang members accounted for 3,406 of ICE's FY 2023 removals"
    assert verdict(checked(gang, rows), "3,406") == ("ero.removals_gang", 2023, "supported")


def test_a_total_after_an_including_list_is_no_part_of_the_whole_before_it(
    checked: Checker,
) -> None:
    said = (
        "It also made more than 200,000 other moves, including transfers and expulsions, "
        "for a total of 249,435 movements."
    )
    assert claim(checked(said, SIX_YEARS), "249,435").verdict != "contradicted"
    # a part after "including" that is larger than its whole still is contradicted
    parts = "It also made more than 200,000 other moves, including 249,435 transfers."
    assert claim(checked(parts, SIX_YEARS), "249,435").verdict == "contradicted"


def test_a_value_compared_with_others_counts_what_they_do(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.removals", 2022, 72_177),
        ("removals_ice_arresting_agency", 2020, 62_739),
        ("removals_ice_arresting_agency", 2022, 28_204),
    ]
    said = (
        "There were 62,739 interior removals in fiscal year 2020, significantly higher than "
        "{n} in fiscal year 2022."
    )
    assert verdict(checked(said.format(n="28,240"), rows), "28,240") == (
        "removals_ice_arresting_agency",
        2022,
        "contradicted",
    )
    assert verdict(checked(said.format(n="28,204"), rows), "28,204")[2] == "supported"


def test_a_share_beside_its_count_is_the_share_metrics(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.arrests_criminal_history", 2022, 46_396),
        ("ero.arrests_criminal_history_share", 2022, 33),
    ]
    for said in (
        "In FY 2022, 46,396 of those arrested had criminal records (equivalent to {p}).",
        "In FY 2022, agents arrested 46,396 people with criminal histories, or {p}.",
    ):
        assert verdict(checked(said.format(p="33%"), rows), "33%")[2] == "supported"
        assert verdict(checked(said.format(p="41%"), rows), "41%") == (
            "ero.arrests_criminal_history_share",
            2022,
            "contradicted",
        )


def test_an_average_in_quotation_marks_is_an_average(checked: Checker) -> None:
    rows: list[Row] = [("ero.charges_per_person", 2022, 4.3)]  # type: ignore[list-item]
    said = (
        "In fiscal year 2022, the people arrested had an average of \u201c4.3 charges and "
        "convictions per person\u201d."
    )
    assert verdict(checked(said, rows), "4.3") == ("ero.charges_per_person", 2022, "supported")


ARRESTS_2020: list[Row] = [
    ("ero.admin_arrests", 2019, 143_099),
    ("ero.admin_arrests", 2020, 103_603),
]


def test_a_fraction_after_a_change_noun_is_a_change(checked: Checker) -> None:
    # 103,603 / 143,099 - 1 = -27.6%: "a drop of about a quarter" holds, "a rise of" does not
    said = (
        "ICE made 103,603 arrests in fiscal year 2020, a {w} of about a {f} from the year before."
    )
    drop = claim(checked(said.format(w="drop", f="quarter"), ARRESTS_2020), "about a quarter")
    assert (drop.kind, drop.verdict) == ("change", "supported")
    assert drop.value == -25
    rise = claim(checked(said.format(w="rise", f="quarter"), ARRESTS_2020), "about a quarter")
    assert (rise.kind, rise.value) == ("change", 25)
    assert rise.verdict != "supported"


def test_a_change_of_a_count_with_a_word_before_its_noun_is_of_that_count(
    checked: Checker,
) -> None:
    # "alien arrests": a word the figures' names lack before the noun leaves it the arrests'
    said = "Officials explain the 40% drop in alien arrests in fiscal year 2020."
    # interior removals are no rival: "arresting agency" in their name names no arrests
    rows = [*ARRESTS_2020, ("removals_ice_arresting_agency", 2020, 62_739)]
    assert verdict(checked(said, rows), "the 40% drop") == (
        "ero.admin_arrests",
        2020,
        "contradicted",
    )


def test_a_value_up_from_one_a_year_earlier_keeps_the_year_its_sentence_names(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2016, 110_104),
        ("ero.admin_arrests", 2017, 143_470),
        ("ero.admin_arrests", 2018, 158_581),
    ]
    said = (
        "ICE made 143,470 arrests, an increase of 30 percent from 110,104 a year earlier, "
        "according to data for the 2017 fiscal year, which ended Sept. 30."
    )
    result = checked(said, rows)
    assert verdict(result, "143,470") == ("ero.admin_arrests", 2017, "supported")
    assert verdict(result, "110,104") == ("ero.admin_arrests", 2016, "supported")


def test_a_declared_phrase_after_the_packs_generic_words_names_the_metric(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.admin_arrests", 2023, 170_590),
    ]
    said = (
        "ICE released its report for fiscal year 2023. This year, ERO {w} immigration "
        "enforcement arrests from the previous year."
    )
    # 170,590 / 142,750 = 1.195: not nearly double, but up by about a fifth
    assert verdict(checked(said.format(w="nearly doubled"), rows), "nearly doubled") == (
        "ero.admin_arrests",
        2023,
        "contradicted",
    )
    found = claim(checked(said.format(w="raised by 19.5%"), rows), "raised by 19.5%")
    assert (found.metric, found.verdict) == ("ero.admin_arrests", "supported")


def test_a_rank_the_text_bears_out_itself_is_supported(checked: Checker) -> None:
    said = (
        "ICE removed 185,884 people in fiscal year 2020, a {n}-year low. The last time "
        "removals were lower was in 2005, when 180,000 were carried out."
    )
    assert claim(checked(said.format(n="15"), SIX_YEARS), "15-year low").verdict == "supported"
    # 2020 - 2005 is 15, not 12; and the figures cannot rank back to 2005
    assert claim(checked(said.format(n="12"), SIX_YEARS), "12-year low").verdict == ("unverifiable")
    since = "Removals fell to 59,011 in fiscal year 2021, the lowest since fiscal year 1995: a 26-year low."
    assert claim(checked(since, SIX_YEARS), "26-year low").verdict == "supported"


def test_a_count_before_a_colon_and_bare_punctuation_announces_no_list() -> None:
    text = "In fiscal year 2022 there were 3 kinds: , , ,"
    found = claim(check(text, None), "3")
    assert found.kind != "list_count"


def test_a_bare_whole_percent_may_be_cut_short_like_a_bare_count(checked: Checker) -> None:
    # 100 - 32.5 = 67.5: "67%" of those without a record cuts it short; "66%" misses it
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        published("ero.arrests_criminal_history_share", 2022, 32.5, unit="percent"),
    ]
    said = "In FY 2022, {p} of arrested noncitizens had no criminal history."
    assert claim(checked(said.format(p="67%"), rows), "67%").verdict == "supported"
    assert claim(checked(said.format(p="66%"), rows), "66%").verdict == "contradicted"


def test_a_count_of_those_without_what_a_metric_names_is_never_its_whole(
    checked: Checker,
) -> None:
    said = 'The number of "non-criminal" removals rose to 76,818 in fiscal year 2018.'
    assert claim(checked(said, SIX_YEARS), "76,818").verdict == "unverifiable"


@pytest.mark.parametrize(
    ("said", "number"),
    [
        (
            "In fiscal year 2018 a ruling prevented 640,000 students from facing deportation.",
            "640,000",
        ),
        ("In fiscal year 2018, 640,000 people were at risk of deportation.", "640,000"),
        ("A ruling in fiscal year 2018 shielded some 640,000 people from removal.", "some 640,000"),
    ],
)
def test_a_count_of_those_kept_from_what_it_speaks_of_is_not_its_count(
    checked: Checker, said: str, number: str
) -> None:
    found = claim(checked(said, SIX_YEARS), number)
    assert found.verdict == "unverifiable"
    assert "kept from or at risk of" in found.reason


def test_people_facing_charges_are_no_count_of_those_kept_from_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.arrests_criminal_history", 2022, 46_396)]
    said = "In FY 2022, 46,396 people facing criminal charges were arrested."
    assert claim(checked(said, rows), "46,396").verdict == "supported"


def test_a_subject_joining_another_body_to_the_counted_one_may_support_never_contradict(
    checked: Checker,
) -> None:
    joint = "In fiscal 2018, ICE and CBP together carried out {n} removals."
    assert claim(checked(joint.format(n="337,287"), SIX_YEARS), "337,287").verdict == (
        "unverifiable"
    )
    # the other body's abbreviation after its name is no subject of its own
    named = (
        "ICE and Customs and Border Protection (CBP) removed more than 250,000 people in FY 2018."
    )
    assert verdict(checked(named, SIX_YEARS), "more than 250,000") == (
        "ero.removals",
        2018,
        "supported",
    )
    alone = "In fiscal 2018, Customs and Border Protection (CBP) removed 160,000 people."
    assert "Customs and Border Protection" in claim(checked(alone, SIX_YEARS), "160,000").reason


def test_a_number_said_of_each_year_of_a_span_is_checked_against_every_one(
    checked: Checker,
) -> None:
    said = (
        "Removals fell to 59,011 in FY 2021 from 185,884 in FY 2020 and {v} in each of the "
        "three years before that."
    )
    # FY 2017 to FY 2019: 226,119, 256,085 and 267,258
    floor = claim(checked(said.format(v="more than 220,000"), SIX_YEARS), "more than 220,000")
    assert (floor.metric, floor.verdict) == ("ero.removals", "supported")
    assert "FY 2017 to FY 2019 is 226,119, 256,085, 267,258" in floor.reason
    high = claim(checked(said.format(v="more than 230,000"), SIX_YEARS), "more than 230,000")
    assert high.verdict == "contradicted"
    level = claim(checked(said.format(v="about 250,000"), SIX_YEARS), "about 250,000")
    assert level.verdict == "contradicted"
    # "fewer than" is a ceiling each year stays under
    ceiling = said.format(v="fewer than {}")
    assert claim(checked(ceiling.format("270,000"), SIX_YEARS), "fewer than 270,000").verdict == (
        "supported"
    )
    assert claim(checked(ceiling.format("260,000"), SIX_YEARS), "fewer than 260,000").verdict == (
        "contradicted"
    )


def test_a_year_someone_owns_after_than_is_the_base_of_the_change(checked: Checker) -> None:
    # 59,011 / 240,255 - 1 = -75.4%
    said = "The new director's FY2021 removals (59,000) were {} less than Smith's FY2016."
    assert verdict(
        checked(said.format("75%"), [("ero.removals", 2016, 240_255), *SIX_YEARS]), "75% less"
    ) == (
        "ero.removals",
        2021,
        "supported",
    )
    wrong = claim(
        checked(said.format("80%"), [("ero.removals", 2016, 240_255), *SIX_YEARS]), "80% less"
    )
    assert wrong.verdict == "contradicted"
    assert "FY 2016" in wrong.reason


def test_a_clause_joining_two_different_counts_may_count_either(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
    ]
    said = "More than {} migrants were arrested and removed in fiscal year 2022{}."
    assert verdict(checked(said.format("72,000", ""), rows), "More than 72,000") == (
        "ero.removals",
        2022,
        "supported",
    )
    # the arrests it also names never contradict it
    later = ", up from just over 59,000 during the 2021 fiscal year"
    for value in ("72,000", "90,000"):
        found = claim(checked(said.format(value, later), rows), f"More than {value}")
        assert found.verdict == "unverifiable"


def test_a_percent_in_brackets_after_a_multiple_is_the_same_change(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2020, 103_603),
        ("ero.admin_arrests", 2021, 74_082),
        ("ero.admin_arrests", 2022, 142_750),
    ]
    said = (
        "During fiscal year 2022, ICE agents arrested 142,750 immigrants, which is nearly "
        "double ({}) the figure of 2021, when 74,082 were arrested."
    )
    # 142,750 / 74,082 - 1 = 92.7%: a change of the multiple's two years, not a share
    given = claim(checked(said.format("93%"), rows), "93%")
    assert (given.kind, given.verdict) == ("change", "supported")
    assert claim(checked(said.format("83%"), rows), "83%").verdict == "contradicted"


def test_a_rank_a_year_beats_is_contradicted_though_other_years_have_no_figure(
    checked: Checker,
) -> None:
    rows: list[Row] = [
        ("ero.removals", 2020, 185_884),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
    ]
    low = "ICE removed 72,177 people in FY 2022, a five-year low."
    found = claim(checked(low, rows), "five-year low")
    assert found.verdict == "contradicted" and "FY 2021 (59,011)" in found.reason
    # no year it has beats FY 2021's, but FY 2017-2019 have no figure: no rank either way
    lowest = "ICE removed 59,011 people in FY 2021, a five-year low."
    assert claim(checked(lowest, rows), "five-year low").verdict == "unverifiable"


def test_a_share_to_a_decimal_said_again_is_borne_out_again(checked: Checker) -> None:
    text = (
        "In FY 2024, 81,312, or {p}, of the 113,431 noncitizens arrested were either convicted "
        "criminals or had pending criminal charges.\n\nOther sources say much the same.\n\n"
        "The report clearly states that {p} of individuals arrested had either criminal "
        "convictions or pending charges."
    )
    found = [c for c in checked(text.format(p="71.7%"), []).claims if c.text == "71.7%"]
    assert [c.verdict for c in found] == ["supported", "supported"]
    assert "it restates '71.7%'" in found[1].reason
    # a whole percent is no restatement: two roundings of two things may share it
    whole = [c for c in checked(text.format(p="72%"), []).claims if c.text == "72%"]
    assert [c.verdict for c in whole] == ["supported", "unverifiable"]


def test_a_wrong_exact_count_said_again_of_its_year_is_wrong_again(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.removals", 2020, 185_884),
        ("ero.removals", 2021, 59_011),
        ("removals_border", 2021, 30_000),
    ]
    first = "The agency's spreadsheet shows that in FY 2021, ICE removed 55,590 aliens. "
    again = "Of the 55,590 removed, many had been arrested at the border by Border Patrol."
    found = [c for c in checked(first + again, rows).claims if c.text == "55,590"]
    assert [c.verdict for c in found] == ["contradicted", "contradicted"]
    assert "it restates '55,590', which the figures rule out" in found[1].reason
    # a round count is no restatement: two roundings of two things may share it
    rounded = (first + again).replace("55,590", "55,000")
    assert [c.verdict for c in checked(rounded, rows).claims][1] == "unverifiable"
    # what follows "because" is no word of what the count counts
    why = (
        "It appears that ICE was able to remove 55,590 aliens only because illegal migration "
        "at the southwest border reached record levels."
    )
    found = claim(checked(first + why, rows), "55,590")
    assert found.verdict == "contradicted" and "southwest" not in found.reason


def test_a_change_is_of_the_object_before_its_subjects_next_verb(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2022, 142_750),
        ("ero.admin_arrests", 2023, 170_590),
        ("ero.removals", 2022, 72_177),
        ("ero.removals", 2023, 142_580),
    ]
    # arrests rose by a fifth; removals nearly doubled, but the sentence says arrests did
    text = (
        "This year, ERO nearly doubled immigration enforcement arrests and increased removals "
        "from the totals cited in last year's report."
    )
    found = claim(checked(text + " It was fiscal year 2023.", rows), "nearly doubled")
    assert (found.metric, found.verdict) == ("ero.admin_arrests", "contradicted")


def test_a_bare_same_time_frame_after_whole_years_is_their_time(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085), ("ero.removals", 2019, 267_258)]
    text = (
        "Removals from the Lakeside office increased in fiscal year 2019. The 5% increase in "
        "deportations there hews closely to the {} jump nationwide during the same time frame."
    )
    # 267,258 / 256,085 - 1 = 4.4%: the same time frame is FY 2019, a whole year
    assert verdict(checked(text.format("4%"), rows), "the 4% jump")[1:] == (2019, "supported")
    # a part of a year named before it stays a part
    part = (
        "Removals rose from January to June 2019. The 5% increase there hews closely to the 4% "
        "jump nationwide during the same time frame."
    )
    assert verdict(checked(part, rows), "the 4% jump")[1:] == (None, "unverifiable")


def test_related_says_nothing_of_what_is_counted(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.admin_arrests", 2018, 158_581),
        ("ero.admin_arrests", 2019, 143_099),
        ("hsi_gang_related_criminal_arrests", 2019, 4_000),
    ]
    text = (
        "In fiscal year 2019, immigration-related arrests in Ohio dropped 13%. That also tracks "
        "closely to the 10% drop nationwide."
    )
    found = claim(checked(text, rows), "the 10% drop")
    assert (found.metric, found.verdict) == ("ero.admin_arrests", "supported")


def test_each_of_two_changes_relates_the_pair_that_follows_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2021, 74_082)]  # no figure of these removals
    text = (
        "In fiscal year 2021, the report says, removals of convicted criminals fell 62 percent "
        "in 2021, to 39,149 from 103,762 in 2020, and removals of violent felons fell 43 "
        "percent in 2021, to 5,221 from 9,161 in 2020."
    )
    result = checked(text, rows)
    # 39,149 / 103,762 - 1 = -62.3% and 5,221 / 9,161 - 1 = -43.0%: no pair crosses over
    assert claim(result, "fell 62 percent").verdict == "supported"
    assert claim(result, "fell 43 percent").verdict == "supported"
    crossed = text.replace("fell 43", "fell 50")
    found = claim(checked(crossed, rows), "fell 50 percent")
    assert found.verdict == "contradicted" and "the text gives 9,161" in found.reason


def test_a_rounded_value_with_its_exact_value_in_brackets_is_borne_out() -> None:
    text = (
        "The shelter's waiting list grew by over eighty-six hundred (8,676) names, while its "
        "beds fell by nearly 300 (-312) and its staff by about 40 (37)."
    )
    found = {c.text: c for c in check(text).claims}
    assert found["over eighty-six hundred"].verdict == "supported"  # as "over 8,600"
    assert "8,676" in found["over eighty-six hundred"].reason
    assert found["nearly 300"].verdict == "unverifiable"  # 312 is more than nearly 300
    assert found["about 40"].verdict == "supported"


def test_the_year_a_change_starts_from_is_no_year_of_the_text(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2016, 240_255), ("ero.removals", 2017, 226_119)]
    text = (
        "In that same period ICE carried out 226,119 removals, a slight fall on the previous "
        "fiscal year, while removals that followed its arrests rose from 65,332, or 27% of all "
        "removals in FY2016 to 81,603, or 36% of all removals."
    )
    # FY 2016 is where the second change starts: 226,119 is FY 2017's removals, not FY 2016's
    assert verdict(checked(text, rows), "226,119")[1:] == (2017, "supported")
    plain = text.replace("in FY2016 to 81,603", "in FY2016, against 81,603")
    assert verdict(checked(plain, rows), "226,119")[1:] == (2016, "contradicted")


def test_a_count_from_the_start_of_an_administration_is_of_part_of_a_year(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "From the start of the Smith Administration through the end of the fiscal year, ERO "
        "made 110,568 arrests compared to 77,806 in FY2016."
    )
    result = checked(text, rows)
    assert claim(result, "110,568").verdict == "unverifiable"
    assert claim(result, "77,806").verdict == "unverifiable"  # the same part of FY 2016
    assert "From the start of the Smith Administration" in claim(result, "110,568").reason


def test_a_share_of_the_total_number_of_a_figure_is_over_that_figure(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085)]
    text = (
        "In FY 2018, 141,045 Mexicans were removed, approximately {} of the total number of "
        "people removed that year."
    )
    # 141,045 / 256,085 = 55.08%
    assert verdict(checked(text.format("55 percent"), rows), "approximately 55 percent")[2] == (
        "supported"
    )


def test_a_change_on_a_year_two_back_is_of_the_year_its_value_is_of(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.removals", 2016, 240_255),
        ("ero.removals", 2017, 226_119),
        ("ero.removals", 2018, 256_085),
    ]
    # 256,085 / 240,255 - 1 = 6.59%, which "6.5%" cuts short: FY 2018 against FY 2016
    text = (
        "In fiscal year 2018 ICE counted its year. It removed 256,085 people this year, an "
        "increase of {} compared with 2016."
    )
    found = claim(checked(text.format("6.5%"), rows), "an increase of 6.5%")
    assert (found.fiscal_year, found.verdict) == (2018, "supported")
    wrong = claim(checked(text.format("8.5%"), rows), "an increase of 8.5%")
    assert (wrong.fiscal_year, wrong.verdict) == (2018, "contradicted")


def test_a_change_to_a_value_no_figure_states_is_not_that_figures_change(
    checked: Checker,
) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    # 81,603 is no figure of arrests: the 25 percent is the change to it, not of all arrests
    text = (
        "Deportations of people arrested in the interior increased during the 2017 fiscal year "
        "by 25 percent to 81,603, from 65,332 in the prior year."
    )
    found = claim(checked(text, rows), "by 25 percent")
    assert found.verdict == "supported"  # by the text's own two values
    alone = "Arrests increased during the 2017 fiscal year by 25 percent."
    assert claim(checked(alone, rows), "by 25 percent").verdict == "contradicted"


def test_the_fiscal_year_that_ended_on_its_last_day_names_that_year(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "Agents made a total of 143,470 arrests in the fiscal year that ended on Sept. 30, 2017. "
        "That's an increase of 25 percent from 114,434 a year earlier."
    )
    result = checked(text, rows)
    assert verdict(result, "143,470")[1:] == (2017, "supported")
    # the text's own pair gives 25.4%, but FY 2017 on FY 2016 is 30.3%
    assert verdict(result, "an increase of 25 percent")[1:] == (2017, "contradicted")


def test_the_year_of_a_multiples_base_and_a_year_before_a_named_base(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.removals", 2019, 267_258),
        ("ero.removals", 2020, 185_884),
        ("ero.removals", 2021, 59_011),
        ("ero.removals", 2022, 72_177),
        ("ero.removals", 2023, 142_580),
    ]
    doubled = (
        "The agency ended a year with a total of 142,580 removals, nearly double of the 72,177 "
        "deportations of 2022. The rule held for most of the fiscal year."
    )
    assert verdict(checked(doubled, rows), "142,580")[1:] == (2023, "supported")
    listed = (
        "In fiscal year 2021 the agency deported 59,011 people, compared with the 185,884 of "
        "fiscal year 2020 and 267,258 of the previous year."
    )
    assert verdict(checked(listed, rows), "267,258")[1:] == (2019, "supported")


def test_a_count_of_last_year_is_no_sum_of_a_run_of_years(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258), ("ero.removals", 2020, 185_884)]
    # 267,258 + 185,884 = 453,142: but "last year" is one year, whichever it is
    text = "The agency handled some 240,000 of the roughly 450,000 deportations of last year."
    assert verdict(checked(text, rows), "roughly 450,000")[2] == "unverifiable"
    undated = "Over two years the agency carried out roughly 450,000 deportations."
    found = claim(checked(undated, rows), "roughly 450,000")
    assert found.verdict == "supported" and "adds up to 453,142" in found.reason


def test_a_fraction_of_another_years_total_is_a_multiple_of_it(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2019, 143_099), ("ero.admin_arrests", 2021, 74_082)]
    # 74,082 / 143,099 = 0.52: half of FY 2019's, a change from FY 2019 to FY 2021
    text = (
        "ICE made 74,082 arrests in FY 2021. This is only {} of the total arrests made in FY 2019."
    )
    found = claim(checked(text.format("half"), rows), "half")
    assert (found.kind, found.verdict) == ("change", "supported")
    assert "from FY 2019 to FY 2021" in found.reason
    third = claim(checked(text.format("a third"), rows), "a third")
    assert third.verdict == "contradicted"
    own = "In FY 2019 about half of the total arrests were of people with convictions."
    assert claim(checked(own, rows), "about half").kind == "share"


def test_a_region_after_what_is_counted_is_still_a_region(checked: Checker) -> None:
    rows: list[Row] = [("ero.admin_arrests", 2016, 110_104), ("ero.admin_arrests", 2017, 143_470)]
    text = (
        "ICE arrested 143,470 people in fiscal year 2017. The number of arrests in the Lakeside "
        "area grew 71 percent between 2016 and 2017."
    )
    found = claim(checked(text, rows), "grew 71 percent")
    assert found.verdict == "unverifiable" and "part of one area" in found.reason


def test_a_share_pointing_back_takes_the_value_before_as_its_part() -> None:
    said = (
        "Just 59,000 people were removed in fiscal year 2021. That is an all-time low, about {} "
        "of the previous low of 175,100 in fiscal year 2004."
    )
    third = claim(check(said.format("one-third")), "about one-third")
    assert third.verdict == "supported", third.reason
    assert "59,000 of 175,100" in third.reason
    assert claim(check(said.format("half")), "about half").verdict == "contradicted"
    # a share with a value of its own before it in its sentence is that value's
    own = (
        "Just 59,000 people were removed in fiscal year 2021. That is 20,000 more than the "
        "year before, about half of the previous low of 175,100."
    )
    assert claim(check(own), "about half").verdict != "contradicted"


def test_a_count_an_increase_is_by_just_so_many_is_a_difference(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2018, 256_085), ("ero.removals", 2019, 267_258)]
    for by in ("increased by just", "rose by only", "an increase of just"):
        text = f"In FY 2019 removals {by} 11,173."
        if by.startswith("an"):
            text = f"In FY 2019 removals saw {by} 11,173."
        found = claim(checked(text, rows), "11,173")
        assert found.verdict == "supported", (by, found.reason)


def test_a_value_of_another_clause_lends_no_metric_to_a_pair(checked: Checker) -> None:
    rows: list[Row] = [
        ("ero.published_average_daily_population", 2019, 50_165),
        ("ero.removals", 2019, 267_258),
    ]
    text = (
        "The average daily detention population grew from 28,449 to 50,165 from FY 2015 to "
        "FY 2019, while average monthly removals increased from 19,618 to 22,272."
    )
    found = claim(checked(text, rows), "22,272")
    assert found.verdict != "contradicted", found.reason


def test_an_average_monthly_count_is_a_rate(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2019, 267_258)]
    found = claim(checked("In FY 2019 average monthly removals were 22,272.", rows), "22,272")
    assert found.verdict == "supported", found.reason
    assert "12 months" in found.reason
