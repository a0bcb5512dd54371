"""Published and computed: each figure the records compute set beside what the agency published.

A report says, as data (``reconcile.yaml`` in its folder), which computed figure
answers which published one and what its team expects::

    figures:
      - metric: courts.cases           # a computed metric (its headline figure)
        published: cases_total         # a published figure's id (published_figures.metric)
        years: [2016, 2017, 2018]
        expect: equal
      - metric: courts.cases
        published: cases_total
        years: [2019]
        expect: differs
        reason: coverage -- the release stops at the start of September 2019
      - published: cases_with_counsel_pct
        years: [2019]
        expect: not computable
        reason: the release has no counsel column
      - metric: courts.cases
        published: courts.cases
        breakdown: office              # every category published on both sides
        years: [2023, 2024, 2025]
        expect: differs
        reason: extract date -- ...
        tolerance: 0.5                 # |computed - published| within it is equal

(The real-records reports in ``reports/`` hold full examples.)

Published values come from the warehouse's ``published_figures`` table (figures
the agency stated, and those read from its workbooks, `yearbook published`). Each line
gets a status: ``equal``; ``differs`` with the team's reason; or ``not
computable from this release`` with the reason. A line expected equal that
differs is a failure: `yearbook reconcile BUILD` prints the table and exits 1.

The build writes the lines, with the inputs they were made from, into
``reconcile.json``; `reconcile` recomputes the statuses from that file and the
build's ``figures.parquet``, so a figure changed after the build is caught.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, ValidationError

from yearbook.errors import DeclarationError, UserError
from yearbook.figures import Figure, Figures, read_figures
from yearbook.yamlio import safe_load

__all__ = [
    "DIFFERS",
    "EQUAL",
    "NOT_COMPUTABLE",
    "Expectation",
    "Line",
    "check_build",
    "lines_markdown",
    "load_expectations",
    "published_values",
    "reconcile",
    "write_reconciliation",
]

EQUAL = "equal"
DIFFERS = "differs"
NOT_COMPUTABLE = "not computable from this release"
FILE = "reconcile.json"


class Expectation(BaseModel):
    """One entry of ``reconcile.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    published: str
    metric: str | None = None
    breakdown: str = ""
    years: tuple[int, ...]
    expect: Literal["equal", "differs", "not computable"]
    reason: str = ""
    tolerance: float = 0.5
    field: Literal["value", "change_pct"] = "value"
    """What of the computed figure is compared: its value, or its change on the prior
    year in percent (on matching days for a partial year, `yearbook.coverage`)."""


@dataclass(frozen=True)
class Published:
    value: float
    source: str
    qualifier: str


@dataclass(frozen=True)
class Line:
    """One line of the table: a published figure and the computed one beside it."""

    published_id: str
    metric: str
    fiscal_year: int
    breakdown: str
    breakdown_value: str
    computed: float | None
    published: float
    difference: float | None
    status: str
    expected: str
    reason: str
    source: str
    tolerance: float
    field: str = "value"

    @property
    def failed(self) -> bool:
        """Expected equal, and not."""
        return self.expected == EQUAL and self.status != EQUAL


def load_expectations(folder: Path) -> list[Expectation]:
    """The report's ``reconcile.yaml``; none when it has no such file."""
    path = Path(folder) / "reconcile.yaml"
    if not path.is_file():
        return []
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("figures") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DeclarationError(f"{path}: expected a mapping with a `figures:` list")
    out = []
    for i, entry in enumerate(entries):
        try:
            expectation = Expectation.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise DeclarationError(f"{path.name}: figures[{i}]: {where}: {first['msg']}") from exc
        if expectation.expect != "not computable" and not expectation.metric:
            raise DeclarationError(f"{path.name}: figures[{i}]: a `metric` is needed to compare")
        if expectation.expect != "equal" and not expectation.reason:
            raise DeclarationError(f"{path.name}: figures[{i}]: say why in `reason`")
        out.append(expectation)
    return out


def published_values(table: pa.Table | None) -> dict[tuple[str, int], Published]:
    """Published figures by (id, fiscal year), from ``published_figures`` rows."""
    if table is None:
        return {}
    out: dict[tuple[str, int], Published] = {}
    for row in table.to_pylist():
        key = (str(row["metric"]), int(row["year_end"].year))
        out[key] = Published(
            float(row["value"]), str(row.get("source_url") or ""), str(row.get("qualifier") or "")
        )
    return out


def _status(computed: float | None, published: float, tolerance: float) -> str:
    if computed is None or math.isnan(computed):
        return NOT_COMPUTABLE
    return EQUAL if abs(computed - published) <= tolerance else DIFFERS


def _line(
    e: Expectation, key: tuple[str, int], pub: Published, computed: float | None, cat: str
) -> Line:
    status = (
        NOT_COMPUTABLE
        if e.expect == "not computable"
        else _status(computed, pub.value, e.tolerance)
    )
    reason = e.reason
    if status == NOT_COMPUTABLE and not reason:
        reason = "no figure was computed for this year"
    if status == EQUAL and e.expect == "equal":
        reason = ""
    return Line(
        published_id=key[0],
        metric=e.metric or "",
        fiscal_year=key[1],
        breakdown=e.breakdown,
        breakdown_value=cat,
        computed=computed if status != NOT_COMPUTABLE else None,
        published=pub.value,
        difference=None if status == NOT_COMPUTABLE or computed is None else computed - pub.value,
        status=status,
        expected={"not computable": NOT_COMPUTABLE}.get(e.expect, e.expect),
        reason=reason,
        source=pub.source,
        tolerance=e.tolerance,
        field=e.field,
    )


def _of(fig: Figure | None, field: str) -> float | None:
    if fig is None:
        return None
    return fig.yoy_change_pct if field == "change_pct" else fig.value


def reconcile(
    expectations: Sequence[Expectation],
    published: Mapping[tuple[str, int], Published],
    figures: Figures,
) -> list[Line]:
    """Every line of the table, in the order of the expectations."""
    lines: list[Line] = []
    for e in expectations:
        for fy in e.years:
            if not e.breakdown:
                pub = published.get((e.published, fy))
                if pub is None:
                    continue
                fig = figures.find(e.metric, fy) if e.metric else None
                lines.append(_line(e, (e.published, fy), pub, _of(fig, e.field), ""))
                continue
            prefix = f"{e.published}/{e.breakdown}="
            for (pid, year), pub in sorted(published.items()):
                if year != fy or not pid.startswith(prefix):
                    continue
                cat = pid[len(prefix) :]
                fig = figures.find(e.metric, fy, e.breakdown, cat) if e.metric else None
                if fig is None:
                    continue  # a category the records do not name: not a line
                lines.append(_line(e, (pid, fy), pub, _of(fig, e.field), cat))
    return lines


def write_reconciliation(lines: Iterable[Line], out: Path) -> None:
    """``reconcile.json`` in a build folder."""
    rows = [asdict(line) for line in lines]
    (Path(out) / FILE).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


def read_lines(build: Path) -> list[Line]:
    path = Path(build) / FILE
    if not path.is_file():
        raise UserError(
            f"{build}: no {FILE} -- this build compares nothing with published figures",
            "give the reconcile.yaml of a report and load published figures, then build again",
        )
    return [Line(**row) for row in json.loads(path.read_text(encoding="utf-8"))]


def check_build(build: Path) -> list[Line]:
    """The lines of a build, statuses recomputed from its figures as they are now."""
    figures = read_figures(Path(build))
    checked = []
    for line in read_lines(build):
        if line.expected == NOT_COMPUTABLE:
            checked.append(line)
            continue
        fig = figures.find(line.metric, line.fiscal_year, line.breakdown, line.breakdown_value)
        value = _of(fig, line.field)
        status = _status(value, line.published, line.tolerance)
        diff = None if value is None else value - line.published
        reason = line.reason
        if line.expected == EQUAL and status != EQUAL:
            reason = "expected equal"
        checked.append(
            Line(
                **{
                    **asdict(line),
                    "computed": value,
                    "difference": diff,
                    "status": status,
                    "reason": reason,
                }
            )
        )
    return checked


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def lines_markdown(lines: Sequence[Line]) -> str:
    """The "Published and computed" section of a report: its headline figures, and how
    many more lines by category the bundle holds."""
    if not lines:
        return ""
    head = (
        "## Published and computed\n\n"
        "Each figure the agency published that these records can compute, beside the "
        "computed value. A difference is explained where the team found its cause.\n\n"
        "| Published figure | Fiscal year | Computed | Published | Difference | Status |\n"
        "|---|---|---|---|---|---|\n"
    )
    body = []
    for line in lines:
        if line.breakdown:
            continue
        name = line.published_id.replace("|", "/")
        status = line.status + (f": {line.reason}" if line.reason else "")
        body.append(
            f"| {name} | {line.fiscal_year} | {_number(line.computed)} | "
            f"{_number(line.published)} | {_number(line.difference)} | {status} |"
        )
    by_category = [line for line in lines if line.breakdown]
    tail = ""
    if by_category:
        counts = Counter(line.status for line in by_category)
        said = ", ".join(f"{n:,} {status}" for status, n in sorted(counts.items()))
        names = sorted({line.breakdown for line in by_category})
        tail = (
            f"\n{len(by_category):,} more figures by {' and '.join(names)} ({said}) are in "
            "the open-data bundle's published_and_computed table and on the figure pages.\n"
        )
    return head + "\n".join(body) + "\n" + tail
