"""Detention: people held in ICE detention, as placements and as daily headcounts."""

from __future__ import annotations

import pyarrow as pa

from yearbook.tables import (
    CITIZENSHIP_COUNTRY,
    DUPLICATE_RULE,
    GENDER,
    PERSON_ID,
    Column,
    TableSchema,
    register,
)
from yearbook.tables.ero import CRIMINALITY

__all__ = ["DETENTION_HEADCOUNT", "DETENTION_STINTS"]

DETENTION_HEADCOUNT = register(
    TableSchema(
        name="detention_headcount",
        office="ERO",
        description=(
            "How many people one detention facility held on one day, counted from detention "
            "placements (a person is counted on every day from book-in to book-out). The "
            "average daily population of a fiscal year is the mean over its days of the sum "
            "across facilities."
        ),
        date_column="day",
        key=("facility_code", "day"),
        columns=(
            Column("day", pa.date32(), "The day counted.", required=True),
            Column(
                "facility_code",
                pa.string(),
                "ICE's code of the detention facility.",
                required=True,
            ),
            Column("detained", pa.int32(), "People held there that day.", required=True),
        ),
    )
)

DETENTION_STINTS = register(
    TableSchema(
        name="detention_stints",
        office="ERO",
        description=(
            "Detention placements: one row per stint of one person in one facility. A stay "
            "is the run of stints from the first book-in to the last book-out; its stints "
            "share `stay_book_in_date`."
        ),
        date_column="book_in_date",
        key=("stint_id",),
        columns=(
            Column("stint_id", pa.string(), "Identifier of the stint record.", required=True),
            Column("book_in_date", pa.date32(), "Day of book-in to the facility.", required=True),
            Column("book_out_date", pa.date32(), "Day of book-out; empty while still held."),
            Column("stay_book_in_date", pa.date32(), "Day the whole stay began."),
            Column("facility_code", pa.string(), "ICE's code of the detention facility."),
            Column("release_reason", pa.string(), "Why the stint ended, as ICE records it."),
            Column(
                "criminality",
                pa.string(),
                "Criminal history at book-in.",
                values=CRIMINALITY,
            ),
            CITIZENSHIP_COUNTRY,
            GENDER,
            PERSON_ID,
            DUPLICATE_RULE,
        ),
    )
)
