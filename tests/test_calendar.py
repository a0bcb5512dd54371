"""Fiscal years: 1 October - 30 September, named for the year they end."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yearbook.calendar import fiscal_year, fiscal_year_bounds, fiscal_year_sql, label
from yearbook.warehouse import Database


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2022, 9, 30), 2022),
        (dt.date(2022, 10, 1), 2023),
        (dt.date(2023, 9, 30), 2023),
        (dt.date(2023, 10, 1), 2024),
        (dt.date(2024, 2, 29), 2024),
        (dt.date(2019, 12, 31), 2020),
        (dt.date(2020, 1, 1), 2020),
    ],
)
def test_boundaries(day: dt.date, year: int) -> None:
    assert fiscal_year(day) == year


def test_datetime_uses_its_own_calendar_day() -> None:
    eastern = dt.timezone(dt.timedelta(hours=-4))
    late = dt.datetime(2023, 9, 30, 23, 30, tzinfo=eastern)  # already 1 Oct in UTC
    assert fiscal_year(late) == 2023
    assert fiscal_year(late.astimezone(dt.UTC)) == 2024
    assert fiscal_year(dt.datetime(2022, 10, 1, 0, 0, 1)) == 2023


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_day_is_inside_its_year(day: dt.date) -> None:
    first, last = fiscal_year_bounds(fiscal_year(day))
    assert first <= day <= last


@given(st.integers(min_value=1901, max_value=2200))
def test_years_tile_the_calendar(year: int) -> None:
    first, last = fiscal_year_bounds(year)
    assert (last - first).days in (364, 365)
    assert fiscal_year(first - dt.timedelta(days=1)) == year - 1
    assert fiscal_year(last + dt.timedelta(days=1)) == year + 1
    assert fiscal_year(first) == fiscal_year(last) == year


@given(
    st.datetimes(
        min_value=dt.datetime(1990, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from(
            [dt.UTC, dt.timezone(dt.timedelta(hours=-10)), dt.timezone(dt.timedelta(hours=13))]
        ),
    )
)
def test_datetime_matches_its_date(moment: dt.datetime) -> None:
    assert fiscal_year(moment) == fiscal_year(moment.date())


@settings(deadline=None)  # each example opens a database: slow on a loaded machine
@given(
    st.lists(
        st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 1, 1)),
        min_size=1,
        max_size=30,
    )
)
def test_sql_expression_agrees(days: list[dt.date]) -> None:
    with Database() as db:
        db.register_arrow("t", pa.table({"d": pa.array(days, pa.date32())}))
        rows = db.query(f"SELECT d, {fiscal_year_sql('d')} AS fy FROM t").to_pylist()
    for row in rows:
        assert row["fy"] == fiscal_year(row["d"])


def test_label() -> None:
    assert label(2023) == "FY 2023"
