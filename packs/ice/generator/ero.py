"""Synthetic ERO records (arrests, charges, removals) calibrated to report targets.

For every fiscal year the generator makes records whose computed figures equal
the targets exactly: arrests and at-large arrests, distinct people with a
criminal history, charges in total and per counted category, removals and
their gang, KST and HRV flags. Around those fixed totals everything else is
drawn to look plausible: repeat arrests, people who come back in later years,
skewed areas of responsibility, a long tail of countries, a seasonal year.

Years are generated one after another (`iter_generate`), so memory is bounded
by the largest years; `write_years` writes each year to Parquet on a second
thread while the next is generated. `scale` multiplies every target for
benchmarks. The same seed always gives the same records, byte for byte.

Categorical columns come out dictionary-encoded (`dictionary_labels`), as
Parquet stores them, and identifiers are built as fixed-width character
matrices, so that a year of tens of millions of rows costs a few array passes.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from yearbook.memory import retained_heap
from yearbook.warehouse import Warehouse

from . import catalog
from .distributions import (
    IntArray,
    boolean_array,
    cap_repeats,
    categorical_from_uniform,
    date_array,
    dictionary_labels,
    draw_codes,
    draw_fiscal_days,
    exact_multiplicities,
    fiscal_year_span,
    fixed_width_strings,
    hash_uniform,
    hex_chars,
    integer_array,
    normalise,
    repeat_counts,
    search_uniform,
    serial_chars,
    sorted_unique,
    stable_order,
)
from .targets import Targets, TargetsError, load_targets

__all__ = [
    "ERO_TABLES",
    "EroYear",
    "Profile",
    "ero_years",
    "generate",
    "generate_years",
    "iter_generate",
    "read_apprehension_methods",
    "write_demo",
    "write_years",
]

ERO_TABLES = ("arrests", "charges", "removals")

CRIMINALITY = ("convicted", "pending", "other")
"""ICE's three criminality classes: convicted criminal, pending criminal charges,
other immigration violator (`1 Convicted Criminal` ... in the releases)."""

CHARGE_CATEGORIES = (
    "homicide",
    "kidnapping",
    "sexual_assault",
    "assault",
    "robbery",
    "burglary",
    "weapons",
    "dangerous_drugs",
    "traffic_dui",
    "traffic_other",
    "immigration",
    "larceny",
    "fraud",
    "obstruction",
    "sex_offenses",
    "other",
)
"""The canonical tables this generator fills, in the order it writes them."""

ID_DIGITS = 10
"""Digits of the serial record identifiers (``A0000000001``...)."""

CONVICTED, PENDING, OTHER = 0, 1, 2
"""Codes of `CRIMINALITY`, in its order."""

_CHARGE_STATUSES = ("convicted", "pending")
_NO_ARREST = np.iinfo(np.int32).min
"""Arrest day of people in the removal pool who were arrested in an earlier year."""


def _table(columns: Mapping[str, pa.Array | pa.ChunkedArray]) -> pa.Table:
    """An Arrow table from named columns (without pyarrow's probe for pandas)."""
    return pa.Table.from_arrays(list(columns.values()), names=list(columns))


# -- targets of one year ------------------------------------------------------------
@dataclass(frozen=True)
class EroYear:
    """What one fiscal year of ERO records must add up to."""

    fiscal_year: int
    arrests: int = 0
    at_large: int = 0
    criminal_persons: int = 0
    charges: int = 0
    charge_categories: Mapping[str, int] = field(default_factory=dict)
    """Exact counts of the categories that have a target; the rest share the remainder."""
    removals: int = 0
    gang: int = 0
    kst: int = 0
    hrv: int = 0

    @classmethod
    def from_targets(cls, targets: Targets, fiscal_year: int) -> EroYear:
        """The ERO targets of one year; keys of other offices are ignored."""
        fy = fiscal_year
        year = cls(fiscal_year=fy)
        if targets.find("arrests.total", fy) is not None:
            persons = targets.get("arrests.criminal_history_persons", fy)
            year = replace(
                year,
                arrests=targets.get("arrests.total", fy),
                at_large=targets.get("arrests.at_large", fy),
                criminal_persons=persons,
                charges=targets.get("charges.total", fy, default=0 if persons == 0 else None),
                charge_categories={
                    category: value
                    for category in CHARGE_CATEGORIES
                    if (value := targets.find(f"charges.{category}", fy)) is not None
                },
            )
        if targets.find("removals.total", fy) is not None:
            year = replace(
                year,
                removals=targets.get("removals.total", fy),
                gang=targets.get("removals.gang", fy, default=0),
                kst=targets.get("removals.kst", fy, default=0),
                hrv=targets.get("removals.hrv", fy, default=0),
            )
        year.check()
        return year

    def scaled(self, factor: float) -> EroYear:
        """Every count multiplied by `factor` (rounded), kept mutually consistent."""
        if factor == 1:
            return self

        def times(value: int) -> int:
            return round(value * factor)

        arrests = times(self.arrests)
        persons = min(times(self.criminal_persons), arrests)
        categories = {k: times(v) for k, v in self.charge_categories.items()}
        charges = max(times(self.charges), persons, sum(categories.values()))
        if persons == 0:
            charges, categories = 0, dict.fromkeys(categories, 0)
        elif len(categories) == len(CHARGE_CATEGORIES):
            first = CHARGE_CATEGORIES[0]
            categories[first] += charges - sum(categories.values())
        removals = times(self.removals)
        gang = min(times(self.gang), removals)
        kst = min(times(self.kst), removals - gang)
        hrv = min(times(self.hrv), removals - gang - kst)
        return EroYear(
            fiscal_year=self.fiscal_year,
            arrests=arrests,
            at_large=min(times(self.at_large), arrests),
            criminal_persons=persons,
            charges=charges,
            charge_categories=categories,
            removals=removals,
            gang=gang,
            kst=kst,
            hrv=hrv,
        )

    def check(self) -> None:
        """Fail when no set of records can meet these targets together."""
        problems = []
        if self.at_large > self.arrests:
            problems.append("more at-large arrests than arrests")
        if self.criminal_persons > self.arrests:
            problems.append("more people with a criminal history than arrests")
        if self.charges < self.criminal_persons:
            problems.append("fewer charges than people with a criminal history")
        if self.criminal_persons == 0 and self.charges:
            problems.append("charges without any person with a criminal history")
        counted = sum(self.charge_categories.values())
        if counted > self.charges:
            problems.append("the per-category charges add up to more than the total")
        if len(self.charge_categories) == len(CHARGE_CATEGORIES) and counted != self.charges:
            problems.append("every category has a target but they do not add up to the total")
        if self.gang + self.kst + self.hrv > self.removals:
            problems.append("more gang, KST and HRV removals than removals")
        if problems:
            raise TargetsError(
                f"the ERO targets for FY{self.fiscal_year} are inconsistent: "
                + "; ".join(problems),
                hint="fix the values in targets.yaml",
            )


def ero_years(targets: Targets) -> list[int]:
    """The fiscal years with arrest or removal targets, ascending."""
    return sorted(
        set(targets.years_with("arrests.total")) | set(targets.years_with("removals.total"))
    )


# -- behaviour ------------------------------------------------------------------------
@dataclass(frozen=True)
class Profile:
    """The invented shape of the records around the calibrated totals."""

    repeat_arrests: tuple[float, ...] = (0.028, 0.006)
    """Shares of people arrested twice, three times ... in one year."""
    returning_share: float = 0.07
    """Share of a year's arrested people who were already seen in an earlier year."""
    lookback_years: int = 3
    """How many earlier years returning people come from."""
    repeat_gap_days: int = 10
    """Fewest days between two arrests of the same person."""
    convicted_share: float = 0.58
    """Share of people with a criminal history who have a conviction (the rest: pending)."""
    convicted_charge_share: float = 0.8
    """Share of a convicted person's further charges that are convictions too."""
    charge_dispersion: float = 0.55
    """Gamma shape of a person's propensity for extra charges; smaller is more skewed."""
    removal_link_share: float = 0.4
    """Share of removals of a person arrested this year or the year before."""
    removal_criminality: tuple[float, float, float] = (0.44, 0.12, 0.44)
    """Criminality mix of removed people not linked to an arrest."""
    gang_convicted_share: float = 0.85
    """Share of gang removals with a conviction (the rest: pending charges)."""
    detention_days: float = 40.0
    """Mean days between an arrest and the removal of the same person."""
    pool_limit: int = 2_000_000
    """Most people carried over to the next year for linking removals."""


# -- state carried from year to year --------------------------------------------------
@dataclass
class _Pool:
    """Arrested people that a removal can be linked to."""

    numbers: IntArray
    countries: IntArray
    criminality: IntArray
    last_day: IntArray

    @classmethod
    def empty(cls) -> _Pool:
        nothing = np.zeros(0, dtype=np.int64)
        return cls(nothing, nothing, nothing, nothing)

    def take(self, rows: IntArray) -> _Pool:
        return _Pool(
            self.numbers[rows], self.countries[rows], self.criminality[rows], self.last_day[rows]
        )

    def join(self, other: _Pool) -> _Pool:
        return _Pool(
            np.concatenate([self.numbers, other.numbers]),
            np.concatenate([self.countries, other.countries]),
            np.concatenate([self.criminality, other.criminality]),
            np.concatenate([self.last_day, other.last_day]),
        )


@dataclass
class _State:
    """Counters and keys shared by all years of one generation run."""

    seed: int
    id_keys: tuple[int, int, int]
    trait_keys: tuple[int, int, int]
    next_person: int = 0
    year_starts: list[tuple[int, int]] = field(default_factory=list)
    """(first person number, fiscal year) of each generated year."""
    next_arrest: int = 1
    next_charge: int = 1
    next_removal: int = 1
    pool: _Pool = field(default_factory=_Pool.empty)

    @classmethod
    def start(cls, seed: int) -> _State:
        words = [int(w) for w in np.random.SeedSequence(seed).generate_state(6, np.uint64)]
        return cls(seed, (words[0], words[1], words[2]), (words[3], words[4], words[5]))

    def rng(self, fiscal_year: int, stream: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, fiscal_year, stream])

    def new_people(self, fiscal_year: int, count: int) -> IntArray:
        if not self.year_starts or self.year_starts[-1][1] != fiscal_year:
            self.year_starts.append((self.next_person, fiscal_year))
        numbers = np.arange(self.next_person, self.next_person + count, dtype=np.int64)
        self.next_person += count
        return numbers

    def first_person_since(self, fiscal_year: int) -> int:
        for first, year in self.year_starts:
            if year >= fiscal_year:
                return first
        return self.next_person

    def first_seen(self, numbers: IntArray) -> IntArray:
        starts = np.array([s for s, _ in self.year_starts], dtype=np.int64)
        years = np.array([y for _, y in self.year_starts], dtype=np.int64)
        return years[np.searchsorted(starts, numbers, side="right") - 1]

    def serials(self, prefix: str, count: int) -> NDArray[np.uint8]:
        """The characters of the next `count` record identifiers with `prefix`."""
        counter = {"A": "next_arrest", "C": "next_charge", "R": "next_removal"}[prefix]
        first = getattr(self, counter)
        setattr(self, counter, first + count)
        return serial_chars(prefix, first, count, ID_DIGITS)


@dataclass(frozen=True)
class _Traits:
    """What stays the same about a person: derived from their number, not drawn."""

    gender: IntArray
    country: IntArray
    birth_year: IntArray


def _traits(state: _State, numbers: IntArray) -> _Traits:
    gender_key, country_key, age_key = state.trait_keys
    ages = categorical_from_uniform(hash_uniform(numbers, age_key), catalog.AGE_WEIGHTS)
    return _Traits(
        gender=categorical_from_uniform(hash_uniform(numbers, gender_key), catalog.GENDER_WEIGHTS),
        country=categorical_from_uniform(
            hash_uniform(numbers, country_key), catalog.country_weights("arrests")
        ),
        birth_year=state.first_seen(numbers) - catalog.MIN_AGE - ages,
    )


# -- arrests --------------------------------------------------------------------------
@dataclass(frozen=True)
class _ArrestYear:
    """One year's arrests, with the per-person arrays charges and removals build on."""

    table: pa.Table
    ids: NDArray[np.uint8]
    """Characters of each row's `arrest_id`."""
    person_ids: NDArray[np.uint8]
    """Characters of each row's `person_id`."""
    multiplicity: IntArray
    """Arrests of each person of the year; the first `criminal_persons` have a history."""
    row_person: IntArray
    """Index of the person of each arrest row."""
    position: IntArray
    """Table row of the i-th arrest counted person by person (person 0's arrests first)."""
    criminality: IntArray
    """Criminality code of each person."""
    numbers: IntArray
    countries: IntArray
    days: IntArray
    """Arrest day of each row."""


def _multiplicities(rng: np.random.Generator, year: EroYear, profile: Profile) -> IntArray:
    """Arrests per person: exactly `criminal_persons` people with a history, `arrests` rows."""
    criminal = repeat_counts(rng, year.criminal_persons, profile.repeat_arrests)
    criminal = cap_repeats(criminal, year.arrests - year.criminal_persons)
    others = exact_multiplicities(rng, year.arrests - int(criminal.sum()), profile.repeat_arrests)
    return np.concatenate([criminal, others])


def _person_numbers(
    rng: np.random.Generator, state: _State, year: EroYear, profile: Profile, people: int
) -> IntArray:
    """Person numbers of the year: a share return from earlier years, the rest are new."""
    low = state.first_person_since(year.fiscal_year - profile.lookback_years)
    high = state.next_person
    wanted = max(0, min(round(people * profile.returning_share), high - low))
    returning = sorted_unique(rng.integers(low, max(high, low + 1), size=wanted, dtype=np.int64))
    numbers = np.empty(people, dtype=np.int64)
    slots = rng.choice(people, size=len(returning), replace=False)
    numbers[slots] = returning
    new = np.ones(people, dtype=bool)
    new[slots] = False
    numbers[new] = state.new_people(year.fiscal_year, people - len(returning))
    return numbers


def _arrest_days(
    rng: np.random.Generator,
    year: EroYear,
    profile: Profile,
    row_person: IntArray,
    multiplicity: IntArray,
) -> IntArray:
    """Arrest days, redrawn until a person's arrests are `repeat_gap_days` apart."""
    weights = catalog.ARREST_MONTHS * rng.lognormal(0.0, 0.04, size=12)

    def draw(count: int) -> IntArray:
        return draw_fiscal_days(rng, count, year.fiscal_year, weights, 0.3).astype(np.int64)

    days = draw(len(row_person))
    repeated = np.flatnonzero(multiplicity[row_person] > 1)
    for _ in range(100):
        order = repeated[np.lexsort((days[repeated], row_person[repeated]))]
        same = np.diff(row_person[order]) == 0
        close = same & (np.diff(days[order]) < profile.repeat_gap_days)
        if not close.any():
            break
        clash = order[1:][close]
        days[clash] = draw(len(clash))
    return days


def _split_methods(
    rng: np.random.Generator,
    year: EroYear,
    at_large_methods: tuple[str, ...],
    other_methods: tuple[str, ...],
) -> pa.Array:
    """Apprehension methods: exactly `at_large` rows with an at-large one."""
    if year.at_large and not at_large_methods:
        raise TargetsError("at-large arrests are targeted but no method counts as at-large")
    if year.arrests > year.at_large and not other_methods:
        raise TargetsError("arrests other than at-large are targeted but no other method exists")
    methods = at_large_methods + other_methods
    codes = np.empty(year.arrests, dtype=np.int64)
    at_large = _exactly(rng, year.arrests, year.at_large)
    codes[at_large] = draw_codes(rng, year.at_large, catalog.method_weights(at_large_methods))
    rest = year.arrests - year.at_large
    if rest:
        others = draw_codes(rng, rest, catalog.method_weights(other_methods))
        codes[~at_large] = others + len(at_large_methods)
    return dictionary_labels(codes, methods)


def _exactly(rng: np.random.Generator, rows: int, chosen: int) -> NDArray[np.bool_]:
    """A mask of `rows` with exactly `chosen` rows set, all such masks equally likely."""
    flip = chosen > rows // 2  # draw the smaller side: fewer random numbers
    mask = np.full(rows, flip, dtype=bool)
    mask[rng.choice(rows, size=rows - chosen if flip else chosen, replace=False)] = not flip
    return mask


def _arrests(
    state: _State,
    year: EroYear,
    profile: Profile,
    at_large_methods: tuple[str, ...],
    other_methods: tuple[str, ...],
) -> _ArrestYear:
    rng = state.rng(year.fiscal_year, 1)
    multiplicity = _multiplicities(rng, year, profile)
    people = len(multiplicity)
    criminality = np.full(people, OTHER, dtype=np.int64)
    criminality[: year.criminal_persons] = np.where(
        rng.random(year.criminal_persons) < profile.convicted_share, CONVICTED, PENDING
    )
    numbers = _person_numbers(rng, state, year, profile, people)
    traits = _traits(state, numbers)
    person_aor = draw_codes(rng, people, catalog.AOR_WEIGHTS)

    row_person = np.repeat(np.arange(people, dtype=np.int64), multiplicity)
    days = _arrest_days(rng, year, profile, row_person, multiplicity)
    order = stable_order(days)
    row_person, days = row_person[order], days[order]
    position = np.empty(year.arrests, dtype=np.int64)
    position[order] = np.arange(year.arrests, dtype=np.int64)

    ids = state.serials("A", year.arrests)
    person_ids = hex_chars(numbers[row_person], state.id_keys)  # cheaper than gathering rows
    table = _table(
        {
            "arrest_id": fixed_width_strings(ids),
            "arrest_date": date_array(days),
            "apprehension_method": _split_methods(rng, year, at_large_methods, other_methods),
            "criminality": dictionary_labels(criminality[row_person], CRIMINALITY),
            "aor": dictionary_labels(person_aor[row_person], catalog.AORS),
            "citizenship_country": dictionary_labels(traits.country[row_person], catalog.COUNTRIES),
            "gender": dictionary_labels(traits.gender[row_person], catalog.GENDERS),
            "birth_year": integer_array(traits.birth_year[row_person], np.int16),
            "person_id": fixed_width_strings(person_ids),
            "duplicate_rule": pa.nulls(year.arrests, pa.string()),
        }
    )
    return _ArrestYear(
        table,
        ids,
        person_ids,
        multiplicity,
        row_person,
        position,
        criminality,
        numbers,
        traits.country,
        days,
    )


# -- charges --------------------------------------------------------------------------
def _charges_per_person(rng: np.random.Generator, year: EroYear, profile: Profile) -> IntArray:
    """At least one charge per person with a history, skewed, adding up to `charges`."""
    persons = year.criminal_persons
    if persons == 0:
        return np.zeros(0, dtype=np.int64)
    propensity = rng.gamma(profile.charge_dispersion, size=persons)
    extra = rng.multinomial(year.charges - persons, normalise(propensity))
    return np.asarray(extra, dtype=np.int64) + 1


def _category_codes(rng: np.random.Generator, year: EroYear) -> NDArray[np.int8]:
    """A shuffled category code per charge: targeted counts exact, the rest by weight."""
    fixed = np.array([year.charge_categories.get(c, -1) for c in CHARGE_CATEGORIES])
    free = fixed < 0
    counts = np.where(free, 0, fixed).astype(np.int64)
    remainder = year.charges - int(counts.sum())
    if remainder:
        weights = np.array([catalog.CHARGE_WEIGHTS[c] for c in CHARGE_CATEGORIES])[free]
        counts[free] = rng.multinomial(remainder, normalise(weights))
    codes = np.repeat(np.arange(len(CHARGE_CATEGORIES), dtype=np.int8), counts)
    rng.shuffle(codes)  # one byte a code: a quicker shuffle than of int64
    return codes


def _charge_codes(rng: np.random.Generator, category_codes: NDArray[np.int8]) -> pa.Array:
    """An NCIC code per charge, drawn among the codes of its category.

    The cumulative code weights of category ``c`` are laid out in ``(c, c + 1]``,
    so one search of ``category + uniform`` draws every charge's code at once.
    """
    names: list[str] = []
    bounds: list[NDArray[np.float64]] = []
    for index, category in enumerate(CHARGE_CATEGORIES):
        options = catalog.CHARGE_CODES[category]
        names.extend(code for code, _ in options)
        cumulative = np.cumsum(normalise([weight for _, weight in options]))
        cumulative[-1] = 1.0
        bounds.append(index + cumulative)
    edges = np.concatenate(bounds)
    uniform = rng.random(len(category_codes))
    codes = search_uniform(edges, uniform, category_codes, len(CHARGE_CATEGORIES))
    return dictionary_labels(np.minimum(codes, len(names) - 1), names)


def _charge_statuses(
    rng: np.random.Generator, profile: Profile, person_criminality: IntArray, first: IntArray
) -> IntArray:
    """Pending people: pending only. Convicted people: first charge convicted, then mostly."""
    convicted = (person_criminality == CONVICTED) & (
        (first == 1) | (rng.random(len(first)) < profile.convicted_charge_share)
    )
    return np.where(convicted, 0, 1).astype(np.int64)


def _charges(state: _State, year: EroYear, profile: Profile, arrests: _ArrestYear) -> pa.Table:
    """Charges of the year's people with a criminal history, in the order of their arrests.

    All of a person's charges are attached to one of that person's arrests of the
    year, picked at random.
    """
    rng = state.rng(year.fiscal_year, 2)
    per_person = _charges_per_person(rng, year, profile)
    persons = np.arange(year.criminal_persons, dtype=np.int64)
    first_arrest = np.cumsum(arrests.multiplicity) - arrests.multiplicity
    pick = np.floor(rng.random(len(persons)) * arrests.multiplicity[persons]).astype(np.int64)
    chosen_row = arrests.position[first_arrest[persons] + pick]

    per_arrest = np.zeros(year.arrests, dtype=np.int64)
    per_arrest[chosen_row] = per_person
    arrest_row = np.repeat(np.arange(year.arrests, dtype=np.int64), per_arrest)
    person = arrests.row_person[arrest_row]
    first = np.zeros(len(arrest_row), dtype=np.int64)
    first[(np.cumsum(per_arrest) - per_arrest)[per_arrest > 0]] = 1

    codes = _category_codes(rng, year)
    statuses = _charge_statuses(rng, profile, arrests.criminality[person], first)
    return _table(
        {
            "charge_id": fixed_width_strings(state.serials("C", year.charges)),
            "arrest_id": fixed_width_strings(arrests.ids[arrest_row]),
            "arrest_date": date_array(arrests.days[arrest_row]),
            "charge_code": _charge_codes(rng, codes),
            "charge_category": dictionary_labels(codes, CHARGE_CATEGORIES),
            "charge_status": dictionary_labels(statuses, _CHARGE_STATUSES),
            "person_id": fixed_width_strings(arrests.person_ids[arrest_row]),
        }
    )


# -- removals -------------------------------------------------------------------------
def _year_pool(arrests: _ArrestYear) -> _Pool:
    """The year's arrested people with the day of their last arrest."""
    last_day = np.full(len(arrests.multiplicity), _NO_ARREST, dtype=np.int64)
    np.maximum.at(last_day, arrests.row_person, arrests.days)
    return _Pool(arrests.numbers, arrests.countries, arrests.criminality, last_day)


def _link_removals(
    rng: np.random.Generator,
    year: EroYear,
    profile: Profile,
    pool: _Pool,
    countries: NDArray[np.int16],
    days: IntArray,
) -> tuple[IntArray, IntArray]:
    """Link a share of removals to arrested people of the same country.

    Returns the pool row of each removal (-1 when it is not linked) and the
    departure days, a linked departure moved after that person's last arrest.
    A link that would push the departure past the year's end is dropped.
    """
    unlinked = np.full(len(countries), -1, dtype=np.int64)
    if not len(pool.numbers):
        return unlinked, days
    order = stable_order(pool.countries)  # the pool's rows, country by country
    size_of = np.bincount(pool.countries, minlength=len(catalog.COUNTRIES))
    low = (np.cumsum(size_of) - size_of)[countries]
    size = size_of[countries]
    wanted = (rng.random(len(countries)) < profile.removal_link_share) & (size > 0)
    offset = np.floor(rng.random(len(countries)) * size).astype(np.int64)
    candidate = order[np.minimum(low + offset, len(order) - 1)]

    stay = np.ceil(rng.exponential(profile.detention_days, size=len(days))).astype(np.int64)
    moved = np.maximum(days, pool.last_day[candidate] + stay + 1)
    first, length = fiscal_year_span(year.fiscal_year)
    wanted &= moved <= first + length - 1
    pick = _first_use(np.where(wanted, candidate, unlinked), pool.numbers)
    return pick, np.where(pick >= 0, moved, days)


def _first_use(pick: IntArray, numbers: IntArray) -> IntArray:
    """Keep each linked person (by number) on one removal only."""
    linked = np.flatnonzero(pick >= 0)
    _, keep = np.unique(numbers[pick[linked]], return_index=True)
    result = np.full(len(pick), -1, dtype=np.int64)
    result[linked[keep]] = pick[linked[keep]]
    return result


def _flags(rng: np.random.Generator, year: EroYear) -> tuple[IntArray, IntArray, IntArray]:
    """Disjoint rows for the gang, KST and HRV flags, with exact counts."""
    rows = rng.permutation(year.removals)
    gang_end = year.gang
    kst_end = gang_end + year.kst
    return rows[:gang_end], rows[gang_end:kst_end], rows[kst_end : kst_end + year.hrv]


def _removals(state: _State, year: EroYear, profile: Profile) -> pa.Table:
    rng = state.rng(year.fiscal_year, 3)
    count = year.removals
    countries = np.repeat(
        np.arange(len(catalog.COUNTRIES), dtype=np.int16),
        rng.multinomial(count, normalise(catalog.country_weights("removals"))),
    )
    rng.shuffle(countries)
    own_days = draw_fiscal_days(
        rng, count, year.fiscal_year, catalog.REMOVAL_MONTHS, 0.15, jitter=0.04
    ).astype(np.int64)
    pick, days = _link_removals(rng, year, profile, state.pool, countries, own_days)
    linked = pick >= 0

    numbers = np.empty(count, dtype=np.int64)
    numbers[linked] = state.pool.numbers[pick[linked]]
    numbers[~linked] = state.new_people(year.fiscal_year, int((~linked).sum()))
    criminality = draw_codes(rng, count, profile.removal_criminality)
    criminality[linked] = state.pool.criminality[pick[linked]]

    gang, kst, hrv = _flags(rng, year)
    gang_criminal = np.where(
        rng.random(len(gang)) < profile.gang_convicted_share, CONVICTED, PENDING
    )
    criminality[gang] = np.where(criminality[gang] == OTHER, gang_criminal, criminality[gang])

    order = stable_order(days)
    flags = {name: np.zeros(count, dtype=bool) for name in ("gang", "kst", "hrv")}
    for name, rows in (("gang", gang), ("kst", kst), ("hrv", hrv)):
        flags[name][rows] = True
    return _table(
        {
            "removal_id": fixed_width_strings(state.serials("R", count)),
            "departure_date": date_array(days[order]),
            "departure_country": dictionary_labels(countries[order], catalog.COUNTRIES),
            "gang": boolean_array(flags["gang"][order]),
            "kst": boolean_array(flags["kst"][order]),
            "hrv": boolean_array(flags["hrv"][order]),
            "criminality": dictionary_labels(criminality[order], CRIMINALITY),
            "person_id": fixed_width_strings(hex_chars(numbers[order], state.id_keys)),
            "duplicate_rule": pa.nulls(count, pa.string()),
        }
    )


def _carry_pool(state: _State, year: EroYear, profile: Profile, current: _Pool) -> _Pool:
    """This year's arrested people, sampled down, as last year's arrests for the next year."""
    rng = state.rng(year.fiscal_year, 4)
    if len(current.numbers) > profile.pool_limit:
        current = current.take(
            sorted_unique(rng.integers(0, len(current.numbers), profile.pool_limit))
        )
    return replace(current, last_day=np.full(len(current.numbers), _NO_ARREST, dtype=np.int64))


# -- one year and many ------------------------------------------------------------------
def _generate_year(
    state: _State,
    year: EroYear,
    at_large_methods: tuple[str, ...],
    other_methods: tuple[str, ...],
    profile: Profile,
) -> dict[str, pa.Table]:
    """The three ERO tables of one fiscal year; advances `state`."""
    year.check()
    arrests = _arrests(state, year, profile, at_large_methods, other_methods)
    charges = _charges(state, year, profile, arrests)
    current = _year_pool(arrests)
    state.pool = state.pool.join(current)
    removals = _removals(state, year, profile)
    state.pool = _carry_pool(state, year, profile, current)
    return {"arrests": arrests.table, "charges": charges, "removals": removals}


def generate_years(
    years: Sequence[EroYear],
    seed: int = 2023,
    at_large_methods: Sequence[str] = (),
    other_methods: Sequence[str] = (),
    *,
    profile: Profile | None = None,
) -> Iterator[tuple[int, dict[str, pa.Table]]]:
    """Generate from explicit per-year counts, oldest year first, one year at a time.

    Yields ``(fiscal_year, {table: rows})``; only the current year is held in
    memory (plus a bounded sample of the previous year's people).
    """
    if seed < 0:
        raise ValueError("the seed must be a non-negative integer")
    state = _State.start(seed)
    at_large, other = tuple(at_large_methods), tuple(other_methods)
    for year in sorted(years, key=lambda y: y.fiscal_year):
        yield year.fiscal_year, _generate_year(state, year, at_large, other, profile or Profile())


def iter_generate(
    targets: Targets,
    seed: int = 2023,
    at_large_methods: Sequence[str] = (),
    other_methods: Sequence[str] = (),
    *,
    scale: float = 1.0,
    years: Sequence[int] | None = None,
    profile: Profile | None = None,
) -> Iterator[tuple[int, dict[str, pa.Table]]]:
    """Generate year by year from targets: ``(fiscal_year, {table: rows})``.

    `scale` multiplies every target (for benchmarks); `years` restricts the
    output to some of the targeted years (earlier years are still simulated, so
    people recur the same way whatever is asked for).
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    every = ero_years(targets)
    wanted = set(every if years is None else years)
    last = max(wanted & set(every), default=None)
    plan = [
        EroYear.from_targets(targets, fy).scaled(scale)
        for fy in every
        if last is not None and fy <= last
    ]
    for fiscal_year, tables in generate_years(
        plan, seed, at_large_methods, other_methods, profile=profile
    ):
        if fiscal_year in wanted:
            yield fiscal_year, tables


def generate(
    targets: Targets,
    seed: int = 2023,
    at_large_methods: Sequence[str] = (),
    other_methods: Sequence[str] = (),
    *,
    scale: float = 1.0,
    years: Sequence[int] | None = None,
    profile: Profile | None = None,
) -> dict[str, pa.Table]:
    """Every ERO table for every targeted year, in memory; no input or output."""
    parts: dict[str, list[pa.Table]] = {name: [] for name in ERO_TABLES}
    generated = iter_generate(
        targets, seed, at_large_methods, other_methods, scale=scale, years=years, profile=profile
    )
    with retained_heap():
        for _, tables in generated:
            for name, table in tables.items():
                parts[name].append(table)
    return {name: _concat(name, tables) for name, tables in parts.items()}


def _concat(name: str, tables: list[pa.Table]) -> pa.Table:
    if not tables:
        raise ValueError(f"no {name} generated: the targets name no year")
    return pa.concat_tables(tables)


# -- the demo warehouse ---------------------------------------------------------------
def read_apprehension_methods(path: Path) -> tuple[list[str], list[str]]:
    """At-large and other apprehension methods, from a report's reference CSV."""
    try:
        with Path(path).open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise TargetsError(f"cannot read {path}: {exc.strerror}") from None
    at_large: list[str] = []
    other: list[str] = []
    for row in rows:
        name = (row.get("apprehension_method") or "").strip()
        flag = (row.get("at_large") or "").strip().lower()
        if not name or flag not in {"true", "false", "1", "0", "yes", "no"}:
            raise TargetsError(
                f"{path}: every row needs an `apprehension_method` and `at_large` true/false"
            )
        (at_large if flag in {"true", "1", "yes"} else other).append(name)
    return at_large, other


def write_demo(
    warehouse: Warehouse,
    report_dir: Path,
    seed: int = 2023,
    *,
    scale: float = 1.0,
    profile: Profile | None = None,
) -> dict[str, int]:
    """Generate the demo records of a report and write them; returns rows per table.

    Reads ``targets.yaml`` and ``reference/apprehension_methods.csv`` from
    `report_dir`, then writes year by year (`write_years`).
    """
    report_dir = Path(report_dir)
    targets = load_targets(report_dir / "targets.yaml")
    at_large, other = read_apprehension_methods(
        report_dir / "reference" / "apprehension_methods.csv"
    )
    years = iter_generate(targets, seed, at_large, other, scale=scale, profile=profile)
    return write_years(warehouse, years)


def write_years(
    warehouse: Warehouse,
    years: Iterable[tuple[int, Mapping[str, pa.Table]]],
    *,
    queued: int = 2,
) -> dict[str, int]:
    """Write generated years to a warehouse while the following years are generated.

    Parquet encoding and most numpy work release the GIL, so on two cores
    writing overlaps generating. Up to `queued` generated years wait for the
    writer, which smooths out years of different sizes; at most ``queued + 1``
    years are in memory. Returns rows written per table.
    """
    if queued < 1:
        raise ValueError("at least one year must be allowed to wait for the writer")
    rows = dict.fromkeys(ERO_TABLES, 0)
    with (
        retained_heap(),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="yearbook-writer") as writer,
    ):
        pending: deque[Future[None]] = deque()
        for _, tables in years:
            while len(pending) >= queued:
                pending.popleft().result()
            pending.append(writer.submit(_write_year, warehouse, tables))
            for name in ERO_TABLES:
                rows[name] += tables[name].num_rows
        while pending:
            pending.popleft().result()
    return rows


def _write_year(warehouse: Warehouse, tables: Mapping[str, pa.Table]) -> None:
    for name in ERO_TABLES:
        warehouse.write_table(name, tables[name])
