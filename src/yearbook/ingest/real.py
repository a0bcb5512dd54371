"""The real files beside a checkout: small files derived from an agency's releases.

A source checkout may sit beside a ``shared`` folder holding real data
(``shared/data/real/``) and the agency's published figures
(``shared/data/official_figures.csv``). They are found relative to the report
folder (``reports/<id>/`` in the repository) and loaded through the same ingest
path as any user file. A lone clone has none of them, and nothing fails.
"""

from __future__ import annotations

from pathlib import Path

from yearbook.ingest.api import ingest
from yearbook.ingest.pipeline import IngestResult, Progress
from yearbook.packs import Pack
from yearbook.warehouse import Warehouse

__all__ = ["load_real_data", "real_data_files"]

_DATA_SUFFIXES = (".csv", ".csv.gz", ".xlsx", ".parquet")


def _shared_data(report_folder: Path) -> Path:
    """``shared/data`` beside the repository that holds the report folder."""
    repository = Path(report_folder).resolve().parent.parent
    return repository.parent / "shared" / "data"


def real_data_files(report_folder: Path) -> list[Path]:
    """The real data files (and published figures) beside the checkout, if any."""
    data = _shared_data(report_folder)
    files = sorted(
        p for p in (data / "real").glob("*") if p.is_file() and p.name.endswith(_DATA_SUFFIXES)
    )
    published = data / "official_figures.csv"
    if files and published.is_file():
        files.append(published)
    return files


def load_real_data(
    report_folder: Path, warehouse: Warehouse, pack: Pack, *, progress: Progress | None = None
) -> IngestResult | None:
    """Ingest the real files beside the checkout; None when there are none."""
    files = real_data_files(report_folder)
    if not files:
        return None
    return ingest(files, warehouse, pack, progress=progress)
