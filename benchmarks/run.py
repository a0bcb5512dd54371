"""`make bench`: yearbook against a hand-written DuckDB script and plain pandas.

For each size (``BENCH_SCALES``, default ``1M,10M``; e.g. ``BENCH_SCALES=1M,10M,50M``)
it generates demo-shaped records over FY2014-FY2023 (cached in ``benchmarks/data/``),
then times, each in a fresh process:

* ``yearbook``: the report's figures through `yearbook.build.compute`;
* ``reference``: ``benchmarks/reference.sql`` on DuckDB;
* ``pandas``: ``benchmarks/pandas_impl.py``;

asserts the three give identical figures (every value and prior-year value),
times incremental rebuilds, and writes the results into ``docs/benchmarks.md``
(keeping sections other benchmarks own); then the ingest benchmark, the build benchmark
(`benchmarks.build`, alone: ``make bench-build``) and the API load benchmark
(`benchmarks.api_load`, alone: ``make bench-api``).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REPORT_DIR = REPO / "reports" / "ice-fy2023"
METHODS = REPORT_DIR / "reference" / "apprehension_methods.csv"
DATA = Path(os.environ.get("BENCH_DATA", REPO / "benchmarks" / "data"))
DOC = REPO / "docs" / "benchmarks.md"
IMPLEMENTATIONS = ("yearbook", "reference", "pandas")
REPEAT = max(1, int(os.environ.get("BENCH_REPEAT", 3)))
"""Runs of yearbook and of the reference at each size; the best wall time is reported."""
SKIP_PANDAS_ABOVE = int(os.environ.get("BENCH_PANDAS_MAX", 10_000_000))
"""pandas holds about 0.75 GB per million arrests: above 10M it would not fit in 24 GB."""

BENCH_METRICS = (
    "ero.admin_arrests",
    "ero.at_large_arrests",
    "ero.arrests_criminal_history",
    "ero.arrests_criminal_history_share",
    "ero.charges_total",
    "ero.charges_per_person",
    "ero.removals",
    "ero.removals_gang",
    "ero.removals_kst",
    "ero.removals_hrv",
)
"""The metrics the reference and pandas implementations compute (the report's ERO figures
on arrests, charges and removals)."""

Key = tuple[str, int, str, str]


# -- sizes ------------------------------------------------------------------------------
def parse_scale(text: str) -> int:
    """``1M`` -> 1_000_000; ``250k`` -> 250_000; ``5000`` -> 5000."""
    text = text.strip().upper()
    factor = {"K": 1_000, "M": 1_000_000}.get(text[-1:], 1)
    number = text[:-1] if factor > 1 else text
    return int(float(number) * factor)


def label(arrests: int) -> str:
    return f"{arrests // 1_000_000}M" if arrests % 1_000_000 == 0 else f"{arrests:,}"


# -- workers (each runs in its own process) ---------------------------------------------
def bench_report() -> Any:
    """The flagship report, limited to the benchmarked metrics, over FY2014-FY2023."""
    from benchmarks.generate import FIRST_YEAR
    from yearbook.report import load_report

    report = load_report(REPORT_DIR)
    clone = copy.copy(report)
    clone.metrics = {m: report.metrics[m] for m in BENCH_METRICS}
    clone.spec = report.spec.model_copy(update={"first_year": FIRST_YEAR})
    return clone


def run_yearbook(warehouse: Path) -> list[dict[str, Any]]:
    from yearbook.build import compute
    from yearbook.warehouse import Warehouse

    table = compute(bench_report(), Warehouse(warehouse))
    return table.select(
        ["metric", "fiscal_year", "breakdown", "breakdown_value", "value", "prior_value"]
    ).to_pylist()


def run_reference(warehouse: Path) -> list[dict[str, Any]]:
    from yearbook.warehouse import Database

    script = (REPO / "benchmarks" / "reference.sql").read_text(encoding="utf-8")
    script = script.replace("{warehouse}", str(warehouse)).replace("{methods}", str(METHODS))
    statements = [s.strip() for s in script.split(";\n") if _has_sql(s)]
    with Database() as db:
        for statement in statements[:-1]:
            db.execute(statement)
        rows: list[dict[str, Any]] = db.query(statements[-1]).to_pylist()
    return rows


def _has_sql(statement: str) -> bool:
    lines = [line for line in statement.splitlines() if not line.strip().startswith("--")]
    return bool("".join(lines).strip().strip(";"))


def run_pandas(warehouse: Path) -> list[dict[str, Any]]:
    from benchmarks.pandas_impl import figures

    frame = figures(warehouse, METHODS)
    frame = frame.astype({"fiscal_year": "int64"})
    rows: list[dict[str, Any]] = frame.to_dict("records")
    return rows


def run_incremental(warehouse: Path) -> dict[str, Any]:
    """Full compute, rebuild with nothing changed, rebuild after one partition changed."""
    import shutil

    import pyarrow.parquet as pq

    from yearbook.build import recompute
    from yearbook.warehouse import Warehouse

    report = bench_report()
    shadow = warehouse.parent / (warehouse.name + "-shadow")
    if shadow.exists():
        shutil.rmtree(shadow)
    for path in warehouse.rglob("*.parquet"):  # hard links: a copy that costs nothing
        target = shadow / path.relative_to(warehouse)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    copy_ = Warehouse(shadow)
    timings: dict[str, Any] = {}
    started = time.perf_counter()
    full, _ = recompute(report, copy_, None)
    timings["full"] = time.perf_counter() - started
    started = time.perf_counter()
    _, delta = recompute(report, copy_, full)
    timings["unchanged"] = time.perf_counter() - started
    timings["unchanged_recomputed"] = len(delta.recomputed)
    (part,) = [p for p in copy_.partitions("removals") if p.fiscal_year == 2023]
    rows = pq.read_table(part.files[0])
    part.files[0].unlink()
    pq.write_table(rows.slice(0, rows.num_rows - 1), part.files[0], compression="zstd")
    started = time.perf_counter()
    _, delta = recompute(report, copy_, full)
    timings["one_partition"] = time.perf_counter() - started
    timings["one_partition_recomputed"] = [f"{m} FY{fy}" for m, fy in delta.recomputed]
    shutil.rmtree(shadow)
    return timings


WORKERS: dict[str, Callable[[Path], Any]] = {
    "yearbook": run_yearbook,
    "reference": run_reference,
    "pandas": run_pandas,
    "incremental": run_incremental,
}


PRELOAD = {
    "yearbook": ("yearbook.build", "yearbook.report", "pandas"),
    "reference": ("yearbook.warehouse",),
    "pandas": ("pandas", "pyarrow.dataset", "benchmarks.pandas_impl"),
    "incremental": ("yearbook.build", "yearbook.report", "pandas"),
}
"""Modules each worker imports before its clock starts: the time measured is the work.

pyarrow imports pandas, when it is installed, the first time it builds an array from
Python objects (to check whether they are pandas objects); yearbook builds its figures
table that way, so its workers import pandas up front like every other import. The
reference script never builds an array from Python objects and never loads pandas."""


def worker(name: str, warehouse: Path, out: Path) -> None:
    from importlib import import_module

    for module in PRELOAD[name]:
        import_module(module)
    started = time.perf_counter()
    result = WORKERS[name](warehouse)
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({"wall": wall, "peak_mb": peak_mb, "result": result}, default=str))


def in_fresh_process(name: str, warehouse: Path) -> dict[str, Any]:
    out = DATA / f"{name}-result.json"
    command = [sys.executable, "-m", "benchmarks.run", "--worker", name, str(warehouse), str(out)]
    subprocess.run(command, check=True, cwd=REPO)
    result: dict[str, Any] = json.loads(out.read_text())
    out.unlink()
    return result


def generate(arrests: int) -> tuple[Path, dict[str, Any]]:
    root = DATA / f"warehouse-{label(arrests)}"
    command = [sys.executable, "-m", "benchmarks.run", "--generate", str(arrests), str(root)]
    subprocess.run(command, check=True, cwd=REPO)
    stats: dict[str, Any] = json.loads((root / "bench.json").read_text())
    return root, stats


# -- comparing ----------------------------------------------------------------------------
def keyed(rows: list[dict[str, Any]]) -> dict[Key, tuple[float, float | None]]:
    table: dict[Key, tuple[float, float | None]] = {}
    for row in rows:
        key = (row["metric"], int(row["fiscal_year"]), row["breakdown"], row["breakdown_value"])
        prior = row["prior_value"]
        if prior is not None and isinstance(prior, float) and math.isnan(prior):
            prior = None
        table[key] = (float(row["value"]), None if prior is None else float(prior))
    return table


def assert_identical(results: dict[str, list[dict[str, Any]]], baseline: str = "reference") -> int:
    """Every implementation gives the same figures as the baseline, exactly."""
    expected = keyed(results[baseline])
    for name, rows in results.items():
        got = keyed(rows)
        missing, extra = set(expected) - set(got), set(got) - set(expected)
        if missing or extra:
            raise AssertionError(
                f"{name}: {len(missing)} figures missing (e.g. {sorted(missing)[:3]}), "
                f"{len(extra)} extra (e.g. {sorted(extra)[:3]})"
            )
        wrong = [k for k in expected if got[k] != expected[k]]
        if wrong:
            k = wrong[0]
            raise AssertionError(
                f"{name}: {len(wrong)} figures differ, e.g. {k}: {got[k]} vs {expected[k]}"
            )
    return len(expected)


# -- the run ------------------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import duckdb
    import pandas
    import pyarrow

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, DuckDB {duckdb.__version__}, "
        f"pyarrow {pyarrow.__version__}, pandas {pandas.__version__}"
    )


def bench(arrests: int) -> dict[str, Any]:
    load = list(os.getloadavg())
    print(f"== {label(arrests)} arrests: generating", flush=True)
    warehouse, stats = generate(arrests)
    print(
        f"   {stats['rows_arrests']:,} arrests, {stats['rows_charges']:,} charges, "
        f"{stats['rows_removals']:,} removals ({stats['rows_per_second']:,} rows/s)",
        flush=True,
    )
    walls: dict[str, list[float]] = {}
    peaks: dict[str, list[float]] = {}
    results: dict[str, list[dict[str, Any]]] = {}
    for turn in range(REPEAT):  # the implementations take turns, so drift hits them alike
        for name in IMPLEMENTATIONS:
            if name == "pandas" and (arrests > SKIP_PANDAS_ABOVE or turn > 0):
                continue
            print(f"   {name} ...", end=" ", flush=True)
            run = in_fresh_process(name, warehouse)
            walls.setdefault(name, []).append(run["wall"])
            peaks.setdefault(name, []).append(run["peak_mb"])
            if name in results:
                again = {name: results[name], f"{name}, run {turn + 1}": run["result"]}
                assert_identical(again, baseline=name)
            else:
                results[name] = run["result"]
            print(f"{run['wall']:.2f} s, {run['peak_mb']:,.0f} MB", flush=True)
    runs = {
        name: {"wall": min(walls[name]), "walls": walls[name], "peak_mb": max(peaks[name])}
        for name in walls
    }
    count = assert_identical(results)
    print(f"   identical figures: {count:,} across {', '.join(runs)}", flush=True)
    print("   incremental ...", end=" ", flush=True)
    incremental = in_fresh_process("incremental", warehouse)["result"]
    print(
        f"full {incremental['full']:.2f} s, unchanged {incremental['unchanged']:.2f} s, "
        f"one partition {incremental['one_partition']:.2f} s",
        flush=True,
    )
    return {
        "arrests": arrests,
        "data": stats,
        "runs": runs,
        "figures": count,
        "incremental": incremental,
        "load": load,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--worker", choices=sorted(WORKERS))
    parser.add_argument("--generate", type=int)
    parser.add_argument("args", nargs="*")
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, Path(args.args[0]), Path(args.args[1]))
        return
    if args.generate:
        from benchmarks.generate import make_warehouse

        make_warehouse(Path(args.args[0]), REPORT_DIR, args.generate)
        return
    DATA.mkdir(parents=True, exist_ok=True)
    scales = [parse_scale(s) for s in os.environ.get("BENCH_SCALES", "1M,10M").split(",")]
    results = [bench(arrests) for arrests in scales]
    from benchmarks.report import update_doc

    update_doc(DOC, machine(), results)
    print(f"results written to {DOC.relative_to(REPO)}")
    ingest = REPO / "benchmarks" / "ingest.py"
    if ingest.is_file():
        from importlib import import_module

        import_module("benchmarks.ingest").main()
    from benchmarks.build import main as build_bench

    build_bench()
    from benchmarks.api_load import main as api_load

    api_load([])


if __name__ == "__main__":
    main()
