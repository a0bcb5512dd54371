"""The public entry point of ingest: `ingest(paths, warehouse)`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from yearbook.ingest.layouts import IngestError, load_layouts
from yearbook.ingest.pipeline import IngestResult, Progress, ingest_files
from yearbook.inputs import regular_file
from yearbook.packs import Pack
from yearbook.warehouse import DEFAULT_WAIT, Warehouse

__all__ = ["ingest"]


def ingest(
    paths: Sequence[Path | str],
    warehouse: Warehouse,
    pack: Pack,
    *,
    release: str | None = None,
    layouts_dir: Path | None = None,
    progress: Progress | None = None,
    replace: bool = False,
    wait: float = DEFAULT_WAIT,
    encoding: str | None = None,
) -> IngestResult:
    """Load record files (xlsx, csv, parquet) into a warehouse.

    Each file's layout is detected from the `pack`'s layouts by its header row
    and mapped onto one of the pack's canonical tables; failing rows go to the
    ``quarantine`` table, each file to the ``releases`` table. `release` names
    the release of every file (default: each file's name); `layouts_dir` adds
    mapping files to the pack's. The ingest is one transaction under the
    warehouse's write lock, waiting up to `wait` seconds for another writer;
    `replace` lets a file replace more than it brings (`yearbook.ingest.guard`).
    `encoding` is the text encoding of CSV files that are neither UTF-8 nor
    UTF-16 (which are detected), e.g. ``cp1252``.
    """
    files = [Path(p) for p in paths]
    for path in files:
        regular_file(path, "give record files: .xlsx, .csv(.gz) or .parquet", IngestError)
    layouts = load_layouts(pack.layouts_dir, pack.tables, layouts_dir)
    return ingest_files(
        files,
        Warehouse(warehouse.root, pack.tables),
        layouts=layouts,
        release=release,
        progress=progress,
        replace=replace,
        wait=wait,
        encoding=encoding,
    )
