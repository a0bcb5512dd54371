"""ERO enforcement records that ICE releases beside arrests and removals:
encounters, detainers, and aggregate arrest counts computed from the releases."""

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

__all__ = ["ARREST_COUNTS", "DETAINERS", "ENCOUNTERS"]


ENCOUNTERS = register(
    TableSchema(
        name="encounters",
        office="ERO",
        description="ERO encounters: one row per encounter with a person.",
        date_column="event_date",
        key=("encounter_id",),
        columns=(
            Column("encounter_id", pa.string(), "Identifier of the record.", required=True),
            Column("event_date", pa.date32(), "Day of the encounter.", required=True),
            Column("aor", pa.string(), "Responsible area of responsibility."),
            Column("event_type", pa.string(), "Type of the encounter event."),
            Column("criminality", pa.string(), "Criminal history.", values=CRIMINALITY),
            CITIZENSHIP_COUNTRY,
            GENDER,
            Column("birth_year", pa.int16(), "Year of birth."),
            PERSON_ID,
            DUPLICATE_RULE,
        ),
    )
)

DETAINERS = register(
    TableSchema(
        name="detainers",
        office="ERO",
        description="Detainers lodged with other law enforcement agencies: one row per detainer.",
        date_column="prepare_date",
        key=("detainer_id",),
        columns=(
            Column("detainer_id", pa.string(), "Identifier of the record.", required=True),
            Column("prepare_date", pa.date32(), "Day the detainer was prepared.", required=True),
            Column("facility_state", pa.string(), "State of the holding facility."),
            Column("aor", pa.string(), "Area of responsibility of the facility."),
            Column("criminality", pa.string(), "Criminal history.", values=CRIMINALITY),
            Column(
                "charge_code",
                pa.string(),
                "Four-character NCIC code of the most serious conviction, kept as text.",
            ),
            CITIZENSHIP_COUNTRY,
            GENDER,
            PERSON_ID,
            DUPLICATE_RULE,
        ),
    )
)

ARREST_COUNTS = register(
    TableSchema(
        name="arrest_counts",
        office="ERO",
        description=(
            "Administrative arrests already counted by month, area of responsibility, state "
            "and criminality (aggregate files computed from the record-level releases)."
        ),
        date_column="month",
        key=("month", "aor", "state", "criminality"),
        columns=(
            Column("month", pa.date32(), "First day of the month counted.", required=True),
            Column("aor", pa.string(), "Area of responsibility.", required=True),
            Column("state", pa.string(), "State of apprehension, upper case."),
            Column(
                "criminality",
                pa.string(),
                "Criminal history at arrest.",
                required=True,
                values=CRIMINALITY,
            ),
            Column("arrests", pa.int32(), "Arrests counted.", required=True),
        ),
    )
)
