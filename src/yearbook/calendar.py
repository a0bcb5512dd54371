"""Federal fiscal years: 1 October to 30 September, named for the year they end.

>>> import datetime as dt
>>> fiscal_year(dt.date(2022, 10, 1))
2023
>>> fiscal_year(dt.date(2023, 9, 30))
2023
>>> fiscal_year_bounds(2023)
(datetime.date(2022, 10, 1), datetime.date(2023, 9, 30))
"""

from __future__ import annotations

import datetime as dt

__all__ = ["FIRST_MONTH", "fiscal_year", "fiscal_year_bounds", "fiscal_year_sql", "label"]

FIRST_MONTH = 10
"""The fiscal year starts on the first day of this month."""


def fiscal_year(value: dt.date | dt.datetime) -> int:
    """The fiscal year a date or datetime falls in.

    A datetime is judged by its own calendar date, in its own time zone: an
    event logged at 23:30 on 30 September local time belongs to the year that
    ends that day, whatever the UTC clock said.
    """
    day = value.date() if isinstance(value, dt.datetime) else value
    return day.year + 1 if day.month >= FIRST_MONTH else day.year


def fiscal_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last day (both inclusive) of a fiscal year."""
    return dt.date(year - 1, FIRST_MONTH, 1), dt.date(year, FIRST_MONTH - 1, 30)


def fiscal_year_sql(column: str) -> str:
    """A SQL expression (DuckDB and Spark) giving the fiscal year of a date column."""
    return (
        f"(CAST(EXTRACT(year FROM {column}) AS INTEGER)"
        f" + CASE WHEN EXTRACT(month FROM {column}) >= {FIRST_MONTH} THEN 1 ELSE 0 END)"
    )


def label(year: int) -> str:
    """How a report names a fiscal year: ``FY 2023``."""
    return f"FY {year}"
