"""Publishing: the report as a web site, a PDF, an open-data bundle (and an API).

`publish` writes every output of a build into one folder; the build then swaps
that folder in whole (`yearbook.publish.release`). The charts are rendered once
(a content-addressed cache, `yearbook.publish.cache`) in a process pool sized to
the cores; the PDF is laid out in that pool from the site's own chart SVGs while
the pages and the bundle are written, and an unchanged PDF is not laid out again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from yearbook import __version__
from yearbook.timing import Phases

if TYPE_CHECKING:
    from yearbook.figures import Figures
    from yearbook.publish.cache import OutputCache
    from yearbook.publish.charts import Chart
    from yearbook.publish.site import ReportView
    from yearbook.report import Report

__all__ = ["STEPS", "WorkerPool", "bundle_name", "pdf_name", "publish"]

STEPS = ("site", "pdf", "bundle")
"""The publishing steps, in order (each is also a pause point for tests)."""


def bundle_name(report: Report) -> str:
    """The open-data archive's file name, e.g. ``yearbook-fy2023.zip``."""
    return f"yearbook-fy{report.spec.fiscal_year}.zip"


def pdf_name(report: Report) -> str:
    """The PDF's file name, e.g. ``ice-fy2023.pdf``."""
    return f"{report.spec.id}.pdf"


class WorkerPool:
    """A process pool (one process per core), started the first time it is asked for.

    Its processes are spawned, not forked: a renderer's threads in this process
    must not be copied half-way into a child.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def get(self) -> Executor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
        return self._pool

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def publish(
    report: Report,
    figures: Figures,
    markdown: str,
    folder: Path,
    *,
    progress: Callable[[str], None] | None = None,
    cache: Path | None = None,
    phases: Phases | None = None,
) -> None:
    """Write the site, the PDF and the open-data bundle of a build into ``folder``.

    ``cache`` is the folder of rendered charts and PDFs kept between builds (none:
    everything is made afresh); ``phases`` collects the time of each step.
    """
    from yearbook.publish.bundle import write_bundle
    from yearbook.publish.cache import OutputCache
    from yearbook.publish.charts import render_all
    from yearbook.publish.release import pause_point
    from yearbook.publish.site import write_site

    say = progress or (lambda _msg: None)
    timed = phases or Phases()
    store = OutputCache(cache)
    downloads = {"pdf_name": pdf_name(report), "bundle_name": bundle_name(report)}
    with WorkerPool() as pool:
        waiting: list[Callable[[], None]] = []

        def start_pdf(view: ReportView) -> None:
            say("writing the PDF (beside the pages)")
            pause_point("pdf")
            waiting.append(_start_pdf(view, folder / pdf_name(report), store, pool, timed))

        def timed_charts(charts: Sequence[Chart]) -> list[str]:
            with timed("charts"):
                return render_all(charts, store, pool.get)

        say("writing the web page, figure pages and charts")
        pause_point("site")
        with timed("site"):
            write_site(
                report,
                figures,
                markdown,
                folder,
                downloads=downloads,
                render=lambda charts: timed_charts(charts),
                charts_written=start_pdf,
            )
        say("writing the open-data bundle")
        pause_point("bundle")
        with timed("bundle"):
            write_bundle(report, figures, folder / "data", bundle_name(report))
        with timed("waiting for the PDF"):
            for finish in waiting:
                finish()


def _start_pdf(
    view: ReportView, path: Path, store: OutputCache, pool: WorkerPool, phases: Phases
) -> Callable[[], None]:
    """Start laying out the PDF in the pool (or take it from the cache); returns what
    waits for it to be written."""
    from yearbook.publish.cache import digest
    from yearbook.publish.pdf import print_html
    from yearbook.publish.pdfwrite import PDF_VARIANT, write_pdf_html

    site = path.parent
    html = print_html(view)
    charts = [(site / "charts" / c.filename).read_bytes() for c in view.charts]
    key = digest("pdf", __version__, PDF_VARIANT, _weasyprint_version(), html, *charts)
    if store.copy_to("pdf", key, ".pdf", path):
        phases.add("pdf", 0.0, " (unchanged: reused)")
        return lambda: None
    future = pool.get().submit(write_pdf_html, html, str(site), str(path))

    def finish() -> None:
        phases.add("pdf", future.result(), " (laid out beside the pages)")
        store.store("pdf", key, ".pdf", path.read_bytes())
        store.prune("pdf", keep=20)

    return finish


def _weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")
