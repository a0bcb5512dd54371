"""`make bench-build`: the demo report's full build, and the preview after one edit.

On the demo warehouse (generated once into ``benchmarks/data/build-demo``) it times,
best of ``BENCH_REPEAT`` (default 3):

* **full build**: `yearbook.build.build` into a fresh folder with no cache (every
  figure computed, every chart rendered, the PDF laid out), each phase timed;
* **template edit**: `yearbook preview`'s rebuild after one sentence of one template
  changed (that section rendered, the text self-checked, ``index.html`` written);
* **metric edit**: the preview's rebuild after one metric's declaration changed (the
  report validated and loaded, that metric's figures recomputed, the pages written);

and writes the results, with the load average, into ``docs/benchmarks.md`` between
the ``build`` markers. `make bench` runs it too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPORT_DIR = ROOT / "reports" / "ice-fy2023"
PACK_DIR = ROOT / "packs" / "ice"
DATA = Path(os.environ.get("BENCH_DATA", ROOT / "benchmarks" / "data")) / "build-demo"
DOC = ROOT / "docs" / "benchmarks.md"
REPEAT = max(1, int(os.environ.get("BENCH_REPEAT", 3)))
START, END = "<!-- build:start -->", "<!-- build:end -->"
TARGETS = {"full build": 10.0, "template edit": 1.0, "metric edit": 3.0}


def _warehouse() -> Any:
    from yearbook.report import load_report
    from yearbook.warehouse import Warehouse

    report = load_report(REPORT_DIR)
    warehouse = Warehouse(DATA / "warehouse", report.pack.tables)
    if not (DATA / "warehouse" / ".complete").is_file():
        shutil.rmtree(DATA / "warehouse", ignore_errors=True)
        report.pack.generator_function()(warehouse, report.folder, seed=2023)
        (DATA / "warehouse" / ".complete").write_text("")
    return warehouse


def full_builds(warehouse: Any, scratch: Path) -> list[dict[str, float]]:
    from yearbook.build import build
    from yearbook.report import load_report

    runs = []
    for turn in range(REPEAT):
        started, cpu = time.perf_counter(), _cpu()
        result = build(load_report(REPORT_DIR), warehouse, scratch / f"full-{turn}" / "site")
        wall = time.perf_counter() - started
        runs.append({"total": wall, "cpu": _cpu() - cpu, **result.timings})
        print(f"   full build {wall:.2f} s, {runs[-1]['cpu']:.2f} s of CPU", flush=True)
    return runs


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _copy_report(scratch: Path) -> Path:
    folder = scratch / "reports" / REPORT_DIR.name
    shutil.copytree(REPORT_DIR, folder)
    shutil.copytree(PACK_DIR, scratch / "packs" / PACK_DIR.name)
    return folder


def edits(warehouse: Any, scratch: Path) -> dict[str, list[dict[str, float]]]:
    """The preview's rebuild after a template edit and after a metric edit, by phase."""
    from yearbook.api.preview import Previewer

    folder = _copy_report(scratch / "edits")
    previewer = Previewer(folder, warehouse, scratch / "edits" / "out")
    previewer.refresh()
    template = folder / "templates" / "ero.md.j2"
    metrics = folder / "metrics" / "ero.yaml"
    label = "label: removals of known or suspected gang members"
    kinds: dict[str, tuple[Path, Callable[[str, int], str]]] = {
        "template edit": (
            template,
            lambda t, n: t.replace("### Arrests", f"Edit {n}.\n\n### Arrests", 1),
        ),
        "metric edit": (metrics, lambda t, n: t.replace(label, f"{label} ({n})", 1)),
    }
    runs: dict[str, list[dict[str, float]]] = {}
    for kind, (path, edit) in kinds.items():
        original = path.read_text()
        for turn in range(REPEAT):
            path.write_text(edit(original, turn))
            previewer.phases.seconds.clear()
            total = previewer.refresh([path])
            assert not previewer.mistakes, previewer.mistakes
            runs.setdefault(kind, []).append({"total": total, **previewer.phases.seconds})
            print(f"   {kind} {total:.2f} s", flush=True)
        path.write_text(original)
        previewer.refresh([path])
    return runs


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda r: r["total"])


def render(
    results: dict[str, list[dict[str, float]]], load: list[float], after: list[float]
) -> str:
    lines = [
        START,
        "## Build and preview (the demo report)",
        "",
        "`make bench-build` (also part of `make bench`): the full demo build into a fresh",
        "folder with no cache, and `yearbook preview`'s rebuild after one template edit and",
        "after one metric edit; best of three, each phase timed (the PDF is laid out in",
        "another process while the pages and the bundle are written, so the phases of a full",
        "build add up to more than its wall time; `charts` is part of `site`). The template",
        "and metric edits time the preview's rebuild; the open page notices it within 0.2 s",
        "(it polls) and reloads.",
        "",
        "| run | wall (s) | target (s) | phases (s), best run |",
        "|---|---:|---:|---|",
    ]
    for kind, runs in results.items():
        best = _best(runs)
        phases = ", ".join(f"{k} {v:.2f}" for k, v in best.items() if k not in ("total", "cpu"))
        if "cpu" in best:
            phases += f"; CPU time {best['cpu']:.2f} (this process and the pool's)"
        walls = " / ".join(f"{r['total']:.2f}" for r in runs)
        lines.append(f"| {kind} | {best['total']:.2f} ({walls}) | {TARGETS[kind]:.0f} | {phases} |")
    lines += [
        "",
        f"Load average (1, 5, 15 min) at the start: {', '.join(f'{x:.1f}' for x in load)}; at the "
        f"end: {', '.join(f'{x:.1f}' for x in after)}, on {os.cpu_count()} cores. On a loaded "
        "machine these walls are upper bounds: the work competes for the cores.",
        END,
    ]
    return "\n".join(lines)


def write_doc(section: str, doc: Path = DOC) -> None:
    """Put `section` between the build markers, leaving the rest of the file alone."""
    text = doc.read_text(encoding="utf-8") if doc.is_file() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")


def main() -> None:
    load = list(os.getloadavg())
    print("== build benchmark: the demo warehouse", flush=True)
    warehouse = _warehouse()
    with tempfile.TemporaryDirectory(prefix="yearbook-bench-build-") as tmp:
        scratch = Path(tmp)
        results = {"full build": full_builds(warehouse, scratch), **edits(warehouse, scratch)}
    write_doc(render(results, load, list(os.getloadavg())))
    print(f"results written to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
