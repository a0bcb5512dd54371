"""Every ERO number in the FY2023 Year in Review, reproduced from the demo records.

Each row: the text as the seed page states it, the figure it is, and the value
it must have. The engine computes the figure from records; the rendered report
must state it.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import Demo
from tests.helpers import assert_change, assert_figure
from yearbook.narrative.render import strip_links

CC = "charge_category"

# (as the seed states it, metric, fiscal year, kind, expected, breakdown value, as our report writes it)
SEED_ERO = [
    ("3,406", "ero.removals_gang", 2023, "count", 3406, "", "3,406"),
    ("27.7%", "ero.removals_gang", 2023, "change", 27.7, "", "an increase of 27.7%"),
    ("139", "ero.removals_kst", 2023, "count", 139, "", "139"),
    ("148.2%", "ero.removals_kst", 2023, "change", 148.2, "", "a 148.2% increase"),
    # Below the disclosure threshold, but released exactly by the report's policy.
    ("six", "ero.removals_hrv", 2023, "count", 6, "", "six human rights violators"),
    ("170,590", "ero.admin_arrests", 2023, "count", 170590, "", "170,590"),
    ("19.5%", "ero.admin_arrests", 2023, "change", 19.5, "", "an increase of 19.5%"),
    ("43%", "ero.arrests_criminal_history_share", 2023, "pct0", 43, "", "43%"),
    ("32.5%", "ero.arrests_criminal_history_share", 2022, "pct1", 32.5, "", "32.5%"),
    ("73,822", "ero.arrests_criminal_history", 2023, "count", 73822, "", "73,822"),
    ("290,708", "ero.charges_total", 2023, "count", 290708, "", "290,708"),
    ("four", "ero.charges_per_person", 2023, "pct0", 4, "", "average of four"),
    ("Homicide (1,713)", "ero.charges_total", 2023, "count", 1713, "homicide", "Homicide: 1,713"),
    (
        "Kidnapping (1,655)",
        "ero.charges_total",
        2023,
        "count",
        1655,
        "kidnapping",
        "Kidnapping: 1,655",
    ),
    (
        "Sexual assault (4,390)",
        "ero.charges_total",
        2023,
        "count",
        4390,
        "sexual_assault",
        "Sexual assault: 4,390",
    ),
    ("Assault (33,209)", "ero.charges_total", 2023, "count", 33209, "assault", "Assault: 33,209"),
    ("Robbery (3,097)", "ero.charges_total", 2023, "count", 3097, "robbery", "Robbery: 3,097"),
    ("Burglary (6,964)", "ero.charges_total", 2023, "count", 6964, "burglary", "Burglary: 6,964"),
    (
        "Weapons offenses (7,520)",
        "ero.charges_total",
        2023,
        "count",
        7520,
        "weapons",
        "Weapons offenses: 7,520",
    ),
    ("91,497", "ero.at_large_arrests", 2023, "count", 91497, "", "91,497"),
    ("85,343", "ero.at_large_arrests", 2022, "count", 85343, "", "85,343"),
    ("7.2%", "ero.at_large_arrests", 2023, "change", 7.2, "", "an increase of 7.2%"),
]


@pytest.mark.parametrize(
    ("stated", "metric", "fy", "kind", "expected", "category", "written"),
    SEED_ERO,
    ids=[f"{row[1]}-{row[2]}-{row[0]}" for row in SEED_ERO],
)
def test_engine_reproduces_the_seed(
    demo: Demo,
    stated: str,
    metric: str,
    fy: int,
    kind: str,
    expected: float,
    category: str,
    written: str,
) -> None:
    figures = demo.result.figures
    breakdown = CC if category else ""
    if kind == "count":
        assert_figure(figures, metric, fy, expected, breakdown=breakdown, value=category)
    elif kind == "change":
        assert_change(figures, metric, fy, expected)
    elif kind == "pct0":
        assert_figure(figures, metric, fy, expected, digits=0)
    elif kind == "pct1":
        assert_figure(figures, metric, fy, expected, digits=1)
    text = re.sub(r"\s+", " ", strip_links(demo.result.markdown))
    assert written in text, f"the report does not state {written!r}"


def test_table_covers_the_seed_page(seed_text: str) -> None:
    """Every ERO row quotes the seed page; the seed's ERO numbers are all in the table."""
    for stated, *_ in SEED_ERO:
        assert stated in seed_text, stated
    ero = seed_text.split("Enforcement and Removal Operations\n", 1)[1].split(
        "In FY 2023, ERO deployed"
    )[0]
    numbers = set(re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?%?", ero)) - {"2022", "2023"}
    covered = {
        re.search(r"\d+(?:,\d{3})*(?:\.\d+)?%?", row[0]).group(0)
        for row in SEED_ERO
        if re.search(r"\d", row[0])
    }  # type: ignore[union-attr]
    assert numbers <= covered, numbers - covered


def test_report_links_every_number_to_its_figure(demo: Demo) -> None:
    prose = demo.result.markdown
    for link in re.findall(r"\]\((figures/[^)#]+\.html)#[^)]+\)", prose):
        assert (demo.result.out / link).is_file(), link
    unlinked = re.findall(
        r"(?<![\[\w./#-])\d+(?:,\d{3})*(?:\.\d+)?%?", re.sub(r"\[[^\]]*\]\([^)]*\)", "", prose)
    )
    unlinked = [n for n in unlinked if not re.fullmatch(r"20\d\d", n)]
    assert unlinked == [], f"numbers in the prose that are not bound to a figure: {unlinked}"
