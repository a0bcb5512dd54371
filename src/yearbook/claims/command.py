"""`yearbook check`: read the files, run the checker, write one of three outputs.

Exit codes: 0 when nothing is contradicted, 1 when something is, 2 on usage
errors (raised as `UserError` and turned into exit 2 by the CLI edge).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yearbook.claims import CheckResult, check, render_html, render_table
from yearbook.claims.sources import load_crosswalk, load_figures
from yearbook.errors import UserError
from yearbook.figures import Figures

__all__ = ["CROSSWALK", "OUTPUTS", "CheckRun", "run_check"]

OUTPUTS = ("table", "json", "html")
"""Output formats of `yearbook check`."""

CROSSWALK = Path("reference") / "official_crosswalk.csv"
"""Where a report folder keeps its crosswalk from published names to metric ids."""


@dataclass(frozen=True)
class CheckRun:
    """The rendered output and the exit code of one `yearbook check`."""

    output: str
    exit_code: int
    result: CheckResult


def _read(path: Path) -> str:
    if not path.is_file():
        raise UserError(f"no such file: {path}", hint="give the text to check: .txt, .md or .html")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(
            f"{path} is not UTF-8 text", hint="save it as UTF-8 and try again"
        ) from None


def _figures(path: Path | None, report_dir: Path) -> Figures | None:
    if path is None:
        return None
    walk = report_dir / CROSSWALK
    return load_figures(path, load_crosswalk(walk) if walk.is_file() else None)


def run_check(
    file: Path,
    *,
    report_dir: Path,
    figures: Path | None = None,
    output: str = "table",
    fiscal_year: int | None = None,
) -> CheckRun:
    """Check one file; the caller prints ``output`` and exits with ``exit_code``."""
    if output not in OUTPUTS:
        raise UserError(
            f"unknown output format {output!r}", hint=f"use one of {', '.join(OUTPUTS)}"
        )
    from yearbook.metrics.declarations import load_metrics

    text = _read(file)
    metrics = load_metrics(report_dir / "metrics")
    fmt = "html" if file.suffix.lower() in (".html", ".htm") else "auto"
    result = check(
        text, _figures(figures, report_dir), fiscal_year=fiscal_year, fmt=fmt, metrics=metrics
    )
    if output == "json":
        rendered = result.to_json()
    elif output == "html":
        rendered = render_html(text, result, title=f"Claims checked: {file.name}")
    else:
        rendered = render_table(result)
    return CheckRun(rendered, 1 if result.contradicted else 0, result)
