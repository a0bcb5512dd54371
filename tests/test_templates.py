"""Prose templates: unknown metrics fail with the template, its line and the metric."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPORT_DIR, Demo, copy_report
from yearbook.build import render_markdown
from yearbook.errors import TemplateError
from yearbook.report import load_report


def _report_with_template(tmp_path: Path, text: str) -> Path:
    folder = copy_report(tmp_path)
    (folder / "templates" / "ero.md.j2").write_text(text, encoding="utf-8")
    return folder


def test_unknown_metric_names_template_line_and_metric(tmp_path: Path, demo: Demo) -> None:
    folder = _report_with_template(
        tmp_path,
        "ERO made {{ count('ero.admin_arrests') }} arrests.\n\n"
        "It also made {{ count('ero.admin_arests') }} more.\n",
    )
    with pytest.raises(TemplateError) as info:
        render_markdown(load_report(folder), demo.result.figures)
    message = str(info.value)
    assert "ero.md.j2" in message
    assert "line 3" in message
    assert "ero.admin_arests" in message


def test_unknown_metric_built_at_render_time_is_caught_too(tmp_path: Path, demo: Demo) -> None:
    folder = _report_with_template(
        tmp_path, "First line.\n{% set m = 'ero.' ~ 'nothing' %}\nValue: {{ count(m) }}\n"
    )
    with pytest.raises(TemplateError) as info:
        render_markdown(load_report(folder), demo.result.figures)
    assert "ero.md.j2, line 3" in str(info.value)
    assert "ero.nothing" in str(info.value)


def test_missing_year_is_a_clear_error(tmp_path: Path, demo: Demo) -> None:
    folder = _report_with_template(tmp_path, "{{ count('ero.admin_arrests', fy=1999) }}\n")
    with pytest.raises(TemplateError, match="no figure for ero.admin_arrests FY1999"):
        render_markdown(load_report(folder), demo.result.figures)


def test_templates_hold_no_numbers() -> None:
    """Numbers come from figures: the flagship templates contain no digits outside tags."""
    import re

    for path in (REPORT_DIR / "templates").glob("*.j2"):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", path.read_text(), flags=re.S)
        assert not re.search(r"\d", text), f"{path.name} has a literal number"
