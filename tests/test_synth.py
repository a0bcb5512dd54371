"""The synthetic ERO demo data: exact calibration to targets.yaml, plausibility, determinism."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from ice_generator import (
    ERO_TABLES,
    EroYear,
    Targets,
    TargetsError,
    catalog,
    generate,
    load_targets,
    parse_targets,
    read_apprehension_methods,
)
from ice_generator.distributions import hex_ids, serial_ids
from ice_generator.ero import write_demo

from tests.conftest import ICE
from yearbook.calendar import fiscal_year_bounds
from yearbook.warehouse import Database, Warehouse

REPORT = Path(__file__).resolve().parents[1] / "reports" / "ice-fy2023"
CRIMINALITY = ICE.tables["arrests"].column("criminality").values
CHARGE_CATEGORIES = ICE.tables["charges"].column("charge_category").values
METHODS_CSV = REPORT / "reference" / "apprehension_methods.csv"
SEED = 2023

COUNTED = ("homicide", "kidnapping", "sexual_assault", "assault", "robbery", "burglary", "weapons")
"""The charge categories with a `charges.<category>` target."""

CODE_PREFIXES = {
    "homicide": ("09",),
    "kidnapping": ("10",),
    "sexual_assault": ("11",),
    "robbery": ("12",),
    "assault": ("13",),
    "burglary": ("22",),
    "weapons": ("52",),
    "dangerous_drugs": ("35",),
    "traffic_dui": ("5404",),
    "traffic_other": ("54",),
    "immigration": ("03",),
    "larceny": ("23",),
    "fraud": ("26",),
    "obstruction": ("48",),
    "sex_offenses": ("36",),
    "other": ("73", "99"),
}
"""NCIC code families of each charge category."""

ERO_AORS = {
    "Atlanta", "Baltimore", "Boston", "Buffalo", "Chicago", "Dallas", "Denver", "Detroit",
    "El Paso", "Harlingen", "Houston", "Los Angeles", "Miami", "New Orleans", "New York City",
    "Newark", "Philadelphia", "Phoenix", "Salt Lake City", "San Antonio", "San Diego",
    "San Francisco", "Seattle", "St. Paul", "Washington",
}  # fmt: skip

HEX40 = re.compile(r"^[0-9a-f]{40}$")


# -- fixtures -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def targets() -> Targets:
    return load_targets(REPORT / "targets.yaml")


@pytest.fixture(scope="module")
def years(targets: Targets) -> list[int]:
    return targets.years_with("arrests.total")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("warehouse-a")
    rows = write_demo(Warehouse(root, ICE.tables), REPORT, seed=SEED)
    return root, rows


@pytest.fixture(scope="module")
def db(demo: tuple[Path, dict[str, int]]) -> Iterator[Database]:
    database = Database(Warehouse(demo[0]), references={"apprehension_methods": METHODS_CSV})
    yield database
    database.close()


def keyed(db: Database, sql: str) -> dict[Any, Any]:
    """Run a query returning (key, value) rows, as a mapping."""
    result = db.query(sql)
    return dict(zip(result.column(0).to_pylist(), result.column(1).to_pylist(), strict=True))


def scalar(db: Database, sql: str) -> Any:
    return db.query(sql).column(0)[0].as_py()


# -- targets --------------------------------------------------------------------------
def test_load_targets_reads_every_entry(targets: Targets) -> None:
    assert targets.years == sorted({entry.fiscal_year for entry in targets})
    assert len(targets.years) >= 5
    for entry in targets:
        assert targets.get(entry.key, entry.fiscal_year) == entry.value
        assert isinstance(entry.value, int)
    assert "arrests.total" in targets.keys("arrests.")
    assert targets.for_year(targets.years[-1], "removals.")["removals.total"] > 0


def test_targets_reject_unknown_and_duplicate(targets: Targets) -> None:
    with pytest.raises(TargetsError, match="no target"):
        targets.get("arrests.nonexistent", targets.years[-1])
    assert targets.get("arrests.nonexistent", 2023, default=5) == 5
    entry = {"key": "arrests.total", "fy": 2023, "value": 1}
    with pytest.raises(TargetsError, match="twice"):
        parse_targets({"targets": [entry, entry]})
    with pytest.raises(TargetsError, match="whole number"):
        parse_targets([{"key": "arrests.total", "fy": 2023, "value": "many"}])
    with pytest.raises(TargetsError):
        parse_targets({"not_targets": []})


def test_other_offices_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(
        "targets:\n"
        "  - {key: hsi.seizures, fy: 2023, value: 999}\n"
        "  - {key: opla.cases, fy: 2022, value: 12}\n"
        "  - {key: arrests.total, fy: 2023, value: 300}\n"
        "  - {key: arrests.at_large, fy: 2023, value: 120}\n"
        "  - {key: arrests.criminal_history_persons, fy: 2023, value: 100}\n"
        "  - {key: charges.total, fy: 2023, value: 400}\n"
        "  - {key: charges.homicide, fy: 2023, value: 7}\n"
        "  - {key: removals.total, fy: 2023, value: 50}\n"
        "  - {key: removals.gang, fy: 2023, value: 4}\n",
        encoding="utf-8",
    )
    small = load_targets(path)
    assert small.years == [2022, 2023]
    at_large, other = read_apprehension_methods(METHODS_CSV)
    tables = generate(small, seed=1, at_large_methods=at_large, other_methods=other)
    assert tables["arrests"].num_rows == 300
    assert tables["charges"].num_rows == 400
    categories = tables["charges"].column("charge_category").to_pylist()
    assert categories.count("homicide") == 7
    assert tables["removals"].num_rows == 50
    assert sum(tables["removals"].column("gang").to_pylist()) == 4


def test_inconsistent_targets_fail_clearly() -> None:
    with pytest.raises(TargetsError, match="at-large"):
        EroYear(fiscal_year=2023, arrests=10, at_large=11).check()
    with pytest.raises(TargetsError, match="fewer charges"):
        EroYear(fiscal_year=2023, arrests=10, criminal_persons=5, charges=4).check()


# -- arrests --------------------------------------------------------------------------
def test_write_demo_reports_rows_per_table(
    demo: tuple[Path, dict[str, int]], targets: Targets
) -> None:
    _, rows = demo
    assert set(rows) == set(ERO_TABLES)
    for table, key in (("arrests", "arrests"), ("charges", "charges"), ("removals", "removals")):
        years = targets.years_with(f"{key}.total")
        assert rows[table] == sum(targets.get(f"{key}.total", fy) for fy in years)


def test_arrest_totals_match_targets(db: Database, targets: Targets, years: list[int]) -> None:
    totals = keyed(db, "SELECT fiscal_year, count(*) FROM arrests GROUP BY 1")
    at_large = keyed(
        db,
        "SELECT fiscal_year, count(*) FROM arrests JOIN apprehension_methods "
        "USING (apprehension_method) WHERE at_large GROUP BY 1",
    )
    persons = keyed(
        db,
        "SELECT fiscal_year, count(DISTINCT person_id) FROM arrests "
        "WHERE criminality IN ('convicted', 'pending') GROUP BY 1",
    )
    assert sorted(totals) == years
    for fy in years:
        assert totals[fy] == targets.get("arrests.total", fy)
        assert at_large[fy] == targets.get("arrests.at_large", fy)
        assert persons[fy] == targets.get("arrests.criminal_history_persons", fy)


def test_arrest_columns_are_well_formed(db: Database, years: list[int]) -> None:
    arrests = db.query("SELECT * FROM arrests")
    ids = arrests.column("arrest_id")
    assert len(set(ids.to_pylist())) == arrests.num_rows
    assert set(arrests.column("criminality").to_pylist()) == set(CRIMINALITY)
    assert set(arrests.column("gender").to_pylist()) == {"Male", "Female", "Unknown"}
    assert set(arrests.column("aor").to_pylist()) == ERO_AORS
    assert arrests.column("duplicate_rule").null_count == arrests.num_rows
    assert all(HEX40.match(p) for p in set(arrests.column("person_id").to_pylist()))
    countries = set(arrests.column("citizenship_country").to_pylist())
    assert all(c == c.upper() for c in countries) and "MEXICO" in countries
    methods = set(arrests.column("apprehension_method").to_pylist())
    at_large, other = read_apprehension_methods(METHODS_CSV)
    assert methods <= set(at_large) | set(other)
    for fy in years:
        first, last = fiscal_year_bounds(fy)
        span = db.query(
            f"SELECT min(arrest_date) AS low, max(arrest_date) AS high, "
            f"min({fy} - birth_year) AS youngest, max({fy} - birth_year) AS oldest "
            f"FROM arrests WHERE fiscal_year = {fy}"
        ).to_pylist()[0]
        assert first <= span["low"] and span["high"] <= last
        assert span["youngest"] >= 18 and span["oldest"] <= 70


def test_arrests_look_plausible(db: Database, years: list[int]) -> None:
    gender = keyed(db, "SELECT gender, count(*) / sum(count(*)) OVER () FROM arrests GROUP BY 1")
    assert 0.85 < gender["Male"] < 0.91
    assert 0.08 < gender["Female"] < 0.14
    assert 0 < gender["Unknown"] < 0.03

    other = db.query(
        "SELECT apprehension_method, count(*) AS n FROM arrests JOIN apprehension_methods "
        "USING (apprehension_method) WHERE NOT at_large GROUP BY 1 ORDER BY n DESC"
    ).to_pylist()
    top_two = {row["apprehension_method"] for row in other[:2]}
    assert top_two <= {"Custodial Arrest"} | {
        m["apprehension_method"] for m in other if "CAP" in m["apprehension_method"]
    }
    shares = {row["apprehension_method"]: row["n"] / sum(r["n"] for r in other) for row in other}
    assert 0.03 < shares["287(g) Program"] < 0.2
    assert min(shares.values()) < 0.01

    for fy in years:
        aors = (
            db.query(f"SELECT count(*) AS n FROM arrests WHERE fiscal_year = {fy} GROUP BY aor")
            .column("n")
            .to_pylist()
        )
        assert max(aors) > 4 * min(aors)
        months = (
            db.query(
                f"SELECT count(*) AS n FROM arrests WHERE fiscal_year = {fy} "
                "GROUP BY month(arrest_date)"
            )
            .column("n")
            .to_pylist()
        )
        assert len(months) == 12
        assert all(0.05 < n / sum(months) < 0.12 for n in months)
        countries = (
            db.query(
                f"SELECT count(*) AS n FROM arrests WHERE fiscal_year = {fy} "
                "GROUP BY citizenship_country ORDER BY n DESC"
            )
            .column("n")
            .to_pylist()
        )
        assert len(countries) > 80 and countries[0] > 0.25 * sum(countries)


def test_repeat_and_returning_people(db: Database, years: list[int]) -> None:
    repeats = db.query(
        "SELECT fiscal_year, avg((n > 1)::INT) AS repeat_share, max(n) AS most, "
        "max(kinds) AS kinds FROM (SELECT fiscal_year, person_id, count(*) AS n, "
        "count(DISTINCT criminality) AS kinds FROM arrests GROUP BY ALL) GROUP BY 1"
    ).to_pylist()
    assert len(repeats) == len(years)
    for row in repeats:
        assert 0.01 < row["repeat_share"] < 0.08
        assert row["most"] == 3
        assert row["kinds"] == 1  # one criminality per person and year
    returning = keyed(
        db,
        "SELECT a.fiscal_year, count(DISTINCT a.person_id) FROM arrests a "
        "WHERE EXISTS (SELECT 1 FROM arrests b WHERE b.person_id = a.person_id "
        "AND b.fiscal_year < a.fiscal_year) GROUP BY 1",
    )
    for fy in years[1:]:
        assert returning[fy] > 0
    gap = scalar(
        db,
        "SELECT min(arrest_date - previous) FROM (SELECT arrest_date, lag(arrest_date) OVER "
        "(PARTITION BY fiscal_year, person_id ORDER BY arrest_date) AS previous FROM arrests)",
    )
    assert gap is not None and gap >= 1


# -- charges --------------------------------------------------------------------------
def test_charge_totals_match_targets(db: Database, targets: Targets, years: list[int]) -> None:
    totals = keyed(db, "SELECT fiscal_year, count(*) FROM charges GROUP BY 1")
    by_category = db.query(
        "SELECT fiscal_year, charge_category, count(*) AS n FROM charges GROUP BY ALL"
    ).to_pylist()
    counts = {(r["fiscal_year"], r["charge_category"]): r["n"] for r in by_category}
    for fy in years:
        assert totals[fy] == targets.get("charges.total", fy)
        for category in COUNTED:
            assert counts[(fy, category)] == targets.get(f"charges.{category}", fy)
        for category in ("traffic_dui", "dangerous_drugs", "immigration", "traffic_other"):
            assert counts[(fy, category)] > 0.05 * totals[fy]
        assert {c for (y, c) in counts if y == fy} == set(CHARGE_CATEGORIES)


def test_charges_belong_to_arrests(db: Database) -> None:
    mismatched = scalar(
        db,
        "SELECT count(*) FROM charges c LEFT JOIN arrests a USING (arrest_id) "
        "WHERE a.arrest_id IS NULL OR a.arrest_date <> c.arrest_date "
        "OR a.person_id <> c.person_id OR a.fiscal_year <> c.fiscal_year "
        "OR a.criminality = 'other'",
    )
    assert mismatched == 0
    uncharged = scalar(
        db,
        "SELECT count(*) FROM (SELECT DISTINCT fiscal_year, person_id FROM arrests "
        "WHERE criminality <> 'other') p ANTI JOIN charges c USING (fiscal_year, person_id)",
    )
    assert uncharged == 0
    assert scalar(db, "SELECT count(DISTINCT charge_id) = count(*) FROM charges") is True


def test_charge_statuses_follow_criminality(db: Database) -> None:
    per_person = db.query(
        "SELECT p.criminality, c.person_id, c.fiscal_year, "
        "sum((charge_status = 'convicted')::INT) AS convicted, "
        "sum((charge_status = 'pending')::INT) AS pending "
        "FROM charges c JOIN (SELECT DISTINCT fiscal_year, person_id, criminality "
        "FROM arrests) p USING (fiscal_year, person_id) GROUP BY ALL"
    )
    rows = per_person.to_pylist()
    assert all(r["convicted"] == 0 for r in rows if r["criminality"] == "pending")
    assert all(r["convicted"] >= 1 for r in rows if r["criminality"] == "convicted")
    assert any(r["pending"] >= 1 for r in rows if r["criminality"] == "convicted")

    sizes = np.array([r["convicted"] + r["pending"] for r in rows])
    assert sizes.min() == 1
    assert sizes.max() > 5 * sizes.mean()
    assert 0.15 < (sizes == 1).mean() < 0.6


def test_charge_codes_match_categories(db: Database) -> None:
    pairs = db.query("SELECT DISTINCT charge_category, charge_code FROM charges").to_pylist()
    for row in pairs:
        code = row["charge_code"]
        assert len(code) == 4 and code.isdigit()
        assert code.startswith(CODE_PREFIXES[row["charge_category"]]), row
        if row["charge_category"] == "traffic_other":
            assert code != "5404"


# -- removals -------------------------------------------------------------------------
def test_removal_totals_match_targets(db: Database, targets: Targets, years: list[int]) -> None:
    rows = db.query(
        "SELECT fiscal_year, count(*) AS total, sum(gang::INT) AS gang, sum(kst::INT) AS kst, "
        "sum(hrv::INT) AS hrv, max(gang::INT + kst::INT + hrv::INT) AS overlap, "
        "min(departure_date) AS low, max(departure_date) AS high FROM removals GROUP BY 1"
    ).to_pylist()
    assert sorted(r["fiscal_year"] for r in rows) == years
    for row in rows:
        fy = row["fiscal_year"]
        for key in ("total", "gang", "kst", "hrv"):
            assert row[key] == targets.get(f"removals.{key}", fy)
        assert row["overlap"] <= 1
        first, last = fiscal_year_bounds(fy)
        assert first <= row["low"] and row["high"] <= last


def test_removal_columns_are_well_formed(db: Database) -> None:
    removals = db.query("SELECT * FROM removals")
    assert len(set(removals.column("removal_id").to_pylist())) == removals.num_rows
    assert removals.column("duplicate_rule").null_count == removals.num_rows
    assert set(removals.column("criminality").to_pylist()) == set(CRIMINALITY)
    assert all(HEX40.match(p) for p in set(removals.column("person_id").to_pylist()))
    arrested_before = scalar(
        db,
        "SELECT count(*) FROM removals r WHERE EXISTS (SELECT 1 FROM arrests a "
        "WHERE a.person_id = r.person_id AND a.arrest_date < r.departure_date)",
    )
    assert 0.1 * removals.num_rows < arrested_before < 0.6 * removals.num_rows


def test_removals_have_small_country_cells(db: Database, years: list[int]) -> None:
    cells = db.query(
        "SELECT fiscal_year, count(*) AS countries, sum((n < 10)::INT) AS under_ten, "
        "sum((n <= 3)::INT) AS tiny FROM (SELECT fiscal_year, departure_country, count(*) AS n "
        "FROM removals GROUP BY ALL) GROUP BY 1"
    ).to_pylist()
    assert len(cells) == len(years)
    for row in cells:
        assert row["countries"] >= 100
        assert row["under_ten"] >= 5
        assert row["tiny"] >= 2
    assert scalar(db, "SELECT count(DISTINCT departure_country) FROM removals") >= 140


# -- determinism and scale ------------------------------------------------------------
def test_same_seed_gives_identical_parquet(
    demo: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    first_root = demo[0]
    write_demo(Warehouse(tmp_path, ICE.tables), REPORT, seed=SEED)
    first = sorted(p.relative_to(first_root) for p in first_root.rglob("*.parquet"))
    second = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.parquet"))
    assert first == second and len(first) == len(ERO_TABLES) * 5
    for relative in first:
        assert (first_root / relative).read_bytes() == (tmp_path / relative).read_bytes()


def test_another_seed_gives_other_records(targets: Targets) -> None:
    at_large, other = read_apprehension_methods(METHODS_CSV)
    one = generate(targets, seed=1, at_large_methods=at_large, other_methods=other, scale=0.01)
    two = generate(targets, seed=2, at_large_methods=at_large, other_methods=other, scale=0.01)
    assert one["arrests"].num_rows == two["arrests"].num_rows
    assert one["arrests"].column("person_id") != two["arrests"].column("person_id")


def test_scaled_generation_meets_scaled_targets(targets: Targets) -> None:
    at_large, other = read_apprehension_methods(METHODS_CSV)
    fy = targets.years[-1]
    tables = generate(targets, SEED, at_large, other, scale=0.05, years=[fy])
    expected = EroYear.from_targets(targets, fy).scaled(0.05)
    arrests = tables["arrests"]
    assert arrests.num_rows == expected.arrests
    assert tables["charges"].num_rows == expected.charges
    assert tables["removals"].num_rows == expected.removals
    criminal = arrests.filter(
        pa.compute.is_in(arrests["criminality"], pa.array(["convicted", "pending"]))
    )
    assert len(set(criminal.column("person_id").to_pylist())) == expected.criminal_persons
    methods = arrests.column("apprehension_method").to_pylist()
    assert sum(m in at_large for m in methods) == expected.at_large
    days = arrests.column("arrest_date").to_pylist()
    first, last = fiscal_year_bounds(fy)
    assert first <= min(days) and max(days) <= last


# -- building blocks ------------------------------------------------------------------
def test_identifier_builders() -> None:
    assert serial_ids("A", 9, 3, 4).to_pylist() == ["A0009", "A0010", "A0011"]
    assert serial_ids("R", 1234567890, 1, 10).to_pylist() == ["R1234567890"]
    numbers = np.arange(0, 50_000, dtype=np.int64)
    ids = hex_ids(numbers, (0x1234_5678_9ABC_DEF0, 0x0FED_CBA9_8765_4321, 0x5555_AAAA_5555_AAAA))
    values = ids.to_pylist()
    assert len(set(values)) == len(values)
    assert all(HEX40.match(v) for v in values[:1000])
    again = hex_ids(
        numbers[:10], (0x1234_5678_9ABC_DEF0, 0x0FED_CBA9_8765_4321, 0x5555_AAAA_5555_AAAA)
    )
    assert again.to_pylist() == values[:10]


def test_catalogue_covers_every_category() -> None:
    assert set(catalog.CHARGE_CODES) == set(CHARGE_CATEGORIES)
    assert set(catalog.CHARGE_WEIGHTS) == set(CHARGE_CATEGORIES)
    assert set(catalog.SERIOUS_CATEGORIES) == set(COUNTED)
    assert set(catalog.AORS) == ERO_AORS
    assert len(set(catalog.COUNTRIES)) == len(catalog.COUNTRIES) >= 150
    for category, codes in catalog.CHARGE_CODES.items():
        for code, _ in codes:
            assert code.startswith(CODE_PREFIXES[category])
