"""Write synthetic records the way ICE releases them under FOIA.

The demo generator's arrests and removals, written as the spreadsheets the
Deportation Data Project and UWCHR republish: a preamble of six rows above the
header, one sheet per fiscal year (split further when a sheet would be too
long), datetimes for arrests and dates for departures, redaction markers
(``b(6), b(7)c`` and ``b(6), b(7)C``) in fully and partly redacted columns,
criminality written ``1 Convicted Criminal``..., and optionally the identifier
header misspelled ``Anonymized Identifer`` as in one release. Ingesting these
files must give back the records they were written from.

>>> import tempfile, pathlib, datetime as dt, pyarrow as pa
>>> arrests = pa.table({"arrest_date": [dt.date(2023, 1, 5)], "apprehension_method": ["Located"],
...     "criminality": ["convicted"], "aor": ["Atlanta Area of Responsibility"],
...     "citizenship_country": ["MEXICO"], "gender": ["Male"], "birth_year": [1990],
...     "person_id": ["abc"]})
>>> path = write_arrests_workbook(pathlib.Path(tempfile.mkdtemp()) / "a.xlsx", arrests)
>>> path.suffix
'.xlsx'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from .xlsx import Cell, Sheet, write_workbook

__all__ = [
    "ARRESTS_HEADER",
    "REDACTIONS",
    "REMOVALS_HEADER",
    "criminality_label",
    "preamble",
    "write_arrests_workbook",
    "write_removals_workbook",
]

REDACTIONS = ("b(6), b(7)c", "b(6), b(7)C")
"""The two spellings of the FOIA exemption marker that stand for a withheld value."""

ARRESTS_HEADER = (
    "Apprehension Date",
    "Apprehension Type",
    "State",
    "County",
    "TOA Current Duty AOR",
    "Apprehension Final Program",
    "Arresting Agency",
    "Apprehension Method",
    "Apprehension Criminality",
    "Case Status",
    "Case Category",
    "Departure Country",
    "Final Order Yes No",
    "Birth Date",
    "Birth Year",
    "Citizenship Country",
    "Gender",
    "Departed Date",
    "Final Order Date",
    "Apprehension Site Landmark",
    "Operation",
    "TOA Current Duty Site",
    "Case Criminality",
    "Case Threat Level",
    "Anonymized Identifier",
)
"""The 25 columns of the 2025-2026 arrest releases, in their order."""

REMOVALS_HEADER = (
    "Departed Date",
    "Port of Departure",
    "Departure Country",
    "Case AOR",
    "State",
    "County",
    "Case Status",
    "Gender",
    "Birth Country",
    "Citizenship Country",
    "Birth Date",
    "Birth Year",
    "Entry Date",
    "Entry Status",
    "Known Terrorist Yes No",
    "Suspected Gang Yes No",
    "MSC Charge",
    "MSC Charge Date",
    "MSC Criminal Charge Status",
    "MSC Charge Code",
    "MSC Conviction Date",
    "Case Criminality",
    "Case Threat Level",
    "Aggravated Felon Yes No",
    "Processing Disposition",
    "Case Category",
    "Final Program",
    "Final Program Code",
    "Arresting Agency",
    "TOA Case Category",
    "Latest Apprehension Final Program",
    "Latest Arresting Agency",
    "Latest Apprehension Date",
    "Final Order Yes No",
    "Final Order Date",
    "Final Charge Code",
    "Final Charge Section",
    "Prior Deport Yes No",
    "Anonymized Identifier",
)
"""The 39 columns of the March 2026 removals release, in their order."""

_CRIMINALITY = {
    "convicted": "1 Convicted Criminal",
    "pending": "2 Pending Criminal Charges",
    "other": "3 Other Immigration Violator",
}
_SHEET_ROWS = 1_000_000
"""Excel holds 1,048,576 rows a sheet; releases split long years below that."""


def criminality_label(value: str | None) -> str | None:
    """How a release writes a canonical criminality class.

    >>> criminality_label("pending")
    '2 Pending Criminal Charges'
    """
    return _CRIMINALITY.get(value or "")


def preamble(title: str, request: str) -> list[list[Cell]]:
    """Six rows above the header: text in column A only, one row left blank."""
    return [
        [title],
        ["U.S. Immigration and Customs Enforcement"],
        [],
        [f"FOIA request {request}"],
        ["Exemptions (b)(6) and (b)(7)(C) applied to personal information."],
        ["Synthetic records for testing; not agency data."],
    ]


def _redacted(row: int, every: int) -> bool:
    return every > 0 and (row * 2654435761) % every == 0


def _marker(row: int) -> str:
    return REDACTIONS[row % 2]


def _time_of_day(row: int) -> dt.time:
    seconds = (row * 7919 + 3 * 3600) % (20 * 3600)
    return dt.time(seconds // 3600 + 2, (seconds // 60) % 60)


def _sheets(
    name: str,
    header: Sequence[str],
    rows_of: Callable[[pa.Table, int], Iterator[list[Cell]]],
    table: pa.Table,
    date_column: str,
    sheet_rows: int,
    title: str,
) -> list[Sheet]:
    years = pc.add(
        pc.year(table.column(date_column)),
        pc.cast(pc.greater_equal(pc.month(table.column(date_column)), 10), pa.int64()),
    )
    sheets = []
    for year in sorted(set(years.to_pylist())):
        part = table.filter(pc.equal(years, year))
        for start in range(0, part.num_rows, sheet_rows):
            chunk = part.slice(start, sheet_rows)
            suffix = f" ({start // sheet_rows + 1})" if start else ""
            sheets.append(
                Sheet(
                    f"{name} FY{year}{suffix}",
                    preamble(title, "2024-ICFO-00000"),
                    list(header),
                    rows_of(chunk, start),
                )
            )
    return sheets


def _arrest_rows(redact_every: int) -> Callable[[pa.Table, int], Iterator[list[Cell]]]:
    def rows(chunk: pa.Table, offset: int) -> Iterator[list[Cell]]:
        cols = chunk.to_pydict()
        for i in range(chunk.num_rows):
            n = offset + i
            day: dt.date = cols["arrest_date"][i]
            crim = criminality_label(cols["criminality"][i])
            yield [
                dt.datetime.combine(day, _time_of_day(n)),
                "Administrative",
                None,
                None,
                cols["aor"][i],
                None,
                "ICE",
                cols["apprehension_method"][i],
                crim,
                None,
                None,
                None,
                None,
                _marker(n),
                _marker(n) if _redacted(n + 2, redact_every) else cols["birth_year"][i],
                cols["citizenship_country"][i],
                cols["gender"][i],
                None,
                None,
                _marker(n) if _redacted(n, redact_every) else "Non-Specific Location",
                None,
                None,
                crim,
                _marker(n) if _redacted(n + 1, redact_every) else None,
                cols["person_id"][i],
            ]

    return rows


def _yes_no(value: object) -> str:
    return "YES" if value else "NO"


def _removal_rows(redact_every: int) -> Callable[[pa.Table, int], Iterator[list[Cell]]]:
    def rows(chunk: pa.Table, offset: int) -> Iterator[list[Cell]]:
        cols = chunk.to_pydict()
        for i in range(chunk.num_rows):
            n = offset + i
            cells: list[Cell] = [None] * len(REMOVALS_HEADER)
            cells[0] = cols["departure_date"][i]
            cells[2] = cols["departure_country"][i]
            cells[7] = "Male"
            cells[10] = _marker(n)
            cells[14] = _yes_no(cols["kst"][i])
            cells[15] = _yes_no(cols["gang"][i])
            cells[21] = criminality_label(cols["criminality"][i])
            cells[22] = _marker(n) if _redacted(n, redact_every) else None
            cells[38] = cols["person_id"][i]
            yield cells

    return rows


def write_arrests_workbook(
    path: Path,
    arrests: pa.Table,
    *,
    sheet_rows: int = _SHEET_ROWS,
    redact_every: int = 50,
) -> Path:
    """Canonical arrests written as an ERO arrests release (2025-2026 layout).

    One sheet per fiscal year, split every `sheet_rows` rows; a redaction
    marker in roughly one row in `redact_every` of two partly redacted columns.
    """
    sheets = _sheets(
        "Arrests",
        ARRESTS_HEADER,
        _arrest_rows(redact_every),
        arrests,
        "arrest_date",
        sheet_rows,
        "ERO Administrative Arrests",
    )
    return write_workbook(path, sheets or [Sheet("Arrests", preamble("", ""), ARRESTS_HEADER, [])])


def write_removals_workbook(
    path: Path,
    removals: pa.Table,
    *,
    sheet_rows: int = _SHEET_ROWS,
    redact_every: int = 50,
    misspell_identifier: bool = True,
) -> Path:
    """Canonical removals written as a removals release (March 2026 layout).

    With `misspell_identifier`, the identifier header reads ``Anonymized
    Identifer`` as it does in one of ICE's releases. The layout has no
    human-rights-violator flag, so that flag does not survive the trip.
    """
    header = list(REMOVALS_HEADER)
    if misspell_identifier:
        header[-1] = "Anonymized Identifer"
    sheets = _sheets(
        "Removals",
        header,
        _removal_rows(redact_every),
        removals,
        "departure_date",
        sheet_rows,
        "ICE Removals",
    )
    return write_workbook(path, sheets or [Sheet("Removals", preamble("", ""), header, [])])
