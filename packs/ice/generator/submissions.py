"""Office submissions: read a report's ``submissions.csv`` into the canonical table.

Each row is a figure (or one item of a list) an office submitted, with who
submitted it, when, and its source. The file is data, not calibration: the
demo loads it as an office would send it.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from yearbook.calendar import FIRST_MONTH

from .distributions import serial_ids
from .targets import TargetsError

__all__ = ["SUBMISSION_COLUMNS", "read_submissions"]

SUBMISSION_COLUMNS: dict[str, pa.DataType] = {
    "metric": pa.string(),
    "fiscal_year": pa.int32(),
    "as_of_date": pa.date32(),
    "item": pa.string(),
    "value": pa.float64(),
    "unit": pa.string(),
    "quantity_qualifier": pa.string(),
    "submitted_by": pa.string(),
    "submitted_on": pa.date32(),
    "source": pa.string(),
}


def read_submissions(path: Path) -> pa.Table:
    """The rows of a submissions CSV, shaped as the ``submissions`` table.

    Each row's ``fiscal_year`` must be the fiscal year of its ``as_of_date``.
    """
    try:
        raw = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                column_types=SUBMISSION_COLUMNS,
                include_columns=list(SUBMISSION_COLUMNS),
                strings_can_be_null=True,
            ),
        )
    except (OSError, pa.ArrowInvalid) as exc:
        raise TargetsError(
            f"cannot read the submissions file {path}: {exc}",
            hint="columns: " + ", ".join(SUBMISSION_COLUMNS),
        ) from None
    dates = raw.column("as_of_date")
    late = pc.greater_equal(pc.month(dates), FIRST_MONTH).cast(pa.int32())
    actual = pc.add(pc.year(dates).cast(pa.int32()), late)
    if not pc.all(pc.equal(raw.column("fiscal_year"), actual)).as_py():
        raise TargetsError(
            f"{path}: a row's fiscal_year is not the fiscal year of its as_of_date",
            hint="the fiscal year runs 1 October - 30 September and is named for its end",
        )
    ids = serial_ids("SUB-", 1, raw.num_rows, 6)
    return raw.drop_columns(["fiscal_year"]).add_column(0, "submission_id", ids)
