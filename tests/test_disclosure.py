"""The disclosure policy on the figures table, in prose, and for identifiers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml

from tests.conftest import ICE, REPORT_DIR, copy_report
from yearbook.disclosure import DisclosureError, DisclosurePolicy, check_no_identifiers
from yearbook.disclosure.apply import apply_policy
from yearbook.disclosure.policy import Release
from yearbook.errors import DeclarationError, TemplateError
from yearbook.figures import FIGURES_SCHEMA, Figures
from yearbook.figures.meta import metric_meta
from yearbook.metrics.compiler import compile_plan
from yearbook.metrics.declarations import MetricDecl
from yearbook.narrative.render import Renderer
from yearbook.report import load_report

C = "departure_country"


def _decl(**fields: Any) -> MetricDecl:
    base = {"label": "x", "definition": "x", "unit": "removals"}
    return MetricDecl.model_validate({**base, **fields})


METRICS = {
    "t.removals": _decl(id="t.removals", measure="count", table="removals", breakdowns=[C]),
    "t.hrv": _decl(id="t.hrv", measure="count", table="removals", filter="hrv"),
    "t.hrv_share": _decl(
        id="t.hrv_share",
        unit="percent",
        measure="share",
        numerator="t.hrv",
        denominator="t.removals",
        disclosure="rate",
    ),
    "t.by_country_share": _decl(
        id="t.by_country_share",
        unit="percent",
        measure="share",
        numerator="t.removals",
        denominator="t.removals",
        breakdowns=[C],
        disclosure="rate",
    ),
    "t.dollars": _decl(id="t.dollars", unit="usd", measure="count", table="removals"),
    "t.dollars_none": _decl(
        id="t.dollars_none", unit="usd", measure="count", table="removals", disclosure="none"
    ),
    "t.dollars_per_hrv": _decl(
        id="t.dollars_per_hrv",
        unit="usd",
        measure="ratio",
        numerator="t.dollars_none",
        denominator="t.hrv",
        disclosure="none",
    ),
}


def _row(metric: str, fy: int, value: float, breakdown: str = "", cat: str = "") -> dict[str, Any]:
    return {
        "metric": metric,
        "fiscal_year": fy,
        "breakdown": breakdown,
        "breakdown_value": cat,
        "value": value,
        "unit": "removals",
        "status": "published",
        "bound": "exact",
        "prior_value": None,
        "yoy_change": None,
        "yoy_change_pct": None,
        "sql": "",
        "fingerprint": "",
    }


def _figures(policy: DisclosurePolicy | None = None) -> Figures:
    """Two years of removals by country (with small cells), a small headline, rates."""
    countries = {
        2022: {"A": 400, "B": 250, "C": 30, "D": 6},
        2023: {"A": 500, "B": 3, "C": 41, "D": 80},
    }
    rows = []
    for fy, cells in countries.items():
        total = sum(cells.values())
        rows.append(_row("t.removals", fy, total))
        for cat, value in cells.items():
            rows.append(_row("t.removals", fy, value, C, cat))
            rows.append(_row("t.by_country_share", fy, 100 * value / total, C, cat))
        hrv = {2022: 12, 2023: 6}[fy]
        rows += [
            _row("t.hrv", fy, hrv),
            _row("t.hrv_share", fy, 100 * hrv / total),
            _row("t.dollars", fy, 5),
            _row("t.dollars_none", fy, 5),
            _row("t.dollars_per_hrv", fy, 5 / hrv),
        ]
    table = pa.Table.from_pylist(rows, schema=FIGURES_SCHEMA)
    return Figures(apply_policy(table, metric_meta(METRICS), policy or DisclosurePolicy()))


# (metric, fiscal year, country or "", published?) — the policy as a specification.
SUPPRESS = [
    ("t.removals", 2023, "B", False),  # 3: primary
    ("t.removals", 2023, "C", False),  # 41: the smallest other cell, or B = 624 - 500 - 41 - 80
    ("t.removals", 2023, "A", True),
    ("t.removals", 2023, "D", True),
    ("t.removals", 2023, "", True),  # the year's total stays
    ("t.removals", 2022, "D", False),  # 6: primary
    ("t.removals", 2022, "C", False),  # 30: complementary
    ("t.removals", 2022, "B", True),
    ("t.by_country_share", 2023, "B", False),  # a share of a withheld count
    ("t.by_country_share", 2023, "C", False),
    ("t.by_country_share", 2023, "A", True),
    ("t.hrv", 2023, "", False),  # a headline below the threshold
    ("t.hrv", 2022, "", True),
    ("t.hrv_share", 2023, "", False),  # its percent of the total
    ("t.hrv_share", 2022, "", True),
    ("t.dollars", 2023, "", False),  # counts by default
    ("t.dollars_none", 2023, "", True),  # not about people: never withheld
    ("t.dollars_per_hrv", 2023, "", False),  # ... but a ratio would give its input away
    ("t.dollars_per_hrv", 2022, "", True),
]


@pytest.mark.parametrize(("metric", "fy", "cat", "published"), SUPPRESS)
def test_suppress_mode(metric: str, fy: int, cat: str, published: bool) -> None:
    fig = _figures().get(metric, fy, C if cat else "", cat)
    assert fig.suppressed is not published
    assert (fig.value is not None) is published


def test_a_change_on_a_withheld_figure_is_withheld() -> None:
    figures = _figures()
    hrv_2023 = figures.get("t.hrv", 2023)
    assert (hrv_2023.yoy_change, hrv_2023.yoy_change_pct) == (None, None)
    assert hrv_2023.prior_value == figures.get("t.hrv", 2022).value == 12  # published anyway
    # Country C: withheld in both years, so no change either; A: published in both.
    assert figures.get("t.removals", 2023, C, "A").yoy_change == 100
    assert figures.get("t.removals", 2023, C, "C").prior_value is None


def test_a_released_headline_is_published_exactly() -> None:
    """A headline the agency releases exactly is not withheld, nor is what follows from it."""
    released = DisclosurePolicy(released=(Release(metric="t.hrv", reason="stated by the agency"),))
    figures = _figures(released)
    assert figures.get("t.hrv", 2023).value == 6
    assert figures.get("t.hrv_share", 2023).value is not None
    assert figures.get("t.hrv", 2023).yoy_change == -6
    # Everything else is protected as before.
    assert figures.get("t.removals", 2023, C, "B").suppressed


def test_only_headline_metrics_can_be_released(tmp_path: Path) -> None:
    folder = copy_report(tmp_path)
    spec = yaml.safe_load((folder / "report.yaml").read_text())
    spec["disclosure"]["released"] = [{"metric": "ero.removals", "reason": "x"}]
    (folder / "report.yaml").write_text(yaml.safe_dump(spec))
    with pytest.raises(DeclarationError, match="without breakdowns"):
        load_report(folder)


def test_a_published_figure_keeps_no_trace_of_a_withheld_prior() -> None:
    """D was 6 (withheld) in FY2022 and 80 (published) in FY2023."""
    d_2023 = _figures().get("t.removals", 2023, C, "D")
    assert d_2023.value == 80
    assert (d_2023.prior_value, d_2023.yoy_change, d_2023.yoy_change_pct) == (None, None, None)


ROUND10 = [
    ("t.removals", 2023, "A", 500.0),
    ("t.removals", 2023, "B", None),  # 3 would round to zero: withheld
    ("t.removals", 2023, "C", 40.0),
    ("t.removals", 2023, "", 620.0),  # 624, rounded on its own
    ("t.removals", 2022, "D", 10.0),
    ("t.hrv", 2023, "", 10.0),
    ("t.dollars_none", 2023, "", 5.0),
]


@pytest.mark.parametrize(("metric", "fy", "cat", "expected"), ROUND10)
def test_round10_mode(metric: str, fy: int, cat: str, expected: float | None) -> None:
    fig = _figures(DisclosurePolicy(mode="round10")).get(metric, fy, C if cat else "", cat)
    assert fig.value == expected
    assert fig.suppressed is (expected is None)


def test_round10_rates_are_recomputed_from_rounded_counts() -> None:
    figures = _figures(DisclosurePolicy(mode="round10"))
    assert figures.get("t.hrv_share", 2023).value == pytest.approx(100 * 10 / 620)
    assert figures.get("t.by_country_share", 2023, C, "B").suppressed


# -- the report's declaration ----------------------------------------------------
def _report_copy(tmp_path: Path, edit: dict[str, Any] | None, drop: bool = False) -> Path:
    folder = copy_report(tmp_path)
    spec = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    if drop:
        spec.pop("disclosure", None)
    if edit is not None:
        spec["disclosure"] = edit
    (folder / "report.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    return folder


def test_a_report_without_the_block_gets_the_default_policy(tmp_path: Path) -> None:
    report = load_report(_report_copy(tmp_path, None, drop=True))
    # The pack's identifying columns are always part of a report's policy.
    own = tuple(dict.fromkeys(c for t in ICE.tables.values() for c in t.identifying_columns))
    assert own
    default = DisclosurePolicy(min_count=10, mode="suppress", identifying=own)
    assert report.spec.disclosure == default


def test_the_flagship_report_declares_its_policy() -> None:
    assert load_report(REPORT_DIR).spec.disclosure.min_count == 10


def test_an_unknown_mode_is_a_declaration_error(tmp_path: Path) -> None:
    with pytest.raises(DeclarationError, match="disclosure.mode"):
        load_report(_report_copy(tmp_path, {"mode": "blur"}))


def test_a_breakdown_by_a_column_the_policy_declares_identifying_is_refused(
    tmp_path: Path,
) -> None:
    with pytest.raises(DeclarationError, match="identifies a person"):
        load_report(_report_copy(tmp_path, {"identifying": ["departure_country"]}))


def test_a_breakdown_by_an_identifying_column_does_not_compile() -> None:
    decl = _decl(id="t.by_person", measure="count", table="removals", breakdowns=["person_id"])
    with pytest.raises(DeclarationError, match="person_id"):
        compile_plan({"t.by_person": decl}, ICE.tables)


def test_identifiers_never_reach_a_published_table() -> None:
    check_no_identifiers(["metric", "value"], "figures")
    with pytest.raises(DisclosureError, match="person_id"):
        check_no_identifiers(["metric", "person_id"], "figures", extra=["person_id"])
    with pytest.raises(DisclosureError, match="(?i)a_number"):
        check_no_identifiers(["A_Number"], "figures", extra=["a_number"])


# -- prose ---------------------------------------------------------------------
def _render(tmp_path: Path, text: str) -> str:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "t.md.j2").write_text(text, encoding="utf-8")
    return Renderer(folder, metric_meta(METRICS), _figures(), 2023, links=False).render("t.md.j2")


def test_a_suppressed_headline_is_written_in_the_fewer_than_form(tmp_path: Path) -> None:
    text = _render(tmp_path, '{{ count("t.hrv", small="fewer than") }} removals')
    assert text == "fewer than 10 removals"


def test_the_fewer_than_form_of_a_published_figure_is_its_value(tmp_path: Path) -> None:
    assert _render(tmp_path, '{{ count("t.hrv", fy=prior, small="fewer than") }}') == "12"


RENDER_ERRORS = [
    ('{{ count("t.hrv") }}', "suppressed by the disclosure policy"),
    ('{{ raw("t.hrv") }}', "suppressed by the disclosure policy"),
    ('{{ pct("t.hrv_share") }}', "suppressed by the disclosure policy"),
    ('{{ change("t.hrv") }}', "change of t.hrv FY2023 on FY2022 is suppressed"),
    ('{{ updown("t.hrv") }}', "change of t.hrv FY2023 on FY2022 is suppressed"),
    (
        '{{ count("t.removals", breakdown="departure_country", value="B", small="fewer than") }}',
        "no 'fewer than' form",
    ),
]


@pytest.mark.parametrize(("template", "message"), RENDER_ERRORS)
def test_naming_a_suppressed_figure_fails_the_build(
    tmp_path: Path, template: str, message: str
) -> None:
    with pytest.raises(TemplateError, match=message):
        _render(tmp_path, template)


def test_a_change_from_a_suppressed_prior_year_fails_too(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="computed from the FY2022 figure"):
        _render(tmp_path, '{{ change("t.removals", breakdown="departure_country", value="D") }}')
