"""Office submissions: facts an office reports that are not counts of its records.

Awards won, partner countries, personnel trained, the goals of a strategy, the
launch of an initiative: each is a row (or, for a list, one row per item) with
who submitted it, when, and its source. The ``submitted`` measure reads them.
"""

from __future__ import annotations

import pyarrow as pa

from yearbook.tables import Column, TableSchema, register
from yearbook.tables.hsi import QUANTITY_QUALIFIERS

__all__ = ["SUBMISSIONS"]

SUBMISSIONS = register(
    TableSchema(
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
                values=QUANTITY_QUALIFIERS,
            ),
            Column(
                "submitted_by", pa.string(), "Office and unit that submitted it.", required=True
            ),
            Column("submitted_on", pa.date32(), "Day it was submitted.", required=True),
            Column("source", pa.string(), "Where the value comes from.", required=True),
        ),
    )
)
