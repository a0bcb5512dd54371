"""The report's ERO figures in plain pandas: what a data scientist would write first."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

__all__ = ["figures"]

MISSING = "(not recorded)"
CRIMINAL = ["convicted", "pending"]


def _read(root: Path, table: str, columns: list[str]) -> pd.DataFrame:
    data = ds.dataset(root / table, format="parquet", partitioning="hive")
    frame = data.to_table(columns=columns).to_pandas()
    frame["fiscal_year"] = frame["fiscal_year"].astype("int64")
    return frame


def _month(dates: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(dates)
    return (stamps.dt.year * 100 + stamps.dt.month).astype("int64")


def _rows(metric: str, breakdown: str, counts: pd.Series) -> pd.DataFrame:
    frame = counts.rename("value").reset_index()
    if breakdown == "":
        frame.columns = ["fiscal_year", "value"]
        frame["breakdown_value"] = ""
    else:
        frame.columns = ["fiscal_year", "breakdown_value", "value"]
    frame = frame[(frame["value"] != 0) | (breakdown == "")]
    frame.insert(0, "metric", metric)
    frame.insert(2, "breakdown", breakdown)
    return frame[["metric", "fiscal_year", "breakdown", "breakdown_value", "value"]]


def _by_year(series: pd.Series, years: list[int]) -> pd.Series:
    return series.reindex(years, fill_value=0)


def figures(root: Path, methods_csv: Path) -> pd.DataFrame:
    """Every figure with its prior-year value: metric, fiscal_year, breakdown, breakdown_value,
    value, prior_value."""
    methods = pd.read_csv(methods_csv)
    at_large_methods = set(methods.loc[methods["at_large"], "apprehension_method"])

    arrests = _read(
        root,
        "arrests",
        [
            "arrest_id",
            "arrest_date",
            "apprehension_method",
            "criminality",
            "aor",
            "person_id",
            "duplicate_rule",
            "fiscal_year",
        ],
    )
    arrests = arrests[arrests["duplicate_rule"].isna()]
    arrests["aor"] = arrests["aor"].fillna(MISSING)
    arrests["criminality"] = arrests["criminality"].fillna(MISSING)
    arrests["month"] = _month(arrests["arrest_date"])
    arrests["at_large"] = arrests["apprehension_method"].isin(at_large_methods)
    criminal = arrests[arrests["criminality"].isin(CRIMINAL)]

    charges = _read(root, "charges", ["arrest_id", "charge_category", "fiscal_year"])
    charges["charge_category"] = charges["charge_category"].fillna(MISSING)
    charges = charges.merge(criminal[["arrest_id"]], on="arrest_id", how="inner")

    removals = _read(
        root,
        "removals",
        [
            "departure_date",
            "departure_country",
            "criminality",
            "gang",
            "kst",
            "hrv",
            "duplicate_rule",
            "fiscal_year",
        ],
    )
    removals = removals[removals["duplicate_rule"].isna()]
    removals["departure_country"] = removals["departure_country"].fillna(MISSING)
    removals["criminality"] = removals["criminality"].fillna(MISSING)
    removals["month"] = _month(removals["departure_date"])

    years = sorted(set(arrests["fiscal_year"]) | set(removals["fiscal_year"]))
    a_year = arrests.groupby("fiscal_year")
    r_year = removals.groupby("fiscal_year")
    parts = [
        _rows("ero.admin_arrests", "", _by_year(a_year.size(), years)),
        _rows("ero.admin_arrests", "aor", arrests.groupby(["fiscal_year", "aor"]).size()),
        _rows(
            "ero.admin_arrests",
            "criminality",
            arrests.groupby(["fiscal_year", "criminality"]).size(),
        ),
        _rows("ero.admin_arrests", "month", arrests.groupby(["fiscal_year", "month"]).size()),
        _rows("ero.at_large_arrests", "", _by_year(a_year["at_large"].sum(), years)),
        _rows(
            "ero.at_large_arrests", "aor", arrests.groupby(["fiscal_year", "aor"])["at_large"].sum()
        ),
        _rows(
            "ero.arrests_criminal_history",
            "",
            _by_year(criminal.groupby("fiscal_year")["person_id"].nunique(), years),
        ),
        _rows(
            "ero.arrests_criminal_history",
            "aor",
            criminal.groupby(["fiscal_year", "aor"])["person_id"].nunique(),
        ),
        _rows("ero.charges_total", "", _by_year(charges.groupby("fiscal_year").size(), years)),
        _rows(
            "ero.charges_total",
            "charge_category",
            charges.groupby(["fiscal_year", "charge_category"]).size(),
        ),
        _rows("ero.removals", "", _by_year(r_year.size(), years)),
        _rows(
            "ero.removals",
            "departure_country",
            removals.groupby(["fiscal_year", "departure_country"]).size(),
        ),
        _rows(
            "ero.removals", "criminality", removals.groupby(["fiscal_year", "criminality"]).size()
        ),
        _rows("ero.removals", "month", removals.groupby(["fiscal_year", "month"]).size()),
        _rows("ero.removals_gang", "", _by_year(r_year["gang"].sum(), years)),
        _rows("ero.removals_kst", "", _by_year(r_year["kst"].sum(), years)),
        _rows("ero.removals_hrv", "", _by_year(r_year["hrv"].sum(), years)),
    ]
    counts = pd.concat(parts, ignore_index=True)
    months = counts["breakdown"] == "month"
    as_month = counts.loc[months, "breakdown_value"].astype("int64")
    counts["breakdown_value"] = counts["breakdown_value"].astype(str)
    counts.loc[months, "breakdown_value"] = [f"{m // 100:04d}-{m % 100:02d}" for m in as_month]
    counts["value"] = counts["value"].astype("float64")
    derived = [
        _ratio(
            counts,
            "ero.arrests_criminal_history_share",
            "ero.arrests_criminal_history",
            "ero.admin_arrests",
            100.0,
            ["", "aor"],
        ),
        _ratio(
            counts,
            "ero.charges_per_person",
            "ero.charges_total",
            "ero.arrests_criminal_history",
            1.0,
            [""],
        ),
    ]
    result = pd.concat([counts, *derived], ignore_index=True)
    return _with_prior(result)


def _ratio(
    counts: pd.DataFrame, metric: str, num: str, den: str, factor: float, breakdowns: list[str]
) -> pd.DataFrame:
    keys = ["fiscal_year", "breakdown", "breakdown_value"]
    n = counts[(counts["metric"] == num) & counts["breakdown"].isin(breakdowns)]
    d = counts[counts["metric"] == den]
    joined = n.merge(d[[*keys, "value"]], on=keys, suffixes=("", "_den"))
    joined = joined[joined["value_den"] != 0]
    joined["value"] = factor * joined["value"] / joined["value_den"]
    joined["metric"] = metric
    return joined[["metric", *keys, "value"]]


def _with_prior(figures: pd.DataFrame) -> pd.DataFrame:
    keys = ["metric", "breakdown", "breakdown_value"]
    prior = figures[[*keys, "fiscal_year", "value"]].copy()
    prior["fiscal_year"] = prior["fiscal_year"] + 1
    prior = prior.rename(columns={"value": "prior_value"})
    return figures.merge(prior, on=[*keys, "fiscal_year"], how="left")
