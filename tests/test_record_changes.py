"""Figures come from records, not from the calibration targets.

Change the records and the figures, and the sentences that state them, change
by exactly that much.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tests.conftest import REPORT_DIR, Demo
from yearbook.build import build
from yearbook.figures import Figures
from yearbook.narrative.render import strip_links
from yearbook.narrative.style import count as style_count
from yearbook.warehouse import Database, Warehouse


def _at_large_methods() -> list[str]:
    with (REPORT_DIR / "reference" / "apprehension_methods.csv").open() as fh:
        return [r["apprehension_method"] for r in csv.DictReader(fh) if r["at_large"] == "true"]


def _drop_rows(warehouse: Warehouse, table: str, year: int, keep: pa.Array) -> None:
    with Database(warehouse) as db:
        part = db.query(f"SELECT * EXCLUDE (fiscal_year) FROM {table} WHERE fiscal_year = {year}")
    warehouse.write_table(table, part.filter(keep), replace=True)


def _changed(
    before: Figures, after: Figures
) -> dict[tuple[str, int, str, str], tuple[float | None, float | None]]:
    out = {}
    for fig in before:
        other = after.find(fig.metric, fig.fiscal_year, fig.breakdown, fig.breakdown_value)
        new = other.value if other else None
        if new != fig.value:
            out[(fig.metric, fig.fiscal_year, fig.breakdown, fig.breakdown_value)] = (
                fig.value,
                new,
            )
    return out


def _text(markdown: str) -> str:
    return re.sub(r"\s+", " ", strip_links(markdown))


def test_dropping_ten_at_large_arrests(
    demo: Demo, warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    methods = _at_large_methods()
    with Database(warehouse_copy) as db:
        part = db.query("SELECT * FROM arrests WHERE fiscal_year = 2023")
    at_large = pc.is_in(part.column("apprehension_method"), pa.array(methods))
    no_history = pc.equal(part.column("criminality"), "other")
    candidates = pc.and_(at_large, no_history).to_pylist()
    chosen = [i for i, ok in enumerate(candidates) if ok][:10]
    keep = pa.array([i not in set(chosen) for i in range(part.num_rows)])
    _drop_rows(warehouse_copy, "arrests", 2023, keep)

    after = build(demo.report, warehouse_copy, tmp_path / "site")
    before = demo.result.figures
    old_at_large = before.value("ero.at_large_arrests", 2023)
    assert after.figures.value("ero.at_large_arrests", 2023) == old_at_large - 10
    assert (
        after.figures.value("ero.admin_arrests", 2023)
        == before.value("ero.admin_arrests", 2023) - 10
    )

    changed = _changed(before, after.figures)
    touched = {metric for metric, *_ in changed}
    assert touched <= {
        "ero.at_large_arrests",
        "ero.admin_arrests",
        "ero.arrests_criminal_history_share",
    }
    assert all(year == 2023 for _, year, _, _ in changed)

    old_text, new_text = _text(demo.result.markdown), _text(after.markdown)
    assert style_count(old_at_large).text in old_text
    assert style_count(old_at_large - 10).text in new_text
    assert style_count(old_at_large).text not in new_text


def test_adding_a_terrorist_removal_changes_the_sentence(
    demo: Demo, warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    with Database(warehouse_copy) as db:
        part = db.query("SELECT * EXCLUDE (fiscal_year) FROM removals WHERE fiscal_year = 2023")
    flags = part.column("kst").to_pylist()
    plain = next(i for i, f in enumerate(flags) if not f and not part.column("gang")[i].as_py())
    flags[plain] = True
    part = part.set_column(part.schema.get_field_index("kst"), "kst", pa.array(flags))
    warehouse_copy.write_table("removals", part, replace=True)

    after = build(demo.report, warehouse_copy, tmp_path / "site")
    old = demo.result.figures.value("ero.removals_kst", 2023)
    assert after.figures.value("ero.removals_kst", 2023) == old + 1
    prior = after.figures.value("ero.removals_kst", 2022)
    change = 100 * (old + 1 - prior) / prior
    assert f"a {change:.1f}% increase" in _text(after.markdown)
