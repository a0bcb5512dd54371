"""Primary and complementary suppression of a linear table, proven by linear programming.

A `LinearTable` is a set of cells (non-negative values) and the relations a
reader knows between them: a total equals the sum of its parts (counts), or,
for distinct counts, a total is at most the sum of its parts and at least each
one. A breakdown by category over fiscal years is such a table: each year's
headline total is the sum of that year's categories.

Suppressing a cell is not enough: with a total and the other cells published
it is one subtraction away. `protect` adds complementary suppressions until
every suppressed cell's *feasible range* — the smallest and largest value it
can take given everything published — is at least ``margin`` wide. The range
is computed exactly, by linear programming (scipy's HiGHS), one connected
group of suppressed cells at a time.

>>> table = LinearTable(
...     {"total": 120, "a": 3, "b": 40, "c": 77},
...     (Relation("total", ("a", "b", "c")),),
... )
>>> sorted(protect(table, {"a"}))
['a', 'b']
>>> feasible_ranges(table, {"a", "b"})["a"]
(0.0, 43.0)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
from scipy.optimize import linprog

from yearbook.errors import InternalError

__all__ = ["LinearTable", "Relation", "feasible_ranges", "protect", "unprotected"]

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Relation(Generic[K]):
    """``total`` = sum of ``parts`` (``exact``), or ``max(parts) <= total <= sum(parts)``."""

    total: K
    parts: tuple[K, ...]
    exact: bool = True

    @property
    def keys(self) -> tuple[K, ...]:
        return (self.total, *self.parts)


@dataclass(frozen=True)
class LinearTable(Generic[K]):
    """Cells with their true values, and the relations a reader knows between them."""

    values: Mapping[K, float]
    relations: tuple[Relation[K], ...]


def protect(table: LinearTable[K], primary: Iterable[K], margin: float = 1.0) -> set[K]:
    """The primary cells plus complementary ones, so that none is recoverable."""
    suppressed = set(primary)
    _single_unknowns(table, suppressed)
    while True:
        weak = unprotected(table, suppressed, margin)
        added: set[K] = set()
        for key in weak:
            # One new cell per group and round: the next round sees its effect.
            if any(
                key in rel.keys and other in rel.keys for rel in table.relations for other in added
            ):
                continue
            extra = _complement(table, suppressed, key)
            if extra is not None and extra not in suppressed:
                added.add(extra)
        if not added:
            return suppressed
        suppressed |= added


def unprotected(table: LinearTable[K], suppressed: set[K], margin: float = 1.0) -> list[K]:
    """Suppressed cells whose feasible range is narrower than ``margin``."""
    ranges = feasible_ranges(table, suppressed)
    return [key for key, (low, high) in ranges.items() if high - low < margin - 1e-9]


def feasible_ranges(table: LinearTable[K], suppressed: set[K]) -> dict[K, tuple[float, float]]:
    """The smallest and largest value of each suppressed cell, given the published ones.

    A group whose published values contradict its relations (no solution at
    all) gets ``(nan, nan)``.
    """
    out: dict[K, tuple[float, float]] = {}
    for group, relations in _components(table, suppressed):
        out.update(_group_ranges(table, group, relations))
    return out


def _single_unknowns(table: LinearTable[K], suppressed: set[K]) -> None:
    """Cheap first pass: no exact relation may have exactly one suppressed cell."""
    changed = True
    while changed:
        changed = False
        for rel in table.relations:
            unknown = [k for k in rel.keys if k in suppressed]
            if rel.exact and len(unknown) == 1:
                extra = _smallest(table, suppressed, [rel])
                if extra is not None:
                    suppressed.add(extra)
                    changed = True


def _complement(table: LinearTable[K], suppressed: set[K], key: K) -> K | None:
    """A published cell to suppress next to protect ``key``: the smallest nearby one."""
    near = [rel for rel in table.relations if key in rel.keys]
    found = _smallest(table, suppressed, near)
    if found is not None:
        return found
    for group, relations in _components(table, suppressed):
        if key in group:
            return _smallest(table, suppressed, relations, any_cell=True)
    return None


def _smallest(
    table: LinearTable[K], suppressed: set[K], relations: list[Relation[K]], any_cell: bool = False
) -> K | None:
    """The smallest published cell of the relations, parts before totals, nonzero first."""
    candidates: list[tuple[int, float, str, K]] = []
    for rel in relations:
        for rank, keys in ((0, rel.parts), (1, (rel.total,))):
            for k in keys:
                value = table.values.get(k, 0.0)
                if k not in suppressed and (value > 0 or any_cell):
                    candidates.append((rank, value, repr(k), k))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[:3])[3]


def _components(
    table: LinearTable[K], suppressed: set[K]
) -> list[tuple[set[K], list[Relation[K]]]]:
    """Groups of suppressed cells linked by relations, each with its relations."""
    parent: dict[K, K] = {k: k for k in suppressed}

    def find(k: K) -> K:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    touching: list[tuple[Relation[K], list[K]]] = []
    for rel in table.relations:
        unknown = [k for k in rel.keys if k in suppressed]
        if unknown:
            touching.append((rel, unknown))
            for other in unknown[1:]:
                parent[find(other)] = find(unknown[0])
    groups: dict[K, tuple[set[K], list[Relation[K]]]] = {}
    for k in suppressed:
        groups.setdefault(find(k), (set(), []))[0].add(k)
    for rel, unknown in touching:
        groups[find(unknown[0])][1].append(rel)
    return list(groups.values())


@dataclass
class _System:
    a_eq: list[list[float]]
    b_eq: list[float]
    a_ub: list[list[float]]
    b_ub: list[float]


def _system(table: LinearTable[K], index: dict[K, int], relations: list[Relation[K]]) -> _System:
    """The relations as linear (in)equalities over the suppressed cells of one group."""
    n = len(index)
    sys = _System([], [], [], [])

    def row(terms: list[tuple[K, float]]) -> tuple[list[float], float]:
        coef, const = [0.0] * n, 0.0
        for key, sign in terms:
            if key in index:
                coef[index[key]] += sign
            else:
                const += sign * table.values.get(key, 0.0)
        return coef, -const

    for rel in relations:
        total = [(rel.total, -1.0)]
        if rel.exact:
            coef, rhs = row([*((p, 1.0) for p in rel.parts), *total])
            sys.a_eq.append(coef)
            sys.b_eq.append(rhs)
            continue
        coef, rhs = row([(rel.total, 1.0), *((p, -1.0) for p in rel.parts)])
        sys.a_ub.append(coef)
        sys.b_ub.append(rhs)
        for part in rel.parts:
            coef, rhs = row([(part, 1.0), *total])
            sys.a_ub.append(coef)
            sys.b_ub.append(rhs)
    return sys


def _group_ranges(
    table: LinearTable[K], group: set[K], relations: list[Relation[K]]
) -> dict[K, tuple[float, float]]:
    keys = sorted(group, key=repr)
    index = {k: i for i, k in enumerate(keys)}
    if not relations:
        return {k: (0.0, math.inf) for k in keys}
    single = _single_sum(table, group, relations)
    if single is not None:
        return {k: single for k in keys}
    sys = _system(table, index, relations)
    out = {}
    for key in keys:
        low = _optimum(sys, index[key], len(keys), 1.0)
        high = -_optimum(sys, index[key], len(keys), -1.0)
        out[key] = (low, high)
    return out


def _single_sum(
    table: LinearTable[K], group: set[K], relations: list[Relation[K]]
) -> tuple[float, float] | None:
    """The closed form of the commonest group: unknown parts of one published total.

    Parts ``x_1..x_k >= 0`` adding up to a known remainder ``r``: each lies in
    ``[0, r]`` (``[r, r]`` when alone). Anything else returns None (solve it).
    """
    if len(relations) != 1 or not relations[0].exact or relations[0].total in group:
        return None
    rel = relations[0]
    rest = float(table.values.get(rel.total, 0.0))
    rest -= sum(table.values.get(p, 0.0) for p in rel.parts if p not in group)
    if rest < 0:
        return (math.nan, math.nan)
    return (rest, rest) if len(group) == 1 else (0.0, rest)


def _optimum(sys: _System, at: int, n: int, sign: float) -> float:
    """min (sign x cell) subject to the system and every cell >= 0."""
    c = np.zeros(n)
    c[at] = sign
    result = linprog(
        c,
        A_ub=np.array(sys.a_ub) if sys.a_ub else None,
        b_ub=np.array(sys.b_ub) if sys.b_ub else None,
        A_eq=np.array(sys.a_eq) if sys.a_eq else None,
        b_eq=np.array(sys.b_eq) if sys.b_eq else None,
        bounds=(0, None),
        method="highs",
    )
    if result.status == 3:
        return -math.inf
    if result.status == 2:
        return math.nan
    if result.status != 0:
        raise InternalError(f"disclosure check: the linear program failed: {result.message}")
    return float(result.fun)
