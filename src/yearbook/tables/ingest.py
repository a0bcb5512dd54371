"""What ingest records about itself: rows it could not load, releases it loaded, and
figures an agency published (loaded like any other file, to compare against)."""

from __future__ import annotations

import pyarrow as pa

from yearbook.tables import Column, TableSchema, register

__all__ = ["PUBLISHED_FIGURES", "QUARANTINE", "RELEASES"]

QUARANTINE = register(
    TableSchema(
        name="quarantine",
        office="ingest",
        description=(
            "Rows of ingested files that failed validation: where each came from and why. "
            "For every file, rows in = rows loaded + rows quarantined."
        ),
        date_column="ingested_on",
        key=("file", "sheet", "row"),
        columns=(
            Column("ingested_on", pa.date32(), "Day of the ingest.", required=True),
            Column("file", pa.string(), "File name (without its folder).", required=True),
            Column("sheet", pa.string(), "Worksheet name; empty for CSV and Parquet."),
            Column("row", pa.int64(), "Row number in the file (Excel's, 1-based).", required=True),
            Column("table", pa.string(), "Canonical table the row was meant for.", required=True),
            Column("layout", pa.string(), "Layout (mapping file) that read it.", required=True),
            Column("column", pa.string(), "Source column of the first problem found."),
            Column(
                "reason",
                pa.string(),
                "What was wrong.",
                required=True,
                values=(
                    "missing required value",
                    "redacted required value",
                    "unparseable date",
                    "implausible date",
                    "unparseable number",
                    "unknown category value",
                    "malformed code",
                ),
            ),
            Column("value", pa.string(), "The offending cell, as text."),
        ),
    )
)

RELEASES = register(
    TableSchema(
        name="releases",
        office="ingest",
        description=(
            "Every file ingested: its release, the window of dates it covers and its row "
            "accounting. A newer release covering the same dates replaces the overlap; the "
            "rows it replaced are counted here."
        ),
        date_column="ingested_on",
        key=("file", "table"),
        columns=(
            Column("ingested_on", pa.date32(), "Day of the ingest.", required=True),
            Column("file", pa.string(), "File name (without its folder).", required=True),
            Column("checksum", pa.string(), "Checksum of the file's bytes.", required=True),
            Column(
                "release", pa.string(), "Name of the release the file belongs to.", required=True
            ),
            Column("table", pa.string(), "Canonical table it was loaded into.", required=True),
            Column("layout", pa.string(), "Layout (mapping file) that read it.", required=True),
            Column("window_start", pa.date32(), "Earliest date loaded from it."),
            Column("window_end", pa.date32(), "Latest date loaded from it."),
            Column("rows_in", pa.int64(), "Data rows in the file.", required=True),
            Column("rows_loaded", pa.int64(), "Rows loaded.", required=True),
            Column("rows_quarantined", pa.int64(), "Rows quarantined.", required=True),
            Column(
                "rows_replaced", pa.int64(), "Older rows in its window it replaced.", required=True
            ),
            Column(
                "duplicates_flagged",
                pa.int64(),
                "Loaded rows flagged as likely duplicates.",
                required=True,
            ),
            Column(
                "redacted_cells", pa.int64(), "Cells holding a redaction marker.", required=True
            ),
        ),
    )
)

PUBLISHED_FIGURES = register(
    TableSchema(
        name="published_figures",
        office="ingest",
        description=(
            "Figures an agency published (from its reports or officials' statements), one row "
            "per figure and fiscal year, with the source. Used to compare computed figures "
            "against, never as the source of a computed figure."
        ),
        date_column="year_end",
        key=("office", "metric", "year_end"),
        columns=(
            Column("year_end", pa.date32(), "Last day of the fiscal year.", required=True),
            Column("office", pa.string(), "Office that published it.", required=True),
            Column("metric", pa.string(), "The publisher's name of the figure.", required=True),
            Column("value", pa.float64(), "The published value.", required=True),
            Column("unit", pa.string(), "Unit of the value."),
            Column("qualifier", pa.string(), "Qualifier stated with it (about, nearly...)."),
            Column("source_url", pa.string(), "Where it was published."),
        ),
    )
)
