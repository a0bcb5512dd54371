"""Write benchmark results into ``docs/benchmarks.md``, keeping the sections others own.

Sections between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` markers written by
other benchmarks (ingest, claims) are kept as they are. Results of earlier runs at
sizes not run this time are kept too (they live in a data comment in the page).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

__all__ = ["render", "update_doc"]

OWN = "scale"
KEPT = ("ingest", "claims", "build", "api")
DATA = re.compile(r"<!-- scale:data (.*?) -->", re.DOTALL)
TARGET_RATIO = 1.3
TARGET_PEAK_MB = 4096
TARGET_ROWS_PER_S = 3_000_000
TARGET_UNCHANGED = 0.10


HEAD = """
# Benchmarks

## How to reproduce

```sh
make bench                                  # 1M and 10M arrests (under 10 minutes)
BENCH_SCALES=1M,10M,50M make bench          # adds 50M arrests (opt-in)
```

`make bench` runs `python -m benchmarks.run`. For each size it generates demo-shaped
records over FY2014-FY2023 (removals about 0.8x and charges about 1.7x the arrests;
cached in `benchmarks/data/`), then runs each implementation in a fresh process:

* **yearbook**: `yearbook.build.compute` on the report's ERO metrics (every breakdown and
  the change on the prior year), from loading the declarations to the figures table,
  including the checksums of every partition that fingerprint the figures;
* **reference**: `benchmarks/reference.sql`, the same figures written by hand for DuckDB
  (one pass per table into a small cube, distinct people once, the join once);
* **pandas**: `benchmarks/pandas_impl.py`, a straightforward pandas version.

Wall time is the work itself (the imports happen before the clock starts), the best of
`BENCH_REPEAT` runs (default 3; the implementations take turns; pandas runs once); peak
memory is the largest maximum resident set of those runs. The run fails unless the three produce identical
figures. It then times incremental rebuilds on a hard-linked copy of the warehouse: the
same compute again with nothing changed, and again after one partition (removals,
FY2023) lost a row.

## Where the time goes, and what the plan does about it

Scanning a table is cheap; exact distinct counts of people and the arrests-to-charges
join are not. The compiled plan (`yearbook explain`, `Plan.explain()`) therefore:

* reads each table (and join) once for all of its counts and sums: one `FILTER` clause
  per metric, grouped to the finest grain (year and every breakdown at once, one hash
  table), and that small cube rolled up to each breakdown with `GROUPING SETS`; so the
  charges are joined to their arrests once, not once per breakdown;
* applies the conditions every metric of a scan shares in `WHERE`, before the join, so
  only arrests with a criminal history are joined;
* reduces the rows of a distinct count to distinct (year, category, person) once, in a
  materialized common table expression, and counts the headline and each breakdown
  from that;
* fingerprints each figure from partition checksums: every byte of every partition is
  read and hashed with XXH3 (128 bits, at memory speed), one partition per core. A
  rebuild with nothing changed is those checksums and nothing else: no query engine is
  started, and the previous figures table is reused whole.

Each figure keeps its own standalone SQL as its lineage; the tests check that every
figure equals what its own SQL gives.

## How the generator keeps up

The data of each size is made by the demo generator (the ICE pack's `generator/ero.py`, through
`write_years`), timed from its first record to its last file closed. A year is built
as whole numpy arrays and written while the next year is generated:

* categorical columns leave the generator dictionary-encoded and are written to
  Parquet as codes, without being spelled out and hashed again; identifiers (serial
  numbers, 40-character person ids) are built as fixed-width character matrices;
* categorical draws use a guide table, which gives exactly the binary search's answer
  with a search for only a few percent of the numbers; days and country codes are
  sorted by radix; exact subsets are drawn without shuffling whole arrays;
* writing runs on a second thread with up to two years queued (Parquet encoding and
  most numpy work release the GIL);
* inside `retained_heap`, freed arrays stay mapped for the next year and numpy asks
  for no transparent huge pages: page faults and the kernel's compaction for huge
  pages had cost a quarter to a third of the time.
"""


def _section(text: str, name: str) -> str | None:
    match = re.search(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", text, re.DOTALL)
    return match.group(0) if match else None


def _earlier(text: str) -> list[dict[str, Any]]:
    match = DATA.search(text)
    found: list[dict[str, Any]] = json.loads(match.group(1)) if match else []
    return found


def _size(arrests: int) -> str:
    return f"{arrests // 1_000_000}M" if arrests % 1_000_000 == 0 else f"{arrests:,}"


def _results_table(runs: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| arrests | rows (arrests + charges + removals) | implementation | wall (s) "
        "| peak memory (MB) | ratio to reference |",
        "|---:|---:|---|---:|---:|---:|",
    ]
    for run in runs:
        data = run["data"]
        rows = data["rows_arrests"] + data["rows_charges"] + data["rows_removals"]
        reference = run["runs"]["reference"]["wall"]
        for name, result in run["runs"].items():
            ratio = result["wall"] / reference
            lines.append(
                f"| {_size(run['arrests'])} | {rows:,} | {name} | {result['wall']:.2f} "
                f"| {result['peak_mb']:,.0f} | {ratio:.2f} |"
            )
    return lines


def _incremental_table(runs: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| arrests | full compute (s) | nothing changed (s) | share of full "
        "| one partition changed (s) | recomputed after the change |",
        "|---:|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        inc = run["incremental"]
        share = inc["unchanged"] / inc["full"]
        which = ", ".join(inc["one_partition_recomputed"])
        lines.append(
            f"| {_size(run['arrests'])} | {inc['full']:.2f} | {inc['unchanged']:.2f} "
            f"| {share:.1%} | {inc['one_partition']:.2f} | {which} |"
        )
    return lines


def _generator_table(runs: list[dict[str, Any]]) -> list[str]:
    lines = ["| arrests | rows written | seconds | rows per second |", "|---:|---:|---:|---:|"]
    for run in runs:
        data = run["data"]
        rows = data["rows_arrests"] + data["rows_charges"] + data["rows_removals"]
        lines.append(
            f"| {_size(run['arrests'])} | {rows:,} | {data['seconds']:.1f} "
            f"| {data['rows_per_second']:,} |"
        )
    return lines


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _loads(runs: list[dict[str, Any]]) -> list[str]:
    found = [
        f"{_size(r['arrests'])}: {', '.join(f'{x:.1f}' for x in r['load'])}"
        for r in runs
        if "load" in r
    ]
    return (
        ["", f"Load average (1, 5, 15 minutes) as each size started: {'; '.join(found)}."]
        if found
        else []
    )


def _skipped(runs: list[dict[str, Any]]) -> list[str]:
    sizes = [_size(r["arrests"]) for r in runs if "pandas" not in r["runs"]]
    if not sizes:
        return []
    return [
        "",
        f"pandas was not run at {', '.join(sizes)} (sizes above `BENCH_PANDAS_MAX` arrests).",
    ]


def _verdicts(runs: list[dict[str, Any]]) -> list[str]:
    lines = []
    for run in runs:
        size = _size(run["arrests"])
        yearbook = run["runs"]["yearbook"]
        ratio = yearbook["wall"] / run["runs"]["reference"]["wall"]
        if run["arrests"] >= 10_000_000:
            met = "met" if ratio <= TARGET_RATIO else "**not met**"
            lines.append(f"* {size}: yearbook / reference = {ratio:.2f} (target <= 1.3: {met})")
        if run["arrests"] >= 50_000_000:
            met = "met" if yearbook["peak_mb"] <= TARGET_PEAK_MB else "**not met**"
            lines.append(
                f"* {size}: yearbook peak memory {yearbook['peak_mb']:,.0f} MB "
                f"(target <= 4 GB: {met})"
            )
        inc = run["incremental"]
        share = inc["unchanged"] / inc["full"]
        met = "met" if share < TARGET_UNCHANGED else "**not met**"
        lines.append(f"* {size}: unchanged rebuild {share:.1%} of a full one (target < 10%: {met})")
        speed = run["data"]["rows_per_second"]
        met = "met" if speed >= TARGET_ROWS_PER_S else "**not met**"
        lines.append(f"* {size}: generator {speed:,} rows/s (target >= 3M rows/s: {met})")
    return lines


def render(machine: str, runs: list[dict[str, Any]]) -> str:
    """The generated section: machine, results, incremental builds, generator, verdicts."""
    body = [
        f"<!-- {OWN}:start -->",
        "## Scale: yearbook against hand-written SQL and pandas",
        "",
        "Generated by `make bench` (`python -m benchmarks.run`); do not edit by hand.",
        "",
        f"Machine: {machine}.",
        "",
        f"Load average (1, 5, 15 minutes) when these results were written: {_load()}. "
        "A load above the machine's core count means other work shared the cores, and "
        "every time above is longer than on an idle machine.",
        "",
        "### Figures of the ERO section, FY2014-FY2023",
        "",
        *_results_table(runs),
        "",
        "Every implementation produced identical figures (values and prior-year values; "
        + ", ".join(f"{_size(r['arrests'])}: {r['figures']:,} figures" for r in runs)
        + ").",
        *_skipped(runs),
        *_loads(runs),
        "",
        "### Incremental builds (compute step, one process, warm file cache)",
        "",
        *_incremental_table(runs),
        "",
        "### Generating the data",
        "",
        *_generator_table(runs),
        "",
        "### Targets",
        "",
        *_verdicts(runs),
        "",
        f"<!-- {OWN}:data {json.dumps(runs)} -->",
        f"<!-- {OWN}:end -->",
    ]
    return "\n".join(body)


def update_doc(path: Path, machine: str, results: list[dict[str, Any]]) -> None:
    """Merge this run's results with earlier ones and rewrite the page."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    merged = {r["arrests"]: r for r in _earlier(text)}
    merged.update({r["arrests"]: r for r in results})
    runs = [merged[k] for k in sorted(merged)]
    kept = [s for name in KEPT if (s := _section(text, name))]
    page = "\n\n".join([HEAD.strip(), render(machine, runs), *kept]) + "\n"
    path.write_text(page, encoding="utf-8")
