"""`yearbook check`: read the files, run the checker, write one of three outputs.

Exit codes: 0 when nothing is contradicted, 1 when something is, 2 on usage
errors and on inputs past a limit (a file larger than ``--max-bytes``, more
numbers than `MAX_NUMBERS`, a check longer than ``--timeout``), raised as
`UserError` and turned into exit 2 by the CLI edge. The check runs in a worker
process killed at the deadline (`yearbook.claims.budget`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from yearbook.claims import CheckResult, render_html, render_table
from yearbook.claims.budget import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Worker
from yearbook.claims.context import report_context
from yearbook.claims.remote import is_url
from yearbook.claims.sources import Source, load_crosswalk, load_sources
from yearbook.errors import UserError
from yearbook.figures import Figures
from yearbook.inputs import decode_error, read_limited

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


_HINT = "give the text to check: .txt, .md or .html"


def _read(path: Path, max_bytes: int) -> str:
    data = read_limited(path, max_bytes, _HINT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UserError(
            f"{path.name}: {decode_error(data, 'utf-8', err)}",
            hint="save the text as UTF-8 and try again",
        ) from None


def _figures(paths: tuple[Source, ...], report_dir: Path) -> Figures | None:
    if not paths:
        return None
    walk = report_dir / CROSSWALK
    return load_sources(paths, load_crosswalk(walk) if walk.is_file() else None)


@dataclass(frozen=True)
class _Job:
    text: str
    name: str
    fmt: str
    report_dir: Path
    figures: tuple[Source, ...]
    output: str
    fiscal_year: int | None


def run_check(
    file: Path,
    *,
    report_dir: Path,
    figures: Source | Sequence[Source] | None = None,
    output: str = "table",
    fiscal_year: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> CheckRun:
    """Check one file; the caller prints ``output`` and exits with ``exit_code``."""
    if output not in OUTPUTS:
        raise UserError(
            f"unknown output format {output!r}", hint=f"use one of {', '.join(OUTPUTS)}"
        )
    if max_bytes <= 0 or timeout <= 0:
        raise UserError("--max-bytes and --timeout must be positive")
    text = _read(file, max_bytes)
    fmt = "html" if file.suffix.lower() in (".html", ".htm") else "auto"
    sources = (figures,) if isinstance(figures, Path | str) else tuple(figures or ())
    job = _Job(text, file.name, fmt, report_dir, sources, output, fiscal_year)
    return Worker(_run_job, (job,), timeout=timeout).wait()


def _run_job(job: _Job) -> CheckRun:
    builds = [Path(source) for source in job.figures if not is_url(source)]
    context = report_context(job.report_dir, builds)
    figures = _figures(job.figures, job.report_dir)
    result = context.check(job.text, figures, fiscal_year=job.fiscal_year, fmt=job.fmt)
    if job.output == "json":
        rendered = result.to_json()
    elif job.output == "html":
        rendered = render_html(job.text, result, title=f"Claims checked: {job.name}")
    else:
        rendered = render_table(result)
    return CheckRun(rendered, 1 if result.contradicted else 0, result)
