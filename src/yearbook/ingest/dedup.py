"""De-duplication rules, as the public cleaning work of agencies' releases applies them.

Rows are flagged, never deleted: the rule that flagged a row is written to the
table's dedup column and metrics leave flagged rows out by default. The first
row of each group (in event time, then file order) is kept unflagged. A layout
names the rules its table's rows go through; a table sets the rules that take a
setting (``duplicate_rules:`` in its declaration, `yearbook.tables.RuleSetting`).

``exact``               every canonical column and the event time equal an earlier row's
``same_person_day``     the same person on the same day
``arrest_episode_24h``  an event of the same person within 24 hours of their previous
                        one (episodes chain; rows the table names under ``sorts_last``
                        come last within the same second)
``stint_same_day``      a row of the same person sharing the columns the table names
                        under ``same`` with a later row (the last row is kept)

Rows without a person identifier never match anyone. The rules run as Arrow
sorts and group-bys over the whole table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from yearbook.tables import TableSchema

__all__ = ["DEDUP_COLUMN", "RULES", "flag_duplicates"]

DEDUP_COLUMN = "duplicate_rule"
_ROW = "_row"
_TIME = "_time"
_DAY_SECONDS = 24 * 3600

Mask = np.ndarray
Rule = Callable[[pa.Table, TableSchema, str], Mask]
"""(rows with ``_row`` and ``_time``, their table, person column) -> rows flagged."""


def _numpy(array: pa.Array | pa.ChunkedArray) -> Mask:
    return np.asarray(array.to_numpy(zero_copy_only=False))


def _same_as_previous(data: pa.Table, order: pa.Array, keys: Sequence[str]) -> Mask:
    """For rows in `order`: whether each has the same keys as the row before it.

    Keys are compared one after another, each only on the pairs still equal, so
    the first (most telling) key does most of the work.
    """
    same = np.zeros(len(order), dtype=bool)
    pairs = np.arange(1, len(order), dtype=np.int64)
    for key in keys:
        if not len(pairs):
            break
        col = data.column(key)
        head = pc.take(col, pc.take(order, pa.array(pairs)))
        tail = pc.take(col, pc.take(order, pa.array(pairs - 1)))
        equal = pc.fill_null(pc.equal(head, tail), False)
        both_null = pc.and_(pc.is_null(head), pc.is_null(tail))
        pairs = pairs[_numpy(pc.or_(equal, both_null))]
    same[pairs] = True
    return same


def _known(data: pa.Table, person: str) -> pa.Table:
    """The rows with a person identifier."""
    if data.column(person).null_count == 0:
        return data
    return data.filter(pc.is_valid(data.column(person)))


def _flag_sorted(data: pa.Table, person: str, keys: Sequence[tuple[str, str]]) -> Mask:
    """Rows of a person whose sort keys match the row before them, in that sort."""
    flagged = np.zeros(data.num_rows, dtype=bool)
    known = _known(data, person)
    if known.num_rows < 2:
        return flagged
    order = pc.sort_indices(known, sort_keys=[*keys, (_ROW, keys[-1][1])])
    group = [k for k, _ in keys if k not in (_TIME, "_late")]
    same = _same_as_previous(known, order, group)
    rows = _numpy(pc.take(known.column(_ROW), order))
    flagged[rows[same]] = True
    return flagged


def _exact(data: pa.Table, table: TableSchema, person: str) -> Mask:
    columns = [_TIME, *(c for c in data.column_names if c not in (_ROW, _TIME))]
    order = pc.sort_indices(data, sort_keys=[(c, "ascending") for c in [*columns, _ROW]])
    same = _same_as_previous(data, order, columns)
    flagged = np.zeros(data.num_rows, dtype=bool)
    flagged[_numpy(pc.take(data.column(_ROW), order))[same]] = True
    return flagged


def _same_person_day(data: pa.Table, table: TableSchema, person: str) -> Mask:
    date = table.date_column
    keys = [(person, "ascending"), (date, "ascending"), (_TIME, "ascending")]
    return _flag_sorted(data, person, keys)


def _stint_same_day(data: pa.Table, table: TableSchema, person: str) -> Mask:
    setting = table.duplicate_rules.get("stint_same_day")
    same = setting.same if setting is not None else ()
    keys = [(k, "descending") for k in (person, *same)]
    return _flag_sorted(data, person, keys)


def _arrest_episodes(data: pa.Table, table: TableSchema, person: str) -> Mask:
    flagged = np.zeros(data.num_rows, dtype=bool)
    known = _known(data, person)
    if known.num_rows < 2:
        return flagged
    setting = table.duplicate_rules.get("arrest_episode_24h")
    last = setting.sorts_last if setting is not None else None
    if last is not None and last.column in known.column_names:
        late = pc.fill_null(pc.equal(known.column(last.column), last.value), False)
    else:
        late = pa.array(np.zeros(known.num_rows, dtype=bool))
    known = known.append_column("_late", late)
    keys = [(person, "ascending"), (_TIME, "ascending"), ("_late", "ascending")]
    order = pc.sort_indices(known, sort_keys=[*keys, (_ROW, "ascending")])
    same = _same_as_previous(known, order, [person])
    seconds = _numpy(pc.cast(pc.take(known.column(_TIME), order), pa.int64()))
    gap = np.zeros(len(seconds), dtype=np.int64)
    gap[1:] = seconds[1:] - seconds[:-1]
    rows = _numpy(pc.take(known.column(_ROW), order))
    flagged[rows[same & (gap <= _DAY_SECONDS)]] = True
    return flagged


RULES: dict[str, Rule] = {
    "exact": _exact,
    "same_person_day": _same_person_day,
    "arrest_episode_24h": _arrest_episodes,
    "stint_same_day": _stint_same_day,
}
"""Every rule, by the name a layout and the ``duplicate_rule`` column use."""


def flag_duplicates(
    table: TableSchema, rows: pa.Table, time: pa.Array, rules: Sequence[str], person: str
) -> pa.Array:
    """The rule flagging each row (null when none does); earlier rules win."""
    if not rules or rows.num_rows == 0:
        return pa.nulls(rows.num_rows, pa.string())
    key = table.key
    skipped = (DEDUP_COLUMN, *(key if len(key) == 1 else ()))
    data = rows.select([c for c in rows.column_names if c not in skipped])
    data = data.append_column(_TIME, pc.cast(time, pa.timestamp("s")))
    data = data.append_column(_ROW, pa.array(np.arange(rows.num_rows, dtype=np.int64)))
    code = np.full(rows.num_rows, -1, dtype=np.int64)
    for index, rule in enumerate(rules):
        code[(code < 0) & RULES[rule](data, table, person)] = index
    names = pa.array(list(rules), pa.string())
    index = pa.array(code, pa.int64(), mask=code < 0)
    return pc.take(names, index)
