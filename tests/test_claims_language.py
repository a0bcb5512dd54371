"""Prose in Spanish is read in the words the checker knows (`yearbook.claims.language`).

Every sentence here is written for these tests; every figures table is a few rows built in
place, and each claim's verdict is the fact the test states.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.claims_support import Checker, Row, claim, verdict
from yearbook.claims import check
from yearbook.claims.context import vocabulary_mapping
from yearbook.claims.language import detect_language, read_language
from yearbook.claims.text import Plain
from yearbook.claims.vocabulary import vocabulary_from_mapping

SPANISH_LEAD = (
    "Según las cifras que la agencia dio a conocer este jueves, con los datos de sus "
    "oficinas para el año fiscal y de todo el país, "
)
"""A Spanish opening, so that a short test sentence is read as Spanish."""

REMOVALS: list[Row] = [
    ("ero.removals", 2018, 256_085),
    ("ero.removals", 2019, 267_258),
    ("ero.admin_arrests", 2018, 158_581),
    ("ero.admin_arrests", 2019, 143_099),
]


def plain(text: str) -> Plain:
    return Plain(text, list(range(len(text))), len(text))


@pytest.fixture(scope="module")
def checked() -> Checker:
    return Checker.flagship()


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("267.258 personas", "267,258 people"),
        ("un aumento del 4,3 %", "an increase of 4.3 %"),
        ("143 mil", "143,000"),
        ("72mil", "72,000"),
        ("127 mil 492", "127,492"),
        ("cinco mil 700", "5,700"),
        ("mil 179", "1,179"),
        ("1,2 millones de libras", "1.2 million pounds"),
        ("2,5 mil millones de dólares", "2.5 billion dollars"),
        ("2.2 millones de casos", "2.2 million"),
        ("7,013 arrestos", "7,013"),  # a comma before three digits groups thousands
        ("en el año fiscal de 2017", "in the fiscal year 2017"),
        ("el año fiscal anterior", "the previous fiscal year"),
        ("entre el 1 de octubre de 2018 y el 30 de septiembre de 2019",
         "between October 1, 2018 and September 30, 2019"),
        ("desde 2017 hasta 2019", "from 2017 through 2019"),
        ("más de 300", "more than 300"),
        ("mas de 300", "more than 300"),  # a phrase typed without its accent
        ("el aumento del 5 %", "the increase of 5 %"),  # a word keeps its accent:
        ("aumentó un 5 %", "rose 5 %"),  # "aumento" is an increase, "aumentó" rose
        ("había sido de 148.000 personas anualmente", "had been 148,000 people annually"),
        ("casi el doble", "nearly double"),
        ("más de medio millón de personas", "more than half a million"),
        ("casi la mitad de los arrestados", "nearly half of the"),
        ("deportó a unos 267.000", "deportó some 267,000"),  # "a" before a qualifier: no "to"
        ("en camino de menos de 55.000", "on track for fewer than 55,000"),
        ("pasaron de 463 a 1.179", "went from 463 to 1,179"),
        ("subió de 65.332 a 81.603", "rose from 65,332 to 81,603"),
        ("a pesar de que el Congreso solo financia 45.000", "although the Congress only"),
        ("casi duplicando el número", "nearly doubling the"),
        ("casi duplica a los 72.177", "nearly doubles the 72,177"),  # the "a" of a person
        ("(equivalente al 32,8 %)", "(equivalent to the 32.8 %)"),
        ("cargos y condenas por persona", "condenas per person"),
        ("cayeron un 40% comparados con un año antes", "fell 40% compared with a year earlier"),
        ("en comparación del año anterior", "compared with the previous year"),
        ("deportaron a más de 267 mil en todo el país", "more than 267,000 nationwide"),
    ],
)  # fmt: skip
def test_spanish_numbers_and_phrases_are_read_in_english(written: str, read: str) -> None:
    assert read in read_language(plain(SPANISH_LEAD + written)).text


def test_english_prose_is_left_as_it_is() -> None:
    text = (
        "In fiscal year 2019 the agency removed 267,258 people, what the Spanish-language "
        "press called 267.258 deportaciones en el año fiscal, and 143,099 were arrested."
    )
    source = plain(text)
    assert detect_language(text) == "en"
    assert read_language(source) is source


def test_a_spanish_text_is_checked_against_the_figures(checked: Checker) -> None:
    result = checked(
        SPANISH_LEAD + "En el año fiscal 2019 fueron deportadas 267.258 personas, un aumento "
        "del 4,3 % frente a las 256.085 del año fiscal anterior. Los agentes arrestaron a "
        "más de 143 mil inmigrantes en el año fiscal 2019, y a 158.851 en el año fiscal 2018.",
        REMOVALS,
    )
    assert verdict(result, "267.258") == ("ero.removals", 2019, "supported")
    assert verdict(result, "256.085") == ("ero.removals", 2018, "supported")
    assert verdict(result, "un aumento del 4,3 %") == ("ero.removals", 2019, "supported")
    assert verdict(result, "más de 143 mil") == ("ero.admin_arrests", 2019, "supported")
    assert verdict(result, "158.851") == ("ero.admin_arrests", 2018, "contradicted")


def test_a_claim_points_at_the_spanish_words_as_written(checked: Checker) -> None:
    text = SPANISH_LEAD + "En el año fiscal 2018 fueron deportadas 256 mil 85 personas."
    found = claim(checked(text, REMOVALS), "256 mil 85")
    assert text[found.start : found.end] == "256 mil 85"
    assert found.value == 256_085
    assert found.verdict == "supported"


def test_a_spanish_text_without_figures_still_checks_itself() -> None:
    result = check(
        SPANISH_LEAD + "La oficina vendió 200 permisos en el año fiscal 2022 y 300 en el año "
        "fiscal 2023, un aumento del 80 %."
    )
    assert [c.verdict for c in result.claims if c.text == "un aumento del 80 %"] == ["contradicted"]


def test_a_packs_translations_are_read_and_written_back() -> None:
    words = vocabulary_from_mapping(
        {"claims": {"translations": {"es": {"vendidos": "sold", "permisos": "permits"}}}}
    )
    assert words.translations["es"]["vendidos"] == "sold"
    assert vocabulary_from_mapping(vocabulary_mapping(words)) == words
    text = SPANISH_LEAD + "Fueron vendidos 1.200 permisos."
    assert "Were sold 1,200 permits" in read_language(plain(text), words.translations).text


@given(st.integers(min_value=1_000, max_value=999_999_999))
def test_every_grouped_number_is_read_as_written_and_points_back_to_it(value: int) -> None:
    written = f"{value:,}".replace(",", ".")
    text = SPANISH_LEAD + f"Fueron {written} personas en el año fiscal 2019."
    read = read_language(plain(text))
    at = read.text.index(f"{value:,}")
    start, end = read.span(at, at + len(f"{value:,}"))
    assert text[start:end] == written
    assert read.written(at, at + len(f"{value:,}"))


def test_a_replaced_word_points_at_the_word_it_replaced(checked: Checker) -> None:
    # "más que" (7 letters) is read as "more than" (9): the claim still ends on "más"
    text = SPANISH_LEAD + "En el año fiscal 2018 vendió 158.851 permisos, un 11% más que en 2017."
    found = [c for c in check(text).claims if c.kind == "change"]
    assert [c.text for c in found] == ["11% más"]


@pytest.mark.parametrize(
    ("sentence", "shown", "kind"),
    [
        ("Casi la mitad de los vendidos en el año fiscal 2022 eran permisos.", "Casi la mitad", "share"),
        ("Vendió más de medio millón de permisos en el año fiscal 2013.", "más de medio millón", "count"),
        ("Las ventas casi se duplicaron en el año fiscal 2023.", "casi se duplicaron", "change"),
        ("Casi uno de cada tres permisos fue para casas.", "Casi uno de cada tres", "share"),
    ],
)  # fmt: skip
def test_a_claim_in_spanish_words_is_found_and_shown_as_written(
    sentence: str, shown: str, kind: str
) -> None:
    text = SPANISH_LEAD + sentence
    found = [c for c in check(text).claims if c.kind == kind]
    assert [c.text for c in found] == [shown]
    assert text[found[0].start : found[0].end] == shown


def test_the_packs_spanish_words_for_trafficking_are_read(checked: Checker) -> None:
    rows: list[Row] = [
        ("hsi_human_trafficking_arrests", 2019, 2_197),
        ("hsi.criminal_arrests", 2019, 37_547),
    ]
    text = (
        SPANISH_LEAD + "En el año fiscal 2019 la HSI detuvo a 2.197 criminales asociados al "
        "tráfico de seres humanos."
    )
    found = claim(checked(text, rows), "2.197")
    assert (found.metric, found.verdict) == ("hsi_human_trafficking_arrests", "supported")
    assert "'traffick'" in found.reason  # "tráfico de seres humanos": human trafficking


def test_orders_of_removal_in_spanish_are_no_removals(checked: Checker) -> None:
    rows: list[Row] = [("ero.removals", 2022, 72_177), ("ero.removals", 2021, 59_011)]
    said = SPANISH_LEAD + "En todo el año fiscal 2022 fueron emitidas 65.076 órdenes de {}."
    for word in ("expulsión", "deportación"):
        # orders a judge signs are not the removals carried out: no misstated 72,177
        assert verdict(checked(said.format(word), rows), "65.076")[2] == "unverifiable"
    carried = SPANISH_LEAD + "En todo el año fiscal 2022 hubo 65.076 expulsiones."
    assert verdict(checked(carried, rows), "65.076")[2] == "contradicted"


PORTUGUESE_LEAD = (
    "Segundo os números que a agência divulgou nesta quinta-feira, com os dados das suas "
    "oficinas para o ano fiscal e de todo o país, "
)
"""A Portuguese opening, so that a short test sentence is read as Portuguese."""


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("267.258 pessoas", "267,258 people"),
        ("um aumento de 4,3%", "an increase of 4.3%"),
        ("mais de 44 mil", "more than 44,000"),
        ("1,95 milhões", "1.95 million"),
        ("2,5 bilhões de dólares", "2.5 billion dollars"),
        ("no ano fiscal de 2022", "in the fiscal year 2022"),
        ("no exercício financeiro de 2018", "in the fiscal year 2018"),
        ("o ano fiscal anterior", "the previous fiscal year"),
        ("entre outubro de 2021 e 30 de setembro de 2022",
         "between October 2021 and September 30, 2022"),
        ("de 2017 a 2019", "from 2017 through 2019"),
        ("de 647 mil para 1,95 milhões", "from 647,000 to 1.95 million"),
        ("aumentou para 142.750", "rose to 142,750"),
        ("quase o dobro", "nearly double"),
        ("aumentos de 93% e 22%, respectivamente", "increases of 93% and 22%, respectively"),
        ("menos de 5%", "fewer than 5%"),
        ("cerca de 180 países", "about 180 countries"),
        ("o segundo menor número", "the second lowest number"),
        ("10 mil a mais do que no ano anterior", "10,000 more than in the previous year"),
    ],
)  # fmt: skip
def test_portuguese_numbers_and_phrases_are_read_in_english(written: str, read: str) -> None:
    assert read in read_language(plain(PORTUGUESE_LEAD + written)).text


def test_portuguese_and_spanish_are_told_apart() -> None:
    assert detect_language(PORTUGUESE_LEAD + "Foram deportadas 267.258 pessoas.") == "pt"
    assert detect_language(SPANISH_LEAD + "Fueron deportadas 267.258 personas.") == "es"


def test_a_portuguese_text_is_checked_against_the_figures(checked: Checker) -> None:
    result = checked(
        PORTUGUESE_LEAD + "No ano fiscal de 2019 o ICE deportou 267.258 pessoas, um aumento "
        "de 4,3% em relação às 256.085 do ano fiscal anterior. Os agentes fizeram mais de "
        "143 mil prisões administrativas no ano fiscal de 2019, contra 158.851 no ano fiscal "
        "de 2018.",
        REMOVALS,
    )
    assert verdict(result, "267.258") == ("ero.removals", 2019, "supported")
    assert verdict(result, "256.085") == ("ero.removals", 2018, "supported")
    assert verdict(result, "um aumento de 4,3%") == ("ero.removals", 2019, "supported")
    assert verdict(result, "mais de 143 mil") == ("ero.admin_arrests", 2019, "supported")
    assert verdict(result, "158.851") == ("ero.admin_arrests", 2018, "contradicted")


@given(st.integers(min_value=1_000, max_value=999_999_999))
def test_every_grouped_portuguese_number_points_back_to_it(value: int) -> None:
    written = f"{value:,}".replace(",", ".")
    text = PORTUGUESE_LEAD + f"Foram {written} pessoas no ano fiscal de 2019."
    read = read_language(plain(text))
    at = read.text.index(f"{value:,}")
    start, end = read.span(at, at + len(f"{value:,}"))
    assert text[start:end] == written
