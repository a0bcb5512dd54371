"""Prose nobody here wrote: verbs, pronouns, years stated once, published figures (issue 14)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks import prose
from tests.conftest import OFFICIAL_FIGURES, REPORT_DIR
from yearbook.claims import CheckResult, ClaimVerdict, check
from yearbook.claims.command import CROSSWALK
from yearbook.claims.sources import figures_from_rows, load_crosswalk, load_figures
from yearbook.claims.vocabulary import Vocabulary, load_vocabulary, report_vocabulary
from yearbook.cli import main
from yearbook.errors import DeclarationError
from yearbook.figures import Figures
from yearbook.metrics.declarations import MetricDecl, load_metrics


@pytest.fixture(scope="module")
def metrics() -> dict[str, MetricDecl]:
    return load_metrics(REPORT_DIR / "metrics")


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    found = report_vocabulary(REPORT_DIR)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def official() -> Figures:
    if not OFFICIAL_FIGURES.is_file():
        pytest.skip("the published figures (shared/data/) are not beside this checkout")
    return load_figures(OFFICIAL_FIGURES, load_crosswalk(REPORT_DIR / CROSSWALK))


def claim(result: CheckResult, text: str) -> ClaimVerdict:
    found = [c for c in result.claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in result.claims]}"
    return found[0]


@pytest.fixture(scope="module")
def verdict_on(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> Callable[[str, str], str]:
    """The verdict on one claim of a text checked against the published figures."""
    return lambda text, shown: (
        claim(check(text, official, metrics=metrics, vocabulary=vocabulary), shown).verdict
    )


# ------------------------------------------------------------ the six examples


def test_a_verb_links_the_number_to_its_metric(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = "The agency deported 59,011 people in fiscal year 2021."
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    found = claim(result, "59,011")
    assert (found.verdict, found.metric, found.fiscal_year) == ("supported", "ero.removals", 2021)
    assert "deport" in found.reason


def test_short_fiscal_years_are_years_and_each_number_gets_its_own(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = "Arrests dropped to 103,603 in FY 20, from 143,099 in FY 19."
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    assert [c.text for c in result.claims] == ["103,603", "143,099"]
    got = [(c.metric, c.fiscal_year, c.verdict) for c in result.claims]
    assert got == [
        ("ero.admin_arrests", 2020, "supported"),
        ("ero.admin_arrests", 2019, "supported"),
    ]


def test_a_pronoun_and_a_year_earlier_link_to_the_prior_year(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "ERO made 142,750 administrative arrests in FY 2022, nearly double the 74,082 "
        "they made a year earlier."
    )
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    found = claim(result, "74,082")
    assert (found.verdict, found.metric, found.fiscal_year) == (
        "supported",
        "ero.admin_arrests",
        2021,
    )


def test_people_with_criminal_histories_link_in_the_year_in_scope(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "# Fiscal year 2022\n\n"
        "46,396 of the people arrested had a criminal conviction or a pending charge."
    )
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    found = claim(result, "46,396")
    assert (found.verdict, found.metric, found.fiscal_year) == (
        "supported",
        "ero.arrests_criminal_history",
        2022,
    )


CHARGES = [
    {"metric": "ero.charges_total", "fiscal_year": "2023", "value": "290708"},
    *(
        {
            "metric": "ero.charges_total",
            "fiscal_year": "2023",
            "breakdown": "charge_category",
            "breakdown_value": category,
            "value": value,
        }
        for category, value in (("robbery", "3097"), ("burglary", "6964"), ("homicide", "1713"))
    ),
]


def test_a_category_name_links_to_its_breakdown(
    metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    figures = figures_from_rows(CHARGES)
    text = (
        "In fiscal year 2023 ICE arrested people with long records. "
        "Their records included 3,097 robberies."
    )
    found = claim(check(text, figures, metrics=metrics, vocabulary=vocabulary), "3,097")
    assert found.verdict == "supported"
    assert (found.metric, found.breakdown_value) == ("ero.charges_total", "robbery")


REMOVALS = [
    {"metric": "ero.removals", "fiscal_year": "2022", "value": "72177"},
    {"metric": "ero.removals", "fiscal_year": "2023", "value": "142580"},
    {"metric": "ero.removals", "fiscal_year": "2024", "value": "271484"},
    {"metric": "ero.admin_arrests", "fiscal_year": "2022", "value": "142750"},
    {"metric": "ero.admin_arrests", "fiscal_year": "2023", "value": "170590"},
]


def test_the_next_years_numbers_under_this_years_name_are_caught(
    metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    figures = figures_from_rows(REMOVALS)
    text = "In fiscal year 2023, ICE removed 271,484 noncitizens from the United States."
    found = claim(check(text, figures, metrics=metrics, vocabulary=vocabulary), "271,484")
    assert (found.verdict, found.metric, found.fiscal_year) == (
        "contradicted",
        "ero.removals",
        2023,
    )
    assert "142,580" in found.reason


def test_a_year_stated_once_at_the_top_carries_to_every_claim(
    metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    figures = figures_from_rows(REMOVALS)
    text = (
        "Our review of fiscal year 2022.\n\n"
        "Officers made 142,750 administrative arrests.\n\n"
        "The agency deported 72,177 people, and arrests outnumbered removals."
    )
    result = check(text, figures, metrics=metrics, vocabulary=vocabulary)
    got = [(c.text, c.fiscal_year, c.verdict) for c in result.claims]
    assert got == [("142,750", 2022, "supported"), ("72,177", 2022, "supported")]


# ---------------------------------------------------- what is left unverifiable


def test_numbers_about_what_the_figures_do_not_hold_stay_unverifiable(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "In fiscal year 2023 ICE removed 142,580 people. Border Patrol recorded 2.4 million "
        "apprehensions. Title 42 resulted in over 2.8 million expulsions between 2020 and 2023. "
        "Under the previous administration removals topped 400,000 in some years."
    )
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    assert claim(result, "142,580").verdict == "supported"
    for other in ("2.4 million", "over 2.8 million", "topped 400,000"):
        assert claim(result, other).verdict == "unverifiable", claim(result, other).reason


def test_calendar_years_are_not_fiscal_years_unless_the_text_says_fiscal(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    calendar = check(
        "ICE removed 267,358 people in 2019.", official, metrics=metrics, vocabulary=vocabulary
    )
    found = claim(calendar, "267,358")  # FY 2019's is 267,258: no contradiction of a calendar year
    assert (found.verdict, found.fiscal_year) == ("unverifiable", None)
    assert "calendar year 2019" in found.reason
    stated = check(
        "ICE removed 267,258 people in 2019.", official, metrics=metrics, vocabulary=vocabulary
    )
    found = claim(stated, "267,258")  # read as FY 2019 only because that figure states it
    assert (found.verdict, found.fiscal_year) == ("supported", 2019)
    assert "calendar year 2019" in found.reason and "read as that fiscal year" in found.reason
    fiscal = check(
        "In fiscal year 2020 removals fell. ICE removed 267,258 people in 2019.",
        official,
        metrics=metrics,
        vocabulary=vocabulary,
    )
    assert claim(fiscal, "267,258").verdict == "supported"


def test_a_word_a_share_splits_a_count_by_names_a_narrower_count(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "On deportations, ERO recorded just 39,149 convicts removed in fiscal 2021, down 62 "
        "percent compared to 2020, when 103,762 convicts were ousted."
    )
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    found = claim(result, "39,149")  # not FY 2021's 59,011 removals: the convicts among them
    assert found.verdict == "unverifiable" and "convict" in found.reason
    assert claim(result, "down 62 percent").verdict == "supported"  # the text's own numbers


def test_expelled_in_a_year_are_its_removals(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = "The government expelled 142,580 undocumented immigrants during fiscal year 2023."
    found = claim(check(text, official, metrics=metrics, vocabulary=vocabulary), "142,580")
    assert (found.metric, found.verdict) == ("ero.removals", "supported")


def test_a_count_whose_noun_is_a_metrics_unit_is_of_it_beside_another_count(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "In fiscal year 2023, ERO conducted 142,580 removals and 62,545 Title 42 expulsions to "
        "more than {} countries worldwide."
    )
    found = claim(
        check(text.format(170), official, metrics=metrics, vocabulary=vocabulary), "more than 170"
    )
    assert (found.metric, found.verdict) == ("removal_destination_countries", "supported")
    # a number right after the other count's name is still that count's
    expelled = claim(
        check(text.format(170), official, metrics=metrics, vocabulary=vocabulary), "62,545"
    )
    assert (expelled.metric, expelled.verdict) == ("title42_expulsions", "supported")


def test_an_adverb_between_commas_does_not_cut_a_subject_from_its_verb(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "The report covers fiscal year 2019. Although the deportations increased, the arrests, "
        "however, fell from 159,000 to 143,000."
    )
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    for said, year in (("159,000", 2018), ("143,000", 2019)):
        found = claim(result, said)
        assert (found.metric, found.fiscal_year, found.verdict) == (
            "ero.admin_arrests",
            year,
            "supported",
        ), found.reason


def test_the_department_is_another_body_unless_the_figures_hold_its_counts(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "Overall, in FY 2016, the Department apprehended 530,250 individuals nationwide and "
        "conducted a total of 450,954 removals and returns."
    )
    result = check(text, official, metrics=metrics, vocabulary=vocabulary)
    for other in ("530,250", "450,954"):
        found = claim(result, other)
        assert found.verdict == "unverifiable" and "the Department" in found.reason
    held = "In FY 2022, DHS assisted 765 victims of human trafficking."
    found = claim(check(held, official, metrics=metrics, vocabulary=vocabulary), "765")
    assert found.verdict == "supported"  # the figures hold this count of DHS's


def test_the_explanation_names_the_figure_and_the_words_that_linked_it(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = "Officials said ICE removed 142,580 noncitizens in fiscal year 2023."
    found = claim(check(text, official, metrics=metrics, vocabulary=vocabulary), "142,580")
    assert found.verdict == "supported"
    assert "ero.removals FY 2023 is 142,580" in found.reason
    assert "linked by" in found.reason and "remov" in found.reason


def test_a_change_whose_clause_names_another_count_takes_not_the_value_before_it(
    verdict_on: Callable[[str, str], str],
) -> None:
    """ "... even as arrests inside the country fell nearly 10 percent": the change of arrests,
    not of the removals before it in its sentence."""
    text = (
        "The report for fiscal 2019 shows more with less. Removals rose to 267,258, up from "
        "256,085 in 2018 \u2014 an increase of roughly 11,000, or a little over 4 percent \u2014 "
        "even as arrests inside the country fell nearly 10 percent, to 143,099."
    )
    assert verdict_on(text, "fell nearly 10 percent") != "contradicted"


def test_a_change_of_the_number_of_what_no_figure_counts_is_never_contradicted(
    verdict_on: Callable[[str, str], str],
) -> None:
    text = (
        "In fiscal 2020 the border agency met an average of 38,174 people a month and ICE was "
        "deporting 6,222. In fiscal 2021 the number of encounters jumped 279 percent to an "
        "average of 144,557 people a month while the number of deportations dropped to 6,174."
    )
    assert verdict_on(text, "jumped 279 percent") != "contradicted"


def test_a_share_of_those_with_neither_is_the_rest_of_the_share_with_either(
    verdict_on: Callable[[str, str], str],
) -> None:
    text = (
        "The report for fiscal year 2023 shows that 57% of the people the agency arrested had "
        "neither a criminal conviction nor a pending charge."
    )
    assert verdict_on(text, "57%") == "supported"


def test_a_combined_total_and_a_multiple_of_a_named_year_are_never_contradicted(
    verdict_on: Callable[[str, str], str],
) -> None:
    combined = (
        "If the 62,545 expulsions ICE carried out in fiscal 2023 are added to its removals, the "
        "combined total is 205,125, which does exceed the 2020 figure."
    )
    assert verdict_on(combined, "205,125") != "contradicted"
    multiple = (
        "The Biden years started far lower. ICE removed 59,011 people in fiscal 2021 and 72,177 "
        "in 2022, then 142,580 in 2023. Even that latest figure is only a little more than half "
        "the 2019 peak."
    )
    assert verdict_on(multiple, "a little more than half") != "contradicted"


def test_a_name_is_stated_only_where_its_words_stand_together(
    verdict_on: Callable[[str, str], str],
) -> None:
    """ "Border" in another clause does not state border removals, whose FY2017 figure the
    published table lacks: 220,649 is a misstated count of all removals (226,119)."""
    far = (
        "Removals rose through FY2019, then fell in FY2020 with policy changes at the border; "
        "official counts recorded 220,649 removals in FY2017."
    )
    assert verdict_on(far, "220,649") == "contradicted"
    near = "The agency recorded 220,649 removals at the border in FY2017."
    assert verdict_on(near, "220,649") == "unverifiable"


def test_interior_arrests_are_the_administrative_arrests(
    verdict_on: Callable[[str, str], str],
) -> None:
    text = "With officers sent to the border, interior arrests were down 10 percent in fiscal 2019."
    assert verdict_on(text, "down 10 percent") == "supported"


# ------------------------------------------------------ the development set


@pytest.fixture(scope="module")
def labels() -> list[prose.Label]:
    if not prose.available():
        pytest.skip(
            "the real-prose development set (shared/data/prose/) is not beside this checkout"
        )
    return prose.score_all()


def test_real_prose_keeps_its_measured_floor_and_few_false_contradictions(
    labels: list[prose.Label],
) -> None:
    """A regression floor, not the target: `make bench-claims` reports both halves against
    the issue's target (90% on the held-back half); docs/benchmarks.md has the numbers."""
    tuning = prose.Tally([x for x in labels if x.half == "tuning"])
    everything = prose.Tally(labels)
    assert tuning.n > 100 and everything.n > 250
    assert tuning.accuracy() >= 0.80, prose.table(labels)
    assert (everything.false_contradiction() or 0.0) <= 0.03, prose.table(labels)


# ------------------------------------------------------------ several sources


def test_several_sources_are_checked_as_their_union(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "older.csv"
    older.write_text("metric,fiscal_year,value\nremovals_total,2018,256085\n", encoding="utf-8")
    newer = tmp_path / "newer.csv"
    newer.write_text(
        "metric,fiscal_year,value\nero.removals,2024,271484\nero.removals,2018,265085\n",
        encoding="utf-8",
    )
    text = tmp_path / "story.txt"
    text.write_text(
        "ICE removed 256,085 people in fiscal year 2018 and 271,484 in fiscal year 2024.",
        encoding="utf-8",
    )
    args = ["check", str(text), "--format", "json", "--report", str(REPORT_DIR)]
    assert _exit_code([*args, "--figures", str(older), "--figures", str(newer)]) == 0
    verdicts = [(c["text"], c["verdict"]) for c in json.loads(capsys.readouterr().out)]
    assert verdicts == [("256,085", "supported"), ("271,484", "supported")]
    # the first source given wins where two hold the same figure
    assert _exit_code([*args, "--figures", str(newer), "--figures", str(older)]) == 1
    capsys.readouterr()


def _exit_code(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def test_a_share_of_a_named_whole_is_checked_against_the_wholes_figure(
    metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    figures = figures_from_rows(REMOVALS)
    text = (
        "Honduras made up 15% of FY 2023 removals, roughly 21,400 cases. "
        "Guatemala made up 40% of FY 2023 removals, roughly 21,400 cases."
    )
    result = check(text, figures, metrics=metrics, vocabulary=vocabulary)
    right, wrong = (c for c in result.claims if c.kind == "share")
    assert (right.text, right.verdict) == ("15%", "supported")
    assert "of ero.removals FY 2023 (142,580)" in right.reason
    assert (wrong.text, wrong.verdict) == ("40%", "unverifiable")


def test_the_vocabulary_comes_from_the_pack_and_a_bad_one_says_what_is_wrong(
    tmp_path: Path, vocabulary: Vocabulary
) -> None:
    assert "ero" in vocabulary.offices and "removals" in vocabulary.terms["deported"]
    bad = tmp_path / "vocabulary.yaml"
    bad.write_text("claims:\n  terms: [deported, removals]\n", encoding="utf-8")
    with pytest.raises(DeclarationError, match="claims.terms must be a mapping"):
        load_vocabulary(bad)
    with pytest.raises(DeclarationError, match="claims.terms must be a mapping"):
        load_vocabulary(tmp_path)  # a pack folder is read the same way


def test_rate_and_part_patterns_read_the_words_right_after_the_number() -> None:
    """The patterns are matched from the end of the number, not from the text's start."""
    from yearbook.claims.parts import _PART_OF
    from yearbook.claims.rates import _RATE

    text = "ICE removed 1,500 people a day, and 3,406 of the removals were of minors."
    rate_at = text.index("1,500") + len("1,500")
    part_at = text.index("3,406") + len("3,406")
    assert _RATE.match(text, rate_at, len(text))
    assert _PART_OF.match(text, part_at, len(text))
    assert not _PART_OF.match(text, rate_at, len(text))


def test_an_exact_count_stated_again_is_borne_out_as_it_was_first(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    text = (
        "The agency reported 74,082 administrative arrests in fiscal year 2021; the report "
        "also counts 12,025 arrests of people convicted of an aggravated felony in that same "
        "fiscal year.\n\n"
        "The annual report says officers made 74,082 administrative arrests of noncitizens "
        "during FY2021 and that among those arrests 12,025 involved people convicted of an "
        "aggravated felony."
    )
    second = check(text, official, metrics=metrics, vocabulary=vocabulary).claims[3]
    assert (second.text, second.verdict) == ("12,025", "supported")
    # borne out as it was first: by the restatement, or, an exact number, by the same figure
    assert "it restates '12,025'" in second.reason or second.reason.startswith(
        "aggravated_felons_arrested FY 2021 is 12,025"
    )


def test_an_exact_count_ending_in_zero_is_stated_by_its_figure(
    official: Figures, metrics: dict[str, MetricDecl], vocabulary: Vocabulary
) -> None:
    # the sentence before speaks of convictions, whose counts have no FY 2017 figure: they
    # do not keep 143,470, five significant digits, from FY 2017's arrests
    text = (
        "In contrast, 61% of those arrested by ICE in FY2009 did not have prior convictions. "
        "The data also shows that ICE arrests have dropped from 297,898 in FY2009 to 143,470 in "
        "FY2017."
    )
    found = check(text, official, metrics=metrics, vocabulary=vocabulary).claims[2]
    assert (found.text, found.metric, found.verdict) == (
        "143,470",
        "ero.admin_arrests",
        "supported",
    )
