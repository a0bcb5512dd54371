"""Office of the Principal Legal Advisor: hearings, case completions and special caseloads."""

from __future__ import annotations

import pyarrow as pa

from yearbook.tables import Column, TableSchema, register

__all__ = ["CASELOAD", "CASELOAD_PROGRAMS", "COMPLETIONS", "HEARINGS", "OUTCOMES"]

OUTCOMES = ("relief_granted", "removal_order", "pd_dismissal", "other")
"""How a case before the immigration courts ended: relief granted, an order of
removal, dismissal in the exercise of prosecutorial discretion, or otherwise."""

CASELOAD_PROGRAMS = ("human_rights_violator", "national_security")

HEARINGS = register(
    TableSchema(
        name="opla_hearings",
        office="OPLA",
        description=(
            "Removal hearings before the Executive Office for Immigration Review in which "
            "OPLA attorneys represented DHS: one row per hearing."
        ),
        date_column="hearing_date",
        key=("hearing_id",),
        columns=(
            Column("hearing_id", pa.string(), "Identifier of the hearing.", required=True),
            Column("hearing_date", pa.date32(), "Day of the hearing.", required=True),
            Column("court", pa.string(), "Immigration court."),
            Column(
                "hearing_type",
                pa.string(),
                "Master calendar or individual (merits) hearing.",
                values=("master", "individual"),
            ),
        ),
    )
)

COMPLETIONS = register(
    TableSchema(
        name="opla_completions",
        office="OPLA",
        description="Cases completed before the immigration courts: one row per case completed.",
        date_column="completion_date",
        key=("completion_id",),
        columns=(
            Column("completion_id", pa.string(), "Identifier of the completion.", required=True),
            Column("completion_date", pa.date32(), "Day the case was completed.", required=True),
            Column("outcome", pa.string(), "How the case ended.", required=True, values=OUTCOMES),
            Column("court", pa.string(), "Immigration court."),
        ),
    )
)

CASELOAD = register(
    TableSchema(
        name="opla_caseload",
        office="OPLA",
        description=(
            "Cases OPLA managed in its human rights violator and national security "
            "programs: one row per case and fiscal year it was open in."
        ),
        date_column="as_of_date",
        key=("case_id", "as_of_date"),
        columns=(
            Column("case_id", pa.string(), "Identifier of the case.", required=True),
            Column(
                "as_of_date",
                pa.date32(),
                "Last day of the fiscal year (or of the case, if earlier) it was managed in.",
                required=True,
            ),
            Column(
                "program",
                pa.string(),
                "The special caseload the case belongs to.",
                required=True,
                values=CASELOAD_PROGRAMS,
            ),
        ),
    )
)
