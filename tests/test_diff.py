"""`yearbook diff`: what changed between two builds.

Changing one record changes exactly the figures that depend on it, and the diff
reports exactly those; sentences whose numbers changed are paired with their
new wording.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Demo
from yearbook.build import build
from yearbook.figures import FIGURES_SCHEMA, Figures
from yearbook.publish.diff import diff_builds, diff_figures, diff_sentences
from yearbook.warehouse import Database, Warehouse

BIN = Path(sys.executable).parent


def _figures(*rows: tuple[str, int, str, str, float | None]) -> Figures:
    records = [
        {
            "metric": m,
            "fiscal_year": y,
            "breakdown": b,
            "breakdown_value": v,
            "value": value,
            "unit": "arrests",
            "status": "published" if value is not None else "suppressed",
            "bound": "exact",
            "prior_value": None,
            "yoy_change": None,
            "yoy_change_pct": None,
            "sql": "SELECT 1",
            "fingerprint": "f",
        }
        for m, y, b, v, value in rows
    ]
    return Figures(pa.Table.from_pylist(records, schema=FIGURES_SCHEMA))


A = _figures(
    ("ero.arrests", 2023, "", "", 100.0),
    ("ero.arrests", 2023, "aor", "Dallas", 60.0),
    ("ero.arrests", 2023, "aor", "Miami", 40.0),
    ("ero.removals", 2023, "", "", 7.0),
)


@pytest.mark.parametrize(
    ("b", "added", "removed", "revised"),
    [
        (A, [], [], []),
        (
            _figures(
                ("ero.arrests", 2023, "", "", 100.0),
                ("ero.arrests", 2023, "aor", "Dallas", 59.0),
                ("ero.arrests", 2023, "aor", "Miami", 41.0),
                ("ero.removals", 2023, "", "", 7.0),
            ),
            [],
            [],
            [("ero.arrests", "Dallas", 60.0, 59.0), ("ero.arrests", "Miami", 40.0, 41.0)],
        ),
        (
            _figures(
                ("ero.arrests", 2023, "", "", 100.0),
                ("ero.arrests", 2023, "aor", "Dallas", 60.0),
                ("ero.arrests", 2023, "aor", "Miami", 40.0),
                ("ero.removals", 2023, "", "", None),
                ("ero.removals", 2024, "", "", 9.0),
            ),
            [("ero.removals", "", None, 9.0)],
            [],
            [("ero.removals", "", 7.0, None)],
        ),
        (
            _figures(("ero.arrests", 2023, "", "", 100.0)),
            [],
            [
                ("ero.arrests", "Dallas", 60.0, None),
                ("ero.arrests", "Miami", 40.0, None),
                ("ero.removals", "", 7.0, None),
            ],
            [],
        ),
    ],
    ids=["same", "moved-between-categories", "suppressed-and-new-year", "removed"],
)
def test_diff_figures(
    b: Figures,
    added: list[tuple[str, str, float | None, float | None]],
    removed: list[tuple[str, str, float | None, float | None]],
    revised: list[tuple[str, str, float | None, float | None]],
) -> None:
    diff = diff_figures(A, b)

    def brief(changes: list) -> list:  # type: ignore[type-arg]
        return [(c.metric, c.breakdown_value, c.old, c.new) for c in changes]

    assert brief(diff.added) == added
    assert brief(diff.removed) == removed
    assert brief(diff.revised) == revised


def test_revised_figures_carry_their_percent_change() -> None:
    b = _figures(("ero.arrests", 2023, "", "", 110.0))
    (change,) = diff_figures(A, b).revised
    assert change.change_pct == pytest.approx(10.0)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("ERO made [170,590](x) arrests. Nothing else.", "ERO made 170,580 arrests. Nothing else.",
         [("ERO made 170,590 arrests.", "ERO made 170,580 arrests.")]),
        ("Removals rose 7.2% in FY 2023.", "Removals rose 7.3% in FY 2023.",
         [("Removals rose 7.2% in FY 2023.", "Removals rose 7.3% in FY 2023.")]),
        ("ERO made 5 arrests.", "ERO made 5 arrests.", []),
        ("ERO made 5 arrests.", "HSI seized 5 tons.", []),
    ],
)  # fmt: skip
def test_sentences_whose_numbers_changed(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.old, c.new) for c in diff_sentences(old, new)] == expected


@given(st.lists(st.integers(min_value=10, max_value=10**7), min_size=1, max_size=6))
def test_a_text_compared_with_itself_has_no_changed_sentence(values: list[int]) -> None:
    text = " ".join(f"Office {chr(65 + i)} counted {v:,} cases." for i, v in enumerate(values))
    assert diff_sentences(text, text) == []
    bumped = " ".join(
        f"Office {chr(65 + i)} counted {v + 1:,} cases." for i, v in enumerate(values)
    )
    assert len(diff_sentences(text, bumped)) == len(values)


def _move_one_removal(warehouse: Warehouse) -> tuple[str, str]:
    """Change one FY2023 removal's country of departure; return (old, new) country."""
    with Database(warehouse) as db:
        part = db.query("SELECT * EXCLUDE (fiscal_year) FROM removals WHERE fiscal_year = 2023")
    countries = part.column("departure_country").to_pylist()
    flags = zip(*(part.column(c).to_pylist() for c in ("gang", "kst", "hrv")), strict=True)
    plain = [i for i, f in enumerate(flags) if not any(f)]
    index = next(i for i in plain if countries[i] == "GUATEMALA")
    countries[index] = "HONDURAS"
    column = part.schema.get_field_index("departure_country")
    part = part.set_column(column, "departure_country", pa.array(countries))
    warehouse.write_table("removals", part, replace=True)
    return "GUATEMALA", "HONDURAS"


def test_one_changed_record_changes_exactly_the_figures_that_depend_on_it(
    demo: Demo, warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    old, new = _move_one_removal(warehouse_copy)
    after = build(demo.report, warehouse_copy, tmp_path / "site")

    diff = diff_builds(demo.result.out, after.out)
    assert diff.added == [] and diff.removed == []
    revised = {
        (c.metric, c.fiscal_year, c.breakdown, c.breakdown_value): (c.old, c.new)
        for c in diff.revised
    }
    before = demo.result.figures
    key_old = ("ero.removals", 2023, "departure_country", old)
    key_new = ("ero.removals", 2023, "departure_country", new)
    assert revised == {
        key_old: (before.value(*key_old), before.value(*key_old) - 1),
        key_new: (before.value(*key_new), before.value(*key_new) + 1),
    }
    assert diff.sentences == []

    run = subprocess.run(
        [str(BIN / "yearbook"), "diff", str(demo.result.out), str(after.out), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(run.stdout)
    assert [(c["breakdown_value"], c["old"], c["new"]) for c in data["revised"]] == [
        (old, before.value(*key_old), before.value(*key_old) - 1),
        (new, before.value(*key_new), before.value(*key_new) + 1),
    ]
    table = subprocess.run(
        [str(BIN / "yearbook"), "diff", str(demo.result.out), str(after.out)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "2 revised, 0 added, 0 removed, 0 sentences changed." in table


def test_a_changed_headline_shows_up_as_a_changed_sentence(demo: Demo, tmp_path: Path) -> None:
    old_md = demo.result.markdown
    new_md = old_md.replace("170,590", "170,591")
    changes = diff_sentences(old_md, new_md)
    assert len(changes) == 1
    assert "170,590" in changes[0].old and "170,591" in changes[0].new


def test_diff_refuses_folders_that_are_not_builds(tmp_path: Path) -> None:
    run = subprocess.run(
        [str(BIN / "yearbook"), "diff", str(tmp_path), str(tmp_path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 2
    assert "is not a build folder" in " ".join(run.stderr.split())
