"""The other offices' demo records: exact calibration for every year, determinism,
and the office submissions file read as the canonical table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from ice_generator import load_targets
from ice_generator.hsi import generate_hsi_year, seizure_totals, victim_groups
from ice_generator.offices import iter_offices
from ice_generator.segments import split_total
from ice_generator.submissions import read_submissions
from ice_generator.targets import Targets, TargetsError
from ice_generator.workforce import office_key

from tests.conftest import ICE, REPORT_DIR
from yearbook.warehouse import Database, Warehouse

YEARS = (2019, 2020, 2021, 2022, 2023)

OUTCOMES = ICE.tables["opla_completions"].column("outcome").values
CASELOAD_PROGRAMS = ICE.tables["opla_caseload"].column("program").values
OFFICES = ICE.tables["workforce"].column("office").values


@pytest.fixture(scope="module")
def targets() -> Targets:
    return load_targets(REPORT_DIR / "targets.yaml")


@pytest.fixture(scope="module")
def db(demo_warehouse: Warehouse) -> Iterator[Database]:
    database = Database(demo_warehouse)
    yield database
    database.close()


def _by_year(db: Database, sql: str) -> dict[tuple[object, ...], float]:
    rows = db.query(sql).to_pylist()
    return {tuple(r.values())[:-1]: list(r.values())[-1] for r in rows}


@given(
    st.integers(min_value=1, max_value=10**10),
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_split_total_is_exact(total: int, rows: int, seed: int) -> None:
    rows = min(rows, total)
    parts = split_total(np.random.default_rng(seed), total, rows)
    assert len(parts) == rows and int(parts.sum()) == total and int(parts.min()) >= 1


def test_split_total_refuses_impossible_splits() -> None:
    with pytest.raises(ValueError, match="cannot split"):
        split_total(np.random.default_rng(1), 3, 4)


def test_hsi_records_meet_every_target(db: Database, targets: Targets) -> None:
    seized = _by_year(
        db,
        "SELECT fiscal_year, CASE WHEN operation IS NOT NULL THEN 'wat' WHEN tciu_country "
        "IS NOT NULL THEN 'tciu' ELSE 'rest' END, commodity, sum(quantity) FROM seizures "
        "GROUP BY ALL",
    )
    victims = _by_year(
        db, "SELECT fiscal_year, victim_type, vap_assisted, count(*) FROM victims GROUP BY ALL"
    )
    for fy in YEARS:
        total, wat, tciu = (
            db.query(
                "SELECT count(*) AS a, count(*) FILTER (WHERE operation = 'without_a_trace') AS b, "
                f"count(tciu_country) AS c FROM hsi_arrests WHERE fiscal_year = {fy}"
            )
            .to_pylist()[0]
            .values()
        )
        assert (total, wat, tciu) == (
            targets.get("hsi.arrests.total", fy),
            targets.get("hsi.arrests.wat", fy),
            targets.get("hsi.arrests.tciu", fy),
        )
        for (scope, commodity), quantity in seizure_totals(targets, fy).items():
            assert seized.get((fy, scope, commodity), 0) == quantity, (fy, scope, commodity)
        for (kind, assisted), count in victim_groups(targets, fy).items():
            assert victims.get((fy, kind, assisted), 0) == count, (fy, kind, assisted)


def test_opla_and_workforce_records_meet_every_target(db: Database, targets: Targets) -> None:
    hearings = _by_year(db, "SELECT fiscal_year, count(*) FROM opla_hearings GROUP BY 1")
    outcomes = _by_year(
        db, "SELECT fiscal_year, outcome, count(*) FROM opla_completions GROUP BY ALL"
    )
    caseload = _by_year(db, "SELECT fiscal_year, program, count(*) FROM opla_caseload GROUP BY ALL")
    staff = _by_year(db, "SELECT fiscal_year, office, count(*) FROM workforce GROUP BY ALL")
    deployed = _by_year(
        db,
        "SELECT fiscal_year, office, count(DISTINCT employee_id) FROM deployments "
        "WHERE destination = 'southwest_border' GROUP BY ALL",
    )
    for fy in YEARS:
        assert hearings[(fy,)] == targets.get("opla.hearings.total", fy)
        for outcome in OUTCOMES:
            assert outcomes[(fy, outcome)] == targets.get(f"opla.completions.{outcome}", fy)
        for program in CASELOAD_PROGRAMS:
            assert caseload[(fy, program)] == targets.get(f"opla.caseload.{program}", fy)
        for office in OFFICES:
            assert staff[(fy, office)] == targets.get(f"workforce.{office_key(office)}", fy)
        for office in ("ERO", "HSI"):
            key = f"deployments.{office_key(office)}.southwest_border"
            assert deployed[(fy, office)] == targets.get(key, fy)


def test_the_same_seed_gives_the_same_records(targets: Targets) -> None:
    one = generate_hsi_year(targets, 2023, seed=7)
    two = generate_hsi_year(targets, 2023, seed=7)
    other = generate_hsi_year(targets, 2023, seed=8)
    assert all(one[name].equals(two[name]) for name in one)
    assert not one["seizures"].equals(other["seizures"])


def test_every_office_year_is_generated(targets: Targets) -> None:
    seen = {(fy, tuple(sorted(tables))) for fy, tables in iter_offices(targets)}
    assert {fy for fy, _ in seen} == set(YEARS)
    assert len(seen) == 3 * len(YEARS)


def test_submissions_are_read_with_their_provenance() -> None:
    table = read_submissions(REPORT_DIR / "submissions.csv")
    rows = table.to_pylist()
    assert all(r["submitted_by"] and r["source"] and r["submitted_on"] for r in rows)
    goals = [r for r in rows if r["metric"] == "hsi.opioid_strategy_goals"]
    assert len(goals) == 4 and all(r["value"] == 1 for r in goals)


def test_a_submission_in_the_wrong_fiscal_year_is_refused(tmp_path: Path) -> None:
    text = (REPORT_DIR / "submissions.csv").read_text(encoding="utf-8").splitlines()
    header, first = text[0], text[1].replace(",2023,2023-05-01,", ",2022,2023-05-01,")
    bad = tmp_path / "submissions.csv"
    bad.write_text(f"{header}\n{first}\n", encoding="utf-8")
    with pytest.raises(TargetsError, match="fiscal year of its as_of_date"):
        read_submissions(bad)
