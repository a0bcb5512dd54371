"""Homeland Security Investigations: criminal arrests, seizures, investigations, victims."""

from __future__ import annotations

import pyarrow as pa

from yearbook.tables import PERSON_ID, Column, TableSchema, register

__all__ = [
    "COMMODITIES",
    "FORENSIC_INTERVIEWS",
    "HSI_ARRESTS",
    "INVESTIGATIONS",
    "QUANTITY_QUALIFIERS",
    "SEIZURES",
    "VICTIMS",
    "VICTIM_TYPES",
]

COMMODITIES = (
    "narcotics",
    "precursor_chemicals",
    "currency_assets",
    "virtual_currency",
    "firearms",
    "ammunition_magazines",
    "ammunition_rounds",
    "counterfeit_goods",
    "general_merchandise",
)
"""What a seizure took. Narcotics and precursors are weighed in pounds; currency,
assets and goods are valued in dollars; firearms, magazines and rounds are counted."""

QUANTITY_QUALIFIERS = ("exact", "at_least", "estimated")
"""How sure a recorded quantity is: counted or weighed exactly, a lower bound
(e.g. rounds still being counted), or an estimate. Sets a figure's ``bound``."""

VICTIM_TYPES = ("child_exploitation", "human_trafficking", "other")

_OPERATION = Column(
    "operation",
    pa.string(),
    "Named operation the record belongs to (`without_a_trace`, ...); empty otherwise.",
)
_TCIU = Column(
    "tciu_country",
    pa.string(),
    "Partner country of the Transnational Criminal Investigative Unit that made the "
    "arrest or seizure; empty when no TCIU took part.",
)

HSI_ARRESTS = register(
    TableSchema(
        name="hsi_arrests",
        office="HSI",
        description="Criminal arrests made by HSI special agents or TCIU partners: one row each.",
        date_column="arrest_date",
        key=("arrest_id",),
        columns=(
            Column("arrest_id", pa.string(), "Identifier of the arrest record.", required=True),
            Column("arrest_date", pa.date32(), "Day of the arrest.", required=True),
            Column(
                "program_area",
                pa.string(),
                "Investigative program the case belongs to (narcotics, financial, ...).",
            ),
            _OPERATION,
            _TCIU,
            PERSON_ID,
        ),
    )
)

SEIZURES = register(
    TableSchema(
        name="seizures",
        office="HSI",
        description=(
            "Seizures by HSI and its TCIU partners: one row per commodity seized in one "
            "event, with its quantity and how sure that quantity is."
        ),
        date_column="seizure_date",
        key=("seizure_id",),
        columns=(
            Column("seizure_id", pa.string(), "Identifier of the seizure line.", required=True),
            Column("seizure_date", pa.date32(), "Day of the seizure.", required=True),
            Column("commodity", pa.string(), "What was seized.", required=True, values=COMMODITIES),
            Column("drug_type", pa.string(), "Drug, for narcotics (fentanyl, cocaine, ...)."),
            Column(
                "quantity",
                pa.float64(),
                "Amount seized, in `unit`: whole pounds, whole dollars or whole items.",
                required=True,
            ),
            Column("unit", pa.string(), "Unit of `quantity`.", values=("lbs", "usd", "items")),
            Column(
                "quantity_qualifier",
                pa.string(),
                "Whether the quantity is exact, a lower bound or an estimate.",
                required=True,
                values=QUANTITY_QUALIFIERS,
            ),
            _OPERATION,
            _TCIU,
        ),
    )
)

INVESTIGATIONS = register(
    TableSchema(
        name="investigations",
        office="HSI",
        description="Criminal investigations opened by HSI field offices: one row per case.",
        date_column="opened_date",
        key=("case_id",),
        columns=(
            Column("case_id", pa.string(), "Identifier of the case.", required=True),
            Column("opened_date", pa.date32(), "Day the case was opened.", required=True),
            Column("program_area", pa.string(), "Investigative program of the case."),
            _OPERATION,
        ),
    )
)

VICTIMS = register(
    TableSchema(
        name="victims",
        office="HSI",
        description=(
            "Victims identified or assisted in HSI cases: one row per victim and year, "
            "with whether the Victim Assistance Program (VAP) assisted them."
        ),
        date_column="identified_date",
        key=("victim_id",),
        columns=(
            Column("victim_id", pa.string(), "Identifier of the victim record.", required=True),
            Column("identified_date", pa.date32(), "Day the victim was identified.", required=True),
            Column(
                "victim_type",
                pa.string(),
                "The crime the person was a victim of.",
                required=True,
                values=VICTIM_TYPES,
            ),
            Column("minor", pa.bool_(), "Under 18 when identified.", required=True),
            Column("vap_assisted", pa.bool_(), "Assisted by VAP personnel.", required=True),
        ),
    )
)

FORENSIC_INTERVIEWS = register(
    TableSchema(
        name="forensic_interviews",
        office="HSI",
        description=(
            "Forensic interviews of victims and witnesses conducted by HSI forensic "
            "interview specialists: one row per interview."
        ),
        date_column="interview_date",
        key=("interview_id",),
        columns=(
            Column("interview_id", pa.string(), "Identifier of the interview.", required=True),
            Column("interview_date", pa.date32(), "Day of the interview.", required=True),
            Column("field_office", pa.string(), "HSI Special Agent in Charge office."),
            Column("minor", pa.bool_(), "The person interviewed was under 18."),
        ),
    )
)
