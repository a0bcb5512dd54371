"""Prose in Spanish or Portuguese, read in the words the checker knows.

The checker's rules read English: "more than 267,000", "in fiscal year 2019", "a 4.3%
increase". A text written in Spanish says the same things as "más de 267 mil", "en el
año fiscal 2019", "un aumento del 4,3 %". `read_language` tells such a text by its
commonest small words and rewrites it, word for word, into the English those rules read,
keeping for every character the offset it came from (`yearbook.claims.text.Plain`), so a
claim still points at what the writer wrote:

* numbers in the Spanish manner: ``267.258`` is 267,258, ``4,3 %`` is 4.3%,
  ``143 mil`` is 143,000 (a round figure, as written), ``127 mil 492`` is 127,492,
  ``cinco mil 700`` is 5,700 and ``1,2 millones`` is 1.2 million (a comma before
  exactly three digits is a thousands comma, as Mexican papers print it);
* the words of years, qualifiers, changes and comparisons (``año fiscal``, ``más de``,
  ``casi``, ``aumento``, ``frente a``) and the small words between them;
* the words a pack gives for what its figures count (``deportados``), from its
  vocabulary's ``translations`` (`yearbook.claims.vocabulary`).

Portuguese is read the same way, with its own words (`yearbook.claims.portuguese`):
"mais de 142.000", "no ano fiscal de 2022", "um aumento de 93%", "de 647 mil para 1,95
milhões". A text is read as the language whose small words it uses most, where it uses
enough of them and far more than English ones.

It is a reading aid, not a translation: word order stays the writer's, and a word it
does not know is kept as written. English text, and text in a language it does not
know, is left as it is.

>>> from yearbook.claims.text import to_plain
>>> plain = read_language(to_plain("Las deportaciones subieron un 4,3 % en el año fiscal "
...     "2019, cuando fueron deportadas 267.258 personas, frente a 256 mil en el año fiscal "
...     "anterior, según el informe de la agencia.", "text"))
>>> plain.text  # doctest: +NORMALIZE_WHITESPACE
'The deportaciones rose 4.3 % in the fiscal year 2019, when were deportadas 267,258 people,
compared with 256,000 in the previous fiscal year, according to the report of the agency.'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from yearbook.claims.portuguese import PORTUGUESE, PORTUGUESE_MARKERS, PORTUGUESE_UNITS
from yearbook.claims.text import Plain, Rewriting

__all__ = ["SPANISH", "detect_language", "read_language"]

_WORD = re.compile(r"[^\W\d_]+")

_SPANISH_MARKERS = (
    "de", "la", "el", "los", "las", "que", "del", "por", "con", "para", "una", "se", "según",
    "más", "fueron", "año", "años", "entre", "durante", "como", "también", "pero", "sus",
    "cifras",
)  # fmt: skip
_ENGLISH_MARKERS = (
    "the", "of", "and", "to", "that", "for", "with", "was", "were", "is", "by", "from", "this",
    "are",
)  # fmt: skip
_MARKERS = {
    "es": frozenset(_SPANISH_MARKERS),
    "pt": frozenset(PORTUGUESE_MARKERS),
    "en": frozenset(_ENGLISH_MARKERS),
}
"""Small words each language uses often and the others hardly ever."""

_LEAST_MARKERS = 8
"""Fewest of a language's small words a text must use to be read as that language."""

SPANISH: dict[str, str] = {
    # years
    "año fiscal": "fiscal year",
    "años fiscales": "fiscal years",
    "ejercicio fiscal": "fiscal year",
    "periodo fiscal": "fiscal year",
    "período fiscal": "fiscal year",
    "periodo fiscal anterior": "previous fiscal year",
    "período fiscal anterior": "previous fiscal year",
    "ejercicio fiscal anterior": "previous fiscal year",
    "al año": "a year",
    "por año": "a year",
    "por mes": "a month",
    "al mes": "a month",
    "por día": "a day",
    "al día": "a day",
    "promedio": "average",
    "promedio anual": "annual average",
    "media anual": "annual average",
    "la media": "the average",
    "fue de": "was",
    "fueron de": "were",
    "es de": "is",
    "son de": "are",
    "ha sido de": "has been",
    "había sido de": "had been",
    "en promedio": "on average",
    "promediaron": "averaged",
    "promedió": "averaged",
    "año fiscal anterior": "previous fiscal year",
    "año fiscal previo": "previous fiscal year",
    "año fiscal pasado": "last fiscal year",
    "pasado año fiscal": "last fiscal year",
    "el pasado año fiscal": "last fiscal year",
    "el año fiscal pasado": "last fiscal year",
    "el mismo periodo anterior": "the previous year",
    "el mismo período anterior": "the previous year",
    "último año fiscal": "last fiscal year",
    "año anterior": "previous year",
    "año previo": "previous year",
    "anualmente": "annually",
    "cada año": "each year",
    "año pasado": "last year",
    "el año pasado": "last year",
    "el pasado año": "last year",
    "este año": "this year",
    "este año fiscal": "this fiscal year",
    "este último año fiscal": "this last fiscal year",
    "ese año fiscal": "that fiscal year",
    "el mismo periodo": "the same period",
    "el mismo período": "the same period",
    "año": "year",
    "años": "years",
    "mes": "month",
    "meses": "months",
    "semana": "week",
    "semanas": "weeks",
    "enero": "January",
    "febrero": "February",
    "marzo": "March",
    "abril": "April",
    "mayo": "May",
    "junio": "June",
    "julio": "July",
    "agosto": "August",
    "septiembre": "September",
    "setiembre": "September",
    "octubre": "October",
    "noviembre": "November",
    "diciembre": "December",
    # qualifiers
    "más de": "more than",
    "poco más de": "just over",
    "un poco más de": "just over",
    "menos de": "fewer than",
    "casi": "nearly",
    "cerca de": "close to",
    "alrededor de": "about",
    "aproximadamente": "approximately",
    "unos": "some",
    "unas": "some",
    "al menos": "at least",
    "por lo menos": "at least",
    "hasta": "up to",
    # changes and comparisons
    "un aumento": "an increase",
    "un incremento": "an increase",
    "un alza": "an increase",
    "una subida": "an increase",
    "una disminución": "a decrease",
    "un descenso": "a decrease",
    "una caída": "a drop",
    "una baja": "a drop",
    "una reducción": "a decrease",
    "aumento": "increase",
    "incremento": "increase",
    "alza": "increase",
    "subida": "increase",
    "disminución": "decrease",
    "descenso": "decrease",
    "caída": "drop",
    "reducción": "decrease",
    "aumentó": "rose",
    "aumentaron": "rose",
    "subió": "rose",
    "subieron": "rose",
    "creció": "grew",
    "crecieron": "grew",
    "se incrementó": "rose",
    "se incrementaron": "rose",
    "disminuyó": "fell",
    "disminuyeron": "fell",
    "cayó": "fell",
    "cayeron": "fell",
    "bajó": "fell",
    "bajaron": "fell",
    "descendió": "fell",
    "descendieron": "fell",
    "se redujo": "fell",
    "se redujeron": "fell",
    "se duplicó": "doubled",
    "se duplicaron": "doubled",
    "duplicó": "doubled",
    "duplicaron": "doubled",
    "duplica a los": "doubles the",
    "duplica a las": "doubles the",
    "duplicó a los": "doubled the",
    "duplicó a las": "doubled the",
    "duplica": "doubles",
    "duplican": "double",
    "duplicando": "doubling",
    "triplicando": "tripling",
    "equivalente al": "equivalent to the",
    "equivalente a": "equivalent to",
    "por persona": "per person",
    "se triplicó": "tripled",
    "triplicó": "tripled",
    "uno de cada": "one in",
    "una de cada": "one in",
    "más que": "more than",
    "menos que": "fewer than",
    "el doble": "double",
    "la mitad": "half",
    "medio millón": "half a million",
    "el triple": "triple",
    "veces": "times",
    "puntos porcentuales": "percentage points",
    "por cada": "per",
    "un tercio": "a third",
    "dos tercios": "two-thirds",
    "tres cuartas partes": "three-fourths",
    "por ciento": "percent",
    "frente a": "compared with",
    "frente al": "compared with the",
    "respecto a": "compared with",
    "respecto al": "compared with the",
    "respecto del": "compared with the",
    "con respecto a": "compared with",
    "con respecto al": "compared with the",
    "en comparación con": "compared with",
    "en comparación del": "compared with the",
    "en comparación al": "compared with the",
    "en comparación a": "compared with",
    "en todo el país": "nationwide",
    "a nivel nacional": "nationwide",
    "en lo que va del": "so far in the",
    "en lo que va de": "so far in",
    "comparado con": "compared with",
    "comparada con": "compared with",
    "comparados con": "compared with",
    "comparadas con": "compared with",
    "un año antes": "a year earlier",
    "el año antes": "the year before",
    "inmigración": "immigration",
    "en relación con": "compared with",
    "pasaron de": "went from",
    "subió de": "rose from",
    "subieron de": "rose from",
    "aumentó de": "rose from",
    "aumentaron de": "rose from",
    "creció de": "grew from",
    "crecieron de": "grew from",
    "bajó de": "fell from",
    "bajaron de": "fell from",
    "cayó de": "fell from",
    "cayeron de": "fell from",
    "disminuyó de": "fell from",
    "disminuyeron de": "fell from",
    "pasó de": "went from",
    "pasando de": "going from",
    "al pasar de": "going from",
    "pasar de": "going from",
    "de acuerdo con": "according to",
    "en camino de": "on track for",
    "en camino a": "on track for",
    "en vías de": "on track for",
    "finalizó": "ended",
    "terminó": "ended",
    "concluyó": "ended",
    "cerró": "ended",
    "llevó a cabo": "carried out",
    "llevaron a cabo": "carried out",
    "se llevaron a cabo": "were carried out",
    "la mayoría": "most",
    "la cantidad de": "the number of",
    # places and their people
    "Estados Unidos": "United States",
    "EE.UU.": "U.S.",
    "EE. UU.": "U.S.",
    "EEUU": "U.S.",
    "EUA": "U.S.",
    "EU": "U.S.",
    "México": "Mexico",
    "El Salvador": "El Salvador",
    "República Dominicana": "Dominican Republic",
    "Brasil": "Brazil",
    "Haití": "Haiti",
    "Perú": "Peru",
    "mexicanos": "Mexicans",
    "guatemaltecos": "Guatemalans",
    "hondureños": "Hondurans",
    "salvadoreños": "Salvadorans",
    "cubanos": "Cubans",
    "venezolanos": "Venezuelans",
    "haitianos": "Haitians",
    "nicaragüenses": "Nicaraguans",
    "colombianos": "Colombians",
    "ecuatorianos": "Ecuadorians",
    "dominicanos": "Dominicans",
    "brasileños": "Brazilians",
    "ciudadanos": "citizens",
    "país": "country",
    "países": "countries",
    "frontera": "border",
    "frontera sur": "southern border",
    "frontera suroeste": "southwest border",
    "persona": "person",
    "tenía": "had",
    "tenían": "had",
    "realizó": "made",
    "realizaron": "made",
    "realizados": "made",
    "registró": "recorded",
    "registraron": "recorded",
    "incluyó": "included",
    "incluidos": "including",
    "incluidas": "including",
    "principalmente": "mainly",
    "un total de": "a total of",
    "en total": "in total",
    "de ellos": "of them",
    "de ellas": "of them",
    "de estos": "of these",
    "de estas": "of these",
    "más alto": "highest",
    "más alta": "highest",
    "más bajo": "lowest",
    "más baja": "lowest",
    "mínimo histórico": "record low",
    "máximo histórico": "record high",
    "récord": "record",
    "título": "Title",
    "libras": "pounds",
    "kilos": "kilograms",
    "kilogramos": "kilograms",
    "toneladas": "tons",
    "dólares": "dollars",
    "máximo": "high",
    "mínimo": "low",
    "mayor": "more",
    "menor": "fewer",
    "más": "more",
    "menos": "fewer",
    # the small words between
    "el": "the",
    "la": "the",
    "los": "the",
    "las": "the",
    "lo": "it",
    "un": "a",
    "una": "a",
    "de": "of",
    "del": "of the",
    "en": "in",
    "y": "and",
    "e": "and",
    "o": "or",
    "a": "to",
    "al": "to the",
    "por": "by",
    "para": "for",
    "con": "with",
    "sin": "without",
    "sobre": "over",
    "que": "that",
    "quien": "who",
    "quienes": "who",
    "cual": "which",
    "cuales": "which",
    "de los cuales": "of whom",
    "de las cuales": "of whom",
    "lo que": "which",
    "cuando": "when",
    "donde": "where",
    "mientras": "while",
    "mientras que": "while",
    "aunque": "although",
    "a pesar de que": "although",
    "pese a que": "although",
    "a pesar de": "despite",
    "pese a": "despite",
    "sólo": "only",
    "solo": "only",
    "solamente": "only",
    "únicamente": "only",
    "congreso": "Congress",
    "financiamiento": "funding",
    "presupuesto": "budget",
    "pero": "but",
    "sin embargo": "however",
    "también": "also",
    "entre": "between",
    "durante": "during",
    "desde": "since",
    "según": "according to",
    "es": "is",
    "son": "are",
    "fue": "was",
    "fueron": "were",
    "ha": "has",
    "sido": "been",
    "había sido": "had been",
    "ha sido": "has been",
    "está": "is",
    "están": "are",
    "han": "have",
    "había": "had",
    "habían": "had",
    "este": "this",
    "ese": "that",
    "esa": "that",
    "esos": "those",
    "esas": "those",
    "esta": "this",
    "estos": "these",
    "estas": "these",
    "su": "its",
    "sus": "its",
    "total": "total",
    "cifra": "figure",
    "cifras": "figures",
    "número": "number",
    "informe": "report",
    "reporte": "report",
    "agencia": "agency",
    "gobierno": "government",
    "personas": "people",
    "órdenes": "orders",
    "extranjeros": "foreigners",
    "inmigrantes": "immigrants",
    "migrantes": "migrants",
    "indocumentados": "undocumented",
    "primeros": "first",
    "primer": "first",
    "último": "last",
    "últimos": "last",
    "uno": "one",
    "dos": "two",
    "tres": "three",
    "cuatro": "four",
    "cinco": "five",
    "seis": "six",
    "siete": "seven",
    "ocho": "eight",
    "nueve": "nine",
    "diez": "ten",
    "once": "eleven",
    "doce": "twelve",
    "veinte": "twenty",
    "treinta": "thirty",
    "cuarenta": "forty",
    "cincuenta": "fifty",
}
"""Spanish words and phrases -> the English the checker reads (a phrase wins over its
words)."""

_UNITS = {
    "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100, "doscientos": 200,
    "trescientos": 300, "cuatrocientos": 400, "quinientos": 500,
}  # fmt: skip
"""Number words that count thousands or millions ("cinco mil", "dos millones")."""


def _number_pattern(units: Mapping[str, int], scales: str, per: str) -> re.Pattern[str]:
    """A number written in the Spanish or Portuguese manner (see the module docstring):
    ``scales`` the words of millions and billions, ``per`` the words a decimal comma may
    stand before ("por ciento")."""
    amount = (
        r"(?P<lead>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?|"
        + "|".join(sorted(units, key=len, reverse=True))
        + r")"
    )
    return re.compile(
        r"(?<![\w.,])(?:"
        rf"{amount}\s+(?P<scale>{scales})\b(?:\s+de(?=\s))?"
        rf"|(?:{amount.replace('lead', 'thou')}\s*)?(?<![^\W\d_])mil\b"
        r"(?:\s+(?P<rest>\d{1,3})(?!\d|[.,]\d))?"
        r"(?!\s+mil[lh])"
        r"|(?P<grouped>\d{1,3}(?:\.\d{3})+(?:,\d+)?)(?![\d]|[.,]\d)"
        rf"|(?P<decimal>\d+,\d{{1,2}})(?=\s*(?:%|{per}))"
        r")",
        re.I,
    )


def _date_pattern(months: str) -> re.Pattern[str]:
    """A date: "el 1 de octubre de 2018", "30 de setembro de 2022", "septiembre de 2019"."""
    return re.compile(
        rf"(?<![\w.,])(?:(?:el|o)\s+)?(?:(?P<day>\d{{1,2}})\s+de\s+)?(?P<month>{months})"
        r"(?:\s+(?:de|del)\s+(?P<year>\d{4}))?(?!\w)",
        re.I,
    )


_SPANISH_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre"
    "|diciembre"
)
_PORTUGUESE_MONTHS = (
    "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
)


@dataclass(frozen=True)
class _Language:
    """How one language writes what the checker reads."""

    words: Mapping[str, str]  # its words and phrases, and the English read for each
    units: Mapping[str, int]
    scales: Mapping[str, str]  # its words of a scale, without accents, in English
    number: re.Pattern[str]
    date: re.Pattern[str]
    span: re.Pattern[str]  # a span of years: "desde 2017 hasta 2019", "de 2017 a 2019"
    before: re.Pattern[str]  # words before a number that English says otherwise or not at all
    articles: Mapping[str, str]  # of those words, without accents, what English says


_LANGUAGES = {
    "es": _Language(
        SPANISH,
        _UNITS,
        {"mil millones": "billion", "millones": "million", "millon": "million"},
        _number_pattern(
            _UNITS, r"mil\s+millones|millones|millón", r"por\s*ciento|puntos?\b|veces\b"
        ),
        _date_pattern(_SPANISH_MONTHS),
        re.compile(
            r"(?<![\w-])desde\s+(?:el\s+)?(?:año\s+(?:fiscal\s+)?)?(?P<first>(?:19|20)\d\d)\s+"
            r"(?:hasta|a)\s+(?:el\s+)?(?:año\s+(?:fiscal\s+)?)?(?P<last>(?:19|20)\d\d)(?!\d)",
            re.I,
        ),
        # "subieron un 4,3 %": rose 4.3%; "un aumento del 110 %": an increase of 110%; "en
        # un 4,3 %": by 4.3%; "año fiscal de 2017": fiscal year 2017. "a" before a number is
        # "to" after another ("de 463 a 1.179") and left out after a verb ("arrestó a
        # 158.581", "deportó a unos 267.000")
        re.compile(
            r"(?<![\w-])(?P<word>en\s+una?|una?|del|a|años?\s+fiscal(?:es)?\s+(?:de|del))\s+(?=\d)"
            r"|(?<![\w-])(?P<a>a)\s+(?=(?:unos|unas|más|casi|alrededor|cerca|aproximadamente|"
            r"poco|un\s+total|al\s+menos|menos)\b)",
            re.I,
        ),
        {"del": "of ", "en un": "by ", "en una": "by "},
    ),
    "pt": _Language(
        PORTUGUESE,
        PORTUGUESE_UNITS,
        {
            "mil milhoes": "billion",
            "milhoes": "million",
            "milhao": "million",
            "bilhoes": "billion",
            "bilhao": "billion",
        },
        _number_pattern(
            PORTUGUESE_UNITS,
            r"mil\s+milh(?:ões|oes)|milh(?:ões|oes|ão|ao)|bilh(?:ões|oes|ão|ao)",
            r"por\s*cento|pontos?\b|vezes\b",
        ),
        _date_pattern(_PORTUGUESE_MONTHS),
        re.compile(
            r"(?<![\w-])(?:desde|de)\s+(?:o\s+)?(?:ano\s+(?:fiscal\s+)?(?:de\s+)?)?"
            r"(?P<first>(?:19|20)\d\d)\s+(?:até|a)\s+(?:o\s+)?(?:ano\s+(?:fiscal\s+)?(?:de\s+)?)?"
            r"(?P<last>(?:19|20)\d\d)(?!\d)",
            re.I,
        ),
        # "no ano fiscal de 2022": in the fiscal year 2022; "em um 5%": by 5%; "de 647 mil
        # para 1,95 milhões": from 647,000 to 1.95 million
        re.compile(
            r"(?<![\w-])(?P<word>em\s+uma?|uma?|a|para|anos?\s+fisca(?:l|is)\s+de"
            r"|exerc[ií]cios?\s+(?:fiscal|fiscais|financeiros?)\s+de"
            r"|de(?=\s+[\d.,]+(?:\s+mil\b|\s+milh\w+)?\s+(?:para|a)\s+\d))\s+(?=\d)",
            re.I,
        ),
        {"em um": "by ", "em uma": "by ", "de": "from ", "para": "to "},
    ),
}
"""The languages read, by their codes."""
_TO = "a"
"""The word that is "to" after a number ("de 463 a 1.179"), and left out otherwise."""
_YEARS = ("ano", "exercicio")
"""How the words of a fiscal year before its number begin, without accents."""

_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s*$")


def _fold(text: str) -> str:
    """Lower case without accents ("Más" -> "mas"), to match words however they are typed."""
    folded = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def detect_language(text: str) -> str:
    """The code of the language a text is written in ("es", "pt"), by its commonest small
    words; ``en`` for English and for a language the checker does not read."""
    counts = dict.fromkeys(_MARKERS, 0)
    for match in _WORD.finditer(text[:20_000]):
        word = match.group().lower()
        for language, markers in _MARKERS.items():
            if word in markers:
                counts[language] += 1
    english = counts.pop("en")
    language, most = max(counts.items(), key=lambda item: item[1])
    return language if most >= _LEAST_MARKERS and most > 3 * english else "en"


def _english_number(written: str, units: Mapping[str, int]) -> str:
    """A number written in the Spanish manner in the English one: "267.258" -> "267,258",
    "4,3" -> "4.3"."""
    if written.lower() in units:
        return str(units[written.lower()])
    if re.fullmatch(r"\d+\.\d{1,2}", written):  # "2.2 millones": a decimal point already
        return written
    return written.replace(".", "\0").replace(",", ".").replace("\0", ",")


def _number(match: re.Match[str], language: _Language) -> str:
    units = language.units
    if match.group("scale"):
        scale = language.scales[re.sub(r"\s+", " ", _fold(match.group("scale")))]
        return f"{_english_number(match.group('lead'), units)} {scale}"
    if match.group("grouped"):
        return _english_number(match.group("grouped"), units)
    if match.group("decimal"):
        return _english_number(match.group("decimal"), units)
    thousands = match.group("thou")
    count = _english_number(thousands, units) if thousands else "1"
    if "." in count:  # "1,5 mil": a decimal of thousands
        return f"{count} thousand"
    rest = match.group("rest")
    return f"{int(count.replace(',', '')):,},{int(rest or 0):03d}"


def _before_number(match: re.Match[str], text: str, at: int, language: _Language) -> str:
    if not match.group("word"):  # "a" before a qualifier: "deportó a unos 267.000"
        return ""
    word = re.sub(r"\s+", " ", _fold(match.group("word")))
    if word.startswith(_YEARS):
        return "fiscal years " if word.split()[1] in ("fiscales", "fiscais") else "fiscal year "
    if word == _TO:
        return "to " if _AFTER_NUMBER.search(text, max(0, at - 40), at) else ""
    return language.articles.get(word, "")


def _date(match: re.Match[str], meanings: Mapping[str, str]) -> str:
    month = meanings[match.group("month").lower()]
    day, year = match.group("day"), match.group("year")
    return f"{month} {day}, {year}" if day and year else " ".join(filter(None, (month, day, year)))


class _Out(Rewriting):
    def put(self, text: str, start: int, end: int, number: bool = False) -> None:
        """``text`` in place of plain[start:end], each character mapped to one of the
        original's in order. A longer number runs on past the end, so its characters always
        map to rising offsets (`Plain.written`); a longer word ends on the replaced one's."""
        self.chars.append(text)
        origin = self.plain.origin
        width = end - start
        last = len(text) - 1
        for i in range(len(text)):
            # ends to ends: the first and last characters map to the replaced text's
            if len(text) > width:
                at = start + (i if number else i * width // len(text))
            else:
                at = start + (i * (width - 1) // last if last else 0)
            if at < end:
                self.origin.append(origin[at])
            else:
                self.origin.append(origin[end - 1] + (at - end + 1) if number else origin[end - 1])


@lru_cache(maxsize=8)
def _phrases(
    code: str, pack: tuple[tuple[str, str], ...]
) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of every word and phrase (in lower case) of a language, the engine's and a
    pack's, and what each reads as. A phrase typed without its accents ("ano fiscal") reads
    as with them; a single word keeps its accent, which can tell two words apart ("aumentó",
    rose; "aumento", an increase)."""
    meanings = {k.lower(): v for k, v in {**_LANGUAGES[code].words, **dict(pack)}.items()}
    for key, english in list(meanings.items()):
        bare = _fold(key)
        if " " in key and bare not in meanings:
            meanings[bare] = english
    keys = sorted(meanings, key=len, reverse=True)
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), meanings


def read_language(
    plain: Plain, translations: Mapping[str, Mapping[str, str]] | None = None
) -> Plain:
    """The plain text, read in the checker's English when it is written in Spanish or
    Portuguese.

    ``translations`` are a pack's words by language (``{"es": {"deportados": "deported"}}``),
    read before the general ones."""
    code = detect_language(plain.text)
    if code not in _LANGUAGES:
        return plain
    language = _LANGUAGES[code]
    pattern, meanings = _phrases(
        code, tuple(sorted(((translations or {}).get(code) or {}).items()))
    )
    text = plain.text
    lowered = text.lower()
    if len(lowered) != len(text):  # a character that lowers to two: keep offsets simple
        lowered = "".join(c.lower()[:1] for c in text)

    def phrase(match: re.Match[str], at: int) -> str:
        english = meanings[re.sub(r"\s+", " ", match.group())]
        return english[:1].upper() + english[1:] if text[at : at + 1].isupper() else english

    readers: tuple[tuple[re.Pattern[str], str, Callable[[re.Match[str], int], str]], ...] = (
        (language.number, text, lambda m, at: _number(m, language)),
        (language.date, text, lambda m, at: _date(m, meanings)),
        (language.span, text, lambda m, at: f"from {m.group('first')} through {m.group('last')}"),
        (language.before, text, lambda m, at: _before_number(m, text, at, language)),
        (pattern, lowered, phrase),
    )  # in this order where two start at one place
    out = _Out(plain)
    upcoming = [reader.search(where) for reader, where, _ in readers]
    pos = 0
    while True:
        for rank, match in enumerate(upcoming):  # each reader searches on only once passed
            if match is not None and match.start() < pos:
                reader, where, _ = readers[rank]
                upcoming[rank] = reader.search(where, pos)
        ahead = [(m.start(), rank) for rank, m in enumerate(upcoming) if m is not None]
        if not ahead:
            break
        at, rank = min(ahead)
        match = upcoming[rank]
        assert match is not None
        reader, _, english = readers[rank]
        out.keep(pos, at)
        out.put(english(match, at), at, match.end(), number=reader is language.number)
        pos = max(match.end(), at + 1)
    out.keep(pos, len(text))
    return out.done(translated=True)
