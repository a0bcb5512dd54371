"""Ingest: an agency's record-level releases (xlsx, csv, parquet) into the warehouse.

::

    from yearbook.ingest import ingest
    result = ingest([Path("arrests.xlsx")], Warehouse("warehouse"), load_pack("packs/ice"))
    for f in result.files:
        print(f.file, f.rows_in, f.loaded, f.quarantined, f.duplicates)

Nothing is lost: every row of every file is loaded or quarantined with a
reason; likely duplicates are flagged, not deleted; a newer release replaces
the overlap of an older one, recorded in the ``releases`` table. Layouts are
data: one mapping file per known release layout in a pack's ``layouts/``.
"""

from __future__ import annotations

from yearbook.ingest.api import ingest
from yearbook.ingest.layouts import IngestError, Layout, detect_layout, load_layouts
from yearbook.ingest.pipeline import FileResult, IngestResult, NoProgress, Progress
from yearbook.ingest.real import load_real_data, real_data_files

__all__ = [
    "FileResult",
    "IngestError",
    "IngestResult",
    "Layout",
    "NoProgress",
    "Progress",
    "detect_layout",
    "ingest",
    "load_layouts",
    "load_real_data",
    "real_data_files",
]
