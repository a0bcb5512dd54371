"""The ``submitted`` measure and figure bounds, on a small warehouse built by hand.

Submitted figures read the submissions table (one row per figure or per list
item) and carry who submitted them in their lineage; a year with nothing
submitted is a gap, not a zero. A sum over rows whose quantity is a lower bound
or an estimate gets the bound ``lower`` or ``approximate``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
import yaml

from tests.conftest import ICE
from yearbook.errors import DeclarationError
from yearbook.figures import Figures
from yearbook.figures.compute import compute_figures
from yearbook.metrics.compiler import compile_plan
from yearbook.metrics.declarations import MetricDecl, load_metrics
from yearbook.warehouse import Database, Warehouse

METRICS = [
    {
        "id": "hsi.rounds",
        "label": "rounds",
        "definition": "rounds",
        "unit": "rounds",
        "measure": "sum",
        "table": "seizures",
        "column": "quantity",
        "filter": "commodity = 'ammunition_rounds'",
        "bound_column": "quantity_qualifier",
        "breakdowns": ["tciu_country"],
        "disclosure": "none",
    },
    {
        "id": "opr.offices",
        "label": "offices",
        "definition": "offices",
        "unit": "offices",
        "measure": "submitted",
        "breakdowns": ["item"],
        "disclosure": "none",
    },
    {
        "id": "hsi.trained",
        "label": "trained",
        "definition": "trained",
        "unit": "personnel",
        "measure": "submitted",
        "disclosure": "none",
    },
]

# (fiscal year, TCIU country, quantity, qualifier) of each seizure of rounds
SEIZURES = [
    (2022, "PERU", 100, "exact"),
    (2022, "PERU", 50, "exact"),
    (2023, "PERU", 1000, "at_least"),
    (2023, "PERU", 500, "exact"),
    (2023, "CHILE", 20, "estimated"),
    (2023, "CHILE", 30, "at_least"),
    (2023, "BRAZIL", 7, "exact"),
]

# (metric, fiscal year, item, value, qualifier, submitted by, submitted on)
SUBMISSIONS = [
    ("opr.offices", 2023, "Security", 1, "exact", "OPR", date(2023, 10, 2)),
    ("opr.offices", 2023, "Inspections", 1, "exact", "OPR", date(2023, 10, 2)),
    ("hsi.trained", 2023, None, 200, "estimated", "HSI International", date(2023, 11, 3)),
    ("hsi.trained", 2021, None, 120, "exact", "HSI International", date(2021, 11, 5)),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Warehouse, dict[str, MetricDecl]]:
    root = tmp_path_factory.mktemp("small")
    warehouse = Warehouse(root / "warehouse", ICE.tables)
    warehouse.write_table(
        "seizures",
        pa.Table.from_pylist(
            [
                {
                    "seizure_id": f"S{i}",
                    "seizure_date": date(fy - 1, 12, 1),
                    "commodity": "ammunition_rounds",
                    "quantity": float(qty),
                    "unit": "items",
                    "quantity_qualifier": qualifier,
                    "tciu_country": country,
                }
                for i, (fy, country, qty, qualifier) in enumerate(SEIZURES)
            ]
        ),
    )
    warehouse.write_table(
        "submissions",
        pa.Table.from_pylist(
            [
                {
                    "submission_id": f"X{i}",
                    "metric": metric,
                    "as_of_date": date(fy, 9, 30),
                    "item": item,
                    "value": float(value),
                    "quantity_qualifier": qualifier,
                    "submitted_by": who,
                    "submitted_on": when,
                    "source": "test",
                }
                for i, (metric, fy, item, value, qualifier, who, when) in enumerate(SUBMISSIONS)
            ]
        ),
    )
    folder = root / "metrics"
    folder.mkdir()
    (folder / "m.yaml").write_text(yaml.safe_dump(METRICS))
    return warehouse, load_metrics(folder)


@pytest.fixture(scope="module")
def figures(small: tuple[Warehouse, dict[str, MetricDecl]]) -> Figures:
    warehouse, metrics = small
    with Database(warehouse) as db:
        return Figures(compute_figures(metrics, db.query, [2021, 2022, 2023], tables=ICE.tables))


@pytest.mark.parametrize(
    ("breakdown", "category", "fy", "value", "bound"),
    [
        ("", "", 2022, 150, "exact"),
        ("", "", 2023, 1557, "approximate"),  # estimates and lower bounds: an estimate
        ("tciu_country", "PERU", 2023, 1500, "lower"),
        ("tciu_country", "CHILE", 2023, 50, "approximate"),
        ("tciu_country", "BRAZIL", 2023, 7, "exact"),
        ("", "", 2021, 0, "exact"),  # no records: a zero, exactly
    ],
)
def test_bounds_follow_the_records(
    figures: Figures, breakdown: str, category: str, fy: int, value: float, bound: str
) -> None:
    fig = figures.get("hsi.rounds", fy, breakdown, category)
    assert (fig.value, fig.bound) == (value, bound)


def test_submitted_values_items_and_bounds(figures: Figures) -> None:
    assert figures.value("opr.offices", 2023) == 2
    items = figures.breakdown("opr.offices", 2023, "item")
    assert sorted(f.breakdown_value for f in items) == ["Inspections", "Security"]
    trained = figures.get("hsi.trained", 2023)
    assert (trained.value, trained.bound) == (200, "approximate")
    assert figures.get("hsi.trained", 2021).bound == "exact"


def test_list_items_keep_the_order_they_were_submitted_in(figures: Figures) -> None:
    items = figures.breakdown("opr.offices", 2023, "item")
    places = {f.breakdown_value: f.position for f in items}
    assert places == {"Security": 1, "Inspections": 2}  # submitted first, not alphabetical
    assert figures.get("opr.offices", 2023).position is None
    assert all(f.position is None for f in figures if f.metric != "opr.offices")


def test_the_plan_explains_its_order_queries(
    small: tuple[Warehouse, dict[str, MetricDecl]],
) -> None:
    plan = compile_plan(small[1], ICE.tables)
    assert [(s.table, s.breakdown, s.metrics) for s in plan.orders] == [
        ("submissions", "item", ("opr.offices",))
    ]
    assert "order of submissions by item" in plan.explain()


def test_nothing_submitted_is_a_gap_not_a_zero(figures: Figures) -> None:
    assert figures.find("hsi.trained", 2022) is None
    assert figures.find("opr.offices", 2022) is None
    assert figures.get("hsi.trained", 2023).yoy_change is None


def test_submitted_lineage_names_who_submitted_and_when(
    small: tuple[Warehouse, dict[str, MetricDecl]], figures: Figures
) -> None:
    warehouse, _ = small
    sql = figures.get("hsi.trained", 2023).sql
    assert "submissions" in sql and "hsi.trained" in sql
    with Database(warehouse) as db:
        rows = {r["fiscal_year"]: r for r in db.query(sql).to_pylist()}
    assert rows[2023]["value"] == 200
    assert rows[2023]["submitted_by"] == "HSI International"
    assert rows[2023]["submitted_on"] == date(2023, 11, 3)
    assert rows[2023]["source"] == "test"


def test_the_plan_explains_its_bound_queries(
    small: tuple[Warehouse, dict[str, MetricDecl]],
) -> None:
    plan = compile_plan(small[1], ICE.tables)
    assert {s.table for s in plan.bounds} == {"seizures", "submissions"}
    assert "bounds of seizures" in plan.explain()
    assert "'at_least'" in plan.explain() and "'estimated'" in plan.explain()


BASE = {"id": "hsi.x", "label": "x", "definition": "x", "unit": "x"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"measure": "submitted", "table": "seizures"}, "reads the submissions table"),
        ({"measure": "submitted", "numerator": "hsi.y"}, "takes no numerator"),
    ],
)
def test_invalid_declarations_are_refused(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    (tmp_path / "m.yaml").write_text(yaml.safe_dump([{**BASE, **change}]))
    with pytest.raises(DeclarationError, match=message):
        load_metrics(tmp_path)


def test_a_bound_column_must_be_a_column_of_the_table() -> None:
    decl = MetricDecl.model_validate(
        {**BASE, "measure": "count", "table": "seizures", "bound_column": "nothing"}
    )
    assert decl.table_problems(ICE.tables) == [
        (("bound_column",), "bound_column 'nothing' is not a column of seizures")
    ]


def test_a_submitted_declaration_is_completed() -> None:
    decl = MetricDecl.model_validate({**BASE, "measure": "submitted"})
    assert (decl.table, decl.column, decl.bound_column) == (
        "submissions",
        "value",
        "quantity_qualifier",
    )
    assert decl.tables == ("submissions",)
