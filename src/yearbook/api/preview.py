"""What `yearbook preview` shows: the report, rebuilt in place after each edit.

A `Previewer` keeps a report's state between edits: its computed figures (with
their fingerprints), the text of each section (by the digest of its template) and
the charts (in the content-addressed cache beside its folder). After an edit:

* a template changed: only that section is rendered again, the text self-checked
  and ``index.html`` rewritten (figures, charts and figure pages are as they were);
* a metric, ``report.yaml`` or the pack changed: the report is loaded and
  validated again, the figures recomputed incrementally (only the metric-years
  whose fingerprints changed, `yearbook.incremental`), then the pages written.

A mistake (a declaration problem, an unknown metric, a template syntax error, a
claim the self-check contradicts) leaves the page as it was and is kept, with
its file and line, as `Mistake`s for the page to show over it. The PDF and the
open-data bundle are not made: `yearbook build` makes them.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from yearbook.build import coverage_markdown, disclosed, recompute, render_prose
from yearbook.claims.selfcheck import CLAIMS_FILE, self_check
from yearbook.coverage import Coverage
from yearbook.errors import UserError, YearbookError
from yearbook.figures import Figures
from yearbook.figures.meta import metric_meta
from yearbook.incremental import Computed, Delta, cache_folder
from yearbook.narrative.render import Prose, strip_links
from yearbook.problems import ValidationFailed
from yearbook.publish.cache import OutputCache
from yearbook.publish.charts import Chart, render_all
from yearbook.publish.site import metric_charts, report_view, write_page, write_site
from yearbook.report import Report, load_report
from yearbook.timing import Phases
from yearbook.warehouse import Warehouse

__all__ = ["WATCHED", "Mistake", "Previewer"]

WATCHED = (".yaml", ".yml", ".j2", ".csv")
"""Kinds of file whose edit rebuilds the preview (declarations, templates, references)."""

_TEMPLATE_LINE = re.compile(r"template (?P<file>[^,:]+?)(?:, line (?P<line>\d+))?:")


@dataclass(frozen=True)
class Mistake:
    """Something the last edit got wrong, where it is (line 0: the file as a whole)."""

    file: str
    line: int
    message: str


class Previewer:
    """A report kept built in one folder, refreshed after each edit."""

    def __init__(self, report_dir: Path, warehouse: Warehouse, out: Path) -> None:
        self.report_dir = report_dir
        self.warehouse = warehouse
        self.out = out
        self.good = 0
        """How many times the page was written: the page's version."""
        self.mistakes: tuple[Mistake, ...] = ()
        self.phases = Phases()
        self.delta: Delta | None = None
        """What the last recompute recomputed and reused (`yearbook.incremental`)."""
        self._lock = threading.Lock()
        self._report: Report | None = None
        self._computed: Computed | None = None
        self._figures: Figures | None = None
        self._coverage: list[Coverage] = []
        self._site_stale = True
        self._year_charts: dict[str, Chart] | None = None
        self._memo: dict[str, tuple[str, Prose]] = {}
        self._charts = OutputCache(cache_folder(out) / "preview")

    def state(self) -> dict[str, Any]:
        """What the page polls: its version and the mistakes of the last edit."""
        return {"good": self.good, "mistakes": [asdict(m) for m in self.mistakes]}

    def watched(self) -> list[Path]:
        """The folders whose edits rebuild the preview: the report's and its pack's."""
        folders = [self.report_dir]
        if self._report is not None:
            folders.append(self._report.pack.folder)
        return folders

    def refresh(self, changed: Iterable[Path] = ()) -> float:
        """Rebuild after ``changed`` files (all of it the first time); returns seconds."""
        started = time.perf_counter()
        with self._lock:
            try:
                self._rebuild({Path(p) for p in changed})
                self.mistakes = ()
                self.good += 1
            except ValidationFailed as err:
                self.mistakes = tuple(Mistake(str(p.file), p.line, p.message) for p in err.problems)
            except _Found as found:
                self.mistakes = (found.mistake,)
            except YearbookError as err:
                self.mistakes = (self._mistake(err),)
            except Exception as err:  # the preview's edge: a bad edit never stops the server
                self.mistakes = (Mistake(str(self.report_dir), 0, f"internal error: {err!r}"),)
        return time.perf_counter() - started

    def _mistake(self, err: YearbookError) -> Mistake:
        text = str(err)
        found = _TEMPLATE_LINE.search(text)
        if found is None:
            return Mistake(str(self.report_dir), 0, text)
        file = self.report_dir / "templates" / found["file"]
        return Mistake(str(file), int(found["line"] or 0), text)

    def _contradiction(self, err: UserError, markdown: str) -> Mistake:
        """The first contradicted claim of the self-check, in the template that wrote it."""
        data = json.loads((self.out / CLAIMS_FILE).read_text(encoding="utf-8"))
        rows = data.get("claims", []) if isinstance(data, dict) else data
        bad = next((c for c in rows if c.get("verdict") == "contradicted"), None)
        if bad is None:
            return Mistake(str(self.report_dir), 0, str(err))
        text = strip_links(markdown)
        start, end = int(bad["start"]), int(bad["end"])
        line = text[:start].rsplit("\n", 1)[-1] + text[start:end] + text[end:].split("\n", 1)[0]
        said = f"the self-check contradicts {bad['text']!r}: {bad.get('reason', '')}"
        for template, (_, body) in self._memo.items():
            if line.strip() and line.strip() in strip_links(body.markdown):
                path = self.report_dir / "templates" / template
                return Mistake(str(path), _line_of(path, line), said)
        return Mistake(str(self.report_dir), 0, said)

    def _rebuild(self, changed: set[Path]) -> None:
        templates_only = bool(changed) and all(p.suffix == ".j2" for p in changed)
        if self._report is None or self._figures is None or not templates_only:
            self._recompute()
        assert self._report is not None and self._figures is not None
        report, figures = self._report, self._figures
        with self.phases("render prose"):
            prose = render_prose(report, figures, coverage=self._coverage, memo=self._memo)
            markdown = prose.markdown
        with self.phases("self-check"):
            try:
                self_check(
                    figures,
                    prose,
                    self.out,
                    fiscal_year=report.spec.fiscal_year,
                    metrics=metric_meta(report.metrics),
                    report_dir=report.folder,
                )
            except UserError as err:
                raise _Found(self._contradiction(err, markdown)) from None
        notes = coverage_markdown(self._coverage)
        markdown = "\n".join(part for part in (markdown, notes) if part)
        with self.phases("write page"):
            if self._site_stale:
                write_site(report, figures, markdown, self.out, render=self._render)
                self._site_stale = False
            else:  # the same figures: only the page's text changed
                if self._year_charts is None:
                    self._year_charts = metric_charts(report, figures)
                write_page(report_view(report, figures, markdown, self._year_charts), self.out)

    def _render(self, charts: Any) -> list[str]:
        return render_all(charts, self._charts)

    def _recompute(self) -> None:
        with self.phases("load report"):
            report = load_report(self.report_dir).for_tables(self.warehouse.tables())
        with self.phases("compute figures"):
            computed, self.delta = recompute(report, self.warehouse, self._computed)
            figures, coverage = disclosed(report, self.warehouse, computed)
        self._report, self._computed, self._figures = report, computed, figures
        self._coverage = coverage
        self._site_stale = True  # charts and figure pages are written again
        self._year_charts = None
        self._memo.clear()  # the text of every section may name a changed figure
        self.out.mkdir(parents=True, exist_ok=True)


class _Found(Exception):
    """A mistake already placed in its file (raised inside `Previewer.refresh` only)."""

    def __init__(self, mistake: Mistake) -> None:
        super().__init__(mistake.message)
        self.mistake = mistake


def _line_of(template: Path, rendered: str) -> int:
    """The template line that best matches a rendered line (its words; 0 if none do)."""
    words = re.findall(r"[A-Za-z]{3,}", rendered)[:6]
    best, found = 0, 0
    for number, source in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
        hits = sum(1 for word in words if word in source)
        if hits > best:
            best, found = hits, number
    return found
