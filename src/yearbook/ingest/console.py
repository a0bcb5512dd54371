"""The `yearbook ingest` command's display: progress bars per file and sheet, a summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from yearbook.ingest.api import ingest
from yearbook.ingest.pipeline import FileResult, IngestResult
from yearbook.packs import Pack
from yearbook.warehouse import DEFAULT_WAIT, Warehouse

__all__ = ["RichProgress", "run_ingest", "summary_table"]


class RichProgress:
    """One bar per file, advancing a step per sheet read."""

    def __init__(self, bars: Progress) -> None:
        self.bars = bars
        self.tasks: dict[str, TaskID] = {}

    def file_started(self, file: str, sheets: int) -> None:
        self.tasks[file] = self.bars.add_task(file, total=max(sheets, 1))

    def sheet_done(self, file: str, sheet: str, rows: int) -> None:
        label = f"{file} · {sheet}" if sheet else file
        self.bars.update(self.tasks[file], advance=1, description=f"{label} ({rows:,} rows)")

    def file_done(self, result: FileResult) -> None:
        task = self.tasks.get(result.file)
        if task is not None:
            self.bars.update(task, completed=self.bars.tasks[task].total, description=result.file)


def summary_table(result: IngestResult) -> Table:
    """Rows in, loaded, quarantined, replaced and flagged as duplicates, per file."""
    table = Table(
        "file", "table", "rows in", "loaded", "quarantined", "replaced", "duplicates", "layout"
    )
    for f in result.files:
        table.add_row(
            f.file,
            f.table,
            f"{f.rows_in:,}",
            f"{f.loaded:,}",
            f"{f.quarantined:,}",
            f"{f.replaced:,}",
            f"{f.duplicates:,}",
            f.layout,
        )
    return table


def run_ingest(
    paths: Sequence[Path],
    warehouse: Warehouse,
    pack: Pack,
    *,
    release: str | None,
    layouts_dir: Path | None,
    console: Console,
    replace: bool = False,
    wait: float = DEFAULT_WAIT,
    encoding: str | None = None,
) -> IngestResult:
    """Ingest with progress bars on `console`; returns the result for the summary."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bars:
        return ingest(
            paths,
            warehouse,
            pack,
            release=release,
            layouts_dir=layouts_dir,
            progress=RichProgress(bars),
            replace=replace,
            wait=wait,
            encoding=encoding,
        )
