"""Ingest speed and memory: yearbook's whole XLSX ingest against the bare reader.

Run it on its own with ``python -m benchmarks.ingest``. It writes a 200,000-row
arrests workbook in the 2025 release layout (six preamble rows, one sheet per
fiscal year, redactions), then times

* the bare reader: fastexcel reading every sheet to Arrow, header on row 7;
* yearbook's ingest: reading, layout detection, parsing, validation,
  quarantine, de-duplication, and writing the warehouse and its bookkeeping,

and, in a fresh process each, the peak memory of ingesting that workbook and
a 1,000,000-row one (four sheets). Results go into ``docs/benchmarks.md``
between the ``ingest`` markers; the rest of that file is left alone.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import fastexcel
import pyarrow as pa
import pyarrow.compute as pc
from ice_generator import generate, load_targets, read_apprehension_methods
from ice_generator.foia import write_arrests_workbook

from yearbook.ingest import ingest
from yearbook.packs import load_pack
from yearbook.warehouse import Warehouse

__all__ = ["main", "run"]

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "reports" / "ice-fy2023"
PACK = ROOT / "packs" / "ice"
CACHE = ROOT / ".cache" / "bench"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- ingest:start -->", "<!-- ingest:end -->"
ROWS = 200_000
BIG_ROWS = 1_000_000
REPEATS = 5


def _arrests(rows: int) -> pa.Table:
    """`rows` synthetic arrests (FY2022-FY2023 scaled, repeated with new people if needed)."""
    targets = load_targets(REPORT / "targets.yaml")
    at_large, other = read_apprehension_methods(REPORT / "reference" / "apprehension_methods.csv")
    base = generate(targets, 7, at_large, other, scale=0.7, years=[2022, 2023])["arrests"]
    parts, copy = [], 0
    while sum(p.num_rows for p in parts) < rows:
        ids = pc.binary_join_element_wise(base.column("person_id"), pa.scalar(f"-{copy}"), "")
        parts.append(base.set_column(base.column_names.index("person_id"), "person_id", ids))
        copy += 1
    return pa.concat_tables(parts).slice(0, rows)


def workbook(rows: int, sheet_rows: int) -> Path:
    """The benchmark workbook of `rows` arrests (written once, then reused)."""
    path = CACHE / f"arrests-{rows}.xlsx"
    if not path.is_file():
        write_arrests_workbook(path, _arrests(rows), sheet_rows=sheet_rows)
    return path


def _best_pair(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    """Best time of each of two tasks, run alternately so both see the same machine load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for task, spent in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            task()
            spent.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def _bare(path: Path) -> int:
    reader = fastexcel.read_excel(str(path))
    return sum(
        reader.load_sheet(name, header_row=6).to_arrow().num_rows for name in reader.sheet_names
    )


def _ours(path: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pack = load_pack(PACK)
        result = ingest([path], Warehouse(Path(tmp) / "warehouse"), pack)
        return result.files[0].loaded


def _peak_memory_mb(path: Path) -> float:
    """Peak resident memory of a fresh process ingesting `path`."""
    code = (
        "import resource, sys, tempfile, pathlib\n"
        "from benchmarks.ingest import _ours\n"
        "_ours(pathlib.Path(sys.argv[1]))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return int(run.stdout.strip().splitlines()[-1]) / 1024


def run() -> dict[str, float]:
    """Measure; returns the figures written to the docs."""
    path = workbook(ROWS, sheet_rows=ROWS)
    assert _bare(path) == ROWS and _ours(path) == ROWS
    bare, ours = _best_pair(lambda: _bare(path), lambda: _ours(path))
    big = workbook(BIG_ROWS, sheet_rows=BIG_ROWS // 4)
    return {
        "rows": ROWS,
        "bare_rows_per_s": ROWS / bare,
        "ours_rows_per_s": ROWS / ours,
        "ratio": bare / ours,
        "peak_mb_small": _peak_memory_mb(path),
        "peak_mb_big": _peak_memory_mb(big),
        "big_rows": BIG_ROWS,
        "big_file_mb": big.stat().st_size / 2**20,
    }


def render(r: dict[str, float]) -> str:
    return "\n".join(
        [
            START,
            "## Ingest: XLSX rows per second",
            "",
            f"A {int(r['rows']):,}-row arrests workbook in the 2025 release layout (six preamble "
            "rows, a sheet per fiscal year, redaction markers), best of "
            f"{REPEATS} runs on {platform.machine()} with Python {platform.python_version()}, "
            f"fastexcel {fastexcel.__version__}. Run `python -m benchmarks.ingest`.",
            "",
            "| reader | rows/s | share of the bare reader |",
            "|---|---:|---:|",
            f"| bare fastexcel to Arrow | {r['bare_rows_per_s']:,.0f} | 100% |",
            f"| yearbook ingest (read, map, validate, quarantine, de-duplicate, write) "
            f"| {r['ours_rows_per_s']:,.0f} | {100 * r['ratio']:.0f}% |",
            "",
            f"Peak memory of a fresh process ingesting the {int(r['rows']):,}-row workbook: "
            f"{r['peak_mb_small']:,.0f} MB; a {int(r['big_rows']):,}-row workbook "
            f"({r['big_file_mb']:,.0f} MB, four sheets): {r['peak_mb_big']:,.0f} MB. Sheets are "
            "read one at a time and only the canonical columns of earlier sheets are kept.",
            END,
        ]
    )


def write_doc(section: str, doc: Path = DOC) -> None:
    """Put `section` between the ingest markers, leaving the rest of the file alone."""
    text = doc.read_text(encoding="utf-8") if doc.is_file() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")


def main() -> None:
    results = run()
    print(json.dumps(results, indent=2))
    write_doc(render(results))
    print(f"wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
