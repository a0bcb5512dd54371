"""Complementary suppression, proven: no suppressed cell can be worked out from the rest.

Each property draws a random table with small cells and its totals, suppresses
it, then solves its own linear programs (scipy's HiGHS, over the whole table at
once, independently of the code under test) for the smallest and largest value
each suppressed cell can take given every published cell and total. The range
must be wider than a single value.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from yearbook.disclosure.protect import LinearTable, Relation, feasible_ranges, protect

MIN_COUNT = 10

Cell = tuple[str, int, int]
"""("cell", row, column), ("row", row, -1) for a row total, ("col", -1, column)."""


def _two_way(grid: list[list[int]], column_totals: bool) -> LinearTable[Cell]:
    """A rows x columns table with its row totals (and column totals and grand total)."""
    rows, cols = len(grid), len(grid[0])
    values: dict[Cell, float] = {}
    relations: list[Relation[Cell]] = []
    for r in range(rows):
        for c in range(cols):
            values[("cell", r, c)] = grid[r][c]
        values[("row", r, -1)] = sum(grid[r])
        relations.append(Relation(("row", r, -1), tuple(("cell", r, c) for c in range(cols))))
    if column_totals:
        for c in range(cols):
            values[("col", -1, c)] = sum(grid[r][c] for r in range(rows))
            relations.append(Relation(("col", -1, c), tuple(("cell", r, c) for r in range(rows))))
        values[("all", -1, -1)] = sum(map(sum, grid))
        relations.append(Relation(("all", -1, -1), tuple(("row", r, -1) for r in range(rows))))
    return LinearTable(values, tuple(relations))


def _exact_range(table: LinearTable[Cell], hidden: set[Cell], cell: Cell) -> tuple[float, float]:
    """min and max of one hidden cell under every relation, all hidden cells >= 0."""
    keys = sorted(hidden)
    at = {k: i for i, k in enumerate(keys)}
    a_eq, b_eq = [], []
    for rel in table.relations:
        row = np.zeros(len(keys))
        rhs = 0.0
        for key, sign in [(rel.total, -1.0), *((p, 1.0) for p in rel.parts)]:
            if key in at:
                row[at[key]] += sign
            else:
                rhs -= sign * table.values[key]
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs)
    bounds = []
    for sign in (1.0, -1.0):
        c = np.zeros(len(keys))
        c[at[cell]] = sign
        res = linprog(c, A_eq=np.array(a_eq) if a_eq else None, b_eq=b_eq or None, method="highs")
        assert res.status in (0, 3), res.message
        bounds.append(math.inf if res.status == 3 else sign * res.fun)
    return bounds[0], bounds[1]


small_or_large = st.one_of(st.integers(1, MIN_COUNT - 1), st.integers(MIN_COUNT, 400))
grids = st.integers(1, 5).flatmap(
    lambda rows: st.integers(2, 7).flatmap(
        lambda cols: st.lists(
            st.lists(small_or_large, min_size=cols, max_size=cols), min_size=rows, max_size=rows
        )
    )
)


def _check(table: LinearTable[Cell]) -> set[Cell]:
    primary = {k for k, v in table.values.items() if 0 < v < MIN_COUNT}
    hidden = protect(table, primary)
    assert primary <= hidden
    for cell in hidden:
        low, high = _exact_range(table, hidden, cell)
        assert high - low >= 1 - 1e-7, (cell, table.values[cell], low, high)
        assert low - 1e-7 <= table.values[cell] <= high + 1e-7
    return hidden


@settings(max_examples=40, deadline=None)
@given(grids)
def test_no_cell_is_recoverable_from_row_totals(grid: list[list[int]]) -> None:
    """Categories by year with each year's total: the shape of every breakdown table."""
    _check(_two_way(grid, column_totals=False))


@settings(max_examples=40, deadline=None)
@given(grids)
def test_no_cell_is_recoverable_from_row_and_column_totals(grid: list[list[int]]) -> None:
    """With column totals and a grand total too, a suppressed cell stays hidden."""
    _check(_two_way(grid, column_totals=True))


@settings(max_examples=20, deadline=None)
@given(grids)
def test_feasible_ranges_agree_with_one_program_over_the_whole_table(
    grid: list[list[int]],
) -> None:
    """The per-group programs of the code give the same ranges as one big program."""
    table = _two_way(grid, column_totals=True)
    hidden = protect(table, {k for k, v in table.values.items() if 0 < v < MIN_COUNT})
    for cell, (low, high) in feasible_ranges(table, hidden).items():
        exact_low, exact_high = _exact_range(table, hidden, cell)
        assert math.isclose(low, exact_low, abs_tol=1e-6)
        assert high == exact_high or math.isclose(high, exact_high, abs_tol=1e-6)


# A single suppressed cell and the rest published: the textbook leak, and its fix.
CASES = [
    # (row of cells, primary, expected suppressed set)
    ([3, 40, 77], {0}, {0, 1}),
    ([3, 4, 77], {0, 1}, {0, 1}),
    ([3, 40, 12], {0}, {0, 2}),
    ([5], {0}, {0, "total"}),
]


def test_single_rows_spec() -> None:
    for cells, primary, expected in CASES:
        keys = list(range(len(cells)))
        values: dict[int | str, float] = {k: float(v) for k, v in zip(keys, cells, strict=True)}
        values["total"] = float(sum(cells))
        table = LinearTable(values, (Relation("total", tuple(keys)),))
        assert protect(table, primary) == expected, cells


def test_unprotected_cell_is_found() -> None:
    table = LinearTable({"t": 50.0, "a": 3.0, "b": 47.0}, (Relation("t", ("a", "b")),))
    assert feasible_ranges(table, {"a"}) == {"a": (3.0, 3.0)}


def test_distinct_counts_use_bounds_not_sums() -> None:
    """People counted in two categories: the total is at most the sum of its parts."""
    table = LinearTable(
        {"t": 100.0, "a": 4.0, "b": 60.0, "c": 50.0}, (Relation("t", ("a", "b", "c"), False),)
    )
    low, high = feasible_ranges(table, {"a"})["a"]
    assert (low, high) == (0.0, 100.0)
