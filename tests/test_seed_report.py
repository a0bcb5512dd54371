"""Every number of the FY2023 Year in Review, office by office, from the demo records.

Each row is one number as the seed page states it: the figure it is, the fact
the figure must match, and the words our report writes for it in that section.
The engine computes the figure from records (or from an office's recorded
submission); the rendered report must state it, in Markdown and on the page.

Facts are of five kinds:

* ``Exact(v)``: the figure is ``v``; ``Cell(v, category)`` a breakdown cell is;
* ``Between(lo, hi)``: a rounded, qualified statement ("over 1.2 million") is
  true of the figure: lo < value < hi;
* ``Bounded(v, bound)``: the records only bound the quantity ("more than
  152,232 rounds") or estimate it ("approximately 847 firearms");
* ``Change(pct)``, ``Percent(pct, digits)``: a change or a share, as rounded;
* ``Month("YYYY-MM")``, ``Items(n, item)``, ``Year(fy)``: the month of a launch,
  an item of a submitted list of ``n``, and the fiscal year a section is about.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pytest

from tests.conftest import Demo
from tests.helpers import assert_change, assert_figure
from yearbook.figures import Figures
from yearbook.narrative.render import strip_links


@dataclass(frozen=True)
class Exact:
    value: float


@dataclass(frozen=True)
class Cell:
    value: float
    category: str
    breakdown: str = "charge_category"


@dataclass(frozen=True)
class Between:
    low: float
    high: float


@dataclass(frozen=True)
class Bounded:
    value: float
    bound: str


@dataclass(frozen=True)
class Change:
    pct: float


@dataclass(frozen=True)
class Percent:
    pct: float
    digits: int = 0


@dataclass(frozen=True)
class Month:
    month: str


@dataclass(frozen=True)
class Items:
    length: int
    item: str = ""


@dataclass(frozen=True)
class Year:
    fiscal_year: int


Fact = Exact | Cell | Between | Bounded | Change | Percent | Month | Items | Year

ERO, HSI, WAT, DRUGS, TCIU, CCHT, VAP, OPLA, MA, OPR = (
    "Enforcement and Removal Operations",
    "Homeland Security Investigations",
    "Stemming the flow of firearms, firearm components and ammunition",
    "Drug Interdictions",
    "Transnational Criminal Investigative Units",
    "Center for Countering Human Trafficking",
    "Victim Assistance Program",
    "Office of the Principal Legal Advisor",
    "Office of Management and Administration",
    "Office of Professional Responsibility",
)
GOALS, AWARDS, OFFICES = "hsi.opioid_strategy_goals", "hsi.ondcp_awards_won", "opr.program_offices"

# (section, as the seed states it, metric, fiscal year, the fact, as our report writes it)
SEED = [
    # -- Enforcement and Removal Operations ------------------------------------------------
    (ERO, "In FY 2023", "ero.removals_gang", 2023, Year(2023), "In FY 2023 ERO removed"),
    (ERO, "3,406", "ero.removals_gang", 2023, Exact(3406), "removed 3,406 known"),
    (ERO, "27.7%", "ero.removals_gang", 2023, Change(27.7), "an increase of 27.7%"),
    (ERO, "over FY 2022", "ero.removals_gang", 2022, Year(2022), "27.7% on FY 2022"),
    (ERO, "139", "ero.removals_kst", 2023, Exact(139), "reached 139"),
    (ERO, "148.2%", "ero.removals_kst", 2023, Change(148.2), "a 148.2% increase"),
    (ERO, "170,590", "ero.admin_arrests", 2023, Exact(170590), "170,590 administrative arrests"),
    (ERO, "in FY 2023", "ero.admin_arrests", 2023, Year(2023), "arrests in FY 2023, an increase"),
    (ERO, "19.5%", "ero.admin_arrests", 2023, Change(19.5), "an increase of 19.5%"),
    (ERO, "from FY 2022", "ero.admin_arrests", 2022, Year(2022), "19.5% on FY 2022"),
    (ERO, "43%", "ero.arrests_criminal_history_share", 2023, Percent(43), "arrested, 43% had"),
    (ERO, "32.5%", "ero.arrests_criminal_history_share", 2022, Percent(32.5, 1), "from 32.5%"),
    (ERO, "73,822", "ero.arrests_criminal_history", 2023, Exact(73822), "Those 73,822 people"),
    (ERO, "290,708", "ero.charges_total", 2023, Exact(290708), "carried 290,708 criminal"),
    (ERO, "four", "ero.charges_per_person", 2023, Percent(4), "an average of four per person"),
    (ERO, "Homicide (1,713)", "ero.charges_total", 2023, Cell(1713, "homicide"), "Homicide: 1,713"),
    (
        ERO,
        "Kidnapping (1,655)",
        "ero.charges_total",
        2023,
        Cell(1655, "kidnapping"),
        "Kidnapping: 1,655",
    ),
    (
        ERO,
        "Sexual assault (4,390)",
        "ero.charges_total",
        2023,
        Cell(4390, "sexual_assault"),
        "assault: 4,390",
    ),
    (ERO, "Assault (33,209)", "ero.charges_total", 2023, Cell(33209, "assault"), "Assault: 33,209"),
    (ERO, "Robbery (3,097)", "ero.charges_total", 2023, Cell(3097, "robbery"), "Robbery: 3,097"),
    (ERO, "Burglary (6,964)", "ero.charges_total", 2023, Cell(6964, "burglary"), "Burglary: 6,964"),
    (
        ERO,
        "Weapons offenses (7,520)",
        "ero.charges_total",
        2023,
        Cell(7520, "weapons"),
        "offenses: 7,520",
    ),
    (ERO, "91,497", "ero.at_large_arrests", 2023, Exact(91497), "numbered 91,497"),
    (ERO, "85,343", "ero.at_large_arrests", 2022, Exact(85343), "against 85,343 in FY 2022"),
    (ERO, "7.2%", "ero.at_large_arrests", 2023, Change(7.2), "an increase of 7.2%"),
    (ERO, "in FY 2022", "ero.at_large_arrests", 2022, Year(2022), "85,343 in FY 2022"),
    (ERO, "In FY 2023", "ero.swb_deployed_share", 2023, Year(2023), "Border in FY 2023"),
    (
        ERO,
        "more than 1,300 employees",
        "ero.swb_deployed_employees",
        2023,
        Between(1300, 1350),
        "more than 1,300 of its employees",
    ),
    (ERO, "17% of its workforce", "ero.swb_deployed_share", 2023, Percent(17), "17% of its"),
    (ERO, "the May 2023 sunset", "ero.title42_sunset", 2023, Month("2023-05"), "end in May 2023"),
    (
        ERO,
        "Title 42 public health order",
        "ero.title42_sunset",
        2023,
        Items(1, "Title 42 public health order"),
        "",
    ),
    (ERO, "In May 2023", "ero.ferm_launched", 2023, Month("2023-05"), "May 2023: the Family"),
    (ERO, "In June 2023", "ero.atd_furi_launched", 2023, Month("2023-06"), "June 2023: the"),
    # -- Homeland Security Investigations --------------------------------------------------
    (HSI, "During FY 2023", "hsi.criminal_arrests", 2023, Year(2023), "arrests in FY 2023"),
    (HSI, "33,108", "hsi.criminal_arrests", 2023, Exact(33108), "33,108 criminal arrests"),
    (
        HSI,
        "over 1.2 million pounds of narcotics",
        "hsi.narcotics_seized_lbs",
        2023,
        Between(1_200_000, 1_250_000),
        "over 1.2 million pounds of narcotics",
    ),
    (
        HSI,
        "over $949 million",
        "hsi.currency_assets_seized_usd",
        2023,
        Between(949_000_000, 949_500_000),
        "over $949 million in currency and assets",
    ),
    (
        HSI,
        "over $148 million in virtual currency",
        "hsi.virtual_currency_seized_usd",
        2023,
        Between(148_000_000, 148_500_000),
        "over $148 million in virtual currency",
    ),
    (HSI, "1,806", "hsi.child_exploitation_victims", 2023, Exact(1806), "assisted 1,806 victims"),
    (HSI, "731", "hsi.human_trafficking_victims_assisted", 2023, Exact(731), "assisted 731"),
    (HSI, "four core goals", GOALS, 2023, Items(4), "four core goals"),
    (HSI, "In FY 2023", GOALS, 2023, Year(2023), "and in FY 2023 HSI wrote"),
    (HSI, "1.", GOALS, 2023, Items(4, "Reduce the international supply of illicit opioids"), ""),
    (HSI, "2.", GOALS, 2023, Items(4, "Reduce the domestic supply of illicit opioids"), ""),
    (
        HSI,
        "3.",
        GOALS,
        2023,
        Items(4, "Attack the enablers of illicit finance, cybercrime and weapons smuggling"),
        "",
    ),
    (HSI, "4.", GOALS, 2023, Items(4, "Conduct outreach with private industry"), ""),
    # -- Operation Without a Trace ---------------------------------------------------------
    (WAT, "In FY 2023", "hsi.wat_investigations", 2023, Year(2023), "investigations in FY 2023"),
    (WAT, "246", "hsi.wat_investigations", 2023, Exact(246), "opened 246 new Operation WaT"),
    (WAT, "185", "hsi.wat_criminal_arrests", 2023, Exact(185), "led to 185 criminal arrests"),
    (
        WAT,
        "approximately 847 firearms",
        "hsi.wat_firearms_seized",
        2023,
        Bounded(847, "approximate"),
        "approximately 847 firearms",
    ),
    (WAT, "3,788", "hsi.wat_magazines_seized", 2023, Exact(3788), "3,788 ammunition magazines"),
    (
        WAT,
        "more than 152,232 rounds",
        "hsi.wat_rounds_seized",
        2023,
        Bounded(152_232, "lower"),
        "more than 152,232 rounds of ammunition",
    ),
    # -- Drug interdictions (ONDCP) --------------------------------------------------------
    (DRUGS, "During FY 2023", AWARDS, 2023, Year(2023), "work in FY 2023"),
    (DRUGS, "three", AWARDS, 2023, Items(3), "won three out of nine"),
    (DRUGS, "nine", "hsi.ondcp_award_categories", 2023, Exact(9), "out of nine ONDCP award"),
    (
        DRUGS,
        "Emerging Threat Identification, Detection and Monitoring",
        AWARDS,
        2023,
        Items(3, "Emerging Threat Identification, Detection and Monitoring"),
        "Operation Chain Breaker",
    ),
    (
        DRUGS,
        "Illicit Finance Investigations",
        AWARDS,
        2023,
        Items(3, "Illicit Finance Investigations"),
        "Operation Falling Star",
    ),
    (DRUGS, "Land Interdiction", AWARDS, 2023, Items(3, "Land Interdiction"), "Pipe Dream"),
    # -- Transnational Criminal Investigative Units ----------------------------------------
    (TCIU, "In FY 2023", "hsi.tciu_partner_countries", 2023, Year(2023), "abroad in FY 2023"),
    (
        TCIU,
        "a new partner country",
        "hsi.tciu_new_partner_countries",
        2023,
        Exact(1),
        "added one new partner country",
    ),
    (TCIU, "16 countries", "hsi.tciu_partner_countries", 2023, Exact(16), "TCIUs to 16 countries"),
    (
        TCIU,
        "approximately 200 TCIU personnel",
        "hsi.tciu_personnel_trained",
        2023,
        Bounded(200, "approximate"),
        "approximately 200 TCIU personnel",
    ),
    (
        TCIU,
        "eight countries",
        "hsi.tciu_training_countries",
        2023,
        Exact(8),
        "from eight countries",
    ),
    (TCIU, "2,150", "hsi.tciu_criminal_arrests", 2023, Exact(2150), "made 2,150 criminal arrests"),
    (TCIU, "In FY 2023", "hsi.tciu_criminal_arrests", 2023, Year(2023), "arrests in FY 2023 and"),
    (
        TCIU,
        "over 232,218 pounds",
        "hsi.tciu_narcotics_seized_lbs",
        2023,
        Bounded(232_218, "lower"),
        "over 232,218 pounds of illegal narcotics and precursor chemicals",
    ),
    (TCIU, "484 firearms", "hsi.tciu_firearms_seized", 2023, Exact(484), "484 firearms"),
    (TCIU, "42,957", "hsi.tciu_rounds_seized", 2023, Exact(42957), "42,957 rounds of ammunition"),
    (
        TCIU,
        "$10,496,905",
        "hsi.tciu_counterfeit_goods_usd",
        2023,
        Exact(10_496_905),
        "$10,496,905 in counterfeit goods",
    ),
    (
        TCIU,
        "$25,858,760",
        "hsi.tciu_general_merchandise_usd",
        2023,
        Exact(25_858_760),
        "$25,858,760 in general merchandise",
    ),
    # -- Center for Countering Human Trafficking -------------------------------------------
    (CCHT, "In FY 2023", "hsi.human_trafficking_victims_assisted", 2023, Year(2023), "In FY 2023"),
    (
        CCHT,
        "Countering Human Trafficking Act of 2021",
        "hsi.ccht_legislative_results",
        2023,
        Items(
            3,
            "The Countering Human Trafficking Act of 2021, which wrote the CCHT into law and expanded it",
        ),
        "Countering Human Trafficking Act of 2021",
    ),
    # -- Victim Assistance Program ---------------------------------------------------------
    (VAP, "In FY 2023", "hsi.vap_victims_assisted", 2023, Year(2023), "victims in FY 2023"),
    (VAP, "7,110", "hsi.vap_victims_assisted", 2023, Exact(7110), "assisted 7,110 identified"),
    (VAP, "1,919 minors", "hsi.vap_minors_assisted", 2023, Exact(1919), "1,919 of them minors"),
    (VAP, "731", "hsi.human_trafficking_victims_assisted", 2023, Exact(731), "these, 731 were"),
    (VAP, "1,647", "hsi.vap_child_exploitation_victims", 2023, Exact(1647), "and 1,647 as"),
    (VAP, "1,515 interviews", "hsi.forensic_interviews", 2023, Exact(1515), "1,515 interviews"),
    # -- Office of the Principal Legal Advisor ---------------------------------------------
    (OPLA, "In FY 2023", "opla.removal_hearings", 2023, Year(2023), "In FY 2023 they"),
    (
        OPLA,
        "1,300,000 removal hearings",
        "opla.removal_hearings",
        2023,
        Exact(1_300_000),
        "1,300,000 removal hearings",
    ),
    (
        OPLA,
        "over 460,000 cases",
        "opla.case_completions",
        2023,
        Between(460_000, 465_000),
        "over 460,000 cases",
    ),
    (OPLA, "49,000", "opla.relief_orders", 2023, Exact(49_000), "49,000 orders of relief"),
    (OPLA, "217,500", "opla.removal_orders", 2023, Exact(217_500), "217,500 removal orders"),
    (OPLA, "84,000", "opla.pd_dismissals", 2023, Exact(84_000), "84,000 dismissals"),
    (
        OPLA,
        "more than 1,800 human rights violator cases",
        "opla.hrv_cases",
        2023,
        Between(1800, 1850),
        "more than 1,800 human rights violator cases",
    ),
    (
        OPLA,
        "over 4,000 national security cases",
        "opla.national_security_cases",
        2023,
        Between(4000, 4050),
        "over 4,000 national security cases",
    ),
    # -- Office of Management and Administration -------------------------------------------
    (MA, "During FY 2023", "ma.workforce", 2023, Year(2023), "end of FY 2023"),
    # -- Office of Professional Responsibility ---------------------------------------------
    (OPR, "three dynamic program offices", OFFICES, 2023, Items(3), "three program offices"),
    (OPR, "ICE Security", OFFICES, 2023, Items(3, "ICE Security"), ""),
    (OPR, "ICE Inspections", OFFICES, 2023, Items(3, "ICE Inspections"), ""),
    (OPR, "OPR Investigations", OFFICES, 2023, Items(3, "OPR Investigations"), ""),
]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sections(markdown: str) -> dict[str, str]:
    """Section title -> its text, without links, whitespace collapsed."""
    out: dict[str, str] = {}
    for part in re.split(r"^## ", strip_links(markdown), flags=re.M)[1:]:
        title, _, body = part.partition("\n")
        out[title.strip()] = _flat(body)
    return out


@pytest.fixture(scope="module")
def sections(demo: Demo) -> dict[str, str]:
    return _sections(demo.result.markdown)


@pytest.fixture(scope="module")
def page_text(demo: Demo) -> str:
    page = demo.result.page.read_text(encoding="utf-8")
    text = _flat(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    return re.sub(r" ([,.:;])", r"\1", text)


def check_fact(figures: Figures, metric: str, fy: int, fact: Fact) -> None:
    """The figure computed from the demo records is the fact the seed states."""
    fig = figures.get(metric, fy)
    match fact:
        case Exact(value):
            assert_figure(figures, metric, fy, value)
        case Cell(value, category, breakdown):
            assert_figure(figures, metric, fy, value, breakdown=breakdown, value=category)
        case Between(low, high):
            assert fig.value is not None and low < fig.value < high, (metric, fig.value)
        case Bounded(value, bound):
            assert_figure(figures, metric, fy, value)
            assert fig.bound == bound, (metric, fig.bound)
        case Change(pct):
            assert_change(figures, metric, fy, pct)
        case Percent(pct, digits):
            assert fig.value is not None and round(fig.value, digits) == pct
        case Month(month):
            cells = [f for f in figures.breakdown(metric, fy, "month") if f.value]
            assert [f.breakdown_value for f in cells] == [month]
        case Items(length, item):
            assert_figure(figures, metric, fy, length)
            names = [f.breakdown_value for f in figures.breakdown(metric, fy, "item") if f.value]
            assert len(names) == length
            assert not item or item in names, (item, names)
        case Year(year):
            assert fig.fiscal_year == year


@pytest.mark.parametrize(
    ("section", "stated", "metric", "fy", "fact", "written"),
    SEED,
    ids=[f"{row[2]}-{row[3]}-{row[1][:30]}" for row in SEED],
)
def test_every_seed_number_is_computed_and_stated(
    demo: Demo,
    sections: dict[str, str],
    page_text: str,
    section: str,
    stated: str,
    metric: str,
    fy: int,
    fact: Fact,
    written: str,
) -> None:
    check_fact(demo.result.figures, metric, fy, fact)
    shown = written or (fact.item if isinstance(fact, Items) else stated)
    assert shown in sections[section], f"{shown!r} not in the {section} section"
    assert _flat(shown) in page_text, f"{shown!r} not on the web page"


def test_numbered_items_are_listed_in_the_seeds_order(demo: Demo, sections: dict[str, str]) -> None:
    """A list the seed numbers ("1.", "2." ...) comes out in that order, not alphabetically."""
    numbered: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for section, stated, metric, _, fact, _ in SEED:
        if isinstance(fact, Items) and fact.item and re.fullmatch(r"\d+\.", stated):
            numbered.setdefault((section, metric), []).append((int(stated[:-1]), fact.item))
    assert numbered, "the table has numbered items"
    for (section, metric), items in numbered.items():
        text = sections[section]
        places = [text.index(item) for _, item in sorted(items)]
        assert places == sorted(places), (metric, [item for _, item in sorted(items)])


def test_the_table_covers_every_section_of_the_seed(demo: Demo) -> None:
    """Every section of the seed, in the seed's order, is in the report and in the table."""
    in_order = (ERO, HSI, WAT, DRUGS, TCIU, CCHT, VAP, OPLA, MA, OPR)
    titles = [s.title for s in demo.report.spec.sections]
    assert [t for t in titles if t in in_order] == list(in_order)
    assert {row[0] for row in SEED} == set(in_order)
    assert len(SEED) >= 85


def test_seed_numbers_are_in_the_seed(seed_text: str) -> None:
    """The table quotes the seed page: every stated number is really on it."""
    flat = _flat(seed_text)
    for _, stated, *_ in SEED:
        if re.fullmatch(r"[1-4]\.", stated):
            continue  # the numbers of the goals' list
        assert _flat(stated).replace("(", "").replace(")", "") in flat.replace("(", "").replace(
            ")", ""
        ), stated
