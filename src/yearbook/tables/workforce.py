"""The agency's workforce: headcount by office and deployments away from home posts."""

from __future__ import annotations

import pyarrow as pa

from yearbook.tables import Column, TableSchema, register

__all__ = ["DEPLOYMENTS", "OFFICES", "WORKFORCE"]

OFFICES = ("ERO", "HSI", "OPLA", "M&A", "OPR", "Leadership")
"""ICE's offices as the workforce records name them."""

WORKFORCE = register(
    TableSchema(
        name="workforce",
        office="M&A",
        description=(
            "Employees on board at the end of each fiscal year: one row per employee "
            "and year (a headcount snapshot kept by human capital)."
        ),
        date_column="as_of_date",
        key=("employee_id", "as_of_date"),
        columns=(
            Column("employee_id", pa.string(), "Anonymised employee identifier.", identifying=True),
            Column("as_of_date", pa.date32(), "Day of the snapshot.", required=True),
            Column("office", pa.string(), "Office of the employee.", required=True, values=OFFICES),
            Column("law_enforcement", pa.bool_(), "Holds a law enforcement position."),
        ),
    )
)

DEPLOYMENTS = register(
    TableSchema(
        name="deployments",
        office="M&A",
        description=(
            "Temporary deployments of employees away from their post: one row per "
            "deployment. An employee may be deployed more than once a year."
        ),
        date_column="start_date",
        key=("deployment_id",),
        columns=(
            Column("deployment_id", pa.string(), "Identifier of the deployment.", required=True),
            Column("start_date", pa.date32(), "First day of the deployment.", required=True),
            Column("employee_id", pa.string(), "Anonymised employee identifier.", identifying=True),
            Column("office", pa.string(), "Home office of the employee.", values=OFFICES),
            Column(
                "destination",
                pa.string(),
                "Where the employee was sent.",
                values=("southwest_border", "other"),
            ),
        ),
    )
)
