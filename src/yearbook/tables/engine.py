"""The tables the engine keeps whatever the agency: what ingest records about itself
(rows it could not load, releases it loaded), figures an agency published (loaded
like any other file, to compare against) and office submissions (facts an office
reports that are not counts of its records, read by the ``submitted`` measure).

Every pack's tables are these and its own (`yearbook.packs`)."""

from __future__ import annotations

import pyarrow as pa

from yearbook.tables import Column, TableSchema

__all__ = [
    "ENGINE_TABLES",
    "PUBLISHED_FIGURES",
    "QUALIFIERS",
    "QUARANTINE",
    "RELEASES",
    "SUBMISSIONS",
]

QUALIFIERS = ("exact", "at_least", "estimated")
"""How sure a recorded quantity is: counted exactly, a lower bound, or an estimate."""

QUARANTINE = TableSchema(
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
                "unparseable month",
            ),
        ),
        Column("value", pa.string(), "The offending cell, as text."),
    ),
)

RELEASES = TableSchema(
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
        Column("release", pa.string(), "Name of the release the file belongs to.", required=True),
        Column("table", pa.string(), "Canonical table it was loaded into.", required=True),
        Column("layout", pa.string(), "Layout (mapping file) that read it.", required=True),
        Column("window_start", pa.date32(), "Earliest date loaded from it."),
        Column("window_end", pa.date32(), "Latest date loaded from it."),
        Column("rows_in", pa.int64(), "Data rows in the file.", required=True),
        Column("rows_loaded", pa.int64(), "Rows loaded.", required=True),
        Column("rows_quarantined", pa.int64(), "Rows quarantined.", required=True),
        Column("rows_replaced", pa.int64(), "Older rows in its window it replaced.", required=True),
        Column(
            "duplicates_flagged",
            pa.int64(),
            "Loaded rows flagged as likely duplicates.",
            required=True,
        ),
        Column("redacted_cells", pa.int64(), "Cells holding a redaction marker.", required=True),
    ),
)

PUBLISHED_FIGURES = TableSchema(
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

SUBMISSIONS = TableSchema(
    name="submissions",
    office="all",
    description=(
        "Figures submitted by an office with their provenance: one row per figure, or "
        "one row per item of a submitted list (each with value 1)."
    ),
    date_column="as_of_date",
    key=("submission_id",),
    columns=(
        Column("submission_id", pa.string(), "Identifier of the row.", required=True),
        Column("metric", pa.string(), "The metric id the row contributes to.", required=True),
        Column(
            "as_of_date",
            pa.date32(),
            "The day the fact is about: the launch day of an initiative, or the last "
            "day of the fiscal year for a year's figure.",
            required=True,
        ),
        Column("item", pa.string(), "The item, for a submitted list; empty otherwise."),
        Column("value", pa.float64(), "The submitted value.", required=True),
        Column("unit", pa.string(), "What the value counts."),
        Column(
            "quantity_qualifier",
            pa.string(),
            "Whether the value is exact, a lower bound or an estimate.",
            required=True,
            values=QUALIFIERS,
        ),
        Column("submitted_by", pa.string(), "Office and unit that submitted it.", required=True),
        Column("submitted_on", pa.date32(), "Day it was submitted.", required=True),
        Column("source", pa.string(), "Where the value comes from.", required=True),
    ),
)

ENGINE_TABLES = (QUARANTINE, RELEASES, PUBLISHED_FIGURES, SUBMISSIONS)
