"""Reference values and relative weights behind the synthetic ERO records.

The weights are invented to look plausible (skewed areas of responsibility, a
long tail of countries, a seasonal year); none of them is a published figure.
The calibrated totals come from the report's ``targets.yaml`` instead.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "AGE_WEIGHTS",
    "AORS",
    "AOR_WEIGHTS",
    "ARREST_MONTHS",
    "CHARGE_CODES",
    "CHARGE_WEIGHTS",
    "COUNTRIES",
    "GENDERS",
    "GENDER_WEIGHTS",
    "MIN_AGE",
    "REMOVAL_MONTHS",
    "SERIOUS_CATEGORIES",
    "country_weights",
    "method_weights",
]

# -- areas of responsibility ---------------------------------------------------------
_AOR_TABLE: tuple[tuple[str, float], ...] = (
    ("Houston", 9.0),
    ("Dallas", 8.5),
    ("San Antonio", 7.0),
    ("Atlanta", 7.5),
    ("Miami", 6.0),
    ("New Orleans", 5.5),
    ("Phoenix", 5.0),
    ("Chicago", 4.8),
    ("Los Angeles", 4.6),
    ("Harlingen", 4.2),
    ("El Paso", 3.8),
    ("New York City", 3.4),
    ("Newark", 3.0),
    ("Salt Lake City", 3.0),
    ("Denver", 2.8),
    ("Washington", 2.8),
    ("San Francisco", 2.6),
    ("St. Paul", 2.5),
    ("Seattle", 2.2),
    ("Baltimore", 2.0),
    ("Boston", 1.9),
    ("Philadelphia", 1.9),
    ("Detroit", 1.8),
    ("San Diego", 1.6),
    ("Buffalo", 0.9),
)
AORS: tuple[str, ...] = tuple(name for name, _ in _AOR_TABLE)
"""ERO's 25 areas of responsibility."""
AOR_WEIGHTS: tuple[float, ...] = tuple(weight for _, weight in _AOR_TABLE)

# -- people --------------------------------------------------------------------------
GENDERS = ("Male", "Female", "Unknown")
GENDER_WEIGHTS = (0.88, 0.11, 0.01)

MIN_AGE = 19
"""Youngest age (in the fiscal year a person is first seen); ages run to 65."""
_AGES = np.arange(MIN_AGE, 66)
AGE_WEIGHTS: NDArray[np.float64] = (_AGES - 16.0) ** 1.6 * np.exp(-(_AGES - 16.0) / 9.0)
"""A right-skewed age profile peaking in the early thirties."""

# -- seasons (October .. September) --------------------------------------------------
ARREST_MONTHS = (1.00, 0.95, 0.82, 0.97, 0.98, 1.08, 1.04, 1.07, 1.03, 1.00, 1.04, 0.98)
REMOVAL_MONTHS = (0.96, 0.93, 0.86, 0.95, 0.97, 1.04, 1.03, 1.06, 1.05, 1.04, 1.05, 1.02)

# -- countries -----------------------------------------------------------------------
_HEAD: tuple[tuple[str, float, float], ...] = (
    # name, share of arrests, share of removals (percent)
    ("MEXICO", 37.0, 44.0),
    ("GUATEMALA", 14.0, 16.0),
    ("HONDURAS", 12.5, 14.5),
    ("EL SALVADOR", 5.5, 5.0),
    ("VENEZUELA", 3.6, 0.6),
    ("COLOMBIA", 3.0, 3.2),
    ("NICARAGUA", 2.8, 1.6),
    ("DOMINICAN REPUBLIC", 2.5, 1.9),
    ("ECUADOR", 2.4, 2.6),
    ("CUBA", 2.0, 0.15),
    ("BRAZIL", 1.6, 1.4),
    ("HAITI", 1.3, 0.6),
    ("PERU", 1.2, 1.3),
    ("INDIA", 1.1, 0.9),
    ("JAMAICA", 0.7, 0.5),
    ("CHINA, PEOPLES REPUBLIC OF", 0.6, 0.25),
    ("ROMANIA", 0.4, 0.3),
    ("MAURITANIA", 0.35, 0.3),
    ("SENEGAL", 0.3, 0.25),
    ("CANADA", 0.3, 0.3),
)
_TAIL: tuple[str, ...] = (
    "NIGERIA", "PHILIPPINES", "GHANA", "BOLIVIA", "UZBEKISTAN", "RUSSIA", "TURKEY",
    "CHILE", "VIETNAM", "GUYANA", "BELIZE", "PAKISTAN", "ARGENTINA", "UKRAINE",
    "KENYA", "TRINIDAD AND TOBAGO", "BANGLADESH", "UNITED KINGDOM", "ARMENIA",
    "GEORGIA", "COSTA RICA", "PANAMA", "CAMEROON", "NEPAL", "ANGOLA", "EGYPT",
    "KOREA, SOUTH", "POLAND", "ETHIOPIA", "SOMALIA", "LIBERIA", "SIERRA LEONE",
    "GUINEA", "GAMBIA", "MALI", "BAHAMAS", "ALBANIA", "IRAQ", "IRAN", "JORDAN",
    "LEBANON", "SRI LANKA", "INDONESIA", "ERITREA", "SUDAN", "CONGO", "TOGO",
    "BURKINA FASO", "COTE D'IVOIRE", "ITALY", "PORTUGAL", "SPAIN", "GERMANY", "FRANCE",
    "IRELAND", "MOLDOVA", "KAZAKHSTAN", "KYRGYZSTAN", "TAJIKISTAN", "URUGUAY",
    "PARAGUAY", "BARBADOS", "GRENADA", "SAINT LUCIA", "DOMINICA", "ANTIGUA-BARBUDA",
    "SAINT VINCENT AND THE GRENADINES", "SAINT KITTS AND NEVIS", "SURINAME",
    "MOROCCO", "ALGERIA", "TUNISIA", "SAUDI ARABIA", "YEMEN", "SYRIA", "AFGHANISTAN",
    "THAILAND", "CAMBODIA", "LAOS", "BURMA", "MALAYSIA", "JAPAN", "TAIWAN",
    "MONGOLIA", "ISRAEL", "GREECE", "NETHERLANDS", "BELGIUM", "SWEDEN", "NORWAY",
    "DENMARK", "HUNGARY", "CZECH REPUBLIC", "SLOVAKIA", "BULGARIA", "SERBIA",
    "CROATIA", "BOSNIA-HERZEGOVINA", "NORTH MACEDONIA", "LITHUANIA", "LATVIA",
    "ESTONIA", "BELARUS", "AZERBAIJAN", "TURKMENISTAN", "UGANDA", "TANZANIA",
    "RWANDA", "BURUNDI", "ZAMBIA", "ZIMBABWE", "SOUTH AFRICA", "NAMIBIA",
    "MOZAMBIQUE", "MALAWI", "MADAGASCAR", "NIGER", "CHAD", "BENIN", "GABON",
    "CENTRAL AFRICAN REPUBLIC", "DEMOCRATIC REPUBLIC OF THE CONGO", "SOUTH SUDAN",
    "DJIBOUTI", "AUSTRALIA", "NEW ZEALAND", "FIJI", "TONGA", "SAMOA", "MICRONESIA",
    "MARSHALL ISLANDS", "PALAU", "SWITZERLAND", "AUSTRIA", "FINLAND", "ICELAND",
    "SLOVENIA", "MONTENEGRO", "KOSOVO", "CYPRUS", "MALTA", "LUXEMBOURG", "KUWAIT",
    "QATAR", "BAHRAIN", "OMAN", "UNITED ARAB EMIRATES", "BHUTAN", "MALDIVES",
    "BRUNEI", "SINGAPORE", "TIMOR-LESTE", "CAPE VERDE", "SAO TOME AND PRINCIPE",
    "EQUATORIAL GUINEA", "GUINEA-BISSAU", "LESOTHO", "ESWATINI", "BOTSWANA",
    "COMOROS", "SEYCHELLES", "MAURITIUS",
)  # fmt: skip
COUNTRIES: tuple[str, ...] = tuple(name for name, _, _ in _HEAD) + _TAIL
"""Countries of citizenship and departure, most common first."""

_TAIL_FIRST_SHARE = 0.25
"""Percent share of the most common tail country; each next one has 5% less."""
_TAIL_DECAY = 0.95


def country_weights(kind: str) -> NDArray[np.float64]:
    """Relative weights of `COUNTRIES` for ``"arrests"`` or ``"removals"``: long-tailed.

    The tail decays geometrically, so that a year of removals has several
    countries with fewer than ten people and some with one to three.
    """
    column = {"arrests": 1, "removals": 2}[kind]
    head = np.array([row[column] for row in _HEAD], dtype=np.float64)
    tail = _TAIL_FIRST_SHARE * _TAIL_DECAY ** np.arange(len(_TAIL), dtype=np.float64)
    weights: NDArray[np.float64] = np.concatenate([head, tail])
    return weights


# -- apprehension methods ------------------------------------------------------------
_METHOD_WEIGHTS: Mapping[str, float] = {
    # at-large
    "Located": 52.0,
    "Non-Custodial Arrest": 30.0,
    "Probation and Parole": 14.0,
    "Worksite Enforcement": 2.5,
    # custodial and other
    "Custodial Arrest": 30.0,
    "CAP Local Incarceration": 26.0,
    "CAP State Incarceration": 13.0,
    "CAP Federal Incarceration": 7.0,
    "Criminal Alien Program": 4.0,
    "287(g) Program": 9.0,
    "ERO Reprocessed Arrest": 2.5,
    "Law Enforcement Agency Response Unit": 1.5,
    "Other efforts": 1.0,
    "Other Task Force": 1.0,
    "Inspections": 0.4,
    "Patrol Interior": 0.3,
    "Anti-Smuggling": 0.2,
    "Traffic Check": 0.2,
}
_UNKNOWN_METHOD_WEIGHT = 0.5


def method_weights(methods: tuple[str, ...]) -> NDArray[np.float64]:
    """Relative frequency of each apprehension method; an unfamiliar one is rare."""
    return np.array(
        [_METHOD_WEIGHTS.get(name, _UNKNOWN_METHOD_WEIGHT) for name in methods],
        dtype=np.float64,
    )


# -- criminal charges ----------------------------------------------------------------
SERIOUS_CATEGORIES = (
    "homicide",
    "kidnapping",
    "sexual_assault",
    "assault",
    "robbery",
    "burglary",
    "weapons",
)
"""The categories the Year in Review counts; each has a `charges.<category>` target."""

CHARGE_WEIGHTS: Mapping[str, float] = {
    "homicide": 0.6,
    "kidnapping": 0.5,
    "sexual_assault": 2.5,
    "assault": 11.0,
    "robbery": 1.1,
    "burglary": 2.4,
    "weapons": 2.6,
    "dangerous_drugs": 17.0,
    "traffic_dui": 18.0,
    "traffic_other": 15.0,
    "immigration": 14.0,
    "larceny": 6.5,
    "fraud": 3.5,
    "obstruction": 5.5,
    "sex_offenses": 1.8,
    "other": 10.0,
}
"""Relative frequency of each category when no target fixes its count."""

CHARGE_CODES: Mapping[str, tuple[tuple[str, float], ...]] = {
    "homicide": (("0999", 3), ("0901", 2), ("0902", 2), ("0907", 1), ("0911", 1)),
    "kidnapping": (("1099", 3), ("1001", 2), ("1003", 1), ("1008", 1)),
    "sexual_assault": (("1199", 3), ("1101", 2), ("1102", 2), ("1103", 1), ("1106", 1)),
    "robbery": (("1299", 3), ("1201", 2), ("1202", 2), ("1203", 1)),
    "assault": (("1399", 6), ("1313", 5), ("1314", 2), ("1301", 2), ("1302", 1)),
    "burglary": (("2299", 3), ("2203", 2), ("2201", 1), ("2204", 1)),
    "weapons": (("5299", 3), ("5212", 3), ("5201", 1), ("5202", 1)),
    "dangerous_drugs": (("3599", 4), ("3562", 3), ("3530", 2), ("3510", 1), ("3563", 2)),
    "traffic_dui": (("5404", 1),),
    "traffic_other": (("5499", 4), ("5403", 2), ("5401", 1), ("5402", 1), ("5405", 1)),
    "immigration": (("0399", 4), ("0301", 2), ("0302", 1), ("0303", 1)),
    "larceny": (("2399", 4), ("2302", 2), ("2303", 1), ("2308", 1)),
    "fraud": (("2699", 3), ("2601", 1), ("2605", 1)),
    "obstruction": (("4899", 3), ("4801", 2), ("4802", 1)),
    "sex_offenses": (("3699", 2), ("3601", 1), ("3604", 1)),
    "other": (("7399", 4), ("7301", 1), ("9999", 2), ("9902", 1)),
}
"""NCIC offense codes of each category, with relative frequencies."""
