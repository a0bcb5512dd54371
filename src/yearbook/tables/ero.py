"""Enforcement and Removal Operations: arrests, their criminal-history charges, removals."""

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

__all__ = ["ARRESTS", "CHARGES", "CRIMINALITY", "REMOVALS"]

CRIMINALITY = ("convicted", "pending", "other")
"""ICE's three criminality classes: convicted criminal, pending criminal charges,
other immigration violator (`1 Convicted Criminal` ... in the releases)."""

CHARGE_CATEGORIES = (
    "homicide",
    "kidnapping",
    "sexual_assault",
    "assault",
    "robbery",
    "burglary",
    "weapons",
    "dangerous_drugs",
    "traffic_dui",
    "traffic_other",
    "immigration",
    "larceny",
    "fraud",
    "obstruction",
    "sex_offenses",
    "other",
)

ARRESTS = register(
    TableSchema(
        name="arrests",
        office="ERO",
        description=(
            "Administrative arrests made by ERO: one row per arrest. A person may be "
            "arrested more than once in a year."
        ),
        date_column="arrest_date",
        key=("arrest_id",),
        columns=(
            Column("arrest_id", pa.string(), "Identifier of the arrest record.", required=True),
            Column("arrest_date", pa.date32(), "Day of the arrest.", required=True),
            Column(
                "apprehension_method",
                pa.string(),
                "How the person was apprehended, as ICE records it (`Located`, "
                "`Custodial Arrest`, ...). Which methods count as at-large is the report's "
                "`reference/apprehension_methods.csv`.",
                required=True,
            ),
            Column(
                "criminality",
                pa.string(),
                "Criminal history at the time of arrest.",
                required=True,
                values=CRIMINALITY,
            ),
            Column("aor", pa.string(), "ERO area of responsibility that made the arrest."),
            CITIZENSHIP_COUNTRY,
            GENDER,
            Column("birth_year", pa.int16(), "Year of birth."),
            PERSON_ID,
            DUPLICATE_RULE,
        ),
    )
)

CHARGES = register(
    TableSchema(
        name="charges",
        office="ERO",
        description=(
            "Criminal charges and convictions on record for people arrested with a "
            "criminal history: one row per charge, attached to the arrest it was counted "
            "with. Partitioned by the fiscal year of that arrest."
        ),
        date_column="arrest_date",
        key=("charge_id",),
        columns=(
            Column("charge_id", pa.string(), "Identifier of the charge record.", required=True),
            Column("arrest_id", pa.string(), "The arrest (`arrests.arrest_id`).", required=True),
            Column("arrest_date", pa.date32(), "Day of that arrest.", required=True),
            Column(
                "charge_code",
                pa.string(),
                "Four-character NCIC offense code, kept as text (leading zeros matter).",
            ),
            Column(
                "charge_category",
                pa.string(),
                "Offense category derived from the NCIC code.",
                required=True,
                values=CHARGE_CATEGORIES,
            ),
            Column(
                "charge_status",
                pa.string(),
                "Convicted, or charged and pending.",
                required=True,
                values=("convicted", "pending"),
            ),
            PERSON_ID,
        ),
    )
)

REMOVALS = register(
    TableSchema(
        name="removals",
        office="ERO",
        description="Removals and returns carried out by ERO: one row per departure.",
        date_column="departure_date",
        key=("removal_id",),
        columns=(
            Column("removal_id", pa.string(), "Identifier of the removal record.", required=True),
            Column("departure_date", pa.date32(), "Day the person departed.", required=True),
            Column("departure_country", pa.string(), "Country of departure, upper case."),
            Column("gang", pa.bool_(), "Known or suspected gang member.", required=True),
            Column("kst", pa.bool_(), "Known or suspected terrorist.", required=True),
            Column("hrv", pa.bool_(), "Human rights violator.", required=True),
            Column(
                "criminality",
                pa.string(),
                "Criminal history at removal.",
                values=CRIMINALITY,
            ),
            PERSON_ID,
            DUPLICATE_RULE,
        ),
    )
)
