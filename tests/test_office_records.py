"""Each office's figures come from its records: change them, and the figure and its
sentence change with them (a counterpart of tests/test_record_changes.py).

One test per office, each on a private copy of the demo warehouse: it edits the
records (or the office's submissions), recomputes, re-renders, and checks that
the figure and the words stating it moved by exactly that much.
"""

from __future__ import annotations

import re
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from tests.conftest import Demo
from tests.test_cli import yearbook
from yearbook.build import compute, render_markdown
from yearbook.figures import Figures
from yearbook.narrative.render import strip_links
from yearbook.warehouse import Database, Warehouse


def _partition(warehouse: Warehouse, table: str, year: int) -> pa.Table:
    with Database(warehouse) as db:
        return db.query(f"SELECT * EXCLUDE (fiscal_year) FROM {table} WHERE fiscal_year = {year}")


def _rebuild(demo: Demo, warehouse: Warehouse) -> tuple[Figures, str]:
    figures = Figures(compute(demo.report, warehouse))
    text = strip_links(render_markdown(demo.report, figures))
    return figures, re.sub(r"\s+", " ", text)


def _before(demo: Demo) -> str:
    return re.sub(r"\s+", " ", strip_links(demo.result.markdown))


def _set(table: pa.Table, column: str, values: pa.Array) -> pa.Table:
    return table.set_column(table.schema.get_field_index(column), column, values)


def test_ero_deploying_eighty_more_employees(demo: Demo, warehouse_copy: Warehouse) -> None:
    deployments = _partition(warehouse_copy, "deployments", 2023)
    staff = _partition(warehouse_copy, "workforce", 2023)
    ero = staff.filter(pc.equal(staff.column("office"), "ERO")).column("employee_id")
    deployed = set(deployments.column("employee_id").to_pylist())
    fresh = [e for e in ero.to_pylist() if e not in deployed][:80]
    extra = pa.table(
        {
            "deployment_id": [f"D-TEST-{i}" for i in range(80)],
            "start_date": [date(2023, 7, 1)] * 80,
            "employee_id": fresh,
            "office": ["ERO"] * 80,
            "destination": ["southwest_border"] * 80,
        }
    )
    warehouse_copy.write_table("deployments", pa.concat_tables([deployments, extra]))

    figures, text = _rebuild(demo, warehouse_copy)
    old = demo.result.figures.value("ero.swb_deployed_employees", 2023)
    assert figures.value("ero.swb_deployed_employees", 2023) == old + 80 == 1409
    assert "more than 1,300 of its employees — 17%" in _before(demo)
    assert "more than 1,400 of its employees — 18% of its workforce" in text


def test_hsi_rounds_counted_exactly_lose_their_qualifier(
    demo: Demo, warehouse_copy: Warehouse
) -> None:
    seizures = _partition(warehouse_copy, "seizures", 2023)
    wat_rounds = pc.fill_null(
        pc.and_(
            pc.equal(seizures.column("operation"), "without_a_trace"),
            pc.equal(seizures.column("commodity"), "ammunition_rounds"),
        ),
        False,
    )
    assert pc.any(
        pc.and_(wat_rounds, pc.equal(seizures.column("quantity_qualifier"), "at_least"))
    ).as_py()
    exact = pc.if_else(wat_rounds, "exact", seizures.column("quantity_qualifier"))
    warehouse_copy.write_table("seizures", _set(seizures, "quantity_qualifier", exact))

    figures, text = _rebuild(demo, warehouse_copy)
    fig = figures.get("hsi.wat_rounds_seized", 2023)
    assert (fig.value, fig.bound) == (152_232, "exact")
    assert demo.result.figures.get("hsi.wat_rounds_seized", 2023).bound == "lower"
    assert "more than 152,232 rounds" in _before(demo)
    assert "magazines and 152,232 rounds of ammunition" in text
    assert "more than 152,232" not in text


def test_hsi_dropping_eight_arrests(demo: Demo, warehouse_copy: Warehouse) -> None:
    arrests = _partition(warehouse_copy, "hsi_arrests", 2023)
    plain = pc.and_(
        pc.is_null(arrests.column("operation")), pc.is_null(arrests.column("tciu_country"))
    ).to_pylist()
    dropped = {i for i, ok in enumerate(plain) if ok}
    dropped = set(sorted(dropped)[:8])
    keep = pa.array([i not in dropped for i in range(arrests.num_rows)])
    warehouse_copy.write_table("hsi_arrests", arrests.filter(keep))

    figures, text = _rebuild(demo, warehouse_copy)
    assert figures.value("hsi.criminal_arrests", 2023) == 33_100
    assert figures.value("hsi.wat_criminal_arrests", 2023) == 185
    assert "HSI made 33,100 criminal arrests" in text


def test_opla_two_thousand_removal_orders_become_relief(
    demo: Demo, warehouse_copy: Warehouse
) -> None:
    completions = _partition(warehouse_copy, "opla_completions", 2023)
    outcome = completions.column("outcome").to_pylist()
    orders = [i for i, o in enumerate(outcome) if o == "removal_order"][:2000]
    for i in orders:
        outcome[i] = "relief_granted"
    warehouse_copy.write_table("opla_completions", _set(completions, "outcome", pa.array(outcome)))

    figures, text = _rebuild(demo, warehouse_copy)
    assert figures.value("opla.removal_orders", 2023) == 215_500
    assert figures.value("opla.relief_orders", 2023) == 51_000
    assert figures.value("opla.case_completions", 2023) == (
        demo.result.figures.value("opla.case_completions", 2023)
    )
    assert "51,000 orders of relief, 215,500 removal orders" in text


def test_ma_a_thousand_more_employees(demo: Demo, warehouse_copy: Warehouse) -> None:
    staff = _partition(warehouse_copy, "workforce", 2023)
    extra = pa.table(
        {
            "employee_id": [f"E-TEST-{i}" for i in range(1000)],
            "as_of_date": [date(2023, 9, 30)] * 1000,
            "office": ["M&A"] * 1000,
            "law_enforcement": [False] * 1000,
        }
    )
    warehouse_copy.write_table("workforce", pa.concat_tables([staff, extra]))

    figures, text = _rebuild(demo, warehouse_copy)
    assert (
        figures.value("ma.workforce", 2023)
        == demo.result.figures.value("ma.workforce", 2023) + 1000
    )
    assert figures.value("ma.workforce", 2023, "office", "M&A") == 2650
    assert "ICE counted more than 21,000 employees" in text


def test_opr_a_fourth_program_office_is_submitted(demo: Demo, warehouse_copy: Warehouse) -> None:
    submissions = _partition(warehouse_copy, "submissions", 2023)
    row = {
        "submission_id": "SUB-TEST",
        "metric": "opr.program_offices",
        "as_of_date": date(2023, 9, 30),
        "item": "OPR Audits",
        "value": 1.0,
        "unit": "offices",
        "quantity_qualifier": "exact",
        "submitted_by": "OPR Front Office",
        "submitted_on": date(2023, 12, 1),
        "source": "a correction",
    }
    extra = pa.Table.from_pylist([row], schema=submissions.schema)
    warehouse_copy.write_table("submissions", pa.concat_tables([submissions, extra]))

    figures, text = _rebuild(demo, warehouse_copy)
    assert figures.value("opr.program_offices", 2023) == 4
    # Listed in the order submitted: the correction, submitted last, comes last.
    assert (
        "four program offices: ICE Security, ICE Inspections, OPR Investigations and OPR Audits"
        in text
    )
    with Database(warehouse_copy) as db:
        lineage = db.query(figures.get("opr.program_offices", 2023).sql).to_pylist()
    latest = next(r for r in lineage if r["fiscal_year"] == 2023)
    assert latest["value"] == 4
    assert latest["submitted_by"] == "OPR Front Office"
    assert latest["submitted_on"] == date(2023, 12, 1)
    assert "a correction" in latest["source"]


def test_explain_states_a_figures_bound_and_a_submissions_provenance(demo: Demo) -> None:
    rounds = yearbook(
        "explain", "hsi.wat_rounds_seized", "--fy", "2023", "--build", str(demo.result.out)
    )
    assert rounds.returncode == 0, rounds.stderr
    assert "bound: lower" in rounds.stdout
    trained = yearbook(
        "explain", "hsi.tciu_personnel_trained", "--fy", "2023", "--build", str(demo.result.out)
    )
    assert "bound: approximate" in trained.stdout
    assert "submitted_by" in trained.stdout and "FROM submissions" in trained.stdout
