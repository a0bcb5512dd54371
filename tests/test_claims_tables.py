"""Tables in prose: each cell read with its row's and its column's names (issue 14).

The tables here are written for these tests; the figures are a few rows built in place.
"""

from __future__ import annotations

from array import array

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.claims_support import Checker, Row, claim, verdict
from tests.conftest import REPO
from yearbook.claims import CheckResult, check
from yearbook.claims.tables import MAX_TABLE_ROWS, read_tables
from yearbook.claims.text import Plain

ROWS: list[Row] = [
    ("ero.removals", 2021, 59_011),
    ("ero.removals", 2022, 72_177),
    ("ero.admin_arrests", 2021, 74_082),
    ("ero.admin_arrests", 2022, 142_750),
]


@pytest.fixture(scope="module")
def checked() -> Checker:
    return Checker.flagship()


def _each_claim_on_its_text(text: str, result: CheckResult) -> None:
    """Each claim still points at its own text (its cell, in a table)."""
    for found in result.claims:
        assert 0 <= found.start <= found.end <= len(text)
        assert text[found.start : found.end] == found.text


def test_years_down_the_side_give_each_cell_its_row_year_and_column_metric(
    checked: Checker,
) -> None:
    text = (
        "Enforcement by fiscal year\n\n"
        "| Fiscal year | Removals | Administrative arrests |\n"
        "|---|---:|---:|\n"
        "| FY2021 | 59,011 | 74,082 |\n"
        "| FY2022 | 72,177 | 142,570 |\n"
    )
    result = checked(text, ROWS)
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "74,082") == ("ero.admin_arrests", 2021, "supported")
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")
    # a typo in one cell: the arrests of FY 2022 were 142,750
    assert verdict(result, "142,570") == ("ero.admin_arrests", 2022, "contradicted")
    _each_claim_on_its_text(text, result)


def test_a_column_repeating_another_columns_numbers_is_contradicted(checked: Checker) -> None:
    text = (
        "| Year | Removals | ICE arrests |\n|---|---|---|\n"
        "| FY2021 | 59,011 | 59,011 |\n| FY2022 | 72,177 | 72,177 |\n"
    )
    result = checked(text, ROWS)
    arrests = [c for c in result.claims if c.start > text.index("| 59,011 |") + 5]
    assert [(c.metric, c.fiscal_year, c.verdict) for c in arrests][:1] == [
        ("ero.admin_arrests", 2021, "contradicted")
    ]


def test_years_across_the_top_give_each_cell_its_column_year(checked: Checker) -> None:
    text = "| Measure | FY 2021 | FY 2022 |\n| --- | --- | --- |\n| Removals | 59,011 | 72,177 |\n"
    result = checked(text, ROWS)
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")


def test_an_html_table_is_read_like_a_markdown_one(checked: Checker) -> None:
    text = (
        "<html><body><p>What the agency reported.</p><table>\n"
        "<tr><th>Fiscal year</th><th>Removals</th></tr>\n"
        "<tr><td>FY2021</td><td>59,011</td></tr>\n"
        "<tr><td>FY2022</td><td>72,171</td></tr>\n"
        "</table></body></html>"
    )
    result = checked(text, ROWS)
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "72,171") == ("ero.removals", 2022, "contradicted")
    _each_claim_on_its_text(text, result)


def _captioned(caption: str, rows: str, value: str = "Value") -> str:
    return (
        f"<table><caption>{caption}</caption>"
        f"<tr><th>Fiscal year</th><th>{value}</th><th>Change on prior year</th></tr>"
        f"{rows}</table>"
    )


def test_a_tables_caption_says_what_its_values_and_signed_changes_count(
    checked: Checker,
) -> None:
    """A figure's data table as report pages publish it: the caption names the metric, the
    columns say only "Value" and "Change on prior year", and a change is a signed percent."""
    text = (
        "<html><body><h2>Enforcement year by year</h2>"
        + _captioned(
            "Table 1. Administrative arrests, FY 2021 to FY 2022",
            "<tr><td>FY 2021</td><td>74,082</td><td>\u2013</td></tr>"
            "<tr><td>FY 2022</td><td>142,750</td><td>+92.7%</td></tr>",
        )
        + _captioned(
            "Removals, FY 2021 to FY 2022",
            "<tr><td>FY 2021</td><td>59,101</td><td>\u2013</td></tr>"
            "<tr><td>FY 2022</td><td>72,177</td><td>-22.3%</td></tr>",
        )
        + "</body></html>"
    )
    result = checked(text, ROWS)
    assert verdict(result, "74,082") == ("ero.admin_arrests", 2021, "supported")
    assert verdict(result, "+92.7%") == ("ero.admin_arrests", 2022, "supported")
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")
    # a typo: the removals of FY 2021 were 59,011
    assert verdict(result, "59,101") == ("ero.removals", 2021, "contradicted")
    # removals rose 22.3%: the minus sign makes it a fall, which nothing supports (a change
    # whose metric only the table's title names is linked by its value, never contradicted)
    assert claim(result, "-22.3%").verdict == "unverifiable"
    _each_claim_on_its_text(text, result)


def test_a_weight_columns_unit_and_its_change_are_read(checked: Checker) -> None:
    """ "Value (lbs)" makes each cell a weight, and a weight's change is a change like a
    count's (as is an amount's, or an average's)."""
    rows: list[Row] = [
        ("hsi.narcotics_seized_lbs", 2019, 1_096_220),
        ("hsi.narcotics_seized_lbs", 2020, 1_412_680),
    ]
    text = (
        "<html><body>"
        + _captioned(
            "Narcotics seized by HSI, FY 2019 to FY 2020",
            "<tr><td>FY 2019</td><td>1,096,220</td><td>\u2013</td></tr>"
            "<tr><td>FY 2020</td><td>1,412,680</td><td>+28.9%</td></tr>",
            value="Value (lbs)",
        )
        + "<p>Narcotics seized by HSI rose 28.9% in FY 2020.</p></body></html>"
    )
    result = checked(text, rows)
    found = claim(result, "1,096,220")
    assert (found.kind, found.metric, found.verdict) == (
        "weight",
        "hsi.narcotics_seized_lbs",
        "supported",
    )
    assert verdict(result, "+28.9%") == ("hsi.narcotics_seized_lbs", 2020, "supported")
    assert verdict(result, "rose 28.9%") == ("hsi.narcotics_seized_lbs", 2020, "supported")
    amounts: list[Row] = [
        ("hsi.currency_assets_seized_usd", 2019, 775_640_000),
        ("hsi.currency_assets_seized_usd", 2020, 812_336_020),
    ]
    alone = "+4.7% on the year before: currency and assets seized by HSI in FY 2020."
    assert verdict(checked(alone, amounts), "+4.7%") == (
        "hsi.currency_assets_seized_usd",
        2020,
        "supported",
    )


def test_a_tables_title_gives_the_year_no_header_or_row_names(checked: Checker) -> None:
    text = (
        "In FY 2021 removals were 59,011. FY 2021 was the low point: in FY 2021 the offices"
        " made 74,082 arrests.\n\n"
        "Table 2. Removals, FY 2022\n\n| Measure | Value |\n|---|---|\n| Removals | 72,177 |\n"
    )
    found = claim(checked(text, ROWS), "72,177")
    assert (found.metric, found.fiscal_year, found.verdict) == ("ero.removals", 2022, "supported")
    assert "does not say which year" not in found.reason  # the title says it


def test_a_column_of_years_gives_each_row_its_year_and_is_no_claim(checked: Checker) -> None:
    text = (
        "| Metric | Fiscal year | Published |\n|---|---|---|\n"
        "| Removals | 2021 | 59,011 |\n| Removals | 2022 | 72,177 |\n"
        "| Administrative arrests | 2022 | 142,570 |\n"
    )
    result = checked(text, ROWS)
    assert [c.text for c in result.claims] == ["59,011", "72,177", "142,570"]
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")
    assert verdict(result, "142,570") == ("ero.admin_arrests", 2022, "contradicted")


def test_the_figure_of_another_category_is_no_misstatement() -> None:
    """ "OTHER" has no words the ranking can read, so "All other countries" reads closest;
    but the number is exactly OTHER's figure, and is not called a misstatement of the other."""
    checked = Checker.of(REPO / "reports" / "cbp-encounters-fy2023")
    rows: list[Row] = [
        ("cbp.encounters", 2023, 605_169, "citizenship", "All other countries"),
        ("cbp.encounters", 2023, 299_575, "citizenship", "OTHER"),
    ]
    text = (
        "Encounters by country of citizenship, FY 2023\n\n"
        "| Country of citizenship | Value (encounters) |\n|---|---|\n"
        "| All other countries | 605,169 |\n| OTHER | 299,575 |\n| Elsewhere | 299,576 |\n"
    )
    result = checked(text, rows)
    assert claim(result, "605,169").verdict == "supported"
    found = claim(result, "299,575")
    assert found.verdict == "unverifiable", found.reason
    assert claim(result, "299,576").verdict == "contradicted"


def test_the_row_limit_counts_rows_not_the_blank_lines_between_them() -> None:
    """HTML leaves a blank line between a table's rows: the first `MAX_TABLE_ROWS` rows are
    read, whatever lines lie between them, and the rest are left as they are."""
    rows = "".join(f"| Office {n} | {1000 + n} |\n \n" for n in range(MAX_TABLE_ROWS + 20))
    text = "| Office | Cases |\n|---|---|\n" + rows
    plain = read_tables(Plain(text, array("q", range(len(text))), len(text)))
    read = plain.text.count(" Cases in Office ")
    assert read == MAX_TABLE_ROWS
    assert f"| Office {MAX_TABLE_ROWS} | {1000 + MAX_TABLE_ROWS} |" in plain.text


def test_a_year_to_date_row_is_no_whole_fiscal_year(checked: Checker) -> None:
    text = "| Year | Removals |\n|---|---|\n| FY2022 (FYTD) | 59,011 |\n"
    found = claim(checked(text, ROWS), "59,011")
    assert (found.fiscal_year, found.verdict) == (None, "unverifiable")


def test_pipes_without_a_rule_under_a_header_are_prose(checked: Checker) -> None:
    text = "In FY 2021 ERO removed 59,011 people | a drop | from the year before."
    result = checked(text, ROWS)
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")


def test_pipe_rows_under_a_header_of_names_are_a_table_without_a_rule(
    checked: Checker,
) -> None:
    text = (
        "Fiscal year | Administrative arrests | Removals\n"
        "FY2021 | 74,082 | 59,011\n"
        "FY2022 | 142,750 | 72,771\n"
    )
    result = checked(text, ROWS)
    assert verdict(result, "74,082") == ("ero.admin_arrests", 2021, "supported")
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "72,771") == ("ero.removals", 2022, "contradicted")
    _each_claim_on_its_text(text, result)


def test_a_line_of_years_each_labelling_its_value_gives_each_its_year(
    checked: Checker,
) -> None:
    text = "Removals\nFY21: 59,011 | FY22: 72,177\n"
    result = checked(text, ROWS)
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")


def test_words_of_a_tables_title_said_with_each_cell_make_no_claim_of_the_cell() -> None:
    """A title's words are said again with each cell; a claim in them ("nearly doubled") is
    no claim of the cell, where its text is not."""
    text = (
        "Arrests nearly doubled last year\n\n| Year | Arrests |\n|---|---|\n"
        "| FY2021 | 74,082 |\n| FY2022 | 142,750 |"
    )
    result = check(text)
    _each_claim_on_its_text(text, result)
    assert [c.text for c in result.claims] == ["74,082", "142,750"]


_CELL = st.one_of(
    st.sampled_from(["FY2021", "2022", "Removals", "", " ", "59,011", "n/a", "12%", "|"]),
    st.text(alphabet="ab1,|-: \n", max_size=12),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=6))
@example([["FY2021", "FY2021", "FY2021", "111"], ["FY2021", "FY2021", "FY2021", "1"]])
def test_any_table_keeps_every_claim_on_its_own_text(rows: list[list[str]]) -> None:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    text = "\n".join([lines[0], "|---|---|", *lines[1:]])
    _each_claim_on_its_text(text, check(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=2, max_size=4), min_size=1, max_size=6))
def test_any_pipe_lines_without_a_rule_keep_every_claim_on_its_own_text(
    rows: list[list[str]],
) -> None:
    text = "\n".join(" | ".join(row) for row in rows)
    _each_claim_on_its_text(text, check(text))


def test_a_plain_text_table_under_a_line_of_years_gives_each_number_its_column_year(
    checked: Checker,
) -> None:
    text = (
        "Table 1. Enforcement, 2021-2022\n\n"
        "   FY 2021 FY 2022\n"
        "Total Removals (Border and Interior) 59,011 72,177\n"
        "Administrative arrests 74,082 142,570\n\n"
        "The agency published the table in its report."
    )
    result = checked(text, ROWS)
    assert verdict(result, "59,011") == ("ero.removals", 2021, "supported")
    assert verdict(result, "72,177") == ("ero.removals", 2022, "supported")
    assert verdict(result, "142,570") == ("ero.admin_arrests", 2022, "contradicted")
    _each_claim_on_its_text(text, result)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=5))
def test_any_plain_year_table_keeps_every_claim_on_its_own_text(rows: list[list[str]]) -> None:
    text = "\n".join(["  2020 2021 2022", *(" ".join(row) for row in rows)])
    _each_claim_on_its_text(text, check(text))
