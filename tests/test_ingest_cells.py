"""Cell parsing: redactions counted, codes and countries kept as ICE means them.

The redaction markers and the criminality and gender codes are the ICE pack's
(``packs/ice/layouts/_normalise.yaml``); the other parsers are the engine's."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ICE
from yearbook.ingest.layouts import read_normalisation
from yearbook.ingest.parse import Cells, Parsed
from yearbook.ingest.parse import clean as _clean
from yearbook.ingest.parse import parse as _parse
from yearbook.tables.engine import ENGINE_TABLES

NORMALISATION = read_normalisation(ICE.layouts_dir)


def clean(array: pa.Array, missing: tuple[str, ...]) -> Cells:
    return _clean(array, missing, NORMALISATION.redaction_prefixes)


def parse(kind: str, cells: Cells) -> Parsed:
    return _parse(kind, cells, NORMALISATION.values)


REDACTION_FORMS = ["b(6), b(7)c", "b(6), b(7)C", "(b)(3)", "(B)(3)", "  b(6), b(7)c  ", "B(6)"]


@pytest.mark.parametrize("marker", REDACTION_FORMS)
def test_each_redaction_form_is_counted_and_means_missing(marker: str) -> None:
    cells = clean(pa.array([marker, "2023-01-05 00:00:00"]), ("NA",))
    assert cells.redacted.to_pylist() == [True, False]
    parsed = parse("date", cells)
    assert parsed.values.to_pylist() == [None, dt.date(2023, 1, 5)]
    assert parsed.bad.to_pylist() == [False, False]


# (parser, cell text, parsed value, failure reason or "" when it parses)
CASES = [
    ("datetime", "2023-03-01 13:45:00", dt.date(2023, 3, 1), ""),
    ("date", "2023-03-01", dt.date(2023, 3, 1), ""),
    ("date", "03/01/2023", dt.date(2023, 3, 1), ""),
    ("date", "3/1/2023 13:45", dt.date(2023, 3, 1), ""),
    ("date", "44986", dt.date(2023, 3, 1), ""),
    ("date", "2023-02-30", None, "unparseable date"),
    ("date", "yesterday", None, "unparseable date"),
    ("date", "1899-12-31", None, "implausible date"),
    ("date", "NA", None, ""),
    ("ncic_code", "0301", "0301", ""),
    ("ncic_code", "301", "0301", ""),
    ("ncic_code", "5404.0", "5404", ""),
    ("ncic_code", "54O4X", None, "malformed code"),
    ("upper", "Mexico", "MEXICO", ""),
    ("upper", "el salvador", "EL SALVADOR", ""),
    ("criminality", "1 Convicted Criminal", "convicted", ""),
    ("criminality", "2 Pending Criminal Charges", "pending", ""),
    ("criminality", "3 Other Immigration Violator", "other", ""),
    ("criminality", "4 Something Else", None, "unknown category value"),
    ("gender", "MALE", "Male", ""),
    ("gender", "Female", "Female", ""),
    ("gender", "X", None, "unknown category value"),
    ("yes_no", "YES", True, ""),
    ("yes_no", "NO", False, ""),
    ("yes_no", "maybe", None, "unknown category value"),
    ("integer", "1990", 1990, ""),
    ("integer", "1990.0", 1990, ""),
    ("integer", "19x0", None, "unparseable number"),
    ("number", "50,165", 50165.0, ""),
    ("fiscal_year_end", "2019", dt.date(2019, 9, 30), ""),
    ("fiscal_month", "APR 2020", dt.date(2020, 4, 1), ""),
    ("fiscal_month", "OCT 2020", dt.date(2019, 10, 1), ""),
    ("fiscal_month", "December FY2021", dt.date(2020, 12, 1), ""),
    ("fiscal_month", "Sept. 2021", dt.date(2021, 9, 1), ""),
    ("fiscal_month", "APRIL", None, "unparseable month"),
    ("fiscal_month", "FOO 2020", None, "unparseable month"),
    ("fiscal_month", "JAN 1800", None, "unparseable month"),
]


@pytest.mark.parametrize(("kind", "text", "value", "reason"), CASES)
def test_cell_parsers(kind: str, text: str, value: object, reason: str) -> None:
    parsed = parse(kind, clean(pa.array([text]), ("NA",)))
    assert parsed.values.to_pylist() == [value]
    assert parsed.bad.to_pylist() == [bool(reason)]
    if reason:
        assert parsed.reason == reason


def test_every_parser_reason_is_a_quarantine_reason() -> None:
    reasons = {reason for *_, reason in CASES if reason}
    quarantine = next(t for t in ENGINE_TABLES if t.name == "quarantine")
    assert reasons <= set(quarantine.column("reason").values)


def test_datetime_keeps_the_time_for_duplicate_rules() -> None:
    parsed = parse("datetime", clean(pa.array(["2023-03-01 13:45:00"]), ()))
    assert parsed.time is not None
    assert parsed.time.to_pylist() == [dt.datetime(2023, 3, 1, 13, 45)]


PARSERS = ["text", "upper", "date", "datetime", "integer", "number", "criminality", "gender",
           "yes_no", "ncic_code", "fiscal_year_end", "fiscal_month"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(PARSERS),
    texts=st.lists(st.one_of(st.none(), st.text(max_size=30)), max_size=20),
)
def test_parsers_never_raise_and_every_cell_is_accounted(
    kind: str, texts: list[str | None]
) -> None:
    cells = clean(pa.array(texts, pa.string()), ("NA",))
    parsed = parse(kind, cells)
    values, bad = parsed.values.to_pylist(), parsed.bad.to_pylist()
    assert len(values) == len(bad) == len(texts)
    for value, failed, missing in zip(values, bad, cells.missing.to_pylist(), strict=True):
        # a cell either gives a value, is empty/redacted, or failed with a reason
        assert (value is not None) + missing + failed >= 1
        assert not (failed and value is not None)
