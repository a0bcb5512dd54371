"""Breakdowns declared with ``top``: each year's largest categories and one rest row.

The figures come from a small table run through the compiler on DuckDB (the same
SQL for Spark is checked in tests/test_spark.py); ties are in the data on purpose.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from yearbook.disclosure import DisclosurePolicy
from yearbook.disclosure.apply import apply_policy, metric_table
from yearbook.disclosure.protect import unprotected
from yearbook.errors import DeclarationError
from yearbook.figures import Figures
from yearbook.figures.compute import compute_figures
from yearbook.figures.meta import metric_meta
from yearbook.metrics.compiler import compile_plan
from yearbook.metrics.declarations import MetricDecl, load_metrics
from yearbook.report import Report
from yearbook.rules import top_and_rest

REST = "All other areas"

# (fiscal year, area or None, arrests): A and B tie in 2022, B and C in 2023.
ARRESTS = {
    2022: {"A": 5, "B": 5, "C": 3, "D": 3, "E": 1},
    2023: {"C": 4, "B": 4, "A": 1, None: 1},
    2024: {"A": 40, "B": 30, "C": 2},
}
# What `top: {aor: {n: 2}}` must give, worked out by hand.
EXPECTED = {
    2022: {"A": 5, "B": 5, REST: 7},
    2023: {"B": 4, "C": 4, REST: 2},
    2024: {"A": 40, "B": 30, REST: 2},
}


def top_metrics() -> dict[str, MetricDecl]:
    decl = MetricDecl.model_validate(
        {
            "id": "t.arrests",
            "label": "arrests",
            "definition": "Arrests.",
            "unit": "arrests",
            "measure": "count",
            "table": "arrests",
            "breakdowns": ["aor"],
            "top": {"aor": {"n": 2, "rest": REST}},
        }
    )
    return {decl.id: decl}


def arrest_rows() -> list[tuple[int, str | None]]:
    return [
        (fy, aor) for fy, cells in ARRESTS.items() for aor, n in cells.items() for _ in range(n)
    ]


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE arrests (fiscal_year INTEGER, aor VARCHAR, duplicate_rule VARCHAR)"
    )
    connection.executemany("INSERT INTO arrests VALUES (?, ?, NULL)", arrest_rows())
    yield connection
    connection.close()


def _run(con: duckdb.DuckDBPyConnection) -> Any:
    return lambda sql: con.sql(sql).to_arrow_table()


@pytest.fixture(scope="module")
def figures(con: duckdb.DuckDBPyConnection, report: Report) -> pa.Table:
    return compute_figures(top_metrics(), _run(con), ARRESTS, tables=report.pack.tables)


def _by_year(table: pa.Table) -> dict[int, dict[str, float]]:
    out: dict[int, dict[str, float]] = {}
    for row in table.to_pylist():
        if row["breakdown"] == "aor":
            out.setdefault(row["fiscal_year"], {})[row["breakdown_value"]] = row["value"]
    return out


def test_top_categories_and_the_rest_sum_to_the_total(figures: pa.Table) -> None:
    assert _by_year(figures) == EXPECTED
    totals = {r["fiscal_year"]: r["value"] for r in figures.to_pylist() if not r["breakdown"]}
    for fy, cells in ARRESTS.items():
        assert totals[fy] == sum(cells.values()) == sum(EXPECTED[fy].values())


def test_the_lineage_sql_gives_the_same_rows(
    figures: pa.Table, con: duckdb.DuckDBPyConnection, report: Report
) -> None:
    sql = compile_plan(top_metrics(), report.pack.tables).lineage[("t.arrests", "aor")]
    assert {r["sql"] for r in figures.to_pylist() if r["breakdown"] == "aor"} == {sql}
    rows = con.execute(sql).fetchall()
    assert {(fy, cat): v for fy, cat, v in rows} == {
        (fy, cat): v for fy, cells in EXPECTED.items() for cat, v in cells.items()
    }


@given(
    values=st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 5), max_size=8),
    n=st.integers(1, 6),
    order=st.randoms(),
)
def test_top_and_rest_keeps_the_largest_whatever_the_order(
    values: dict[str, int], n: int, order: Any
) -> None:
    shuffled = list(values.items())
    order.shuffle(shuffled)
    kept = top_and_rest(dict(shuffled), n, "rest")
    assert kept == top_and_rest(values, n, "rest")  # ties broken by name, not by input order
    assert sum(kept.values()) == sum(values.values())
    assert len(kept) == min(len(values), n + 1)
    named = [c for c in kept if c != "rest"]
    assert named == sorted(values, key=lambda c: (-values[c], c))[:n]


def test_a_category_named_like_the_rest_is_refused() -> None:
    with pytest.raises(DeclarationError, match="label of the rest row"):
        top_and_rest({"rest": 9, "a": 1, "b": 1}, 1, "rest")


def _write(tmp_path: Path, change: dict[str, Any]) -> Path:
    folder = tmp_path / "metrics"
    folder.mkdir()
    base = {
        "id": "t.x",
        "label": "x",
        "definition": "x",
        "unit": "arrests",
        "measure": "count",
        "table": "arrests",
        "breakdowns": ["aor", "month"],
    }
    (folder / "m.yaml").write_text(yaml.safe_dump([{**base, **change}]))
    return folder


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"top": {"office": {"n": 3, "rest": "Others"}}}, "not one of the metric's breakdowns"),
        ({"top": {"month": {"n": 3, "rest": "Others"}}}, "takes no 'top'"),
        ({"top": {"aor": {"n": 0, "rest": "Others"}}}, "greater than or equal to 1"),
        ({"top": {"aor": {"n": 3, "rest": " "}}}, "label is empty"),
        (
            {
                "measure": "count_distinct",
                "column": "person_id",
                "top": {"aor": {"n": 3, "rest": "O"}},
            },
            "needs a count or a sum",
        ),
    ],
)
def test_bad_top_declarations_are_refused(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    with pytest.raises(DeclarationError, match=message):
        load_metrics(_write(tmp_path, change))


def test_a_small_rest_row_is_suppressed_and_cannot_be_recovered(
    figures: pa.Table, report: Report
) -> None:
    """2024: A 40, B 30 and a rest of 2 -- the rest is withheld, and so is a complement."""
    meta = metric_meta(top_metrics())
    policy = DisclosurePolicy(min_count=3)
    published = Figures(apply_policy(figures, meta, policy))
    rest = published.get("t.arrests", 2024, "aor", REST)
    assert rest.suppressed and rest.value is None
    withheld = {
        (f.metric, f.fiscal_year, f.breakdown, f.breakdown_value) for f in published if f.suppressed
    }
    assert len({k for k in withheld if k[1] == 2024}) >= 2  # a complement besides the rest
    linear = metric_table(meta["t.arrests"], figures.to_pylist())
    assert unprotected(linear, withheld) == []
    shown = [f.value for f in published if not f.suppressed and f.value is not None]
    assert all(not math.isclose(v, 2) for v in shown)
